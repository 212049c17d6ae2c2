"""Where each entity is mentioned: its forms found in the text, short forms joined to full names,
and "the company" as a mention of the organization named before it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace

from ..model import Document, Entity, EntityKind, Span
from ..nlp import Parse
from ..nlp import gazetteer as world_names
from .entity_kinds import Group
from .entity_words import (
    COMPANY_ENDINGS,
    GENERATIONS,
    gazetteer,
    initials,
    inside,
    is_acronym,
    pattern,
    surname_of,
)
from .text import Intervals

_DESCRIPTION = re.compile(r"\b[Tt]he (?P<noun>company|firm|department|agency|foundation|group|organization|"
                          r"organisation|newspaper|outlet|paper|council|board|commission|university)\b")


def _clause_subject(parse: Parse, at: int) -> int | None:
    """Where the subject of the clause of the word at ``at`` starts, when the word is not that
    subject itself: the heads are followed up to the first verb."""
    token = parse.token_at(at)
    if token is None:
        return None
    verb = token
    for _ in range(12):
        if verb.head == verb.i:
            return None
        verb = parse.tokens[verb.head]
        if verb.pos in ("VERB", "AUX"):
            break
    else:
        return None
    if verb.pos not in ("VERB", "AUX"):
        return None
    subject = next((c for c in parse.children(verb) if c.dep.startswith("nsubj") and c.i != token.i), None)
    return subject.start if subject is not None else None


_COMPANY_NOUNS = frozenset({"company", "firm"})
_COMPANY_WORDS = frozenset({"Company", "Corporation", "Corp", "Inc", "LLC", "Ltd", "Limited", "Holdings", "Group",
                            "Technologies", "Systems", "Industries", "Labs", "Networks", "Airlines"})


def with_descriptions(
    doc: Document, entities: list[Entity], masked: Intervals[None], parse: Parse | None = None
) -> list[Entity]:
    """"the company", "the department": a mention of the organization named last before it.

    The words become a mention (a span), never an alias: "the company" names a different
    company in every document, so resolution must not merge by it. With ``parse``, the subject
    of the description's own clause is not it ("Orla wrote about a deal between the company and
    the city": Orla would be "itself" or "its" there).
    """
    text = doc.text
    gaz = gazetteer()
    orgs = sorted((m.start, e.id, e.name, m.end) for e in entities if e.kind == "organization" for m in e.mentions)
    starts = [s for s, _, _, _ in orgs]
    outlets = {e.id for e in entities if e.name in gaz.outlets}
    extra: dict[str, list[Span]] = defaultdict(list)
    for match in _DESCRIPTION.finditer(text):
        if inside(masked, match.start(), match.end()):
            continue
        noun = match.group("noun")
        before = orgs[bisect_left(starts, match.start() - 800) : bisect_left(starts, match.start())]
        subject = _clause_subject(parse, match.start("noun")) if parse is not None else None
        if subject is not None:
            before = [o for o in before if not o[0] <= subject < o[3]]
        if noun in _COMPANY_NOUNS:
            fits = [(s, i, n) for s, i, n, _ in before
                    if i not in outlets and not any(w in gaz.org_words - _COMPANY_WORDS for w in n.split())]
        elif noun in {"newspaper", "outlet", "paper"}:
            fits = [(s, i, n) for s, i, n, _ in before if i in outlets]
        else:
            fits = [(s, i, n) for s, i, n, _ in before if noun.capitalize() in n.split()]
        if fits:
            extra[fits[-1][1]].append(Span.at(doc, match.start(), match.end()))
    if not extra:
        return entities
    return [
        replace(e, mentions=tuple(sorted((*e.mentions, *extra[e.id]), key=lambda m: m.start)))
        if e.id in extra else e
        for e in entities
    ]


#: Last words of a company's or a group's name that it drops when it names itself short: its
#: trade ("Northgate Logistics" is "Northgate" later), its legal form ("Halvorsen Partners") or
#: what kind of group it is ("Open Harbor Alliance").
_COMPANY_TAILS = COMPANY_ENDINGS | frozenset({
    "Partners", "Group", "Holdings", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Company", "LLC", "Ltd",
    "Ltd.", "Limited", "Industries", "Technologies", "Systems", "Labs", "Laboratories", "Networks", "Health",
    "Media", "Bank", "Airlines", "Studios", "Records", "Alliance", "Coalition", "Association", "Society",
    "Network", "Project", "Initiative", "Federation",
})  # not "Foundation", "Institute", "Trust": "Ford" beside "the Ford Foundation" is often the firm


class Longer:
    """The names of ``kinds``, longest first, indexed by what makes a shorter name a short form
    of one (so that finding it does not compare every pair of names)."""

    def __init__(self, kinds: dict[str, EntityKind], groups: dict[str, Group], text: str = "") -> None:
        self.text = text
        self.groups = groups
        self.rank = {name: n for n, name in enumerate(sorted(kinds, key=len, reverse=True))}
        self.surname: dict[str, list[str]] = defaultdict(list)  # a person's name by its last word
        self.initials: dict[str, list[str]] = defaultdict(list)  # organizations and places
        self.alias: dict[str, list[str]] = defaultdict(list)  # by an alias without its dots
        self.tail: dict[tuple[str, ...], list[str]] = defaultdict(list)  # organizations by last words
        self.police: dict[str, list[str]] = defaultdict(list)  # organizations by words before " police "
        self.given: dict[str, set[str]] = defaultdict(set)  # a person's full name by its first word
        self.trade: dict[str, list[str]] = defaultdict(list)  # "Northgate Logistics" by "Northgate"
        self.generation: dict[str, list[str]] = defaultdict(list)  # "Ann Lowe Jr." by "Ann Lowe"
        self.head: dict[str, list[str]] = defaultdict(list)  # "Joint Council for the Welfare of Migrants" by "Joint Council"
        self.kinds = kinds
        for other, kind in kinds.items():
            other_words = other.split()
            if kind == "person":
                self.surname[surname_of(other)].append(other)
                if len(other_words) >= 2:
                    self.given[other_words[0]].add(other)
                if len(other_words) >= 3 and other_words[-1].rstrip(".") in GENERATIONS:
                    self.generation[" ".join(other_words[:-1]).rstrip(",")].append(other)
            if len(other_words) >= 2 and kind in ("organization", "place"):
                self.initials[initials(other)].append(other)
            for alias in {a.replace(".", "") for a in groups[other].aliases}:
                self.alias[alias].append(other)
            if kind == "organization" and 2 <= len(other_words) <= 4 and other_words[-1] in _COMPANY_TAILS and not any(
                    w in gazetteer().connectors for w in other_words):
                self.trade[" ".join(other_words[:-1])].append(other)
            head = re.split(r" (?:of|for) the ", other, maxsplit=1)[0]
            if kind == "organization" and head != other and " " in head:
                self.head[head].append(other)
            if kind == "organization" and " & " in other and " & " not in other.split(" & ", 1)[1]:
                self.trade[other.split(" & ")[0]].append(other)  # "Brekke" of "Brekke & Sons", the firm named short
            if kind == "organization":
                for n in range(1, len(other_words) + 1):
                    self.tail[tuple(other_words[-n:])].append(other)
                folded = other.casefold()
                at = folded.find(" police ")
                while at >= 0:
                    self.police[folded[:at]].append(other)
                    at = folded.find(" police ", at + 1)

    def full_form(self, key: str, *, surnames_only: bool = False) -> str | None:
        """The longer name ``key`` is a short form of, if any (the longest, as ranked)."""
        gaz = gazetteer()
        words = key.split()
        found = [other for other in self.surname.get(key, ()) if other != key] if len(words) == 1 else []
        if len(words) >= 2 and self.kinds.get(key) == "person":  # "Ann Lowe" of "Ann Lowe Jr.", one person
            found += [other for other in self.generation.get(key, ()) if self.kinds.get(other) == "person"]
        if key[:1].islower() and len(words) > 1:  # "de la Cruz" of "Maria de la Cruz": a surname with its particles
            found = [other for other, kind in self.kinds.items() if kind == "person" and other.endswith(f" {key}")]
        if len(words) == 1 and not found and len(self.given.get(key, ())) == 1 and (
            (self.kinds.get(key) == "person" and (key in gaz.first_names or world_names.fold(key) in world_names.load().given))
            or self._unlabelled_body(key)
        ):
            found = list(self.given[key])  # "Hillary" of "Hillary Lowe", the one person of that given name
        if not surnames_only:
            compact = key.replace(".", "")
            if is_acronym(key):
                found += self.initials.get(compact, ())
            found += self.alias.get(compact, ())
            bare = words[1:] if words[0] == "The" and len(words) > 1 else words  # "The Times"
            if bare[-1] in gaz.org_words:
                found += self.tail.get(tuple(bare), ())
            elif self._team_of(key, bare):
                found += self.tail[tuple(bare)]
            elif len(bare) >= 3 and bare[0] in gaz.org_words and bare[1] == "of":
                owners = [other for other in self.tail.get(tuple(bare), ()) if other != key]
                if len(owners) == 1:
                    found += owners  # "the Board of Health" of the one "Pell County Board of Health"
            found += self.company_of(key)
            if len(self.head.get(key, ())) == 1:
                found += self.head[key]  # "the Joint Council" of the "Joint Council for the Welfare of Migrants"
            clipped = self.clipped_of(key)
            if clipped and not (world_names.fold(key) in world_names.load().given or key in gaz.first_names):
                found.append(clipped)  # "the Fed" of "the Federal Reserve", not "Gus" of "Gustavson Group"
            if key.endswith(" police"):
                base = key[: -len(" police")]
                base = gaz.places.get(base, base)
                found += self.police.get(base.casefold(), ())  # "Harbor City police": its Police Department
        found = [other for other in found if other != key and len(other) > len(key)]
        # A person's full name opens with a given name: "Ann Lowe" before a heading's "Backing Lowe".
        return min(found, key=lambda other: (not self._given_first(other), self.rank[other])) if found else None

    def clipped_of(self, key: str) -> str | None:
        """The one body whose name's first word ``key`` clips ("Fed" of "Federal Reserve"): a
        capitalized word of three letters or more, no title and no place, always after "the"."""
        gaz = gazetteer()
        if (" " in key or len(key) < 3 or not key.istitle() or not key.isalpha() or key in gaz.person_titles
                or self.kinds.get(key) == "place" or world_names.fold(key) in world_names.load().places):
            return None  # "Australia" is no clipping of "Australian Centre"
        group = self.groups.get(key)
        if group is None or not group.cands or not all(
                self.text[max(0, c.start - 4) : c.start].casefold() == "the " for c in group.cands):
            return None  # a clipped body's name takes "the" as its full name does: "the Fed"
        found = [other for other, kind in self.kinds.items() if kind == "organization" and " " in other
                 and other.split()[0].startswith(key) and len(other.split()[0]) > len(key)]
        return found[0] if len(found) == 1 else None

    def company_of(self, key: str) -> list[str]:
        """The company or group ``key`` names without its trade or legal form: "Northgate" of
        "Northgate Logistics", "Open Harbor" of "Open Harbor Alliance", not "Boston" of "Boston
        Dynamics"."""
        if (self.kinds.get(key) == "place" and " " not in key) or world_names.fold(key) in world_names.load().places:
            return []  # a word the pipeline read as a place's may be the town the company is named after
        # "Halvorsen" beside "Halvorsen & Dahl" and "Ole Halvorsen" is the person's surname
        person = any(" " in other for other in self.surname.get(key, ()))
        return [other for other in self.trade.get(key, []) if " & " not in other or not person]

    def _team_of(self, key: str, bare: list[str]) -> bool:
        """Whether ``key`` is the plural that ends one body's name, always written after "the": "the
        Tigers" of the one "Halden Tigers", a team or a band named short."""
        group = self.groups.get(key)
        if len(bare) != 1 or not bare[0].endswith("s") or not bare[0][1:].islower() or group is None or not group.cands:
            return False
        if not all(self.text[max(0, c.start - 4) : c.start].casefold() == "the " or self.text[c.start : c.start + 4] == "The "
                   for c in group.cands):
            return False
        owners = [other for other in self.tail.get(tuple(bare), ()) if other != key and len(other.split()) > 1]
        return len(owners) == 1

    def _unlabelled_body(self, key: str) -> bool:
        """A word read as a body's that the pipeline gave no kind and that opens one person's full
        name: "Tomasz said" after "Tomasz Krell", the tagger taking the given name it does not
        know for a common noun, is that person's given name alone."""
        group = self.groups.get(key)
        return (self.kinds.get(key) == "organization" and group is not None and group.kind is None
                and not group.forced and not group.canonical and not is_acronym(key))

    def _given_first(self, name: str) -> bool:
        first = name.split()[0]
        return self.kinds.get(name) == "person" and (
            first in gazetteer().first_names or world_names.fold(first) in world_names.load().given)


def short_forms(canonical: str, kind: EntityKind) -> set[str]:
    """Short forms a later resolver may meet elsewhere: a person's surname."""
    words = canonical.split()
    if kind == "person" and len(words) >= 2:
        return {surname_of(canonical)}
    return set()


def find_mentions(
    doc: Document, form_sets: list[set[str]], masked: Intervals[None]
) -> list[list[Span]]:
    """Every occurrence of every surface form, longest first, never overlapping."""
    text = doc.text
    owner: dict[str, int] = {}
    for index, forms in enumerate(form_sets):
        for form in forms:
            owner.setdefault(form, index)
    found: list[list[Span]] = [[] for _ in form_sets]
    if not owner:
        return found
    # The longest form at each place where a word starts, as one regex alternation of all the
    # forms would find them; forms are looked up by their first characters, because such an
    # alternation tries every form at every word, which grows with the square of a document.
    by_head: dict[str, list[str]] = defaultdict(list)
    for form in sorted(filter(None, owner), key=lambda f: (-len(f), f)):
        by_head[form[:_HEAD]].append(form)
    heads = sorted({len(h) for h in by_head}, reverse=True)
    firsts = "".join(sorted({re.escape(f[0]) for f in owner if f}))
    at = 0
    for start_match in pattern(rf"(?<![\w.])[{firsts}]").finditer(text):
        start = start_match.start()
        if start < at:
            continue
        longest = next(
            (
                f
                for n in heads
                for f in by_head.get(text[start : start + n], ())
                if text.startswith(f, start) and not _WORD_AT.match(text, start + len(f))
            ),
            None,
        )
        if longest is None:
            continue
        at = end = start + len(longest)
        if inside(masked, start, end):
            continue
        found[owner[longest]].append(Span.at(doc, start, end))
    return found


_HEAD = 3  # characters by which forms are looked up
_WORD_AT = re.compile(r"\w")
