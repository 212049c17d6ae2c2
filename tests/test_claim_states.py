"""Internal states and plans as claims: judgements, expectations, consent, weighing and seeking, hopes, votes, impressions."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, claims_of


def _words(text: str) -> str:
    """The words of a claim's span, for a check that does not hang on where a parse ends it."""
    return " ".join(text.split())


def test_a_passive_judgement_with_a_bare_predicate_is_the_subject_and_what_it_is_judged() -> None:
    claim = by_cue("The ferry strike is considered one of the longest in the port's history.")["is considered"]
    assert "The ferry strike" in claim.span.exact and "one of the longest" in claim.span.exact
    assert claim.source is None


def test_whom_a_judgement_is_of_stays_in_it() -> None:
    claim = by_cue("Local critics consider him a fraud.")["consider"]
    assert claim.span.exact == "him a fraud"
    assert claim.claimant_name == "Local critics"


def test_an_infinitive_to_be_with_a_predicate_is_what_is_expected() -> None:
    claim = by_cue("The harbor vote is expected to be close.")["is expected"]
    assert "to be close" in claim.span.exact


def test_to_be_supposed_to_be_is_no_judgement_read_off_its_predicate() -> None:
    from timeline_graph import nlp
    from timeline_graph.extract.claim_states import judged_as

    parse = nlp.parse("The pier is supposed to be safe.")
    verb = next(t for t in parse.tokens if t.text == "supposed")
    assert not any(judged_as(parse, verb, k) for k in parse.children(verb))


@pytest.mark.parametrize(
    ("text", "cue", "content", "who"),
    [
        ("The dock union is willing to accept a smaller raise.", "is willing", "to accept a smaller raise", "The dock union"),
        ("Sen. Ann Lowe is not willing to wait for the audit.", "is not willing", "to wait for the audit", "Sen. Ann Lowe"),
    ],
)
def test_an_adjective_of_consent_gives_its_infinitive_to_its_holder(text: str, cue: str, content: str, who: str) -> None:
    claim = by_cue(text)[cue]
    assert claim.span.exact == content
    assert claim.claimant_name == who


def test_a_passive_infinitive_after_an_adjective_of_consent_is_no_ones_intention() -> None:
    assert all((c.verb or "") != "willing" for c in claims_of("The old ballots are willing to be counted."))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The city is seeking millions of dollars from the state.", "is seeking", "millions of dollars from the state"),
        ("Officials are considering a new tax on cruise ships.", "are considering", "a new tax on cruise ships"),
        ("The new harbor chief does not understand the budget.", "does not understand", "the budget"),
    ],
)
def test_what_is_sought_weighed_or_grasped_is_the_objects(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


def test_in_hopes_of_gives_the_gerund_as_the_hope_of_the_clauses_subject() -> None:
    claim = by_cue("The mayor met the owners in hopes of persuading them to stay.")["hopes"]
    assert claim.span.exact == "persuading them to stay"
    assert claim.claimant_name == "The mayor"


def test_a_vote_for_someone_is_the_voters_side() -> None:
    claim = by_cue("Among the delegates, 56 percent would vote for Lowe.")["would vote"]
    assert claim.span.exact == "Lowe"
    assert claim.claimant_name == "56 percent"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("This seems like a fair idea.", "seems", "This seems like a fair idea"),
        ("The long meeting seemed a waste of time.", "seemed", "The long meeting seemed a waste of time"),
    ],
)
def test_what_a_thing_seems_like_is_an_impression(text: str, cue: str, content: str) -> None:
    assert _words(by_cue(text)[cue].span.exact) == content


def test_appearing_on_a_day_is_no_impression() -> None:
    assert not any((c.verb or "") == "appeared" for c in claims_of("Lowe and Reyes appeared Sunday."))


def test_weighing_another_verb_asks_for_or_leaves_undone_is_not_held() -> None:
    assert all((c.verb or "") != "consider" for c in claims_of("The paper neglected to consider the costs of the pier."))


def test_a_passive_plea_to_be_something_is_no_ones_expectation() -> None:
    assert all((c.verb or "") != "encouraged" for c in claims_of("Harbor staff are encouraged to be polite."))


def test_a_wish_put_to_the_reader_is_an_attribution_though_you_know_is_not() -> None:
    claim = by_cue("If you want to see the harbor show, buy a ticket early.")["want"]
    assert claim.span.exact.startswith("to see the harbor show")
    assert all((c.verb or "") != "know" for c in claims_of("You know, the old pier was never safe."))


def test_what_someone_is_known_for_is_held_of_them() -> None:
    claim = by_cue("The harbor club is known for its work with small towns.")["is known"]
    assert "The harbor club" in claim.span.exact and "its work with small towns" in claim.span.exact
