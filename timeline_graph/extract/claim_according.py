"""Attributions whose cue is "according to X", "as reported by X" or "in X's poll": the clause around it is X's.

Read off the words rather than the tree, which often hangs the phrase in odd places: "According
to X, ...", "..., according to X.", and set off in mid-sentence ("Now, according to X, ...",
"While A, according to X, B"). A poll, survey or study a clause is found "in" speaks for it
the same way ("In the latest poll, A leads B", "A leads B, in a survey by X"), as the
guidelines read "in the eyes of most Americans".
"""

from __future__ import annotations

from ..nlp import Parse, Token
from .claim_sources import source_range
from .claim_words import CUE_VERBS, RELATIVE, Found, has_verb, lemma_in, trim_range

__all__ = ["according_cue", "finding_cue", "view_cue"]

# Phrases that credit what the clause says to the noun phrase after them.
ACCORDING = (("according", "to"), ("as", "reported", "by"), ("as", "first", "reported", "by"))
ACCORDING_FIRST = frozenset(p[0] for p in ACCORDING)


def according_cue(parse: Parse, token: Token) -> Found | None:
    """ "According to X, ..." and "..., according to X" (or "as reported by X"): the rest of the clause is X's.

    Read off the words rather than the tree, which often hangs the phrase in odd places.
    """
    if token.text.casefold() not in ACCORDING_FIRST:
        return None
    sentence = parse.sentences[token.sent]
    phrase = next(
        (p for p in ACCORDING
         if token.i + len(p) < sentence.last
         and all(parse.tokens[token.i + k].text.casefold() == w for k, w in enumerate(p))),
        None,
    )
    if phrase is None:
        return None
    to = parse.tokens[token.i + len(phrase) - 1]
    # the source: up to the next comma, dash, semicolon or the sentence's end
    last = to.i + 1
    while last < sentence.last and parse.tokens[last].text not in (",", ";", "—", "–", ":", "(", ")") and not (
        parse.tokens[last].text == "." and last == sentence.last - 1
    ):
        last += 1
    source = trim_range(parse, to.i + 1, last)
    if source[1] <= source[0]:
        return None
    heads = [parse.tokens[i] for i in range(*source) if not source[0] <= parse.tokens[i].head < source[1]]
    who = heads[0] if heads else parse.tokens[source[1] - 1]
    cut = source_range(parse, who)
    if source[0] <= cut[0] and cut[1] < source[1]:
        source = (source[0], max(cut[1], who.i + 1))
    content = _clause_around(parse, token, last)
    return Found(cue=(token.i, to.i + 1), content=content, source=source, verb="according to", who=who)


def _clause_around(parse: Parse, token: Token, last: int) -> set[int]:
    """The words a phrase crediting a source (from ``token`` to ``last``) is set into: the clause
    after it when it opens the sentence, else the one before it, or around it in mid-sentence."""
    sentence = parse.sentences[token.sent]
    first_word = token.i
    while first_word > sentence.first and parse.tokens[first_word - 1].pos == "PUNCT" and parse.tokens[first_word - 1].text in "(,":
        first_word -= 1
    before = set(range(sentence.first, first_word))
    after = set(range(last, sentence.last)) if last < sentence.last and parse.tokens[last].text == "," else set()
    opener = parse.tokens[sentence.first]
    joined = first_word - 1 > sentence.first and (parse.tokens[first_word - 1].pos == "SCONJ"
                                                  or parse.tokens[first_word - 1].text.casefold() in _SUBORDINATORS)
    if first_word == sentence.first:  # "According to X, content."
        content = set(range(last, sentence.last))
    elif after and joined and clause_after(parse, last, sentence.last):
        content = after  # "He left after, according to X, the network cut his report": the clause it is set into
    elif after and any(parse.tokens[i].dep.startswith("nsubj") and parse.tokens[i].head in after for i in before):
        content = before | after  # "The levy, according to X, is a disaster": the subject and its predicate
    elif after and (not has_verb(parse, sentence.first, first_word) or (
            opener.pos == "SCONJ" and clause_after(parse, last, sentence.last))):
        content = after  # "Now, according to X, some are ...", "While A, according to X, B.": the main clause
    elif after and clause_after(parse, last, sentence.last) and parse.tokens[last + 1].text.casefold() != "but":
        content = before | after  # (", but ..." after it is the writer's contrast)
    else:  # "content, according to X (, who ...)."
        content = before
    return content


# Nouns of a point of view: "in Lowe's view", "in the eyes of most voters", "in her words".
_VIEWS = frozenset(["view", "opinion", "words", "eyes", "mind", "estimation", "judgment", "judgement", "assessment",
                    "telling", "account", "reckoning", "analysis", "experience", "recollection", "memory"])
_POSSESSIVE_MARKS = frozenset(["'s", "’s", "'", "’"])
_VIEW_REACH = 8  # words between "in" and its view noun ("in the former senator's own view")


def view_cue(parse: Parse, token: Token) -> Found | None:
    """ "In Lowe's view, the levy is a mistake", "the levy, in the words of one farmer, is a
    disaster": the clause is the view of whoever holds it (the guidelines' "in the eyes of most
    Americans"). The holder is the noun's possessor, or the phrase after "of"."""
    if token.text.casefold() != "in":
        return None
    sentence = parse.sentences[token.sent]
    k = next((j for j in range(token.i + 1, min(token.i + _VIEW_REACH, sentence.last))
              if parse.tokens[j].pos == "NOUN" and lemma_in(parse.tokens[j], _VIEWS) in _VIEWS), None)
    if k is None or any(parse.tokens[j].pos == "PUNCT" and parse.tokens[j].text not in _POSSESSIVE_MARKS
                        for j in range(token.i + 1, k)):
        return None
    after = k + 1
    if parse.tokens[token.i + 1].text.casefold() == "the" and after < sentence.last and parse.tokens[after].text.casefold() == "of":
        last = after + 1  # "in the eyes of X": X up to the comma
        while last < sentence.last and parse.tokens[last].text not in (",", ";", "—", "–", ":", "(", ")") and not (
                parse.tokens[last].text == "." and last == sentence.last - 1):
            last += 1
        source = trim_range(parse, after + 1, last)
    else:
        holder = [j for j in range(token.i + 1, k) if parse.tokens[j].dep == "nmod:poss" and parse.tokens[j].head == k]
        if not holder:
            return None
        first, end = parse.subtree(parse.tokens[holder[0]])
        while end > first and parse.tokens[end - 1].text in _POSSESSIVE_MARKS:
            end -= 1
        source, last = (first, end), after
    set_off = last >= sentence.last or parse.tokens[last].text in (",", ".", ";") or token.i == sentence.first
    if source[1] <= source[0] or not set_off:
        return None  # "the rise in Lowe's view count": no phrase of its own
    content = _clause_around(parse, token, last)
    if not content or not has_verb(parse, min(content), max(content) + 1):
        return None
    heads = [parse.tokens[i] for i in range(*source) if not source[0] <= parse.tokens[i].head < source[1]]
    who = heads[0] if heads else parse.tokens[source[1] - 1]
    if who.pos not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"):
        return None
    return Found(cue=(k, k + 1), content=content - set(range(token.i, last)), source=source, verb=parse.tokens[k].text, who=who)


# Words that open a clause, which an "according to" right after them is set into.
_SUBORDINATORS = frozenset(["after", "before", "because", "since", "that", "while", "although", "though", "if", "when",
                            "unless", "until", "as", "whether"])


def clause_after(parse: Parse, first: int, last: int) -> bool:
    """Whether the words after a comma make a clause of the content (not "who ..." about the source)."""
    nxt = parse.tokens[first + 1] if first + 1 < last else None
    return nxt is not None and nxt.text.casefold() not in RELATIVE and any(
        parse.tokens[i].dep.startswith("nsubj") for i in range(first + 1, last)
    ) and nxt.dep not in ("appos",)


# Made things whose findings a clause reports when it is "in" them.
_FINDINGS = frozenset(["poll", "polling", "survey", "study", "analysis", "report", "research", "data", "tally", "count",
                       "estimate", "forecast", "projection", "audit", "census", "finding", "result", "review"])
# Words a finding's phrase may run over before its comma when the parse hangs it on a
# participle ("In a poll released Monday, ...", "In a survey conducted by X for Y, ...").
_OPENER_REACH = 16


def finding_cue(parse: Parse, token: Token) -> Found | None:
    """ "In the latest poll, A leads B.", "A leads B, in a survey by X." or "A is ahead in the
    polls.": the clause is what the poll found.

    The phrase opens the sentence, or closes it after a comma or hung on the sentence's own verb;
    a clause with a cue verb of its own ("In the poll, most said ...") is that verb's attribution instead.
    """
    if token.text.casefold() != "in" or token.dep != "case":
        return None
    noun = parse.tokens[token.head]
    if noun.pos != "NOUN" or lemma_in(noun, _FINDINGS) not in _FINDINGS or noun.i <= token.i:
        return None
    sentence = parse.sentences[token.sent]
    first, last = trim_range(parse, token.i, parse.subtree(noun)[1])
    lead = [t for t in parse.tokens[sentence.first : first] if t.pos != "PUNCT"]
    if not lead and not (last < sentence.last and parse.tokens[last].text == ","):
        last = _opening_phrase_end(parse, token, noun, sentence.last)
    if not lead and last < sentence.last and parse.tokens[last].text == ",":
        content = set(range(last + 1, sentence.last))  # "In the latest poll, content."
    elif first > sentence.first + 2 and parse.tokens[first - 1].text == "," and all(
            t.pos == "PUNCT" for t in parse.tokens[last : sentence.last]):
        content = set(range(sentence.first, first - 1))  # "content, in a survey by X."
    elif first > sentence.first + 2 and _closes_clause(parse, noun, first, last):
        content = set(range(sentence.first, first))  # "A leads B in the latest poll."
    else:
        return None
    root = parse.tokens[min(content)]
    while root.head != root.i and root.head in content:
        root = parse.tokens[root.head]
    if not has_verb(parse, min(content), max(content) + 1) or lemma_in(root, CUE_VERBS) in CUE_VERBS:
        return None
    return Found(cue=(token.i, token.i + 1), content=content, source=trim_range(parse, token.i + 1, last), verb="in", who=noun)


def _closes_clause(parse: Parse, noun: Token, first: int, last: int) -> bool:
    """Whether a finding's phrase closes its sentence and hangs on the sentence's own verb, which has a
    subject ("A leads B in the latest poll"); not a fragment ("Do well in the polls.")."""
    sentence = parse.sentences[noun.sent]
    verb = parse.tokens[noun.head]
    return (all(t.pos == "PUNCT" for t in parse.tokens[last : sentence.last]) and noun.dep == "obl"
            and verb.dep == "ROOT" and verb.i < first and any(k.dep.startswith("nsubj") for k in parse.children(verb)))


def _opening_phrase_end(parse: Parse, token: Token, noun: Token, end: int) -> int:
    """Where "In a poll released Monday, ..." ends: the comma after the finding and what describes it, read off the words.

    The parser may take the participle describing the poll ("released", "conducted") for the
    sentence's verb; the opening phrase still ends at its first comma, so long as no word
    before it opens a clause of its own (a subject, a "that" or a question word).
    """
    for k in range(noun.i + 1, min(noun.i + _OPENER_REACH, end)):
        t = parse.tokens[k]
        if t.text == ",":
            return k
        if t.tag in ("VBZ", "VBP", "MD") or t.dep.startswith("nsubj") or t.text.casefold() in RELATIVE or t.text in (";", ":"):
            break
    return noun.i + 1

