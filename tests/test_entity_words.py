"""Helpers of the entity extractor: patterns made of a document's words."""

from __future__ import annotations

import re

import pytest

from timeline_graph.extract.entity_words import after_capitalized, pattern
from timeline_graph.extract.text import UPPER


@pytest.mark.parametrize(("text", "word", "dots", "spaces", "expected"), [
    ("Mira Talbot said the Talbot family left.", "Talbot", False, False, True),
    ("the talbot family left", "talbot", False, False, False),
    ("a Vellan  Cuban shop", "Cuban", False, True, True),
    ("a Vellan  Cuban shop", "Cuban", False, False, False),
    ("St. Cuban", "Cuban", True, False, True),
    ("dr.x Cuban", "Cuban", True, False, False),
    ("McBride's Cubans", "Cuban", False, False, False),
    ("Ölund Cuban", "Cuban", False, False, True),
])
def test_after_capitalized_finds_what_the_pattern_finds(text: str, word: str, dots: bool, spaces: bool,
                                                        expected: bool) -> None:
    source = rf"[{UPPER}][\w{'.' if dots else ''}’'-]* {'+' if spaces else ''}{re.escape(word)}\b"
    assert bool(re.search(source, text)) is expected
    assert after_capitalized(text, word, dots=dots, spaces=spaces) is expected


def test_pattern_is_compiled_once() -> None:
    assert pattern(r"(?<!\w)Talbot(?!\w)") is pattern(r"(?<!\w)Talbot(?!\w)")
    assert pattern("talbot", re.IGNORECASE).match("TALBOT")


def test_the_word_lists_read_by_libyaml_are_those_the_python_reader_gives() -> None:
    """The gazetteer is read by libyaml where it is built in; its values (and their order, which
    patterns made of them follow) must be the ones Python's own YAML reader gives."""
    from importlib import resources

    import yaml

    from timeline_graph.extract.entity_words import gazetteer

    source = (resources.files("timeline_graph") / "data" / "gazetteer.yaml").read_text("utf-8")
    fast = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    slow = yaml.load(source, Loader=yaml.SafeLoader)
    assert repr(fast) == repr(slow)
    assert gazetteer().honorifics == frozenset(str(w) for w in slow["honorifics"])


@pytest.mark.parametrize(("run", "split"), [
    ("Varnel Refugee Council Mira Delbrook", ("Varnel Refugee Council", "Mira Delbrook")),
    ("Mira Delbrook", None),  # two words: no body's word, given name and surname to part
    ("Delbrook", None),
])
def test_a_body_and_the_person_after_it_are_parted_only_in_a_run_of_three_words_or_more(
        run: str, split: tuple[str, str] | None) -> None:
    from timeline_graph.extract.entity_runs import body_then_person

    text = f"On Monday the director of the {run} said the shelter was full."
    start = text.index(run)
    tokens = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", run)]
    found = body_then_person(text, tokens)
    parted = None if found is None else tuple(text[part[0][0]:part[-1][1]] for part in found)
    assert parted == split
