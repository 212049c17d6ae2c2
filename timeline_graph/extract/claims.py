"""Attributions: who said, wrote, believed or wanted what, read from the document's parse.

Each claim is one attribution in the sense of the PolNeAR annotation guidelines: a **cue** (a
verb of saying, thinking or wanting with its auxiliaries, "according to", a statement or report
that "says"), the **content** (the exact words attributed, in several parts when a quotation is
split by the cue or continues in the next sentences) and the **source** (the words naming who
said it, resolved to an entity of the case; a pronoun or "the spokesman" through the parse's
links; "two officials" kept as words and marked unnamed). What the article narrates itself is
not a claim. A claim inside another's content ("X said that Y told him ...") has the outer
claim as its ``parent``; inside a quotation that is someone's claim, the speaker's own "I
think" or "they told me" stays part of that claim's content.

The cue is found on the dependency parse: a cue verb and its clausal complement (``ccomp``:
"said (that) ..."), its infinitive complement for wants and plans (``xcomp``: "hopes to ..."),
the quotation it is set into (``parataxis``: "“...,” she said"), or a noun object for a few
verbs ("denied the report"); "according to X" (or "as reported by X") and the clause it
modifies; an attribution after its content ("..., X said.", "..., says X."). A sentence in
which the parse gives no claim is read again by the word patterns of
:mod:`timeline_graph.extract.claim_patterns`.

>>> from timeline_graph.model import Document
>>> doc = Document.create(sha256="c" * 64, text='"We are ready," Mayor Ann Lowe said.', source="x")
>>> [(c.claimant_name, c.quote, c.verb) for c in find_claims(doc, ())]
[('Mayor Ann Lowe', 'We are ready', 'said')]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from .. import nlp
from ..model import Claim, Document, Entity, Span, record_id
from ..nlp import Parse, Token
from .claim_nouns import noun_cues
from .claim_patterns import Pattern, anaphor, antecedent, entity_in, find_patterns, mention_index
from .claim_quotes import QuoteCue, colon_cues, quote_cues
from .text import Intervals

__all__ = ["VERSION", "find_claims"]

VERSION = "claims-1.2.0"

# Verbs whose clausal complement is what the subject said, wrote, thought, knew or wanted.
_CLAUSE_VERBS = frozenset(
    ["say", "tell", "add", "state", "write", "explain", "note", "argue", "claim", "assert", "insist", "emphasize", "emphasise", "stress", "confirm", "deny", "warn", "acknowledge", "maintain", "contend", "declare", "announce", "report", "concede", "admit", "suggest", "predict", "promise", "vow", "pledge", "threaten", "complain", "allege", "testify", "tweet", "post", "reply", "respond", "answer", "ask", "recall", "remind", "reveal", "disclose", "indicate", "show", "find", "conclude", "estimate", "believe", "think", "feel", "fear", "worry", "hope", "expect", "know", "understand", "agree", "decide", "doubt", "wonder", "point", "recognize", "recognise", "realize", "realise", "assume", "guess", "suspect", "imagine", "forecast", "hint", "signal", "propose", "recommend", "demand", "order", "rule", "suppose", "consider", "counter", "quip", "joke", "boast", "brag", "exclaim", "shout", "yell", "whisper", "mutter", "lament", "grumble", "charge", "speculate", "posit", "underscore", "reiterate", "repeat", "echo", "assure", "reassure", "inform", "advise", "caution", "remark", "comment", "observe", "mention", "swear", "calculate", "project", "anticipate", "envision", "imply", "determine", "demonstrate", "prove", "verify", "read", "email", "text", "insist", "accuse", "question", "learn", "hear", "see", "notice", "discover", "worry", "acknowledge", "predict", "proclaim", "pronounce", "affirm", "reaffirm", "certify", "attest", "contest", "dispute", "protest", "wish", "want", "plan", "intend", "urge"]
)
# Verbs of asking someone to act ("urged the council to vote", "called for a recount").
_PLEA_VERBS = frozenset(["ask", "urge", "call", "demand", "order", "press", "push", "plead", "beg", "implore", "appeal", "petition", "lobby"])
# Verbs that report speech or thought whatever the parse makes of what follows them.
_SAY_VERBS = frozenset(
    ["say", "tell", "add", "claim", "argue", "insist", "note", "explain", "warn", "write", "believe", "think", "state", "contend", "assert", "predict", "suggest", "acknowledge", "admit", "declare"]
)
# Verbs whose infinitive complement is a wish, plan or promise ("hopes to", "refused to").
_INTENT_VERBS = frozenset(
    ["plan", "hope", "want", "intend", "expect", "promise", "vow", "pledge", "threaten", "decline", "refuse", "seek", "aim", "agree", "decide", "wish", "prefer", "offer", "propose", "urge", "ask", "demand", "order", "call", "swear", "resolve", "vow", "aspire", "mean", "need", "like", "love", "hate", "push", "press", "encourage", "warn", "advise", "tell", "remind", "invite"]
)
# Verbs whose noun object is the content ("denied the report", "announced new rates").
_OBJECT_VERBS = frozenset(
    ["deny", "announce", "confirm", "reject", "dispute", "predict", "propose", "support", "oppose", "endorse", "want", "acknowledge", "admit", "reveal", "disclose", "demand", "promise", "criticize", "criticise", "praise", "condemn", "blast", "slam", "dismiss", "question", "welcome", "applaud", "decry", "lament", "back", "favor", "favour", "dislike", "prefer", "recommend", "defend", "express", "call", "describe", "characterize", "label", "dub", "brand"]
)
# Verbs that make a claim only with a clause or a quotation ("reported the news" is narration).
_NEED_CLAUSE = frozenset({"report", "show", "find", "see", "hear", "learn", "read", "post", "write", "rule"})
# Nouns naming a made thing that speaks for its maker ("Acme's statement says ...").
_ARTIFACTS = frozenset(
    ["statement", "report", "tweet", "post", "letter", "memo", "memorandum", "study", "survey", "poll", "analysis", "filing", "interview", "email", "release", "ad", "advertisement", "video", "message", "note", "document", "complaint", "lawsuit", "suit", "ruling", "order", "opinion", "book", "article", "column", "editorial", "essay", "speech", "remarks", "testimony", "transcript", "record", "records", "data", "website", "page", "paper", "review", "audit"]
)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PERSONAL = frozenset(
    ["i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "one"]
)
# Two apostrophes stand for a straight double quotation mark in some newswire text.
# Words that make a time phrase ("last week", "Tuesday"), which the parse may take for a subject.
_TIME_WORDS = frozenset(
    ["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "day", "week", "weekend",
     "month", "year", "spring", "summer", "fall", "autumn", "winter", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"]
)
_FIRST_PERSON = frozenset(["i", "me", "we", "us"])
_SPEAKER_REACH = 1500  # characters: how far back "he said" looks for the person who spoke
_OPEN_QUOTES = frozenset(["\"", "“", "«", "„", "''"])
_CLOSE_QUOTES = frozenset(["\"", "”", "»", "''"])
_QUOTES = _OPEN_QUOTES | _CLOSE_QUOTES
_CONTENT_DEPS = ("ccomp", "csubj")


@dataclass
class _Found:
    """An attribution on the parse, before it becomes a :class:`Claim`."""

    cue: tuple[int, int]  # token range
    content: set[int]
    source: tuple[int, int] | None  # token range
    verb: str
    who: Token | None = None  # the source's head token
    extra: list[tuple[int, int]] = field(default_factory=list)  # character ranges continuing the content


def find_claims(doc: Document, entities: Sequence[Entity], parse: Parse | None = None) -> tuple[Claim, ...]:
    """Every attribution of one document, with its claimant resolved where the case allows."""
    parse = parse if parse is not None else nlp.parse(doc.text)
    found: list[_Found] = []
    for sentence in parse.sentences:
        for i in range(sentence.first, sentence.last):
            token = parse.tokens[i]
            attribution = _verb_cue(parse, token) or _according(parse, token)
            if attribution is not None and _content_tokens(parse, attribution):
                found.append(attribution)
    # "you know", "have you noticed": talk, not a source (dropped before the quotations are
    # read, so that their words are free for the speaker beside them)
    found = [f for f in found if f.who is None or f.who.text.casefold() != "you"]
    regions = _quote_regions(parse.text)
    _set_quotes(parse, found, quote_cues(parse, regions))
    _set_speaker_lines(parse, found, colon_cues(parse))
    _add_noun_cues(parse, found, noun_cues(parse))
    _extend_quotes(parse, found)
    claims = _to_claims(doc, entities, parse, found)
    claims += _fallback(doc, entities, parse, [c for c in claims if c.cue and not _inside(c.cue.start, regions)])
    nested = _pronoun_speakers(_nest(_anaphors(sorted(claims, key=lambda c: (c.cue or c.span).start), entities)), entities, parse)
    # Inside a quotation that is someone's claim, "I think", "we want" or "they told me" are
    # the speaker's own words, kept in that claim's content rather than made claims of their
    # own (on PolNeAR's tuning part fewer than half of them matched an annotated attribution).
    return tuple(c for c in nested if not (c.parent is not None and c.cue is not None and _inside(c.cue.start, regions)))


def _set_quotes(parse: Parse, found: list[_Found], cues: Sequence[QuoteCue]) -> None:
    """Quotations whose speaker stands beside them: the verb's content, or a claim of their own.

    The quotation marks are surer than the tree: a cue verb the parse gave other content
    ("“...,” X said when asked") takes the quotation instead.
    """
    by_cue = {i: f for f in found for i in range(*f.cue)}
    taken = {i for f in found for i in f.content}
    for q in cues:
        content = {t.i for t in parse.tokens_in(*q.content)}
        if not content:
            continue
        f = by_cue.get(q.cue)
        if f is not None and not content & f.content:
            f.content = content
            if f.source is None or set(range(*f.source)) & content:
                f.source, f.who = q.source, q.who
        elif f is None and len(content & taken) * 2 < len(content):
            cue = parse.tokens[q.cue]
            found.append(_Found(cue=_cue_range(parse, cue, list(parse.children(cue))), content=content,
                                source=q.source, verb=cue.text, who=q.who))
        taken |= content


def _add_noun_cues(parse: Parse, found: list[_Found], cues: Sequence[QuoteCue]) -> None:
    """ "her claim that ...": a claim unless a verb's attribution already holds most of its words."""
    taken = {i for f in found for i in f.content}
    for q in cues:
        content = {t.i for t in parse.tokens_in(*q.content)}
        if content and len(content & taken) * 2 < len(content):
            found.append(_Found(cue=(q.cue, q.cue + 1), content=content, source=q.source,
                                verb=parse.tokens[q.cue].text, who=q.who))
            taken |= content


def _set_speaker_lines(parse: Parse, found: list[_Found], cues: Sequence[QuoteCue]) -> None:
    """ "LOWE: I think ...": the line is Lowe's claim, and the label is no one's content."""
    for q in cues:
        label = set(range(q.source[0], q.cue + 1)) if q.source else {q.cue}
        for f in found:
            f.content -= label
        content = {t.i for t in parse.tokens_in(*q.content)}
        if content:
            found.append(_Found(cue=(q.cue, q.cue + 1), content=content, source=q.source, verb=":", who=q.who))


def _anaphors(claims: Sequence[Claim], entities: Sequence[Entity]) -> list[Claim]:
    """ "the spokesman added" is the spokesman who spoke before; "the company said" the company last named."""
    out: list[Claim] = []
    for claim in claims:
        if claim.claimant is None and claim.claimant_name:
            said = [(c.claimant_name, c.claimant) for c in out if c.document == claim.document]
            found = anaphor(claim.claimant_name, claim.passage[0], said, entities)
            if found:
                claim = replace(claim, claimant=found, unnamed=False)
        out.append(claim)
    return out


def _pronoun_speakers(claims: Sequence[Claim], entities: Sequence[Entity], parse: Parse) -> tuple[Claim, ...]:
    """Speakers the parse's links left as a pronoun: "I" or "we" inside X's words is X; "he said" the person last named as a subject.

    A journalist writes "he said" of the person the sentences before are about: the last
    person named as the subject of a clause, no more than a few paragraphs before.
    """
    subjects = _person_subjects(entities, parse)
    starts = [start for start, _ in subjects]
    by_id = {c.id: c for c in claims}
    out: list[Claim] = []
    for claim in claims:
        word = (claim.claimant_name or "").casefold()
        parent = by_id.get(claim.parent) if claim.parent else None
        at = claim.source.start if claim.source is not None else claim.span.start
        k = bisect.bisect_left(starts, at) - 1
        if claim.claimant is None and word in _FIRST_PERSON and parent is not None and parent.claimant_name:
            claim = replace(claim, claimant=parent.claimant, claimant_name=parent.claimant_name)
        elif claim.claimant is None and word in ("he", "she") and k >= 0 and at - starts[k] < _SPEAKER_REACH:
            claim = replace(claim, claimant=subjects[k][1].id, claimant_name=subjects[k][1].name)
        out.append(claim)
    return tuple(out)


def _person_subjects(entities: Sequence[Entity], parse: Parse) -> list[tuple[int, Entity]]:
    """(offset, entity) of each mention of a person that is the subject of a clause, in text order."""
    found = []
    for entity in entities:
        if entity.kind != "person":
            continue
        for m in entity.mentions:
            if any(t.dep.startswith("nsubj") for t in parse.tokens_in(m.start, m.end)):
                found.append((m.start, entity))
    return sorted(found, key=lambda pair: (pair[0], pair[1].id))


def _fallback(doc: Document, entities: Sequence[Entity], parse: Parse, claims: Sequence[Claim]) -> list[Claim]:
    """Claims the word patterns find in sentences where the parse gave none.

    The parse misses attributions it hung together oddly ("..., says privacy group X", a
    quotation cut from its cue by the sentence splitter); the patterns do not read the tree.
    A sentence any of the given claims touches (its source, cue or content) is left alone; the
    caller leaves out claims reported inside a quotation, which nest in the quoting claim.
    """
    taken = Intervals((a, b, None) for a, b in (c.passage for c in claims))
    return [
        _pattern_claim(doc, entities, parse, p)
        for p in find_patterns(doc.text, entities, parse)
        if not taken.overlaps(p.sentence[0], p.sentence[1])
    ]


def _pattern_claim(doc: Document, entities: Sequence[Entity], parse: Parse, found: Pattern) -> Claim:
    """A pattern's match as a claim: its content is the span, its cue and source words kept where given."""
    span = Span.at(doc, *found.content)
    cue = Span.at(doc, *found.cue) if found.cue else None
    source = Span.at(doc, *found.source) if found.source else None
    name = found.claimant_name
    unnamed = found.claimant is None and source is not None and bool(name) and not any(
        t.pos in ("PROPN", "PRON") for t in parse.tokens_in(source.start, source.end)
    )
    return Claim(
        id=record_id("clm", doc.id, span.start, span.end, cue.start if cue else span.start),
        text=found.text,
        document=doc.id,
        span=span,
        claimant=found.claimant,
        claimant_name=name,
        quote=found.quote,
        verb=found.verb,
        reported=doc.published,
        about=_about(entities, [found.content], found.claimant),
        extractor=f"claims@{VERSION}",
        cue=cue,
        content=(span,),
        source=source,
        unnamed=unnamed,
    )


# ---------------------------------------------------------------------------------------------
# Cues on the parse


def _verb_cue(parse: Parse, verb: Token) -> _Found | None:
    lemma = verb.lemma.casefold()
    if lemma not in _CLAUSE_VERBS and lemma not in _INTENT_VERBS and lemma not in _OBJECT_VERBS:
        return None
    tagged = verb.pos in ("VERB", "AUX") and verb.tag.startswith("VB") and verb.dep not in ("amod", "compound")
    if not (tagged or _verb_as_noun(parse, verb)):
        return None
    kids = list(parse.children(verb))
    content: set[int] = set()
    trailing = _trailing(parse, verb, kids) if lemma in _CLAUSE_VERBS else None
    for kid in kids:
        if kid.dep in ("ccomp", "parataxis", "conj") and kid.i > verb.i and _trailing(parse, kid, list(parse.children(kid))):
            continue  # "X did Y, says Z": the clause "says Z" attributes, it is not what X did
        if kid.dep in _CONTENT_DEPS and lemma in _CLAUSE_VERBS:
            content |= _subtree_set(parse, kid)
        elif kid.dep == "parataxis" and kid.i > verb.i and lemma in _CLAUSE_VERBS and _quoted(parse, kid):
            content |= _subtree_set(parse, kid)  # 'read, “The pier closes.”'
        elif kid.dep == "xcomp" and lemma in _INTENT_VERBS and kid.pos in ("VERB", "AUX") and kid.i > verb.i:
            content |= _subtree_set(parse, kid)
    if verb.dep == "parataxis" and lemma in _CLAUSE_VERBS:
        # "“We will win,” she said.": the verb hangs off the quotation's root.
        head = parse.tokens[verb.head]
        content |= _subtree_set(parse, head) - _subtree_set(parse, verb)
    if not content and trailing is not None:
        content = set(range(parse.sentences[verb.sent].first, trailing[0]))
    if not content and lemma in _OBJECT_VERBS:
        for kid in kids:
            if kid.dep == "obj" and kid.i > verb.i and kid.pos in ("NOUN", "PROPN", "PRON"):
                if kid.pos == "PRON" and kid.text.casefold() not in ("it", "this", "that"):
                    continue
                content |= _subtree_set(parse, kid)
    if not content and lemma in ("say", "tell", "write", "add", "ask"):
        for kid in kids:  # 'said "no comment"': a quotation as the object
            if kid.dep in ("obj", "dep") and kid.i > verb.i and _quoted(parse, kid):
                content |= _subtree_set(parse, kid)
    if content or lemma in _CLAUSE_VERBS:
        content |= _raised(parse, verb, kids)
    if not content and (lemma in _PLEA_VERBS or (lemma in _INTENT_VERBS and lemma in _CLAUSE_VERBS)) and not _passive(kids):
        content = _infinitive_after(parse, verb, kids)
    artifact = lemma in _NEED_CLAUSE and _artifact_subject(kids)
    if not content and artifact and verb.i + 1 < parse.sentences[verb.sent].last:
        content = {verb.i + 1}  # "a poll showed X with a lead": the rest of the clause is what it shows
    if not content and lemma in _SAY_VERBS:
        content = _linear_rest(parse, verb, kids)
    if not content and lemma in _CLAUSE_VERBS:
        content = _across_sentences(parse, verb)
    if not content:
        return None
    content |= _tail(parse, verb, content)
    if (lemma in _NEED_CLAUSE and not any(k.dep in _CONTENT_DEPS for k in kids) and not _has_quote(parse, content)
            and trailing is None and not artifact):
        return None
    passive = _passive(kids)
    if passive and not any(k.dep in _CONTENT_DEPS or k.dep == "xcomp" for k in kids):
        return None  # "he was asked about it": no words attributed
    if trailing is not None and trailing[1]:
        source, who = _inverted_source(parse, verb)  # "..., says X."
    elif passive:
        source, who = _agent(parse, kids)  # "residents were asked (by X) to ...": only an agent speaks
    else:
        source, who = _source_of(parse, verb, kids)
    if who is None and content and min(content) < verb.i and not passive:
        source, who = _inverted_source(parse, verb)
    if who is None and verb.dep not in ("parataxis",) and not passive:
        return None  # an imperative or a fragment
    source = _whole_name(parse, source, who)
    content -= set(range(*source)) if source else set()
    if source is not None:
        source, who = _without_opener(parse, source, who)
    content -= _addressee(parse, verb)
    if source and min(content, default=source[0]) > source[0]:
        content |= _quote_before(parse, source[0])
    return _Found(cue=_cue_range(parse, verb, kids), content=content, source=source, verb=verb.text, who=who)


def _without_opener(parse: Parse, source: tuple[int, int], who: Token | None) -> tuple[tuple[int, int], Token | None]:
    """The source without a phrase that opens the sentence ("In May, X said", "Speaking later, X said").

    The parse sometimes takes the date or the participle for the subject; the speaker is the
    noun phrase after the opener's comma.
    """
    first, last = source
    named = parse.entity_at(parse.tokens[first])
    dated = named is not None and named.label in ("DATE", "TIME")
    if not _opener(parse, first):
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
    return _whole_name(parse, _source_range_within(parse, head, first, last), head) or source, head


def _opener(parse: Parse, i: int) -> bool:
    """Whether token i opens an adverbial phrase (a date, "In May", "Speaking later") rather than a noun phrase."""
    token = parse.tokens[i]
    named = parse.entity_at(token)
    word = token.lemma.casefold()
    nxt = parse.tokens[i + 1].lemma.casefold() if i + 1 < len(parse.tokens) else ""
    timed = word in _TIME_WORDS or (word in ("last", "next", "this", "that", "earlier", "later") and nxt in _TIME_WORDS)
    return timed or (named is not None and named.label in ("DATE", "TIME")) or token.pos in ("ADP", "ADV", "SCONJ") or (
        token.tag in ("VBG", "VBN"))


def _source_range_within(parse: Parse, head: Token, first: int, last: int) -> tuple[int, int]:
    a, b = _source_range(parse, head)
    return max(a, first), min(b, last)


def _artifact_subject(kids: Sequence[Token]) -> bool:
    """Whether the verb's subject is a made thing that speaks for its maker ("the poll", "a study")."""
    return any(k.dep == "nsubj" and k.lemma.casefold() in _ARTIFACTS for k in kids)


def _addressee(parse: Parse, verb: Token) -> set[int]:
    """ "told her the vote ...": an object pronoun right after the verb is whom it was said to."""
    nxt = parse.tokens[verb.i + 1] if verb.i + 1 < len(parse.tokens) else None
    if nxt is None or nxt.sent != verb.sent or nxt.pos != "PRON":
        return set()
    after = parse.tokens[nxt.i + 1] if nxt.i + 1 < len(parse.tokens) else None
    word = nxt.text.casefold()
    if word in ("me", "him", "us", "them") or (word == "her" and after is not None and after.pos == "DET"):
        return {nxt.i}
    return set()


def _quote_before(parse: Parse, first: int) -> set[int]:
    """ "“A,” X said, “B.”": the quotation opening the sentence and closing right before the source."""
    sentence = parse.sentences[parse.tokens[first].sent]
    comma = _comma_before(parse, first)
    opening = parse.tokens[sentence.first]
    if comma is None or comma == first - 1 or opening.text not in _OPEN_QUOTES:
        return set()
    return set(range(sentence.first, first))


def _whole_name(parse: Parse, source: tuple[int, int] | None, who: Token | None) -> tuple[int, int] | None:
    """The source's token range grown to the whole name its head is part of (the parse may split a name)."""
    named = parse.entity_at(who) if who is not None else None
    if source is None or named is None:
        return source
    return min(source[0], named.first), max(source[1], named.last)


def _trailing(parse: Parse, verb: Token, kids: Sequence[Token]) -> tuple[int, bool] | None:
    """(the comma's index, whether the source follows the verb) of an attribution after its content.

    "The pumps are safe, X said (in a statement).", "“We are safe,” X said.", "..., says X.":
    the verb's subject (or, inverted, the verb itself) comes right after a comma that ends the
    content, and no verb follows in the sentence.
    """
    sentence = parse.sentences[verb.sent]
    if verb.lemma.casefold() not in _CLAUSE_VERBS or any(
        t.pos in ("VERB", "AUX") for t in parse.tokens[verb.i + 1 : sentence.last]
    ):
        return None
    subjects = [k for k in kids if k.dep == "nsubj" and k.i < verb.i]
    subject = _whole_name(parse, parse.subtree(subjects[-1]), subjects[-1]) if subjects else None
    comma = _comma_before(parse, subject[0]) if subject else None
    if comma is not None:
        return (comma, False) if comma > sentence.first + 2 and _has_verb(parse, sentence.first, comma) else None
    # inverted: a noun phrase, not a date ("said Tuesday"), right after the verb
    comma = _comma_before(parse, verb.i)
    after = parse.tokens[verb.i + 1] if verb.i + 1 < sentence.last else None
    if comma is None or comma <= sentence.first + 2 or after is None or after.pos not in ("DET", "PROPN", "NOUN", "ADJ"):
        return None
    named = parse.entity_at(after)
    return None if named is not None and named.label in ("DATE", "TIME") else (comma, True)


def _has_verb(parse: Parse, first: int, last: int) -> bool:
    """Whether tokens first:last hold a verb: a clause that can be said, not a phrase like "Under the deal"."""
    return any(t.pos in ("VERB", "AUX") for t in parse.tokens[first:last])


def _comma_before(parse: Parse, i: int) -> int | None:
    """The index of a comma right before token i, through closing quotation marks (',”')."""
    j = i - 1
    while j > 0 and parse.tokens[j].text in _CLOSE_QUOTES:
        j -= 1
    return j if j >= 0 and parse.tokens[j].text == "," else None


def _verb_as_noun(parse: Parse, token: Token) -> bool:
    """A verb the tagger took for a noun ("the campaign hopes to ...") that heads a subject and a clause."""
    kids = list(parse.children(token)) if token.pos == "NOUN" and token.dep == "ROOT" else []
    return any(k.dep == "nsubj" and k.i < token.i for k in kids) and any(
        k.dep in ("ccomp", "xcomp") and k.i > token.i for k in kids
    )


def _linear_rest(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "X said over 400 towns signed up" parsed without a clause: the words after the verb."""
    subjects = [k for k in kids if k.dep.startswith("nsubj") and k.i < verb.i]
    if not subjects:
        return set()
    sentence = parse.sentences[verb.sent]
    begin = parse.subtree(subjects[0])[0]
    if begin == sentence.first and _clause_start(parse, verb.sent) < begin:
        return set(range(_clause_start(parse, verb.sent), begin))  # split after "The pumps are safe,"
    if begin > sentence.first + 2 and parse.tokens[begin - 1].text == "," and not _opener(parse, sentence.first):
        return set(range(sentence.first, begin - 1))  # "The pumps are safe, X said in a statement."
    start = verb.i + 1
    if verb.lemma.casefold() == "tell":
        objects = [k for k in kids if k.dep in ("iobj", "obj") and k.i > verb.i]
        if objects:
            start = parse.subtree(objects[0])[1]
    words = [i for i in range(start, sentence.last) if parse.tokens[i].pos != "PUNCT"]
    return set(range(start, sentence.last)) if len(words) >= 3 else set()


def _raised(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "The mayor is expected to run again": the passive's subject and its infinitive."""
    subjects = [k for k in kids if k.dep == "nsubj:pass" and k.i < verb.i]
    infinitives = [k for k in kids if k.dep == "xcomp" and k.i > verb.i and k.pos in ("VERB", "AUX")]
    if not subjects or not infinitives:
        return set()
    return _subtree_set(parse, subjects[0]) | _subtree_set(parse, infinitives[0])


def _infinitive_after(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "urged the council to vote", "called on X to act", "called for closing it": what follows the verb.

    Read off the words, as the parse often hangs the infinitive elsewhere; "for" or "on" right
    after the verb belongs to the cue, and an infinitive must follow within a few words. A plea
    "for" something counts only when it was made ("called for", not "can ask for").
    """
    sentence = parse.sentences[verb.sent]
    start = verb.i + 1
    if start < sentence.last and parse.tokens[start].text.casefold() in ("for", "on", "upon"):
        start += 1
        if parse.tokens[start - 1].text.casefold() == "for":
            made = verb.tag in ("VBD", "VBZ", "VBP", "VBN") and not any(k.tag == "MD" for k in kids)
            return {start} if made and start < sentence.last and parse.tokens[start].pos != "PUNCT" else set()
    for k in range(start, min(start + 8, sentence.last - 1)):
        t = parse.tokens[k]
        if t.tag in ("VBD", "VBZ", "MD") or t.text in (",", ";", ":"):
            return set()
        if t.text.casefold() == "to" and parse.tokens[k + 1].tag in ("VB", "VBP"):
            return {start}
    return set()


def _clause_start(parse: Parse, sent: int) -> int:
    """First token of a sentence, or of the one before when the splitter cut after its comma."""
    sentence = parse.sentences[sent]
    if sent > 0 and parse.text[: sentence.start].rstrip().endswith(","):
        before = parse.sentences[sent - 1]
        if "\n" not in parse.text[before.end : sentence.start]:
            return before.first
    return sentence.first


def _inverted_source(parse: Parse, verb: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """ "“...,” said Mayor Ann Lowe.": the noun phrase right after the verb is who spoke."""
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
    return _source_range(parse, head) if first <= parse.subtree(head)[0] else (first, last), head


def _across_sentences(parse: Parse, verb: Token) -> set[int]:
    """Content the sentence splitter put in the sentence before or after the cue's.

    "“..., ”" then "Trump said.": the quotation before; "X, a delegate, said" cut off before
    its clause: the sentence after.
    """
    sentence = parse.sentences[verb.sent]
    rest = [t for t in parse.tokens[verb.i + 1 : sentence.last] if t.pos != "PUNCT" or t.text not in ".,:"]
    if rest:
        return set()
    ending = parse.text[sentence.start : sentence.end].rstrip()
    if verb.sent > 0:
        before = parse.sentences[verb.sent - 1]
        tail = parse.text[before.start : before.end].rstrip()
        if tail.rstrip("”\"'")[-1:] in (",", "?", "!") and tail[-1:] in "”\"'" and not parse.text[before.end : sentence.start].count("\n"):
            return set(range(before.first, before.last))
    if not ending.endswith((".", "!", "?", "”", '"')) and verb.sent + 1 < len(parse.sentences):
        after = parse.sentences[verb.sent + 1]
        if "\n" not in parse.text[sentence.end : after.start]:
            return set(range(after.first, after.last))
    return set()


def _tail(parse: Parse, verb: Token, content: set[int]) -> set[int]:
    """Content after the verb runs to the sentence's end (the parse often cuts a long one short).

    It stops at a semicolon, a dash clause, or "and"/"but" opening a clause of its own that the
    parse does not hang under the cue.
    """
    last = max(content)
    if last < verb.i:
        return set()
    sentence = parse.sentences[verb.sent]
    stops = {
        found[0]
        for t in parse.tokens[last + 1 : sentence.last]
        if t.lemma.casefold() in _CLAUSE_VERBS and (found := _trailing(parse, t, list(parse.children(t))))
    }
    extra: set[int] = set()
    for j in range(last + 1, sentence.last):
        t = parse.tokens[j]
        if t.text in (";", "—", "–") or j in stops or (t.text == "," and j + 1 < sentence.last and (
                parse.tokens[j + 1].text.casefold() in ("said", "says") or _according(parse, parse.tokens[j + 1]))):
            break
        if t.dep == "cc" and t.head > j and t.head not in content:
            head = parse.tokens[t.head]
            if any(k.dep.startswith("nsubj") for k in parse.children(head)) and head.i != verb.i:
                break
        if t.dep.startswith("nsubj") and t.head not in content and t.head > last and t.head != verb.i:
            break  # ", she said" after the content: the cue's own source
        if t.i == verb.i or (parse.tokens[t.head].i == verb.i and t.dep.startswith("nsubj")):
            break
        extra.add(j)
    return extra


def _passive(kids: Iterable[Token]) -> bool:
    """Whether the verb is passive: a "be" auxiliary, not only a subject the parse calls passive ("X have called")."""
    kids = list(kids)
    return any(k.dep == "aux:pass" for k in kids) or (
        any(k.dep == "nsubj:pass" for k in kids) and not any(k.dep == "aux" and k.lemma.casefold() == "have" for k in kids))


def _by_agent(parse: Parse, token: Token) -> bool:
    return token.dep == "obl" and any(c.dep == "case" and c.text.casefold() == "by" for c in parse.children(token))


def _source_of(parse: Parse, verb: Token, kids: Sequence[Token]) -> tuple[tuple[int, int] | None, Token | None]:
    """The token range naming who speaks, and its head token: subject, agent, or inherited."""
    # of two subjects ("“Every step we take ...,” a spokesman said"), the one next to the verb speaks
    kids = sorted(kids, key=lambda k: -k.i if k.dep == "nsubj" and k.i < verb.i else len(parse.tokens))
    for kid in kids:
        if kid.dep == "nsubj" and kid.pos in ("VERB", "AUX") and kid.i < verb.i:
            # "X, who chairs it, said": the parse took the relative clause for the subject
            first = _clause_start(parse, verb.sent)
            names = [t for t in parse.tokens[first : kid.i] if (t.pos in ("PROPN", "NOUN", "PRON")
                     and not first <= t.head < kid.i) or t.head == t.i]
            if names and verb.i - first <= 25:
                return _trim_range(parse, first, kid.i), names[0]
        if kid.dep in ("nsubj", "nsubj:pass", "obl:agent") or _by_agent(parse, kid):
            if kid.dep == "nsubj" and kid.text.casefold() in ("it", "there") and kid.dep == "expl":
                return None, None
            return _source_range(parse, kid), kid
        if kid.dep == "expl":
            return None, None
    head = parse.tokens[verb.head]
    if (verb.dep in ("conj", "xcomp") or (verb.dep == "advcl" and verb.tag == "VBG")) and head.i != verb.i and head.pos in ("VERB", "AUX", "NOUN", "ADJ"):
        # "X announced ... and said ...", "X wants to say ...": the first verb's subject
        return _source_of(parse, head, list(parse.children(head)))
    if verb.dep == "acl:relcl" and head.i != verb.i:
        return (head.i, head.i + 1), head
    return None, None


def _agent(parse: Parse, kids: Sequence[Token]) -> tuple[tuple[int, int] | None, Token | None]:
    """The "by X" of a passive cue, if given."""
    for kid in kids:
        if kid.dep == "obl:agent" or _by_agent(parse, kid):
            return _source_range(parse, kid), kid
    return None, None


def _source_range(parse: Parse, head: Token) -> tuple[int, int]:
    """The source's words: the subject's subtree, without a relative clause after a comma."""
    first, last = parse.subtree(head)
    for kid in parse.children(head):
        if kid.dep in ("acl:relcl", "appos", "acl") and kid.i > head.i:
            cut = kid.i
            while cut > head.i and parse.tokens[cut - 1].pos == "PUNCT":
                cut -= 1
            before = [t for t in range(head.i + 1, kid.i) if parse.tokens[t].text == ","]
            if kid.dep == "acl:relcl" or before:
                last = min(last, max(cut, head.i + 1))
    relative = [i for i in range(head.i + 1, last - 1)
                if parse.tokens[i].text == "," and parse.tokens[i + 1].text.casefold() in _RELATIVE]
    if relative:  # ", who runs the ferry" however the parse hung it
        last = relative[0]
    if head.dep == "obl:agent" or _by_agent(parse, head):
        first = max(first, min((c.i + 1 for c in parse.children(head) if c.dep == "case"), default=first))
    # a quotation the parse hung on the speaker ("“...,” Mayor X said") is what was said, not who
    closing = [i for i in range(first, head.i) if parse.tokens[i].text in _CLOSE_QUOTES]
    if closing:
        first = closing[-1] + 1
    while first < head.i and (parse.tokens[first].pos in ("PUNCT", "CCONJ", "SCONJ") or parse.tokens[first].dep == "mark"):
        first += 1  # ", and a number of experts have called", "that emails show": these join clauses
    return first, last


def _cue_range(parse: Parse, verb: Token, kids: Sequence[Token]) -> tuple[int, int]:
    """The verb with its auxiliaries, negation and particles right before or after it."""
    first = verb.i
    for kid in sorted(kids, key=lambda k: -k.i):
        if (kid.i == first - 1 and kid.dep in ("aux", "aux:pass", "advmod", "neg") and kid.pos != "PUNCT") or (kid.i == first - 1 and kid.text.casefold() in ("not", "n't", "never")):
            first = kid.i
    last = verb.i + 1
    for kid in kids:
        if kid.i == last and kid.dep == "compound:prt":
            last += 1
    return first, last


# Phrases that credit what the clause says to the noun phrase after them.
_ACCORDING = (("according", "to"), ("as", "reported", "by"), ("as", "first", "reported", "by"))
_ACCORDING_FIRST = frozenset(p[0] for p in _ACCORDING)


def _according(parse: Parse, token: Token) -> _Found | None:
    """ "According to X, ..." and "..., according to X" (or "as reported by X"): the rest of the clause is X's.

    Read off the words rather than the tree, which often hangs the phrase in odd places.
    """
    if token.text.casefold() not in _ACCORDING_FIRST:
        return None
    sentence = parse.sentences[token.sent]
    phrase = next(
        (p for p in _ACCORDING
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
    source = _trim_range(parse, to.i + 1, last)
    if source[1] <= source[0]:
        return None
    first_word = token.i
    while first_word > sentence.first and parse.tokens[first_word - 1].pos == "PUNCT" and parse.tokens[first_word - 1].text in "(,":
        first_word -= 1
    if first_word == sentence.first:  # "According to X, content."
        content = set(range(last, sentence.last))
    else:  # "content, according to X (, who ...)."
        content = set(range(sentence.first, first_word))
        if last < sentence.last and parse.tokens[last].text == "," and _clause_after(parse, last, sentence.last):
            content |= set(range(last, sentence.last))
    heads = [parse.tokens[i] for i in range(*source) if not source[0] <= parse.tokens[i].head < source[1]]
    who = heads[0] if heads else parse.tokens[source[1] - 1]
    cut = _source_range(parse, who)
    if source[0] <= cut[0] and cut[1] < source[1]:
        source = (source[0], max(cut[1], who.i + 1))
    return _Found(cue=(token.i, to.i + 1), content=content, source=source, verb="according to", who=who)


def _clause_after(parse: Parse, first: int, last: int) -> bool:
    """Whether the words after a comma make a clause of the content (not "who ..." about the source)."""
    nxt = parse.tokens[first + 1] if first + 1 < last else None
    return nxt is not None and nxt.text.casefold() not in _RELATIVE and any(
        parse.tokens[i].dep.startswith("nsubj") for i in range(first + 1, last)
    ) and nxt.dep not in ("appos",)


def _trim_range(parse: Parse, first: int, last: int) -> tuple[int, int]:
    while first < last and parse.tokens[first].pos == "PUNCT":
        first += 1
    while last > first and parse.tokens[last - 1].pos == "PUNCT":
        last -= 1
    return first, last


def _subtree_set(parse: Parse, token: Token) -> set[int]:
    first, last = parse.subtree(token)
    return set(range(first, last))


def _quoted(parse: Parse, token: Token) -> bool:
    first, last = parse.subtree(token)
    return any(parse.tokens[i].text in _QUOTES for i in range(max(0, first - 1), min(len(parse.tokens), last + 1)))


def _has_quote(parse: Parse, content: set[int]) -> bool:
    return any(parse.tokens[i].text in _QUOTES for i in content)


def _content_tokens(parse: Parse, found: _Found) -> list[tuple[int, int]]:
    """The content as runs of token indices (first, last exclusive), trimmed of edge punctuation."""
    found.content -= set(range(*found.cue))
    runs: list[tuple[int, int]] = []
    for i in sorted(found.content):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    trimmed = []
    for first, last in runs:
        while first < last and (parse.tokens[first].pos == "PUNCT" or
                                (parse.tokens[first].dep == "mark" and parse.tokens[first].text.casefold() == "that")
                                or parse.tokens[first].dep == "cc"):
            first += 1
        while last > first and parse.tokens[last - 1].pos == "PUNCT":
            last -= 1
        if last > first:
            trimmed.append((first, last))
    return trimmed


# ---------------------------------------------------------------------------------------------
# Quotations running past the sentence


@functools.lru_cache(maxsize=8)
def _quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words inside each quotation, across sentences and paragraphs.

    A paragraph that ends inside a quotation continues it when the next paragraph opens with a
    quotation mark (the news convention); straight quotes alternate open and close.
    """
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for match in re.finditer(r"[\"“”«»]|''|\n\s*\n", text):
        char = match.group()
        if char.strip() == "":
            if opened is not None:
                after = text[match.end() : match.end() + 2]
                if after[:1] not in _OPEN_QUOTES and after not in _OPEN_QUOTES:
                    regions.append((opened, match.start()))
                    opened = None
            continue
        if opened is None and char in _OPEN_QUOTES:
            opened = match.end()
        elif opened is not None and char in _CLOSE_QUOTES:
            if match.start() > opened:
                regions.append((opened, match.start()))
            opened = None
        elif opened is not None and char == "“" and text[opened:match.start()].strip() == "":
            opened = match.end()
    return tuple(regions)


def _inside(offset: int, regions: Sequence[tuple[int, int]]) -> bool:
    return _region_at(offset, regions) is not None


def _region_at(offset: int, regions: Sequence[tuple[int, int]]) -> int | None:
    """The index of the region (sorted, not overlapping) holding ``offset``, if any."""
    k = bisect.bisect_right(regions, (offset, 10**15)) - 1
    return k if k >= 0 and regions[k][0] <= offset < regions[k][1] else None


@functools.lru_cache(maxsize=8)
def _region_ends(regions: tuple[tuple[int, int], ...]) -> list[int]:
    return [e for _, e in regions]


def _overlapping(regions: Sequence[tuple[int, int]], ends: list[int], a: int, b: int) -> Iterator[tuple[int, int]]:
    """The regions (sorted, not overlapping) that share a character with a:b."""
    for k in range(bisect.bisect_right(ends, a), len(regions)):
        if regions[k][0] >= b:
            break
        yield regions[k]


def _extend_quotes(parse: Parse, found: list[_Found]) -> None:
    """Quoted content runs to the quotation's end; a cue-less quotation right after continues it."""
    text = parse.text
    regions = _quote_regions(text)
    if not regions:
        return
    # a cue inside a quotation is the speaker's own words and does not stop it continuing
    cue_starts = sorted(s for f in found if not _inside(s := parse.tokens[f.cue[0]].start, regions))
    claimed: set[int] = set()
    # A cue inside a quotation reports within someone's quoted words: the quotation is that
    # someone's claim when a cue outside it gives one (those go first), else the inner one's.
    within = [_region_at(parse.tokens[f.cue[0]].start, regions) for f in found]
    for f, region in sorted(zip(found, within, strict=True), key=lambda pair: pair[1] is not None):
        runs = _content_tokens(parse, f)
        if not runs or region in claimed:
            continue
        c_start = parse.tokens[runs[0][0]].start
        c_end = parse.tokens[runs[-1][1] - 1].end
        touched = []
        for k in range(bisect.bisect_right(_region_ends(regions), c_start), len(regions)):
            if regions[k][0] >= c_end:
                break
            touched.append(k)
        if not touched:
            continue
        last = max(touched)
        for k in touched:
            a, b = regions[k]
            if k not in claimed and (a < c_start or b > c_end):
                f.extra.append((a, b))
            claimed.add(k)
        # the next quotations with no cue of their own continue the content
        end = max(regions[last][1], parse.tokens[f.cue[1] - 1].end,
                  parse.tokens[f.source[1] - 1].end if f.source else 0)
        # "“A,” X said. “B.”" may be one sentence of the parse: B follows with only punctuation between
        adjacent = end
        end = max(end, _sentence_end(parse, end))
        for k in range(last + 1, len(regions)):
            a, b = regions[k]
            joined = adjacent <= a and not text[adjacent:a].strip(" .\"'“”")
            gap = text[end:a]
            if k in claimed or any(min(end, adjacent) <= s < b for s in cue_starts):
                break
            if not joined and (len(gap) > 4 or gap.count("\n") > 2 or not _whole_sentences(parse, a, b)):
                break
            f.extra.append((a, b))
            claimed.add(k)
            end = adjacent = b


def _sentence_end(parse: Parse, offset: int) -> int:
    sentence = parse.sentence_of(max(0, offset - 1))
    return sentence.end if sentence is not None else offset


def _whole_sentences(parse: Parse, start: int, end: int) -> bool:
    """Whether text[start:end] is whole sentences (a quotation standing alone)."""
    first = parse.sentence_of(start)
    last = parse.sentence_of(max(start, end - 1))
    return first is not None and last is not None and first.start >= start - 2 and last.end <= end + 3


# ---------------------------------------------------------------------------------------------
# Claims


def _to_claims(doc: Document, entities: Sequence[Entity], parse: Parse, found: Sequence[_Found]) -> list[Claim]:
    text = doc.text
    claims: list[Claim] = []
    for f in found:
        parts = [(parse.tokens[a].start, parse.tokens[b - 1].end) for a, b in _content_tokens(parse, f)]
        parts = _merge(parts + [_strip(text, a, b) for a, b in f.extra])
        parts = [p for p in parts if p[1] - p[0] >= 2]
        if not parts:
            continue
        span = Span.at(doc, parts[0][0], parts[-1][1])
        cue = Span.at(doc, parse.tokens[f.cue[0]].start, parse.tokens[f.cue[1] - 1].end)
        source = None
        if f.source and f.source[1] > f.source[0]:
            source = Span.at(doc, parse.tokens[f.source[0]].start, parse.tokens[f.source[1] - 1].end)
        claimant, name, unnamed = _claimant(parse, entities, f, source)
        content = tuple(Span.at(doc, a, b) for a, b in parts)
        words = " … ".join(" ".join(text[a:b].split()) for a, b in parts)
        quote = _quote_text(text, parts)
        claims.append(
            Claim(
                id=record_id("clm", doc.id, span.start, span.end, cue.start),
                text=words,
                document=doc.id,
                span=span,
                claimant=claimant,
                claimant_name=name,
                quote=quote,
                verb=" ".join(cue.exact.split()).casefold() if f.verb == "according to" else f.verb.casefold(),
                reported=doc.published,
                about=_about(entities, parts, claimant),
                extractor=f"claims@{VERSION}",
                cue=cue,
                content=content,
                source=source,
                unnamed=unnamed,
            )
        )
    return claims


def _nest(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """A claim whose cue lies inside another's content is reported by that one: its parent."""
    parts = sorted((p.start, p.end, n) for n, c in enumerate(claims) for p in c.content)
    starts = [p[0] for p in parts]
    longest = max((e - s for s, e, _ in parts), default=0)
    out = []
    for claim in claims:
        cue = claim.cue
        outer: dict[int, Claim] = {}
        if cue is not None:
            for k in range(bisect.bisect_left(starts, cue.start - longest), bisect.bisect_right(starts, cue.start)):
                s_, e_, n = parts[k]
                if s_ <= cue.start and cue.end <= e_ and claims[n] is not claim:
                    outer[n] = claims[n]
        if outer:
            parent = min((outer[n] for n in sorted(outer)), key=lambda c: c.span.end - c.span.start)
            claim = replace(claim, parent=parent.id)
        out.append(claim)
    return tuple(out)


def _merge(parts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(parts):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _quote_text(text: str, parts: Sequence[tuple[int, int]]) -> str | None:
    """The words inside quotation marks in the content, if any."""
    inside: list[str] = []
    regions = _quote_regions(text)
    ends = _region_ends(regions)
    for a, b in parts:
        for s, e in _overlapping(regions, ends, a, b):
            lo, hi = max(a, s), min(b, e)
            if lo < hi and (hi - lo) >= 2:
                piece = " ".join(text[lo:hi].split()).strip(" ,")
                if piece:
                    inside.append(piece)
    return " … ".join(inside) if inside else None


def _about(entities: Sequence[Entity], parts: Sequence[tuple[int, int]], claimant: str | None) -> tuple[str, ...]:
    """The people, organizations and products named in the content, in the entities' order."""
    index = mention_index(entities)
    named = {n: e for a, b in parts for _, _, (n, e) in index.inside(a, b)}
    return tuple(
        dict.fromkeys(
            named[n].id for n in sorted(named)
            if named[n].id != claimant and named[n].kind in ("person", "organization", "product")
        )
    )


def _claimant(
    parse: Parse, entities: Sequence[Entity], found: _Found, source: Span | None
) -> tuple[str | None, str | None, bool]:
    """(entity id, name, unnamed) of who the source words name."""
    if source is None or found.who is None:
        return None, None, False
    text = parse.text
    who = found.who
    # the maker of an artifact speaks through it: "Acme's statement says"
    if who.lemma.casefold() in _ARTIFACTS:
        makers = [k for k in parse.children(who) if k.dep == "nmod:poss"]
        if makers:
            who = makers[0]
    if who.text.casefold() in _RELATIVE and who.i >= 2 and parse.tokens[who.i - 1].text == ",":
        # "Luis Ortega, who chairs it, said": the name before the relative pronoun
        before = parse.entity_at(parse.tokens[who.i - 2])
        if before is not None:
            entity = entity_in(before.start, before.end, entities)
            said = text[before.start : before.end]
            return (entity.id if entity else None), said, False
    head_start, head_end = _head_phrase(parse, who, source)
    name = " ".join(text[head_start:head_end].split()).strip(" ,;:") or None
    entity = entity_in(head_start, head_end, entities)
    if entity is None:
        referred = antecedent(parse, entities, who)
        if referred is not None:
            entity, said = referred
            if who.text.casefold() in _PERSONAL or who.text.casefold() in _RELATIVE or who.pos == "PRON":
                name = said
    elif who.pos == "PRON" or who.text.casefold() in _RELATIVE:
        name = entity.name
    if entity is None and who.text.casefold() in _RELATIVE and found.who is not None:
        return None, name, False
    if entity is None and who.pos == "PRON":
        return None, name, False
    unnamed = entity is None and who.pos in ("NOUN", "NUM", "ADJ", "DET")
    return (entity.id if entity else None), name, unnamed


def _head_phrase(parse: Parse, who: Token, source: Span) -> tuple[int, int]:
    """Offsets of the source's naming words: up to its first comma or dash after the head."""
    first, last = parse.subtree(who)
    named = parse.entity_at(who)
    if named is not None:
        first, last = min(first, named.first), max(last, named.last)
    start = max(parse.tokens[first].start, source.start) if who.i >= 0 else source.start
    if not (source.start <= parse.tokens[who.i].start < source.end):
        start = parse.tokens[first].start
    end = parse.tokens[last - 1].end
    if source.start <= parse.tokens[who.i].start < source.end:
        end = min(end, source.end)
    for i in range(who.i + 1, last):
        t = parse.tokens[i]
        if t.text in (",", "—", "–", "(", "-") or t.dep == "acl:relcl":
            end = parse.tokens[i - 1].end
            break
    tokens = parse.tokens_in(start, end)
    while tokens and tokens[0].pos == "PUNCT":
        start = tokens[1].start if len(tokens) > 1 else end
        tokens = tokens[1:]
    return start, max(start, end)
