"""RDF: the vocabulary, and Turtle that both rdflib and pyoxigraph's strict parser read alike."""

from __future__ import annotations

import hashlib
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SDO, TIME, XSD, DefinedNamespace

from timeline_graph import vocab
from timeline_graph.errors import ExportError
from timeline_graph.export import export
from timeline_graph.export.rdf import Lit, triples
from timeline_graph.export.rdfio import to_turtle
from timeline_graph.graph import build_graph
from timeline_graph.model import (
    Claim,
    Document,
    Entity,
    Event,
    Records,
    Report,
    Span,
    TimeValue,
    record_id,
)

from .test_graphjson import small_records

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "timeline-graph.ttl"
BASE = "https://example.org/case/sample/"
TG = rdflib.Namespace(vocab.TG_NS)
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
EDTF = URIRef("http://id.loc.gov/datatypes/edtf/EDTF")


def parse_rdflib(text: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format="turtle")


def parse_oxigraph(text: str) -> rdflib.Graph:
    """Parse with pyoxigraph's strict Turtle parser and hand the triples to rdflib as N-Triples."""
    found = list(pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE))
    nt = pyoxigraph.serialize(found, format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert nt is not None
    return rdflib.Graph().parse(data=nt.decode("utf-8"), format="nt")


def expected(G: nx.MultiDiGraph) -> set[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The triples the exporter generated, as rdflib terms."""
    def term(t: str | Lit) -> URIRef | Literal:
        if isinstance(t, Lit):
            plain = t.language or t.datatype == str(XSD.string)  # rdflib keeps simple literals untyped
            return Literal(t.lexical, lang=t.language, datatype=None if plain else URIRef(t.datatype))
        return URIRef(t)
    return {(URIRef(s), URIRef(p), term(o)) for s, p, o in triples(G)}


def assert_parses_alike(G: nx.MultiDiGraph) -> rdflib.Graph:
    text = to_turtle(G)
    by_rdflib, by_oxigraph = parse_rdflib(text), parse_oxigraph(text)
    assert set(by_rdflib) == set(by_oxigraph)
    assert set(by_rdflib) == expected(G)
    assert not any(isinstance(t, BNode) for triple in by_rdflib for t in triple)
    return by_rdflib


# ---------------------------------------------------------------------------------------------
# The vocabulary


def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


def test_ontology_parses_in_both_parsers() -> None:
    g = ontology()
    ox = list(pyoxigraph.parse(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) == len(ox) > 100
    assert (URIRef(vocab.TG_NS.rstrip("#")), RDF.type, OWL.Ontology) in g


def test_every_tg_term_is_declared_with_label_and_comment() -> None:
    g = ontology()
    declared = {s for s in g.subjects() if isinstance(s, URIRef) and s.startswith(vocab.TG_NS)}
    assert {str(s)[len(vocab.TG_NS):] for s in declared} == set(vocab.TG_TERMS)
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for term in declared:
        assert set(g.objects(term, RDF.type)) & kinds, f"{term} has no OWL type"
        assert g.value(term, RDFS.label), f"{term} has no rdfs:label"
        assert g.value(term, RDFS.comment), f"{term} has no rdfs:comment"
        assert g.value(term, RDFS.isDefinedBy) == URIRef(vocab.TG_NS.rstrip("#"))


def test_ontology_aligns_to_reused_vocabularies() -> None:
    g = ontology()
    assert (TG.Document, RDFS.subClassOf, PROV.Entity) in g
    assert (TG.Claim, RDFS.subClassOf, SDO.Claim) in g
    assert (TG.Span, RDFS.subClassOf, OA.SpecificResource) in g
    assert (TG.TimeValue, RDFS.subClassOf, TIME.TemporalEntity) in g
    assert (TG.edtf, RDFS.range, EDTF) in g


_DEFINED: tuple[type[DefinedNamespace], ...] = (DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SDO, TIME, XSD)
_CLOSED = (vocab.OA, vocab.SPDX, vocab.EDTF)


def is_known_standard_term(iri: str) -> bool:
    """Whether ``iri`` is a real term of one of the reused vocabularies (not just its namespace)."""
    for ns in _DEFINED:
        if iri.startswith(str(ns._NS)):
            return iri[len(str(ns._NS)):] in ns
    for closed in _CLOSED:
        base = str(closed)
        if iri.startswith(base):
            try:
                getattr(closed, iri[len(base):])
            except AttributeError:
                return False
            return True
    return False


def test_every_predicate_class_and_datatype_is_declared(sample_graph: nx.MultiDiGraph) -> None:
    declared = {s for s in ontology().subjects() if isinstance(s, URIRef)}
    g = parse_rdflib(to_turtle(sample_graph))
    used: set[URIRef] = {p for p in g.predicates() if isinstance(p, URIRef)}
    used |= {o for o in g.objects(None, RDF.type) if isinstance(o, URIRef)}
    used |= {o.datatype for o in g.objects() if isinstance(o, Literal) and o.datatype}
    used |= {o for p, o in g.predicate_objects() if p in (OA.motivatedBy, vocab.SPDX.algorithm)
             and isinstance(o, URIRef)}
    for term in sorted(used):
        if term.startswith(vocab.TG_NS):
            assert term in declared, f"{term} is not declared in ontology/timeline-graph.ttl"
        else:
            assert is_known_standard_term(term), f"{term} is neither a tg: term nor a reused standard term"


def test_standard_term_check_is_not_a_namespace_check() -> None:
    assert is_known_standard_term(str(PROV.wasQuotedFrom))
    assert not is_known_standard_term("http://www.w3.org/ns/prov#wasQuotedBy")
    assert not is_known_standard_term("http://www.w3.org/ns/oa#hasSelectorr")
    assert not is_known_standard_term("http://example.org/wasQuotedFrom")


# ---------------------------------------------------------------------------------------------
# The export


def test_sample_parses_alike_in_rdflib_and_pyoxigraph(sample_graph: nx.MultiDiGraph) -> None:
    g = assert_parses_alike(sample_graph)
    assert len(g) > 200


def test_documents_provenance_and_fixity(sample_graph: nx.MultiDiGraph, sample_records: Records) -> None:
    g = parse_rdflib(to_turtle(sample_graph))
    first = sample_records.documents[0]
    d = URIRef(f"{BASE}document/{first.id}")
    assert {PROV.Entity, SDO.NewsArticle, TG.Document} <= set(g.objects(d, RDF.type))
    assert g.value(d, DCTERMS.title) == Literal("Police seek doorbell footage")
    assert g.value(d, DCTERMS.issued) == Literal("2020-06-20", datatype=XSD.date)
    assert g.value(d, TG.sha256) == Literal(first.sha256)
    checksum = g.value(d, vocab.SPDX.checksum)
    assert g.value(checksum, vocab.SPDX.checksumValue) == Literal(first.sha256, datatype=XSD.hexBinary)
    assert g.value(checksum, vocab.SPDX.algorithm) == vocab.SPDX.checksumAlgorithm_sha256
    publisher = g.value(d, DCTERMS.publisher)  # the case's "Daily Ledger" entity
    assert publisher == URIRef(f"{BASE}entity/{Entity.id_for('organization', 'Daily Ledger')}")
    author = g.value(d, DCTERMS.creator)
    assert {PROV.Agent, FOAF.Person, SDO.Person} <= set(g.objects(author, RDF.type))
    assert g.value(author, SDO.name) == Literal("Ann Writer")
    assert g.value(d, TG.text) == Literal(first.text)


def test_claims_use_prov_and_schema(sample_graph: nx.MultiDiGraph, sample_records: Records) -> None:
    g = parse_rdflib(to_turtle(sample_graph))
    claim = next(c for c in sample_records.claims if c.claimant)
    c = URIRef(f"{BASE}claim/{claim.id}")
    doc = URIRef(f"{BASE}document/{claim.document}")
    assert (c, RDF.type, SDO.Claim) in g
    assert (c, PROV.wasAttributedTo, URIRef(f"{BASE}entity/{claim.claimant}")) in g
    assert (c, PROV.wasQuotedFrom, doc) in g
    assert (c, SDO.appearance, doc) in g
    cluster = g.value(c, TG.cluster)
    assert (cluster, SDO.firstAppearance, doc) in g
    assert (URIRef(f"{BASE}entity/{claim.claimant}"), RDF.type, PROV.Agent) in g


def test_every_span_is_a_web_annotation(sample_graph: nx.MultiDiGraph, sample_records: Records) -> None:
    g = parse_rdflib(to_turtle(sample_graph))
    spans = [m for e in sample_records.entities for m in e.mentions]
    spans += [r.span for e in sample_records.events for r in e.reports]
    spans += [c.span for c in sample_records.claims] + [c.span for c in sample_records.citations]
    spans += [s for c in sample_records.conflicts for s in c.spans]
    for span in spans:
        target = URIRef(f"{BASE}span/{span.document}/{span.start}-{span.end}")
        assert (target, RDF.type, OA.SpecificResource) in g
        assert g.value(target, OA.hasSource) == URIRef(f"{BASE}document/{span.document}")
        assert any((a, RDF.type, OA.Annotation) in g for a in g.subjects(OA.hasTarget, target))
        selectors = set(g.objects(target, OA.hasSelector))
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in g)
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g)
        assert g.value(quote, OA.exact) == Literal(span.exact)
        start, end = g.value(position, OA.start), g.value(position, OA.end)
        assert isinstance(start, Literal) and start.toPython() == span.start
        assert isinstance(end, Literal) and end.toPython() == span.end
    # every annotation has a body and a target
    for a in g.subjects(RDF.type, OA.Annotation):
        assert g.value(a, OA.hasBody) is not None and g.value(a, OA.hasTarget) is not None


def _one_event_graph(edtf: str, published: str = "2020-07-01") -> nx.MultiDiGraph:
    text = "In June 2020 the police asked for footage."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="a.txt",
                          published=TimeValue.from_edtf(published))
    span = Span.find(doc, "In June 2020 the police asked for footage")
    event = Event(id=record_id("evt", "june"), label="police asked for footage",
                  time=TimeValue.from_edtf(edtf, text="June 2020"),
                  reports=(Report(doc.id, span, TimeValue.from_edtf(edtf)),))
    return build_graph(Records(documents=(doc,), events=(event,)), title="t", base_iri=BASE)


def test_month_precision_is_not_a_fake_day() -> None:
    G = _one_event_graph("2020-06", published="2020-07")
    g = assert_parses_alike(G)
    event = URIRef(f"{BASE}event/{record_id('evt', 'june')}")
    time = g.value(event, TG.time)
    assert g.value(time, TG.edtf) == Literal("2020-06", datatype=EDTF)
    assert g.value(time, TG.precision) == Literal("month")
    assert (time, RDF.type, TIME.ProperInterval) in g
    assert (time, RDF.type, TIME.Instant) not in g
    assert g.value(time, TIME.inXSDDate) is None  # the month itself is never given as a day
    begin, end = g.value(time, TIME.hasBeginning), g.value(time, TIME.hasEnd)
    assert g.value(begin, TIME.inXSDDate) == Literal("2020-06-01", datatype=XSD.date)
    assert g.value(end, TIME.inXSDDate) == Literal("2020-06-30", datatype=XSD.date)
    doc = next(g.subjects(RDF.type, TG.Document))
    assert g.value(doc, DCTERMS.issued) == Literal("2020-07", datatype=XSD.gYearMonth)
    # no xsd:date literal anywhere equals a made-up day for the month
    dates = {o for o in g.objects() if isinstance(o, Literal) and o.datatype == XSD.date}
    assert dates == {Literal("2020-06-01", datatype=XSD.date), Literal("2020-06-30", datatype=XSD.date),
                     Literal("2020-07-01", datatype=XSD.date), Literal("2020-07-31", datatype=XSD.date)}


@pytest.mark.parametrize(("edtf", "issued_type"), [
    ("2020-06-16", XSD.date), ("2020", XSD.gYear), ("2020-22", EDTF), ("2020-06-16~", EDTF),
    ("2019/2021", EDTF), ("2020-06?", EDTF),
])
def test_edtf_survives(edtf: str, issued_type: URIRef) -> None:
    g = assert_parses_alike(_one_event_graph(edtf, published=edtf))
    time = g.value(URIRef(f"{BASE}event/{record_id('evt', 'june')}"), TG.time)
    assert g.value(time, TG.edtf) == Literal(edtf, datatype=EDTF)
    doc = next(g.subjects(RDF.type, TG.Document))
    assert g.value(doc, DCTERMS.issued) == Literal(edtf, datatype=issued_type)
    if edtf == "2020-06-16":
        assert g.value(time, TIME.inXSDDate) == Literal("2020-06-16", datatype=XSD.date)


def test_quotes_newlines_and_unicode_survive() -> None:
    text = 'He said "no" \\ then\n\tleft\r\n— café 🎉 \x01\x7f end\u2028x'
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source='we"ird\\path.txt',
                          title='A "title"\nwith a break', authors=("Zoë O'Neil",))
    span = Span.at(doc, 3, len(text) - 2)
    claim = Claim(id=record_id("clm", 1), text='"no"\n', document=doc.id, span=span, quote="🎉")
    G = build_graph(Records(documents=(doc,), claims=(claim,)), title="Ünï \"case\"", base_iri=BASE)
    g = assert_parses_alike(G)
    d = URIRef(f"{BASE}document/{doc.id}")
    assert g.value(d, TG.text) == Literal(text)
    assert g.value(d, DCTERMS.title) == Literal('A "title"\nwith a break')
    quote = URIRef(f"{BASE}span/{doc.id}/{span.start}-{span.end}/quote")
    assert g.value(quote, OA.exact) == Literal(span.exact)
    assert "🎉" in to_turtle(G)


def test_turtle_is_byte_identical(sample_records: Records, sample_graph: nx.MultiDiGraph) -> None:
    reordered = Records(*(tuple(reversed(getattr(sample_records, f))) for f in
                          ("documents", "entities", "events", "claims", "citations", "conflicts")))
    H = build_graph(reordered, base_iri=BASE, title="Sample case")
    text = to_turtle(sample_graph)
    assert text == to_turtle(sample_graph) == to_turtle(H)
    assert text.startswith("@prefix tg: <https://w3id.org/timeline-graph/ns#> .\n")
    assert text.endswith(" .\n")


def test_export_ttl(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = export(sample_graph, "ttl", tmp_path / "case.ttl")
    assert out.read_bytes() == to_turtle(sample_graph).encode("utf-8")


@pytest.mark.parametrize(("base", "message"), [
    (None, "no base_iri"),
    ("https://example.org/case", "must end with"),
    ("not an iri/", "not an absolute IRI"),
])
def test_bad_base_iri(sample_records: Records, base: str | None, message: str) -> None:
    case = {"title": "x"} if base is None else {"title": "x", "base_iri": base}
    with pytest.raises(ExportError, match=message):
        to_turtle(build_graph(sample_records, **case))


def test_any_id_gives_a_valid_iri(sample_records: Records) -> None:
    doc = sample_records.documents[0]
    odd = 'ent with space/slash "quote" <angle> é%'
    bad = Entity(id=odd, kind="person", name="X", mentions=(Span.find(doc, "Ana Ruiz"),))
    G = build_graph(Records(documents=(doc,), entities=(bad,)), title="x", base_iri=BASE)
    g = assert_parses_alike(G)
    iri = URIRef(BASE + "entity/ent%20with%20space%2Fslash%20%22quote%22%20%3Cangle%3E%20%C3%A9%25")
    assert g.value(iri, DCTERMS.identifier) == Literal(odd)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=small_records())
def test_generated_records_parse_alike(records: Records) -> None:
    assert_parses_alike(build_graph(records, title="generated", base_iri=BASE))
