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

>>> from timeline_graph.model import Document
>>> text = "The City Water Department (CWD) hired Detective Ann Lowe. Lowe said CWD was slow."
>>> doc = Document.create(sha256="b" * 64, text=text, source="x.txt")
>>> [(e.kind, e.name, e.aliases) for e in find_entities(doc)]
[('organization', 'City Water Department', ('CWD',)), ('person', 'Ann Lowe', ('Detective Ann Lowe', 'Lowe'))]
"""

from __future__ import annotations

import bisect
import functools
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources

import yaml

from .. import nlp
from ..model import Document, Entity, EntityKind, Role, Span
from ..nlp import Parse, Token
from ..nlp import gazetteer as world_names
from ..nlp.typer import common_word
from .text import (
    LOWER,
    UPPER,
    Intervals,
    is_title_like,
    lines,
    quotes,
    reference_entries,
)

__all__ = ["VERSION", "Gazetteer", "find_entities", "furniture_ranges", "gazetteer"]

VERSION = "entities-0.9.0"


@dataclass(frozen=True)
class Gazetteer:
    """The word lists of ``data/gazetteer.yaml``, as sets and alias maps."""

    stopwords: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    seasons: frozenset[str]
    org_words: frozenset[str]
    connectors: frozenset[str]
    non_entity_acronyms: frozenset[str]
    honorifics: frozenset[str]
    person_titles: frozenset[str]
    product_nouns: frozenset[str]
    org_context_nouns: frozenset[str]
    place_context_nouns: frozenset[str]
    furniture: tuple[re.Pattern[str], ...]
    outlets: dict[str, str]  # any form -> canonical name
    places: dict[str, str]  # any form -> canonical name
    first_names: frozenset[str]

    def is_time_word(self, word: str) -> bool:
        """Month, weekday or season names."""
        return word in self.months or word in self.weekdays or word in self.seasons


def _alias_map(entries: Iterable[dict[str, list[str]]]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for entry in entries:
        for canonical, aliases in entry.items():
            mapping[canonical] = canonical
            for alias in aliases or ():
                mapping.setdefault(str(alias), canonical)
    return mapping


@functools.cache
def gazetteer() -> Gazetteer:
    """Load the bundled word lists once."""
    raw = yaml.safe_load(
        (resources.files("timeline_graph") / "data" / "gazetteer.yaml").read_text("utf-8")
    )

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in raw[key])

    return Gazetteer(
        stopwords=words("stopwords"),
        months=words("months"),
        weekdays=words("weekdays"),
        seasons=words("seasons"),
        org_words=words("org_words"),
        connectors=words("connectors"),
        non_entity_acronyms=words("non_entity_acronyms"),
        honorifics=words("honorifics"),
        person_titles=words("person_titles"),
        product_nouns=words("product_nouns"),
        org_context_nouns=words("org_context_nouns"),
        place_context_nouns=words("place_context_nouns"),
        furniture=tuple(re.compile(p, re.MULTILINE) for p in raw["furniture"]),
        outlets=_alias_map(raw["news_outlets"]),
        places=_alias_map(raw["places"]),
        first_names=words("first_names"),
    )


# ---------------------------------------------------------------------------------------------
# Masks


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of page furniture: navigation, share buttons, photo credits, comment boxes."""
    found: list[tuple[int, int]] = []
    for line_start, line_end in lines(text):
        line = text[line_start:line_end]
        for pattern in gazetteer().furniture:
            for match in pattern.finditer(line):
                if match.end() > match.start():
                    found.append((line_start + match.start(), line_start + match.end()))
    return found


def _inside(ranges: Intervals[None], start: int, end: int) -> bool:
    return ranges.overlaps(start, end)


# ---------------------------------------------------------------------------------------------
# Candidates

_DEMONYM = re.compile(r"(?:ans?|ese|ish)$")
_TOKEN = re.compile(rf"(?:[{UPPER}]\.){{2,}}|&|[^\W_]+(?:['’][^\W\d_]+)*")
_ACRONYM = re.compile(rf"(?:[{UPPER}]\.){{2,}}|[{UPPER}][{UPPER}&]{{1,7}}s?")
_POSSESSIVE = ("'s", "’s")
_ADDRESS = re.compile(r"@|://|\bwww\.", re.IGNORECASE)


@dataclass
class _Candidate:
    start: int
    end: int
    initial: bool  # sentence-initial, so capitalization says nothing
    kind: EntityKind | None = None  # forced by a pattern (byline, reference author)
    title: tuple[int, int] | None = None  # a title word right before the name
    alias: tuple[int, int] | None = None  # "(ACR)" right after the name
    role: tuple[str, int, int, tuple[int, int] | None] | None = None  # title, span, affiliation
    weak: bool = False  # a capitalized run the pipeline did not call a name
    forced: bool = False  # kind given by a pattern (byline, credit, reference), not the pipeline

    def name(self, text: str) -> str:
        return text[self.start : self.end]


def _tokens(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, possessive) of each word token in text[start:end]."""
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        word = text[s:e]
        if word.endswith(_POSSESSIVE) and len(word) > 2:
            yield s, e - 2, True
        elif word.endswith(("s'", "s’")) and len(word) > 2 and word[0].isupper():
            yield s, e - 1, True
        else:
            yield s, e, False


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _possessive_after(text: str, end: int) -> bool:
    return text[end : end + 2] in _POSSESSIVE or text[end - 1 : end + 1] in ("s'", "s’")


def _runs(text: str, start: int, end: int) -> Iterator[list[tuple[int, int]]]:
    """Runs of capitalized tokens joined by single spaces, hyphens or connectors."""
    gaz = gazetteer()
    run: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # connectors waiting for a capitalized word
    for s, e, possessive in _tokens(text, start, end):
        word = text[s:e]
        last = pending[-1] if pending else (run[-1] if run else None)
        joined = last is not None and text[last[1] : s] in (" ", "-", "\n")  # wrapped lines too
        if _is_cap(word) and not word.isdigit():
            if run and joined:
                run.extend(pending)
                run.append((s, e))
            else:
                if run:
                    yield run
                run = [(s, e)]
            pending = []
        elif run and joined and word in gaz.connectors and len(pending) < 2:
            pending.append((s, e))
            continue
        else:
            if run:
                yield run
            run, pending = [], []
        if possessive and run:
            yield run
            run, pending = [], []
    if run:
        yield run


def _initial_at(text: str, sentence_start: int, at: int) -> bool:
    before = text[sentence_start:at]
    if not before.strip(" \"“‘'([—–-"):
        return True
    return before.rstrip().endswith((":", "—", "–"))


#: Last words of titles of office or trade written before a name ("Majority Leader", "State
#: Treasurer", "Managing Editor", "Pastor"), beside the gazetteer's titles.
_TITLE_HEADS = frozenset({
    "Leader", "Treasurer", "Editor", "Journalist", "Pastor", "Pastors", "Spokesman", "Spokeswoman", "Speaker",
    "Whip", "Comptroller", "Auditor", "Anchor", "Strategist", "Pollster", "Adviser", "Advisor", "Nominee",
    "Candidate", "Chaplain", "Archbishop", "Imam", "Coach", "Manager", "Producer", "Columnist", "Correspondent",
})


#: Words that open a title rather than end a name before it ("Majority Leader", "Managing Editor").
_TITLE_MODIFIERS = frozenset({"Majority", "Minority", "Assistant", "Deputy", "Managing", "Executive", "Senior",
                              "Former", "Acting", "Interim", "Democratic", "Republican", "General"})


def _title_after(text: str, end: int) -> bool:
    """A title of office follows: "House| Speaker Tom Hale"."""
    match = re.match(r"\s([A-Z][a-z]+)\b", text[end : end + 20])
    return match is not None and (match.group(1) in gazetteer().person_titles or match.group(1) in _TITLE_HEADS)


def _split(
    text: str, run: list[tuple[int, int]], *, keep_stopwords: bool = False
) -> Iterator[tuple[list[tuple[int, int]], tuple[int, int] | None, bool]]:
    """Split a run at stopwords, time words and titles: (tokens, title before, had a stopword).

    With ``keep_stopwords`` (a name the pipeline found: "New South Wales") stopwords stay in.
    """
    gaz = gazetteer()
    part: list[tuple[int, int]] = []
    title: tuple[int, int] | None = None
    stopped = False
    skip = 0
    known = _known_names()
    for index, (s, e) in enumerate(run):
        word = text[s:e]
        if skip:
            skip -= 1
            continue
        if index + 1 < len(run) and f"{word} {text[run[index + 1][0] : run[index + 1][1]]}" in gaz.person_titles:
            # "Vice President Ann Lowe", "the Vice President's": a title of two words
            if part:
                yield part, title, stopped
            part, title = [], (s, run[index + 1][1])
            skip = 1
            continue
        if (
            word in gaz.person_titles
            or (word in _TITLE_HEADS and index + 1 < len(run))  # "Majority Leader Ann Lowe"
            or (text[e : e + 1] == "." and word + "." in gaz.person_titles)  # "Sen." and "Rep." as written
            or word.rstrip(".") in gaz.honorifics
            or word in gaz.honorifics
        ):
            while part and text[part[-1][0] : part[-1][1]] in _TITLE_MODIFIERS:
                part = part[:-1]  # "Senate Majority Leader": the Senate
            if part:
                yield part, title, stopped
            part, title = [], (s, e)
            # "Secretary of State Ann Lowe": the title's own "of State" is no part of the name
            if index + 2 < len(run) and text[run[index + 1][0] : run[index + 1][1]] == "of":
                skip = 2
            continue
        if word in gaz.stopwords and (keep_stopwords or any(text.startswith(name, s) for name in known.get(word, ()))):
            part.append((s, e))  # "New" of "New Zealand" and "The" of "The Hague" are the name's
            continue
        if word in gaz.stopwords or gaz.is_time_word(word) or word in gaz.non_entity_acronyms:
            if part:
                yield part, title, stopped
            part, title, stopped = [], None, True
            continue
        part.append((s, e))
    if part:
        yield part, title, stopped


@functools.cache
def _known_names() -> dict[str, tuple[str, ...]]:
    """Gazetteer places and outlets by their first word, for names that open with a stopword."""
    gaz = gazetteer()
    found: dict[str, list[str]] = defaultdict(list)
    for name in (*gaz.places, *gaz.outlets):
        if " " in name:
            found[name.split()[0]].append(name + " ")
            found[name.split()[0]].append(name)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in found.items()}


def _trim_connectors(text: str, part: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Drop edge connectors; split at inner connectors unless the name is an organization's."""
    gaz = gazetteer()
    part = _strip_edge_connectors(text, part)
    if not part:
        return []
    words = [text[s:e] for s, e in part]
    # "Acme Post and Reuters": an "and" after a complete name, or before a known one, is a list.
    for index, word in enumerate(words):
        if word in {"and", "&"} and 0 < index < len(words) - 1:
            right = " ".join(words[index + 1 :])
            if words[index - 1] in gaz.org_words or right in gaz.outlets or right in gaz.places:
                return _trim_connectors(text, part[:index]) + _trim_connectors(
                    text, part[index + 1 :]
                )
    if any(w in gaz.connectors for w in words) and not any(w in gaz.org_words for w in words):
        pieces: list[list[tuple[int, int]]] = [[]]
        for token, word in zip(part, words, strict=True):
            if word in gaz.connectors:
                pieces.append([])
            else:
                pieces[-1].append(token)
        return [p for p in pieces if p]
    return [part]


def _skip_zones(text: str) -> list[tuple[int, int]]:
    """Headline-like lines and quoted titles: no new names are taken from them."""
    zones = [
        (s, e)
        for s, e in lines(text)
        if is_title_like(text[s:e]) and not text[s:e].rstrip().endswith(".")
    ]
    zones += [(s, e) for s, e in quotes(text) if is_title_like(text[s:e])]
    return zones


#: Last words that make a name a place's ("Castle Road", "Pine Lake").
_PLACE_WORDS = frozenset(
    ["Road", "Street", "Avenue", "Boulevard", "Lane", "Drive", "Way", "Square", "Park", "Bridge", "River", "Lake", "Mountain", "Mountains", "Island", "Islands", "Bay", "Beach", "Valley", "County", "Province", "Airport", "Station", "Harbor", "Harbour", "Canyon", "Forest"]
)

#: Initials before a surname: "R Okonjo", "T. S. Marlow", "J.K. Rowan".
_INITIAL_SURNAME = re.compile(r"(?:[A-Z]\.? ?){1,2} ?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?")

#: Letters written after a person's name: ranks, honours, degrees, seats ("Ann Lowe QC", "MP").
_POSTNOMINALS = frozenset({"QC", "KC", "SC", "MP", "MPs", "MEP", "MEPs", "MLA", "MSP", "MBE", "OBE", "CBE", "KBE",
                           "DBE", "PhD", "MD", "RN", "DDS", "CPA", "JP"})

#: First words that make a name a place's ("Mount Ardent", "Municipality of Orla").
_PLACE_OPENERS = frozenset(["Mount", "Mt.", "Lake", "Cape", "Fort", "Isle", "Gulf", "Municipality", "Province",
                            "Prefecture", "Canton", "Republic", "Kingdom", "Mountains", "Glacier", "Desert"])
#: First words of storms' names: an event's, not a person's ("Hurricane Ada").
_STORMS = frozenset(["Hurricane", "Typhoon", "Cyclone", "Tropical", "Storm", "Superstorm", "Tornado"])

#: The pipeline's entity labels and the kinds they give.
_NER_KINDS: dict[str, EntityKind] = {
    "PERSON": "person", "PER": "person",
    "ORG": "organization",
    "PLACE": "place", "GPE": "place", "LOC": "place", "FAC": "place",
    "PRODUCT": "product",
}


def _proper_word(token: Token, opening: int, kind: str) -> bool:
    """A word of a name: a proper noun with a letter in it; or, for a place, a capitalized word
    of the world's place names that does not open its sentence (``opening``), which the tagger
    may have read as a common noun on news unlike its training data ("reached Toledo on Sunday")."""
    if not any(ch.isalpha() for ch in token.text):
        return False
    if token.pos == "PROPN":
        return True
    return (kind == "place" and token.start != opening and token.text[:1].isupper()
            and world_names.fold(token.text) in world_names.load().places)


def _candidates(text: str, masked: Intervals[None], parse: Parse) -> list[_Candidate]:
    """Names the pipeline found (with their kind), then capitalized runs of the parse's sentences.

    The runs carry no kind: only strong evidence (see :func:`_classify`) makes them entities.
    """
    found: list[_Candidate] = []
    skip = Intervals((s, e, None) for s, e in _skip_zones(text))
    for ent in parse.entities:
        kind = _NER_KINDS.get(ent.label)
        if kind is None or _inside(masked, ent.start, ent.end) or _inside(skip, ent.start, ent.end):
            continue
        words = parse.tokens[ent.first : ent.last]
        sentence = parse.sentence_of(ent.start)
        opening = sentence.start if sentence is not None else -1
        if not any(_proper_word(t, opening, kind) for t in words):
            continue  # "Pregnant" opening a sentence, "8" read as a proper noun: no name
        if _ADDRESS.search(text, ent.start, ent.end):
            continue  # an e-mail or web address is a way to reach a name, not one
        if (
            ent.last - ent.first == 1
            and words[0].text in gazetteer().org_words
            and sentence is not None
            and _initial_at(text, sentence.start, ent.start)
        ):
            continue  # "Council members voted": a bare organization word opening a sentence names nothing
        tokens = [(s, e) for s, e, _possessive in _tokens(text, ent.start, ent.end)]
        if (
            (not tokens or text[tokens[0][0] : tokens[0][1]] != "The")
            and text[max(0, ent.start - 4) : ent.start] == "The "
            and sentence is not None
            and not _initial_at(text, sentence.start, ent.start - 4)
        ):
            # A capitalized "The" inside a sentence is part of the name: "told The Verge".
            tokens = [(ent.start - 4, ent.start - 1), *tokens]
        elif tokens and (
            text[tokens[0][0] : tokens[0][1]] in {"the", "A", "An"}
            or (text[tokens[0][0] : tokens[0][1]] == "The" and (
                sentence is None or _initial_at(text, sentence.start, tokens[0][0])))
        ):
            tokens = tokens[1:]  # "the Harbor Board": the article is no part of the name
        if kind == "person":
            tokens = _without_home_place(text, tokens)
        split = _person_of(text, tokens) if kind in ("person", "organization") else None
        if split:  # "Ann Lowe of Acme Capital Group": a person, then the body she is of (a kind to be found)
            tokens, rest = split
            kind = "person"
            found.append(_Candidate(rest[0][0], rest[-1][1], False, weak=True))
        parts = [(part, title) for segment in _lower_cut(text, tokens)
                 for part, title, _ in _split(text, segment, keep_stopwords=True)]
        if tokens and _lower_word(text[tokens[-1][0] : tokens[-1][1]]):
            parts.append(([], None))  # "Vermont senator": the name before a common noun is no person's
        # Titles, time words and words such as "CEO" cut the span: "Acme CEO Ann Lowe" names Ann
        # Lowe (the pipeline's kind) and Acme (a kind to be found like any capitalized run's).
        for index, (part, title) in enumerate(parts):
            piece = _without_group(text, parse, _strip_edge_connectors(text, part))
            if not piece:
                continue
            last = index == len(parts) - 1
            # After a title a name is a person's: "Senate Minority Leader Ann Lowe", one span to the pipeline
            titled = title is not None and index > 0 and not any(text[s:e] in gazetteer().org_words for s, e in piece)
            piece_kind = ("person" if titled else kind) if last else None
            cand = _Candidate(piece[0][0], piece[-1][1], False, kind=piece_kind, title=title, weak=not last)
            found.append(_with_alias(text, cand))
    for sent_start, sent_end in parse.sentence_bounds():
        for run in _runs(text, sent_start, sent_end):
            for part, title, _stopped in _split(text, run):
                for piece, person in _run_pieces(text, part):
                    piece = _without_group(text, parse, piece, tagged=False)
                    if not piece:
                        continue
                    start, end = piece[0][0], piece[-1][1]
                    if _inside(masked, start, end) or _inside(skip, start, end):
                        continue
                    # "The X" at a sentence start is a name; "While X" says nothing.
                    determiner = text[run[0][0] : run[0][1]] in {"The", "A", "An"}
                    initial = (
                        title is None
                        and not determiner
                        and not _possessive_after(text, end)  # "Acme's plan" opens with a name
                        and _initial_at(text, sent_start, run[0][0])
                    )
                    if text[max(0, start - 4) : start] == "The " and not _initial_at(text, sent_start, start - 4):
                        start -= 4  # a capitalized "The" inside a sentence is the name's: "told The Verge"
                    found.append(_with_alias(text, _Candidate(start, end, initial, title=title, weak=True,
                                                              kind="person" if person else None)))
    found.extend(_pattern_candidates(text, masked))
    return found


#: Small words that may stand in lower case inside a name ("Ibn", "da", "bin"), beside the connectors.
_NAME_PARTICLES = frozenset({"the", "upon", "bin", "ibn", "bint", "da", "di", "dos", "das", "des", "le", "y", "e", "van", "den",
                             "ter", "el", "au", "aux"})


def _lower_word(word: str) -> bool:
    """A word in lower case that is no connector of names: "nominee" in "party nominee Ann Lowe"."""
    return word.isalpha() and word.islower() and word not in gazetteer().connectors and word not in _NAME_PARTICLES


def _lower_cut(text: str, tokens: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The pieces of a name the pipeline found, cut at words in lower case: a name is written
    capitalized, so "presumptive party nominee Ann Lowe" (the tagger reading "nominee" as a
    proper noun) names Ann Lowe, and "en masse" names nothing."""
    pieces: list[list[tuple[int, int]]] = [[]]
    for s, e in tokens:
        if _lower_word(text[s:e]):
            pieces.append([])
        else:
            pieces[-1].append((s, e))
    return [p for p in pieces if any(ch.isupper() for s, e in p for ch in text[s:e])]


#: Plural endings of words for members of a people, party or body ("Americans", "Democrats",
#: "Latinos", "Senators"), unlike plural place names ("Wales", "Athens").
_MEMBERS = re.compile(r"(?:an|ese|ino|ina|crat|ist|ite|or|im|ab)s$")


def _without_group(
    text: str, parse: Parse, piece: list[tuple[int, int]], *, tagged: bool = True
) -> list[tuple[int, int]]:
    if len(piece) == 1:
        token = parse.token_at(piece[0][0])
        word = text[piece[0][0] : piece[0][1]]
        if (token is not None and token.pos == "ADJ" and token.start == piece[0][0] and token.end == piece[0][1]
                and not word.isupper() and world_names.fold(word) not in world_names.load().places
                and not re.search(rf"[{UPPER}][\w.’'-]* {re.escape(word)}\b", text)):  # "Mark Cuban"
            return []  # "Republican", "Israeli", "French": a word that says of what party or people, no name
    """A name without the group of people it ends with: "Cubans", "Iowa Democrats" name no one
    entity, and "Ann Lowe and Democrats" names Ann Lowe."""
    last = parse.token_at(piece[-1][0]) if piece else None
    if last is None or not _plural_group(text[piece[0][0] : piece[-1][1]], last, tagged=tagged):
        return piece
    ands = [i for i, (s, e) in enumerate(piece) if text[s:e] in ("and", "&")]
    return _strip_edge_connectors(text, piece[: ands[-1]]) if ands else []


def _plural_group(name: str, last: Token, *, tagged: bool = True) -> bool:
    """A name of many people, not of one entity: "Democrats", "Iowa Republicans", "Cuban
    Americans" (a last word for members of a people, party or body; or a lone word tagged as a
    plural proper noun). "Athens" and "United States" are places, "Evans" and "Ted Peters" people,
    "House of Representatives" one body."""
    gaz = gazetteer()
    lists = world_names.load()
    word = last.text
    if world_names.fold(name) in lists.places or name in gaz.places or " of " in name:
        return False
    if word in gaz.org_words or word in _PLACE_WORDS:
        return False
    if world_names.fold(word) in lists.surnames:
        return False  # "Ms. Hendricks", "Ted Peters"
    return (tagged and " " not in name and last.tag == "NNPS") or _MEMBERS.search(word) is not None


def _run_pieces(text: str, part: list[tuple[int, int]]) -> list[tuple[list[tuple[int, int]], bool]]:
    """The names of a capitalized run (see :func:`_trim_connectors`), each with whether it is a
    person's name that ran on into what the person is "of" (:func:`_person_of`)."""
    split = _person_of(text, part)
    if split:
        return [(split[0], True), *_run_pieces(text, split[1])]
    pieces = _trim_connectors(text, part)
    if len(pieces) == 1 and pieces[0] == part:
        return [(part, False)]
    return [found for piece in pieces for found in _run_pieces(text, piece)]


def _person_of(
    text: str, tokens: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """A person's name and the name of what she is "of", when a name runs on into another: "Ann
    Lowe of Acme Capital Group" (two or three words opening with a given name, then "of"; "Earl of
    Clare" and "Bank of Ohio" open with no given name)."""
    gaz = gazetteer()
    words = [text[s:e] for s, e in tokens]
    if "of" not in words:
        return None
    at = words.index("of")
    before, after = words[:at], words[at + 1 :]
    if not 2 <= len(before) <= 3 or not after or not all(_is_cap(w) for w in before + after[-1:]):
        return None
    first = before[0]
    if first in gaz.org_words or not (first in gaz.first_names or world_names.fold(first) in world_names.load().given):
        return None
    if any(w in gaz.org_words or w in gaz.person_titles for w in before):
        return None
    return tokens[:at], _strip_edge_connectors(text, tokens[at + 1 :])


def _without_home_place(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A person's name without the place it is "of": "Ann Lowe of Ohio" names Ann Lowe (a place
    known to the gazetteers, so that "Earl of Clare" keeps its title's words)."""
    for index, (s, e) in enumerate(tokens[1:-1], start=1):
        if text[s:e] == "of":
            place = text[tokens[index + 1][0] : tokens[-1][1]]
            if place in gazetteer().places or world_names.fold(place) in world_names.load().places:
                return tokens[:index]
    return tokens


def _strip_edge_connectors(text: str, part: list[tuple[int, int]]) -> list[tuple[int, int]]:
    gaz = gazetteer()
    while part and text[part[0][0] : part[0][1]] in gaz.connectors:
        part = part[1:]
    while part and text[part[-1][0] : part[-1][1]] in gaz.connectors:
        part = part[:-1]
    return part


def _with_alias(text: str, cand: _Candidate) -> _Candidate:
    """Note an acronym given in parentheses right after the name: "Water Board (WB)"."""
    paren = re.match(rf"\s*\(((?:[{UPPER}]\.){{2,}}|[{UPPER}][{UPPER}{LOWER}&]{{1,9}})\)(?!\s*(?:[—–]|--?\s))",
                     text[cand.end : cand.end + 20])
    if paren:  # not "NEW YORK (AP) —", a dateline's agency
        cand.alias = (cand.end + paren.start(1), cand.end + paren.end(1))
    return cand


_NAME = rf"[{UPPER}][\w'’.-]+(?: [{UPPER}][\w'’.-]+){{1,3}}"
_BYLINE = re.compile(rf"^[Bb]y (?P<name>{_NAME}|[{UPPER}][{LOWER}]+)\s*$", re.MULTILINE)
_LABELLED = re.compile(
    rf"^(?P<title>[{UPPER}][{UPPER}{LOWER}]+(?: [{UPPER}{LOWER}]+){{0,3}}): (?P<name>{_NAME})(?: \((?P<org>[^)\n]+)\))?\s*$",
    re.MULTILINE,
)


#: A dateline opening a story's first line: "WASHINGTON —", "BATON ROUGE, La. (AP) --".
_DATELINE = re.compile(rf"^(?P<place>[{UPPER}][{UPPER}.'’-]+(?: [{UPPER}][{UPPER}.'’-]+){{0,3}})"
                       rf"(?:, (?P<region>[{UPPER}][\w.]+(?: [{UPPER}][\w.]+)?))?(?: \((?P<agency>[^)\n]{{1,30}})\))? ?(?:[—–]|--?\s)",
                       re.MULTILINE)
_PLACE_POLICE = re.compile(rf"\b(?P<place>[{UPPER}][\w.’'-]*(?: [{UPPER}][\w.’'-]*){{0,3}}) police\b")


def _pattern_candidates(text: str, masked: Intervals[None]) -> list[_Candidate]:
    """Names that a line's shape says are people: bylines, labelled credits, reference authors;
    and the police of a place ("Harbor City police"), an organization."""
    found: list[_Candidate] = []
    gaz = gazetteer()
    for match in _PLACE_POLICE.finditer(text):
        place = match.group("place")
        words = place.split()
        while words and (words[0] in gaz.stopwords or gaz.is_time_word(words[0])):
            words = words[1:]
        if (
            not words
            or ". " in place
            or _inside(masked, match.start(), match.end())
            # "US police departments" counts many forces, it names none
            or re.match(r"\s+(?:departments|agencies|forces|chiefs|unions)\b", text[match.end() : match.end() + 14])
        ):
            continue
        start = match.end("place") - len(" ".join(words))
        if text[start : match.end("place")] == " ".join(words):
            found.append(_Candidate(start, match.end(), False, kind="organization", forced=True))
    for match in _DATELINE.finditer(text):
        s, e = match.span("place")
        known = world_names.fold(text[s:e]) in world_names.load().places or text[s:e].title() in gaz.places
        # A heading in capitals before a dash ("NOW OPEN —") is no dateline: a known place, or
        # one followed by its state or its agency ("STATE COLLEGE, Pa.", "(AP)"), is.
        if not _inside(masked, s, e) and len(text[s:e]) > 2 and (known or match.group("region") or match.group("agency")):
            found.append(_Candidate(s, e, False, kind="place", forced=True))
            if match.group("region"):  # "La.", "Calif.", "Ohio": the state or country after the city
                s, e = match.span("region")
                found.append(_Candidate(s, e - text[s:e].endswith("."), False, kind="place", forced=True))
    for match in _BYLINE.finditer(text):
        s, e = match.span("name")
        if not _inside(masked, s, e):
            found.append(_Candidate(s, e, False, kind="person", forced=True))
    for match in _LABELLED.finditer(text):
        s, e = match.span("name")
        if _inside(masked, s, e):
            continue
        org = match.span("org") if match.group("org") else None
        if org:
            found.append(_Candidate(org[0], org[1], False, kind="organization", forced=True))
        role = (match.group("title"), match.start("title"), e, org)
        found.append(_Candidate(s, e, False, kind="person", role=role, forced=True))
    for entry in reference_entries(text):
        for s, e in entry.authors:
            if re.fullmatch(_NAME, text[s:e]):
                found.append(_Candidate(s, e, False, kind="person", forced=True))
        s, e = entry.outlet
        found.append(
            _Candidate(
                s + 4
                if text[s:e].startswith("The ") and text[s + 4 : e] in gazetteer().outlets
                else s,
                e,
                False,
                kind="organization",
                forced=True,
            )
        )
    return found


# ---------------------------------------------------------------------------------------------
# Classification


@dataclass
class _Group:
    """All candidates that name one entity."""

    names: dict[str, int] = field(default_factory=dict)  # surface name -> count
    kind: EntityKind | None = None
    forced: bool = False  # the kind came from a line's shape, not the pipeline
    canonical: str | None = None  # forced by a gazetteer
    aliases: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # the name with the title the text puts before it
    cands: list[_Candidate] = field(default_factory=list)


def _titled_form(text: str, cand: _Candidate) -> str | None:
    """The name with the capitalized title written right before it ("Senator Baker", "Dr. Ann
    Lowe", "Vice President Ann Lowe"): how the text names the person, kept as an alias."""
    if cand.title is None:
        return None
    start, end = cand.title
    if not text[start : start + 1].isupper() or not re.fullmatch(r"\.? ", text[end : cand.start]):
        return None
    gaz = gazetteer()
    # A title of two words ("Vice President", "Attorney General"): the capitalized word before it.
    before = re.search(r"([A-Z][a-z]+) $", text[max(0, start - 20) : start])
    if before and f"{before.group(1)} {text[start:end]}" in gaz.person_titles:
        start -= len(before.group(0))
    return " ".join(text[start : cand.end].split())


def _is_acronym(name: str) -> bool:
    return _ACRONYM.fullmatch(name) is not None and sum(c.isupper() for c in name) >= 2


def _after_word(text: str, end: int) -> str:
    match = re.match(rf"['’]?s?\s+([{LOWER}][{LOWER}-]*)", text[end : end + 30])
    return match.group(1) if match else ""


@functools.cache
def _evidence_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A product noun before a name ("the app called"), a title after it (", the city's mayor")."""
    gaz = gazetteer()
    nouns = "|".join(sorted(gaz.product_nouns))
    titles = "|".join(re.escape(t) for t in sorted(gaz.person_titles) if t.islower())
    return (re.compile(rf"\b(?:{nouns})\b,?\s+(?P<called>called\s+|named\s+|dubbed\s+)?$"),
            re.compile(rf",\s+(?:a|an|the)\s+(?:[{LOWER}-]+\s+){{0,4}}(?:{titles})\b"))


@functools.cache
def _gazetteer_forms() -> dict[str, frozenset[str]]:
    """Every form the gazetteer gives a canonical place or outlet name (an outlet's form wins)."""
    forms: dict[str, set[str]] = defaultdict(set)
    gaz = gazetteer()
    for form, canonical in {**gaz.places, **gaz.outlets}.items():
        forms[canonical].add(form)
    return {canonical: frozenset(found) for canonical, found in forms.items()}


#: Words after a name that say it is a news outlet's: "a Courier reporter", "the Courier's poll".
_MEDIA_AFTER = frozenset({
    "reporter", "reporters", "correspondent", "correspondents", "columnist", "columnists", "editor", "editors",
    "anchor", "anchors", "host", "hosts", "poll", "polls", "survey", "analysis", "reporting", "editorial",
    "website", "article", "articles", "headline", "headlines", "coverage", "broadcast", "podcast", "interviewer",
    "journalist", "journalists", "readers", "viewers", "subscribers", "op-ed", "newsroom",
})
#: Words before a name that say it is a news outlet's: "the news site Courier", "a reporter for the Courier".
_MEDIA_BEFORE = re.compile(
    r"\b(?:(?:news|media|fact-checking|website|web site|site|outlet|network|newspaper|magazine|paper|channel|"
    r"publication|blog|tabloid|wire service|broadcaster|station)\s+"
    r"|(?:journalists?|reporters?|correspondents?|columnists?|editors?|anchors?|writers?|contributors?|producers?)"
    r"\s+(?:at|for|with)\s+(?:the\s+)?"
    r"|(?:appeared|appearing|appearance|interviews?|interviewed|speaking|spoke) on\s+(?:the\s+)?)$"
)


def _evidence(text: str, cand: _Candidate) -> set[str]:
    """Context cues around one occurrence: org, place, product, speaker."""
    gaz = gazetteer()
    cues: set[str] = set()
    after = _after_word(text, cand.end)
    if after in gaz.org_context_nouns:
        cues.add("org")
    if after in gaz.place_context_nouns:
        cues.add("place")
    if after in gaz.product_nouns:
        cues.add("product")
    before = text[max(0, cand.start - 40) : cand.start]
    product_before, title_after = _evidence_patterns()
    product = product_before.search(before)
    if product:
        cues.add("product")
        if product.group("called"):
            cues.add("named-product")
    if title_after.match(text[cand.end : cand.end + 80]):
        cues.add("person")
    if re.search(
        r"\b(?:partner(?:ed|s|ship)?s? with|agreements? with|company|firm|group)\s+$", before
    ):
        cues.add("org")
    if after in {"said", "says", "told", "added", "wrote", "argued", "explained", "reported", "reports"}:
        cues.add("speaker")
    if after in _MEDIA_AFTER:
        cues.add("outlet")
    if _MEDIA_BEFORE.search(before):
        cues |= {"outlet", "outlet-of"}  # "a Courier reporter", "the Courier's analysis", "columnist at the Courier"
    if not re.match(r"\s+[A-Z]", text[cand.end : cand.end + 2]) and re.search(
        r"(?i)\b(?:told|reported by|published by|first reported by|interview with|statement to|according to|"
        r"reports? by|articles? (?:in|by)|stor(?:y|ies) (?:in|by)|wrote in|writing in|quoted by|cited by)\s+(?:the\s+)?$",
        before,
    ):
        cues.add("addressee")  # "told the Coast Courier", "reported by the Courier": an outlet
    return cues


def _classify(name: str, group: _Group, text: str) -> EntityKind | None:
    gaz = gazetteer()
    words = name.split()
    if _no_entity(name):
        return None
    cues: set[str] = set()
    for cand in group.cands:
        cues |= _evidence(text, cand)
    if group.kind:
        if group.forced:
            return group.kind
        if "named-product" in cues:
            return "product"  # "an app called Beacon": the words around it say what it is
        if group.kind != "organization" and any(w in gaz.org_words for w in words) and len(words) > 1:
            return "organization"  # "Brightwell Labs", "the Port Authority of Oakland"
        if words[0] in _STORMS and len(words) > 1:
            return None  # "Hurricane Ada" is an event, not a person
        if len(words) == 1 and group.kind == "person" and not any(c.title for c in group.cands) and _common_not_name(name):
            return None  # "Savior", "Energy": a common word capitalized, in no list of names
        if group.kind in ("organization", "place") and _full_personal_name(words, text):
            return "person"  # "Ann Lowe" read as a body after a dateline, "Lowe" alone elsewhere
        if group.kind != "person" and _INITIAL_SURNAME.fullmatch(name) and not any(
                w in gaz.org_words or w in _PLACE_WORDS for w in words) and world_names.fold(
                words[-1]) not in world_names.load().places:  # "N Ireland" is a place
            return "person"  # "R Okonjo", "T. S. Marlow": initials before a surname
        if group.kind == "person" and words[-1] in _PLACE_WORDS and len(words) > 1:
            return "place"  # "Castle Road", "Pine Lake"
        if words[0] in _PLACE_OPENERS and len(words) > 1 and not any(w in gaz.org_words for w in words):
            return "place"  # "Mount Ardent", "Lake Tessa", "Municipality of Orla"
        if group.kind == "place" and (cues & {"speaker", "addressee"} or (
                "outlet-of" in cues and world_names.fold(name) not in world_names.load().places)):
            return "organization"  # a place does not report or get told: "the Coast Courier reported"
        if group.kind == "person" and _outlet_shaped(words, cues):
            return "organization"  # "a Courier reporter", "told NEWSDESK", "according to BuzzWire"
        return group.kind
    if name in gaz.outlets:
        return "organization"
    if name in gaz.places or world_names.fold(name) in world_names.load().countries:
        return "place"  # a country's name ("Philippines") whatever the pipeline made of it
    if any(w in gaz.org_words for w in words):
        if len(words) == 1 and (all(c.initial for c in group.cands) or name in {"Police", "News"}):
            return None  # a bare "Police" opening a sentence is not a name
        return "organization"
    if _is_acronym(name):
        if name.isalpha() and len(name) >= 4 and common_word(name):
            return None  # "ABSTRACT", "UPDATE", "WHEREAS": a common word in capitals, no acronym
        return "organization"
    if any(c.title for c in group.cands) and len(words) <= 4:
        return "person"
    if words[0] in gaz.first_names and 2 <= len(words) <= 3:
        return "person"
    if "named-product" in cues or ("product" in cues and "org" not in cues):
        return "product"
    if "place" in cues and len(words) <= 3:
        return "place"
    if "org" in cues:
        return "organization"
    if "addressee" in cues or ("speaker" in cues and len(words) == 1 and not _DEMONYM.search(name)):
        return "organization"  # "told the Courier", "the Courier reported": an outlet or a body
    if ("speaker" in cues or "person" in cues) and 2 <= len(words) <= 3:
        return "person"
    return None


def _no_entity(name: str) -> bool:
    """Words that name nothing whatever the pipeline or the words around them say: a lone letter
    ("(R)" for a party), a pronoun's contraction ("I’ve"), letters after a name or for a seat
    ("QC", "MP"), the plural of a word in capitals that names no body ("CEOs")."""
    gaz = gazetteer()
    bare = name.replace(".", "")
    if len(bare) == 1 or re.split(r"['’]", name)[0] in gaz.stopwords or bare in _POSTNOMINALS:
        return True
    return _is_acronym(name) and name.endswith("s") and name[:-1] in gaz.non_entity_acronyms


def _full_personal_name(words: list[str], text: str) -> bool:
    """A given name and a surname of the world lists, and the surname alone elsewhere in the
    text ("Ann Lowe ... Lowe said"), with no word of an organization or a place."""
    gaz = gazetteer()
    lists = world_names.load()
    if not 2 <= len(words) <= 3 or any(w in gaz.org_words or w in _PLACE_WORDS or w in _PLACE_OPENERS for w in words):
        return False
    if world_names.fold(words[0]) not in lists.given or world_names.fold(words[-1]) not in lists.surnames:
        return False
    if world_names.fold(" ".join(words)) in lists.places:
        return False
    alone = len(re.findall(rf"(?<!\w){re.escape(words[-1])}(?!\w)", text))
    return alone > len(re.findall(rf"(?<!\w){re.escape(' '.join(words))}(?!\w)", text))


def _outlet_shaped(words: list[str], cues: set[str]) -> bool:
    """A name of one word read as a person's that the text treats as a news outlet's: said to
    have reporters, polls or readers ("the Courier's analysis"), or, written in capitals or with a
    capital inside ("NEWSDESK", "BuzzWire"), told something or cited ("according to BuzzWire").
    No given name: "according to Ann" is a person's."""
    if len(words) != 1 or world_names.fold(words[0]) in world_names.load().given or words[0] in gazetteer().first_names:
        return False
    inner_capital = any(c.isupper() for c in words[0][1:])
    return "outlet" in cues or (inner_capital and bool(cues & {"addressee", "speaker"}))


def _common_not_name(word: str) -> bool:
    """A word the treebanks write mostly in lower case that no list of names or places holds."""
    lists = world_names.load()
    folded = world_names.fold(word)
    return (word.isalpha() and common_word(word) and folded not in lists.given and folded not in lists.surnames
            and folded not in lists.places and word not in gazetteer().first_names)


def _initials(name: str) -> str:
    gaz = gazetteer()
    return "".join(
        w[0] for w in name.replace("-", " ").split() if w not in gaz.connectors and w != "the"
    )


# ---------------------------------------------------------------------------------------------
# Entities


def find_entities(doc: Document, parse: Parse | None = None) -> tuple[Entity, ...]:
    """The people, organizations, places and products this document names, with every mention.

    ``parse`` is the document's parse (:func:`timeline_graph.nlp.parse`); made here if not given.
    """
    text = doc.text
    gaz = gazetteer()
    parse = parse if parse is not None else nlp.parse(text)
    masked = Intervals((s, e, None) for s, e in furniture_ranges(text))
    cands = _candidates(text, masked, parse)

    groups: dict[str, _Group] = defaultdict(_Group)
    # A name in capitals ("CLEVELAND —" opening a dateline, "TRUMP:" in a transcript) is the
    # name the document also writes in its usual case.
    usual_case: dict[str, str] = {}
    for name in sorted(c.name(text) for c in cands):
        if not name.isupper():
            usual_case.setdefault(name.casefold(), name)
            usual_case.setdefault(name.split()[-1].casefold(), name.split()[-1])  # "CALLOWAY" of "Ines Calloway"
    for cand in cands:
        surface = cand.name(text)
        name = usual_case.get(surface.casefold(), surface) if surface.isupper() else surface
        key = gaz.outlets.get(name) or gaz.places.get(name) or name
        group = groups[key]
        group.names[surface] = group.names.get(surface, 0) + 1
        group.cands.append(cand)
        if key in gaz.outlets.values() and key == gaz.outlets.get(name):
            group.canonical = key
            group.kind = "organization"
        elif gaz.places.get(name) == key:
            group.canonical = key
            group.kind = "place"
        elif cand.kind and not group.forced:
            # A kind from a line's shape (byline, credit) beats the pipeline's label.
            group.kind = cand.kind if cand.role or cand.forced else group.kind or cand.kind
            group.forced = cand.forced
        if cand.alias:
            group.aliases.add(text[cand.alias[0] : cand.alias[1]])
        titled_name = _titled_form(text, cand)
        if titled_name:
            group.titled.add(titled_name)

    kinds: dict[str, EntityKind] = {}
    for key, group in groups.items():
        kind = _classify(key, group, text)
        if kind:
            kinds[key] = kind
    # Letters after a name ("Ann Lowe, QC") or a seat ("the MP") name no body and no person.
    for key in [k for k in kinds if _no_entity(k) and not groups[k].forced]:
        del kinds[key]
    # A storm's name alone ("Ada" after "Hurricane Ada") names the storm too, not a person.
    storms = {" ".join(key.split()[1:]) for key in groups if key.split()[0] in _STORMS and " " in key}
    for key in storms & set(kinds):
        if kinds[key] == "person" and not groups[key].forced:
            del kinds[key]
    # A name joined by "and" or "or" to a name of known kind is of that kind: "the Post and Reuters".
    known_spans = sorted((c.start, c.end, key) for key in kinds for c in groups[key].cands)
    for key, group in groups.items():
        if key in kinds:
            continue
        for cand in group.cands:
            token = parse.token_at(cand.end - 1)
            if token is None or token.dep != "conj" or _title_after(text, cand.end):
                continue  # "Ann Lowe and House Speaker Tom Hale": "House" is no person
            head = parse.tokens[token.head]
            at = bisect.bisect_right(known_spans, (head.start, len(text) + 1, "")) - 1
            if at >= 0 and known_spans[at][0] <= head.start < known_spans[at][1] and known_spans[at][2] != key:
                kinds[key] = kinds[known_spans[at][2]]
                break
    # An acronym spelled out elsewhere without parentheses: "BLM" and "Black Lives Matter".
    spelled: dict[str, list[str]] = defaultdict(list)  # names of two words or more by initials
    for key in groups:
        if key not in kinds and len(key.split()) >= 2:
            spelled[_initials(key)].append(key)
    for acronym in [k for k, kind in kinds.items() if kind == "organization" and _is_acronym(k)]:
        for key in spelled[acronym.replace(".", "")]:
            if key not in kinds:
                kinds[key] = "organization"
    for key in [k for k in kinds if _no_entity(k) and not groups[k].forced]:
        del kinds[key]  # not even by "and": "Ann Lowe, QC, and"
    # "Acme Widgetco" where both words name entities on their own is two names side by side.
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

    # Join short forms to their full names: acronyms, surnames, "The Times".
    full = _Longer(kinds, groups)
    merged: dict[str, str] = {}
    for key in list(kinds):
        target = full.full_form(key)
        if target and target != key:
            merged[key] = target
    # Sentence-initial single words that are some person's surname are accepted too.
    for key in groups:
        if key not in kinds and key not in merged:
            target = full.full_form(key, surnames_only=True)
            if target:
                merged[key] = target

    def root(key: str) -> str:
        seen = set()
        while key in merged and key not in seen:
            seen.add(key)
            key = merged[key]
        return key

    members: dict[str, set[str]] = defaultdict(set)
    for key in list(kinds) + list(merged):
        members[root(key)].add(key)

    results: list[tuple[str, EntityKind, str, set[str]]] = []  # key, kind, canonical, surface forms
    titled_forms: dict[str, set[str]] = {}  # a person's name as the text writes it with a title
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
        forms |= aliases
        if kinds[key] == "place" or groups[key].canonical:
            gazetteer_forms = _gazetteer_forms().get(canonical, frozenset())
            forms |= {
                f for f in gazetteer_forms if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)
            }
            aliases |= {canonical}
        results.append((key, kinds[key], canonical, forms | aliases))
        if kinds[key] == "person":
            # Aliases only, never searched as mentions: the bare name's mentions already cover them.
            titled_forms[key] = titled

    mentions = _mentions(doc, [forms for _, _, _, forms in results], masked)
    entities: list[Entity] = []
    by_key: dict[str, str] = {}
    for (key, kind, canonical, _forms), spans in zip(results, mentions, strict=True):
        if not spans:
            continue
        by_key[key] = Entity.id_for(kind, " ".join(canonical.split()))
    for (key, kind, canonical, forms), spans in zip(results, mentions, strict=True):
        if not spans:
            continue
        canonical = " ".join(canonical.split())  # a name wrapped over two lines
        alias_names = sorted(
            {" ".join(f.split()) for f in forms | titled_forms.get(key, set())} - {canonical}
            | _short_forms(canonical, kind),
            key=lambda a: (-len(a), a),
        )
        entities.append(
            Entity(
                id=by_key[key],
                kind=kind,
                name=canonical,
                aliases=tuple(a for a in alias_names if a.casefold() != canonical.casefold()),
                mentions=tuple(spans),
            )
        )
    entities = _with_roles(doc, entities, cands, parse)
    entities = _with_descriptions(doc, entities, masked)
    return tuple(sorted(entities, key=lambda e: (e.mentions[0].start, e.id)))


_DESCRIPTION = re.compile(r"\b[Tt]he (?P<noun>company|firm|department|agency|foundation|group|organization|"
                          r"organisation|newspaper|outlet|paper|council|board|commission|university)\b")
_COMPANY_NOUNS = frozenset({"company", "firm"})
_COMPANY_WORDS = frozenset({"Company", "Corporation", "Corp", "Inc", "LLC", "Ltd", "Limited", "Holdings", "Group",
                            "Technologies", "Systems", "Industries", "Labs", "Networks", "Airlines"})


def _with_descriptions(doc: Document, entities: list[Entity], masked: Intervals[None]) -> list[Entity]:
    """"the company", "the department": a mention of the organization named last before it.

    The words become a mention (a span), never an alias: "the company" names a different
    company in every document, so resolution must not merge by it.
    """
    text = doc.text
    gaz = gazetteer()
    orgs = sorted((m.start, e.id, e.name) for e in entities if e.kind == "organization" for m in e.mentions)
    starts = [s for s, _, _ in orgs]
    outlets = {e.id for e in entities if e.name in gaz.outlets}
    extra: dict[str, list[Span]] = defaultdict(list)
    for match in _DESCRIPTION.finditer(text):
        if _inside(masked, match.start(), match.end()):
            continue
        noun = match.group("noun")
        before = orgs[bisect_left(starts, match.start() - 800) : bisect_left(starts, match.start())]
        if noun in _COMPANY_NOUNS:
            fits = [(s, i, n) for s, i, n in before
                    if i not in outlets and not any(w in gaz.org_words - _COMPANY_WORDS for w in n.split())]
        elif noun in {"newspaper", "outlet", "paper"}:
            fits = [(s, i, n) for s, i, n in before if i in outlets]
        else:
            fits = [(s, i, n) for s, i, n in before if noun.capitalize() in n.split()]
        if fits:
            extra[fits[-1][1]].append(Span.at(doc, match.start(), match.end()))
    if not extra:
        return entities
    return [
        replace(e, mentions=tuple(sorted((*e.mentions, *extra[e.id]), key=lambda m: m.start)))
        if e.id in extra else e
        for e in entities
    ]


class _Longer:
    """The names of ``kinds``, longest first, indexed by what makes a shorter name a short form
    of one (so that finding it does not compare every pair of names)."""

    def __init__(self, kinds: dict[str, EntityKind], groups: dict[str, _Group]) -> None:
        self.rank = {name: n for n, name in enumerate(sorted(kinds, key=len, reverse=True))}
        self.surname: dict[str, list[str]] = defaultdict(list)  # a person's name by its last word
        self.initials: dict[str, list[str]] = defaultdict(list)  # organizations and places
        self.alias: dict[str, list[str]] = defaultdict(list)  # by an alias without its dots
        self.tail: dict[tuple[str, ...], list[str]] = defaultdict(list)  # organizations by last words
        self.police: dict[str, list[str]] = defaultdict(list)  # organizations by words before " police "
        self.given: dict[str, set[str]] = defaultdict(set)  # a person's full name by its first word
        self.kinds = kinds
        for other, kind in kinds.items():
            other_words = other.split()
            if kind == "person":
                self.surname[other_words[-1]].append(other)
                if len(other_words) >= 2:
                    self.given[other_words[0]].add(other)
            if len(other_words) >= 2 and kind in ("organization", "place"):
                self.initials[_initials(other)].append(other)
            for alias in {a.replace(".", "") for a in groups[other].aliases}:
                self.alias[alias].append(other)
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
        if len(words) == 1 and not found and self.kinds.get(key) == "person" and len(self.given.get(key, ())) == 1 and (
            key in gaz.first_names or world_names.fold(key) in world_names.load().given
        ):
            found = list(self.given[key])  # "Hillary" of "Hillary Lowe", the one person of that given name
        if not surnames_only:
            compact = key.replace(".", "")
            if _is_acronym(key):
                found += self.initials.get(compact, ())
            found += self.alias.get(compact, ())
            bare = words[1:] if words[0] == "The" and len(words) > 1 else words  # "The Times"
            if bare[-1] in gaz.org_words:
                found += self.tail.get(tuple(bare), ())
            if key.endswith(" police"):
                base = key[: -len(" police")]
                base = gaz.places.get(base, base)
                found += self.police.get(base.casefold(), ())  # "Harbor City police": its Police Department
        found = [other for other in found if other != key and len(other) > len(key)]
        return min(found, key=self.rank.__getitem__) if found else None


def _short_forms(canonical: str, kind: EntityKind) -> set[str]:
    """Short forms a later resolver may meet elsewhere: a person's surname."""
    words = canonical.split()
    if kind == "person" and len(words) >= 2:
        return {words[-1]}
    return set()


def _mentions(
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
    for start_match in re.finditer(rf"(?<![\w.])[{firsts}]", text):
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
        if _inside(masked, start, end):
            continue
        found[owner[longest]].append(Span.at(doc, start, end))
    return found


_HEAD = 3  # characters by which forms are looked up
_WORD_AT = re.compile(r"\w")


# ---------------------------------------------------------------------------------------------
# Roles

_APPOSITIVE = re.compile(
    rf"^,\s+(?:a|an|the)\s+(?P<title>[{LOWER}][{LOWER} -]{{2,60}}?)\s+(?:at|with|for|of|from)\s+(?:the\s+)?$"
)


def _with_roles(doc: Document, entities: list[Entity], cands: list[_Candidate], parse: Parse) -> list[Entity]:
    """Attach the roles the text states: titles before names, appositives, labelled credits."""
    text = doc.text
    gaz = gazetteer()
    sentence_bounds = Intervals((s, e, None) for s, e in parse.sentence_bounds())
    orgs = [e for e in entities if e.kind == "organization"]
    org_spans = Intervals(sorted((m.start, m.end, e.id) for e in orgs for m in e.mentions))
    outlet_ids = {e.id for e in orgs if e.name in gaz.outlets}
    by_title: dict[str, str | None] = {}  # the first organization named right before a title
    org_by_span: dict[tuple[int, int], str] = {}
    for s, e, entity_id in org_spans.items:
        org_by_span.setdefault((s, e), entity_id)

    def org_at(start: int, end: int) -> str | None:
        return org_by_span.get((start, end))

    roles: dict[str, list[Role]] = defaultdict(list)
    persons = [e for e in entities if e.kind == "person"]
    for person in persons:
        for mention in person.mentions:
            # A title right before the name: "Detective Ann Lowe", "spokesman Tom Hale".
            before = text[max(0, mention.start - 60) : mention.start]
            for title_match in (
                re.search(rf"(?:^|[\s(\"“-])(?P<title>[{UPPER}][{LOWER}]+ [{UPPER}][{LOWER}]+)\s$", before),
                re.search(rf"(?:^|[\s(\"“-])(?P<title>[{UPPER}{LOWER}][{UPPER}{LOWER}.-]+)\s$", before),
            ):
                if not title_match:
                    continue
                title = title_match.group("title")
                if title in gaz.person_titles and title not in gaz.honorifics:
                    t_start = mention.start - len(before) + title_match.start("title")
                    affiliation = _affiliation(
                        text, title, t_start, org_spans, outlet_ids, sentence_bounds, by_title
                    )
                    roles[person.id].append(
                        Role(title, Span.at(doc, t_start, mention.end), affiliation)
                    )
                    break
            # An appositive: "Ann Lowe, a policy analyst with the Water Board".
            after = text[mention.end : mention.end + 120]
            for s, e, org_id in org_spans.starting_in(mention.end + 1, mention.end + 121)[:1]:
                ap = _APPOSITIVE.match(text[mention.end : s])
                if ap:
                    roles[person.id].append(
                        Role(ap.group("title"), Span.at(doc, mention.start, e), org_id)
                    )
                break
            del after
    person_at: dict[tuple[int, int], str] = {}
    for p in persons:
        for m in p.mentions:
            person_at.setdefault((m.start, m.end), p.id)
    for cand in cands:
        if not cand.role:
            continue
        title, start, end, org = cand.role
        person_id = person_at.get((cand.start, cand.end))
        if person_id:
            affiliation = org_at(*org) if org else None
            roles[person_id].append(
                Role(title, Span.at(doc, start, org[1] + 1 if org else end), affiliation)
            )
    out = []
    for entity in entities:
        found = roles.get(entity.id)
        if found:
            unique = {(r.title, r.span.start, r.span.end): r for r in found}
            entity = Entity(
                entity.id,
                entity.kind,
                entity.name,
                entity.aliases,
                entity.mentions,
                tuple(unique[k] for k in sorted(unique, key=lambda k: k[1])),
            )
        out.append(entity)
    return out


def _affiliation(
    text: str,
    title: str,
    title_start: int,
    org_spans: Intervals[str],
    outlet_ids: set[str],
    sentence_bounds: Intervals[None],
    by_title: dict[str, str | None],
) -> str | None:
    """The organization a title belongs to: "ORG title" anywhere, else an earlier org nearby.

    ``by_title`` keeps the first answer for each title (it does not depend on where the title is).
    """
    if title not in by_title:
        by_title[title] = next(
            (
                org_id
                for _s, e, org_id in org_spans.items
                if org_id not in outlet_ids
                and re.match(rf"\s+{re.escape(title)}\b", text[e : e + len(title) + 3], re.IGNORECASE)
            ),
            None,
        )
    if by_title[title] is not None:
        return by_title[title]
    sentence = sentence_bounds.around(title_start)
    if sentence:
        before = [
            org_id
            for s, e, org_id in org_spans.inside(sentence[0], title_start)
            if org_id not in outlet_ids
        ]
        if before:
            return before[-1]
    return None
