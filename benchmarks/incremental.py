"""Time incremental builds of a large case: ten documents added, one edited, a decision made.

    python3 benchmarks/incremental.py [--size 5000] [--work DIR] [--full-seconds S] [--jobs N]

The case is the one ``benchmarks/resolve.py`` uses (the 840 real articles of
../shared/corpus/polnear-train/text, then synthetic news), kept under ``--work`` between runs;
a first run extracts it all, which is the **full build** this benchmark compares against: its
wall time is measured from an empty cache (a copy of the case's files) unless ``--full-seconds``
gives it from an earlier run. Then, each in a fresh process like a user's command:

1. **ten documents added**: ten new articles (their words made unique to this run, so nothing
   of them is cached) are written into the case and ``timeline-graph build`` runs;
2. **one document edited**: one of the ten gets a new paragraph, and the build runs again;
3. **a decision**: ``timeline-graph decide ... reject`` on one event, then
   ``timeline-graph timeline`` (the decision applied on load, no build).

It prints each wall time, what each build re-extracted, and the ten-added build as a share of
the full build (target: under 10%). The ten articles are removed afterwards (their cache entries
stay, as a user's would). Exit 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from resolve import _build, _write_case
from synthetic_news import articles

TARGET_SHARE = 0.10
ADDED = 10


def _command(*args: str, jobs: int | None = None) -> tuple[float, str]:
    """Wall seconds of one ``timeline-graph`` command in a fresh process, and its stderr."""
    argv = [sys.executable, "-m", "timeline_graph.cli", *args]
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(args[:2])} failed (exit {done.returncode}): {done.stderr.strip()[-600:]}")
    return elapsed, (done.stdout + done.stderr).strip().splitlines()[-1] if (done.stdout + done.stderr).strip() else ""


def _full_build(folder: Path, jobs: int | None) -> float:
    """Wall seconds of building the case's files from an empty cache."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "case"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".timeline-graph"))
        args = ["build", str(copy), "--quiet", *(["--jobs", str(jobs)] if jobs else [])]
        seconds, _ = _command(*args)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="articles in the case")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "timeline-graph-resolve-bench",
                        help="where the case and its cache are kept between runs (shared with resolve.py)")
    parser.add_argument("--full-seconds", type=float, help="the full build's wall time, measured before")
    parser.add_argument("--jobs", type=int, help="processes for the builds (default: the build's own)")
    args = parser.parse_args(argv)
    folder = args.work / "case"
    _write_case(folder, args.size)
    _build(folder)
    full = args.full_seconds
    if full is None:
        print(f"full build of {args.size:,} articles from an empty cache (this takes a while) ...", file=sys.stderr)
        full = _full_build(folder, args.jobs)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    added = folder / "added"
    shutil.rmtree(added, ignore_errors=True)
    added.mkdir()
    nonce = f"{time.time_ns()}-{os.getpid()}"
    try:
        for n, (name, text) in enumerate(articles(args.size + ADDED)):
            if n >= args.size:
                (added / name).write_text(text + f"\n\nThis edition carries the reference {nonce}-{n}.\n", encoding="utf-8")
        seconds_added, said_added = _command("build", str(folder), "--quiet", *jobs)
        edited = sorted(added.iterdir())[0]
        edited.write_text(edited.read_text(encoding="utf-8") + "\n\nA correction was appended later.\n", encoding="utf-8")
        seconds_edited, said_edited = _command("build", str(folder), "--quiet", *jobs)
        timeline = subprocess.run([sys.executable, "-m", "timeline_graph.cli", "timeline", str(folder), "--ids"],
                                  capture_output=True, text=True, check=True).stdout
        event = next(word for line in timeline.splitlines() for word in line.split() if word.startswith("evt-"))
        decide, _ = _command("decide", str(folder), "reject", event.strip("[]():,"), "--why", "benchmark",
                             "--by", "Benchmark")
        seconds_read, _ = _command("timeline", str(folder))
    finally:
        shutil.rmtree(added, ignore_errors=True)
        log = folder / "decisions.yaml"
        if log.exists():
            log.unlink()  # the benchmark's own decision, so the next run starts from the same case
        _command("build", str(folder), "--quiet", *jobs)
    share = seconds_added / full
    print(json.dumps({"articles": args.size, "full_build_s": round(full, 1)}))
    print(f"full build of {args.size:,} articles: {full:7.1f} s")
    print(f"{ADDED} articles added:       {seconds_added:7.1f} s  = {100 * share:4.1f}% of the full build  ({said_added})")
    print(f"one article edited:       {seconds_edited:7.1f} s  ({said_edited})")
    print(f"a decision, then timeline: {decide:6.1f} s + {seconds_read:.1f} s")
    met = share < TARGET_SHARE
    print(f"target: ten added under {100 * TARGET_SHARE:.0f}% of the full build: {'met' if met else 'missed'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
