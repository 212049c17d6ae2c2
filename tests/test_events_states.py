"""A simple present passive tells a state that holds now, not an act done."""

from __future__ import annotations

from datetime import date

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 3)


def test_a_present_passive_is_a_state_not_an_event() -> None:
    assert events_of(doc_of("The harbor crane is partly owned by a Dutch trust."), dct=DCT) == ()
    doc = doc_of("The current city seal is loosely based on a Roman coin.")
    assert events_of(doc, timex(doc, "current", "2021-05-03"), dct=DCT) == ()


def test_a_present_passive_with_a_date_of_its_own_is_a_schedule() -> None:
    doc = doc_of("The harbor festival is held on June 20.")
    found = events_of(doc, timex(doc, "June 20", "2021-06-20"), dct=DCT)
    assert [e.label for e in found] == ["The harbor festival is held"]


def test_a_forecast_told_is_no_act() -> None:
    doc = doc_of("The survey team estimated by 2040, rising demand would double water use in the valley.")
    assert not events_of(doc, timex(doc, "2040", "2040"), dct=date(2021, 5, 3))


def test_reasoning_told_is_a_reporting_act() -> None:
    doc = doc_of('The town of Vale reasoned, "the private schools charge a fee, so they run a business".')
    assert not any("reasoned" in e.label for e in events_of(doc, dct=date(2021, 5, 3)))


def test_appearing_with_a_time_of_its_own_and_no_complement_is_coming_into_view() -> None:
    doc = doc_of("Brightwave was founded in 2009. Its first browser appeared in 2011.")
    found = events_of(doc, timex(doc, "2009", "2009"), timex(doc, "2011", "2011"), dct=DCT)
    assert "Its first browser appeared" in [e.label for e in found]
    doc = doc_of("The mayor appeared calm on Monday.")
    assert not events_of(doc, timex(doc, "Monday", "2021-05-03"), dct=DCT)


def test_people_finding_a_thing_is_an_event_a_works_finding_is_not() -> None:
    doc = doc_of("Divers found the wreck. The survey found a majority in favour.")
    assert [e.label for e in events_of(doc, dct=DCT)] == ["Divers found the wreck"]


def test_a_verb_of_state_with_a_particle_is_an_act() -> None:
    from datetime import date

    from tests.test_events import doc_of, events_of

    doc = doc_of("In two interviews, the harbour master sounded off on the ferry levy.")
    labels = [e.label for e in events_of(doc, dct=date(2021, 5, 4))]
    assert any("sounded off" in label for label in labels)


def test_a_present_progressive_in_a_relative_clause_is_no_event() -> None:
    from tests.test_event_parse import found

    events = found("The ferry captain, who is suing the port board, spoke to reporters.")
    assert not any("suing" in label for label in events)
    assert any(label.startswith("The ferry captain spoke") for label in events)
    # told in the past, the suit is an act of the story
    events = found("The ferry captain, who was suing the port board, spoke to reporters.")
    assert any("suing" in label for label in events)
