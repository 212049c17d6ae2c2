"""The time rules' key words are found in the lower-cased text exactly where case is ignored."""

from __future__ import annotations

import re

from timeline_graph.extract.times import _rules, find_times


def _keys() -> dict[str, re.Pattern[str]]:
    return {rule.key.pattern: rule.key for rule in _rules.rules()}


def test_the_case_twins_are_every_letter_whose_lower_case_reads_otherwise() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    found = set()
    for point in range(0x80, 0x110000):
        c = chr(point)
        low = c.lower()
        if (letters.fullmatch(c) or len(low) != 1 or low.isascii() or c.isalnum() != low.isalnum()
                or c.isdecimal() != low.isdecimal() or c.isspace() != low.isspace()):
            found.add(c)
    assert found == _rules.CASE_TWINS


def test_keys_match_where_they_matched_ignoring_case() -> None:
    text = ("On MONDAY the Quillby council met EACH Week; at 9 A.M. it said the levy, due Next Year, "
            "had risen twice SINCE the Spring of 2019 — “Daily,” one clerk wrote, «weeks ago».")
    for key in _keys().values():
        assert _rules._key_spans(key, text) == [m.span() for m in key.finditer(text)]
    assert any(_rules._case_kept(pattern) is not None for pattern in _keys())


def test_a_text_with_a_case_twin_is_searched_as_it_is() -> None:
    # "ſ" (long s) matches "s" when case is ignored, but its lower case is itself: the text is
    # searched as it is, and "ſeven weeks" still found
    text = "The Brolle ferry ſailed every Sunday for ſeven weeks."
    assert _rules._lowered(text) is None
    for key in _keys().values():
        assert _rules._key_spans(key, text) == [m.span() for m in key.finditer(text)]
    assert [t.text for t in find_times(text, None)] == ["every Sunday", "ſeven weeks"]


def test_every_rule_has_a_key_and_is_tried_in_the_order_of_the_keys() -> None:
    assert [rule.name for rule in _rules.rules()] == list(_rules._KEYS)
