"""Offices after names, names in capitals, hyphenated firms, firms that act, datelines."""

from __future__ import annotations

import hashlib

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


def test_dateline_is_a_place_not_a_team() -> None:
    text = ("LISKARD, England (Reuters) - Liskard beat the visitors 2-0 on Saturday. "
            "The Liskard coach praised the defence.")
    names = found(text)
    assert any(m.exact == "LISKARD" for e in names.values() if e.kind == "place" for m in e.mentions)
