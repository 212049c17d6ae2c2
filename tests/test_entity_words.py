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
