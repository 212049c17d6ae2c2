"""Large files: extraction takes time linear in a document's size (issue 19, item 3).

A 19 MB text file once ran for over 900 s without finishing: every span check copied the text
before the span, and the extractors compared every time expression, mention and sentence of a
document with every other. These tests build the same kind of text at two sizes, four times
apart, and check that the larger takes about four times as long, not sixteen.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_graph.case import CASE_FILE, Case
from timeline_graph.cli import main
from timeline_graph.errors import CaseError
from timeline_graph.extract import (
    citations,
    claim_regions,
    claims,
    entities,
    events,
    quantities,
    times,
)
from timeline_graph.extract.text import Intervals
from timeline_graph.model import Document, Span

from .conftest import make_document

_SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "dri", "mel", "son", "ber", "ga", "zu")
_MONTHS = ("January", "March", "May", "July", "September", "November")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def _paragraph(rng: random.Random) -> str:
    person, other = f"{_name(rng)} {_name(rng)}", f"{_name(rng)} {_name(rng)}"
    org = f"{_name(rng)} Police Department"
    day = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2001, 2021)}"
    return (
        f"The {org} signed a contract on {day}, according to the {_name(rng)} Gazette. "
        f'"We only ask for what helps a case," said {person}, a spokesperson for the {org}. '
        f"Over {rng.randint(2, 900)} departments used the service, {other} said."
    )


def _document(paragraphs: int) -> Document:
    rng = random.Random(19)
    return make_document("\n\n".join(_paragraph(rng) for _ in range(paragraphs)), "large.txt")


def _seconds(work: Callable[[], object]) -> float:
    """The CPU seconds of the work, the best of two runs, each without what an earlier run of
    the same text left in the extractors' caches (a second run of the times took a fortieth of
    the first, and the test timed only that). CPU time, not wall time: on a busy machine
    another process's load made a linear extractor look superlinear."""
    best = float("inf")
    for _ in range(2):
        for cached in (times._select, claim_regions.quote_regions):
            cached.cache_clear()
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def test_a_span_check_does_not_copy_the_text_before_it() -> None:
    text = "word " * 4_000_000  # 20 MB
    doc = make_document(text, "big.txt")
    start = time.perf_counter()
    for at in range(0, len(text) - 10, len(text) // 2000):
        Span.at(doc, at, at + 4)
    # copying 10 MB on average for each of 2,000 spans took seconds
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("name", ["times", "entities", "events", "claims", "citations", "quantities"])
def test_extraction_is_linear_in_the_size_of_a_document(name: str) -> None:
    small, large = _document(250), _document(1000)
    inputs = {}
    for doc in (small, large):
        found = entities.find_entities(doc)
        inputs[doc.id] = (tuple(times.find_times(doc.text, None)), found)

    def run(doc: Document) -> object:
        timexes, found = inputs[doc.id]
        return {
            "times": lambda: times.find_times(doc.text, None),
            "entities": lambda: entities.find_entities(doc),
            "events": lambda: events.find_events(doc, timexes, found),
            "claims": lambda: claims.find_claims(doc, found),
            "citations": lambda: citations.find_citations(doc, found),
            "quantities": lambda: quantities.find_quantities(doc, timexes, found),
        }[name]()

    assert run(large), f"the large document gives no {name}"
    ratio = _seconds(lambda: run(large)) / _seconds(lambda: run(small))
    assert ratio < 8, f"{name}: 4 times the text took {ratio:.1f} times as long"


def test_intervals_answer_as_a_scan_of_every_item_would() -> None:
    rng = random.Random(3)
    items = [(s, s + rng.randint(1, 30), n) for n, s in enumerate(rng.randint(0, 500) for _ in range(300))]
    found = Intervals(items)
    for _ in range(300):
        a = rng.randint(0, 520)
        b = a + rng.randint(1, 60)
        assert sorted(found.inside(a, b)) == sorted(i for i in items if a <= i[0] and i[1] <= b)
        assert sorted(found.starting_in(a, b)) == sorted(i for i in items if a <= i[0] < b)
        assert found.covers(a, b) == any(s <= a and b <= e for s, e, _ in items)
        assert found.overlaps(a, b) == any(s < b and a < e for s, e, _ in items)
        assert found.overlapping(a, b) == [i for i in found.items if i[0] < b and a < i[1]]


def test_the_size_limit_is_a_setting_of_the_case(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "small.txt").write_text("The council met on March 2, 2021, the clerk said.\n")
    (folder / "large.txt").write_text("The council met on March 3, 2021, the clerk said.\n" * 40)
    (folder / CASE_FILE).write_text("title: Limits\nmax_file_mb: 0.001\n")
    report = Case.open(folder).build()
    assert report.documents == ["small.txt"]
    assert report.problems == ["large.txt: file too large (0.0 MB; the limit is 0.0 MB, set by max_file_mb in case.yaml)"]
    (folder / CASE_FILE).write_text("title: Limits\nmax_file_mb: 1\n")
    assert Case.open(folder).build().documents == ["large.txt", "small.txt"]
    (folder / CASE_FILE).write_text("title: Limits\nmax_file_mb: -1\n")
    with pytest.raises(CaseError, match="max_file_mb"):
        Case.open(folder)


def test_build_help_names_the_size_limit_and_how_to_change_it() -> None:
    result = CliRunner().invoke(main, ["build", "--help"])
    assert "20 MB" in result.output and "max_file_mb" in result.output


def test_a_cache_entry_is_written_one_record_at_a_time(tmp_path: Path) -> None:
    import dataclasses
    import json
    import tracemalloc

    from timeline_graph import case as case_module
    from timeline_graph import ingest
    from timeline_graph.codec import to_dict
    from timeline_graph.extract import extract

    document = _document(12)
    found = extract(document)
    assert found.claims and found.events and found.entities
    # many records, as a long document has: the same ones over again (the entry checks none)
    many = dataclasses.replace(found, claims=found.claims * 300, events=found.events * 300,
                               entities=found.entities * 300)
    path = tmp_path / "entry.json"
    tracemalloc.start()
    try:
        case_module._store_entry(path, "x", document, many)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    payload = {"format": case_module.CACHE_FORMAT, "version": case_module.CACHE_VERSION, "ingest": ingest.VERSION,
               "extractor": "x", "document": to_dict(document), "extraction": to_dict(many)}
    written = path.read_bytes()
    assert written == (json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    assert peak < len(written) / 10, f"{peak:,} bytes held to write {len(written):,}"


# -- work that grows with the size of a document, counted rather than timed ------------------------


def _lines_run(work: Callable[[], object], *files: str) -> int:
    """How many lines of the given source files ``work`` executes (a loop's body once per turn):
    the same for the same input on any machine, so a loop over every earlier record shows as
    work four times larger text makes sixteen times larger, however busy the machine."""
    import sys

    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if frame.f_code.co_filename.endswith(files) else None

    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def _speech(rng: random.Random) -> str:
    person, org = f"{_name(rng)} {_name(rng)}", f"{_name(rng)} Water Board"
    label = _name(rng).upper()
    return (
        f'"The pumps will run all winter," said {person}, a spokesperson for the {org}. '
        f"He said the repairs were paid for. The spokesperson said the bill was fair. "
        f"Her claim that the fees doubled was disputed by the {org}.\n\n"
        f"{label}: I think the new station opens in {rng.choice(_MONTHS)}.\n\n"
        f'"We asked for a second meeting," the {org} said in a statement. "It was refused."'
    )


def test_claims_of_a_long_document_take_work_in_proportion_to_it() -> None:
    from timeline_graph import nlp

    rng = random.Random(7)
    paragraphs = [_speech(rng) for _ in range(160)]
    work = []
    for count in (40, 160):
        doc = make_document("\n\n".join(paragraphs[:count]), "speech.txt")
        parse = nlp.parse(doc.text)
        found = entities.find_entities(doc, parse)
        claims.find_claims(doc, found, parse)  # the caches warm, as for the other size
        work.append(_lines_run(lambda doc=doc, found=found, parse=parse: claims.find_claims(doc, found, parse),
                               "claims.py", "claim_patterns.py", "claim_regions.py", "claim_words.py", "text.py"))
    assert work[1] < 5 * work[0], f"4 times the text took {work[1] / work[0]:.1f} times the work"


def _long_document_events(stories: int, *, gap: int = 2_000, same_day: bool = False) -> tuple[list, dict, dict]:  # type: ignore[type-arg]
    """A long document telling of a request by one board in each of ``stories`` stories (each
    of its own day, or all of one), each told twice a sentence apart, ``gap`` characters of
    other news between the stories: its events, documents and mention index."""
    from datetime import date, timedelta

    from timeline_graph.model import Event, Participant, Report, TimeValue, record_id

    filler = "Other news of the district filled the page that week. " * (gap // 54)
    parts, spans = [], []
    at = 0
    for n in range(stories):
        day = (date(2020, 1, 1) + timedelta(days=0 if same_day else n)).isoformat()
        told = [f"The Harbor Board asked the Acme council for pump records on {day} in a letter. ",
                "That letter from the Harbor Board asked the Acme council for pump records again. "]
        for sentence in told:
            spans.append((at, at + len(sentence) - 2, day))
            parts.append(sentence)
            at += len(sentence)
        parts.append(filler)
        at += len(filler)
    doc = make_document("".join(parts), "long.txt")
    events = []
    for n, (start, end, day) in enumerate(spans):
        time = TimeValue.from_edtf(day)
        events.append(Event(id=record_id("evt", n), label="Harbor Board asked Acme council for pump records",
                            time=time, reports=(Report(doc.id, Span.at(doc, start, end), time),),
                            participants=(Participant("ent-board", "agent"), Participant("ent-acme", "recipient")),
                            kind="request"))
    index = {doc.id: [(s, s + 12, "ent-board") for s, _, _ in spans]}
    return events, {doc.id: doc}, index


def test_events_of_a_long_document_are_compared_with_those_near_them_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from timeline_graph.resolve import events as events_module

    compared = []
    restated = events_module._Events.restated

    def counted(self, a, b):  # type: ignore[no-untyped-def]
        compared.append(1)
        return restated(self, a, b)

    monkeypatch.setattr(events_module._Events, "restated", counted)
    work = []
    for stories in (200, 800):  # about 0.4 and 1.7 MB of text
        events, docs, index = _long_document_events(stories)
        compared.clear()
        merged, _ = events_module.merge_events(events, docs, index)
        assert len(merged) == stories  # each story's two tellings are one request
        work.append(len(compared) / len(events))
    assert work[1] < 1.5 * work[0], f"comparisons per event grew from {work[0]:.0f} to {work[1]:.0f}"


def test_a_long_document_restates_an_act_near_its_first_telling_only() -> None:
    from timeline_graph.resolve.events import merge_events

    # one request told twice, and the same words of the same day again 300,000 characters on:
    # there, another story of the file
    merged, _ = merge_events(*_long_document_events(2, gap=300_000, same_day=True))
    assert sorted(len(e.reports) for e in merged) == [2, 2]
    # in a document of ordinary length the four tellings are one act, as they always were
    merged, _ = merge_events(*_long_document_events(2, gap=5_000, same_day=True))
    assert [len(e.reports) for e in merged] == [4]


def test_speakers_name_the_last_claimant_as_a_scan_back_would() -> None:
    from timeline_graph.extract.claim_patterns import Speakers

    rng = random.Random(11)
    nouns = ["spokesman", "company", "mayor", "board", "police"]
    said: list[tuple[str | None, str | None]] = []
    speakers = Speakers()
    for n in range(300):
        name = rng.choice([None, "", *(f"the {w}" for w in nouns), *(f"{_name(rng)} {w.title()}" for w in nouns)])
        entity = rng.choice([None, f"ent-{n}"])
        said.append((name, entity))
        speakers.add(name, entity)
        for noun in nouns:
            expected = next((e for nm, e in reversed(said) if e and nm and noun in nm.casefold().split()), None)
            assert speakers.last_named(noun) == expected


def test_a_long_document_clusters_a_claim_with_those_near_it_and_other_documents() -> None:
    from timeline_graph.model import Claim, record_id
    from timeline_graph.resolve.claims import cluster_claims

    said = ["the new pumps will run all winter at the harbor", "the new pumps will run all winter by the harbor"]
    filler = "Other news of the district filled the page that week. " * 6_000  # about 330,000 characters
    doc = make_document(f"{said[0]}. {said[1]}. {filler}{said[1]}.", "long.txt")
    other = make_document(f"{said[0]}.", "short.txt")
    far = doc.text.rindex(said[1])
    claims = [Claim(id=record_id("clm", n), text=text, document=d.id, span=Span.at(d, at, at + len(text)))
              for n, (d, at, text) in enumerate([(doc, 0, said[0]), (doc, len(said[0]) + 2, said[1]),
                                                 (doc, far, said[1]), (other, 0, said[0])])]
    lengths = {doc.id: len(doc.text), other.id: len(other.text)}
    clusters = [c.cluster for c in sorted(cluster_claims(claims, lengths), key=lambda c: c.id)]
    # worded alike: one cluster, the far claim of the long document by its exact words, the
    # other document's by its likeness to the first
    assert len(set(clusters)) == 1
    # worded a little differently, the far claim of the long document is another cluster
    reworded = said[1].replace("by the", "near the")
    doc2 = make_document(f"{said[0]}. {filler}{reworded}.", "long2.txt")
    far = doc2.text.rindex(reworded)
    pair = [Claim(id=record_id("clm2", 0), text=said[0], document=doc2.id, span=Span.at(doc2, 0, len(said[0]))),
            Claim(id=record_id("clm2", 1), text=reworded, document=doc2.id, span=Span.at(doc2, far, far + len(reworded)))]
    assert len({c.cluster for c in cluster_claims(pair, {doc2.id: len(doc2.text)})}) == 2
    assert len({c.cluster for c in cluster_claims(pair)}) == 1  # a document's length unknown: compared whole


def test_filed_items_of_a_long_document_are_met_from_near_zones_and_other_documents() -> None:
    from timeline_graph.resolve.text import Filed, Found

    filed: Filed[str] = Filed()
    filed.add("key", 1, "first", ("doc-a", 0))
    for place, expected in [(("doc-a", 2), {}), (("doc-a", 1), {1: [["first"]]}), (("doc-b", 7), {1: [["first"]]}),
                            (None, {1: [["first"]]})]:
        found: Found[str] = {}
        filed.collect(["key"], found, place)
        assert found == expected, place
    filed.add("key", 1, "second", ("doc-a", 0))
    filed.add("key", 2, "third", ("doc-a", 5))
    filed.add("key", 3, "fourth", ("doc-b", 9))
    filed.add("key", 4, "fifth")  # in a document of ordinary length
    found = {}
    filed.collect(["key", "other"], found, ("doc-a", 4))
    assert found == {4: [["fifth"]], 2: [["third"]], 3: [["fourth"]]}
    found = {}
    filed.collect(["key"], found, ("doc-a", 0))
    assert found == {4: [["fifth"]], 1: [["first", "second"]], 3: [["fourth"]]}
    found = {}
    filed.collect(["key"], found)
    assert sorted(found) == [1, 2, 3, 4]
