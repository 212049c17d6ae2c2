"""The rules: one regular expression per kind of time expression, and what a match means.

Matching and meaning are separate: every rule's expression runs over the whole text, the
longest non-overlapping matches win, and only then, in text order, does each winner's handler
turn its match into a TIMEX3 value and a calendar point (so "two days later" can count from the
date mentioned just before it).

The rules themselves are declared by topic (see ``_registry``): dates that name their unit
(``_dates``), reporting periods (``_periods``), days around the document date (``_days``),
times counted from a date (``_relative``), durations and sets (``_spans``), times of day
(``_clock``) and ranges (``_ranges``), with the readings they share in ``_values`` and
``_resolve``. This module compiles them, in the order of :data:`_KEYS`, and finds the key words
that let each expression run only where it can match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from . import _clock, _dates, _days, _periods, _ranges, _relative, _spans
from ._registry import _SOURCES, Check, Handler

__all__ = ["Rule", "rules"]

#: The modules that declare the rules, by topic: importing them registers their rules.
_TOPICS = (_dates, _periods, _days, _relative, _spans, _clock, _ranges)


@dataclass(frozen=True)
class Rule:
    """A named expression, an optional check of a match in its text, and its handler.

    ``key`` finds words every match contains; the expression only runs in windows of
    ``before``/``after`` characters around them, which keeps a pass over a long text fast.
    """

    name: str
    pattern: re.Pattern[str]
    handle: Handler
    check: Check | None
    key: re.Pattern[str]
    before: int
    after: int

    def finditer(self, text: str,
                 keys: dict[str, list[tuple[int, int]]] | None = None) -> list[re.Match[str]]:
        """Every match of the expression in ``text``, looking only around the key words.

        ``keys`` keeps the key words found in this text by pattern, for rules that share a key.
        """
        n = len(text)
        found = None if keys is None else keys.get(self.key.pattern)
        if found is None:
            found = _key_spans(self.key, text)
            if keys is not None:
                keys[self.key.pattern] = found
        windows: list[list[int]] = []
        for k_start, k_end in found:
            lo, hi = max(0, k_start - self.before), min(n, k_end + self.after)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        out: list[re.Match[str]] = []
        for lo, hi in windows:
            out.extend(self.pattern.finditer(text, lo, hi))
        return out


#: The letters outside ASCII that match an ASCII letter when case is ignored (dotted and dotless
#: i, long s, the Kelvin sign): the only ones whose lower case makes or unmakes such a match, or
#: changes the text's length, a word character or a digit (``tests/test_times_keys.py`` checks).
CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")


def _key_spans(key: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where a key (an expression that ignores case) matches the text.

    A key written in lower case is looked for in the lower-cased text, case kept: the same spans
    (no letter there but :data:`CASE_TWINS` lower-cases into or out of an ASCII letter) about
    four times faster, as ``re`` tries alternatives that ignore case one at a time.
    """
    plain = _case_kept(key.pattern) if key.flags & re.IGNORECASE else None
    lowered = _lowered(text) if plain is not None else None
    if plain is None or lowered is None:
        return [k.span() for k in key.finditer(text)]
    return [k.span() for k in plain.finditer(lowered)]


@cache
def _case_kept(pattern: str) -> re.Pattern[str] | None:
    """The key compiled to keep case, when written wholly in lower case and ASCII, with no flags
    of its own and no character given by its code (``\\S``, ``(?-i:...)``, ``\\u00c9`` would read
    otherwise); None otherwise."""
    if (pattern != pattern.lower() or not pattern.isascii() or re.search(r"\(\?[a-zA-Z-]", pattern)
            or re.search(r"\\[uUxXN0-7]", pattern)):
        return None
    return re.compile(pattern)


@lru_cache(maxsize=2)
def _lowered(text: str) -> str | None:
    """The text in lower case, unless it holds one of :data:`CASE_TWINS`."""
    return None if not CASE_TWINS.isdisjoint(text) else text.lower()


# Expressions start and end on word boundaries, and never right after a currency sign.
_L = r"(?<![\w$£€#@&])"
_R = r"(?![\w])"


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule, compiled once on first use, in the order of :data:`_KEYS`."""
    order = {name: i for i, name in enumerate(_KEYS)}
    out = []
    for name, pattern, fn, check in sorted(_SOURCES, key=lambda source: order[source[0]]):
        key, before, after = _KEYS[name]
        # the group keeps the boundaries around every alternative of a pattern
        out.append(Rule(name, re.compile(f"{_L}(?:{pattern}){_R}", re.IGNORECASE), fn, check,
                        re.compile(key, re.IGNORECASE), before, after))
    return tuple(out)


# Words every match of a rule contains, and how far before and after them a match may reach;
# in the order the rules are tried, which settles a tie between matches of the same span.
_K_MONTH = ("(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|"
            "JUL|AUG|SEP|OCT|NOV|DEC)")
_K_UNIT = "second|minute|hour|day|night|week|fortnight|month|year|decade|centur|quarter"
_KEYS: dict[str, tuple[str, int, int]] = {
    "month_day": (_K_MONTH, 30, 50),
    "day_month": (_K_MONTH, 40, 30),
    "iso_date": (r"\d[-/.]\d", 10, 30),
    "numeric_date": (r"\d[-/.]\d", 10, 30),
    "month_year": (_K_MONTH, 60, 40),
    "month": (_K_MONTH, 60, 50),
    "year": (r"\d\d\d\d", 50, 60),
    "spelled_year": ("nineteen|eighteen|twenty|thousand", 40, 60),
    "nth_week": ("week", 20, 40),
    "week_of": ("week", 5, 40),
    "decade": (r"0'?s|ties", 30, 5),
    "century": ("century", 40, 5),
    "season": ("spring|summer|fall|autumn|winter", 60, 40),
    "seasons": ("springs|summers|falls|autumns|winters", 40, 5),
    "quarter": (r"quarter|q[1-4]", 90, 60),
    "period": ("quarter|period|year-", 90, 50),
    "half": (r"half|h[12]|two\s+quarters", 30, 60),
    "today": ("today|yesterday|tomorrow|tonight|morning|afternoon|evening|night", 30, 30),
    "weekday": ("(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|"
                "WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)", 30, 30),
    "weekday_range": ("(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", 25, 25),
    "holiday": ("(?-i:Christmas|Year's|Thanksgiving|Halloween|Valentine|Independence|Fourth|"
                "Labor|Memorial|Veterans|Election|Easter|Good|Boxing)", 10, 40),
    "relative_unit": (_K_UNIT, 70, 10),
    "part_of_told_day": ("morning|afternoon|evening|night", 40, 2),
    "part_of_day": ("morning|afternoon|evening", 30, 15),
    "unit_before_after": (r"(?:day|night|week|month|year)\s+(?:before|after)", 5, 10),
    "the_weekend": ("weekend", 30, 5),
    "the_year": ("year", 60, 30),
    "the_week": ("month|week", 20, 30),
    "unit_part": ("month|week", 40, 10),
    "year_end": ("year", 20, 10),
    "overnight": ("overnight", 30, 5),
    "ago": ("ago|earlier|later|before|after|from now|from today|hence|previously|back|prior|since",
            100, 20),
    "in_n": (r"\bin\s", 0, 90),
    "duration": (_K_UNIT, 110, 20),
    "hyphen_duration": (f"-(?:{_K_UNIT})|-long|(?:day|hour|week|month|year)long", 30, 20),
    "vague_span": ("years|decades|months|weeks|centuries|ages|days|quarters|hours", 20, 40),
    "set": ("every|each|daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|"
            "fortnightly|semiannually|biannually|bimonthly|times|once|twice|thrice", 60, 40),
    "clock": (r"\d\s*[ap]\.?m\b|o'clock|:\d\d|noon|midnight|midday|afternoon|morning|evening", 50,
              60),
    "reference": ("now|current|present|recent|lately|previous|formerly|past|future|soon|"
                  "these days|moment|term", 20, 30),
    "year_range": (r"\d\d\d\d", 10, 40),
    "month_range": (_K_MONTH, 20, 50),
    "day_range": (_K_MONTH, 10, 50),
    "day_alone": (r"\d(?:st|nd|rd|th)\b", 20, 5),
}
