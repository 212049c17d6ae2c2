"""A quoted title of a book, a film or a report is nobody's words."""

from __future__ import annotations

from tests.conftest import claims_of


def test_a_quoted_book_title_is_not_what_was_written() -> None:
    (claim,) = claims_of('In her book "Hard Choices for Harbor Towns," Ann Lowe wrote that the pier must close.')
    assert claim.claimant_name == "Ann Lowe"
    assert claim.text == "the pier must close"


def test_a_title_after_titled_is_not_what_was_said() -> None:
    (claim,) = claims_of('The council, in a report titled "Harbor Plans," said the pier must close.')
    assert claim.claimant_name == "The council"
    assert claim.text == "the pier must close"


def test_quoted_words_after_a_work_are_still_a_quotation_when_they_are_a_sentence() -> None:
    (claim,) = claims_of('In her book, Ann Lowe wrote: "The pier must close before the winter storms."')
    assert claim.claimant_name == "Ann Lowe"
    assert "pier must close" in claim.text
