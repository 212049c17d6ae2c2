"""The first page of a large case drawn from what the case's cache keeps of it (issue 19): the
sidebar and the key dates without loading the case, made again whenever the case changes, and
the server loading the case only once that first page is out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import streamlit as st

from timeline_graph.app import opening, page_keydates, server, ui
from timeline_graph.case import Case, load_graph
from timeline_graph.graph import events
from timeline_graph.model import Decision

from .test_app_curation import _app, built, case  # noqa: F401 - the built case folder and the app on it


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """The case opens on its key dates, as one of 200 documents or more does."""
    monkeypatch.setattr(page_keydates, "LARGE_CASE", 1)


def _fresh_server() -> None:
    """Forget what the app has in memory, as a newly started server would."""
    st.cache_resource.clear()
    st.cache_data.clear()


def _page(at: Any) -> tuple[list[str], list[str], list[str]]:
    return ([str(m.value) for m in at.sidebar.markdown], [str(m.value) for m in at.main.markdown],
            [str(t.value) for t in at.title])


def _never(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("made although the page does not need it")


def test_a_new_server_draws_the_first_page_of_a_large_case_without_loading_it(
        case: Path, large: None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    shown = _page(_app())  # the first start makes the page from the graph, and keeps it
    assert shown[2] == ["Key dates"] and any("recalling it later" in m for m in shown[1])
    _fresh_server()
    monkeypatch.setattr(ui, "load", _never)
    monkeypatch.setattr(Case, "live_graph", _never)
    monkeypatch.setattr(Case, "load_graph", _never)
    at = _app()
    assert _page(at) == shown
    # nothing but the page: the script names no value on a line of its own (Streamlit writes those)
    assert not at.get("help") and not at.get("json")


def test_the_kept_first_page_is_the_one_the_graph_gives(case: Path) -> None:  # noqa: F811
    folder = Case.open(case)
    made = opening.of_graph(load_graph(case))
    assert made.days and made.summary.counts
    opening.store(folder, made)
    assert opening.read(Case.open(case)) == made


def test_the_kept_first_page_is_made_again_after_a_decision_or_a_new_title(case: Path) -> None:  # noqa: F811
    folder = Case.open(case)
    opening.store(folder, opening.of_graph(load_graph(case)))
    assert opening.read(folder) is not None
    event = next(events(load_graph(case))).id
    folder.decide(Decision.create(action="reject", targets=(event,), agent="Bo", at="2026-12-01T10:00:00Z",
                                  reason="not an event"))
    assert opening.read(folder) is None
    after = opening.of_graph(load_graph(case))
    opening.store(folder, after)
    assert opening.read(Case.open(case)) == after
    (case / "case.yaml").write_text("title: Cameras on every porch\nbase_iri: https://example.org/case/cur/\n",
                                    encoding="utf-8")
    assert opening.read(Case.open(case)) is None


class _FirstPage:
    """Stands for :data:`ui.PAGE_DRAWN`: notes whether the case was loaded when the preload waited."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.loaded_then: list[bool] = []

    def wait(self, timeout: float | None = None) -> bool:
        d = ui.derive(str(self.folder.resolve()), ui.stamp(self.folder))
        self.loaded_then.append(d.made("graph") is not None)
        return True


def test_the_server_loads_a_large_case_after_its_first_page_when_that_page_is_kept(
        case: Path, large: None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    opening.store(Case.open(case), opening.of_graph(load_graph(case)))
    _fresh_server()
    first = _FirstPage(case)
    monkeypatch.setattr(ui, "PAGE_DRAWN", first)
    server.preload(case)
    assert first.loaded_then == [False]  # it waited for the first page before loading the case
    d = ui.derive(str(case.resolve()), ui.stamp(case))
    assert d.made("graph") is not None  # then loaded it


def test_without_a_kept_first_page_the_server_loads_the_case_at_once_and_keeps_the_page(
        case: Path, large: None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    _fresh_server()
    first = _FirstPage(case)
    monkeypatch.setattr(ui, "PAGE_DRAWN", first)
    server.preload(case)
    assert first.loaded_then == []  # the page needed the case: nothing to wait for
    assert opening.read(Case.open(case)) == opening.of_graph(load_graph(case))


def test_the_build_keeps_the_first_page_so_the_app_opens_a_large_case_without_loading_it(
        case: Path, large: None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from click.testing import CliRunner

    from timeline_graph.cli import main

    assert opening.read(Case.open(case)) is None
    result = CliRunner().invoke(main, ["build", str(case)])
    assert result.exit_code == 0, result.output
    assert opening.read(Case.open(case)) == opening.of_graph(load_graph(case))
    _fresh_server()
    monkeypatch.setattr(ui, "load", _never)
    at = _app()
    assert [t.value for t in at.title] == ["Key dates"]
    assert any("recalling it later" in str(m.value) for m in at.main.markdown)


def test_a_page_other_than_the_key_dates_does_not_make_them(
        case: Path, large: None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    # as after a decision made on the timeline: the case changed, nothing kept for it yet
    _fresh_server()
    monkeypatch.setattr(opening, "key_dates", _never)
    at = _app(page="timeline")
    assert [t.value for t in at.title] != ["Key dates"]
    assert any("documents" in str(m.value) for m in at.sidebar.markdown)  # the counts, made from the graph
    assert opening.read(Case.open(case)) is None  # kept only once its key dates are made


def test_the_app_and_the_case_reader_start_without_importing_the_language_pipeline() -> None:
    """The app's server never parses, and importing spaCy cost it about a second of CPU at each
    start: the entity reader's word lists must not pull spaCy in with them."""
    import subprocess
    import sys

    probe = ("import sys, timeline_graph.case, timeline_graph.app.main, timeline_graph.extract; "
             "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"
