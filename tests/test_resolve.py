"""Resolution across documents: aliases, one event with many reports, claim clusters, citations."""

from __future__ import annotations

from timeline_graph.extract import Extraction
from timeline_graph.model import (
    Citation,
    Claim,
    Entity,
    Event,
    Participant,
    Report,
    Span,
    TimeValue,
    record_id,
)
from timeline_graph.resolve import resolve

from .conftest import make_document

A_TEXT = (
    "The Harbor City Police Department (HCPD) asked residents for camera footage on June 16, 2020. "
    '"Footage often solves cases," a department spokesperson said.'
)
B_TEXT = (
    "According to the Bay Courier, HCPD asked residents for camera footage in a July 16 email. "
    'A spokesperson said footage "often solves cases" for detectives.'
)
C_TEXT = "The Bay Courier reported that HCPD asked residents for video during June 2020."


def _docs():  # type: ignore[no-untyped-def]
    a = make_document(A_TEXT, "a.md", publisher="Metro Daily")
    b = make_document(B_TEXT, "b.md", publisher="Harbor Weekly")
    c = make_document(C_TEXT, "c.md", publisher="Bay Courier", title="Police seek videos of the protests")
    return a, b, c


def _org(doc, name: str, *aliases: str) -> Entity:  # type: ignore[no-untyped-def]
    mentions = tuple(Span.find(doc, n) for n in (name, *aliases) if n in doc.text)
    return Entity(id=Entity.id_for("organization", name), kind="organization", name=name, aliases=aliases, mentions=mentions)


def _event(doc, clause: str, edtf: str, words: str, org: Entity) -> Event:  # type: ignore[no-untyped-def]
    span = Span.find(doc, clause)
    time = TimeValue.from_edtf(edtf, text=words)
    return Event(id=record_id("evt", doc.id, span.start), label="police asked residents for camera footage",
                 time=time, reports=(Report(doc.id, span, time),), participants=(Participant(org.id, "agent"),),
                 kind="request")


def _extractions():  # type: ignore[no-untyped-def]
    a, b, c = _docs()
    hcpd_a = _org(a, "Harbor City Police Department", "HCPD")
    hcpd_b = _org(b, "HCPD")
    hcpd_c = _org(c, "HCPD")
    claim_a = Claim(id=record_id("clm", a.id), text="Footage often solves cases", document=a.id,
                    span=Span.find(a, '"Footage often solves cases," a department spokesperson said.'),
                    quote="Footage often solves cases", verb="said")
    claim_b = Claim(id=record_id("clm", b.id), text="footage often solves cases", document=b.id,
                    span=Span.find(b, 'A spokesperson said footage "often solves cases" for detectives.'),
                    quote="often solves cases", verb="said")
    cite = Citation(id=record_id("cit", b.id), document=b.id, span=Span.find(b, "According to the Bay Courier"),
                    cites_label="Bay Courier")
    return (a, b, c), [
        Extraction(a.id, entities=(hcpd_a,), claims=(claim_a,),
                   events=(_event(a, "asked residents for camera footage on June 16, 2020", "2020-06-16", "June 16, 2020", hcpd_a),)),
        Extraction(b.id, entities=(hcpd_b,), claims=(claim_b,), citations=(cite,),
                   events=(_event(b, "asked residents for camera footage in a July 16 email", "2020-07-16", "July 16", hcpd_b),)),
        Extraction(c.id, entities=(hcpd_c,),
                   events=(_event(c, "asked residents for video during June 2020", "2020-06", "June 2020", hcpd_c),)),
    ]


def test_aliases_merge_across_documents() -> None:
    docs, extractions = _extractions()
    records = resolve(docs, extractions)
    (hcpd,) = records.entities
    assert hcpd.name == "Harbor City Police Department" and hcpd.aliases == ("HCPD",)
    assert {m.document for m in hcpd.mentions} == {d.id for d in docs}
    assert all(p.entity == hcpd.id for e in records.events for p in e.participants)


def test_one_event_many_reports_and_a_date_conflict() -> None:
    docs, extractions = _extractions()
    records = resolve(docs, extractions)
    requests = [e for e in records.events if e.kind == "request"]
    assert len(requests) == 1, [e.label for e in records.events]
    (request,) = requests
    assert set(request.documents) == {d.id for d in docs}
    assert {r.stated_time.edtf for r in request.reports if r.stated_time} == {"2020-06-16", "2020-07-16", "2020-06"}
    assert request.time is not None and request.time.edtf == "2020-06-16/2020-07-16"
    (conflict,) = records.conflicts
    assert conflict.kind == "date" and conflict.items == (request.id,)
    assert "'June 16, 2020'" in conflict.explanation and "'July 16'" in conflict.explanation
    assert {s.exact for s in conflict.spans} >= {"asked residents for camera footage in a July 16 email"}


def test_compatible_dates_take_the_most_precise() -> None:
    docs, extractions = _extractions()
    a_and_c = [extractions[0], extractions[2]]
    records = resolve([docs[0], docs[2]], a_and_c)
    (request,) = records.events
    assert request.time is not None and request.time.edtf == "2020-06-16"
    assert records.conflicts == ()


def test_claims_saying_the_same_thing_share_a_cluster() -> None:
    docs, extractions = _extractions()
    claims = resolve(docs, extractions).claims
    assert len(claims) == 2 and claims[0].cluster == claims[1].cluster is not None


def test_citation_resolves_to_the_document_of_the_named_outlet() -> None:
    docs, extractions = _extractions()
    (citation,) = resolve(docs, extractions).citations
    assert citation.cites_document == docs[2].id


def test_resolution_is_deterministic() -> None:
    docs, extractions = _extractions()
    assert resolve(docs, extractions) == resolve(list(reversed(docs)), list(reversed(extractions)))


def _built(*texts: tuple[str, str]):  # type: ignore[no-untyped-def]
    from timeline_graph.extract import extract

    docs = [make_document(text, name, publisher=name.split(".")[0].title()) for name, text in texts]
    return docs, resolve(docs, [extract(d) for d in docs])


def test_same_request_dated_on_different_days_by_two_outlets_is_one_event_in_conflict() -> None:
    _, records = _built(
        ("ledger.md", "The Harbor Police Department wrote to Acme Camera Company about the marches. "
                      "On June 16th, Acme Camera Company submitted a request tied to the marches."),
        ("courier.md", "A July 16 email showed that a Harbor Police Department officer asked "
                       "Acme Camera Company owners for video of the marches."),
    )
    (merged,) = [e for e in records.events if len(e.documents) == 2]
    assert merged.kind == "request"
    (conflict,) = [c for c in records.conflicts if c.kind == "date"]
    assert conflict.items == (merged.id,)
    assert "'June 16th'" in conflict.explanation and "'July 16'" in conflict.explanation


def test_unrelated_requests_of_one_day_are_not_merged() -> None:
    _, records = _built(
        ("ledger.md", "On June 16th, the Harbor Water Board requested new pipes for the school."),
        ("courier.md", "On June 16th, Acme Rail asked the Coast Guard for a survey of the bay."),
    )
    assert all(len(e.documents) == 1 for e in records.events)
    assert records.conflicts == ()


def test_partial_dates_that_disagree_are_incompatible() -> None:
    from timeline_graph.resolve import compatible

    june, july = TimeValue.from_edtf("XXXX-06-16"), TimeValue.from_edtf("XXXX-07-16")
    assert not compatible(june, july)
    assert compatible(june, TimeValue.from_edtf("2020-06-16"))
    assert not compatible(june, TimeValue.from_edtf("2020-07"))


def test_a_cited_work_dated_two_ways_in_one_document() -> None:
    text = (
        "According to Ann Lowe's March 3, 2019 article in the Coast Courier, fees rose.\n\n"
        'Ann Lowe, "Harbor Fees Rise Again," Coast Courier, March 3, 2020,\n'
    )
    _, records = _built(("notes.md", text))
    (conflict,) = records.conflicts
    assert conflict.kind == "date" and "2019-03-03" in conflict.explanation and "2020-03-03" in conflict.explanation
    assert len(conflict.spans) == 2


def test_a_claim_credited_to_a_case_document_that_does_not_contain_it() -> None:
    docs, records = _built(
        ("courier.md", "The ferry fares rose twice this year, the Coast Courier found."),
        ("ledger.md", "Ferry fares were cut in half for students and pensioners, "
                      "according to the Coast Courier."),
    )
    (conflict,) = [c for c in records.conflicts if c.kind == "attribution"]
    assert conflict.documents == (docs[1].id, docs[0].id)
    assert "Courier" in conflict.explanation


def test_a_publication_dated_two_ways_in_one_document() -> None:
    text = (
        "In a story for the Coast Courier dated March 3, 2019, Ann Lowe reported that fees rose.\n\n"
        'Ann Lowe, "Harbor Fees Rise Again," Coast Courier, March 3, 2020,\n'
    )
    _, records = _built(("notes.md", text))
    (conflict,) = records.conflicts
    assert conflict.kind == "date" and "Ann Lowe" in conflict.explanation
    assert "2019-03-03" in conflict.explanation and "2020-03-03" in conflict.explanation


def test_a_document_giving_both_dates_keeps_two_events_apart() -> None:
    _, records = _built(
        ("ledger.md", "The Harbor Police Department wrote to Acme Camera Company about the marches. "
                      "On June 16th, Acme Camera Company submitted a request tied to the marches."),
        ("courier.md", "A July 16 email showed that a Harbor Police Department officer asked "
                       "Acme Camera Company owners for video of the marches. An earlier email of "
                       "June 16 asked for nothing."),
    )
    (july,) = [e for e in records.events if e.time and e.time.edtf == "XXXX-07-16"]
    assert len(july.documents) == 1
    assert [c for c in records.conflicts if c.kind == "date"] == []


def test_reports_whose_days_differ_in_more_than_one_part_stay_apart() -> None:
    _, records = _built(
        ("ledger.md", "The Harbor Police Department wrote to Acme Camera Company about the marches. "
                      "On February 10th, Acme Camera Company submitted a request tied to the marches."),
        ("courier.md", "A June 1 email showed that a Harbor Police Department officer asked "
                       "Acme Camera Company owners for video of the marches."),
    )
    assert all(len(e.documents) == 1 for e in records.events)
    assert records.conflicts == ()
