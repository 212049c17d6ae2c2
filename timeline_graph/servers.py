"""Running a server in a child process for as long as the command that started it runs.

The app (Streamlit) and the SPARQL endpoint (Oxigraph) are servers of their own, started by
``timeline-graph app`` and ``timeline-graph serve``. Whatever stops the command (Ctrl+C,
SIGTERM from a service manager, an error) stops its server too, so nothing is left holding
the port.
"""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Sequence
from types import FrameType

__all__ = ["run_until_stopped"]


class _Stop(Exception):
    """SIGTERM reached the process that started the server."""


def run_until_stopped(argv: Sequence[str], *, stop_timeout: float = 10.0) -> int:
    """Run ``argv`` until it exits, or until this process is sent SIGINT or SIGTERM: then the
    child is stopped too (terminated, killed after ``stop_timeout`` seconds). The child's exit
    code, or 0 when it was stopped so."""
    process = subprocess.Popen(list(argv))

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise _Stop

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        return process.wait()
    except (KeyboardInterrupt, _Stop):
        process.terminate()
        try:
            process.wait(timeout=stop_timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:  # any other way out of here must not leave the server behind
            process.kill()
            process.wait()
