"""A long document extracted zone by zone, so that its parse never holds the whole text at once.

The parse of a text and the extractors' work on it take about 250 MB of memory per MB of text,
so one 50 MB document could not be extracted whole on an ordinary machine. A document of more
than :data:`ZONED_FROM` characters is therefore cut into zones of at most :data:`ZONE_CHARS`
characters, at paragraph boundaries (failing those, at a sentence's start, then at a space);
each zone is parsed and extracted as a text of its own, its records are moved to the whole
document's offsets (every span is rebuilt on the whole text, so ``text[start:end] == exact``
holds there, with the context before and after the whole text gives), and the zone's parse
and working data are let go before the next zone is read. What is kept grows with the records
found, nothing else.

A zone is read as a text of its own: what the extractors decide over a whole text (the kind a
name is given by its mentions' votes, the referent of a pronoun, the headline on the first
line) is decided over the zone. An entity named in several zones is one entity, with the
mentions and aliases of every zone; records whose ids are made of their offsets get the ids
their offsets in the whole text give.

The limits are in characters; ``TIMELINE_GRAPH_ZONED_FROM`` and ``TIMELINE_GRAPH_ZONE_CHARS``
in the environment set others (a cache entry made with other limits is not reused, see
:func:`limits_key`).

>>> text = "One para.\\n\\nTwo para.\\n\\nThree para."
>>> [text[s:e] for s, e in zones(text, 14)]
['One para.\\n\\n', 'Two para.\\n\\n', 'Three para.']
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any

from .errors import SpanError
from .extract import DocumentDate, Extraction, extract
from .extract.dating import infer_date
from .extract.times import Timex
from .model import (
    CONTEXT_CHARS,
    Citation,
    Claim,
    Document,
    Entity,
    Event,
    Quantity,
    Role,
    Span,
    TimeValue,
    record_id,
)
from .nlp.layout import paragraphs, sentence_starts

__all__ = ["ZONED_FROM", "ZONE_CHARS", "extract_zoned", "is_zoned", "limits", "limits_key", "zones"]

#: A document of more characters than this is extracted zone by zone. Below it, a document is
#: read whole (about 250 MB of memory at this size); the parse types names over the whole text up
#: to the same size (``nlp.JOINT_TYPING_LIMIT``).
ZONED_FROM = 1_000_000
#: The most characters of one zone: its parse and the extractors' work on it take about 60 MB.
ZONE_CHARS = 250_000

_SPACE = re.compile(r"\s")

#: Called after each zone with the characters extracted so far and the document's length.
ZoneProgress = Callable[[int, int], None]


def limits() -> tuple[int, int]:
    """The size above which a document is zoned and the size of a zone, in characters (the
    defaults, or the environment's ``TIMELINE_GRAPH_ZONED_FROM`` / ``TIMELINE_GRAPH_ZONE_CHARS``)."""
    zoned_from = int(os.environ.get("TIMELINE_GRAPH_ZONED_FROM") or ZONED_FROM)
    zone_chars = int(os.environ.get("TIMELINE_GRAPH_ZONE_CHARS") or ZONE_CHARS)
    if zoned_from < 1 or zone_chars < 1000:
        raise ValueError("TIMELINE_GRAPH_ZONED_FROM must be positive and TIMELINE_GRAPH_ZONE_CHARS at least 1000")
    return zoned_from, zone_chars


def limits_key() -> str:
    """What the limits add to the key of a cached extraction: nothing for the defaults."""
    found = limits()
    return "" if found == (ZONED_FROM, ZONE_CHARS) else f"zones{found[0]}-{found[1]}"


def is_zoned(doc: Document) -> bool:
    """Whether the document is extracted zone by zone."""
    return len(doc.text) > limits()[0]


def zones(text: str, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive zones of at most ``size`` characters covering the text.

    A zone ends where a paragraph starts, in the second half of the zone's reach; failing one,
    where a sentence starts; failing one, after a space; else at ``size`` characters.
    """
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        yield start, cut
        start = cut
    if start < len(text):
        yield start, len(text)


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a zone that starts at ``start`` and may reach ``limit``."""
    half = start + (limit - start) // 2
    window = text[start:limit]
    found = [start + s for s, _ in paragraphs(window)]
    # the last paragraph may run on past the window: it starts the next zone
    starts = [s for s in found if s > half]
    if starts:
        return starts[-1]
    last = found[-1] if found else start
    starts = [s for s in sentence_starts(text, last, limit) if s > half]  # `last` is not over half
    if starts:
        return starts[-1]
    spaces = [start + m.end() for m in _SPACE.finditer(window, half - start) if start + m.end() < limit]
    return spaces[-1] if spaces else limit


def extract_zoned(doc: Document, dct: DocumentDate | None = None, *, pipeline: str | None = None,
                  progress: ZoneProgress | None = None) -> Extraction:
    """:func:`~timeline_graph.extract.extract` of a long document, zone by zone (see the module).

    ``dct`` is the date relative expressions resolve against (by default the one the whole
    document gives); every zone is read against it.
    """
    dated = dct if dct is not None else infer_date(doc)
    found = _Found(doc)
    notes: dict[str, None] = {}
    size = limits()[1]
    for start, end in zones(doc.text, size):
        part = _zone_document(doc, start, end)
        if part is None:
            continue
        extraction = extract(part, dated, pipeline=pipeline)
        found.add(extraction, start)
        notes.update(dict.fromkeys(extraction.notes))
        del extraction, part
        gc.collect()  # the zone's parse holds cycles: freed before the next zone is parsed
        if progress is not None:
            progress(end, len(doc.text))
    return found.extraction(dated, tuple(notes))


def _zone_document(doc: Document, start: int, end: int) -> Document | None:
    """The zone text[start:end] as a document of its own (same id and metadata); None when blank."""
    text = doc.text[start:end]
    if not text.strip():
        return None
    quoted = tuple((max(s, start) - start, min(e, end) - start) for s, e in doc.quoted if s < end and e > start)
    pages = tuple(sorted({0, *(p - start for p in doc.pages if start < p < end)})) if doc.pages else ()
    return replace(doc, text=text, quoted=quoted, pages=pages)


class _Found:
    """The records of the zones extracted so far, at the whole document's offsets."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.times: list[Timex] = []
        self.events: list[Event] = []
        self.claims: list[Claim] = []
        self.citations: list[Citation] = []
        self.quantities: list[Quantity] = []
        #: entity id -> the entity as first found, then every zone's aliases, mentions and roles
        self.entities: dict[str, tuple[Entity, set[str], list[Span], list[Role]]] = {}
        #: one string (or time value) for the equal ones of every zone (see :meth:`_Mover.share`)
        self.strings: dict[Any, Any] = {}

    def add(self, extraction: Extraction, offset: int) -> None:
        """One zone's records, found at ``offset`` of the whole text."""
        records: list[Event | Claim | Citation | Quantity] = [
            *extraction.events, *extraction.claims, *extraction.citations, *extraction.quantities]
        ids = {r.id: _moved_id(r, offset, self.doc.id) for r in records}
        del records
        move = _Mover(self.doc, offset, ids, self.strings)
        share = move.share
        self.times.extend(replace(t, start=t.start + offset, end=t.end + offset, text=share(t.text), value=share(t.value),
                                  time=move(t.time))
                          for t in extraction.times)
        for entity in extraction.entities:
            moved = move(entity)
            first = self.entities.get(moved.id)
            if first is None:
                self.entities[moved.id] = (moved, set(moved.aliases), list(moved.mentions), list(moved.roles))
            else:
                first[1].update(moved.aliases)
                first[2].extend(moved.mentions)
                first[3].extend(r for r in moved.roles if r not in first[3])
        self.events.extend(move(e) for e in extraction.events)
        self.claims.extend(move(c) for c in extraction.claims)
        self.citations.extend(move(c) for c in extraction.citations)
        self.quantities.extend(move(q) for q in extraction.quantities)

    def extraction(self, dated: DocumentDate | None, notes: tuple[str, ...]) -> Extraction:
        entities = []
        for entity, aliases, mentions, roles in self.entities.values():
            if len(aliases) > len(entity.aliases) or len(mentions) > len(entity.mentions) or len(roles) > len(entity.roles):
                entity = replace(entity, aliases=tuple(sorted(aliases, key=lambda a: (-len(a), a))),
                                 mentions=tuple(mentions), roles=tuple(roles))
            entities.append(entity)
        return Extraction(document=self.doc.id, times=tuple(self.times), entities=tuple(entities),
                          events=tuple(self.events), claims=tuple(self.claims), citations=tuple(self.citations),
                          quantities=tuple(self.quantities), dated=dated, notes=notes)


def _moved_id(record: Event | Claim | Citation | Quantity, offset: int, document: str) -> str:
    """The id of a zone's record at the whole text's offsets: made as the extractors make it of
    its offsets (its span's, and a claim's cue's), or failing that of its zone's id and offset."""
    prefix = record.id.partition("-")[0]
    span = record.reports[0].span if isinstance(record, Event) else record.span
    recipes: list[tuple[int, ...]] = [(span.start, span.end)]
    if isinstance(record, Claim):
        recipes.append((span.start, span.end, record.cue.start if record.cue else span.start))
    for parts in recipes:
        if record_id(prefix, document, *parts) == record.id:
            return record_id(prefix, document, *(p + offset for p in parts))
    return record_id(prefix, document, record.id, offset)


class _Mover:
    """A zone's record with its spans on the whole text and its references to the zone's ids renamed."""

    def __init__(self, doc: Document, offset: int, ids: dict[str, str], strings: dict[Any, Any]) -> None:
        self.doc, self.offset, self.ids, self.strings = doc, offset, ids, strings
        # one span for the records that cite the same words (a fifth of a news text's spans
        # are another record's: a mention and the claimant, a report and its claim)
        self.spans: dict[tuple[int, int], Span] = {}
        # and one context string for the spans that start (or end) at one place
        self.prefixes: dict[int, str] = {}
        self.suffixes: dict[int, str] = {}

    def _span(self, start: int, end: int) -> Span:
        """:meth:`Span.at` of the whole text, its prefix and suffix shared with the spans met
        that start or end where it does."""
        text = self.doc.text
        prefix = self.prefixes.get(start)
        if prefix is None:
            prefix = self.prefixes[start] = self.share(text[max(0, start - CONTEXT_CHARS):start])
        suffix = self.suffixes.get(end)
        if suffix is None:
            suffix = self.suffixes[end] = self.share(text[end:end + CONTEXT_CHARS])
        return Span(document=self.doc.id, start=start, end=end, exact=self.share(text[start:end]), prefix=prefix,
                    suffix=suffix, text=text)

    def share(self, value: str) -> str:
        """The string first met equal to ``value``, in any zone: each record made its own copy of
        the words it names (a name, a verb, a label, its extractor's version), and a long text
        repeats them thousands of times (a third of a zoned news text's strings were copies), and
        the contexts of a span when the text repeats itself. The table goes with the extraction;
        the records keep what it shared through resolution and storing, where memory peaks."""
        found: str = self.strings.setdefault(value, value)
        return found

    def __call__(self, value: Any) -> Any:
        if isinstance(value, Span):
            span = self.spans.get((value.start, value.end))
            if span is None:
                span = self.spans[value.start, value.end] = self._span(value.start + self.offset, value.end + self.offset)
            if span.exact != value.exact:
                raise SpanError(f"span {value.start}:{value.end} of a zone of {self.doc.id} does not read "
                                f"{value.exact!r} at {span.start}:{span.end} of the whole text")
            return span
        if isinstance(value, str):
            return self.share(self.ids.get(value, value))
        if isinstance(value, tuple):
            return tuple(self(v) for v in value)
        if isinstance(value, TimeValue):
            return self.strings.setdefault(value, value)  # equal times: one
        if not is_dataclass(value) or isinstance(value, type):
            return value
        changes = {}
        for f in fields(value):
            old = getattr(value, f.name)
            new = self(old)
            if new is not old:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
