"""The timeline chart's place in the page: ``static/timeline.js`` and ``timeline.css`` mounted as
a Streamlit component (drawn in the page itself, no iframe and no chart library to load); and a
document's text to select words in (``static/words.js``), for adding what the extractors missed.

The chart sends back what the reader selects as its state, ``{"selection": {"ids": [...], "n":
counter}}``, kept in ``st.session_state[key]``; :func:`chart.selection_of` reads it. The text sends
back the words selected, ``{"selection": {"start": ..., "end": ..., "n": counter}}`` (offsets in
code points, as Python counts); :func:`curation.selected_words` reads it. The curator's name is
kept in the browser by ``static/curator.js`` (:func:`keep_curator`).
"""

from __future__ import annotations

import hashlib
from importlib import resources
from typing import Any

import streamlit as st

__all__ = ["keep_curator", "selectable_text", "timeline_chart"]

_STATIC = resources.files(__package__) / "static"
_COMPONENT = st.components.v2.component(
    "timeline_graph_timeline",
    js=(_STATIC / "timeline.js").read_text(encoding="utf-8"),
    css=(_STATIC / "timeline.css").read_text(encoding="utf-8"),
    isolate_styles=False,  # its CSS is scoped by class names; tests and tools can reach its SVG
)
_WORDS = st.components.v2.component(
    "timeline_graph_words",
    js=(_STATIC / "words.js").read_text(encoding="utf-8"),
    css=(_STATIC / "words.css").read_text(encoding="utf-8"),
    isolate_styles=False,  # scoped by class names; tests select words in it as a curator does
)

_CURATOR = st.components.v2.component(
    "timeline_graph_curator",
    js=(_STATIC / "curator.js").read_text(encoding="utf-8"),
)


def _ignore() -> None:
    """The selection is read from the state after the rerun, not in a callback."""


def timeline_chart(data: dict[str, Any], *, key: str) -> Any:
    """Draw the chart of ``data`` (:func:`chart.timeline_data`); its state (the selection)."""
    return _COMPONENT(data=data, key=key, on_selection_change=_ignore, default={"selection": None},
                      width="stretch", height="content")


def selectable_text(text: str, marks: list[tuple[int, int, str]], *, key: str) -> Any:
    """Draw a document's ``text`` (``marks``: passages already found, as (start, end, kind)) for
    the curator to select words in; its state (the words selected)."""
    data = {"text": text, "marks": [list(m) for m in marks], "version": _version(text, marks)}
    return _WORDS(data=data, key=key, on_selection_change=_ignore, default={"selection": None},
                  width="stretch", height="content")


def keep_curator(name: str, cookie: str) -> None:
    """Keep ``name`` in this browser's ``cookie`` (removed when ``name`` is empty), which the app
    reads when the browser opens a new session; draws nothing."""
    _CURATOR(data={"name": name, "cookie": cookie}, key="_curator_kept", width="stretch", height="content")


def _version(text: str, marks: list[tuple[int, int, str]]) -> str:
    """What tells one text (and its marks) from another, so the page redraws only when it changed."""
    return hashlib.sha1(repr((text, marks)).encode("utf-8", "surrogatepass")).hexdigest()[:16]
