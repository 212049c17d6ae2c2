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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

from ..nlp.layout import lines, paragraphs, strip_span

__all__ = [
    "DATE_PATTERN",
    "LOWER",
    "OPEN_QUOTES",
    "QUOTE_CHARS",
    "UPPER",
    "Intervals",
    "ReferenceEntry",
    "is_title_like",
    "lines",
    "paragraphs",
    "quotes",
    "reference_entries",
    "strip_span",
]

def _letters(cased: Callable[[str], bool]) -> str:
    """The body of a regex character class: the letters of the first 8,192 code points (Latin with
    accents, Greek, Cyrillic, ...) that ``cased`` accepts, as ranges (a few milliseconds)."""
    found: list[list[int]] = []
    for point in range(0x80, 0x2000):
        if cased(chr(point)):
            if found and found[-1][1] == point - 1:
                found[-1][1] = point
            else:
                found.append([point, point])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in found)


#: Upper-case letters, accented and of other cased scripts too, for regex classes:
#: ``f"[{UPPER}]"`` where ``[A-Z]`` stopped names at "Z" of "Zürich" or missed "Élise".
UPPER = "A-Z" + _letters(str.isupper)
#: Lower-case letters, likewise (``[a-z]``).
LOWER = "a-z" + _letters(str.islower)

#: Characters that open or close a double quotation (straight and curly).
QUOTE_CHARS = '"“”„«»'
OPEN_QUOTES = "“„«"

_QUOTE = re.compile(r"[\"“„«]([^\"“”„«»\n]{1,2000}?)[\"”»]")


T = TypeVar("T")


class Intervals(Generic[T]):
    """Values at (start, end) offsets, found by position in logarithmic time.

    The extractors ask, for every sentence or match, which mentions or time expressions lie
    in it; scanning all of them each time made a build quadratic in the size of a file.
    Results come in (start, end, order given) order.

    >>> found = Intervals([(10, 14, "Lowe"), (0, 4, "Acme"), (20, 30, "the Ledger")])
    >>> [v for _, _, v in found.inside(0, 15)], [v for _, _, v in found.starting_in(12, 25)]
    (['Acme', 'Lowe'], ['the Ledger'])
    >>> found.covers(21, 25), found.covers(13, 16), found.overlaps(13, 16), found.overlaps(4, 10)
    (True, False, True, False)
    """

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        given = list(items)
        order = sorted(range(len(given)), key=lambda n: (given[n][0], given[n][1], n))
        self.items: list[tuple[int, int, T]] = [given[n] for n in order]
        self._starts = [s for s, _, _ in self.items]
        self._reach = list(accumulate((e for _, e, _ in self.items), max))  # furthest end so far

    def __len__(self) -> int:
        return len(self.items)

    def starting_in(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """The items that start at or after ``start`` and before ``end``."""
        return self.items[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def inside(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """The items that lie wholly within ``start:end``."""
        return [item for item in self.starting_in(start, end) if item[1] <= end]

    def around(self, at: int) -> tuple[int, int, T] | None:
        """The item that holds offset ``at``, for items that do not overlap (sentences)."""
        i = bisect_right(self._starts, at) - 1
        return self.items[i] if i >= 0 and at < self.items[i][1] else None

    def covers(self, start: int, end: int) -> bool:
        """Whether one item reaches from ``start`` or before to ``end`` or after."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """The items that share a character with ``start:end`` (read back from ``end`` while an
        earlier item can still reach past ``start``)."""
        i = bisect_left(self._starts, end) - 1
        found = []
        while i >= 0 and self._reach[i] > start:
            if self.items[i][1] > start:
                found.append(self.items[i])
            i -= 1
        return found[::-1]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether an item shares a character with ``start:end``."""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._reach[i] > start


def quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the words inside each double quotation in text[start:end]."""
    end = len(text) if end is None else end
    return [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text, start, end)]


_SMALL = frozenset("a an and as at by for from in into of on or the to with vs via".split())  # noqa: SIM905


def is_title_like(segment: str) -> bool:
    """Whether a line reads like a headline in Title Case (most content words capitalized)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", segment) if w.casefold() not in _SMALL]
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
    rf"^(?P<authors>[{UPPER}][^“”\"\n]{{1,160}}?),\s*[“\"](?P<title>[^“”\"\n]{{3,300}}?)[,.]?[”\"],?\s*"
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
