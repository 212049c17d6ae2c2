"""The compact index that resolving a long document's events uses finds what the plain one finds."""

from __future__ import annotations

import random

from timeline_graph.resolve.postings import Atoms, Postings
from timeline_graph.resolve.text import Filed


def _met(found: dict[int, list[list[str]]]) -> dict[int, set[str]]:
    return {group: {item for members in lists for item in members} for group, lists in found.items()}


def test_postings_find_what_filed_finds() -> None:
    rng = random.Random(7)
    words = ["acme", "harbor", "footage", "request", "vote", "levy"]
    places = [None, None, ("long-a", 0), ("long-a", 1), ("long-a", 2), ("long-a", 5), ("long-b", 0), ("long-b", 3)]
    filed: Filed[str] = Filed()
    postings: Postings[str] = Postings(Atoms())
    for n in range(600):
        item, group, place = f"item-{n}", rng.randrange(40), rng.choice(places)
        keys = {(rng.choice(words), rng.choice(words), rng.choice((2019, 2020, "*"))) for _ in range(rng.randint(1, 4))}
        look = [*keys, ("unknown", "key", 1)]
        for where in places:
            a: dict[int, list[list[str]]] = {}
            b: dict[int, list[list[str]]] = {}
            filed.collect(look, a, where)
            postings.collect(look, b, where)
            assert _met(a) == _met(b)
        for key in sorted(keys, key=repr):
            filed.add(key, group, item, place)
            postings.add(key, group, item, place)
