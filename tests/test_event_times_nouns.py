"""A time set right after a noun, and a future told with a date gone by."""

from __future__ import annotations

from datetime import date

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 4)


def times(text: str, *dates: tuple[str, str]) -> dict[str, str | None]:
    doc = doc_of(text)
    found = events_of(doc, *(timex(doc, words, value) for words, value in dates), dct=DCT)
    return {e.label: e.reports[0].stated_time.edtf if e.reports[0].stated_time else None for e in found}


def test_a_relative_clause_hung_on_a_time_after_a_noun_tells_of_the_noun_then() -> None:
    found = times("Crews cleared the street after the blaze Sunday evening that gutted a bakery in Varnby.",
                  ("Sunday evening", "2021-05-02"))
    assert found["blaze gutted a bakery in Varnby"] == "2021-05-02"


def test_a_future_is_not_dated_by_a_day_gone_by() -> None:
    found = times("Ivo Sander will be charged with arson over the blaze Sunday evening that gutted a bakery.",
                  ("Sunday evening", "2021-05-02"))
    assert found["blaze gutted a bakery"] == "2021-05-02"
    assert not any(label.startswith("Ivo Sander will be charged") for label in found)


def test_a_past_verb_joined_to_a_future_keeps_its_day() -> None:
    found = times("The courier will stay in custody, a magistrate ruled Monday.", ("Monday", "2021-05-03"))
    assert found["a magistrate ruled"] == "2021-05-03"


def test_a_phrase_set_first_is_no_subject_and_the_date_after_the_name_is_the_acts() -> None:
    found = times("Inside the ferry terminal, Ana Ruiz on Monday dismissed the harbour master as unfit.",
                  ("Monday", "2021-05-03"))
    assert found["Ana Ruiz dismissed the harbour master"] == "2021-05-03"


def test_a_time_opened_by_and_before_a_verb_without_a_subject_is_that_verbs() -> None:
    found = times("The Varnby senator trailed both Ann Lowe and Per Dahl by wide margins in the weeks running up to "
                  "the race and last month won the backing of Mayor Ivo Sander.", ("last month", "2021-04"))
    assert found["won the backing of Mayor Ivo Sander"] == "2021-04"
