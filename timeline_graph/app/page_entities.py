"""The entity and network pages. Layout only: what they show comes from :mod:`explore`,
:mod:`chart` and :mod:`network`."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from ..graph import DOCUMENT_KIND, ENTITY_KIND, EVENT_KIND
from ..timeline import describe_time
from . import actions, chart, component, explore, network, ui, views
from .ui import ENTITY, EVENT, NODE, STEPS

NETWORK_CHART = "network"
_NET_SEEN = "_network_selection_seen"


def entities_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Pick an entity: its aliases, documents, events on a mini timeline, and its claims."""
    ss = st.session_state
    idx = d.index
    st.title("Entities")
    if not idx.entities:
        st.info("This case has no entities yet.")
        return
    names = {e.id: f"{e.name} · {e.kind} · {views.counted(len(e.mentions), 'mentions')}"
             for e in sorted(idx.entities.values(), key=lambda e: (-len(e.mentions), e.name.casefold(), e.name, e.id))}
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
            data = chart.timeline_data(view.rows, overview=False, colours=d.colours)
            state = component.timeline_chart(data, key="entity_timeline")
            picked, token = chart.selection_of(state)
            if picked and token != ss.get("_entity_chart_seen"):  # a new click, not one kept from before
                ss["_entity_chart_seen"] = token
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
                        f'<div class="tg-passage">{ui.passage(idx, claim.document, claim.span.start, claim.span.end, claim.span.exact, 80)}</div>')
                actions.item_actions(d, "claim", claim.id)  # a claim has its actions wherever it is shown
        st.button("Show in the network", key=f"net-{e.id}", on_click=ui.go_to, args=("Network",), kwargs={NODE: e.id})
        actions.item_actions(d, "entity", e.id)


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
    fig = network.network_figure(G, idx, centre, steps)
    state = st.plotly_chart(fig, key=NETWORK_CHART, on_select="rerun", selection_mode=("points",),
                            config={"displaylogo": False, "scrollZoom": True}, width="stretch")
    picked = tuple(chart.selected_event_ids(state))
    if picked and picked != ss.get(_NET_SEEN) and picked[0] != centre:
        ss[_NET_SEEN] = picked
        ss[NODE] = picked[0]
        st.rerun()
    ss[_NET_SEEN] = picked
    item = idx.item(centre)
    page = explore.item_link(item)
    st.caption(f"Around {item.kind} “{views.short(item.label, 80)}”, at most {network.MAX_NETWORK_NODES} nodes, "
               "nearest first. Shapes and colours tell the kinds apart; click a node to centre on it.")
    if page:
        ui.html(f"Open it: {ui.link(views.short(item.label, 80), page)}")
