"""A past perfect and a past progressive told in the scene of the dated act before."""

from __future__ import annotations

from datetime import date

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 5)


def times(text: str, *dates: tuple[str, str]) -> dict[str, str | None]:
    doc = doc_of(text)
    found = events_of(doc, *(timex(doc, words, value) for words, value in dates), dct=DCT)
    return {e.label: e.reports[0].stated_time.edtf if e.reports[0].stated_time else None for e in found}


STORY = ("As the mayor Ruth Calder prepared to speak in Dorrance on Monday, a stray dog bit a boy outside the hall."
         "\n\nOfficials said the boy was fine. Dozens of residents had gathered outside the Pell Hotel in Dorrance, "
         "where Calder was holding her first meeting of the year.")


def test_a_past_perfect_after_a_paragraph_telling_no_act_is_by_the_scene_day() -> None:
    found = times(STORY, ("Monday", "2021-05-03"))
    assert found["Dozens of residents had gathered outside the Pell Hotel in Dorrance"] == "../2021-05-03"


def test_a_past_progressive_attached_to_that_past_perfect_is_on_the_scene_day() -> None:
    found = times(STORY, ("Monday", "2021-05-03"))
    assert found["Calder was holding her first meeting of the year"] == "2021-05-03"


def test_a_scene_two_paragraphs_back_is_left() -> None:
    found = times("The council met in Dorrance on Monday.\n\nThe town is small.\n\nIts hotel is old. Dozens of "
                  "residents had gathered outside the Pell Hotel, where Calder was holding a meeting.",
                  ("Monday", "2021-05-03"))
    assert found["Dozens of residents had gathered outside the Pell Hotel"] == "../2021-05-05"
    assert found["Calder was holding a meeting"] == "../2021-05-05"
