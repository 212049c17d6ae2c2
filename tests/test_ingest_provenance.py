"""What emails, attachments and PDFs carry survives graph JSON and RDF, and RDF exports of them validate."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF

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
def mixed_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    """A mailbox thread with an attachment, and a two-page PDF, as a graph."""
    from .test_ingest_pdf import LEFT, RIGHT, column, pdf

    box = write_mbox(Path(tmp_path_factory.mktemp("mail")) / "thread.mbox", thread())
    docs = [d for d in read_parts(box.read_bytes(), source="thread.mbox") if isinstance(d, Document)]
    docs.append(read_bytes(pdf([column(72, LEFT), column(72, RIGHT)]), source="report.pdf"))
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
