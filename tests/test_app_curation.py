"""Curation in the app, run headless with AppTest on a case folder built from Markdown files:
the curator's name, each item's actions (a reason, what will change, one decision in the log),
undo, the decisions page, and decisions on items changed meanwhile."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline_graph.app import APP_PATH, CASE_ENV, curation
from timeline_graph.app.curation import Form, decision_from, matching
from timeline_graph.case import Case, load_graph
from timeline_graph.errors import ModelError
from timeline_graph.graph import citations, claims, documents, entities, events
from timeline_graph.model import Decision, Document

from .test_app import TOWN_CRIER, VALLEY_POST

HERALD = """---
title: Mayor backs the camera program
publisher: Hill Herald
published: 2021-04-08
---

Mayor Dana Cole met Police Chief Lee Park at City Hall on April 5, 2021.
"The program stays," Mayor Cole told the Ridge Gazette.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("curation") / "case"
    folder.mkdir()
    (folder / "case.yaml").write_text("title: Camera requests\nbase_iri: https://example.org/case/cur/\n")
    for name, text in (("crier.md", TOWN_CRIER), ("post.md", VALLEY_POST), ("herald.md", HERALD)):
        (folder / name).write_text(text, encoding="utf-8")
    assert Case.open(folder).build().ok
    return folder


@pytest.fixture
def case(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built case the app serves, and a configuration folder of its own."""
    folder = tmp_path / "case"
    shutil.copytree(built, folder)
    monkeypatch.setenv(CASE_ENV, str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return folder


def _app(**params: str) -> Any:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP_PATH), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _named(at: Any, name: str = "Ana") -> Any:
    """The app with ``name`` as curator (typed in, or changed from the one kept)."""
    if any(b.key == "_curator_change" for b in at.sidebar.button):
        _ok(at.sidebar.button(key="_curator_change").click().run())
    at.sidebar.text_input(key="_curator_name").set_value(name)
    return _ok(at.sidebar.button(key="_curator_save").click().run())


def _ok(at: Any) -> Any:
    assert not at.exception, at.exception
    return at


def _text(at: Any) -> str:
    return html.unescape("\n".join(str(m.value) for m in (*at.markdown, *at.caption)))


def _words(at: Any) -> str:
    """What the page says, without its markup."""
    return re.sub(r"<[^>]+>", "", _text(at))


def _log(folder: Path) -> list[dict[str, Any]]:
    path = folder / "decisions.yaml"
    return [e for e in yaml.safe_load_all(path.read_text(encoding="utf-8")) if e] if path.exists() else []


def _event(folder: Path, words: str) -> str:
    return next(e.id for e in events(load_graph(folder)) if words in e.label)


def _entity(folder: Path, name: str, kind: str) -> str:
    return next(e.id for e in entities(load_graph(folder)) if e.name == name and e.kind == kind)


def _open_event(at: Any, event: str, action: str) -> Any:
    at.selectbox(key="_event_widget").set_value(event).run()
    return _ok(at.selectbox(key=f"cur-action-{event}").set_value(action).run())


def _apply(at: Any, item: str, why: str) -> Any:
    _ok(at.text_input(key=f"cur-why-{item}").set_value(why).run())
    button = at.button(key=f"cur-apply-{item}")
    assert not button.disabled, _text(at)
    return _ok(button.click().run())


def test_the_curator_name_is_asked_once_per_browser_and_shown_in_the_sidebar(case: Path, tmp_path: Path) -> None:
    at = _app()
    assert [t.key for t in at.sidebar.text_input] == ["_curator_name"]
    _ok(at.sidebar.button(key="_curator_save").click().run())
    assert "Type your name first" in html.unescape(at.error[0].value)
    _named(at, "  Ana   Ruiz ")
    assert "Curating as **Ana Ruiz**" in [m.value for m in at.sidebar.markdown]
    assert not at.sidebar.text_input
    _ok(at.run())  # kept in this session
    assert "Curating as **Ana Ruiz**" in [m.value for m in at.sidebar.markdown]
    # the server keeps no name: another browser (a session without the cookie) is asked its own
    assert not (tmp_path / "config" / "timeline-graph" / "curator").exists()
    other = _app()
    assert [t.key for t in other.sidebar.text_input] == ["_curator_name"]
    _ok(at.sidebar.button(key="_curator_change").click().run())
    assert at.sidebar.text_input(key="_curator_name").value == "Ana Ruiz"


def test_a_browser_keeps_its_curator_in_a_cookie() -> None:
    assert curation.curator_from({curation.CURATOR_COOKIE: "Bo%20%20Chen%0A"}) == "Bo Chen"
    assert curation.curator_from({"other": "Ana"}) == ""


def test_rejecting_an_event_asks_why_shows_what_changes_and_records_one_decision(case: Path) -> None:
    event = _event(case, "resident pasted")
    at = _named(_app())
    _open_event(at, event, "reject")
    assert at.button(key=f"cur-apply-{event}").disabled  # no reason yet
    assert "Say why: the reason is kept with the decision" in _text(at)
    _ok(at.text_input(key=f"cur-why-{event}").set_value("a comment, not an event").run())
    assert "What will change:" in _text(at) and "is taken out" in _text(at)
    assert _log(case) == []  # nothing is recorded before Apply
    _ok(at.button(key=f"cur-apply-{event}").click().run())
    assert "Recorded: rejected" in html.unescape(at.success[0].value)
    (entry,) = _log(case)
    assert entry["by"] == "Ana" and entry["action"] == "reject" and entry["targets"] == [event]
    assert entry["why"] == "a comment, not an event" and entry["at"].endswith("Z")
    assert event not in at.selectbox(key="_event_widget").options
    assert event not in load_graph(case)


def test_redating_checks_the_edtf_and_relabelling_and_merging_find_their_event(case: Path) -> None:
    first, second = _event(case, "The town police asked"), _event(case, "The police department asked")
    at = _named(_app())
    _open_event(at, second, "redate")
    _ok(at.text_input(key=f"cur-date-{second}").set_value("2021-13-45").run())
    assert "Not a valid EDTF value: '2021-13-45'" in _text(at) and at.button(key=f"cur-apply-{second}").disabled
    _ok(at.text_input(key=f"cur-date-{second}").set_value("2021-03~").run())
    at = _apply(at, second, "the post is vague")
    assert load_graph(case).nodes[second]["record"].time.edtf == "2021-03~"
    _open_event(at, second, "relabel")
    _ok(at.text_input(key=f"cur-label-{second}").set_value("Police asked for doorbell video").run())
    _ok(at.text_input(key=f"cur-why-{second}").set_value("say who").run())
    assert "label The police department asked residents for doorbell video → Police asked for doorbell video" in _text(at)
    _ok(at.button(key=f"cur-apply-{second}").click().run())
    assert load_graph(case).nodes[second]["record"].label == "Police asked for doorbell video"
    _open_event(at, first, "merge")
    _ok(at.text_input(key=f"cur-find-{first}").set_value("doorbell police").run())
    assert set(at.selectbox(key=f"cur-other-{first}").options) == {
        "Police asked for doorbell video · March 2021, approximate"}
    _ok(at.selectbox(key=f"cur-other-{first}").set_value(second).run())
    _apply(at, first, "one request, two reports")
    G = load_graph(case)
    assert second not in G and len(G.nodes[first]["record"].reports) == 2
    assert [e["action"] for e in _log(case)] == ["redate", "relabel", "merge"]
    assert _log(case)[-1]["targets"] == [first, second]


def test_an_entity_changes_kind_and_is_merged_into_another(case: Path) -> None:
    # one report names the captain in full, another by his surname alone, read as the city
    (case / "ledger.md").write_text("---\ntitle: Captain at the council\npublisher: Harbor Ledger\npublished: 2021-04-12\n"
                                    "---\n\nCaptain Omar Paris of the town police spoke at the council on April 9, 2021.\n",
                                    encoding="utf-8")
    (case / "gazette.md").write_text("---\ntitle: Cameras stay\npublisher: Bay Gazette\npublished: 2021-04-13\n"
                                     "---\n\nThe program stays, Paris told the council on April 9, 2021.\n", encoding="utf-8")
    assert Case.open(case).build().ok
    surname, person = _entity(case, "Paris", "place"), _entity(case, "Omar Paris", "person")
    at = _named(_app(page="entities"))
    _ok(at.selectbox(key="_entity_widget").set_value(surname).run())
    _ok(at.selectbox(key=f"cur-action-{surname}").set_value("retype").run())
    _ok(at.selectbox(key=f"cur-kind-{surname}").set_value("person").run())
    at = _apply(at, surname, "the captain, not the city")
    assert load_graph(case).nodes[surname]["record"].kind == "person"
    _ok(at.selectbox(key="_entity_widget").set_value(person).run())
    _ok(at.selectbox(key=f"cur-action-{person}").set_value("merge").run())
    assert "Paris (person)" in at.selectbox(key=f"cur-other-{person}").options  # now a person too
    _ok(at.selectbox(key=f"cur-other-{person}").set_value(surname).run())
    _apply(at, person, "one captain")
    G = load_graph(case)
    assert surname not in G and person in G
    assert "Curate this entity · 1 decision" in [e.label for e in at.expander]


def test_a_name_typed_two_ways_by_two_reports_is_one_entity_of_the_kind_the_case_gives_it(case: Path) -> None:
    # one report reads "Police Chief Lee Park" as a place; the other names him "Chief Lee Park"
    assert [(e.name, e.kind) for e in entities(load_graph(case)) if e.name == "Lee Park"] == [("Lee Park", "person")]


def test_a_claim_is_attributed_marked_unnamed_or_rejected(case: Path) -> None:
    G = load_graph(case)
    voluntary = next(c for c in claims(G) if c.text == "Participation is voluntary")
    stays = next(c for c in claims(G) if c.text == "The program stays")
    person = _entity(case, "Lee Park", "person")
    at = _named(_app(page="claims", cluster=voluntary.cluster or voluntary.id))
    _ok(at.selectbox(key=f"cur-action-{voluntary.id}").set_value("attribute").run())
    _ok(at.selectbox(key=f"cur-other-{voluntary.id}").set_value(person).run())
    _apply(at, voluntary.id, "the chief said it")
    assert load_graph(case).nodes[voluntary.id]["record"].claimant == person
    at = _named(_app(page="claims", cluster=stays.cluster or stays.id))
    _ok(at.selectbox(key=f"cur-action-{stays.id}").set_value("unnamed").run())
    _apply(at, stays.id, "test of an unnamed source")
    claim = load_graph(case).nodes[stays.id]["record"]
    assert claim.claimant is None and claim.unnamed
    _ok(at.selectbox(key=f"cur-action-{stays.id}").set_value("reject").run())
    _apply(at, stays.id, "not a claim about the program")
    assert stays.id not in load_graph(case)
    assert [e.get("claimant") for e in _log(case)] == [None, "unnamed", None]


def test_a_document_is_graded_with_the_admiralty_code(case: Path) -> None:
    herald = next(d for d in load_graph(case).nodes.values() if getattr(d.get("record"), "publisher", "") == "Hill Herald")
    doc = herald["record"].id
    at = _named(_app(page="documents", doc=doc))
    _ok(at.selectbox(key=f"cur-action-{doc}").set_value("grade").run())
    _ok(at.selectbox(key=f"cur-reliability-{doc}").set_value("B").run())
    assert "pick the source's reliability" in _text(at).lower()
    _ok(at.selectbox(key=f"cur-credibility-{doc}").set_value("2").run())
    _ok(at.text_input(key=f"cur-why-{doc}").set_value("named reporter").run())
    assert "graded B2 (source usually reliable, information probably true)" in _text(at)
    _ok(at.button(key=f"cur-apply-{doc}").click().run())
    assert _log(case)[-1]["grade"] == "B2"
    assert "Graded B2" in _text(at)


def test_undo_the_last_decision_then_take_back_any_from_the_decisions_page(case: Path) -> None:
    event = _event(case, "resident pasted")
    at = _named(_app())
    _open_event(at, event, "reject")
    at = _apply(at, event, "not an event")
    assert event not in load_graph(case)
    assert "Undo the last decision" in [e.label for e in at.sidebar.expander]
    assert at.sidebar.button(key="undo-last-go").disabled  # asks why first
    _ok(at.sidebar.text_input(key="undo-last-why").set_value("it was one after all").run())
    _ok(at.sidebar.button(key="undo-last-go").click().run())
    assert event in load_graph(case)  # back, by a later decision
    assert [e["action"] for e in _log(case)] == ["reject", "undo"]
    assert _log(case)[1]["targets"] == [Case.open(case).decisions()[0].id]
    _ok(at.selectbox(key="_event_widget").set_value(event).run())
    history = _text(at)
    assert "rejected: reject" in history and "taken back by Ana" in history
    assert "<b>Rejected</b> by Ana on " in history and "<i>(taken back by Ana on " in history  # the note too
    # the decisions page: filters, and taking back the undo brings the rejection back
    page = _named(_app(page="decisions"), "Bo")
    assert "2 decisions of 2, newest first." in _text(page)
    _ok(page.selectbox(key="_dec_action").set_value("undo").run())
    assert "1 decision of 2, newest first." in _text(page)
    _ok(page.selectbox(key="_dec_action").set_value(None).run())
    _ok(page.text_input(key="_dec_item").set_value("resident").run())  # words of the item's name
    assert "2 decisions of 2" in _text(page)
    assert page.selectbox(key="_dec_curator").options == ["Ana"]  # who decided, not who looks
    _ok(page.selectbox(key="_dec_curator").set_value("Ana").run())
    assert "2 decisions of 2" in _text(page)
    _ok(page.text_input(key="_dec_item").set_value("nothing like it").run())
    assert "0 decisions of 2" in _text(page)
    _ok(page.text_input(key="_dec_item").set_value("").run())
    undo = Case.open(case).decisions()[1].id
    _ok(page.text_input(key=f"back-{undo}-why").set_value("it was not").run())
    _ok(page.button(key=f"back-{undo}-go").click().run())
    assert event not in load_graph(case)
    assert [(e["action"], e["by"]) for e in _log(case)] == [("reject", "Ana"), ("undo", "Ana"), ("undo", "Bo")]


def test_a_decision_on_an_item_changed_meanwhile_is_refused(case: Path) -> None:
    event = _event(case, "resident pasted")
    at = _named(_app())
    _open_event(at, event, "relabel")
    _ok(at.text_input(key=f"cur-label-{event}").set_value("A comment was pasted").run())
    _ok(at.text_input(key=f"cur-why-{event}").set_value("clearer").run())
    assert not at.button(key=f"cur-apply-{event}").disabled
    # meanwhile, another curator rejects it (through the CLI's path)
    Case.open(case).decide(Decision.create(action="reject", targets=(event,), agent="Bo", at="2026-12-01T10:00:00Z",
                                           reason="not an event"))
    _ok(at.button(key=f"cur-apply-{event}").click().run())
    (error,) = at.error
    assert html.unescape(error.value) == (f"Not recorded: {event} was changed meanwhile (rejected by Bo at "
                                          "2026-12-01T10:00:00Z); look at it again before deciding")
    assert [e["by"] for e in _log(case)] == ["Bo"]


def test_a_graph_file_offers_no_curation(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_graph.export.graphjson import to_json

    path = tmp_path / "case.json"
    path.write_text(to_json(load_graph(case)), encoding="utf-8")
    monkeypatch.setenv(CASE_ENV, str(path))
    at = _app()
    at.selectbox(key="_event_widget").set_value(_event(case, "resident pasted")).run()
    assert not at.sidebar.text_input and not [e for e in at.expander if e.label.startswith("Curate")]
    assert "decisions are made on a case folder" in _text(_app(page="decisions")) + "".join(
        i.value for i in _app(page="decisions").info)


def test_forms_say_what_is_missing_in_one_line() -> None:
    def refused(form: Form, agent: str = "Ana") -> str:
        with pytest.raises(ModelError) as err:
            decision_from(form, agent, "2026-01-02T03:04:05Z")
        return str(err.value)

    assert refused(Form("reject", "evt-1", "why"), agent=" ") == "give your name as curator first (in the sidebar)"
    assert refused(Form("redate", "evt-1", "why")).startswith("give the new date in EDTF")
    assert refused(Form("merge", "evt-1", "why")) == "pick the record to merge with"
    assert refused(Form("attribute", "clm-1", "why")) == "pick the new claimant"
    assert refused(Form("retype", "ent-1", "why", kind="robot")).startswith("pick a kind: person, organization")
    assert refused(Form("grade", "doc-1", "why", grade="B")).startswith("pick the source's reliability")
    assert refused(Form("relabel", "evt-1", "", label="x")) == "say why: the reason is kept with the decision"
    made = decision_from(Form("unnamed", "clm-1", " a spokesman "), "Ana", "2026-01-02T03:04:05Z")
    assert (made.action, made.targets, made.value, made.reason) == ("attribute", ("clm-1",), "unnamed", "a spokesman")


def test_the_log_is_filtered_by_curator_action_item_and_day() -> None:
    made = [Decision.create(action=a, targets=(t,), agent=who, at=at) for a, t, who, at in (
        ("reject", "evt-1", "Ana", "2026-01-02T03:04:05Z"), ("accept", "evt-2", "Bo", "2026-02-02T03:04:05Z"))]
    assert matching(made, curator="Bo") == made[1:]
    assert matching(made, action="reject") == made[:1]
    assert matching(made, item="Board", names={"evt-2": "The board met"}) == made[1:]
    from datetime import date

    assert matching(made, since=date(2026, 2, 1)) == made[1:]


def test_decisions_that_no_longer_apply_are_listed_not_dropped(case: Path) -> None:
    from timeline_graph.decisionlog import append_decision

    gone = Decision.create(action="reject", targets=("evt-0000000000000000",), agent="Bo",
                           at="2026-12-01T10:00:00Z", reason="made before the documents changed")
    append_decision(case / "decisions.yaml", gone)  # as a log written against an earlier build
    kept = Decision.create(action="accept", targets=(_event(case, "resident pasted"),), agent="Bo",
                           at="2026-12-01T10:01:00Z")
    Case.open(case).decide(kept)
    page = _app(page="decisions")
    assert "1 decision of the log cannot be applied" in html.unescape(page.warning[0].value)
    _ok(page.toggle(key="_dec_orphans").set_value(True).run())
    text = _text(page)
    assert "1 decision of 2, newest first." in text
    assert "not applied: no record evt-0000000000000000 in the case" in text
    assert "why: made before the documents changed" in text


def test_an_orphaned_decision_is_made_again_on_a_record_picked_in_the_app(case: Path) -> None:
    from timeline_graph.decisionlog import append_decision

    gone = Decision.create(action="relabel", targets=("evt-0000000000000000",), agent="Bo",
                           at="2026-12-01T10:00:00Z", reason="clearer", value="Footage requested")
    append_decision(case / "decisions.yaml", gone)  # as a log written against an earlier build
    target = _event(case, "resident pasted")
    page = _named(_app(page="decisions"))
    assert "1 decision of the log cannot be applied" in html.unescape(page.warning[0].value)
    key = f"back-{gone.id}"
    _ok(page.text_input(key=f"{key}-find-0").set_value("resident pasted").run())
    _ok(page.selectbox(key=f"{key}-to-0").set_value(target).run())
    assert page.button(key=f"{key}-retarget").disabled  # it asks why first
    _ok(page.text_input(key=f"{key}-rewhy").set_value("the event's id changed in the rebuild").run())
    assert "→ Footage requested" in _text(page)  # what will change, first
    _ok(page.button(key=f"{key}-retarget").click().run())
    old, again, undo = _log(case)
    assert (again["action"], again["targets"], again["label"], again["by"]) == (
        "relabel", [target], "Footage requested", "Ana")
    assert again["why"] == f"clearer (re-targeted from {gone.id}: the event's id changed in the rebuild)"
    assert undo["action"] == "undo" and undo["targets"] == [gone.id]
    recorded = Case.open(case).decisions()
    assert undo["why"] == f"re-targeted as {recorded[1].id}: the event's id changed in the rebuild"
    assert old["targets"] == ["evt-0000000000000000"]  # nothing is dropped from the log
    assert next(e for e in events(load_graph(case)) if e.id == target).label == "Footage requested"
    assert not page.warning or "cannot be applied" not in html.unescape(page.warning[0].value)


def test_a_re_targeting_names_records_of_the_same_kind_and_says_why() -> None:
    old = Decision.create(action="merge", targets=("ent-a", "ent-gone"), agent="Bo", at="2026-01-02T03:04:05Z")
    with pytest.raises(ModelError, match="say why"):
        curation.retargeted(old, {"ent-gone": "ent-b"}, "Ana", "2026-01-03T00:00:00Z", " ")
    with pytest.raises(ModelError, match="same kind, not evt-1"):
        curation.retargeted(old, {"ent-gone": "evt-1"}, "Ana", "2026-01-03T00:00:00Z", "why")
    with pytest.raises(ModelError, match="pick the record"):
        curation.retargeted(old, {}, "Ana", "2026-01-03T00:00:00Z", "why")
    with pytest.raises(ModelError, match="not a target"):
        curation.retargeted(old, {"ent-x": "ent-b"}, "Ana", "2026-01-03T00:00:00Z", "why")
    again, undo = curation.retargeted(old, {"ent-gone": "ent-b"}, "Ana", "2026-01-03T00:00:00Z", "why")
    assert again.targets == ("ent-a", "ent-b") and undo.targets == (old.id,)


def test_an_event_is_added_from_words_of_a_document(case: Path) -> None:
    crier = next(n for n, data in load_graph(case).nodes(data=True)
                 if getattr(data["record"], "publisher", "") == "Town Crier")
    at = _named(_app(page="documents", doc=crier))
    _ok(at.selectbox(key=f"cur-action-{crier}").set_value("add").run())
    _ok(at.text_area(key=f"cur-quote-{crier}").set_value("into the public form").run())
    assert "These words are not in the document's text: copy them exactly as shown" in _text(at)
    _ok(at.text_area(key=f"cur-quote-{crier}").set_value("asked residents").run())
    assert not [n for n in at.number_input if n.key == f"cur-nth-{crier}"]  # they occur once
    _ok(at.text_area(key=f"cur-quote-{crier}").set_value("the").run())
    assert at.number_input(key=f"cur-nth-{crier}").label.startswith("These words occur ")
    _ok(at.text_area(key=f"cur-quote-{crier}").set_value("into the public comment form last summer").run())
    _ok(at.text_input(key=f"cur-label-{crier}").set_value("Comment form misused").run())
    _ok(at.text_input(key=f"cur-date-{crier}").set_value("2020-22").run())
    _ok(at.text_input(key=f"cur-why-{crier}").set_value("the extractors missed it").run())
    assert "event “Comment form misused” is added" in _text(at)
    _ok(at.button(key=f"cur-apply-{crier}").click().run())
    assert "event “Comment form misused” is added" not in _text(at)  # the form starts afresh
    (entry,) = _log(case)
    assert entry["action"] == "add" and entry["label"] == "Comment form misused" and entry["date"] == "2020-22"
    assert entry["source"]["quote"] == "into the public comment form last summer"
    added = next(e for e in events(load_graph(case)) if e.label == "Comment form misused")
    (report,) = added.reports
    assert report.span.exact == "into the public comment form last summer" and report.document == crier


def test_words_selected_in_the_text_fill_the_add_form_exactly(case: Path) -> None:
    crier = next(d for d in documents(load_graph(case)) if d.publisher == "Town Crier")
    at = _named(_app(page="documents", doc=crier.id))
    _ok(at.selectbox(key=f"cur-action-{crier.id}").set_value("add").run())
    second = crier.text.index("the", crier.text.index("the") + 1)
    # a selection with a space at each end, of words that occur more than once: the second time
    at.session_state[f"cur-select-{crier.id}"] = {"selection": {"start": second - 1, "end": second + 4, "n": 1}}
    _ok(at.run())
    assert at.text_area(key=f"cur-quote-{crier.id}").value == "the"
    assert at.number_input(key=f"cur-nth-{crier.id}").value == 2
    _ok(at.text_input(key=f"cur-label-{crier.id}").set_value("Something").run())
    _apply(at, crier.id, "missed")
    (entry,) = _log(case)
    assert entry["source"] == {"document": crier.id, "start": second, "quote": "the"}
    # words typed over a selection are kept until the curator selects again
    _ok(at.selectbox(key=f"cur-action-{crier.id}").set_value("add").run())
    _ok(at.text_area(key=f"cur-quote-{crier.id}").set_value("asked residents").run())
    assert at.text_area(key=f"cur-quote-{crier.id}").value == "asked residents"


def test_a_claim_and_a_source_citation_are_added_from_words_selected_in_a_document(case: Path) -> None:
    G = load_graph(case)
    crier = next(d for d in documents(G) if d.publisher == "Town Crier")
    post = next(d for d in documents(G) if d.publisher == "Valley Post")
    park = next(e for e in entities(G) if e.name.endswith("Lee Park") and e.kind == "person")
    at = _named(_app(page="documents", doc=post.id))
    words = "Participation is voluntary"
    start = post.text.index(words)
    _ok(at.selectbox(key=f"cur-action-{post.id}").set_value("add-claim").run())
    at.session_state[f"cur-select-{post.id}"] = {"selection": {"start": start, "end": start + len(words), "n": 5}}
    _ok(at.run())
    _ok(at.text_input(key=f"cur-why-{post.id}").set_value("missed").run())
    assert "Pick who makes the claim, or say its source is unnamed" in _text(at)
    assert at.button(key=f"cur-apply-{post.id}").disabled
    _ok(at.selectbox(key=f"cur-other-{post.id}").set_value(park.id).run())
    assert f"claim “{words}” is added" in _text(at)
    _apply(at, post.id, "the quote was missed")
    _ok(at.selectbox(key=f"cur-action-{post.id}").set_value("add-citation").run())
    cue = "said Chief Lee Park"
    cue_at = post.text.index(cue)
    at.session_state[f"cur-select-{post.id}"] = {"selection": {"start": cue_at, "end": cue_at + len(cue), "n": 6}}
    _ok(at.run())
    _ok(at.text_input(key=f"cur-label-{post.id}").set_value("the chief's statement").run())
    _ok(at.text_input(key=f"cur-why-{post.id}").set_value("a source named in the text").run())
    assert f"source citation “{cue}” is added, citing the chief's statement" in _text(at)
    _apply(at, post.id, "a source named in the text")
    _ok(at.selectbox(key=f"cur-action-{post.id}").set_value("add-citation").run())
    at.session_state[f"cur-select-{post.id}"] = {"selection": {"start": start, "end": start + 13, "n": 7}}
    _ok(at.run())
    _ok(at.selectbox(key=f"cur-other-{post.id}").set_value(crier.id).run())
    _ok(at.text_input(key=f"cur-why-{post.id}").set_value("it repeats the crier").run())
    assert f"source citation “Participation” is added, citing “{load_graph(case).nodes[crier.id]['record'].label}”" \
        in _text(at)  # what the words will cite, said before it applies
    _apply(at, post.id, "it repeats the crier")
    claim, named, cited = _log(case)
    assert (claim["action"], claim["targets"], claim["source"]) == (
        "add-claim", [park.id], {"document": post.id, "start": start, "quote": words})
    assert (named["action"], named["targets"], named["label"]) == ("add-citation", [], "the chief's statement")
    assert (cited["targets"], cited["source"]["quote"]) == ([crier.id], "Participation")
    G = load_graph(case)
    added = next(c for c in claims(G) if c.text == words and c.extractor == "curator")
    assert added.claimant == park.id and (added.span.start, added.span.end) == (start, start + len(words))
    found = {c.cites_label: c for c in citations(G) if c.extractor == "curator"}
    assert found["the chief's statement"].span.exact == cue and found["the chief's statement"].cites_document is None
    assert [c.cites_document for c in found.values() if c.cites_label != "the chief's statement"] == [crier.id]


def test_a_selection_outside_the_text_or_of_spaces_is_no_selection() -> None:
    doc = Document.create(sha256="1" * 64, text="aa aa  aaa", source="x.txt")
    assert curation.selected_words(doc, {"selection": {"start": 5, "end": 7, "n": 1}}) is None
    assert curation.selected_words(doc, {"selection": {"start": 4, "end": 99, "n": 1}}) is None
    assert curation.selected_words(doc, {"selection": None}) is None
    assert curation.selected_words(doc, None) is None
    # overlapping occurrences are counted as the span finder counts them
    assert curation.selected_words(doc, {"selection": {"start": 8, "end": 10, "n": 1}})[:2] == ("aa", 4)
    assert curation.occurrences(doc, "aa") == 4 and curation.occurrence(doc, "aa", 4).start == 8


def test_splitting_a_report_or_an_alias_off_and_linking_a_repeated_claim(case: Path) -> None:
    first, second = _event(case, "The town police asked"), _event(case, "The police department asked")
    Case.open(case).decide(Decision.create(action="merge", targets=(first, second), agent="Bo",
                                           at="2026-12-01T10:00:00Z", reason="one request"))
    reports = load_graph(case).nodes[first]["record"].reports
    post = next(r.document for r in reports if r.document != reports[0].document)
    at = _named(_app())
    _open_event(at, first, "split")
    _ok(at.selectbox(key=f"cur-part-{first}").set_value(post).run())
    _apply(at, first, "two requests after all")
    G = load_graph(case)
    assert [r.document for r in G.nodes[first]["record"].reports] != [post]
    assert any([r.document for r in e.reports] == [post] for e in events(G) if e.id != first)
    cole = _entity(case, "Dana Cole", "person")
    at = _named(_app(page="entities"))
    _ok(at.selectbox(key="_entity_widget").set_value(cole).run())
    _ok(at.selectbox(key=f"cur-action-{cole}").set_value("split").run())
    assert at.selectbox(key=f"cur-part-{cole}").options == ["Cole", "Mayor Cole", "Mayor Dana Cole"]  # titled forms too
    _ok(at.selectbox(key=f"cur-part-{cole}").set_value("Cole").run())
    _apply(at, cole, "test of a split")
    assert {e.name for e in entities(load_graph(case)) if e.kind == "person"} >= {"Dana Cole", "Cole"}
    G = load_graph(case)
    voluntary = next(c for c in claims(G) if c.text == "Participation is voluntary")
    stays = next(c for c in claims(G) if c.text == "The program stays")
    at = _named(_app(page="claims", cluster=voluntary.cluster or voluntary.id))
    _ok(at.selectbox(key=f"cur-action-{voluntary.id}").set_value("merge").run())
    _ok(at.text_input(key=f"cur-find-{voluntary.id}").set_value("program stays").run())
    assert at.selectbox(key=f"cur-other-{voluntary.id}").options == ["The program stays"]
    _ok(at.selectbox(key=f"cur-other-{voluntary.id}").set_value(stays.id).run())
    _ok(at.text_input(key=f"cur-why-{voluntary.id}").set_value("test of a link").run())
    # what will change names the clusters by their claims' words, not by their ids
    assert "claim “The program stays”: claim cluster “The program stays” → “Participation is voluntary”" in _text(at)
    _apply(at, voluntary.id, "test of a link")
    G = load_graph(case)
    assert G.nodes[stays.id]["record"].cluster == G.nodes[voluntary.id]["record"].cluster
    assert [e["action"] for e in _log(case)] == ["merge", "split", "split", "merge"]


def test_a_date_conflict_is_resolved_on_the_conflicts_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_graph.cli import EXAMPLE_CASE
    from timeline_graph.graph import conflicts

    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE_CASE, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    assert Case.open(folder).build().ok
    monkeypatch.setenv(CASE_ENV, str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    G = load_graph(folder)
    conflict = next(c for c in conflicts(G) if c.kind == "date" and c.items[0].startswith("evt-"))
    event = G.nodes[conflict.items[0]]["record"]
    stands, stated = next((r.document, r.stated_time) for r in event.reports
                          if r.document in conflict.documents and r.stated_time and r.stated_time != event.time)
    at = _named(_app(page="conflicts"))
    _ok(at.selectbox(key=f"cur-action-{conflict.id}").set_value("resolve").run())
    _ok(at.selectbox(key=f"cur-other-{conflict.id}").set_value(stands).run())
    _ok(at.text_input(key=f"cur-why-{conflict.id}").set_value("the first-hand report").run())
    assert f"date {event.time.edtf} → {stated.edtf}" in _text(at)
    _ok(at.button(key=f"cur-apply-{conflict.id}").click().run())
    assert load_graph(folder).nodes[event.id]["record"].time == stated
    assert _log(folder)[-1]["stands"] == stands


def test_a_source_citation_is_pointed_at_a_document_of_the_case(case: Path) -> None:
    from timeline_graph.graph import citations

    G = load_graph(case)
    citation = next(c for c in citations(G) if c.span.exact == "told the Ridge Gazette")
    crier = next(n for n, data in G.nodes(data=True) if getattr(data["record"], "publisher", "") == "Town Crier")
    at = _named(_app(page="documents", doc=citation.document))
    _ok(at.selectbox(key=f"cur-action-{citation.document}").set_value("retarget").run())
    assert at.selectbox(key=f"cur-part-{citation.document}").options == ["“told the Ridge Gazette”"]
    _ok(at.selectbox(key=f"cur-part-{citation.document}").set_value(citation.id).run())
    _ok(at.selectbox(key=f"cur-other-{citation.document}").set_value(crier).run())
    _apply(at, citation.document, "test of a re-target")
    assert load_graph(case).nodes[citation.id]["record"].cites_document == crier
    assert _log(case)[-1]["targets"] == [citation.id, crier]


def test_the_tracer_credits_a_claim_to_the_document_its_source_is_re_targeted_to(case: Path) -> None:
    from timeline_graph.curate import created_id

    G = load_graph(case)
    crier = next(d for d in documents(G) if d.publisher == "Town Crier")
    post = next(d for d in documents(G) if d.publisher == "Valley Post")
    town = next(c for c in claims(G) if c.text.startswith("The town police asked"))
    assert town.claimant is None and town.claimant_name == "the council minutes"
    added = Decision.create(action="add-citation", targets=(), value="the council minutes", agent="Ana",
                            at="2026-11-22T08:00:00Z", reason="named in the text",
                            span=curation.occurrence(crier, "according to the council minutes"))
    Case.open(case).decide(added)
    at = _app(page="claims", cluster=town.cluster)
    assert "first said by the council minutes in Council hears about camera requests" in _words(at)
    Case.open(case).decide(Decision.create(action="retarget", targets=(created_id(added), post.id), agent="Ana",
                                           at="2026-11-22T08:05:00Z", reason="the minutes were reported there"))
    shown = _words(_app(page="claims", cluster=town.cluster))
    # the words that named the source now stand for a document of the case: the claim is first
    # seen in the Town Crier, which credits it to that document, not to the stale words
    assert ("2 appearances · first seen in Council hears about camera requests, 10 March 2021, "
            "which credits it to Camera program grows") in shown
    assert ("1. first seen in Council hears about camera requests (Town Crier), 10 March 2021, which credits it "
            "to Camera program grows") in shown
    assert "the council minutes" not in shown.replace("according to the council minutes", "")


def test_a_claim_has_its_actions_on_the_page_of_the_entity_that_made_it(case: Path) -> None:
    cole = _entity(case, "Dana Cole", "person")
    stays = next(c for c in claims(load_graph(case)) if c.text == "The program stays")
    assert stays.claimant == cole
    at = _named(_app(page="entities"))
    _ok(at.selectbox(key="_entity_widget").set_value(cole).run())
    assert "Claims made (1)" in _words(at)
    assert "Curate this claim" in [e.label for e in at.expander]
    _ok(at.selectbox(key=f"cur-action-{stays.id}").set_value("reject").run())
    at = _apply(at, stays.id, "a slogan, not a claim")
    assert stays.id not in load_graph(case)
    assert _log(case)[-1]["action"] == "reject" and _log(case)[-1]["targets"] == [stays.id]
    assert "Claims made" not in _words(at)  # gone from the page at once


def test_a_claim_has_its_actions_beside_the_event_it_relates_to(case: Path) -> None:
    met = _event(case, "met")
    stays = next(c for c in claims(load_graph(case)) if c.text == "The program stays")
    at = _named(_app())
    _ok(at.selectbox(key="_event_widget").set_value(met).run())
    assert "Related claims" in _words(at) and "The program stays" in _words(at)
    _ok(at.selectbox(key=f"cur-action-{stays.id}").set_value("unnamed").run())
    _apply(at, stays.id, "the mayor spoke for the office")
    claim = load_graph(case).nodes[stays.id]["record"]
    assert claim.claimant is None and claim.unnamed


def _minutes_re_targeted(case: Path) -> tuple[Document, Document, Any]:
    """The Town Crier's source citation 'according to the council minutes' re-targeted to the
    Valley Post's article: (crier, post, the claim it is the source of)."""
    from timeline_graph.graph import citations

    G = load_graph(case)
    crier = next(d for d in documents(G) if d.publisher == "Town Crier")
    post = next(d for d in documents(G) if d.publisher == "Valley Post")
    town = next(c for c in claims(G) if c.text.startswith("The town police asked"))
    minutes = next(c for c in citations(G) if c.span.exact == "according to the council minutes")
    Case.open(case).decide(Decision.create(action="retarget", targets=(minutes.id, post.id), agent="Ana",
                                           at="2026-11-22T08:05:00Z", reason="the minutes were reported there"))
    return crier, post, town


def test_the_event_panel_names_a_claim_s_source_by_the_document_its_citation_is_re_targeted_to(case: Path) -> None:
    crier, post, _ = _minutes_re_targeted(case)
    event = _event(case, "asked residents for doorbell video")
    at = _app(page="timeline", event=event)
    shown = _words(at)
    assert "Related claims" in shown
    # the claim is shown as what the Town Crier credits to the Valley Post's article, linked to it
    assert f"{crier.label}, 10 March 2021, which credits it to {post.label}" in shown
    assert f'which credits it to <b><a href="?page=documents&doc={post.id}" target="_self">{post.label}</a></b>' \
        in _text(at)
    # never under the words that named the source before it was re-targeted
    assert "the council minutes in" not in shown


def test_the_document_reader_names_a_re_targeted_citation_and_its_claim_s_source_by_the_document(
        case: Path) -> None:
    crier, post, town = _minutes_re_targeted(case)
    at = _app(page="documents", doc=crier.id)
    page = _text(at)
    # hovering over the claim and over the citation names the document now cited
    assert f'title="claim credited to {post.label}: {town.text}' in page
    assert f'title="cites: {post.label}"' in page
    assert "the council minutes:" not in page and 'title="cites: the council minutes"' not in page
    # the list of the sources it cites agrees
    assert f'cites <a href="?page=documents&doc={post.id}" target="_self">{post.label}</a>' in page
    # and the citation's history names what it acts on, not ids
    assert f"• re-targeted: retarget “according to the council minutes” “{post.label}” · Ana" in page


def test_what_will_change_names_a_citation_by_its_words_and_documents_by_their_titles(case: Path) -> None:
    """Before a re-target, the curator is told which words will cite which document (it said
    'source citation “cit-…”: changed'); before a grade, which document is graded (it gave its id)."""
    G = load_graph(case)
    citation = next(c for c in citations(G) if c.span.exact == "told the Ridge Gazette")
    herald = G.nodes[citation.document]["record"]
    crier = next(d for d in documents(G) if d.publisher == "Town Crier")
    at = _named(_app(page="documents", doc=herald.id))
    _ok(at.selectbox(key=f"cur-action-{herald.id}").set_value("retarget").run())
    _ok(at.selectbox(key=f"cur-part-{herald.id}").set_value(citation.id).run())
    _ok(at.selectbox(key=f"cur-other-{herald.id}").set_value(crier.id).run())
    _ok(at.text_input(key=f"cur-why-{herald.id}").set_value("it was reported there").run())
    assert (f"source citation “told the Ridge Gazette”: cites {_shown_as(citation.cites_document, G)} → "
            f"“{crier.label}”") in _text(at)
    assert citation.id not in _text(at).split("What will change:")[-1]
    _ok(at.selectbox(key=f"cur-action-{herald.id}").set_value("grade").run())
    _ok(at.selectbox(key=f"cur-reliability-{herald.id}").set_value("C").run())
    _ok(at.selectbox(key=f"cur-credibility-{herald.id}").set_value("3").run())
    assert f"“{herald.label}” graded C3 (source fairly reliable, information possibly true)" in _text(at)


def _shown_as(document: str | None, G: Any) -> str:
    return f"“{G.nodes[document]['record'].label}”" if document else "none"


def test_taking_a_decision_back_shows_what_will_change_first(case: Path) -> None:
    """An undo is an action like the others: it names what it takes back and shows what will
    change before it applies (the sidebar named the decision by ids, and nothing of its effect)."""
    event = _event(case, "resident pasted")
    label = load_graph(case).nodes[event]["record"].label
    at = _named(_app())
    _open_event(at, event, "relabel")
    _ok(at.text_input(key=f"cur-label-{event}").set_value("Comment form misused").run())
    at = _apply(at, event, "a clearer label")
    sidebar = html.unescape("\n".join(str(m.value) for m in at.sidebar.markdown))
    assert "relabelled: Comment form misused · Ana" in sidebar
    _ok(at.sidebar.text_input(key="undo-last-why").set_value("the old one was fine").run())
    shown = _text(at)
    assert "takes back: relabelled Comment form misused" in shown
    assert f"event “Comment form misused”: label Comment form misused → {label}" in shown
    assert [e["action"] for e in _log(case)] == ["relabel"]  # nothing recorded until applied
    _ok(at.sidebar.button(key="undo-last-go").click().run())
    # the same on the decisions page, for the undo taken back in turn
    page = _named(_app(page="decisions"), "Bo")
    undo = Case.open(case).decisions()[1].id
    _ok(page.text_input(key=f"back-{undo}-why").set_value("it was not").run())
    assert f"takes back: taken back relabelled {label}" in _text(page)
    assert f"event “{label}”: label {label} → Comment form misused" in _text(page)


def test_the_decisions_page_names_and_finds_a_record_a_decision_took_out(case: Path) -> None:
    """A rejected event is gone from the case, but its decision still names it: the decisions
    page showed its id, and filtering by its words found nothing."""
    event = _event(case, "resident pasted")
    label = load_graph(case).nodes[event]["record"].label
    at = _named(_app())
    _open_event(at, event, "reject")
    at = _apply(at, event, "not an event")
    assert event not in load_graph(case)
    sidebar = html.unescape("\n".join(str(m.value) for m in at.sidebar.markdown))
    assert f"rejected: {label} · Ana" in sidebar
    page = _named(_app(page="decisions"))
    _ok(page.text_input(key="_dec_item").set_value("resident pasted").run())
    assert "1 decision of 1, newest first." in _text(page)
    assert f"<b>Rejected</b> {label} · Ana" in _text(page)


def test_a_curator_s_undo_takes_back_their_own_last_decision_not_one_another_just_made(case: Path) -> None:
    """Several people at once: Bo relabels an event after Ana rejected another; Ana's undo in
    the sidebar takes back her rejection (it offered Bo's relabel, the case's latest)."""
    event, other = _event(case, "resident pasted"), _event(case, "asked residents")
    at = _named(_app())
    _open_event(at, event, "reject")
    at = _apply(at, event, "not an event")
    Case.open(case).decide(Decision.create(action="relabel", targets=(other,), value="Doorbell video asked for",
                                           agent="Bo", at="2099-01-01T00:00:00Z", reason="clearer"))
    _ok(at.run())
    sidebar = html.unescape("\n".join(str(m.value) for m in at.sidebar.markdown))
    assert "rejected: " in sidebar and "relabelled" not in sidebar
    _ok(at.sidebar.text_input(key="undo-last-why").set_value("it was one after all").run())
    _ok(at.sidebar.button(key="undo-last-go").click().run())
    log = _log(case)
    assert [(e["action"], e["by"]) for e in log] == [("reject", "Ana"), ("relabel", "Bo"), ("undo", "Ana")]
    assert log[2]["targets"] == [Case.open(case).decisions()[0].id]
    G = load_graph(case)
    assert event in G and G.nodes[other]["record"].label == "Doorbell video asked for"  # Bo's stands
    # with nothing of her own left in force, Ana is offered no undo (Bo's is taken back from the Decisions page)
    assert "Undo the last decision" not in [e.label for e in at.sidebar.expander]


def test_a_re_targeted_source_is_checked_for_the_claim_at_once(case: Path) -> None:
    from timeline_graph.curate import created_id
    from timeline_graph.graph import conflicts

    G = load_graph(case)
    crier = next(d for d in documents(G) if d.publisher == "Town Crier")
    herald = next(d for d in documents(G) if d.publisher == "Hill Herald")
    post = next(d for d in documents(G) if d.publisher == "Valley Post")
    added = Decision.create(action="add-citation", targets=(), value="the council minutes", agent="Ana",
                            at="2026-11-22T08:00:00Z", reason="named in the text",
                            span=curation.occurrence(crier, "according to the council minutes"))
    Case.open(case).decide(added)
    assert not [x for x in conflicts(load_graph(case)) if x.kind == "attribution"]

    def retarget(to: Document, at: str) -> list[Any]:
        Case.open(case).decide(Decision.create(action="retarget", targets=(created_id(added), to.id), agent="Ana",
                                               at=at, reason="where the minutes were printed"))
        return [x for x in conflicts(load_graph(case)) if x.kind == "attribution"]

    # the Herald's article says nothing of the police asking for video: the credit is disputed
    (found,) = retarget(herald, "2026-11-22T08:05:00Z")
    assert set(found.documents) == {crier.id, herald.id}
    assert "attribution: Town Crier credits Hill Herald with a statement its text does not contain." in _words(
        _app(page="conflicts"))
    # the Post's article does report it: no conflict once the source points there
    assert retarget(post, "2026-11-22T08:10:00Z") == []
