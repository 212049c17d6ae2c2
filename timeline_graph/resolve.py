"""Across documents: entities merged by alias, one event reported by many documents, claim
clusters, citations resolved to documents of the case, and the conflicts that come out of it.

Everything here is a pure function of the documents and their extractions, so the same inputs
always resolve to the same records and ids.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from .extract import Extraction
from .model import (
    Citation,
    Claim,
    Conflict,
    Document,
    Entity,
    Event,
    Participant,
    Records,
    Report,
    TimeValue,
    record_id,
)

__all__ = ["resolve"]

#: Content words of two labels must overlap this much (Jaccard) for two reports to be one event.
EVENT_LABEL_SIMILARITY = 0.5
#: Two claims whose words overlap this much (Jaccard) say the same thing.
CLAIM_SIMILARITY = 0.6

_STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "their", "his", "her", "they", "he", "she", "we", "i", "you", "our", "your", "who", "which", "what", "said", "says", "told", "not", "no"]
)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]


def resolve(documents: Sequence[Document], extractions: Sequence[Extraction]) -> Records:
    """Merge the per-document extractions of a case into one set of records."""
    docs = sorted(documents, key=lambda d: d.id)
    entities, remap = _merge_entities(e for x in extractions for e in x.entities)
    events = [_remap_event(e, remap) for x in extractions for e in x.events]
    merged_events, conflicts = _merge_events(events, {d.id: d for d in docs})
    claims = _cluster_claims(_remap_claim(c, remap) for x in extractions for c in x.claims)
    citations = [_resolve_citation(c, docs, remap) for x in extractions for c in x.citations]
    return Records(
        documents=tuple(docs),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        events=tuple(sorted(merged_events, key=lambda e: e.id)),
        claims=tuple(sorted(claims, key=lambda c: c.id)),
        citations=tuple(sorted(citations, key=lambda c: c.id)),
        conflicts=tuple(sorted(conflicts, key=lambda c: c.id)),
    )


def _norm(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text.casefold())
    return " ".join(re.findall(r"\w+", text))


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text.casefold()) if w not in _STOPWORDS)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# ---------------------------------------------------------------------------------------------
# Entities


def _merge_entities(found: Iterable[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Entities of one kind sharing a name or alias become one; returns them and old -> new ids."""
    items = list(found)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, entity in enumerate(items):
        for name in (entity.name, *entity.aliases):
            key = (entity.kind, _norm(name))
            if not key[1]:
                continue
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[Entity]] = defaultdict(list)
    for i, entity in enumerate(items):
        groups[root(i)].append(entity)

    merged: dict[str, Entity] = {}
    remap: dict[str, str] = {}
    for group in groups.values():
        names = {n for e in group for n in (e.name, *e.aliases)}
        canonical = min((e.name for e in group), key=lambda n: (-len(n.split()), -len(n), n))
        new_id = Entity.id_for(group[0].kind, canonical)
        for e in group:
            remap[e.id] = new_id
        previous = merged.get(new_id)
        mentions = {m.key: m for e in group for m in e.mentions}
        roles = {(r.title, r.span.key): r for e in group for r in e.roles}
        if previous:
            names |= {previous.name, *previous.aliases}
            mentions |= {m.key: m for m in previous.mentions}
            roles |= {(r.title, r.span.key): r for r in previous.roles}
        merged[new_id] = Entity(
            id=new_id,
            kind=group[0].kind,
            name=canonical,
            aliases=tuple(sorted(names - {canonical}, key=str.casefold)),
            mentions=tuple(mentions[k] for k in sorted(mentions)),
            roles=tuple(roles[k] for k in sorted(roles)),
        )
    for entity_id, entity in merged.items():
        affiliated = tuple(
            replace(r, affiliation=remap.get(r.affiliation, r.affiliation)) if r.affiliation else r
            for r in entity.roles
        )
        merged[entity_id] = replace(entity, roles=affiliated)
    return list(merged.values()), remap


def _remap_event(event: Event, remap: dict[str, str]) -> Event:
    participants = tuple(dict.fromkeys(Participant(remap.get(p.entity, p.entity), p.role) for p in event.participants))
    place = remap.get(event.place, event.place) if event.place else None
    return replace(event, participants=participants, place=place)


def _remap_claim(claim: Claim, remap: dict[str, str]) -> Claim:
    claimant = remap.get(claim.claimant, claim.claimant) if claim.claimant else None
    about = tuple(dict.fromkeys(remap.get(a, a) for a in claim.about))
    return replace(claim, claimant=claimant, about=about)


# ---------------------------------------------------------------------------------------------
# Events


def _merge_events(events: list[Event], docs: dict[str, Document]) -> tuple[list[Event], list[Conflict]]:
    """Events of different documents with the same kind and similar labels become one event."""
    events = sorted(events, key=lambda e: e.id)
    groups: list[list[Event]] = []
    for event in events:
        words = _words(event.label)
        for group in groups:
            if any(
                e.kind == event.kind
                and not set(e.documents) & set(event.documents)
                and _jaccard(_words(e.label), words) >= EVENT_LABEL_SIMILARITY
                for e in group
            ):
                group.append(event)
                break
        else:
            groups.append([event])

    merged, conflicts = [], []
    for group in groups:
        if len(group) == 1:
            merged.append(group[0])
            continue
        reports = tuple(sorted((r for e in group for r in e.reports), key=lambda r: (r.document, r.span.start)))
        event_id = record_id("evt", *sorted(e.id for e in group))
        time, conflict = _combine_times(event_id, reports, docs)
        participants = tuple(dict.fromkeys(p for e in group for p in e.participants))
        label = min((e.label for e in group), key=lambda s: (len(s), s))
        merged.append(Event(id=event_id, label=label, time=time, reports=reports, participants=participants,
                            place=next((e.place for e in group if e.place), None), kind=group[0].kind))
        if conflict:
            conflicts.append(conflict)
    return merged, conflicts


def _combine_times(event_id: str, reports: tuple[Report, ...], docs: dict[str, Document]) -> tuple[TimeValue | None, Conflict | None]:
    """The event's time from its reports' stated times, and a conflict where they disagree."""
    stated = [r for r in reports if r.stated_time is not None]
    if not stated:
        return None, None
    times = [r.stated_time for r in stated if r.stated_time]
    # The narrowest time of each group of compatible times stands for that group.
    representatives: list[TimeValue] = []
    for time in sorted(times, key=lambda t: (_width(t), t.sort_key())):
        if not any(time.overlaps(r) for r in representatives):
            representatives.append(time)
    if len(representatives) == 1:
        return representatives[0], None
    earliest = [t.earliest for t in representatives if t.earliest]
    latest = [t.latest for t in representatives if t.latest]
    hull = TimeValue.from_edtf(f"{min(earliest).isoformat()}/{max(latest).isoformat()}") if earliest and latest else times[0]
    parts = []
    for report in stated:
        doc = docs.get(report.document)
        who = (doc.publisher or doc.label) if doc else report.document
        said = report.stated_time.text if report.stated_time and report.stated_time.text else report.stated_time.edtf if report.stated_time else "?"
        parts.append(f"{who} gives {said!r} ({report.stated_time.edtf if report.stated_time else '?'})")
    conflict = Conflict(
        id=record_id("cfl", "date", event_id),
        kind="date",
        items=(event_id,),
        documents=tuple(dict.fromkeys(r.document for r in stated)),
        explanation="Sources disagree on the date: " + "; ".join(dict.fromkeys(parts)) + ".",
        spans=tuple(r.span for r in stated),
    )
    return hull, conflict


def _width(time: TimeValue) -> int:
    if time.earliest and time.latest:
        return (time.latest - time.earliest).days
    return 10**9


# ---------------------------------------------------------------------------------------------
# Claims


def _cluster_claims(unclustered: Iterable[Claim]) -> list[Claim]:
    """Claims saying the same thing share a cluster id (that of the cluster's first claim by id)."""
    claims = sorted(unclustered, key=lambda c: c.id)
    clusters: list[tuple[str, list[frozenset[str]]]] = []
    out = []
    for claim in claims:
        words = _words(claim.quote or claim.text)
        found: tuple[str, list[frozenset[str]]] | None = next(
            (c for c in clusters if any(_jaccard(words, m) >= CLAIM_SIMILARITY for m in c[1])), None
        )
        if found is None:
            found = (record_id("cluster", claim.id), [])
            clusters.append(found)
        found[1].append(words)
        out.append(replace(claim, cluster=found[0]))
    return out


# ---------------------------------------------------------------------------------------------
# Citations


def _resolve_citation(citation: Citation, docs: Sequence[Document], remap: dict[str, str]) -> Citation:
    """Point a citation at the document of the case it names, by title, or by outlet and date."""
    entity = remap.get(citation.cites_entity, citation.cites_entity) if citation.cites_entity else None
    citation = replace(citation, cites_entity=entity)
    if citation.cites_document:
        return citation
    label = _norm(citation.cites_label)
    others = [d for d in docs if d.id != citation.document]
    by_title = [d for d in others if d.title and len(_norm(d.title).split()) >= 3 and _norm(d.title) in label]
    if len(by_title) == 1:
        return replace(citation, cites_document=by_title[0].id)
    by_outlet = [d for d in others if d.publisher and re.search(rf"\b{re.escape(_norm(d.publisher))}\b", label)]
    days = set(_dates_in(citation.cites_label))
    dated = [d for d in by_outlet if d.published and d.published.earliest in days]
    if len(dated) == 1:
        return replace(citation, cites_document=dated[0].id)
    if len(by_outlet) == 1 and not days:
        return replace(citation, cites_document=by_outlet[0].id)
    return citation


def _dates_in(text: str) -> Iterable[date]:
    """Days written as ``2021-02-17`` or ``February 17, 2021`` in a citation label."""
    for y, m, d in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        try:
            yield date(int(y), int(m), int(d))
        except ValueError:
            continue
    for month, day, year in re.findall(r"\b([A-Z][a-z]+)\.? (\d{1,2}),? (\d{4})\b", text):
        for i, name in enumerate(_MONTHS, start=1):
            if name.startswith(month.casefold()[:3]):
                with contextlib.suppress(ValueError):
                    yield date(int(year), i, int(day))
                break

