"""Attributions of an impression or a stance: "X seems tired", "it appears that ...", "X is confident that ...", "X is critical of Y".

Two constructions the verb cues do not read, both attributions in the PolNeAR guidelines:

- a verb of **impression** ("seem", "appear") with a complement: the impression is its subject
  with what it seems to be or do ("The council appears to have dropped the plan": "The
  council ... to have dropped the plan"); after an expletive "it" the clause alone ("It seems
  that ..."). Whom it seems so to ("seems to voters") is the source; without one the
  impression is the writer's own, kept with no source.
- an **adjective of stance** ("confident", "sure", "worried", "convinced") heading a "that"
  clause: the clause is what its subject believes or fears ("The senator is confident that the
  bill will pass"); with a preposition naming what the stance is taken towards ("was critical
  of the toll", "are worried about the closure", "were unhappy with the timetable"), the
  phrase after it is the content.

>>> from timeline_graph import nlp
>>> text = "The senator is confident that the bill will pass."
>>> parse = nlp.parse(text)
>>> found = [impression_cue(parse, t) for t in parse.tokens]
>>> [(" ".join(t.text for t in parse.tokens[slice(*f.cue)]), " ".join(parse.tokens[i].text for i in sorted(f.content)))
...  for f in found if f]
[('is confident', 'that the bill will pass')]
"""

from __future__ import annotations

from ..nlp import Parse, Token
from .claim_sources import source_range, whole_name
from .claim_verbs import verb_cue
from .claim_words import Found, lemma_in, subtree_set

__all__ = ["impression_cue"]

# Verbs whose subject and complement together are an impression: "X seems Y".
_IMPRESSION_VERBS = frozenset(["seem", "appear"])
# Adjectives (and participles used as adjectives) whose "that" clause is what their subject
# believes, knows, hopes or fears.
_STANCE_ADJECTIVES = frozenset(
    ["confident", "sure", "certain", "convinced", "worried", "concerned", "afraid", "fearful", "aware", "hopeful",
     "optimistic", "pessimistic", "skeptical", "sceptical", "doubtful", "adamant", "unsure", "uncertain", "insistent",
     "positive", "anxious", "nervous", "persuaded", "unconvinced"]
)


# Adjectives of a stance taken towards something, with the prepositions that name it: "was
# critical of the plan", "are worried about the closure", "is unhappy with the deal".
_TOWARDS_ADJECTIVES: dict[str, frozenset[str]] = {
    word: frozenset(prepositions.split())
    for prepositions, words in (
        ("of", "critical supportive skeptical sceptical wary suspicious dismissive contemptuous scornful respectful "
               "appreciative fond proud ashamed afraid fearful distrustful mistrustful tolerant"),
        ("about over", "worried concerned anxious nervous optimistic pessimistic upbeat bullish bearish enthusiastic "
                       "excited confident unsure uncertain sure doubtful hopeful angry furious upset"),
        ("with", "unhappy happy pleased satisfied dissatisfied disappointed frustrated displeased"),
        ("in", "interested uninterested"),
        ("about", "upfront candid vocal outspoken shy ambivalent"),
        ("about with", "comfortable uncomfortable"),
    )
    for word in words.split()
}


def impression_cue(parse: Parse, token: Token) -> Found | None:
    """The impression a "seem" or "appear", or the stance an adjective like "confident", attributes, if any."""
    lemma = lemma_in(token, _IMPRESSION_VERBS)
    if lemma in _IMPRESSION_VERBS and token.pos == "VERB":
        return _impression(parse, token)
    if token.pos not in ("ADJ", "VERB"):
        return None
    found = _stance(parse, token) if token.text.casefold() in _STANCE_ADJECTIVES else None
    if found is None and token.text.casefold() in _TOWARDS_ADJECTIVES:
        found = _stance_towards(parse, token)
    return found


def _impression(parse: Parse, verb: Token) -> Found | None:
    """ "X seems Y", "X appears to do Y", "it seems (that|like) Y", "X seems Y to Z" (Z holds the impression)."""
    if verb.dep == "acl:relcl":
        return None  # "a line that seemed aimed at X": the impression is of the noun, outside the clause
    kids = list(parse.children(verb))
    # the complement: an adjective or infinitive ("seems tired", "appears to have"), a clause
    # ("it seems that", "it seems like"), or an adverb carrying one ("appeared likely to fail")
    complements = [k for k in kids if k.i > verb.i and (k.dep in ("xcomp", "ccomp") or (k.dep == "advcl" and _likeness(parse, k))
                                                         or _noun_complement(parse, verb, k))]
    for k in kids:
        if k.i == verb.i + 1 and k.dep == "advmod":
            complements += [c for c in parse.children(k) if c.dep in ("xcomp", "ccomp")]
    if not complements:
        return None
    subjects = [k for k in kids if k.dep in ("nsubj", "expl") and k.i < verb.i]
    if _voiced(parse, verb, complements, subjects):
        return None  # the verb after it makes the claim, its speaker the subject they share
    for k in complements:
        # "Lowe seemed hopeful that ...": a stance the subject shows, held by the subject
        if k.pos == "ADJ" and k.i == verb.i + 1 and subjects and subjects[0].dep == "nsubj":
            stance = _stance(parse, k, subjects) if k.text.casefold() in _STANCE_ADJECTIVES else None
            if stance is None and k.text.casefold() in _TOWARDS_ADJECTIVES:
                # the parse may hang "with the timetable" on the verb
                stance = _stance_towards(parse, k, subjects, [c for c in kids if c.i > k.i])
            if stance is not None:
                stance.cue = (verb.i, stance.cue[1])
                return stance
    content: set[int] = set()
    for k in complements:
        content |= subtree_set(parse, k)
    for k in kids:
        if k.i == verb.i + 1 and k.dep == "advmod":
            content |= subtree_set(parse, k)
    source: tuple[int, int] | None = None
    who: Token | None = None
    for k in kids:  # "seems to voters": who holds the impression, not part of it
        if k.dep == "obl" and k.pos in ("NOUN", "PROPN", "PRON") and any(
                c.dep == "case" and c.text.casefold() == "to" for c in parse.children(k)):
            source, who = parse.subtree(k), k
            content -= set(range(*source))
    for k in complements:
        for c in parse.children(k):
            if c.dep == "obl" and c.pos in ("NOUN", "PROPN", "PRON") and any(
                    d.dep == "case" and d.text.casefold() == "to" for d in parse.children(c)) and c.i > verb.i and (
                    k.pos == "ADJ" or parse.tokens[parse.subtree(c)[0] - 1].text == ","):
                source, who = parse.subtree(c), c  # "seemed sensible to voters", "..., to many observers"
                content -= set(range(*source))
    if subjects and subjects[0].dep == "nsubj":
        content |= subtree_set(parse, subjects[0])
    if source is not None:
        source = (source[0] + 1, source[1]) if parse.tokens[source[0]].text.casefold() == "to" else source
    content = {i for i in content if parse.tokens[i].sent == verb.sent}
    if len([i for i in content if parse.tokens[i].pos != "PUNCT"]) < 2:
        return None
    return Found(cue=(verb.i, verb.i + 1), content=content, source=source, verb=verb.text, who=who)


def _voiced(parse: Parse, verb: Token, complements: list[Token], subjects: list[Token]) -> bool:
    """ "Lowe seemed to recognize the risk", "the mayor appeared to blame the company": the
    verb after "seem" is a cue of its own, whose speaker is the subject "seem" shares with it;
    the impression is the writer's hedge on that act, not a separate claim without a holder."""
    if not subjects or subjects[0].dep != "nsubj" or subjects[0].text.casefold() in ("it", "there"):
        return False
    for k in complements:
        if k.dep != "xcomp" or k.pos != "VERB" or k.i <= verb.i:
            continue
        found = verb_cue(parse, k)
        if found is not None and found.content and found.who is not None and found.who.i == subjects[0].i:
            return True
    return False


def _noun_complement(parse: Parse, verb: Token, kid: Token) -> bool:
    """ "seems like a fair idea", "seemed a waste of time": a noun phrase after the verb, after "like" or (after "seem") bare,
    is what it seems to be (the parse makes it an object or an oblique); "appeared Sunday" says when."""
    if kid.pos not in ("NOUN", "PROPN") or kid.dep not in ("obj", "obl"):
        return False
    first = parse.tokens[parse.subtree(kid)[0]]
    if first.pos == "ADP":
        return first.text.casefold() == "like"
    return kid.dep == "obj" and verb.lemma.casefold() == "seem"


def _likeness(parse: Parse, clause: Token) -> bool:
    """Whether a clause opens with "like", "as if" or "as though" ("seems like ...", "appeared as if ..."), not "to discuss"."""
    first = parse.tokens[parse.subtree(clause)[0]]
    return first.text.casefold() == "like" or (first.text.casefold() == "as" and first.i + 1 < len(parse.tokens)
                                               and parse.tokens[first.i + 1].text.casefold() in ("if", "though"))


def _stance(parse: Parse, adjective: Token, subjects: list[Token] | None = None) -> Found | None:
    """ "X is confident that Y", "X was worried that Y": the clause, held by the adjective's subject (or the given one)."""
    kids = list(parse.children(adjective))
    clauses = [k for k in kids if k.dep == "ccomp" and k.i > adjective.i and any(
        c.dep == "mark" and c.text.casefold() == "that" for c in parse.children(k))]
    clauses = clauses or [k for k in kids if k.dep == "ccomp" and k.i == adjective.i + 1 + _gap(parse, adjective)]
    subjects = subjects or [k for k in kids if k.dep in ("nsubj", "nsubj:pass") and k.i < adjective.i]
    if not clauses or not subjects or subjects[0].text.casefold() == "it":
        return None  # "it is clear that ..." says nothing of who holds it
    who = subjects[0]
    source = whole_name(parse, source_range(parse, who), who)
    cue_first = adjective.i
    for k in kids:  # "is not sure": the copula and negation belong to the cue
        if k.dep in ("cop", "aux", "aux:pass", "advmod") and source is not None and source[1] <= k.i < adjective.i:
            cue_first = min(cue_first, k.i)
    return Found(cue=(cue_first, adjective.i + 1), content=subtree_set(parse, clauses[0]), source=source,
                 verb=adjective.text, who=who)


def _stance_towards(parse: Parse, adjective: Token, subjects: list[Token] | None = None,
                    more: list[Token] | None = None) -> Found | None:
    """ "X was critical of Y", "X is worried about Y": what the stance is taken towards, held by the adjective's subject (or the given one)."""
    kids = list(parse.children(adjective)) + (more or [])
    subjects = subjects or [k for k in kids if k.dep in ("nsubj", "nsubj:pass") and k.i < adjective.i]
    if not subjects or subjects[0].pos not in ("NOUN", "PROPN", "PRON") or subjects[0].text.casefold() in ("it", "this", "that"):
        return None
    prepositions = _TOWARDS_ADJECTIVES[adjective.text.casefold()]
    for kid in kids:
        if kid.i <= adjective.i or kid.dep not in ("obl", "advcl", "nmod"):
            continue
        first, last = parse.subtree(kid)
        opener = parse.tokens[first]
        between = parse.tokens[adjective.i + 1 : first]
        if opener.text.casefold() in prepositions and opener.pos in ("ADP", "SCONJ") and not between and last - first >= 2:
            who = subjects[0]
            source = whole_name(parse, source_range(parse, who), who)
            cue_first = adjective.i
            for k in kids:  # "was not critical": the copula and negation belong to the cue
                if k.dep in ("cop", "aux", "advmod") and source is not None and source[1] <= k.i < adjective.i:
                    cue_first = min(cue_first, k.i)
            return Found(cue=(cue_first, first + 1), content=set(range(first + 1, last)), source=source,
                         verb=adjective.text, who=who)
    return None


def _gap(parse: Parse, adjective: Token) -> int:
    """How many words stand between an adjective and a clause it takes without "that" (none, or "enough")."""
    nxt = parse.tokens[adjective.i + 1] if adjective.i + 1 < len(parse.tokens) else None
    return 1 if nxt is not None and nxt.text.casefold() == "enough" else 0
