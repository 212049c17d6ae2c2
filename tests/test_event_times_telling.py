"""A clause told done by a past verb of saying is done by the day it was told."""

from __future__ import annotations

from datetime import date

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 3)


def times(text: str, *dates: tuple[str, str]) -> dict[str, str | None]:
    doc = doc_of(text)
    found = events_of(doc, *(timex(doc, words, value) for words, value in dates), dct=DCT)
    return {e.label: e.reports[0].stated_time.edtf if e.reports[0].stated_time else None for e in found}


def test_a_clause_said_in_the_scene_of_a_dated_act_is_done_by_that_day() -> None:
    found = times("Tomas Brandt pleaded guilty on Friday to fraud.\n\n"
                  "As part of his plea, Brandt said that he forged forty invoices.", ("Friday", "2021-04-30"))
    assert found["Brandt forged forty invoices"] == "../2021-04-30"


def test_a_clause_admitted_in_a_plea_told_before_is_done_by_its_day() -> None:
    found = times("Tomas Brandt pleaded guilty on Friday to fraud. The court set a hearing for June.\n\n"
                  "Brandt admitted in his plea that he hid the ledgers from auditors.", ("Friday", "2021-04-30"))
    assert found["Brandt admitted in his plea"] == "2021-04-30"
    assert found["Brandt hid the ledgers from auditors"] == "../2021-04-30"


def test_a_clause_said_with_no_day_told_is_only_before_the_document_date() -> None:
    found = times("Tomas Brandt said that he forged forty invoices.")
    assert found["Tomas Brandt forged forty invoices"] == "../2021-05-03"


def test_a_present_perfect_said_is_told_from_now_not_from_the_telling() -> None:
    found = times("Tomas Brandt pleaded guilty on Friday to fraud.\n\n"
                  "Brandt said that the firm has repaid the loans.", ("Friday", "2021-04-30"))
    assert found["the firm has repaid the loans"] != "../2021-04-30"


def test_posting_a_picture_is_an_act_and_a_post_told_later_follows_it() -> None:
    found = times("On Saturday the councillor Rita Voss tweeted a photo of the flooded depot.\n\n"
                  "Two hours after her first tweet, Voss posted a video of the pumps.", ("Saturday", "2021-05-01"))
    assert found["the councillor Rita Voss tweeted a photo of the flooded depot"] == "2021-05-01"
    assert found["Voss posted a video of the pumps"] == "2021-05-01/2021-05-03"


def test_tweeting_a_statement_is_still_no_event() -> None:
    found = times("On Saturday the councillor Rita Voss tweeted that the depot had flooded.", ("Saturday", "2021-05-01"))
    assert not any("tweeted" in label for label in found)


def test_an_act_told_in_a_noun_made_from_its_verb_takes_its_day() -> None:
    found = times("The port authority nominated Lena Ekberg on Friday. The board met in Lund on Monday.\n\n"
                  "In the nomination, the authority praised her record.", ("Friday", "2021-04-30"), ("Monday", "2021-05-03"))
    assert found["the authority praised her record in the nomination"] == "2021-04-30"


def test_a_reaction_to_an_act_told_before_is_on_or_after_its_day() -> None:
    found = times("A court in Varnby ruled on Monday that the ferry levy was unlawful.\n\n"
                  "The harbour union praised the ruling.", ("Monday", "2021-05-03"))
    assert found["The harbour union praised the ruling"] == "2021-05-03"


def test_a_reaction_to_an_act_told_days_before_spans_to_the_document_date() -> None:
    found = times("A court in Varnby ruled on Friday that the ferry levy was unlawful. The mayor left for Oslo on Saturday.\n\n"
                  "The harbour union praised the ruling.", ("Friday", "2021-04-30"), ("Saturday", "2021-05-01"))
    assert found["The harbour union praised the ruling"] == "2021-04-30/2021-05-03"


def test_a_scene_of_two_days_at_most_goes_on_to_the_next_act() -> None:
    found = times("On Sunday the councillor Rita Voss tweeted a photo of the flooded depot.\n\n"
                  "Two hours after her first tweet, Voss posted a video of the pumps. The first tweet was deleted.",
                  ("Sunday", "2021-05-02"))
    assert found["Voss posted a video of the pumps"] == "2021-05-02/2021-05-03"
    assert found["The first tweet was deleted"] == "2021-05-02/2021-05-03"


def test_a_reaction_to_an_act_told_by_a_gerund_of_means_takes_its_day() -> None:
    found = times("Governor Ilse Marrow made history on Friday by appointing the first judge from the islands.\n\n"
                  "The islands' council hailed Marrow's appointment.", ("Friday", "2021-04-30"))
    assert found["The islands' council hailed Marrow's appointment"] == "2021-04-30/2021-05-03"
