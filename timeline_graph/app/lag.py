"""Report time beside event time: when each event happened (or each claim cluster first
appeared) against when each source reported it. Pure functions; no Streamlit.

>>> lag_points(CaseIndex(), [])
[]
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

import plotly.graph_objects as go

from ..model import Document, TimeValue
from ..timeline import TimelineRow
from .explore import CaseIndex

__all__ = ["LagPoint", "lag_figure", "lag_points"]

@dataclass(frozen=True)
class LagPoint:
    """One source reporting an item: when the item happened (or first appeared) and when this
    source was published."""

    item: str  # event id or claim cluster id
    kind: str  # "event" or "claim"
    label: str
    happened: date
    happened_to: date
    reported: date
    document: str
    document_title: str

    @property
    def lag_days(self) -> int:
        """Days from the latest possible day of the item to the report (never negative: a source
        published inside the item's range reports it as it happens)."""
        return max(0, (self.reported - self.happened_to).days)


def _published(doc: Document | None) -> date | None:
    t: TimeValue | None = doc.published if doc else None
    return t.earliest if t and t.earliest and t.earliest == t.latest else (t.earliest if t else None)


def lag_points(idx: CaseIndex, rows: Sequence[TimelineRow]) -> list[LagPoint]:
    """For every dated event, each reporting document with a known date; for every claim cluster,
    each appearance with a date (the cluster "happened" at its first appearance)."""
    out = []
    for row in rows:
        first = row.start or row.end
        if first is None:
            continue
        last = row.end or first
        for doc_id in row.documents:
            doc = idx.documents.get(doc_id)
            when = _published(doc)
            if doc and when:
                out.append(LagPoint(row.id, "event", row.event.label, first, last, when, doc_id, doc.label))
    for cluster, members in idx.clusters.items():
        dated = [(c, c.reported.earliest) for c in members if c.reported and c.reported.earliest]
        if not dated:
            continue
        origin = min(d for _, d in dated)
        for claim, when in dated:
            doc = idx.documents.get(claim.document)
            out.append(LagPoint(cluster, "claim", members[0].text, origin, origin, when, claim.document,
                                doc.label if doc else claim.document))
    return out


def _esc(text: str) -> str:
    """Plotly text is a small HTML subset: escape its markup, keep quotes (it shows ``&quot;`` as is)."""
    return html.escape(text, quote=False)


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12))


def lag_figure(points: Sequence[LagPoint]) -> go.Figure:
    """Happened (x) against reported (y): the diagonal is "reported the same day"; height above
    it is lag; a column of dots is one item repeated by many sources. ``customdata[0]`` is the
    event or cluster id."""
    fig = go.Figure()
    styles = {"event": ("circle", "#0072B2", "event (x: when it happened)"),
              "claim": ("diamond", "#E69F00", "claim cluster (x: its first appearance)")}
    for kind, (symbol, colour, name) in styles.items():
        mine = [p for p in points if p.kind == kind]
        if not mine:
            continue
        # an item that happened over a range: a line from its earliest to its latest day (error bars
        # are not drawn on date axes); one path for all of them
        lx: list[datetime | None] = []
        ly: list[datetime | None] = []
        for p in mine:
            if p.happened_to > p.happened:
                lx += [_noon(p.happened), _noon(p.happened_to), None]
                ly += [_noon(p.reported), _noon(p.reported), None]
        if lx:
            fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line={"color": colour, "width": 2}, opacity=0.45,
                                     hoverinfo="skip", showlegend=False, legendgroup=kind))
        fig.add_trace(go.Scatter(
            x=[_noon(p.happened) for p in mine], y=[_noon(p.reported) for p in mine], mode="markers", name=name,
            legendgroup=kind,
            marker={"symbol": symbol, "size": 10, "color": colour, "opacity": 0.75, "line": {"width": 1, "color": "white"}},
            customdata=[[p.item, p.kind, p.document] for p in mine],
            hovertext=[f"<b>{_esc(p.label[:80])}</b><br>reported by {_esc(p.document_title[:60])}"
                       f"<br>{p.reported.isoformat()}, {p.lag_days} days later" for p in mine],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    days = [d for p in points for d in (p.happened, p.reported)]
    if days:
        lo, hi = min(days), max(days)
        fig.add_trace(go.Scatter(x=[_noon(lo), _noon(hi)], y=[_noon(lo), _noon(hi)], mode="lines",
                                 name="reported the same day", hoverinfo="skip",
                                 line={"color": "#999", "dash": "dot", "width": 1}))
    fig.update_layout(height=520, margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      xaxis={"type": "date", "title": "when it happened"},
                      yaxis={"type": "date", "title": "when the source reported it"},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
                      clickmode="event+select")
    return fig
