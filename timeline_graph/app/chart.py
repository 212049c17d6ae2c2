"""The timeline chart: events on a time axis in lanes, with an overview of the whole case under it.

Pure functions of timeline rows returning Plotly figures (the traces themselves come from
:mod:`marks`); nothing here imports Streamlit.
Labels from documents are escaped with ``html.escape`` (Plotly reads a small HTML subset).

The figure has two parts sharing one time axis: the events (top) and a histogram of events per
month (bottom). The range slider belongs to the histogram's axis, so it redraws only a few
hundred bars, never the thousands of events, and dragging it moves the events' axis too.

>>> rows = []
>>> len(timeline_figure(rows).data), undated_rows(rows)
(0, [])
>>> selected_event_ids({"selection": {"points": [{"customdata": ["evt-1"]}, {"x": 3}]}})
['evt-1']
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go

from ..timeline import TimelineRow
from .marks import (
    CONFLICT_COLOUR,
    PALETTE,
    SELECTED,
    SELECTED_COLOUR,
    detailed_traces,
    first_day,
    histogram_traces,
    kind_colours,
    light_traces,
    middle,
    noon,
    selected_traces,
    years_figure,
)
from .views import short

__all__ = [
    "CONFLICT_COLOUR",
    "LIGHT_THRESHOLD",
    "MAX_LABELLED_ROWS",
    "PALETTE",
    "SELECTED",
    "SELECTED_COLOUR",
    "PrebuiltFigure",
    "TimelineChart",
    "event_choices",
    "histogram_traces",
    "kind_colours",
    "selected_event_ids",
    "timeline_chart",
    "timeline_figure",
    "undated_rows",
    "window",
    "with_selection",
    "years_figure",
]

#: Up to this many dated events get a line each, labelled; more are packed into lanes per kind.
MAX_LABELLED_ROWS = 40
#: Past this many dated events the chart is drawn light: a marker at each event's earliest day,
#: ranges as plain lines behind them, a few traces and no per-point styles.
LIGHT_THRESHOLD = 800

#: Past :data:`LIGHT_THRESHOLD` events the chart opens on a window of about this many (around the
#: selected event, else the latest); the overview under it shows the whole case, and markers
#: outside the window are drawn only when the window moves there (Plotly's ``maxdisplayed``).
WINDOW_EVENTS = 500

#: Heights in pixels of the overview (histogram), the gap holding the events' axis labels, and
#: the range slider under the histogram.
OVERVIEW_HEIGHT = 80
AXIS_GAP = 44
SLIDER_HEIGHT = 46
_DAY_MS = 86_400_000


def undated_rows(rows: Sequence[TimelineRow]) -> list[TimelineRow]:
    """The rows that cannot be placed on a time axis (no bound known)."""
    return [row for row in rows if row.start is None and row.end is None]


def event_choices(rows: Sequence[TimelineRow]) -> dict[str, str]:
    """Event id -> "label · when in words", in timeline order (for a selectbox)."""
    return {row.id: f"{short(row.event.label, 50)} · {row.when}" for row in rows}


def selected_event_ids(selection: Any) -> list[str]:
    """The event ids in a ``st.plotly_chart`` selection state, in selection order, no repeats."""
    if not selection:
        return []
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return []
    ids: dict[str, None] = {}
    for point in points or ():
        try:
            custom = point["customdata"]
        except (KeyError, TypeError):
            continue
        event_id = custom[0] if isinstance(custom, list | tuple) and custom else custom
        if isinstance(event_id, str):
            ids[event_id] = None
    return list(ids)


def _positions(dated: Sequence[TimelineRow], groups: Mapping[str, str] | None = None,
               ) -> tuple[list[int], list[int], list[str]]:
    """A y position for every row, and the y axis ticks: one labelled line per event when few
    and no lanes are asked for, else lanes (``groups``: event id -> lane name; by kind when not
    given), each event in the first line of its lane where it overlaps nothing (labels on hover).
    """
    if groups is None and len(dated) <= MAX_LABELLED_ROWS:
        return (list(range(len(dated))), list(range(len(dated))),
                [html.escape(short(row.event.label, 45), quote=False) for row in dated])
    group_of = {row.id: (groups or {}).get(row.id, row.event.kind) for row in dated}
    days = [d for row in dated for d in (row.start, row.end) if d]
    gap = timedelta(days=max(1, (max(days) - min(days)).days // 120)) if days else timedelta(days=1)
    ys: dict[int, int] = {}
    tickvals: list[int] = []
    ticktext: list[str] = []
    top = 0
    by_group: dict[str, list[int]] = {}
    for i, row in enumerate(dated):
        by_group.setdefault(group_of[row.id], []).append(i)
    for name in sorted(by_group, key=str.casefold):
        lines: list[date] = []  # the first free day of each line of the lane
        for i in by_group[name]:
            row = dated[i]
            first, last = row.start or row.end, row.end or row.start
            assert first is not None and last is not None
            line = next((n for n, free in enumerate(lines) if free <= first), len(lines))
            if line == len(lines):
                lines.append(first)
            lines[line] = last + gap
            ys[i] = top + line
        tickvals.append(top)
        ticktext.append(html.escape(short(name, 30), quote=False))
        top += len(lines) + 1  # an empty line between lanes
    return [ys[i] for i in range(len(dated))], tickvals, ticktext


@dataclass(frozen=True)
class TimelineChart:
    """A timeline figure as plain Plotly JSON, without a selection, and where each event sits: built
    once per set of rows and lanes, so selecting an event only adds a few small traces to it."""

    figure: dict[str, Any]  # {"data": [...], "layout": {...}}
    places: dict[str, tuple[TimelineRow, int]]  # event id -> its row and its line (y)
    light: bool
    events_axis: str  # "x2" above an overview, else "x"
    labelled: bool = False  # one labelled line per event (the y tick at an event's line is its label)


def timeline_chart(rows: Sequence[TimelineRow], lanes: Mapping[str, str] | None = None, *,
                   colours: Mapping[str, str] | None = None, overview: bool = True) -> TimelineChart:
    """The chart of :func:`timeline_figure`, with no event selected, as plain JSON."""
    dated = [row for row in rows if row.start is not None or row.end is not None]
    colours = dict(colours) if colours else kind_colours(dated)
    for kind in sorted({row.event.kind for row in dated} - set(colours)):
        colours[kind] = PALETTE[len(colours) % len(PALETTE)]
    positions, tickvals, ticktext = _positions(dated, lanes)
    light = len(dated) > LIGHT_THRESHOLD
    packed = lanes is not None or len(dated) > MAX_LABELLED_ROWS
    fig = go.Figure()
    for trace in (light_traces(dated, positions, colours) if light
                  else detailed_traces(dated, positions, colours, packed=packed)):
        fig.add_trace(trace)
    events_axis = "x2" if overview and dated else "x"
    if events_axis != "x":
        for trace in fig.data:
            trace.update(xaxis=events_axis)
        for trace in histogram_traces(dated, colours):
            fig.add_trace(trace)
    _layout(fig, positions, tickvals, ticktext, packed=packed, overview=events_axis != "x")
    places = {row.id: (row, y) for row, y in zip(dated, positions, strict=True)}
    return TimelineChart(fig.to_plotly_json(), places, light, events_axis, labelled=not packed)


def with_selection(chart: TimelineChart, selected: str | None = None) -> dict[str, Any]:
    """The chart's JSON with ``selected`` ringed (see :func:`timeline_figure`) and, for a large
    chart, the window around it; the chart's own JSON is shared, not copied."""
    data = list(chart.figure["data"])
    layout = dict(chart.figure["layout"])
    if chart.light:
        layout["xaxis"] = {**layout.get("xaxis", {}),
                           "range": list(window([row for row, _ in chart.places.values()], selected))}
    if selected in chart.places:
        row, y = chart.places[selected]
        data += [trace.update(xaxis=chart.events_axis).to_plotly_json()
                 for trace in selected_traces(row, y, light=chart.light)]
        x = noon(row.start) if row.start is not None and row.start == row.end else middle(row)
        if chart.labelled:  # its label in bold
            axis = dict(layout["yaxis"])
            axis["ticktext"] = [f"<b>{t}</b>" if v == y else t for v, t in zip(axis["tickvals"], axis["ticktext"], strict=True)]
            layout["yaxis"] = axis
        layout["shapes"] = [{"type": "line", "xref": chart.events_axis, "yref": "y domain", "x0": x, "x1": x,
                             "y0": 0, "y1": 1, "layer": "below",
                             "line": {"color": SELECTED_COLOUR, "width": 1, "dash": "dash"}}]
    return {"data": data, "layout": layout}


class PrebuiltFigure(go.Figure):
    """A figure handed to ``st.plotly_chart`` as already-checked JSON: its :meth:`to_dict` returns
    that JSON as is, where a plain figure would deep-copy and check thousands of points again on
    every run (its traces and layout are left empty)."""

    def __init__(self, figure: dict[str, Any]) -> None:
        super().__init__()
        self._prebuilt = figure

    def to_dict(self) -> dict[str, Any]:
        """The JSON given (shared, not copied: do not change it)."""
        return self._prebuilt


def timeline_figure(rows: Sequence[TimelineRow], lanes: Mapping[str, str] | None = None, *,
                    colours: Mapping[str, str] | None = None, overview: bool = True,
                    selected: str | None = None) -> go.Figure:
    """A time axis with one line per dated event; ``customdata[0]`` of every event point is its id.

    An exact day is a marker; a longer or vaguer time (month, season, year, interval) is a bar
    from its earliest day to the end of its latest day. Approximate or uncertain times are
    hatched and lighter (bars) or hollow (markers); events whose sources disagree get a red
    outline, and the dates each source gives are drawn as small ticks on the event's line.
    Past :data:`MAX_LABELLED_ROWS` events, or when ``lanes`` (event id -> lane) are given,
    lines become packed lanes. Past :data:`LIGHT_THRESHOLD` events the chart is drawn light (see
    :func:`marks.light_traces`) and opens on a :func:`window` of events. With ``overview``, a histogram
    of events per month sits under the events, sharing their time axis, with a range slider under
    it. The ``selected`` event gets a dark ring (and, for a range, a dark bar over it) and a
    dashed line across the chart.
    """
    return go.Figure(with_selection(timeline_chart(rows, lanes, colours=colours, overview=overview), selected))


def window(rows: Sequence[TimelineRow], selected: str | None = None, *,
           size: int = WINDOW_EVENTS) -> tuple[str, str]:
    """The stretch of time a large chart opens on: about ``size`` dated events by their earliest
    day, centred on the ``selected`` one when it is among them, else the latest; as Plotly dates.

    >>> window([], None)
    ('1970-01-01', '1970-01-02')
    """
    days = sorted((first_day(row), row.id) for row in rows if row.start is not None or row.end is not None)
    if not days:
        return ("1970-01-01", "1970-01-02")
    at = next((i for i, (_, event_id) in enumerate(days) if event_id == selected), len(days) - 1)
    lo = max(0, min(at - size // 2, len(days) - size))
    hi = min(len(days) - 1, lo + size - 1)
    first, last = days[lo][0], days[hi][0]
    pad = timedelta(days=max(2, (last - first).days // 40))
    return ((first - pad).isoformat(), (last + pad + timedelta(days=1)).isoformat())


def _layout(fig: go.Figure, positions: Sequence[int], tickvals: list[int], ticktext: list[str], *,
            packed: bool, overview: bool) -> None:
    lines = max(positions, default=0) + 1
    per_line = 36 if not packed else (22 if lines < 30 else max(6, 660 // lines))
    events_height = max(210, per_line * lines)
    # Margins fixed here, wide enough for the lane labels, rather than grown by Plotly once the
    # labels are measured (which draws the whole chart a second time).
    widest = max((len(html.unescape(t)) for t in ticktext), default=0)
    margin = {"l": 16 + round(6.4 * widest), "r": 10, "t": 60, "b": 10}
    lanes_axis = {"tickmode": "array", "tickvals": tickvals, "ticktext": ticktext, "automargin": False,
                  "range": [lines - 0.4, -0.6], "showgrid": False, "title": None, "fixedrange": True}
    common = {
        "barmode": "stack",  # the histogram's bars; the events' bars set their base, so never stack
        "margin": margin,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0,
                   "title": {"text": "kind "}},
        "hoverlabel": {"align": "left"},
        "clickmode": "event+select",
        "dragmode": "pan",
    }
    if not overview:
        fig.update_layout(height=events_height + 110, **common, yaxis=lanes_axis,
                          xaxis={"type": "date", "showgrid": True, "title": None, "automargin": False})
        return
    plot = events_height + AXIS_GAP + OVERVIEW_HEIGHT  # the plot area, without the slider under it
    split = (OVERVIEW_HEIGHT + AXIS_GAP) / plot
    fig.update_layout(
        height=plot + margin["t"] + margin["b"] + SLIDER_HEIGHT + 40, **common,
        # the events: on x2, which follows x (zoom, pan and the slider move both)
        xaxis2={"type": "date", "matches": "x", "anchor": "y", "showgrid": True, "title": None, "automargin": False},
        yaxis={**lanes_axis, "domain": [split, 1], "anchor": "x2"},
        # the overview: events per month, with the range slider under it
        xaxis={"type": "date", "anchor": "y2", "showgrid": True, "title": None, "automargin": False,
               "rangeslider": {"visible": True, "thickness": SLIDER_HEIGHT / plot, "bgcolor": "#f4f6fa"}},
        yaxis2={"domain": [0, OVERVIEW_HEIGHT / plot], "anchor": "x", "fixedrange": True, "title": None,
                "nticks": 3, "automargin": False},
    )
    fig.add_annotation(text="events per month", xref="paper", yref="y2 domain", x=0, y=1, xanchor="left",
                       yanchor="bottom", showarrow=False, font={"size": 11, "color": "#666"})
