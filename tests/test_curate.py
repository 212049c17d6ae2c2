"""Curation decisions: applied to the records, kept in an append-only log, exported as PROV."""

from __future__ import annotations

import dataclasses
import io
import multiprocessing
import shutil
import warnings
from pathlib import Path
from typing import Any

import networkx as nx
import prov.model
import pyoxigraph
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_graph.case import Case
from timeline_graph.cli import EXAMPLE_CASE, main
from timeline_graph.curate import (
    CURATOR_EXTRACTOR,
    apply_decisions,
    created_id,
    curate,
    grades,
    in_order,
)
from timeline_graph.decisionlog import append_decision, read_decisions, save_curator, saved_curator
from timeline_graph.errors import CaseError, ModelError
from timeline_graph.export import FORMATS, export
from timeline_graph.export.graphjson import from_json, to_json
from timeline_graph.export.rdfimport import read_rdf_graph
from timeline_graph.export.shacl import validate_file
from timeline_graph.graph import (
    CONCERNS,
    KIND,
    RECORD,
    build_graph,
    citations,
    claims,
    decisions,
    decisions_about,
    documents,
    entities,
    events,
    to_records,
    update_graph,
    updated_graph,
)
from timeline_graph.model import Decision, Records, Span, TimeValue
from timeline_graph.review import changed_since, history, latest_about, what_changes
from timeline_graph.vocab import PROV, TG

from .conftest import make_document
from .test_export_rdf_import import decisions_for
from .test_graphjson import assert_same_graph, small_records

AT = "2026-11-22T08:00:00Z"


def decision(action: str, *targets: str, **fields: object) -> Decision:
    fields.setdefault("agent", "Dana Archivist")
    fields.setdefault("at", AT)
    return Decision.create(action=action, targets=targets, **fields)  # type: ignore[arg-type]


def by_id(records: Records) -> dict[str, object]:
    return {r.id: r for name in ("documents", "entities", "events", "claims", "citations", "conflicts")
            for r in getattr(records, name)}


def test_merging_entities_moves_names_mentions_and_every_reference(sample_records: Records) -> None:
    police, _, ledger = sample_records.entities
    merged, skipped = curate(sample_records, [decision("merge", police.id, ledger.id, reason="same body")])
    assert skipped == []
    found = by_id(merged)
    assert ledger.id not in found
    kept = found[police.id]
    assert "Daily Ledger" in kept.aliases  # type: ignore[attr-defined]
    assert {m.key for m in kept.mentions} == {m.key for m in (*police.mentions, *ledger.mentions)}  # type: ignore[attr-defined]
    assert merged.citations[0].cites_entity == police.id  # the citation followed the merge
    assert len(merged.decisions) == 1 and merged.decisions[0].reason == "same body"


def test_a_later_decision_follows_a_merge(sample_records: Records) -> None:
    request, usage = sample_records.events
    merged, skipped = curate(sample_records, [
        decision("merge", request.id, usage.id),
        decision("redate", usage.id, time=TimeValue.from_edtf("2020-06~"), at="2026-11-22T08:01:00Z"),
    ])
    assert skipped == []
    (event,) = merged.events
    assert event.id == request.id and event.time and event.time.edtf == "2020-06~"
    assert {r.span.key for r in event.reports} == {r.span.key for r in (*request.reports, *usage.reports)}


def test_merges_that_make_no_sense_are_skipped_and_the_rest_applies(sample_records: Records) -> None:
    police, ruiz, _ = sample_records.entities
    request, _ = sample_records.events
    doc = sample_records.documents[0]
    merged, skipped = curate(sample_records, [
        decision("merge", police.id, ruiz.id),  # an organization and a person
        decision("merge", police.id, request.id),  # an entity and an event
        decision("merge", doc.id, sample_records.documents[1].id),  # documents are never merged
        decision("reject", "evt-0000000000000000"),  # gone after a rebuild
        decision("grade", doc.id, value="A1"),
    ])
    assert [line.split(": ", 1)[1] for line in skipped] == [
        "entities of different kinds (a person and an organization) cannot be merged",
        "only entities, events or claims of one kind can be merged",
        "only entities, events or claims of one kind can be merged",
        "no record evt-0000000000000000 in the case",
    ]
    assert by_id(merged).keys() == by_id(sample_records).keys()
    assert grades(merged.decisions)[doc.id].value == "A1"
    assert len(merged.decisions) == 5  # every decision stays on record, applied or not


def test_merging_claims_puts_them_in_one_cluster(sample_records: Records) -> None:
    first, second = sample_records.claims
    merged, _ = curate(sample_records, [decision("merge", first.id, second.id)])
    assert {c.cluster for c in merged.claims} == {first.cluster}
    split, _ = curate(merged, [decision("split", second.id, at="2026-11-22T09:00:00Z")])
    assert {c.id: c.cluster for c in split.claims} == {first.id: first.cluster, second.id: None}


def test_splitting_an_event_by_document(sample_records: Records) -> None:
    request, _ = sample_records.events
    second_doc = sample_records.documents[1].id
    d = decision("split", request.id, value=second_doc)
    split, skipped = curate(sample_records, [d])
    assert skipped == []
    found = by_id(split)
    new = found[created_id(d) or ""]
    assert [r.document for r in new.reports] == [second_doc]  # type: ignore[attr-defined]
    assert new.time.edtf == "2020-07-16"  # type: ignore[attr-defined]  # the date its own report gives
    assert second_doc not in found[request.id].documents  # type: ignore[attr-defined]
    # an event's only reporting document cannot be split off
    _, skipped = curate(split, [decision("split", new.id, value=second_doc, at="2026-11-22T09:00:00Z")])  # type: ignore[attr-defined]
    assert "not its only one" in skipped[0]


def test_splitting_an_entity_by_alias(sample_records: Records) -> None:
    police = sample_records.entities[0]
    d = decision("split", police.id, value="police")
    split, skipped = curate(sample_records, [d])
    assert skipped == []
    found = by_id(split)
    assert found[police.id].aliases == ()  # type: ignore[attr-defined]
    new = found[created_id(d) or ""]
    assert new.name == "police" and [m.exact for m in new.mentions] == ["police"]  # type: ignore[attr-defined]


def test_rejecting_drops_the_record_and_what_hangs_on_it(sample_records: Records) -> None:
    _, ruiz, _ = sample_records.entities
    request, _ = sample_records.events
    rejected, skipped = curate(sample_records, [decision("reject", request.id, ruiz.id)])
    assert skipped == []
    found = by_id(rejected)
    assert request.id not in found and ruiz.id not in found
    assert rejected.conflicts == ()  # the conflict was about the rejected event
    said = by_id(rejected)[sample_records.claims[0].id]
    assert said.claimant is None and said.claimant_name == "Chief Ana Ruiz"  # type: ignore[attr-defined]
    _, skipped = curate(sample_records, [decision("reject", sample_records.documents[0].id)])
    assert "taken out of the case's files" in skipped[0]


def test_redating_and_grading_check_what_they_act_on(sample_records: Records) -> None:
    request, _ = sample_records.events
    claim = sample_records.claims[0]
    redated, skipped = curate(sample_records, [
        decision("redate", request.id, time=TimeValue.from_edtf("2020-21")),
        decision("redate", claim.id, time=TimeValue.from_edtf("2020")),
        decision("grade", claim.id, value="B2"),
    ])
    assert by_id(redated)[request.id].time.precision == "season"  # type: ignore[attr-defined]
    assert [s.split(": ", 1)[1] for s in skipped] == [
        f"only an event or a figure can be re-dated, not {claim.id}",
        f"only a document or a source (person, organization) can be graded, not {claim.id}",
    ]
    with pytest.raises(ModelError, match="a letter A-F and a digit 1-6"):
        decision("grade", claim.id, value="G7")
    with pytest.raises(ModelError, match="UTC time"):
        decision("accept", claim.id, at="yesterday")
    with pytest.raises(ModelError, match="who made it"):
        decision("accept", claim.id, agent="  ")


def test_adding_an_event_ties_it_to_source_words(sample_records: Records) -> None:
    doc = sample_records.documents[1]
    police = sample_records.entities[0]
    d = decision("add", police.id, value="spokesman commented", time=TimeValue.from_edtf("2021-02"),
                 span=Span.find(doc, "Police spokesman Tom Hale said the requests were voluntary."))
    added, skipped = curate(sample_records, [d])
    assert skipped == []
    event = by_id(added)[created_id(d) or ""]
    assert event.label == "spokesman commented" and event.time.edtf == "2021-02"  # type: ignore[attr-defined]
    (report,) = event.reports  # type: ignore[attr-defined]
    assert report.extractor == CURATOR_EXTRACTOR and report.span.exact.startswith("Police spokesman")
    assert [p.entity for p in event.participants] == [police.id]  # type: ignore[attr-defined]
    G = build_graph(added, title="t", base_iri="https://example.org/t/")
    assert {t for _, t, k in G.out_edges(d.id, keys=True) if k == CONCERNS} == {police.id, doc.id, event.id}  # type: ignore[attr-defined]


def test_adding_a_claim_or_a_source_citation_ties_it_to_source_words(sample_records: Records, tmp_path: Path) -> None:
    doc, other = sample_records.documents[1], sample_records.documents[0]
    police = sample_records.entities[0]
    words = Span.find(doc, "the requests were voluntary")
    claimed = decision("add-claim", police.id, span=words, reason="missed")
    unnamed = decision("add-claim", value="unnamed", span=words)
    cites = decision("add-citation", other.id, span=Span.find(doc, "Police spokesman"))
    named = decision("add-citation", value="the city's annual report", span=Span.find(doc, "Tom Hale"))
    added, skipped = curate(sample_records, [claimed, unnamed, cites, named])
    assert skipped == []
    found = by_id(added)
    claim = found[created_id(claimed) or ""]
    assert (claim.text, claim.claimant, claim.claimant_name, claim.unnamed, claim.extractor) == (  # type: ignore[attr-defined]
        "the requests were voluntary", police.id, police.name, False, CURATOR_EXTRACTOR)
    assert claim.span == words and claim.document == doc.id  # type: ignore[attr-defined]
    anonymous = found[created_id(unnamed) or ""]
    assert anonymous.claimant is None and anonymous.unnamed  # type: ignore[attr-defined]
    citation = found[created_id(cites) or ""]
    assert (citation.document, citation.cites_document, citation.span.exact) == (  # type: ignore[attr-defined]
        doc.id, other.id, "Police spokesman")
    assert found[created_id(named) or ""].cites_label == "the city's annual report"  # type: ignore[attr-defined]
    # what does not fit is skipped with its reason
    bad = [decision("add-claim", doc.id, span=words), decision("add-claim", span=None),
           decision("add-citation", span=words), decision("add-citation", doc.id, span=words)]
    _, skipped = curate(sample_records, bad)
    assert [line.split("): ", 1)[1] for line in skipped] == [
        f"an added claim's claimant is one entity, not {doc.id}",
        "an added claim needs the words of a document of the case that state it",
        "an added citation names the document of the case it cites, or the source's name",
        "a document does not cite itself"]
    # the log keeps them whole
    log = tmp_path / "decisions.yaml"
    for d in (claimed, unnamed, cites, named):
        append_decision(log, d)
    assert read_decisions(log, {d.id: d for d in sample_records.documents}) == [claimed, unnamed, cites, named]
    assert "claimant: unnamed" in log.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The log on disk


def test_the_log_round_trips_every_field(sample_records: Records, tmp_path: Path) -> None:
    doc = sample_records.documents[0]
    log = tmp_path / "decisions.yaml"
    written = [
        decision("add", value="Chief spoke", time=TimeValue.from_edtf("2020-06-20"), span=Span.find(doc, "said Chief"),
                 reason="missed: a quote"),
        decision("grade", doc.id, value="B2", agent="réviseur ünïcode", agent_kind="software"),
        decision("split", sample_records.events[0].id, value=sample_records.documents[1].id),
    ]
    for d in written:
        append_decision(log, d)
    documents = {d.id: d for d in sample_records.documents}
    assert read_decisions(log, documents) == written
    text = log.read_text(encoding="utf-8")
    assert text.startswith("# Curation decisions") and text.count("\n---\n") == 3
    assert "réviseur ünïcode" in text  # readable, not escaped
    assert read_decisions(tmp_path / "none.yaml", documents) == []


def test_a_hand_edited_log_is_read_or_refused_with_the_entry_named(sample_records: Records, tmp_path: Path) -> None:
    documents = {d.id: d for d in sample_records.documents}
    log = tmp_path / "decisions.yaml"
    request = sample_records.events[0].id
    log.write_text(f"---\nat: 2026-11-22T08:00:00Z\nby: Ana\naction: accept\ntargets: {request}\n", encoding="utf-8")
    (found,) = read_decisions(log, documents)  # an unquoted time and a single target are fine
    assert found.at == AT and found.targets == (request,)
    append_decision(log, decision("accept", request))  # the file did end with a newline
    log.write_text(log.read_text(encoding="utf-8") + "---\naction: merge\ntargets: [a]\nby: A\nat: x\ncolour: red\n",
                   encoding="utf-8")
    with pytest.raises(CaseError, match=r"decisions.yaml: decision 3: unknown keys colour"):
        read_decisions(log, documents)
    log.write_text("---\naction: [unclosed\n", encoding="utf-8")
    with pytest.raises(CaseError, match=r"decisions\.yaml: the decision log is not valid YAML \(line 3: .*\); "
                                        r"mend that entry by hand \(the tool never rewrites this file"):
        read_decisions(log, documents)
    log.write_text("---\nat: '2026-11-22T08:00:00Z'\nby: A\naction: destroy\ntargets: [x]\n", encoding="utf-8")
    with pytest.raises(CaseError, match="decision 1: unknown action 'destroy'"):
        read_decisions(log, documents)


def _append_many(args: tuple[str, int]) -> None:
    path, worker = args
    for i in range(40):
        append_decision(Path(path), Decision.create(action="accept", targets=(f"evt-{worker}-{i}",),
                                                    agent=f"curator {worker}", at=AT, reason="x" * 300))


def test_two_processes_deciding_at_once_lose_nothing(tmp_path: Path) -> None:
    log = tmp_path / "decisions.yaml"
    context = multiprocessing.get_context("fork")
    with context.Pool(2) as pool:
        pool.map(_append_many, [(str(log), 1), (str(log), 2)])
    found = read_decisions(log, {})
    assert len(found) == 80
    assert {d.targets[0] for d in found} == {f"evt-{w}-{i}" for w in (1, 2) for i in range(40)}
    assert log.read_text(encoding="utf-8").count("# Curation decisions") == 1


# ---------------------------------------------------------------------------------------------
# A case, its exports and the command line


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example case, built, with its decisions."""
    folder = tmp_path_factory.mktemp("example") / "case"
    shutil.copytree(EXAMPLE_CASE, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    Case.open(folder).build()
    return folder


def test_the_example_case_decisions_all_apply(example: Path) -> None:
    case = Case.open(example)
    G = case.load_graph()
    assert case.skipped_decisions == []
    found = list(decisions(G))
    assert {d.action for d in found} >= {"grade", "redate", "reject", "accept", "add"}
    assert [d.at for d in found] == sorted(d.at for d in found)


def test_exports_state_who_curated_what_and_when(example: Path, tmp_path: Path) -> None:
    G = Case.open(example).load_graph()
    curated = list(decisions(G))
    path = export(G, "trig", tmp_path / "case.trig")
    assert validate_file(path).conforms
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TRIG)
    rows = list(store.query(f"""
        SELECT ?d ?name ?at ?why WHERE {{
          ?d a <{TG.CurationDecision}>, <{PROV.Activity}> ; <{PROV.endedAtTime}> ?at ;
             <{PROV.wasAssociatedWith}> ?who .
          ?who a <{PROV.Person}> ; <http://xmlns.com/foaf/0.1/name> ?name .
          OPTIONAL {{ ?d <{TG.reason}> ?why }} }}""", use_default_graph_as_union=True))
    assert len(rows) == len(curated)
    assert {r["at"].value for r in rows} == {d.at for d in curated}
    assert {r["name"].value for r in rows} == {d.agent for d in curated}
    # what a decision added was generated by it; what it rejected was invalidated by it
    added = next(d for d in curated if d.action == "add")
    rejected = next(d for d in curated if d.action == "reject")
    ask = f"""ASK {{ ?new <{PROV.wasGeneratedBy}> ?a . ?a <{TG.action}> "add" .
                   ?old <{PROV.wasInvalidatedBy}> ?r . ?r <{TG.action}> "reject" }}"""
    assert bool(store.query(ask, use_default_graph_as_union=True))
    assert added.id in G and rejected.targets[0] not in G
    # the prov package reads the decisions as activities with their agents
    with warnings.catch_warnings():  # prov lists, at length, the rdf:types it keeps as attributes
        warnings.simplefilter("ignore", UserWarning)
        document = prov.model.ProvDocument.deserialize(content=export(G, "ttl", tmp_path / "c.ttl").read_text(),
                                                       format="rdf", rdf_format="turtle")
    activities = [r for r in document.get_records(prov.model.ProvActivity)
                  if "decision/" in str(r.identifier)]
    assert len(activities) == len(curated)
    associations = document.get_records(prov.model.ProvAssociation)
    assert sum(1 for a in associations if "decision/" in str(a.formal_attributes[0][1])) == len(curated)


def test_curated_graphs_survive_rdf_and_json(example: Path, tmp_path: Path) -> None:
    G = Case.open(example).load_graph()
    for fmt in ("trig", "nt", "jsonld"):
        assert_same_graph(G, read_rdf_graph(export(G, fmt, tmp_path / f"c.{fmt}")))
    assert_same_graph(G, from_json(to_json(G)))
    first = export(G, "trig", tmp_path / "a.trig").read_bytes()
    assert export(Case.open(example).load_graph(), "trig", tmp_path / "b.trig").read_bytes() == first


@st.composite
def records_with_decisions(draw: st.DrawFn) -> Records:
    records = draw(small_records())
    return dataclasses.replace(records, decisions=draw(decisions_for(records)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=records_with_decisions())
def test_generated_decisions_survive_graph_json(records: Records) -> None:
    G = build_graph(records, title="t", base_iri="https://example.org/t/")
    back = from_json(to_json(G))
    assert to_records(back) == to_records(G)


def test_decide_command(example: Path) -> None:
    runner = CliRunner()
    before = (example / "decisions.yaml").read_bytes()
    env = {"TIMELINE_GRAPH_CURATOR": "Sam Checker"}
    refused = [
        ["grade", "nosuch.md", "--grade", "B2"],
        ["grade", "05-bbc-2021-lapd-ring-blm-footage.md", "--grade", "Z9"],
        ["redate", "evt-0000000000000000", "--date", "2020"],
        ["redate", "05-bbc-2021-lapd-ring-blm-footage.md"],
        ["add", "--label", "x", "--document", "05-bbc-2021-lapd-ring-blm-footage.md", "--quote", "never written"],
        ["merge", "Ring"],
    ]
    for args in refused:
        result = runner.invoke(main, ["decide", str(example), *args], env=env)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.startswith("error: ") and result.output.count("\n") == 1, result.output
    assert (example / "decisions.yaml").read_bytes() == before  # nothing refused was written
    result = runner.invoke(main, ["decide", str(example), "grade", "The Verge", "--grade", "A2",
                                  "--why", "checked", "--at", "2026-11-22T10:00:00Z"], env=env)
    assert result.exit_code == 0, result.output
    assert "grade" in result.output and "by Sam Checker, 2026-11-22T10:00:00Z" in result.output
    entries = list(yaml.safe_load_all((example / "decisions.yaml").read_text(encoding="utf-8")))
    assert entries[-1]["by"] == "Sam Checker" and entries[-1]["grade"] == "A2" and entries[-1]["why"] == "checked"
    listed = runner.invoke(main, ["decisions", str(example), "--json"])
    assert listed.exit_code == 0
    assert yaml.safe_load(listed.output)[-1]["applied"] is True
    text = runner.invoke(main, ["decisions", str(example)]).output
    assert "Sam Checker" in text and "[applied]" in text and "why: checked" in text


def test_timeline_and_conflicts_say_who_curated(example: Path) -> None:
    runner = CliRunner()
    timeline = runner.invoke(main, ["timeline", str(example), "--ids"]).output
    added = next(line for line in timeline.splitlines() if "EFF obtained the police emails" in line)
    assert "[added by Example Curator]" in added and "evt-" in added
    redated = next(line for line in timeline.splitlines() if "evt-8be43e226503d7f8" in line)
    assert redated.startswith("16 February 2021") and "[re-dated by Example Curator]" in redated
    conflicts = runner.invoke(main, ["conflicts", str(example)]).output
    assert "accepted by Example Curator (2026-03-02T09:55:00Z): A genuine disagreement" in conflicts


# ---------------------------------------------------------------------------------------------
# Relabel, change kind, attribute, undo


def test_relabelling_an_event_changing_an_entitys_kind_and_attributing_claims(sample_records: Records) -> None:
    request, _ = sample_records.events
    police, ruiz, ledger = sample_records.entities
    said, voluntary = sample_records.claims
    curated, skipped = curate(sample_records, [
        decision("relabel", request.id, value="  Police asked  for footage "),
        decision("retype", ledger.id, value="work"),
        decision("attribute", voluntary.id, police.id),
        decision("attribute", said.id, value="unnamed"),
        decision("relabel", police.id, value="x"),  # not an event
        decision("retype", ruiz.id, value="robot"),  # not a kind
        decision("attribute", voluntary.id, request.id),  # not an entity
        decision("attribute", said.id),  # neither an entity nor unnamed
    ])
    found = by_id(curated)
    assert found[request.id].label == "Police asked for footage"  # type: ignore[attr-defined]
    assert found[ledger.id].kind == "work"  # type: ignore[attr-defined]
    assert (found[voluntary.id].claimant, found[voluntary.id].claimant_name) == (police.id, "City Police")  # type: ignore[attr-defined]
    assert found[said.id].claimant is None and found[said.id].unnamed  # type: ignore[attr-defined]
    assert [line.split(": ", 1)[1] for line in skipped] == [
        f"only an event can be relabelled, not {police.id}",
        "an entity's kind is one of person, organization, place, product, work, not 'robot'",
        f"a claim is attributed to an entity, not {request.id}",
        "attribute a claim to an entity (its second target), or mark its source unnamed",
    ]


def test_an_undo_takes_a_decision_back_and_an_undo_of_it_brings_it_back(sample_records: Records) -> None:
    request, _ = sample_records.events
    reject = decision("reject", request.id)
    undo = decision("undo", reject.id, at="2026-11-22T08:01:00Z")
    redo = decision("undo", undo.id, at="2026-11-22T08:02:00Z")
    curated, skipped = curate(sample_records, [reject, undo])
    assert skipped == [] and request.id in by_id(curated)
    assert len(curated.decisions) == 2  # nothing is taken out of the log
    curated, skipped = curate(sample_records, [reject, undo, redo])
    assert skipped == [] and request.id not in by_id(curated)
    again = decision("undo", reject.id, at="2026-11-22T08:03:00Z")
    _, skipped = curate(sample_records, [reject, undo, again])
    assert skipped[0].endswith(f"decision {reject.id} was already taken back by Dana Archivist at 2026-11-22T08:01:00Z")
    _, skipped = curate(sample_records, [again])
    assert skipped[0].endswith(f"no earlier decision {reject.id} to take back")
    done = apply_decisions(sample_records, [reject, undo])
    assert done.undone == {reject.id: undo.id}


def test_new_actions_round_trip_the_log_and_old_logs_still_read(sample_records: Records, tmp_path: Path) -> None:
    request, _ = sample_records.events
    police, _, ledger = sample_records.entities
    said, _ = sample_records.claims
    written = [decision("relabel", request.id, value="Footage asked for", reason="clearer"),
               decision("retype", ledger.id, value="work"), decision("attribute", said.id, police.id),
               decision("attribute", said.id, value="unnamed")]
    written.append(decision("undo", written[0].id))
    log = tmp_path / "decisions.yaml"
    for d in written:
        append_decision(log, d)
    assert read_decisions(log, {}) == written
    entries = list(yaml.safe_load_all(log.read_text(encoding="utf-8")))
    assert [e.get("label") or e.get("kind") or e.get("claimant") for e in entries] == [
        "Footage asked for", "work", None, "unnamed", None]
    assert entries[-1]["targets"] == [written[0].id]


def test_history_and_what_a_decision_changes(sample_records: Records) -> None:
    request, usage = sample_records.events
    reject = decision("reject", request.id)
    undo = decision("undo", reject.id, at="2026-11-22T08:01:00Z")
    other = decision("accept", usage.id)
    assert history([reject, other, undo], request.id) == [reject, undo]
    assert changed_since([reject], {request.id: None}).startswith(
        f"{request.id} was changed meanwhile (rejected by Dana Archivist at {AT})")
    assert changed_since([reject, other], {request.id: reject.id}) == ""
    relabel = decision("relabel", request.id, value="Footage asked for")
    after, _ = curate(sample_records, [relabel])
    assert what_changes(sample_records, after, relabel) == [
        "event “police asked camera owners for footage”: label police asked camera owners for footage → "
        "Footage asked for"]
    after, _ = curate(sample_records, [reject])
    lines = what_changes(sample_records, after, reject)
    assert "event “police asked camera owners for footage” is taken out" in lines
    assert any(line.startswith("conflict ") and line.endswith("is taken out") for line in lines)


@pytest.fixture
def curated_case(example: Path, tmp_path: Path) -> Path:
    """A copy of the built example case, for tests that add decisions."""
    folder = tmp_path / "case"
    shutil.copytree(example, folder)
    return folder


def test_a_case_refuses_a_decision_on_a_record_changed_meanwhile(curated_case: Path) -> None:
    case = Case.open(curated_case)
    G = case.load_graph()
    event = next(e for e in events(G) if not decisions_about(G, e.id))
    log = case.decisions_path
    earlier = read_decisions(log, {})
    seen = {event.id: latest_about(earlier, event.id)}
    relabel = decision("relabel", event.id, value="Relabelled", agent="Ana")
    assert case.preview(relabel)[0].endswith(f"label {event.label} → Relabelled")
    reject = decision("reject", event.id, agent="Bo", at="2026-11-22T08:05:00Z")
    Case.open(curated_case).decide(reject, seen=seen)  # another curator, first
    before = log.read_bytes()
    with pytest.raises(CaseError, match=rf"^not recorded: {event.id} was changed meanwhile \(rejected by Bo at "
                                        r"2026-11-22T08:05:00Z\); look at it again before deciding$"):
        case.decide(relabel, seen=seen)
    with pytest.raises(CaseError, match=rf"^not recorded: no record {event.id} in the case$"):
        case.decide(relabel)  # without what was seen: the record is gone anyway
    assert log.read_bytes() == before
    undo = decision("undo", reject.id, agent="Bo", at="2026-11-22T08:06:00Z")
    assert case.preview(undo)[0] == f"takes back {reject.id}"
    case.decide(undo)
    with pytest.raises(CaseError, match="already taken back by Bo"):
        case.decide(decision("undo", reject.id, agent="Ana", at="2026-11-22T08:07:00Z"))
    case.decide(relabel, seen={event.id: undo.id})
    G = Case.open(curated_case).load_graph()
    assert G.nodes[event.id]["record"].label == "Relabelled"


def test_the_curator_name_is_kept_in_the_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert saved_curator() == ""
    save_curator("  Ana   Ruiz ")
    assert saved_curator() == "Ana Ruiz"
    assert (tmp_path / "config" / "timeline-graph" / "curator").read_text() == "Ana Ruiz\n"


def test_decide_command_relabels_attributes_and_undoes(curated_case: Path) -> None:
    runner = CliRunner()
    env = {"TIMELINE_GRAPH_CURATOR": "Sam Checker"}
    G = Case.open(curated_case).load_graph()
    event = next(e for e in events(G) if not decisions_about(G, e.id))
    result = runner.invoke(main, ["decide", str(curated_case), "relabel", event.id, "--label", "Asked for video",
                                  "--why", "shorter"], env=env)
    assert result.exit_code == 0, result.output
    made = result.output.split()[1].rstrip(":")
    result = runner.invoke(main, ["decide", str(curated_case), "undo", made], env=env)
    assert result.exit_code == 0, result.output
    again = runner.invoke(main, ["decide", str(curated_case), "undo", made], env=env)
    assert again.exit_code == 2 and "already taken back by Sam Checker" in again.output
    assert Case.open(curated_case).load_graph().nodes[event.id]["record"].label == event.label
    listed = runner.invoke(main, ["decisions", str(curated_case)]).output
    assert f"{made}  Sam Checker" in listed and "[taken back by dec-" in listed


def test_decide_command_adds_claims_and_source_citations_that_reach_the_exports(
        curated_case: Path, tmp_path: Path) -> None:
    import json

    runner = CliRunner()
    env = {"TIMELINE_GRAPH_CURATOR": "Sam Checker"}
    article, intercept = "03-mynewsla-2021-lapd-ring-footage.md", "02-intercept-2021-lapd-sought-ring-video.md"

    def decide(*args: str) -> Any:
        return runner.invoke(main, ["decide", str(curated_case), *args], env=env)

    said = "an important and lawful tactic"
    unknown = "many customers received it is not known"
    cited, named = "the outlet published on Tuesday", "told the Los Angeles Times"
    before = curated_case.joinpath("decisions.yaml").read_bytes()
    for args in (["add-claim", "Michel Moore", "--document", article, "--quote", "words it never had"],
                 ["add-claim", "Michel Moore", "--quote", said],  # no document
                 ["add-claim", article, "--document", article, "--quote", said],  # a document makes no claim
                 ["add-citation", article, "--document", article, "--quote", cited],  # nor cites itself
                 ["add-citation", "--document", article, "--quote", cited]):  # cites neither a document nor a name
        refused = decide(*args, "--why", "test")
        assert refused.exit_code == 2 and refused.output.startswith("error: "), (args, refused.output)
    assert curated_case.joinpath("decisions.yaml").read_bytes() == before  # nothing refused was written
    for args in (["add-claim", "Michel Moore", "--document", article, "--quote", said, "--why", "the chief's words"],
                 ["add-claim", "--unnamed", "--document", article, "--quote", unknown, "--why", "no one named"],
                 ["add-citation", intercept, "--document", article, "--quote", cited, "--why", "the Intercept's email"],
                 ["add-citation", "--label", "Los Angeles Times", "--document", article, "--quote", named,
                  "--why", "an interview"]):
        result = decide(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "by Sam Checker" in result.output
    entries = [e for e in yaml.safe_load_all(curated_case.joinpath("decisions.yaml").read_text(encoding="utf-8")) if e]
    assert [(e["action"], e["source"]["quote"], e["by"]) for e in entries[-4:]] == [
        ("add-claim", said, "Sam Checker"), ("add-claim", unknown, "Sam Checker"),
        ("add-citation", cited, "Sam Checker"), ("add-citation", named, "Sam Checker")]
    G = Case.open(curated_case).load_graph()
    doc = next(d for d in documents(G) if d.source == article)
    moore = next(e for e in entities(G) if e.name == "Michel Moore")
    case_doc = next(d for d in documents(G) if d.source == intercept)
    added = {c.text: c for c in claims(G) if c.extractor == CURATOR_EXTRACTOR}
    assert set(added) == {said, unknown}
    assert (added[said].claimant, added[said].document) == (moore.id, doc.id)
    assert added[said].span.exact == said and doc.text[added[said].span.start:added[said].span.end] == said
    assert added[unknown].claimant is None and added[unknown].unnamed
    by_words = {c.span.exact: c for c in citations(G) if c.extractor == CURATOR_EXTRACTOR}
    assert (by_words[cited].document, by_words[cited].cites_document) == (doc.id, case_doc.id)
    assert (by_words[named].cites_document, by_words[named].cites_label) == (None, "Los Angeles Times")
    # in the exports too: graph JSON and Turtle (conforming to the shapes), written by the CLI
    out = tmp_path / "case.json"
    assert runner.invoke(main, ["export", str(curated_case), "--format", "json", "--out", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    exported = {c["span"]["exact"]: c for c in data["claims"]}
    assert exported[said]["claimant"] == moore.id and exported[unknown]["claimant"] is None
    spans = {c["span"]["exact"]: c for c in data["citations"]}
    # a named source is its entity when the case has one by that name, else the name itself
    times = {e["id"] for e in data["entities"] if e["name"] == "Los Angeles Times"}
    assert spans[cited]["cites"] == case_doc.id and spans[named]["cites"] in times | {"Los Angeles Times"}
    ttl = tmp_path / "case.ttl"
    assert runner.invoke(main, ["export", str(curated_case), "--format", "ttl", "--out", str(ttl)]).exit_code == 0
    assert validate_file(ttl).conforms
    assert said in ttl.read_text(encoding="utf-8") and named in ttl.read_text(encoding="utf-8")


def test_new_decisions_survive_rdf_and_pass_the_shapes(curated_case: Path, tmp_path: Path) -> None:
    case = Case.open(curated_case)
    G = case.load_graph()
    event = next(e for e in events(G) if not decisions_about(G, e.id))
    entity = next(n for n in sorted(G) if n.startswith("ent-"))
    claim = next(n for n in sorted(G) if n.startswith("clm-"))
    relabel = decision("relabel", event.id, value="Relabelled", reason="clearer")
    for made in (relabel, decision("retype", entity, value="work", at="2026-11-22T08:01:00Z"),
                 decision("attribute", claim, value="unnamed", at="2026-11-22T08:02:00Z"),
                 decision("undo", relabel.id, at="2026-11-22T08:03:00Z")):
        case.decide(made)
    first, second = sorted(documents(G), key=lambda d: d.id)[:2]
    words = Span.at(first, 0, first.text.index(" ", 12))
    added = [decision("add-claim", entity, span=words, at="2026-11-22T08:04:00Z"),
             decision("add-citation", second.id, span=words, at="2026-11-22T08:05:00Z")]
    for made in added:
        case.decide(made)
    G = Case.open(curated_case).load_graph()
    assert G.nodes[event.id]["record"].label == event.label and G.nodes[entity]["record"].kind == "work"
    assert all(created_id(d) in G for d in added)
    path = export(G, "trig", tmp_path / "case.trig")
    assert validate_file(path).conforms
    back = read_rdf_graph(path)
    assert_same_graph(G, back)
    assert {d.action for d in decisions(back)} >= {"relabel", "retype", "attribute", "undo", "add-claim", "add-citation"}
    assert back.nodes[created_id(added[0])]["record"].extractor == CURATOR_EXTRACTOR


def test_a_decision_on_a_record_merged_away_follows_the_merge(curated_case: Path) -> None:
    case = Case.open(curated_case)
    G = case.load_graph()
    first, second = [e.id for e in events(G) if not decisions_about(G, e.id)][:2]
    case.decide(decision("merge", first, second))
    assert case.preview(decision("relabel", second, value="One event", at="2026-11-22T08:01:00Z")) == [
        f"event “{G.nodes[first]['record'].label}”: label {G.nodes[first]['record'].label} → One event"]


def test_undos_come_after_what_they_take_back_when_the_log_order_is_lost() -> None:
    reject = decision("reject", "evt-1")
    undo = decision("undo", reject.id)
    redo = decision("undo", undo.id)
    for shuffled in ([redo, undo, reject], [undo, reject, redo], [reject, redo, undo]):
        assert in_order(shuffled) == [reject, undo, redo]  # all made in the same second
    gone = decision("undo", "dec-gone")  # what it takes back is not there: it does not wait for it
    assert in_order([gone, reject]) == sorted([gone, reject], key=lambda d: d.id)


def _reject_as(args: tuple[str, str, str]) -> str:
    folder, event, who = args
    try:
        Case.open(Path(folder)).decide(decision("reject", event, agent=who), seen={event: None})
    except CaseError as err:
        return str(err)
    return "recorded"


def test_two_curators_rejecting_one_event_at_once_record_it_once(curated_case: Path) -> None:
    G = Case.open(curated_case).load_graph()
    event = next(e.id for e in events(G) if not decisions_about(G, e.id))
    with multiprocessing.get_context("fork").Pool(2) as pool:
        outcomes = pool.map(_reject_as, [(str(curated_case), event, "Ana"), (str(curated_case), event, "Bo")])
    assert sorted(outcomes)[1] == "recorded"
    assert sorted(outcomes)[0].startswith(f"not recorded: {event} was changed meanwhile (rejected by ")
    assert sum(d.targets == (event,) for d in read_decisions(curated_case / "decisions.yaml", {})) == 1


def test_a_date_conflict_is_resolved_by_the_document_whose_date_stands(sample_records: Records, tmp_path: Path) -> None:
    request, usage = sample_records.events
    conflict = sample_records.conflicts[0]
    gazette = sample_records.documents[1].id
    resolve = decision("resolve", conflict.id, value=gazette, reason="the filing says July")
    curated, skipped = curate(sample_records, [resolve])
    assert skipped == []
    assert by_id(curated)[request.id].time.edtf == "2020-07-16"  # type: ignore[attr-defined]
    assert conflict.id in by_id(curated)  # the disagreement stays on record, with the decision
    _, skipped = curate(sample_records, [decision("resolve", conflict.id, value="doc-other"),
                                         decision("resolve", usage.id, value=gazette)])
    assert [line.split(": ", 1)[1] for line in skipped] == [
        "'doc-other' is not one of the documents that disagree",
        f"only a date conflict is resolved by the date a document gives, not {usage.id}"]
    log = tmp_path / "decisions.yaml"
    append_decision(log, resolve)
    assert yaml.safe_load(log.read_text(encoding="utf-8").split("---\n", 1)[1])["stands"] == gazette
    assert read_decisions(log, {}) == [resolve]


def test_a_source_citation_is_pointed_at_another_document(sample_records: Records) -> None:
    citation = sample_records.citations[0]
    ledger, gazette = sample_records.documents
    other = make_document("A third report, cited by the Gazette.", "third.md")
    records = dataclasses.replace(sample_records, documents=(ledger, gazette, other))
    curated, skipped = curate(records, [decision("retarget", citation.id, other.id),
                                        decision("retarget", citation.id, gazette.id),
                                        decision("retarget", citation.id, "ent-x")])
    assert by_id(curated)[citation.id].cites_document == other.id  # type: ignore[attr-defined]
    assert [line.split(": ", 1)[1] for line in skipped] == ["a document does not cite itself",
                                                            "no record ent-x in the case"]


# ---------------------------------------------------------------------------------------------
# Decisions shown at once: the app's graph, made from the resolved one kept in memory


def _state(G: nx.MultiDiGraph) -> tuple[dict[str, tuple[str, object]], list[tuple[object, ...]], dict[str, object]]:
    """Everything a graph holds: its nodes' kinds and records, its edges with their keys and
    attributes, and its graph attributes."""
    nodes = {n: (data[KIND], data[RECORD]) for n, data in G.nodes(data=True)}
    edges = sorted((u, v, k, sorted(a.items())) for u, v, k, a in G.edges(keys=True, data=True))
    return nodes, edges, dict(G.graph)


def test_the_live_graph_is_what_a_full_reapplication_of_the_log_makes(example_copy: Path, tmp_path: Path) -> None:
    case = Case.open(example_copy)  # one object, as the app keeps one per build
    first = case.live_graph()
    untouched = [e.id for e in events(first) if not decisions_about(first, e.id)]
    people = [e.id for e in entities(first) if e.kind == "person" and not decisions_about(first, e.id)]
    mentioned = next(c.claimant for c in claims(first) if c.claimant and not decisions_about(first, c.claimant))
    doc = next(iter(documents(first))).id
    reject = decision("reject", untouched[0], at="2026-11-22T08:01:00Z")
    reject_entity = decision("reject", mentioned, at="2026-11-22T08:07:00Z")
    steps = [
        reject,
        decision("relabel", untouched[1], value="Relabelled here", at="2026-11-22T08:02:00Z"),
        decision("merge", people[0], people[1], at="2026-11-22T08:03:00Z"),
        decision("redate", untouched[2], time=TimeValue.from_edtf("2019-05"), at="2026-11-22T08:04:00Z"),
        decision("grade", doc, value="C3", at="2026-11-22T08:05:00Z"),
        decision("undo", reject.id, at="2026-11-22T08:06:00Z"),  # the event and what hung on it come back
        reject_entity,  # claims lose their claimant: records changed that no decision names
        decision("undo", reject_entity.id, at="2026-11-22T08:08:00Z"),
    ]
    resolved = case._resolved()[1]
    resolved_before = _state(case._resolved_now()[3])
    made = []
    for step in steps:
        case.decide(step)
        live = case.live_graph()
        made.append((live, _state(live)))
        fresh = Case.open(example_copy)
        full = fresh.load_graph(store=False)  # the log applied again to the resolved case read from disk
        assert _state(live) == _state(full)
        assert case.skipped_decisions == fresh.skipped_decisions == []
        again = curate(resolved, read_decisions(case.decisions_path, case._resolved()[0]))[0]
        assert to_records(live) == dataclasses.replace(again, decisions=tuple(sorted(
            again.decisions, key=lambda d: d.id)))  # in the graph's order
        assert export_text(live, "ttl") == export_text(full, "ttl")
    assert untouched[0] in made[-1][0] and mentioned in made[-1][0]
    assert untouched[0] not in made[0][0] and mentioned not in made[-2][0]
    # graphs share what a decision leaves alone, and none of them was changed by the next ones
    assert all(_state(live) == state for live, state in made)
    assert _state(case._resolved_now()[3]) == resolved_before


def export_text(G: nx.MultiDiGraph, fmt: str) -> str:
    """One export of a graph, in memory."""
    buffer = io.StringIO()
    FORMATS[fmt].write(G, buffer)
    return buffer.getvalue()


def test_updated_graph_makes_what_update_graph_makes_and_leaves_its_start_alone(sample_records: Records) -> None:
    G = build_graph(sample_records, title="Sample")
    before = _state(G)
    event = sample_records.events[0]
    entity = sample_records.entities[0]
    assert event.participants  # its edges to them change too
    changed = [("events", dataclasses.replace(event, label="Changed", participants=event.participants[1:]))]
    for removed in ([], [entity.id], [event.id, entity.id]):
        H = updated_graph(G, changed, removed)
        assert _state(H) == _state(update_graph(nx.MultiDiGraph(G), changed, removed))
        assert _state(G) == before
