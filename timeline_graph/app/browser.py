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
    "ServerError",
    "click_event",
    "free_port",
    "launch_chromium",
    "point_at_event",
    "serve",
    "wait_for_chart",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: The rendered Plotly chart of the page (the first in the main area: the sidebar has one too).
CHART = '[data-testid="stMainBlockContainer"] [data-testid="stPlotlyChart"] .js-plotly-plot'


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
            yield url
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


# Drawn: Plotly has laid the chart out and every trace that has points has put them in the SVG
# (markers as paths, bars as paths, lines as one path each). Polled on animation frames, so it
# is answered only once the page's main thread is free again.
_DRAWN_JS = """
sel => {
  const gd = document.querySelector(sel);
  if (!gd || !gd._fullLayout || !gd.calcdata || gd._transitioning) return false;
  const traces = gd.querySelectorAll('.cartesianlayer .trace').length;
  return traces >= gd.data.filter(t => (t.x || []).length || (t.y || []).length).length
    && gd.querySelectorAll('.cartesianlayer .trace path').length > 0;
}
"""


def wait_for_chart(page: Any, timeout: float = 30_000) -> Any:
    """Wait until the (first) chart has drawn its traces and the page is responsive; its locator."""
    chart = page.locator(CHART).first
    chart.wait_for(state="visible", timeout=timeout)
    page.wait_for_function(_DRAWN_JS, arg=CHART, timeout=timeout, polling="raf")
    return chart


# Finds the pixel centre of the event's point (marker) or bar in the page, from Plotly's own
# layout: axis c2p gives plot-area pixels, offset by the plot area's margins and the SVG's box.
_POINT_JS = """
([sel, eventId]) => {
  const gd = document.querySelector(sel);
  const fl = gd._fullLayout, box = gd.querySelector('.main-svg').getBoundingClientRect();
  for (const [t, trace] of gd.data.entries()) {
    if (['date given by one source', 'selected event'].includes(trace.name) || !trace.customdata) continue;
    const i = trace.customdata.findIndex(c => c && c[0] === eventId);
    if (i < 0) continue;
    const cd = gd.calcdata[t][i];
    // each trace on its own axes (the events sit on x2 above the overview); _offset: the axis's pixel start
    const xa = fl[(trace.xaxis || 'x').replace('x', 'xaxis')], ya = fl[(trace.yaxis || 'y').replace('y', 'yaxis')];
    let x, y;
    if (trace.type === 'scattergl') {  // WebGL traces keep no per-point calcdata
      x = xa.c2p(xa.d2c(trace.x[i])); y = ya.c2p(ya.d2c(trace.y[i]));
    } else if (trace.type === 'bar') {
      x = (xa.c2p(cd.s0) + xa.c2p(cd.s1)) / 2; y = ya.c2p(cd.p);
    } else {
      x = xa.c2p(cd.x); y = ya.c2p(cd.y);
    }
    return {x: box.left + xa._offset + x, y: box.top + ya._offset + y, shown: x >= 0 && x <= xa._length,
            at: trace.type === 'bar' ? (cd.s0 + cd.s1) / 2 : (trace.type === 'scattergl' ? xa.d2c(trace.x[i]) : cd.x)};
  }
  return null;
}
"""


# Scrolls the chart's scrolling ancestor (Streamlit scrolls its main block, not the window).
_SCROLL_JS = """
([sel, dy]) => {
  let el = document.querySelector(sel);
  while (el && !(el.scrollHeight > el.clientHeight && /auto|scroll/.test(getComputedStyle(el).overflowY))) {
    el = el.parentElement;
  }
  (el || document.scrollingElement).scrollBy(0, dy);
}
"""


# Moves the time axis so that ``at`` (axis units: ms) is in the middle, as dragging the range
# slider would; resolves once Plotly has drawn the chart again.
_CENTRE_JS = """
([sel, at]) => {
  const gd = document.querySelector(sel);
  const [a, b] = gd._fullLayout.xaxis.range.map(v => gd._fullLayout.xaxis.r2c(v));
  const half = (b - a) / 2, xa = gd._fullLayout.xaxis;
  return window.Plotly.relayout(gd, {'xaxis.range': [xa.c2r(at - half), xa.c2r(at + half)]}).then(() => true);
}
"""


def point_at_event(page: Any, event_id: str) -> tuple[float, float]:
    """Bring the event's marker or bar into view (moving the time axis to it if it is outside the
    window shown) and rest the mouse on it; its page coordinates."""
    chart = page.locator(CHART).first
    chart.scroll_into_view_if_needed()
    point = page.evaluate(_POINT_JS, [CHART, event_id])
    if point is None:
        raise LookupError(f"event {event_id} is not on the chart")
    if not point["shown"]:
        page.evaluate(_CENTRE_JS, [CHART, point["at"]])
        page.wait_for_function(_DRAWN_JS, arg=CHART, polling="raf")
        point = page.evaluate(_POINT_JS, [CHART, event_id])
    height = page.evaluate("() => window.innerHeight")
    if not 20 < point["y"] < height - 20:  # a tall chart: bring the point itself into view
        page.evaluate(_SCROLL_JS, [CHART, point["y"] - height / 2])  # not the wheel: it zooms the chart
        page.wait_for_timeout(300)
        point = page.evaluate(_POINT_JS, [CHART, event_id])
    page.mouse.move(point["x"], point["y"])
    page.wait_for_timeout(150)
    return point["x"], point["y"]


def click_event(page: Any, event_id: str) -> None:
    """Click the event's marker or bar on the timeline chart with the mouse, at its centre."""
    x, y = point_at_event(page, event_id)
    page.mouse.click(x, y)
