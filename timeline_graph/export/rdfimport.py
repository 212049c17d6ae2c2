"""Read an RDF export back into a case graph: ``graph -> RDF -> graph`` loses nothing.

The file is parsed with pyoxigraph's strict parsers (any RDF format the project writes), all
graphs merged, and every record is rebuilt from the triples :mod:`timeline_graph.export.rdf`
writes: ids from ``dcterms:identifier``, spans from their Web Annotation selectors (checked
against the document's text again), times from their EDTF literal and OWL-Time bounds, and the
order of list fields from ``tg:position`` and the ``rdf:Seq`` behind ``tg:ordered``.

The quads are read once into plain dicts (subject -> predicate -> objects, IRIs as ``str``),
with every IRI the reader asks for spelled once as a module constant, and the cyclic garbage
collector paused while the records are built (millions of small objects and no cycles).
"""

from __future__ import annotations

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
    Decision,
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
from ..vocab import DCTERMS, FOAF, OA, PROV, RDF, RDFS, SCHEMA, SPDX, TG, TIME
from .rdfio import paused_gc
from .shacl import read_rdf

__all__ = ["from_quads", "read_rdf_graph"]

_RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
Value = str | pyoxigraph.Literal
Props = dict[str, list[Any]]

# Every IRI the reader looks up, as a plain str (an rdflib namespace attribute costs microseconds).
_TYPE = str(RDF.type)
_ID, _TITLE, _DESCRIPTION, _FORMAT, _LANGUAGE = (str(DCTERMS.identifier), str(DCTERMS.title),
                                                 str(DCTERMS.description), str(DCTERMS.format),
                                                 str(DCTERMS.language))
_IN_XSD_DATE, _HAS_BEGINNING, _HAS_END = str(TIME.inXSDDate), str(TIME.hasBeginning), str(TIME.hasEnd)
_HAS_SOURCE, _HAS_SELECTOR, _HAS_TARGET, _HAS_BODY = (str(OA.hasSource), str(OA.hasSelector),
                                                      str(OA.hasTarget), str(OA.hasBody))
_QUOTE_SELECTOR, _POSITION_SELECTOR, _ANNOTATION = (str(OA.TextQuoteSelector), str(OA.TextPositionSelector),
                                                    str(OA.Annotation))
_EXACT, _PREFIX, _SUFFIX, _START, _END = (str(OA.exact), str(OA.prefix), str(OA.suffix), str(OA.start),
                                          str(OA.end))
_ATTRIBUTED_TO, _QUOTED_FROM = str(PROV.wasAttributedTo), str(PROV.wasQuotedFrom)
_ASSOCIATED_WITH, _ENDED_AT, _SOFTWARE_AGENT, _FOAF_NAME = (str(PROV.wasAssociatedWith), str(PROV.endedAtTime),
                                                           str(PROV.SoftwareAgent), str(FOAF.name))
_LABEL = str(RDFS.label)
_URL, _NAME, _ALTERNATE_NAME, _LOCATION, _TEXT, _ABOUT, _VALUE = (
    str(SCHEMA.url), str(SCHEMA.name), str(SCHEMA.alternateName), str(SCHEMA.location), str(SCHEMA.text),
    str(SCHEMA.about), str(SCHEMA.value))
_T = {name: str(TG[name]) for name in (
    "position", "ordered", "field", "edtf", "precision", "timeText", "anchor", "sha256", "text", "sourcePath",
    "metadataOrigin", "published", "origin", "heldRole", "affiliation", "roleTitle", "entityKind", "mention",
    "report", "reportedIn", "statedTime", "extractor", "participation", "entity", "roleName", "time",
    "eventKind", "cluster", "span", "claimantName", "quote", "verb", "reported", "cue", "sourceSpan", "contentPart",
    "unnamedSource", "reportedWithin", "cites", "citingDocument",
    "citesLabel", "citationKind", "conflictKind", "conflictItem", "conflictDocument", "explanation",
    "statedIn", "measure", "qualifier", "subjectName", "series", "Case", "Document", "Entity", "Event",
    "Claim", "Citation", "Conflict", "Quantity", "CurationDecision", "action", "decisionTarget", "decisionValue",
    "reason", "messageId", "repliesTo", "quotedPassage", "containerPath", "Container")}
_DERIVED_FROM = str(PROV.wasDerivedFrom)
_CHECKSUM, _CHECKSUM_VALUE = str(SPDX.checksum), str(SPDX.checksumValue)
_POS, _EXTRACTOR = _T["position"], _T["extractor"]
_NO_PROPS: Props = {}


class _Index:
    """Subject -> predicate -> objects (IRIs as str, literals as pyoxigraph Literals), duplicates dropped."""

    def __init__(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        named = pyoxigraph.NamedNode
        data: dict[str, Props] = {}
        for q in quads:
            subject, obj = q.subject, q.object
            s = subject.value if type(subject) is named else str(subject)
            p = q.predicate.value
            o: object = obj.value if type(obj) is named else obj
            props = data.get(s)
            if props is None:
                data[s] = {p: [o]}
            else:
                found = props.get(p)
                if found is None:
                    props[p] = [o]
                else:
                    found.append(o)
        by_type: dict[str, list[str]] = {}
        for s, props in data.items():
            for p, values in props.items():
                if len(values) > 1 and len(set(values)) < len(values):  # the same triple in two graphs
                    props[p] = values = list(dict.fromkeys(values))
            for t in props.get(_TYPE, ()):
                if isinstance(t, str):
                    by_type.setdefault(t, []).append(s)
        self.data = data
        self.by_type = by_type
        self._bodies: dict[str, list[str]] | None = None

    def props(self, s: str) -> Props:
        return self.data.get(s, _NO_PROPS)

    def ordered(self, props: Props, p: str) -> list[str]:
        """Nodes linked by ``p``, in their ``tg:position`` order."""
        nodes = [n for n in props.get(p, ()) if isinstance(n, str)]
        return sorted(nodes, key=lambda n: int(_need(self.props(n), n, _POS)))

    def seq(self, props: Props, field: str) -> list[Value] | None:
        """The members of the owner's ``rdf:Seq`` for ``field``, in order, if it has one."""
        for seq in props.get(_T["ordered"], ()):
            if isinstance(seq, str):
                members = self.props(seq)
                if _text(members, seq, _T["field"]) == field:
                    items = []
                    i = 1
                    while (member := _one(members, seq, f"{_RDF_NS}_{i}")) is not None:
                        items.append(member)
                        i += 1
                    return items
        return None

    def annotations_of(self, body: str) -> list[str]:
        """The ``oa:Annotation`` nodes whose ``oa:hasBody`` is ``body`` (indexed on first use)."""
        if self._bodies is None:
            self._bodies = {}
            for a in self.by_type.get(_ANNOTATION, []):
                target = _iri(self.props(a), a, _HAS_BODY)
                if target is not None:
                    self._bodies.setdefault(target, []).append(a)
        return self._bodies.get(body, [])


def _one(props: Props, s: str, p: str) -> Value | None:
    found = props.get(p)
    if not found:
        return None
    if len(found) > 1:
        raise ExportError(f"RDF import: <{s}> has {len(found)} values of <{p}>, expected one")
    return cast(Value, found[0])


def _text(props: Props, s: str, p: str) -> str | None:
    found = _one(props, s, p)
    if found is None:
        return None
    if not isinstance(found, pyoxigraph.Literal):
        raise ExportError(f"RDF import: <{s}> <{p}> is an IRI, expected a literal")
    return found.value


def _need(props: Props, s: str, p: str) -> str:
    found = _text(props, s, p)
    if found is None:
        raise ExportError(f"RDF import: <{s}> has no <{p}>")
    return found


def _iri(props: Props, s: str, p: str) -> str | None:
    found = _one(props, s, p)
    if found is not None and not isinstance(found, str):
        raise ExportError(f"RDF import: <{s}> <{p}> is a literal, expected an IRI")
    return found


def _need_iri(props: Props, s: str, p: str) -> str:
    found = _iri(props, s, p)
    if found is None:
        raise ExportError(f"RDF import: <{s}> has no <{p}>")
    return found


def _lexical(values: Iterable[Value]) -> list[str]:
    return [v.value if isinstance(v, pyoxigraph.Literal) else v for v in values]


class _Reader:
    def __init__(self, index: _Index) -> None:
        self.x = index
        self.texts: dict[str, str] = {}
        self._ids: dict[str, str] = {}

    def id(self, iri: str) -> str:
        """A record's id from its IRI (``{base}{kind}/{percent-encoded id}``)."""
        found = self._ids.get(iri)
        if found is None:
            found = self._ids[iri] = unquote(iri.rsplit("/", 1)[-1])
        return found

    def opt_id(self, iri: str | None) -> str | None:
        return None if iri is None else self.id(iri)

    def time(self, node: str | None) -> TimeValue | None:
        if node is None:
            return None
        x = self.x
        props = x.props(node)
        earliest = latest = None
        if (day := _text(props, node, _IN_XSD_DATE)) is not None:
            earliest = latest = date.fromisoformat(day)
        if (instant := _iri(props, node, _HAS_BEGINNING)) is not None:
            earliest = date.fromisoformat(_need(x.props(instant), instant, _IN_XSD_DATE))
        if (instant := _iri(props, node, _HAS_END)) is not None:
            latest = date.fromisoformat(_need(x.props(instant), instant, _IN_XSD_DATE))
        return TimeValue(edtf=_need(props, node, _T["edtf"]), earliest=earliest, latest=latest,
                         precision=cast(Any, _need(props, node, _T["precision"])),
                         text=_text(props, node, _T["timeText"]), anchor=_text(props, node, _T["anchor"]))

    def span(self, target: str | None) -> Span:
        x = self.x
        if target is None:
            raise ExportError("RDF import: a record has no span")
        props = x.props(target)
        source = _iri(props, target, _HAS_SOURCE)
        if source is None:
            raise ExportError(f"RDF import: span <{target}> has no oa:hasSource")
        document = self.id(source)
        fields: dict[str, Any] = {}
        for selector in props.get(_HAS_SELECTOR, ()):
            if not isinstance(selector, str):
                raise ExportError(f"RDF import: a selector of span <{target}> is a literal, expected a node")
            selected = x.props(selector)
            types = selected.get(_TYPE, ())
            if _QUOTE_SELECTOR in types:
                fields["exact"] = _need(selected, selector, _EXACT)
                fields["prefix"] = _text(selected, selector, _PREFIX) or ""
                fields["suffix"] = _text(selected, selector, _SUFFIX) or ""
            elif _POSITION_SELECTOR in types:
                fields["start"] = int(_need(selected, selector, _START))
                fields["end"] = int(_need(selected, selector, _END))
        text = self.texts.get(document)
        if text is None:
            raise ExportError(f"RDF import: span <{target}> is in {document}, which is not a document of the file")
        missing = [name for name in ("exact", "start", "end") if name not in fields]
        if missing:
            raise ExportError(f"RDF import: span <{target}> has no {' or '.join(missing)} (a text quote and a "
                              "text position selector)")
        return Span(document=document, text=text, **fields)

    def target(self, node: str) -> Span:
        """The span of an annotation-like node (its ``oa:hasTarget``)."""
        return self.span(_iri(self.x.props(node), node, _HAS_TARGET))

    def document(self, d: str) -> Document:
        x = self.x
        props = x.props(d)
        publisher = x.seq(props, "publisher")
        authors = x.seq(props, "authors")
        origins = x.ordered(props, _T["metadataOrigin"])
        published = _iri(props, d, _T["published"])
        return Document(
            id=_need(props, d, _ID), sha256=_need(props, d, _T["sha256"]), text=_need(props, d, _T["text"]),
            source=_need(props, d, _T["sourcePath"]), media_type=_need(props, d, _FORMAT),
            title=_text(props, d, _TITLE), publisher=_lexical(publisher)[0] if publisher else None,
            authors=tuple(_lexical(authors or [])), published=self.time(published),
            url=_text(props, d, _URL), language=_text(props, d, _LANGUAGE),
            metadata_origin=tuple((_need(x.props(o), o, _T["field"]), _need(x.props(o), o, _T["origin"]))
                                  for o in origins),
            **self.message_and_pages(props, d),
        )

    def message_and_pages(self, props: Props, d: str) -> dict[str, Any]:
        """The fields of emails, attachments and PDFs (see ``rdf._message_and_pages``)."""
        x = self.x
        replies = x.seq(props, "replies_to")
        return {
            "recipients": tuple(_lexical(x.seq(props, "recipients") or [])),
            "pages": tuple(int(v) for v in _lexical(x.seq(props, "pages") or [])),
            "quoted": tuple((int(_need(x.props(q), q, _START)), int(_need(x.props(q), q, _END)))
                            for q in x.ordered(props, _T["quotedPassage"])),
            "message_id": _text(props, d, _T["messageId"]),
            "replies_to": tuple(_lexical(replies if replies is not None else props.get(_T["repliesTo"], ()))),
            **self.derivation(props, d),
        }

    def derivation(self, props: Props, d: str) -> dict[str, Any]:
        """What a document was read out of (see ``rdf._derivation``): the message it came attached
        to, or the container file holding it, and where in it it stood."""
        x = self.x
        path = _text(props, d, _T["containerPath"])
        source = _iri(props, d, _DERIVED_FROM)
        if source is None:
            if path is not None:
                raise ExportError(f"RDF import: <{d}> has a place in a container but no <{_DERIVED_FROM}>")
            return {}
        held = x.props(source)
        if _T["Container"] in held.get(_TYPE, ()):
            checksum = _need_iri(held, source, _CHECKSUM)
            return {"container_path": path, "container_sha256": _need(x.props(checksum), checksum, _CHECKSUM_VALUE)}
        sha256 = None if path is None else _need(held, source, _T["sha256"])
        return {"part_of": self.id(source), "container_path": path, "container_sha256": sha256}

    def entity(self, e: str) -> Entity:
        x = self.x
        props = x.props(e)
        aliases = x.seq(props, "aliases")
        roles = []
        for r in x.ordered(props, _T["heldRole"]):
            held = x.props(r)
            roles.append(Role(_need(held, r, _T["roleTitle"]), self.target(r),
                              self.opt_id(_iri(held, r, _T["affiliation"]))))
        return Entity(
            id=_need(props, e, _ID), kind=cast(Any, _need(props, e, _T["entityKind"])),
            name=_need(props, e, _NAME),
            aliases=tuple(_lexical(aliases if aliases is not None else props.get(_ALTERNATE_NAME, []))),
            mentions=tuple(self.target(a) for a in x.ordered(props, _T["mention"])),
            roles=tuple(roles),
        )

    def event(self, e: str) -> Event:
        x = self.x
        props = x.props(e)
        reports = []
        for r in x.ordered(props, _T["report"]):
            reported = x.props(r)
            document = _need_iri(reported, r, _T["reportedIn"])
            reports.append(Report(self.id(document), self.target(r),
                                  self.time(_iri(reported, r, _T["statedTime"])),
                                  _text(reported, r, _EXTRACTOR) or ""))
        participants = []
        for p in x.ordered(props, _T["participation"]):
            taking = x.props(p)
            participants.append(Participant(self.id(_need_iri(taking, p, _T["entity"])),
                                            _need(taking, p, _T["roleName"])))
        return Event(id=_need(props, e, _ID), label=_need(props, e, _LABEL),
                     time=self.time(_iri(props, e, _T["time"])), reports=tuple(reports),
                     participants=tuple(participants), place=self.opt_id(_iri(props, e, _LOCATION)),
                     kind=_need(props, e, _T["eventKind"]))

    def claim(self, c: str) -> Claim:
        props = self.x.props(c)
        about = self.x.seq(props, "about")
        document = _need_iri(props, c, _QUOTED_FROM)
        return Claim(
            id=_need(props, c, _ID), text=_need(props, c, _TEXT), document=self.id(document),
            span=self.span(_iri(props, c, _T["span"])), claimant=self.opt_id(_iri(props, c, _ATTRIBUTED_TO)),
            claimant_name=_text(props, c, _T["claimantName"]), quote=_text(props, c, _T["quote"]),
            verb=_text(props, c, _T["verb"]), reported=self.time(_iri(props, c, _T["reported"])),
            about=tuple(self.id(a) for a in _lexical(about if about is not None else props.get(_ABOUT, []))),
            cluster=self.opt_id(_iri(props, c, _T["cluster"])), extractor=_text(props, c, _EXTRACTOR) or "",
            cue=self.opt_span(_iri(props, c, _T["cue"])), source=self.opt_span(_iri(props, c, _T["sourceSpan"])),
            # the parts of the content never overlap, so their order is that of the text
            content=tuple(sorted((self.span(p) for p in _lexical(props.get(_T["contentPart"], ()))),
                                 key=lambda span: span.start)),
            unnamed=_text(props, c, _T["unnamedSource"]) in ("true", "1"),
            parent=self.opt_id(_iri(props, c, _T["reportedWithin"])),
        )

    def opt_span(self, target: str | None) -> Span | None:
        return None if target is None else self.span(target)

    def citation(self, c: str, base: str) -> Citation:
        props = self.x.props(c)
        cites_document = cites_entity = None
        for target in _lexical(props.get(_T["cites"], [])):
            if target.startswith(f"{base}document/"):
                cites_document = self.id(target)
            else:
                cites_entity = self.id(target)
        citing = _need_iri(props, c, _T["citingDocument"])
        return Citation(id=_need(props, c, _ID), document=self.id(citing), span=self.span(_iri(props, c, _T["span"])),
                        cites_label=_need(props, c, _T["citesLabel"]), cites_document=cites_document,
                        cites_entity=cites_entity, kind=_need(props, c, _T["citationKind"]),
                        extractor=_text(props, c, _EXTRACTOR) or "")

    def conflict(self, c: str) -> Conflict:
        x = self.x
        props = x.props(c)
        items = x.seq(props, "items")
        documents = x.seq(props, "documents")
        evidence = sorted(x.annotations_of(c), key=lambda a: int(_need(x.props(a), a, _POS)))
        return Conflict(
            id=_need(props, c, _ID), kind=cast(Any, _need(props, c, _T["conflictKind"])),
            items=tuple(self.id(i) for i in _lexical(items if items is not None
                                                     else props.get(_T["conflictItem"], []))),
            documents=tuple(self.id(d) for d in _lexical(documents if documents is not None
                                                         else props.get(_T["conflictDocument"], []))),
            explanation=_need(props, c, _T["explanation"]),
            spans=tuple(self.target(a) for a in evidence),
        )

    def quantity(self, q: str) -> Quantity:
        props = self.x.props(q)
        document = _need_iri(props, q, _T["statedIn"])
        return Quantity(
            id=_need(props, q, _ID), document=self.id(document), span=self.span(_iri(props, q, _T["span"])),
            value=float(_need(props, q, _VALUE)), measure=_need(props, q, _T["measure"]),
            qualifier=_need(props, q, _T["qualifier"]), subject=self.opt_id(_iri(props, q, _ABOUT)),
            subject_name=_text(props, q, _T["subjectName"]), time=self.time(_iri(props, q, _T["time"])),
            series=_text(props, q, _T["series"]), extractor=_text(props, q, _EXTRACTOR) or "",
        )

    def decision(self, d: str) -> Decision:
        x = self.x
        props = x.props(d)
        targets = x.seq(props, "targets")
        agent = _iri(props, d, _ASSOCIATED_WITH)
        if agent is None:
            raise ExportError(f"RDF import: curation decision <{d}> names no agent")
        agent_props = x.props(agent)
        span = _iri(props, d, _T["span"])
        return Decision(
            id=_need(props, d, _ID), action=cast(Any, _need(props, d, _T["action"])),
            targets=tuple(self.id(t) for t in _lexical(targets if targets is not None
                                                       else props.get(_T["decisionTarget"], []))),
            agent=_need(agent_props, agent, _FOAF_NAME), at=_utc(_need(props, d, _ENDED_AT)),
            reason=_text(props, d, _T["reason"]) or "", value=_text(props, d, _T["decisionValue"]),
            time=self.time(_iri(props, d, _T["time"])), span=None if span is None else self.span(span),
            agent_kind="software" if _SOFTWARE_AGENT in agent_props.get(_TYPE, ()) else "person",
        )


def _utc(value: str) -> str:
    """An xsd:dateTime in UTC as decisions spell it (``...T08:01:02Z``)."""
    return value[:-len("+00:00")] + "Z" if value.endswith("+00:00") else value


def from_quads(quads: Iterable[pyoxigraph.Quad]) -> nx.MultiDiGraph:
    """The case graph an RDF export describes."""
    with paused_gc():
        return _from_quads(quads)


def _from_quads(quads: Iterable[pyoxigraph.Quad]) -> nx.MultiDiGraph:
    x = _Index(quads)
    cases = x.by_type.get(_T["Case"], [])
    if len(cases) != 1:
        raise ExportError(f"RDF import: expected one tg:Case, found {len(cases)}")
    case = cases[0]
    base = case[: -len("case")]
    case_props = x.props(case)
    settings: dict[str, Any] = {"title": _text(case_props, case, _TITLE)}
    if (description := _text(case_props, case, _DESCRIPTION)) is not None:
        settings["description"] = description
    settings["base_iri"] = base
    if settings["title"] is None:
        del settings["title"]
    reader = _Reader(x)

    def of(cls: str) -> list[str]:
        return sorted(x.by_type.get(_T[cls], []))

    try:
        docs = [reader.document(d) for d in of("Document")]
        reader.texts = {d.id: d.text for d in docs}
        records = Records(
            documents=tuple(docs),
            entities=tuple(reader.entity(e) for e in of("Entity")),
            events=tuple(reader.event(e) for e in of("Event")),
            claims=tuple(reader.claim(c) for c in of("Claim")),
            citations=tuple(reader.citation(c, base) for c in of("Citation")),
            conflicts=tuple(reader.conflict(c) for c in of("Conflict")),
            quantities=tuple(reader.quantity(q) for q in of("Quantity")),
            decisions=tuple(reader.decision(d) for d in of("CurationDecision")),
        )
    except (ModelError, SpanError, ValueError, KeyError) as err:
        raise ExportError(f"RDF import: {err}") from err
    return build_graph(records, **settings)


def read_rdf_graph(path: Path) -> nx.MultiDiGraph:
    """Read an RDF export file (.ttl .trig .nt .nq .jsonld) back into a case graph."""
    with paused_gc():
        return _from_quads(read_rdf(Path(path)))
