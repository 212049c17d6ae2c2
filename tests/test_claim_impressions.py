"""Impressions ("X seems Y", "it appears that ...") and stances ("X is confident that ...") as claims."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Claim, Document


def claims_of(text: str) -> tuple[Claim, ...]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    return find_claims(doc, find_entities(doc))


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


def test_an_expletive_stance_is_no_claim() -> None:
    assert not [c for c in claims_of("It is certain that the road will reopen.") if c.verb == "certain"]
