"""Rules for times of day ("10:35 a.m.", "noon", "9 in the morning") and the day each is on.

The day is the one the text gives with the time ("at 10 p.m. Friday", "noon on March 3", or
after the same time told in another zone: "10:35 a.m. (0735 GMT) Friday"), else the day told
just before it, else the document date.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ._context import Ctx, Found
from ._days import _weekday_point
from ._lexicon import DAY, MONTH, WEEKDAY, WEEKDAYS, YEAR
from ._points import Point, point_of
from ._registry import _rule
from ._resolve import _TIME_REACH, _pick
from ._values import _day, _month, _valid, _word_before

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
