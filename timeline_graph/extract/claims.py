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

The cues are read off the dependency parse (:mod:`.claim_verbs` for verbs,
:mod:`.claim_according` for "according to" and "in the poll", :mod:`.claim_sources` for who speaks,
:mod:`.claim_nouns` for "her claim that ...", :mod:`.claim_phrases` for "made clear that ...", :mod:`.claim_impressions` for "X seems Y" and "X is confident that", :mod:`.claim_passives` for "X is considered Y", :mod:`.claim_states` for "X is willing to" and "critics consider him Y", :mod:`.claim_headlines` for "X Says Y", :mod:`.claim_questions` for "Asked whether ...", :mod:`.claim_quotes` for how a quotation is set
beside its speaker, :mod:`.claim_regions` for quotations running past their sentence, :mod:`.claim_unlinked` for "X concedes that ..." whose clause the parse hung elsewhere; :mod:`.claim_parse` mends the parse first). A sentence in which the parse gives no claim is read
again by the word patterns of :mod:`timeline_graph.extract.claim_patterns`.

>>> from timeline_graph.model import Document
>>> doc = Document.create(sha256="c" * 64, text='"We are ready," Mayor Ann Lowe said.', source="x")
>>> [(c.claimant_name, c.quote, c.verb) for c in find_claims(doc, ())]
[('Mayor Ann Lowe', 'We are ready', 'said')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from .. import nlp
from ..model import Claim, Document, Entity, Span, record_id
from ..nlp import Parse, Token
from .claim_according import according_cue, finding_cue, view_cue
from .claim_filters import attributes_nothing
from .claim_headlines import headline_cues
from .claim_impressions import impression_cue
from .claim_nouns import noun_cues
from .claim_parse import mended
from .claim_patterns import (
    Pattern,
    Speakers,
    anaphor,
    antecedent,
    entity_in,
    find_patterns,
    mention_index,
)
from .claim_phrases import phrase_cue
from .claim_questions import question_put
from .claim_quotes import QuoteCue, colon_cues, quote_cues
from .claim_regions import (
    extend_quotes,
    inside_quotes,
    merge_parts,
    quote_regions,
    quote_text,
    region_at,
    strip_edges,
)
from .claim_sources import noun_phrase_start, thing_it_stands_for
from .claim_states import intention_cue, wish_of_yours
from .claim_titles import without_titles
from .claim_unlinked import quotation_cue, that_clause_cue
from .claim_verbs import as_reported, cue_range, reporting_aside, verb_cue
from .claim_words import (
    ARTIFACTS,
    FIRST_PERSON,
    PERSONAL,
    RELATIVE,
    SPEECH_VERBS,
    TIME_WORDS,
    Found,
    content_tokens,
    lemma_in,
)
from .text import Intervals

__all__ = ["VERSION", "find_claims"]

VERSION = "claims-1.5.85"

_QUOTED_SPEAKER_REACH = 500  # characters between a speaker's claim and the quotation after it
_SPEAKER_REACH = 1500  # characters: how far back "he said" looks for the person who spoke


def find_claims(doc: Document, entities: Sequence[Entity], parse: Parse | None = None) -> tuple[Claim, ...]:
    """Every attribution of one document, with its claimant resolved where the case allows."""
    parse = mended(parse if parse is not None else nlp.parse(doc.text))
    found: list[Found] = []
    for sentence in parse.sentences:
        for i in range(sentence.first, sentence.last):
            token = parse.tokens[i]
            # a stance adjective first: "were worried that ..." is the subject's worry, not a passive
            attribution = (impression_cue(parse, token) or intention_cue(parse, token) or question_put(parse, token)
                           or verb_cue(parse, token)
                           or that_clause_cue(parse, token) or quotation_cue(parse, token) or according_cue(parse, token)
                           or phrase_cue(parse, token) or finding_cue(parse, token) or view_cue(parse, token)
                           or reporting_aside(parse, token) or as_reported(parse, token))
            if attribution is not None and content_tokens(parse, attribution):
                found.append(attribution)
    # "you know", "have you noticed": talk, not a source (dropped before the quotations are
    # read, so that their words are free for the speaker beside them)
    # ("if you want to see it", "you would want the hardest test": a wish of the reader's stays)
    found = [f for f in found if f.who is None or f.who.text.casefold() != "you" or wish_of_yours(parse, f.cue)]
    found = _headlines(parse, found)
    regions = without_titles(parse, quote_regions(parse.text))
    _set_quotes(parse, found, quote_cues(parse, regions))
    _set_speaker_lines(parse, found, colon_cues(parse))
    _add_noun_cues(parse, found, noun_cues(parse))
    extend_quotes(parse, found)
    claims = _to_claims(doc, entities, parse, found)
    # a question put to the speaker ("Asked whether ..., X said ...") leaves the answer in its
    # sentence still to be read by the patterns
    claims += _fallback(doc, entities, parse, [c for c in claims if c.cue and not inside_quotes(c.cue.start, regions)
                                               and not (c.source is None and (c.verb or "").casefold() == "asked")])
    claims = [c for c in claims if not _plural_states(parse, c.cue) and not _knows_someone(parse, c)
              and not attributes_nothing(parse, c)]
    nested = _pronoun_speakers(_nest(_anaphors(sorted(claims, key=lambda c: (c.cue or c.span).start), entities)), entities, parse)
    nested = _quoted_first_person(nested, regions)
    # Inside a quotation that is someone's claim, "I think", "we want" or "they told me" are
    # the speaker's own words, kept in that claim's content rather than made claims of their
    # own (on PolNeAR's tuning part fewer than half of them matched an annotated attribution);
    # so is a wish or belief told within someone's words ("X said Y wants to ..."): only a
    # report of speech ("X said Y told him ...") is a claim within a claim.
    # A transcript's line is no quotation: what its speaker thinks or wants is annotated as said
    # ("Q: ...", "LOWE: I think ...").
    lines = {c.id for c in nested if c.verb == ":"}
    return tuple(c for c in nested if not (c.parent is not None and c.cue is not None and (
        inside_quotes(c.cue.start, regions) or (c.parent not in lines and not _speech_cue(parse, c.cue)))))


def _headlines(parse: Parse, found: list[Found]) -> list[Found]:
    """ "Mayor Says Bridge Will Reopen": a headline's attribution, read off its words, in place of what the parse made of it."""
    for h in headline_cues(parse):
        cue = parse.tokens_in(*h.cue)
        source = parse.tokens_in(*h.source)
        content = parse.tokens_in(*h.content)
        if not cue or not source or not content:
            continue
        lo, hi = min(h.source[0], h.content[0]), max(h.source[1], h.content[1])
        found = [f for f in found if not lo <= parse.tokens[f.cue[0]].start < hi]
        names = [t for t in source if t.pos in ("PROPN", "NOUN")]
        found.append(Found(cue=(cue[0].i, cue[-1].i + 1), content={t.i for t in content},
                           source=(source[0].i, source[-1].i + 1), verb=cue[0].text, who=(names or source)[-1]))
    return found


def _speech_cue(parse: Parse, cue: Span) -> bool:
    """Whether a cue reports something said or written ("told", "wrote", "according to"), not a wish or belief."""
    words = [t for t in parse.tokens_in(cue.start, cue.end) if t.pos in ("VERB", "NOUN", "ADP", "PUNCT")]
    # (the lemmatizer makes "according" "accord": the word itself is read)
    return not words or lemma_in(words[-1], SPEECH_VERBS) in SPEECH_VERBS or words[0].text.casefold() == "according"


def _set_quotes(parse: Parse, found: list[Found], cues: Sequence[QuoteCue]) -> None:
    """Quotations whose speaker stands beside them: the verb's content, or a claim of their own.

    The quotation marks are surer than the tree: a cue verb the parse gave other content
    ("“...,” X said when asked") takes the quotation instead.
    """
    by_cue = {i: f for f in found for i in range(*f.cue)}
    taken = {i for f in found for i in f.content}
    # the attributions by where their cue starts, kept sorted as quotations add theirs (a scan
    # of every attribution for each quotation made a long document's claims quadratic)
    starts = sorted((parse.tokens[f.cue[0]].start, n) for n, f in enumerate(found))
    for q in cues:
        content = {t.i for t in parse.tokens_in(*q.content)}
        if not content:
            continue
        f = by_cue.get(q.cue)
        # what a cue inside the quotation holds ("“I hope ...” Lowe said.") is the speaker's words, not another's claim
        held = starts[bisect.bisect_left(starts, (q.content[0], -1)):bisect.bisect_left(starts, (q.content[1], -1))]
        inner = {i for _, n in held for i in found[n].content}
        if f is not None and not content & f.content:
            f.content = content
            if f.source is None or set(range(*f.source)) & content:
                f.source, f.who = q.source, q.who
        elif f is None and len((content & taken) - inner) * 2 < len(content):
            cue = parse.tokens[q.cue]
            found.append(Found(cue=cue_range(parse, cue, list(parse.children(cue))), content=content,
                                source=q.source, verb=cue.text, who=q.who))
            bisect.insort(starts, (parse.tokens[found[-1].cue[0]].start, len(found) - 1))
        taken |= content


def _add_noun_cues(parse: Parse, found: list[Found], cues: Sequence[QuoteCue]) -> None:
    """ "her claim that ...": a claim unless a verb's attribution already holds most of its words.

    A verb whose content is only the noun ("expressed concern that ...", the clause hung
    elsewhere) gives way to it: the noun's clause is what was said.
    """
    holding = _holding(found)
    dropped: set[int] = set()
    for q in cues:
        noun = parse.tokens[q.cue]
        phrase = set(range(parse.subtree(noun)[0], noun.i + 1))
        dropped.update(id(f) for f in holding.get(noun.i, ()) if f.content <= phrase and len(range(*f.cue)) == 1)
    if dropped:
        found[:] = [f for f in found if id(f) not in dropped]
    taken = {i for f in found for i in f.content}
    for q in cues:
        content = {t.i for t in parse.tokens_in(*q.content)}
        if content and len(content & taken) * 2 < len(content):
            found.append(Found(cue=(q.cue, q.cue + 1), content=content, source=q.source,
                                verb=parse.tokens[q.cue].text, who=q.who))
            taken |= content


def _set_speaker_lines(parse: Parse, found: list[Found], cues: Sequence[QuoteCue]) -> None:
    """ "LOWE: I think ...": the line is Lowe's claim, and the label is no one's content."""
    holding = _holding(found) if cues else {}
    for q in cues:
        label = range(q.source[0], q.cue + 1) if q.source else (q.cue,)
        for i in label:
            for f in holding.get(i, ()):
                f.content.discard(i)
        content = {t.i for t in parse.tokens_in(*q.content)}
        if content:
            found.append(Found(cue=(q.cue, q.cue + 1), content=content, source=q.source, verb=":", who=q.who))
            for i in content:
                holding.setdefault(i, []).append(found[-1])


def _holding(found: Sequence[Found]) -> dict[int, list[Found]]:
    """Token -> the attributions whose content holds it: what a token concerns, found without
    going through every attribution of the document."""
    holding: dict[int, list[Found]] = {}
    for f in found:
        for i in f.content:
            holding.setdefault(i, []).append(f)
    return holding


def _anaphors(claims: Sequence[Claim], entities: Sequence[Entity]) -> list[Claim]:
    """ "the spokesman added" is the spokesman who spoke before; "the company said" the company last named."""
    out: list[Claim] = []
    said: dict[str, Speakers] = {}  # per document, in text order
    for claim in claims:
        earlier = said.setdefault(claim.document, Speakers())
        if claim.claimant is None and claim.claimant_name:
            found = anaphor(claim.claimant_name, claim.passage[0], earlier, entities)
            if found:
                claim = replace(claim, claimant=found, unnamed=False)
        out.append(claim)
        earlier.add(claim.claimant_name, claim.claimant)
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
        if claim.claimant is None and word in FIRST_PERSON and parent is not None and parent.claimant_name:
            claim = replace(claim, claimant=parent.claimant, claimant_name=parent.claimant_name)
        elif claim.claimant is None and word in ("he", "she") and k >= 0 and at - starts[k] < _SPEAKER_REACH:
            claim = replace(claim, claimant=subjects[k][1].id, claimant_name=subjects[k][1].name)
        out.append(claim)
    return tuple(out)


def _quoted_first_person(claims: Sequence[Claim], regions: Sequence[tuple[int, int]]) -> tuple[Claim, ...]:
    """ "I think ..." inside a quotation that no claim of the parse holds is the quoted speaker's:
    the one named as speaking just before it ("Lowe added: “I think ...”", "... said Ann Lowe.
    “The levy, I think, will pass.”").

    The speaker is that of the last claim before the quotation, outside any quotation, with a
    named claimant, whose words end no more than a paragraph before the quotation opens.
    """
    out: list[Claim] = []
    for claim in claims:
        word = (claim.claimant_name or "").casefold()
        k = region_at(claim.cue.start, regions) if claim.cue is not None else None
        if claim.claimant is None and word in FIRST_PERSON and claim.parent is None and k is not None:
            opens = regions[k][0]
            before = [c for c in out if c.claimant_name and c.claimant_name.casefold() not in PERSONAL
                      and c.cue is not None and c.cue.end <= opens and not inside_quotes(c.cue.start, regions)
                      and opens - max(c.passage[1], c.cue.end) < _QUOTED_SPEAKER_REACH]
            if before:
                claim = replace(claim, claimant=before[-1].claimant, claimant_name=before[-1].claimant_name)
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
        for p in find_patterns(_typewriter_quotes(doc.text), entities, parse)
        if not taken.overlaps(p.sentence[0], p.sentence[1]) and not _noun_in_clause(parse, p.cue)
        and not _no_content(parse, [p.content])
    ]


def _typewriter_quotes(text: str) -> str:
    """The text with each quotation mark typed as two apostrophes or two backquotes (''so'', ``so'')
    written as one straight mark and a space, every offset kept: the word patterns know only marks
    of one character."""
    return _TYPEWRITER_QUOTE.sub('" ', text)


_TYPEWRITER_QUOTE = re.compile(r"''|``")


def _plural_states(parse: Parse, cue: Span | None) -> bool:
    """Whether the cue "states" is the plural noun ("two states", "swing states that vote",
    "states where he leads", "the way states pick delegates"), which the parse often tags as the
    verb; "the report states that ..." and "it states" stay cues."""
    token = parse.token_at(cue.end - 1) if cue is not None else None
    if token is None or token.text != "states":
        return False
    before = parse.tokens[token.i - 1] if token.i > 0 else None
    after = parse.tokens[token.i + 1 : token.i + 3]
    if before is not None and (before.pos in ("DET", "NUM", "ADJ", "ADP", "CCONJ") or before.text.casefold() in ("which", "many")):
        return True
    if after and (after[0].pos in ("VERB", "AUX") or after[0].text.casefold() == "where"):
        return True
    return len(after) == 2 and after[0].text.casefold() in ("that", "which", "who") and after[1].pos in ("VERB", "AUX")


def _knows_someone(parse: Parse, claim: Claim) -> bool:
    """ "I know Ann Lowe personally", "voters who know the senator": knowing a person or thing,
    not a belief; what is known is a clause ("know that ...", "know how ...")."""
    if claim.cue is None or not (claim.verb or "?").casefold().split()[-1].startswith(("know", "knew")):
        return False
    tokens = [t for t in parse.tokens_in(claim.span.start, claim.span.end) if t.pos not in ("PUNCT", "SPACE")]
    return bool(tokens) and tokens[0].pos == "PROPN" and not any(t.pos in ("VERB", "AUX") for t in tokens)


def _noun_in_clause(parse: Parse, cue: tuple[int, int] | None) -> bool:
    """Whether the parse reads a pattern's cue word as a plural noun a clause describes ("the states that voted"), not a verb."""
    token = parse.token_at(cue[0]) if cue is not None else None
    return token is not None and token.tag == "NNS" and token.dep != "ROOT" and any(
        k.dep == "acl:relcl" for k in parse.children(token))


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


def _to_claims(doc: Document, entities: Sequence[Entity], parse: Parse, found: Sequence[Found]) -> list[Claim]:
    text = doc.text
    claims: list[Claim] = []
    for f in found:
        parts = [(parse.tokens[a].start, parse.tokens[b - 1].end) for a, b in content_tokens(parse, f)]
        parts = merge_parts(parts + [strip_edges(text, a, b) for a, b in f.extra])
        parts = [p for p in parts if p[1] - p[0] >= 2]
        if not parts or _no_content(parse, parts):
            continue
        span = Span.at(doc, parts[0][0], parts[-1][1])
        cue = Span.at(doc, parse.tokens[f.cue[0]].start, parse.tokens[f.cue[1] - 1].end)
        source = None
        if f.source and f.source[1] > f.source[0]:
            source = Span.at(doc, parse.tokens[f.source[0]].start, parse.tokens[f.source[1] - 1].end)
        claimant, name, unnamed = claimant_of(parse, entities, f, source)
        content = tuple(Span.at(doc, a, b) for a, b in parts)
        words = " … ".join(" ".join(text[a:b].split()) for a, b in parts)
        quote = quote_text(text, parts)
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


# Parts of speech that say nothing on their own: a content of one such word ("promised to",
# "argued that") is what the parse left of a clause it hung elsewhere.
_EMPTY_POS = frozenset(["ADP", "PART", "SCONJ", "AUX", "DET", "CCONJ", "PUNCT", "ADV"])


def _no_content(parse: Parse, parts: Sequence[tuple[int, int]]) -> bool:
    """Whether a content is one word that says nothing: a function word, an adverb, or a time ("said Friday")."""
    tokens = [t for a, b in parts for t in parse.tokens_in(a, b)]
    if len(tokens) != 1:
        return False
    token = tokens[0]
    named = parse.entity_at(token)
    return ((token.pos in _EMPTY_POS and token.text.casefold() != "so") or token.lemma.casefold() in TIME_WORDS
            or (named is not None and named.label in ("DATE", "TIME")))


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


def claimant_of(
    parse: Parse, entities: Sequence[Entity], found: Found, source: Span | None
) -> tuple[str | None, str | None, bool]:
    """(entity id, name, unnamed) of who the source words name."""
    if source is None or found.who is None:
        return None, None, False
    text = parse.text
    who = found.who
    # the maker of an artifact speaks through it: "Acme's statement says"
    if who.lemma.casefold() in ARTIFACTS:
        makers = [k for k in parse.children(who) if k.dep == "nmod:poss"]
        if not makers and who.dep == "obj":
            # "Lowe issued a statement saying ...": who issued it speaks through it (the
            # guidelines' sentient source, the artifact part of the act)
            makers = [k for k in parse.children(parse.tokens[who.head]) if k.dep == "nsubj" and k.pos in ("PROPN", "NOUN", "PRON")]
        if makers:
            who = makers[0]
    if who.text.casefold() in RELATIVE and who.i >= 2 and parse.tokens[who.i - 1].text == ",":
        # "Luis Ortega, who chairs it, said": the name before the relative pronoun
        before = parse.entity_at(parse.tokens[who.i - 2])
        if before is not None:
            entity = entity_in(before.start, before.end, entities)
            said = text[before.start : before.end]
            return (entity.id if entity else None), said, False
        noun = last = parse.tokens[who.i - 2]
        while noun.dep in ("nmod", "compound", "flat", "flat:name") and noun.head < noun.i:
            noun = parse.tokens[noun.head]  # "the captain of the boat, who ...": the phrase's head
        if noun.pos in ("NOUN", "PROPN"):
            # "said two harbor officials, who added ...": the noun phrase before the comma, named or not
            start = parse.tokens[parse.subtree(noun)[0]].start
            entity = entity_in(start, last.end, entities)
            return (entity.id if entity else None), " ".join(text[start : last.end].split()), entity is None and noun.pos == "NOUN"
    clause = parse.tokens[who.head]
    noun = parse.tokens[clause.head]
    if who.text.casefold() in RELATIVE and clause.dep == "acl:relcl" and noun.i < who.i and noun.pos in ("NOUN", "PROPN"):
        # "voters who say ...", "the senator, who said ...": the noun the relative clause describes
        named = parse.entity_at(noun)
        start, end = (named.start, named.end) if named else (parse.tokens[parse.subtree(noun)[0]].start, noun.end)
        entity = entity_in(start, end, entities)
        return (entity.id if entity else None), " ".join(text[start:end].split()), entity is None and noun.pos == "NOUN"
    head_start, head_end = _head_phrase(parse, who, source)
    name = " ".join(text[head_start:head_end].split()).strip(" ,;:") or None
    entity = entity_in(head_start, head_end, entities)
    if entity is None:
        referred = antecedent(parse, entities, who)
        if referred is not None:
            entity, said = referred
            if who.text.casefold() in PERSONAL or who.text.casefold() in RELATIVE or who.pos == "PRON":
                name = said
    elif who.pos == "PRON" or who.text.casefold() in RELATIVE:
        name = entity.name
    if entity is None and who.text.casefold() in RELATIVE and found.who is not None:
        return None, name, False
    if entity is None and who.text.casefold() == "it":
        thing = thing_it_stands_for(parse, who)
        stands_for = _thing_claimant(parse, entities, thing) if thing is not None else None
        if stands_for is not None:
            return stands_for
    if entity is None and who.pos == "PRON":
        return None, name, False
    unnamed = entity is None and who.pos in ("NOUN", "NUM", "ADJ", "DET")
    return (entity.id if entity else None), name, unnamed


def _thing_claimant(parse: Parse, entities: Sequence[Entity], thing: Token) -> tuple[str | None, str | None, bool] | None:
    """(entity id, name, unnamed) of the thing a speaking "it" stands for: its name, else its
    noun phrase up to the noun ("the message"), marked unnamed; None for a person."""
    named = parse.entity_at(thing)
    start, end = (named.start, named.end) if named is not None else (parse.tokens[noun_phrase_start(parse, thing)].start, thing.end)
    entity = entity_in(start, end, entities)
    if entity is not None:
        return None if entity.kind == "person" else (entity.id, entity.name, False)
    if thing.pos == "PROPN" and named is None:
        return None  # a name neither the parse nor the case knows: no telling what it is
    return None, " ".join(parse.text[start:end].split()), named is None


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
            # "officials who asked ...": the relative clause from its first word
            at = max(who.i + 1, parse.subtree(t)[0]) if t.dep == "acl:relcl" else i
            end = parse.tokens[at - 1].end
            break
    tokens = parse.tokens_in(start, end)
    # a stray comma, or the word joining the phrase to its clause ("with 60 percent saying", "and
    # officials said"), is not the source's name
    while len(tokens) > 1 and (tokens[0].pos == "PUNCT" or (tokens[0].pos in ("ADP", "CCONJ", "SCONJ") and tokens[0].i != who.i)):
        start = tokens[1].start
        tokens = tokens[1:]
    if tokens and tokens[0].pos == "PUNCT":
        start = end
    return start, max(start, end)
