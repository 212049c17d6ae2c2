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


@pytest.mark.parametrize(
    ("text", "label", "exact"),
    [
        ("Data from the Census Bureau shows the town grew.", "Census Bureau", "Data from the Census Bureau"),
        ("The Tide Gazette's analysis of the records found 40 complaints.", "Tide Gazette",
         "The Tide Gazette's analysis"),
        ("Water use fell, according to documents obtained by the Coast Courier.", "Coast Courier",
         "according to documents obtained by the Coast Courier"),
        ("Bay Radio, citing two aides, said the mayor would resign.", "Bay Radio", "Bay Radio, citing"),
        ("The plan was first reported by the Coast Courier. Residents objected.", "Coast Courier",
         "first reported by the Coast Courier"),
        ("She said in a statement to Bay Radio that the plant would close.", "Bay Radio", "in a statement to Bay Radio"),
    ],
)
def test_sources_read_from_the_parse(text: str, label: str, exact: str) -> None:
    doc, found = citations_of(text)
    assert [(c.cites_label, c.span.exact) for c in found] == [(label, exact)]
    assert all(doc.text[c.span.start : c.span.end] == c.span.exact for c in found)


def test_a_described_work_is_cited_by_its_words_and_a_bare_one_is_not() -> None:
    _, found = citations_of("The levee failed in May, according to state court documents.")
    assert [(c.cites_label, c.cites_entity) for c in found] == [("state court documents", None)]
    assert citations_of("The levee failed in May, according to a study.")[1] == ()


@pytest.mark.parametrize("text", [
    "Mayor Ana Ortiz has broken her promise on rents.",
    "Democrats cited polls showing the plan was unpopular.",
    "Ana Ortiz's statements angered the council.",
])
def test_words_that_only_look_like_sourcing_are_not_citations(text: str) -> None:
    assert citations_of(text)[1] == ()


@pytest.mark.parametrize(
    ("text", "label", "inside"),
    [
        # an outlet's own words: its name is made like an outlet's, or a noun beside it says so
        ("The harbor would close in June, said the Pell Valley News.", "Pell Valley News", "said"),
        ("The weekly magazine Brightwater describes the vote as a turning point.", "Brightwater", "describes"),
        # the words went through a named medium, or to an outlet named by its kind
        ("Speaking to reporters, Tomas Ferrand said the plant would stay open, and he later stated to the "
         "Orchard Herald that it would.", "Orchard Herald", "stated"),
        ("In remarks to Varo television, fire chief Lena Quist said the blaze was out.", "Varo",
         "remarks to Varo"),
        ("Writing in a blog post, Edda Marsh said the museum had lost its funding.", "Edda Marsh", "blog post"),
        ("Discussing the merger in a statement, Corvel Industries said it expects approval.", "Corvel Industries",
         "statement"),
        # works with no author, as the subject of a verb of finding or saying
        ("A recent poll found that most residents oppose the toll.", "recent poll", "poll"),
        ("Results of a survey by the lake trust showed fewer anglers than before.", "Results of a survey",
         "Results"),
        ("Tove Lund admitted it, writing in a forum post that the servers were down.", "a forum post", "post"),
        # "quoting" an agency; "published in" a journal
        ("According to Halden Radio, quoting the state news agency Norvik Press, the border was closed.",
         "Norvik Press", "quoting"),
        ("The study was published in the journal Coastal Ecology Letters on Monday.", "Coastal Ecology Letters",
         "published"),
        # words given on a channel or in a publication; a person's statement that says what follows
        ("Lina Ortega said on Bay Radio that the road was closed.", "Bay Radio", "said"),
        ("Lina Ortega wrote in the Harbor Times that the road was closed.", "Harbor Times", "wrote"),
        ('Cornel Baptiste\'s statement added: "We will rebuild."', "Cornel Baptiste", "statement"),
        ("The Harbor Gazette observed that rents rose by a third.", "Harbor Gazette", "observed"),
        ("The council hid the repair bill for a year, newly released emails show.", "released emails", "emails"),
        ("Figures to be released on Monday show that ferry fares doubled.", "Figures", "Figures"),
        ('The ministry letter reads "all permits are suspended" in its first line.', "letter", "letter"),
        ("The Lakeside Ledger cited two engineers who saw the cracks.", "Lakeside Ledger", "cited"),
        ("In an article for the Harbor Times, Ana Ruiz reported that rents rose.", "Harbor Times", "article"),
    ],
)
def test_further_sources(text: str, label: str, inside: str) -> None:
    doc, found = citations_of(text)
    hits = [c for c in found if label in c.cites_label and inside in c.span.exact]
    assert hits, [(c.cites_label, c.span.exact) for c in found]
    assert all(doc.text[c.span.start : c.span.end] == c.span.exact for c in found)


@pytest.mark.parametrize("text", [
    "The ministry said the border would stay open.",  # an organization that is no outlet makes a claim
    "Ines Moreau told Pavel Brandt the harbor would close.",  # telling a person passes nothing on
    "According to Ines Moreau, the harbor will close.",  # a person alone is a claimant
    "The harbor was described in London as unsafe.",  # no publication is named
    "The regional agency Corvane said the river was clean.",  # an agency, no outlet
    "The Post Office said deliveries would resume.",  # "Post" is no outlet's last word here
    "His statement added to the confusion.",  # the statement says nothing that follows
    "Lina Ortega said on Monday that the road was closed.",  # a day, no channel
    "Lina Ortega said in Congress that the road was closed.",  # a place of speaking, no publication
    "According to the Varian team's coach, Oskar Lind, the robot scored twice.",  # a person, however described
    "Visits doubled in 2019, according to curator Vahl.",  # a title says it is a person, whatever the name
])
def test_claims_are_not_citations(text: str) -> None:
    assert citations_of(text)[1] == ()


def test_in_an_interview_with_a_named_outlet_cites_the_outlet_once() -> None:
    _, found = citations_of("In an interview, Chief Rosa Venn told the Granite Times that patrols would grow.")
    assert [c.cites_label for c in found] == ["Granite Times"]


def test_a_body_told_is_an_audience_and_an_outlet_told_a_source() -> None:
    _, found = citations_of("The Harbor Police Department said on Monday that the pier was closed. "
                            "Lena Ostrow told the Harbor Police Department that she saw the fire.")
    assert found == ()
    _, found = citations_of("In a statement to the Harbor Police Department, the Orlo Port Authority said the pier was safe.")
    assert found == ()
    _, found = citations_of("Lena Ostrow told the Harbor Ledger that she saw the fire.")
    assert [c.cites_label for c in found] == ["Harbor Ledger"]
    _, found = citations_of("In a statement to the Tide Foundation, the Orlo Port Authority said the pier was safe.")
    assert [c.cites_label for c in found] == ["Tide Foundation"]  # a group that publishes may pass the words on


def test_an_organization_publishing_correspondence_is_cited() -> None:
    _, found = citations_of("The Tide Foundation is a group in Orlo. "
                            "The Tide Foundation published a batch of redacted correspondence between the mayor and a builder.")
    assert [(c.kind, c.cites_label) for c in found] == [("reported-by", "Tide Foundation")]


def test_a_name_broken_across_lines_is_the_entity_named_elsewhere() -> None:
    from dataclasses import replace

    text = "The Harbor Ledger covered the vote.\n\nThe\nHarbor Ledger reported that nine residents sent videos."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    ledger = next(e for e in find_entities(doc) if e.name.endswith("Harbor Ledger"))
    first = replace(ledger, mentions=ledger.mentions[:1])  # the entity reader missed the broken name
    found = [c for c in find_citations(doc, [first]) if c.span.start > text.index("\n\n")]
    assert [(c.cites_label, c.cites_entity) for c in found] == [(ledger.name, ledger.id)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("In the latest Harbor Ledger poll, conducted in May, Ruiz led Lowe 47 percent to 39.", "Harbor Ledger"),
        ("In the new census, the town of Orlo has lost a third of its people.", "new census"),
        ("Most voters in Orlo backed the plan in the survey released last week.", "survey"),
    ],
)
def test_a_clause_framed_by_a_work_of_findings_cites_it(text: str, label: str) -> None:
    assert label in [c.cites_label for c in citations_of(text)[1]]


@pytest.mark.parametrize("text", ["Ruiz has been leading in the polls for weeks.", "The pier closed in a study of the rules."])
def test_polling_at_large_is_no_work_cited(text: str) -> None:
    assert citations_of(text)[1] == ()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sen. Ann Lowe told a Harbor Ledger reporter on Monday that she would run.", "Harbor Ledger"),
        ("Later, Lowe told Ivo Brandt of Bay Radio News, \"We will win.\"", "Bay Radio News"),
        ("\"We must be careful,\" Lowe told Bay Radio host Ivo Brandt earlier this month.", "Bay Radio"),
        ("Lowe told Ivo Brandt, a Bay Radio host, that she would run.", "Bay Radio"),
        ("The witness said the order was to \"avoid a fuss,\" according to the report.", "report"),
        ("Shortly after, Senator Ann Lowe issued a statement saying that the vote should wait.", "a statement"),
        ("The campaign put out a statement: \"We won.\"", "a statement"),
        ("Some 55 percent of voters trust Ruiz, according to a Quinnipiac poll conducted in February.", "Quinnipiac"),
        ("\"He hates them,\" Lowe said, according to a transcript of the show.", "a transcript of the show"),
    ],
)
def test_journalists_told_statements_issued_and_described_works_are_cited(text: str, label: str) -> None:
    assert any(c.cites_label.endswith(label) for c in citations_of(text)[1])


@pytest.mark.parametrize("text", [
    "Lowe told Ana Ruiz of the Orlo Trust that she was leaving.",  # a person of a group that is no outlet
    "Lowe told reporters that she was leaving.",  # reporters of no outlet named
    "The council issued a statement.",  # nothing it says is given
    "Ruiz released a video of the storm.",
])
def test_audiences_and_bare_statements_are_not_citations(text: str) -> None:
    assert citations_of(text)[1] == ()


def test_polls_at_large_by_place_are_no_work() -> None:
    assert citations_of("Cruz, leading narrowly in Iowa polls, questioned Lowe.")[1] == ()


@pytest.mark.parametrize("text", [
    "In the final analysis, every one of us cared about the good of the town.",  # a turn of phrase
    "She raised money for To Write Love On Her Arms, which helps people in Orlo.",  # a name, no medium
])
def test_turns_of_phrase_and_names_are_no_works_or_media(text: str) -> None:
    assert citations_of(text)[1] == ()


def test_a_reason_cited_is_no_source_and_a_work_cited_is() -> None:
    assert citations_of("\"This will not be a tough race,\" he said, citing Lowe's blue-collar appeal.")[1] == ()
    assert [c.cites_label for c in citations_of("Ruiz, citing a Harbor Ledger report, said the pier was closed.")[1]] == [
        "Harbor Ledger"]


@pytest.mark.parametrize("text", [
    "Vance told a TV interviewer that she felt tired.",  # "TV" names no outlet
    "\"The problems identified in this report are serious,\" Lowe said.",  # the speaker's own report
    "The biases shown in the report should not be read as a verdict.",  # no clause framed by the report
])
def test_no_outlet_or_framing_work_is_read_into_these(text: str) -> None:
    assert citations_of(text)[1] == ()


def test_a_person_named_like_an_outlet_and_a_reporting_credit_are_no_sources() -> None:
    _, found = citations_of("\"We made mistakes,\" said Orlo Mayor Don Guardian on Monday. \"It is a story,\" Guardian said.")
    assert [c for c in found if c.kind == "reported-by"] == []
    assert citations_of("It was a good year, he said.\n\n--additional reporting by Linh Tat.")[1] == ()


def test_first_reported_by_a_reporter_cites_her_outlet() -> None:
    text = "The letter, which was first reported last week by the Harbor Times' Ann Lowe, was signed by ten mayors."
    assert [c.cites_label for c in citations_of(text)[1]] == ["Harbor Times"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("A Field Poll of the race in May put his support among likely voters at 5 percent.", "Field Poll"),
        ("Late Sunday, Ruiz won the primary in Orlo, according to early returns.", "early returns"),
    ],
)
def test_a_work_by_its_name_and_election_returns_are_cited(text: str, label: str) -> None:
    assert label in [c.cites_label for c in citations_of(text)[1]]


@pytest.mark.parametrize("text", [
    "Neither company would comment on those reports.",  # what the words are about, not their medium
    "Analysis shows that lawsuits are one of his tools.",  # a sentence's first word, no name
])
def test_a_topic_and_a_capitalized_common_noun_are_no_sources(text: str) -> None:
    assert citations_of(text)[1] == ()
