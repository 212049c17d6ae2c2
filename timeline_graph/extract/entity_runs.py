"""Runs of capitalized words and how they are cut into names.

A run is a stretch of capitalized words joined by spaces, hyphens and connectors ("of",
"and"); it is cut at stopwords, time words and titles ("Majority Leader"), at words in lower
case, at a list's "and", and where a person's name runs on into what she is "of".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..nlp import gazetteer as world_names
from ..nlp.typer import common_word, shipped_word_case
from .entity_words import (
    COMPANY_ENDINGS,
    KIND_INITIALS,
    NAME_PARTICLES,
    PARTNERSHIP_FORMS,
    PLACE_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    gazetteer,
    known_names,
)
from .text import UPPER

#: A word of a run: initials with periods ("U.N."), capitals joined by an "&" written without
#: spaces ("AT&T", "S&P": one firm's name, not two), an "&" alone, or letters and digits.
_TOKEN = re.compile(rf"(?:[{UPPER}]\.){{2,}}|[{UPPER}]{{1,3}}&[{UPPER}]{{1,3}}(?![\w&])(?:['’]s\b)?|&|[^\W_]+(?:['’][^\W\d_]+)*")

_POSSESSIVE = ("'s", "’s")


def word_tokens(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, possessive) of each word token in text[start:end]; a given name written with
    a hyphen is one word (see :func:`syllable_end`)."""
    previous: str = ""
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        if s < start:
            continue  # inside a hyphenated name already given
        word = text[s:e]
        joined = syllable_end(text, e, end) if text[e : e + 1] == "-" and is_cap(previous) and is_cap(word) else None
        if joined is not None:
            e, word = joined, text[s:joined]
            start = e
        previous = word
        if word.endswith(_POSSESSIVE) and len(word) > 2:
            yield s, e - 2, True
        elif word.endswith(("s'", "s’")) and len(word) > 2 and word[0].isupper():
            yield s, e - 1, True
        else:
            yield s, e, False


#: A syllable in lower case joined by a hyphen to a capitalized word, ending a word (a possessive
#: may follow).
_SYLLABLE = re.compile(r"-([a-z]{1,6})(?:['’]s)?(?![\w'’-])")


def syllable_end(text: str, end: int, limit: int) -> int | None:
    """The end of a name's word that goes on past ``end`` by a hyphen and a short syllable in
    lower case: the second part of a given name ("Kim Jong-un", "Kwok Ka-ki", "Yoon Suk-yeol"),
    which no English word is, unlike what follows a name in "Ohio-born" or "Acme-led" (a word
    the treebanks write in lower case). Only after another capitalized word, so that a lone
    name before a hyphen ("Obama-era") stays itself."""
    match = _SYLLABLE.match(text, end, limit)
    if match is None:
        return None
    syllable = match.group(1)
    if (len(syllable) > 4 or common_word(syllable)) and not _romanized_pair(text, end, syllable):
        return None
    return match.end()


#: One syllable of a romanized Chinese or Korean given name: a few consonants, a few vowels and
#: at most one closing sound ("Tak", "wing", "Kwok", "keung", "Jae", "yeol", "Ing", "wen").
_ROMAN_SYLLABLE = re.compile(r"[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|p|t|h|l|r)?")
#: Words after a hyphen that make English compounds of a short capitalized word ("Ten-day",
#: "Sign-up"), whatever their shape.
_COMPOUND_ENDS = frozenset({"day", "days", "long", "man", "men", "up", "down", "out", "off", "on", "run", "year",
                            "way", "time", "hit", "top", "pin", "tip"})


def _romanized_pair(text: str, end: int, syllable: str) -> bool:
    """Whether the capitalized word ending at ``end`` and the syllable after its hyphen are the
    two syllables of a romanized given name ("Lam Tak-wing", "Chau Mei-ling", "Ban Ki-moon"): each
    has a syllable's shape, though the second is an English word too."""
    before = re.search(r"(?<![\w'’-])([A-Z][a-z]{0,4})$", text[max(0, end - 7) : end])
    return (before is not None and _ROMAN_SYLLABLE.fullmatch(before.group(1).lower()) is not None
            and _ROMAN_SYLLABLE.fullmatch(syllable) is not None and syllable not in _COMPOUND_ENDS)


def romanized_name(words: list[str]) -> bool:
    """A Chinese or Korean name written in the Latin alphabet with a hyphenated given name: a
    surname of one syllable, then two syllables joined by a hyphen ("Lam Tak-wing", "Moon
    Jae-in"), which is a person's whatever the parse made of it."""
    if len(words) != 2 or not _ROMAN_SYLLABLE.fullmatch(words[0].lower()):
        return False
    parts = words[1].split("-")
    return (len(parts) == 2 and parts[0][:1].isupper() and parts[1].islower()
            and all(_ROMAN_SYLLABLE.fullmatch(p.lower()) for p in parts) and parts[1] not in _COMPOUND_ENDS)


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def possessive_after(text: str, end: int) -> bool:
    return text[end : end + 2] in _POSSESSIVE or text[end - 1 : end + 1] in ("s'", "s’")


def capitalized_runs(text: str, start: int, end: int) -> Iterator[list[tuple[int, int]]]:
    """Runs of capitalized tokens joined by single spaces, hyphens or connectors."""
    gaz = gazetteer()
    run: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # connectors waiting for a capitalized word
    held = False  # the run goes on past a possessive: "the Sheriff's Office"
    for s, e, possessive in word_tokens(text, start, end):
        word = text[s:e]
        last = pending[-1] if pending else (run[-1] if run else None)
        joined = last is not None and (text[last[1] : s] in (" ", "-", "\n")  # wrapped lines too
                                       or (held and text[last[1] : s] in ("'s ", "’s ")))
        held = False
        if not joined and not pending and len(run) >= 2 and text[run[-1][1] : s] == ". " and _initial(text, run[-1]):
            joined = True  # "Peter T. King": a middle initial and its period
        if is_cap(word) and not word.isdigit():
            if run and joined:
                run.extend(pending)
                run.append((s, e))
            else:
                if run:
                    yield run
                run = [(s, e)]
            pending = []
        elif run and joined and (word in gaz.connectors or word in SURNAME_PARTICLES) and len(pending) < 2:
            pending.append((s, e))
            continue
        elif run and joined and word == "the" and len(pending) == 1 and _head_of_body(text, run[-1], pending[0]):
            pending.append((s, e))  # "the Department of the Interior", "the Society for the Protection of Birds"
            continue
        else:
            if run:
                yield run
            run, pending = [], []
        if possessive and run:
            if _office_of(text, s, e):
                held = True
                continue
            yield run
            run, pending = [], []
    if run:
        yield run


def _head_of_body(text: str, head: tuple[int, int], connector: tuple[int, int]) -> bool:
    """Whether a body's or an institution's word comes right before "of the" or "for the": the
    phrase after it is the rest of the name ("Bank of the West", "Museum of the City of Halden"),
    which a person's name does not take ("Ann Lowe of the Courier" is two names)."""
    word = text[head[0] : head[1]]
    return text[connector[0] : connector[1]] in ("of", "for") and (
        word in gazetteer().org_words or word in _INSTITUTIONS or word in PLACE_WORDS)


def _office_of(text: str, start: int, end: int) -> bool:
    """A common noun of an office holder or a group in the possessive before a body's name, which
    it opens ("the Sheriff's Office", "the County Attorney's Office", "Children's Hospital", "the
    National Women's Soccer League"); a name's possessive does not ("Ohio's Department of Health")."""
    match = re.match(r"['’]s((?: [A-Z][a-z]+){1,3})\b", text[end : end + 50])
    word = text[start:end]
    return (match is not None and any(w in gazetteer().org_words or w in COMPANY_ENDINGS for w in match.group(1).split())
            and word[:1].isupper() and word.isalpha()
            and (common_word(word) or word in gazetteer().person_titles or word in TITLE_HEADS))


def initial_at(text: str, sentence_start: int, at: int) -> bool:
    before = text[sentence_start:at]
    if not before.strip(" \"“‘'([—–-"):
        return True
    return before.rstrip().endswith((":", "—", "–"))


def title_after(text: str, end: int) -> bool:
    """A title of office follows: "House| Speaker Tom Hale"."""
    match = re.match(r"\s([A-Z][a-z]+)\b", text[end : end + 20])
    return match is not None and (match.group(1) in gazetteer().person_titles or match.group(1) in TITLE_HEADS)


def split_run(
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
    known = known_names()
    for index, (s, e) in enumerate(run):
        word = text[s:e]
        if skip:
            skip -= 1
            continue
        if _office_of_a_title(text, part, run[index:]):
            part.extend(run[index:])  # "the Office of the Inspector General": the title ends the body's name
            break
        if _opens_body(text, run, index):
            part.append((s, e))  # "General Assembly", "Summer Institute": a title or a season naming a body
            continue
        if index + 1 < len(run) and f"{word} {text[run[index + 1][0] : run[index + 1][1]]}" in gaz.person_titles:
            # "Vice President Ann Lowe", "the Vice President's": a title of two words
            if part:
                yield part, title, stopped
            part, title = [], (s, run[index + 1][1])
            skip = 1
            continue
        if part and _initial(text, part[-1]):
            part.append((s, e))  # "Peter T. King": after an initial a title's word is a surname
            continue
        if index == len(run) - 1 and len(part) > 1 and text[part[-1][0] : part[-1][1]] == "of":
            part.append((s, e))  # "Department of Justice", "Court of Justice": a title's word ends the body's name
            continue
        if (
            word in gaz.person_titles
            or (word in TITLE_HEADS and index + 1 < len(run))  # "Majority Leader Ann Lowe"
            # a role in a body written capitalized after the body's word: "the State Department Spokesperson"
            or (part and word.lower() in gaz.person_titles and text[part[-1][0] : part[-1][1]] in gaz.org_words)
            or (index + 1 < len(run) and _plural_title(text, word, e))  # "Sens. Ann Lowe and Tom Hale"
            or (text[e : e + 1] == "." and word + "." in gaz.person_titles)  # "Sen." and "Rep." as written
            or word.rstrip(".") in gaz.honorifics
            or word in gaz.honorifics
        ):
            while part and text[part[-1][0] : part[-1][1]] in TITLE_MODIFIERS:
                part = part[:-1]  # "Senate Majority Leader": the Senate
            if part:
                yield part, title, stopped
            part, title = [], (s, e)
            # "Secretary of State Ann Lowe": the title's own "of State" is no part of the name; at
            # the run's end only after a title of a department's head ("the Secretary of State",
            # not "the CEO of Hadley", "the Mayor of Tessa")
            if index + 2 < len(run) and text[run[index + 1][0] : run[index + 1][1]] == "of" and (
                    index + 3 < len(run) or word in _DEPARTMENT_HEADS):
                skip = 2
            continue
        if word in gaz.stopwords and bool(part) and inner_preposition(text, run, index):
            part.append((s, e))  # "Engineers Without Frontiers": a name's own preposition, in capitals
            continue
        if word in gaz.stopwords and (keep_stopwords or any(text.startswith(name, s) for name in known.get(word, ()))):
            part.append((s, e))  # "New" of "New Zealand" and "The" of "The Hague" are the name's
            continue
        if (word in gaz.stopwords or gaz.is_time_word(word) or word in gaz.non_entity_acronyms
                or (word in KIND_INITIALS and not part)):  # "super PAC Orla Action", but "Orla Action PAC"
            if part:
                yield part, title, stopped
            part, title, stopped = [], None, True
            continue
        part.append((s, e))
    if part:
        yield part, title, stopped


def _office_of_a_title(text: str, part: list[tuple[int, int]], rest: list[tuple[int, int]]) -> bool:
    """A body's word, "of the" and a title of office up to the run's end: the office the title
    holds is the body ("the Office of the Inspector General", "the Office of the Attorney
    General"), and no person's name follows the title in the run."""
    words = [text[s:e] for s, e in part]
    gaz = gazetteer()
    if len(words) < 3 or words[-2:] != ["of", "the"] or words[-3] not in gaz.org_words or not 1 <= len(rest) <= 5:
        return False
    first = text[rest[0][0] : rest[0][1]]
    titled = first in gaz.person_titles or first in TITLE_HEADS or (
        len(rest) > 1 and f"{first} {text[rest[1][0] : rest[1][1]]}" in gaz.person_titles)
    # no person's name after the title: "the Office of the Inspector General", not "of the Navy Ray Mabus"
    return titled and not any(world_names.fold(text[s:e]) in world_names.load().given for s, e in rest[1:])


#: Titles whose "of" names a department or a duty, not a body or a place: "Secretary of State",
#: "Minister of Finance", "Chief of Staff", "Director of Communications".
_DEPARTMENT_HEADS = frozenset({"Secretary", "Minister", "Chief", "Director", "Commissioner", "Chancellor",
                               "Undersecretary", "Attorney", "Head", "Deputy", "Assistant"})


def _initial(text: str, token: tuple[int, int]) -> bool:
    """A capital letter and a period: a middle name's initial ("T." of "Peter T. King")."""
    s, e = token
    return e - s == 1 and text[s].isupper() and text[e : e + 1] == "."


def _plural_title(text: str, word: str, end: int) -> bool:
    """A title in the plural before a given name or a surname: "Senators Ann Lowe and", "Govs. Ann
    Lowe", "Senators Lowe and Hale" (not "Chiefs of Staff", "Governors Association")."""
    titles = gazetteer().person_titles
    following = re.match(r"\.? ([A-Z][a-z]+)", text[end : end + 30])
    if not word.endswith("s") or len(word) < 4 or following is None:
        return False
    lists = world_names.load()
    folded = world_names.fold(following.group(1))
    if (following.group(1) not in gazetteer().first_names and folded not in lists.given
            and (folded not in lists.surnames or following.group(1) in gazetteer().org_words)):
        return False  # "Republican Governors Association": a body's word follows, not a name
    return word[:-1] in titles or (text[end : end + 1] == "." and f"{word[:-1]}." in titles)


#: Prepositions that a body's name may write in capitals between its words ("Engineers Without
#: Frontiers", "Citizens Against Waste", "Parents For Parks"). Others in capitals are as often a
#: heading's or a work's title ("Letter From Home", "Peace Through Trade").
NAME_PREPOSITIONS = frozenset({"without", "against", "for"})


def inner_preposition(text: str, run: list[tuple[int, int]], index: int) -> bool:
    """A preposition in capitals inside a run, between a word and a capitalized word that is no
    stopword: prose writes its prepositions in lower case, so one with a capital in the middle of
    a run is the name's own (headlines in Title Case are no source of names; see
    :mod:`.entity_candidates`). A line all in capitals ("TYPES OF GOVERNMENT") says nothing."""
    if not 0 < index < len(run) - 1:
        return False
    word = text[run[index][0] : run[index][1]]
    following = text[run[index + 1][0] : run[index + 1][1]]
    gaz = gazetteer()
    return (word.lower() in NAME_PREPOSITIONS and word == word.capitalize() and following[0].isupper()
            and following not in gaz.stopwords and not gaz.is_time_word(following)
            and text[run[index - 1][1] : run[index][0]] == " " and text[run[index][1] : run[index + 1][0]] == " ")


def _opens_body(text: str, run: list[tuple[int, int]], index: int) -> bool:
    """A title or a time word right before an organization's word, which is the body's name's
    first word: "General Assembly", "General Motors", "Summer Institute of Linguistics"."""
    if index + 1 >= len(run):
        return False
    gaz = gazetteer()
    word = text[run[index][0] : run[index][1]]
    following = text[run[index + 1][0] : run[index + 1][1]]
    if following not in gaz.org_words and following not in COMPANY_ENDINGS:
        return False
    return word in gaz.person_titles or gaz.is_time_word(word)


def conjoined_names(
    text: str, tokens: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], bool] | None:
    """Two names of different shapes joined by "and" into one run: an acronym or a person's full
    name (a given name and a surname of the world lists, or a romanized name), then a body's name
    (an organization word or an acronym in it): "KTVA and Tessaly News", "Ann Lowe and Harbor
    News". No body's own name joins such parts ("Food and Drug Administration" joins common
    words, "Pell and Marsh LLP" surnames alone). The two parts and whether the first is a person's."""
    gaz = gazetteer()
    lists = world_names.load()
    words = [text[s:e] for s, e in tokens]
    if words.count("and") != 1 or not 0 < words.index("and") < len(words) - 1:
        return None
    at = words.index("and")
    left, right = words[:at], words[at + 1 :]
    if not any(w in gaz.org_words or (w.isupper() and w.isalpha() and len(w) > 1) for w in right) \
            or words[-1] in PARTNERSHIP_FORMS:
        return None
    acronym = left[-1].isupper() and left[-1].isalpha() and len(left[-1]) > 1 and (
        len(left) == 1 or left[-2] in gaz.connectors)  # "KTVA", "Viewers of KTVA": not "Acme USA"
    pair = left[-2:]
    person = len(pair) == 2 and (len(left) == 2 or left[-3] in gaz.connectors) \
        and not any(w in gaz.org_words for w in pair) and (
            romanized_name(pair) or (world_names.fold(pair[0]) in lists.given and world_names.fold(pair[1]) in lists.surnames
                                     and world_names.fold(" ".join(pair)) not in lists.places))
    if not (acronym or person):
        return None
    return tokens[:at], tokens[at + 1 :], person


def trim_connectors(text: str, part: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Drop edge connectors; split at inner connectors unless the name is an organization's."""
    gaz = gazetteer()
    part = strip_edge_connectors(text, part)
    if not part:
        return []
    words = [text[s:e] for s, e in part]
    if "the" in words[1:-1]:
        at = words.index("the", 1)
        tail = words[at + 1 :]
        if any(w in gaz.org_words for w in tail) or (len(tail) == 1 and tail[0].isupper()):
            # "the Wolstein Center for the Harbor State University Vikings", "Orvala State
            # University of the US": a body or a country after the body's name, no part of it
            return trim_connectors(text, part[: at - 1]) + trim_connectors(text, part[at + 1 :])
    conjoined = conjoined_names(text, part)
    if conjoined:  # "KTVA and Tessaly News", "Ann Lowe and Harbor News": two names
        return [conjoined[0], *trim_connectors(text, conjoined[1])]
    if ampersand_name(text, part):
        ands = [index for index, word in enumerate(words) if word == "and"]
        if not ands:
            return [part]  # "Halvorsen & Dahl", "Ohio Bank & Trust": one firm's name
        bounds = [-1, *ands, len(part)]  # "Halvorsen & Dahl and Brekke & Sons": two firms listed
        return [piece for a, b in itertools.pairwise(bounds) for piece in trim_connectors(text, part[a + 1 : b])]
    # "Acme Post and Reuters": an "and" after a complete name, or before a known one, is a list.
    for index, word in enumerate(words):
        if word in {"and", "&"} and 0 < index < len(words) - 1:
            right = " ".join(words[index + 1 :])
            # "Acme Institute of Technology and Ohio State University": a place opening a body's name
            opens_body = world_names.fold(words[index + 1]) in world_names.load().places and any(
                w in gaz.org_words for w in words[index + 1 :])
            two_places = words[index - 1] in PLACE_WORDS and words[-1] in PLACE_WORDS  # "Elm Street and Oak Street"
            if words[index - 1] in gaz.org_words or right in gaz.outlets or right in gaz.places or opens_body or two_places:
                return trim_connectors(text, part[:index]) + trim_connectors(
                    text, part[index + 1 :]
                )
    if words[-1] in PARTNERSHIP_FORMS:
        return [part]  # "Pell and Marsh LLP": one firm of partners
    if any(w in gaz.connectors or w in SURNAME_PARTICLES for w in words) and not any(w in gaz.org_words for w in words):
        pieces: list[list[tuple[int, int]]] = [[]]
        for index, (token, word) in enumerate(zip(part, words, strict=True)):
            if word in SURNAME_PARTICLES and _inside_surname(words, index):
                pieces[-1].append(token)  # "Pieter van der Merwe", "Khalid bin Saleh": a surname's particles
            elif (word in gaz.connectors or word in SURNAME_PARTICLES) and not (
                    word.islower() and text[token[1] : token[1] + 1] == "-"):
                pieces.append([])  # "Bashar al-Assad": an article joined to the surname by a hyphen is the surname's
            else:
                pieces[-1].append(token)
        return [p for p in pieces if p]
    return [part]


#: Particles written in lower case inside a person's name, before the surname they belong to.
SURNAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das",
                               "bin", "ibn", "bint", "al", "el", "le", "la", "ter", "ten"})


def _inside_surname(words: list[str], index: int) -> bool:
    """Whether the particle at ``index`` stands between a capitalized word of a person's name
    and the surname it opens: "Pieter van der Merwe", "Khalid bin Saleh" ("the Ministry of Health"
    and "Ann Lowe of Acme" have no particle)."""
    before = index
    while before > 0 and words[before - 1] in SURNAME_PARTICLES:
        before -= 1
    after = index
    while after + 1 < len(words) and words[after + 1] in SURNAME_PARTICLES:
        after += 1
    return (before > 0 and after + 1 < len(words) and is_cap(words[before - 1]) and is_cap(words[after + 1])
            and all(w.islower() for w in words[before : after + 1]))


#: A label opening a line or a sentence ("Video: ", "Photos: "): the names after it are credits.
_LABEL_BEFORE = re.compile(rf"(?:^|[.!?]\s+|\n)[{UPPER}][a-z]+:\s*$")


def _written_lower(word: str) -> bool:
    """A word the treebanks' running text also writes in lower case ("science", "trust", "sons")."""
    return shipped_word_case().get(word.lower(), (0, 0))[0] > 0


def ampersand_name(text: str, part: list[tuple[int, int]]) -> bool:
    """Whether capitalized words are joined by an "&" written between spaces into one name: "&"
    is a sign of a firm's or a partnership's name ("Halvorsen & Dahl", "Brekke & Sons", "Ohio
    Bank & Trust"), which prose never uses to list names ("Ann Lowe and Tom Hale"). Not between
    two given names before a surname ("Ann & Tom Lowe", a couple), nor between words that running
    text also writes in lower case ("Social Science & Medicine", a title or a field: a firm's name
    has a name in it), nor next to a place of the lists ("Tempe & Mesa", "at Priest & Washington":
    places, or streets that cross), nor in credits after a label ("Video: Lowe & Hale")."""
    words = [text[s:e] for s, e in part]
    lists = world_names.load()
    for index, word in enumerate(words):
        if not (word == "&" and 0 < index < len(words) - 1 and is_cap(words[index - 1]) and is_cap(words[index + 1])
                and len(words[index - 1]) > 1 and len(words[index + 1]) > 1  # "R & D", "M & A": initials of common words
                and text[part[index - 1][1] : part[index][0]] == " " and text[part[index][1] : part[index + 1][0]] == " "):
            continue
        if (world_names.fold(words[index - 1]) in lists.given and world_names.fold(words[index + 1]) in lists.given
                and index + 2 < len(words) and is_cap(words[index + 2])):
            return False  # "Ann & Tom Lowe": a couple's given names before their surname
        if all(_written_lower(w) for w in words if w != "&" and w not in gazetteer().connectors):
            return False
        if ampersand_place(text, part):
            return True  # "Trinidad & Tobago"
        if _place_word(words[index - 1]) or _place_word(words[index + 1]):
            return False  # "Tempe & Mesa", "at Priest & Washington": places listed, or streets that cross
        return not _LABEL_BEFORE.search(text, max(0, part[0][0] - 20), part[0][0])
    return False


def _place_word(word: str) -> bool:
    """A place's name no firm is named after: a well-known place, or a place of the lists that is
    no person's name, no common word and no body's word ("Mesa"; not "Barnes", "Bank")."""
    gaz, lists, folded = gazetteer(), world_names.load(), world_names.fold(word)
    return word in gaz.places or (folded in lists.places and folded not in lists.surnames and folded not in lists.given
                                  and word not in gaz.org_words and not common_word(word))


def ampersand_place(text: str, part: list[tuple[int, int]]) -> bool:
    """Whether a name with "&" is a place's of the lists written with "and": "Trinidad & Tobago"."""
    return world_names.fold(text[part[0][0] : part[-1][1]].replace(" & ", " and ")) in world_names.load().places


#: Prefixes that make a modifier of a name: "pro-Orvala", "anti-Kessler", "ex-Velmont".
_NAME_PREFIX = re.compile(r"(?<![\w-])(?:[Pp]ro|[Aa]nti|[Ee]x|[Nn]on|[Pp]ost|[Pp]re|[Pp]an|[Uu]n|[Nn]eo|[Cc]ounter)-$")


#: Prefixes written capitalized, opening a sentence or a heading: "Pro-Clinton", "Anti-Lowe".
PREFIX_WORDS = frozenset({"Pro", "Anti", "Ex", "Non", "Post", "Pre", "Neo", "Counter"})


def without_prefix(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name without a capitalized prefix joined to it by a hyphen, opening a sentence or a
    heading: "Pro-Clinton super PAC" names Clinton, whom the prefix makes a modifier."""
    if len(tokens) > 1 and text[tokens[0][0] : tokens[0][1]] in PREFIX_WORDS and text[tokens[0][1] : tokens[1][0]] == "-":
        return tokens[1:]
    return tokens


def prefixed(text: str, tokens: list[tuple[int, int]]) -> bool:
    """Whether a name's first word carries a prefix joined by a hyphen, and the next word follows
    after a space: "the pro-Orvala Unity Party", "ex-Velmont engineer" make a modifier of the
    first name ("Orvala"), which is no word of the name after it ("Unity Party")."""
    return (len(tokens) > 1 and text[tokens[0][1] : tokens[1][0]] == " "
            and _NAME_PREFIX.search(text, max(0, tokens[0][0] - 8), tokens[0][0]) is not None)


def lower_word(word: str) -> bool:
    """A word in lower case that is no connector of names: "nominee" in "party nominee Ann Lowe"."""
    return word.isalpha() and word.islower() and word not in gazetteer().connectors and word not in NAME_PARTICLES


def lower_cut(text: str, tokens: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The pieces of a name the pipeline found, cut at words in lower case: a name is written
    capitalized, so "presumptive party nominee Ann Lowe" (the tagger reading "nominee" as a
    proper noun) names Ann Lowe, and "en masse" names nothing."""
    pieces: list[list[tuple[int, int]]] = [[]]
    for s, e in tokens:
        if lower_word(text[s:e]):
            pieces.append([])
        else:
            pieces[-1].append((s, e))
    return [p for p in pieces if any(ch.isupper() for s, e in p for ch in text[s:e])]


def run_pieces(text: str, part: list[tuple[int, int]]) -> list[tuple[list[tuple[int, int]], bool]]:
    """The names of a capitalized run (see :func:`trim_connectors`), each with whether it is a
    person's name that ran on into what the person is "of" (:func:`person_of`) or out of the
    body's name before it (:func:`body_then_person`)."""
    split = person_of(text, part)
    if split:
        return [(split[0], True), *run_pieces(text, split[1])]
    after_body = body_then_person(text, part)
    if after_body:
        return [*run_pieces(text, after_body[0]), (after_body[1], True)]
    pieces = trim_connectors(text, part)
    if len(pieces) == 1 and pieces[0] == part:
        return [(part, False)]
    return [found for piece in pieces for found in run_pieces(text, piece)]


#: An honorific right before a run: "Mr. Lowe of Acme" names Lowe, a person, of Acme.
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Miss)\.? $")


def person_of(
    text: str, tokens: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """A person's name and the name of what she is "of", when a name runs on into another: "Ann
    Lowe of Acme Capital Group" (two or three words opening with a given name, then "of"; "Earl of
    Clare" and "Bank of Ohio" open with no given name), a title before them kept with the person
    ("President Ann Lowe of Varnia"); or a surname alone after an honorific ("Mr. Lowe of Acme")."""
    gaz = gazetteer()
    words = [text[s:e] for s, e in tokens]
    if "of" not in words:
        return None
    at = words.index("of")
    lead = 0
    while lead < at - 2 and (words[lead] in gaz.person_titles or words[lead].rstrip(".") in gaz.honorifics):
        lead += 1  # "President Ann Lowe of Varnia": the title before the name is left to split_run
    before, after = words[lead:at], words[at + 1 :]
    if at == 2 and words[0].rstrip(".") in gaz.honorifics:
        before = words[1:at]  # "Ms. Tovar of Orla Bank": the honorific says a person of one word
    honored = len(before) == 1 and (words[0].rstrip(".") in gaz.honorifics or _HONORIFIC_BEFORE.search(
        text, max(0, tokens[0][0] - 6), tokens[0][0]) is not None)
    if not (2 <= len(before) <= 3 or honored) or not after or not all(is_cap(w) for w in before + after[-1:]):
        return None
    first = before[0]
    if first in gaz.org_words or not (honored or first in gaz.first_names
                                      or world_names.fold(first) in world_names.load().given):
        return None
    if any(w in gaz.org_words or w in gaz.person_titles or w in _INSTITUTIONS for w in before):
        return None  # "Leigh Varn Museum of Art": a museum given a person's name
    return tokens[:at], strip_edge_connectors(text, tokens[at + 1 :])


#: Last words of the names of institutions that are as often a place as a body ("the Leigh Varn
#: Museum"), so no organization words, and never of a person's name.
_INSTITUTIONS = frozenset({"Museum", "Gallery", "Library", "Orchestra", "Theatre", "Theater", "Zoo"})


def body_then_person(
    text: str, tokens: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """A body's name and the name of a person it runs on into, when a role "of" the body is set
    before the person with no comma: "the director of the Harbor Refugee Council Maria Delgado
    said" (a word that ends a body's name, then a given name of the lists that is no common
    word, no place and no body's word, and one or two more capitalized words ending the run, the
    last a surname or no place). "Council Maria" opening the run, and "Alder Foundation Grant"
    (no given name), stay. After a role held in a body ("chief executive of the", "a student at")
    the body needs no word of a body's, and two words ending the run that are no common word,
    body's word or place are a name though no list knows them when a verb follows them ("a major
    at Westfield University Amneh Jafari heard")."""
    if len(tokens) < 3:
        return None  # a body's word, a given name and one more word at least (the role's search costs)
    gaz = gazetteer()
    lists = world_names.load()
    words = [text[s:e] for s, e in tokens]
    role_of = tokens and _ROLE_OF.search(text, max(0, tokens[0][0] - 60), tokens[0][0]) is not None
    for at in range(1, len(words) - 1):
        body, given, rest = words[at - 1], words[at], words[at + 1 :]
        if body not in gaz.org_words and body not in COMPANY_ENDINGS and not role_of:
            continue
        folded = world_names.fold(given)
        if ((at < 2 and not role_of) or not 1 <= len(rest) <= 2 or not (given in gaz.first_names or folded in lists.given)
                or not given.isalpha() or common_word(given) or folded in lists.places
                or given in gaz.org_words or text[tokens[at - 1][1] : tokens[at][0]] != " "):
            continue
        if all(is_cap(w) and w.isalpha() and w not in gaz.org_words and w not in PLACE_WORDS
               and w not in COMPANY_ENDINGS and w not in gaz.connectors for w in rest) \
                and (world_names.fold(rest[-1]) in lists.surnames or world_names.fold(rest[-1]) not in lists.places):
            return tokens[:at], tokens[at:]
    if role_of and len(words) >= 3 and _VERB_AFTER.match(text, tokens[-1][1]) and words[-3] not in gaz.connectors and text[tokens[-3][1] : tokens[-2][0]] == " " \
            and all(w.isalpha() and is_cap(w) and not w.isupper() and not common_word(w) and w not in gaz.org_words
                    and w not in PLACE_WORDS and w not in COMPANY_ENDINGS for w in words[-2:]) \
            and world_names.fold(words[-2]) not in lists.places:
        return tokens[:-2], tokens[-2:]  # "a major at Westfield University Amneh Jafari": a name of two words ends the run
    return None


#: A role and the body it is held in, right before the body's name: "chief executive of the",
#: "a psychology major at", "spokeswoman for". A name of two or three words at the end of the
#: run that follows is the holder's ("CEO of the Harbour Trust Miriam Solway said").
_ROLE_OF = re.compile(
    r"(?i)\b(?:CEO|chief executive|head|chief|director|president|chair(?:man|woman)?|spokes(?:man|woman|person)|"
    r"members?|students?|majors?|professors?|lecturers?|founder|co-founder|secretary|manager|officer|leader|"
    r"researchers?|fellow|dean|editor|coach|captain|minister|deputy|graduates?|analysts?|economists?|"
    r"employees?|lawyers?|attorneys?)\s+(?:of|at|for|with)\s+(?:the\s+)?$"
)


#: A verb right after a name, whose subject it is: "... Amneh Jafari heard", "... Tom Hale said".
_VERB_AFTER = re.compile(
    r"\s+(?:[a-z]+ed|said|says|told|tells|wrote|writes|heard|met|took|gave|made|spoke|came|went|left|won|lost|"
    r"ran|sent|began|got|led|held|saw|thought|felt|knew|is|was|has|had|will|would|could|can|may|might|should)\b"
)


#: Words for a member of a party written before a name ("Democrat Ann Lowe").
_PARTY_MEMBERS = frozenset({"Democrat", "Republican", "Democratic", "Libertarian", "Independent", "Conservative",
                            "Liberal", "Labour", "Tory", "Socialist", "Green"})


def without_descriptor(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A person's name without the capitalized word before it that says what the person is:
    "Democrat Ann Lowe", "Rival Ann Lowe", "Comedian Ann Lowe" (a party member or a word the
    treebanks write in lower case, before a given name and at least one more word), or a place
    before a surname alone ("an Ohio Lowe rally"). "Sandy Ann
    Lowe" keeps "Sandy", a given name; a word no list knows may be one too ("Farouk")."""
    lists = world_names.load()
    if len(tokens) == 2:
        first, last = (text[s:e] for s, e in tokens)
        folded = world_names.fold(first)
        if (folded in lists.places and folded not in lists.given and folded not in lists.surnames
                and first not in gazetteer().first_names and world_names.fold(last) in lists.surnames
                and world_names.fold(last) not in lists.places):
            return tokens[1:]  # "Ohio Lowe rally": the place the surname's person is in
    if len(tokens) < 3:
        return tokens
    first, second = (text[s:e] for s, e in tokens[:2])
    if not second[:1].isupper() or not (second in gazetteer().first_names or world_names.fold(second) in lists.given):
        return tokens
    folded = world_names.fold(first)
    if folded in lists.given or folded in lists.surnames or folded in lists.places or first in gazetteer().first_names:
        return tokens
    if first in gazetteer().stopwords or len(first) < 3 or text[tokens[0][1] : tokens[0][1] + 1] == ".":
        return tokens  # "The Kelly File", "M. Stanton Evans": an article or an initial is the name's
    if first in _PARTY_MEMBERS or first.removesuffix("s") in _PARTY_MEMBERS or (first.isalpha() and common_word(first)):
        return tokens[1:]
    if _AGENT_NOUN.fullmatch(first):
        return tokens[1:]  # "Mathematician Ann Lowe", "Novelist Ann Lowe": a word for what one does, in no list of names
    return tokens


#: A word for someone by what she does, by its ending: "Mathematician", "Physicist", "Designer".
_AGENT_NOUN = re.compile(r"[A-Z][a-z]{3,}(?:ician|ologist|ist|grapher|ographer|eer|ier|ator|ster|maker)")


def without_home_place(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A person's name without the place it is "of": "Ann Lowe of Ohio" names Ann Lowe (a place
    known to the gazetteers, so that "Earl of Clare" keeps its title's words)."""
    for index, (s, e) in enumerate(tokens[1:-1], start=1):
        if text[s:e] == "of":
            place = text[tokens[index + 1][0] : tokens[-1][1]]
            if place in gazetteer().places or world_names.fold(place) in world_names.load().places:
                return tokens[:index]
    return tokens


def strip_edge_connectors(text: str, part: list[tuple[int, int]]) -> list[tuple[int, int]]:
    gaz = gazetteer()
    while part and text[part[0][0] : part[0][1]] in gaz.connectors:
        part = part[1:]
    while part and (text[part[-1][0] : part[-1][1]] in gaz.connectors or text[part[-1][0] : part[-1][1]] == "the"):
        part = part[:-1]  # "Office of the" of "the Office of the Inspector General", cut at the title
    return part


def without_gerund(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name without the capitalized verb in "-ing" that opens a sentence or a heading before it:
    "Impeaching Lowe was the plan" names Lowe. The word is no given name, surname or place of the
    world lists ("Fleming", "Reading" and "Beijing" stay), and inside a sentence ("the Rolling
    Ravens") it is the name's."""
    if len(tokens) < 2:
        return tokens
    first = text[tokens[0][0] : tokens[0][1]]
    if not (first.endswith("ing") and len(first) > 5 and first[:1].isupper() and first[1:].islower()):
        return tokens
    folded = world_names.fold(first)
    lists = world_names.load()
    if folded in lists.given or folded in lists.surnames or folded in lists.places or first in gazetteer().first_names:
        return tokens
    before = text[max(0, tokens[0][0] - 80) : tokens[0][0]].rstrip(" \t\"“‘'(")
    if before and before[-1] not in ".!?:\n":
        return tokens  # "the Rolling Ravens" inside a sentence is a name
    return tokens[1:]
