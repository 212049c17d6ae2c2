"""What each extractor costs on real news, and what claims and citations add to a whole build.

    python3 benchmarks/extractor_cost.py [--news 200] [--runs 3]

Reads the first N real political news articles of ../shared/corpus/polnear-train/text (read only
to measure), parses each once, then times every extractor over all of them in the order a build
runs them (times, entities, events, claims, citations, quantities), keeping the fastest of
``--runs`` passes (CPU seconds of this process, which a busy shared machine stretches less than
the wall clock). It then builds the same articles as a case with ``build --jobs 1`` in a fresh
process and reads that build's CPU seconds: the whole build (ingest, the parse, every extractor,
resolution, exports of the graph).

It prints each stage's CPU seconds and share, and what claims and citations together add to the
build: their seconds over the build's seconds without them, against the target of at most 20%
(exit 1 when it is missed).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline_graph import ingest, nlp  # noqa: E402
from timeline_graph.extract import citations, claims, entities, events, quantities, times  # noqa: E402
from timeline_graph.extract.dating import infer_date  # noqa: E402
from timeline_graph.model import Document  # noqa: E402

NEWS = ROOT.parent / "shared" / "corpus" / "polnear-train" / "text"
TARGET = 20.0  # per cent that claims and citations may add to a build


def _fastest(work: Callable[[], Any], runs: int) -> float:
    """The fewest CPU seconds of ``runs`` passes of ``work``."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def stage_seconds(docs: Sequence[Document], runs: int) -> dict[str, float]:
    """CPU seconds of the parse (the pipeline loaded before) and of each extractor over ``docs``."""
    nlp.load()
    start = time.process_time()
    parses = nlp.parse_many([d.text for d in docs])
    seconds = {"parse": time.process_time() - start}
    dated = [infer_date(d) for d in docs]
    rows = list(zip(docs, parses, dated, strict=True))
    seconds["times"] = _fastest(lambda: [times.find_times(d.text, w and w.day) for d, _, w in rows], runs)
    found_times = [tuple(times.find_times(d.text, w and w.day)) for d, _, w in rows]
    seconds["entities"] = _fastest(lambda: [entities.find_entities(d, p) for d, p, _ in rows], runs)
    found_entities = [entities.find_entities(d, p) for d, p, _ in rows]
    read = list(zip(rows, found_times, found_entities, strict=True))
    seconds["events"] = _fastest(lambda: [events.find_events(d, t, e, p, dct=w) for (d, p, w), t, e in read], runs)
    seconds["claims"] = _fastest(lambda: [claims.find_claims(d, e, p) for (d, p, _), _, e in read], runs)
    found_claims = [claims.find_claims(d, e, p) for (d, p, _), _, e in read]
    seconds["citations"] = _fastest(lambda: [
        citations.find_citations(d, e, p, c) for ((d, p, _), _, e), c in zip(read, found_claims, strict=True)
    ], runs)
    seconds["quantities"] = _fastest(lambda: [quantities.find_quantities(d, t, e, p) for (d, p, _), t, e in read], runs)
    return seconds


def build_seconds(files: Sequence[Path]) -> float:
    """CPU seconds (user and system) of ``build --jobs 1`` of ``files`` from an empty cache."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        folder.mkdir()
        for f in files:
            shutil.copy(f, folder / f.name)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([sys.executable, "-m", "timeline_graph.cli", "build", str(folder), "--quiet",
                               "--jobs", "1"], capture_output=True, text=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"build of the news articles failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=200, help="real news articles to read (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes per extractor; the fastest counts")
    args = parser.parse_args(argv)
    files = sorted(NEWS.glob("*.txt"))[: args.news]
    if not files:
        print(f"{NEWS} not found: nothing to measure")
        return 0
    docs = [ingest.read_bytes(f.read_bytes(), source=f.name) for f in files]
    words = sum(len(d.text.split()) for d in docs)
    seconds = stage_seconds(docs, args.runs)
    build = build_seconds(files)
    print(f"{len(docs)} news articles ({words:,} words); CPU seconds, extractors the fastest of {args.runs} passes")
    for stage, value in seconds.items():
        print(f"  {stage:<11} {value:7.2f} s   {100 * value / build:5.1f}% of the build")
    print(f"  {'build':<11} {build:7.2f} s   (build --jobs 1, empty cache, whole command)")
    added = seconds["claims"] + seconds["citations"]
    share = 100 * added / (build - added)
    met = share <= TARGET
    print(f"claims and citations add {added:.2f} s to {build - added:.2f} s: {share:.1f}% "
          f"{'<=' if met else '>'} {TARGET:g}%: {'met' if met else 'missed'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
