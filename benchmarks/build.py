"""Time `timeline-graph build` on the seed articles and on the bundled example case.

Each case is copied to a temporary folder and built three times from an empty cache (cold) and
three times again with the cache in place (warm: nothing to extract). Prints the medians.

    python3 benchmarks/build.py [--runs 3]

The seed articles are read from ../shared/corpus/seeds beside the repository; where that folder
is absent, only the example case is measured.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if SEEDS.is_dir():
        measure("seed articles", SEEDS, args.runs)
    else:
        print(f"{SEEDS} not found: skipping the seed articles")
    measure("example case", EXAMPLE, args.runs)


if __name__ == "__main__":
    main()
