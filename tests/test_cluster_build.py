"""A build whose documents are extracted on a Dask distributed cluster: a real scheduler and
worker processes on loopback, started by the test as on real hosts, and exports compared byte
for byte with a build on this machine."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline_graph.cli import EXAMPLE_CASE

distributed = pytest.importorskip("distributed", reason="timeline-graph[cluster] is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """A command in a process of its own, as a user runs it (the Dask client's threads stay there)."""
    return subprocess.run([sys.executable, "-m", "timeline_graph.cli", *args], capture_output=True, text=True,
                          check=False, timeout=600)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Dask cluster started as on real hosts, but on loopback: ``dask scheduler`` and one
    ``dask worker`` process running two worker processes of one thread each."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    cwd = tmp_path_factory.mktemp("dask")
    started = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                 "--port", str(port), "--no-dashboard"], cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        started.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "2",
                                         "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"], cwd=cwd,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=60)


def _copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(EXAMPLE_CASE, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    (folder / "notes.md").write_bytes(bytes(range(256)) * 40)  # one file that is not text
    return folder


def test_a_cluster_build_exports_the_same_bytes_as_a_local_one(scheduler: str, tmp_path: Path) -> None:
    local, remote = _copy(tmp_path, "local"), _copy(tmp_path, "remote")
    done_local = _cli("build", str(local), "--quiet", "--jobs", "1")
    done_remote = _cli("build", str(remote), "--quiet", "--cluster", scheduler)
    assert done_local.returncode == done_remote.returncode == 1, done_remote.stderr  # the bad file is skipped in both
    assert "notes.md" in done_remote.stderr
    for fmt in ("ttl", "json"):
        outputs = []
        for folder in (local, remote):
            out = tmp_path / f"{folder.name}.{fmt}"
            assert _cli("export", str(folder), "--format", fmt, "--out", str(out)).returncode == 0
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], fmt
    cached = sorted(p.name for p in (remote / ".timeline-graph" / "documents").iterdir())
    assert cached == sorted(p.name for p in (local / ".timeline-graph" / "documents").iterdir())
    again = _cli("build", str(remote), "--quiet", "--cluster", scheduler)  # its entries are this machine's cache now
    assert "(0 extracted, 6 reused)" in again.stdout, again.stdout


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    port = _free_port()
    folder = _copy(tmp_path, "case")
    done = _cli("build", str(folder), "--quiet", "--cluster", f"tcp://127.0.0.1:{port}")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in done.stderr
