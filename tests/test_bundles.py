"""Bundles of decoded cache entries: a re-build takes them instead of decoding JSON files, and
a stale, corrupt or foreign bundle costs only the JSON reads it would have saved."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline_graph import bundles
from timeline_graph import case as case_module
from timeline_graph.bundles import BUNDLES_DIR
from timeline_graph.case import CACHE_DIR, Case
from timeline_graph.export import export

from .test_case import make_case

EXAMPLE = Path(case_module.__file__).parent / "examples" / "doorbell-footage"
THIRD = "The harbor board met on February 9, 2021. Its chair, Rosa Diaz, said the cameras were a city matter.\n"


@pytest.fixture
def json_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the JSON cache entries read in this process, in order (not counting a look
    for an entry that is not there, as a file's task makes before extracting it)."""
    reads: list[str] = []
    real = case_module._read_entry

    def counted(path: Path, extractor: str):  # type: ignore[no-untyped-def]
        if path.exists():
            reads.append(path.name)
        return real(path, extractor)

    monkeypatch.setattr(case_module, "_read_entry", counted)
    yield reads


def _bundle_files(folder: Path) -> list[Path]:
    return sorted((folder / CACHE_DIR / BUNDLES_DIR).glob("*.bundle"))


def test_a_rebuild_takes_every_entry_from_the_bundle_and_decodes_no_json(tmp_path: Path, json_reads: list[str]) -> None:
    folder = make_case(tmp_path / "c")
    first = Case.open(folder, create=True).build(jobs=1)
    assert first.extracted == 2 and json_reads == [], "the first build keeps what it extracted, never reads it back"
    assert len(_bundle_files(folder)) == 1
    json_reads.clear()
    (folder / CACHE_DIR / "resolved.pickle").unlink()  # so that the rebuild resolves from the entries too
    again = Case.open(folder).build(jobs=1)
    assert again.reused == 2 and again.extracted == 0
    assert json_reads == []
    assert len(_bundle_files(folder)) == 1, "nothing new read: no new bundle"


def test_an_added_document_is_kept_as_extracted_and_bundled_alone(tmp_path: Path, json_reads: list[str]) -> None:
    folder = make_case(tmp_path / "c")
    Case.open(folder, create=True).build(jobs=1)
    before = _bundle_files(folder)
    json_reads.clear()
    (folder / "board.txt").write_text(THIRD, encoding="utf-8")
    report = Case.open(folder).build(jobs=1)
    assert report.extracted == 1 and report.reused == 2
    assert json_reads == [], "the new document's entry is kept as extracted, the others come from the bundle"
    after = _bundle_files(folder)
    assert set(before) < set(after) and len(after) == 2
    json_reads.clear()
    Case.open(folder).build(jobs=1)
    assert json_reads == []


def test_an_entry_written_since_the_bundle_is_read_again(tmp_path: Path, json_reads: list[str]) -> None:
    folder = make_case(tmp_path / "c")
    Case.open(folder, create=True).build(jobs=1)
    entries = sorted((folder / CACHE_DIR / "documents").glob("*.json"))
    stamp = entries[0].stat()
    os.utime(entries[0], ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000))
    json_reads.clear()
    Case.open(folder).build(jobs=1)
    assert json_reads == [entries[0].name]


def test_a_corrupt_or_truncated_bundle_is_ignored_and_replaced(tmp_path: Path, json_reads: list[str]) -> None:
    folder = make_case(tmp_path / "c")
    Case.open(folder, create=True).build(jobs=1)
    G = Case.open(folder).load_graph()
    (bundle,) = _bundle_files(folder)
    data = bundle.read_bytes()
    for damaged in (data[: len(data) // 2], data[:-40] + bytes(40), b""):
        bundle.write_bytes(damaged)
        (folder / CACHE_DIR / "resolved.pickle").unlink()
        json_reads.clear()
        report = Case.open(folder).build(jobs=1)
        assert report.ok and report.reused == 2 and report.extracted == 0
        assert sorted(json_reads) == sorted(p.name for p in (folder / CACHE_DIR / "documents").glob("*.json"))
        assert not bundle.exists(), "the damaged bundle is removed once a good one is stored"
        (bundle,) = _bundle_files(folder)
        assert sorted(Case.open(folder).load_graph().nodes) == sorted(G.nodes)


def test_a_bundle_of_other_extractors_is_not_used_and_is_retired(tmp_path: Path, json_reads: list[str]) -> None:
    folder = make_case(tmp_path / "c")
    Case.open(folder, create=True).build(jobs=1)
    (bundle,) = _bundle_files(folder)
    foreign = bundle.with_name("0123456789abcdef-" + bundle.name.split("-", 1)[1])
    bundle.rename(foreign)
    json_reads.clear()
    Case.open(folder).build(jobs=1)
    assert len(json_reads) == 2
    assert not foreign.exists() and len(_bundle_files(folder)) == 1


def test_bundles_are_merged_when_there_are_many_and_dropped_when_unused(
        tmp_path: Path, json_reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundles, "MAX_BUNDLES", 2)
    folder = make_case(tmp_path / "c")
    Case.open(folder, create=True).build(jobs=1)
    (first,) = _bundle_files(folder)
    # named to sort after any other: which bundle is kept must not depend on the random names
    first.rename(first.with_name(first.name.split("-", 1)[0] + "-" + "f" * 16 + first.suffix))
    for n in range(3):
        (folder / f"more-{n}.txt").write_text(THIRD.replace("9", str(n + 1)), encoding="utf-8")
        Case.open(folder).build(jobs=1)
        assert len(_bundle_files(folder)) <= 2
    json_reads.clear()
    Case.open(folder).build(jobs=1)
    assert json_reads == []
    for n in range(3):
        (folder / f"more-{n}.txt").unlink()
    Case.open(folder).build(jobs=1)
    assert json_reads == []
    # the added documents were merged with each other, not into the first build's bundle: theirs
    # is retired whole, and the bundle kept holds the live documents' entries and nothing else
    (kept,) = _bundle_files(folder)
    assert len(bundles._read(kept, _key(folder)) or {}) == 2


def _key(folder: Path) -> str:
    return bundles.bundle_key(case_module.extractor_key(None), case_module.CACHE_FORMAT)


def _exports(folder: Path, out: Path) -> dict[str, bytes]:
    graph = Case.open(folder).load_graph()
    out.mkdir()
    return {fmt: export(graph, fmt, out / f"case.{fmt}").read_bytes() for fmt in ("json", "ttl", "csv")}


def test_a_build_from_bundles_exports_the_bytes_of_one_from_json(tmp_path: Path, json_reads: list[str]) -> None:
    bundled = tmp_path / "bundled"
    shutil.copytree(EXAMPLE, bundled, ignore=shutil.ignore_patterns(".timeline-graph", "decisions.yaml"))
    held = tmp_path / "held"
    held.mkdir()
    last = sorted(bundled.glob("*.md"))[-1]
    shutil.move(last, held / last.name)
    Case.open(bundled, create=True).build(jobs=1)
    shutil.move(held / last.name, bundled / last.name)
    json_reads.clear()
    report = Case.open(bundled).build(jobs=1)  # resolves every other document from the bundle
    assert report.extracted >= 1 and report.reused >= 4
    assert json_reads == [], "what was extracted now is kept, the rest comes from the bundle"
    # the same documents and cache entries, with no bundle and no snapshot: all read from JSON
    plain = tmp_path / "plain"
    shutil.copytree(bundled, plain, ignore=shutil.ignore_patterns(BUNDLES_DIR, "*.pickle"))
    json_reads.clear()
    again = Case.open(plain).build(jobs=1)
    assert again.extracted == 0 and len(json_reads) == len(report.documents)
    assert _exports(bundled, tmp_path / "out-bundled") == _exports(plain, tmp_path / "out-plain")



def test_a_build_that_keeps_its_entries_exports_the_bytes_of_one_that_reads_them(
        tmp_path: Path, json_reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    kept = tmp_path / "kept"
    shutil.copytree(EXAMPLE, kept, ignore=shutil.ignore_patterns(".timeline-graph", "decisions.yaml"))
    report = Case.open(kept, create=True).build(jobs=1)
    assert report.extracted >= 5 and json_reads == []
    read = tmp_path / "read"
    shutil.copytree(EXAMPLE, read, ignore=shutil.ignore_patterns(".timeline-graph", "decisions.yaml"))
    # as a build did before it kept them: every entry written is read back from its JSON file
    monkeypatch.setattr(case_module.Case, "_keep", lambda self, done: None)
    Case.open(read, create=True).build(jobs=1)
    assert len(json_reads) >= report.extracted
    assert _exports(kept, tmp_path / "out-kept") == _exports(read, tmp_path / "out-read")
    assert len(_bundle_files(kept)) == len(_bundle_files(read)) == 1
