"""Who takes part in an event, as merging reports compares them: a company and its brand.

Entity resolution keeps "Amazon" and "Amazon Ring" apart (they are two organizations), but two
reports of one request may name the brand in one and the company in the other. For comparing
events, an entity also stands for each one of its kind whose name is part of its name ("Amazon
Ring" for "Amazon" and for "Ring", never "Amazon" for "Ring"), and an organization, place or
product for those of the other two kinds with the same name, and what these stand for (the
parse may read one name as an organization in one sentence and as a place in another).

>>> from timeline_graph.model import Entity
>>> ring, amazon, both = (Entity(id=n, kind="organization", name=n) for n in ("Ring", "Amazon", "Amazon Ring"))
>>> names = within_names([ring, amazon, both])
>>> sorted(names["Amazon Ring"]), sorted(names["Ring"])
(['Amazon', 'Amazon Ring', 'Ring'], ['Ring'])
>>> same_party(names, "Ring", frozenset({"Amazon Ring"})), same_party(names, "Ring", frozenset({"Amazon"}))
(True, False)
>>> place = Entity(id="Amazon Ring (place)", kind="place", name="Amazon Ring")
>>> same_party(within_names([ring, amazon, both, place]), "Amazon", frozenset({place.id}))
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from ..model import Entity
from .text import words

__all__ = ["expand", "same_party", "within_names"]

#: Names of more words than this are not split into every part (their parts are matched whole).
_MAX_WORDS = 6

Within = dict[str, frozenset[str]]
#: Kinds the parse confuses with each other.
_THINGS = frozenset({"organization", "place", "product"})


def within_names(entities: Iterable[Entity]) -> Within:
    """For each entity, itself, its namesakes of another kind and those named within their names."""
    kept = list(entities)
    by_words: dict[tuple[str, frozenset[str]], set[str]] = defaultdict(set)
    things: dict[frozenset[str], list[Entity]] = defaultdict(list)  # by name, not people
    for entity in kept:
        for name in (entity.name, *entity.aliases):
            by_words[(entity.kind, words(name))].add(entity.id)
            if entity.kind in _THINGS:
                things[words(name)].append(entity)
    out: Within = {}
    for entity in kept:
        found = {entity.id}
        for name in (entity.name, *entity.aliases):
            namesakes = things[words(name)] if entity.kind in _THINGS else [entity]
            for namesake in namesakes:
                found.add(namesake.id)
                for part in _parts(words(name)):
                    found |= by_words.get((namesake.kind, part), set())
        out[entity.id] = frozenset(found)
    return out


def _parts(name: frozenset[str]) -> list[frozenset[str]]:
    """The non-empty sets of words of a name (the name itself when it is long)."""
    if len(name) > _MAX_WORDS:
        return [name]
    ordered = sorted(name)
    return [frozenset(c) for n in range(1, len(ordered) + 1) for c in combinations(ordered, n)]


def expand(within: Within, entities: Iterable[str]) -> frozenset[str]:
    """The entities and every one named within their names."""
    return frozenset(x for e in entities for x in within.get(e, (e,)))


def same_party(within: Within, entity: str, others: frozenset[str]) -> bool:
    """Whether ``entity`` is one of ``others`` or names, or is named within, one of them."""
    mine = within.get(entity, frozenset({entity}))
    return any(o in mine or entity in within.get(o, ()) for o in others)
