"""Attributed statements: who said what, in the words of one document.

Patterns, per sentence: a quote then its speaker (``"...," X said.``, ``"...," said X.``),
a speaker then what they said (``X said (that) ...``, ``X told Y (that) ...``, ``X says ...``,
``In a statement to Y, X said ...``), a trailing attribution (``..., X said in a statement.``,
``..., says X.``), ``according to X, ...`` and ``..., according to X.``, and a sentence that is
only a quotation continuing the claim before it. The claimant is the person, else the
organization, named in the speaker's words; otherwise ``claimant`` is None and
``claimant_name`` keeps the words ("a police spokesman").

>>> from timeline_graph.model import Document
>>> doc = Document.create(sha256="c" * 64, text='"We are ready," Mayor Ann Lowe said.', source="x")
>>> [(c.claimant_name, c.quote, c.verb) for c in find_claims(doc, ())]
[('Mayor Ann Lowe', 'We are ready', 'said')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .. import nlp
from ..model import Claim, Document, Entity, Span, record_id
from ..nlp import Parse
from .text import quotes, strip_span

__all__ = ["VERSION", "find_claims"]

VERSION = "claims-0.5.0"

_Add = Callable[..., "Claim | None"]

_SPEECH = (
    r"said|says|say|told|tells|tell|added|adds|stated|states|wrote|writes|explained|explains|"
    r"noted|argued|argues|claimed|asserted|asserts|insisted|insists|emphasized|"
    r"emphasizes|emphasised|stressed|stresses|confirmed|denied|warned|warns|"
    r"acknowledged|acknowledges|maintained|maintains|contended|contends|declared|declares|"
    r"announced|calls|reports|reported|according to|conceded|concedes"
)
_VERB = re.compile(rf"(?<![\w-])(?P<verb>{_SPEECH})(?![\w-])")
# Verbs that need "that" (or a quotation) after them to report a statement.
_NEEDS_THAT = {"reports", "reported", "announced", "confirmed", "states"}  # "two US states, ..."
_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are|being|has|have|had)\s+(?:\w+ly\s+)?$")
_PRONOUNS = {"it", "they", "we", "i", "you", "he", "she", "this", "that", "which", "who"}
_PERSONAL = {"he", "she", "they"}  # speakers a pronoun can stand for, linked by the parse
_QUOTE_FIRST = re.compile(
    rf"^\(?[\"“](?P<q>.+?)[,.!?]?[\"”],?\s+(?:(?P<who>[^,\"“”]{{1,80}}?)\s+(?P<verb>{_SPEECH})|"
    rf"(?P<verb2>{_SPEECH})\s+(?P<who2>[^,\"“”.]{{1,80}}))(?P<tail>(?:\s+[^.\"“”]{{0,60}})?)[.!?]?\)?$",
    re.DOTALL,
)
_TRAILING = re.compile(
    r",\s+(?:(?P<who>[^,\"“”]{1,80}?)\s+(?P<verb>said|says|added|adds|reported|reports|wrote|writes|explained|noted|stated|argued|claimed)"
    r"|(?P<verb2>said|says|added|wrote)\s+(?P<who2>[^,\"“”]{1,100}?))"
    r"(?P<tail>(?:\s+(?:in|on|to|at|via|last|this|on)\b[^.\"“”]{0,50}|\s+\w+day)?)[.!?]?\)?$"
)
_FINITE = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|could|should|did|does|do|can|may|might|must)\b")
_ACCORDING_END = re.compile(
    r",\s+(?P<verb>according to|as reported by|as first reported by|first reported by)\s+(?P<who>[^.,\"“”]{2,160}?)"
    r"(?:,\s+(?:which|who)\b.*)?\.?\)?$",
    re.DOTALL,
)
# A document's words: "The memo, sent by the mayor, read, “...”".
_READS = re.compile(r"^(?P<who>[^“\"]{3,240}?),?\s+(?P<verb>read|reads),\s*[“\"](?P<q>.+)[”\"]\.?$", re.DOTALL)
_ACCORDING_START = re.compile(
    r"^\(?(?P<verb>[Aa]ccording(?: to)?)\s+(?P<who>(?:[^,]|,\s*\d{4}\b){2,160}?),\s+(?!\d{4}\b)(?P<rest>.+)$",
    re.DOTALL,
)
_LEAD_PP = re.compile(
    r"^(?:\(|(?:In|At|On|During|Speaking|Asked|In an? \w+ (?:to|with))\b[^,\"“”]{0,80},\s+)"
)
_THAT = re.compile(r"^\s*(?:,\s*)?(?:that\s+)?")
_TOLD_OBJECT = re.compile(
    r"^\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s*)+|^\s+(?:reporters|journalists|\w+ers|a\s+\w+|the\s+\w+)\b"
)
_MANNER = re.compile(
    r"^\s*(?:,\s*)?(?:in|on|to|at|via|during|last|this)\b[^,\"“”]{0,50}?(?=\s+that\b|,|\s+[\"“]|$)"
)


def _entity_in(
    start: int, end: int, entities: Sequence[Entity]
) -> tuple[str | None, list[tuple[int, Entity]]]:
    """The claimant id among mentions inside text[start:end]: a person first, else the last org."""
    inside = sorted(
        ((m.start, e) for e in entities for m in e.mentions if start <= m.start and m.end <= end),
        key=lambda pair: (pair[0], pair[1].id),
    )
    persons = [e for _, e in inside if e.kind == "person"]
    if persons:
        return persons[0].id, inside
    orgs = [e for _, e in inside if e.kind == "organization"]
    # "Acme's research arm" names the arm; a clause after a comma or dash is not the speaker.
    return (orgs[-1].id if orgs else None), inside


def _antecedent(parse: Parse, entities: Sequence[Entity], start: int, end: int) -> tuple[str, str] | None:
    """(entity id, its words) that a pronoun or description in text[start:end] refers to, per the parse."""
    for token in parse.tokens_in(start, end):
        ent = parse.antecedent(token)
        if ent is None:
            continue
        for entity in entities:
            if any(m.start < ent.end and ent.start < m.end for m in entity.mentions):
                return entity.id, parse.text[ent.start : ent.end]
    return None


def _head(text: str, start: int, end: int) -> int:
    """End of the speaker's phrase before an appositive (a comma or a dash)."""
    match = re.search(r",|\s[—–]\s|\s-\s", text[start:end])
    return start + match.start() if match else end


def _quote_of(text: str, start: int, end: int) -> str | None:
    found = [text[s:e].strip().rstrip(",") for s, e in quotes(text, start, end)]
    found = [q for q in found if q]
    if not found:
        return None
    return found[0] if len(found) == 1 else " … ".join(found)


def _clean(text: str) -> str:
    text = " ".join(text.split())
    if text.count("(") > text.count(")"):  # "the Foo Agency (FA" lost its ")" to the pattern
        text += ")"
    return text.strip(" ,;:") if not text.startswith("(") else text.strip(" ,;:()")


def find_claims(doc: Document, entities: Sequence[Entity], parse: Parse | None = None) -> tuple[Claim, ...]:
    """Every attributed statement of one document, with its claimant where it can be named."""
    text = doc.text
    parse = parse if parse is not None else nlp.parse(text)
    found: list[Claim] = []
    previous: tuple[int, Claim] | None = None  # end offset of the last claim's sentence

    def add(
        s_start: int,
        s_end: int,
        who: tuple[int, int] | None,
        verb: str,
        prop: tuple[int, int],
        quote_first: bool = False,
    ) -> Claim | None:
        p_start, p_end = strip_span(text, *prop)
        if p_end - p_start < 3:
            return None
        claimant: str | None = None
        name: str | None = None
        if who:
            w_start, w_end = strip_span(text, *who)
            name = _clean(text[w_start : _head(text, w_start, w_end)]) or None
            referred = _antecedent(parse, entities, w_start, _head(text, w_start, w_end))
            if name and name.casefold() in _PRONOUNS:
                if referred is None:
                    return None
                # "she said": the speaker is the person the pronoun refers to
                name = referred[1]
            claimant, _ = _entity_in(w_start, _head(text, w_start, w_end), entities)
            if claimant is None:
                claimant, _ = _entity_in(w_start, w_end, entities)
            if claimant is None and referred is not None:
                claimant = referred[0]  # "the spokesman said", linked to a named person before
        if quote_first:  # the proposition is the words inside the quotation marks
            inner = text[p_start:p_end].strip(' "“”')
            quote = inner.rstrip(",") if inner else None
            proposition = quote or _clean(text[p_start:p_end])
        else:
            quote = _quote_of(text, p_start, p_end)
            proposition = _clean(text[p_start:p_end]).rstrip(".")
        span = Span.at(doc, s_start, s_end)
        claim = Claim(
            id=record_id("clm", doc.id, span.start, span.end),
            text=proposition,
            document=doc.id,
            span=span,
            claimant=claimant,
            claimant_name=name,
            quote=quote,
            verb=verb.casefold(),
            reported=doc.published,
            about=tuple(
                dict.fromkeys(
                    e.id
                    for e in entities
                    if e.id != claimant
                    and e.kind in ("person", "organization", "product")
                    and any(p_start <= m.start and m.end <= p_end for m in e.mentions)
                )
            ),
            extractor=f"claims@{VERSION}",
        )
        found.append(claim)
        return claim

    for s_start, s_end in parse.sentence_bounds():
        sentence = text[s_start:s_end]
        claim = _match_sentence(text, s_start, s_end, sentence, add)
        if claim is None and previous and _continues(text, previous[0], s_start, sentence):
            before = previous[1]
            claim = add(s_start, s_end, None, before.verb or "said", (s_start, s_end), True)
            if claim is not None:
                found[-1] = Claim(
                    **{
                        **claim.__dict__,
                        "claimant": before.claimant,
                        "claimant_name": before.claimant_name,
                    }
                )
                claim = found[-1]
        if claim is not None and claim.claimant is None and claim.claimant_name:
            claim = _resolve_anaphor(text, claim, found[:-1], entities)
            found[-1] = claim
        previous = (s_end, claim) if claim is not None else None
    return tuple(found)


_ANAPHOR = re.compile(r"^(?:the|this|that)\s+(?P<noun>[a-z-]+)$", re.IGNORECASE)
_COMPANY = {"company", "firm", "retailer", "manufacturer", "startup", "group", "business"}
_COMPANY_WORDS = frozenset({"Company", "Corporation", "Corp", "Inc", "LLC", "Ltd", "Limited", "Holdings", "Group",
                            "Technologies", "Systems", "Industries", "Labs", "Networks", "Airlines"})


def _resolve_anaphor(text: str, claim: Claim, earlier: Sequence[Claim], entities: Sequence[Entity]) -> Claim:
    """"the spokesman" is the spokesman of an earlier claim; "the company" the company last named."""
    match = _ANAPHOR.match(claim.claimant_name or "")
    if not match:
        return claim
    noun = match.group("noun").casefold()
    for before in reversed(earlier):
        if before.claimant and before.claimant_name and noun in before.claimant_name.casefold().split():
            return Claim(**{**claim.__dict__, "claimant": before.claimant})
    if noun in _COMPANY:
        from .entities import gazetteer

        org_words = gazetteer().org_words
        named = sorted(
            (
                (m.start, e)
                for e in entities
            if e.kind == "organization"
                for m in e.mentions
                if m.document == claim.document and claim.span.start - 600 <= m.start < claim.span.start
            ),
            key=lambda pair: (pair[0], pair[1].id),
        )
        # a company's name rarely carries "Police" or "Foundation"; "Company" and "Inc" it may
        plain = [e for _, e in named if not any(w in org_words - _COMPANY_WORDS for w in e.name.split())]
        if plain or named:
            return Claim(**{**claim.__dict__, "claimant": (plain or [e for _, e in named])[-1].id})
    return claim


def _continues(text: str, previous_end: int, start: int, sentence: str) -> bool:
    """A sentence that is only a quotation, right after a claim in the same paragraph."""
    between = text[previous_end:start]
    if "\n" in between:
        return False
    stripped = sentence.strip()
    return (
        stripped[:1] in '"“'
        and stripped[-1:] in '"”'
        and len(quotes(text, start, start + len(sentence))) == 1
    )


def _match_sentence(text: str, s_start: int, s_end: int, sentence: str, add: _Add) -> Claim | None:
    """Try each pattern on one sentence; the first that fits makes the claim."""
    # 1. A quotation first, then its speaker.
    match = _QUOTE_FIRST.match(sentence)
    if match:
        who = "who" if match.group("who") else "who2"
        verb = match.group("verb") or match.group("verb2")
        if verb != "according to":
            return add(
                s_start,
                s_end,
                _abs(s_start, match.span(who)),
                verb,
                _abs(s_start, match.span("q")),
                True,
            )
    # 1b. A document reads, "..."
    match = _READS.match(sentence)
    if match:
        return add(
            s_start,
            s_end,
            _abs(s_start, match.span("who")),
            match.group("verb"),
            _abs(s_start, match.span("q")),
            True,
        )
    # 2. According to X, ...
    match = _ACCORDING_START.match(sentence)
    if match:
        return add(
            s_start,
            s_end,
            _abs(s_start, match.span("who")),
            "according to",
            _abs(s_start, match.span("rest")),
        )
    # 3. ..., according to X.
    match = _ACCORDING_END.search(sentence)
    if match:
        return add(
            s_start,
            s_end,
            _abs(s_start, match.span("who")),
            match.group("verb"),
            (s_start, s_start + match.start()),
        )
    # 4. ..., X said (in a statement).   /   ..., says X.
    match = _TRAILING.search(sentence)
    if match and match.group("who2") and _FINITE.search(match.group("who2")):
        match = None  # "X, who chairs it, said the board had ...": what follows "said" is the claim
    if match and match.start() > 10:
        who = "who" if match.group("who") else "who2"
        verb = match.group("verb") or match.group("verb2")
        if not _PASSIVE.search(sentence[: match.start("verb" if who == "who" else "verb2")]):
            body_start = _LEAD_PP.match(sentence)
            begin = s_start + (body_start.end() if body_start else 0)
            return add(
                s_start,
                s_end,
                _abs(s_start, match.span(who)),
                verb,
                (begin, s_start + match.start()),
            )
    # 5. X said (that) ... / X told Y (that) ...
    return _subject_first(text, s_start, s_end, sentence, add)


def _abs(base: int, span: tuple[int, int]) -> tuple[int, int]:
    return base + span[0], base + span[1]


def _subject_first(text: str, s_start: int, s_end: int, sentence: str, add: _Add) -> Claim | None:
    lead = _LEAD_PP.match(sentence)
    for verb_match in _VERB.finditer(sentence):
        verb = verb_match.group("verb")
        if verb == "according to":
            return None
        before = sentence[: verb_match.start()]
        if _PASSIVE.search(before):
            continue
        # The clause the speaker opens: after the last ", but" / ";" / "(" before the verb.
        begin = lead.end() if lead and lead.end() <= verb_match.start() else 0
        for cut in re.finditer(r",\s+(?:but|and|while|though|although|so)\s+|;\s+|\(\s*", before):
            begin = max(begin, cut.end())
        subject = before[begin:].strip()
        if not subject or len(subject.split()) > 30 or subject[0] in '"“':
            continue
        if subject.casefold() in _PERSONAL:
            pass  # "She said ...": kept when the parse links the pronoun to a name (see add)
        elif subject.casefold() in _PRONOUNS or subject.split()[-1].casefold() in _PRONOUNS:
            return None
        elif not (subject[0].isupper() or subject.split()[0].casefold() in {"a", "an", "the"}):
            continue
        rest_start = verb_match.end()
        rest = sentence[rest_start:]
        if verb in {"told", "tells", "tell"}:
            obj = _TOLD_OBJECT.match(rest)
            if obj:
                rest_start += obj.end()
                rest = sentence[rest_start:]
        manner = _MANNER.match(rest)
        if manner and manner.end() > 0:
            rest_start += manner.end()
            rest = sentence[rest_start:]
        that = _THAT.match(rest)
        has_that = bool(that and "that" in that.group())
        rest_start += that.end() if that else 0
        if verb in _NEEDS_THAT and not has_that:
            return None
        if not sentence[rest_start:].strip(" .)"):
            return None
        return add(
            s_start,
            s_end,
            (s_start + begin, s_start + verb_match.start()),
            verb,
            (s_start + rest_start, s_end),
        )
    return None
