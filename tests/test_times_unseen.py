"""Time expressions in constructions of news the rules were not tuned on: a plural noun before a
weekday is no present verb, a present verb before a yearless month looks ahead, "moments
earlier" is of the day told last, "last" after a possessive is "final"."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_graph.extract.times import find_times

THURSDAY = date(2016, 3, 24)
MONDAY = date(2016, 6, 13)


def values(text: str, dct: date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, dct)]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # a noun phrase after a preposition holds no subject: its "-s" word is a plural noun
        ("Ruiz stopped a movement that has led the race for months, defeating Omar Tate in the "
         "opening county caucuses Monday.", date(2016, 6, 14), "2016-06-13"),
        ("Ruiz ended a streak that has held for most of the spring, beating the sitting mayor by "
         "double digits Monday.", date(2016, 6, 14), "2016-06-13"),
        # a word in "-ing" after an article is an adjective of the noun that follows
        ("Ruiz's handling of the unfolding events on Sunday - calls with aides while posting a "
         "stream of terse notes online - is typical of how she meets a crisis.", MONDAY, "2016-06-12"),
    ],
)
def test_a_plural_noun_before_a_weekday_is_no_present_verb(text: str, dct: date, value: str) -> None:
    assert [v for t, v in values(text, dct) if t.endswith("day")] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The senator testifies Thursday.", "2016-03-24"),
        ("The head of the port agency testifies Thursday.", "2016-03-24"),
        ("In Ohio the senator speaks Monday.", "2016-03-28"),
        ("After the vote Ruiz speaks Monday.", "2016-03-28"),
        # a condition or a plan in the simple present before a yearless month: the coming one
        ("The party could lose its majority if Ruiz is at the top of the ticket in November.", "2016-11"),
        ("Ruiz is on the county ballot in November.", "2016-11"),
        # a past verb: the November gone by
        ("The county sold the old depot in November.", "2015-11"),
        # a present of a figure for a month near the document date stays that month
        ("The jobless rate is 5 percent in February.", "2016-02"),
    ],
)
def test_a_present_verb_looks_ahead(text: str, value: str) -> None:
    assert [v for _, v in values(text, THURSDAY)] == [value]


@pytest.mark.parametrize("words", ["Moments earlier", "Minutes earlier", "Moments later"])
def test_a_while_too_short_to_leave_the_day_told_is_of_that_day(words: str) -> None:
    text = f"The mayor opened the bridge on Tuesday. {words}, a gust tore the banner down."
    assert values(text, THURSDAY) == [("Tuesday", "2016-03-22"), (words, "2016-03-22")]


def test_a_longer_while_earlier_stays_a_past_of_its_own() -> None:
    text = "The mayor opened the bridge on Tuesday. Hours earlier, a gust tore the banner down."
    assert values(text, THURSDAY) == [("Tuesday", "2016-03-22"), ("Hours earlier", "PAST_REF")]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # after a possessive, "last" is "final": no deictic year or week
        ("He hosted 25 parties in 2008, his last year in office.", "last year", "XXXX"),
        ("The plant's last week of work was quiet.", "last week", "XXXX-WXX"),
        # an object pronoun, a contraction or no possessive: the one before the document date
        ("We met her last week.", "last week", "2016-W11"),
        ("It's last year all over again.", "last year", "2015"),
        ("The mill closed last year.", "last year", "2015"),
    ],
)
def test_last_after_a_possessive_is_final_not_the_one_before(text: str, words: str, value: str) -> None:
    assert [v for t, v in values(text, THURSDAY) if t == words] == [value]
