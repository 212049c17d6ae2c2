"""How a name is made: an outlet's ("LA Weekly", "Fox News", "example.com"), a person's ("Don
Guardian"), a public body's ("the Harbor Police Department"), read from its words alone."""

from __future__ import annotations

import re

from ..model import Entity
from ..nlp import gazetteer as world_names

__all__ = ["bare", "body", "outlet_name", "personal"]

# The words outlets' names are made of ("Weekly", "News"): such an organization publishes.
_OUTLET_WORDS = frozenset(["news", "press", "times", "post", "herald", "journal", "gazette", "tribune", "magazine",
                           "weekly", "daily", "radio", "television", "tv", "broadcasting", "telegraph", "chronicle",
                           "courier", "observer", "newswire", "wire", "review", "monthly", "reporter", "guardian",
                           "mirror", "globe", "inquirer", "enquirer", "examiner", "dispatch", "ledger", "sentinel",
                           "bulletin", "paper", "wire", "network"])


def bare(name: str) -> str:
    """A name without case, a leading "the" or anything but letters and digits, to compare outlets."""
    return re.sub(r"\W+", "", name.casefold().removeprefix("the "))


# Words that make a name a public body's ("the Harbor Police Department", "the Senate Ethics
# Committee"): words told to one are heard by an authority, not passed on to readers. A group
# that publishes (a foundation, an association) may pass on what it was told, so it is not one.
_BODIES = frozenset(["conference", "convention", "summit", "caucus", "rally",  # gatherings, named as such
                     "police", "department", "bureau", "court", "committee", "commission", "council", "ministry",
                     "agency", "authority", "board", "congress", "senate", "parliament", "assembly", "government",
                     "administration", "office", "prosecutor", "prosecutors", "tribunal", "inquiry", "panel",
                     "regulator", "legislature", "sheriff", "army", "navy", "military", "embassy", "consulate"])


def body(entity: Entity) -> bool:
    """Whether an organization is named like a public body, not an outlet ("the Harbor Police
    Department"; not "Bay Radio", nor "the Tide Foundation")."""
    return entity.kind == "organization" and not any(outlet_name(n) for n in (entity.name, *entity.aliases)) and any(
        w in _BODIES for n in (entity.name, *entity.aliases) for w in re.findall(r"[a-z]+", n.casefold()))


def personal(name: str) -> bool:
    """Whether a two-word name is made like a person's, a given name first ("Don Guardian"),
    whatever the entity reader typed it; not "Bay News"."""
    words = name.casefold().split()
    return len(words) == 2 and "news" not in words and world_names.fold(words[0]) in world_names.load().given


def outlet_name(name: str) -> bool:
    """Whether a name is made like an outlet's: "LA Weekly", "Fox News", "X News Agency",
    "example.com"; not "the Post Office"."""
    words = name.casefold().split()
    if personal(name):
        return False  # "Don Guardian", "Ann Post": a person's given name first
    return bool(words) and (words[-1] in _OUTLET_WORDS or "news" in words
                            or re.search(r"\w\.(?:com|org|net|ca|co\.uk|info)\b", name) is not None)
