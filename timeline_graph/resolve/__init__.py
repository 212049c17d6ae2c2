"""Across documents: entities merged by alias, one event reported by many documents, claim
clusters, citations resolved to documents of the case (and replies citing the messages they
answer), and the conflicts that come out of it.

Everything here is a pure function of the documents and their extractions, so the same inputs
always resolve to the same records and ids, in whatever order they come.

Nothing compares every record with every other: candidates come from indexes (names, label and
quote words, days, passages, titles and outlets, documents), and what a comparison needs of a
record is computed once. See :mod:`.events` for when two reports are one event, :mod:`.claims`
for claim clusters, :mod:`.citations`, :mod:`.quantities` and :mod:`.conflicts` for the rest.
Conflicts: an event whose sources give dates that cannot be the same day; a document that dates
one cited work, or one publication, differently in two places; a figure with incompatible
values for one time (values at different times make a series instead); a claim attributed to a
document of the case whose text does not contain it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..extract import Extraction
from ..model import Document, Entity, Records
from ..snapshot import paused_gc
from .citations import citation_date_conflicts, resolve_citations, thread_citations
from .claims import cluster_claims
from .conflicts import attribution_conflicts, publication_date_conflicts
from .entities import merge_entities, remap_claim, remap_event
from .events import merge_events
from .parties import within_names
from .quantities import series, series_and_conflicts
from .text import norm, words
from .times import compatible

__all__ = ["compatible", "resolve", "series"]


def resolve(documents: Sequence[Document], extractions: Sequence[Extraction]) -> Records:
    """Merge the per-document extractions of a case into one set of records.

    The cyclic garbage collector is paused meanwhile: resolution makes millions of small
    records and index entries and no cycles, and the collector's passes over that growing heap
    cost nearly as much as the work itself (5,000 articles: 36 s with it, 20 s without).
    """
    with paused_gc():
        try:
            return _resolve(documents, extractions)
        finally:
            _let_go_of_words()


def _let_go_of_words() -> None:
    """Empty the caches of words and normalized texts resolution filled (up to 65,536 texts
    each, a sentence around every report among them: some 20 MB once a long document is
    resolved), so that they are not held through the graph and the snapshot that come next."""
    words.cache_clear()
    norm.cache_clear()


def _resolve(documents: Sequence[Document], extractions: Sequence[Extraction]) -> Records:
    docs = sorted(documents, key=lambda d: d.id)
    by_id = {d.id: d for d in docs}
    # Extractions in document order: what merges first never depends on the order given.
    extractions = sorted(extractions, key=lambda x: x.document)
    entities, remap = merge_entities(e for x in extractions for e in x.entities)
    events = [remap_event(e, remap) for x in extractions for e in x.events]
    name_words = frozenset(w for e in entities for n in (e.name, *e.aliases) for w in words(n))
    merged_events, conflicts = merge_events(events, by_id, _context_index(entities), name_words, within_names(entities))
    claims = cluster_claims((remap_claim(c, remap) for x in extractions for c in x.claims),
                            {d.id: len(d.text) for d in docs})
    citations = resolve_citations((c for x in extractions for c in x.citations), docs, remap)
    citations += thread_citations(docs)
    quantities, quantity_conflicts = series_and_conflicts(
        replace(q, subject=remap.get(q.subject, q.subject) if q.subject else None)
        for x in extractions
        for q in getattr(x, "quantities", ())
    )
    conflicts += quantity_conflicts
    conflicts += citation_date_conflicts(citations, by_id)
    conflicts += publication_date_conflicts(merged_events, by_id, {e.id: e for e in entities}, conflicts)
    conflicts += attribution_conflicts(claims, citations, entities, by_id)
    return Records(
        documents=tuple(docs),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        events=tuple(sorted(merged_events, key=lambda e: e.id)),
        claims=tuple(sorted(claims, key=lambda c: c.id)),
        citations=tuple(sorted(citations, key=lambda c: c.id)),
        conflicts=tuple(sorted({c.id: c for c in conflicts}.values(), key=lambda c: c.id)),
        quantities=tuple(sorted(quantities, key=lambda q: q.id)),
    )


def _context_index(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Per document, the (start, end, entity id) of every person and organization mention."""
    index: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in entities:
        if entity.kind not in ("person", "organization"):
            continue
        for m in entity.mentions:
            index[m.document].append((m.start, m.end, entity.id))
    return index
