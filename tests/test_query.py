"""SPARQL over the case's embedded store, and full-text search: answers checked against the
graph itself and against rdflib reading the case's own export."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from timeline_graph.case import Case
from timeline_graph.cli import main
from timeline_graph.errors import QueryError
from timeline_graph.graph import claims, documents, events
from timeline_graph.search import match_expression, search_case
from timeline_graph.store import STORE_DIR, bind, examples, open_store, sync_store


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline_graph.cli", *args], capture_output=True, text=True, check=False)


def test_select_counts_match_the_graph_and_rdflib_on_the_export(built_example: Path, tmp_path: Path) -> None:
    G = Case.open(built_example).load_graph()
    with open_store(built_example) as store:
        answer = store.answer("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a tg:Claim }")
        assert int(answer.rows[0][0].value) == sum(1 for _ in claims(G))  # type: ignore[union-attr]
        ask = store.answer("ASK { ?e a tg:Event ; rdfs:label ?l }")
        assert ask.kind == "ask" and ask.boolean is True
        labels = {t.value for (t,) in store.answer("SELECT ?l WHERE { ?e a tg:Event ; rdfs:label ?l }").rows}  # type: ignore[union-attr]
    assert labels == {e.label for e in events(G)}
    out = tmp_path / "case.trig"
    assert CliRunner().invoke(main, ["export", str(built_example), "--format", "trig", "--out", str(out)]).exit_code == 0
    dataset = rdflib.Dataset()
    dataset.parse(out, format="trig")
    expected = {str(row[0]) for row in dataset.query(
        "PREFIX tg: <https://w3id.org/timeline-graph/ns#> SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c a tg:Claim } }")}
    with open_store(built_example) as store:
        found = {t.value for (t,) in store.answer("SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c a tg:Claim } }").rows}  # type: ignore[union-attr]
    assert found == expected and found


def test_answer_formats_are_what_their_readers_accept(built_example: Path) -> None:
    query = "SELECT ?e ?l WHERE { ?e a tg:Event ; rdfs:label ?l } ORDER BY ?e"
    with open_store(built_example) as store:
        rows = store.answer(query).rows
        as_csv = list(csv.reader(io.StringIO(store.text(query, "csv"))))
        as_json = json.loads(store.text(query, "json"))
        construct = store.text("CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a tg:Event ; rdfs:label ?l }")
        table = store.text(query, width=100)
    assert as_csv[0] == ["e", "l"] and len(as_csv) == len(rows) + 1
    assert [b["l"]["value"] for b in as_json["results"]["bindings"]] == [r[1].value for r in rows]  # type: ignore[union-attr]
    graph = rdflib.Graph().parse(data=construct, format="turtle")
    assert len(graph) == len(rows)
    lines = table.splitlines()
    assert lines[0].startswith("?e") and lines[-1] == f"({len(rows)} rows)"
    assert max(len(line) for line in lines) <= 100
    assert lines[2].startswith(":event/")  # the case's own IRIs are written with ':'


def test_a_decision_replaces_only_the_graphs_it_changes(example_copy: Path) -> None:
    folder = Case.open(example_copy)
    G = folder.load_graph()
    replaced = sync_store(G, folder.cache, folder.graph_key())
    graphs = sum(1 for _ in documents(G)) + 1
    assert replaced == graphs  # first fill: every document's graph and the default graph
    assert sync_store(G, folder.cache, folder.graph_key()) == 0
    event = sorted(events(G), key=lambda e: e.id)[0]
    done = CliRunner().invoke(main, ["decide", str(example_copy), "reject", event.id, "--why", "misread", "--by", "Tester"])
    assert done.exit_code == 0, done.output
    folder = Case.open(example_copy)
    replaced = sync_store(folder.load_graph(), folder.cache, folder.graph_key())
    assert 1 <= replaced <= 1 + len(event.documents)
    with open_store(example_copy) as store:
        left = store.answer(f"ASK {{ ?e dcterms:identifier \"{event.id}\" ; a tg:Event }}")
        decided = store.answer("SELECT ?d WHERE { ?d a tg:CurationDecision }")
    assert left.boolean is False and len(decided.rows) >= 1


def test_a_store_interrupted_mid_update_is_replaced_where_unknown(example_copy: Path) -> None:
    with open_store(example_copy):
        pass
    state_path = example_copy / ".timeline-graph" / STORE_DIR / "state.json"
    state = json.loads(state_path.read_text())
    # what an update killed after striking the graphs it was replacing leaves behind
    struck = sorted(state["graphs"])[0]
    state_path.write_text(json.dumps({**state, "key": None, "graphs": {k: v for k, v in state["graphs"].items() if k != struck}}))
    folder = Case.open(example_copy)
    assert sync_store(folder.load_graph(), folder.cache, folder.graph_key()) == 1
    shutil.rmtree(example_copy / ".timeline-graph" / STORE_DIR)
    with open_store(example_copy) as store:  # a lost store is filled again
        assert store.answer("ASK { ?c a tg:Claim }").boolean is True


def test_concurrent_first_queries_both_answer(example_copy: Path) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    runs = [subprocess.Popen([sys.executable, "-m", "timeline_graph.cli", "query", str(example_copy), query, "--format", "csv"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1 and int(outputs[0][0].split()[1]) > 1000


def test_every_example_query_answers_on_the_example_case(built_example: Path) -> None:
    with open_store(built_example) as store:
        for name, text in examples().items():
            answer = store.answer(text)
            assert answer.kind == "select" and answer.rows, name
        first = store.answer(bind(examples()["first-said"], "words", "footage"))
        dates = [row[0].value for row in first.rows if row[0] is not None]  # type: ignore[union-attr]
        assert dates == sorted(dates)
        assert all("footage" in row[-1].value.lower() for row in first.rows)  # type: ignore[union-attr]
        june = store.answer(bind(bind(examples()["events-between"], "from", "2020-06-01"), "to", "2020-06-30"))
        assert all(row[0].value >= "2020-06-01" and row[1].value <= "2020-06-30" for row in june.rows)  # type: ignore[union-attr]


def test_query_command_errors_are_one_line(built_example: Path, tmp_path: Path) -> None:
    bad = _run("query", str(built_example), "SELEC ?x")
    assert bad.returncode == 2 and "not valid SPARQL" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    wrong = _run("query", str(built_example), "ASK { ?s ?p ?o }", "--format", "ttl")
    assert wrong.returncode == 2 and "json" in wrong.stderr
    unknown = _run("query", str(built_example), "--example", "nope")
    assert unknown.returncode == 2 and "first-said" in unknown.stderr
    unset = _run("query", str(built_example), "--example", "conflicts", "--set", "words=x")
    assert unset.returncode == 2 and "VALUES ?words" in unset.stderr
    query_file = tmp_path / "q.rq"
    query_file.write_text("SELECT ?k WHERE { ?c a tg:Conflict ; tg:conflictKind ?k }")
    done = _run("query", str(built_example), "--file", str(query_file), "--format", "tsv")
    assert done.returncode == 0 and done.stdout.splitlines()[0] == "?k" and len(done.stdout.splitlines()) > 1


def test_a_graph_json_file_can_be_queried_and_searched(built_example: Path, tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    assert CliRunner().invoke(main, ["export", str(built_example), "--format", "json", "--out", str(out)]).exit_code == 0
    with open_store(out) as store:
        assert store.answer("ASK { ?c a tg:Claim }").boolean is True
    assert search_case(out, "footage")


def test_search_hits_open_their_exact_words(built_example: Path) -> None:
    G = Case.open(built_example).load_graph()
    text = {d.id: d.text for d in documents(G)}
    hits = search_case(built_example, "protest footage", limit=50)
    assert hits and {h.kind for h in hits} >= {"document", "claim"}
    for hit in hits:
        words = text[hit.document][hit.start:hit.end].lower()
        assert hit.end > hit.start
        marked = [w.lower() for w in __import__("re").findall(r"\[([^\]]+)\]", hit.snippet)]
        assert all(w in words for w in marked), (hit, marked)
    claims_only = search_case(built_example, "footage", kinds=("claim",), limit=5)
    assert claims_only and {h.kind for h in claims_only} == {"claim"}
    assert search_case(built_example, "footage", limit=7) == search_case(built_example, "footage", limit=7)  # a stable order


def test_search_reads_accents_phrases_and_prefixes(tmp_path: Path) -> None:
    folder = tmp_path / "accents"
    folder.mkdir()
    (folder / "note.md").write_text(
        "# Council meets in Zürich\n\nThe council of Zürich met on 3 March 2021, the city's mayor said.\n\n"
        "São Paulo sent an observer to the meeting.\n", encoding="utf-8")
    Case.open(folder, create=True).build()
    assert any("Zürich" in h.snippet for h in search_case(folder, "zurich"))
    assert search_case(folder, "sao paulo")
    assert search_case(folder, '"city\'s mayor"') and not search_case(folder, '"mayor city"')
    assert search_case(folder, "observ*")
    assert search_case(folder, "nowhere OR observer") and not search_case(folder, "nowhere observer")
    with pytest.raises(QueryError):
        match_expression('"" ***')


def test_search_command(built_example: Path) -> None:
    done = _run("search", str(built_example), "footage", "--kind", "claim", "-n", "3", "--json")
    assert done.returncode == 0
    hits = json.loads(done.stdout)
    assert len(hits) == 3 and all(h["kind"] == "claim" for h in hits)
    missing = _run("search", str(built_example), "xylophonequartet")
    assert missing.returncode == 1 and "nothing matches" in missing.stdout


def test_a_snippet_is_escaped_before_its_matches_are_marked() -> None:
    from timeline_graph.app.page_search import snippet_html

    shown = snippet_html('<img src=x onerror=alert(1)> the [council] met & "voted"')
    assert "<img" not in shown and "&lt;img" in shown and "&amp;" in shown
    assert shown.count('<mark class="tg-hit">council</mark>') == 1
