"""When a number before 1900 is a year: only where its context says so.

News mentions few years before 1900, and many four-digit numbers that are not years ("1133
acres", "5000 miles", "in the 1000s" for thousands, "pages 1133-1140"). A bare number before
1900 is a year only after a word that introduces a time ("in 1133", "since 1850", "the year
1133" is a rule of its own) and not before a noun it counts ("in 1133 cases"), or with an era
marker ("1133 AD", "A.D. 1133"); a year followed by "BC" is not one of ours at all. A month
before it ("March 1133") or a day is a cue of its own, read by the rules that match them.
"""

from __future__ import annotations

import re

__all__ = ["ERA_YEAR", "decade_ok", "follows_ok", "range_ok", "year_ok"]

#: The first year that needs no cue.
ERA_YEAR = 1900

_ERA_AFTER = re.compile(r"\s*(?:A\.?D\.?|C\.?E\.?)(?![\w])")
_BC_AFTER = re.compile(r"\s*(?:B\.?C\.?(?:E\.?)?)(?![\w])")
_ERA_BEFORE = re.compile(r"(?:\bA\.?D\.?|\bC\.?E\.?|\bcirca|\bc\.|\bca\.)\s*$")
_TIME_PREP_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|before|after|during|through|throughout|of|around|"
    r"between|and|to|year|years)\s+$", re.IGNORECASE)
# What may follow a year: the end of a phrase, a function word, a name ("in 1492 Columbus"),
# never a word the number counts ("in 1133 cases", "by 1500 votes").
_YEAR_AFTER = re.compile(
    r"(?:\s*(?:[.,;:!?)\]\u2014\u2013\"\u201d']|--|$)|\s+(?:[A-Z]|(?:and|or|but|when|while|as|"
    r"after|before|until|the|a|an|his|her|its|their|he|she|it|they|we|there|this|that|to|at|on|"
    r"in|with|by|for|during|under|was|were|had|is|are)\b|[a-z]+ed\b))")
_DECADE_PREP_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|before|after|during|through|throughout|of|into|to)\s+$",
    re.IGNORECASE)


def year_ok(text: str, start: int, end: int) -> bool:
    """Whether the bare number ``text[start:end]`` before 1900 is a year in its context."""
    if _BC_AFTER.match(text, end):
        return False
    if _ERA_AFTER.match(text, end) or _ERA_BEFORE.search(text, max(0, start - 8), start):
        return True
    return bool(_TIME_PREP_BEFORE.search(text, max(0, start - 12), start)) and follows_ok(text, end)


def follows_ok(text: str, end: int) -> bool:
    """Whether what follows a year ending at ``end`` lets it be one (no noun it counts)."""
    return bool(_YEAR_AFTER.match(text, end))


def range_ok(text: str, start: int, end: int) -> bool:
    """Whether the range of numbers ``text[start:end]`` ("1133-1140") is one of years."""
    if _BC_AFTER.match(text, end):
        return False
    return bool(_ERA_AFTER.match(text, end) or _ERA_BEFORE.search(text, max(0, start - 8), start)
                or _TIME_PREP_BEFORE.search(text, max(0, start - 12), start))


def decade_ok(text: str, start: int, end: int, first_year: int, modified: bool) -> bool:
    """Whether "the 1800s" at ``text[start:end]`` is a period of time in its context.

    ``start`` is where the match begins ("the" included); ``modified`` says "early", "mid" or
    "late" come before the number. "the 1000s" is the thousands unless an era is marked.
    """
    if _BC_AFTER.match(text, end):
        return False
    if _ERA_AFTER.match(text, end):
        return True
    if first_year == 1000:
        return False
    if modified:
        return True
    return text[start:start + 4].lower() == "the " \
        and bool(_DECADE_PREP_BEFORE.search(text, max(0, start - 12), start)) \
        and not re.match(r"\s+of\b", text[end:end + 5])
