"""What a document says about itself: title, byline and date lines, and date parsing.

Used when no front matter or HTML metadata gives a field. Only the first lines of the text are
looked at (bylines and date lines sit at the top of an article), nothing is guessed from the
machine's clock, and a field the text does not state stays None.

>>> meta = from_text("Council limits camera requests\\n\\nby Ann Writer\\nPublished: March 2, 2021\\n\\nThe council voted.")
>>> meta.title, meta.authors, meta.published.edtf
('Council limits camera requests', ('Ann Writer',), '2021-03-02')
>>> from_text("A line\\n\\nPublished: Last Updated on\\n\\nText.").published is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ..errors import ModelError
from ..model import Document, TimeValue

__all__ = [
    "HEAD_LINES",
    "TITLE_MAX_CHARS",
    "Metadata",
    "detect_byline",
    "detect_date_line",
    "detect_title",
    "from_name",
    "from_text",
    "parse_date",
    "split_names",
]

#: Bylines, date lines and the title are looked for among this many first non-blank lines.
HEAD_LINES = 12

#: A first line up to this long is a title as it stands; a longer one is cut (see detect_title).
TITLE_MAX_CHARS = 150

#: Where a cut title stops, at the latest (at a word boundary, then "…").
_TITLE_CUT_CHARS = 100

#: The day dateparser would resolve relative words against; fixed so nothing reads the clock.
#: Relative dates are switched off anyway (PARSERS below); this is a second lock.
_RELATIVE_BASE = datetime(2000, 1, 1)

_FIELDS = ("title", "publisher", "authors", "published", "url", "language")


@dataclass(frozen=True)
class Metadata:
    """Metadata fields found so far, and where each came from (``origin`` maps field -> origin)."""

    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: TimeValue | None = None
    url: str | None = None
    language: str | None = None
    origin: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, document: Document) -> Metadata:
        """The metadata a document holds, with where each field came from."""
        return cls(**{name: getattr(document, name) for name in _FIELDS}, origin=document.metadata_origin)

    def with_field(self, name: str, value: Any, origin: str) -> Metadata:
        """A copy with ``name`` set to ``value`` from ``origin`` (no change when value is empty)."""
        if not value:
            return self
        origins = {**dict(self.origin), name: origin}
        ordered = tuple((f, origins[f]) for f in _FIELDS if f in origins)
        return replace(self, **{name: value}, origin=ordered)

    def or_else(self, other: Metadata) -> Metadata:
        """Each field from ``self`` where known, else from ``other``, with its origin."""
        merged = self
        theirs = dict(other.origin)
        for name in _FIELDS:
            if not getattr(self, name) and getattr(other, name):
                merged = merged.with_field(name, getattr(other, name), theirs.get(name, "unknown"))
        return merged

    def as_document_fields(self) -> dict[str, Any]:
        """Keyword arguments for :meth:`timeline_graph.model.Document.create`."""
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "origin"}
        return {**values, "metadata_origin": self.origin}


# ---------------------------------------------------------------------------------------------
# Dates

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2[01]\d\d)(?!\d)")
_ISO_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?"
)
_EDTF_CHARS = re.compile(r"[0-9X?~%./\-]+")
_NUMERIC_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    from dateparser.date import DateDataParser  # imported here: dateparser is slow to load

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": _RELATIVE_BASE,
            "REQUIRE_PARTS": ["year"],
            # absolute dates only: no "2 days ago", no bare numbers read as Unix timestamps
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )


def parse_date(words: str) -> TimeValue | None:
    """The date these words state, as precise as they are, or None.

    Accepts EDTF (``2021-02``, ``2021-02-16?``), ISO dates and timestamps (the day is kept),
    unambiguous numeric dates (``17/02/2021``; ``02/03/2021`` could be either and gives None)
    and English dates with a four-digit year (``February 17, 2021``, ``Feb 2021``). Words
    without a digit or without a year ("Last Updated on", "Feb 17") are not a date.

    >>> parse_date("Wednesday, February 17, 2021").edtf
    '2021-02-17'
    >>> parse_date("February 2021").edtf
    '2021-02'
    >>> parse_date("Feb 17") is None
    True
    """
    text = words.strip().strip(",;:|·•–—-").strip()
    if not re.search(r"\d", text):
        return None
    iso = _ISO_DATETIME.fullmatch(text)
    if iso:
        return _edtf_or_none(iso.group(1), text)
    if _EDTF_CHARS.fullmatch(text) and re.match(r"\.\.|\d{4}|X", text):
        return _edtf_or_none(text, text)
    numeric = _NUMERIC_DMY.fullmatch(text)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first or first == second:
            month, day = first, second
        else:  # 02/03/2021 is February 3 in the US and 2 March elsewhere: do not guess
            return None
        return _day_or_none(year, month, day, text)
    if not _YEAR.search(text):
        return None
    found = _date_parser().get_date_data(text)
    when = found.date_obj if found else None
    if when is None:
        return None
    if found.period == "day":
        return _day_or_none(when.year, when.month, when.day, text)
    if found.period == "month":
        return _edtf_or_none(f"{when.year:04d}-{when.month:02d}", text)
    if found.period == "year":
        return _edtf_or_none(f"{when.year:04d}", text)
    return None


def _edtf_or_none(value: str, text: str) -> TimeValue | None:
    try:
        return TimeValue.from_edtf(value, text=text)
    except ModelError:
        return None


def _day_or_none(year: int, month: int, day: int, text: str) -> TimeValue | None:
    try:
        return TimeValue.of_day(date(year, month, day), text=text)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Lines at the top of a text

_PARTICLES = frozenset(
    ["al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le", "van", "von", "y"]
)
_BYLINE = re.compile(r"(?:written\s+by|words\s+by|by)\s+(?P<rest>\S.*)", re.IGNORECASE)
_BYLINE_SEPARATORS = re.compile(r"\s+[|•·—–]\s+|\s+-\s+")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)

_PUBLISHED_LABELS = ("first published", "published", "posted", "date", "sent")
_UPDATED_LABELS = ("last updated", "last modified", "updated", "modified")
_DATE_LABEL = re.compile(
    r"\b(" + "|".join(re.escape(x) for x in _PUBLISHED_LABELS + _UPDATED_LABELS) + r")\b",
    re.IGNORECASE,
)
_LABEL_FILLER = re.compile(r"^(?:\s*(?:on|at|:|-|–|—)\s*)+", re.IGNORECASE)
_DATE_LINE_MAX = 120
_BYLINE_MAX = 100


def split_names(value: str) -> tuple[str, ...]:
    """Names in "Ann Writer and Bo Reed", "A. Writer; B. Reed" or "Ann Writer, Bo Reed".

    A comma splits only when every part is a name of two or more words, so "Writer, Ann"
    stays one name.
    """
    value = " ".join(value.split())
    parts = [p for p in re.split(r"\s*;\s*|\s*&\s*|\s+and\s+", value) if p]
    names: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            names.extend(pieces)
        else:
            names.append(part.strip(" ,"))
    return tuple(dict.fromkeys(n for n in names if n))


def _looks_like_name(name: str) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 5 or len(name) > 60:
        return False
    for token in tokens:
        if token.casefold() in _PARTICLES:
            continue
        if not _NAME_TOKEN.fullmatch(token) or not token[0].isupper():
            return False
    return tokens[0].casefold() not in _PARTICLES or len(tokens) > 1


def detect_byline(line: str) -> tuple[tuple[str, ...], TimeValue | None] | None:
    """The authors (and a date, if one follows a separator) of a byline such as "By Ann Writer".

    >>> detect_byline("by Vins")
    (('Vins',), None)
    >>> detect_byline("By Ann Writer and Bo Reed | March 2, 2021")[0]
    ('Ann Writer', 'Bo Reed')
    >>> detect_byline("By Ann Writer | Published March 2, 2021")[1].edtf
    '2021-03-02'
    >>> detect_byline("by the way, it rained") is None
    True
    """
    line = line.strip()
    match = _BYLINE.fullmatch(line)
    if not match or len(line) > _BYLINE_MAX:
        return None
    chunks = _BYLINE_SEPARATORS.split(match.group("rest"))
    names = split_names(chunks[0])
    if not names or not all(_looks_like_name(n) for n in names):
        return None
    when = next((t for t in map(_chunk_date, chunks[1:]) if t is not None), None)
    return names, when


def _chunk_date(chunk: str) -> TimeValue | None:
    """The date in the part of a byline after a separator: "March 2, 2021" or "Published March 2, 2021"."""
    labelled = detect_date_line(chunk)
    if labelled is not None:
        return labelled[1]
    return parse_date(chunk)


def detect_date_line(line: str) -> tuple[str, TimeValue | None] | None:
    """A "Published ..." / "Updated ..." / "Date: ..." line: ("published" or "updated", date).

    The date is None when the line states none ("Published: Last Updated on"). A line holding
    both ("Published: May 1, 2021 Updated: May 2, 2021") gives the published date.

    >>> kind, when = detect_date_line("Published: February 17, 2021")
    >>> kind, when.edtf, when.text
    ('published', '2021-02-17', 'February 17, 2021')
    >>> detect_date_line("Published: Last Updated on")
    ('published', None)
    """
    line = line.strip()
    if len(line) > _DATE_LINE_MAX:
        return None
    labels = list(_DATE_LABEL.finditer(line))
    if not labels or labels[0].start() != 0:
        return None
    first_kind = _label_kind(labels[0].group(1))
    found: dict[str, TimeValue] = {}
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
        words = _LABEL_FILLER.sub("", line[label.end() : end]).strip()
        if not words:
            continue
        when = parse_date(words)
        if when is None:
            if i == 0 and labels[0].group(1).casefold() in {"date", "sent"}:
                return None  # "Date night ideas" is not a date line
            continue
        found.setdefault(_label_kind(label.group(1)), when)
    if "published" in found:
        return "published", found["published"]
    if "updated" in found:
        return "updated", found["updated"]
    if labels[0].group(1).casefold() in {"date", "sent"} and len(labels) == 1:
        return None
    return first_kind, None


def _label_kind(label: str) -> str:
    return "updated" if label.casefold() in _UPDATED_LABELS else "published"


_ATX_HEADING = re.compile(r"#{1,6}\s+(?P<title>.+?)(?:\s+#+)?\s*")
_SETEXT_UNDERLINE = re.compile(r"(?:=+|-+)\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def _head(text: str) -> list[str]:
    lines = [line.strip() for line in text.split("\n")]
    return [line for line in lines if line][:HEAD_LINES]


def detect_title(text: str) -> str | None:
    """The title a text starts with: its first heading, else its first line, shortened.

    Bylines and date lines are skipped. A first line longer than TITLE_MAX_CHARS is not a
    title as such; its first sentence is taken if short enough, else its first words up to a
    word boundary followed by "…" (the words are the document's own, never made up).

    >>> detect_title("## Notes\\n\\nSome text.")
    'Notes'
    >>> detect_title("Votes\\n=====\\n\\nText.")
    'Votes'
    """
    raw = [line.strip() for line in text.split("\n")]
    for i, line in enumerate(raw[: HEAD_LINES * 3]):
        heading = _ATX_HEADING.fullmatch(line)
        if heading:
            return heading.group("title").strip()
        if (
            line
            and i + 1 < len(raw)
            and _SETEXT_UNDERLINE.fullmatch(raw[i + 1])
            and (i == 0 or not raw[i - 1])
        ):
            return line
    for line in _head(text):
        if detect_byline(line) or detect_date_line(line):
            continue
        return _shorten(line)
    return None


def _shorten(line: str) -> str:
    if len(line) <= TITLE_MAX_CHARS:
        return line
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence
    cut = line[: _TITLE_CUT_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return f"{cut}…"


_NAMED_DAY = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])")


def from_name(source: str) -> Metadata:
    """The published day a file's name gives as a full date ("2016-02-15_story.txt",
    "ledger-20160215.html"), from its last path part: many archives and downloads name files so.
    A name with two different days, or none, gives nothing.

    >>> from_name("news/breitbart_2016-02-15_trump-praises.txt").published.edtf
    '2016-02-15'
    >>> from_name("report-2019-budget.txt").published is None
    True
    """
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    days = set()
    for found in _NAMED_DAY.finditer(name):
        try:
            days.add(date(int(found.group(1)), int(found.group(3)), int(found.group(4))))
        except ValueError:
            return Metadata()  # "2021-02-30": no day at all
    if len(days) != 1:
        return Metadata()
    return Metadata().with_field("published", TimeValue.of_day(days.pop()), "file name")


def from_text(text: str) -> Metadata:
    """The title, authors and published date the text itself states near its top.

    A "Published" line wins over a date in the byline. With only an "Updated" date, the
    publication is known only to be no later than it: the EDTF open interval ``../date``.
    """
    meta = Metadata()
    title = detect_title(text)
    if title:
        meta = meta.with_field("title", title, "first line")
    dates: dict[str, TimeValue] = {}
    for line in _head(text):
        byline = detect_byline(line)
        if byline:
            names, when = byline
            if not meta.authors:
                meta = meta.with_field("authors", names, "byline")
            if when:
                dates.setdefault("byline", when)
            continue
        dated = detect_date_line(line)
        if dated and dated[1] is not None:
            dates.setdefault(dated[0], dated[1])
    if "published" in dates:
        meta = meta.with_field("published", dates["published"], "published line")
    elif "byline" in dates:
        meta = meta.with_field("published", dates["byline"], "byline")
    elif "updated" in dates:
        updated = dates["updated"]
        bound = _edtf_or_none(f"../{updated.edtf}", updated.text or updated.edtf)
        meta = meta.with_field("published", bound, "published line")
    return meta
