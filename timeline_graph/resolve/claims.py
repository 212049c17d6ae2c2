"""Claims that say the same thing, across documents, share a cluster.

Two claims say the same thing when their words overlap enough (:data:`CLAIM_SIMILARITY`), when
one quotes a few words of the other's longer quotation, or when one's words hold the other's
quotation whole (word for word, at word boundaries). Claims are taken in id order; each joins
the first cluster (in the order clusters were made) holding a claim it says the same as, and a
cluster's id is that of its first claim. Candidates come from indexes, never from comparing a
claim with every cluster.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model import Claim, record_id
from .text import SimilarSets, jaccard, norm, words

__all__ = ["CLAIM_SIMILARITY", "cluster_claims"]

#: Two claims whose words overlap this much (Jaccard) say the same thing.
CLAIM_SIMILARITY = 0.6


@dataclass(eq=False)
class _Said:
    claim: Claim
    words: frozenset[str]
    quote: str  # the quotation, normalized, when it has two words or more
    said: str  # quotation and text, normalized
    cluster: int = -1


def _within(part: str, whole: str) -> bool:
    """Whether ``part`` occurs in ``whole`` word for word (both normalized)."""
    return f" {part} " in f" {whole} "


def cluster_claims(unclustered: Iterable[Claim]) -> list[Claim]:
    """Claims saying the same thing share a cluster id (that of the cluster's first claim by id)."""
    items = []
    for claim in sorted(unclustered, key=lambda c: c.id):
        quote = norm(claim.quote) if claim.quote and len(claim.quote.split()) >= 2 else ""
        said = norm(" ".join(filter(None, (claim.quote, claim.text))))
        items.append(_Said(claim, words(claim.quote or claim.text), quote, said))
    counts: Counter[str] = Counter()
    for item in items:
        counts.update(set(item.said.split()))

    def rarest(text: str) -> str:
        return min(text.split(), key=lambda w: (counts[w], w))

    similar: SimilarSets[_Said] = SimilarSets(CLAIM_SIMILARITY, (i.words for i in items))
    quotes: dict[str, list[_Said]] = defaultdict(list)  # a cluster's quotations, by their rarest word
    spoken: dict[str, list[_Said]] = defaultdict(list)  # a cluster's quotations and texts, by each word
    clusters: list[str] = []
    out = []
    for item in items:
        candidates: dict[int, list[tuple[str, _Said]]] = defaultdict(list)
        for other in similar.candidates(None, item.words):
            candidates[other.cluster].append(("words", other))
        if item.quote:
            for other in spoken.get(rarest(item.quote), ()):
                candidates[other.cluster].append(("quoted in", other))
        for w in set(item.said.split()):
            for other in quotes.get(w, ()):
                candidates[other.cluster].append(("quotes", other))
        found = next((g for g in sorted(candidates) if any(_same(item, how, other) for how, other in candidates[g])), None)
        if found is None:
            found = len(clusters)
            clusters.append(record_id("cluster", item.claim.id))
        item.cluster = found
        similar.add(None, item.words, item)
        if item.quote:
            quotes[rarest(item.quote)].append(item)
        for w in set(item.quote.split()) | set(item.said.split()):
            spoken[w].append(item)
        out.append(replace(item.claim, cluster=clusters[found]))
    return out


def _same(item: _Said, how: str, other: _Said) -> bool:
    if how == "words":
        return jaccard(item.words, other.words) >= CLAIM_SIMILARITY
    if how == "quoted in":  # one document quotes a few words of the other's longer quotation
        return any(s and _within(item.quote, s) for s in (other.quote, other.said))
    return bool(other.quote) and _within(other.quote, item.said)
