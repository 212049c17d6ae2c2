"""The day words inside a quotation were spoken, when the attribution names it.

A speaker's "today", "yesterday" and "tomorrow" count from the day the speaker spoke, not from
the day the article was written: in a Monday article, '"We vote tomorrow," the mayor said
Friday' means Saturday. The attribution set after the quotation ('," the mayor said on
Friday.') or before it ('The mayor said Friday: "...') names that day; with none, or a day
that is the document date's, the document date stays the anchor.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ._lexicon import WEEKDAY, WEEKDAYS

__all__ = ["speech_day"]

#: How far a quotation is followed, or looked back to its opening mark.
_MAX_QUOTE = 600
#: Verbs of saying in an attribution.
_SAID = r"(?:said|told|added|declared|insisted|stated|explained|recalled|wrote|tweeted)"
#: An attribution right after the closing mark: '," the mayor said on Friday', '," said Ann
#: Ruiz, the mayor, on Friday', '," Ruiz told reporters Friday'.
_AFTER = re.compile(
    rf"\s*,?\s*(?:[^.!?\"\u201c\u201d`]{{0,60}}?\s)?{_SAID}\b[^.!?\"\u201c\u201d`]{{0,50}}?"
    rf"\b(?:on\s+)?(?P<day>{WEEKDAY}|yesterday)\b")
#: An attribution right before the opening mark: 'The mayor said Friday: "', 'Ruiz told
#: reporters on Friday that "'.
_BEFORE = re.compile(
    rf"\b{_SAID}\b[^.!?\"\u201c\u201d`]{{0,50}}?\b(?:on\s+)?(?P<day>{WEEKDAY}|yesterday)\b"
    r"\s*(?:[,:]|\s+that)?\s*$")
_OPEN = ("\u201c", "``")
_CLOSE = ("\u201d", "''")


def _quote_marks(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """The quotation marks in ``text[lo:hi]``: position and "open", "close" or "either"."""
    marks: list[tuple[int, str]] = []
    for m in re.finditer(r"``|''|[\u201c\u201d\"]", text[lo:hi]):
        mark = m.group()
        kind = "open" if mark in _OPEN else "close" if mark in _CLOSE else "either"
        marks.append((lo + m.start(), kind))
    return marks


def _opening_mark(text: str, start: int) -> int | None:
    """Where the quotation holding ``start`` opens within its paragraph, or None."""
    para = text.rfind("\n", 0, start) + 1
    lo = max(para, start - _MAX_QUOTE)
    opened: int | None = None
    for at, kind in _quote_marks(text, lo, start):
        # an opening mark, or a straight one with none open, opens; any other closes
        opened = at if kind == "open" or (kind == "either" and opened is None) else None
    return opened


def _closing_mark(text: str, end: int) -> int | None:
    """Where the quotation holding ``end`` closes within its paragraph, or None."""
    para_end = text.find("\n", end)
    hi = min(len(text) if para_end < 0 else para_end, end + _MAX_QUOTE)
    for at, kind in _quote_marks(text, end, hi):
        if kind in ("close", "either"):
            return at
        return None  # another quotation opens first
    return None


def _day_said(word: str, dct: date) -> date:
    """The day an attribution names: "yesterday", or the latest such weekday up to ``dct``."""
    if word.lower() == "yesterday":
        return dct - timedelta(days=1)
    back = (dct.weekday() - WEEKDAYS[word.lower()]) % 7
    return dct - timedelta(days=back)


def speech_day(text: str, start: int, end: int, dct: date | None) -> date | None:
    """The day the quotation holding ``text[start:end]`` was spoken, when its attribution names
    one before the document date; else None."""
    if dct is None:
        return None
    opened = _opening_mark(text, start)
    if opened is None:
        return None
    closed = _closing_mark(text, end)
    found = None
    if closed is not None:
        mark = 2 if text.startswith("''", closed) else 1
        found = _AFTER.match(text, closed + mark, min(len(text), closed + mark + 140))
    if found is None:
        para = text.rfind("\n", 0, opened) + 1
        found = _BEFORE.search(text, max(para, opened - 120), opened)
    if found is None:
        return None
    day = _day_said(found["day"], dct)
    return day if day < dct else None
