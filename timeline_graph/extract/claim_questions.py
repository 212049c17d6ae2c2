"""Attributions whose cue is a question put to the speaker: "Asked whether the pier will reopen, Lowe said ...".

A bare participle "asked" (no subject, no auxiliary) opening a sentence, or after "when",
"if", "after" or "once" ("..., she said when asked about the tolls"), reports a question put by
someone the article leaves unnamed: what was asked is the question ("whether the pier will
reopen", "about the tolls", "to confirm the meeting", "why the vote was late"), a claim with no
claimant. What the one asked answers is the claim of the verb of saying beside it.

>>> from timeline_graph import nlp
>>> text = "Asked whether the pier will reopen, Lowe said she hoped so."
>>> parse = nlp.parse(text)
>>> [" ".join(parse.tokens[i].text for i in sorted(f.content)) for t in parse.tokens if (f := question_put(parse, t))]
['whether the pier will reopen']
"""

from __future__ import annotations

from ..nlp import Parse, Token
from .claim_words import Found

__all__ = ["question_put"]

# Words opening a question put as a clause ("asked whether ...", "asked why ...").
_QUESTION_OPENERS = frozenset(["whether", "if", "why", "what", "how", "who", "whom", "whose", "when", "where", "which"])
# Words before a participle that leave it without a subject of its own ("when asked about ...").
_BEFORE = frozenset(["when", "if", "after", "once", "while"])
# Prepositions opening what a question was about ("asked about the tolls").
_ABOUT = frozenset(["about", "regarding"])


def question_put(parse: Parse, verb: Token) -> Found | None:
    """The question a bare participle "asked" reports, with no one named as asking it.

    The question is read off the words, since the parser often takes the participle for a past
    tense and the question word for its object: it opens with a question word, "about" or "to"
    within a few words of the verb (past when: "Asked on Monday whether ...") and runs to the
    comma that closes the participle's clause, or to the sentence's end.
    """
    if verb.text.casefold() != "asked" or verb.tag not in ("VBN", "VBD") or verb.pos != "VERB":
        return None
    kids = list(parse.children(verb))
    if any(k.dep.startswith(("nsubj", "aux", "expl")) for k in kids):
        return None  # "was asked", "she asked": a question with someone named in it
    sentence = parse.sentences[verb.sent]
    first, last = sentence.first, sentence.last
    before = [t for t in parse.tokens[first : verb.i] if t.pos != "PUNCT"]
    opening = not before or (len(before) == 1 and before[0].text.casefold() in _BEFORE)
    inside = (verb.i - 2 >= first and parse.tokens[verb.i - 1].text.casefold() in _BEFORE
              and parse.tokens[verb.i - 2].text != ",")
    if not (opening or inside):
        return None
    start = next((t.i for t in parse.tokens[verb.i + 1 : min(last, verb.i + 1 + _GAP)]
                  if t.text.casefold() in _QUESTION_OPENERS | _ABOUT or (t.text.casefold() == "to" and t.tag == "TO")
                  or t.pos in ("VERB", "AUX", "PUNCT") or t.text.casefold() in _ADDRESSEES), None)
    if start is None or parse.tokens[start].pos in ("PUNCT",) or parse.tokens[start].text.casefold() in _ADDRESSEES:
        return None
    if any(t.text.casefold() == "by" for t in parse.tokens[verb.i + 1 : start]):
        return None  # "Asked by a reporter whether ...": the one who asked is named, a cue verb's reading
    if parse.tokens[start].pos in ("VERB", "AUX") and parse.tokens[start].tag != "TO":
        return None
    end = _answer_start(parse, verb, start) if opening else None
    if end is None:
        end = next((t.i for t in parse.tokens[start + 1 : last] if t.text in (",", ";", ":", "—", "–", "--")
                    or (t.text == "-" and parse.text[t.start - 1 : t.start].isspace())), last)
    while end > start and parse.tokens[end - 1].pos == "PUNCT":
        end -= 1
    if end - start < 2:
        return None
    return Found(cue=(verb.i, verb.i + 1), content=set(range(start, end)), source=None, verb=verb.text, who=None)


def _answer_start(parse: Parse, verb: Token, start: int) -> int | None:
    """Where the answering clause opens after a question set first ("Asked whether X, who ..., would
    stay, Lowe said ..."): the start of the main clause's subject, set off by a comma, past the
    question's own commas. The main clause's verb is the sentence's root, or hangs on the
    participle where the parser took that for the root."""
    last = parse.sentences[verb.sent].last
    for t in parse.tokens[start + 1 : last]:
        if not t.dep.startswith("nsubj"):
            continue
        head = parse.tokens[t.head]
        lo = parse.subtree(t)[0]
        main = head.dep == "ROOT" or (head.head == verb.i and head.dep in ("ccomp", "parataxis", "conj"))
        if main and head.i > t.i and lo > start and parse.tokens[lo - 1].text == ",":
            return lo
    return None


# Words between "asked" and its question: when and where it was asked ("Asked on Monday in Lyon whether ...").
_GAP = 6
# Words after "asked" naming whom the question was put to, which make it no bare participle ("asked him whether").
_ADDRESSEES = frozenset(["him", "her", "them", "me", "us", "you"])
