"""Figures over time: a series when the values of one measure change, a conflict when sources
give one subject incompatible values for one time.

Figures that disagree are found by a sweep over their times (each figure is compared only with
those whose time overlaps its own); the figures linked by disagreements make one conflict, so
twenty outlets giving a toll three ways on one day raise one conflict, not a hundred pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from ..model import Conflict, Quantity, record_id

__all__ = ["series", "series_and_conflicts"]

#: How many of a conflict's figures its explanation quotes.
QUOTED_FIGURES = 6


def _range(q: Quantity) -> tuple[float, float]:
    """The values a stated figure allows: "over 2,000" is 2,000 to 3,000, "about" is +-15%."""
    v = q.value
    if q.qualifier == "more than":
        return v, v * 1.5
    if q.qualifier == "less than":
        return v * 0.67, v
    if q.qualifier == "about":
        return v * 0.85, v * 1.15
    return v, v


def _same_value(a: Quantity, b: Quantity) -> bool:
    lo_a, hi_a = _range(a)
    lo_b, hi_b = _range(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _all_same(group: list[Quantity]) -> bool:
    """Whether every two figures of the group can be the same value (ranges on a line that
    meet two by two all meet in one point)."""
    ranges = [_range(q) for q in group]
    return max(lo for lo, _ in ranges) <= min(hi for _, hi in ranges)


def series_and_conflicts(found: Iterable[Quantity]) -> tuple[list[Quantity], list[Conflict]]:
    """Figures of one measure: a series when values change; a conflict when one time has two."""
    quantities = sorted(found, key=lambda q: q.id)
    by_measure: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities:
        by_measure[q.measure].append(q)
    out: list[Quantity] = []
    conflicts: list[Conflict] = []
    for measure, group in sorted(by_measure.items()):
        documents = {q.document for q in group}
        distinct = len(group) == 1 or not _all_same(group)
        if len(documents) < 2 and not distinct:
            out.extend(group)
            continue
        series_id = record_id("series", measure)
        out.extend(replace(q, series=series_id) for q in group)
        if "/" not in measure:  # one figure of one subject needs the relation too
            continue
        by_subject: dict[str, list[Quantity]] = defaultdict(list)
        for q in group:
            if q.subject and q.time and q.time.earliest and q.time.precision in ("day", "month"):
                by_subject[q.subject].append(q)
        for _subject, figures in sorted(by_subject.items()):
            conflicts += _disagreements(measure, figures)
    return out, conflicts


def _disagreements(measure: str, figures: list[Quantity]) -> list[Conflict]:
    """One conflict per set of figures linked by two-by-two disagreements at overlapping times."""
    parent = {q.id: q.id for q in figures}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def span(q: Quantity) -> tuple[date, date]:
        assert q.time is not None and q.time.earliest is not None
        return q.time.earliest, q.time.latest or date.max

    linked: set[str] = set()
    active: list[Quantity] = []
    for q in sorted(figures, key=lambda q: (span(q), q.id)):
        start, _ = span(q)
        active = [a for a in active if span(a)[1] >= start]
        for a in active:
            if a.document != q.document and not _same_value(a, q):
                parent[root(a.id)] = root(q.id)
                linked |= {a.id, q.id}
        active.append(q)
    components: dict[str, list[Quantity]] = defaultdict(list)
    for q in figures:
        if q.id in linked:
            components[root(q.id)].append(q)
    conflicts = []
    for members in components.values():
        members.sort(key=lambda q: q.id)
        first, what = members[0], measure.split("/")[0]
        if len(members) == 2:
            explanation = f"Two values for the {what} at {first.time.edtf if first.time else '?'}: {first.span.exact!r} and {members[1].span.exact!r}."
        else:
            quoted = list(dict.fromkeys(q.span.exact for q in members))
            more = f" and {len(quoted) - QUOTED_FIGURES} more" if len(quoted) > QUOTED_FIGURES else ""
            times = sorted({q.time.edtf for q in members if q.time})
            explanation = (f"{len(members)} figures for the {what} at {', '.join(times[:3])}{' …' if len(times) > 3 else ''} "
                           f"disagree: {', '.join(repr(t) for t in quoted[:QUOTED_FIGURES])}{more}.")
        conflicts.append(
            Conflict(
                id=record_id("cfl", "quantity", *(q.id for q in members)),
                kind="quantity",
                items=tuple(q.id for q in members),
                documents=tuple(dict.fromkeys(q.document for q in members)),
                explanation=explanation,
                spans=tuple(q.span for q in members),
            )
        )
    return sorted(conflicts, key=lambda c: c.id)


def series(quantities: Iterable[Quantity]) -> dict[str, list[Quantity]]:
    """The quantities of each series in time order (unknown times last), by series id."""
    found: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities:
        if q.series:
            found[q.series].append(q)
    return {
        k: sorted(v, key=lambda q: (q.time.sort_key() if q.time else (date.max, date.max, ""), q.value, q.id))
        for k, v in sorted(found.items())
    }
