"""The console script through click's runner: every command, its help, its errors."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_graph.cli import main

from .test_case import make_case

COMMANDS = ["build", "export", "app", "demo", "dates", "timeline"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_build_export_and_timeline(runner: CliRunner, tmp_path: Path) -> None:
    folder = make_case(tmp_path / "harbor")
    result = runner.invoke(main, ["build", str(folder)])
    assert result.exit_code == 0, result.output
    assert "2 documents (2 extracted, 0 reused)" in result.stdout
    again = runner.invoke(main, ["build", str(folder), "--quiet"])
    assert "2 documents (0 extracted, 2 reused)" in again.stdout
    for fmt in ("json", "ttl"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(main, ["export", str(folder), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    data = json.loads((tmp_path / "out.json").read_text())
    assert {d["source"] for d in data["documents"]} == {"council.md", "police.txt"}
    shown = runner.invoke(main, ["timeline", str(folder)])
    assert shown.exit_code == 0 and "2021" in shown.output


def test_build_reports_bad_files_and_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    folder = make_case(tmp_path / "c")
    (folder / "blob.txt").write_bytes(b"\x00\x00\x00\x01binary")
    result = runner.invoke(main, ["build", str(folder), "-q"])
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 1 and skipped[0].startswith("skipped: blob.txt: ")
    assert "2 documents" in result.stdout and "1 file(s) skipped" in result.stdout


def test_the_summary_tells_skipped_files_from_skipped_documents_inside_a_file(runner: CliRunner,
                                                                              tmp_path: Path) -> None:
    folder = make_case(tmp_path / "c")
    (folder / "blob.txt").write_bytes(b"\x00\x00\x00\x01binary")
    good = "From: Ann <ann@x.example>\nSubject: Vote\nDate: Mon, 01 Mar 2021 09:00:00 +0000\n\nThe vote is on Tuesday.\n"
    empty = "From: Bo <bo@x.example>\nSubject: Re: Vote\nDate: Mon, 01 Mar 2021 10:00:00 +0000\n\n"
    (folder / "box.mbox").write_text(f"From a@x Mon Mar  1 09:00:00 2021\n{good}\nFrom b@x Mon Mar  1 10:00:00 2021\n{empty}")
    result = runner.invoke(main, ["build", str(folder), "-q"])
    assert result.exit_code == 1
    assert "skipped: box.mbox#message-2: " in result.stderr
    assert "3 documents" in result.stdout
    assert "; 1 file(s) and 1 document(s) inside files skipped" in result.stdout, result.stdout


def test_errors_are_one_line_with_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["export", str(tmp_path), "--format", "json", "--out", str(tmp_path / "x.json")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "no case.yaml here" in result.stderr
    (tmp_path / "case.yaml").write_text("title: [broken\n")
    result = runner.invoke(main, ["build", str(tmp_path)])
    assert result.exit_code == 2 and "the case file is not valid YAML" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["build", str(empty)])
    assert result.exit_code == 2 and "no documents found" in result.stderr
    assert ".pdf" in result.stderr and ".mbox" in result.stderr and ".warc.gz" in result.stderr, "every format read"
    unbuilt = make_case(tmp_path / "unbuilt")
    (unbuilt / "case.yaml").write_text("title: Not built\n")
    result = runner.invoke(main, ["app", str(unbuilt)])
    assert result.exit_code == 2 and "not built yet" in result.stderr


def test_dates_prints_json_with_the_contract_fields(runner: CliRunner, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("The request went out on June 16, 2020. Officials met again yesterday.\n")
    result = runner.invoke(main, ["dates", str(note), "--dct", "2021-02-17", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {"start", "end", "text", "type", "value", "edtf", "earliest", "latest"} <= set(rows[0])
    by_text = {r["text"]: r for r in rows}
    assert by_text["June 16, 2020"]["value"] == "2020-06-16"
    assert by_text["yesterday"]["value"] == "2021-02-16"
    text = note.read_text()
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    undated = runner.invoke(main, ["dates", str(note), "--json"])
    assert "states no date" in undated.stderr
    assert runner.invoke(main, ["dates", str(note), "--dct", "16/06/2020"]).exit_code == 2


def test_demo_writes_exports_whose_events_cite_matching_quotes(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    result = runner.invoke(main, ["demo", "--no-app", "--out", str(out)], env={}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    graph = json.loads((out / "doorbell-footage.json").read_text())
    texts = {d["id"]: d["text"] for d in graph["documents"]}
    assert len(graph["events"]) >= 5
    for event in graph["events"]:
        assert event["reports"], event
        for report in event["reports"]:
            span = report["span"]
            assert texts[span["document"]][span["start"] : span["end"]] == span["exact"]
    assert (out / "doorbell-footage.ttl").read_text().startswith("@prefix")


def test_two_builds_give_byte_identical_exports(runner: CliRunner, tmp_path: Path) -> None:
    first = make_case(tmp_path / "first")
    second = tmp_path / "second"
    outputs = []
    for folder in (first, second):
        if folder == second:
            shutil.copytree(first, second, ignore=shutil.ignore_patterns(".timeline-graph"))
        assert runner.invoke(main, ["build", str(folder), "-q"]).exit_code == 0
        for fmt in ("json", "ttl"):
            out = tmp_path / f"{folder.name}.{fmt}"
            assert runner.invoke(main, ["export", str(folder), "-f", fmt, "-o", str(out)]).exit_code == 0
            outputs.append(out.read_bytes())
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in found.read_text().split()] if found.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc (Linux)")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopping_the_app_command_stops_its_server(tmp_path: Path, sample_graph, signum: int) -> None:  # type: ignore[no-untyped-def]
    from timeline_graph.app.browser import free_port
    from timeline_graph.export.graphjson import to_json

    case = tmp_path / "case.json"
    case.write_text(to_json(sample_graph), encoding="utf-8")
    port = free_port()
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    # a shell's background job inherits SIGINT ignored: start the app as a terminal would
    proc = subprocess.Popen([sys.executable, "-m", "timeline_graph.cli", "app", str(case), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    servers: list[int] = []
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "the app did not come up"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                time.sleep(0.3)
        servers = _children(proc.pid)
        assert servers, "the app command runs its server as a child process"
        proc.send_signal(signum)
        assert proc.wait(timeout=30) == 0
        for pid in servers:
            assert not Path(f"/proc/{pid}").exists(), f"the server {pid} outlived the app command"
        with socket.socket() as sock:  # nothing listens on the port any more
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", port))
    finally:
        for pid in {*servers, *(_children(proc.pid) if proc.poll() is None else [])}:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# ---------------------------------------------------------------------------------------------
# Issue 19, item 8


def test_a_loop_of_symbolic_links_is_reported_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = make_case(tmp_path / "harbor")
    (folder / "x.txt").symlink_to("y.txt")
    (folder / "y.txt").symlink_to("x.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "again").symlink_to("..")
    result = runner.invoke(main, ["build", str(folder), "--quiet"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "skipped: x.txt: a loop of symbolic links (to y.txt), skipped",
        "skipped: y.txt: a loop of symbolic links (to x.txt), skipped",
    ]
    assert "2 documents (2 extracted, 0 reused)" in result.stdout and "2 file(s) skipped" in result.stdout


@pytest.mark.parametrize(("name", "text", "problem"), [
    ("empty.ttl", "", "the file is empty"),
    ("empty.jsonld", "", "the file is empty"),  # JSON-LD's parser would call it a syntax error
    ("blank.nt", "  \n", "no triples"),
    ("prefixes.ttl", "@prefix ex: <http://example.org/> .\n", "no triples"),
])
def test_validate_fails_on_a_file_without_triples_in_one_line_naming_it(runner: CliRunner, tmp_path: Path, name: str,
                                                                        text: str, problem: str) -> None:
    empty = tmp_path / name
    empty.write_text(text)
    result = runner.invoke(main, ["validate", str(empty)])
    assert result.exit_code == 1
    assert result.output == (f"{empty}: does not conform: {problem}; an export states at least the case's "
                             "documents\n")


def test_export_into_a_missing_folder_says_so_and_makes_none(runner: CliRunner, tmp_path: Path) -> None:
    folder = make_case(tmp_path / "harbor")
    runner.invoke(main, ["build", str(folder), "--quiet"])
    out = tmp_path / "no-such-folder" / "case.json"
    result = runner.invoke(main, ["export", str(folder), "--format", "json", "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {out}: there is no folder {out.parent} to write it in; create it first")
    assert not out.parent.exists()


def test_the_build_summary_counts_each_document_once(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "cited"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Council approves cameras\npublisher: Harbor Weekly\n---\n"
                                 "The council approved the cameras on Tuesday, the clerk said.\n")
    (folder / "b.txt").write_text("Cameras spread across the region\n\nThe program grew in 2021, officials said.\n\n"
                                  'Sources:\n\nAda Byline, "Council approves cameras," Harbor Weekly, March 4, 2021.\n')
    first = runner.invoke(main, ["build", str(folder), "--quiet"])
    assert "2 documents (2 extracted, 0 reused; 1 extracted again against a date another document gives)" in first.stdout
    (folder / "b.txt").write_text((folder / "b.txt").read_text() + "\nOne more line.\n")
    again = runner.invoke(main, ["build", str(folder), "--quiet"])
    assert "2 documents (1 extracted, 1 reused)" in again.stdout


def test_build_notes_a_dropped_nul_byte(runner: CliRunner, tmp_path: Path) -> None:
    folder = make_case(tmp_path / "harbor")
    (folder / "stray.txt").write_bytes(b"The board met\x00 on May 3, 2021, the clerk said.\n")
    result = runner.invoke(main, ["build", str(folder), "--quiet"])
    assert result.exit_code == 0
    assert result.stderr.strip() == "note: stray.txt: 1 NUL byte dropped (the first at offset 13)"
    assert "3 documents (3 extracted, 0 reused)" in result.stdout


def _story_case(folder: Path) -> Path:
    """A small case: a vote three outlets report (one a year on, one a wire copy), a snowy day
    with the most publications, and a market day."""
    folder.mkdir(parents=True)
    stories = {
        "a.md": ("Riverton Gazette", "2022-03-02", "The Riverton City Council voted on March 1, 2022 to ban "
                                                   "face recognition cameras."),
        "b.md": ("Valley Tribune", "2022-03-02", "Riverton council members voted on March 1, 2022 to ban face "
                                                 "recognition cameras in city buildings."),
        "c.md": ("Wire Copy", "2022-03-02", "Riverton council members voted on March 1, 2022 to ban face "
                                            "recognition cameras in city buildings."),
        "d.md": ("Harbor Weekly", "2023-03-01", "A year ago, on March 1, 2022, the Riverton City Council voted "
                                                "to ban face recognition cameras."),
        "e.md": ("Riverton Gazette", "2022-02-10", "The Riverton library opened a new reading room on February "
                                                   "10, 2022."),
        "f.md": ("Riverton Gazette", "2022-02-10", "Heavy snow closed three roads in Riverton on February 10, 2022."),
        "g.md": ("Valley Tribune", "2022-02-10", "Snow fell across the valley on February 10, 2022."),
        "h.md": ("Valley Tribune", "2022-01-15", "Farmers sold apples at the Riverton market on January 15, 2022."),
    }
    for name, (publisher, published, text) in stories.items():
        (folder / name).write_text(f"---\npublisher: {publisher}\npublished: {published}\n---\n\n{text}\n",
                                   encoding="utf-8")
    return folder


def test_key_dates_rank_days_by_their_sources_not_by_publication_volume(runner: CliRunner, tmp_path: Path) -> None:
    folder = _story_case(tmp_path / "story")
    assert runner.invoke(main, ["build", "-q", str(folder)]).exit_code == 0
    result = runner.invoke(main, ["timeline", str(folder), "--key-dates", "2", "--json"])
    assert result.exit_code == 0, result.output
    days = json.loads(result.stdout)
    assert [d["date"] for d in days] == ["2022-03-01", "2022-02-10"]
    vote = days[0]
    # the wire copy repeats the Tribune's words: three sources, one of them a year later
    assert (vote["sources"], vote["referred_back"]) == (3, 1)
    assert "voted" in vote["summary"] and "\n" not in vote["summary"]
    assert vote["summary"].count("The Riverton City Council voted") <= 1
    reported = {r["span"]["exact"] for e in vote["events"] for r in e["reports"]}
    assert any("March 1, 2022" in exact for exact in reported)
    assert all(e["time"]["earliest"] <= "2022-03-01" <= e["time"]["latest"] for e in vote["events"])


def test_key_dates_between_two_dates(runner: CliRunner, tmp_path: Path) -> None:
    folder = _story_case(tmp_path / "story")
    assert runner.invoke(main, ["build", "-q", str(folder)]).exit_code == 0
    result = runner.invoke(main, ["timeline", str(folder), "--key-dates", "5", "--from", "2022-01-20",
                                  "--to", "2022-02", "--json"])
    assert result.exit_code == 0, result.output
    assert [d["date"] for d in json.loads(result.stdout)] == ["2022-02-10"]
    plain = runner.invoke(main, ["timeline", str(folder), "--key-dates", "1"])
    assert plain.exit_code == 0 and plain.stdout.startswith("2022-03-01") and len(plain.stdout.splitlines()) == 1
    bad = runner.invoke(main, ["timeline", str(folder), "--key-dates", "1", "--from", "March"])
    assert bad.exit_code == 2 and "not a date: 'March'" in bad.stderr
    rows = json.loads(runner.invoke(main, ["timeline", str(folder), "--json"]).stdout)
    assert rows[0]["when"] == "15 January 2022" and rows[0]["event"]["label"]
