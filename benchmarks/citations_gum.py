"""Source citations on unseen news: GUM Wikinews documents against a hand-made gold list.

    python3 benchmarks/citations_gum.py [-v] [--held] [--batch N]

Reads the documents from ``../shared/corpus/ud-english-gum`` at run time (as
``benchmarks/events_gum.py`` does) and scores them against ``tests/data/gum_citations_gold.yaml``,
whose head says what counts as a citation. A gold citation is found when an extracted citation
of its document overlaps its cue and names the same source (its label, or the name of the
entity it cites, shares a content word with one of the gold source's readings). Precision: the
share of extracted citations that overlap some gold cue of their document and name its source.
The naive baseline takes every sentence with "according to", "told" or "reported" for a
citation of whatever the sentence names. `tune` documents (GUM train) may guide the extractor;
`held` ones (GUM dev and test) are for scoring only, printed with ``--held``. Each group is
scored twice: its news documents alone (the first gold) and all its documents (news, interviews,
biographies, textbook chapters). GUM holds only twenty-eight news documents, so the held group
also has ten articles of the PolNeAR training split (``../shared/corpus/polnear-train``, US
political news of 2015-2016, named ``PolNeAR_<file>``, read with their publisher); held news is
printed for both corpora together and for each alone (``GUM news``, the figure before they came).
The tune group likewise has fourteen PolNeAR training articles of the tune part of
``benchmarks/attribution.py``; tune news is printed together and for each corpus alone.
``--batch N`` scores only the documents of the gold's batch ``N`` (a set of tune articles
annotated together, scored once before any rule was made for it).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
GOLD = ROOT / "tests" / "data" / "gum_citations_gold.yaml"
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear-train"
PUBLISHERS = {"breitbart": "Breitbart", "huff-post": "The Huffington Post", "nyt": "The New York Times",
              "politico": "Politico", "usa-today": "USA Today", "wash-post": "The Washington Post",
              "west-journal": "Western Journalism"}

from events_gum import GUM, line, texts  # noqa: E402

from timeline_graph import nlp  # noqa: E402
from timeline_graph.extract.citations import find_citations  # noqa: E402
from timeline_graph.extract.entities import find_entities  # noqa: E402
from timeline_graph.model import Document  # noqa: E402

_MINOR = frozenset(["a", "an", "the", "of", "on", "in", "to", "by", "for", "and", "from", "at", "with", "'s"])
_NAIVE = re.compile(r"\baccording to\b|\btold\b|\breported\b", re.IGNORECASE)

# (doc, start, end, words naming the source)
Found = tuple[str, int, int, str]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w.&-]+", text.casefold().replace("’", "'")) if w not in _MINOR}


def cue_span(text: str, cue: str, doc: str) -> tuple[int, int]:
    at = text.find(cue)
    if at < 0 or text.find(cue, at + 1) >= 0:
        raise SystemExit(f"{doc}: cue {cue!r} is {'absent' if at < 0 else 'not unique'}")
    return at, at + len(cue)


def matches(found: Found, gold: dict[str, Any], span: tuple[int, int]) -> bool:
    doc, start, end, names = found
    if doc != gold["doc"] or end <= span[0] or start >= span[1]:
        return False
    return any(words(reading) & words(names) for reading in str(gold["source"]).split("|"))


def score(found: Sequence[Found], gold: Sequence[tuple[dict[str, Any], tuple[int, int]]]) -> dict[str, Any]:
    hits = [g for g, s in gold if any(matches(f, g, s) for f in found)]
    right = [f for f in found if any(matches(f, g, s) for g, s in gold)]
    missed = [f"{g['doc']} {g['cue']!r}" for g, s in gold if g not in hits]
    wrong = [f for f in found if f not in right]
    return {"found": len(hits), "gold": len(gold), "right": len(right), "extracted": len(found),
            "missed": missed, "wrong": wrong}


def main(argv: list[str]) -> int:
    import yaml

    if not GUM.is_dir():
        print(f"no GUM corpus at {GUM}", file=sys.stderr)
        return 2
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    docs: dict[str, dict[str, Any]] = gold["documents"]
    found_texts = texts({d for d in docs if d.startswith("GUM_")})
    publishers: dict[str, str] = {}
    for name in (d for d in docs if d.startswith("PolNeAR_")):
        file = name.removeprefix("PolNeAR_")
        found_texts[name] = (POLNEAR / "text" / f"{file}.txt").read_text(encoding="utf-8")
        publishers[name] = PUBLISHERS[file.split("_", 1)[0]]
    ours: list[Found] = []
    naive: list[Found] = []
    spans: list[tuple[dict[str, Any], tuple[int, int]]] = []
    for name, text in sorted(found_texts.items()):
        spans += [(g, cue_span(text, g["cue"], name)) for g in gold["citations"] if g["doc"] == name]
        wikinews = name.startswith(("GUM_news_", "GUM_interview_"))  # GUM's news and interviews are Wikinews articles
        doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source=f"{name}.txt",
                              publisher="Wikinews" if wikinews else publishers.get(name))
        parse = nlp.parse(text)
        entities = find_entities(doc, parse)
        by_id = {e.id: e for e in entities}
        for c in find_citations(doc, entities, parse):
            cited = by_id.get(c.cites_entity) if c.cites_entity else None
            names = " ".join([c.cites_label, *([cited.name, *cited.aliases] if cited else [])])
            ours.append((name, c.span.start, c.span.end, names))
        for m in re.finditer(r"[^.!?\n]+[.!?]*", text):
            if _NAIVE.search(m.group(0)):
                naive.append((name, m.start(), m.end(), m.group(0)))
    verbose = "-v" in argv
    batch = int(argv[argv.index("--batch") + 1]) if "--batch" in argv else None
    groups = [("tune", "news"), ("tune", "GUM news"), ("tune", "PolNeAR news"), ("tune", "all"), ("held", "news"), ("held", "GUM news"), ("held", "PolNeAR news"),
              ("held", "all")]
    for split, genres in groups:
        if split == "held" and "--held" not in argv:
            continue

        def chosen(doc: str, split: str = split, genres: str = genres) -> bool:
            news = doc.startswith(("GUM_news_", "PolNeAR_"))
            if batch is not None and docs[doc].get("batch") != batch:
                return False
            return docs[doc]["split"] == split and (genres == "all" or (news and (
                genres == "news" or doc.startswith(genres.split()[0] + "_"))))

        wanted = [(g, s) for g, s in spans if chosen(g["doc"])]
        result = score([f for f in ours if chosen(f[0])], wanted)
        print(line(f"citations, GUM {split} {genres}", result))
        print(line(f"baseline, GUM {split} {genres}", score([f for f in naive if chosen(f[0])], wanted)))
        if verbose and split == "tune" and genres == "all":
            for miss in result["missed"]:
                print("  missed:", miss)
            for doc, start, end, names in result["wrong"]:
                print(f"  wrong: {doc} {found_texts[doc][start:end]!r} -> {names!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
