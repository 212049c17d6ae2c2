"""Sentences of the parse, quotes, headlines, paragraphs and reference entries."""

from __future__ import annotations

from timeline_graph import nlp
from timeline_graph.extract.text import is_title_like, paragraphs, quotes, reference_entries


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in nlp.parse(text).sentence_bounds()]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Dr. Ona Vale met J. R. Kemp in the U.S. on Aug. 4. They left on Friday."
    assert split(text) == [
        "Dr. Ona Vale met J. R. Kemp in the U.S. on Aug. 4.",
        "They left on Friday.",
    ]


def test_newlines_are_paragraph_breaks_and_offsets_match() -> None:
    text = "Headline without a stop\n\nThe first one ended. The second one did too!\n\nWas there a third?"
    parts = split(text)
    assert parts == ["Headline without a stop", "The first one ended.", "The second one did too!", "Was there a third?"]
    for s, e in nlp.parse(text).sentence_bounds():
        assert text[s:e] == text[s:e].strip()


def test_quoted_sentences_stay_with_their_attribution() -> None:
    text = "“We tried hard. It failed,” the clerk said. Then the board met again."
    assert split(text)[0] == "“We tried hard. It failed,” the clerk said."


def test_quotes_straight_and_curly() -> None:
    text = 'He said "yes" and then “no way” again.'
    assert [text[s:e] for s, e in quotes(text)] == ["yes", "no way"]


def test_title_like() -> None:
    assert is_title_like("Harbor Board Approves New Dredging Plan for the Bay")
    assert not is_title_like("The harbor board approved a dredging plan on Monday.")


def test_reference_entries() -> None:
    text = (
        "Body text here.\n\n"
        "Ana Ortiz and Ben Cole, “Harbor Plan Stalls Again,” Coast Courier, March 3, 2019,\n"
        'Lee Park, "Dredging, Explained," The Bay Times, April 9, 2020.\n'
    )
    entries = reference_entries(text)
    assert len(entries) == 2
    first = entries[0]
    assert [text[s:e] for s, e in first.authors] == ["Ana Ortiz", "Ben Cole"]
    assert text[slice(*first.title)] == "Harbor Plan Stalls Again"
    assert text[slice(*first.outlet)] == "Coast Courier"
    assert text[slice(*first.date)] == "March 3, 2019"
    assert text[slice(*entries[1].outlet)] == "The Bay Times"


def test_hard_wrapped_lines_join_into_paragraphs() -> None:
    text = "The board met on a rainy Tuesday and voted to close the\nnorth pier for repairs.\n\nShort title\nNext line"
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "The board met on a rainy Tuesday and voted to close the\nnorth pier for repairs.",
        "Short title",
        "Next line",
    ]
    assert len(split(text)) == 3
