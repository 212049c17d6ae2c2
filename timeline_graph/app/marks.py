"""How the timeline draws events: the Plotly traces for a few styled events or thousands of light
ones, the ring on the selected event, the histogram of events per month and the events per year.
Pure functions of timeline rows; :mod:`chart` puts them together into the figure.

>>> noon(date(2020, 6, 16)), day_x(date(2020, 6, 16))
(datetime.datetime(2020, 6, 16, 12, 0), '2020-06-16 12')
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import plotly.graph_objects as go

from ..model import TimeValue
from ..timeline import TimelineRow, describe_time
from .views import short

__all__ = [
    "CONFLICT_COLOUR",
    "PALETTE",
    "SELECTED",
    "SELECTED_COLOUR",
    "SOURCE_DATES",
    "day_x",
    "detailed_traces",
    "first_day",
    "histogram_traces",
    "hover",
    "is_fuzzy",
    "kind_colours",
    "light_traces",
    "middle",
    "noon",
    "selected_traces",
    "shape_of",
    "short_hover",
    "years_figure",
]

#: Colours for event kinds, assigned in sorted order of kind (colour-blind safe, Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#8C6D31", "#56B4E9", "#F0E442", "#000000")
CONFLICT_COLOUR = "#C0392B"
#: Name of the traces that mark the selected event.
SELECTED = "selected event"
SELECTED_COLOUR = "#111111"
#: Name of the trace of the dates each source gives, for disputed events.
SOURCE_DATES = "date given by one source"
_DAY_MS = 86_400_000

def kind_colours(rows: Iterable[TimelineRow]) -> dict[str, str]:
    """A colour per event kind, assigned in sorted order (pass all rows, so filtering keeps them)."""
    kinds = sorted({row.event.kind for row in rows})
    return {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}


def is_fuzzy(time_value: TimeValue | None) -> bool:
    return time_value is not None and (time_value.approximate or time_value.uncertain)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12))


def day_x(day: date) -> str:
    """Noon of ``day`` as a short Plotly date string (keeps markers mid-day, like :func:`noon`)."""
    return f"{day.isoformat()} 12"


def first_day(row: TimelineRow) -> date:
    day = row.start or row.end
    assert day is not None, "only dated rows are drawn"
    return day


def hover(row: TimelineRow) -> str:
    lines = [f"<b>{html.escape(short(row.event.label, 80), quote=False)}</b>", html.escape(row.when, quote=False)]
    sources = len(row.documents)
    lines.append(f"{sources} source{'s' if sources != 1 else ''}")
    if row.conflicts:
        lines.append("⚠ sources disagree")
    return "<br>".join(lines)


def short_hover(row: TimelineRow) -> str:
    """The hover text of one event among thousands: a short label and when, escaped."""
    tail = " ⚠" if row.conflicts else ""
    return f"{html.escape(short(row.event.label, 60), quote=False)}<br>{html.escape(row.when, quote=False)}{tail}"


def middle(row: TimelineRow) -> datetime:
    first = first_day(row)
    last = row.end or first
    return datetime.combine(first, time(0)) + (datetime.combine(last, time(0)) + timedelta(days=1)
                                               - datetime.combine(first, time(0))) / 2


def shape_of(row: TimelineRow) -> str:
    if row.start is not None and row.end is not None:
        return "bar" if row.start != row.end else "day"
    return "open"


def detailed_traces(dated: Sequence[TimelineRow], positions: Sequence[int], colours: Mapping[str, str], *,
                     packed: bool) -> list[Any]:
    """Up to :data:`LIGHT_THRESHOLD` events, each styled: bars for ranges, markers for days."""
    traces: list[Any] = []
    # One trace per (kind, shape, fuzziness), so the legend reads "request", "request (approximate)".
    groups: dict[tuple[str, str, bool], list[tuple[int, TimelineRow]]] = {}
    for row, y in zip(dated, positions, strict=True):
        groups.setdefault((row.event.kind, shape_of(row), is_fuzzy(row.event.time)), []).append((y, row))

    in_legend: set[str] = set()
    for (kind, shape, fuzzy), members in sorted(groups.items()):
        colour = colours[kind]
        first_of_kind = kind not in in_legend
        in_legend.add(kind)
        outline = [CONFLICT_COLOUR if row.conflicts else colour for _, row in members]
        outline_width = [3 if row.conflicts else 1 for _, row in members]
        common: dict[str, Any] = {
            # one legend entry per kind; clicking it hides every shape of that kind
            "name": kind, "legendgroup": kind, "showlegend": first_of_kind,
            "y": [y for y, _ in members], "customdata": [[row.id, row.event.label, row.when] for _, row in members],
            "hovertext": [hover(row) for _, row in members], "hovertemplate": "%{hovertext}<extra></extra>",
        }
        if shape == "bar":
            spans = [(row.start, row.end) for _, row in members if row.start and row.end]
            traces.append(go.Bar(
                orientation="h",
                base=[start.isoformat() for start, _ in spans],
                # a bar covers its latest day too: from the start of earliest to the end of latest
                x=[((end - start).days + 1) * _DAY_MS for start, end in spans],
                width=0.55,
                marker={
                    "color": colour,
                    "opacity": 0.45 if fuzzy else 0.9,
                    "pattern": {"shape": "/" if fuzzy else "", "fgcolor": colour, "solidity": 0.3},
                    "line": {"color": outline, "width": outline_width},
                },
                **common,
            ))
            continue
        xs = []
        symbols = []
        for _, row in members:
            if shape == "day":
                xs.append(noon(first_day(row)))
                symbols.append("circle-open" if fuzzy else "circle")
            elif row.start is not None:  # open end: known from
                xs.append(noon(row.start))
                symbols.append("triangle-right-open" if fuzzy else "triangle-right")
            else:  # open start: known until
                xs.append(noon(first_day(row)))
                symbols.append("triangle-left-open" if fuzzy else "triangle-left")
        traces.append(go.Scatter(
            x=xs, mode="markers",
            marker={
                "symbol": symbols, "size": 10 if packed else 15, "color": colour,
                "line": {"color": outline, "width": [max(w, 2) for w in outline_width]},
            },
            **common,
        ))

    ticks_x: list[datetime] = []
    ticks_y: list[int] = []
    ticks_custom: list[list[str]] = []
    ticks_hover: list[str] = []
    for row, y in zip(dated, positions, strict=True):
        if not row.conflicts:
            continue
        for report in row.event.reports:
            stated = report.stated_time
            if stated is None or stated.earliest is None or stated.earliest != stated.latest:
                continue
            ticks_x.append(noon(stated.earliest))
            ticks_y.append(y)
            ticks_custom.append([row.id, row.event.label, row.when])
            ticks_hover.append(f"a source gives {html.escape(describe_time(stated))}")
    if ticks_x:
        traces.append(go.Scatter(
            x=ticks_x, y=ticks_y, mode="markers", name=SOURCE_DATES,
            marker={"symbol": "line-ns-open", "size": 18, "color": CONFLICT_COLOUR, "line": {"width": 2}},
            customdata=ticks_custom, hovertext=ticks_hover, hovertemplate="%{hovertext}<extra></extra>",
        ))
    return traces


def light_traces(dated: Sequence[TimelineRow], positions: Sequence[int], colours: Mapping[str, str]) -> list[Any]:
    """Thousands of events, kept light for the browser: per kind one line trace for all its
    ranges (None-separated: one SVG path) and one marker trace per look (exact or fuzzy, disputed
    or not), so no per-point style arrays; ``customdata`` carries only the event id.

    SVG, not WebGL: without a GPU (headless, remote desktops, many laptops) WebGL is drawn in
    software and is slower than SVG at this size.
    """
    traces: list[Any] = []
    groups: dict[str, list[tuple[int, TimelineRow]]] = {}
    for row, y in zip(dated, positions, strict=True):
        groups.setdefault(row.event.kind, []).append((y, row))
    for kind, members in sorted(groups.items()):
        colour = colours[kind]
        lx: list[str | None] = []
        ly: list[int | None] = []
        for y, row in members:
            if row.start and row.end and row.start != row.end:
                lx += [row.start.isoformat(), (row.end + timedelta(days=1)).isoformat(), None]
                ly += [y, y, None]
        if lx:
            traces.append(go.Scatter(x=lx, y=ly, mode="lines", line={"color": colour, "width": 4},
                                     opacity=0.5, hoverinfo="skip", showlegend=False, legendgroup=kind,
                                     name=kind))
        looks: dict[tuple[bool, bool], list[tuple[int, TimelineRow]]] = {}
        for y, row in members:
            looks.setdefault((is_fuzzy(row.event.time), bool(row.conflicts)), []).append((y, row))
        shown = False
        for (fuzzy, disputed), some in sorted(looks.items()):
            traces.append(go.Scatter(
                x=[day_x(first_day(row)) for _, row in some],
                y=[y for y, _ in some], mode="markers", name=kind, legendgroup=kind, showlegend=not shown,
                # maxdisplayed: only the markers inside the axis range are put in the page
                marker={"symbol": "circle-open" if fuzzy else "circle", "size": 7, "color": colour,
                        "maxdisplayed": 10 * len(dated),
                        "line": {"color": CONFLICT_COLOUR if disputed else colour, "width": 2 if disputed else 1}},
                customdata=[[row.id] for _, row in some],  # the label and date are in the hover text
                hovertext=[short_hover(row) for _, row in some], hovertemplate="%{hovertext}<extra></extra>",
            ))
            shown = True
    return traces


def selected_traces(row: TimelineRow, y: int, *, light: bool) -> list[Any]:
    """The selected event, drawn over the others: a dark ring where it is, and a dark bar over
    its range when it has one."""
    traces: list[Any] = []
    custom = [[row.id, row.event.label, row.when]]
    if shape_of(row) == "bar" and row.start and row.end:
        traces.append(go.Scatter(
            x=[row.start.isoformat(), (row.end + timedelta(days=1)).isoformat()], y=[y, y], mode="lines",
            line={"color": SELECTED_COLOUR, "width": 3}, name=SELECTED, legendgroup=SELECTED, showlegend=False,
            hoverinfo="skip"))
        x: datetime | str = day_x(row.start) if light else middle(row)
    else:
        x = noon(first_day(row))
    traces.append(go.Scatter(
        x=[x], y=[y], mode="markers", name=SELECTED, legendgroup=SELECTED,
        marker={"symbol": "circle-open", "size": 20 if light else 26, "color": SELECTED_COLOUR,
                "line": {"width": 3, "color": SELECTED_COLOUR}},
        customdata=custom, hovertext=[hover(row)], hovertemplate="%{hovertext}<extra>selected</extra>",
    ))
    return traces


def histogram_traces(rows: Sequence[TimelineRow], colours: Mapping[str, str], *, xaxis: str = "x",
                     yaxis: str = "y2") -> list[go.Bar]:
    """Events per month by their earliest day, stacked by kind (a dated event counts once).

    Counted here, one bar per (kind, month), so the browser draws a few hundred bars instead of
    binning thousands of dates itself.
    """
    by_kind: dict[str, dict[date, int]] = {}
    for row in rows:
        first = row.start or row.end
        if first is not None:
            months = by_kind.setdefault(row.event.kind, {})
            month = first.replace(day=1)
            months[month] = months.get(month, 0) + 1
    traces = []
    for kind, counts in sorted(by_kind.items()):
        xs = sorted(counts)
        traces.append(go.Bar(
            x=[f"{m.isoformat()[:7]}-16" for m in xs], y=[counts[m] for m in xs], name=kind, legendgroup=kind,
            marker_color=colours.get(kind), showlegend=False, xaxis=xaxis, yaxis=yaxis,
            hovertemplate="%{x|%b %Y}: %{y} events<extra>" + html.escape(kind, quote=False) + "</extra>"))
    return traces


def years_figure(rows: Sequence[TimelineRow]) -> go.Figure:
    """A small static bar chart of dated events per year (by earliest day): the case at a glance."""
    years: dict[int, int] = {}
    for row in rows:
        first = row.start or row.end
        if first is not None:
            years[first.year] = years.get(first.year, 0) + 1
    xs = list(range(min(years), max(years) + 1)) if years else []
    fig = go.Figure(go.Bar(x=[str(x) for x in xs], y=[years.get(x, 0) for x in xs], marker_color="#7a8799",
                           hovertemplate="%{x}: %{y} events<extra></extra>"))
    fig.update_layout(height=110, margin={"l": 0, "r": 0, "t": 20, "b": 0}, bargap=0.15,
                      title={"text": "dated events per year", "font": {"size": 12, "color": "#666"}, "x": 0},
                      xaxis={"type": "category", "fixedrange": True, "tickfont": {"size": 10}},
                      yaxis={"visible": False, "fixedrange": True}, plot_bgcolor="rgba(0,0,0,0)")
    return fig
