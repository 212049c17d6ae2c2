"""Acts the parse hides: a clitic "had", a gesture, coordinated and hyphenated verbs, a verb
hung inside its subject's apposition, a pronoun of a clause whose head has a subject nearer."""

from __future__ import annotations

from datetime import date

from tests.test_events import doc_of, events_of, timex

DCT = date(2021, 5, 3)


def labels(text: str, *times: tuple[str, str]) -> list[str]:
    doc = doc_of(text)
    return [e.label for e in events_of(doc, *(timex(doc, w, v) for w, v in times), dct=DCT)]


def test_a_clitic_d_before_a_past_participle_is_had_not_would() -> None:
    found = labels("Nora Vell, who\u2019d previously backed Mayor Tom Reed in the race, represents a rural ward.")
    assert any("backed" in label for label in found)
    found = labels("Nora Vell, who'd already left the party, represents a rural ward.")
    assert any("left the party" in label for label in found)
    # "would" with a base form stays a hypothetical
    assert not any("back" in label for label in labels("Nora Vell said she\u2019d back the plan."))


def test_pointing_at_someone_is_an_act_pointing_out_a_fact_is_saying() -> None:
    found = labels("The senator has mocked a rival and recently pointed to a young man in the crowd.")
    assert any("pointed to a young man" in label for label in found)
    found = labels("The senator pointed out that the bridge was closed.")
    assert not any("pointed" in label for label in found)
    found = labels("The senator pointed to a new poll as proof.")
    assert not any("pointed" in label for label in found)


def test_a_verb_with_a_complement_is_no_adjective_in_a_list() -> None:
    found = labels("Harbor councillors have all but stopped approving new moorings.")
    # ("have all but stopped": "have" is the auxiliary of "stopped", which "all but" modifies)
    assert any(label.startswith("Harbor councillors have stopped") for label in found)
    # "comes from fish, milk and salted butter": the past form is an adjective of the last noun
    assert not any("salted" in label for label in labels("Most salt in the diet comes from fish, milk and salted butter."))


def test_a_conjunct_sharing_its_subject_shares_its_time() -> None:
    doc = doc_of("On March 4, Tom Reed walked into the harbor station and handed over the keys.")
    found = events_of(doc, timex(doc, "March 4", "2021-03-04"), dct=DCT)
    handed = [e for e in found if "handed" in e.label]
    assert handed and handed[0].time is not None and handed[0].time.edtf == "2021-03-04"


def test_a_hyphenated_past_tense_with_an_object_is_a_verb() -> None:
    found = labels("A guard was fired after he sucker-punched a visitor at the gate.")
    assert any("sucker-punched a visitor" in label for label in found)
    assert labels("The camera-equipped boats left the port.") == ["The camera-equipped boats left the port"]


def test_a_pronoun_of_an_after_clause_is_the_noun_subject_of_its_head() -> None:
    text = "Ana Ruiz spoke at the rally. Later, a retired teacher was charged after he punched a visitor."
    assert not any(label.startswith("Ana Ruiz punched") for label in labels(text))


def test_a_past_tense_after_the_subject_s_apposition_is_the_main_verb() -> None:
    found = labels("Tom Reed, the retired shipping executive who was an early donor to the museum and a former "
                   "backer of Mayor Ann Lowe, signed up as a volunteer in the Harbor district.")
    assert any(label.startswith("Tom Reed signed up") for label in found)


def test_a_participle_telling_which_one_stays_in_the_label() -> None:
    found = labels("The county coroner identified the woman killed as Ana Ruiz, 41, of Vale.")
    assert found == ["The county coroner identified the woman killed as Ana Ruiz of Vale"]


def test_a_past_form_after_a_subordinator_of_time_is_a_past_tense() -> None:
    found = labels('"They are all true," he said after prosecutor Ann Lowe read a summary of the charges.')
    assert "Ann Lowe read a summary of the charges" in found
