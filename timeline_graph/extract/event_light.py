"""Light verbs of motion that tell an act: "went after the governor", "came under fire".

"Go" and "come" alone tell of being somewhere or of a relation ("the vote comes after a long
debate", "the money went to schools"), so they are no event by themselves. A few fixed phrases
of news make an act of them, told by the word right after the verb:

- "go after" someone: attacked or pursued them ("the senator went after her rival");
- "come under" fire, attack, pressure or scrutiny: was attacked or criticized;
- "go to" / "come to" power, court, trial, war, the polls, blows, an agreement or an end;
- "go on" trial or strike;
- "go further" / "go farther" / "go a step further": took a bolder step than before.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import Token

__all__ = ["light_act"]

#: The nouns after "go to" / "come to" that make an act of the phrase.
_TO_NOUNS = frozenset(
    "power court trial war polls blows agreement end halt standstill terms deal vote".split())  # noqa: SIM905
#: The nouns after "go on" that make an act of the phrase.
_ON_NOUNS = frozenset(("trial", "strike"))
_FURTHER = frozenset(("further", "farther"))


def light_act(tokens: Sequence[Token], verb: Token) -> bool:
    """Whether "go" or "come" forms one of the fixed phrases of an act (see the module's
    docstring) with the words right after it."""
    lemma = verb.lemma.casefold()
    if lemma not in ("go", "come") or verb.i + 1 >= len(tokens):
        return False
    after = tokens[verb.i + 1]
    word = after.text.casefold()
    if lemma == "go" and word == "after" and after.pos == "ADP":
        return True
    if lemma == "come" and word == "under" and after.pos == "ADP":
        return True
    if lemma == "go" and (word in _FURTHER or _a_step_further(tokens, verb.i + 1)):
        return True
    nouns = _ON_NOUNS if word == "on" and lemma == "go" else _TO_NOUNS if word == "to" else None
    if nouns is None:
        return False
    noun = next((t for t in tokens[verb.i + 2 : verb.i + 5] if t.pos in ("NOUN", "PROPN")), None)
    return noun is not None and noun.lemma.casefold() in nouns


def _a_step_further(tokens: Sequence[Token], i: int) -> bool:
    """ "a step further", "one step further" after the verb."""
    words = [t.text.casefold() for t in tokens[i : i + 3]]
    return len(words) == 3 and words[0] in ("a", "one") and words[1] == "step" and words[2] in _FURTHER
