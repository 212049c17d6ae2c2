"""The records of a case: frozen, typed values with deterministic ids.

Every fact points at a :class:`Span`, the exact words of a stored :class:`Document`. A span is
checked against its document's text when it is built, so a quote that does not match cannot
exist. Ids are hashes of what defines a record, so the same inputs give the same ids.

>>> doc = Document.create(sha256="a" * 64, text="Police asked on June 16.", source="a.txt")
>>> span = Span.at(doc, 16, 23)
>>> span.exact
'June 16'
>>> TimeValue.from_edtf("2020-22").latest
datetime.date(2020, 8, 31)
"""

from __future__ import annotations

import bisect
import hashlib
import re
import time
from dataclasses import InitVar, dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, get_args

from .errors import ModelError, SpanError

__all__ = [
    "ADMIRALTY_CODE",
    "CONTEXT_CHARS",
    "DECISION_ACTIONS",
    "ENTITY_KINDS",
    "AgentKind",
    "Citation",
    "Claim",
    "Conflict",
    "ConflictKind",
    "Decision",
    "DecisionAction",
    "Document",
    "Entity",
    "EntityKind",
    "Event",
    "Participant",
    "Precision",
    "Quantity",
    "Records",
    "Report",
    "Role",
    "Span",
    "TimeValue",
    "record_id",
]

#: Characters of context kept before and after a quote (W3C TextQuoteSelector prefix/suffix).
CONTEXT_CHARS = 32

EntityKind = Literal["person", "organization", "place", "product", "work"]
ConflictKind = Literal["date", "quantity", "statement", "attribution"]
DecisionAction = Literal["merge", "split", "accept", "reject", "redate", "add", "grade", "relabel", "retype",
                         "attribute", "resolve", "retarget", "undo", "add-claim", "add-citation"]
#: Every decision action, in the order the log's documentation lists them.
DECISION_ACTIONS: tuple[str, ...] = get_args(DecisionAction)
#: The kinds an entity can have.
ENTITY_KINDS: tuple[str, ...] = get_args(EntityKind)
AgentKind = Literal["person", "software"]
Precision = Literal[
    "day", "month", "season", "quarter", "third", "half", "year", "decade", "century", "interval", "unknown"
]
# EDTF level 2 sub-year groupings: 21-32 seasons, 33-36 quarters, 37-39 thirds, 40-41 halves.
_SUB_YEAR: dict[range, Precision] = {range(21, 33): "season", range(33, 37): "quarter",
                                     range(37, 40): "third", range(40, 42): "half"}

_SHA256 = re.compile(r"[0-9a-f]{64}")
_DAY = timedelta(days=1)


def record_id(prefix: str, *parts: object) -> str:
    """A deterministic id: ``prefix-`` and 16 hex digits of the sha256 of the parts."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha256(joined.encode('utf-8')).hexdigest()[:16]}"


# ---------------------------------------------------------------------------------------------
# Time


def _bound(struct: time.struct_time) -> date | None:
    """A struct_time from the edtf package as a date, or None where the year is unspecified."""
    if not 1 <= struct.tm_year <= 9998:
        return None
    return date(struct.tm_year, struct.tm_mon, struct.tm_mday)


_PLAIN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _plain_date(value: str) -> tuple[date, date] | None:
    """The bounds of a plain year, month or day (``2020``, ``2020-06``, ``2020-06-16``), or None.

    The edtf package's parser takes about 20 ms a value; a large document states thousands of
    different days, so these common values are read here (to the same bounds).
    """
    found = _PLAIN.fullmatch(value)
    if found is None or not 1 <= int(found.group(1)) <= 9998:
        return None
    year, month, day = int(found.group(1)), found.group(2), found.group(3)
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            start = date(year, int(month), 1)
            return start, (date(year + 1, 1, 1) if start.month == 12 else date(year, start.month + 1, 1)) - _DAY
        return date(year, int(month), int(day)), date(year, int(month), int(day))
    except ValueError:
        return None  # "2020-13": let the edtf package say why it is not a date


_QUALIFIED = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)[?~%]?")
_DECADE = re.compile(r"(\d{3})X|(\d{2})XX")
_UNKNOWN_YEAR = re.compile(r"XXXX-(\d{2})(?:-(\d{2}))?")
_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _side(value: str) -> tuple[date, date] | None:
    """The bounds of a plain value with at most one qualifier (``2021-05~``), or None."""
    found = _QUALIFIED.fullmatch(value)
    return None if found is None else _plain_date(found.group(1))


def _common_bounds(value: str) -> tuple[date | None, date | None] | None:
    """The bounds of the EDTF forms the extractors write most, read without the edtf parser.

    Plain and qualified dates, intervals of them (open ends ``..`` too), decades, centuries and
    days of an unknown year; None for anything else, which the edtf package reads. A test checks
    these against the package's own bounds.
    """
    whole = _side(value)
    if whole is not None:
        return whole
    if "/" in value:
        first, _, last = value.partition("/")
        lower = None if first == ".." else _side(first)
        upper = None if last == ".." else _side(last)
        if (lower is None and first != "..") or (upper is None and last != "..") or first == last == "..":
            return None
        return (lower[0] if lower else None), (upper[1] if upper else None)
    found = _DECADE.fullmatch(value)
    if found is not None:
        start, width = (int(found.group(1)) * 10, 10) if found.group(1) else (int(found.group(2)) * 100, 100)
        return (date(start, 1, 1), date(start + width - 1, 12, 31)) if start >= 1 else None
    found = _UNKNOWN_YEAR.fullmatch(value)
    if found is not None:
        month, day = int(found.group(1)), found.group(2)
        if 1 <= month <= 12 and (day is None or 1 <= int(day) <= _LONGEST_MONTH[month - 1]):
            return None, None
    return None


@lru_cache(maxsize=4096)
def _edtf_bounds(value: str) -> tuple[date | None, date | None]:
    """The strict earliest and latest day of an EDTF value (ModelError if it is not one)."""
    common = _common_bounds(value)
    if common is not None:
        return common
    from edtf import parse_edtf  # imported here: the edtf grammar is slow to load

    try:
        parsed = parse_edtf(value)
    except Exception as err:  # the edtf package raises its own and pyparsing's errors
        raise ModelError(f"not a valid EDTF value: {value!r} ({err})") from err
    try:
        earliest = _bound(parsed.lower_strict())
    except (TypeError, ValueError, AttributeError):
        earliest = None
    try:
        latest = _bound(parsed.upper_strict())
    except (TypeError, ValueError, AttributeError):
        latest = None
    return earliest, latest


def _precision_of(value: str) -> Precision:
    core = value.rstrip("?~%")
    if "/" in core:
        return "interval"
    if re.fullmatch(r"-?\d{4}-(2[1-9]|3[0-9]|4[01])", core):
        return next(p for r, p in _SUB_YEAR.items() if int(core[-2:]) in r)
    if re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", core):
        return "day"
    if re.fullmatch(r"-?\d{4}-\d{2}", core):
        return "month"
    if re.fullmatch(r"\d{4}", core):
        return "year"
    if re.fullmatch(r"\d{3}X", core):
        return "decade"
    if re.fullmatch(r"\d{2}XX", core):
        return "century"
    return "unknown"


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time as precise as the source allows: an EDTF string and its earliest and latest day.

    ``earliest``/``latest`` are the strict bounds of the EDTF value (a season spans its three
    months; ``XXXX-06-16`` has no bounds). ``text`` is the words it came from and ``anchor``
    what a relative expression was resolved against (``"document date 2021-02-17"``).
    """

    edtf: str
    earliest: date | None
    latest: date | None
    precision: Precision = "unknown"
    text: str | None = None
    anchor: str | None = None

    def __post_init__(self) -> None:
        if not self.edtf:
            raise ModelError("TimeValue needs an EDTF string")
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ModelError(f"TimeValue {self.edtf!r}: earliest {self.earliest} is after latest {self.latest}")

    @classmethod
    def from_edtf(cls, value: str, *, text: str | None = None, anchor: str | None = None) -> TimeValue:
        """Parse an EDTF string with the edtf package and take its strict bounds."""
        return cls(value, *_edtf_bounds(value), _precision_of(value), text, anchor)

    @classmethod
    def of_day(cls, day: date, *, text: str | None = None, anchor: str | None = None) -> TimeValue:
        """An exact day."""
        return cls(day.isoformat(), day, day, "day", text, anchor)

    @property
    def approximate(self) -> bool:
        """True when the EDTF value is marked approximate (``~`` or ``%``)."""
        return "~" in self.edtf or "%" in self.edtf

    @property
    def uncertain(self) -> bool:
        """True when the EDTF value is marked uncertain (``?`` or ``%``)."""
        return "?" in self.edtf or "%" in self.edtf

    def sort_key(self) -> tuple[date, date, str]:
        """Order by earliest day, then latest day; unbounded values go last."""
        return (self.earliest or date.max, self.latest or date.max, self.edtf)

    def overlaps(self, other: TimeValue) -> bool:
        """Whether the two values' bounds can describe the same time (unknown bounds can)."""
        if self.earliest and other.latest and self.earliest > other.latest:
            return False
        return not (other.earliest and self.latest and other.earliest > self.latest)


# ---------------------------------------------------------------------------------------------
# Documents and spans


@dataclass(frozen=True)
class Document:
    """One ingested file: its normalized text (that all spans index into) and its metadata.

    ``metadata_origin`` says where each known field came from, as ``(field, origin)`` pairs,
    for example ``("published", "byline")`` or ``("title", "front matter")``.
    """

    id: str
    sha256: str
    text: str
    source: str
    media_type: str = "text/plain"
    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: TimeValue | None = None
    url: str | None = None
    language: str | None = None
    metadata_origin: tuple[tuple[str, str], ...] = ()
    #: Whom a message was sent to (an email's To and Cc), as the message names them.
    recipients: tuple[str, ...] = ()
    #: Where each page starts in ``text`` (a PDF's pages, the first at 0); empty when unpaged.
    pages: tuple[int, ...] = ()
    #: ``(start, end)`` ranges of ``text`` quoted from earlier messages: others' words, not the author's.
    quoted: tuple[tuple[int, int], ...] = ()
    #: An email's Message-ID, and the ids of the messages it answers (In-Reply-To, References).
    message_id: str | None = None
    replies_to: tuple[str, ...] = ()
    #: The id of the document this one came inside (an attachment's message).
    part_of: str | None = None
    #: The sha256 of the bytes this document was read out of, when they hold more than it (a
    #: mailbox, a web archive, the message an attachment came in), and its place in them: the
    #: message's number in a mailbox (``message-3``), a WARC record's WARC-Record-ID, an
    #: attachment's file name. None for a file that is one document.
    container_sha256: str | None = None
    container_path: str | None = None

    def __post_init__(self) -> None:
        if not _SHA256.fullmatch(self.sha256):
            raise ModelError(f"{self.source}: sha256 must be 64 lowercase hex digits")
        if self.id != self.id_for(self.sha256):
            raise ModelError(f"{self.source}: document id {self.id!r} does not match its sha256")
        if not self.text.strip():
            raise ModelError(f"{self.source}: a document needs some text")
        if (self.container_sha256 is None) != (self.container_path is None):
            raise ModelError(f"{self.source}: a container's sha256 and the path inside it go together")
        if self.container_sha256 is not None and not _SHA256.fullmatch(self.container_sha256):
            raise ModelError(f"{self.source}: the container's sha256 must be 64 lowercase hex digits")

    @staticmethod
    def id_for(sha256: str) -> str:
        """The id of the document whose bytes have this sha256."""
        return f"doc-{sha256[:16]}"

    @classmethod
    def create(cls, *, sha256: str, text: str, source: str, **metadata: object) -> Document:
        """Build a document, deriving its id from the sha256 of its bytes."""
        return cls(id=cls.id_for(sha256), sha256=sha256, text=text, source=source, **metadata)  # type: ignore[arg-type]

    def inside(self, container_sha256: str, path: str) -> Document:
        """This document as read out of bytes holding more than it (whose sha256 is given), at ``path``."""
        return replace(self, container_sha256=container_sha256, container_path=path)

    @property
    def label(self) -> str:
        """A short human name: the title, else the source path."""
        return self.title or self.source

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding character ``offset`` of the text; None for an unpaged document.

        >>> Document.create(sha256="b" * 64, text="One.\\fTwo.", source="a.pdf", pages=(0, 5)).page_at(6)
        2
        """
        if not self.pages:
            return None
        return bisect.bisect_right(self.pages, offset)

    def label_at(self, offset: int) -> str:
        """The label, with the page of character ``offset`` for a paged document ("Report, p. 4")."""
        page = self.page_at(offset)
        return self.label if page is None else f"{self.label}, p. {page}"

    def in_quoted(self, offset: int) -> bool:
        """Whether character ``offset`` of the text lies in a passage quoted from another message."""
        return any(start <= offset < end for start, end in self.quoted)


@dataclass(frozen=True, kw_only=True, slots=True)
class Span:
    """Exact words of a document: ``text[start:end] == exact``, checked at construction.

    The document's ``text`` must be passed to build a span and is not stored; use
    :meth:`at` or :meth:`find` with a :class:`Document` in normal code.
    """

    document: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    text: InitVar[str]

    def __post_init__(self, text: str) -> None:
        if not 0 <= self.start < self.end <= len(text):
            raise SpanError(f"span {self.start}:{self.end} is outside document {self.document} ({len(text)} characters)")
        found = text[self.start : self.end]
        if found != self.exact:
            raise SpanError(f"span {self.start}:{self.end} of {self.document} reads {found!r}, not {self.exact!r}")
        # Bounds rather than slices: slicing copied the text before the span, so checking every
        # span of a large document took time quadratic in its size.
        if not text.endswith(self.prefix, 0, self.start) or not text.startswith(self.suffix, self.end):
            raise SpanError(f"span {self.start}:{self.end} of {self.document}: prefix or suffix does not match")

    @classmethod
    def at(cls, document: Document, start: int, end: int) -> Span:
        """The span of ``document.text[start:end]``, with context before and after."""
        text = document.text
        return cls(
            document=document.id,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            text=text,
        )

    @classmethod
    def find(cls, document: Document, exact: str, start: int = 0) -> Span:
        """The first span reading ``exact`` at or after ``start``; SpanError if there is none."""
        at = document.text.find(exact, start)
        if at < 0 or not exact:
            raise SpanError(f"{exact!r} does not occur in document {document.id}")
        return cls.at(document, at, at + len(exact))

    @property
    def key(self) -> tuple[str, int, int]:
        """What identifies the span: document, start, end."""
        return (self.document, self.start, self.end)


# ---------------------------------------------------------------------------------------------
# Extracted and resolved records


@dataclass(frozen=True, slots=True)
class Role:
    """A role an entity holds, as a text states it ("Detective", "policy analyst" at an org)."""

    title: str
    span: Span
    affiliation: str | None = None  # an entity id


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization, place, product or external work, with every mention's span."""

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    roles: tuple[Role, ...] = ()

    @staticmethod
    def id_for(kind: str, name: str) -> str:
        """The id of the entity of this kind and canonical name."""
        return record_id("ent", kind, " ".join(name.casefold().split()))


@dataclass(frozen=True, slots=True)
class Participant:
    """An entity taking part in an event, and how ("agent", "recipient", "subject", ...)."""

    entity: str
    role: str = "participant"


@dataclass(frozen=True, slots=True)
class Report:
    """One document reporting an event: where it says so and the time it gives."""

    document: str
    span: Span
    stated_time: TimeValue | None = None
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, when, who took part, and every document that reports it."""

    id: str
    label: str
    time: TimeValue | None
    reports: tuple[Report, ...]
    participants: tuple[Participant, ...] = ()
    place: str | None = None  # an entity id
    kind: str = "event"

    def __post_init__(self) -> None:
        if not self.reports:
            raise ModelError(f"event {self.id} ({self.label!r}) has no report: no fact without a citation")

    @property
    def documents(self) -> tuple[str, ...]:
        """The ids of the documents reporting this event, in report order, without repeats."""
        return tuple(dict.fromkeys(r.document for r in self.reports))


@dataclass(frozen=True, slots=True)
class Claim:
    """A reported statement: who made it (a person, an organization, or the document's voice)."""

    id: str
    text: str
    document: str
    span: Span
    claimant: str | None = None  # an entity id; None is the document's own voice
    claimant_name: str | None = None
    quote: str | None = None
    verb: str | None = None
    reported: TimeValue | None = None  # when the reporting document says it
    about: tuple[str, ...] = ()  # entity ids
    cluster: str | None = None
    extractor: str = ""
    #: The words that signal the attribution ("said", "according to", "hopes").
    cue: Span | None = None
    #: The exact words attributed, in parts when the cue splits a quotation; ``span`` covers them all.
    content: tuple[Span, ...] = ()
    #: The words naming the source ("a police spokesman", "she"), when the text gives them.
    source: Span | None = None
    #: The source is described but not named ("two officials", "a spokesman").
    unnamed: bool = False
    #: The claim this one is reported inside ("X said that Y told him ..." -> Y's claim has X's as parent).
    parent: str | None = None

    def __post_init__(self) -> None:
        for part in (self.span, self.cue, self.source, *self.content):
            if part is not None and part.document != self.document:
                raise ModelError(f"claim {self.id}: a span is in {part.document}, not {self.document}")

    @property
    def passage(self) -> tuple[int, int]:
        """(start, end) offsets covering the whole attribution: source, cue and content."""
        parts = [p for p in (self.span, self.cue, self.source, *self.content) if p is not None]
        return min(p.start for p in parts), max(p.end for p in parts)


@dataclass(frozen=True, slots=True)
class Citation:
    """A document saying it relies on another source, resolved where the case allows."""

    id: str
    document: str
    span: Span
    cites_label: str
    cites_document: str | None = None
    cites_entity: str | None = None
    kind: str = "according-to"
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that disagree: the items and documents involved and a one-line explanation."""

    id: str
    kind: ConflictKind
    items: tuple[str, ...]
    documents: tuple[str, ...]
    explanation: str
    spans: tuple[Span, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure a document states: how many of what (``measure``), of whom, when, where said.

    ``value`` is the number as stated ("over 2,000" is 2000 with ``qualifier`` "more than");
    ``subject`` is the entity the figure is about (an entity id) and ``subject_name`` its words.
    ``series`` groups the quantities that measure the same thing of the same subject.
    """

    id: str
    document: str
    span: Span
    value: float
    measure: str
    qualifier: str = "exactly"  # "exactly", "about", "more than", "less than"
    subject: str | None = None  # an entity id
    subject_name: str | None = None
    time: TimeValue | None = None
    series: str | None = None
    extractor: str = ""

    def __post_init__(self) -> None:
        if self.span.document != self.document:
            raise ModelError(f"quantity {self.id}: its span is in {self.span.document}, not {self.document}")


# ---------------------------------------------------------------------------------------------
# Curation

#: An Admiralty (NATO) source grade: reliability A-F, then credibility 1-6.
ADMIRALTY_CODE = re.compile(r"[A-F][1-6]")
_UTC_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


@dataclass(frozen=True, kw_only=True)
class Decision:
    """A curator's decision about the graph: who, when, what, on which records, and why.

    ``targets`` are the record ids it acts on, in order (a merge keeps the first). ``value``
    holds what the action needs: a grade's Admiralty code, a split's alias or document id, an
    added or relabelled event's label, an entity's new kind (retype), ``unnamed`` for a claim
    whose source is described but not named (attribute; attributing a claim to an entity names
    the entity as the second target), the document whose date stands (resolve a date conflict). A ``retarget`` names a source citation, then the case document it cites. An ``undo``
    targets earlier decisions' ids. ``time`` is the new date of a re-dated or added event, and ``span`` the
    source words of an added event, claim or source citation. An ``add-claim`` names its claimant
    (an entity) as its target, or has the value ``unnamed`` (neither: the document's own voice);
    an ``add-citation`` names the case document cited as its target, or gives the cited source's
    name as its value. ``at`` is a UTC time to the second (``2026-11-22T08:01:02Z``).
    """

    id: str
    action: DecisionAction
    targets: tuple[str, ...]
    agent: str
    at: str
    reason: str = ""
    value: str | None = None
    time: TimeValue | None = None
    span: Span | None = None
    agent_kind: AgentKind = "person"

    def __post_init__(self) -> None:
        if not self.agent.strip():
            raise ModelError(f"decision {self.id}: it needs the name of who made it")
        if not _UTC_SECOND.fullmatch(self.at):
            raise ModelError(f"decision {self.id}: 'at' must be a UTC time like 2026-11-22T08:01:02Z, got {self.at!r}")
        if self.action == "grade" and not (self.value and ADMIRALTY_CODE.fullmatch(self.value)):
            raise ModelError(f"decision {self.id}: a grade is a letter A-F and a digit 1-6 (like B2), got {self.value!r}")

    @classmethod
    def create(cls, *, action: DecisionAction, targets: tuple[str, ...], agent: str, at: str, reason: str = "",
               value: str | None = None, time: TimeValue | None = None, span: Span | None = None,
               agent_kind: AgentKind = "person") -> Decision:
        """A decision with its id derived from everything it says."""
        where = (span.document, span.start, span.end) if span else ()
        return cls(id=record_id("dec", action, *targets, "|", agent, agent_kind, at, reason, value,
                                time.edtf if time else None, *where),
                   action=action, targets=targets, agent=agent, at=at, reason=reason, value=value, time=time,
                   span=span, agent_kind=agent_kind)


@dataclass(frozen=True)
class Records:
    """Everything a build produced for one case, ready to become a graph."""

    documents: tuple[Document, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    citations: tuple[Citation, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    decisions: tuple[Decision, ...] = ()
