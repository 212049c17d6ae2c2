"""Serve the app with its case loaded as the server starts, not on the first visit.

``python -m timeline_graph.app.server run main.py [options] -- CASE`` is ``streamlit run`` with
one thing more: while the server comes up, a thread loads the case and makes what its opening
page shows (the key dates of a large case, else the timeline rows and the case index) into the
app's shared caches (:mod:`ui`), so the first browser to visit finds them made. A visit that
comes before they are made waits for them (Streamlit makes each cached value once), never makes
them twice. A large case whose opening is stored with its cache (:mod:`opening`) is drawn from
it: its graph is loaded after the first visit has its page.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

__all__ = ["case_of", "main", "preload"]

_LOGGER = logging.getLogger(__name__)
#: Seconds the case's loading waits for a first visit whose page needs only the stored opening.
FIRST_VISIT = 10.0
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


def preload(case: Path, *, first_visit: float = FIRST_VISIT) -> None:
    """Load ``case`` and make its opening page's data in the app's caches, as a first visit would.

    When the opening page is the key dates, drawn from the case's stored opening without the
    graph, the graph is loaded once the first visit has its page, or after ``first_visit``
    seconds without one: loading it keeps Python busy in long stretches that the server's
    answers to the browser (its page, its scripts, the page's content) would wait behind."""
    from . import page_keydates, ui

    try:
        key = str(case.resolve())
        d = ui.derive(key, ui.stamp(case))
        ui.opening_of(d)  # stored with the case, else made from its graph (loaded for it)
        # what the first visit's run imports: the pages, and the exporters (and rdflib) the
        # sidebar's downloads name
        from .. import export  # noqa: F401
        from . import main  # noqa: F401
        if d.made("graph") is None and page_keydates.opens_here(d):
            ui.PAGE_DRAWN.wait(first_visit)
        page_keydates.opening_data(d)
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
