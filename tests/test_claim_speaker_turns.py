"""Where one speaker's words stop and the next speaker's start, and who a speaker line names."""

from __future__ import annotations

from tests.conftest import claims_of


def _said(text: str) -> list[tuple[str | None, list[str]]]:
    return [(c.source.exact if c.source else None, [p.exact for p in c.content]) for c in claims_of(text)]


def test_a_second_speaker_with_an_auxiliary_and_a_coordinated_subject_ends_the_first_content() -> None:
    text = "Officials said the ferry would run, and the mayor and two aides have said it would not."
    said = _said(text)
    assert ("Officials", ["the ferry would run"]) in said
    assert any(content == ["it would not"] for _, content in said)


def test_a_second_speaker_with_an_auxiliary_ends_the_first_content() -> None:
    said = _said("The mayor said the bridge had closed, while the engineers had warned that it might fall.")
    assert ("The mayor", ["the bridge had closed"]) in said
    assert ("the engineers", ["it might fall"]) in said


def test_a_list_of_nouns_joined_without_a_comma_stays_in_the_first_content() -> None:
    said = _said("Officials said the ferry would carry cars and trucks and the drivers have said it would not.")
    assert ("Officials", ["the ferry would carry cars and trucks"]) in said


def test_a_time_before_a_colon_is_no_speaker() -> None:
    for text in ("Tuesday: We will open the bridge again next week, the council said in a note.",
                 "The vote came on Tuesday: “The bridge will open next week.”"):
        assert not any(c.verb == ":" for c in claims_of(text)), text
        assert all(c.claimant_name != "Tuesday" for c in claims_of(text)), text


def test_a_time_before_a_colon_leaves_the_named_subject_of_its_clause_speaking() -> None:
    text = ("One early backer, Senator Ann Ruelle, Democrat of Ohio, tried the line in an interview on Tuesday: "
            "“The bridge will open next week.”")
    (claim,) = [c for c in claims_of(text) if c.verb == ":"]
    assert claim.claimant_name == "Senator Ann Ruelle"
    assert [p.exact for p in claim.content] == ["The bridge will open next week."]


def test_a_name_before_a_colon_still_speaks() -> None:
    (claim,) = claims_of("The timing does not surprise pollster Ann Ruelle: “We saw it coming.”")
    assert claim.source is not None and claim.source.exact == "Ann Ruelle"


def test_a_time_opening_the_phrase_after_a_quotation_is_not_the_speaker() -> None:
    (claim,) = claims_of("“The bridge will open next week,” Tuesday the mayor said.")
    assert claim.source is not None and claim.source.exact == "the mayor"
    assert claim.claimant_name == "the mayor"
