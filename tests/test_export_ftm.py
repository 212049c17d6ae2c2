"""The FollowTheMoney export: every entity validates with the real `followthemoney` package.

The checks that need the package skip (with the reason) where it is not installed; CI installs
it with the ``test`` extra (it builds PyICU, so CI installs Debian's libicu-dev and pkg-config).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from timeline_graph.case import Case
from timeline_graph.cli import EXAMPLE_CASE
from timeline_graph.export import FORMATS, export
from timeline_graph.export.ftm import ftm_date, write_ftm
from timeline_graph.graph import build_graph, documents, entities, events
from timeline_graph.model import Entity, Participant, Records, Span, TimeValue


def _lines(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    out = io.StringIO()
    write_ftm(G, out)
    text = out.getvalue()
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def assert_valid_ftm(rows: list[dict[str, Any]]) -> None:
    """Each row is an FtM entity the package accepts as is: known concrete schema, known
    properties with values that clean to themselves, required properties present, ids valid
    and unique, and every entity reference pointing at a written entity of the right schema."""
    pytest.importorskip("followthemoney", reason="the followthemoney package is not installed")
    from followthemoney import model
    from followthemoney.exc import InvalidData
    from followthemoney.types import registry

    by_id: dict[str, Any] = {}
    for row in rows:
        assert set(row) == {"id", "schema", "properties"}, row
        assert registry.entity.clean(row["id"]) == row["id"], row["id"]
        assert row["id"] not in by_id, f"duplicate id {row['id']}"
        schema = model.get(row["schema"])
        assert schema is not None and not schema.abstract, row["schema"]
        by_id[row["id"]] = schema
    for row in rows:
        schema = by_id[row["id"]]
        props = row["properties"]
        for name, values in props.items():
            prop = schema.properties.get(name)
            assert prop is not None and not prop.stub, f"{row['schema']} has no property {name!r}"
            assert isinstance(values, list) and values, (row["id"], name)
            assert all(isinstance(v, str) for v in values), (row["id"], name)
            if prop.type == registry.entity:
                for target in values:
                    assert target in by_id, f"{row['id']} {name} -> {target}: not written"
                    assert prop.range is not None and by_id[target].is_a(prop.range), (
                        f"{row['id']} {name} -> {target} is a {by_id[target].name}, not a {prop.range.name}")
        for required in schema.required:
            assert props.get(required), f"{row['id']} ({row['schema']}) lacks {required}"
        try:
            schema.validate(row)
        except InvalidData as err:
            pytest.fail(f"{row['id']} ({row['schema']}): {err.errors}")
        proxy = model.get_proxy(row, cleaned=False)  # cleans every value; drops what is invalid
        again = proxy.to_dict()
        assert again["id"] == row["id"] and again["schema"] == row["schema"]
        assert {k: Counter(v) for k, v in again["properties"].items()} == {
            k: Counter(v) for k, v in props.items()}, row["id"]


def test_ftm_dates_are_prefixes_true_of_every_day() -> None:
    assert ftm_date(TimeValue.from_edtf("2020-06-16")) == "2020-06-16"
    assert ftm_date(TimeValue.from_edtf("2020-06")) == "2020-06"
    assert ftm_date(TimeValue.from_edtf("2020")) == "2020"
    assert ftm_date(TimeValue.from_edtf("2020-22")) == "2020"  # summer: June to August
    assert ftm_date(TimeValue.from_edtf("2020-06-03/2020-06-20")) == "2020-06"
    assert ftm_date(TimeValue.from_edtf("2020-06-16/2020-07-16")) == "2020"
    assert ftm_date(TimeValue.from_edtf("2019-12/2020-01")) is None
    assert ftm_date(TimeValue.from_edtf("XXXX-06-16")) is None
    assert ftm_date(TimeValue.from_edtf("0800")) is None  # FtM dates start at year 1000
    assert ftm_date(None) is None


def test_sample_graph_entities(sample_graph: nx.MultiDiGraph) -> None:
    rows = _lines(sample_graph)
    by_id = {r["id"]: r for r in rows}
    schemas = Counter(r["schema"] for r in rows)
    assert schemas == {"Document": 2, "Organization": 2, "Person": 1, "Mention": 5, "Event": 2}

    first, second = sorted(documents(sample_graph), key=lambda d: d.source)[::-1]
    doc = by_id[first.id]["properties"]
    assert doc["title"] == ["Police seek doorbell footage"] and doc["publisher"] == ["Daily Ledger"]
    assert doc["author"] == ["Ann Writer"] and doc["publishedAt"] == ["2020-06-20"]
    assert doc["notes"] == [f"sha256 {first.sha256}"] and doc["fileName"] == ["ledger.md"]
    assert "contentHash" not in doc  # FtM's is the SHA-1 of a blob in Aleph's archive
    assert doc["bodyText"] == [first.text]

    request, growth = sorted(events(sample_graph), key=lambda e: e.label)[::-1]
    police = next(e for e in entities(sample_graph) if e.name == "City Police")
    event = by_id[request.id]["properties"]
    assert event["date"] == ["2020"]  # June 16 to July 16, 2020: no month is true of both
    assert event["involved"] == [police.id] and event["organizer"] == [police.id]
    assert event["proof"] == [first.id, second.id]
    assert "EDTF 2020-06-16/2020-07-16" in event["description"][0]
    assert "City police asked camera owners" in event["summary"][0]
    assert by_id[growth.id]["properties"]["date"] == ["2019"]

    mentions = [r["properties"] for r in rows if r["schema"] == "Mention"]
    assert {"name": ["police"], "document": [second.id], "resolved": [police.id]} in mentions
    assert_valid_ftm(rows)


def test_export_is_deterministic_and_needs_no_followthemoney(sample_graph: nx.MultiDiGraph,
                                                            tmp_path: Path) -> None:
    assert FORMATS["ftm"].suffix == ".ftm.json"
    one = export(sample_graph, "ftm", tmp_path / "one.ftm.json").read_bytes()
    two = export(sample_graph, "ftm", tmp_path / "two.ftm.json").read_bytes()
    assert one == two
    code = ("import sys, io, timeline_graph.export.ftm, timeline_graph.export; "
            "assert 'followthemoney' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_companies_places_and_unplaceable_kinds(sample_records: Records) -> None:
    first = sample_records.documents[0]
    ring = Entity(id=Entity.id_for("organization", "Ring LLC"), kind="organization", name="Ring LLC",
                  mentions=(Span.find(first, "camera owners"),))
    city = Entity(id=Entity.id_for("place", "City"), kind="place", name="City",
                  mentions=(Span.find(first, "City"),))
    service = Entity(id=Entity.id_for("product", "the service"), kind="product", name="the service",
                     mentions=(Span.find(first, "the service"),))
    event = replace(sample_records.events[0], place=city.id,
                    participants=(*sample_records.events[0].participants, Participant(ring.id, "patient"),
                                  Participant(city.id, "participant")))
    G = build_graph(replace(sample_records,
                            entities=(*sample_records.entities, ring, city, service),
                            events=(event, *sample_records.events[1:])))
    rows = _lines(G)
    by_id = {r["id"]: r for r in rows}
    assert by_id[ring.id]["schema"] == "Company"
    assert by_id[city.id]["schema"] == "Address" and by_id[city.id]["properties"]["full"] == ["City"]
    assert service.id not in by_id  # no FtM schema fits a product
    props = by_id[event.id]["properties"]
    assert props["addressEntity"] == [city.id] and ring.id in props["involved"]
    assert city.id not in props["involved"] and ring.id not in props["organizer"]
    resolved = {r["properties"].get("resolved", [""])[0] for r in rows if r["schema"] == "Mention"}
    assert ring.id in resolved and city.id not in resolved and service.id not in resolved
    assert_valid_ftm(rows)


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    folder = tmp_path_factory.mktemp("ftm-example") / "case"
    shutil.copytree(EXAMPLE_CASE, folder, ignore=shutil.ignore_patterns(".timeline-graph*"))
    case = Case.open(folder)
    assert case.build().ok
    return case.load_graph()


def test_example_case_entities_validate(example_graph: nx.MultiDiGraph) -> None:
    rows = _lines(example_graph)
    schemas = Counter(r["schema"] for r in rows)
    assert schemas["Document"] == len(list(documents(example_graph)))
    assert schemas["Event"] == len(list(events(example_graph)))
    assert schemas["Person"] and schemas["Mention"]
    written = {r["id"] for r in rows}
    for entity in entities(example_graph):
        assert (entity.id in written) == (entity.kind in ("person", "organization", "place"))
    assert_valid_ftm(rows)
