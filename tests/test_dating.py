"""Document dates: stated, read from a dateline, the latest date in the text, given by a citing document."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline_graph.case import Case
from timeline_graph.extract import document_date, extract
from timeline_graph.extract.citations import format_label
from timeline_graph.extract.dating import DocumentDate, cited_dates, infer_date, reported_dates
from timeline_graph.ingest import read_bytes, read_document
from timeline_graph.model import Citation, Document, Span, TimeValue, record_id

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def doc(text: str, source: str = "a.txt", **metadata: object) -> Document:
    sha = hashlib.sha256((source + text).encode()).hexdigest()
    return Document.create(sha256=sha, text=text, source=source, **metadata)


def by_text(extraction_times: tuple, words: str):  # type: ignore[no-untyped-def]
    return next(t for t in extraction_times if t.text == words)


# --- each source of a document date --------------------------------------------------------


def test_a_stated_date_keeps_the_origin_ingest_gave_it() -> None:
    d = doc("The board met yesterday.", published=TimeValue.of_day(date(2021, 3, 4)),
            metadata_origin=(("published", "front matter"),))
    found = infer_date(d)
    assert found is not None and (found.day, found.origin, found.inferred) == (date(2021, 3, 4), "front matter", False)
    x = extract(d)
    assert x.dated == found
    t = by_text(x.times, "yesterday")
    assert t.value == "2021-03-03" and t.time.anchor == "document date 2021-03-04"


def test_a_byline_date_read_by_ingest() -> None:
    text = "Board meets\n\nBy Ann Writer | March 2, 2021\n\nThe board met on Tuesday.\n"
    d = read_bytes(text.encode(), source="byline.txt")
    found = infer_date(d)
    assert found is not None and (found.day, found.origin) == (date(2021, 3, 2), "byline")
    assert by_text(extract(d).times, "Tuesday").value == "2021-03-02"


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON, Feb. 16, 2021 (AP) — The agency said Tuesday it would act.",
        "February 16, 2021 — The agency said Tuesday it would act.",
        "Headline here\n\nLOS ANGELES, Calif., February 16, 2021 -- The agency said Tuesday it would act.",
    ],
)
def test_a_dateline_dates_the_document(text: str) -> None:
    d = doc(text)
    found = infer_date(d)
    assert found is not None and (found.day, found.origin, found.inferred) == (date(2021, 2, 16), "dateline", True)
    t = by_text(extract(d).times, "Tuesday")
    assert t.value == "2021-02-16"
    assert t.time is not None and t.time.anchor == "document date 2021-02-16 (from the dateline)"
    assert document_date(d) == date(2021, 2, 16)


def test_a_dateline_without_a_year_takes_its_year_from_the_dates_in_the_text() -> None:
    d = doc("WASHINGTON, Feb. 16 (AP) — The agency said Tuesday it would act on the rule it "
            "proposed on March 3, 2020.")
    found = infer_date(d)
    assert found is not None and (found.day, found.origin) == (date(2021, 2, 16), "dateline, year from the text")
    t = by_text(extract(d).times, "Tuesday")
    assert t.value == "2021-02-16"
    assert t.time is not None and "from the dateline" in (t.time.anchor or "")
    # with no full date in the text, a yearless dateline gives no date (never today's year)
    assert infer_date(doc("WASHINGTON, Feb. 16 (AP) — The agency said Tuesday it would act.")) is None


def test_the_latest_full_date_in_the_text_is_weak_evidence() -> None:
    d = doc("The request went out on June 16, 2020, and a reply came on July 2, 2020. "
            "Officials met again yesterday. The law dates from 1998.")
    found = infer_date(d)
    assert found is not None and (found.day, found.origin, found.weak) == (date(2020, 7, 2), "latest date in text", True)
    t = by_text(extract(d).times, "yesterday")
    assert t.value == "2020-07-01"
    assert t.time is not None and "weak evidence" in (t.time.anchor or "")


def test_relative_and_yearless_dates_never_anchor_to_today() -> None:
    d = doc("Police asked last summer; on June 16th they asked again, and on Tuesday. Yesterday too.")
    assert infer_date(d) is None and document_date(d) is None
    x = extract(d)
    assert x.dated is None
    values = {t.text: t for t in x.times}
    assert values["June 16th"].value == "XXXX-06-16"
    assert values["June 16th"].time is not None and values["June 16th"].time.edtf == "XXXX-06-16"
    assert values["June 16th"].time.earliest is None
    assert values["last summer"].value == "XXXX-SU" and values["last summer"].time is None
    assert values["Tuesday"].value == "XXXX-WXX-2"
    assert values["Yesterday"].value == "XXXX-XX-XX"
    today = date.today().isoformat()
    assert not any(today in (t.value or "") for t in x.times)


def test_a_month_is_weak_evidence_anchored_at_its_end() -> None:
    d = doc("Most of the agencies were taking part as of January 2021. Police asked for footage "
            "of last summer's marches. A county set up a register last year. Papers leaked in "
            "September showed the plan.")
    found = infer_date(d)
    assert found is not None
    assert (found.origin, found.weak, found.inferred) == ("latest date in text (month)", True, True)
    # the text was written in January 2021 or later: an open interval, anchored at the month's end
    assert (found.time.edtf, found.time.earliest, found.time.latest) == ("2021-01/..", date(2021, 1, 1), None)
    assert found.day == date(2021, 1, 31) and document_date(d) == date(2021, 1, 31)
    assert found.describe() == "the latest date in the text (January 2021), weak evidence"
    x = extract(d)
    assert by_text(x.times, "last summer").time.edtf == "2020-22"
    assert by_text(x.times, "last year").time.edtf == "2020"
    september = by_text(x.times, "September")
    assert september.time is not None and september.time.edtf == "2020-09"
    assert september.time.anchor == ("document date 2021-01-31 "
                                     "(the latest date in the text (January 2021), weak evidence)")


def test_a_year_alone_is_the_weakest_evidence() -> None:
    d = doc("The program grew in 2019. Last summer it paused.")
    found = infer_date(d)
    assert found is not None and (found.origin, found.day, found.time.edtf) == (
        "latest date in text (year)", date(2019, 12, 31), "2019/..")
    assert by_text(extract(d).times, "Last summer").time.edtf == "2019-22"


def test_the_latest_evidence_wins_whatever_its_precision() -> None:
    # a day in the month named: the day says more
    d = doc("As of January 2021 the list was long; on January 20, 2021 it grew. It shrank yesterday.")
    found = infer_date(d)
    assert found is not None and (found.origin, found.day) == ("latest date in text", date(2021, 1, 20))
    assert found.time.edtf == "2021-01-20/.."
    # a month after every day the text gives: written in that month or later
    d = doc("It began on June 2, 2020, and as of January 2021 it was over.")
    found = infer_date(d)
    assert found is not None and (found.origin, found.day) == ("latest date in text (month)", date(2021, 1, 31))


@pytest.mark.parametrize(
    ("text", "origin", "edtf", "day"),
    [
        ("Sales fell in the first half of 2020. They rose last month.", "latest date in text (half)",
         "2020-01-01/..", date(2020, 6, 30)),
        ("Sales fell in the third quarter of 2020. They rose last month.", "latest date in text (quarter)",
         "2020-07-01/..", date(2020, 9, 30)),
        ("The camp closed in the fall of 2020. It reopened last month.", "latest date in text (season)",
         "2020-23/..", date(2020, 11, 30)),
    ],
)
def test_a_season_quarter_or_half_is_weak_evidence_too(text: str, origin: str, edtf: str, day: date) -> None:
    found = infer_date(doc(text))
    assert found is not None and (found.origin, found.time.edtf, found.day) == (origin, edtf, day)
    assert found.time.latest is None


def test_a_date_in_a_future_tense_sentence_is_no_evidence() -> None:
    d = doc("The rule will take effect in March 2030. The board met yesterday.")
    assert infer_date(d) is None
    assert by_text(extract(d).times, "yesterday").value == "XXXX-XX-XX"
    d = doc("The board met on May 3, 2021. The rule will take effect on March 1, 2030.")
    found = infer_date(d)
    assert found is not None and found.day == date(2021, 5, 3)


# --- a date given by another document of the case ------------------------------------------

UNDATED = "Council votes to widen the camera program\n\nThe council voted yesterday to widen it. Last summer it had paused.\n"
REFS = ('Notes on the program\n\nThe council has been busy.\n\nReferences\n\n'
        'Ann Writer, "Council votes to widen the camera program," Harbor Weekly, March 5, 2021,\n')


def _citation(citing: Document, label: str) -> Citation:
    return Citation(id=record_id("cit", citing.id, 0, 5), document=citing.id, span=Span.at(citing, 0, 5),
                    cites_label=label, kind="reference", extractor="test")


def test_cited_dates_match_a_document_by_its_title() -> None:
    undated = doc("Council votes to widen the camera program\n\nText.", "u.txt",
                  title="Council votes to widen the camera program")
    citing = doc("Notes and references.", "refs.txt")
    label = format_label("Harbor Weekly", "Council votes to widen the camera program", "March 5, 2021")
    other = _citation(citing, format_label("Harbor Weekly", "Another story entirely about parks", "June 1, 2020"))
    given = cited_dates([(undated, ()), (citing, (_citation(citing, label), other))])
    assert given == {undated.id: DocumentDate(TimeValue.of_day(date(2021, 3, 5)), "cited by refs.txt")}
    assert given[undated.id].describe() == "cited by refs.txt"


def test_a_case_dates_an_undated_document_by_the_citing_one_and_caches_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "council.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "refs.txt").write_text(REFS, encoding="utf-8")
    case = Case.open(folder, create=True)
    report = case.build()
    assert report.ok and report.extracted == 3  # two documents, and one of them again against its date
    documents, extractions = case.load()
    council = next(x for d, x in zip(documents, extractions, strict=True) if d.source == "council.txt")
    assert council.dated is not None and council.dated.origin == "cited by refs.txt"
    assert next(d for d in documents if d.source == "council.txt").published is None  # the stated date stays unknown
    yesterday = by_text(council.times, "yesterday")
    assert yesterday.value == "2021-03-04"
    assert yesterday.time is not None and yesterday.time.anchor == "document date 2021-03-05 (cited by refs.txt)"
    assert by_text(council.times, "Last summer").time.edtf == "2020-22"

    from timeline_graph import case as case_module

    def no_extraction(*args: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(case_module, "extract", no_extraction)
    report = Case.open(folder).build()
    assert (report.extracted, report.reused) == (0, 2)
    monkeypatch.undo()
    # the citing document changes the date: the undated one is extracted again, against the new date
    (folder / "refs.txt").write_text(REFS.replace("March 5", "March 9"), encoding="utf-8")
    report = Case.open(folder).build()
    assert report.extracted == 2
    documents, extractions = Case.open(folder).load()
    council = next(x for d, x in zip(documents, extractions, strict=True) if d.source == "council.txt")
    assert by_text(council.times, "yesterday").value == "2021-03-08"


def test_a_document_with_its_own_date_is_not_redated_by_a_citation(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "council.txt").write_text(UNDATED.replace("The council", "WASHINGTON, March 1, 2021 — The council"),
                                        encoding="utf-8")
    (folder / "refs.txt").write_text(REFS, encoding="utf-8")
    case = Case.open(folder, create=True)
    assert case.build().extracted == 2
    documents, extractions = case.load()
    council = next(x for d, x in zip(documents, extractions, strict=True) if d.source == "council.txt")
    assert council.dated is not None and council.dated.origin == "dateline"


def test_a_weak_month_date_gives_way_to_a_citing_document(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "council.txt").write_text(UNDATED.replace("Last summer", "As of January 2021, last summer"),
                                        encoding="utf-8")
    (folder / "refs.txt").write_text(REFS, encoding="utf-8")
    case = Case.open(folder, create=True)
    assert case.build().extracted == 3
    documents, extractions = case.load()
    council = next(x for d, x in zip(documents, extractions, strict=True) if d.source == "council.txt")
    assert council.dated is not None and council.dated.origin == "cited by refs.txt"
    assert by_text(council.times, "yesterday").value == "2021-03-04"


# A document that says an outlet published something on a weekday, and one that dates the
# outlet's article (in its text, on a Saturday, and in its reference list, on a Tuesday).
REPORTING = ("Council memo shows camera plan\n\nA March 1 memo published by the Harbor Gazette Tuesday "
             "showed the plan. Protests began in May, and yesterday the council met.\n")
DATING = ("Notes on the program\n\nThe council has been busy, as the Harbor Gazette\u2019s March 7, 2020 "
          "article showed.\n\nReferences\n\n"
          'Ann Writer, "Council memo reveals the camera plan for downtown," Harbor Gazette, March 2, 2021,\n')


def _reported(reporting: str, dating: str) -> tuple[Document, dict[str, DocumentDate]]:
    a, b = doc(reporting, "memo.txt"), doc(dating, "refs.txt")
    return a, reported_dates([(a, extract(a).citations), (b, extract(b).citations)])


def test_a_weekday_an_outlet_published_on_is_the_day_another_document_gives_its_article() -> None:
    a, given = _reported(REPORTING, DATING)
    assert set(given) == {a.id}
    dated = given[a.id]
    assert dated.origin == "reports Harbor Gazette's article of 2021-03-02, dated by refs.txt"
    assert dated.describe() == dated.origin and dated.inferred and not dated.weak
    # written on that Tuesday or within the week after it; resolved against the Tuesday
    assert (dated.time.edtf, dated.day) == ("2021-03-02/2021-03-08", date(2021, 3, 2))
    x = extract(a, dated)
    assert by_text(x.times, "Tuesday").value == "2021-03-02"
    assert by_text(x.times, "March 1").value == "2021-03-01"
    assert by_text(x.times, "yesterday").value == "2021-03-01"


@pytest.mark.parametrize(
    "reporting",
    [
        REPORTING.replace("published by the Harbor Gazette Tuesday showed", "showed, the Harbor Gazette reported Tuesday"),
        REPORTING.replace("A March 1 memo published by the Harbor Gazette Tuesday showed",
                          "On Tuesday, the Harbor Gazette reported that a March 1 memo showed"),
    ],
)
def test_other_ways_of_saying_an_outlet_reported_on_a_weekday(reporting: str) -> None:
    a, given = _reported(reporting, DATING)
    assert a.id in given and given[a.id].day == date(2021, 3, 2)


@pytest.mark.parametrize(
    ("reporting", "dating"),
    [
        # the weekday does not agree with the day the other document gives
        (REPORTING.replace("Tuesday", "Wednesday"), DATING),
        # no weekday: "reported" alone dates nothing
        (REPORTING.replace(" Tuesday", ""), DATING),
        # another outlet
        (REPORTING.replace("Harbor Gazette", "Valley Times"), DATING),
        # two Tuesdays for the outlet's articles: which one is meant is unknown
        (REPORTING, DATING + 'Bo Writer, "Council budget passes after a long night," Harbor Gazette, March 16, 2021,\n'),
        # the reporting document itself states a later date
        (REPORTING.replace("Protests began in May", "Protests began on April 20, 2021"), DATING),
    ],
)
def test_no_date_from_a_weekday_without_agreeing_evidence(reporting: str, dating: str) -> None:
    a, given = _reported(reporting, dating)
    assert a.id not in given


def test_a_case_dates_a_document_by_the_weekday_it_reports_and_a_rebuild_extracts_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "memo.txt").write_text(REPORTING, encoding="utf-8")
    (folder / "refs.txt").write_text(DATING, encoding="utf-8")
    case = Case.open(folder, create=True)
    report = case.build()
    assert report.ok and report.extracted == 3
    documents, extractions = case.load()
    memo = next(x for d, x in zip(documents, extractions, strict=True) if d.source == "memo.txt")
    assert memo.dated is not None and memo.dated.origin.startswith("reports Harbor Gazette's article of 2021-03-02")
    may = by_text(memo.times, "May")
    assert may.time is not None and may.time.anchor is not None and "dated by refs.txt" in may.time.anchor

    from timeline_graph import case as case_module

    def no_extraction(*args: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(case_module, "extract", no_extraction)
    assert (Case.open(folder).build().extracted, Case.open(folder).build().reused) == (0, 2)


# --- the seed articles ------------------------------------------------------------------------


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"no seed corpus at {SEEDS}")
    found = sorted(SEEDS.glob(f"{prefix}*.txt"))
    if not found:
        pytest.skip(f"no seed article {prefix}* in {SEEDS}")
    return found[0]


def test_seed_alone_is_dated_only_weakly_by_the_year_it_mentions() -> None:
    path = _seed("000_")
    d = read_document(path, source=path.name)
    found = infer_date(d)
    if found is None or found.origin != "latest date in text (year)":
        pytest.skip("the seed article no longer mentions a year alone as its latest date")
    assert found.weak and found.time.latest is None and found.day == date(found.time.earliest.year, 12, 31)
    x = extract(d)
    june = [t for t in x.times if t.text == "June 16th"]
    if not june:
        pytest.skip("the seed article does not hold the expected words")
    assert june[0].time is not None and "weak evidence" in (june[0].time.anchor or "")


def test_seed_tuesday_without_any_date_stays_a_weekday_of_an_unknown_week() -> None:
    path = _seed("002_")
    d = read_document(path, source=path.name)
    tuesdays = [t for t in extract(d).times if t.text == "Tuesday"]
    if not tuesdays:
        pytest.skip("the seed article does not hold the expected words")
    assert infer_date(d) is None
    assert {t.value for t in tuesdays} == {"XXXX-WXX-2"}


def test_seed_case_dates_an_article_by_the_reference_list_citing_it(tmp_path: Path) -> None:
    article, citing = _seed("000_"), _seed("003_")
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in (article, citing):
        shutil.copy(path, folder / path.name)
    case = Case.open(folder, create=True)
    assert case.build().ok
    documents, extractions = case.load()
    x = next(x for d, x in zip(documents, extractions, strict=True) if d.source == article.name)
    if x.dated is None or not x.dated.origin.startswith("cited by"):
        pytest.skip("the citing seed article no longer lists this one with a date")
    assert x.dated.origin == f"cited by {citing.name}"
    summer = [t for t in x.times if t.text == "last summer"]
    june = [t for t in x.times if t.text == "June 16th"]
    assert summer and summer[0].value == "2020-SU" and summer[0].time is not None
    assert summer[0].time.edtf == "2020-22"
    assert summer[0].time.anchor == f"document date {x.dated.day} (cited by {citing.name})"
    assert june and june[0].value == "2020-06-16"


# --- the dates command --------------------------------------------------------------------------


def test_dates_command_says_which_date_it_used_and_where_from(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from timeline_graph.cli import main

    note = tmp_path / "wire.txt"
    note.write_text("BOSTON, March 3, 2021 (AP) — The board met yesterday and will vote Friday.\n")
    result = CliRunner().invoke(main, ["dates", str(note), "--json"])
    assert result.exit_code == 0, result.output
    assert "2021-03-03" in result.stderr and "from the dateline" in result.stderr
    rows = {r["text"]: r for r in json.loads(result.stdout)}
    assert set(rows["yesterday"]) == {"start", "end", "text", "type", "value", "edtf", "earliest", "latest"}
    assert (rows["yesterday"]["value"], rows["yesterday"]["earliest"]) == ("2021-03-02", "2021-03-02")
    assert rows["Friday"]["value"] == "2021-03-05"
    weak = tmp_path / "weak.txt"
    weak.write_text("The board had met as of January 2021. It was formed last year.\n")
    result = CliRunner().invoke(main, ["dates", str(weak), "--json"])
    assert result.exit_code == 0, result.output
    assert "2021-01-31 (the latest date in the text (January 2021), weak evidence)" in result.stderr
    assert {r["text"]: r["value"] for r in json.loads(result.stdout)}["last year"] == "2020"
    undated = tmp_path / "undated.txt"
    undated.write_text("The board met yesterday.\n")
    result = CliRunner().invoke(main, ["dates", str(undated), "--json"])
    assert "none can be inferred" in result.stderr
    assert json.loads(result.stdout)[0]["value"] == "XXXX-XX-XX"
