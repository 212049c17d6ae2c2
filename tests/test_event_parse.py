"""Verbs the tagger took for other words give events, and background acts are told before the scene."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 5)


def found(text: str, *dates: tuple[str, str]) -> dict[str, tuple[str | None, str]]:
    """Label -> (time, words of the report) of the events of a text."""
    doc = doc_of(text)
    events = events_of(doc, *(timex(doc, words, value) for words, value in dates), dct=DCT)
    return {e.label: (e.reports[0].stated_time.edtf if e.reports[0].stated_time else None, e.reports[0].span.exact)
            for e in events}


def test_a_progressive_the_tagger_read_as_an_adjective_is_an_event() -> None:
    events = found("Aides to the mayor said the campaign is investing for a long, drawn-out fight.")
    assert any(label.startswith("the campaign is investing for a long") for label in events)


def test_a_hyphenated_passive_read_as_a_noun_with_a_copula_is_an_event_of_its_scene() -> None:
    events = found("As the governor got ready to talk to voters in Halden on Monday, a 16-year-old student outside "
                   "the arena was pepper-sprayed by another onlooker, deputies said.", ("Monday", "2021-05-03"))
    (label,) = [label for label in events if "pepper-sprayed" in label]
    assert label == "another onlooker pepper-sprayed a 16-year-old student outside the arena"
    time, words = events[label]
    assert time == "2021-05-03" and "was pepper-sprayed by another onlooker" in words


def test_a_passive_clause_hung_on_the_noun_after_it_is_an_event() -> None:
    events = found("A teenager outside the arena was pepper-sprayed by another onlooker, deputies said.")
    assert events["another onlooker pepper-sprayed a teenager outside the arena"][0] == "../2021-05-05"


def test_all_but_makes_no_object_of_the_auxiliary_and_a_present_perfect_is_no_scene_act() -> None:
    events = found("On Tuesday, the governor nominated a judge. With months left in his term, lawmakers have all "
                   "but stopped confirming his picks.", ("Tuesday", "2021-05-04"))
    (label,) = [label for label in events if "stopped" in label]
    assert label.startswith("lawmakers have stopped")
    assert events[label][0] != "2021-05-04"  # what has been going on is not the act of Tuesday


def test_a_participle_sharing_a_past_perfect_was_done_before_the_scene() -> None:
    events = found("On Monday, the mayor opened the bridge. Workers had finished the deck and then painted the rails.",
                   ("Monday", "2021-05-03"))
    assert events["Workers had finished the deck"][0] == "../2021-05-03"
    assert events["Workers painted the rails"][0] == "../2021-05-03"


def test_a_past_perfect_after_acts_told_with_no_date_is_by_the_last_dated_act() -> None:
    events = found("Six protesters were arrested at the hotel on Monday.\n\nPolice said the six identified themselves "
                   "as members of a local group. Members of the group had chained themselves to the doors.",
                   ("Monday", "2021-05-03"))
    assert events["Members of the group had chained themselves to the doors"][0] == "../2021-05-03"


def test_a_second_act_of_the_dated_sentence_does_not_end_its_scene() -> None:
    events = found("As the mayor Ruth Calder prepared to speak in Dorrance on Monday, a stranger outside the hall "
                   "attacked a boy on Monday, police said.\n\nOfficials said the boy was fine. Dozens of residents "
                   "had gathered outside the Pell Hotel.", ("Monday", "2021-05-03"))
    assert events["Dozens of residents had gathered outside the Pell Hotel"][0] == "../2021-05-03"


def test_a_past_tense_tagged_as_a_base_form_is_read_by_its_morphology() -> None:
    from timeline_graph.extract.event_parse import verbs_mended
    from timeline_graph.nlp import Parse, Sentence, Token

    def parse_of(subject_dep: str) -> Parse:
        text = "the clerk read a summary"
        rows = [("the", "DET", "DT", "det", 1, ""), ("clerk", "NOUN", "NN", subject_dep, 2, "Number=Sing"),
                ("read", "VERB", "VB", "ROOT", 2, "Mood=Ind|Tense=Past|VerbForm=Fin"),
                ("a", "DET", "DT", "det", 4, ""), ("summary", "NOUN", "NN", "obj", 2, "Number=Sing")]
        tokens, at = [], 0
        for i, (word, pos, tag, dep, head, morph) in enumerate(rows):
            start = text.index(word, at)
            at = start + len(word)
            tokens.append(Token(i, start, at, word, word, pos, tag, dep, head, morph, 0))
        return Parse(text, tokens, (Sentence(0, len(text), 0, len(tokens)),), ())

    assert verbs_mended(parse_of("nsubj")).tokens[2].tag == "VBD"
    # with no subject of its own, a base form stays one whatever its morphology says
    assert verbs_mended(parse_of("obl")).tokens[2].tag == "VB"


def test_a_present_progressive_under_a_dated_report_went_on_that_day() -> None:
    events = found("According to a message posted on Friday, the city's website is being attacked by hackers.",
                   ("Friday", "2021-04-30"))
    assert events["hackers attacked the city's website"][0] == "2021-04-30"
    events = found("The ferry line is often cutting its fares, the Gazette reported on Friday.", ("Friday", "2021-04-30"))
    assert events["The ferry line is cutting its fares"][0] == "../2021-04-30"  # a practice, no act of that day


@pytest.mark.parametrize(("text", "day", "label"), [
    ("On Tuesday, Democrats vote in Arizona.", ("Tuesday", "2021-05-04"), "Democrats vote in Arizona"),
    ("Ferland and Ostmark hold caucuses on Thursday.", ("Thursday", "2021-05-06"), "Ferland and Ostmark hold caucuses"),
    ("The state votes Tuesday.", ("Tuesday", "2021-05-04"), "The state votes"),
])
def test_a_verb_read_as_a_noun_after_a_subject_that_agrees_is_an_event_of_its_day(
        text: str, day: tuple[str, str], label: str) -> None:
    assert found(text, day)[label][0] == day[1]


def test_each_clause_between_semicolons_gets_its_verb_read_as_a_noun() -> None:
    events = found("On Tuesday, Democrats vote in Ferland; on Thursday, Ostmark and Halden hold caucuses.",
                   ("Tuesday", "2021-05-04"), ("Thursday", "2021-05-06"))
    assert events["Democrats vote in Ferland"][0] == "2021-05-04"
    assert events["Ostmark and Halden hold caucuses"][0] == "2021-05-06"


def test_a_noun_that_does_not_agree_with_the_noun_before_it_stays_a_noun() -> None:
    assert not found("Before the council vote on Tuesday.", ("Tuesday", "2021-05-04"))
