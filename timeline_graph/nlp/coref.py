"""Pronouns and definite descriptions linked to the named mention they refer to.

"he", "she", "they", "it" and descriptions such as "the company" or "the spokesman" are linked
to the nearest earlier named entity of a compatible kind: people for "he", "she" and person
nouns; organizations for "it", "the company" and the like; "they" to an organization or a
person. Candidates in the same sentence come first, then earlier sentences (up to
:data:`WINDOW`), grammatical subjects before other mentions. A person's gender is learnt from
the document itself (an honorific, or the first pronoun linked to them) and a later pronoun of
the other gender is not linked to them.

The accuracy on GUM's test documents is printed by ``benchmarks/nlp.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import Parse, ParsedEntity, Token

__all__ = ["COREF_VERSION", "DESCRIPTION_NOUNS", "PRONOUNS", "WINDOW", "link_mentions"]

#: The version of these rules, part of every pipeline's cache key (``nlp.pipeline_id``): raise it
#: when the links come out differently, so that documents linked by older rules are read again.
COREF_VERSION = 1

#: How many sentences back an antecedent may be.
WINDOW = 3

#: Pronoun -> (kinds it may refer to, gender or None).
PRONOUNS: dict[str, tuple[tuple[str, ...], str | None]] = {
    **{w: (("PERSON",), "m") for w in ("he", "him", "his", "himself")},
    **{w: (("PERSON",), "f") for w in ("she", "her", "hers", "herself")},
    **{w: (("ORG", "PERSON"), None) for w in ("they", "them", "their", "theirs", "themselves")},
    **{w: (("ORG", "PLACE"), None) for w in ("it", "its", "itself")},
}

#: Nouns of definite descriptions ("the company") and the kind of entity they stand for.
DESCRIPTION_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        ["company", "firm", "agency", "department", "group", "organization", "organisation", "government", "ministry", "university", "newspaper", "campaign", "committee", "council", "board", "court", "bank", "union", "party", "administration", "team", "corporation", "business", "startup", "network", "outlet", "publication", "commission", "authority", "office"],
        "ORG",
    ),
    **dict.fromkeys(
        ["spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "senator", "mayor", "chief", "officer", "lawyer", "attorney", "candidate", "governor", "executive", "director", "founder", "leader", "congressman", "congresswoman", "lawmaker", "secretary", "chairman", "chairwoman", "judge"],
        "PERSON",
    ),
    **dict.fromkeys(["city", "country", "state", "town", "region", "village", "capital", "nation", "county"], "PLACE"),
}

_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}


def _gendered_name(parse: Parse, ent: ParsedEntity) -> str | None:
    if ent.first > 0:
        before = parse.tokens[ent.first - 1].text.casefold()
        return _HONORIFICS.get(before)
    return None


def _key(parse: Parse, ent: ParsedEntity) -> str:
    """A name key shared by "Ana Silva" and a later "Silva" (the last word)."""
    return parse.text[ent.start : ent.end].split()[-1].casefold()


def _referring(parse: Parse, token: Token) -> tuple[tuple[str, ...], str | None] | None:
    """The kinds and gender a token refers to, if it is a pronoun or a definite description."""
    lower = token.text.casefold()
    if token.pos == "PRON" and lower in PRONOUNS:
        if token.dep == "expl" or (lower == "it" and token.dep in ("nsubj", "nsubj:pass") and _expletive_it(parse, token)):
            return None
        return PRONOUNS[lower]
    if token.pos == "NOUN" and token.lemma.casefold() in DESCRIPTION_NOUNS and token.feature("Number") != "Plur":
        dets = [c for c in parse.children(token) if c.dep == "det"]
        if dets and dets[0].text.casefold() == "the" and not any(
            c.dep in ("compound", "flat") and c.pos == "PROPN" for c in parse.children(token)
        ):
            return (DESCRIPTION_NOUNS[token.lemma.casefold()],), None
    return None


def _expletive_it(parse: Parse, token: Token) -> bool:
    """ "It is clear that ...", "it was reported that ...": no referent."""
    head = parse.tokens[token.head]
    return any(c.dep in ("csubj", "ccomp", "xcomp") and c.i > token.i for c in parse.children(head)) and any(
        c.lemma == "be" or c.dep in ("cop", "aux:pass") for c in parse.children(head)
    )


def link_mentions(parse: Parse) -> dict[int, int]:
    """Token index of each pronoun or description -> index of its antecedent in ``parse.entities``."""
    if not parse.entities:
        return {}
    links: dict[int, int] = {}
    gender: dict[str, str] = {}
    for _index, ent in enumerate(parse.entities):
        if ent.label == "PERSON":
            g = _gendered_name(parse, ent)
            if g:
                gender.setdefault(_key(parse, ent), g)
    ent_index = 0
    for token in parse.tokens:
        while ent_index < len(parse.entities) and parse.entities[ent_index].first <= token.i:
            ent_index += 1
        if token.pos != "PRON" and token.pos != "NOUN":
            continue  # what _referring would find refers to nothing, asked of fewer tokens
        wanted = _referring(parse, token)
        if wanted is None or parse.entity_at(token) is not None:
            continue
        kinds, sex = wanted
        best = _choose(parse, token, kinds, sex, ent_index, gender)
        if best is None:
            continue
        links[token.i] = best
        if sex and parse.entities[best].label == "PERSON":
            gender.setdefault(_key(parse, parse.entities[best]), sex)
    return links


def _choose(
    parse: Parse,
    token: Token,
    kinds: tuple[str, ...],
    sex: str | None,
    before: int,
    gender: dict[str, str],
) -> int | None:
    """The best earlier entity for a referring token, scanning back sentence by sentence."""
    sentence = token.sent
    candidates: dict[int, list[int]] = {}
    for index in range(before - 1, -1, -1):
        ent = parse.entities[index]
        ent_sentence = parse.tokens[ent.first].sent
        if sentence - ent_sentence > WINDOW:
            break
        if ent.label not in kinds:
            continue
        if sex and ent.label == "PERSON" and gender.get(_key(parse, ent), sex) != sex:
            continue
        if ent_sentence == sentence and _same_clause_object(parse, token, ent):
            continue
        candidates.setdefault(ent_sentence, []).append(index)
    for ent_sentence in sorted(candidates, reverse=True):
        found = candidates[ent_sentence]
        # Within a sentence: kinds in the order asked for, subjects first, then the nearest.
        found.sort(key=lambda i: (kinds.index(parse.entities[i].label), not _is_subject(parse, parse.entities[i]), -i))
        return found[0]
    return None


def _is_subject(parse: Parse, ent: ParsedEntity) -> bool:
    head = _head_of(parse, ent)
    return head.dep.startswith("nsubj")


def _head_of(parse: Parse, ent: ParsedEntity) -> Token:
    for i in range(ent.first, ent.last):
        t = parse.tokens[i]
        if not ent.first <= t.head < ent.last or t.head == t.i:
            return t
    return parse.tokens[ent.first]


def _same_clause_object(parse: Parse, token: Token, ent: ParsedEntity) -> bool:
    """ "Ana praised her": a non-reflexive object pronoun does not refer to its own clause's subject."""
    if token.dep not in ("obj", "iobj") or token.text.casefold().endswith("self"):
        return False
    head = _head_of(parse, ent)
    return head.head == token.head and head.dep.startswith("nsubj")
