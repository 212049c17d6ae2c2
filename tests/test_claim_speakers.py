"""Who speaks when the parse hangs the cue or its subject oddly: a participle set after its
clause, a time taken for a subject, a time after the verb."""

from __future__ import annotations

from tests.conftest import claims_of
from timeline_graph import nlp
from timeline_graph.extract.claim_sources import inverted_source


def test_a_participle_after_its_clause_speaks_for_that_clauses_subject() -> None:
    found = claims_of("Mayor Ann Lowe has tried to look tough, painting her rivals as weak and suggesting that "
                      "she would close the pier.")
    (claim,) = [c for c in found if c.verb == "suggesting"]
    assert claim.claimant_name == "Mayor Ann Lowe"
    assert claim.text == "she would close the pier"


def test_a_time_the_parse_took_for_a_second_subject_is_not_the_speaker() -> None:
    (claim,) = claims_of("Ana Ruiz, the harbor chair, this past week announced the closing of the pier.")
    assert claim.claimant_name == "Ana Ruiz"


def test_a_time_after_the_verb_is_not_who_spoke() -> None:
    text = "“The pier is safe,” Lowe said last month."
    parse = nlp.parse(text)
    (verb,) = [t for t in parse.tokens if t.text == "said"]
    source, who = inverted_source(parse, verb)
    assert who is None and source is None


def test_a_participle_after_a_perfect_verb_speaks_for_its_subject() -> None:
    found = claims_of("Mayor Ann Lowe has praised the harbor vote as “historic,” telling reporters on Friday that she "
                      "thinks the pier is “a great asset.”")
    (claim,) = [c for c in found if c.verb == "telling"]
    assert claim.claimant_name == "Mayor Ann Lowe"


def test_an_opening_participle_the_parse_made_the_root_is_said_by_the_clause_after_it() -> None:
    found = claims_of("Noting that both Lowe and Ruiz battled fierce opposition from the harbor board, Tess Marlow put "
                      "her finger on one facet of the race that, to her, recalls the old days.")
    (claim,) = [c for c in found if c.verb == "noting"]
    assert claim.claimant_name == "Tess Marlow"


def test_a_speaker_the_parse_made_the_root_speaks_for_the_verb_hung_on_it() -> None:
    (claim,) = claims_of("Executives for Harbor Foods, which earned more than $3 million last year, say the company "
                         "will save $46,000 a year with the cuts.")
    assert claim.claimant_name == "Executives for Harbor Foods"


def test_a_time_the_parse_took_for_the_only_subject_is_not_the_speaker() -> None:
    (claim,) = claims_of("Ruiz, who has been feuding with harbor leaders this week, on Friday described his plan to "
                         "build a “big tent” harbor party.")
    assert claim.claimant_name == "Ruiz"


def test_a_second_clause_set_beside_the_first_speaks_for_its_subject() -> None:
    found = claims_of("The Gazette columnist Ruth Marlow has long mocked Mr. Ruiz but last week wrote that she "
                      "now sides with him on the question of the pier.")
    (claim,) = [c for c in found if c.verb == "wrote"]
    assert claim.claimant_name == "The Gazette columnist Ruth Marlow"
