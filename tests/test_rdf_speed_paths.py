"""The fast RDF writers against plain reference versions of themselves.

Turtle, TriG and JSON-LD render each term once and group a subject's texts in flat lists;
N-Triples and N-Quads stream lines. Here the same quads go through the obvious algorithm
(dicts of subjects, predicates and term objects; JSON-LD through ``json``) and the bytes must
match, on hand-written quads that repeat, reopen subjects, switch graphs and need escapes, and on
generated cases.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

from timeline_graph.export import rdfio
from timeline_graph.export.rdf import Lit, Quad, Term
from timeline_graph.graph import build_graph
from timeline_graph.model import Records
from timeline_graph.vocab import PREFIXES

from .test_graphjson import small_records

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
TG = PREFIXES["tg"]
EX = "https://example.org/x/"

#: Repeats (within and across graphs), a subject reopened much later, rdf:type after other
#: predicates, a named graph before any default-graph quad, escapes, unicode, a language tag.
QUADS: list[Quad] = [
    (f"{EX}a", f"{TG}quote", Lit('say "hi"\n\tthen\\go'), f"{EX}graph/1"),
    (f"{EX}a", RDF_TYPE, f"{TG}Claim", None),
    (f"{EX}b", f"{TG}label", Lit("été", language="fr"), None),
    (f"{EX}a", f"{TG}quote", Lit('say "hi"\n\tthen\\go'), f"{EX}graph/1"),
    (f"{EX}a", RDF_TYPE, f"{TG}Claim", f"{EX}graph/1"),
    (f"{EX}b", f"{TG}count", Lit("3", f"{XSD}nonNegativeInteger"), None),
    (f"{EX}a", f"{TG}cites", f"{EX}b", None),
    (f"{EX}c", f"{TG}odd", Lit("x", "https://example.org/dt#t"), f"{EX}graph/2"),
    (f"{EX}a", RDF_TYPE, PREFIXES["schema"] + "Claim", None),
    (f"{EX}a", f"{TG}cites", f"{EX}c", None),
    (f"{EX}b", f"{TG}label", Lit("\x01\x7f"), f"{EX}graph/1"),
    (f"{EX}a", f"{TG}cites", f"{EX}b", f"{EX}graph/2"),
    (f"{EX}c", RDF_TYPE, f"{TG}Span", f"{EX}graph/2"),
]


def _grouped(quads: list[Quad], by_graph: bool) -> dict[str | None, dict[str, dict[str, dict[Term, None]]]]:
    graphs: dict[str | None, dict[str, dict[str, dict[Term, None]]]] = {None: {}}
    for s, p, o, g in quads:
        subjects = graphs.setdefault(g if by_graph else None, {})
        subjects.setdefault(s, {}).setdefault(p, {})[o] = None
    return graphs


def _ttl_term(term: Term, cache: dict[str, str]) -> str:
    return rdfio._ttl_literal(term, cache) if isinstance(term, Lit) else rdfio._name(term, cache)


def _blocks(subjects: dict[str, dict[str, dict[Term, None]]], indent: str, cache: dict[str, str]) -> str:
    out = []
    for s, predicates in subjects.items():
        parts = []
        if RDF_TYPE in predicates:
            parts.append("a " + ", ".join(_ttl_term(o, cache) for o in predicates[RDF_TYPE]))
        parts += [f"{rdfio._name(p, cache)} " + ", ".join(_ttl_term(o, cache) for o in objects)
                  for p, objects in predicates.items() if p != RDF_TYPE]
        out.append(f"\n{indent}{rdfio._name(s, cache)} " + f" ;\n{indent}    ".join(parts) + " .\n")
    return "".join(out)


def _prefixes() -> str:
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items())


def reference_turtle(quads: list[Quad]) -> str:
    return _prefixes() + _blocks(_grouped(quads, False)[None], "", {})


def reference_trig(quads: list[Quad]) -> str:
    graphs, cache = _grouped(quads, True), dict[str, str]()
    text = _prefixes() + _blocks(graphs.pop(None), "", cache)
    for g, subjects in graphs.items():
        text += f"\n{rdfio._name(g or '', cache)} {{" + _blocks(subjects, "    ", cache) + "}\n"
    return text


def reference_jsonld(quads: list[Quad]) -> str:
    cache: dict[str, str] = {}

    def compact(iri: str) -> str:
        name = rdfio._name(iri, cache)
        return name[1:-1] if name.startswith("<") else name

    def value(term: Term) -> Any:
        if not isinstance(term, Lit):
            return {"@id": term}
        if term.language:
            return {"@value": term.lexical, "@language": term.language}
        if term.datatype == XSD + "string":
            return term.lexical
        return {"@value": term.lexical, "@type": compact(term.datatype)}

    def nodes(subjects: dict[str, dict[str, dict[Term, None]]]) -> Iterator[dict[str, Any]]:
        for s, predicates in subjects.items():
            node: dict[str, Any] = {"@id": s}
            if RDF_TYPE in predicates:
                node["@type"] = [compact(str(t)) for t in predicates[RDF_TYPE]]
            node.update({compact(p): [value(o) for o in objects]
                         for p, objects in predicates.items() if p != RDF_TYPE})
            yield node

    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    graphs = _grouped(quads, True)
    items = list(nodes(graphs.pop(None)))
    items += [{"@id": g, "@graph": list(nodes(subjects))} for g, subjects in graphs.items()]
    return ('{"@context":' + dump(dict(PREFIXES)) + ',\n"@graph":['
            + ",".join("\n" + dump(item) for item in items) + "\n]}\n")


def reference_lines(quads: list[Quad], with_graph: bool) -> str:
    seen: dict[tuple[Any, ...], None] = {}
    for s, p, o, g in quads:
        seen[(s, p, o, g) if with_graph else (s, p, o)] = None
    out = []
    for key in seen:
        s, p, o = key[:3]
        obj = f"<{o}>" if not isinstance(o, Lit) else (
            '"' + o.lexical.translate(rdfio._ESCAPES) + '"'
            + (f"@{o.language}" if o.language else "" if o.datatype == XSD + "string" else f"^^<{o.datatype}>"))
        graph = f" <{key[3]}>" if with_graph and key[3] is not None else ""
        out.append(f"<{s}> <{p}> {obj}{graph} .\n")
    return "".join(out)


REFERENCES: dict[str, Callable[[list[Quad]], str]] = {
    "turtle": reference_turtle,
    "trig": reference_trig,
    "jsonld": reference_jsonld,
    "ntriples": lambda q: reference_lines(q, False),
    "nquads": lambda q: reference_lines(q, True),
}
WRITERS: dict[str, Callable[[nx.MultiDiGraph, TextIO], None]] = {
    "turtle": rdfio.write_turtle, "trig": rdfio.write_trig, "jsonld": rdfio.write_jsonld,
    "ntriples": rdfio.write_ntriples, "nquads": rdfio.write_nquads,
}


def written(name: str, G: nx.MultiDiGraph) -> str:
    buffer = io.StringIO()
    WRITERS[name](G, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writers_match_the_reference_on_awkward_quads(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rdfio, "quads", lambda G: iter(QUADS))
    text = written(name, nx.MultiDiGraph())
    assert text == REFERENCES[name](QUADS)
    if name == "jsonld":
        json.loads(text)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writers_match_the_reference_on_the_sample(name: str, sample_graph: nx.MultiDiGraph) -> None:
    assert written(name, sample_graph) == REFERENCES[name](list(rdfio.quads(sample_graph)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=small_records())
def test_writers_match_the_reference_on_generated_cases(records: Records) -> None:
    G = build_graph(records, title="generated", base_iri=EX)
    found = list(rdfio.quads(G))
    for name in WRITERS:
        assert written(name, G) == REFERENCES[name](found), name
