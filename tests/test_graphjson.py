"""Graph JSON: lossless round trips, deterministic bytes, malformed input, the JSON Schema."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_graph.errors import ExportError
from timeline_graph.export import FORMATS, Exporter, export
from timeline_graph.export.graphjson import SCHEMA, from_json, to_json
from timeline_graph.graph import CASE, build_graph, to_records
from timeline_graph.model import (
    Citation,
    Claim,
    Conflict,
    Document,
    Entity,
    Event,
    Participant,
    Records,
    Report,
    Role,
    Span,
    TimeValue,
    record_id,
)

DOCS = Path(__file__).resolve().parents[1] / "docs"
BASE = "https://example.org/case/sample/"

# ---------------------------------------------------------------------------------------------
# A strategy for small, valid Records: random texts, spans at random valid offsets.

_EDTF = ["2020-06-16", "2020-06", "2020", "2020-22", "2020-06-16~", "2019/2021", "2020-06?", "201X"]
_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=60).filter(str.strip)
_LABEL = st.text(st.characters(codec="utf-8"), max_size=20)


@st.composite
def _time(draw: st.DrawFn) -> TimeValue | None:
    value = draw(st.sampled_from([None, *_EDTF]))
    if value is None:
        return None
    return TimeValue.from_edtf(value, text=draw(st.none() | _LABEL), anchor=draw(st.none() | _LABEL))


@st.composite
def small_records(draw: st.DrawFn) -> Records:
    """Up to three documents and a few records of every kind, each cited to a valid span."""
    texts = draw(st.lists(_TEXT, min_size=1, max_size=3))
    docs = []
    for i, text in enumerate(texts):
        sha = hashlib.sha256(f"{i}\x00{text}".encode()).hexdigest()
        docs.append(Document.create(
            sha256=sha, text=text, source=f"doc{i}.txt", title=draw(st.none() | _LABEL),
            publisher=draw(st.none() | _LABEL), authors=tuple(draw(st.lists(_LABEL, max_size=2))),
            published=draw(_time()), url=draw(st.none() | st.just("https://example.org/a?b=1&c")),
            language=draw(st.sampled_from([None, "en"])),
            metadata_origin=tuple(draw(st.lists(st.tuples(_LABEL, _LABEL), max_size=2))),
        ))

    def span(in_doc: Document | None = None) -> Span:
        doc = in_doc or draw(st.sampled_from(docs))
        start = draw(st.integers(0, len(doc.text) - 1))
        end = draw(st.integers(start + 1, len(doc.text)))
        return Span.at(doc, start, end)

    def parts(doc: Document) -> tuple[Span, ...]:
        """Up to two runs of one document's text, apart and in order (a claim's content)."""
        cuts = sorted(set(draw(st.lists(st.integers(0, len(doc.text)), max_size=4))))
        pairs = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a]
        return tuple(Span.at(doc, a, b) for a, b in pairs[:2])

    entities: list[Entity] = []
    for i in range(draw(st.integers(0, 3))):
        entities.append(Entity(
            id=record_id("ent", i), kind=draw(st.sampled_from(["person", "organization", "place", "product", "work"])),
            name=draw(_LABEL), aliases=tuple(draw(st.lists(_LABEL, max_size=2))),
            mentions=tuple(span() for _ in range(draw(st.integers(0, 2)))),
            roles=tuple(Role(draw(_LABEL), span(), draw(st.sampled_from([None, *(e.id for e in entities)])))
                        for _ in range(draw(st.integers(0, 1)))),
        ))
    entity_ids = [e.id for e in entities]
    events: list[Event] = []
    for i in range(draw(st.integers(0, 2))):
        reports: list[Report] = []
        for _ in range(draw(st.integers(1, 2))):
            s = span()
            reports.append(Report(s.document, s, draw(_time()), draw(st.sampled_from(["", "test 1.0"]))))
        chosen = draw(st.lists(st.sampled_from(entity_ids), max_size=2)) if entity_ids else []
        participants = tuple(Participant(e, draw(st.sampled_from(["agent", "subject"]))) for e in chosen)
        events.append(Event(
            id=record_id("evt", i), label=draw(_LABEL), time=draw(_time()), reports=tuple(reports),
            participants=participants, place=draw(st.sampled_from([None, *entity_ids])),
            kind=draw(st.sampled_from(["event", "request"])),
        ))
    claims: list[Claim] = []
    for i in range(draw(st.integers(0, 2))):
        s = span()
        doc = next(d for d in docs if d.id == s.document)
        claims.append(Claim(
            id=record_id("clm", i), text=draw(_LABEL), document=s.document, span=s,
            claimant=draw(st.sampled_from([None, *entity_ids])), claimant_name=draw(st.none() | _LABEL),
            quote=draw(st.none() | _LABEL), verb=draw(st.sampled_from([None, "said"])),
            reported=draw(_time()), about=tuple(draw(st.lists(st.sampled_from(entity_ids), max_size=2)) if entity_ids else ()),
            cluster=draw(st.sampled_from([None, "cluster-a", "cluster-b"])),
            cue=span(doc) if draw(st.booleans()) else None, content=parts(doc),
            source=span(doc) if draw(st.booleans()) else None, unnamed=draw(st.booleans()),
            parent=draw(st.sampled_from([None, *(c.id for c in claims)])),
        ))
    citations: list[Citation] = []
    for i in range(draw(st.integers(0, 2))):
        s = span()
        citations.append(Citation(
            id=record_id("cit", i), document=s.document, span=s, cites_label=draw(_LABEL),
            cites_document=draw(st.sampled_from([None, *(d.id for d in docs)])),
            cites_entity=draw(st.sampled_from([None, *entity_ids])),
        ))
    conflicts: list[Conflict] = []
    with_conflict = draw(st.booleans())
    if events and with_conflict:
        conflicts.append(Conflict(
            id=record_id("cfl", 0), kind=draw(st.sampled_from(["date", "quantity", "statement", "attribution"])),
            items=(events[0].id,), documents=events[0].documents, explanation=draw(_LABEL),
            spans=tuple(r.span for r in events[0].reports),
        ))
    return Records(tuple(docs), tuple(entities), tuple(events), tuple(claims), tuple(citations), tuple(conflicts))


def case_settings() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"title": _LABEL, "base_iri": st.just(BASE)},
        optional={"description": _LABEL},
    )


# ---------------------------------------------------------------------------------------------
# Round trips and determinism


def assert_same_graph(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert to_records(H) == to_records(G)
    assert H.graph[CASE] == G.graph[CASE]


def test_round_trip_sample(sample_graph: nx.MultiDiGraph) -> None:
    text = to_json(sample_graph)
    back = from_json(text)
    assert_same_graph(sample_graph, back)
    assert to_json(back) == text
    assert sorted(back.edges(keys=True)) == sorted(sample_graph.edges(keys=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=small_records(), case=case_settings())
def test_round_trip_generated(records: Records, case: dict[str, Any]) -> None:
    G = build_graph(records, **case)
    text = to_json(G)
    back = from_json(text)
    assert_same_graph(G, back)
    assert to_json(back) == text
    _validator().validate(json.loads(text))


def test_bytes_are_deterministic(sample_records: Records) -> None:
    G = build_graph(sample_records, title="Sample case", base_iri=BASE)
    shuffled = Records(*(tuple(reversed(getattr(sample_records, f))) for f in
                         ("documents", "entities", "events", "claims", "citations", "conflicts")))
    H = build_graph(shuffled, base_iri=BASE, title="Sample case")
    text = to_json(G)
    assert text == to_json(G) == to_json(H)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    # the streamed writer gives exactly what json.dumps gives for the same object
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_shape_and_key_order(sample_graph: nx.MultiDiGraph) -> None:
    data = json.loads(to_json(sample_graph))
    assert list(data) == ["schema", "schema_version", "case", "documents", "entities", "events",
                          "claims", "citations", "conflicts", "quantities", "decisions"]
    assert data["schema"] == SCHEMA and data["schema_version"] == "1.5"
    assert list(data["case"]) == ["title", "base_iri"]
    for name in ("documents", "entities", "events", "claims", "citations", "conflicts"):
        ids = [item["id"] for item in data[name]]
        assert ids == sorted(ids)
    doc = data["documents"][0]
    assert list(doc)[:7] == ["id", "title", "publisher", "authors", "published", "sha256", "source"]
    event = next(e for e in data["events"] if e["participants"])
    assert event["participants"] == [event["participation"][0]["entity"]]
    assert list(event["time"])[:3] == ["edtf", "earliest", "latest"]
    citation = data["citations"][0]
    assert citation["cites"] == citation["cites_document"]
    assert list(citation["span"]) == ["document", "start", "end", "exact", "prefix", "suffix"]
    claim = data["claims"][0]
    assert list(claim)[:8] == ["id", "text", "quote", "claimant", "claimant_name", "document", "span", "cluster"]


def test_unicode_is_written_as_is() -> None:
    text = 'Café "quoted" — naïve 🎉\nsecond line'
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="u.txt")
    ent = Entity(id=Entity.id_for("place", "Café"), kind="place", name="Café", mentions=(Span.find(doc, "🎉"),))
    G = build_graph(Records(documents=(doc,), entities=(ent,)), title="Ünïcode", base_iri=BASE)
    out = to_json(G)
    assert "🎉" in out and "\\u" not in out
    assert to_records(from_json(out)) == to_records(G)


def test_producer_may_omit_participation(sample_graph: nx.MultiDiGraph) -> None:
    data = json.loads(to_json(sample_graph))
    for event in data["events"]:
        del event["participation"]
    back = from_json(json.dumps(data))
    roles = {p.role for e in to_records(back).events for p in e.participants}
    assert roles <= {"participant"}


def test_minor_version_and_unknown_keys_are_read(sample_graph: nx.MultiDiGraph) -> None:
    data = json.loads(to_json(sample_graph))
    data["schema_version"] = "1.7"
    data["future_section"] = []
    data["documents"][0]["future_field"] = 1
    assert to_records(from_json(json.dumps(data))) == to_records(sample_graph)


def test_empty_graph() -> None:
    G = build_graph(Records(), title="Empty", base_iri=BASE)
    text = to_json(G)
    assert '"documents": []' in text
    assert_same_graph(G, from_json(text))


def test_case_setting_that_is_not_json() -> None:
    G = build_graph(Records(), title="x", base_iri=BASE, folder=Path("/tmp"))
    with pytest.raises(ExportError, match="not a JSON value"):
        to_json(G)


# ---------------------------------------------------------------------------------------------
# Malformed input: one-line ExportError naming the problem


def _tamper(G: nx.MultiDiGraph, change: Any) -> str:
    data = json.loads(to_json(G))
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: Any) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return change


@pytest.mark.parametrize(("change", "message"), [
    (_set(("schema",), "something/else"), '"schema" must be'),
    (_set(("schema_version",), "2.0"), "not supported"),
    (_set(("schema_version",), 1), "not supported"),
    (_set(("documents",), {}), '"documents" must be a list'),
    (_set(("case",), []), '"case" must be an object'),
    (_set(("entities", 0, "mentions", 0, "exact"), "Daily Ledge"), r"entities\[0\] \(ent-.*reads"),
    (_set(("entities", 0, "mentions", 0, "start"), 10_000), r"entities\[0\].*outside document"),
    (_set(("entities", 0, "mentions", 0, "prefix"), "nope"), "prefix or suffix"),
    (_set(("claims", 0, "span", "document"), "doc-0000000000000000"), r"claims\[0\].*not in the file"),
    (_set(("documents", 0, "sha256"), "f" * 64), r"documents\[0\].*does not match its sha256"),
    (_set(("documents", 0, "text"), "Entirely different text."), r"entities\[0\].*span \d+:\d+"),
    (_set(("events", 0, "reports"), []), "no report"),
    (_set(("events", 0, "time", "precision"), "fortnight"), "fortnight"),
    (_set(("events", 0, "participants"), ["ent-nobody"]), "do not match"),
    (_set(("citations", 0, "cites"), "someone else"), '"cites" is'),
    (_set(("conflicts", 0, "kind"), "vibes"), "vibes"),
    (_set(("entities", 1, "id"), "dup"), None),
    (_set(("documents", 0, "metadata_origin"), [["title", "x"]]), "metadata_origin"),
])
def test_malformed(sample_graph: nx.MultiDiGraph, change: Any, message: str | None) -> None:
    text = _tamper(sample_graph, change)
    if message is None:  # make a duplicate id out of the tampered one
        data = json.loads(text)
        data["entities"][1]["id"] = data["entities"][0]["id"]
        text = json.dumps(data)
        message = "appears twice"
    with pytest.raises(ExportError, match=message) as info:
        from_json(text)
    assert "\n" not in str(info.value)
    assert str(info.value).startswith("graph JSON")


@pytest.mark.parametrize(("text", "message"), [
    ("", "not valid JSON"),
    ("{", "not valid JSON"),
    ("[]", "top level must be an object"),
    ('{"schema": "timeline-graph/graph-json"}', "schema_version"),
])
def test_malformed_text(text: str, message: str) -> None:
    with pytest.raises(ExportError, match=message) as info:
        from_json(text)
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------------------------------------
# JSON Schema


def _validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema", reason="pip install jsonschema")
    schema = json.loads((DOCS / "graph-json.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_export_matches_json_schema(sample_graph: nx.MultiDiGraph) -> None:
    _validator().validate(json.loads(to_json(sample_graph)))


def test_json_schema_rejects_a_broken_export(sample_graph: nx.MultiDiGraph) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(to_json(sample_graph))
    data["events"][0]["reports"] = []
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(data)


def test_docs_name_every_key(sample_graph: nx.MultiDiGraph) -> None:
    doc = (DOCS / "graph-json.md").read_text(encoding="utf-8")
    data = json.loads(to_json(sample_graph))
    keys = set(data)
    for name in ("documents", "entities", "events", "claims", "citations", "conflicts"):
        for item in data[name]:
            keys |= set(item)
    missing = sorted(k for k in keys if f"`{k}`" not in doc)
    assert not missing, f"docs/graph-json.md does not describe {missing}"


# ---------------------------------------------------------------------------------------------
# The registry and atomic writes


def test_export_json_writes_atomically(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "case.json"
    assert export(sample_graph, "json", out) == out
    assert out.read_bytes() == to_json(sample_graph).encode("utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["case.json"]


def test_export_unknown_format(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"unknown export format 'xml'; known formats: csv, ftm, graphml, json, jsonld, nq, nt, timelinejs, trig, ttl"):
        export(sample_graph, "xml", tmp_path / "x.xml")


def test_failed_export_keeps_the_old_file(
    sample_graph: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "case.json"
    out.write_text("old", encoding="utf-8")

    def broken(G: nx.MultiDiGraph, stream: Any) -> None:
        stream.write("half")
        raise ExportError("boom")

    monkeypatch.setitem(FORMATS, "json", Exporter("json", ".json", "application/json", broken))
    with pytest.raises(ExportError, match="boom"):
        export(sample_graph, "json", out)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


def test_export_to_a_folder_fails(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        export(sample_graph, "json", tmp_path)
