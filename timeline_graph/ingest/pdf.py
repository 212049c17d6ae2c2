"""PDF files, read with pypdf: the text layer page by page, and the document information.

Text: each page's text layer in the order of its content (the order a PDF writer lays out
columns and blocks), then cleaned as a reader would see it:

- lines that stand at the top or bottom of most pages (running headers and footers, compared
  with their digits masked, so "Report, page 3" matches "Report, page 4") are dropped, and so
  are page numbers there ("4", "- 4 -", "Page 4", "Page 4 of 9", "4/9");
- a word hyphenated at a line end is joined again ("pro-" + "gram" is "program"; "well-" +
  "Known" is kept as it stands);
- the lines of a paragraph are joined into one; a line much shorter than the page's longest ends
  its paragraph (a paragraph's last line, a heading).

Pages are separated by a blank line, and the document's ``pages`` holds the offset where each
starts, so that every span maps to its page. A page without a text layer (a scan) is read by
OCR when Debian's ``tesseract-ocr`` is installed (the text tesseract finds in the page's images),
and noted as such; without it the page is left out with a note that it needs OCR, and a PDF with
no text at all is refused with that reason. Title, author and creation date come from the PDF's
document information where it states them.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..errors import IngestError
from ..model import TimeValue
from . import text as _text
from .metadata import Metadata, parse_date, split_names

__all__ = ["EDGE_LINES", "OCR_SECONDS", "read_pdf"]

#: How many lines at the top and at the bottom of a page may be running headers or footers.
EDGE_LINES = 2

#: The longest tesseract may take over one image of a scanned page.
OCR_SECONDS = 120

_ORIGIN = "pdf metadata"
_PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_SHORT_LINE = 0.7
#: What PDF writers put in the title or author field when they know none.
_PLACEHOLDERS = frozenset({"anonymous", "unknown", "unspecified", "untitled", "user", "administrator"})


def read_pdf(data: bytes, source: str, notes: list[str] | None = None) -> tuple[str, tuple[int, ...], Metadata]:
    """The text of a PDF, where each page starts in it, and the metadata it states.

    What the PDF reader warns of while reading (a damaged cross-reference table it repaired) is
    added to ``notes`` naming the file, rather than printed.
    """
    with _warnings_as_notes(source, notes):
        reader = _reader(data, source)
        try:
            raw = [page.extract_text() or "" for page in reader.pages]
        except Exception as err:  # pypdf raises many kinds on a damaged page; the file is reported, not lost
            raise IngestError(source, f"broken PDF ({_problem(err)})") from err
        scanned = [i for i, page in enumerate(raw) if not page.strip()]
        tesseract = _tesseract() if scanned else None
        if tesseract:
            for i in scanned:
                raw[i] = _ocr(reader.pages[i], tesseract)
    pages = _without_running_lines([_lines(page) for page in raw])
    _note_scans(source, notes, [i + 1 for i in scanned], [i + 1 for i, lines in enumerate(pages) if not lines],
                len(pages), ocr=tesseract is not None)
    text, starts = _join_pages([_text.normalize(_paragraphs(lines)) for lines in pages])
    return text, starts, _metadata(reader)


def _tesseract() -> str | None:
    """The tesseract program (Debian's ``tesseract-ocr``), if installed."""
    return shutil.which("tesseract")


def _ocr(page: Any, tesseract: str) -> str:
    """The text tesseract reads in the images of a page; "" when it reads none."""
    try:
        images = [image.data for image in page.images]
    except Exception:  # an image pypdf cannot decode holds no text we can read; the page is noted as blank
        return ""
    texts = []
    for image in images:
        try:
            done = subprocess.run([tesseract, "stdin", "stdout"], input=image, capture_output=True,
                                  timeout=OCR_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue  # an image tesseract cannot read in time gives no text; the page is noted if it stays blank
        if done.returncode == 0:
            texts.append(done.stdout.decode("utf-8", "replace"))
    return "\n".join(texts)


def _note_scans(source: str, notes: list[str] | None, scanned: list[int], blank: list[int], count: int,
                *, ocr: bool) -> None:
    """Refuse a PDF no page of which has text; note the pages read by OCR and those left out."""
    if len(blank) == count:
        raise IngestError(source, "PDF has no text layer (a scan?) and OCR found no text in it" if ocr
                          else "PDF has no text layer (a scan?); it needs OCR to be read (install tesseract-ocr)")
    if notes is None:
        return
    read = [n for n in scanned if n not in blank]
    if read:
        notes.append(f"{source}: {_pages(read)} without a text layer read by OCR (tesseract)")
    if blank:
        why = "OCR found no text in them" if ocr else "they need OCR to be read (install tesseract-ocr)"
        notes.append(f"{source}: {_pages(blank)} without text left out; {why}")


def _pages(numbers: list[int]) -> str:
    return f"page{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}"


class _Collect(logging.Handler):
    """Keeps the messages logged to it, one line each, without repeats."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: dict[str, None] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.lines[" ".join(record.getMessage().split())] = None


@contextlib.contextmanager
def _warnings_as_notes(source: str, notes: list[str] | None) -> Iterator[None]:
    """pypdf's log warnings while in the block, as notes naming the file instead of stderr lines."""
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        if notes is not None:
            notes.extend(f"{source}: the PDF reader warns: {line}" for line in handler.lines)


def _reader(data: bytes, source: str) -> Any:
    try:
        from pypdf import PdfReader
    except ImportError as err:
        raise IngestError(source, f"reading PDF needs pypdf (pip install pypdf): {err}") from err
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(source, "encrypted PDF (it needs a password), skipped")
        reader.pages[0]  # a file with no readable page tree fails here, not halfway through
    except IngestError:
        raise
    except Exception as err:  # pypdf's errors, and what a damaged file makes its parser raise
        raise IngestError(source, f"broken PDF ({_problem(err)})") from err
    return reader


def _problem(err: Exception) -> str:
    return f"{type(err).__name__}: {' '.join(str(err).split())}" if str(err).strip() else type(err).__name__


def _lines(page: str) -> list[str]:
    return [" ".join(line.split()) for line in page.splitlines() if line.strip()]


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """The pages without page numbers and the header and footer lines most pages repeat."""
    def key(line: str) -> str:
        return _DIGITS.sub("#", line.casefold())

    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({key(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    running = {k for k, n in counts.items() if n >= 2 and n * 2 >= len(pages)}
    out = []
    for lines in pages:
        edges = set(range(min(EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - EDGE_LINES), len(lines)))
        out.append([line for i, line in enumerate(lines)
                    if i not in edges or not (key(line) in running or _PAGE_NUMBER.fullmatch(line))])
    return out


def _paragraphs(lines: list[str]) -> str:
    """The lines of a page joined into paragraphs, hyphenation at line ends undone."""
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not current:
            current = line
        elif _HYPHENATED.search(current) and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        if len(line) < _SHORT_LINE * width:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """The pages' texts joined by blank lines, and where each starts (an empty page where the next does)."""
    text = ""
    starts: list[int | None] = []
    for page in pages:
        if page and text:
            text += "\n\n"
        starts.append(len(text) if page else None)
        text += page
    filled: list[int] = []
    for start in reversed(starts):
        filled.append(start if start is not None else (filled[-1] if filled else len(text)))
    return text, tuple(reversed(filled))


def _metadata(reader: Any) -> Metadata:
    try:
        info = reader.metadata or {}
    except Exception:  # a damaged information dictionary states nothing we can read
        return Metadata()
    meta = Metadata()
    meta = meta.with_field("title", _info(info, "/Title"), _ORIGIN)
    author = _info(info, "/Author")
    if author:
        meta = meta.with_field("authors", split_names(author), _ORIGIN)
    return meta.with_field("published", _pdf_date(_info(info, "/CreationDate")), _ORIGIN)


def _info(info: Any, key: str) -> str:
    """A field of the document information, "" when absent or a writer's placeholder."""
    value = " ".join(str(info.get(key) or "").split())
    return "" if value.casefold() in _PLACEHOLDERS else value


def _pdf_date(value: str) -> TimeValue | None:
    """The day (or month, or year) of a PDF date string ``D:YYYYMMDDHHmmSS...``."""
    found = _PDF_DATE.match(value)
    if not found:
        return None
    year, month, day = found.groups()
    return parse_date("-".join(p for p in (year, month, day) if p))
