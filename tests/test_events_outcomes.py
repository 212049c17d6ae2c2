"""A contest's outcomes, a weekday told past the document's date, and what the passage keeps."""

from __future__ import annotations

from datetime import date

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 7)  # a Friday


def found(text: str, *dates: tuple[str, str], anchor: str | None = None) -> dict[str, tuple[str | None, str, str]]:
    doc = doc_of(text)
    events = events_of(doc, *(timex(doc, words, value, anchor=anchor) for words, value in dates), dct=DCT)
    return {e.label: (e.reports[0].stated_time.edtf if e.reports[0].stated_time else None,
                      e.reports[0].span.exact, e.kind) for e in events}


def test_an_outcome_takes_the_day_of_the_one_contest_told_as_held() -> None:
    events = found("The Marlow council election was held on Sunday. In the harbour ward, Ann Vey was elected "
                   "with 4,120 votes. Tom Reske lost his seat, and resigned from the party board. "
                   "Lia Orne was re-elected in the hill ward.", ("Sunday", "2021-05-02"))
    assert events["Ann Vey was elected with 4,120 votes"][0] == "2021-05-02"
    assert events["Tom Reske lost his seat"][0] == "2021-05-02"
    assert events["Lia Orne was re-elected"][0] == "2021-05-02"
    # what its loser did next came on or after that day, by the document's date
    assert events["Tom Reske resigned from the party board"][0] == "2021-05-02/2021-05-07"


def test_an_outcome_without_a_contest_told_stays_bounded_only() -> None:
    events = found("In the harbour ward, Ann Vey was elected with 4,120 votes.")
    assert events["Ann Vey was elected with 4,120 votes"][0] == "../2021-05-07"


def test_two_contests_on_different_days_date_no_outcome() -> None:
    events = found("The first vote was held on Sunday. A second vote was held on April 25. "
                   "Ann Vey was elected.", ("Sunday", "2021-05-02"), ("April 25", "2021-04-25"))
    assert events["Ann Vey was elected"][0] == "../2021-05-07"


def test_a_weekday_read_after_the_document_date_in_a_past_clause_is_the_one_before() -> None:
    events = found("The petition was signed by 9,000 people by Thursday night.",
                   ("Thursday night", "2021-05-13"), anchor="2021-05-07")
    assert events["9,000 people signed the petition"][0] == "../2021-05-06"


def test_a_weekday_after_the_document_date_in_a_future_clause_stays() -> None:
    events = found("The council will vote on the petition on Thursday.", ("Thursday", "2021-05-13"),
                   anchor="2021-05-07")
    assert events["The council will vote"][0] == "2021-05-13"


def test_the_passage_keeps_what_orders_and_what_was_charged() -> None:
    events = found("Jon Arvid, 22, was arrested after leaving the training camp. "
                   "Arvid was charged with taking two laptops from the camp.")
    assert events["Jon Arvid was arrested"][1].endswith("after leaving the training camp")
    label = "Arvid was charged with taking two laptops from the camp"
    assert label in events and events[label][2] == "legal action"


def test_a_shared_object_after_two_coordinated_verbs() -> None:
    events = found("Harbour police arrested and questioned the courier.")
    assert events["Harbour police arrested the courier"][1] == "Harbour police arrested and questioned the courier"


def test_reading_a_work_is_an_act_not_a_report() -> None:
    events = found("Arvid had read an article in the camp newsletter. The sign read 'closed'.")
    assert events["Arvid had read an article in the camp newsletter"][2] == "other"
    assert not any("sign" in label for label in events)


def test_the_passage_keeps_an_adverb_and_a_purpose_right_after_the_label() -> None:
    events = found("After the story ran, Lia Orne received support online. "
                   "She travelled to Lisbon to meet with Tom Reske.")
    assert any(span.endswith("received support online") for _, span, _ in events.values())
    assert any(span.endswith("to meet with Tom Reske") for _, span, _ in events.values())


def test_resembling_is_a_state() -> None:
    events = found("A teacher thought the clock resembled a bomb. The principal called the police.")
    assert not any("resembled" in label for label in events)


def test_an_act_set_at_an_act_told_before_takes_its_day() -> None:
    events = found("The harbour board held a meeting on Monday. At the meeting, the treasurer resigned.",
                   ("Monday", "2021-05-03"))
    assert events["the treasurer resigned at the meeting"][0] == "2021-05-03"
    events = found("Rebels launched an attack on the fort on Monday. Two guards were wounded in the attack.",
                   ("Monday", "2021-05-03"))
    assert events["Two guards were wounded in the attack"][0] == "2021-05-03"
    assert events["Rebels launched an attack on the fort"][2] == "attack"


def test_in_a_place_named_before_is_no_act() -> None:
    events = found("Marchers crossed the old town on Monday. Police detained 20 people in the old town.",
                   ("Monday", "2021-05-03"))
    # "in": a place, not an act ordering it; the day is only the scene's, told next
    assert events["Police detained 20 people in the old town"][0] == "2021-05-03"


def test_a_clock_time_alone_gives_no_day_from_the_document_date() -> None:
    doc = doc_of("At the depot, the gates closed at 22:30. The board met on Sunday. The vote closed at 9 pm.")
    events = events_of(doc, timex(doc, "22:30", "2021-05-07", kind="TIME", anchor="previous date 2021-05-07"),
                       timex(doc, "Sunday", "2021-05-02"),
                       timex(doc, "9 pm", "2021-05-02", kind="TIME", anchor="previous date 2021-05-02"), dct=DCT)
    times = {e.label: e.time.edtf if e.time else None for e in events}
    assert times["the gates closed at the depot"] == "../2021-05-07"
    assert times["The vote closed"] == "2021-05-02"


def test_a_while_clause_is_told_at_the_time_of_its_main_clause() -> None:
    events = found("The mayor resigned on Tuesday while the council debated the budget.", ("Tuesday", "2021-05-04"))
    assert events["the council debated the budget"][0] == "2021-05-04"


def test_this_weekend_told_as_past_is_the_weekend_before() -> None:
    events = found("The Harbor Fair took place at the convention centre this weekend.",
                   ("this weekend", "2021-05-08/2021-05-09"), anchor="document date 2021-05-07")
    assert events["The Harbor Fair took place at the convention centre"][0] == "2021-05-01/2021-05-02"


def test_an_act_told_in_an_incident_dated_before_takes_its_day() -> None:
    events = found("A fire broke out at the Vale depot on Monday. Two guards were hurt in the fire.",
                   ("Monday", "2021-05-03"))
    assert events["Two guards were hurt in the fire"][0] == "2021-05-03"


def test_attending_an_act_told_before_is_at_its_time() -> None:
    events = found("The Vale gallery held the opening of its new exhibit last Thursday. "
                   "Our reporters attended the opening.", ("last Thursday", "2021-04-29"))
    assert events["Our reporters attended the opening"][0] == "2021-04-29"


def test_an_act_told_when_a_dated_act_happened_takes_its_time() -> None:
    events = found("The harbour master resigned when the audit came out in March.", ("March", "2021-03"))
    assert events["The harbour master resigned"][0] == "2021-03"


def test_an_after_clause_of_a_dated_come_is_bounded_by_it() -> None:
    events = found("The ruling came on Monday after the town council asked the court to stop the march.",
                   ("Monday", "2021-05-03"))
    assert events["the town council asked the court to stop the march"][0] == "../2021-05-03"


def test_of_two_subjects_the_one_of_a_clause_of_its_own_is_not_this_verbs() -> None:
    events = found("Deputy mayor Lia Venn will lead the city until a by-election is held in December.",
                   ("December", "2021-12"))
    assert "a by-election is held" in events


def test_a_participle_of_result_is_an_act_at_its_heads_time() -> None:
    events = found("A storm hit the coast of Marlow on Tuesday, leaving 2,000 homes without power.",
                   ("Tuesday", "2021-05-04"))
    (label,) = [label for label in events if "leaving" in label]
    assert events[label][0] == "2021-05-04"


def test_declaring_a_state_of_emergency_is_an_act_and_a_quake_striking_no_strike() -> None:
    events = found("An earthquake struck the coast of Marlow on Tuesday. "
                   "The regional government declared a state of emergency.", ("Tuesday", "2021-05-04"))
    assert events["An earthquake struck the coast of Marlow"][2] != "protest"
    assert "The regional government declared a state of emergency" in events


def test_hours_after_an_act_is_bounded_by_the_main_clause() -> None:
    events = found("The harbour master resigned on Thursday, hours after a council panel published a report.",
                   ("Thursday", "2021-05-06"))
    assert events["a council panel published a report"][0] == "../2021-05-06"


def test_a_passive_subject_gives_the_kind_a_light_verb_takes() -> None:
    events = found("A referendum was held in Marlow on Sunday.", ("Sunday", "2021-05-02"))
    assert events["A referendum was held in Marlow"][2] == "election"


def test_a_share_of_the_vote_received_is_the_outcome_of_the_contest() -> None:
    from datetime import date

    from tests.test_events import doc_of, events_of, timex

    doc = doc_of("Members of the ferry union cast votes by mail from May 1 to May 8 for a new chair.\n\n"
                 "Ilse Marrow received 62 percent of the vote.")
    found = events_of(doc, timex(doc, "from May 1 to May 8", "2021-05-01/2021-05-08"), dct=date(2021, 5, 20))
    times = {e.label: e.reports[0].stated_time.edtf if e.reports[0].stated_time else None for e in found}
    assert times["Ilse Marrow received 62 percent of the vote"] == "2021-05-01/2021-05-08"
