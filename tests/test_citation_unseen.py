"""Citations on news written like no tuned example: an audience is no source, an interview with no
outlet is first-hand, works are read however the parse hangs them."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.citations import find_citations
from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Document
from timeline_graph.nlp import parse


def found(text: str, publisher: str | None = None) -> list[tuple[str, str]]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          publisher=publisher)
    parsed = parse(text)
    entities = find_entities(doc, parsed)
    return [(c.span.exact, c.cites_label)
            for c in find_citations(doc, entities, parsed, find_claims(doc, entities, parsed))]


@pytest.mark.parametrize(
    "text",
    [
        # an interview no outlet is named for: the document's own reporter heard the words
        "Marta Olsen, the mill's owner, said in a follow-up interview that the loan had been repaid.",
        "In the interview, Olsen said the mill would stay open through the winter.",
        "The clerk first denied any role, but in a later interview said she had shredded the files.",
        # a group of people told is an audience, not a medium
        "The novelist spoke for an hour, telling Brookfield College's graduating class that patience pays.",
    ],
)
def test_no_citation(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "exact", "label"),
    [
        # an interview named by its outlet
        ("In a September Harbor Radio interview, Olsen said the mill would close.",
         "Harbor Radio interview", "Harbor Radio"),
        # an outlet whose name the tagger read as a common noun, and one in quotation marks
        ("In an interview with Tidewater magazine, Olsen said she would run again.",
         "interview with Tidewater", "Tidewater"),
        ("“We were never told,” Olsen said in an interview with “Coast Morning Report.”",
         "in an interview", "Coast Morning Report"),
        # a statement made by a speaker named by a noun
        ("“We will not sell the land,” the group said in a statement.", "in a statement", "a statement"),
        # a summary is a work
        ("The guard left the gate open twice, according to the summary.", "according to the summary", "summary"),
    ],
)
def test_citation(text: str, exact: str, label: str) -> None:
    assert any(e.startswith(exact) or exact in e for e, _ in found(text) if label in _), found(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a poll framing a clause, hung by the parse on a noun before it
        ("Ruiz won 41 percent support among likely voters in a new Bayview Courier poll released Monday.",
         "Bayview Courier"),
        ("Lowe rose four points in the Harbor Ledger survey to 30 percent.", "Harbor Ledger"),
        # those asked in a poll are what it found
        ("Ruiz was backed by 38 percent of the voters surveyed in the Harbor Ledger poll.", "Harbor Ledger"),
    ],
)
def test_a_poll_framing_a_clause(text: str, label: str) -> None:
    assert [lab for _, lab in found(text) if label in lab], found(text)
