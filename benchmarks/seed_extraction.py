"""Extraction on the five seed articles against a hand-written gold list.

Builds a copy of ``../shared/corpus/seeds`` as a case and compares what comes out with
``tests/data/seed_gold.yaml``: organizations and people (recall with aliases merged, and
precision), dated events (recall with a date whose bounds contain the right one), attributed
claims (recall with the right claimant), source citations (recall, and the in-case reference
resolved to its document), the conflicts and series found, and the false conflicts.

    python3 benchmarks/seed_extraction.py [SEEDS_FOLDER]

``evaluate(G, gold)`` is what tests/test_seed_gold.py asserts on.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "seed_gold.yaml"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def norm(text: str) -> str:
    """Case, punctuation, a leading "the" and a possessive "'s" do not matter."""
    text = re.sub(r"['’]s\b", "", str(text).casefold())
    text = " ".join(re.findall(r"\w+", text))
    return text.removeprefix("the ")


@dataclass
class Score:
    """Found/expected for recall, right/extracted for precision, and what was missed."""

    found: int = 0
    expected: int = 0
    right: int | None = None
    extracted: int | None = None
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float | None:
        if self.extracted is None or self.right is None:
            return None
        return self.right / self.extracted if self.extracted else 1.0

    def line(self, name: str) -> str:
        text = f"{name:<22} recall {self.found:>2}/{self.expected:<2} = {self.recall:6.1%}"
        if self.precision is not None:
            text += f"   precision {self.right:>2}/{self.extracted:<2} = {self.precision:6.1%}"
        return text


def build(seeds: Path) -> nx.MultiDiGraph:
    """Build a temporary copy of the seed folder as a case and load its graph."""
    from timeline_graph.case import Case

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "seeds"
        folder.mkdir()
        for path in sorted(seeds.glob("*.txt")):
            shutil.copy(path, folder / path.name)
        Case.open(folder, create=True).build()
        return Case.open(folder).load_graph()


def _docs(G: nx.MultiDiGraph) -> dict[str, str]:
    """Document id -> the gold list's short name (first three characters of the file name)."""
    from timeline_graph.graph import documents

    return {d.id: Path(d.source).name[:3] for d in documents(G)}


def _names(entity: Any) -> set[str]:
    return {norm(n) for n in (entity.name, *entity.aliases)}


def _contains(haystack: str, cue: str) -> bool:
    return norm(cue) in norm(haystack)


def _bounds(edtf: str) -> tuple[Any, Any]:
    from timeline_graph.model import TimeValue

    value = TimeValue.from_edtf(str(edtf))
    return value.earliest, value.latest


def score_entities(G: nx.MultiDiGraph, gold: list[dict[str, Any]]) -> Score:
    from timeline_graph.graph import entities

    found = [e for e in entities(G) if e.kind in ("organization", "person")]
    score = Score(expected=len(gold), extracted=len(found), right=0)
    matched: set[str] = set()
    for item in gold:
        wanted = {norm(item["name"]), *(norm(a) for a in item.get("aliases", ()))}
        hits = [e for e in found if norm(item["name"]) in _names(e)]
        if hits and any(wanted <= _names(e) for e in hits):
            score.found += 1
            matched |= {e.id for e in hits}
        else:
            got = sorted({n for e in hits for n in _names(e)})
            score.missed.append(f"{item['name']} {('(found as ' + ', '.join(got) + ')') if got else ''}".strip())
    gold_names = {norm(n) for item in gold for n in (item["name"], *item.get("aliases", ()))}
    score.right = sum(1 for e in found if e.id in matched or _names(e) & gold_names)
    return score


def score_events(G: nx.MultiDiGraph, gold: list[dict[str, Any]], docs: dict[str, str]) -> Score:
    from timeline_graph.graph import events

    found = list(events(G))
    reports = [(e, r) for e in found for r in e.reports]
    score = Score(expected=len(gold))
    for item in gold:
        lo, hi = _bounds(str(item["date"]))
        ok = False
        for _event, report in reports:
            if docs.get(report.document) != item["doc"] or not _contains(report.span.exact, item["cue"]):
                continue
            time = report.stated_time
            if time and time.earliest and time.latest and lo and hi and time.earliest <= hi and lo <= time.latest:
                ok = ok or (time.earliest <= lo and hi <= time.latest) or (lo <= time.earliest and time.latest <= hi)
        if ok:
            score.found += 1
        else:
            score.missed.append(f"{item['doc']} {item['cue']!r} {item['date']}")
    return score


def _claimant_ok(G: nx.MultiDiGraph, claim: Any, wanted: Iterable[str]) -> bool:
    from timeline_graph.graph import record

    names: set[str] = set()
    if claim.claimant and claim.claimant in G:
        names |= _names(record(G, claim.claimant))
    described = norm(claim.claimant_name or "")
    return any(norm(w) in names or (norm(w) and norm(w) in described) for w in wanted)


def _passage(G: nx.MultiDiGraph, claim: Any) -> str:
    """The claim's whole attribution (source, cue and content) where the claim records it, else its span."""
    from timeline_graph.graph import record

    start, end = getattr(claim, "passage", (claim.span.start, claim.span.end))
    doc = record(G, claim.document) if claim.document in G else None
    return doc.text[start:end] if doc is not None else claim.span.exact


def score_claims(G: nx.MultiDiGraph, gold: list[dict[str, Any]], docs: dict[str, str]) -> Score:
    from timeline_graph.graph import claims

    found = list(claims(G))
    score = Score(expected=len(gold), extracted=len(found), right=0)
    right: set[str] = set()
    for item in gold:
        hits = [c for c in found if docs.get(c.document) == item["doc"] and _contains(_passage(G, c), item["cue"])]
        good = [c for c in hits if _claimant_ok(G, c, item["claimant"])]
        if good:
            score.found += 1
            right |= {c.id for c in good}
        else:
            got = "; ".join(f"{c.claimant_name!r}" for c in hits) or "no claim"
            score.missed.append(f"{item['doc']} {item['cue']!r} (got {got})")
    score.right = len(right)
    return score


def score_citations(G: nx.MultiDiGraph, gold: list[dict[str, Any]], docs: dict[str, str]) -> tuple[Score, bool]:
    from timeline_graph.graph import citations, record

    found = list(citations(G))
    score = Score(expected=len(gold), extracted=len(found), right=0)
    right: set[str] = set()
    in_case_resolved = True
    for item in gold:
        def cites(c: Any, item: dict[str, Any] = item) -> bool:
            names = {norm(c.cites_label.split(":")[0].split(" (")[0])}
            if c.cites_entity and c.cites_entity in G:
                names |= _names(record(G, c.cites_entity))
            return norm(item["cites"]) in names

        hits = [
            c for c in found
            if docs.get(c.document) == item["doc"] and cites(c)
            and (item.get("kind") != "reference" or c.kind == "reference")
        ]
        if "resolved" in item:
            want = item["resolved"]
            hits = [c for c in hits if (docs.get(c.cites_document) if c.cites_document else None) == want]
            if want is not None and not hits:
                in_case_resolved = False
        if hits:
            score.found += 1
            right |= {c.id for c in hits}
        else:
            score.missed.append(f"{item['doc']} -> {item['cites']} {item.get('kind', '')}".strip())
    # Precision: a citation is right when it names a source the gold list has for that document.
    wanted = {(i["doc"], norm(i["cites"])) for i in gold}
    for c in found:
        names = {norm(c.cites_label.split(":")[0].split(" (")[0])}
        if c.cites_entity and c.cites_entity in G:
            names |= _names(record(G, c.cites_entity))
        if c.id in right or any((docs.get(c.document), n) in wanted for n in names):
            right.add(c.id)
    score.right = len(right)
    return score, in_case_resolved


def score_conflicts(G: nx.MultiDiGraph, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    from timeline_graph.graph import conflicts, quantities
    from timeline_graph.resolve import series

    found = list(conflicts(G))
    matched: set[str] = set()
    results = []
    for item in gold.get("conflicts", []):
        want = set(item["docs"])
        hits = [c for c in found if c.kind == item["kind"] and {docs.get(d) for d in c.documents} == want]
        results.append((item, bool(hits)))
        matched |= {c.id for c in hits}
    false = [c for c in found if c.id not in matched]
    series_found = []
    all_series = series(quantities(G))
    for item in gold.get("series", []):
        values = set(item["values"])
        ok = any(
            values <= {q.value for q in qs} and any(q.measure.split("/")[0] == item["measure"] for q in qs)
            for qs in all_series.values()
        )
        series_found.append((item, ok))
    return {"conflicts": results, "false": false, "series": series_found}


def quotes_not_in_span(G: nx.MultiDiGraph) -> list[str]:
    """Claims whose quote (each part of it) is not in the words of their span."""
    from timeline_graph.graph import claims

    bad = []
    for claim in claims(G):
        for part in (claim.quote or "").split(" … "):
            if part and " ".join(part.split()) not in " ".join(claim.span.exact.split()):
                bad.append(f"{claim.id}: {part[:40]!r}")
    return bad


def evaluate(G: nx.MultiDiGraph, gold: dict[str, Any]) -> dict[str, Any]:
    """Every figure of the benchmark for one built graph."""
    docs = _docs(G)
    citations, resolved = score_citations(G, gold["citations"], docs)
    return {
        "entities": score_entities(G, gold["entities"]),
        "events": score_events(G, gold["events"], docs),
        "claims": score_claims(G, gold["claims"], docs),
        "citations": citations,
        "in_case_reference_resolved": resolved,
        "quotes_not_in_span": quotes_not_in_span(G),
        **score_conflicts(G, gold, docs),
    }


def load_gold(path: Path = GOLD) -> dict[str, Any]:
    """The gold list."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def report(result: dict[str, Any]) -> str:
    """The figures as text, with what was missed."""
    out = []
    out.append(result["entities"].line("orgs + people"))
    out.append(result["events"].line("dated events"))
    out.append(result["claims"].line("attributed claims"))
    out.append(result["citations"].line("source citations"))
    out.append(f"in-case reference resolved to its document: {'yes' if result['in_case_reference_resolved'] else 'no'}")
    out.append(f"claims whose quote is not in their span: {len(result['quotes_not_in_span'])}")
    for item, ok in result["conflicts"]:
        out.append(f"conflict {item['kind']:<12} {'+'.join(item['docs']):<9} {item['what']}: {'found' if ok else 'MISSED'}")
    for item, ok in result["series"]:
        out.append(f"series {item['measure']} {item['values']}: {'found' if ok else 'MISSED'}")
    out.append(f"false conflicts: {len(result['false'])}")
    for c in result["false"]:
        out.append(f"  {c.kind}: {c.explanation}")
    for name in ("entities", "events", "claims", "citations"):
        for miss in result[name].missed:
            out.append(f"missed {name}: {miss}")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else SEEDS
    if not seeds.is_dir():
        print(f"no seed corpus at {seeds}", file=sys.stderr)
        return 2
    print(report(evaluate(build(seeds), load_gold())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
