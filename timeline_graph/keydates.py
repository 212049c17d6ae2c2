"""Graph -> the days that matter most for a story, each with its events and a one-line summary.

A day matters when the evidence says so, not when much was published on it:

- **sources**: the independent sources that report an event on that day (a report giving that
  exact day); documents of one publisher count once, and so do the same words printed by
  several outlets (a wire story);
- **referred back**: of those, the ones published a week or more later (a story that recalls
  what happened on the day, weeks on, says the day mattered; the next day's news does not);
- **participants**: the people, organizations and places taking part in its events, which
  counts less (a logarithm).

``importance = sources + referred back + log2(1 + participants) / 2``; ties go to the day with
more sources, then to the one with more documents published on it or the next day (volume only
breaks ties), then to the earlier day. Days come from reports that give an exact day (or events
dated to one day); a month, a season or "before May 3" never makes a key date.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import networkx as nx

from .codec import to_dict
from .graph import documents, events
from .model import Document, Event, Report

__all__ = ["REFERRED_BACK_DAYS", "KeyDate", "key_dates", "to_json"]

#: A source published this many days after a day or more refers back to it.
REFERRED_BACK_DAYS = 7
#: Labels a summary joins at most, and its length at most.
_SUMMARY_LABELS = 3
_SUMMARY_CHARS = 160


@dataclass(frozen=True)
class KeyDate:
    """One important day: its importance, the evidence behind it, a summary and its events."""

    day: date
    importance: float
    sources: int
    referred_back: int
    participants: int
    published: int  # documents published on the day or the next
    summary: str
    events: tuple[Event, ...]


@dataclass
class _Day:
    events: dict[str, Event]
    sources: set[str]
    later: set[str]


def key_dates(G: nx.MultiDiGraph, n: int, *, start: date | None = None, end: date | None = None) -> list[KeyDate]:
    """The ``n`` most important days between ``start`` and ``end`` (inclusive), most important first."""
    docs = {d.id: d for d in documents(G)}
    days: dict[date, _Day] = defaultdict(lambda: _Day({}, set(), set()))
    copies: dict[str, str] = {}  # the same words in several outlets count once
    for event in sorted(events(G), key=lambda e: e.id):
        for report, day in _days(event):
            if (start and day < start) or (end and day > end):
                continue
            found = days[day]
            found.events[event.id] = event
            source = _source(report, docs, copies)
            found.sources.add(source)
            if _published_after(docs.get(report.document), day):
                found.later.add(source)
    volume = _published_per_day(docs.values())
    # ranked by the evidence alone; only the days returned get their events ordered and summed up
    ranked = sorted((_ranking(day, found, volume[day] + volume[day + timedelta(days=1)])
                     for day, found in days.items()), key=lambda r: r[0])
    return [_key_date(day, found, importance, published, taking_part)
            for (_, _, _, day), found, importance, published, taking_part in ranked[: max(0, n)]]


def _days(event: Event) -> list[tuple[Report, date]]:
    """(report, day) for each report that gives an exact day, or the event's own day."""
    out = []
    for report in event.reports:
        time = report.stated_time or (event.time if len(event.reports) == 1 else None)
        if time and time.earliest and time.earliest == time.latest:
            out.append((report, time.earliest))
    return out


def _source(report: Report, docs: dict[str, Document], copies: dict[str, str]) -> str:
    """Who speaks in a report: its document's publisher (else the document), or, for words that
    another outlet printed first, that outlet."""
    doc = docs.get(report.document)
    own = f"publisher:{doc.publisher.casefold()}" if doc and doc.publisher else report.document
    words = " ".join(report.span.exact.casefold().split())
    return copies.setdefault(words, own) if len(words.split()) >= 8 else own


def _published_per_day(docs: Iterable[Document]) -> Counter[date]:
    """How many documents were published on each day (of those whose day is known)."""
    return Counter(d.published.earliest for d in docs
                   if d.published and d.published.earliest and d.published.earliest == d.published.latest)


def _published_after(doc: Document | None, day: date) -> bool:
    published = doc.published if doc else None
    return bool(published and published.earliest and published.earliest >= day + timedelta(days=REFERRED_BACK_DAYS))


def _ranking(day: date, found: _Day, published: int
             ) -> tuple[tuple[float, int, int, date], _Day, float, int, int]:
    """A day's sort key (most important first, then more sources, more published, earlier),
    with its evidence: the day's events, importance, documents published and participants."""
    events_of_day = found.events.values()
    taking_part = len({p.entity for e in events_of_day for p in e.participants}
                      | {e.place for e in events_of_day if e.place})
    importance = round(len(found.sources) + len(found.later) + math.log2(1 + taking_part) / 2, 3)
    return (-importance, -len(found.sources), -published, day), found, importance, published, taking_part


def _key_date(day: date, found: _Day, importance: float, published: int, taking_part: int) -> KeyDate:
    ordered = sorted(found.events.values(), key=lambda e: (-len(e.documents), e.label.casefold(), e.id))
    return KeyDate(day=day, importance=importance, sources=len(found.sources),
                   referred_back=len(found.later), participants=taking_part, published=published,
                   summary=_summary(ordered), events=tuple(ordered))


def _summary(ordered: list[Event]) -> str:
    """The labels of the best-reported events, fullest first, joined on one line and cut at a
    word; a label whose words another one chosen holds ("the council voted" beside "the council
    voted to ban cameras") is left out."""
    chosen: list[tuple[str, frozenset[str]]] = []
    by_words = sorted(ordered, key=lambda e: (-len(e.documents), -len(_words(e.label)), e.label.casefold()))
    for event in by_words:
        label_words = _words(event.label)
        if len(chosen) < _SUMMARY_LABELS and not any(label_words <= other for _, other in chosen):
            chosen.append((" ".join(event.label.split()), label_words))
    text = "; ".join(label for label, _ in chosen)
    if len(text) <= _SUMMARY_CHARS:
        return text
    return text[: _SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


def to_json(found: list[KeyDate]) -> list[dict[str, object]]:
    """Key dates as JSON values: the day (ISO), the evidence, the summary and the events as records."""
    return [{"date": k.day.isoformat(), "importance": k.importance, "sources": k.sources,
             "referred_back": k.referred_back, "participants": k.participants, "published": k.published,
             "summary": k.summary,
             "events": [to_dict(e) for e in k.events]} for k in found]
