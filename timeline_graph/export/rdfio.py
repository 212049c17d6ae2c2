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

import gc
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import networkx as nx

from ..errors import ExportError
from ..vocab import PREFIXES, XSD
from .rdf import Lit, Quad, Term, Triple, quads

__all__ = [
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


def _quote(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


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


def _lines(G: nx.MultiDiGraph, *, with_graph: bool) -> Iterator[str]:
    # The hot path of every large export: one pass, no function call per term. Vocabulary IRIs
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
            yield f"<{s}> {pred} {obj} <{g}> .\n"
        else:
            yield f"<{s}> {pred} {obj} .\n"


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the writers and the importer allocate millions of
    small tuples, dicts and records and no cycles, and the collector's repeated passes over them
    cost more than the work."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_chunked(lines: Iterable[str], out: TextIO) -> None:
    chunk: list[str] = []
    with paused_gc():
        for line in lines:
            chunk.append(line)
            if len(chunk) >= _CHUNK:
                out.write("".join(chunk))
                chunk.clear()
    out.write("".join(chunk))


def write_ntriples(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write every triple (all graphs merged) as N-Triples, one per line, without repeats."""
    _write_chunked(_lines(G, with_graph=False), out)


def write_nquads(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write every quad as N-Quads: a document's assertions carry its named graph's IRI."""
    _write_chunked(_lines(G, with_graph=True), out)


# ---------------------------------------------------------------------------------------------
# Turtle and TriG


Subjects = dict[str, dict[str, dict[Term, None]]]


def _group(found: Iterable[Triple]) -> Subjects:
    """Subjects in first-seen order, each with its predicates and objects, repeats dropped."""
    subjects: Subjects = {}
    for s, p, o in found:
        predicates = subjects.get(s)
        if predicates is None:
            predicates = subjects[s] = {}
        objects = predicates.get(p)
        if objects is None:
            objects = predicates[p] = {}
        objects[o] = None
    return subjects


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


def _ttl_term(term: Term, cache: dict[str, str]) -> str:
    if isinstance(term, Lit):
        if term.language:
            return f"{_quote(term.lexical)}@{term.language}"
        if term.datatype == _XSD_STRING:
            return _quote(term.lexical)
        return f"{_quote(term.lexical)}^^{_name(term.datatype, cache)}"
    return _name(term, cache)


def _blocks(subjects: Subjects, indent: str, cache: dict[str, str]) -> Iterator[str]:
    for s, predicates in subjects.items():
        parts: list[str] = []
        types = predicates.get(_RDF_TYPE)
        if types:
            parts.append("a " + ", ".join(_ttl_term(o, cache) for o in types))
        for p, objects in predicates.items():
            if p != _RDF_TYPE:
                parts.append(f"{_name(p, cache)} " + ", ".join(_ttl_term(o, cache) for o in objects))
        yield f"\n{indent}{_name(s, cache)} " + f" ;\n{indent}    ".join(parts) + " .\n"


def _prefixes(out: TextIO) -> None:
    out.write("".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items()))


def write_turtle(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write the graph's RDF (all graphs merged) as Turtle: fixed prefixes, grouped by subject."""
    with paused_gc():
        subjects = _group((s, p, o) for s, p, o, _ in quads(G))
    _prefixes(out)
    _write_chunked(_blocks(subjects, "", {}), out)


def _by_graph(G: nx.MultiDiGraph) -> dict[str | None, Subjects]:
    graphs: dict[str | None, list[Triple]] = {None: []}
    for s, p, o, g in quads(G):
        found = graphs.get(g)
        if found is None:
            found = graphs[g] = []
        found.append((s, p, o))
    return {g: _group(found) for g, found in graphs.items()}


def write_trig(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write TriG: the default graph first, then each document's named graph of assertions."""
    with paused_gc():
        graphs = _by_graph(G)
    cache: dict[str, str] = {}
    _prefixes(out)
    _write_chunked(_blocks(graphs.pop(None), "", cache), out)
    for g, subjects in graphs.items():
        out.write(f"\n{_name(g or '', cache)} {{")
        _write_chunked(_blocks(subjects, "    ", cache), out)
        out.write("}\n")


# ---------------------------------------------------------------------------------------------
# JSON-LD


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of every export: the fixed prefixes (``ontology/context.jsonld``)."""
    return {"@context": dict(PREFIXES)}


def _compact(iri: str, cache: dict[str, str]) -> str:
    name = _name(iri, cache)
    return name[1:-1] if name.startswith("<") else name


def _jsonld_value(term: Term, cache: dict[str, str]) -> Any:
    if isinstance(term, Lit):
        if term.language:
            return {"@value": term.lexical, "@language": term.language}
        if term.datatype == _XSD_STRING:
            return term.lexical
        return {"@value": term.lexical, "@type": _compact(term.datatype, cache)}
    return {"@id": term}


def _nodes(subjects: Subjects, cache: dict[str, str]) -> Iterator[dict[str, Any]]:
    for s, predicates in subjects.items():
        node: dict[str, Any] = {"@id": s}
        types = predicates.get(_RDF_TYPE)
        if types:
            node["@type"] = [_compact(str(t), cache) for t in types]
        for p, objects in predicates.items():
            if p != _RDF_TYPE:
                node[_compact(p, cache)] = [_jsonld_value(o, cache) for o in objects]
        yield node


def write_jsonld(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write JSON-LD: one node object per subject, each named graph as a node with ``@graph``."""
    with paused_gc():
        graphs = _by_graph(G)
    cache: dict[str, str] = {}
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out.write('{"@context":' + dump(jsonld_context()["@context"]) + ',\n"@graph":[')
    first = True

    def item(node: dict[str, Any]) -> None:
        nonlocal first
        out.write(("\n" if first else ",\n") + dump(node))
        first = False

    for node in _nodes(graphs.pop(None), cache):
        item(node)
    for g, subjects in graphs.items():
        item({"@id": g, "@graph": list(_nodes(subjects, cache))})
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
