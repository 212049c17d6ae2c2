"""Real clients read the exports: PyLD expands the JSON-LD to the same quads, the `prov`
package loads the PROV statements."""

from __future__ import annotations

import json
import warnings

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from rdflib.namespace import PROV

from timeline_graph.export.rdfio import to_jsonld, to_nquads, to_ntriples
from timeline_graph.graph import claims, decisions, documents

from .test_export_rdf_formats import example_graph  # noqa: F401  (a fixture)

_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"


def _term(term: object) -> object:
    # JSON-LD to RDF writes doubles in its canonical form ("2.2E4"); compare them by value.
    if isinstance(term, pyoxigraph.Literal) and term.datatype.value == _DOUBLE:
        return ("double", float(term.value))
    return str(term)


def _quads(nquads: str) -> set[tuple[object, ...]]:
    return {(str(q.subject), str(q.predicate), _term(q.object), str(q.graph_name))
            for q in pyoxigraph.parse(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)}


@pytest.mark.parametrize("which", ["sample", "example"])
def test_pyld_expands_the_jsonld_to_the_same_quads(which: str, sample_graph: nx.MultiDiGraph,
                                                    example_graph: nx.MultiDiGraph) -> None:  # noqa: F811
    jsonld = pytest.importorskip("pyld.jsonld")
    G = sample_graph if which == "sample" else example_graph
    data = json.loads(to_jsonld(G))
    expanded = jsonld.expand(data)
    assert expanded and all("@id" in node for node in expanded)
    assert _quads(jsonld.to_rdf(data, {"format": "application/n-quads"})) == _quads(to_nquads(G))


def test_prov_package_loads_the_provenance(example_graph: nx.MultiDiGraph) -> None:  # noqa: F811
    model = pytest.importorskip("prov.model")
    g = rdflib.Graph().parse(data=to_ntriples(example_graph), format="nt")
    provenance = rdflib.Graph()
    for s, p, o in g:
        if str(p).startswith(str(PROV)) or (p == rdflib.RDF.type and str(o).startswith(str(PROV))):
            provenance.add((s, p, o))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # prov keeps prov:Location/Bundle types as attributes
        document = model.ProvDocument.deserialize(content=provenance.serialize(format="turtle"),
                                                  format="rdf", rdf_format="turtle")
    kinds: dict[str, int] = {}
    for rec in document.get_records():
        kinds[type(rec).__name__] = kinds.get(type(rec).__name__, 0) + 1
    n_docs = len(list(documents(example_graph)))
    attributed = sum(1 for c in claims(example_graph) if c.claimant is not None)
    curated = list(decisions(example_graph))
    used = {(d.id, t) for d in curated for t in (*d.targets, *([d.span.document] if d.span else []))}
    assert curated  # the example case has curation decisions: each is an activity of its curator
    assert kinds["ProvActivity"] == 1 + len(curated)
    assert kinds["ProvAssociation"] == 1 + len(curated)
    assert kinds["ProvUsage"] == n_docs + len(used)
    assert kinds["ProvInvalidation"] == sum(len(d.targets) for d in curated if d.action == "reject")  # one per record
    assert kinds["ProvAttribution"] == attributed
    assert kinds["ProvGeneration"] >= n_docs + 1  # each named graph and the case
    assert kinds["ProvDerivation"] >= n_docs  # each named graph, and every claim's quotation
