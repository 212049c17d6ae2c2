"""FollowTheMoney (FtM) entities for Aleph and the ``ftm`` tools: one JSON entity per line.

Each line is ``{"id", "schema", "properties": {name: [values]}}``, the form ``ftm`` commands and
Aleph's ``alephclient write-entities`` read. The file suffix is ``.ftm.json`` (line-delimited,
as OpenSanctions names its FtM files). Plain JSON: writing needs no ``followthemoney`` install;
the tests validate every entity with the real package.

What is written, each kind in record-id order, ids being our record ids (valid FtM ids):

* every document as a ``Document``: title, file name, publisher, author, ``publishedAt``,
  media type, URL, its text as ``bodyText`` and its sha256 in ``notes`` as ``sha256 <hex>``
  (FtM's ``contentHash`` is the SHA-1 of a blob in Aleph's archive, which we do not have);
* every person as a ``Person`` and organization as an ``Organization`` (a ``Company`` when its
  name ends in a company form such as "Inc." or "LLC"), with aliases, role titles as
  ``position`` (people) and the documents mentioning it as ``proof``; places as an ``Address``;
  products and external works have no FtM schema that fits and are left out;
* one ``Mention`` per mention of a person or organization (``resolved`` to it, the
  ``document`` it is in, the words as ``name``), ids derived from entity, document and offsets;
* every event as an ``Event``: label as name, its date, participants as ``involved`` (agents
  also as ``organizer``), place as ``addressEntity``, the reporting documents as ``proof``,
  the reports' quotes as ``summary`` and the date in words and EDTF as ``description``.

FtM dates are ISO prefixes (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, years 1000-2999). An event's
date is the most precise prefix its earliest and latest days share, so it is never more
precise than the sources: June 16 to July 16, 2020 is ``2020``; all of June 2020 is
``2020-06``. A time with no shared year (or no bounds) gets no date; its EDTF stays in
``description``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any, TextIO

import networkx as nx

from ..graph import documents, entities, events
from ..model import Document, Entity, Event, TimeValue, record_id
from ..timeline import describe_time

__all__ = ["ftm_date", "ftm_entities", "write_ftm"]

#: An organization whose name ends in one of these is a ``Company``.
_COMPANY = re.compile(
    r"\b(?:(?:inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|company|plc|gmbh|llp)\.?|co\.)$",
    re.IGNORECASE,
)
_SCHEMA = {"person": "Person", "organization": "Organization", "place": "Address"}
_PREFIX_LENGTH = {"day": 10, "month": 7, "year": 4}


def ftm_date(time: TimeValue | None) -> str | None:
    """The most precise ISO prefix (``YYYY[-MM[-DD]]``) true of every day ``time`` can be."""
    if time is None or time.earliest is None or time.latest is None:
        return None
    first, last = time.earliest, time.latest
    if not 1000 <= first.year <= 2999 or first.year != last.year:
        return None
    if first == last:
        return first.isoformat()
    if first.month == last.month:
        return first.isoformat()[:7]
    return str(first.year)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _entity(ftm_id: str, schema: str, **properties: Any) -> dict[str, Any]:
    """An FtM entity dict: properties as lists of non-empty strings, without empty ones."""
    props: dict[str, list[str]] = {}
    for name, value in properties.items():
        values = value if isinstance(value, list | tuple) else [value]
        kept = list(dict.fromkeys(str(v) for v in values if v is not None and str(v).strip()))
        if kept:
            props[name] = kept
    return {"id": ftm_id, "schema": schema, "properties": props}


def _document(doc: Document) -> dict[str, Any]:
    published = ftm_date(doc.published)
    return _entity(
        doc.id, "Document",
        title=_one_line(doc.title) if doc.title else None,
        fileName=PurePosixPath(doc.source).name or doc.source,
        publisher=_one_line(doc.publisher) if doc.publisher else None,
        author=[_one_line(a) for a in doc.authors],
        publishedAt=published,
        notes=f"sha256 {doc.sha256}",
        mimeType=doc.media_type,
        sourceUrl=doc.url,
        bodyText=doc.text.strip(),
    )


def _schema_of(entity: Entity) -> str | None:
    schema = _SCHEMA.get(entity.kind)
    if schema == "Organization" and _COMPANY.search(entity.name.strip()):
        return "Company"
    return schema


def _legal_entity(entity: Entity, schema: str, doc_ids: set[str]) -> dict[str, Any]:
    proof = sorted({m.document for m in entity.mentions} & doc_ids)
    extra: dict[str, Any] = {}
    if schema == "Person":
        extra["position"] = [_one_line(r.title) for r in entity.roles]
    elif schema == "Address":
        extra["full"] = _one_line(entity.name)
    return _entity(entity.id, schema, name=_one_line(entity.name),
                   alias=[_one_line(a) for a in entity.aliases], proof=proof, **extra)


def _mentions(entity: Entity) -> Iterator[dict[str, Any]]:
    for span in sorted(set(entity.mentions), key=lambda s: s.key):
        name = _one_line(span.exact)
        if name:
            yield _entity(record_id("mention", entity.id, *span.key), "Mention",
                          name=name, document=span.document, resolved=entity.id)


def _event(event: Event, legal: set[str], places: set[str], doc_ids: set[str]) -> dict[str, Any]:
    involved = [p.entity for p in event.participants if p.entity in legal]
    organizer = [p.entity for p in event.participants if p.entity in legal and p.role == "agent"]
    time = event.time
    description = f"{describe_time(time)} (EDTF {time.edtf})" if time is not None else None
    summary = "\n".join(f"“{_one_line(r.span.exact)}”" for r in event.reports)
    return _entity(
        event.id, "Event",
        name=_one_line(event.label),
        date=ftm_date(time),
        involved=sorted(set(involved)),
        organizer=sorted(set(organizer)),
        addressEntity=event.place if event.place in places else None,
        proof=[d for d in event.documents if d in doc_ids],
        summary=summary,
        description=description,
        keywords=event.kind,
    )


def ftm_entities(G: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """Every FtM entity of the graph: documents, entities with their mentions, then events."""
    doc_ids: set[str] = set()
    for doc in documents(G):
        doc_ids.add(doc.id)
        yield _document(doc)
    legal: set[str] = set()
    places: set[str] = set()
    for entity in entities(G):
        schema = _schema_of(entity)
        if schema is None or not _one_line(entity.name):
            continue
        yield _legal_entity(entity, schema, doc_ids)
        if schema == "Address":
            places.add(entity.id)
            continue
        legal.add(entity.id)
        for mention in _mentions(entity):
            if mention["properties"]["document"][0] in doc_ids:
                yield mention
    for event in events(G):
        if _one_line(event.label):
            yield _event(event, legal, places, doc_ids)


def write_ftm(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write the graph's FtM entities as JSON lines (keys sorted, so equal graphs give equal bytes)."""
    for entity in ftm_entities(G):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
