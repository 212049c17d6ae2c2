"""A surname two people of one document share goes, mention by mention, to the one it names."""

from __future__ import annotations

import hashlib

from timeline_graph.extract.entities import find_entities
from timeline_graph.model import Document, Entity


def _people(text: str) -> dict[str, Entity]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    return {e.name: e for e in find_entities(doc) if e.kind == "person"}


def _all(text: str) -> dict[str, Entity]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    return {e.name: e for e in find_entities(doc)}


def _said(text: str, entity: Entity) -> list[int]:
    return [m.start for m in entity.mentions if text[m.start : m.end] == entity.name.split()[-1]]


def test_honorifics_and_titles_pick_the_person() -> None:
    text = (
        "Senator Ben Harrow and his wife, Mrs. Claire Harrow, arrived in Dunmore on Monday. "
        "Claire Harrow spoke first about the library fund. Then Mr. Harrow thanked the crowd. "
        "Later Mrs. Harrow waved from the stage. Senator Harrow left before dinner."
    )
    people = _people(text)
    ben, claire = people["Ben Harrow"], people["Claire Harrow"]
    assert [text.index("Mr. Harrow") + 4, text.index("Senator Harrow left") + 8] == _said(text, ben)
    assert [text.index("Mrs. Harrow waved") + 5] == _said(text, claire)
    assert "Mr. Harrow" in ben.aliases and "Mr. Harrow" not in claire.aliases
    assert "Senator Harrow" in ben.aliases and "Senator Harrow" not in claire.aliases
    assert "Mrs. Harrow" in claire.aliases and "Mrs. Harrow" not in ben.aliases


def test_a_title_one_of_them_was_introduced_with() -> None:
    text = (
        "Governor Nadia Vrenko met her cousin Tomas Vrenko at the harbor office in Caldport. "
        "Tomas Vrenko runs a ferry company there. "
        "Governor Vrenko promised new funding for the docks."
    )
    people = _people(text)
    assert _said(text, people["Nadia Vrenko"]) == [text.index("Governor Vrenko promised") + 9]
    assert _said(text, people["Tomas Vrenko"]) == []


def test_a_pronoun_after_it_votes() -> None:
    text = (
        "Mark Oduya and Susan Oduya opened a bakery in Pell Street last year. "
        "Oduya said he would hire four bakers in the spring."
    )
    people = _people(text)
    assert _said(text, people["Mark Oduya"]) == [text.index("Oduya said")]
    assert _said(text, people["Susan Oduya"]) == []


def test_undecided_surname_stays_its_own() -> None:
    text = (
        "Tellow wins the recount\n\n"
        "Walter Tellow and Dana Tellow both ran for the county board in Marsh Hollow. "
        "The count took three days. Observers from two parties watched it. "
        "In the end Tellow won the seat by forty votes."
    )
    people = _people(text)
    assert _said(text, people["Walter Tellow"]) == []
    assert _said(text, people["Dana Tellow"]) == []
    assert [m.start for m in people["Tellow"].mentions] == [0, text.index("Tellow won")]


def test_the_one_named_in_full_just_before() -> None:
    text = (
        "Walter Tellow and Ola Tellow both ran for the county board in Marsh Hollow. "
        "Walter Tellow conceded on Friday. Ola Tellow won by forty votes. Tellow thanked the volunteers."
    )
    people = _people(text)
    assert _said(text, people["Ola Tellow"]) == [text.index("Tellow thanked")]
    assert _said(text, people["Walter Tellow"]) == []


def test_one_person_of_the_surname_keeps_it() -> None:
    text = "Ben Harrow arrived in Dunmore on Monday. Mr. Harrow thanked the crowd. Harrow left at noon."
    ben = _people(text)["Ben Harrow"]
    assert _said(text, ben) == [text.index("Mr. Harrow") + 4, text.index("Harrow left")]


def test_a_headline_goes_to_the_one_named_most() -> None:
    text = (
        "Tellow takes the harbor seat\n\n"
        "Priya Tellow won the harbor seat on Tuesday, her brother Ola Tellow said. "
        "Priya Tellow thanked the fishing crews. Priya Tellow starts in May."
    )
    people = _people(text)
    assert _said(text, people["Priya Tellow"]) == [0]
    assert _said(text, people["Ola Tellow"]) == []


def test_a_short_form_of_a_given_name_names_the_same_person() -> None:
    text = ("Sandra Okafor has run the bakery on Elm Street since 1998. Sandy Okafor said the rent "
            "had doubled. Okafor plans to stay.")
    people = list(_people(text).values())
    assert [p.name for p in people] == ["Sandra Okafor"]
    assert "Sandy Okafor" in people[0].aliases
    assert len(people[0].mentions) == 3


def test_names_of_two_genders_sharing_letters_stay_two_people() -> None:
    text = ("Chris Okafor and Christine Okafor opened the bakery. Chris Okafor bakes the bread. "
            "Eric Mensah and his daughter Erica Mensah sell it.")
    names = set(_people(text))
    assert {"Chris Okafor", "Christine Okafor", "Eric Mensah", "Erica Mensah"} <= names


def test_a_generation_after_the_surname_is_no_short_form() -> None:
    text = "Ruth Tessman spoke on Monday. I. Charles Brannock III, the inspector, agreed. Brannock said so."
    people = _people(text)
    full = next(p for name, p in people.items() if name.endswith("Brannock III"))
    assert "III" not in full.aliases
    assert "Brannock" in full.aliases
    assert "Brannock" not in people


def test_a_name_without_its_middle_name_is_the_same_person() -> None:
    text = ("Marta Jane Okafor opened the bakery in 1998. Marta Okafor said the rent had doubled. "
            "Okafor plans to stay.")
    people = _people(text)
    assert list(people) == ["Marta Jane Okafor"]
    assert "Marta Okafor" in people["Marta Jane Okafor"].aliases
    assert len(people["Marta Jane Okafor"].mentions) == 3


def test_a_person_listed_twice_is_one_sharer_of_the_surname() -> None:
    from timeline_graph.extract.entity_surnames import split_shared_surnames
    from timeline_graph.model import Span

    text = "Ann Vrell spoke. Ann Vrell left. Vrell came back."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    ann = Entity(id=Entity.id_for("person", "Ann Vrell"), kind="person", name="Ann Vrell",
                 mentions=(Span.at(doc, 0, 9), Span.at(doc, 17, 26)))
    lone = Entity(id=Entity.id_for("person", "Vrell"), kind="person", name="Vrell", mentions=(Span.at(doc, 33, 38),))
    result = split_shared_surnames(text, [ann, ann, lone])
    assert {e.name for e in result} <= {"Ann Vrell", "Vrell"}


def test_a_surname_that_names_a_place_is_the_place_where_only_a_place_stands() -> None:
    text = ("Captain Omar Paris commanded the ship for ten years. In May, Paris flew to Paris to meet the minister. "
            "He stayed in Paris for a week, and Paris said the talks went well. Paris spoke to Paris's deputy. "
            "His faith in Paris was total.")
    found = _all(text)
    place = found["Paris"]
    assert place.kind == "place"
    assert [m.start for m in place.mentions] == [text.index("to Paris") + 3, text.index("in Paris") + 3]
    person = found["Omar Paris"]
    assert len(person.mentions) == 6  # the full name, the subjects, "spoke to Paris", "Paris's", "faith in Paris"
    found = _all(
        "George Houston sailed from Houston in 1850. The city of Houston was small then. Houston wrote home.")
    assert len(found["Houston"].mentions) == 2
    assert len(found["George Houston"].mentions) == 2


def test_an_initial_before_the_given_name_is_part_of_the_name() -> None:
    text = ("The trust was set up by the novelist J. Edgar Lowe in 1951. Lowe left it his house. "
            "Its first guest needed more vitamin C. Ann Hale brought oranges.")
    people = _people(text)
    assert "J. Edgar Lowe" in people and "Lowe" in people["J. Edgar Lowe"].aliases
    assert "Edgar Lowe" not in people
    assert "Ann Hale" in people and "C. Ann Hale" not in people  # a letter after a common noun: "vitamin C"


def test_an_arabic_article_in_lower_case_is_part_of_the_surname() -> None:
    text = ("Fire brigade chief General Hamid al-Qorwan said the blaze was out. "
            "Later, al-Qorwan told Tessa Radio that two houses burned.")
    people = _people(text)
    assert "Hamid al-Qorwan" in people and "al-Qorwan" in people["Hamid al-Qorwan"].aliases
    assert set(people) == {"Hamid al-Qorwan"}  # no "Hamid" and no "Qorwan" of their own
    assert "Qorwan" not in _all(text)
