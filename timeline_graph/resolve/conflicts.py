"""Conflicts found within documents and between a claim and the document it is credited to:
a publication one document dates two ways, a claim credited to a document that does not say it."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from itertools import combinations

from ..model import Citation, Claim, Conflict, Document, Entity, Event, Span, record_id
from .text import STOPWORDS, norm, words
from .times import who

__all__ = ["ATTRIBUTION_COVERAGE", "attribution_conflicts", "dated_two_ways", "publication_date_conflicts"]

#: Share of a claim's content words that the credited document's text must hold.
ATTRIBUTION_COVERAGE = 0.5


def dated_two_ways(items: tuple[str, str], doc: Document | str, what: str, days: tuple[date, date],
                   spans: tuple[Span, Span]) -> Conflict:
    """The conflict of one document that dates ``what`` (a cited work, a publication) to two days."""
    name = who(doc) if isinstance(doc, Document) else doc
    return Conflict(
        id=record_id("cfl", "date", *items),
        kind="date",
        items=items,
        documents=(doc.id if isinstance(doc, Document) else doc,),
        explanation=f"{name} dates {what} to {days[0].isoformat()} in one place and {days[1].isoformat()} in another.",
        spans=spans,
    )


def _one_part_differs(a: date, b: date) -> bool:
    return sum((a.year != b.year, a.month != b.month, a.day != b.day)) == 1


def _one_part_apart(days: Sequence[date]) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, in that order, of days that differ in exactly one part (year,
    month or day): found through the two parts they share, not by trying every pair of a
    document's days (a long document dates thousands of publications)."""
    on: dict[date, list[int]] = defaultdict(list)
    for n, day in enumerate(days):
        on[day].append(n)
    shared: dict[tuple[int, int, int], list[date]] = defaultdict(list)
    for day in on:
        for key in ((0, day.month, day.day), (1, day.year, day.day), (2, day.year, day.month)):
            shared[key].append(day)
    pairs = [(min(i, j), max(i, j)) for alike in shared.values() for x, y in combinations(alike, 2)
             for i in on[x] for j in on[y]]
    return sorted(pairs)


def _act_word(event: Event, entities: dict[str, Entity]) -> str | None:
    """The first word of an event's label after the names of its participants: the act ("Ann
    Lowe published ..." -> "published"), or what stands for it."""
    names: set[str] = set()
    for p in event.participants:
        entity = entities.get(p.entity)
        if entity is not None:
            for name in (entity.name, *entity.aliases):
                names |= words(name)
    label = norm(event.label).split()
    return next((w for w in label if w not in names and w not in STOPWORDS), None)


def _one_act(a: Event, b: Event, entities: dict[str, Entity]) -> bool:
    """Whether two publications of one party could be one act dated two ways: their labels tell
    the same act ("published a story" and "published 'Fees Rise'" can be one; "announced" and
    "released a statement" are two acts). Two parties in common (the author and the outlet)
    make them one without it."""
    act = _act_word(a, entities)
    return act is not None and act == _act_word(b, entities)


def publication_date_conflicts(
    events: Sequence[Event], docs: dict[str, Document], entities: dict[str, Entity], raised: Sequence[Conflict]
) -> list[Conflict]:
    """One document dating a publication by the same author or outlet two ways a typo apart."""
    spanned: dict[str, list[Span]] = defaultdict(list)
    for conflict in raised:
        for s in conflict.spans:
            spanned[s.document].append(s)
    by_document: dict[str, list[Event]] = defaultdict(list)
    for e in sorted(events, key=lambda e: e.id):
        if e.kind == "publication" and len({r.document for r in e.reports}) == 1 and e.time and e.time.precision == "day" and e.time.earliest:
            by_document[e.reports[0].document].append(e)
    conflicts = []
    for document, dated in sorted(by_document.items()):
        # (each was kept above for its day: the days line up with the events)
        for i, j in _one_part_apart([e.time.earliest for e in dated if e.time and e.time.earliest]):
            a, b = dated[i], dated[j]
            if not a.time or not b.time or not a.time.earliest or not b.time.earliest:
                continue
            if not _one_part_differs(a.time.earliest, b.time.earliest):
                continue
            shared = {p.entity for p in a.participants} & {p.entity for p in b.participants}
            parties = [x for x in shared if entities.get(x) and entities[x].kind in ("person", "organization")]
            if not parties or (len(parties) < 2 and not _one_act(a, b, entities)):
                continue  # one party's two acts a day apart ("announced Sunday", "released a statement Monday")
            spans = (a.reports[0].span, b.reports[0].span)
            if any(t.start <= s.start < t.end or t.start == s.start for s in spans for t in spanned.get(s.document, ())):
                continue  # already raised through the citations of the same passages
            people = [entities[x].name for x in sorted(shared) if x in entities and entities[x].kind == "person"]
            names = ", ".join(people or [entities[x].name for x in sorted(shared) if x in entities][:2])
            first, second = sorted((a.time.earliest, b.time.earliest))
            conflicts.append(dated_two_ways((a.id, b.id), docs.get(document) or document, f"a publication of {names}",
                                            (first, second), spans))
    return conflicts


class _Texts:
    """What the attribution check reads of each document, computed once and only when asked."""

    def __init__(self, docs: dict[str, Document]) -> None:
        self.docs = docs
        self._norm: dict[str, str] = {}
        self._content: dict[str, frozenset[str]] = {}

    def norm(self, doc_id: str) -> str:
        if doc_id not in self._norm:
            self._norm[doc_id] = norm(self.docs[doc_id].text)
        return self._norm[doc_id]

    def content(self, doc_id: str) -> frozenset[str]:
        if doc_id not in self._content:
            self._content[doc_id] = content(self.docs[doc_id].text)
        return self._content[doc_id]


def content(text: str) -> frozenset[str]:
    """The first six letters of each longer word of a text, numbers left out."""
    return frozenset(w[:6] for w in words(text) if len(w) >= 4 and not w.isdigit())


def attribution_conflicts(
    claims: Sequence[Claim], citations: Sequence[Citation], entities: Sequence[Entity], docs: dict[str, Document]
) -> list[Conflict]:
    """A claim credited to a document of the case (by a citation in its words, or by naming
    the outlet that published it) that the document's text does not contain."""
    names = {e.id: {norm(n).removeprefix("the ") for n in (e.name, *e.aliases)} for e in entities}
    # A document's own reference list says which case document an outlet's name stands for.
    works: dict[tuple[str, str], set[str]] = defaultdict(set)
    cited: dict[str, list[tuple[int, str]]] = defaultdict(list)  # per document: (start, cited document)
    for citation in citations:
        if citation.cites_document and citation.cites_entity:
            works[(citation.document, citation.cites_entity)].add(citation.cites_document)
        if citation.cites_document:
            cited[citation.document].append((citation.span.start, citation.cites_document))
    for found in cited.values():
        found.sort()
    published: dict[str, set[str]] = defaultdict(set)
    for doc in docs.values():
        if doc.publisher:
            published[norm(doc.publisher).removeprefix("the ")].add(doc.id)
    texts = _Texts(docs)
    # One conflict for the copies of one statement (one cluster) credited to the same documents.
    unsaid: dict[tuple[str, tuple[str, ...]], list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: c.id):
        inside = cited.get(claim.document, [])
        p_start, p_end = claim.passage  # the citation may name the source or sit by the cue: "told the Courier"
        credited: set[str] = set()
        at = bisect_left(inside, (p_start, ""))
        while at < len(inside) and inside[at][0] < p_end:
            credited.add(inside[at][1])
            at += 1
        if claim.claimant and not credited:
            credited |= works.get((claim.document, claim.claimant), set())
            for name in names.get(claim.claimant, ()):
                credited |= published.get(name, set())
        credited.discard(claim.document)
        claim_words = content(claim.quote or claim.text)
        if not credited or len(claim_words) < 4:
            continue
        quote = norm(claim.quote) if claim.quote else None
        if any(
            (quote is not None and quote in texts.norm(d)) or len(claim_words & texts.content(d)) / len(claim_words) >= ATTRIBUTION_COVERAGE
            for d in sorted(credited)
        ):
            continue
        unsaid[(claim.cluster or claim.id, tuple(sorted(credited)))].append(claim)
    conflicts = []
    for (_cluster, credited_docs), copies in sorted(unsaid.items(), key=lambda kv: kv[1][0].id):
        first = copies[0]
        named = ", ".join(dict.fromkeys(who(docs[d]) for d in credited_docs))
        others = len({c.document for c in copies}) - 1
        by = who(docs[first.document]) + (f" and {others} other document{'s' if others > 1 else ''}" if others else "")
        conflicts.append(
            Conflict(
                id=record_id("cfl", "attribution", first.id),
                kind="attribution",
                items=(*(c.id for c in copies), *credited_docs),
                documents=tuple(dict.fromkeys((*(c.document for c in copies), *credited_docs))),
                explanation=f"{by} credit{'' if others else 's'} {named} with a statement {'their' if others else 'its'} text does not contain.",
                spans=tuple(c.span for c in copies),
            )
        )
    return conflicts
