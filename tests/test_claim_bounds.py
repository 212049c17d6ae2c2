"""Where a verb cue's content ends: relative clauses, the speaker's next act, the writer's asides."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, claims_of


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The survey finds a generation that is more careful with money.", "finds",
         "a generation that is more careful with money"),
        ("The new report shows a town that spends less on roads.", "shows", "a town that spends less on roads"),
    ],
)
def test_a_relative_clause_on_a_noun_of_the_content_goes_on_with_it(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


def test_a_verb_told_with_a_modal_the_cue_lacks_goes_on_with_what_was_said() -> None:
    claim = by_cue("Ana Ruiz said she was a loyal voter and would probably back the mayor despite her doubts.")["said"]
    assert claim.span.exact == "she was a loyal voter and would probably back the mayor despite her doubts"


def test_a_second_cue_verb_told_like_the_first_is_the_speakers_next_act() -> None:
    claims = by_cue("The senator called for a recount and proposed a new ballot law.")
    assert claims["called"].span.exact == "a recount"
    assert claims["proposed"].span.exact == "a new ballot law"


def test_a_scene_with_a_quoted_title_before_the_speaker_is_not_what_was_said() -> None:
    claim = by_cue("Speaking Sunday on CBS’s “Face the Nation,” Lowe admitted that the ferry figures were wrong.")["admitted"]
    assert claim.span.exact == "the ferry figures were wrong"
    assert claim.source is not None and claim.source.exact == "Lowe"


def test_a_quotation_before_its_speaker_is_still_said() -> None:
    claim = by_cue("“The ferry figures were wrong,” Lowe admitted on Sunday.")["admitted"]
    assert claim.span.exact == "The ferry figures were wrong"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Later on “The Harbor Hour,” Lowe questioned the mayor’s honesty.", "questioned", "the mayor’s honesty"),
        ("Ben Ortiz, host of Channel 4’s “Morning Tide,” suggested the ferry deal could sink the mayor.", "suggested",
         "the ferry deal could sink the mayor"),
    ],
)
def test_a_title_in_quotation_marks_before_the_speaker_is_no_quotation_of_his_words(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


def test_when_and_where_a_verb_after_its_content_was_said_is_no_clause_of_it() -> None:
    claim = by_cue("The mayor’s “judgment” and “honesty” are now in question after the ferry deal, "
                   "Lowe said Sunday on Channel 4’s “Sunday Morning Report.”")["said"]
    assert claim.span.exact == "The mayor’s “judgment” and “honesty” are now in question after the ferry deal"


def test_a_verb_with_its_own_phrase_after_it_is_no_attribution_set_after_a_content() -> None:
    claim = by_cue("After the court refused to reconsider the decision, the city asked for quick action.")["asked"]
    assert claim.span.exact == "quick action"


def test_what_a_feeling_put_into_words_is_at_completes_it() -> None:
    claim = by_cue("Several council members expressed dismay at the mayor’s rough treatment of the ferry crews.")["expressed"]
    assert claim.span.exact == "dismay at the mayor’s rough treatment of the ferry crews"


def test_an_infinitive_right_after_what_is_pushed_for_completes_it() -> None:
    claims = claims_of("Governor Ana Ruiz is pushing for her state to become the first in the region to ban plastic bags.")
    assert [(c.span.exact, c.claimant_name) for c in claims] == [
        ("her state to become the first in the region to ban plastic bags", "Governor Ana Ruiz")]
