"""What can never be an event, read from the layout and the words: datelines, bylines,
headings, captions, photo credits, navigation, boilerplate and reference entries; and which time
expressions can date an event at all (a value, a date or time, an era stated before 1900)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ..model import Document, TimeValue
from .event_words import NOT_EVENT_TIMES
from .text import is_title_like, reference_entries

if TYPE_CHECKING:
    from .event_predicates import TimexLike

__all__ = ["ERA_YEAR", "clock_alone", "clock_on_the_date", "era_stated", "excluded_zones", "quotes_of", "time_ok", "topic_time"]

#: Before this year an event needs its era stated: a number is easily read as a year by accident.
ERA_YEAR = 1900
#: Words that state an era: a month, a season, "year", "century", an era marker.
_ERA_WORDS = re.compile(
    r"\b(?:(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|spring|summer|autumn|fall|winter|"
    r"years?|century|centuries)\b|\b(?-i:A\.D\.|B\.C\.|AD|BC|CE|BCE)(?!\w)",
    re.IGNORECASE,
)


def era_stated(text: str, timex: TimexLike, time: TimeValue) -> bool:
    """Whether a date can date an event: any date from 1900 on, an earlier one only with its era
    stated in or right around its words ("in March 1133", "the year 1133", "the 12th century",
    "1133 AD"), never a bare "1133" or "the 1800s"."""
    if time.latest is None or time.latest.year >= ERA_YEAR:
        return True
    if time.precision in ("day", "month", "season", "quarter", "third", "half", "century"):
        return True
    return bool(_ERA_WORDS.search(text, max(0, timex.start - 12), min(len(text), timex.end + 6)))


_CREDIT = re.compile(
    r"\b(?:Image|Photo|Photograph|Picture|Credit|Illustration|Video)s?\s*:|Getty Images|\bAP Photo\b|"
    r"\(Photo\b|\bFile (?:photo|image)\b|\bREUTERS/|/AFP\b|\bShutterstock\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^\s*(?:(?:Sources?|Related(?:\s+(?:news|stories|articles|coverage|links|content|reading))?|Share(?:\s+this)?|"
    r"Comments?)\s*(?::|\||$|\(\d+\)|\n)|Share\s+(?:on|via)\b|Categories\s*:|Read more\b|Follow us\b|Subscribe\b|"
    r"Sign up\b|Advertisement\b|Copyright\b|©|All rights reserved\b|Click here\b|"
    r"Editor(?:['\u2019]s|s['\u2019])?\s+note\s*:|Corrections?\s*:|Clarification\s*:|"
    r"(?:This|The)\s+(?:story|article|post|report|page)\s+(?:has\s+been|was|will\s+be|is\s+being)\s+"
    r"(?:updated|corrected|amended|revised)\b|"
    r"(?:(?:This|The)\s+)?(?:interview|conversation|Q\s*&\s*A|transcript|exchange|questions\s+and\s+answers)\s+"
    r"(?:has|have)\s+been\s+(?:lightly\s+)?(?:edited|condensed)\b)",
    re.IGNORECASE,
)


#: A heading over a list of sources, links or further reading: the short one-line paragraphs
#: under it are entries of the list ("\u201cTitle\u201d \u2014 Outlet, August 15, 2008"), not sentences of the story.
_LIST_HEADING = re.compile(
    r"^\s*(?:Sources?|References?|Notes|Bibliography|Further reading|External links|See also|Related"
    r"(?:\s+(?:news|stories|articles|coverage|links|reading))?)\s*:?\s*$",
    re.IGNORECASE)


#: A contributor line: "Staff writer Ann Lowe contributed from Porto.", "Reporting was
#: contributed by ...", "... contributed to this report."
_CONTRIBUTOR = re.compile(
    r"\b(?:writers?|reporters?|correspondents?|staff|reporting)\b[^\n]{0,120}\bcontributed\b"
    r"|\bcontributed\b[^\n]{0,60}\b(?:to\s+this\s+(?:report|story|article)|reporting)\b",
    re.IGNORECASE)


#: A run of three or more words in capitals opening a line ("CORRECTION APPENDED", "FULL TEXT",
#: a section heading run into its paragraph): a heading or notice, never a sentence of the story.
_CAPITALS = re.compile(r"^[^\S\n]*(?:[A-Z][A-Z'\u2019.,&-]*[^\S\n]+){1,}[A-Z][A-Z'\u2019&-]+\b(?![a-z])", re.MULTILINE)


def _capital_runs(text: str) -> list[tuple[int, int]]:
    """The runs of words in capitals opening a line, with eight letters or more, in a text that is
    not itself written in capitals."""
    letters = list(filter(str.isalpha, text))
    if not letters or sum(map(str.isupper, letters)) > len(letters) / 2:
        return []
    return [(m.start(), m.end()) for m in _CAPITALS.finditer(text) if sum(c.isalpha() for c in m.group()) >= 8]


def excluded_zones(doc: Document) -> list[tuple[int, int]]:
    """Datelines, bylines, headings (a one-line paragraph without a full stop before the first
    that has one: the headline; words in capitals opening a line), captions, photo credits,
    navigation and reference entries."""
    from ..nlp.layout import paragraphs

    text = doc.text
    zones = [entry.line for entry in reference_entries(text)] + _capital_runs(text)
    for match in re.finditer(r"^[^\n]{0,80}$", text, re.MULTILINE):
        line = match.group().strip()
        words = line.split()
        if re.match(r"(?i)(published|updated|posted|by\b|last updated)", line) or (
            0 < len(words) <= 6 and not line.endswith(".")
        ):
            zones.append((match.start(), match.end()))
    # A headline in title case may end with a full stop, as the text's first line; where the
    # document states its title elsewhere (front matter, markup, metadata), its first paragraph is
    # the body's lede, however many names it holds.
    titled_elsewhere = dict(doc.metadata_origin).get("title") not in (None, "first line")
    # A text of one paragraph has no body under a headline: a sentence in it full of names
    # ("Okafor, Brandt and Silva met Reyes.") is the text itself.
    blocks = paragraphs(text)
    alone = len(blocks) == 1
    body = False
    listing = False
    for index, (start, end) in enumerate(blocks):
        block = text[start:end]
        if _LIST_HEADING.match(block):
            listing = True
        elif listing and ("\n" in block.strip() or len(block) >= 300):
            listing = False
        if listing:
            zones.append((start, end))
        if _CREDIT.search(block) or _BOILERPLATE.match(block) or (len(block) < 300 and _CONTRIBUTOR.search(block)):
            zones.append((start, end))
        ended = block.rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))
        headline = not ended or (index == 0 and not titled_elsewhere and not alone and is_title_like(block))
        if not body and "\n" not in block.strip() and headline:
            zones.append((start, end))  # a headline above the body: the body tells its events
        body = body or ended
    return zones


#: A time that is what something is about ("a remark about the '60s", "a book regarding the
#: 1990s"), not when anything happened.
_TOPIC_BEFORE = re.compile(r"\b(?:about\s+the|regarding(?:\s+the)?|concerning(?:\s+the)?)\s+$", re.IGNORECASE)


def time_ok(text: str, timex: TimexLike) -> bool:
    """A time expression that can date an event: a date or time with a value, era stated, not
    the topic of a phrase ("about the 1960s")."""
    time = timex.time
    return (
        time is not None
        and timex.type in ("DATE", "TIME")
        and timex.text.casefold() not in NOT_EVENT_TIMES
        and era_stated(text, timex, time)
        and not topic_time(text, timex)
    )


def topic_time(text: str, timex: TimexLike) -> bool:
    """Whether a time is what a phrase is about: "about the '60s" ("about 1990" is an estimate)."""
    if _TOPIC_BEFORE.search(text, max(0, timex.start - 20), timex.start):
        return True
    return timex.text[:4].casefold() == "the " and bool(
        re.search(r"\b(?:about|regarding|concerning)\s+$", text[max(0, timex.start - 15) : timex.start], re.IGNORECASE))


def quotes_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words in double quotation marks."""
    from .text import quotes

    return quotes(text)


#: Words that give a clock time its day ("10am today", "9 pm on Sunday", "March 3 at noon").
_DAY_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec|\d{4}|\d{1,2}(?:st|nd|rd|th))", re.IGNORECASE)


def clock_alone(timex: TimexLike) -> bool:
    """Whether a time is a clock time with no day in its own words ("at 2:30"): its day is
    whatever date was told before, so a day the same clause names ("at 2:30 the next day") is
    the one."""
    return timex.type == "TIME" and not _DAY_WORDS.search(timex.text)


def clock_on_the_date(timex: TimexLike, dct: date | None) -> bool:
    """Whether a time is a clock time alone ("at 22:30", "from 6:00am") whose day was taken from
    the document's own date: it tells the hour, not the day (an act of the evening before, or of
    the day a dateline does not give), so it dates no act to that day."""
    time = timex.time
    return (dct is not None and time is not None and timex.type == "TIME" and time.earliest == dct
            and time.latest == dct and not _DAY_WORDS.search(timex.text))
