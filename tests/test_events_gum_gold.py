"""The hand-made gold list of the GUM events benchmark is well formed."""

from __future__ import annotations

from pathlib import Path

import yaml

from timeline_graph.model import TimeValue

GOLD = Path(__file__).parent / "data" / "gum_events_gold.yaml"


def test_every_gold_event_has_a_known_document_a_short_cue_and_a_date_range() -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    documents = gold["documents"]
    assert {d["group"] for d in documents.values()} == {"first", "tune", "tune2", "tune3", "tune4", "tune5", "held"}
    held = [n for n, d in documents.items() if d["group"] == "held"]
    assert len(held) >= 3
    for event in gold["events"]:
        assert event["doc"] in documents
        assert 1 <= len(event["cue"].split()) <= 5
        time = TimeValue.from_edtf(str(event["date"]))
        assert time.earliest is not None or time.latest is not None
    assert all(any(e["doc"] == name for e in gold["events"]) for name in documents)
