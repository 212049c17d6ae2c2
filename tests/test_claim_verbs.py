"""Verb cues beyond "said": arguments, topics, participles, passives, and where a content stops."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, claims_of
from timeline_graph.extract.claim_words import CLAUSE_VERBS, INTENT_VERBS, OBJECT_VERBS, lemma_in
from timeline_graph.nlp import Token


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator accused the ferry company of hiding the repair costs.", "accused",
         "the ferry company of hiding the repair costs"),
        ("The governor called the new toll a disgrace.", "called", "the new toll a disgrace"),
        ("The union cited the long night shifts.", "cited", "the long night shifts"),
        ("The mayor thanked the volunteers for their work on the pier.", "thanked",
         "the volunteers for their work on the pier"),
        ("The governor congratulated the crew for its quick repairs.", "congratulated",
         "the crew for its quick repairs"),
    ],
)
def test_an_argument_verb_says_its_object_and_what_completes_it(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The report pointed to a shortage of inspectors.", "pointed", "a shortage of inspectors"),
        ("The captain complained about the broken radar.", "complained", "the broken radar"),
    ],
)
def test_a_topic_verb_says_what_follows_its_preposition(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


def test_a_topic_verb_needs_its_own_preposition() -> None:
    assert "spoke" not in by_cue("The mayor spoke at the harbor on Tuesday.")


def test_a_participle_speaks_for_the_noun_it_describes() -> None:
    claim = by_cue("The fishermen gathered at the dock, with 60 percent of them saying the quota is too low.")["saying"]
    assert claim.source is not None and claim.source.exact == "60 percent of them"
    assert claim.span.exact == "the quota is too low"


def test_a_passive_with_as_is_who_is_seen_and_as_what() -> None:
    claim = by_cue("The inspector is seen as a careful judge of bridges.")["is seen"]
    assert [p.exact for p in claim.content] == ["The inspector", "a careful judge of bridges"]
    assert claim.source is None


def test_a_verb_with_its_own_clause_does_not_take_the_phrase_before_it() -> None:
    claim = by_cue("Asked about the delay, the director would only say that the pumps were being tested.")["would only say"]
    assert claim.span.exact == "the pumps were being tested"


def test_a_second_that_clause_is_said_too() -> None:
    (claim,) = claims_of("The mayor said that the plant is safe, and that the county will pay for the repairs.")
    assert claim.span.exact == "the plant is safe, and that the county will pay for the repairs"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said the plan works, which surprised many on the council.", "the plan works"),
        ("The mayor backed the deal, while the governor opposed it.", "the deal"),
    ],
)
def test_a_writers_aside_after_the_content_is_not_attributed(text: str, content: str) -> None:
    assert claims_of(text)[0].span.exact == content


def test_a_relative_clause_cue_stops_where_its_clause_does() -> None:
    claim = by_cue("Those who say the bridge is safe were outnumbered at the meeting.")["say"]
    assert claim.span.exact == "the bridge is safe"


def test_a_name_and_its_appositive_before_a_subjectless_verb_speak() -> None:
    text = ("After the county meeting on Saturday ended in chaos when many delegates were ruled ineligible, "
            "Rita Lang, the party chair, said she had received threats against her family.")
    claim = by_cue(text)["said"]
    assert claim.claimant_name == "Rita Lang"
    assert claim.span.exact == "she had received threats against her family"


def test_a_speaker_after_the_content_with_an_object_still_speaks() -> None:
    claim = by_cue("This includes a special unit to assist the coast guard, Defense Secretary Ann Carter told a Senate panel.")["told"]
    assert claim.claimant_name == "Defense Secretary Ann Carter"
    assert claim.span.exact == "This includes a special unit to assist the coast guard"


def test_a_question_put_to_someone_opening_the_sentence_is_a_claim_with_no_source() -> None:
    claim = by_cue('Asked whether he would fire the pilot, the director said, "Probably."')["Asked"]
    assert claim.source is None and claim.span.exact == "whether he would fire the pilot"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ('First, the mayor attacked former council member Ann Boyd for being a "failed leader."', "attacked",
         'former council member Ann Boyd for being a "failed leader.'),
        ("The senator referred to the new pier as a costly mistake.", "referred", "the new pier as a costly mistake"),
    ],
)
def test_what_completes_an_object_comes_with_it(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


def test_the_words_before_a_cue_set_off_by_commas_are_said_too() -> None:
    claim = by_cue("The new pier, the mayor said, will cost far more than the council expected.")["said"]
    assert [p.exact for p in claim.content] == ["The new pier", "will cost far more than the council expected"]
    dated = by_cue("On Tuesday, the mayor said, the council voted to close the pier.")["said"]
    assert dated.span.exact == "the council voted to close the pier"


def test_a_participle_of_saying_after_a_comma_is_an_attribution_of_its_own() -> None:
    found = by_cue("The mayor said the pier will reopen in May, adding that the council has approved the repairs.")
    assert found["said"].span.exact == "the pier will reopen in May"
    assert found["adding"].claimant_name == "The mayor"
    assert found["adding"].span.exact == "the council has approved the repairs"


def test_a_relative_pronoun_source_is_the_noun_it_stands_for() -> None:
    assert by_cue("Many voters who say the economy matters most back the senator.")["say"].claimant_name == "Many voters"


def test_the_noun_after_told_is_whom_it_was_told_to() -> None:
    assert by_cue('"We will rebuild the pier," Lowe told reporters Saturday.')["told"].claimant_name == "Lowe"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The new toll was criticized by the mayor.", "was criticized", "the mayor", "The new toll"),
        ("The closure was first reported by the Harbor Gazette.", "was first reported", "the Harbor Gazette", "The closure"),
    ],
)
def test_a_passive_with_its_agent_credits_the_subject_to_the_agent(text: str, cue: str, source: str, content: str) -> None:
    claim = by_cue(text)[cue]
    assert claim.source is not None and claim.source.exact == source
    assert claim.span.exact == content


def test_a_phrase_the_parse_hangs_on_the_verb_still_belongs_to_the_object() -> None:
    claim = by_cue("The judge denied class-action status to the retailer's female employees.")["denied"]
    assert claim.span.exact == "class-action status to the retailer's female employees"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Now, according to the latest harbor survey, some fishermen are leaving.", "some fishermen are leaving"),
        ("While most boats were inspected, according to a port official, two ferries were never checked.",
         "two ferries were never checked"),
        ("The pier is safe, according to Ann Lowe, who inspected it.", "The pier is safe"),
    ],
)
def test_according_to_in_mid_sentence_credits_the_main_clause(text: str, content: str) -> None:
    assert by_cue(text)["according to"].span.exact == content


def test_a_name_before_a_colon_and_a_quotation_speaks_it() -> None:
    claim = by_cue("The timing of the surge does not surprise harbor pollster Ann Lowe: “Lesser-known boats often win early races.”")[":"]
    assert claim.claimant_name == "Ann Lowe" and claim.quote == "Lesser-known boats often win early races."


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Then the captain asked the students if they were always so serious.", "if they were always so serious"),
        ("During the call, listeners asked how much money the mayor was getting.", "how much money the mayor was getting"),
    ],
)
def test_a_question_put_is_what_was_asked(text: str, content: str) -> None:
    assert by_cue(text)["asked"].span.exact == content


def test_a_made_thing_right_before_its_verb_speaks_whatever_the_parse_makes_of_it() -> None:
    # the parse takes "poll" for a compound of "shows" here
    claim = by_cue("The new county poll shows Lowe leading Boyd by nine points.")["shows"]
    assert claim.span.exact == "Lowe leading Boyd by nine points"


def test_an_aside_the_sentence_goes_on_after_is_kept() -> None:
    text = "A July email, which the outlet published on Tuesday, shows a detective asking owners for footage, the report said."
    assert by_cue(text)["said"].span.exact == (
        "A July email, which the outlet published on Tuesday, shows a detective asking owners for footage")


def test_who_after_whom_a_request_was_put_to_describes_them() -> None:
    assert "asked" not in by_cue("Police asked people who use the doorbell system for footage of the march.")


def test_what_a_record_shows_nests_in_the_report_of_it() -> None:
    found = claims_of("The newspaper reported that emails among harbor staff show officers asking owners for footage.")
    inner = next(c for c in found if c.cue is not None and c.cue.exact == "show")
    assert inner.parent is not None and inner.span.exact == "officers asking owners for footage"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Lowe called the decision childish.", "called", "the decision childish"),
        ("Lowe, the ferry captain, called the plan a disaster.", "called", "the plan a disaster"),
        ("Most voters see Lowe as the stronger candidate.", "see", "Lowe as the stronger candidate"),
        ("Critics have painted the plan as reckless.", "have painted", "the plan as reckless"),
    ],
)
def test_what_someone_is_called_or_seen_as_comes_with_it(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].text == content


def test_seeing_a_thing_without_saying_what_it_is_seen_as_is_narration() -> None:
    assert not claims_of("We saw the film on Sunday.")


def test_a_plea_in_a_participle_after_a_clause_is_made() -> None:
    text = "She answered by listing the problems and calling for a new survey of the harbour."
    assert by_cue(text)["calling"].text == "a new survey of the harbour"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Lowe hailed the deal as a win for the town.", "hailed", "the deal as a win for the town"),
        ("Councillor Ruth Abbey slammed the harbour plan.", "slammed", "the harbour plan"),
    ],
)
def test_a_cue_verb_the_lemmatizer_cut_short_is_still_a_cue(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].text == content


@pytest.mark.parametrize(
    ("form", "cut", "words", "expected"),
    [
        ("argued", "argu", CLAUSE_VERBS, "argue"),
        ("slammed", "slamm", OBJECT_VERBS, "slam"),
        ("worries", "worrie", CLAUSE_VERBS, "worry"),
        ("planning", "plann", INTENT_VERBS, "plan"),
        ("walked", "walk", CLAUSE_VERBS, "walk"),  # no cue word: the parse's lemma stands
    ],
)
def test_a_lemma_is_read_off_the_form_when_the_parse_cut_it(form: str, cut: str, words: frozenset[str], expected: str) -> None:
    token = Token(0, 0, len(form), form, cut, "VERB", "VBD", "ROOT", 0, "", 0)
    assert lemma_in(token, words) == expected


def test_two_cues_of_one_source_each_keep_their_own_content() -> None:
    found = by_cue("The mayor called for a new bridge and proposed a toll on lorries.")
    assert found["called"].text == "a new bridge"
    assert found["proposed"].text == "a toll on lorries"


def test_a_contrast_after_the_content_is_the_writers() -> None:
    claim = by_cue("Lowe said the emails were personal, but for the council they are proof of a cover-up.")["said"]
    assert claim.text == "the emails were personal"


def test_a_quoted_contrast_is_still_said() -> None:
    claim = by_cue("Lowe said the emails were “personal, but the council thinks otherwise.”")["said"]
    assert claim.text.endswith("the council thinks otherwise.")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Lowe supports raising the ferry fare to ten pounds.", "supports", "raising the ferry fare to ten pounds"),
        ("Abbey opposed building a second pier.", "opposed", "building a second pier"),
        # a day after the object says when, not what ("a moment" may be what)
        ("The governor endorsed Orrin Vale last week.", "endorsed", "Orrin Vale"),
        ("Pell endorsed Orrin Vale on Thursday.", "endorsed", "Orrin Vale"),
        ("Dace called the harbor vote a critical moment for the town.", "called",
         "the harbor vote a critical moment for the town"),
        # a "that" clause the parse hung on the verb completes the object
        ("Pell expressed outrage that so many members seemed unwilling to vote.", "expressed",
         "outrage that so many members seemed unwilling to vote"),
        ("Lowe welcomed the board's announcement last year that it would invest in the harbor.", "welcomed",
         "the board's announcement last year that it would invest in the harbor"),
    ],
)
def test_a_gerund_or_an_object_with_its_clause_is_what_is_backed_or_opposed(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].text == content


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ('"The bridge is safe for now," Lowe said, adding that the inspectors would return in May.',
         "The bridge is safe for now", "the inspectors would return in May"),
        ('The mayor said the tolls were "far too high," adding that the council would vote on them soon.',
         'the tolls were "far too high', "the council would vote on them soon"),
        ('"I think a new bridge would make things worse," Lowe said, while arguing the town should fix the old pier first.',
         "I think a new bridge would make things worse", "the town should fix the old pier first"),
        ('"Everything is on the table," Okafor told reporters on Wednesday, also noting that the ferry fares could rise.',
         "Everything is on the table", "the ferry fares could rise"),
        # a participle of any cue verb, which the parse may hang on "said" as its clause
        ('"He is a fraud," Tamsin Pell said, referring to the harbor master.',
         "He is a fraud", "the harbor master"),
    ],
)
def test_a_participle_of_saying_after_the_cue_is_a_claim_of_its_own(text: str, first: str, second: str) -> None:
    claims = sorted(claims_of(text), key=lambda c: c.span.start)
    assert [c.span.exact for c in claims] == [first, second]
    assert claims[0].claimant_name == claims[1].claimant_name


@pytest.mark.parametrize(
    ("text", "content", "claimant"),
    [
        ('"We will not give up!" the captain shouted.', "We will not give up!", "the captain"),
        ('"The ferry will keep running through the winter." Lowe said.',
         "The ferry will keep running through the winter.", "Lowe"),
        ("In a speech last July, the mayor said:\n\nThe ferry will keep running. The fares will stay where they are.\n\n"
         "The pier closed in May.\n", "The ferry will keep running. The fares will stay where they are", "the mayor"),
    ],
)
def test_a_quotation_whose_speaker_stands_apart_from_it(text: str, content: str, claimant: str) -> None:
    assert [(c.span.exact, c.claimant_name) for c in claims_of(text)] == [(content, claimant)]


def test_a_quotation_followed_by_a_sentence_of_its_own_is_not_taken_by_it() -> None:
    claims = claims_of('"The ferry will keep running." The mayor said the fares would stay low. The pier closed.')
    assert [c.span.exact for c in claims] == ["the fares would stay low"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("HARBORTON — Mayor Ann Lowe on Tuesday defended her plan to raise the ferry fares, "
         "saying the higher fares would pay for a new pier.", "Mayor Ann Lowe"),
        ("Following a noisy town meeting in Eastport last week, Lowe stressed the town's importance to her plans.",
         "Lowe"),
    ],
)
def test_a_dateline_or_an_opening_phrase_is_not_the_speaker(text: str, claimant: str) -> None:
    claims = claims_of(text)
    assert claims and {c.claimant_name for c in claims} == {claimant}
    assert all(c.span.start > text.index(claimant) for c in claims)  # nor is what comes before it what was said


@pytest.mark.parametrize(
    ("text", "content", "claimant"),
    [
        ("Lowe was asked by the moderator whether her plan for the pier would raise the fares.",
         "whether her plan for the pier would raise the fares", "the moderator"),
        ("The moderator asked the candidates a simple question: Who will fix the pier first?",
         "Who will fix the pier first", "The moderator"),
    ],
)
def test_a_question_put_by_someone_named_after_the_verb_or_after_a_colon(text: str, content: str, claimant: str) -> None:
    assert [(c.span.exact, c.claimant_name) for c in claims_of(text)] == [(content, claimant)]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Most of the dock workers backed her in the vote.", "backed", "her"),
        ("Two unions endorsed him.", "endorsed", "him"),
    ],
)
def test_a_side_taken_may_be_a_pronoun(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


def test_whom_praise_is_given_is_not_what_was_said() -> None:
    assert "praised" not in by_cue("The mayor praised him.")


@pytest.mark.parametrize(
    "text",
    [
        "After reading a passage from the harbor charter, Lowe said, the town could not be more clear.",
        "Asked about the ferry timetable, Lowe said, the crews would need more time.",
    ],
)
def test_a_participle_opening_the_sentence_sets_the_scene_and_is_not_said(text: str) -> None:
    claim = by_cue(text)["said"]
    assert claim.content[0].exact.startswith("the ")


def test_words_set_off_before_the_speaker_are_still_said() -> None:
    claim = by_cue("The new pier, the mayor said, will cost more than planned.")["said"]
    assert [p.exact for p in claim.content] == ["The new pier", "will cost more than planned"]


def test_what_follows_a_single_dash_after_the_content_is_the_writers_aside() -> None:
    claim = by_cue("Lowe said the toll was far too high — a view shared by many in the harbor towns.")["said"]
    assert claim.span.exact == "the toll was far too high"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("But without a permit, Lowe said, the crew could not start the work on the pier.", "said",
         ["without a permit", "the crew could not start the work on the pier"]),
        ("Safety, he noted, has long been the first concern of the harbor board.", "noted",
         ["Safety", "has long been the first concern of the harbor board"]),
        ("If the council refuses the plan, Lowe argued in her letter, the ferry will stop running in May.", "argued",
         ["If the council refuses the plan", "the ferry will stop running in May"]),
    ],
)
def test_a_cue_set_off_in_mid_sentence_is_said_on_both_sides(text: str, cue: str, content: list[str]) -> None:
    assert [p.exact for p in by_cue(text)[cue].content] == content


def test_a_speaker_label_owns_its_whole_line() -> None:
    text = "Q: Where were you when the ferry sank?\n\nA: I was at the pier with my brother. The boats were late. Nobody came to help us.\n"
    claim = next(c for c in claims_of(text) if c.claimant_name == "A")
    assert claim.span.exact == "I was at the pier with my brother. The boats were late. Nobody came to help us"


def test_inside_a_transcript_line_what_the_speaker_thinks_is_a_claim() -> None:
    text = "Q: Will the ferry run this winter?\n\nLOWE: We have no captain yet. I think the council will find one by March.\n"
    claim = by_cue(text)["think"]
    assert claim.span.exact == "the council will find one by March" and claim.claimant_name == "LOWE"


def test_the_day_between_a_verb_and_its_clause_is_when_it_was_said() -> None:
    assert by_cue("Lowe said Tuesday that she had voted for the harbor levy.")["said"].span.exact == (
        "she had voted for the harbor levy")


def test_a_plea_being_made_in_the_progressive() -> None:
    claim = by_cue("The mayor is calling for the state to send more buses to the valley.")["is calling"]
    assert claim.span.exact == "the state to send more buses to the valley"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The plan will fail, said two harbor officials, who added that the mayor knew it.", "two harbor officials"),
        ("The ferry was late, said the captain of the night boat, who blamed the fog.", "the captain of the night boat"),
    ],
)
def test_a_relative_pronoun_speaks_for_the_noun_before_its_comma(text: str, claimant: str) -> None:
    cue = next(c for c in by_cue(text) if c != "said")
    assert by_cue(text)[cue].claimant_name == claimant


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The council said the toll would rise, despite the protests of the ferry riders.", "the toll would rise"),
        ("Critics say the curfew is meant to hide the homeless, and the rights union has already sued the town.",
         "the curfew is meant to hide the homeless"),
    ],
)
def test_what_the_writer_adds_after_a_comma_is_not_said(text: str, content: str) -> None:
    assert next(iter(by_cue(text).values())).span.exact == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator decried the mayor's repeated calls to close the pier to all boats.", "decried",
         "the mayor's repeated calls to close the pier to all boats"),
        ("Lowe spoke of a recent visit to the harbor in the spring.", "spoke", "a recent visit to the harbor"),
    ],
)
def test_what_the_parse_hung_on_the_verb_right_after_its_object_completes_it(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


@pytest.mark.parametrize(
    ("text", "claimant", "content"),
    [
        ("Lowe seemed hopeful that the state could send more buses.", "Lowe", "the state could send more buses"),
        ("The riders appeared unhappy with the new timetable.", "The riders", "the new timetable"),
    ],
)
def test_a_stance_shown_through_seem_is_held_by_its_subject(text: str, claimant: str, content: str) -> None:
    claim = next(iter(by_cue(text).values()))
    assert (claim.claimant_name, claim.span.exact) == (claimant, content)


def test_a_condition_after_the_content_is_said_too() -> None:
    claim = by_cue("Lowe said the season could be a “failure” if the ferry can’t run in the coming months.")["said"]
    assert claim.span.exact == "the season could be a “failure” if the ferry can’t run in the coming months"


def test_a_kept_lemma_answers_as_one_worked_out_afresh() -> None:
    """lemma_in keeps its answers: asked again, or of another set of words, it answers as at first."""
    from timeline_graph.extract.claim_words import _lemma_in

    forms = [("argued", "argu"), ("slammed", "slamm"), ("worries", "worrie"), ("said", "say"), ("Said", "Said"),
             ("planning", "plann"), ("walked", "walk"), ("tells", "tell")]
    for words in (CLAUSE_VERBS, OBJECT_VERBS, INTENT_VERBS, ("tell",), {"plan", "slam"}):
        for form, cut in forms:
            token = Token(0, 0, len(form), form, cut, "VERB", "VBD", "ROOT", 0, "", 0)
            first = lemma_in(token, words)
            assert first == lemma_in(token, words) == _lemma_in(cut, form, words)


@pytest.mark.parametrize(
    ("text", "who", "verb", "content"),
    [
        # the tagger may take a verb after an opening quotation for a plural noun ("Okafor jokes")
        ("“The ferry will not run before the spring thaw,” Marta Ruiz concludes.", "Marta Ruiz", "concludes",
         "The ferry will not run before the spring thaw"),
        ("“Nobody on the council read the audit,” the treasurer answers.", "the treasurer", "answers",
         "Nobody on the council read the audit"),
        ("“Tolls fund the repairs and nothing else,” Okafor jokes.", "Okafor", "jokes",
         "Tolls fund the repairs and nothing else"),
        ("“We expected a bigger crowd at the pier,” Halvorsen recalled.", "Halvorsen", "recalled",
         "We expected a bigger crowd at the pier"),
        # "58 percent" parsed as a bare noun modifier of "call", not its subject
        ("And 58 percent call the harbor plan reckless.", "58 percent", "call", "the harbor plan reckless"),
        # a verb the parse set beside the clause before it: that clause's subject speaks
        ("Mayor Ann Lowe thanked the volunteers, then said the pier would reopen in May.", "Mayor Ann Lowe", "said",
         "the pier would reopen in May"),
        # a time phrase the parse took for the subject: the noun phrase before the verb speaks
        ("Minutes after the count began, the ferry union's chairman announced four votes for the plan.",
         "the ferry union's chairman", "announced", "four votes for the plan"),
        # verbs of discussing, stressing and expecting: the object is what was said or expected
        ("Mayor Lowe highlighted the drop in harbor crime.", "Mayor Lowe", "highlighted", "the drop in harbor crime"),
        ("The treasurer downplayed the cost of the new pier.", "The treasurer", "downplayed", "the cost of the new pier"),
        ("Councillor Park discussed the risks of a second ferry line.", "Councillor Park", "discussed",
         "the risks of a second ferry line"),
        ("Harbor officials are expecting a record crowd of more than 4,000 riders.", "Harbor officials", "expecting",
         "a record crowd of more than 4,000 riders"),
        ("The chief engineer outlined a plan for the new pier.", "The chief engineer", "outlined",
         "a plan for the new pier"),
        # agreeing or disagreeing with something: what is agreed with
        ("Most fishermen disagree with the new quota.", "Most fishermen", "disagree", "the new quota"),
    ],
)
def test_a_sentence_gives_its_one_attribution(text: str, who: str, verb: str, content: str) -> None:
    assert [(c.claimant_name, c.verb, c.text) for c in claims_of(text)] == [(who, verb, content)]


def test_a_participle_of_saying_takes_the_speaker_of_the_verb_before_it_even_without_a_parsed_subject() -> None:
    # "40 percent" parsed as a bare noun modifier of "opposed": its noun phrase speaks for both verbs
    said = by_cue("And 40 percent opposed the toll, saying the ferry has enough money.")
    assert (said["saying"].claimant_name, said["saying"].text) == ("40 percent", "the ferry has enough money")


@pytest.mark.parametrize(
    "text",
    [
        "One danger is being able to identify the owners from the photos.",
        "The main risk was being unable to identify enough volunteers.",
        "The goal is to deny the rival bid a hearing.",
        "A further danger lies in the use of drones, since being able to identify protesters gives police new leverage.",
    ],
)
def test_an_abstract_subject_lends_no_speaker_to_the_infinitive_after_its_predicate(text: str) -> None:
    assert not [c for c in claims_of(text) if c.cue is not None and c.cue.exact in ("identify", "deny")]


def test_someone_able_to_identify_still_identifies() -> None:
    claim = by_cue("The witnesses were able to identify the driver of the van.")["identify"]
    assert claim.claimant_name == "The witnesses"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator retorted that the bill had never been funded.", "retorted", "the bill had never been funded"),
        ("Most analysts reckon the merger will close by spring.", "reckon", "the merger will close by spring"),
        ("The clerk confided that the ballots were counted twice.", "confided", "the ballots were counted twice"),
    ],
)
def test_a_verb_of_retorting_reckoning_or_confiding_says_its_clause(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content


def test_a_second_clause_after_but_that_is_said_too() -> None:
    (claim,) = claims_of("The coach said the team played well, but that the referees made errors in the final minutes.")
    assert claim.span.exact == "the team played well, but that the referees made errors in the final minutes"


def test_a_contrast_with_its_own_subject_after_the_content_is_the_writers() -> None:
    claim = by_cue("The mayor said the new ferry runs on time, but critics disagree.")["said"]
    assert claim.span.exact == "the new ferry runs on time"


def test_a_participle_after_a_quoted_verb_takes_the_speaker_outside_the_quotation() -> None:
    claim = by_cue("Officials dismissed the senator’s claim that the mayor “founded the gang,” calling it absurd.")["calling"]
    assert claim.claimant_name == "Officials"


def test_a_content_stops_where_a_second_speaker_joined_by_and_says_something() -> None:
    claim = by_cue("One in three said the party does not care about farmers and one in four said the party was hostile to them.")["said"]
    assert claim.span.exact == "the party does not care about farmers"


def test_a_clause_joined_by_and_without_a_verb_of_saying_is_still_said() -> None:
    claim = by_cue("The mayor said the plan works and voters agree.")["said"]
    assert claim.span.exact == "the plan works and voters agree"


def test_a_content_stops_before_the_speakers_next_act_of_saying_joined_by_and() -> None:
    claims = by_cue("Local officials believe the governor has joined a pact with two rival provinces, and admit that the capital "
                    "is powerless if he closes the road.")
    assert claims["believe"].span.exact == "the governor has joined a pact with two rival provinces"


def test_what_a_relative_clause_says_something_was_called_is_a_claim() -> None:
    claim = by_cue("The council passed a bill that critics called unfair to renters.")["called"]
    assert claim.claimant_name == "critics"
    assert [p.exact for p in claim.content] == ["a bill", "unfair"]


def test_when_or_where_something_was_said_is_not_what_was_said() -> None:
    assert "said" not in by_cue("“We have no plans to sell,” read the sign on the door. Ann Lowe said during the meeting on the pier.")


def test_a_few_quoted_words_do_not_keep_the_writers_aside_in_the_content() -> None:
    claim = by_cue("The bishop said he would offer “a prayer” for the eventual nominee, who has a large lead in the count.")["said"]
    assert claim.span.exact == "he would offer “a prayer” for the eventual nominee"


def test_a_quotation_keeps_its_relative_clause() -> None:
    claim = by_cue("The bishop said, “We pray for the nominee, who has a hard road ahead.”")["said"]
    assert claim.span.exact.endswith("who has a hard road ahead.") or claim.span.exact.endswith("who has a hard road ahead")


@pytest.mark.parametrize(
    "text",
    [
        "Harbor levy passes easily\n\nWriter: Ann Lowe\n\nThe council voted for the levy on Monday night.\n",
        "Who is backing the mayor\n\nVermont: Nora Kell, Ben Ray, Cy Dorn, Ada Finch, Milo Strand\n\nThe list grew on Monday.\n",
    ],
)
def test_a_labelled_line_of_a_few_words_or_a_list_of_names_is_no_speech(text: str) -> None:
    assert not [c for c in claims_of(text) if c.verb == ":"]


def test_a_labelled_line_with_a_sentence_stays_speech() -> None:
    text = "Q: Will the ferry run?\n\nLOWE: We have no captain, and no crew, and no boat yet.\n"
    assert any(c.verb == ":" and c.span.exact == "We have no captain, and no crew, and no boat yet" for c in claims_of(text))


def test_i_inside_a_quotation_after_a_named_speaker_is_that_speaker() -> None:
    text = ("The harbor master Nora Kell spoke to reporters on the pier on Monday and said the ferries would be late.\n\n"
            "“The new boats, I think, will not come before spring.”\n")
    claim = by_cue(text)["think"]
    assert "Nora Kell" in (claim.claimant_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "The campaign is spending heavily in Idaho and Utah, states that vote on the first Tuesday in May.",
        "The senator hopes to win in the dozen states that hold primaries next week.",
        "The party will turn to western states that Mr. Hale is counting on this month.",
    ],
)
def test_the_plural_noun_states_is_no_cue(text: str) -> None:
    assert not [c for c in claims_of(text) if c.verb.endswith("states")]


def test_a_report_that_states_a_finding_is_a_cue() -> None:
    claim = by_cue("The inspectors' report states that the old bridge is unsafe for trucks.")["states"]
    assert claim.span.exact == "the old bridge is unsafe for trucks"


def test_knowing_a_person_is_no_belief() -> None:
    text = "Voters in the valley know Nora Kell better than any other candidate."
    assert not [c for c in claims_of(text) if c.verb.casefold().endswith("know")]


def test_knowing_a_clause_stays_a_belief() -> None:
    claim = by_cue("I know that Nora Kell will vote for the harbor levy.")["know"]
    assert claim.span.exact == "Nora Kell will vote for the harbor levy"


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ('"There is a special place for people like him!" Pell said last week.', "Pell", "a special place"),
        ('"How tall will the fence be?" Lowe said in response.', "Lowe", "How tall will the fence be"),
        ('"We will look at many different people…" Quill said.', "Quill", "many different people"),
        ('"The count is over. Are there no ballots left to check?" Rita Lang, the party chair, said in a statement.',
         "Rita Lang", "The count is over. Are there no ballots"),
    ],
)
def test_a_speaker_line_after_its_quotation_says_it_with_a_setting_and_from_the_opening_mark(
        text: str, speaker: str, words: str) -> None:
    (claim,) = claims_of(text)
    assert claim.claimant_name == speaker
    assert words in claim.span.exact


def test_a_sentence_with_its_own_act_after_a_quotation_says_no_quotation() -> None:
    text = '"We are done." Lowe said on Monday as the crowd left.'
    assert not [c for c in claims_of(text) if c.cue is not None and c.cue.exact == "said" and "done" in c.span.exact]


def test_a_quoted_question_and_the_speaker_line_after_it_are_one_sentence() -> None:
    # a question mark inside a quotation ends no sentence before a name and a verb of saying
    (claim,) = claims_of('"Why now?" Lowe asked on Monday as the crowd left.')
    assert (claim.claimant_name, claim.span.exact) == ("Lowe", "Why now?")


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("Most believe that the harbor tax has failed.", "believe", "Most", "the harbor tax has failed"),
        ('Lowe has increasingly decried the issue of "unfair fares" and highlighted her plans to fix it.', "decried",
         "Lowe", "unfair fares"),
    ],
)
def test_a_main_verb_left_without_its_subject_is_said_by_the_phrase_before_it(
        text: str, cue: str, speaker: str, content: str) -> None:
    (claim,) = [c for c in claims_of(text) if c.cue is not None and cue in c.cue.exact]
    assert claim.claimant_name == speaker
    assert content in claim.span.exact


def test_a_place_set_off_by_commas_is_no_speaker() -> None:
    text = ("Officials familiar with the files kept in Dover, Del., speaking on condition of anonymity, "
            "said that the files were incomplete.")
    claim = by_cue(text)["said"]
    assert claim.claimant_name != "Del."
    assert claim.span.exact == "the files were incomplete"


def test_a_reporting_verb_after_a_comma_with_its_source_before_it_attributes_the_clause() -> None:
    text = "Wealthy donors are helping pay for a string of late attacks on Pell, filings made on Sunday night revealed."
    (claim,) = claims_of(text)
    assert claim.claimant_name == "filings made on Sunday night"
    assert claim.span.exact == "Wealthy donors are helping pay for a string of late attacks on Pell"


@pytest.mark.parametrize(
    "text",
    [
        "Lowe is favored to win a few contests in smaller, whiter states, but Pell keeps a wide lead.",
        "On the home front, Lowe displayed some of the same habits that got her elected - a mix of grit, pragmatism and hope.",
    ],
)
def test_a_list_member_that_looks_like_a_verb_is_no_reporting_aside(text: str) -> None:
    assert not [c for c in claims_of(text) if c.cue is not None and c.cue.exact in ("states", "hope")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("As the Harbor Gazette reported, Mayor Lowe was also accused of breaking the rules.", "the Harbor Gazette",
         "Mayor Lowe was also accused of breaking the rules"),
        ("(As Dover News first reported, Lowe voiced support for the plan in a 2004 talk with the host Ann Roe.)",
         "Dover News", "Lowe voiced support for the plan in a 2004 talk with the host Ann Roe"),
    ],
)
def test_an_as_clause_of_reporting_credits_the_clause_after_it(text: str, speaker: str, content: str) -> None:
    (claim,) = [c for c in claims_of(text) if c.cue is not None and "reported" in c.cue.exact]
    assert claim.claimant_name == speaker
    assert claim.span.exact == content


def test_an_as_clause_of_time_credits_nothing() -> None:
    text = "Lowe rode the mood of the hall as she replied."
    assert not [c for c in claims_of(text) if c.cue is not None and "replied" in c.cue.exact]


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        ("Asked on Monday whether the ferry would keep running, Tamsin Pell said it would.",
         "whether the ferry would keep running", "it would"),
        ("Asked about the flooded cellars, the harbor master said the pumps had failed.",
         "about the flooded cellars", "the pumps had failed"),
        ("Asked whether Orrin Vale, the council's treasurer, would resign, the mayor said he would not.",
         "whether Orrin Vale, the council's treasurer, would resign", "he would not"),
    ],
)
def test_a_question_put_to_the_speaker_is_a_claim_with_no_claimant(text: str, question: str, answer: str) -> None:
    claims = by_cue(text)
    assert claims["Asked"].text == question
    assert claims["Asked"].claimant_name is None
    assert claims["said"].text == answer


def test_a_question_put_after_the_quotation_leaves_the_quotation_whole() -> None:
    text = ('"It could happen," Ada Voss said when asked about the ferry fares. '
            '"But nobody on the board has asked for it."')
    claims = by_cue(text)
    assert claims["asked"].text == "about the ferry fares"
    assert claims["said"].quote == "It could happen … But nobody on the board has asked for it."


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ann Lowe persuaded the council to reopen the pier.", "persuaded", "the council to reopen the pier"),
        ("The harbor master convinced the crews to wait for the tide.", "convinced", "the crews to wait for the tide"),
    ],
)
def test_bringing_someone_to_act_says_what_they_are_to_do(text: str, cue: str, content: str) -> None:
    # as with "urged the council to vote": the plea put and what it asks
    assert by_cue(text)[cue].span.exact == content


def test_thanking_without_what_for_is_a_courtesy() -> None:
    assert "thanked" not in by_cue("The harbor master thanked the ferry crews.")
    assert "congratulated" not in by_cue("The harbor master congratulated the ferry crews.")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor refuted the claim about the ferry fares.", "refuted", "the claim about the ferry fares"),
        ("Ann Lowe derided the harbor plan as a gift to developers.", "derided",
         "the harbor plan as a gift to developers"),
        ("Ann Lowe belittled the council's new budget.", "belittled", "the council's new budget"),
    ],
)
def test_denying_or_making_light_of_something_says_what_of(text: str, cue: str, content: str) -> None:
    # like "denied the report" or "dismissed the plan": the object is what the stance is taken on
    assert by_cue(text)[cue].span.exact == content


@pytest.mark.parametrize(
    ("text", "verb", "parts"),
    [
        ("The harbor plan has long been considered a model for other towns.", "considered",
         ["The harbor plan", "a model for other towns"]),
        ("The shortfall for next year is projected to reach $3 million.", "projected",
         ["The shortfall for next year", "to reach $3 million"]),
    ],
)
def test_a_view_told_in_the_passive_holds_its_subject_and_complement(text: str, verb: str, parts: list[str]) -> None:
    (claim,) = [c for c in claims_of(text) if c.verb == verb]
    assert [p.exact for p in claim.content] == parts
    assert claim.claimant_name is None

