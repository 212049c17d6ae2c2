"""Words of labels, quotes and names as resolution compares them, and an index that finds the
sets that may be similar to a given one without comparing it with every other.

:class:`SimilarSets` is prefix filtering (Chaudhuri et al. 2006; Bayardo et al. 2007, "All-Pairs"):
with the words of every set ordered the same way, rarest first, two sets whose Jaccard
similarity reaches ``t`` always share a word among the first ``n - ceil(t * n) + 1`` words of
each (``n`` the set's size). Indexing only those words finds every pair that can reach ``t``;
the rare words that lead each prefix keep the candidate lists short.

>>> index = SimilarSets(0.5, [frozenset({"acme", "asked", "footage"}), frozenset({"acme", "sold", "cameras"})])
>>> index.add("a", frozenset({"acme", "asked", "footage"}), "first")
>>> index.candidates("a", frozenset({"acme", "asked", "footage", "again"}))
{'first'}
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from functools import lru_cache
from typing import Generic, TypeVar

__all__ = ["STOPWORDS", "SimilarSets", "jaccard", "norm", "words"]

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "their", "his", "her", "they", "he", "she", "we", "i", "you", "our", "your", "who", "which", "what", "said", "says", "told", "not", "no"]
)
_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s\b")
_INITIALS = re.compile(r"\b(\w)\.(?=\w\.|\s|$)")
_INITIAL = re.compile(r"\b(\w)\.")


def norm(text: str) -> str:
    """Casefolded words joined by single spaces, possessives and the dots of initials dropped."""
    text = _POSSESSIVE.sub("", text.casefold())
    text = _INITIALS.sub(r"\1", text)  # "L.A." reads as "LA"
    text = _INITIAL.sub(r"\1", text)
    return " ".join(_WORD.findall(text))


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """The casefolded words of a text, stopwords left out (cached: labels and names repeat)."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words; 0 when either set is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


T = TypeVar("T", bound=Hashable)


class SimilarSets(Generic[T]):
    """Items indexed by the prefix of their word set, under a block key (a kind, say).

    ``corpus`` is every set that will be added or looked up: it fixes the order of words (rarest
    first, ties by the word itself), which must not change while the index is in use.
    """

    def __init__(self, threshold: float, corpus: Iterable[frozenset[str]]) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(f"a Jaccard threshold is in (0, 1], not {threshold}")
        self.threshold = threshold
        counts: Counter[str] = Counter()
        for tokens in corpus:
            counts.update(tokens)
        self._rank = {w: i for i, w in enumerate(sorted(counts, key=lambda w: (counts[w], w)))}
        self._postings: dict[tuple[Hashable, str], list[T]] = defaultdict(list)

    def prefix(self, tokens: frozenset[str]) -> list[str]:
        """The words of ``tokens`` that a similar set must share one of (rarest first)."""
        n = len(tokens)
        if not n:
            return []
        # The overlap J >= t needs is at least ceil(t * n); the margin keeps a float product
        # such as 0.6 * 5 = 3.0000000000000004 from asking one word more than that.
        keep = n - max(1, math.ceil(self.threshold * n - 1e-9)) + 1
        unknown = len(self._rank)  # words outside the corpus sort last, by themselves
        return sorted(tokens, key=lambda w: (self._rank.get(w, unknown), w))[:keep]

    def add(self, block: Hashable, tokens: frozenset[str], item: T) -> None:
        """Index ``item`` under its block and the prefix of its words."""
        for w in self.prefix(tokens):
            self._postings[(block, w)].append(item)

    def candidates(self, block: Hashable, tokens: frozenset[str]) -> set[T]:
        """Items of the block that may reach the threshold with ``tokens``; the caller checks
        the similarity itself and orders them."""
        found: set[T] = set()
        for w in self.prefix(tokens):
            found.update(self._postings.get((block, w), ()))
        return found
