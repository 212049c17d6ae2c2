"""The pipeline's matrix products through numpy's BLAS, on one thread.

thinc's ``NumpyOps`` multiplies matrices with its bundled BLIS by default. For the shapes of the
shipped pipeline (a batch of a few thousand tokens times the tok2vec's 288 x 288 maxout layers,
the parser's 96 x 1024 precomputed layer, the taggers' output layers) numpy's BLAS (OpenBLAS in
numpy's wheels) does the same products three to four times faster on one core, which makes the
whole parse about 1.3 times faster. ``NumpyOps(use_blis=False)`` is thinc's own switch for that
route; :func:`install` gives it to every layer of a loaded pipeline.

The two libraries add the products' terms in different orders, so a score may differ in its last
bits; the tags, heads, labels and names taken from those scores are the same
(``tests/test_nlp_fastops.py`` compares them on real news text).

OpenBLAS runs on as many threads as the machine has cores unless told otherwise; a build already
runs one process per core, so :func:`limit_threads` asks for one thread before numpy is first
imported. The parser's transition loop keeps BLIS: it calls its C function directly.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any

__all__ = ["blas_ops", "install", "limit_threads", "uninstall"]

#: How many (tree, word) -> lemma results a lemmatizer remembers before it starts afresh.
_LEMMA_MEMORY = 200_000

#: The variables that set the BLAS's threads, read once when numpy loads its BLAS.
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


def limit_threads() -> None:
    """Load numpy's BLAS on one thread, unless numpy is already loaded or a thread count is set.

    The variables are set only for the import and restored after it, so that processes this one
    starts see the environment it was given. Once numpy is loaded, its BLAS keeps the threads it
    started with (``threadpoolctl`` can change them, where installed).
    """
    if "numpy" in sys.modules:
        _limit_loaded_threads()
        return
    unset = [name for name in _THREAD_VARIABLES if name not in os.environ]
    for name in unset:
        os.environ[name] = "1"
    try:
        import numpy  # noqa: F401  (loads the BLAS, which reads the variables now)
    finally:
        for name in unset:
            os.environ.pop(name, None)


def _limit_loaded_threads() -> None:
    """One BLAS thread in a process that loaded numpy before the pipeline (a notebook, the app)."""
    if any(name in os.environ for name in _THREAD_VARIABLES):
        return  # the user chose
    try:
        from threadpoolctl import threadpool_limits  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return  # more threads: faster on an idle machine, the same results
    threadpool_limits(limits=1, user_api="blas")


@functools.cache
def blas_ops() -> Any:
    """thinc's CPU ops with matrix products through numpy (one instance, shared by the layers)."""
    limit_threads()
    from thinc.api import NumpyOps

    return NumpyOps(use_blis=False)


def install(model: Any) -> Any:
    """Give every thinc layer of a loaded spaCy pipeline the numpy-BLAS ops, and its edit-tree
    lemmatizers the faster loop (:func:`_fast_lemmatizer`); returns the pipeline."""
    _set_ops(model, blas_ops())
    for _name, component in model.components:
        _fast_lemmatizer(component)
    return model


def uninstall(model: Any) -> Any:
    """Give the layers back thinc's default CPU ops (BLIS) and the lemmatizers spaCy's own
    loop; returns the pipeline."""
    from thinc.api import NumpyOps

    _set_ops(model, NumpyOps())
    for _name, component in model.components:
        for method in _LEMMATIZER_METHODS:
            if method in getattr(component, "__dict__", {}):
                delattr(component, method)
    return model


#: The methods of spaCy's ``EditTreeLemmatizer`` that :func:`_fast_lemmatizer` replaces.
_LEMMATIZER_METHODS = ("_scores2guesses_top_k_equals_1", "set_annotations")


def _fast_lemmatizer(component: Any) -> None:
    """Give an edit-tree lemmatizer (one guess a word, backing off to the word's form or to
    nothing) a loop that reads the words' forms once per ``Doc`` and applies each (tree, form)
    once: what spaCy's ``_scores2guesses_top_k_equals_1`` and ``set_annotations`` do, as fast
    as the network that scores the trees."""
    from spacy.pipeline import EditTreeLemmatizer

    if not isinstance(component, EditTreeLemmatizer) or component.top_k != 1 or component.backoff not in (None, "orth"):
        return
    import numpy
    from spacy.attrs import LEMMA, ORTH

    trees, labels, strings = component.trees, component.cfg["labels"], component.vocab.strings
    applied = _Applied(trees, strings)  # (tree, the word's string id) -> the lemma's, -1 where the tree does not apply
    lemma_of = applied.__getitem__

    def guesses(docs: Any, scores: Any) -> list[Any]:
        out = []
        for doc, doc_scores in zip(docs, scores):  # noqa: B905  (as spaCy's loop: the shortest)
            best = component.numpy_ops.asarray(doc_scores.argmax(axis=1)).tolist()
            tree_ids = list(map(labels.__getitem__, best))
            lemmas = list(map(lemma_of, zip(tree_ids, doc.to_array([ORTH]).tolist())))  # noqa: B905
            # a tree that cannot be applied to the word is no guess (-1), as spaCy's loop says
            out.append(numpy.array([tree if lemma >= 0 else -1 for tree, lemma in zip(tree_ids, lemmas)]))  # noqa: B905
        return out

    def set_annotations(docs: Any, batch_tree_ids: Any) -> None:
        for i, doc in enumerate(docs):
            tree_ids = batch_tree_ids[i]
            if hasattr(tree_ids, "get"):
                tree_ids = tree_ids.get()
            if not len(tree_ids):
                continue
            columns = doc.to_array([LEMMA, ORTH])
            lemmas, orths = columns[:, 0].tolist(), columns[:, 1].tolist()
            guessed = tree_ids.tolist()
            # a guess is a tree that applies: its lemma, looked up for every word (-1 where no guess)
            found = list(map(lemma_of, zip(guessed, orths)))  # noqa: B905
            backoff = component.backoff is not None
            overwrite = component.overwrite
            for j, tree in enumerate(guessed):
                if overwrite or lemmas[j] == 0:
                    if tree != -1:
                        lemmas[j] = found[j]
                    elif backoff:
                        lemmas[j] = orths[j]
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))

    component._scores2guesses_top_k_equals_1 = guesses  # type: ignore[method-assign]
    component.set_annotations = set_annotations  # type: ignore[method-assign]


class _Applied(dict[tuple[int, int], int]):
    """(edit tree, a word's string id) -> the string id of the lemma the tree makes of the word, or
    -1 where the tree does not apply (or for the tree -1, no guess), each worked out once."""

    def __init__(self, trees: Any, strings: Any) -> None:
        super().__init__()
        self.trees, self.strings = trees, strings

    def __missing__(self, key: tuple[int, int]) -> int:
        tree, orth = key
        if tree == -1:
            return -1
        if len(self) >= _LEMMA_MEMORY:
            self.clear()
        lemma = self.trees.apply(tree, self.strings[orth])
        found = self[key] = -1 if lemma is None else self.strings.add(lemma)
        return found


def _set_ops(model: Any, ops: Any) -> None:
    from thinc.api import NumpyOps

    for _name, component in model.components:
        layers = getattr(component, "model", None)
        if layers is None or not hasattr(layers, "walk"):
            continue  # the name typer: no thinc layers
        for layer in layers.walk():
            if isinstance(layer.ops, NumpyOps):  # never a GPU's ops
                layer.ops = ops
