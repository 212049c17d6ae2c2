"""Rules for reporting periods: quarters, halves, "the same period a year ago".

Companies report by quarter and half ("third-quarter results", "Q3 2020", "the first half of
1990"); a quarter without its year is the one whose figures the text speaks of (a future clause
about results still to come names the latest quarter begun, not one a year away), and "the
year-earlier quarter", "the same period last year" are the one reported, a year back. A
comparison of a year's running total ("for the nine months") is with the year before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from ._context import Ctx, Found
from ._lexicon import YEAR
from ._points import Point, add, point_of, shift
from ._registry import _rule
from ._resolve import _pick, _tense_of
from ._values import _day_found, _rel_year, _unknown, _years_in

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
