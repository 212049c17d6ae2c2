"""The benchmark scripts' own logic: how they split and score, on small inline inputs."""

from __future__ import annotations

import importlib.util
import sys
import zlib
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` once, under its own name."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_tempeval_held_part_is_a_fixed_fifth_by_file_name() -> None:
    part_of = _load("tempeval3").part_of
    names = [f"DOC{i:04d}.tml" for i in range(500)]
    held = [n for n in names if part_of(f"/any/folder/{n}") == "held"]
    assert held == [n for n in names if zlib.crc32(n.encode()) % 5 == 0]
    assert 70 <= len(held) <= 130
    assert part_of("/a/DOC0001.tml") == part_of("/b/other/DOC0001.tml")


def test_event_merge_scores_pairs_of_reports_of_different_documents() -> None:
    score = _load("event_merge").score
    found = {
        ("request", "own/a"): {"e1"},
        ("request", "own/b"): {"e1", "e2"},  # split within b: one of its events is enough
        ("request", "own/c"): set(),  # not found: a missed pair, never a merged one
        ("vote", "own/a"): {"e3"},
        ("vote", "own/b"): {"e1"},  # merged into the request: a wrong pair with both requests
        ("vote", "own/c"): {"e3"},
    }
    result = score(found)
    assert result.gold == {
        (("request", "own/a"), ("request", "own/b")), (("request", "own/a"), ("request", "own/c")),
        (("request", "own/b"), ("request", "own/c")), (("vote", "own/a"), ("vote", "own/b")),
        (("vote", "own/a"), ("vote", "own/c")), (("vote", "own/b"), ("vote", "own/c")),
    }
    assert result.merged == {
        (("request", "own/a"), ("request", "own/b")), (("request", "own/a"), ("vote", "own/b")),
        (("vote", "own/a"), ("vote", "own/c")),
    }
    assert result.unfound == [("request", "own/c")]
    assert (result.precision, result.recall) == (2 / 3, 2 / 6)


def test_event_merge_gold_names_documents_that_exist() -> None:
    bench = _load("event_merge")
    for item in bench.load_gold():
        assert item.doc.startswith(("seeds/", "own/")), item
        if item.doc.startswith("own/"):
            assert (bench.OWN / item.doc.removeprefix("own/")).is_file(), item
        else:
            assert all(len(c.split()) < 6 for c in item.cues), item


def test_ingest_formats_benchmark_reads_every_page_and_message_it_writes() -> None:
    import re
    import subprocess

    done = subprocess.run([sys.executable, str(BENCHMARKS / "ingest_formats.py"), "--pages", "3", "--messages", "12"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert re.fullmatch(r"report\.pdf: 3 pages, [\d.]+ MB: [\d.]+ s, 1 documents, peak \d+ MB", lines[0]), lines
    assert re.fullmatch(r"mail\.mbox: 12 messages, [\d.]+ MB: [\d.]+ s, 12 documents, peak \d+ MB", lines[1]), lines


def test_extractor_cost_times_the_parse_and_every_extractor() -> None:
    from timeline_graph import ingest

    text = "The harbour board of Lenhall voted on Tuesday to close the pier, its chair Ines Varga said."
    doc = ingest.read_bytes(text.encode(), source="note.txt")
    seconds = _load("extractor_cost").stage_seconds([doc], runs=1)
    assert list(seconds) == ["parse", "times", "entities", "events", "claims", "citations", "quantities"]
    assert all(value >= 0 for value in seconds.values())
