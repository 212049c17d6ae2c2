"""Full-text search over a case's documents, claims, events and entities.

The index is SQLite's FTS5 (in Python's standard library), a file in the case's cache
(``.timeline-graph/search.sqlite``), made from the curated graph and made again when the graph's
key changes (a new build or decision). Every row is a passage with the exact span it stands
for: a paragraph of a document (long ones cut at a sentence end near 1,200 characters), a
claim's words with its claimant's name, an event's label with the words of its first report,
an entity's name and aliases with its first mention. So every hit opens at its words: ``document``, ``start`` and
``end`` index the document's text exactly.

Words match whole and without regard to case or accents ("zurich" finds "Zürich"); a phrase in
double quotes matches as a phrase; a word ending in ``*`` matches as a prefix; ``OR`` between
words matches either. Hits are ranked by BM25, ties broken by kind and id, so the same case and
words always give the same list.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .errors import CaseError, QueryError
from .graph import claims, documents, entities, events
from .model import Document

__all__ = ["KINDS", "Hit", "build_index", "search", "search_case"]

INDEX_FILE = "search.sqlite"
#: What a hit can be, in the order ties are broken.
KINDS = ("event", "claim", "entity", "document")
#: Paragraphs longer than this are cut at a sentence end near it.
PASSAGE_CHARS = 1200
_FORMAT = "1"  # the index's own layout; an index of another layout is made again

_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+")
_TERM = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class Hit:
    """One search result: what was found, where its words are, and a snippet with the matched
    words in brackets."""

    kind: str
    id: str
    label: str
    document: str
    where: str  # the document's label, with the page for a paged document
    start: int
    end: int
    snippet: str

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.id, "label": self.label, "document": self.document,
                "where": self.where, "start": self.start, "end": self.end, "snippet": self.snippet}


def _passages(doc: Document) -> Iterator[tuple[int, int]]:
    """Paragraph spans of a document's text, long paragraphs cut at sentence ends."""
    text = doc.text
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        start, end = match.start(), match.end()
        while end - start > PASSAGE_CHARS:
            cut = None
            for sentence in _SENTENCE_END.finditer(text, start + PASSAGE_CHARS // 2, start + PASSAGE_CHARS):
                cut = sentence.end()
            if cut is None:
                cut = text.rfind(" ", start + PASSAGE_CHARS // 2, start + PASSAGE_CHARS) + 1 or start + PASSAGE_CHARS
            yield start, cut
            start = cut
        if text[start:end].strip():
            yield start, end


def _rows(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, int, int, str, str, str]]:
    """(kind, id, document, start, end, label shown, label searched, words of the span) of every
    passage worth finding; the words are always the span's own."""
    for doc in documents(G):
        for number, (start, end) in enumerate(_passages(doc)):  # the title is searched once
            yield "document", doc.id, doc.id, start, end, doc.label, "" if number else doc.label, doc.text[start:end]
    for claim in claims(G):
        span = claim.span
        yield ("claim", claim.id, claim.document, span.start, span.end, claim.text,
               claim.claimant_name or "", span.exact)
    for event in events(G):
        if event.reports:
            span = event.reports[0].span
            yield "event", event.id, span.document, span.start, span.end, event.label, event.label, span.exact
    for entity in entities(G):
        if entity.mentions:
            span = entity.mentions[0]
            yield ("entity", entity.id, span.document, span.start, span.end, entity.name,
                   " ".join([entity.name, *entity.aliases]), span.exact)


def build_index(G: nx.MultiDiGraph, path: Path, key: str) -> None:
    """Write the search index of graph ``G`` (whose key is ``key``) to ``path``, atomically."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".search-", suffix=".sqlite")
    os.close(handle)
    try:
        with contextlib.closing(sqlite3.connect(temporary)) as db:
            db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
            db.execute("CREATE TABLE passage (rowid INTEGER PRIMARY KEY, kind TEXT, id TEXT, document TEXT, "
                       "start INTEGER, end INTEGER, label TEXT)")
            db.execute("CREATE VIRTUAL TABLE fulltext USING fts5(label, words, "
                       "tokenize = 'unicode61 remove_diacritics 2')")
            for number, (kind, rid, document, start, end, shown, label, words) in enumerate(_rows(G), start=1):
                db.execute("INSERT INTO passage VALUES (?, ?, ?, ?, ?, ?, ?)", (number, kind, rid, document, start, end, shown))
                db.execute("INSERT INTO fulltext (rowid, label, words) VALUES (?, ?, ?)", (number, label, words))
            db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", _FORMAT), ("key", key)])
            db.commit()
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _index_key(path: Path) -> str | None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
    except sqlite3.Error:
        return None
    return meta.get("key") if meta.get("format") == _FORMAT else None


def match_expression(words: str) -> str:
    """The FTS5 expression for what a person typed: each word or "quoted phrase" must appear,
    ``word*`` is a prefix, ``OR`` between two terms accepts either; QueryError when nothing is
    left to look for."""
    terms: list[str] = []
    for phrase, word in _TERM.findall(words):
        if word == "OR" and terms and terms[-1] != "OR":
            terms.append("OR")
            continue
        text = phrase if phrase else word
        prefix = not phrase and text.endswith("*")
        tokens = re.findall(r"\w+", text.rstrip("*"))
        if not tokens:
            continue
        quoted = '"' + " ".join(tokens) + '"'
        terms.append(quoted + ("*" if prefix else ""))
    while terms and terms[-1] == "OR":
        terms.pop()
    if not terms:
        raise QueryError(f"nothing to search for in {words!r}: give at least one word")
    return " ".join(terms)


def search(path: Path, words: str, *, kinds: tuple[str, ...] = KINDS, limit: int = 20,
           G: nx.MultiDiGraph | None = None) -> list[Hit]:
    """The best ``limit`` hits for ``words`` in the index at ``path``, best first."""
    expression = match_expression(words)
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise QueryError(f"no such kind to search: {', '.join(sorted(unknown))} (kinds: {', '.join(KINDS)})")
    order = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(KINDS))
    marks = ", ".join("?" for _ in kinds)
    sql = (f"SELECT p.kind, p.id, p.document, p.start, p.end, p.label, "
           f"snippet(fulltext, 1, '[', ']', '…', 16) FROM fulltext JOIN passage p ON p.rowid = fulltext.rowid "
           f"WHERE fulltext MATCH ? AND p.kind IN ({marks}) "
           f"ORDER BY bm25(fulltext, 4.0, 1.0), CASE p.kind {order} END, p.id, p.start LIMIT ?")
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            rows = db.execute(sql, (expression, *kinds, limit)).fetchall()
    except sqlite3.Error as err:
        raise QueryError(f"search for {words!r} failed: {err}") from err
    docs = {d.id: d for d in documents(G)} if G is not None else {}
    hits = []
    for kind, rid, document, start, end, label, snippet in rows:
        doc = docs.get(document)
        where = doc.label_at(start) if doc is not None else document
        hits.append(Hit(kind, rid, label, document, where, start, end, " ".join(snippet.split())))
    return hits


def search_case(case: Path, words: str, *, kinds: tuple[str, ...] = KINDS, limit: int = 20,
                G: nx.MultiDiGraph | None = None) -> list[Hit]:
    """Search a built case folder (its index made or brought up to date first) or a graph JSON
    file (indexed in a temporary file). ``G``, the case's graph if the caller has it, saves
    loading it again."""
    from .case import Case, load_graph

    case = Path(case)
    if not case.is_dir():
        G = G if G is not None else load_graph(case)
        with tempfile.TemporaryDirectory() as temporary:
            path = Path(temporary) / INDEX_FILE
            build_index(G, path, "")
            return search(path, words, kinds=kinds, limit=limit, G=G)
    folder = Case.open(case)
    key = folder.graph_key()
    path = folder.cache / INDEX_FILE
    if _index_key(path) != key:
        G = G if G is not None else folder.load_graph()
        try:
            build_index(G, path, key)
        except (OSError, sqlite3.Error) as err:
            raise CaseError(f"{path}: cannot write the search index ({err})") from err
    if G is None:
        G = folder.load_graph()
    return search(path, words, kinds=kinds, limit=limit, G=G)
