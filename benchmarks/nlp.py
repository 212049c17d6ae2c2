"""Accuracy and speed of the package's English pipeline (``timeline_graph.nlp``).

    python3 benchmarks/nlp.py [--nlp NAME_OR_PATH] [--only deps,ents,coref,speed] [--gum-split dev]

Prints, for the pipeline that builds use (the shipped one unless ``--nlp`` names another):

- dependencies on the EWT test set with gold tokens, one sentence at a time: UAS and LAS over
  all words (as the CoNLL 2018 shared task counts them: universal relation labels) and with the
  full labels; the same on GUM's test set;
- named entities on GUM's test set: person, organization and place mentions headed by a proper
  noun (the name inside the mention, see ``nlp.conllu.name_span``), precision, recall and F1 for
  each, exact spans, on gold tokens; also with a head-word match;
- pronoun and description resolution on GUM's test set: of the pronouns ("he", "she", "they",
  "it") and definite descriptions ("the company") whose gold coreference chain has a named
  mention earlier in the document, the share linked to a mention of that chain; and how many
  of the others are linked all the same (an "it" of an unnamed thing linked to a name);
- speed of the whole pipeline (parse, entities, pronoun links) on news text, one core, in words
  per second (real political news from ``../shared/corpus/polnear-train/text``, read only to
  measure; the seed articles where that is absent).

``--errors N`` (GUM dev only: the test split is held out and never looked into) instead sorts
the name errors by where they come from, with up to N examples of each: the candidate spans
(proper-noun runs from the parser's tags) that are too long, too short or absent, versus the
typer's kinds (a right span typed wrong or typed as no name), and names found where GUM has a
mention of another type, a common-noun mention, or nothing.

Ends with a targets line and exits 1 when a target is missed (LAS >= 84, UAS >= 87 on EWT test;
F1 >= 80 for each entity type; >= 10,000 words/s).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from timeline_graph import nlp as tg_nlp  # noqa: E402
from timeline_graph.nlp.conllu import ENTITY_LABELS, mention_head, name_span, read_conllu, to_docs  # noqa: E402


def _gold_sentences(path: Path):  # type: ignore[no-untyped-def]
    for group in read_conllu(path):
        yield from group


def score_deps(nlp, path: Path) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """UAS/LAS on gold tokens, sentence by sentence."""
    from spacy.tokens import Doc

    gold = list(_gold_sentences(path))
    # Gold tokens and gold sentences, as the CoNLL shared tasks score a parser on gold tokenization:
    # each sentence is one Doc whose words after the first may not open a sentence.
    docs = [Doc(nlp.vocab, words=s.words, spaces=s.spaces, sent_starts=[True] + [False] * (len(s.words) - 1))
            for s in gold]
    total = uas = las = las_full = 0
    total_np = uas_np = las_np = 0
    for sent, doc in zip(gold, nlp.pipe(docs, batch_size=256), strict=True):
        for i, token in enumerate(doc):
            gold_head = sent.heads[i]
            gold_dep = sent.deps[i].lower()
            pred_dep = token.dep_.lower()
            head_ok = token.head.i == gold_head
            total += 1
            uas += head_ok
            las += head_ok and pred_dep.split(":")[0] == gold_dep.split(":")[0]
            las_full += head_ok and pred_dep == gold_dep
            if sent.pos[i] != "PUNCT":
                total_np += 1
                uas_np += head_ok
                las_np += head_ok and pred_dep == gold_dep
    return {
        "UAS": 100 * uas / total,
        "LAS": 100 * las / total,
        "LAS (full labels)": 100 * las_full / total,
        "UAS (no punct)": 100 * uas_np / total_np,
        "LAS (no punct, full labels)": 100 * las_np / total_np,
        "words": total,
    }


def _gold_doc_pairs(nlp, path: Path):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    for gold in to_docs(nlp.vocab, path):
        words = [t.text for t in gold]
        spaces = [bool(t.whitespace_) for t in gold]
        yield gold, Doc(nlp.vocab, words=words, spaces=spaces)


def score_entities(nlp, path: Path) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    """Per-type P/R/F1 of named entities on gold tokens, exact and head-word match."""
    counts: dict[str, Counter[str]] = {label: Counter() for label in ENTITY_LABELS.values()}
    pairs = list(_gold_doc_pairs(nlp, path))
    predicted = nlp.pipe([doc for _, doc in pairs], batch_size=16)
    for (gold, _), pred in zip(pairs, predicted, strict=True):
        gold_spans = {(e.start, e.end, e.label_) for e in gold.ents}
        pred_spans = {(e.start, e.end, e.label_) for e in pred.ents if e.label_ in counts}
        for label, count in counts.items():
            g = {s for s in gold_spans if s[2] == label}
            p = {s for s in pred_spans if s[2] == label}
            count["tp"] += len(g & p)
            count["gold"] += len(g)
            count["pred"] += len(p)
            # head match: a predicted span of the right type that covers the gold name's last word
            g_heads = {(s[1] - 1, label) for s in g}
            p_heads = {(i, label) for s in p for i in range(s[0], s[1])}
            count["tp_head"] += len(g_heads & p_heads)
            count["pred_head"] += len(p)
    result = {}
    for label, c in counts.items():
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        ph = min(1.0, c["tp_head"] / c["pred_head"]) if c["pred_head"] else 0.0
        rh = c["tp_head"] / c["gold"] if c["gold"] else 0.0
        result[label] = {
            "P": 100 * p,
            "R": 100 * r,
            "F1": 100 * (2 * p * r / (p + r) if p + r else 0.0),
            "F1 (head)": 100 * (2 * ph * rh / (ph + rh) if ph + rh else 0.0),
            "gold": c["gold"],
        }
    return result


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def name_errors(nlp, path: Path) -> tuple[Counter[str], dict[str, list[str]]]:  # type: ignore[no-untyped-def]
    """Name errors on one GUM split by cause: counts per cause and label, and examples in context.

    Every gold name falls in one class: found (right span and kind), typed wrong (the right span
    with another kind), span (a found name overlaps it with other bounds), missed with a
    candidate of the same bounds (the typer said no name), missed with a candidate too long or
    too short, or missed with no candidate at all (the tagger gave none of its words a name's
    part of speech). Every found name that matches no gold name of the same bounds is spurious:
    over a GUM mention of another type (an event, a work), over a common-noun mention of a
    person/organization/place ("Senators"), or over no mention.
    """
    from timeline_graph.nlp.typer import candidates

    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    pairs = list(_gold_doc_pairs(nlp, path))
    predicted = nlp.pipe([doc for _, doc in pairs], batch_size=16)

    def note(cause: str, label: str, doc, start: int, end: int, extra: str = "") -> None:  # type: ignore[no-untyped-def]
        counts[f"{cause}|{label}"] += 1
        context = f"{doc[max(0, start - 4):start].text} [{doc[start:end].text}] {doc[end:end + 3].text}"
        examples.setdefault(cause, []).append(f"{label:<6} {context}" + (f"  ({extra})" if extra else ""))

    for gold, pred in zip((g for g, _ in pairs), predicted, strict=True):
        gold_names = {(e.start, e.end): e.label_ for e in gold.ents}
        found = {(e.start, e.end): e.label_ for e in pred.ents if e.label_ in ENTITY_LABELS.values()}
        cands = set(candidates(pred))
        for span, label in gold_names.items():
            if found.get(span) == label:
                cause = "found"
            elif span in found:
                cause = "typed wrong"
            elif any(_overlaps(span, f) for f in found):
                cause = "span: found with other bounds"
            elif span in cands:
                cause = "missed: candidate typed as no name"
            elif any(c[0] <= span[0] and span[1] <= c[1] for c in cands):
                cause = "missed: candidate too long"
            elif any(_overlaps(span, c) for c in cands):
                cause = "missed: candidate too short"
            else:
                cause = "missed: no candidate (tags)"
            extra = found.get(span, "") if cause == "typed wrong" else ""
            if cause.startswith("span"):
                extra = "found " + ", ".join(f"[{pred[a:b].text}]" for a, b in found if _overlaps(span, (a, b)))
            elif cause == "missed: no candidate (tags)":
                extra = " ".join(t.pos_ for t in pred[span[0]:span[1]])
            note(cause, label, gold, *span, extra)
        mentions = gold.user_data.get("mentions", [])
        for span, label in found.items():
            if span in gold_names or any(_overlaps(span, g) for g in gold_names):
                continue
            types = sorted({t for s, e, t, _c in mentions if s <= span[0] and span[1] <= e and e - s <= span[1] - span[0] + 2})
            kept = [t for t in types if t in ENTITY_LABELS]
            if kept:
                cause = "spurious: common-noun mention of a kept type"
            elif types:
                cause = "spurious: mention of another type"
            else:
                cause = "spurious: no mention"
            note(cause, label, pred, *span, ",".join(types))
    return counts, examples


def print_name_errors(nlp, path: Path, shown: int) -> None:  # type: ignore[no-untyped-def]
    """Print :func:`name_errors` as a table (cause by label) and examples."""
    counts, examples = name_errors(nlp, path)
    labels = list(ENTITY_LABELS.values())
    causes = sorted({k.split("|")[0] for k in counts}, key=lambda c: (not c.startswith("found"), c))
    print(f"name errors, {path.name}: " + " ".join(f"{label:>7}" for label in labels) + "    all")
    for cause in causes:
        row = [counts[f"{cause}|{label}"] for label in labels]
        print(f"  {cause:<46} " + " ".join(f"{n:>7}" for n in row) + f" {sum(row):>6}")
    for cause in causes:
        if cause == "found" or not shown:
            continue
        print(f"-- {cause}")
        for line in examples[cause][:shown]:
            print(f"   {line}")


def score_coref(nlp, path: Path, errors: list[str] | None = None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Share of referring pronouns/descriptions linked to a mention of their gold chain; with
    ``errors``, a line for each one missed or linked wrong is added to it."""
    from timeline_graph.nlp import _parse_from_docs
    from timeline_graph.nlp.coref import _referring

    pairs = list(_gold_doc_pairs(nlp, path))
    predicted = list(nlp.pipe([doc for _, doc in pairs], batch_size=16))
    asked = right = linked = stray = 0
    by_kind: Counter[str] = Counter()
    by_kind_right: Counter[str] = Counter()
    for (gold, _), pred in zip(pairs, predicted, strict=True):
        parse = _parse_from_docs(pred)
        mentions = gold.user_data["mentions"]
        # token -> clusters of the mentions whose head word it is
        cluster_of_head: dict[int, set[str]] = {}
        named_first: dict[str, int] = {}
        for start, end, _etype, cluster in mentions:
            head = mention_head(gold, start, end)
            cluster_of_head.setdefault(head, set()).add(cluster)
            if name_span(gold, start, end) is not None:
                named_first[cluster] = min(named_first.get(cluster, head), head)
        for token in parse.tokens:
            if _referring(parse, token) is None:
                continue
            clusters = cluster_of_head.get(token.i, set())
            chains = [c for c in clusters if named_first.get(c, token.i) < token.i]
            if not chains:
                # linked, though no earlier name is of its gold chain ("it" of an unnamed thing)
                ent = parse.antecedent(token)
                stray += ent is not None
                if ent is not None and errors is not None:
                    errors.append(_coref_error("no named antecedent", parse, gold, token, ent, clusters, mentions))
                continue
            asked += 1
            kind = "pronoun" if token.pos == "PRON" else "description"
            by_kind[kind] += 1
            ent = parse.antecedent(token)
            if ent is None:
                if errors is not None:
                    errors.append(_coref_error("unlinked", parse, gold, token, None, chains, mentions))
                continue
            linked += 1
            ent_clusters = {c for i in range(ent.first, ent.last) for c in cluster_of_head.get(i, set())}
            # the antecedent's words belong to a mention of the same chain
            ent_clusters |= {c for s, e, _t, c in mentions if s <= ent.first and ent.last <= e}
            if ent_clusters & set(chains):
                right += 1
                by_kind_right[kind] += 1
            elif errors is not None:
                errors.append(_coref_error("wrong", parse, gold, token, ent, chains, mentions))
    return {
        "accuracy": 100 * right / asked if asked else 0.0,
        "linked": 100 * linked / asked if asked else 0.0,
        "precision of links": 100 * right / linked if linked else 0.0,
        "cases": asked,
        **{f"accuracy ({k})": 100 * by_kind_right[k] / n for k, n in by_kind.items()},
        "links without a named antecedent": stray,
    }


def _coref_error(cause, parse, gold, token, ent, chains, mentions) -> str:  # type: ignore[no-untyped-def]
    """One line: the word in its sentence, the gold chain's names and the link made."""
    names = sorted({gold[s:e].text for s, e, _t, c in mentions if c in chains and name_span(gold, s, e) is not None})
    sentence = parse.sentences[token.sent]
    words = " ".join(("[" + t.text + "]") if t.i == token.i else t.text for t in parse.tokens[sentence.first : sentence.last])
    linked = "" if ent is None else f" -> {parse.text[ent.start : ent.end]!r} ({ent.label})"
    return f"{cause}: {token.text!r} gold {names}{linked} | {words}"


def news_texts(limit: int) -> list[str]:
    folder = CORPUS / "polnear-train" / "text"
    if not folder.is_dir():
        folder = CORPUS / "seeds"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]


def speed(name: str | None, limit: int) -> dict[str, float]:
    texts = news_texts(limit)
    if not texts:
        return {}
    tg_nlp.parse_many(texts[:2], nlp=name)  # warm up
    start, cpu = time.perf_counter(), time.process_time()
    parses = tg_nlp.parse_many(texts, nlp=name)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    words = sum(1 for p in parses for t in p.tokens if t.pos not in ("PUNCT", "SPACE"))
    tokens = sum(len(p.tokens) for p in parses)
    # Judged on CPU time (one thread): a busy machine stretches the wall clock, not the work.
    return {"documents": len(texts), "words": words, "seconds": elapsed, "cpu seconds": cpu,
            "words/s": words / cpu, "tokens/s": tokens / cpu, "wall words/s": words / elapsed}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nlp", default=None, help="pipeline name or path (default: the shipped one)")
    parser.add_argument("--only", default="deps,ents,coref,speed")
    parser.add_argument("--speed-docs", type=int, default=300, help="news articles timed")
    parser.add_argument("--gum-split", default="test", choices=["test", "dev"],
                        help="GUM split for entities and pronouns (dev to tune, test to report)")
    parser.add_argument("--errors", type=int, default=None, metavar="N",
                        help="sort the name errors on GUM dev by cause, with N examples of each, and stop "
                             "(with --only coref: list up to N pronouns and descriptions missed or linked wrong)")
    args = parser.parse_args()
    if args.errors is not None and args.gum_split != "dev":
        parser.error("--errors looks into GUM dev only (the test split is held out): add --gum-split dev")
    wanted = set(args.only.split(","))
    nlp = tg_nlp.load(args.nlp)
    print(f"pipeline: {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')} "
          f"({', '.join(nlp.pipe_names)})")
    ewt = CORPUS / "ud-english-ewt" / "en_ewt-ud-test.conllu"
    gum = CORPUS / "ud-english-gum" / f"en_gum-open-{args.gum_split}.conllu"
    if args.errors is not None and wanted == {"coref"}:
        errors: list[str] = []
        score_coref(nlp, gum, errors)
        print("\n".join(errors[: args.errors]))
        return 0
    if args.errors is not None:
        print_name_errors(nlp, gum, args.errors)
        return 0
    misses = []
    if "deps" in wanted:
        for label, path in (("EWT test", ewt), (f"GUM {args.gum_split}", gum)):
            if not path.is_file():
                print(f"{label}: {path} absent, skipped")
                continue
            s = score_deps(nlp, path)
            print(f"dependencies, {label} (gold tokens, {s['words']:.0f} words): "
                  + ", ".join(f"{k} {v:.2f}" for k, v in s.items() if k != "words"))
            if label == "EWT test":
                if s["LAS"] < 84:
                    misses.append(f"LAS {s['LAS']:.1f} < 84")
                if s["UAS"] < 87:
                    misses.append(f"UAS {s['UAS']:.1f} < 87")
    if "ents" in wanted and gum.is_file():
        for label, s in score_entities(nlp, gum).items():
            print(f"entities, GUM {args.gum_split}, {label:<6} ({s['gold']:.0f} gold): P {s['P']:.1f}  R {s['R']:.1f}  "
                  f"F1 {s['F1']:.1f}  (head-word match F1 {s['F1 (head)']:.1f})")
            if s["F1"] < 80:
                misses.append(f"{label} F1 {s['F1']:.1f} < 80")
    if "coref" in wanted and gum.is_file():
        s = score_coref(nlp, gum)
        print(f"pronouns and descriptions, GUM {args.gum_split}: " + ", ".join(
            f"{v:.0f} cases" if k == "cases" else f"{k} {v:.0f}" if k.startswith("links") else f"{k} {v:.1f}"
            for k, v in s.items()))
    if "speed" in wanted:
        s = speed(args.nlp, args.speed_docs)
        if s:
            print(f"speed, news text, one core: {s['documents']:.0f} documents, {s['words']:.0f} words in "
                  f"{s['cpu seconds']:.1f} CPU seconds: {s['words/s']:,.0f} words/s ({s['tokens/s']:,.0f} tokens/s); "
                  f"wall clock {s['seconds']:.1f} s, {s['wall words/s']:,.0f} words/s")
            if s["words/s"] < 10_000:
                misses.append(f"{s['words/s']:,.0f} words/s < 10,000")
    print("targets: " + ("all met" if not misses else "missed: " + "; ".join(misses)))
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
