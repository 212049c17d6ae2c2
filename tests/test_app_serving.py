"""Where the app listens (issue 18, item 6): loopback unless asked otherwise, with a warning then.

The ``app`` command is started for real and the kernel's table of listening sockets is read to
see which address its server bound.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from timeline_graph.app import exposure_warning

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc/net/tcp (Linux)")


def _listening(port: int) -> set[str]:
    """The local addresses of the sockets listening on ``port`` (IPv4 and IPv6)."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                raw = bytes.fromhex(address)
                if width == 8:
                    found.add(".".join(str(b) for b in raw[::-1]))
                else:
                    found.add("::" if raw == bytes(16) else f"ipv6 {address}")
    return found


@contextlib.contextmanager
def _app(case: Path, *options: str) -> Iterator[tuple[Any, int]]:
    """The ``app`` command serving ``case`` until it answers, and its stderr (a file); the
    command is stopped, and its server with it, after the block."""
    from timeline_graph.app.browser import _wait_healthy, free_port

    port = free_port()
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([sys.executable, "-m", "timeline_graph.cli", "app", str(case), "--port", str(port),
                                 *options], env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            _wait_healthy(f"http://127.0.0.1:{port}", proc, log, 90)
            yield log, port
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _said(log: Any) -> list[str]:
    log.seek(0)
    return list(log.read().decode("utf-8", "replace").splitlines())


@pytest.fixture
def case(tmp_path: Path, sample_graph) -> Path:  # type: ignore[no-untyped-def]
    from timeline_graph.export.graphjson import to_json

    path = tmp_path / "case.json"
    path.write_text(to_json(sample_graph), encoding="utf-8")
    return path


def test_the_app_listens_on_loopback_only_by_default(case: Path) -> None:
    with _app(case) as (log, port):
        assert _listening(port) == {"127.0.0.1"}
        assert not [line for line in _said(log) if "warning" in line]


def test_serving_on_every_interface_is_asked_for_and_warned_about(case: Path) -> None:
    with _app(case, "--address", "0.0.0.0") as (log, port):
        assert _listening(port) == {"0.0.0.0"}
        first = _said(log)[0]
    assert first == exposure_warning("0.0.0.0", port)
    assert first.startswith(f"warning: serving on 0.0.0.0:{port}, every network interface of this machine: "
                            "anyone who can reach it can read the whole case")


@pytest.mark.parametrize(("address", "warned"), [
    ("127.0.0.1", False), ("127.0.0.2", False), ("::1", False), ("localhost", False),
    ("0.0.0.0", True), ("::", True), ("192.168.1.20", True), ("my-laptop.example.org", True),
])
def test_only_loopback_addresses_serve_without_a_warning(address: str, warned: bool) -> None:
    line = exposure_warning(address, 8501)
    assert (line is not None) == warned
    if line:
        assert "\n" not in line and "--address" in line
