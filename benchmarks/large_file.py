"""Time and peak memory of reading and extracting one large text file, at several sizes.

    python3 benchmarks/large_file.py                  # 1 MB and 4 MB
    python3 benchmarks/large_file.py --sizes 1 4 19   # up to the 20 MB default size limit

Each size is a synthetic news-like text (dated sentences, quotes, figures, citations, names
with and without accents) written to a temporary file and read by a fresh process that does
what a build does with one file: ingest it and run every extractor over it. Prints, per size,
the seconds, the seconds per MB and the process's peak memory; the last line compares the
seconds per MB of the largest size with the smallest (about 1 when the time is linear in the
size; exit 1 when it is over 1.5). Resolution across documents is not included: it is timed
with whole cases.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST = ("Ana", "Tom", "Lee", "José", "Zoë", "Marta", "Omar", "Chen", "Priya", "Luis")
LAST = ("Ruiz", "Hale", "Park", "Müller", "Ng", "Okafor", "Silva", "Dubois", "Kowalski", "Brandt")
ORGS = ("Harbor Police Department", "City Council", "Daily Ledger", "Acme Cameras", "Transit Authority")
PLACES = ("Zürich", "São Paulo", "Harbor City", "Springfield", "Montréal")
VERBS = ("announced", "requested", "approved", "released", "signed", "rejected", "published", "launched")
OBJECTS = ("a new camera program", "the footage", "the contract", "a report on data sharing", "the budget")
SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "dri", "mel", "son", "ber", "ga", "zu", "ño", "lé")

CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from timeline_graph import ingest
from timeline_graph.extract import extract
path = Path(sys.argv[1])
start = time.perf_counter()
document = ingest.read_bytes(path.read_bytes(), source=path.name, max_bytes=10**9)
found = extract(document)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "events": len(found.events), "entities": len(found.entities), "claims": len(found.claims)}))
"""


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


def measure(size_mb: float, folder: Path) -> dict[str, float]:
    path = folder / f"large-{size_mb:g}mb.txt"
    path.write_text(synthetic_text(int(size_mb * 1e6)), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(ROOT)], check=True, capture_output=True,
                          text=True)
    row: dict[str, float] = json.loads(done.stdout)
    row["mb"] = path.stat().st_size / 1e6
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 4.0], help="sizes in MB")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(args.sizes):
            row = measure(size, Path(tmp))
            rows.append(row)
            print(f"{row['mb']:6.1f} MB   ingest + extract {row['seconds']:7.1f} s   {row['seconds'] / row['mb']:5.1f} s/MB"
                  f"   peak memory {row['peak_mb']:6.0f} MB   ({row['events']:.0f} events, {row['entities']:.0f} "
                  f"entities, {row['claims']:.0f} claims)", flush=True)
    first, last = rows[0], rows[-1]
    growth = (last["seconds"] / last["mb"]) / (first["seconds"] / first["mb"])
    verdict = "linear" if growth <= 1.5 else "NOT linear"
    print(f"targets: seconds per MB at {last['mb']:.1f} MB / at {first['mb']:.1f} MB = {growth:.2f} "
          f"(<= 1.5: {verdict})")
    return 0 if growth <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
