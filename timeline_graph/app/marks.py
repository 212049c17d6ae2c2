"""How the timeline draws events, as plain data for the browser's chart (``static/timeline.js``):
one mark per event (its shape, kind and looks), the dates each source gives for disputed events,
events per month for the overview, and the small bar chart of events per year in the sidebar.
Pure functions of timeline rows; :mod:`chart` puts them together.

Days travel as whole numbers, days since 1970-01-01 (:func:`day_number`), so the browser needs
no date parsing; an event covers its days from the start of the first to the end of the last.

>>> day_number(date(1970, 1, 2)), day_number(date(1969, 12, 31))
(1, -1)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Literal

from ..model import Event, TimeValue
from ..timeline import TimelineRow, describe_time
from .views import short

__all__ = [
    "MARK_FIELDS",
    "PALETTE",
    "Shape",
    "day_number",
    "event_years_svg",
    "first_day",
    "is_fuzzy",
    "kind_colours",
    "mark",
    "month_counts",
    "shape_of",
    "stated_dates",
    "years_svg",
]

#: Colours for event kinds, assigned in sorted order of kind (colour-blind safe, Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#8C6D31", "#56B4E9", "#F0E442", "#000000")

#: What each position of a mark (:func:`mark`) holds; ``timeline.js`` reads them by position.
MARK_FIELDS = ("id", "line", "start", "end", "shape", "kind", "fuzzy", "disputed", "label", "when", "sources")

#: ``day``: one exact day, a dot; ``bar``: from the first to the last possible day (a month, a
#: season, a year, a range); ``from`` / ``until``: only the start or the end is known, a triangle
#: pointing the open way.
Shape = Literal["day", "bar", "from", "until"]

_EPOCH = date(1970, 1, 1).toordinal()


def day_number(day: date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - _EPOCH


def kind_colours(rows: Iterable[TimelineRow]) -> dict[str, str]:
    """A colour per event kind, assigned in sorted order (pass all rows, so filtering keeps them)."""
    kinds = sorted({row.event.kind for row in rows})
    return {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}


def is_fuzzy(time_value: TimeValue | None) -> bool:
    """Approximate or uncertain: drawn hollow (dots, triangles) or hatched (bars)."""
    return time_value is not None and (time_value.approximate or time_value.uncertain)


def first_day(row: TimelineRow) -> date:
    day = row.start or row.end
    assert day is not None, "only dated rows are drawn"
    return day


def shape_of(row: TimelineRow) -> Shape:
    """How a dated row is drawn (see :data:`Shape`)."""
    if row.start is not None and row.end is not None:
        return "bar" if row.start != row.end else "day"
    return "from" if row.start is not None else "until"


def mark(row: TimelineRow, line: int, kind: int) -> list[Any]:
    """One dated event as the chart draws it (the fields of :data:`MARK_FIELDS`, in order).
    The label and the date in words are plain text: the browser shows them as text, never as HTML."""
    return [
        row.id, line,
        day_number(row.start) if row.start is not None else None,
        day_number(row.end) if row.end is not None else None,
        shape_of(row), kind, int(is_fuzzy(row.event.time)), int(bool(row.conflicts)),
        short(row.event.label, 80), row.when, len(row.documents),
    ]


def stated_dates(row: TimelineRow) -> list[tuple[int, str]]:
    """For an event whose sources disagree, each exact day a source gives, with words for it."""
    if not row.conflicts:
        return []
    out = []
    for report in row.event.reports:
        stated = report.stated_time
        if stated is None or stated.earliest is None or stated.earliest != stated.latest:
            continue
        out.append((day_number(stated.earliest), f"a source gives {describe_time(stated)}"))
    return out


def month_counts(rows: Sequence[TimelineRow], kinds: Mapping[str, int]) -> list[list[int]]:
    """Dated events per month by their earliest day, per kind: ``[month's first day, kind, count]``,
    in time order (counted here, so the browser draws a few hundred bars, not thousands of dates)."""
    counts: dict[tuple[date, int], int] = {}
    for row in rows:
        first = row.start or row.end
        if first is not None:
            key = (first.replace(day=1), kinds[row.event.kind])
            counts[key] = counts.get(key, 0) + 1
    return [[day_number(month), kind, n] for (month, kind), n in sorted(counts.items())]


def years_svg(rows: Sequence[TimelineRow], *, width: int = 260, height: int = 64) -> str:
    """A small static bar chart of dated events per year (by earliest day) as inline SVG: the case
    at a glance. Only numbers go into it, and each bar's ``<title>`` says its year and count."""
    return event_years_svg((row.event for row in rows), width=width, height=height)


def event_years_svg(events: Iterable[Event], *, width: int = 260, height: int = 64) -> str:
    """:func:`years_svg` made from the events themselves (no timeline rows needed)."""
    years: dict[int, int] = {}
    for event in events:
        first = (event.time.earliest or event.time.latest) if event.time else None
        if first is not None:
            years[first.year] = years.get(first.year, 0) + 1
    if not years:
        return ""
    lo, hi = min(years), max(years)
    span = hi - lo + 1
    top = max(years.values())
    step = width / span
    bars = []
    for i, year in enumerate(range(lo, hi + 1)):
        n = years.get(year, 0)
        h = round(n / top * (height - 18), 1)
        bars.append(f'<rect x="{i * step + step * 0.08:.1f}" y="{height - 16 - h:.1f}" width="{step * 0.84:.1f}" '
                    f'height="{h}" fill="#7a8799"><title>{year}: {n} events</title></rect>')
    labels = [(lo, "start"), (hi, "end")] if span > 1 else [(lo, "middle")]
    text = "".join(
        f'<text x="{0 if anchor == "start" else (width if anchor == "end" else width / 2)}" y="{height - 3}" '
        f'text-anchor="{anchor}" font-size="10" fill="#666">{year}</text>' for year, anchor in labels)
    return (f'<div class="tg-meta">dated events per year</div>'
            f'<svg class="tg-years" viewBox="0 0 {width} {height}" width="100%" role="img" '
            f'aria-label="{html.escape(f"dated events per year, {lo} to {hi}")}">{"".join(bars)}{text}</svg>')
