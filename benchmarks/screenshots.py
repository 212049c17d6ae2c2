"""Screenshots of every page of the app for the docs.

    python benchmarks/screenshots.py                 # the bundled example case
    python benchmarks/screenshots.py CASE --out DIR  # a built case folder or graph JSON file

Serves the app on a free loopback port exactly as ``timeline-graph app`` does, drives Debian's
Chromium through Playwright, and writes (default ``docs/screenshots/``) ``timeline.png``,
``event.png``, ``document.png``, ``filters.png`` (filtered, lanes by actor), ``story.png``,
``report-time.png``, ``claims.png``, ``conflicts.png``, ``entity.png`` and ``network.png``.
Prints how long each step took.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline_graph.app import explore, tracer  # noqa: E402
from timeline_graph.app.browser import (  # noqa: E402
    CHART,
    click_event,
    launch_chromium,
    serve,
    wait_for_chart,
    wait_for_plotly,
)
from timeline_graph.case import Case, load_graph  # noqa: E402
from timeline_graph.timeline import TimelineRow, timeline  # noqa: E402

CHART_READY = "chart"  # the timeline chart (timeline and entity pages)
PLOTLY_READY = "plotly"  # a Plotly chart (report-time and network pages)
EXAMPLE = ROOT / "timeline_graph" / "examples" / "doorbell-footage"
WIDTH = 1400


def build_example(into: Path) -> Path:
    """A built copy of the bundled example case (the package folder stays free of caches)."""
    folder = into / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    report = Case.open(folder).build()
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return folder


def pick_event(rows: list[TimelineRow]) -> TimelineRow:
    """The most telling event to show: dated, disputed or reported by the most sources."""
    dated = [row for row in rows if row.start or row.end] or rows
    return max(dated, key=lambda r: (bool(r.conflicts), len(r.documents), len(r.event.participants),
                                     r.start == r.end))


def fit(page: Any) -> None:
    """Make the viewport as tall as the app's content, so one screenshot holds the whole page."""
    page.wait_for_selector('[data-test-script-state="notRunning"]', state="attached", timeout=60_000)
    page.wait_for_timeout(600)
    height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').getBoundingClientRect().height"
    )
    page.set_viewport_size({"width": WIDTH, "height": max(900, min(int(height) + 60, 4000))})
    page.wait_for_timeout(600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", nargs="?", type=Path, help="built case folder or graph JSON (default: the example)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        case = args.case or build_example(Path(tmp))
        G = load_graph(case)
        rows = timeline(G)
        row = pick_event(rows)
        idx = explore.case_index(G)
        cluster = tracer.search_clusters(G, idx)[0].id if idx.clusters else None
        entity = max(idx.entities.values(), default=None, key=lambda e: (
            sum(e.id in ids for ids in idx.event_entities.values()), len(e.mentions)))
        print(f"case ready in {time.perf_counter() - started:.1f} s; event: {row.event.label!r} ({row.when})")
        with serve(case) as url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            dialogs: list[str] = []

            def on_dialog(dialog: Any) -> None:  # a dialog would mean document HTML ran
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)

            t = time.perf_counter()
            page.goto(url)
            wait_for_chart(page)
            print(f"first chart in {time.perf_counter() - t:.1f} s")
            fit(page)
            page.screenshot(path=str(args.out / "timeline.png"))

            t = time.perf_counter()
            click_event(page, row.id)
            page.mouse.move(5, 5)  # no hover label over the chart in the picture
            details = page.locator(".st-key-event_details")
            details.locator("mark.tg-hit").first.wait_for(timeout=30_000)
            print(f"event details {time.perf_counter() - t:.1f} s after the click")
            page.locator(  # the chart drawn again, the event ringed on it
                f'{CHART} circle.tg-tl-selected[data-event="{row.id}"]').wait_for(timeout=30_000)
            page.wait_for_timeout(500)
            fit(page)
            # the chart with the event ringed, and its details down to the first source's words
            top = page.locator(CHART).first.bounding_box()
            first = details.locator(".tg-passage").first.bounding_box()
            assert top is not None and first is not None
            y0 = max(0, top["y"] - 40)
            page.screenshot(path=str(args.out / "event.png"),
                            clip={"x": 0, "y": y0, "width": WIDTH, "height": first["y"] + first["height"] + 30 - y0})

            details.get_by_role("button", name="Open in the document reader").first.click()
            page.locator(".st-key-document_reader mark.tg-current").first.wait_for(timeout=30_000)
            fit(page)
            page.screenshot(path=str(args.out / "document.png"))

            def shoot(name: str, query: str, ready: str, clip_from: str | None = None) -> None:
                t = time.perf_counter()
                page.set_viewport_size({"width": WIDTH, "height": 900})
                page.goto(f"{url}/{query}")
                if ready == CHART_READY:
                    wait_for_chart(page, timeout=60_000)
                elif ready == PLOTLY_READY:
                    wait_for_plotly(page, timeout=60_000)
                else:
                    page.locator(ready).first.wait_for(timeout=60_000)
                    if page.locator(CHART).count():  # a timeline chart on the page (an entity's events)
                        wait_for_chart(page, timeout=60_000)
                page.mouse.move(5, 5)
                fit(page)
                if clip_from:  # from this element down to the selected event's first source
                    top = page.locator(clip_from).first.bounding_box()
                    end = page.locator(".st-key-event_details .tg-passage").first.bounding_box()
                    assert top is not None and end is not None
                    y0 = max(0, top["y"] - 30)
                    page.screenshot(path=str(args.out / f"{name}.png"), clip={
                        "x": 0, "y": y0, "width": WIDTH, "height": end["y"] + end["height"] + 30 - y0})
                else:
                    page.screenshot(path=str(args.out / f"{name}.png"))
                print(f"{name}.png in {time.perf_counter() - t:.1f} s")

            shoot("filters", "?lanes=actor&q=police", CHART_READY)
            first = next((r for r in rows if r.start or r.end), row)
            shoot("story", f"?event={first.id}", ".st-key-event_details .tg-passage", clip_from=".st-key-story")
            shoot("report-time", "?page=report-time", PLOTLY_READY)
            if cluster:
                shoot("claims", f"?page=claims&cluster={cluster}", ".st-key-claim_trace svg")
            shoot("conflicts", "?page=conflicts", "h1")
            if entity:
                shoot("entity", f"?page=entities&entity={entity.id}", ".st-key-entity_details")
            shoot("network", f"?page=network&node={row.id}&steps=2", PLOTLY_READY)
            browser.close()
    if dialogs:
        print(f"a dialog fired: {dialogs}", file=sys.stderr)
        return 1
    print(f"wrote {', '.join(p.name for p in sorted(args.out.glob('*.png')))} to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
