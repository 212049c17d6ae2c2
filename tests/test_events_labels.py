"""Headlines that keep the act and leave out what only places it in time."""

from __future__ import annotations

from datetime import date

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 3)


def labels(text: str, *dates: tuple[str, str]) -> list[str]:
    doc = doc_of(text)
    return [event.label for event in events_of(doc, *(timex(doc, words, value) for words, value in dates), dct=DCT)]


def test_a_span_set_before_the_verb_leaves_its_tail_out_of_the_label() -> None:
    assert labels("Over the last five months of his term, the mayor closed three parks.",
                  ("the last five months of his term", "2020-12/2021-05")) == [
        "the mayor closed three parks"]


def test_a_phrase_ordering_the_act_is_no_part_of_its_label() -> None:
    assert labels("The mayor resigned after the council.") == ["The mayor resigned"]
    assert labels("The ferry company cut its fares following the strike.") == ["The ferry company cut its fares"]
    # the passage still holds the words that order it
    found = events_of(doc_of("Ticket sales had already doubled prior to the festival."), dct=DCT)
    assert [e.label for e in found] == ["Ticket sales had doubled"]
    assert "prior to the festival" in found[0].reports[0].span.exact


def test_a_phrase_the_parse_hung_after_an_ordering_one_goes_with_it() -> None:
    assert labels("In 2009, Ann Lowe left the band after a quarrel with the band's manager.", ("2009", "2009")) == [
        "Ann Lowe left the band"]


def test_a_subject_read_as_an_after_phrase_is_the_subject() -> None:
    assert "the council voted" in labels("After the council voted in May, the mayor resigned.", ("May", "2021-05"))


def test_an_order_with_its_infinitive_mistagged_is_an_event() -> None:
    assert labels("In May the mayor told the clerk to shred the files.", ("May", "2021-05")) == [
        "the mayor told the clerk to shred the files"]


def test_a_fronted_after_phrase_the_parse_hung_on_the_subject_stays_out_of_the_label() -> None:
    from tests.test_event_times import dated

    found = dated("The Lions played the Hawks on Sunday. After the match, coach Ann Lowe praised her team.")
    assert "coach Ann Lowe praised her team" in found


def test_a_pronoun_object_stays_before_its_particle() -> None:
    from tests.test_event_times import dated

    found = dated("On Wednesday, rescuers reached the ledge and brought them down.")
    assert "rescuers brought them down" in found


def test_a_subject_the_parse_cut_inside_a_place_name_keeps_its_whole_noun_phrase() -> None:
    found = labels("Harbour fees at Ostra Hamn have doubled.")
    assert "Harbour fees at Ostra Hamn have doubled" in found
    assert "Hamn have doubled" not in found


def test_a_verb_right_after_a_quotation_with_its_subject_after_it_is_a_saying_not_an_act() -> None:
    assert labels("“Only the council can decide this,” continued the letter from the harbour board.") == []
    assert labels("'We will not pay,' added Ilse Marrow.") == []
    assert labels("''Only the board of the port can decide if it wants this plan,'' continued the letter.") == []


def test_a_fronted_date_read_as_the_root_is_no_part_of_the_subject_after_its_comma() -> None:
    from tests.test_event_times import dated

    found = dated("Also Friday, Vale-Ostra Mayor Ana Ruiz flew to Lisbon.")
    assert "Vale-Ostra Mayor Ana Ruiz flew to Lisbon" in found
    assert not any("Friday" in label for label in found)
