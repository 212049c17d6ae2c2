"""The timeline chart: events on a time axis in lanes, with an overview of the whole case under it.

Pure functions of timeline rows returning the chart as plain JSON data; the browser draws it
(``static/timeline.js``, mounted by :mod:`component`). Nothing here imports Streamlit.

The chart has two parts sharing one time axis: the events (top) and a histogram of events per
month (bottom), whose window (the range slider) is the stretch of time shown above. Large cases
open on a :func:`window` of about :data:`WINDOW_EVENTS` events, around the selected one.

>>> rows = []
>>> timeline_data(rows)["marks"], undated_rows(rows)
([], [])
>>> selected_event_ids({"selection": {"ids": ["evt-1", "evt-1", "evt-2"], "n": 7}})
['evt-1', 'evt-2']
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..timeline import TimelineRow
from .marks import (
    PALETTE,
    day_number,
    event_years_svg,
    first_day,
    kind_colours,
    mark,
    month_counts,
    stated_dates,
    years_svg,
)
from .views import short

__all__ = [
    "MAX_LABELLED_ROWS",
    "PALETTE",
    "WINDOW_EVENTS",
    "WINDOW_THRESHOLD",
    "TimelineChart",
    "event_choices",
    "event_years_svg",
    "kind_colours",
    "selected_event_ids",
    "selection_of",
    "timeline_chart",
    "timeline_data",
    "undated_rows",
    "window",
    "with_selection",
    "years_svg",
]

#: Up to this many dated events get a line each, labelled; more are packed into lanes per kind.
MAX_LABELLED_ROWS = 40
#: Past this many dated events the chart opens on a :func:`window` of about :data:`WINDOW_EVENTS`
#: of them (around the selected event, else the latest) rather than the whole case.
WINDOW_THRESHOLD = 800
WINDOW_EVENTS = 500


def undated_rows(rows: Sequence[TimelineRow]) -> list[TimelineRow]:
    """The rows that cannot be placed on a time axis (no bound known)."""
    return [row for row in rows if row.start is None and row.end is None]


def event_choices(rows: Sequence[TimelineRow]) -> dict[str, str]:
    """Event id -> "label · when in words", in timeline order (for a selectbox)."""
    return {row.id: f"{short(row.event.label, 50)} · {row.when}" for row in rows}


def selection_of(state: Any) -> tuple[tuple[str, ...], Any]:
    """The event ids a chart's state holds, in selection order without repeats, and what tells
    this selection from an earlier one of the same ids (the timeline's click counter).

    Reads the timeline chart's ``{"selection": {"ids": [...], "n": counter}}`` and a
    ``st.plotly_chart`` selection, ``{"selection": {"points": [{"customdata": [id, ...]}, ...]}}``
    (the report-time and network pages).
    """
    try:
        selection = state["selection"]
    except (KeyError, TypeError, IndexError):
        return (), None
    if not isinstance(selection, Mapping):
        return (), None
    found: list[Any] = []
    if isinstance(selection.get("ids"), list | tuple):
        found = list(selection["ids"])
    else:
        points = selection.get("points")
        for point in points if isinstance(points, list | tuple) else ():
            try:
                custom = point["customdata"]
            except (KeyError, TypeError):
                continue
            found.append(custom[0] if isinstance(custom, list | tuple) and custom else custom)
    ids = tuple(dict.fromkeys(x for x in found if isinstance(x, str)))
    return ids, selection.get("n")


def selected_event_ids(state: Any) -> list[str]:
    """The event ids in a chart's selection state (see :func:`selection_of`)."""
    return list(selection_of(state)[0])


def _positions(dated: Sequence[TimelineRow], groups: Mapping[str, str] | None = None,
               ) -> tuple[list[int], list[tuple[int, str]]]:
    """A line for every row, and the labelled lines: one labelled line per event when few and no
    lanes are asked for, else lanes (``groups``: event id -> lane name; by kind when not given),
    each event in the first line of its lane where it overlaps nothing (labels on hover).
    """
    if groups is None and len(dated) <= MAX_LABELLED_ROWS:
        return list(range(len(dated))), [(i, short(row.event.label, 45)) for i, row in enumerate(dated)]
    group_of = {row.id: (groups or {}).get(row.id, row.event.kind) for row in dated}
    days = [d for row in dated for d in (row.start, row.end) if d]
    gap = timedelta(days=max(1, (max(days) - min(days)).days // 120)) if days else timedelta(days=1)
    ys: dict[int, int] = {}
    labels: list[tuple[int, str]] = []
    top = 0
    by_group: dict[str, list[int]] = {}
    for i, row in enumerate(dated):
        by_group.setdefault(group_of[row.id], []).append(i)
    for name in sorted(by_group, key=lambda n: (n.casefold(), n)):
        spans = []
        for i in by_group[name]:
            first, last = dated[i].start or dated[i].end, dated[i].end or dated[i].start
            assert first is not None and last is not None
            spans.append((first, last + gap))
        lines = _pack(spans)
        for i, line in zip(by_group[name], lines, strict=True):
            ys[i] = top + line
        labels.append((top, short(name, 30)))
        top += max(lines, default=-1) + 2  # an empty line between lanes
    return [ys[i] for i in range(len(dated))], labels


def _pack(spans: Sequence[tuple[date, date]]) -> list[int]:
    """The line of each span (first day, first day free after it), in order: the first line
    free on its first day, else a new one.

    >>> d = date(2020, 1, 1)
    >>> _pack([(d, d + timedelta(3)), (d + timedelta(1), d + timedelta(2)), (d + timedelta(3), d + timedelta(4))])
    [0, 1, 0]
    """
    frees: list[date] = []  # the first free day of each line
    # A line free on one span's first day stays free for the spans that start later: keep the
    # lines taken by the day they come free, the free ones by number, lowest first; when a span
    # starts earlier than the one before, sort the lines out again.
    taken: list[tuple[date, int]] = []
    open_lines: list[int] = []
    out = []
    last_first: date | None = None
    for first, free in spans:
        if last_first is not None and first < last_first:
            open_lines = [n for n, day in enumerate(frees) if day <= first]
            taken = [(day, n) for n, day in enumerate(frees) if day > first]
            heapq.heapify(taken)
        last_first = first
        while taken and taken[0][0] <= first:
            heapq.heappush(open_lines, heapq.heappop(taken)[1])
        line = heapq.heappop(open_lines) if open_lines else len(frees)
        frees[line:line + 1] = [free]
        heapq.heappush(taken, (free, line))
        out.append(line)
    return out


@dataclass(frozen=True)
class TimelineChart:
    """The chart's data without a selection, and where each event sits: built once per set of
    rows and lanes, so selecting an event only changes two entries of it (:func:`with_selection`)."""

    data: dict[str, Any]
    places: dict[str, tuple[TimelineRow, int]]  # event id -> its row and its line
    labelled: bool = False  # one labelled line per event
    by_day: tuple[tuple[date, str], ...] = ()  # (first day, event id) of each event, in order: for windows
    kinds: tuple[str, ...] = ()  # the kinds of the marks, in the order the marks number them


def timeline_chart(rows: Sequence[TimelineRow], lanes: Mapping[str, str] | None = None, *,
                   colours: Mapping[str, str] | None = None, overview: bool = True,
                   earlier: TimelineChart | None = None) -> TimelineChart:
    """Every dated event as a mark on its line (see :mod:`marks`), the lanes' labels, the dates
    each source gives for disputed events, and (with ``overview``) events per month.

    Up to :data:`MAX_LABELLED_ROWS` events without ``lanes`` get a labelled line each; more, or
    with ``lanes`` (event id -> lane), are packed into lanes. ``earlier``: a chart made before
    from rows shared with these (see :func:`timeline.timeline`): the mark of the very same row,
    on the same line in the same kinds, is taken from it.
    """
    dated = [row for row in rows if row.start is not None or row.end is not None]
    colours = dict(colours) if colours else kind_colours(dated)
    for kind in sorted({row.event.kind for row in dated} - set(colours)):
        colours[kind] = PALETTE[len(colours) % len(PALETTE)]
    used = sorted({row.event.kind for row in dated})
    kind_index = {kind: i for i, kind in enumerate(used)}
    positions, labels = _positions(dated, lanes)
    labelled = lanes is None and len(dated) <= MAX_LABELLED_ROWS
    marks = _marks(dated, positions, used, earlier)
    stated = [[i, day, words] for i, row in enumerate(dated) for day, words in stated_dates(row)]
    lines = max(positions, default=0) + 1
    line_height = 34 if labelled else (22 if lines < 30 else max(6, 660 // lines))
    widest = max((len(text) for _, text in labels), default=0)
    days = [day_number(d) for row in dated for d in (row.start, row.end) if d is not None]
    data: dict[str, Any] = {
        "kinds": [[kind, colours[kind]] for kind in used],
        "marks": marks,
        "stated": stated,
        "lanes": [[line, text] for line, text in labels],
        "labelled": labelled,
        "lines": lines,
        "line_height": line_height,
        "label_width": min(320, 20 + round(6.6 * widest)),
        "extent": [min(days), max(days) + 1] if days else [0, 1],
        "months": month_counts(dated, kind_index) if overview else None,
    }
    data["version"] = hashlib.blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=12).hexdigest()
    places = {row.id: (row, y) for row, y in zip(dated, positions, strict=True)}
    return TimelineChart(data, places, labelled, _by_day(dated), tuple(used))


def _marks(dated: Sequence[TimelineRow], positions: Sequence[int], kinds: Sequence[str],
           earlier: TimelineChart | None) -> list[list[Any]]:
    """A mark per dated row (:func:`marks.mark`), those of unchanged rows taken from ``earlier``."""
    kind_index = {kind: i for i, kind in enumerate(kinds)}
    same_kinds = earlier is not None and earlier.kinds == tuple(kinds)
    before = {m[0]: m for m in earlier.data["marks"]} if earlier is not None and same_kinds else {}
    out = []
    for row, line in zip(dated, positions, strict=True):
        old = before.get(row.id)
        if old is not None and old[1] == line and earlier is not None and earlier.places[row.id][0] is row:
            out.append(old)
        else:
            out.append(mark(row, line, kind_index[row.event.kind]))
    return out


def with_selection(chart: TimelineChart, selected: str | None = None) -> dict[str, Any]:
    """The chart's data with ``selected`` to ring, and the window to open on: for a large chart,
    :func:`window` around the selected event (else the latest, from the events sorted once by day
    when the chart was built); a shallow copy, nothing else copied."""
    return {**chart.data, "selected": selected if selected in chart.places else None,
            "window": list(_window(chart.by_day, selected)) if len(chart.by_day) > WINDOW_THRESHOLD else None}


def timeline_data(rows: Sequence[TimelineRow], lanes: Mapping[str, str] | None = None, *,
                  colours: Mapping[str, str] | None = None, overview: bool = True,
                  selected: str | None = None) -> dict[str, Any]:
    """What the browser's timeline chart draws for ``rows`` (see :func:`timeline_chart`), with
    ``selected`` ringed: a dark ring on it, a dark line over its range, a dashed line across."""
    return with_selection(timeline_chart(rows, lanes, colours=colours, overview=overview), selected)


def window(rows: Sequence[TimelineRow], selected: str | None = None, *,
           size: int = WINDOW_EVENTS) -> tuple[int, int]:
    """The stretch of time a large chart opens on, in days (see :func:`marks.day_number`): about
    ``size`` dated events by their earliest day, centred on the ``selected`` one when it is among
    them, else the latest, with a margin either side.

    >>> window([], None)
    (0, 1)
    """
    return _window(_by_day(rows), selected, size)


def _by_day(rows: Sequence[TimelineRow]) -> tuple[tuple[date, str], ...]:
    return tuple(sorted((first_day(row), row.id) for row in rows if row.start is not None or row.end is not None))


def _window(days: Sequence[tuple[date, str]], selected: str | None, size: int = WINDOW_EVENTS) -> tuple[int, int]:
    if not days:
        return (0, 1)
    at = next((i for i, (_, event_id) in enumerate(days) if event_id == selected), len(days) - 1)
    lo = max(0, min(at - size // 2, len(days) - size))
    hi = min(len(days) - 1, lo + size - 1)
    first, last = day_number(days[lo][0]), day_number(days[hi][0])
    pad = max(2, (last - first) // 40)
    return (first - pad, last + pad + 1)
