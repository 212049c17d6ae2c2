"""Shared text helpers for the extractors: quotations, headline shapes, reference lists.

Sentences come from the document's parse (:mod:`timeline_graph.nlp`); lines and paragraphs
from :mod:`timeline_graph.nlp.layout`. Offsets always index into the text given, so callers can
build :class:`~timeline_graph.model.Span` values from them directly.

>>> text = 'She said "it went well" and left.'
>>> [text[s:e] for s, e in quotes(text)]
['it went well']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.layout import lines, paragraphs, strip_span

__all__ = [
    "DATE_PATTERN",
    "OPEN_QUOTES",
    "QUOTE_CHARS",
    "ReferenceEntry",
    "is_title_like",
    "lines",
    "paragraphs",
    "quotes",
    "reference_entries",
    "strip_span",
]

#: Characters that open or close a double quotation (straight and curly).
QUOTE_CHARS = '"“”„«»'
OPEN_QUOTES = "“„«"

_QUOTE = re.compile(r"[\"“„«]([^\"“”„«»\n]{1,2000}?)[\"”»]")


def quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the words inside each double quotation in text[start:end]."""
    end = len(text) if end is None else end
    return [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text, start, end)]


_SMALL = frozenset("a an and as at by for from in into of on or the to with vs via".split())  # noqa: SIM905


def is_title_like(segment: str) -> bool:
    """Whether a line reads like a headline in Title Case (most content words capitalized)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", segment) if w.casefold() not in _SMALL]
    if len(words) < 4:
        return False
    capitalized = sum(1 for w in words if w[0].isupper())
    return capitalized / len(words) >= 0.75


_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
#: A written date "Month D, YYYY" (also "D Month YYYY" and "Month YYYY").
DATE_PATTERN = rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{4}})"
_REFERENCE = re.compile(
    r"^(?P<authors>[A-Z][^“”\"\n]{1,160}?),\s*[“\"](?P<title>[^“”\"\n]{3,300}?)[,.]?[”\"],?\s*"
    r"(?P<outlet>[^,\n“”\"]{2,120}?),\s*(?P<date>" + DATE_PATTERN + r")[,.]?(?P<rest>[^\n]*)$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class ReferenceEntry:
    """One entry of a reference list: ``Author, "Title," Outlet, Month D, YYYY,``.

    Each field is a (start, end) pair of offsets into the text.
    """

    line: tuple[int, int]
    authors: tuple[tuple[int, int], ...]
    title: tuple[int, int]
    outlet: tuple[int, int]
    date: tuple[int, int]


def reference_entries(text: str) -> list[ReferenceEntry]:
    """Every line of ``text`` shaped like a bibliography entry."""
    found = []
    for match in _REFERENCE.finditer(text):
        a_start, a_end = match.span("authors")
        authors = []
        for part in re.finditer(r"[^,]+?(?=,|\s+and\s+|$)|(?<=and\s)[^,]+", text[a_start:a_end]):
            s, e = strip_span(text, a_start + part.start(), a_start + part.end())
            if text[s:e].startswith("and "):
                s += 4
            if s < e:
                authors.append((s, e))
        found.append(
            ReferenceEntry(
                line=strip_span(text, match.start(), match.end()),
                authors=tuple(authors),
                title=match.span("title"),
                outlet=strip_span(text, *match.span("outlet")),
                date=match.span("date"),
            )
        )
    return found
