"""Attributions in headlines: "X Says Y" and "Y, X Says", read off the words."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Claim, Document


def claims_of(text: str) -> tuple[Claim, ...]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="h.txt")
    return find_claims(doc, find_entities(doc))


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
