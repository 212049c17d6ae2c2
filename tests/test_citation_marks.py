"""Citations written as marks: links, source notes, datelines, author-and-year references,
journal-style bibliography lines; and the sentence constructions news uses to credit a source."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.citation_marks import author_years, links, source_notes
from timeline_graph.extract.citations import find_citations
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Citation, Document


def citations_of(text: str) -> tuple[Citation, ...]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    found = find_citations(doc, find_entities(doc))
    assert all(doc.text[c.span.start : c.span.end] == c.span.exact for c in found)
    return found


@pytest.mark.parametrize(
    ("text", "kind", "label", "inside"),
    [
        # how news credits an outlet or a work
        ("The council hid the bill, according to a report by the Marlow Courier.", "according-to",
         "Marlow Courier", "a report by"),
        ("The deal was first reported by the Fenwick Tribune on Sunday.", "reported-by", "Fenwick Tribune",
         "first reported"),
        ("Senator Alma Pryce told The Fenwick Tribune that she would vote no.", "told", "The Fenwick Tribune",
         "told"),
        ("In an interview with the Marlow Courier, Alma Pryce said she would vote no.", "interview",
         "Marlow Courier", "interview"),
        ("A study published in the Journal of Coastal Policy found that tolls cut traffic.", "reported-by",
         "Journal of Coastal Policy", "published in"),
        ("Ferry use fell by a third, as reported by the Marlow Courier.", "reported-by", "Marlow Courier",
         "as reported"),
        ("The figure, cited by the Marlow Courier, came from a leaked memo.", "reported-by", "Marlow Courier",
         "cited by"),
        ("A spokesman for Corvel Industries told the Fenwick Tribune that the plant would close.", "told",
         "Fenwick Tribune", "told"),
        ('"The port is finished," writes Lena Varga in the Harbor Review.', "according-to", "Harbor Review",
         "writes"),
        ("According to data from the Harbor Authority, ferry use fell.", "according-to", "Harbor Authority",
         "data from"),
        # words passed to an outlet by a verb of saying, or quoted by it
        ("Alma Pryce remarked to the Fenwick Tribune that the vote was close.", "told", "Fenwick Tribune",
         "remarked to"),
        ("He was quoted by the Fenwick Tribune as saying the plant would close.", "reported-by", "Fenwick Tribune",
         "quoted by"),
        # the medium the words came through, whoever heard them
        ("In the video, she stated that the vote was close.", "according-to", "video", "video"),
        ("In an interview with Tomas Brandt, Alma Pryce said she would vote no.", "interview",
         "an interview with Tomas Brandt", "interview"),
        ("Alma Pryce criticized the plan in a 2012 radio interview, saying it would fail.", "interview",
         "Alma Pryce", "radio interview"),
        ("In a 2015 study, Ruiz and colleagues found that tolls cut traffic.", "according-to", "Ruiz", "study"),
        ("The leaked letters hint that the mayor knew.", "according-to", "leaked letters", "letters"),
        # a proper name with "the" is no person, even when no entity is read there
        ("The Lantern reported that the ferry would stop in May.", "reported-by", "Lantern", "reported"),
        ("The Harbor Trust published a set of emails between the mayor and the ferry firm.", "reported-by",
         "Harbor Trust", "published"),
        ("In her Memoir of the Straits, she wrote that the ferry sank twice.", "according-to",
         "her Memoir of the Straits", "Memoir"),
        # a journalist known by the outlet she works for; an appearance on a channel
        ("The ferry will stop, according to the Fenwick Tribune's Ana Ruiz.", "according-to", "Fenwick Tribune",
         "according to"),
        ("The Marlow Courier's Ana Ruiz reported that the ferry would stop.", "reported-by", "Marlow Courier",
         "reported"),
        ("Ana Ruiz told Bay Radio's Morning Desk that the ferry would stop.", "told", "Bay Radio", "told"),
        ("Ana Ruiz said during an appearance on Bay Radio that the ferry would stop.", "told", "Bay Radio",
         "appearance on"),
        ("In an interview with Bay Radio's Tomas Brandt, Alma Pryce said she would vote no.", "interview",
         "Bay Radio", "interview with"),
        # credits read from the words where the parse may stumble
        ("The Harbor Authority's data shows that ferry use fell.", "reported-by", "Harbor Authority", "data shows"),
        ("Data released by the Harbor Authority shows that ferry use fell.", "reported-by", "Harbor Authority",
         "released by"),
        ("Fares doubled, a Fenwick Tribune investigation found.", "reported-by", "Fenwick Tribune", "investigation"),
        ("The ferry will stop, the Fenwick Tribune reports.", "reported-by", "Fenwick Tribune", "reports"),
        ("According to court records reviewed by the Marlow Courier, the ferry lost money.", "reported-by",
         "Marlow Courier", "reviewed by"),
        # marks: links, notes, datelines, posts, references
        ("Rents rose by a fifth last year (https://www.marlowcourier.example/rents-2019).", "link",
         "marlowcourier.example", "https://"),
        ("OSLAND (Reuters) - The border with Varnia was closed on Tuesday.", "dateline", "Reuters", "(Reuters)"),
        ("The mayor resigned on Friday (via the Marlow Courier).", "source-note", "Marlow Courier", "via"),
        ("Visits rose to nine million (source: Tallymark Analytics).", "source-note", "Tallymark Analytics",
         "source:"),
        ("The mayor will resign https://t.co/AbC123 \u2014 Lena Varga (@lenavarga) June 3, 2019", "post",
         "Lena Varga (@lenavarga) (June 3, 2019)", "@lenavarga"),
        ("Tolls cut traffic by a tenth (Kahneman, 2011).", "author-year", "Kahneman (2011)", "2011"),
        ("Tolls cut traffic (Okafor et al., 2019).", "author-year", "Okafor et al. (2019)", "et al."),
        ("Ruiz (2004) found that tolls cut traffic.", "author-year", "Ruiz (2004)", "Ruiz"),
        ("Ben Dahl. \u201cThe Toll Road Paradox.\u201d Harbor Review, 12(3), 44. https://harborreview.example/toll",
         "reference", "Harbor Review: The Toll Road Paradox", "Ben Dahl"),
        ('Dahl, B.; Ruiz, A. (May 2004). "Tolls and ferries". Journal of Coastal Policy. 9 (2): 11\u201320.',
         "reference", "Journal of Coastal Policy: Tolls and ferries (May 2004)", "Dahl"),
    ],
)
def test_constructions_crediting_a_source(text: str, kind: str, label: str, inside: str) -> None:
    found = citations_of(text)
    assert [c for c in found if c.kind == kind and c.cites_label == label and inside in c.span.exact], [
        (c.kind, c.cites_label, c.span.exact) for c in found]


@pytest.mark.parametrize("text", [
    "Alma Pryce said the plan would fail.",  # a person's plain "said" is a claim
    "People were asked to apply online at www.marlowcity.example before May.",  # where to go, no source
    "The ferry was rebuilt (picture credit: Ana Ruiz, https://pics.example/ferry).",  # a picture's credit
    "She starred in Three Sinners (1950) and in Harbor Lights (1954).",  # titles with years, no authors
    "The survey ran from a pilot (June 2007) to the full count.",  # a month is no author
    "Alma Pryce explained to Tomas Brandt that the vote was close.",  # telling a person passes nothing on
    "In her opening remarks, Alma Pryce pointed to the ferry, noting its age.",  # remarks to a room
    "Bay Radio has broadcast footage of the rally.",  # a thing made public, no words passed on
    "Alma Pryce revealed that she would run.",  # a person known by a full name makes a claim
    "For example, analysis of ferry timetables reveals wide gaps.",  # no one work: analysis in general
    "The ferry will stop, the Harbor Authority said.",  # an organization's plain "said" is a claim
    "The ferry will stop, Ana Ruiz reported.",  # a person's report is a claim
    "The ferry will stop, according to a senior Ana Ruiz adviser.",  # the adviser speaks, no work of hers
    "He wrote that the vote was close.\n\nThe mayor said \"We are done.\" Alma Pryce agreed, 2019.",
])
def test_marks_that_credit_nothing(text: str) -> None:
    assert citations_of(text) == ()


def test_mark_readers_alone() -> None:
    assert [m.label for m in links("See the tables (www.tallymark.example/t1) and apply at www.x.example today.")] == [
        "tallymark.example"]
    assert [m.label for m in source_notes("Source: Harbor Authority\n")] == ["Harbor Authority"]
    assert [m.label for m in author_years("as shown (see Dahl 2004; Ruiz and Lind, 2010) and (May 2004)")] == [
        "Dahl (2004)", "Ruiz and Lind (2010)"]


def test_words_heard_by_the_documents_own_outlet_are_no_citation() -> None:
    text = ("Mayor Ana Ruiz told the Harbor Times that the ferry would stop. "
            "The Harbor Times reported in March that fares had doubled.")
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt",
                          publisher="Harbor Times")
    found = find_citations(doc, find_entities(doc))
    assert [c.kind for c in found] == ["reported-by"]  # its own earlier report is still a source
