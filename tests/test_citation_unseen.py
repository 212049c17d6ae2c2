"""Citations on news written like no tuned example: an audience is no source, an interview with no
outlet is first-hand, works are read however the parse hangs them."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.citations import find_citations
from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Document
from timeline_graph.nlp import parse


def found(text: str, publisher: str | None = None) -> list[tuple[str, str]]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          publisher=publisher)
    parsed = parse(text)
    entities = find_entities(doc, parsed)
    return [(c.span.exact, c.cites_label)
            for c in find_citations(doc, entities, parsed, find_claims(doc, entities, parsed))]


@pytest.mark.parametrize(
    "text",
    [
        # an interview no outlet is named for: the document's own reporter heard the words
        "Marta Olsen, the mill's owner, said in a follow-up interview that the loan had been repaid.",
        "In the interview, Olsen said the mill would stay open through the winter.",
        "The clerk first denied any role, but in a later interview said she had shredded the files.",
        # a group of people told is an audience, not a medium
        "The novelist spoke for an hour, telling Brookfield College's graduating class that patience pays.",
        # an organization the document shows at an authority's work hears what it is told
        "BRA agents searched the mill on Monday. Marta Olsen later told the BRA that she had seen the truck.",
        # a source named inside a quotation is the speaker's, not the document's
        "“As the Harbor Ledger reported last week, the mill is closing,” Dora Ruiz said on Monday.",
        # ads that do something other than speak
        "Two groups have released online ads targeting Ruiz on water rates.",
        # one of an organization that is no outlet speaks for it; asked by one, no interview
        "Ann Lowe of the Harbor Council said that the mill would close.",
        "Ruiz was asked by the Green Party to run for mayor.",
        # an outlet that quoted a thing named passed no words on
        "It was a long poem, and the Bayside Courier only quoted one stanza of it.",
        # interviewed by an authority, written for a person
        "Ruiz was interviewed by police on Monday.",
        "Ruiz wrote for Ann Lowe a speech about the mill.",
        # a gathering spoken to is an audience
        "Speaking to the Harbor Conference of Mayors, Ruiz said the mill would close.",
        # a work no reader could find
        "The mill lost $2 million last year, according to one report.",
        # a source opening someone's quotation, and one inside a quotation printed with two single marks
        "According to Ann Lowe, “Harbor Watch revealed that the mill has been dumping waste for years.”",
        "''Your own staff have email records showing that the claims are false,'' Ruiz wrote.",
        # a work that was shown to be something shows nothing
        "Months later, after her first statement was shown to be false, Ruiz changed her story.",
        # a capitalized first word alone names no work
        "Analysis shows that the river is warming.",
    ],
)
def test_no_citation(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "exact", "label"),
    [
        # an interview named by its outlet
        ("In a September Harbor Radio interview, Olsen said the mill would close.",
         "Harbor Radio interview", "Harbor Radio"),
        # an outlet whose name the tagger read as a common noun, and one in quotation marks
        ("In an interview with Tidewater magazine, Olsen said she would run again.",
         "interview with Tidewater", "Tidewater"),
        ("“We were never told,” Olsen said in an interview with “Coast Morning Report.”",
         "in an interview", "Coast Morning Report"),
        # a statement made by a speaker named by a noun
        ("“We will not sell the land,” the group said in a statement.", "in a statement", "a statement"),
        ("The firm said in a statement that it would appeal.", "in a statement", "a statement"),
        # a work closing its sentence found what the clause before it says
        ("Ruiz and Lowe are tied in the race for mayor, a new citywide poll has found.", "a new citywide poll", "poll"),
        # a summary is a work
        ("The guard left the gate open twice, according to the summary.", "according to the summary", "summary"),
        # a reporter's outlet, given after "of"; not an organization named like no outlet
        ("Ann Lowe of the Harbor Times reported that the mill would close.", "Ann Lowe of the Harbor Times reported",
         "Harbor Times"),
        ("Asked about the mill by the Harbor Times, Ruiz said it would close.", "Asked about the mill by the Harbor Times",
         "Harbor Times"),
        # an outlet that interviewed, one written for, a show interviewed on
        ("Ruiz was interviewed by the Bayside Courier on Monday and said the mill would close.",
         "interviewed by the Bayside Courier", "Bayside Courier"),
        ("The senator wrote for the Harbor Informer that the district is neglected.", "wrote for the Harbor Informer",
         "Harbor Informer"),
        # an outlet that asked and heard the answer
        ("Olsen's office, when contacted by Harbor Radio, said she could not recall the dinner.",
         "contacted by Harbor Radio", "Harbor Radio"),
        # words given in an outlet named by its noun, and through a memo
        ("“It will be a fine year,” Olsen said in the newspaper.", "in the newspaper", "newspaper"),
        ("The files were moved, Dora Ruiz wrote in a memo to the board's chair.", "in a memo", "Dora Ruiz"),
        # an ad that speaks, and footage that shows
        ("After the vote, Ruiz released a new radio ad calling the tax plan “reckless.”", "radio ad", "radio ad"),
        ("Footage from the meeting shows several members walking out.", "Footage", "Footage"),
        # a tweet whose speaker is named by a noun, or after the quotation
        ("“Blink twice if you need help!” one viewer tweeted.", "tweeted", "viewer"),
        # an outlet after the quotation it wrote, read by the parse as the verb's object
        ("“The race is already decided,” wrote Tidewater magazine.", "wrote", "Tidewater magazine"),
        # a work the parse split at a slash, and a name the entity reader cut at a hyphen
        ("According to a Bay Radio/Ledger poll, the two are tied.", "According to", "Bay Radio"),
        ("The mayor marched near the front of the parade, WXYZ-TV reported.", "WXYZ-TV reported", "WXYZ-TV"),
    ],
)
def test_citation(text: str, exact: str, label: str) -> None:
    assert any(e.startswith(exact) or exact in e for e, _ in found(text) if label in _), found(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a poll framing a clause, hung by the parse on a noun before it
        ("Ruiz won 41 percent support among likely voters in a new Bayview Courier poll released Monday.",
         "Bayview Courier"),
        ("Lowe rose four points in the Harbor Ledger survey to 30 percent.", "Harbor Ledger"),
        # a nominal predicate framed by a poll
        ("Lowe was at 25 percent in the latest Harbor Ledger poll, up six points.", "Harbor Ledger"),
        # those asked in a poll are what it found
        ("Ruiz was backed by 38 percent of the voters surveyed in the Harbor Ledger poll.", "Harbor Ledger"),
    ],
)
def test_a_poll_framing_a_clause(text: str, label: str) -> None:
    assert [lab for _, lab in found(text) if label in lab], found(text)


def test_a_numbered_reference_list_is_read_entry_by_entry() -> None:
    text = ("Sources:\n1. Ann Lowe, \"Pier vote delayed,\" Bayside Courier, March 3, 2021.\n"
            "2. Bo Ruiz, \"Mill to close,\" Harbor Ledger, May 4, 2020.\n")
    assert [label for _, label in found(text)] == ["Bayside Courier: Pier vote delayed (March 3, 2021)",
                                                  "Harbor Ledger: Mill to close (May 4, 2020)"]


def test_the_document_s_own_outlet_by_a_longer_name_heard_the_words_itself() -> None:
    text = ("Olsen told Harbor Ledger News that the mill would close. In an interview with Harbor Ledger News, "
            "she said it would reopen in May.")
    assert found(text, publisher="Harbor Ledger") == []
    assert found(text, publisher="Bayside Courier") != []
