"""What the app shows, as pure functions of the graph: figures, rows and escaped HTML.

Nothing here imports Streamlit, so every view is testable on its own. Document content (text,
titles, labels, names) is never trusted: :func:`safe_text` escapes it for HTML *and* for
Streamlit's Markdown (links, emphasis, ``$math$``, ``:emoji:``) before any markup is added.

>>> safe_text("<script>alert(1)</script>")
'&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;'
>>> counted(1, "entities"), counted(2, "events")
('1 entity', '2 events')
>>> passage_html("Police asked on June 16 for footage.", 16, 23, context=6)
'…on <mark class="tg-hit">June 16</mark> for…'
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from ..graph import (
    CASE,
    DOCUMENT_KIND,
    EVENT_KIND,
    KIND,
    claims,
    conflicts,
    documents,
    entities,
    events,
    record,
)
from ..model import Claim, Conflict, Document, Event, Span, TimeValue
from ..timeline import TimelineRow, describe_time

__all__ = [
    "CaseSummary",
    "ClaimView",
    "EventDetail",
    "Highlight",
    "ReportView",
    "case_summary",
    "counted",
    "document_highlights",
    "document_html",
    "document_table",
    "event_choices",
    "event_detail",
    "events_in_document",
    "is_kind",
    "kind_colours",
    "passage_html",
    "reflow",
    "safe_text",
    "selected_event_ids",
    "short",
    "timeline_figure",
    "undated_rows",
]

#: Characters of document text shown around a cited passage.
PASSAGE_CONTEXT = 220

#: Colours for event kinds, assigned in sorted order of kind (colour-blind safe, Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#8C6D31", "#56B4E9", "#F0E442", "#000000")
CONFLICT_COLOUR = "#C0392B"

# Markdown (and Streamlit's Markdown extensions: ``$math$``, ``:emoji:``, ``:red[...]``) gives
# meaning to these characters besides HTML's; as character references they are plain text to
# both the Markdown parser and the HTML parser. One pass, so no reference is escaped twice.
_SPECIAL = re.compile(r"[&<>\"'\\`*_\[\]{}()#+\-!|~$:=^]")
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def safe_text(value: object) -> str:
    """Text made inert for ``st.markdown(..., unsafe_allow_html=True)``: HTML and Markdown escaped."""
    text = str(value).replace("\r\n", "\n")
    escaped = _SPECIAL.sub(lambda m: _NAMED.get(m.group(), f"&#{ord(m.group())};"), text)
    return escaped.replace("\n", "<br>")


def counted(n: int, plural: str) -> str:
    """``"1 event"``, ``"2 events"``, ``"1 entity"``: a count with its noun."""
    if n == 1:
        plural = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    return f"{n} {plural}"


_LINE_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def reflow(text: str) -> str:
    """Single line breaks as spaces, as Markdown reads them; same length, so offsets still hold."""
    return _LINE_BREAK.sub(" ", text)


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


# ---------------------------------------------------------------------------------------------
# The case


@dataclass(frozen=True)
class CaseSummary:
    """A case's title, description and how many records of each kind it has."""

    title: str
    description: str
    counts: tuple[tuple[str, int], ...]


def case_summary(G: nx.MultiDiGraph) -> CaseSummary:
    """The title, description and record counts shown in the sidebar."""
    settings = G.graph.get(CASE, {})
    counts = (
        ("documents", sum(1 for _ in documents(G))),
        ("events", sum(1 for _ in events(G))),
        ("entities", sum(1 for _ in entities(G))),
        ("claims", sum(1 for _ in claims(G))),
        ("conflicts", sum(1 for _ in conflicts(G))),
    )
    return CaseSummary(str(settings.get("title") or "Untitled case"), str(settings.get("description") or ""), counts)


# ---------------------------------------------------------------------------------------------
# Timeline


def _kind_colours(rows: Iterable[TimelineRow]) -> dict[str, str]:
    kinds = sorted({row.event.kind for row in rows})
    return {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}


def _is_fuzzy(time_value: TimeValue | None) -> bool:
    return time_value is not None and (time_value.approximate or time_value.uncertain)


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12))


def _hover(row: TimelineRow) -> str:
    lines = [f"<b>{html.escape(short(row.event.label, 80), quote=False)}</b>", html.escape(row.when, quote=False)]
    sources = len(row.documents)
    lines.append(f"{sources} source{'s' if sources != 1 else ''}")
    if row.conflicts:
        lines.append("⚠ sources disagree")
    return "<br>".join(lines)


def undated_rows(rows: Sequence[TimelineRow]) -> list[TimelineRow]:
    """The rows that cannot be placed on a time axis (no bound known)."""
    return [row for row in rows if row.start is None and row.end is None]


#: Up to this many dated events get a line each, labelled; more are packed into lanes per kind.
MAX_LABELLED_ROWS = 40
#: Past this many dated events the chart is drawn light, in WebGL: markers at each event's earliest day,
#: ranges as plain lines behind them, few traces, no per-point styles.
GL_THRESHOLD = 800


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


def kind_colours(rows: Iterable[TimelineRow]) -> dict[str, str]:
    """A colour per event kind, assigned in sorted order (pass all rows, so filtering keeps them)."""
    return _kind_colours(rows)


def timeline_figure(rows: Sequence[TimelineRow], lanes: Mapping[str, str] | None = None, *,
                    colours: Mapping[str, str] | None = None, rangeslider: bool = True) -> go.Figure:
    """A time axis with one line per dated event; ``customdata[0]`` of every point is the event id.

    An exact day is a marker; a longer or vaguer time (month, season, year, interval) is a bar
    from its earliest day to the end of its latest day. Approximate or uncertain times are
    hatched and lighter (bars) or hollow (markers); events whose sources disagree get a red
    outline, and the dates each source gives are drawn as small ticks on the event's line.
    Past :data:`MAX_LABELLED_ROWS` events, or when ``lanes`` (event id -> lane) are given,
    lines become packed lanes. Past :data:`GL_THRESHOLD` events the chart is drawn light (see
    :func:`_large_figure`): a marker at each event's earliest day, its range as a line behind it.
    """
    dated = [row for row in rows if row.start is not None or row.end is not None]
    colours = dict(colours) if colours else _kind_colours(dated)
    for kind in {row.event.kind for row in dated} - set(colours):
        colours[kind] = PALETTE[len(colours) % len(PALETTE)]
    positions, tickvals, ticktext = _positions(dated, lanes)
    packed = lanes is not None or len(dated) > MAX_LABELLED_ROWS
    if len(dated) > GL_THRESHOLD:
        fig = _large_figure(dated, positions, colours)
        _layout(fig, positions, tickvals, ticktext, packed=True, rangeslider=rangeslider)
        return fig
    fig = go.Figure()
    # One trace per (kind, shape, fuzziness), so the legend reads "request", "request (approximate)".
    groups: dict[tuple[str, str, bool], list[tuple[int, TimelineRow]]] = {}
    for row, y in zip(dated, positions, strict=True):
        t = row.event.time
        if row.start is not None and row.end is not None and row.start != row.end:
            shape = "bar"
        elif row.start is not None and row.end is not None:
            shape = "day"
        else:
            shape = "open"
        groups.setdefault((row.event.kind, shape, _is_fuzzy(t)), []).append((y, row))

    in_legend: set[str] = set()
    for (kind, shape, fuzzy), members in sorted(groups.items()):
        colour = colours[kind]
        ys = [y for y, _ in members]
        custom = [[row.id, row.event.label, row.when] for _, row in members]
        hover = [_hover(row) for _, row in members]
        first_of_kind = kind not in in_legend
        in_legend.add(kind)
        outline = [CONFLICT_COLOUR if row.conflicts else colour for _, row in members]
        outline_width = [3 if row.conflicts else 1 for _, row in members]
        common: dict[str, Any] = {
            # one legend entry per kind; clicking it hides every shape of that kind
            "name": kind, "legendgroup": kind, "showlegend": first_of_kind,
            "y": ys, "customdata": custom,
            "hovertext": hover, "hovertemplate": "%{hovertext}<extra></extra>",
        }
        if shape == "bar":
            spans = [(row.start, row.end) for _, row in members if row.start and row.end]
            fig.add_trace(go.Bar(
                orientation="h",
                base=[start.isoformat() for start, _ in spans],
                # a bar covers its latest day too: from the start of earliest to the end of latest
                x=[((end - start).days + 1) * 86_400_000 for start, end in spans],
                width=0.55,
                marker={
                    "color": colour,
                    "opacity": 0.45 if fuzzy else 0.9,
                    "pattern": {"shape": "/" if fuzzy else "", "fgcolor": colour, "solidity": 0.3},
                    "line": {"color": outline, "width": outline_width},
                },
                **common,
            ))
        else:
            xs = []
            symbols = []
            for _, row in members:
                if shape == "day":
                    assert row.start is not None
                    xs.append(_noon(row.start))
                    symbols.append("circle-open" if fuzzy else "circle")
                elif row.start is not None:  # open end: known from
                    xs.append(_noon(row.start))
                    symbols.append("triangle-right-open" if fuzzy else "triangle-right")
                else:  # open start: known until
                    assert row.end is not None
                    xs.append(_noon(row.end))
                    symbols.append("triangle-left-open" if fuzzy else "triangle-left")
            fig.add_trace(go.Scatter(
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
            ticks_x.append(_noon(stated.earliest))
            ticks_y.append(y)
            ticks_custom.append([row.id, row.event.label, row.when])
            ticks_hover.append(f"a source gives {html.escape(describe_time(stated))}")
    if ticks_x:
        fig.add_trace(go.Scatter(
            x=ticks_x, y=ticks_y, mode="markers", name="date given by one source",
            marker={"symbol": "line-ns-open", "size": 18, "color": CONFLICT_COLOUR, "line": {"width": 2}},
            customdata=ticks_custom, hovertext=ticks_hover, hovertemplate="%{hovertext}<extra></extra>",
        ))

    _layout(fig, positions, tickvals, ticktext, packed=packed, rangeslider=rangeslider)
    return fig


def _layout(fig: go.Figure, positions: Sequence[int], tickvals: list[int], ticktext: list[str], *,
            packed: bool, rangeslider: bool) -> None:
    lines = max(positions, default=0) + 1
    per_line = 36 if not packed else (22 if lines < 30 else max(6, 660 // lines))
    fig.update_layout(
        barmode="overlay",
        height=max(320, 110 + per_line * lines) + (60 if rangeslider else 0),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0,
                "title": {"text": "kind "}},
        hoverlabel={"align": "left"},
        clickmode="event+select",
        dragmode="pan",
        xaxis={"type": "date", "showgrid": True, "title": None,
               "rangeslider": {"visible": rangeslider, "thickness": 0.07}},
        yaxis={
            "tickmode": "array", "tickvals": tickvals, "ticktext": ticktext,
            "range": [lines - 0.4, -0.6], "showgrid": False, "title": None, "fixedrange": True,
        },
    )


def _first_day(row: TimelineRow) -> date:
    day = row.start or row.end
    assert day is not None, "only dated rows are drawn"
    return day


def _day_x(day: date) -> str:
    """Noon of ``day`` as a short Plotly date string (keeps markers mid-day, like :func:`_noon`)."""
    return f"{day.isoformat()} 12"


def _short_hover(row: TimelineRow) -> str:
    """The hover text of one event among thousands: a short label and when, escaped."""
    tail = " ⚠" if row.conflicts else ""
    return f"{html.escape(short(row.event.label, 60), quote=False)}<br>{html.escape(row.when, quote=False)}{tail}"


def _large_figure(dated: Sequence[TimelineRow], positions: Sequence[int], colours: Mapping[str, str]) -> go.Figure:
    """Thousands of events in WebGL, kept light for the browser: per kind one line trace for all
    its ranges (None-separated) and one marker trace per look (exact or fuzzy, disputed or not),
    so no per-point style arrays; ``customdata`` carries only the event id, hover text is short.

    WebGL, not SVG: the range slider re-draws every SVG trace (thousands of styled markers a
    second time) but skips WebGL ones, which keeps it cheap.
    """
    fig = go.Figure()
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
            fig.add_trace(go.Scattergl(x=lx, y=ly, mode="lines", line={"color": colour, "width": 4},
                                     opacity=0.5, hoverinfo="skip", showlegend=False, legendgroup=kind,
                                     name=kind))
        looks: dict[tuple[bool, bool], list[tuple[int, TimelineRow]]] = {}
        for y, row in members:
            looks.setdefault((_is_fuzzy(row.event.time), bool(row.conflicts)), []).append((y, row))
        shown = False
        for (fuzzy, disputed), some in sorted(looks.items()):
            fig.add_trace(go.Scattergl(
                x=[_day_x(_first_day(row)) for _, row in some],
                y=[y for y, _ in some], mode="markers", name=kind, legendgroup=kind, showlegend=not shown,
                marker={"symbol": "circle-open" if fuzzy else "circle", "size": 7, "color": colour,
                        "line": {"color": CONFLICT_COLOUR if disputed else colour, "width": 2 if disputed else 1}},
                customdata=[[row.id] for _, row in some],  # the label and date are in the hover text
                hovertext=[_short_hover(row) for _, row in some], hovertemplate="%{hovertext}<extra></extra>",
            ))
            shown = True
    return fig


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


def event_choices(rows: Sequence[TimelineRow]) -> dict[str, str]:
    """Event id -> "label · when in words", in timeline order (for a selectbox)."""
    return {row.id: f"{short(row.event.label, 50)} · {row.when}" for row in rows}


# ---------------------------------------------------------------------------------------------
# Passages


def passage_html(text: str, start: int, end: int, *, context: int = PASSAGE_CONTEXT) -> str:
    """``text[start:end]`` highlighted in ``<mark>``, with up to ``context`` characters around it.

    The context is cut at a word boundary and marked with an ellipsis where text was left out.
    Everything is escaped with :func:`safe_text`; the ``<mark>`` is the only markup.
    """
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    text = reflow(text)  # a passage reads as prose; paragraph breaks stay
    before = ("…" if lo > 0 else "") + safe_text(text[lo:start].lstrip("\n"))
    after = safe_text(text[end:hi].rstrip("\n")) + ("…" if hi < len(text) else "")
    return f'{before}<mark class="tg-hit">{safe_text(text[start:end])}</mark>{after}'


# The only links document HTML may carry: the app's own query strings over ids and fixed words.
_LINK = re.compile(r"\?page=[a-z]+(&[a-z]+=[A-Za-z0-9_-]+)*")


@dataclass(frozen=True)
class Highlight:
    """A stretch of a document to mark, with a tooltip; ``current`` marks the selected event."""

    start: int
    end: int
    title: str
    current: bool = False
    kind: str = "event"  # event, claim, entity or citation: each is drawn differently
    link: str | None = None  # a query string of the app ("?page=...") that opens the item


def document_html(text: str, highlights: Iterable[Highlight], *, reflow_lines: bool = False) -> str:
    """A whole document, escaped, with every highlight in ``<mark>`` (overlaps are merged).

    Passages (events, claims, citations) are merged into flat marks; entity mentions are marked
    inside them, so a passage stays one mark however many names it holds. A mark with a link is
    wrapped in ``<a>``; a mention inside a linked passage keeps its tooltip but not its link
    (links cannot nest). With ``reflow_lines`` single line breaks become spaces (for Markdown and
    HTML sources, whose hard-wrapped lines are not meant as breaks).
    """
    if reflow_lines:
        text = reflow(text)
    marks = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    outer = [h for h in marks if h.kind != "entity"]
    inner = [h for h in marks if h.kind == "entity"]
    cuts = sorted({0, len(text), *(h.start for h in outer), *(h.end for h in outer)})
    parts = []
    for lo, hi in itertools.pairwise(cuts):
        covering = [h for h in outer if h.start <= lo and hi <= h.end]
        linked = None
        if covering:
            # the innermost (shortest) covering item gives the look and the link
            first = min(covering, key=lambda h: (h.end - h.start, h.kind != "event"))
            linked = first.link if first.link and _LINK.fullmatch(first.link) else None
        piece = _marked(text, lo, hi, inner, links=linked is None)
        if covering:
            cls = "tg-hit tg-current" if any(h.current for h in covering) else "tg-hit"
            if first.kind != "event":
                cls += f" tg-{first.kind}"
            title = safe_text("; ".join(dict.fromkeys(h.title for h in covering)))
            piece = _wrap(f'<mark class="{cls}" title="{title}">{piece}</mark>', linked)
        parts.append(piece)
    return "".join(parts)


def _wrap(markup: str, link: str | None) -> str:
    if not link:
        return markup
    return f'<a class="tg-item" href="{link.replace("&", "&amp;")}" target="_self">{markup}</a>'


def _marked(text: str, lo: int, hi: int, marks: Sequence[Highlight], *, links: bool) -> str:
    """``text[lo:hi]`` escaped, with the (entity) marks that fall in it, clipped to it."""
    mine = [h for h in marks if h.start < hi and lo < h.end]
    if not mine:
        return safe_text(text[lo:hi])
    cuts = sorted({lo, hi, *(max(lo, h.start) for h in mine), *(min(hi, h.end) for h in mine)})
    parts = []
    for a, b in itertools.pairwise(cuts):
        covering = [h for h in mine if h.start <= a and b <= h.end]
        piece = safe_text(text[a:b])
        if covering:
            title = safe_text("; ".join(dict.fromkeys(h.title for h in covering)))
            link = covering[0].link if links and covering[0].link and _LINK.fullmatch(covering[0].link) else None
            piece = _wrap(f'<mark class="tg-hit tg-entity" title="{title}">{piece}</mark>', link)
        parts.append(piece)
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Event details


@dataclass(frozen=True)
class ReportView:
    """One document reporting the event: who published it, the date it gives, its words."""

    document: str  # document id
    title: str
    publisher: str | None
    published: str | None  # in words
    stated: str | None  # the time this document gives, in words
    passage: str  # escaped HTML with the cited words in <mark>
    exact: str


@dataclass(frozen=True)
class ClaimView:
    """A claim shown beside an event."""

    id: str
    text: str
    claimant: str  # a name, or "the document itself"
    reported: str | None  # when the reporting document says it, in words
    document: str
    document_title: str
    passage: str  # escaped HTML
    cluster: str | None = None


@dataclass(frozen=True)
class EventDetail:
    """Everything the details panel shows for one event."""

    event: Event
    when: str
    participants: tuple[tuple[str, str], ...]  # (name, role)
    place: str | None
    reports: tuple[ReportView, ...]
    claims: tuple[ClaimView, ...]
    conflicts: tuple[Conflict, ...]


def _name(G: nx.MultiDiGraph, entity_id: str | None) -> str | None:
    if entity_id is None or entity_id not in G:
        return None
    return str(getattr(record(G, entity_id), "name", entity_id))


def is_kind(G: nx.MultiDiGraph, node_id: object, kind: str) -> bool:
    """Whether ``node_id`` is a node of this kind (by the node's kind attribute).

    Never ``isinstance`` on records: when Streamlit reloads edited modules, records cached with
    the graph belong to the old classes.
    """
    return isinstance(node_id, str) and node_id in G and G.nodes[node_id].get(KIND) == kind


def _document(G: nx.MultiDiGraph, document_id: str) -> Document | None:
    return record(G, document_id) if is_kind(G, document_id, DOCUMENT_KIND) else None


#: How far (in characters) from an event's passage a claim in the same document counts as related.
RELATED_WINDOW = 600


def _related_claims(G: nx.MultiDiGraph, event: Event, candidates: Iterable[Claim] | None = None) -> list[Claim]:
    """Claims by or about a participant, or near one of the event's passages in the same document
    (among ``candidates`` when given: a superset found through an index, else every claim)."""
    people = {p.entity for p in event.participants}
    near: dict[str, list[tuple[int, int]]] = {}
    for report in event.reports:
        near.setdefault(report.document, []).append(
            (report.span.start - RELATED_WINDOW, report.span.end + RELATED_WINDOW))
    found = []
    for claim in {c.id: c for c in candidates}.values() if candidates is not None else claims(G):
        by_or_about = claim.claimant in people or bool(people.intersection(claim.about))
        close = any(lo <= claim.span.end and claim.span.start <= hi for lo, hi in near.get(claim.document, ()))
        if by_or_about or close:
            found.append(claim)
    return sorted(found, key=lambda c: (c.reported.sort_key() if c.reported else (date.max, date.max, ""),
                                        c.document, c.span.start))


def event_detail(G: nx.MultiDiGraph, event_id: str, *, candidates: Iterable[Claim] | None = None,
                 ) -> EventDetail | None:
    """The details panel of one event, or None if the graph has no such event.

    ``candidates``: the claims that may relate to it (by or about its participants, or in its
    reporting documents), from an index, so the whole case is not scanned; default every claim.
    """
    if not is_kind(G, event_id, EVENT_KIND):
        return None
    event: Event = record(G, event_id)
    participants = tuple((_name(G, p.entity) or p.entity, p.role) for p in event.participants)
    reports = []
    for report in event.reports:
        doc = _document(G, report.document)
        if doc is None:
            passage = f'<mark class="tg-hit">{safe_text(report.span.exact)}</mark>'
            reports.append(ReportView(report.document, report.document, None, None,
                                      describe_time(report.stated_time) if report.stated_time else None,
                                      passage, report.span.exact))
            continue
        reports.append(ReportView(
            document=doc.id, title=doc.label, publisher=doc.publisher,
            published=describe_time(doc.published) if doc.published else None,
            stated=describe_time(report.stated_time) if report.stated_time else None,
            passage=passage_html(doc.text, report.span.start, report.span.end),
            exact=report.span.exact,
        ))
    claim_views = []
    for claim in _related_claims(G, event, candidates):
        doc = _document(G, claim.document)
        claim_views.append(ClaimView(
            id=claim.id, text=claim.text, cluster=claim.cluster,
            claimant=_name(G, claim.claimant) or claim.claimant_name or "the document itself",
            reported=describe_time(claim.reported) if claim.reported else None,
            document=claim.document, document_title=doc.label if doc else claim.document,
            passage=passage_html(doc.text, claim.span.start, claim.span.end, context=80) if doc
            else f'<mark class="tg-hit">{safe_text(claim.span.exact)}</mark>',
        ))
    found_conflicts = tuple(c for c in conflicts(G) if event.id in c.items)
    return EventDetail(
        event=event, when=describe_time(event.time), participants=participants,
        place=_name(G, event.place), reports=tuple(reports), claims=tuple(claim_views),
        conflicts=found_conflicts,
    )


# ---------------------------------------------------------------------------------------------
# Documents


def document_table(G: nx.MultiDiGraph) -> list[dict[str, str]]:
    """One row per document (title, publisher, date, source, sha256, id), ordered by title."""
    rows = []
    for doc in documents(G):
        rows.append({
            "title": doc.label,
            "publisher": doc.publisher or "",
            "published": describe_time(doc.published) if doc.published else "date unknown",
            "source": doc.url or doc.source,
            "sha256": doc.sha256,
            "id": doc.id,
        })
    return sorted(rows, key=lambda r: (r["title"].casefold(), r["id"]))


def events_in_document(G: nx.MultiDiGraph, document_id: str) -> list[tuple[Event, Span]]:
    """Every event report in one document, as (event, span), in text order."""
    found = [(event, report.span) for event in events(G) for report in event.reports
             if report.document == document_id]
    return sorted(found, key=lambda pair: (pair[1].start, pair[1].end, pair[0].id))


def document_highlights(G: nx.MultiDiGraph, document_id: str, *, current: str | None = None) -> list[Highlight]:
    """The event spans of a document to highlight; those of event ``current`` stand out."""
    return [Highlight(span.start, span.end, f"{event.label} ({describe_time(event.time)})", event.id == current)
            for event, span in events_in_document(G, document_id)]
