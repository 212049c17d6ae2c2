"""Train the package's English pipeline from the openly licensed treebanks.

    python -m timeline_graph.nlp.train --corpus ../shared/corpus --out build/nlp

converts ``ud-english-ewt`` and ``ud-english-gum`` (train and dev) to spaCy's binary format,
trains ``train.cfg`` (tagger, morphologizer, lemmatizer, parser on both treebanks; named
entities on GUM's entity layer) with fixed seeds, and writes the best pipeline to
``OUT/model-best``. ``--install`` then copies it into the package (``timeline_graph/nlp/model``)
with its licence notices and model card. ``--max-steps`` and ``--set`` override the config
(the test suite trains a few steps on a tiny slice this way).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import date
from pathlib import Path

from .conllu import to_docs

__all__ = ["convert", "install", "main", "train"]

HERE = Path(__file__).parent
CONFIG = HERE / "train.cfg"
#: The treebank files each split is made of, relative to the corpus folder.
SPLITS = {
    "train": ("ud-english-ewt/en_ewt-ud-train.conllu", "ud-english-gum/en_gum-open-train.conllu"),
    "dev": ("ud-english-ewt/en_ewt-ud-dev.conllu", "ud-english-gum/en_gum-open-dev.conllu"),
}


def convert(corpus: Path, out: Path, *, limit: int = 0) -> dict[str, Path]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``out``; ``limit`` keeps that many docs per file."""
    import spacy
    from spacy.tokens import DocBin

    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    paths = {}
    for split, files in SPLITS.items():
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
    max_steps: int | None = None,
    overrides: dict[str, object] | None = None,
    limit: int = 0,
) -> Path:
    """Convert the treebanks, train, and return the folder of the best pipeline."""
    from spacy.cli.train import train as spacy_train

    paths = convert(corpus, out / "corpus", limit=limit)
    settings: dict[str, object] = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"])}
    if max_steps is not None:
        settings["training.max_steps"] = max_steps
    settings.update(overrides or {})
    spacy_train(CONFIG, out / "output", overrides=settings)
    return out / "output" / "model-best"


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
        version=str(date.today()),
        license="CC BY-SA 4.0",
        sources=[
            {"name": "UD English EWT", "url": "https://universaldependencies.org/treebanks/en_ewt/", "license": "CC BY-SA 4.0"},
            {"name": "GUM (openly licensed genres)", "url": "https://gucorpling.org/gum/", "license": "CC BY / CC BY-SA"},
        ],
    )
    # Timings and paths of the training machine are not part of the shipped files.
    meta.pop("performance", None)
    (target / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline_graph.nlp.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"), help="folder with ud-english-ewt/ and ud-english-gum/")
    parser.add_argument("--out", type=Path, default=Path("build/nlp"), help="work folder (converted data, checkpoints)")
    parser.add_argument("--max-steps", type=int, default=None, help="training steps (default: the config's)")
    parser.add_argument("--limit", type=int, default=0, help="documents per treebank file (0: all); for quick checks")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a config value, e.g. training.eval_frequency=10")
    parser.add_argument("--install", action="store_true", help="copy the best pipeline into the package")
    args = parser.parse_args(argv)
    overrides: dict[str, object] = {}
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    try:
        best = train(args.corpus, args.out, max_steps=args.max_steps, overrides=overrides, limit=args.limit)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.install:
        print(f"installed {install(best)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
