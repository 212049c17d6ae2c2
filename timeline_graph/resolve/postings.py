"""A compact index of items under keys, for resolving the events of a long document.

:class:`Postings` finds what :class:`.text.Filed` finds (the same members under the same
keys, a search from a zone of a long document meeting its own document only in that zone and
the zones either side) but holds far less per key: a key is stored as one integer made of the
numbers of its parts (:class:`Atoms`), and a member as the number of the item, whose group
and place are kept once per item rather than once per key. A long document files each event
under a hundred keys or so (its agents, pairs of label words, years, days, parties), most of
them met once: a tuple of the key's words, a tuple of (document, zone, group, item) and the
dict entry took some 250 bytes each, an integer key and the entry under a hundred.

>>> atoms = Atoms()
>>> index = Postings(atoms)
>>> index.add(("request", "acme", 2020), 0, "first")
>>> index.add(("request", "acme", 2020), 1, "second", ("long-doc", 7))
>>> found = {}
>>> index.collect([("request", "acme", 2020), ("request", "acme", 2021)], found, ("long-doc", 9))
>>> found
{0: [['first']]}
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, insort
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from .text import Found, Place

__all__ = ["Atoms", "Postings"]

T = TypeVar("T")

#: A key's parts are numbered below this; a key of n parts is the number n followed by the
#: parts' numbers, 32 bits each, so two keys are one integer exactly when they are equal.
_BASE = 1 << 32

#: The items filed under a key: one item's number, or several (of a long document, in the
#: order of their places).
_Numbers = int | list[int]


class Atoms(Generic[T]):
    """Numbers for the parts of keys (words, entity ids, years, passages) and for the items
    filed, shared by the indexes of one resolution: an item's group when filed and its place
    are kept once, however many indexes and keys it is filed under."""

    __slots__ = ("_last", "_numbers", "groups", "items", "places")

    def __init__(self) -> None:
        self._numbers: dict[Hashable, int] = {}
        self.items: list[T] = []
        self.groups: list[int] = []
        self.places: list[tuple[int, int] | None] = []  # (document's number, zone)
        self._last: tuple[T, int] | None = None

    def item(self, group: int, item: T, place: Place) -> int:
        """The item's number (an item is filed under all its keys, in every index, before the
        next item is filed: then its group and place are the same for all)."""
        if self._last is not None and self._last[0] is item:
            return self._last[1]
        number = len(self.items)  # the one int object every posting of the item shares
        self.items.append(item)
        self.groups.append(group)
        self.places.append(None if place is None else (self.document(place[0]), place[1]))
        self._last = (item, number)
        return number

    def key(self, key: Hashable) -> int:
        """The integer standing for ``key`` (a tuple of parts, or a single part), numbering new parts."""
        code = self.known(key)
        if code is None:
            numbers = self._numbers
            for part in key if type(key) is tuple else (key,):
                if part not in numbers:
                    numbers[part] = len(numbers)
            if len(numbers) > _BASE:
                raise OverflowError("too many distinct parts of keys to number")
            code = self.known(key)
        return code  # type: ignore[return-value]

    def known(self, key: Hashable) -> int | None:
        """The integer standing for ``key``; None when a part of it was never numbered (then
        nothing is filed under it)."""
        parts = key if type(key) is tuple else (key,)
        try:
            # the number of parts, then each part's number, 32 bits each (made in C: this is
            # what every search of every index does)
            return int.from_bytes(array("I", (len(parts), *map(self._numbers.__getitem__, parts))).tobytes(), "little")
        except KeyError:
            return None

    def number(self, part: Hashable) -> int | None:
        """The number of a part; None when it has none."""
        return self._numbers.get(part)

    def document(self, name: str) -> int:
        """The number of a document's id (as a part)."""
        number = self._numbers.get(name)
        if number is None:
            number = self._numbers[name] = len(self._numbers)
        return number


class Postings(Generic[T]):
    """Items filed under keys, each with the group it was in when filed and its place (see
    :class:`.text.Filed`, whose searches this makes with less memory per key)."""

    def __init__(self, atoms: Atoms[T]) -> None:
        self._atoms = atoms
        self._free: dict[int, _Numbers] = {}  # items of documents of ordinary length
        self._placed: dict[int, _Numbers] = {}  # items of long documents

    def add(self, key: Hashable, group: int, item: T, place: Place = None) -> None:
        """File ``item`` of ``group`` under ``key`` (at ``place``, if in a long document)."""
        atoms = self._atoms
        number = atoms.item(group, item, place)
        code = atoms.key(key)
        filed = self._free if place is None else self._placed
        held = filed.get(code)
        if held is None:
            filed[code] = number
        elif place is None:
            if type(held) is int:
                filed[code] = [held, number]
            else:
                held.append(number)  # type: ignore[union-attr]
        else:
            # the items of a long document under a key are kept in the order of their places,
            # so that a search reads the zones it looks in by bisection
            if type(held) is int:
                held = filed[code] = [held]
            insort(held, number, key=atoms.places.__getitem__)  # type: ignore[arg-type, type-var]

    def collect(self, keys: Iterable[Hashable], found: Found[T], place: Place = None) -> None:
        """Add to ``found`` the members filed under each of ``keys``, by group (as a search from
        ``place`` meets them: in the same long document, only the zone and the zones either side)."""
        document = None if place is None else self._atoms.number(place[0])
        places = self._atoms.places
        for key in keys:
            code = self._atoms.known(key)
            if code is None:
                continue
            held = self._free.get(code)
            if held is not None:
                self._meet(held, found)
            if not self._placed:
                continue
            placed = self._placed.get(code)
            if placed is None:
                continue
            if type(placed) is int:
                at = places[placed]
                if document is None or at[0] != document or abs(at[1] - place[1]) <= 1:  # type: ignore[index]
                    self._meet(placed, found)
                continue
            if document is None:
                self._meet(placed, found)
                continue
            # other documents whole; in its own, the zone and the zones either side
            zone = place[1]  # type: ignore[index]
            cuts = [bisect_left(placed, at, key=places.__getitem__)  # type: ignore[arg-type]
                    for at in ((document, -1), (document, zone - 1), (document, zone + 2), (document + 1, -1))]
            self._meet([*placed[:cuts[0]], *placed[cuts[1]:cuts[2]], *placed[cuts[3]:]], found)  # type: ignore[index]

    def _meet(self, held: _Numbers, found: Found[T]) -> None:
        items, groups = self._atoms.items, self._atoms.groups
        if type(held) is int:
            found.setdefault(groups[held], []).append([items[held]])
            return
        by_group: dict[int, list[T]] = {}
        for number in held:  # type: ignore[union-attr]
            by_group.setdefault(groups[number], []).append(items[number])
        for group, members in by_group.items():
            found.setdefault(group, []).append(members)
