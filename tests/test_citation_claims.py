"""Citations read off claims: a claim whose source is a news outlet or a described work."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.citations import find_citations
from timeline_graph.extract.claims import find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Citation, Document
from timeline_graph.nlp import parse


def citations_of(text: str, publisher: str | None = None) -> tuple[Citation, ...]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          publisher=publisher)
    parsed = parse(text)
    entities = find_entities(doc, parsed)
    return find_citations(doc, entities, parsed, find_claims(doc, entities, parsed))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a work the claims reader finds speaking, however the sentence is built
        ("Her messages seem to show that she knew of the leak.", "Her messages seem to show"),
        ("The next batch of memos shows that the pump failed twice.", "The next batch of memos shows"),
        ("The e-mail said that the concert at Orlo Hall was canceled.", "The e-mail said"),
        ("\"Vote early,\" the campaign flyer reads.", "the campaign flyer reads"),
        ("\"We welcome everyone,\" the website explains.", "the website explains"),
        # an outlet the claims reader finds, whatever the verb
        ("The Harbor Ledger noted that the pier had closed.", "The Harbor Ledger noted"),
    ],
)
def test_a_claim_whose_source_is_a_work_or_an_outlet_is_a_citation(text: str, words: str) -> None:
    found = citations_of(text)
    assert [text[c.span.start : c.span.end] for c in found] == [words]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lowe said that the pier had closed.",  # a person's plain words: a claim
        "Harbor Press Secretary Ivo Brandt said the pier had closed.",  # a person, whatever the name holds
        "The ministry said that the pier had closed.",  # an organization that is no outlet
        "His memo added to the confusion.",  # nothing passed on
        "Research shows that cats sleep a lot.",  # a kind of work, not one work
        "This story has been updated to note that the pier reopened.",  # the document itself
    ],
)
def test_claims_that_cite_no_work_or_outlet_are_no_citations(text: str) -> None:
    assert citations_of(text) == ()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Top aides acknowledged as much in a Harbor Ledger article on Monday.", "Harbor Ledger"),
        ("But as Ivo Brandt points out in a column on Bay Radio News, the ban helps Lowe.", "Bay Radio News"),
        ("The senator quoted the Harbor Ledger report, which notes that the pier closed.", "Harbor Ledger"),
        ("Friday, he told the Orlo Daily News that Ruiz was wrong.", "Orlo Daily News"),
        ("The fees were \"influence peddling,\" The Harbor Post reported in 1991.", "The Harbor Post"),
    ],
)
def test_the_outlet_a_claim_appeared_in_is_cited(text: str, label: str) -> None:
    assert label in [c.cites_label for c in citations_of(text)]


def test_what_a_work_might_have_said_is_no_citation() -> None:
    assert citations_of("The agency withheld a key email that would have revealed the leak.") == ()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("\"Go Lowe, go!\" the party leader Ivo Brandt wrote on Facebook.", "Facebook"),
        ("\"We have to act,\" the candidate told \"Bay Mornings\" after he was asked about it.", "Bay Mornings"),
        ("In the Harbor Weekly magazine interview in 2019, she conceded that patience was not enough.", "Harbor Weekly"),
        ("Prices will rise, noted a report for Oxfam on Monday.", "a report"),
    ],
)
def test_a_medium_named_or_a_work_credited_to_its_maker_is_cited(text: str, label: str) -> None:
    assert label in [c.cites_label for c in citations_of(text)]


def test_words_written_on_a_day_name_no_medium() -> None:
    assert citations_of("Ann Ruiz wrote on Monday that the pier was safe.") == ()


@pytest.mark.parametrize("text", [
    "Most voters in Orlo going to the polls Tuesday say they are happy.",  # a phrase with a preposition
    "The ad praises Lowe, and like the group's other ads, does not mention the pier.",  # a comparison
])
def test_a_prepositional_phrase_is_no_source(text: str) -> None:
    assert [c for c in citations_of(text) if "polls" in c.cites_label or "other ads" in c.cites_label] == []


def test_figures_are_a_work_when_they_show_and_people_when_they_declare() -> None:
    assert citations_of("With fewer people in the race, some party figures declared that Lowe was unstoppable.") == ()
    assert [c.cites_label for c in citations_of("The latest figures suggest that Orlo shrank.")] == ["latest figures"]
