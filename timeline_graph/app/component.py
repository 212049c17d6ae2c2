"""The timeline chart's place in the page: ``static/timeline.js`` and ``timeline.css`` mounted as
a Streamlit component (drawn in the page itself, no iframe and no chart library to load).

The chart sends back what the reader selects as its state, ``{"selection": {"ids": [...], "n":
counter}}``, kept in ``st.session_state[key]``; :func:`chart.selection_of` reads it.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import streamlit as st

__all__ = ["timeline_chart"]

_STATIC = resources.files(__package__) / "static"
_COMPONENT = st.components.v2.component(
    "timeline_graph_timeline",
    js=(_STATIC / "timeline.js").read_text(encoding="utf-8"),
    css=(_STATIC / "timeline.css").read_text(encoding="utf-8"),
    isolate_styles=False,  # its CSS is scoped by class names; tests and tools can reach its SVG
)


def _ignore() -> None:
    """The selection is read from the state after the rerun, not in a callback."""


def timeline_chart(data: dict[str, Any], *, key: str) -> Any:
    """Draw the chart of ``data`` (:func:`chart.timeline_data`); its state (the selection)."""
    return _COMPONENT(data=data, key=key, on_selection_change=_ignore, default={"selection": None},
                      width="stretch", height="content")
