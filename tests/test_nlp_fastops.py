"""The pipeline's matrix products through numpy's BLAS (``nlp/fastops.py``) read text as BLIS does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline_graph import ingest, nlp
from timeline_graph.codec import to_dict
from timeline_graph.extract import extract
from timeline_graph.nlp import fastops

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
EXAMPLE = ROOT / "timeline_graph" / "examples" / "doorbell-footage"

OWN_TEXT = """\
Marta Okafor, who chairs the Riverside water board, said on Tuesday that the utility had raised
its rates twice since 2019. "We were told the pipes would last another forty years," she said.

The board's report, released last month, blames the delays on a contractor, Halvorsen Pumps Inc.,
which disputes that account. According to the Ledger, the company asked for an extension in March.

Residents of the Eastgate district packed the hall on Wednesday night; several of them held up
bills from 2021 and 2023, and one, a retired teacher named Paul Brandt, asked why nobody had
answered his letters. Okafor promised a hearing "before the summer is out."
"""


def _texts() -> list[str]:
    texts = [OWN_TEXT]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.md"))]
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


@pytest.fixture
def blis() -> Iterator[None]:
    """The shipped pipeline on thinc's default ops (BLIS) for the test's length."""
    model = nlp.load()
    fastops.uninstall(model)
    try:
        yield
    finally:
        fastops.install(model)


def _readings(texts: list[str]) -> list[tuple[object, ...]]:
    return [(list(p.tokens), p.sentences, p.entities, p.links) for p in nlp.parse_many(texts)]


def _extractions(texts: list[str]) -> list[str]:
    docs = [ingest.read_bytes(text.encode("utf-8"), source=f"text-{n}.md") for n, text in enumerate(texts)]
    return [json.dumps(to_dict(extract(doc)), sort_keys=True) for doc in docs]


def test_the_loaded_pipeline_multiplies_through_numpy() -> None:
    model = nlp.load()
    layers = [layer for _, pipe in model.components if hasattr(pipe, "model") for layer in pipe.model.walk()]
    assert layers and all(layer.ops is fastops.blas_ops() for layer in layers)
    assert fastops.blas_ops().use_blis is False


def test_tags_heads_labels_and_names_are_the_same_as_with_blis(blis: None) -> None:
    texts = _texts()
    default = _readings(texts)
    fastops.install(nlp.load())
    fast = _readings(texts)
    assert len(fast) == len(default) == len(texts)
    for n, (a, b) in enumerate(zip(default, fast, strict=True)):
        assert a == b, f"text {n} reads differently"


@pytest.mark.corpus
def test_what_is_extracted_from_the_seed_articles_is_the_same_byte_for_byte(blis: None) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [OWN_TEXT]
    default = _extractions(texts)
    fastops.install(nlp.load())
    assert _extractions(texts) == default


def test_the_thread_limit_leaves_the_environment_as_it_was() -> None:
    code = ("import os, sys; from timeline_graph.nlp import fastops; fastops.limit_threads(); "
            "print('numpy' in sys.modules, os.environ.get('OPENBLAS_NUM_THREADS'), os.environ.get('OMP_NUM_THREADS'))")
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == ["True", "None", "None"]


def test_the_lemmatizer_loop_gives_spacys_lemmas() -> None:
    model = nlp.load()
    lemmatizer = model.get_pipe("trainable_lemmatizer")
    # unusual forms too: a tree that cannot be applied backs off to the word's own form
    text = OWN_TEXT + "\nThe Quorvath ferries re-docked, unredocking twice; Xyloq's hrmphs were zzzed.\n"
    assert "set_annotations" in vars(lemmatizer)
    fast = [t.lemma for t in nlp.parse(text).tokens]
    fastops.uninstall(model)
    try:
        assert "set_annotations" not in vars(lemmatizer)
        assert [t.lemma for t in nlp.parse(text).tokens] == fast
    finally:
        fastops.install(model)
