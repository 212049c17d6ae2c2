r"""The claim tracer and conflicts pages' views: cluster search, one cluster traced (by the
library's :func:`timeline_graph.trace.trace_cluster`), its Graphviz graph, and every conflict
with its items named. Pure functions; no Streamlit.

>>> print(dot_quote('say "no"'))
"say \"no\""
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from ..graph import DOCUMENT_KIND
from ..model import Citation, Claim, Conflict
from ..timeline import describe_time
from ..trace import matching_clusters, trace_cluster
from .explore import CaseIndex, Item, cited_item, claim_source, reported_key

__all__ = [
    "Appearance",
    "ClusterSummary",
    "ClusterTrace",
    "ConflictView",
    "cluster_dot",
    "cluster_trace",
    "conflict_views",
    "dot_quote",
    "search_clusters",
]


@dataclass(frozen=True)
class ClusterSummary:
    """One claim cluster in a search result."""

    id: str
    text: str
    appearances: int
    documents: int
    first: str  # when first reported, in words


def search_clusters(G: nx.MultiDiGraph, idx: CaseIndex, query: str = "") -> list[ClusterSummary]:
    """Every cluster, or those with a claim matching every word of ``query`` (as
    :func:`timeline_graph.trace.matching_clusters` finds them: text, quote, claimant and its
    aliases, words by prefix); most repeated first, then earliest."""
    ids = matching_clusters(G, query) if query.split() else list(idx.clusters)
    out = []
    for cluster in ids:
        members = idx.clusters.get(cluster)
        if not members:
            continue
        first = members[0]
        out.append(ClusterSummary(cluster, first.text, len(members), len({c.document for c in members}),
                                  describe_time(first.reported) if first.reported else "date unknown"))
    out.sort(key=lambda s: (-s.appearances, reported_key(idx.clusters[s.id][0]), s.id))
    return out


@dataclass(frozen=True)
class Appearance:
    """One claim of a cluster as the page shows it: who said it where and when, and what its
    document cites (case documents and entities as linkable items, else a label): ``for_claim``
    in the claim's passage or for its claimant (as the library traces it), ``cites`` anywhere."""

    claim: Claim
    role: str  # "first said" or "repeated"
    claimant: str
    document: str
    document_title: str
    publisher: str
    reported: str
    cites: tuple[Item, ...]
    for_claim: tuple[Item, ...]
    events: tuple[Item, ...]  # events reported in the same passage
    #: The case documents its document credits the claim to: where no entity of the case says it
    #: and the words naming its source (if any) are those of a citation pointing at a case
    #: document, that document stands for the source ("first seen in X, which credits it to Y").
    credited: tuple[Item, ...] = ()


@dataclass(frozen=True)
class ClusterTrace:
    """A claim cluster followed through the case."""

    id: str
    text: str
    appearances: tuple[Appearance, ...]
    conflicts: tuple[Conflict, ...]


def cluster_trace(G: nx.MultiDiGraph, idx: CaseIndex, cluster: str) -> ClusterTrace | None:
    """The cluster traced by :func:`timeline_graph.trace.trace_cluster` (appearances in report
    order, first or repeated, claimant, citations), named for the page, with its conflicts."""
    traced = trace_cluster(G, cluster)
    if traced is None:
        return None
    apps = []
    for a in traced.appearances:
        in_document = [idx.citations[c] for c in idx.citations_in.get(a.document.id, ())]
        source = claim_source(idx, a.claim)
        apps.append(Appearance(
            claim=a.claim, role="first said" if a.first else "repeated",
            claimant=source.claimant or "the document itself", document=a.document.id,
            document_title=a.document.label, publisher=a.document.publisher or "",
            reported=describe_time(a.reported) if a.reported else "date unknown",
            cites=_items(idx, in_document), for_claim=_items(idx, a.citations),
            events=tuple(idx.item(e.id) for e in a.events), credited=source.credited,
        ))
    found = {cid for a in traced.appearances for cid in idx.conflicts_of.get(a.claim.id, ())}
    text = traced.appearances[0].claim.text  # the claim's words (the trace's text is its quote, when one)
    return ClusterTrace(cluster, text, tuple(apps), tuple(idx.conflicts[c] for c in sorted(found)))


def _items(idx: CaseIndex, citations: Iterable[Citation]) -> tuple[Item, ...]:
    """What citations point at, as :func:`~.explore.cited_item` names it, without repeats."""
    return tuple(dict.fromkeys(cited_item(idx, c) for c in citations))


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
        if not app.credited:  # a credited document is drawn as what the document cites
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
