"""The rule-based extractors on the five real seed articles (read at run time, never copied)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from timeline_graph.extract.citations import find_citations
from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.extract.events import find_events
from timeline_graph.model import Document, Entity

pytestmark = pytest.mark.corpus

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[tuple[Document, tuple[Entity, ...]]]:
    if not SEEDS.is_dir():
        pytest.skip(f"no seed corpus at {SEEDS}")
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        doc = Document.create(
            sha256=hashlib.sha256(data).hexdigest(), text=data.decode(), source=path.name
        )
        out.append((doc, find_entities(doc)))
    if len(out) < 5:
        pytest.skip("the seed corpus is incomplete")
    return out


def all_entities(seeds: list[tuple[Document, tuple[Entity, ...]]]) -> list[Entity]:
    return [e for _, entities in seeds for e in entities]


def test_organizations_with_full_name_aliases(
    seeds: list[tuple[Document, tuple[Entity, ...]]],
) -> None:
    entities = all_entities(seeds)
    for short, full in (
        ("LAPD", "Los Angeles Police Department"),
        ("EFF", "Electronic Frontier Foundation"),
    ):
        matching = [e for e in entities if e.name == full and short in e.aliases]
        assert matching, f"{full} ({short}) not found"
        assert all(e.kind == "organization" for e in matching)


def test_people_with_roles(seeds: list[tuple[Document, tuple[Entity, ...]]]) -> None:
    entities = all_entities(seeds)
    for name, title in (("Michel Moore", "Chief"), ("Gerry Chamberlain", "Detective")):
        person = next(e for e in entities if e.name == name)
        assert person.kind == "person"
        assert title in [r.title for r in person.roles]


def test_spans_match_and_furniture_is_skipped(
    seeds: list[tuple[Document, tuple[Entity, ...]]],
) -> None:
    for doc, entities in seeds:
        for entity in entities:
            assert entity.name not in {"Getty Images", "Skip", "Share"}
            for span in entity.mentions:
                assert doc.text[span.start : span.end] == span.exact


def test_attributed_claims(seeds: list[tuple[Document, tuple[Entity, ...]]]) -> None:
    claims = [c for doc, entities in seeds for c in find_claims(doc, entities)]
    assert len([c for c in claims if c.claimant]) >= 8
    for claim in claims:
        assert claim.span.exact


def test_reference_list_citations(seeds: list[tuple[Document, tuple[Entity, ...]]]) -> None:
    references = [
        c for doc, entities in seeds for c in find_citations(doc, entities) if c.kind == "reference"
    ]
    assert len(references) >= 3
    assert all(": " in c.cites_label and c.cites_label.endswith(")") for c in references)


def test_dated_events(seeds: list[tuple[Document, tuple[Entity, ...]]]) -> None:
    try:
        from timeline_graph.extract import document_date, times
    except ImportError:  # pragma: no cover - the time extractor is written separately
        pytest.skip("timeline_graph.extract.times is not available yet")
    events = []
    for doc, entities in seeds:
        timexes = times.find_times(doc.text, document_date(doc))
        events.extend(find_events(doc, timexes, entities))
    assert len(events) >= 3
    # an event without a date of its own and no stated document date stays undated
    assert sum(1 for e in events if e.time is not None) >= 3
    assert any(e.participants for e in events)
