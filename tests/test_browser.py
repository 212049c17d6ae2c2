"""The app in a real browser: Debian's Chromium driven by Playwright against `streamlit run`.

Run with ``pytest -m browser``; skipped where ``/usr/bin/chromium`` or the playwright package is
missing. The server is started exactly as the CLI starts it (``streamlit_command``).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from typing import Any, cast

import pytest

from tests.conftest import sample_records
from tests.test_app import app_records
from timeline_graph.app.browser import (
    CHART,
    CHROMIUM,
    click_event,
    launch_chromium,
    serve,
    wait_for_chart,
)
from timeline_graph.export.graphjson import to_json
from timeline_graph.graph import build_graph
from timeline_graph.model import Records
from timeline_graph.timeline import timeline

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="the playwright package is missing (pip install playwright)"),
]

CHART_SEL = CHART
CITED = '"We only ask for what helps a case," said Chief Ana Ruiz.'


@pytest.fixture(scope="module")
def records() -> Records:
    # the sample_records fixture is function-scoped; its function is called once for this module
    return app_records(cast(Any, sample_records).__wrapped__())


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
    G = build_graph(records)
    dated = {row.id for row in timeline(G) if row.start or row.end}
    page.goto(server)
    wait_for_chart(page)
    ids = page.evaluate(
        "sel => [].concat(...document.querySelector(sel).data.map(t => (t.customdata || []).map(c => c[0])))",
        CHART_SEL,
    )
    assert set(ids) == dated


def _chart_ids(page: Any) -> set[str]:
    wait_for_chart(page)
    return set(page.evaluate(
        "sel => [].concat(...document.querySelector(sel).data.map(t => (t.customdata || []).map(c => c[0])))",
        CHART_SEL,
    ))


def test_a_link_with_filters_restores_the_view_and_filters_narrow_the_chart(
    server: str, page: Any, records: Records
) -> None:
    request = _event(records, "police asked camera owners for footage")
    page.goto(f"{server}/?disputed=yes&lanes=actor&event={request}")
    assert _chart_ids(page) == {request}
    page.locator(".st-key-event_details").get_by_text("Sources disagree").wait_for()
    assert "City Police" in page.locator(CHART_SEL).first.inner_text()  # lanes by actor
    page.locator(".st-key-_f_clear button").click()
    page.wait_for_function(  # drawn again with every event
        "sel => { const gd = document.querySelector(sel); return gd && gd.data && gd.calcdata && "
        "new Set([].concat(...gd.data.map(t => (t.customdata || []).map(c => c[0])))).size > 1; }", arg=CHART_SEL)
    assert len(_chart_ids(page)) > 1
    page.wait_for_url(re.compile(r"^(?!.*disputed=)"))


def test_story_steps_and_the_claim_tracer(server: str, page: Any, records: Records) -> None:
    page.goto(server)
    wait_for_chart(page)
    page.get_by_role("button", name="Next event ▶").click()
    page.get_by_text("Event 1 of 7").wait_for()
    first = page.locator(".st-key-event_details h3").first.inner_text()
    page.get_by_role("button", name="Next event ▶").click()
    page.get_by_text("Event 2 of 7").wait_for()
    page.wait_for_function(  # the details follow the step (they may be drawn a moment after its count)
        "t => { const h = document.querySelector('.st-key-event_details h3'); return h && h.innerText !== t; }",
        arg=first)
    page.get_by_role("button", name="◀ Previous event").click()
    page.get_by_text("Event 1 of 7").wait_for()
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


# Where the "selected event" ring is drawn, in page pixels, and the event it rings (None: no ring).
_RING_JS = """
sel => {
  const gd = document.querySelector(sel);
  if (!gd || !gd.data || !gd.calcdata) return null;  // not there, or being drawn again
  const i = gd.data.findIndex(t => t.name === 'selected event' && t.mode === 'markers');
  if (i < 0) return null;
  const node = [...gd.querySelectorAll('.cartesianlayer .trace')].find(t => t.__data__ && t.__data__[0].trace.index === i);
  const path = node && node.querySelector('path.point');
  if (!path) return null;
  const box = path.getBoundingClientRect();
  return {id: gd.data[i].customdata[0][0], x: box.left + box.width / 2, y: box.top + box.height / 2,
          size: box.width, stroke: getComputedStyle(path).stroke};
}
"""


def _ring(page: Any, event_id: str) -> dict[str, Any]:
    page.wait_for_function(f"sel => {{ const r = ({_RING_JS})(sel); return r && r.id === '{event_id}'; }}",
                           arg=CHART_SEL)
    return cast(dict[str, Any], page.evaluate(_RING_JS, CHART_SEL))


def test_the_selected_event_is_ringed_on_the_chart(server: str, page: Any, records: Records) -> None:
    from timeline_graph.app.browser import point_at_event

    ruiz = _event_id_with_day(records, "Chief Ana Ruiz spoke to the Ledger")
    page.goto(server)
    wait_for_chart(page)
    assert page.evaluate(_RING_JS, CHART_SEL) is None  # nothing selected yet
    x, y = point_at_event(page, ruiz)
    page.mouse.click(x, y)
    ring = _ring(page, ruiz)
    assert abs(ring["x"] - x) < 3 and abs(ring["y"] - y) < 3  # drawn on the clicked marker
    assert ring["size"] > 20 and ring["stroke"] == "rgb(17, 17, 17)"  # big and dark: it stands out
    assert page.locator(f"{CHART_SEL} .shapelayer path").count() >= 1  # the dashed line across the chart

    picker = page.locator('.st-key-_event_widget [data-testid="stSelectbox"]')
    picker.click()
    page.get_by_role("option", name=re.compile("requests said to be voluntary")).click()
    voluntary = _event(records, "requests said to be voluntary")
    ring = _ring(page, voluntary)  # the ring follows a pick in the list
    x, y = point_at_event(page, voluntary)
    assert abs(ring["x"] - x) < 3 and abs(ring["y"] - y) < 3


def _event_id_with_day(records: Records, label: str) -> str:
    event = next(e for e in records.events if e.label == label)
    assert event.time is not None and event.time.precision == "day"
    return event.id
