"""The TimeBank events benchmark's own reading of TimeML: calendar ranges, links and verdicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline_graph.model import TimeValue

from .test_benchmarks import _load

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>INVENTED1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2003-05-09" functionInDocument="CREATION_TIME">May 9</TIMEX3></DCT>
<TEXT>
The Varden council <EVENT eid="e1" class="OCCURRENCE">voted</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2003-05-06">Tuesday</TIMEX3>. It had <EVENT eid="e2" class="OCCURRENCE">met</EVENT> in <TIMEX3 tid="t2" type="DATE" value="2003-04">April</TIMEX3>. Ann Lowe <EVENT eid="e3" class="OCCURRENCE">left</EVENT>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" />
<MAKEINSTANCE eventID="e2" eiid="ei2" />
<MAKEINSTANCE eventID="e3" eiid="ei3" />
<TLINK lid="l1" relType="INCLUDES" timeID="t1" relatedToEventInstance="ei1" />
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2" />
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei3" relatedToTime="t0" />
</TimeML>
"""


def test_calendar_values_are_read_as_ranges_of_days() -> None:
    bench = _load("events_timebank")
    assert bench.calendar_range("2003-05-06") == (date(2003, 5, 6), date(2003, 5, 6))
    assert bench.calendar_range("2003-02") == (date(2003, 2, 1), date(2003, 2, 28))
    assert bench.calendar_range("2003-Q3") == (date(2003, 7, 1), date(2003, 9, 30))
    assert bench.calendar_range("2003-W02") == (date(2003, 1, 6), date(2003, 1, 12))
    assert bench.calendar_range("199") == (date(1990, 1, 1), date(1999, 12, 31))
    assert bench.calendar_range("PRESENT_REF") is None
    assert bench.calendar_range("XXXX-05-06") is None


def test_links_give_each_event_its_gold_range(tmp_path: Path) -> None:
    bench = _load("events_timebank")
    path = tmp_path / "INVENTED1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = bench.load(path)
    assert doc is not None and doc.dct == date(2003, 5, 9)
    s, e = doc.events["e1"]
    assert doc.text[s:e] == "voted"
    assert doc.ranges["e1"] == (date(2003, 5, 6), date(2003, 5, 6))  # turned round from the time's side
    assert doc.ranges["e2"] == (date(2003, 4, 1), date(2003, 4, 30))
    assert doc.ranges["e3"] == (None, date(2003, 5, 9))


def test_verdicts_sort_inside_wrong_wider_and_open() -> None:
    bench = _load("events_timebank")
    day = (date(2003, 5, 6), date(2003, 5, 6))
    assert bench.verdict(TimeValue.from_edtf("2003-05-06"), day) == "inside"
    assert bench.verdict(TimeValue.from_edtf("2003-05-07"), day) == "wrong"
    assert bench.verdict(TimeValue.from_edtf("2003-05"), day) == "wider"
    assert bench.verdict(TimeValue.from_edtf("../2003-05-09"), day) == "open"
    assert bench.verdict(None, day) == "open"
    assert bench.verdict(TimeValue.from_edtf("../2003-05-09"), (None, date(2003, 5, 9))) == "inside"
