"""Words of time and the regular-expression fragments built from them."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
SEASONS = {"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
_UNITS_W = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_W = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen"]
_TENS_W = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS_W)}
NUMBER_WORDS.update({w: i + 10 for i, w in enumerate(_TEENS_W)})
NUMBER_WORDS.update({w: (i + 2) * 10 for i, w in enumerate(_TENS_W)})
NUMBER_WORDS.update({"a": 1, "an": 1, "zero": 0, "dozen": 12, "hundred": 100, "thousand": 1000})
#: Quantities that say "some number": the TIMEX3 value writes them X.
VAGUE = {"few", "several", "some", "many", "couple", "numerous", "dozens", "hundreds",
         "thousands", "multi", "multiple"}

#: Duration units: TIMEX3 letter, whether it is a time (``PT``) unit, and its multiplier.
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "weekend": ("D", False, 2),
    "month": ("M", False, 1), "quarter": ("M", False, 3), "season": ("M", False, 3),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
}


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Month and weekday names must be capitalized: "may" and "march" are verbs.
MONTH_FULL = ("(?-i:January|February|March|April|May|June|July|August|September|October|"
              "November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|"
              "OCTOBER|NOVEMBER|DECEMBER)")
MONTH_ABBR = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?)"
MONTH = f"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = ("(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|"
           "WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)")
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
DAY_WORD = f"(?:{_alt([w for w in ORDINALS if w.isalpha()])})"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d])"
SEASON = r"(?:spring|summer|fall|autumn|winter)"

NUM_WORD = (f"(?:(?:{_alt(_TENS_W)})(?:[- ](?:{_alt(_UNITS_W)}))?|{_alt(_TEENS_W)}|"
            f"{_alt(_UNITS_W)})(?:\\s+(?:hundred|thousand))?")
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+\d/\d)?"
QUANT = (rf"(?:{DIGITS}|{NUM_WORD}(?:\s+and\s+a\s+half)?|a\s+few|a\s+couple(?:\s+of)?|"
         r"couple\s+of|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of|a\s+half|half\s+an?|"
         r"an?(?:\s+and\s+a\s+half)?|few|several|some|many|numerous|multiple)")
UNIT = (r"(?:second|minute|hour|day|night|week|fortnight|weekend|month|year|decade|century|"
        r"quarter)")
UNIT_S = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|weekends?|months?|years?|decades?|centur(?:y|ies)|quarters?)"
# Words before a quantity that TimeBank counts as part of a duration ("nearly forty years");
# "about", "over", "within" and "only" it leaves out.
APPROX = (r"(?:around|approximately|nearly|roughly|some|more\s+than|less\s+than|"
          r"fewer\s+than|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|"
          r"no\s+more\s+than|no\s+less\s+than|well\s+over|barely|another|an\s+additional|"
          r"an\s+extra|the\s+better\s+part\s+of|upwards\s+of|as\s+many\s+as|as\s+long\s+as|"
          r"as\s+much\s+as|a\s+further|the\s+full|the\s+entire|a\s+full|the\s+whole)")
#: Before "... ago" TimeBank keeps more of them ("almost two years ago").
APPROX_AGO = APPROX[:-1] + r"|almost|about|just|only|over)"
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def unit_of(word: str) -> str:
    """The singular unit of a unit word ("centuries" -> "century")."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def number(text: str) -> float | None:
    """The quantity a number phrase says, or None for "several", "a few" and the like."""
    t = text.lower().replace(",", "").strip()
    t = re.sub(r"\s+", " ", t)
    if any(w in VAGUE for w in re.split(r"[ -]", t)):
        return 2.0 if t.startswith(("a couple", "couple")) else None
    half = 0.5 if t.endswith(("and a half", "1/2")) else 0.0
    t = t.removesuffix(" and a half").removesuffix(" 1/2").strip()
    if t in ("a half", "half a", "half an"):
        return 0.5
    if t == "a dozen":
        return 12.0
    try:
        return float(t) + half
    except ValueError:
        pass
    total = 0
    current = 0
    for w in re.split(r"[ -]+", t):
        if w == "and":
            continue
        n = NUMBER_WORDS.get(w)
        if n is None:
            return None
        if n in (100, 1000):
            current = max(current, 1) * n
            if n == 1000:
                total, current = total + current, 0
        else:
            current += n
    return float(total + current) + half
