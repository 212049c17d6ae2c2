"""Figures a document states: "over 2,000 police departments", "about 22,000 incidents in 2020".

A quantity is a number (digits, with thousands separators, or "1.5 million") with an optional
qualifier before it ("more than", "about", "nearly"), followed by a measure: a noun phrase of
up to four words whose head is a plural noun ("police and fire departments" measures
"departments"). Years, days of months, times, money, percentages of nothing and durations
("12 hours"), money and units of measure are not quantities. The subject is the organization named last before the number
in its clause; the time is a date expression in the same clause after the figure ("in 2020"),
else the document's date. The predicate (the verb or noun that relates subject and figure,
"partnered", "agreements") is kept in ``measure`` after a slash, so figures of different things
never share a series: ``departments/partner``.

>>> from timeline_graph.model import Document
>>> doc = Document.create(sha256="d" * 64, text="Acme has partnered with over 2,000 police departments.", source="x")
>>> [(q.value, q.qualifier, q.measure) for q in find_quantities(doc, (), ())]
[(2000.0, 'more than', 'departments/partner')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import nlp
from ..model import Document, Entity, Quantity, Span, TimeValue, record_id
from ..nlp import Parse
from .events import TimexLike
from .text import LOWER, Intervals

__all__ = ["VERSION", "find_quantities", "qualifier_of"]

VERSION = "quantities-0.3.1"

_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("more than", r"more than|over|at least|upwards of|in excess of|north of"),
    ("less than", r"less than|fewer than|under|up to|at most"),
    ("about", r"about|around|roughly|approximately|nearly|almost|some|an estimated|close to"),
)
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_QUALIFIER_RE = "|".join(p for _, p in _QUALIFIERS)
_FIGURE = re.compile(
    rf"(?<![\w$£€.,])(?:(?P<qual>{_QUALIFIER_RE})\s+)?(?P<num>{_NUMBER})(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?![\w%]|[.,]\d)"
    r"(?P<measure>(?:\s+(?!of\b|and\b|in\b|on\b|to\b|for\b|from\b|with\b|by\b|at\b|the\b|a\b)[^\W\d_][\w-]*"
    rf"|\s+(?:and|or)\s+[{LOWER}][\w-]*){{1,4}})"
)
# Measures that are durations, units or parts of dates, never counted things here.
_NOT_MEASURES = frozenset(
    """
    hours hour days day weeks week months month years year minutes minute seconds second
    decades decade centuries century percent per cent times am pm a.m p.m th st nd rd
    cents dollars euros pounds yen yuan pesos rupees francs points shares barrels tons tonnes
    miles kilometers kilometres meters metres feet inches acres degrees
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_FUNCTION = frozenset(
    """
    of them those these which who that were was are is have has had will would can could
    and or but to in on for with by at as from it its their his her they we i you said says
    """.split()  # noqa: SIM905
)
_PREDICATE = re.compile(rf"\b([{LOWER}]{{4,}})\b")
_PREDICATE_STOP = frozenset(
    """
    with than more over about around nearly almost some that which have been also even into
    from their there this these those about after before during least total reportedly
    allegedly recently currently still just only other another across throughout
    """.split()  # noqa: SIM905
)


def qualifier_of(words: str | None) -> str:
    """The normalized qualifier of "over", "nearly", ... ("exactly" when there is none)."""
    if not words:
        return "exactly"
    for name, pattern in _QUALIFIERS:
        if re.fullmatch(pattern, words.casefold()):
            return name
    return "exactly"


def _head(measure: str) -> str | None:
    """The counted noun: the last plural word of the measure phrase before a function word."""
    words = re.findall(r"[^\W\d_][\w-]*", measure)
    kept: list[str] = []
    for word in words:
        if word.casefold() in _FUNCTION and kept and word.casefold() not in {"and", "or"}:
            break
        kept.append(word)
    plural = [w for w in kept if w.casefold() not in {"and", "or"}]
    for word in reversed(plural):
        low = word.casefold()
        if low.endswith("s") and not low.endswith("ss") and len(low) > 3 and low not in _FUNCTION:
            return None if low in _NOT_MEASURES else low
    return None


def _stem(word: str) -> str:
    for suffix in ("ships", "ship", "ments", "ment", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _clause_before(text: str, s_start: int, at: int) -> tuple[int, str]:
    """The clause before ``at``: back to the last comma, semicolon or dash in the sentence."""
    left = text[s_start:at]
    cut = max((m.end() for m in re.finditer(r"[;:—–]|,\s+(?:which|who|and|but)\b|\s-\s", left)), default=0)
    return s_start + cut, left[cut:]


def find_quantities(
    doc: Document, timexes: Sequence[TimexLike], entities: Sequence[Entity], parse: Parse | None = None
) -> tuple[Quantity, ...]:
    """Every counted figure of one document, with its subject and time where the text gives them."""
    text = doc.text
    parse = parse if parse is not None else nlp.parse(text)
    mentions = Intervals(sorted(
        ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: (x[0], x[1], x[2].id)
    ))
    dated = Intervals((t.start, t.end, (n, t)) for n, t in enumerate(
        t for t in timexes if t.time is not None and t.type in ("DATE", "TIME")))
    all_times = Intervals((t.start, t.end, None) for t in timexes)
    found: list[Quantity] = []
    for s_start, s_end in parse.sentence_bounds():
        for match in _FIGURE.finditer(text, s_start, s_end):
            n_start = match.start("num")
            if all_times.covers(n_start, n_start + 1):
                continue  # part of a date
            number = match.group("num")
            if re.fullmatch(r"(?:1[89]|20)\d\d", number):
                continue  # a year
            measure_words = match.group("measure")
            head = _head(measure_words)
            if head is None:
                continue
            value = float(number.replace(",", "")) * _SCALE.get(match.group("scale") or "", 1.0)
            c_start, clause = _clause_before(text, s_start, match.start())
            predicate = next(
                (
                    _stem(w)
                    for w in reversed(_PREDICATE.findall(clause))
                    if w not in _PREDICATE_STOP
                ),
                "",
            )
            subject = next(
                (e for _, _, e in reversed(mentions.inside(c_start, match.start())) if e.kind == "organization"),
                None,
            )
            if subject is None:  # "Acme ... which have agreements with Acme": after the figure
                subject = next(
                    (e for _, _, e in mentions.starting_in(match.end(), s_end) if e.kind == "organization"),
                    None,
                )
            head_at = re.search(rf"(?i)\b{re.escape(head)}\b", measure_words)
            end = match.start("measure") + (head_at.end() if head_at else len(measure_words.rstrip()))
            time = _time_after(text, match.end(), s_end, dated) or _document_time(doc)
            span = Span.at(doc, match.start(), end)
            found.append(
                Quantity(
                    id=record_id("qty", doc.id, span.start, span.end),
                    document=doc.id,
                    span=span,
                    value=value,
                    measure=f"{head}/{predicate}" if predicate else head,
                    qualifier=qualifier_of(match.group("qual")),
                    subject=subject.id if subject else None,
                    subject_name=subject.name if subject else None,
                    time=time,
                    extractor=f"quantities@{VERSION}",
                )
            )
    return tuple(found)


def _time_after(
    text: str, start: int, s_end: int, dated: Intervals[tuple[int, TimexLike]]
) -> TimeValue | None:
    """A date expression after the figure in the same clause ("22,000 incidents in 2020")."""
    for _, timex in sorted((v for _, _, v in dated.starting_in(start, s_end)), key=lambda v: v[0]):
        if (
            not re.search(r"[,;:—–]", text[start : timex.start])
            and len(text[start : timex.start].split()) <= 6
        ):
            return timex.time
    return None


def _document_time(doc: Document) -> TimeValue | None:
    return doc.published
