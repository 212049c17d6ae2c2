"""The entity extractor, document by document, on GUM's held-out documents and the seed articles.

    python3 benchmarks/entities.py [--split test,dev] [--nlp NAME_OR_PATH] [--case]

GUM (``../shared/corpus/ud-english-gum``) marks every mention of every entity with its type and
coreference chain. A gold entity of a document is a chain of type person, organization or place
with at least one name in it (a mention headed by a proper noun; groups of people named by a
plural such as "Americans" are left out, plural names of places and bodies such as "United
States" are kept, and so is a mention headed by a role noun with a proper noun hanging on it,
"actor Jason Beghe", which names that person); its names are all the names of the chain (a name
goes on past a hyphen written without spaces, "Lee Cheuk-yan", which GUM's tokens split). A found
entity matches a gold one when the kinds agree and its name or one of its aliases is one of the
gold names (case, punctuation and a leading "the" ignored). Recall is the share of gold entities
matched; precision the share of found people, organizations and places that match one.

The documents are GUM's dev and test splits, which the pipeline never trained on; news
(Wikinews) is reported on its own beside all genres. Where ``../shared/corpus/seeds`` exists,
the five seed articles are scored against ``tests/data/seed_gold.yaml`` too (see
``benchmarks/seed_extraction.py``).

``--show`` (GUM dev or train only: the test split is held out and never looked into) lists the
gold entities missed and the entities found that match none, document by document; ``--genre news``
scores one genre's documents alone.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from timeline_graph import nlp as tg_nlp  # noqa: E402
from timeline_graph.extract.entities import find_entities  # noqa: E402
from timeline_graph.model import Document  # noqa: E402
from timeline_graph.nlp.conllu import ENTITY_LABELS, name_span, read_conllu, to_docs  # noqa: E402
from timeline_graph.resolve.entities import one_kind_a_name  # noqa: E402

KINDS = {"PERSON": "person", "ORG": "organization", "PLACE": "place"}


def norm(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text.casefold())
    return " ".join(re.findall(r"\w+", text)).removeprefix("the ")


def _hyphenated_end(doc, hi: int, end: int) -> int:  # type: ignore[no-untyped-def]
    """The end of a name that goes on past a hyphen written without spaces: GUM's tokens split
    "Lee Cheuk-yan" into "Lee Cheuk", "-" and "yan", and the name of the mention is all of it."""
    while (hi + 1 < end and doc[hi].text == "-" and not doc[hi - 1].whitespace_ and not doc[hi].whitespace_
           and doc[hi + 1].is_alpha):
        hi += 2
    return hi


def gold_documents(path: Path) -> list[tuple[str, str, list[tuple[str, set[str]]]]]:
    """(genre, text, [(kind, names)]) for each document of a GUM file."""
    import spacy

    vocab = spacy.blank("en").vocab
    groups = list(read_conllu(path))
    out = []
    for group, doc in zip(groups, to_docs(vocab, path), strict=True):
        genre = (group[0].doc_id or "GUM_x_").split("_")[1]
        chains: dict[str, tuple[str, set[str]]] = {}
        for start, end, etype, cluster in doc.user_data["mentions"]:
            label = ENTITY_LABELS.get(etype)
            if label is None:
                continue
            span = name_span(doc, start, end, role_heads=True)
            if span is None or (doc[span[1] - 1].tag_ == "NNPS" and KINDS[label] == "person"):
                continue  # a group of people ("Americans"); a plural place or body ("United States") stays
            name = doc[span[0] : _hyphenated_end(doc, span[1], end)].text
            chains.setdefault(cluster, (KINDS[label], set()))[1].add(norm(name))
        out.append((genre, doc.text, [v for v in chains.values() if v[1]]))
    return out


def score(
    docs: list[tuple[str, str, list[tuple[str, set[str]]]]], pipeline: str | None, *, show: bool = False,
    case: bool = False,
) -> dict[str, Counter[str]]:
    """Counts of gold and found entities and of their matches; ``show`` prints the misses;
    ``case`` types each name as a case of all the documents would (see ``one_kind_a_name``)."""
    counts: dict[str, Counter[str]] = {"all": Counter(), "news": Counter()}
    texts = [text for _, text, _ in docs]
    parses = tg_nlp.parse_many(texts, nlp=pipeline)
    found_in = []
    for (genre, text, _gold), parse in zip(docs, parses, strict=True):
        doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source=f"{genre}.txt")
        found_in.append(find_entities(doc, parse))
    if case:  # the split's documents as one case: each name takes the kind the case votes for it
        voted = iter(one_kind_a_name(e for found in found_in for e in found))
        found_in = [[next(voted) for _ in found] for found in found_in]
    for (genre, _text, gold), found_all in zip(docs, found_in, strict=True):
        found = [e for e in found_all if e.kind in ("person", "organization", "place")]
        names = [(e.kind, {norm(e.name), *(norm(a) for a in e.aliases)}) for e in found]
        matched_gold = sum(1 for kind, gnames in gold if any(k == kind and n & gnames for k, n in names))
        matched_found = sum(1 for k, n in names if any(kind == k and n & gnames for kind, gnames in gold))
        if show:
            missed = [f"{kind} {sorted(g)}" for kind, g in gold if not any(k == kind and n & g for k, n in names)]
            spurious = [f"{e.kind} {e.name!r}" for e, (k, n) in zip(found, names, strict=True)
                        if not any(kind == k and n & g for kind, g in gold)]
            print(f"-- {genre}: {len(gold)} gold, {len(names)} found")
            for line in missed:
                print(f"   missed   {line}")
            for line in spurious:
                print(f"   spurious {line}")
        for key in ("all", "news") if genre == "news" else ("all",):
            counts[key].update(gold=len(gold), found=len(names), tp_gold=matched_gold, tp_found=matched_found)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test,dev")
    parser.add_argument("--nlp", default=None)
    parser.add_argument("--show", action="store_true",
                        help="list the misses on GUM dev or train (not on test, which is held out)")
    parser.add_argument("--genre", default=None, help="score only the documents of this GUM genre (news, bio, ...)")
    parser.add_argument("--case", action="store_true",
                        help="read each split's documents as one case, where a name takes one kind across them")
    args = parser.parse_args()
    if args.show and "test" in args.split.split(","):
        parser.error("--show looks into GUM dev or train only (the test split is held out): add --split dev")
    for split in args.split.split(","):
        path = CORPUS / "ud-english-gum" / f"en_gum-open-{split}.conllu"
        if not path.is_file():
            print(f"GUM {split}: {path} absent, skipped")
            continue
        docs = [d for d in gold_documents(path) if args.genre in (None, d[0])]
        for key, c in score(docs, args.nlp, show=args.show, case=args.case).items():
            if not c["gold"]:
                continue
            r = c["tp_gold"] / c["gold"]
            p = c["tp_found"] / c["found"] if c["found"] else 0.0
            print(f"entities, GUM {split}{' as one case' if args.case else ''}, {key:<4} ({c['gold']} gold, {c['found']} found): "
                  f"recall {100 * r:.1f}%  precision {100 * p:.1f}%")
    seeds = CORPUS / "seeds"
    if seeds.is_dir() and not args.show:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import seed_extraction

        G = seed_extraction.build(seeds)
        s = seed_extraction.score_entities(G, seed_extraction.load_gold()["entities"])
        precision = s.precision
        print(f"entities, seed articles: recall {100 * s.recall:.1f}%  precision "
              + ("n/a" if precision is None else f"{100 * precision:.1f}%"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
