"""The small readings and writings every time rule shares.

Reading a date's words (a month's name or abbreviation, a day's number or ordinal, a two-digit
year, "this year" and "last year"), checking that a day exists, and writing what a rule finds:
a day's :class:`~._context.Found`, a value left unknown, a duration's TIMEX3 value ("2 1/2
years" is ``P2Y6M``) and a day moved by a count of units. The rules of every topic use these, so
they read and write values the same way.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ._context import Found
from ._lexicon import MONTHS, ORDINALS, UNITS, YEAR
from ._points import Point, add

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
