"""Shared fixtures: a small hand-made case whose every span is checked against its text."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline_graph.graph import build_graph
from timeline_graph.model import (
    Citation,
    Claim,
    Conflict,
    Document,
    Entity,
    Event,
    Participant,
    Records,
    Report,
    Span,
    TimeValue,
    record_id,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

FIRST_TEXT = (
    "City police asked camera owners for footage on June 16, 2020, the Daily Ledger reported.\n\n"
    '"We only ask for what helps a case," said Chief Ana Ruiz. '
    "Over 200 departments used the service in 2019."
)
SECOND_TEXT = (
    "According to the Daily Ledger, police asked camera owners for footage on July 16, 2020.\n\n"
    "Police spokesman Tom Hale said the requests were voluntary. "
    "Over 2,000 departments used the service in 2021."
)


@pytest.fixture(autouse=True, scope="session")
def snapshot_key(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The key that signs case snapshots, kept out of the user's own cache folder."""
    path = tmp_path_factory.mktemp("snapshot-key") / "key"
    before = os.environ.get("TIMELINE_GRAPH_SNAPSHOT_KEY")
    os.environ["TIMELINE_GRAPH_SNAPSHOT_KEY"] = str(path)
    yield path
    if before is None:
        os.environ.pop("TIMELINE_GRAPH_SNAPSHOT_KEY", None)
    else:
        os.environ["TIMELINE_GRAPH_SNAPSHOT_KEY"] = before


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example case, built once for the session: read it, do not change it."""
    from timeline_graph.case import Case
    from timeline_graph.cli import EXAMPLE_CASE

    folder = tmp_path_factory.mktemp("example") / "case"
    shutil.copytree(EXAMPLE_CASE, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    Case.open(folder).build()
    return folder


@pytest.fixture
def example_copy(built_example: Path, tmp_path: Path) -> Path:
    """A private copy of the built example case with its cache, but without the SPARQL store,
    search index or publish records that other tests may have made: for tests that change it."""
    folder = tmp_path / "case"
    shutil.copytree(built_example, folder,
                    ignore=shutil.ignore_patterns("store", "search.sqlite", "published", "*.lock"))
    return folder


def make_document(text: str, source: str, *, media_type: str = "text/markdown", **metadata: object) -> Document:
    """A document whose sha256 is that of its UTF-8 text."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document.create(sha256=sha, text=text, source=source, media_type=media_type, **metadata)


@pytest.fixture
def sample_records() -> Records:
    """Two documents that disagree on a date, with entities, claims, a citation and a conflict."""
    first = make_document(
        FIRST_TEXT, "ledger.md", title="Police seek doorbell footage", publisher="Daily Ledger",
        authors=("Ann Writer",), published=TimeValue.from_edtf("2020-06-20"),
        metadata_origin=(("title", "front matter"), ("published", "front matter")),
    )
    second = make_document(
        SECOND_TEXT, "gazette.md", title="Footage requests, explained", publisher="Gazette",
        published=TimeValue.from_edtf("2021-02-17"),
    )
    police = Entity(
        id=Entity.id_for("organization", "City Police"), kind="organization", name="City Police",
        aliases=("police",), mentions=(Span.find(first, "City police"), Span.find(second, "police")),
    )
    ruiz = Entity(
        id=Entity.id_for("person", "Ana Ruiz"), kind="person", name="Ana Ruiz",
        aliases=("Chief Ana Ruiz",), mentions=(Span.find(first, "Ana Ruiz"),),
    )
    ledger = Entity(
        id=Entity.id_for("organization", "Daily Ledger"), kind="organization", name="Daily Ledger",
        mentions=(Span.find(first, "Daily Ledger"), Span.find(second, "Daily Ledger")),
    )
    first_report = Report(
        first.id, Span.find(first, "City police asked camera owners for footage on June 16, 2020"),
        TimeValue.from_edtf("2020-06-16", text="June 16, 2020"), "test",
    )
    second_report = Report(
        second.id, Span.find(second, "police asked camera owners for footage on July 16, 2020"),
        TimeValue.from_edtf("2020-07-16", text="July 16, 2020"), "test",
    )
    request = Event(
        id=record_id("evt", "footage request"), label="police asked camera owners for footage",
        time=TimeValue.from_edtf("2020-06-16/2020-07-16"), reports=(first_report, second_report),
        participants=(Participant(police.id, "agent"),), kind="request",
    )
    growth_2019 = Event(
        id=record_id("evt", "2019 usage"), label="Over 200 departments used the service",
        time=TimeValue.from_edtf("2019", text="2019"),
        reports=(Report(first.id, Span.find(first, "Over 200 departments used the service in 2019"),
                        TimeValue.from_edtf("2019", text="2019"), "test"),),
    )
    quote = Span.find(first, '"We only ask for what helps a case," said Chief Ana Ruiz.')
    claim = Claim(
        id=record_id("clm", first.id, quote.start), text="We only ask for what helps a case",
        document=first.id, span=quote, claimant=ruiz.id, claimant_name="Chief Ana Ruiz",
        quote="We only ask for what helps a case", verb="said", reported=first.published,
        cluster=record_id("cluster", "ask"),
    )
    said = Span.find(second, "Police spokesman Tom Hale said the requests were voluntary.")
    claim2 = Claim(
        id=record_id("clm", second.id, said.start), text="the requests were voluntary",
        document=second.id, span=said, claimant=None, claimant_name="Police spokesman Tom Hale",
        verb="said", reported=second.published, cluster=record_id("cluster", "voluntary"),
    )
    cites = Citation(
        id=record_id("cit", second.id, 0), document=second.id,
        span=Span.find(second, "According to the Daily Ledger"), cites_label="Daily Ledger",
        cites_document=first.id, cites_entity=ledger.id, kind="according-to",
    )
    conflict = Conflict(
        id=record_id("cfl", request.id), kind="date", items=(request.id,),
        documents=(first.id, second.id),
        explanation="Daily Ledger dates the request June 16, 2020; Gazette dates it July 16, 2020.",
        spans=(first_report.span, second_report.span),
    )
    return Records(
        documents=(first, second), entities=(police, ruiz, ledger), events=(request, growth_2019),
        claims=(claim, claim2), citations=(cites,), conflicts=(conflict,),
    )


@pytest.fixture
def sample_graph(sample_records: Records):  # type: ignore[no-untyped-def]
    """The sample records as a graph, with a title and base IRI."""
    return build_graph(sample_records, title="Sample case", base_iri="https://example.org/case/sample/")


def claims_of(text: str) -> tuple[Claim, ...]:
    """The claims of one invented text, its entities found first as a build finds them."""
    from timeline_graph.extract.claims import find_claims
    from timeline_graph.extract.entities import find_entities

    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="invented.txt")
    return find_claims(doc, find_entities(doc))


def by_cue(text: str) -> dict[str, Claim]:
    """The claims of one invented text by the words of their cue."""
    return {c.cue.exact: c for c in claims_of(text) if c.cue is not None}


def entities_by_name(text: str) -> dict[str, Entity]:
    """The entities of one invented text by name, found as a build finds them."""
    from timeline_graph.extract.entities import find_entities

    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    return {e.name: e for e in find_entities(doc)}


def mention_texts(text: str, entity: Entity) -> list[str]:
    """The words of each mention of an entity, checked to index the text exactly."""
    assert all(text[m.start : m.end] == m.exact for m in entity.mentions)
    return [m.exact for m in entity.mentions]
