"""Offices after names, names in capitals, hyphenated firms, firms that act, datelines."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Document, Entity


def found(text: str) -> dict[str, Entity]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    return {e.name: e for e in find_entities(doc)}


def test_office_in_lower_case_after_a_name_without_article() -> None:
    names = found("Ivo Rask, mayor of Halden, opened the new bridge on Tuesday. Rask thanked the builders.")
    assert names["Ivo Rask"].kind == "person"
    names = found("Orvik Tamm, governor of the province, signed the order on Friday.")
    assert names["Orvik Tamm"].kind == "person"


def test_full_name_in_capitals_is_the_person_named_in_usual_case() -> None:
    text = ("Marta Velkova runs the only bakery in Ostrel. \"We start at four,\" MARTA VELKOVA said, "
            "laughing. Velkova has baked there for twenty years.")
    names = found(text)
    assert names["Marta Velkova"].kind == "person"
    assert "MARTA VELKOVA" not in names
    assert any(m.exact == "MARTA VELKOVA" for m in names["Marta Velkova"].mentions)


def test_full_name_in_capitals_with_only_the_surname_in_usual_case() -> None:
    text = "The hall was full. MARTA VELKOVA said the bakery would close. Later, Velkova said she was tired."
    names = found(text)
    assert "MARTA VELKOVA" not in names and "Velkova" not in names
    person = names["Marta Velkova"]
    assert person.kind == "person"
    assert {m.exact for m in person.mentions} == {"MARTA VELKOVA", "Velkova"}


def test_hyphenated_run_without_given_name_is_no_person() -> None:
    names = found("Torvane-Halsby-Kettil released the film in March, and critics praised it.")
    assert all(e.kind != "person" for e in names.values())


def test_firm_that_acts_is_a_candidate() -> None:
    names = found("Hallden Motors said on Monday that it would close the plant. Fenwick unveiled a phone.")
    assert names["Hallden Motors"].kind == "organization"


def test_subject_of_a_firms_act_is_a_firm() -> None:
    names = found("Orvane unveiled a folding phone on Monday. Analysts expect strong sales.")
    assert names["Orvane"].kind == "organization"
    assert not found("Nobody recalled the date of the fire.")


def test_dateline_is_a_place_not_a_team() -> None:
    text = "LISKARD, England - Tom Hale scored twice for Liskard on Saturday as Liskard beat Halden 2-1."
    entities = find_entities(Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt"))
    kinds = {(e.kind, e.name): [m.exact for m in e.mentions] for e in entities}
    assert kinds[("place", "Liskard")] == ["LISKARD"]
    assert kinds[("organization", "Liskard")] == ["Liskard", "Liskard"]


def test_dateline_joins_its_town_named_again() -> None:
    text = "LISKARD, England (Reuters) - The Liskard council met on Monday. Liskard has 20,000 people."
    place = found(text)["Liskard"]
    assert place.kind == "place"
    assert [m.exact for m in place.mentions] == ["LISKARD", "Liskard", "Liskard"]


def test_capitals_joined_by_an_ampersand_without_spaces_are_one_name() -> None:
    names = found("The ruling drew protests from employers such as Orvane and KT&L in the state last week.")
    assert names["KT&L"].kind == "organization"
    assert "KT" not in names and "L" not in names


def test_common_abbreviations_with_an_ampersand_name_no_body() -> None:
    names = found("Spending on R&D fell at Orvane, and its M&A team shrank after a Q&A with analysts.")
    assert "R&D" not in names and "M&A" not in names and "Q&A" not in names


def test_initials_with_periods_before_a_surname_name_a_person() -> None:
    text = "The militias are armed, says R.J. MacVardell, an expert on militias. MacVardell said the group is small."
    names = found(text)
    assert names["R.J. MacVardell"].kind == "person"
    assert "MacVardell" not in names  # the surname alone is the same person's
    assert len(names["R.J. MacVardell"].mentions) == 2


def test_a_countrys_letters_open_a_bodys_name_not_a_persons() -> None:
    names = found("The U.S. Mint said it would stop making the coin next year.")
    assert names["U.S. Mint"].kind == "organization"


def test_an_office_of_a_title_is_one_bodys_name() -> None:
    names = found("The complaint went to the Office of the Inspector General, which opened a review in May.")
    assert names["Office of the Inspector General"].kind == "organization"
    assert "Office" not in names
    names = found("A memo from the Office of the Director of Harbor Safety was leaked on Friday.")
    assert names["Office of the Director of Harbor Safety"].kind == "organization"


def test_a_full_name_whose_surname_alone_speaks_is_a_persons() -> None:
    text = ("Filmmaker and author Tarun D’Mello made his forecast. Asked about the race, D’Mello replied "
            "that he would bet on the senator.")
    names = found(text)
    assert names["Tarun D’Mello"].kind == "person"
    assert [m.exact for m in names["Tarun D’Mello"].mentions] == ["Tarun D’Mello", "D’Mello"]


def test_a_town_of_the_lists_before_its_state_is_a_place_not_a_surname() -> None:
    names = found("The candidate said Lawrence, Kansas, was dangerous. Lawrence has a low crime rate, officials replied.")
    assert names["Lawrence"].kind == "place"


def test_a_firm_called_a_province_in_jest_stays_a_body() -> None:
    text = ("Twitter said on Friday it had shut 9,000 accounts. Critics mock the province of Twitter. "
            "Twitter praised the ruling.")
    assert found(text)["Twitter"].kind == "organization"
    text = ("Quillr Inc. said on Friday it had shut 9,000 accounts of the network. Users joke about the "
            "province of Quillr. Quillr praised the ruling.")
    assert found(text)["Quillr"].kind == "organization"


def test_capitals_running_into_lower_case_open_a_bodys_name() -> None:
    names = found("Advisers from Goldvik Partners and KRBanner Trust were hired. Later, KLMorrow Vance won the bid.")
    assert names["KLMorrow Vance"].kind == "organization"
    names = found("The senator drew fire from nominee JOanna Velkova on Monday. Velkova said he must answer.")
    assert names["JOanna Velkova"].kind == "person"  # two capitals by a slip of the keys


def test_a_name_with_no_sign_of_a_person_listed_with_a_body_is_a_body() -> None:
    names = found("Bankers at JPMorgan Chase and Wells Fargo agreed to the plan on Monday.")
    assert names["JPMorgan Chase"].kind == "organization"
    assert names["Wells Fargo"].kind == "organization"
    # a body after "of" belongs to the person before it, and lists no body with the next name
    names = found("Seats went to Vosk Harrin of the Harbor Party and Kesh Durrani, the papers said.")
    assert names["Kesh Durrani"].kind == "person"


def test_an_illness_named_for_a_place_or_a_doctor_is_no_entity() -> None:
    names = found("Lawmakers again failed to fund the fight against Zika. The Zika virus has reached Texas, "
                  "and Zika money is stuck.")
    assert "Zika" not in names
    assert names["Texas"].kind == "place"
    names = found("More families face Alzheimer’s each year. The governor vowed to slow Alzheimer’s by 2030.")
    assert "Alzheimer" not in names and "Alzheimer’s" not in names
    names = found("Dr. Ann Parkinson opened a clinic. Parkinson said it would help.")  # a person of the name stays one
    assert names["Ann Parkinson"].kind == "person"


def test_a_surname_with_an_apostrophe_that_speaks_is_a_persons() -> None:
    names = found("The plan is bad, D’Arcy told reporters. D’Arcy said the vote would fail.")
    assert names["D’Arcy"].kind == "person"



POLNEAR_TEXT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "polnear-train" / "text"


@pytest.mark.skipif(not POLNEAR_TEXT.is_dir(), reason="the PolNeAR corpus is absent")
def test_a_headlines_words_after_a_name_are_not_joined_to_it_without_a_conjunction() -> None:
    # a headline in capitals runs the person's name into its verb and object, which the parse may
    # join to the name as a conjunct: with no "and", "or" or comma between, they take no kind from it
    path = POLNEAR_TEXT / "west-journal_2015-12-19_dinesh-d-souza-just-made-huge-pr.txt"
    names = found(path.read_text(encoding="utf-8"))
    people = [name for name, e in names.items() if e.kind == "person"]
    assert any(name.endswith("D’Souza") for name in people)
    assert not any("Prediction" in name for name in people)


def test_a_surname_after_an_honorific_then_of_and_a_body_is_two_names() -> None:
    names = found("Rates will rise, said Ms. Tovar of Orla Bank. Ms. Tovar did not say when.")
    assert names["Tovar"].kind == "person"
    assert names["Orla Bank"].kind == "organization"
    assert "Tovar of Orla Bank" not in names


def test_a_predicate_noun_after_is_says_what_a_name_is() -> None:
    names = found("Hartwell is the parent company of a dozen radio stations, and Hartwell has grown fast.")
    assert names["Hartwell"].kind == "organization"
    names = found("The merger talks stalled. Ostrova is the largest bank in the region, and Ostrova lends to farmers.")
    assert names["Ostrova"].kind == "organization"
    names = found("Ann Lowe is the company's founder. Lowe said sales rose.")  # the company's, not a company
    assert names["Ann Lowe"].kind == "person"
