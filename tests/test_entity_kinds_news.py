"""The kind of a name from the words news writes around it: teams, events, products, bodies."""

from __future__ import annotations

import hashlib

from timeline_graph.extract.entities import find_entities
from timeline_graph.extract.entity_shapes import event_name
from timeline_graph.model import Document


def kinds(text: str) -> dict[str, str]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="t.txt")
    return {e.name: e.kind for e in find_entities(doc)}


def test_a_country_beside_a_score_is_its_team() -> None:
    found = kinds("At the Halden Cup on Sunday, Norway beat Chile 3-1 and Peru drew 0 – 0 with Japan. "
                  "Group B — Norway 2 – 1 Peru. Norway's coach, Erik Sand, praised his players.")
    assert found["Norway"] == found["Chile"] == found["Peru"] == found["Japan"] == "organization"
    assert found["Erik Sand"] == "person"


def test_a_country_without_a_score_stays_a_place() -> None:
    found = kinds("Voters in Norway backed the plan 55-45 in a poll last year. Norway has five million people.")
    assert found["Norway"] == "place"


def test_an_event_name_names_no_entity() -> None:
    found = kinds("The Vantor Cup drew 20,000 fans to Oslo on Sunday. Organizers of the Vantor Cup said "
                  "attendance had doubled. The town was bombed during World War II and again in WWII films.")
    assert "Vantor Cup" not in found and "World War II" not in found and "WWII" not in found
    assert found["Oslo"] == "place"


def test_event_heads() -> None:
    assert event_name(["Halden", "Marathon"])
    assert event_name(["Second", "World", "War"])
    assert event_name(["World", "War", "II"])
    assert event_name(["Commonwealth", "Games"])
    assert not event_name(["Orla", "Games"])  # a maker of games
    assert not event_name(["Ministry", "of", "War"])  # a body's word
    assert not event_name(["Cup"])


def test_chamber_is_a_body_word() -> None:
    found = kinds("Exports fell, the Marlow Chamber of Commerce said on Monday.")
    assert found["Marlow Chamber of Commerce"] == "organization"


def test_a_made_things_noun_before_a_name_makes_it_a_product() -> None:
    found = kinds("Regulators approved the drug Veltrana in 1996. Sales of Veltrana rose fast.")
    assert found["Veltrana"] == "product"
    found = kinds("Owners of the sedan Corvane Elan complained about its brakes. The Corvane Elan sold well.")
    assert found["Corvane Elan"] == "product"


def test_a_made_things_apposition_makes_it_a_product() -> None:
    found = kinds("Veltrana, a cholesterol drug, was approved in May. Doctors say Veltrana works.")
    assert found["Veltrana"] == "product"


def test_a_maker_before_a_made_thing_stays_a_body() -> None:
    found = kinds("The Pfizer vaccine was approved. Pfizer said supplies would rise.")
    assert found["Pfizer"] == "organization"


def test_a_relative_clause_after_a_made_thing_keeps_the_person() -> None:
    found = kinds("She sold the car Ann Lowe bought in 2019. Ann Lowe was upset.")
    assert found["Ann Lowe"] == "person"


def test_which_and_a_verb_after_a_name_make_it_a_body() -> None:
    found = kinds("Ravel Hastings, which employs 900 people in Ohio, said sales fell. Ravel Hastings also cut prices.")
    assert found["Ravel Hastings"] == "organization"


def test_which_after_a_given_name_is_about_the_sentence() -> None:
    found = kinds("Ann Lowe, which surprised many, resigned.")
    assert found["Ann Lowe"] == "person"


def test_a_name_of_several_words_reporting_of_itself_is_a_body() -> None:
    found = kinds("Dorvan Kessel said that it had hired 200 engineers.")
    assert found["Dorvan Kessel"] == "organization"
    found = kinds("Ann Lowe said that it would close two plants.")
    assert found["Ann Lowe"] == "person"


def test_the_before_a_name_of_several_words_makes_it_a_body() -> None:
    found = kinds("The Dorvan Kessel said on Monday that profits fell. Analysts doubted the Dorvan Kessel.")
    assert found["Dorvan Kessel"] == "organization"


def test_a_payroll_and_a_spokesperson_make_a_body() -> None:
    found = kinds("Kessel Marr's spokeswoman said the plant would close. Kessel Marr employs 900 people.")
    assert found["Kessel Marr"] == "organization"
    found = kinds("A spokesman for Ann Lowe declined to comment. Ann Lowe's spokeswoman later denied it.")
    assert found["Ann Lowe"] == "person"


def test_company_endings() -> None:
    found = kinds("Carvell competes with Hollin Auto and with Tarrant Oil, analysts said.")
    assert found["Hollin Auto"] == found["Tarrant Oil"] == "organization"


def test_a_possessive_word_in_an_apposition() -> None:
    found = kinds("Coldiretti, the farmers' association, said crops were lost. Coldiretti wants aid.")
    assert found["Coldiretti"] == "organization"


def test_an_apposition_of_a_firms_trade() -> None:
    found = kinds("Lockheed Martin, the largest defense contractor, stands to gain. Lockheed Martin makes jets.")
    assert found["Lockheed Martin"] == "organization"
    found = kinds("Ann Lowe, a building contractor, stands to gain. Ann Lowe builds homes.")
    assert found["Ann Lowe"] == "person"


def test_initials_of_no_body() -> None:
    found = kinds("Omar Reyes was a VIP guest at the fair, where he saw a UFO model.")
    assert "VIP" not in found and "UFO" not in found
    assert found["Omar Reyes"] == "person"


def test_work_and_money_at_a_name_make_it_a_body() -> None:
    assert kinds("Profits at Tessa Marlow rose 5 percent, the company said.")["Tessa Marlow"] == "organization"
    assert kinds("Investors sold Harlan Brock stock after the report.")["Harlan Brock"] == "organization"
    assert kinds("He worked at Vessel Crane for ten years before joining Orla Bank.")["Vessel Crane"] == "organization"
    assert kinds("He had a job at Ann Lowe's bakery.")["Ann Lowe"] == "person"


def test_a_sea_is_no_surname() -> None:
    found = kinds("Ships crossed the Ross Sea last year and reached the Vessan Strait.")
    assert found["Ross Sea"] == "place"
    assert kinds("Ann Ocean said so.")["Ann Ocean"] == "person"


def test_the_maker_of_a_made_thing_is_a_body() -> None:
    found = kinds("The panel approved a cholesterol drug made by Orlin Kess. Orlin Kess said it was pleased.")
    assert found["Orlin Kess"] == "organization"
    assert kinds("The film was made by Ann Lowe.")["Ann Lowe"] == "person"


def test_a_governed_area_that_acts_is_its_government() -> None:
    found = kinds("The tax was first asked for by the Municipality of Orvella in 2010. "
                  "The Municipality of Orvella said schools must pay.")
    assert found["Municipality of Orvella"] == "organization"
    found = kinds("Tourists love the Municipality of Orvella, a town on the coast.")
    assert found["Municipality of Orvella"] == "place"


def test_a_players_words_make_a_team() -> None:
    found = kinds("Sales fell.\nJordan Hale scored twice for Vessby on Sunday. Hale, 33, joined the club in January.")
    assert found["Vessby"] == "organization" and found["Jordan Hale"] == "person"
    found = kinds("Sales fell.\nLeeds striker Ann Okafor lifted the cup on Sunday.")
    assert found["Leeds"] == "organization"
    found = kinds("Sales fell.\nThe band played for Ann Lowe in Ohio.")
    assert found["Ann Lowe"] == "person" and found["Ohio"] == "place"


def test_a_margin_of_votes_is_no_score() -> None:
    found = kinds("Sales fell.\nLowe won Ohio 52-48. Ohio has voted for the winner since 1964.")
    assert found["Ohio"] == "place"


def test_a_places_people_before_its_name_make_it_a_place() -> None:
    found = kinds("Sales fell.\nFloods hit Vandrel on Monday. The mayor of Vandrel said 300 homes were damaged.")
    assert found["Vandrel"] == "place"
    found = kinds("Sales fell.\nPolice in Marston Vale said two men were held. Marston Vale is 30 miles north of Leeds.")
    assert found["Marston Vale"] == "place"
    found = kinds("Sales fell.\nThe mayor of Ann Lowe's hometown spoke.")
    assert found["Ann Lowe"] == "person"


def test_a_firms_officer_right_after_a_name() -> None:
    found = kinds("Sales fell.\nKessler Dunn chief executive Ann Lowe said the plant would close.")
    assert found["Kessler Dunn"] == "organization" and found["Ann Lowe"] == "person"


def test_a_firm_bought_or_taken_over_is_a_body() -> None:
    found = kinds("Sales fell.\nUnder the plan, Telvane will buy Ostrom for $2 billion. Ostrom makes pumps.")
    assert found["Ostrom"] == "organization"
    found = kinds("Sales fell.\nThe takeover of Carlsby Voss by a rival was approved.")
    assert found["Carlsby Voss"] == "organization"
    found = kinds("Sales fell.\nThe Mets acquired Ann Lowe for $2 million.")
    assert found["Ann Lowe"] == "person"


def test_a_job_at_a_name_makes_it_a_body() -> None:
    found = kinds("Sales fell.\nAnn Lowe, a professor at Kelworth, said the study was flawed. Kelworth is known for physics.")
    assert found["Kelworth"] == "organization"
    found = kinds("Sales fell.\nTom Hale, a partner at Dunmore Reyes, said the case was weak.")
    assert found["Dunmore Reyes"] == "organization"


def test_a_way_of_travel_makes_no_product() -> None:
    found = kinds("Sales fell.\nGet there by plane Tarsen, the main town, has an airport. Tarsen lies on the coast.")
    assert found["Tarsen"] == "place"


def test_its_after_a_verb_of_saying() -> None:
    found = kinds("Sales fell.\nHarlow Brock said on Monday that its profit rose 5 percent.")
    assert found["Harlow Brock"] == "organization"
    found = kinds("Sales fell.\nAnn Lowe said on Monday that its design was flawed.")
    assert found["Ann Lowe"] == "person"


def test_a_kind_noun_makes_a_town_of_the_lists_a_firm() -> None:
    found = kinds("Sales fell.\nRuiz worked for the seed firm Halden for years. Halden sued two farmers.")
    assert found["Halden"] == "organization"  # a town of the lists
    found = kinds("Sales fell.\nRuiz moved to the city of Halden. Halden is cold in winter.")
    assert found["Halden"] == "place"
    found = kinds("Sales fell.\nRuiz ran ads in two papers in Halden, the site of the summit. The ads were loud.")
    assert found["Halden"] == "place"  # an apposition's "site" is a place's as often as a body's


def test_a_firms_staff_after_a_name_of_a_given_names_shape() -> None:
    found = kinds("Sales fell.\nRuiz met two Morgan Stanley executives in Halden. Morgan Stanley bankers declined to comment.")
    assert found["Morgan Stanley"] == "organization"
    assert found["Ruiz"] == "person"


def test_a_possessive_opening_a_groups_name_is_no_person() -> None:
    found = kinds("Sales fell.\nNora's List backed the candidate in Ohio, the group said. Nora's List has money.")
    assert "Nora" not in found
    found = kinds("Sales fell.\nNora's mother said Nora was fine.")
    assert found["Nora"] == "person"
    found = kinds("Sales fell.\nI wrote a story called Tad's World Destruction in school.")
    assert found.get("Tad") == "person"


def test_a_bracketed_credit_after_a_sentence_is_an_outlet() -> None:
    found = kinds("Ann Lowe spoke in Halden on Monday.\nThe hawks are fierce hunters of the hills. [Vellum]\nMore rain is due.")
    assert found["Vellum"] == "organization"
    found = kinds("Ann Lowe spoke in Halden on Monday.\n\"[Lowe] said no,\" an aide recalled.")
    assert found.get("Lowe", "person") == "person"


def test_a_common_word_capitalized_only_where_it_opens_a_sentence_is_no_name() -> None:
    found = kinds("Ann Lowe spoke in Halden on Monday. Mine told me the same thing, said a voter who asked not to be named.")
    assert "Mine" not in found
    found = kinds("Ann Young spoke in Halden. Young said the vote was fair.")
    assert found["Ann Young"] == "person"


def test_a_union_of_republics_in_the_lists_is_a_place() -> None:
    found = kinds("Sales fell.\nThe Soviet Union fell in 1991, and Russia took its seat at the table.")
    assert found["Soviet Union"] == "place"
    found = kinds("Sales fell.\nThe European Union fined the firm, and Ruiz said the African Union agreed.")
    assert found["European Union"] == found["African Union"] == "organization"


def test_a_name_opening_a_comma_list_of_bodies_is_a_body() -> None:
    found = kinds("Sales fell.\nThe donors included Varnow Sachs, Bank of Orla, Tellix Corp, and two hedge funds.")
    assert found["Varnow Sachs"] == "organization"
    found = kinds("Sales fell.\nThe letter was signed by Vosk Durrani, Orla Bank's chief, on Monday.")
    assert found["Vosk Durrani"] == "person"


def test_a_common_word_opening_its_sentences_is_no_firm_for_acting() -> None:
    found = kinds("Ann Lowe spoke in Halden on Monday.\n\nAides said the plan would pass by June. "
                  "One aide to Ms. Lowe declined to comment.")
    assert "Aides" not in found
    found = kinds("Sales fell.\nOrvane unveiled a phone on Monday. Orvane said it would ship in May.")
    assert found["Orvane"] == "organization"
