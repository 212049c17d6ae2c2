"""GraphML (read back by NetworkX), CSV tables, TimelineJS JSON: shape and determinism."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx

from timeline_graph.curate import curate
from timeline_graph.export import export
from timeline_graph.graph import build_graph, claims, entities, events
from timeline_graph.model import Decision, Records


def test_graphml_loads_in_networkx(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = export(sample_graph, "graphml", tmp_path / "case.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert set(H.nodes) == set(sample_graph.nodes)
    assert sorted((u, v, d["relation"]) for u, v, d in H.edges(data=True)) == \
        sorted((u, v, k) for u, v, k in sample_graph.edges(keys=True))
    event = next(events(sample_graph))
    assert H.nodes[event.id]["kind"] == "event"
    assert H.nodes[event.id]["label"] == event.label
    if event.time is not None:
        assert H.nodes[event.id]["edtf"] == event.time.edtf


def test_csv_tables(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = export(sample_graph, "csv", tmp_path / "case.csv.zip")
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["documents.csv", "events.csv", "claims.csv", "entities.csv", "citations.csv",
                                      "decisions.csv"]
        tables = {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
                  for name in archive.namelist()}
    assert [r["id"] for r in tables["events.csv"]] == [e.id for e in events(sample_graph)]
    assert [r["id"] for r in tables["claims.csv"]] == [c.id for c in claims(sample_graph)]
    assert [r["name"] for r in tables["entities.csv"]] == [e.name for e in entities(sample_graph)]
    claim = next(claims(sample_graph))
    assert tables["claims.csv"][0]["exact"] == claim.span.exact
    assert path.read_bytes() == export(sample_graph, "csv", tmp_path / "again.csv.zip").read_bytes()


def test_csv_tables_carry_curation(sample_records: Records, tmp_path: Path) -> None:
    doc = sample_records.documents[0]
    graded = [Decision.create(action="grade", targets=(doc.id,), agent="Ana", at=at, value=code, reason="r")
              for at, code in (("2026-01-01T00:00:00Z", "C3"), ("2026-02-01T00:00:00Z", "B2"))]
    G = build_graph(curate(sample_records, graded)[0], title="t", base_iri="https://example.org/t/")
    with zipfile.ZipFile(export(G, "csv", tmp_path / "case.csv.zip")) as archive:
        tables = {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
                  for name in archive.namelist()}
    assert {r["id"]: r["grade"] for r in tables["documents.csv"]}[doc.id] == "B2"  # the latest grade
    assert [(r["at"], r["agent"], r["action"], r["targets"], r["value"]) for r in tables["decisions.csv"]] == [
        ("2026-01-01T00:00:00Z", "Ana", "grade", doc.id, "C3"), ("2026-02-01T00:00:00Z", "Ana", "grade", doc.id, "B2")]


def test_timelinejs(sample_graph: nx.MultiDiGraph, sample_records: Records, tmp_path: Path) -> None:
    data = json.loads(export(sample_graph, "timelinejs", tmp_path / "case.timeline.json").read_text())
    assert data["title"]["text"]["headline"] == "Sample case"
    dated = [e for e in events(sample_graph) if e.time is not None and e.time.earliest is not None]
    assert {s["unique_id"] for s in data["events"]} == {e.id for e in dated}
    for slide in data["events"]:
        assert set(slide["start_date"]) >= {"year", "month", "day", "display_date"}
        assert slide["group"]
        assert "<blockquote>" in slide["text"]["text"]
    for event in dated:
        slide = next(s for s in data["events"] if s["unique_id"] == event.id)
        assert event.time is not None and event.time.earliest is not None
        if event.time.latest != event.time.earliest:  # an uncertain date is a range, never a day
            assert slide["end_date"]["year"] == event.time.latest.year  # type: ignore[union-attr]
        else:
            assert "end_date" not in slide


def test_timelinejs_uncertain_date_is_a_range(tmp_path: Path) -> None:
    from timeline_graph.graph import build_graph
    from timeline_graph.model import Document, Event, Report, Span, TimeValue

    doc = Document.create(sha256="b" * 64, text="Police asked last summer.", source="a.txt")
    event = Event(id="evt-1", label="asked", time=TimeValue.from_edtf("2020-22"),
                  reports=(Report(doc.id, Span.find(doc, "last summer")),))
    G = build_graph(Records(documents=(doc,), events=(event,)), title="t", base_iri="https://example.org/t/")
    slide = json.loads(export(G, "timelinejs", tmp_path / "t.json").read_text())["events"][0]
    assert slide["start_date"] == {"year": 2020, "month": 6, "day": 1, "display_date": "summer 2020"}
    assert slide["end_date"] == {"year": 2020, "month": 8, "day": 31}
    assert slide["display_date"] == "summer 2020"
