"""Views told in the passive with what is held: "X is considered the favorite", "the deficit is
projected to reach $5 billion", "X is thought to be ahead".

Whoever holds the view goes unnamed (or is named by "by"); what is held is the subject with
the complement the verb gives it, which the parse hangs on the verb as its ``xcomp``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import Parse, Token
from .claim_words import is_passive, lemma_in, subtree_set

__all__ = ["held_in_passive"]

# Verbs whose passive with a complement tells what someone thinks, expects or reckons of the
# subject ("is considered a contender", "is projected to grow", "is believed to be safe"); not
# "suppose", whose "is supposed to" says what ought to be.
_HOLDING = frozenset(["consider", "project", "believe", "think", "estimate", "predict", "forecast", "deem", "judge",
                      "presume", "assume", "rumor", "rumour", "reckon", "say", "report", "know", "expect"])


def held_in_passive(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """The subject and its complement of a passive verb of holding a view ("Lowe is widely
    considered the favorite"); empty when the verb is no such passive or has no complement after it."""
    if lemma_in(verb, _HOLDING) not in _HOLDING or not is_passive(kids):
        return set()
    subjects = [k for k in kids if k.dep == "nsubj:pass" and k.i < verb.i and k.text.casefold() not in ("it", "there")]
    complements = [k for k in kids if k.dep == "xcomp" and k.i > verb.i]
    if not subjects or not complements:
        return set()
    return subtree_set(parse, subjects[0]) | subtree_set(parse, complements[0])
