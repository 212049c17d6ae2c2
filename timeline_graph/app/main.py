"""The Streamlit app: a timeline of a case, each event's sources in their own words, and a reader.

Run it with ``timeline-graph app CASE`` (or ``streamlit run main.py -- CASE``). This script only
lays out widgets; what it shows comes from :mod:`timeline_graph.app.views`.

State lives in ``st.session_state`` under :data:`PAGE`, :data:`EVENT` and :data:`DOC` (not under
widget keys, which Streamlit forgets when a page stops drawing the widget) and is mirrored into
the URL's query parameters, so a link opens the same page, event and document.
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

from timeline_graph.app import case_path_from, views
from timeline_graph.case import CACHE_DIR, load_graph
from timeline_graph.errors import TimelineGraphError
from timeline_graph.graph import DOCUMENT_KIND, EVENT_KIND
from timeline_graph.model import Document
from timeline_graph.timeline import describe_time, timeline

PAGES = ("Timeline", "Documents")
PAGE, EVENT, DOC = "page", "event", "doc"
CHART = "timeline"
_SEEN = "_chart_selection_seen"

STYLE = """
<style>
mark.tg-hit { background: #ffe9a8; color: inherit; padding: 0 .1em; margin: 0 1px; border-radius: 2px; }
mark.tg-current { background: #ffc83d; outline: 2px solid #e0a000; }
.tg-passage { border-left: 4px solid #d9d9d9; padding: .35rem .8rem; margin: .25rem 0 .6rem 0;
              line-height: 1.55; font-family: Georgia, 'Times New Roman', serif; }
.tg-meta { color: #666; font-size: .9rem; }
.tg-reader { border: 1px solid #e3e3e3; border-radius: 6px; padding: 1rem 1.2rem; max-height: 70vh;
             overflow-y: auto; line-height: 1.6; font-family: Georgia, 'Times New Roman', serif; }
</style>
"""


def _stamp(path: Path) -> float:
    """What invalidates the cached graph: the JSON file's or the case cache manifest's mtime."""
    target = path if path.is_file() else path / CACHE_DIR / "manifest.json"
    try:
        return target.stat().st_mtime
    except OSError:
        return 0.0


@st.cache_resource(show_spinner="Loading the case…", max_entries=4)
def _load(path: str, stamp: float) -> nx.MultiDiGraph:
    return load_graph(Path(path))


def _html(markup: str) -> None:
    """Render markup built only from :func:`views.safe_text` output and fixed tags."""
    st.markdown(markup, unsafe_allow_html=True)


def _sync(widget: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget]


def _choose(label: str, choices: dict[str, str], key: str, placeholder: str) -> None:
    """A selectbox over ``choices`` (id -> words) that keeps its choice in ``session_state[key]``.

    The widget has a key of its own because Streamlit forgets a widget's state on a page that
    does not draw it; the choice itself lives on in ``key``.
    """
    widget = f"_{key}_widget"
    st.session_state[widget] = st.session_state[key]
    st.selectbox(label, list(choices), format_func=choices.__getitem__, index=None,
                 placeholder=placeholder, key=widget, on_change=_sync, args=(widget, key))


def _open_document(doc_id: str) -> None:
    st.session_state[DOC] = doc_id
    st.session_state[PAGE] = "Documents"


def _show_event(event_id: str) -> None:
    st.session_state[EVENT] = event_id
    st.session_state[PAGE] = "Timeline"


def _init_state(G: nx.MultiDiGraph) -> None:
    """Once per session: take page, event and document from the URL where they name real things."""
    ss = st.session_state
    if ss.get("_initialised"):
        return
    ss["_initialised"] = True
    params = st.query_params
    page = params.get(PAGE, "").capitalize()
    ss[PAGE] = page if page in PAGES else PAGES[0]
    event = params.get(EVENT)
    ss[EVENT] = event if views.is_kind(G, event, EVENT_KIND) else None
    doc = params.get(DOC)
    ss[DOC] = doc if views.is_kind(G, doc, DOCUMENT_KIND) else None


def _write_query_params() -> None:
    ss = st.session_state
    wanted = {PAGE: str(ss[PAGE]).lower()}
    if ss.get(EVENT):
        wanted[EVENT] = ss[EVENT]
    if ss.get(DOC):
        wanted[DOC] = ss[DOC]
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def sidebar(G: nx.MultiDiGraph) -> None:
    """Case title, counts, and the page choice."""
    summary = views.case_summary(G)
    with st.sidebar:
        _html(f"## {views.safe_text(summary.title)}")
        if summary.description:
            _html(f'<div class="tg-meta">{views.safe_text(summary.description)}</div>')
        st.markdown("  \n".join(views.counted(n, name) for name, n in summary.counts))
        st.session_state["_page_widget"] = st.session_state[PAGE]
        st.radio("Page", PAGES, key="_page_widget", on_change=_sync, args=("_page_widget", PAGE))


def timeline_page(G: nx.MultiDiGraph) -> None:
    """The timeline chart, the undated events, an event picker, and the selected event's details."""
    ss = st.session_state
    rows = timeline(G)
    st.title("Timeline")
    if not rows:
        st.info("This case has no events yet.")
        return
    fig = views.timeline_figure(rows)
    if fig.data:
        state = st.plotly_chart(
            fig, key=CHART, on_select="rerun", selection_mode=("points", "box"),
            config={"displaylogo": False}, width="stretch",
        )
        picked = tuple(views.selected_event_ids(state))
        if picked != ss.get(_SEEN):  # a new click or box: it wins over the picker below
            ss[_SEEN] = picked
            if picked:
                ss[EVENT] = picked[0]
        if len(picked) > 1:
            st.info(f"{views.counted(len(picked), 'events')} selected; showing the first. "
                    "Click one event, or pick it below, to see another.")
        st.caption(
            "Dots are exact days; bars run from the earliest to the latest possible day of a month, "
            "season, year or range. Hollow dots and hatched, lighter bars are approximate or uncertain. "
            "A red outline means the sources disagree; red ticks mark the date each source gives. "
            "Click an event (drag to pan, scroll or use the toolbar to zoom), or pick it below."
        )
    undated = views.undated_rows(rows)
    if undated:
        with st.expander(views.counted(len(undated), "undated events"), expanded=not fig.data):
            _html("<br>".join(f"• {views.safe_text(row.event.label)}" for row in undated))

    choices = views.event_choices(rows)
    if ss.get(EVENT) not in choices:
        ss[EVENT] = None
    _choose("Event", choices, EVENT, "Choose an event…")
    if ss[EVENT]:
        event_panel(G, ss[EVENT])


def event_panel(G: nx.MultiDiGraph, event_id: str) -> None:
    """The selected event: when, who, every source's words in context, claims and conflicts."""
    detail = views.event_detail(G, event_id)
    if detail is None:
        return
    with st.container(border=True, key="event_details"):
        _html(f"### {views.safe_text(detail.event.label)}")
        facts = [f"<b>When:</b> {views.safe_text(detail.when)}", f"<b>Kind:</b> {views.safe_text(detail.event.kind)}"]
        if detail.participants:
            people = ", ".join(f"{views.safe_text(n)} ({views.safe_text(r)})" for n, r in detail.participants)
            facts.append(f"<b>Participants:</b> {people}")
        if detail.place:
            facts.append(f"<b>Place:</b> {views.safe_text(detail.place)}")
        _html(" &nbsp;·&nbsp; ".join(facts))
        for conflict in detail.conflicts:
            st.warning(f"**Sources disagree ({conflict.kind}):** {views.safe_text(conflict.explanation)}", icon="⚠️")

        _html(f"#### Reported by {views.counted(len(detail.reports), 'sources')}")
        for i, report in enumerate(detail.reports):
            with st.container(border=True):
                meta = [f"<b>{views.safe_text(report.title)}</b>"]
                if report.publisher:
                    meta.append(views.safe_text(report.publisher))
                meta.append(f"published {views.safe_text(report.published)}" if report.published else "publication date unknown")
                _html(" · ".join(meta))
                if report.stated:
                    _html(f'<div class="tg-meta">This source gives the date: <b>{views.safe_text(report.stated)}</b></div>')
                _html(f'<div class="tg-passage">{report.passage}</div>')
                st.button("Open in the document reader", key=f"open-{event_id}-{i}",
                          on_click=_open_document, args=(report.document,))

        if detail.claims:
            _html("#### Related claims")
            st.caption("Claims by or about its participants, or close to its passages, earliest first.")
            for claim in detail.claims:
                when = f", {views.safe_text(claim.reported)}" if claim.reported else ""
                _html(
                    f"<b>{views.safe_text(claim.claimant)}</b> in <i>{views.safe_text(claim.document_title)}</i>{when}:"
                    f'<div class="tg-passage">{claim.passage}</div>'
                )


def documents_page(G: nx.MultiDiGraph) -> None:
    """Every document, and a reader showing one with its event passages highlighted."""
    ss = st.session_state
    st.title("Documents")
    table = views.document_table(G)
    if not table:
        st.info("This case has no documents yet.")
        return
    st.dataframe(
        [{k: v for k, v in row.items() if k != "id"} for row in table],
        hide_index=True, width="stretch",
        column_config={"sha256": st.column_config.TextColumn("sha256", width="small")},
    )
    titles = {row["id"]: f"{row['title']} · {row['publisher'] or 'publisher unknown'}" for row in table}
    if ss.get(DOC) not in titles:
        ss[DOC] = None
    _choose("Read a document", titles, DOC, "Choose a document…")
    if ss[DOC]:
        reader(G, ss[DOC])


def reader(G: nx.MultiDiGraph, doc_id: str) -> None:
    """One document's metadata and text, with every event it reports highlighted."""
    doc: Document = G.nodes[doc_id]["record"]
    current = st.session_state.get(EVENT)
    with st.container(key="document_reader"):
        _html(f"### {views.safe_text(doc.label)}")
        meta = [views.safe_text(doc.publisher or "publisher unknown")]
        if doc.authors:
            meta.append("by " + views.safe_text(", ".join(doc.authors)))
        meta.append(f"published {views.safe_text(describe_time(doc.published))}" if doc.published
                    else "publication date unknown")
        meta.append(f"source: {views.safe_text(doc.url or doc.source)}")
        _html(f'<div class="tg-meta">{" · ".join(meta)}<br>sha256: <code>{doc.sha256}</code></div>')
        if current and current in G:
            event = G.nodes[current]["record"]
            cols = st.columns([5, 1])
            cols[0].markdown(f'Selected event, in dark yellow: <b>{views.safe_text(event.label)}</b>',
                             unsafe_allow_html=True)
            cols[1].button("Back to the timeline", key="back", on_click=_show_event, args=(current,))
        reported = views.events_in_document(G, doc_id)
        if reported:
            with st.expander(f"{views.counted(len(reported), 'event passages')} highlighted below"):
                for i, (event, _span) in enumerate(reported):
                    cols = st.columns([5, 1])
                    cols[0].markdown(f"{views.safe_text(event.label)} · {views.safe_text(describe_time(event.time))}",
                                     unsafe_allow_html=True)
                    cols[1].button("Show on timeline", key=f"show-{doc_id}-{i}", on_click=_show_event, args=(event.id,))
        prose = doc.media_type in ("text/markdown", "text/html", "application/xhtml+xml")
        body = views.document_html(doc.text, views.document_highlights(G, doc_id, current=current),
                                   reflow_lines=prose)
        _html(f'<div class="tg-reader">{body}</div>')


def main() -> None:
    """Load the case named on the command line (or in the environment) and draw the chosen page."""
    st.set_page_config(page_title="timeline-graph", layout="wide")
    path = case_path_from(sys.argv)
    if path is None:
        st.error("No case given: run `timeline-graph app CASE` with a built case folder or a graph JSON file.")
        st.stop()
        return
    try:
        G = _load(str(path.resolve()), _stamp(path))
    except TimelineGraphError as err:
        st.error(views.safe_text(str(err)))
        st.stop()
        return
    _html(STYLE)
    _init_state(G)
    sidebar(G)
    if st.session_state[PAGE] == "Documents":
        documents_page(G)
    else:
        timeline_page(G)
    _write_query_params()


if __name__ == "__main__":  # Streamlit runs the script as __main__; importing it draws nothing
    main()
