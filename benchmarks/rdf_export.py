"""Time every RDF export of a large synthetic case next to the plain rdflib path, and reading.

A synthetic case of ``--events`` events (default 100,000: about 6.8 million triples with the
project's mapping; 15,000 events give about a million triples), each reported by one of
the case's documents with a dated span, plus a claim for every second event and a source
citation for every fifth, is built once and pickled. Each measurement then runs in a fresh
process, so its peak memory (``ru_maxrss``, the loaded case graph included) is its own:

- ``ours``: ``timeline_graph.export.export(G, fmt, path)``, graph to file, end to end;
- ``rdflib``: the plain path on the same case: every triple added to an ``rdflib.Dataset``
  (``Graph`` for the triple formats), then ``serialize``;
- ``read``: ``pyoxigraph.parse`` of our file (what ``timeline-graph validate`` reads with) next
  to ``rdflib.Graph.parse`` / ``Dataset.parse`` of the same file;
- ``import`` (with ``--import``): ``timeline-graph import``'s whole path, file to case graph
  (parse, index, rebuild and check every record), next to the rdflib parse of the same file.

The plain rdflib path needs about 9 GB and 7 minutes for N-Triples at 100,000 events (more for
the other formats). ``--rdflib-events N`` measures it (writing and reading) on a case of N
events instead and scales its times linearly by the number of triples: such figures are marked
``~`` and labelled as extrapolated in the output; its memory is the one measured at N events.
Every row also gives the load average, as the machines are shared.

    python3 benchmarks/rdf_export.py [--events 15000,100000] [--formats nt,nq,ttl,trig,jsonld]
                                     [--rdflib-events 15000] [--import]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RDFLIB_FORMAT = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}
QUAD_FORMATS = {"trig", "nq", "jsonld"}


def synthetic_graph(n_events: int):  # type: ignore[no-untyped-def]
    """A case of n_events events in n_events/100 documents, with claims and citations."""
    from timeline_graph.graph import build_graph
    from timeline_graph.model import (
        Citation,
        Claim,
        Document,
        Entity,
        Event,
        Participant,
        Records,
        Report,
        Span,
        TimeValue,
        record_id,
    )

    per_doc = 100
    n_docs = max(1, n_events // per_doc)
    first = date(2019, 1, 1)
    docs, entities, events, claims, citations = [], [], [], [], []
    for d in range(n_docs):
        lines = [f"On day {i} of the inquiry, officer {i % 50} asked for footage, said spokesperson {d % 20}.\n"
                 for i in range(per_doc)]
        text = "".join(lines)
        sha = hashlib.sha256(text.encode() + str(d).encode()).hexdigest()
        docs.append(Document.create(sha256=sha, text=text, source=f"doc{d}.txt", title=f"Report {d}",
                                    publisher="Daily Ledger", authors=(f"Reporter {d % 30}",),
                                    published=TimeValue.of_day(first + timedelta(days=d % 900))))
    doc_text = {doc.id: doc.text for doc in docs}
    months: dict[str, TimeValue] = {}  # EDTF parsing is slow and the months repeat
    for e in range(50):
        entities.append(Entity(id=record_id("ent", e), kind="person", name=f"Officer {e}"))
    offsets: dict[str, list[int]] = {}
    for doc in docs:
        starts, at = [], 0
        for line in doc.text.splitlines(keepends=True):
            starts.append(at)
            at += len(line)
        offsets[doc.id] = starts
    for i in range(n_events):
        doc = docs[i // per_doc]
        at = offsets[doc.id][i % per_doc]
        span = Span.at(doc, at, at + doc_text[doc.id].index(",", at) - at)
        day = first + timedelta(days=i % 1000)
        if i % 3:
            when = TimeValue.of_day(day)
        else:
            month = day.isoformat()[:7]
            when = months.get(month) or months.setdefault(month, TimeValue.from_edtf(month))
        events.append(Event(id=record_id("evt", i), label=f"footage request {i}", time=when,
                            reports=(Report(doc.id, span, when, "bench 1"),),
                            participants=(Participant(entities[i % 50].id, "agent"),)))
        if i % 2 == 0:
            cspan = Span.find(doc, f"said spokesperson {(i // per_doc) % 20}", at)
            claims.append(Claim(id=record_id("clm", i), text=f"officer {i % 50} asked for footage",
                                document=doc.id, span=cspan, claimant=entities[(i + 1) % 50].id,
                                verb="said", cluster=f"cluster-{i % 1000}"))
        if i % 5 == 0:
            cspan = Span.find(doc, "the inquiry", at)
            citations.append(Citation(id=record_id("cit", i), document=doc.id, span=cspan,
                                      cites_label="the inquiry", cites_entity=entities[i % 50].id))
    records = Records(documents=tuple(docs), entities=tuple(entities), events=tuple(events),
                      claims=tuple(claims), citations=tuple(citations))
    return build_graph(records, title="synthetic", base_iri="https://example.org/bench/")


def _peak_mb() -> float:
    """This process's peak resident memory. ``ru_maxrss`` is not used where /proc tells: a child
    started by a large parent inherits the parent's peak in it (through fork or vfork and exec),
    which hid every child smaller than the parent behind the parent's figure."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    hwm = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(hwm.split()[1]) / 1024


def _rdflib_term(t):  # type: ignore[no-untyped-def]
    from rdflib import Literal, URIRef

    from timeline_graph.export.rdf import Lit

    if isinstance(t, Lit):
        plain = t.language or t.datatype == "http://www.w3.org/2001/XMLSchema#string"
        return Literal(t.lexical, lang=t.language, datatype=None if plain else URIRef(t.datatype))
    return URIRef(t)


def child(task: str, fmt: str, pickled: Path, out: Path) -> dict[str, float]:
    """One measurement, in this (fresh) process."""
    import pyoxigraph
    import rdflib

    from timeline_graph.export import export
    from timeline_graph.export.rdf import quads
    from timeline_graph.export.shacl import FORMAT_BY_SUFFIX

    loaded = time.perf_counter()  # imports are not timed: the same for every path
    G = pickle.loads(pickled.read_bytes()) if task in ("ours", "rdflib") else None
    before = _peak_mb()
    start = time.perf_counter()
    result: dict[str, float] = {"load_s": start - loaded}
    if task == "ours":
        export(G, fmt, out)
    elif task == "rdflib":
        if fmt in QUAD_FORMATS:
            ds = rdflib.Dataset()
            graphs: dict[object, rdflib.Graph] = {}
            for s, p, o, g in quads(G):
                target = graphs.get(g)
                if target is None:
                    target = graphs[g] = ds.default_graph if g is None else ds.graph(rdflib.URIRef(g))
                target.add((rdflib.URIRef(s), rdflib.URIRef(p), _rdflib_term(o)))
            result["build_s"] = time.perf_counter() - start
            ds.serialize(out, format=RDFLIB_FORMAT[fmt], encoding="utf-8")
        else:
            graph = rdflib.Graph()
            for s, p, o, _g in quads(G):
                graph.add((rdflib.URIRef(s), rdflib.URIRef(p), _rdflib_term(o)))
            result["build_s"] = time.perf_counter() - start
            graph.serialize(out, format=RDFLIB_FORMAT[fmt], encoding="utf-8")
    elif task == "read-ox":
        with out.open("rb") as stream:
            result["quads"] = sum(1 for _ in pyoxigraph.parse(stream, format=FORMAT_BY_SUFFIX[out.suffix]))
    elif task == "import":
        from timeline_graph.export.rdfimport import read_rdf_graph

        result["records"] = read_rdf_graph(out).number_of_nodes()
    elif task == "read-rdflib":
        target = rdflib.Dataset() if fmt in QUAD_FORMATS else rdflib.Graph()
        target.parse(out, format=RDFLIB_FORMAT[fmt])
        result["quads"] = len(target) if fmt not in QUAD_FORMATS else sum(1 for _ in target.quads())
    result["seconds"] = time.perf_counter() - start
    result["peak_mb"] = _peak_mb()
    result["peak_before_mb"] = before
    return result


def run(task: str, fmt: str, pickled: Path, out: Path, timeout: float | None = None) -> dict[str, float]:
    """One measurement in a fresh process; past ``timeout`` seconds, stopped and reported as a bound."""
    try:
        done = subprocess.run([sys.executable, __file__, "--child", task, fmt, str(pickled), str(out)],
                              check=False, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        assert timeout is not None
        return {"seconds": timeout, "build_s": float("nan"), "peak_mb": float("nan"), "timed_out": 1}
    if done.returncode != 0:
        sys.exit(f"{task} {fmt} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


TARGET_SPEEDUP = 5.0  # nt, nq, ttl, trig against the plain rdflib path
TARGET_RATE = 200_000  # triples per second, end to end
TARGET_PEAK_MB = 2048
TARGET_IMPORT_SPEEDUP = 3.0  # against rdflib's parse of the same file
TARGET_FORMATS = ("nt", "nq", "ttl", "trig")


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _prepare(n_events: int, tmp: Path) -> tuple[Path, int]:
    """Build and pickle the synthetic case; its pickle and number of distinct triples."""
    from timeline_graph.export.rdf import triples

    start = time.perf_counter()
    G = synthetic_graph(n_events)
    built = time.perf_counter() - start
    n_triples = len(set(triples(G)))
    print(f"synthetic case: {n_events} events, {G.number_of_nodes()} records, {n_triples:,} distinct "
          f"triples (built in {built:.1f} s)", flush=True)
    pickled = tmp / f"graph-{n_events}.pickle"
    pickled.write_bytes(pickle.dumps(G, protocol=pickle.HIGHEST_PROTOCOL))
    return pickled, n_triples


RdflibRuns = dict[tuple[int, str], tuple[dict[str, float], dict[str, float]]]


def bench(n_events: int, args: argparse.Namespace, tmp: Path, rdflib_runs: RdflibRuns) -> list[str]:
    """Measure one case size; print its table and return the targets it misses.

    ``rdflib_runs`` holds the plain rdflib path's write and read by case size and format, so a
    smaller size measured earlier in the run is not measured again for extrapolating.
    """
    from timeline_graph.export import FORMATS

    pickled, n_triples = _prepare(n_events, tmp)
    subset = args.rdflib_events if args.rdflib_events and args.rdflib_events < n_events else None
    if subset:
        print(f"plain rdflib path measured on a {subset}-event case and extrapolated:", end=" ", flush=True)
        small, small_triples = _prepare(subset, tmp)
        scale = n_triples / small_triples
    else:
        small, scale = pickled, 1.0
    mark = "~" if subset else " "
    print(f"{'format':<7} {'ours s':>7} {'triples/s':>10} {'peak MB':>8} | {'rdflib s':>9} "
          f"{'(build+write)':>14} {'peak MB':>8} {'speed-up':>8} | {'read ox s':>9} {'rdflib s':>9} "
          f"{'speed-up':>8} | load 1/5/15 min")
    missed: list[str] = []
    for fmt in args.formats.split(","):
        load_before = _load()
        ours_file = tmp / f"ours{FORMATS[fmt].suffix}"
        theirs_file = tmp / f"rdflib{FORMATS[fmt].suffix}"
        small_file = tmp / f"ours-small{FORMATS[fmt].suffix}"
        ours = run("ours", fmt, pickled, ours_file)
        read_ox = run("read-ox", fmt, pickled, ours_file)
        measured = rdflib_runs.get((subset or n_events, fmt))
        if measured is None:  # measured once per case size and format, reused for extrapolating
            if subset:
                run("ours", fmt, small, small_file)
            measured = rdflib_runs[subset or n_events, fmt] = (
                run("rdflib", fmt, small, theirs_file, args.rdflib_timeout),
                run("read-rdflib", fmt, small, small_file if subset else ours_file, args.rdflib_timeout))
            theirs_file.unlink(missing_ok=True)
            small_file.unlink(missing_ok=True)
        theirs, read_rdflib = measured
        more = {key: ">" if found.get("timed_out") else mark for key, found in
                (("write", theirs), ("read", read_rdflib))}
        theirs_s, build_s, read_s = (theirs["seconds"] * scale, theirs["build_s"] * scale,
                                     read_rdflib["seconds"] * scale)
        size = ours_file.stat().st_size / 1e6
        rate, speedup = n_triples / ours["seconds"], theirs_s / ours["seconds"]
        print(f"{fmt:<7} {ours['seconds']:7.2f} {rate:10,.0f} {ours['peak_mb']:8.0f} | "
              f"{more['write']}{theirs_s:8.2f} {build_s:6.1f}+{theirs_s - build_s:6.1f} "
              f"{theirs['peak_mb']:8.0f} {more['write']}{speedup:6.1f}x | "
              f"{read_ox['seconds']:9.2f} {more['read']}{read_s:8.2f} "
              f"{more['read']}{read_s / read_ox['seconds']:6.1f}x | {load_before} -> {_load()}"
              f"   ({size:.0f} MB file)", flush=True)
        if fmt in TARGET_FORMATS:
            if speedup < TARGET_SPEEDUP:
                missed.append(f"{n_events} events {fmt}: {speedup:.1f}x faster than rdflib (< {TARGET_SPEEDUP:.0f}x)")
            if rate < TARGET_RATE:
                missed.append(f"{n_events} events {fmt}: {rate:,.0f} triples/s (< {TARGET_RATE:,})")
        if ours["peak_mb"] >= TARGET_PEAK_MB:
            missed.append(f"{n_events} events {fmt}: peak {ours['peak_mb']:.0f} MB (>= {TARGET_PEAK_MB} MB)")
        if args.with_import:
            imported = run("import", fmt, pickled, ours_file)
            ratio = read_s / imported["seconds"]
            print(f"{fmt:<7} import (file to case graph): {imported['seconds']:.2f} s, "
                  f"{imported['records']:.0f} records, peak {imported['peak_mb']:.0f} MB; "
                  f"{more['read']}{ratio:.1f}x faster than rdflib's parse | load {_load()}", flush=True)
            if ratio < TARGET_IMPORT_SPEEDUP:
                missed.append(f"{n_events} events {fmt}: import {ratio:.1f}x faster than rdflib's parse "
                              f"(< {TARGET_IMPORT_SPEEDUP:.0f}x)")
        ours_file.unlink(missing_ok=True)
    if subset:
        print(f"~ the plain rdflib path's times are extrapolated: measured on {subset} events and multiplied "
              f"by {scale:.2f} (the ratio of distinct triples); its peak MB is the one measured at {subset} events")
    print(f"targets ({n_events} events): nt, nq, ttl, trig >= {TARGET_SPEEDUP:.0f}x the plain rdflib path and "
          f">= {TARGET_RATE:,} triples/s; peak < {TARGET_PEAK_MB} MB; import >= {TARGET_IMPORT_SPEEDUP:.0f}x "
          f"rdflib's parse: " + ("all met" if not missed else "missed: " + "; ".join(missed)), flush=True)
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", default="100000",
                        help="case sizes, comma-separated (15000 events is about a million triples)")
    parser.add_argument("--formats", default="nt,nq,ttl,trig,jsonld")
    parser.add_argument("--rdflib-events", type=int, default=None,
                        help="measure the plain rdflib path on a case of this many events and extrapolate "
                             "its times linearly by triples (labelled in the output)")
    parser.add_argument("--rdflib-timeout", type=float, default=None,
                        help="stop an rdflib run after this many seconds and report the speed-up as a lower bound")
    parser.add_argument("--import", dest="with_import", action="store_true",
                        help="also time the whole import (file to case graph)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        task, fmt, pickled, out = args.child
        print(json.dumps(child(task, fmt, Path(pickled), Path(out))))
        return
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, {os.cpu_count()} CPUs, "
          f"load average {_load()}", flush=True)
    missed: list[str] = []
    rdflib_runs: RdflibRuns = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n_events in (int(n) for n in args.events.split(",")):
            missed += bench(n_events, args, Path(tmp), rdflib_runs)
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
