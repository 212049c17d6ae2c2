"""Time expressions: find them in text, give each its TIMEX3 value and an EDTF time value.

Rule-based: one compiled regular expression per kind of expression (see ``_rules``), longest
matches win, and each match is then resolved in text order against the document date
("yesterday", "last summer"), the tense of the verb that governs it or of its sentence (a bare
"Friday" or "June": see ``_tense``) or the date mentioned before it ("two days later"). Without a document date relative expressions
stay unresolved (``XXXX-06-16``), never anchored to today.

>>> from datetime import date
>>> [t.value for t in find_times("On Aug. 31 she said it would end next year.", date(2021, 2, 17))]
['2020-08-31', '2022']
>>> find_times("It happened last summer.", date(2021, 2, 17))[0].time.edtf
'2020-22'
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...errors import ModelError
from ...model import TimeValue
from ._context import Ctx, Found
from ._rules import Rule, rules
from ._tense import in_title_case

__all__ = ["VERSION", "Timex", "extract", "find_times"]

#: Bump whenever behaviour changes, here or in ``extract.dating``: it keys the extraction cache.
VERSION = "times-39"


@dataclass(frozen=True)
class Timex:
    """One time expression: its span, TIMEX3 type and value, and its time value.

    ``value`` is the TIMEX3 value (``2020-06-16``, ``2020-SU``, ``P2Y``, ``PRESENT_REF``,
    ``XXXX-06-16``); a range ("2019-2021") joins its two ends' values with ``/``. ``time`` is
    None for durations, sets and values EDTF cannot express (a weekday of an unknown week).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    time: TimeValue | None


@lru_cache(maxsize=4096)
def _parsed(edtf: str) -> TimeValue | None:
    try:
        return TimeValue.from_edtf(edtf)
    except ModelError:
        return None


def _time_value(edtf: str | None, text: str, anchor: str | None) -> TimeValue | None:
    if not edtf:
        return None
    parsed = _parsed(edtf)
    return None if parsed is None else replace(parsed, text=text, anchor=anchor)


# Words of time that are lower case in running text: capitalized inside a sentence they are
# part of a name ("This Week", "60 Minutes", "High Noon", "VOA Today", "the Harbour Daily News",
# "Tarnby Monthly").
_TITLE_WORD = re.compile(r"\b(?:Weeks?|Minutes?|Hours?|Days?|Years?|Months?|Decades?|Noon|Night|"
                         r"Morning|Evening|Afternoon|Today|Tonight|Tomorrow|Yesterday|Daily|Weekly|"
                         r"Monthly|Quarterly|Yearly|Annually|Nightly|Hourly|Current)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"\u201d\u2019)]*\s+|\n\s*|[\"\u201c`(]\s*)$")


def _in_a_name(text: str, m: re.Match[str]) -> bool:
    if in_title_case(text, m.start()):
        return False
    for w in _TITLE_WORD.finditer(text, m.start(), m.end()):
        if not _SENTENCE_START.search(text, max(0, w.start() - 4), w.start()):
            return True
    return False


@lru_cache(maxsize=2)
def _select(text: str) -> tuple[tuple[Rule, re.Match[str]], ...]:
    """The longest non-overlapping matches of all rules, in text order.

    They do not depend on the document's date, so the passes a document gets (to date it, then
    to read its times against that date) share them.
    """
    cands: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    keys: dict[str, list[tuple[int, int]]] = {}  # rules sharing a key look for it once
    for order, rule in enumerate(rules()):
        for m in rule.finditer(text, keys):
            if m.end() > m.start() and (rule.check is None or rule.check(m, text)) \
                    and (rule.name == "holiday" or not _in_a_name(text, m)):
                cands.append((m.start(), m.end(), order, rule, m))
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    chosen: list[tuple[int, int, Rule, re.Match[str]]] = []
    taken = bytearray(len(text))  # 1 where a chosen match lies: a linear test, not all-pairs
    for start, end, _, rule, m in cands:
        if taken.find(1, start, end) < 0:
            chosen.append((start, end, rule, m))
            taken[start:end] = b"\x01" * (end - start)
    chosen.sort(key=lambda c: c[0])
    return tuple((rule, m) for _, _, rule, m in chosen)


#: An open end after a date ("1994 or later", "2030 and beyond") is part of the expression, as
#: TimeML marks it (a modifier of the date), unless a noun follows ("1994 or later models").
_OPEN_END = re.compile(r"\s+(?:or\s+(?:later|earlier|sooner|before|after)|and\s+(?:beyond|later|"
                       r"after|earlier|before))(?![\w-])(?!\s+[a-z])")

#: A word an editor put in square brackets in a quotation ("[Ten] years ago"): read as the word.
_EDITED_WORD = re.compile(r"\[(\w+)\]")


def _found(text: str, dct: datetime.date | None,
           dct_origin: str | None = None) -> list[tuple[int, int, Found]]:
    # the brackets become spaces, so every offset stays the text's own
    text = _EDITED_WORD.sub(lambda m: f" {m.group(1)} ", text)
    ctx = Ctx(text, dct, dct_origin)
    out: list[tuple[int, int, Found]] = []
    for rule, m in _select(text):
        found = rule.handle(m, ctx)
        if found is None:
            continue
        start = found.start if found.start >= 0 else m.start()
        end = found.end if found.end >= 0 else m.end()
        if found.type in ("DATE", "TIME") and not found.parts and found.point is not None:
            open_end = _OPEN_END.match(text, end)
            if open_end:
                end = open_end.end()
        out.append((start, end, found))
        p = found.point
        if found.chain and p is not None and p.year is not None:
            ctx.prev, ctx.prev_end = p, end
            ctx.prev_stated = found.anchor is None
            if dct is None or p.start() <= dct:
                ctx.told = p
        if p is not None and p.gran == "quarter" and p.sub and p.year is not None \
                and not found.back and found.type == "DATE" \
                and (dct is None or p.bounds()[1] < dct) \
                and (ctx.quarter is None or p.start() >= ctx.quarter.start()):
            # a reported quarter is over; an earlier one named after it ("after a flat second
            # quarter") is looked back on, not the story's own
            ctx.quarter, ctx.quarter_end = p, end
    return out


def find_times(text: str, dct: datetime.date | None, *,
               dct_origin: str | None = None) -> list[Timex]:
    """Every time expression in the text, in order, resolved against dct where one is given.

    ``dct_origin`` says where the document date came from ("from the dateline"); it is added
    to the anchor of every expression resolved against it.
    """
    result = []
    for start, end, f in _found(text, dct, dct_origin):
        words = text[start:end]
        edtf = f.edtf if f.edtf is not None else (
            f.point.edtf() if f.point is not None and f.type in ("DATE", "TIME") else None)
        result.append(Timex(start, end, words, f.type, f.value, _time_value(edtf, words, f.anchor)))
    return result


def _parse_dct(dct: str | None) -> datetime.date | None:
    if not dct:
        return None
    try:
        return datetime.date.fromisoformat(dct[:10])
    except ValueError:
        return None


def extract(text: str, dct: str) -> list[dict[str, object]]:
    """Adapter for the TempEval-3 scorer: ``{start, end, value, type}`` per TIMEX3.

    A range is given as its two ends, as TimeML annotates it.
    """
    out: list[dict[str, object]] = []
    for start, end, f in _found(text, _parse_dct(dct)):
        if f.parts:
            for part in f.parts:
                out.append({"start": part.start, "end": part.end, "value": part.value,
                            "type": part.type})
        else:
            out.append({"start": start, "end": end, "value": f.value, "type": f.type})
    return out
