"""The date a document's relative expressions resolve against, and where that date came from.

A document's own statement wins: the published date ingest read (front matter, HTML metadata,
a byline or a "Published" line). Without one, the text is searched for a dateline
("February 16, 2021 — ", "WASHINGTON, Feb. 16 (AP) —", whose year is then the one that puts
it on or after the latest full date in the text), and failing that the latest full date the
text mentions is taken as weak evidence (a story is written after what it reports).
Across a case, a document that another document cites with a date (a reference-list entry
``Author, "Title," Outlet, February 17, 2021``) is dated by that citation: see
:func:`cited_dates`, which the case build uses to extract such documents again.

Nothing here falls back on today's date: a document with no evidence has no date, and its
relative expressions stay unresolved (``XXXX-06-16``).

>>> from timeline_graph.model import Document
>>> doc = Document.create(sha256="0" * 64, source="a.txt",
...                       text="BOSTON, March 3, 2021 (AP) — The board met yesterday.")
>>> found = infer_date(doc)
>>> found.time.edtf, found.origin, found.describe()
('2021-03-03', 'dateline', 'from the dateline')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Citation, Document, TimeValue
from .citations import parse_label
from .times import find_times
from .times._lexicon import DAY, MONTH, YEAR

__all__ = ["DATELINE", "DATELINE_YEAR", "LATEST", "DocumentDate", "cited_dates", "infer_date"]

#: Origins of inferred dates (a stated date keeps the origin ingest gave it: "byline", ...).
DATELINE = "dateline"
#: A dateline without a year ("WASHINGTON, Feb. 16 (AP) —"), its year from the dates in the text.
DATELINE_YEAR = "dateline, year from the text"
LATEST = "latest date in text"
CITED_BY = "cited by "


@dataclass(frozen=True)
class DocumentDate:
    """A document's date and where it came from.

    ``origin`` is where ingest read a stated date ("front matter", "byline", "html meta",
    "date line"), or how it was inferred: "dateline", "latest date in text" (weak evidence),
    "cited by <source of the citing document>".
    """

    time: TimeValue
    origin: str

    @property
    def day(self) -> date | None:
        """The day, when the date is one day."""
        t = self.time
        return t.earliest if t.precision == "day" and t.earliest == t.latest else None

    @property
    def inferred(self) -> bool:
        """True when the document does not state this date itself in its metadata."""
        return self.origin in (DATELINE, DATELINE_YEAR, LATEST) or self.origin.startswith(CITED_BY)

    @property
    def weak(self) -> bool:
        """True for the latest date mentioned in the text: a guess a citation should replace."""
        return self.origin == LATEST

    def describe(self) -> str:
        """Where the date came from, in words: "from the dateline", "cited by refs.md"."""
        if self.origin.startswith(CITED_BY):
            return self.origin
        if self.origin == LATEST:
            return "the latest date in the text, weak evidence"
        if self.origin == DATELINE_YEAR:
            return "from the dateline, the year from the latest date in the text"
        return f"from the {self.origin}"


# A dateline opens a line near the top: an optional place in capitals or title case, the date,
# an optional agency in brackets, then a dash.
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Za-z.'\u2019-]*(?:[ \t]+[A-Z][A-Za-z.'\u2019-]*){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,2})?,?[ \t]+)?"
    rf"(?P<date>{MONTH}[ \t]+{DAY}(?:,?[ \t]+{YEAR})?)[ \t]*(?:\([A-Za-z .&-]{{1,30}}\)[ \t]*)?"
    r"(?:--|[\u2014\u2013-])[ \t]",
    re.MULTILINE,
)
_DATELINE_REACH = 2000  # characters from the top of the text where a dateline may stand


def _day_of(words: str) -> date | None:
    """The day that words such as "February 17, 2021" name, if they name a full day."""
    for t in find_times(words, None):
        if t.time is not None and t.time.precision == "day" and t.time.earliest == t.time.latest:
            return t.time.earliest
    return None


def _full_days(text: str) -> list[date]:
    """Every full day the text states with its year (no relative or yearless day)."""
    days = []
    for t in find_times(text, None):
        tv = t.time
        if tv is not None and tv.precision == "day" and tv.earliest is not None \
                and tv.earliest == tv.latest and tv.anchor is None and t.type in ("DATE", "TIME"):
            days.append(tv.earliest)
    return days


def _dateline(text: str) -> tuple[date, str, str] | None:
    """The day a dateline gives, its words, and its origin.

    Without a year, the dateline's day is the first one on or after the latest full date the
    text states (a story is dated after what it reports); with no such date, there is none.
    """
    m = _DATELINE.search(text, 0, min(len(text), _DATELINE_REACH))
    if not m:
        return None
    words = m["date"]
    day = _day_of(words)
    if day is not None:
        return day, words, DATELINE
    yearless = [t for t in find_times(words, None) if re.fullmatch(r"XXXX-\d\d-\d\d", t.value)]
    days = _full_days(text)
    if not yearless or not days:
        return None
    month, mday = int(yearless[0].value[5:7]), int(yearless[0].value[8:10])
    latest = max(days)
    for year in (latest.year, latest.year + 1):
        try:
            candidate = date(year, month, mday)
        except ValueError:  # February 29 of a common year
            continue
        if candidate >= latest:
            return candidate, words, DATELINE_YEAR
    return None


def infer_date(doc: Document) -> DocumentDate | None:
    """The date the document's relative expressions resolve against, and its origin; or None."""
    published = doc.published
    if published is not None and published.precision == "day" and published.earliest:
        origin = dict(doc.metadata_origin).get("published", "metadata")
        return DocumentDate(published, origin)
    found = _dateline(doc.text)
    if found is not None:
        day, words, origin = found
        return DocumentDate(TimeValue.of_day(day, text=words), origin)
    days = _full_days(doc.text)
    if days:
        return DocumentDate(TimeValue.of_day(max(days)), LATEST)
    return None


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", re.sub(r"['\u2019]s\b", "", text.casefold())))


def _cites(doc: Document, outlet: str | None, title: str | None) -> bool:
    """Whether a citation of ``outlet: title`` names this document."""
    if title and doc.title:
        mine, theirs = _norm(doc.title.rstrip("\u2026.")), _norm(title)
        if mine and len(mine.split()) >= 3 and (mine == theirs or (
                len(theirs.split()) >= 4 and theirs in mine) or (
                len(mine.split()) >= 4 and mine in theirs)):
            return not (outlet and doc.publisher and _norm(outlet) != _norm(doc.publisher))
    return False


def cited_dates(items: Iterable[tuple[Document, Sequence[Citation]]]) -> dict[str, DocumentDate]:
    """For each document that other documents cite with a day, that day (by document id).

    A citation names a document by its title (and outlet, where both are known) or by the
    ``cites_document`` a resolver filled in. When citing documents disagree, the day most of
    them give wins, then the first in case order.
    """
    pairs = list(items)
    docs = [d for d, _ in pairs]
    votes: dict[str, Counter[date]] = {}
    first_source: dict[tuple[str, date], str] = {}
    for citing, citations in pairs:
        for c in citations:
            outlet, title, when = parse_label(c.cites_label)
            day = _day_of(when) if when else None
            if day is None:
                continue
            if c.cites_document:
                targets = [d for d in docs if d.id == c.cites_document]
            else:
                targets = [d for d in docs if d.id != citing.id and _cites(d, outlet, title)]
            if len(targets) != 1 or targets[0].id == citing.id:
                continue
            target = targets[0].id
            votes.setdefault(target, Counter())[day] += 1
            first_source.setdefault((target, day), citing.source)
    out = {}
    for target, counter in votes.items():
        best = max(counter.values())
        day = next(d for d, n in counter.items() if n == best)
        out[target] = DocumentDate(TimeValue.of_day(day), CITED_BY + first_source[(target, day)])
    return out
