"""A built case opens without resolving again; stale answers are flagged (issue 19, items 1 and 2).

The build stores the resolved case (records and graph) in its cache; reading the case loads
it and applies the curation decisions. These tests make resolution fail after the build, so a
read that resolved again would fail too.
"""

from __future__ import annotations

import gc
import io
import marshal
import os
import pickle
import weakref
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from timeline_graph import case as case_module
from timeline_graph import snapshot
from timeline_graph.case import CURATED_FILE, RESOLVED_FILE, Case
from timeline_graph.cli import main
from timeline_graph.curate import apply_decisions
from timeline_graph.decisionlog import append_decision, read_decisions
from timeline_graph.graph import KIND, RECORD, build_graph, events, update_graph
from timeline_graph.model import Decision, Document, Records, Span, TimeValue

from .test_case import make_case

EXAMPLE = Path(__file__).resolve().parents[1] / "timeline_graph" / "examples" / "doorbell-footage"


def _no_resolution(*args: object) -> None:
    raise AssertionError("the case was resolved again")


@pytest.fixture
def built(tmp_path: Path) -> Path:
    folder = make_case(tmp_path / "harbor")
    assert Case.open(folder, create=True).build().ok
    return folder


def test_reading_a_built_case_does_not_resolve_it_again(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = Case.open(built).load_graph()
    monkeypatch.setattr(case_module, "resolve", _no_resolution)
    G = Case.open(built).load_graph()
    assert sorted(G.nodes) == sorted(expected.nodes)
    assert sorted(G.edges(keys=True)) == sorted(expected.edges(keys=True))
    assert (built / ".timeline-graph" / RESOLVED_FILE).exists()
    assert not (built / ".timeline-graph" / CURATED_FILE).exists(), "no decision: the resolved graph is not stored twice"
    for command in (["timeline", str(built)], ["conflicts", str(built)], ["trace", str(built), "voluntary"],
                    ["export", str(built), "--format", "json", "--out", str(built.parent / "case.json")]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code in (0, 1), (command, result.output)


def test_decisions_are_applied_on_load_without_resolving(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    event = next(iter(events(Case.open(built).load_graph())))
    monkeypatch.setattr(case_module, "resolve", _no_resolution)
    append_decision(built / "decisions.yaml", Decision.create(
        action="redate", targets=(event.id,), agent="A. Curator", at="2026-01-02T03:04:05Z",
        time=TimeValue.from_edtf("1999-12")))
    G = Case.open(built).load_graph()
    assert G.nodes[event.id][RECORD].time.edtf == "1999-12"
    append_decision(built / "decisions.yaml", Decision.create(
        action="reject", targets=(event.id,), agent="A. Curator", at="2026-01-02T03:04:06Z"))
    assert event.id not in Case.open(built).load_graph()


def test_a_new_version_of_the_code_or_other_documents_resolve_again(built: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = case_module.resolve

    def counted(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(case_module, "resolve", counted)
    Case.open(built).load_graph()
    assert calls == []
    monkeypatch.setattr(snapshot, "code_key", lambda: "another version")
    Case.open(built).load_graph()
    assert calls == [1]
    Case.open(built).load_graph()
    assert calls == [1], "the snapshot made again is used"
    (built / "new.txt").write_text("The council met on May 5, 2021, the clerk said.\n")
    Case.open(built).build()
    assert calls == [1, 1]
    Case.open(built).build()
    assert calls == [1, 1], "a build with nothing new resolves nothing"


def test_a_snapshot_this_user_did_not_sign_is_not_loaded(built: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = built / ".timeline-graph" / RESOLVED_FILE
    data = path.read_bytes()
    path.write_bytes(data[:-8] + b"tampered")
    calls: list[int] = []
    real = case_module.resolve
    monkeypatch.setattr(case_module, "resolve", lambda *a: calls.append(1) or real(*a))  # type: ignore[func-returns-value]
    assert events(Case.open(built).load_graph())
    assert calls == [1]
    monkeypatch.setenv("TIMELINE_GRAPH_SNAPSHOT_KEY", str(tmp_path / "someone else's key"))
    assert events(Case.open(built).load_graph())
    assert calls == [1, 1]


def test_reads_after_a_new_decision_apply_it_without_storing_the_curated_graph(built: Path) -> None:
    """Storing the curated graph made the first read after each decision (and each 'decide')
    wait for it: 6 s on 5,000 documents, to save the 0.1 s that applying 100 decisions takes.
    The build stores it; reads apply the decisions."""
    event = next(iter(events(Case.open(built).load_graph())))
    runner = CliRunner()
    result = runner.invoke(main, ["decide", str(built), "reject", event.id, "--why", "not an event",
                                  "--by", "A. Curator"])
    assert result.exit_code == 0, result.output
    curated = built / ".timeline-graph" / CURATED_FILE
    for command in (["timeline", str(built)], ["conflicts", str(built)]):
        result = runner.invoke(main, command)
        assert result.exit_code == 0 and event.id not in result.output and "changed since" not in result.stderr
        assert not curated.exists(), command
    assert event.id not in Case.open(built).load_graph() and not curated.exists()
    assert runner.invoke(main, ["build", str(built), "--quiet"]).exit_code == 0
    assert curated.exists()
    assert event.id not in Case.open(built).load_graph()


def test_deciding_and_listing_decisions_read_the_resolved_case_once(built: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """'decide' and 'decisions' loaded the graph, then read the whole resolved case again for
    the log (5 s instead of 3 s on 5,000 documents)."""
    event = next(iter(events(Case.open(built).load_graph())))
    read = snapshot.read
    reads: list[str] = []
    monkeypatch.setattr(snapshot, "read", lambda path, key: reads.append(path.name) or read(path, key))
    runner = CliRunner()
    result = runner.invoke(main, ["decide", str(built), "reject", event.id, "--why", "not an event"])
    assert result.exit_code == 0, result.output
    assert reads.count(RESOLVED_FILE) == 1
    reads.clear()
    result = runner.invoke(main, ["decisions", str(built)])
    assert result.exit_code == 0 and "not an event" in result.output
    assert reads.count(RESOLVED_FILE) == 1


def test_case_files_and_snapshots_follow_the_umask(built: Path) -> None:
    event = next(iter(events(Case.open(built).load_graph())))
    append_decision(built / "decisions.yaml", Decision.create(  # so that a curated graph is stored
        action="reject", targets=(event.id,), agent="A. Curator", at="2026-01-02T03:04:06Z"))
    Case.open(built).load_graph(store=True)
    umask = os.umask(0o022)
    os.umask(umask)
    for name in ("manifest.json", RESOLVED_FILE, CURATED_FILE):
        assert (built / ".timeline-graph" / name).stat().st_mode & 0o777 == 0o666 & ~umask, name
    assert (built / "case.yaml").stat().st_mode & 0o777 == 0o666 & ~umask


class _Cycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_a_loaded_case_is_left_out_of_later_collections_and_freed_when_dropped(built: Path) -> None:
    """The first full collection after a load walked the whole case again (0.5 s of a
    5,000-document ``timeline``): the loaded case is frozen out of the collector. It holds no
    cycles, so dropping it frees it all the same; garbage made before the load is not frozen."""
    gc.collect()
    cycle = _Cycle()
    gc.collect()  # alive: now in the oldest generation, which only a full collection looks at
    earlier = weakref.ref(cycle)
    del cycle
    G = Case.open(built).load_graph()
    data = G.nodes[next(iter(G))]
    assert gc.is_tracked(data) and not any(o is data for o in gc.get_objects())
    assert earlier() is None, "garbage from before the load was frozen with it"
    loaded = weakref.ref(G)
    del G, data
    assert loaded() is None


def _built_example(tmp_path: Path) -> tuple[Case, Records]:
    """The example case, copied and built, and its resolved records."""
    import shutil

    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    case = Case.open(folder)
    case.build()
    return case, case._resolved()[1]


def test_a_curated_graph_brought_in_line_equals_one_built_afresh(tmp_path: Path) -> None:
    case, records = _built_example(tmp_path)
    decisions = read_decisions(case.decisions_path, {d.id: d for d in records.documents})
    assert {d.action for d in decisions} >= {"grade", "redate", "reject", "accept", "add"}
    done = apply_decisions(records, decisions)
    patched = update_graph(build_graph(records), done.changed, done.removed)
    fresh = build_graph(done.records)
    assert {n: (d[KIND], d[RECORD]) for n, d in patched.nodes(data=True)} == {
        n: (d[KIND], d[RECORD]) for n, d in fresh.nodes(data=True)}
    assert sorted(patched.edges(keys=True, data=True), key=repr) == sorted(fresh.edges(keys=True, data=True), key=repr)


# ---------------------------------------------------------------------------------------------
# Stale answers


def test_read_commands_say_in_one_line_when_files_changed_since_the_build(built: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["timeline", str(built)])
    assert result.exit_code == 0 and "changed since the last build" not in result.stderr
    os.utime(built / "council.md")  # touched, not changed
    assert "changed since" not in runner.invoke(main, ["timeline", str(built)]).stderr
    (built / "council.md").write_text((built / "council.md").read_text() + "\nA late correction.\n")
    (built / "police.txt").unlink()
    (built / "extra.txt").write_text("The mayor resigned on June 1, 2021.\n")
    for command in (["timeline", str(built)], ["conflicts", str(built)], ["trace", str(built), "cameras"],
                    ["export", str(built), "--format", "ttl", "--out", str(built.parent / "x.ttl")],
                    ["query", str(built), "ASK { ?s ?p ?o }"], ["search", str(built), "cameras"],
                    ["decisions", str(built)]):
        result = runner.invoke(main, command)
        lines = [line for line in result.stderr.splitlines() if "changed since the last build" in line]
        assert len(lines) == 1, (command, result.stderr)
        assert "1 edited (council.md)" in lines[0] and "1 added (extra.txt)" in lines[0]
        assert "1 deleted (police.txt)" in lines[0] and f"timeline-graph build {built}" in lines[0]
    Case.open(built).build()
    assert "changed since" not in runner.invoke(main, ["timeline", str(built)]).stderr


def test_changes_lists_edited_added_and_deleted_files(built: Path) -> None:
    case = Case.open(built)
    assert not case.changes()
    (built / "police.txt").write_text("Something else entirely.\n")
    (built / "new.md").write_text("New.\n")
    found = case.changes()
    assert found is not None and (found.edited, found.added, found.deleted) == (("police.txt",), ("new.md",), ())
    unbuilt = make_case(built.parent / "unbuilt")
    assert Case.open(unbuilt, create=True).changes() is None


def test_the_code_key_covers_every_module_of_a_package() -> None:
    from timeline_graph import resolve

    files = {p.name for p in snapshot._source_files(resolve)}
    assert {"__init__.py", "events.py", "times.py", "parties.py"} <= files


def test_the_code_key_changes_with_the_snapshot_layout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    before = snapshot.code_key()
    changed = tmp_path / "snapshot.py"
    changed.write_text(Path(snapshot.__file__).read_text(encoding="utf-8") + "\n# another layout\n", encoding="utf-8")
    monkeypatch.setattr(snapshot, "__file__", str(changed))
    assert snapshot.code_key() != before


# ---------------------------------------------------------------------------------------------
# The snapshot layout: records by class and field


@dataclass(frozen=True)
class _Odd:
    """A record with a field of no plain layout: a dict holding a record, and a set."""

    name: str
    table: dict[str, object]
    tags: frozenset[str] = frozenset()
    when: date | None = None


def test_the_example_case_comes_back_equal_and_shares_what_it_shared(tmp_path: Path) -> None:
    _, records = _built_example(tmp_path)
    G = build_graph(records, title="Example")
    before = pickle.dumps((records, G))
    back_records, back_G = snapshot.decode(snapshot.encode((records, G)))
    assert pickle.dumps((records, G)) == before, "encoding leaves the value as it was"
    assert back_records == records
    assert list(back_G.nodes(data=True)) == list(G.nodes(data=True))
    assert list(back_G.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))
    assert back_G.graph == G.graph
    # a record in the records and in the graph is one object, as it was when stored
    event = back_records.events[0]
    assert back_G.nodes[event.id][RECORD] is event
    # a loaded record is a record as any other: it compares, hashes, copies and pickles alike
    original = records.events[0]
    assert hash(event) == hash(original) and repr(event) == repr(original)
    assert replace(event, label="x") == replace(original, label="x")
    assert pickle.loads(pickle.dumps(event)) == original


def test_values_without_a_plain_layout_are_kept_whole() -> None:
    span_owner = Document.create(sha256="c" * 64, text="The council met on March 2.", source="a.txt")
    span = Span.at(span_owner, 4, 11)
    odd = _Odd("first", {"span": span, "n": [1, 2.5, None]}, frozenset({"a", "b"}), date(2021, 3, 2))
    other = _Odd("second", {}, when=None)
    extra = _Odd("third", {})
    object.__setattr__(extra, "note", "an attribute of its own")  # not a field: stored whole
    value = ([odd, other, span, extra, (span, span)], {"big": 10**30, "float": float("inf")})
    back = snapshot.decode(snapshot.encode(value))
    assert back == value
    assert back[0][0].table["span"] is back[0][2], "a record inside a dict is the same record"
    assert back[0][4][0] is back[0][4][1]
    assert back[0][3].note == "an attribute of its own"
    assert type(back[0][0].when) is date and back[0][1].when is None


def test_records_with_slots_are_stored_by_column() -> None:
    document = Document.create(sha256="e" * 64, text="The board met on May 4, 2020.", source="a.txt")
    span, time = Span.at(document, 4, 9), TimeValue.from_edtf("2020-05-04")
    assert not hasattr(span, "__dict__") and not hasattr(time, "__dict__"), "records hold their fields in slots"
    _count, classes, *_ = _records_header(snapshot.encode([span, time, (span, time)]))[0]
    assert {qualname for _, qualname, _, _ in classes} == {"Span", "TimeValue"}
    back = snapshot.decode(snapshot.encode([span, time, (span, time)]))
    assert back == [span, time, (span, time)] and back[2][0] is back[0]


def test_equal_times_and_spans_are_stored_once() -> None:
    document = Document.create(sha256="d" * 64, text="Met on March 2, 2021 and March 2, 2021.", source="a.txt")
    times = [TimeValue.from_edtf("2021-03-02") for _ in range(50)]
    spans = [Span.at(document, 7, 20) for _ in range(50)]
    back = snapshot.decode(snapshot.encode((times, spans)))
    assert back == (times, spans)
    assert len({id(t) for t in back[0]}) == 1 and len({id(s) for s in back[1]}) == 1
    small = len(snapshot.encode((times[:1], spans[:1])))
    assert len(snapshot.encode((times, spans))) < small + 1000


def _records_header(data: bytes) -> tuple[tuple[Any, ...], int, int]:
    """The item of a snapshot's data that lists its record classes, and where it starts and ends."""
    items = snapshot._Items(io.BytesIO(data), len(data))
    _several, kinds = items.item()
    for kind in kinds:
        items.skip()
        if kind == snapshot._GRAPH:
            for _ in range(0, items.item(), snapshot._BLOCK):
                items.skip()
    at = items.handle.tell()
    header = items.item()
    return header, at, items.handle.tell()


def test_a_class_that_is_no_record_class_is_not_made_from_a_snapshot() -> None:
    data = snapshot.encode([TimeValue.from_edtf("2021")])
    (count, classes, *rest), at, end = _records_header(data)
    (_, _, size, names), = classes
    forged_header = marshal.dumps((count, [("subprocess", "Popen", size, names)], *rest))
    forged = data[:at] + snapshot._FRAME.pack(len(forged_header) << 1) + forged_header + data[end:]
    with pytest.raises(TypeError, match=r"subprocess\.Popen is not a record class"):
        snapshot.decode(forged)


def test_large_values_are_written_in_frames_and_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, records = _built_example(tmp_path)
    G = build_graph(records, title="Example")
    whole = snapshot.encode((records, G))
    monkeypatch.setattr(snapshot, "_FRAME_BYTES", 300)  # a pickle over several frames
    monkeypatch.setattr(snapshot, "_BLOCK", 7)  # every class and graph over several blocks
    framed = snapshot.encode((records, G))
    assert framed != whole and snapshot.encode((records, G)) == framed, "the same value, the same bytes"
    items = snapshot._Items(io.BytesIO(framed), len(framed))
    frames = 0
    while items.handle.tell() < len(framed):
        data, _more = items.frame()
        assert len(data) <= 300 or marshal.loads(data) is not None
        frames += 1
    assert frames > 100
    back_records, back_G = snapshot.decode(framed)
    assert back_records == records
    assert list(back_G.nodes(data=True)) == list(G.nodes(data=True))
    assert list(back_G.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))
    assert back_G.nodes[back_records.events[0].id][RECORD] is back_records.events[0]


def test_a_snapshot_is_signed_whole_and_one_cut_short_or_of_the_old_layout_is_made_again(
        built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = built / ".timeline-graph" / RESOLVED_FILE
    data = path.read_bytes()
    expected = sorted(Case.open(built).load_graph().nodes)
    resolved: list[int] = []
    real = case_module.resolve

    def counting(*args: Any) -> Any:
        resolved.append(1)
        return real(*args)

    monkeypatch.setattr(case_module, "resolve", counting)
    old_layout = data.replace(b"timeline-graph snapshot 3\n", b"timeline-graph snapshot 2\n", 1)
    for damaged in (data[:-100] + data[-65:], data[: len(data) // 2], old_layout, data[:-1] + b"0"):
        path.write_bytes(damaged)
        assert sorted(Case.open(built).load_graph().nodes) == expected
        assert snapshot.read(path, case_module._snapshot_key(path) or "") is not None, "made again"
    assert len(resolved) == 4


def test_the_same_case_built_twice_stores_the_same_bytes(tmp_path: Path) -> None:
    stored = []
    for name in ("one", "two"):
        folder = make_case(tmp_path / name)
        assert Case.open(folder, create=True).build(jobs=1).ok
        stored.append((folder / ".timeline-graph" / RESOLVED_FILE).read_bytes())
    assert stored[0] == stored[1]


def test_writing_a_snapshot_holds_a_block_not_the_data(tmp_path: Path) -> None:
    import tracemalloc

    document = Document.create(sha256="f" * 64, text="The ferry board met. " * 2000, source="a.txt")
    value = [Span.at(document, at, at + 5) for at in range(0, 40_000, 21)]
    path = tmp_path / "snapshot"
    gc.collect()
    tracemalloc.start()
    try:
        held = tracemalloc.get_traced_memory()[0]
        assert snapshot.write(path, "k" * 64, value)
        peak = tracemalloc.get_traced_memory()[1] - held
    finally:
        tracemalloc.stop()
    assert snapshot.read(path, "k" * 64) == value
    # the numbering of the records (about 150 bytes each), never the whole data as well
    assert peak < len(value) * 200 + snapshot._FRAME_BYTES, f"{peak} bytes for {path.stat().st_size} of data"


def test_a_graph_written_last_is_pickled_once_every_record_is_numbered(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    import networkx as nx

    document = Document.create(sha256="e" * 64, text="The harbor board of Velmora met twice. " * 50, source="b.txt")
    spans = [Span.at(document, at, at + 6) for at in range(0, 1000, 39)]
    G = nx.MultiDiGraph()
    for n, span in enumerate(spans):
        G.add_node(f"n{n}", kind="span", record=span)
        if n:
            G.add_edge(f"n{n}", f"n{n - 1}", key="after")
    seen: list[tuple[bool, int]] = []

    class Watched(pickle.Pickler):
        def dump(self, value: object) -> None:
            if isinstance(value, nx.Graph):
                seen.append((encoders[-1].closed, len(encoders[-1].by_value)))
            super().dump(value)

    encoders: list[snapshot._Encoder] = []
    init = snapshot._Encoder.__init__

    def made(self: snapshot._Encoder, frames: object) -> None:
        init(self, frames)  # type: ignore[arg-type]
        encoders.append(self)

    monkeypatch.setattr(snapshot._Encoder, "__init__", made)
    monkeypatch.setattr(snapshot.pickle, "Pickler", Watched)
    value = (spans[:5], G)
    assert snapshot.write(tmp_path / "last", "k" * 64, value)
    # the records were numbered and the table of them by value let go of before the graph's pickle
    assert seen == [(True, 0)]
    records, loaded = snapshot.read(tmp_path / "last", "k" * 64)
    assert records == spans[:5] and loaded.nodes["n3"]["record"] == spans[3]
    assert loaded.nodes["n3"]["record"] is records[3] and sorted(loaded.edges(keys=True)) == sorted(G.edges(keys=True))
    # a graph followed by another part is pickled while numbering goes on, as before
    seen.clear()
    assert snapshot.write(tmp_path / "first", "k" * 64, (G, spans[:5]))
    assert seen and not seen[0][0]
    loaded, records = snapshot.read(tmp_path / "first", "k" * 64)
    assert records == spans[:5] and loaded.nodes["n3"]["record"] is records[3]
