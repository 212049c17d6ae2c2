"""Who speaks when the words name no one directly: a speaking "it", a kind of act as a subject."""

from __future__ import annotations

import hashlib

from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Claim, Document


def claims_of(text: str) -> tuple[Claim, ...]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="s.txt")
    return find_claims(doc, find_entities(doc))


def test_a_speaking_it_is_the_unnamed_thing_before_it() -> None:
    found = claims_of("The letter came from Detective Ana Silva on behalf of the harbor unit. It told boat owners "
                      "that the pier had been damaged, and it asked them to send photos.")
    by_verb = {c.verb: c for c in found}
    for verb in ("told", "asked"):
        assert by_verb[verb].claimant_name == "The letter"
        assert by_verb[verb].unnamed
        assert by_verb[verb].claimant is None


def test_a_speaking_it_is_no_person_and_no_number() -> None:
    (claim,) = claims_of("Ana Silva left the harbor board in May. It said the pier was shut.")
    assert claim.claimant_name == "It"
    (claim,) = [c for c in claims_of("About 74 percent backed the levy. It said the pier was shut.") if c.verb == "said"]
    assert claim.claimant_name == "It"


def test_a_speaking_it_is_not_a_subject_inside_what_was_said() -> None:
    found = claims_of("The harbor master said that the report was late. It said the pier was shut.")
    (claim,) = [c for c in found if c.text == "the pier was shut"]
    assert claim.claimant_name != "the report"


def test_a_kind_of_act_as_a_subject_is_no_ones_claim() -> None:
    found = claims_of("The agency told the paper in a statement that asking owners to share their video is "
                      "\"routine\" for its detectives.")
    assert [c.verb for c in found] == ["told"]
    assert found[0].text == "asking owners to share their video is \"routine\" for its detectives"
    assert not [c for c in claims_of("Asking owners for their video is routine, the chief said.") if c.verb == "asking"]
