"""The parser's recurring misattachments that the claims extractor mends before it reads the tree.

Each test takes the pipeline's parse of a sentence, gives it one known mistake of the parser
(the shapes seen on real news), and checks that the claim read off it is the one the sentence
makes, as it is when the parse is right.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from timeline_graph import nlp
from timeline_graph.extract import claim_parse
from timeline_graph.extract.claims import find_claims
from timeline_graph.model import Claim, Document


def misparsed(text: str, **changes: dict[str, object]) -> nlp.Parse:
    """The parse of ``text`` with the words named in ``changes`` re-attached (``head`` given as
    the text of the head word)."""
    parse = nlp.parse(text)
    tokens = list(parse.tokens)
    index = {t.text: t.i for t in tokens}
    for word, values in changes.items():
        values = dict(values)
        if "head" in values:
            values["head"] = index[str(values["head"])]
        tokens[index[word]] = tokens[index[word]]._replace(**values)
    return replace(parse, tokens=tokens)


def claims_with(text: str, **changes: dict[str, object]) -> tuple[Claim, ...]:
    """The claims of ``text`` read off its parse with the words named in ``changes`` re-attached."""
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="p.txt")
    return find_claims(doc, (), misparsed(text, **changes))


def said(claims: tuple[Claim, ...]) -> list[tuple[str, str | None]]:
    return [(c.span.exact, c.claimant_name) for c in claims]


def test_a_clause_with_no_verb_before_the_cue_is_not_what_was_said() -> None:
    text = "Hours later, in her closing remarks, Lowe said the ferry would run again."
    claims = claims_with(text, Hours={"dep": "nsubj", "head": "later"}, later={"dep": "ccomp", "head": "said"})
    assert said(claims) == [("the ferry would run again", "Lowe")]


def test_a_clause_inside_the_speakers_description_is_not_what_was_said() -> None:
    text = 'Okafor, the author of "Counting Boats," about the harbor trade, said the old piers are gone.'
    claims = claims_with(text, Counting={"dep": "csubj", "head": "said"})
    assert [c.span.exact for c in claims] == ["the old piers are gone"]


def test_a_name_hung_on_the_verb_before_it_is_the_subject_of_the_cue() -> None:
    text = "A week after backing the bridge plan, Okafor still believes that the old ferry is safer."
    claims = claims_with(text, backing={"dep": "csubj", "head": "believes"}, Okafor={"dep": "conj", "head": "backing"})
    assert ("the old ferry is safer", "Okafor") in said(claims)


def test_a_subject_read_as_the_first_part_of_a_compound_with_the_cue() -> None:
    text = "The Harbor Department estimates that 3,000 residents will lose their ferry service."
    claims = claims_with(text, The={"dep": "det", "head": "estimates"}, Department={"dep": "compound", "head": "estimates"})
    assert said(claims) == [("3,000 residents will lose their ferry service", "The Harbor Department")]


def test_an_infinitive_the_tagger_read_as_a_noun_is_what_was_promised() -> None:
    text = "The captain, a veteran of the northern routes, has repeatedly promised to quickly repair 12 damaged ferries."
    claims = claims_with(text, repair={"pos": "NOUN"})
    assert said(claims) == [("to quickly repair 12 damaged ferries", "The captain")]


def test_a_speaker_with_a_long_description_read_as_the_sentence_root() -> None:
    text = "Dana Okafor, an economist at the Harbor Institute, calculates that 6,000 jobs at the port pay less than $15 an hour."
    claims = claims_with(text, Okafor={"dep": "ROOT", "head": "Okafor"}, calculates={"dep": "parataxis", "head": "Okafor"})
    assert said(claims) == [("6,000 jobs at the port pay less than $15 an hour", "Dana Okafor")]


def test_a_speakers_description_is_not_what_was_said_when_the_name_is_taken_for_the_clause() -> None:
    text = "“The fees went far beyond legal limits,” said Omar Haddad, a spokesman."
    claims = claims_with(text, Haddad={"dep": "ccomp", "head": "said"})
    assert said(claims) == [("The fees went far beyond legal limits", "Omar Haddad")]


def test_a_relative_clause_after_the_speaker_read_as_what_was_said() -> None:
    text = "Ms. Lowe, whose ferry plan was widely seen as a gamble, said the pier would open in May."
    claims = claims_with(text, Lowe={"dep": "obl", "head": "seen"}, seen={"dep": "ccomp", "head": "said"})
    assert ("the pier would open in May", "Ms. Lowe") in said(claims)


def test_a_share_of_people_read_as_a_clause_before_the_verb_is_who_spoke() -> None:
    text = "More than half of the riders said the ferry was late."
    claims = claims_with(text, More={"dep": "ccomp", "head": "said"}, half={"dep": "obl", "head": "More"})
    assert said(claims) == [("the ferry was late", "More than half of the riders")]


def test_a_description_and_a_name_read_as_two_objects_of_an_inverted_cue() -> None:
    text = "The pier will close in May, says watchdog group the Harbor Rights Project."
    claims = claims_with(text, group={"dep": "obj", "head": "says"}, Project={"dep": "obj", "head": "says"},
                         the={"dep": "det", "head": "Project"})
    assert said(claims) == [("The pier will close in May", "the Harbor Rights Project")]
    assert not claims[0].unnamed


def test_a_participle_describing_an_object_runs_to_the_sentences_end() -> None:
    # the parser hangs the reason on the sentence's verb, outside the participle's clause
    text = "The ferry company issued a statement saying it closed the pier because of storm damage."
    claims = claims_with(text, damage={"dep": "obl", "head": "issued"})
    # (who issued the statement speaks through it)
    assert said(claims) == [("it closed the pier because of storm damage", "The ferry company")]


def test_a_second_verb_of_saying_hung_on_the_content_is_the_speakers_next_cue() -> None:
    text = "Lowe said the pier was safe and added that the ferry would sail on Monday."
    claims = claims_with(text, added={"dep": "conj", "head": "safe"})
    assert said(claims) == [("the pier was safe", "Lowe"), ("the ferry would sail on Monday", "Lowe")]


def test_a_that_clause_hung_on_whom_it_was_told_to_is_what_was_told() -> None:
    text = "Lowe denied the report but told the reporters that the ferry would sail on Monday."
    claims = claims_with(text, sail={"dep": "acl:relcl", "head": "reporters"})
    assert said(claims) == [("the report", "Lowe"), ("the ferry would sail on Monday", "Lowe")]


def test_a_clause_right_after_a_verb_hung_on_the_words_before_is_what_was_feared() -> None:
    text = "While most residents like the ferry, some critics fear the new fares will drive riders away."
    claims = claims_with(text, residents={"head": "drive"}, fear={"dep": "parataxis", "head": "residents"})
    assert said(claims) == [("the new fares will drive riders away", "some critics")]


def test_a_noun_between_a_verb_of_saying_and_its_clause_is_the_clauses_subject() -> None:
    text = "Lowe said the plan for the new pier was too costly."
    claims = claims_with(text, plan={"dep": "obj", "head": "said"})
    assert said(claims) == [("the plan for the new pier was too costly", "Lowe")]


def test_a_verb_hung_on_the_time_before_it_is_the_predicate_of_the_name_before_that() -> None:
    """ "Ruiz, the state's budget chief, on Tuesday said ...": the parser reads the sentence as a
    noun phrase, the verb as a participle describing "Tuesday" ("Tuesday, said ...")."""
    text = "Governor Ana Ruiz, the state's budget chief, on Tuesday said the harbor tax would rise."
    misread = {"Ana": {"dep": "ROOT", "head": "Ana"}, "chief": {"dep": "list", "head": "Ana"},
               "Tuesday": {"dep": "list", "head": "Ana"}, "said": {"dep": "acl", "head": "Tuesday", "tag": "VBN"}}
    claims = claims_with(text, **misread)
    assert [(c.span.exact, c.claimant_name) for c in claims if c.cue and c.cue.exact == "said"] == [
        ("the harbor tax would rise", "Governor Ana Ruiz")]
    # the event reads the same mended tree: its subject is the governor, not the day
    mended = claim_parse.mended(misparsed(text, **misread))
    assert {t.text: (t.dep, mended.tokens[t.head].text) for t in mended.tokens if t.text in ("Ana", "Tuesday", "said")} == {
        "Ana": ("nsubj", "said"), "Tuesday": ("obl", "said"), "said": ("ROOT", "said")}


def test_a_parse_is_mended_once_and_as_when_worked_out_afresh() -> None:
    """The claims and events extractors share one mended copy of a parse: the same as a fresh mending."""
    from timeline_graph.extract.claim_parse import _mend, mended

    parse = nlp.parse("Exit polling shows he won. Lowe said the pier was safe and added that it was fine.")
    first = mended(parse)
    assert mended(parse) is first
    assert first.tokens == _mend(parse).tokens
    assert first.tokens != parse.tokens  # a parse that needed mending


def test_a_poll_ending_a_subject_headed_by_another_noun_still_speaks() -> None:
    # "A Harbor Journal/KBX poll showed ...": the parse made "Journal" the subject, "poll" its conjunct
    text = "A Harbor Journal/KBX poll showed a slimmer lead for Lowe."
    claims = claims_with(text, Journal={"dep": "nsubj", "head": "showed"}, poll={"dep": "conj", "head": "Journal"})
    assert [c.text for c in claims] == ["a slimmer lead for Lowe"]


def test_a_cue_verb_read_as_a_noun_inside_a_that_clause_is_the_complement_of_the_report() -> None:
    text = "Brandt reported that emails among transit staff show drivers asking owners for footage."
    claims = claims_with(
        text, that={"dep": "det", "head": "emails"}, emails={"dep": "ccomp", "head": "reported"},
        among={"dep": "case", "head": "show"}, staff={"dep": "compound", "head": "show"},
        show={"dep": "compound", "head": "drivers", "pos": "VERB", "tag": "VBP"},
        drivers={"dep": "parataxis", "head": "reported"})
    assert sorted(said(claims)) == [
        ("drivers asking owners for footage", "emails among transit staff"),
        ("emails among transit staff show drivers asking owners for footage", "Brandt"),
    ]


def test_a_predicate_in_the_tense_of_what_was_said_goes_on_with_it() -> None:
    # the parser hangs the second predicate on the cue, as if the speaker did it
    text = "Rita Vance said the trust is not a lobby and supports candidates in both towns."
    claims = claims_with(text, supports={"dep": "conj", "head": "said"})
    assert said(claims) == [("the trust is not a lobby and supports candidates in both towns", "Rita Vance")]


def test_a_predicate_in_the_tense_of_the_cue_stays_the_speakers() -> None:
    text = "Rita Vance said the trust is not a lobby and denied the report."
    claims = claims_with(text, denied={"dep": "conj", "head": "said"})
    assert said(claims) == [("the trust is not a lobby", "Rita Vance"), ("the report", "Rita Vance")]


def test_a_cue_verb_read_as_an_adjective_of_its_object_is_the_sentences_verb() -> None:
    # the parser reads the sentence as one noun phrase headed by the object, the verb its modifier
    text = "In reply, Lowe assured voters she would make the county pay for the dock."
    claims = claims_with(text, voters={"dep": "ROOT", "head": "voters"},
                         assured={"dep": "amod", "head": "voters", "tag": "VBN"},
                         Lowe={"dep": "compound", "head": "voters"}, make={"dep": "acl:relcl", "head": "voters"})
    assert said(claims) == [("she would make the county pay for the dock", "Lowe")]
    text = "Some accused Lowe of stirring anger against Ruiz."
    claims = claims_with(text, Lowe={"dep": "ROOT", "head": "Lowe"}, accused={"dep": "amod", "head": "Lowe", "tag": "VBN"},
                         Some={"dep": "det", "head": "Lowe"})
    assert said(claims) == [("Lowe of stirring anger against Ruiz", "Some")]


def test_a_participle_before_its_noun_stays_an_adjective() -> None:
    assert not claims_with("The proposed levy failed.")
def test_a_name_read_as_a_compound_on_the_cue_is_its_speaker() -> None:
    # a no-break space between the name and the verb leads the parser to join them this way
    text = "“We have no idea yet,” Okafor told the Harbor Club at its spring dinner."
    claims = claims_with(text, Okafor={"dep": "compound", "head": "told", "pos": "PROPN"})
    assert said(claims) == [("We have no idea yet", "Okafor")]


def test_a_common_noun_read_as_a_compound_on_a_verb_is_no_speaker() -> None:
    text = "Voters in the coastal states that flooded last spring want new sea walls."
    claims = claims_with(text, coastal={"dep": "compound", "head": "states", "pos": "PROPN"},
                         states={"pos": "VERB", "tag": "VBZ", "dep": "ROOT", "head": "states"})
    assert all(c.claimant_name != "coastal" for c in claims)


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        # whom a quotation was told to is not its speaker
        ("“The tolls will go down by spring,” Joe Kasper told the Harbor News.", {"Joe": {"dep": "appos", "head": "tolls"}}),
        # the name before a description with a name in it
        ("“The tolls will go down by spring,” Joe Kasper, a Lowe supporter, told the Harbor News.",
         {"Joe": {"dep": "appos", "head": "tolls"}, "Kasper": {"dep": "flat", "head": "Joe"}}),
        # the name after a description with a name in it
        ("“The tolls will go down by spring,” Lowe's chief of staff, Joe Kasper, told the Harbor News.",
         {"chief": {"dep": "appos", "head": "tolls"}}),
    ],
)
def test_the_speaker_of_a_verb_of_telling_left_without_a_subject(text: str, changes: dict[str, dict[str, object]]) -> None:
    assert [c.claimant_name for c in claims_with(text, **changes)] == ["Joe Kasper"]


def test_a_that_clause_hung_on_the_cue_completes_the_noun_before_it() -> None:
    text = "Recent studies of the harbor have found little evidence that raising the toll drives boats away."
    claims = claims_with(text, that={"dep": "nsubj", "head": "raising", "pos": "SCONJ"},
                         raising={"dep": "csubj", "head": "drives"}, drives={"dep": "parataxis", "head": "found"})
    assert said(claims) == [("little evidence that raising the toll drives boats away", "Recent studies of the harbor")]
