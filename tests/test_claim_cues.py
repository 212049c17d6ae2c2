"""Cues beyond verbs of saying: impressions and stances, headlines, light verbs and stance nouns."""

from __future__ import annotations

import hashlib

import pytest

from tests.conftest import claims_of
from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Document


@pytest.mark.parametrize(
    ("text", "verb", "content"),
    [
        ("The ferry operator appears to have cancelled the late crossings.", "appears",
         "The ferry operator appears to have cancelled the late crossings"),
        ("The orchard owners seemed tired of the long dispute.", "seemed",
         "The orchard owners seemed tired of the long dispute"),
        ("It seems that the reservoir will fill before June.", "seems", "the reservoir will fill before June"),
    ],
)
def test_an_impression_is_its_subject_with_its_complement(text: str, verb: str, content: str) -> None:
    (claim,) = [c for c in claims_of(text) if c.verb == verb]
    assert " ".join(p.exact for p in claim.content).replace(f" {verb} ", " ") == content.replace(f" {verb} ", " ")
    assert claim.cue is not None and claim.cue.exact == verb
    assert claim.claimant_name is None


def test_whom_it_seems_to_holds_the_impression() -> None:
    (claim,) = [c for c in claims_of("The revised plan seemed unfair to many residents.") if c.verb == "seemed"]
    assert claim.claimant_name == "many residents"
    assert "residents" not in claim.text


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Okafor appeared on the morning programme on Sunday.",
        "The mayor appeared before the council to present the budget.",
        "It was a remark that seemed aimed at the harbour board.",
    ],
)
def test_appearing_somewhere_is_no_impression(text: str) -> None:
    assert not [c for c in claims_of(text) if c.verb in ("appeared", "seemed")]


@pytest.mark.parametrize(
    ("text", "word", "holder", "content"),
    [
        ("The harbour master is confident that the new pier will hold.", "confident", "The harbour master",
         "the new pier will hold"),
        ("Teachers were worried that the exams would be moved.", "worried", "Teachers", "the exams would be moved"),
    ],
)
def test_a_stance_adjective_gives_its_subject_the_clause(text: str, word: str, holder: str, content: str) -> None:
    (claim,) = [c for c in claims_of(text) if c.verb == word]
    assert claim.claimant_name == holder
    assert claim.text == content


@pytest.mark.parametrize(
    ("text", "cue", "holder", "content"),
    [
        ("The senator was critical of the new harbor toll.", "was critical of", "The senator", "the new harbor toll"),
        ("Many residents are worried about the bridge closing.", "are worried about", "Many residents",
         "the bridge closing"),
        ("The ferry crews were unhappy with the winter timetable.", "were unhappy with", "The ferry crews",
         "the winter timetable"),
        ("Councillor Park was upfront about her doubts on the bridge.", "was upfront about", "Councillor Park",
         "her doubts on the bridge"),
        ("Few residents were interested in a second toll booth.", "were interested in", "Few residents",
         "a second toll booth"),
    ],
)
def test_a_stance_adjective_gives_its_subject_what_the_stance_is_towards(text: str, cue: str, holder: str,
                                                                        content: str) -> None:
    (claim,) = [c for c in claims_of(text) if c.cue is not None and c.cue.exact == cue]
    assert claim.claimant_name == holder
    assert claim.text == content


def test_a_stance_adjective_with_a_place_or_a_thing_as_subject_is_no_claim() -> None:
    assert not [c for c in claims_of("It was critical of the plan to wait.") if c.verb == "critical"]


def test_an_expletive_stance_is_no_claim() -> None:
    assert not [c for c in claims_of("It is certain that the road will reopen.") if c.verb == "certain"]


@pytest.mark.parametrize(
    ("headline", "cue", "source", "content"),
    [
        ("Harbour Chief Says Ferries Will Run Again", "Says", "Harbour Chief", "Ferries Will Run Again"),
        ("Update: Orchard Board Warns Prices Could Double", "Warns", "Orchard Board", "Prices Could Double"),
        ("Ferries Will Run Again, Harbour Chief Lowe Tells Council", "Tells", "Harbour Chief Lowe",
         "Ferries Will Run Again"),
        ("Ferries Will Run Again, Harbour Chief Says.", "Says", "Harbour Chief", "Ferries Will Run Again"),
    ],
)
def test_a_headline_speaker_says_the_rest(headline: str, cue: str, source: str, content: str) -> None:
    text = f"{headline}\n\nThe ferries stopped in March after a storm damaged the pier."
    (claim,) = [c for c in claims_of(text) if c.cue is not None and c.cue.exact == cue]
    assert claim.source is not None and claim.source.exact == source
    assert claim.text == content


def test_a_sentence_in_lower_case_is_no_headline() -> None:
    text = "The chief says the ferries will run again, though not before May."
    (claim,) = claims_of(text)
    assert claim.claimant_name == "The chief"
    assert claim.text.startswith("the ferries will run again")


@pytest.mark.parametrize(
    ("text", "cue", "holder", "content"),
    [
        ("The mayor made clear that she would not resign.", "made clear", "The mayor", "she would not resign"),
        ("The mayor made it clear she would stay.", "made it clear", "The mayor", "she would stay"),
        ("The mayor has voiced concerns over the new toll.", "has voiced concerns", "The mayor", "the new toll"),
        ("Lowe also took a swipe at the harbour board.", "took a swipe", "Lowe", "the harbour board"),
        ("The council made no mention of the budget.", "made no mention", "The council", "the budget"),
    ],
)
def test_a_light_verb_with_a_noun_of_saying_is_a_cue(text: str, cue: str, holder: str, content: str) -> None:
    (claim,) = claims_of(text)
    assert claim.cue is not None and claim.cue.exact.endswith(cue.split()[-1])
    assert claim.claimant_name == holder
    assert claim.text == content


@pytest.mark.parametrize(
    "text",
    ["She took a seat at the table.", "The win gave him a shot of energy before the vote.",
     "He made his pitch to the voters of the valley."],
)
def test_a_light_verb_with_any_other_object_is_narration(text: str) -> None:
    assert not claims_of(text)


@pytest.mark.parametrize(
    ("text", "holder", "content"),
    [
        ("Lowe's attacks on the harbour board continued.", "Lowe", "the harbour board"),
        ("Her criticism of the new pier never softened.", "Her", "the new pier"),
    ],
)
def test_a_possessed_stance_noun_is_taken_towards_its_phrase(text: str, holder: str, content: str) -> None:
    (claim,) = claims_of(text)
    assert (claim.source.exact if claim.source else None) == holder
    assert claim.text == content


def test_a_stance_noun_no_one_takes_is_the_writers() -> None:
    assert not claims_of("Criticism of the new pier grew over the summer.")


def test_states_a_clause_describes_are_no_cue() -> None:
    assert not claims_of("Turnout rose sharply in the coastal states that voted early in March.")


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("In the latest poll, Lowe leads Abbey by six points.", "the latest poll", "Lowe leads Abbey by six points"),
        ("Lowe leads Abbey by six points, in a survey by the Harbour Institute.", "a survey by the Harbour Institute",
         "Lowe leads Abbey by six points"),
        # closing the sentence without a comma, on the sentence's own verb
        ("Lowe is ahead in the polls in Maine and Vermont.", "the polls in Maine and Vermont", "Lowe is ahead"),
    ],
)
def test_a_clause_found_in_a_poll_is_the_polls(text: str, source: str, content: str) -> None:
    claims = [c for c in claims_of(text) if c.verb == "in"]
    assert [(c.source.exact if c.source else None, c.text) for c in claims] == [(source, content)]


def test_a_poll_with_its_own_cue_verb_or_no_clause_is_no_finding() -> None:
    assert all(c.verb != "in" for c in claims_of("In the poll, most voters said the ferry was too slow."))
    assert not claims_of("In May, the study was published.")
    assert not claims_of("Do well in the polls.")  # no subject: a fragment, nothing found


def test_a_finding_opening_the_sentence_with_a_participle_describing_it() -> None:
    # the parser may take "released" for the sentence's verb; the phrase still ends at its comma
    text = "In a Harbor Times/Acme News survey released Monday, 50 percent of voters chose Lowe while 40 percent chose Ortega."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="f.txt")
    claims = find_claims(doc, find_entities(doc))
    found = [c for c in claims if c.cue is not None and c.cue.exact == "In"]
    assert found and found[0].span.exact.startswith("50 percent of voters chose Lowe")
    assert found[0].source is not None and found[0].source.exact.startswith("a Harbor Times/Acme News survey")
