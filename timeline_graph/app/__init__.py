"""The Streamlit app: where its script lives and how to start it.

The CLI and the tests start the app with the same argv, built by :func:`streamlit_command`.
Importing this package does not import Streamlit.

>>> streamlit_command(Path("my-case"), port=8501)[-2:]
['--', 'my-case']
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = ["APP_PATH", "CASE_ENV", "case_path_from", "exposure_warning", "run_app", "streamlit_command"]

#: The Streamlit script.
APP_PATH = Path(__file__).resolve().with_name("main.py")

#: Environment variable naming the case when no argument is given (used by tests).
CASE_ENV = "TIMELINE_GRAPH_CASE"


def streamlit_command(
    case: Path, *, port: int | None = None, address: str = "127.0.0.1", headless: bool = True
) -> list[str]:
    """The argv that serves the app for ``case`` (a built case folder or a graph JSON file):
    ``streamlit run`` through :mod:`~timeline_graph.app.server`, which loads the case as the
    server starts."""
    argv = [sys.executable, "-m", "timeline_graph.app.server", "run", str(APP_PATH)]
    argv += ["--server.headless", "true" if headless else "false", "--server.address", address]
    if port is not None:
        argv += ["--server.port", str(port)]
    argv += ["--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"]
    # Streamlit runs a full garbage collection after every run of the script, even one stopped
    # to run again; with a large case in memory that takes a quarter of a second or more each
    # time, and a decision made in the app runs the script twice. Python's own collector runs
    # as memory is allocated, and is enough.
    argv += ["--runner.postScriptGC", "false", "--", str(case)]
    return argv


def exposure_warning(address: str, port: int | None = None) -> str | None:
    """One line of warning when ``address`` lets other machines reach the app; None for loopback.

    The app has no login and serves the whole case, its documents' text included, to whoever
    can connect, so serving beyond this machine has to be asked for knowingly.

    >>> exposure_warning("127.0.0.1") is None and exposure_warning("localhost") is None
    True
    >>> exposure_warning("0.0.0.0", 8501).startswith("warning: serving on 0.0.0.0:8501")
    True
    """
    if address.strip().lower() == "localhost":
        return None
    try:
        if ipaddress.ip_address(address.strip("[]")).is_loopback:
            return None
    except ValueError:
        pass  # a host name: it may resolve to any interface
    host = f"[{address}]" if ":" in address and not address.startswith("[") else address
    where = f"{host}:{port}" if port is not None else host
    what = "every network interface of this machine" if address.strip("[]") in ("0.0.0.0", "::") else "not a loopback address"
    return (f"warning: serving on {where}, {what}: anyone who can reach it can read the whole case "
            "(the app has no login); leave out --address to serve on 127.0.0.1 only")


def case_path_from(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Path | None:
    """The case the app should show: ``argv[1]`` when run as the app script, else the env var.

    Under ``streamlit run main.py -- CASE`` Streamlit sets ``argv`` to ``[main.py, CASE]``; in
    other hosts (``AppTest`` inside pytest) ``argv`` belongs to someone else and is ignored.
    """
    environ = os.environ if environ is None else environ
    if len(argv) > 1 and argv[0] and Path(argv[0]).resolve() == APP_PATH:
        return Path(argv[1])
    value = environ.get(CASE_ENV, "").strip()
    return Path(value) if value else None


def run_app(case: Path, *, port: int | None = None, address: str = "127.0.0.1", stop_timeout: float = 10.0) -> int:
    """Serve the app for ``case`` until the server exits, or until this process is sent SIGINT or
    SIGTERM: then the server is stopped too (terminated, killed after ``stop_timeout`` seconds),
    so nothing is left holding the port. The server's exit code, or 0 when it was stopped so.
    """
    from ..servers import run_until_stopped

    return run_until_stopped(streamlit_command(case, port=port, address=address), stop_timeout=stop_timeout)
