"""Read an RDF export back into a case graph: ``graph -> RDF -> graph`` loses nothing.

The file is parsed with pyoxigraph's strict parsers (any RDF format the project writes), all
graphs merged, and every record is rebuilt from the triples :mod:`timeline_graph.export.rdf`
writes: ids from ``dcterms:identifier``, spans from their Web Annotation selectors (checked
against the document's text again), times from their EDTF literal and OWL-Time bounds, and the
order of list fields from ``tg:position`` and the ``rdf:Seq`` behind ``tg:ordered``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote

import networkx as nx
import pyoxigraph

from ..errors import ExportError, ModelError, SpanError
from ..graph import build_graph
from ..model import (
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
    Role,
    Span,
    TimeValue,
)
from ..vocab import DCTERMS, OA, PROV, RDF, RDFS, SCHEMA, TG, TIME
from .shacl import read_rdf

__all__ = ["from_quads", "read_rdf_graph"]

_RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
Value = str | pyoxigraph.Literal


class _Index:
    """Subject -> predicate -> objects (IRIs as str, literals as pyoxigraph Literals)."""

    def __init__(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        self.data: dict[str, dict[str, list[Value]]] = defaultdict(lambda: defaultdict(list))
        self.by_type: dict[str, list[str]] = defaultdict(list)
        seen: set[tuple[str, str, Value]] = set()
        for q in quads:
            s = q.subject.value if isinstance(q.subject, pyoxigraph.NamedNode) else str(q.subject)
            p = q.predicate.value
            o: Value = q.object.value if isinstance(q.object, pyoxigraph.NamedNode) else q.object  # type: ignore[assignment]
            if (s, p, o) in seen:
                continue
            seen.add((s, p, o))
            self.data[s][p].append(o)
            if p == str(RDF.type) and isinstance(o, str):
                self.by_type[o].append(s)

    def all(self, s: str, p: object) -> list[Value]:
        return self.data.get(s, {}).get(str(p), [])

    def one(self, s: str, p: object) -> Value | None:
        found = self.all(s, p)
        if len(found) > 1:
            raise ExportError(f"RDF import: <{s}> has {len(found)} values of <{p}>, expected one")
        return found[0] if found else None

    def text(self, s: str, p: object) -> str | None:
        found = self.one(s, p)
        if found is None:
            return None
        if not isinstance(found, pyoxigraph.Literal):
            raise ExportError(f"RDF import: <{s}> <{p}> is an IRI, expected a literal")
        return found.value

    def need(self, s: str, p: object) -> str:
        found = self.text(s, p)
        if found is None:
            raise ExportError(f"RDF import: <{s}> has no <{p}>")
        return found

    def iri(self, s: str, p: object) -> str | None:
        found = self.one(s, p)
        if found is not None and not isinstance(found, str):
            raise ExportError(f"RDF import: <{s}> <{p}> is a literal, expected an IRI")
        return found

    def ordered(self, s: str, p: object) -> list[str]:
        """Nodes linked by ``p``, in their ``tg:position`` order."""
        nodes = [n for n in self.all(s, p) if isinstance(n, str)]
        return sorted(nodes, key=lambda n: int(self.need(n, TG.position)))

    def seq(self, owner: str, field: str) -> list[Value] | None:
        """The members of the owner's ``rdf:Seq`` for ``field``, in order, if it has one."""
        for seq in self.all(owner, TG.ordered):
            if isinstance(seq, str) and self.text(seq, TG.field) == field:
                items = []
                i = 1
                while (member := self.one(seq, f"{_RDF_NS}_{i}")) is not None:
                    items.append(member)
                    i += 1
                return items
        return None


def _id(iri: str) -> str:
    """A record's id from its IRI (``{base}{kind}/{percent-encoded id}``)."""
    return unquote(iri.rsplit("/", 1)[1])


def _lexical(values: Iterable[Value]) -> list[str]:
    return [v.value if isinstance(v, pyoxigraph.Literal) else v for v in values]


class _Reader:
    def __init__(self, index: _Index) -> None:
        self.x = index
        self.texts: dict[str, str] = {}

    def time(self, node: str | None) -> TimeValue | None:
        if node is None:
            return None
        x = self.x
        earliest = latest = None
        if (day := x.text(node, TIME.inXSDDate)) is not None:
            earliest = latest = date.fromisoformat(day)
        for prop, name in ((TIME.hasBeginning, "earliest"), (TIME.hasEnd, "latest")):
            instant = x.iri(node, prop)
            if instant is not None:
                bound = date.fromisoformat(x.need(instant, TIME.inXSDDate))
                if name == "earliest":
                    earliest = bound
                else:
                    latest = bound
        return TimeValue(edtf=x.need(node, TG.edtf), earliest=earliest, latest=latest,
                         precision=cast(Any, x.need(node, TG.precision)), text=x.text(node, TG.timeText),
                         anchor=x.text(node, TG.anchor))

    def span(self, target: str | None) -> Span:
        x = self.x
        if target is None:
            raise ExportError("RDF import: a record has no span")
        source = x.iri(target, OA.hasSource)
        if source is None:
            raise ExportError(f"RDF import: span <{target}> has no oa:hasSource")
        document = _id(source)
        fields: dict[str, Any] = {}
        for selector in x.all(target, OA.hasSelector):
            assert isinstance(selector, str)
            types = x.all(selector, RDF.type)
            if str(OA.TextQuoteSelector) in types:
                fields["exact"] = x.need(selector, OA.exact)
                fields["prefix"] = x.text(selector, OA.prefix) or ""
                fields["suffix"] = x.text(selector, OA.suffix) or ""
            elif str(OA.TextPositionSelector) in types:
                fields["start"] = int(x.need(selector, OA.start))
                fields["end"] = int(x.need(selector, OA.end))
        if document not in self.texts:
            raise ExportError(f"RDF import: span <{target}> is in {document}, which is not a document of the file")
        return Span(document=document, text=self.texts[document], **fields)

    def document(self, d: str) -> Document:
        x = self.x
        publisher = x.seq(d, "publisher")
        authors = x.seq(d, "authors")
        origins = x.ordered(d, TG.metadataOrigin)
        published = x.iri(d, TG.published)
        return Document(
            id=x.need(d, DCTERMS.identifier), sha256=x.need(d, TG.sha256), text=x.need(d, TG.text),
            source=x.need(d, TG.sourcePath), media_type=x.need(d, DCTERMS.format),
            title=x.text(d, DCTERMS.title), publisher=_lexical(publisher)[0] if publisher else None,
            authors=tuple(_lexical(authors or [])), published=self.time(published),
            url=x.text(d, SCHEMA.url), language=x.text(d, DCTERMS.language),
            metadata_origin=tuple((x.need(o, TG.field), x.need(o, TG.origin)) for o in origins),
        )

    def entity(self, e: str) -> Entity:
        x = self.x
        aliases = x.seq(e, "aliases")
        roles = []
        for r in x.ordered(e, TG.heldRole):
            affiliation = x.iri(r, TG.affiliation)
            roles.append(Role(x.need(r, TG.roleTitle), self.span(x.iri(r, OA.hasTarget)),
                              _id(affiliation) if affiliation else None))
        return Entity(
            id=x.need(e, DCTERMS.identifier), kind=cast(Any, x.need(e, TG.entityKind)),
            name=x.need(e, SCHEMA.name),
            aliases=tuple(_lexical(aliases if aliases is not None else x.all(e, SCHEMA.alternateName))),
            mentions=tuple(self.span(x.iri(a, OA.hasTarget)) for a in x.ordered(e, TG.mention)),
            roles=tuple(roles),
        )

    def event(self, e: str) -> Event:
        x = self.x
        reports = []
        for r in x.ordered(e, TG.report):
            document = x.iri(r, TG.reportedIn)
            assert document is not None
            reports.append(Report(_id(document), self.span(x.iri(r, OA.hasTarget)),
                                  self.time(x.iri(r, TG.statedTime)), x.text(r, TG.extractor) or ""))
        participants = tuple(
            Participant(_id(cast(str, x.iri(p, TG.entity))), x.need(p, TG.roleName))
            for p in x.ordered(e, TG.participation)
        )
        place = x.iri(e, SCHEMA.location)
        return Event(id=x.need(e, DCTERMS.identifier), label=x.need(e, RDFS.label),
                     time=self.time(x.iri(e, TG.time)), reports=tuple(reports), participants=participants,
                     place=_id(place) if place else None, kind=x.need(e, TG.eventKind))

    def claim(self, c: str) -> Claim:
        x = self.x
        about = x.seq(c, "about")
        claimant = x.iri(c, PROV.wasAttributedTo)
        cluster = x.iri(c, TG.cluster)
        document = x.iri(c, PROV.wasQuotedFrom)
        assert document is not None
        return Claim(
            id=x.need(c, DCTERMS.identifier), text=x.need(c, SCHEMA.text), document=_id(document),
            span=self.span(x.iri(c, TG.span)), claimant=_id(claimant) if claimant else None,
            claimant_name=x.text(c, TG.claimantName), quote=x.text(c, TG.quote), verb=x.text(c, TG.verb),
            reported=self.time(x.iri(c, TG.reported)),
            about=tuple(_id(a) for a in _lexical(about if about is not None else x.all(c, SCHEMA.about))),
            cluster=_id(cluster) if cluster else None, extractor=x.text(c, TG.extractor) or "",
        )

    def citation(self, c: str, base: str) -> Citation:
        x = self.x
        cites_document = cites_entity = None
        for target in _lexical(x.all(c, TG.cites)):
            if target.startswith(f"{base}document/"):
                cites_document = _id(target)
            else:
                cites_entity = _id(target)
        citing = x.iri(c, TG.citingDocument)
        assert citing is not None
        return Citation(id=x.need(c, DCTERMS.identifier), document=_id(citing), span=self.span(x.iri(c, TG.span)),
                        cites_label=x.need(c, TG.citesLabel), cites_document=cites_document,
                        cites_entity=cites_entity, kind=x.need(c, TG.citationKind),
                        extractor=x.text(c, TG.extractor) or "")

    def conflict(self, c: str) -> Conflict:
        x = self.x
        items = x.seq(c, "items")
        documents = x.seq(c, "documents")
        evidence = [a for a in x.by_type.get(str(OA.Annotation), []) if x.iri(a, OA.hasBody) == c]
        evidence.sort(key=lambda a: int(x.need(a, TG.position)))
        return Conflict(
            id=x.need(c, DCTERMS.identifier), kind=cast(Any, x.need(c, TG.conflictKind)),
            items=tuple(_id(i) for i in _lexical(items if items is not None else x.all(c, TG.conflictItem))),
            documents=tuple(_id(d) for d in _lexical(documents if documents is not None
                                                     else x.all(c, TG.conflictDocument))),
            explanation=x.need(c, TG.explanation),
            spans=tuple(self.span(x.iri(a, OA.hasTarget)) for a in evidence),
        )

    def quantity(self, q: str) -> Quantity:
        x = self.x
        subject = x.iri(q, SCHEMA.about)
        document = x.iri(q, TG.statedIn)
        assert document is not None
        return Quantity(
            id=x.need(q, DCTERMS.identifier), document=_id(document), span=self.span(x.iri(q, TG.span)),
            value=float(x.need(q, SCHEMA.value)), measure=x.need(q, TG.measure),
            qualifier=x.need(q, TG.qualifier), subject=_id(subject) if subject else None,
            subject_name=x.text(q, TG.subjectName), time=self.time(x.iri(q, TG.time)),
            series=x.text(q, TG.series), extractor=x.text(q, TG.extractor) or "",
        )


def from_quads(quads: Iterable[pyoxigraph.Quad]) -> nx.MultiDiGraph:
    """The case graph an RDF export describes."""
    x = _Index(quads)
    cases = x.by_type.get(str(TG.Case), [])
    if len(cases) != 1:
        raise ExportError(f"RDF import: expected one tg:Case, found {len(cases)}")
    case = cases[0]
    base = case[: -len("case")]
    settings: dict[str, Any] = {"title": x.text(case, DCTERMS.title)}
    if (description := x.text(case, DCTERMS.description)) is not None:
        settings["description"] = description
    settings["base_iri"] = base
    if settings["title"] is None:
        del settings["title"]
    reader = _Reader(x)

    def of(cls: object) -> list[str]:
        return sorted(x.by_type.get(str(cls), []))

    try:
        docs = [reader.document(d) for d in of(TG.Document)]
        reader.texts = {d.id: d.text for d in docs}
        records = Records(
            documents=tuple(docs),
            entities=tuple(reader.entity(e) for e in of(TG.Entity)),
            events=tuple(reader.event(e) for e in of(TG.Event)),
            claims=tuple(reader.claim(c) for c in of(TG.Claim)),
            citations=tuple(reader.citation(c, base) for c in of(TG.Citation)),
            conflicts=tuple(reader.conflict(c) for c in of(TG.Conflict)),
            quantities=tuple(reader.quantity(q) for q in of(TG.Quantity)),
        )
    except (ModelError, SpanError, ValueError, KeyError) as err:
        raise ExportError(f"RDF import: {err}") from err
    return build_graph(records, **settings)


def read_rdf_graph(path: Path) -> nx.MultiDiGraph:
    """Read an RDF export file (.ttl .trig .nt .nq .jsonld) back into a case graph."""
    return from_quads(read_rdf(Path(path)))
