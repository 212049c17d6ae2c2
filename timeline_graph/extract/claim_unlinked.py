"""Attributions whose cue the parse left without its clause, read off the word order.

"Republican strategists concede that a loss could ...", "Lowe wrote in a court filing that the
request was futile", "Many speculated that he might fail ...": a verb of saying or thinking
followed by "that" and a clause of its own is an attribution however the parse hung the clause
(on another word, or as a relative clause of the cue it took for a noun). The tagger may read
the verb as a noun ("estimates", "notes", "fear"); it is read as a verb only where the word
before it is its subject by agreement ("Lowe estimates", "officials fear"), never after a
determiner or a possessive ("the estimates that", "Lowe's fears that").
"""

from __future__ import annotations

from ..nlp import Parse, Token
from .claim_sources import source_of, subject_set_apart, unnamed_holder, whole_name, without_opener
from .claim_verbs import before_next_speaker, cue_range, without_aside
from .claim_words import (
    ADDRESSEE_VERBS,
    CLAUSE_VERBS,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    TIME_WORDS,
    Found,
    is_particle,
    lemma_in,
)

# Tags of a finite verb: a clause after "that" has one.
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])
# Pronouns that agree with a verb's "-s" form, and with its plain form.
_SINGULAR_PRONOUNS = frozenset(["he", "she", "it", "this", "that", "who", "which", "one", "everyone", "nobody", "someone"])
_PLURAL_PRONOUNS = frozenset(["i", "we", "they", "you", "who", "which", "many", "most", "some", "others", "both", "few"])
# Words between a cue verb and its "that": where, when and how it was said ("wrote in a court
# filing that", "said on Twitter Friday that", "pointed out again that").
_BETWEEN_POS = frozenset(["ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV", "PART", "PRON"])
_QUESTION_WORDS = frozenset(["who", "which", "what", "whether", "if", "how", "why", "when", "where"])
_MOST_BETWEEN = 8
_LONGEST_QUOTE = 400  # tokens


def that_clause_cue(parse: Parse, verb: Token) -> Found | None:
    """ "X concedes that ...": a verb of saying or thinking with "that" and a clause after it, which the parse did not link to it."""
    lemma = lemma_in(verb, CLAUSE_VERBS)
    if lemma not in CLAUSE_VERBS or not _a_verb(parse, verb):
        return None
    that = _that_after(parse, verb, lemma)
    if that is None:
        return None
    sentence = parse.sentences[verb.sent]
    opening = that + 1
    while opening < sentence.last and parse.tokens[opening].text in OPEN_QUOTES:
        opening += 1  # 'projects that “a small tax” would raise ...'
    after = parse.tokens[opening] if opening < sentence.last else None
    # a complementizer opens a clause with a subject, or a phrase or clause before it ("that
    # the plan works", "that of the four piers, none ...", "that if it fails, ...", "that
    # keeping the pier will cost ..."); "that" right before a finite verb is a relative pronoun
    # ("the estimates that were published")
    if after is None or not (after.pos in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ", "ADV", "ADP", "SCONJ")
                             or after.tag == "VBG"):
        return None
    if not any(t.tag in _FINITE for t in parse.tokens[that + 2 : sentence.last]):
        return None
    content = {i for i in range(that + 1, sentence.last) if not (i == sentence.last - 1 and parse.tokens[i].pos == "PUNCT")}
    content = before_next_speaker(parse, verb, without_aside(parse, verb, content))
    if not content:
        return None
    return _with_source(parse, verb, content, (verb.i, that))


def quotation_cue(parse: Parse, verb: Token) -> Found | None:
    """ "Lowe tweeted in reply: “...”", "the report concludes, “...”": a verb of saying or thinking
    followed by a colon or a comma and a quotation, which the parse did not make its content."""
    lemma = lemma_in(verb, CLAUSE_VERBS)
    if lemma not in CLAUSE_VERBS or not _a_verb(parse, verb):
        return None
    k = _past_setting(parse, verb, lemma)
    if k is None or parse.tokens[k].text not in (":", ",") or k + 2 >= len(parse.tokens):
        return None
    opening = parse.tokens[k + 1]
    if opening.text not in OPEN_QUOTES:
        return None
    closing = _closing_mark(parse, opening)
    if closing is None or closing <= k + 2:
        return None
    content = set(range(k + 2, closing))
    return _with_source(parse, verb, content, (verb.i, k))


def _with_source(parse: Parse, verb: Token, content: set[int], between: tuple[int, int]) -> Found | None:
    """The attribution with its source: the verb's subject, or the noun phrase right before it;
    None for a finite verb with neither. ``between`` is the verb's index and its content's opening word."""
    kids = list(parse.children(verb)) if verb.pos in ("VERB", "AUX") else []
    source, who = source_of(parse, verb, kids) if kids else (None, None)
    if who is not None and (who.i > verb.i or _a_time(parse, who)):
        source, who = None, None  # "said Friday", "Monday alleging": a time speaks for no one
    passive = any(k.dep in ("aux:pass", "nsubj:pass", "expl") for k in kids)
    if passive and who is not None and who.dep != "obl:agent":
        # "it was widely reported that ...": the subject of a passive is not who said it;
        # only an agent ("by X") is named
        return Found(cue=cue_range(parse, verb, kids), content=content, source=None, verb=verb.text, who=None)
    if who is None:
        source, who = unnamed_holder(parse, verb, finite=False)
    if who is None and verb.dep == "ROOT":
        source, who = subject_set_apart(parse, verb)
    if who is not None and _a_time(parse, who):
        source, who = None, None
    if who is None and verb.tag not in ("VBG", "VB"):
        return None
    source = whole_name(parse, source, who)
    if source is not None:
        source, who = without_opener(parse, source, who)
        content -= set(range(*source))
    cue = cue_range(parse, verb, kids)
    if cue[1] == verb.i + 1 and cue[1] < between[1] and is_particle(parse, parse.tokens[cue[1]]):
        cue = (cue[0], cue[1] + 1)  # "point out", the verb read as a noun
    return Found(cue=cue, content=content, source=source, verb=verb.text, who=who)


def _closing_mark(parse: Parse, opening: Token) -> int | None:
    """The index of the mark closing a quotation, in its paragraph."""
    for k in range(opening.i + 1, min(opening.i + _LONGEST_QUOTE, len(parse.tokens))):
        t = parse.tokens[k]
        if "\n\n" in parse.text[parse.tokens[k - 1].end : t.start]:
            return None
        if t.text in CLOSE_QUOTES and (opening.text != "“" or t.text == "”"):
            return k
    return None


def _a_verb(parse: Parse, token: Token) -> bool:
    """Whether a cue word is a verb: so tagged, or a noun or adjective whose subject stands right before it and agrees with it."""
    if token.pos in ("VERB", "AUX") and token.tag.startswith("VB"):
        return True
    if token.pos not in ("NOUN", "ADJ", "PROPN") or token.i == 0:
        return False
    before = parse.tokens[token.i - 1]
    while before.i > 0 and before.pos == "ADV" and before.i > parse.sentences[token.sent].first:
        before = parse.tokens[before.i - 1]  # "officials now fear that"
    word = token.text.casefold()
    subject = before.text.casefold()
    if before.pos == "PRON":
        singular, plural = subject in _SINGULAR_PRONOUNS, subject in _PLURAL_PRONOUNS
    elif before.pos in ("NOUN", "PROPN"):
        singular, plural = before.tag in ("NN", "NNP"), before.tag in ("NNS", "NNPS")
    else:
        return False
    if word.endswith("ed"):
        return singular or plural
    if word.endswith("s") and not word.endswith("ss"):
        return singular
    return plural and word == token.lemma.casefold()


def _past_setting(parse: Parse, verb: Token, lemma: str) -> int | None:
    """The index of the first word after a cue verb past a particle, adverbs, whom it was told to,
    and phrases of when, where or how it was said ("in a court filing", "on Twitter Friday"),
    with no verb between. None where a noun phrase outside such a phrase follows the verb: it
    is the verb's object, whose "that" opens a relative clause ("showed a video that the mayor
    posted")."""
    last = parse.sentences[verb.sent].last
    in_phrase = told = False
    for k in range(verb.i + 1, min(verb.i + 2 + _MOST_BETWEEN, last - 1)):
        t = parse.tokens[k]
        word = t.text.casefold()
        if word == "that" or t.pos == "PUNCT":
            return k
        if (k == verb.i + 1 and is_particle(parse, t)) or (t.pos in ("ADV", "PART") and word != "to"
                                                            and word not in _QUESTION_WORDS):
            continue
        if t.pos == "ADP":
            in_phrase = True
            continue
        if t.pos not in _BETWEEN_POS or word in _QUESTION_WORDS:
            return None
        if k == verb.i + 1 and lemma in ADDRESSEE_VERBS and t.pos in ("PRON", "PROPN", "NOUN", "DET"):
            told = True  # "told reporters that"
            continue
        if not (in_phrase or told or _a_time(parse, t) or (t.pos in ("DET", "ADJ") and _a_time(parse, parse.tokens[t.head]))):
            return None  # (not "said this month that": a time phrase)
    return None


def _that_after(parse: Parse, verb: Token, lemma: str) -> int | None:
    """The index of the "that" opening the verb's clause, right after the verb or past where it was said."""
    k = _past_setting(parse, verb, lemma)
    if k is None:
        return None
    that = parse.tokens[k]
    return k if that.text.casefold() == "that" and that.pos in ("SCONJ", "PRON", "DET") else None


def _a_time(parse: Parse, token: Token) -> bool:
    """Whether a word names a day or a time ("said Friday that")."""
    named = parse.entity_at(token)
    return token.lemma.casefold() in TIME_WORDS or (named is not None and named.label in ("DATE", "TIME"))
