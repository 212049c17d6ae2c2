"""Events a reader would list, and what a reader would not: lists of objects, sections of
sources, negated contractions, refusals to give details, characterizations, clauses made known."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from tests.test_events import doc_of, events_of, parse_of, timex
from timeline_graph.extract import extract
from timeline_graph.extract.events import find_events
from timeline_graph.model import Document, TimeValue

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


@pytest.mark.parametrize("text", [
    "Fuel prices will rise next year, analysts predict.",
    "Fuel prices will rise next year.",
    "Analysts expect that fuel prices will rise next year.",
    "The ferry will probably sail on June 4.",
    "The mayor will resign in June, the paper predicted.",
    "In March, the farmer was going to lose his farm.",
])
def test_a_forecast_or_what_was_about_to_happen_is_no_event(text: str) -> None:
    doc = doc_of(text)
    words = next(w for w in ("next year", "June 4", "June", "March") if w in text)
    value = {"next year": "2022", "June 4": "2021-06-04", "June": "2021-06", "March": "2021-03"}[words]
    assert events_of(doc, timex(doc, words, value), dct=DCT) == ()


@pytest.mark.parametrize(("text", "words", "value", "label"), [
    ("The ferry will sail on June 4.", "June 4", "2021-06-04", "The ferry will sail"),
    ("The council is going to vote on the budget on June 4.", "June 4", "2021-06-04",
     "The council is going to vote on the budget"),
])
def test_a_plan_with_a_date_of_its_own_is_an_event_of_that_date(text: str, words: str, value: str, label: str) -> None:
    doc = doc_of(text)
    (event,) = events_of(doc, timex(doc, words, value), dct=DCT)
    assert event.label == label
    assert event.time is not None and event.time.edtf == value


@pytest.mark.parametrize("text", [
    "Nobody was hurt in the fire.",
    "The clerk sent no messages.",
    "No messages she sent were marked secret.",
    "Neither chamber passed the bill.",
    "Few of those women won.",
    "None of the passengers died.",
    "No one answered the phone.",
])
def test_what_nobody_or_nothing_did_is_no_event(text: str) -> None:
    assert labels(text) == []


def test_a_few_is_some_not_none() -> None:
    assert labels("A few of the women won.") == ["A few of the women won"]
    assert labels("The firm sent a few letters.") == ["The firm sent a few letters"]


@pytest.mark.parametrize(("text", "words", "value"), [
    ("April 24 marked 101 years since the war.", "April 24", "2016-04-24"),
    ("October brought a revival for the campaign.", "October", "2020-10"),
])
def test_a_time_as_the_subject_tells_of_the_time_not_an_event(text: str, words: str, value: str) -> None:
    doc = doc_of(text)
    assert events_of(doc, timex(doc, words, value), dct=DCT) == ()


def test_a_date_read_as_the_subject_still_dates_the_event_of_its_apposition() -> None:
    doc = doc_of("In March, a bundle of letters was found in a bin.")
    (event,) = events_of(doc, timex(doc, "March", "2021-03"), dct=DCT)
    assert event.label == "a bundle of letters was found in a bin"


@pytest.mark.parametrize("text", [
    "Superdelegates are the current and former elected officials, the party said on Tuesday.",
    "Today's ruling is an insult to the hundreds of dedicated nurses and doctors at the clinic, and I am "
    "upset with the decision.",
])
def test_a_participle_inside_a_noun_phrase_makes_no_event_of_a_dated_sentence(text: str) -> None:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          published=TimeValue.of_day(DCT), metadata_origin=(("published", "metadata"),))
    assert extract(doc).events == ()


def test_an_outlets_report_with_a_day_of_its_own_is_the_publication_of_its_story() -> None:
    doc = doc_of("A fire destroyed the depot, the newspaper reported Tuesday.")
    found = events_of(doc, timex(doc, "Tuesday", "2021-04-27"), dct=DCT)
    published = [e for e in found if e.kind == "publication"]
    assert [e.label for e in published] == ["the newspaper published a report"]
    assert published[0].time is not None and published[0].time.edtf == "2021-04-27"
    assert "reported Tuesday" in published[0].reports[0].span.exact
    fire = next(e for e in found if e.label == "A fire destroyed the depot")
    assert fire.time is not None and fire.time.edtf == "../2021-04-27"


@pytest.mark.parametrize("text", [
    "A fire destroyed the depot, the mayor reported Tuesday.",
    "A fire destroyed the depot, it was reported Tuesday.",
])
def test_a_report_by_someone_not_named_as_an_outlet_is_no_publication(text: str) -> None:
    doc = doc_of(text)
    found = events_of(doc, timex(doc, "Tuesday", "2021-04-27"), dct=DCT)
    assert [e.label for e in found] == ["A fire destroyed the depot"]


def test_a_future_whose_only_date_is_another_sentences_is_no_event() -> None:
    doc = doc_of("Today the yard is shut. The yard will receive cranes.")
    parse = parse_of(doc.text, [
        ("Today", "today", "NOUN", "NN", "obl:tmod", 9), ("the", "the", "DET", "DT", "det", 2),
        ("yard", "yard", "NOUN", "NN", "nsubj:pass", 4), ("is", "be", "AUX", "VBZ", "aux:pass", 4),
        ("shut", "shut", "VERB", "VBN", "ROOT", 4), (".", ".", "PUNCT", ".", "punct", 4),
        ("The", "the", "DET", "DT", "det", 7), ("yard", "yard", "NOUN", "NN", "nsubj", 9),
        ("will", "will", "AUX", "MD", "aux", 9), ("receive", "receive", "VERB", "VB", "parataxis", 4),
        ("cranes", "crane", "NOUN", "NNS", "obj", 9), (".", ".", "PUNCT", ".", "punct", 4),
    ])
    found = find_events(doc, [timex(doc, "Today", "2021-05-03")], [], parse, dct=DCT)
    assert not [e for e in found if e.label == "The yard will receive cranes"]
    assert all(e.time is not None for e in found)


def test_a_characterization_with_as_inside_the_phrase_is_no_event() -> None:
    assert labels("On the form, it referred to the ship as Northern Star and Harbor Queen.") == []
    assert labels("The agency referred the case to prosecutors as soon as it could.") == [
        "The agency referred the case to prosecutors"]


def test_a_passive_read_as_a_modifier_of_the_name_before_it_keeps_its_auxiliary() -> None:
    assert labels("The Museum of Boats in Tacoma, Washington was also proposed as another home for the ferry.") == [
        "The Museum of Boats in Tacoma was proposed for the ferry"]


@pytest.mark.parametrize(("text", "label"), [
    ("Police found the car in a lake.", "Police found the car in a lake"),
    ("A ledger was found wet on a city street.", "A ledger was found wet on a city street"),
])
def test_finding_a_thing_is_an_event(text: str, label: str) -> None:
    assert labels(text) == [label]


@pytest.mark.parametrize("text", ["The clerk was found to have lied.", "The survey found high levels of lead."])
def test_a_finding_stated_is_no_event(text: str) -> None:
    assert labels(text) == []


def test_what_a_passive_found_is_labelled_with_its_complement_after_an_opening_date() -> None:
    doc = doc_of("In March, a bundle of letters was found stuffed in a bin.")
    (event,) = events_of(doc, timex(doc, "March", "2021-03"), dct=DCT)
    assert event.label == "a bundle of letters was found stuffed in a bin"
    assert "found stuffed" in event.reports[0].span.exact


def test_a_date_of_a_clause_about_the_doer_of_a_passive_is_that_clauses_own() -> None:
    doc = doc_of("A ledger was found on a city street by a man who gave it to the station today.")
    found = {e.label: e.time.edtf if e.time else None
             for e in events_of(doc, timex(doc, "today", "2021-05-03"), dct=DCT)}
    assert found["a man found a ledger on a city street"] == "../2021-05-03"
    assert found["a man gave it to the station"] == "2021-05-03"


@pytest.mark.parametrize(("text", "label", "edtf"), [
    ("The mayor resigned in March after the council voted to cut her pay.", "the council voted to cut her pay",
     "../2021-03-31"),
    ("In March, the minister was forced to resign after it became known that he left secret files at a cafe.",
     "he left secret files at a cafe", "../2021-03-31"),
    ("The mayor resigned in March before the council voted on her pay.", "the council voted on her pay",
     "2021-03-01/2021-05-03"),
])
def test_an_after_or_before_clause_is_bounded_by_the_dated_act_it_is_told_with(text: str, label: str, edtf: str) -> None:
    doc = doc_of(text)
    found = {e.label: e for e in events_of(doc, timex(doc, "March", "2021-03"), dct=DCT)}
    assert found[label].time is not None and found[label].time.edtf == edtf


def test_a_label_does_not_end_on_the_word_opening_the_next_clause() -> None:
    doc = doc_of("In March, the minister was forced to resign after it became known that he left secret files at a cafe.")
    labels_found = [e.label for e in events_of(doc, timex(doc, "March", "2021-03"), dct=DCT)]
    assert "the minister was forced to resign" in labels_found


def test_a_verb_of_change_done_to_a_thing_in_the_future_is_a_plan_not_a_forecast() -> None:
    doc = doc_of("The agency said it will release another set of files next week.")
    (event,) = events_of(doc, timex(doc, "next week", "2021-05-10/2021-05-16"), dct=DCT)
    assert event.label == "The agency will release another set of files"  # "it": the agency
    doc = doc_of("Unemployment will reach 9 percent next year.")
    assert events_of(doc, timex(doc, "next year", "2022"), dct=DCT) == ()


def test_a_description_set_off_after_a_subjects_name_is_no_member_of_a_list() -> None:
    assert labels("Tim Rowe, a law professor and political newcomer, has pulled in a large amount of cash.") == [
        "Tim Rowe has pulled in a large amount of cash"]


def test_an_interviews_editing_note_is_boilerplate() -> None:
    assert labels("The mayor resigned.\n\nThis interview has been edited for length and clarity.\n") == [
        "The mayor resigned"]


def test_a_source_reached_for_comment_is_no_event() -> None:
    doc = doc_of("Reached by phone on Tuesday, Lowe told the paper that the pier closed.")
    found = events_of(doc, timex(doc, "Tuesday", "2021-04-27"), dct=DCT)
    assert [e.label for e in found] == ["the pier closed"]


@pytest.mark.parametrize(("text", "words", "value"), [
    ("They plan to link him to every candidate running this fall.", "this fall", "2021-23"),
    ("The group aims to spend $9 million before the vote in November.", "November", "2021-11"),
    ("She will win if he is still popular in November.", "November", "2021-11"),
])
def test_an_intention_or_a_conditional_future_is_no_event(text: str, words: str, value: str) -> None:
    doc = doc_of(text)
    assert events_of(doc, timex(doc, words, value), dct=DCT) == ()


def test_a_past_plan_is_an_act() -> None:
    assert labels("The group planned a protest at the conference.") == ["The group planned a protest at the conference"]


def test_a_headline_paragraph_in_a_roundup_is_no_event() -> None:
    text = "The ferry sank.\n\nStoic driver identified in crash on the coast road.\n\nThe driver fled.\n"
    assert labels(text) == ["The ferry sank", "The driver fled"]
    # one sentence alone, or a subject used without an article in prose, stays
    assert labels("Harbor police requested footage from Acme.") == ["Harbor police requested footage from Acme"]


def test_a_present_tense_dated_by_a_past_month_is_no_event() -> None:
    doc = doc_of("That figure follows 292,000 in March.")
    assert events_of(doc, timex(doc, "March", "2021-03"), dct=DCT) == ()


def test_a_dated_noun_and_its_participle_read_from_the_words_still_tell_the_act() -> None:
    text = ("Congressman Ortiz\u2019s office slammed a lawsuit filed by a fired clerk alleging that the congressman "
            "broke the law with his harbor panel, calling it baseless.\n\nThe April 26 lawsuit filed by a former "
            "clerk named Ann Lowe, a Navy reserve captain who Ortiz, D -Ore., fired in June for mishandling secret "
            "papers, claims a long series of wrongs done to her.")
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          published=TimeValue.of_day(DCT), metadata_origin=(("published", "metadata"),))
    filed = [e for e in extract(doc).events if "filed" in e.label]
    assert [(e.label, e.time.edtf if e.time else None) for e in filed] == [("lawsuit filed by a former clerk", "2021-04-26")]


def test_an_infinitive_passive_keeps_no_bare_be_in_its_label() -> None:
    doc = doc_of("The union wants the agreement to be finalized over the weekend.")
    found = events_of(doc, timex(doc, "over the weekend", "2021-05-01/2021-05-02"), dct=DCT)
    assert not any(" be finalized" in e.label for e in found)
