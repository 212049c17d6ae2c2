"""What every page of the app shares: session state, the URL, cached data and small widgets.

State lives in ``st.session_state`` under the names in :data:`STATE` (not under widget keys,
which Streamlit forgets when a page stops drawing the widget) and is mirrored into the URL's
query parameters, so a link opens the same view.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
import streamlit as st

from ..case import CACHE_DIR, Case, changes_since_build, load_graph
from ..decisionlog import DECISIONS_FILE
from ..timeline import TimelineRow, timeline
from . import chart, explore, opening, views
from .opening import DayShown, Opening

T = TypeVar("T")

#: Page name -> its slug in the URL.
PAGES = {
    "Timeline": "timeline", "Key dates": "key-dates", "Report time": "report-time", "Claims": "claims",
    "Conflicts": "conflicts", "Entities": "entities", "Network": "network", "Documents": "documents",
    "Decisions": "decisions", "Search": "search",
}
PAGE, EVENT, DOC, ENTITY, CLUSTER, NODE, STEPS, LANES, FILTERS = (
    "page", "event", "doc", "entity", "cluster", "node", "steps", "lanes", "filters")
#: The words a search hit opened the document reader at ("document id:start-end").
SPAN = "span"
#: State mirrored in the URL (besides the filters), with the node kind each must name.
ID_STATE = {EVENT: "event", DOC: "document", ENTITY: "entity", NODE: None}

#: Set once a run of the app has drawn a page (the server's preload waits for it: see :mod:`server`).
PAGE_DRAWN = threading.Event()

STYLE = """
<style>
mark.tg-hit { background: #ffe9a8; color: inherit; padding: 0 .1em; margin: 0 1px; border-radius: 2px; }
mark.tg-current { background: #ffc83d; outline: 2px solid #e0a000; }
mark.tg-claim { background: #d8ecff; }
mark.tg-source { background: #e6dcff; }
mark.tg-cue { background: #ffd6cc; font-weight: 600; }
mark.tg-content { background: #d8ecff; }
mark.tg-entity { background: transparent; border-bottom: 2px solid #56B4E9; padding: 0; }
mark.tg-citation { background: #dff3e4; }
a.tg-item { color: inherit; text-decoration: none; }
a.tg-item:hover mark { outline: 1px solid #777; }
.tg-passage { border-left: 4px solid #d9d9d9; padding: .35rem .8rem; margin: .25rem 0 .6rem 0;
              line-height: 1.55; font-family: Georgia, 'Times New Roman', serif; }
.tg-meta { color: #666; font-size: .9rem; }
.tg-reader { border: 1px solid #e3e3e3; border-radius: 6px; padding: 1rem 1.2rem; max-height: 70vh;
             overflow-y: auto; line-height: 1.6; font-family: Georgia, 'Times New Roman', serif; }
.tg-key mark { margin-right: .6rem; }
.tg-curation { border-left: 4px solid #7b61a8; background: #f4f0fa; padding: .3rem .7rem; margin: .3rem 0;
               font-size: .9rem; }
.tg-curation::before { content: "Curator · "; color: #7b61a8; font-weight: 600; }
</style>
"""


def stamp(path: Path, *, decisions: bool = True) -> float:
    """What invalidates cached data: the JSON file's mtime, or the latest of a case folder's
    build manifest and decision log (decisions are applied when the case is loaded; with
    ``decisions=False``, the build's alone)."""
    targets = [path] if path.is_file() else [path / CACHE_DIR / "manifest.json"] + (
        [path / DECISIONS_FILE] if decisions else [])
    found = 0.0
    for target in targets:
        try:
            found = max(found, target.stat().st_mtime)
        except OSError:
            continue
    return found


@st.cache_data(ttl=10, show_spinner=False, max_entries=4)
def stale(path: str, stamp: float) -> str | None:
    """One line naming the files of a case folder edited, added or deleted since its build, or
    None (looked at again every ten seconds, and after each build: ``stamp`` is the build's,
    so a decision does not make it look at every file again)."""
    changes = changes_since_build(Path(path))
    return changes.summary() if changes else None


@st.cache_resource(show_spinner=False, max_entries=4)
def case_at(path: str, built: float) -> Case:
    """The case folder at ``path``, one object per build (``built``: the build's stamp) shared by
    every session: it keeps the case as resolved and as curated, so a decision recorded through
    it is checked, and then shown, without reading the case again."""
    return Case.open(Path(path))


@st.cache_resource(show_spinner="Loading the case…", max_entries=4)
def load(path: str, stamp: float) -> nx.MultiDiGraph:
    """The case's graph, once per path and modification time. A case folder's is made by
    :meth:`Case.live_graph` (the decisions applied to the resolved case kept in memory, nothing
    stored), so it shows a decision at once; treat it as read-only."""
    where = Path(path)
    if where.is_dir():
        return case_at(path, stamp_of_build(where)).live_graph()
    return load_graph(where, store=False)


def stamp_of_build(path: Path) -> float:
    """The stamp of a case folder's last build (its decisions left out)."""
    return stamp(path, decisions=False)


class Derived:
    """What the pages compute from the graph, once per graph, each part when a page first asks
    for it: the key dates page of a large case never makes the timeline rows or the case index.
    The graph itself is loaded when first asked for: a case folder's first page (the sidebar and
    the key dates) is drawn from its stored opening (:mod:`opening`) when there is one.

    Made again for a changed case (a decision), the rows and the index take over what was made
    for each event the change left alone from those made before it (see :meth:`Case.live_graph`).
    """

    def __init__(self, path: str, stamp: float, before: Derived | None = None) -> None:
        self.path, self.stamp = path, stamp
        # what the one before made (or was given to take over): values, never the Derived itself,
        # so a long run of decisions does not keep every earlier case alive
        self._earlier_rows: list[TimelineRow] = (before.made("rows") or before._earlier_rows) if before else []
        self._earlier_index: explore.CaseIndex | None = (
            (before.made("index") or before._earlier_index) if before else None)

    def made(self, name: str) -> Any:
        """The part called ``name`` if it has been made, else None."""
        return vars(self).get(name)

    @functools.cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The case's graph (:func:`load`)."""
        return load(self.path, self.stamp)

    @functools.cached_property
    def rows(self) -> list[TimelineRow]:
        """The timeline rows, in time order."""
        rows = timeline(self.graph, earlier=self._earlier_rows)
        self._earlier_rows = []
        return rows

    @functools.cached_property
    def index(self) -> explore.CaseIndex:
        """The case index: records by id, by document and by entity."""
        index = explore.case_index(self.graph, self._earlier_index)
        self._earlier_index = None
        return index

    @functools.cached_property
    def colours(self) -> dict[str, str]:
        """A colour for each kind of event."""
        return chart.kind_colours(self.rows)

    @functools.cached_property
    def opening(self) -> Opening:
        """What the first page shows: kept in a case folder's cache, else made from the graph
        (its key dates when first asked for: :attr:`first_days`)."""
        case = self._case()
        found = opening.read(case) if case is not None else None
        return found if found is not None else opening.of_graph(self.graph, days=False)

    @functools.cached_property
    def first_days(self) -> tuple[DayShown, ...]:
        """The case's top key dates: the kept opening's, else made from the graph, and then the
        whole opening kept for the next start of the app (a decision's run, on another page,
        does not make them)."""
        if self.opening.days is not None:
            return self.opening.days
        days = tuple(opening.days_shown(self.graph, opening.SHOWN))
        case = self._case()
        if case is not None:
            opening.store(case, dataclasses.replace(self.opening, days=days))
        return days

    def _case(self) -> Case | None:
        """The case folder shown (None for a graph JSON file)."""
        folder = Path(self.path)
        return case_at(self.path, stamp_of_build(folder)) if folder.is_dir() else None

    @property
    def summary(self) -> views.CaseSummary:
        """The case's title, description and counts."""
        return self.opening.summary


@st.cache_resource(show_spinner=False, max_entries=4)
def derive(path: str, stamp: float) -> Derived:
    """What the pages compute from the case's graph, once per path and mtime, each part made when
    first asked for (what is made for each event a decision left alone is taken from what was
    made before it)."""
    before = _latest.get((path, "derived", None))
    d = Derived(path, stamp, before if isinstance(before, Derived) else None)
    _keep_latest((path, "derived", None), d)
    return d


#: The value last made for a (case, name, key), whatever the case's stamp: what a new value can
#: take over from the one before (see :meth:`Case.live_graph`). A few only, the latest kept.
_latest: dict[tuple[str, str, Any], Any] = {}
_LATEST_KEPT = 8
_latest_lock = threading.Lock()  # sessions run in threads of their own


def _keep_latest(slot: tuple[str, str, Any], value: Any) -> None:
    with _latest_lock:
        _latest.pop(slot, None)
        _latest[slot] = value
        while len(_latest) > _LATEST_KEPT:
            _latest.pop(next(iter(_latest)), None)


@st.cache_resource(max_entries=32)
def cached(name: str, path: str, stamp: float, key: Any, _build: Callable[[], T]) -> T:
    """``_build()`` once per (name, case, key): figures and filtered rows reused across reruns
    (``_build`` is not hashed: the key says what it depends on)."""
    return _build()


def memo(d: Derived, name: str, key: Any, build: Callable[[], T]) -> T:
    """``build()`` once per case (as ``d`` names it), ``name`` and ``key``."""
    return cached(name, d.path, d.stamp, key, build)


def memo_after(d: Derived, name: str, key: Any, build: Callable[[T | None], T]) -> T:
    """As :func:`memo`, but ``build`` is given the value last made for this case, ``name`` and
    ``key`` before the case changed (None when there is none), to take over what it can."""
    def make() -> T:
        value = build(_latest.get((d.path, name, key)))
        _keep_latest((d.path, name, key), value)
        return value

    return cached(name, d.path, d.stamp, key, make)


def opening_of(d: Derived) -> Opening:
    """What the case's first page shows (:attr:`Derived.opening`): the script of the app calls
    this rather than naming the attribute alone, which Streamlit would write on the page."""
    return d.opening


def years(d: Derived) -> str:
    """The sidebar's small chart of dated events per year (inline SVG), once per case."""
    return d.opening.years


def write_query_params() -> None:
    """Mirror the page, the selected ids, the lanes and the filters into the URL."""
    ss = st.session_state
    page = ss[PAGE]
    wanted = {PAGE: PAGES.get(page, "timeline")}
    for key in (EVENT, DOC, ENTITY, CLUSTER, NODE):
        if ss.get(key):
            wanted[key] = ss[key]
    if page == "Network" and ss.get(STEPS) == 2:
        wanted[STEPS] = "2"
    if ss.get(LANES, "kind") != "kind":
        wanted[LANES] = ss[LANES]
    filters = ss.get(FILTERS)
    if isinstance(filters, explore.Filters):
        wanted.update(filters.to_params())
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def export_text(G: nx.MultiDiGraph, fmt: str) -> str:
    """One export format of the graph, in memory (for a download button)."""
    from ..export import FORMATS

    buffer = io.StringIO()
    FORMATS[fmt].write(G, buffer)
    return buffer.getvalue()


def html(markup: str) -> None:
    """Render markup built only from :func:`views.safe_text` output and fixed tags."""
    st.markdown(markup, unsafe_allow_html=True)


def link(text: str, query: str | None) -> str:
    """An in-app link (same tab) around escaped ``text``; plain text when there is no page."""
    label = views.safe_text(text)
    if not query:
        return label
    return f'<a href="{query.replace("&", "&amp;")}" target="_self">{label}</a>'


def sync(widget: str, key: str) -> None:
    """Copy a widget's value to the state it stands for."""
    st.session_state[key] = st.session_state[widget]


def choose(label: str, choices: dict[str, str], key: str, placeholder: str) -> None:
    """A selectbox over ``choices`` (id -> words) that keeps its choice in ``session_state[key]``."""
    widget = f"_{key}_widget"
    st.session_state[widget] = st.session_state.get(key)
    st.selectbox(label, list(choices), format_func=choices.__getitem__, index=None,
                 placeholder=placeholder, key=widget, on_change=sync, args=(widget, key))


def go_to(page: str, **state: str | None) -> None:
    """Switch page and set state (a button callback)."""
    st.session_state[PAGE] = page
    for key, value in state.items():
        st.session_state[key] = value


def paged(items: Sequence[T], key: str, per_page: int = 20) -> Sequence[T]:
    """The slice of ``items`` on the page chosen by a small number input (shown past one page)."""
    if len(items) <= per_page:
        return items
    pages = (len(items) + per_page - 1) // per_page
    n = st.number_input(f"Page (of {pages}, {per_page} per page)", min_value=1, max_value=pages, value=1,
                        step=1, key=f"_pager_{key}")
    return items[(int(n) - 1) * per_page: int(n) * per_page]


def passage(idx: explore.CaseIndex, document: str, start: int, end: int, exact: str, context: int = 160) -> str:
    """The cited words in their document's context (escaped HTML), or just the words when the
    document is not in the case."""
    doc = idx.documents.get(document)
    if doc is None:
        return f'<mark class="tg-hit">{views.safe_text(exact)}</mark>'
    return views.passage_html(doc.text, start, end, context=context)
