"""Shared text helpers for the rule-based extractors: sentences, quotes, paragraphs.

Offsets always index into the text given, so callers can build :class:`~timeline_graph.model.Span`
values from them directly.

>>> text = 'Dr. Lee arrived in the U.S. on Aug. 3. "It went well. Mostly," she said.\\nNext line'
>>> [text[s:e] for s, e in sentences(text)]
['Dr. Lee arrived in the U.S. on Aug. 3.', '"It went well. Mostly," she said.', 'Next line']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

__all__ = [
    "DATE_PATTERN",
    "LOWER",
    "MAX_SENTENCE",
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
    "sentence_at",
    "sentences",
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
_CLOSE_QUOTES = "”»"

# Words that end with a period without ending a sentence (case-insensitive, without the dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rev gen col lt sgt capt cpl gov sen rep atty supt insp
    det ofc dept univ inc corp ltd co bros no nos vs etc al approx est fig vol pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    e.g i.e a.m p.m u.s u.k u.n l.a d.c
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# A sentence ends at . ! ? (with closing quotes/brackets), then space, then a likely opener.
_END = re.compile(rf"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[{UPPER}0-9])")
_LINE = re.compile(r"[^\n]+")
_QUOTE = re.compile(r"[\"“„«]([^\"“”„«»\n]{1,2000}?)[\"”»]")
_MAX_OPEN_QUOTE = 1500  # an unbalanced quote mark stops protecting text from splitting here


def lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, without surrounding whitespace."""
    for match in _LINE.finditer(text):
        start, end = strip_span(text, match.start(), match.end())
        if start < end:
            yield start, end


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) so the span neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation or an initial."""
    begin = dot
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].strip(".")
    if not word:
        return False
    if word.casefold() in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "L.A." (a single capital before the dot).
    return (len(word) == 1 and word.isupper()) or re.fullmatch(
        r"(?:[^\W\d_]\.)+[^\W\d_]", word
    ) is not None


def _inside_quote(text: str, start: int, at: int) -> bool:
    """Whether position ``at`` is inside an open double quote that began after ``start``."""
    depth_straight = False
    curly = 0
    opened_at = -1
    for i in range(start, at):
        ch = text[i]
        if ch == '"':
            depth_straight = not depth_straight
            opened_at = i if depth_straight else opened_at
        elif ch in OPEN_QUOTES:
            curly += 1
            opened_at = i
        elif ch in _CLOSE_QUOTES and curly:
            curly -= 1
    inside = depth_straight or curly > 0
    return inside and at - opened_at < _MAX_OPEN_QUOTE


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: lines, with hard-wrapped lines joined.

    A single line break joins two lines when the first is a long line (40 characters or more)
    that does not end a sentence, or the second goes on in lower case: the wrapping of
    Markdown and plain-text files. A blank line always ends a paragraph.
    """
    found: list[tuple[int, int]] = []
    for start, end in lines(text):
        if found:
            p_start, p_end = found[-1]
            gap = text[p_end:start]
            previous = text[p_end - 80 if p_end - 80 > p_start else p_start : p_end]
            last_line = previous.rsplit("\n", 1)[-1]
            if gap.count("\n") == 1 and (
                (len(last_line) >= 40 and not re.search(r"[.!?:;\"”’')\]]$", last_line))
                or text[start].islower()
            ) and not re.match(r"[-*•]\s|\d+[.)]\s|#", text[start : start + 3]):
                found[-1] = (p_start, end)
                continue
        found.append((start, end))
    return found


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence; paragraph breaks (see :func:`paragraphs`) end one.

    Periods of abbreviations ("Dr.", "Aug.", "U.S.") and initials do not end a sentence, nor
    does an end mark inside an open quotation that continues the same sentence. A run of more
    than :data:`MAX_SENTENCE` characters with no sentence end (a table or a list flattened into
    one line) is cut at spaces, so that no extractor reads one "sentence" of a whole file.
    """
    found: list[tuple[int, int]] = []
    for line_start, line_end in paragraphs(text):
        start = line_start
        for match in _END.finditer(text, line_start, line_end):
            end = match.end()
            first_dot = match.start()
            if (
                text[first_dot] == "."
                and match.group().startswith(".")
                and len(match.group().rstrip("\"”’')]")) == 1
                and _is_abbreviation(text, first_dot)
            ):
                continue
            if _inside_quote(text, start, end):
                continue
            found.extend(_cut_long(text, *strip_span(text, start, end)))
            start = end
        found.extend(_cut_long(text, *strip_span(text, start, line_end)))
    return found


#: The most characters a sentence may have; a longer run is cut (see :func:`sentences`).
MAX_SENTENCE = 3000


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) itself, or pieces of at most MAX_SENTENCE characters cut at the last space."""
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        s, e = strip_span(text, start, cut)
        if s < e:
            yield s, e
        start = strip_span(text, cut, end)[0]
    if start < end:
        yield start, end


def sentence_at(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The (start, end) among ``bounds`` that contains ``offset``, if any."""
    for start, end in bounds:
        if start <= offset < end:
            return start, end
    return None


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
