"""Claims against the attributions annotated in PolNeAR (training split), by the team's rule.

The articles of ``../shared/corpus/polnear-train`` are split once, before any tuning: an
article whose name (the text file's name without ``.txt``) has a CRC-32 divisible by 5 is
**held out** (179 of 840 articles) and never looked at while the extractor is tuned; the rest
is the **tuning** part. Where an article was annotated twice, the first annotator's file (by
name) is the gold.

Scoring (issue 13): words are runs of lower-cased letters and digits, counted with their
repeats. A gold attribution is *found* when one claim of the same document shares >= 50% of
the gold content's words and >= 50% of the claim's words (the claim's words are those of its
``span.exact``, or of its ``quote`` or its content's parts, without the cue that splits them,
where those match instead); it is *found with its source*
when, besides, the claimant's name shares a word with the gold source, or the gold source is a
pronoun, a generic noun (no proper noun in it: "officials", "the campaign") or absent.
Precision is the share of claims that cover some gold content this way. The baseline makes one
claim of every sentence with a speech verb, its claimant the sentence's first named entity.

    python3 benchmarks/attribution.py [--part held|tune|both] [--limit N] [--cache DIR] [--errors FILE]
                                      [--by-cue-kind]

``--by-cue-kind`` adds, for the tuning part only, recall and the number of annotated
attributions of each kind of cue (speech verbs, "according to", nouns, internal states,
perception and evidence, ...; see ``benchmarks/cue_kinds.py``).

``--errors`` writes the tuning part's misses and wrong claims, to read while tuning; the
held-out part's are never written.

Parses are cached under ``--cache`` (default ``/tmp/timeline-graph-polnear``), keyed by the
pipeline's name and version. PolNeAR: Newell, Margolin and Ruths (2018), "An Attribution
Relations Corpus for Political News", LREC 2018.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "polnear-train"
sys.path.insert(0, str(ROOT))

from benchmarks.cue_kinds import KINDS, cue_kind  # noqa: E402
from timeline_graph import nlp  # noqa: E402
from timeline_graph.extract.claims import find_claims  # noqa: E402
from timeline_graph.extract.entities import find_entities  # noqa: E402
from timeline_graph.model import Claim, Document  # noqa: E402
from timeline_graph.nlp import Parse  # noqa: E402

_PRONOUNS = frozenset(
    ["i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "this", "that", "these", "those", "who", "which", "whom", "whose", "one"]
)


def held_out(name: str) -> bool:
    """Whether an article belongs to the held-out part (fixed before any tuning)."""
    return zlib.crc32(name.encode("utf-8")) % 5 == 0


def words(text: str) -> Counter[str]:
    """Runs of lower-cased letters and digits, with their counts."""
    return Counter(re.findall(r"[a-z0-9]+", text.casefold()))


@dataclass(frozen=True)
class Gold:
    """One annotated attribution: content text, source text (may be empty), whether the source is generic."""

    content: str
    source: str
    generic: bool
    cue: str = ""
    kind: str = ""


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    with_source: int = 0
    claims: int = 0
    right: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "found", "with_source", "claims", "right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, label: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}%" if b else "  n/a"

        return (f"{label:<22} recall {pct(self.found, self.gold)} ({self.found}/{self.gold})  "
                f"precision {pct(self.right, self.claims)} ({self.right}/{self.claims})  "
                f"recall with source {pct(self.with_source, self.gold)} ({self.with_source}/{self.gold})")


@dataclass
class Candidate:
    """What is scored of a claim: its texts and its claimant's name."""

    texts: tuple[str, ...]
    claimant: str
    words: tuple[Counter[str], ...] = field(default=())

    def __post_init__(self) -> None:
        self.words = tuple(words(t) for t in self.texts if t)


def read_gold(name: str, text: str, parse: Parse) -> list[Gold]:
    """The attributions of one article (the first annotator's file)."""
    files = sorted((CORPUS / "attributions").glob(f"{name}_*.ann"))
    if not files:
        return []
    spans: dict[str, list[tuple[int, int]]] = {}
    found: list[Gold] = []
    lines = files[0].read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _kind, _, where = parts[1].partition(" ")
            spans[parts[0]] = [(int(a), int(b)) for a, b in (p.split() for p in where.split(";"))]
    for line in lines:
        if not line.startswith("E"):
            continue
        roles = dict(r.split(":", 1) for r in line.split("\t")[1].split() if ":" in r)
        # a quotation split by its cue is annotated as Content and Content2 (PolNeAR's split
        # quotes): the gold content is all its parts, in text order
        content = sorted(s for role in sorted(roles) if role.startswith("Content") for s in spans.get(roles[role], []))
        if not content:
            continue
        source = spans.get(roles.get("Source", ""), [])
        source_text = " ".join(text[a:b] for a, b in source)
        generic = not source or not any(
            t.pos == "PROPN" for a, b in source for t in parse.tokens_in(a, b)
        ) or all(w in _PRONOUNS for w in words(source_text))
        cue_spans = spans.get(roles.get("Cue", ""), [])
        cue = " ".join(text[a:b] for a, b in cue_spans)
        kind = cue_kind([t for a, b in cue_spans for t in parse.tokens_in(a, b)])
        found.append(Gold(" ".join(text[a:b] for a, b in content), source_text, generic, cue, kind))
    return found


def matches(gold: Counter[str], claim: Counter[str]) -> bool:
    """The team's rule: >= 50% of the gold content's words and >= 50% of the claim's words shared."""
    shared = sum((gold & claim).values())
    return bool(gold) and bool(claim) and shared >= 0.5 * sum(gold.values()) and shared >= 0.5 * sum(claim.values())


def score(golds: Sequence[Gold], candidates: Sequence[Candidate], errors: list[str] | None = None,
          kinds: dict[str, Tally] | None = None) -> Tally:
    """Recall, recall with source and precision counts for one document; misses and wrong claims into ``errors``.

    ``kinds`` gathers the recall of each kind of cue (a miss's kind ends its line in ``errors``).
    """
    tally = Tally(gold=len(golds), claims=len(candidates))
    gold_words = [words(g.content) for g in golds]
    covered: set[int] = set()
    for g, gw in zip(golds, gold_words, strict=True):
        hits = [k for k, c in enumerate(candidates) if any(matches(gw, w) for w in c.words)]
        covered.update(hits)
        kind = kinds.setdefault(g.kind, Tally()) if kinds is not None else Tally()
        kind.gold += 1
        if hits:
            tally.found += 1
            kind.found += 1
            source = words(g.source)
            if g.generic or any(words(candidates[k].claimant) & source for k in hits):
                tally.with_source += 1
                kind.with_source += 1
            elif errors is not None:
                errors.append(f"SOURCE\t{g.cue}\t{g.source}\t{candidates[hits[0]].claimant}\t{g.content}\t{g.kind}")
        elif errors is not None:
            errors.append(f"MISS\t{g.cue}\t{g.source}\t\t{g.content}\t{g.kind}")
    if errors is not None:
        errors.extend(f"WRONG\t\t\t{c.claimant}\t{c.texts[0]}" for k, c in enumerate(candidates) if k not in covered)
    tally.right = len(covered)
    return tally


def of_claims(found: Iterable[Claim]) -> list[Candidate]:
    """The scored texts of the extractor's claims."""
    return [Candidate((c.span.exact, c.quote or "", " ".join(part.exact for part in c.content)), c.claimant_name or "")
            for c in found]


_SPEECH_LEMMAS = frozenset(["say", "tell", "report", "announce", "claim", "state", "add", "write", "argue", "believe", "think"])


def baseline(parse: Parse) -> list[Candidate]:
    """One claim a sentence with a speech verb; the claimant is its first named entity."""
    out = []
    for s in parse.sentences:
        tokens = parse.tokens[s.first : s.last]
        if any(t.pos == "VERB" and t.lemma.casefold() in _SPEECH_LEMMAS for t in tokens):
            names = [e for e in parse.entities if s.start <= e.start < s.end]
            who = parse.text[names[0].start : names[0].end] if names else ""
            out.append(Candidate((parse.text[s.start : s.end],), who))
    return out


def cached_parse(name: str, text: str, cache: Path) -> Parse:
    """The article's parse, from the on-disk cache when there."""
    folder = cache / nlp.pipeline_id()
    path = folder / f"{name}.pkl"
    if path.exists():
        parse: Parse = pickle.loads(path.read_bytes())
        if parse.text == text:
            return parse
    parse = nlp.parse(text)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(parse))
    tmp.rename(path)
    return parse


def run(names: Sequence[str], cache: Path, errors: list[str] | None = None,
        kinds: dict[str, Tally] | None = None) -> tuple[Tally, Tally, float]:
    """(claims tally, baseline tally, seconds spent in the claims extractor) over some articles."""
    ours, base = Tally(), Tally()
    spent = 0.0
    for name in names:
        text = (CORPUS / "text" / f"{name}.txt").read_text(encoding="utf-8")
        parse = cached_parse(name, text, cache)
        golds = read_gold(name, text, parse)
        doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source=f"{name}.txt")
        entities = find_entities(doc, parse)
        started = time.perf_counter()
        found = find_claims(doc, entities, parse)
        spent += time.perf_counter() - started
        if errors is not None:
            errors.append(f"DOC\t{name}")
        ours.add(score(golds, of_claims(found), errors, kinds))
        base.add(score(golds, baseline(parse)))
    return ours, base, spent


def print_kinds(kinds: dict[str, Tally]) -> None:
    """Recall, recall with source, and the gold and missed counts of each kind of cue, in the kinds' order."""
    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}%" if b else "  n/a"

    print(f"  {'kind of cue':<22} {'gold':>6} {'missed':>7} {'recall':>7} {'w/ source':>10}")
    for name in KINDS:
        t = kinds.get(name, Tally())
        print(f"  {name:<22} {t.gold:>6} {t.gold - t.found:>7} {pct(t.found, t.gold):>7} {pct(t.with_source, t.gold):>10}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--part", choices=("held", "tune", "both"), default="both")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of each part")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/timeline-graph-polnear"))
    ap.add_argument("--errors", type=Path, help="write the tuning part's misses, wrong sources and wrong claims here "
                    "(tab-separated: kind, gold cue, gold source, claimant, text, kind of cue); never the held-out part's")
    ap.add_argument("--by-cue-kind", action="store_true", help="recall by kind of cue, on the tuning part")
    args = ap.parse_args(argv)
    if not (CORPUS / "text").is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    names = sorted(p.stem for p in (CORPUS / "text").glob("*.txt"))
    parts = {"tune": [n for n in names if not held_out(n)], "held": [n for n in names if held_out(n)]}
    for part in ("tune", "held"):
        if args.part not in (part, "both"):
            continue
        chosen = parts[part][: args.limit] if args.limit else parts[part]
        errors: list[str] | None = [] if args.errors and part == "tune" else None
        kinds: dict[str, Tally] | None = {} if args.by_cue_kind and part == "tune" else None
        ours, base, spent = run(chosen, args.cache, errors, kinds)
        if errors is not None:
            args.errors.write_text("".join(" ".join(e.split("\n")) + "\n" for e in errors), encoding="utf-8")
        label = "held-out" if part == "held" else "tuning"
        print(f"{label} part: {len(chosen)} articles, {ours.gold} attributions")
        print(ours.line("  claims"))
        print(base.line("  speech-verb baseline"))
        print(f"  claims extractor time: {spent:.1f} s")
        if kinds is not None:
            print_kinds(kinds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
