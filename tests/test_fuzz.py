"""Property tests over what reads untrusted input (issue 18, item 5).

The date extractor, the ingesters, span re-anchoring, the RDF import and the graph JSON
reader are fed generated and damaged input: none may raise anything but the project's own
errors (each one line), and every span they give reads its words: ``text[start:end] == exact``.
The suite tries 60 examples of each; ``TIMELINE_GRAPH_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py``
searches longer.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_graph.decisionlog import _span as span_of_source
from timeline_graph.errors import ExportError, IngestError, SpanError, TimelineGraphError
from timeline_graph.export.graphjson import from_json, to_json
from timeline_graph.export.rdfimport import read_rdf_graph
from timeline_graph.export.rdfio import to_nquads, to_turtle
from timeline_graph.extract.times import find_times
from timeline_graph.graph import build_graph, to_records
from timeline_graph.ingest import read_parts
from timeline_graph.model import Document, Records, Span

from .test_graphjson import case_settings, small_records

#: Examples per property; set TIMELINE_GRAPH_FUZZ_EXAMPLES to search longer than the suite does.
FUZZ = settings(max_examples=int(os.environ.get("TIMELINE_GRAPH_FUZZ_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

#: Words dates are made of, real and nonsense, to put next to each other at random.
_DATE_WORDS = [
    "March", "Mar.", "Smarch", "2", "2nd", "45th", "31", "of", "the", "2021", "20199", "0", "1999",
    "last", "next", "this", "summer", "spring", "week", "year", "years", "ago", "Tuesday", "weekend",
    "early", "late", "mid-", "1990s", "'90s", "Q3", "quarter", "first", "since", "until", "between",
    "and", "to", "-", "/", "2020-06-16", "06/16/2020", "16.06.2020", "noon", "25:61", "a.m.", "p.m.",
    "decade", "century", "19th", "day", "today", "yesterday", "tomorrow", "now", "then", "Feb", "30",
    "September", "Sept.", "28", "$50,000", "3", "percent", "four", "72", "hours", "in", "on", "at",
    ",", ".", "\n", "Zürich", "José", "\u2014", "\u00a0", "\u200b", "🙂",
]
_DATE_TEXT = st.lists(st.sampled_from(_DATE_WORDS) | st.text(max_size=6), max_size=40).map(" ".join)


@FUZZ
@given(text=_DATE_TEXT | st.text(max_size=200),
       dct=st.none() | st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)))
def test_the_date_extractor_reads_any_text_and_every_span_reads_its_words(text: str, dct: datetime.date | None) -> None:
    for found in find_times(text, dct):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start:found.end] == found.text
        if found.time is not None and found.time.earliest and found.time.latest:
            assert found.time.earliest <= found.time.latest


_NAMES = st.sampled_from(["a.txt", "a.md", "a.markdown", "a.html", "a.htm", "a.eml", "a.mbox", "a.warc",
                          "a.warc.gz", "a.pdf", "a.docx"])
_TEXTISH = st.text(max_size=300).flatmap(lambda text: st.sampled_from(
    ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]).map(
        lambda encoding: text.encode(encoding, errors="replace")))
_MARKUP = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<b>", "<script>", "alert(1)", "</script>", "<!--",
                                    "-->", "<a href='javascript:x'>", "---\n", "title: [", "From a@b Mon Jan 1\n",
                                    "Subject: x\n", "\n\n", "WARC/1.0\r\n", "%PDF-1.4", "The council met.",
                                    "March 2, 2021", "\x00", "&amp;", "&#0;", "\ufeff"]),
                   max_size=25).map(lambda parts: "".join(parts).encode("utf-8", errors="replace"))


@FUZZ
@given(data=st.binary(max_size=400) | _TEXTISH | _MARKUP, name=_NAMES)
def test_an_ingester_gives_documents_or_one_line_errors_naming_the_file(data: bytes, name: str) -> None:
    source = f"pile/{name}"
    try:
        parts = list(read_parts(data, source=source, notes=[]))
    except IngestError as err:
        parts = [err]
    for part in parts:
        if isinstance(part, IngestError):
            assert "\n" not in str(part) and str(part).startswith(source), str(part)
        else:
            assert isinstance(part, Document) and part.text.strip() and "\x00" not in part.text
            assert part.source.startswith(source)


@FUZZ
@given(text=st.text(min_size=1, max_size=120).filter(str.strip), data=st.data())
def test_a_span_is_re_anchored_on_its_words_or_refused(text: str, data: st.DataObject) -> None:
    document = Document.create(sha256="e" * 64, text=text, source="a.txt")
    start = data.draw(st.integers(0, len(text)))
    quote = data.draw(st.sampled_from([text[start:start + 5], text[-3:], "council"]) | st.text(max_size=8))
    given_start = data.draw(st.none() | st.integers(-5, len(text) + 5) | st.booleans())
    source: dict[str, Any] = {"document": document.id, "quote": quote}
    if given_start is not None:
        source["start"] = given_start
    try:
        span = span_of_source(source, {document.id: document})
    except (SpanError, ValueError) as err:
        assert isinstance(err, TimelineGraphError) or "'source' must give" in str(err)
        assert "\n" not in str(err)
        return
    assert span is not None and span.exact == quote == text[span.start:span.end]


def _spans(records: Records) -> list[Span]:
    found: list[Span] = [m for e in records.entities for m in e.mentions]
    found += [r.span for e in records.events for r in e.reports]
    for claim in records.claims:
        found += [p for p in (claim.span, claim.cue, claim.source, *claim.content) if p is not None]
    found += [c.span for c in records.citations] + [q.span for q in records.quantities]
    found += [s for c in records.conflicts for s in c.spans]
    return found + [d.span for d in records.decisions if d.span is not None]


def _check_spans(records: Records) -> None:
    texts = {d.id: d.text for d in records.documents}
    for span in _spans(records):
        assert texts[span.document][span.start:span.end] == span.exact


def _read_or_refused(read: Callable[[], nx.MultiDiGraph]) -> None:
    """Read a damaged file: a graph whose every span reads its words, or one line saying why not."""
    try:
        G = read()
    except TimelineGraphError as err:
        assert "\n" not in str(err), str(err)
        return
    _check_spans(to_records(G))


def _damage(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """``value`` with one part changed: a key dropped, a value replaced, a list cut short."""
    if isinstance(value, dict) and value and depth < 6:
        key = draw(st.sampled_from(sorted(value)))
        how = draw(st.sampled_from(["drop", "replace", "deeper", "deeper"]))
        if how == "drop":
            return {k: v for k, v in value.items() if k != key}
        if how == "replace":
            return {**value, key: draw(_JSON)}
        return {**value, key: _damage(draw, value[key], depth + 1)}
    if isinstance(value, list) and value and depth < 6:
        at = draw(st.integers(0, len(value) - 1))
        how = draw(st.sampled_from(["cut", "replace", "deeper", "deeper"]))
        if how == "cut":
            return value[:at]
        return [*value[:at], draw(_JSON) if how == "replace" else _damage(draw, value[at], depth + 1), *value[at + 1:]]
    return draw(_JSON)


@st.composite
def _damaged(draw: st.DrawFn, value: Any) -> Any:
    return _damage(draw, value)


_JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats() | st.text(max_size=10),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                     max_leaves=6)


@FUZZ
@given(records=small_records(), data=st.data())
def test_the_graph_json_reader_refuses_damaged_files_in_one_line(records: Records, data: st.DataObject) -> None:
    text = to_json(build_graph(records))
    damaged = data.draw(st.sampled_from(["value", "value", "cut"]))
    if damaged == "cut":
        text = text[:data.draw(st.integers(0, len(text)))]
    else:
        text = json.dumps(data.draw(_damaged(json.loads(text))))
    _read_or_refused(lambda: from_json(text))


@FUZZ
@given(records=small_records(), case=case_settings(), data=st.data())
def test_the_rdf_import_refuses_damaged_files_in_one_line(records: Records, case: dict[str, Any],
                                                          data: st.DataObject) -> None:
    lines = to_nquads(build_graph(records, **case)).splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(lines) - 1))
        how = data.draw(st.sampled_from(["drop", "cut", "swap-literal", "duplicate"]))
        line = lines[at]
        if how == "drop":
            lines[at] = ""
        elif how == "cut":
            lines[at] = line[:data.draw(st.integers(0, len(line)))]
        elif how == "swap-literal" and '"' in line:
            head = line[:line.index('"')]
            lines[at] = head + json.dumps(data.draw(st.text(max_size=8) | st.sampled_from(["-1", "99999", "x"]))) + " .\n"
        else:
            lines[at] = line + line
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.nq"
        path.write_text("".join(lines), encoding="utf-8")
        _read_or_refused(lambda: read_rdf_graph(path))


_ANY_ID = st.text(min_size=1, max_size=20)


@FUZZ
@given(records=small_records(), case=case_settings(), ids=st.lists(_ANY_ID, min_size=8, max_size=8, unique=True),
       source=_ANY_ID)
def test_every_minted_iri_parses_strictly_whatever_the_input_names(records: Records, case: dict[str, Any],
                                                                  ids: list[str], source: str) -> None:
    """Ids and names from an imported file or a hostile document become IRIs: each must parse
    in pyoxigraph's strict parsers, in Turtle and N-Quads alike."""
    document = dataclasses.replace(records.documents[0], source=source)
    names = iter(ids)
    G = build_graph(dataclasses.replace(
        records, documents=(document, *records.documents[1:]),
        entities=tuple(dataclasses.replace(e, id=next(names)) for e in records.entities),
        events=tuple(dataclasses.replace(e, id=next(names)) for e in records.events[:2]),
        claims=tuple(dataclasses.replace(c, id=next(names)) for c in records.claims[:3]),
    ), **case)
    for text, fmt in ((to_turtle(G), pyoxigraph.RdfFormat.TURTLE), (to_nquads(G), pyoxigraph.RdfFormat.N_QUADS)):
        quads = list(pyoxigraph.parse(text.encode("utf-8"), format=fmt))
        assert quads
        for quad in quads:
            for term in (quad.subject, quad.predicate, quad.object):
                if isinstance(term, pyoxigraph.NamedNode):
                    pyoxigraph.NamedNode(term.value)  # strict: raises on an invalid IRI


@pytest.mark.parametrize(("left_out", "problem"), [
    ("oa#hasSelector>", "has no exact or start or end (a text quote and a text position selector)"),
    ("prov#wasQuotedFrom>", "has no <http://www.w3.org/ns/prov#wasQuotedFrom>"),
    ("#citingDocument>", "#citingDocument>"),
    ("ns#entity>", "/participation/0> has no <https://w3id.org/timeline-graph/ns#entity>"),
])
def test_an_rdf_file_missing_a_part_of_a_record_is_refused_in_one_line(sample_graph: nx.MultiDiGraph,
                                                                       tmp_path: Path, left_out: str,
                                                                       problem: str) -> None:
    """Found by the property above: these gave a TypeError or an AssertionError."""
    path = tmp_path / "case.nq"
    path.write_text("".join(line for line in to_nquads(sample_graph).splitlines(keepends=True)
                            if not line.split(" ")[1].endswith(left_out)), encoding="utf-8")
    with pytest.raises(ExportError, match=re.escape(problem)) as caught:
        read_rdf_graph(path)
    assert "\n" not in str(caught.value)
