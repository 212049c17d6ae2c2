"""Citations of an outlet by its noun or its short name, and of works and media the tagger misreads."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.citations import find_citations
from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Citation, Document
from timeline_graph.nlp import parse


def citations_of(text: str) -> tuple[Citation, ...]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    parsed = parse(text)
    entities = find_entities(doc, parsed)
    return find_citations(doc, entities, parsed, find_claims(doc, entities, parsed))


def found(text: str) -> list[tuple[str, str]]:
    return [(c.span.exact, c.cites_label) for c in citations_of(text)]


@pytest.mark.parametrize(
    ("text", "exact", "label"),
    [
        # an outlet by its common noun, with no name beside it
        ("The newspaper urged the council to publish the accounts.", "The newspaper urged", "newspaper"),
        ("“Ruiz should visit the flooded towns,” the editorial said.", "the editorial said", "editorial"),
        # a work or its verb the tagger took for another part of speech
        ("For the second week running, a poll shows upstart candidate Dora Ruiz leading the field.", "a poll shows",
         "poll"),
        ("The Bayside Courier's own tracking poll puts Ruiz at 41 percent.",
         "The Bayside Courier's own tracking poll puts", "Bayside Courier"),
        ("A Harbor Ledger poll, taken last week among 900 voters, shows Ruiz ahead by six points.",
         "A Harbor Ledger poll", "Harbor Ledger"),
        # a clause framed by works credited to their makers
        ("Ruiz beat Lowe in every pairing in recent polls from Tide Research and Bay Radio.",
         "in recent polls", "recent polls"),
        ("Polls from Quinnipiac show Ruiz ahead.", "Polls from Quinnipiac show", "Polls"),
        ("A Bay Radio poll released Sunday found that most voters backed Ruiz.",
         "Bay Radio poll released Sunday found", "Bay Radio"),
        ("Estimates from the Tide Institute put the damage at 4 million dollars.", "Estimates from the Tide Institute",
         "Tide Institute"),
        ("In the latest Tide/Harbor Ledger survey, 64 percent of fishermen backed Lowe.",
         "Tide/Harbor Ledger survey", "Harbor Ledger"),
        ("The inquiry found that the pier was unsafe.", "The inquiry", "inquiry"),
        # a medium by its hyphenated word, a filing, a show by its outlet
        ("Dora Lowe wrote in an op-ed for the Harbor Ledger that the pier must reopen.", "op-ed for the Harbor Ledger",
         "Harbor Ledger"),
        ("In a filing with the Securities Commission, Tidewater Mining said its profit fell.",
         "In a filing with the Securities Commission, Tidewater Mining", "Tidewater Mining"),
        ("Dora Lowe said on Bay Radio's morning show that the pier would reopen.", "said on Bay Radio's morning show",
         "Bay Radio"),
        # a show or site by its title in quotation marks, and the outlet whose show it is
        ("The pier was unsafe, Ann Lowe said Wednesday morning on Bay Radio’s “Morning Tide.”",
         "said Wednesday morning on Bay Radio", "Bay Radio"),
        ("Ann Lowe said on “Morning Tide” that the pier was unsafe.", "said on “Morning Tide", "Morning Tide"),
        # a medium or an outlet the parse hung on the verb's object
        ("Praising the crew's work in a Bay Radio interview, the captain described the rescue.",
         "a Bay Radio interview", "Bay Radio"),
        ("Dora Lowe recounted the rescue on Bay Investigative Radio.", "recounted the rescue on Bay Investigative Radio",
         "Bay Investigative Radio"),
        ("In a national Bay Radio/Harbor University Poll, likely voters said they were scared.",
         "In a national Bay Radio/Harbor University Poll", "Bay Radio"),
        # an outlet that heard the words, however they reached it
        ("Dora Lowe confirmed to the Harbor Ledger that the pier was closed.", "confirmed to the Harbor Ledger",
         "Harbor Ledger"),
        ("Dora Lowe said in an email to the Harbor Ledger that the pier was closed.", "in an email to the Harbor Ledger",
         "Harbor Ledger"),
        # what people said in a poll is what the poll found
        ("In a poll run by the Harbor Ledger and Bay Radio, only a third of fishermen said they trusted Ruiz.",
         "In a poll run by the Harbor Ledger", "Harbor Ledger"),
        # the speaker of a quotation, named between the quotation and "said in a statement"
        ("“We will reopen the pier in May,” Tomas Greer, the harbour board's chair, said in a statement.",
         "Tomas Greer, the harbour board's chair, said in a statement", "Tomas Greer"),
    ],
)
def test_sources_the_parse_alone_would_miss(text: str, exact: str, label: str) -> None:
    assert (exact, label) in found(text), found(text)


def test_a_definite_outlet_noun_names_the_outlet_cited_before_it() -> None:
    text = "The Harbor Ledger reported the closure on Monday. The newspaper said the pier would stay shut until June."
    assert found(text) == [("The Harbor Ledger reported", "Harbor Ledger"), ("The newspaper said", "Harbor Ledger")]
    entities = {c.cites_entity for c in citations_of(text)}
    assert len(entities) == 1 and None not in entities


def test_an_indefinite_outlet_noun_or_the_document_itself_names_no_earlier_outlet() -> None:
    text = "The Harbor Ledger reported the closure on Monday. A Bayside newspaper said the pier would stay shut."
    assert ("A Bayside newspaper said", "A Bayside newspaper") in found(text)
    assert not [f for f in found("This newspaper said in May that the pier would close.") if "newspaper" in f[0]]


def test_a_short_name_of_an_outlet_named_in_full_is_that_outlet() -> None:
    text = "Marlin News aired the interview on Sunday. The pollster Ann Lowe told Marlin that turnout would be low."
    assert ("told Marlin", "Marlin") in found(text)


def test_a_blog_post_is_a_medium_when_its_words_are_given() -> None:
    assert [label for _, label in found("Ed Lowe put it plainly when he blogged: “The pier is doomed.”")] == ["Ed Lowe"]
    assert found("Ed Lowe blogged about the pier for years.") == []


def test_a_tweet_is_a_medium_when_its_words_are_given() -> None:
    text = "Mayor Ann Lowe weighed in on Friday, tweeting her thanks to the crews.\n\n“Proud of our crews,” she wrote."
    assert [label for _, label in found(text)] == ["Ann Lowe"]
    assert found("The Tide Agency tweeted a photo of the flooded pier.") == []


def test_people_called_figures_and_a_verb_with_its_own_subject_stay_out() -> None:
    assert found("Some party figures declared that Lowe was unstoppable.") == []
    assert [label for _, label in found("The Tide Gazette's analysis of the records found 40 complaints.")] == [
        "Tide Gazette"]


def test_a_noun_said_of_a_work_and_a_search_alone_cite_nothing() -> None:
    assert found("The result is an 800-page report released Tuesday.") == []
    assert found("In a survey, most voters approved.") == []
    assert found("Most polls show Ruiz ahead.") == []


def test_an_outlet_told_by_its_noun_is_the_outlet_cited_before_unless_it_is_the_document_s_own() -> None:
    text = "The Harbor Ledger reported the closure on Monday. Dora Lowe told the newspaper that the pier would reopen."
    assert ("told the newspaper", "Harbor Ledger") in found(text)
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          publisher="The Harbor Ledger")
    parsed = parse(text)
    entities = find_entities(doc, parsed)
    assert [c.span.exact for c in find_citations(doc, entities, parsed, find_claims(doc, entities, parsed))] == [
        "The Harbor Ledger reported"]


def test_words_said_in_a_speech_went_to_a_crowd_not_through_a_medium() -> None:
    assert found("Dora Lowe said in a speech that the pier would reopen.") == []
    assert found("In a speech on Monday, Dora Lowe said the pier would reopen.") == []


def test_a_site_of_an_event_is_a_place_not_an_outlet() -> None:
    assert found("The site of the blast said little about its past.") == []
    assert [label for _, label in found("The news site said the pier was unsafe.")] == ["news site"]


def test_a_person_known_by_a_full_name_told_by_the_last_name_is_an_audience() -> None:
    assert found("Bill Clinton called often. She had her staff tell Clinton she was busy.") == []
    assert found("Dora Lowe recounted the rescue on Monday.") == []


def test_speaking_on_an_outlet_cites_it_and_a_condition_cites_nothing() -> None:
    assert [exact for exact, _ in found("Speaking on Bay Radio, Dora Lowe said the pier was closed.")] == [
        "Speaking on Bay Radio"]
    assert found("Speaking on condition of anonymity, an official said the pier was closed.") == []
    assert found("In a letter to the Harbor City Council, Dora Lowe wrote that the pier was closed.") == []
