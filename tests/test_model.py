"""Model records: invariants, deterministic ids, EDTF bounds."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_graph import model
from timeline_graph.errors import ModelError, SpanError
from timeline_graph.model import CONTEXT_CHARS, Document, Entity, Event, Span, TimeValue, record_id

from .conftest import make_document


def test_span_matches_its_document() -> None:
    doc = make_document("The chief spoke on Tuesday about the footage.", "a.txt")
    span = Span.find(doc, "Tuesday")
    assert doc.text[span.start : span.end] == span.exact == "Tuesday"
    assert span.prefix == "The chief spoke on " and span.suffix == " about the footage."


def test_span_with_a_wrong_quote_cannot_be_built() -> None:
    doc = make_document("The chief spoke on Tuesday.", "a.txt")
    with pytest.raises(SpanError, match="reads 'Tuesday', not 'Monday!'"):
        Span(document=doc.id, start=19, end=26, exact="Monday!", text=doc.text)
    with pytest.raises(SpanError, match="outside document"):
        Span(document=doc.id, start=20, end=99, exact="x", text=doc.text)
    with pytest.raises(SpanError, match="prefix or suffix"):
        Span(document=doc.id, start=19, end=26, exact="Tuesday", prefix="said on ", text=doc.text)
    with pytest.raises(SpanError, match="does not occur"):
        Span.find(doc, "Wednesday")


@given(st.text(min_size=1, max_size=200), st.data())
def test_any_span_at_valid_offsets_reads_its_text(text: str, data: st.DataObject) -> None:
    if not text.strip():
        text = text + "x"
    doc = make_document(text, "gen.txt")
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    span = Span.at(doc, start, end)
    assert span.exact == text[start:end]
    assert len(span.prefix) <= CONTEXT_CHARS and len(span.suffix) <= CONTEXT_CHARS


def test_document_id_comes_from_sha256() -> None:
    doc = make_document("Some text.", "a.txt")
    assert doc.id == "doc-" + doc.sha256[:16]
    with pytest.raises(ModelError, match="does not match its sha256"):
        Document(id="doc-0000000000000000", sha256=doc.sha256, text="Some text.", source="a.txt")
    with pytest.raises(ModelError, match="64 lowercase hex"):
        Document.create(sha256="xyz", text="Some text.", source="a.txt")
    with pytest.raises(ModelError, match="needs some text"):
        Document.create(sha256="b" * 64, text="  \n", source="blank.txt")


def test_ids_are_deterministic() -> None:
    assert record_id("evt", "a", 1) == record_id("evt", "a", 1)
    assert record_id("evt", "a", 1) != record_id("evt", "a", 2)
    assert Entity.id_for("organization", "Electronic  Frontier Foundation") == Entity.id_for(
        "organization", "electronic frontier foundation"
    )


@pytest.mark.parametrize(
    ("edtf", "earliest", "latest", "precision"),
    [
        ("2020-06-16", date(2020, 6, 16), date(2020, 6, 16), "day"),
        ("2020-06", date(2020, 6, 1), date(2020, 6, 30), "month"),
        ("2020-22", date(2020, 6, 1), date(2020, 8, 31), "season"),
        ("2020-06~", date(2020, 6, 1), date(2020, 6, 30), "month"),
        ("2019/2021", date(2019, 1, 1), date(2021, 12, 31), "interval"),
        ("199X", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("2020-33", date(2020, 1, 1), date(2020, 3, 31), "quarter"),
        ("2020-41", date(2020, 7, 1), date(2020, 12, 31), "half"),
        ("2020-25", date(2020, 3, 1), date(2020, 5, 31), "season"),
        ("XXXX-06-16", None, None, "unknown"),
    ],
)
def test_time_value_bounds(edtf: str, earliest: date | None, latest: date | None, precision: str) -> None:
    value = TimeValue.from_edtf(edtf, text="words")
    assert (value.earliest, value.latest, value.precision) == (earliest, latest, precision)


def test_time_value_qualifiers_and_order() -> None:
    assert TimeValue.from_edtf("2020-06~").approximate
    assert TimeValue.from_edtf("2020-06-16?").uncertain
    assert not TimeValue.from_edtf("2020-06-16").approximate
    summer = TimeValue.from_edtf("2020-22")
    june_1 = TimeValue.from_edtf("2020-06-01")
    assert june_1.sort_key() < summer.sort_key()
    assert summer.overlaps(TimeValue.from_edtf("2020-07-04"))
    assert not summer.overlaps(TimeValue.from_edtf("2020-09-01"))
    with pytest.raises(ModelError, match="not a valid EDTF"):
        TimeValue.from_edtf("June-ish")
    with pytest.raises(ModelError, match="after latest"):
        TimeValue("2020", date(2021, 1, 1), date(2020, 1, 1))


def test_event_needs_a_citation() -> None:
    with pytest.raises(ModelError, match="no report"):
        Event(id="evt-1", label="something", time=None, reports=())


@pytest.mark.parametrize("edtf", ["2020", "0001", "9998", "2020-02", "2021-02", "2020-12", "2020-02-29",
                                  "1999-12-31", "2021-02-29", "2020-13", "0000", "9999", "2020-06-00",
                                  "2021-05~", "2021?", "2021-05-03%", "2021-05-03?/2021-06~", "../2016-12-30",
                                  "2016/..", "2009-01/..", "1956/2012", "../..", "2016-12-19/2016-12-25",
                                  "2021-13/2022", "199X", "19XX", "000X", "00XX", "XXXX-01", "XXXX-02-29",
                                  "XXXX-02-30", "XXXX-13", "XXXX-04-31", "2016-22", "2016/2015"])
def test_common_dates_read_without_the_edtf_parser_have_its_bounds(edtf: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def read(value: str) -> TimeValue | str:
        try:
            return TimeValue.from_edtf(value)
        except ModelError as err:
            return type(err).__name__

    model._edtf_bounds.cache_clear()
    fast = read(edtf)
    monkeypatch.setattr(model, "_common_bounds", lambda value: None)
    model._edtf_bounds.cache_clear()
    assert fast == read(edtf)
    model._edtf_bounds.cache_clear()
