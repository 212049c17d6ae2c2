"""Source citations: each pattern, reference entries and their parseable labels."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.citations import VERSION, find_citations, format_label, parse_label
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Citation, Document


def citations_of(text: str) -> tuple[Document, tuple[Citation, ...]]:
    doc = Document.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt"
    )
    return doc, find_citations(doc, find_entities(doc))


@pytest.mark.parametrize(
    ("text", "kind", "label", "exact"),
    [
        (
            "The dam leaked, according to a report by Reuters.",
            "according-to",
            "Reuters",
            "according to a report by Reuters",
        ),
        (
            "According to Reuters, the dam leaked.",
            "according-to",
            "Reuters",
            "According to Reuters",
        ),
        ("Reuters reported that the dam leaked.", "reported-by", "Reuters", "Reuters reported"),
        (
            "The leak was first reported by Reuters.",
            "reported-by",
            "Reuters",
            "first reported by Reuters",
        ),
        (
            "The dam leaked, as reported by The Washington Post.",
            "reported-by",
            "The Washington Post",
            "as reported by The Washington Post",
        ),
        ("Engineer Rui Sol told Reuters the dam leaked.", "told", "Reuters", "told Reuters"),
        (
            "In an interview with Reuters, Rui Sol confirmed it.",
            "interview",
            "Reuters",
            "in an interview with Reuters",
        ),
    ],
)
def test_patterns(text: str, kind: str, label: str, exact: str) -> None:
    doc, found = citations_of(text)
    matching = [c for c in found if c.kind == kind]
    assert matching, found
    citation = matching[0]
    assert citation.cites_label == label
    assert citation.span.exact.casefold() == exact.casefold()
    assert doc.text[citation.span.start : citation.span.end] == citation.span.exact
    assert citation.cites_entity is not None
    assert citation.cites_document is None
    assert citation.extractor == f"citations@{VERSION}"


def test_reference_list_entries() -> None:
    text = (
        "The harbor plan stalled twice.\n\n"
        "Ana Ortiz and Ben Cole, “Harbor Plan Stalls Again,” Coast Courier, March 3, 2019,\n"
        'Lee Park, "Dredging, Explained," Reuters, April 9, 2020.\n'
    )
    _, found = citations_of(text)
    refs = [c for c in found if c.kind == "reference"]
    assert [c.cites_label for c in refs] == [
        "Coast Courier: Harbor Plan Stalls Again (March 3, 2019)",
        "Reuters: Dredging, Explained (April 9, 2020)",
    ]
    assert parse_label(refs[0].cites_label) == (
        "Coast Courier",
        "Harbor Plan Stalls Again",
        "March 3, 2019",
    )
    assert refs[1].cites_entity is not None
    assert refs[0].span.exact.startswith("Ana Ortiz and Ben Cole")


def test_labels_round_trip() -> None:
    assert parse_label(format_label("Reuters")) == ("Reuters", None, None)
    assert parse_label(format_label("Reuters", None, "May 2, 2021")) == (
        "Reuters",
        None,
        "May 2, 2021",
    )
    label = format_label("The Bay Times", "Why: A Primer", "May 2, 2021")
    assert parse_label(label) == ("The Bay Times", "Why: A Primer", "May 2, 2021")


def test_unknown_reporters_are_not_citations() -> None:
    _, found = citations_of("The committee reported a loss. It was reported on Friday.")
    assert found == ()
