"""Time resolution across documents (entities, events, claims, citations, conflicts) on cases
of 1,000, 5,000 and 20,000 real-sized news articles, one core; print the growth curve.

    python3 benchmarks/resolve.py [--sizes 1000,5000,20000] [--work DIR] [--timeout 1800]
                                  [--code DIR]

The articles: the 840 real political news articles of ../shared/corpus/polnear-train/text
(read at run time and built as the plain text files they are, the way a user drops them),
then synthetic news stories (``benchmarks/synthetic_news.py``: invented towns, outlets, people,
wire copies and a few misdated reports) for the rest. A case of N articles is the first N of
them: the real ones, then synthetic ones. Every article is written once into one case folder
under ``--work`` (default: ``timeline-graph-resolve-bench`` in the system's temporary folder,
kept between runs) and built with ``timeline-graph``'s own build, which caches each extraction;
so only the first run pays for extracting (about an hour for 20,000 articles on one busy core),
and a later one reuses the cache. Extraction is not what is timed.

Each size is resolved in a fresh process pinned to one core; it prints the seconds
:func:`timeline_graph.resolve.resolve` took (wall and CPU), what came out, the conflicts by
kind and per 1,000 documents, and, between sizes, the growth exponent (time grows as N^k).
``--code DIR`` imports ``timeline_graph`` from another checkout (to measure an older version on
the same inputs); ``--timeout`` stops a size that runs longer.

Targets: 5,000 articles resolve in under 30 s (wall time of the resolve call), and conflicts
stay in proportion to the case: per 1,000 synthetic articles, the rate at the largest size is at
most 1.5 times that at the smallest size with 1,000 synthetic articles or more (the real
articles are the same 840 at every size, so their conflicts are counted apart). The last line
says which are met; the exit code is 1 when one is missed. Machines are shared and noisy: the
CPU time and the load average are printed beside the wall time; run it more than once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "polnear-train" / "text"
TARGET_SIZE = 5000
TARGET_SECONDS = 30.0
#: Conflicts per 1,000 synthetic articles may grow this much from the smallest size to the largest.
TARGET_CONFLICT_GROWTH = 1.5


def _write_case(folder: Path, count: int) -> None:
    """The case folder of ``count`` articles: the real ones first, then synthetic ones."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic_news import articles

    real = sorted(REAL.glob("*.txt"))[:count] if REAL.is_dir() else []
    if not real:
        print(f"{REAL} not found: every article is synthetic", file=sys.stderr)
    (folder / "real").mkdir(parents=True, exist_ok=True)
    (folder / "synthetic").mkdir(parents=True, exist_ok=True)
    for path in real:
        target = folder / "real" / path.name
        if not target.exists():
            shutil.copyfile(path, target)
    for name, text in articles(count - len(real)):
        target = folder / "synthetic" / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:  # the generator may have changed
            target.write_text(text, encoding="utf-8")


def _build(folder: Path) -> None:
    from timeline_graph.case import Case

    started = time.perf_counter()

    def progress(done: int, total: int, source: str) -> None:
        if done % 500 == 0 or done == total:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"  build: {done:,}/{total:,} documents ({rate:.1f}/s, cached ones are quick)", file=sys.stderr)

    report = Case.open(folder, create=True).build(progress=progress)
    print(f"  build: {report.extracted:,} extracted, {report.reused:,} reused, {len(report.problems)} skipped",
          file=sys.stderr)


def _inputs(folder: Path, sizes: list[int], work: Path) -> dict[int, Path]:
    """A pickle of the first N built documents and their extractions, for each size."""
    from timeline_graph.case import CACHE_DIR, Case

    manifest = (folder / CACHE_DIR / "manifest.json").read_bytes()
    key = hashlib.sha256(manifest).hexdigest()[:12]
    paths = {n: work / f"resolve-input-{n}-{key}.pickle" for n in sizes}
    if all(p.exists() for p in paths.values()):
        return paths
    documents, extractions = Case.open(folder).load()
    for n, path in paths.items():
        if not path.exists():
            with path.open("wb") as handle:
                pickle.dump((documents[:n], extractions[:n]), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return paths


def child(path: Path) -> None:
    """Resolve one pickled case on one core and print what it took as JSON."""
    from collections import Counter

    from timeline_graph.resolve import resolve

    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    with path.open("rb") as handle:
        documents, extractions = pickle.load(handle)
    wall, used = time.perf_counter(), time.process_time()
    records = resolve(documents, extractions)
    wall, used = time.perf_counter() - wall, time.process_time() - used
    real_ids = {d.id for d in documents if d.source.startswith("real/")}
    where = Counter("real" if set(c.documents) <= real_ids else "synthetic" if not set(c.documents) & real_ids
                    else "mixed" for c in records.conflicts)
    real = len(real_ids)
    print(json.dumps({
        "documents": len(documents), "real": real, "seconds": wall, "cpu": used,
        "events": len(records.events), "reported_more_than_once": sum(len(e.reports) > 1 for e in records.events),
        "claims": len(records.claims), "clusters": len({c.cluster for c in records.claims}),
        "citations": len(records.citations), "to_case_documents": sum(bool(c.cites_document) for c in records.citations),
        "entities": len(records.entities), "conflicts": dict(sorted(Counter(c.kind for c in records.conflicts).items())),
        "conflicts_in": dict(where),
    }))


def _measure(path: Path, code: Path | None, timeout: float) -> dict[str, object] | None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(code or ROOT), env.get("PYTHONPATH", "")) if p)
    try:
        done = subprocess.run([sys.executable, __file__, "--child", str(path)], env=env, capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        sys.exit(f"resolving {path.name} failed (exit {done.returncode}): {done.stderr.strip()[-800:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="case sizes in articles, comma-separated")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "timeline-graph-resolve-bench",
                        help="where the case and its cache are kept between runs")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds after which a size is stopped")
    parser.add_argument("--code", type=Path, help="import timeline_graph from this checkout instead")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    sys.path.insert(0, str(ROOT))
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    folder = args.work / "case"
    print(f"case of {max(sizes):,} articles in {folder}", file=sys.stderr)
    _write_case(folder, max(sizes))
    _build(folder)
    inputs = _inputs(folder, sizes, args.work)
    code = f" (timeline_graph from {args.code})" if args.code else ""
    print(f"resolve, one core{code}; load average {os.getloadavg()[0]:.1f} at the start")
    results: dict[int, dict[str, object]] = {}
    previous: tuple[int, float] | None = None
    for n in sizes:
        load = os.getloadavg()[0]
        result = _measure(inputs[n], args.code, args.timeout)
        if result is None:
            print(f"{n:>6,} articles: stopped after {args.timeout:,.0f} s")
            previous = None
            continue
        results[n] = result
        seconds = float(result["seconds"])  # type: ignore[arg-type]
        conflicts: dict[str, int] = result["conflicts"]  # type: ignore[assignment]
        total = sum(conflicts.values())
        where: dict[str, int] = result["conflicts_in"]  # type: ignore[assignment]
        real, synthetic = int(result["real"]), n - int(result["real"])  # type: ignore[call-overload]
        split = (f"; {where.get('real', 0):,} among real articles ({1000 * where.get('real', 0) / max(real, 1):.1f} per 1,000), "
                 f"{where.get('synthetic', 0):,} among synthetic ({1000 * where.get('synthetic', 0) / max(synthetic, 1):.1f} per 1,000)"
                 f", {where.get('mixed', 0):,} across both")
        growth = ""
        if previous is not None:
            growth = f"   grows as N^{math.log(seconds / previous[1]) / math.log(n / previous[0]):.2f}"
        print(f"{n:>6,} articles ({result['real']} real): resolve {seconds:7.1f} s (cpu {float(result['cpu']):.1f} s, "  # type: ignore[arg-type]
              f"load {load:.1f})   "
              f"{result['events']:,} events ({result['reported_more_than_once']:,} reported more than once), "
              f"{result['claims']:,} claims in {result['clusters']:,} clusters, "
              f"{result['to_case_documents']:,}/{result['citations']:,} citations to case documents   "
              f"conflicts {total:,} = {1000 * total / n:.1f} per 1,000 documents "
              f"({', '.join(f'{k} {v:,}' for k, v in conflicts.items()) or 'none'}{split}){growth}")
        previous = (n, seconds)
    return _verdict(results, sizes, args.timeout)


def _verdict(results: dict[int, dict[str, object]], sizes: list[int], timeout: float) -> int:
    parts, ok = [], True
    if TARGET_SIZE in results:
        seconds = float(results[TARGET_SIZE]["seconds"])  # type: ignore[arg-type]
        met = seconds < TARGET_SECONDS
        parts.append(f"{TARGET_SIZE:,} articles in {seconds:.1f} s {'<' if met else '>='} {TARGET_SECONDS:g} s: "
                     f"{'met' if met else 'missed'}")
        ok &= met
    elif TARGET_SIZE in sizes:
        parts.append(f"{TARGET_SIZE:,} articles stopped after {timeout:,.0f} s: missed")
        ok = False
    else:
        parts.append(f"{TARGET_SIZE:,} articles not measured")
    # Conflicts in proportion: the rate among synthetic articles, where there are enough of them
    # to compare (the real ones are a fixed 840, the same at every size).
    rates = {n: r["conflicts_in"].get("synthetic", 0) / (n - int(r["real"]))  # type: ignore[attr-defined, call-overload]
             for n, r in results.items() if n - int(r["real"]) >= 1000}  # type: ignore[call-overload]
    if len(rates) >= 2:
        low, high = rates[min(rates)], rates[max(rates)]
        met = high <= TARGET_CONFLICT_GROWTH * max(low, 1e-9) or high * 1000 < 1
        parts.append(f"conflicts per 1,000 synthetic articles {1000 * low:.1f} at {min(rates):,} -> {1000 * high:.1f} "
                     f"at {max(rates):,} (at most x{TARGET_CONFLICT_GROWTH:g}): {'met' if met else 'missed'}")
        ok &= met
    print("targets: " + "; ".join(parts))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
