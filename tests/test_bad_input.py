"""A pile of bad inputs, made here, built as one case (issue 18, item 1).

Random bytes named .txt, an empty file, Latin-1, UTF-16 with and without a byte order mark,
a NUL byte, unclosed HTML, nonsense dates, a loop of symbolic links, a file and a folder
without read permission, a truncated PDF, mailbox and web archive, and a file that vanishes while the build
runs. Each is read correctly or gives one line naming the file and the problem; the rest of
the batch builds; the build's exit code says that some inputs failed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_graph.case import Case
from timeline_graph.cli import main

from .test_ingest_mail import thread, write_mbox
from .test_ingest_warc import warc

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Council report\n\nThe harbor council approved the camera program on March 2, 2021, the clerk said.\n"
ACCENTED = "Council report\n\nThe council met in Zürich on March 2, 2021, and José Núñez said the vote was close.\n"
NONSENSE = ("Council report\n\nThe vote was held on the 45th of Smarch 20199, the clerk said, "
            "and again on February 30, 2021 at 25:61.\n")

#: Files read correctly: (name, words their text must hold).
READ = {
    "good.txt": "approved the camera program",
    "latin1.txt": "met in Zürich",
    "utf16-bom.txt": "José Núñez",
    "utf16-le.txt": "José Núñez",
    "utf16-be.txt": "José Núñez",
    "nul.txt": "The council met on March 2",
    "unclosed.html": "Second paragraph without an end",
    "nonsense-dates.txt": "the 45th of Smarch 20199",
}
#: Files refused: (name, the problem their one line names).
REFUSED = {
    "random.txt": "binary file",
    "empty.txt": "empty file",
    "loop-a.txt": "a loop of symbolic links",
    "loop-b.txt": "a loop of symbolic links",
    "locked.txt": "cannot read (",
    "locked-folder": "cannot read the folder (",
    "truncated.pdf": "broken PDF (",
    "truncated.warc": "not a readable WARC file after record 5",
}


def _pdf() -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    import io

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "The council approved the camera program on March 2, 2021.")
    page.save()
    return buffer.getvalue()


def make_corpus(folder: Path) -> None:
    """Write the bad-input pile (and one good file) into ``folder``."""
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "random.txt").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(ACCENTED.encode("latin-1"))
    (folder / "utf16-bom.txt").write_bytes(ACCENTED.encode("utf-16"))
    (folder / "utf16-le.txt").write_bytes(ACCENTED.encode("utf-16-le"))
    (folder / "utf16-be.txt").write_bytes(ACCENTED.encode("utf-16-be"))
    (folder / "nul.txt").write_bytes(b"Council report\n\nThe council met\x00 on March 2, 2021, the clerk said.\n")
    (folder / "unclosed.html").write_bytes(b"<html><body><p>The council met on March 2, 2021.<div><p>Second "
                                           b"paragraph without an end <b>bold <i>and more")
    (folder / "nonsense-dates.txt").write_text(NONSENSE, encoding="utf-8")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    locked = folder / "locked.txt"
    locked.write_text(GOOD.replace("camera", "drone"), encoding="utf-8")
    locked.chmod(0)
    (folder / "locked-folder").mkdir()
    (folder / "locked-folder" / "inside.txt").write_text(GOOD.replace("camera", "radar"), encoding="utf-8")
    (folder / "locked-folder").chmod(0)
    (folder / "truncated.pdf").write_bytes(_pdf()[:700])
    box = write_mbox(folder / "truncated.mbox", thread()[:2]).read_bytes()
    (folder / "truncated.mbox").write_bytes(box[: box.rindex(b"Subject: Re: Council vote") + 10])
    (folder / "truncated.warc").write_bytes(warc()[:-200])


def _without_read_override() -> list[str]:
    """The command prefix that runs a build without the power to read any file whatever its
    permissions: none for a user other than root; for root, ``setpriv`` dropping the
    capabilities that let root read and search what its mode forbids."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root, which reads a file whatever its mode, and without setpriv to drop "
                    "that power (a folder without its x bit does not stop root either)")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    if probe.returncode:
        pytest.skip(f"running as root, which reads a file whatever its mode, and setpriv cannot drop that "
                    f"power here ({probe.stderr.decode(errors='replace').strip()})")
    return prefix


def test_a_pile_of_bad_inputs_builds_the_rest_and_names_each_problem_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    make_corpus(folder)
    command = [*_without_read_override(), sys.executable, "-c",
               "import sys; from timeline_graph.cli import main; sys.argv[0] = 'timeline-graph'; main()",
               "build", "-q", str(folder)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        (folder / "locked-folder").chmod(0o755)  # so that the test's folder can be removed
    assert done.returncode == 1, "some inputs failed: the exit code says so\n" + done.stderr
    lines = done.stderr.splitlines()
    skipped = [line for line in lines if line.startswith("skipped: ")]
    assert all("Traceback" not in line for line in lines), done.stderr
    for name, problem in REFUSED.items():
        mine = [line for line in skipped if line.startswith(f"skipped: {name}: ")]
        assert len(mine) == 1 and problem in mine[0], (name, skipped)
    assert len(skipped) == len(REFUSED) + 1, skipped  # and the cut-off second message of the mailbox
    assert "skipped: truncated.mbox#message-2: email message has no text (its body is empty or cut off)" in skipped
    notes = [line for line in lines if line.startswith("note: ")]
    assert "note: nul.txt: 1 NUL byte dropped (the first at offset 31)" in notes
    assert "note: utf16-le.txt: read as UTF-16 LE text (it has no byte order mark)" in notes
    assert "note: utf16-be.txt: read as UTF-16 BE text (it has no byte order mark)" in notes

    case = Case.open(folder)
    documents, _ = case.load()
    texts = {d.source: d.text for d in documents}
    # the whole messages and pages before the damage are kept
    assert set(texts) == {*READ, "truncated.mbox#message-1", "truncated.warc#record-4", "truncated.warc#record-5"}
    for name, words in READ.items():
        assert words in texts[name], name
    graph_json = tmp_path / "pile.json"
    assert CliRunner().invoke(main, ["export", str(folder), "-f", "json", "-o", str(graph_json)]).exit_code == 0
    times = json.dumps([e["time"] for e in json.loads(graph_json.read_text(encoding="utf-8"))["events"]])
    assert "20199" not in times and "-45" not in times and "02-30" not in times


def test_nonsense_dates_give_no_time(tmp_path: Path) -> None:
    path = tmp_path / "nonsense.txt"
    path.write_text(NONSENSE, encoding="utf-8")
    result = CliRunner().invoke(main, ["dates", str(path), "--dct", "2021-03-05", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout) if result.stdout.strip().startswith("[") else [
        json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    for expression in found:
        assert "Smarch" not in expression["text"] and "20199" not in expression["text"], expression
        assert "45th" not in expression["text"] and "February 30" not in expression["text"], expression


def test_a_file_that_vanishes_while_the_build_runs_is_named_and_the_rest_builds(tmp_path: Path) -> None:
    folder = tmp_path / "vanishing"
    folder.mkdir()
    for n in range(3):
        (folder / f"report-{n}.txt").write_text(GOOD.replace("March 2", f"March {n + 2}"), encoding="utf-8")

    def delete_the_last(done: int, total: int, name: str) -> None:
        if not name and done == 0:  # every file hashed, none extracted yet: the last one goes
            (folder / "report-2.txt").unlink()

    report = Case.open(folder, create=True).build(progress=delete_the_last, jobs=1)
    assert report.documents == ["report-0.txt", "report-1.txt"]
    assert len(report.problems) == 1
    assert report.problems[0].startswith("report-2.txt: cannot read (") and "No such file" in report.problems[0]
    assert not report.ok
    again = Case.open(folder).build()
    assert again.ok and again.documents == ["report-0.txt", "report-1.txt"] and again.reused == 2


def test_the_docs_table_shows_what_the_user_sees_for_each_bad_input() -> None:
    table = (ROOT / "docs" / "bad-input.md").read_text(encoding="utf-8")
    for name, problem in REFUSED.items():
        assert f"`skipped: {name}: " in table and problem in table, name
    for line in ("note: utf16-le.txt: read as UTF-16 LE text (it has no byte order mark)",
                 "note: nul.txt: 1 NUL byte dropped (the first at offset 31)",
                 "skipped: truncated.mbox#message-2: email message has no text (its body is empty or cut off)"):
        assert f"`{line}`" in table, line
    assert "docs/bad-input.md" in (ROOT / "README.md").read_text(encoding="utf-8")
