"""Time `timeline-graph build` on the seed articles, the bundled example case and real news.

Each case is copied to a temporary folder and built three times from an empty cache (cold) and
three times again with the cache in place (warm: nothing to extract). Prints the medians.

    python3 benchmarks/build.py [--runs 3] [--news N]

The seed articles are read from ../shared/corpus/seeds beside the repository; where that folder
is absent, only the example case is measured. ``--news N`` (default 840, 0 to skip) also builds
N real political news articles of ../shared/corpus/polnear-train/text (read only to measure)
from an empty cache, once on one core and once on two processes (``--jobs 1 2``): it prints
articles per second for the whole build (the parse, every extractor and resolution), the
build's peak memory and its CPU time (user and system, all its processes), against the targets
of 12 articles/s on one core and 25 on two (exit 1 when one is missed).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
EXAMPLE = ROOT / "timeline_graph" / "examples" / "doorbell-footage"


def timed_build(folder: Path) -> float:
    """Seconds for one `timeline-graph build` in a fresh process (what a user waits for)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "timeline_graph.cli", "build", str(folder), "--quiet"],
                          check=False, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build of {folder} failed (exit {done.returncode}): {done.stderr.strip()}")
    return elapsed


def measure(name: str, source: Path, runs: int) -> None:
    cold, warm = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / name
        for _ in range(runs):
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
            cold.append(timed_build(folder))
        for _ in range(runs):
            warm.append(timed_build(folder))
        count = len([p for p in folder.iterdir() if p.is_file() and p.name != "case.yaml"])
    print(f"{name:<16} {count:>3} documents   cold build {statistics.median(cold):6.2f} s   "
          f"warm rebuild {statistics.median(warm):6.2f} s   (median of {runs}, whole command)")


NEWS = ROOT.parent / "shared" / "corpus" / "polnear-train" / "text"
NEWS_TARGET = 12.0  # articles per second, one core, whole build
PARALLEL_TARGET = 25.0  # articles per second on two cores (build --jobs 2)


def _status_kib(pid: int, field: str) -> int:
    """A memory figure of a running process (VmHWM: peak, VmRSS: now), in KiB; 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the build's extracting processes)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _children_cpu() -> float:
    """User and system seconds of the finished child processes (and theirs) so far: the work a
    build did, which a busy shared machine does not stretch as it stretches the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_news(count: int, jobs: int) -> bool:
    """Build ``count`` real news articles once on ``jobs`` processes; print articles/s and peak memory."""
    files = sorted(NEWS.glob("*.txt"))[:count]
    if not files:
        print(f"{NEWS} not found: skipping the news build")
        return True
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        folder.mkdir()
        for f in files:
            shutil.copy(f, folder / f.name)
        start, cpu = time.perf_counter(), _children_cpu()
        # taskset keeps a one-process build on one core where it is available
        pin = ["taskset", "-c", "0"] if jobs == 1 and shutil.which("taskset") else []
        child = subprocess.Popen([*pin, sys.executable, "-m", "timeline_graph.cli", "build", str(folder), "--quiet",
                                  "--jobs", str(jobs)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        peak = workers_peak = 0
        while child.poll() is None:
            peak = max(peak, _status_kib(child.pid, "VmHWM"))
            # the whole build's memory now: the main process and its extracting processes
            workers_peak = max(workers_peak, _status_kib(child.pid, "VmRSS")
                               + sum(_status_kib(c, "VmRSS") for c in _children(child.pid)))
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
        out, err = child.communicate()
        cpu = _children_cpu() - cpu  # the build's processes, reaped by now
    if child.returncode not in (0, 1):
        sys.exit(f"news build failed (exit {child.returncode}): {err.strip()[-500:]}")
    rate = len(files) / elapsed
    where = "one core" if jobs == 1 else f"{jobs} processes"
    print(f"news articles    {len(files):>3} documents ({words:,} words)   build {elapsed:6.1f} s   "
          f"{rate:5.1f} articles/s ({words / elapsed:,.0f} words/s)   peak memory {max(peak, workers_peak) / 1024:,.0f} MB"
          f"   ({where}, empty cache; {cpu:.1f} CPU s)")
    print(f"  {out.strip()}")
    target = NEWS_TARGET if jobs == 1 else PARALLEL_TARGET
    met = rate >= target
    print(f"targets: {where}: {rate:.1f} articles/s {'>=' if met else '<'} {target:g}: {'met' if met else 'missed'}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--news", type=int, default=840, help="real news articles to build (0: none)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2],
                        help="numbers of processes to build the news articles on (default: 1 and 2)")
    args = parser.parse_args()
    if SEEDS.is_dir():
        measure("seed articles", SEEDS, args.runs)
    else:
        print(f"{SEEDS} not found: skipping the seed articles")
    measure("example case", EXAMPLE, args.runs)
    if args.news and not all([measure_news(args.news, jobs) for jobs in args.jobs]):
        sys.exit(1)


if __name__ == "__main__":
    main()
