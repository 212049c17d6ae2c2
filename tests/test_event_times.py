"""Which act a time expression dates: the clause it belongs to, not a neighbouring one."""

from __future__ import annotations

import hashlib

from timeline_graph.extract import extract
from timeline_graph.model import Document, TimeValue


def dated(text: str, published: str = "2021-08-26") -> dict[str, str | None]:
    """Event label -> its time (EDTF) in a document published on ``published``."""
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          published=TimeValue.from_edtf(published))
    return {e.label: (e.time.edtf if e.time is not None else None) for e in extract(doc).events}


def test_a_date_restating_how_far_off_a_thing_in_a_with_phrase_is_dates_that_thing_not_the_act() -> None:
    found = dated("With the vote three weeks away, on Sept. 16, the mayor hired a pollster.")
    assert found == {"the mayor hired a pollster": "../2021-08-26"}


def test_a_date_inside_a_relative_clause_set_off_by_commas_is_not_the_main_clauses() -> None:
    found = dated("Police arrested Ann Lowe, who had escaped from the jail in May.")
    assert found.get("Police arrested Ann Lowe") == "../2021-08-26"
    assert "2021-05" in found.values()


def test_a_possessive_day_in_the_subject_of_a_future_is_the_coming_day() -> None:
    # published on a Thursday: the vote is on the Monday after, not the one before
    text = "The clerk said Monday's vote will settle the harbor dispute."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          published=TimeValue.from_edtf("2021-08-26"))
    assert [(t.text, t.value) for t in extract(doc).times] == [("Monday", "2021-08-30")]


def test_a_date_in_a_relative_clause_on_an_object_of_after_is_not_the_main_acts() -> None:
    found = dated("The warden resigned after the board, which met on Tuesday, cut the prison budget.")
    assert found.get("The warden resigned") == "../2021-08-26"
    assert found.get("the board met") == "2021-08-24"


def test_a_date_of_an_order_to_do_something_is_the_orders_own_not_a_report_date() -> None:
    found = dated("In 2004, at age sixteen, Tova Brenn was told to leave the farm.")
    assert found == {"Tova Brenn was told to leave the farm": "2004"}


def test_the_past_few_days_dates_an_event_between_some_days_before_the_document_and_its_date() -> None:
    found = dated("In the past few days, several towns have started charging the rowing clubs for water.")
    assert found == {"several towns have started charging the rowing clubs for water": "2021-08-17/2021-08-26"}
    found = dated("Over the last two weeks, the council has closed three parks.")
    assert found == {"the council has closed three parks": "2021-08-12/2021-08-26"}


def test_a_stretch_of_another_time_than_the_documents_dates_nothing() -> None:
    found = dated("Over the last five months of his term, the mayor closed three parks.")
    assert all(value == "../2021-08-26" for value in found.values())


def test_an_age_stated_beside_a_year_dates_the_same_persons_other_ages() -> None:
    found = dated("Her aunt moved her to Riga when she was six. She joined the choir aged 14. "
                  "In 1995, at age seventeen, she was asked to leave the farm.")
    assert found.get("Her aunt moved her to Riga") == "1983/1984"
    assert found.get("She joined the choir") == "1991/1992"


def test_an_age_of_another_person_or_with_no_year_to_anchor_it_dates_nothing() -> None:
    found = dated("He joined the choir aged 14. In 1995, at age seventeen, she was asked to leave the farm.")
    assert found.get("He joined the choir") == "../2021-08-26"
    assert all(value == "../2021-08-26" for value in dated("Tova Brenn joined the choir aged 14.").values())
    # the year dates the saying, not the age told inside what was said
    found = dated("In 2001, she said she was hurt at age 12. She joined the choir aged 14.")
    assert found.get("She joined the choir") == "../2021-08-26"


def test_a_date_of_a_clause_joined_with_its_own_subject_is_not_the_first_clauses() -> None:
    found = dated("Nell Varga was born in Oslo but her uncle moved her to Riga in 1990.")
    assert found.get("her uncle moved her to Riga") == "1990"
    assert found.get("Nell was born in Oslo") == "../2021-08-26"


def test_eventually_sets_a_main_clause_after_the_date_of_the_sentence_before() -> None:
    found = dated("In 2007, Tova Brenn left the farm. She was eventually sent to a camp in Perth.")
    assert found.get("Tova Brenn was sent to a camp in Perth") == "2007-01-01/2021-08-26"
    # across a paragraph break the sentence before is no anchor
    found = dated("In 2007, Tova Brenn left the farm.\n\nShe was eventually sent to a camp in Perth.")
    assert found.get("Tova Brenn was sent to a camp in Perth") == "../2021-08-26"


def test_a_relative_clause_set_off_by_a_comma_is_an_event_of_its_own_date() -> None:
    # the parse reads the relative clause as a complement of "arrested"
    found = dated("Police arrested Ann Lowe, who had fled the city in May.")
    assert found.get("Police arrested Ann Lowe") == "../2021-08-26"
    assert found.get("Ann Lowe had fled the city") == "2021-05"


def test_a_past_tense_that_looks_like_a_base_form_is_a_past_event() -> None:
    found = dated("Ivo Sarn quit the rowing club, which had fined his sister.")
    assert found.get("Ivo Sarn quit the rowing club") == "../2021-08-26"
    assert "Ivo Sarn quit the rowing club" not in dated("Members demanded that Ivo Sarn quit the rowing club.")


def test_a_date_of_an_after_or_before_clause_orders_the_act_it_is_attached_to() -> None:
    found = dated("The warden resigned after the board voted in May.")
    assert found.get("the board voted") == "2021-05"
    assert "2021-05-01/2021-08-26" in found.values()
    found = dated("The warden resigned before the board voted in May.")
    assert "../2021-05-31" in found.values()


def test_a_date_in_an_after_clause_of_a_reported_clause_does_not_date_the_report() -> None:
    found = dated("Emails released by the city show that the warden went looking for footage "
                  "after Jon Ames was killed last year.")
    assert found.get("Jon Ames was killed") == "2020"
    assert found.get("Emails released") == "../2021-08-26"


def test_minutes_later_count_from_the_act_told_before_not_from_the_last_year_named() -> None:
    found = dated("Yesterday, the Lions beat the Hawks 2 - 0 in Dorvale. It was their first win since 1962.\n\n"
                  "Late in the game, Pella Orry scored a goal. Six minutes later, Ravi Tamm scored a second goal.")
    # the next paragraph goes on in the game's day; "six minutes later" counts from it, not from
    # the year a bound named
    assert found.get("Pella Orry scored a goal") == "2021-08-25"
    assert found.get("Ravi Tamm scored a second goal") == "2021-08-25"
    found = dated("On Monday, Pella Orry scored a goal in Dorvale. Six minutes later, Ravi Tamm scored a second goal.")
    assert found.get("Ravi Tamm scored a second goal") == "2021-08-23"


def test_hours_later_or_earlier_move_the_day_by_the_clock_of_the_act_before() -> None:
    found = dated("The barn fire started at 11 pm on Saturday. Two hours later, firefighters reached the farm.")
    assert found.get("firefighters reached the farm") == "2021-08-22"
    found = dated("The crane fell at 00:30 on Tuesday. An hour earlier, workers had left the yard.")
    assert found.get("workers had left the yard") == "2021-08-23"
    found = dated("The crane fell at 3 pm on Tuesday. An hour earlier, workers had left the yard.")
    assert found.get("workers had left the yard") == "2021-08-24"
    # no clock told: that day or the one next to it, no false exact day
    found = dated("The crane fell on Tuesday. Three hours later, the mayor visited the yard.")
    assert found.get("the mayor visited the yard") == "2021-08-24/2021-08-25"


def test_the_next_day_and_the_following_weekday_count_from_the_act_before() -> None:
    found = dated("The ferry sank on Sunday. The next day, divers found the wreck. "
                  "The following Thursday, the company apologized.")
    assert found.get("divers found the wreck") == "2021-08-23"
    assert found.get("the company apologized") == "2021-08-26"


def test_earlier_sets_a_main_clause_by_the_time_of_the_act_told_before() -> None:
    found = dated("The council voted on Aug. 3 to close the pool. Earlier, the mayor had visited the site.")
    assert found.get("the mayor had visited the site") == "../2021-08-03"
    # "earlier this year" is a time of its own, and a paragraph apart tells of nothing before
    found = dated("The council voted on Aug. 3 to close the pool.\n\nEarlier, the mayor had visited the site.")
    assert found.get("the mayor had visited the site") == "../2021-08-26"


def test_a_day_named_beside_a_clock_time_is_the_acts_day() -> None:
    found = dated("The Varno council election was held on Sunday. At one school, after the doors shut at 22:30, "
                  "the last ballot was cast at 2:30 the next day.")
    assert [v for k, v in found.items() if k.startswith("the last ballot was cast")] == ["2021-08-23"]


def test_a_definite_contest_or_incident_as_subject_is_the_one_told_before_on_its_day() -> None:
    found = dated("The Varno council election was held on Sunday. Turnout was high. At one school, the polls closed late.")
    assert [v for k, v in found.items() if k.startswith("the polls closed")] == ["2021-08-22"]
    found = dated("A fire broke out in Varno on Aug. 2. Nobody was hurt. The fire destroyed six barns.")
    assert [v for k, v in found.items() if k.startswith("The fire destroyed")] == ["2021-08-02"]
    # a war is no incident of a day: its end is not its start's year
    found = dated("The war began in 1939. The war ended with a treaty.")
    assert found.get("The war ended with a treaty") == "../2021-08-26"


def test_later_that_day_passes_over_an_undated_act_for_the_day_of_the_scene() -> None:
    found = dated("On Sunday, the governor toured the harbor. She met the families of the crew. "
                  "Later that day, the port director resigned. The day before, he had defended the pier.")
    assert found.get("the port director resigned") == "2021-08-22"
    assert found.get("he had defended the pier") == "2021-08-21"


def test_a_participle_of_result_takes_its_heads_weekend_before_the_document() -> None:
    # published on a Thursday: "this weekend" in a past clause is the one before
    found = dated("The harbor fair opened this weekend in Varno, drawing thousands.")
    assert set(found.values()) == {"2021-08-21/2021-08-22"}


def test_so_many_days_after_or_before_a_definite_act_told_on_a_day_move_that_day() -> None:
    found = dated("The storm struck Varno on Aug. 2. Power was restored three days after the storm.")
    assert found.get("Power was restored") == "2021-08-05"
    found = dated("The storm struck Varno on Aug. 2. After the storm, the harbor was closed.")
    assert found.get("the harbor was closed") == "2021-08-02/2021-08-26"


def test_minutes_or_hours_later_with_no_count_count_from_the_act_before() -> None:
    found = dated("On Friday, a man robbed a bank in Varno. Officers arrived minutes later. Hours later, police arrested him.")
    assert found.get("Officers arrived") == "2021-08-20"
    assert found.get("police arrested him") == "2021-08-20/2021-08-21"


def test_a_day_earlier_than_a_reported_day_counts_from_the_date_told_when_no_act_is_dated() -> None:
    found = dated("The Varno ferry company reported record profits on Tuesday. Its shares rose. "
                  "A day earlier, its chief executive had resigned.")
    assert found.get("its chief executive had resigned") == "2021-08-23"


def test_hours_from_a_part_of_the_day_stay_in_that_day_unless_they_may_cross_midnight() -> None:
    found = dated("The crane fell on Friday afternoon. An hour earlier, workers had left the yard.")
    assert found.get("workers had left the yard") == "2021-08-20"
    found = dated("The crane fell on Friday evening. Five hours later, inspectors closed the yard.")
    assert found.get("inspectors closed the yard") == "2021-08-20/2021-08-21"


def test_then_moves_a_past_main_clause_on_from_the_date_of_the_sentence_before() -> None:
    found = dated("The ferry sank on Sunday. Then police arrested the captain.")
    assert found.get("police arrested the captain") == "2021-08-22/2021-08-26"


def test_that_evening_is_the_day_of_the_act_told_before() -> None:
    found = dated("The ferry sank on Sunday. That evening, divers searched the bay.")
    assert found.get("divers searched the bay") == "2021-08-22"


def test_a_past_perfect_is_done_by_the_act_it_is_told_before() -> None:
    found = dated("On Friday, police arrested Tom Avery. He had robbed three banks.")
    assert found.get("Tom Avery had robbed three banks") == "../2021-08-20"
    # a sentence apart in another paragraph tells no such order
    found = dated("On Friday, police arrested Tom Avery.\n\nHe had robbed three banks.")
    assert found.get("Tom Avery had robbed three banks") == "../2021-08-26"


def test_a_relative_time_after_the_next_weekday_or_past_the_document_is_not_counted() -> None:
    # "next Wednesday" counts from the document's date, not from the act before
    found = dated("The council met on Monday. The party meets next Wednesday to pick delegates.")
    assert found.get("The party meets to pick delegates") == "2021-09-01"
    # an absolute date beside a relative one is the time
    found = dated("The vote was held on Aug. 2. The count came nearly two weeks later, on Aug. 13.")
    assert [v for k, v in found.items() if k.startswith("The count came")] == ["2021-08-13"]


def test_the_time_of_a_comparisons_baseline_is_not_the_time_of_the_change() -> None:
    found = dated("Harbor Mills said its net income fell 12% to $40 million in the second quarter "
                  "from $45 million a year earlier.")
    assert found.get("its net income fell 12 to $40 million") == "2021-34"
    found = dated("The jobless rate in Vale climbed to 4.2% in July, up from 3.9% in June.")
    assert found.get("The jobless rate in Vale climbed to 4.2") == "2021-07"
    found = dated("Orlen Foods said its sales slipped 3% to $8 million, against $9 million in May.")
    assert found.get("its sales slipped 3 to $8 million") == "../2021-08-26"


def test_a_year_modifying_a_noun_dates_the_noun_not_the_charge() -> None:
    found = dated("Ilse Marrow was charged in the 2019 bombing of the Kessel ferry terminal.")
    assert list(found.values()) == ["../2021-08-26"]


def test_a_time_after_a_noun_by_between_or_of_dates_the_noun() -> None:
    found = dated("The leak has renewed interest in the raids on Dunmore farms between 2014 and 2017.")
    assert "2014/2017" not in found.values()
    found = dated("The council reopened the inquiry into the flood of 1998.")
    assert list(found.values()) == ["../2021-08-26"]


def test_a_dated_noun_the_act_is_set_in_or_done_by_its_subject_still_dates_the_act() -> None:
    found = dated("Three guards were killed in the 2019 bombing of the Kessel depot.")
    assert list(found.values()) == ["2019"]
    found = dated("Ola Brandt spent part of Sunday night with the striking dockers.")
    assert list(found.values()) == ["2021-08-22"]


def test_a_date_read_as_the_root_of_its_sentence_dates_the_clause_hung_on_it() -> None:
    text = ("Also Friday, Port Mayor Ana Ruiz and Harbour Chief Ola Brandt, accompanied by a lawyer, "
            "flew to Lisbon to appeal to the minister.")
    found = dated(text)
    assert [time for label, time in found.items() if "flew" in label] == ["2021-08-20"]


def test_a_hyphen_inside_a_name_after_a_fronted_date_is_no_dateline() -> None:
    found = dated("The band sang on.\n\nAlso Friday, Vale-Ostra Mayor Ana Ruiz flew to Lisbon to appeal to the minister.")
    assert [time for label, time in found.items() if "flew" in label] == ["2021-08-20"]


def test_a_when_clause_after_a_bound_is_at_the_bound_not_up_to_it() -> None:
    found = dated("The yard had been calm until Tuesday, when the crews walked out.")
    assert found.get("the crews walked out") == "2021-08-24"


def test_a_dated_noun_the_parse_made_the_root_dates_the_verb_it_is_the_subject_of() -> None:
    found = dated("The May 4 meeting, where the budget was tabled, ended in chaos.")
    assert found.get("The meeting ended in chaos") == "2021-05-04"
