"""Time and peak memory of reading and extracting one large text file, at several sizes.

    python3 benchmarks/large_file.py                  # 1 MB and 4 MB
    python3 benchmarks/large_file.py --sizes 1 4 19   # up to the 20 MB default size limit
    python3 benchmarks/large_file.py --build --sizes 1 50   # a whole build of a 50 MB file

Each size is a synthetic news-like text (dated sentences, quotes, figures, citations, names
with and without accents) written to a temporary file and read by a fresh process that does
what a build does with one file: ingest it and run every extractor over it. With ``--build``
the process builds a case of that one file instead (its size limit raised to fit), as
``timeline-graph build`` does: ingest, extract, the cache entry, resolution, the graph and the
stored snapshots, then the graph loaded as a read command loads it. Prints, per size, the
wall and CPU seconds, the CPU seconds per MB and the process's peak memory; the last lines
compare the CPU seconds per MB of the largest size with the smallest (about 1 when the time is
linear in the size; CPU time, so that other work on the machine does not sway the verdict) and
the largest peak memory with the 2 GB target; exit 1 when the ratio is over 1.5 or the memory
over 2 GB. With ``--stages``, each size is followed by its stages (the parse, each extractor,
the cache entry, resolution and its parts, the graph, the snapshot writes; nested stages are
counted in the stage around them too): CPU seconds, CPU seconds per MB, the process's peak
memory once the stage was last done (which tells the stage that raised it) and the memory it
held then (Linux).

The snapshots are written block by block (see ``timeline_graph/snapshot.py``): their stage adds
about 11 MB per MB of text to what resolution holds, not the whole data.

    python3 benchmarks/large_file.py --build --stages --sizes 1 2 4
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

FIRST = ("Ana", "Tom", "Lee", "José", "Zoë", "Marta", "Omar", "Chen", "Priya", "Luis")
LAST = ("Ruiz", "Hale", "Park", "Müller", "Ng", "Okafor", "Silva", "Dubois", "Kowalski", "Brandt")
ORGS = ("Harbor Police Department", "City Council", "Daily Ledger", "Acme Cameras", "Transit Authority")
PLACES = ("Zürich", "São Paulo", "Harbor City", "Springfield", "Montréal")
VERBS = ("announced", "requested", "approved", "released", "signed", "rejected", "published", "launched")
OBJECTS = ("a new camera program", "the footage", "the contract", "a report on data sharing", "the budget")
SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "dri", "mel", "son", "ber", "ga", "zu", "ño", "lé")

#: Wraps the stages of reading a file so that each one's CPU seconds and the peak memory after
#: it are recorded (the stages are looked up by name at call time, so wrapping the module
#: attribute is enough). Stages nest: "extract" holds "parse", "claims", ...
STAGES = """
import functools, resource, time
import timeline_graph.case as case_module
import timeline_graph.extract as extract_module
import timeline_graph.resolve as resolve_module
from timeline_graph import nlp, snapshot, zones
from timeline_graph.extract import citations, claims, entities, events, quantities, times
stages = {}
def timed(name, function):
    @functools.wraps(function)
    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            cpu = stages.get(name, (0.0, 0.0, 0.0))[0]
            with open("/proc/self/statm") as statm:  # resident pages now (Linux), beside the peak so far
                now = int(statm.read().split()[1]) * resource.getpagesize() / 2**20
            stages[name] = (cpu + time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, now)
    return run
for module, name, label in [
        (nlp, "parse", "parse"), (times, "find_times", "times"), (entities, "find_entities", "entities"),
        (events, "find_events", "events"), (claims, "find_claims", "claims"), (citations, "find_citations", "citations"),
        (quantities, "find_quantities", "quantities"), (case_module, "extract", "extract"),
        (zones, "extract", "extract"), (zones, "extract_zoned", "extract zone by zone"),
        (case_module, "_store_entry", "cache entry"), (case_module, "resolve", "resolve"),
        (resolve_module, "merge_entities", "resolve: entities"), (resolve_module, "merge_events", "resolve: events"),
        (resolve_module, "cluster_claims", "resolve: claims"), (resolve_module, "resolve_citations", "resolve: citations"),
        (case_module, "build_graph", "graph"), (snapshot, "write", "snapshot writes")]:
    setattr(module, name, timed(label, getattr(module, name)))
"""

CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
""" + STAGES + """
from timeline_graph import ingest
from timeline_graph.extract import extract
path = Path(sys.argv[1])
start = time.perf_counter()
document = ingest.read_bytes(path.read_bytes(), source=path.name, max_bytes=10**9)
found = extract(document)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "events": len(found.events), "entities": len(found.entities), "claims": len(found.claims),
                  "stages": stages}))
"""


BUILD_CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
""" + STAGES + """
from timeline_graph.case import Case
folder = Path(sys.argv[1])
start = time.perf_counter()
case = Case.open(folder)
report = case.build()
G = case.load_graph()
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
kinds = [kind for _, kind in G.nodes(data="kind")]
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "events": kinds.count("event"), "entities": kinds.count("entity"), "claims": kinds.count("claim"),
                  "problems": report.problems, "stages": stages}))
"""

#: The peak memory a build of a 50 MB file must stay under (issue 18, item 1).
MEMORY_TARGET_MB = 2000


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _sentence(rng: random.Random, day: date) -> str:
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.5 else f"{_word(rng)} {_word(rng)}"
    org = rng.choice(ORGS) if rng.random() < 0.5 else f"{_word(rng)} {rng.choice(('Police Department', 'Gazette'))}"
    shape = rng.randrange(5)
    if shape == 0:
        return f"The {org} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on {day:%B} {day.day}, {day.year}, according to the Daily Ledger."
    if shape == 1:
        return f'"We only ask for what helps a case," said {person}, a spokesperson for the {org}.'
    if shape == 2:
        return f"{person} met officials in {rng.choice(PLACES)} in {day:%B %Y} and {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    if shape == 3:
        return f"Over {rng.randint(2, 3000):,} departments used the service in {day.year}, {person} said."
    return "Officials said the program grew quickly while critics raised concerns about privacy."


def synthetic_text(size: int, seed: int = 1) -> str:
    """About ``size`` bytes of news-like paragraphs, the same for the same seed."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(2500))
        paragraph = " ".join(_sentence(rng, day + timedelta(days=rng.randrange(-300, 30))) for _ in range(4))
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def measure(size_mb: float, folder: Path, *, build: bool = False) -> dict[str, float]:
    """Seconds, peak memory and counts of reading (or, with ``build``, building a case of) one file."""
    case = folder / f"case-{size_mb:g}mb"
    case.mkdir()
    path = case / f"large-{size_mb:g}mb.txt"
    path.write_text(synthetic_text(int(size_mb * 1e6)), encoding="utf-8")
    (case / "case.yaml").write_text(f"title: Large file\nmax_file_mb: {math.ceil(size_mb) + 1}\n", encoding="utf-8")
    command = [sys.executable, "-c", BUILD_CHILD, str(case), str(ROOT)] if build else [
        sys.executable, "-c", CHILD, str(path), str(ROOT)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    row: dict[str, Any] = json.loads(done.stdout)
    if row.get("problems"):
        sys.exit(f"the build skipped the file: {row['problems']}")
    row["mb"] = path.stat().st_size / 1e6
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 4.0], help="sizes in MB")
    parser.add_argument("--build", action="store_true", help="build a case of each file, not just read it")
    parser.add_argument("--stages", action="store_true",
                        help="also print each stage's CPU seconds and the peak memory after it")
    args = parser.parse_args(argv)
    rows = []
    what = "build" if args.build else "ingest + extract"
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(args.sizes):
            row = measure(size, Path(tmp), build=args.build)
            rows.append(row)
            print(f"{row['mb']:6.1f} MB   {what} {row['seconds']:7.1f} s wall, {row['cpu']:7.1f} s CPU"
                  f"   {row['cpu'] / row['mb']:5.1f} CPU s/MB"
                  f"   peak memory {row['peak_mb']:6.0f} MB   ({row['events']:.0f} events, {row['entities']:.0f} "
                  f"entities, {row['claims']:.0f} claims)", flush=True)
            if args.stages:
                for name, (cpu, peak, now) in row["stages"].items():
                    print(f"         {name:20s} {cpu:7.1f} s CPU  {cpu / row['mb']:6.1f} CPU s/MB   peak after {peak:6.0f} MB"
                          f"   held after {now:6.0f} MB")
    first, last = rows[0], rows[-1]
    growth = (last["cpu"] / last["mb"]) / (first["cpu"] / first["mb"])
    verdict = "linear" if growth <= 1.5 else "NOT linear"
    print(f"targets: CPU seconds per MB at {last['mb']:.1f} MB / at {first['mb']:.1f} MB = {growth:.2f} "
          f"(<= 1.5: {verdict})")
    peak = max(row["peak_mb"] for row in rows)
    memory_ok = peak < MEMORY_TARGET_MB
    print(f"targets: peak memory {peak:.0f} MB (< {MEMORY_TARGET_MB} MB: {'met' if memory_ok else 'MISSED'})")
    return 0 if growth <= 1.5 and memory_ok else 1


if __name__ == "__main__":
    sys.exit(main())
