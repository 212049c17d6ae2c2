"""An empty "it" before a passive cue, a passive's agent, and a relative "that" after a noun of saying."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, claims_of


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        ("It was announced by the council that the pier will close.", "was announced", "the pier will close",
         "the council"),
        ("It has been said by many that the ferry will stop.", "has been said", "the ferry will stop", "many"),
        ("It was reported by two papers that the mayor of Velmont had resigned.", "was reported",
         "the mayor of Velmont had resigned", "two papers"),
        ("It is believed that the pier will close.", "is believed", "the pier will close", None),
        ("It has been reported that the harbour fees will double.", "has been reported",
         "the harbour fees will double", None),
    ],
)
def test_an_empty_it_is_neither_content_nor_source(text: str, cue: str, content: str, source: str | None) -> None:
    claim = by_cue(text)[cue]
    assert claim.span.exact == content
    assert (claim.source.exact if claim.source is not None else None) == source


def test_a_passive_agent_is_the_source_and_the_subject_what_it_is_told_of() -> None:
    # the guidelines' rule: the sentient agent is the source; "the plan" is what the criticism is of
    claim = by_cue("The plan was criticized by the union.")["was criticized"]
    assert claim.source is not None and claim.source.exact == "the union"
    assert claim.span.exact == "The plan"


def test_a_passive_agent_with_as_is_the_source_of_what_the_subject_is_called() -> None:
    claim = by_cue("The plan was denounced by the union as a giveaway.")["was denounced"]
    assert claim.source is not None and claim.source.exact == "the union"
    assert [p.exact for p in claim.content] == ["The plan", "a giveaway"]


def test_a_passive_without_an_agent_has_no_source() -> None:
    assert all(c.source is None or c.source.exact != "The plan" for c in claims_of("The plan was criticized."))


@pytest.mark.parametrize(
    "text",
    [
        "The estimates that the board published proved wrong.",
        "The claim that she made was false.",
        "The hope that the council expressed faded.",
    ],
)
def test_a_relative_that_after_a_noun_of_saying_makes_no_claim(text: str) -> None:
    # the noun is the object the relative clause's verb lacks, not a statement it reports
    assert claims_of(text) == ()


def test_a_that_clause_after_a_noun_of_saying_is_still_its_content() -> None:
    claim = by_cue("Kira Voss made the argument that the pier is now a two-way contest.")["argument"]
    assert claim.span.exact == "the pier is now a two-way contest"
