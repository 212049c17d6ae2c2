"""A document saying where its information comes from: other outlets, reports, interviews.

Read from the document's parse (by :mod:`.citation_cues`): "according to (a report by) X", "X reported", "reported,
published or obtained by X" ("as first reported by X"), "X told Y", "speaking to Y" and "in a
statement to Y" (Y is the outlet that received the words), "in an interview with X", works
credited to X ("X's analysis found", "data from X", "figures released by X"), "X, citing ...",
"quoting X"; an outlet's own words ("the Pell Valley News said", "the magazine X describes": an outlet by its
name's last word or a noun beside it, since an organization that is no outlet makes a claim);
words given through a medium named ("In a statement, X said", "Writing in a blog post, X ...",
"In an article for Y, X reported", "said on Bay Radio", "published in the journal X"); a work
with no author that says what follows ("a recent poll found", "the report says"); words remarked
or quoted to an outlet ("remarked to X", "quoted by X"); and reference-list entries (``Author,
"Title," Outlet, Month D, YYYY,``). A medium framing a clause whatever its verb ("In her post, she
...", "on his Twitter account") and a work told with its maker and what it says ("a report in X
that ...") are read by :mod:`.citation_frames`. Marks are read by :mod:`.citation_marks`: links set aside,
"(source: X)" and "(via X)", datelines ("OSLAND (Reuters) - "), an embedded post's credit line,
author-and-year references ("(Kahneman, 2011)", "Ruiz (2004) found") and journal-style
bibliography lines. Words the document's own outlet heard ("told Wikinews" in a Wikinews
article) are first-hand, no citation. A reference's label is written
``Outlet: Title (Month D, YYYY)`` by :func:`format_label` and read back by
:func:`parse_label`, so a resolver can match it to a document by outlet, title and date.

>>> format_label("Daily Ledger", "Water rates rise", "June 3, 2020")
'Daily Ledger: Water rates rise (June 3, 2020)'
>>> parse_label('Daily Ledger: Water rates rise (June 3, 2020)')
('Daily Ledger', 'Water rates rise', 'June 3, 2020')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

from ..model import Citation, Claim, Document, Entity, Span, record_id
from ..nlp import Parse
from .citation_claims import claim_media, claim_sources
from .citation_cues import (
    bare,
    body,
    case_of,
    cues,
    definite_name,
    is_work,
    outlet,
    outlet_name,
    outlet_noun,
    personal,
    phrase,
    plain_label,
    plain_person,
    titled,
    unnamed_work,
)
from .citation_frames import frames
from .citation_marks import (
    author_years,
    credits,
    datelines,
    links,
    narrative_years,
    reference_lines,
    source_notes,
)
from .text import DATE_PATTERN, Intervals, reference_entries, strip_span

__all__ = ["VERSION", "find_citations", "format_label", "parse_label"]

VERSION = "citations-1.9.0"


_DATED = re.compile(DATE_PATTERN)
# The number or bullet opening an entry of a list ("1. ", "[2] ", "• "), set aside to read the entry.
_LIST_MARK = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|\[\d{1,3}\]|[-•*–])[ \t]+(?=\S)", re.MULTILINE)


def format_label(outlet: str | None, title: str | None = None, date: str | None = None) -> str:
    """``Outlet: Title (Date)``, leaving out the parts that are unknown."""
    label = outlet or ""
    if title:
        label = f"{label}: {title}" if label else title
    if date:
        label = f"{label} ({date})" if label else f"({date})"
    return label


_LABEL = re.compile(
    rf"^(?:(?P<outlet>[^:]+?):\s+)?(?P<title>.*?)(?:\s+\((?P<date>{DATE_PATTERN})\))?$"
)


def parse_label(label: str) -> tuple[str | None, str | None, str | None]:
    """(outlet, title, date) of a label written by :func:`format_label`.

    A label with no ``": "`` is an outlet (or other source) name alone.
    """
    match = _LABEL.match(label.strip())
    if not match:  # pragma: no cover - the pattern matches any string
        return label, None, None
    outlet, title, date = match.group("outlet"), match.group("title") or None, match.group("date")
    if outlet is None:
        return title, None, date
    return outlet, title, date


def _entity_for(start: int, end: int, sources: Intervals[tuple[int, Entity]]) -> Entity | None:
    """The organization or person mentioned inside text[start:end]: the longest mention, the
    first given on a tie (``sources`` holds each mention with its place in the entities' order)."""
    found = sources.inside(start, end)
    return min(found, key=lambda m: (m[0] - m[1], m[2][0]))[2][1] if found else None


def _names(entities: Sequence[Entity]) -> dict[str, Entity]:
    """Each entity by its name and aliases, without case or a leading "the" (the first one wins)."""
    named: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            named.setdefault(name.casefold().removeprefix("the "), entity)
    return named


def _short_outlets(entities: Sequence[Entity]) -> list[Entity]:
    """The entities, an organization whose name is the first words of an outlet's named in the same
    document ("Fox" beside "Fox News", "Ledger" beside "Ledger Weekly") given that outlet's name as
    an alias here, so that it is read as the outlet it stands for."""
    outlets = [n for e in entities if e.kind == "organization" for n in (e.name, *e.aliases) if outlet_name(n)]
    short: list[Entity] = []
    for entity in entities:
        names = (entity.name, *entity.aliases)
        longer = next((o for o in outlets for n in names if entity.kind == "organization" and not any(
            outlet_name(m) for m in names) and o.casefold().removeprefix("the ").startswith(
            n.casefold().removeprefix("the ") + " ")), None)
        short.append(replace(entity, aliases=(*entity.aliases, longer)) if longer else entity)
    return short


def find_citations(doc: Document, entities: Sequence[Entity], parse: Parse | None = None,
                   claims: Sequence[Claim] | None = None) -> tuple[Citation, ...]:
    """Every place the document names a source it relies on, read from its parse.

    A reference list's entries come first; then, sentence by sentence, "according to X" (and
    "according to a report by X"), "X reported" and "first reported by X", "told X" and "in an
    interview with X", and works credited to X ("X's analysis found", "data from X"). X is an
    organization or person of ``entities``, or, after "according to", a work left unnamed
    ("according to court documents"). Last, each of the document's ``claims`` (found with the same
    parse when not given) whose source is an outlet or a work ("the leaked memos show").
    """
    if parse is None:
        from ..nlp import parse as parse_text

        parse = parse_text(doc.text)
    text = doc.text
    entities = _short_outlets(entities)
    found: dict[tuple[int, int], Citation] = {}
    taken: list[tuple[int, int]] = []  # sorted, never overlapping
    sources = Intervals(
        (m.start, m.end, (n, e))
        for n, e in enumerate(entities)
        if e.kind in ("organization", "person")
        for m in e.mentions
    )
    named = _names(entities)

    own = bare(doc.publisher) if doc.publisher else None

    def add(start: int, end: int, label: str, kind: str, entity: Entity | None) -> tuple[int, int] | None:
        if own and kind in ("told", "interview") and (any(_same_outlet(own, n) for n in (
                label, *((entity.name, *entity.aliases) if entity else ()))) or (
                kind == "interview" and entity is None and own in bare(label))):  # "an interview with <own outlet>"
            return None  # "X told Wikinews" in a Wikinews article: the document heard the words itself
        start, end = strip_span(text, start, end)
        at = bisect_left(taken, (start, end))
        if start >= end or not label or (at and taken[at - 1][1] > start) or (
            at < len(taken) and taken[at][0] < end
        ):
            return None
        span = Span.at(doc, start, end)
        if entity is not None and label == entity.name:  # "KXYZ-TV reported": a name the entity reader cut short
            whole = re.search(rf"(?<![\w-]){re.escape(entity.name)}(?:-[A-Z0-9]+|\.(?:com|org|net|co\.uk))\b",
                              text[start:end])  # "Gawker.com": a web name cut at its domain
            label = whole.group() if whole else label
        found[(start, end)] = Citation(
            id=record_id("cit", doc.id, start, end),
            document=doc.id,
            span=span,
            cites_label=label,
            cites_entity=entity.id if entity else None,
            kind=kind,
            extractor=f"citations@{VERSION}",
        )
        taken.insert(at, (start, end))
        return start, end

    nouns: dict[tuple[int, int], int] = {}  # citations of an outlet by its noun ("the newspaper said"): the noun

    listed = _LIST_MARK.sub(lambda m: "\n" * len(m.group()), text)  # "1. Ann Lowe, “Title,” ...": the entry after its number
    for entry in reference_entries(listed):
        publisher = text[slice(*entry.outlet)]
        title = text[slice(*entry.title)].strip().rstrip(",.")
        date = text[slice(*entry.date)]
        entity = _entity_for(*entry.outlet, sources) or named.get(publisher.casefold().removeprefix("the "))
        start, end = entry.line
        add(start, end, format_label(publisher, title, date), "reference", entity)

    for mark, work, day in reference_lines(listed):
        entity = _entity_for(*mark.name, sources) if mark.name else None
        add(mark.start, mark.end, format_label(mark.label, work, day), mark.kind,
            entity or named.get(mark.label.casefold().removeprefix("the ")))
    for mark in (*datelines(text), *source_notes(text)):
        add(mark.start, mark.end, mark.label, mark.kind, _entity_for(*mark.name, sources) if mark.name else None)
    for mark in author_years(text):  # the author must be a person or an organization, or come with "et al."
        entity = _entity_for(*mark.name, sources) if mark.name else None
        if entity is not None or re.search(r"\bet al\b", mark.label):
            add(mark.start, mark.end, mark.label, mark.kind, entity)
    for entity in entities:  # "Ruiz (2004) found": a person named with a year, as a work's author
        for mention in entity.mentions if entity.kind == "person" else ():
            year = narrative_years(text, mention.end)
            if year is not None:
                add(mention.start, year[0], f"{text[mention.start:mention.end]} ({year[1]})", "author-year", entity)

    # the last names of people named in full ("Clinton" beside "Bill Clinton"): a person, not an outlet the
    # entity reader could not tell apart
    surnames = {e.name.split()[-1].casefold() for e in entities if e.kind == "person" and len(e.name.split()) >= 2}
    audience: set[tuple[int, int]] = set()  # "in a statement to the Harbor Police": the words went to no medium
    authorities = _authorities(parse, entities)
    quotations = _quotations(text)

    def quoted(start: int, end: int) -> bool:
        """Whether text[start:end] lies inside a quotation of someone's words (not the quotation
        itself, a title: "“Harbor declares war on noise”")."""
        at = bisect_left(quotations, (start, end))
        if at == 0 or quotations[at - 1][1] < end:
            return False
        opened, closed = quotations[at - 1]
        return start - opened > 1 or closed - end > 2
    for cue in chain(cues(parse), frames(parse)):  # a medium framing a clause last: a reading with its speaker first
        if (cue.start, cue.end) in audience:
            continue
        start, end = phrase(parse, cue.source)
        entity = _entity_for(start, end, sources)
        head = parse.tokens[cue.source]
        holding = [m for m in sources.overlapping(head.start, head.end) if m[0] <= head.start and head.end <= m[1]]
        if entity is None and holding:  # "Bay Radio's desk" parsed as "Bay ... Desk": the name read around the head
            held = min(holding, key=lambda m: (m[1] - m[0], m[2][0]))
            start, end, entity = min(start, held[0]), max(end, held[1]), held[2][1]
        if cue.outlet and ((entity is None and not (cue.recipient and outlet(parse, cue.source, None))
                            and not outlet_noun(parse, cue.source))
                           or not outlet(parse, cue.source, entity)):
            continue  # an outlet known, or one heard by its name ("told Ana Ruiz of Bay Radio News")
        if cue.recipient and entity is not None and (
                plain_person(entity) or titled(parse, start, cue.source)
                or (cue.kind == "told" and (body(entity) or entity.id in authorities))
                or (entity.kind == "person" and entity.name.casefold() in surnames)
        ) and not outlet(parse, cue.source, entity):
            if cue.kind == "told" and (body(entity) or entity.id in authorities):
                audience.add((cue.start, cue.end))
            continue  # a person, or a public body told ("told the Harbor Police"): an audience, not a medium
        if entity is None and not unnamed_work(parse, cue, start) and not (
                cue.recipient and outlet(parse, cue.source, None)) and not cue.medium and not outlet_noun(
                parse, cue.source) and not (  # "told X television", X known to no list; "the newspaper said"
                cue.kind == "reported-by" and definite_name(parse, start, cue.source)):
            continue
        if entity is None:  # "results of the 2010 census": the work with what it is of
            of = next((c for c in parse.children(parse.tokens[cue.source])
                       if c.dep == "nmod" and c.i > cue.source and (case_of(parse, c) in ("of", "with") or (
                           case_of(parse, c) == "in" and is_work(parse.tokens[cue.source]) and c.pos == "PROPN"))),
                      None)  # "a report in the Harbor Ledger": the work with where it appeared
            end = max(end, phrase(parse, of.i)[1]) if of is not None else end
        if entity is None:  # "The\nIntercept reports": a name the entity reader missed, known by another mention
            entity = named.get(" ".join(text[start:end].split()).casefold().removeprefix("the "))
        label = entity.name if entity else plain_label(text[start:end])
        first, last = min(start, cue.start), max(end, cue.end)
        dated = _DATED.search(text, first, last) if entity else None
        if entity and dated:  # "according to X's March 3, 2019 article in Y": the work is Y's of that day
            label = format_label(entity.name, None, dated.group(0))
        if quoted(first, last):
            continue  # "“As the Harbor Ledger reported, ...,” Ruiz said": the speaker's source, not the document's
        key = add(first, last, label, cue.kind, entity)
        if key is not None and entity is None and outlet_noun(parse, cue.source):
            nouns[key] = cue.source
    for mark, needs in credits(text):  # what the parse may have misread
        entity = _entity_for(*mark.name, sources) if mark.name else None
        if entity is None and mark.name:  # "the Harbor Statistics Agency show": the name read on past its first word
            around = [m for m in sources.overlapping(*mark.name) if m[0] == mark.name[0] and m[1] <= mark.end]
            entity = min(around, key=lambda m: (m[0] - m[1], m[2][0]))[2][1] if around else None
        names = (entity.name, *entity.aliases) if entity else (mark.label,)
        outlet_like = any(outlet_name(n) for n in names)
        definite = text[max(0, mark.start - 4) : mark.start].casefold().endswith("the ")
        if outlet_like or (needs == "publisher" and (definite or (
                entity is not None and entity.kind == "organization" and not personal(entity.name)))) or (
                needs == "author" and (definite or entity is not None)):
            add(mark.start, mark.end, entity.name if entity else plain_label(mark.label), "reported-by", entity)
    if claims is None:
        from .claims import find_claims

        claims = find_claims(doc, entities, parse)
    def holding_entity(start: int, end: int) -> Entity | None:
        """The organization or person whose mention holds text[start:end] (the shortest such)."""
        found = [m for m in sources.overlapping(start, end) if m[0] <= start and end <= m[1]]
        return min(found, key=lambda m: (m[1] - m[0], m[2][0]))[2][1] if found else None

    def entities_inside(start: int, end: int) -> list[Entity]:
        found = sorted(sources.inside(start, end), key=lambda m: (m[0] - m[1], m[2][0]))
        return [m[2][1] for m in found]

    for source in (*claim_sources(parse, claims, holding_entity, entities_inside),
                   *claim_media(parse, claims, holding_entity)):
        if quoted(source.start, source.end):
            continue
        key = add(source.start, source.end, source.label, source.kind, source.entity)
        if key is not None and source.entity is None and outlet_noun(parse, source.head):
            nouns[key] = source.head
    for mark in links(text):
        add(mark.start, mark.end, mark.label, mark.kind, None)
    _name_outlets(parse, found, nouns, entities, own)
    return tuple(sorted(found.values(), key=lambda c: (c.span.start, c.span.end)))


_QUOTATION = re.compile(r"“[^“”]*”|(?<![\w.,!?])\"(?=\S)[^\"\n]*?(?<=\S)\"(?!\w)"  # a straight mark opens after a space
                        r"|(?<!\w)''(?=\S)[^\n]*?(?<=\S)''(?!\w)")  # and two single ones, as some papers print them


def _quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation of someone's words, in order: six words or more, most of
    them not capitalized (a title in quotation marks, "“Inside the Harbor's Plan to Grow”", is a
    work's name, no one's words)."""
    found = []
    for match in _QUOTATION.finditer(text):
        words = match.group().strip("“”\"'").split()
        if len(words) >= 6 and 2 * sum(w[:1].isupper() for w in words) < len(words):
            found.append((match.start(), match.end()))
    return found


# Nouns and verbs of an authority's work: an organization the document names with them ("FBI agents",
# "the bureau's investigation", "the BRA arrested him") acts on what it is told, it does not publish it.
_AUTHORITY_NOUNS = frozenset(["agent", "agents", "investigator", "investigators", "investigation", "probe", "director",
                              "officer", "officers", "detective", "detectives", "raid", "custody", "inquiry",
                              "prosecutor", "prosecutors", "warrant", "subpoena", "indictment", "arrest", "interrogation"])
_AUTHORITY_VERBS = frozenset(["investigate", "arrest", "charge", "raid", "subpoena", "indict", "detain", "seize",
                              "prosecute", "interrogate", "enforce", "regulate", "probe"])


def _authorities(parse: Parse, entities: Sequence[Entity]) -> set[str]:
    """The organizations the document shows at an authority's work, by the nouns their names
    modify ("FBI agents", "the agency's probe") or the verbs they are the subject of ("the
    bureau investigated"): told something, such a body hears it, and no reader is told through it
    ("told the FBI"). An outlet by its name, or one the document says reported, never is."""
    found: set[str] = set()
    for entity in entities:
        if entity.kind != "organization" or outlet_name(entity.name) or any(outlet_name(a) for a in entity.aliases):
            continue
        for mention in entity.mentions:
            token = parse.token_at(mention.end - 1)
            if token is None:
                continue
            head = parse.tokens[token.head]
            lemma = head.lemma.casefold()
            if (token.dep in ("compound", "nmod:poss") and head.i > token.i and lemma in _AUTHORITY_NOUNS) or (
                    token.dep == "nsubj" and lemma in _AUTHORITY_VERBS):
                found.add(entity.id)
            elif token.dep in ("nsubj", "nsubj:pass") and lemma in _PUBLISHING:
                found.discard(entity.id)
                break
    return found


_PUBLISHING = frozenset(["report", "publish", "broadcast", "air"])


def _same_outlet(own: str, name: str) -> bool:
    """Whether a name is the document's own outlet's (``own`` as :func:`bare` gives it), whole or
    with words outlets' names end in ("Ledger" for "Ledger News", "Harbor Times" for "Harbor Times
    Online")."""
    named = bare(name)
    if named == own:
        return True
    longer, shorter = (named, own) if len(named) > len(own) else (own, named)
    rest = longer.removeprefix(shorter) if shorter and longer.startswith(shorter) else None
    return rest is not None and rest in {"news", "online", "network", "daily", "media", "newsnetwork"}


def _name_outlets(parse: Parse, found: dict[tuple[int, int], Citation], nouns: dict[tuple[int, int], int],
                  entities: Sequence[Entity], own: str | None) -> None:
    """A definite outlet noun ("the newspaper said", "the news outlet reported") names the outlet
    cited last before it: the organization of the latest citation before it that is an outlet (one the
    document says reported, or named like an outlet). With none, the noun stays the label."""
    by_id = {e.id: e for e in entities}
    ordered = sorted(found.values(), key=lambda c: (c.span.start, c.span.end))
    outlets = {c.cites_entity for c in ordered if c.cites_entity in by_id and by_id[c.cites_entity].kind == "organization"
               and (c.kind == "reported-by" or any(outlet_name(n) for n in (by_id[c.cites_entity].name,
                                                                            *by_id[c.cites_entity].aliases)))}
    for key, head in sorted(nouns.items()):
        token = parse.tokens[head]
        determiners = [c for c in parse.children(token) if c.dep == "det"]
        if head > 0 and parse.tokens[head - 1].tag == "DT":
            determiners.append(parse.tokens[head - 1])
        if not any(d.text.casefold() == "the" for d in determiners):
            continue  # "a Baton Rouge newspaper": a new one
        before = [by_id[c.cites_entity] for c in ordered if c.span.end <= key[0] and c.cites_entity in outlets]
        if before and own and found[key].kind in ("told", "interview") and any(
                _same_outlet(own, n) for n in (before[-1].name, *before[-1].aliases)):
            del found[key]  # "told the newspaper", the document's own: it heard the words itself
        elif before:
            found[key] = replace(found[key], cites_label=before[-1].name, cites_entity=before[-1].id)
