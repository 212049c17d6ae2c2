"""Across documents: entities merged by alias, one event reported by many documents, claim
clusters, citations resolved to documents of the case, and the conflicts that come out of it.

Everything here is a pure function of the documents and their extractions, so the same inputs
always resolve to the same records and ids.

Events of different documents are one event when they are of one kind and either their labels
share most content words, or both give a day (``06-16``, year known or not) and they share
the people and organizations around them and a content word of their passages (so "Acme
asked for footage on June 16" and "a July 16 email asked for footage" of the same parties are
one request, dated differently). A document never reports one event twice. Conflicts: an
event whose reports give dates that cannot be the same day; a document that dates one cited
work differently in two places; a figure with two incompatible values for one time (values
at different times make a series instead); a claim attributed to a document of the case
whose text does not contain it.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from .extract import Extraction
from .extract.citations import parse_label
from .model import (
    Citation,
    Claim,
    Conflict,
    Document,
    Entity,
    Event,
    Participant,
    Quantity,
    Records,
    Report,
    TimeValue,
    record_id,
)

__all__ = ["compatible", "resolve", "series"]

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
    by_id = {d.id: d for d in docs}
    entities, remap = _merge_entities(e for x in extractions for e in x.entities)
    events = [_remap_event(e, remap) for x in extractions for e in x.events]
    name_words = frozenset(w for e in entities for n in (e.name, *e.aliases) for w in _words(n))
    merged_events, conflicts = _merge_events(events, by_id, _context_index(entities), name_words)
    claims = _cluster_claims(_remap_claim(c, remap) for x in extractions for c in x.claims)
    citations = [_resolve_citation(c, docs, remap) for x in extractions for c in x.citations]
    quantities, quantity_conflicts = _series(
        replace(q, subject=remap.get(q.subject, q.subject) if q.subject else None)
        for x in extractions
        for q in getattr(x, "quantities", ())
    )
    conflicts += quantity_conflicts
    conflicts += _citation_date_conflicts(citations, by_id)
    conflicts += _publication_date_conflicts(merged_events, by_id, {e.id: e for e in entities}, conflicts)
    conflicts += _attribution_conflicts(claims, citations, entities, by_id)
    return Records(
        documents=tuple(docs),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        events=tuple(sorted(merged_events, key=lambda e: e.id)),
        claims=tuple(sorted(claims, key=lambda c: c.id)),
        citations=tuple(sorted(citations, key=lambda c: c.id)),
        conflicts=tuple(sorted({c.id: c for c in conflicts}.values(), key=lambda c: c.id)),
        quantities=tuple(sorted(quantities, key=lambda q: q.id)),
    )


def _norm(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text.casefold())
    text = re.sub(r"\b(\w)\.(?=\w\.|\s|$)", r"\1", text)  # "L.A." reads as "LA"
    text = re.sub(r"\b(\w)\.", r"\1", text)
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


_GENERIC = frozenset(
    """
    request requested requests requesting asked ask asking sought report reported reports
    published said told according also would could more than over about time times year years
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})[?~%]?$")


def _context_index(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Per document, the (start, end, entity id) of every person and organization mention."""
    index: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in entities:
        if entity.kind not in ("person", "organization"):
            continue
        for m in entity.mentions:
            index[m.document].append((m.start, m.end, entity.id))
    return index


def _around(report: Report, index: dict[str, list[tuple[int, int, str]]], before: int = 400) -> frozenset[str]:
    """The people and organizations named in and shortly before a report's passage."""
    return frozenset(
        i for s, e, i in index.get(report.document, ()) if report.span.start - before <= s and e <= report.span.end + 80
    )


def _times_compatible(a: Event, b: Event) -> bool:
    return all(
        compatible(x.stated_time, y.stated_time)
        for x in a.reports
        for y in b.reports
        if x.stated_time and y.stated_time
    )


def _one_part_apart(a: Event, b: Event) -> bool:
    """Whether every pair of stated days differs in at most one of year, month and day."""
    for x in a.reports:
        for y in b.reports:
            dx = _DAY.match(x.stated_time.edtf) if x.stated_time else None
            dy = _DAY.match(y.stated_time.edtf) if y.stated_time else None
            if dx and dy:
                differ = sum(p != q and "X" not in p + q for p, q in zip(dx.groups(), dy.groups(), strict=True))
                if differ > 1:
                    return False
    return True


def _day_given(event: Event) -> bool:
    return any(r.stated_time is not None and _DAY.match(r.stated_time.edtf) for r in event.reports)


def _same_event(
    a: Event,
    b: Event,
    index: dict[str, list[tuple[int, int, str]]],
    texts: dict[str, str],
    names: frozenset[str],
    known: dict[str, list[TimeValue]] | None = None,
    daily: dict[tuple[str, str], int] | None = None,
) -> bool:
    known = known or {}
    daily = daily or {}
    if a.kind != b.kind or set(a.documents) & set(b.documents):
        return False
    words_a, words_b = _words(a.label), _words(b.label)
    shared = (words_a & words_b) - _GENERIC - names  # the same agent doing two things is two events
    agents_a, agents_b = ({p.entity for p in e.participants} for e in (a, b))
    same_parties = bool(agents_a & agents_b) or (not agents_a and not agents_b and _jaccard(words_a, words_b) >= 0.8)
    if same_parties and len(shared) >= 2 and _jaccard(words_a, words_b) >= EVENT_LABEL_SIMILARITY:
        # "X said on Monday" and "X said on Thursday" are two statements, not one misdated
        return a.kind not in ("statement", "publication") or _times_compatible(a, b)
    if not _one_part_apart(a, b):
        return False  # a misreported day differs in one part (June 16 / July 16), not in all
    # Publications and statements are many, alike and closely dated: only their labels merge them.
    if a.kind in ("event", "publication", "statement") or not (_day_given(a) and _day_given(b)):
        return False
    context = [frozenset().union(*(_around(r, index) for r in e.reports)) for e in (a, b)]
    if len(context[0] & context[1]) < 2:
        return False
    # A document with two such events (protests on the 28th and on the 30th) cannot say which.
    if any(daily.get((d, a.kind), 0) > 1 for e in (a, b) for d in e.documents):
        return False
    # A document that itself gives the other date elsewhere tells two events apart.
    for one, other in ((a, b), (b, a)):
        theirs = [r.stated_time for r in other.reports if r.stated_time]
        mine = [r.stated_time for r in one.reports if r.stated_time]
        for doc_id in one.documents:
            for time in known.get(doc_id, ()):
                if any(time.edtf == t.edtf or (_DAY.match(time.edtf) and compatible(time, t)) for t in theirs) and not any(
                    time is m for m in mine
                ):
                    return False
    passage = [frozenset().union(*(_sentence_words(r, texts) for r in e.reports)) for e in (a, b)]
    return bool((passage[0] & passage[1]) - _GENERIC - names)


def _sentence_words(report: Report, texts: dict[str, str]) -> frozenset[str]:
    """Content words of the sentence around a report (its passage if the text is unknown)."""
    text = texts.get(report.document)
    if text is None:
        return _words(report.span.exact)
    start = max(text.rfind(". ", 0, report.span.start), text.rfind("\n\n", 0, report.span.start)) + 1
    ends = [i for i in (text.find(". ", report.span.end), text.find("\n\n", report.span.end)) if i >= 0]
    end = min(ends) if ends else len(text)
    return frozenset(w for w in _words(text[start:end]) if len(w) > 3 and not w.isdigit())


def _merge_events(
    events: list[Event],
    docs: dict[str, Document],
    index: dict[str, list[tuple[int, int, str]]] | None = None,
    names: frozenset[str] = frozenset(),
) -> tuple[list[Event], list[Conflict]]:
    """Reports of one event by different documents become one event with several reports."""
    index = index or {}
    texts = {d.id: d.text for d in docs.values()}
    known: dict[str, list[TimeValue]] = defaultdict(list)
    for event in events:
        for report in event.reports:
            if report.stated_time:
                known[report.document].append(report.stated_time)
    daily: dict[tuple[str, str], int] = defaultdict(int)
    for event in events:
        if _day_given(event):
            for doc_id in event.documents:
                daily[(doc_id, event.kind)] += 1
    events = sorted(events, key=lambda e: e.id)
    groups: list[list[Event]] = []
    for event in events:
        for group in groups:
            if any(event.documents[0] in e.documents for e in group):
                continue
            if any(_same_event(e, event, index, texts, names, known, daily) for e in group):
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
        label = max((e.label for e in group), key=lambda s: (_label_score(s), s))
        merged.append(Event(id=event_id, label=label, time=time, reports=reports, participants=participants,
                            place=next((e.place for e in group if e.place), None), kind=group[0].kind))
        if conflict:
            conflicts.append(conflict)
    return merged, conflicts


def _label_score(label: str) -> float:
    """Readable labels first: four to ten words, starting with a capital (a named subject)."""
    n = len(label.split())
    return (1.0 if 4 <= n <= 10 else 0.0) + (0.5 if label[:1].isupper() else 0.0) - abs(n - 7) / 100


def compatible(a: TimeValue, b: TimeValue) -> bool:
    """Whether two stated times can be the same time: bounds overlap and known parts agree.

    ``XXXX-06-16`` and ``XXXX-07-16`` cannot be one day even though their years are unknown.
    """
    if not a.overlaps(b):
        return False
    da, db = _DAY.match(a.edtf), _DAY.match(b.edtf)
    if da and db:
        return all(x == y or "X" in x or "X" in y for x, y in zip(da.groups(), db.groups(), strict=True))
    for day, other in ((da, b), (db, a)):
        if day and day.group(1) == "XXXX" and other.earliest and other.latest and other.earliest.year == other.latest.year:
            month, dom = int(day.group(2)), int(day.group(3))
            with contextlib.suppress(ValueError):
                probe = date(other.earliest.year, month, dom)
                if not other.earliest <= probe <= other.latest:
                    return False
    return True


def _combine_times(event_id: str, reports: tuple[Report, ...], docs: dict[str, Document]) -> tuple[TimeValue | None, Conflict | None]:
    """The event's time from its reports' stated times, and a conflict where they disagree."""
    stated = [r for r in reports if r.stated_time is not None]
    if not stated:
        return None, None
    times = [r.stated_time for r in stated if r.stated_time]
    # The narrowest time of each group of compatible times stands for that group.
    representatives: list[TimeValue] = []
    for time in sorted(times, key=lambda t: (_width(t), t.sort_key())):
        if not any(compatible(time, r) for r in representatives):
            representatives.append(time)
    if len(representatives) == 1:
        return representatives[0], None
    bounded = [t for t in representatives if t.earliest and t.latest]
    earliest = [t.earliest for t in bounded if t.earliest]
    latest = [t.latest for t in bounded if t.latest]
    if len(bounded) >= 2:
        hull = TimeValue.from_edtf(f"{min(earliest).isoformat()}/{max(latest).isoformat()}")
    else:
        hull = bounded[0] if bounded else representatives[0]
    parts = []
    for report in stated:
        doc = docs.get(report.document)
        who = _who(doc) if doc else report.document
        said = report.stated_time.text if report.stated_time and report.stated_time.text else report.stated_time.edtf if report.stated_time else "?"
        parts.append(f"{who} gives {' '.join(said.split())!r} ({report.stated_time.edtf if report.stated_time else '?'})")
    conflict = Conflict(
        id=record_id("cfl", "date", event_id),
        kind="date",
        items=(event_id,),
        documents=tuple(dict.fromkeys(r.document for r in stated)),
        explanation="Sources disagree on the date: " + "; ".join(dict.fromkeys(parts)) + ".",
        spans=tuple(r.span for r in stated),
    )
    return hull, conflict


def _who(doc: Document) -> str:
    """How a conflict names a document: its publisher, else its title (shortened), else its file."""
    if doc.publisher:
        return doc.publisher
    label = doc.label
    return label if len(label) <= 60 else label[:57].rsplit(" ", 1)[0] + " …"


def _width(time: TimeValue) -> int:
    if time.earliest and time.latest:
        return (time.latest - time.earliest).days
    return 10**9


# ---------------------------------------------------------------------------------------------
# Claims


def _cluster_claims(unclustered: Iterable[Claim]) -> list[Claim]:
    """Claims saying the same thing share a cluster id (that of the cluster's first claim by id)."""
    claims = sorted(unclustered, key=lambda c: c.id)
    clusters: list[tuple[str, list[frozenset[str]], list[str]]] = []
    out = []
    for claim in claims:
        words = _words(claim.quote or claim.text)
        quote = _norm(claim.quote) if claim.quote and len(claim.quote.split()) >= 2 else ""
        said = _norm(" ".join(filter(None, (claim.quote, claim.text))))
        found: tuple[str, list[frozenset[str]], list[str]] | None = next(
            (
                c
                for c in clusters
                if any(_jaccard(words, m) >= CLAIM_SIMILARITY for m in c[1])
                # one document quotes a few words of the other's longer quotation
                or (quote and any(quote in other for other in c[2]))
                or any(q and q in said for q in c[2][::2])
            ),
            None,
        )
        if found is None:
            found = (record_id("cluster", claim.id), [], [])
            clusters.append(found)
        found[1].append(words)
        found[2].extend((quote, said))
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



# ---------------------------------------------------------------------------------------------
# Quantities: series over time, conflicts at one time


def _range(q: Quantity) -> tuple[float, float]:
    """The values a stated figure allows: "over 2,000" is 2,000 to 3,000, "about" is +-15%."""
    v = q.value
    if q.qualifier == "more than":
        return v, v * 1.5
    if q.qualifier == "less than":
        return v * 0.67, v
    if q.qualifier == "about":
        return v * 0.85, v * 1.15
    return v, v


def _same_value(a: Quantity, b: Quantity) -> bool:
    lo_a, hi_a = _range(a)
    lo_b, hi_b = _range(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _series(found: Iterable[Quantity]) -> tuple[list[Quantity], list[Conflict]]:
    """Figures of one measure: a series when values change; a conflict when one time has two."""
    quantities = sorted(found, key=lambda q: q.id)
    by_measure: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities:
        by_measure[q.measure].append(q)
    out: list[Quantity] = []
    conflicts: list[Conflict] = []
    for measure, group in sorted(by_measure.items()):
        documents = {q.document for q in group}
        values = [q for q in group if not any(_same_value(q, o) for o in group if o is not q)]
        distinct = len(values) > 0 or any(not _same_value(a, b) for a in group for b in group)
        if len(documents) < 2 and not distinct:
            out.extend(group)
            continue
        series_id = record_id("series", measure)
        out.extend(replace(q, series=series_id) for q in group)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.document == b.document or _same_value(a, b):
                    continue
                if not (a.time and b.time and a.time.earliest and b.time.earliest):
                    continue
                if a.time.precision not in ("day", "month") or b.time.precision not in ("day", "month"):
                    continue
                # one figure of one subject: both name the same subject, and the same relation
                if not a.time.overlaps(b.time) or not a.subject or a.subject != b.subject or "/" not in measure:
                    continue
                conflicts.append(
                    Conflict(
                        id=record_id("cfl", "quantity", a.id, b.id),
                        kind="quantity",
                        items=(a.id, b.id),
                        documents=(a.document, b.document),
                        explanation=(
                            f"Two values for the {measure.split('/')[0]} at {a.time.edtf}: "
                            f"{a.span.exact!r} and {b.span.exact!r}."
                        ),
                        spans=(a.span, b.span),
                    )
                )
    return out, conflicts


def series(quantities: Iterable[Quantity]) -> dict[str, list[Quantity]]:
    """The quantities of each series in time order (unknown times last), by series id."""
    found: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities:
        if q.series:
            found[q.series].append(q)
    return {
        k: sorted(v, key=lambda q: (q.time.sort_key() if q.time else (date.max, date.max, ""), q.value, q.id))
        for k, v in sorted(found.items())
    }


# ---------------------------------------------------------------------------------------------
# A cited work dated differently in two places of one document


def _citation_date_conflicts(citations: Sequence[Citation], docs: dict[str, Document]) -> list[Conflict]:
    by_doc_outlet: dict[tuple[str, str], list[tuple[Citation, date]]] = defaultdict(list)
    for citation in citations:
        outlet, _title, when = parse_label(citation.cites_label)
        days = list(_dates_in(f"{when}")) if when else []
        if not outlet or len(days) != 1:
            continue
        key = citation.cites_entity or _norm(outlet)
        by_doc_outlet[(citation.document, key)].append((citation, days[0]))
    conflicts = []
    for (document, _key), dated in sorted(by_doc_outlet.items()):
        for i, (a, day_a) in enumerate(dated):
            for b, day_b in dated[i + 1 :]:
                differs = sum((day_a.year != day_b.year, day_a.month != day_b.month, day_a.day != day_b.day))
                if differs != 1:  # one part differs: the same work misdated, not two works
                    continue
                outlet = parse_label(a.cites_label)[0]
                doc = docs.get(document)
                conflicts.append(
                    Conflict(
                        id=record_id("cfl", "date", a.id, b.id),
                        kind="date",
                        items=(a.id, b.id),
                        documents=(document,),
                        explanation=(
                            f"{_who(doc) if doc else document} dates the work of {outlet} it cites to "
                            f"{day_a.isoformat()} in one place and {day_b.isoformat()} in another."
                        ),
                        spans=(a.span, b.span),
                    )
                )
    return conflicts


def _one_part_differs(a: date, b: date) -> bool:
    return sum((a.year != b.year, a.month != b.month, a.day != b.day)) == 1


def _publication_date_conflicts(
    events: Sequence[Event], docs: dict[str, Document], entities: dict[str, Entity], raised: Sequence[Conflict]
) -> list[Conflict]:
    """One document dating a publication by the same author or outlet two ways a typo apart."""
    spanned = {(s.document, s.start) for c in raised for s in c.spans}
    dated = [
        e
        for e in events
        if e.kind == "publication" and len(e.documents) == 1 and e.time and e.time.precision == "day" and e.time.earliest
    ]
    conflicts = []
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.documents != b.documents or not a.time or not b.time or not a.time.earliest or not b.time.earliest:
                continue
            if not _one_part_differs(a.time.earliest, b.time.earliest):
                continue
            shared = {p.entity for p in a.participants} & {p.entity for p in b.participants}
            if not any(entities.get(x) and entities[x].kind in ("person", "organization") for x in shared):
                continue
            spans = (a.reports[0].span, b.reports[0].span)
            if any((s.document, s.start) in spanned or any(
                t.document == s.document and t.start <= s.start < t.end for t in (x for c in raised for x in c.spans)
            ) for s in spans):
                continue  # already raised through the citations of the same passages
            doc = docs.get(a.documents[0])
            people = [entities[x].name for x in sorted(shared) if x in entities and entities[x].kind == "person"]
            names = ", ".join(people or [entities[x].name for x in sorted(shared) if x in entities][:2])
            first, second = sorted((a.time.earliest, b.time.earliest))
            conflicts.append(
                Conflict(
                    id=record_id("cfl", "date", a.id, b.id),
                    kind="date",
                    items=(a.id, b.id),
                    documents=a.documents,
                    explanation=(
                        f"{_who(doc) if doc else a.documents[0]} dates a publication of {names} to "
                        f"{first.isoformat()} in one place and {second.isoformat()} in another."
                    ),
                    spans=spans,
                )
            )
    return conflicts


# ---------------------------------------------------------------------------------------------
# Attribution: a claim credited to a document of the case that does not contain it

#: Share of a claim's content words that the credited document's text must hold.
ATTRIBUTION_COVERAGE = 0.5


def _content(text: str) -> frozenset[str]:
    return frozenset(w[:6] for w in _words(text) if len(w) >= 4 and not w.isdigit())


def _attribution_conflicts(
    claims: Sequence[Claim], citations: Sequence[Citation], entities: Sequence[Entity], docs: dict[str, Document]
) -> list[Conflict]:
    names = {e.id: {_norm(n).removeprefix("the ") for n in (e.name, *e.aliases)} for e in entities}
    # A document's own reference list says which case document an outlet's name stands for.
    works: dict[tuple[str, str], set[str]] = defaultdict(set)
    for citation in citations:
        if citation.cites_document and citation.cites_entity:
            works[(citation.document, citation.cites_entity)].add(citation.cites_document)
    conflicts = []
    for claim in claims:
        credited: set[str] = set()
        for citation in citations:
            if (
                citation.cites_document
                and citation.document == claim.document
                and claim.passage[0] <= citation.span.start < claim.passage[1]
            ):
                credited.add(citation.cites_document)
        if claim.claimant and not credited:
            credited |= works.get((claim.document, claim.claimant), set())
            claimant_names = names.get(claim.claimant, set())
            for doc in docs.values():
                if doc.publisher and _norm(doc.publisher).removeprefix("the ") in claimant_names:
                    credited.add(doc.id)
        credited.discard(claim.document)
        words = _content(claim.quote or claim.text)
        if not credited or len(words) < 4:
            continue
        if any(
            (claim.quote and _norm(claim.quote) in _norm(docs[d].text))
            or len(words & _content(docs[d].text)) / len(words) >= ATTRIBUTION_COVERAGE
            for d in credited
        ):
            continue
        cited = ", ".join(dict.fromkeys(_who(docs[d]) for d in sorted(credited)))
        conflicts.append(
            Conflict(
                id=record_id("cfl", "attribution", claim.id),
                kind="attribution",
                items=(claim.id, *sorted(credited)),
                documents=(claim.document, *sorted(credited)),
                explanation=f"{_who(docs[claim.document])} credits {cited} with a statement its text does not contain.",
                spans=(claim.span,),
            )
        )
    return conflicts
