"""Quotations continuing a claim past the sentence of its cue."""

import hashlib
from dataclasses import replace

from timeline_graph import nlp
from timeline_graph.extract.claim_regions import extend_quotes, quote_regions
from timeline_graph.extract.claim_words import Found
from timeline_graph.extract.claims import find_claims
from timeline_graph.model import Document
from timeline_graph.nlp import Sentence


def test_a_quotation_after_the_speakers_description_continues_it_in_one_parsed_sentence() -> None:
    text = "“The ferry will run late,” said Ruth Abbey, a lawyer in Kent. “We have no spare crew.”"
    parse = nlp.parse(text)
    # the parse may take the whole line for one sentence, the description's full stop inside it
    parse = replace(parse, sentences=(Sentence(0, len(text), 0, len(parse.tokens)),))
    words = [t.text for t in parse.tokens]
    said, ruth = words.index("said"), words.index("Ruth")
    found = Found(cue=(said, said + 1), content=set(range(1, words.index(","))), source=(ruth, ruth + 2), verb="said")
    extend_quotes(parse, [found])
    assert "We have no spare crew." in [text[a:b] for a, b in found.extra]


def test_curly_quotes_inside_straight_ones_do_not_end_the_quotation() -> None:
    text = 'Abbey wrote: "The board is not about “fair play” anymore. It is about power." Then she left.'
    assert [text[a:b] for a, b in quote_regions(text)] == ["The board is not about “fair play” anymore. It is about power."]


def test_a_quotation_with_its_own_cue_is_not_continued_by_the_one_before() -> None:
    text = "“Some people feel the mayor will bring change at once,” she said. “Once he takes office, the ferries will finally run on time,” she said."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    contents = sorted(tuple(p.exact for p in c.content) for c in find_claims(doc, ()))
    assert contents == [("Once he takes office, the ferries will finally run on time",),
                        ("Some people feel the mayor will bring change at once",)]


def test_a_quotation_running_into_a_paragraph_with_its_own_speaker_is_that_speakers() -> None:
    text = ('The mayor said: "There is no magic in the new timetable. It is a plan, not a promise.\n\n'
            '"Calling a delay by another name does not make it go away," Lowe said. '
            '"Not once has an engineer of mine said the bridge would open early."')
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    found = sorted((c.claimant_name or "", tuple(p.exact for p in c.content)) for c in find_claims(doc, ()))
    assert found == [
        ("Lowe", ("Calling a delay by another name does not make it go away",
                  "Not once has an engineer of mine said the bridge would open early.")),
        ("The mayor", ("There is no magic in the new timetable. It is a plan, not a promise.",)),
    ]


def test_a_quotation_running_into_the_next_paragraph_stays_one_claim() -> None:
    text = ('Lowe said: "The ferry will run all winter.\n\n'
            '"The new pier will open in May."\n\nThe council meets on Friday.')
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    found = [(c.claimant_name, tuple(p.exact for p in c.content)) for c in find_claims(doc, ())]
    assert found == [("Lowe", ("The ferry will run all winter.", "The new pier will open in May."))]


def test_a_title_quoted_in_the_speakers_description_does_not_stop_the_quotation_continuing() -> None:
    text = ("“Of course we will release the records,” Lowe said during an interview on “Harbor Week” Sunday. "
            "“Thank God, I am very healthy. It is not a problem.”")
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    found = [(c.claimant_name, tuple(p.exact for p in c.content)) for c in find_claims(doc, ())]
    assert found == [("Lowe", ("Of course we will release the records",
                               "Thank God, I am very healthy. It is not a problem."))]


def test_a_participle_after_the_speaker_takes_its_own_words_and_the_quotation_goes_on() -> None:
    text = ('"You make mistakes along the trail," Lowe said in Harborton, referring to a radio debate last spring. '
            '"If I could do it all again, I would have done more."')
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    found = {c.cue.exact: tuple(p.exact for p in c.content) for c in find_claims(doc, ()) if c.cue is not None}
    assert found == {
        "said": ("You make mistakes along the trail", "If I could do it all again, I would have done more."),
        "referring": ("a radio debate",),
    }


def test_a_quotation_the_parse_joins_to_the_sentence_before_stays_with_its_own_speaker() -> None:
    text = ("''We survey shippers each spring and ask them to grade the ports,'' Ms. Okafor said. ''Harbor grades "
            "first, Acme second and Ferrynet trails far behind. It has looked that way in each survey,'' she said.")
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    found = sorted(tuple(p.exact for p in c.content) for c in find_claims(doc, ()))
    assert found == [
        ("Harbor grades first, Acme second and Ferrynet trails far behind. It has looked that way in each survey",),
        ("We survey shippers each spring and ask them to grade the ports",),
    ]


def test_a_quotation_split_by_its_cue_in_two_apostrophes_is_one_claim() -> None:
    text = "''The voters are furious,'' Ms. Lowe said, ''and they are not letting one speech sway their vote.''"
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    found = [(c.claimant_name, tuple(p.exact for p in c.content)) for c in find_claims(doc, ())]
    assert found == [("Ms. Lowe", ("The voters are furious", "and they are not letting one speech sway their vote."))]


def _claims(text: str) -> list[tuple[str | None, str]]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    return [(c.claimant_name, c.span.exact) for c in find_claims(doc, ())]


def test_a_quotation_named_in_the_next_sentence_is_its_speakers_not_a_belief_inside_it() -> None:
    found = _claims("The boats were late again. “I hope you are able to find the missing boats.” Lowe said.")
    assert found == [("Lowe", "I hope you are able to find the missing boats.")]


def test_a_quotation_whose_speaker_follows_in_the_next_sentence_does_not_continue_the_one_before() -> None:
    found = _claims("The boats were late again. “I hope you are able to find the missing boats.” Lowe said at the pier. "
                    "“We are done.” The mayor said on Tuesday.")
    assert found == [("Lowe", "I hope you are able to find the missing boats."), ("The mayor", "We are done.")]


def test_a_speaker_named_after_the_quotation_with_an_auxiliary_or_an_adverb() -> None:
    found = _claims("The boats were late again. “I think our harbor does plenty of damage also.” Mr. Lowe had said. "
                    "“We are done.” The mayor later said.")
    assert found == [("Mr. Lowe", "I think our harbor does plenty of damage also."), ("The mayor", "We are done.")]


def test_a_cue_in_the_speakers_description_does_not_stop_the_quotation_continuing() -> None:
    text = ("“The councillors just don’t understand the harbor,” said Ida Marsh, who said she would not vote for "
            "either plan. “The harbor view on some of their plans is just so far out there.”")
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    found = sorted((c.claimant_name, tuple(p.exact for p in c.content)) for c in find_claims(doc, ()))
    assert found == [
        ("Ida Marsh", ("The councillors just don’t understand the harbor",
                       "The harbor view on some of their plans is just so far out there.")),
        ("Ida Marsh", ("she would not vote for either plan",)),
    ]


def _parts_of(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    return sorted((c.claimant_name, tuple(p.exact for p in c.content)) for c in find_claims(doc, ()))


def test_a_quotation_split_by_a_speaker_with_a_description_goes_on_after_its_comma() -> None:
    text = ('"This used to be the harbor\'s back yard," said Oskar Brenn, director of studies at the Kestrel '
            'Institute in Leeds, "but it is slowly sliding into the sea."')
    assert _parts_of(text) == [("Oskar Brenn", ("This used to be the harbor's back yard",
                                              "but it is slowly sliding into the sea."))]


def test_a_title_closing_the_speakers_sentence_inside_its_mark_does_not_stop_the_quotation() -> None:
    text = ("“We started with nothing,” Lowe said in an interview aired Monday on “Harbor Morning.” "
            "“No money, no volunteers, no office.”")
    assert _parts_of(text) == [("Lowe", ("We started with nothing", "No money, no volunteers, no office."))]


def test_a_restrictive_relative_describing_the_speaker_does_not_stop_the_quotation() -> None:
    text = ('"If I gave money, I would want answers," said a prominent council member who backs Lowe, asking not '
            'to be named. "Nobody can tell me where the ferry funds went."')
    found = _parts_of(text)
    assert ("a prominent council member", ("If I gave money, I would want answers",
                                           "Nobody can tell me where the ferry funds went.")) in found


def test_a_description_with_a_cue_of_its_own_keeps_the_quotation_after_it() -> None:
    text = ("“I regard Tom as an old friend,” Pell told Lowe, noting that she and her husband “have talked with "
            "him for years. We write more than we call.”")
    found = _parts_of(text)
    assert ("Pell", ("I regard Tom as an old friend",)) in found
    (noted,) = [parts for _, parts in found if "We write more than we call." in " ".join(parts)]
    assert "old friend" not in " ".join(noted)


def test_a_cue_hanging_from_the_speaker_or_the_saying_does_not_stop_the_quotation() -> None:
    text = "“The pier is safe,” said Ida Marsh, who is regarded as the town's best engineer. “We checked every beam.”"
    assert ("Ida Marsh", ("The pier is safe", "We checked every beam.")) in _named_parts(text)
    text = "“We will rebuild,” the mayor said as she called for calm. “Nobody will be left behind.”"
    (said,) = [parts for who, parts in _named_parts(text) if who == "the mayor"]
    assert said[0] == "We will rebuild" and said[-1] == "Nobody will be left behind."


def _named_parts(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    return [(c.claimant_name, tuple(p.exact for p in c.content)) for c in find_claims(doc, ())]


def test_a_content_ending_in_a_colon_takes_the_quotation_after_it() -> None:
    text = ('Lowe said that given the choice of ferries on both routes:\n\n'
            '"There is only one: the Kestrel. It runs on time. Nobody else does."\n\nThe council met on Monday.')
    assert _parts_of(text) == [("Lowe", ("given the choice of ferries on both routes",
                                       "There is only one: the Kestrel. It runs on time. Nobody else does."))]
