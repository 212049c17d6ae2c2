"""Word: .docx files written here with python-docx, read back with their headings and core properties."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from timeline_graph.case import Case
from timeline_graph.errors import IngestError
from timeline_graph.ingest import DOCX, read_bytes, read_parts

docx = pytest.importorskip("docx")


def word_file(*, title: str | None = "Camera program memo", author: str | None = "Ann Writer") -> bytes:
    """A memo with a heading, two paragraphs, a second heading and a table."""
    document = docx.Document()
    document.add_heading("Camera program", level=1)
    document.add_paragraph("The harbor council voted on the camera program on March 2, 2021.")
    document.add_paragraph("Police asked residents for footage in January, the clerk said.")
    document.add_heading("Figures", level=2)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Requests"
    table.cell(1, 0).text, table.cell(1, 1).text = "2021", "2,000"
    properties = document.core_properties
    properties.title = title or ""
    properties.author = author or ""
    properties.created = datetime(2021, 3, 4, 9, 30)
    properties.language = "en-US"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_text_keeps_headings_paragraphs_and_tables_in_order() -> None:
    doc = read_bytes(word_file(), source="memo.docx")
    assert doc.media_type == DOCX
    assert doc.text == (
        "Camera program\n\nThe harbor council voted on the camera program on March 2, 2021.\n\n"
        "Police asked residents for footage in January, the clerk said.\n\nFigures\n\n"
        "Year | Requests\n\n2021 | 2,000"
    )


def test_core_properties_are_the_metadata() -> None:
    doc = read_bytes(word_file(), source="memo.docx")
    assert doc.title == "Camera program memo" and doc.authors == ("Ann Writer",)
    assert doc.published is not None and doc.published.edtf == "2021-03-04"
    assert doc.language == "en-US"
    assert dict(doc.metadata_origin) == {"title": "docx core properties", "authors": "docx core properties",
                                         "published": "docx core properties", "language": "docx core properties"}


def test_without_a_title_property_the_first_heading_is_the_title() -> None:
    doc = read_bytes(word_file(title=None, author=None), source="memo.docx")
    assert doc.title == "Camera program" and dict(doc.metadata_origin)["title"] == "first line"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (word_file()[:2000], "memo.docx: broken Word file ("),
        (b"Plain words saved under the wrong name.", "memo.docx: broken Word file ("),
        (b"PK\x03\x04" + b"\x00" * 40, "memo.docx: broken Word file ("),
    ],
    ids=["truncated", "wrong-content", "bad-zip"],
)
def test_bad_word_files_give_one_line_naming_the_file(data: bytes, problem: str) -> None:
    (error,) = list(read_parts(data, source="memo.docx"))
    assert isinstance(error, IngestError)
    assert str(error).startswith(problem) and "\n" not in str(error)


def test_a_password_protected_word_file_is_named_as_such() -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    locked = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(word_file())).encrypt("secret", locked)
    (error,) = list(read_parts(locked.getvalue(), source="locked.docx"))
    assert isinstance(error, IngestError)
    assert str(error) == "locked.docx: encrypted Word file (it needs a password), skipped"


def test_a_case_reads_a_word_file_and_goes_on_past_a_broken_one(tmp_path: Path) -> None:
    folder = tmp_path / "word-case"
    folder.mkdir()
    (folder / "memo.docx").write_bytes(word_file())
    (folder / "broken.docx").write_bytes(word_file()[:1500])
    report = Case.open(folder, create=True).build()
    assert report.documents == ["memo.docx"]
    assert len(report.problems) == 1 and report.problems[0].startswith("broken.docx: broken Word file (")


def test_the_author_and_day_of_python_docx_s_blank_template_are_not_the_file_s() -> None:
    """python-docx gives every file it makes the author "python-docx" and one moment of 2013 as
    created and modified, unless its maker set others: those are no person and no day of the file."""
    document = docx.Document()
    document.add_paragraph("The harbor board suspended the dredging contract on March 15, 2021.")
    buf = io.BytesIO()
    document.save(buf)
    doc = read_bytes(buf.getvalue(), source="board.docx")
    assert doc.authors == ()
    assert doc.published is None or doc.published.edtf != "2013-12-23"
    assert "docx core properties" not in {origin for field, origin in doc.metadata_origin if field != "language"}
    # a day and an author its maker set are kept, from the same template
    document.core_properties.created = datetime(2021, 3, 16, 8, 0)
    document.core_properties.author = "Lena Park"
    buf = io.BytesIO()
    document.save(buf)
    doc = read_bytes(buf.getvalue(), source="board.docx")
    assert doc.authors == ("Lena Park",) and doc.published is not None and doc.published.edtf == "2021-03-16"
