"""Times that sources give for one event: whether two can be the same time, whether they can be
one time misreported, and the event's time from all of them with a conflict where they disagree.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from functools import lru_cache

from ..model import Conflict, Document, Report, TimeValue, record_id

__all__ = ["DATE_WINDOW_DAYS", "combine_times", "compatible", "day_parts", "near", "parts_apart", "plausible", "who"]

#: Two times this many days apart or less can be one time misreported ("Tuesday" read against
#: two publication days); further apart, only a day wrong in one part (June 16 / July 16) can.
DATE_WINDOW_DAYS = 7

_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})[?~%]?$")
_PARTS = re.compile(r"^(\d{4}|XXXX)-(\d{2})(?:-(\d{2}))?[?~%]?$")


def compatible(a: TimeValue, b: TimeValue) -> bool:
    """Whether two stated times can be the same time: bounds overlap and known parts agree.

    ``XXXX-06-16`` and ``XXXX-07-16`` cannot be one day even though their years are unknown.
    """
    if not a.overlaps(b):
        return False
    da, db = _DAY.match(a.edtf), _DAY.match(b.edtf)
    if da and db:
        return all(x == y or "X" in x or "X" in y for x, y in zip(da.groups(), db.groups(), strict=True))
    for day, other in ((da, b), (db, a)):
        if day and day.group(1) == "XXXX" and other.earliest and other.latest and other.earliest.year == other.latest.year:
            month, dom = int(day.group(2)), int(day.group(3))
            with contextlib.suppress(ValueError):
                probe = date(other.earliest.year, month, dom)
                if not other.earliest <= probe <= other.latest:
                    return False
    return True


def day_parts(time: TimeValue) -> tuple[str, str, str] | None:
    return _day_of(time.edtf)


@lru_cache(maxsize=65536)
def _day_of(edtf: str) -> tuple[str, str, str] | None:
    found = _DAY.match(edtf)
    return (found.group(1), found.group(2), found.group(3)) if found else None


def parts_apart(x: tuple[str, str, str], y: tuple[str, str, str]) -> int:
    """How many of year, month and day two days differ in (an unknown year differs in none)."""
    return sum(p != q and "X" not in p + q for p, q in zip(x, y, strict=True))


def _parts(time: TimeValue) -> tuple[str, ...]:
    """Year, month and day of a month or a day (``XXXX`` for an unknown year); () otherwise."""
    return _parts_of(time.edtf)


@lru_cache(maxsize=65536)
def _parts_of(edtf: str) -> tuple[str, ...]:
    found = _PARTS.match(edtf)
    if not found or int(found.group(2)) > 12:  # 2020-21 is a season, not a month
        return ()
    return tuple(p for p in found.groups() if p)


def near(a: TimeValue, b: TimeValue) -> bool:
    """Whether two stated times can be one time, misreported or not: compatible, at most
    :data:`DATE_WINDOW_DAYS` apart, or two months or days that differ in one part only: a
    month or a year by one, a day by a mistyped digit (June 16 and July 16; June and July 16;
    2019-06 and 2020-06; June 16 and June 26; not April 2013 and April 2020, nor June 2 and
    June 25)."""
    key = (a.edtf, b.edtf)  # what it depends on: the bounds follow from the EDTF value
    found = _NEAR.get(key)
    if found is None:
        if len(_NEAR) >= _NEAR_MAX:
            _NEAR.clear()
        found = _NEAR[key] = _near(a, b)
    return found


_NEAR: dict[tuple[str, str], bool] = {}
_NEAR_MAX = 1_000_000


def _near(a: TimeValue, b: TimeValue) -> bool:
    if compatible(a, b):
        return True
    if a.earliest and a.latest and b.earliest and b.latest:
        gap = max(a.earliest, b.earliest) - min(a.latest, b.latest)
        if gap.days <= DATE_WINDOW_DAYS:
            return True
    differ = [(n, p, q) for n, (p, q) in enumerate(zip(_parts(a), _parts(b), strict=False)) if p != q and "X" not in p + q]
    if len(differ) != 1:
        return False
    n, p, q = differ[0]
    if n == 2:  # a day mistyped: one digit wrong (16, 26) or two swapped (12, 21)
        return p[0] == q[0] or p[1] == q[1] or p == q[::-1]
    return abs(int(p) - int(q)) <= 1


def plausible(a: TimeValue, b: TimeValue) -> bool:
    """Whether one event can have been given both times: :func:`near`, or two days one part
    apart (what the rule for reports of the same parties allows)."""
    key = (a.edtf, b.edtf)
    found = _PLAUSIBLE.get(key)
    if found is None:
        da, db = day_parts(a), day_parts(b)
        found = near(a, b) or bool(da and db and parts_apart(da, db) <= 1)
        if len(_PLAUSIBLE) >= _NEAR_MAX:
            _PLAUSIBLE.clear()
        _PLAUSIBLE[key] = found
    return found


_PLAUSIBLE: dict[tuple[str, str], bool] = {}


def combine_times(
    event_id: str,
    reports: tuple[Report, ...],
    docs: dict[str, Document],
    voices: dict[tuple[str, int, int], int] | None = None,
) -> tuple[TimeValue | None, Conflict | None]:
    """The event's time from its reports' stated times, and a conflict where they disagree.

    ``voices`` maps a report's span key to the source it speaks for; of several reports of one
    source (one passage printed by many outlets) only the earliest published counts, so the
    same words read against two publication days are not a disagreement.
    """
    stated = [r for r in reports if r.stated_time is not None]
    if not stated:
        return None, None
    voices = voices or {}
    speaking: dict[object, Report] = {}
    for report in sorted(stated, key=lambda r: (_published(docs.get(r.document)), r.document, r.span.start)):
        speaking.setdefault(voices.get(report.span.key, report.span.key), report)
    heard = sorted(speaking.values(), key=lambda r: (r.document, r.span.start, r.span.end))
    times = [r.stated_time for r in heard if r.stated_time]
    # The narrowest time of each group of compatible times stands for that group.
    representatives: list[TimeValue] = []
    for time in sorted(times, key=lambda t: (_width(t), t.sort_key())):
        if not any(compatible(time, r) for r in representatives):
            representatives.append(time)
    if len(representatives) == 1:
        return representatives[0], None
    bounded = [t for t in representatives if t.earliest and t.latest]
    earliest = [t.earliest for t in bounded if t.earliest]
    latest = [t.latest for t in bounded if t.latest]
    if len(bounded) >= 2:
        first, last = min(earliest), max(latest)
        # what TimeValue.from_edtf would give, without its slow grammar
        hull = TimeValue(f"{first.isoformat()}/{last.isoformat()}", first, last, "interval")
    else:
        hull = bounded[0] if bounded else representatives[0]
    # A report whose time agrees with every other one ("2020" beside June 16 and July 16) is not
    # part of the disagreement.
    disagreeing = [r for r in heard if r.stated_time and any(
        o.stated_time and not compatible(r.stated_time, o.stated_time) for o in heard)]
    parts = []
    for report in disagreeing:
        doc = docs.get(report.document)
        name = who(doc) if doc else report.document
        said = report.stated_time.text if report.stated_time and report.stated_time.text else report.stated_time.edtf if report.stated_time else "?"
        parts.append(f"{name} gives {' '.join(said.split())!r} ({report.stated_time.edtf if report.stated_time else '?'})")
    conflict = Conflict(
        id=record_id("cfl", "date", event_id),
        kind="date",
        items=(event_id,),
        documents=tuple(dict.fromkeys(r.document for r in disagreeing)),
        explanation="Sources disagree on the date: " + "; ".join(dict.fromkeys(parts)) + ".",
        spans=tuple(r.span for r in disagreeing),
    )
    return hull, conflict


def _published(doc: Document | None) -> tuple[date, str]:
    if doc is None or doc.published is None or doc.published.earliest is None:
        return (date.max, "")
    return (doc.published.earliest, doc.published.edtf)


def who(doc: Document) -> str:
    """How a conflict names a document: its publisher, else its title (shortened), else its file."""
    if doc.publisher:
        return doc.publisher
    label = doc.label
    return label if len(label) <= 60 else label[:57].rsplit(" ", 1)[0] + " …"


def _width(time: TimeValue) -> int:
    if time.earliest and time.latest:
        return (time.latest - time.earliest).days
    return 10**9
