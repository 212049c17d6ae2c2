"""Where names begin and end: firms joined by "&", surnames opening a sentence, given names alone."""

from __future__ import annotations

from tests.conftest import entities_by_name as found
from tests.conftest import mention_texts as spans


def test_ampersand_joins_one_firm() -> None:
    text = "Shares of Halvorsen & Dahl rose after the firm won a contract from Brekke & Sons on Monday."
    names = found(text)
    assert names["Halvorsen & Dahl"].kind == "organization"
    assert names["Brekke & Sons"].kind == "organization"
    assert not {"Halvorsen", "Dahl", "Brekke", "Sons", "Shares of Halvorsen"} & set(names)


def test_ampersand_firms_listed_with_and() -> None:
    text = "Analysts said Rovan & Sons and Orvala Bank & Trust would pay the fine."
    names = found(text)
    assert names["Rovan & Sons"].kind == "organization"
    assert names["Orvala Bank & Trust"].kind == "organization"


def test_ampersand_in_a_country_name() -> None:
    names = found("The delegation flew to Trinidad & Tobago on Friday.")
    assert names["Trinidad & Tobago"].kind == "place"


def test_ampersand_no_firm_in_credits_or_a_couple() -> None:
    names = found("The flood reached the square. Video: Pelkins & Arvo. Ann & Tom Lowe opened a bakery.")
    assert "Pelkins & Arvo" not in names
    assert "Ann & Tom Lowe" not in names and names["Tom Lowe"].kind == "person"


def test_surname_opening_a_sentence_read_as_a_plural_noun() -> None:
    text = ("According to Halden Medical Center spokeswoman Grete Ilves, three patients died. "
            "Ilves said the hospital was investigating.")
    person = found(text)["Grete Ilves"]
    assert person.kind == "person"
    assert spans(text, person) == ["Grete Ilves", "Ilves"]


def test_plural_noun_opening_a_sentence_stays_no_name() -> None:
    names = found("Orvala Port Officials met on Tuesday. Officials said the port would close.")
    assert "Officials" not in names


def test_unknown_given_name_alone_joins_the_one_person_it_opens() -> None:
    text = ("Tomasz Krell, the chief of the Orvala Port Authority, resigned. Krell had led the port "
            "for ten years. Tomasz said he was proud.")
    names = found(text)
    assert "Tomasz" not in names
    assert spans(text, names["Tomasz Krell"]) == ["Tomasz Krell", "Krell", "Tomasz"]


def test_prefixed_name_is_no_word_of_the_next_name() -> None:
    names = found("The pro-Orvala Unity Party won two seats on Sunday.")
    assert names["Unity Party"].kind == "organization"
    assert "Orvala Unity Party" not in names


def test_party_and_state_after_a_name_between_commas() -> None:
    text = "Sen. Dara Pellman, D-Ohio, said Rep. Ivo Marsh, R-Fla., was wrong."
    names = found(text)
    assert "D-Ohio" not in names and names["Ohio"].kind == "place"
    assert names["Florida"].kind == "place"
    assert names["Dara Pellman"].kind == "person" and names["Ivo Marsh"].kind == "person"


def test_no_state_in_a_word_after_a_comma() -> None:
    assert "Day" not in found("They marked the anniversary, D-Day, in Orvala.")


def test_given_name_and_surname_both_hyphenated() -> None:
    text = "The company hired Jean-Luc Amadou-Diallo last year. Amadou-Diallo, 44, previously worked at Velmont."
    person = found(text)["Jean-Luc Amadou-Diallo"]
    assert spans(text, person) == ["Jean-Luc Amadou-Diallo", "Amadou-Diallo"]


def test_name_with_a_generation_and_its_surname_alone() -> None:
    text = "Thomas Kettering Jr. met the board in Orvala. Kettering said the board had agreed."
    names = found(text)
    assert "Kettering" not in names
    assert spans(text, names["Thomas Kettering Jr"]) == ["Thomas Kettering Jr", "Kettering"]


def test_hyphenated_surname_the_tagger_cut_opening_a_sentence() -> None:
    text = "Dorian Mbeki-Farrow arrived in Port Elmstead on Friday. Mbeki-Farrow said the trip was long."
    names = found(text)
    person = names["Dorian Mbeki-Farrow"]
    assert person.kind == "person"
    assert spans(text, person) == ["Dorian Mbeki-Farrow", "Mbeki-Farrow"]
    assert "Mbeki-Farrow" not in names


def test_the_opening_a_quoted_sentence_is_no_word_of_the_name() -> None:
    text = ('The notice to residents said, “The OPWA wants every owner of a well to report by Friday.” '
            "The OPWA is the Orvala Public Water Agency.")
    names = found(text)
    assert "The OPWA" not in names
    assert names["Orvala Public Water Agency"].kind == "organization"
    assert spans(text, names["Orvala Public Water Agency"]).count("OPWA") == 2


def test_the_of_a_title_in_quotes_inside_a_sentence_stays() -> None:
    from timeline_graph.extract.entity_candidates import quote_opening

    text = 'The weekly “The Harbor Star” said so, and a note read, “The board will meet again on a later date.”'
    assert not quote_opening(text, text.index("The Harbor"))
    assert quote_opening(text, text.index("The board"))


def test_ampersand_beside_a_place_is_no_firm() -> None:
    names = found("The crash happened at Priest & Washington in Tempe. The train runs to Tempe & Mesa.")
    assert not any("&" in name for name in names)


def test_hyphenated_group_or_title_is_no_person() -> None:
    names = found("There were twenty thousand Anglo-Tessalians in Orvala. "
                  "She is the first Tessalian-Orvalan Senator Dana has elected.")
    assert not any("-" in name for name, e in names.items() if e.kind == "person")


def test_adjective_opening_a_sentence_is_no_word_of_the_name() -> None:
    text = "Former Halden mayor Petra Voss criticized the plan. Voss said the port was clean."
    names = found(text)
    assert "Former Halden" not in names
    assert names["Halden"].kind == "place"


def test_name_opening_a_sentence_with_a_role_in_apposition() -> None:
    text = ("Ivo Rask, the new mayor of Halden, promised on Monday to clean up the port. "
            "Rask said it would take a year.")
    person = found(text)["Ivo Rask"]
    assert person.kind == "person"
    assert spans(text, person) == ["Ivo Rask", "Rask"]


def test_body_with_a_noun_in_apposition_stays_a_body() -> None:
    names = found("Velmont Mining, the largest employer in Halden, said it would hire.")
    assert names["Velmont Mining"].kind == "organization"


def test_surname_particles_in_lower_case_stay_in_the_name() -> None:
    text = ("Pieter van der Merwe and Khalid bin Saleh spoke on Monday. "
            "Van der Merwe said bin Saleh was wrong.")
    names = found(text)
    assert spans(text, names["Pieter van der Merwe"]) == ["Pieter van der Merwe", "Van der Merwe"]
    assert spans(text, names["Khalid bin Saleh"]) == ["Khalid bin Saleh", "bin Saleh"]
    assert not {"Merwe", "Khalid", "Van"} & set(names)
    later = found("Ursula von der Heide met Ahmed Rashid in Orvala.")
    assert later["Ursula von der Heide"].kind == "person" and "Ursula" not in later


def test_particle_names_of_places_and_bodies_stay_whole() -> None:
    names = found("Flights to Rio de Janeiro resumed. The Banco de Tessaly raised rates. Minister Khalid bin Saleh spoke.")
    assert names["Rio de Janeiro"].kind == "place"
    assert names["Banco de Tessaly"].kind == "organization"
    assert "Minister Khalid bin Saleh" not in names and names["Khalid bin Saleh"].kind == "person"


def test_team_named_short_after_the_joins_its_full_name() -> None:
    text = "Coach Tom Young said the Halden Tigers played well. The Tigers won 3-1, and fans cheered the Tigers."
    names = found(text)
    assert "Tigers" not in names
    assert spans(text, names["Halden Tigers"]) == ["Halden Tigers", "Tigers", "Tigers"]


def test_initial_a_is_no_article() -> None:
    text = "The report was written by A. J. Brennan and T. R. Okafor. Brennan said Okafor did most of it."
    names = found(text)
    assert spans(text, names["A. J. Brennan"]) == ["A. J. Brennan", "Brennan"]
    assert "J. Brennan" not in names


def test_label_before_a_colon_closes_no_name() -> None:
    names = found("Fans met Dario Pell Video: Tom Hale. It rained.")
    assert names["Dario Pell"].kind == "person" and "Dario Pell Video" not in names


def test_possessive_before_a_quoted_title_marks_it() -> None:
    names = found('Fans of Velmont Games cheered. Velmont Games said Velmont\'s "Star Wardens" sold well.')
    assert "Velmont's" not in names


def test_outlet_after_a_writer_in_a_byline() -> None:
    names = found("By Anna Kessler, Orvala News Service\nHALDEN, Tessaly — The port reopened on Monday.")
    assert names["Anna Kessler"].kind == "person"
    assert names["Orvala News Service"].kind == "organization"


def test_firm_named_short_by_the_name_before_its_ampersand() -> None:
    text = "Brekke & Sons runs the terminal. Petra Voss, who sits on the board of Brekke, was present."
    names = found(text)
    assert "Brekke" not in names
    assert spans(text, names["Brekke & Sons"]) == ["Brekke & Sons", "Brekke"]
    both = found("Halvorsen & Dahl sued the city. The firm was founded by Ole Halvorsen. Halvorsen said so.")
    assert "Halvorsen" not in both["Halvorsen & Dahl"].aliases  # the person's surname, not the firm's


def test_of_the_and_for_the_inside_a_body_name() -> None:
    text = ("The Society for the Protection of Wild Birds sued the Orvala Department of the Environment. "
            "Officials at the Bank of the West agreed.")
    names = found(text)
    for name in ("Society for the Protection of Wild Birds", "Orvala Department of the Environment", "Bank of the West"):
        assert names[name].kind == "organization"
    assert not {"Society", "Orvala Department", "Bank", "West"} & set(names)


def test_of_the_before_a_body_or_a_country_ends_the_name() -> None:
    names = found("He played at the Wolstein Arena for the Halden State University Vikings. "
                  "Scientists at Orvala State University of the US agreed.")
    assert "Orvala State University" in names and names["United States"].kind == "place"
    assert not any(" for the " in name or " of the US" in name for name in names)


def test_place_after_of_the_inside_a_body_name_is_a_mention() -> None:
    names = found("The Senate of the United States met on Monday.")
    assert names["United States"].kind == "place"


def test_head_before_for_the_is_the_body_named_short() -> None:
    text = "The Joint Council for the Welfare of Migrants sued. The Joint Council said it would appeal."
    names = found(text)
    assert "Joint Council" not in names
    assert spans(text, names["Joint Council for the Welfare of Migrants"])[-1] == "Joint Council"


def test_age_after_a_name_and_the_full_name_opening_the_story() -> None:
    text = "Ivo Rask promised on Monday to clean up the port. Rask, 52, said it would take a year."
    person = found(text)["Ivo Rask"]
    assert person.kind == "person"
    assert spans(text, person) == ["Ivo Rask", "Rask"]


def test_heading_word_run_into_a_name_is_no_part_of_it() -> None:
    names = found("Career Lund began in Halden. Lund, 34, said he liked it.")
    assert "Career Lund" not in names


def test_common_word_opening_a_body_name_is_no_place() -> None:
    names = found("Critics, including the Green Rivers Alliance, objected to the plan.")
    assert names["Green Rivers Alliance"].kind == "organization" and "Green" not in names


def test_middle_initial_says_a_person_the_pipeline_missed() -> None:
    text = ("A 34-year-old man was arrested Thursday. Darnell K. Whitfield-Oyelaran was booked into the "
            "Halden County Jail, police said. Whitfield-Oyelaran's bail was set at $50,000.")
    person = found(text)["Darnell K. Whitfield-Oyelaran"]
    assert person.kind == "person"
    assert spans(text, person) == ["Darnell K. Whitfield-Oyelaran", "Whitfield-Oyelaran"]


def test_ampersand_between_initials_or_common_words_is_no_firm() -> None:
    names = found("Spending on R & D rose, and fans of Law & Order met at Halvorsen & Dahl.")
    assert set(names) == {"Halvorsen & Dahl"}


def test_capitalized_prefix_and_a_compound_before_a_noun_make_no_person() -> None:
    names = found("Voters backed Dara Lowe. Pro-Lowe super PAC Harbor Action bought ads. "
                  "The 19th century had the Tessel-Varga debates.")
    assert "Pro-Lowe" not in names and "Tessel-Varga" not in names
    assert names["Dara Lowe"].kind == "person"


def test_office_of_the_cut_at_a_title_keeps_no_the() -> None:
    names = found("The case went to the Office of the Inspector General for the Harbor Community on Monday.")
    assert not any(name.endswith(" the") for name in names)
