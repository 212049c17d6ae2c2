"""Files to documents: plain text, Markdown with YAML front matter, HTML, PDF (:mod:`.pdf`), Word
(:mod:`.word`), email and mailboxes (:mod:`.mail`), and web archives (:mod:`.warc`).

Each file becomes a :class:`~timeline_graph.model.Document` holding the sha256 of its bytes,
its normalized text (see :mod:`.text`) and the metadata it states, each field with where it
came from (front matter, HTML markup, a byline, a "Published" line, the first line, a PDF's
document information, email headers). Nothing is invented: a field no source states stays
None. A file that cannot become a document raises :class:`~timeline_graph.errors.IngestError`
whose message is one line naming the file. A mailbox, a web archive and an email with
attachments hold several documents: :func:`read_parts` gives each, named ``file#part``, and an
error in the place of each part that cannot be read.

>>> doc = read_bytes(b"Harbor council votes\\n\\nBy Ann Writer\\n\\nThe council voted.", source="a.txt")
>>> doc.title, doc.authors, doc.published
('Harbor council votes', ('Ann Writer',), None)
>>> read_bytes(b"  \\n", source="b.txt")
Traceback (most recent call last):
...
timeline_graph.errors.IngestError: b.txt: empty file (only whitespace)
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import IngestError
from ..model import Document
from . import mail
from . import text as _text
from .metadata import Metadata, from_name, from_text

__all__ = [
    "CONTAINERS",
    "DOCX",
    "MAX_BYTES",
    "MEDIA_TYPES",
    "SUPPORTED_SUFFIXES",
    "VERSION",
    "file_sha256",
    "ingest_paths",
    "read_bytes",
    "read_document",
    "read_file_parts",
    "read_parts",
    "single_document",
    "streamed",
    "suffix_of",
    "supported",
    "too_large",
]

#: Bumped whenever the same bytes would give a different Document (keys the build cache).
VERSION = "7"

#: Files larger than this are refused rather than read into memory, unless a case raises the
#: limit (``max_file_mb`` in its case.yaml). Extraction takes time linear in a file's size. A
#: mailbox or a web archive may be larger: the limit bounds each of its messages and pages.
MAX_BYTES = 20 * 1000 * 1000

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: The media type of each supported file name suffix.
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".docx": DOCX,
    ".eml": "message/rfc822",
    ".mbox": "application/mbox",
    ".warc": "application/warc",
    ".warc.gz": "application/warc",
}

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(MEDIA_TYPES)

_MEDIA_ALIASES = {
    "text/plain": "text/plain",
    "text/markdown": "text/markdown",
    "text/x-markdown": "text/markdown",
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "application/pdf": "application/pdf",
    DOCX: DOCX,
    "message/rfc822": "message/rfc822",
    "application/mbox": "application/mbox",
    "application/warc": "application/warc",
}

_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]+)", re.IGNORECASE)

#: Media types of files that hold several documents (read them with :func:`read_parts`).
CONTAINERS = frozenset({"application/mbox", "application/warc"})


def _media_type(source: str, media_type: str | None) -> str:
    if media_type is not None:
        kind = _MEDIA_ALIASES.get(media_type.split(";")[0].strip().lower())
        if kind is None:
            raise IngestError(source, f"unsupported media type {media_type!r}")
        return kind
    suffix = suffix_of(source)
    if suffix not in MEDIA_TYPES:
        shown = f"'{suffix}'" if suffix else "none"
        raise IngestError(source, f"unsupported file type (suffix {shown}; supported: {' '.join(sorted(MEDIA_TYPES))})")
    return MEDIA_TYPES[suffix]


def suffix_of(name: str) -> str:
    """The suffix that names a file's format, lower case: ``.pdf``, or ``.warc.gz`` for a compressed WARC."""
    # As pathlib's suffixes, without making a Path (a case of thousands of files asks for each).
    base = name.rsplit("#", 1)[-1].rstrip("/").rsplit("/", 1)[-1]
    last = base.rfind(".")
    suffix = base[last:].lower() if 0 < last < len(base) - 1 else ""
    if base.endswith("."):
        return suffix
    parts = base.lstrip(".").split(".")[1:]
    if len(parts) >= 2:
        joined = f".{parts[-2]}.{parts[-1]}".lower()
        if joined in MEDIA_TYPES:
            return joined
    return suffix


def supported(name: str) -> bool:
    """Whether a file of this name is one a case reads."""
    return suffix_of(name) in MEDIA_TYPES


def single_document(name: str) -> bool:
    """Whether a file of this name is always one document, whose sha256 is the file's (no mailbox,
    web archive or email, which may hold attachments)."""
    kind = MEDIA_TYPES.get(suffix_of(name))
    return kind is not None and kind not in CONTAINERS and kind != "message/rfc822"


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB"


def too_large(source: str, size: int, limit: int | None = None) -> IngestError | None:
    """The error for a file of ``size`` bytes over the limit (default :data:`MAX_BYTES`), or None."""
    limit = MAX_BYTES if limit is None else limit
    if size <= limit:
        return None
    return IngestError(source, f"file too large ({_size(size)}; the limit is {_size(limit)}, "
                               "set by max_file_mb in case.yaml)")


def read_bytes(data: bytes, *, source: str, media_type: str | None = None, max_bytes: int | None = None,
               notes: list[str] | None = None) -> Document:
    """A document from a file's bytes; the media type is guessed from ``source``'s suffix when None.

    Files over ``max_bytes`` (default :data:`MAX_BYTES`) are refused. What had to be changed to
    read the file (a stray NUL byte dropped) is added to ``notes``, one line each.
    """
    error = too_large(source, len(data), max_bytes)
    if error is not None:
        raise error
    kind = _media_type(source, media_type)
    if not data:
        raise IngestError(source, "empty file")
    if kind in CONTAINERS:
        raise IngestError(source, "a mailbox or web archive holds several documents; build a case from it")
    if kind == "message/rfc822":
        return _first(mail.read_message(data, source, lambda _data, _source: None, notes))
    if kind == "application/pdf":
        from .pdf import read_pdf

        body, pages, stated = read_pdf(data, source, notes)
        return _document(data, body, source, kind, stated, pages=pages)
    decoded, stated = _text_and_metadata(data, source, kind, _charset_param(media_type), notes)
    decoded, heading = _text.without_comments(decoded)
    if heading is not None and notes is not None:
        notes.append(f"{source}: its comment section (from {heading[:60]!r}) is left out")
    body = _text.normalize(decoded)
    if not body:
        raise IngestError(source, "no text left once page furniture is removed")
    return _document(data, body, source, kind, stated)


def _charset_param(media_type: str | None) -> str | None:
    """The charset a media type names (``text/html; charset=utf-8``), as an HTTP header gives it."""
    found = _CHARSET_PARAM.search(media_type or "")
    return found.group(1) if found else None


def _text_and_metadata(data: bytes, source: str, kind: str, charset: str | None,
                       notes: list[str] | None) -> tuple[str, Metadata]:
    """The text of a file of one document (not yet normalized) and the metadata the file states.

    ``charset`` is the one a server declared for the bytes; it wins over one the file declares.
    """
    if kind == DOCX:
        from .word import read_docx

        return read_docx(data, source)
    declared = charset
    if kind == "text/html" and declared is None:
        from .html import declared_charset

        declared = declared_charset(data)
    decoded = _text.decode(data, source, declared=declared, notes=notes)
    if not decoded.strip():
        raise IngestError(source, "empty file (only whitespace)")
    if kind == "text/markdown":
        from .markdown import split_front_matter

        stated, decoded = split_front_matter(decoded.replace("\r\n", "\n").replace("\r", "\n"), source)
        if not decoded.strip():
            raise IngestError(source, "no text after the front matter")
        return decoded, stated
    if kind == "text/html":
        from .html import extract

        return extract(decoded, source, notes)
    return decoded, Metadata()


def _document(data: bytes, body: str, source: str, kind: str, stated: Metadata, **layout: Any) -> Document:
    """The document of a file's bytes and normalized text: what the file states, else what the text does."""
    meta = stated.or_else(from_text(body)).or_else(from_name(source))
    return Document.create(
        sha256=hashlib.sha256(data).hexdigest(),
        text=body,
        source=source,
        media_type=kind,
        **layout,
        **meta.as_document_fields(),
    )


def _first(parts: Iterator[Document | IngestError]) -> Document:
    """The first of the parts, raised if it is an error."""
    part = next(parts)
    if isinstance(part, IngestError):
        raise part
    return part


def read_parts(data: bytes, *, source: str, media_type: str | None = None, max_bytes: int | None = None,
               notes: list[str] | None = None) -> Iterator[Document | IngestError]:
    """Every document a file holds, in order, each as :func:`read_bytes` would give it.

    Most files hold one; an email holds its message and then its attachments, a mailbox each of
    its messages, a web archive each page it captured. A part that cannot be read is yielded as its IngestError, and the rest are
    still read; an attachment of a format not supported is left out with a note.
    """
    try:
        kind = _media_type(source, media_type)
        error = None if kind in CONTAINERS else too_large(source, len(data), max_bytes)
        if error is not None:
            raise error
    except IngestError as err:
        yield err
        return
    if kind in CONTAINERS:
        yield from _container_parts(io.BytesIO(data), source, kind, hashlib.sha256(data).hexdigest(), max_bytes, notes)
    elif kind == "message/rfc822":
        yield from mail.read_message(data, source, _attachment_reader(max_bytes, notes), notes)
    else:
        try:
            yield read_bytes(data, source=source, media_type=kind, max_bytes=max_bytes, notes=notes)
        except IngestError as err:
            yield err


def read_file_parts(path: Path, *, source: str, sha256: str | None = None, max_bytes: int | None = None,
                    notes: list[str] | None = None) -> Iterator[Document | IngestError]:
    """Every document of the file at ``path``, as :func:`read_parts` gives them from its bytes.

    A mailbox or a web archive (see :func:`streamed`) is read from disk message by message or
    record by record, never whole: ``max_bytes`` bounds each message and page, not the file, so
    a mailbox of any size is read in the memory of one message. Any other file is read whole,
    within ``max_bytes``. ``sha256``, when given, is the content the caller has seen: a file whose
    bytes no longer match is reported in one line, and none of it is read.
    """
    try:
        kind = _media_type(source, None)
        if kind not in CONTAINERS:
            error = too_large(source, path.stat().st_size, max_bytes)
            if error is not None:
                raise error
            data = path.read_bytes()
            if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
                raise IngestError(source, _CHANGED)
            yield from read_parts(data, source=source, media_type=kind, max_bytes=max_bytes, notes=notes)
            return
        digest = file_sha256(path)
        if sha256 is not None and digest != sha256:
            raise IngestError(source, _CHANGED)
        with path.open("rb") as stream:
            yield from _container_parts(stream, source, kind, digest, max_bytes, notes)
    except IngestError as err:
        yield err
    except OSError as err:
        yield IngestError(source, f"cannot read ({' '.join(str(err).split())})")


_CHANGED = "changed while it was being read; try again"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks (a large file is never held whole)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def streamed(name: str) -> bool:
    """Whether a file of this name is read part by part from disk (a mailbox, a web archive), so
    that the size limit bounds each of its documents rather than the whole file."""
    return MEDIA_TYPES.get(suffix_of(name)) in CONTAINERS


def _attachment_reader(max_bytes: int | None, notes: list[str] | None) -> mail.AttachmentReader:
    """Reads an email's attachment of a supported format; any other is left out with a note."""

    def attachment(content: bytes, name: str) -> Document | None:
        if not supported(name) or MEDIA_TYPES[suffix_of(name)] in CONTAINERS | {"message/rfc822"}:
            if notes is not None:
                notes.append(f"{name}: attachment not read (not a supported document format)")
            return None
        return read_bytes(content, source=name, max_bytes=max_bytes, notes=notes)

    return attachment


def _container_parts(stream: BinaryIO, source: str, kind: str, sha256: str, max_bytes: int | None,
                     notes: list[str] | None) -> Iterator[Document | IngestError]:
    """The documents of a mailbox or a web archive read from a binary stream."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if kind == "application/mbox":
        yield from mail.read_mbox(stream, source, _attachment_reader(max_bytes, notes), notes,
                                  sha256=sha256, max_bytes=max_bytes)
        return
    from .warc import read_warc

    yield from read_warc(stream, source, lambda page, name, content_type: read_bytes(
        page, source=name, media_type=content_type, max_bytes=max_bytes, notes=notes), notes,
        sha256=sha256, max_bytes=max_bytes)


def read_document(path: Path, *, source: str | None = None, notes: list[str] | None = None) -> Document:
    """Read one file into a Document; ``source`` (default: the path) names it in errors and notes."""
    name = source if source is not None else path.as_posix()
    try:
        error = too_large(name, path.stat().st_size)
        if error is not None:
            raise error
        data = path.read_bytes()
    except OSError as err:
        raise IngestError(name, f"cannot read file ({err.strerror or err})") from err
    return read_bytes(data, source=name, notes=notes)


def _source_for(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def ingest_paths(paths: Iterable[Path], root: Path) -> Iterator[Document | IngestError]:
    """The Documents of each path (see :func:`read_parts`), or an IngestError in the place of each
    that cannot be read, in order, so a caller reports errors and goes on.

    Sources are POSIX paths relative to ``root`` (a path outside it keeps its own spelling).
    """
    for path in paths:
        yield from read_file_parts(path, source=_source_for(path, root))
