"""A long document is extracted zone by zone (issue 18, item 1): its spans index the whole text
exactly, and the memory the extraction works in does not grow with the document.

The limits are lowered through the environment so that documents of a few ten thousand
characters are zoned, as one of a few megabytes is by default.
"""

from __future__ import annotations

import gc
import itertools
import json
import random
import tracemalloc
from pathlib import Path

import pytest

from timeline_graph import zones
from timeline_graph.case import CASE_FILE, Case, extractor_key
from timeline_graph.extract import Extraction
from timeline_graph.model import Document, Span

from .conftest import make_document

_FIRST = ("Orlan", "Tamsin", "Brevik", "Ysolde", "Caddo", "Mirela", "Anselm", "Quill")
_LAST = ("Pesk", "Quayle", "Drummet", "Vantoor", "Heskey", "Lirran", "Osgood", "Brantley")
_TOWNS = ("Velmora", "Brisk Harbor", "Tallow Creek", "Orrin Falls")
_MONTHS = ("February", "April", "June", "August", "October", "December")


def _paragraph(rng: random.Random) -> str:
    person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    town = rng.choice(_TOWNS)
    day = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2003, 2022)}"
    return (
        f"The {town} Ferry Board approved {rng.randint(2, 90)} new boats on {day}, according to the {town} Courier. "
        f'"The crossing will be safer by spring," said {person}, a spokeswoman for the board. '
        f"Critics in {town} said the plan would raise fares."
    )


def _text(characters: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < characters:
        parts.append(_paragraph(rng))
    return "\n\n".join(parts) + "\n"


@pytest.fixture
def small_zones(monkeypatch: pytest.MonkeyPatch) -> int:
    """Documents over 12,000 characters zoned, in zones of up to 6,000 characters."""
    monkeypatch.setenv("TIMELINE_GRAPH_ZONED_FROM", "12000")
    monkeypatch.setenv("TIMELINE_GRAPH_ZONE_CHARS", "6000")
    return 6000


def _spans(extraction: Extraction) -> list[Span]:
    found: list[Span] = []
    for entity in extraction.entities:
        found += [*entity.mentions, *(r.span for r in entity.roles)]
    for event in extraction.events:
        found += [r.span for r in event.reports]
    for claim in extraction.claims:
        found += [s for s in (claim.span, claim.cue, claim.source, *claim.content) if s is not None]
    found += [c.span for c in extraction.citations] + [q.span for q in extraction.quantities]
    return found


def test_zones_cover_the_text_and_end_where_a_paragraph_starts() -> None:
    text = _text(30_000)
    cut = list(zones.zones(text, 5000))
    assert cut[0][0] == 0 and cut[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cut))
    assert all(0 < end - start <= 5000 for start, end in cut)
    assert all(text[start - 2:start] == "\n\n" for start, _ in cut[1:])


def test_a_paragraph_longer_than_a_zone_is_cut_where_a_sentence_starts() -> None:
    text = " ".join(f"The clerk of Velmora filed report number {n} on the ferries." for n in range(400))
    cut = list(zones.zones(text, 3000))
    assert len(cut) > 1
    for start, _ in cut[1:]:
        assert text[start:].startswith("The clerk") and text[start - 2:start] == ". "


def test_a_long_document_gives_spans_that_index_its_whole_text(small_zones: int) -> None:
    doc = make_document(_text(30_000), "long.txt", media_type="text/plain")
    assert zones.is_zoned(doc)
    seen: list[tuple[int, int]] = []
    extraction = zones.extract_zoned(doc, progress=lambda done, length: seen.append((done, length)))
    assert len(seen) >= 5 and seen[-1] == (len(doc.text), len(doc.text))
    spans = _spans(extraction)
    assert len(spans) > 500
    for span in spans:
        assert span.document == doc.id and doc.text[span.start:span.end] == span.exact
        assert span.prefix == doc.text[max(0, span.start - 32):span.start]  # the whole text's context
    assert all(doc.text[t.start:t.end] == t.text for t in extraction.times)
    # records of every zone, with ids of their own
    assert max(s.start for s in spans) > len(doc.text) - small_zones
    ids = [r.id for r in (*extraction.events, *extraction.claims, *extraction.citations, *extraction.quantities)]
    assert len(ids) == len(set(ids))
    # a name of every zone is one entity, with the mentions of them all, in order
    entity_ids = [e.id for e in extraction.entities]
    assert len(entity_ids) == len(set(entity_ids))
    board = next(e for e in extraction.entities if e.name == "Velmora Ferry Board")
    starts = [m.start for m in board.mentions]
    assert starts == sorted(starts) and starts[0] < small_zones and starts[-1] > len(doc.text) - small_zones


def test_a_claim_inside_another_keeps_its_parent_in_a_later_zone(small_zones: int) -> None:
    paragraph = ('Anselm Heskey said that Mirela Lirran told him the harbor would close in June. '
                 'The board of Tallow Creek met on March 3, 2019.')
    doc = make_document("\n\n".join([paragraph] * 120), "nested.txt", media_type="text/plain")
    extraction = zones.extract_zoned(doc)
    by_id = {c.id: c for c in extraction.claims}
    children = [c for c in extraction.claims if c.parent]
    assert children and all(c.parent in by_id for c in children)
    assert any(c.span.start > 12_000 for c in children)


def test_the_zones_records_share_equal_strings_and_times(small_zones: int) -> None:
    doc = make_document(_text(30_000), "long.txt", media_type="text/plain")
    extraction = zones.extract_zoned(doc)
    spans = _spans(extraction)
    by_words: dict[str, set[int]] = {}
    for span in spans:
        by_words.setdefault(span.exact, set()).add(id(span.exact))
    assert max(len(ids) for ids in by_words.values()) == 1, "one string for equal words"
    assert len(by_words.get("said", {0})) == 1
    versions = {id(r.extractor) for e in extraction.events for r in e.reports}
    assert len(versions) == 1
    labels: dict[str, set[int]] = {}
    for event in extraction.events:
        labels.setdefault(event.label, set()).add(id(event.label))
    assert all(len(ids) == 1 for ids in labels.values())
    times: dict[object, set[int]] = {}
    for timex in extraction.times:
        if timex.time is not None:
            times.setdefault(timex.time, set()).add(id(timex.time))
    assert times and all(len(ids) == 1 for ids in times.values()), "equal times are one object"
    # the values are those each zone found: sharing changes no record
    assert all(doc.text[s.start:s.end] == s.exact for s in spans)


def _working_memory(doc: Document) -> float:
    """MB of Python objects the zoned extraction of the document held at its peak, beyond the
    records it returned."""
    gc.collect()
    tracemalloc.start()
    try:
        extraction = zones.extract_zoned(doc)
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert extraction.events
    return (peak - held) / 2**20


def test_the_memory_a_zoned_extraction_works_in_does_not_grow_with_the_document(small_zones: int) -> None:
    zones.extract_zoned(make_document(_text(14_000, seed=1), "warm.txt", media_type="text/plain"))  # loads
    single = _working_memory(make_document(_text(24_000), "single.txt", media_type="text/plain"))
    double = _working_memory(make_document(_text(48_000), "double.txt", media_type="text/plain"))
    # whole, the extraction of twice the text worked in about twice the memory
    assert double < 1.3 * single + 1.0, f"{single:.1f} MB at 24,000 characters, {double:.1f} MB at 48,000"


def test_a_case_builds_a_long_document_zone_by_zone(tmp_path: Path, small_zones: int) -> None:
    text = _text(20_000)
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / CASE_FILE).write_text("title: Long\n", encoding="utf-8")
    case = Case.open(tmp_path)
    told: list[str] = []
    report = case.build(progress=lambda done, total, name: told.append(name))
    assert report.ok and report.extracted == 1
    assert "long.txt (100% read)" in told  # the progress bar follows the zones
    documents, extractions = case.load()  # read back from the cache entry: every span checked
    assert documents[0].text == text.strip() and len(extractions[0].events) > 50
    entry = json.loads(next((tmp_path / ".timeline-graph" / "documents").glob("*.json")).read_text("utf-8"))
    assert entry["extractor"] == extractor_key() and entry["extractor"].endswith("+zones12000-6000")
    graph = case.load_graph()
    assert sum(1 for _, kind in graph.nodes(data="kind") if kind == "event") > 50


def test_the_default_limits_leave_the_cache_key_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIMELINE_GRAPH_ZONED_FROM", raising=False)
    monkeypatch.delenv("TIMELINE_GRAPH_ZONE_CHARS", raising=False)
    assert zones.limits_key() == "" and "zones" not in extractor_key()
    assert not zones.is_zoned(make_document("A short note from Velmora.", "short.txt"))


def _resolving_memory(tmp_path: Path, characters: int) -> tuple[float, float, int]:
    """KB of Python objects per event that resolving a built case of one zoned document, and
    writing its snapshot, worked in at their peak (beyond the inputs and the result), and the
    number of events."""
    from timeline_graph import snapshot
    from timeline_graph.graph import build_graph
    from timeline_graph.resolve import resolve

    folder = tmp_path / f"case-{characters}"
    folder.mkdir()
    (folder / "long.txt").write_text(_text(characters), encoding="utf-8")
    (folder / CASE_FILE).write_text("title: Long\n", encoding="utf-8")
    case = Case.open(folder)
    assert case.build().ok
    documents, extractions = case.load()
    events = sum(len(x.events) for x in extractions)
    gc.collect()
    tracemalloc.start()
    try:
        records = resolve(documents, extractions)
        held, peak = tracemalloc.get_traced_memory()
        resolving = peak - held
        graph = build_graph(records)
        gc.collect()
        tracemalloc.reset_peak()
        held = tracemalloc.get_traced_memory()[0]
        assert snapshot.write(folder / "snapshot", "k" * 64, (records, graph))
        encoding = tracemalloc.get_traced_memory()[1] - held
    finally:
        tracemalloc.stop()
    return resolving / 1024 / events, encoding / 1024 / events, events


def test_resolving_a_long_document_works_in_memory_in_proportion_to_it(
        tmp_path: Path, small_zones: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_graph.resolve import text

    monkeypatch.setattr(text, "ZONE_CHARS", 10_000)  # both documents compared zone by zone
    resolving, encoding, events = _resolving_memory(tmp_path, 60_000)
    resolving_double, encoding_double, events_double = _resolving_memory(tmp_path, 120_000)
    assert events > 100 and events_double > 1.8 * events
    # per event, twice the text takes no more memory to resolve, nor to store
    assert resolving_double < 1.3 * resolving + 0.5, f"{resolving:.1f} KB per event, then {resolving_double:.1f} KB"
    assert encoding_double < 1.5 * encoding + 0.5, f"{encoding:.1f} KB per event, then {encoding_double:.1f} KB"
    # written block by block: the numbering of the records and the graph's pickle at work, not
    # the data (about 21 KB per event when the data was made whole; its dicts' sizes step in
    # powers of two, so the figure at these sizes wavers between about 6 and 10 KB)
    assert encoding_double < 14.0, f"{encoding_double:.1f} KB per event writing the snapshot of 120,000 characters"
    # the indexes hold a few numbers per key, an event its passages as digests (about 19 KB per
    # event when they held tuples of words and each passage's casefolded words)
    assert resolving_double < 10.0, f"{resolving_double:.1f} KB per event resolving 120,000 characters"


def test_resolution_keeps_no_cache_of_words_once_done() -> None:
    from timeline_graph.extract import extract
    from timeline_graph.resolve import resolve
    from timeline_graph.resolve.text import norm, words, words_of

    doc = make_document(_text(3_000, seed=3), "ferries.txt", media_type="text/plain")
    extraction = extract(doc)
    words.cache_clear()
    sentence = "The Velmora Ferry Board approved nine new boats on June 3, 2011."
    assert words_of(sentence) == words(sentence) and words.cache_info().currsize == 1
    words.cache_clear()
    assert words_of(sentence) and words.cache_info().currsize == 0  # a sentence met once is not kept
    records = resolve([doc], [extraction])
    assert records.events and records.claims
    # the caches resolution filled (labels, names, quotations) are empty again: not held through
    # the graph and the snapshot that follow it
    assert words.cache_info().currsize == 0 and norm.cache_info().currsize == 0
