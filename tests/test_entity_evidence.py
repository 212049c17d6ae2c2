"""Entity kinds from evidence across the document, and the bounds of names at their edges."""

from __future__ import annotations

import re

from tests.conftest import entities_by_name as found
from timeline_graph.extract.entity_kinds import Group
from timeline_graph.extract.entity_runs import without_descriptor, without_gerund
from timeline_graph.extract.entity_votes import document_votes, voted_kind
from timeline_graph.model import EntityKind
from timeline_graph.nlp import Token


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S+", text)]


def test_an_apposition_noun_and_it_make_a_body_of_a_name_read_as_a_person() -> None:
    text = ("Dana Whitcombe, a bank based in Leeds, cut 300 jobs on Monday. Dana Whitcombe said it would hire "
            "again next year. Analysts expected Dana Whitcombe to recover.")
    assert found(text)["Dana Whitcombe"].kind == "organization"
    text = "Bremmer Lowell, the German carmaker, recalled 10,000 vehicles. Bremmer Lowell said it would pay for repairs."
    assert found(text)["Bremmer Lowell"].kind == "organization"


def test_which_and_it_make_a_body_of_two_given_names() -> None:
    text = "Morgan Stanley, which advised the buyer, declined to comment. Morgan Stanley said its fees were fair."
    assert found(text)["Morgan Stanley"].kind == "organization"
    text = "Dana Pike said it was time to go. Later Dana Pike said it would rain."  # a dummy "it"
    assert found(text)["Dana Pike"].kind == "person"


def test_votes_weigh_each_span_once_and_read_the_words_after_it() -> None:
    text = "Orla, a bank, grew. Orla itself said so. Ann Lowe, 54, and Lowe herself, who came. Tessa, a village in Fife."

    def votes(name: str) -> dict[str, int]:
        group = Group()
        group.cands = [type("C", (), {"start": m.start(), "end": m.end()})() for m in re.finditer(name, text)] * 2
        return document_votes(group, text)  # type: ignore[arg-type]

    assert votes("Orla") == {"person": 0, "body": 1, "organization": 2, "place": 0}
    assert votes("Ann Lowe")["person"] == 2 and votes("Lowe")["person"] == 4
    assert votes("Tessa") == {"person": 0, "body": 0, "organization": 0, "place": 2}


def test_a_voted_kind_needs_two_weighed_occurrences_and_none_against() -> None:
    none = {"person": 0, "body": 0, "organization": 0, "place": 0}
    assert voted_kind("person", {**none, "body": 2}) == "organization"
    assert voted_kind("person", {**none, "body": 1}) == "person"
    assert voted_kind("person", {**none, "body": 2, "person": 1}) == "person"
    assert voted_kind("organization", {**none, "person": 2}) == "person"
    assert voted_kind("place", {**none, "body": 3}) == "place"  # "China, which": a place that acts
    assert voted_kind("place", {**none, "organization": 2}) == "organization"
    assert voted_kind("organization", {**none, "place": 2}) == "place"


def test_a_stock_answer_is_no_company_stock() -> None:
    text = "Asked about the affair, Tom Hale’s stock answer was that he could not recall. Tom Hale left the city."
    assert found(text)["Tom Hale"].kind == "person"


def test_a_place_then_a_plural_is_a_team() -> None:
    entities = found("The Denver Broncos beat the Carolina Panthers on Sunday. The Dallas Mavericks lost.")
    assert entities["Denver Broncos"].kind == "organization"
    assert entities["Dallas Mavericks"].kind == "organization"
    assert found("Colorado Springs flooded on Sunday.")["Colorado Springs"].kind == "place"


def test_a_verb_in_ing_opening_a_sentence_is_no_part_of_the_name() -> None:
    text = "Donald Carver spoke on Monday.\n\nImpeaching Carver, or helping him fail, was the plan. Carver said no. Carver left."
    entities = found(text)
    assert "Impeaching Carver" not in entities
    assert len(entities["Donald Carver"].mentions) == 4
    line = "Voters came.\nBashing Lowe is job one."
    assert [line[s:e] for s, e in without_gerund(line, tokens(line)[2:4])] == ["Lowe"]
    inside = "They met the Rolling Ravens."
    assert len(without_gerund(inside, tokens(inside)[3:5])) == 2  # inside a sentence the word is the name's
    assert len(without_gerund(line.replace("Bashing", "Fleming"), tokens(line)[2:4])) == 2  # a surname


def test_a_place_before_a_surname_alone_is_no_part_of_a_persons_name() -> None:
    text = "a Wisconsin Carver rally"
    assert [text[s:e] for s, e in without_descriptor(text, tokens(text)[1:3])] == ["Carver"]
    text = "a Virginia Carver rally"  # a given name too
    assert len(without_descriptor(text, tokens(text)[1:3])) == 2


def test_a_family_in_the_plural_is_no_entity() -> None:
    text = ("Thomas Pell and his wife Ann Pell were charged. Despite the ruling, the Pells kept to their plan. "
            "Later the Pells appealed.")
    assert "Pells" not in found(text)
    assert set(found(text)) >= {"Thomas Pell", "Ann Pell"}


def test_abbreviations_of_things_are_no_bodies() -> None:
    text = ("Children with iodine deficiency disorders (IDD) lose up to 15 IQ points. IDD is common, and IQ loss "
            "is lasting.")
    assert not found(text)


def test_a_place_read_as_a_person_between_places_of_a_list_is_a_place() -> None:
    from timeline_graph.extract.entities import _places_in_lists
    from timeline_graph.extract.entity_candidates import Candidate

    text = "Tests ran in Kent, Victoria and Essex. Victoria Lowe came."
    groups: dict[str, Group] = {}
    for name in ("Kent", "Victoria", "Essex", "Victoria Lowe"):
        groups[name] = Group(cands=[Candidate(m.start(), m.end(), False) for m in re.finditer(rf"{name}\b", text)])
    groups["Victoria"].cands = groups["Victoria"].cands[:1]
    kinds: dict[str, EntityKind] = {"Kent": "place", "Victoria": "person", "Essex": "place", "Victoria Lowe": "person"}
    _places_in_lists(text, kinds, groups)
    assert kinds == {"Kent": "place", "Victoria": "place", "Essex": "place", "Victoria Lowe": "person"}
    kinds["Victoria"] = "person"
    kinds["Essex"] = "organization"  # a place on one side only
    _places_in_lists(text, kinds, groups)
    assert kinds["Victoria"] == "person"


def test_a_title_word_after_a_middle_initial_is_a_surname() -> None:
    text = "“It is time,” said Representative Paul R. Hale of New York, who backed him. Mr. Hale left."
    entities = found(text)
    assert entities["Paul R. Hale"].kind == "person"
    assert "York" not in entities and entities["New York"].kind == "place"


def test_titles_in_the_plural_are_no_part_of_names_and_no_names() -> None:
    entities = found("Senators Harry Reid and Dick Durbin voted no.")
    assert entities["Harry Reid"].kind == "person"
    entities = found("The race has centrists: Lowe and Govs. Chris Hale of Vermont and Tom Marsh of Idaho.")
    assert "Govs" not in entities and "Chris Hale" in entities
    assert found("Rents rose in Queens and Brooklyn.")["Queens"].kind == "place"
    assert found("The Kansas City Chiefs won on Sunday.")["Kansas City Chiefs"].kind == "organization"


def test_a_known_place_that_says_something_or_has_a_stake_stays_a_place() -> None:
    text = ("Voters in Ohio went to the polls. Ann Pike of Dayton, Ohio says she backs Lowe. There are 60 delegates "
            "at stake in the Ohio primary. Ohio votes again in May.")
    assert found(text)["Ohio"].kind == "place"


def test_a_surname_joins_the_full_name_that_opens_with_a_given_name() -> None:
    from timeline_graph.extract.entity_mentions import Longer

    kinds: dict[str, EntityKind] = {"Harbor Hotel for Lowe": "person", "Dana Lowe": "person", "Lowe": "person"}
    longer = Longer(kinds, {name: Group() for name in kinds})
    assert longer.full_form("Lowe") == "Dana Lowe"
    kinds = {"Dana Lowe": "person", "Dana B. Lowe": "person", "Lowe": "person"}
    assert Longer(kinds, {name: Group() for name in kinds}).full_form("Lowe") == "Dana B. Lowe"  # the longest


def test_two_names_read_as_one_are_no_entity() -> None:
    entities = found("Speaker Paul Ryan and Senate Majority Leader Mitch McConnell met. The Senate voted. Ryan left.")
    assert "Paul Ryan and Senate" not in entities
    assert entities["Senate"].kind == "organization"
    assert entities["Paul Ryan"].kind == "person" and "Ryan" in entities["Paul Ryan"].aliases  # two names apart
    from timeline_graph.extract.entities import _side_by_side

    kinds: dict[str, EntityKind] = {"Harbor Agency": "organization", "Tessa": "place",
                                    "Harbor Agency Tessa": "organization", "Bank of Tessa": "organization"}
    groups = {name: Group() for name in kinds}
    assert _side_by_side("Harbor Agency Tessa", kinds, groups)
    assert not _side_by_side("Bank of Tessa", kinds, groups)
    assert not _side_by_side("Harbor Agency", kinds, groups)


def test_a_number_opens_no_name_of_the_pipeline() -> None:
    from dataclasses import replace

    from timeline_graph import nlp
    from timeline_graph.extract.entity_candidates import find_candidates
    from timeline_graph.extract.text import Intervals
    from timeline_graph.nlp import ParsedEntity

    text = "The office released 1,300 Ann Lowe letters on Friday."
    parse = nlp.parse(text)
    first = next(t.i for t in parse.tokens if t.text == "1,300")
    start = text.index("1,300")
    parse = replace(parse, entities=(ParsedEntity(start, start + len("1,300 Ann Lowe"), first, first + 3, "PERSON"),))
    names = {c.name(text) for c in find_candidates(text, Intervals([]), parse) if c.kind}
    assert names == {"Ann Lowe"}


def test_a_given_name_and_a_surname_read_as_a_place_is_a_person() -> None:
    from timeline_graph.extract.entity_shapes import _given_and_surname

    assert _given_and_surname("Mike Lee", ["Mike", "Lee"])
    assert not _given_and_surname("Virginia Beach", ["Virginia", "Beach"])


def test_a_slogan_opening_with_a_verb_is_no_body() -> None:
    assert "Vote For Change" not in found("Supporters carried signs reading Vote For Change on Tuesday.")
    entities = found("The charity Engineers Without Frontiers sent staff. Parents For Parks also helped.")
    assert entities["Engineers Without Frontiers"].kind == "organization"


def test_a_kind_noun_right_before_a_name_says_its_kind() -> None:
    assert found("The investment bank Harlow Sachs cut 300 jobs.")["Harlow Sachs"].kind == "organization"
    text = "Orla, which grew. The chipmaker Orla rose. The village Tessa flooded."

    def votes(name: str) -> dict[str, int]:
        group = Group()
        group.cands = [type("C", (), {"start": m.start(), "end": m.end()})() for m in re.finditer(name, text)]
        return document_votes(group, text)  # type: ignore[arg-type]

    assert votes("Orla") == {"person": 0, "body": 1, "organization": 2, "place": 0, "named-body": 2}
    assert votes("Tessa")["place"] == 2


def test_a_line_labels_name_ends_before_its_period() -> None:
    assert set(found("The debate was loud.\n\nContributing: Nicole Gaudiano.\n")) == {"Nicole Gaudiano"}
    assert set(found("By Ann Lowe.\n\nThe vote was held.")) == {"Ann Lowe"}


def test_the_chairman_of_a_persons_campaign_is_no_company_cue() -> None:
    text = "Tom Hale said he was becoming chairman of Dana Pike’s campaign. Dana Pike agreed."
    assert found(text)["Dana Pike"].kind == "person"


def test_a_person_or_body_before_a_place_is_two_names() -> None:
    text = ("Aides to the Obama White House said the Lowe White House had been different. The White House declined. "
            "Obama spoke. Lowe spoke.")
    assert set(found(text)) == {"Obama", "White House", "Lowe"}


def test_party_members_in_the_plural_and_people_of_a_place_are_no_names() -> None:
    entities = found("Vulnerable Senate Republicans Cory Gardner and Ann Pike were quiet. Gardner left.")
    assert not any("Republicans" in name for name in entities)
    from timeline_graph.extract.entity_candidates import _plural_group

    def last(word: str) -> Token:
        return type("T", (), {"text": word, "tag": "NNPS"})()  # type: ignore[return-value]

    assert _plural_group("New Yorkers", last("Yorkers"))
    assert not _plural_group("Yonkers", last("Yonkers"), tagged=False)
    assert "POTUS" not in found("The GOP VP pick spoke. POTUS was away.")


def test_capitals_inside_one_word_and_initials_read_as_a_place_name_bodies() -> None:
    assert found("The story was first posted by BuzzWire on Monday.")["BuzzWire"].kind == "organization"
    assert found("He vowed to confront the NRA and its allies. Voters cheered.")["NRA"].kind == "organization"
    from timeline_graph.extract.entity_shapes import _camel_case

    assert not _camel_case("McAdams") and not _camel_case("DeLuca") and _camel_case("RealClearNews")


def test_a_known_place_before_company_stays_a_place() -> None:
    text = "The deal is legal only if the owners of the U.S. company hold a majority. The United States lost."
    assert found(text)["United States"].kind == "place"


def test_a_transcripts_speaker_in_capitals_is_a_person() -> None:
    from timeline_graph.extract.entity_candidates import Candidate
    from timeline_graph.extract.entity_shapes import _speaker_label

    text = "The show aired.\n\nKATE VOSKUIJLEN: Why?\n\nVOSKUIJLEN: Soon.\n\nUPDATE: none.\n"

    def group(name: str) -> Group:
        return Group(cands=[Candidate(m.start(), m.end(), False) for m in re.finditer(rf"(?m)^{name}\b", text)])

    assert _speaker_label("KATE VOSKUIJLEN", group("KATE VOSKUIJLEN"), text)
    assert _speaker_label("VOSKUIJLEN", group("VOSKUIJLEN"), text)
    assert not _speaker_label("UPDATE", group("UPDATE"), text)


def test_initials_of_a_kind_of_body_and_common_words_opening_sentences_are_no_names() -> None:
    assert not found("A super PAC backing Lowe spent $2 million. The PAC said so. Other PACs agreed.")
    assert set(found("Critics said the image was offensive. Lowe disagreed.")) == {"Lowe"}


def pipeline_names(text: str, name: str, label: str) -> set[str]:
    """The candidates' names when the pipeline reads ``name`` (as written in ``text``) as one name."""
    from dataclasses import replace

    from timeline_graph import nlp
    from timeline_graph.extract.entity_candidates import find_candidates
    from timeline_graph.extract.text import Intervals
    from timeline_graph.nlp import ParsedEntity

    parse = nlp.parse(text)
    start = text.index(name)
    inside = [t.i for t in parse.tokens if start <= t.start < start + len(name)]
    parse = replace(parse, entities=(ParsedEntity(start, start + len(name), inside[0], inside[-1] + 1, label),))
    return {c.name(text) for c in find_candidates(text, Intervals([]), parse) if c.kind}


def test_a_verb_opening_the_sentence_is_no_part_of_the_pipelines_name() -> None:
    assert pipeline_names("Had Ann Lowe won Iowa, the race would differ.", "Had Ann Lowe", "PERSON") == {"Ann Lowe"}


def test_a_persons_name_after_a_title_of_something_starts_at_the_given_name() -> None:
    text = "Lowe has trailed former secretary of State Hillary Clinton in every poll. Clinton said so."
    assert "Hillary Clinton" in found(text)
    assert pipeline_names(text, "State Hillary Clinton", "PERSON") == {"Hillary Clinton"}


def test_a_possessive_inside_the_pipelines_name_ends_the_owner() -> None:
    entities = found("The rally was loud, said The Washington Post's Robert Costa on Sunday.")
    assert entities["Robert Costa"].kind == "person" and "Washington Post" in " ".join(entities)


def test_a_name_read_as_a_persons_that_takes_the_is_a_body() -> None:
    text = "Ann Lowe spoke to the Pentagon on Monday. A Pentagon spokesman said the Pentagon agreed."
    assert found(text)["Pentagon"].kind == "organization"
    assert found("Aides to the Obama administration met. Obama spoke later.")["Obama"].kind == "person"


def test_a_feast_read_as_a_persons_name_is_no_entity() -> None:
    assert set(found("He shook hands and said Merry Christmas to the guests. Ann Lowe laughed.")) == {"Ann Lowe"}


def test_a_word_the_text_writes_in_lower_case_opening_sentences_is_no_name() -> None:
    assert set(found("Two aides left on Monday. Aides said the plan was dead. Ann Lowe agreed.")) == {"Ann Lowe"}


def test_the_pipelines_name_is_cut_at_a_dash_and_after_a_long_title_of_something() -> None:
    assert pipeline_names("A rally in Ohio ― Lowe spoke there ― drew crowds.", "Ohio ― Lowe", "PERSON") == {"Lowe"}
    text = "The warning came from Director of National Intelligence James Clapper on Monday."
    name = "Director of National Intelligence James Clapper"
    assert pipeline_names(text, name, "PERSON") == {"James Clapper"}


def test_a_credit_line_repeated_under_photos_is_furniture() -> None:
    text = "Stars came.\n\nGetty.\n\nAnn Lowe sang.\n\nGetty.\n\nTom Hale danced.\n\nGetty.\n"
    assert set(found(text)) == {"Ann Lowe", "Tom Hale"}
    assert set(found(text.replace("Getty.", "Ann Lowe sang again.", 1))) >= {"Ann Lowe"}


def test_a_headline_with_small_words_in_lower_case_yields_no_names() -> None:
    text = ("Tom Hale Asks for an Audit after Memo Shows Lowe’s Talks with Harbor Donors.\n\n"
            "Gov. Tom Hale spoke.")
    assert set(found(text)) == {"Tom Hale"}


def test_a_place_and_a_party_members_word_describe_someone_unnamed() -> None:
    from timeline_graph.extract.entity_shapes import _party_member_of

    assert _party_member_of(["New", "Hampshire", "Republican"])
    assert not _party_member_of(["Vantorq", "Republican"]) and not _party_member_of(["Republican"])
    assert "Republican" not in found("“Lowe will lose,” said one Republican. Another Republican agreed.")


def test_a_kind_noun_before_the_subject_of_a_clause_is_no_kind_of_the_name() -> None:
    text = "She lost the congressional district Hillary Clinton won on Tuesday. Clinton was pleased."
    assert found(text)["Hillary Clinton"].kind == "person"
    assert found("Voters in the company Ann Pike founded were angry. Ann Pike said nothing.")["Ann Pike"].kind == "person"


def test_it_opening_the_next_sentence_takes_up_the_subject_before() -> None:
    text = ("Goldman Sachs cut 300 jobs on Monday.\n\nIt said the cuts were needed. Goldman Sachs hired 20 bankers in "
            "May. It plans more.")
    assert found(text)["Goldman Sachs"].kind == "organization"
    assert found("Ann Lowe won the vote. She said so. Ann Lowe lost in May. It was raining.")["Ann Lowe"].kind == "person"


def test_an_apposition_of_a_persons_title_for_a_body_votes_a_person() -> None:
    text = "Lowe spoke.\n\nBrian Fallon, a spokesman for the Lowe campaign, said so. Brian Fallon left."
    assert found(text)["Brian Fallon"].kind == "person"
    from timeline_graph.extract.entity_runs import _plural_title

    assert not _plural_title("the Joint Chiefs of Staff", "Chiefs", len("the Joint Chiefs"))


def test_kind_nouns_that_persons_share_and_places_of_the_world_lists_keep_their_kinds() -> None:
    text = "They met Gilbert Pike, a Lebanese real estate developer who gave $1 million. Gilbert Pike left."
    assert found(text)["Gilbert Pike"].kind == "person"
    text = "Voters fear the alliance Europe's parties built will break. Europe is divided. Trade in Europe fell."
    assert found(text)["Europe"].kind == "place"
    assert voted_kind("place", {"person": 0, "body": 0, "organization": 2, "place": 0}, known=True) == "place"
    entities = found("Donors include billionaires George Soros and Tom Hale. George Soros gave more.")
    assert entities["George Soros"].kind == "person"
    assert found("Rents rose in Queens and Brooklyn. The Republican Governors Association met.")
    from timeline_graph.extract.entity_runs import _plural_title

    text = "the Republican Governors Association"
    assert not _plural_title(text, "Governors", text.index(" Association"))
    text = "Gilbert Pike, a real estate developer, gave."
    group = Group(cands=[type("C", (), {"start": 0, "end": 12})()])  # type: ignore[list-item]
    assert document_votes(group, text)["organization"] == 0


def test_a_centre_named_for_what_is_held_in_it_is_a_place() -> None:
    text = ("Fans queued at the Brask Halvard Convention Centre on Sunday, and the prints moved to the Vessing "
            "Art Center. The Marlo Policy Center said costs rose. The Halvard Centre for Water Research agreed.")
    names = found(text)
    assert names["Brask Halvard Convention Centre"].kind == "place"
    assert names["Vessing Art Center"].kind == "place"
    assert names["Marlo Policy Center"].kind == "organization"  # a body named for its work
    assert names["Halvard Centre for Water Research"].kind == "organization"


def test_a_name_ending_with_a_feature_of_the_land_or_water_is_a_place() -> None:
    text = "The ferries left Vessan Bay at dawn and reached Busalva Island, then sailed up the Korl River."
    names = found(text)
    assert names["Vessan Bay"].kind == "place"
    assert names["Busalva Island"].kind == "place"
    assert names["Korl River"].kind == "place"


def test_a_name_before_a_comma_and_a_state_or_country_is_a_town_there() -> None:
    text = ("Residents of Brellham, Massachusetts, packed the hall. The mill closed at Corvel, Norway. At the Tessa Cup, Norway won. "
            "The letter was signed by Ann Lowe, Texas, and Tom Hale.")
    names = found(text)
    assert names["Brellham"].kind == "place"
    assert names["Corvel"].kind == "place"
    assert "Tessa Cup" not in names or names["Tessa Cup"].kind != "place"  # a clause after the comma
    assert names["Ann Lowe"].kind == "person"  # a person's name stays hers
