"""Pairwise precision and recall of merging one event's reports across documents.

The gold list ``tests/data/event_merge_gold.yaml`` names events with their kind and, for each,
the documents that report it with a few words of each report (see its header). The documents are the seed
articles of ``../shared/corpus/seeds`` (when present) and the project's own short articles in
``tests/data/event_merge``; all of them are built as one case.

A gold *report* is one (event, document): the tool's events with a report in that document
whose cited words contain one of the cues (where one cited sentence holds the cues of two
gold events, the event's kind tells which it reports). Two reports of different documents are *merged*
when one tool event holds both (the tool may split a report within a document; any of its
events will do). Precision is the share of merged pairs (among pairs of gold reports) that
are one gold event, recall the share of gold pairs merged::

    python3 benchmarks/event_merge.py [--show]

``--show`` also lists the wrong and missed pairs and every merged event.
Exit status: 0 when run, 2 when no gold report can be scored.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import networkx as nx
import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "event_merge_gold.yaml"
OWN = ROOT / "tests" / "data" / "event_merge"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

Unit = tuple[str, str]  # (gold event name, document key)


@dataclass(frozen=True)
class GoldReport:
    """One document's report of a gold event: the document key and the words to look for."""

    event: str
    kind: str
    doc: str
    cues: tuple[str, ...]


@dataclass
class Score:
    """Pairs of gold reports of different documents: merged by the tool, gold, and both."""

    merged: set[tuple[Unit, Unit]] = field(default_factory=set)
    gold: set[tuple[Unit, Unit]] = field(default_factory=set)
    unfound: list[Unit] = field(default_factory=list)

    @property
    def right(self) -> set[tuple[Unit, Unit]]:
        return self.merged & self.gold

    @property
    def precision(self) -> float:
        return len(self.right) / len(self.merged) if self.merged else 1.0

    @property
    def recall(self) -> float:
        return len(self.right) / len(self.gold) if self.gold else 1.0

    def line(self, name: str) -> str:
        """One printed line: precision and recall with their counts."""
        return (f"{name:<10} precision {len(self.right):>2}/{len(self.merged):<2} = {self.precision:6.1%}"
                f"   recall {len(self.right):>2}/{len(self.gold):<2} = {self.recall:6.1%}")


def norm(text: str) -> str:
    """Case, punctuation and spacing do not matter."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def load_gold(path: Path = GOLD) -> list[GoldReport]:
    """Every gold report of the list."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [GoldReport(event["name"], event["kind"], report["doc"], tuple(str(c) for c in report["cues"]))
            for event in data["events"] for report in event["reports"]]


def build(seeds: Path | None, own: Path = OWN) -> tuple[nx.MultiDiGraph, dict[str, str]]:
    """Build the seed articles and the own articles as one case; its graph and, per document
    id, the gold list's key of the document."""
    from timeline_graph.case import Case

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "case"
        folder.mkdir()
        keys: dict[str, str] = {}
        for path in sorted(seeds.glob("*.txt")) if seeds else []:
            shutil.copy(path, folder / path.name)
            keys[path.name] = f"seeds/{path.name[:3]}"
        for path in sorted(own.glob("*.md")):
            shutil.copy(path, folder / path.name)
            keys[path.name] = f"own/{path.name}"
        Case.open(folder, create=True).build()
        G = Case.open(folder).load_graph()
    from timeline_graph.graph import documents

    return G, {d.id: keys[Path(d.source).name] for d in documents(G) if Path(d.source).name in keys}


def found_events(G: nx.MultiDiGraph, doc_keys: dict[str, str], gold: list[GoldReport]) -> dict[Unit, set[str]]:
    """For each gold report whose document is in the case, the ids of the tool's events that
    report it. A report whose words hold the cues of two gold reports (one long sentence cited
    for two events) counts for the one of its event's kind, and for none if that does not
    tell them apart."""
    from timeline_graph.graph import events

    present = set(doc_keys.values())
    wanted = [(g, [norm(c) for c in g.cues]) for g in gold if g.doc in present]
    out: dict[Unit, set[str]] = {(g.event, g.doc): set() for g, _ in wanted}
    for event in events(G):
        for r in event.reports:
            doc, exact = doc_keys.get(r.document), norm(r.span.exact)
            hits = [g for g, cues in wanted if g.doc == doc and any(c in exact for c in cues)]
            if len(hits) > 1:
                hits = [g for g in hits if g.kind == event.kind]
            if len(hits) == 1:
                out[(hits[0].event, hits[0].doc)].add(event.id)
    return out


def score(found: dict[Unit, set[str]], part: str = "") -> Score:
    """Pairwise scores over the gold reports whose document key starts with ``part``."""
    result = Score()
    units = sorted(u for u in found if u[1].startswith(part))
    result.unfound = [u for u in units if not found[u]]
    for a, b in combinations(units, 2):
        if a[1] == b[1]:
            continue
        if a[0] == b[0]:
            result.gold.add((a, b))
        if found[a] & found[b]:
            result.merged.add((a, b))
    return result


def merged_events(G: nx.MultiDiGraph, doc_keys: dict[str, str]) -> list[str]:
    """One line per event reported by several documents: its label and its reports."""
    from timeline_graph.graph import events

    lines = []
    for event in events(G):
        if len(event.documents) > 1:
            lines.append(f"  {event.kind}: {event.label}")
            lines += [f"      {doc_keys.get(r.document, r.document)} "
                      f"{r.stated_time.edtf if r.stated_time else '-'}: {r.span.exact[:90]}" for r in event.reports]
    return lines


def report(parts: dict[str, Score], G: nx.MultiDiGraph, doc_keys: dict[str, str], show: bool) -> str:
    """The printed report."""
    lines = [parts[name].line(name) for name in parts]
    if show:
        total = parts["all"]
        lines += [f"  wrongly merged: {a} + {b}" for a, b in sorted(total.merged - total.gold)]
        lines += [f"  not merged:     {a} + {b}" for a, b in sorted(total.gold - total.merged)]
        lines += [f"  no event found: {u}" for u in total.unfound]
        lines += ["events reported by several documents:", *merged_events(G, doc_keys)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build, score and print."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="list wrong and missed pairs and merged events")
    ap.add_argument("--seeds", type=Path, default=SEEDS, help="the seed articles' folder")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    seeds = args.seeds if args.seeds.is_dir() else None
    if seeds is None:
        print(f"no seed articles at {args.seeds}: own articles only")
    G, doc_keys = build(seeds)
    found = found_events(G, doc_keys, load_gold())
    if not found:
        print("no gold report could be scored")
        return 2
    parts = {"all": score(found), "seeds": score(found, "seeds/"), "own": score(found, "own/")}
    print(report(parts, G, doc_keys, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
