"""Attributions whose cue is a light verb with its object: "made clear that ...", "voiced concerns over ...".

A verb that says little by itself ("make", "take", "give", "voice", "raise") with a noun of
saying or stance as its object ("a swipe", "credit", "no mention", "concerns") is a cue as a
whole; what follows the noun is the content: its prepositional phrase ("took credit for the
pier": "the pier") or its "that" clause. "made (it) clear (that) ..." and "made the case that
..." say their clause. The speaker is the verb's subject.

>>> from timeline_graph import nlp
>>> text = "Lowe also took a swipe at the harbour board."
>>> parse = nlp.parse(text)
>>> [(f.verb, " ".join(parse.tokens[i].text for i in sorted(f.content))) for t in parse.tokens if (f := phrase_cue(parse, t))]
[('took', 'the harbour board')]
"""

from __future__ import annotations

from ..nlp import Parse, Token
from .claim_sources import source_of, whole_name
from .claim_words import Found, lemma_in, subtree_set

__all__ = ["phrase_cue"]

# Verbs that make a cue only with one of the nouns below as their object.
_LIGHT_VERBS = frozenset(["make", "take", "give", "voice", "raise", "express", "register", "air", "lodge", "level"])
# Nouns of saying or stance that make such a verb a cue. Nouns whose phrase names whom it was
# put to ("a pitch to voters", "an appeal to X") or a measure ("a shot of energy") are not.
_NOUNS = frozenset(
    ["case", "mention", "secret", "credit", "concern", "swipe", "jab", "hint", "preview", "comment", "remark",
     "apology", "criticism", "objection", "doubt", "question", "warning", "reference", "argument", "accusation",
     "allegation", "complaint", "plea", "promise", "pledge", "claim", "stance", "opposition", "praise", "disapproval",
     "frustration", "displeasure", "skepticism", "scepticism", "confidence", "astonishment", "outrage", "dismay",
     "regret", "assurance", "guarantee", "prediction"]
)
# Prepositions opening what the noun is about; "to" and "with" name whom, "on" and "in" when.
_PREPOSITIONS = frozenset(["of", "for", "about", "over", "at", "against", "regarding", "toward", "towards"])
# Adjectives that, made of a clause, say it: "made (it) clear that ...".
_MADE = frozenset(["clear", "plain", "known", "evident", "obvious"])


def phrase_cue(parse: Parse, verb: Token) -> Found | None:
    """The attribution a light verb with a noun of saying as its object makes, if any."""
    if lemma_in(verb, _LIGHT_VERBS) not in _LIGHT_VERBS or verb.pos != "VERB":
        return None
    kids = list(parse.children(verb))
    content: set[int] = set()
    cue_last = verb.i
    for kid in kids:
        if kid.i < verb.i:
            continue
        if kid.dep in ("xcomp", "obj") and kid.text.casefold() in _MADE and lemma_in(verb, _LIGHT_VERBS) == "make":
            # the parser may take a clause right after the adjective for a parataxis ("made it clear she would stay")
            clauses = [c for c in [*parse.children(kid), *kids] if c.i > kid.i and (
                c.dep == "ccomp" or (c.dep == "parataxis" and parse.subtree(c)[0] == kid.i + 1))]
            if clauses:
                content, cue_last = subtree_set(parse, clauses[0]), kid.i
                break
        if kid.dep == "obj" and kid.pos == "NOUN" and lemma_in(kid, _NOUNS) in _NOUNS:
            content, cue_last = _after_noun(parse, verb, kid, kids), kid.i
            if content:
                break
    if not content:
        return None
    source, who = source_of(parse, verb, kids)
    if who is None:
        return None
    source = whole_name(parse, source, who)
    if source is not None:
        content -= set(range(*source))
    return Found(cue=(verb.i, cue_last + 1), content=content, source=source, verb=verb.text, who=who)


def _after_noun(parse: Parse, verb: Token, noun: Token, kids: list[Token]) -> set[int]:
    """What follows the noun: its prepositional phrase (on the noun or, as the parse may hang it, the verb) or its clause."""
    phrases = [c for c in parse.children(noun) if c.i > noun.i and c.dep in ("nmod", "acl", "ccomp")]
    phrases += [c for c in kids if c.i > noun.i and c.dep in ("obl", "ccomp")]
    for phrase in sorted(phrases, key=lambda p: p.i):
        first = parse.tokens[parse.subtree(phrase)[0]]
        word = first.text.casefold()
        if first.i != parse.subtree(noun)[1] and first.i - 1 != noun.i:
            continue  # only what comes right after the noun ("credit for X", not "credit on Tuesday for X")
        if word in _PREPOSITIONS or word == "that":
            return subtree_set(parse, phrase) - {first.i}
    return set()
