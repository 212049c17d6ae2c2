"""RDF of a case graph in the timeline-graph vocabulary, and a deterministic Turtle writer.

:func:`triples` yields every triple of the graph; :func:`to_turtle` sorts them and writes Turtle
grouped by subject, so the same graph always gives the same bytes. Every node has an IRI minted
from the case's ``base_iri`` (``{base}{kind}/{id}``; spans ``{base}span/{doc}/{start}-{end}``),
never a blank node. Terms are plain strings (IRIs) and :class:`Lit` values, cheap to build and
to hand to other serializers (TriG, N-Triples, JSON-LD) later.

The mapping, in short (``ontology/timeline-graph.ttl`` says it in full):

- a document is a ``prov:Entity`` and ``schema:NewsArticle`` with Dublin Core metadata, its
  text, and its sha256 as ``tg:sha256`` and an ``spdx:checksum``;
- a person or organization is a ``prov:Agent`` (and ``foaf``/``schema`` Person/Organization);
- a claim is a ``schema:Claim`` ``prov:wasAttributedTo`` its claimant, ``prov:wasQuotedFrom``
  and ``schema:appearance`` its document; claims of one cluster share a ``tg:ClaimCluster``
  carrying every appearance and the ``schema:firstAppearance``;
- a time is an OWL-Time instant (a known day) or interval (its earliest and latest day as
  ``time:inXSDDate``) carrying the exact ``tg:edtf`` literal, so a month is never a day;
- every span is an ``oa:Annotation`` whose target is an ``oa:SpecificResource`` of the
  document with a ``TextQuoteSelector`` and a ``TextPositionSelector``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple, TextIO

import networkx as nx

from ..errors import ExportError
from ..graph import (
    CASE,
    CITATION_KIND,
    CLAIM_KIND,
    CONFLICT_KIND,
    DOCUMENT_KIND,
    ENTITY_KIND,
    EVENT_KIND,
    KIND,
    citations,
    claims,
    conflicts,
    documents,
    entities,
    events,
)
from ..model import Citation, Claim, Conflict, Document, Entity, Event, Span, TimeValue
from ..vocab import (
    DCTERMS,
    EDTF_DATATYPE,
    FOAF,
    OA,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SPDX,
    TG,
    TIME,
    XSD,
)

__all__ = ["Lit", "Term", "Triple", "to_turtle", "triples", "write_turtle"]

_XSD_STRING = str(XSD.string)
_RDF_TYPE = str(RDF.type)


class Lit(NamedTuple):
    """An RDF literal: lexical form, datatype IRI, and language tag (for ``rdf:langString``)."""

    lexical: str
    datatype: str = _XSD_STRING
    language: str | None = None


#: An IRI (a plain ``str``) or a literal.
Term = str | Lit
Triple = tuple[str, str, Term]

# Characters an IRI written in Turtle may not hold (IRIREF excludes them).
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ID_PREFIX_KINDS = {"doc": DOCUMENT_KIND, "ent": ENTITY_KIND, "evt": EVENT_KIND, "clm": CLAIM_KIND,
                    "cit": CITATION_KIND, "cfl": CONFLICT_KIND}
_MOTIVATION = {
    "mention": OA.identifying, "role": OA.describing, "report": OA.describing,
    "claim": OA.describing, "citation": OA.linking, "evidence": OA.assessing,
}
_ENTITY_TYPES = {
    "person": (PROV.Agent, FOAF.Person, SCHEMA.Person),
    "organization": (PROV.Agent, FOAF.Organization, SCHEMA.Organization),
    "place": (PROV.Location, SCHEMA.Place),
    "product": (SCHEMA.Product,),
    "work": (PROV.Entity, SCHEMA.CreativeWork),
}


def _s(value: str) -> Lit:
    return Lit(value)


def _int(value: int) -> Lit:
    return Lit(str(value), str(XSD.nonNegativeInteger))


def _day(value: date) -> Lit:
    return Lit(value.isoformat(), str(XSD.date))


class _Minter:
    """IRIs for the records of one graph, under the case's base IRI."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        case = G.graph.get(CASE) or {}
        base = case.get("base_iri")
        if not isinstance(base, str) or not base:
            raise ExportError("RDF export: the case has no base_iri setting")
        if ":" not in base or _BAD_IRI.search(base):
            raise ExportError(f"RDF export: base_iri {base!r} is not an absolute IRI")
        if not base.endswith(("/", "#")):
            raise ExportError(f"RDF export: base_iri {base!r} must end with '/' or '#'")
        self.base = base
        self.G = G

    def iri(self, kind: str, record_id: str) -> str:
        if not record_id or _BAD_IRI.search(record_id):
            raise ExportError(f"RDF export: {kind} id {record_id!r} cannot be part of an IRI")
        return f"{self.base}{kind}/{record_id}"

    def node(self, record_id: str) -> str:
        """The IRI of any record, by the kind of its node (or its id prefix if not in the graph)."""
        kind = self.G.nodes[record_id].get(KIND) if record_id in self.G else None
        kind = kind or _ID_PREFIX_KINDS.get(record_id.split("-", 1)[0])
        if kind is None:
            raise ExportError(f"RDF export: {record_id!r} is neither a record of the case nor a known kind of id")
        return self.iri(kind, record_id)

    def span(self, span: Span) -> str:
        return f"{self.iri('span', span.document)}/{span.start}-{span.end}"


# ---------------------------------------------------------------------------------------------
# Triples


def _label(subject: str, text: str) -> Iterator[Triple]:
    yield subject, RDFS.label, _s(text)


def _time(iri: str, tv: TimeValue) -> Iterator[Triple]:
    """A time as OWL-Time, with its EDTF value kept exactly (a month never becomes a day)."""
    yield iri, _RDF_TYPE, TG.TimeValue
    yield iri, TG.edtf, Lit(tv.edtf, str(EDTF_DATATYPE))
    yield iri, TG.precision, _s(tv.precision)
    if tv.text:
        yield iri, TG.timeText, _s(tv.text)
    if tv.anchor:
        yield iri, TG.anchor, _s(tv.anchor)
    if tv.precision == "day" and tv.earliest is not None and tv.earliest == tv.latest:
        yield iri, _RDF_TYPE, TIME.Instant
        yield iri, TIME.inXSDDate, _day(tv.earliest)
        return
    if tv.earliest is None and tv.latest is None:
        yield iri, _RDF_TYPE, TIME.TemporalEntity
        return
    proper = tv.earliest is None or tv.latest is None or tv.earliest < tv.latest
    yield iri, _RDF_TYPE, TIME.ProperInterval if proper else TIME.Interval
    for prop, bound, name in ((TIME.hasBeginning, tv.earliest, "beginning"), (TIME.hasEnd, tv.latest, "end")):
        if bound is not None:
            instant = f"{iri}/{name}"
            yield iri, prop, instant
            yield instant, _RDF_TYPE, TIME.Instant
            yield instant, TIME.inXSDDate, _day(bound)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_YEAR = re.compile(r"\d{4}")


def _issued(tv: TimeValue) -> Lit:
    """An EDTF value as the plainest honest literal: xsd:date, gYearMonth or gYear, else EDTF."""
    if _DAY.fullmatch(tv.edtf):
        return Lit(tv.edtf, str(XSD.date))
    if _MONTH.fullmatch(tv.edtf):
        return Lit(tv.edtf, str(XSD.gYearMonth))
    if _YEAR.fullmatch(tv.edtf):
        return Lit(tv.edtf, str(XSD.gYear))
    return Lit(tv.edtf, str(EDTF_DATATYPE))


def _span(m: _Minter, span: Span) -> Iterator[Triple]:
    """The span as an oa:SpecificResource of its document with quote and position selectors."""
    target = m.span(span)
    quote, position = f"{target}/quote", f"{target}/position"
    yield target, _RDF_TYPE, OA.SpecificResource
    yield target, _RDF_TYPE, TG.Span
    yield target, OA.hasSource, m.iri(DOCUMENT_KIND, span.document)
    yield target, OA.hasSelector, quote
    yield target, OA.hasSelector, position
    yield quote, _RDF_TYPE, OA.TextQuoteSelector
    yield quote, OA.exact, _s(span.exact)
    if span.prefix:
        yield quote, OA.prefix, _s(span.prefix)
    if span.suffix:
        yield quote, OA.suffix, _s(span.suffix)
    yield position, _RDF_TYPE, OA.TextPositionSelector
    yield position, OA.start, _int(span.start)
    yield position, OA.end, _int(span.end)


def _annotation_iri(m: _Minter, owner: str, what: str, span: Span) -> str:
    return f"{owner}/{what}/{span.document}/{span.start}-{span.end}"


def _annotation(m: _Minter, owner: str, what: str, span: Span, *types: str) -> Iterator[Triple]:
    """An oa:Annotation whose body is ``owner`` and whose target is the span."""
    iri = _annotation_iri(m, owner, what, span)
    yield iri, _RDF_TYPE, OA.Annotation
    for t in types:
        yield iri, _RDF_TYPE, t
    yield iri, OA.hasBody, owner
    yield iri, OA.hasTarget, m.span(span)
    yield iri, OA.motivatedBy, _MOTIVATION[what]
    yield from _span(m, span)


def _agent(m: _Minter, kind: str, name: str) -> tuple[str, list[Triple]]:
    """A publisher or author named in a document's metadata: the case's entity of that name."""
    record_id = Entity.id_for(kind, name)
    iri = m.iri(ENTITY_KIND, record_id)
    if record_id in m.G:
        return iri, []
    found: list[Triple] = [(iri, _RDF_TYPE, t) for t in _ENTITY_TYPES[kind]]
    found += [(iri, SCHEMA.name, _s(name)), (iri, RDFS.label, _s(name))]
    return iri, found


def _document(m: _Minter, doc: Document) -> Iterator[Triple]:
    d = m.iri(DOCUMENT_KIND, doc.id)
    for t in (TG.Document, PROV.Entity, SCHEMA.NewsArticle):
        yield d, _RDF_TYPE, t
    yield d, DCTERMS.identifier, _s(doc.id)
    yield from _label(d, doc.label)
    if doc.title is not None:
        yield d, DCTERMS.title, _s(doc.title)
    if doc.publisher is not None:
        publisher, extra = _agent(m, "organization", doc.publisher)
        yield d, DCTERMS.publisher, publisher
        yield from extra
    for author in doc.authors:
        creator, extra = _agent(m, "person", author)
        yield d, DCTERMS.creator, creator
        yield from extra
    if doc.published is not None:
        yield d, DCTERMS.issued, _issued(doc.published)
        yield d, TG.published, f"{d}/published"
        yield from _time(f"{d}/published", doc.published)
    yield d, DCTERMS.format, _s(doc.media_type)
    if doc.url is not None:
        yield d, SCHEMA.url, Lit(doc.url, str(XSD.anyURI))
    if doc.language is not None:
        yield d, DCTERMS.language, _s(doc.language)
    yield d, TG.sourcePath, _s(doc.source)
    yield d, TG.text, _s(doc.text)
    yield d, TG.sha256, _s(doc.sha256)
    checksum = f"{d}/checksum"
    yield d, SPDX.checksum, checksum
    yield checksum, _RDF_TYPE, SPDX.Checksum
    yield checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256
    yield checksum, SPDX.checksumValue, Lit(doc.sha256, str(XSD.hexBinary))
    for i, (field, origin) in enumerate(doc.metadata_origin):
        node = f"{d}/origin/{i}"
        yield d, TG.metadataOrigin, node
        yield node, _RDF_TYPE, TG.MetadataOrigin
        yield node, TG.field, _s(field)
        yield node, TG.origin, _s(origin)


def _entity(m: _Minter, entity: Entity) -> Iterator[Triple]:
    e = m.iri(ENTITY_KIND, entity.id)
    yield e, _RDF_TYPE, TG.Entity
    for t in _ENTITY_TYPES.get(entity.kind, ()):
        yield e, _RDF_TYPE, t
    yield e, DCTERMS.identifier, _s(entity.id)
    yield e, TG.entityKind, _s(entity.kind)
    yield from _label(e, entity.name)
    yield e, SCHEMA.name, _s(entity.name)
    for alias in entity.aliases:
        yield e, SCHEMA.alternateName, _s(alias)
    for span in entity.mentions:
        yield e, TG.mention, _annotation_iri(m, e, "mention", span)
        yield from _annotation(m, e, "mention", span, TG.Mention)
    for role in entity.roles:
        r = _annotation_iri(m, e, "role", role.span)
        yield e, TG.heldRole, r
        yield from _annotation(m, e, "role", role.span, TG.Role)
        yield r, TG.roleTitle, _s(role.title)
        if role.affiliation is not None:
            yield r, TG.affiliation, m.node(role.affiliation)


def _event(m: _Minter, event: Event) -> Iterator[Triple]:
    e = m.iri(EVENT_KIND, event.id)
    yield e, _RDF_TYPE, TG.Event
    yield e, _RDF_TYPE, SCHEMA.Event
    yield e, DCTERMS.identifier, _s(event.id)
    yield from _label(e, event.label)
    yield e, TG.eventKind, _s(event.kind)
    if event.time is not None:
        yield e, TG.time, f"{e}/time"
        yield from _time(f"{e}/time", event.time)
    if event.place is not None:
        yield e, SCHEMA.location, m.node(event.place)
    for i, p in enumerate(event.participants):
        node = f"{e}/participation/{i}"
        yield e, TG.participant, m.node(p.entity)
        yield e, TG.participation, node
        yield node, _RDF_TYPE, TG.Participation
        yield node, TG.entity, m.node(p.entity)
        yield node, TG.roleName, _s(p.role)
    for report in event.reports:
        r = _annotation_iri(m, e, "report", report.span)
        document = m.iri(DOCUMENT_KIND, report.document)
        yield e, TG.report, r
        yield e, TG.reportedIn, document
        yield from _annotation(m, e, "report", report.span, TG.Report)
        yield r, TG.reportedIn, document
        if report.stated_time is not None:
            yield r, TG.statedTime, f"{r}/time"
            yield from _time(f"{r}/time", report.stated_time)
        if report.extractor:
            yield r, TG.extractor, _s(report.extractor)


def _claim(m: _Minter, claim: Claim) -> Iterator[Triple]:
    c = m.iri(CLAIM_KIND, claim.id)
    document = m.iri(DOCUMENT_KIND, claim.document)
    for t in (TG.Claim, SCHEMA.Claim, PROV.Entity):
        yield c, _RDF_TYPE, t
    yield c, DCTERMS.identifier, _s(claim.id)
    yield from _label(c, claim.text)
    yield c, SCHEMA.text, _s(claim.text)
    if claim.quote is not None:
        yield c, TG.quote, _s(claim.quote)
    if claim.claimant is not None:
        yield c, PROV.wasAttributedTo, m.node(claim.claimant)
    if claim.claimant_name is not None:
        yield c, TG.claimantName, _s(claim.claimant_name)
    if claim.verb is not None:
        yield c, TG.verb, _s(claim.verb)
    yield c, PROV.wasQuotedFrom, document
    yield c, SCHEMA.appearance, document
    for about in claim.about:
        yield c, SCHEMA.about, m.node(about)
    if claim.reported is not None:
        yield c, TG.reported, f"{c}/reported"
        yield from _time(f"{c}/reported", claim.reported)
    if claim.cluster is not None:
        yield c, TG.cluster, m.iri("cluster", claim.cluster)
    if claim.extractor:
        yield c, TG.extractor, _s(claim.extractor)
    yield c, TG.span, m.span(claim.span)
    yield from _annotation(m, c, "claim", claim.span)


def _clusters(m: _Minter, all_claims: Iterable[Claim]) -> Iterator[Triple]:
    """Each claim cluster: every document it appears in and the earliest appearance(s)."""
    docs = {d.id: d for d in documents(m.G)}
    by_cluster: dict[str, list[Claim]] = {}
    for claim in all_claims:
        if claim.cluster is not None:
            by_cluster.setdefault(claim.cluster, []).append(claim)
    for cluster, members in sorted(by_cluster.items()):
        k = m.iri("cluster", cluster)
        yield k, _RDF_TYPE, TG.ClaimCluster
        yield k, _RDF_TYPE, SCHEMA.Claim
        yield k, DCTERMS.identifier, _s(cluster)
        dated: list[tuple[date, date, str]] = []
        for claim in members:
            yield k, SCHEMA.appearance, m.iri(DOCUMENT_KIND, claim.document)
            doc = docs.get(claim.document)
            when = claim.reported or (doc.published if doc else None)
            if when is not None and when.earliest is not None and when.latest is not None:
                dated.append((when.earliest, when.latest, claim.document))
        # Only a strictly earliest known appearance counts; ties all count, unknowns never do.
        if dated:
            first = min((start, end) for start, end, _ in dated)
            for start, end, doc_id in dated:
                if (start, end) == first:
                    yield k, SCHEMA.firstAppearance, m.iri(DOCUMENT_KIND, doc_id)


def _citation(m: _Minter, citation: Citation) -> Iterator[Triple]:
    c = m.iri(CITATION_KIND, citation.id)
    citing = m.iri(DOCUMENT_KIND, citation.document)
    yield c, _RDF_TYPE, TG.Citation
    yield c, DCTERMS.identifier, _s(citation.id)
    yield from _label(c, citation.cites_label)
    yield c, TG.citingDocument, citing
    yield c, TG.citesLabel, _s(citation.cites_label)
    yield c, TG.citationKind, _s(citation.kind)
    for target in (citation.cites_document, citation.cites_entity):
        if target is not None:
            yield c, TG.cites, m.node(target)
            yield citing, DCTERMS.references, m.node(target)
    if citation.extractor:
        yield c, TG.extractor, _s(citation.extractor)
    yield c, TG.span, m.span(citation.span)
    yield from _annotation(m, c, "citation", citation.span)


def _conflict(m: _Minter, conflict: Conflict) -> Iterator[Triple]:
    c = m.iri(CONFLICT_KIND, conflict.id)
    yield c, _RDF_TYPE, TG.Conflict
    yield c, DCTERMS.identifier, _s(conflict.id)
    yield from _label(c, conflict.explanation)
    yield c, TG.conflictKind, _s(conflict.kind)
    yield c, TG.explanation, _s(conflict.explanation)
    for item in conflict.items:
        yield c, TG.conflictItem, m.node(item)
    for doc in conflict.documents:
        yield c, TG.conflictDocument, m.iri(DOCUMENT_KIND, doc)
    for span in conflict.spans:
        yield c, TG.evidence, m.span(span)
        yield from _annotation(m, c, "evidence", span)


def triples(G: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the graph's RDF, unsorted and possibly repeated (IRIs as plain str)."""
    m = _Minter(G)
    case = f"{m.base}case"
    yield case, _RDF_TYPE, TG.Case
    title = (G.graph.get(CASE) or {}).get("title")
    if isinstance(title, str):
        yield case, DCTERMS.title, _s(title)
    for doc in documents(G):
        yield from _document(m, doc)
    for entity in entities(G):
        yield from _entity(m, entity)
    for event in events(G):
        yield from _event(m, event)
    for claim in claims(G):
        yield from _claim(m, claim)
    yield from _clusters(m, claims(G))
    for citation in citations(G):
        yield from _citation(m, citation)
    for conflict in conflicts(G):
        yield from _conflict(m, conflict)


# ---------------------------------------------------------------------------------------------
# Turtle


_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _ESCAPES})
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_NAMESPACES = {ns: prefix for prefix, ns in PREFIXES.items()}


def _quote(text: str) -> str:
    return '"' + text.translate(_ESCAPES) + '"'


def _name(iri: str) -> str:
    """An IRI as a prefixed name where one of the fixed prefixes covers it, else ``<iri>``."""
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    prefix = _NAMESPACES.get(iri[:cut])
    if prefix is not None and _LOCAL.fullmatch(iri[cut:]):
        return f"{prefix}:{iri[cut:]}"
    if _BAD_IRI.search(iri):
        raise ExportError(f"RDF export: {iri!r} is not a valid IRI")
    return f"<{iri}>"


def _term(term: Term) -> str:
    if isinstance(term, Lit):
        if term.language:
            return f"{_quote(term.lexical)}@{term.language}"
        if term.datatype == _XSD_STRING:
            return _quote(term.lexical)
        return f"{_quote(term.lexical)}^^{_name(term.datatype)}"
    return _name(term)


def _object_key(term: Term) -> tuple[int, str, str, str]:
    if isinstance(term, Lit):
        return (1, term.lexical, term.datatype, term.language or "")
    return (0, term, "", "")


def _sorted(found: Iterable[Triple]) -> list[Triple]:
    unique = {(str(s), str(p), o if isinstance(o, Lit) else str(o)) for s, p, o in found}
    return sorted(unique, key=lambda t: (t[0], t[1] != _RDF_TYPE, t[1], _object_key(t[2])))


def write_turtle(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write the graph's RDF as deterministic Turtle: fixed prefixes, subjects in IRI order."""
    ordered = _sorted(triples(G))  # sorting needs every triple first; the text is streamed
    for prefix, ns in PREFIXES.items():
        out.write(f"@prefix {prefix}: <{ns}> .\n")
    subject: str | None = None
    predicate: str | None = None
    for s, p, o in ordered:
        if s != subject:
            if subject is not None:
                out.write(" .\n")
            out.write(f"\n{_name(s)} {'a' if p == _RDF_TYPE else _name(p)} {_term(o)}")
            subject, predicate = s, p
        elif p != predicate:
            out.write(f" ;\n    {'a' if p == _RDF_TYPE else _name(p)} {_term(o)}")
            predicate = p
        else:
            out.write(f", {_term(o)}")
    if subject is not None:
        out.write(" .\n")


def to_turtle(G: nx.MultiDiGraph) -> str:
    """The graph's RDF as Turtle text (byte-identical for the same graph)."""
    buffer = io.StringIO()
    write_turtle(G, buffer)
    return buffer.getvalue()
