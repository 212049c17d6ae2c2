"""Web addresses cited by a document, pointed at the case's documents by address and path."""

from __future__ import annotations

import hashlib

from timeline_graph.extract.citations import find_citations
from timeline_graph.model import Document
from timeline_graph.resolve.citations import resolve_citations


def _doc(text: str, **metadata: object) -> Document:
    return Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt", **metadata)


def _resolved(text: str, *docs: Document) -> list[str | None]:
    citing = _doc(text)
    found = [c for c in find_citations(citing, ()) if c.kind == "link"]
    return [c.cites_document for c in resolve_citations(found, [citing, *docs], {})]


PIER = _doc("The pier closed.", title="Orlo pier closes after storm damage", publisher="Harbor Ledger",
            url="https://www.harborledger.example/2024/05/orlo-pier-closes-after-storm-damage/")
VOTE = _doc("The council voted.", title="Council votes to rebuild the pier", publisher="Harbor Ledger",
            url="https://harborledger.example/2024/06/council-votes-to-rebuild-the-pier")


def test_a_link_is_the_document_at_its_address() -> None:
    text = "The pier closed in May (https://harborledger.example/2024/06/council-votes-to-rebuild-the-pier/)."
    assert _resolved(text, PIER, VOTE) == [VOTE.id]


def test_a_link_is_the_document_its_path_names_on_the_same_host() -> None:
    text = "The pier closed in May (https://harborledger.example/news/orlo-pier-closes-after-storm-damage?src=feed)."
    assert _resolved(text, PIER, VOTE) == [PIER.id]


def test_a_link_to_another_page_of_a_host_is_no_document_of_the_case() -> None:
    text = "Ferries were late too (https://harborledger.example/2024/07/ferry-timetable-changes)."
    assert _resolved(text, PIER) == [None]
