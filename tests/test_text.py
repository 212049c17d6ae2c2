"""Sentence splitting, quotes, headlines and reference entries."""

from __future__ import annotations

from timeline_graph.extract.text import is_title_like, quotes, reference_entries, sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Dr. Ona Vale met J. R. Kemp in the U.S. on Aug. 4. They left for L.A. Then it rained."
    assert split(text) == [
        "Dr. Ona Vale met J. R. Kemp in the U.S. on Aug. 4.",
        "They left for L.A. Then it rained.",
    ]


def test_newlines_are_paragraph_breaks_and_offsets_match() -> None:
    text = "Headline without a stop\n\nFirst one. Second one!\nThird?"
    parts = split(text)
    assert parts == ["Headline without a stop", "First one.", "Second one!", "Third?"]
    for s, e in sentences(text):
        assert text[s:e] == text[s:e].strip()


def test_quoted_sentences_stay_with_their_attribution() -> None:
    text = "“We tried. It failed,” the clerk said. Then “Fine.” Later."
    assert split(text)[0] == "“We tried. It failed,” the clerk said."


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
    from timeline_graph.extract.text import paragraphs, sentences

    text = "The board met on a rainy Tuesday and voted to close the\nnorth pier for repairs.\n\nShort title\nNext line"
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "The board met on a rainy Tuesday and voted to close the\nnorth pier for repairs.",
        "Short title",
        "Next line",
    ]
    assert len(sentences(text)) == 3
