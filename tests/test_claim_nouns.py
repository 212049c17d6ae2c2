"""Attributions whose cue is a noun: "raised questions about ...", "made statements about ..."."""

from __future__ import annotations

from tests.conftest import claims_of


def test_statements_someone_made_about_a_thing_are_about_it() -> None:
    (claim,) = claims_of("Tomas Ruiz made several statements about the harbor budget on Tuesday.")
    assert claim.claimant_name == "Tomas Ruiz"
    assert claim.text == "the harbor budget"
    assert claim.verb == "statements"


def test_questions_no_one_raises_are_the_writers() -> None:
    assert claims_of("Questions about the harbor budget remain.") == ()
