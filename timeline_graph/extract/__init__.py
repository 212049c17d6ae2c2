"""Document -> records with spans: time expressions, entities, events, claims, citations.

Each extractor is one function of a document (and what earlier extractors found) that returns
records tied to spans of that document; :func:`extract` runs them in order. The insides of each
may be replaced freely as long as these signatures hold:

- ``times.find_times(text, dct) -> list[Timex]``
- ``entities.find_entities(doc) -> tuple[Entity, ...]`` (entities local to the document)
- ``events.find_events(doc, timexes, entities) -> tuple[Event, ...]``
- ``claims.find_claims(doc, entities) -> tuple[Claim, ...]``
- ``citations.find_citations(doc, entities) -> tuple[Citation, ...]``

Every module has a ``VERSION``; a change of any of them invalidates cached extractions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from ..model import Citation, Claim, Document, Entity, Event
from . import citations, claims, entities, events, times
from .times import Timex

__all__ = ["EXTRACTOR_VERSION", "Extraction", "document_date", "extract"]

EXTRACTOR_VERSION = hashlib.sha256(
    "|".join(m.VERSION for m in (times, entities, events, claims, citations)).encode()
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


def document_date(doc: Document) -> date | None:
    """The day relative expressions of a document resolve against, if the document has one."""
    published = doc.published
    if published and published.precision == "day" and published.earliest:
        return published.earliest
    return None


def extract(doc: Document) -> Extraction:
    """Run every extractor over one document."""
    timexes = tuple(times.find_times(doc.text, document_date(doc)))
    found_entities = entities.find_entities(doc)
    return Extraction(
        document=doc.id,
        times=timexes,
        entities=found_entities,
        events=events.find_events(doc, timexes, found_entities),
        claims=claims.find_claims(doc, found_entities),
        citations=citations.find_citations(doc, found_entities),
    )
