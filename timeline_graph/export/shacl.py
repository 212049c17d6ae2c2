"""Validation of an RDF export against the project's SHACL shapes (``ontology/shapes.ttl``).

The file is read with pyoxigraph's strict parsers (any of the RDF export formats, by suffix),
all its graphs are merged, and pySHACL checks the union against the shapes: a document's named
graph of assertions points at records described in the default graph, so graphs are not
validated apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import pyoxigraph
import rdflib

from ..errors import ExportError
from ..vocab import PREFIXES

__all__ = ["FORMAT_BY_SUFFIX", "Problem", "Validation", "ontology_file", "read_rdf", "shapes", "validate_file",
           "validate_graph"]

#: pyoxigraph's format for each export suffix.
FORMAT_BY_SUFFIX: dict[str, pyoxigraph.RdfFormat] = {
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
    ".json-ld": pyoxigraph.RdfFormat.JSON_LD,
}
_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_AN_EXPORT = "an export states at least the case's documents"


def ontology_file(name: str) -> Path:
    """A file of the packaged ontology (``timeline-graph.ttl``, ``shapes.ttl``, ``context.jsonld``).

    The package ships copies of the files of the top-level ``ontology/`` folder; a test keeps
    them byte-identical.
    """
    found = resources.files("timeline_graph") / "ontology" / name
    return Path(str(found))


def shapes() -> rdflib.Graph:
    """The SHACL shapes graph."""
    return rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def read_rdf(path: Path) -> list[pyoxigraph.Quad]:
    """Every quad of an RDF file, parsed strictly; ExportError if it cannot be read."""
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(f"{path}: unknown RDF suffix; known: {', '.join(sorted(FORMAT_BY_SUFFIX))}")
    try:
        with path.open("rb") as stream:
            return list(pyoxigraph.parse(stream, format=fmt))
    except OSError as err:
        raise ExportError(f"{path}: cannot read ({err.strerror or err})") from err
    except SyntaxError as err:
        raise ExportError(f"{path}: not valid {fmt.name}: {err}") from err


def _to_rdflib(quads: list[pyoxigraph.Quad]) -> rdflib.Graph:
    data = pyoxigraph.serialize([pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads],
                                format=pyoxigraph.RdfFormat.N_TRIPLES)
    g = rdflib.Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g.parse(data=(data or b"").decode("utf-8"), format="nt")


@dataclass(frozen=True)
class Problem:
    """One SHACL result: the node, the property path, and the message."""

    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        focus = f" <{self.focus}>{where}" if self.focus else where
        return f"{self.severity}:{focus}: {self.message}" if focus else f"{self.severity}: {self.message}"


@dataclass(frozen=True)
class Validation:
    """The outcome of a validation: whether the data conforms, and every problem found."""

    conforms: bool
    triples: int
    problems: tuple[Problem, ...]
    source: str = ""  # the file checked, if the data came from one

    def report(self) -> str:
        """A readable report: one line per problem, then a summary; one line when there was
        nothing to check (an empty file), naming the file and why."""
        if not self.triples:
            reasons = "; ".join(p.message for p in self.problems)
            return f"{self.source or 'the data'}: does not conform: {reasons}"
        lines = [str(p) for p in self.problems]
        verdict = "conforms" if self.conforms else f"does not conform: {len(self.problems)} problem(s)"
        lines.append(f"{self.triples} triples checked against ontology/shapes.ttl: {verdict}")
        return "\n".join(lines)


def _short(term: object, g: rdflib.Graph) -> str:
    if isinstance(term, rdflib.URIRef):
        return g.namespace_manager.normalizeUri(term)
    return str(term) if term is not None else ""


def validate_graph(data: rdflib.Graph) -> Validation:
    """Check a graph against the shapes; a graph with no triples at all does not conform."""
    from pyshacl import validate

    if not len(data):  # no shape is violated by nothing, but nothing is not an export
        return _nothing_to_check(f"no triples; {_AN_EXPORT}")

    conforms, results, _text = validate(data, shacl_graph=shapes(), inference="none", advanced=False)
    problems = []
    for result in results.subjects(rdflib.RDF.type, _SH.ValidationResult):
        message = results.value(result, _SH.resultMessage)
        component = results.value(result, _SH.sourceConstraintComponent)
        problems.append(Problem(
            focus=str(results.value(result, _SH.focusNode)),
            path=_short(results.value(result, _SH.resultPath), data),
            message=str(message) if message is not None else _short(component, data),
            severity=_short(results.value(result, _SH.resultSeverity), results).rsplit(":", 1)[-1].rsplit("#", 1)[-1],
        ))
    problems.sort(key=lambda p: (p.focus, p.path, p.message))
    return Validation(bool(conforms), len(data), tuple(problems))


def _nothing_to_check(reason: str, source: str = "") -> Validation:
    """The outcome for data with no triples at all: it does not conform, for ``reason``."""
    return Validation(False, 0, (Problem("", "", reason, "Violation"),), source)


def validate_file(path: Path) -> Validation:
    """Read an RDF export (any graph format by its suffix) and check it against the shapes; an
    empty file does not conform, whatever its format."""
    path = Path(path)
    if path.is_file() and path.stat().st_size == 0:  # before parsing: JSON-LD would call it a syntax error
        return _nothing_to_check(f"the file is empty; {_AN_EXPORT}", str(path))
    return replace(validate_graph(_to_rdflib(read_rdf(path))), source=str(path))
