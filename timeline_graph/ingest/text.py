"""Bytes to normalized text: binary detection, decoding, normalization, page furniture.

Decoding rule, in order:

1. A byte order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. More than a few NUL bytes (8), a known binary signature (PDF, ZIP, PNG, ...) or more than
   5% control bytes means a binary file. The few NUL bytes of a text file (a stray one from a
   copy and paste or a bad export) are dropped, and a note says so.
3. Valid UTF-8 is UTF-8.
4. A charset the file declares (HTML ``<meta charset>``), when given, is used; ``latin-1``
   and ``ascii`` mean Windows-1252 as in the HTML standard.
5. Otherwise Windows-1252, but only when the bytes are plausibly such text: they decode
   under cp1252 (its five undefined bytes rule it out), no more than 3 non-ASCII bytes stand
   in a row, at most 30% of the bytes are non-ASCII, and no valid UTF-8 multi-byte sequence
   occurs (that would be a damaged UTF-8 file, which cp1252 would turn into mojibake).
6. Anything else is "not UTF-8 text", naming the first invalid byte and its offset.

Normalization never changes the words of a text: NFC, newlines as ``\\n``, no trailing spaces,
no control characters, runs of blank lines as one, page furniture lines dropped (navigation,
share, follow and subscribe lines, comment-form prompts), and a title line repeated right below
itself kept once.

A scraped page's comment section is not the article: :func:`without_comments` cuts a text at a
comments heading ("Comments", "12 Comments", "Comments (12)", "Reader comments", "Join the
discussion", "5 responses to “Title”") that follows at least 500 characters of the text, so that
the readers' chatter yields no events, claims or names.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable

from ..errors import IngestError

__all__ = [
    "COMMENTS_HEADING",
    "FURNITURE_LINES",
    "FURNITURE_PATTERNS",
    "decode",
    "is_furniture",
    "normalize",
    "without_comments",
]

#: Whole lines that are site chrome, never article text (compared case-insensitively, with
#: spaces collapsed and trailing ``.:*!`` ignored). Kept short on purpose: a line is only
#: dropped when it can mean nothing but navigation, sharing or a comment form.
FURNITURE_LINES = frozenset(
    {
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "skip navigation",
        "jump to navigation",
        "share this story",
        "share this article",
        "share this post",
        "share this page",
        "share on facebook",
        "share on twitter",
        "share on linkedin",
        "share via email",
        "copy link",
        "leave a comment",
        "leave a reply",
        "post a comment",
        "cancel reply",
        "your email address will not be published",
        "your email address will not be published. required fields are marked",
        "required fields are marked",
        "advertisement",
        "continue reading below",
    }
)

#: Whole lines that credit a picture ("Image: Agency", "Photo by A. Name / Outlet"): short,
#: and nothing but the credit. A line ending as a sentence ends (".", "!", "?") is not matched.
FURNITURE_PATTERNS = (
    re.compile(r"(?:image|photo|photograph|illustration|graphic)(?:\s+credit)?\s*:\s*[^!?]{0,59}[^.!?\s]", re.IGNORECASE),
    re.compile(r"(?:image|photo|photograph|illustration)\s+by\s+[^!?]{0,59}[^.!?\s]", re.IGNORECASE),
    # a row of share buttons: "Share on Facebook Share on Twitter Email", "Facebook | Twitter | Email"
    re.compile(r"(?:(?:share\s+(?:on|via)\s+)?(?:facebook|twitter|x|linkedin|whatsapp|reddit|email|pinterest|"
               r"telegram|print|copy link)[\s|·•,/]*){2,}", re.IGNORECASE),
    re.compile(r"\d[\d,]*\s+(?:likes?|replies|shares|reactions)", re.IGNORECASE),
    # the buttons and prompts of sharing, following, subscribing and comment threads
    re.compile(r"share(?:\s+this)?|share\s+(?:on|via)\s+\w+|tweet|email(?: this (?:story|article))?"
               r"|print(?: this (?:story|article))?|reply|report(?: abuse| comment)?|like|sign up|subscribe(?: now)?"
               r"|(?:log|sign) in to (?:comment|reply)|(?:subscribe to|sign up (?:for|to)|get) (?:our|the) newsletter"
               r"|newsletter|follow us(?: on \w+)?", re.IGNORECASE),
)

#: A heading that opens a page's comment section (the whole line, case aside; see the docstring).
COMMENTS_HEADING = re.compile(
    r"(?:\d[\d,]*\s+)?(?:reader\s+|user\s+)?comments?(?:\s*\(\d[\d,]*\))?|join the (?:discussion|conversation)"
    r"|comments are closed|(?:show|showing|view|load|see)\s+(?:all\s+)?(?:\d[\d,]*\s+)?comments"
    r"|\d[\d,]*\s+(?:responses|replies|thoughts)\s+(?:to|on)\s+.{1,300}",
    re.IGNORECASE,
)
#: Characters of text a comments heading must follow (one in a byline, "3 Comments", does not cut).
_ARTICLE_BEFORE_COMMENTS = 500

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
)

_CONTROL_BYTES = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}))
_HIGH_BYTES = bytes(range(0x80, 0x100))
_SAMPLE = 65536
_MAX_CONTROL_SHARE = 0.05
_MAX_NULS = 8
_MAX_NON_ASCII_SHARE = 0.30
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]{4,}")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_WHATWG_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}


def decode(data: bytes, source: str, *, declared: str | None = None, notes: list[str] | None = None) -> str:
    """The text of ``data`` by the rule in the module docstring; IngestError if there is none.

    What was changed on the way (NUL bytes dropped) is added to ``notes``, one line each.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise IngestError(source, f"not {encoding.upper()} text despite its byte order mark ({_where(err, len(bom))})") from err
    unmarked = _utf16_without_bom(data)
    if unmarked is not None:
        if notes is not None:
            notes.append(f"{source}: read as {unmarked[0]} text (it has no byte order mark)")
        return unmarked[1]
    _refuse_binary(data, source)
    nuls = data.count(b"\x00")
    if nuls:
        if notes is not None:
            first = data.find(b"\x00")
            notes.append(f"{source}: {nuls} NUL byte{'s' if nuls > 1 else ''} dropped (the first at offset {first})")
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    charset = _usable_charset(declared)
    if charset:
        try:
            return data.decode(charset)
        except UnicodeDecodeError as err:
            raise IngestError(source, f"not {declared} text as it declares ({_where(err)})") from err
    if _plausibly_cp1252(data):
        return data.decode("cp1252")
    sample = data[:_SAMPLE]
    if _count(sample, _HIGH_BYTES) > _MAX_NON_ASCII_SHARE * len(sample) and _NON_ASCII_RUN.search(sample):
        raise IngestError(source, "binary file (mostly non-text bytes), skipped")
    raise IngestError(source, f"not UTF-8 text ({_where(utf8_error)})")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) of UTF-16 text saved without a byte order mark; None for anything else.

    Text in a Latin script stored as UTF-16 has a NUL in every other byte: the high byte of
    each character. It is taken as UTF-16 only when most characters' high byte is NUL, the
    other bytes hold none, and it decodes to text without control characters.
    """
    if len(data) < 4 or len(data) % 2 or data.find(b"\x00") < 0:
        return None
    sample = data[:_SAMPLE]
    for encoding, high, low in (("UTF-16 LE", sample[1::2], sample[0::2]), ("UTF-16 BE", sample[0::2], sample[1::2])):
        if high.count(0) < 0.6 * len(high) or low.count(0):
            continue
        try:
            text = data.decode(encoding.replace(" ", "-").lower())
        except UnicodeDecodeError:
            return None
        if _TEXT_CONTROLS.search(text):
            return None
        return encoding, text
    return None


_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _count(data: bytes, which: bytes) -> int:
    """How many bytes of ``data`` are among ``which`` (fast: no Python loop over the bytes)."""
    return len(data) - len(data.translate(None, which))


def _where(err: UnicodeDecodeError, offset: int = 0) -> str:
    byte = err.object[err.start]
    return f"invalid byte 0x{byte:02x} at offset {err.start + offset}"


def _refuse_binary(data: bytes, source: str) -> None:
    nul = data.find(b"\x00")
    many_nuls = nul >= 0 and data.count(b"\x00") > _MAX_NULS
    sample = data[:_SAMPLE]
    controls = _count(sample, _CONTROL_BYTES)
    too_many_controls = bool(sample) and controls > _MAX_CONTROL_SHARE * len(sample)
    if nul >= 0 and (many_nuls or too_many_controls):
        raise IngestError(source, f"binary file (NUL bytes at offset {nul}), skipped")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise IngestError(source, f"binary file (looks like {kind}), skipped")
    if too_many_controls:
        raise IngestError(source, f"binary file ({controls} control bytes in the first {len(sample)}), skipped")


def _usable_charset(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        return None  # an ASCII-readable <meta> cannot be in UTF-16; the HTML standard ignores it
    return _WHATWG_ALIASES.get(name, name)


def _plausibly_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return (
        _count(data, _HIGH_BYTES) <= _MAX_NON_ASCII_SHARE * len(data)
        and not _NON_ASCII_RUN.search(data)
        and not _UTF8_MULTIBYTE.search(data)
    )


# ---------------------------------------------------------------------------------------------
# Normalization

_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"})
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_DUPLICATE_TITLE_MAX = 300


def _furniture_key(line: str) -> str:
    return " ".join(line.split()).casefold().rstrip(" .:*!")


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture (FURNITURE_LINES or FURNITURE_PATTERNS)."""
    stripped = line.strip()
    if not stripped:
        return False
    if _furniture_key(stripped) in FURNITURE_LINES:
        return True
    return any(p.fullmatch(stripped) for p in FURNITURE_PATTERNS)


def without_comments(text: str) -> tuple[str, str | None]:
    """The text up to its comment section, and the heading that opened it (None if there is none)."""
    at = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip().rstrip(":")
        if at >= _ARTICLE_BEFORE_COMMENTS and stripped and COMMENTS_HEADING.fullmatch(stripped):
            return text[:at], stripped
        at += len(line)
    return text, None


def normalize(text: str) -> str:
    """The text every span indexes into (see the module docstring); may be empty.

    >>> normalize("Skip to main content\\r\\n\\r\\nTitle  \\r\\n\\r\\nTitle\\r\\n\\r\\n\\r\\n\\r\\nBody.")
    'Title\\n\\nBody.'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    text = unicodedata.normalize("NFC", _CONTROLS.sub("", text))
    lines = [line.rstrip() for line in text.split("\n")]
    lines = _drop_repeated_title([line for line in lines if not is_furniture(line)])
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def _drop_repeated_title(lines: list[str]) -> list[str]:
    """Lines without the repeats of the first line that come right after it (blank lines apart)."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if not content or len(lines[content[0]]) > _DUPLICATE_TITLE_MAX:
        return lines
    title = lines[content[0]].strip()
    repeats: set[int] = set()
    for i in content[1:]:
        if lines[i].strip() != title:
            break
        repeats.add(i)
    return [line for i, line in enumerate(lines) if i not in repeats]


def paragraphs_from_lines(lines: Iterable[str]) -> str:
    """Lines that each hold one block (as trafilatura writes them) as blank-line paragraphs."""
    return "\n\n".join(line for line in lines if line.strip())
