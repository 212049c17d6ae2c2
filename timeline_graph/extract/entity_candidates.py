"""Candidate names of one document: the pipeline's names, capitalized runs and line shapes.

The pipeline's names come with a kind; capitalized runs of the parse's sentences come with
none (only strong evidence makes them entities, see :mod:`.entity_kinds`); bylines, labelled
credits, datelines, reference authors and "X police" come with the kind their shape gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import EntityKind
from ..nlp import Parse, Token
from ..nlp import gazetteer as world_names
from ..nlp.typer import common_word
from .entity_runs import (
    PREFIX_WORDS,
    SURNAME_PARTICLES,
    ampersand_name,
    ampersand_place,
    body_then_person,
    capitalized_runs,
    conjoined_names,
    initial_at,
    lower_cut,
    lower_word,
    person_of,
    possessive_after,
    prefixed,
    run_pieces,
    split_run,
    strip_edge_connectors,
    syllable_end,
    without_descriptor,
    without_gerund,
    without_home_place,
    without_prefix,
    word_tokens,
)
from .entity_words import (
    COMPANY_ENDINGS,
    MEMBERS,
    PLACE_WORDS,
    TITLE_HEADS,
    after_capitalized,
    gazetteer,
    inside,
    state_abbreviations,
)
from .text import LOWER, UPPER, Intervals, is_title_like, lines, quotes, reference_entries

_ADDRESS = re.compile(r"@|://|\bwww\.", re.IGNORECASE)


@dataclass
class Candidate:
    start: int
    end: int
    initial: bool  # sentence-initial, so capitalization says nothing
    kind: EntityKind | None = None  # forced by a pattern (byline, reference author)
    title: tuple[int, int] | None = None  # a title word right before the name
    alias: tuple[int, int] | None = None  # "(ACR)" right after the name
    role: tuple[str, int, int, tuple[int, int] | None] | None = None  # title, span, affiliation
    weak: bool = False  # a capitalized run the pipeline did not call a name
    forced: bool = False  # kind given by a pattern (byline, credit, reference), not the pipeline
    joined: bool = False  # names joined by "&" into one: "Halvorsen & Dahl"
    dateline: bool = False  # the place of a dateline: "LISKARD, England (Reuters) -"

    def name(self, text: str) -> str:
        return text[self.start : self.end]


def _skip_zones(text: str) -> list[tuple[int, int]]:
    """Headline-like lines and quoted titles: no new names are taken from them (see :func:`_headline`)."""
    zones = [(s, e) for s, e in lines(text) if _headline(text[s:e])]
    zones += [(s, e) for s, e in quotes(text) if is_title_like(text[s:e])]
    return zones


#: Words that may stand in lower case inside a headline in Title Case.
_HEADLINE_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                             "the", "to", "with", "vs", "via", "is", "are", "was", "be", "but", "nor", "so", "up",
                             "after", "before", "over", "under", "amid", "about", "against", "than", "off", "out",
                             "down", "if", "not", "its", "his", "her", "their", "says", "until", "despite", "without"})


def _headline(line: str) -> bool:
    """A line in Title Case. One that ends with a period is a headline only when every word but
    the small ones is capitalized and common words are among them ("Mayor Wins Vote On Parks
    Budget."): a sentence of prose full of names keeps words in lower case ("Former Gov. Ann Lowe
    is endorsing Tom Hale."), and a list of names has no common words ("Ann Lowe and Tom Hale.")."""
    if not is_title_like(line):
        return False
    if not line.rstrip().endswith("."):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w not in _HEADLINE_SMALL]
    common = sum(1 for w in words if w[0].isupper() and w.isalpha() and common_word(w))
    return all(w[0].isupper() for w in words) and common >= 2


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
    may have read as a common noun on news unlike its training data ("reached Toledo on Sunday");
    or, for a person, a capitalized given name of the world lists that is no common word, which the
    tagger may read as an interjection when it opens a sentence ("Kendra, wait")."""
    if not any(ch.isalpha() for ch in token.text):
        return False
    if token.pos == "PROPN":
        return True
    if kind == "person":
        return (token.text[:1].isupper() and token.text.isalpha() and not common_word(token.text)
                and world_names.fold(token.text) in world_names.load().given)
    return (kind == "place" and token.start != opening and token.text[:1].isupper()
            and world_names.fold(token.text) in world_names.load().places)


def find_candidates(text: str, masked: Intervals[None], parse: Parse) -> list[Candidate]:
    """Names the pipeline found (with their kind), then capitalized runs of the parse's sentences,
    then names that a line's shape gives.

    The runs carry no kind: only strong evidence (see :func:`classify`) makes them entities.
    """
    skip = Intervals((s, e, None) for s, e in _skip_zones(text))
    cands = [
        *_pipeline_candidates(text, masked, skip, parse),
        *_run_candidates(text, masked, skip, parse),
        *_pattern_candidates(text, masked),
        *_possessive_names(text, masked, skip, parse),
    ]
    parties = [(m.start(), m.end()) for m in _PARTY_STATE.finditer(text) if m.group("listed") and _state(m.group("listed"))]
    if parties:  # "D-Ohio" after a legislator's name: a party and a state, no person's name
        cands = [c for c in cands if c.forced or not any(c.start < e and s < c.end for s, e in parties)]
    _surnames_of_people(text, cands)
    firms = [(c.start, c.end) for c in cands if c.joined]
    if firms:  # "Shares of Halvorsen" of "Shares of Halvorsen & Dahl": no name runs into a firm's name or out of it
        cands = [c for c in cands if not any(c.start < s < c.end < e or s < c.start < e < c.end for s, e in firms)]
    for cand in cands:
        if cand.title is None and not cand.forced:
            cand.title = _honorific_before(text, cand.start)
        cand.start = _leading_initial(text, parse, cand.start, cand.end)
        if _ARTICLE_BEFORE.search(text, max(0, cand.start - 4), cand.start):
            cand.start -= 3  # "al-Qorwan said": the article in lower case is the surname's, not a word of the text
    return cands


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:al|el)-$")


_INITIAL_BEFORE = re.compile(rf"(?<![\w.&'’-])[{UPPER}]\. $")


def _leading_initial(text: str, parse: Parse, start: int, end: int) -> int:
    """The start of a person's name that opens with an initial before the given name the name
    goes by ("J. Edgar Hoover", "L. Ron Hubbard"): the capitalized run stops at the initial's
    period, the name does not. Only before a given name of the world lists followed by more of
    the name, inside one sentence of the parse, after no word in lower case but a function word or
    a noun for a person's role: "more vitamin C. Ann Lowe said", a sentence the splitter may have
    missed, keeps Ann Lowe apart."""
    initial = _INITIAL_BEFORE.search(text, max(0, start - 4), start)
    words = text[start:end].split()
    if initial is None or len(words) < 2 or not words[1][:1].isupper():
        return start
    if world_names.fold(words[0]) not in world_names.load().given or common_word(words[0]):
        return start
    sentence = parse.sentence_of(start)
    if sentence is None or sentence.start > initial.start():
        return start
    before = re.search(rf"(?<![\w'’-])([{LOWER}]+)\s+$", text[max(0, initial.start() - 30) : initial.start()])
    if before is not None:  # "the novelist R. Dale Venkirk", "founded by R. Dale Venkirk"; not "vitamin C. Ann Lowe"
        word = before.group(1)
        singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        gaz = gazetteer()
        if not (word.capitalize() in gaz.stopwords or singular in gaz.person_titles
                or singular.capitalize() in gaz.person_titles
                or (singular.endswith(("er", "or", "ist", "ian", "ant", "ent", "eer")) and len(singular) > 4)):
            return start  # a letter after a common noun names a thing of a series: "plan B", "vitamin C"
    return initial.start()


_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Miss|Sir|Dame)\.? $")


def _honorific_before(text: str, start: int) -> tuple[int, int] | None:
    """An honorific written right before a name that a run or the pipeline left out of it
    ("Undersecretary for Health Mr. Vantorelli", the pipeline naming "Vantorelli" alone): the
    name's title, which says a person."""
    match = _HONORIFIC_BEFORE.search(text, max(0, start - 6), start)
    if match is None:
        return None
    return match.start(), match.start() + len(match.group(0).rstrip(". "))


#: Parts of speech of a word that a possessive may mark ("Lowe's plan", "Lowe's first two").
_POSSESSED = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PRON", "DET", "ADV"})


def _possessive_names(text: str, masked: Intervals[None], skip: Intervals[None], parse: Parse) -> Iterator[Candidate]:
    """A shop's or a firm's name in the possessive that marks nothing ("Moody's downgraded the
    city", "a match at Lord's"): the name is the firm's with its "'s", an organization, or a place
    after a preposition of place. A predicate ("the book is Lowe's"), a given name alone ("dinner
    at Ann's") and a person's surname ("Ann Lowe ... Lowe's") are no firm's."""
    lists = world_names.load()
    for i, mark in enumerate(parse.tokens):
        if mark.text not in ("'s", "’s") or i == 0 or mark.start != parse.tokens[i - 1].end:
            continue
        name = parse.tokens[i - 1]
        after = parse.tokens[i + 1] if i + 1 < len(parse.tokens) else None
        if after is not None and after.text in _QUOTE_MARKS and i + 2 < len(parse.tokens):
            after = parse.tokens[i + 2]  # "Lowe's “Harbor Nights”": what the possessive marks is quoted
        if (name.pos != "PROPN" or not name.text[:1].isupper() or not name.text.isalpha()
                or (after is not None and (after.pos in _POSSESSED or (after.text[:1].isalnum() and after.pos == "X")))
                or any(c.dep == "cop" for c in parse.children(name))):
            continue
        first = name
        while first.i > 0 and parse.tokens[first.i - 1].pos == "PROPN" and parse.tokens[first.i - 1].head == name.i \
                and parse.tokens[first.i - 1].dep in ("compound", "flat"):
            first = parse.tokens[first.i - 1]  # "Trader Joe's"
        if first is name and (world_names.fold(name.text) in lists.given or name.text in gazetteer().first_names
                              or after_capitalized(text, name.text, dots=False, spaces=True)):
            continue  # "dinner at Ann's"; "Ann Lowe ... Lowe's": a person's
        if inside(masked, first.start, mark.end) or inside(skip, first.start, mark.end):
            continue
        at = any(c.dep == "case" and c.text.casefold() in _AT for c in parse.children(name))
        yield Candidate(first.start, mark.end, False, kind="place" if at else "organization", forced=True)


_QUOTE_MARKS = frozenset({'"', "“", "‘", "'", "``"})


#: Prepositions of place: "a match at Lord's", "outside Macy's" name where the firm stands.
_AT = frozenset({"at", "outside", "inside", "near", "behind", "opposite"})


def _pipeline_candidates(text: str, masked: Intervals[None], skip: Intervals[None], parse: Parse) -> Iterator[Candidate]:
    """The pipeline's names outside ``masked`` furniture and ``skip`` headlines, cut at titles,
    time words and words in lower case (only the last piece keeps the pipeline's kind)."""
    for ent in parse.entities:
        kind = _NER_KINDS.get(ent.label)
        if kind is None or inside(masked, ent.start, ent.end) or inside(skip, ent.start, ent.end):
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
            and initial_at(text, sentence.start, ent.start)
        ):
            continue  # "Council members voted": a bare organization word opening a sentence names nothing
        # The pipeline's tokens end a name at a hyphen: "Kim Jong" of "Kim Jong-un" goes on to its end.
        stop = syllable_end(text, ent.end, len(text)) or ent.end
        if kind == "person":
            stop, whole = _double_surname_end(text, parse, ent.start, stop)
            if not whole:  # "Petersen" of "Jessen-Petersen", "Farrow" of "Dorian Mbeki-Farrow": the whole is the name
                opening = _hyphenated_opening(text, ent.start)
                words = re.findall(r"[^\W\d_]+", text[opening:stop])
                titled = any(w in gazetteer().person_titles or w.capitalize() in gazetteer().person_titles for w in words)
                spans = [(t.start, t.end) for t in parse.tokens_in(opening, stop)]  # "Anglo-Americans": a group
                closing = parse.token_at(stop - 1)
                modifier = closing is not None and closing.dep in ("compound", "amod", "nmod") and closing.head > closing.i \
                    and parse.tokens[closing.head].text.islower()  # "the Lincoln-Douglas debates": a compound before a noun
                modifier = modifier or re.search(r"(?<!\w)(?:the|a|an) $", text[max(0, opening - 5) : opening]) is not None
                if (not titled and not modifier and spans and _without_group(text, parse, spans)
                        and not _hyphenated_run(text[opening:stop])
                        and not inside(masked, opening, stop) and not inside(skip, opening, stop)):
                    yield Candidate(opening, stop, False, kind="person")
                continue
        elif re.search(r"(?<![\w-])(?:[Aa]l|[Ee]l|[Aa]bu|[Bb]in|[Ii]bn)$", text[max(0, stop - 4) : stop]) and (
                joined := _HYPHENATED.match(text, stop)):
            stop = joined.end()  # "the Masjid Al-Nour": an article or a kinship word ends no name
        begin = _particle_opening(text, ent.start) if kind == "person" else ent.start
        if kind == "person" and (particles := _PARTICLES_AFTER.match(text, stop)):
            stop = particles.end()  # "Ursula" of "Ursula von der Heide": the surname after its particles
        marked = list(word_tokens(text, begin, stop))
        owner = next((i for i, (_s, _e, possessive) in enumerate(marked[:-1]) if possessive), None)
        if owner is not None:  # "the Courier's Ann Lowe": the outlet (a kind to be found), then the name
            yield Candidate(marked[0][0], marked[owner][1], False, weak=True)
            marked = marked[owner + 1 :]
            given = text[marked[0][0] : marked[0][1]]
            if len(marked) > 1 and (given in gazetteer().first_names or world_names.fold(given) in world_names.load().given):
                kind = "person"  # the label was the whole's: "the Courier's Ann Lowe" is a person
        tokens = [(s, e) for s, e, _possessive in marked]
        dash = next((i for i in range(len(tokens) - 1, 0, -1) if re.search(r"\s[―—–]\s", text[tokens[i - 1][1] : tokens[i][0]])), None)
        if dash is not None:
            yield Candidate(tokens[0][0], tokens[dash - 1][1], False, weak=True)
            tokens = tokens[dash:]  # "Ohio ― Lowe": a dash between two names
        tokens = without_prefix(text, tokens)
        if len(tokens) > 1 and prefixed(text, tokens):
            yield Candidate(tokens[0][0], tokens[0][1], False, weak=True)
            tokens = tokens[1:]  # "the pro-Orvala Unity Party": a modifier made of a name, then the name
        if (
            owner is None
            and (not tokens or text[tokens[0][0] : tokens[0][1]] != "The")
            and text[max(0, ent.start - 4) : ent.start] == "The "
            and sentence is not None
            and not initial_at(text, sentence.start, ent.start - 4)
            and not quote_opening(text, ent.start - 4)
        ):
            # A capitalized "The" inside a sentence is part of the name: "told The Courier".
            tokens = [(ent.start - 4, ent.start - 1), *tokens]
        elif tokens and (
            (text[tokens[0][0] : tokens[0][1]] in {"the", "A", "An"} and not _initial_letter(text, tokens))
            or (text[tokens[0][0] : tokens[0][1]] == "The" and (
                sentence is None or initial_at(text, sentence.start, tokens[0][0])))
        ):
            tokens = tokens[1:]  # "the Harbor Board": the article is no part of the name
        tokens = _without_closing_word(text, parse, without_gerund(text, tokens))
        if len(tokens) > 1 and sentence is not None and initial_at(text, sentence.start, tokens[0][0]):
            first = parse.token_at(tokens[0][0])
            if (first is not None and first.pos in _NO_NAME_POS and first.end == tokens[0][1]
                    and common_word(first.text)):
                tokens = tokens[1:]  # "Had Lowe won": a verb or an adverb opening the sentence
            tokens = tokens[_plural_of(text, parse, tokens):]  # "Members of Congress said": Congress
        tokens = _after_title_of(text, tokens)
        while (len(tokens) > 1 and text[tokens[-1][0] : tokens[-1][1]] in gazetteer().stopwords
               and text[tokens[-2][1] - 1 : tokens[-1][0]] == ". "):
            tokens = tokens[:-1]  # "in Washington D.C. This is": the next sentence's first word
        while len(tokens) > 1 and not any(ch.isalpha() for ch in text[tokens[0][0] : tokens[0][1]]):
            tokens = tokens[1:]  # "1,300 Lowe emails", "the 6 Oval Office address": a number opens no name
        if kind == "person":
            tokens = without_descriptor(text, without_home_place(text, tokens))
        if kind == "person":
            before, tokens = _person_after_preposition(text, tokens)
            if before:  # "organized by Lowe for Ann Hale": two names, the first of a kind to be found
                yield Candidate(before[0][0], before[-1][1], False, weak=True)
        conjoined = conjoined_names(text, tokens) if kind in ("person", "organization", "place") else None
        if conjoined:  # "Ann Lowe and Harbor News": a person or an acronym's body, then a body
            left, tokens, person = conjoined
            yield Candidate(left[0][0], left[-1][1], False, kind="person" if person else None, weak=True)
            kind = "organization"
        split = person_of(text, tokens) if kind in ("person", "organization") else None
        if split:  # "Ann Lowe of Acme Capital Group": a person, then the body she is of (a kind to be found)
            tokens, rest = split
            kind = "person"
            yield Candidate(rest[0][0], rest[-1][1], False, weak=True)
        after_body = body_then_person(text, tokens) if kind in ("person", "organization") else None
        if after_body:  # "the Harbor Refugee Council Maria Delgado": the body (a kind to be found), then a person
            body, tokens = after_body
            kind = "person"
            yield Candidate(body[0][0], body[-1][1], False, weak=True)
        parts = [(part, title) for segment in lower_cut(text, tokens)
                 for part, title, _ in split_run(text, segment, keep_stopwords=True)]
        if tokens and lower_word(text[tokens[-1][0] : tokens[-1][1]]):
            parts.append(([], None))  # "Vermont senator": the name before a common noun is no person's
        elif len(tokens) > 1 and text[tokens[-1][0] : tokens[-1][1]] in gazetteer().person_titles:
            parts.append(([], None))  # "UN Secretary" of "UN Secretary-General Ann Lowe": no person before a title
        # Titles, time words and words such as "CEO" cut the span: "Acme CEO Ann Lowe" names Ann
        # Lowe (the pipeline's kind) and Acme (a kind to be found like any capitalized run's).
        for index, (part, title) in enumerate(parts):
            if title is not None and part and " of " in text[title[1] : part[0][0] + 1]:
                part = from_given_name(text, part)  # "Director of National Intelligence Ann Lowe"
            # A plural name the pipeline calls an organization is a team or a band ("the Mets"),
            # unless it ends with a word for members of a people or party ("Democrats").
            piece = _without_group(text, parse, strip_edge_connectors(text, part), tagged=kind != "organization")
            if not piece:
                continue
            last = index == len(parts) - 1
            # After a title a name is a person's: "Senate Minority Leader Ann Lowe", one span to the pipeline
            titled = title is not None and index > 0 and not any(text[s:e] in gazetteer().org_words for s, e in piece)
            piece_kind = ("person" if titled else kind) if last else None
            if title is not None and text[max(0, piece[0][0] - 4) : piece[0][0]] in (" of ", "for "):
                title, piece_kind = None, None  # "the Mayor of Tessaville", "the Commissioner for Refugees": what the office is of
            cand = Candidate(piece[0][0], piece[-1][1], False, kind=piece_kind, title=title, weak=not last)
            yield _with_alias(text, cand)


_HYPHENATED = re.compile(rf"-[{UPPER}][{LOWER}'’]+(?![\w-])")


def _double_surname_end(text: str, parse: Parse, start: int, end: int) -> tuple[int, bool]:
    """The end of a person's name the pipeline cut at a hyphen inside a surname, and whether the
    name is whole: "Soren Jessen" of "Soren Jessen-Petersen" and "Omar al" of "Omar al-Haddad" go
    on to the end of the surname, and "Pierre" of "Pierre-Simon Laplace" to the end of the name; a
    part after a hyphen ("Simon Laplace", "Petersen") is no name of its own. Names joined by a
    hyphen before a noun ("the Trump-Kim summit") are two people's, as the pipeline gave them."""
    whole_end = end
    while (joined := _HYPHENATED.match(text, whole_end)) is not None:
        whole_end = joined.end()
    opening = start
    while opening > 1 and text[opening - 1] == "-" and (before := re.search(rf"[{UPPER}][{LOWER}'’]+$", text[max(0, opening - 30) : opening - 1])):
        opening -= 1 + len(before.group(0))
    after = re.match(r" ([a-z]+)", text[whole_end : whole_end + 30])
    token = parse.token_at(whole_end + 1) if after else None
    if token is not None and token.pos == "NOUN" and (opening < start or whole_end > end):
        return end, True  # "the Trump-Kim summit": a compound before a noun
    following = _HYPHENATED.match(text, end)
    if following:  # "Pierre-Simon Laplace", "Jessen-Petersen said": a given name or a surname in two parts
        more = re.match(rf"(?: [{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)*(?![\w-])){{1,2}}", text[whole_end : whole_end + 60])
        return whole_end + (len(more.group(0)) if more else 0), True
    if opening < start:
        return end, False  # "Simon Laplace" of "Pierre-Simon Laplace": the name is read from its first part
    return end, True


_PARTICLES_BEFORE = re.compile(
    rf"((?:[{UPPER}][{LOWER}'’-]+ ){{1,2}})((?:(?:{'|'.join(sorted(SURNAME_PARTICLES))}) ){{0,2}})$")


_PARTICLES_AFTER = re.compile(rf" (?:(?:{'|'.join(sorted(SURNAME_PARTICLES))}) ){{1,2}}[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?(?![\w-])")


def _particle_opening(text: str, start: int) -> int:
    """Where a person's name begins that the pipeline read from its surname's particles or from
    the surname after them: "Pieter van der Merwe" of "Merwe", "Khalid bin Saleh" of "bin Saleh"
    (one or two capitalized words before the particles, no title and no function word)."""
    words = text[start : start + 12].split()
    opens_with_particle = bool(words) and words[0] in SURNAME_PARTICLES
    match = _PARTICLES_BEFORE.search(text, max(0, start - 60), start)
    if match is None or not (match.group(2) or opens_with_particle):
        return start
    gaz = gazetteer()
    names = match.group(1).split()
    while names and (names[0] in gaz.stopwords or names[0] in gaz.person_titles or names[0].rstrip(".") in gaz.honorifics
                     or names[0] in gaz.org_words or common_word(names[0])):
        names = names[1:]  # "Minister Khalid bin Saleh": the title is no part of the name
    if not names or any(n in gaz.person_titles or n in gaz.org_words for n in names):
        return start
    return start - len(match.group(2)) - len(" ".join(names)) - 1


def _initial_letter(text: str, tokens: list[tuple[int, int]]) -> bool:
    """Whether the first token is a capital's initial with its period before more of a name: the
    "A." of "A. J. Brennan", no article."""
    s, e = tokens[0]
    return len(tokens) > 1 and e - s == 1 and text[e : e + 2] == ". "


def _given_before(text: str, start: int) -> int:
    """The start of a given name of the lists written right before ``start`` ("Dorian " before
    "Mbeki-Farrow"), or ``start``."""
    before = re.search(rf"(?<![\w.'’-])([{UPPER}][{LOWER}]+) $", text[max(0, start - 30) : start])
    if before is None:
        return start
    word = before.group(1)
    known = word in gazetteer().first_names or world_names.fold(word) in world_names.load().given
    return start - len(before.group(0)) if known and not common_word(word) else start


def _hyphenated_opening(text: str, start: int) -> int:
    """Where a person's name begins that the pipeline read from a part after a hyphen: the first
    part of the hyphenated word ("Mbeki-Farrow", "Pierre-Simon Laplace"), or a given name of the
    lists before it ("Dorian Mbeki-Farrow", which a parser may misread opening a sentence)."""
    opening = start
    while opening > 1 and text[opening - 1] == "-" and (
            before := re.search(rf"[{UPPER}][{LOWER}'’]+$", text[max(0, opening - 30) : opening - 1])) and (
            before.group(0) not in PREFIX_WORDS):
        opening -= 1 + len(before.group(0))  # not "Pro-" of "Pro-Clinton", a prefix
    return _given_before(text, opening) if opening < start else start


_HYPHENATED_RUN = re.compile(rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+){{2,}}")


def _hyphenated_run(name: str) -> bool:
    """A run of three or more capitalized words joined by hyphens with no given name at its head
    ("Metro-Goldwyn-Mayer"): the founders' surnames joined in a firm's name, no person's name (a
    person's double surname joins two, after a given name: "Dorian Mbeki-Farrow")."""
    if not _HYPHENATED_RUN.fullmatch(name):
        return False
    head = name.split("-")[0]
    return head not in gazetteer().first_names and world_names.fold(head) not in world_names.load().given


_QUOTE_OPENERS = "“‘\"'"
_QUOTE_CLOSERS = "”’\"'"


def quote_opening(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a quoted sentence, so that it is capitalized by its place:
    'read, “The LAPD is asking for footage”' (a quotation of more than a title's few words; "the
    paper “The Harbor Star” said" quotes a title, whose "The" is the name's)."""
    if at == 0 or text[at - 1] not in _QUOTE_OPENERS:
        return False
    close = next((i for i in range(at, min(len(text), at + 120)) if text[i] in _QUOTE_CLOSERS and (
        i + 1 == len(text) or not text[i + 1].isalpha())), None)
    return close is None or len(text[at:close].split()) > 5


def _known_name(name: str) -> bool:
    """A name the gazetteer knows as an outlet's or a place's ("Associated Press", "Upper Volta")."""
    gaz = gazetteer()
    return name in gaz.outlets or name in gaz.places


def _person_after_preposition(
    text: str, tokens: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A person's name the pipeline ran on from a name before a preposition: the words before and
    the person's name. No person's name holds a "for" ("the Grand Hotel for Lowe's party", "hosted
    by Lowe for Hale"), nor an "of" before a full name that opens with a given name ("The Later
    Years of Ann Lowe"; "Earl of Clare" and "Ann Lowe of Ohio" are left as they are)."""
    lists = world_names.load()
    for index in range(len(tokens) - 2, 0, -1):
        word = text[tokens[index][0] : tokens[index][1]]
        rest = tokens[index + 1 :]
        following = text[rest[0][0] : rest[0][1]]
        given = following in gazetteer().first_names or world_names.fold(following) in lists.given
        if word == "for" or (word == "of" and len(rest) > 1 and given):
            return strip_edge_connectors(text, tokens[:index]), rest
    return [], tokens


#: Parts of speech of a word that closes no name: a pronoun, a preposition, an article, a
#: conjunction or an auxiliary.
_NO_CLOSING_POS = frozenset({"PRON", "ADP", "DET", "CCONJ", "SCONJ", "AUX", "PART"})


def _without_closing_word(text: str, parse: Parse, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name without the next sentence's first word that the pipeline ran it on into where a
    line break was lost: "Kellan Brooks I was told", "Tessaland Republic In the second match" (a
    closing capitalized word the tagger reads as a pronoun, a preposition, an article, a
    conjunction or an auxiliary, and a common word; "World War I" and "Elizabeth I", a number or
    a proper noun to the tagger, keep it), or a common word before a colon, a label's ("Ann Lowe
    Photo: Tom Hale")."""
    while len(tokens) > 1:
        s, e = tokens[-1]
        token = parse.token_at(s)
        word = text[s:e]
        if text[e : e + 2] == ": " and word[:1].isupper() and word[1:].islower() and common_word(word):
            tokens = tokens[:-1]  # "The Fawn Image: Ann Lowe": a caption's label after a lost line break
            continue
        if (token is None or (token.start, token.end) != (s, e) or token.pos not in _NO_CLOSING_POS
                or not word[:1].isupper() or not (common_word(word) or word == "I")):
            break
        tokens = tokens[:-1]
    return tokens


#: Parts of speech that open no name: "Had Lowe won", "Still Acme grew".
_NO_NAME_POS = frozenset({"AUX", "VERB", "ADV", "SCONJ", "ADP", "PRON", "DET", "INTJ", "PART", "CCONJ"})
_TITLE_OF = re.compile(rf"\b([{UPPER}{LOWER}][{LOWER}]+) of (?:[{UPPER}][{LOWER}]+ ){{0,2}}$")


def _after_title_of(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name without the rest of a title "of" something before it: "(secretary of) State Ann
    Lowe" names Ann Lowe, from the first given name on."""
    title = _TITLE_OF.search(text, max(0, tokens[0][0] - 30), tokens[0][0]) if tokens else None
    if title is None or title.group(1).capitalize() not in gazetteer().person_titles:
        return tokens
    return from_given_name(text, tokens)


def from_given_name(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The tokens from the first given name on, if one comes before the last word."""
    lists = world_names.load()
    for index, (s, e) in enumerate(tokens[:-1]):
        word = text[s:e]
        if word in gazetteer().first_names or world_names.fold(word) in lists.given:
            return tokens[index:]
    return tokens


def _run_candidates(text: str, masked: Intervals[None], skip: Intervals[None], parse: Parse) -> Iterator[Candidate]:
    """Capitalized runs of the parse's sentences, cut into names, with no kind but a title's."""
    for sent_start, sent_end in parse.sentence_bounds():
        runs = capitalized_runs(text, sent_start, sent_end)
        for run in (cut for whole in map(lambda r: without_prefix(text, r), runs)
                    for cut in ([whole[:1], whole[1:]] if prefixed(text, whole) else [whole])):
            for part, title, _stopped in split_run(text, run):
                for piece, person in run_pieces(text, part):
                    piece = _without_group(text, parse, _after_title_of(text, without_gerund(text, piece)), tagged=False)
                    if piece and world_names.fold(text[piece[-1][0] : piece[-1][1]]) in world_names.load().surnames:
                        piece = without_descriptor(text, piece)  # "Democrat Ann Lowe", a person's name
                    if len(piece) > 1 and initial_at(text, sent_start, piece[0][0]):
                        first = parse.token_at(piece[0][0])
                        if (first is not None and (first.pos in _NO_NAME_POS - {"VERB"} or (first.tag == "JJ" and first.text[1:].islower()))
                                and first.end == piece[0][1]
                                and common_word(first.text) and not _known_name(text[piece[0][0] : piece[-1][1]])):
                            piece = piece[1:]  # "Later Lowe said", "Former Halden mayor": an adverb or an adjective opening the sentence ("Associated Press" stays)
                    if len(piece) > 2 and initial_at(text, sent_start, piece[0][0]):
                        piece = piece[_plural_of(text, parse, piece):]  # "Officials of the Harbor Board said"
                    if not piece or _plural_noun_opening(text, parse, sent_start, piece):
                        continue
                    start, end = piece[0][0], piece[-1][1]
                    if inside(masked, start, end) or inside(skip, start, end):
                        continue
                    # "The X" at a sentence start is a name; "While X" says nothing.
                    determiner = text[run[0][0] : run[0][1]] in {"The", "A", "An"}
                    initial = (
                        title is None
                        and not determiner
                        and not possessive_after(text, end)  # "Acme's plan" opens with a name
                        and initial_at(text, sent_start, run[0][0])
                    )
                    if (text[max(0, start - 4) : start] == "The " and not initial_at(text, sent_start, start - 4)
                            and not quote_opening(text, start - 4)):
                        start -= 4  # a capitalized "The" inside a sentence is the name's: "told The Courier"
                    # The title is the holder's only right before her name: not "the Mayor of Tessaville",
                    # nor "Finance" in "Defence Secretary Tom Hale and Finance Minister Ed Orr"
                    held_by = title if title is not None and _TITLE_GAP.fullmatch(text, title[1], start) else None
                    if not person and ampersand_name(text, piece):  # "Halvorsen & Dahl": a firm; "Trinidad & Tobago" a place
                        last = text[piece[-1][0] : piece[-1][1]]
                        if ampersand_place(text, piece):
                            yield Candidate(start, end, False, kind="place", forced=True, joined=True)
                        elif last in PLACE_WORDS or last in ("Center", "Centre"):  # "the Ross & Vale Visitors Center"
                            yield Candidate(start, end, False, weak=True, joined=True)
                        else:
                            yield _with_alias(text, Candidate(start, end, False, kind="organization", forced=True, joined=True))
                        continue
                    person = (person or _role_in_apposition(text, parse, piece) or _age_after(text, piece)
                              or _MIDDLE_INITIAL.fullmatch(text, start, end) is not None)
                    yield _with_alias(text, Candidate(start, end, initial, title=held_by, weak=True,
                                                      kind="person" if person else None))


#: What may stand between a title and its holder's name: a period, spaces, the title's own "of
#: State" ("Secretary of State Ann Lowe").
_TITLE_GAP = re.compile(rf"\.?\s+(?:of [{UPPER}][{LOWER}]+\s+)?")


_OPENING_OF = frozenset({"of", "for", "on", "at", "from"})


def _plural_of(text: str, parse: Parse, tokens: list[tuple[int, int]]) -> int:
    """2 when a name opens with a plural common noun and a preposition before a body's name
    ("Members of Congress", "Viewers of KTVA and Harbor News", "Officials from Tessaly Water
    Board"): the people are a group of the body, no name, and the body's name is the rest. The
    rest must look like a body's (an organization word or an acronym in it), so that "Friends
    of Haldane Park" or "Veterans of Foreign Wars" stay whole. Else 0."""
    if len(tokens) < 3 or text[tokens[1][0] : tokens[1][1]] not in _OPENING_OF:
        return 0
    token = parse.token_at(tokens[0][0])
    word = text[tokens[0][0] : tokens[0][1]]
    if (token is None or token.tag not in ("NNS", "NNPS") or (token.start, token.end) != tokens[0] or not word[1:].islower()
            or not common_word(word)):
        return 0
    gaz = gazetteer()
    rest = [text[s:e] for s, e in tokens[2:]]
    return 2 if any(w in gaz.org_words or (w.isupper() and len(w) > 1) for w in rest) or ampersand_name(text, tokens[2:]) else 0


#: A given name, a middle initial and a surname: "Darnell K. Whitfield-Oyelaran", a person's
#: name however unknown its words are (a body's or a place's name has no middle initial).
_MIDDLE_INITIAL = re.compile(rf"[{UPPER}][{LOWER}]+ [{UPPER}]\. [{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?")


_AGE_AFTER = re.compile(r", (?:age )?(?:[1-9]|[1-9][0-9]|1[01][0-9]),(?= [a-z])")


def _surnames_of_people(text: str, cands: list[Candidate]) -> None:
    """A capitalized run of two or three words with no kind, none a common word ("Career Lowe" of
    a heading run on into a name) nor a body's or a place's word, whose last word names a person
    alone elsewhere is that person's full name: "Ivo Rask
    promised ..." opening a story, then "Rask, 52, said"."""
    people = {c.name(text) for c in cands if c.kind == "person" and " " not in c.name(text)}
    if not people:
        return
    gaz = gazetteer()
    for cand in cands:
        words = cand.name(text).split()
        if (cand.kind is None and cand.weak and 2 <= len(words) <= 3 and words[-1] in people
                and all(w[:1].isupper() and w[1:].islower() and w.isalpha() and not common_word(w) for w in words)
                and not any(w in gaz.org_words or w in PLACE_WORDS or w in gaz.stopwords for w in words)):
            cand.kind = "person"


def _age_after(text: str, piece: list[tuple[int, int]]) -> bool:
    """Whether a name of one to three capitalized words, none a body's or a place's word, is
    followed by an age between commas, then a word in lower case: "Rask, 52, said", "Ivo Rask, 41,
    of Halden": a person's."""
    if not 1 <= len(piece) <= 3 or _AGE_AFTER.match(text, piece[-1][1]) is None:
        return False
    gaz = gazetteer()
    return not any(text[s:e] in gaz.org_words or text[s:e] in PLACE_WORDS for s, e in piece)


def _role_in_apposition(text: str, parse: Parse, piece: list[tuple[int, int]]) -> bool:
    """Whether a name of two or three capitalized words, none a body's word, has a noun for a
    person's office or trade in apposition ("Ivo Rask, the new mayor of Halden, said"): a
    person's name, though it opens its sentence, where capitals say nothing and the pipeline may
    miss it."""
    if not 2 <= len(piece) <= 3:
        return False
    gaz = gazetteer()
    if any(text[s:e] in gaz.org_words or text[s:e] in PLACE_WORDS for s, e in piece):
        return False
    start, end = piece[0][0], piece[-1][1]
    inside = parse.tokens_in(start, end)
    head = next((t for t in inside if not start <= parse.tokens[t.head].start < end or t.head == t.i), None)
    if head is None:
        return False
    return any(
        c.dep == "appos" and c.pos == "NOUN" and c.text.islower()
        and (c.text in gaz.person_titles or c.text.capitalize() in gaz.person_titles or c.text.capitalize() in TITLE_HEADS)
        for c in parse.children(head)
    )


def _plural_noun_opening(text: str, parse: Parse, sent_start: int, piece: list[tuple[int, int]]) -> bool:
    """One word opening its sentence that the parser tags as a plural common noun and that no
    list of names holds: "Analysts said", "Pollsters warned", capitalized only by its place
    ("Summers left" is a surname's, "Athens" a place's). A word running text does not write in
    lower case that the document writes after a capitalized word is a surname there too: "Ilves
    said" after "spokeswoman Grete Ilves", whatever the tagger made of it."""
    if len(piece) != 1 or not initial_at(text, sent_start, piece[0][0]):
        return False
    token = parse.token_at(piece[0][0])
    word = text[piece[0][0] : piece[0][1]]
    if token is None or token.tag != "NNS" or (token.start, token.end) != piece[0] or not word[1:].islower():
        return False
    lists, folded = world_names.load(), world_names.fold(word)
    if not common_word(word) and after_capitalized(text, word, dots=False, spaces=False):
        return False
    return not (folded in lists.given or folded in lists.surnames or folded in lists.places
                or word in gazetteer().first_names or word in gazetteer().places or word in gazetteer().outlets)


def _without_group(
    text: str, parse: Parse, piece: list[tuple[int, int]], *, tagged: bool = True
) -> list[tuple[int, int]]:
    """A name without the group of people it ends with: "Cubans", "Iowa Democrats" name no one
    entity, and "Ann Lowe and Democrats" names Ann Lowe."""
    if len(piece) == 1:
        token = parse.token_at(piece[0][0])
        word = text[piece[0][0] : piece[0][1]]
        if (token is not None and token.pos == "ADJ" and token.start == piece[0][0] and token.end == piece[0][1]
                and not word.isupper() and world_names.fold(word) not in world_names.load().places
                and not after_capitalized(text, word, dots=True, spaces=False)):  # "Mark Cuban"
            return []  # "Republican", "Israeli", "French": a word that says of what party or people, no name
    last = parse.token_at(piece[-1][0]) if piece else None
    if last is None or not _plural_group(text[piece[0][0] : piece[-1][1]], last, tagged=tagged):
        return piece
    ands = [i for i, (s, e) in enumerate(piece) if text[s:e] in ("and", "&")]
    return strip_edge_connectors(text, piece[: ands[-1]]) if ands else []


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
    if word in gaz.org_words or word in PLACE_WORDS:
        return False
    if " " in name and word in COMPANY_ENDINGS:
        return False  # "Hallden Motors", "Orla Advisors": a firm's last word, after its own name
    if world_names.fold(word) in lists.surnames:
        return False  # "Ms. Hendricks", "Ted Peters"
    if word.endswith("ers") and len(word) > 5 and (
            world_names.fold(name[:-3]) in lists.places or world_names.fold(name[:-2]) in lists.places):
        return True  # "New Yorkers", "Londoners", "Ohioers": the people of a place
    return (tagged and " " not in name and last.tag == "NNPS") or MEMBERS.search(word) is not None

_ALIAS = re.compile(rf"\s*\(((?:[{UPPER}]\.){{2,}}|[{UPPER}][{UPPER}{LOWER}&]{{1,9}})\)(?!\s*(?:[—–]|--?\s))")


def _with_alias(text: str, cand: Candidate) -> Candidate:
    """Note an acronym given in parentheses right after the name: "Water Board (WB)"."""
    paren = _ALIAS.match(text[cand.end : cand.end + 20])
    if paren:  # not "NEW YORK (AP) —", a dateline's agency
        cand.alias = (cand.end + paren.start(1), cand.end + paren.end(1))
    return cand


_NAME = rf"[{UPPER}][\w'’.-]+(?: [{UPPER}][\w'’.-]+){{1,3}}"
_BYLINE = re.compile(rf"^[Bb]y (?P<name>{_NAME}|[{UPPER}][{LOWER}]+)\s*$", re.MULTILINE)
#: A byline of several writers: "By Ann Lowe and Tom Hale", "By Ann Lowe, Tom Hale and Ed Orr".
_BYLINE_LIST = re.compile(rf"^[Bb]y (?P<names>{_NAME}(?:(?:,? and |, ){_NAME})+)\s*$", re.MULTILINE)
_BYLINE_NAME = re.compile(_NAME)
#: A wire story's closing credits: "Reporting by Ann Lowe in Tessa; Editing by Tom Hale".
_CREDITS = re.compile(rf"(?<![\w-])(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]roduced) by "
                      rf"(?P<names>{_NAME}(?:(?:,? and |, ){_NAME})*)")
_LABELLED = re.compile(
    rf"^(?P<title>[{UPPER}][{UPPER}{LOWER}]+(?: [{UPPER}{LOWER}]+){{0,3}}): (?P<name>{_NAME})(?: \((?P<org>[^)\n]+)\))?\s*$",
    re.MULTILINE,
)


#: A dateline opening a story's first line: "WASHINGTON —", "BATON ROUGE, La. (AP) --".
#: A party and a state after a legislator's name: "(R-Fla.)", "(D-NY)", "(I-Vt.)".
_PARTY_STATE = re.compile(r"\((?:R|D|I|Ind)-(?P<state>[A-Z][A-Za-z.]*?)\.?\)"
                          r"|(?<=[a-z], )(?:R|D|I|Ind)-(?P<listed>[A-Z][A-Za-z.]*?)\.?(?=,|\.?\s*$|\.\s)",
                          re.MULTILINE)
_DATELINE = re.compile(rf"^(?P<place>[{UPPER}][{UPPER}.'’-]+(?: [{UPPER}][{UPPER}.'’-]+){{0,3}})"
                       rf"(?:, (?P<region>[{UPPER}][\w.]+(?: [{UPPER}][\w.]+)?))?(?: \((?P<agency>[^)\n]{{1,30}})\))? ?(?:[—–]|--?\s)",
                       re.MULTILINE)


#: A news agency's name in a dateline's parentheses: one to three capitalized words, no sentence.
_AGENCY = rf"[{UPPER}][\w&.-]*(?: [{UPPER}][\w&.-]*){{0,2}}"


_PLACE_POLICE = re.compile(rf"\b(?P<place>[{UPPER}][\w.’'-]*(?: [{UPPER}][\w.’'-]*){{0,3}}) police\b")


def _without_period(text: str, start: int, end: int) -> tuple[int, int]:
    """A name without the period that ends its line ("Contributing: Ann Lowe."), an initial's kept."""
    last = text[start:end].split()[-1]
    return (start, end - 1) if last.endswith(".") and len(last) > 2 and "." not in last[:-1] else (start, end)


def _state(name: str) -> bool:
    """A state's name or its abbreviation ("Ohio", "Fla", "N.Y", "NY")."""
    written, postal = state_abbreviations()
    return name in written or name in postal or world_names.fold(name) in world_names.load().places


def _pattern_candidates(text: str, masked: Intervals[None]) -> list[Candidate]:
    """Names that a line's shape says are people: bylines, labelled credits, reference authors;
    and the police of a place ("Harbor City police"), an organization."""
    found: list[Candidate] = []
    gaz = gazetteer()
    for match in _PLACE_POLICE.finditer(text):
        place = match.group("place")
        words = place.split()
        while words and (words[0] in gaz.stopwords or gaz.is_time_word(words[0])):
            words = words[1:]
        if (
            not words
            or ". " in place
            or inside(masked, match.start(), match.end())
            # "US police departments" counts many forces, it names none
            or re.match(r"\s+(?:departments|agencies|forces|chiefs|unions)\b", text[match.end() : match.end() + 14])
        ):
            continue
        start = match.end("place") - len(" ".join(words))
        if text[start : match.end("place")] == " ".join(words):
            found.append(Candidate(start, match.end(), False, kind="organization", forced=True))
    for match in _PARTY_STATE.finditer(text):  # "Sen. Ann Lowe (R-Fla.)", "Ann Lowe, D-Ohio,": her state
        s, e = match.span("state" if match.group("state") else "listed")
        if match.group("listed") and not _state(match.group("listed")):
            continue  # "the anniversary, D-Day, came": no state
        if not inside(masked, s, e):
            found.append(Candidate(s, e, False, kind="place", forced=True))
    for n, match in enumerate(_DATELINE.finditer(text)):
        s, e = match.span("place")
        known = world_names.fold(text[s:e]) in world_names.load().places or text[s:e].title() in gaz.places
        # A heading in capitals before a dash ("NOW OPEN —") is no dateline: a known place, or
        # one followed by its state or its agency ("STATE COLLEGE, Pa.", "(AP)"), is; so is the
        # story's first one near its top with a word no common word ("PORT ELLIS —", not "UPDATE —").
        first = (n == 0 and s < 1000 and re.match(r"[ ]?[—–]|--?\s", text[match.end("place") :]) is not None
                 and not all(common_word(w.capitalize()) for w in re.findall(r"[^\W\d_]+", text[s:e])))
        if not inside(masked, s, e) and len(text[s:e]) > 2 and (known or match.group("region") or match.group("agency") or first):
            found.append(Candidate(s, e, False, kind="place", forced=True, dateline=True))
            if match.group("region"):  # "La.", "Calif.", "Ohio": the state or country after the city
                s, e = match.span("region")
                found.append(Candidate(s, e - text[s:e].endswith("."), False, kind="place", forced=True))
            if match.group("agency") and re.fullmatch(_AGENCY, match.group("agency")):
                s, e = match.span("agency")  # "(Reuters)", "(AP)": the news agency that filed the story
                found.append(Candidate(s, e, False, kind="organization", forced=True))
    for match in _BYLINE.finditer(text):
        s, e = _without_period(text, *match.span("name"))
        if not inside(masked, s, e):
            found.append(Candidate(s, e, False, kind="person", forced=True))
    for match in [*_BYLINE_LIST.finditer(text), *_CREDITS.finditer(text)]:
        for name in _BYLINE_NAME.finditer(text, match.start("names"), match.end("names")):
            s, e = _without_period(text, *name.span())
            if " and " not in text[s:e] and not inside(masked, s, e):
                body = text[s:e] in gaz.outlets or any(w in gaz.org_words for w in text[s:e].split())
                # "By Ann Lowe, Harbor Press": the writer, then the outlet she writes for
                found.append(Candidate(s, e, False, kind="organization" if body else "person", forced=True))
    for match in _LABELLED.finditer(text):
        s, e = _without_period(text, *match.span("name"))
        if inside(masked, s, e):
            continue
        org = match.span("org") if match.group("org") else None
        if org:
            found.append(Candidate(org[0], org[1], False, kind="organization", forced=True))
        role = (match.group("title"), match.start("title"), e, org)
        found.append(Candidate(s, e, False, kind="person", role=role, forced=True))
    for entry in reference_entries(text):
        for s, e in entry.authors:
            if re.fullmatch(_NAME, text[s:e]):
                found.append(Candidate(s, e, False, kind="person", forced=True))
        s, e = entry.outlet
        found.append(
            Candidate(
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
