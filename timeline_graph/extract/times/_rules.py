"""The rules: one regular expression per kind of time expression, and what a match means.

Matching and meaning are separate: every rule's expression runs over the whole text, the
longest non-overlapping matches win, and only then, in text order, does each winner's handler
turn its match into a TIMEX3 value and a calendar point (so "two days later" can count from the
date mentioned just before it).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from . import _era
from ._context import Ctx, Found
from ._lexicon import (
    APPROX,
    APPROX_AGO,
    DAY,
    DAY_WORD,
    MONTH,
    MONTH_FULL,
    MONTHS,
    NUM_WORD,
    ORDINALS,
    PART_OF_DAY,
    QUANT,
    SEASONS,
    UNIT_S,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    number,
    unit_of,
)
from ._points import Point, add, choose, point_of, shift
from ._speech import speech_day
from ._tense import (
    ahead_of_event,
    in_object_of_preposition,
    in_present_condition,
    in_title_case,
    possessor_subject,
)

__all__ = ["Rule", "rules"]

Handler = Callable[[re.Match[str], Ctx], "Found | None"]
Check = Callable[[re.Match[str], str], bool]


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


_SOURCES: list[tuple[str, str, Handler, Check | None]] = []

# Expressions start and end on word boundaries, and never right after a currency sign.
_L = r"(?<![\w$£€#@&])"
_R = r"(?![\w])"


def _rule(name: str, pattern: str, check: Check | None = None) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _SOURCES.append((name, pattern, fn, check))
        return fn

    return register


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule, compiled once on first use."""
    out = []
    for name, pattern, fn, check in _SOURCES:
        key, before, after = _KEYS[name]
        # the group keeps the boundaries around every alternative of a pattern
        out.append(Rule(name, re.compile(f"{_L}(?:{pattern}){_R}", re.IGNORECASE), fn, check,
                        re.compile(key, re.IGNORECASE), before, after))
    return tuple(out)


# Words every match of a rule contains, and how far before and after them a match may reach.
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
    "week_of": ("week", 5, 40),
    "nth_week": ("week", 20, 40),
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
    "the_weekend": ("weekend", 30, 5),
    "overnight": ("overnight", 30, 5),
    "part_of_told_day": ("morning|afternoon|evening|night", 40, 2),
    "part_of_day": ("morning|afternoon|evening", 30, 15),
    "unit_before_after": (r"(?:day|night|week|month|year)\s+(?:before|after)", 5, 10),
    "the_year": ("year", 60, 30),
    "year_end": ("year", 20, 10),
    "unit_part": ("month|week", 40, 10),
    "the_week": ("month|week", 20, 30),
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


# ---------------------------------------------------------------------------------------------
# Helpers

_MOD = (r"(?:early|mid|late|the\s+(?:beginning|start|middle|end|close|"
        r"rest|remainder|turn)\s+of)")
_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|before|after|during|through|throughout|from|to|"
    r"between|and|or|early|late|mid|last|next|this|that|each|every|for|on|over|around|about|"
    r"into|as|until|till|except|than|past|recent|coming)[\s-]+(?:the\s+)?|[(,]\s*)$",
    re.IGNORECASE,
)


def _word_before(text: str, start: int, n: int = 40) -> str:
    words = re.findall(r"[\w'.-]+", text[max(0, start - n) : start])
    return words[-1].lower() if words else ""


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else ORDINALS[word.lower()]


def _valid(year: int | None, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def _years_in(s: str) -> list[int]:
    return [int(y) for y in re.findall(YEAR, s)]


def _two_digit_year(yy: str) -> int:
    n = int(yy)
    return 2000 + n if n <= 30 else 1900 + n


def _rel_year(s: str, dct: date | None) -> int | None:
    """The year "this year", "last year" or "next year" in ``s`` points at."""
    if dct is None:
        return None
    low = s.lower()
    for word, k in (("this year", 0), ("last year", -1), ("next year", 1), ("current year", 0),
                    ("previous year", -1), ("the year", 0)):
        if word in low:
            return dct.year + k
    return None


#: A present copula or schedule the expression completes ("the hearing is on Friday", "the vote
#: is set for June", "the levy is due in March"): what it names is coming, or now. A bare "for"
#: is left out: "the figures are for January" looks back.
_SCHEDULED_BY_PRESENT = re.compile(
    r"\b(?:is|are|remains?)\s+(?:(?:now|still|also|currently)\s+)?"
    r"(?:(?:set|due|slated|scheduled|planned|expected|penciled|pencilled|likely|possible)\s+"
    r"(?:(?:on|for|in)\s+)?"
    r"|(?:on|in)\s+)?$",
    re.IGNORECASE)


#: A present schedule verb right before the date ("the ban takes effect Jan. 1", "the offer
#: expires Nov. 21", "the season opens in April"): a change of state set for a coming date.
_SCHEDULED_CHANGE = re.compile(
    r"\b(?:(?:takes|goes|comes|enters)\s+(?:into\s+)?(?:effect|force)|kicks\s+in|expires|lapses|"
    r"begins|starts|ends|opens|closes|resumes|reopens|convenes|reconvenes)\s+(?:on\s+|in\s+|at\s+)?$",
    re.IGNORECASE)


_PAST_VERB_BEFORE = re.compile(r"(?<!\bbe\s)(?<!\bbeing\s)\b([a-z]{3,}ed)\s+(?:on\s+|in\s+)?$")


def _tense_of(rel: str | None, ctx: Ctx, m: re.Match[str]) -> tuple[str | None, bool, bool]:
    """The tense a yearless expression is resolved by, whether it is strict, and whether sure.

    Strict: the text says "last" or "next", or the date follows a past verb ("ended Jan. 31").
    Sure: the verb group governing the expression is in the past ("was held in May"), so the
    date is not after the document's; otherwise the nearest tense word only wins when its date
    is not much farther than the nearest one. With no tense word, a condition in the simple
    present ("if Ruiz wins in November") surely looks ahead, and a present verb of one event
    ("Ruiz is on the ballot in November", not "says") looks ahead unless the past is nearer
    by far: the simple present of a dated event is a plan, and a headline's tells of the past.
    """
    rel = (rel or "").lower().split()[-1] if rel else ""
    if rel in ("last", "past", "previous", "preceding"):
        return "past", True, False
    if rel in ("next", "coming", "following", "upcoming"):
        return "future", True, False
    if rel in ("this", "current"):
        return None, False, False
    apposed = _apposed_to_relative(ctx, m)
    if apposed is not None:
        return apposed, False, True
    if _SCHEDULED_BY_PRESENT.search(ctx.text, max(0, m.start() - 40), m.start()):
        return "future", False, True  # "the election is in November": the coming one
    change = _SCHEDULED_CHANGE.search(ctx.text, max(0, m.start() - 30), m.start())
    if change and not in_title_case(ctx.text, m.start()):
        return "future", False, True  # "the ban takes effect Jan. 1": not the Jan. 1 gone by
    verb = _PAST_VERB_BEFORE.search(ctx.text, max(0, m.start() - 25), m.start())
    if verb and ctx.tense(verb.start(1), verb.end(1)) == "past" and verb[1] not in _NOT_PAST_VERB:
        # "the year ended Jan. 31", "was terminated on May 2": done; "dismissed in May" written
        # in May is this May (the date starts on or before the document's, not ends before it)
        return "past", False, True
    if _governed_by_past(ctx, m):
        return "past", False, True
    if _governed_by_will(ctx, m):
        return "future", False, True  # "the council will vote on it in March": not last March
    reading = ctx.governing(m.start(), m.end())
    if reading.tense == "future":
        return "future", False, False  # "is to be held on Nov. 20": the verb's, not a nearer past word's
    marked = ctx.tense(m.start(), m.end())
    if marked == "past" and ahead_of_event(ctx.text, m.start(), m.end()):
        return None, False, False  # "spoke ahead of the Nov. 8 election": the nearest Nov. 8
    if marked is None and not in_title_case(ctx.text, m.start()):
        if in_present_condition(ctx.text, ctx.sentence(m.start(), m.end())[0], m.start()):
            return "future", False, True  # "if Ruiz wins in November": a past would say "won"
        if reading.tense == "present" and reading.verb not in _REPORTS:
            return "future", False, False
    return marked, False, False


# A distance from now right before a date set off after it ("only days away, Jan. 9", "three
# weeks ago, on Aug. 5", "in two days, on Friday"): the date restates it, whatever the tense
# of the clause ("With the levy vote days away, Jan. 9, the mayor was sure of it").
_RELATIVE_BEFORE = re.compile(
    r"\b(?:(?:days?|weeks?|months?|years?)\s+(?P<w>away|from\s+now|hence|ago)|in\s+(?:(?:a|an|one|"
    r"two|three|four|five|six|seven|eight|nine|ten|a\s+few|few|several|\d+)\s+)?(?:days?|weeks?|months?))"
    r"\s*(?:,|\s)\s*(?:on\s+|in\s+)?$", re.IGNORECASE)


def _apposed_to_relative(ctx: Ctx, m: re.Match[str]) -> str | None:
    """"future" or "past" when the date follows a distance from now it restates."""
    left, _ = ctx.sentence(m.start(), m.end())
    found = _RELATIVE_BEFORE.search(ctx.text, max(left, m.start() - 40), m.start())
    if found is None:
        return None
    return "past" if (found["w"] or "").lower() == "ago" else "future"


_NOT_PAST_VERB = frozenset(["scheduled", "expected", "planned", "slated", "needed", "proposed"])


def _pick(ctx: Ctx, m: re.Match[str], make: Callable[[int | None], Point | None],
          rel: str | None = None) -> tuple[Point | None, str | None]:
    """Resolve a point whose year the text does not give: by the document date and tense."""
    if ctx.dct is None:
        return make(None), None
    tense, strict, sure = _tense_of(rel, ctx, m)
    if not (strict or sure) and tense is None and _beside_prev(ctx, m):
        # "rose to $9 in June from $7 in March": with no tense to go by, a month beside another
        # of its sentence is the one nearest it
        assert ctx.prev is not None
        near = choose(make, ctx.prev.start(), None)
        if near is not None:
            return near, ctx.prev_anchor
    found = choose(make, ctx.dct, tense, strict=strict, sure=sure) or choose(make, ctx.dct, None)
    return found, ctx.doc_anchor


#: Words joining two points compared or spanned ("in June from $30 in March", "March to June").
_JOINED_POINTS = re.compile(r"\b(?:from|to|through|until|than|and|or|compared\s+with|versus|vs\.?)\b",
                            re.IGNORECASE)


def _beside_prev(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the expression before this one, a month or a day of a known year, is joined to it
    in its sentence as the other end of a comparison or a span ("in June from $30 in March")."""
    prev = ctx.prev
    if prev is None or prev.year is None or prev.gran not in ("month", "day"):
        return False
    left, _ = ctx.sentence(m.start(), m.end())
    between = ctx.text[ctx.prev_end : m.start()]
    return left <= ctx.prev_end <= m.start() and len(between) <= 40 and _JOINED_POINTS.search(between) is not None


def _day_found(point: Point | None, anchor: str | None, typ: str = "DATE") -> Found | None:
    if point is None:
        return None
    return Found(typ, point.value(), point, anchor=anchor)


def _unknown(value: str, typ: str = "DATE") -> Found:
    return Found(typ, value, None, chain=False)


def _num_value(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:.2f}".rstrip("0").rstrip(".")


# The next smaller unit a fraction of a unit is written in ("2 1/2 years" is P2Y6M, as TimeML
# writes it), whether that unit is a time unit, and how many of it make one.
_SMALLER_DATE = {"Y": ("M", False, 12), "M": ("D", False, 30), "W": ("D", False, 7),
                 "D": ("H", True, 24)}
_SMALLER_TIME = {"H": ("M", True, 60), "M": ("S", True, 60)}


def _duration_value(n: float | None, unit: str) -> str:
    letter, is_time, mult = UNITS[unit]
    t = "T" if is_time else ""
    if n is None:
        # an unknown count keeps its unit: "several quarters" are no known number of months
        return "PXQ" if unit == "quarter" else f"P{t}X{letter}"
    total = n * mult
    whole = int(total)
    small = (_SMALLER_TIME if is_time else _SMALLER_DATE).get(letter)
    if total != whole and small is not None and ((total - whole) * small[2]).is_integer():
        s_letter, s_time, per = small
        rest = int((total - whole) * per)
        big = f"{whole}{letter}" if whole else ""
        if is_time:
            return f"PT{big}{rest}{s_letter}"
        return f"P{big}T{rest}{s_letter}" if s_time else f"P{big}{rest}{s_letter}"
    return f"P{t}{_num_value(total)}{letter}"


_UNIT_GRAN = {"second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day",
              "week": "week", "fortnight": "week", "weekend": "week", "month": "month",
              "quarter": "quarter", "season": "season", "year": "year", "decade": "year",
              "century": "year"}


def _move(day: date, unit: str, n: float) -> date:
    """``day`` moved by ``n`` (possibly fractional) units."""
    if unit in ("second", "minute", "hour"):
        hours = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1.0}[unit] * n
        return day + timedelta(days=int(hours / 24))  # "an hour ago" is most likely the same day
    if unit == "fortnight":
        unit, n = "week", n * 2
    if unit == "weekend":
        unit = "week"
    if unit == "night":
        unit = "day"
    if n != int(n) and unit in ("decade", "century"):
        unit, n = "year", n * (10 if unit == "decade" else 100)  # half a century: 50 years
    if n != int(n):
        unit, n = {"year": ("month", n * 12), "decade": ("month", n * 120),
                   "month": ("day", n * 30), "week": ("day", n * 7),
                   "quarter": ("month", n * 3)}.get(unit, ("day", n))
        n = round(n)
    return add(day, unit, int(n))


# ---------------------------------------------------------------------------------------------
# Absolute dates


def _month_day(m: re.Match[str], ctx: Ctx) -> Found | None:
    mon, day = _month(m["mon"]), _day(m["day"])
    yy = m.groupdict().get("yy")
    year = int(m["year"]) if m["year"] else (_two_digit_year(yy) if yy else None)
    ry = m.groupdict().get("ry")
    if ry and ctx.dct is not None:  # "January 20 next year"
        year = _rel_year(ry, ctx.dct)
        if year is not None and _valid(year, mon, day):
            return _day_found(Point("day", year, mon, day), ctx.doc_anchor)
    if not _valid(year, mon, day):
        return None
    if year is not None:
        return _day_found(Point("day", year, mon, day), None)
    wd = WEEKDAYS.get((m["wd"] or "").lower())

    def make(y: int | None) -> Point | None:
        if not _valid(y, mon, day):
            return None
        if y is not None and wd is not None and date(y, mon, day).weekday() != wd:
            return None
        return Point("day", y, mon, day)

    rel = m.groupdict().get("rel")
    same_year = make(ctx.prev.year) if not rel and ctx.prev is not None else None
    if same_year is not None and _that_year_after(ctx, m):
        return _day_found(same_year, ctx.prev_anchor)  # "on Oct. 3 of that year"
    told = _told_after(ctx, m, same_year)
    if told is not None:
        return _day_found(told, ctx.prev_anchor)
    point, anchor = _pick(ctx, m, make, rel)
    if point is None and wd is not None:  # the weekday does not fit: trust the date
        wd = None
        point, anchor = _pick(ctx, m, make, rel)
    found = _day_found(point, anchor)
    if found is not None and rel:
        # "last Oct. 23": the word says which year; TimeML marks the date alone
        found.start = m.start("mon") if not m["wd"] else m.start()
    return found


#: How far after a stated date of an earlier year a date without one is read in that year.
_NARRATIVE_DAYS = 183
_NARRATIVE_CHARS = 1500


def _told_after(ctx: Ctx, m: re.Match[str], same_year: Point | None) -> Point | None:
    """A day without a year in a story told in order about an earlier year: that year's.

    "On March 2, 2015, the paper reported it. On March 25, the firm held a call" (written in
    2016): when the last date the text gave was a day with its year stated, in a year before
    the document's, and the day falls within half a year after it, it continues that account.
    """
    prev = ctx.prev
    if same_year is None or prev is None or not ctx.prev_stated or prev.gran != "day" \
            or prev.year is None or ctx.dct is None or prev.year >= ctx.dct.year \
            or m.start() - ctx.prev_end > _NARRATIVE_CHARS:
        return None
    gap = (same_year.start() - prev.start()).days
    if not 0 < gap <= _NARRATIVE_DAYS or ctx.tense(m.start(), m.end()) == "future":
        return None
    return same_year


_rule("month_day",
      rf"(?:(?:(?:this\s+coming|this\s+past|this|next|last|coming)\s+)?(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<rel>last|this\s+past|next|this\s+coming)\s+)?(?P<mon>{MONTH})\s+(?:the\s+)?"
      rf"(?P<day>{DAY}|{DAY_WORD})(?:(?:,\s*|\s+)(?P<year>{YEAR})|,?\s+'(?P<yy>\d\d)|"
      r"(?P<ry>,?\s+(?:next|last|this)\s+year))?"
      r"(?![,.:]\d|\s*(?:%|percent|-\d))")(_month_day)
_rule("day_month",
      rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY}|{DAY_WORD})(?:\s+of)?\s+"
      rf"(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?")(_month_day)


@_rule("iso_date", rf"(?P<year>{YEAR})(?P<sep>[-/.])(?P<mon>0[1-9]|1[0-2])(?P=sep)"
                   r"(?P<day>0[1-9]|[12]\d|3[01])(?:T\d\d:\d\d(?::\d\d)?)?")
def _iso_date(m: re.Match[str], ctx: Ctx) -> Found | None:
    year, mon, day = int(m["year"]), int(m["mon"]), int(m["day"])
    return _day_found(Point("day", year, mon, day), None) if _valid(year, mon, day) else None


@_rule("numeric_date", r"(?P<a>[01]?\d|[12]\d|3[01])(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
                       r"(?P<y>\d{4}|\d\d)(?![/.-]?\d)")
def _numeric_date(m: re.Match[str], ctx: Ctx) -> Found | None:
    a, b = int(m["a"]), int(m["b"])
    year = int(m["y"]) if len(m["y"]) == 4 else _two_digit_year(m["y"])
    mon, day = (a, b) if a <= 12 else (b, a)  # US month first unless it cannot be a month
    if not _valid(year, mon, day) or not 1000 <= year <= 2099:
        return None
    return _day_found(Point("day", year, mon, day), None)


def _month_year_ok(m: re.Match[str], text: str) -> bool:
    """"In March 1500 troops were sent": a month, then a number that counts, not a year."""
    if not m["year"]:
        return True
    if int(m["year"]) < _era.ERA_YEAR and not _era.follows_ok(text, m.end()):
        return False
    return not _COUNTED.match(text, m.end())


@_rule("month_year", rf"(?:{_MOD}[-\s]+)?(?P<mon>{MONTH})(?:\s+of|,)?\s+"
                     rf"(?:(?P<year>{YEAR})|'(?P<yy>\d\d))(?![,.]\d)",
       _month_year_ok)
def _month_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    year = int(m["year"]) if m["year"] else _two_digit_year(m["yy"])
    return _day_found(Point("month", year, _month(m["mon"])), None)


_VERB_AFTER_MAY = re.compile(
    r"\s+(?:be|have|not|also|still|well|never|soon|yet|need|want|take|make|get|go|come|"
    r"i|we|you|he|she|it|they|the|a|an|this|that|there)\b", re.IGNORECASE)


_NO_GIVEN_NAME = frozenset(["january", "february", "september", "october", "november", "december"])
_TIME_PREP_BEFORE = re.compile(r"\b(?:in|by|since|until|till|before|after|during|through|early|late|mid)[\s-]+$",
                               re.IGNORECASE)


def _month_alone_ok(m: re.Match[str], text: str) -> bool:
    if m["mod"] or m["rel"] or m["rel2"]:
        return True
    name = m["mon"]
    after = text[m.end() : m.end() + 30]
    if re.match(r"\s+[A-Z][a-z]", after) and not re.match(r"\s+(?:The|In|On|A)\b", after) \
            and not (name.lower() in _NO_GIVEN_NAME and _TIME_PREP_BEFORE.search(text, max(0, m.start() - 12), m.start())):
        # "June Carter", "August Wilson"; but a month no one is named after, after "in" or
        # "by", is the month ("by September Poland had fallen")
        return False
    if name.lower() in ("may", "march"):
        if name[0].isupper() and re.search(r"\bthe\s+$", text[max(0, m.start() - 6) : m.start()], re.IGNORECASE) \
                and re.match(r"\s+(?!(?:on|of|to|for|in|at|from|with|against|through|across|into|and|or)\b)[a-z]+\b", after) \
                and not _VERB_AFTER_MAY.match(after):
            return True  # "the March handover", "the May elections": a month before a noun
        if _VERB_AFTER_MAY.match(after) and name[0].isupper() and m.start() and \
                not _PREP_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            return False
        return bool(_PREP_BEFORE.search(text[max(0, m.start() - 30) : m.start()]))
    return True


_THAT_BEFORE = re.compile(r"\bthat\s+(?:same\s+|very\s+)?$", re.IGNORECASE)
# Words that make "that" a conjunction ("said that November was cold"), not a demonstrative.
_THAT_CONJ_BEFORE = re.compile(
    r"\b(?:said|says|say|told|tells|believe[sd]?|think|thinks|thought|know|knows|knew|noted|"
    r"notes|added|adds|announced|reported|argued|claimed|hoped|hopes|feared|fears|expect|"
    r"expects|expected|so|such|now|given|means|meant|shows|showed|found|insisted|warned|"
    r"is|was|are|were)\s+that\s+(?:same\s+|very\s+)?$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:is|was|will|would|has|had|could|might|should|may|can|must|"
                         r"brought|saw|marked|became|proved|remains?)\b", re.IGNORECASE)


def _that_before(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether a month or season without a year follows a demonstrative "that" ("sued that
    November") and the text has named a year before it: then it is of that year."""
    if m["mod"] or ctx.prev is None or ctx.prev.year is None:
        return False
    before = ctx.text[max(0, m.start() - 40) : m.start()]
    if not _THAT_BEFORE.search(before) or _THAT_CONJ_BEFORE.search(before):
        return False
    return not _VERB_AFTER.match(ctx.text, m.end())


def _that_week(ctx: Ctx, m: re.Match[str]) -> date | None:
    """The day last told when a weekday follows a demonstrative "that" ("That Friday, the
    council met") and the text has named a day before it: the weekday is the nearest to it."""
    prev = ctx.prev
    if prev is None or prev.year is None or prev.gran != "day":
        return None
    before = ctx.text[max(0, m.start() - 40) : m.start()]
    if not _THAT_BEFORE.search(before) or _THAT_CONJ_BEFORE.search(before) \
            or _VERB_AFTER.match(ctx.text, m.end()):
        return None
    return prev.start()


_THAT_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _that_year_after(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether a yearless date is followed by "of that year" and the text has named a year."""
    return ctx.prev is not None and ctx.prev.year is not None \
        and _THAT_YEAR_AFTER.match(ctx.text, m.end()) is not None


@_rule("month",
       rf"(?:(?P<mod>{_MOD})[-\s]+)?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|previous)\s+)?"
       rf"(?P<mon>{MONTH_FULL}|(?-i:Sept|Jan|Feb|Aug|Oct|Nov|Dec)\.)"
       r"(?:\s+(?:of\s+)?(?P<rel2>this|last|next)\s+year)?",
       _month_alone_ok)
def _month_alone(m: re.Match[str], ctx: Ctx) -> Found | None:
    mon = _month(m["mon"])
    if m["rel2"]:
        year = _rel_year(m["rel2"] + " year", ctx.dct)
        if year is None:
            return Found("DATE", f"XXXX-{mon:02d}", Point("month", None, mon), chain=False)
        return _day_found(Point("month", year, mon), ctx.doc_anchor)
    if (m["rel"] or "").lower() == "this" and ctx.dct is not None:
        return _day_found(Point("month", ctx.dct.year, mon), ctx.doc_anchor)  # of this year
    if _that_before(ctx, m) or _that_year_after(ctx, m):
        # "in 2015 ... that November", "in October of that year": of the year spoken of last
        assert ctx.prev is not None
        return _day_found(Point("month", ctx.prev.year, mon), ctx.prev_anchor)

    def make(y: int | None) -> Point:
        return Point("month", y, mon)

    if not m["rel"] and _in_told_year(ctx, m, mon):
        assert ctx.prev is not None
        return _day_found(make(ctx.prev.year), ctx.prev_anchor)
    point, anchor = _pick(ctx, m, make, m["rel"])
    if point is not None and point.year is not None and ctx.dct is not None \
            and (m["rel"] or "").lower() == "last" and point.start() == _month_before(ctx.dct):
        # "last February" said in March: the month just gone is "last month", so the one a
        # year before it
        point = make(point.year - 1)
    return _day_found(point, anchor)


def _in_told_year(ctx: Ctx, m: re.Match[str], mon: int) -> bool:
    """Whether a yearless month continues, in the past and in the same sentence, an account of
    an earlier year the text stated ("moved to Ohio in 2005 and opened a plant in March")."""
    prev = ctx.prev
    if prev is None or prev.year is None or not ctx.prev_stated or ctx.dct is None \
            or prev.year >= ctx.dct.year or prev.gran not in ("year", "month", "day"):
        return False
    if prev.gran != "year" and mon < prev.month:
        return False
    left, _ = ctx.sentence(m.start(), m.end())
    if ctx.prev_end < left:
        return False
    # "The firm, founded in 2001, posted a loss in March": an aside set off by commas is
    # another account; a comma may only join two clauses ("in 1939, and in September")
    between = ctx.text[ctx.prev_end : m.start()]
    if re.search(r",(?!\s+(?:and|then|before|after)\b)|\b(?:but|yet|while|whereas|although|though|"
                 r"that|which|who|when|because|if|said|says|told|reported)\b", between, re.IGNORECASE):
        # "were flat in 2012 but rose in February": a contrast, maybe of now; "the report in
        # 2009 said that November was wet": another clause, another account
        return False
    return ctx.tense(m.start(), m.end()) == "past"


def _month_before(day: date) -> date:
    """The first day of the month before ``day``'s."""
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


_COUNTED = re.compile(
    r"\s*(?:%|percent|per\s*cent|[.,]\d)|\s+(?:people|persons|men|women|children|shares|"
    r"employees|workers|jobs|troops|soldiers|votes|cars|vehicles|units|tons|tonnes|barrels|"
    r"acres|miles|kilometers|feet|meters|metres|dollars|yen|marks|francs|pounds|euros|points|"
    r"students|members|cases|deaths|homes|houses|copies|pages|words|items|calls|requests|"
    r"cameras|users|customers|companies|firms|banks|stores|times|hours|minutes|days|"
    r"officers|agencies|police|residents|patients|rooms|seats|plants|ships|planes|aircraft|"
    r"lawyers|delegates|refugees|victims|civilians|protesters|guests|visitors|fans)\b",
    re.IGNORECASE)
#: A unit of time right after a number makes it a quantity ("2000 years old"), not a year.
_UNITS_AFTER = re.compile(r"\s+(?:years?|decades?|centuries|months?|weeks?|days?|hours?)\b",
                          re.IGNORECASE)
_NOT_YEAR_BEFORE = frozenset(
    ["no", "no.", "number", "page", "pages", "room", "route", "flight", "highway", "interstate", "windows", "section", "article", "chapter", "rule", "resolution", "act", "paragraph", "figure", "table", "item", "model", "version", "box", "suite", "apt", "apartment", "unit", "building", "gate", "bus", "train", "line", "channel", "exit"]
)


def _year_ok(m: re.Match[str], text: str) -> bool:
    if m["mod"] or m["fy"]:
        return True
    if int(m["year"]) < _era.ERA_YEAR and not _era.year_ok(text, m.start("year"), m.end("year")):
        return False  # "1133 acres", "5000 miles": a number, not a year
    if _COUNTED.match(text, m.end()) or _UNITS_AFTER.match(text, m.end()):
        return False
    before = text[max(0, m.start() - 2) : m.start()]
    if re.search(r"[\d,.:/-]\s?$", before) and not before.endswith(", "):
        return False
    return _word_before(text, m.start()) not in _NOT_YEAR_BEFORE


@_rule("year",
       rf"(?:(?P<mod>{_MOD}|pre|post)[-\s]+)?(?:(?P<fy>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?"
       rf"|the\s+(?:fiscal\s+|calendar\s+|model\s+)?year)[\s-]*)?(?P<year>{YEAR})(?![-/]\d)"
       r"(?:\s+(?:fiscal|calendar|model)\s+year(?![-\w]))?",
       _year_ok)
def _year(m: re.Match[str], ctx: Ctx) -> Found | None:
    return _day_found(Point("year", int(m["year"])), None)


_NUMBER_YEAR_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}


@_rule("spelled_year",
       rf"(?:(?P<mon>{MONTH_FULL})\s+|the\s+(?P<s>spring|summer|fall|autumn|winter)\s+of\s+)?"
       r"(?:the\s+year\s+)?(?:(?P<cent>nineteen|eighteen|twenty)[-\s]+(?P<rest>(?:twenty|thirty|"
       r"forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|"
       r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
       r"nineteen|oh[-\s](?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand"
       r"(?:\s+and)?(?:[-\s]+(?P<rest2>one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
       r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)")
def _spelled_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["cent"]:
        rest = m["rest"].lower().replace("oh", "").strip(" -")
        n = number(rest.replace("-", " "))
        if n is None:
            return None
        year = _NUMBER_YEAR_WORDS[m["cent"].lower()] * 100 + int(n)
    else:
        n2 = number(m["rest2"]) if m["rest2"] else 0.0
        year = 2000 + int(n2 or 0)
    if not m["cent"] and not m["rest2"] and not m.group(0).lower().startswith("the year"):
        return None  # a bare "two thousand" is a number
    if year < _era.ERA_YEAR and not (m["mon"] or m["s"] or m.group(0).lower().startswith("the year")) \
            and not _era.year_ok(ctx.text, m.start(), m.end()):
        return None  # "eighteen twenty" alone is two numbers
    if m["mon"]:  # "January nineteen ninety-seven"
        return _day_found(Point("month", year, _month(m["mon"])), None)
    if m["s"]:  # "the winter of nineteen ninety-four"
        return _day_found(Point("season", year, sub=SEASONS[m["s"].lower()]), None)
    return _day_found(Point("year", year), None)


#: Which day of a month its "first" ... "last" week is the week of.
_NTH_WEEK_DAY = {"first": 4, "second": 11, "third": 18, "fourth": 25}


@_rule("nth_week",
       r"(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+"
       rf"(?P<mon>{MONTH_FULL}|(?-i:Sept|Jan|Feb|Aug|Oct|Nov|Dec)\.?)(?:,?\s+(?P<year>{YEAR}))?")
def _nth_week(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"the first week of March", "the last week of June 2019": the ISO week holding most of
    those seven days (not "the last week" before the document date and a month)."""
    mon = _month(m["mon"])
    if m["year"]:
        year: int | None = int(m["year"])
        anchor = None
    else:
        month, anchor = _pick(ctx, m, lambda y: Point("month", y, mon))
        year = None if month is None else month.year
    if year is None:
        return Found("DATE", f"XXXX-{mon:02d}", Point("month", None, mon), chain=False)
    nth = m["nth"].lower()
    day = calendar.monthrange(year, mon)[1] - 3 if nth in ("last", "final") else _NTH_WEEK_DAY[nth]
    week = point_of(date(year, mon, day), "week")
    return Found("DATE", week.value(), week, anchor=anchor)


@_rule("week_of", rf"(?P<wd>(?!))?the\s+week\s+of\s+(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?")
def _week_of(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"the week of March 6": the ISO week of that day."""
    found = _month_day(m, ctx)
    if found is None or found.point is None or found.point.year is None:
        return found
    week = point_of(found.point.start(), "week")
    return Found("DATE", week.value(), week, anchor=found.anchor)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


@_rule("decade",
       r"(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?:(?P<dec>1\d\d|20\d)0'?s|'(?P<yy>\d)0s|"
       r"(?P<w>(?:nineteen[-\s]+)?(?:twenties|thirties|forties|fifties|sixties|seventies|"
       r"eighties|nineties)))",
       lambda m, text: (not m["w"] or m.group(0).lower().startswith(("the", "nineteen")))
       and (not m["dec"] or int(m["dec"]) * 10 >= _era.ERA_YEAR
            or _era.decade_ok(text, m.start(), m.end(), int(m["dec"]) * 10, bool(m["mod"]))))
def _decade(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["dec"]:
        year = int(m["dec"]) * 10
    elif m["yy"]:
        year = (2000 if m["yy"] in "01" else 1900) + int(m["yy"]) * 10
    else:
        year = 1900 + _DECADE_WORDS[m["w"].lower().split()[-1].split("-")[-1]] * 10
    if m["dec"] and year % 100 == 0 and year < 2000:
        # "the 1800s", "the early 1900s": the century (as "the nineteenth century"), not its
        # first ten years; "the 2000s" is still read as a decade
        return _day_found(Point("century", year), None)
    found = _day_found(Point("decade", year), None)
    if found is not None:
        found.value = found.value.rstrip("X")  # TimeML writes "the 1990s", "1990s bands" as 199
    return found


_CENTURY_WORDS = {w: n for w, n in ORDINALS.items() if w.isalpha()}
_CENTURY_WORDS["twenty-first"] = 21


@_rule("century",
       r"(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<n>1\d(?:st|nd|rd|th)|2[01](?:st|nd|rd|th)|"
       r"\d(?:st|nd|rd|th)|twenty[-\s]first|(?:[a-z]+teenth|tenth|eleventh|twelfth|twentieth))"
       r"[-\s]+century")
def _century(m: re.Match[str], ctx: Ctx) -> Found | None:
    word = re.sub(r"\s+", "-", m["n"].lower())
    digits = re.match(r"\d+", word)
    n = int(digits.group()) if digits else _CENTURY_WORDS.get(word)
    if not n or n < 2:
        return None
    return _day_found(Point("century", (n - 1) * 100), None)


def _season_ok(m: re.Match[str], text: str) -> bool:
    if m["mod"] or m["rel"] or m["year"] or m["rel2"]:
        return True
    if re.match(r"\s+of\b", text[m.end() :]) or re.match(r"\s*-", text[m.end() :]):
        return False  # "the fall of the regime", "spring-loaded"
    before = text[max(0, m.start() - 30) : m.start()]
    return bool(re.search(r"\b(?:in|during|over|by|until|till|since|through|throughout|this|"
                          r"that|all|each|every|before|after|early|late|from|into)\s+(?:the\s+)?$",
                          before, re.IGNORECASE))


@_rule("season",
       rf"(?:(?P<mod>{_MOD})[-\s]+)?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|previous)\s+|the\s+)?"
       r"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>" + YEAR +
       r")|\s+(?:of\s+)?(?P<rel2>this|last|next)\s+year)?",
       _season_ok)
def _season(m: re.Match[str], ctx: Ctx) -> Found | None:
    sub = SEASONS[m["s"].lower()]
    year = int(m["year"]) if m["year"] else None
    if m["rel2"]:
        year = _rel_year(m["rel2"] + " year", ctx.dct)
    if year is not None:
        return _day_found(Point("season", year, sub=sub), ctx.doc_anchor if m["rel2"] else None)
    if (m["rel"] or "").lower() == "this" and ctx.dct is not None:
        current = point_of(ctx.dct, "season")  # the season we are in, else this year's
        this = current if current.sub == sub else Point("season", ctx.dct.year, sub=sub)
        return _day_found(this, ctx.doc_anchor)
    if _that_before(ctx, m):
        # "in 2015 ... that summer": the summer of the year the text spoke of last
        assert ctx.prev is not None
        return _day_found(Point("season", ctx.prev.year, sub=sub), ctx.prev_anchor)

    def make(y: int | None) -> Point:
        return Point("season", y, sub=sub)

    point, anchor = _pick(ctx, m, make, m["rel"])
    if point is not None and point.year is None:
        return Found("DATE", point.value(), point, chain=False)
    return _day_found(point, anchor)


_SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


@_rule("seasons",
       r"(?:the\s+)?(?:past|last|next|coming|previous|preceding|following)\s+"
       rf"(?P<q>{QUANT})\s+(?P<s>springs|summers|falls|autumns|winters)")
def _seasons(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"The past three summers": the season recurring over a run of years, as "every summer"
    is (TimeML's set of summers), not a past reference of "the past"."""
    return Found("SET", f"XXXX-{_SEASON_CODES[m['s'][:-1].lower()]}", chain=False)


# ---------------------------------------------------------------------------------------------
# Quarters, halves and reporting periods

_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
          "4th": 4, "final": 4}
_YEAR_BACK = re.compile(r"year-(?:ago|earlier)|prior-year|year\s+(?:ago|earlier)|"
                        r"(?:corresponding|comparable|same|year-ago)\b.*\blast\s+year",
                        re.IGNORECASE)


@_rule("quarter",
       r"(?:the\s+)?(?:(?:this|last|next|latest|current|past|previous|preceding|coming|same|"
       r"year-ago|year-earlier|prior-year|comparable|corresponding|most\s+recent|recent|fiscal|"
       r"calendar|" + YEAR + r"(?:'s)?|(?:this|last|next)\s+year's)\s+)*"
       r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[-\s]+(?:fiscal[-\s]+)?quarter"
       r"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:year\s+)?(?:" + YEAR +
       r"|(?:this|last|next|the\s+current|the\s+previous)\s+year|the\s+year)|\s+" + YEAR +
       r"|\s+(?:this|last|next)\s+year)?"
       r"|Q(?P<q>[1-4])(?:\s+|[-/]|\s+of\s+)(?:FY\s*)?(?P<qy>" + YEAR + r")|(?P<qy2>" + YEAR +
       r")\s*[-/]?\s*Q(?P<q2>[1-4])")
def _quarter(m: re.Match[str], ctx: Ctx) -> Found | None:
    s = m.group(0)
    q = _ORD_Q[m["ord"].lower()] if m["ord"] else int(m["q"] or m["q2"])
    adjective = re.match(r"the\s+(?=\w+-quarter$)", s, re.IGNORECASE)  # "the third-quarter"
    years = _years_in(s)
    year = years[-1] if years else _rel_year(s, ctx.dct)
    back = bool(_YEAR_BACK.search(s))
    anchor = None if years else ctx.doc_anchor
    if year is None and back and ctx.prev is not None and ctx.prev.year is not None:
        year, anchor = ctx.prev.year, ctx.prev_anchor
    if year is None:
        if ctx.dct is None:
            return Found("DATE", f"XXXX-Q{q}", Point("quarter", None, sub=q), chain=False)

        def make(y: int | None) -> Point:
            return Point("quarter", y, sub=q)

        point, anchor = _figures_to_come(ctx, m, make) or _pick(ctx, m, make)
        if point is None:
            return None
        year = point.year
    assert year is not None
    if back and not years:
        year -= 1
    found = _day_found(Point("quarter", year, sub=q), anchor)
    if found is not None and adjective:
        found.start = m.start() + adjective.end()
    if found is not None:
        found.back = back
    return found


#: A figure a company reports for a period, right after the period ("third-quarter results",
#: "the fourth quarter's earnings") or right before it ("profit in the third quarter").
_FIGURES = (r"(?:results?|earnings|profits?|loss(?:es)?|net|income|sales|revenues?|figures|"
            r"numbers|dividends?|margins?|output|shipments|deliveries|volume)")
_FIGURES_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:(?:and|or)\s+[a-z]+(?:-[a-z]+)?\s+)?(?:[a-z]+\s+)?"
                            + _FIGURES + r"\b", re.IGNORECASE)
_FIGURES_BEFORE = re.compile(_FIGURES + r"\s+(?:for|in|of)\s+$", re.IGNORECASE)

#: How long after a period closes its figures are still to come: a quarter's report is due
#: within weeks of its end (a year's within three months), never a quarter later.
_REPORT_LAG = timedelta(days=92)


def _figures_to_come(ctx: Ctx, m: re.Match[str], make: Callable[[int | None], Point]
                     ) -> tuple[Point, str | None] | None:
    """The quarter of figures still to be reported ("will report third-quarter results",
    "profit in the fourth quarter will rise"): a future clause about a period's figures speaks
    of the latest period that has begun, or of one closed so lately that its report is still to
    come, not of the next such quarter, which is a year away when the last one just closed."""
    if ctx.dct is None or m["ord"] is None:
        return None
    tense, strict, _ = _tense_of(None, ctx, m)
    if tense != "future" or strict:
        return None
    if not (_FIGURES_AFTER.match(ctx.text, m.end())
            or _FIGURES_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())):
        return None
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        point = make(year)
        _first, last = point.bounds()
        if last >= ctx.dct - _REPORT_LAG:
            return point, ctx.doc_anchor
    return None


def _latest_quarter(ctx: Ctx) -> tuple[Point, str | None] | None:
    if ctx.quarter is not None:
        return ctx.quarter, f"previous date {ctx.quarter.value()}"
    if ctx.prev is not None and ctx.prev.gran == "quarter" and ctx.prev.year is not None:
        return ctx.prev, ctx.prev_anchor
    if ctx.dct is None:
        return None
    return point_of(add(ctx.dct, "quarter", -1), "quarter"), ctx.doc_anchor


@_rule("period",
       r"the\s+(?:(?:latest|current|last|past|previous|most\s+recent|recent|same|year-ago|"
       r"year-earlier|prior-year|comparable|corresponding|fiscal|" + YEAR +
       r")\s+)+(?:quarter|period)(?:\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year))?"
       r"|last\s+year['\u2019]s\s+(?:quarter|period)"
       r"|the\s+quarter(?:\s+a\s+year\s+(?:ago|earlier))?(?!-to-)|year-(?:earlier|ago)(?=\s+(?:quarter|period|figures?|results?|levels?|"
       r"earnings|profits?|sales|net|revenue|loss(?:es)?|)\b)")
def _period(m: re.Match[str], ctx: Ctx) -> Found | None:
    s = m.group(0).lower()
    years = _years_in(s)
    if "latest" in s or "most recent" in s:
        if ctx.dct is None:
            return _unknown("XXXX-QX")
        return _day_found(point_of(add(ctx.dct, "quarter", -1), "quarter"), ctx.doc_anchor)
    if "current" in s:
        if ctx.dct is None:
            return _unknown("XXXX-QX")
        return _day_found(point_of(ctx.dct, "quarter"), ctx.doc_anchor)
    base = _latest_quarter(ctx)
    p = ctx.prev
    if "period" in s and ctx.quarter is None and p is not None and p.year is not None \
            and p.gran in ("year", "half", "season", "month"):
        # no quarter told: "exports rose in the first half of this year ... over the same
        # period last year": the period is the one told last
        base = (p, ctx.prev_anchor)
    if base is None:
        return _unknown("XXXX-QX")
    point, anchor = base
    back = False
    if years:
        point, anchor = Point("quarter", years[-1], sub=point.sub), None
        back = ctx.quarter is not None and years[-1] < (ctx.quarter.year or 0)
    elif _YEAR_BACK.search(s) or "last year" in s or "year-" in s:
        point, back = shift(point, "year", -1), True
    if s.startswith("year-"):
        if ctx.quarter is not None and _year_to_date(ctx, m.start()):
            return _year_before(ctx.quarter)
        return Found("DATE", point.value(), point, anchor=anchor, chain=False, back=True)
    found = _day_found(point, anchor)
    if found is not None:
        found.back = back
    return found


@_rule("half",
       r"(?:the\s+)?(?:(?P<ord>first|second|1st|2nd|latter)\s+half|(?P<two>first|last)\s+two\s+quarters)"
       r"\s+of\s+(?:the\s+)?"
       r"(?:fiscal\s+|calendar\s+)?(?:(?P<year>" + YEAR + r")|(?:this|last|next)\s+year|year)"
       r"|H(?P<h>[12])\s+(?P<hy>" + YEAR + r")|(?P<hy2>" + YEAR + r")\s+H(?P<h2>[12])")
def _half(m: re.Match[str], ctx: Ctx) -> Found | None:
    s = m.group(0)
    if m["two"]:  # "the first two quarters of 1990": its first half
        sub = 1 if m["two"].lower() == "first" else 2
    else:
        sub = (1 if m["ord"].lower() in ("first", "1st") else 2) if m["ord"] else int(m["h"] or m["h2"])
    years = _years_in(s)
    year = years[-1] if years else _rel_year(s, ctx.dct)
    if year is None:
        return _unknown(f"XXXX-H{sub}")
    return _day_found(Point("half", year, sub=sub), None if years else ctx.doc_anchor)


# ---------------------------------------------------------------------------------------------
# Days relative to the document date


def _part_suffix(part: str | None) -> str:
    return f"T{PART_OF_DAY[part.lower()]}" if part else ""


@_rule("today",
       r"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight)"
       r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
       r"|(?P<w2>this|last)\s+(?P<part2>morning|afternoon|evening|night)"
       r"|the\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow)")
def _today(m: re.Match[str], ctx: Ctx) -> Found | None:
    word = (m["w"] or m["w2"] or m["ba"] or "").lower()
    part = m["part"] or m["part2"]
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
              "before yesterday": -2, "after tomorrow": 2}[" ".join(word.split()[:2])]
    if ctx.dct is None:
        return _unknown("XXXX-XX-XX" + _part_suffix(part), "TIME" if part else "DATE")
    base, anchor = ctx.dct, ctx.doc_anchor
    said = speech_day(ctx.text, m.start(), m.end(), ctx.dct)
    if said is not None:
        # '"We vote tomorrow," the mayor said Friday': the speaker's tomorrow
        base, anchor = said, f"day said {said.isoformat()}"
    if word == "tonight" and not part:
        return _day_found(point_of(base, "day"), anchor)
    if word == "last" and part and part.lower() != "night":
        offset = -1
    typ = "TIME" if part else "DATE"
    point = point_of(base + timedelta(days=offset), "day")
    return Found(typ, point.value() + _part_suffix(part), point, anchor=anchor)


_WILL = frozenset(["will", "'ll", "shall", "scheduled", "upcoming"])
_PLAIN_WILL = frozenset(["will", "'ll", "shall"])
_MODAL_VERBS = frozenset(["will", "'ll", "shall", "would", "could", "can", "should", "might", "may", "must"])
#: "Would not" with a verb of telling right before a day ("would not comment Tuesday", "would
#: not say Monday whether ..."): a refusal told in the past, as "declined to comment" is, unless
#: a verb of saying before it makes it a future in the past ("said he would not comment").
_REFUSAL_BEFORE = re.compile(
    r"\bwould\s+(?:not|n't)\s+(?:[a-z]+ly\s+)?(?:comment|say|discuss|confirm|disclose|elaborate|"
    r"specify|speculate|answer|respond|reveal|identify|name|explain)\b[^,;:.!?]{0,30}$", re.IGNORECASE)
_SAYING = re.compile(r"\b(?:said|says|say|told|tells|announced|added|promised|vowed|insisted|"
                     r"warned|indicated)\b", re.IGNORECASE)


def _refused(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the day follows a refusal told in the past ("the mayor would not comment Tuesday")."""
    left, _ = ctx.sentence(m.start(), m.end())
    refusal = _REFUSAL_BEFORE.search(ctx.text, max(left, m.start() - 80), m.start())
    return refusal is not None and not _SAYING.search(ctx.text, left, refusal.start())


_BY_BEFORE = re.compile(r"\b(?:by|until|till|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than)"
                        r"\s+(?:on\s+)?$", re.IGNORECASE)


def _governed_by_past(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the verb group governing the match is surely in the past ("was held Friday")."""
    reading = ctx.governing(m.start(), m.end())
    return reading.tense == "past" and reading.sure


def _governed_by_will(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the verb group governing the match is a plain future ("will meet in March")."""
    reading = ctx.governing(m.start(), m.end())
    return reading.tense == "future" and reading.will


def _planned_before(ctx: Ctx, start: int, word: str | None) -> bool:
    """Whether the past tense word ``word`` stands before ``start`` in its sentence (the day
    follows its verb) and no past perfect does ("had been due to expire Friday" is past)."""
    left, _ = ctx.sentence(start, start)
    before = [w.lower() for w in re.findall(r"[A-Za-z']+", ctx.text[left:start])]
    return word is not None and word in before and "had" not in before


#: A present verb in "-s" right before a day (or before "on" and a day), after a noun or a
#: name that is its subject ("the senator testifies Thursday", "Kessler speaks on Monday").
_PRESENT_S_BEFORE = re.compile(
    r"(?<![\w'\u2019])(?P<subj>[A-Za-z]+)\s+(?P<verb>[a-z]{3,}(?<!ss)(?<!us)(?<!is)s)\s+(?:on\s+)?$")


def _present_verb_before(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    if in_title_case(text, start):
        before = before.lower()  # "Senator Testifies Thursday"
    found = _PRESENT_S_BEFORE.search(before)
    if found is None:
        return False
    subj = found["subj"].lower()
    # "the talks Thursday", "its results Friday", "two visits Friday": a plural noun, not a
    # verb; "says Thursday" reports what was said that day
    return subj not in _DETERMINERS_AND_NUMBERS and not subj.endswith("s") \
        and found["verb"] not in _REPORTS \
        and not in_object_of_preposition(text, start - len(before) + found.start("subj"))


_REPORTS = frozenset(
    "says tells reports announces adds notes writes claims warns insists argues confirms denies".split()  # noqa: SIM905
)
_DETERMINERS_AND_NUMBERS = frozenset(
    """
    a an the this that these those its their his her our my your some any many several few
    more most other such no two three four five six seven eight nine ten of for in on at by
    with from and or but to into after before during about
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _future_in_the_past(ctx: Ctx, m: re.Match[str], word: str | None) -> date | None:
    """The day a future in the past was told on, when a day before the document's dates it.

    "The mayor said Monday that the council would vote Tuesday": "would" looks ahead from the
    Monday the words were said, not from the document date; the day is read after that one.
    """
    if word != "would" and ctx.governing(m.start(), m.end()).verb != "would":
        return None
    prev = ctx.prev
    if prev is None or prev.gran != "day" or prev.year is None or ctx.dct is None:
        return None
    left, _ = ctx.sentence(m.start(), m.end())
    said = prev.start()
    if not left <= ctx.prev_end <= m.start() or not said < ctx.dct \
            or not re.search(r"\bwould\b", ctx.text[ctx.prev_end : m.start()], re.IGNORECASE):
        return None
    return said


def _weekday_point(ctx: Ctx, m: re.Match[str], wd: int, rel: str | None) -> Point | None:
    assert ctx.dct is not None
    dct = ctx.dct
    r = " ".join((rel or "").lower().split()).removeprefix("the ")
    if r in ("previous", "preceding", "following") and ctx.prev is not None and ctx.prev.gran == "day" \
            and ctx.prev.year is not None:
        dct = ctx.prev.start()  # "charged on March 3 and freed the following Monday": after March 3
    if r in ("last", "past", "previous", "preceding"):
        tense, strict = "past", True
    elif r in ("next", "coming", "this coming", "following"):
        tense, strict = "future", True
    elif r == "this":
        tense, strict = "future", False
    elif (apposed := _apposed_to_relative(ctx, m)) is not None:
        tense, strict = apposed, True  # "two days away, on Friday": not today
    elif ahead_of_event(ctx.text, m.start(), m.end()):
        # "campaigned ahead of Tuesday's primary": the clause's tense cannot tell on which side
        # of the document date the event its act came before fell; the nearest such day
        tense, strict = "nearest", False
    elif _governed_by_past(ctx, m) or _refused(ctx, m):
        tense, strict = "past", False  # "the deal closed Friday", "completed the sale by Friday"
    elif _BY_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()):
        # "by Friday" looks ahead, unless the sentence is in the past perfect ("had filed by
        # Friday"): "postponed until Tuesday" still points forward
        left, right = ctx.sentence(m.start(), m.end())
        perfect = re.search(r"\bhad\b", ctx.text[left:right], re.IGNORECASE)
        tense = "past" if perfect and ctx.tense(m.start(), m.end()) == "past" else "future"
        strict = False
    else:
        marked, word = ctx.marker(m.start(), m.end())
        governing = ctx.governing(m.start(), m.end())
        if marked is None and (governing.verb in _MODAL_VERBS
                               or (governing.verb == "to" and governing.tense == "future")):
            # "could win the state on Tuesday", "Council to vote on budget Tuesday": a modal
            # or an infinitive of intent looks ahead
            marked = "future"
        elif marked is None and (_present_verb_before(ctx.text, m.start())
                                 or in_present_condition(ctx.text, ctx.sentence(m.start(), m.end())[0], m.start())):
            # nothing in the sentence marks a tense, and a present verb governs the day ("the
            # senator testifies Thursday", "if Ruiz sweeps the caucuses Monday"): a day of the
            # coming week, or today
            marked = "present"
        elif _SCHEDULED_BY_PRESENT.search(ctx.text, max(0, m.start() - 40), m.start()):
            # the day completes a present copula or schedule ("the hearing is on Friday",
            # "the vote is set for Friday"): a day of the coming week, or today
            marked = "present"
        if re.match(r"['\u2019]s\b", ctx.text[m.end() : m.end() + 3]) and word not in _WILL:
            # "Wednesday's ruling": an event reported, unless the text says "will" or the
            # noun phrase is the subject of a verb that looks ahead ("said Monday's vote
            # will be close")
            owner = possessor_subject(ctx.text, m.end(), ctx.sentence(m.start(), m.end())[1])
            marked = "future" if owner is not None and owner.will else "past"
        elif marked == "past" and ctx.governing(m.start(), m.end()).tense == "future" \
                and _planned_before(ctx, m.start(), word):
            # a plan seen from the past ("planned to leave on Thursday", "planned a rally on
            # Saturday") may fall on either side of the document date: the nearest such day
            marked = "nearest"
        # a plain future ("will reopen on Monday") said on that weekday means the next one:
        # the same day would be "today"
        strict = marked == "future" and (word in _PLAIN_WILL or _governed_by_will(ctx, m))
        tense = marked or "past"
        said_on = _future_in_the_past(ctx, m, word)
        if said_on is not None:
            # "said Monday that the council would vote Tuesday": ahead of the day it was said
            dct, tense, strict = said_on, "future", True
    days = [dct + timedelta(days=k) for k in range(-7, 8)]
    days = [d for d in days if d.weekday() == wd]
    if tense == "nearest":
        day = min(days, key=lambda d: (abs((d - dct).days), d > dct))
    elif tense == "past":
        ok = [d for d in days if (d < dct if strict else d <= dct)]
        day = ok[-1]
    else:
        ok = [d for d in days if (d > dct if strict else d >= dct)]
        day = ok[0]
    return point_of(day, "day")


# Capitalized words that make a weekday after them part of a name: days of the calendar
# ("Super Tuesday", "Black Friday", "Ash Wednesday") and programmes ("Fox News Sunday").
_NAMED_DAY_BEFORE = re.compile(
    r"\b(?:Super|Black|Cyber|Ash|Fat|Palm|Bloody|Holy|Maundy|Giving|Mega|Shrove|Blue|"
    r"Small\s+Business|News)\s+$")


def _weekday_ok(m: re.Match[str], text: str) -> bool:
    return m["rel"] is not None or not _NAMED_DAY_BEFORE.search(text, max(0, m.start() - 24), m.start())


@_rule("weekday",
       r"(?:(?P<rel>last|next|this\s+coming|this|coming|past|early|late|earlier|later|"
       r"the\s+(?:previous|preceding|following))\s+)?"
       rf"(?P<wd>{WEEKDAY})(?P<pl>s)?(?:\s+(?P<part>morning|afternoon|evening|night)"
       r"(?P<pl2>s)?)?", _weekday_ok)
def _weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    wd = WEEKDAYS[m["wd"].lower()]
    suffix = _part_suffix(m["part"])
    if m["pl"] or m["pl2"]:
        return Found("SET", f"XXXX-WXX-{wd + 1}{suffix}", chain=False)
    typ = "TIME" if suffix == "TEV" else "DATE"
    if suffix != "TEV":
        suffix = ""  # TimeBank mostly dates "Friday morning" and "Friday night" by their day
    if ctx.dct is None:
        return _unknown(f"XXXX-WXX-{wd + 1}{suffix}", typ)
    rel = m["rel"] if m["rel"] and m["rel"].lower() not in ("early", "late", "earlier",
                                                             "later") else None
    anchor = ctx.doc_anchor
    if not m["rel"] and (told := _that_week(ctx, m)) is not None:
        # "resigned on Feb. 3. That Friday, ...": the day of that week, seen from the day told
        point: Point | None = point_of(told + timedelta(days=(wd - told.weekday() + 3) % 7 - 3), "day")
        anchor = ctx.prev_anchor
    else:
        point = _weekday_point(ctx, m, wd, rel)
    if point is None:
        return None
    found = Found(typ, point.value() + suffix, point, anchor=anchor)
    if m["rel"] and m["rel"].lower() in ("earlier", "later"):
        # "Earlier Friday, the board met": the adverb places the act before or after another
        # of that day; the day alone is the time expression ("early Friday" is part of the day)
        found.start = m.start("wd")
    return found


@_rule("weekday_range",
       rf"(?P<wd1>{WEEKDAY})(?P<sep>\s*[-\u2013]\s*|\s+(?:to|through|thru|until|till)\s+)(?P<wd2>{WEEKDAY})",
       lambda m, text: not _NAMED_DAY_BEFORE.search(text, max(0, m.start() - 24), m.start()))
def _weekday_range(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"From Monday to Friday", "Tuesday through Thursday": two days of one week, the second
    after the first. Each is read as a weekday alone would be; when that puts the end first,
    a past range moves its start a week back and a coming one its end a week ahead."""
    wd1, wd2 = WEEKDAYS[m["wd1"].lower()], WEEKDAYS[m["wd2"].lower()]
    if ctx.dct is None:
        v1, v2 = f"XXXX-WXX-{wd1 + 1}", f"XXXX-WXX-{wd2 + 1}"
        return Found("DATE", f"{v1}/{v2}", chain=False,
                     parts=(Found("DATE", v1, chain=False, start=m.start("wd1"), end=m.end("wd1")),
                            Found("DATE", v2, chain=False, start=m.start("wd2"), end=m.end("wd2"))))
    p1, p2 = _weekday_point(ctx, m, wd1, None), _weekday_point(ctx, m, wd2, None)
    if p1 is None or p2 is None:
        return None
    d1, d2 = p1.start(), p2.start()
    if d2 <= d1:
        if d2 <= ctx.dct:
            d1 -= timedelta(days=7)
        else:
            d2 += timedelta(days=7)
    if (d2 - d1).days >= 7:
        d1 += timedelta(days=7)
    q1, q2 = point_of(d1, "day"), point_of(d2, "day")
    anchor = ctx.doc_anchor
    parts = (Found("DATE", q1.value(), q1, anchor=anchor, start=m.start("wd1"), end=m.end("wd1")),
             Found("DATE", q2.value(), q2, anchor=anchor, start=m.start("wd2"), end=m.end("wd2")))
    return Found("DATE", f"{q1.value()}/{q2.value()}", q2, edtf=f"{d1.isoformat()}/{d2.isoformat()}",
                 anchor=anchor, parts=parts)


_HOLIDAYS = (r"(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|"
             r"Thanksgiving(?:\s+Day)?|Halloween|Valentine's\s+Day|Independence\s+Day|"
             r"Fourth\s+of\s+July|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Election\s+Day|"
             r"Easter(?:\s+Sunday)?|Good\s+Friday|Boxing\s+Day)")


def _nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    first = date(year, month, 1)
    day = first + timedelta(days=(wd - first.weekday()) % 7)
    if n < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - wd) % 7)
    return day + timedelta(weeks=n - 1)


def _easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * mm + 114) // 31
    return date(year, month, (h + ll - 7 * mm + 114) % 31 + 1)


def _holiday_day(name: str, year: int) -> date:
    n = " ".join(name.split()).lower()
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
             "fourth of july": (7, 4), "veterans day": (11, 11), "boxing day": (12, 26)}
    if n in fixed:
        return date(year, *fixed[n])
    if n.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if n == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if n == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if n == "election day":
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    easter = _easter(year)
    return easter - timedelta(days=2) if n == "good friday" else easter


@_rule("holiday",
       rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{_HOLIDAYS})(?P<wk>\s+week(?![\w-]))?(?:\s+(?P<year>{YEAR}))?")
def _holiday(m: re.Match[str], ctx: Ctx) -> Found | None:
    name = m["h"]
    gran = "week" if m["wk"] else "day"  # "Easter week", "Christmas week": the week holding the day
    if m["year"]:
        return _day_found(point_of(_holiday_day(name, int(m["year"])), gran), None)
    if ctx.dct is None:
        if " ".join(name.split()).lower() in ("christmas", "christmas day") and gran == "day":
            return Found("DATE", "XXXX-12-25", Point("day", None, 12, 25), chain=False)
        return _unknown("XXXX-WXX" if gran == "week" else "XXXX-XX-XX")

    def make(y: int | None) -> Point | None:
        return None if y is None else point_of(_holiday_day(name, y), gran)

    point, anchor = _pick(ctx, m, make, m["rel"])
    return _day_found(point, anchor)


# ---------------------------------------------------------------------------------------------
# "this week", "last year", "the following day", "two years ago", "in three days"

_UNIT_WORD = r"(?P<unit>week|weekend|month|year|decade|century|quarter|(?:fiscal|calendar)\s+year|day)"


def _weekend(day: date, anchor: str | None) -> Found:
    saturday = day + timedelta(days=5 - day.weekday())
    iso = saturday.isocalendar()
    return Found("DATE", f"{iso[0]}-W{iso[1]:02d}-WE", point_of(saturday, "week"),
                 edtf=f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}",
                 anchor=anchor)


#: The value of a unit of unknown place ("a week", which one unsaid).
_UNKNOWN_OF = {"week": "XXXX-WXX", "month": "XXXX-XX", "day": "XXXX-XX-XX", "quarter": "XXXX-QX"}
#: A possessive determiner or a genitive right before the expression ("his", "the plant's"); not
#: "her", which is also an object ("met her last week").
_POSSESSOR_BEFORE = re.compile(
    r"(?:\b(?:his|its|their|our|my|your)|\b(?!(?:it|that|there|here|what|he|she|who|where|when|"
    r"how|let)['\u2019])\w+['\u2019]s|s['\u2019])\s+$", re.IGNORECASE)


@_rule("relative_unit",
       r"(?:(?P<mod>earlier|later|" + _MOD + r")[-\s]+)?"
       r"(?:(?P<the>the)\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|past|previous|coming|current|same|that|"
       r"following|preceding|prior|very\s+same|that\s+same)\s+" + _UNIT_WORD)
def _relative_unit(m: re.Match[str], ctx: Ctx) -> Found | None:
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower().split()[-1]
    gran = {"weekend": "week"}.get(unit, unit)
    from_prev = rel in ("same", "that", "following", "preceding", "prior") or (
        rel in ("next", "previous") and m["the"] is not None)
    step = {"this": 0, "current": 0, "same": 0, "that": 0, "last": -1, "past": -1,
            "previous": -1, "preceding": -1, "prior": -1, "next": 1, "coming": 1,
            "following": 1}[rel]
    if unit == "day" and not from_prev:
        return None
    if rel == "last" and m["the"] is None and not m["mod"] and _POSSESSOR_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        # "his last year in office", "the plant's last week of work": the final one of
        # something, not the one before the document date
        return _unknown(_UNKNOWN_OF.get(gran, "XXXX"))
    if unit == "quarter" and rel == "this" and ctx.quarter is not None:
        # "this quarter's loss" in a report of a quarter's results: the reported quarter
        return Found("DATE", ctx.quarter.value(), ctx.quarter,
                     anchor=f"previous date {ctx.quarter.value()}")
    if from_prev and ctx.prev is not None and ctx.prev.year is not None:
        base, anchor = ctx.prev.start(), ctx.prev_anchor
        if gran == "day" and ctx.prev.gran != "day":
            # "that same day" after "in October 1998": a day of that month, which one unsaid
            unknown = {"month": "-XX", "year": "-XX-XX"}.get(ctx.prev.gran, "")
            return Found("DATE", ctx.prev.value() + unknown, ctx.prev, anchor=anchor)
    elif ctx.dct is not None:
        base, anchor = ctx.dct, ctx.doc_anchor
    else:
        return _unknown(_UNKNOWN_OF.get(gran, "XXXX"))
    moved = add(base, gran, step)
    if unit == "weekend":
        return _weekend(moved, anchor)
    found = _day_found(point_of(moved, gran), anchor)
    if found is not None and gran == "decade":
        found.value = found.value.rstrip("X")  # "(the) last decade" is 198, as "the 1980s" is
    return found


@_rule("part_of_told_day",
       r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>that|the\s+(?:same|next|following|"
       r"previous|preceding))\s+(?P<part>morning|afternoon|evening|night)(?![-\w])")
def _part_of_told_day(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"That night", "the next morning": a part of the day the text spoke of last, or of the
    day after or before it."""
    rel = m["rel"].lower().split()[-1]
    step = {"that": 0, "same": 0, "next": 1, "following": 1, "previous": -1, "preceding": -1}[rel]
    suffix = _part_suffix(m["part"])
    p = ctx.prev
    if p is None or p.year is None or p.gran != "day":
        return _unknown("XXXX-XX-XX" + suffix, "TIME")
    day = point_of(p.start() + timedelta(days=step), "day")
    return Found("TIME", day.value() + suffix, day, anchor=ctx.prev_anchor)


# After a part of the day that is a time of its own: an end of clause or a function word, not a
# noun it would modify ("the morning shows", "the evening session").
_NO_NOUN_AFTER = (r"\s*(?:[,.;:!?)\"'\u201d\u2019]|$)|\s+(?:and|or|but|to|in|on|at|for|with|from|before|"
                  r"after|when|while|as|by|that|the|a|an|he|she|it|they|we|i|you|his|her|their|its|"
                  r"our|was|were|is|are|had|has|have|will|would|there|then|\d)\b")


@_rule("part_of_day",
       r"(?:in|during|by)\s+(?P<the>the\s+(?:(?:early|late|mid)[-\s]?)?)(?P<part>morning|afternoon|evening)"
       r"(?![-\w])(?=" + _NO_NOUN_AFTER + ")"
       r"|(?P<mod>early|late|mid)[-\s]?(?P<part2>morning|afternoon|evening)(?![-\w])(?=" + _NO_NOUN_AFTER + ")")
def _part_of_day(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"In the morning", "by late afternoon", "early evening": a part of the day the text
    speaks of, the day told last when that is a day, else the document's (the next one when
    the clause looks ahead)."""
    start = m.start("the") if m["the"] else m.start()
    suffix = _part_suffix(m["part"] or m["part2"])
    p = ctx.prev
    if p is not None and p.year is not None and p.gran == "day":
        day, anchor = point_of(p.start(), "day"), ctx.prev_anchor
    elif ctx.dct is None:
        found = _unknown("XXXX-XX-XX" + suffix, "TIME")
        found.start = start
        return found
    else:
        ahead = ctx.tense(m.start(), m.end()) == "future"
        day, anchor = point_of(ctx.dct + timedelta(days=1 if ahead else 0), "day"), ctx.doc_anchor
    return Found("TIME", day.value() + suffix, day, anchor=anchor, start=start, chain=False)


@_rule("unit_before_after",
       r"the\s+(?P<unit>day|night|week|month|year)\s+(?:(?P<dir>before|after)(?=\s*(?:[,.;:!?)]|$))"
       r"|(?P<two>before\s+last|after\s+next)\b)")
def _unit_before_after(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"The day before, ...", "the year after.": the unit next to the date spoken of last;
    "the year before last", "the week after next": two from the document date's."""
    unit = m["unit"].lower()
    gran = "day" if unit == "night" else unit
    if m["two"]:
        if ctx.dct is None:
            return _unknown({"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(gran, "XXXX-XX-XX"))
        moved = add(ctx.dct, gran, -2 if m["two"].lower().startswith("before") else 2)
        found = _day_found(point_of(moved, gran), ctx.doc_anchor)
        if found is not None and unit == "night":
            found.type, found.value = "TIME", found.value + "TNI"
        return found
    p = ctx.prev
    order = ("day", "week", "month", "season", "quarter", "half", "year")
    if p is None or p.year is None or p.gran not in order or order.index(p.gran) > order.index(gran):
        # none told of, or one too coarse to count a smaller unit from ("in 2015 ... the week
        # before")
        return _unknown({"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(gran, "XXXX-XX-XX"))
    moved = add(p.start(), gran, -1 if m["dir"].lower() == "before" else 1)
    found = _day_found(point_of(moved, gran), ctx.prev_anchor)
    if found is not None:
        found.chain = False  # it looks beside the date told; the story stays there
        if unit == "night":
            found.type, found.value = "TIME", found.value + "TNI"
    return found


def _weekend_of(ctx: Ctx, m: re.Match[str], ahead: bool) -> Found:
    """The weekend before the document date, or (looking ahead) the next one."""
    if ctx.dct is None:
        return _unknown("XXXX-WXX-WE")
    dct = ctx.dct
    if ahead:
        saturday = dct + timedelta(days=(5 - dct.weekday()) % 7)
    else:
        saturday = dct - timedelta(days=(dct.weekday() - 5) % 7)
    return _weekend(saturday, ctx.doc_anchor)


def _after_word(words: str) -> Check:
    """A check that the match follows one of ``words`` (a regex alternation)."""
    pattern = re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE)
    return lambda m, text: bool(pattern.search(text, max(0, m.start() - 12), m.start()))


@_rule("the_weekend", r"the\s+weekend(?!\s+of\b)",
       _after_word(r"over|during|on|at|for|ahead\s+of|before|after|until|by"))
def _the_weekend(m: re.Match[str], ctx: Ctx) -> Found | None:
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    ahead = bool(re.search(r"(?:ahead of|until|by)\s$", before))
    if not ahead and not re.search(r"(?:after|before)\s$", before):
        ahead = ctx.tense(m.start(), m.end()) == "future"
    return _weekend_of(ctx, m, ahead)


@_rule("the_year",
       r"(?:(?P<mod>the\s+(?:end|close|rest|remainder|beginning|start|middle)\s+of|"
       r"(?:earlier|later)\s+in)\s+)?"
       r"the\s+(?:(?P<kind>full|fiscal|calendar|whole|entire|current)\s+)?year"
       r"(?:(?=\s+(?P<ended>ended|ending|that\s+ended|to\s+date)\b)|(?![-\u2019'\w]|\s+(?:before|after|"
       r"earlier|later|ago|since|of(?!\s+(?:US|C|A)?\$)|in\s+which|when|that|\d)))",
       lambda m, text: bool(m["mod"]) or bool(re.search(
           r"\b(?:for|of|in|during|through|throughout|over|by)\s+$", text[max(0, m.start() - 12) : m.start()],
           re.IGNORECASE)))
def _the_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"the year ended March 31" is a year's span; "for the year," is the year being reported."""
    if m["ended"] and m["ended"].lower() != "to date":
        return Found("DURATION", "P1Y", chain=False)
    if ctx.dct is None:
        return _unknown("XXXX")
    return _day_found(Point("year", ctx.dct.year), ctx.doc_anchor)


@_rule("the_week",
       r"(?P<rel>(?:earlier|later)\s+in\s+)?the\s+(?P<unit>week|month)(?:(?P<poss>['\u2019]s)(?=\s)|"
       r"(?![-\u2019'\w]|\s+(?:before|after|earlier|later|ago|since|of|following|preceding|ahead|"
       r"to\s+come|in\s+which|when|that|\d)))",
       lambda m, text: bool(m["rel"]) or bool(m["poss"]))
def _the_week(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"The week's busiest session", "the month's best", "earlier in the week": the week (or
    month) the story is in: that of the day told last, else the document date's. ("For the
    week" is left out: the event dater would take the week for the acts told after it.)"""
    gran = m["unit"].lower()
    start, end = m.end("rel") if m["rel"] else m.start(), m.end("unit")  # "'s" is not part of it
    p = ctx.prev
    if p is not None and p.year is not None and p.gran in ("day", gran):
        point, anchor = point_of(p.start(), gran), ctx.prev_anchor
    elif ctx.dct is None:
        found = _unknown("XXXX-XX" if gran == "month" else "XXXX-WXX")
        found.start, found.end = start, end
        return found
    else:
        point, anchor = point_of(ctx.dct, gran), ctx.doc_anchor
    return Found("DATE", point.value(), point, anchor=anchor, start=start, end=end, chain=False)


@_rule("unit_part", r"the\s+(?:end|close|rest|remainder|beginning|start|middle)\s+of\s+the\s+"
       r"(?P<unit>month|week)(?![-\u2019'\w]|\s+(?:before|after|of|in\s+which|when|that|\d))")
def _unit_part(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"by the end of the month": the current month (or week), as "the end of the year" is the year."""
    gran = m["unit"].lower()
    if ctx.dct is None:
        return _unknown("XXXX-XX" if gran == "month" else "XXXX-WXX")
    return _day_found(point_of(ctx.dct, gran), ctx.doc_anchor)


@_rule("year_end", r"year(?P<poss>['\u2019]s)?(?P<sep>[-\s])end(?!\w|-)",
       _after_word(r"by|since|at|before|until|through|after|from|around"))
def _year_end(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"year-end" is the year's last day; "year end" and "year's end" are the end of the year,
    which TimeML values as the year ("by year's end": 2023), as it does "the end of the year"."""
    whole = bool(m["poss"]) or m["sep"] != "-"
    if ctx.dct is None:
        return _unknown("XXXX" if whole else "XXXX-12-31")
    before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
    year = ctx.dct.year - 1 if re.search(r"(?:since|after|from)\s$", before) else ctx.dct.year
    return _day_found(Point("year", year) if whole else Point("day", year, 12, 31), ctx.doc_anchor)


#: How far after a quarter's mention "a year ago" still compares with that quarter.
_QUARTER_REACH = 1500

# A running total from the start of a year ("for the nine months", "in the first half"): what
# it is compared with "a year earlier" is the year before, not the reported quarter.
_YEAR_TO_DATE = re.compile(r"\b(?:nine|six|first\s+(?:nine|six))\s+months\b|\bfirst\s+half\b|"
                           r"\byear[-\s]to[-\s]date\b", re.IGNORECASE)


def _year_to_date(ctx: Ctx, start: int) -> bool:
    """Whether the sentence before ``start`` speaks of a year's running total."""
    left, _ = ctx.sentence(start, start)
    return _YEAR_TO_DATE.search(ctx.text, left, start) is not None


def _year_before(quarter: Point) -> Found:
    """The year before a reported quarter's, for a year-to-date comparison."""
    y = Point("year", (quarter.year or 1) - 1)
    return Found("DATE", y.value(), y, anchor=f"previous date {quarter.value()}", chain=False,
                 back=True)


def _ago_amount(m: re.Match[str]) -> float | None:
    """How many units back or ahead: "a decade and a half ago" is 1.5 decades."""
    n = number(m["q"])
    return n + 0.5 if n is not None and m["half"] else n


def _ago_point(m: re.Match[str], ctx: Ctx) -> Found | None:
    direction = (m["dir"] or m["dir2"]).lower().split()[0]
    sign = 1 if direction in ("later", "after", "from", "hence") else -1
    ref_word = "PAST_REF" if sign < 0 else "FUTURE_REF"
    if m["vague"]:
        return _unknown(ref_word)
    n = _ago_amount(m)
    unit = unit_of(m["unit"])
    if n is None:
        return _unknown(ref_word)
    from_prev = direction in ("earlier", "later", "before", "after", "previously", "prior",
                              "since")
    p = ctx.prev
    if unit == "year" and n == 1 and sign < 0 and ctx.quarter is not None \
            and m.start() - ctx.quarter_end < _QUARTER_REACH:
        # "a year ago" in a report of a quarter's results: the same quarter a year before
        if _year_to_date(ctx, m.start()):
            return _year_before(ctx.quarter)
        q = shift(ctx.quarter, "year", -1)
        return Found("DATE", q.value(), q, anchor=f"previous date {ctx.quarter.value()}",
                     chain=False, back=True)
    if from_prev and p is not None and p.year is not None:
        moved = _move(p.start(), unit, sign * n)
        anchor = ctx.prev_anchor
        told = ctx.told
        if ctx.dct is not None and moved > ctx.dct and told is not None and told is not p \
                and ctx.tense(m.start(), m.end()) == "past":
            # "ahead of next Tuesday's vote. A day earlier, six were arrested": a past account
            # counts from the last date it told of, not from a date still ahead
            moved, p, anchor = _move(told.start(), unit, sign * n), told, f"previous date {told.value()}"
        found = _day_found(point_of(moved, p.gran), anchor)
        if found is not None and sign < 0:
            found.chain = False  # "a year earlier" compares; the story does not move back
        return found
    if ctx.dct is None:
        return _unknown(ref_word)
    if m["same"] and n == int(n):
        # "sixty years ago today", "ten years ago this week": that day, week or month back then
        same = " ".join(m["same"].lower().split())
        day = ctx.dct - timedelta(days=1) if same == "yesterday" else ctx.dct
        gran = {"this week": "week", "this month": "month"}.get(same, "day")
        return _day_found(point_of(_move(day, unit, -n), gran), ctx.doc_anchor)
    moved = _move(ctx.dct, unit, sign * n)
    gran = _UNIT_GRAN[unit]
    if n != int(n) and gran in ("year", "quarter") \
            and not (unit in ("decade", "century") and (n * 10).is_integer()):
        gran = "month"  # "two and a half years ago" is a month; "half a century ago" a year
    return _day_found(point_of(moved, gran), ctx.doc_anchor)


#: Units so much shorter than a day that "minutes later" still falls on the day told last.
_WITHIN_THE_DAY = frozenset(["second", "minute", "moment"])


def _vague_later(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"Minutes later", "hours later": after the time told last, never the future of the
    document date. TimeML marks the duration ("hours", "later" a signal), which the scorer
    gets as for "three hours later"; the time value is the day told last when so short a
    while cannot leave it ("minutes later"), and none of its own otherwise."""
    unit = unit_of(m["vague"])
    span = Found("DURATION", _duration_value(None, unit), start=m.start(), end=m.end("vague"),
                 chain=False) if unit in UNITS else None
    p = ctx.prev
    if p is not None and p.year is not None and unit in _WITHIN_THE_DAY \
            and p.gran in ("day", "week", "month", "quarter", "year"):
        return Found("DATE", p.value(), p, anchor=ctx.prev_anchor, chain=False,
                     parts=(span,) if span is not None else ())
    if span is not None:
        return Found("DURATION", span.value, start=m.start(), end=m.end("vague"), chain=False)
    return Found("DATE", "XXXX-XX-XX", chain=False)


#: "Overnight" meaning "all at once" ("almost overnight", "not overnight"), or of no one night
#: ("an overnight success", "an overnight stay"): no time of its own.
_SUDDENLY_BEFORE = re.compile(r"\b(?:almost|virtually|seemingly|practically|literally|nearly|"
                              r"not|n't|an?)\s+$|(?:\bnot|n't|\bnever)\b[^.,;:!?]*$",
                              re.IGNORECASE)


@_rule("overnight", r"overnight",
       lambda m, text: not _SUDDENLY_BEFORE.search(text, max(0, m.start() - 40), m.start()))
def _overnight(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"Overnight" (TimeML TIME, the night before a day: "overnight losses" on a Friday are of
    Thursday night): the night before the day told last that is not after the document date,
    or before the document date when none is told."""
    told = ctx.told
    if told is not None and told.gran == "day" and told.year is not None:
        p: Point | None = point_of(told.start() - timedelta(days=1), "day")
        anchor: str | None = f"previous date {told.value()}"
    elif ctx.dct is not None:
        p, anchor = point_of(ctx.dct - timedelta(days=1), "day"), ctx.doc_anchor
    else:
        return _unknown("XXXX-XX-XXTNI", "TIME")
    assert p is not None
    return Found("TIME", p.value() + "TNI", p, anchor=anchor, chain=False)


@_rule("ago",
       rf"(?:(?P<approx>{APPROX_AGO})\s+)?(?P<q>{QUANT})\s+(?:(?:more|full|long|short)\s+)?"
       rf"(?P<unit>{UNIT_S})(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+(?:now|today)|"
       r"hence|previously|back|prior|since)"
       r"(?:(?<=ago)\s+(?P<same>today|yesterday|this\s+week|this\s+month))?"
       r"|(?P<vague>years|months|weeks|days|hours|minutes|moments|decades|ages)\s+(?P<dir2>ago|earlier|later)",
       lambda m, text: (m["dir"] or "").lower() not in ("before", "after", "prior", "since")
       or bool(re.match(r"\s*(?:[.,;:)!?\"\u201d]|$|and\b|but\b|when\b)", text[m.end():])))
def _ago(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["vague"] and m["dir2"].lower() == "later":
        return _vague_later(m, ctx)
    found = _ago_point(m, ctx)
    if found is not None and m["unit"] and (m["dir"] or "").lower() == "later":
        # TimeML marks "three days later" as the duration "three days" (and "later" a signal):
        # the scorer gets that, the time value keeps the date it leads to
        span = Found("DURATION", _duration_value(_ago_amount(m), unit_of(m["unit"])),
                     start=m.start(), end=m.end("half") if m["half"] else m.end("unit"), chain=False)
        found.parts = (span,)
    return found


#: "will be held ", "would reopen ", "'ll not be paid " right before "in <count> <units>".
_MODAL_VERB_BEFORE = re.compile(r"\b(?:will|shall|would|wo|'ll)\s+(?:not\s+|n't\s+)?(?:be\s+)?"
                                r"[a-z]+\s+$", re.IGNORECASE)
#: A first, last or superlative in the sentence before "in <count> <units>": a span looked back
#: over ("its first contested convention in 40 years", "the lowest level in a decade").
_SPAN_LOOKED_BACK = re.compile(r"\b(?:the|its|their|his|her|our|a|an|[a-z]+'s)\s+(?:\w+\s+)?"
                               r"(?:first|last|only|best|worst|most|least|highest|lowest|largest|"
                               r"biggest|smallest|longest|shortest|fewest|greatest|strongest|weakest|"
                               r"fastest|slowest|deepest|steepest|sharpest|warmest|coldest|hottest|"
                               r"wettest|driest|busiest|heaviest|widest|oldest|newest)\b"
                               r"[^.;!?]*$", re.IGNORECASE)


@_rule("in_n",
       r"in\s+(?P<span>(?:(?P<approx>about|around|approximately|nearly|roughly|just|only|"
       rf"less\s+than|under)\s+)?(?P<q>{QUANT})\s+(?:more\s+)?(?P<unit>{UNIT_S}))"
       r"(?!\s+(?:ago|earlier|later|time|of)\b)")
def _in_n(m: re.Match[str], ctx: Ctx) -> Found | None:
    n = number(m["q"])
    unit = unit_of(m["unit"])
    if unit == "second" and m["q"].lower() in ("a", "an"):
        return None
    start, end = m.span("span")
    # "will be held in two weeks", "would be redeemed in five years" (a modal of the future
    # right before its verb, whatever past participle stands nearer) and "the election is in two
    # weeks" (a present copula) look ahead to a date; "the first time in 40 years", "its highest
    # in a decade" look back over a span
    lo = max(0, m.start() - 40)
    ahead = (ctx.tense(m.start(), m.end()) == "future"
             or _MODAL_VERB_BEFORE.search(ctx.text, lo, m.start()) is not None
             or _SCHEDULED_BY_PRESENT.search(ctx.text, lo, m.start()) is not None)
    if ahead and _SPAN_LOOKED_BACK.search(ctx.text, max(0, m.start() - 80), m.start()):
        ahead = False
    if not ahead or ctx.dct is None or n is None:
        return Found("DURATION", _duration_value(n, unit), start=start, end=end, chain=False)
    moved = _move(ctx.dct, unit, n)
    point = point_of(moved, _UNIT_GRAN[unit])
    return Found("DATE", point.value(), point, anchor=ctx.doc_anchor, start=start, end=end)


# ---------------------------------------------------------------------------------------------
# Durations and sets


#: An amount of things right before "a week", "a year" ("700 seats", "fifty thousand CDs", "$20
#: or more").
_RATE_BEFORE = re.compile(
    rf"(?:\d(?:[\d,.]*\d)?|\b(?:{NUM_WORD})(?:\s+(?:hundred|thousand|million|billion))?)"
    r"(?:\s+(?:million|billion|thousand|hundred))?"
    r"(?:\s+(?!(?:after|before|in|on|at|of|for|from|to|than|during|over|since|until|by|with|and|or|"
    r"the|a|an|that|this|which|when|about|around|within|ago|later|earlier)\b)[a-z]+){0,2}"
    r"(?:\s+or\s+(?:more|less|so))?\s+$",
    re.IGNORECASE)


def _duration_ok(m: re.Match[str], text: str) -> bool:
    unit = unit_of(m["unit"])
    q = m["q"].lower()
    if re.match(r"\s+(?:old|of\s+age)\b", text[m.end() : m.end() + 12]):
        return False  # an age ("52 years old"), which TimeML does not mark
    if m["q2"] and re.match(r"\s+(?:ago|earlier|later|before|after|from\s+now|hence)\b", text[m.end() : m.end() + 12]):
        return False  # "5 to 10 years ago": a range of points, read as one at its nearer end
    if unit == "year" and re.fullmatch(YEAR, q) \
            and re.search(r"\b(?:fiscal|calendar)\b", text[m.end("q") : m.start("unit")], re.IGNORECASE):
        return False  # "the 2020 fiscal year": a year, not 2,020 years
    if unit == "second" and q in ("a", "an"):
        return False  # "a second time"
    if unit == "quarter" and not m["rel"] and (not re.fullmatch(
            r"several|few|a\s+few|many|numerous|multiple|a\s+couple(?:\s+of)?|couple\s+of", q)
            or re.match(r"\s+of\s+(?:the|a|an|this|that|its|their|[A-Z])", text[m.end() : m.end() + 8])):
        # "three quarters of the vote", "many quarters of the city"; "several quarters of
        # losses" is a span of time
        return False
    if unit == "quarter" and q == "two" and (m["rel"] or "").lower() in ("first", "last") and re.match(
            rf"\s+of\s+(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:{YEAR}|(?:this|last|next)\s+year|year)\b",
            text[m.end() : m.end() + 30]):
        return False  # "the first two quarters of 1990": a half of that year
    if unit == "day" and q == "one" and not (m["approx"] or m["rel"]):
        # "one day" is usually "some day"; keep it when a number-like context says otherwise
        return not re.match(r"\s+(?:he|she|they|we|i|it|the)\b", text[m.end():], re.IGNORECASE)
    return True


@_rule("duration",
       rf"(?:(?P<approx>{APPROX})\s+)?(?:(?:the|its|their|his|her|our)\s+)?"
       r"(?:(?P<rel>past|last|next|first|previous|coming|following|final|remaining|initial|"
       r"latest|recent|other|same|ensuing|preceding|subsequent|last\s+several|past\s+several)\s+)?"
       rf"(?P<q>{QUANT})(?:\s+(?:to|or)\s+(?P<q2>{QUANT}))?\s+(?:(?:more|additional|full|straight|"
       rf"consecutive|long|short|extra|whole|solid|fiscal|calendar|successive|more\s+full|"
       rf"trading|business|working|school)\s+)?"
       rf"(?P<unit>{UNIT_S})(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?",
       _duration_ok)
def _duration(m: re.Match[str], ctx: Ctx) -> Found | None:
    n = number(m["q"])  # "two to three weeks": a range is valued by its least, as TimeML does
    if n is not None and m["half"]:
        n += 0.5
    unit = unit_of(m["unit"])
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if m["q"].lower() in ("a", "an") and not m["approx"] and not m["rel"]:
        if re.search(r"(?:times|once|twice|thrice)\s*$", before):
            # "twice a week", "three times a year": how often, a set
            return Found("SET", _duration_value(1, unit), chain=False)
        if re.search(r"(?:\d|cents?|dollars?|percent|%)\s*$", before) or _RATE_BEFORE.search(
                ctx.text, max(0, m.start() - 40), m.start()):
            # "$33 million a year", "700 seats a week": a rate, so much per unit of time, names
            # no time (as TimeBank leaves most such rates unmarked)
            return None
    if re.search(r"\b(?:each|every\s+one)\s+of\s+$", ctx.text[max(0, m.start() - 20) : m.start()], re.IGNORECASE):
        return Found("SET", _duration_value(1, unit), chain=False)  # "in each of the last three years"
    return Found("DURATION", _duration_value(n, unit), chain=False)


@_rule("hyphen_duration",
       r"(?P<q>\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
       r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"
       r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
       r"eighteen|nineteen|several|multi|half|a)-(?P<unit>second|minute|hour|day|night|week|month|"
       r"year|decade|century)(?:-long)?(?![-\s]olds?\b)"
       r"|(?P<unit2>minute|hour|day|week|month|year|decade|century|minutes|days|weeks|months|"
       r"years|decades|centuries|hours)-long|(?P<unit3>day|hour|week|month|year)long")
def _hyphen_duration(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["unit2"] or m["unit3"]:
        word = (m["unit2"] or m["unit3"]).lower()  # "weeklong" as "week-long"
        unit = unit_of(word)
        n: float | None = None if word.endswith("s") else 1.0
        return Found("DURATION", _duration_value(n, unit), chain=False)
    q = m["q"].lower()
    n = 0.5 if q == "half" else (1.0 if q == "a" else number(q.replace("-", " ")))
    return Found("DURATION", _duration_value(n, unit_of(m["unit"])), chain=False)


# Words before a bare plural of a unit that make it no span of its own: a count ("two days"
# and "several weeks" are durations of their own rule), "of" ("a matter of days") and "for"
# (read by the rule of "for years").
_BARE_SPAN_BEFORE = re.compile(
    rf"(?:\b(?:{NUM_WORD}|\d+|few|several|some|many|couple|dozen|of|for|within|these|those|long|"
    r"short|working|business|office|visiting|"
    r"recent|coming|past|last|next|other|same|all|two|both)|['\u2019]s)\s+$", re.IGNORECASE)


def _bare_span_ok(m: re.Match[str], text: str) -> bool:
    """"In the weeks before the vote", "days after the storm", "the first hours of the strike",
    "months of talks": the plural of a unit with no count, told against an act, is a vague span
    of its own; with a count or a quantifier before it, it is part of another expression."""
    return not _BARE_SPAN_BEFORE.search(text, max(0, m.start() - 24), m.start())


@_rule("vague_span",
       r"(?:(?P<rc>recent|coming|upcoming)\s+(?P<u>years|months|weeks|days|decades|quarters)"
       r"|(?P<wo>days|weeks|months|years)(?=\s+or\s+(?:days|weeks|months|years)\b"
       r"(?!\s+(?:ago|old|earlier|later)\b)))"
       r"(?:\s+(?:and|or)\s+(?:days|weeks|months|years|decades)(?!\s+(?:ago|old|earlier|later)\b))?"
       r"|(?<=\bfor\s)(?P<fu>years|decades|months|weeks|centuries|ages)"
       r"(?!\s+(?:ago|of|to|old|earlier|later)\b)"
       r"|(?<=\bwithin\s)(?P<wi>hours|days|weeks|months|years)"
       r"|(?<=\bover\s)the\s+(?P<ov>years|decades)(?!\s+(?:of|to|before|after|since)\b)"
       r"|the\s+(?P<ah>days|weeks|months|years)\s+(?:ahead|to\s+come)\b"
       r"|(?:the\s+(?:first|early|final|closing|opening)\s+)?"
       r"(?P<bu>hours|days|weeks|months|years|decades)"
       r"(?=\s+(?:that\s+followed\b|(?:before|after|following|of)\s+(?:the\s+|an?\s+|his\s+|"
       r"her\s+|their\s+|its\s+)?(?-i:[a-z])))(?!\s+of\s+the\s+(?:week|month|year)\b)",
       lambda m, text: not m["bu"] or _bare_span_ok(m, text))
def _vague_span(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["rc"] and m["rc"].lower() == "recent" and m["u"].lower() in ("years", "decades"):
        # "in recent years" places something in the past rather than measuring a span
        edtf = None if ctx.dct is None else f"../{(ctx.dct - timedelta(days=1)).isoformat()}"
        return Found("DATE", "PAST_REF", None, edtf=edtf, anchor=ctx.doc_anchor if edtf else None,
                     chain=False)
    if m["rc"]:
        return Found("DURATION", _duration_value(None, unit_of(m["u"])), chain=False)
    word = (m["fu"] or m["wo"] or m["ah"] or m["wi"] or m["ov"] or m["bu"]).lower()
    # "weeks or months": valued by the first
    unit = "year" if word == "ages" else unit_of(word)
    return Found("DURATION", _duration_value(None, unit), chain=False)


_SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
                "biweekly": "P2W", "fortnightly": "P2W", "semiannually": "P6M",
                "biannually": "P6M", "bimonthly": "P2M"}


@_rule("set",
       r"(?:every|each)\s+(?:other\s+)?(?:(?P<q>" + QUANT + r")\s+)?(?P<unit>" + UNIT_S + "|"
       + WEEKDAY + "|" + MONTH_FULL + r"|morning|afternoon|evening|night|spring|summer|fall|"
       r"autumn|winter)"
       r"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|"
       r"fortnightly|semiannually|biannually|bimonthly)"
       r"|(?P<times>once|twice|thrice|(?:" + QUANT + r")\s+times)\s+(?:a|an|per|each|every)\s+"
       r"(?P<unit3>second|minute|hour|day|night|week|month|year|decade)",
       lambda m, text: not (m["q"] and m["q"].lower() in ("a", "an", "some")))
def _set(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["adv"]:
        return Found("SET", _SET_ADVERBS[m["adv"].lower()], chain=False)
    if m["unit3"]:
        return Found("SET", _duration_value(1, m["unit3"].lower()), chain=False)
    word = m["unit"]
    low = word.lower()
    if low in WEEKDAYS:
        return Found("SET", f"XXXX-WXX-{WEEKDAYS[low] + 1}", chain=False)
    if low in MONTHS:
        return Found("SET", f"XXXX-{_month(low):02d}", chain=False)
    if low in SEASONS:
        return Found("SET", f"XXXX-{['SP', 'SU', 'FA', 'WI'][SEASONS[low] - 1]}", chain=False)
    if low in PART_OF_DAY:
        return Found("SET", f"XXXX-XX-XXT{PART_OF_DAY[low]}", chain=False)
    n = number(m["q"]) if m["q"] else 1.0
    if "other" in m.group(0).lower() and n:
        n *= 2
    if n == 1 and unit_of(word) == "quarter":
        return Found("SET", "P1Q", chain=False)  # "every quarter": the quarter is its unit
    return Found("SET", _duration_value(n, unit_of(word)), chain=False)


# ---------------------------------------------------------------------------------------------
# Times of day

_TZ = r"(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|PT|CT|BST|CET|CEST)"
_DAY_AFTER_TIME = (rf"(?:(?:,\s*|\s+)(?:on\s+)?(?P<day>today|yesterday|tomorrow|tonight|{WEEKDAY}"
                   rf"(?:,?\s+{MONTH}\s+{DAY})?|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?))?")


# The same time told in another zone, in brackets, before the day: "10:35 a.m. (0735 GMT) Friday".
_ZONE_TIME_THEN_DAY = re.compile(
    rf"\s*\(\s*\d{{1,2}}:?\d\d(?:\s*[ap]\.?m\.?)?\s+(?:{_TZ}|local(?:\s+time)?)\s*\)\s*(?:on\s+)?"
    rf"(?P<day>today|tonight|yesterday|tomorrow|{WEEKDAY})\b", re.IGNORECASE)


def _time_day(ctx: Ctx, m: re.Match[str]) -> tuple[str, Point | None, str | None]:
    """The day a time of day falls on: as the text says it, else the document date."""
    word = (m["day"] or "").strip()
    if not word and (zoned := _ZONE_TIME_THEN_DAY.match(ctx.text, m.end())):
        word = zoned["day"]  # the day after the bracketed time is this time's day too
    low = word.lower()
    if low in ("today", "tonight", "yesterday", "tomorrow"):
        if ctx.dct is None:
            return "XXXX-XX-XX", None, None
        off = {"yesterday": -1, "tomorrow": 1}.get(low, 0)
        p = point_of(ctx.dct + timedelta(days=off), "day")
        return p.value(), p, ctx.doc_anchor
    if word:
        dm = re.search(rf"(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?", word)
        if dm:
            mon, d = _month(dm["mon"]), _day(dm["day"])
            if dm["year"] and _valid(int(dm["year"]), mon, d):
                p = Point("day", int(dm["year"]), mon, d)
                return p.value(), p, None
            if _valid(None, mon, d):

                def make(y: int | None) -> Point | None:
                    return Point("day", y, mon, d) if _valid(y, mon, d) else None

                p2, anchor = _pick(ctx, m, make)
                if p2 is not None:
                    return p2.value(), p2, anchor
        wd = WEEKDAYS.get(low.split()[0].rstrip(","))
        if wd is not None:
            if ctx.dct is None:
                return f"XXXX-WXX-{wd + 1}", None, None
            p3 = _weekday_point(ctx, m, wd, None)
            if p3 is not None:
                return p3.value(), p3, ctx.doc_anchor
    prev = ctx.prev
    if prev is not None and prev.gran == "day" and prev.year is not None \
            and m.start() - ctx.prev_end < _TIME_REACH:
        return prev.value(), prev, ctx.prev_anchor  # "on Oct. 23 ... at 10 p.m.": that day
    if ctx.dct is None:
        return "XXXX-XX-XX", None, None
    p4 = point_of(ctx.dct, "day")
    return p4.value(), p4, ctx.doc_anchor


#: How far after a day's mention a time of day without a day still falls on that day.
_TIME_REACH = 600


def _clock_ok(m: re.Match[str], text: str) -> bool:
    if m["ap"] or m["nm"] or m["pd"]:
        return True
    return bool(m["tz"]) or _word_before(text, m.start()) in ("at", "by", "around", "until",
                                                              "till", "from", "since", "before",
                                                              "after", "about", "approximately")


@_rule("clock",
       r"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
       r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm|"
       r"o'clock)(?!\w)(?:(?<=o'clock)\s+in\s+the\s+(?P<pd2>morning|afternoon|evening))?|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])|(?P<nm>noon|midnight|"
       r"midday|mid-?afternoon|mid-?morning)|(?P<h3>[01]?\d)(?::(?P<mi3>[0-5]\d))?\s+in\s+the\s+"
       rf"(?P<pd>morning|afternoon|evening))(?:\s+(?P<tz>{_TZ}))?" + _DAY_AFTER_TIME,
       _clock_ok)
def _clock(m: re.Match[str], ctx: Ctx) -> Found | None:
    day_value, point, anchor = _time_day(ctx, m)
    if m["nm"]:
        nm = m["nm"].lower().replace("-", "")
        clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00",
                 "midafternoon": "TAF", "midmorning": "TMO"}[nm]
    else:
        h = int(m["h"] or m["h24"] or m["h3"])
        mi = int(m["mi"] or m["mi24"] or m["mi3"] or 0)
        ap = (m["ap"] or "").lower()
        pd = (m["pd"] or m["pd2"] or "").lower()
        if ap.startswith("p") or pd in ("afternoon", "evening"):
            h = h + 12 if h < 12 else h
        elif ap.startswith("a") and h == 12:
            h = 0
        if h > 24:
            return None
        clock = f"T{h:02d}:{mi:02d}"
    return Found("TIME", day_value + clock, point, anchor=anchor,
                 edtf=None if point is None else point.edtf())


# ---------------------------------------------------------------------------------------------
# Vague references: now, recently, the future


@_rule("reference",
       r"(?P<now>now|currently|presently|nowadays|at\s+present|the\s+present"
       r"(?:\s+time|\s+day)?|these\s+days|at\s+the\s+moment|current)(?!-)"
       r"|(?P<past>more\s+recently|recently|lately|the\s+past|then[-\s]current)"
       r"|(?P<fut>the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|"
       r"the\s+(?:near|short|long)(?:er)?\s+term"
       # "soon" of a clause not in the past ("may soon seek"), not "as soon as", "soon after"
       r"|(?<!as\s)(?P<soon>soon)(?!\s+(?:as|after|afterwards?|before|thereafter)\b))")
def _reference(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["soon"] and ctx.governing(m.start(), m.end()).tense == "past":
        return None  # "she soon left": soon after the act told before, not after today
    if ctx.dct is None:
        edtf = None
    elif m["now"]:
        edtf = ctx.dct.isoformat()
    elif m["past"]:
        edtf = f"../{(ctx.dct - timedelta(days=1)).isoformat()}"
    else:
        edtf = f"{(ctx.dct + timedelta(days=1)).isoformat()}/.."
    value = "PRESENT_REF" if m["now"] else ("PAST_REF" if m["past"] else "FUTURE_REF")
    return Found("DATE", value, None, edtf=edtf, anchor=ctx.doc_anchor if edtf else None,
                 chain=False)


# ---------------------------------------------------------------------------------------------
# Ranges: "2019-2021", "from May to August", "June 16-18, 2020"


def _year_range_ok(m: re.Match[str], text: str) -> bool:
    a = int(m["a"])
    b = int(m["b"]) if len(m["b"]) == 4 else a // 100 * 100 + int(m["b"])
    if not a < b <= a + 100:
        return False
    if a < _era.ERA_YEAR and not _era.range_ok(text, m.start(), m.end()):
        return False  # "pages 1133-1140"
    sep = m["sep"].strip().lower()
    if sep == "and":
        return _word_before(text, m.start()) == "between"
    return not _COUNTED.match(text, m.end())


@_rule("year_range",
       rf"(?P<a>{YEAR})(?P<sep>\s*[-\u2013\u2014/]\s*|\s+(?:to|through|until|till|and)\s+)"
       r"(?P<b>" + YEAR + r"|\d\d)(?![\d-])",
       _year_range_ok)
def _year_range(m: re.Match[str], ctx: Ctx) -> Found | None:
    a = int(m["a"])
    b = int(m["b"]) if len(m["b"]) == 4 else a // 100 * 100 + int(m["b"])
    pa, pb = Point("year", a), Point("year", b)
    parts = (Found("DATE", pa.value(), pa, start=m.start("a"), end=m.end("a")),
             Found("DATE", pb.value(), pb, start=m.start("b"), end=m.end("b")))
    return Found("DATE", f"{a}/{b}", pb, edtf=f"{a}/{b}", parts=parts)


def _month_range_ok(m: re.Match[str], text: str) -> bool:
    sep = m["sep"].strip().lower()
    if sep == "and":
        return _word_before(text, m.start()) == "between"
    return True


@_rule("month_range",
       rf"(?P<m1>{MONTH_FULL}|{MONTH})(?:\s+(?P<y1>{YEAR}))?(?P<sep>\s*[-\u2013\u2014]\s*|"
       rf"\s+(?:to|through|until|till|and)\s+)(?P<m2>{MONTH_FULL}|{MONTH})(?:,?\s+(?P<y2>{YEAR}))?"
       r"(?!\s*\d)",
       _month_range_ok)
def _month_range(m: re.Match[str], ctx: Ctx) -> Found | None:
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    y2 = int(m["y2"]) if m["y2"] else None
    y1 = int(m["y1"]) if m["y1"] else (None if y2 is None else (y2 if m1 <= m2 else y2 - 1))
    anchor = None
    if y1 is None and ctx.dct is not None:
        first, anchor = _pick(ctx, m, lambda y: Point("month", y, m1))
        y1 = first.year if first else None
    if y1 is not None and y2 is None:
        y2 = y1 if m2 >= m1 else y1 + 1
    p1, p2 = Point("month", y1, m1), Point("month", y2, m2)
    parts = (Found("DATE", p1.value(), p1, anchor=anchor, start=m.start("m1"),
                   end=m.end("y1") if m["y1"] else m.end("m1")),
             Found("DATE", p2.value(), p2, anchor=anchor, start=m.start("m2"), end=m.end()))
    e1, e2 = p1.edtf(), p2.edtf()
    edtf = f"{e1}/{e2}" if e1 and e2 and y1 is not None else None
    return Found("DATE", f"{p1.value()}/{p2.value()}", p2 if y2 else None, edtf=edtf,
                 anchor=anchor, parts=parts)


@_rule("day_range",
       rf"(?P<mon>{MONTH})\s+(?P<d1>{DAY})(?P<sep>\s*[-\u2013\u2014]\s*|\s+(?:to|through|and|"
       rf"until)\s+)(?P<d2>{DAY})(?:,?\s+(?P<year>{YEAR}))?(?![,.]?\d)")
def _day_range(m: re.Match[str], ctx: Ctx) -> Found | None:
    mon, d1, d2 = _month(m["mon"]), _day(m["d1"]), _day(m["d2"])
    year = int(m["year"]) if m["year"] else None
    if not (_valid(year, mon, d1) and _valid(year, mon, d2)) or d2 <= d1:
        return None
    anchor = None
    if year is None and ctx.dct is not None:
        first, anchor = _pick(ctx, m, lambda y: Point("day", y, mon, d1)
                              if _valid(y, mon, d1) else None)
        year = first.year if first else None
    p1, p2 = Point("day", year, mon, d1), Point("day", year, mon, d2)
    parts = (Found("DATE", p1.value(), p1, anchor=anchor, start=m.start("mon"), end=m.end("d1")),
             Found("DATE", p2.value(), p2, anchor=anchor, start=m.start("d2"), end=m.end()))
    e1, e2 = p1.edtf(), p2.edtf()
    edtf = f"{e1}/{e2}" if year is not None and e1 and e2 else None
    return Found("DATE", f"{p1.value()}/{p2.value()}", p2 if year else None, edtf=edtf,
                 anchor=anchor, parts=parts)


# ---------------------------------------------------------------------------------------------
# A day of the month alone: "on the 5th"

_DAY_ALONE_AFTER = re.compile(
    r"(?:\s*(?:[.,;:!?)\u2014\"\u201d']|$)|\s+(?:and|or|but|at|when|after|before|while|as|in|by|"
    r"with|to|from|he|she|it|they|we|i|the|a|an|this|that|police|officials)\b)", re.IGNORECASE)


@_rule("day_alone",
       r"(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bbefore\s)|"
       r"(?<=\bafter\s))the\s+(?P<day>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)",
       lambda m, text: bool(_DAY_ALONE_AFTER.match(text, m.end())))
def _day_alone(m: re.Match[str], ctx: Ctx) -> Found | None:
    """"on the 5th": of the month just mentioned, else the 5th before (or, ahead, after) dct."""
    day = int(m["day"])
    prev = ctx.prev
    if prev is not None and prev.year is not None and prev.gran in ("month", "day") \
            and m.start() - ctx.prev_end < _TIME_REACH and _valid(prev.year, prev.month, day):
        return _day_found(Point("day", prev.year, prev.month, day), ctx.prev_anchor)
    if ctx.dct is None:
        return Found("DATE", f"XXXX-XX-{day:02d}", None, chain=False)
    dct = ctx.dct
    months = [add(dct.replace(day=1), "month", k) for k in range(-2, 3)]
    days = [date(d.year, d.month, day) for d in months if _valid(d.year, d.month, day)]
    if _governed_by_past(ctx, m) or ctx.tense(m.start(), m.end()) != "future":
        chosen = [d for d in days if d <= dct][-1]
    else:
        chosen = next(d for d in days if d >= dct)
    return _day_found(point_of(chosen, "day"), ctx.doc_anchor)
