"""Claim tracing and conflict listing over a case graph: pure functions ``f(G, ...)``.

:func:`trace` finds the claims matching a query and returns, for each claim cluster, every
appearance in time order: which document, when it was reported, when the events it speaks of
happened, who said it, whether that document was first or repeats it, and the sources the
document cites for it. :func:`conflict_list` gives the conflicts in a stable, readable order.

>>> from timeline_graph.graph import build_graph
>>> from timeline_graph.model import Records
>>> trace(build_graph(Records()), "footage"), conflict_list(build_graph(Records()))
([], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import networkx as nx

from .graph import citations, claims, conflicts, events, record
from .model import Citation, Claim, Conflict, Document, Event, TimeValue

__all__ = ["Appearance", "ClaimTrace", "conflict_list", "trace"]

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
    have = set(_words(haystack))
    return all(w in have or any(h.startswith(w) for h in have) for w in words)


def _sort_key(appearance: Appearance) -> tuple[date, date, str, int]:
    reported = appearance.reported.sort_key() if appearance.reported else (date.max, date.max, "")
    return (reported[0], reported[1], appearance.document.id, appearance.claim.span.start)


def trace(G: nx.MultiDiGraph, query: str) -> list[ClaimTrace]:
    """The clusters of the claims whose words (text, quote, claimant) contain every query word."""
    words = _words(query)
    all_claims = list(claims(G))
    matching = [c for c in all_claims if _matches(G, c, words)] if words else []
    clusters = list(dict.fromkeys(c.cluster or c.id for c in matching))
    by_cluster: dict[str, list[Claim]] = {}
    for claim in all_claims:
        by_cluster.setdefault(claim.cluster or claim.id, []).append(claim)
    cites = list(citations(G))
    all_events = list(events(G))
    traces = []
    for cluster in clusters:
        appearances = [_appearance(G, c, cites, all_events) for c in by_cluster.get(cluster, [])]
        appearances.sort(key=_sort_key)
        appearances = [
            Appearance(a.claim, a.document, a.reported, a.claimant, a.cites, a.events, i == 0)
            for i, a in enumerate(appearances)
        ]
        first = appearances[0].claim
        traces.append(ClaimTrace(cluster, first.quote or first.text, tuple(appearances)))
    traces.sort(key=lambda t: (_sort_key(t.first), t.cluster))
    return traces


def _appearance(G: nx.MultiDiGraph, claim: Claim, cites: list[Citation], all_events: list[Event]) -> Appearance:
    document = record(G, claim.document)
    claimant = None
    if claim.claimant and claim.claimant in G:
        claimant = record(G, claim.claimant).name
    claimant = claimant or claim.claimant_name
    sources = tuple(
        dict.fromkeys(
            c.cites_label
            for c in cites
            if c.document == claim.document
            and (
                claim.span.start <= c.span.start < claim.span.end
                or (claim.claimant and c.cites_entity == claim.claimant)
            )
        )
    )
    passage = tuple(
        e
        for e in all_events
        if any(
            r.document == claim.document and r.span.start < claim.span.end and claim.span.start < r.span.end
            for r in e.reports
        )
    )
    return Appearance(claim, document, claim.reported or document.published, claimant, sources, passage, False)


def conflict_list(G: nx.MultiDiGraph) -> list[Conflict]:
    """Every conflict: dates first, then attributions, quantities and statements; then by id."""
    return sorted(conflicts(G), key=lambda c: (_ORDER.get(c.kind, 9), c.explanation, c.id))
