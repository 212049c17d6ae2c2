"""Deterministic RDF writers over :func:`timeline_graph.export.rdf.quads`.

Every writer streams text: N-Triples and N-Quads line by line in the quads' own order (repeats
dropped), Turtle, TriG and JSON-LD grouped by subject in first-seen order with ``rdf:type``
first. No rdflib objects are built on the way, which is what makes a million triples take
seconds rather than minutes (see ``benchmarks/rdf_export.py``); the same graph always gives the
same bytes.

>>> from timeline_graph.graph import build_graph
>>> from timeline_graph.model import Records
>>> G = build_graph(Records(), title="Empty", base_iri="https://example.org/e/")
>>> print(to_ntriples(G).splitlines()[0])
<https://example.org/e/case> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/timeline-graph/ns#Case> .
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TextIO

import networkx as nx

from ..errors import ExportError
from ..snapshot import paused_gc
from ..vocab import PREFIXES, XSD
from .rdf import Lit, Quad, quads

__all__ = [
    "graph_lines",
    "jsonld_context",
    "to_jsonld",
    "to_nquads",
    "to_ntriples",
    "to_trig",
    "to_turtle",
    "write_jsonld",
    "write_nquads",
    "write_ntriples",
    "write_trig",
    "write_turtle",
]

_XSD_STRING = str(XSD.string)
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_CHUNK = 20_000

_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _ESCAPES})
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_NAMESPACES = {ns: prefix for prefix, ns in PREFIXES.items()}


def _unique(found: Iterable[Quad]) -> Iterator[Quad]:
    seen: set[Quad] = set()
    add = seen.add
    for q in found:
        if q not in seen:
            add(q)
            yield q


# ---------------------------------------------------------------------------------------------
# N-Triples and N-Quads


def _iri(iri: str, cache: dict[str, str]) -> str:
    found = cache.get(iri)
    if found is None:
        if _BAD_IRI.search(iri):
            raise ExportError(f"RDF export: {iri!r} is not a valid IRI")
        found = cache[iri] = f"<{iri}>"
    return found


def _lines(G: nx.MultiDiGraph, *, with_graph: bool) -> Iterator[tuple[str | None, str]]:
    # Each line with the graph it belongs to (None: the default graph). The hot path of every large export: one pass, no function call per term. Vocabulary IRIs
    # and datatypes are formatted once. Minted IRIs are built from a checked base and
    # percent-encoded ids, so they are written without another check.
    cache: dict[str, str] = {}
    seen: set[Any] = set()
    add = seen.add
    needs_escape = _NEEDS_ESCAPE.search
    escapes = _ESCAPES
    for quad in quads(G):
        s, p, o, g = quad
        key = quad if with_graph else (s, p, o)
        if key in seen:
            continue
        add(key)
        if o.__class__ is Lit:
            lexical, datatype, language = o
            if needs_escape(lexical):
                lexical = lexical.translate(escapes)
            if language:
                obj = f'"{lexical}"@{language}'
            elif datatype == _XSD_STRING:
                obj = f'"{lexical}"'
            else:
                obj = f'"{lexical}"^^{cache.get(datatype) or _iri(datatype, cache)}'
        else:
            obj = f"<{o}>"
        pred = cache.get(p) or _iri(p, cache)
        if g is not None and with_graph:
            yield g, f"<{s}> {pred} {obj} <{g}> .\n"
        else:
            yield g, f"<{s}> {pred} {obj} .\n"


def _write_chunked(lines: Iterable[str], out: TextIO) -> None:
    lines = iter(lines)
    with paused_gc():
        while chunk := "".join(islice(lines, _CHUNK)):
            out.write(chunk)


def write_ntriples(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write every triple (all graphs merged) as N-Triples, one per line, without repeats."""
    _write_chunked((line for _, line in _lines(G, with_graph=False)), out)


def write_nquads(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write every quad as N-Quads: a document's assertions carry its named graph's IRI."""
    _write_chunked((line for _, line in _lines(G, with_graph=True)), out)


def graph_lines(G: nx.MultiDiGraph) -> Iterator[tuple[str | None, str]]:
    """Every quad as an N-Quads line with the IRI of its graph (None for the default graph), in
    the order of :func:`write_nquads`: what a store needs to replace one graph at a time."""
    return _lines(G, with_graph=True)


# ---------------------------------------------------------------------------------------------
# Turtle, TriG and JSON-LD: grouped by subject
#
# One pass over the quads renders every predicate and object to its final text at once and
# keeps, per subject, a flat list ``[predicate, object, predicate, object, ...]`` of those
# texts; repeats are dropped when a subject's block is written. At millions of triples this
# holds a fraction of what a dict of predicates, each with a dict of term objects, would
# (dicts per predicate cost more than the triples themselves).

#: Per graph (None for the default graph), per subject IRI in first-seen order, the flat list
#: of rendered predicate and object texts.
Grouped = dict[str | None, dict[str, list[str]]]


def _name(iri: str, cache: dict[str, str]) -> str:
    """An IRI as a prefixed name where one of the fixed prefixes covers it, else ``<iri>``."""
    found = cache.get(iri)
    if found is not None:
        return found
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    prefix = _NAMESPACES.get(iri[:cut])
    if prefix is not None and _LOCAL.fullmatch(iri[cut:]):
        found = f"{prefix}:{iri[cut:]}"
    elif _BAD_IRI.search(iri):
        raise ExportError(f"RDF export: {iri!r} is not a valid IRI")
    else:
        found = f"<{iri}>"
    if len(cache) < 100_000:  # vocabulary and agents repeat; most subjects do not
        cache[iri] = found
    return found


def _ttl_literal(term: Lit, cache: dict[str, str]) -> str:
    lexical, datatype, language = term
    if _NEEDS_ESCAPE.search(lexical):
        lexical = lexical.translate(_ESCAPES)
    if language:
        return f'"{lexical}"@{language}'
    if datatype == _XSD_STRING:
        return f'"{lexical}"'
    return f'"{lexical}"^^{cache.get(datatype) or _name(datatype, cache)}'


def _grouped(G: nx.MultiDiGraph, *, by_graph: bool, predicate: Callable[[str], str],
             literal: Callable[[Lit], str], iri: Callable[[str], str],
             type_iri: Callable[[str], str] | None = None) -> Grouped:
    """Every quad's predicate and object rendered, grouped by graph (if ``by_graph``) and subject.

    ``type_iri`` renders the objects of ``rdf:type`` where they are written differently.
    """
    graphs: Grouped = {None: {}}
    subjects = graphs[None]
    last_graph: str | None = None
    cache: dict[str, str] = {}  # IRIs that repeat: vocabulary, agents, documents
    types: dict[str, str] = {}
    type_name = predicate(_RDF_TYPE) if type_iri is not None else None
    names: dict[str, str] = {_RDF_TYPE: type_name} if type_name is not None else {}
    with paused_gc():
        for s, p, o, g in quads(G):
            if by_graph and g != last_graph:
                last_graph = g
                found = graphs.get(g)
                subjects = graphs[g] = {} if found is None else found
            texts = subjects.get(s)
            if texts is None:
                texts = subjects[s] = []
            name = names.get(p)
            if name is None:
                name = names[p] = predicate(p)
            if o.__class__ is Lit:
                texts += (name, literal(o))
            elif name is type_name:
                text = types.get(o)  # type: ignore[arg-type]
                if text is None:
                    text = types[o] = type_iri(o)  # type: ignore[index, misc, arg-type]
                texts += (name, text)
            else:
                text = cache.get(o)  # type: ignore[arg-type]
                if text is None:
                    text = iri(o)  # type: ignore[arg-type]
                    if len(cache) < 100_000:
                        cache[o] = text  # type: ignore[index]
                texts += (name, text)
    return graphs


def _by_predicate(texts: list[str]) -> dict[str, list[str]]:
    """A subject's predicates in first-seen order, each with its objects, repeats dropped."""
    predicates: dict[str, list[str]] = {}
    for p, o in zip(texts[::2], texts[1::2], strict=True):
        objects = predicates.get(p)
        if objects is None:
            predicates[p] = [o]
        elif o not in objects:
            objects.append(o)
    return predicates


def _blocks(subjects: dict[str, list[str]], indent: str, cache: dict[str, str]) -> Iterator[str]:
    rdf_type = _name(_RDF_TYPE, cache)
    between = f" ;\n{indent}    "
    for s, texts in subjects.items():
        predicates = _by_predicate(texts)
        types = predicates.pop(rdf_type, None)
        parts = [f"{p} {', '.join(objects)}" for p, objects in predicates.items()]
        if types:
            parts.insert(0, "a " + ", ".join(types))
        yield f"\n{indent}{_name(s, cache)} {between.join(parts)} .\n"


def _prefixes(out: TextIO) -> None:
    out.write("".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items()))


def _turtle_groups(G: nx.MultiDiGraph, *, by_graph: bool, cache: dict[str, str]) -> Grouped:
    return _grouped(G, by_graph=by_graph, predicate=lambda p: _name(p, cache),
                    literal=lambda o: _ttl_literal(o, cache), iri=lambda o: _name(o, cache))


def write_turtle(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write the graph's RDF (all graphs merged) as Turtle: fixed prefixes, grouped by subject."""
    cache: dict[str, str] = {}
    subjects = _turtle_groups(G, by_graph=False, cache=cache)[None]
    _prefixes(out)
    _write_chunked(_blocks(subjects, "", cache), out)


def write_trig(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write TriG: the default graph first, then each document's named graph of assertions."""
    cache: dict[str, str] = {}
    graphs = _turtle_groups(G, by_graph=True, cache=cache)
    _prefixes(out)
    _write_chunked(_blocks(graphs.pop(None), "", cache), out)
    for g, subjects in graphs.items():
        out.write(f"\n{_name(g or '', cache)} {{")
        _write_chunked(_blocks(subjects, "    ", cache), out)
        out.write("}\n")


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of every export: the fixed prefixes (``ontology/context.jsonld``)."""
    return {"@context": dict(PREFIXES)}


def _compact(iri: str, cache: dict[str, str]) -> str:
    name = _name(iri, cache)
    return name[1:-1] if name.startswith("<") else name


# JSON texts are built from pieces exactly as ``json.JSONEncoder(ensure_ascii=False,
# separators=(",", ":"))`` writes them, without building the dicts first.
_json_str = json.encoder.encode_basestring


def _jsonld_literal(term: Lit, cache: dict[str, str]) -> str:
    lexical, datatype, language = term
    if language:
        return f'{{"@value":{_json_str(lexical)},"@language":{_json_str(language)}}}'
    if datatype == _XSD_STRING:
        return _json_str(lexical)
    return f'{{"@value":{_json_str(lexical)},"@type":{_json_str(_compact(datatype, cache))}}}'


def _nodes(subjects: dict[str, list[str]], cache: dict[str, str]) -> Iterator[str]:
    """One JSON node object per subject: ``@id``, ``@type``, then each predicate's values."""
    rdf_type = _json_str(_compact(_RDF_TYPE, cache))
    for s, texts in subjects.items():
        predicates = _by_predicate(texts)
        parts = [f'{{"@id":{_json_str(s)}']
        types = predicates.pop(rdf_type, None)
        if types:
            parts.append(f'"@type":[{",".join(types)}]')
        for p, objects in predicates.items():
            parts.append(f'{p}:[{",".join(objects)}]')
        yield ",".join(parts) + "}"


def write_jsonld(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write JSON-LD: one node object per subject, each named graph as a node with ``@graph``."""
    cache: dict[str, str] = {}

    graphs = _grouped(G, by_graph=True, predicate=lambda p: _json_str(_compact(p, cache)),
                      literal=lambda o: _jsonld_literal(o, cache), iri=lambda o: f'{{"@id":{_json_str(o)}}}',
                      type_iri=lambda o: _json_str(_compact(o, cache)))  # types are compact names
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out.write('{"@context":' + dump(jsonld_context()["@context"]) + ',\n"@graph":[')
    first = True

    def item(node: str) -> None:
        nonlocal first
        out.write(("\n" if first else ",\n") + node)
        first = False

    with paused_gc():
        for node in _nodes(graphs.pop(None), cache):
            item(node)
        for g, subjects in graphs.items():
            item(f'{{"@id":{_json_str(g or "")},"@graph":[{",".join(_nodes(subjects, cache))}]}}')
    out.write("\n]}\n")


def _text(write: Callable[[nx.MultiDiGraph, TextIO], None]) -> Callable[[nx.MultiDiGraph], str]:
    def to_text(G: nx.MultiDiGraph) -> str:
        buffer = io.StringIO()
        write(G, buffer)
        return buffer.getvalue()

    to_text.__doc__ = f"The text {write.__name__} writes."
    return to_text


to_turtle = _text(write_turtle)
to_trig = _text(write_trig)
to_ntriples = _text(write_ntriples)
to_nquads = _text(write_nquads)
to_jsonld = _text(write_jsonld)
