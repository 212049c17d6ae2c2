"""The claim tracer and conflicts pages. Layout only: what they show comes from :mod:`tracer`."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from ..model import Claim
from . import actions, explore, tracer, ui, views
from .ui import CLUSTER


def claims_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Search claim clusters; trace one as a graph and as a list."""
    ss = st.session_state
    idx = d.index
    st.title("Claim tracer")
    st.caption("Claims that say the same thing in different documents form a cluster. Trace one to see who said "
               "it first, who repeated it, and whom each source cites.")
    if ss.get(CLUSTER) not in idx.clusters:
        ss[CLUSTER] = None
    trace = ui.memo(d, "trace", ss[CLUSTER], lambda: tracer.cluster_trace(G, idx, ss[CLUSTER])) if ss[CLUSTER] else None
    if trace is not None:
        _trace_panel(d, trace)
        ui.html("#### Find another claim")
    query = st.text_input("Search claims", key="_claim_query", placeholder="words of the claim, or who made it")
    found = ui.memo(d, "clusters", query, lambda: tracer.search_clusters(G, idx, query))
    st.caption(f"{views.counted(len(found), 'claim clusters')}"
               + (" match." if query else "; the most repeated first."))
    _cluster_list(found)


def _cluster_list(found: list[tracer.ClusterSummary]) -> None:
    for s in ui.paged(found, "clusters", per_page=10):
        c = st.columns([6, 1])
        c[0].markdown(f"{views.safe_text(views.short(s.text, 110))}  \n"
                      f"<span class='tg-meta'>{views.counted(s.appearances, 'appearances')} in "
                      f"{views.counted(s.documents, 'documents')} · first {views.safe_text(s.first)}</span>",
                      unsafe_allow_html=True)
        c[1].button("Trace", key=f"trace-{s.id}", on_click=ui.go_to, args=("Claims",), kwargs={CLUSTER: s.id})


def _links(items: tuple[explore.Item, ...]) -> str:
    return ", ".join(ui.link(c.label, explore.item_link(c)) for c in items)


def _trace_panel(d: ui.Derived, trace: tracer.ClusterTrace) -> None:
    idx = d.index
    with st.container(border=True, key="claim_trace"):
        ui.html(f"### “{views.safe_text(views.short(trace.text, 160))}”")
        first = trace.appearances[0]
        where = f"{views.safe_text(first.document_title)}, {views.safe_text(first.reported)}"
        if first.credited:
            names = ", ".join(f"<b>{views.safe_text(c.label)}</b>" for c in first.credited)
            said = f"first seen in {where}, which credits it to {names}"
        else:
            said = f"first said by <b>{views.safe_text(first.claimant)}</b> in {where}"
        ui.html(f'<div class="tg-meta">{views.counted(len(trace.appearances), "appearances")} · {said}</div>')
        for conflict in trace.conflicts:
            st.warning(f"**Sources disagree ({conflict.kind}):** {views.safe_text(conflict.explanation)}", icon="⚠️")
        st.graphviz_chart(tracer.cluster_dot(trace))
        st.caption("Blue: who said it · yellow: the first document · grey: documents repeating it (dashed arrow to "
                   "the first) · green: what each document cites.")
        for i, app in enumerate(ui.paged(trace.appearances, "appearances", per_page=15)):
            claim = app.claim
            where = (f"{ui.link(app.document_title, f'?page=documents&doc={app.document}')}"
                     f"{' (' + views.safe_text(app.publisher) + ')' if app.publisher else ''}, "
                     f"{views.safe_text(app.reported)}")
            for_claim = tuple(c for c in app.for_claim if c not in app.credited)
            others = tuple(c for c in app.cites if c not in app.for_claim)
            if app.credited:
                role = "first seen" if app.role == "first said" else app.role
                said = f"<b>{i + 1}. {role}</b> in {where}, which credits it to {_links(app.credited)}"
                cites = [f"cites for this claim: {_links(for_claim)}"] if for_claim else []
            else:
                said = f"<b>{i + 1}. {views.safe_text(app.role)}</b> by <b>{views.safe_text(app.claimant)}</b> in {where}"
                cites = [f"cites for this claim: {_links(for_claim)}" if for_claim else "no source named for it"]
            if others:
                cites.append(f"the document also cites: {_links(others)}")
            ui.html(" · ".join((said, *cites)) + f'<div class="tg-passage">{_attribution(idx, claim)}</div>')
            actions.item_actions(d, "claim", claim.id)


def _attribution(idx: explore.CaseIndex, claim: Claim) -> str:
    """The claim's passage with who says it, the cue and what is said marked (or its words alone
    when its document is not in the case)."""
    doc = idx.documents.get(claim.document)
    if doc is None:
        return ui.passage(idx, claim.document, claim.span.start, claim.span.end, claim.span.exact)
    return views.attribution_html(doc.text, claim)


def conflicts_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Every conflict, explained, with links to its items and documents."""
    st.title("Conflicts")
    found = tracer.conflict_views(d.index)
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
            for note in views.curation_notes(G, view.conflict.id):
                ui.html(f'<div class="tg-curation">{note}</div>')
            for span in view.conflict.spans[:4]:
                ui.html(f'<div class="tg-passage">{ui.passage(d.index, span.document, span.start, span.end, span.exact, 100)}</div>')
            if view.conflict.kind == "date":
                actions.item_actions(d, "conflict", view.conflict.id)
