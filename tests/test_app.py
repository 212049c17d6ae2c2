"""The Streamlit app: its views as pure functions, and the script run headless with AppTest."""

from __future__ import annotations

import dataclasses
import html
import sys
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from timeline_graph.app import APP_PATH, CASE_ENV, case_path_from, chart, streamlit_command, views
from timeline_graph.app.marks import MARK_FIELDS, day_number
from timeline_graph.case import load_graph
from timeline_graph.export.graphjson import to_json
from timeline_graph.graph import build_graph
from timeline_graph.model import (
    Document,
    Event,
    Participant,
    Records,
    Report,
    Span,
    TimeValue,
    record_id,
)
from timeline_graph.timeline import timeline

from .conftest import make_document

SCRIPT_TEXT = (
    "Leaked memo, pasted as received:\n\n"
    "<script>alert(1)</script> The board met on March 3, 2021 to review [the program](javascript:alert(2)). "
    "Costs were $5 and $6 :red[per] camera.\n"
)


def _doc(text: str, source: str, **metadata: object) -> Document:
    return make_document(text, source, media_type="text/plain", **metadata)


def app_records(sample: Records) -> Records:
    """The sample records plus a hostile document, an exact day, approximate and undated events."""
    first, second = sample.documents
    memo = _doc(SCRIPT_TEXT, "memo.txt", title="Board memo <b>draft</b>", publisher="Anonymous")
    police = sample.entities[0].id

    def event(key: str, label: str, edtf: str | None, doc: Document, exact: str, kind: str = "event") -> Event:
        return Event(
            id=record_id("evt", key), label=label, kind=kind,
            time=TimeValue.from_edtf(edtf) if edtf else None,
            reports=(Report(doc.id, Span.find(doc, exact), None, "test"),),
        )

    extra = (
        event("quote day", "Chief Ana Ruiz spoke to the Ledger", "2020-06-20", first,
              '"We only ask for what helps a case," said Chief Ana Ruiz.', kind="statement"),
        event("about day", "requests said to be voluntary", "2021-02-16~", second,
              "the requests were voluntary", kind="statement"),
        event("2021 usage", "Over 2,000 departments used the service", "2021~", second,
              "Over 2,000 departments used the service in 2021"),
        event("undated", "footage was shared", None, second, "Police spokesman Tom Hale"),
        dataclasses.replace(
            event("board", "The board met to review the program", "2021-03-03", memo,
                  "<script>alert(1)</script> The board met on March 3, 2021"),
            participants=(Participant(police, "subject"),),
        ),
    )
    return dataclasses.replace(sample, documents=(*sample.documents, memo), events=(*sample.events, *extra))


@pytest.fixture
def graph(sample_records: Records) -> nx.MultiDiGraph:
    return build_graph(app_records(sample_records), title="Doorbell *footage* case",
                       base_iri="https://example.org/case/app/", description="Who asked for what, when.")


@pytest.fixture
def case_file(tmp_path: Path, graph: nx.MultiDiGraph) -> Path:
    """The app's test case: a graph JSON export, loaded by the app through case.load_graph."""
    path = tmp_path / "case.json"
    path.write_text(to_json(graph), encoding="utf-8")
    return path


def _event_id(G: nx.MultiDiGraph, label: str) -> str:
    return next(row.id for row in timeline(G) if row.event.label == label)


def _marks(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Event id -> its mark on the chart, by field name."""
    return {m[0]: dict(zip(MARK_FIELDS, m, strict=True)) for m in data["marks"]}


# ---------------------------------------------------------------------------------------------
# Launching


def test_streamlit_command_runs_main_with_the_case_after_double_dash() -> None:
    argv = streamlit_command(Path("some/case"), port=8765)
    assert argv[:5] == [sys.executable, "-m", "timeline_graph.app.server", "run", str(APP_PATH)]
    assert argv[argv.index("--server.port") + 1] == "8765"
    assert argv[argv.index("--server.address") + 1] == "127.0.0.1"
    assert argv[argv.index("--server.headless") + 1] == "true"
    assert argv[argv.index("--browser.gatherUsageStats") + 1] == "false"
    assert argv[argv.index("--client.toolbarMode") + 1] == "minimal"  # no "Deploy" button
    assert argv[-2:] == ["--", "some/case"]
    assert "--server.port" not in streamlit_command(Path("c"))
    assert APP_PATH.name == "main.py" and APP_PATH.is_file()


def test_case_path_comes_from_argv_only_when_running_as_the_app_script() -> None:
    assert case_path_from([str(APP_PATH), "my-case"], {}) == Path("my-case")
    assert case_path_from(["/usr/bin/pytest", "tests/"], {CASE_ENV: "/x/case.json"}) == Path("/x/case.json")
    assert case_path_from(["/usr/bin/pytest", "tests/"], {}) is None


# ---------------------------------------------------------------------------------------------
# Views


def test_safe_text_escapes_html_and_markdown() -> None:
    out = views.safe_text('<script>alert(1)</script> [x](javascript:y) $5 :red[z] a_b *c* "q" \'s\'\nnext')
    for raw in ("<", ">", "[", "]", "(", ")", "$", ":", "_", "*", '"', "'"):
        assert raw not in out.replace("<br>", "")
    assert out.endswith("<br>next")
    assert html.unescape(out.replace("<br>", "\n")).startswith("<script>alert(1)</script>")


def test_day_events_are_dots_and_ranges_are_bars(graph: nx.MultiDiGraph) -> None:
    marks = _marks(chart.timeline_data(timeline(graph)))
    day = marks[_event_id(graph, "Chief Ana Ruiz spoke to the Ledger")]
    assert (day["shape"], day["start"], day["end"]) == ("day", 18433, 18433)  # 20 June 2020
    year = marks[_event_id(graph, "Over 200 departments used the service")]
    assert (year["shape"], year["start"], year["end"]) == ("bar", day_number(date(2019, 1, 1)),
                                                           day_number(date(2019, 12, 31)))
    assert year["end"] - year["start"] + 1 == 365  # a year bar covers every day of 2019, 31 Dec included
    interval = marks[_event_id(graph, "police asked camera owners for footage")]
    assert (interval["shape"], interval["start"]) == ("bar", day_number(date(2020, 6, 16)))
    assert interval["end"] - interval["start"] + 1 == 31
    assert day_number(date(2020, 6, 20)) == 18433


def test_approximate_times_are_drawn_differently(graph: nx.MultiDiGraph) -> None:
    data = chart.timeline_data(timeline(graph))
    marks = _marks(data)
    exact_bar = marks[_event_id(graph, "Over 200 departments used the service")]
    fuzzy_bar = marks[_event_id(graph, "Over 2,000 departments used the service")]
    assert (exact_bar["fuzzy"], fuzzy_bar["fuzzy"]) == (0, 1)
    assert exact_bar["shape"] == fuzzy_bar["shape"] == "bar"
    # one legend entry per kind, sorted
    assert [kind for kind, _ in data["kinds"]] == ["event", "request", "statement"]
    assert data["kinds"][fuzzy_bar["kind"]][0] == data["kinds"][exact_bar["kind"]][0] == "event"
    exact_day = marks[_event_id(graph, "Chief Ana Ruiz spoke to the Ledger")]
    fuzzy_day = marks[_event_id(graph, "requests said to be voluntary")]
    assert (exact_day["shape"], exact_day["fuzzy"]) == ("day", 0)
    assert (fuzzy_day["shape"], fuzzy_day["fuzzy"]) == ("day", 1)


def test_every_dated_event_is_clickable_and_undated_ones_are_listed(graph: nx.MultiDiGraph) -> None:
    rows = timeline(graph)
    data = chart.timeline_data(rows)
    undated = chart.undated_rows(rows)
    assert [r.event.label for r in undated] == ["footage was shared"]
    assert [m[0] for m in data["marks"]] == [r.id for r in rows if r not in undated]
    assert data["labelled"] and [label for _, label in data["lanes"]] == [m[8] for m in data["marks"]]
    # from 1 January 2019 to the end of "2021~"
    assert data["extent"] == [day_number(date(2019, 1, 1)), day_number(date(2021, 12, 31)) + 1]


def test_disputed_event_is_marked_with_each_sources_date(graph: nx.MultiDiGraph) -> None:
    event_id = _event_id(graph, "police asked camera owners for footage")
    data = chart.timeline_data(timeline(graph))
    assert {i: m["disputed"] for i, m in _marks(data).items() if m["disputed"]} == {event_id: 1}
    index = [m[0] for m in data["marks"]].index(event_id)
    assert sorted(data["stated"]) == [[index, day_number(date(2020, 6, 16)), "a source gives 16 June 2020"],
                                      [index, day_number(date(2020, 7, 16)), "a source gives 16 July 2020"]]
    assert _marks(data)[event_id]["sources"] == 2


def test_selection_of_reads_the_chart_and_a_plotly_selection() -> None:
    assert chart.selection_of({"selection": {"ids": ["evt-2", "evt-1", "evt-2", 7, None], "n": 3}}) == (
        ("evt-2", "evt-1"), 3)
    plotly = {"selection": {"points": [{"customdata": ["evt-1", "a", "b"]}, {"customdata": ["evt-1"]},
                                       {"customdata": "evt-2"}, {"x": 1}, None, {"customdata": []}],
                            "box": [], "lasso": []}}
    assert chart.selection_of(plotly) == (("evt-1", "evt-2"), None)
    assert chart.selected_event_ids(plotly) == ["evt-1", "evt-2"]
    garbage: list[Any] = [None, "evt-1", [], 3, {}, {"selection": None}, {"selection": ["evt-1"]},
                          {"selection": {"points": []}}, {"selection": {"ids": "evt-1"}},
                          {"selection": {"points": [None, "evt-1", {"customdata": None}]}}]
    for state in garbage:
        assert chart.selection_of(state)[0] == (), state
        assert chart.selected_event_ids(state) == []


def test_passage_is_escaped_in_context_with_the_cited_words_marked() -> None:
    text = "x" * 50 + " before <b>bold</b> the cited words after " + "y " * 200
    start = text.index("the cited words")
    out = views.passage_html(text, start, start + len("the cited words"), context=30)
    assert '<mark class="tg-hit">the cited words</mark>' in out
    assert "&lt;b&gt;bold&lt;/b&gt;" in out and "<b>" not in out
    assert out.startswith("…") and out.endswith("…")


def test_document_html_merges_overlapping_highlights() -> None:
    text = "alpha beta gamma delta"
    out = views.document_html(text, [views.Highlight(6, 16, "one"), views.Highlight(11, 22, "two", current=True)])
    assert out == ('alpha <mark class="tg-hit" title="one">beta </mark>'
                   '<mark class="tg-hit tg-current" title="one; two">gamma</mark>'
                   '<mark class="tg-hit tg-current" title="two"> delta</mark>')


def test_event_detail_gathers_sources_participants_claims_and_conflicts(graph: nx.MultiDiGraph) -> None:
    detail = views.event_detail(graph, _event_id(graph, "police asked camera owners for footage"))
    assert detail is not None
    assert detail.when == "16 June 2020 to 16 July 2020"
    assert detail.participants == (("City Police", "agent"),)
    assert [r.publisher for r in detail.reports] == ["Daily Ledger", "Gazette"]
    assert [r.stated for r in detail.reports] == ["16 June 2020", "16 July 2020"]
    assert '<mark class="tg-hit">City police asked camera owners for footage on June 16, 2020</mark>' in \
        detail.reports[0].passage
    assert [c.kind for c in detail.conflicts] == ["date"]
    assert {c.claimant for c in detail.claims} == {"Ana Ruiz", "Police spokesman Tom Hale"}
    assert views.event_detail(graph, "evt-missing") is None


def test_event_passage_from_a_hostile_document_is_escaped(graph: nx.MultiDiGraph) -> None:
    detail = views.event_detail(graph, _event_id(graph, "The board met to review the program"))
    assert detail is not None
    passage = detail.reports[0].passage
    assert "<script>" not in passage and "&lt;script&gt;" in passage
    assert detail.reports[0].title == "Board memo <b>draft</b>"  # escaped when drawn, not before


def test_document_table_and_highlights(graph: nx.MultiDiGraph) -> None:
    table = views.document_table(graph)
    assert [row["title"] for row in table] == ["Board memo <b>draft</b>", "Footage requests, explained",
                                                "Police seek doorbell footage"]
    assert all(len(row["sha256"]) == 64 for row in table)
    ledger = next(row["id"] for row in table if row["publisher"] == "Daily Ledger")
    marks = views.document_highlights(graph, ledger)
    assert [m.title.split(" (")[0] for m in marks] == [
        "police asked camera owners for footage", "Chief Ana Ruiz spoke to the Ledger",
        "Over 200 departments used the service"]
    assert not any(m.current for m in marks)
    assert [m.current for m in views.document_highlights(graph, ledger, current=_event_id(
        graph, "Chief Ana Ruiz spoke to the Ledger"))] == [False, True, False]


def test_case_summary_counts(graph: nx.MultiDiGraph) -> None:
    summary = views.case_summary(graph)
    assert summary.title == "Doorbell *footage* case"
    assert dict(summary.counts) == {"documents": 3, "events": 7, "entities": 3, "claims": 2, "conflicts": 1}


# ---------------------------------------------------------------------------------------------
# The script, headless


@pytest.fixture
def app(case_file: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(CASE_ENV, str(case_file))
    return AppTest.from_file(str(APP_PATH), default_timeout=60)


def _markdown(at) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(m.value) for m in at.markdown)


def _chart_data(at, key: str = "timeline") -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The data the page sent to the timeline component with ``key`` (its proto's JSON)."""
    import json

    [element] = [c for c in at.get("bidi_component") if c.proto.id.endswith(f"-{key}")]
    assert element.proto.component_name == "timeline_graph_timeline"
    return dict(json.loads(element.proto.json))


def test_app_loads_the_case_and_shows_the_timeline(app, case_file: Path, graph: nx.MultiDiGraph) -> None:  # type: ignore[no-untyped-def]
    assert load_graph(case_file).graph["case"]["title"] == "Doorbell *footage* case"
    app.run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Timeline"]
    data = _chart_data(app)
    assert sorted(m[0] for m in data["marks"]) == sorted(r.id for r in timeline(graph) if r.start or r.end)
    assert data["selected"] is None and data["window"] is None and data["months"]
    sidebar = "".join(str(m.value) for m in app.sidebar.markdown)
    assert "Doorbell &#42;footage&#42; case" in sidebar
    assert '<svg class="tg-years"' in sidebar  # dated events per year
    assert "<title>2021: 3 events</title>" in sidebar
    assert app.radio(key="_page_widget").value == "Timeline"
    assert len(app.selectbox(key="_event_widget").options) == 7
    assert "footage was shared" in _markdown(app)  # the undated event is listed
    assert app.query_params["page"] == "timeline"


def test_clicking_an_event_on_the_chart_shows_its_details(app, graph: nx.MultiDiGraph) -> None:  # type: ignore[no-untyped-def]
    event_id = _event_id(graph, "police asked camera owners for footage")
    app.run()
    app.session_state["timeline"] = {"selection": {"ids": [event_id], "n": 1}}
    app.run()
    assert not app.exception, app.exception
    assert app.selectbox(key="_event_widget").value == event_id
    text = _markdown(app)
    assert '<mark class="tg-hit">City police asked camera owners for footage on June 16, 2020</mark>' in text
    assert "Daily Ledger" in text and "Gazette" in text
    assert any("Sources disagree" in w.value for w in app.warning)
    assert app.query_params["event"] == event_id


def test_a_box_selection_shows_the_first_event_and_says_how_many(app, graph: nx.MultiDiGraph) -> None:  # type: ignore[no-untyped-def]
    first = _event_id(graph, "Over 200 departments used the service")
    second = _event_id(graph, "Chief Ana Ruiz spoke to the Ledger")
    app.run()
    app.session_state["timeline"] = {"selection": {"ids": [first, second], "n": 1}}
    app.run()
    assert not app.exception, app.exception
    assert app.selectbox(key="_event_widget").value == first
    assert _chart_data(app)["selected"] == first
    assert any("2 events selected" in i.value for i in app.info)


def test_picking_an_event_in_the_selectbox_shows_its_details(app, graph: nx.MultiDiGraph) -> None:  # type: ignore[no-untyped-def]
    event_id = _event_id(graph, "The board met to review the program")
    app.run()
    app.selectbox(key="_event_widget").set_value(event_id).run()
    assert not app.exception, app.exception
    text = _markdown(app)
    assert "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt; The board met on March 3" in text
    assert "<script>" not in text
    assert "Board memo &lt;b&gt;draft&lt;/b&gt;" in text


def test_a_report_opens_its_document_in_the_reader(app, graph: nx.MultiDiGraph) -> None:  # type: ignore[no-untyped-def]
    event_id = _event_id(graph, "The board met to review the program")
    memo = next(row["id"] for row in views.document_table(graph) if row["publisher"] == "Anonymous")
    app.run()
    app.selectbox(key="_event_widget").set_value(event_id).run()
    app.button(key=f"open-{event_id}-0").click().run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Documents"]
    assert app.selectbox(key="_doc_widget").value == memo
    assert app.query_params["page"] == "documents" and app.query_params["doc"] == memo
    text = _markdown(app)
    assert "<script>" not in text
    assert '<mark class="tg-hit tg-current"' in text  # the selected event's passage stands out
    assert "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in text
    assert "&#91;the program&#93;&#40;javascript&#58;alert&#40;2&#41;&#41;" in text
    assert "&#36;5 and &#36;6 &#58;red&#91;per&#93;" in text


def test_query_params_open_a_page_event_and_document(app, graph: nx.MultiDiGraph) -> None:  # type: ignore[no-untyped-def]
    ledger = next(row["id"] for row in views.document_table(graph) if row["publisher"] == "Daily Ledger")
    app.query_params["page"] = "documents"
    app.query_params["doc"] = ledger
    app.run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Documents"]
    assert "Police seek doorbell footage" in _markdown(app)
    app.button(key=f"show-{ledger}-0").click().run()
    assert [t.value for t in app.title] == ["Timeline"]
    assert app.selectbox(key="_event_widget").value == _event_id(graph, "police asked camera owners for footage")


def test_unknown_ids_in_the_url_are_ignored(app) -> None:  # type: ignore[no-untyped-def]
    app.query_params["page"] = "nowhere"
    app.query_params["event"] = "evt-nope"
    app.run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Timeline"]
    assert app.selectbox(key="_event_widget").value is None


def test_a_case_that_is_not_built_shows_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(CASE_ENV, str(tmp_path))
    at = AppTest.from_file(str(APP_PATH), default_timeout=60).run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and "timeline-graph build" in html.unescape(at.error[0].value)
    assert not at.get("bidi_component")


# ---------------------------------------------------------------------------------------------
# A case folder built from Markdown files, the way `timeline-graph build` makes one

TOWN_CRIER = """---
title: Council hears about camera requests
publisher: Town Crier
published: 2021-03-10
---

The town police asked residents for doorbell video on March 2, 2021, according to the council minutes.

A resident pasted <script>alert(1)</script> into the public comment form last summer.
"""
VALLEY_POST = """---
title: Camera program grows
publisher: Valley Post
published: 2021-04-01
---

The police department said it asked residents for doorbell video on March 3, 2021.
"Participation is voluntary," said Chief Lee Park.
"""


@pytest.fixture
def built_case(tmp_path: Path) -> Path:
    from timeline_graph.case import Case

    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "case.yaml").write_text("title: Camera requests\nbase_iri: https://example.org/case/md/\n")
    (folder / "crier.md").write_text(TOWN_CRIER, encoding="utf-8")
    (folder / "post.md").write_text(VALLEY_POST, encoding="utf-8")
    report = Case.open(folder).build()
    assert report.ok, report.problems
    return folder


def test_app_shows_a_built_case_folder(built_case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    G = load_graph(built_case)
    rows = timeline(G)
    assert rows, "the extractors found no event in the test case"
    monkeypatch.setenv(CASE_ENV, str(built_case))
    at = AppTest.from_file(str(APP_PATH), default_timeout=60).run()
    assert not at.exception, at.exception
    assert {m[0] for m in _chart_data(at)["marks"]} == {r.id for r in rows if r.start or r.end}
    assert "Camera requests" in "".join(str(m.value) for m in at.sidebar.markdown)
    for row in rows:  # every event opens, its cited words marked, nothing unescaped
        at.selectbox(key="_event_widget").set_value(row.id).run()
        assert not at.exception, at.exception
        text = _markdown(at)
        assert '<mark class="tg-hit">' in text
        assert "<script>" not in text
    crier = next(row["id"] for row in views.document_table(G) if row["publisher"] == "Town Crier")
    at.radio(key="_page_widget").set_value("Documents").run()
    at.selectbox(key="_doc_widget").set_value(crier).run()
    text = _markdown(at)
    assert "A resident pasted &lt;script&gt;alert&#40;1&#41;&lt;/script&gt; into" in text
    assert "<script>" not in text + "".join(str(m.value) for m in at.sidebar.markdown)


def test_many_events_are_packed_into_lanes_per_kind() -> None:
    text = "word " * 400
    doc = _doc(text, "many.txt")
    many = []
    for i in range(120):
        day = date(2019, 1, 1) + (date(2019, 1, 4) - date(2019, 1, 1)) * i
        time = TimeValue.of_day(day) if i % 2 else TimeValue.from_edtf(f"{day.year}-{day.month:02d}")
        many.append(Event(id=record_id("evt", i), label=f"event {i}", time=time, kind=("a", "b")[i % 2],
                          reports=(Report(doc.id, Span.at(doc, 5 * i, 5 * i + 4)),)))
    rows = timeline(build_graph(Records(documents=(doc,), events=tuple(many))))
    data = chart.timeline_data(rows)
    assert not data["labelled"]
    [[a_top, a], [b_top, b]] = data["lanes"]  # lanes labelled by kind, labels on hover
    assert (a_top, a, b) == (0, "a", "b") and data["lines"] * data["line_height"] < 800
    kinds = [kind for kind, _ in data["kinds"]]
    placed: dict[int, list[tuple[int, int]]] = {}
    for m in _marks(data).values():
        assert (m["line"] < b_top) == (kinds[m["kind"]] == "a")  # in its kind's lane
        for start, end in placed.get(m["line"], []):  # no two events of a line overlap
            assert m["end"] < start or end < m["start"]
        placed.setdefault(m["line"], []).append((m["start"], m["end"]))
    assert sum(len(v) for v in placed.values()) == 120
    assert 2 < len(placed) < 120  # packed: lines are shared


def test_the_selected_event_is_on_the_chart_whichever_way_it_was_chosen(app, graph: nx.MultiDiGraph) -> None:  # type: ignore[no-untyped-def]
    request = _event_id(graph, "police asked camera owners for footage")
    board = _event_id(graph, "The board met to review the program")
    app.query_params["event"] = board
    app.run()  # a link
    assert _chart_data(app)["selected"] == board
    app.session_state["timeline"] = {"selection": {"ids": [request], "n": 1}}
    app.run()  # a click on the chart
    assert _chart_data(app)["selected"] == request
    app.selectbox(key="_event_widget").set_value(board).run()  # the picker
    assert _chart_data(app)["selected"] == board
    app.session_state["timeline"] = {"selection": {"ids": [request], "n": 2}}
    app.run()  # the same event clicked again after another was picked
    assert _chart_data(app)["selected"] == request
    app.button(key="story_next").click().run()  # the story steps
    assert _chart_data(app)["selected"] == app.session_state["event"] not in (request, None)
    assert not app.exception, app.exception


def test_a_large_case_picker_searches_instead_of_listing_every_event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from timeline_graph.app import explore

    text = "word " * 2000
    doc = _doc(text, "many.txt")
    n = explore.PICKER_LIMIT + 100
    many = tuple(Event(id=record_id("evt", i), label=f"{('ferry', 'bridge', 'tunnel')[i % 3]} works {i}",
                       time=TimeValue.of_day(date(2019, 1, 1).fromordinal(737000 + i)),
                       reports=(Report(doc.id, Span.at(doc, 5 * i, 5 * i + 4)),)) for i in range(n))
    path = tmp_path / "many.json"
    path.write_text(to_json(build_graph(Records(documents=(doc,), events=many))), encoding="utf-8")
    monkeypatch.setenv(CASE_ENV, str(path))
    at = AppTest.from_file(str(APP_PATH), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    options = at.selectbox(key="_event_widget").options
    assert len(options) == explore.SHORTLIST < n  # the latest events only, not all of them
    assert options[-1].startswith(f"{('ferry', 'bridge', 'tunnel')[(n - 1) % 3]} works {n - 1} ")
    at.text_input(key="_event_query").input("tunnel 41").run()
    options = at.selectbox(key="_event_widget").options
    assert len(options) == 6 and all(o.startswith("tunnel works ") and "41" in o for o in options)
    target = next(e.id for e in many if e.label == "tunnel works 413")
    at.selectbox(key="_event_widget").set_value(target).run()
    assert at.session_state["event"] == target
    assert "tunnel works 413" in "".join(h.value for h in at.markdown)
    at.text_input(key="_event_query").input("").run()  # no words: the events around the selected one
    options = at.selectbox(key="_event_widget").options
    assert len(options) == explore.SHORTLIST and any(o.startswith("tunnel works 413 ") for o in options)


def test_curators_decisions_show_on_the_event_the_document_and_the_conflict(
        sample_records: Records, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from timeline_graph.curate import curate
    from timeline_graph.model import Decision

    request = sample_records.events[0]
    ledger = sample_records.documents[0]
    conflict = sample_records.conflicts[0]
    made = [
        Decision.create(action="redate", targets=(request.id,), agent="<i>Dana</i>", at="2026-03-02T09:31:00Z",
                        time=TimeValue.from_edtf("2020-06-16"), reason="the <b>filing</b> says June"),
        Decision.create(action="grade", targets=(ledger.id,), agent="Dana", at="2026-03-02T09:40:00Z", value="B2"),
        Decision.create(action="accept", targets=(conflict.id,), agent="Dana", at="2026-03-02T09:50:00Z",
                        reason="a real disagreement"),
    ]
    curated, skipped = curate(sample_records, made)
    assert skipped == []
    G = build_graph(curated, title="Curated", base_iri="https://example.org/case/curated/")
    path = tmp_path / "case.json"
    path.write_text(to_json(G), encoding="utf-8")
    monkeypatch.setenv(CASE_ENV, str(path))
    at = AppTest.from_file(str(APP_PATH), default_timeout=60)
    at.run()
    at.selectbox(key="_event_widget").set_value(request.id).run()
    assert not at.exception, at.exception
    text = _markdown(at)
    assert ("<b>Re&#45;dated to 16 June 2020</b> by &lt;i&gt;Dana&lt;/i&gt; on 2 March 2026: "
            "the &lt;b&gt;filing&lt;/b&gt; says June") in text  # shown, and escaped
    assert "<b>Accepted</b> by Dana on 2 March 2026: a real disagreement" in text  # under the conflict
    reader = AppTest.from_file(str(APP_PATH), default_timeout=60)
    reader.query_params["page"] = "documents"
    reader.query_params["doc"] = ledger.id
    reader.run()
    assert ("<b>Graded B2</b> (source usually reliable, information probably true) by Dana on 2 March 2026"
            in _markdown(reader))
    assert {r["id"]: r["grade"] for r in views.document_table(G)}[ledger.id] == "B2"
    listed = AppTest.from_file(str(APP_PATH), default_timeout=60)
    listed.query_params["page"] = "conflicts"
    listed.run()
    assert "<b>Accepted</b> by Dana" in _markdown(listed)


def test_the_app_shows_a_banner_when_files_changed_since_the_build(built_case: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from timeline_graph.app import ui

    monkeypatch.setenv(CASE_ENV, str(built_case))
    at = AppTest.from_file(str(APP_PATH), default_timeout=60).run()
    assert not at.exception and not at.warning
    (built_case / "post.md").write_text(VALLEY_POST + "\nA correction was added.\n", encoding="utf-8")
    (built_case / "late.md").write_text("The board met again on May 3, 2021.\n", encoding="utf-8")
    ui.stale.clear()  # the app looks again every ten seconds; the test does not wait
    at = AppTest.from_file(str(APP_PATH), default_timeout=60).run()
    assert not at.exception, at.exception
    (banner,) = at.warning
    text = html.unescape(banner.value)
    assert "2 files changed since the last build" in text and "post.md" in text and "late.md" in text
    assert "timeline-graph build" in text


def test_the_key_dates_page_lists_days_with_links_to_their_events(app, graph: nx.MultiDiGraph) -> None:  # type: ignore[no-untyped-def]
    from timeline_graph.keydates import key_dates

    app.query_params["page"] = "key-dates"
    app.run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Key dates"]
    first = key_dates(graph, 1)[0]
    text = _markdown(app)
    assert views.safe_text(first.summary) in text
    assert f"?page=timeline&amp;event={first.events[0].id}" in text


def test_a_large_case_opens_on_its_key_dates(app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from timeline_graph.app import page_keydates

    monkeypatch.setattr(page_keydates, "LARGE_CASE", 1)
    app.run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Key dates"]
    assert app.query_params["page"] == "key-dates"


def test_a_large_case_opens_on_its_key_dates_without_making_the_timeline(  # type: ignore[no-untyped-def]
        app, case_file: Path, graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_graph.app import page_keydates, ui

    monkeypatch.setattr(page_keydates, "LARGE_CASE", 1)
    app.run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Key dates"]
    # only what the page shows is made: neither the timeline rows nor the case index
    d = ui.derive(str(case_file.resolve()), ui.stamp(case_file))
    assert d.made("rows") is None and d.made("index") is None
    # the sidebar's chart of events per year, made from the events, is the one the rows give
    sidebar = "".join(str(m.value) for m in app.sidebar.markdown)
    assert chart.years_svg(timeline(graph)) in sidebar
    assert d.made("rows") is None
    app.radio(key="_page_widget").set_value("Timeline").run()
    assert not app.exception, app.exception
    assert d.made("rows") is not None and [r.id for r in d.rows] == [r.id for r in timeline(graph)]


def test_the_server_loads_the_case_and_its_opening_page_before_the_first_visit(  # type: ignore[no-untyped-def]
        app, case_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_graph.app import opening, page_keydates, server, ui

    monkeypatch.setattr(page_keydates, "LARGE_CASE", 1)
    server.preload(case_file)

    def not_again(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the first visit made again what the server made")

    monkeypatch.setattr(ui, "load_graph", not_again)
    monkeypatch.setattr(opening, "key_dates", not_again)
    app.run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Key dates"]
    assert any("recalling it later" in str(m.value) for m in app.markdown)  # its key dates drawn
    assert server.case_of(streamlit_command(case_file)[3:]) == case_file
