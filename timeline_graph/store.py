"""The case's RDF in an embedded SPARQL store, kept in step with the case.

The store is pyoxigraph's, on disk in the case's cache (``.timeline-graph/store/``). It holds
the quads of the curated graph, exactly those of an N-Quads export: the default graph (the case,
documents, entities, events, clusters, conflicts, decisions) and one named graph per document
(what that document asserts: its claims, citations, mentions and reports).

It is kept in step lazily and incrementally. :func:`open_store` compares the key of the curated
graph (a new build or a new decision changes it) with the key the store was last filled for;
when they differ it hashes each graph's quads and replaces only the graphs whose hash changed,
so a decision or a rebuild after ten new documents touches only what moved. The state (key and
hashes) is written after the store, and the graphs about to be replaced are struck from it
first: a process killed half-way leaves them marked unknown, and the next reader replaces them
again. An exclusive lock on ``store.lock`` serialises updates; readers hold a shared one.
A store that cannot be opened (damaged, written by another version) is removed and filled
again: like the rest of the cache, it can always be rebuilt from the case.

:func:`run_query` answers SELECT, ASK, CONSTRUCT and DESCRIBE; by default the default graph is
the union of all graphs, so a plain pattern sees every document's claims, and ``GRAPH ?g``
still names the document that asserts a triple.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from .errors import CaseError, QueryError
from .export.rdfio import graph_lines
from .vocab import PREFIXES

__all__ = ["ANSWER_FORMATS", "Answer", "CaseStore", "bind", "examples", "graph_hashes", "open_store", "query_text", "run_query", "short", "sync_store"]

STORE_DIR = "store"
STATE_FILE = "state.json"
LOCK_FILE = "store.lock"
#: The state file's own format; a store of another format is filled again from scratch.
STATE_FORMAT = 1
_DEFAULT = ""  # the default graph's name in the state's hashes

Progress = Callable[[str], None]


# ---------------------------------------------------------------------------------------------
# Keeping the store in step


@contextlib.contextmanager
def _locked(cache: Path, kind: int, progress: Progress | None = None) -> Iterator[None]:
    with (cache / LOCK_FILE).open("a+b") as handle:
        try:
            fcntl.flock(handle, kind | fcntl.LOCK_NB)
        except BlockingIOError:
            if progress:
                progress("waiting for the case's SPARQL store: another process ('serve', or a query "
                         "bringing it up to date) is using it")
            fcntl.flock(handle, kind)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_state(folder: Path) -> dict[str, Any]:
    try:
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict) or state.get("format") != STATE_FORMAT or not isinstance(state.get("graphs"), dict):
        return {}
    return state


def _write_state(folder: Path, key: str | None, graphs: dict[str, str]) -> None:
    text = json.dumps({"format": STATE_FORMAT, "key": key, "graphs": dict(sorted(graphs.items()))}, indent=0)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".state-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, folder / STATE_FILE)


def graph_hashes(G: nx.MultiDiGraph) -> dict[str, str]:
    """The sha256 of each graph's N-Quads lines, by graph IRI ("" for the default graph)."""
    found: dict[str, Any] = {}
    for graph, line in graph_lines(G):
        name = graph or _DEFAULT
        digest = found.get(name)
        if digest is None:
            digest = found[name] = hashlib.sha256()
        digest.update(line.encode("utf-8"))
    return {name: digest.hexdigest() for name, digest in found.items()}


def _open_writable(folder: Path) -> ox.Store:
    try:
        return ox.Store(str(folder))
    except OSError:  # damaged, or written by a version that cannot read it: it is only a cache
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(folder))


def sync_store(G: nx.MultiDiGraph, cache: Path, key: str, *, progress: Progress | None = None) -> int:
    """Bring the store in ``cache`` up to the graph ``G`` whose key is ``key``; the number of
    graphs replaced (0 when the store was already in step)."""
    folder = cache / STORE_DIR
    if _read_state(folder).get("key") == key:
        return 0
    with _locked(cache, fcntl.LOCK_EX, progress):
        state = _read_state(folder)
        if state.get("key") == key:  # another process brought it in step meanwhile
            return 0
        folder.mkdir(parents=True, exist_ok=True)
        store = _open_writable(folder)
        before: dict[str, str] = state.get("graphs", {}) if state else {}
        if not state:  # no trustworthy state: whatever the store holds is unknown
            store.clear()
        after = graph_hashes(G)
        stale = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
        if not stale:
            _write_state(folder, key, after)
            return 0
        if progress:
            progress(f"updating the case's SPARQL store: {len(stale):,} of {len(after):,} graphs changed")
        replaced = set(stale)
        _write_state(folder, None, {n: h for n, h in before.items() if n not in replaced})
        for name in stale:
            if name == _DEFAULT:
                store.clear_graph(ox.DefaultGraph())
            elif name in before:
                store.remove_graph(ox.NamedNode(name))
        wanted = {name for name in stale if name in after}
        with tempfile.TemporaryFile(dir=folder) as lines:
            for graph, line in graph_lines(G):
                if (graph or _DEFAULT) in wanted:
                    lines.write(line.encode("utf-8"))
            lines.seek(0)
            store.bulk_load(lines, format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        _write_state(folder, key, after)
        return len(stale)


@dataclass(frozen=True)
class CaseStore:
    """A case's store and the case's base IRI, which queries may write as ``:`` (``:event/…``)."""

    store: ox.Store
    base: str

    @property
    def prefixes(self) -> dict[str, str]:
        return {**PREFIXES, "": self.base}

    def answer(self, sparql: str, *, union: bool = True) -> Answer:
        """The answer to one query as terms (see :func:`run_query`)."""
        return run_query(self.store, sparql, union=union, prefixes=self.prefixes)

    def text(self, sparql: str, fmt: str | None = None, *, union: bool = True, width: int = 160) -> str:
        """The answer to one query as text (see :func:`query_text`)."""
        return query_text(self.store, sparql, fmt, union=union, width=width, prefixes=self.prefixes)


def _memory_store(G: nx.MultiDiGraph) -> ox.Store:
    store = ox.Store()
    with tempfile.TemporaryFile() as lines:
        for _, line in graph_lines(G):
            lines.write(line.encode("utf-8"))
        lines.seek(0)
        store.bulk_load(lines, format=ox.RdfFormat.N_QUADS)
    return store


@contextlib.contextmanager
def open_store(case: Path, *, progress: Progress | None = None) -> Iterator[CaseStore]:
    """The SPARQL store of a built case folder, in step with its curated graph, or of a graph
    JSON file (held in memory); CaseError when the case cannot be read."""
    from .case import Case, load_graph
    from .graph import CASE

    case = Path(case)
    if not case.is_dir():
        G = load_graph(case)
        yield CaseStore(_memory_store(G), str((G.graph.get(CASE) or {}).get("base_iri") or ""))
        return
    folder = Case.open(case)
    key = folder.graph_key()
    if _read_state(folder.cache / STORE_DIR).get("key") != key:
        sync_store(folder.load_graph(), folder.cache, key, progress=progress)
    with _locked(folder.cache, fcntl.LOCK_SH, progress):
        try:
            store = ox.Store.read_only(str(folder.cache / STORE_DIR))
        except OSError as err:
            raise CaseError(f"{folder.cache / STORE_DIR}: the SPARQL store cannot be opened "
                            f"({' '.join(str(err).split())}); delete that folder and query again to rebuild it") from err
        yield CaseStore(store, folder.settings.base_iri)


# ---------------------------------------------------------------------------------------------
# Queries

#: The formats an answer can be written in, by kind of query; the first is the default.
ANSWER_FORMATS = {
    "select": ("table", "csv", "tsv", "json", "xml"),
    "ask": ("table", "json", "xml"),
    "graph": ("ttl", "nt"),
}
_RESULTS_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class Answer:
    """What a query gave: rows of a SELECT, the truth of an ASK, or the triples of a graph
    query (CONSTRUCT, DESCRIBE)."""

    kind: str  # "select", "ask" or "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()


def _execute(store: ox.Store, sparql: str, union: bool, prefixes: dict[str, str] | None) -> Any:
    try:
        return store.query(sparql, use_default_graph_as_union=union, prefixes=prefixes or dict(PREFIXES))
    except SyntaxError as err:
        raise QueryError(f"the query is not valid SPARQL: {' '.join(str(err).split())}") from err
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"the query failed: {' '.join(str(err).split())}") from err


def _kind(result: Any) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "select" if isinstance(result, ox.QuerySolutions) else "graph"


def run_query(store: ox.Store, sparql: str, *, union: bool = True, prefixes: dict[str, str] | None = None) -> Answer:
    """Run one SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE); QueryError saying why not.

    The case's prefixes (``tg:``, ``prov:``, ``schema:``, ...) need no PREFIX lines. With
    ``union`` the default graph is the union of every graph of the store."""
    result = _execute(store, sparql, union, prefixes)
    kind = _kind(result)
    if kind == "ask":
        return Answer(kind, boolean=bool(result))
    if kind == "select":
        variables = tuple(v.value for v in result.variables)
        return Answer(kind, variables=variables, rows=tuple(tuple(s[v] for v in variables) for s in result))
    return Answer(kind, triples=tuple(result))


def query_text(store: ox.Store, sparql: str, fmt: str | None = None, *, union: bool = True,
               width: int = 160, prefixes: dict[str, str] | None = None) -> str:
    """The answer to one query as text in ``fmt``: for SELECT ``table`` (the default), or the
    W3C results formats ``csv``, ``tsv``, ``json``, ``xml``; for ASK ``table`` (yes or no),
    ``json``, ``xml``; for CONSTRUCT and DESCRIBE ``ttl`` (the default) or ``nt``. QueryError
    when the query or the format does not fit."""
    prefixes = prefixes or dict(PREFIXES)
    result = _execute(store, sparql, union, prefixes)
    kind = _kind(result)
    fmt = fmt or ANSWER_FORMATS[kind][0]
    if fmt not in ANSWER_FORMATS[kind]:
        what = {"graph": "a CONSTRUCT or DESCRIBE", "ask": "an ASK", "select": "a SELECT"}[kind]
        raise QueryError(f"the answer to {what} query can be written as "
                         f"{', '.join(ANSWER_FORMATS[kind])}, not {fmt}")
    if kind == "graph":
        rdf_format = ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.N_TRIPLES
        data = ox.serialize(list(result), format=rdf_format, prefixes=prefixes if fmt == "ttl" else None)
        return (data or b"").decode("utf-8")
    if fmt != "table":
        return bytes(result.serialize(format=_RESULTS_FORMATS[fmt])).decode("utf-8")
    if kind == "ask":
        return "yes" if bool(result) else "no"
    variables = tuple(v.value for v in result.variables)
    return _table(variables, [tuple(s[v] for v in variables) for s in result], width, prefixes)


_VALUES = r'VALUES\s+\?{name}\s*\{{\s*"((?:[^"\\]|\\.)*)"'


def bind(sparql: str, name: str, value: str) -> str:
    """The query with the literal of its ``VALUES ?name { "..." }`` line replaced by ``value``
    (its datatype or language kept): how the example queries take their parameters.
    QueryError when the query has no such line."""
    pattern = re.compile(_VALUES.format(name=re.escape(name)))
    match = pattern.search(sparql)
    if match is None:
        raise QueryError(f"the query has no 'VALUES ?{name} {{ \"...\" }}' line to set ?{name} in")
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return sparql[: match.start(1)] + escaped + sparql[match.end(1):]


#: The example queries shipped with the package, by name (the file name without ``.rq``).
EXAMPLES_DIR = Path(__file__).parent / "queries"


def examples() -> dict[str, str]:
    """The example queries by name, each with its first comment line as its description."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(EXAMPLES_DIR.glob("*.rq"))}


def short(term: Term | None, prefixes: dict[str, str] | None = None) -> str:
    """A term as a person reads it: a prefixed name where a known namespace fits (the longest
    one), a literal's lexical form, an empty string for an unbound variable."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in sorted((prefixes or PREFIXES).items(), key=lambda p: (-len(p[1]), p[0])):
            if term.value.startswith(namespace) and term.value != namespace:
                return f"{prefix}:{term.value[len(namespace):]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _table(variables: tuple[str, ...], rows: list[tuple[Term | None, ...]], width: int,
           prefixes: dict[str, str]) -> str:
    """Rows as aligned columns within ``width`` characters: columns wider than a common cap are cut."""
    header = [f"?{v}" for v in variables]
    cells = [[" ".join(short(t, prefixes).split()) for t in row] for row in rows]
    sizes = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    room = width - 2 * (len(sizes) - 1)
    cap = max(sizes, default=0)
    while cap > 12 and sum(min(n, cap) for n in sizes) > room:
        cap -= 1
    sizes = [min(n, cap) for n in sizes]
    cells = [[c if len(c) <= n else c[: n - 1] + "…" for c, n in zip(row, sizes, strict=True)] for row in cells]
    lines = ["  ".join(h[:n].ljust(n) for h, n in zip(header, sizes, strict=True)).rstrip(),
             "  ".join("-" * n for n in sizes)]
    lines += ["  ".join(c.ljust(n) for c, n in zip(row, sizes, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(cells):,} row{'' if len(cells) == 1 else 's'})")
    return "\n".join(lines)
