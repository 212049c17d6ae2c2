"""Who speaks: the words naming the source of a cue verb, read from the parse.

The verb's subject (or the "by" agent of a passive), with the parse's common slips mended: a
relative clause taken for the subject ("X, who chairs it, said"), a date or a participle
opening the sentence ("In May, X said"), a name split by the parser, a source that follows
the verb ("..., said X."), a quotation hung on the speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import Parse, Token
from ..nlp.coref import DESCRIPTION_NOUNS
from .claim_words import (
    ADDRESSEE_VERBS,
    ARTIFACTS,
    CLOSE_QUOTES,
    QUOTES,
    RELATIVE,
    TIME_WORDS,
    by_agent,
    clause_start,
    lemma_in,
    trim_range,
)


def without_opener(parse: Parse, source: tuple[int, int], who: Token | None) -> tuple[tuple[int, int], Token | None]:
    """The source without a phrase that opens the sentence ("In May, X said", "Speaking later, X said").

    The parse sometimes takes the date or the participle for the subject; the speaker is the
    noun phrase after the opener's comma.
    """
    first, last = source
    named = parse.entity_at(parse.tokens[first])
    dated = named is not None and named.label in ("DATE", "TIME")
    if not is_opener(parse, first):
        return source, who
    comma = next((i for i in range(first, last - 1) if parse.tokens[i].text == ","), None)
    if comma is None:
        return source, (None if dated and who is not None and parse.entity_at(who) is named else who)
    first = comma + 1
    end = parse.sentences[parse.tokens[first].sent].last
    while last < end and parse.tokens[last].pos in ("PROPN", "NOUN", "DET", "ADJ", "NUM"):
        last += 1  # the parse may have cut the speaker's name off as an appositive of the date
    heads = [parse.tokens[i] for i in range(first, last)
             if parse.tokens[i].pos in ("PROPN", "NOUN", "PRON") and not first <= parse.tokens[i].head < last]
    head = heads[0] if heads else next((t for t in parse.tokens[first:last] if t.pos in ("PROPN", "NOUN", "PRON")), None)
    if head is None:
        return source, who
    return whole_name(parse, source_range_within(parse, head, first, last), head) or source, head


def is_opener(parse: Parse, i: int) -> bool:
    """Whether token i opens an adverbial phrase (a date, "In May", "Speaking later") rather than a noun phrase."""
    token = parse.tokens[i]
    named = parse.entity_at(token)
    word = token.lemma.casefold()
    nxt = parse.tokens[i + 1].lemma.casefold() if i + 1 < len(parse.tokens) else ""
    timed = word in TIME_WORDS or (word in ("last", "next", "this", "that", "earlier", "later") and nxt in TIME_WORDS)
    return timed or (named is not None and named.label in ("DATE", "TIME")) or token.pos in ("ADP", "ADV", "SCONJ") or (
        token.tag in ("VBG", "VBN"))


def source_range_within(parse: Parse, head: Token, first: int, last: int) -> tuple[int, int]:
    a, b = source_range(parse, head)
    return max(a, first), min(b, last)


def whole_name(parse: Parse, source: tuple[int, int] | None, who: Token | None) -> tuple[int, int] | None:
    """The source's token range grown to the whole name its head is part of (the parse may split a name)."""
    named = parse.entity_at(who) if who is not None else None
    if source is None or named is None:
        return source
    return min(source[0], named.first), max(source[1], named.last)


def inverted_source(parse: Parse, verb: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """ "“...,” said Mayor Ann Lowe.": the noun phrase right after the verb is who spoke.

    Not after a verb of telling: "“...,” Lowe told the Harbor News" never puts the speaker after
    "told", whose noun phrase is whom it was told to; the speaker is the noun phrase before it,
    where there is one.
    """
    if lemma_in(verb, ADDRESSEE_VERBS) in ADDRESSEE_VERBS:
        source, who = unnamed_holder(parse, verb)
        if who is not None:
            return source, who
    sentence = parse.sentences[verb.sent]
    first = verb.i + 1
    last = first
    while last < sentence.last and (parse.tokens[last].pos in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON")
                                    or parse.tokens[last].text.casefold() in ("of", "'s", "’s", "-")):
        last += 1
    if last == first:
        return None, None
    heads = [parse.tokens[i] for i in range(first, last) if not first <= parse.tokens[i].head < last]
    head = next((t for t in heads if t.pos in ("PROPN", "NOUN", "PRON")), parse.tokens[last - 1])
    if a_time(parse, head):
        return None, None  # '“...,” Lowe said last month': when, not who
    named = next((t for t in heads if t.pos == "PROPN" and t.i > head.i), None)
    if head.pos == "NOUN" and named is not None and named.head == head.head:
        # "..., says privacy group the Harbor Rights Project": the parse made the description and
        # the name two objects of the verb; the name is who spoke, described by the words before it
        return (first, source_range(parse, named)[1]), named
    return source_range(parse, head) if first <= parse.subtree(head)[0] else (first, last), head


def a_time(parse: Parse, token: Token) -> bool:
    """Whether a noun names a day or a time ("Tuesday", "last month"), not someone who speaks."""
    named = parse.entity_at(token)
    return token.lemma.casefold() in TIME_WORDS or (named is not None and named.label in ("DATE", "TIME"))


def source_of(parse: Parse, verb: Token, kids: Sequence[Token]) -> tuple[tuple[int, int] | None, Token | None]:
    """The token range naming who speaks, and its head token: subject, agent, or inherited."""
    # of two subjects ("“Every step we take ...,” a spokesman said"), the one next to the verb
    # speaks; a time the parse took for a subject is none ("Lowe, the chair, this week
    # announced", "Lowe has been critical of it but on Tuesday wrote that ...")
    kids = [k for k in kids if not (k.dep == "nsubj" and k.i < verb.i and a_time(parse, k))]
    kids = sorted(kids, key=lambda k: -k.i if k.dep == "nsubj" and k.i < verb.i else len(parse.tokens))
    for kid in kids:
        if kid.dep == "nsubj" and kid.pos in ("VERB", "AUX") and kid.i < verb.i:
            # "X, who chairs it, said": the parse took the relative clause for the subject
            first = clause_start(parse, verb.sent)
            names = [t for t in parse.tokens[first : kid.i] if (t.pos in ("PROPN", "NOUN", "PRON")
                     and not first <= t.head < kid.i) or t.head == t.i]
            if names and verb.i - first <= 25:
                return trim_range(parse, first, kid.i), names[0]
        if kid.dep in ("nsubj", "nsubj:pass", "obl:agent") or _agent_after(parse, verb, kid):
            if kid.dep == "nsubj" and kid.text.casefold() in ("it", "there") and kid.dep == "expl":
                return None, None
            return source_range(parse, kid), kid
        if kid.dep == "expl":
            return None, None
    head = parse.tokens[verb.head]
    if verb.dep == "advcl" and verb.tag == "VBN" and verb.i < head.i and not any(k.dep == "aux" for k in kids):
        return None, None  # "Asked whether ..., X said": X was asked, the asker is not named
    if verb.dep == "ROOT" and verb.tag == "VBG" and all(t.pos == "PUNCT" for t in parse.tokens[parse.sentences[verb.sent].first : verb.i]):
        # "Noting that ..., Lowe said ...", parsed with the opening participle as the root: the
        # clause after it, whose subject the participle is said of
        main = next((k for k in kids if k.dep == "parataxis" and k.i > verb.i and k.pos == "VERB"), None)
        if main is not None:
            return source_of(parse, main, list(parse.children(main)))
    if verb.dep == "parataxis" and head.dep == "ROOT" and head.pos in ("NOUN", "PROPN") and head.i < verb.i and not any(
            t.text in QUOTES for t in parse.tokens[parse.sentences[verb.sent].first : verb.i]):
        # "Ana Ruiz, a nurse from Dover, told ..." parsed with the speaker as the root and the
        # verb hung on it: the root's noun phrase speaks (its own subject where the parse gave
        # it one: "Ana Ruiz, a nurse, ..." read as "Ruiz is a nurse")
        subject = next((k for k in parse.children(head) if k.dep == "nsubj" and k.i < head.i), None)
        first, last = source_range(parse, subject or head)
        last = min(last, parse.subtree(verb)[0])  # the root's subtree holds the verb and what it says
        while last > first + 1 and parse.tokens[last - 1].pos == "PUNCT":
            last -= 1
        if not is_opener(parse, first):  # ("Even the hawks, like X, say": no telling where the speaker starts)
            return (first, last), subject or head
    if verb.dep == "parataxis" and head.i < verb.i and head.pos in ("VERB", "AUX", "ADJ") and not any(
            t.text in QUOTES for t in parse.tokens[parse.sentences[verb.sent].first : verb.i]) and any(
            k.dep == "nsubj" and k.i < head.i for k in parse.children(head)):
        # "Lowe has been critical of the plan but on Tuesday wrote that ...": a second clause of
        # the same subject the parse set beside the first
        return source_of(parse, head, list(parse.children(head)))
    # a participle set after its clause is an adjunct however the parse hangs it ("X has sought
    # ..., painting others as weak and suggesting that ...", "a letter X sent Monday alleging that ...")
    adjunct = verb.dep in ("parataxis", "obl") and verb.tag == "VBG" and head.i < verb.i and head.pos == "VERB"
    if (verb.dep in ("conj", "xcomp", "advcl") or adjunct) and head.i != verb.i and head.pos in ("VERB", "AUX", "NOUN", "ADJ"):
        # "X announced ... and said ...", "X wants to say ...", "..., X said, adding ...": the first verb's subject
        outer = list(parse.children(head))
        if verb.dep == "xcomp" and head.pos in ("ADJ", "NOUN") and _predicate_of_a_thing(parse, head, outer):
            return None, None  # "One danger is being able to identify X": a danger identifies no one
        return source_of(parse, head, outer)
    if verb.dep == "acl:relcl" and head.i != verb.i:
        return (head.i, head.i + 1), head
    return None, None


# Abstract nouns that name a situation, an aim or a difficulty, never who acts or speaks
# ("the risk is being unable to ...", "the goal was simply to ...").
_ABSTRACT_SUBJECTS = frozenset(
    ["danger", "risk", "problem", "concern", "issue", "goal", "aim", "challenge", "question", "point", "idea", "key",
     "trick", "difficulty", "threat", "benefit", "advantage", "downside", "upside", "drawback", "solution", "option",
     "answer", "purpose", "priority", "hope", "fear", "worry", "task", "hurdle", "obstacle", "result", "effect",
     "consequence", "possibility", "chance", "reason", "objective", "intention", "focus", "fix", "remedy", "catch",
     "irony", "truth", "fact", "reality", "thing", "trouble", "hazard", "cost", "price", "penalty", "test"]
)


def _predicate_of_a_thing(parse: Parse, head: Token, kids: Sequence[Token]) -> bool:
    """Whether an adjective or noun predicate ("able", "a chance") is said of an abstract thing, not of anyone who could act.

    "The risk is being unable to hire": a gerund "being" makes the predicate a description
    of what the subject is; a subject such as "danger" or "goal" can do nothing either way.
    """
    if any(k.dep == "cop" and k.tag == "VBG" for k in kids):
        return True
    subject = next((k for k in kids if k.dep in ("nsubj", "nsubj:outer")), None)
    return (subject is not None and subject.pos == "NOUN" and parse.entity_at(subject) is None
            and subject.lemma.casefold() in _ABSTRACT_SUBJECTS)


def passive_agent(parse: Parse, kids: Sequence[Token]) -> tuple[tuple[int, int] | None, Token | None]:
    """The "by X" of a passive cue, if given."""
    for kid in kids:
        if kid.dep == "obl:agent" or _agent_after(parse, parse.tokens[kid.head], kid):
            return source_range(parse, kid), kid
    return None, None


def _agent_after(parse: Parse, verb: Token, kid: Token) -> bool:
    """Whether a phrase opened by "by" is the verb's agent: one after the verb ("was told by the
    mayor"); before it, "by" opens a time or a means ("By the end of the week, Lowe said ...")."""
    return kid.i > verb.i and by_agent(parse, kid)


def source_range(parse: Parse, head: Token) -> tuple[int, int]:
    """The source's words: the subject's subtree, without a relative clause after a comma."""
    first, last = parse.subtree(head)
    for kid in parse.children(head):
        # a description set off by a comma ("Dara Quint, the night nurse at the clinic, said"),
        # however the parser labels it (an apposition, or a noun phrase without its preposition)
        if kid.dep in ("acl:relcl", "appos", "acl", "nmod:unmarked", "nmod") and kid.i > head.i:
            # (a relative clause from its first word: "that" or "who" is no part of the source)
            cut = parse.subtree(kid)[0] if kid.dep in ("appos", "nmod:unmarked", "nmod", "acl:relcl") else kid.i
            while cut > head.i and parse.tokens[cut - 1].pos == "PUNCT":
                cut -= 1
            before = [t for t in range(head.i + 1, kid.i) if parse.tokens[t].text == ","
                      and (parse.tokens[t].head == head.i or kid.dep in ("acl:relcl", "appos", "acl"))]
            if kid.dep == "acl:relcl" or before:
                last = min(last, max(cut, head.i + 1))
    relative = [i for i in range(head.i + 1, last - 1)
                if parse.tokens[i].text == "," and parse.tokens[i + 1].text.casefold() in RELATIVE]
    if relative:  # ", who runs the ferry" however the parse hung it
        last = relative[0]
    if head.dep == "obl:agent" or by_agent(parse, head):
        first = max(first, min((c.i + 1 for c in parse.children(head) if c.dep == "case"), default=first))
    # a quotation the parse hung on the speaker ("“...,” Mayor X said") is what was said, not who
    closing = [i for i in range(first, head.i) if parse.tokens[i].text in CLOSE_QUOTES]
    if closing:
        first = closing[-1] + 1
    while first < head.i and (parse.tokens[first].pos in ("PUNCT", "CCONJ", "SCONJ") or parse.tokens[first].dep == "mark"):
        first += 1  # ", and a number of experts have called", "that emails show": these join clauses
    return first, last


def unnamed_holder(parse: Parse, verb: Token, *, finite: bool = True) -> tuple[tuple[int, int] | None, Token | None]:
    """Who speaks when the parse gives the verb no subject: the noun a participle describes, or the noun phrase right before the verb.

    "30 percent of voters saying they ...", "a petition calling on X to ...": the noun the
    participle hangs on; "As many as 40 percent of voters said ..." parsed without a subject:
    the run of noun-phrase words before the verb.
    """
    head = parse.tokens[verb.head]
    if verb.dep == "acl" and head.i < verb.i and head.pos in ("NOUN", "PROPN", "NUM"):
        while head.dep in ("nmod", "compound", "flat") and head.head < head.i:
            head = parse.tokens[head.head]  # "47 percent of voters saying": the whole phrase
        # the head's own words before it, not the preposition joining it to the clause ("with")
        first = min([head.i] + [parse.subtree(k)[0] for k in parse.children(head)
                                if k.i < head.i and k.dep not in ("case", "mark", "cc", "punct", "advmod")])
        return trim_range(parse, first, verb.i), head
    if finite and verb.tag not in ("VBD", "VBZ", "VBP"):
        return None, None
    floor = parse.sentences[verb.sent].first
    first = _noun_run_before(parse, verb.i, floor)
    last = verb.i
    if first == verb.i and verb.i - 1 > floor and parse.tokens[verb.i - 1].text == ",":
        # "Rita Lang, the party chair, said ...": a name and its appositive, set off by commas
        aside = _noun_run_before(parse, verb.i - 1, floor)
        if aside < verb.i - 1 and aside - 1 > floor and parse.tokens[aside - 1].text == ",":
            name = _noun_run_before(parse, aside - 1, floor)
            if name < aside - 1:
                first, last = name, verb.i - 1
    nouns = [t for t in parse.tokens[first:last] if t.pos in ("NOUN", "PROPN", "PRON")]
    if not nouns:
        return None, None
    return (first, last), _name_beside_description(parse, nouns, first, last, verb)


def _name_beside_description(parse: Parse, nouns: Sequence[Token], first: int, last: int, verb: Token) -> Token:
    """The head word of a speaker named beside a description set off by a comma: the name
    before it ("Ana Ruiz, a Lowe supporter, said"), or after it when the description comes
    first ("the port's director, Ana Ruiz, said": the words before the comma end in a common
    noun), not a name inside the description."""
    names = [t for t in nouns if t.pos == "PROPN"]
    if not names or last >= verb.i:
        return nouns[-1]
    comma = next((t.i for t in parse.tokens[first:last] if t.text == ","), last)
    before = [t for t in names if t.i < comma]
    described_first = not before or parse.tokens[first].pos == "DET" or parse.tokens[comma - 1].pos == "NOUN"
    return (names if described_first else before)[-1]


# Words that stand for a number of people as a clause's subject: "most said", "another says".
_QUANTIFIERS = frozenset(["most", "many", "some", "several", "others", "another", "both", "few", "more", "half", "all"])
_DASHES = frozenset(["-", "–", "—", "--"])


def subject_set_apart(parse: Parse, verb: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """The subject of a main verb the parse left without one, read past what stands between them.

    "Lowe still believes ...", "Lowe has repeatedly warned ...": adverbs and auxiliaries;
    "Lowe, in a letter to the board, asked ...", "Lowe — the party's choice — told ...": an
    aside set off by commas or dashes; "Most believe ...", "another says ...", "More than six
    in 10 said ...": a quantity standing for people. The subject must open the sentence or
    follow a comma (after an opening phrase), so that a noun inside a clause before it is not taken.
    """
    if verb.tag not in ("VBD", "VBZ", "VBP") and not any(
            k.dep == "aux" and k.tag in ("VBD", "VBZ", "VBP", "MD") for k in parse.children(verb)):
        return None, None
    floor = parse.sentences[verb.sent].first
    end = verb.i
    while end > floor and (parse.tokens[end - 1].pos in ("ADV", "AUX", "PART")
                           and parse.tokens[end - 1].text.casefold() not in RELATIVE):
        end -= 1
    if end > floor and (parse.tokens[end - 1].text == "," or parse.tokens[end - 1].text in _DASHES):
        mark = parse.tokens[end - 1].text
        opening = next((i for i in range(end - 2, floor, -1) if parse.tokens[i].text == mark
                        or (mark in _DASHES and parse.tokens[i].text in _DASHES)), None)
        if opening is None or opening == end - 2 or any(
                k.dep in ("ccomp", "csubj", "xcomp") and opening < k.i < verb.i for k in parse.children(verb)):
            return None, None  # (an aside the parse took for what was said is no aside it can be trusted on)
        end = opening
    while end > floor and parse.tokens[end - 1].pos == "ADV":
        end -= 1
    first = _noun_run_before(parse, end, floor)
    if first == end:
        return None, None
    while first - 2 >= floor and parse.tokens[first - 1].text.casefold() in ("in", "of", "than") and (
            parse.tokens[first - 2].pos == "NUM" or parse.tokens[first - 2].text.casefold() in _QUANTIFIERS):
        first = _noun_run_before(parse, first - 1, floor)  # "More than six in 10"
    if first > floor and not (parse.tokens[first - 1].text in (";", ":") or parse.tokens[first - 1].text in _DASHES or (
            parse.tokens[first - 1].text == "," and _opening_phrase(parse, floor, first - 1))):
        return None, None
    run = parse.tokens[first:end]
    if any(t.pos == "VERB" for t in run):
        return None, None
    # the last noun or name heads the phrase ("Quill's sister", "Mrs. Lowe herself"); a pronoun only alone
    nouns = [t for t in run if t.pos in ("NOUN", "PROPN")] or [t for t in run if t.pos == "PRON"]
    if nouns:
        return trim_range(parse, first, end), nouns[-1]
    counted = [t for t in run if t.pos == "NUM" or t.text.casefold() in _QUANTIFIERS]
    return (trim_range(parse, first, end), counted[-1]) if counted else (None, None)


def _opening_phrase(parse: Parse, first: int, comma: int) -> bool:
    """Whether the words before a comma open the sentence as a setting ("In May,", "Friday,", "Since the vote,")
    rather than end a noun phrase ("officials in Dover, Del.,")."""
    return parse.tokens[first].pos in ("ADP", "SCONJ", "ADV") or any(
        t.text.casefold() in TIME_WORDS for t in parse.tokens[first:comma])


def _noun_run_before(parse: Parse, end: int, floor: int) -> int:
    """The first index of the run of noun-phrase words ending right before token ``end``."""
    first = end
    while first > floor and (
            parse.tokens[first - 1].pos in ("NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON")
            or parse.tokens[first - 1].text.casefold() in ("of", "'s", "’s", "as", "and")):
        first -= 1
    while first < end and parse.tokens[first].text.casefold() in ("of", "'s", "’s", "and"):
        first += 1
    return first


def speaker_before(parse: Parse, verb: Token, cues: frozenset[str] | None) -> tuple[tuple[int, int] | None, Token] | None:
    """ "X said ..., adding that ...": the source of the nearest finite verb (among ``cues`` if given) before the participle."""
    first = parse.sentences[verb.sent].first
    marks = [i for i in range(first, verb.i) if parse.tokens[i].text in QUOTES]
    for i in range(verb.i - 1, first - 1, -1):
        token = parse.tokens[i]
        if sum(1 for m in marks if m < i) % 2 and any(m > i for m in marks):
            continue  # 'X denied A's claim that B "did C," calling it ...': a verb quoted is not the speaker's
        if token.pos == "VERB" and finite(parse, token) and (cues is None or lemma_in(token, cues) in cues):
            source, who = source_of(parse, token, list(parse.children(token)))
            if who is None:
                source, who = unnamed_holder(parse, token)  # the verb's subject, hung elsewhere by the parse
            if who is None and token.tag == "VBD" and i + 1 < verb.i:
                source, who = inverted_source(parse, token)  # '“...,” said Mr. Burr, adding that ...'
            return (source, who) if who is not None else None
    return None


def finite(parse: Parse, verb: Token) -> bool:
    """Whether a verb is finite, alone ("said") or with a finite auxiliary ("has hailed", "was making")."""
    return verb.tag in ("VBD", "VBZ", "VBP") or any(
        k.dep in ("aux", "aux:pass") and k.tag in ("VBD", "VBZ", "VBP", "MD") and k.i < verb.i for k in parse.children(verb))


# Main-clause links from a verb to the sentence's root: a subject of a verb so linked is what
# the sentence is about, not a subject inside what someone said ("X said every request ...").
_MAIN_CLAUSE = frozenset(["ROOT", "conj", "parataxis"])
# Nouns a speaking "it" can stand for: a made thing that carries words ("the letter") or a body ("the agency").
_NOT_THINGS = frozenset(["PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"])
_SPEAKING_THINGS = ARTIFACTS | frozenset(noun for noun, kind in DESCRIPTION_NOUNS.items() if kind == "ORG")


# Words before a noun that belong to its name as a thing ("the new letter", "the chief's memo").
_NOUN_MODIFIERS = frozenset(["det", "amod", "compound", "nmod:poss", "nummod", "flat"])


def noun_phrase_start(parse: Parse, noun: Token) -> int:
    """Index of the first word of a noun's phrase before it: its determiner, adjectives and possessor."""
    first = noun.i
    for kid in parse.children(noun):
        if kid.i < noun.i and kid.dep in _NOUN_MODIFIERS:
            first = min(first, parse.subtree(kid)[0])
    while first < noun.i and parse.tokens[first].pos == "PUNCT":
        first += 1
    return first


def thing_it_stands_for(parse: Parse, pronoun: Token) -> Token | None:
    """The subject a speaking "it" the parse left unlinked stands for: the last subject of a main
    clause before it, in its sentence or the one before, when that is one thing, named or not
    ("The letter came from the chief. It told owners ...": "The letter").

    A person, a plural, a thing that cannot speak or another pronoun in between stops the
    search.
    An earlier "it" is passed over, as it stands for the same thing ("It told ..., and it asked").
    """
    floor = parse.sentences[pronoun.sent - 1].first if pronoun.sent > 0 else parse.sentences[pronoun.sent].first
    for i in range(pronoun.i - 1, floor - 1, -1):
        t = parse.tokens[i]
        if not t.dep.startswith("nsubj"):
            continue
        head = parse.tokens[t.head]
        while head.dep in _MAIN_CLAUSE and head.dep != "ROOT" and head.head != head.i:
            head = parse.tokens[head.head]
        if head.dep != "ROOT":
            continue  # a subject inside a content or a relative clause
        if t.text.casefold() == "it":
            continue
        named = parse.entity_at(t)
        if named is not None:
            return None if named.label in _NOT_THINGS else t
        if t.pos == "PROPN" and t.feature("Number") != "Plur":
            return t  # a name the parse did not mark: the caller asks the case what it names
        if t.pos != "NOUN" or t.feature("Number") == "Plur" or lemma_in(t, _SPEAKING_THINGS) not in _SPEAKING_THINGS:
            return None  # only a made thing that carries words or a body that speaks can be a speaking "it"
        if any(k.pos == "PROPN" or k.dep == "nummod" or parse.entity_at(k) is not None
               for k in parse.children(t) if k.dep != "nmod:poss"):
            return None  # "the Acme deal", "74 percent": a name's or a number's, not a thing that speaks
        return t
    return None
