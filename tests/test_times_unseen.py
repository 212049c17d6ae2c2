"""Time expressions in constructions of news the rules were not tuned on: a plural noun before a
weekday is no present verb, a present verb before a yearless month looks ahead, "last" after a
possessive is "final"."""

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
        ("Ruiz's handling of the unfolding crisis on Sunday - calls with aides while posting a "
         "stream of terse notes online - is typical of how she meets a crisis.", MONDAY, "2016-06-12"),
    ],
)
def test_a_plural_noun_before_a_weekday_is_no_present_verb(text: str, dct: date, value: str) -> None:
    assert [v for t, v in values(text, dct) if t.endswith("day")] == [value]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The senator testifies Thursday.", THURSDAY, "2016-03-24"),
        ("The head of the port agency testifies Thursday.", THURSDAY, "2016-03-24"),
        ("In Ohio the senator speaks Monday.", THURSDAY, "2016-03-28"),
        ("After the vote Ruiz speaks Monday.", THURSDAY, "2016-03-28"),
        # a condition or a plan in the simple present before a yearless month: the coming one
        ("The party could lose its majority if Ruiz heads the ticket in November.", THURSDAY, "2016-11"),
        ("Ruiz is on the county ballot in November.", THURSDAY, "2016-11"),
        # a past verb: the November gone by
        ("The county sold the old depot in November.", THURSDAY, "2015-11"),
        # a present of a figure for a month near the document date stays that month
        ("The jobless rate is 5 percent in February.", THURSDAY, "2016-02"),
        # a condition in the simple present is about a time to come
        ("It could happen if Ruiz rolls through the county caucuses Monday, then wins again.",
         date(2016, 1, 31), "2016-02-01"),
        ("The party could lose the Senate if Ruiz wins the nomination in November.", date(2016, 1, 31), "2016-11"),
        ("If Ruiz wins the county contest Tuesday, she leads.", date(2016, 3, 23), "2016-03-29"),
        # a past in the condition, or a date of a noun in it, is not
        ("If prices fell in November, the report did not say so.", date(2016, 1, 31), "2015-11"),
        ("If Ruiz builds on her Tuesday wins with a big victory in the west, she leads.",
         date(2016, 3, 23), "2016-03-22"),
    ],
)
def test_a_present_verb_or_condition_looks_ahead(text: str, dct: date, value: str) -> None:
    assert [v for _, v in values(text, dct)] == [value]


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


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        # in a Monday article, a speaker's day words count from the day the speaker spoke
        ('"We voted yesterday," the mayor said on Friday.', "yesterday", "2021-02-18"),
        ('"We will vote tomorrow," the mayor said Friday.', "tomorrow", "2021-02-20"),
        ("``The talks begin today,'' said Ann Ruiz, the mayor, on Thursday.", "today", "2021-02-18"),
        ('The mayor said Friday: "We vote tomorrow."', "tomorrow", "2021-02-20"),
        # no day named, or the document's own: the document date
        ('"We vote tomorrow," the mayor said.', "tomorrow", "2021-02-23"),
        ('"We vote tomorrow," the mayor said today.', "tomorrow", "2021-02-23"),
        ('"We vote tomorrow," the mayor said. Ruiz spoke on Friday.', "tomorrow", "2021-02-23"),
    ],
)
def test_a_speakers_day_words_count_from_the_day_said(text: str, word: str, value: str) -> None:
    assert [v for t, v in values(text, date(2021, 2, 22)) if t == word] == [value]


@pytest.mark.parametrize(
    "text",
    [
        # an age written with a space before "old" is an age still, which TimeML leaves unmarked
        "The 39-year old harbor commissioner spoke first.",
        "She has a 1-year old daughter.",
        "The law bars 17-year-olds from voting.",
        # an amount with "or more" before "an hour" is a rate, no time
        "The plant pays $20 or more an hour.",
    ],
)
def test_an_age_or_a_rate_is_no_time(text: str) -> None:
    assert values(text, THURSDAY) == []


def test_a_hyphenated_span_before_a_noun_stays_a_duration() -> None:
    assert values("They built a 40-year career at the port.", THURSDAY) == [("40-year", "P40Y")]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # the day of an event a past act came before: the nearest such day, not the one gone by
        ("Ruiz said the choice was for voters ahead of Tuesday's county primary.", date(2016, 2, 7), "2016-02-09"),
        ("Ruiz campaigned hard ahead of the Nov. 8 election.", date(2016, 7, 3), "2016-11-08"),
        ("The rally was held in the square before Saturday's county vote.", date(2016, 2, 18), "2016-02-20"),
        # a plan before it still looks ahead
        ("The group aims to spend $900 million before the November elections.", date(2016, 3, 24), "2016-11"),
        # a deadline lies ahead; a state that lasted until an event tells of one gone by
        ("The panel is expected to file its findings before the Sunday deadline.", date(2016, 1, 29), "2016-01-31"),
        ("Until Monday's announcement, both stocks were trading flat.", date(2016, 6, 17), "2016-06-13"),
    ],
)
def test_a_date_of_an_event_an_act_came_before_is_the_nearest(text: str, dct: date, value: str) -> None:
    assert [v for _, v in values(text, dct)] == [value]
