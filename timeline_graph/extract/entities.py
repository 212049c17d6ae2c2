"""People, organizations, places and products named in one document, found by rules.

Candidates are runs of capitalized words (with connectors such as "of" inside organization
names), filtered by stopwords, sentence position, month and weekday names. A run's kind comes
from evidence: organization words ("Department", "Foundation", "Times"), acronyms, a gazetteer
of news outlets and places, titles before names ("Detective", "Chief"), common first names,
and the words around it ("a X spokesperson", "X police", "an app called X"). Acronyms become
aliases when introduced in parentheses or when they match a full name's initials; surnames and
short forms ("The Times") join the full name, and so does a given name alone when one person of
the document has it. Page furniture (photo credits, "Share this story") is masked first and
never yields an entity. Names are cut at words in lower case and at titles ("Majority Leader");
"Ann Lowe of Acme Group" is two names; groups of people ("Democrats"), adjectives ("Canadian"),
common words in capitals ("UPDATE") and letters after names ("QC") are no entities; a dateline
names a place. Word lists live in ``data/gazetteer.yaml``; the world lists of
:mod:`timeline_graph.nlp.gazetteer` say which words are given names, surnames and places.

The steps live in modules of their own: the word lists (:mod:`.entity_words`), candidates
(:mod:`.entity_candidates`, cut into names by :mod:`.entity_runs`), kinds (:mod:`.entity_kinds`),
mentions and short forms (:mod:`.entity_mentions`) and roles (:mod:`.entity_roles`); this
module groups the candidates by name and puts the entities together.

>>> from timeline_graph.model import Document
>>> text = "The City Water Department (CWD) hired Detective Ann Lowe. Lowe said CWD was slow."
>>> doc = Document.create(sha256="b" * 64, text=text, source="x.txt")
>>> [(e.kind, e.name, e.aliases) for e in find_entities(doc)]
[('organization', 'City Water Department', ('CWD',)), ('person', 'Ann Lowe', ('Detective Ann Lowe', 'Lowe'))]
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from .. import nlp
from ..model import Document, Entity, EntityKind, Span
from ..nlp import Parse
from ..nlp import gazetteer as world_names
from ..nlp.typer import common_word
from .entity_candidates import Candidate, find_candidates
from .entity_kinds import Group, classify, titled_form
from .entity_mentions import Longer, find_mentions, short_forms, with_descriptions
from .entity_nested import nested_places
from .entity_roles import with_roles
from .entity_runs import possessive_after, romanized_name, title_after
from .entity_shapes import (
    acting_state_body,
    acts_as_a_firm,
    capitalized_only_opening,
    counted_acronym,
    named_with_the,
    no_entity,
    no_sign_of_a_person,
    speaks_of_itself,
)
from .entity_surnames import join_short_forms, places_among_surnames, split_shared_surnames
from .entity_votes import document_votes, voted_kind
from .entity_words import (
    COMPANY_ENDINGS,
    PLACE_WORDS,
    STORMS,
    Gazetteer,
    furniture_ranges,
    gazetteer,
    gazetteer_forms,
    initials,
    is_acronym,
    pattern,
    state_abbreviations,
    surname_of,
)
from .text import Intervals

__all__ = ["VERSION", "Gazetteer", "find_entities", "furniture_ranges", "gazetteer"]


VERSION = "entities-0.24.0"


def find_entities(doc: Document, parse: Parse | None = None) -> tuple[Entity, ...]:
    """The people, organizations, places and products this document names, with every mention.

    ``parse`` is the document's parse (:func:`timeline_graph.nlp.parse`); made here if not given.
    """
    text = doc.text
    parse = parse if parse is not None else nlp.parse(text)
    masked = Intervals((s, e, None) for s, e in furniture_ranges(text))
    cands = find_candidates(text, masked, parse)
    groups = _grouped(text, cands)
    kinds = _kinds(text, groups, parse)
    members = _members(text, kinds, groups)
    entities = _entities(doc, _named(text, kinds, groups, members), masked)
    entities = places_among_surnames(text, split_shared_surnames(text, join_short_forms(entities)))
    entities = with_roles(doc, entities, cands, parse)
    entities = nested_places(doc, with_descriptions(doc, entities, masked, parse))
    return tuple(sorted(entities, key=lambda e: (e.mentions[0].start, e.id)))


#: What a name became before its mentions are searched: key, kind, canonical name, the forms to
#: search, and the titled forms kept as aliases only.
_Named = tuple[str, EntityKind, str, set[str], set[str]]


def _grouped(text: str, cands: list[Candidate]) -> dict[str, Group]:
    """The candidates by the name they give, a gazetteer's canonical name first; a name in
    capitals ("CLEVELAND —" opening a dateline, "TRUMP:" in a transcript), or capitalized where
    the document writes it with a particle in lower case ("Al-Haddad" opening a sentence), joins
    the name the document also writes in its usual case."""
    gaz = gazetteer()
    groups: dict[str, Group] = defaultdict(Group)
    usual_case: dict[str, str] = {}
    for name in sorted(c.name(text) for c in cands):
        if not name.isupper():
            usual_case.setdefault(name.casefold(), name)
            usual_case.setdefault(name.split()[-1].casefold(), name.split()[-1])  # "CALLOWAY" of "Ines Calloway"
    lower_openings = {" ".join(words[i:]) for words in (c.name(text).split() for c in cands)
                      for i, word in enumerate(words) if word[:1].islower()}  # "al-Haddad", "de la Cruz"
    datelines = {(c.start, c.end) for c in cands if c.dateline}
    for cand in cands:
        surface = cand.name(text)
        name = usual_case.get(surface.casefold(), surface) if surface.isupper() else surface
        if (cand.start, cand.end) in datelines and surface.isupper():
            name = surface  # the place of a dateline, kept apart until its namesake's kind is known (see _kinds)
        if name.isupper() and " " in name and (words := name.split())[-1].casefold() in usual_case and all(
                w.isalpha() for w in words):
            # "MARTA VELKOVA said" where the text writes "Velkova" elsewhere: her name in usual case
            name = " ".join(usual_case.get(w.casefold(), w.capitalize()) for w in words)
        if name[:1].isupper() and name[:1].lower() + name[1:] in lower_openings:
            name = name[:1].lower() + name[1:]  # "Al-Haddad denied" opening a sentence: the "al-Haddad" of the text
        state = _state_of(text, cand, name)
        key = gaz.outlets.get(name) or gaz.places.get(name) or state or name
        group = groups[key]
        group.names[surface] = group.names.get(surface, 0) + 1
        group.cands.append(cand)
        if key in gaz.outlets.values() and key == gaz.outlets.get(name):
            group.canonical = key
            group.kind = "organization"
        elif gaz.places.get(name) == key or (state and key == state):
            group.canonical = key
            group.kind = "place"
        elif cand.kind and not group.forced:
            # A kind from a line's shape (byline, credit) beats the pipeline's label.
            group.kind = cand.kind if cand.role or cand.forced else group.kind or cand.kind
            group.forced = cand.forced
        if cand.alias:
            group.aliases.add(text[cand.alias[0] : cand.alias[1]])
        titled_name = titled_form(text, cand)
        if titled_name:
            group.titled.add(titled_name)
    return groups


def _state_of(text: str, cand: Candidate, name: str) -> str | None:
    """The US state a candidate abbreviates: "Fla" written "Fla.", or a postal code ("FL")
    that a line's shape gave as a place ("(R-FL)")."""
    written, postal = state_abbreviations()
    if name in written and text[cand.end : cand.end + 1] == ".":
        return written[name]
    if cand.forced and cand.kind == "place" and name in postal:
        return postal[name]
    return None


_LEADING_INITIAL = re.compile(r"^[A-Z]\. (?=\S+ \S)")


def _kinds(text: str, groups: dict[str, Group], parse: Parse) -> dict[str, EntityKind]:
    """The kind of each name that names an entity: its own evidence, then its neighbours'."""
    kinds: dict[str, EntityKind] = {}
    for key, group in groups.items():
        # "J. Edgar Hoover": the given name after an initial is the name's evidence, as in "Edgar Hoover"
        kind = classify(_LEADING_INITIAL.sub("", key), group, text)
        if kind and not group.forced and not group.canonical:
            known = world_names.fold(key) in world_names.load().places
            kind = voted_kind(kind, document_votes(group, text, parse), known=known)  # "Orla, a bank,", "Lowe himself"
        if (kind is None and not group.kind and not no_entity(key) and not capitalized_only_opening(key, text)
                and acts_as_a_firm(key, group, text, parse)):
            kind = "organization"  # "Orvane unveiled a phone": the subject of a firm's act, of no other kind
        if kind == "organization" and counted_acronym(key, group, parse):
            kind = None  # "an MVP", "three RBIs", "500 DKK": a thing counted, no body
        if kind == "place" and acting_state_body(key, group, parse):
            kind = "organization"  # "the National Reserve raised rates": a body, though read as a place
        if (kind == "person" or (kind is None and group.kind == "person" and not no_entity(key))) and not group.forced \
                and named_with_the(key, group, text, parse):
            kind = "organization"  # "the Fed raised rates": no person's name takes "the"
        if kind == "person" and speaks_of_itself(group, text, parse):
            kind = "organization"  # "Lorne Ashby cut its forecast": a body, though read as a person
        if kind == "person" and not group.canonical and no_sign_of_a_person(key, group, text, parse):
            kind = "organization"  # "Tellacom reported higher profits": a coined word, no person's sign
        if kind:
            kinds[key] = kind
    _datelines_of_places(kinds, groups)
    _full_names_of_speakers(text, kinds, groups)
    _given_name_first(kinds, groups)
    _surname_read_as_body(text, kinds, groups, parse)
    # Letters after a name ("Ann Lowe, QC") or a seat ("the MP") name no body and no person.
    _drop_no_entities(kinds, groups)
    # A storm's name alone ("Ada" after "Hurricane Ada") names the storm too, not a person.
    storms = {" ".join(key.split()[1:]) for key in groups if key.split()[0] in STORMS and " " in key}
    for key in storms & set(kinds):
        if kinds[key] == "person" and not groups[key].forced:
            del kinds[key]
    _kinds_by_conjunction(text, kinds, groups, parse)
    _places_in_lists(text, kinds, groups)
    _kinds_by_acronym(kinds, groups)
    _drop_no_entities(kinds, groups)  # not even by "and": "Ann Lowe, QC, and"
    # "Acme Widgetco" where both words name entities on their own is two names side by side.
    gaz = gazetteer()
    for key in list(kinds):
        words = key.split()
        if (
            len(words) >= 2
            and not groups[key].kind
            and not groups[key].canonical
            and not any(w in gaz.org_words for w in words)
            and all(w in kinds for w in words)
        ):
            del kinds[key]
    for key in [k for k in kinds if _side_by_side(k, kinds, groups)]:
        del kinds[key]
    return kinds


def _datelines_of_places(kinds: dict[str, EntityKind], groups: dict[str, Group]) -> None:
    """A dateline's place in capitals ("LISKARD, England -") is a place whatever else the story
    names so: it stays apart from the team or body the text names the same way ("Liskard beat
    the visitors 2-0", read as an organization), and joins the name in usual case otherwise."""
    for key in [k for k, g in groups.items() if k.isupper() and any(c.dateline for c in g.cands)]:
        usual = next((k for k in groups if not k.isupper() and k.casefold() == key.casefold()), None)
        if usual is None or kinds.get(usual) == "organization":
            continue
        group, dateline = groups[usual], groups.pop(key)
        for surface, count in dateline.names.items():
            group.names[surface] = group.names.get(surface, 0) + count
        group.cands.extend(dateline.cands)
        group.aliases |= dateline.aliases
        if not group.canonical:
            group.kind, group.forced = "place", True
        kinds.pop(key, None)
        kinds[usual] = "place"


#: A verb of saying right after a name: "Valdoro replied", "Valdoro told reporters".
_SAYS_AFTER = re.compile(r"\s+(?:said|says|told|tells|replied|replies|added|argued|explained|wrote|writes|asked|insisted|"
                         r"noted|recalled|countered)\b")


def _full_names_of_speakers(text: str, kinds: dict[str, EntityKind], groups: dict[str, Group]) -> None:
    """A name of two or three capitalized words that nothing typed, whose last word alone speaks
    ("author Dinesh Valdoro ... Valdoro replied"), is a person's, and the word alone is the
    surname, not a body read so for its verb of saying: a body's name does not go by its last
    word, and no word of this one is a body's, a place's or a common word."""
    gaz = gazetteer()
    places = world_names.load().places
    for key, group in groups.items():
        words = key.split()
        lone = groups.get(words[-1])
        if (key in kinds or group.kind or group.forced or group.canonical or not 2 <= len(words) <= 3 or lone is None
                or lone.kind not in (None, "person") or lone.forced or lone.canonical
                or kinds.get(words[-1]) not in (None, "person", "organization")):
            continue
        if any(not w[:1].isupper() or w in gaz.org_words or w in gaz.stopwords or w in COMPANY_ENDINGS
               or w in PLACE_WORDS or common_word(w) or world_names.fold(w) in places for w in words):
            continue
        if any(text[max(0, c.start - 4) : c.start].casefold() == "the " for c in group.cands):
            continue  # "the Harbor Vantage": a body's or a thing's name takes "the"
        votes = document_votes(lone, text)
        if any(_SAYS_AFTER.match(text, c.end) for c in lone.cands) and not votes["body"] and not votes["organization"]:
            kinds[key] = "person"
            kinds.pop(words[-1], None)


def _surname_read_as_body(text: str, kinds: dict[str, EntityKind], groups: dict[str, Group], parse: Parse) -> None:
    """A word alone the pipeline read as a body that is the surname of a person the document
    names in full is that person's, unless the words around it say a body ("Lowe said its",
    "Lowe, which"): "Hillary Lowe ... Lowe's chief of staff" read as a body."""
    surnames = {surname_of(key) for key, kind in kinds.items() if kind == "person" and " " in key}
    for key, kind in list(kinds.items()):
        group = groups[key]
        if (kind != "organization" or group.kind != "organization" or " " in key or key not in surnames
                or group.forced or group.canonical or is_acronym(key) or key in gazetteer().org_words):
            continue
        votes = document_votes(group, text, parse)
        if not votes["body"] and not votes["organization"] and not speaks_of_itself(group, text, parse):
            kinds[key] = "person"


def _given_name_first(kinds: dict[str, EntityKind], groups: dict[str, Group]) -> None:
    """A body or a place of two words read as such that opens with a person's name the document
    uses alone, never as a surname, and ends with a surname of the world lists that the document
    does not use alone for a body or a place is a person:
    "I told Ann Lowe that ..." read as a body, where "Ann was surprised" is a person's."""
    gaz = gazetteer()
    lists = world_names.load()
    surnames_used = {key.split()[-1] for key, kind in kinds.items() if kind == "person" and " " in key}
    for key, kind in list(kinds.items()):
        words = key.split()
        group = groups[key]
        if (kind == "person" or len(words) != 2 or group.forced or group.canonical
                or kinds.get(words[0]) != "person" or words[0] in surnames_used
                or kinds.get(words[1]) in ("organization", "place") or world_names.fold(words[1]) not in lists.surnames
                or any(w in gaz.org_words or w in COMPANY_ENDINGS or w in PLACE_WORDS for w in words)):
            continue
        kinds[key] = "person"


def _side_by_side(key: str, kinds: dict[str, EntityKind], groups: dict[str, Group]) -> bool:
    """Two names the document also writes apart, read as one: "Lowe and Senate" (both named
    alone elsewhere, a person by the surname), "Acme Tessa" (a body or a person, then a place it acts in: "the Senate
    Tessa inquiry", "the Lowe White House")."""
    if groups[key].forced or groups[key].canonical:
        return False
    parts = key.split(" and ")
    if kinds[key] != "place" and len(parts) == 2 and all(p in kinds or kinds.get(p.split()[-1]) == "person" for p in parts):
        return True  # "Paul Lowe and Senate": the Senate and Lowe, each named alone too
    words = key.split()
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if (((kinds.get(right) == "place" and kinds.get(left) in ("person", "organization"))
             or (kinds.get(right) == "organization" and kinds.get(left) == "person" and " " in right))
                and words[cut - 1] not in ("of", "for", "and", "the")):
            return True  # "the Lowe White House", whether the White House is a place or acts as a body
    return False


def _drop_no_entities(kinds: dict[str, EntityKind], groups: dict[str, Group]) -> None:
    for key in [k for k in kinds if no_entity(k) and not groups[k].forced]:
        del kinds[key]


def _kinds_by_conjunction(text: str, kinds: dict[str, EntityKind], groups: dict[str, Group], parse: Parse) -> None:
    """A name joined by "and" or "or" to a name of known kind is of that kind: "the Post and Reuters";
    so is a word read as a place's that no list of places holds, joined to a body's name."""
    known_spans = sorted((c.start, c.end, key) for key in kinds for c in groups[key].cands)
    lists = world_names.load()
    for key, group in groups.items():
        if key not in kinds:
            kind = _conjoined_kind(text, key, group, known_spans, kinds, parse)
            if kind is not None:
                kinds[key] = kind
        elif (kinds[key] == "place" and group.kind == "place" and not group.forced and not group.canonical
              and " " not in key and not key.startswith(("North", "South", "East", "West"))  # "the Southwest"
              and world_names.fold(key) not in lists.places
              and _conjoined_kind(text, key, group, known_spans, kinds, parse) == "organization"):
            kinds[key] = "organization"  # "officials from Varnex and Orla Dynamics": a coined word, no place of the lists
        elif (((kinds[key] == "person" and _weak_person(text, group, parse)) or (
                kinds[key] == "place" and _weak_place(text, key, group)))
              and _listed_beside_a_body(text, group, known_spans, kinds)):
            kinds[key] = "organization"  # "bankers at JPMorgan Chase and Wells Fargo": no given name, no person's sign


def _weak_person(text: str, group: Group, parse: Parse) -> bool:
    """A name read as a person's with nothing else to show it: no line's shape or title gave it,
    it opens with no given name of the lists, and no word of the document says a person ("who",
    "herself", "said he")."""
    lists = world_names.load()
    return (not group.forced and not group.canonical and not any(c.title for c in group.cands)
            and not any(romanized_name(n.split()) for n in group.names)  # "Lau Siu-lai"
            and not any(world_names.fold(n.split()[0]) in lists.given or n.split()[0] in gazetteer().first_names
                        for n in group.names)
            and not document_votes(group, text, parse)["person"])


_LISTED_AFTER = re.compile(r",? (?:and|or) ")
_LISTED_BEFORE = re.compile(r"(?:,? (?:and|or)|,) $")


def _listed_beside_a_body(text: str, group: Group, known_spans: list[tuple[int, int, str]],
                          kinds: dict[str, EntityKind]) -> bool:
    """A body's name right before the name with "and" or "or" between ("JPMorgan Chase and
    Wells Fargo"), or right after it with "and" or "or" ("Wells Fargo and JPMorgan Chase"): a
    list of bodies. A comma alone after the name is an apposition as often ("Google, Sergey
    Vrin,"), and is no list."""
    starts = {s: (e, key) for s, e, key in known_spans}
    ends = {e: (s, key) for s, e, key in known_spans}
    for cand in group.cands:
        after = _LISTED_AFTER.match(text, cand.end)
        end, key = starts.get(after.end(), (0, "")) if after else (0, "")
        if kinds.get(key) == "organization" and not possessive_after(text, end):
            return True  # not "Ann Lowe and Orla's Tom Hale": the body names the next person's side
        if _list_of_bodies_after(text, cand.end, starts, kinds):
            return True  # "Harlow Sachs, Bank of Orla, Tellix, and ...": a list, not an apposition
        before = _LISTED_BEFORE.search(text, max(0, cand.start - 6), cand.start)
        start, key = ends.get(before.start(), (0, "")) if before and before.group(0).strip(", ") else (0, "")
        if kinds.get(key) == "organization" and not _OF_A_BODY.search(text, max(0, start - 40), start):
            return True  # not "Ann Lowe of the Orla Party and Tom Hale": the body is the person's before
    return False


_COMMA_BEFORE_BODY = re.compile(r", (?:the )?")
_LIST_GOES_ON = re.compile(r",? (?:and|or) |, [A-Z]")


def _list_of_bodies_after(text: str, end: int, starts: dict[int, tuple[int, str]],
                          kinds: dict[str, EntityKind]) -> bool:
    """A comma, a body's name and another comma or "and" right after a name: the name opens a
    list of bodies ("Harlow Sachs, Bank of Orla, Tellix and ..."); a comma, a body's name and
    nothing more is an apposition as often ("Ann Lowe, Orla's chief, said")."""
    after = _COMMA_BEFORE_BODY.match(text, end)
    body_end, key = starts.get(after.end(), (0, "")) if after else (0, "")
    return kinds.get(key) == "organization" and bool(_LIST_GOES_ON.match(text, body_end))


_OF_A_BODY = re.compile(r"(?<=\w )[A-Z][\w'’.-]*\s+(?:of|at|for|from)\s+(?:the\s+)?$")  # a name inside its sentence


def _weak_place(text: str, key: str, group: Group) -> bool:
    """A name of several words read as a place's with nothing else to show it: no list of places
    holds it whole, no word of it is a place's ("Street", "County"), no line's shape gave it and
    it never follows "in", "near" or "outside" ("Wells Fargo" beside "JPMorgan Chase")."""
    return (" " in key and not group.forced and not group.canonical
            and world_names.fold(key) not in world_names.load().places
            and not any(w in PLACE_WORDS for w in key.split())
            and not any(re.search(r"\b(?:in|near|outside|across|around|to)\s+(?:the\s+)?$", text[max(0, c.start - 12) : c.start])
                        for c in group.cands))


_CONJUNCTION = re.compile(r",|\b(?:and|or|nor)\b|&")


def _conjoined_kind(text: str, key: str, group: Group, known_spans: list[tuple[int, int, str]],
                    kinds: dict[str, EntityKind], parse: Parse) -> EntityKind | None:
    """The kind of a name another name is joined to by "and" or "or"."""
    for cand in group.cands:
        inside = parse.tokens_in(cand.start, cand.end)
        # the name's head: "JPMorgan" of "JPMorgan Chase", whose last word hangs on the first
        token = next((t for t in inside if not cand.start <= parse.tokens[t.head].start < cand.end or t.head == t.i),
                     parse.token_at(cand.end - 1))
        if token is None or title_after(text, cand.end):
            continue  # "Ann Lowe and House Speaker Tom Hale": "House" is no person
        # the name it is joined to: the one before it ("the Post and Reuters"), or, opening
        # the list, the one after it ("rivals such as Arvandia and Tsukada Electronics")
        heads = [parse.tokens[token.head]] if token.dep == "conj" else [
            c for c in parse.children(token) if c.dep == "conj" and c.i > token.i
            and any(g.dep == "cc" and g.text.casefold() in ("and", "or") for g in parse.children(c))][:1]
        for head in heads:
            at = bisect.bisect_right(known_spans, (head.start, len(text) + 1, "")) - 1
            gap = text[min(cand.end, known_spans[at][1]) : max(cand.start, known_spans[at][0])] if at >= 0 else ""
            if at >= 0 and known_spans[at][0] <= head.start < known_spans[at][1] and known_spans[at][2] != key and (
                    (token.dep == "conj" and _CONJUNCTION.search(gap))  # not a headline's "Ann Lowe Just Made History"
                    or text[cand.end : known_spans[at][0]] in (" and ", " or ", ", ")):
                return kinds[known_spans[at][2]]  # next to each other: not "Food Standards of X and Y"
    return None


_LIST_GAP = re.compile(r"(?:,| and|, and| or|, or) $")


def _places_in_lists(text: str, kinds: dict[str, EntityKind], groups: dict[str, Group]) -> None:
    """A place's name read as a person's in a list of places is a place: "Fife, Victoria and
    Angus" (a name of the world lists' places with no title, between two places)."""
    places = sorted((c.start, c.end) for key, kind in kinds.items() if kind == "place" for c in groups[key].cands)
    starts = [s for s, _ in places]
    ends = sorted(e for _, e in places)
    for key, kind in list(kinds.items()):
        group = groups[key]
        if (kind != "person" or group.forced or " " in key or any(c.title for c in group.cands)
                or world_names.fold(key) not in world_names.load().places):
            continue
        for cand in group.cands:
            before = bisect.bisect_right(ends, cand.start) - 1
            after = bisect.bisect_left(starts, cand.end)
            if (before >= 0 and after < len(starts)
                    and _LIST_GAP.fullmatch(text[ends[before] : cand.start])
                    and _LIST_GAP.fullmatch(text[cand.end : starts[after]])):
                kinds[key] = "place"
                break


def _kinds_by_acronym(kinds: dict[str, EntityKind], groups: dict[str, Group]) -> None:
    """An acronym spelled out elsewhere without parentheses: "HWA" and "Harbor Water Authority"."""
    spelled: dict[str, list[str]] = defaultdict(list)  # names of two words or more by initials
    for key in groups:
        if key not in kinds and len(key.split()) >= 2:
            spelled[initials(key)].append(key)
    for acronym in [k for k, kind in kinds.items() if kind == "organization" and is_acronym(k)]:
        for key in spelled[acronym.replace(".", "")]:
            if key not in kinds:
                kinds[key] = "organization"


def _members(text: str, kinds: dict[str, EntityKind], groups: dict[str, Group]) -> dict[str, set[str]]:
    """Each full name with the short forms joined to it: acronyms, surnames, "The Times"."""
    full = Longer(kinds, groups, text)
    merged: dict[str, str] = {}
    for key in list(kinds):
        target = full.full_form(key)
        if target and target != key:
            merged[key] = target
    # "the Justice Department" is "the Department of Justice", and so with any body's word.
    for key, kind in kinds.items():
        words = key.split()
        if kind == "organization" and 3 <= len(words) <= 4 and words[1] == "of" and words[0] in gazetteer().org_words:
            other = " ".join([*words[2:], words[0]])
            if kinds.get(other) == "organization" and other not in merged and merged.get(key) != other:
                merged[other] = key
    # Sentence-initial single words that are some person's surname, a company's name without its
    # trade ("runs Brixley" after "Brixley Health") or a body's first word clipped ("the Fed" after
    # "the Federal Reserve") are accepted too.
    for key in groups:
        if key not in kinds and key not in merged:
            target = (full.full_form(key, surnames_only=True) or next(iter(full.company_of(key)), None)
                      or full.clipped_of(key))
            if target:
                merged[key] = target

    def root(key: str) -> str:
        seen = set()
        while key in merged and key not in seen:
            seen.add(key)
            key = merged[key]
        return key

    # A surname two or more people of the text end with joins none of them here: it becomes a
    # person of its own, whose mentions go one by one to the person each names.
    for key in [k for k, target in merged.items() if " " not in k and kinds.get(target) == "person"]:
        if len({root(other) for other in full.surname.get(key, ()) if " " in other}) >= 2:
            del merged[key]
            kinds.setdefault(key, "person")

    members: dict[str, set[str]] = defaultdict(set)
    for key in list(kinds) + list(merged):
        members[root(key)].add(key)
    return members


def _named(
    text: str, kinds: dict[str, EntityKind], groups: dict[str, Group], members: dict[str, set[str]]
) -> list[_Named]:
    """Each entity's canonical name and the forms its mentions are searched by."""
    results: list[_Named] = []
    for key, keys in members.items():
        if key not in kinds:
            continue
        forms: set[str] = set()
        aliases: set[str] = set()
        titled: set[str] = set()
        for member in keys:
            forms |= set(groups[member].names)
            aliases |= groups[member].aliases
            titled |= groups[member].titled
        canonical = groups[key].canonical or max(forms, key=lambda f: (len(f), f))
        if canonical.isupper() and not key.isupper() and key.casefold() == canonical.casefold():
            canonical = key  # "MARTA VELKOVA" named in usual case from the surname the text writes
        forms |= aliases
        if kinds[key] == "place" or groups[key].canonical:
            known_forms = gazetteer_forms().get(canonical, frozenset())
            forms |= {
                f for f in known_forms if f in text and pattern(rf"(?<!\w){re.escape(f)}(?!\w)").search(text)
            }
            aliases |= {canonical}
        usual = next((k for k in groups if not k.isupper() and k.casefold() == canonical.casefold()), None)
        if canonical.isupper() and usual and any(c.dateline for c in groups[key].cands):
            canonical = usual  # "LISKARD" of a dateline, apart from the team of the name, "Liskard", and named so
        # A person's titled forms are aliases only, never searched as mentions: the bare name's
        # mentions already cover them.
        results.append((key, kinds[key], canonical, forms | aliases, titled if kinds[key] == "person" else set()))
    return results


def _entities(doc: Document, results: list[_Named], masked: Intervals[None]) -> list[Entity]:
    """The entities of the names mentioned outside ``masked`` furniture, with their aliases."""
    mentions = find_mentions(doc, [forms for _, _, _, forms, _ in results], masked)
    # Two groups can end with one name of one kind (one of them cut or re-read to it): they are
    # one entity, with the mentions and aliases of both.
    found: dict[str, tuple[EntityKind, str, set[str], dict[tuple[int, int], Span]]] = {}
    for (_key, kind, canonical, forms, titled), spans in zip(results, mentions, strict=True):
        if not spans:
            continue
        canonical = " ".join(canonical.split())  # a name wrapped over two lines
        names = {" ".join(f.split()) for f in forms | titled} | short_forms(canonical, kind)
        _, _, aliases, by_place = found.setdefault(Entity.id_for(kind, canonical), (kind, canonical, set(), {}))
        aliases |= names
        by_place.update(((m.start, m.end), m) for m in spans)
    entities: list[Entity] = []
    for entity_id, (kind, canonical, aliases, by_place) in found.items():
        alias_names = sorted(aliases - {canonical}, key=lambda a: (-len(a), a))
        entities.append(
            Entity(
                id=entity_id,
                kind=kind,
                name=canonical,
                aliases=tuple(a for a in alias_names if a.casefold() != canonical.casefold()),
                mentions=tuple(by_place[k] for k in sorted(by_place)),
            )
        )
    return entities
