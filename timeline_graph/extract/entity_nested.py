"""Names nested inside a longer name: "Sheffield" of "the University of Sheffield".

A body's name often holds the name of a place it belongs to, and that place is named there as
much as anywhere else: "the University of Sheffield", "the Sheffield City Council", "the
Massachusetts Institute of Technology". Such a part is a mention of its own, a span inside the
longer one, which stays whole: a place of the world lists after "of", "in" or "at" (the words
up to the next word in lower case), or the longest run of words opening the name that the lists
know as a place, with more of the name after it, unless it is a given name too ("the Leigh
Block Museum", named for a person). So is a body's name the document also uses alone, in the
same places: "Orvik" of "the Orvik Medical School" where "Orvik announced" names the
university, a mention of that body. A part the document names as a person is left alone ("Jackson" of "the
Jackson Foundation", where Jackson is a person), and so is a short form of the longer name
itself ("Acme" of "Acme Widgetco" read as one body).
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Document, Entity, Span
from ..nlp import gazetteer as world_names
from ..nlp.typer import shipped_word_case
from .entity_words import PLACE_WORDS, gazetteer

_WORD = re.compile(r"[^\s,;:()\"“”]+")
_CONNECTORS = ("of", "in", "at")


def _lowerish(part: str) -> bool:
    """A word that running text writes in lower case at least as often as capitalized ("Green",
    "Time"): a place of that name is no likelier than the word ("the Green Rivers Alliance")."""
    lower, capital = shipped_word_case().get(part.lower(), (0, 0))
    return " " not in part and lower > 0 and lower >= capital


def _parts(name: str, bodies: set[str]) -> list[tuple[int, int]]:
    """Offsets in ``name`` of the parts that may be places or bodies of their own; ``bodies``
    are the names (folded to lower case) of the bodies the document names."""
    words = [(m.start(), m.end(), m.group().rstrip(".’'")) for m in _WORD.finditer(name)]
    words = [(s, s + len(w), w) for s, _, w in words if w]
    lists = world_names.load()
    places = lists.places
    out: list[tuple[int, int]] = []
    # after a connector: "University of Sheffield", "Museum of Art in Tessaly"
    for i, (_, _, word) in enumerate(words):
        if word not in _CONNECTORS:
            continue
        k = i + 2 if i + 1 < len(words) and words[i + 1][2] == "the" else i + 1  # "Senate of the United States"
        j = k
        while j < len(words) and words[j][2][:1].isupper() and words[j][2] not in ("The",):
            j += 1
        if j > k:
            start, end = words[k][0], words[j - 1][1]
            if world_names.fold(name[start:end]) in places or name[start:end].casefold() in bodies:
                out.append((start, end))
    # opening the name: "Sheffield City Council", "Massachusetts Institute of Technology"
    first = 1 if words and words[0][2] in ("The", "the") else 0
    for j in range(len(words) - 1, first, -1):
        if not all(w[2][:1].isupper() for w in words[first : j + 1]):
            continue
        start, end = words[first][0], words[j - 1][1]
        folded = world_names.fold(name[start:end])
        if (folded in places and folded not in lists.given and not _lowerish(name[start:end])) \
                or name[start:end].casefold() in bodies:
            out.append((start, end))  # not a given name ("the Leigh Block Museum" is a person's) nor a common word ("Green")
            break
    return out


def nested_places(doc: Document, entities: list[Entity]) -> list[Entity]:
    """The entities with the places and bodies nested in bodies' names as mentions of their own."""
    gaz = gazetteer()
    by_name: dict[str, int] = {}
    for index, entity in enumerate(entities):
        for name in (entity.name, *entity.aliases):
            by_name.setdefault(name.casefold(), index)
    bodies = {name.casefold() for e in entities if e.kind == "organization" for name in (e.name, *e.aliases)}
    added: dict[int, list[Span]] = {}
    new: dict[str, tuple[str, list[Span]]] = {}
    for this, entity in enumerate(entities):
        if entity.kind != "organization":
            continue
        for mention in entity.mentions:
            for start, end in _parts(mention.exact, bodies):
                part = mention.exact[start:end]
                if part in PLACE_WORDS or part in gaz.org_words:
                    continue  # a common word of the name: "Bay" of "The Bay Times", "Park" of "Park Authority"
                canonical = gaz.places.get(part, part)
                span = Span.at(doc, mention.start + start, mention.start + end)
                known = by_name.get(part.casefold(), by_name.get(canonical.casefold()))
                if known is not None:
                    if known != this and entities[known].kind in ("place", "organization"):
                        added.setdefault(known, []).append(span)
                    continue  # a person's name, or a short form of the longer name itself
                if part.casefold() in bodies:
                    continue
                new.setdefault(canonical, (part, []))[1].append(span)
    out = list(entities)
    for index, spans in added.items():
        entity = out[index]
        have = {(m.start, m.end) for m in entity.mentions}
        mentions = sorted([*entity.mentions, *(s for s in spans if (s.start, s.end) not in have)],
                          key=lambda m: (m.start, m.end))
        out[index] = dataclasses.replace(entity, mentions=tuple(mentions))
    for canonical, (part, spans) in sorted(new.items()):
        unique = {(s.start, s.end): s for s in spans}
        aliases = (part,) if part != canonical else ()
        out.append(Entity(id=Entity.id_for("place", canonical), kind="place", name=canonical, aliases=aliases,
                          mentions=tuple(unique[k] for k in sorted(unique))))
    return out
