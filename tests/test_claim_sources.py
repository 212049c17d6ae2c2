"""Who speaks when the words name no one directly: a speaking "it", a kind of act as a subject."""

from __future__ import annotations

from tests.conftest import claims_of


def test_a_speaking_it_is_the_unnamed_thing_before_it() -> None:
    found = claims_of("The letter came from Detective Ana Silva on behalf of the harbor unit. It told boat owners "
                      "that the pier had been damaged, and it asked them to send photos.")
    by_verb = {c.verb: c for c in found}
    for verb in ("told", "asked"):
        assert by_verb[verb].claimant_name == "The letter"
        assert by_verb[verb].unnamed
        assert by_verb[verb].claimant is None


def test_a_speaking_it_is_no_person_and_no_number() -> None:
    (claim,) = claims_of("Ana Silva left the harbor board in May. It said the pier was shut.")
    assert claim.claimant_name == "It"
    (claim,) = [c for c in claims_of("About 74 percent backed the levy. It said the pier was shut.") if c.verb == "said"]
    assert claim.claimant_name == "It"


def test_a_speaking_it_is_not_a_subject_inside_what_was_said() -> None:
    found = claims_of("The harbor master said that the report was late. It said the pier was shut.")
    (claim,) = [c for c in found if c.text == "the pier was shut"]
    assert claim.claimant_name != "the report"


def test_a_kind_of_act_as_a_subject_is_no_ones_claim() -> None:
    found = claims_of("The agency told the paper in a statement that asking owners to share their video is "
                      "\"routine\" for its detectives.")
    assert [c.verb for c in found] == ["told"]
    assert found[0].text == "asking owners to share their video is \"routine\" for its detectives"
    assert not [c for c in claims_of("Asking owners for their video is routine, the chief said.") if c.verb == "asking"]


def test_a_point_of_view_named_by_in_is_its_holders_claim() -> None:
    (claim,) = claims_of("In Lowe's view, the toll bridge is a mistake.")
    assert (claim.claimant_name, claim.text, claim.verb) == ("Lowe", "the toll bridge is a mistake", "view")
    (claim,) = claims_of("The ferry will close by May, in the eyes of most harbor pilots.")
    assert claim.claimant_name == "most harbor pilots" and claim.unnamed
    assert claim.text == "The ferry will close by May"


def test_a_point_of_view_set_into_a_clause_keeps_the_subject_before_it() -> None:
    (claim,) = claims_of("The levy, in the words of one grower, is a disaster.")
    assert claim.claimant_name == "one grower"
    assert [p.exact for p in claim.content] == ["The levy", "is a disaster"]
    (claim,) = claims_of("The levy, according to one grower, is a disaster.")
    assert [p.exact for p in claim.content] == ["The levy", "is a disaster"]


def test_a_place_in_a_mind_is_no_point_of_view() -> None:
    assert not claims_of("He kept the old harbor in his mind for years.")


def test_who_issues_a_statement_speaks_through_it() -> None:
    (claim,) = claims_of("Ann Lowe put out a statement saying the pier is safe.")
    assert claim.claimant_name == "Ann Lowe"
    assert claim.text == "the pier is safe"


def test_a_noun_of_saying_before_is_that_names_what_was_said() -> None:
    (claim,) = claims_of("Ann Lowe's argument on Sunday was that the ferry levy should be cut.")
    assert (claim.claimant_name, claim.text, claim.verb) == ("Ann Lowe", "the ferry levy should be cut", "argument")
    (claim,) = claims_of("Her plan is to rebuild the north pier by May.")
    assert claim.text == "to rebuild the north pier by May"
    assert not claims_of("The problem is that the north pier is old.")


def test_whose_act_a_noun_of_saying_names_after_by_or_from() -> None:
    found = claims_of("The residents heard the claim by Ann Lowe that the north pier is safe.")
    (claim,) = [c for c in found if c.verb == "claim"]
    assert (claim.claimant_name, claim.text) == ("Ann Lowe", "the north pier is safe")
    (claim,) = [c for c in claims_of("The board heard a request from Ann Lowe to close the north pier.") if c.verb == "request"]
    assert (claim.claimant_name, claim.text) == ("Ann Lowe", "to close the north pier")


def test_a_by_phrase_before_the_verb_is_a_time_not_its_agent() -> None:
    claims = claims_of("By the end of the week, Ms. Okafor was pushed into a retreat and said that her words had been twisted.")
    assert [(c.span.exact, c.claimant_name) for c in claims] == [("her words had been twisted", "Ms. Okafor")]


def test_a_phrase_opening_the_sentence_is_not_the_speaker_of_its_verb() -> None:
    claims = claims_of("Shortly after the vote, Harbor Board chair Ana Ruiz issued a statement saying that the board "
                       "should not sell the pier.")
    assert [(c.span.exact, c.claimant_name) for c in claims] == [
        ("the board should not sell the pier", "Harbor Board chair Ana Ruiz")]
