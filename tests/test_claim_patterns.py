"""The word patterns read where the parse gives no claim: a verb that keeps or makes a thing says nothing."""

from __future__ import annotations

from tests.conftest import claims_of


def test_maintaining_a_lead_is_no_claim() -> None:
    assert claims_of("Sen. Ann Lowe maintained her lead over Tomas Ruiz in the harbor district.") == ()
    assert claims_of("Though Ruiz is gaining ground, Ann Lowe maintains a commanding lead among harbor voters.") == ()


def test_writing_a_letter_is_no_claim() -> None:
    assert claims_of("Ann Lowe wrote the letter to the harbor board in May.") == ()


def test_a_maintained_clause_is_still_a_claim() -> None:
    (claim,) = claims_of("Ann Lowe maintained that the pier was safe.")
    assert claim.text == "the pier was safe"
