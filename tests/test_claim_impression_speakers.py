"""A verb of saying or thinking after "seem" or "appear" is its subject's claim."""

from __future__ import annotations

import pytest

from timeline_graph.extract.claims import find_claims
from timeline_graph.model import Claim, Document


def claims_of(text: str) -> list[Claim]:
    return list(find_claims(Document.create(sha256="e" * 64, text=text, source="x"), ()))


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Senator Ann Lowe seemed to recognize the weight of the vote in Tarsen.", "Ann Lowe",
         "the weight of the vote in Tarsen"),
        ("Voters seem to believe that the ferry levy will pass.", "Voters", "the ferry levy will pass"),
    ],
)
def test_a_cue_after_seem_is_its_subjects_claim(text: str, speaker: str, content: str) -> None:
    (claim,) = claims_of(text)
    assert speaker in (claim.claimant_name or "")
    assert claim.text == content


def test_an_impression_without_a_cue_keeps_no_speaker() -> None:
    (claim,) = claims_of("The harbour council appears to have dropped the plan.")
    assert claim.claimant_name is None and claim.verb == "appears"
