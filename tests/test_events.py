"""Dated events, built from hand-made time expressions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from timeline_graph.extract.entities import find_entities
from timeline_graph.extract.events import VERSION, find_events
from timeline_graph.model import Document, Event, TimeValue, record_id


@dataclass(frozen=True)
class FakeTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    time: TimeValue | None


def doc_of(text: str) -> Document:
    return Document.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt"
    )


def timex(doc: Document, words: str, value: str, kind: str = "DATE") -> FakeTimex:
    start = doc.text.index(words)
    time = TimeValue.from_edtf(value, text=words) if kind in ("DATE", "TIME") else None
    return FakeTimex(start, start + len(words), words, kind, value, time)


def events_of(doc: Document, *timexes: FakeTimex) -> tuple[Event, ...]:
    return find_events(doc, timexes, find_entities(doc))


def test_event_label_time_report_and_agent() -> None:
    doc = doc_of(
        "Harbor news\n\nOn March 3, 2019, the Harbor Authority requested new dredging permits."
    )
    (event,) = events_of(doc, timex(doc, "March 3, 2019", "2019-03-03"))
    assert event.label == "the Harbor Authority requested new dredging permits"
    assert event.kind == "request"
    assert event.time is not None and event.time.edtf == "2019-03-03"
    (report,) = event.reports
    assert report.stated_time == event.time
    assert report.extractor == f"events@{VERSION}"
    assert "March 3, 2019" in report.span.exact
    assert doc.text[report.span.start : report.span.end] == report.span.exact
    assert event.id == record_id("evt", doc.id, report.span.start, report.span.end)
    authority = next(e for e in find_entities(doc) if e.name == "Harbor Authority")
    assert [(p.entity, p.role) for p in event.participants] == [(authority.id, "agent")]


def test_kinds_from_verbs() -> None:
    doc = doc_of(
        "The Coast Courier published the records in 2020. "
        "Residents protested outside the hall in May 2021."
    )
    found = events_of(doc, timex(doc, "2020", "2020"), timex(doc, "May 2021", "2021-05"))
    assert [e.kind for e in found] == ["publication", "protest"]


def test_durations_sets_unresolved_and_bylines_are_skipped() -> None:
    doc = doc_of("By Ana Ortiz\nMarch 3, 2019\n\nThe board met for two years and signed weekly.")
    found = events_of(
        doc,
        timex(doc, "March 3, 2019", "2019-03-03"),
        timex(doc, "two years", "P2Y", "DURATION"),
        timex(doc, "weekly", "XXXX-WXX", "SET"),
        FakeTimex(doc.text.index("board"), doc.text.index("board") + 5, "board", "DATE", "X", None),
    )
    assert found == ()


def test_reference_entry_dates_are_not_events() -> None:
    doc = doc_of("Body.\n\nAna Ortiz, “Harbor Plan Stalls,” Coast Courier, March 3, 2019,\n")
    assert events_of(doc, timex(doc, "March 3, 2019", "2019-03-03")) == ()
