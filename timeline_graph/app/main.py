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
from pathlib import Path

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


def _init_state(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Once per session: take the view from the URL, keeping only ids that name real things."""
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
        ss[key] = value if views.is_kind(G, value, kind) else None
    node = params.get(NODE)
    ss[NODE] = node if isinstance(node, str) and node in G else None
    # the case index is made only when the URL names a claim: the opening page may not need it
    cluster = params.get(CLUSTER)
    claim = params.get("claim")
    if not cluster and claim and claim in d.index.claims:
        cluster = d.index.claims[claim].cluster or claim
    ss[CLUSTER] = cluster if cluster and cluster in d.index.clusters else None
    ss[STEPS] = 2 if params.get(STEPS) == "2" else 1
    ss[LANES] = params.get(LANES) if params.get(LANES) in explore.LANES else "kind"
    valid = [node for node in params.values()
             if views.is_kind(G, node, ENTITY_KIND) or views.is_kind(G, node, DOCUMENT_KIND)]
    ss[FILTERS] = explore.Filters.from_params(params, valid=valid)


#: Kept for callers of earlier versions: the URL writer lives in :mod:`ui` (fragments call it too).
_write_query_params = ui.write_query_params


def sidebar(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Case title, counts, the page choice and the downloads."""
    from timeline_graph.export import FORMATS

    summary = d.summary
    with st.sidebar:
        ui.html(f"## {views.safe_text(summary.title)}")
        if summary.description:
            ui.html(f'<div class="tg-meta">{views.safe_text(summary.description)}</div>')
        st.markdown("  \n".join(views.counted(n, name) for name, n in summary.counts))
        years = ui.years(G, d)
        if years:
            ui.html(years)
        st.session_state["_page_widget"] = st.session_state[PAGE]
        st.radio("Page", list(PAGES), key="_page_widget", on_change=ui.sync, args=("_page_widget", PAGE))
        if actions.case_of(d) is not None:
            actions.curator_box()
            actions.undo_box(d)
        with st.expander("Download the case"):
            stem = "".join(ch if ch.isalnum() else "-" for ch in summary.title.lower()).strip("-") or "case"
            for name, exporter in FORMATS.items():
                st.download_button(
                    f"{name}: {exporter.description or exporter.media_type}",
                    data=lambda fmt=name: ui.export_text(G, fmt),  # type: ignore[misc]
                    file_name=f"{stem}{exporter.suffix}", mime=exporter.media_type, key=f"download-{name}",
                    on_click="ignore", width="stretch",
                )


PAGE_VIEWS = {
    "Timeline": page_timeline.timeline_page,
    "Key dates": page_keydates.key_dates_page,
    "Report time": page_timeline.report_time_page,
    "Claims": page_claims.claims_page,
    "Conflicts": page_claims.conflicts_page,
    "Entities": page_entities.entities_page,
    "Network": page_entities.network_page,
    "Documents": page_documents.documents_page,
    "Decisions": lambda G, d: actions.decisions_page(d),
    "Search": page_search.search_page,
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
    try:
        G = ui.load(key, mtime)
        d = ui.derive(key, mtime)
    except TimelineGraphError as err:
        st.error(views.safe_text(str(err)))
        st.stop()
        return
    ui.html(ui.STYLE)
    banner = st.empty()  # filled last: looking at every file of a large case takes a while
    _init_state(G, d)
    sidebar(G, d)
    actions.show_message()
    PAGE_VIEWS.get(st.session_state[PAGE], page_timeline.timeline_page)(G, d)
    _write_query_params()
    changed = ui.stale(key, ui.stamp(path, decisions=False))
    if changed:
        banner.warning(f"{views.safe_text(changed)}. This view is from that build: run timeline-graph build "
                       f"{views.safe_text(path)} to update it.", icon="⚠️")


if __name__ == "__main__":  # Streamlit runs the script as __main__; importing it draws nothing
    main()
