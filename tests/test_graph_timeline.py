"""The graph holds every record and relation; the timeline orders events by their bounds."""

from __future__ import annotations

import dataclasses
from datetime import date

import networkx as nx

from timeline_graph.graph import (
    ABOUT,
    APPEARS_IN,
    CITES,
    CLAIMANT,
    INVOLVES,
    KIND,
    PARTICIPANT,
    REPORTED_IN,
    _edges,
    build_graph,
    claims,
    documents,
    events,
    to_records,
    update_graph,
)
from timeline_graph.model import Event, Participant, Records, Report, Span, TimeValue, record_id
from timeline_graph.timeline import describe_time, timeline


def test_graph_has_nodes_and_relations(sample_graph, sample_records: Records) -> None:  # type: ignore[no-untyped-def]
    G = sample_graph
    assert {k for _, k in G.nodes(data=KIND)} == {"document", "entity", "event", "claim", "citation", "conflict"}
    request = next(e for e in events(G) if e.kind == "request")
    assert {v for _, v, k in G.out_edges(request.id, keys=True) if k == REPORTED_IN} == {d.id for d in documents(G)}
    assert any(k == PARTICIPANT for _, _, k in G.out_edges(request.id, keys=True))
    ruiz_claim = next(c for c in claims(G) if c.claimant)
    assert {k for _, _, k in G.out_edges(ruiz_claim.id, keys=True)} == {APPEARS_IN, CLAIMANT}
    citation = sample_records.citations[0]
    assert G.has_edge(citation.id, citation.cites_document, key=CITES)
    assert G.has_edge(sample_records.conflicts[0].id, request.id, key=INVOLVES)
    assert to_records(G) == Records(*(tuple(sorted(g, key=lambda r: r.id)) for g in (
        sample_records.documents, sample_records.entities, sample_records.events,
        sample_records.claims, sample_records.citations, sample_records.conflicts)))


def _added_edge_by_edge(records: Records) -> nx.MultiDiGraph:
    """The graph ``build_graph`` makes, made with networkx's own ``add_edge``, one edge at a time."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(build_graph(records).nodes(data=True))
    for kind, name in (("entity", "entities"), ("event", "events"), ("claim", "claims"), ("citation", "citations"),
                       ("conflict", "conflicts")):
        for rec in getattr(records, name):
            for target, relation, attrs in _edges(kind, rec):
                if target in G:
                    G.add_edge(rec.id, target, key=relation, **attrs)
    return G


def _with_two_relations(records: Records) -> Records:
    """The records with a claim about its own claimant: two relations between the same two nodes."""
    claim = next(c for c in records.claims if c.claimant)
    about_self = dataclasses.replace(claim, about=(claim.claimant,))
    return dataclasses.replace(records, claims=tuple(about_self if c is claim else c for c in records.claims))


def test_graph_edges_are_those_added_one_by_one(sample_records: Records) -> None:
    records = _with_two_relations(sample_records)
    G, expected = build_graph(records), _added_edge_by_edge(records)
    assert list(G.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert [list(G.pred[n].items()) for n in G] == [list(expected.pred[n].items()) for n in expected]
    claim = next(c for c in records.claims if c.about)
    assert G.get_edge_data(claim.id, claim.claimant) == {CLAIMANT: {}, ABOUT: {}}


def test_graph_edges_alike_share_their_dictionaries(sample_records: Records) -> None:
    G = build_graph(sample_records)
    reporting = [(e.id, d) for e in sample_records.events for d in e.documents]
    assert len(reporting) > 2
    held = {id(G.get_edge_data(event, document)) for event, document in reporting}
    assert len(held) == 1  # every event -> document edge: one dictionary of keys, one of attributes
    assert len({id(G.edges[event, document, REPORTED_IN]) for event, document in reporting}) == 1


def test_updating_an_edge_leaves_the_edges_alike_as_they_were(sample_records: Records) -> None:
    agent_of = [e for e in sample_records.events if any(p.role == "agent" for p in e.participants)]
    first, other = agent_of[0], Event(
        id=record_id("evt", "another agent"), label="police published the footage", time=None,
        reports=agent_of[0].reports[:1], participants=agent_of[0].participants)
    records = dataclasses.replace(sample_records, events=(*sample_records.events, other))
    G = build_graph(records)
    entity = first.participants[0].entity
    assert G.get_edge_data(first.id, entity) is G.get_edge_data(other.id, entity)
    turned = dataclasses.replace(first, participants=(Participant(entity, "recipient"),))
    update_graph(G, [("events", turned)], [])
    assert G.edges[first.id, entity, PARTICIPANT] == {"role": "recipient"}
    assert G.edges[other.id, entity, PARTICIPANT] == {"role": "agent"}
    after = dataclasses.replace(records, events=tuple(turned if e is first else e for e in records.events))
    rebuilt = build_graph(after)
    assert sorted(G.edges(keys=True, data="role", default="")) == sorted(rebuilt.edges(keys=True, data="role", default=""))


def test_timeline_orders_by_bounds_with_citations(sample_records: Records) -> None:
    doc = sample_records.documents[0]
    span = Span.find(doc, "City police")
    def event(label: str, edtf: str | None) -> Event:
        time = TimeValue.from_edtf(edtf) if edtf else None
        return Event(id=record_id("evt", label), label=label, time=time, reports=(Report(doc.id, span, time),))
    records = Records(documents=(doc,), events=(
        event("undated", None), event("summer", "2020-22"), event("first of june", "2020-06-01"),
        event("all of 2020", "2020"), event("in 2019", "2019"),
    ))
    rows = timeline(build_graph(records))
    assert [r.event.label for r in rows] == ["in 2019", "all of 2020", "first of june", "summer", "undated"]
    assert rows[3].when == "summer 2020" and rows[3].start == date(2020, 6, 1) and rows[3].end == date(2020, 8, 31)
    assert rows[-1].when == "date unknown"
    assert all(doc.text[c.start : c.end] == c.exact for r in rows for c in r.citations)
    assert [r.event.label for r in timeline(build_graph(records), include_undated=False)][-1] == "summer"


def test_conflicting_events_are_flagged_on_the_timeline(sample_graph) -> None:  # type: ignore[no-untyped-def]
    rows = {r.event.kind: r for r in timeline(sample_graph)}
    assert rows["request"].conflicts and not rows["event"].conflicts
    assert rows["request"].when == "16 June 2020 to 16 July 2020"


def test_describe_time_says_precision_in_words() -> None:
    assert describe_time(TimeValue.from_edtf("2021-02-16?")) == "16 February 2021, uncertain"
    assert describe_time(TimeValue.from_edtf("199X")) == "the 1990s"
    assert describe_time(TimeValue.from_edtf("XXXX-06-16")) == "16 June (year unknown)"
    assert describe_time(TimeValue.from_edtf("2020-34")) == "second quarter of 2020"
    assert describe_time(TimeValue.from_edtf("2020-40")) == "first half of 2020"
    assert describe_time(TimeValue.from_edtf("2020-26")) == "northern summer 2020"
