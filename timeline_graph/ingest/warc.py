"""Web archives (``.warc``, ``.warc.gz``), read with warcio: each captured HTML page a document.

Every ``response`` record whose HTTP status is 2xx and whose payload is HTML (``text/html``,
``application/xhtml+xml``) is read as an HTML file (see :mod:`.html`), in the charset its
``Content-Type`` header names if it names one; record N of
``crawl.warc.gz`` is ``crawl.warc.gz#record-N``. The page's own metadata comes first; the
captured URL is its URL and the capture day (``WARC-Date``) its published date when the page
states none; the archive's sha256 and the record's ``WARC-Record-ID`` say where the page came
from (``container_sha256``, ``container_path``). A record whose ``WARC-Payload-Digest`` does not
match its payload is reported, not read. A file that is not a WARC, or that ends in the middle of a record, is reported after
the pages before the damage. The other records (requests, redirects, images, scripts, metadata) are not pages: they are
skipped, and a note counts them by kind. The archive is read from its file one record at a time,
and a page over the size limit is reported without its payload being read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from ..errors import IngestError
from ..model import Document
from .metadata import Metadata, parse_date

__all__ = ["HTML_TYPES", "RECORD_TYPES", "read_warc"]

#: Content types of the payloads read as pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

#: The record types of WARC 1.1; any other is a damaged record.
RECORD_TYPES = frozenset({"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
                          "continuation"})

_ORIGIN = "warc capture"

#: Reads a page's HTML bytes (with the source name it is given and its Content-Type) into a document.
PageReader = Callable[[bytes, str, str], Document]


def read_warc(archive: BinaryIO, source: str, read_page: PageReader, notes: list[str] | None = None,
              *, sha256: str, max_bytes: int | None = None) -> Iterator[Document | IngestError]:
    """Every HTML page captured in a web archive, read from ``archive`` (a binary stream) record by
    record, or an error for each that cannot be read. ``sha256`` is the archive's (each page keeps
    it); a page over ``max_bytes`` is an error of its own, and its payload is not read."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as err:
        yield IngestError(source, f"reading web archives needs warcio (pip install warcio): {err}")
        return
    skipped: Counter[str] = Counter()
    records = ArchiveIterator(archive, check_digests=True)
    done = end = 0
    try:
        for record in records:
            _check(record)
            kind = _page_kind(record)
            if kind:
                skipped[kind] += 1
            else:
                name = f"{source}#record-{done + 1}"
                if max_bytes is not None and record.length > max_bytes:
                    page: Document | IngestError = IngestError(
                        name, f"page of {record.length:,} bytes is over the limit of {max_bytes:,} bytes")
                else:
                    page = _page(record, name, read_page)
                yield page.inside(sha256, _record_id(record, done + 1)) if isinstance(page, Document) else page
            end = records.get_record_offset() + records.get_record_length()
            done += 1
        if not done:
            raise ValueError("no records")
        if not _blank_from(archive, end):  # what follows the last whole record: a record cut off
            raise ValueError("it ends in the middle of a record")
    except Exception as err:  # warcio and gzip raise many kinds on a damaged or foreign file
        where = f"after record {done}" if done else "at its first record"
        yield IngestError(source, f"not a readable WARC file {where} ({_problem(err)})")
    if skipped and notes is not None:
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items()))
        notes.append(f"{source}: {sum(skipped.values())} records that are not pages skipped ({counts})")


def _blank_from(archive: BinaryIO, offset: int, block: int = 1 << 16) -> bool:
    """Whether the archive holds only white space from ``offset`` (a byte offset) to its end."""
    archive.seek(offset)
    while chunk := archive.read(block):
        if chunk.strip():
            return False
    return True


def _problem(err: Exception) -> str:
    words = " ".join(str(err).split())
    return words if isinstance(err, ValueError) and words else f"{type(err).__name__}: {words}"


def _check(record: Any) -> None:
    """ValueError for a record that is not a whole WARC record (a foreign file, a header cut off)."""
    if record.format != "warc":
        raise ValueError(f"a record in {record.format or 'an unknown'} format, not WARC")
    if record.rec_type not in RECORD_TYPES or record.length is None:
        raise ValueError(f"a damaged record header (type {record.rec_type!r}, no length)"
                         if record.length is None else f"an unknown record type {record.rec_type!r}")


def _page_kind(record: Any) -> str | None:
    """None for a captured HTML page, else what the record is instead ("request", "redirect", ...)."""
    if record.rec_type != "response":
        return record.rec_type or "untyped"
    if record.http_headers is None:
        return "response without HTTP headers"
    status = record.http_headers.get_statuscode() or ""
    if status.startswith("3"):
        return "redirect"
    if not status.startswith("2"):
        return f"HTTP {status}"
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return None if content_type in HTML_TYPES else content_type or "untyped response"


def _record_id(record: Any, number: int) -> str:
    """Where a record stands in its archive: its WARC-Record-ID, else (a record without one) ``record-N``."""
    return (record.rec_headers.get_header("WARC-Record-ID") or "").strip() or f"record-{number}"


def _page(record: Any, source: str, read_page: PageReader) -> Document | IngestError:
    """The document of one captured page, with the capture's URL and day where the page gives none."""
    payload = record.content_stream().read()
    if record.digest_checker.passed is False:
        problems = "; ".join(record.digest_checker.problems)
        return IngestError(source, f"payload does not match its WARC-Payload-Digest ({problems})")
    try:
        doc = read_page(payload, source, record.http_headers.get_header("Content-Type"))
    except IngestError as err:
        return err
    captured = Metadata()
    captured = captured.with_field("url", record.rec_headers.get_header("WARC-Target-URI"), _ORIGIN)
    captured = captured.with_field("published", parse_date(record.rec_headers.get_header("WARC-Date") or ""), _ORIGIN)
    return replace(doc, **Metadata.of(doc).or_else(captured).as_document_fields())
