"""The claim tracer, conflicts, entities, network and document pages. Layout only."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from ..graph import DOCUMENT_KIND, ENTITY_KIND, EVENT_KIND
from ..model import Document
from ..timeline import describe_time
from . import explore, ui, views
from .ui import CLUSTER, DOC, ENTITY, EVENT, NODE, STEPS

NETWORK_CHART = "network"
_NET_SEEN = "_network_selection_seen"


def _passage(idx: explore.CaseIndex, document: str, start: int, end: int, exact: str, context: int = 160) -> str:
    doc = idx.documents.get(document)
    if doc is None:
        return f'<mark class="tg-hit">{views.safe_text(exact)}</mark>'
    return views.passage_html(doc.text, start, end, context=context)


# ---------------------------------------------------------------------------------------------
# Claims


def claims_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Search claim clusters; trace one as a graph and as a list."""
    ss = st.session_state
    idx = d.index
    st.title("Claim tracer")
    st.caption("Claims that say the same thing in different documents form a cluster. Trace one to see who said "
               "it first, who repeated it, and whom each source cites.")
    if ss.get(CLUSTER) not in idx.clusters:
        ss[CLUSTER] = None
    trace = explore.cluster_trace(idx, ss[CLUSTER]) if ss[CLUSTER] else None
    if trace is not None:
        _trace_panel(idx, trace)
        ui.html("#### Find another claim")
    query = st.text_input("Search claims", key="_claim_query", placeholder="words of the claim, or who made it")
    found = ui.memo(d, "clusters", query, lambda: explore.search_clusters(idx, query))
    st.caption(f"{views.counted(len(found), 'claim clusters')}"
               + (" match." if query else "; the most repeated first."))
    _cluster_list(found)


def _cluster_list(found: list[explore.ClusterSummary]) -> None:
    for s in ui.paged(found, "clusters", per_page=10):
        c = st.columns([6, 1])
        c[0].markdown(f"{views.safe_text(views.short(s.text, 110))}  \n"
                      f"<span class='tg-meta'>{views.counted(s.appearances, 'appearances')} in "
                      f"{views.counted(s.documents, 'documents')} · first {views.safe_text(s.first)}</span>",
                      unsafe_allow_html=True)
        c[1].button("Trace", key=f"trace-{s.id}", on_click=ui.go_to, args=("Claims",), kwargs={CLUSTER: s.id})


def _trace_panel(idx: explore.CaseIndex, trace: explore.ClusterTrace) -> None:
    with st.container(border=True, key="claim_trace"):
        ui.html(f"### “{views.safe_text(views.short(trace.text, 160))}”")
        said = trace.appearances
        ui.html(f'<div class="tg-meta">{views.counted(len(said), "appearances")} · first said by '
                f"<b>{views.safe_text(said[0].claimant)}</b> in {views.safe_text(said[0].document_title)}, "
                f"{views.safe_text(said[0].reported)}</div>")
        for conflict in trace.conflicts:
            st.warning(f"**Sources disagree ({conflict.kind}):** {views.safe_text(conflict.explanation)}", icon="⚠️")
        st.graphviz_chart(explore.cluster_dot(trace))
        st.caption("Blue: who said it · yellow: the first document · grey: documents repeating it (dashed arrow to "
                   "the first) · green: what each document cites.")
        for i, app in enumerate(ui.paged(trace.appearances, "appearances", per_page=15)):
            claim = app.claim
            cites = ", ".join(ui.link(c.label, explore.item_link(c)) for c in app.cites) or "no source named"
            ui.html(f"<b>{i + 1}. {views.safe_text(app.role)}</b> by <b>{views.safe_text(app.claimant)}</b> in "
                    f"{ui.link(app.document_title, f'?page=documents&doc={app.document}')}"
                    f"{' (' + views.safe_text(app.publisher) + ')' if app.publisher else ''}, "
                    f"{views.safe_text(app.reported)} · cites: {cites}"
                    f'<div class="tg-passage">{_passage(idx, claim.document, claim.span.start, claim.span.end, claim.span.exact)}</div>')


def conflicts_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Every conflict, explained, with links to its items and documents."""
    st.title("Conflicts")
    found = explore.conflict_views(d.index)
    if not found:
        st.info("No conflicts: the sources of this case agree with each other.")
        return
    st.caption(f"{views.counted(len(found), 'conflicts')} between sources. Each links to what it involves.")
    for i, view in enumerate(ui.paged(found, "conflicts", per_page=25)):
        with st.container(border=True, key=f"conflict-{i}"):
            ui.html(f"<b>{views.safe_text(view.conflict.kind)}</b>: {views.safe_text(view.conflict.explanation)}")
            items = ", ".join(f"{views.safe_text(it.kind)} {ui.link(views.short(it.label, 80), explore.item_link(it))}"
                              for it in view.items)
            docs = ", ".join(ui.link(views.short(it.label, 60), explore.item_link(it)) for it in view.documents)
            ui.html(f'<div class="tg-meta">Involves: {items or "nothing named"}<br>In: {docs or "no document"}</div>')
            for span in view.conflict.spans[:4]:
                ui.html(f'<div class="tg-passage">{_passage(d.index, span.document, span.start, span.end, span.exact, 100)}</div>')


# ---------------------------------------------------------------------------------------------
# Entities


def entities_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Pick an entity: its aliases, documents, events on a mini timeline, and its claims."""
    ss = st.session_state
    idx = d.index
    st.title("Entities")
    if not idx.entities:
        st.info("This case has no entities yet.")
        return
    names = {e.id: f"{e.name} · {e.kind} · {views.counted(len(e.mentions), 'mentions')}"
             for e in sorted(idx.entities.values(), key=lambda e: (-len(e.mentions), e.name.casefold()))}
    if ss.get(ENTITY) not in names:
        ss[ENTITY] = None
    ui.choose("Entity", names, ENTITY, "Choose an entity (most mentioned first)…")
    if not ss[ENTITY]:
        return
    view = explore.entity_view(idx, d.rows, ss[ENTITY])
    if view is None:
        return
    e = view.entity
    with st.container(border=True, key="entity_details"):
        ui.html(f"### {views.safe_text(e.name)}")
        facts = [f"<b>Kind:</b> {views.safe_text(e.kind)}",
                 f"<b>Also called:</b> {views.safe_text(', '.join(e.aliases)) if e.aliases else 'no other name'}",
                 f"<b>Mentioned:</b> {views.counted(len(e.mentions), 'times')} in "
                 f"{views.counted(len(view.documents), 'documents')}"]
        ui.html(" &nbsp;·&nbsp; ".join(facts))
        if e.roles:
            ui.html("<b>Roles:</b> " + ", ".join(views.safe_text(r.title) for r in e.roles))
        if view.documents:
            ui.html("<b>Documents:</b> " + ", ".join(ui.link(views.short(it.label, 60), explore.item_link(it))
                                                     for it in view.documents[:30]))
        ui.html(f"#### {views.counted(len(view.rows), 'events')}")
        if view.rows:
            fig = views.timeline_figure(view.rows, rangeslider=False, colours=d.colours)
            fig.update_layout(height=min(int(fig.layout.height or 320), 420))
            state = st.plotly_chart(fig, key="entity_timeline", on_select="rerun", selection_mode=("points",),
                                    config={"displaylogo": False}, width="stretch")
            picked = views.selected_event_ids(state)
            if picked:
                ui.go_to("Timeline", **{EVENT: picked[0]})
                st.rerun()
            st.caption("Click an event to open it on the timeline.")
        for title, group in (("Claims made", view.claims_by), ("Claims about it", view.claims_about)):
            if not group:
                continue
            ui.html(f"#### {title} ({len(group)})")
            for claim in ui.paged(group, f"ent-{title}", per_page=10):
                doc = idx.documents.get(claim.document)
                when = describe_time(claim.reported) if claim.reported else "date unknown"
                ui.html(f"{ui.link(doc.label if doc else claim.document, f'?page=documents&doc={claim.document}')}, "
                        f"{views.safe_text(when)} · {ui.link('trace', f'?page=claims&cluster={claim.cluster or claim.id}')}"
                        f'<div class="tg-passage">{_passage(idx, claim.document, claim.span.start, claim.span.end, claim.span.exact, 80)}</div>')
        st.button("Show in the network", key=f"net-{e.id}", on_click=ui.go_to, args=("Network",), kwargs={NODE: e.id})


# ---------------------------------------------------------------------------------------------
# Network


def network_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Entities, events, documents, claims and more around one node, one or two steps out."""
    ss = st.session_state
    idx = d.index
    st.title("Network")
    choices: dict[str, str] = {}
    for table, kind in ((idx.events, EVENT_KIND), (idx.entities, ENTITY_KIND), (idx.documents, DOCUMENT_KIND)):
        for node_id in table:
            choices[node_id] = f"{kind}: {views.short(idx.name(node_id) or node_id, 80)}"
    if ss.get(NODE) not in G:
        ss[NODE] = ss.get(EVENT) if ss.get(EVENT) in G else next(iter(choices), None)
    if ss[NODE] and ss[NODE] not in choices:
        choices = {ss[NODE]: f"{idx.item(ss[NODE]).kind}: {views.short(idx.item(ss[NODE]).label, 80)}", **choices}
    c = st.columns([4, 1])
    with c[0]:
        ui.choose("Centre", choices, NODE, "Choose an event, entity or document…")
    ss["_steps_widget"] = ss.get(STEPS, 1)
    c[1].radio("Steps out", (1, 2), key="_steps_widget", horizontal=True, on_change=ui.sync,
               args=("_steps_widget", STEPS))
    if not ss[NODE]:
        return
    centre = ss[NODE]
    steps = int(ss.get(STEPS) or 1)
    fig = explore.network_figure(G, idx, centre, steps)
    state = st.plotly_chart(fig, key=NETWORK_CHART, on_select="rerun", selection_mode=("points",),
                            config={"displaylogo": False, "scrollZoom": True}, width="stretch")
    picked = tuple(views.selected_event_ids(state))
    if picked and picked != ss.get(_NET_SEEN) and picked[0] != centre:
        ss[_NET_SEEN] = picked
        ss[NODE] = picked[0]
        st.rerun()
    ss[_NET_SEEN] = picked
    item = idx.item(centre)
    page = explore.item_link(item)
    st.caption(f"Around {item.kind} “{views.short(item.label, 80)}”, at most {explore.MAX_NETWORK_NODES} nodes, "
               "nearest first. Shapes and colours tell the kinds apart; click a node to centre on it.")
    if page:
        ui.html(f"Open it: {ui.link(views.short(item.label, 80), page)}")


# ---------------------------------------------------------------------------------------------
# Documents


def documents_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Every document, and a reader showing one with its extracted items highlighted."""
    ss = st.session_state
    st.title("Documents")
    table = ui.memo(d, "doctable", None, lambda: views.document_table(G))
    if not table:
        st.info("This case has no documents yet.")
        return
    st.dataframe(
        [{k: v for k, v in row.items() if k != "id"} for row in table],
        hide_index=True, width="stretch", height=min(400, 38 + 35 * len(table)),
        column_config={"sha256": st.column_config.TextColumn("sha256", width="small")},
    )
    titles = {row["id"]: f"{row['title']} · {row['publisher'] or 'publisher unknown'}" for row in table}
    if ss.get(DOC) not in titles:
        ss[DOC] = None
    ui.choose("Read a document", titles, DOC, "Choose a document…")
    if ss[DOC]:
        reader(G, d, ss[DOC])


def reader(G: nx.MultiDiGraph, d: ui.Derived, doc_id: str) -> None:
    """One document's metadata and text, with every extracted item highlighted and linked."""
    doc: Document = G.nodes[doc_id]["record"]
    current = st.session_state.get(EVENT)
    safe = views.safe_text
    with st.container(key="document_reader"):
        ui.html(f"### {safe(doc.label)}")
        meta = [safe(doc.publisher or "publisher unknown")]
        if doc.authors:
            meta.append("by " + safe(", ".join(doc.authors)))
        meta.append(f"published {safe(describe_time(doc.published))}" if doc.published
                    else "publication date unknown")
        meta.append(f"source: {safe(doc.url or doc.source)}")
        if doc.language:
            meta.append(f"language: {safe(doc.language)}")
        ui.html(f'<div class="tg-meta">{" · ".join(meta)}<br>media type: {safe(doc.media_type)} · '
                f"sha256: <code>{doc.sha256}</code></div>")
        if current and current in G:
            event = G.nodes[current]["record"]
            cols = st.columns([5, 1])
            cols[0].markdown(f'Selected event, in dark yellow: <b>{safe(event.label)}</b>', unsafe_allow_html=True)
            cols[1].button("Back to the timeline", key="back", on_click=ui.go_to, args=("Timeline",),
                           kwargs={EVENT: current})
        reported = views.events_in_document(G, doc_id)
        if reported:
            with st.expander(f"{views.counted(len(reported), 'event passages')} highlighted below"):
                for i, (event, _span) in enumerate(reported[:100]):
                    cols = st.columns([5, 1])
                    cols[0].markdown(f"{safe(event.label)} · {safe(describe_time(event.time))}",
                                     unsafe_allow_html=True)
                    cols[1].button("Show on timeline", key=f"show-{doc_id}-{i}", on_click=ui.go_to,
                                   args=("Timeline",), kwargs={EVENT: event.id})
        marks = explore.document_items(d.index, doc_id, current=current)
        counts = {k: sum(1 for m in marks if m.kind == k) for k in ("event", "claim", "entity", "citation")}
        ui.html('<div class="tg-key tg-meta">'
                f'<mark class="tg-hit">{views.counted(counts["event"], "event passages")}</mark>'
                f'<mark class="tg-hit tg-claim">{views.counted(counts["claim"], "claims")}</mark>'
                f'<mark class="tg-hit tg-entity">{views.counted(counts["entity"], "entity mentions")}</mark>'
                f'<mark class="tg-hit tg-citation">{views.counted(counts["citation"], "sources cited")}</mark>'
                " · hover over one for what it is, click it to open it</div>")
        prose = doc.media_type in ("text/markdown", "text/html", "application/xhtml+xml")
        body = views.document_html(doc.text, marks, reflow_lines=prose)
        ui.html(f'<div class="tg-reader">{body}</div>')
