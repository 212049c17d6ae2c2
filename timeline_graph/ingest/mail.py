"""Email: ``.eml`` messages and ``.mbox`` mailboxes, read with the standard library's email package.

Each message becomes a document: its subject is the title and the first line of the text, the
body follows (the plain-text part when there is one, else the HTML part through
:func:`.html.extract`). The sender is the author, To and Cc the recipients, the Date header the
published date (the day as the sender's clock gave it). The Message-ID, In-Reply-To and
References headers are kept so that a reply cites the message it answers when both are in the
case (see :func:`timeline_graph.resolve.citations.thread_citations`).

Quoted replies are the earlier message's words, not the replier's: lines starting with ``>``,
the ``On ... wrote:`` line above them, everything after an ``-----Original Message-----``
or ``---------- Forwarded message ----------`` line, and in an HTML body the text of
``<blockquote>`` and Gmail's ``gmail_quote`` blocks are recorded as the document's ``quoted``
ranges, and no claim or event is read from them.

An attachment of a supported format (PDF, Word, text, Markdown, HTML) becomes a document of its
own, ``part_of`` its message, named ``<message>#<file name>``. A mailbox is split at its
``From `` lines; message N of ``box.mbox`` is ``box.mbox#message-N``. Each keeps the sha256 of
what it was read out of and its place there (``container_sha256`` and ``container_path``: the
mailbox and ``message-N``, the message and the attachment's file name).
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from typing import BinaryIO

from ..errors import IngestError
from ..model import Document, TimeValue
from . import text as _text
from .metadata import Metadata

__all__ = ["quoted_ranges", "read_mbox", "read_message", "split_mbox"]

_ORIGIN = "email header"

#: Reads an attachment's bytes (with the source name it is given) into a document; None skips it.
AttachmentReader = Callable[[bytes, str], Document | None]

_ATTRIBUTION = re.compile(r"^On\b[^\n]{0,300}?(?:\n[^\n>]{0,300}?)?\bwrote:[ \t]*$", re.MULTILINE)
_FORWARDED = re.compile(r"^-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}[ \t]*$",
                        re.MULTILINE | re.IGNORECASE)
_QUOTE_LINE = re.compile(r"^[ \t]*>[^\n]*$", re.MULTILINE)
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_IDENTIFYING = ("from", "date", "subject", "message-id")
_HTML_QUOTES = "//blockquote | //*[contains(concat(' ', normalize-space(@class), ' '), ' gmail_quote ')]"
_MIN_HTML_QUOTE = 20


def quoted_ranges(text: str, passages: Iterable[str] = ()) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` ranges of ``text`` quoted from earlier messages (see the module docstring),
    and those of the ``passages`` an HTML body marks as quoted, where they stand whole in the text.

    >>> text = "Agreed.\\n\\nOn Monday, Ann wrote:\\n> We meet at nine.\\n> Bring the map."
    >>> [text[s:e] for s, e in quoted_ranges(text)]
    ['On Monday, Ann wrote:\\n> We meet at nine.\\n> Bring the map.']
    """
    marked = [(m.start(), m.end()) for m in _QUOTE_LINE.finditer(text)]
    for passage in passages:
        at = text.find(passage)
        if at >= 0:
            marked.append((at, at + len(passage)))
    marked += [(m.start(), m.end()) for m in _ATTRIBUTION.finditer(text)]
    forwarded = _FORWARDED.search(text)
    if forwarded:
        marked.append((forwarded.start(), len(text)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(marked):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def split_mbox(lines: Iterable[bytes], max_bytes: int | None = None) -> Iterator[bytes | int]:
    """The bytes of each message of a mailbox read line by line (a file opened in binary mode, or
    ``io.BytesIO``), its ``From `` line left out and ``>From`` unescaped; what comes before the
    first ``From `` line is not a message. A message longer than ``max_bytes`` is not kept: its
    size in bytes stands in its place, so a mailbox of any size is read in the memory of its
    largest message within the limit.

    >>> import io
    >>> list(split_mbox(io.BytesIO(b"From a\\nHi\\n>From here\\nFrom b\\nBye\\n")))
    [b'Hi\\nFrom here\\n', b'Bye\\n']
    """
    kept: list[bytes] | None = None
    size = 0
    for line in itertools.chain(lines, [b"From "]):  # the last message ends as if another followed
        if line.startswith(b"From "):
            if kept is not None:
                over = max_bytes is not None and size > max_bytes
                yield size if over else _ESCAPED_FROM.sub(rb"\1", b"".join(kept))
            kept, size = [], 0
        elif kept is not None:
            size += len(line)
            if max_bytes is None or size <= max_bytes:
                kept.append(line)
            elif kept:
                kept.clear()  # over the limit: only its size is counted from here on


def read_mbox(mailbox: BinaryIO, source: str, read_attachment: AttachmentReader,
              notes: list[str] | None = None, *, sha256: str, max_bytes: int | None = None,
              ) -> Iterator[Document | IngestError]:
    """Every message of a mailbox, read from ``mailbox`` (a binary stream) message by message,
    and its attachments, or an error for each that cannot be read. ``sha256`` is the mailbox's
    (each message keeps it); a message over ``max_bytes`` is an error of its own."""
    if mailbox.read(5) != b"From ":
        yield IngestError(source, "not an mbox mailbox (it does not start with a 'From ' line)")
        return
    mailbox.seek(0)
    for number, raw in enumerate(split_mbox(mailbox, max_bytes), start=1):
        path = f"message-{number}"
        if isinstance(raw, int):
            yield IngestError(f"{source}#{path}", f"message of {raw:,} bytes is over the limit of {max_bytes:,} bytes")
            continue
        parts = read_message(raw, f"{source}#{path}", read_attachment, notes)
        message = next(parts)
        yield message.inside(sha256, path) if isinstance(message, Document) else message
        yield from parts


def read_message(data: bytes, source: str, read_attachment: AttachmentReader,
                 notes: list[str] | None = None) -> Iterator[Document | IngestError]:
    """The message as a document, then each supported attachment; errors are yielded, not raised."""
    try:
        message, document = _message_document(data, source, notes)
    except IngestError as err:
        yield err
        return
    yield document
    for part in message.walk():
        name = part.get_filename()
        payload = part.get_payload(decode=True)
        if not name or part.is_multipart() or not isinstance(payload, bytes):
            continue
        name = _decoded(name)
        try:
            found = read_attachment(payload, f"{source}#{name}")
        except IngestError as err:
            yield err
            continue
        if found is not None:
            yield replace(found, part_of=document.id).inside(document.sha256, name)


def _message_document(data: bytes, source: str, notes: list[str] | None) -> tuple[Message, Document]:
    # compat32 hands headers over as they stand; the default policy parses every header on every
    # read, which made a large mailbox several times slower to read.
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not any(message.get(h) for h in _IDENTIFYING):
        raise IngestError(source, "not an email message (no From, Date, Subject or Message-ID header)")
    subject = _decoded(message.get("subject"))
    body, passages = _body(message, source, notes)
    text = _text.normalize(f"{subject}\n\n{body}" if subject else body)
    if not body.strip() or not text:
        raise IngestError(source, "email message has no text (its body is empty or cut off)")
    meta = _metadata(message, subject)
    return message, Document.create(
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        source=source,
        media_type="message/rfc822",
        recipients=_names(message, "to", "cc"),
        quoted=quoted_ranges(text, passages),
        message_id=next(iter(_ids(message.get("message-id"))), None),
        replies_to=_replies_to(message),
        **meta.as_document_fields(),
    )


def _decoded(value: object) -> str:
    """A header's words with its encoded words (``=?utf-8?q?...?=``) decoded, on one line."""
    if not value:
        return ""
    try:
        words = str(make_header(decode_header(str(value))))
    except (LookupError, UnicodeDecodeError, ValueError, HeaderParseError):
        words = str(value)  # an unknown charset: the words as they stand beat none
    return " ".join(words.split())


def _body_part(message: Message) -> Message | None:
    """The part holding the body: the first plain-text part that is not an attachment, else the first HTML one."""
    texts = [p for p in message.walk() if p.get_content_maintype() == "text" and not p.get_filename()
             and p.get("content-disposition", "").split(";")[0].strip().lower() != "attachment"]
    return next((p for p in texts if p.get_content_subtype() == "plain"),
                next((p for p in texts if p.get_content_subtype() == "html"), None))


def _body(message: Message, source: str, notes: list[str] | None) -> tuple[str, list[str]]:
    """The body's text (the plain part preferred, else the HTML part's main text) and the
    passages its HTML marks as quoted."""
    part = _body_part(message)
    payload = part.get_payload(decode=True) if part is not None else None
    if part is None or not isinstance(payload, bytes) or not payload.strip():
        return "", []
    decoded = _text.decode(payload, source, declared=part.get_content_charset())
    if part.get_content_subtype() == "html":
        from .html import extract

        return extract(decoded, source, notes)[0], _html_quotes(decoded)
    return decoded, []


def _html_quotes(markup: str) -> list[str]:
    """The lines of text an HTML body quotes (``<blockquote>``, Gmail's ``gmail_quote``), each as
    :func:`.html.plain_text` gives it; short ones ("Hi,") are left out, they would match anywhere."""
    import lxml.html

    from .html import plain_text

    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for element in root.xpath(_HTML_QUOTES):
        lines = plain_text(lxml.html.tostring(element, encoding="unicode")).split("\n")
        found += [line for line in lines if len(line) >= _MIN_HTML_QUOTE]
    return found


def _names(message: Message, *headers: str) -> tuple[str, ...]:
    """The people the headers name: display names, else addresses, without repeats."""
    values = [str(v) for h in headers for v in message.get_all(h, [])]
    found = (_decoded(name) or address for name, address in getaddresses(values))
    return tuple(dict.fromkeys(n for n in found if n))


def _ids(value: object) -> list[str]:
    return _MESSAGE_ID.findall(str(value or ""))


def _replies_to(message: Message) -> tuple[str, ...]:
    """The messages answered, nearest first: In-Reply-To, then References from the newest."""
    found = _ids(message.get("in-reply-to")) + list(reversed(_ids(message.get("references"))))
    return tuple(dict.fromkeys(found))


def _metadata(message: Message, subject: str) -> Metadata:
    meta = Metadata().with_field("title", subject, _ORIGIN)
    meta = meta.with_field("authors", _names(message, "from"), _ORIGIN)
    sent = _sent(str(message.get("date") or ""))
    return meta.with_field("published", sent, _ORIGIN)


def _sent(words: str) -> TimeValue | None:
    """The day a Date header gives, or None when it gives none that can be read."""
    if not words.strip():
        return None
    try:
        when = parsedate_to_datetime(words)
    except (TypeError, ValueError, IndexError):
        return None
    return TimeValue.of_day(when.date(), text=" ".join(words.split()))
