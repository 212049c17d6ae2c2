"""Rules for durations and sets: how long, and how often.

A count of units ("three years", "two to three weeks", "a decade and a half"), written with a
hyphen ("a three-day visit", "weeklong"), or with no count ("for years", "in recent months",
"the days after the storm"); and sets ("every Monday", "each summer", "weekly", "twice a
year"). A rate ("$33 million a year") names no time, and an age ("52 years old") is no span.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ._context import Ctx, Found
from ._lexicon import (
    APPROX,
    MONTH_FULL,
    MONTHS,
    NUM_WORD,
    PART_OF_DAY,
    QUANT,
    SEASONS,
    UNIT_S,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    number,
    unit_of,
)
from ._registry import _rule
from ._values import _duration_value, _month

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
