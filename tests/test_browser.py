"""The app in a real browser: Debian's Chromium driven by Playwright against `streamlit run`.

Run with ``pytest -m browser``; skipped where ``/usr/bin/chromium`` or the playwright package is
missing. The server is started exactly as the CLI starts it (``streamlit_command``). The timeline
chart is read through its DOM contract (``static/timeline.js``): ``div[data-tg-timeline]`` with
``data-view`` ("lo,hi" in days since 1970-01-01) and ``data-selected``, ``.tg-tl-mark[data-event]``
for each event, ``circle.tg-tl-selected`` for the ring.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from tests.conftest import sample_records
from tests.test_app import app_records
from timeline_graph.app.browser import (
    CHART,
    CHROMIUM,
    click_event,
    launch_chromium,
    mark_of,
    point_at_event,
    serve,
    wait_for_chart,
)
from timeline_graph.app.browser import choose as _choose
from timeline_graph.app.browser import fill as _fill
from timeline_graph.app.browser import settled as _settled
from timeline_graph.export.graphjson import to_json
from timeline_graph.graph import build_graph
from timeline_graph.model import Event, Records, Report, Span, TimeValue, record_id
from timeline_graph.timeline import timeline

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="the playwright package is missing (pip install playwright)"),
]

CITED = '"We only ask for what helps a case," said Chief Ana Ruiz.'
#: An event label a hostile document could give: shown on the chart, it must stay text.
HOSTILE_LABEL = "<img src=x onerror=alert(3)>Board <script>alert(4)</script> vote"


@pytest.fixture(scope="module")
def records() -> Records:
    # the sample_records fixture is function-scoped; its function is called once for this module
    base = app_records(cast(Any, sample_records).__wrapped__())
    memo = next(d for d in base.documents if d.source == "memo.txt")
    hostile = Event(id=record_id("evt", "hostile label"), label=HOSTILE_LABEL, kind="event",
                    time=TimeValue.from_edtf("2021-03-10"),
                    reports=(Report(memo.id, Span.find(memo, "Costs were $5 and $6"), None, "test"),))
    return dataclasses.replace(base, events=(*base.events, hostile))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, records: Records) -> Iterator[str]:
    """The app serving the test case on a free loopback port; stopped when the module ends."""
    G = build_graph(records, title="Browser test case", base_iri="https://example.org/case/browser/")
    path = tmp_path_factory.mktemp("browser") / "case.json"
    path.write_text(to_json(G), encoding="utf-8")
    with serve(path) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records every dialog (an alert would mean document HTML ran)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.dialogs = []

    def on_dialog(dialog: Any) -> None:
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_default_timeout(30_000)
    yield page
    context.close()


def _event(records: Records, label: str) -> str:
    return next(e.id for e in records.events if e.label == label)


def _doc(records: Records, source: str) -> str:
    return next(d.id for d in records.documents if d.source == source)


def _dated(records: Records) -> list[str]:
    """The dated events' ids, in timeline order (the order of the chart's marks)."""
    return [row.id for row in timeline(build_graph(records)) if row.start or row.end]


# ---------------------------------------------------------------------------------------------
# Reading the chart through its DOM


def _chart_ids(page: Any) -> list[str]:
    """The events with a mark on the chart (drawn or outside the window shown)."""
    wait_for_chart(page)
    return cast(list[str], page.eval_on_selector(
        CHART, "root => [...root.querySelectorAll('.tg-tl-mark')].map(m => m.dataset.event)"))


def _view(page: Any) -> tuple[float, float]:
    """The days shown, from the chart's ``data-view``."""
    lo, hi = page.locator(CHART).first.get_attribute("data-view").split(",")
    return float(lo), float(hi)


def _view_changes(page: Any, before: tuple[float, float]) -> tuple[float, float]:
    """Wait until the chart shows another stretch of time than ``before``; the new one."""
    page.wait_for_function(
        "([sel, v]) => { const r = document.querySelector(sel); return r && r.dataset.view && "
        "r.dataset.view !== v; }", arg=[CHART, f"{before[0]:.3f},{before[1]:.3f}"])
    return _view(page)


def _box(locator: Any) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not drawn"
    return cast(dict[str, float], box)


def _centre(locator: Any) -> tuple[float, float]:
    box = _box(locator)
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _events_area(page: Any) -> dict[str, float]:
    """Where the events are drawn (the plot's white background), in page pixels."""
    return _box(page.locator(f"{CHART} .tg-tl-bg").first)


def _drag(page: Any, start: tuple[float, float], end: tuple[float, float], *, steps: int = 8) -> None:
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=steps)
    page.mouse.up()


def _displayed(page: Any, event_id: str) -> bool:
    return cast(bool, mark_of(page, event_id).evaluate("m => getComputedStyle(m).display !== 'none'"))


# Where the "selected event" ring is drawn, in page pixels, and the event it rings (None: no ring).
_RING_JS = """
sel => {
  const root = document.querySelector(sel);
  const ring = root && root.querySelector('circle.tg-tl-selected');
  if (!ring) return null;
  const box = ring.getBoundingClientRect();
  return {id: ring.dataset.event, x: box.left + box.width / 2, y: box.top + box.height / 2,
          size: box.width, stroke: getComputedStyle(ring).stroke, text: getComputedStyle(root).color,
          selected: root.dataset.selected,
          lines: root.querySelectorAll('.tg-tl-ringline').length};
}
"""


def _ring(page: Any, event_id: str) -> dict[str, Any]:
    page.wait_for_function(f"sel => {{ const r = ({_RING_JS})(sel); return r && r.id === '{event_id}'; }}",
                           arg=CHART)
    return cast(dict[str, Any], page.evaluate(_RING_JS, CHART))


# ---------------------------------------------------------------------------------------------
# The pages, as a reader uses them


def test_clicking_a_marker_shows_the_cited_words_and_the_link_opens_the_document(
    server: str, page: Any, records: Records
) -> None:
    event_id = _event(records, "Chief Ana Ruiz spoke to the Ledger")
    page.goto(server)
    wait_for_chart(page)
    click_event(page, event_id)

    details = page.locator(".st-key-event_details")
    details.wait_for()
    passage = details.locator(".tg-passage").first  # the first source's words (claims follow)
    mark = passage.locator("mark.tg-hit")
    mark.wait_for()
    assert mark.inner_text() == CITED
    assert "the Daily Ledger reported." in passage.inner_text()  # the words around it too
    page.wait_for_url(re.compile(rf"event={event_id}"))

    details.get_by_role("button", name="Open in the document reader").first.click()
    reader = page.locator(".st-key-document_reader")
    reader.locator("mark.tg-current", has_text=CITED).wait_for()
    assert reader.locator("h3").first.inner_text() == "Police seek doorbell footage"
    page.wait_for_url(re.compile(rf"page=documents.*doc={_doc(records, 'ledger.md')}"))
    assert page.dialogs == []


def test_the_picker_selects_an_event_too(server: str, page: Any, records: Records) -> None:
    page.goto(server)
    wait_for_chart(page)
    picker = page.locator('.st-key-_event_widget [data-testid="stSelectbox"]')
    picker.click()
    page.get_by_role("option", name=re.compile("requests said to be voluntary")).click()
    details = page.locator(".st-key-event_details")
    details.locator(".tg-passage").first.get_by_text("the requests were voluntary", exact=True).wait_for()
    assert "approximate" in details.inner_text()


def test_a_conflict_is_explained_with_both_sources(server: str, page: Any, records: Records) -> None:
    page.goto(f"{server}/?event={_event(records, 'police asked camera owners for footage')}")
    details = page.locator(".st-key-event_details")
    details.get_by_text("Sources disagree").wait_for()
    details.locator(".tg-passage mark.tg-hit").nth(1).wait_for()  # both sources' words
    text = details.inner_text()
    assert "June 16, 2020" in text and "July 16, 2020" in text


def test_a_document_with_a_script_renders_inert(server: str, page: Any, records: Records) -> None:
    memo = _doc(records, "memo.txt")
    page.goto(f"{server}/?page=documents&doc={memo}")
    reader = page.locator(".st-key-document_reader")
    reader.locator(".tg-reader").wait_for()
    body = reader.locator(".tg-reader")
    assert "<script>alert(1)</script> The board met on March 3, 2021" in body.inner_text()
    assert "[the program](javascript:alert(2))" in body.inner_text()
    assert "$5 and $6 :red[per] camera" in body.inner_text()
    assert reader.get_by_text("Board memo <b>draft</b>").count() >= 1
    assert body.locator("script, a:not(.tg-item), b, img").count() == 0  # only the app's own item links
    hrefs = body.locator("a.tg-item").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.startswith("?page=") for h in hrefs)
    assert page.locator("text=<script>alert(1)</script>").first.is_visible()
    page.wait_for_timeout(500)
    assert page.dialogs == []


def test_every_dated_event_is_on_the_chart(server: str, page: Any, records: Records) -> None:
    dated = _dated(records)
    page.goto(server)
    assert _chart_ids(page) == dated  # each once, in time order
    # the whole case fits: every mark is drawn, inside the events area
    area = _events_area(page)
    for event_id in dated:
        assert _displayed(page, event_id), event_id
        x, y = _centre(mark_of(page, event_id))
        assert area["x"] <= x <= area["x"] + area["width"] and area["y"] <= y <= area["y"] + area["height"]
    _assert_months_inside_the_overview(page)


def _assert_months_inside_the_overview(page: Any) -> None:
    """The overview's bars (events per month) are drawn inside it: a month begun before the case's
    range, or ending after it, is cut at the edge, not drawn over the caption beside it."""
    overview = _box(page.locator(f"{CHART} .tg-tl-ovbg"))
    months = page.locator(f"{CHART} g.tg-tl-overview rect:not([class])")
    assert months.count() >= 1
    for month in months.all():
        box = _box(month)
        assert overview["x"] - 0.5 <= box["x"] and box["x"] + box["width"] <= overview["x"] + overview["width"] + 0.5


def test_a_link_with_filters_restores_the_view_and_filters_narrow_the_chart(
    server: str, page: Any, records: Records
) -> None:
    request = _event(records, "police asked camera owners for footage")
    page.goto(f"{server}/?disputed=yes&lanes=actor&event={request}")
    assert _chart_ids(page) == [request]
    _assert_months_inside_the_overview(page)  # one event from 16 June: June begins before the chart
    page.locator(".st-key-event_details").get_by_text("Sources disagree").wait_for()
    lanes = page.locator(f"{CHART} g.tg-tl-lanes text").all_text_contents()
    assert "City Police" in lanes  # lanes by actor
    page.locator(".st-key-_f_clear button").click()
    page.wait_for_function(  # drawn again with every event
        "sel => document.querySelectorAll(sel + ' .tg-tl-mark').length > 1", arg=CHART)
    assert set(_chart_ids(page)) == set(_dated(records))
    page.wait_for_url(re.compile(r"^(?!.*disputed=)"))


def test_story_steps_and_the_claim_tracer(server: str, page: Any, records: Records) -> None:
    total = len(timeline(build_graph(records)))
    page.goto(server)
    wait_for_chart(page)
    page.get_by_role("button", name="Next event ▶").click()
    page.get_by_text(f"Event 1 of {total}").wait_for()
    first = page.locator(".st-key-event_details h3").first.inner_text()
    page.get_by_role("button", name="Next event ▶").click()
    page.get_by_text(f"Event 2 of {total}").wait_for()
    page.wait_for_function(  # the details follow the step (they may be drawn a moment after its count)
        "t => { const h = document.querySelector('.st-key-event_details h3'); return h && h.innerText !== t; }",
        arg=first)
    page.get_by_role("button", name="◀ Previous event").click()
    page.get_by_text(f"Event 1 of {total}").wait_for()
    page.wait_for_function("t => document.querySelector('.st-key-event_details h3').innerText === t", arg=first)

    cluster = next(c.cluster for c in records.claims if "voluntary" in c.text)
    page.goto(f"{server}/?page=claims&cluster={cluster}")
    trace = page.locator(".st-key-claim_trace")
    trace.get_by_text("first said").first.wait_for()
    trace.locator("svg text", has_text="said in").first.wait_for()  # the Graphviz graph is drawn
    assert "Gazette" in trace.inner_text()


def test_items_in_the_reader_link_to_their_pages(server: str, page: Any, records: Records) -> None:
    page.goto(f"{server}/?page=documents&doc={_doc(records, 'gazette.md')}")
    reader = page.locator(".st-key-document_reader")
    reader.locator("mark.tg-citation").first.wait_for()
    reader.locator("a.tg-item", has=page.locator("mark.tg-citation")).first.click()
    page.wait_for_url(re.compile(rf"doc={_doc(records, 'ledger.md')}"))
    page.locator(".st-key-document_reader h3", has_text="Police seek doorbell footage").wait_for()
    assert page.dialogs == []


def test_the_selected_event_is_ringed_on_the_chart(server: str, page: Any, records: Records) -> None:
    ruiz = _event_id_with_day(records, "Chief Ana Ruiz spoke to the Ledger")
    page.goto(server)
    wait_for_chart(page)
    assert page.evaluate(_RING_JS, CHART) is None  # nothing selected yet
    x, y = point_at_event(page, ruiz)
    page.mouse.click(x, y)
    ring = _ring(page, ruiz)
    assert abs(ring["x"] - x) < 3 and abs(ring["y"] - y) < 3  # drawn on the clicked marker
    # big, and in the theme's text colour (dark on the default light page): it stands out
    assert ring["size"] > 20 and ring["stroke"] == ring["text"]
    assert sum(int(v) for v in re.findall(r"\d+", ring["stroke"])[:3]) < 3 * 80
    assert ring["selected"] == ruiz and ring["lines"] == 1  # the dashed line across the chart
    current = page.locator(f"{CHART} g.tg-tl-lanes text.tg-tl-current")  # its label in bold
    assert current.all_text_contents() == ["Chief Ana Ruiz spoke to the Ledger"]
    assert current.evaluate("t => getComputedStyle(t).fontWeight") == "700"

    picker = page.locator('.st-key-_event_widget [data-testid="stSelectbox"]')
    picker.click()
    page.get_by_role("option", name=re.compile("requests said to be voluntary")).click()
    voluntary = _event(records, "requests said to be voluntary")
    ring = _ring(page, voluntary)  # the ring follows a pick in the list
    x, y = point_at_event(page, voluntary)
    assert abs(ring["x"] - x) < 3 and abs(ring["y"] - y) < 3
    assert page.locator(f"{CHART} circle.tg-tl-selected").count() == 1  # one ring, not two


def _event_id_with_day(records: Records, label: str) -> str:
    event = next(e for e in records.events if e.label == label)
    assert event.time is not None and event.time.precision == "day"
    return event.id


# ---------------------------------------------------------------------------------------------
# The chart's own controls


def test_zoom_buttons_and_ctrl_wheel_change_the_window(server: str, page: Any, records: Records) -> None:
    page.goto(server)
    wait_for_chart(page)
    lo, hi = start = _view(page)
    tools = page.locator(f"{CHART} .tg-tl-tools")

    tools.get_by_role("button", name="+", exact=True).click()
    a, b = zoomed = _view_changes(page, start)
    assert b - a == pytest.approx((hi - lo) / 1.6, rel=0.01)  # narrower, about the same middle
    assert (a + b) / 2 == pytest.approx((lo + hi) / 2, abs=1)
    assert page.locator(f"{CHART} .tg-tl-readout").inner_text() != ""

    tools.get_by_role("button", name="−", exact=True).click()
    tools.get_by_role("button", name="−", exact=True).click()
    page.wait_for_function(  # two clicks: wider than at first
        "([sel, w]) => { const [a, b] = document.querySelector(sel).dataset.view.split(',').map(Number); "
        "return b - a > w; }", arg=[CHART, (hi - lo) * 1.5])
    a, b = wide = _view(page)
    assert b - a == pytest.approx((hi - lo) * 1.6, rel=0.01)

    # Ctrl + wheel over the events zooms in around the day under the mouse
    area = _events_area(page)
    x, y = area["x"] + area["width"] * 0.25, area["y"] + 5
    page.mouse.move(x, y)
    under = a + (x - area["x"]) / area["width"] * (b - a)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    c, d = _view_changes(page, wide)
    assert d - c < (b - a) * 0.8
    assert c < under < d and (under - c) / (d - c) == pytest.approx(0.25, abs=0.02)  # the same day stays put

    # a plain wheel over the events scrolls the page and leaves the window alone
    page.mouse.wheel(0, 120)
    page.wait_for_timeout(300)
    assert _view(page) == (c, d)

    tools.get_by_role("button", name="Show all").click()
    shown = _view_changes(page, (c, d))
    assert shown == pytest.approx(start, abs=0.01)  # the window the page opened on: the whole case
    area = _events_area(page)
    for event_id in _dated(records):
        assert _displayed(page, event_id), event_id
        mx, _ = _centre(mark_of(page, event_id))
        assert area["x"] < mx < area["x"] + area["width"]
    assert zoomed != shown


def test_opening_the_filters_keeps_the_charts_zoom(server: str, page: Any) -> None:
    page.goto(server)
    wait_for_chart(page)
    start = _view(page)
    page.locator(f"{CHART} .tg-tl-tools").get_by_role("button", name="+", exact=True).click()
    zoomed = _view_changes(page, start)
    page.get_by_text("Filters and lanes").click()
    page.locator(".st-key-filter_bar").wait_for()
    page.wait_for_timeout(500)  # the page has drawn again around the chart
    wait_for_chart(page)
    assert _view(page) == zoomed  # the same chart, not one mounted afresh on the opening window
    page.get_by_text("Filters and lanes").click()
    page.locator(".st-key-filter_bar").wait_for(state="detached")
    page.wait_for_timeout(500)
    assert _view(page) == zoomed


def test_dragging_the_overview_window_moves_the_view(server: str, page: Any) -> None:
    page.goto(server)
    wait_for_chart(page)
    tools = page.locator(f"{CHART} .tg-tl-tools")
    before = _view(page)
    tools.get_by_role("button", name="+", exact=True).click()
    tools.get_by_role("button", name="+", exact=True).click()
    page.wait_for_function(
        "([sel, w]) => { const [a, b] = document.querySelector(sel).dataset.view.split(',').map(Number); "
        "return b - a < w; }", arg=[CHART, (before[1] - before[0]) / 2])
    lo, hi = start = _view(page)
    window = page.locator(f"{CHART} rect[data-part=window]")
    box = _box(window)
    assert box["width"] < _events_area(page)["width"] / 2  # the window shows part of the case
    x, y = _centre(window)
    _drag(page, (x, y), (x - 120, y))
    a, b = _view_changes(page, start)
    assert a < lo and b < hi  # earlier
    assert (lo - a) == pytest.approx(hi - b, rel=0.02)  # moved, not resized
    # the window moved with the mouse, about 120 px; and the handles with it
    assert _box(window)["x"] == pytest.approx(box["x"] - 120, abs=4)
    assert _centre(page.locator(f"{CHART} rect[data-part=start]"))[0] == pytest.approx(box["x"] - 120, abs=4)

    # a handle resizes: the start moves, the end stays
    hx, hy = _centre(page.locator(f"{CHART} rect[data-part=start]"))
    _drag(page, (hx, hy), (hx - 60, hy))
    c, d = _view_changes(page, (a, b))
    assert c < a and d == pytest.approx(b, abs=0.01)

    # a click elsewhere on the overview centres the window there
    area = _events_area(page)
    ov = _box(page.locator(f"{CHART} .tg-tl-ovbg"))
    px = ov["x"] + ov["width"] * 0.7
    page.mouse.click(px, ov["y"] + ov["height"] / 2)
    e, f = _view_changes(page, (c, d))
    assert f - e == pytest.approx(d - c, rel=0.01)  # the same width
    at = before[0] + 0.7 * (before[1] - before[0])  # the overview shows the whole case
    assert (e + f) / 2 == pytest.approx(at, abs=(before[1] - before[0]) / 200)
    assert area == _events_area(page)


def test_dragging_the_events_pans(server: str, page: Any) -> None:
    page.goto(server)
    wait_for_chart(page)
    lo, hi = start = _view(page)
    area = _events_area(page)
    y = area["y"] + 3  # above the first line's mark: empty chart
    _drag(page, (area["x"] + area["width"] * 0.6, y), (area["x"] + area["width"] * 0.3, y))
    a, b = _view_changes(page, start)
    shift = 0.3 * (hi - lo)  # dragged left by 30% of the width: 30% later
    assert a - lo == pytest.approx(shift, rel=0.05) and b - hi == pytest.approx(shift, rel=0.05)
    page.wait_for_timeout(300)
    assert page.locator(CHART).first.get_attribute("data-selected") == ""  # a drag selects nothing


def test_shift_drag_selects_the_events_in_a_box(server: str, page: Any, records: Records) -> None:
    dated = _dated(records)
    page.goto(server)
    wait_for_chart(page)
    # a box over the first three lines: those events, not the others
    marks = {event_id: _centre(mark_of(page, event_id)) for event_id in dated}
    ys = sorted(y for _, y in marks.values())
    area = _events_area(page)
    top, bottom = area["y"] + 1, (ys[2] + ys[3]) / 2
    inside = [event_id for event_id, (_, y) in marks.items() if top <= y <= bottom]
    assert 2 <= len(inside) < len(dated)
    page.keyboard.down("Shift")
    _drag(page, (area["x"] + 2, top), (area["x"] + area["width"] - 2, bottom))
    page.keyboard.up("Shift")
    page.get_by_text(f"{len(inside)} events selected; showing the first").wait_for()
    ring = _ring(page, inside[0])
    assert ring["selected"] == inside[0]
    page.wait_for_url(re.compile(rf"event={inside[0]}"))
    assert page.locator(f"{CHART} .tg-tl-box").get_attribute("visibility") == "hidden"  # the box is gone


def test_a_legend_kind_hides_and_shows_its_marks(server: str, page: Any, records: Records) -> None:
    statements = [e.id for e in records.events if e.kind == "statement"]
    others = [i for i in _dated(records) if i not in statements]
    assert statements and others
    page.goto(f"{server}/?lanes=actor")  # lanes by actor: the filter bar is open
    wait_for_chart(page)
    kind = page.locator(f'{CHART} .tg-tl-kind[data-kind="statement"]')
    kind.click()
    page.wait_for_function(
        "sel => { const m = document.querySelector(sel); return m && getComputedStyle(m).display === 'none'; }",
        arg=f'{CHART} .tg-tl-mark[data-event="{statements[0]}"]')
    assert "tg-tl-off" in (kind.get_attribute("class") or "")
    assert not any(_displayed(page, i) for i in statements)
    assert all(_displayed(page, i) for i in others)
    # new data for the same chart (lanes by kind): the kind stays hidden, and the legend still says so
    page.locator('.st-key-_f_lanes [data-testid="stSelectbox"]').click()
    page.get_by_role("option", name="kind of event").click()
    page.locator(f"{CHART} g.tg-tl-lanes text", has_text="Chief Ana Ruiz spoke to the Ledger").wait_for()
    wait_for_chart(page)
    assert not any(_displayed(page, i) for i in statements)
    assert all(_displayed(page, i) for i in others)
    assert "tg-tl-off" in (kind.get_attribute("class") or "")
    kind.click()
    page.wait_for_function(
        "sel => { const m = document.querySelector(sel); return m && getComputedStyle(m).display !== 'none'; }",
        arg=f'{CHART} .tg-tl-mark[data-event="{statements[0]}"]')
    assert all(_displayed(page, i) for i in statements + others)
    assert "tg-tl-off" not in (kind.get_attribute("class") or "")


def test_a_label_with_html_shows_as_text_in_the_tooltip(server: str, page: Any, records: Records) -> None:
    hostile = _event(records, HOSTILE_LABEL)
    page.goto(server)
    wait_for_chart(page)
    tip = page.locator(f"{CHART} .tg-tl-tip")
    assert tip.is_hidden()
    point_at_event(page, hostile)
    tip.wait_for(state="visible")
    assert tip.locator("b").inner_text() == HOSTILE_LABEL  # literally, as written
    assert "10 March 2021" in tip.inner_text()
    assert tip.locator("img, script").count() == 0
    assert page.locator(f"{CHART} img, {CHART} script").count() == 0  # nor in the lane labels
    assert any(t.startswith("<img src=x") for t in page.locator(f"{CHART} g.tg-tl-lanes text").all_text_contents())
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_arrow_keys_pan_the_focused_chart(server: str, page: Any) -> None:
    page.goto(server)
    wait_for_chart(page)
    lo, hi = start = _view(page)
    area = _events_area(page)
    page.mouse.click(area["x"] + area["width"] / 2, area["y"] + 3)  # a click on the chart focuses it
    assert page.evaluate("() => document.activeElement.matches('svg.tg-tl-svg')")
    assert not page.evaluate("() => document.activeElement.matches(':focus-visible')")  # no outline for a click
    assert _view(page) == start and page.locator(CHART).first.get_attribute("data-selected") == ""
    page.keyboard.press("ArrowRight")
    a, b = _view_changes(page, start)
    assert a - lo == pytest.approx((hi - lo) / 8, rel=0.01) and b - hi == pytest.approx((hi - lo) / 8, rel=0.01)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "([sel, lo]) => Number(document.querySelector(sel).dataset.view.split(',')[0]) < lo", arg=[CHART, lo - 1])
    c, d = _view(page)
    assert c < lo and d - c == pytest.approx(hi - lo, rel=0.01)  # moved, same width
    page.keyboard.press("0")  # and 0 shows the whole case again
    assert _view_changes(page, (c, d)) == pytest.approx(start, abs=0.01)


def test_fuzzy_and_disputed_events_look_so(server: str, page: Any, records: Records) -> None:
    page.goto(server)
    wait_for_chart(page)
    _settled(page)  # the sidebar is drawn after the chart: positions are read once nothing moves
    look = "m => ({tag: m.tagName, cls: m.getAttribute('class'), fill: m.getAttribute('fill'), " \
           "stroke: getComputedStyle(m).stroke})"
    exact = mark_of(page, _event(records, "Chief Ana Ruiz spoke to the Ledger")).evaluate(look)
    assert exact["tag"] == "circle" and "tg-tl-fuzzy" not in exact["cls"] and exact["fill"] != "#fff"
    about = mark_of(page, _event(records, "requests said to be voluntary")).evaluate(look)  # 2021-02-16~
    assert about["tag"] == "circle" and "tg-tl-fuzzy" in about["cls"] and about["fill"] == "#fff"  # hollow
    year = mark_of(page, _event(records, "Over 2,000 departments used the service")).evaluate(look)  # 2021~
    assert year["tag"] == "rect" and "tg-tl-fuzzy" in year["cls"] and year["fill"].startswith("url(#")  # hatched
    assert page.locator(f"{CHART} {year['fill'][4:-1]}").count() == 1  # the hatch pattern exists

    request = _event(records, "police asked camera owners for footage")
    disputed = mark_of(page, request).evaluate(look)
    assert "tg-tl-disputed" in disputed["cls"] and disputed["stroke"] == "rgb(192, 57, 43)"  # red outline
    assert "tg-tl-disputed" not in exact["cls"] and exact["stroke"] != "rgb(192, 57, 43)"
    ticks = page.locator(f'{CHART} g.tg-tl-stated line[data-event="{request}"]')
    assert ticks.count() == 2  # one per source's date: June 16 and July 16, 2020
    (x1, y1), (x2, y2) = _centre(ticks.nth(0)), _centre(ticks.nth(1))
    _, y = _centre(mark_of(page, request))
    assert abs(y1 - y) < 2 and abs(y2 - y) < 2 and abs(x1 - x2) > 5  # on its line, a month apart
    page.mouse.move(x1, y1)
    tip = page.locator(f"{CHART} .tg-tl-tip")
    tip.wait_for(state="visible")
    assert "a source gives" in tip.inner_text()


def test_the_entity_chart_opens_the_event_on_the_timeline(server: str, page: Any, records: Records) -> None:
    board = _event(records, "The board met to review the program")
    police = records.entities[0].id
    page.goto(f"{server}/?page=entities&entity={police}")
    page.locator(".st-key-entity_details").wait_for()
    assert board in _chart_ids(page)  # the entity's own chart (no overview under it)
    assert page.locator(f"{CHART} rect[data-part=window]").count() == 0
    click_event(page, board)
    page.wait_for_url(re.compile(rf"page=timeline.*event={board}"))
    page.get_by_role("heading", name="Timeline").wait_for()
    page.wait_for_function(
        "([sel, id]) => { const r = document.querySelector(sel); return r && r.dataset.selected === id; }",
        arg=[CHART, board])
    _ring(page, board)
    page.locator(".st-key-event_details h3", has_text="The board met to review the program").wait_for()


def test_the_charts_day_arithmetic_matches_pythons(browser: Any) -> None:
    """``dayOf`` and the axis ticks of ``timeline.js``, imported as a module into a blank page,
    against :func:`marks.day_number`: years 1 to 99 too (JavaScript's Date.UTC reads them as 19xx)."""
    from datetime import date
    from importlib import resources

    from timeline_graph.app.marks import day_number

    script = (resources.files("timeline_graph.app") / "static" / "timeline.js").read_text(encoding="utf-8")
    page = browser.new_page()
    page.set_content("<html><body></body></html>")
    page.add_script_tag(type="module", content=script.replace("export default function", "window.tg = {dayOf, ticks};\nexport default function"))
    page.wait_for_function("() => window.tg")
    cases = [(y, m) for y in (1, 50, 99, 100, 999, 1582, 1969, 1970, 2020, 2024, 9999) for m in (0, 1, 11)]
    got = page.evaluate("cases => cases.map(([y, m]) => window.tg.dayOf(y, m, 1))", cases)
    assert got == [day_number(date(y, m + 1, 1)) for y, m in cases]
    assert page.evaluate("() => window.tg.dayOf(2020, 12, 1)") == day_number(date(2021, 1, 1))  # month 12 rolls over
    # ticks: whole years, months or days inside the range asked for, in order, never the 19xx of a year < 100
    for a, b, width in ((day_number(date(40, 1, 1)), day_number(date(90, 1, 1)), 800),
                        (day_number(date(2019, 5, 3)), day_number(date(2021, 2, 1)), 900),
                        (day_number(date(2020, 6, 1)), day_number(date(2020, 6, 20)), 900)):
        ticks = page.evaluate("([a, b, w]) => window.tg.ticks(a, b, w)", [a, b, width])
        days = [day for day, _ in ticks]
        assert len(ticks) >= 2 and days == sorted(days) and all(a <= d < b for d in days), ticks
    years = page.evaluate("([a, b, w]) => window.tg.ticks(a, b, w)", [day_number(date(40, 1, 1)), day_number(date(90, 1, 1)), 800])
    assert all(40 <= int(label) < 90 for _, label in years)
    page.close()


# ---------------------------------------------------------------------------------------------
# Curation


@pytest.fixture
def case_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """The app serving a case folder built from Markdown files, with a configuration folder of its own."""
    from tests.test_app import TOWN_CRIER, VALLEY_POST
    from timeline_graph.case import Case

    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "case.yaml").write_text("title: Curated in the browser\nbase_iri: https://example.org/case/b/\n")
    (folder / "crier.md").write_text(TOWN_CRIER, encoding="utf-8")
    (folder / "post.md").write_text(VALLEY_POST, encoding="utf-8")
    assert Case.open(folder).build().ok
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    with serve(folder) as url:
        yield url, folder


def test_an_event_is_rejected_with_its_reason_then_undone(case_server: tuple[str, Path], page: Any) -> None:
    import yaml

    from timeline_graph.case import load_graph

    url, folder = case_server
    G = load_graph(folder)
    event = next(n for n, data in G.nodes(data=True) if "resident pasted" in getattr(data["record"], "label", ""))
    page.goto(f"{url}/?event={event}")
    _fill(page, "_curator_name", "Ana Ruiz")
    page.locator(".st-key-_curator_save button").click()
    page.get_by_text("Curating as").wait_for()
    details = page.locator(".st-key-event_details")
    details.get_by_text("Curate this event").click()
    _choose(page, f"cur-action-{event}", "Reject")
    apply = page.locator(f".st-key-cur-apply-{event} button")
    apply.wait_for()
    assert apply.is_disabled()  # it asks why first
    _fill(page, f"cur-why-{event}", "a comment, not an event")
    page.get_by_text("What will change:").wait_for()
    assert "is taken out" in details.inner_text()
    page.wait_for_function(f"() => !document.querySelector('.st-key-cur-apply-{event} button').disabled")
    apply.click()
    page.get_by_text("Recorded: rejected").wait_for()
    (entry,) = [e for e in yaml.safe_load_all((folder / "decisions.yaml").read_text(encoding="utf-8")) if e]
    assert (entry["by"], entry["action"], entry["why"]) == ("Ana Ruiz", "reject", "a comment, not an event")
    # undo, from the sidebar, with a reason too
    page.get_by_text("Undo the last decision").click()
    _fill(page, "undo-last-why", "it was one after all")
    page.wait_for_function("() => !document.querySelector('.st-key-undo-last-go button').disabled")
    _settled(page)  # the reason is on the server before the button is pressed
    page.locator(".st-key-undo-last-go button").click()
    page.get_by_text("Recorded: taken back").wait_for(timeout=90_000)
    entries = [e for e in yaml.safe_load_all((folder / "decisions.yaml").read_text(encoding="utf-8")) if e]
    assert [(e["action"], e["why"]) for e in entries] == [("reject", "a comment, not an event"),
                                                          ("undo", "it was one after all")]
    assert event in load_graph(folder)
    assert page.dialogs == []


def test_a_search_hit_opens_the_reader_at_its_words(case_server: tuple[str, Path], page: Any) -> None:
    from timeline_graph.case import load_graph
    from timeline_graph.graph import documents
    from timeline_graph.search import search_case

    url, folder = case_server
    texts = {d.id: d.text for d in documents(load_graph(folder))}
    best = search_case(folder, "council")[0]
    page.goto(f"{url}/?page=search")
    _fill(page, "_search_words", "council")
    hits = page.locator(".st-key-search_hits")
    hits.locator("mark.tg-hit").first.wait_for()
    assert {m.lower() for m in hits.locator("mark.tg-hit").all_inner_texts()} == {"council"}
    hits.get_by_role("button", name="Open").first.click()
    page.wait_for_url(re.compile(rf"page=documents&doc={best.document}"))
    opened = page.locator(".st-key-document_reader .tg-meta mark.tg-current")
    opened.wait_for()
    assert " ".join(opened.inner_text().split()) == " ".join(texts[best.document][best.start:best.end].split())
    assert page.locator(".st-key-document_reader .tg-reader mark.tg-current").count() >= 1
    assert page.dialogs == []


def _select_words(page: Any, pane: str, words: str) -> None:
    """Select ``words`` in the text ``pane`` as a curator does: press the mouse on their first
    letter, drag to their last, let go."""
    pane_box = page.locator(pane)
    pane_box.wait_for()
    rects = page.evaluate("""([pane, words]) => {
        const root = document.querySelector(pane);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
        const at = all.indexOf(words);
        if (at < 0) return null;
        const rectOf = (i) => {
            const [node, base] = nodes.filter(([n, b]) => b <= i).pop();
            const r = document.createRange();
            r.setStart(node, i - base); r.setEnd(node, i - base + 1);
            r.startContainer.parentElement.scrollIntoView({block: 'center'});
            const b = r.getBoundingClientRect();
            return [b.left, b.top, b.width, b.height];
        };
        rectOf(at);
        return [rectOf(at), rectOf(at + words.length - 1)];
    }""", [pane, words])
    assert rects, f"{words!r} is not in the text shown"
    (x0, y0, _, h0), (x1, y1, w1, h1) = rects
    page.mouse.move(x0 + 1, y0 + h0 / 2)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=4)
    page.mouse.move(x1 + w1 - 1, y1 + h1 / 2, steps=4)
    page.mouse.up()


def _add_from_words(page: Any, document: str, action: str, words: str) -> None:
    """Open a document's curation panel, choose an action that adds from its words, select
    ``words`` in its text with the mouse, and wait until they fill the words box, exactly."""
    _open_curation(page, document, "Curate this document")
    _choose(page, f"cur-action-{document}", action)
    _select_words(page, f".st-key-cur-select-{document} .tg-words", words)
    quote = f".st-key-cur-quote-{document} textarea"
    page.wait_for_function(f"() => {{ const box = document.querySelector('{quote}'); return box && box.value; }}")
    assert page.locator(quote).input_value() == words  # exactly the words selected, no more


def test_an_event_is_added_from_words_selected_in_the_text(case_server: tuple[str, Path], page: Any) -> None:
    import yaml

    from timeline_graph.case import load_graph
    from timeline_graph.graph import documents, events

    url, folder = case_server
    crier = next(d for d in documents(load_graph(folder)) if d.publisher == "Town Crier")
    page.goto(f"{url}/?page=documents&doc={crier.id}")
    _fill(page, "_curator_name", "Ana Ruiz")
    page.locator(".st-key-_curator_save button").click()
    page.get_by_text("Curating as").wait_for()
    words = "into the public comment form"
    _add_from_words(page, crier.id, "Add an event from words of this document", words)
    _fill(page, f"cur-label-{crier.id}", "Comment form misused")
    _fill(page, f"cur-date-{crier.id}", "2020-22")
    _fill(page, f"cur-why-{crier.id}", "the extractors missed it")
    page.get_by_text("What will change:").wait_for()
    page.wait_for_function(f"() => !document.querySelector('.st-key-cur-apply-{crier.id} button').disabled")
    page.locator(f".st-key-cur-apply-{crier.id} button").click()
    page.get_by_text("Recorded: added").wait_for()
    (entry,) = [e for e in yaml.safe_load_all((folder / "decisions.yaml").read_text(encoding="utf-8")) if e]
    start = crier.text.index(words)
    assert entry["source"] == {"document": crier.id, "start": start, "quote": words}
    added = next(e for e in events(load_graph(folder)) if e.label == "Comment form misused")
    assert (added.reports[0].span.start, added.reports[0].span.end) == (start, start + len(words))
    assert page.dialogs == []  # the document's <script> stayed text in the pane too


def _curate_as(page: Any, name: str) -> None:
    """Give ``name`` as the curator in the sidebar (changing the name kept from another session)."""
    page.locator(".st-key-_curator_name input, .st-key-_curator_change button").first.wait_for()
    change = page.locator(".st-key-_curator_change button")
    if change.count():
        change.click()
    _fill(page, "_curator_name", name)
    page.locator(".st-key-_curator_save button").click()
    page.get_by_text(f"Curating as {name}").wait_for()


def _ready_to_apply(page: Any, event: str, action: str, why: str, label: str = "") -> Any:
    """Open an event's curation panel, fill an action in, and wait until Apply can be pressed."""
    details = page.locator(".st-key-event_details")
    details.get_by_text("Curate this event").click()
    _choose(page, f"cur-action-{event}", action)
    if label:
        _fill(page, f"cur-label-{event}", label)
    _fill(page, f"cur-why-{event}", why)
    page.get_by_text("What will change:").wait_for()
    page.wait_for_function(f"() => !document.querySelector('.st-key-cur-apply-{event} button').disabled")
    return page.locator(f".st-key-cur-apply-{event} button")


def _watch_outcomes(page: Any) -> None:
    """Keep every message saying a decision was recorded or refused, however soon the page redraws."""
    page.evaluate("""() => {
        window.tgOutcomes = [];
        const look = () => document.querySelectorAll('[data-testid="stAlert"]').forEach((alert) => {
            const text = alert.innerText.split(/\\s+/).join(' ').trim();
            if (/^(Not )?[Rr]ecorded/.test(text) && !window.tgOutcomes.includes(text)) window.tgOutcomes.push(text);
        });
        new MutationObserver(look).observe(document.body, {childList: true, subtree: true, characterData: true});
    }""")


def _outcome(page: Any) -> str:
    """The message the app showed once a decision was recorded or refused (see _watch_outcomes)."""
    page.wait_for_function("() => window.tgOutcomes.length > 0")
    (text,) = page.evaluate("() => window.tgOutcomes")
    return str(text)


def test_two_browsers_and_the_cli_deciding_at_once_lose_nothing_and_a_stale_decision_is_refused(
        case_server: tuple[str, Path], browser: Any) -> None:
    import os
    import subprocess
    import sys

    import yaml

    from timeline_graph.case import load_graph
    from timeline_graph.graph import events

    url, folder = case_server
    first, second = sorted(e.id for e in events(load_graph(folder)))[:2]
    pages = []
    for name in ("Ana Ruiz", "Bo Chen"):
        context = browser.new_context(viewport={"width": 1400, "height": 1600})
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{url}/?event={first}")
        # each browser is asked its own name: none is taken from another browser of the server
        page.locator(".st-key-_curator_name input").wait_for()
        assert not page.get_by_text("Curating as").count()
        _curate_as(page, name)
        pages.append(page)
    ana, bo = pages
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH", "")) if p))

    def cli(*args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-m", "timeline_graph", "decide", str(folder), *args,
                                 "--by", "Cy (CLI)"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def entries() -> list[dict[str, Any]]:
        return [e for e in yaml.safe_load_all((folder / "decisions.yaml").read_text(encoding="utf-8")) if e]

    # 1. different items at the same moment: the two curators and two CLI runs all keep their decision
    bo.goto(f"{url}/?event={second}")
    reject = _ready_to_apply(ana, first, "Reject", "a comment, not an event")
    relabel = _ready_to_apply(bo, second, "Relabel", "clearer", label="Footage asked for")
    for page in pages:
        _watch_outcomes(page)
    runs = [cli("grade", "crier.md", "--grade", "B2", "--why", "named reporter"),
            cli("grade", "post.md", "--grade", "C3", "--why", "second hand")]
    reject.click()
    relabel.click()
    assert [run.wait(timeout=120) for run in runs] == [0, 0], [run.stderr.read() for run in runs]  # type: ignore[union-attr]
    assert _outcome(ana).startswith("Recorded: rejected") and _outcome(bo).startswith("Recorded: relabelled")
    assert sorted((e["by"], e["action"]) for e in entries()) == [
        ("Ana Ruiz", "reject"), ("Bo Chen", "relabel"), ("Cy (CLI)", "grade"), ("Cy (CLI)", "grade")]

    # 2. one item, changed by the other curator meanwhile: one decision is recorded, the other refused
    for page, name in zip(pages, ("Ana Ruiz", "Bo Chen"), strict=True):
        page.goto(f"{url}/?event={second}")  # a new session of the same browser: it keeps its own name
        page.get_by_text(f"Curating as {name}").wait_for()
    retitle = _ready_to_apply(ana, second, "Relabel", "shorter", label="Footage asked")
    drop = _ready_to_apply(bo, second, "Reject", "a duplicate")
    for page in pages:
        _watch_outcomes(page)
    run = cli("grade", "crier.md", "--grade", "A1", "--why", "confirmed")
    retitle.click()
    drop.click()
    assert run.wait(timeout=120) == 0, run.stderr.read()  # type: ignore[union-attr]
    outcomes = sorted([_outcome(ana), _outcome(bo)], key=lambda text: text.startswith("Not"))
    assert outcomes[0].startswith("Recorded: ") and outcomes[1].startswith("Not recorded: "), outcomes
    assert f"{second} was changed meanwhile" in outcomes[1] and "look at it again before deciding" in outcomes[1]
    log = entries()
    assert len(log) == 6 and sum(e["by"] == "Cy (CLI)" for e in log) == 3
    about = [e for e in log[4:] if e["targets"] == [second]]
    assert len(about) == 1  # the refused one left no trace; the other is there once
    winner = "Ana Ruiz" if outcomes[0].startswith("Recorded: relabelled") else "Bo Chen"
    assert about[0]["by"] == winner and winner.split()[0] in outcomes[1], (outcomes, log[4:])
    for page in pages:
        page.context.close()


def _apply_when_ready(page: Any, item: str, why: str) -> None:
    """Give the reason, wait for what will change and for Apply, press it, wait for the record."""
    _fill(page, f"cur-why-{item}", why)
    page.get_by_text("What will change:").wait_for()
    page.wait_for_function(f"() => !document.querySelector('.st-key-cur-apply-{item} button').disabled")
    page.locator(f".st-key-cur-apply-{item} button").click()
    page.get_by_text("Recorded:").first.wait_for()
    _settled(page)


def _open_curation(page: Any, item: str, title: str) -> None:
    """Open an item's curation panel unless it is open already."""
    _settled(page)
    box = page.locator(f'.st-key-cur-action-{item} [data-testid="stSelectbox"]')
    if not box.is_visible():
        page.locator(f".st-key-cur-box-{item}").get_by_text(title).first.click()
    box.wait_for()


def test_decisions_made_in_the_browser_come_back_whole_from_the_downloaded_rdf(
        case_server: tuple[str, Path], page: Any, tmp_path: Path) -> None:
    from timeline_graph.app import views
    from timeline_graph.case import Case, load_graph
    from timeline_graph.export.rdfimport import read_rdf_graph
    from timeline_graph.export.shacl import validate_file
    from timeline_graph.graph import decisions, documents, entities
    from timeline_graph.model import Claim

    from .test_graphjson import assert_same_graph

    url, folder = case_server
    G = load_graph(folder)
    post = next(d for d in documents(G) if d.publisher == "Valley Post")
    crier = next(d for d in documents(G) if d.publisher == "Town Crier")
    park = next(e for e in entities(G) if e.name == "Lee Park")  # read as a place, but a claimant all the same
    page.goto(f"{url}/?page=documents&doc={post.id}")
    _curate_as(page, "Ana Ruiz")
    # grade the source
    _open_curation(page, post.id, "Curate this document")
    _choose(page, f"cur-action-{post.id}", "Grade the source")
    _choose(page, f"cur-reliability-{post.id}", "B")
    _choose(page, f"cur-credibility-{post.id}", "2")
    _apply_when_ready(page, post.id, "named reporter")
    # a claim the extractors missed, from words selected in the text
    _add_from_words(page, post.id, "Add a claim from words of this document", "Participation is voluntary")
    _choose(page, f"cur-other-{post.id}", f"{park.name} ({park.kind})")
    _apply_when_ready(page, post.id, "the quote was missed")
    # and a source citation, pointing at the other document of the case
    _add_from_words(page, post.id, "Add a source citation from words of this document", "The police department said")
    _choose(page, f"cur-other-{post.id}", views.short(crier.label, 80))
    _apply_when_ready(page, post.id, "it repeats the crier")
    made = Case.open(folder).decisions()
    assert [(d.action, d.agent) for d in made] == [("grade", "Ana Ruiz"), ("add-claim", "Ana Ruiz"),
                                                   ("add-citation", "Ana Ruiz")]
    assert made[1].span is not None and made[1].span.exact == "Participation is voluntary"
    # the case as the sidebar downloads it, in TriG, read back
    page.locator('[data-testid="stSidebar"]').get_by_text("Download the case").click()
    with page.expect_download() as download:
        page.locator(".st-key-download-trig button").click()
    path = tmp_path / "case.trig"
    download.value.save_as(path)
    assert validate_file(path).conforms
    back = read_rdf_graph(path)
    now = load_graph(folder)
    assert_same_graph(now, back)
    assert sorted(decisions(back), key=lambda d: d.id) == sorted(made, key=lambda d: d.id)
    added = [r for r in (back.nodes[n]["record"] for n in back) if isinstance(r, Claim) and r.extractor == "curator"]
    assert [(c.text, c.claimant) for c in added] == [("Participation is voluntary", park.id)]
    assert page.dialogs == []


def test_retype_redate_take_back_and_retarget_an_orphan_in_the_browser(case_server: tuple[str, Path], page: Any) -> None:
    import yaml

    from timeline_graph.app import views
    from timeline_graph.case import Case, load_graph
    from timeline_graph.decisionlog import append_decision
    from timeline_graph.graph import entities, events
    from timeline_graph.model import Decision

    url, folder = case_server
    G = load_graph(folder)
    park = next(e for e in entities(G) if e.name == "Lee Park")
    first, second = sorted(events(G), key=lambda e: e.id)[:2]
    page.goto(f"{url}/?page=entities&entity={park.id}")
    _curate_as(page, "Ana Ruiz")
    # an entity's kind
    _open_curation(page, park.id, "Curate this entity")
    _choose(page, f"cur-action-{park.id}", "Change its kind")
    _choose(page, f"cur-kind-{park.id}", "person")
    _apply_when_ready(page, park.id, "the chief, not a park")
    # an event's date, in EDTF
    page.goto(f"{url}/?event={first.id}")
    _open_curation(page, first.id, "Curate this event")
    _choose(page, f"cur-action-{first.id}", "Re-date")
    _fill(page, f"cur-date-{first.id}", "2021-03~")
    _apply_when_ready(page, first.id, "around March, per the minutes")
    assert next(e for e in events(load_graph(folder)) if e.id == first.id).time.edtf == "2021-03~"
    # a decision written against an earlier build: listed as orphaned, then re-targeted
    gone = Decision.create(action="relabel", targets=("evt-0000000000000000",), agent="Bo", at="2026-12-01T10:00:00Z",
                           reason="clearer", value="Footage asked for")
    append_decision(folder / "decisions.yaml", gone)
    page.goto(f"{url}/?page=decisions")
    page.get_by_text("1 decision of the log cannot be applied").wait_for()
    orphan = page.locator(f".st-key-dec-{gone.id}")
    orphan.get_by_role("button", name="Re-target").click()
    _fill(page, f"back-{gone.id}-find-0", second.label.split()[0])
    _choose(page, f"back-{gone.id}-to-0", views.short(second.label, 90))
    _fill(page, f"back-{gone.id}-rewhy", "ids changed in the rebuild")
    page.get_by_text("What will change:").wait_for()
    page.wait_for_function(f"() => !document.querySelector('.st-key-back-{gone.id}-retarget button').disabled")
    page.locator(f".st-key-back-{gone.id}-retarget button").click()
    page.get_by_text(f"It replaces {gone.id}, now taken back.").wait_for()
    assert next(e for e in events(load_graph(folder)) if e.id == second.id).label == "Footage asked for"
    # any decision taken back from the decisions page, with a reason
    retype = Case.open(folder).decisions()[0]
    assert retype.action == "retype"
    page.locator(f".st-key-dec-{retype.id}").get_by_role("button", name="Take back").click()
    _fill(page, f"back-{retype.id}-why", "it is the park after all")
    page.wait_for_function(f"() => !document.querySelector('.st-key-back-{retype.id}-go button').disabled")
    page.locator(f".st-key-back-{retype.id}-go button").click()
    page.get_by_text("Recorded: taken back").wait_for()
    log = [e for e in yaml.safe_load_all((folder / "decisions.yaml").read_text(encoding="utf-8")) if e]
    assert [(e["action"], e.get("why")) for e in log] == [
        ("retype", "the chief, not a park"), ("redate", "around March, per the minutes"), ("relabel", "clearer"),
        ("relabel", f"clearer (re-targeted from {gone.id}: ids changed in the rebuild)"),
        ("undo", f"re-targeted as {Case.open(folder).decisions()[3].id}: ids changed in the rebuild"),
        ("undo", "it is the park after all")]
    assert next(e for e in entities(load_graph(folder)) if e.id == park.id).kind == "place"
    assert page.dialogs == []


def test_merge_an_event_found_by_search_split_its_report_off_and_mark_a_claim_unnamed(
        case_server: tuple[str, Path], page: Any) -> None:
    from timeline_graph.case import Case, load_graph
    from timeline_graph.graph import claims, documents, events

    url, folder = case_server
    G = load_graph(folder)
    town = next(e for e in events(G) if e.label.startswith("The town police asked"))
    it = next(e for e in events(G) if e.label.startswith("The police department asked"))
    post = next(d for d in documents(G) if d.publisher == "Valley Post")
    voluntary = next(c for c in claims(G) if c.text == "Participation is voluntary")
    page.goto(f"{url}/?event={town.id}")
    _curate_as(page, "Ana Ruiz")
    # merge in the event reported by the other outlet, found by its words
    _open_curation(page, town.id, "Curate this event")
    _choose(page, f"cur-action-{town.id}", "Merge with another event")
    _fill(page, f"cur-find-{town.id}", "department asked")
    _choose(page, f"cur-other-{town.id}", "The police department asked")
    _apply_when_ready(page, town.id, "one request, two outlets")
    merged = next(e for e in events(load_graph(folder)) if e.id == town.id)
    assert it.id not in load_graph(folder) and {r.document for r in merged.reports} == {r.document for r in (
        *town.reports, *it.reports)}
    # then take the Valley Post's report off again, as an event of its own
    page.goto(f"{url}/?event={town.id}")
    _open_curation(page, town.id, "Curate this event")
    _choose(page, f"cur-action-{town.id}", "Split a report off (another event)")
    _choose(page, f"cur-part-{town.id}", post.label)
    _apply_when_ready(page, town.id, "the dates differ: two requests")
    after = load_graph(folder)
    assert [r.document for r in after.nodes[town.id]["record"].reports] == [r.document for r in town.reports]
    split_off = Case.open(folder).decisions()[-1]
    assert split_off.action == "split" and split_off.value == post.id
    # a claim whose source is described but not named
    page.goto(f"{url}/?page=claims&claim={voluntary.id}")
    _open_curation(page, voluntary.id, "Curate this claim")
    _choose(page, f"cur-action-{voluntary.id}", "Mark its source unnamed")
    _apply_when_ready(page, voluntary.id, "the chief is not named in the original")
    claim = load_graph(folder).nodes[voluntary.id]["record"]
    assert claim.unnamed and claim.claimant is None
    assert [(d.action, d.agent) for d in Case.open(folder).decisions()] == [
        ("merge", "Ana Ruiz"), ("split", "Ana Ruiz"), ("attribute", "Ana Ruiz")]
    assert page.dialogs == []


def _curated_items(folder: Path) -> tuple[Any, Any, Any, tuple[Any, Any, Any]]:
    """The case server's two documents (Town Crier, Valley Post), its entity Lee Park, and its
    three claims: the town police asked, it asked residents, participation is voluntary."""
    from timeline_graph.case import load_graph
    from timeline_graph.graph import claims, documents, entities

    G = load_graph(folder)
    crier = next(d for d in documents(G) if d.publisher == "Town Crier")
    post = next(d for d in documents(G) if d.publisher == "Valley Post")
    park = next(e for e in entities(G) if e.name == "Lee Park")
    said = [next(c for c in claims(G) if c.text.startswith(words))
            for words in ("The town police asked", "it asked residents", "Participation is voluntary")]
    return crier, post, park, (said[0], said[1], said[2])


def test_a_citation_re_targeted_and_claims_linked_re_attributed_and_rejected_in_the_browser(
        case_server: tuple[str, Path], page: Any) -> None:
    from timeline_graph.case import Case, load_graph
    from timeline_graph.graph import citations

    url, folder = case_server
    crier, post, park, (town, it, voluntary) = _curated_items(folder)
    page.goto(f"{url}/?page=documents&doc={crier.id}")
    _curate_as(page, "Ana Ruiz")
    # a source citation to a source outside the case ...
    (cited,) = [c for c in citations(load_graph(folder)) if c.document == crier.id]
    assert cited.cites_document is None and cited.span.exact == "according to the council minutes"
    # ... then pointed at a document of the case
    _open_curation(page, crier.id, "Curate this document")
    _choose(page, f"cur-action-{crier.id}", "Point one of its source citations at a document of the case")
    _choose(page, f"cur-part-{crier.id}", "according to the council")
    _choose(page, f"cur-other-{crier.id}", post.label)
    _apply_when_ready(page, crier.id, "the minutes were reported there")
    assert load_graph(folder).nodes[cited.id]["record"].cites_document == post.id
    # a claim linked to the claim it repeats, found by its words
    page.goto(f"{url}/?page=claims&claim={voluntary.id}")
    _open_curation(page, voluntary.id, "Curate this claim")
    _choose(page, f"cur-action-{voluntary.id}", "Link to the claim it repeats")
    _fill(page, f"cur-find-{voluntary.id}", "town police")
    _choose(page, f"cur-other-{voluntary.id}", "The town police asked")
    _apply_when_ready(page, voluntary.id, "same statement")
    after = load_graph(folder)
    assert after.nodes[voluntary.id]["record"].cluster == after.nodes[town.id]["record"].cluster
    # its claimant changed, then another claim rejected
    page.goto(f"{url}/?page=claims&claim={it.id}")
    _open_curation(page, it.id, "Curate this claim")
    _choose(page, f"cur-action-{it.id}", "Change the claimant")
    _choose(page, f"cur-other-{it.id}", f"{park.name} ({park.kind})")
    _apply_when_ready(page, it.id, "the chief said it")
    assert load_graph(folder).nodes[it.id]["record"].claimant == park.id
    page.goto(f"{url}/?page=claims&claim={it.id}")
    _open_curation(page, it.id, "Curate this claim")
    _choose(page, f"cur-action-{it.id}", "Reject")
    _apply_when_ready(page, it.id, "a paraphrase, not a claim")
    assert it.id not in load_graph(folder)
    assert [d.action for d in Case.open(folder).decisions()] == ["retarget", "merge", "attribute", "reject"]
    assert page.dialogs == []


def test_a_citation_is_re_targeted_from_itself_and_decisions_show_in_the_tracer_at_once(
        case_server: tuple[str, Path], page: Any) -> None:
    from timeline_graph.app.curation import occurrence
    from timeline_graph.case import Case, load_graph
    from timeline_graph.curate import created_id
    from timeline_graph.model import Decision

    url, folder = case_server
    crier, post, park, (town, it, _) = _curated_items(folder)
    assert town.cluster == it.cluster and town.document == crier.id
    # a source citation made from the command line's side, while the app runs
    added = Decision.create(action="add-citation", targets=(), value="the council minutes", agent="Cli Curator",
                            at="2026-11-22T08:00:00Z", reason="named in the text",
                            span=occurrence(crier, "according to the council minutes", 1))
    Case.open(folder).decide(added)
    cited = created_id(added)
    built = (folder / ".timeline-graph" / "manifest.json").stat().st_mtime_ns
    # the citation is shown under its document, with its own actions
    page.goto(f"{url}/?page=documents&doc={crier.id}")
    _curate_as(page, "Ana Ruiz")
    shown = page.locator(f".st-key-citation-{cited}")
    shown.get_by_text("cites the council minutes").wait_for()
    _open_curation(page, cited, "Curate this citation")
    _choose(page, f"cur-action-{cited}", "Point it at a document of the case")
    _choose(page, f"cur-other-{cited}", post.label)
    _apply_when_ready(page, cited, "the minutes were reported there")
    shown.get_by_text(f"cites {post.label}").wait_for()  # at once, no build
    last = Case.open(folder).decisions()[-1]
    assert (last.action, last.targets, last.agent) == ("retarget", (cited, post.id), "Ana Ruiz")
    assert load_graph(folder).nodes[cited]["record"].cites_document == post.id
    # the tracer shows it, then shows each decision made on it at once
    page.goto(f"{url}/?page=claims&cluster={town.cluster}")
    trace = page.locator(".st-key-claim_trace")
    trace.get_by_text(f"1. first seen in {crier.label} (Town Crier), 10 March 2021, which credits it to "
                      f"{post.label}").wait_for()
    # the words that named the source stand for the document it was pointed at
    assert f"2 appearances · first seen in {crier.label}, 10 March 2021, which credits it to {post.label}" \
        in trace.inner_text()
    assert "first said by the council minutes" not in trace.inner_text()
    _open_curation(page, town.id, "Curate this claim")
    _choose(page, f"cur-action-{town.id}", "Change the claimant")
    _choose(page, f"cur-other-{town.id}", f"{park.name} ({park.kind})")
    _apply_when_ready(page, town.id, "the park spoke for it")
    trace.get_by_text(f"first said by {park.name}").first.wait_for()
    _open_curation(page, it.id, "Curate this claim")
    _choose(page, f"cur-action-{it.id}", "Reject")
    _apply_when_ready(page, it.id, "a paraphrase, not a claim")
    trace.get_by_text("1 appearance · first said by").wait_for()
    assert it.claimant is None and "it asked residents" not in trace.inner_text()
    assert (folder / ".timeline-graph" / "manifest.json").stat().st_mtime_ns == built  # never rebuilt
    assert [d.action for d in Case.open(folder).decisions()] == ["add-citation", "retarget", "attribute", "reject"]
    assert page.dialogs == []


def test_the_event_panel_names_a_claim_s_source_by_the_document_its_citation_is_re_targeted_to(
        case_server: tuple[str, Path], page: Any) -> None:
    from timeline_graph.app.curation import occurrence
    from timeline_graph.case import Case, load_graph
    from timeline_graph.curate import created_id
    from timeline_graph.graph import events
    from timeline_graph.model import Decision

    url, folder = case_server
    crier, post, _, (town, _, _) = _curated_items(folder)
    event = next(e.id for e in events(load_graph(folder)) if "asked residents for doorbell video" in e.label
                 and any(r.document == crier.id for r in e.reports))
    added = Decision.create(action="add-citation", targets=(), value="the council minutes", agent="Cli Curator",
                            at="2026-11-22T08:00:00Z", reason="named in the text",
                            span=occurrence(crier, "according to the council minutes", 1))
    Case.open(folder).decide(added)
    page.goto(f"{url}/?page=timeline&event={event}")
    details = page.locator(".st-key-event_details")
    details.get_by_text("Related claims").wait_for()
    details.get_by_text(f"the council minutes in {crier.label}").wait_for()  # the words naming its source
    # pointed at the Valley Post's article while the page is open: shown at once, the document named
    Case.open(folder).decide(Decision.create(action="retarget", targets=(created_id(added), post.id),
                                             agent="Cli Curator", at="2026-11-22T08:05:00Z",
                                             reason="the minutes were reported there"))
    page.reload()
    details.get_by_text(f"{crier.label}, 10 March 2021, which credits it to {post.label}").wait_for()
    assert "the council minutes in" not in details.inner_text()
    # the document credited is a link to it
    details.get_by_role("link", name=post.label).click()
    page.wait_for_url(re.compile(rf"page=documents&doc={post.id}"))
    page.locator(".st-key-document_reader").get_by_text(post.label).first.wait_for()
    assert town.document == crier.id and page.dialogs == []


def test_a_claim_is_rejected_from_the_page_of_the_entity_that_made_it_in_the_browser(
        case_server: tuple[str, Path], page: Any) -> None:
    from timeline_graph.case import Case, load_graph
    from timeline_graph.model import Decision

    url, folder = case_server
    _, _, chief, (_, _, voluntary) = _curated_items(folder)
    Case.open(folder).decide(Decision.create(action="attribute", targets=(voluntary.id, chief.id), agent="Cli Curator",
                                             at="2026-11-22T08:00:00Z", reason="the chief said it"))
    page.goto(f"{url}/?page=entities&entity={chief.id}")
    _curate_as(page, "Ana Ruiz")
    page.get_by_text("Claims made (1)").wait_for()
    _open_curation(page, voluntary.id, "Curate this claim")
    _choose(page, f"cur-action-{voluntary.id}", "Reject")
    _apply_when_ready(page, voluntary.id, "a slogan, not a claim")
    page.get_by_text("Claims made").wait_for(state="detached")  # gone from the page at once
    assert voluntary.id not in load_graph(folder)
    assert [(d.action, d.agent) for d in Case.open(folder).decisions()] == [
        ("attribute", "Cli Curator"), ("reject", "Ana Ruiz")]
    assert page.dialogs == []


@pytest.fixture
def example_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """The app serving a copy of the example case (six articles, its own decisions), built afresh."""
    import shutil

    from timeline_graph.case import Case
    from timeline_graph.cli import EXAMPLE_CASE

    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE_CASE, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    assert Case.open(folder).build().ok
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    with serve(folder) as url:
        yield url, folder


def test_a_date_conflict_resolved_and_entities_merged_and_split_in_the_browser(
        example_server: tuple[str, Path], page: Any) -> None:
    from timeline_graph.case import Case, load_graph
    from timeline_graph.curate import created_id
    from timeline_graph.graph import conflicts, entities

    url, folder = example_server
    G = load_graph(folder)
    before = len(Case.open(folder).decisions())
    conflict = next(c for c in conflicts(G) if c.kind == "date" and c.items[0].startswith("evt-"))
    event = G.nodes[conflict.items[0]]["record"]
    stands, stated = next((r.document, r.stated_time) for r in event.reports
                          if r.document in conflict.documents and r.stated_time and r.stated_time != event.time)
    page.goto(f"{url}/?page=conflicts")
    _curate_as(page, "Ana Ruiz")
    _open_curation(page, conflict.id, "Curate this conflict")
    _choose(page, f"cur-action-{conflict.id}", "Resolve: say whose date stands")
    _choose(page, f"cur-other-{conflict.id}", G.nodes[stands]["record"].label[:40])
    _apply_when_ready(page, conflict.id, "the first-hand report")
    assert load_graph(folder).nodes[event.id]["record"].time == stated
    # an entity with other names: one of them split off as an entity of its own
    named = next(e for e in entities(G) if e.aliases and e.kind == "organization")
    alias = named.aliases[0]
    page.goto(f"{url}/?page=entities&entity={named.id}")
    _open_curation(page, named.id, "Curate this entity")
    _choose(page, f"cur-action-{named.id}", "Split an alias off (another entity)")
    _choose(page, f"cur-part-{named.id}", alias)
    _apply_when_ready(page, named.id, "a different body")
    after = load_graph(folder)
    assert alias not in after.nodes[named.id]["record"].aliases
    split_off = Case.open(folder).decisions()[-1]
    # ... and merged back in again, the other entity picked by its name
    page.goto(f"{url}/?page=entities&entity={named.id}")
    _open_curation(page, named.id, "Curate this entity")
    _choose(page, f"cur-action-{named.id}", "Merge with another entity")
    _choose(page, f"cur-other-{named.id}", f"{alias} ({named.kind})")
    _apply_when_ready(page, named.id, "the same body after all")
    made = Case.open(folder).decisions()[before:]
    assert [(d.action, d.agent) for d in made] == [("resolve", "Ana Ruiz"), ("split", "Ana Ruiz"),
                                                   ("merge", "Ana Ruiz")]
    assert made[2].targets == (named.id, created_id(split_off))
    assert alias in load_graph(folder).nodes[named.id]["record"].aliases
    assert page.dialogs == []
