"""Attributed claims: each pattern, straight and curly quotes, claimant resolution."""

from __future__ import annotations

import hashlib

import pytest

from timeline_graph.extract.claims import VERSION, find_claims
from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Claim, Document, TimeValue


def claims_of(text: str) -> tuple[Document, tuple[Claim, ...]]:
    doc = Document.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        source="t.txt",
        published=TimeValue.from_edtf("2022-05-04"),
    )
    return doc, find_claims(doc, find_entities(doc))


@pytest.mark.parametrize(
    ("text", "name", "verb", "quote", "proposition"),
    [
        (
            '"The pumps are safe," Mayor Ines Duarte said.',
            "Mayor Ines Duarte",
            "said",
            "The pumps are safe",
            "The pumps are safe",
        ),
        (
            "“The pumps are safe,” said Mayor Ines Duarte.",
            "Mayor Ines Duarte",
            "said",
            "The pumps are safe",
            "The pumps are safe",
        ),
        (
            "Mayor Ines Duarte said that the pumps were safe.",
            "Mayor Ines Duarte",
            "said",
            None,
            "the pumps were safe",
        ),
        (
            "Mayor Ines Duarte told the Coast Courier that the pumps were safe.",
            "Mayor Ines Duarte",
            "told",
            None,
            "the pumps were safe",
        ),
        (
            "Mayor Ines Duarte says the pumps are safe.",
            "Mayor Ines Duarte",
            "says",
            None,
            "the pumps are safe",
        ),
        (
            "The pumps are safe, Mayor Ines Duarte said in a statement.",
            "Mayor Ines Duarte",
            "said",
            None,
            "The pumps are safe",
        ),
        (
            "According to Mayor Ines Duarte, the pumps are safe.",
            "Mayor Ines Duarte",
            "according to",
            None,
            "the pumps are safe",
        ),
        (
            "The pumps are safe, according to Mayor Ines Duarte.",
            "Mayor Ines Duarte",
            "according to",
            None,
            "The pumps are safe",
        ),
    ],
)
def test_patterns(text: str, name: str, verb: str, quote: str | None, proposition: str) -> None:
    doc, found = claims_of(text)
    (claim,) = found
    assert claim.claimant_name == name
    assert claim.verb == verb
    assert claim.quote == quote
    assert claim.text == proposition
    assert claim.claimant is not None  # resolved to the person entity
    # the span is the content, the exact words attributed; the passage covers source and cue too
    assert claim.span.exact == doc.text[claim.span.start : claim.span.end] == proposition
    passage = doc.text[claim.passage[0] : claim.passage[1]]
    assert name in passage and proposition in passage
    assert claim.cue is not None and claim.cue.exact.casefold() == verb
    assert claim.source is not None and claim.source.exact == name
    assert claim.reported == doc.published
    assert claim.extractor == f"claims@{VERSION}"
    assert claim.cluster is None


def test_statement_to_an_outlet_with_curly_quote() -> None:
    text = (
        "The Harbor Authority (HA) approved the plan. In a statement to the Coast Courier, "
        "the HA said it is “fully committed to open records.”"
    )
    _, found = claims_of(text)
    (claim,) = found
    assert claim.claimant_name == "the HA"
    assert claim.quote == "fully committed to open records."
    assert claim.text.startswith("it is “fully committed")


def test_unresolved_claimant_keeps_its_words() -> None:
    _, found = claims_of('A port spokesman said the cranes were "never at risk."')
    (claim,) = found
    assert claim.claimant is None
    assert claim.claimant_name == "A port spokesman"
    assert claim.quote == "never at risk."


def test_organization_speaks_through_a_spokesperson_and_quotes_continue() -> None:
    text = (
        "The Harbor Authority said nothing at first.\n\n"
        "“We act in good faith,” a Harbor Authority spokesperson said. “Every record is kept.”"
    )
    _, found = claims_of(text)
    # a quotation continuing after the cue's sentence is more content of the same claim
    assert found[1].quote == "We act in good faith … Every record is kept."
    assert [p.exact for p in found[1].content] == ["We act in good faith", "Every record is kept."]
    assert found[1].claimant == found[0].claimant is not None


def test_passives_and_plain_reporting_are_not_claims() -> None:
    _, found = claims_of("It was reported on Friday. The Daily Ledger reported on the vote.")
    assert found == ()


def test_according_to_a_source_described_after_a_comma() -> None:
    text = (
        "The plan alarmed fishermen, according to the Coast Courier, which bills itself as "
        "“the voice of the bay.”"
    )
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="c.txt")
    (claim,) = find_claims(doc, ())
    assert claim.claimant_name == "the Coast Courier" and claim.verb == "according to"
    assert claim.text == "The plan alarmed fishermen"


def test_a_document_that_reads() -> None:
    text = "The memo, signed by Mayor Ana Ruiz, read, “The pier closes on Friday.”"
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="m.txt")
    (claim,) = find_claims(doc, ())
    assert claim.quote == "The pier closes on Friday." and claim.verb == "read"
    assert claim.claimant_name == "The memo"


def test_speaker_with_an_appositive_before_said() -> None:
    text = "Councilmember Luis Ortega, who chairs the transport committee, said the board had not shared its study."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="o.txt")
    (claim,) = find_claims(doc, ())
    assert claim.claimant_name is not None and "Luis Ortega" in claim.claimant_name
    assert claim.text.startswith("the board had not shared")


def test_a_claim_is_about_the_names_in_what_was_said() -> None:
    from timeline_graph.extract.entities import find_entities

    text = "Mayor Ana Ruiz said the Harbor Water Board had raised fares twice."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="f.txt")
    found = find_entities(doc)
    (claim,) = find_claims(doc, found)
    board = next(e for e in found if e.name == "Harbor Water Board")
    assert claim.about == (board.id,)


def test_the_spokesman_and_the_company_are_who_the_text_named_before() -> None:
    from timeline_graph.extract.entities import find_entities

    text = (
        "A Harbor Water Board spokesman said fares were fair. “We listened,” the spokesman added.\n\n"
        "The Acme Ferry Company runs the boats. Requests must be written, the company said in a statement."
    )
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="s.txt")
    found = find_entities(doc)
    by_name = {e.name: e.id for e in found}
    claims = find_claims(doc, found)
    assert [c.claimant for c in claims] == [by_name["Harbor Water Board"]] * 2 + [by_name["Acme Ferry Company"]]
    assert "US states" not in " ".join(c.claimant_name or "" for c in claims)


def test_two_entities_mentioned_at_one_place_do_not_break_extraction() -> None:
    from timeline_graph.extract.quantities import find_quantities
    from timeline_graph.model import Entity, Span

    text = "Acme Ferries said over 400 harbor towns signed up."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    both = [
        Entity(id=Entity.id_for("organization", n), kind="organization", name=n, mentions=(Span.find(doc, "Acme Ferries"),))
        for n in ("Acme Ferries", "Acme")
    ]
    assert find_claims(doc, both) and find_quantities(doc, (), both)


# ---------------------------------------------------------------------------------------------
# The parts of an attribution (issue 13): cue, content, source, unnamed, nesting


def test_a_claim_reported_inside_another_is_nested_under_it() -> None:
    text = "Senator Mara Quill said that the mayor told her the vote would be delayed."
    _, found = claims_of(text)
    outer, inner = sorted(found, key=lambda c: c.cue.start if c.cue else 0)
    assert outer.claimant_name == "Senator Mara Quill" and outer.parent is None
    assert inner.parent == outer.id
    assert inner.cue is not None and inner.cue.exact == "told"
    assert inner.source is not None and inner.source.exact == "the mayor"
    assert inner.span.exact == "the vote would be delayed"  # not "her", whom it was told to
    assert outer.span.start <= inner.cue.start < outer.span.end


def test_an_unnamed_source_keeps_its_words_and_is_marked() -> None:
    _, (claim,) = claims_of("Two officials said the bridge would reopen in May.")
    assert claim.unnamed and claim.claimant is None
    assert claim.claimant_name == "Two officials"
    assert claim.source is not None and claim.source.exact == "Two officials"
    assert claim.span.exact == "the bridge would reopen in May"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The campaign hopes to raise ten million dollars by June.", "hopes", "to raise ten million dollars by June"),
        ("The union expects to sign the contract next week.", "expects", "to sign the contract next week"),
    ],
)
def test_a_reported_intention_is_a_claim(text: str, cue: str, content: str) -> None:
    _, (claim,) = claims_of(text)
    assert claim.cue is not None and claim.cue.exact == cue
    assert claim.span.exact == content
    assert claim.source is not None and claim.source.exact == text.split(" " + cue)[0]


def test_a_quotation_split_by_its_cue_has_two_content_parts() -> None:
    text = "“The tunnel is safe,” Commissioner Tomas Reyes said, “and it will stay open all winter.”"
    _, (claim,) = claims_of(text)
    assert [p.exact for p in claim.content] == ["The tunnel is safe", "and it will stay open all winter."]
    assert claim.span.start == claim.content[0].start and claim.span.end == claim.content[1].end
    assert claim.cue is not None and claim.cue.exact == "said"
    assert claim.source is not None and claim.source.exact == "Commissioner Tomas Reyes"
    assert claim.claimant is not None and claim.quote == "The tunnel is safe … and it will stay open all winter."


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The harbor will close for repairs next week, according to the Port Authority.", "according to"),
        ("According to the Port Authority, the harbor will close for repairs next week.", "According to"),
        ("The harbor will close for repairs next week, as reported by the Port Authority.", "as reported by"),
    ],
)
def test_according_to_a_source(text: str, cue: str) -> None:
    doc, (claim,) = claims_of(text)
    assert claim.cue is not None and claim.cue.exact == cue
    assert claim.source is not None and claim.source.exact == "the Port Authority"
    assert claim.span.exact.casefold() == "the harbor will close for repairs next week"
    authority = next(e for e in find_entities(doc) if e.name == "Port Authority")
    assert claim.claimant == authority.id


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("The ferry schedule will change in spring, the Coast Courier reported Tuesday.", "the Coast Courier",
         "The ferry schedule will change in spring"),
        ("Fares will rise again in April, says harbor advocate Lena Ortiz.", "harbor advocate Lena Ortiz",
         "Fares will rise again in April"),
        ("“Nobody asked us,” a neighbor said in an email.", "a neighbor", "Nobody asked us"),
    ],
)
def test_an_attribution_after_what_was_said(text: str, source: str, content: str) -> None:
    _, (claim,) = claims_of(text)
    assert claim.source is not None and claim.source.exact == source
    assert claim.span.exact == content


def test_where_the_parse_finds_no_claim_the_word_patterns_read_the_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_graph.extract import claims

    monkeypatch.setattr(claims, "verb_cue", lambda parse, token: None)
    monkeypatch.setattr(claims, "according_cue", lambda parse, token: None)
    monkeypatch.setattr(claims, "quote_cues", lambda parse, regions: [])
    text = "“The pier stays shut,” Mayor Ines Duarte said. “Nobody fishes there.”"
    _, found = claims_of(text)
    first, second = found
    assert first.cue is not None and first.cue.exact == "said"
    assert first.source is not None and first.source.exact == "Mayor Ines Duarte"
    assert [p.exact for p in first.content] == ["The pier stays shut"] and first.span == first.content[0]
    assert first.quote == "The pier stays shut" and first.claimant is not None
    # a quotation standing alone after it continues it: same claimant, no cue of its own
    assert second.cue is None and second.claimant == first.claimant and second.span.exact == "Nobody fishes there."


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("''The tide is late this year,'' said Wren Osei, who runs the ferry.", "said", "Wren Osei",
         ["The tide is late this year"]),
        ("“Nobody sleeps here,” Dara Quint, the night nurse at the clinic on the hill, said when asked.", "said",
         "Dara Quint", ["Nobody sleeps here"]),
        ("“The bridge is our best hope,” the engineer continued. “The ferry will not last.”", "continued",
         "the engineer", ["The bridge is our best hope", "The ferry will not last."]),
        ("He went on, “We never lost a single crate.”", "went on", "He", ["We never lost a single crate."]),
        ("OSEI: The ferry runs twice a day from now on.", ":", "OSEI", ["The ferry runs twice a day from now on"]),
    ],
)
def test_a_quotation_is_what_the_speaker_beside_it_said(text: str, cue: str, source: str, content: list[str]) -> None:
    _, found = claims_of(text)
    claim = next(c for c in found if c.cue is not None and c.cue.exact == cue)
    assert claim.source is not None and claim.source.exact == source
    assert [p.exact for p in claim.content] == content


def test_a_cue_inside_a_quotation_does_not_stop_the_next_one_continuing_it() -> None:
    text = "“We lost the vote,” said Ines Tal. “Now many of us say it was fair. The rest will agree.”"
    _, found = claims_of(text)
    assert [[p.exact for p in c.content] for c in found] == [
        ["We lost the vote", "Now many of us say it was fair. The rest will agree."]
    ]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The old ferry is expected to stop running next spring.", "is expected",
         ["The old ferry", "to stop running next spring"]),
        ("Ruiz urged the council to vote against the harbor plan.", "urged", ["the council to vote against the harbor plan"]),
    ],
)
def test_a_wish_or_expectation_with_its_infinitive_is_a_claim(text: str, cue: str, content: list[str]) -> None:
    _, found = claims_of(text)
    claim = next(c for c in found if c.cue is not None and c.cue.exact == cue)
    assert [p.exact for p in claim.content] == content



def test_a_date_opening_the_sentence_is_neither_the_source_nor_what_was_said() -> None:
    _, found = claims_of("In May 2013, the agency told the paper that no records were found.")
    claim = next(c for c in found if c.cue is not None and c.cue.exact == "told")
    assert claim.source is not None and claim.source.exact == "the agency"
    assert claim.span.exact == "no records were found"



def test_a_quotation_after_the_attribution_continues_it_when_the_parse_makes_one_sentence_of_both() -> None:
    text = "''The dam will hold,'' Mr. Okafor said. ''But the road will flood again, because the river is high.''"
    _, found = claims_of(text)
    claim = next(c for c in found if c.cue is not None and c.cue.exact == "said")
    assert [p.exact for p in claim.content] == [
        "The dam will hold", "But the road will flood again, because the river is high."
    ]


def test_a_speaker_left_as_a_pronoun_is_the_person_last_named_as_a_subject() -> None:
    text = ("Maria Lopez ran the ferry for thirty years before the river silted up. "
            "The boats stopped in May. “Nobody wanted to believe it,” she said.")
    doc, found = claims_of(text)
    claim = next(c for c in found if c.cue is not None and c.cue.exact == "said")
    lopez = next(e for e in find_entities(doc) if e.name == "Maria Lopez")
    assert claim.claimant == lopez.id and claim.claimant_name == "Maria Lopez"


def test_i_in_a_speakers_words_is_that_speaker() -> None:
    _, found = claims_of("BRANDT: I told the council the river will win this year.")
    inner = next(c for c in found if c.cue is not None and c.cue.exact == "told")
    assert inner.parent is not None and inner.claimant_name == "BRANDT"


def test_a_wish_or_belief_within_someones_words_stays_in_them() -> None:
    _, found = claims_of("The mayor said the harbor board wants to raise the fares again.")
    assert [c.cue.exact for c in found if c.cue is not None] == ["said"]
    assert found[0].span.exact == "the harbor board wants to raise the fares again"


@pytest.mark.parametrize(
    "text",
    [
        "Under the deal, inspectors can ask for the logbooks of any boat in the harbor.",
        "Most of the old ferries need no permit to dock at the pier.",
    ],
)
def test_a_plea_that_was_not_made_is_not_a_claim(text: str) -> None:
    _, found = claims_of(text)
    assert [c.cue.exact for c in found if c.cue is not None] == []


def test_a_passive_has_no_source_but_its_agent() -> None:
    _, found = claims_of("Last year residents were asked to register their boats, and few did.")
    claim = next(c for c in found if c.cue is not None and c.cue.exact == "were asked")
    assert claim.source is None and claim.claimant_name is None


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The harbor master expressed concern that the river would flood.", "concern", "The harbor master",
         "the river would flood"),
        ("The fishermen have made the case that the quota is too low.", "case", "The fishermen", "the quota is too low"),
    ],
)
def test_a_noun_of_saying_or_fearing_with_its_clause_is_a_claim(text: str, cue: str, source: str, content: str) -> None:
    _, found = claims_of(text)
    claim = next(c for c in found if c.cue is not None and c.cue.exact == cue)
    assert claim.source is not None and claim.source.exact == source
    assert claim.span.exact == content


def test_a_time_phrase_opening_the_sentence_is_not_the_speaker() -> None:
    text = "Last week, ministry spokeswoman Hua Lin said her country was watching the race closely."
    _, found = claims_of(text)
    claim = next(c for c in found if c.cue is not None and c.cue.exact == "said")
    assert claim.source is not None and claim.source.exact == "ministry spokeswoman Hua Lin"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Lopez seemed ready to joke about the storm, telling the crowd, “Some people get a little wet, have you noticed?”",
         "telling", "Lopez"),
        ("The harbor master told reporters, “The ferry is safe.”", "told", "The harbor master"),
    ],
)
def test_a_quotation_after_a_verb_and_its_object_is_the_speakers(text: str, cue: str, source: str) -> None:
    _, found = claims_of(text)
    claim = next(c for c in found if c.cue is not None and c.cue.exact == cue)
    assert claim.source is not None and claim.source.exact == source
    assert claim.quote is not None and claim.span.exact == claim.quote


def test_what_a_poll_shows_is_its_claim() -> None:
    _, found = claims_of("A new poll showed Reyes with a 16-point lead over her rival.")
    claim = next(c for c in found if c.cue is not None and c.cue.exact == "showed")
    assert claim.source is not None and claim.source.exact == "A new poll"
    assert claim.span.exact == "Reyes with a 16-point lead over her rival"


def test_a_source_described_between_commas_after_the_content_speaks_not_the_phrase_after_the_verb() -> None:
    _, found = claims_of("The ferry will run late, Ruth Abbey, the harbour master, said in a statement.")
    assert [(c.claimant_name, c.text) for c in found] == [("Ruth Abbey", "The ferry will run late")]


def test_the_word_joining_a_source_to_its_clause_is_not_its_name() -> None:
    _, found = claims_of("The vote was close, with most fishermen backing the quota.")
    assert [c.claimant_name for c in found] == ["most fishermen"]


@pytest.mark.parametrize("text", ["The harbor master has pushed for months.", "Lowe wrote recently."])
def test_a_content_of_one_word_that_says_nothing_is_no_claim(text: str) -> None:
    _, claims = claims_of(text)
    assert claims == ()


def test_a_relative_clause_after_the_speaker_is_not_its_name() -> None:
    _, found = claims_of("Officials who asked for anonymity said the new pier is safe.")
    assert [c.claimant_name for c in found if c.verb == "said"] == ["Officials"]


def test_according_to_set_into_a_clause_credits_that_clause_only() -> None:
    _doc, claims = claims_of("He crossed the border decades ago after, according to him, the network censured his first report.")
    (claim,) = [c for c in claims if c.cue is not None and c.cue.exact == "according to"]
    assert claim.span.exact == "the network censured his first report"


def test_a_contrast_after_according_to_is_the_writers() -> None:
    _doc, claims = claims_of("The mayor leads the race by nine points, according to a count by the paper, but the challenger has more money.")
    (claim,) = [c for c in claims if c.cue is not None and c.cue.exact == "according to"]
    assert claim.span.exact == "The mayor leads the race by nine points"


def test_according_to_within_someones_words_is_a_report_of_speech_and_stays() -> None:
    # like "told" within "said": "according to" names a source of what is reported, not a belief
    text = "Mayor Ann Lowe said ferry fares rose by a third last year, according to a harbor survey."
    _, found = claims_of(text)
    according = [c for c in found if c.verb == "according to"]
    assert [(c.claimant_name, c.span.exact) for c in according] == [
        ("a harbor survey", "Mayor Ann Lowe said ferry fares rose by a third last year")]
