"""Light verbs with a noun of saying as their object: "made clear that", "took a swipe at", "voiced concerns over"."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Claim, Document


def claims_of(text: str) -> tuple[Claim, ...]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="p.txt")
    return find_claims(doc, find_entities(doc))


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
