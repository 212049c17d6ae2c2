"""The app's exploring views (filters, lanes, report time, claim traces, conflicts, entities,
network, story order, downloads) as pure functions, and their pages run headless with AppTest."""

# ruff: noqa: F811  (the fixtures imported from test_app are redefined as test arguments)
from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_graph.app import chart, explore, lag, network, tracer, views
from timeline_graph.app.marks import day_number
from timeline_graph.export import FORMATS
from timeline_graph.graph import DOCUMENT_KIND, ENTITY_KIND, EVENT_KIND, KIND
from timeline_graph.timeline import timeline

from .test_app import _chart_data, app, case_file, graph  # noqa: F401  (fixtures)


def _event_id(G: nx.MultiDiGraph, label: str) -> str:
    return next(row.id for row in timeline(G) if row.event.label == label)


def _entity(G: nx.MultiDiGraph, name: str) -> str:
    return next(n for n, d in G.nodes(data=True) if d[KIND] == ENTITY_KIND and d["record"].name == name)


def _doc(G: nx.MultiDiGraph, publisher: str) -> str:
    return next(n for n, d in G.nodes(data=True) if d[KIND] == DOCUMENT_KIND and d["record"].publisher == publisher)


def _labels(rows: Any) -> list[str]:
    return [r.event.label for r in rows]


# ---------------------------------------------------------------------------------------------
# Filters, lanes, story


def test_filters_narrow_the_rows(graph: nx.MultiDiGraph) -> None:
    idx = explore.case_index(graph)
    rows = timeline(graph)
    F = explore.Filters
    assert explore.filter_rows(idx, rows, F()) == rows
    assert _labels(explore.filter_rows(idx, rows, F(conflict="yes"))) == ["police asked camera owners for footage"]
    assert "police asked camera owners for footage" not in _labels(explore.filter_rows(idx, rows, F(conflict="no")))
    police = _entity(graph, "City Police")
    assert set(_labels(explore.filter_rows(idx, rows, F(entity=police)))) == {
        "police asked camera owners for footage", "The board met to review the program"}
    gazette = _doc(graph, "Gazette")
    by_doc = _labels(explore.filter_rows(idx, rows, F(document=gazette)))
    assert by_doc == _labels(explore.filter_rows(idx, rows, F(publisher="Gazette")))
    assert "requests said to be voluntary" in by_doc and "Chief Ana Ruiz spoke to the Ledger" not in by_doc
    in_2021 = _labels(explore.filter_rows(idx, rows, F(start=date(2021, 1, 1), end=date(2021, 12, 31))))
    assert set(in_2021) == {"requests said to be voluntary", "Over 2,000 departments used the service",
                            "The board met to review the program"}  # the undated event is left out
    assert _labels(explore.filter_rows(idx, rows, F(text="BOARD program"))) == ["The board met to review the program"]
    assert _labels(explore.filter_rows(idx, rows, F(text="ruiz"))) == ["Chief Ana Ruiz spoke to the Ledger"]


def test_filters_round_trip_through_the_url() -> None:
    f = explore.Filters(text="door cam", entity="ent-1", document="doc-2", publisher="Gazette",
                        start=date(2020, 1, 1), end=date(2020, 12, 31), conflict="no")
    params = f.to_params()
    assert params == {"q": "door cam", "who": "ent-1", "source": "doc-2", "publisher": "Gazette",
                      "from": "2020-01-01", "to": "2020-12-31", "disputed": "no"}
    assert explore.Filters.from_params(params) == f
    assert explore.Filters.from_params(params, valid={"doc-2"}).entity is None  # unknown ids dropped
    assert explore.Filters.from_params({"disputed": "maybe", "from": "June"}) == explore.Filters()
    assert not explore.Filters().active and explore.Filters().to_params() == {}


def test_lanes_by_actor_document_and_topic(graph: nx.MultiDiGraph) -> None:
    idx = explore.case_index(graph)
    rows = timeline(graph)
    request = _event_id(graph, "police asked camera owners for footage")
    board = _event_id(graph, "The board met to review the program")
    by_actor = explore.lanes(idx, rows, "actor")
    assert by_actor[request] == "City Police" and by_actor[board] == "City Police"
    assert by_actor[_event_id(graph, "footage was shared")] == explore.NO_ACTOR
    by_doc = explore.lanes(idx, rows, "document")
    assert by_doc[request] == "Police seek doorbell footage" and by_doc[board] == "Board memo <b>draft</b>"
    by_topic = explore.lanes(idx, rows, "topic")
    assert by_topic[board] == "City Police"  # a subject, not an agent
    assert by_topic[request] == "request"  # only an agent: the kind
    data = chart.timeline_data(rows, by_actor)
    assert not data["labelled"] and [label for _, label in data["lanes"]] == ["City Police", "no actor named"]
    police = data["lanes"][1][0]  # the first line of the second lane
    assert {m[0] for m in data["marks"] if m[1] < police} == {request, board}
    # labels are plain text: the browser shows them as text, so they are not escaped here
    assert "Board memo <b>draft</b>" in [label for _, label in chart.timeline_data(rows, by_doc)["lanes"]]
    assert [label for _, label in chart.timeline_data(rows, by_topic)["lanes"]] == [
        "City Police", "event", "request", "statement"]


def test_story_steps_through_the_events_in_order() -> None:
    order = ["a", "b", "c"]
    assert explore.step(order, None, 1) == "a" and explore.step(order, None, -1) == "c"
    assert explore.step(order, "a", -1) is None and explore.step(order, "b", -1) == "a"
    assert explore.step([], None, 1) is None


def test_overview_counts_events_per_month_and_kind(graph: nx.MultiDiGraph) -> None:
    rows = timeline(graph)
    data = chart.timeline_data(rows)
    dated = [r for r in rows if r.start or r.end]
    assert sum(n for _, _, n in data["months"]) == len(dated) == 6  # each dated event once
    kinds = [kind for kind, _ in data["kinds"]]
    per_kind = {k: sum(n for _, i, n in data["months"] if kinds[i] == k) for k in kinds}
    assert per_kind == {"event": 3, "request": 1, "statement": 2}
    months = {day for day, _, _ in data["months"]}
    assert day_number(date(2019, 1, 1)) in months and day_number(date(2021, 3, 1)) in months  # first days
    assert [m[0] for m in data["months"]] == sorted(m[0] for m in data["months"])
    assert chart.timeline_data(rows, overview=False)["months"] is None


def _many_rows(n: int) -> Any:
    from tests.test_app import _doc as make
    from timeline_graph.graph import build_graph
    from timeline_graph.model import Event, Records, Report, Span, TimeValue, record_id

    doc = make("word " * (n + 10), "big.txt")
    many = tuple(Event(id=record_id("evt", i), label=f"event {i}",
                       time=TimeValue.of_day(date(2019, 1, 1).fromordinal(737000 + i)) if i % 2
                       else TimeValue.from_edtf(f"{2019 + i % 3}-{1 + i % 12:02d}"),
                       reports=(Report(doc.id, Span.at(doc, 5 * i, 5 * i + 4)),)) for i in range(n))
    return timeline(build_graph(Records(documents=(doc,), events=many)))


def test_many_events_are_all_on_a_chart_of_bounded_height() -> None:
    rows = _many_rows(chart.WINDOW_THRESHOLD + 10)
    data = chart.timeline_data(rows)
    assert sorted(m[0] for m in data["marks"]) == sorted(r.id for r in rows)
    assert data["lines"] * data["line_height"] <= 1200
    assert [label for _, label in data["lanes"]] == ["event"]  # one lane per kind, labels on hover


def _inside(rows: Any, data: dict[str, Any]) -> list[Any]:
    lo, hi = data["window"]
    return [r for r in rows if lo <= day_number(r.start or r.end) < hi]


def test_a_large_chart_opens_on_a_window_of_events_around_the_selected_one() -> None:
    rows = _many_rows(1500)
    by_day = sorted(rows, key=lambda r: (r.start or r.end, r.id))
    latest = chart.timeline_data(rows)
    shown = _inside(rows, latest)
    assert chart.WINDOW_EVENTS <= len(shown) < 1.2 * chart.WINDOW_EVENTS and by_day[-1] in shown
    assert by_day[0] not in shown
    middle = by_day[700]
    selected = chart.timeline_data(rows, selected=middle.id)
    around = _inside(rows, selected)
    assert middle in around and by_day[-1] not in around and by_day[0] not in around
    assert selected["window"] == list(chart.window(rows, middle.id))
    assert len(latest["marks"]) == len(rows)  # every event is still sent, drawn when the window moves there
    # small charts show everything
    assert chart.timeline_data(rows[:chart.WINDOW_THRESHOLD])["window"] is None
    assert chart.timeline_data(rows[:chart.WINDOW_THRESHOLD + 1])["window"] is not None


def test_the_selected_event_is_ringed_on_the_chart(graph: nx.MultiDiGraph) -> None:
    rows = timeline(graph)
    base = chart.timeline_chart(rows)
    assert chart.with_selection(base)["selected"] is None
    day = _event_id(graph, "Chief Ana Ruiz spoke to the Ledger")
    data = chart.with_selection(base, day)
    assert data["selected"] == day and chart.timeline_data(rows, selected=day) == data
    assert {**data, "selected": None} == chart.with_selection(base)  # only the selection changes
    assert "selected" not in base.data  # the chart built once is not changed by a selection
    undated = _event_id(graph, "footage was shared")
    assert chart.with_selection(base, undated)["selected"] is None  # not on the chart
    assert chart.with_selection(base, "evt-nope")["selected"] is None

    many = _many_rows(chart.WINDOW_THRESHOLD + 10)
    light = chart.timeline_data(many, selected=many[5].id)
    assert light["selected"] == many[5].id and many[5] in _inside(many, light)


# ---------------------------------------------------------------------------------------------
# Report time, claims, conflicts


def test_lag_points_put_each_report_against_the_event_time(graph: nx.MultiDiGraph) -> None:
    idx = explore.case_index(graph)
    points = lag.lag_points(idx, timeline(graph))
    request = _event_id(graph, "police asked camera owners for footage")
    mine = sorted((p.document_title, p.reported, p.lag_days) for p in points if p.item == request)
    assert mine == [("Footage requests, explained", date(2021, 2, 17), 216),
                    ("Police seek doorbell footage", date(2020, 6, 20), 0)]  # inside the range: no lag
    assert {p.kind for p in points} == {"event", "claim"}
    fig = lag.lag_figure(points)
    assert {t.name for t in fig.data} >= {"reported the same day"}
    assert all(c[0] in idx.events or c[0] in idx.clusters for t in fig.data for c in (t.customdata or ()))
    # the request happened over a month: a line from its first to its last day at each report's height
    [ranges] = [t for t in fig.data if t.mode == "lines" and t.legendgroup == "event"]
    spans = {(ranges.x[i].date(), ranges.x[i + 1].date(), ranges.y[i].date()) for i in range(0, len(ranges.x), 3)}
    assert (date(2020, 6, 16), date(2020, 7, 16), date(2020, 6, 20)) in spans


def test_claim_clusters_search_and_trace(graph: nx.MultiDiGraph) -> None:
    idx = explore.case_index(graph)
    found = tracer.search_clusters(graph, idx, "voluntary")
    assert [s.text for s in found] == ["the requests were voluntary"]
    assert len(tracer.search_clusters(graph, idx)) == 2
    assert tracer.search_clusters(graph, idx, "hale") == found  # by the claimant's name too
    trace = tracer.cluster_trace(graph, idx, found[0].id)
    assert trace is not None
    [appearance] = trace.appearances
    assert appearance.role == "first said" and appearance.claimant == "Police spokesman Tom Hale"
    assert [c.label for c in appearance.cites] == ["Police seek doorbell footage"]  # the Gazette cites the Ledger
    assert appearance.for_claim == ()  # ... but not in this claim's passage, nor for its claimant
    dot = tracer.cluster_dot(trace)
    assert dot.startswith("digraph") and '"cites"' in dot and "said in" in dot
    assert tracer.cluster_trace(graph, idx, "cluster-nope") is None
    assert tracer.dot_quote('say "hi" \\ there') == '"say \\"hi\\" \\\\ there"'


def test_conflicts_are_listed_with_links_to_their_items(graph: nx.MultiDiGraph) -> None:
    [view] = tracer.conflict_views(explore.case_index(graph))
    assert view.conflict.kind == "date"
    assert [i.label for i in view.items] == ["police asked camera owners for footage"]
    assert explore.item_link(view.items[0]) == f"?page=timeline&event={view.items[0].id}"
    assert [explore.item_link(d) for d in view.documents] == [f"?page=documents&doc={d.id}" for d in view.documents]


# ---------------------------------------------------------------------------------------------
# Entities, documents, network


def test_entity_view_has_aliases_events_and_claims(graph: nx.MultiDiGraph) -> None:
    idx = explore.case_index(graph)
    ruiz = explore.entity_view(idx, timeline(graph), _entity(graph, "Ana Ruiz"))
    assert ruiz is not None
    assert ruiz.entity.aliases == ("Chief Ana Ruiz",)
    assert [c.text for c in ruiz.claims_by] == ["We only ask for what helps a case"]
    police = explore.entity_view(idx, timeline(graph), _entity(graph, "City Police"))
    assert police is not None and len(police.rows) == 2
    assert explore.entity_view(idx, [], "ent-nope") is None


def test_document_items_highlight_every_kind_with_links(graph: nx.MultiDiGraph) -> None:
    idx = explore.case_index(graph)
    gazette = _doc(graph, "Gazette")
    marks = views.document_items(idx, gazette)
    assert {m.kind for m in marks} == {"event", "claim", "entity", "citation"}
    body = views.document_html(graph.nodes[gazette]["record"].text, marks)
    assert 'class="tg-hit tg-citation"' in body and 'class="tg-hit tg-claim"' in body
    assert '<mark class="tg-hit tg-entity" title="organization&#58; Daily Ledger">Daily Ledger</mark>' in body
    assert 'href="?page=documents&amp;doc=' in body  # the citation opens the cited document
    assert "<a " not in body.split("</a>")[0][3:]  # links never nest


def test_a_passage_stays_one_mark_around_the_names_in_it() -> None:
    text = "He said Ana Ruiz agreed. Then left."
    marks = [views.Highlight(0, 24, "event", link="?page=timeline&event=evt-1"),
             views.Highlight(8, 16, "person: Ana Ruiz", kind="entity", link="?page=entities&entity=ent-1"),
             views.Highlight(30, 34, "bad", kind="claim", link="javascript:alert(1)")]
    out = views.document_html(text, marks)
    assert out.startswith('<a class="tg-item" href="?page=timeline&amp;event=evt-1" target="_self">'
                          '<mark class="tg-hit" title="event">He said <mark class="tg-hit tg-entity"')
    assert "entities" not in out  # no link inside a link
    assert "javascript" not in out  # only the app's own query strings become links


def test_network_around_a_node(graph: nx.MultiDiGraph) -> None:
    request = _event_id(graph, "police asked camera owners for footage")
    nodes, edges = network.neighbourhood(graph, request, 1)
    kinds = {graph.nodes[n][KIND] for n in nodes}
    assert nodes[0] == request and kinds == {EVENT_KIND, DOCUMENT_KIND, ENTITY_KIND, "conflict"}
    assert all(u in nodes and v in nodes for u, v, _ in edges)
    two, _ = network.neighbourhood(graph, request, 2)
    assert set(nodes) < set(two) and "claim" in {graph.nodes[n][KIND] for n in two}
    assert len(network.neighbourhood(graph, request, 2, limit=5)[0]) == 5
    fig = network.network_figure(graph, explore.case_index(graph), request, 2)
    names = {t.name for t in fig.data if t.name}
    assert {"event", "document", "entity", "claim"} <= names
    symbols = {t.name: t.marker.symbol for t in fig.data if t.name}
    assert len(set(symbols.values())) == len(symbols)  # every kind its own shape
    assert network.neighbourhood(graph, "nope") == ([], [])
    from timeline_graph import graph as graph_module

    every_kind = {v for k, v in vars(graph_module).items() if k.endswith("_KIND") and isinstance(v, str)}
    assert every_kind <= set(network.NODE_STYLE)  # quantities and decisions too
    assert len({network.NODE_STYLE[k] for k in every_kind}) == len(every_kind)


# ---------------------------------------------------------------------------------------------
# The pages, headless


def _markdown(at: Any) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_filters_in_the_url_narrow_the_timeline_and_stay_there(app: Any, graph: nx.MultiDiGraph) -> None:
    app.query_params["disputed"] = "yes"
    app.query_params["lanes"] = "actor"
    app.run()
    assert not app.exception, app.exception
    assert list(app.selectbox(key="_event_widget").options) == ["police asked camera owners for footage · "
                                                                  "16 June 2020 to 16 July 2020"]
    assert any("Showing 1 event of 7" in c.value for c in app.caption)
    assert app.query_params["disputed"] == "yes" and app.query_params["lanes"] == "actor"
    app.text_input(key="_f_text").set_value("nothing like this").run()
    assert any("No event matches" in i.value for i in app.info)
    app.button(key="_f_clear").click().run()
    assert len(app.selectbox(key="_event_widget").options) == 7
    assert "disputed" not in app.query_params


def test_story_buttons_step_through_the_events(app: Any, graph: nx.MultiDiGraph) -> None:
    rows = timeline(graph)
    app.run()
    app.button(key="story_next").click().run()
    assert app.selectbox(key="_event_widget").value == rows[0].id
    app.button(key="story_next").click().run()
    assert app.selectbox(key="_event_widget").value == rows[1].id
    assert "Event 2 of 7" in _markdown(app)
    app.button(key="story_prev").click().run()
    assert app.selectbox(key="_event_widget").value == rows[0].id
    assert app.button(key="story_prev").disabled


def test_every_page_draws_from_the_url(app: Any, graph: nx.MultiDiGraph) -> None:
    request = _event_id(graph, "police asked camera owners for footage")
    pages = {"report-time": "Report time", "claims": "Claim tracer", "conflicts": "Conflicts",
             "entities": "Entities", "network": "Network", "documents": "Documents"}
    for slug, title in pages.items():
        app.query_params.clear()
        app.session_state["_initialised"] = False
        app.query_params["page"] = slug
        app.query_params["node"] = request
        app.run()
        assert not app.exception, (slug, app.exception)
        assert [t.value for t in app.title] == [title]
        assert app.query_params["page"] == slug
        if slug == "report-time":  # the lag comes right after the item, where a narrow window still shows it
            assert list(app.dataframe[0].value.columns[:2]) == ["item", "days later"]


def test_claim_tracer_page_shows_a_cluster(app: Any, graph: nx.MultiDiGraph) -> None:
    claim = next(n for n, d in graph.nodes(data=True) if d[KIND] == "claim" and "voluntary" in d["record"].text)
    app.query_params["page"] = "claims"
    app.query_params["claim"] = claim  # a claim's link opens its cluster
    app.run()
    assert not app.exception, app.exception
    text = _markdown(app)
    assert "the requests were voluntary" in text and "first said" in text
    assert app.get("graphviz_chart")
    cluster = graph.nodes[claim]["record"].cluster
    assert app.query_params["cluster"] == cluster
    app.text_input(key="_claim_query").set_value("help").run()
    assert any("1 claim cluster match" in c.value for c in app.caption)


def test_entity_page_and_document_reader_show_their_items(app: Any, graph: nx.MultiDiGraph) -> None:
    app.query_params["page"] = "entities"
    app.query_params["entity"] = _entity(graph, "Ana Ruiz")
    app.run()
    assert not app.exception, app.exception
    text = _markdown(app)
    assert "Chief Ana Ruiz" in html.unescape(text) and "Claims made" in text
    app.selectbox(key="_entity_widget").set_value(_entity(graph, "City Police")).run()
    request = _event_id(graph, "police asked camera owners for footage")
    mini = _chart_data(app, "entity_timeline")  # its events on a mini timeline
    assert {m[0] for m in mini["marks"]} == {request, _event_id(graph, "The board met to review the program")}
    assert mini["months"] is None
    app.session_state["entity_timeline"] = {"selection": {"ids": [request], "n": 1}}
    app.run()  # a click opens the event on the timeline
    assert [t.value for t in app.title] == ["Timeline"] and app.session_state["event"] == request
    app.radio(key="_page_widget").set_value("Documents").run()
    app.selectbox(key="_doc_widget").set_value(_doc(graph, "Gazette")).run()
    text = _markdown(app)
    assert "tg-citation" in text and "tg-claim" in text and "tg-entity" in text
    assert "sha256" in text


def test_downloads_cover_every_export_format(graph: nx.MultiDiGraph, app: Any) -> None:
    from timeline_graph.app.ui import export_text

    app.run()
    labels = " ".join(str(b.proto.label) for b in app.get("download_button"))
    for name in FORMATS:
        assert f"{name}:" in labels
    assert json.loads(export_text(graph, "json"))["events"]
    assert "@prefix" in export_text(graph, "ttl")


def test_the_app_reads_only_its_case(case_file: Path) -> None:
    import ast

    from timeline_graph.app import APP_PATH

    def own_static(call: ast.Call) -> bool:  # the chart's script and style, read from the package
        target = getattr(call.func, "value", None)
        return isinstance(target, ast.BinOp) and getattr(target.left, "id", None) == "_STATIC"

    def the_case(call: ast.Call) -> bool:  # Case.open: the case the app was started on, to curate it
        return getattr(getattr(call.func, "value", None), "id", None) == "Case"

    opened = []
    for module in APP_PATH.parent.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        opened += [f"{module.name}:{n.lineno}" for n in ast.walk(tree)
                   if isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", "")) in
                   {"open", "read_text", "read_bytes", "urlopen"} and not own_static(n) and not the_case(n)]
    # the pages read nothing themselves: the case comes through case.load_graph (browser.py only
    # probes the test server's health; component.py reads only its static files)
    assert [o for o in opened if not o.startswith("browser.py:")] == []


def test_the_filter_widgets_are_drawn_once_asked_for(app: Any) -> None:
    app.run()
    assert not app.exception, app.exception
    assert app.toggle(key="_filters_open").value is False
    assert "_f_text" not in [t.key for t in app.text_input]  # not sent until wanted
    app.toggle(key="_filters_open").set_value(True).run()
    app.text_input(key="_f_text").set_value("ruiz").run()
    assert list(app.selectbox(key="_event_widget").options) == ["Chief Ana Ruiz spoke to the Ledger · 20 June 2020"]
    assert app.query_params["q"] == "ruiz"


def test_what_the_app_makes_again_after_a_decision_is_what_it_makes_afresh(example_copy: Path) -> None:
    from timeline_graph.case import Case
    from timeline_graph.model import Decision

    case = Case.open(example_copy)  # as the app keeps it: each graph shares what is unchanged
    G = case.live_graph()
    rows, idx = timeline(G), explore.case_index(G)
    lanes = {row.id: row.event.kind for row in rows}
    charts = (chart.timeline_chart(rows), chart.timeline_chart(rows, lanes))
    relabelled, rejected = rows[1].id, rows[3].id
    for action, target, value in (("relabel", relabelled, "Relabelled"), ("reject", rejected, None)):
        case.decide(Decision.create(action=action, targets=(target,), value=value, agent="Ana",
                                    at="2026-11-22T08:00:00Z", reason="checked"))
    H = case.live_graph()
    again = timeline(H, earlier=rows)
    assert again == timeline(H)
    assert explore.case_index(H, idx) == explore.case_index(H)
    for made, lane_of in zip(charts, (None, {row.id: row.event.kind for row in again}), strict=True):
        assert chart.timeline_chart(again, lane_of, earlier=made).data == chart.timeline_chart(again, lane_of).data
    # the row of an event the decisions left alone (the very same record, in the same conflicts)
    # is taken over, not made again; the others are made again
    before = {row.id: row for row in rows}
    alone = {row.id for row in again if row.id in before and before[row.id].event is row.event
             and before[row.id].conflicts == row.conflicts}
    assert {row.id for row in again if row is before.get(row.id)} == alone
    assert relabelled not in alone and len(alone) > len(rows) / 2
    assert rejected not in {row.id for row in again}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=40))
def test_packing_events_into_lines_puts_each_on_the_first_line_free(spans: list[tuple[int, int]]) -> None:
    day = date(2020, 1, 1).toordinal()
    spans_ = [(date.fromordinal(day + a), date.fromordinal(day + a + n)) for a, n in spans]
    frees: list[date] = []
    expected = []
    for first, free in spans_:  # the plain way: look at every line in turn
        line = next((n for n, taken in enumerate(frees) if taken <= first), len(frees))
        frees[line:line + 1] = [free]
        expected.append(line)
    assert chart._pack(spans_) == expected
