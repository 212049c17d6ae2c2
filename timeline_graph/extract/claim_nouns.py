"""Attributions whose cue is a noun: "her claim that ...", "X expressed concern that ...", "his pledge to ...".

A noun of saying, thinking or wanting followed by a "that" clause (or, for a plan or a plea,
by an infinitive, or by "is that ..." / "is to ..." when the noun is the clause's subject: "his
concern is that ...") gives what was said or wanted; a noun of a stance with its possessor and its
prepositional phrase ("her criticism of the pier") what the stance is taken towards; its speaker is the noun's possessor ("her
claim"), else the subject of the verb it is the object of ("X made the case that ..."), else
no one named. The clause is read off the words and the clause's own subtree, since the parse
often hangs it on the verb rather than on the noun.

>>> from timeline_graph import nlp
>>> text = "The mayor expressed concern that the river would flood."
>>> parse = nlp.parse(text)
>>> [(parse.tokens[n.cue].text, text[slice(*n.content)]) for n in noun_cues(parse)]
[('concern', 'the river would flood')]
"""

from __future__ import annotations

from ..nlp import Parse, Token
from .claim_quotes import QuoteCue
from .claim_words import ARGUMENT_VERBS, CLAUSE_VERBS, OBJECT_VERBS, lemma_in

__all__ = ["names_a_saying", "noun_cues"]

# Nouns naming something said, thought or wanted, whose "that" clause is its content.
_SAID = frozenset(
    ["statement", "claim", "assertion", "argument", "case", "warning", "promise", "pledge", "vow", "threat", "hope",
     "fear", "concern", "belief", "view", "suggestion", "proposal", "demand", "call", "request", "plea", "insistence",
     "accusation", "allegation", "charge", "complaint", "denial", "admission", "announcement", "assurance",
     "prediction", "expectation", "assumption", "conviction", "impression", "notion", "theory", "speculation",
     "rumor", "rumour", "report", "message", "doubt", "worry", "confidence", "acknowledgment", "conclusion",
     "finding", "estimate", "intention", "wish", "commitment", "contention", "observation", "remark", "comment",
     "signal", "indication", "reassurance", "guarantee", "explanation"]
)
# Of those, the ones whose infinitive is what is wanted ("a pledge to rebuild").
_WANTED = frozenset(["promise", "pledge", "vow", "threat", "call", "demand", "request", "plea", "intention", "wish",
                     "commitment", "proposal", "plan", "decision", "offer", "push"])

_EVERY = frozenset(["every", "each", "all", "any"])
# Nouns of a stance taken towards something, whose prepositional phrase is what it is taken
# towards: "her criticism of the pier", "Lowe's attacks on the board". Only with a possessor
# who takes it; "criticism of the pier grew" is the writer's. "Support" and "call" are left
# out: "their support for X" and "his call for X" are as often a vote or a phone call as a stance.
_STANCES = frozenset(
    ["criticism", "attack", "opposition", "praise", "condemnation", "endorsement", "defense", "defence", "rejection", "denunciation", "critique", "dismissal", "skepticism", "scepticism",
     "disdain", "contempt", "admiration", "embrace", "advocacy", "objection", "hostility"]
)
_TOWARDS = frozenset(["for", "of", "on", "to", "against", "about", "over", "toward", "towards"])
# Nouns of talk and of thought whose "about" phrase is what was said or thought, when someone
# makes, raises or voices them ("raised questions about the pier", "made statements about X"):
# those of saying above and these.
_TALK = frozenset(["question", "discussion", "conversation", "debate", "talk", "speculation", "misgiving", "qualm",
                   "feeling", "joke", "answer", "story", "note", "reservation", "suspicion"])
_CUE_NOUNS = _SAID | _WANTED | _STANCES | _TALK


def names_a_saying(noun: Token) -> bool:
    """Whether a noun names something said, thought or wanted whose "that" clause is its content
    ("concern that ...", "a claim that ..."): the clause is the noun's claim, not more of a verb's."""
    return lemma_in(noun, _SAID) in _SAID


def noun_cues(parse: Parse) -> list[QuoteCue]:
    """Every noun cue of the parse with its content and, where given, its speaker."""
    found = []
    for token in parse.tokens:
        lemma = lemma_in(token, _CUE_NOUNS)
        if token.pos != "NOUN" or lemma not in _CUE_NOUNS:
            continue
        content = (_content(parse, token, lemma) or _predicate_content(parse, token, lemma)
                   if lemma in _SAID or lemma in _WANTED else None)
        if content is None and lemma in _STANCES:
            content = _towards(parse, token)
        if content is None and lemma in _TALK:
            content = _predicate_content(parse, token, lemma)  # "her answer was that ..."
        if content is None and (lemma in _SAID or lemma in _TALK):
            content = _talked_about(parse, token)
        if content is not None:
            source, who = _speaker(parse, token)
            found.append(QuoteCue(cue=token.i, content=content, source=source, who=who))
    return found


def _content(parse: Parse, noun: Token, lemma: str) -> tuple[int, int] | None:
    """Character range of the clause right after the noun: "that ..." or, for a wish, "to ..."."""
    sentence = parse.sentences[noun.sent]
    k = noun.i + 1
    agent = _agent(parse, noun)
    if agent is not None:
        k = parse.subtree(agent)[1]  # "the claim by Lowe that ...": past whose act it was
    if k < sentence.last and parse.tokens[k].text == "," and agent is not None:
        k += 1  # "a demand, by X, that ..."
    if k + 1 >= sentence.last:
        return None
    after = parse.tokens[k]
    word = after.text.casefold()
    if word == "that" and after.dep == "mark" and lemma in _SAID:
        first = k + 1
    elif word == "to" and lemma in _WANTED and parse.tokens[k + 1].tag == "VB" and parse.tokens[k + 1].head == noun.i:
        # a pledge made, not "requires every request to carry": one counted among many is a thing
        if any(t.text.casefold() in _EVERY for t in parse.tokens[parse.subtree(noun)[0] : noun.i]):
            return None
        first = k
    elif word == "of" and lemma == "hope" and parse.tokens[k + 1].tag == "VBG" and after.head == k + 1:
        first = k + 1  # "in hopes of winning": the hope is the gerund's clause
    else:
        return None
    head = parse.tokens[after.head]
    if head.i <= noun.i or (word == "that" and _lacks_its_object(parse, head)):
        return None
    lo, hi = parse.subtree(head)
    hi = min(hi, sentence.last)
    while hi > first and parse.tokens[hi - 1].pos == "PUNCT":
        hi -= 1
    if lo < noun.i or hi - first < 2:
        return None
    return parse.tokens[first].start, parse.tokens[hi - 1].end


def _lacks_its_object(parse: Parse, verb: Token) -> bool:
    """Whether "that" opens a relative clause, not what was said: "the estimates that the board
    published", "the claim that she made". Its verb is one that takes a statement as its object
    (publishing, making or rejecting one, or saying it), left without an object or a clause of
    its own: the noun before "that" is the object it lacks (the tagger often reads this "that"
    as a conjunction)."""
    if verb.pos != "VERB" or lemma_in(verb, _TAKES_A_STATEMENT) not in _TAKES_A_STATEMENT:
        return False
    # the clause ends at its verb: the sentence's own verb or its end comes next ("that he would
    # endorse in May" may be what he said, with the verb used without an object)
    after = parse.tokens[verb.i + 1] if verb.i + 1 < parse.sentences[verb.sent].last else None
    if after is not None and after.pos not in ("VERB", "AUX", "PUNCT"):
        return False
    # the main verb the parse may hang on the clause ("... published proved wrong") fills no object
    return not any(k.dep in ("obj", "iobj", "ccomp", "csubj", "nsubj:pass", "aux:pass", "expl")
                   for k in parse.children(verb))


# Verbs that take a statement, a report or a figure as their object: issuing, making, handling
# or judging one, and saying one.
_TAKES_A_STATEMENT = OBJECT_VERBS | ARGUMENT_VERBS | CLAUSE_VERBS | frozenset(
    ["publish", "release", "issue", "make", "give", "file", "send", "submit", "offer", "receive", "hear", "read",
     "deliver", "post", "produce", "prepare", "draft", "write", "sign", "present", "circulate", "leak", "obtain",
     "review", "accept", "share", "raise", "voice", "air", "break", "keep", "honor", "honour", "retract", "withdraw",
     "revise", "update", "correct", "cite", "use", "adopt", "approve", "compile", "calculate", "put"])


def _predicate_content(parse: Parse, noun: Token, lemma: str) -> tuple[int, int] | None:
    """ "His concern is that the pier will close", "Her plan is to rebuild it": the clause the
    noun is the subject of, after "is": what was said or wanted (the guidelines' "His concern is
    that they will eliminate the position")."""
    if not noun.dep.startswith("nsubj"):
        return None
    clause = parse.tokens[noun.head]
    if clause.i <= noun.i:
        return None
    kids = list(parse.children(clause))
    cop = next((k for k in kids if k.dep == "cop" and noun.i < k.i < clause.i), None)
    mark = next((k for k in kids if k.dep == "mark" and cop is not None and cop.i < k.i < clause.i), None)
    if cop is None or mark is None or any(parse.tokens[j].pos not in ("AUX", "ADV", "PART") for j in range(cop.i + 1, mark.i)):
        return None
    word = mark.text.casefold()
    if not ((word == "that" and (lemma in _SAID or lemma in _TALK)) or (word == "to" and lemma in _WANTED)):
        return None
    first = mark.i + 1 if word == "that" else mark.i
    hi = min(parse.subtree(clause)[1], parse.sentences[noun.sent].last)
    while hi > first and parse.tokens[hi - 1].pos == "PUNCT":
        hi -= 1
    if hi - first < 2:
        return None
    return parse.tokens[first].start, parse.tokens[hi - 1].end


def _towards(parse: Parse, noun: Token) -> tuple[int, int] | None:
    """Character range of what a possessed stance noun is taken towards ("her support for X": "X")."""
    if not any(k.dep == "nmod:poss" and k.i < noun.i for k in parse.children(noun)):
        return None
    for kid in parse.children(noun):
        first, last = parse.subtree(kid)
        if kid.dep == "nmod" and first == noun.i + 1 and parse.tokens[first].text.casefold() in _TOWARDS and last - first >= 2:
            return parse.tokens[first + 1].start, parse.tokens[last - 1].end
    return None


def _talked_about(parse: Parse, noun: Token) -> tuple[int, int] | None:
    """ "X raised questions about the pier": what a noun of talk that someone makes, raises or
    answers is about, its "about" phrase; only as the object of a verb with a subject, so that
    someone is talking ("questions about the pier remain" is the writer's)."""
    head = parse.tokens[noun.head]
    if noun.dep != "obj" or head.pos != "VERB" or head.i > noun.i:
        return None
    for kid in parse.children(noun):
        first, last = parse.subtree(kid)
        if kid.dep == "nmod" and first == noun.i + 1 and parse.tokens[first].text.casefold() == "about" and last - first >= 2:
            last = min(last, parse.sentences[noun.sent].last)
            while last > first + 1 and parse.tokens[last - 1].pos == "PUNCT":
                last -= 1
            return parse.tokens[first + 1].start, parse.tokens[last - 1].end
    return None


def _agent(parse: Parse, noun: Token) -> Token | None:
    """The phrase right after a noun of saying naming whose act it was: "the claim by Lowe", "criticism from rivals"."""
    # (a comma may set it off: "a demand, by X, that ...")
    comma = noun.i + 1 < len(parse.tokens) and parse.tokens[noun.i + 1].text == ","
    for kid in parse.children(noun):
        first, last = parse.subtree(kid)
        if comma and first == noun.i + 1:
            first += 1
        if (kid.dep == "nmod" and first == noun.i + 1 + comma and parse.tokens[first].text.casefold() in _AGENT_CASES
                and kid.pos in ("PROPN", "NOUN", "PRON") and last - first <= _AGENT_WORDS):
            return kid
    return None


_AGENT_CASES = frozenset(["by", "from"])
_AGENT_WORDS = 8  # a longer phrase after the noun is more than a name


def _speaker(parse: Parse, noun: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """The noun's possessor ("her claim"), its agent ("the claim by Lowe"), else the subject of the verb it is the object of."""
    for kid in parse.children(noun):
        if kid.dep == "nmod:poss" and kid.i < noun.i:
            first, last = parse.subtree(kid)
            while last > first and parse.tokens[last - 1].text in ("'s", "’s", "'", "’"):
                last -= 1
            return (first, last), kid
    agent = _agent(parse, noun)
    if agent is not None:
        return (parse.subtree(agent)[0] + 1, parse.subtree(agent)[1]), agent
    head = parse.tokens[noun.head]
    # "X made the case that ...", and "X is buying ads, with plans to ...", "X backed him in
    # the hope that ...": the plan or hope with which the subject acts is the subject's
    held = noun.dep == "obl" and any(k.dep == "case" and k.text.casefold() in ("with", "in") for k in parse.children(noun))
    if (noun.dep in ("obj", "xcomp") or held) and head.pos == "VERB" and head.i < noun.i:
        for _ in range(_CLIMB):
            subject = next((k for k in parse.children(head) if k.dep == "nsubj" and k.i < head.i), None)
            if subject is not None:
                return parse.subtree(subject), subject
            # "X flew to Y to make the case that ...", "X walked in, answering questions about ..."
            purpose = head.dep == "advcl" and head.tag in ("VB", "VBG")
            if (head.dep not in ("xcomp", "conj") and not purpose) or head.head >= head.i or parse.tokens[head.head].pos != "VERB":
                break
            head = parse.tokens[head.head]  # "X tried to make the case that ...": the subject of the verb it completes
    return None, None


_CLIMB = 3  # verbs an infinitive or a coordinated verb may stand below the one with the subject
