"""Document -> records with spans: time expressions, entities, events, claims, citations.

Each extractor is one function of a document (and what earlier extractors found) that returns
records tied to spans of that document; :func:`extract` runs them in order. The insides of each
may be replaced freely as long as these signatures hold:

- ``times.find_times(text, dct) -> list[Timex]``
- ``entities.find_entities(doc, parse) -> tuple[Entity, ...]`` (entities local to the document)
- ``events.find_events(doc, timexes, entities, parse, *, dct) -> tuple[Event, ...]``
- ``claims.find_claims(doc, entities, parse) -> tuple[Claim, ...]``
- ``citations.find_citations(doc, entities, parse, claims) -> tuple[Citation, ...]`` (``claims``, those
  found with the same parse, made when not given: a claim whose source is an outlet or a work is a citation)
- ``quantities.find_quantities(doc, timexes, entities, parse) -> tuple[Quantity, ...]``

``parse`` is the one :class:`~timeline_graph.nlp.Parse` of the document (sentences, tokens,
dependencies, named entities, pronoun links) that :func:`extract` makes and every extractor
reads; called alone, an extractor makes it itself.

Events, claims, citations and figures read from a passage the document quotes from an earlier
message (its ``quoted`` ranges: an email's ``>`` lines) are left out: they are that message's
words, not its author's.

Every module has a ``VERSION``; a change of any of them invalidates cached extractions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from .. import nlp
from ..model import Citation, Claim, Document, Entity, Event, Quantity
from ..nlp import Parse
from . import citations, claims, entities, events, quantities, times
from .dating import DocumentDate, infer_date
from .times import Timex

__all__ = ["EXTRACTOR_VERSION", "DocumentDate", "Extraction", "document_date", "extract"]

EXTRACTOR_VERSION = hashlib.sha256(
    "|".join(m.VERSION for m in (times, entities, events, claims, citations, quantities)).encode()
).hexdigest()[:12]


@dataclass(frozen=True)
class Extraction:
    """What the extractors found in one document, before resolution across documents."""

    document: str
    times: tuple[Timex, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    citations: tuple[Citation, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    #: The date relative expressions were resolved against, and where it came from.
    dated: DocumentDate | None = None
    #: What the language pipeline noted of the text ("does not look like English"), one line each.
    notes: tuple[str, ...] = ()


def document_date(doc: Document) -> date | None:
    """The day relative expressions of a document resolve against, if one can be inferred.

    The document's stated date first, else a dateline or the latest date in its text (see
    :func:`~timeline_graph.extract.dating.infer_date`, which also says where it came from).
    """
    found = infer_date(doc)
    return None if found is None else found.day


_Cited = TypeVar("_Cited", Claim, Citation, Quantity)


def _own_words(doc: Document, records: tuple[_Cited, ...]) -> tuple[_Cited, ...]:
    """The records whose words are the document's own: none from a passage quoted from another
    message, which that message's own document states (and would otherwise be credited twice)."""
    if not doc.quoted:
        return records
    return tuple(r for r in records if not doc.in_quoted(r.span.start))


def extract(
    doc: Document,
    dct: DocumentDate | None = None,
    *,
    parse: Parse | None = None,
    pipeline: str | None = None,
) -> Extraction:
    """Run every extractor over one document, all reading one parse of it.

    ``dct`` is the date to resolve relative expressions against (a date another document of
    the case gives this one); by default it is inferred from the document itself. ``parse`` is
    the document's parse if already made; else it is made with ``pipeline`` (a spaCy pipeline's
    name or path; the shipped one by default).
    """
    parse = parse if parse is not None else nlp.parse(doc.text, nlp=pipeline)
    dated = dct if dct is not None else infer_date(doc)
    day = None if dated is None else dated.day
    origin = dated.describe() if dated is not None and dated.inferred else None
    timexes = tuple(times.find_times(doc.text, day, dct_origin=origin))
    found_entities = entities.find_entities(doc, parse)
    found_claims = claims.find_claims(doc, found_entities, parse)
    return Extraction(
        document=doc.id,
        times=timexes,
        entities=found_entities,
        events=tuple(e for e in events.find_events(doc, timexes, found_entities, parse, dct=dated)
                     if not all(doc.in_quoted(r.span.start) for r in e.reports)),
        claims=_own_words(doc, found_claims),
        citations=_own_words(doc, citations.find_citations(doc, found_entities, parse, found_claims)),
        quantities=_own_words(doc, quantities.find_quantities(doc, timexes, found_entities, parse)),
        dated=dated,
        notes=parse.notes,
    )
