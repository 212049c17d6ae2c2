"""The parse as the events extractor reads it: verbs the tagger took for other words, mended.

An event is read from a verb, so a verb the tagger called an adjective or a noun, or a past
tense it called a base form, gives no event or a wrong tense. The parser's relations and the
morphology often still tell the verb, and these few recurring cases are mended (on top of
:func:`.claim_parse.mended`), the words left as they are:

- a participle tagged as an adjective or a noun with an auxiliary of its own ("the campaign is
  investing for a long contest", with "is" as ``aux``; or tagged ``VBG`` under a copula): a verb;
- a past tense tagged as a base form though its morphology says finite past ("after the
  prosecutor read a summary", "read" as ``VB`` with ``Tense=Past|VerbForm=Fin``): a past tense;
- a hyphenated participle after a form of "be" read as a noun with a copula and the participle
  as its modifier ("a girl was pepper-sprayed by a bystander", "pepper" the noun, "sprayed" its
  ``acl``): a passive verb, "was" its auxiliary, the noun phrase before "was" its subject;
- a clause with its own subject and auxiliary hung as a modifier on the noun after it ("a boy
  was bitten by a dog, deputies said", with "bitten" an ``acl`` of "deputies"): a clause beside
  that noun's verb (a noun's modifier has no subject or auxiliary of its own);
- an auxiliary read as the main verb before "all but" ("lawmakers have all but stopped
  confirming judges", with "stopped" as a conjunct of "have"): the auxiliary of the verb after;
- a verb read as a noun in a sentence or a clause between semicolons left with no verb ("On
  Monday, farmers march to the capital", "the council votes Thursday", "vote" a noun compounded
  with its subject): the verb of the clause, its subject the noun phrase before it.

The events extractor reads the mended copy; the parse itself is left as it is.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

from ..nlp import Parse, Token
from .claim_parse import once_per_parse
from .claim_words import (
    CUE_VERBS,
    PERSONAL,
    PLEA_VERBS,
    QUESTION_VERBS,
    SAY_VERBS,
    TIME_WORDS,
    lemma_in,
)
from .event_words import ATTENDING, KINDS, LIGHT_VERBS, OUTCOME_VERBS

__all__ = ["verbs_mended"]

#: Relations inside a noun phrase: climbing them from its last word reaches the phrase's head.
_INSIDE_PHRASE = frozenset("nmod amod compound flat flat:name det nummod nmod:poss case punct obl:unmarked".split())  # noqa: SIM905
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")


class _Tokens:
    """The tokens of one parse, mutable, with children read afresh after a change of head."""

    def __init__(self, parse: Parse) -> None:
        self.tokens: list[Token] = list(parse.tokens)
        self.changed = False

    def kids(self, i: int, first: int, last: int) -> list[Token]:
        return [t for t in self.tokens[first:last] if t.head == i and t.i != i]

    def set(self, i: int, **values: Any) -> None:
        self.tokens[i] = self.tokens[i]._replace(**values)
        self.changed = True


def verbs_mended(parse: Parse) -> Parse:
    """The parse with the verbs above mended, or the parse itself where there are none (worked
    out once for a parse while it lives)."""
    return once_per_parse(_MENDED, parse, _mend)


#: id of a living parse -> its mended copy (None: the parse itself); an entry goes with its parse.
_MENDED: dict[int, Parse | None] = {}


def _mend(parse: Parse) -> Parse:
    tokens = _Tokens(parse)
    for sentence in parse.sentences:
        first, last = sentence.first, sentence.last
        for i in range(first, last):
            _participle_tagged_otherwise(tokens, i, first, last)
            _past_tagged_as_base(tokens, i, first, last)
            _hyphenated_passive(tokens, i, first, last)
            _auxiliary_before_all_but(tokens, i, first, last)
            _clause_hung_on_the_noun_after(tokens, i, first, last)
        _verb_read_as_noun(tokens, first, last)
    return replace(parse, tokens=tokens.tokens) if tokens.changed else parse


def _participle_tagged_otherwise(tokens: _Tokens, i: int, first: int, last: int) -> None:
    """ "the campaign is investing for a long contest": a word in "-ing" after a form of "be"
    that the tagger, the morphology or the parser reads as a verb (tagged ``VBG``, a ``VERB``,
    or "be" its auxiliary) while another reads it as an adjective or a noun, is a verb in the
    progressive. An adjective all of them agree on ("the plan is interesting") stays one."""
    token = tokens.tokens[i]
    if token.pos not in ("ADJ", "NOUN", "VERB") or not token.text.casefold().endswith("ing") or len(token.text) < 6:
        return
    be = [k for k in tokens.kids(i, first, last) if k.i < i and k.lemma.casefold() == "be" and k.dep in ("aux", "cop")]
    if not be or not (be[-1].dep == "aux" or token.tag == "VBG" or token.pos == "VERB"):
        return
    if token.pos == "VERB" and token.tag == "VBG" and be[-1].dep == "aux":
        return  # read as a verb all along
    tokens.set(i, pos="VERB", tag="VBG", lemma=_stem(token.text[:-3]), morph="Tense=Pres|VerbForm=Part")
    tokens.set(be[-1].i, dep="aux")


def _stem(stem: str) -> str:
    """The base form of a verb in "-ing" without its ending: a doubled last consonant once
    ("running" -> "run"); the rest as it is (a dropped "e" cannot be told from the form)."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1].casefold()
    return stem.casefold()


def _past_tagged_as_base(tokens: _Tokens, i: int, first: int, last: int) -> None:
    """ "after the prosecutor read a summary": a verb tagged as a base form whose morphology says
    it is a finite past, with a subject of its own and no auxiliary or "to", is a past tense."""
    token = tokens.tokens[i]
    if token.pos != "VERB" or token.tag != "VB" or token.feature("Tense") != "Past" or token.feature("VerbForm") != "Fin":
        return
    kids = tokens.kids(i, first, last)
    if any(k.dep.startswith("aux") or (k.dep == "mark" and k.text.casefold() == "to") for k in kids):
        return
    if any(k.dep.startswith("nsubj") and k.i < i for k in kids):
        tokens.set(i, tag="VBD")


def _hyphenated_passive(tokens: _Tokens, v: int, first: int, last: int) -> None:
    """ "a girl was pepper-sprayed by a bystander", read as "was" the copula of the noun "pepper"
    and "sprayed" a participle modifying it: the participle is a passive verb in its noun's place,
    with "was" its auxiliary, the first part of the word its modifier and the subject the noun's,
    or the noun phrase that ends right before "was"."""
    verb = tokens.tokens[v]
    if verb.tag != "VBN" or verb.pos != "VERB" or v - 2 < first:
        return
    hyphen, noun = tokens.tokens[v - 1], tokens.tokens[v - 2]
    if hyphen.text != "-" or noun.end != hyphen.start or hyphen.end != verb.start or noun.pos not in ("NOUN", "PROPN", "ADJ"):
        return
    if verb.head != noun.i or verb.dep.split(":")[0] not in ("acl", "amod"):
        return
    kids = tokens.kids(noun.i, first, last)
    be = next((k for k in kids if k.dep in ("cop", "aux", "aux:pass") and k.lemma.casefold() == "be" and k.i == noun.i - 1), None)
    if be is None:
        return
    head, dep = _clause_place(tokens, noun)
    tokens.set(v, head=v if head is None else head, dep=dep)
    tokens.set(noun.i, head=v, dep="compound")
    tokens.set(be.i, head=v, dep="aux:pass")
    subject = None
    for kid in kids:
        if kid.i == be.i:
            continue
        if kid.dep.startswith("nsubj"):
            subject = kid
            tokens.set(kid.i, head=v, dep="nsubj:pass")
        elif (kid.i < noun.i and kid.dep in ("aux", "advmod", "mark", "cc")) or kid.i > v:
            tokens.set(kid.i, head=v)
    for t in tokens.tokens[first:last]:
        if t.head == v and t.dep == "obl" and any(c.dep == "case" and c.text.casefold() == "by" for c in tokens.kids(t.i, first, last)):
            tokens.set(t.i, dep="obl:agent")
    if subject is None and be.i - 1 >= first:
        phrase = _phrase_ending_at(tokens, be.i - 1, first)
        if phrase is not None and phrase.i != v:
            tokens.set(phrase.i, head=v, dep="nsubj:pass")


#: Relations of a clause to the word it depends on.
_CLAUSE_DEPS = frozenset("ROOT root ccomp advcl conj parataxis acl:relcl xcomp csubj".split())  # noqa: SIM905


def _clause_place(tokens: _Tokens, noun: Token) -> tuple[int | None, str]:
    """Where the clause of a passive read as a noun goes: the noun's head and relation when that
    is a clause's, else (the noun hung on a noun, "deputies" of "..., deputies said") a clause
    beside the first verb above it. None: the sentence's root."""
    if noun.head == noun.i:
        return None, noun.dep
    if noun.dep in _CLAUSE_DEPS:
        return noun.head, noun.dep
    at = tokens.tokens[noun.head]
    while at.pos not in ("VERB", "AUX") and at.head != at.i:
        at = tokens.tokens[at.head]
    return (at.i, "parataxis") if at.pos in ("VERB", "AUX") else (noun.head, noun.dep)


def _phrase_ending_at(tokens: _Tokens, j: int, first: int) -> Token | None:
    """The head of the noun phrase whose last word is token ``j`` ("a 12-year-old boy outside
    the venue": "boy"), climbing the relations inside a phrase to the words before it."""
    at = tokens.tokens[j]
    if at.pos not in _NOMINAL:
        return None
    while at.dep in _INSIDE_PHRASE and at.head < at.i and at.head >= first:
        at = tokens.tokens[at.head]
    return at if at.pos in _NOMINAL else None


def _auxiliary_before_all_but(tokens: _Tokens, i: int, first: int, last: int) -> None:
    """ "lawmakers have all but stopped confirming judges", read as "have" the main verb with
    "all" its object and "stopped" its conjunct: "all but" means "nearly", and "have" is the
    auxiliary of the verb after it, which takes its place in the sentence."""
    have = tokens.tokens[i]
    if have.lemma.casefold() not in ("have", "be") or i + 3 > last - 1:
        return
    word, but, verb = tokens.tokens[i + 1], tokens.tokens[i + 2], tokens.tokens[i + 3]
    if word.text.casefold() != "all" or but.text.casefold() != "but" or verb.tag not in ("VBD", "VBN", "VBG"):
        return
    if verb.head != have.i:
        return
    for kid in tokens.kids(have.i, first, last):
        if kid.i not in (word.i, but.i, verb.i):
            tokens.set(kid.i, head=verb.i)
    tokens.set(verb.i, head=verb.i if have.head == have.i else have.head, dep=have.dep,
               tag="VBN" if verb.tag == "VBD" else verb.tag)
    tokens.set(have.i, head=verb.i, dep="aux", pos="AUX")
    tokens.set(word.i, head=verb.i, dep="advmod")
    tokens.set(but.i, head=verb.i, dep="advmod")


def _clause_hung_on_the_noun_after(tokens: _Tokens, v: int, first: int, last: int) -> None:
    """ "a boy was bitten by a dog, deputies said", read with "bitten" a modifier of "deputies":
    a verb with a subject and an auxiliary of its own before it is a clause, not a modifier of a
    noun after it; it goes beside the verb above that noun."""
    verb = tokens.tokens[v]
    if verb.pos != "VERB" or verb.dep != "acl" or verb.head <= v:
        return
    kids = tokens.kids(v, first, last)
    if not any(k.dep.startswith("nsubj") and k.i < v for k in kids) or not any(
            k.dep.startswith("aux") and k.i < v for k in kids):
        return
    head, dep = _clause_place(tokens, tokens.tokens[verb.head])
    if head is not None and dep == "parataxis":
        tokens.set(v, head=head, dep=dep)


#: The verbs the extractors know by lemma (events' kinds, reporting and claim verbs): a noun with
#: one of these lemmas may be the verb of a sentence the tagger left without one.
_KNOWN_VERBS = frozenset().union(
    *(predicates for predicates, _ in KINDS.values()), LIGHT_VERBS, OUTCOME_VERBS, ATTENDING,
    CUE_VERBS, SAY_VERBS, PLEA_VERBS, QUESTION_VERBS)
_PLURAL_PRONOUNS = frozenset(["we", "they", "you", "i"])
_SINGULAR_PRONOUNS = frozenset(["he", "she", "it"])
#: Words that may stand in a subject phrase before its verb.
_IN_SUBJECT = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "CCONJ", "PART")


def _verb_read_as_noun(tokens: _Tokens, first: int, last: int) -> None:
    """ "On Monday, farmers march to the capital", "the council votes Thursday": in a sentence,
    or a clause between semicolons, with no verb at all, a noun whose lemma is a known verb,
    right after a subject-like phrase that agrees with it (a plural or a coordination before a
    base form, a singular before a form in "-s") and right before an object, a preposition or a
    time word, is the clause's verb. A clause without a verb cannot report an event, so the
    parse must have missed it."""
    for start, end in _clauses(tokens, first, last):
        if any(t.pos in ("VERB", "AUX") for t in tokens.tokens[start:end]):
            continue
        for v in range(start + 1, end - 1):
            verb = tokens.tokens[v]
            if verb.pos != "NOUN" or verb.tag not in ("NN", "NNS") or not _before_object(tokens.tokens[v + 1]):
                continue
            lemma = lemma_in(verb, _KNOWN_VERBS)
            if lemma not in _KNOWN_VERBS:
                continue
            subject = _subject_before(tokens, v, start)
            if subject is None or _plural(tokens, subject) != (verb.tag == "NN"):
                continue
            _make_verb(tokens, v, lemma, subject, (start, end), (first, last))
            break


def _clauses(tokens: _Tokens, first: int, last: int) -> list[tuple[int, int]]:
    """The token ranges of a sentence's clauses between semicolons (the whole sentence where
    there is none): each may hold a clause of its own ("Ann votes Monday; Bo votes Friday")."""
    cuts = [i for i in range(first, last) if tokens.tokens[i].text == ";"]
    bounds = [first - 1, *cuts, last]
    return [(a + 1, b) for a, b in pairwise(bounds) if b - a > 2]


def _before_object(token: Token) -> bool:
    """Whether a word may follow a verb as its object, its preposition or its time word."""
    return token.pos in ("DET", "ADP", "PROPN", "NUM") or token.text.casefold() in TIME_WORDS or (
        token.pos in ("NOUN", "ADJ") and token.tag != "NN")


def _subject_before(tokens: _Tokens, v: int, first: int) -> list[int] | None:
    """The words of the subject-like phrase right before token ``v``, which must end in a proper
    noun, a noun or a personal pronoun; None where there is none."""
    last_word = tokens.tokens[v - 1]
    if last_word.pos not in ("NOUN", "PROPN", "PRON"):
        return None
    if last_word.pos == "PRON" and last_word.text.casefold() not in PERSONAL:
        return None
    start = v - 1
    while start - 1 >= first and tokens.tokens[start - 1].pos in _IN_SUBJECT:
        start -= 1
    while tokens.tokens[start].pos == "CCONJ":
        start += 1
    return list(range(start, v))


def _plural(tokens: _Tokens, subject: list[int]) -> bool:
    """Whether a subject phrase is plural: a coordination, a plural noun or a plural pronoun."""
    words = [tokens.tokens[i] for i in subject]
    head = words[-1]
    if any(w.pos == "CCONJ" and w.text.casefold() == "and" for w in words):
        return True
    if head.pos == "PRON":
        return head.text.casefold() in _PLURAL_PRONOUNS
    return head.tag in ("NNS", "NNPS")


def _make_verb(tokens: _Tokens, v: int, lemma: str, subject: list[int], clause: tuple[int, int],
               sentence: tuple[int, int]) -> None:
    """Token ``v`` made its clause's verb, present tense: the sentence's root, or where the root
    is in another clause a clause beside it; the subject phrase's conjuncts hung on their last
    words, the first its subject; the clause's other words hung on it where their head was
    outside their part of the clause."""
    (start, end), (first, last) = clause, sentence
    verb = tokens.tokens[v]
    tag, number = ("VBP", "Plur") if verb.tag == "NN" else ("VBZ", "Sing")
    root = next((t.i for t in tokens.tokens[first:last] if t.head == t.i and not start <= t.i < end), v)
    tokens.set(v, pos="VERB", tag=tag, lemma=lemma, head=root, dep="ROOT" if root == v else "parataxis",
               morph=f"Mood=Ind|Number={number}|Person=3|Tense=Pres|VerbForm=Fin")
    heads = _hang_conjuncts(tokens, subject)
    tokens.set(heads[0], head=v, dep="nsubj")
    for i in range(start, subject[0]):
        token = tokens.tokens[i]
        if token.head == i:
            tokens.set(i, head=v, dep=_dep_on_verb(tokens, token, first, last))
        elif not start <= token.head < subject[0]:
            tokens.set(i, head=v)
    for i in range(v + 1, end):
        token = tokens.tokens[i]
        if not v < token.head < end or token.head == i:
            tokens.set(i, head=v, dep=_dep_on_verb(tokens, token, first, last))


def _hang_conjuncts(tokens: _Tokens, subject: list[int]) -> list[int]:
    """The subject phrase's conjuncts ("Maine and Vermont") each hung on its last word, the
    later ones conjuncts of the first and their conjunction on them; their heads, in order."""
    groups: list[list[int]] = [[]]
    conjunctions: list[int] = []
    for i in subject:
        if tokens.tokens[i].pos == "CCONJ" or tokens.tokens[i].text == ",":
            conjunctions.append(i)
            groups.append([])
        else:
            groups[-1].append(i)
    groups = [g for g in groups if g]
    heads = [g[-1] for g in groups]
    for group, head in zip(groups, heads, strict=True):
        for i in group[:-1]:
            if tokens.tokens[i].head not in group:
                tokens.set(i, head=head)
    for head in heads[1:]:
        tokens.set(head, head=heads[0], dep="conj")
    for c in conjunctions:
        after = next((h for h in heads if h > c), heads[-1])
        tokens.set(c, head=after, dep="cc" if tokens.tokens[c].pos == "CCONJ" else "punct")
    return heads


def _dep_on_verb(tokens: _Tokens, token: Token, first: int, last: int) -> str:
    """The relation to the new verb of a word after it: a phrase with a preposition an oblique,
    a time word an unmarked oblique, another noun phrase the object."""
    if token.pos == "PUNCT":
        return "punct"
    if token.pos not in _NOMINAL:
        return token.dep
    if any(k.dep == "case" for k in tokens.kids(token.i, first, last)):
        return "obl"
    if token.text.casefold() in TIME_WORDS:
        return "obl:unmarked"
    return "obj"
