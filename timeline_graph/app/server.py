"""Serve the app with its case loaded as the server starts, not on the first visit.

``python -m timeline_graph.app.server run main.py [options] -- CASE`` is ``streamlit run`` with
one thing more: while the server comes up, a thread loads the case and makes what its opening
page shows (the key dates of a large case, else the timeline rows and the case index) into the
app's shared caches (:mod:`ui`), so the first browser to visit finds them made. A visit that
comes before they are made waits for them (Streamlit makes each cached value once), never makes
them twice.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

__all__ = ["case_of", "main", "preload"]

_LOGGER = logging.getLogger(__name__)
_THREAD = "timeline-graph-preload"
#: Streamlit warns of every use of its caches outside a script run; the preload's are meant.
_NO_CONTEXT_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"


class _NotFromPreload(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != _THREAD


def case_of(argv: Sequence[str]) -> Path | None:
    """The case a ``streamlit run`` command line serves: the argument after ``--``, or None.

    >>> case_of(["run", "main.py", "--server.port", "8501", "--", "my-case"])
    PosixPath('my-case')
    >>> case_of(["run", "main.py"]) is None
    True
    """
    rest = list(argv)
    if "--" not in rest:
        return None
    after = rest[rest.index("--") + 1:]
    return Path(after[0]) if after else None


def preload(case: Path) -> None:
    """Load ``case`` and make its opening page's data in the app's caches, as a first visit would."""
    from . import page_keydates, ui

    try:
        key = str(case.resolve())
        stamp = ui.stamp(case)
        G = ui.load(key, stamp)
        d = ui.derive(key, stamp)
        page_keydates.opening_data(G, d)
        from .. import export  # noqa: F401 - the sidebar's downloads import the exporters (and rdflib)
    except Exception:  # the first visit loads it again and shows the error to the reader
        _LOGGER.warning("could not preload the case %s", case, exc_info=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Start the preload in the background, then run Streamlit's command line with ``argv``."""
    from streamlit.web import cli

    args = list(sys.argv[1:] if argv is None else argv)
    case = case_of(args)
    if case is not None:
        logging.getLogger(_NO_CONTEXT_LOGGER).addFilter(_NotFromPreload())
        threading.Thread(target=preload, args=(case,), name=_THREAD, daemon=True).start()
    sys.argv = ["streamlit", *args]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
