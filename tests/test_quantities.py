"""Stated figures: value, qualifier, measure, subject and time; series and conflicts across documents."""

from __future__ import annotations

from timeline_graph.extract import extract
from timeline_graph.extract.quantities import qualifier_of
from timeline_graph.model import TimeValue
from timeline_graph.resolve import resolve, series

from .conftest import make_document


def _figures(text: str, **metadata: object):  # type: ignore[no-untyped-def]
    doc = make_document(text, "q.md", **metadata)
    return doc, extract(doc)


def test_value_qualifier_measure_subject_and_time() -> None:
    _, found = _figures(
        "The Harbor Water Board has signed agreements with over 1,200 local farms. "
        "Inspectors logged about 3,500 complaints in 2019."
    )
    farms, complaints = found.quantities
    assert (farms.value, farms.qualifier, farms.measure) == (1200.0, "more than", "farms/agree")
    assert farms.subject_name == "Harbor Water Board" and farms.span.exact == "over 1,200 local farms"
    assert (complaints.value, complaints.qualifier) == (3500.0, "about")
    assert complaints.time is not None and complaints.time.edtf == "2019"


def test_years_days_and_durations_are_not_figures() -> None:
    _, found = _figures("On June 16, 2020, the council met for 12 hours and 2021 budgets were set.")
    assert found.quantities == ()


def test_qualifiers() -> None:
    assert [qualifier_of(w) for w in ("nearly", "fewer than", "over", None)] == [
        "about", "less than", "more than", "exactly"]


def test_changing_value_is_a_series_and_same_time_values_conflict() -> None:
    early = make_document("The Acme Ferry Company has partnered with 40 harbor towns.", "a.md",
                          published=TimeValue.from_edtf("2019-03-01"))
    late = make_document("The Acme Ferry Company has partnered with over 400 harbor towns.", "b.md",
                         published=TimeValue.from_edtf("2021-03-01"))
    records = resolve([early, late], [extract(early), extract(late)])
    assert records.conflicts == ()
    (found,) = series(records.quantities).values()
    assert [q.value for q in found] == [40.0, 400.0]

    rival = make_document("The Acme Ferry Company has partnered with 90 harbor towns.", "c.md",
                          published=TimeValue.from_edtf("2021-03-01"))
    records = resolve([late, rival], [extract(late), extract(rival)])
    (conflict,) = records.conflicts
    assert conflict.kind == "quantity" and "over 400 harbor towns" in conflict.explanation


def test_quantities_go_through_the_graph_and_graph_json() -> None:
    from timeline_graph.export.graphjson import from_json, to_json
    from timeline_graph.graph import build_graph, quantities, to_records

    doc = make_document("The Acme Ferry Company has partnered with over 400 harbor towns.", "a.md")
    records = resolve([doc], [extract(doc)])
    G = build_graph(records, title="Ferries")
    assert list(quantities(G)) == list(records.quantities) and records.quantities
    assert to_records(from_json(to_json(G))) == to_records(G)


def test_many_values_for_one_time_are_one_conflict_not_every_pair() -> None:
    docs = [make_document(f"The Acme Ferry Company has partnered with {n} harbor towns.", f"{i}.md",
                          published=TimeValue.from_edtf("2021-03-01"))
            for i, n in enumerate((40, 90, 400, 90))]
    records = resolve(docs, [extract(d) for d in docs])
    (conflict,) = records.conflicts
    assert conflict.kind == "quantity" and len(conflict.items) == 4
    assert set(conflict.documents) == {d.id for d in docs}
    assert "'40 harbor towns'" in conflict.explanation and "'400 harbor towns'" in conflict.explanation
