"""Word files (``.docx``), read with python-docx: the text with its headings, and the core properties.

Text: the body's paragraphs and tables in document order, one paragraph a block (headings
included, each a block of its own; a table one line a row, its cells separated by " | ").
Metadata: title, author (the creator) and the day the file was created, from the core
properties, where they are set; the language too. A password-protected file is refused in a
line that says so; any other that python-docx cannot read is a "broken Word file".
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from ..errors import IngestError
from ..model import TimeValue
from .metadata import Metadata, split_names

__all__ = ["read_docx"]

_ORIGIN = "docx core properties"

#: How an OLE compound file (an encrypted Office file, an old .doc) starts.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream an encrypted Office file keeps its package in, as its directory names it.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def read_docx(data: bytes, source: str) -> tuple[str, Metadata]:
    """The text of a Word file (not yet normalized) and the metadata its core properties state."""
    try:
        import docx
    except ImportError as err:
        raise IngestError(source, f"reading Word files needs python-docx (pip install python-docx): {err}") from err
    _refuse_encrypted(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
        meta = _metadata(document.core_properties)
    except Exception as err:  # python-docx, zipfile and lxml raise many kinds on a damaged file
        problem = " ".join(str(err).split()) or type(err).__name__
        raise IngestError(source, f"broken Word file ({type(err).__name__}: {problem})") from err
    text = "\n\n".join(b for b in blocks if b.strip())
    if not text:
        raise IngestError(source, "Word file has no text")
    return text, meta


def _refuse_encrypted(data: bytes, source: str) -> None:
    """IngestError for a password-protected Word file: Office wraps its encrypted package in an
    OLE compound file, which python-docx would call a bad zip."""
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data:
        raise IngestError(source, "encrypted Word file (it needs a password), skipped")


def _blocks(document: Any) -> Any:
    """The text of each paragraph and table row of the body, in order."""
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells))  # merged cells repeat
                yield " | ".join(c for c in cells if c)
        else:
            yield item.text


def _metadata(properties: Any) -> Metadata:
    meta = Metadata().with_field("title", " ".join((properties.title or "").split()), _ORIGIN)
    if properties.author and properties.author.strip():
        meta = meta.with_field("authors", split_names(properties.author), _ORIGIN)
    if isinstance(properties.created, datetime):
        meta = meta.with_field("published", TimeValue.of_day(properties.created.date(),
                                                             text=properties.created.isoformat()), _ORIGIN)
    return meta.with_field("language", (properties.language or "").strip(), _ORIGIN)
