"""graph -> RDF -> graph loses nothing, in every RDF format, for generated graphs and the example."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_graph.cli import main
from timeline_graph.errors import ExportError
from timeline_graph.export import FORMATS, RDF_FORMATS, export
from timeline_graph.export.graphjson import from_json
from timeline_graph.export.rdfimport import from_quads, read_rdf_graph
from timeline_graph.export.rdfio import to_nquads
from timeline_graph.graph import build_graph
from timeline_graph.model import (
    DECISION_ACTIONS,
    Decision,
    Quantity,
    Records,
    Span,
    TimeValue,
    record_id,
)

from .test_export_rdf_formats import example_graph  # noqa: F401  (a fixture)
from .test_graphjson import assert_same_graph, case_settings, small_records

_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=8)


@st.composite
def records_with_quantities(draw: st.DrawFn) -> Records:
    """small_records, plus a few quantities cited in its documents."""
    records = draw(small_records())
    found = []
    for i in range(draw(st.integers(0, 2))):
        doc = draw(st.sampled_from(records.documents))
        start = draw(st.integers(0, len(doc.text) - 1))
        span = Span.at(doc, start, draw(st.integers(start + 1, len(doc.text))))
        entity_ids = [e.id for e in records.entities]
        found.append(Quantity(
            id=record_id("qty", i), document=doc.id, span=span,
            value=draw(st.floats(allow_nan=False) | st.sampled_from([math.inf, -math.inf, 0.5, 2000.0])),
            measure=draw(_TEXT), qualifier=draw(st.sampled_from(["exactly", "about", "more than"])),
            subject=draw(st.sampled_from([None, *entity_ids])), subject_name=draw(st.none() | _TEXT),
            series=draw(st.none() | _TEXT), extractor=draw(st.sampled_from(["", "q 1"])),
        ))
    return dataclasses.replace(records, quantities=tuple(found), decisions=draw(decisions_for(records)))


_AGENT = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=12).filter(str.strip)
_AT = st.datetimes(min_value=__import__("datetime").datetime(1990, 1, 1)).map(
    lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ"))


@st.composite
def decisions_for(draw: st.DrawFn, records: Records) -> tuple[Decision, ...]:
    """A few curation decisions of every kind about the records, or about records long gone."""
    ids = [r.id for group in (records.documents, records.entities, records.events, records.claims) for r in group]
    gone = st.sampled_from(["evt-0000000000000000", "ent-gone", "weird id/ü?#", "cfl-1"])
    found = []
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(DECISION_ACTIONS))
        targets = tuple(draw(st.lists(st.sampled_from(ids) | gone, min_size=0 if action == "add" else 1,
                                      max_size=3)))
        value = draw(st.sampled_from(["A1", "B2", "F6"])) if action == "grade" else draw(st.none() | _TEXT)
        span = None
        if action == "add" or draw(st.booleans()):
            doc = draw(st.sampled_from(records.documents))
            start = draw(st.integers(0, len(doc.text) - 1))
            span = Span.at(doc, start, draw(st.integers(start + 1, len(doc.text))))
        time = draw(st.none() | st.sampled_from(["2020-06-16", "2020-06~", "2020-21", "2019/2021", "XXXX-06-16"]))
        found.append(Decision.create(
            action=action, targets=targets, agent=draw(_AGENT), at=draw(_AT), reason=draw(st.sampled_from(["", "why"]) | _TEXT),
            value=value, time=TimeValue.from_edtf(time) if time else None, span=span,
            agent_kind=draw(st.sampled_from(["person", "software"])),
        ))
    return tuple(found)


def round_trip(G: nx.MultiDiGraph, fmt: str, folder: Path) -> nx.MultiDiGraph:
    return read_rdf_graph(export(G, fmt, folder / f"case{FORMATS[fmt].suffix}"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=records_with_quantities(), case=case_settings())
def test_generated_graphs_survive_rdf(records: Records, case: dict[str, Any]) -> None:
    G = build_graph(records, **case)
    text = to_nquads(G)
    back = from_quads(pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS))
    assert_same_graph(G, back)
    assert to_nquads(back) == text


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(records=records_with_quantities(), case=case_settings())
def test_generated_graphs_survive_every_format(records: Records, case: dict[str, Any],
                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    G = build_graph(records, **case)
    folder = tmp_path_factory.mktemp("rt")
    for fmt in RDF_FORMATS:
        assert_same_graph(G, round_trip(G, fmt, folder))


def test_example_case_survives_every_format(example_graph: nx.MultiDiGraph, tmp_path: Path) -> None:  # noqa: F811
    for fmt in RDF_FORMATS:
        assert_same_graph(example_graph, round_trip(example_graph, fmt, tmp_path))


def test_import_refuses_what_is_not_an_export(tmp_path: Path) -> None:
    path = tmp_path / "other.nt"
    path.write_text("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    with pytest.raises(ExportError, match="expected one tg:Case"):
        read_rdf_graph(path)


def test_import_command(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    trig = export(sample_graph, "trig", tmp_path / "case.trig")
    out = tmp_path / "back.json"
    result = CliRunner().invoke(main, ["import", str(trig), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert_same_graph(sample_graph, from_json(out.read_text()))
    assert json.loads(out.read_text())["case"]["base_iri"] == "https://example.org/case/sample/"
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle <")
    result = CliRunner().invoke(main, ["import", str(bad), "--out", str(out)])
    assert result.exit_code == 2
    assert "not valid Turtle" in result.output


def test_import_drops_repeated_triples_and_still_checks_spans(sample_graph: nx.MultiDiGraph) -> None:
    text = to_nquads(sample_graph)
    lines = text.splitlines(keepends=True)
    repeated = "".join(lines + lines[::-1])  # every triple twice (as in two graphs), in another order
    back = from_quads(pyoxigraph.parse(repeated.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS))
    assert_same_graph(sample_graph, back)
    exact = next(line for line in lines if "/ns/oa#exact>" in line)
    tampered = text.replace(exact, exact.replace('> "', '> "x', 1))
    with pytest.raises(ExportError, match="RDF import: span"):
        from_quads(pyoxigraph.parse(tampered.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS))
