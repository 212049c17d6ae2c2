"""The Streamlit app: a timeline of a case, its key dates (the opening page of a large case), each
event's sources in their own words, claim traces, conflicts, entities, a network view and a
document reader.

Run it with ``timeline-graph app CASE`` (or ``streamlit run main.py -- CASE``). This script only
loads the case, keeps the URL in step with the state and picks the page; the pages live in
the ``page_*`` modules, what they show in the pure modules beside them (:mod:`chart`,
:mod:`explore`, :mod:`lag`, :mod:`tracer`, :mod:`network`, :mod:`views`).

The page, the selected event, document, entity, claim cluster and network centre, the lanes and
the filters live in ``st.session_state`` and in the URL's query parameters, so a link opens the
same view. The app reads only the case it was started on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

try:
    import timeline_graph  # noqa: F401
except ImportError:  # an uninstalled source checkout: `streamlit run` put only app/ on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from timeline_graph.app import (
    actions,
    case_path_from,
    explore,
    page_claims,
    page_documents,
    page_entities,
    page_keydates,
    page_search,
    page_timeline,
    ui,
    views,
)
from timeline_graph.app.ui import (
    CLUSTER,
    DOC,
    ENTITY,
    EVENT,
    FILTERS,
    LANES,
    NODE,
    PAGE,
    PAGES,
    STEPS,
)
from timeline_graph.errors import TimelineGraphError
from timeline_graph.graph import DOCUMENT_KIND, ENTITY_KIND, EVENT_KIND

#: Kept for callers of the first app version.
CHART = page_timeline.CHART
_KINDS = {EVENT: EVENT_KIND, DOC: DOCUMENT_KIND, ENTITY: ENTITY_KIND}
#: The filters of the URL that name a node (see :meth:`explore.Filters.from_params`).
_FILTER_IDS = ("who", "source")


def _init_state(d: ui.Derived) -> None:
    """Once per session: take the view from the URL, keeping only ids that name real things (the
    case is loaded here only when the URL names some)."""
    ss = st.session_state
    if ss.get("_initialised"):
        return
    ss["_initialised"] = True
    params = st.query_params.to_dict()
    by_slug = {slug: name for name, slug in PAGES.items()}
    opening = "Key dates" if page_keydates.opens_here(d) else "Timeline"
    ss[PAGE] = by_slug.get(params.get(PAGE, "").lower(), opening)
    for key, kind in _KINDS.items():
        value = params.get(key)
        ss[key] = value if value and views.is_kind(d.graph, value, kind) else None
    node = params.get(NODE)
    ss[NODE] = node if isinstance(node, str) and node in d.graph else None
    # the case index is made only when the URL names a claim: the opening page may not need it
    cluster = params.get(CLUSTER)
    claim = params.get("claim")
    if not cluster and claim and claim in d.index.claims:
        cluster = d.index.claims[claim].cluster or claim
    ss[CLUSTER] = cluster if cluster and cluster in d.index.clusters else None
    ss[STEPS] = 2 if params.get(STEPS) == "2" else 1
    ss[LANES] = params.get(LANES) if params.get(LANES) in explore.LANES else "kind"
    named = [params[name] for name in _FILTER_IDS if params.get(name)]
    valid = [node for node in named
             if views.is_kind(d.graph, node, ENTITY_KIND) or views.is_kind(d.graph, node, DOCUMENT_KIND)]
    ss[FILTERS] = explore.Filters.from_params(params, valid=valid)


#: Kept for callers of earlier versions: the URL writer lives in :mod:`ui` (fragments call it too).
_write_query_params = ui.write_query_params


def sidebar(d: ui.Derived) -> Any:
    """Case title, counts, the page choice and the downloads; the place of the undo box, filled
    once the page is drawn (:func:`main`)."""
    from timeline_graph.export import FORMATS

    summary = d.summary
    with st.sidebar:
        ui.html(f"## {views.safe_text(summary.title)}")
        if summary.description:
            ui.html(f'<div class="tg-meta">{views.safe_text(summary.description)}</div>')
        st.markdown("  \n".join(views.counted(n, name) for name, n in summary.counts))
        years = ui.years(d)
        if years:
            ui.html(years)
        st.session_state["_page_widget"] = st.session_state[PAGE]
        st.radio("Page", list(PAGES), key="_page_widget", on_change=ui.sync, args=("_page_widget", PAGE))
        if actions.case_of(d) is not None:
            actions.curator_box()
        undo = st.container()
        with st.expander("Download the case"):
            stem = "".join(ch if ch.isalnum() else "-" for ch in summary.title.lower()).strip("-") or "case"
            for name, exporter in FORMATS.items():
                st.download_button(
                    f"{name}: {exporter.description or exporter.media_type}",
                    data=lambda fmt=name: ui.export_text(d.graph, fmt),  # type: ignore[misc]
                    file_name=f"{stem}{exporter.suffix}", mime=exporter.media_type, key=f"download-{name}",
                    on_click="ignore", width="stretch",
                )
    return undo


def _with_graph(page: Callable[[nx.MultiDiGraph, ui.Derived], None]) -> Callable[[ui.Derived], None]:
    return lambda d: page(d.graph, d)


#: Each page drawn from what it needs: the key dates page does without the graph when it can.
PAGE_VIEWS: dict[str, Callable[[ui.Derived], None]] = {
    "Timeline": _with_graph(page_timeline.timeline_page),
    "Key dates": page_keydates.key_dates_page,
    "Report time": _with_graph(page_timeline.report_time_page),
    "Claims": _with_graph(page_claims.claims_page),
    "Conflicts": _with_graph(page_claims.conflicts_page),
    "Entities": _with_graph(page_entities.entities_page),
    "Network": _with_graph(page_entities.network_page),
    "Documents": _with_graph(page_documents.documents_page),
    "Decisions": actions.decisions_page,
    "Search": _with_graph(page_search.search_page),
}


def main() -> None:
    """Load the case named on the command line (or in the environment) and draw the chosen page."""
    st.set_page_config(page_title="timeline-graph", layout="wide")
    path = case_path_from(sys.argv)
    if path is None:
        st.error("No case given: run `timeline-graph app CASE` with a built case folder or a graph JSON file.")
        st.stop()
        return
    key = str(path.resolve())
    mtime = ui.stamp(path)
    d = ui.derive(key, mtime)
    try:
        ui.opening_of(d)  # the case's title and counts, stored or made from the graph (loaded for it)
    except TimelineGraphError as err:
        st.error(views.safe_text(str(err)))
        st.stop()
        return
    ui.html(ui.STYLE)
    banner = st.empty()  # filled last: looking at every file of a large case takes a while
    _init_state(d)
    undo = sidebar(d)
    actions.show_message()
    PAGE_VIEWS.get(st.session_state[PAGE], PAGE_VIEWS["Timeline"])(d)
    ui.PAGE_DRAWN.set()
    with undo:  # the curator's last decision is read from the whole case: drawn after the page
        actions.undo_box(d)
    _write_query_params()
    changed = ui.stale(key, ui.stamp(path, decisions=False))
    if changed:
        banner.warning(f"{views.safe_text(changed)}. This view is from that build: run timeline-graph build "
                       f"{views.safe_text(path)} to update it.", icon="⚠️")


if __name__ == "__main__":  # Streamlit runs the script as __main__; importing it draws nothing
    main()
