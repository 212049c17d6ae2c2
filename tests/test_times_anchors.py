"""Time expressions: which date a relative expression is read from, and at what granularity."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_graph.extract.times import find_times

DCT = date(2021, 2, 17)  # a Wednesday


def value_of(text: str, words: str, dct: date = DCT) -> str:
    """The TIMEX3 value of the expression whose words end with ``words``."""
    times = find_times(text, dct)
    hits = [t.value for t in times if t.text.endswith(words)]
    assert hits, [(t.text, t.value) for t in times]
    return hits[0]


# --- sentences: an abbreviation's period does not end one -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In May, a week after the Smith vs. Jones ruling, a fire destroyed the depot.",
        "In May, a week after Gen. Alvarez retired, a fire destroyed the depot.",
        "In May, a week after John Q. Public moved out, a fire destroyed the depot.",
    ],
)
def test_a_title_or_initial_does_not_cut_the_sentence_before_its_verb(text: str) -> None:
    # the verb that says the month is past comes after "vs.", "Gen." or an initial
    assert value_of(text, "May", date(2021, 11, 20)) == "2021-05"
    assert value_of(text, "May", date(2021, 2, 17)) == "2020-05"


def test_a_sentence_still_ends_at_a_period_before_a_capital() -> None:
    # "U.S." ends its sentence; the next one's future verb does not reach back into it
    text = "The mill closed in the U.S. In May it will reopen."
    assert value_of(text, "May") == "2021-05"


# --- weekdays: a plan seen from the past ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The delegation planned to leave the capital on Thursday.", "2021-02-18"),
        ("Organizers planned a march downtown on Friday.", "2021-02-19"),
        ("The team planned to fly home on Monday.", "2021-02-15"),
    ],
)
def test_a_weekday_planned_in_the_past_is_the_nearest_one(text: str, value: str) -> None:
    assert value_of(text, "day") == value


def test_a_weekday_that_opens_its_clause_is_the_planning_day() -> None:
    # "On Friday, the board planned ...": Friday is when the planning happened, not the plan
    assert value_of("On Friday, the board planned to cut the budget.", "Friday") == "2021-02-12"


def test_a_weekday_in_a_plain_past_sentence_stays_past() -> None:
    assert value_of("The delegation left the capital on Thursday.", "Thursday") == "2021-02-11"


# --- tense words: a verb after "to" takes its tense from the verb before ----------------------


def test_an_infinitive_after_a_past_verb_does_not_make_the_sentence_future() -> None:
    # "made it hard ... to meet demand well into the summer": the summer just past
    text = ("Supply problems made it hard for the maker to meet demand for its newest "
            "machines well into the summer.")
    assert value_of(text, "the summer", date(2021, 10, 20)) == "2021-SU"


def test_a_plan_to_meet_still_looks_ahead() -> None:
    assert value_of("The two leaders plan to meet in the summer.", "the summer",
                    date(2021, 10, 20)) == "2022-SU"


# --- "set on" a date is done; "set for" a date is ahead ---------------------------------------


def test_a_record_set_on_a_date_lies_in_the_past() -> None:
    text = "The index closed within 40 points of the record high it set on Aug. 6."
    assert value_of(text, "Aug. 6", date(2021, 2, 5)) == "2020-08-06"


def test_a_hearing_set_for_a_date_lies_ahead() -> None:
    text = "The judge granted the request, and the hearing was set for Aug. 6."
    assert value_of(text, "Aug. 6", date(2021, 2, 5)) == "2021-08-06"


# --- the reported quarter of a results story --------------------------------------------------


def test_an_earlier_quarter_named_later_does_not_become_the_reported_one() -> None:
    text = ("The paper maker posted higher third-quarter profit. After a weak second quarter, "
            "prices recovered. Costs in the year-earlier period were higher, and taxes were "
            "lower than a year ago.")
    got = {t.text: t.value for t in find_times(text, date(2021, 11, 3))}
    assert got["third-quarter"] == "2021-Q3"
    assert got["second quarter"] == "2021-Q2"
    assert got["the year-earlier period"] == "2020-Q3"
    assert got["a year ago"] == "2020-Q3"


@pytest.mark.parametrize(
    ("text", "dct", "words", "value"),
    [
        # figures still to come for a quarter just closed: that quarter, not next year's
        ("Velmora Foods will report third-quarter results on Tuesday.", date(2021, 10, 20),
         "third-quarter", "2021-Q3"),
        ("Trask Mills said profit in the fourth quarter will top $2 million.", date(2022, 2, 8),
         "the fourth quarter", "2021-Q4"),
        ("Velmora will report earnings for the third quarter next week.", date(2021, 10, 20),
         "the third quarter", "2021-Q3"),
        ("Velmora will report third-quarter and nine-month results.", date(2021, 10, 20),
         "third-quarter", "2021-Q3"),
        ("Velmora will post a fourth-quarter loss, its chief said.", date(2021, 10, 20),
         "fourth-quarter", "2021-Q4"),
        # closed too long ago for its report to be still to come: the next one
        ("Velmora will report second-quarter results, its chief said.", date(2021, 10, 20),
         "second-quarter", "2022-Q2"),
        # no figures: a future act in a quarter is in the next such quarter
        ("The Dunmore plant will open in the third quarter.", date(2021, 10, 20),
         "the third quarter", "2022-Q3"),
        # past clauses keep the latest quarter begun
        ("Trask Mills said profit fell in the fourth quarter.", date(2022, 2, 8),
         "the fourth quarter", "2021-Q4"),
    ],
)
def test_figures_still_to_come_are_of_the_quarter_just_closed(text: str, dct: date, words: str,
                                                              value: str) -> None:
    assert value_of(text, words, dct) == value


def test_quarter_to_quarter_is_no_time_expression() -> None:
    text = "Sales rose in the third quarter. The quarter-to-quarter change was small."
    assert [t.text for t in find_times(text, date(2021, 11, 3))] == ["the third quarter"]


# --- granularity: a day of a month the text names, which day unsaid ---------------------------


def test_that_same_day_after_a_month_is_an_unknown_day_of_that_month() -> None:
    text = "The depot burned in October 2019. That same day, police closed the road."
    t = next(t for t in find_times(text, date(2021, 2, 6)) if "day" in t.text)
    assert (t.text, t.value) == ("That same day", "2019-10-XX")
    assert t.time is not None and t.time.edtf == "2019-10"


def test_the_same_day_after_a_year_is_an_unknown_day_of_that_year() -> None:
    text = "The law passed in 2019. The same day, the governor signed it."
    assert value_of(text, "same day", date(2021, 2, 6)) == "2019-XX-XX"


def test_the_same_day_after_a_day_is_that_day() -> None:
    text = "The law passed on March 3, 2019. The same day, the governor signed it."
    assert value_of(text, "same day", date(2021, 2, 6)) == "2019-03-03"


# --- a time of day and its day after a comma --------------------------------------------------


def test_a_clock_time_then_a_comma_and_a_date_is_one_time_on_that_date() -> None:
    times = find_times("The offer expires at 5 p.m. EST, Nov. 6, the company said.", DCT)
    assert [(t.text, t.type, t.value) for t in times] == [
        ("5 p.m. EST, Nov. 6", "TIME", "2021-11-06T17:00")]


def test_a_clock_time_then_a_comma_and_a_clause_stays_on_the_document_date() -> None:
    times = find_times("At 5 p.m., the council met again.", DCT)
    assert [(t.text, t.value) for t in times] == [("5 p.m.", "2021-02-17T17:00")]


# --- a possessive day: the subject of the verb after it --------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the day's noun phrase is the subject of a future: the coming Monday
        ("Aides said Monday's vote on the levy will be close.", "2021-02-22"),
        ("The clerk said Monday's hearing will run late.", "2021-02-22"),
        # a past verb after it, or the phrase as an object: the Monday gone by
        ("Aides said Monday's vote on the levy was close.", "2021-02-15"),
        ("Aides praised Monday's vote, which will shape the levy.", "2021-02-15"),
        ("Aides criticized Monday's vote and will appeal it.", "2021-02-15"),
    ],
)
def test_a_possessive_day_takes_the_tense_of_the_verb_its_phrase_is_the_subject_of(
        text: str, value: str) -> None:
    assert value_of(text, "Monday") == value


# --- a date set off after a distance from now restates it -----------------------------------


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("With the ballot deadline only days away, Jan. 14, the clerk was told to stay late.",
         "Jan. 14", "2022-01-14"),
        ("With the runoff only three weeks away, on Jan. 9, the mayor was confident.", "Jan. 9", "2022-01-09"),
        ("The last hearing, two weeks ago, Dec. 6, was short.", "Dec. 6", "2021-12-06"),
        ("With the vote two days away, on Wednesday, the mayor was confident.", "Wednesday", "2021-12-22"),
    ],
)
def test_a_date_set_off_after_a_distance_from_now_lies_on_its_side_of_the_document_date(
        text: str, words: str, value: str) -> None:
    assert value_of(text, words, date(2021, 12, 20)) == value


def test_a_month_without_tense_beside_another_month_of_its_sentence_is_the_one_nearest_it() -> None:
    text = "Orchard Bay's cider, fetching $9 a bottle in June from $7 in March, sells well."
    # read from the document date alone, March would be the coming one (five months off, not seven)
    assert value_of(text, "March", date(2021, 10, 30)) == "2021-03"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Shops on Main Street stayed shut through Christmas week.", "Christmas week", "2020-W52"),
        ("Pilgrims filled the square as Easter week began.", "Easter week", "2021-W13"),
    ],
)
def test_a_holidays_week_is_the_week_holding_the_holiday(text: str, words: str, value: str) -> None:
    dct = date(2021, 3, 29) if "Easter" in text else DCT  # Easter 2021 fell on April 4
    assert value_of(text, words, dct) == value


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Orders will lag through the first two quarters of 2022, the maker said.",
         "the first two quarters of 2022", "2022-H1"),
        ("Margins widened in the last two quarters of the year.", "the last two quarters of the year", "2021-H2"),
    ],
)
def test_the_first_or_last_two_quarters_of_a_year_are_its_half(text: str, words: str, value: str) -> None:
    found = [(t.text, t.value) for t in find_times(text, DCT)]
    assert (words, value) in found
    # without a year they stay a length of time
    assert [t.value for t in find_times("Margins widened in the last two quarters.", DCT)] == ["P6M"]


def test_a_range_of_lengths_is_one_expression_valued_by_its_least() -> None:
    found = [(t.text, t.value) for t in find_times("The plant will reopen within four to six weeks.", DCT)]
    assert found == [("four to six weeks", "P4W")]
    # a range of points back in time is left to the "ago" reading of its second number
    found = [(t.text, t.value) for t in find_times("The well ran dry 5 to 10 years ago.", DCT)]
    assert found == [("10 years ago", "2011")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ferry ran aground last January.", "2020-01"),  # said in February: a year back
        ("The ferry ran aground this past January.", "2021-01"),  # the one just gone
        ("The ferry ran aground last December.", "2020-12"),  # two months back: the latest
    ],
)
def test_last_and_the_month_just_gone_is_the_one_a_year_before(text: str, value: str) -> None:
    assert value_of(text, "January" if "January" in text else "December") == value


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The March accession lets the two ports share one customs office.", ["March"]),
        ("Turnout in the May elections will be low.", ["May"]),
        ("The March on Fenwick Bridge drew crowds.", []),  # a name: a preposition follows
        ("The March of Pennies raised funds.", []),
    ],
)
def test_may_or_march_after_the_and_before_a_noun_is_the_month(text: str, found: list[str]) -> None:
    assert [t.text for t in find_times(text, DCT)] == found


def test_last_years_quarter_is_the_quarter_spoken_of_a_year_back() -> None:
    text = "Ticket revenue in the third quarter was $8 million, against $6 million in last year's quarter."
    # the third quarter reported in February 2021 is 2020's; the same quarter a year back, 2019's
    assert ("last year's quarter", "2019-Q3") in [(t.text, t.value) for t in find_times(text, DCT)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The crew was lost within weeks or months of the storm.", [("weeks or months", "PXW")]),
        ("Brokers in recent weeks and months sold their bonds.", [("recent weeks and months", "PXW")]),
    ],
)
def test_two_vague_lengths_joined_are_one_expression(text: str, found: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_times(text, DCT)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a rate names no time (TimeBank leaves most unmarked); a frequency is a set
        ("The new route adds 700 seats a week.", []),
        ("The ruling costs the mill about $40 million a year.", []),
        ("Dorm rooms at the Velka inn cost $45 a night.", []),
        ("The Tarn ferry crosses four times a day.", [("four times a day", "SET", "P1D")]),
        ("The crew lived for a month on the barge.", [("a month", "DURATION", "P1M")]),
    ],
)
def test_an_amount_per_unit_of_time_is_a_rate_and_how_often_a_set(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == found


def test_the_year_before_of_and_a_price_is_the_current_year() -> None:
    text = "The ferry line's fares hit their peak for the year of $18.25 in June."
    assert ("the year", "2021") in [(t.text, t.value) for t in find_times(text, DCT)]


def test_a_relative_weekday_before_its_date_is_one_expression() -> None:
    found = [(t.text, t.value) for t in find_times("The ferry sails this coming Sunday, Feb. 21.", DCT)]
    assert found == [("this coming Sunday, Feb. 21", "2021-02-21")]


def test_the_last_decade_is_written_as_the_1980s_are() -> None:
    assert value_of("Wages lost ground in the last decade.", "the last decade") == "201"
    assert value_of("Wages lost ground in the 2010s.", "the 2010s") == "201"


def test_a_day_followed_by_next_or_last_year_is_of_that_year() -> None:
    found = [(t.text, t.value) for t in find_times("The new warden takes office on January 20 next year.", DCT)]
    assert found == [("January 20 next year", "2022-01-20")]


def test_earlier_or_later_before_a_weekday_is_an_adverb_outside_the_expression() -> None:
    assert [t.text for t in find_times("Earlier Monday, the harbor board met in private.", DCT)] == ["Monday"]
    assert [t.text for t in find_times("Early Monday, the harbor board met in private.", DCT)] == ["Early Monday"]


def test_each_of_so_many_units_is_a_set_of_one_unit() -> None:
    found = [(t.text, t.type, t.value) for t in find_times("The fair drew crowds in each of the last three years.", DCT)]
    assert found == [("the last three years", "SET", "P1Y")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present schedule verb right before a yearless date sets a change for a coming date
        ("The smoking ban at the Harlow docks takes effect Jan. 1.", "2014-01-01"),
        ("The new tariff goes into effect on Jan. 1.", "2014-01-01"),
        ("The Kell ferry contract expires Feb. 28.", "2014-02-28"),
        # in the past it is the date gone by
        ("The smoking ban at the Harlow docks took effect Jan. 1.", "2013-01-01"),
    ],
)
def test_a_present_schedule_verb_sets_a_coming_date(text: str, value: str) -> None:
    got = [(t.text, t.value) for t in find_times(text, date(2013, 3, 20))]
    assert len(got) == 1 and got[0][1] == value, got
