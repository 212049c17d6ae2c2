"""Views for exploring a case beyond one event: filters, lanes, report lag, claim traces,
conflicts, entities, networks and story order. Pure functions of the graph; no Streamlit.

Every label that comes from a document is returned raw here and escaped where it is drawn
(:func:`timeline_graph.app.views.safe_text` for HTML, :func:`dot_quote` for Graphviz,
``html.escape`` for Plotly hover text).

>>> Filters(text="camera", conflict="yes").to_params()
{'q': 'camera', 'disputed': 'yes'}
>>> Filters.from_params({'q': 'camera', 'from': '2020-01-01', 'to': 'nonsense'}).start
datetime.date(2020, 1, 1)
>>> step(["a", "b", "c"], "b", 1), step(["a", "b", "c"], "c", 1), step(["a", "b", "c"], None, 1)
('c', None, 'a')
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from ..graph import (
    CITATION_KIND,
    CLAIM_KIND,
    CONFLICT_KIND,
    DOCUMENT_KIND,
    ENTITY_KIND,
    EVENT_KIND,
    KIND,
    RECORD,
)
from ..model import Citation, Claim, Conflict, Document, Entity, Event, TimeValue
from ..timeline import TimelineRow, describe_time
from .views import Highlight

__all__ = [
    "LANES",
    "Appearance",
    "CaseIndex",
    "ClusterSummary",
    "ClusterTrace",
    "ConflictView",
    "EntityView",
    "Filters",
    "Item",
    "LagPoint",
    "case_index",
    "cluster_dot",
    "cluster_trace",
    "conflict_views",
    "document_items",
    "dot_quote",
    "entity_view",
    "filter_rows",
    "histogram_figure",
    "item_link",
    "lag_figure",
    "lag_points",
    "lanes",
    "neighbourhood",
    "network_figure",
    "related_claim_candidates",
    "search_clusters",
    "step",
]

# ---------------------------------------------------------------------------------------------
# An index of the case, built once per graph (the app caches it)


@dataclass(frozen=True)
class Item:
    """Any node, named for people: its id, kind and a short label."""

    id: str
    kind: str
    label: str


@dataclass
class CaseIndex:
    """Lookups the pages need again and again, computed in one pass over the graph."""

    documents: dict[str, Document] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    citations: dict[str, Citation] = field(default_factory=dict)
    conflicts: dict[str, Conflict] = field(default_factory=dict)
    #: cluster id -> its claims, earliest reported first
    clusters: dict[str, list[Claim]] = field(default_factory=dict)
    #: event id -> entity ids taking part (participants and place)
    event_entities: dict[str, frozenset[str]] = field(default_factory=dict)
    #: event id -> lower-cased words to search (label, kind, participants, cited words)
    event_text: dict[str, str] = field(default_factory=dict)
    #: item id -> ids of the conflicts that involve it
    conflicts_of: dict[str, list[str]] = field(default_factory=dict)
    #: entity id -> ids of claims by or about it
    entity_claims: dict[str, list[str]] = field(default_factory=dict)
    #: document id -> ids of citations made in it
    citations_in: dict[str, list[str]] = field(default_factory=dict)
    #: document id -> ids of claims made in it
    claims_in: dict[str, list[str]] = field(default_factory=dict)

    def publisher(self, document_id: str) -> str:
        """The document's publisher, or "" when unknown or not a document of the case."""
        doc = self.documents.get(document_id)
        return (doc.publisher or "") if doc else ""

    def name(self, node_id: str | None) -> str | None:
        """A short human name for any node id, None for None or an unknown id."""
        if node_id is None:
            return None
        for table, attr in ((self.entities, "name"), (self.events, "label"), (self.documents, "label"),
                            (self.claims, "text"), (self.citations, "cites_label"),
                            (self.conflicts, "explanation")):
            found = table.get(node_id)
            if found is not None:
                return str(getattr(found, attr))
        return None

    def item(self, node_id: str) -> Item:
        """The node as an :class:`Item` (kind "unknown" when the id is not in the case)."""
        for table, kind in ((self.events, EVENT_KIND), (self.entities, ENTITY_KIND),
                            (self.documents, DOCUMENT_KIND), (self.claims, CLAIM_KIND),
                            (self.citations, CITATION_KIND), (self.conflicts, CONFLICT_KIND)):
            if node_id in table:
                return Item(node_id, kind, self.name(node_id) or node_id)
        return Item(node_id, "unknown", node_id)


def _reported_key(claim: Claim) -> tuple[date, date, str, str, int]:
    key = claim.reported.sort_key() if claim.reported else (date.max, date.max, "")
    return (key[0], key[1], claim.document, claim.id, claim.span.start)


def case_index(G: nx.MultiDiGraph) -> CaseIndex:
    """One pass over the graph's nodes (by their kind attribute, never by class)."""
    idx = CaseIndex()
    tables: dict[str, dict[str, Any]] = {
        DOCUMENT_KIND: idx.documents, ENTITY_KIND: idx.entities, EVENT_KIND: idx.events,
        CLAIM_KIND: idx.claims, CITATION_KIND: idx.citations, CONFLICT_KIND: idx.conflicts,
    }
    for node_id in sorted(G.nodes):
        data = G.nodes[node_id]
        table = tables.get(data.get(KIND))
        if table is not None:
            table[node_id] = data[RECORD]
    for conflict in idx.conflicts.values():
        for item in (*conflict.items, *conflict.documents):
            idx.conflicts_of.setdefault(item, []).append(conflict.id)
    for claim in sorted(idx.claims.values(), key=_reported_key):
        idx.clusters.setdefault(claim.cluster or claim.id, []).append(claim)
        idx.claims_in.setdefault(claim.document, []).append(claim.id)
        for entity in dict.fromkeys((claim.claimant, *claim.about)):
            if entity:
                idx.entity_claims.setdefault(entity, []).append(claim.id)
    for citation in idx.citations.values():
        idx.citations_in.setdefault(citation.document, []).append(citation.id)
    for event in idx.events.values():
        ids = [p.entity for p in event.participants] + ([event.place] if event.place else [])
        idx.event_entities[event.id] = frozenset(ids)
        words = [event.label, event.kind, *(idx.name(i) or "" for i in ids),
                 *(r.span.exact for r in event.reports)]
        idx.event_text[event.id] = " ".join(words).casefold()
    return idx


def related_claim_candidates(idx: CaseIndex, event: Event) -> list[Claim]:
    """Claims by or about the event's participants or made in its reporting documents: every
    claim :func:`views.event_detail` may relate to it, found through the index."""
    ids: dict[str, None] = {}
    for p in event.participants:
        ids.update(dict.fromkeys(idx.entity_claims.get(p.entity, ())))
    for report in event.reports:
        ids.update(dict.fromkeys(idx.claims_in.get(report.document, ())))
    return [idx.claims[i] for i in ids if i in idx.claims]


# ---------------------------------------------------------------------------------------------
# Filters and lanes

_PARAM_NAMES = {"text": "q", "entity": "who", "document": "source", "publisher": "publisher",
                "start": "from", "end": "to", "conflict": "disputed"}
#: Conflict filter values: every event, disputed only, undisputed only.
CONFLICT_CHOICES = ("all", "yes", "no")


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Filters:
    """What narrows the timeline; the empty value shows every event."""

    text: str = ""
    entity: str | None = None
    document: str | None = None
    publisher: str | None = None
    start: date | None = None
    end: date | None = None
    conflict: str = "all"  # one of CONFLICT_CHOICES

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return self != Filters()

    def to_params(self) -> dict[str, str]:
        """The URL query parameters of the filters that are set."""
        out = {}
        for name, param in _PARAM_NAMES.items():
            value = getattr(self, name)
            if value and value != "all":
                out[param] = value.isoformat() if isinstance(value, date) else str(value)
        if "disputed" in out:
            out["disputed"] = "yes" if self.conflict == "yes" else "no"
        return out

    @classmethod
    def from_params(cls, params: Mapping[str, str], *, valid: Iterable[str] | None = None) -> Filters:
        """Filters from URL query parameters; unknown ids (when ``valid`` is given) and bad dates are dropped."""
        known = set(valid) if valid is not None else None

        def node(param: str) -> str | None:
            value = params.get(param) or None
            return value if value and (known is None or value in known) else None

        conflict = params.get("disputed", "all")
        return cls(
            text=str(params.get("q", ""))[:200], entity=node("who"), document=node("source"),
            publisher=params.get("publisher") or None, start=_day(params.get("from")),
            end=_day(params.get("to")), conflict=conflict if conflict in CONFLICT_CHOICES else "all",
        )


def filter_rows(idx: CaseIndex, rows: Sequence[TimelineRow], filters: Filters) -> list[TimelineRow]:
    """The rows that pass every filter, in the same order.

    A date range keeps events whose bounds overlap it (an undated event never does); the text
    filter matches every word, case-insensitively, in the label, kind, names and cited words.
    """
    if not filters.active:
        return list(rows)
    words = filters.text.casefold().split()
    out = []
    for row in rows:
        if filters.entity and filters.entity not in idx.event_entities.get(row.id, ()):
            continue
        if filters.document and filters.document not in row.documents:
            continue
        if filters.publisher and filters.publisher not in {idx.publisher(d) for d in row.documents}:
            continue
        if (filters.conflict == "yes" and not row.conflicts) or (filters.conflict == "no" and row.conflicts):
            continue
        if filters.start or filters.end:
            if row.start is None and row.end is None:
                continue
            if filters.start and (row.end or row.start or date.max) < filters.start:
                continue
            if filters.end and (row.start or row.end or date.min) > filters.end:
                continue
        if words:
            haystack = idx.event_text.get(row.id, row.event.label.casefold())
            if not all(w in haystack for w in words):
                continue
        out.append(row)
    return out


#: At most this many lanes are drawn; the rest share one lane named "others".
MAX_LANES = 24
#: How lanes can be chosen: lane name -> what it groups by.
LANES = {"kind": "kind of event", "actor": "actor", "document": "reporting document", "topic": "topic"}
NO_ACTOR = "no actor named"


def lanes(idx: CaseIndex, rows: Sequence[TimelineRow], by: str) -> dict[str, str]:
    """Event id -> the lane it goes in: by ``kind``, first ``actor`` (agents first), first
    reporting ``document``, or ``topic`` (its place, else the first participant that is not an
    agent, else its kind). Past :data:`MAX_LANES` the smallest lanes share one."""
    out: dict[str, str] = {}
    for row in rows:
        event = row.event
        if by == "actor":
            people = sorted(event.participants, key=lambda p: (p.role != "agent", p.role))
            names = [idx.name(p.entity) for p in people if p.entity in idx.entities]
            out[row.id] = names[0] if names and names[0] else NO_ACTOR
        elif by == "document":
            doc = idx.documents.get(row.documents[0]) if row.documents else None
            out[row.id] = doc.label if doc else (row.documents[0] if row.documents else "no document")
        elif by == "topic":
            out[row.id] = _topic(idx, event)
        else:
            out[row.id] = event.kind
    sizes: dict[str, int] = {}
    for name in out.values():
        sizes[name] = sizes.get(name, 0) + 1
    if len(sizes) > MAX_LANES:
        keep = set(sorted(sizes, key=lambda n: (-sizes[n], n))[: MAX_LANES - 1])
        rest = len(sizes) - len(keep)
        out = {k: v if v in keep else f"~ {rest} others" for k, v in out.items()}
    return out


def _topic(idx: CaseIndex, event: Event) -> str:
    """The place, else the non-agent participant, else the kind: what the event is about."""
    if event.place and event.place in idx.entities:
        return idx.entities[event.place].name
    others = [p.entity for p in event.participants if p.role != "agent" and p.entity in idx.entities]
    if others:
        return idx.entities[others[0]].name
    return event.kind


def step(order: Sequence[str], current: str | None, delta: int) -> str | None:
    """The id ``delta`` places from ``current`` in ``order`` (the first one when nothing is
    current), or None past either end."""
    if not order:
        return None
    if current is None or current not in order:
        return order[0] if delta > 0 else order[-1]
    i = list(order).index(current) + delta
    return order[i] if 0 <= i < len(order) else None


def histogram_figure(rows: Sequence[TimelineRow], colours: Mapping[str, str]) -> go.Figure:
    """Events per month by their earliest day, stacked by kind (a dated event counts once).

    Counted here, one bar per (kind, month), so the browser draws a few hundred bars instead of
    binning thousands of dates itself.
    """
    fig = go.Figure()
    by_kind: dict[str, dict[date, int]] = {}
    for row in rows:
        first = row.start or row.end
        if first is not None:
            months = by_kind.setdefault(row.event.kind, {})
            month = first.replace(day=1)
            months[month] = months.get(month, 0) + 1
    for kind, counts in sorted(by_kind.items()):
        xs = sorted(counts)
        fig.add_trace(go.Bar(x=[f"{m.isoformat()[:7]}-16" for m in xs], y=[counts[m] for m in xs], name=kind,
                             marker_color=colours.get(kind), showlegend=False,
                             hovertemplate="%{x|%b %Y}: %{y} events<extra>" + _esc(kind) + "</extra>"))
    fig.update_layout(barmode="stack", height=150, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      xaxis={"type": "date"}, yaxis={"title": None, "fixedrange": True}, bargap=0.05)
    return fig


# ---------------------------------------------------------------------------------------------
# Report time beside event time


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
        fig.add_trace(go.Scatter(
            x=[_noon(p.happened) for p in mine], y=[_noon(p.reported) for p in mine], mode="markers", name=name,
            marker={"symbol": symbol, "size": 10, "color": colour, "opacity": 0.75, "line": {"width": 1, "color": "white"}},
            error_x={"type": "data", "symmetric": False, "array": [(p.happened_to - p.happened).days * 86_400_000 for p in mine],
                     "arrayminus": [0] * len(mine), "thickness": 1.5, "width": 0, "color": colour},
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


# ---------------------------------------------------------------------------------------------
# Claims: clusters, traces, conflicts


@dataclass(frozen=True)
class ClusterSummary:
    """One claim cluster in a search result."""

    id: str
    text: str
    appearances: int
    documents: int
    first: str  # when first reported, in words


def search_clusters(idx: CaseIndex, query: str = "") -> list[ClusterSummary]:
    """Clusters with a claim (text, quote or claimant) matching every word of ``query``; most
    repeated first, then earliest."""
    words = query.casefold().split()
    out = []
    for cluster, members in idx.clusters.items():
        if words:
            hay = " ".join(f"{c.text} {c.quote or ''} {c.claimant_name or ''} {idx.name(c.claimant) or ''}"
                           for c in members).casefold()
            if not all(w in hay for w in words):
                continue
        first = members[0]
        out.append(ClusterSummary(cluster, first.text, len(members), len({c.document for c in members}),
                                  describe_time(first.reported) if first.reported else "date unknown"))
    out.sort(key=lambda s: (-s.appearances, _reported_key(idx.clusters[s.id][0]), s.id))
    return out


@dataclass(frozen=True)
class Appearance:
    """One claim of a cluster: who said it where and when, and what that document cites."""

    claim: Claim
    role: str  # "first said" or "repeated"
    claimant: str
    document: str
    document_title: str
    publisher: str
    reported: str
    cites: tuple[Item, ...]  # what the document cites (documents of the case, entities, labels)


@dataclass(frozen=True)
class ClusterTrace:
    """A claim cluster followed through the case."""

    id: str
    text: str
    appearances: tuple[Appearance, ...]
    conflicts: tuple[Conflict, ...]


def cluster_trace(idx: CaseIndex, cluster: str) -> ClusterTrace | None:
    """The cluster's appearances in report order, each with its claimant and its citations."""
    members = idx.clusters.get(cluster)
    if not members:
        return None
    apps = []
    for i, claim in enumerate(members):
        doc = idx.documents.get(claim.document)
        cites = []
        for cit_id in idx.citations_in.get(claim.document, ()):
            cit = idx.citations[cit_id]
            target = cit.cites_document or cit.cites_entity
            cites.append(idx.item(target) if target else Item(cit.id, "label", cit.cites_label))
        apps.append(Appearance(
            claim=claim, role="first said" if i == 0 else "repeated",
            claimant=idx.name(claim.claimant) or claim.claimant_name or "the document itself",
            document=claim.document, document_title=doc.label if doc else claim.document,
            publisher=(doc.publisher or "") if doc else "",
            reported=describe_time(claim.reported) if claim.reported else "date unknown",
            cites=tuple(dict.fromkeys(cites)),
        ))
    found = {cid for c in members for cid in idx.conflicts_of.get(c.id, ())}
    return ClusterTrace(cluster, members[0].text, tuple(apps),
                        tuple(idx.conflicts[c] for c in sorted(found)))


def dot_quote(text: str, limit: int = 40) -> str:
    """A Graphviz double-quoted string: escaped, on one line, at most ``limit`` characters."""
    flat = " ".join(str(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cluster_dot(trace: ClusterTrace) -> str:
    """The trace as a small directed Graphviz graph: claimant -said in-> document, a repeat ->
    the first appearance, a document -cites-> its sources."""
    lines = ["digraph trace {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=9, color="#555555"];']
    nodes: dict[str, str] = {}

    def node(key: str, label: str, shape: str, colour: str) -> str:
        if key not in nodes:
            nodes[key] = f"n{len(nodes)}"
            lines.append(f'  {nodes[key]} [label={dot_quote(label)}, shape={shape}, style=filled, fillcolor="{colour}"];')
        return nodes[key]

    for app in trace.appearances:  # documents first, so a repeating document cited by another stays grey
        node(app.document, f"{app.publisher or app.document_title} ({app.reported})", "box",
             "#fde3a7" if app.role == "first said" else "#eeeeee")
    first_doc = None
    for app in trace.appearances:
        doc = node(app.document, f"{app.publisher or app.document_title} ({app.reported})", "box",
                   "#fde3a7" if app.role == "first said" else "#eeeeee")
        who = node("who:" + app.claimant, app.claimant, "ellipse", "#cfe5f7")
        lines.append(f'  {who} -> {doc} [label="said in"];')
        if first_doc is None:
            first_doc = doc
        elif doc != first_doc:
            lines.append(f'  {doc} -> {first_doc} [label="repeats", style=dashed];')
        for cited in app.cites:
            target = node(cited.id, cited.label, "note" if cited.kind == DOCUMENT_KIND else "octagon", "#e8f5e9")
            lines.append(f'  {doc} -> {target} [label="cites", color="#2e7d32"];')
    lines.append("}")
    return "\n".join(dict.fromkeys(lines))  # one edge of each kind between two nodes


@dataclass(frozen=True)
class ConflictView:
    """A conflict with what it involves, named."""

    conflict: Conflict
    items: tuple[Item, ...]
    documents: tuple[Item, ...]


def conflict_views(idx: CaseIndex) -> list[ConflictView]:
    """Every conflict, by kind then explanation, with its items and documents named."""
    out = [ConflictView(c, tuple(idx.item(i) for i in c.items), tuple(idx.item(d) for d in c.documents))
           for c in idx.conflicts.values()]
    return sorted(out, key=lambda v: (v.conflict.kind, v.conflict.explanation, v.conflict.id))


def item_link(item: Item) -> str | None:
    """The app URL query string that opens an item, or None when it has no page."""
    if item.kind == EVENT_KIND:
        return f"?page=timeline&event={item.id}"
    if item.kind == DOCUMENT_KIND:
        return f"?page=documents&doc={item.id}"
    if item.kind == ENTITY_KIND:
        return f"?page=entities&entity={item.id}"
    if item.kind == CLAIM_KIND:
        return f"?page=claims&claim={item.id}"
    return None


# ---------------------------------------------------------------------------------------------
# Documents


def document_items(idx: CaseIndex, document_id: str, *, current: str | None = None) -> list[Highlight]:
    """Every extracted item in a document as a highlight linking to its page: event reports,
    claims, entity mentions and source citations (the selected event's ``current``)."""
    out = []
    for event in idx.events.values():
        for report in event.reports:
            if report.document == document_id:
                out.append(Highlight(report.span.start, report.span.end,
                                     f"event: {event.label} ({describe_time(event.time)})", event.id == current,
                                     "event", item_link(Item(event.id, EVENT_KIND, event.label))))
    for claim_id in idx.claims_in.get(document_id, ()):
        claim = idx.claims[claim_id]
        who = idx.name(claim.claimant) or claim.claimant_name or "the document"
        out.append(Highlight(claim.span.start, claim.span.end, f"claim by {who}: {claim.text}", False, "claim",
                             item_link(Item(claim.id, CLAIM_KIND, claim.text))))
    for entity in idx.entities.values():
        for mention in entity.mentions:
            if mention.document == document_id:
                out.append(Highlight(mention.start, mention.end, f"{entity.kind}: {entity.name}", False, "entity",
                                     item_link(Item(entity.id, ENTITY_KIND, entity.name))))
    for cit_id in idx.citations_in.get(document_id, ()):
        cit = idx.citations[cit_id]
        target = cit.cites_document or cit.cites_entity
        out.append(Highlight(cit.span.start, cit.span.end, f"cites: {cit.cites_label}", False, "citation",
                             item_link(idx.item(target)) if target else None))
    return sorted(out, key=lambda h: (h.start, h.end, h.kind))


# ---------------------------------------------------------------------------------------------
# Entities


@dataclass(frozen=True)
class EntityView:
    """An entity's page: its names, where it is mentioned, its events and its claims."""

    entity: Entity
    documents: tuple[Item, ...]
    rows: tuple[TimelineRow, ...]
    claims_by: tuple[Claim, ...]
    claims_about: tuple[Claim, ...]


def entity_view(idx: CaseIndex, rows: Sequence[TimelineRow], entity_id: str) -> EntityView | None:
    """The entity's page, or None when the id is not an entity of the case."""
    entity = idx.entities.get(entity_id)
    if entity is None:
        return None
    docs = tuple(idx.item(d) for d in dict.fromkeys(m.document for m in entity.mentions) if d in idx.documents)
    mine = tuple(row for row in rows if entity_id in idx.event_entities.get(row.id, ()))
    claim_ids = idx.entity_claims.get(entity_id, [])
    by = tuple(idx.claims[c] for c in claim_ids if idx.claims[c].claimant == entity_id)
    about = tuple(idx.claims[c] for c in claim_ids if idx.claims[c].claimant != entity_id)
    return EntityView(entity, docs, mine, by, about)


# ---------------------------------------------------------------------------------------------
# Network

#: How each kind of node is drawn: (symbol, colour).
NODE_STYLE = {
    ENTITY_KIND: ("circle", "#0072B2"), EVENT_KIND: ("diamond", "#D55E00"),
    DOCUMENT_KIND: ("square", "#009E73"), CLAIM_KIND: ("triangle-up", "#E69F00"),
    CITATION_KIND: ("star", "#CC79A7"), CONFLICT_KIND: ("x", "#C0392B"),
}
#: At most this many nodes are drawn around the centre (nearest first).
MAX_NETWORK_NODES = 120


def neighbourhood(G: nx.MultiDiGraph, centre: str, steps: int = 1, *,
                  limit: int = MAX_NETWORK_NODES) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The nodes within ``steps`` links of ``centre`` (either direction; nearest first, at most
    ``limit``) and the links among them as (source, target, relation)."""
    if centre not in G:
        return [], []
    seen = {centre: 0}
    frontier = [centre]
    for depth in range(1, steps + 1):
        nxt = []
        for node in frontier:
            for other in sorted(set(G.successors(node)) | set(G.predecessors(node))):
                if other not in seen and len(seen) < limit:
                    seen[other] = depth
                    nxt.append(other)
        frontier = nxt
    nodes = sorted(seen, key=lambda n: (seen[n], n))
    keep = set(nodes)
    edges = sorted({(u, v, str(k)) for u, v, k in G.subgraph(keep).edges(keys=True)})
    return nodes, edges


def network_figure(G: nx.MultiDiGraph, idx: CaseIndex, centre: str, steps: int = 1) -> go.Figure:
    """The neighbourhood drawn with a fixed-seed spring layout; one trace (legend entry) per
    node kind; ``customdata[0]`` is the node id."""
    nodes, edges = neighbourhood(G, centre, steps)
    fig = go.Figure()
    if not nodes:
        return fig
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v, _ in edges)
    pos = nx.spring_layout(H, seed=7, k=1.6 / max(1, len(nodes)) ** 0.5)
    pos[centre] = pos.get(centre, (0, 0))
    ex: list[float | None] = []
    ey: list[float | None] = []
    for u, v, _ in edges:
        ex += [pos[u][0], pos[v][0], None]
        ey += [pos[u][1], pos[v][1], None]
    fig.add_trace(go.Scatter(x=ex, y=ey, mode="lines", line={"color": "#bbbbbb", "width": 1},
                             hoverinfo="skip", showlegend=False))
    near = {centre} | set(G.successors(centre)) | set(G.predecessors(centre))
    kinds: dict[str, list[str]] = {}
    for n in nodes:
        kinds.setdefault(str(G.nodes[n].get(KIND, "unknown")), []).append(n)
    for kind, members in sorted(kinds.items()):
        symbol, colour = NODE_STYLE.get(kind, ("circle-open", "#777777"))
        labels = [_short(_node_name(G, idx, n), 28) if n in near else "" for n in members]
        fig.add_trace(go.Scatter(
            x=[pos[n][0] for n in members], y=[pos[n][1] for n in members], mode="markers+text", name=kind,
            text=[_esc(t) for t in labels], textposition="top center", textfont={"size": 10},
            marker={"symbol": symbol, "color": colour, "size": [22 if n == centre else 13 for n in members],
                    "line": {"color": ["black" if n == centre else "white" for n in members], "width": 2}},
            customdata=[[n, kind] for n in members],
            hovertext=[f"{_esc(kind)}: {_esc(_short(_node_name(G, idx, n), 90))}" for n in members],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    fig.update_layout(height=600, margin={"l": 10, "r": 10, "t": 40, "b": 10}, clickmode="event+select",
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": "node "}},
                      xaxis={"visible": False}, yaxis={"visible": False}, dragmode="pan")
    return fig


def _node_name(G: nx.MultiDiGraph, idx: CaseIndex, node: str) -> str:
    """The index's name for a node, else a telling field of its record (kinds added later)."""
    found = idx.name(node)
    if found:
        return found
    rec = G.nodes[node].get(RECORD)
    for attr in ("label", "name", "text", "explanation", "cites_label"):
        value = getattr(rec, attr, None)
        if isinstance(value, str) and value:
            return value
    span = getattr(rec, "span", None)
    return str(getattr(span, "exact", "") or node)


def _short(text: str, limit: int) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
