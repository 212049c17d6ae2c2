"""Exploring a case: an index built once per graph, the timeline's filters and lanes, story
order, the event picker's shortlist, links to items and the entity page. Pure functions; no
Streamlit. The other pages' views live in :mod:`lag` (report time), :mod:`tracer` (claims and
conflicts), :mod:`network` and :mod:`views` (event details, documents).

Every label that comes from a document is returned raw here and escaped where it is drawn
(:func:`timeline_graph.app.views.safe_text` for HTML, ``html.escape`` for Plotly hover text; the
timeline chart puts them in the page as text).

>>> Filters(text="camera", conflict="yes").to_params()
{'q': 'camera', 'disputed': 'yes'}
>>> Filters.from_params({'q': 'camera', 'from': '2020-01-01', 'to': 'nonsense'}).start
datetime.date(2020, 1, 1)
>>> step(["a", "b", "c"], "b", 1), step(["a", "b", "c"], "c", 1), step(["a", "b", "c"], None, 1)
('c', None, 'a')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

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
from ..model import Citation, Claim, Conflict, Document, Entity, Event
from ..timeline import TimelineRow
from ..trace import claim_citations, credited_documents

__all__ = [
    "LANES",
    "CaseIndex",
    "ClaimSource",
    "EntityView",
    "Filters",
    "Item",
    "case_index",
    "cited_item",
    "claim_source",
    "entity_view",
    "event_shortlist",
    "filter_rows",
    "item_link",
    "lanes",
    "related_claim_candidates",
    "reported_key",
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
        """A short human name for any node id, None for None or an unknown id. A source citation
        is named by its words in the text ("according to the council minutes"), never by the
        source they name, which a curator may have pointed elsewhere."""
        if node_id is None:
            return None
        if node_id in self.citations:
            return self.citations[node_id].span.exact
        for table, attr in ((self.entities, "name"), (self.events, "label"), (self.documents, "label"),
                            (self.claims, "text"),
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


def reported_key(claim: Claim) -> tuple[date, date, str, str, int]:
    """Claims in report order: dated first (earliest first), then by document and id."""
    key = claim.reported.sort_key() if claim.reported else (date.max, date.max, "")
    return (key[0], key[1], claim.document, claim.id, claim.span.start)


def cited_item(idx: CaseIndex, citation: Citation) -> Item:
    """What a source citation points at, as curated: the case document or entity (an item to
    link), else its own words (an item of kind "label")."""
    target = citation.cites_document or citation.cites_entity
    if target and (target in idx.documents or target in idx.entities):
        return idx.item(target)
    return Item(citation.id, "label", citation.cites_label)


@dataclass(frozen=True)
class ClaimSource:
    """Whom a claim is shown as coming from, wherever it is shown."""

    #: The case documents its document credits it to (:func:`timeline_graph.trace.credited_documents`:
    #: a citation for it pointing at one, as curated); these stand for its source.
    credited: tuple[Item, ...]
    #: The claimant's name or the words naming the speaker, "" when none.
    claimant: str

    @property
    def name(self) -> str:
        """The source in a few words: the documents credited, else the claimant, else the document's own voice."""
        return ", ".join(c.label for c in self.credited) or self.claimant or "the document itself"

    @property
    def said(self) -> str:
        """After "claim": ``credited to <documents>`` or ``by <claimant>``."""
        return f"credited to {self.name}" if self.credited else f"by {self.name}"


def claim_source(idx: CaseIndex, claim: Claim) -> ClaimSource:
    """Whom the claim comes from: the case documents its citations credit it to (a re-targeted
    citation's document, never its stale words), and its claimant."""
    in_document = [idx.citations[c] for c in idx.citations_in.get(claim.document, ()) if c in idx.citations]
    credited = credited_documents(claim, claim_citations(claim, in_document), entities=idx.entities,
                                  documents=idx.documents)
    return ClaimSource(tuple(idx.item(d) for d in credited), idx.name(claim.claimant) or claim.claimant_name or "")


def case_index(G: nx.MultiDiGraph, earlier: CaseIndex | None = None) -> CaseIndex:
    """One pass over the graph's nodes (by their kind attribute, never by class).

    ``earlier``: the index of a graph that shares records with ``G`` (see
    :meth:`~timeline_graph.case.Case.live_graph`): an event that is the very same record, with
    the very same entities, keeps the words and entities found for it there.
    """
    idx = CaseIndex()
    tables: dict[str, dict[str, Any]] = {
        DOCUMENT_KIND: idx.documents, ENTITY_KIND: idx.entities, EVENT_KIND: idx.events,
        CLAIM_KIND: idx.claims, CITATION_KIND: idx.citations, CONFLICT_KIND: idx.conflicts,
    }
    nodes = dict(G.nodes(data=True))
    for node_id in sorted(nodes):
        data = nodes[node_id]
        table = tables.get(data.get(KIND))
        if table is not None:
            table[node_id] = data[RECORD]
    for conflict in idx.conflicts.values():
        for item in (*conflict.items, *conflict.documents):
            idx.conflicts_of.setdefault(item, []).append(conflict.id)
    for claim in sorted(idx.claims.values(), key=reported_key):
        idx.clusters.setdefault(claim.cluster or claim.id, []).append(claim)
        idx.claims_in.setdefault(claim.document, []).append(claim.id)
        for entity in dict.fromkeys((claim.claimant, *claim.about)):
            if entity:
                idx.entity_claims.setdefault(entity, []).append(claim.id)
    for citation in idx.citations.values():
        idx.citations_in.setdefault(citation.document, []).append(citation.id)
    for event in idx.events.values():
        ids = [p.entity for p in event.participants] + ([event.place] if event.place else [])
        if earlier is not None and earlier.events.get(event.id) is event and all(
                i in idx.entities and earlier.entities.get(i) is idx.entities[i] for i in ids):
            idx.event_entities[event.id] = earlier.event_entities[event.id]
            idx.event_text[event.id] = earlier.event_text[event.id]
            continue
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
# The event picker

#: Up to this many events the picker lists them all; past it, a search narrows the list.
PICKER_LIMIT = 400
#: How many events the narrowed picker lists at most.
SHORTLIST = 60


def event_shortlist(idx: CaseIndex, rows: Sequence[TimelineRow], query: str = "", current: str | None = None,
                    *, limit: int = SHORTLIST) -> list[TimelineRow]:
    """The events a picker offers when there are too many to list: those whose words contain
    every word of ``query`` (label, kind, names, cited words), else the events around
    ``current`` in time order (the latest ones when nothing is selected, as the chart opens on
    them); at most ``limit``, in timeline order, with ``current`` always among them."""
    words = query.casefold().split()
    if words:
        found = [row for row in rows
                 if all(w in idx.event_text.get(row.id, row.event.label.casefold()) for w in words)][:limit]
    else:
        at = next((i for i, row in enumerate(rows) if row.id == current), len(rows) - 1)
        lo = max(0, min(at - limit // 2, len(rows) - limit))
        found = list(rows[lo:lo + limit])
    if current and all(row.id != current for row in found):
        order = {row.id: i for i, row in enumerate(rows)}
        found = sorted(found + [row for row in rows if row.id == current], key=lambda row: order[row.id])
    return found


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
