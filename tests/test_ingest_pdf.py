"""PDF: files written here with reportlab (text layers, columns, scans, passwords), read with pypdf."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_graph.app.views import event_detail
from timeline_graph.case import Case
from timeline_graph.cli import main
from timeline_graph.errors import IngestError
from timeline_graph.export import export
from timeline_graph.graph import events
from timeline_graph.ingest import pdf as pdf_module
from timeline_graph.ingest import read_bytes, read_parts

canvas = pytest.importorskip("reportlab.pdfgen.canvas")

Page = Callable[[object], None]

LEFT = [
    "The harbor council voted on the camera pro-",
    "gram on March 2, 2021, after a long debate in",
    "the old town hall.",
]
RIGHT = [
    "Police asked residents for their footage in",
    "January, the clerk said at the start of the",
    "meeting.",
]


def pdf(pages: list[list[tuple[float, float, str]]], *, title: str | None = "Harbor camera report",
        author: str | None = "Ann Writer", running: bool = True, encrypt: str | None = None) -> bytes:
    """A PDF of pages, each a list of (x, y, words), with a running header and page numbers."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt, invariant=1)  # invariant: creation date 2000-01-01
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for number, lines in enumerate(pages, start=1):
        if running:
            c.drawString(72, 800, "Harbor Council Report 2021")
        for x, y, words in lines:
            c.drawString(x, y, words)
        if running:
            c.drawString(290, 30, f"Page {number} of {len(pages)}")
        c.showPage()
    c.save()
    return buf.getvalue()


def column(x: float, lines: list[str], top: float = 700) -> list[tuple[float, float, str]]:
    return [(x, top - 14 * i, line) for i, line in enumerate(lines)]


def scan_page(c: object) -> None:
    """A page with a drawing and no text (what a scanner gives)."""
    c.rect(72, 72, 400, 600, fill=1)  # type: ignore[attr-defined]


def scanned_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    scan_page(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_text_metadata_and_page_offsets() -> None:
    data = pdf([column(72, LEFT), column(72, RIGHT)])
    doc = read_bytes(data, source="report.pdf")
    assert doc.media_type == "application/pdf"
    assert doc.title == "Harbor camera report" and doc.authors == ("Ann Writer",)
    assert doc.published is not None and doc.published.edtf == "2000-01-01"
    assert dict(doc.metadata_origin)["title"] == "pdf metadata"
    assert doc.text == (
        "The harbor council voted on the camera program on March 2, 2021, after a long debate in the old town hall."
        "\n\nPolice asked residents for their footage in January, the clerk said at the start of the meeting."
    )
    assert doc.pages == (0, doc.text.index("Police"))
    assert doc.page_at(doc.text.index("camera")) == 1 and doc.page_at(doc.text.index("footage")) == 2


def test_running_headers_and_page_numbers_are_dropped() -> None:
    doc = read_bytes(pdf([column(72, LEFT), column(72, RIGHT), column(72, ["Adjourned at noon."])]), source="r.pdf")
    assert "Harbor Council Report" not in doc.text and "Page" not in doc.text and "of 3" not in doc.text
    assert len(doc.pages) == 3


def test_two_columns_are_read_one_after_the_other() -> None:
    doc = read_bytes(pdf([column(40, LEFT) + column(320, RIGHT)]), source="cols.pdf")
    assert doc.text.index("old town hall") < doc.text.index("Police asked")
    assert "program on March 2, 2021" in doc.text


def test_metadata_missing_falls_back_to_the_text() -> None:
    data = pdf([column(72, ["Camera vote moves", "", *LEFT])], title=None, author=None, running=False)
    doc = read_bytes(data, source="plain.pdf")
    assert doc.title == "Camera vote moves"


def mixed_pdf(first: Callable[[object], None]) -> bytes:
    """A PDF whose first page is drawn by ``first`` and whose second has a text layer."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    first(c)
    c.showPage()
    for x, y, words in column(72, RIGHT):
        c.drawString(x, y, words)
    c.showPage()
    c.save()
    return buf.getvalue()


def text_image_page(c: object) -> None:
    """A page that is a picture of two lines of text, as a scanner gives it."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (1700, 260), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=44)
    draw.text((40, 40), "The harbor council voted on the camera", font=font, fill=0)
    draw.text((40, 130), "program on March 2, 2021.", font=font, fill=0)
    c.drawImage(ImageReader(image), 40, 600, width=510, height=78)  # type: ignore[attr-defined]


def test_without_tesseract_scanned_pages_are_noted_and_a_scan_only_pdf_needs_ocr(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "_tesseract", lambda: None)
    with pytest.raises(IngestError, match=r"^scan\.pdf: PDF has no text layer \(a scan\?\); it needs OCR to be "
                                          r"read \(install tesseract-ocr\)$"):
        read_bytes(scanned_pdf(), source="scan.pdf")
    notes: list[str] = []
    doc = read_bytes(mixed_pdf(text_image_page), source="mixed.pdf", notes=notes)
    assert notes == ["mixed.pdf: page 1 without text left out; they need OCR to be read (install tesseract-ocr)"]
    assert doc.pages == (0, 0) and doc.page_at(5) == 2


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Debian's tesseract-ocr")
def test_with_tesseract_a_scanned_page_is_read_by_ocr() -> None:
    notes: list[str] = []
    doc = read_bytes(mixed_pdf(text_image_page), source="mixed.pdf", notes=notes)
    assert notes == ["mixed.pdf: page 1 without a text layer read by OCR (tesseract)"]
    assert doc.text.startswith("The harbor council voted on the camera program on March 2, 2021.")
    assert doc.page_at(doc.text.index("March 2")) == 1 and doc.page_at(doc.text.index("Police")) == 2
    with pytest.raises(IngestError, match=r"^scan\.pdf: PDF has no text layer \(a scan\?\) and OCR found no text"):
        read_bytes(scanned_pdf(), source="scan.pdf")


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda: pdf([column(72, LEFT)], encrypt="secret"), "enc.pdf: encrypted PDF (it needs a password), skipped"),
        (lambda: pdf([column(72, LEFT)])[:700], "enc.pdf: broken PDF ("),
        (lambda: b"%PDF-1.4\nnot really a pdf at all\n", "enc.pdf: broken PDF ("),
        (lambda: b"Plain words in a file named .pdf", "enc.pdf: broken PDF ("),
    ],
    ids=["encrypted", "truncated", "garbage", "wrong-content"],
)
def test_bad_pdfs_give_one_line_naming_the_file(make: Callable[[], bytes], problem: str) -> None:
    (error,) = list(read_parts(make(), source="enc.pdf"))
    assert isinstance(error, IngestError)
    assert str(error).startswith(problem) and "\n" not in str(error)


def test_reader_warnings_are_notes_naming_the_file(capfd: pytest.CaptureFixture[str]) -> None:
    notes: list[str] = []
    list(read_parts(pdf([column(72, LEFT)])[:-30], source="cut.pdf", notes=notes))
    assert notes == ["cut.pdf: the PDF reader warns: EOF marker not found"]
    assert capfd.readouterr().err == ""


def test_a_case_reads_a_pdf_and_goes_on_past_a_broken_one(tmp_path: Path) -> None:
    folder = tmp_path / "pdf-case"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(pdf([column(72, LEFT), column(72, RIGHT)]))
    (folder / "broken.pdf").write_bytes(pdf([column(72, RIGHT)])[:500])
    report = Case.open(folder, create=True).build()
    assert report.documents == ["report.pdf"]
    assert len(report.problems) == 1 and report.problems[0].startswith("broken.pdf: broken PDF (")


@pytest.fixture(scope="module")
def paged_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built case of a two-page PDF report: the vote on page 1, the police's request on page 2."""
    folder = tmp_path_factory.mktemp("paged") / "paged"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(pdf([column(72, LEFT), column(72, RIGHT)]))
    assert Case.open(folder, create=True).build().ok
    return folder


def test_trace_names_the_page_of_each_appearance(paged_case: Path) -> None:
    result = CliRunner().invoke(main, ["trace", str(paged_case), "footage"])
    assert result.exit_code == 0, result.output
    assert "Harbor camera report, p. 2 (first)" in result.output


def test_the_app_and_the_exports_name_the_page_of_each_quote(paged_case: Path, tmp_path: Path) -> None:
    G = Case.open(paged_case).load_graph()
    pages = {e.reports[0].span.exact.split()[0]: e.id for e in events(G)}
    assert set(pages) >= {"The", "Police"}, "the vote on page 1 and the request on page 2 are events"
    assert [r.title for r in event_detail(G, pages["Police"]).reports] == ["Harbor camera report, p. 2"]
    assert [r.title for r in event_detail(G, pages["The"]).reports] == ["Harbor camera report, p. 1"]
    slides = json.loads(export(G, "timelinejs", tmp_path / "t.json").read_text(encoding="utf-8"))["events"]
    texts = {slide["unique_id"]: slide["text"]["text"] for slide in slides}
    assert texts[pages["Police"]].endswith("<p>Harbor camera report, p. 2</p>")
    assert texts[pages["The"]].endswith("<p>Harbor camera report, p. 1</p>")
    with zipfile.ZipFile(export(G, "csv", tmp_path / "t.csv.zip")) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("events.csv").decode("utf-8"))))
    page_of = {r["id"]: r["first_quote_page"] for r in rows}
    assert (page_of[pages["The"]], page_of[pages["Police"]]) == ("1", "2")
