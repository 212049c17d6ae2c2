"""Pronouns and definite descriptions linked to the named mention they refer to.

"he", "she", "they", "it" and descriptions such as "the company" or "the spokesman" are linked
to an earlier named entity of a compatible kind: people for "he", "she" and person nouns;
organizations and places for "it", "the company", "the city" and the like; "they" to an
organization or to a name of several people ("the Smiths"), never to one person. Among the
candidates of the last :data:`WINDOW` sentences (:data:`DESCRIPTION_WINDOW` for a description)
the most salient wins: each sentence adds to a referent the weight of its role there (a subject
most, an object next, a name inside another phrase least), halved for every sentence back
(after Lappin and Leass, 1994). A pronoun linked to a person is a mention of them too, so a
chain of "he ... his ... he" keeps to its person however far back the name was. A person's
gender is learnt from the document itself (an honorific, or the first pronoun linked to them)
and a later pronoun of the other gender is not linked to them; "the country" is a country of
the gazetteer, and "the city" prefers a town of it. A description goes first to a name that
carries its noun, however far back: as a title ("Mayor Ann Lowe", "Sen. Ana Silva" for "the
mayor", "the senator"), in apposition or as a predicate ("Ann Lowe, a lawyer", "Ann Lowe is a
lawyer"), or as the head word of an organization's name ("Harbor University" for "the
university"); "the spokeswoman" is no man; and it takes up, rather than a name, what an
indefinite phrase of its noun introduced after the last such name ("A spokesman for the council
said ... The spokesman added"). A description told as a subject is a mention of its name for the
pronouns after it ("The university said it ..."). "He" or "she" with no referent before it,
in a clause that opens its sentence, is the person named as the main clause's subject ("When
she took office, Ana Silva ...").

"I", "me" and "my" inside a quotation are linked to the person whose speech verb introduces
it ('"I will stay," Ana Silva said'), and "we" and "our" to such an organization; a quotation
with no speech verb of its own continues the one before it in its paragraph. "He" or "she"
inside a quotation is not its speaker ('"He is wrong," Ana Silva said').

The accuracy on GUM's test documents is printed by ``benchmarks/nlp.py``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .gazetteer import fold, load

if TYPE_CHECKING:
    from . import Parse, ParsedEntity, Token

__all__ = ["COREF_VERSION", "DESCRIPTION_NOUNS", "PRONOUNS", "WINDOW", "link_mentions"]

#: The version of these rules, part of every pipeline's cache key (``nlp.pipeline_id``): raise it
#: when the links come out differently, so that documents linked by older rules are read again.
COREF_VERSION = 12

#: How many sentences back an antecedent may be.
WINDOW = 3

#: How many sentences back the antecedent of a description ("the company") may be.
DESCRIPTION_WINDOW = 8

#: How many sentences back "he" or "she" finds the one person it can be, when none is nearer.
LONE_WINDOW = 12

#: Salience added to a referent whose nearest mention has the role of the pronoun (subject, object).
PARALLEL = 35

#: Pronoun -> (kinds it may refer to, gender or None).
PRONOUNS: dict[str, tuple[tuple[str, ...], str | None]] = {
    **{w: (("PERSON",), "m") for w in ("he", "him", "his", "himself")},
    **{w: (("PERSON",), "f") for w in ("she", "her", "hers", "herself")},
    **{w: (("ORG", "PERSON"), None) for w in ("they", "them", "their", "theirs", "themselves")},
    **{w: (("ORG", "PLACE"), None) for w in ("it", "its", "itself")},
}

_PLURAL = frozenset(["they", "them", "their", "theirs", "themselves"])

#: Common nouns of people beyond the descriptions' (a subject "it" cannot stand for).
_PEOPLE = frozenset(["man", "woman", "person", "boy", "girl", "child", "detective", "analyst", "reporter", "witness",
                     "resident", "victim", "suspect", "student", "teacher", "doctor", "nurse", "worker", "member", "friend",
                     "aide", "deputy", "colleague", "partner", "wife", "husband", "mother", "father", "son",
                     "daughter", "sister", "brother", "parent"])

#: Nouns of definite descriptions ("the company") and the kind of entity they stand for.
DESCRIPTION_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        ["company", "firm", "agency", "department", "group", "organization", "organisation", "government", "ministry", "university", "newspaper", "campaign", "committee", "council", "board", "court", "bank", "union", "party", "administration", "team", "corporation", "business", "startup", "network", "outlet", "publication", "commission", "authority", "office"],
        "ORG",
    ),
    **dict.fromkeys(
        ["spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "senator", "mayor", "chief", "officer", "lawyer", "attorney", "candidate", "governor", "executive", "director", "founder", "leader", "congressman", "congresswoman", "lawmaker", "secretary", "chairman", "chairwoman", "judge"],
        "PERSON",
    ),
    **dict.fromkeys(["city", "country", "state", "town", "region", "village", "capital", "nation", "county"], "PLACE"),
}

#: Person nouns of one gender ("the spokeswoman" is no man).
_NOUN_SEX = {**dict.fromkeys(["spokesman", "chairman", "congressman", "man", "boy"], "m"),
             **dict.fromkeys(["spokeswoman", "chairwoman", "congresswoman", "woman", "girl"], "f")}

#: Abbreviated titles before a name and the noun they stand for ("Sen. Ana Silva" ... "the senator").
_TITLES = {"sen": "senator", "gov": "governor", "rep": "congressman", "pres": "president", "sec": "secretary",
           "atty": "attorney", "dir": "director", "supt": "superintendent", "prof": "professor"}

#: Place nouns that name a country, and those that name a place within one.
_PLACE_NOUNS = {"country": "country", "nation": "country", **dict.fromkeys(["city", "town", "village", "capital", "county"], "inner")}

#: A quotation: in double quotes, curly quotes, or doubled single quotes ('' ... '').
_QUOTE = re.compile(r"(?:[\"\u201c]|''|``)([^\"\u201c\u201d\n]{1,3000}?)(?:[\"\u201d]|'')")
#: First-person pronouns in a quotation and the kind of speaker they stand for.
_FIRST_PERSON = {**dict.fromkeys(["i", "me", "my", "mine", "myself"], "PERSON"),
                 **dict.fromkeys(["we", "us", "our", "ours", "ourselves"], "ORG")}
#: Verbs that introduce a quotation.
_SPEECH_VERBS = frozenset(
    ["say", "tell", "add", "ask", "write", "explain", "insist", "recall", "reply", "respond", "note", "tweet",
     "declare", "state", "argue", "quip", "joke", "warn", "continue", "answer", "remark", "post", "testify"]
)

#: Verbs with an "it" that stands for the clause after them ("it seems that", "it turns out").
_EXPLETIVE_VERBS = frozenset(["seem", "appear", "turn", "happen", "remain", "become", "matter"])

_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}


def _gendered_name(parse: Parse, ent: ParsedEntity) -> str | None:
    """The gender an honorific gives a name, before it ("Mrs." + "Lee") or as its first word ("Mrs. Lee")."""
    if ent.last - ent.first > 1 and parse.tokens[ent.first].text.casefold() in _HONORIFICS:
        return _HONORIFICS[parse.tokens[ent.first].text.casefold()]
    if ent.first > 0:
        before = parse.tokens[ent.first - 1].text.casefold()
        return _HONORIFICS.get(before)
    return None


def _key(parse: Parse, ent: ParsedEntity) -> str:
    """A name key shared by "Ana Silva" and a later "Silva" (the last word)."""
    return parse.text[ent.start : ent.end].split()[-1].casefold()


def _referring(parse: Parse, token: Token) -> tuple[tuple[str, ...], str | None] | None:
    """The kinds and gender a token refers to, if it is a pronoun or a definite description."""
    lower = token.text.casefold()
    if token.pos == "PRON" and lower in PRONOUNS:
        if token.dep == "expl" or (lower == "it" and token.dep in ("nsubj", "nsubj:pass") and _expletive_it(parse, token)):
            return None
        return PRONOUNS[lower]
    if token.pos == "NOUN" and token.lemma.casefold() in DESCRIPTION_NOUNS and token.feature("Number") != "Plur":
        dets = [c for c in parse.children(token) if c.dep == "det"]
        kind = DESCRIPTION_NOUNS[token.lemma.casefold()]
        # "the Harbor company", "the company, Acme,", "the city of Lisbon": named on the spot
        if dets and dets[0].text.casefold() == "the" and not any(
            c.dep in ("compound", "flat", "appos") and c.pos == "PROPN" for c in parse.children(token)
        ) and not (kind == "PLACE" and _of_name(parse, token)) and not _named_after(parse, token, kind):
            return (kind,), _NOUN_SEX.get(token.lemma.casefold())
    return None


def _bears(parse: Parse, ent: ParsedEntity, noun: str) -> bool:
    """Whether a name carries the description's noun: as a title before or in a person's name
    ("Mayor Ann Lowe", "Sen. Ana Silva", "Acme spokesman Ben Ortiz", for "the mayor", "the
    senator", "the spokesman"), in apposition to it ("Ann Lowe, the town's mayor") or said to be
    one ("Ann Lowe is a lawyer"), or as the
    head word of an organization's or a place's name ("Harbor University", "Bank of Lisbon" for
    "the university", "the bank")."""
    first = ent.first
    if ent.label == "PERSON":
        while first > 0 and ent.first - first < 2 and parse.tokens[first - 1].pos in ("PROPN", "NOUN"):
            first -= 1
    for i in range(first, ent.last):
        t = parse.tokens[i]
        word = t.text.casefold().rstrip(".")
        if t.lemma.casefold() == noun or word == noun or _TITLES.get(word) == noun:
            return True
    head = _head_of(parse, ent)
    if ent.label == "PERSON":
        # the parser labels an apposition a conjunct at times: one with no "and" before it
        if any(c.lemma.casefold() == noun and (c.dep == "appos" or (c.dep == "conj" and not any(
                g.dep == "cc" for g in parse.children(c)))) for c in parse.children(head)):
            return True
        if head.dep in ("appos", "nsubj") and parse.tokens[head.head].lemma.casefold() == noun:
            return True  # "the mayor, Ann Lowe," and "Ann Lowe is the mayor" (a predicate noun)
    return False


def _introduced(parse: Parse, token: Token, after: int) -> bool:
    """ "Acme hired a law firm. The firm said ...", "A spokesman for the council said ... The
    spokesman added": the description takes up the thing an indefinite phrase of its noun
    introduced (after ``after``, the last name that carries the noun, and within
    :data:`DESCRIPTION_WINDOW` sentences), not a name; "Ana Silva, a lawyer, ... the lawyer"
    carries the noun in its name."""
    noun = token.lemma.casefold()
    for i in range(token.i - 1, after, -1):
        t = parse.tokens[i]
        if token.sent - t.sent > DESCRIPTION_WINDOW:
            return False
        if t.pos != "NOUN" or t.lemma.casefold() != noun or t.feature("Number") == "Plur":
            continue
        if any(c.dep == "det" and c.text.casefold() in ("a", "an") for c in parse.children(t)):
            if t.dep in ("xcomp", "attr") or any(c.dep == "cop" or (c.dep == "case" and c.text.casefold() == "as")
                                                 for c in parse.children(t)):
                continue  # "Lowe is a lawyer", "registered as a town": said of someone, no one new
            head = parse.tokens[t.head]
            named = parse.entity_at(head) is not None and t.dep in ("appos", "conj")
            return not named and not _named_after(parse, t, DESCRIPTION_NOUNS[noun]) and not any(
                c.pos == "PROPN" and c.dep in ("compound", "flat", "appos") for c in parse.children(t))
    return False


def _named_after(parse: Parse, token: Token, kind: str) -> bool:
    """ "the bank, Lakeside Savings, said": a name of the noun's kind right after a comma."""
    if token.i + 2 >= len(parse.tokens) or parse.tokens[token.i + 1].text != ",":
        return False
    ent = parse.entity_at(parse.tokens[token.i + 2])
    return ent is not None and ent.first == token.i + 2 and ent.label == kind


def _of_name(parse: Parse, token: Token) -> bool:
    """ "the city of Lisbon": "of" and a proper noun right after the noun."""
    after = token.i + 1
    return (token.pos == "NOUN" and after + 1 < len(parse.tokens) and parse.tokens[after].text.casefold() == "of"
            and parse.tokens[after + 1].pos == "PROPN")


def _expletive_it(parse: Parse, token: Token) -> bool:
    """ "It is clear that ...", "it was reported that ...", "it turns out (that) ...", "it remains
    unclear whether ...", "it is the Senate that ...": no referent."""
    head = parse.tokens[token.head]
    if head.pos == "PROPN" and any(c.dep == "cop" for c in parse.children(head)) and any(
            c.dep == "acl:relcl" and c.i > head.i for c in parse.children(head)):
        return True  # "It is the Senate that will decide": a cleft, which puts the name in focus
    clauses = [c for c in parse.children(head) if c.i > token.i and c.dep.split(":")[0] in ("csubj", "ccomp", "xcomp")]
    if not clauses:
        return False
    if head.lemma.casefold() in _EXPLETIVE_VERBS:
        # a finite clause, of the verb or of its adjective ("remains unclear whether"); not "it
        # seems to work", where "it" is something
        return any(
            c.dep.split(":")[0] in ("csubj", "ccomp") or any(g.dep.split(":")[0] in ("csubj", "ccomp") for g in parse.children(c))
            for c in clauses
        )
    return any(c.lemma == "be" or c.dep in ("cop", "aux:pass") for c in parse.children(head))


def link_mentions(parse: Parse) -> dict[int, int]:
    """Token index of each pronoun or description -> index of its antecedent in ``parse.entities``."""
    if not parse.entities:
        return {}
    links: dict[int, int] = {}
    gender: dict[str, str] = {}
    for ent in parse.entities:
        if ent.label == "PERSON":
            g = _gendered_name(parse, ent)
            if g:
                gender.setdefault(_key(parse, ent), g)
    # Mentions so far, in the order of the text: (sentence, token, entity index, weight). A
    # linked pronoun is a mention of its antecedent too, so "he ... his ... he" keeps to one
    # person however far back the name was.
    mentions: list[tuple[int, int, int, int]] = []
    # The tokens of ``mentions`` that stand for several people with the entity's name first:
    # "Ana Silva and Raul Ruiz" (at "Ruiz") and a "they" linked to them.
    groups: set[int] = set()
    # Quotations: "he" inside one is not the person who says it ('"He is wrong," Ana said').
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(parse.text)] if _has_quotes(parse.text) else []
    quote_starts = [start for start, _ in quoted]
    speakers: dict[int, int | None] = {}
    index_of = {ent.first: i for i, ent in enumerate(parse.entities)}
    # Subjects that name nothing ("The message came from ..."), as (sentence, weight): a thing
    # "it" may stand for rather than an earlier name.
    unnamed: list[tuple[int, int]] = []
    unnamed_plural: list[tuple[int, int]] = []  # "The parents came from ...": what "they" may be
    ent_index = 0
    for token in parse.tokens:
        while ent_index < len(parse.entities) and parse.entities[ent_index].first <= token.i:
            ent = parse.entities[ent_index]
            head = _head_of(parse, ent)
            noun = parse.tokens[ent.first - 2] if ent.first > 1 else head
            if noun.lemma.casefold() in DESCRIPTION_NOUNS and _of_name(parse, noun):
                head = noun  # "the city of Lisbon": the role is the noun's
            mentions.append((head.sent, head.i, ent_index, _weight(parse, head)))
            joined = _coordinated(parse, ent)
            if joined is not None:
                mentions.append((head.sent, joined, ent_index, _weight(parse, head)))
                groups.add(joined)
            ent_index += 1
        if token.pos != "PRON" and token.pos != "NOUN":
            continue  # what _referring would find refers to nothing, asked of fewer tokens
        wanted = _referring(parse, token)
        if wanted is None or parse.entity_at(token) is not None:
            if wanted is None and _unnamed_subject(parse, token):
                unnamed.append((token.sent, _weight(parse, token)))
            elif wanted is None and _unnamed_subject(parse, token, plural=True):
                unnamed_plural.append((token.sent, _weight(parse, token)))
            continue
        kinds, sex = wanted
        not_key = None
        at = bisect_right(quote_starts, token.start) - 1
        if at >= 0 and token.end <= quoted[at][1] and token.pos == "PRON" and not token.text.casefold().endswith("self"):
            if at not in speakers:
                speakers[at] = _speaker(parse, quoted[at][0], quoted[at][1], links, index_of)
            speaker = speakers[at]
            not_key = None if speaker is None else _key(parse, parse.entities[speaker])
        subject = _subject_referent(parse, token, links, index_of)
        if subject is not None and not_key is None:
            not_key = _key(parse, parse.entities[subject])  # "it asked them": not the department again
        rival = _thing_salience(token, unnamed) if kinds == PRONOUNS["it"][0] else 0.0
        best = _choose(parse, token, kinds, sex, mentions, gender, not_key, rival, groups)
        if (best is not None and kinds == PRONOUNS["they"][0] and not _plural(parse, parse.entities[best])
                and _choose(parse, token, kinds, sex, mentions, gender, not_key, _thing_salience(token, unnamed_plural),
                            groups) is None):
            best = None  # "The parents came from India ... they": the people just named, not a body or a pair
        if best is None and sex is not None and token.pos == "PRON":
            best = _cataphor(parse, token, sex, gender, index_of)
        if best is None and sex is not None and token.pos == "PRON":
            best = _lone_person(parse, token, sex, mentions, gender, groups, not_key)
        if best is None:
            continue
        links[token.i] = best
        if parse.entities[best].label == "PERSON" or (token.pos == "NOUN" and token.dep.startswith("nsubj")):
            mentions.append((token.sent, token.i, best, _weight(parse, token)))
            if token.text.casefold() in _PLURAL:
                groups.add(token.i)  # "Ana Silva and Raul Ruiz ... they ... their": still the two
        if sex and parse.entities[best].label == "PERSON":
            gender.setdefault(_key(parse, parse.entities[best]), sex)
    _link_speakers(parse, links)
    return links


def _link_speakers(parse: Parse, links: dict[int, int]) -> None:
    """Link "I" in a quotation to the person who says it ("'I will stay,' Ana Silva said"), and
    "we" to the organization that does."""
    text = parse.text
    if not _has_quotes(text):
        return
    index_of = {ent.first: i for i, ent in enumerate(parse.entities)}
    previous: tuple[int, int | None] = (-1, None)  # where the last quotation ended, and its speaker
    for match in _QUOTE.finditer(text):
        inside = [t for t in parse.tokens_in(match.start(1), match.end(1))
                  if t.pos == "PRON" and t.text.casefold() in _FIRST_PERSON and t.i not in links]
        speaker = _speaker(parse, match.start(), match.end(), links, index_of) if inside or previous[1] is not None else None
        if speaker is None and previous[0] >= 0 and "\n" not in text[previous[0] : match.start()]:
            speaker = previous[1]  # '"We will win," she said. "Nobody doubts it."': the same speaker
        previous = (match.end(), speaker)
        if speaker is None or not inside:
            continue
        label = parse.entities[speaker].label
        for token in inside:
            if _FIRST_PERSON[token.text.casefold()] == label:
                links[token.i] = speaker


def _has_quotes(text: str) -> bool:
    return '"' in text or "\u201c" in text or "''" in text


def _speaker(parse: Parse, start: int, end: int, links: dict[int, int], index_of: dict[int, int]) -> int | None:
    """The entity whose speech verb, outside the quotation text[start:end] and in its sentences,
    is nearest to it: the verb's subject, named or a linked pronoun."""
    first = parse.token_at(start)
    last = parse.token_at(end - 1)
    if first is None or last is None:
        return None
    # '"We won," she said': the sentence after a quotation that does not end one of its own
    after = parse.tokens[last.i + 1] if last.i + 1 < len(parse.tokens) else last
    closed = parse.text[start:end].rstrip("\"\u201d' ").endswith(".")
    sentences = range(first.sent, (last.sent if closed else max(last.sent, after.sent)) + 1)
    best: tuple[int, int] | None = None
    for sent in sentences:
        sentence = parse.sentences[sent]
        for i in range(sentence.first, sentence.last):
            verb = parse.tokens[i]
            if verb.lemma.casefold() not in _SPEECH_VERBS or verb.pos != "VERB" or start <= verb.start < end:
                continue
            subjects = [c for c in parse.children(verb) if c.dep.startswith("nsubj")]
            if not subjects and verb.dep in ("advcl", "xcomp", "conj"):
                # "Ana Silva issued a statement saying ...": the subject of the verb it hangs on
                subjects = [c for c in parse.children(parse.tokens[verb.head]) if c.dep.startswith("nsubj")]
            if not subjects and i > sentence.first and parse.entity_at(parse.tokens[i - 1]) is not None:
                subjects = [parse.tokens[i - 1]]  # '"Why?" Omar Diaz asked' parsed with no subject: the name before it
            for child in subjects:
                if start <= child.start < end:
                    continue
                if child.text.casefold() in ("who", "that") and verb.dep.startswith("acl"):
                    child = parse.tokens[verb.head]  # "Ana Silva, who said ...": the noun the clause is of
                ent = parse.entity_at(child)
                index = index_of.get(ent.first) if ent is not None else links.get(child.i)
                if index is None:
                    continue
                distance = start - verb.end if verb.end <= start else verb.start - end
                if best is None or distance < best[0]:
                    best = (distance, index)
    return None if best is None else best[1]


def _cataphor(parse: Parse, token: Token, sex: str, gender: dict[str, str], index_of: dict[int, int]) -> int | None:
    """ "When she took office, Ana Silva ...": "he" or "she" in a clause put before its sentence's
    main clause, with no earlier referent, is the person named as that main clause's subject."""
    clause = token
    while clause.dep.split(":")[0] not in ("advcl", "ROOT") and clause.head != clause.i:
        clause = parse.tokens[clause.head]
    if clause.dep.split(":")[0] != "advcl":
        return None
    main = parse.tokens[clause.head]
    if not clause.i < main.i:
        return None
    for child in parse.children(main):
        if child.dep.startswith("nsubj") and child.i > clause.i:
            ent = parse.entity_at(child)
            index = index_of.get(ent.first) if ent is not None else None
            if index is None or ent is None or ent.label != "PERSON" or _plural(parse, ent):
                return None
            return index if gender.get(_key(parse, ent), sex) == sex else None
    return None


def _lone_person(parse: Parse, token: Token, sex: str, mentions: list[tuple[int, int, int, int]],
                 gender: dict[str, str], groups: set[int], not_key: str | None) -> int | None:
    """ "he" or "she" with no person in the last :data:`WINDOW` sentences: the one person named
    in the last :data:`LONE_WINDOW` who may be of that gender, when the document has shown them
    to be ("Mr.", "Ms." or an earlier "he"), whom a story about them keeps calling "he" after a
    stretch about other things; None when two could be meant or the gender is not known."""
    found: dict[str, int] = {}
    for ent_sentence, at, index, _w in reversed(mentions):
        if token.sent - ent_sentence > LONE_WINDOW:
            break
        ent = parse.entities[index]
        if ent.label != "PERSON" or at in groups or _plural(parse, ent):
            continue
        key = _key(parse, ent)
        if key != not_key and gender.get(key, sex) == sex:
            found.setdefault(key, index)
    if len(found) == 1 and gender.get(next(iter(found))) != sex:
        return None
    return next(iter(found.values())) if len(found) == 1 else None


def _weight(parse: Parse, token: Token) -> int:
    """How much a mention in this role makes its referent the topic: a subject most, then an
    object, a phrase of its own more than one inside another noun phrase ("the meeting with X"),
    a clause's argument more than an adverbial phrase (Lappin and Leass's factors)."""
    dep = token.dep.split(":")[0]
    weight = 100
    if dep == "nsubj":
        weight += 80
    elif dep == "obj":
        weight += 50
    elif dep in ("iobj", "obl"):
        weight += 40
    if dep not in ("nmod", "compound", "appos", "conj"):
        weight += 80  # not inside another noun phrase
    head = parse.tokens[token.head]
    if dep not in ("obl", "advmod", "advcl") and head.dep.split(":")[0] not in ("obl", "advmod", "advcl"):
        weight += 50  # not in an adverbial phrase
    return weight


def _folded(parse: Parse, index: int) -> str:
    ent = parse.entities[index]
    return fold(parse.text[ent.start : ent.end])


def _role(token: Token) -> str | None:
    dep = token.dep.split(":")[0]
    return dep if dep in ("nsubj", "obj") else None


def _choose(
    parse: Parse,
    token: Token,
    kinds: tuple[str, ...],
    sex: str | None,
    mentions: list[tuple[int, int, int, int]],
    gender: dict[str, str],
    not_key: str | None = None,
    rival: float = 0.0,
    groups: set[int] | frozenset[int] = frozenset(),
) -> int | None:
    """The best earlier entity for a referring token: the most salient compatible referent.

    A referent's salience sums, over the sentences within :data:`WINDOW`, the weight of its
    weightiest mention there (by its role, :func:`_weight`) halved for every sentence back; the
    nearest named mention of the winner is the antecedent. None when no referent is more salient
    than ``rival`` (an unnamed thing "it" may stand for, see :func:`_thing_salience`).
    """
    sentence = token.sent
    role = _role(token)
    window = WINDOW if token.pos == "PRON" else DESCRIPTION_WINDOW
    several = token.text.casefold() in _PLURAL  # "they": a name of several people, or none
    # "the country" is a country of the gazetteer; "the city" or "the town" is not.
    place_noun = _PLACE_NOUNS.get(token.lemma.casefold()) if token.pos == "NOUN" else None
    countries = load().countries if place_noun else frozenset()
    salience: dict[tuple[str, str], float] = {}
    nearest: dict[tuple[str, str], tuple[int, int]] = {}
    by_sentence: dict[tuple[tuple[str, str], int], int] = {}
    for ent_sentence, at, index, weight in reversed(mentions):
        if sentence - ent_sentence > window:
            break
        ent = parse.entities[index]
        plural = ent.label == "PERSON" and _plural(parse, ent)
        if ent.label not in kinds or (ent.label == "PERSON" and (plural or at in groups) != several):
            continue
        # "Ana Silva and Raul Ruiz" is a referent of its own, not Ana Silva
        key = ("GROUP" if at in groups and not plural else ent.label, _key(parse, ent))
        if key[1] == not_key:
            continue
        if sex and ent.label == "PERSON" and gender.get(key[1], sex) != sex:
            continue
        if place_noun and (_folded(parse, index) in countries) != (place_noun == "country"):
            continue
        if ent_sentence == sentence and _same_clause_object(parse, token, at):
            continue
        if key not in nearest:
            nearest[key] = (at, index)
            if role is not None and _role(parse.tokens[at]) == role:
                salience[key] = PARALLEL  # "Ana left. Later she ...": the same role again
        # A sentence counts once for a referent, by its weightiest mention there.
        by_sentence[(key, ent_sentence)] = max(by_sentence.get((key, ent_sentence), 0), weight)
    bearers: dict[tuple[str, str], int] = {}
    if token.pos == "NOUN" and kinds != ("PLACE",):
        # "Mayor Ann Lowe ... the mayor": a name that carries the noun, however far back, before
        # any other (the latest such when several do)
        noun = token.lemma.casefold()
        latest = -1  # the last mention of a name that carries the noun
        for _s, at, index, _w in reversed(mentions):
            ent = parse.entities[index]
            key = (ent.label, _key(parse, ent))
            if (key in bearers or ent.label not in kinds or key[1] == not_key or at >= token.i or at in groups
                    or (ent.label == "PERSON" and (_plural(parse, ent) or (sex and gender.get(key[1], sex) != sex)))):
                continue
            if _bears(parse, ent, noun):
                bearers[key] = index
                latest = max(latest, at)
        if kinds != ("PLACE",) and _introduced(parse, token, latest):
            return None  # "Acme hired a law firm. The firm said ...": the one just introduced
        if bearers:
            inside = [k for k in bearers if k in nearest]
            if not inside:
                return next(iter(bearers.values()))
            nearest = {k: nearest[k] for k in inside}
    if not nearest:
        return _country_before(parse, mentions, countries) if place_noun == "country" else None
    for (key, ent_sentence), weight in by_sentence.items():
        salience[key] = salience.get(key, 0.0) + weight / (1 << (sentence - ent_sentence))
    # The most salient, then the nearest; for "the city", a town of the gazetteer before a park
    # or a district of one.
    towns = load().places - countries if place_noun == "inner" else frozenset()
    if bearers:
        salience = {k: v for k, v in salience.items() if k in nearest}
    best = min(salience, key=lambda k: (bool(towns) and _folded(parse, nearest[k][1]) not in towns, -salience[k], -nearest[k][0]))
    if salience[best] < rival:
        return None
    return nearest[best][1]


def _country_before(parse: Parse, mentions: list[tuple[int, int, int, int]], countries: frozenset[str]) -> int | None:
    """ "the country" with no country named in the sentences before it: the country the document
    named most often before it (the latest of them on a tie), which an article about one country
    keeps calling "the country" long after its name."""
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    for _s, _at, index, _w in mentions:
        name = _folded(parse, index)
        if parse.entities[index].label == "PLACE" and name in countries:
            counts[name] = counts.get(name, 0) + 1
            latest[name] = index
    if not counts:
        return None
    return latest[max(counts, key=lambda name: (counts[name], latest[name]))]


def _unnamed_subject(parse: Parse, token: Token, *, plural: bool = False) -> bool:
    """A singular common noun (a plural one with ``plural``), subject of its clause, that names
    nothing: no name of its own, in it or beside it ("The message came from ...", "The parents
    said ...", not "the company, Acme," or "the Acme deal")."""
    if token.pos != "NOUN" or token.dep not in ("nsubj", "nsubj:pass") or (token.feature("Number") == "Plur") != plural:
        return False
    lemma = token.lemma.casefold()
    if not plural and (DESCRIPTION_NOUNS.get(lemma) == "PERSON" or lemma in _PEOPLE):
        return False  # "it" stands for no person
    return not any(c.pos == "PROPN" or parse.entity_at(c) is not None for c in parse.children(token))


def _thing_salience(token: Token, unnamed: list[tuple[int, int]]) -> float:
    """How salient the unnamed subjects of this sentence (before the pronoun) and the one before
    are, by the same measure as names: "The message came from Detective Ana Silva. It told ..."
    is the message's, not a name's."""
    best = 0.0
    for sentence, weight in reversed(unnamed):
        if token.sent - sentence > 1:
            break
        best = max(best, weight / (1 << (token.sent - sentence)))
    return best


def _plural(parse: Parse, ent: ParsedEntity) -> bool:
    """ "the Smiths", "Republican Senators": a name of several people ("they", not "he").

    The tagger's number of a surname is no evidence ("Haines", "Santos" are often plural to it):
    only a family's name after "the", a plural person noun in the name, a name joined by "and"
    ("Gerald and Mia Lund"), or a plural name of a people ("Democrats", see
    :func:`_people_named`) counts.
    """
    last = parse.tokens[ent.last - 1]
    if any(parse.tokens[i].pos == "CCONJ" for i in range(ent.first + 1, ent.last - 1)):
        return True  # "Gerald and Mia Lund": two people in one name
    if ent.first > 0 and parse.tokens[ent.first - 1].text.casefold() == "the" and last.text.endswith("s"):
        return not last.text.endswith("ss")
    return last.tag == "NNPS" and (DESCRIPTION_NOUNS.get(last.lemma.casefold()) == "PERSON" or _people_named(parse, ent))


def _people_named(parse: Parse, ent: ParsedEntity) -> bool:
    """ "Democrats", "Mesoamericans": a name of one word, a plural whose singular the lemma is
    ("Democrat"), names a people or a party ("they"); a surname keeps its "s" in the lemma
    ("Haines"), and one said after a first name elsewhere is a surname."""
    word = parse.tokens[ent.first]
    if ent.last - ent.first != 1 or word.text != word.lemma + "s":
        return False
    return not any(other.label == "PERSON" and other.last - other.first > 1 and _key(parse, other) == word.text.casefold()
                   for other in parse.entities)


def _coordinated(parse: Parse, ent: ParsedEntity) -> int | None:
    """ "Ana Silva and Raul Ruiz", "Ana Silva, her aide and a lawyer": a person's name joined
    by "and" to another person, whom "they" may stand for; the token of the last person joined.

    An "and" is asked for: the parser labels an apposition ("Ana Silva, a lawyer,") a conjunct
    at times, and "Ana Silva or Raul Ruiz" is one of them.
    """
    if ent.label != "PERSON":
        return None
    # the parser hangs the conjunct on the name's head or on its last word ("Pell" of "Nora Pell")
    joined = [c for i in range(ent.first, ent.last) for c in parse.children(parse.tokens[i])
              if c.dep == "conj" and c.i >= ent.last]
    if not any(g.dep == "cc" and g.text.casefold() in ("and", "&") for c in joined for g in parse.children(c)):
        return None
    people = [c for c in joined if _person(parse, c)]
    return people[-1].i if people else None


def _person(parse: Parse, token: Token) -> bool:
    """A person's name, or a noun of a person ("her aide", "the mayor"); a proper noun the
    pipeline found no name in ("Lowe and Ruiz") is taken for the person it is joined to."""
    ent = parse.entity_at(token)
    if ent is not None:
        return ent.label == "PERSON"
    if token.pos == "PROPN":
        return True
    lemma = token.lemma.casefold()
    return token.pos == "NOUN" and (DESCRIPTION_NOUNS.get(lemma) == "PERSON" or lemma in _PEOPLE)


def _head_of(parse: Parse, ent: ParsedEntity) -> Token:
    for i in range(ent.first, ent.last):
        t = parse.tokens[i]
        if not ent.first <= t.head < ent.last or t.head == t.i:
            return t
    return parse.tokens[ent.first]


def _subject_referent(parse: Parse, token: Token, links: dict[int, int], index_of: dict[int, int]) -> int | None:
    """The entity the subject of a non-reflexive object pronoun's clause stands for, named or
    linked ("it" in "it asked them"): a pronoun object never refers to its own clause's subject
    (binding principle B), whatever their number."""
    if token.pos != "PRON" or token.dep not in ("obj", "iobj") or token.text.casefold().endswith("self"):
        return None
    for child in parse.children(parse.tokens[token.head]):
        if child.dep.startswith("nsubj") and child.i != token.i:
            if child.i in links:
                return links[child.i]
            ent = parse.entity_at(child)
            return index_of.get(ent.first) if ent is not None else None
    return None


def _same_clause_object(parse: Parse, token: Token, at: int) -> bool:
    """ "Ana praised her": a non-reflexive object pronoun does not refer to its own clause's subject."""
    if token.dep not in ("obj", "iobj") or token.text.casefold().endswith("self"):
        return False
    head = parse.tokens[at]
    return head.head == token.head and head.dep.startswith("nsubj")
