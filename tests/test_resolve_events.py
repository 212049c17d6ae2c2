"""Which label a merged event takes."""

from __future__ import annotations

from timeline_graph.model import Event, Participant, Report, Span, TimeValue, record_id
from timeline_graph.resolve.events import _label_score

from .conftest import make_document


def _event(text: str, label: str, *, agent: str | None) -> Event:
    doc = make_document(text, "a.md" if agent else "b.md")
    span = Span.find(doc, text.rstrip("."))
    time = TimeValue.from_edtf("2021-03")
    participants = (Participant(agent, "agent"),) if agent else ()
    return Event(id=record_id("evt", doc.id, span.start), label=label, time=time,
                 reports=(Report(doc.id, span, time),), participants=participants, kind="request")


def test_a_merged_event_takes_the_label_whose_doer_is_named() -> None:
    named = _event("The Harbor City Police Department asked Verdant dock camera owners for security video.",
                   "The Harbor City Police Department asked Verdant dock camera owners for security video",
                   agent="ent-hcpd")
    unnamed = _event("The letter asked dock owners to send in any video.",
                     "The letter asked dock owners to send in any video", agent=None)
    assert max([unnamed, named], key=lambda e: (_label_score(e), e.label)) is named
