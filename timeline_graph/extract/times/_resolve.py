"""Which year, and which side of the document date, a date the text leaves open falls on.

A month, season, quarter or day without its year ("in June", "on Oct. 3") is read by the words
around it: "last" and "next", a schedule ("the vote is set for June", "the ban takes effect
Jan. 1"), a distance from now it restates ("three weeks ago, on Aug. 5"), the verb group that
governs it ("was held in May", "will meet in March"), a condition in the simple present, or the
date told just before it when the two are joined ("in June from $30 in March").
:func:`_tense_of` reads the tense, :func:`_pick` chooses the point. The readings of the governing
verb and how far a date told before still reaches are shared by the rules of several topics.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._context import Ctx
from ._points import Point, choose
from ._tense import ahead_of_event, in_present_condition, in_title_case

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


def _governed_by_past(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the verb group governing the match is surely in the past ("was held Friday")."""
    reading = ctx.governing(m.start(), m.end())
    return reading.tense == "past" and reading.sure


def _governed_by_will(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the verb group governing the match is a plain future ("will meet in March")."""
    reading = ctx.governing(m.start(), m.end())
    return reading.tense == "future" and reading.will


#: Present verbs of reporting: "says Thursday" tells what was said that day, no plan.
_REPORTS = frozenset(
    "says tells reports announces adds notes writes claims warns insists argues confirms denies".split()  # noqa: SIM905
)


#: How far after a day's mention a time of day without a day still falls on that day.
_TIME_REACH = 600
