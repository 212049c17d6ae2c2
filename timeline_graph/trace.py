"""Claim tracing and conflict listing over a case graph: pure functions ``f(G, ...)``.

:func:`trace` finds the claims matching a query and returns, for each claim cluster, every
appearance in time order: which document, when it was reported, when the events it speaks of
happened, who said it, whether that document was first or repeats it, and the sources the
document cites for it. :func:`trace_cluster` does the same for one cluster named by its id, and
:func:`matching_clusters` names the clusters a query finds without tracing them (cheap on a large
case). :func:`conflict_list` gives the conflicts in a stable, readable order.

>>> from timeline_graph.graph import build_graph
>>> from timeline_graph.model import Records
>>> trace(build_graph(Records()), "footage"), conflict_list(build_graph(Records()))
([], [])
>>> matching_clusters(build_graph(Records()), "footage"), trace_cluster(build_graph(Records()), "c1")
([], None)
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, replace
from datetime import date

import networkx as nx

from .graph import citations, claims, conflicts, events, record
from .model import Citation, Claim, Conflict, Document, Event, TimeValue

__all__ = ["Appearance", "ClaimTrace", "claim_citations", "conflict_list", "credited_documents", "matching_clusters",
           "trace", "trace_cluster"]

_ORDER = {"date": 0, "attribution": 1, "quantity": 2, "statement": 3}


@dataclass(frozen=True)
class Appearance:
    """One document stating a claim of a cluster."""

    claim: Claim
    document: Document
    reported: TimeValue | None  # when the document says it (its date), if known
    claimant: str | None  # who it credits: an entity's name, or the words naming the speaker
    cites: tuple[str, ...]  # sources the document cites in the claim's passage or for its claimant
    events: tuple[Event, ...]  # dated events reported in the same passage
    first: bool  # the earliest appearance of the cluster
    citations: tuple[Citation, ...] = ()  # the citation records behind ``cites``, in the same order
    #: The case documents those citations credit the claim to (:func:`credited_documents`): they
    #: stand for its source, in place of the words that named it.
    credited: tuple[Document, ...] = ()

    @property
    def event_time(self) -> TimeValue | None:
        """The time of the earliest event the passage reports."""
        times = [e.time for e in self.events if e.time]
        return min(times, key=lambda t: t.sort_key()) if times else None


@dataclass(frozen=True)
class ClaimTrace:
    """A claim cluster: the same statement in every document that makes it, in time order."""

    cluster: str
    text: str
    appearances: tuple[Appearance, ...]

    @property
    def first(self) -> Appearance:
        """The earliest appearance (documents of unknown date come after dated ones)."""
        return self.appearances[0]

    @property
    def said_by(self) -> tuple[str, ...]:
        """Everyone the appearances credit, without repeats."""
        return tuple(dict.fromkeys(a.claimant for a in self.appearances if a.claimant))

    @property
    def repeated_by(self) -> tuple[Document, ...]:
        """The documents after the first that state it again."""
        return tuple(a.document for a in self.appearances[1:])


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _matches(G: nx.MultiDiGraph, claim: Claim, words: list[str]) -> bool:
    haystack = " ".join(filter(None, (claim.text, claim.quote, claim.claimant_name, claim.span.exact)))
    if claim.claimant and claim.claimant in G:
        entity = record(G, claim.claimant)
        haystack += " " + " ".join((entity.name, *entity.aliases))
    folded = haystack.casefold()
    if not all(w in folded for w in words):  # cheap: a word that is not in the text starts none of its words
        return False
    have = set(_words(folded))
    return all(w in have or any(h.startswith(w) for h in have) for w in words)


def _sort_key(appearance: Appearance) -> tuple[date, date, str, int]:
    reported = appearance.reported.sort_key() if appearance.reported else (date.max, date.max, "")
    return (reported[0], reported[1], appearance.document.id, appearance.claim.span.start)


def matching_clusters(G: nx.MultiDiGraph, query: str) -> list[str]:
    """The ids of the clusters with a claim whose words (text, quote, claimant) contain every
    query word, in the order their first matching claim comes in the graph; none for no words."""
    words = _words(query)
    if not words:
        return []
    return list(dict.fromkeys(c.cluster or c.id for c in claims(G) if _matches(G, c, words)))


def trace(G: nx.MultiDiGraph, query: str) -> list[ClaimTrace]:
    """The clusters of the claims whose words (text, quote, claimant) contain every query word."""
    clusters = matching_clusters(G, query)
    if not clusters:
        return []
    by_cluster: dict[str, list[Claim]] = {}
    for claim in claims(G):
        by_cluster.setdefault(claim.cluster or claim.id, []).append(claim)
    nearby = _Nearby.of(G)
    traces = [_trace(G, cluster, by_cluster.get(cluster, []), nearby) for cluster in clusters]
    traces.sort(key=lambda t: (_sort_key(t.first), t.cluster))
    return traces


def trace_cluster(G: nx.MultiDiGraph, cluster: str) -> ClaimTrace | None:
    """One cluster (or a lone claim, by its id) traced, or None when no claim belongs to it."""
    members = [c for c in claims(G) if (c.cluster or c.id) == cluster]
    if not members:
        return None
    return _trace(G, cluster, members, _Nearby.of(G))


@dataclass(frozen=True)
class _Nearby:
    """The citations and the events reported in each document, in graph order: an appearance
    looks only at those of its own document (looking at every one of the case for each claim
    made tracing a common word on a large case take minutes)."""

    citations: dict[str, list[Citation]]
    events: dict[str, list[Event]]

    @classmethod
    def of(cls, G: nx.MultiDiGraph) -> _Nearby:
        """The citations and events of the graph, by document."""
        cited: dict[str, list[Citation]] = {}
        for citation in citations(G):
            cited.setdefault(citation.document, []).append(citation)
        reported: dict[str, list[Event]] = {}
        for event in events(G):
            for document in dict.fromkeys(r.document for r in event.reports):
                reported.setdefault(document, []).append(event)
        return cls(cited, reported)


def _trace(G: nx.MultiDiGraph, cluster: str, members: list[Claim], nearby: _Nearby) -> ClaimTrace:
    appearances = sorted((_appearance(G, c, nearby) for c in members), key=_sort_key)
    appearances = [replace(a, first=i == 0) for i, a in enumerate(appearances)]
    first = appearances[0].claim
    return ClaimTrace(cluster, first.quote or first.text, tuple(appearances))


def _appearance(G: nx.MultiDiGraph, claim: Claim, nearby: _Nearby) -> Appearance:
    document = record(G, claim.document)
    claimant = None
    if claim.claimant and claim.claimant in G:
        claimant = record(G, claim.claimant).name
    claimant = claimant or claim.claimant_name
    cited = claim_citations(claim, nearby.citations.get(claim.document, ()))
    passage = tuple(
        e
        for e in nearby.events.get(claim.document, ())
        if any(
            r.document == claim.document and r.span.start < claim.span.end and claim.span.start < r.span.end
            for r in e.reports
        )
    )
    credited = credited_documents(claim, cited, entities=G, documents=G)
    return Appearance(claim, document, claim.reported or document.published, claimant,
                      tuple(c.cites_label for c in cited), passage, False, cited,
                      tuple(record(G, d) for d in credited))


def claim_citations(claim: Claim, in_document: Iterable[Citation]) -> tuple[Citation, ...]:
    """The citations of a claim's document made for it: in its passage, or naming its claimant;
    the first of each source named (by its words), in the order given."""
    cited = [c for c in in_document
             if claim.passage[0] <= c.span.start < claim.passage[1] or (claim.claimant and c.cites_entity == claim.claimant)]
    first_of_label = {c.cites_label: c for c in reversed(cited)}
    return tuple(first_of_label[label] for label in dict.fromkeys(c.cites_label for c in cited))


def credited_documents(claim: Claim, citations: Iterable[Citation], *, entities: Container[str],
                       documents: Container[str]) -> tuple[str, ...]:
    """The ids of the case documents that ``citations`` (the claim's, :func:`claim_citations`)
    credit the claim to, when they stand for its source: no entity of the case (``entities``)
    says it, and its source words lie within the citation's (or it names none).

    A citation a curator re-targeted keeps its words ("the council minutes") but now means the
    document it points at: everywhere a claim's source is named, that document is named, not
    the stale words.
    """
    if claim.claimant in entities:
        return ()
    source = claim.source
    if source is None and claim.claimant_name:
        return ()

    def stands_for_source(c: Citation) -> bool:
        return source is None or (c.span.start <= source.start and source.end <= c.span.end)

    return tuple(dict.fromkeys(c.cites_document for c in citations
                               if c.cites_document is not None and c.cites_document in documents
                               and stands_for_source(c)))


#: How :func:`marked_passage` marks the parts of an attribution.
MARKS = {"source": ("{", "}"), "cue": ("[", "]"), "content": ("«", "»")}


def attribution_parts(claim: Claim) -> list[tuple[int, int, str]]:
    """(start, end, part) of the claim's source, cue and content spans, in text order; a part
    inside an earlier one (a cue within the content of a quotation) is left out."""
    parts = [(span.start, span.end, name) for name, spans in
             (("source", (claim.source,)), ("cue", (claim.cue,)), ("content", claim.content))
             for span in spans if span is not None]
    kept: list[tuple[int, int, str]] = []
    for start, end, name in sorted(parts):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, name))
    return kept


def marked_passage(document: Document, claim: Claim) -> str:
    """The claim's passage (source, cue and content) as one line, each part marked as
    :data:`MARKS` says: ``{the spokesman} [said] «the requests were voluntary»``."""
    start, end = claim.passage
    text, out, at = document.text, [], start
    for part_start, part_end, name in attribution_parts(claim):
        opening, closing = MARKS[name]
        out += [text[at:part_start], opening, text[part_start:part_end], closing]
        at = part_end
    out.append(text[at:end])
    return " ".join("".join(out).split())


def conflict_list(G: nx.MultiDiGraph) -> list[Conflict]:
    """Every conflict: dates first, then attributions, quantities and statements; then by id."""
    return sorted(conflicts(G), key=lambda c: (_ORDER.get(c.kind, 9), c.explanation, c.id))
