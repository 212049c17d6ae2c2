"""How the events are dated, on TempEval-3 train (TimeBank and AQUAINT news with gold TimeML).

    python3 benchmarks/events_timebank.py [-v] [--held]

Reads the ``.tml`` files of ``../shared/benchmarks/tempeval3/train`` (annotations (c) 2013
TempEval-3 Co-ordinators, CC BY 3.0) at run time. A gold EVENT is **dated** when a TLINK ties
it to a DATE or TIME TIMEX3 with a calendar value (a day, a week, a month, a quarter, a year,
a decade; the document creation time counts): IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY,
BEGINS or ENDS put it inside the value's range, BEFORE (IBEFORE) gives the range an open start
ending on the value's first day, AFTER (IAFTER) an open end from its last day; an event with
several such links takes the intersection. A link read from the time's side is turned round
("t INCLUDES e" is "e IS_INCLUDED t"); an event that includes a time is not bounded by it.

The extractor runs on each document's text with its creation date. One of our events matches a
gold event when its predicate (the verb the event was read from) lies inside the gold EVENT's
span. Each matched gold event is then counted once, by the best of its matches:

* ``inside``: the event's time lies inside the gold range (an open gold end admits anything);
* ``wrong``: its time cannot overlap the gold range;
* ``wider``: a closed time that overlaps the gold range but is wider than it (a year for a day);
* ``open``: no time, or an open one ("../1998-01-08") that overlaps the gold range.

Figures are printed for gold events with a closed range (both ends: the ones a reader can date)
and for all dated gold events. The documents are split as ``benchmarks/tempeval3.py`` splits
them: "tune" (printed by default; ``-v`` lists its closed-range events not inside) and "held"
(printed with ``--held`` instead, at the start and the end of a round of work only; its events
are never listed).
"""

from __future__ import annotations

import calendar
import hashlib
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
TRAIN = ROOT.parent / "shared" / "benchmarks" / "tempeval3" / "train"

from tempeval3 import part_of  # noqa: E402

from timeline_graph import nlp  # noqa: E402
from timeline_graph.extract import entities, events, times  # noqa: E402
from timeline_graph.extract.dating import DocumentDate  # noqa: E402
from timeline_graph.model import Document, TimeValue  # noqa: E402

Range = tuple[date | None, date | None]

#: The relation of an event to a time, read from the time's side.
_TURNED = {"INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "BEFORE": "AFTER", "AFTER": "BEFORE",
           "IBEFORE": "IAFTER", "IAFTER": "IBEFORE", "BEGINS": "BEGUN_BY", "BEGUN_BY": "BEGINS",
           "ENDS": "ENDED_BY", "ENDED_BY": "ENDS", "DURING": "DURING_INV", "DURING_INV": "DURING"}
_WITHIN = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"}
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


@dataclass
class GoldDoc:
    name: str
    path: Path
    dct: date
    text: str
    events: dict[str, tuple[int, int]] = field(default_factory=dict)  # eid -> span
    ranges: dict[str, Range] = field(default_factory=dict)  # eid -> gold range


def calendar_range(value: str) -> Range | None:
    """The first and last day of a TIMEX3 calendar value, or None (a duration, a reference, X's)."""
    value = value.split("T", 1)[0]
    if "X" in value:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value):
        try:
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return start, start + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        y, q = int(m[1]), int(m[2])
        last = 3 * q
        return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        y, h = int(m[1]), int(m[2])
        return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    if (m := re.fullmatch(r"(\d{4})-(SP|SU|FA)", value)):
        y, (a, b) = int(m[1]), _SEASONS[m[2]]
        return date(y, a, 1), date(y, b, calendar.monthrange(y, b)[1])
    if m := re.fullmatch(r"(\d{4})", value):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := re.fullmatch(r"(\d{3})", value):
        y = int(m[1]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    return None


def _walk(elem: ET.Element, parts: list[str], pos: int, spans: list[tuple[ET.Element, int, int]]) -> int:
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        start = pos
        pos = _walk(child, parts, pos, spans)
        spans.append((child, start, pos))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def load(path: Path) -> GoldDoc | None:
    """One document's text, creation date, events and their gold ranges."""
    root = ET.parse(str(path)).getroot()
    text_el = root.find("TEXT")
    if text_el is None:
        return None
    parts: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    _walk(text_el, parts, 0, spans)
    text = "".join(parts)
    ranges: dict[str, Range] = {}
    dct: date | None = None
    for t in root.iter("TIMEX3"):
        got = calendar_range(t.get("value", "")) if t.get("type") in ("DATE", "TIME") else None
        if got is not None:
            ranges[t.get("tid", "")] = got
        if t.get("functionInDocument") == "CREATION_TIME" and got is not None and got[0] == got[1]:
            dct = got[0]
    if dct is None:
        return None
    doc = GoldDoc(path.stem, path, dct, text)
    for elem, start, end in spans:
        if elem.tag == "EVENT":
            doc.events[elem.get("eid", "")] = (start, end)
    instance = {m.get("eiid", ""): m.get("eventID", "") for m in root.iter("MAKEINSTANCE")}
    for link in root.iter("TLINK"):
        rel = link.get("relType", "")
        if link.get("eventInstanceID") and link.get("relatedToTime"):
            eid, tid = instance.get(link.get("eventInstanceID", ""), ""), link.get("relatedToTime", "")
        elif link.get("timeID") and link.get("relatedToEventInstance"):
            eid, tid = instance.get(link.get("relatedToEventInstance", ""), ""), link.get("timeID", "")
            rel = _TURNED.get(rel, rel)
        else:
            continue
        if eid not in doc.events or tid not in ranges:
            continue
        low, high = ranges[tid]
        bound: Range
        if rel in _WITHIN:
            bound = (low, high)
        elif rel in ("BEFORE", "IBEFORE"):
            bound = (None, low)
        elif rel in ("AFTER", "IAFTER"):
            bound = (high, None)
        else:
            continue
        old_low, old_high = doc.ranges.get(eid, (None, None))
        new_low = max((d for d in (old_low, bound[0]) if d is not None), default=None)
        new_high = min((d for d in (old_high, bound[1]) if d is not None), default=None)
        if new_low is not None and new_high is not None and new_low > new_high:
            continue  # links that contradict each other: keep the earlier reading
        doc.ranges[eid] = (new_low, new_high)
    return doc


def verdict(time: TimeValue | None, gold: Range) -> str:
    """``inside``, ``wrong``, ``wider`` or ``open`` (see the module's docstring)."""
    low, high = gold
    if time is not None:
        low_ok = low is None or (time.earliest is not None and time.earliest >= low)
        high_ok = high is None or (time.latest is not None and time.latest <= high)
        if low_ok and high_ok:
            return "inside"
        if (low is not None and time.latest is not None and time.latest < low) or (
                high is not None and time.earliest is not None and time.earliest > high):
            return "wrong"
        if time.earliest is not None and time.latest is not None:
            return "wider"
    return "open"


_ORDER = {"inside": 0, "wider": 1, "open": 2, "wrong": 3}


def our_events(gold: GoldDoc) -> list[tuple[int, TimeValue | None, str]]:
    """(predicate offset, time, label) of each event the extractor finds in the document."""
    text = gold.text
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source=f"{gold.name}.txt",
                          published=TimeValue.of_day(gold.dct), metadata_origin=(("published", "metadata"),))
    parse = nlp.parse(text)
    dated = DocumentDate(TimeValue.of_day(gold.dct), "metadata")
    timexes = tuple(times.find_times(text, gold.dct))
    found_entities = entities.find_entities(doc, parse)
    predicates: dict[str, int] = {}
    original = events._Reader._event

    def noted(self: Any, verb: Any, predicate: Any) -> Any:
        made = original(self, verb, predicate)
        if made is not None:
            predicates[made[0].id] = verb.start
        return made

    events._Reader._event = noted  # type: ignore[method-assign]
    try:
        found = events.find_events(doc, timexes, found_entities, parse, dct=dated)
    finally:
        events._Reader._event = original  # type: ignore[method-assign]
    return [(predicates[e.id], e.reports[0].stated_time, e.label) for e in found if e.id in predicates]


def main(argv: list[str]) -> int:
    if not TRAIN.is_dir():
        print(f"no TempEval-3 train at {TRAIN}", file=sys.stderr)
        return 2
    part = "held" if "--held" in argv else "tune"
    docs = [d for p in sorted(TRAIN.rglob("*.tml")) if part_of(str(p)) == part and (d := load(p)) is not None]
    counts = {"closed": Counter(), "all": Counter()}
    listed: list[str] = []
    for gold in docs:
        ours = our_events(gold)
        for eid, gold_range in gold.ranges.items():
            start, end = gold.events[eid]
            kinds = ["all"] + (["closed"] if None not in gold_range else [])
            for kind in kinds:
                counts[kind]["dated"] += 1
            matched = [(t, label) for at, t, label in ours if start <= at < end]
            if not matched:
                continue
            best = min(matched, key=lambda m: _ORDER[verdict(m[0], gold_range)])
            said = verdict(best[0], gold_range)
            for kind in kinds:
                counts[kind]["matched"] += 1
                counts[kind][said] += 1
            if "-v" in argv and part == "tune" and "closed" in kinds and said != "inside":
                low, high = gold_range
                listed.append(f"  {said:<6} {gold.name} {gold.text[start:end]!r} gold {low}/{high} "
                              f"ours {best[0].edtf if best[0] else None}: {best[1]}")
    print(f"TempEval-3 train, {part} part: {len(docs)} documents")
    for kind, name in (("closed", "closed gold ranges"), ("all", "all dated gold events")):
        c = counts[kind]
        m = c["matched"] or 1
        print(f"{name:<22} dated {c['dated']:>4}  matched {c['matched']:>4}  inside {c['inside']:>4} "
              f"({c['inside'] / m:6.1%})  wrong {c['wrong']:>3} ({c['wrong'] / m:5.1%})  "
              f"wider {c['wider']:>3}  open/none {c['open']:>4}")
    for row in listed:
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
