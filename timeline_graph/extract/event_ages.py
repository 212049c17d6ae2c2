"""Years told by a person's age: "In 1995, at age seventeen, she ..." puts her birth in 1977 or
1978, so "she joined the club aged 14" happened in 1991 or 1992.

An age stated beside a year is an anchor; every other age of the same person in the document
(the same pronoun or the same name as the subject of its clause) becomes a date of the clause
it belongs to. Only a person whose anchors agree is dated, and only by a year range.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import TimeValue
from ..nlp import Parse, Token
from .event_predicates import TimexLike
from .times._lexicon import NUMBER_WORDS

__all__ = ["age_times"]

_NUMBER = r"(\d{1,2}|[a-z]+)"
#: "at age 17", "at the age of seventeen", "aged 14", "when she was six (years old)".
_AGE = re.compile(
    rf"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?{_NUMBER}|aged\s+{_NUMBER}"
    rf"|when\s+(?:she|he)\s+was\s+{_NUMBER}(?:\s+years?\s+old)?)\b(?!\s*(?:%|percent|years?\s+(?:ago|later)))",
    re.IGNORECASE)
_FEMININE = frozenset("she her hers herself".split())  # noqa: SIM905
_MASCULINE = frozenset("he him his himself".split())  # noqa: SIM905


@dataclass(frozen=True)
class _AgeTime:
    """The years an age phrase stands for."""

    start: int
    end: int
    text: str
    type: str
    time: TimeValue | None


def _years(word: str) -> int | None:
    value = int(word) if word.isdigit() else NUMBER_WORDS.get(word.casefold())
    return value if value is not None and 0 < value < 120 else None


def _person(parse: Parse, token: Token) -> str | None:
    """Whom an age is told of: the subject of the nearest clause above it, as a pronoun's gender
    or a name's last word."""
    current = token
    for _ in range(8):
        subject = next((k for k in parse.children(current) if k.dep.startswith("nsubj")), None)
        if subject is not None:
            word = subject.text.casefold()
            if word in _FEMININE:
                return "she"
            if word in _MASCULINE:
                return "he"
            return subject.text if subject.pos == "PROPN" else None
        if current.head == current.i:
            return None
        current = parse.tokens[current.head]
    return None


def _clause(parse: Parse, token: Token) -> int:
    """The predicate an age or a date belongs to: up the heads to the first verb (a "when she was
    six" clause belongs to the verb it is attached to)."""
    current = token
    for _ in range(12):
        cop = any(k.dep == "cop" for k in parse.children(current))
        if current.pos in ("VERB", "AUX") and not cop:
            return current.i
        if current.head == current.i:
            return current.i
        current = parse.tokens[current.head]
    return current.i


def age_times(text: str, parse: Parse, dated: Sequence[TimexLike]) -> list[TimexLike]:
    """A date for each age phrase of a person whose age is also stated beside a year."""
    found: list[tuple[int, int, int, str | None, int]] = []  # start, end, age, person, sentence
    for match in _AGE.finditer(text):
        word = next(g for g in match.groups() if g is not None)
        age = _years(word)
        token = parse.token_at(match.end(0) - 1)
        if age is None or token is None:
            continue
        found.append((match.start(), match.end(), age, _person(parse, token), token.sent))
    births: dict[str, tuple[int, int]] = {}
    anchored: set[int] = set()
    for start, end, age, person, sent in found:
        sentence = parse.sentences[sent]
        years = [t for t in dated if sentence.start <= t.start < sentence.end and t.time is not None
                 and t.time.precision in ("year", "month", "day") and t.time.earliest is not None]
        if person is None or len(years) != 1:
            continue
        age_token, year_token = parse.token_at(end - 1), parse.token_at(years[0].end - 1)
        if age_token is None or year_token is None or _clause(parse, age_token) != _clause(parse, year_token):
            continue  # "in 2001 she said she was hurt at age 12": the year is the saying's
        anchored.add(start)
        year = years[0].time.earliest.year  # type: ignore[union-attr]
        low, high = year - age - 1, year - age
        if person in births:
            low, high = max(low, births[person][0]), min(high, births[person][1])
        births[person] = (low, high)
    out: list[TimexLike] = []
    for start, end, age, person, _ in found:
        if start in anchored or person not in births or births[person][0] > births[person][1]:
            continue
        low, high = births[person]
        edtf = f"{low + age}/{high + age}" if low != high else str(low + age)
        out.append(_AgeTime(start, end, text[start:end], "DATE", TimeValue.from_edtf(edtf, text=text[start:end])))
    return out
