"""Records to one ``networkx.MultiDiGraph``, and the query functions over it.

Every record is a node keyed by its id, with two attributes: :data:`KIND` (one of the
``*_KIND`` constants) and :data:`RECORD` (the frozen record itself). Edges carry their relation
as the edge key. Queries are plain functions ``f(G, ...)`` that return records in id order, so
every view and export built on them is deterministic.

The edges' dictionaries are shared: all the edges between two nodes with the same relations
and attributes hold one dictionary of keys, and one dictionary of attributes (a graph made
its own pair of them for each of its edges: two fifths of its memory). They are read, never
written: :func:`update_graph` makes new ones where it changes edges; code that changes an
edge's attributes in place would change every edge alike.

>>> from timeline_graph.model import Records
>>> G = build_graph(Records(), title="Empty")
>>> G.graph[CASE]["title"], list(events(G))
('Empty', [])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    "update_graph",
    "updated_graph",
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


_GROUPS = (
    (DOCUMENT_KIND, "documents"),
    (ENTITY_KIND, "entities"),
    (EVENT_KIND, "events"),
    (CLAIM_KIND, "claims"),
    (CITATION_KIND, "citations"),
    (CONFLICT_KIND, "conflicts"),
    (QUANTITY_KIND, "quantities"),
    (DECISION_KIND, "decisions"),
)
_KIND_OF = {group: kind for kind, group in _GROUPS}


def build_graph(records: Records, **case: Any) -> nx.MultiDiGraph:
    """One graph of every record and relation; ``case`` settings go to ``G.graph[CASE]``."""
    G = nx.MultiDiGraph()
    G.graph[CASE] = dict(case)
    for kind, group in _GROUPS:
        for rec in sorted(getattr(records, group), key=lambda r: r.id):
            G.add_node(rec.id, **{KIND: kind, RECORD: rec})
    shared: _Shared = {}
    for kind, group in _GROUPS:
        for rec in getattr(records, group):
            _link(G, kind, rec, shared)
    return G


def update_graph(G: nx.MultiDiGraph, changed: Iterable[tuple[str, Any]], removed: Iterable[str]) -> nx.MultiDiGraph:
    """Bring ``G`` in line with records changed, made or removed (by curation), and return it.

    ``changed`` holds (kind, record) pairs, kinds named as the fields of :class:`Records`
    ("entities", "decisions"); ``removed`` the ids of records taken out. Only these nodes and
    their edges are touched, so applying a few decisions to a large case costs little; the
    result has the nodes and edges ``build_graph`` makes of the records after the change, as
    long as the ids a changed record refers to are in the graph or among the changed records.
    """
    changed = [(_KIND_OF[group], rec) for group, rec in changed]
    G.remove_nodes_from([i for i in removed if i in G])
    for kind, rec in changed:
        if rec.id in G:
            _unlink(G, rec.id)
        G.add_node(rec.id, **{KIND: kind, RECORD: rec})
    shared: _Shared = {}
    for kind, rec in changed:
        _link(G, kind, rec, shared)
    clear = getattr(nx, "_clear_cache", None)  # networkx 3.3 and later cache views of a graph
    if clear is not None:
        clear(G)  # as networkx's own changes do
    return G


def updated_graph(G: nx.MultiDiGraph, changed: Iterable[tuple[str, Any]], removed: Iterable[str]) -> nx.MultiDiGraph:
    """A new graph: ``G`` brought in line as :func:`update_graph` does, ``G`` itself left as it was.

    The new graph shares with ``G`` what the change does not touch (the node and adjacency
    dictionaries of every other record), so it costs what the change costs, not a copy of a
    large case; only the nodes whose dictionaries the change writes (the records changed or
    removed, their neighbours and the records they will refer to) get dictionaries of their own.
    """
    changed = list(changed)
    removed = [i for i in removed if i in G]
    H = G.__class__()
    H.graph.update(G.graph)
    H._node = dict(G._node)
    H._succ = H._adj = dict(G._succ)
    H._pred = dict(G._pred)
    touched: set[str] = set()
    for node in (*removed, *(rec.id for _, rec in changed if rec.id in G)):
        touched.update((node, *G._succ[node], *G._pred[node]))
    for group, rec in changed:
        touched.update(target for target, _, _ in _edges(_KIND_OF[group], rec))
    for node in touched & G._node.keys():  # the edges' dictionaries are never written: shared
        H._node[node] = dict(G._node[node])
        H._succ[node] = dict(G._succ[node])
        H._pred[node] = dict(G._pred[node])
    return update_graph(H, changed, removed)


#: The dictionaries of keys and of attributes a graph's edges share, by what they hold.
_Shared = dict[tuple[Any, ...], dict[str, Any]]


def _link(G: nx.MultiDiGraph, kind: str, rec: Any, shared: _Shared) -> None:
    """Add the edges from one record to the records it refers to that are in the graph.

    As ``G.add_edge`` would (a relation met again between the same two nodes takes the new
    attributes over the old), but with new dictionaries, those in ``shared`` when alike: a
    graph of a long document has hundreds of thousands of edges and a dozen or so kinds of them.
    """
    source = rec.id
    out = G._succ[source]
    for target, relation, attrs in _edges(kind, rec):
        if target in G:
            keys = dict(out.get(target, ()))
            keys[relation] = _shared(_ATTRIBUTES, {**keys.get(relation, {}), **attrs}, shared)
            out[target] = G._pred[target][source] = _shared(_KEYS, keys, shared)


_ATTRIBUTES, _KEYS = "attributes", "keys"


def _shared(what: str, made: dict[str, Any], shared: _Shared) -> dict[str, Any]:
    """The dictionary in ``shared`` alike to ``made``, else ``made``, kept there for the next.

    A dictionary of keys is told by the dictionaries of attributes it holds, which are shared
    (so alike only when the same), and kept alive by ``shared`` (so their ids stay theirs)."""
    held = tuple((key, id(value)) for key, value in made.items()) if what == _KEYS else tuple(made.items())
    return shared.setdefault((what, *held), made)


def _unlink(G: nx.MultiDiGraph, node: str) -> None:
    """Remove the edges out of one node, leaving the dictionaries they share with others as they were."""
    out = G._succ[node]
    for target in out:
        del G._pred[target][node]
    out.clear()


def _edges(kind: str, rec: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The edges one record makes, as (target id, relation, attributes), whether or not the target exists."""
    def edge(target: str | None, relation: str, **attrs: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
        if target is not None:
            yield target, relation, attrs

    if kind == ENTITY_KIND:
        for doc in dict.fromkeys(m.document for m in rec.mentions):
            yield from edge(doc, MENTIONED_IN)
    elif kind == EVENT_KIND:
        for doc in rec.documents:
            yield from edge(doc, REPORTED_IN)
        for p in rec.participants:
            yield from edge(p.entity, PARTICIPANT, role=p.role)
    elif kind == CLAIM_KIND:
        yield from edge(rec.document, APPEARS_IN)
        yield from edge(rec.claimant, CLAIMANT)
        for about in rec.about:
            yield from edge(about, ABOUT)
    elif kind == CITATION_KIND:
        yield from edge(rec.document, CITED_IN)
        yield from edge(rec.cites_document or rec.cites_entity, CITES)
    elif kind == CONFLICT_KIND:
        for item in (*rec.items, *rec.documents):
            yield from edge(item, INVOLVES)
    elif kind == QUANTITY_KIND:
        yield from edge(rec.document, STATED_IN)
        yield from edge(rec.subject, ABOUT)
    elif kind == DECISION_KIND:
        made = created_id(rec)
        for target in (*rec.targets, *([rec.span.document] if rec.span else []), made):
            yield from edge(target, CONCERNS)


def record(G: nx.MultiDiGraph, node_id: str) -> Any:
    """The record stored at a node."""
    return G.nodes[node_id][RECORD]


def records(G: nx.MultiDiGraph, kind: str) -> Iterator[Any]:
    """Every record of one kind, in id order."""
    found = {node_id: data for node_id, data in G.nodes(data=True) if data.get(KIND) == kind}
    for node_id in sorted(found):
        yield found[node_id][RECORD]


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
