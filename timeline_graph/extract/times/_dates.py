"""Rules for dates that name their calendar unit: a day of a month, a month, a year.

Days written with their month ("Oct. 3", "3 October", "2020-06-16", "6/16/2020"), months
("March 2019", "last June"), years written in figures or words ("1999", "nineteen ninety-nine"),
a week of a month ("the first week of March", "the week of March 6"), decades, centuries,
seasons, and a day of the month alone ("on the 5th"). A date without its year takes the year of
the story told so far when the text says so ("that November", "of that year", an account of an
earlier year told in order), else the one its tense points at (``_resolve``). Numbers that count
things are told from years here ("1500 troops", "2000 years old").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from . import _era
from ._context import Ctx, Found
from ._lexicon import (
    DAY,
    DAY_WORD,
    MONTH,
    MONTH_FULL,
    ORDINALS,
    QUANT,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    number,
)
from ._points import Point, add, point_of
from ._registry import _rule
from ._resolve import _TIME_REACH, _governed_by_past, _pick
from ._values import (
    _MOD,
    _PREP_BEFORE,
    _day,
    _day_found,
    _month,
    _rel_year,
    _two_digit_year,
    _valid,
    _word_before,
)


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


# A day of the month alone: "on the 5th".
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
