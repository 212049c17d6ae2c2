"""Time expressions: spans, TIMEX3 values, EDTF time values and what they are anchored to."""

from __future__ import annotations

import dataclasses
import doctest
import typing
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline_graph.extract.times as times_module
from timeline_graph.extract.times import VERSION, Timex, extract, find_times
from timeline_graph.model import TimeValue

DCT = date(2021, 2, 17)  # a Wednesday


def found(text: str, dct: date | None = DCT) -> list[tuple[str, str]]:
    """(words, TIMEX3 value) of every expression found."""
    return [(t.text, t.value) for t in find_times(text, dct)]


def one(text: str, dct: date | None = DCT) -> Timex:
    times = find_times(text, dct)
    assert len(times) == 1, [(t.text, t.value) for t in times]
    return times[0]


# --- absolute dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The council met on February 16, 2021 to vote.", "February 16, 2021", "2021-02-16"),
        ("Filed 2020-06-16 by the clerk.", "2020-06-16", "2020-06-16"),
        ("Received 6/16/2020 at the front desk.", "6/16/2020", "2020-06-16"),
        ("Received 16/6/2020 at the front desk.", "16/6/2020", "2020-06-16"),
        ("It was sent on the 4th of July, 1999.", "the 4th of July, 1999", "1999-07-04"),
        ("The trial opened in March 2019.", "March 2019", "2019-03"),
        ("The mill closed in 1987.", "1987", "1987"),
        ("Rules written in the 1990s still apply.", "the 1990s", "199"),
        ("Sales grew through the 1980s and 1990s.", "1990s", "199"),
        ("The band toured with '90s acts.", "'90s", "199"),
        ("Built in the 19th century.", "the 19th century", "18"),
    ],
)
def test_absolute_dates(text: str, words: str, value: str) -> None:
    assert (words, value) in found(text)


def test_abbreviated_months_keep_their_day() -> None:
    assert found("The deadline moved from Aug. 31 to Sept. 28.") == [
        ("Aug. 31", "2020-08-31"), ("Sept. 28", "2020-09-28")]


def test_ordinal_day() -> None:
    t = one("The hearing is set for June 16th, 2021.")
    assert (t.text, t.value, t.time and t.time.precision) == ("June 16th, 2021", "2021-06-16", "day")


def test_month_and_year_alone_have_month_and_year_bounds() -> None:
    t = one("The report came out in July 2018.")
    assert t.time is not None
    assert (t.time.edtf, t.time.earliest, t.time.latest) == ("2018-07", date(2018, 7, 1),
                                                             date(2018, 7, 31))


def test_season_with_year() -> None:
    t = one("Testing resumed in the summer of 2019.")
    assert t.value == "2019-SU"
    assert t.time is not None and t.time.edtf == "2019-22"


def test_decade_edtf() -> None:
    t = one("Cameras were rare in the 1970s.")
    assert t.time is not None
    assert (t.time.edtf, t.time.earliest, t.time.latest) == ("197X", date(1970, 1, 1),
                                                             date(1979, 12, 31))


@pytest.mark.parametrize(
    ("text", "value", "edtf"),
    [
        ("Profit fell in the third quarter of 2019.", "2019-Q3", "2019-35"),
        ("Profit fell in Q1 2020.", "2020-Q1", "2020-33"),
        ("Profit rose in the first half of 2020.", "2020-H1", "2020-40"),
    ],
)
def test_quarters_and_halves(text: str, value: str, edtf: str) -> None:
    t = one(text)
    assert t.value == value
    assert t.time is not None and t.time.edtf == edtf


def test_modifiers_keep_the_containing_unit() -> None:
    assert found("Work began in early June 2020 and ended in late 2021.") == [
        ("early June 2020", "2020-06"), ("late 2021", "2021")]
    assert found("Prices peaked in mid-2019.") == [("mid-2019", "2019")]


def test_year_range_is_one_interval() -> None:
    t = one("The program ran 2019-2021 in three cities.")
    assert (t.text, t.type) == ("2019-2021", "DATE")
    assert t.time is not None and t.time.edtf == "2019/2021"
    assert (t.time.earliest, t.time.latest) == (date(2019, 1, 1), date(2021, 12, 31))


def test_month_range_from_to() -> None:
    t = one("The pilot ran from May to August 2020.")
    assert t.text == "May to August 2020"
    assert t.time is not None and t.time.edtf == "2020-05/2020-08"


def test_range_is_given_to_the_scorer_as_its_two_ends() -> None:
    got = extract("Both sites were open 2019-2021.", "2021-02-17")
    assert [(g["start"], g["end"], g["value"]) for g in got] == [(21, 25, "2019"),
                                                                 (26, 30, "2021")]


# --- relative to the document date ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The footage was requested yesterday.", "yesterday", "2021-02-16"),
        ("She will testify tomorrow.", "tomorrow", "2021-02-18"),
        ("The mayor spoke today.", "today", "2021-02-17"),
        ("Officers met this week.", "this week", "2021-W07"),
        ("Sales dropped last year.", "last year", "2020"),
        ("Rates rise next month.", "next month", "2021-03"),
        ("The law passed two years ago.", "two years ago", "2019"),
        ("The vote happened three days ago.", "three days ago", "2021-02-14"),
        # a fraction of a decade or a century is whole years back, a year
        ("The lighthouse was shut half a century ago.", "half a century ago", "1971"),
        ("The quarry closed a decade and a half ago.", "a decade and a half ago", "2006"),
        ("The canal opened a century and a half ago.", "a century and a half ago", "1871"),
        ("The camera went up last summer.", "last summer", "2020-SU"),
        ("The app launches this spring.", "this spring", "2021-SP"),
        ("The case was filed last quarter.", "last quarter", "2020-Q4"),
    ],
)
def test_relative_to_document_date(text: str, words: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value) == (words, value)
    assert t.time is not None and t.time.anchor == "document date 2021-02-17"


def test_in_three_days_in_the_future_is_a_date() -> None:
    t = one("The council will decide in three days.")
    assert (t.text, t.type, t.value) == ("three days", "DATE", "2021-02-20")


def test_tonight_is_the_document_day_and_this_morning_a_time_of_it() -> None:
    t = one("The vote is tonight.")
    assert (t.text, t.type, t.value) == ("tonight", "DATE", "2021-02-17")
    t = one("The police chief spoke this morning.")
    assert (t.type, t.value) == ("TIME", "2021-02-17TMO")
    assert t.time is not None and t.time.edtf == "2021-02-17"


def test_vague_references() -> None:
    assert found("The rule is now in force.") == [("now", "PRESENT_REF")]
    t = one("The group recently asked for footage.")
    assert t.value == "PAST_REF"
    assert t.time is not None and t.time.latest == date(2021, 2, 16) and t.time.earliest is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Prosecutors may soon charge the Varnel brothers.", [("soon", "FUTURE_REF")]),
    ("The ferry will soon resume its night crossings.", [("soon", "FUTURE_REF")]),
    ("It is too soon to judge the new timetable.", [("soon", "FUTURE_REF")]),
    # in the past, "soon" follows the act told before it, not the document date
    ("Orlin soon left the port.", []),
    ("She called the harbor office as soon as she landed.", []),
    ("He resigned soon after the vote.", []),
    ("The mill will reopen sooner than planned.", []),
])
def test_soon_is_a_future_reference_unless_told_in_the_past(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# --- tense and anchors ------------------------------------------------------------------------


def test_bare_weekday_in_past_tense_is_the_one_before() -> None:
    t = one("The department announced Monday that it had ended the program.")
    assert t.value == "2021-02-15"


def test_bare_weekday_in_future_tense_is_the_one_after() -> None:
    t = one("The department will announce its decision Monday.")
    assert t.value == "2021-02-22"


def test_weekday_on_the_document_day_is_that_day() -> None:
    assert one("The department said Wednesday it would review the policy.").value == "2021-02-17"


def test_last_and_next_weekday_skip_the_document_day() -> None:
    assert found("It began last Wednesday and ends next Wednesday.") == [
        ("last Wednesday", "2021-02-10"), ("next Wednesday", "2021-02-24")]


def test_bare_month_by_tense() -> None:
    assert one("The agency received the request in December.").value == "2020-12"
    assert one("The agency will publish the figures in March.").value == "2021-03"


def test_bare_month_day_takes_the_nearest_year() -> None:
    assert one("The deadline is Jan. 4.", date(2020, 12, 20)).value == "2021-01-04"
    assert one("The raid happened on Nov. 30.", date(2021, 1, 10)).value == "2020-11-30"


def test_later_counts_from_the_previous_date() -> None:
    times = find_times("The request went out on June 16, 2020. Two days later it was granted.",
                       DCT)
    assert [(t.text, t.value) for t in times] == [("June 16, 2020", "2020-06-16"),
                                                  ("Two days later", "2020-06-18")]
    assert times[1].time is not None and times[1].time.anchor == "previous date 2020-06-16"


def test_the_following_day_counts_from_the_previous_date() -> None:
    assert found("Police asked on March 3, 2019. The following day they got it.") == [
        ("March 3, 2019", "2019-03-03"), ("The following day", "2019-03-04")]


def test_a_year_earlier_of_a_quarter_is_that_quarter_a_year_before() -> None:
    assert found("Net income rose in the third quarter of 2020 from a year earlier.") == [
        ("the third quarter of 2020", "2020-Q3"), ("a year earlier", "2019-Q3")]


def test_a_year_ago_compares_with_the_reported_quarter_even_paragraphs_later() -> None:
    filler = "The company also named a new finance chief and opened two plants. " * 8
    got = found(f"Profit rose in the third quarter. {filler}Sales were $4 million, up from $3 million a year ago.")
    assert got[0] == ("the third quarter", "2020-Q3")
    assert got[-1] == ("a year ago", "2019-Q3")


@pytest.mark.parametrize(("text", "words", "value"), [
    ("The ferry sank last Oct. 23 off the cape.", "Oct. 23", "2020-10-23"),
    ("The pier closed this past March 2 for repairs.", "March 2", "2020-03-02"),
    ("The ferry will sail again next Feb. 10.", "Feb. 10", "2022-02-10"),
])
def test_last_or_next_before_a_month_and_day_picks_the_year(text: str, words: str, value: str) -> None:
    # DCT 2021-02-17: "last Oct. 23" is the one before it; the date alone is marked, as TimeML does
    assert found(text) == [(words, value)]


def test_a_running_total_a_year_earlier_is_the_year_before_not_the_quarter() -> None:
    got = found("Revenue grew in the third quarter of 2020. For the first nine months, the shop "
                "earned $2 million, against $1 million a year earlier.")
    assert got[-1] == ("a year earlier", "2019")
    got = found("Profit doubled in the second quarter of 2020. For the six months, it posted "
                "year-earlier net of $5 million.")
    assert got[-1] == ("year-earlier", "2019")


def test_year_ago_results_are_the_reported_quarter_a_year_before_not_two() -> None:
    got = found("Net income fell in the third quarter of 2020. The year-ago results included a gain.")
    assert got == [("the third quarter of 2020", "2020-Q3"), ("year-ago", "2019-Q3")]


# --- rules for common news phrases ------------------------------------------------------------


def test_the_weekend_by_tense_and_preposition() -> None:
    t = one("Protesters gathered over the weekend.")  # DCT Wednesday 2021-02-17
    assert (t.text, t.value) == ("the weekend", "2021-W06-WE")
    assert t.time is not None and (t.time.earliest, t.time.latest) == (date(2021, 2, 13), date(2021, 2, 14))
    assert one("Traders squared positions ahead of the weekend.").value == "2021-W07-WE"


def test_the_year_reported_and_the_year_ended() -> None:
    assert found("For the year, sales rose 4%.") == [("the year", "2021")]
    assert found("Net income for the full year was flat.") == [("the full year", "2021")]
    t = find_times("Revenue in the year ended March 31 rose.", DCT)[0]
    assert (t.text, t.type, t.value) == ("the year", "DURATION", "P1Y")
    assert found("Rain delayed planting earlier in the year.") == [("earlier in the year", "2021")]
    assert found("In the year since the vote, little changed.") == []


def test_year_end_looks_ahead_after_by_and_back_after_since() -> None:
    assert found("The deal should close by year-end.") == [("year-end", "2021-12-31")]
    assert found("Shares are up 5% since year-end.") == [("year-end", "2020-12-31")]


def test_this_month_name_and_this_season_are_of_the_current_year() -> None:
    assert found("The election is due this September.") == [("this September", "2021-09")]
    assert found("The fees fell this January.") == [("this January", "2021-01")]
    assert found("Work starts this summer.") == [("this summer", "2021-SU")]
    assert found("It snowed a lot this winter.") == [("this winter", "2020-WI")]


def test_weekday_evening_keeps_its_part_of_day() -> None:
    t = one("The offer expired Friday evening, the company said.")
    assert (t.type, t.value) == ("TIME", "2021-02-12TEV")
    assert one("The rally was held Friday night.").value == "2021-02-12"


def test_recent_years_is_a_past_reference() -> None:
    t = one("Sales have slumped in recent years.")
    assert (t.text, t.type, t.value) == ("recent years", "DATE", "PAST_REF")
    assert t.time is not None and t.time.latest == date(2021, 2, 16)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Until Thursday, they had not called him a suspect.", "2021-02-11"),
        ("All members had filed their reports by Monday.", "2021-02-15"),
        ("Officials postponed until Tuesday any action on the request.", "2021-02-23"),
        ("On Friday, when she set aside vacation plans, the talks began.", "2021-02-12"),
        ("She plans to meet the mayor Friday.", "2021-02-19"),
        ("The peace talks are set to resume Monday.", "2021-02-22"),
        ("The offer had been due to expire Friday.", "2021-02-12"),
        ("Trading is to resume Tuesday in Paris.", "2021-02-23"),
        ("Lawyers said they would fight Monday's ruling.", "2021-02-15"),
    ],
)
def test_weekday_tense_rules(text: str, value: str) -> None:
    assert [t.value for t in find_times(text, DCT) if t.type == "DATE"] == [value]


# A past-tense verb governing a yearless date puts it before the document date however far back
# that is; a future, a schedule or a new deadline keeps the forward reading (DCT 2021-02-17).
@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The meeting was held in May.", "May", "2020-05"),
        ("The council said it met in May to discuss the cameras.", "May", "2020-05"),
        ("In May, the council approved the contract.", "May", "2020-05"),
        ("The vote in May was close.", "May", "2020-05"),
        ("The last vote took place in May, when the board split.", "May", "2020-05"),
        ("Cameras were installed at the Springfield, Ill., station in May.", "May", "2020-05"),
        ("The store opened in the spring.", "the spring", "2020-SP"),
        ("Profit rose in the second quarter.", "the second quarter", "2020-Q2"),
        ("The shop reopened at Easter.", "Easter", "2020-04-12"),
        ("By May, 400 departments had signed up.", "May", "2020-05"),
        ("Agreed in May, the plan took effect at once.", "May", "2020-05"),
        ("The store remained closed until May.", "May", "2020-05"),
        ("The store was closed until May.", "May", "2020-05"),
        ("Police have requested footage since May.", "May", "2020-05"),
    ],
)
def test_past_tense_dates_never_land_after_the_document_date(text: str, words: str, value: str) -> None:
    t = next(t for t in find_times(text, DCT) if t.text.endswith(words))
    assert t.value == value
    assert t.time is not None and t.time.earliest is not None and t.time.earliest <= DCT


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The board will meet in May.", "May", "2021-05"),
        ("The board is going to meet in May.", "May", "2021-05"),
        ("The company plans to launch the app in May.", "May", "2021-05"),
        ("The mayor said the board meets in May.", "May", "2021-05"),
        ("The mayor said he travels in May.", "May", "2021-05"),
        ("Officials said the rules will be published in May.", "May", "2021-05"),
        ("The rules, which expire in May, were written last year.", "May", "2021-05"),
        ("The dividend, declared Monday, is payable May 3.", "May 3", "2021-05-03"),
        ("The board extended the offer to May 3.", "May 3", "2021-05-03"),
        ("She gave the city until May to respond.", "May", "2021-05"),
        ("The agency asked the firm to respond by May 3.", "May 3", "2021-05-03"),
        ("The vote was scheduled for May.", "May", "2021-05"),
        ("The agency gave no reason for the May 3 deadline.", "May 3", "2021-05-03"),
        ("The store will open in the spring.", "the spring", "2021-SP"),
        ("The store will remain closed until May.", "May", "2021-05"),
        ("The rule was adopted in December and goes into effect in April.", "April", "2021-04"),
        ("Officials expect the cameras installed in May.", "May", "2021-05"),
        ("The company hopes to have the cameras installed by May.", "May", "2021-05"),
        ("The vote was delayed until May.", "May", "2021-05"),
        ("The bank said it will redeem 2 million preferred shares on May 3.", "May 3", "2021-05-03"),
        ("The payment will be made on a still unspecified date in May.", "May", "2021-05"),
    ],
)
def test_future_schedules_and_deadlines_keep_the_forward_reading(text: str, words: str, value: str) -> None:
    assert next(t.value for t in find_times(text, DCT) if t.text.endswith(words)) == value


def test_a_weekday_governed_by_a_past_verb_is_past_whatever_the_aside_says() -> None:
    got = found("On Friday, the council, which will meet again next month, voted to end it.")
    assert got[0] == ("Friday", "2021-02-12")


def test_a_day_of_the_month_alone() -> None:
    assert one("The police requested footage on the 5th.").value == "2021-02-05"
    assert one("The police requested footage on the 20th.").value == "2021-01-20"
    assert one("The board will vote on the 25th.").value == "2021-02-25"
    assert found("In January the council met twice; on the 20th it voted.") == [
        ("January", "2021-01"), ("the 20th", "2021-01-20")]
    t = one("The board voted on the 5th.", None)
    assert (t.text, t.value, t.time) == ("the 5th", "XXXX-XX-05", None)
    assert found("The office is on the 5th floor.") == []
    assert found("They met on the 3rd anniversary of the vote.") == []


def test_a_date_right_after_a_past_verb_is_past() -> None:
    assert found("In the fiscal year ended Jan. 31, sales rose.", date(2021, 10, 30)) == [
        ("the fiscal year", "P1Y"), ("Jan. 31", "2021-01-31")]
    assert found("Rules to be published in early December will decide.", date(2021, 10, 30)) == [
        ("early December", "2021-12")]


def test_then_current_is_a_past_reference() -> None:
    assert found("at half the then current price") == [("then current", "PAST_REF")]


def test_a_time_of_day_falls_on_the_day_just_mentioned() -> None:
    got = found("The doctor was shot on Oct. 23, 2020, at his home. He died at 10 p.m. in hospital.")
    assert got == [("Oct. 23, 2020", "2020-10-23"), ("10 p.m.", "2020-10-23T22:00")]


def test_n_units_later_is_a_date_here_and_a_duration_for_timeml() -> None:
    text = "The vote was on June 1, 2020. Three days later the mayor resigned."
    assert found(text)[-1] == ("Three days later", "2020-06-04")
    start = text.index("Three days")
    assert extract(text, "2021-02-17")[-1] == {"start": start, "end": start + len("Three days"),
                                               "value": "P3D", "type": "DURATION"}


def test_spelled_years_with_a_month_or_season() -> None:
    assert found("It happened in January nineteen ninety-seven.") == [
        ("January nineteen ninety-seven", "1997-01")]
    assert found("Prices fell in the winter of nineteen ninety-four.") == [
        ("the winter of nineteen ninety-four", "1994-WI")]


def test_the_week_of_a_day_is_its_iso_week() -> None:
    assert found("A hearing is set for the week of March 8, 2021.") == [
        ("the week of March 8, 2021", "2021-W10")]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # March 1, 2020 is a Sunday: most of its first seven days lie in week 10
        ("The ferry strike began in the first week of March 2020.", "the first week of March 2020",
         "2020-W10"),
        ("The last week of June 2019 was the hottest.", "The last week of June 2019", "2019-W26"),
        # yearless: the month as a month alone would be read (said in February 2021)
        ("The inquiry will report in the second week of April.", "the second week of April",
         "2021-W14"),
    ],
)
def test_the_nth_week_of_a_month_is_one_iso_week(text: str, words: str, value: str) -> None:
    assert found(text) == [(words, value)]


def test_this_quarter_and_the_quarter_a_year_ago_follow_the_reported_quarter() -> None:
    got = found("Net fell in the fourth quarter of 2020. This quarter's loss was large. "
                "For the quarter a year ago, it earned $3 million.")
    assert got == [("the fourth quarter of 2020", "2020-Q4"), ("This quarter", "2020-Q4"),
                   ("the quarter a year ago", "2019-Q4")]


def test_effective_dates_look_ahead() -> None:
    assert found("The new contract is effective June 1.") == [("June 1", "2021-06-01")]


# --- undated documents ------------------------------------------------------------------------


def test_undated_month_day_stays_unresolved_but_bounded_by_month_and_day() -> None:
    t = one("The footage was shared on June 16.", None)
    assert t.value == "XXXX-06-16"
    assert t.time is not None and t.time.edtf == "XXXX-06-16" and t.time.anchor is None


def test_undated_relative_expressions_are_never_anchored_to_today() -> None:
    times = find_times("Yesterday the chief said last summer was busy; it ends Tuesday.", None)
    assert [(t.text, t.value) for t in times] == [("Yesterday", "XXXX-XX-XX"),
                                                  ("last summer", "XXXX-SU"),
                                                  ("Tuesday", "XXXX-WXX-2")]
    assert all(t.time is None for t in times)


def test_undated_absolute_dates_still_resolve() -> None:
    assert found("It was signed on 12 May 2018.", None) == [("12 May 2018", "2018-05-12")]


# --- durations and sets -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The contract lasts two years.", "two years", "P2Y"),
        ("Officers kept the video for 12 hours.", "12 hours", "PT12H"),
        ("They waited nearly forty minutes.", "nearly forty minutes", "PT40M"),
        ("It was a five-year plan.", "five-year", "P5Y"),
        ("Growth over the past two decades was slow.", "the past two decades", "P20Y"),
        ("The review takes several weeks.", "several weeks", "PXW"),
        ("The rule lapsed after 1 1/2 years.", "1 1/2 years", "P1Y6M"),
        ("The talks lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("It took a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The bank repays within ten business days.", "ten business days", "P10D"),
        ("The index slid for six trading days.", "six trading days", "P6D"),
        ("The strike cost the pupils 12 school days.", "12 school days", "P12D"),
        # no number of quarters, no number of months: the unit is kept
        ("The mill made a profit after several quarters of losses.", "several quarters", "PXQ"),
    ],
)
def test_durations(text: str, words: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value, t.time) == (words, "DURATION", value, None)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The board meets every Tuesday.", "every Tuesday", "XXXX-WXX-2"),
        ("The figures are published annually.", "annually", "P1Y"),
        ("The logs are checked daily.", "daily", "P1D"),
        ("The camera uploads twice a day.", "twice a day", "P1D"),
        ("Inspections happen each year.", "each year", "P1Y"),
        # one quarter is its own unit, as "several quarters" keeps it (PXQ)
        ("The co-op pays its members every quarter.", "every quarter", "P1Q"),
        ("The co-op pays its members every two quarters.", "every two quarters", "P6M"),
    ],
)
def test_sets(text: str, words: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value, t.time) == (words, "SET", value, None)


# --- times of day -----------------------------------------------------------------------------


def test_clock_time_on_a_named_day() -> None:
    t = one("The request arrived at 9:30 p.m. Monday.")
    assert (t.text, t.type, t.value) == ("9:30 p.m. Monday", "TIME", "2021-02-15T21:30")


def test_clock_time_defaults_to_the_document_day() -> None:
    t = one("The hearing starts at 10 a.m. sharp.")
    assert (t.text, t.value) == ("10 a.m.", "2021-02-17T10:00")


def test_noon() -> None:
    assert found("They met at noon yesterday.") == [("noon yesterday", "2021-02-16T12:00")]


# --- not dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Residents may share their videos with police.",
        "Protesters will march to city hall.",
        "It was the second request from the department.",
        "The company sold 2,000 cameras for $1999 each.",
        "Ring Video Doorbell 4 records in color.",
        "About 1500 officers signed up, up 12 percent.",
        "She asked a second time.",
        "The 44-year-old officer declined to comment.",
        "Route 2020 was closed.",
        "The fall of the old rules was quick.",
        "Call 555-1234 or room 12.",
        "The firm posted its first quarterly loss.",
        "Many quarters of the old port flooded.",
        "Mr. Reed, 52 years old, will retire.",
        'He spoke on ABC\'s "This Week" and on "60 Minutes."',
        "It was like a scene from High Noon.",
    ],
)
def test_non_dates(text: str) -> None:
    assert found(text) == []


# A headline in title case capitalizes its time words too; inside running text they stay a name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bakery Sales Fell Sharply Last Year, Owners Say\n\nThe owners spoke.", [("Last Year", "2020")]),
        ("Orchard Town To Open New Library Next Month\n\nIt will hold books.", [("Next Month", "2021-03")]),
        ("Ferry Service Resumes This Week After the Storm\n\nBoats left.", [("This Week", "2021-W07")]),
        ("Harbor Fire Broke Out Two Days Ago\n\nCrews came.", [("Two Days Ago", "2021-02-15")]),
        ("Prices May Rise Next Year\n\nTraders said so.", [("Next Year", "2022")]),
        ("The band played Last Year on the radio all night long, and the fans sang.", []),
        # its capitalized verbs are read as verbs: a past one dates the month before
        ("Harbour Board Approved New Levy In May\n\nThe board met.", [("May", "2020-05")]),
        ("Harbour Board Will Approve New Levy In May\n\nThe board met.", [("May", "2021-05")]),
        ("Harbour Master Testifies Thursday\n\nThe board met.", [("Thursday", "2021-02-18")]),
    ],
)
def test_title_case_headline(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# A number before 1900 is a year only where its context makes it one.
@pytest.mark.parametrize(
    "text",
    [
        "He owned 1133 acres of farmland.",
        "The museum holds 1133 objects from the old collection.",
        "Researchers counted 1500 birds on the island.",
        "The recipe calls for 1200 grams of flour.",
        "The convoy drove 5000 miles across the desert.",
        "Fans came in the 1000s to see the match.",
        "Settlers arrived in the 1000s, the guide said.",
        "The 1800s of the old ledger were torn out.",
        "Readers found it on pages 1133-1140.",
        "It happened in 1500 cases, the audit found.",
        "The motion passed by 1500 votes to 20.",
        "The 1133 members voted.",
        "The pyramid was built around 1133 BC.",
        "He counted eighteen twenty cars.",
    ],
)
def test_numbers_before_1900_are_not_years_by_accident(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The castle was built in 1133 by a local lord.", "1133", "1133"),
        ("In 1133, the abbey burned.", "1133", "1133"),
        ("In 1492 Columbus sailed west.", "1492", "1492"),
        ("The year 1133 saw a great flood.", "The year 1133", "1133"),
        ("By March 1133 the town was rebuilt.", "March 1133", "1133-03"),
        ("The town was founded in 1133 AD.", "1133", "1133"),
        ("The abbey stood from 1133 to 1140.", "1133 to 1140", "1133/1140"),
        ("Mills opened in the early 1800s.", "the early 1800s", "18"),
        ("Prices rose in the 1800s.", "the 1800s", "18"),
        ("The war of eighteen twelve ended badly.", "eighteen twelve", "1812"),
        ("Built in the 12th century.", "the 12th century", "11"),
    ],
)
def test_years_before_1900_with_a_cue(text: str, words: str, value: str) -> None:
    assert found(text) == [(words, value)]


def test_a_month_then_a_number_that_counts_is_the_month_alone() -> None:
    assert found("In March 1500 troops were sent.") == [("March", "2020-03")]
    assert found("In March 1990 the wall fell.") == [("March 1990", "1990-03")]


def test_may_as_a_month_still_counts() -> None:
    assert found("The policy changed in May.", date(2021, 7, 1)) == [("May", "2021-05")]


# --- contract ---------------------------------------------------------------------------------


def test_timex_type_hints_resolve_at_run_time() -> None:
    hints = typing.get_type_hints(Timex)
    assert hints["time"] == TimeValue | None
    t = one("It happened on March 3, 2019.")
    assert Timex(**{f.name: getattr(t, f.name) for f in dataclasses.fields(Timex)}) == t


def test_module_doctest() -> None:
    result = doctest.testmod(times_module)
    assert result.attempted > 0 and result.failed == 0


def test_version_is_a_string() -> None:
    assert isinstance(VERSION, str) and VERSION


def test_scorer_adapter_gives_offsets_values_and_types() -> None:
    text = "It ended yesterday after two years."
    got = extract(text, "2021-02-17T10:00")
    assert [(text[g["start"]:g["end"]], g["value"], g["type"]) for g in got] == [
        ("yesterday", "2021-02-16", "DATE"), ("two years", "P2Y", "DURATION")]


_WORDS = st.sampled_from([
    "June", "16", "16th", "2020", "1990s", "last", "next", "summer", "Tuesday", "ago", "two",
    "days", "later", "the", "third", "quarter", "of", "in", "May", "Aug.", "Sept.", "-", "/",
    ",", ".", "every", "year", "years", "early", "mid-", "a.m.", "9", "noon", "yesterday",
    "from", "to", "between", "and", "weekend", "fiscal", "Q3", "H1", "2019-2021", "12/31/1999",
    "now", "recently", "decade", "century", "20th", "half", "first", "week", "month", "Dec. 31",
])


@settings(max_examples=150, deadline=None)
@given(words=st.lists(_WORDS, max_size=14), noise=st.text(max_size=20),
       dct=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1),
                                         max_value=date(2100, 12, 31))))
def test_spans_match_text_and_bounds_are_ordered(words: list[str], noise: str,
                                                  dct: date | None) -> None:
    text = " ".join(words) + noise
    for t in find_times(text, dct):
        assert t.text == text[t.start:t.end]
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.time is not None:
            again = TimeValue.from_edtf(t.time.edtf)
            assert (again.earliest, again.latest) == (t.time.earliest, t.time.latest)
            if t.time.earliest and t.time.latest:
                assert t.time.earliest <= t.time.latest


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The county board will vote on the levy in March.", "2023-03"),
        ("The ferry operator will be fined on April 20.", "2023-04-20"),
        ("She'll be sworn in on March 3.", "2023-03-03"),
        ("The union said it will end the strike in February.", "2023-02"),
        # not a plain future: the nearest reading stands
        ("The warehouse could reopen in March.", "2022-03"),
        ("The dock was repaired in March and will reopen soon.", "2022-03"),
    ],
)
def test_a_month_or_day_governed_by_will_is_the_next_one_even_when_the_last_is_nearer(text: str, value: str) -> None:
    # "soon" is a date of its own (FUTURE_REF): the month is the one with a calendar value
    (timex,) = [t for t in find_times(text, date(2022, 5, 2))
                if t.type == "DATE" and not t.value.endswith("_REF")]
    assert timex.value == value


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # the auxiliaries stand more than a dozen words before the date
        ("The harbor pilot will be named captain of the new county ferry for the first crossing in March.",
         date(2022, 5, 2), "2023-03"),
        ("The special dividend would be paid to holders of the county harbor ferry bonds of record on Dec. 21.",
         date(2022, 10, 26), "2022-12-21"),
    ],
)
def test_the_auxiliaries_of_a_verb_far_from_its_date_still_set_the_tense(text: str, dct: date, value: str) -> None:
    (timex,) = [t for t in find_times(text, dct) if t.type == "DATE"]
    assert timex.value == value


@pytest.mark.parametrize("verb", ["died", "tied", "owed"])
def test_short_regular_past_forms_are_a_sure_past(verb: str) -> None:
    (timex,) = find_times(f"The harbor master {verb} in December.", date(2022, 10, 1))
    assert timex.value == "2021-12"


def test_a_month_right_after_a_past_verb_may_be_the_current_month() -> None:
    (timex,) = find_times("The ferry crew was dismissed in May.", date(2019, 5, 10))
    assert timex.value == "2019-05"
    (timex,) = find_times("The ferry crew was dismissed in June.", date(2019, 5, 10))
    assert timex.value == "2018-06"


def test_a_future_verb_group_outweighs_a_nearer_past_word() -> None:
    (timex,) = find_times("The first harbor referendum is to be held on November 20.", date(2019, 5, 10))
    assert timex.value == "2019-11-20"


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Harbor shares closed down 4% from the previous Friday.", "the previous Friday", "2023-10-20"),
    ("The skipper was charged on October 3 and freed the following Monday.", "the following Monday", "2023-10-09"),
    ("The ferry sails the following Monday.", "the following Monday", "2023-10-30"),
])
def test_the_previous_and_the_following_weekday(text: str, words: str, value: str) -> None:
    found = {t.text: t.value for t in find_times(text, date(2023, 10, 27))}
    assert found[words] == value


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Ferry fares will rise in the near term.", "the near term", "FUTURE_REF"),
    ("The pier deal should close around year end.", "year end", "2023"),
    ("The board wants new rules in place by year's end.", "year's end", "2023"),
    ("The board wants new rules in place by year-end.", "year-end", "2023-12-31"),
    ("Crews will finish the pier by the end of the month.", "the end of the month", "2023-10"),
])
def test_the_near_term_year_end_and_the_end_of_the_month(text: str, words: str, value: str) -> None:
    found = {t.text: t.value for t in find_times(text, date(2023, 10, 27))}
    assert found.get(words) == value


@pytest.mark.parametrize("text", [
    "In May, a week after the storm hit the coast, a flood destroyed the old pier.",
    "In May the harbor master, a former sailor, and two of his clerks left the port authority.",
])
def test_a_month_opening_a_past_sentence_is_not_after_the_document_date_across_asides(text: str) -> None:
    (month,) = [t for t in find_times(text, date(2021, 2, 17)) if t.text == "May"]
    assert month.value == "2020-05"


@pytest.mark.parametrize(("text", "words", "value"), [
    ("The ferry ran aground this past weekend.", "this past weekend", "2021-W18-WE"),
    ("Crews worked on the pier this past week.", "this past week", "2021-W18"),
    ("The harbor board meets this coming week.", "this coming week", "2021-W20"),
    ("The vote on the pier is set for this coming March.", "this coming March", "2022-03"),
    ("Sixty years ago today, the first ferry crossed the bay.", "Sixty years ago today", "1961-05-12"),
    ("Two years ago yesterday the mill burned down.", "Two years ago yesterday", "2019-05-11"),
    ("Ten years ago this week, the harbor froze over.", "Ten years ago this week", "2011-W19"),
    ("Five years ago this month, the cannery closed.", "Five years ago this month", "2016-05"),
])
def test_this_past_this_coming_and_ago_today_are_read_whole(text: str, words: str, value: str) -> None:
    found = {t.text: t.value for t in find_times(text, date(2021, 5, 12))}
    assert found.get(words) == value, found


# --- weekdays said on that weekday, present-tense schedules, "that November" -------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # said on a Wednesday: a plain future on "Wednesday" is next week's
        ("The library will reopen on Wednesday after repairs.", "2021-02-24"),
        ("Ticket sales will resume Wednesday.", "2021-02-24"),
        # not a plain future: the same day may be meant
        ("The exhibit opens Wednesday.", "2021-02-17"),
    ],
)
def test_a_plain_future_weekday_said_on_that_weekday_is_next_weeks(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The appeals court hears the case on Friday.", "2021-02-19"),
        ("The mayor holds a briefing Monday on the snow.", "2021-02-22"),
        ("The governor visits the flooded valley on Tuesday.", "2021-02-23"),
        # a present copula or a schedule with nothing in the past: the coming day
        ("The custody hearing is on Friday.", "2021-02-19"),
        ("The runoff vote is set for Tuesday.", "2021-02-23"),
        ("The ferry levy is due Monday.", "2021-02-22"),
        ("A strike vote is likely Thursday.", "2021-02-18"),
        # a present verb with its subject and no tense elsewhere: the coming day
        ("The harbour master testifies Thursday.", "2021-02-18"),
        ("Kessler speaks on Monday at the guild hall.", "2021-02-22"),
        # a plural noun before the day is no verb; a past verb after it still wins
        ("The harbour talks Thursday were tense.", "2021-02-11"),
        ("Heavy rains Thursday flooded the quay.", "2021-02-11"),
        # a past verb nearer the day still wins
        ("The coach, who plays golf often, resigned on Monday.", "2021-02-15"),
        # "next to" places, it does not schedule
        ("Two guards were hurt in a blast next to the depot in Tarnby on Friday.", "2021-02-12"),
        # a present state after an event: the event's day, not a coming one
        ("The village is in mourning after the landslide on Friday.", "2021-02-12"),
        ("Ferry fares are up 4% from Friday.", "2021-02-12"),
        # an attribution set off after the clause dates the saying, not what is told
        ("The harbour master testifies Thursday, his lawyer said.", "2021-02-18"),
        ("Kessler speaks on Monday at the guild hall, aides said.", "2021-02-22"),
        ("The ferry sank Thursday, the coast guard said.", "2021-02-11"),
        ("On Thursday, the coast guard said the ferry sails again.", "2021-02-11"),
        # a headline's "X to do" is "X is to do": ahead; "to the north" is no such infinitive
        ("Harbour board to vote on ferry levy Friday\n\nThe board meets in the hall.", "2021-02-19"),
        ("Ferry Crews To Strike On Monday\n\nThe union said so.", "2021-02-22"),
        ("Villages to the north lost power Monday\n\nCrews worked late.", "2021-02-15"),
    ],
)
def test_a_present_tense_schedule_names_the_coming_weekday(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "would" looks ahead from the day the words were said, not from the document date
        ("The warden said Monday that the ferry would sail Tuesday.", ["2021-02-15", "2021-02-16"]),
        ("Aides said Sunday the senator would testify Friday.", ["2021-02-14", "2021-02-19"]),
        ("The warden said on Feb. 1 that the ferry would sail Friday.", ["2021-02-01", "2021-02-05"]),
        # "will" still looks ahead from the document date
        ("The warden said Monday that the ferry will sail Tuesday.", ["2021-02-15", "2021-02-23"]),
    ],
)
def test_a_future_in_the_past_counts_from_the_day_it_was_said(text: str, values: list[str]) -> None:
    assert [v for _, v in found(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a yearless month that carries on, in the past, an account of a year stated before it
        ("The mill moved to Tarnby in 2012 and opened a second hall in March.", ["2012", "2012-03"]),
        ("The quay was rebuilt in 2015; in June it flooded again.", ["2015", "2015-06"]),
        # an aside, a contrast or a plan is another account: the month is read as before
        ("The mill, founded in 2012, posted a loss in January.", ["2012", "2021-01"]),
        ("Ferry traffic fell in 2019 but rose in January.", ["2019", "2021-01"]),
        ("The mayor was elected in 2019 and will step down in May.", ["2019", "2021-05"]),
    ],
)
def test_a_yearless_month_carries_on_the_account_of_a_stated_year(text: str, values: list[str]) -> None:
    assert [v for _, v in found(text)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month no one is named after, after "in" or "by", is the month before a name
        ("By November Tarnby had run out of coal.", [("November", "2020-11")]),
        ("Since October Halvorsen has led the guild.", [("October", "2020-10")]),
        # months that are given names stay names
        ("The play was written by August Wilson.", []),
        ("In June Carter sang at the fair.", []),
    ],
)
def test_a_month_before_a_capitalized_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a yearless month a present copula or schedule places: the coming one (said in February)
        ("The mayoral runoff is in November.", "2021-11"),
        ("The harbour levy is due in December.", "2021-12"),
        ("Its own vote is set for October 4.", "2021-10-04"),
        # not completing it: the nearest month, as before
        ("The harbour figures are for December.", "2020-12"),
        ("The runoff was in November.", "2020-11"),
    ],
)
def test_a_present_tense_schedule_names_the_coming_month(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The mill closed in 2009. That November, its owners sold the land.", "November", "2009-11"),
        ("Work began in March 2012 and the roof went up that summer.", "summer", "2012-SU"),
        ("The firm was founded in 1998 and listed that same October.", "October", "1998-10"),
        # "that" as a conjunction: the month is not the earlier year's
        ("The report in 2009 said that November was the wettest month.", "November", "2020-11"),
    ],
)
def test_that_month_is_of_the_year_the_text_spoke_of_last(text: str, words: str, value: str) -> None:
    assert (words, value) in found(text)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # no quarter told: "the same period" is the period told last, a year back
        ("Tarnby's exports rose in the first half of this year from the same period last year.",
         "the same period last year", "2020-H1"),
        ("Ferry traffic rose in July, up 4% over the same period of last year.",
         "the same period of last year", "2019-07"),
        # a quarter told: the quarter, a year back
        ("Third-quarter profit at Velka rose from the year-earlier period.", "the year-earlier period", "2019-Q3"),
    ],
)
def test_the_same_period_last_year_is_the_period_told_last_a_year_back(
        text: str, words: str, value: str) -> None:
    assert (words, value) in found(text)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # DCT 2021-02-17 (a Wednesday): the day after the bracketed zone time is the time's day
        ("The dam burst at 6:40 a.m. (1140 GMT) Sunday, flooding Velka.", "6:40 a.m.", "2021-02-14T06:40"),
        ("Polls in Tarnby close at 8 p.m. (0100 GMT) tomorrow.", "8 p.m.", "2021-02-18T20:00"),
        ("The dam burst at 6:40 a.m. Sunday.", "6:40 a.m. Sunday", "2021-02-14T06:40"),
    ],
)
def test_a_time_then_its_zone_time_in_brackets_then_a_day_falls_on_that_day(
        text: str, words: str, value: str) -> None:
    assert (words, value) in found(text)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # DCT 2021-02-17; Jan. 5, 2021 was a Tuesday
        ("Ostrava's mayor resigned on Jan. 5. That Friday, the council met.", "Friday", "2021-01-08"),
        ("Ostrava's mayor resigned on Jan. 5. On that same Monday the port shut.", "Monday", "2021-01-04"),
        # "that" as a conjunction, and no day told before: the weekday is read from the document date
        ("The mayor resigned on Jan. 5. Aides said that Friday was the deadline.", "Friday", "2021-02-12"),
        ("That Friday, the council met.", "Friday", "2021-02-12"),
    ],
)
def test_that_weekday_is_of_the_week_of_the_day_told_last(text: str, words: str, value: str) -> None:
    assert (words, value) in found(text)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # what comes before a past event may still lie ahead of the document date
        ("The two mayors led the polls before the party vote March 1, aides said.", "March 1", "2021-03-01"),
        ("Both teams trained hard ahead of the final on March 6.", "March 6", "2021-03-06"),
        # the date as the bound itself: the past verb dates it
        ("The ship left before March 6, officials said.", "March 6", "2020-03-06"),
    ],
)
def test_a_date_after_before_a_noun_is_not_dated_by_the_past_verb(text: str, words: str, value: str) -> None:
    assert (words, value) in found(text)


@pytest.mark.parametrize(
    "text",
    ["Both campaigns are spending heavily before the Super Tuesday contests.",
     "Shoppers lined up for Black Friday deals.",
     "The senator spoke on Fox News Sunday about the bill."],
)
def test_a_weekday_inside_a_name_is_no_date(text: str) -> None:
    assert [w for w, _ in found(text) if "day" in w] == []


def test_would_have_with_a_noun_looks_ahead() -> None:
    # "would have trouble" is a conditional future, not a perfect
    assert ("the winter", "2021-WI") in found("Analysts think she would have trouble winning in the winter.",
                                             date(2021, 5, 17))


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # an account of an earlier year told in order keeps that year
        ("On April 3, 2018, the board learned of the leak. On May 20, it fired the auditor.",
         "May 20", "2018-05-20"),
        # a date before the stated one, or far after it, is read against the document date
        ("On April 3, 2018, the board learned of the leak. On Jan. 20, it fired the auditor.",
         "Jan. 20", "2021-01-20"),
        # a stated date of the document's own year starts no account of an earlier year
        ("On Jan. 4, 2021, the board met. On Feb. 2, it voted.", "Feb. 2", "2021-02-02"),
    ],
)
def test_a_day_without_a_year_continues_an_account_of_an_earlier_year(text: str, words: str,
                                                                       value: str) -> None:
    assert (words, value) in found(text)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Sales fell in March 2012 and recovered in August of that year.", "August", "2012-08"),
        ("The dam was finished in 2004. It failed on Oct. 3 of the same year.", "Oct. 3", "2004-10-03"),
    ],
)
def test_a_date_of_that_year_takes_the_year_spoken_of_last(text: str, words: str, value: str) -> None:
    times = found(text)
    assert (words, value) in times
    assert ("that year" not in text) or ("that year", value[:4]) in times


def test_a_past_account_counts_earlier_from_its_own_date_not_one_ahead() -> None:
    text = ("The rally began on Tuesday. Crowds formed ahead of next Tuesday's vote. "
            "A day earlier, four people were detained.")
    assert ("A day earlier", "2021-02-15") in found(text)
    # a future account still counts from the date ahead
    assert ("A day earlier", "2021-02-22") in found("The vote is next Tuesday. A day earlier, the board will meet.")


def test_a_schedule_said_on_its_weekday_may_be_that_day() -> None:
    assert one("On the opening night Wednesday, the mayor is scheduled to speak.").value == "2021-02-17"


def test_a_modal_with_no_tense_word_near_looks_ahead_to_the_weekday() -> None:
    text = "She could carry the state on Friday and still trail in the overall count by a lot."
    assert one(text).value == "2021-02-19"


@pytest.mark.parametrize(
    "text",
    ["The organizers invited the singer to perform at the festival in July, a spokesman said.",
     "The union urged Mary Lee to run for the board seat in July, a spokesman said."],
)
def test_an_infinitive_after_a_verb_and_its_object_looks_ahead(text: str) -> None:
    assert ("July", "2021-07") in found(text, date(2021, 6, 20))


@pytest.mark.parametrize(
    ("text", "value"),
    [("The debates on Monday drew large crowds.", "2021-02-15"),
     ("His visits on Monday upset the staff.", "2021-02-15")],
)
def test_a_plural_noun_is_no_present_schedule_verb(text: str, value: str) -> None:
    assert one(text).value == value


def test_a_word_an_editor_put_in_square_brackets_is_read_as_the_word() -> None:
    text = '"[Ten] years ago, a ferry was launched," the firm says.'
    found = find_times(text, date(2021, 8, 26))
    assert [(t.start, t.end, t.value) for t in found] == [(2, 16, "2011")]


# --- a part of the day told of, the unit before or after it ------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "typ", "value"),
    [
        ("The levee failed on May 9, 2019. That night crews sandbagged the road.", "That night",
         "TIME", "2019-05-09TNI"),
        ("The levee failed on May 9, 2019. The next morning the river crested.", "The next morning",
         "TIME", "2019-05-10TMO"),
        ("The levee failed on May 9, 2019. Later that evening, the mayor spoke.",
         "Later that evening", "TIME", "2019-05-09TEV"),
        ("The levee failed on May 9, 2019. The day before, engineers had warned of it.",
         "The day before", "DATE", "2019-05-08"),
        ("The levee failed in 2019. The year before, engineers had warned of it.",
         "The year before", "DATE", "2018"),
        # no day told of: a night of an unknown day
        ("Crews sandbagged the road that night.", "that night", "TIME", "XXXX-XX-XXTNI"),
    ],
)
def test_a_part_of_the_day_told_of_and_the_unit_before_it(text: str, words: str, typ: str,
                                                           value: str) -> None:
    t = find_times(text, DCT)[-1]
    assert (t.text, t.type, t.value) == (words, typ, value)


def test_the_day_before_an_event_named_after_it_is_not_read_alone() -> None:
    # "the day before the vote" leans on the vote, which is no date
    assert found("The levee failed in 2019. The day before the vote, engineers warned of it.") == [
        ("2019", "2019")]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # a few hours back from a document dated by its day is that day, not the day before
        ("The ferry left an hour ago.", "an hour ago", "2021-02-17"),
        ("The ferry left 30 hours ago.", "30 hours ago", "2021-02-16"),
        ("The ferry left minutes ago.", "minutes ago", "PAST_REF"),
        ("The ferry left moments ago.", "moments ago", "PAST_REF"),
        # "of" before "last year" keeps the month and its year one expression
        ("The ferry line opened in January of last year.", "January of last year", "2020-01"),
        ("The ferry line opens in June of next year.", "June of next year", "2022-06"),
    ],
)
def test_hours_back_and_a_month_of_last_year(text: str, words: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value) == (words, value)


def test_hours_later_is_marked_as_three_hours_later_is() -> None:
    text = "The dam failed on May 9, 2019. Hours later the road was shut."
    assert extract(text, "2021-02-17")[-1] == {
        "start": text.index("Hours"), "end": text.index("Hours") + 5, "value": "PTXH",
        "type": "DURATION"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Orvane lost money in the 2020 fiscal year.", [("2020 fiscal year", "2020")]),
        ("Orvane sold more cars in the 2021 model year.", [("2021 model year", "2021")]),
        # a number before a unit of time counts it; it names no year
        ("The olive tree is 2000 years old.", []),
        ("The olive tree stood for 2000 years.", [("2000 years", "P2000Y")]),
    ],
)
def test_a_year_before_fiscal_year_and_a_number_of_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # said on Wednesday, February 17: a finished range lies wholly before, in one week
        ("The dock strike ran from Monday to Friday.", "2021-02-08/2021-02-12"),
        ("Hearings ran Tuesday through Thursday.", "2021-02-09/2021-02-11"),
        # a coming range lies wholly after
        ("The dock strike will run from Monday to Friday.", "2021-02-22/2021-02-26"),
        ("The fair ran from Friday until Monday.", "2021-02-12/2021-02-15"),
    ],
)
def test_a_range_of_weekdays_keeps_its_end_after_its_start(text: str, value: str) -> None:
    assert one(text).value == value
    parts = [d["value"] for d in extract(text, "2021-02-17")]
    assert parts == value.split("/")


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # a hundred years' "-00s" is the century, as TimeML writes "the nineteenth century"
        ("The mill was built in the 1800s.", "the 1800s", "18"),
        ("The mill was built in the early 1900s.", "the early 1900s", "19"),
        ("The mill was rebuilt in the 2000s.", "the 2000s", "200"),
        ("The mill was sold in the spring of last year.", "the spring of last year", "2020-SP"),
        ("The mill will be sold in the weeks ahead.", "the weeks ahead", "PXW"),
        ("The mill will be sold in the months to come.", "the months to come", "PXM"),
    ],
)
def test_centuries_in_hundreds_seasons_of_last_year_and_weeks_ahead(text: str, words: str,
                                                                     value: str) -> None:
    t = one(text)
    assert (t.text, t.value) == (words, value)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The pier reopened the year before last.", "the year before last", "2019"),
        ("The pier reopens the week after next.", "the week after next", "2021-W09"),
        ("The pier reopens a year from today.", "a year from today", "2022"),
        ("The pier reopened at 6 o'clock in the evening.", "6 o'clock in the evening",
         "2021-02-17T18:00"),
    ],
)
def test_two_units_away_a_year_from_today_and_oclock_in_the_evening(text: str, words: str,
                                                                    value: str) -> None:
    t = one(text)
    assert (t.text, t.value) == (words, value)


def test_a_range_of_weekdays_without_a_document_date_keeps_its_spans() -> None:
    text = "Hearings ran Tuesday through Thursday."
    assert extract(text, "") == [
        {"start": 13, "end": 20, "value": "XXXX-WXX-2", "type": "DATE"},
        {"start": 29, "end": 37, "value": "XXXX-WXX-4", "type": "DATE"}]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The weeklong ferry strike ended.", "weeklong", "P1W"),
        ("A yearlong audit of the port began.", "yearlong", "P1Y"),
        ("The hourlong speech ran over.", "hourlong", "PT1H"),
        ("The decade-long feud ended.", "decade-long", "P10Y"),
    ],
)
def test_long_compounds_are_durations(text: str, words: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value) == (words, "DURATION", value)


def test_the_unit_before_a_coarser_date_is_unknown() -> None:
    # a week before "2015" names no week
    got = found("The levee failed in 2015. The week before, engineers had warned of it.")
    assert got == [("2015", "2015"), ("The week before", "XXXX-WXX")]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # a bare plural of a unit told against an act is a vague span of its own
        ("A grey van was seen in the weeks before the fire.", "weeks", "PXW"),
        ("Crews reached the valley days after the flood.", "days", "PXD"),
        ("In the years that followed, the dairy doubled its herd.", "years", "PXY"),
        ("Twelve boats were seized in the first hours of the blockade.", "the first hours", "PTXH"),
        ("The merger follows months of talks.", "months", "PXM"),
        ("The ferry will be repaired within weeks.", "weeks", "PXW"),
        ("Over the years the orchard shrank.", "the years", "PXY"),
    ],
)
def test_a_bare_plural_unit_told_against_an_act_is_a_vague_span(text: str, words: str,
                                                                 value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value) == (words, "DURATION", value)


@pytest.mark.parametrize(
    "text",
    [
        "It is a matter of days before the vote.",  # a count of days, not a span told
        "They met in the early hours of Friday.",  # a part of the day named
        "The clinic is open on the days of the week that end in y.",  # the calendar's days
    ],
)
def test_a_bare_plural_unit_in_other_phrases_is_no_vague_span(text: str) -> None:
    assert all(t.type != "DURATION" for t in find_times(text, DCT))


def test_the_week_and_the_month_are_the_storys_own() -> None:
    text = ("The Tarnby index fell 1.2% on Friday, and trading was the week's heaviest. "
            "Earlier in the month, it rose.")
    assert found(text) == [("Friday", "2021-02-12"), ("the week", "2021-W06"),
                           ("the month", "2021-02")]
    # a month told before: its own month
    assert found("The canal froze in March 2019. Later in the month, barges waited.") == [
        ("March 2019", "2019-03"), ("the month", "2019-03")]
    # generic or anaphoric uses stay out
    assert found("Clerks are paid by the week.") == []
    assert found("Prices rose during the week of the fair.") == []


def test_a_run_of_seasons_is_a_set_of_that_season() -> None:
    t = one("Floods struck the delta in the past three summers.")
    assert (t.text, t.type, t.value) == ("the past three summers", "SET", "XXXX-SU")


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The bridge will stay shut until 2024 or later.", "2024 or later", "2024"),
        ("The plan runs to 2030 and beyond.", "2030 and beyond", "2030"),
    ],
)
def test_an_open_end_after_a_date_is_part_of_it(text: str, words: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value) == (words, value)
    assert found("It sells 2019 or later models.") == [("2019", "2019")]


@pytest.mark.parametrize(
    ("text", "words", "typ", "value"),
    [
        # a future verb group looks ahead, whatever past participle stands nearer
        ("The Orlin vote will be held in two weeks.", "two weeks", "DATE", "2021-W09"),
        ("The bonds would be redeemed in five years.", "five years", "DATE", "2026"),
        # a present copula too
        ("The runoff is in two weeks.", "two weeks", "DATE", "2021-W09"),
        # a past act measures a span
        ("The crew rebuilt the pier in two weeks.", "two weeks", "DURATION", "P2W"),
    ],
)
def test_in_a_count_of_units_looks_ahead_from_a_future_or_a_copula(text: str, words: str,
                                                                  typ: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value) == (words, typ, value)


@pytest.mark.parametrize(("text", "words", "value"),
                         [("The hour-long hearing ended.", "hour-long", "PT1H"),
                          ("A minute-long clip of the race spread.", "minute-long", "PT1M")])
def test_hour_long_and_minute_long_are_durations(text: str, words: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value) == (words, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # a first, last or superlative before it: a span looked back over
        ("The guild will hold its first open vote in 40 years.", "40 years", "P40Y"),
        ("Wheat prices will reach their lowest level in a decade.", "a decade", "P10Y"),
        # no superlative: a coming date ("protest" ends in -est but is none)
        ("The dock protest will end in two days.", "two days", "2021-02-19"),
    ],
)
def test_in_a_count_after_a_superlative_looks_back(text: str, words: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value) == (words, value)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The river crested by late afternoon.", "late afternoon", "2021-02-17TAF"),
        ("Traders sold in the morning and bought in the afternoon.", "the morning",
         "2021-02-17TMO"),
        ("The Tarnby ferry sank on Monday. In the evening, divers arrived.", "the evening",
         "2021-02-15TEV"),
    ],
)
def test_a_part_of_the_day_is_of_the_day_in_focus(text: str, words: str, value: str) -> None:
    got = [(t.text, t.value) for t in find_times(text, DCT)]
    assert (words, value) in got, got


@pytest.mark.parametrize("text", ["The anchor left the morning shows.",
                                  "She spoke at the evening session."])
def test_a_part_of_the_day_before_a_noun_is_no_time(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text", ["As she told the Harbour Daily News, the levy rose.",
                                  "He writes for Tarnby Monthly.",
                                  "She anchored the debate on Current TV."])
def test_a_capitalized_set_word_inside_a_sentence_is_part_of_a_name(text: str) -> None:
    assert found(text) == []
    assert found("The ferry to Kell runs daily.") == [("daily", "P1D")]


def test_a_decade_is_valued_alike_with_or_without_the() -> None:
    assert found("Last decade was dry.", date(1998, 5, 17)) == [("Last decade", "198")]
    assert found("The last decade was dry.", date(1998, 5, 17)) == [("The last decade", "198")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a date premodifying the noun that is the subject of a past verb: the event took place
        ("The Oct. 3 blockade left two dockers hurt.", "2020-10-03"),
        ("The Sept. 14 storm flooded the lower town.", "2020-09-14"),
        # acting on a plan says nothing of whether it took place; nor does a future verb
        ("The Oct. 3 ballot was postponed.", "2021-10-03"),
        ("The Oct. 3 ballot will settle the matter.", "2021-10-03"),
        # the object of a past verb or of a preposition after one: an event gone by, unless
        # the act was before it or acted on a plan
        ("Two porters were hurt in the Oct. 3 blockade.", "2020-10-03"),
        ("Mayor Ilse Varga resigned after the Oct. 3 blockade.", "2020-10-03"),
        ("Mayor Ilse Varga led the polls before the Oct. 3 ballot.", "2021-10-03"),
        ("The council postponed the Oct. 3 ballot.", "2021-10-03"),
        ("By setting an Oct. 3 return date, the office let him go.", "2021-10-03"),
        # a "when" clause set after the time says what happened at it
        ("The stoppage was extended until Tuesday, when the porters walked out.", "2021-08-24"),
        ("The stoppage was extended until Oct. 3, when the porters went back.", "2020-10-03"),
        ("The stoppage was extended until Tuesday, when the porters will vote.", "2021-08-31"),
        # "changed until" is a span up to the day, not a new end point as in "changed to"
        ("Nothing changed at the depot until Tuesday, when the porters walked out.", "2021-08-24"),
    ],
)
def test_past_clause_dates_a_yearless_day_back(text: str, value: str) -> None:
    assert [t.value for t in find_times(text, date(2021, 8, 26))] == [value]
