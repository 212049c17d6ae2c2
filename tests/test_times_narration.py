"""Times in past narration: a weekday of a clause told in the past, "minutes later" after the
time told last, "overnight"."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_graph.extract.times import find_times

THURSDAY = date(2021, 2, 18)


def found(text: str, dct: date | None = THURSDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_times(text, dct)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Falcons trounced their rivals 5-1 on Tuesday.", "2021-02-16"),
        ("The Falcons trounced their rivals Tuesday, and the coach praised them.", "2021-02-16"),
        ("The Falcons beat the Owls 3-2 Monday night in Dorvale.", "2021-02-15"),
        ("Dorvale's 4-2 win Monday over the Owls lifted them to third.", "2021-02-15"),
        ("Mayor Lina Vost signed the order and left for Bremen on Monday.", "2021-02-15"),
        # a participle with its agent, though its form is also a present one, is a past act
        ("The bridge, hit by a truck Monday, will reopen in May.", "2021-02-15"),
        ("The depot, shut by inspectors on Monday, may open again soon.", "2021-02-15"),
        # not a date set by someone: still ahead
        ("The Falcons will face their rivals Monday.", "2021-02-22"),
        ("The bridge, which a truck will hit Monday in a crash test, is old.", "2021-02-22"),
    ],
)
def test_a_weekday_of_a_clause_told_in_the_past_is_the_one_before(text: str, value: str) -> None:
    days = [(t.text, t.value) for t in find_times(text, THURSDAY) if "day" in t.text]
    assert [v for _, v in days] == [value], days


def test_minutes_later_falls_on_the_day_told_last() -> None:
    times = find_times("The crew reached the summit of Mount Hala on Tuesday. Minutes later, a storm hit.",
                       THURSDAY)
    later = times[-1]
    assert (later.text, later.type, later.value) == ("Minutes later", "DATE", "2021-02-16")
    assert later.time is not None and later.time.edtf == "2021-02-16"


@pytest.mark.parametrize("text", ["Minutes later, the roof of the Vost depot fell.",
                                  "The roof of the Vost depot fell hours later."])
def test_a_while_later_with_nothing_told_before_is_no_future(text: str) -> None:
    for dct in (THURSDAY, None):
        times = find_times(text, dct)
        assert len(times) == 1
        assert times[0].type == "DURATION" and times[0].value in ("PTXM", "PTXH")
        assert times[0].time is None


def test_hours_later_is_no_day_of_its_own() -> None:
    times = find_times("The ferry left Dorvale on Tuesday. Hours later it ran aground.", THURSDAY)
    assert [(t.text, t.value) for t in times] == [("Tuesday", "2021-02-16"), ("Hours", "PTXH")]


def test_overnight_is_the_night_before_the_day() -> None:
    assert found("Rain flooded the Hala road overnight.") == [("overnight", "TIME", "2021-02-17TNI")]
    # the night before the day told last
    assert found("Shares of Vost Corp. fell Tuesday after overnight losses in Asia.") == [
        ("Tuesday", "DATE", "2021-02-16"), ("overnight", "TIME", "2021-02-15TNI")]
    assert found("Rain flooded the Hala road overnight.", None) == [("overnight", "TIME", "XXXX-XX-XXTNI")]


@pytest.mark.parametrize("text", ["The singer became a star almost overnight.",
                                  "Ann Vost was an overnight success in Dorvale.",
                                  "Change will not happen overnight."])
def test_overnight_as_all_at_once_is_no_time(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The mayor of Dorvale would not comment Tuesday.", "2021-02-16"),
        ("Ann Vost would not say Monday whether she will run.", "2021-02-15"),
        # a future in the past, told by a verb of saying
        ("The mayor said he would not comment Monday.", "2021-02-22"),
        ("Ann Vost said she would not attend the gala Monday.", "2021-02-22"),
    ],
)
def test_a_refusal_would_not_comment_is_told_in_the_past(text: str, value: str) -> None:
    assert [t.value for t in find_times(text, THURSDAY)] == [value]
