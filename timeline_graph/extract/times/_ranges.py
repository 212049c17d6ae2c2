"""Rules for ranges of years, months and days: "2019-2021", "from May to August", "June 16-18".

A range is one expression with two ends, each given as TimeML annotates it. An end without its
year takes the other end's, and a range with none is resolved as a date alone would be. Numbers
that only look like a range of years are left out ("pages 1133-1140", "1990-2000 votes").
"""

from __future__ import annotations

import re

from . import _era
from ._context import Ctx, Found
from ._dates import _COUNTED
from ._lexicon import DAY, MONTH, MONTH_FULL, YEAR
from ._points import Point
from ._registry import _rule
from ._resolve import _pick
from ._values import _day, _month, _valid, _word_before


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
