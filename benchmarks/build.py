"""Time `timeline-graph build` on the seed articles, the bundled example case and real news.

Each case is copied to a temporary folder and built three times from an empty cache (cold) and
three times again with the cache in place (warm: nothing to extract). Prints the medians.

    python3 benchmarks/build.py [--runs 3] [--news N]

The seed articles are read from ../shared/corpus/seeds beside the repository; where that folder
is absent, only the example case is measured. ``--news N`` (default 840, 0 to skip) also builds
N real political news articles of ../shared/corpus/polnear-train/text (read only to measure)
once, on one core, from an empty cache: it prints articles per second for the whole build (the
parse, every extractor and resolution) and the build's peak memory, against the target of 12
articles/s (exit 1 when missed).
"""

from __future__ import annotations

import argparse
import os
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


def _peak_kib(pid: int) -> int:
    """The peak resident memory of a running process so far (VmHWM), in KiB; 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure_news(count: int) -> bool:
    """Build ``count`` real news articles once, one core; print articles/s and peak memory."""
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
        start = time.perf_counter()
        # taskset keeps the build on one core where it is available
        pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
        child = subprocess.Popen([*pin, sys.executable, "-m", "timeline_graph.cli", "build", str(folder), "--quiet"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        peak = 0
        while child.poll() is None:
            peak = max(peak, _peak_kib(child.pid))
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
        out, err = child.communicate()
    if child.returncode not in (0, 1):
        sys.exit(f"news build failed (exit {child.returncode}): {err.strip()[-500:]}")
    rate = len(files) / elapsed
    print(f"news articles    {len(files):>3} documents ({words:,} words)   build {elapsed:6.1f} s   "
          f"{rate:5.1f} articles/s ({words / elapsed:,.0f} words/s)   peak memory {peak / 1024:,.0f} MB   "
          f"(one core, empty cache)")
    print(f"  {out.strip()}")
    met = rate >= NEWS_TARGET
    print(f"targets: {rate:.1f} articles/s {'>=' if met else '<'} {NEWS_TARGET:g}: {'met' if met else 'missed'}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--news", type=int, default=840, help="real news articles to build (0: none)")
    args = parser.parse_args()
    if SEEDS.is_dir():
        measure("seed articles", SEEDS, args.runs)
    else:
        print(f"{SEEDS} not found: skipping the seed articles")
    measure("example case", EXAMPLE, args.runs)
    if args.news and not measure_news(args.news):
        sys.exit(1)


if __name__ == "__main__":
    main()
