"""Rules for times counted from the document date or from a date told before.

A unit with a word that places it ("this week", "last year", "the following day", "that
night", "the day before"), the weekend, the year and week the story is in ("for the year", "the
week's busiest session", "year-end"), a count of units back or ahead ("two years ago", "three
days later", "in three days") and "overnight"; with them the vague references to now, the
recent past and the future ("now", "recently", "the near future").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ._context import Ctx, Found
from ._days import _part_suffix
from ._lexicon import APPROX_AGO, QUANT, UNIT_S, UNITS, number, unit_of
from ._periods import _year_before, _year_to_date
from ._points import Point, add, point_of, shift
from ._registry import Check, _rule
from ._resolve import _SCHEDULED_BY_PRESENT
from ._values import _MOD, _UNIT_GRAN, _day_found, _duration_value, _move, _unknown

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


# Vague references: now, recently, the future.
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
