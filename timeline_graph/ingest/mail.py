"""Email: ``.eml`` messages and ``.mbox`` mailboxes, read with the standard library's email package.

Each message becomes a document: its subject is the title and the first line of the text, the
body follows (the plain-text part when there is one, else the HTML part through
:func:`.html.extract`). The sender is the author, To and Cc the recipients, the Date header the
published date (the day as the sender's clock gave it). The Message-ID, In-Reply-To and
References headers are kept so that a reply cites the message it answers when both are in the
case (see :func:`timeline_graph.resolve.citations.thread_citations`).

Quoted replies are the earlier message's words, not the replier's: lines starting with ``>``,
the ``On ... wrote:`` line above them, and everything after an ``-----Original Message-----``
or ``---------- Forwarded message ----------`` line are recorded as the document's ``quoted``
ranges, and no claim or event is read from them.

An attachment of a supported format (PDF, Word, text, Markdown, HTML) becomes a document of its
own, ``part_of`` its message, named ``<message>#<file name>``. A mailbox is split at its
``From `` lines; message N of ``box.mbox`` is ``box.mbox#message-N``.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime

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
_FROM_LINE = re.compile(rb"^From [^\n]*\n", re.MULTILINE)
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_IDENTIFYING = ("from", "date", "subject", "message-id")


def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` ranges of ``text`` quoted from earlier messages (see the module docstring).

    >>> text = "Agreed.\\n\\nOn Monday, Ann wrote:\\n> We meet at nine.\\n> Bring the map."
    >>> [text[s:e] for s, e in quoted_ranges(text)]
    ['On Monday, Ann wrote:\\n> We meet at nine.\\n> Bring the map.']
    """
    marked = [(m.start(), m.end()) for m in _QUOTE_LINE.finditer(text)]
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


def split_mbox(data: bytes, source: str) -> Iterator[bytes]:
    """The bytes of each message of a mailbox, its ``From `` line left out and ``>From`` unescaped."""
    starts = list(_FROM_LINE.finditer(data))
    if not data.startswith(b"From ") or not starts:
        raise IngestError(source, "not an mbox mailbox (it does not start with a 'From ' line)")
    for i, line in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(data)
        yield _ESCAPED_FROM.sub(rb"\1", data[line.end() : end])


def read_mbox(data: bytes, source: str, read_attachment: AttachmentReader,
              notes: list[str] | None = None) -> Iterator[Document | IngestError]:
    """Every message of a mailbox and its attachments, or an error for each that cannot be read."""
    try:
        messages = list(split_mbox(data, source))
    except IngestError as err:
        yield err
        return
    for number, raw in enumerate(messages, start=1):
        yield from read_message(raw, f"{source}#message-{number}", read_attachment, notes)


def read_message(data: bytes, source: str, read_attachment: AttachmentReader,
                 notes: list[str] | None = None) -> Iterator[Document | IngestError]:
    """The message as a document, then each supported attachment; errors are yielded, not raised."""
    try:
        message, document = _message_document(data, source, notes)
    except IngestError as err:
        yield err
        return
    yield document
    for part in message.iter_attachments():
        name = part.get_filename()
        payload = part.get_payload(decode=True)
        if not name or not isinstance(payload, bytes):
            continue
        try:
            found = read_attachment(payload, f"{source}#{name}")
        except IngestError as err:
            yield err
            continue
        if found is not None:
            yield replace(found, part_of=document.id)


def _message_document(data: bytes, source: str, notes: list[str] | None) -> tuple[EmailMessage, Document]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not any(message.get(h) for h in _IDENTIFYING):
        raise IngestError(source, "not an email message (no From, Date, Subject or Message-ID header)")
    subject = " ".join(str(message.get("subject") or "").split())
    body = _body(message, source, notes)
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
        quoted=quoted_ranges(text),
        message_id=next(iter(_ids(message.get("message-id"))), None),
        replies_to=_replies_to(message),
        **meta.as_document_fields(),
    )


def _body(message: EmailMessage, source: str, notes: list[str] | None) -> str:
    """The body's text: the plain part preferred, else the HTML part's main text."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return ""
    decoded = _text.decode(payload, source, declared=part.get_content_charset())
    if part.get_content_subtype() == "html":
        from .html import extract

        return extract(decoded, source, notes)[0]
    return decoded


def _names(message: EmailMessage, *headers: str) -> tuple[str, ...]:
    """The people the headers name: display names, else addresses, without repeats."""
    values = [str(v) for h in headers for v in message.get_all(h, [])]
    return tuple(dict.fromkeys(name or address for name, address in getaddresses(values) if name or address))


def _ids(value: object) -> list[str]:
    return _MESSAGE_ID.findall(str(value or ""))


def _replies_to(message: EmailMessage) -> tuple[str, ...]:
    """The messages answered, nearest first: In-Reply-To, then References from the newest."""
    found = _ids(message.get("in-reply-to")) + list(reversed(_ids(message.get("references"))))
    return tuple(dict.fromkeys(found))


def _metadata(message: EmailMessage, subject: str) -> Metadata:
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
