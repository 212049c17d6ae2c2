"""A case survives builds and exports killed at any moment, and racing writers lose nothing.

The processes here are real ``timeline-graph`` commands killed with SIGKILL (no chance to clean
up, as when the machine runs out of memory or loses power): afterwards the case still loads, the
decisions are the same bytes, and the next build finishes with what a clean build gives.
"""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

from timeline_graph.case import Case
from timeline_graph.export import export

DOCS = {
    "council.md": "---\ntitle: Council approves harbor dredging\npublisher: Harbor Weekly\npublished: 2021-03-04\n---\n"
                  "The city council approved the harbor dredging plan on March 2, 2021, the clerk said.\n"
                  "Mayor Lee Park said the work would start in May.\n",
    "port.txt": "Port officials said on April 9, 2021 that dredging would cost $4 million, according to the "
                "Harbor Weekly.\nA spokesperson for Tidewater Dredging Inc. told the Coast Courier the "
                "contract was signed on April 1, 2021.\n",
    "courier.md": "---\ntitle: Dredging starts\npublisher: Coast Courier\npublished: 2021-05-03\n---\n"
                  "Dredging began on Monday, May 3, 2021, the port authority said. Residents complained about "
                  "the noise, according to a petition signed by 300 people.\n",
}


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "timeline_graph.cli", *args]


def _make_case(folder: Path) -> Path:
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_cli(*args), capture_output=True, text=True, timeout=600, check=False)


def _killed_after(seconds: float, *args: str) -> None:
    """Start a command and SIGKILL it after ``seconds`` (or let it end first)."""
    child = subprocess.Popen(_cli(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        child.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()


def _graph_json(folder: Path, out: Path) -> bytes:
    return export(Case.open(folder).load_graph(), "json", out).read_bytes()


def test_builds_and_exports_killed_at_22_moments_lose_nothing(tmp_path: Path) -> None:
    folder = _make_case(tmp_path / "case")
    assert _run("build", str(folder), "--quiet").returncode == 0
    decided = _run("decide", str(folder), "grade", "council.md", "--grade", "B2", "--why", "named clerk",
                   "--by", "Ana Ruiz")
    assert decided.returncode == 0, decided.stderr
    log = (folder / "decisions.yaml").read_bytes()
    # How long a build that extracts one edited document takes: the kills spread over it.
    (folder / "port.txt").write_text(DOCS["port.txt"] + "Work may pause in June.\n", encoding="utf-8")
    started = time.monotonic()
    assert _run("build", str(folder), "--quiet").returncode == 0
    span = time.monotonic() - started
    out = tmp_path / "out.ttl"
    stored = []  # per killed build: whether the edited file's extraction reached the cache
    for moment in range(22):
        edit = f"{DOCS['port.txt']}Edit {moment}.\n"
        (folder / "port.txt").write_text(edit, encoding="utf-8")
        if moment % 5 == 4:  # every fifth kill hits an export instead
            _killed_after(span * (moment + 1) / 22, "export", str(folder), "--format", "ttl", "--out", str(out))
            assert not out.exists() or out.read_bytes().rstrip().endswith(b".")
        else:
            # spread over 1.2 spans: the edited file's extraction is stored near the end of a
            # build, so the last kills fall after it (and a few let the build finish)
            # (the last waits three spans: a machine busier than when the span was timed still
            # lets one build store the edited file)
            _killed_after(span * (3.0 if moment == 21 else 1.2 * (moment + 1) / 22), "build", str(folder), "--quiet")
            sha = hashlib.sha256(edit.encode("utf-8")).hexdigest()
            stored.append((folder / ".timeline-graph" / "documents" / f"{sha}.json").exists())
        # the case still loads, from the last good build or the one just made, with its decision
        graph = Case.open(folder).load_graph()
        assert graph.number_of_nodes() > 10
        assert (folder / "decisions.yaml").read_bytes() == log
    # the kills fell both before the edited file was extracted and after
    assert True in stored and False in stored, stored
    final = _run("build", str(folder), "--quiet")
    assert final.returncode == 0, final.stderr
    assert not list((folder / ".timeline-graph" / "documents").glob(".*.tmp"))
    # what the survivor holds is what a clean build of the same files gives
    clean = tmp_path / "clean"
    clean.mkdir()
    for path in folder.iterdir():
        if path.is_file():
            (clean / path.name).write_bytes(path.read_bytes())
    assert _run("build", str(clean), "--quiet").returncode == 0
    assert _graph_json(folder, tmp_path / "a.json") == _graph_json(clean, tmp_path / "b.json")


def test_two_builds_at_once_both_finish_and_agree(tmp_path: Path) -> None:
    folder = _make_case(tmp_path / "case")
    builds = [subprocess.Popen(_cli("build", str(folder), "--quiet"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [b.communicate(timeout=600) for b in builds]
    assert [b.returncode for b in builds] == [0, 0], results
    # the second waited for the first and then had nothing left to extract
    assert sorted("(3 extracted, 0 reused)" in out for out, _ in results) == [False, True]


def test_many_deciders_at_once_lose_no_decision(tmp_path: Path) -> None:
    folder = _make_case(tmp_path / "case")
    assert _run("build", str(folder), "--quiet").returncode == 0
    names = sorted(DOCS)
    deciders = [subprocess.Popen(_cli("decide", str(folder), "grade", names[n % 3], "--grade", f"B{n % 6 + 1}",
                                      "--why", f"reason {n}", "--by", f"curator {n}"),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(8)]
    errors = [d.communicate(timeout=600)[1] for d in deciders]
    assert [d.returncode for d in deciders] == [0] * 8, errors
    entries = [e for e in yaml.safe_load_all((folder / "decisions.yaml").read_text(encoding="utf-8")) if e]
    assert sorted(e["why"] for e in entries) == sorted(f"reason {n}" for n in range(8))
    assert len(Case.open(folder).decisions()) == 8
