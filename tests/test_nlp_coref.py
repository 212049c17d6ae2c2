"""Pronouns and definite descriptions linked to the named mention they refer to (nlp/coref.py)."""

from __future__ import annotations

from timeline_graph import nlp


def antecedents(text: str) -> dict[tuple[str, int], str | None]:
    """(word, how many times it came before) -> the name it is linked to, for each referring word."""
    p = nlp.parse(text)
    seen: dict[str, int] = {}
    out: dict[tuple[str, int], str | None] = {}
    for token in p.tokens:
        nth = seen.get(token.text, 0)
        seen[token.text] = nth + 1
        ent = p.antecedent(token)
        out[(token.text, nth)] = None if ent is None else text[ent.start : ent.end]
    return out


def test_a_chain_of_pronouns_keeps_to_its_person_beyond_the_window() -> None:
    found = antecedents(
        "Daniel Okafor ran the harbor for a decade. He hired forty people. He bought two cranes. "
        "He sold the old ferry. He retired in May. His successor kept the cranes."
    )
    assert found[("He", 3)] == "Daniel Okafor"  # four sentences after the name
    assert found[("His", 0)] == "Daniel Okafor"


def test_the_topic_wins_over_a_name_in_a_side_phrase() -> None:
    found = antecedents(
        "Peter Haines grew up in Leeds. He studied law at a small college. "
        "Under the guidance of a tutor, Mark Dunn, he passed the bar exam."
    )
    assert found[("he", 0)] == "Peter Haines"


def test_they_is_a_group_or_an_organization_not_one_person() -> None:
    assert antecedents("Laura Chen met the mayor on Friday. They discussed the budget.")[("They", 0)] is None
    found = antecedents("The Kerrigans ran a farm. They sold it in 2019, and Paul Kerrigan said he was glad.")
    assert found[("They", 0)] == "Kerrigans"
    assert found[("he", 0)] == "Paul Kerrigan"


def test_the_country_is_a_country_and_the_city_a_town() -> None:
    found = antecedents("Rita Moreno left Canada in May and settled in Toronto. The country gave her a visa.")
    assert found[("country", 0)] == "Canada"
    found = antecedents("Rita Moreno stayed in Portland and walked through Laurel Park every day. The city charmed her.")
    assert found[("city", 0)] == "Portland"


def test_a_description_named_right_after_it_refers_to_no_earlier_name() -> None:
    text = "Ben Ode joined Harbor Trust in May. The bank, Harbor Savings Bank, said he would lead sales."
    assert antecedents(text)[("bank", 0)] is None
    assert antecedents("Ben Ode joined Harbor Trust in May. The bank said he would lead sales.")[("bank", 0)] == "Harbor Trust"


def test_the_city_of_a_name_is_named_there_and_later_the_city_is_that_one() -> None:
    found = antecedents(
        "Tessa Grant grew up near Porto. The city of Lisbon later gave her a studio in Belem Park. "
        "The city also paid her rent."
    )
    assert found[("city", 0)] is None
    assert found[("city", 1)] == "Lisbon"


def test_i_in_a_quotation_is_its_speaker_and_we_the_organization() -> None:
    found = antecedents(
        "\u201cI will not resign,\u201d Nora Blake said on Monday. \u201cMy staff needs me.\u201d\n"
        "Arlo Finch, who spoke later, said: \u201cI disagree with her.\u201d\n"
        "Harbor Trust Bank issued a statement saying: \"We regret the delay and our staff will call.\"\n"
        "\"Why would I lie?\" Omar Diaz asked."
    )
    assert found[("I", 0)] == "Nora Blake"
    assert found[("My", 0)] == "Nora Blake"
    assert found[("me", 0)] == "Nora Blake"  # a quotation that continues the one before
    assert found[("I", 1)] == "Arlo Finch"
    assert found[("We", 0)] == "Harbor Trust Bank"
    assert found[("our", 0)] == "Harbor Trust Bank"
    assert found[("I", 2)] == "Omar Diaz"


def test_a_quotation_that_ends_its_sentence_is_not_the_next_speakers() -> None:
    found = antecedents(
        "Nora Blake said in a long interview on Friday: \u201cI never saw the letter.\u201d Arlo Finch said he had."
    )
    assert found[("I", 0)] == "Nora Blake"


def test_he_in_a_quotation_is_not_its_speaker() -> None:
    found = antecedents("Tom Reyes met Ian Ford on Monday. \"He is wrong about the budget,\" Tom Reyes said.")
    assert found[("He", 0)] == "Ian Ford"
    found = antecedents("Ian Ford spoke first. Then Tom Reyes said: \u201cHe is wrong, and I will say so.\u201d")
    assert found[("He", 0)] == "Ian Ford"
    assert found[("I", 0)] == "Tom Reyes"


def test_an_it_that_stands_for_the_clause_after_it_refers_to_nothing() -> None:
    for sentence in (
        "It was reported that sales fell.",
        "It turns out the plant was sold.",
        "It remains unclear whether the buyer will pay.",
    ):
        assert antecedents(f"Acme Corp opened a plant in Ohio. {sentence}")[("It", 0)] is None, sentence
    assert antecedents("Acme Corp opened a plant in Ohio. It remains a big employer.")[("It", 0)] == "Acme Corp"


def test_she_in_an_opening_clause_is_the_person_named_after_it() -> None:
    found = antecedents("When she took office in 2019, Ana Silva promised lower taxes.")
    assert found[("she", 0)] == "Ana Silva"
    # a referent before it comes first; another gender is no referent
    found = antecedents("Tom Reyes waited. When he arrived, Ana Silva smiled.")
    assert found[("he", 0)] == "Tom Reyes"
    assert antecedents("Mrs. Lee spoke. When he arrived, Mrs. Lee smiled.")[("he", 0)] is None


def test_it_after_an_unnamed_subject_is_that_thing_not_an_earlier_name() -> None:
    found = antecedents(
        "The Lakeside Tenants Union obtained the letters. The notice came from Inspector Ana Ruiz on behalf "
        "of the county's Housing Office. It told residents that the pipes had burst."
    )
    assert found[("It", 0)] is None  # the notice, not the union or the office
    # a thing named beside its noun, or a name as the subject, still takes "it"
    assert antecedents("Orvel Freight Inc. reported record sales on Monday. It said demand was strong.")[("It", 0)] == "Orvel Freight Inc."


def test_an_object_pronoun_is_not_the_referent_of_its_clauses_subject_pronoun() -> None:
    found = antecedents("The Millbrook Police Department said it asked them to leave the square.")
    assert found[("it", 0)] == "Millbrook Police Department"
    assert found[("them", 0)] is None  # "it" is the department, so "them" is someone else
    found = antecedents("Ana Ruiz met Lena Brandt on Monday. Ruiz said she praised her.")
    assert found[("she", 0)] == "Ruiz"
    assert found[("her", 0)] == "Lena Brandt"


def test_they_after_plural_people_just_named_is_not_an_earlier_body() -> None:
    found = antecedents(
        "The Harwick Tribune covered the trial for months. The defendants moved from Leeds in 2010, "
        "and their lawyer said they should be acquitted.")
    assert found[("they", 0)] is None  # the defendants, not the newspaper
    found = antecedents("The Harwick Tribune covered the trial for months. They won an award for it.")
    assert found[("They", 0)] == "Harwick Tribune"


def test_it_in_a_cleft_before_a_name_refers_to_nothing() -> None:
    found = antecedents("Voters in Dunmore were angry. It is the Dunmore Council that will decide the matter.")
    assert found[("It", 0)] is None


def test_they_stands_for_people_joined_by_and() -> None:
    found = antecedents("Mayor Ann Lowe and Councilman Raul Ruiz met the press on Monday. They said the budget would pass.")
    assert found[("They", 0)] == "Mayor Ann Lowe"


def test_they_keeps_to_the_pair_and_she_to_one_of_them() -> None:
    found = antecedents("Ana Silva and Raul Ruiz run a bakery in the old town. They said their rent had doubled. "
                        "Ms. Silva said she would move the shop.")
    assert found[("They", 0)] == "Ana Silva"
    assert found[("their", 0)] == "Ana Silva"
    assert found[("she", 0)] == "Ms. Silva"


def test_they_stands_for_a_plural_name_of_a_people() -> None:
    found = antecedents("Democrats won the House on Tuesday. They said the vote was clear, and their leader spoke.")
    assert found[("They", 0)] == "Democrats"
    assert found[("their", 0)] == "Democrats"


def test_the_country_long_after_the_name_is_the_document_country() -> None:
    filler = " ".join(f"Line {n} of the route was finished in spring." for n in range(1, 11))
    found = antecedents(f"Kenya opened a new rail line in 2017. {filler} Officials said the country would extend it.")
    assert found[("country", 0)] == "Kenya"


def test_he_far_from_his_name_is_the_one_man_the_story_has() -> None:
    found = antecedents(
        "Mr. Okafor bought the old mill in 1998. He rebuilt its roof. The mill had stood empty for years. "
        "Its wheel had rusted. Rain came through the floors. Pigeons nested in the loft. "
        "He opened a café there last spring."
    )
    assert found[("He", 1)] == "Mr. Okafor"


def test_the_city_is_the_town_the_text_is_about_not_a_name_with_city_in_it() -> None:
    found = antecedents("Tulsa has grown fast since 2010, and visitors to Tulsa rose again this year. "
                        "A trade fair brought buyers from Oklahoma City in May. The city expects more visitors next year.")
    assert found[("city", 0)] == "Tulsa"


def test_they_finds_the_pair_when_the_parse_hangs_the_second_name_on_the_first_names_last_word() -> None:
    found = antecedents("Nora Pell and Ben Ortiz toured the plant on Monday. They said the pay was too low.")
    assert found[("They", 0)] == "Nora Pell"


def test_they_is_the_people_just_named_by_a_plural_noun_rather_than_an_earlier_pair() -> None:
    found = antecedents("Mayor Ann Lowe and Councilman Raul Ruiz hired two drivers in May. "
                        "The drivers started on Monday, and they said the pay was too low.")
    assert found[("they", 0)] is None
