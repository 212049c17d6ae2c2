"""Attributions whose cue is a noun: "raised questions about ...", "made statements about ..."."""

from __future__ import annotations

from tests.conftest import claims_of


def test_statements_someone_made_about_a_thing_are_about_it() -> None:
    (claim,) = claims_of("Tomas Ruiz made several statements about the harbor budget on Tuesday.")
    assert claim.claimant_name == "Tomas Ruiz"
    assert claim.text == "the harbor budget"
    assert claim.verb == "statements"


def test_questions_no_one_raises_are_the_writers() -> None:
    assert claims_of("Questions about the harbor budget remain.") == ()


def test_a_plan_the_subject_acts_with_is_the_subjects() -> None:
    found = claims_of("The Lowe campaign is making its biggest ad buy so far, with plans to spend $2 million on radio "
                      "spots next week.")
    (claim,) = [c for c in found if c.verb == "plans"]
    assert claim.claimant_name == "The Lowe campaign"
    assert claim.text == "to spend $2 million on radio spots next week"


def test_a_case_made_in_a_purpose_clause_is_the_subjects() -> None:
    (claim,) = claims_of("Tomas Ruiz flew to Dover on Monday to make the case that the pier should stay open.")
    assert claim.claimant_name == "Tomas Ruiz"
    assert claim.text == "the pier should stay open"


def test_an_agent_set_off_by_commas_before_the_clause_is_the_speaker() -> None:
    (claim,) = claims_of("One sticking point is a demand, by Mayor Ann Lowe, that the levy include better breaks for "
                         "the poor.")
    assert claim.claimant_name == "Mayor Ann Lowe"
    assert claim.text == "the levy include better breaks for the poor"


def test_an_answer_that_is_a_clause_is_what_was_answered() -> None:
    (claim,) = claims_of("The senator's answer was that the family is the most important institution.")
    assert claim.claimant_name == "The senator"
    assert claim.text == "the family is the most important institution"


def test_questions_a_participle_answers_are_answered_by_the_clauses_subject() -> None:
    found = claims_of("Ann Lowe is making a stop at a Dover school, walking past a long line of voters and answering "
                      "questions about her campaign.")
    (claim,) = [c for c in found if c.verb == "questions"]
    assert claim.claimant_name == "Ann Lowe"
    assert claim.text == "her campaign"
