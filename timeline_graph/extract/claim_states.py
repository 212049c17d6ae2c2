"""Internal states and plans: what someone is considered, expected, or willing to be or do.

The PolNeAR guidelines count a held belief, judgement, wish or intention as an attribution as
much as a statement. This module reads the shapes of them the verb cues miss:

- a **judgement with a bare predicate**: "critics consider him a fraud", "the strike is
  considered one of the longest": who or what is judged, with what it is judged to be; after
  a verb of judging only ("consider", "deem", "judge"), as "named him chairman" is an act;
- an **infinitive "to be" with a predicate**: "the vote is expected to be close", "she hopes to
  be ready": the parse makes the adjective or noun the head of the infinitive, which is a
  clause all the same;
- a **reputation**: "the club is known for its work with towns", "she will be remembered for
  the pier": who or what is known, with what for (as "known as" is read like "seen as");
- an **adjective of consent** with its infinitive: "the union is willing to accept less",
  "voters unwilling to back either man", "..., willing to wait": the infinitive is what its
  holder means to do or refuses (the adjective's subject, the noun it describes, or the
  subject of the clause it is set after).

>>> from timeline_graph import nlp
>>> parse = nlp.parse("Local critics consider him a fraud.")
>>> verb = parse.tokens[2]
>>> [parse.tokens[k.i].text for k in parse.children(verb) if judged_as(parse, verb, k)]
['fraud']
"""

from __future__ import annotations

from ..nlp import Parse, Token
from .claim_sources import source_range, whole_name
from .claim_words import Found, subtree_set

__all__ = ["JUDGING_VERBS", "intention_cue", "judged_as", "reputed_for", "to_be_predicate", "weighing_put_to_someone",
           "wish_of_yours"]

# Verbs whose object (or passive subject) with a bare noun or adjective after it is a judgement
# of the subject's: "consider X a risk", "X was deemed unsafe".
JUDGING_VERBS = frozenset(["consider", "deem", "judge", "think", "believe", "presume", "reckon"])
_PREDICATES = frozenset(["NOUN", "PROPN", "ADJ", "NUM"])


def to_be_predicate(parse: Parse, word: Token) -> bool:
    """Whether a noun or adjective heads an infinitive "to be ..." ("expected to be close"): a clause, as the parse hangs it."""
    if word.pos not in _PREDICATES:
        return False
    kids = list(parse.children(word))
    return any(k.dep == "mark" and k.text.casefold() == "to" for k in kids) and any(k.dep == "cop" for k in kids)


def judged_as(parse: Parse, verb: Token, kid: Token) -> bool:
    """Whether ``kid`` is what a verb of judging judges its object or passive subject to be ("considered one of the best")."""
    if kid.dep != "xcomp" or kid.i < verb.i:
        return False
    lemma = verb.lemma.casefold()
    # "is supposed to be": what ought to be, no one's judgement
    return (kid.pos in _PREDICATES and lemma in JUDGING_VERBS) or (to_be_predicate(parse, kid) and lemma != "suppose")


# Adjectives whose infinitive is what their holder consents or refuses to do. ("Ready",
# "eager", "keen" or "determined" to do something more often describe how someone acts, and
# PolNeAR's annotators left most of them out.)
_INTENT_ADJECTIVES = frozenset(["willing", "unwilling"])
# Holders that are no one: an empty subject, or a thing pointed at.
_NO_HOLDER = frozenset(["it", "there", "this", "that", "which"])


def intention_cue(parse: Parse, adjective: Token) -> Found | None:
    """ "X is willing to Y", "X, unwilling to Y, ...": the infinitive as what X means to do, if X is someone."""
    if adjective.pos != "ADJ" or adjective.text.casefold() not in _INTENT_ADJECTIVES:
        return None
    kids = list(parse.children(adjective))
    infinitive = next((k for k in kids if k.dep == "xcomp" and k.i > adjective.i and k.pos in ("VERB", "AUX")
                       and any(c.dep == "mark" and c.text.casefold() == "to" for c in parse.children(k))), None)
    if infinitive is None or any(c.dep == "aux:pass" for c in parse.children(infinitive)):
        return None  # "the ballots are ready to be counted": a state of things, no one's intention
    who = _holder(parse, adjective, kids)
    if who is None or who.pos not in ("NOUN", "PROPN", "PRON") or who.text.casefold() in _NO_HOLDER:
        return None
    source = source_range(parse, who)
    if source[0] <= adjective.i < source[1]:  # "voters unwilling to ...": the noun phrase up to the adjective
        end = adjective.i
        while end > source[0] + 1 and parse.tokens[end - 1].pos == "PUNCT":
            end -= 1
        source = (source[0], end)
    source = whole_name(parse, source, who) or source
    first = adjective.i
    for k in sorted(kids, key=lambda k: -k.i):  # "is not willing": the copula and negation belong to the cue
        if k.i == first - 1 and k.dep in ("cop", "aux", "advmod") and k.i >= source[1]:
            first = k.i
    return Found(cue=(first, adjective.i + 1), content=subtree_set(parse, infinitive), source=source,
                 verb=adjective.text, who=who)


def _holder(parse: Parse, adjective: Token, kids: list[Token]) -> Token | None:
    """Who holds the intention: the adjective's subject, the noun it describes, or the subject of the clause it is set after."""
    subject = next((k for k in kids if k.dep in ("nsubj", "nsubj:pass") and k.i < adjective.i), None)
    if subject is not None:
        return subject
    head = parse.tokens[adjective.head]
    if adjective.dep in ("amod", "acl") and head.i < adjective.i:
        return head
    if adjective.dep in ("conj", "advcl", "parataxis") and head.i != adjective.i:
        return next((k for k in parse.children(head) if k.dep == "nsubj" and k.i < adjective.i), None)
    return None


def weighing_put_to_someone(parse: Parse, verb: Token) -> bool:
    """ "urged voters to consider the risks", "neglected to consider the costs": weighing as the
    infinitive another verb asks for or leaves undone is no one's weighing held."""
    return verb.lemma.casefold() == "consider" and verb.dep == "xcomp" and any(
        k.dep == "mark" and k.text.casefold() == "to" for k in parse.children(verb))


# Verbs of wanting: "you want", "you would like" put a wish to the reader, no turn of talk like "you know" or "you see".
_WANTING = frozenset(["want", "wish", "hope", "like", "prefer", "need"])


def wish_of_yours(parse: Parse, cue: tuple[int, int]) -> bool:
    """Whether a cue whose speaker is "you" is a verb of wanting ("if you want to see it"), an attribution all the same."""
    return any(t.pos == "VERB" and t.lemma.casefold() in _WANTING for t in parse.tokens[cue[0]:cue[1]])


# Verbs whose passive with "for" says what someone or something is held to be marked by.
_REPUTING = frozenset(["know", "remember"])


def reputed_for(parse: Parse, verb: Token, kids: list[Token]) -> set[int]:
    """ "is known for its work with towns", "is best known for building the pier": the "for" phrase after a passive of knowing or remembering."""
    if verb.lemma.casefold() not in _REPUTING:
        return set()
    for kid in kids:
        if kid.i <= verb.i or kid.dep not in ("obl", "advcl"):
            continue
        first, last = parse.subtree(kid)
        opener = parse.tokens[first]
        if opener.text.casefold() == "for" and opener.pos in ("ADP", "SCONJ") and last - first >= 2:
            return set(range(first + 1, last))
    return set()
