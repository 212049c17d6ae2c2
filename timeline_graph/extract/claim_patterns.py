"""Attributions found by patterns over a sentence's words, where the parse finds none.

The claims extractor (:mod:`timeline_graph.extract.claims`) reads attributions off the
dependency parse; a sentence in which it finds none is read again with these patterns, which
do not depend on how the parser hung the sentence together. Patterns, per sentence: a quote then its speaker (``"...," X said.``, ``"...," said X.``),
a speaker then what they said (``X said (that) ...``, ``X told Y (that) ...``, ``X says ...``,
``In a statement to Y, X said ...``), a trailing attribution (``..., X said in a statement.``,
``..., says X.``), ``according to X, ...`` and ``..., according to X.``, and a sentence that is
only a quotation continuing the claim before it. The claimant is the person, else the
organization, named in the speaker's words; otherwise ``claimant`` is None and
``claimant_name`` keeps the words ("a police spokesman"). Each match gives character
offsets of the cue, the source's words and the content, for the caller to make a claim of.

>>> from timeline_graph import nlp
>>> text = '"We are ready," Mayor Ann Lowe said.'
>>> [(text[slice(*f.cue)], f.claimant_name, f.quote) for f in find_patterns(text, (), nlp.parse(text))]
[('said', 'Mayor Ann Lowe', 'We are ready')]
"""


from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..model import Entity
from ..nlp import Parse, Token
from .claim_words import CLAUSE_VERBS
from .text import Intervals, quotes, strip_span

__all__ = ["Pattern", "anaphor", "antecedent", "entity_in", "find_patterns"]


@dataclass(frozen=True)
class Pattern:
    """One attribution a pattern matched: character offsets into the text, and who it names."""

    sentence: tuple[int, int]
    #: The speech verb or "according to"; None for a quotation continuing the attribution before.
    cue: tuple[int, int] | None
    #: The words naming the speaker, up to an appositive; None when not given.
    source: tuple[int, int] | None
    #: The words attributed (inside the quotation marks when the sentence opens with a quotation).
    content: tuple[int, int]
    text: str
    quote: str | None
    verb: str
    claimant: str | None
    claimant_name: str | None


_Add = Callable[..., "Pattern | None"]

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


def _finite_forms(verbs: Iterable[str]) -> str:
    """The regular past and third-person forms of some verbs, as a regex alternation ("notes|noted|worries|worried")."""
    forms: set[str] = set()
    for verb in verbs:
        if verb.endswith("y") and verb[-2:-1] not in "aeiou":
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
        elif verb.endswith("e"):
            forms |= {verb + "s", verb + "d"}
        else:
            forms |= {verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s"), verb + "ed"}
    return "|".join(sorted(forms, key=lambda f: (-len(f), f)))


# After a quotation the sentence opens with, any verb of saying or thinking in a finite form is
# the cue ('“...,” Lowe notes.', '“...,” she concluded.'): the shape leaves nothing else it could be.
_QUOTE_SPEECH = f"{_SPEECH}|{_finite_forms(CLAUSE_VERBS)}"
_QUOTE_FIRST = re.compile(
    rf"^\(?[\"“](?P<q>.+?)[,.!?]?[\"”],?\s+(?:(?P<who>[^,\"“”]{{1,80}}?)\s+(?P<verb>{_QUOTE_SPEECH})|"
    rf"(?P<verb2>{_SPEECH})\s+(?P<who2>[^,\"“”.]{{1,80}}))(?P<tail>(?:\s+[^.\"“”]{{0,60}})?)[.!?]?\)?$",
    re.DOTALL,
)
_TRAILING = re.compile(
    r",\s+(?:(?P<who>[^,\"“”]{1,80}?)\s+(?P<verb>said|says|added|adds|reported|reports|wrote|writes|explained|noted|stated|argued|claimed)"
    r"|(?P<verb2>said|says|added|wrote)\s+(?!(?:in|on|to|at|via|during|last|this)\b)(?P<who2>[^,\"“”]{1,100}?))"
    r"(?P<tail>(?:\s+(?:in|on|to|at|via|last|this|on)\b[^.\"“”]{0,50}|\s+\w+day)?)[.!?]?\)?$"
)
# "..., Ruth Abbey, the harbour master, said in a statement.": a name and its description, set off by commas.
_TRAILING_DESCRIBED = re.compile(
    r",\s+(?P<who>[^,\"“”]{1,80}?,\s+[^,\"“”]{1,80}?),\s+(?P<verb>said|says|added|adds|wrote|writes|explained|noted|stated)"
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
    r"^(?:\(|(?:In|At|On|During|After|Before|Following|Despite|Amid|"
    r"Under|With|Without|From|By|Over|Throughout|Unlike|Earlier|Later|Last|Speaking|Asked|Responding|Writing|"
    r"Addressing|In an? \w+ (?:to|with))\b[^,\"“”]{0,80},\s+)"
)
_THAT = re.compile(r"^\s*(?:,\s*)?(?:that\s+)?")
_TOLD_OBJECT = re.compile(
    r"^\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s*)+|^\s+(?:reporters|journalists|\w+ers|a\s+\w+|the\s+\w+)\b"
)
_MANNER = re.compile(
    r"^\s*(?:,\s*)?(?:in|on|to|at|via|during|last|this)\b[^,\"“”]{0,50}?(?=\s+that\b|,|\s+[\"“]|$)"
)


_LAST_INDEX: list[tuple[Sequence[Entity], Intervals[tuple[int, Entity]]]] = []


def mention_index(entities: Sequence[Entity]) -> Intervals[tuple[int, Entity]]:
    """Every mention of ``entities`` by position, with its entity's place in the sequence.

    Kept for the last sequence asked about, so that a document's many look-ups share one index.
    """
    if _LAST_INDEX and _LAST_INDEX[0][0] is entities:
        return _LAST_INDEX[0][1]
    index = Intervals((m.start, m.end, (n, e)) for n, e in enumerate(entities) for m in e.mentions)
    _LAST_INDEX[:] = [(entities, index)]
    return index


def entity_in(start: int, end: int, entities: Sequence[Entity]) -> Entity | None:
    """The entity named in text[start:end]: a person first, else the last organization.

    "Acme's research arm" names the arm; a clause after a comma or dash is not the speaker.
    """
    inside = sorted(
        ((s, e) for s, _, (_, e) in mention_index(entities).inside(start, end)),
        key=lambda pair: (pair[0], pair[1].id),
    )
    persons = [e for _, e in inside if e.kind == "person"]
    if persons:
        return persons[0]
    orgs = [e for _, e in inside if e.kind in ("organization", "product")]
    return orgs[-1] if orgs else None


def antecedent(parse: Parse, entities: Sequence[Entity], token: Token) -> tuple[Entity, str] | None:
    """The case entity a pronoun or description refers to, per the parse's links, and its words."""
    ent = parse.antecedent(token)
    if ent is None:
        return None
    # the first of ``entities`` with a mention sharing a character with it (found by position)
    held = [place for _, _, place in mention_index(entities).overlapping(ent.start, ent.end)]
    if not held:
        return None
    return min(held, key=lambda place: place[0])[1], parse.text[ent.start : ent.end]


def _referred(parse: Parse, entities: Sequence[Entity], start: int, end: int) -> tuple[Entity, str] | None:
    """The first entity a word of text[start:end] refers to, per the parse."""
    for token in parse.tokens_in(start, end):
        found = antecedent(parse, entities, token)
        if found is not None:
            return found
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


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without its quotation marks and a trailing comma."""
    while start < end and text[start] in ' "“”':
        start += 1
    while end > start and text[end - 1] in ' "“”':
        end -= 1
    while end > start and text[end - 1] in ", ":
        end -= 1
    return start, end


def find_patterns(text: str, entities: Sequence[Entity], parse: Parse) -> list[Pattern]:
    """Every attribution the patterns match, one at most a sentence, with its claimant where named."""
    found: list[Pattern] = []
    previous: tuple[int, Pattern] | None = None  # end offset of the last match's sentence
    speakers, told = Speakers(), 0  # the claimants of found[:told], for "the spokesman said"

    def add(
        s_start: int,
        s_end: int,
        who: tuple[int, int] | None,
        cue: tuple[int, int] | None,
        prop: tuple[int, int],
        quote_first: bool = False,
        verb: str = "said",
    ) -> Pattern | None:
        p_start, p_end = strip_span(text, *prop)
        if p_end - p_start < 3:
            return None
        claimant: str | None = None
        name: str | None = None
        source: tuple[int, int] | None = None
        if who:
            w_start, w_end = strip_span(text, *who)
            head = _head(text, w_start, w_end)
            name = _clean(text[w_start:head]) or None
            referred = _referred(parse, entities, w_start, head)
            if name and name.casefold() in _PRONOUNS:
                if referred is None:
                    return None
                # "she said": the speaker is the person the pronoun refers to
                name = referred[1]
            entity = entity_in(w_start, head, entities) or entity_in(w_start, w_end, entities)
            if entity is None and referred is not None:
                entity = referred[0]  # "the spokesman said", linked to a named person before
            claimant = entity.id if entity else None
            source = strip_span(text, w_start, head)
            source = source if source[1] > source[0] else None
        if quote_first:  # the content is the words inside the quotation marks
            c_start, c_end = _inner(text, p_start, p_end)
            quote = text[c_start:c_end] or None
            proposition = quote or _clean(text[p_start:p_end])
            if not quote:
                c_start, c_end = p_start, p_end
        else:
            c_start, c_end = p_start, p_end
            while c_end > c_start and text[c_end - 1] in ".)":
                c_end -= 1  # the sentence's full stop is not said
            quote = _quote_of(text, p_start, p_end)
            proposition = _clean(text[p_start:p_end]).rstrip(".")
        pattern = Pattern(
            sentence=(s_start, s_end),
            cue=cue,
            source=source,
            content=(c_start, c_end),
            text=proposition,
            quote=quote,
            verb=text[cue[0] : cue[1]].casefold() if cue else verb,
            claimant=claimant,
            claimant_name=name,
        )
        found.append(pattern)
        return pattern

    for s_start, s_end in parse.sentence_bounds():
        sentence = text[s_start:s_end]
        match = _match_sentence(text, s_start, s_end, sentence, add)
        if match is not None and _keeps_a_thing(parse, match):
            found.pop()
            match = None
        if match is None and previous and _continues(text, previous[0], s_start, sentence):
            before = previous[1]
            match = add(s_start, s_end, None, None, (s_start, s_end), True, before.verb)
            if match is not None:
                match = found[-1] = replace(match, claimant=before.claimant, claimant_name=before.claimant_name)
        if match is not None and match.claimant is None and match.claimant_name and _ANAPHOR.match(match.claimant_name):
            for before in found[told:-1]:  # the matches before this one, as they stay
                speakers.add(before.claimant_name, before.claimant)
            told = max(told, len(found) - 1)
            match = found[-1] = _resolve_anaphor(match, speakers, entities)
        previous = (s_end, match) if match is not None else None
    return found


def _keeps_a_thing(parse: Parse, match: Pattern) -> bool:
    """Whether a speaker-first match's verb takes a thing as its object, not a clause: "Lowe
    maintained her lead", "Lowe wrote the letter", "Lowe added a clause to the bill". What
    is said then is no clause after the verb; "told" and "calls" name whom or what they speak
    of ("told reporters ...", "calls the plan reckless")."""
    if match.cue is None or match.content[0] < match.cue[1] or parse.text[match.content[0]] in _OPENING_MARKS:
        return False
    verb = parse.token_at(match.cue[0])
    if verb is None or verb.pos != "VERB" or verb.lemma.casefold() in ("tell", "call"):
        return False
    kids = list(parse.children(verb))
    return not any(k.dep in ("ccomp", "xcomp", "parataxis", "csubj") for k in kids) and any(
        k.dep == "obj" and k.i > verb.i and k.pos in ("NOUN", "PROPN", "PRON") for k in kids)


_OPENING_MARKS = frozenset("\"“‘'")
_ANAPHOR = re.compile(r"^(?:the|this|that)\s+(?P<noun>[a-z-]+)$", re.IGNORECASE)
_COMPANY = {"company", "firm", "retailer", "manufacturer", "startup", "group", "business"}
_COMPANY_WORDS = frozenset({"Company", "Corporation", "Corp", "Inc", "LLC", "Ltd", "Limited", "Holdings", "Group",
                            "Technologies", "Systems", "Industries", "Labs", "Networks", "Airlines"})


class Speakers:
    """The claimants met so far in text order (name and entity id), asked which was the last
    whose name has a given word: a look-up per word, not a scan back over every claim before."""

    def __init__(self) -> None:
        self._last: dict[str, str] = {}

    def add(self, name: str | None, entity: str | None) -> None:
        """A claimant met after those added before."""
        if entity and name:
            for word in name.casefold().split():
                self._last[word] = entity

    def last_named(self, word: str) -> str | None:
        """The entity id of the last claimant added whose name has ``word`` (casefolded)."""
        return self._last.get(word)


def _resolve_anaphor(match: Pattern, earlier: Speakers, entities: Sequence[Entity]) -> Pattern:
    """"the spokesman" is the spokesman of an earlier match; "the company" the company last named."""
    found = anaphor(match.claimant_name or "", match.sentence[0], earlier, entities)
    return replace(match, claimant=found) if found else match


def anaphor(name: str, start: int, earlier: Speakers, entities: Sequence[Entity]) -> str | None:
    """The entity id "the spokesman" or "the company" at offset ``start`` stands for, if any.

    "the spokesman" is the speaker of the last of ``earlier`` (claimants in text order) whose
    name has that noun; "the company" is the company last named before ``start``.
    """
    said = _ANAPHOR.match(name)
    if not said:
        return None
    noun = said.group("noun").casefold()
    before = earlier.last_named(noun)
    if before:
        return before
    if noun in _COMPANY:
        from .entities import gazetteer

        not_company = gazetteer().org_words - _COMPANY_WORDS
        named = sorted(
            (
                (s, e)
                for s, _, (_, e) in mention_index(entities).starting_in(start - 600, start)
                if e.kind == "organization"
            ),
            key=lambda pair: (pair[0], pair[1].id),
        )
        # a company's name rarely carries "Police" or "Foundation"; "Company" and "Inc" it may
        plain = [e for _, e in named if not any(w in not_company for w in e.name.split())]
        if plain or named:
            return (plain or [e for _, e in named])[-1].id
    return None


def _continues(text: str, previous_end: int, start: int, sentence: str) -> bool:
    """A sentence that is only a quotation, right after a match in the same paragraph."""
    between = text[previous_end:start]
    if "\n" in between:
        return False
    stripped = sentence.strip()
    return (
        stripped[:1] in '"“'
        and stripped[-1:] in '"”'
        and len(quotes(text, start, start + len(sentence))) == 1
    )


def _match_sentence(text: str, s_start: int, s_end: int, sentence: str, add: _Add) -> Pattern | None:
    """Try each pattern on one sentence; the first that fits makes the match."""
    # 1. A quotation first, then its speaker.
    match = _QUOTE_FIRST.match(sentence)
    if match:
        who = "who" if match.group("who") else "who2"
        verb = "verb" if match.group("verb") else "verb2"
        if match.group(verb) != "according to":
            return _found(add, s_start, s_end, match, who, verb, "q", quote_first=True)
    # 1b. A document reads, "..."
    match = _READS.match(sentence)
    if match:
        return _found(add, s_start, s_end, match, "who", "verb", "q", quote_first=True)
    # 2. According to X, ...
    match = _ACCORDING_START.match(sentence)
    if match:
        return _found(add, s_start, s_end, match, "who", "verb", "rest")
    # 3. ..., according to X.
    match = _ACCORDING_END.search(sentence)
    if match:
        return _found(add, s_start, s_end, match, "who", "verb", (s_start, s_start + match.start()))
    # 4. ..., X said (in a statement).   /   ..., says X.
    match = _TRAILING.search(sentence)
    described = match is None
    match = match or _TRAILING_DESCRIBED.search(sentence)
    if match and not described and match.group("who2") and _FINITE.search(match.group("who2")):
        match = None  # "X, who chairs it, said the board had ...": what follows "said" is the claim
    if match and match.start() > 10:
        who = "who" if described or match.group("who") else "who2"
        verb = "verb" if who == "who" else "verb2"
        if not _PASSIVE.search(sentence[: match.start(verb)]):
            body_start = _LEAD_PP.match(sentence)
            begin = s_start + (body_start.end() if body_start else 0)
            return _found(add, s_start, s_end, match, who, verb, (begin, s_start + match.start()))
    # 5. X said (that) ... / X told Y (that) ...
    return _subject_first(text, s_start, s_end, sentence, add)


def _abs(base: int, span: tuple[int, int]) -> tuple[int, int]:
    return base + span[0], base + span[1]


def _found(
    add: _Add, s_start: int, s_end: int, match: re.Match[str], who: str, verb: str, content: str | tuple[int, int],
    quote_first: bool = False,
) -> Pattern | None:
    """A match of a sentence pattern, its groups (or the content's offsets) turned into offsets in the text."""
    where = _abs(s_start, match.span(content)) if isinstance(content, str) else content
    return add(s_start, s_end, _abs(s_start, match.span(who)), _abs(s_start, match.span(verb)), where, quote_first)


def _subject_first(text: str, s_start: int, s_end: int, sentence: str, add: _Add) -> Pattern | None:
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
            (s_start + verb_match.start(), s_start + verb_match.end()),
            (s_start + rest_start, s_end),
        )
    return None
