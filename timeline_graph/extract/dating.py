"""The date a document's relative expressions resolve against, and where that date came from.

A document's own statement wins: the published date ingest read (front matter, HTML metadata,
a byline or a "Published" line). Without one, the text is searched for a dateline
("February 16, 2021 — ", "WASHINGTON, Feb. 16 (AP) —", whose year is then the one that puts
it on or after the latest full date in the text), and failing that the latest absolute date the
text mentions outside a future-tense sentence is taken as weak evidence (a story is written
after what it reports): a day, else a month, season, quarter, half or year ("as of January
2021"), whose last day is then the anchor. Such a date is a lower bound, so the document's
date is an open interval (``2021-01/..``) and only the anchor is a day.
Across a case, a document that another document cites with a date (a reference-list entry
``Author, "Title," Outlet, February 17, 2021``) is dated by that citation: see
:func:`cited_dates`, which the case build uses to extract such documents again. Failing that,
a document that reports an outlet's article by a weekday ("published by X Tuesday", "X
reported Tuesday") is dated on or shortly after the day another document of the case gives
that outlet's article, when that day is such a weekday: see :func:`reported_dates`.

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
from datetime import date, timedelta

from ..errors import ModelError
from ..model import Citation, Document, TimeValue
from .citations import parse_label
from .times import find_times
from .times._context import Ctx
from .times._lexicon import DAY, MONTH, WEEKDAY, WEEKDAYS, YEAR

__all__ = ["DATELINE", "DATELINE_YEAR", "LATEST", "REPORTS", "DocumentDate", "cited_dates", "infer_date",
           "reported_dates"]

#: Origins of inferred dates (a stated date keeps the origin ingest gave it: "byline", ...).
DATELINE = "dateline"
#: A dateline without a year ("WASHINGTON, Feb. 16 (AP) —"), its year from the dates in the text.
DATELINE_YEAR = "dateline, year from the text"
#: The latest day the text states; a coarser latest date adds its precision: "... (month)".
LATEST = "latest date in text"
CITED_BY = "cited by "
#: "reports <outlet>'s article of <day>, dated by <source>": see :func:`reported_dates`.
REPORTS = "reports "
#: How long after an outlet's article a document that calls its day by a weekday is dated.
REPORT_WEEK = 6


@dataclass(frozen=True)
class DocumentDate:
    """A document's date and where it came from.

    ``origin`` is where ingest read a stated date ("front matter", "byline", "html meta",
    "date line"), or how it was inferred: "dateline", "latest date in text" (weak evidence;
    "latest date in text (month)" for a month), "cited by <source of the citing document>",
    "reports <outlet>'s article of <day>, dated by <source>".

    ``time`` is what the evidence says (one day, or an interval: ``2021-01/..`` for a text
    whose latest date is January 2021); ``at`` is then the day relative expressions resolve
    against (the end of that month), since they need one.
    """

    time: TimeValue
    origin: str
    at: date | None = None

    @property
    def day(self) -> date | None:
        """The day relative expressions resolve against: the date itself when it is one day."""
        t = self.time
        return t.earliest if t.precision == "day" and t.earliest == t.latest else self.at

    @property
    def inferred(self) -> bool:
        """True when the document does not state this date itself in its metadata."""
        return self.origin in (DATELINE, DATELINE_YEAR) or self.origin.startswith((LATEST, CITED_BY, REPORTS))

    @property
    def weak(self) -> bool:
        """True for the latest date mentioned in the text: a guess other evidence should replace."""
        return self.origin.startswith(LATEST)

    def describe(self) -> str:
        """Where the date came from, in words: "from the dateline", "cited by refs.md"."""
        if self.origin.startswith((CITED_BY, REPORTS)):
            return self.origin
        if self.origin.startswith(LATEST):
            said = f" ({self.time.text})" if self.time.text else ""
            return f"the latest date in the text{said}, weak evidence"
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


#: Precisions of an absolute date that say when a text was written at the earliest.
_EVIDENCE = ("day", "month", "season", "quarter", "third", "half", "year")


def _latest_stated(text: str) -> TimeValue | None:
    """The absolute date of the text that starts last (the finer one on a tie), outside the future.

    A text is written on or after the dates it reports; a date of a future-tense sentence
    ("the law will take effect in 2030") says nothing of when it was written. Ranges, decades,
    relative and yearless expressions are no evidence.
    """
    ctx = Ctx(text, None)
    best: tuple[date, int, TimeValue] | None = None
    for t in find_times(text, None):
        tv = t.time
        if tv is None or t.type not in ("DATE", "TIME") or tv.anchor is not None or tv.earliest is None \
                or tv.latest is None or tv.precision not in _EVIDENCE or ctx.tense(t.start, t.end) == "future":
            continue
        key = (tv.earliest, -_EVIDENCE.index(tv.precision))
        if best is None or key > best[:2]:
            best = (*key, tv)
    return None if best is None else best[2]


def _latest_evidence(text: str) -> DocumentDate | None:
    """The latest absolute date of the text as weak evidence: on or after it, anchored at its end."""
    tv = _latest_stated(text)
    if tv is None or tv.earliest is None or tv.latest is None:
        return None
    origin = LATEST if tv.precision == "day" else f"{LATEST} ({tv.precision})"
    try:
        time = TimeValue.from_edtf(f"{tv.edtf}/..", text=tv.text)
    except ModelError:  # EDTF intervals cannot open on a quarter or half ("2020-40/..")
        time = TimeValue.from_edtf(f"{tv.earliest.isoformat()}/..", text=tv.text)
    return DocumentDate(time, origin, at=tv.latest)


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
    return _latest_evidence(doc.text)


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


# A weekday right after a citation that names an outlet's publication ("published by X
# Tuesday", "X reported on Tuesday"), or right before it ("On Tuesday, X reported").
_WEEKDAY_AFTER = re.compile(rf"[ \t]*,?[ \t]+(?:(?:on|late|early)[ \t]+)?(?P<day>{WEEKDAY})\b")
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<day>{WEEKDAY})[ \t]*,?[ \t]*$")
#: A weekday that ends the citation's own words ("published by the Gazette Tuesday").
_WEEKDAY_END = re.compile(rf"\s(?:(?:on|late|early)\s+)?(?P<day>{WEEKDAY})$")
_PUBLISHED = re.compile(r"\b(?:reported|reports|published|publishes)\b")


def _reported_weekdays(doc: Document, citations: Sequence[Citation]) -> list[tuple[str, int]]:
    """(outlet, weekday 0-6) for each outlet the document says published something on a weekday."""
    text = doc.text
    out = []
    for c in citations:
        if c.document != doc.id or not _PUBLISHED.search(c.span.exact):
            continue
        outlet, _title, when = parse_label(c.cites_label)
        if not outlet or when:
            continue
        m = _WEEKDAY_AFTER.match(text, c.span.end) or _WEEKDAY_END.search(c.span.exact) or _WEEKDAY_BEFORE.search(
            text, max(0, c.span.start - 20), c.span.start)
        if m:
            out.append((outlet, WEEKDAYS[m["day"].casefold()]))
    return out


def reported_dates(items: Iterable[tuple[Document, Sequence[Citation]]]) -> dict[str, DocumentDate]:
    """For each document that reports an outlet's article by a weekday, the day it is dated on.

    Document A saying "published by X Tuesday" reports an article of X that appeared on a
    Tuesday; when another document of the case gives X's article a day (a reference
    ``Author, "Title," X, February 16, 2021`` or "X's February 16, 2021 article") and that day
    is a Tuesday, A was written on that day or within the week after it. Days of X that are
    not that weekday are no evidence; two such days more than a week apart, or a day before a
    date A itself states, give nothing. The date is the week from that day, anchored at the day.
    """
    pairs = list(items)
    # outlet -> [(day, source of the document that dates it)]
    dated: dict[str, list[tuple[date, str, str]]] = {}
    for citing, citations in pairs:
        for c in citations:
            outlet, _title, when = parse_label(c.cites_label)
            day = _day_of(when) if when and outlet else None
            if day is not None and outlet:
                dated.setdefault(_norm(outlet).removeprefix("the "), []).append((day, citing.id, citing.source))
    out: dict[str, DocumentDate] = {}
    for doc, citations in pairs:
        found: list[tuple[date, str, str]] = []  # (day, outlet, source)
        for outlet, weekday in _reported_weekdays(doc, citations):
            days = {(day, source) for day, citer, source in dated.get(_norm(outlet).removeprefix("the "), [])
                    if citer != doc.id and day.weekday() == weekday}
            if len({day for day, _ in days}) == 1:
                day, source = min(days)
                found.append((day, outlet, source))
        if not found:
            continue
        first, last = min(f[0] for f in found), max(f[0] for f in found)
        if (last - first).days > REPORT_WEEK:
            continue
        stated = _latest_stated(doc.text)
        if stated is not None and stated.earliest is not None and stated.earliest > last:
            continue
        day, outlet, source = next(f for f in found if f[0] == last)
        week = TimeValue.from_edtf(f"{day.isoformat()}/{(day + timedelta(days=REPORT_WEEK)).isoformat()}")
        origin = f"{REPORTS}{outlet}'s article of {day.isoformat()}, dated by {source}"
        out[doc.id] = DocumentDate(week, origin, at=day)
    return out
