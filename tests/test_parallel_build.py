"""Builds on several processes: the same bytes as on one, and a process that dies costs one file."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from timeline_graph import case as case_module
from timeline_graph import workers
from timeline_graph.case import Case
from timeline_graph.export import export

EXAMPLE = Path(case_module.__file__).parent / "examples" / "doorbell-footage"


def _copy_example(folder: Path) -> Path:
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns(".timeline-graph", "decisions.yaml"))
    return folder


def _exports(folder: Path, out: Path) -> dict[str, bytes]:
    graph = Case.open(folder).load_graph()
    out.mkdir()
    return {fmt: export(graph, fmt, out / f"case.{fmt}").read_bytes() for fmt in ("json", "ttl")}


def test_a_build_on_two_processes_exports_the_bytes_of_a_build_on_one(tmp_path: Path) -> None:
    one = _copy_example(tmp_path / "one")
    two = _copy_example(tmp_path / "two")
    first = Case.open(one, create=True).build(jobs=1)
    second = Case.open(two, create=True).build(jobs=2)
    assert first.extracted == second.extracted > 2 and not first.problems and not second.problems
    assert first.documents == second.documents
    assert _exports(one, tmp_path / "out-one") == _exports(two, tmp_path / "out-two")


def test_ordered_map_gives_results_in_task_order_from_several_processes() -> None:
    tasks = list(range(40, 0, -1))
    assert [r for _, r in workers.ordered_map(_slow_square, tasks, jobs=2)] == [t * t for t in tasks]


def _slow_square(n: int) -> int:
    # later tasks finish first: the order must come from the tasks, not from the finishing
    import time

    time.sleep(n / 4000)
    return n * n


def _dies_on_seven(n: int) -> int:
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return -n


def test_a_process_killed_on_one_task_costs_that_task_alone() -> None:
    results = dict(workers.ordered_map(_dies_on_seven, range(1, 13), jobs=2))
    assert isinstance(results.pop(7), workers.Crashed)
    assert results == {n: -n for n in range(1, 13) if n != 7}


def test_a_build_whose_process_dies_on_one_file_reports_it_and_builds_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if workers._context().get_start_method() != "fork":
        pytest.skip("the crashing extractor reaches the processes only when they are forked")
    folder = _copy_example(tmp_path / "case")
    victim = sorted(p.name for p in folder.glob("*.md"))[2]
    real = case_module.extract

    def crashing(document, *args, **kwargs):  # type: ignore[no-untyped-def]
        if document.source == victim:
            os.kill(os.getpid(), signal.SIGKILL)  # a real death of the process, as the OOM killer does
        return real(document, *args, **kwargs)

    monkeypatch.setattr(case_module, "extract", crashing)
    report = Case.open(folder, create=True).build(jobs=2)
    assert [p for p in report.problems if p.startswith(victim)] == [
        f"{victim}: extraction failed (the process reading it died (killed for memory, or a crash in a "
        "compiled library))"]
    assert victim not in report.documents and len(report.documents) == len(list(folder.glob("*.md"))) - 1
    # the next build, with the extractor well again, takes what was built and adds the lost file
    monkeypatch.setattr(case_module, "extract", real)
    again = Case.open(folder).build(jobs=2)
    assert again.ok and again.extracted >= 1 and victim in again.documents


def test_default_processes_stay_one_for_a_small_build_and_follow_the_cores_for_a_large_one() -> None:
    assert case_module._processes(None, 3) == 1
    assert case_module._processes(None, 500) == workers.available_cores()
    assert case_module._processes(4, 2) == 2 and case_module._processes(3, 100) == 3


def _dies_in_chunk(chunk: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(_dies_on_seven(n) for n in chunk)


def test_a_chunk_whose_process_dies_costs_only_the_task_that_kills_it() -> None:
    chunks = [(1, 2, 3, 4), (5, 6, 7, 8), (9,), (10, 11, 12)]
    results = list(workers.ordered_map_chunks(_dies_in_chunk, _dies_on_seven, chunks, jobs=2))
    assert [task for task, _ in results] == list(range(1, 13))
    crashed = [task for task, result in results if isinstance(result, workers.Crashed)]
    assert crashed == [7]
    assert all(result == -task for task, result in results if task != 7)


def _task(source: str, size: int, **kwargs: object) -> case_module._Task:
    return case_module._Task(source, source, source, "", "", None, 10**9, size=size, **kwargs)  # type: ignore[arg-type]


def test_small_single_document_files_are_extracted_in_groups_and_the_rest_alone() -> None:
    small = [_task(f"note-{n}.txt", 1_000) for n in range(case_module.CHUNK_FILES + 5)]
    large = _task("report.txt", case_module.CHUNK_BYTES + 1)
    mailbox = _task("inbox.mbox", 500)
    groups = list(case_module._chunks([*small[:3], large, small[3], mailbox, *small[4:]]))
    assert [len(g) for g in groups] == [3, 1, 1, 1, case_module.CHUNK_FILES, 1]
    assert groups[1] == (large,) and groups[3] == (mailbox,)
    # by bytes too: files that would pass the bound start the next group
    halves = [_task(f"half-{n}.txt", case_module.CHUNK_BYTES // 2) for n in range(5)]
    assert [len(g) for g in case_module._chunks(halves)] == [2, 2, 1]


def test_a_group_of_files_is_parsed_at_once_and_builds_the_bytes_of_files_read_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    together = _copy_example(tmp_path / "together")
    alone = _copy_example(tmp_path / "alone")
    real = case_module.nlp.parse_many
    calls: list[int] = []

    def counting(texts, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return real(texts, **kwargs)

    monkeypatch.setattr(case_module.nlp, "parse_many", counting)
    first = Case.open(together, create=True).build(jobs=1)
    assert calls == [first.extracted] and first.extracted > 2  # the example's files: one group
    monkeypatch.setattr(case_module, "CHUNK_FILES", 1)
    second = Case.open(alone, create=True).build(jobs=1)
    assert first.ok and second.ok and first.documents == second.documents
    assert _exports(together, tmp_path / "out-together") == _exports(alone, tmp_path / "out-alone")
    entries = sorted((together / ".timeline-graph" / "documents").glob("*.json"))
    assert entries and [p.read_bytes() for p in entries] == [
        (alone / ".timeline-graph" / "documents" / p.name).read_bytes() for p in entries]


def test_small_files_are_extracted_with_the_loaded_heap_set_aside_from_collections(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    seen: list[tuple[tuple[int, int, int], bool]] = []

    def run(task, *args):  # type: ignore[no-untyped-def]
        seen.append((gc.get_threshold(), gc.get_freeze_count() > 0))
        return case_module._Done()

    monkeypatch.setattr(case_module, "_run_task", run)
    before = gc.get_threshold(), gc.get_freeze_count()
    case_module._run_chunk((_task("note.txt", 1_000),))
    case_module._run_chunk((_task("report.txt", case_module.CHUNK_BYTES + 1),))
    assert seen == [(case_module.EXTRACTING_GC_THRESHOLD, True), (before[0], before[1] > 0)]
    # as before: the thresholds, and a heap frozen only where it was (what was frozen stays so)
    assert gc.get_threshold() == before[0] and (gc.get_freeze_count() > 0) == (before[1] > 0)


_WARMED: list[str] = []


def _warm_once() -> None:
    _WARMED.append("loaded")


def _what_was_warmed(n: int) -> tuple[int, tuple[str, ...]]:
    return n, tuple(_WARMED)


def test_what_is_warmed_before_the_processes_start_is_loaded_once_and_seen_by_each() -> None:
    _WARMED.clear()
    if workers._context().get_start_method() != "fork":
        pytest.skip("processes are spawned here: nothing loaded before them is shared")
    results = [r for _, r in workers.ordered_map(_what_was_warmed, range(6), jobs=2, warm=_warm_once)]
    assert results == [(n, ("loaded",)) for n in range(6)]
    assert _WARMED == ["loaded"]  # loaded here once, not once in every process


def test_one_process_warms_nothing_ahead() -> None:
    _WARMED.clear()
    assert [r for _, r in workers.ordered_map(_what_was_warmed, range(3), jobs=1, warm=_warm_once)] == [
        (0, ()), (1, ()), (2, ())]
    assert _WARMED == []


def test_a_build_on_two_processes_loads_the_pipeline_before_them(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    warmed: list[str | None] = []
    monkeypatch.setattr(case_module, "_warm", warmed.append)
    folder = _copy_example(tmp_path / "case")
    report = Case.open(folder, create=True).build(jobs=2)
    assert report.extracted > 2 and not report.problems
    assert warmed == [None]  # the case's pipeline (the shipped one), once
