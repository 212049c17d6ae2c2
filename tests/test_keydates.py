"""Key dates of a case: which days rank first and how each is summarized."""

from __future__ import annotations

from timeline_graph.graph import build_graph
from timeline_graph.keydates import key_dates
from timeline_graph.model import Document, Event, Records, Report, Span, TimeValue, record_id

from .conftest import make_document


def _doc(name: str, published: str, text: str) -> Document:
    return make_document(text, name, publisher=name.split(".")[0].title(), published=TimeValue.from_edtf(published))


def _event(doc: Document, words: str, day: str, label: str) -> Event:
    span = Span.find(doc, words)
    time = TimeValue.from_edtf(day, text=day)
    return Event(id=record_id("evt", doc.id, span.start), label=label, time=time,
                 reports=(Report(doc.id, span, time),), kind="decision")


def test_publication_volume_breaks_a_tie_but_never_outranks_a_source() -> None:
    first = _doc("ledger.md", "2022-03-02", "The board voted to close the pier.")
    second = _doc("courier.md", "2022-05-02", "The board approved the budget.")
    busy = [_doc(f"other{i}.md", "2022-05-01", f"Story {i} of a busy day.") for i in range(3)]
    events = (_event(first, "The board voted to close the pier", "2022-03-01", "The board voted to close the pier"),
              _event(second, "The board approved the budget", "2022-05-01", "The board approved the budget"))
    G = build_graph(Records(documents=(first, second, *busy), events=events))
    ranked = key_dates(G, 5)
    assert [k.day.isoformat() for k in ranked] == ["2022-05-01", "2022-03-01"]
    assert (ranked[0].published, ranked[1].published) == (4, 1)
    quiet_day_cited_twice = _doc("herald.md", "2022-03-03", "The board voted on March 1 to close the pier.")
    again = _event(quiet_day_cited_twice, "The board voted on March 1", "2022-03-01", "The board voted")
    G = build_graph(Records(documents=(first, second, quiet_day_cited_twice, *busy), events=(*events, again)))
    ranked = key_dates(G, 1)
    assert [k.day.isoformat() for k in ranked] == ["2022-03-01"]
    assert ranked[0].summary == "The board voted to close the pier"  # "The board voted" says less
