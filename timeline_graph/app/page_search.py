"""The search page: words looked up in the case's documents, claims, events and entities
(:mod:`timeline_graph.search`), each hit opening the document reader at its exact words."""

from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx
import streamlit as st

from ..errors import TimelineGraphError
from ..search import KINDS, Hit, search_case
from . import ui, views
from .ui import DOC, SPAN

#: Hits shown for one search.
LIMIT = 50
_MATCHED = re.compile(r"\[([^\[\]]*)\]")


def snippet_html(snippet: str) -> str:
    """A hit's snippet, escaped, with the matched words (in brackets) in ``<mark>``."""
    return _MATCHED.sub(lambda m: f'<mark class="tg-hit">{m.group(1)}</mark>', html.escape(snippet, quote=False))


def search_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """A search box, the kinds to search, and the hits, best first."""
    st.title("Search")
    st.caption('Words match whole, whatever their case or accents; "a phrase" in quotes matches as a '
               "phrase, word* as a prefix, and OR between two words accepts either.")
    words = st.text_input("Search the case", key="_search_words", placeholder="protest footage")
    kinds = st.multiselect("In", list(KINDS), default=list(KINDS), key="_search_kinds")
    if not words.strip():
        return
    try:
        hits: list[Hit] = ui.memo(d, "search", (words, tuple(kinds)),
                                  lambda: search_case(Path(d.path), words, kinds=tuple(kinds) or KINDS, limit=LIMIT, G=G))
    except TimelineGraphError as err:
        st.warning(views.safe_text(str(err)))
        return
    if not hits:
        st.info(f"Nothing matches {words!r}.")
        return
    st.markdown(views.counted(len(hits), "hits") + (f" (the best {LIMIT})" if len(hits) == LIMIT else ""))
    with st.container(key="search_hits"):
        for number, hit in enumerate(hits):
            cols = st.columns([6, 1])
            cols[0].markdown(f"**{views.safe_text(hit.kind)}** · {views.safe_text(' '.join(hit.label.split())[:160])}  \n"
                             f'<span class="tg-meta">{views.safe_text(hit.where)}</span>  \n'
                             f"{snippet_html(hit.snippet)}", unsafe_allow_html=True)
            cols[1].button("Open", key=f"open-hit-{number}", on_click=ui.go_to, args=("Documents",),
                           kwargs={DOC: hit.document, SPAN: f"{hit.document}:{hit.start}-{hit.end}"})
