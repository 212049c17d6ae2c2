"""A verb of saying or thinking followed by "that" and a clause the parse did not link to it."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of
from timeline_graph import nlp
from timeline_graph.extract.claim_parse import mended
from timeline_graph.extract.claim_unlinked import that_clause_cue


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # the tagger reads the verb as a noun: its subject before it agrees with it
        ("Harbor strategists concede that a loss of that size could sink the ferry plan.", "concede",
         "Harbor strategists", "a loss of that size could sink the ferry plan"),
        ("Ann Lowe estimates that she spent about $40 million on the pier.", "estimates", "Ann Lowe",
         "she spent about $40 million on the pier"),
        ("Pilots point out that of the four runways, none is long enough.", "point out", "Pilots",
         "of the four runways, none is long enough"),
        # a quotation or a gerund opens the clause
        ("The Lowe campaign projects that “a tax of a fraction of a cent” would raise $75 million.", "projects",
         "The Lowe campaign", "a tax of a fraction of a cent” would raise $75 million"),
        ("On her website, she vows that keeping the ferry will be a “top priority.”", "vows", "she",
         "keeping the ferry will be a “top priority."),
        # where it was said stands between the verb and its "that"
        ("Kemal Aydin posted on his blog that the tunnel should close.", "posted", "Kemal Aydin",
         "the tunnel should close"),
    ],
)
def test_a_that_clause_after_a_cue_is_what_was_said(text: str, cue: str, source: str, content: str) -> None:
    (claim,) = claims_of(text)
    assert claim.cue is not None and claim.cue.exact == cue
    assert claim.source is not None and claim.source.exact == source
    assert claim.text == content


@pytest.mark.parametrize(
    "text",
    [
        "Lowe's estimates that were published in May proved wrong.",  # a noun after a possessive
        "The estimates that the board published proved wrong.",  # a noun after a determiner
        "The mayor showed a video that the council posted last week.",  # the object's relative clause
    ],
)
def test_a_noun_or_an_object_with_a_relative_clause_is_no_cue(text: str) -> None:
    parse = mended(nlp.parse(text))
    assert not [t.text for t in parse.tokens if that_clause_cue(parse, t) is not None]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("Okafor concludes: “Nobody sank the ferry. It sank itself.”", "concludes", "Okafor",
         "Nobody sank the ferry. It sank itself."),
        ("Lowe jokes, “The queue never ends!”", "jokes", "Lowe", "The queue never ends!"),
    ],
)
def test_a_quotation_after_a_cue_and_its_colon_or_comma_is_what_was_said(text: str, cue: str, source: str, content: str) -> None:
    (claim,) = claims_of(text)
    assert claim.cue is not None and claim.cue.exact == cue
    assert claim.source is not None and claim.source.exact == source
    assert claim.quote == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Rita Lang articulated her plan for the ferry.", "articulated", "her plan for the ferry"),
        ("Lowe has vouched for the new ferry captain.", "vouched", "the new ferry captain"),
        ("The crowd cheered for the visiting captain.", "cheered", "the visiting captain"),
    ],
)
def test_putting_a_view_into_words_and_vouching_or_cheering_for_someone_are_cues(text: str, cue: str, content: str) -> None:
    (claim,) = claims_of(text)
    assert claim.verb == cue
    assert claim.text == content


def test_the_subject_of_a_passive_cue_is_not_who_said_it() -> None:
    (claim,) = claims_of("The harbour board kept the sum quiet, but it was widely reported that Lowe paid $4 million.")
    assert claim.verb == "reported"
    assert claim.text == "Lowe paid $4 million"
    assert claim.source is None and claim.claimant_name is None


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Council member Rita Lang was the first on the council to weigh in on the vote, tweeting her thanks Friday afternoon.",
         "tweeting", "her thanks Friday afternoon"),
        ("Ann Lowe's husband, Tom, effectively threw the book at Okafor in a speech Sunday, accusing Okafor's aides of "
         "fraud and his campaign of lies.", "accusing", "Okafor's aides of fraud and his campaign of lies"),
    ],
)
def test_a_participle_after_a_comma_says_what_follows_it(text: str, cue: str, content: str) -> None:
    (claim,) = [c for c in claims_of(text) if c.verb == cue]
    assert claim.text == content
