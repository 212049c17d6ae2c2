"""Serve the app on loopback and drive it in Debian's Chromium: shared by tests and screenshots.

Playwright is an optional dependency, imported only by the functions that need it. Chromium is
never downloaded: the system one at :data:`CHROMIUM` is launched with background networking off.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import streamlit_command

__all__ = [
    "CHART",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "PLOTLY_CHART",
    "ServerError",
    "choose",
    "click_event",
    "fill",
    "free_port",
    "launch_chromium",
    "mark_of",
    "point_at_event",
    "serve",
    "serve_process",
    "settled",
    "wait_for_chart",
    "wait_for_plotly",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: The timeline chart of the page, once drawn (the first in the main area).
CHART = '[data-testid="stMainBlockContainer"] [data-tg-timeline]'
#: A Plotly chart of the page (the report-time and network pages).
PLOTLY_CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'


class ServerError(RuntimeError):
    """The Streamlit server did not come up; carries the end of its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(case: Path, *, port: int | None = None, timeout: float = 60.0) -> Iterator[str]:
    """Run ``streamlit_command(case)`` on 127.0.0.1 until the block ends; yields the base URL.

    The package this module belongs to is put first on ``PYTHONPATH``, so the server runs the
    same code as the caller. The server is stopped (terminate, then kill) however the block ends.
    """
    with serve_process(case, port=port, timeout=timeout) as (url, _):
        yield url


@contextlib.contextmanager
def serve_process(case: Path, *, port: int | None = None, timeout: float = 60.0
                  ) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """As :func:`serve`, yielding the server's process too (to read the CPU time it spends)."""
    port = port or free_port()
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(streamlit_command(case, port=port), env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            _wait_healthy(url, proc, log, timeout)
            yield url, proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    log.seek(0)
    tail = log.read().decode("utf-8", "replace")[-2000:]
    raise ServerError(f"streamlit did not become healthy at {url} (exit code {proc.poll()}):\n{tail}")


def launch_chromium(playwright: Any) -> Any:
    """Debian's Chromium through Playwright, headless, with background networking off."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


# Drawn: the chart has placed its marks (it counts its drawings in data-drawn). Polled on
# animation frames, so it is answered only once the page's main thread is free again.
_DRAWN_JS = """
sel => {
  const root = document.querySelector(sel);
  return Boolean(root && root.dataset.drawn && root.tgChart && !root.tgChart.frame);
}
"""


def wait_for_chart(page: Any, timeout: float = 30_000) -> Any:
    """Wait until the (first) timeline chart has drawn its marks and the page is responsive; its locator."""
    chart = page.locator(CHART).first
    chart.wait_for(state="visible", timeout=timeout)
    page.wait_for_function(_DRAWN_JS, arg=CHART, timeout=timeout, polling="raf")
    return chart


# Drawn: Plotly has laid out the figure's data (calcdata is set once it has been drawn).
_PLOTLY_DRAWN_JS = "sel => { const gd = document.querySelector(sel); return Boolean(gd && gd.data && gd.calcdata); }"


def wait_for_plotly(page: Any, timeout: float = 30_000) -> Any:
    """Wait until the page's (first) Plotly chart has drawn its data; its locator."""
    chart = page.locator(PLOTLY_CHART).first
    chart.wait_for(state="visible", timeout=timeout)
    page.wait_for_function(_PLOTLY_DRAWN_JS, arg=PLOTLY_CHART, timeout=timeout)
    return chart


# Moves the chart's window to the event if it is outside it (as dragging the overview's window
# would), then answers whether the event's mark is drawn.
_BRING_JS = """
([sel, eventId]) => {
  const root = document.querySelector(sel);
  const chart = root && root.tgChart;
  if (!chart || !chart.index.has(eventId)) return false;
  chart.bringIntoView(eventId);
  chart.draw();
  return true;
}
"""


def mark_of(page: Any, event_id: str) -> Any:
    """The locator of the event's mark (dot, bar or triangle) on the timeline chart."""
    return page.locator(f'{CHART} .tg-tl-mark[data-event="{event_id}"]').first


def point_at_event(page: Any, event_id: str) -> tuple[float, float]:
    """Bring the event's mark into view (moving the time window to it if it is outside) and rest
    the mouse on it; its page coordinates."""
    wait_for_chart(page)
    if not page.evaluate(_BRING_JS, [CHART, event_id]):
        raise LookupError(f"event {event_id} is not on the chart")
    mark = mark_of(page, event_id)
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    if box is None:
        raise LookupError(f"event {event_id} is not drawn on the chart")
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_timeout(150)
    return x, y


def click_event(page: Any, event_id: str) -> None:
    """Click the event's mark on the timeline chart with the mouse, at its centre."""
    x, y = point_at_event(page, event_id)
    page.mouse.click(x, y)


def choose(page: Any, key: str, option: str) -> None:
    """Pick ``option`` in the selectbox with widget ``key`` (a click while the page is still
    settling may not open the list: it is tried again)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator(f'.st-key-{key} [data-testid="stSelectbox"] input')
    box.wait_for()
    for _ in range(5):
        box.click()
        try:
            page.get_by_role("option", name=option).click(timeout=2_000)
            return
        except PlaywrightTimeout:  # the list did not open
            page.keyboard.press("Escape")
    raise LookupError(f"the selectbox {key} offers no {option!r}")


def fill(page: Any, key: str, text: str) -> None:
    """Type into the text input with widget ``key`` and commit it (Enter)."""
    box = page.locator(f".st-key-{key} input")
    box.fill(text)
    box.press("Enter")


_SETTLED_JS = """() => !document.querySelector('[data-stale="true"]')
    && !document.querySelector('[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]')"""


def settled(page: Any, timeout: float = 120_000) -> None:
    """Wait until the app has finished drawing the page again (no element left stale, nothing running)."""
    page.wait_for_function(_SETTLED_JS, timeout=timeout)
