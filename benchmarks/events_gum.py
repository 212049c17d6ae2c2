"""Events on unseen news: GUM Wikinews documents against a short hand-made gold list.

    python3 benchmarks/events_gum.py [-v] [--causes] [--junk] [--held]

Reads the documents from ``../shared/corpus/ud-english-gum`` at run time (paragraphs from
``# newpar``, sentences from ``# text``) and scores them against ``tests/data/gum_events_gold.yaml``
(cues of a few words and the tightest date range the text allows). A gold event is found when
an extracted event of its document has a report whose words contain the cue and whose time lies
inside the gold range (an open end of the gold range admits anything on that side). Precision:
the share of extracted events whose report contains some gold cue. The naive baseline makes one
event per sentence with a dated time expression, dated by it.

The documents come in seven groups, printed apart: "first" (the four scored since 1.29, read
while the extractor changed), "tune" (may be studied; ``-v`` lists its misses and those of
"first", "tune2", "tune3" and "tune5"), "tune2" and "tune3" (seven and five articles of the tune
part of the PolNeAR training split, ``../shared/corpus/polnear-train``, named ``PolNeAR_<file>``,
annotated in 1.40 before any extractor was run on them; may be studied since), "tune4" (five
more, annotated in 1.41 the same way; kept unseen, so its misses are never listed), "tune5"
(five more, annotated in 1.43 and scored once unseen, 40.9%; may be studied since) and "held"
(scored only with ``--held``, at the start and the end of a round of work; its misses are never
listed).

``--causes`` sorts the misses of the studied groups by cause (see :func:`cause`) and prints the
counts per group and in all; with ``-v`` each miss is listed with its cause. ``--junk`` lists the
extracted events of the studied groups whose report holds no gold cue (what costs precision).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GUM = ROOT.parent / "shared" / "corpus" / "ud-english-gum"
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear-train"
GOLD = ROOT / "tests" / "data" / "gum_events_gold.yaml"
# The groups whose misses may be read; the others are kept unseen.
STUDIED = ("first", "tune", "tune2", "tune3", "tune5")

from timeline_graph.extract import extract  # noqa: E402
from timeline_graph.model import Document, TimeValue  # noqa: E402


def texts(wanted: set[str]) -> dict[str, str]:
    """The text of each wanted GUM document: sentences joined by spaces, paragraphs by blank lines."""
    found: dict[str, list[list[str]]] = {}
    for path in sorted(GUM.glob("en_gum-open-*.conllu")):
        doc: str | None = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newdoc id = "):
                doc = line.split("=", 1)[1].strip()
                if doc in wanted:
                    found[doc] = []
            elif doc in found and line.startswith("# newpar") and not line.startswith("# newpar_"):
                found[doc].append([])
            elif doc in found and line.startswith("# text = "):
                if not found[doc]:
                    found[doc].append([])
                found[doc][-1].append(line.split("=", 1)[1].strip())
    return {d: "\n\n".join(" ".join(p) for p in paragraphs if p) + "\n" for d, paragraphs in found.items()}


def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def inside(time: TimeValue | None, gold: TimeValue) -> bool:
    """Whether a time lies inside the gold range (an open gold end admits anything that side)."""
    if time is None:
        return False
    low_ok = gold.earliest is None or (time.earliest is not None and time.earliest >= gold.earliest)
    high_ok = gold.latest is None or (time.latest is not None and time.latest <= gold.latest)
    return low_ok and high_ok


def score(found: Sequence[tuple[str, str, TimeValue | None]], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall with the date inside the gold range, and precision, of (doc, words, time) items."""
    hits = sum(
        1 for g in gold
        if any(d == g["doc"] and norm(g["cue"]) in norm(w) and inside(t, TimeValue.from_edtf(str(g["date"])))
               for d, w, t in found)
    )
    right = sum(1 for d, w, _ in found if any(g["doc"] == d and norm(g["cue"]) in norm(w) for g in gold))
    missed = [f"{g['doc']} {g['cue']!r} {g['date']}" for g in gold
              if not any(d == g["doc"] and norm(g["cue"]) in norm(w)
                         and inside(t, TimeValue.from_edtf(str(g["date"]))) for d, w, t in found)]
    return {"found": hits, "gold": len(gold), "right": right, "extracted": len(found), "missed": missed}


def cue_spans(text: str, cue: str) -> list[tuple[int, int]]:
    """Where a cue's words stand in a text (any punctuation or spacing between them)."""
    words = re.findall(r"\w+", cue)
    pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def date_cause(time: TimeValue | None, gold: TimeValue) -> str:
    """Which way a report's time misses the gold range."""
    if time is None or (time.earliest is None and time.latest is None):
        return "date: undated, gold dated" if gold.earliest or gold.latest else "date: undated"
    if gold.earliest is not None and time.earliest is None:
        return "date: open start (../DCT-like), gold has a start"
    if gold.earliest is not None and time.earliest is not None and time.earliest < gold.earliest:
        return "date: too early"
    if gold.latest is not None and time.latest is None:
        return "date: open end, gold has an end"
    if gold.latest is not None and time.latest is not None and time.latest > gold.latest:
        return "date: too late"
    return "date: other"


Found = tuple[str, str, TimeValue | None, int, int]


def cause(text: str, g: dict[str, Any], found: Sequence[Found]) -> str:
    """Why a gold event was missed: no event's report touches its cue ("no event"), a report
    touches it but does not hold all its words ("event, cue not matched"), or a report holds the
    cue but its time lies outside the gold range (which way: see :func:`date_cause`)."""
    gold = TimeValue.from_edtf(str(g["date"]))
    holding = [f for f in found if f[0] == g["doc"] and norm(g["cue"]) in norm(f[1])]
    if holding:
        return date_cause(holding[0][2], gold)
    places = cue_spans(text, str(g["cue"]))
    if any(f[0] == g["doc"] and f[3] < e and s < f[4] for f in found for s, e in places):
        return "event, cue not matched"
    return "no event"


def line(name: str, s: dict[str, Any]) -> str:
    r = s["found"] / s["gold"] if s["gold"] else 0.0
    p = s["right"] / s["extracted"] if s["extracted"] else 0.0
    return (f"{name:<28} recall {s['found']:>2}/{s['gold']:<2} = {r:6.1%}   "
            f"precision {s['right']:>3}/{s['extracted']:<3} = {p:6.1%}")


def print_causes(causes: dict[str, dict[str, int]], groups: list[str]) -> None:
    """The misses of the studied groups (but "first") by cause: one row per cause, one column per group."""
    print(f"{'misses by cause':<50}" + "".join(f"{g:>7}" for g in groups) + f"{'all':>7}")
    for why, counts in sorted(causes.items(), key=lambda kv: -sum(kv[1].get(g, 0) for g in groups)):
        row = [counts.get(g, 0) for g in groups]
        print(f"  {why:<48}" + "".join(f"{n:>7}" for n in row) + f"{sum(row):>7}")


def main(argv: list[str]) -> int:
    import yaml

    if not GUM.is_dir():
        print(f"no GUM corpus at {GUM}", file=sys.stderr)
        return 2
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    docs = gold["documents"]
    if "--held" not in argv:
        docs = {n: d for n, d in docs.items() if d.get("group", "first") != "held"}
    found_texts = texts({d for d in docs if not d.startswith("PolNeAR_")})
    for name in (d for d in docs if d.startswith("PolNeAR_")):
        path = POLNEAR / "text" / f"{name.removeprefix('PolNeAR_')}.txt"
        if path.is_file():
            found_texts[name] = path.read_text(encoding="utf-8")
    for g in gold["events"]:
        if g["doc"] in found_texts and norm(g["cue"]) not in norm(found_texts[g["doc"]]):
            print(f"cue not in its document: {g['doc']} {g['cue']!r}", file=sys.stderr)
    ours: list[tuple[str, str, str, TimeValue | None, int, int]] = []
    naive: list[tuple[str, str, str, TimeValue | None]] = []
    for name, text in sorted(found_texts.items()):
        dct = date.fromisoformat(str(docs[name]["dct"]))
        doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source=f"{name}.txt",
                              published=TimeValue.of_day(dct), metadata_origin=(("published", "metadata"),))
        result = extract(doc)
        for event in result.events:
            for report in event.reports:
                ours.append((docs[name].get("group", "first"), name, report.span.exact, report.stated_time,
                             report.span.start, report.span.end))
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text)]
        for s, e in sentences:
            dated = [t for t in result.times if s <= t.start < e and t.type == "DATE" and t.time is not None]
            if dated:
                naive.append((docs[name].get("group", "first"), name, text[s:e], dated[0].time))
    groups = ["first", "tune", "tune2", "tune3", "tune4", "tune5"] + (["held"] if "--held" in argv else [])
    causes: dict[str, dict[str, int]] = {}
    for group in groups:
        names = {n for n, d in docs.items() if d.get("group", "first") == group}
        wanted = [g for g in gold["events"] if g["doc"] in names]
        mine = score([x[1:4] for x in ours if x[1] in names], wanted)
        print(line(f"events, {group}", mine))
        print(line(f"baseline, {group}", score([x[1:] for x in naive if x[1] in names], wanted)))
        if group not in STUDIED:
            continue
        found: list[Found] = [x[1:] for x in ours if x[1] in names]
        missed = set(mine["missed"])
        for g in wanted:
            if f"{g['doc']} {g['cue']!r} {g['date']}" not in missed:
                continue
            why = cause(found_texts[g["doc"]], g, found) if "--causes" in argv else ""
            causes.setdefault(why, {}).setdefault(group, 0)
            causes[why][group] += 1
            if "-v" in argv:
                print(f"  missed: {g['doc']} {g['cue']!r} {g['date']}" + (f"  [{why}]" if why else ""))
        if "--junk" in argv:
            for d, words, time, _, _ in found:
                if not any(g["doc"] == d and norm(g["cue"]) in norm(words) for g in wanted):
                    print(f"  not gold: {d[:40]} {time.edtf if time else None} {words[:150]!r}")
    if "--causes" in argv:
        print_causes(causes, [g for g in groups if g in STUDIED and g != "first"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
