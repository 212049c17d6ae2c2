"""One build over the real seed articles (../shared/corpus/seeds): dated events and attributed
claims come out of real news, every span matches its document. Skipped where the folder is absent."""

from __future__ import annotations

import shutil

import pytest

from timeline_graph.case import Case
from timeline_graph.graph import claims, documents, entities, events, record

from .conftest import SEEDS

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent")
    folder = tmp_path_factory.mktemp("seeds")
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    report = Case.open(folder, create=True).build()
    assert report.ok, report.problems
    assert len(report.documents) == len(list(SEEDS.glob("*.txt")))
    return Case.open(folder).load_graph()


def test_every_span_matches_its_document(seed_graph) -> None:  # type: ignore[no-untyped-def]
    G = seed_graph
    spans = [r.span for e in events(G) for r in e.reports]
    spans += [c.span for c in claims(G)]
    spans += [m for e in entities(G) for m in e.mentions]
    assert spans
    for span in spans:
        assert record(G, span.document).text[span.start : span.end] == span.exact


def test_real_articles_give_dated_events(seed_graph) -> None:  # type: ignore[no-untyped-def]
    timed = [e for e in events(seed_graph) if e.time]
    assert len(timed) >= 8
    # the seeds state no publication date, so only absolute expressions are bounded
    bounded = [e for e in timed if e.time and e.time.earliest]
    assert len(bounded) >= 5
    years = {e.time.earliest.year for e in bounded if e.time and e.time.earliest}
    assert {2019, 2020} <= years, years
    unanchored = [e for e in timed if e.time and e.time.earliest is None]
    # unresolved (XXXX-) or bounded above only ("on or before the report"): never anchored to today
    assert all(e.time and e.time.edtf.startswith(("XXXX", "../")) for e in unanchored), "never anchored to today"


def test_real_articles_give_attributed_claims(seed_graph) -> None:  # type: ignore[no-untyped-def]
    attributed = [c for c in claims(seed_graph) if c.claimant or c.claimant_name]
    assert len(attributed) >= 8
    assert any(c.quote for c in attributed)
    assert len({c.document for c in attributed}) >= 4


def test_seed_documents_have_titles(seed_graph) -> None:  # type: ignore[no-untyped-def]
    assert all(d.title for d in documents(seed_graph))
