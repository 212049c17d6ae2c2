"""Records to one ``networkx.MultiDiGraph``, and the query functions over it.

Every record is a node keyed by its id, with two attributes: :data:`KIND` (one of the
``*_KIND`` constants) and :data:`RECORD` (the frozen record itself). Edges carry their relation
as the edge key. Queries are plain functions ``f(G, ...)`` that return records in id order, so
every view and export built on them is deterministic.

>>> from timeline_graph.model import Records
>>> G = build_graph(Records(), title="Empty")
>>> G.graph[CASE]["title"], list(events(G))
('Empty', [])
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

import networkx as nx

from .curate import created_id
from .model import Citation, Claim, Conflict, Decision, Document, Entity, Event, Quantity, Records

__all__ = [
    "ABOUT",
    "APPEARS_IN",
    "CASE",
    "CITATION_KIND",
    "CITED_IN",
    "CITES",
    "CLAIMANT",
    "CLAIM_KIND",
    "CONCERNS",
    "CONFLICT_KIND",
    "DECISION_KIND",
    "DOCUMENT_KIND",
    "ENTITY_KIND",
    "EVENT_KIND",
    "INVOLVES",
    "KIND",
    "MENTIONED_IN",
    "PARTICIPANT",
    "QUANTITY_KIND",
    "RECORD",
    "REPORTED_IN",
    "STATED_IN",
    "build_graph",
    "citations",
    "claims",
    "conflicts",
    "decisions",
    "decisions_about",
    "documents",
    "entities",
    "events",
    "quantities",
    "record",
    "records",
    "to_records",
]

# Node attributes
KIND = "kind"
RECORD = "record"
# Graph attribute holding the case's settings (title, base IRI, ...)
CASE = "case"

# Node kinds
DOCUMENT_KIND = "document"
ENTITY_KIND = "entity"
EVENT_KIND = "event"
CLAIM_KIND = "claim"
CITATION_KIND = "citation"
CONFLICT_KIND = "conflict"
QUANTITY_KIND = "quantity"
DECISION_KIND = "decision"

# Edge keys (relations)
REPORTED_IN = "reported_in"  # event -> document
PARTICIPANT = "participant"  # event -> entity, attribute "role"
MENTIONED_IN = "mentioned_in"  # entity -> document
APPEARS_IN = "appears_in"  # claim -> document
CLAIMANT = "claimant"  # claim -> entity
ABOUT = "about"  # claim -> entity
CITED_IN = "cited_in"  # citation -> citing document
CITES = "cites"  # citation -> cited document or entity
INVOLVES = "involves"  # conflict -> item or document
STATED_IN = "stated_in"  # quantity -> document
CONCERNS = "concerns"  # decision -> each record it acts on (or made) that is in the graph

R = TypeVar("R")


def build_graph(records: Records, **case: Any) -> nx.MultiDiGraph:
    """One graph of every record and relation; ``case`` settings go to ``G.graph[CASE]``."""
    G = nx.MultiDiGraph()
    G.graph[CASE] = dict(case)
    groups: tuple[tuple[str, tuple[Any, ...]], ...] = (
        (DOCUMENT_KIND, records.documents),
        (ENTITY_KIND, records.entities),
        (EVENT_KIND, records.events),
        (CLAIM_KIND, records.claims),
        (CITATION_KIND, records.citations),
        (CONFLICT_KIND, records.conflicts),
        (QUANTITY_KIND, records.quantities),
        (DECISION_KIND, records.decisions),
    )
    for kind, group in groups:
        for rec in sorted(group, key=lambda r: r.id):
            G.add_node(rec.id, **{KIND: kind, RECORD: rec})

    def link(source: str, target: str | None, relation: str, **attrs: Any) -> None:
        if target is not None and target in G:
            G.add_edge(source, target, key=relation, **attrs)

    for entity in records.entities:
        for doc in dict.fromkeys(m.document for m in entity.mentions):
            link(entity.id, doc, MENTIONED_IN)
    for event in records.events:
        for doc in event.documents:
            link(event.id, doc, REPORTED_IN)
        for p in event.participants:
            link(event.id, p.entity, PARTICIPANT, role=p.role)
    for claim in records.claims:
        link(claim.id, claim.document, APPEARS_IN)
        link(claim.id, claim.claimant, CLAIMANT)
        for about in claim.about:
            link(claim.id, about, ABOUT)
    for citation in records.citations:
        link(citation.id, citation.document, CITED_IN)
        link(citation.id, citation.cites_document or citation.cites_entity, CITES)
    for conflict in records.conflicts:
        for item in (*conflict.items, *conflict.documents):
            link(conflict.id, item, INVOLVES)
    for quantity in records.quantities:
        link(quantity.id, quantity.document, STATED_IN)
        link(quantity.id, quantity.subject, ABOUT)
    for decision in records.decisions:
        made = created_id(decision)
        for target in (*decision.targets, *([decision.span.document] if decision.span else []), made):
            link(decision.id, target, CONCERNS)
    return G


def record(G: nx.MultiDiGraph, node_id: str) -> Any:
    """The record stored at a node."""
    return G.nodes[node_id][RECORD]


def records(G: nx.MultiDiGraph, kind: str) -> Iterator[Any]:
    """Every record of one kind, in id order."""
    for node_id in sorted(n for n, k in G.nodes(data=KIND) if k == kind):
        yield G.nodes[node_id][RECORD]


def documents(G: nx.MultiDiGraph) -> Iterator[Document]:
    """Every document, in id order."""
    return records(G, DOCUMENT_KIND)


def entities(G: nx.MultiDiGraph) -> Iterator[Entity]:
    """Every entity, in id order."""
    return records(G, ENTITY_KIND)


def events(G: nx.MultiDiGraph) -> Iterator[Event]:
    """Every event, in id order."""
    return records(G, EVENT_KIND)


def claims(G: nx.MultiDiGraph) -> Iterator[Claim]:
    """Every claim, in id order."""
    return records(G, CLAIM_KIND)


def citations(G: nx.MultiDiGraph) -> Iterator[Citation]:
    """Every source citation, in id order."""
    return records(G, CITATION_KIND)


def conflicts(G: nx.MultiDiGraph) -> Iterator[Conflict]:
    """Every conflict, in id order."""
    return records(G, CONFLICT_KIND)


def quantities(G: nx.MultiDiGraph) -> Iterator[Quantity]:
    """Every stated figure, in id order."""
    return records(G, QUANTITY_KIND)


def decisions(G: nx.MultiDiGraph) -> Iterator[Decision]:
    """Every curation decision, oldest first (then by id)."""
    return iter(sorted(records(G, DECISION_KIND), key=lambda d: (d.at, d.id)))


def decisions_about(G: nx.MultiDiGraph, node_id: str) -> list[Decision]:
    """The curation decisions that concern a record (act on it, or made it), oldest first."""
    if node_id not in G:
        return []
    found = [G.nodes[source][RECORD] for source, _, key in G.in_edges(node_id, keys=True) if key == CONCERNS]
    return sorted(found, key=lambda d: (d.at, d.id))


def to_records(G: nx.MultiDiGraph) -> Records:
    """The graph's records, grouped by kind, in id order."""
    return Records(
        documents=tuple(documents(G)),
        entities=tuple(entities(G)),
        events=tuple(events(G)),
        claims=tuple(claims(G)),
        citations=tuple(citations(G)),
        conflicts=tuple(conflicts(G)),
        quantities=tuple(quantities(G)),
        decisions=tuple(records(G, DECISION_KIND)),
    )
