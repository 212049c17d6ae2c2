"""The documents page: every document, and a reader showing one with its extracted items
highlighted. Layout only: what it shows comes from :mod:`views`."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from ..model import Document
from ..timeline import describe_time
from . import actions, explore, ui, views
from .ui import DOC, EVENT, SPAN


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


def _search_hit(doc: Document) -> tuple[int, int] | None:
    """The span of ``doc`` a search hit opened the reader at, if it did."""
    value = st.session_state.get(SPAN)
    if not isinstance(value, str) or not value.startswith(f"{doc.id}:"):
        return None
    start, _, end = value.removeprefix(f"{doc.id}:").partition("-")
    if not (start.isdigit() and end.isdigit()) or not 0 <= int(start) < int(end) <= len(doc.text):
        return None
    return int(start), int(end)


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
        for note in views.curation_notes(G, doc_id):
            ui.html(f'<div class="tg-curation">{note}</div>')
        actions.item_actions(d, "document", doc_id)
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
        marks = views.document_items(d.index, doc_id, current=current)
        found = _search_hit(doc)
        if found is not None:
            start, end = found
            ui.html(f'<div class="tg-meta">Opened at the words found: <mark class="tg-hit tg-current">'
                    f"{safe(' '.join(doc.text[start:end].split())[:300])}</mark></div>")
            marks.append(views.Highlight(start, end, "the words the search found", True, "search"))
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
    cited_sources(G, d, doc_id)


def cited_sources(G: nx.MultiDiGraph, d: ui.Derived, doc_id: str) -> None:
    """The document's source citations: each one's words, what it cites, its history and its actions."""
    idx = d.index
    found = [idx.citations[c] for c in idx.citations_in.get(doc_id, ()) if c in idx.citations]
    if not found:
        return
    ui.html(f"#### {views.counted(len(found), 'sources')} it cites")
    for cit in ui.paged(sorted(found, key=lambda c: (c.span.start, c.id)), f"cited-{doc_id}", per_page=10):
        with st.container(border=True, key=f"citation-{cit.id}"):
            cited = explore.cited_item(idx, cit)
            cites = ui.link(cited.label, explore.item_link(cited))
            ui.html(f'“{views.safe_text(cit.span.exact)}” · cites {cites}')
            for note in views.curation_notes(G, cit.id):
                ui.html(f'<div class="tg-curation">{note}</div>')
            actions.item_actions(d, "citation", cit.id)
