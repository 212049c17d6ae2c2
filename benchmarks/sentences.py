"""Sentence boundaries of the layout rules (``timeline_graph.nlp.layout``) against the treebanks.

    python3 benchmarks/sentences.py [--split dev|test] [--errors N]

Rebuilds the running text of every document of GUM (open genres) and EWT from their CoNLL-U
files: sentences from ``# text``, a paragraph break (a blank line) at every ``# newpar`` and
``# newdoc``, one space between the sentences of a paragraph unless the last word has
``SpaceAfter=No``. The text is then cut as the pipeline cuts it (``layout.paragraphs``, then
``layout.sentence_starts`` in each paragraph) and the sentence starts are scored against the
gold ones: precision, recall and F1 of the boundaries inside paragraphs (the figure to tune on:
a paragraph start is a sentence start by construction), and of all boundaries but the documents'
first (for comparison with scorers that count paragraph breaks).

``--errors N`` (dev only: the test split is never looked into) prints up to N missed and N
spurious boundaries of each treebank with the text around them. ``--split test`` prints the
figures and nothing else; it is for reporting, not tuning.

``--quotes`` counts, in the tuning part of PolNeAR (the articles ``benchmarks/attribution.py``
tunes on; it has no gold sentences), the sentences that run on past a sentence end into a
quotation opening the next sentence ('... he said. "We ...', '... he said. ''We ...'): a
sentence the splitter should have ended, which leaves the claims one span for two attributions.
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from timeline_graph.nlp.layout import paragraphs, sentence_starts  # noqa: E402

FILES = {
    "GUM": {"dev": "ud-english-gum/en_gum-open-dev.conllu", "test": "ud-english-gum/en_gum-open-test.conllu"},
    "EWT": {"dev": "ud-english-ewt/en_ewt-ud-dev.conllu", "test": "ud-english-ewt/en_ewt-ud-test.conllu"},
}
_NEWPAR = re.compile(r"#\s*newpar(?:\s|$)")
_NEWDOC = re.compile(r"#\s*newdoc(?:\s|$)")


@dataclass
class GoldDocument:
    """A document's rebuilt text, its gold sentence starts and paragraph starts (offsets)."""

    name: str
    text: str = ""
    starts: list[int] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)


def read_documents(path: Path) -> list[GoldDocument]:
    """The documents of a CoNLL-U file with their text rebuilt and their gold sentence starts."""
    docs: list[GoldDocument] = []
    comments: list[str] = []
    last_misc = ""
    in_sentence = False

    def close_sentence() -> None:
        nonlocal in_sentence
        in_sentence = False

    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line:
                if in_sentence:
                    close_sentence()
                continue
            if line.startswith("#"):
                comments.append(line)
                continue
            if not in_sentence:  # the first word line of a sentence: place the sentence
                in_sentence = True
                text = next((c.split("=", 1)[1].strip() for c in comments if re.match(r"#\s*text\s*=", c)), None)
                if text is None:
                    raise ValueError(f"{path}: a sentence without '# text'")
                newdoc = any(_NEWDOC.match(c) for c in comments)
                newpar = newdoc or not docs or any(_NEWPAR.match(c) for c in comments)
                if newdoc or not docs:
                    name = next((c.split("=", 1)[1].strip() for c in comments if _NEWDOC.match(c) and "=" in c), "")
                    docs.append(GoldDocument(name or f"doc{len(docs)}"))
                doc = docs[-1]
                if doc.text:
                    doc.text += "\n\n" if newpar else ("" if "SpaceAfter=No" in last_misc else " ")
                doc.starts.append(len(doc.text))
                if newpar:
                    doc.paragraph_starts.append(len(doc.text))
                doc.text += text
                comments = []
            cols = line.split("\t")
            if len(cols) == 10 and "." not in cols[0]:
                last_misc = cols[9]
    return docs


def predicted_starts(text: str) -> list[int]:
    """Sentence starts as the pipeline finds them: paragraphs, then the sentences of each."""
    return [s for start, end in paragraphs(text) for s in sentence_starts(text, start, end)]


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = hits / predicted if predicted else 1.0
    r = hits / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[GoldDocument], errors: int = 0) -> dict[str, tuple[float, float, float, int, int, int]]:
    """P/R/F1 (with hits, predicted, gold counts) inside paragraphs and over all boundaries."""
    counts = {"inside": [0, 0, 0], "all": [0, 0, 0]}
    missed: list[str] = []
    spurious: list[str] = []
    for doc in docs:
        gold = set(doc.starts) - {0}
        pred = set(predicted_starts(doc.text)) - {0}
        paras = set(doc.paragraph_starts)
        for key, g, p in (("inside", gold - paras, pred - paras), ("all", gold, pred)):
            counts[key][0] += len(g & p)
            counts[key][1] += len(p)
            counts[key][2] += len(g)
        if errors:
            for at in sorted((gold - paras) - pred):
                missed.append((_kind(doc.text, at), _context(doc.text, at)))
            for at in sorted((pred - paras) - gold):
                spurious.append(_context(doc.text, at))
    if errors:
        kinds: dict[str, list[str]] = {}
        for kind, line in missed:
            kinds.setdefault(kind, []).append(line)
        for kind, lines in sorted(kinds.items()):
            print(f"  missed, {kind} ({len(lines)}):")
            for line in lines[:errors]:
                print("    " + line)
        print(f"  spurious ({len(spurious)}):")
        for line in spurious[:errors]:
            print("    " + line)
    return {key: (*_prf(*c), *c) for key, c in counts.items()}  # type: ignore[misc]


def _kind(text: str, at: int) -> str:
    """Why a gold boundary is hard: no end mark before it, a lower-case opener, or neither."""
    before = text[:at].rstrip().rstrip("\"”’')]")
    if not before.endswith((".", "!", "?", "…")):
        return "no end mark before"
    if not text[at : at + 3].lstrip("\"“‘'([").strip()[:1].isupper() and not text[at:at + 3].lstrip("\"“‘'([")[:1].isdigit():
        return "not a capital or digit after"
    return "an end mark and a capital or digit"


def _context(text: str, at: int, width: int = 60) -> str:
    before = text[max(0, at - width) : at].replace("\n", "¶")
    after = text[at : at + width].replace("\n", "¶")
    return f"{before} || {after}"


# A sentence end, then an opening quotation mark and a capital: the next sentence begins inside.
_RUN_ON_QUOTE = re.compile(r"[.!?][\"”’')\]]*\s+(''|``|[\"“])[A-Z]")


def count_run_on_quotes(folder: Path) -> int:
    """Print how many sentences of PolNeAR's tuning part run on into a quotation, by the opening mark."""
    if not folder.is_dir():
        print(f"no corpus at {folder}", file=sys.stderr)
        return 2
    marks: dict[str, int] = {"''": 0, "``": 0, '"': 0, "“": 0}
    total = 0
    for path in sorted(folder.glob("*.txt")):
        if zlib.crc32(path.stem.encode("utf-8")) % 5 == 0:
            continue  # the held-out part of benchmarks/attribution.py
        text = path.read_text(encoding="utf-8")
        starts = predicted_starts(text)
        ends = [*starts[1:], len(text)]
        for start, end in zip(starts, ends, strict=True):
            total += 1
            if (found := _RUN_ON_QUOTE.search(text, start, end)) is not None:
                marks[found.group(1)] += 1
    run_on = sum(marks.values())
    print(f"PolNeAR tuning part: {total} sentences, {run_on} run on into a quotation "
          f"({', '.join(f'{m} {n}' for m, n in marks.items())})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--errors", type=int, default=0, help="dev only: print N missed and N spurious boundaries")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--quotes", action="store_true", help="count sentences run on into a quotation (PolNeAR tuning part)")
    args = parser.parse_args(argv)
    if args.quotes:
        return count_run_on_quotes(args.corpus / "polnear-train" / "text")
    if args.errors and args.split != "dev":
        parser.error("--errors reads dev only: the test split is for reporting")
    for bank, splits in FILES.items():
        path = args.corpus / splits[args.split]
        docs = read_documents(path)
        print(f"{bank} {args.split} ({len(docs)} documents, {sum(len(d.starts) for d in docs)} sentences)")
        result = score(docs, args.errors if args.split == "dev" else 0)
        for key, label in (("inside", "inside paragraphs"), ("all", "all boundaries")):
            p, r, f, hits, pred, gold = result[key]
            print(f"  {label:18} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}"
                  f"  ({hits} right of {pred} found, {gold} gold)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
