"""Light verbs of motion in fixed phrases of news ("went after", "came under fire") are events."""

from __future__ import annotations

from tests.test_event_parse import found


def test_going_after_someone_is_an_act() -> None:
    events = found("The mayor went after the harbor board in a long speech.")
    assert any(label.startswith("The mayor went") for label in events)
    assert any(words.startswith("The mayor went after the harbor board") for _, words in events.values())


def test_coming_under_fire_is_an_act() -> None:
    events = found("The ferry operator came under fire from port workers.")
    assert any(label.startswith("The ferry operator came under fire") for label in events)


def test_going_further_with_a_participle_is_an_act_and_the_participle_one_of_that_day() -> None:
    events = found("On Monday, the council went further, banning trucks from the old bridge.", ("Monday", "2021-05-03"))
    banning = [time for label, (time, _) in events.items() if "banning trucks" in label]
    assert banning == ["2021-05-03"]


def test_going_or_coming_somewhere_in_general_is_no_event() -> None:
    assert not found("The grant money went to two schools in the valley.")
    assert not found("The ruling comes after a long dispute over the dam.")


def test_the_words_of_a_clause_telling_when_keep_its_opening_word() -> None:
    events = found("The crowd cheered loudly after she cut the ribbon.")
    assert events["she cut the ribbon"][1] == "after she cut the ribbon"
    events = found("Ferry fares have doubled since he was appointed.")
    assert events["he was appointed"][1] == "since he was appointed"
    # (the parser may hang "after" on the clause's subject)
    events = found("Turnout rose after the polls closed at ten.")
    assert events["the polls closed at ten"][1] == "after the polls closed at ten"
