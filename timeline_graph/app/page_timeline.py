"""The timeline page (filters, lanes, the chart with its overview, story steps, the event picker
and the event's details) and the report-time page. Layout only: what is shown comes from
:mod:`chart`, :mod:`explore`, :mod:`lag` and :mod:`views`."""

from __future__ import annotations

from datetime import date

import networkx as nx
import streamlit as st

from ..timeline import TimelineRow
from . import actions, chart, component, explore, lag, ui, views
from .ui import DOC, EVENT, FILTERS, LANES, NODE

CHART = "timeline"
LAG_CHART = "report_time"
_SEEN = "_chart_selection_seen"
_LAG_SEEN = "_lag_selection_seen"
_ANY = "_any"


def _filters() -> explore.Filters:
    value = st.session_state.get(FILTERS)
    return value if isinstance(value, explore.Filters) else explore.Filters()


def _set_filter(field: str, widget: str) -> None:
    value = st.session_state[widget]
    if value == _ANY:
        value = None
    if field == "text":
        value = (value or "").strip()
    if field == "conflict":
        value = value or "all"
    st.session_state[FILTERS] = explore.Filters(**{**_filters().__dict__, field: value})


def _clear_filters() -> None:
    st.session_state[FILTERS] = explore.Filters()


def _set_widget(widget: str, value: object) -> None:
    st.session_state[widget] = value


def filter_bar(d: ui.Derived) -> explore.Filters:
    """Widgets for every filter and the lane choice; returns the filters in force."""
    f = _filters()
    idx = d.index
    ss = st.session_state
    if "_filters_open" not in ss:  # open when the link sets filters or lanes
        ss["_filters_open"] = f.active or ss.get(LANES, "kind") != "kind"
    # a switch, not an expander: the widgets (a date picker, hundreds of names) are only sent
    # and drawn once someone wants them, which keeps the page quick to open
    opened = st.toggle("Filters and lanes", key="_filters_open")
    # the bar's place is kept whether it is open or not, so what follows (the chart) keeps its
    # place in the page and is not mounted afresh (which would lose its zoom) when it opens
    slot = st.container()
    if not opened:
        return f
    with slot.container(border=True, key="filter_bar"):
        c = st.columns([3, 2, 2, 2])
        _set_widget("_f_text", f.text)
        c[0].text_input("Words", key="_f_text", on_change=_set_filter, args=("text", "_f_text"),
                        placeholder="e.g. footage police")
        entity_names = {e.id: f"{e.name} ({e.kind})" for e in
                        sorted(idx.entities.values(), key=lambda e: (e.name.casefold(), e.name, e.id))}
        _box(c[1], "Entity", "entity", "_f_entity", entity_names, f.entity)
        doc_names = {d_.id: views.short(d_.label, 50) for d_ in
                     sorted(idx.documents.values(), key=lambda x: (x.label.casefold(), x.label, x.id))}
        _box(c[2], "Document", "document", "_f_document", doc_names, f.document)
        pubs = sorted({p.publisher for p in idx.documents.values() if p.publisher}, key=lambda p: (p.casefold(), p))
        _box(c[3], "Publisher", "publisher", "_f_publisher", {p: p for p in pubs}, f.publisher)
        c = st.columns([2, 2, 2, 2, 1])
        days = [x for row in d.rows for x in (row.start, row.end) if x]
        lo, hi = (min(days), max(days)) if days else (date(1900, 1, 1), date(2100, 1, 1))
        _set_widget("_f_start", f.start)
        c[0].date_input("From", key="_f_start", value=None, min_value=lo, max_value=hi, on_change=_set_filter,
                        args=("start", "_f_start"))
        _set_widget("_f_end", f.end)
        c[1].date_input("To", key="_f_end", value=None, min_value=lo, max_value=hi, on_change=_set_filter,
                        args=("end", "_f_end"))
        words = {"all": "all events", "yes": "disputed only", "no": "undisputed only"}
        _set_widget("_f_conflict", f.conflict)
        c[2].selectbox("Sources disagree?", list(words), format_func=words.__getitem__, key="_f_conflict",
                       on_change=_set_filter, args=("conflict", "_f_conflict"))
        _set_widget("_f_lanes", st.session_state.get(LANES, "kind"))
        c[3].selectbox("Lanes by", list(explore.LANES), format_func=explore.LANES.__getitem__, key="_f_lanes",
                       on_change=ui.sync, args=("_f_lanes", LANES))
        c[4].button("Clear", on_click=_clear_filters, disabled=not f.active, key="_f_clear")
    return _filters()


def _box(col: st.delta_generator.DeltaGenerator, label: str, field: str, widget: str,
         choices: dict[str, str], value: str | None) -> None:
    options = [_ANY, *choices]
    st.session_state[widget] = value if value in choices else _ANY
    col.selectbox(label, options, format_func=lambda k: "any" if k == _ANY else choices[k], key=widget,
                  on_change=_set_filter, args=(field, widget))


def timeline_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """Filters and lanes, then the chart, story steps, picker and the selected event's details."""
    st.title("Timeline")
    if not d.rows:
        st.info("This case has no events yet.")
        return
    f = filter_bar(d)
    rows = ui.memo(d, "rows", f, lambda: explore.filter_rows(d.index, d.rows, f))
    st.caption(f"Showing {views.counted(len(rows), 'events')}"
               + (f" of {len(d.rows)} (filtered)" if f.active else "") + ".")
    if not rows:
        st.info("No event matches the filters.")
        return
    events_view(G, d, f, st.session_state.get(LANES) or "kind")


@st.fragment
def events_view(G: nx.MultiDiGraph, d: ui.Derived, f: explore.Filters, lane_by: str) -> None:
    """The chart (the selected event ringed on it), story steps, the picker and the selected
    event's details: a fragment, so a click, a pick or a step re-runs only this part (the
    sidebar and the filters are not sent again)."""
    actions.reload_after_decision()
    ss = st.session_state
    rows = ui.memo(d, "rows", f, lambda: explore.filter_rows(d.index, d.rows, f))
    # The chart's selection (the component's state, known before it is drawn): a new click or box
    # wins over the picker, and the chart is drawn with that event ringed in this same run.
    picked, token = chart.selection_of(ss.get(CHART))
    if (picked, token) != ss.get(_SEEN):
        ss[_SEEN] = (picked, token)
        if picked:
            ss[EVENT] = picked[0]
    if ss.get(EVENT) not in ui.memo(d, "row ids", f, lambda: {row.id for row in rows}):
        ss[EVENT] = None  # not an event, or filtered out
    current = ss.get(EVENT)
    base = ui.memo_after(d, "timeline", (f, lane_by), lambda earlier: chart.timeline_chart(
        rows, None if lane_by == "kind" else explore.lanes(d.index, rows, lane_by), colours=d.colours,
        earlier=earlier))
    # The chart goes first on the page but is sent last: the details below reach the browser (and
    # show) before it redraws the chart with the new event ringed, its slowest step.
    chart_box = st.container()
    undated = chart.undated_rows(rows)
    if undated:
        with st.expander(views.counted(len(undated), "undated events"), expanded=not base.places):
            ui.html("<br>".join(f"• {views.safe_text(row.event.label)}" for row in undated[:200]))
    story(rows, current)
    picker(d, f, rows)
    if current:
        event_panel(G, d, current)
    with chart_box:
        chart_view(base, current, picked, len(rows) - len(undated))
    if ss.get(ui.PAGE) != "Timeline":  # a button here chose another page: draw the whole app
        st.rerun()
    ui.write_query_params()


def chart_view(base: chart.TimelineChart, current: str | None, picked: tuple[str, ...], dated: int) -> None:
    """The chart with ``current`` ringed, and how to read it."""
    if not base.places:
        st.info("None of these events has a date to place on the axis.")
        return
    component.timeline_chart(chart.with_selection(base, current), key=CHART)
    if len(picked) > 1:
        st.info(f"{views.counted(len(picked), 'events')} selected; showing the first. "
                "Click one event, or pick it below, to see another.")
    if dated > chart.WINDOW_THRESHOLD:
        st.caption(f"{dated} dated events: the chart opens on about {chart.WINDOW_EVENTS} of them, around "
                   "the selected event or else the latest. The overview under it shows the whole case: drag "
                   "its window or the window's handles, or press Show all.")
    st.caption(
        "Dots are exact days; bars run from the earliest to the latest possible day of a month, "
        "season, year or range; triangles are open-ended (known from ▶, known until ◀). Hollow dots and "
        "hatched, lighter bars are approximate or uncertain. A red outline means the sources disagree; red "
        "ticks mark the date each source gives. The selected event is ringed, with a dashed line across. "
        "Under the events: events per month for the whole case, with the window shown above: drag it, "
        "or its handles, to move or widen it. Drag the chart to pan; Ctrl (⌘) + scroll, the − + buttons "
        "or the keys − + zoom; Shift + drag selects a box of events; a kind in the legend hides or shows it. "
        "Click an event or pick it below."
    )


def picker(d: ui.Derived, f: explore.Filters, rows: list[TimelineRow]) -> None:
    """Every event in a selectbox; past :data:`explore.PICKER_LIMIT` events, a search box and the
    events it finds (or those around the selected one), so thousands of options are never sent."""
    ss = st.session_state
    current = ss.get(EVENT)
    if len(rows) <= explore.PICKER_LIMIT:
        choices = ui.memo(d, "choices", f, lambda: chart.event_choices(rows))
        ui.choose("Event", choices, EVENT, "Choose an event…")
        return
    c = st.columns([2, 3])
    query = c[0].text_input("Find an event", key="_event_query", placeholder="words of the event, a name…")
    short = explore.event_shortlist(d.index, rows, query, current)
    with c[1]:
        ui.choose("Event", chart.event_choices(short), EVENT, "Choose an event…")
    found = "found" if query.strip() else ("around the selected one" if current else "latest")
    st.caption(f"{views.counted(len(short), 'events')} {found}, of {len(rows)}: type words to find others.")


def _step_to(event_id: str | None) -> None:
    st.session_state[EVENT] = event_id


def story(rows: list[TimelineRow], current: str | None) -> None:
    """Previous / next through the (filtered) events in time order, as a reader follows the story."""
    order = [row.id for row in rows]
    before = explore.step(order, current, -1) if current else None
    after = explore.step(order, current, 1)
    with st.container(key="story"):
        c = st.columns([1, 4, 1])
        c[0].button("◀ Previous event", key="story_prev", on_click=_step_to, args=(before,),
                    disabled=before is None, width="stretch")
        where = f"Event {order.index(current) + 1} of {len(order)}" if current in order else \
            f"{views.counted(len(order), 'events')}: press Next to start the story"
        c[1].markdown(f"<div style='text-align:center; padding-top:.4rem'>{views.safe_text(where)}</div>",
                      unsafe_allow_html=True)
        c[2].button("Next event ▶", key="story_next", on_click=_step_to, args=(after,),
                    disabled=after is None, width="stretch")


def event_panel(G: nx.MultiDiGraph, d: ui.Derived, event_id: str) -> None:
    """The selected event: when, who, every source's words in context, claims and conflicts."""
    idx = d.index
    event = idx.events.get(event_id)
    detail = views.event_detail(G, event_id, candidates=explore.related_claim_candidates(idx, event)
                                if event is not None else None, index=idx)
    if detail is None:
        return
    safe = views.safe_text
    with st.container(border=True, key="event_details"):
        ui.html(f"### {safe(detail.event.label)}")
        facts = [f"<b>When:</b> {safe(detail.when)}", f"<b>Kind:</b> {safe(detail.event.kind)}"]
        if detail.event.time is not None:
            facts.append(f"<b>Precision:</b> {safe(detail.event.time.precision)}")
        if detail.event.participants:
            people = ", ".join(
                f"{ui.link(idx.name(p.entity) or p.entity, explore.item_link(idx.item(p.entity)))} ({safe(p.role)})"
                for p in detail.event.participants)
            facts.append(f"<b>Who:</b> {people}")
        if detail.place:
            facts.append(f"<b>Place:</b> {safe(detail.place)}")
        ui.html(" &nbsp;·&nbsp; ".join(facts))
        for note in views.curation_notes(G, event_id):
            ui.html(f'<div class="tg-curation">{note}</div>')
        for conflict in detail.conflicts:
            st.warning(f"**Sources disagree ({conflict.kind}):** {safe(conflict.explanation)}", icon="⚠️")
            for note in views.curation_notes(G, conflict.id):
                ui.html(f'<div class="tg-curation">{note}</div>')

        ui.html(f"#### Reported by {views.counted(len(detail.reports), 'sources')}")
        for i, report in enumerate(detail.reports):
            with st.container(border=True):
                meta = [f"<b>{safe(report.title)}</b>"]
                if report.publisher:
                    meta.append(safe(report.publisher))
                meta.append(f"published {safe(report.published)}" if report.published else "publication date unknown")
                ui.html(" · ".join(meta))
                if report.stated:
                    ui.html(f'<div class="tg-meta">This source gives the date: <b>{safe(report.stated)}</b></div>')
                ui.html(f'<div class="tg-passage">{report.passage}</div>')
                st.button("Open in the document reader", key=f"open-{event_id}-{i}",
                          on_click=ui.go_to, args=("Documents",), kwargs={DOC: report.document})

        if detail.claims:
            ui.html("#### Related claims")
            st.caption("Claims by or about its participants, or close to its passages, earliest first.")
            for claim in detail.claims[:30]:
                when = f", {safe(claim.reported)}" if claim.reported else ""
                members = idx.clusters.get(claim.cluster or claim.id, [])
                others = len({c.document for c in members} - {claim.document})
                trace = ui.link(f"repeated in {views.counted(others, 'other documents')}" if others
                                else "trace this claim", f"?page=claims&cluster={claim.cluster or claim.id}")
                said = (f"<i>{safe(claim.document_title)}</i>{when}, which credits it to "
                        + ", ".join(f"<b>{ui.link(c.label, explore.item_link(c))}</b>" for c in claim.credited)
                        if claim.credited else f"<b>{safe(claim.claimant)}</b> in <i>{safe(claim.document_title)}</i>{when}")
                ui.html(f'{said} · {trace}:<div class="tg-passage">{claim.passage}</div>')
                actions.item_actions(d, "claim", claim.id)  # a claim has its actions wherever it is shown
            if len(detail.claims) > 30:
                st.caption(f"… and {len(detail.claims) - 30} more.")
        st.button("Show in the network", key=f"net-{event_id}", on_click=ui.go_to, args=("Network",),
                  kwargs={NODE: event_id})
        actions.item_actions(d, "event", event_id)


def report_time_page(G: nx.MultiDiGraph, d: ui.Derived) -> None:
    """When each event happened (or each claim first appeared) against when each source reported it."""
    ss = st.session_state
    st.title("Report time")
    st.caption("Each dot is one source reporting an event (blue) or repeating a claim (orange). Across: when the "
               "event happened (a line shows a range) or when the claim first appeared; up: when the source was "
               "published. Dots on the dotted diagonal were reported at once; height above it is the lag; a "
               "column of dots is one item reported again and again. Click a dot to open it.")
    points = ui.memo(d, "lag", None, lambda: lag.lag_points(d.index, d.rows))
    if not points:
        st.info("No event or claim has both a date and a dated source.")
        return
    fig = ui.memo(d, "lagfig", None, lambda: lag.lag_figure(points))
    state = st.plotly_chart(fig, key=LAG_CHART, on_select="rerun", selection_mode=("points",),
                            config={"displaylogo": False, "scrollZoom": True}, width="stretch")
    picked = tuple(chart.selected_event_ids(state))
    if picked and picked != ss.get(_LAG_SEEN):
        ss[_LAG_SEEN] = picked
        target = picked[0]
        if target in d.index.events:
            ui.go_to("Timeline", **{EVENT: target})
        else:
            ui.go_to("Claims", **{ui.CLUSTER: target})
        st.rerun()
    ss[_LAG_SEEN] = picked
    slowest = sorted(points, key=lambda p: (-p.lag_days, p.label))[:15]
    st.markdown("#### Longest gaps between happening and reporting")
    st.dataframe([{"item": views.short(p.label, 60), "days later": p.lag_days, "kind": p.kind,
                   "happened": p.happened.isoformat(), "published": p.reported.isoformat(),
                   "reported by": views.short(p.document_title, 45)} for p in slowest],
                 hide_index=True, width="stretch", height=38 + 35 * len(slowest))
