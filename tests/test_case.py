"""A case on disk: settings, incremental builds, atomic writes, bad files reported and skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline_graph import case as case_module
from timeline_graph.case import CASE_FILE, Case, Settings, atomic_write, load_graph
from timeline_graph.errors import CaseError
from timeline_graph.graph import documents, events

GOOD = """---
title: Council approves camera program
publisher: Harbor Weekly
authors: [Ada Byline]
published: 2021-03-04
---
The city council approved the camera program on March 2, 2021, the clerk said.
Mayor Lee Park said that "the cameras will stay voluntary."
"""

OTHER = """Police asked residents for footage on January 5, 2021, according to the Harbor Weekly.
A spokesperson said the requests were voluntary.
"""


def make_case(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "council.md").write_text(GOOD, encoding="utf-8")
    (folder / "police.txt").write_text(OTHER, encoding="utf-8")
    return folder


def test_build_makes_a_case_file_and_a_graph(tmp_path: Path) -> None:
    folder = make_case(tmp_path / "harbor")
    case = Case.open(folder, create=True)
    assert (folder / CASE_FILE).exists() and case.settings.title == "harbor"
    assert case.settings.base_iri == "https://example.org/timeline-graph/harbor/"
    report = case.build()
    assert report.ok and report.extracted == 2 and report.reused == 0
    assert report.documents == ["council.md", "police.txt"]
    G = case.load_graph()
    assert [d.source for d in sorted(documents(G), key=lambda d: d.source)] == ["council.md", "police.txt"]
    dated = [e for e in events(G) if e.time]
    assert dated, "a document stating dates gives dated events"
    for event in dated:
        for report_ in event.reports:
            doc = G.nodes[report_.document]["record"]
            assert doc.text[report_.span.start : report_.span.end] == report_.span.exact


def test_rebuild_reuses_every_unchanged_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_case(tmp_path / "c")
    Case.open(folder, create=True).build()

    def no_extraction(doc):  # type: ignore[no-untyped-def]
        raise AssertionError(f"extracted {doc.source} again")

    monkeypatch.setattr(case_module, "extract", no_extraction)
    report = Case.open(folder).build()
    assert (report.extracted, report.reused) == (0, 2)
    # a changed file is extracted again, and only that one
    monkeypatch.undo()
    (folder / "police.txt").write_text(OTHER + "\nThe chief resigned on May 1, 2021.\n", encoding="utf-8")
    report = Case.open(folder).build()
    assert (report.extracted, report.reused) == (1, 1)


def test_bad_files_are_reported_one_line_each_and_the_rest_builds(tmp_path: Path) -> None:
    folder = make_case(tmp_path / "c")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x00\x01\x02PNG\x00\x00" * 50)
    (folder / "latin.txt").write_bytes(b"\xff\xfe\xfa broken \x81\x8d")
    (folder / "zz-copy.md").write_text(GOOD, encoding="utf-8")
    report = Case.open(folder, create=True).build()
    assert report.documents == ["council.md", "police.txt"]
    problems = {p.split(":")[0]: p for p in report.problems}
    assert set(problems) == {"binary.html", "zz-copy.md", "empty.txt", "latin.txt"}
    assert all("\n" not in p for p in report.problems)
    assert "same content as council.md" in problems["zz-copy.md"]
    assert len(list(documents(Case.open(folder).load_graph()))) == 2


def test_a_bad_file_added_later_loses_nothing_already_stored(tmp_path: Path) -> None:
    folder = make_case(tmp_path / "c")
    Case.open(folder, create=True).build()
    before = sorted(d.id for d in documents(load_graph(folder)))
    (folder / "zero.md").write_bytes(b"\x00" * 10)
    report = Case.open(folder).build()
    assert not report.ok and report.reused == 2
    assert sorted(d.id for d in documents(load_graph(folder))) == before


def test_settings_are_read_and_checked(tmp_path: Path) -> None:
    (tmp_path / CASE_FILE).write_text("title: My case\nbase_iri: https://example.com/cases/x/\ndocuments: ['*.md']\n")
    settings = Settings.read(tmp_path / CASE_FILE)
    assert settings == Settings("My case", "https://example.com/cases/x/", "", ("*.md",))
    for text, message in [
        ("- just\n- a list\n", "must be a YAML mapping"),
        ("title: [unclosed\n", r"the case file is not valid YAML \(line 2: .*\); fix it, or delete it"),
        ("title: x\nbase_iri: not an iri\n", "'base_iri' must be an absolute IRI"),
        ("title: x\ncolour: blue\n", "unknown keys in the case file: colour"),
        ("title: ''\n", "'title' must be a non-empty string"),
        ("title: x\ndocuments: 5\n", "'documents' must be a list"),
    ]:
        (tmp_path / CASE_FILE).write_text(text)
        with pytest.raises(CaseError, match=message) as info:
            Case.open(tmp_path)
        assert str(info.value).startswith(str(tmp_path / CASE_FILE)) and "\n" not in str(info.value)


def test_only_matching_documents_are_read(tmp_path: Path) -> None:
    folder = make_case(tmp_path / "c")
    (folder / CASE_FILE).write_text("title: Only markdown\ndocuments: ['*.md']\n")
    (folder / ".hidden.md").write_text(GOOD.replace("council", "hidden"))
    (folder / "notes.csv").write_text("a,b\n")
    assert [p.name for p in Case.open(folder).document_paths()] == ["council.md"]


def test_unbuilt_and_missing_cases_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match=r"no case\.yaml here; run 'timeline-graph build"):
        Case.open(tmp_path)
    folder = make_case(tmp_path / "c")
    Case.open(folder, create=True)
    with pytest.raises(CaseError, match="not built yet"):
        load_graph(folder)


def test_a_corrupt_cache_entry_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    folder = make_case(tmp_path / "c")
    case = Case.open(folder, create=True)
    case.build()
    entry = next((case.cache / "documents").glob("*.json"))
    entry.write_text(entry.read_text()[: len(entry.read_text()) // 2])
    report = Case.open(folder).build()
    assert (report.extracted, report.reused) == (1, 1)
    json.loads(entry.read_text())


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    atomic_write(target, "old")

    def crash(src: str, dst: str) -> None:  # the rename is the last step: crash right before it
        raise OSError("simulated crash before rename")

    monkeypatch.setattr(case_module.os, "replace", crash)
    with pytest.raises(OSError, match="simulated"):
        atomic_write(target, "new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_writes_put_files_in_place_only_once_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    atomic_write(first, "old")
    flushed: list[list[str]] = []
    sync = case_module._sync_files
    monkeypatch.setattr(case_module, "_sync_files", lambda names: (flushed.append(list(names)), sync(names)))
    writes = case_module.AtomicWrites()
    writes.write(first, "new")
    writes.write(second, ["b", "c"])
    assert first.read_text() == "old" and not second.exists()  # nothing in place before the commit
    writes.commit()
    assert first.read_text() == "new" and second.read_text() == "bc"
    assert len(flushed) == 1 and len(flushed[0]) == 2  # one flush for both files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_atomic_writes_not_committed_leave_the_old_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    atomic_write(target, "old")
    writes = case_module.AtomicWrites()
    writes.write(target, "new")
    writes.write(tmp_path / "other.json", "x")

    def crash(names: list[str]) -> None:
        raise OSError("simulated failure to flush")

    monkeypatch.setattr(case_module, "_sync_files", crash)
    with pytest.raises(OSError, match="simulated"):
        writes.commit()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
