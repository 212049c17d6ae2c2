"""Claims that say the same thing, across documents, share a cluster.

Two claims say the same thing when their words overlap enough (:data:`CLAIM_SIMILARITY`), when
one quotes a few words of the other's longer quotation, or when one's words hold the other's
quotation whole (word for word, at word boundaries). Claims are taken in id order; a claim
worded exactly like an earlier one joins its cluster, any other the first cluster (in the
order clusters were made) holding a claim it says the same as, and a cluster's id is that of
its first claim. Candidates come from indexes, never from comparing a
claim with every cluster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..model import Claim, record_id
from . import text as zones
from .text import Filed, Found, SimilarSets, jaccard, norm, words

__all__ = ["CLAIM_SIMILARITY", "cluster_claims"]

#: Two claims whose words overlap this much (Jaccard) say the same thing.
CLAIM_SIMILARITY = 0.6


@dataclass(eq=False, slots=True)
class _Said:
    claim: Claim
    words: frozenset[str]
    quote: str  # the quotation, normalized, when it has two words or more
    said: str  # quotation and text, normalized
    place: zones.Place = None  # where it stands in a long document
    cluster: int = -1


def _within(part: str, whole: str) -> bool:
    """Whether ``part`` occurs in ``whole`` word for word (both normalized)."""
    return f" {part} " in f" {whole} "


def cluster_claims(unclustered: Iterable[Claim], lengths: Mapping[str, int] | None = None) -> list[Claim]:
    """Claims saying the same thing share a cluster id (that of the cluster's first claim by id).

    ``lengths`` gives the length of each document's text: a claim of a long document is
    compared with the claims of other documents and with those of its own near it (see
    :data:`.text.ZONE_CHARS`), besides the claims worded exactly like it."""
    lengths = lengths or {}
    long_documents = sorted(d for d, n in lengths.items() if zones.is_long(n))
    items = []
    for claim in sorted(unclustered, key=lambda c: c.id):
        quote = norm(claim.quote) if claim.quote and len(claim.quote.split()) >= 2 else ""
        said = norm(" ".join(filter(None, (claim.quote, claim.text))))
        place = zones.place_of(claim.document, claim.span.start, lengths.get(claim.document, 0))
        items.append(_Said(claim, words(claim.quote or claim.text), quote, said, place))
    counts: Counter[str] = Counter()
    for item in items:
        counts.update(set(item.said.split()))

    def rarest(text: str) -> str:
        return min(text.split(), key=lambda w: (counts[w], w))

    similar: SimilarSets[_Said] = SimilarSets(CLAIM_SIMILARITY, (i.words for i in items))
    quotes: Filed[_Said] = Filed()  # a cluster's quotations, by their rarest word
    spoken: Filed[_Said] = Filed()  # a cluster's quotations and texts, by each word
    # A claim that reads like one of its cluster already filed finds nothing new: filed once.
    filed: set[tuple[int, str, object, zones.Place]] = set()
    clusters: list[str] = []
    read: dict[tuple[str, str, frozenset[str]], int] = {}  # the cluster of each reading met
    out = []
    for item in items:
        reading = (item.quote, item.said, item.words)
        if reading in read:  # the same words again (a wire copy, a quotation repeated)
            item.cluster = read[reading]
            out.append(replace(item.claim, cluster=clusters[item.cluster]))
            continue
        by_words: Found[_Said] = {}
        met: set[int] = set()
        for block in zones.looking_blocks(None, item.place, long_documents):
            for other in similar.candidates(block, item.words):
                if id(other) not in met:
                    met.add(id(other))
                    by_words.setdefault(other.cluster, []).append([other])
        quoted_in: Found[_Said] = {}
        if item.quote:
            spoken.collect((rarest(item.quote),), quoted_in, item.place)
        quoting: Found[_Said] = {}
        quotes.collect(set(item.said.split()), quoting, item.place)
        found = next((g for g in sorted({*by_words, *quoted_in, *quoting})
                      if any(_similar(item, o) for members in by_words.get(g, ()) for o in members)
                      or any(_quoted_in(item, o) for members in quoted_in.get(g, ()) for o in members)
                      or any(_quoting(item, o) for members in quoting.get(g, ()) for o in members)), None)
        if found is None:
            found = len(clusters)
            clusters.append(record_id("cluster", item.claim.id))
        if (found, "words", item.words, item.place) not in filed:
            filed.add((found, "words", item.words, item.place))
            for block in zones.filing_blocks(None, item.place):
                similar.add(block, item.words, item)
        if item.quote and (found, "quote", item.quote, item.place) not in filed:
            filed.add((found, "quote", item.quote, item.place))
            quotes.add(rarest(item.quote), found, item, item.place)
        if (found, "said", (item.quote, item.said), item.place) not in filed:
            filed.add((found, "said", (item.quote, item.said), item.place))
            for w in set(item.quote.split()) | set(item.said.split()):
                spoken.add(w, found, item, item.place)
        item.cluster = read[reading] = found
        out.append(replace(item.claim, cluster=clusters[found]))
    return out


def _similar(item: _Said, other: _Said) -> bool:
    return jaccard(item.words, other.words) >= CLAIM_SIMILARITY


def _quoted_in(item: _Said, other: _Said) -> bool:
    """One document quotes a few words of the other's longer quotation (or its text)."""
    return any(s and _within(item.quote, s) for s in (other.quote, other.said))


def _quoting(item: _Said, other: _Said) -> bool:
    """The claim's words hold the other's quotation whole."""
    return bool(other.quote) and _within(other.quote, item.said)
