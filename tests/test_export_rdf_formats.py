"""Every RDF format: read alike by rdflib and pyoxigraph's strict parsers, valid against the
shapes, deterministic; TriG's named graphs carry their provenance; `validate` exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from rdflib import URIRef
from rdflib.namespace import PROV, RDF, XSD

from timeline_graph import __version__, vocab
from timeline_graph.case import Case
from timeline_graph.cli import EXAMPLE_CASE, main
from timeline_graph.export import FORMATS, RDF_FORMATS, export
from timeline_graph.export.rdf import quads
from timeline_graph.export.rdfio import jsonld_context
from timeline_graph.export.shacl import FORMAT_BY_SUFFIX, Problem, ontology_file, validate_file
from timeline_graph.graph import build_graph
from timeline_graph.model import Records

from .conftest import SEEDS
from .test_graphjson import small_records

# rdflib's own JSON-LD and N-Quads code warns about its deprecated ConjunctiveGraph.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://example.org/case/sample/"
TG = rdflib.Namespace(vocab.TG_NS)
RDFLIB_FORMAT = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}


def oxigraph_quads(path: Path) -> set[tuple[str, str, str, str]]:
    """The file's quads as N-Quads term strings, parsed by pyoxigraph's strict parser."""
    fmt = FORMAT_BY_SUFFIX[path.suffix]
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
            for q in pyoxigraph.parse(path.read_bytes(), format=fmt)}


def rdflib_quads(path: Path, fmt: str) -> set[tuple[str, str, str, str]]:
    """The same, through rdflib's parser, written back as N-Quads and read by pyoxigraph."""
    ds = rdflib.Dataset()
    ds.parse(path, format=RDFLIB_FORMAT[fmt])
    text = ds.serialize(format="nquads")
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
            for q in pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)}


def merged(found: set[tuple[str, str, str, str]]) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _ in found}


def exports(G: nx.MultiDiGraph, folder: Path) -> dict[str, Path]:
    return {fmt: export(G, fmt, folder / f"case{FORMATS[fmt].suffix}") for fmt in RDF_FORMATS}


def assert_formats_agree(G: nx.MultiDiGraph, folder: Path) -> dict[str, Path]:
    paths = exports(G, folder)
    by_format = {fmt: oxigraph_quads(path) for fmt, path in paths.items()}
    for fmt, path in paths.items():
        assert rdflib_quads(path, fmt) == by_format[fmt], fmt
    # Quad formats agree on the named graphs; all agree on the triples.
    assert by_format["trig"] == by_format["nq"] == by_format["jsonld"]
    triples = merged(by_format["nt"])
    assert all(merged(found) == triples for found in by_format.values())
    assert by_format["ttl"] == by_format["nt"]
    assert not any(t.startswith("_:") for q in by_format["nq"] for t in q)
    return paths


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    folder = tmp_path_factory.mktemp("example") / "case"
    shutil.copytree(EXAMPLE_CASE, folder, ignore=shutil.ignore_patterns(".timeline-graph*"))
    case = Case.open(folder)
    assert case.build().ok
    return case.load_graph()


def test_sample_formats_agree_and_validate(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    for fmt, path in assert_formats_agree(sample_graph, tmp_path).items():
        result = validate_file(path)
        assert result.conforms, (fmt, result.report())


def test_example_case_exports_agree_and_validate(example_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    for fmt, path in assert_formats_agree(example_graph, tmp_path).items():
        result = validate_file(path)
        assert result.conforms, (fmt, result.report())


@pytest.mark.corpus
def test_seed_articles_export_validates(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent")
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    case = Case.open(folder, create=True)
    assert case.build().ok
    for fmt, path in assert_formats_agree(case.load_graph(), tmp_path).items():
        result = validate_file(path)
        assert result.conforms, (fmt, result.report())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(records=small_records())
def test_generated_records_agree_in_every_format(records: Records, tmp_path_factory: pytest.TempPathFactory) -> None:
    G = build_graph(records, title="generated", base_iri=BASE)
    paths = assert_formats_agree(G, tmp_path_factory.mktemp("gen"))
    result = validate_file(paths["nq"])  # the formats hold the same quads (checked above)
    assert result.conforms, result.report()


def test_exports_are_byte_identical(sample_records: Records, sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    reordered = Records(*(tuple(reversed(getattr(sample_records, f))) for f in
                          ("documents", "entities", "events", "claims", "citations", "conflicts")))
    H = build_graph(reordered, base_iri=BASE, title="Sample case")
    first, second = exports(sample_graph, tmp_path / "a"), exports(H, tmp_path / "b")
    for fmt in RDF_FORMATS:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt


def test_trig_puts_each_documents_assertions_in_its_named_graph(sample_graph: nx.MultiDiGraph,
                                                                 sample_records: Records, tmp_path: Path) -> None:
    ds = rdflib.Dataset()
    ds.parse(export(sample_graph, "trig", tmp_path / "case.trig"), format="trig")
    default = ds.graph(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)
    build = URIRef(f"{BASE}build")
    software = URIRef(f"https://w3id.org/timeline-graph/software/{__version__}")
    assert (build, RDF.type, PROV.Activity) in default
    assert (build, PROV.wasAssociatedWith, software) in default
    assert (software, RDF.type, PROV.SoftwareAgent) in default
    assert default.value(build, PROV.endedAtTime) == rdflib.Literal("2021-02-17T00:00:00+00:00", datatype=XSD.dateTime)
    for doc in sample_records.documents:
        g = URIRef(f"{BASE}graph/{doc.id}")
        assert (g, PROV.wasDerivedFrom, URIRef(f"{BASE}document/{doc.id}")) in default
        assert (g, PROV.wasGeneratedBy, build) in default
        assert (g, RDF.type, TG.Assertions) in default
    for claim in sample_records.claims:
        named = ds.graph(URIRef(f"{BASE}graph/{claim.document}"))
        assert (URIRef(f"{BASE}claim/{claim.id}"), PROV.wasQuotedFrom, URIRef(f"{BASE}document/{claim.document}")) in named
    for event in sample_records.events:
        assert (URIRef(f"{BASE}event/{event.id}"), RDF.type, TG.Event) in default


def test_build_time_is_never_the_clock(sample_graph: nx.MultiDiGraph) -> None:
    times = {o.lexical for _s, p, o, _g in quads(sample_graph) if str(p) == str(PROV.endedAtTime)}  # type: ignore[union-attr]
    assert times == {"2021-02-17T00:00:00+00:00"}
    empty = build_graph(Records(), title="x", base_iri=BASE)
    assert not [q for q in quads(empty) if str(q[1]) == str(PROV.endedAtTime)]


def test_jsonld_context_file_matches_the_export() -> None:
    assert json.loads((ROOT / "ontology" / "context.jsonld").read_text()) == jsonld_context()


@pytest.mark.parametrize("name", ["timeline-graph.ttl", "shapes.ttl", "context.jsonld"])
def test_packaged_ontology_is_the_ontology_folder(name: str) -> None:
    assert ontology_file(name).read_bytes() == (ROOT / "ontology" / name).read_bytes(), (
        f"copy ontology/{name} to timeline_graph/ontology/{name}")


def test_shapes_catch_missing_fixity_and_bad_spans(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    text = export(sample_graph, "nt", tmp_path / "case.nt").read_text()
    broken = [line for line in text.splitlines(keepends=True)
              if "#sha256>" not in line and "ns/oa#start>" not in line]
    (tmp_path / "broken.nt").write_text("".join(broken))
    result = validate_file(tmp_path / "broken.nt")
    assert not result.conforms
    report = result.report()
    assert "a document has its sha256 (fixity)" in report
    assert "oa:start" in report
    assert report.endswith("problem(s)")


def test_a_problem_about_no_node_reads_without_an_empty_focus() -> None:
    assert str(Problem("", "", "no triples", "Violation")) == "Violation: no triples"
    assert str(Problem("", "ex:p", "bad", "Warning")) == "Warning: ex:p: bad"
    assert str(Problem("http://x/a", "ex:p", "bad", "Violation")) == "Violation: <http://x/a> ex:p: bad"


def test_validate_command_exit_codes(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    runner = CliRunner()
    good = export(sample_graph, "trig", tmp_path / "case.trig")
    result = runner.invoke(main, ["validate", str(good)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output
    bad = tmp_path / "bad.nt"
    bad.write_text(f"<{BASE}document/x> <{vocab.RDF.type}> <{TG.Document}> .\n")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "does not conform" in result.output
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle <")
    result = runner.invoke(main, ["validate", str(garbage)])
    assert result.exit_code == 2
    assert "not valid Turtle" in result.output
    assert runner.invoke(main, ["validate", str(tmp_path / "missing.ttl")]).exit_code == 2
    assert runner.invoke(main, ["validate", str(tmp_path / "case.xyz")]).exit_code == 2


def test_export_command_offers_every_registered_format(sample_graph: nx.MultiDiGraph) -> None:
    result = CliRunner().invoke(main, ["export", "--help"])
    for fmt in FORMATS:
        assert f"{fmt}:" in result.output.replace("\n", " ")
