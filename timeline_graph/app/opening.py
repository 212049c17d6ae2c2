"""What the first page of a case shows, kept in the case's cache so that a later start of the app
draws it without loading the case.

A first visit shows the sidebar (the case's title, its counts and its dated events per year) and,
on a large case, its key dates. Loading a 5,000-document case into memory takes most of two
seconds; these few kilobytes take milliseconds. So the app stores them in the case's cache folder
(:meth:`Case.store_view`) the first time it makes them from the graph, keyed by what the graph is
made of (the build, the decision log, the code and the case's settings), and draws the first page
from them while the case loads; a new build or a new decision gives a new key, and the opening is
made again from the graph as it is then.

It is kept as plain JSON: nothing in it runs when it is read, so unlike the case's snapshots it
needs no signature. It holds only what the page shows, already cut to it (the first events of
each day, with the count of the others).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from .. import keydates
from ..case import Case
from ..graph import events
from ..keydates import KeyDate, key_dates
from . import chart, views

__all__ = ["EVENT_LINKS", "SHOWN", "DayShown", "Opening", "days_shown", "of_graph", "read", "store"]

#: The name it is kept under (``opening.json`` in the case's cache folder).
_NAME = "opening"
#: The key dates a first visit shows, and the events each links to.
SHOWN = 10
EVENT_LINKS = 8
#: The code that makes an opening from a graph: one stored by another version of it is made again.
_MADE_BY = (keydates, chart, views, sys.modules[__name__])


@dataclass(frozen=True)
class DayShown:
    """One key date as the page shows it: what is said of the day, and its first events."""

    day: date
    summary: str
    sources: int
    referred_back: int
    participants: int
    events: tuple[tuple[str, str], ...]  # (id, label) of the first EVENT_LINKS events
    more: int  # the events of the day not linked

    @classmethod
    def of(cls, found: KeyDate) -> DayShown:
        linked = found.events[:EVENT_LINKS]
        return cls(found.day, found.summary, found.sources, found.referred_back, found.participants,
                   tuple((e.id, e.label) for e in linked), len(found.events) - len(linked))


@dataclass(frozen=True)
class Opening:
    """The case's title, description and counts, its events-per-year chart, and its top key dates."""

    summary: views.CaseSummary
    years: str
    days: tuple[DayShown, ...] | None  # None: not made yet (an opening is kept only with them)


def days_shown(G: nx.MultiDiGraph, n: int) -> list[DayShown]:
    """The case's ``n`` key dates, as the page shows them."""
    return [DayShown.of(found) for found in key_dates(G, n)]


def of_graph(G: nx.MultiDiGraph, *, days: bool = True) -> Opening:
    """The first page's data, made from the case's graph (``days=False``: all but the key dates,
    which take longest and which only the opening page of a large case shows)."""
    return Opening(views.case_summary(G), chart.event_years_svg(events(G)),
                   tuple(days_shown(G, SHOWN)) if days else None)


def read(case: Case) -> Opening | None:
    """The opening stored for ``case`` as it is now; None when there is none, or it was made of
    another build, decision log, code or settings."""
    stored = case.read_view(_NAME, _MADE_BY)
    if stored is None:
        return None
    try:
        return _from_json(stored)
    except (ValueError, TypeError, KeyError):
        return None


def store(case: Case, opening: Opening) -> None:
    """Keep ``opening`` (with its key dates) in the case's cache, for the next start of the app."""
    if opening.days is not None:
        case.store_view(_NAME, _to_json(opening.days, opening), _MADE_BY)


def _to_json(days: tuple[DayShown, ...], opening: Opening) -> dict[str, Any]:
    summary = opening.summary
    return {
        "title": summary.title, "description": summary.description, "counts": [list(c) for c in summary.counts],
        "years": opening.years,
        "days": [{"day": d.day.isoformat(), "summary": d.summary, "sources": d.sources,
                  "referred_back": d.referred_back, "participants": d.participants,
                  "events": [list(e) for e in d.events], "more": d.more} for d in days],
    }


def _from_json(data: dict[str, Any]) -> Opening:
    counts: Sequence[Sequence[Any]] = data["counts"]
    summary = views.CaseSummary(str(data["title"]), str(data["description"]),
                                tuple((str(name), int(n)) for name, n in counts))
    days = tuple(DayShown(date.fromisoformat(d["day"]), str(d["summary"]), int(d["sources"]),
                          int(d["referred_back"]), int(d["participants"]),
                          tuple((str(i), str(label)) for i, label in d["events"]), int(d["more"]))
                 for d in data["days"])
    return Opening(summary, str(data["years"]), days)
