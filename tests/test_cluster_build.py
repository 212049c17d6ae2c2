"""A build whose documents are extracted on a Dask distributed cluster: a real local cluster of
two worker processes on loopback, started by the test, and exports compared byte for byte with
a build on this machine."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_graph.case import Case
from timeline_graph.cli import EXAMPLE_CASE, main
from timeline_graph.errors import CaseError

distributed = pytest.importorskip("distributed", reason="timeline-graph[cluster] is not installed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local Dask cluster: two worker processes, one thread each, on loopback."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield str(cluster.scheduler_address)


def _copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(EXAMPLE_CASE, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    (folder / "notes.md").write_bytes(bytes(range(256)) * 40)  # one file that is not text
    return folder


def test_a_cluster_build_exports_the_same_bytes_as_a_local_one(scheduler: str, tmp_path: Path) -> None:
    local, remote = _copy(tmp_path, "local"), _copy(tmp_path, "remote")
    runner = CliRunner()
    done_local = runner.invoke(main, ["build", str(local), "--quiet", "--jobs", "1"])
    done_remote = runner.invoke(main, ["build", str(remote), "--quiet", "--cluster", scheduler])
    assert done_local.exit_code == done_remote.exit_code == 1  # the bad file is skipped in both
    assert "notes.md" in done_remote.output
    for fmt in ("ttl", "json"):
        outputs = []
        for folder in (local, remote):
            out = tmp_path / f"{folder.name}.{fmt}"
            assert runner.invoke(main, ["export", str(folder), "--format", fmt, "--out", str(out)]).exit_code == 0
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], fmt
    cached = sorted(p.name for p in (remote / ".timeline-graph" / "documents").iterdir())
    assert cached == sorted(p.name for p in (local / ".timeline-graph" / "documents").iterdir())
    again = Case.open(remote).build(cluster=scheduler)  # the cluster's entries are this machine's cache now
    assert again.extracted == 0 and again.reused == 6


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = _copy(tmp_path, "case")
    with pytest.raises(CaseError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        Case.open(folder).build(cluster=f"tcp://127.0.0.1:{port}")
    done = CliRunner().invoke(main, ["build", str(folder), "--quiet", "--cluster", f"tcp://127.0.0.1:{port}"])
    assert done.exit_code == 2 and len(done.output.strip().splitlines()) == 1
