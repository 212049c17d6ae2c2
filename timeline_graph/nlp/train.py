"""Train the package's English pipeline from the openly licensed treebanks.

    python -m timeline_graph.nlp.train --corpus ../shared/corpus --out build/nlp

converts ``ud-english-ewt`` and ``ud-english-gum`` (train and dev) to spaCy's binary format and
trains in two stages, with fixed seeds:

1. ``main``: ``train.cfg``, the tagger, morphologizer, lemmatizer and parser on both treebanks
   (and a named-entity recognizer on GUM's entity layer) over one shared token encoder;
2. ``names``: the first stage's pipeline parses GUM's train split (on its own tokens), and the
   name typer (``nlp/typer.py``) learns from its candidate names (proper-noun runs and their
   parts) and GUM's entity layer which are people, organizations and places, and which bounds
   are a name's; it replaces the first stage's recognizer in the pipeline.

The assembled pipeline is written to ``OUT/pipeline``; ``--install`` copies it into the package
(``timeline_graph/nlp/model``) with its licence notices and model card. ``--stage`` runs one
stage; ``--stage names --main PATH`` retrains the name typer over another pipeline's parse (the
shipped one: ``--main timeline_graph/nlp/model``, whose typer is replaced); ``--max-steps`` and
``--set`` override the first stage's config (the test suite trains a few steps on a tiny slice
this way).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path

from .conllu import to_docs
from .typer import NameTyper, register, train_typer, word_case

__all__ = ["convert", "install", "main", "train", "train_names"]

HERE = Path(__file__).parent
#: Each spaCy-trained stage's config and the treebank files of its train and dev splits (relative to the corpus).
STAGES: dict[str, tuple[Path, dict[str, tuple[str, ...]]]] = {
    "main": (HERE / "train.cfg", {
        "train": ("ud-english-ewt/en_ewt-ud-train.conllu", "ud-english-gum/en_gum-open-train.conllu"),
        "dev": ("ud-english-ewt/en_ewt-ud-dev.conllu", "ud-english-gum/en_gum-open-dev.conllu"),
    }),
}
#: The treebank whose entity layer the name typer learns from.
NAMES_TRAIN = "ud-english-gum/en_gum-open-train.conllu"
#: The running text whose word case the name typer reads (how often a word is written in lower case).
CASE_TEXT = ("ud-english-ewt/en_ewt-ud-train.conllu", NAMES_TRAIN)


def convert(corpus: Path, out: Path, splits: dict[str, tuple[str, ...]], *, limit: int = 0) -> dict[str, Path]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``out``; ``limit`` keeps that many docs per file."""
    import spacy
    from spacy.tokens import DocBin

    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    paths = {}
    for split, files in splits.items():
        bin_ = DocBin(store_user_data=False)
        for name in files:
            source = corpus / name
            if not source.is_file():
                raise FileNotFoundError(f"{source}: treebank file not found")
            for i, doc in enumerate(to_docs(vocab, source)):
                if limit and i >= limit:
                    break
                doc.user_data.clear()
                bin_.add(doc)
        paths[split] = out / f"{split}.spacy"
        bin_.to_disk(paths[split])
    return paths


def train(
    corpus: Path,
    out: Path,
    *,
    stage: str = "main",
    max_steps: int | None = None,
    overrides: dict[str, object] | None = None,
    limit: int = 0,
) -> Path:
    """Convert the treebanks for one stage, train it, and return the folder of its best pipeline."""
    from spacy.cli.train import train as spacy_train

    config, splits = STAGES[stage]
    work = out / stage
    paths = convert(corpus, work / "corpus", splits, limit=limit)
    settings: dict[str, object] = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"])}
    if max_steps is not None:
        settings["training.max_steps"] = max_steps
    settings.update({k: v for k, v in (overrides or {}).items() if _applies(config, k)})
    spacy_train(config, work / "output", overrides=settings)
    return work / "output" / "model-best"


def _applies(config: Path, key: str) -> bool:
    """Whether an override's section exists in a stage's config (``--set`` reaches every stage)."""
    from thinc.api import Config

    node: object = Config().from_disk(config, interpolate=False)
    for part in key.split(".")[:-1]:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def train_names(corpus: Path, main_model: Path, target: Path, *, limit: int = 0) -> Path:
    """The main stage's pipeline with its recognizer replaced by a name typer trained on GUM train."""
    import spacy
    from spacy.tokens import Doc

    source = corpus / NAMES_TRAIN
    if not source.is_file():
        raise FileNotFoundError(f"{source}: treebank file not found")
    register()  # a main stage given as a whole pipeline may already have a typer
    nlp = spacy.load(main_model)
    for name in ("ner", "name_typer"):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    golds = [doc for i, doc in enumerate(to_docs(nlp.vocab, source)) if not limit or i < limit]
    parsed = nlp.pipe(Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g]) for g in golds)
    case = word_case(p for p in (corpus / name for name in CASE_TEXT) if p.is_file())
    weights = train_typer(zip(golds, parsed, strict=True), case=case)
    typer = nlp.add_pipe("name_typer")
    assert isinstance(typer, NameTyper)
    typer.weights = weights
    typer.case = case
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


def install(model: Path, target: Path = HERE / "model") -> Path:
    """Copy a trained pipeline into the package with its licence notices and model card."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(model, target)
    shutil.copy(HERE / "LICENSE-MODEL.md", target / "LICENSE.md")
    shutil.copy(HERE / "MODEL_CARD.md", target / "MODEL_CARD.md")
    meta = json.loads((target / "meta.json").read_text())
    meta.update(
        name="timeline_graph_en",
        version=f"{date.today()}-{_weights_digest(target)}",
        license="CC BY-SA 4.0",
        sources=[
            {"name": "UD English EWT", "url": "https://universaldependencies.org/treebanks/en_ewt/", "license": "CC BY-SA 4.0"},
            {"name": "GUM (openly licensed genres)", "url": "https://gucorpling.org/gum/", "license": "CC BY / CC BY-SA"},
            {"name": "GeoNames place names (name typer lists)", "url": "https://www.geonames.org/", "license": "CC BY 4.0"},
            {"name": "1990 US Census name lists (name typer lists)", "url": "https://www.census.gov/topics/population/genealogy/data/1990_census.html",
             "license": "public domain"},
        ],
    )
    # Timings and paths of the training machine are not part of the shipped files.
    meta.pop("performance", None)
    (target / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    config = (target / "config.cfg").read_text(encoding="utf-8")
    config = re.sub(r'(?m)^(train|dev) = ".*"$', r"\1 = null", config)
    (target / "config.cfg").write_text(config, encoding="utf-8")
    return target


def _weights_digest(model: Path) -> str:
    """A short hash of a pipeline's trained files, so two trainings on one day never share a version.

    The version is part of every cache key (``nlp.pipeline_id``): a retrained pipeline must
    re-extract every document, however soon after the last one it was installed.
    """
    digest = hashlib.sha256()
    for path in sorted(p for p in model.rglob("*") if p.is_file() and p.name not in ("meta.json", "config.cfg")):
        digest.update(path.relative_to(model).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline_graph.nlp.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"), help="folder with ud-english-ewt/ and ud-english-gum/")
    parser.add_argument("--out", type=Path, default=Path("build/nlp"), help="work folder (converted data, checkpoints)")
    parser.add_argument("--max-steps", type=int, default=None, help="training steps (default: the config's)")
    parser.add_argument("--limit", type=int, default=0, help="documents per treebank file (0: all); for quick checks")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a config value, e.g. training.eval_frequency=10")
    parser.add_argument("--stage", choices=["all", *STAGES, "names"], default="all",
                        help="train one stage only (default: all); names needs the main stage's output")
    parser.add_argument("--main", type=Path, default=None,
                        help="the main stage's pipeline for the names stage (default: OUT/main/output/model-best)")
    parser.add_argument("--install", action="store_true", help="copy the assembled pipeline into the package")
    args = parser.parse_args(argv)
    overrides: dict[str, object] = {}
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    main_best = args.main or args.out / "main" / "output" / "model-best"
    try:
        if args.stage in ("all", "main"):
            main_best = train(args.corpus, args.out, stage="main", max_steps=args.max_steps, overrides=overrides,
                              limit=args.limit)
        if args.stage == "main":
            return 0
        if not main_best.is_dir():
            print(f"error: {main_best}: the main stage's pipeline is missing (train it first)", file=sys.stderr)
            return 2
        pipeline = train_names(args.corpus, main_best, args.out / "pipeline", limit=args.limit)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"assembled {pipeline}")
    if args.install:
        print(f"installed {install(pipeline)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
