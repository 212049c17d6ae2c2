"""Events a reader would list, and what a reader would not: lists of objects, sections of
sources, negated contractions, refusals to give details, characterizations, clauses made known."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 3)


def labels(text: str) -> list[str]:
    return [event.label for event in events_of(doc_of(text), dct=DCT)]


def test_a_list_of_objects_keeps_every_member() -> None:
    # the parse hangs the second member as an apposition of the first
    assert labels("The port authority bought three tugboats, a crane and two barges.") == [
        "The port authority bought three tugboats, a crane and two barges"]
    # or hangs the later members on the verb
    assert labels("The council sold the pier, the depot and the old ferry.") == [
        "The council sold the pier, the depot and the old ferry"]


def test_an_apposition_after_a_list_of_subjects_is_no_member() -> None:
    assert labels("Ann Lowe and Piet Brandt, two pilots, resigned.") == ["Ann Lowe and Piet Brandt resigned"]
    assert labels("The agency hired Ann Lowe, a pilot.") == ["The agency hired Ann Lowe"]


def test_a_sentence_opening_with_sources_is_prose_not_a_heading() -> None:
    assert labels("Sources close to the mayor said the council fired the treasurer.") == [
        "the council fired the treasurer"]
    assert labels("Share prices fell sharply.") == ["Share prices fell"]


def test_the_entries_under_a_sources_heading_are_no_events() -> None:
    doc = doc_of("The council fired the treasurer.\n\nSources\n\n"
                 "\u201cThe council fired its treasurer\u201d \u2014 City Times, May 1, 2021\n\n"
                 "\u201cA clerk found the ledger in a taxi\u201d \u2014 Daily Post, May 2, 2021\n")
    found = events_of(doc, timex(doc, "May 1, 2021", "2021-05-01"), timex(doc, "May 2, 2021", "2021-05-02"), dct=DCT)
    assert [event.label for event in found] == ["The council fired the treasurer"]


@pytest.mark.parametrize("text", [
    "They can`t share the files with colleagues.",
    "The clerks didn`t sign the ledger.",
    "The spokeswoman refused to give any more details about the theft.",
    "The press officer declined to provide further information.",
    "The museum referred to the ship as a wreck.",
    "The council regarded the plan as a failure.",
    "The storm coincided with the festival.",
])
def test_negations_refusals_to_inform_characterizations_and_relations_are_no_events(text: str) -> None:
    assert labels(text) == []


def test_a_refusal_to_hand_something_over_stays_an_event() -> None:
    assert labels("The spokeswoman refused to give the money back.") == ["The spokeswoman refused to give the money back"]


@pytest.mark.parametrize("text", [
    "It became known that the treasurer left the files in a taxi.",
    "It was clear that the treasurer left the files in a taxi.",
])
def test_what_became_known_is_the_event_not_its_becoming_known(text: str) -> None:
    assert labels(text) == ["the treasurer left the files in a taxi"]
