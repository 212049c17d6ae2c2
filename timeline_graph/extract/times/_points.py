"""Calendar points at a granularity: their TIMEX3 value, EDTF string, bounds and arithmetic."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["GRANS", "SEASON_CODES", "Point", "add", "choose", "point_of", "shift"]

#: TIMEX3 season codes, indexed by ``Point.sub - 1`` (spring, summer, autumn, winter).
SEASON_CODES = ("SP", "SU", "FA", "WI")
#: Granularities from finest to coarsest.
GRANS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")

# The first month of each season (northern meteorological seasons, as the edtf package uses).
_SEASON_START = {1: 3, 2: 6, 3: 9, 4: 12}


@dataclass(frozen=True)
class Point:
    """A calendar unit: a day, ISO week, month, season, quarter, half, year, decade or century.

    ``year`` is None when the text does not say it and nothing resolves it. ``sub`` is the
    season (1-4), quarter (1-4), half (1-2) or ISO week number; for a week ``year`` is the ISO
    year. A decade or century keeps its first year (1990, 1900).
    """

    gran: str
    year: int | None
    month: int = 0
    day: int = 0
    sub: int = 0

    def value(self) -> str:
        """The TIMEX3 value: ``2020-06-16``, ``2020-SU``, ``2020-Q3``, ``2020-W25``, ``199X``."""
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        g = self.gran
        if g == "day":
            return f"{y}-{self.month:02d}-{self.day:02d}"
        if g == "month":
            return f"{y}-{self.month:02d}"
        if g == "season":
            return f"{y}-{SEASON_CODES[self.sub - 1]}"
        if g == "quarter":
            return f"{y}-Q{self.sub}" if self.sub else f"{y}-QX"
        if g == "half":
            return f"{y}-H{self.sub}"
        if g == "week":
            return f"{y}-W{self.sub:02d}" if self.sub else f"{y}-WXX"
        if g == "decade":
            return "XXXX" if self.year is None else f"{self.year // 10:03d}X"
        if g == "century":
            return "XXXX" if self.year is None else f"{self.year // 100:02d}"
        return y

    def edtf(self) -> str | None:
        """The EDTF string, or None where EDTF cannot say it (a season of an unknown year)."""
        y = self.year
        g = self.gran
        if y is None:
            if g == "day":
                return f"XXXX-{self.month:02d}-{self.day:02d}"
            if g == "month":
                return f"XXXX-{self.month:02d}"
            return None
        if g in ("day", "month", "year"):
            return self.value()
        if g == "season":
            return f"{y:04d}-{20 + self.sub}"
        if g == "quarter":
            return f"{y:04d}-{32 + self.sub}" if self.sub else f"{y:04d}"
        if g == "half":
            return f"{y:04d}-{39 + self.sub}"
        if g == "week":
            if not self.sub:
                return f"{y:04d}"
            first, last = self.bounds()
            return f"{first.isoformat()}/{last.isoformat()}"
        if g == "decade":
            return f"{y // 10:03d}X"
        if g == "century":
            return f"{y // 100:02d}XX"
        return None

    def bounds(self) -> tuple[date, date]:
        """The first and last day; only for points with a known year."""
        y = self.year
        if y is None:
            raise ValueError("a point of an unknown year has no bounds")
        g = self.gran
        if g == "day":
            d = date(y, self.month, self.day)
            return d, d
        if g == "week":
            if not self.sub:
                return date(y, 1, 1), date(y, 12, 31)
            first = date.fromisocalendar(y, self.sub, 1)
            return first, first + timedelta(days=6)
        if g == "month":
            return date(y, self.month, 1), _month_end(y, self.month)
        if g == "season":
            m = _SEASON_START[self.sub]
            first = date(y, m, 1)
            last_y, last_m = (y + 1, 2) if m == 12 else (y, m + 2)
            return first, _month_end(last_y, last_m)
        if g == "quarter":
            if not self.sub:
                return date(y, 1, 1), date(y, 12, 31)
            m = 3 * self.sub - 2
            return date(y, m, 1), _month_end(y, m + 2)
        if g == "half":
            m = 6 * self.sub - 5
            return date(y, m, 1), _month_end(y, m + 5)
        if g == "decade":
            return date(y, 1, 1), date(y + 9, 12, 31)
        if g == "century":
            return date(y, 1, 1), date(min(y + 99, 9999), 12, 31)
        return date(y, 1, 1), date(y, 12, 31)

    def start(self) -> date:
        """The first day."""
        return self.bounds()[0]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def point_of(day: date, gran: str) -> Point:
    """The point of granularity ``gran`` that contains ``day``."""
    if gran == "day":
        return Point("day", day.year, day.month, day.day)
    if gran == "week":
        iso = day.isocalendar()
        return Point("week", iso[0], sub=iso[1])
    if gran == "month":
        return Point("month", day.year, day.month)
    if gran == "season":
        sub = {12: 4, 1: 4, 2: 4, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(day.month, 3)
        year = day.year - 1 if day.month < 3 else day.year
        return Point("season", year, sub=sub)
    if gran == "quarter":
        return Point("quarter", day.year, sub=(day.month - 1) // 3 + 1)
    if gran == "half":
        return Point("half", day.year, sub=1 if day.month <= 6 else 2)
    if gran == "decade":
        return Point("decade", day.year // 10 * 10)
    if gran == "century":
        return Point("century", day.year // 100 * 100)
    return Point("year", day.year)


def add(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` units (day, week, month, quarter, year, decade, century)."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120,
              "century": 1200}.get(unit, 12) * n
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    year = min(max(year, 1), 9999)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(point: Point, unit: str, n: int) -> Point:
    """``point`` moved by ``n`` units, keeping its granularity (a year's quarter stays one)."""
    if point.year is None:
        return point
    return point_of(add(point.start(), unit, n), point.gran)


#: How much farther than the nearest candidate the tense's candidate may be and still win.
TENSE_SLACK_DAYS = 180


def choose(make: Callable[[int], Point | None], ref: date, tense: str | None, *,
           strict: bool = False, sure: bool = False) -> Point | None:
    """Of the points ``make(year)`` for years around ``ref``, the one the text means.

    Past: the latest starting on or before ``ref`` (strict: ending before it). Future: the
    earliest ending on or after ``ref`` (strict: starting after it). Unless ``strict`` (the
    text said "last" or "next") or ``sure`` (the verb that governs the expression has that
    tense), the tense only wins when its candidate is not much farther from ``ref`` than the
    nearest one: news mostly speaks of the months around its date, and a tense read from the
    nearest tense word of the sentence is often another clause's.
    """
    cands: list[tuple[date, date, Point]] = []
    for year in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1, ref.year + 2):
        p = make(year)
        if p is not None:
            first, last = p.bounds()
            cands.append((first, last, p))
    if not cands:
        return None

    def distance(c: tuple[date, date, Point]) -> tuple[int, int]:
        if c[0] <= ref <= c[1]:
            return (0, 0)
        gap = (c[0] - ref).days if c[0] > ref else (ref - c[1]).days
        return (gap, 1 if c[0] > ref else 0)  # a tie goes to the past: news reports

    nearest = min(cands, key=distance)
    by_tense = None
    if tense == "past":
        ok = [c for c in cands if (c[1] < ref if strict else c[0] <= ref)]
        by_tense = ok[-1] if ok else None
    elif tense == "future":
        ok = [c for c in cands if (c[0] > ref if strict else c[1] >= ref)]
        by_tense = ok[0] if ok else None
    if by_tense is None:
        return None if strict else nearest[2]
    if strict or sure or distance(by_tense)[0] <= distance(nearest)[0] + TENSE_SLACK_DAYS:
        return by_tense[2]
    return nearest[2]
