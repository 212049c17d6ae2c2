"""Cue words in a sense that attributes nothing: adding a thing, a fact's consequence."""

from __future__ import annotations

import pytest

from timeline_graph.extract.claims import find_claims
from timeline_graph.model import Document


def verbs_of(text: str) -> list[str | None]:
    return [c.verb for c in find_claims(Document.create(sha256="d" * 64, text=text, source="x"), ())]


@pytest.mark.parametrize(
    "text",
    [
        "The council added a new clause to the harbour bill.",
        "The firm added 300 jobs in March.",
        "For Tarsen, the new policy would mean walling off the harbour from the rest of the coast.",
        "The rule changed at the last minute, meaning voters have to register again.",
        "This rivalry means shouting loudly and demanding more from the council.",
    ],
)
def test_adding_a_thing_and_a_consequence_are_no_claims(text: str) -> None:
    assert verbs_of(text) == []


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Lowe added that the ferry would run on Sunday.", "added"),
        ('"We are ready," Lowe added.', "added"),
        ("Lowe means to run for mayor of Tarsen.", "means"),
    ],
)
def test_adding_words_and_meaning_to_stay_claims(text: str, verb: str) -> None:
    assert verbs_of(text) == [verb]
