"""Graph JSON: the documented, versioned JSON shape of a case, and its lossless reader.

``from_json(to_json(G))`` gives a graph with equal records and case settings. The bytes are
deterministic: records sorted by id, keys in a fixed order, two-space indent, UTF-8 text left
unescaped, one trailing newline. The shape is described in ``docs/graph-json.md`` and
``docs/graph-json.schema.json``.

>>> from timeline_graph.graph import build_graph
>>> from timeline_graph.model import Records
>>> text = to_json(build_graph(Records(), title="Empty", base_iri="https://example.org/e/"))
>>> from_json(text).graph["case"]
{'title': 'Empty', 'base_iri': 'https://example.org/e/'}
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TextIO, TypeVar

import networkx as nx

from ..codec import from_dict, to_dict
from ..errors import ExportError, ModelError, SpanError
from ..graph import (
    CASE,
    build_graph,
    citations,
    claims,
    conflicts,
    decisions,
    documents,
    entities,
    events,
    quantities,
)
from ..model import (
    Citation,
    Claim,
    Conflict,
    Decision,
    Document,
    Entity,
    Event,
    Participant,
    Quantity,
    Records,
)

__all__ = ["SCHEMA", "SCHEMA_VERSION", "from_json", "read_json", "to_json", "write_json"]

#: The value of the top-level ``"schema"`` key.
SCHEMA = "timeline-graph/graph-json"
#: The version written; readers accept every ``1.x`` (see docs/graph-json.md).
SCHEMA_VERSION = "1.5"
_MAJOR = SCHEMA_VERSION.split(".")[0]

# Fixed key order of each record, as written. Keys marked derived are recomputed on write and
# checked on read; every other key is a field of the model record.
_DOCUMENT_KEYS = ("id", "title", "publisher", "authors", "published", "sha256", "source",
                  "media_type", "url", "language", "text", "metadata_origin", "recipients", "pages",
                  "quoted", "message_id", "replies_to", "part_of", "container_sha256", "container_path")
#: Document keys written only when set (since 1.4, the container's since 1.5): what emails, PDFs,
#: attachments and the parts of mailboxes and web archives carry.
_DOCUMENT_OPTIONAL_KEYS = frozenset({"recipients", "pages", "quoted", "message_id", "replies_to", "part_of",
                                     "container_sha256", "container_path"})
_ENTITY_KEYS = ("id", "kind", "name", "aliases", "mentions", "roles")
_EVENT_KEYS = ("id", "label", "kind", "time", "participants", "participation", "place", "reports")
_CLAIM_KEYS = ("id", "text", "quote", "claimant", "claimant_name", "document", "span", "cluster",
               "verb", "reported", "about", "extractor", "cue", "content", "source", "unnamed", "parent")
_CITATION_KEYS = ("id", "document", "cites", "cites_document", "cites_entity", "cites_label",
                  "kind", "span", "extractor")
_CONFLICT_KEYS = ("id", "kind", "items", "documents", "explanation", "spans")
_QUANTITY_KEYS = ("id", "document", "span", "value", "qualifier", "measure", "subject", "subject_name",
                  "time", "series", "extractor")

_DECISION_KEYS = ("id", "action", "targets", "agent", "agent_kind", "at", "reason", "value", "time", "span")

_SECTIONS = ("documents", "entities", "events", "claims", "citations", "conflicts", "quantities", "decisions")


# ---------------------------------------------------------------------------------------------
# Writing


def _ordered(data: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: data[k] for k in keys}


def _document(doc: Document) -> dict[str, Any]:
    data = to_dict(doc)
    data["metadata_origin"] = [{"field": f, "origin": o} for f, o in doc.metadata_origin]
    return {k: v for k, v in _ordered(data, _DOCUMENT_KEYS).items() if v or k not in _DOCUMENT_OPTIONAL_KEYS}


def _entity(entity: Entity) -> dict[str, Any]:
    return _ordered(to_dict(entity), _ENTITY_KEYS)


def _event(event: Event) -> dict[str, Any]:
    data = to_dict(event)
    data["participation"] = data["participants"]
    data["participants"] = list(dict.fromkeys(p.entity for p in event.participants))
    return _ordered(data, _EVENT_KEYS)


def _claim(claim: Claim) -> dict[str, Any]:
    return _ordered(to_dict(claim), _CLAIM_KEYS)


def _cites(citation: Citation) -> str:
    return citation.cites_document or citation.cites_entity or citation.cites_label


def _citation(citation: Citation) -> dict[str, Any]:
    data = to_dict(citation)
    data["cites"] = _cites(citation)
    return _ordered(data, _CITATION_KEYS)


def _conflict(conflict: Conflict) -> dict[str, Any]:
    return _ordered(to_dict(conflict), _CONFLICT_KEYS)


def _quantity(quantity: Quantity) -> dict[str, Any]:
    return _ordered(to_dict(quantity), _QUANTITY_KEYS)


def _decision(decision: Decision) -> dict[str, Any]:
    return _ordered(to_dict(decision), _DECISION_KEYS)


def _case(G: nx.MultiDiGraph) -> dict[str, Any]:
    case = dict(G.graph.get(CASE) or {})
    ordered = {k: case.pop(k) for k in ("title", "base_iri") if k in case}
    ordered.update(sorted(case.items()))
    try:
        json.dumps(ordered, allow_nan=False)
    except (TypeError, ValueError) as err:
        raise ExportError(f"graph JSON: a case setting is not a JSON value ({err})") from err
    return ordered


def _dumps(value: Any, indent: int) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    # JSON strings never hold a raw newline (it is escaped), so re-indenting by lines is safe.
    return text.replace("\n", "\n" + " " * indent)


def _sections(G: nx.MultiDiGraph) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    yield "documents", (_document(r) for r in documents(G))
    yield "entities", (_entity(r) for r in entities(G))
    yield "events", (_event(r) for r in events(G))
    yield "claims", (_claim(r) for r in claims(G))
    yield "citations", (_citation(r) for r in citations(G))
    yield "conflicts", (_conflict(r) for r in conflicts(G))
    yield "quantities", (_quantity(r) for r in quantities(G))
    yield "decisions", (_decision(r) for r in sorted(decisions(G), key=lambda d: d.id))


def write_json(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write the graph JSON of ``G`` to a text stream, one record at a time."""
    out.write("{\n")
    out.write(f'  "schema": {json.dumps(SCHEMA)},\n')
    out.write(f'  "schema_version": {json.dumps(SCHEMA_VERSION)},\n')
    out.write(f'  "case": {_dumps(_case(G), 2)}')
    for name, items in _sections(G):
        out.write(f',\n  "{name}": [')
        first = True
        for item in items:
            out.write("\n    " if first else ",\n    ")
            out.write(_dumps(item, 4))
            first = False
        out.write("]" if first else "\n  ]")
    out.write("\n}\n")


def to_json(G: nx.MultiDiGraph) -> str:
    """The graph JSON of ``G`` as a string (deterministic, with a trailing newline)."""
    buffer = io.StringIO()
    write_json(G, buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Reading


class _Texts(dict[str, str]):
    """Document texts by id; a span naming a document not in the file is a SpanError."""

    def __missing__(self, key: str) -> str:
        raise SpanError(f"a span refers to document {key!r}, which is not in the file")


R = TypeVar("R")


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ExportError(f"graph JSON: {message}")


def _read_section(
    data: Mapping[str, Any], name: str, cls: type[R], texts: _Texts,
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> list[R]:
    items = data.get(name, [])
    _require(isinstance(items, list), f'"{name}" must be a list')
    out: list[R] = []
    for i, item in enumerate(items):
        where = f"{name}[{i}]"
        _require(isinstance(item, dict), f"{where} must be an object")
        if isinstance(item.get("id"), str):
            where += f" ({item['id']})"
        try:
            out.append(from_dict(cls, prepare(item) if prepare else item, texts))
        except (ModelError, ExportError) as err:
            raise ExportError(_one_line(f"graph JSON {where}: {err}")) from err
    return out


def _prepare_document(item: dict[str, Any]) -> dict[str, Any]:
    data = dict(item)
    origin = data.get("metadata_origin", [])
    if not isinstance(origin, list) or not all(
        isinstance(o, dict) and isinstance(o.get("field"), str) and isinstance(o.get("origin"), str)
        for o in origin
    ):
        raise ExportError('"metadata_origin" must be a list of {"field", "origin"} objects')
    data["metadata_origin"] = [[o["field"], o["origin"]] for o in origin]
    return data


def _prepare_event(item: dict[str, Any]) -> dict[str, Any]:
    data = dict(item)
    ids = data.get("participants", [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ExportError('"participants" must be a list of entity ids')
    if "participation" in data:
        participation = data["participation"]
        if not isinstance(participation, list) or not all(
            isinstance(p, dict) and isinstance(p.get("entity"), str) for p in participation
        ):
            raise ExportError('"participation" must be a list of {"entity", "role"} objects')
        expected = list(dict.fromkeys(p["entity"] for p in participation))
        if ids != expected:
            raise ExportError(f'"participants" {ids} do not match "participation" ({expected})')
    else:  # a producer may give ids only; each takes the default role
        participation = [{"entity": i, "role": Participant(i).role} for i in ids]
    data["participants"] = participation
    return data


def _prepare_citation(item: dict[str, Any]) -> dict[str, Any]:
    if "cites" in item:
        expected = item.get("cites_document") or item.get("cites_entity") or item.get("cites_label")
        if item["cites"] != expected:
            raise ExportError(
                f'"cites" is {item["cites"]!r} but cites_document/cites_entity/cites_label give {expected!r}'
            )
    return item


def _load(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ExportError(f"graph JSON: not valid JSON: {err}") from err
    except (TypeError, ValueError) as err:
        raise ExportError(f"graph JSON: cannot read input: {err}") from err
    _require(isinstance(data, dict), "the top level must be an object")
    _require(data.get("schema") == SCHEMA, f'"schema" must be {SCHEMA!r}, got {data.get("schema")!r}')
    version = data.get("schema_version")
    _require(
        isinstance(version, str) and version.split(".")[0] == _MAJOR,
        f'"schema_version" {version!r} is not supported (this reader reads {_MAJOR}.x)',
    )
    case = data.get("case", {})
    _require(isinstance(case, dict), '"case" must be an object')
    return data


def _unique(kind: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        _require(i not in seen, f"{kind} id {i!r} appears twice")
        seen.add(i)


def read_records(text: str) -> tuple[Records, dict[str, Any]]:
    """The records and case settings of a graph JSON text; ExportError if it is malformed."""
    data = _load(text)
    raw_docs = data.get("documents", [])
    _require(isinstance(raw_docs, list), '"documents" must be a list')
    texts = _Texts()
    for i, doc in enumerate(raw_docs):
        _require(
            isinstance(doc, dict) and isinstance(doc.get("id"), str) and isinstance(doc.get("text"), str),
            f"documents[{i}] needs a string id and text",
        )
        texts[doc["id"]] = doc["text"]
    records = Records(
        documents=tuple(_read_section(data, "documents", Document, texts, _prepare_document)),
        entities=tuple(_read_section(data, "entities", Entity, texts)),
        events=tuple(_read_section(data, "events", Event, texts, _prepare_event)),
        claims=tuple(_read_section(data, "claims", Claim, texts)),
        citations=tuple(_read_section(data, "citations", Citation, texts, _prepare_citation)),
        conflicts=tuple(_read_section(data, "conflicts", Conflict, texts)),
        quantities=tuple(_read_section(data, "quantities", Quantity, texts)),
        decisions=tuple(_read_section(data, "decisions", Decision, texts)),
    )
    _unique("record", (r.id for name in _SECTIONS for r in getattr(records, name)))
    return records, dict(data.get("case", {}))


def from_json(text: str) -> nx.MultiDiGraph:
    """The graph of a graph JSON text; ExportError naming the problem if it is malformed."""
    records, case = read_records(text)
    return build_graph(records, **case)


def read_json(stream: TextIO) -> nx.MultiDiGraph:
    """The graph of a graph JSON text stream."""
    return from_json(stream.read())
