"""Graph -> timeline rows: events ordered by their time bounds, each with its citations.

Ordering uses the bounds, never a fake midpoint: an event known only to "summer 2020" sorts by
its earliest day (1 June) and then its latest (31 August), after an exact 1 June event.

>>> describe_time(TimeValue.from_edtf("2020-06~"))
'June 2020, approximate'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

import networkx as nx

from .graph import conflicts, events
from .model import Event, Span, TimeValue

__all__ = ["TimelineRow", "describe_time", "timeline"]

_SEASONS = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter",
            "25": "northern spring", "26": "northern summer", "27": "northern autumn", "28": "northern winter",
            "29": "southern spring", "30": "southern summer", "31": "southern autumn", "32": "southern winter"}
_PARTS = {"33": "first quarter", "34": "second quarter", "35": "third quarter", "36": "fourth quarter",
          "37": "first third", "38": "second third", "39": "last third",
          "40": "first half", "41": "second half"}
#: English month names, spelled here: ``calendar.month_name`` follows the locale and calls
#: strftime on every lookup (0.6 s for a timeline of 32,000 events).
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_QUALIFIERS = {"~": "approximate", "?": "uncertain", "%": "approximate and uncertain"}


@dataclass(frozen=True)
class TimelineRow:
    """One event on the timeline: its bounds, its date in words, and the passages behind it."""

    event: Event
    start: date | None
    end: date | None
    when: str
    citations: tuple[Span, ...]
    documents: tuple[str, ...]
    conflicts: tuple[str, ...]

    @property
    def id(self) -> str:
        """The event's id."""
        return self.event.id

    @functools.cached_property
    def order(self) -> tuple[date, date, str, str]:
        """Where the row goes on the timeline: by its bounds, then label and id (kept once made)."""
        time = self.event.time
        key = time.sort_key() if time else (date.max, date.max, "")
        return (key[0], key[1], self.event.label.casefold(), self.event.id)


def timeline(G: nx.MultiDiGraph, *, include_undated: bool = True,
             earlier: Iterable[TimelineRow] = ()) -> list[TimelineRow]:
    """Every event in time order (earliest, then latest bound), undated events last.

    ``earlier``: rows made before from a graph that shares records with ``G`` (see
    :meth:`~timeline_graph.case.Case.live_graph`); the row of an event that is the very same
    record, in the same conflicts, is taken again instead of being made anew (the same row).
    """
    conflicts_of: dict[str, list[str]] = {}
    for conflict in conflicts(G):
        for item in conflict.items:
            conflicts_of.setdefault(item, []).append(conflict.id)
    known = {row.id: row for row in earlier}
    rows = []
    for event in events(G):
        if event.time is None and not include_undated:
            continue
        ids = tuple(conflicts_of.get(event.id, ()))
        row = known.get(event.id)
        if row is None or row.event is not event or row.conflicts != ids:
            row = TimelineRow(
                event=event,
                start=event.time.earliest if event.time else None,
                end=event.time.latest if event.time else None,
                when=describe_time(event.time),
                citations=tuple(r.span for r in event.reports),
                documents=event.documents,
                conflicts=ids,
            )
        rows.append(row)
    rows.sort(key=attrgetter("order"))
    return rows


def describe_time(value: TimeValue | None) -> str:
    """A time in words with its precision: "16 June 2020", "summer 2020, approximate", ..."""
    if value is None:
        return "date unknown"
    if "/" in value.edtf:
        first, _, last = value.edtf.partition("/")
        return f"{_describe(first) if first not in ('', '..') else 'open'} to {_describe(last) if last not in ('', '..') else 'open'}"
    return _describe(value.edtf)


def _describe(edtf: str) -> str:
    core = edtf.rstrip("?~%")
    qualifier = _QUALIFIERS.get(edtf[len(core):], "")
    words = _plain(core)
    return f"{words}, {qualifier}" if qualifier else words


def _plain(core: str) -> str:
    match = re.fullmatch(r"(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?", core)
    if match:
        year, month, day = match.groups()
        year_words = "year unknown" if year == "XXXX" else str(int(year))
        if month in _SEASONS:
            return f"{_SEASONS[month]} {year_words}"
        if month in _PARTS:
            return f"{_PARTS[month]} of {year_words}"
        if month and month != "XX" and 1 <= int(month) <= 12:
            name = _MONTH_NAMES[int(month) - 1]
            text = f"{int(day)} {name}" if day and day != "XX" else name
            return f"{text} ({year_words})" if year == "XXXX" else f"{text} {year_words}"
        return year_words
    if re.fullmatch(r"\d{3}X", core):
        return f"the {core[:3]}0s"
    if re.fullmatch(r"\d{2}XX", core):
        return f"the {core[:2]}00s"
    return core
