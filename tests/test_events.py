"""Dated events, built from hand-made time expressions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest

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


def test_reference_entry_is_the_publication_of_its_work() -> None:
    doc = doc_of("Body.\n\nAna Ortiz, “Harbor Plan Stalls,” Coast Courier, March 3, 2019,\n")
    (event,) = events_of(doc, timex(doc, "March 3, 2019", "2019-03-03"))
    assert event.kind == "publication"
    assert event.label == "Ana Ortiz published “Harbor Plan Stalls” in Coast Courier"
    assert event.time is not None and event.time.edtf == "2019-03-03"


def test_label_is_subject_verb_object_without_the_date_words() -> None:
    doc = doc_of("Officials said the Port Authority closed the north pier in May 2021 after a storm.")
    (event,) = events_of(doc, timex(doc, "May 2021", "2021-05"))
    assert event.label == "the Port Authority closed the north pier"
    assert "May 2021" in event.reports[0].span.exact


def test_passive_with_an_agent_reads_as_active() -> None:
    doc = doc_of(
        "The clerk kept several permits on file. Most were routine, but one, "
        "signed by Mayor Ana Ruiz on March 3, 2019, was not."
    )
    (event,) = events_of(doc, timex(doc, "March 3, 2019", "2019-03-03"))
    assert event.label.startswith("Mayor Ana Ruiz signed one")
    ruiz = next(e for e in find_entities(doc) if e.name == "Ana Ruiz")
    assert (ruiz.id, "agent") in [(p.entity, p.role) for p in event.participants]


def test_a_dated_message_is_labelled_by_what_it_reports() -> None:
    doc = doc_of("A May 4 memo obtained by the Ledger showed that the Harbor Board delayed repairs.")
    (event,) = events_of(doc, timex(doc, "May 4", "XXXX-05-04"))
    assert event.label == "the Harbor Board delayed repairs"
    assert event.time is not None and event.time.edtf == "XXXX-05-04"


def test_a_dated_article_is_a_publication() -> None:
    doc = doc_of("According to Ann Lowe's March 3, 2019 article in the Coast Courier, fees rose.")
    (event,) = events_of(doc, timex(doc, "March 3, 2019", "2019-03-03"))
    assert event.kind == "publication" and event.label.startswith("Ann Lowe")


def test_wrapped_lines_are_one_sentence() -> None:
    doc = doc_of("The Harbor Authority said the ferry\nterminal reopened on June 3, 2020, after repairs.")
    (event,) = events_of(doc, timex(doc, "June 3, 2020", "2020-06-03"))
    assert event.label == "the ferry terminal reopened"


@pytest.mark.parametrize(
    ("text", "words", "value", "dated"),
    [
        ("Monks settled the island in 1133.", "1133", "1133", False),
        ("The guild elected 1133 members.", "1133", "1133", False),
        ("Monks settled the island in the 1100s.", "the 1100s", "110X", False),
        ("Monks settled the island in March 1133.", "March 1133", "1133-03", True),
        ("Monks settled the island in the year 1133.", "1133", "1133", True),
        ("Monks settled the island in 1133 AD.", "1133", "1133", True),
        ("Monks settled the island in the 12th century.", "the 12th century", "11XX", True),
        ("The mill closed in 1987.", "1987", "1987", True),
    ],
)
def test_a_date_before_1900_dates_an_event_only_with_its_era_stated(
        text: str, words: str, value: str, dated: bool) -> None:
    doc = doc_of(text)
    assert bool(events_of(doc, timex(doc, words, value))) is dated
