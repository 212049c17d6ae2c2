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
['first']
>>> index.candidates("a", frozenset({"acme", "sold", "cameras"}))
[]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

__all__ = ["STOPWORDS", "Filed", "Found", "SimilarSets", "jaccard", "norm", "words", "words_of"]

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "their", "his", "her", "they", "he", "she", "we", "i", "you", "our", "your", "who", "which", "what", "said", "says", "told", "not", "no"]
)
_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s\b")
_INITIALS = re.compile(r"\b(\w)\.(?=\w\.|\s|$)")
_INITIAL = re.compile(r"\b(\w)\.")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Casefolded words joined by single spaces, possessives and the dots of initials dropped."""
    text = _POSSESSIVE.sub("", text.casefold())
    text = _INITIALS.sub(r"\1", text)  # "L.A." reads as "LA"
    text = _INITIAL.sub(r"\1", text)
    return " ".join(_WORD.findall(text))


def words_of(text: str) -> frozenset[str]:
    """:func:`words`, not cached: for a text met once, such as the sentence around a report (a
    cache of those held each sentence and its words, some 20 MB once a long document's events
    had filled it, and served no second lookup)."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in STOPWORDS)


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """The casefolded words of a text, stopwords left out (cached: labels and names repeat)."""
    return words_of(text)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words; 0 when either set is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


T = TypeVar("T")

#: Candidates found for one record: per group (a cluster, an event being built), lists of its
#: members filed under the keys looked up (a member may appear in several lists).
Found = dict[int, list[list[T]]]


#: Where in a long document an item stands: (document, zone), the zone a stretch of its text;
#: None for an item of a document of ordinary length (see :class:`Filed`).
Place = tuple[str, int] | None

#: The text of a long document (over twice this long) is cut into zones this long, and what is
#: found in it is compared with what the same document holds in its zone and the zones either
#: side only (always with what other documents hold). A file far longer than any article
#: holds many stories, and comparing each record of it with every other made resolving it
#: quadratic in its size; a document up to twice this long is compared whole.
ZONE_CHARS = 50_000


def is_long(length: int) -> bool:
    """Whether a document of ``length`` characters is cut into zones (see :data:`ZONE_CHARS`)."""
    return length > 2 * ZONE_CHARS


def place_of(document: str, offset: int, length: int) -> Place:
    """The place of what lies at ``offset`` of a document ``length`` characters long."""
    return (document, offset // ZONE_CHARS) if is_long(length) else None


def near_places(a: Place, b: Place) -> bool:
    """Whether two places of one document are compared (the same zone or zones side by side)."""
    return a is None or b is None or abs(a[1] - b[1]) <= 1


def filing_blocks(block: Hashable, place: Place) -> list[Hashable]:
    """The blocks of a :class:`SimilarSets` an item at ``place`` is filed under: its own, and
    for a long document also the block by document and by zone."""
    return [block] if place is None else [(block, place[0], place[1]), (block, place[0])]


def looking_blocks(block: Hashable, place: Place, long_documents: Iterable[str]) -> list[Hashable]:
    """The blocks a search from ``place`` reads: the documents of ordinary length, every long
    document but its own, and in its own the zone it is in and the zones either side."""
    looked: list[Hashable] = [block]
    for document in long_documents:
        if place is not None and document == place[0]:
            looked += [(block, document, z) for z in (place[1] - 1, place[1], place[1] + 1)]
        else:
            looked.append((block, document))
    return looked


class Filed(Generic[T]):
    """Items filed under keys, per group: a search meets each group of a key once, however many
    members it has, and the caller tries the groups in order, stopping at the first that fits.

    An item may be filed at a place in a long document (a zone of its text): a search from
    such a place meets the items of its own document only in that zone and the zones either
    side (what lies further off in the same document is never read, so that the search costs
    no more in a long document than in a short one), and the items of every other document.
    """

    def __init__(self) -> None:
        # key -> group -> members; a key of one member holds (group, member) alone, without the
        # dict and list (most keys have one: a third of the memory resolving a long document)
        self._by_key: dict[Hashable, dict[int, list[T]] | tuple[int, T]] = {}
        # key -> long document -> zone -> group -> members, each level as lean as what it holds:
        # a key of one member holds (document, zone, group, member) alone, and a zone of one
        # member (group, member) (four dicts and a list for every key of a long document held
        # most of the memory resolving it)
        self._placed: dict[Hashable, dict[str, dict[int, dict[int, list[T]] | tuple[int, T]]]
                           | tuple[str, int, int, T]] = {}

    def add(self, key: Hashable, group: int, item: T, place: Place = None) -> None:
        """File ``item`` of ``group`` under ``key`` (at ``place``, if in a long document)."""
        groups: dict[int, list[T]]
        if place is None:
            held = self._by_key.get(key)
            if held is None:
                self._by_key[key] = (group, item)
                return
            if isinstance(held, tuple):
                groups = {held[0]: [held[1]]}
                self._by_key[key] = groups
            else:
                groups = held
        else:
            documents = self._placed.get(key)
            if documents is None:
                self._placed[key] = (place[0], place[1], group, item)
                return
            if isinstance(documents, tuple):
                documents = {documents[0]: {documents[1]: (documents[2], documents[3])}}
                self._placed[key] = documents
            zones = documents.setdefault(place[0], {})
            zone = zones.get(place[1])
            if zone is None:
                zones[place[1]] = (group, item)
                return
            if isinstance(zone, tuple):
                groups = {zone[0]: [zone[1]]}
                zones[place[1]] = groups
            else:
                groups = zone
        filed = groups.get(group)
        if filed is None:
            groups[group] = [item]
        else:
            filed.append(item)

    def collect(self, keys: Iterable[Hashable], found: Found[T], place: Place = None) -> None:
        """Add to ``found`` the members filed under each of ``keys``, by group (as a search from
        ``place`` meets them)."""
        for key in keys:
            held = self._by_key.get(key)
            if isinstance(held, tuple):
                found.setdefault(held[0], []).append([held[1]])
            elif held is not None:
                for group, items in held.items():
                    found.setdefault(group, []).append(items)
            if not self._placed:
                continue
            documents = self._placed.get(key)
            if documents is None:
                continue
            if isinstance(documents, tuple):
                document, z, group, item = documents
                if place is None or document != place[0] or abs(z - place[1]) <= 1:
                    found.setdefault(group, []).append([item])
                continue
            for document, zones in documents.items():
                if place is not None and document == place[0]:
                    near = [zones[z] for z in (place[1] - 1, place[1], place[1] + 1) if z in zones]
                else:
                    near = list(zones.values())
                for zone in near:
                    if isinstance(zone, tuple):
                        found.setdefault(zone[0], []).append([zone[1]])
                        continue
                    for group, items in zone.items():
                        found.setdefault(group, []).append(items)


@dataclass(eq=False, slots=True)
class _Entry(Generic[T]):
    item: T
    size: int
    prefix: tuple[str, ...]  # the set's prefix words, in its order (a word's index is its position)


#: A cell of a :class:`SimilarSets`: the entries filed under a block and word, by the size of
#: their set and the position of the word in it; a cell of one entry is (size, position, entry).
_Cell = tuple[int, int, _Entry[T]] | dict[int, list[list[_Entry[T]]]]


def _file(by_size: dict[int, list[list[_Entry[T]]]], size: int, j: int, entry: _Entry[T]) -> None:
    by_position = by_size.setdefault(size, [])
    while len(by_position) <= j:
        by_position.append([])
    by_position[j].append(entry)


def _cell_entries(cell: _Cell[T]) -> Iterator[tuple[int, int, _Entry[T]]]:
    """(size, position, entry) of each entry of a cell."""
    if isinstance(cell, tuple):
        yield cell
        return
    for ny, by_position in cell.items():
        for j, entries in enumerate(by_position):
            for entry in entries:
                yield ny, j, entry


class SimilarSets(Generic[T]):
    """Items filed by the prefix of their word set, under a block key (a kind, say).

    ``corpus`` is every set that will be added or looked up: it fixes the order of words (rarest
    first, ties by the word itself), which must not change while the index is in use. Besides
    the prefix, a search uses the sizes of the sets and where their shared words stand in them
    (PPJoin's length and positional filters, Xiao et al. 2008): a set that shares a prefix
    word too far down both orders cannot reach the threshold, and the part of the index that
    holds only such sets is not even read. What it returns may still miss the threshold: the
    caller checks the similarity itself.
    """

    def __init__(self, threshold: float, corpus: Iterable[frozenset[str]]) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(f"a Jaccard threshold is in (0, 1], not {threshold}")
        self.threshold = threshold
        counts: Counter[str] = Counter()
        for tokens in corpus:
            counts.update(tokens)
        self._rank = {w: i for i, w in enumerate(sorted(counts, key=lambda w: (counts[w], w)))}
        # (block, word) -> size of the set -> position of the word in it -> entries; a cell of one
        # entry is held as (size, position, entry) (most cells of a long document's zones hold one:
        # their dicts and lists held most of the memory resolving it)
        self._cells: dict[tuple[Hashable, str], _Cell[T]] = {}
        self._filed: Counter[tuple[Hashable, str]] = Counter()  # entries under each (block, word) of two or more
        self._overlaps: dict[tuple[int, int], int] = {}
        self._prefixes: dict[frozenset[str], list[str]] = {}

    def _ordered(self, tokens: frozenset[str]) -> list[str]:
        unknown = len(self._rank)  # words outside the corpus sort last, by themselves
        return sorted(tokens, key=lambda w: (self._rank.get(w, unknown), w))

    def _needed(self, size: int) -> int:
        # The overlap J >= t needs is at least ceil(t * n); the margin keeps a float product
        # such as 0.6 * 5 = 3.0000000000000004 from asking one word more than that.
        return max(1, math.ceil(self.threshold * size - 1e-9))

    def _overlap(self, nx: int, ny: int) -> int:
        """The fewest shared words two sets of these sizes need to reach the threshold."""
        found = self._overlaps.get((nx, ny))
        if found is None:
            t = self.threshold
            found = self._overlaps[(nx, ny)] = max(1, math.ceil(t / (1 + t) * (nx + ny) - 1e-9))
        return found

    def prefix(self, tokens: frozenset[str]) -> list[str]:
        """The words of ``tokens`` that a similar set must share one of (rarest first)."""
        found = self._prefixes.get(tokens)
        if found is None:  # a set is looked up, then filed: ordered once
            found = self._ordered(tokens)[: len(tokens) - self._needed(len(tokens)) + 1] if tokens else []
            if len(self._prefixes) > 4096:
                self._prefixes.clear()
            self._prefixes[tokens] = found
        return found

    def add(self, block: Hashable, tokens: frozenset[str], item: T) -> None:
        """File ``item`` under its block and the prefix of its words."""
        self.add_blocks((block,), tokens, item)

    def add_blocks(self, blocks: Iterable[Hashable], tokens: frozenset[str], item: T) -> None:
        """File ``item`` under each of ``blocks`` and the prefix of its words (one entry for all)."""
        prefix = self.prefix(tokens)
        entry = _Entry(item, len(tokens), tuple(prefix))
        for block in blocks:
            self._add(block, tokens, entry, prefix)

    def _add(self, block: Hashable, tokens: frozenset[str], entry: _Entry[T], prefix: list[str]) -> None:
        for j, w in enumerate(prefix):
            key = (block, w)
            cell = self._cells.get(key)
            if cell is None:
                self._cells[key] = (len(tokens), j, entry)
                continue
            if isinstance(cell, tuple):
                by_size: dict[int, list[list[_Entry[T]]]] = {}
                _file(by_size, *cell)
                self._cells[key] = cell = by_size
                self._filed[key] = 1
            _file(cell, len(tokens), j, entry)
            self._filed[key] += 1

    def candidates(self, block: Hashable, tokens: frozenset[str]) -> list[T]:
        """Items of the block that may reach the threshold with ``tokens``, in no set order."""
        nx = len(tokens)
        if not nx:
            return []
        met: dict[int, _Entry[T]] = {}  # by id: the sets met so far and still in the running
        shared: dict[int, int] = {}  # by id: how many prefix words they share with ``tokens``
        dropped: set[int] = set()
        low = self._needed(nx)  # the length filter: a much smaller or larger set cannot reach t
        high = math.floor(nx / self.threshold + 1e-9)
        for i, w in enumerate(self.prefix(tokens)):
            rest = nx - i - 1
            cells = self._cells.get((block, w))
            # Sets met through rarer words that hold this one too: read from the shorter side.
            if cells is not None and (1 if isinstance(cells, tuple) else self._filed[(block, w)]) < len(met):
                holding = [(entry, j) for _, j, entry in _cell_entries(cells) if id(entry) in met]
            else:
                holding = [(entry, entry.prefix.index(w)) for entry in met.values() if w in entry.prefix]
            for entry, j in holding:
                key = id(entry)
                if shared[key] + 1 + min(rest, entry.size - j - 1) >= self._overlap(nx, entry.size):
                    shared[key] += 1
                else:
                    del met[key]
                    dropped.add(key)
            if not cells:
                continue
            if isinstance(cells, tuple):
                ny, j, entry = cells
                need = self._overlap(nx, ny)
                key = id(entry)
                if (low <= ny <= high and 1 + rest >= need and j <= ny - need and key not in met
                        and key not in dropped):
                    met[key], shared[key] = entry, 1
                continue
            for ny, by_position in cells.items():  # sets met first through this word
                if not low <= ny <= high:
                    continue
                need = self._overlap(nx, ny)
                if 1 + rest < need:
                    continue
                for entries in by_position[: ny - need + 1]:
                    for entry in entries:
                        key = id(entry)
                        if key not in met and key not in dropped:
                            met[key], shared[key] = entry, 1
        return [entry.item for entry in met.values()]
