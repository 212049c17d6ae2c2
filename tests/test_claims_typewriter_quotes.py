"""Claims in text whose quotation marks are typed as two apostrophes (''so'')."""

from __future__ import annotations

import hashlib

from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Document


def _claims(text: str) -> list[tuple[str | None, str | None]]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    return [(c.claimant_name, c.quote) for c in find_claims(doc, find_entities(doc))]


def test_a_typewriter_quotation_after_a_reported_claim_is_the_same_speakers() -> None:
    text = "Mayor Olga Brant said the pier was unsafe. ''The boats go to Elm Bay. The ferry stops too.''"
    assert ("Mayor Olga Brant", "The boats go to Elm Bay. The ferry stops too.") in _claims(text)


def test_a_typewriter_quotation_goes_on_after_its_attribution() -> None:
    text = "''The pier is rotten,'' said Mayor Olga Brant, who visited the harbor. ''And the boats cannot dock.''"
    assert _claims(text) == [("Mayor Olga Brant", "The pier is rotten … And the boats cannot dock.")]
