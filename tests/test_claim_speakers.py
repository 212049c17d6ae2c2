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
