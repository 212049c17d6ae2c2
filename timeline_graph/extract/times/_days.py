"""Rules for days around the document date: "today", weekdays, holidays.

"Yesterday" and "tomorrow" count from the document date, or from the day a quotation's speaker
spoke ("_speech"). A bare weekday is the nearest one on the side its clause looks to: "the deal
closed Friday" is the Friday gone by, "the council will vote Friday" the coming one, "said
Monday that the council would vote Tuesday" the Tuesday after that Monday. A range of weekdays
("Monday to Friday") is two days of one week; a holiday ("Labor Day", "Easter") is that day of
the year its tense points at.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ._context import Ctx, Found
from ._dates import _that_week
from ._lexicon import PART_OF_DAY, WEEKDAY, WEEKDAYS, YEAR
from ._points import Point, point_of
from ._registry import _rule
from ._resolve import (
    _REPORTS,
    _SCHEDULED_BY_PRESENT,
    _apposed_to_relative,
    _governed_by_past,
    _governed_by_will,
    _pick,
)
from ._speech import speech_day
from ._tense import (
    ahead_of_event,
    in_object_of_preposition,
    in_present_condition,
    in_title_case,
    possessor_subject,
)
from ._values import _day_found, _unknown


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
