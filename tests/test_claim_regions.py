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
    text = "“Some people feel the mayor will bring change at once,” she said. “If he gets in, then things will really move,” she said."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="r.txt")
    contents = sorted(tuple(p.exact for p in c.content) for c in find_claims(doc, ()))
    assert contents == [("If he gets in, then things will really move",),
                        ("Some people feel the mayor will bring change at once",)]
