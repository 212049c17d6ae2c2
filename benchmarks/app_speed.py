"""How quick the app is on a large case, measured in a real browser.

    python benchmarks/app_speed.py                      # 5,000 events, 20,000 claims
    python benchmarks/app_speed.py --events 500 --claims 2000 --runs 1

Builds a synthetic case directly from model records (documents, entities, events with day,
month, season and approximate dates, claims in clusters, citations and conflicts), writes it as
graph JSON, serves it with ``timeline-graph app`` and drives Debian's Chromium through
Playwright. Prints, per run:

- load: from navigation to an interactive timeline (every mark of the chart placed, the page's
  main thread free again, the event picker there); each run is a fresh browser context (nothing
  cached), and the first run includes the server loading the case into its cache;
- load cpu: the CPU time the page's main thread spent in that load (on a busy machine the load
  takes longer than this; on an idle one, about this plus the network and the server);
- warm load: the same for a returning reader, whose browser has the app's code cached;
- select: from clicking an event on the chart (the mouse already resting on it) to its details
  showing, and from picking another in the event picker (found first with the search box) to its
  details showing; "ring": until the chart has been drawn again with that event ringed.

Targets: load <= 3 s, select < 1 s, judged on the median of the runs; the last line says which
are met, and the exit code is 1 when one is missed. Machines are shared and noisy: run it more
than once.

With ``--case-documents N`` it measures instead the first render of a built case folder of N
documents (made as benchmarks/open_case.py makes its case: synthetic news-like files, synthetic
extraction and resolution, 100 curation decisions), opening on its key dates page:

    python benchmarks/app_speed.py --case-documents 5000 --keep /tmp/big5000 --runs 3

Each run starts a fresh server and prints the time from its start to answering its health check
("server ready"), then from the first browser visit to the first key date shown ("first render"),
and the two together ("start to first render", without ``--wait``); and the CPU time the server
spent until it answered and during the first render, and the page's main thread during it. ``--keep DIR`` keeps the
case folder there and reuses it when it already holds a built case (building 5,000 documents
takes minutes); ``--wait S`` has the first visit come S seconds after the server answers, as a
reader who opens the page a little after starting the app would.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline_graph.app.browser import CHART, launch_chromium, point_at_event, serve, wait_for_chart  # noqa: E402
from timeline_graph.app.views import short  # noqa: E402
from timeline_graph.export.graphjson import to_json  # noqa: E402
from timeline_graph.graph import build_graph  # noqa: E402
from timeline_graph.model import (  # noqa: E402
    Citation,
    Claim,
    Conflict,
    Document,
    Entity,
    EntityKind,
    Event,
    Participant,
    Records,
    Report,
    Span,
    TimeValue,
    record_id,
)

KINDS = ("request", "statement", "meeting", "report", "policy")
WORDS = ("police", "camera", "footage", "council", "vendor", "privacy", "request", "network", "resident",
         "officer", "program", "partnership", "warrant", "data", "video", "neighbourhood", "agency", "hearing",
         "budget", "contract")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic_records(n_events: int, n_claims: int, *, n_docs: int = 200, n_entities: int = 400,
                      seed: int = 6) -> Records:
    """A case of ``n_events`` events and ``n_claims`` claims spread over ``n_docs`` documents."""
    rng = random.Random(seed)
    per_doc_events = -(-n_events // n_docs)
    per_doc_claims = -(-n_claims // n_docs)
    start = date(2015, 1, 1)
    names = [f"Agency {i}" if i % 3 else f"Person {i}" for i in range(n_entities)]
    docs: list[Document] = []
    sentences: list[list[tuple[int, int]]] = []
    named: dict[str, list[tuple[int, int, int]]] = {}  # name -> (document index, start, end)
    for d in range(n_docs):
        parts, spans, at = [], [], 0
        for _ in range(per_doc_events + per_doc_claims + 2):
            s = _sentence(rng, rng.randint(8, 16))
            spans.append((at, at + len(s) - 1))  # without the full stop
            parts.append(s)
            at += len(s) + 1
        text = " ".join(parts)
        for name in rng.sample(names, 3):
            text += " " + name
            named.setdefault(name, []).append((d, len(text) - len(name), len(text)))
        text += "."
        sha = hashlib.sha256(text.encode()).hexdigest()
        published = start + timedelta(days=rng.randint(0, 365 * 7))
        docs.append(Document.create(sha256=sha, text=text, source=f"doc{d:04d}.txt", title=f"Report {d}",
                                    publisher=f"Outlet {d % 25}", published=TimeValue.of_day(published)))
        sentences.append(spans)
    entities = []
    for i, name in enumerate(names):
        mentions = tuple(Span.at(docs[d], a, b) for d, a, b in named.get(name, []))
        kind: EntityKind = "person" if name.startswith("Person") else "organization"
        entities.append(Entity(id=Entity.id_for(kind, name), kind=kind, name=name, mentions=mentions[:50],
                               aliases=(name.split()[0][0] + name.split()[1],) if i % 5 == 0 else ()))
    events = []
    for i in range(n_events):
        d = i % n_docs
        doc = docs[d]
        a, b = sentences[d][i // n_docs]
        day = start + timedelta(days=rng.randint(0, 365 * 6))
        shape = rng.random()
        if shape < 0.5:
            t = TimeValue.of_day(day)
        elif shape < 0.7:
            t = TimeValue.from_edtf(f"{day.year}-{day.month:02d}")
        elif shape < 0.8:
            t = TimeValue.from_edtf(f"{day.year}-{21 + day.month % 4}")
        elif shape < 0.9:
            t = TimeValue.from_edtf(f"{day.isoformat()}~")
        else:
            t = TimeValue.from_edtf(f"{day.year}")
        who = rng.sample(entities, 2)
        events.append(Event(id=record_id("evt", i), label=f"Event {i}: " + doc.text[a:a + 40], time=t,
                            kind=KINDS[i % len(KINDS)], reports=(Report(doc.id, Span.at(doc, a, b), t, "synthetic"),),
                            participants=(Participant(who[0].id, "agent"), Participant(who[1].id, "subject"))))
    claims = []
    n_clusters = max(1, n_claims // 4)
    for i in range(n_claims):
        d = (i * 7) % n_docs
        doc = docs[d]
        a, b = sentences[d][per_doc_events + (i // n_docs) % per_doc_claims]
        speaker = entities[i % n_entities]
        claims.append(Claim(id=record_id("clm", i), text=doc.text[a:b], document=doc.id, span=Span.at(doc, a, b),
                            claimant=speaker.id, claimant_name=speaker.name, verb="said", reported=doc.published,
                            cluster=record_id("cluster", i % n_clusters), about=(entities[(i * 3) % n_entities].id,)))
    citations = []
    for d, doc in enumerate(docs):
        target = docs[(d * 13 + 1) % n_docs]
        a, b = sentences[d][-1]
        citations.append(Citation(id=record_id("cit", d), document=doc.id, span=Span.at(doc, a, b),
                                  cites_label=target.label, cites_document=target.id))
    conflicts = []
    for i in range(0, n_events, 50):
        e = events[i]
        conflicts.append(Conflict(id=record_id("cfl", i), kind="date", items=(e.id,), documents=e.documents,
                                  explanation=f"Sources give different dates for event {i}."))
    return Records(documents=tuple(docs), entities=tuple(entities), events=tuple(events), claims=tuple(claims),
                   citations=tuple(citations), conflicts=tuple(conflicts))


def _interactive(page: Any) -> None:
    """The chart drawn (every trace's points in the page, main thread free) and the picker there."""
    wait_for_chart(page, timeout=60_000)
    page.locator('.st-key-_event_widget [data-testid="stSelectbox"]').wait_for(timeout=60_000)


def _heading(page: Any) -> str:
    return str(page.locator(".st-key-event_details h3").first.inner_text(timeout=60_000))


# The chart has been drawn again with this event ringed.
_RINGED_JS = """
([sel, eventId]) => {
  const root = document.querySelector(sel);
  return Boolean(root && root.dataset.selected === eventId
    && root.querySelector(`.tg-tl-selected[data-event="${eventId}"]`));
}
"""


def measure(url: str, events: list[str], labels: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Load and selection times over ``runs`` fresh pages (fresh browser contexts: nothing cached)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {"load": [], "click": [], "click ring": [], "pick": [], "pick ring": [],
                                   "warm load": [], "load cpu": []}
    url = f"{url}/?page=timeline"  # a case of 200 documents or more opens on its key dates
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        # a returning reader: one browser context, its cache primed by a first visit (not counted)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        for run in range(runs + 1):
            page = context.new_page()
            t = time.perf_counter()
            page.goto(url)
            _interactive(page)
            if run:
                out["warm load"].append(time.perf_counter() - t)
            page.close()
        context.close()
        for run in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            t = time.perf_counter()
            page.goto(url)
            _interactive(page)
            out["load"].append(time.perf_counter() - t)
            # CPU time of the page's main thread: what the load costs the browser, whatever else runs
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            out["load cpu"].append(metrics["ThreadTime"])

            target = events[run % len(events)]
            x, y = point_at_event(page, target)  # scrolled to and hovered: the clock starts at the click
            t = time.perf_counter()
            page.mouse.click(x, y)
            page.locator(".st-key-event_details h3").first.wait_for(timeout=60_000)
            out["click"].append(time.perf_counter() - t)
            page.wait_for_function(_RINGED_JS, arg=[CHART, target], timeout=60_000, polling="raf")
            out["click ring"].append(time.perf_counter() - t)
            shown = _heading(page)

            # another event, found by its words in the search box, then picked from the short list
            other = next(e for e in events[run + 1:] if labels[e] != shown)
            search = page.locator(".st-key-_event_query input")
            if search.count():  # a large case: the picker lists what the search box finds
                search.fill(labels[other])
                search.press("Enter")
                page.get_by_text(re.compile(r"events? found, of")).first.wait_for(timeout=60_000)
            picker = page.locator('.st-key-_event_widget [data-testid="stSelectbox"]')
            picker.click()
            page.keyboard.type(labels[other][:30])
            option = page.get_by_role("option", name=re.compile("^" + re.escape(short(labels[other], 50)))).first
            option.wait_for(timeout=60_000)
            t = time.perf_counter()
            option.click()
            page.wait_for_function(
                "old => { const h = document.querySelector('.st-key-event_details h3'); "
                "return h && h.innerText !== old; }", arg=shown, timeout=60_000, polling="raf")
            out["pick"].append(time.perf_counter() - t)
            page.wait_for_function(_RINGED_JS, arg=[CHART, other], timeout=60_000, polling="raf")
            out["pick ring"].append(time.perf_counter() - t)
            page.close()
        browser.close()
    return out


def _payload(G: Any) -> str:
    """How much the timeline page sends the browser for its chart and event picker (JSON sizes)."""
    import json

    from timeline_graph.app import chart, explore
    from timeline_graph.timeline import timeline

    rows = timeline(G)
    data = chart.timeline_data(rows, colours=chart.kind_colours(rows))
    picker = chart.event_choices(explore.event_shortlist(explore.case_index(G), rows))
    sizes = {"timeline chart with its overview": len(json.dumps(data)),
             "event picker": len(json.dumps(list(picker.values())))}
    return (f"payload: {len(data['marks'])} marks; "
            + ", ".join(f"{name} {n / 1e3:.0f} kB" for name, n in sizes.items()))


def built_case(folder: Path, n_docs: int) -> None:
    """A case folder of ``n_docs`` documents built at ``folder`` (kept as it is when built already),
    ended as the build command ends: the curated graph stored, and the app's first page kept."""
    from benchmarks.open_case import build, write_decisions, write_documents
    from timeline_graph.app import opening
    from timeline_graph.case import CACHE_DIR, CURATED_FILE, RESOLVED_FILE, Case

    t = time.perf_counter()
    if (folder / CACHE_DIR / "manifest.json").exists():
        # built again as it was made, its synthetic resolution made again: a read by other code
        # since (another version of the resolver) would have resolved the synthetic case for real
        for name in (RESOLVED_FILE, CURATED_FILE):
            (folder / CACHE_DIR / name).unlink(missing_ok=True)
        build(folder, real=False)
        print(f"case: {folder} (built already: {len(list(folder.glob('*.txt')))} documents)")
    else:
        write_documents(folder, n_docs)
        _, records = build(folder, real=False)
        assert records is not None
        write_decisions(folder, records, 100)
    # as `timeline-graph build` ends (the decisions written after the build are applied too)
    case = Case.open(folder)
    G = case.load_graph(store=True)
    made = opening.of_graph(G)
    opening.store(case, made)
    print(f"case: {folder}, " + ", ".join(f"{n} {name}" for name, n in made.summary.counts)
          + f", {len(case.decisions())} decisions; written and built in {time.perf_counter() - t:.0f} s")


def _cpu_seconds(pid: int) -> float:
    """The CPU time (user and system, all threads) process ``pid`` has spent so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_renders(folder: Path, runs: int, wait: float = 0.0) -> dict[str, list[float]]:
    """Per run, a fresh server: its start to healthy, then the first visit (``wait`` seconds
    later) to the first key date shown; with the CPU time the server and the page's main thread
    spent on each (the machine is shared: these vary less than the times)."""
    from playwright.sync_api import sync_playwright

    from timeline_graph.app.browser import serve_process

    out: dict[str, list[float]] = {"server ready": [], "first render": [], "start to first render": [],
                                   "server cpu to ready": [], "server cpu in first render": [],
                                   "page cpu in first render": []}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for _ in range(runs):
            start = time.perf_counter()
            with serve_process(folder, timeout=600) as (url, server):
                ready, ready_cpu = time.perf_counter(), _cpu_seconds(server.pid)
                time.sleep(wait)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                cdp = page.context.new_cdp_session(page)
                cdp.send("Performance.enable")
                visit, visit_cpu = time.perf_counter(), _cpu_seconds(server.pid)
                page.goto(url)
                page.locator(".st-key-key-date-0").wait_for(timeout=600_000)
                shown, shown_cpu = time.perf_counter(), _cpu_seconds(server.pid)
                metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                page.close()
            out["server ready"].append(ready - start)
            out["first render"].append(shown - visit)
            if not wait:  # else the server had that long to itself
                out["start to first render"].append(shown - start)
            out["server cpu to ready"].append(ready_cpu)
            out["server cpu in first render"].append(shown_cpu - visit_cpu)
            out["page cpu in first render"].append(metrics["ThreadTime"])
        browser.close()
    return out


def case_main(folder: Path, n_docs: int, runs: int, wait: float) -> int:
    """The first render of a built case of ``n_docs`` documents (see the module docstring)."""
    built_case(folder, n_docs)
    if wait:
        print(f"the first visit comes {wait:g} s after the server answers")
    times = first_renders(folder, runs, wait)
    for name, values in times.items():
        if not values:
            continue
        print(f"{name}: " + ", ".join(f"{v:.2f}" for v in values) + f" s (median {statistics.median(values):.2f} s)")
    print(f"load average (1, 5, 15 min) at the end: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--case-documents", type=int, default=0,
                        help="measure the first render of a built case folder of this many documents instead")
    parser.add_argument("--keep", type=Path, default=None, help="with --case-documents: keep the case folder here "
                        "(and reuse it when it is built already)")
    parser.add_argument("--wait", type=float, default=0.0,
                        help="with --case-documents: seconds between the server answering and the first visit")
    args = parser.parse_args(argv)
    if args.case_documents:
        if args.keep is not None:
            return case_main(args.keep, args.case_documents, args.runs, args.wait)
        with tempfile.TemporaryDirectory() as tmp:
            return case_main(Path(tmp) / "case", args.case_documents, args.runs, args.wait)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        records = synthetic_records(args.events, args.claims)
        G = build_graph(records, title="Synthetic case", base_iri="https://example.org/case/synthetic/")
        path = Path(tmp) / "synthetic.json"
        path.write_text(to_json(G), encoding="utf-8")
        print(f"case: {len(records.events)} events, {len(records.claims)} claims, {len(records.documents)} documents, "
              f"{len(records.entities)} entities; written in {time.perf_counter() - t:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
        print(_payload(G))
        # events spread over the chart, day-dated (markers), in time order
        dated = sorted((e for e in records.events if e.time and e.time.precision == "day"),
                       key=lambda e: e.time.sort_key() if e.time else (date.max,))
        picks = [dated[i].id for i in range(0, len(dated), max(1, len(dated) // 12))]
        labels = {e.id: e.label for e in records.events}
        with serve(path, timeout=120) as url:
            times = measure(url, picks, labels, args.runs)
    rows = (("load", "navigation to interactive timeline", 3.0),
            ("load cpu", "main-thread CPU time of the page during that load", None),
            ("warm load", "the same, returning (browser cache primed by an earlier visit)", None),
            ("click", "click on the chart to event details", 1.0),
            ("click ring", "click on the chart to the chart redrawn with the event ringed", None),
            ("pick", "pick in the event list to event details", 1.0),
            ("pick ring", "pick in the event list to the chart redrawn with the event ringed", None))
    for name, what, target in rows:
        values = times[name]
        goal = f"; target {'<=' if name == 'load' else '<'} {target:g} s" if target else ""
        print(f"{what}: " + ", ".join(f"{v:.2f}" for v in values)
              + f" s (median {statistics.median(values):.2f} s{goal})")
    print(f"load average (1, 5, 15 min) at the end: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    # a target is judged on the median of the runs (a busy shared machine slows single runs)
    verdicts = []
    for name, _, target in rows:
        if target is not None:
            median = statistics.median(times[name])
            met = median <= target if name == "load" else median < target
            verdicts.append((name, met, median, target))
    print("targets: " + "; ".join(f"{name} {'met' if met else 'MISSED'} (median {median:.2f} s, target "
                                  f"{'<=' if name == 'load' else '<'} {target:g} s)"
                                  for name, met, median, target in verdicts))
    return 0 if all(met for _, met, _, _ in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
