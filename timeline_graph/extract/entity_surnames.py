"""A surname two people of one document share ("Ann Lowe" and "Ben Lowe"): each lone "Lowe",
"Mr. Lowe" or "Senator Lowe" goes to the one person it names, or stays a mention of its own.

An honorific's gender (Mr., Mrs., Ms.: a common given name's or an honorific before the full
name tells a person's) or a title the text introduced one of them with decides; else a "he" or
"she" after it in its sentence, when each person's gender is known; else the one the lone
surname's pronouns mostly stand for across the text, or the one named in full at least twice as
often as the other; else the one named in full in its sentence or the one before. What stays
undecided is left to the surname's own entity: no merge rather than a wrong one.

Before that, a person named once with a given name and once with its short form ("Sandra Lowe"
and "Sandy Lowe", "Christopher Hale" and "Chris Hale"), or once with a middle name and once
without ("Ann B. Lowe" and "Ann Lowe"), is one person (:func:`join_short_forms`).

A person's surname that is also a place's name ("Omar Paris") names the place where a motion
verb goes to or comes from it, or "in" puts something there ("flew to Paris", "stayed in Paris"):
such a mention is the place's (:func:`places_among_surnames`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import Entity, Span
from ..nlp import gazetteer as world_names
from .entity_words import GENERATIONS, surname_of

_MALE = frozenset({"Mr", "Sir", "Lord"})
_FEMALE = frozenset({"Mrs", "Ms", "Miss", "Madam", "Lady", "Dame"})
_TITLE_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][a-z]+\.?\s){1,2})$")
_PRONOUN = re.compile(r"\b(he|himself|she|herself)\b")  # not "his" or "her": often another's
#: Common English given names of one gender.
_MALE_NAMES = frozenset([
    "Aaron", "Adam", "Alan", "Albert", "Alex", "Alexander", "Andrew", "Anthony", "Antonio", "Arthur", "Ben",
    "Benjamin", "Bill", "Billy", "Bob", "Bobby", "Brad", "Brandon", "Brian", "Bruce", "Carl", "Carlos",
    "Charles", "Chris", "Christopher", "Chuck", "Craig", "Dan", "Daniel", "Dave", "David", "Dennis", "Don",
    "Donald", "Doug", "Douglas", "Ed", "Edward", "Eric", "Frank", "Fred", "Gary", "George", "Gerald",
    "Greg", "Gregory", "Harold", "Harry", "Henry", "Howard", "Jack", "Jacob", "James", "Jason", "Jeff",
    "Jeffrey", "Jeremy", "Jerry", "Jim", "Jimmy", "Joe", "John", "Johnny", "Jon", "Jonathan", "Jose",
    "Joseph", "Josh", "Joshua", "Juan", "Justin", "Keith", "Ken", "Kenneth", "Kevin", "Larry", "Lawrence",
    "Louis", "Luke", "Mark", "Martin", "Matt", "Matthew", "Michael", "Mike", "Nathan", "Nicholas", "Nick",
    "Paul", "Peter", "Philip", "Ralph", "Randy", "Raymond", "Richard", "Rick", "Robert", "Roger", "Ron",
    "Ronald", "Roy", "Russell", "Ryan", "Sam", "Samuel", "Scott", "Sean", "Stephen", "Steve", "Steven",
    "Ted", "Terry", "Thomas", "Tim", "Timothy", "Todd", "Tom", "Tony", "Travis", "Tyler", "Victor",
    "Walter", "Wayne", "William", "Willie"
])
_FEMALE_NAMES = frozenset([
    "Abigail", "Alice", "Alicia", "Amanda", "Amy", "Andrea", "Angela", "Ann", "Anna", "Anne", "Barbara",
    "Betty", "Beverly", "Brenda", "Carol", "Caroline", "Catherine", "Charlotte", "Cheryl", "Christina",
    "Christine", "Cynthia", "Deborah", "Debra", "Denise", "Diana", "Diane", "Donna", "Doris", "Dorothy",
    "Elizabeth", "Emily", "Emma", "Evelyn", "Frances", "Gloria", "Grace", "Hannah", "Heather", "Helen",
    "Jacqueline", "Jane", "Janet", "Janice", "Jean", "Jennifer", "Jessica", "Joan", "Joyce", "Judith",
    "Judy", "Julia", "Julie", "Karen", "Katherine", "Kathleen", "Kathryn", "Kathy", "Kelly", "Kimberly",
    "Laura", "Lauren", "Linda", "Lisa", "Lori", "Louise", "Margaret", "Maria", "Marie", "Marilyn", "Martha",
    "Mary", "Megan", "Melissa", "Michelle", "Nancy", "Nicole", "Olivia", "Pamela", "Patricia", "Rachel",
    "Rebecca", "Rose", "Ruth", "Sandra", "Sara", "Sarah", "Sharon", "Shirley", "Stephanie", "Susan",
    "Teresa", "Theresa", "Tiffany", "Victoria", "Virginia"
])
#: Endings that make a woman's name of a man's ("Paula", "Louise", "Georgette", "Danielle").
_FEMININE_ENDINGS = ("a", "e", "ette", "elle")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[A-Z\"“]|\n\s*\n")


def _title_words(text: str, start: int) -> tuple[str, ...]:
    """The capitalized words written right before ``start`` ("Mr.", "Vice President"), without dots."""
    match = _TITLE_BEFORE.search(text[max(0, start - 30) : start])
    return tuple(w.rstrip(".") for w in match.group(1).split()) if match else ()


def _sentence_after(text: str, end: int) -> str:
    rest = text[end : end + 200]
    stop = _SENTENCE_END.search(rest)
    return rest[: stop.start() + 1] if stop else rest


def _gender_of_pronoun(word: str) -> str:
    return "m" if word in ("he", "himself") else "f"


def _gender_of_title(words: tuple[str, ...]) -> str | None:
    last = words[-1] if words else ""
    return "m" if last in _MALE else "f" if last in _FEMALE else None


def short_form(short: str, full: str) -> bool:
    """Whether the given name ``short`` is a short form of ``full``: its first letters ("Chris" of
    "Christopher", "Sam" of "Samuel") or those letters and a "y", "ie" or "i" ("Sandy" of "Sandra",
    "Danny" of "Daniel", "Kathy" of "Katherine"); three letters of the name at least, and no
    name of the other gender ("Chris" of "Christine", "Eric" of "Erica")."""
    if len(short) >= len(full) or not short[:1].isupper():
        return False
    genders = {"m" if name in _MALE_NAMES else "f" for name in (short, full) if name in _MALE_NAMES | _FEMALE_NAMES}
    if len(genders) > 1 or (full.startswith(short) and full.endswith(_FEMININE_ENDINGS) and not short.endswith(_FEMININE_ENDINGS)):
        return False  # "Eric" and "Erica", "Paul" and "Paula": a man's name and a woman's made from it
    stems = {short}
    for ending in ("ie", "y", "i"):
        if short.endswith(ending):
            stem = short[: -len(ending)]
            stems |= {stem, stem[:-1]} if len(stem) > 1 and stem[-1] == stem[-2] else {stem}
    return any(len(stem) >= 3 and full.startswith(stem) for stem in stems)


def join_short_forms(entities: list[Entity]) -> list[Entity]:
    """``entities`` with each person named by a short form of another's given name and the same
    other names ("Sandy Lowe" beside "Sandra Lowe"), or without the middle name another has ("Ann
    Lowe" beside "Ann B. Lowe"), joined to that person, under the full name; a short form that
    fits two full names joins neither."""
    people = [e for e in entities if e.kind == "person" and len(e.name.split()) >= 2]
    into: dict[str, Entity] = {}
    for person in people:
        given, rest = person.name.split(maxsplit=1)
        fulls = [p for p in people if p.name.split(maxsplit=1)[1:] == [rest] and short_form(given, p.name.split()[0])]
        if not fulls and len(person.name.split()) == 2:
            # "Ann Lowe" beside "Ann B. Lowe" or "Ann Hale Lowe": the full name with a middle name
            fulls = [p for p in people if len(p.name.split()) > 2 and p.name.split()[0] == given
                     and surname_of(p.name) == rest and p.name.split()[-1].rstrip(".") not in GENERATIONS]
        if len(fulls) == 1:
            into[person.id] = fulls[0]
    if not into:
        return entities
    gained: dict[str, list[Entity]] = {}
    for short_id, full in into.items():
        gained.setdefault(full.id, []).append(next(e for e in people if e.id == short_id))
    for full_id in list(gained):
        full = next(e for e in people if e.id == full_id)
        surname = full.name.split()[-1]
        others = [p for p in people if p.name.split()[-1] == surname and p.id not in into and p.id != full_id]
        # The surname alone, left apart while two full names had it: now the one person's.
        lone = [e for e in entities if e.kind == "person" and e.name == surname]
        if lone and not others:
            into[lone[0].id] = full
            gained[full_id].append(lone[0])
    result: list[Entity] = []
    for entity in entities:
        if entity.id in into:
            continue
        joined = gained.get(entity.id, [])
        if joined:
            mentions = {(m.start, m.end): m for e in [entity, *joined] for m in e.mentions}
            aliases = {a for e in joined for a in (e.name, *e.aliases)} | set(entity.aliases)
            entity = replace(
                entity,
                mentions=tuple(mentions[k] for k in sorted(mentions)),
                aliases=tuple(sorted(aliases - {entity.name}, key=lambda a: (-len(a), a))),
            )
        result.append(entity)
    return result


def split_shared_surnames(text: str, entities: list[Entity]) -> list[Entity]:
    """``entities`` with each one-word person's name that two or more persons of the text end with
    handed, mention by mention, to the person it names; what stays undecided keeps it."""
    people = [e for e in entities if e.kind == "person" and " " in e.name]
    by_surname: dict[str, list[Entity]] = {}
    for person in {p.id: p for p in people}.values():  # one person once, however often listed
        by_surname.setdefault(person.name.split()[-1], []).append(person)
    moved: dict[str, list[Span]] = {}
    moved_aliases: dict[str, set[str]] = {}
    result: list[Entity] = []
    for entity in entities:
        sharers = by_surname.get(entity.name, [])
        if " " in entity.name or entity.kind not in ("person", "place", "organization") or len(sharers) < 2:
            result.append(entity)
            continue
        kept: list[Span] = []
        default = _default(text, entity.mentions, sharers)
        for span in entity.mentions:
            chosen = _chosen(text, span, sharers, default)
            if chosen is None:
                kept.append(span)
            else:
                moved.setdefault(chosen.id, []).append(span)
        aliases: list[str] = []
        for alias in entity.aliases:
            words = tuple(w.rstrip(".") for w in alias.split()[:-1])
            chosen = _by_title(text, words, sharers) if alias.split()[-1] == entity.name else None
            if chosen is None:
                aliases.append(alias)
            else:
                moved_aliases.setdefault(chosen.id, set()).add(alias)
        if kept:
            result.append(replace(entity, mentions=tuple(kept), aliases=tuple(aliases)))
    if not moved and not moved_aliases:
        return entities
    return [
        replace(
            e,
            mentions=tuple(sorted((*e.mentions, *moved.get(e.id, ())), key=lambda m: m.start)),
            aliases=tuple(sorted(set(e.aliases) | moved_aliases.get(e.id, set()), key=lambda a: (-len(a), a))),
        )
        if e.id in moved or e.id in moved_aliases else e
        for e in result
    ]


def _chosen(text: str, span: Span, sharers: list[Entity], default: Entity | None) -> Entity | None:
    words = _title_words(text, span.start)
    if _gender_of_title(words):
        return _by_title(text, words, sharers)  # an honorific no one person's gender matches: none
    titled = _by_title(text, words, sharers)
    if titled is not None:
        return titled
    by_pronoun = _by_pronoun(text, span, sharers)
    if by_pronoun is not None or default is not None:
        return by_pronoun or default
    # One of them named in full in this sentence or the one before ("Ben Lowe arrived. Lowe said").
    sentence_start = _sentence_start(text, _sentence_start(text, span.start) - 1)
    near = [(m.start, p.id) for p in sharers for m in p.mentions if sentence_start <= m.start and m.end <= span.start]
    if near:
        latest = max(near)[1]
        return next(p for p in sharers if p.id == latest)
    return None


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() - 1 for m in _SENTENCE_END.finditer(text, max(0, at - 400), max(0, at))]
    return ends[-1] if ends else max(0, at - 400)


def _by_pronoun(text: str, span: Span, sharers: list[Entity]) -> Entity | None:
    """The one person of the gender of the first "he" or "she" after ``span`` in its sentence, when
    the gender of each is known."""
    pronoun = _PRONOUN.search(_sentence_after(text, span.end))
    if pronoun is None or not all(_gender(text, p) for p in sharers):
        return None
    return _of_gender(text, _gender_of_pronoun(pronoun.group(1)), sharers)


def _of_gender(text: str, gender: str, sharers: list[Entity]) -> Entity | None:
    left = [p for p in sharers if _gender(text, p) in (gender, None)]
    return left[0] if len(left) == 1 else None


def _default(text: str, spans: tuple[Span, ...], sharers: list[Entity]) -> Entity | None:
    """The person a lone surname names when nothing near it tells: the one its pronouns mostly
    are, else the one the text names in full most often; none on a tie."""
    votes = Counter(p.id for span in spans for p in [_by_pronoun(text, span, sharers)] if p is not None)
    if sum(votes.values()) >= 2:
        ranked = votes.most_common()
        lead = 3 * ranked[0][1] >= 2 * sum(votes.values())  # two thirds of them
    else:
        ranked = Counter({p.id: len(p.mentions) for p in sharers}).most_common()
        lead = len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]  # named in full at least twice as often
    return next(p for p in sharers if p.id == ranked[0][0]) if lead else None


def _by_title(text: str, words: tuple[str, ...], sharers: list[Entity]) -> Entity | None:
    """The one person an honorific's gender or a title the text gave one of them names
    ("President" of "President Ben Lowe", not of "Vice President Ann Lowe")."""
    gender = _gender_of_title(words)
    if gender:
        return _of_gender(text, gender, sharers)
    for n in range(len(words)):
        title = " ".join(words[n:])
        introduced = [p for p in sharers if any(a.startswith(title + " ") and a.endswith(p.name) for a in p.aliases)]
        if introduced:
            return introduced[0] if len(introduced) == 1 else None
    return None


def _gender(text: str, person: Entity) -> str | None:
    """"m" or "f": a common given name's, else an honorific's before the person's full name."""
    first = person.name.split()[0]
    if first in _MALE_NAMES or first in _FEMALE_NAMES:
        return "m" if first in _MALE_NAMES else "f"
    for mention in person.mentions:
        if text[mention.start : mention.end] == person.name:
            by_title = _gender_of_title(_title_words(text, mention.start))
            if by_title:
                return by_title
    for alias in person.aliases:
        by_alias = _gender_of_title(tuple(w.rstrip(".") for w in alias.split()[:-2]))
        if by_alias and alias.endswith(person.name):
            return by_alias
    return None


#: What comes right before a place's name and never before a person's: "in" (not after a noun of
#: trust, "faith in"), or "to", "from", "into", "toward" after a verb or a noun of motion ("flew
#: to", "returned from", "a flight to"), or "the city of"; "spoke to Paris" or "a letter from Paris" stay the person's.
_TO_A_PLACE = re.compile(
    r"(?:(?<!faith )(?<!trust )(?<!belief )(?<!confidence )(?<!interest )\bin|"
    r"\b(?:fl[eo]w|flying|flies|fly|travel\w*|mov(?:e|ed|es|ing)|return\w*|went|go|goes|going|gone|came|come|comes|"
    r"coming|dr[io]ve|driving|driven|sail\w*|fled|flee\w*|arriv\w+|head(?:ed|s|ing)|relocat\w+|trip|flight|"
    r"journey\w*|commut\w+|walk\w*|ran|run|running|rushed|hurried|deported|evacuated|sent|taken|"
    r"brought|transferred|emigrated|immigrated)\s+(?:back\s+|home\s+)?(?:to|from|into|toward|towards)|"
    r"\b(?:city|town|village|port|province|county|capital|state) of)\s+$"
)


def places_among_surnames(text: str, entities: list[Entity]) -> list[Entity]:
    """``entities`` with each mention of a person's surname alone that is a place's name of the
    world lists and that stands where only a place does ("Omar Paris ... flew to Paris") handed,
    mention by mention, to that place: the place of that name if the text names it, else a
    place of its own. Other mentions stay the person's."""
    places = world_names.load().places
    moved: dict[str, list[Span]] = {}
    result: list[Entity] = []
    for entity in entities:
        words = entity.name.split()
        surname = words[-1] if entity.kind == "person" and len(words) >= 2 else ""
        if not surname or world_names.fold(surname) not in places:
            result.append(entity)
            continue
        kept = [m for m in entity.mentions if not (
            text[m.start : m.end] == surname and _TO_A_PLACE.search(text[max(0, m.start - 40) : m.start])
            and not re.match(r"['’]s?\b", text[m.end : m.end + 2]))]
        if len(kept) == len(entity.mentions) or not kept:
            result.append(entity)
            continue
        moved.setdefault(surname, []).extend(m for m in entity.mentions if m not in kept)
        result.append(replace(entity, mentions=tuple(kept)))
    if not moved:
        return entities
    for name, spans in moved.items():
        place = next((e for e in result if e.kind == "place" and e.name == name), None)
        if place is None:
            result.append(Entity(id=Entity.id_for("place", name), kind="place", name=name,
                                 mentions=tuple(sorted(spans, key=lambda m: m.start))))
        else:
            result[result.index(place)] = replace(
                place, mentions=tuple(sorted({*place.mentions, *spans}, key=lambda m: m.start)))
    return result
