"""A document saying where its information comes from: other outlets, reports, interviews.

Patterns: "according to (a report by) X", "X reported/reports", "reported/published by X"
("as reported by", "first reported by"), "X told Y" and "in a statement to Y" (Y is the
outlet that received the words), "in an interview with X", and reference-list entries
(``Author, "Title," Outlet, Month D, YYYY,``). A reference's label is written
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

from ..model import Citation, Document, Entity, Span, record_id
from ..nlp import Parse
from .text import DATE_PATTERN, UPPER, Intervals, reference_entries, strip_span

__all__ = ["VERSION", "find_citations", "format_label", "parse_label"]

VERSION = "citations-0.3.1"

_SOURCE = rf"(?P<src>(?:the\s|The\s)?[{UPPER}][\w.&'’-]*(?:[ \n](?:of\s|and\s|&\s)?[{UPPER}][\w.&'’-]*){{0,6}})"
# Words after "told X" that show X is a recipient of the telling, not a source ("told Acme users").
_TOLD_NEXT = re.compile(rf"^(?:[.,;:)]|\s+(?:that|in|on|at|last|this|it|he|she|they|the|a|an|about|via|during|of)\b|\s*$|\s+[{UPPER}\"“])")
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "according-to",
        re.compile(
            rf"\b[Aa]ccording(?:\s+to)?\s+(?:[{UPPER}][\w.'’-]*\s+){{1,3}}?(?:[{UPPER}][\w.-]*['’]s?\s+)?"
            rf"(?P<date>{DATE_PATTERN})\s+(?:report|article|story|investigation|column|post)\s+"
            rf"(?:by|from|in|for)\s+{_SOURCE}"
        ),
    ),
    (
        "according-to",
        re.compile(
            r"\b[Aa]ccording(?:\s+to)?\s+(?:an?\s+|the\s+)?(?:(?:new|recent|earlier|\d{4})\s+)?"
            r"(?:report|article|story|investigation|analysis|study|interview|data)[^,.;]{0,40}?"
            rf"\s+(?:by|from|in|published by)\s+{_SOURCE}"
        ),
    ),
    (
        "according-to",
        re.compile(rf"\b[Aa]ccording(?:\s+to)?\s+{_SOURCE}"),
    ),
    (
        "reported-by",
        re.compile(rf"\b(?:as\s+)?(?:first\s+)?(?:reported|published)\s+by\s+{_SOURCE}"),
    ),
    ("interview", re.compile(rf"\b[Ii]n\s+an\s+interview\s+with\s+{_SOURCE}")),
    ("told", re.compile(rf"\b(?:told|tells)\s+{_SOURCE}")),
    ("told", re.compile(rf"\b[Ii]n\s+a\s+statement\s+to\s+{_SOURCE}")),
    ("reported-by", re.compile(rf"{_SOURCE}\s+(?:\w+ly\s+)?(?:reported|reports)\b(?!\s+by)")),
)
_TAIL_WORDS = re.compile(r"(?:\s+(?:[A-Z][a-z]+day|Tuesday|In|On|That|This|The))+$")


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


def find_citations(doc: Document, entities: Sequence[Entity], parse: Parse | None = None) -> tuple[Citation, ...]:
    """Every place the document names a source it relies on.

    ``parse`` is accepted for the common extractor signature; citations are read from the
    entities found on it and from the shapes of reference lists.
    """
    text = doc.text
    found: dict[tuple[int, int], Citation] = {}
    taken: list[tuple[int, int]] = []  # sorted, never overlapping
    sources = Intervals(
        (m.start, m.end, (n, e))
        for n, e in enumerate(entities)
        if e.kind in ("organization", "person")
        for m in e.mentions
    )
    named = _names(entities)

    def add(start: int, end: int, label: str, kind: str, entity: Entity | None) -> None:
        start, end = strip_span(text, start, end)
        at = bisect_left(taken, (start, end))
        if start >= end or not label or (at and taken[at - 1][1] > start) or (
            at < len(taken) and taken[at][0] < end
        ):
            return
        span = Span.at(doc, start, end)
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

    for entry in reference_entries(text):
        outlet = text[slice(*entry.outlet)]
        title = text[slice(*entry.title)].strip().rstrip(",.")
        date = text[slice(*entry.date)]
        entity = _entity_for(*entry.outlet, sources) or named.get(outlet.casefold().removeprefix("the "))
        start, end = entry.line
        add(start, end, format_label(outlet, title, date), "reference", entity)

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span("src")
            s, e = strip_span(text, s, e)
            e -= len(text[s:e]) - len(text[s:e].rstrip(".,"))
            tail = _TAIL_WORDS.search(text[s:e])
            if tail:
                e = s + tail.start()
            if s >= e:
                continue
            if kind == "told" and not _TOLD_NEXT.match(text[e : e + 16]):
                continue
            entity = _entity_for(s, e, sources)
            if entity is None and kind in ("reported-by", "told", "interview"):
                continue  # "X reported" needs X to be a known source
            label = entity.name if entity else _plain_label(text[s:e])
            if entity is None and not label[:1].isupper():
                continue
            if "date" in pattern.groupindex and entity:
                label = format_label(entity.name, None, match.group("date"))
            end = match.end() if match.end() > match.end("src") else e
            add(match.start(), end, label, kind, entity)
    return tuple(sorted(found.values(), key=lambda c: (c.span.start, c.span.end)))


def _plain_label(words: str) -> str:
    words = " ".join(words.split())
    return re.sub(r"^(?:the|The)\s+", "", words)
