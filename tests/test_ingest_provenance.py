"""What emails, attachments, PDFs and web archive pages carry (their container and place in it too)
survives graph JSON and RDF, and RDF exports of them validate."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from timeline_graph import vocab
from timeline_graph.export.graphjson import from_json, to_json
from timeline_graph.export.rdfimport import from_quads
from timeline_graph.export.rdfio import to_nquads, to_turtle
from timeline_graph.export.shacl import validate_graph
from timeline_graph.graph import build_graph
from timeline_graph.ingest import read_bytes, read_parts
from timeline_graph.model import Document, Records
from timeline_graph.resolve.citations import thread_citations

from .test_graphjson import assert_same_graph
from .test_ingest_mail import thread, write_mbox
from .test_rdf import is_known_standard_term, ontology, parse_rdflib

BASE = "https://example.org/cases/inputs/"


@pytest.fixture(scope="module")
def mailbox_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A mailbox of a thread of three messages, the last with an attachment."""
    return write_mbox(Path(tmp_path_factory.mktemp("mail")) / "thread.mbox", thread()).read_bytes()


@pytest.fixture(scope="module")
def crawl() -> bytes:
    """A compressed web archive with two pages, a redirect, a request and an image."""
    from .test_ingest_warc import warc

    return warc(gzip=True)


@pytest.fixture(scope="module")
def mixed_graph(mailbox_bytes: bytes, crawl: bytes) -> nx.MultiDiGraph:
    """A mailbox thread with an attachment, a two-page PDF and a web archive, as a graph."""
    from .test_ingest_pdf import LEFT, RIGHT, column, pdf

    docs = [d for d in read_parts(mailbox_bytes, source="thread.mbox") if isinstance(d, Document)]
    docs.append(read_bytes(pdf([column(72, LEFT), column(72, RIGHT)]), source="report.pdf"))
    docs += [d for d in read_parts(crawl, source="crawl.warc.gz") if isinstance(d, Document)]
    records = Records(documents=tuple(sorted(docs, key=lambda d: d.id)),
                      citations=tuple(sorted(thread_citations(docs), key=lambda c: c.id)))
    return build_graph(records, title="inputs", base_iri=BASE)


def test_graph_json_keeps_recipients_thread_quotes_pages_and_attachments(mixed_graph: nx.MultiDiGraph) -> None:
    text = to_json(mixed_graph)
    assert '"part_of"' in text and '"pages"' in text and '"quoted"' in text and '"replies_to"' in text
    back = from_json(text)
    assert_same_graph(mixed_graph, back)
    assert to_json(back) == text


def test_rdf_keeps_them_too(mixed_graph: nx.MultiDiGraph) -> None:
    text = to_nquads(mixed_graph)
    back = from_quads(pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS))
    assert_same_graph(mixed_graph, back)
    assert to_nquads(back) == text


def test_rdf_states_derivation_and_validates(mixed_graph: nx.MultiDiGraph) -> None:
    g = parse_rdflib(to_turtle(mixed_graph))
    attachment = next(d for _, d in mixed_graph.nodes(data="record") if isinstance(d, Document) and d.part_of)
    derived = list(g.triples((None, PROV.wasDerivedFrom, None)))
    assert any(str(s).endswith(attachment.id) and str(o).endswith(attachment.part_of) for s, _, o in derived)
    assert (None, vocab.TG.pageStart, Literal(0, datatype=vocab.XSD.nonNegativeInteger)) in g
    assert any(True for _ in g.triples((None, vocab.TG.quotedPassage, None)))
    result = validate_graph(g)
    assert result.conforms, result.problems
    declared = {s for s in ontology().subjects() if isinstance(s, URIRef)}
    for term in {p for p in g.predicates() if isinstance(p, URIRef)} | set(g.objects(None, RDF.type)):
        assert term in declared or is_known_standard_term(str(term)), term


def record_ids(archive: bytes) -> list[str]:
    """The WARC-Record-ID of each HTML response record of an archive, read with warcio."""
    from warcio.archiveiterator import ArchiveIterator

    return [r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(io.BytesIO(archive))
            if r.rec_type == "response" and r.http_headers.get_statuscode() == "200"
            and r.http_headers.get_header("Content-Type").startswith("text/html")]


def test_graph_json_names_the_container_and_the_place_in_it_of_each_part(mixed_graph: nx.MultiDiGraph,
                                                                          mailbox_bytes: bytes, crawl: bytes) -> None:
    docs = {d["source"]: d for d in json.loads(to_json(mixed_graph))["documents"]}
    pages = [docs["crawl.warc.gz#record-4"], docs["crawl.warc.gz#record-5"]]
    assert [p["container_path"] for p in pages] == record_ids(crawl)
    assert all(p["container_path"].startswith("<urn:uuid:") for p in pages)
    assert {p["container_sha256"] for p in pages} == {hashlib.sha256(crawl).hexdigest()}
    messages = [docs[f"thread.mbox#message-{n}"] for n in (1, 2, 3)]
    assert [m["container_path"] for m in messages] == ["message-1", "message-2", "message-3"]
    assert {m["container_sha256"] for m in messages} == {hashlib.sha256(mailbox_bytes).hexdigest()}
    attachment = docs["thread.mbox#message-3#minutes.md"]
    assert attachment["container_path"] == "minutes.md"
    assert attachment["container_sha256"] == messages[2]["sha256"] and attachment["part_of"] == messages[2]["id"]
    assert "container_path" not in docs["report.pdf"] and "container_sha256" not in docs["report.pdf"]


def test_rdf_derives_each_part_from_its_container(mixed_graph: nx.MultiDiGraph, crawl: bytes) -> None:
    g = parse_rdflib(to_turtle(mixed_graph))
    TG, SPDX = vocab.TG, vocab.SPDX
    page = next(d for d in g.subjects(vocab.TG.sourcePath, Literal("crawl.warc.gz#record-5")))
    (container,) = g.objects(page, PROV.wasDerivedFrom)
    assert (container, RDF.type, TG.Container) in g and (container, RDF.type, PROV.Entity) in g
    assert g.value(container, RDFS.label) == Literal("crawl.warc.gz")
    assert g.value(container, DCTERMS.format) == Literal("application/warc")
    checksum = g.value(container, SPDX.checksum)
    assert str(g.value(checksum, SPDX.checksumValue)) == hashlib.sha256(crawl).hexdigest()
    assert g.value(page, TG.containerPath) == Literal(record_ids(crawl)[1])
    message = next(g.subjects(TG.sourcePath, Literal("thread.mbox#message-3")))
    assert g.value(message, TG.containerPath) == Literal("message-3")
    assert g.value(g.value(message, PROV.wasDerivedFrom), RDFS.label) == Literal("thread.mbox")
    attachment = next(g.subjects(TG.sourcePath, Literal("thread.mbox#message-3#minutes.md")))
    assert g.value(attachment, PROV.wasDerivedFrom) == message
    assert g.value(attachment, TG.containerPath) == Literal("minutes.md")
    report = next(g.subjects(TG.sourcePath, Literal("report.pdf")))
    assert g.value(report, PROV.wasDerivedFrom) is None and g.value(report, TG.containerPath) is None
