"""Citations read off the claims of a document: a claim whose source is an outlet or a work.

The claims reader finds who says what in any construction it knows ("X said", "..., X
reported", "according to X", "X's letter reads", "X seems to show that ..."); a claim whose
source is a news outlet ("The Harbor Times reported that ...", "said the Bay Radio") or a work
("a new survey finds", "the leaked memos show", "an ad for X claims") is a source the document
relies on, so it is a citation too. A person's words ("Ann Lowe said") and an organization's
that is no outlet ("the ministry said") stay claims: the source must be a publication by its
name or by the noun that heads it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..model import Claim, Entity
from ..nlp import Parse, Token
from .citation_cues import CARRIERS as _CARRIERS
from .citation_cues import (
    MEDIA,
    author,
    case_of,
    is_work,
    outlet,
    outlet_name,
    outlet_noun,
    plain_label,
)

__all__ = ["ClaimSource", "claim_media", "claim_sources"]

# Verbs by which a source passes words or evidence on (a claim may also be a belief or a plan:
# "the network plans to ..." cites nothing).
_PASSING = frozenset(["say", "state", "add", "write", "describe", "note", "claim", "explain", "report", "insist",
                      "warn", "argue", "declare", "post", "comment", "observe", "remark", "assert", "find",
                      "conclude", "reveal", "predict", "show", "indicate", "suggest", "read", "confirm", "allege",
                      "detail", "document", "list", "estimate", "tweet", "announce", "quote", "cite", "publish",
                      "disclose", "according", "tell", "hint", "imply", "demonstrate", "prove", "mention",
                      "recount", "record", "charge", "accuse", "contend", "maintain", "acknowledge", "admit", "urge"])
# The parts of a work that speak for it ("a voice-over in the ad", "a series of emails").
_PARTS = frozenset(["of", "in", "from", "on"])
_PRONOUNS = frozenset(["PRON", "DET"])
_MODALS = frozenset(["would", "could", "might", "may", "should", "can", "will", "must", "shall"])
# Nouns a document calls itself by ("this story", "this article").
_ITSELF = frozenset(["story", "article", "report", "piece", "post", "page", "column", "editorial", "essay"])
_QUOTES = frozenset(['"', "“", "”", "'", "‘", ":"])


@dataclass(frozen=True)
class ClaimSource:
    """A claim's source that a document cites: where the citation is, its source's head token,
    the entity it names (if any) and a label when it names none."""

    start: int
    end: int
    head: int
    entity: Entity | None
    label: str
    kind: str


def _head(parse: Parse, start: int, end: int) -> Token | None:
    """The token of text[start:end] whose head lies outside it (the first such, else None)."""
    inside = parse.tokens_in(start, end)
    indices = {t.i for t in inside}
    return next((t for t in inside if t.head not in indices or t.head == t.i), None)


def _word(parse: Parse, token: Token) -> str:
    """The written word a token is part of, hyphens and all ("e-mail", parsed "e - mail")."""
    text = parse.text
    start, end = token.start, token.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip(".,;:!?\"'“”‘’()").casefold()


def _carrier(parse: Parse, token: Token) -> bool:
    return token.pos in ("NOUN", "PROPN") and (is_work(token) or token.lemma.casefold() in _CARRIERS
                                                or _word(parse, token) in _CARRIERS)


_POINTING = frozenset(["det", "nmod:poss", "amod", "compound", "nummod"])


def _described(parse: Parse, word: Token) -> bool:
    """Whether a noun points to one work ("the emails", "a new poll", "Ruiz's memo", "emails released
    by X"), not the kind of thing ("research shows", "analysis of X reveals")."""
    if any(c.dep == "nmod" and case_of(parse, c) in ("by", "for", "from") and c.pos == "PROPN" for c in parse.children(word)):
        return True  # "a report for Oxfam": a work credited to its maker
    pointing = [c for c in parse.children(word) if c.dep in _POINTING]
    if any(c.dep != "det" or c.text.casefold() not in ("a", "an") for c in pointing if c.text.casefold() not in (
            "one", "another", "some")):
        return True  # "the study", "a new study", not "a study" alone, nor "one report" (no one a reader could find)
    if pointing:
        return False
    before = parse.tokens[word.i - 1] if word.i else None  # "The e-mail said", however the parse hangs "The"
    if before is not None and before.pos in ("DET", "PRON") and before.tag in ("DT", "PRP$") and not _word(
            parse, word).startswith(before.text.casefold()):
        return True
    if before is not None and before.pos == "NOUN" and before.head == word.head and _word(parse, before) == _word(parse, word):
        return _described(parse, parse.tokens[before.i - 1]) if before.i else False
    # "emails released by X show", not "numbers to show how many"
    return word.tag == "NNS" and any(c.dep == "acl" and c.tag == "VBN" for c in parse.children(word))


def _work_in(parse: Parse, head: Token) -> Token | None:
    """The work a source phrase names: its head, or the work a part or a measure of it belongs to
    ("a voice-over in the ad", "the next series of emails", "a batch of leaked memos")."""
    if _carrier(parse, head):
        return head
    if head.pos != "NOUN":
        return None
    for child in parse.children(head):
        if child.dep == "nmod" and child.i > head.i and case_of(parse, child) in _PARTS and _carrier(parse, child):
            return child
    return None


def _name_span(parse: Parse, name: Token) -> tuple[int, int]:
    """(start, end) of a proper name and the name words before it ("New York" of "New York magazine")."""
    first = name
    while first.i > 0 and parse.tokens[first.i - 1].pos in ("PROPN", "ADJ") and parse.tokens[first.i - 1].text.istitle() and (
            parse.tokens[first.i - 1].head in (name.i, first.i)):
        first = parse.tokens[first.i - 1]
    return first.start, name.end


def _noun_start(parse: Parse, noun: Token) -> int:
    """Where the words hanging on a noun before it start ("the Harbor Ledger report")."""
    first = min((c.i for c in parse.children(noun) if c.i < noun.i and c.dep not in ("case", "punct", "cc")),
                default=noun.i)
    return parse.tokens[first].start


# Nouns of works that also name people ("figures"): a work only with a verb of showing.
_PEOPLE_TOO = frozenset(["figure", "figures"])
_SHOWING = frozenset(["show", "indicate", "suggest", "reveal", "find", "confirm", "demonstrate", "prove", "imply"])


def _shows(parse: Parse, claim: Claim) -> bool:
    """Whether a claim's cue is a verb of showing ("figures show", "the figures seem to suggest")."""
    return claim.cue is not None and any(t.lemma.casefold() in _SHOWING for t in parse.tokens_in(claim.cue.start, claim.cue.end))


def _passes_on(parse: Parse, claim: Claim) -> bool:
    """Whether the claim's cue is "according to" or a verb of saying, showing or publishing with
    what it passes on given ("the memo adds that ...", not "the memo added to the confusion")."""
    if claim.cue is None:
        return False
    cue = parse.tokens_in(claim.cue.start, claim.cue.end)
    if any(t.text.casefold() == "according" for t in cue):
        return True
    verb = _head(parse, claim.cue.start, claim.cue.end)
    if verb is None:
        return False
    if verb.pos not in ("VERB", "AUX"):  # a quotation's verb the tagger took for a noun ("..., the ad states")
        return claim.quote is not None and verb.lemma.casefold() in _PASSING
    said = next((c for c in parse.children(verb) if c.dep == "xcomp" and c.lemma.casefold() in _PASSING), None)
    if said is None and verb.lemma.casefold() not in _PASSING:
        return False  # "seems to show": the verb that passes the words on is the complement
    said = said or verb
    if said.lemma.casefold() == "quote" and any(c.dep == "obj" and c.pos == "NOUN" for c in parse.children(said)):
        return False  # "the Times only quoted one stanza": a thing quoted, no words passed on
    if any(c.dep == "aux" and c.lemma.casefold() in _MODALS for c in (*parse.children(verb), *parse.children(said))):
        return False  # "an email that would have revealed ...": what a work might say, it has not said
    given = any(c.dep in ("ccomp", "parataxis", "obj", "xcomp", "dep") for c in parse.children(said))
    before = verb.dep in ("parataxis", "ccomp") and verb.head < verb.i  # "..., the memo says."
    quoted = any(t.text in _QUOTES for t in parse.tokens[max(0, verb.i - 3) : said.i + 4])
    return given or before or quoted or claim.quote is not None


def _in_quotes(text: str, at: int) -> bool:
    """Whether an offset lies inside a quotation of its paragraph (after an odd number of marks)."""
    start = text.rfind("\n\n", 0, at) + 1
    before = text[start:at]
    opened = before.count("“") - before.count("”")
    return opened > 0 or before.count('"') % 2 == 1 or before.count("''") % 2 == 1  # '' opens and closes in some papers


def claim_sources(parse: Parse, claims: Sequence[Claim], entities_at: Callable[[int, int], Entity | None],
                  entities_in: Callable[[int, int], Sequence[Entity]]) -> Iterator[ClaimSource]:
    """Each claim whose source is a news outlet or a work, as a place the document cites it.

    ``entities_at(start, end)`` is the organization or person whose mention holds text[start:end],
    ``entities_in(start, end)`` those mentioned inside it, longest first ("sites such as example.com"). A
    claim made inside another's words ("X said that the memo shows ...", a quotation; not "the memos
    seem to show ...", the document's own words) is the
    speaker's reading, not a source the document relies on.
    """
    sourced = {c.id for c in claims if c.source is not None}
    for claim in claims:
        if claim.source is None or claim.cue is None or claim.parent in sourced or _in_quotes(
                parse.text, claim.source.start) or not _passes_on(parse, claim):
            continue
        head = _head(parse, claim.source.start, claim.source.end)
        start, end = claim.source.start, claim.source.end
        verb = _head(parse, claim.cue.start, claim.cue.end)
        if head is not None and head.pos in _PRONOUNS and verb is not None and verb.dep == "acl:relcl" and (
                head.head == verb.i and parse.tokens[verb.head].pos == "NOUN"):
            head = parse.tokens[verb.head]  # "the report, which notes that ...": the noun the clause is on
            start = min(start, _noun_start(parse, head))
        if head is None or head.pos in _PRONOUNS:
            continue  # "it said": what the pronoun stands for is read where it is named
        first, last = min(start, claim.cue.start), max(end, claim.cue.end)
        entity = entities_at(head.start, head.end)  # the entity the source's head word belongs to
        if entity is not None and entity.kind == "person":
            continue  # a person's words are a claim, whatever the verb ("said White House Press Secretary X")
        if entity is not None and outlet(parse, head.i, entity):
            yield ClaimSource(first, last, head.i, entity, entity.name, "reported-by")
            continue
        inside = entities_in(start, end) if entity is None else ()
        inner = inside[0] if inside and not any(e.kind == "person" for e in inside) else None
        if inner is not None and inner.kind == "organization" and outlet(parse, head.i, inner):
            yield ClaimSource(first, last, head.i, inner, inner.name, "reported-by")  # "sites such as example.com"
            continue
        if entity is None and not inside and head.pos == "PROPN" and outlet_name(parse.text[start:end]):
            yield ClaimSource(first, last, head.i, None, plain_label(parse.text[start:end]), "reported-by")
            continue
        if entity is None and not inside and head.dep in ("nsubj", "nsubj:pass") and outlet_noun(parse, head.i):
            yield ClaimSource(first, last, head.i, None, plain_label(parse.text[start:end]), "reported-by")
            continue  # "the newspaper urged ...", "a Baton Rouge paper said": an outlet by its noun
        according = any(t.text.casefold() == "according" for t in parse.tokens_in(claim.cue.start, claim.cue.end))
        opener = next(iter(parse.tokens_in(start, end)), None)
        if not according and opener is not None and opener.pos in ("ADP", "SCONJ"):
            continue  # "like the group's other ads, ...": a comparison, not a subject
        if case_of(parse, head) is not None and head.dep not in ("nsubj", "nsubj:pass") and not according:
            continue  # "going to the polls", "like the group's other ads": a phrase with a preposition speaks for no one
        if head.pos not in ("NOUN", "PROPN") or any(t.pos in ("VERB", "AUX") and t.dep not in ("acl", "acl:relcl", "amod")
                                                     for t in parse.tokens_in(start, end)):
            continue  # "all they get is a message": a clause, not a noun phrase naming a source ("figures reported on Sunday" is)
        if any(c.dep == "det" and c.text.casefold() == "this" for c in parse.children(head)) and head.lemma.casefold() in _ITSELF:
            continue  # "This story has been updated to note ...": the document speaks of itself
        work = _work_in(parse, head)
        if work is None or work.pos == "PROPN" or not (_described(parse, head) or _described(parse, work)):
            continue
        if work.lemma.casefold() in _PEOPLE_TOO and not _shows(parse, claim):
            continue  # "some party figures declared ...": people; "figures released Monday show ...": numbers
        label_end = max(work.end, head.end)
        while start > 0 and not parse.text[start - 1].isspace():  # "e-mail" parsed "e - mail", the source "mail"
            start -= 1
        before = parse.token_at(start - 2) if start > 1 else None
        if before is not None and before.tag in ("DT", "PRP$") and before.end == start - 1:
            start = before.start  # "The e-mail said": the determiner the parse hung elsewhere
        first = min(first, start)
        yield ClaimSource(first, last, work.i, None, plain_label(parse.text[start:label_end]), "according-to")



def claim_media(parse: Parse, claims: Sequence[Claim], entities_at: Callable[[int, int], Entity | None]) -> Iterator[ClaimSource]:
    """The outlet a claim's words appeared in, named beside the medium on its verb ("X acknowledged
    in a Harbor Ledger column", "as X points out in a post on Bay Radio", "X wrote in an op-ed for
    the Harbor Ledger"): the outlet is cited, whoever speaks."""
    sourced = {c.id for c in claims if c.source is not None}
    verbs = {v.i: v for v in (_head(parse, c.cue.start, c.cue.end) for c in claims
                              if c.cue is not None and c.parent not in sourced) if v is not None}
    for token in parse.tokens:  # "as X points out in ...": a verb of saying the claims reader left
        if token.pos == "VERB" and (token.lemma.casefold() in _PASSING or (token.lemma.casefold() == "point" and any(
                c.dep == "compound:prt" and c.text.casefold() == "out" for c in parse.children(token)))):
            verbs.setdefault(token.i, token)
    for verb in sorted(verbs.values(), key=lambda v: v.i):
        if verb.pos not in ("VERB", "AUX") or _in_quotes(parse.text, verb.start):
            continue
        for medium in parse.children(verb):
            if medium.dep != "obl" or case_of(parse, medium) not in ("in", "on") or not (
                    medium.lemma.casefold() in MEDIA or is_work(medium)):
                continue
            maker = author(parse, medium, named_before=True) or next(
                (c for c in parse.children(medium) if c.dep == "nmod" and case_of(parse, c) in ("on", "at")), None) or next(
                (c for c in parse.children(medium) if c.dep == "compound" and c.i < medium.i), None)  # "the Bay Weekly interview"
            if maker is None:
                continue
            if maker.pos == "NOUN":  # "the Orlo magazine interview": the name the outlet noun is given with
                maker = next((c for c in parse.children(maker) if c.dep in ("compound", "flat") and c.pos == "PROPN"), maker)
            entity = entities_at(maker.start, maker.end)
            if (entity is not None and entity.kind == "person") or (entity is None and maker.pos != "PROPN") or not outlet(
                    parse, maker.i, entity):
                continue  # an outlet, known or named beside an outlet noun ("the Orlo magazine interview")
            first = _noun_start(parse, medium)
            last = max(maker.end, medium.end)
            label = entity.name if entity else plain_label(parse.text[slice(*_name_span(parse, maker))])
            yield ClaimSource(min(first, maker.start), last, maker.i, entity, label, "according-to")
