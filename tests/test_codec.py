"""Records survive the trip to plain dicts and back; bad data is refused."""

from __future__ import annotations

import json

import pytest

from timeline_graph.codec import from_dict, to_dict
from timeline_graph.errors import ModelError
from timeline_graph.model import Claim, Conflict, Document, Entity, Event, Records


def test_every_record_round_trips(sample_records: Records) -> None:
    texts = {d.id: d.text for d in sample_records.documents}
    for cls, group in ((Document, sample_records.documents), (Entity, sample_records.entities),
                       (Event, sample_records.events), (Claim, sample_records.claims),
                       (Conflict, sample_records.conflicts)):
        for rec in group:
            data = json.loads(json.dumps(to_dict(rec)))
            assert from_dict(cls, data, texts) == rec


def test_a_span_that_no_longer_matches_is_refused(sample_records: Records) -> None:
    event = sample_records.events[0]
    data = to_dict(event)
    data["reports"][0]["span"]["exact"] = "something else entirely"
    texts = {d.id: d.text for d in sample_records.documents}
    with pytest.raises(ModelError, match="reads"):
        from_dict(Event, data, texts)


def test_wrong_types_are_refused(sample_records: Records) -> None:
    data = to_dict(sample_records.entities[0])
    data["kind"] = "spaceship"
    with pytest.raises(ModelError, match="spaceship"):
        from_dict(Entity, data, {d.id: d.text for d in sample_records.documents})
    with pytest.raises(TypeError):
        to_dict("not a record")
