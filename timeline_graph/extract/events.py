"""Dated events: for each sentence with a resolved date, what happened then and who took part.

For every DATE (or TIME) expression with a resolved :class:`~timeline_graph.model.TimeValue`
the main verb nearest to it is found by simple rules (past-tense forms and a list of common
verbs), and the label is the clause around it: the subject before the verb and a few words
after, under twelve words. Entities mentioned in the sentence take part (the one in subject
position as "agent"). Datelines, bylines and reference-list dates are not events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ..model import Document, Entity, Event, Participant, Report, Span, TimeValue, record_id
from .text import reference_entries, sentences, strip_span

__all__ = ["VERSION", "TimexLike", "find_events"]

VERSION = "events-0.1.0"


class TimexLike(Protocol):
    """What events need of a time expression (``times.Timex`` has these fields)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def time(self) -> TimeValue | None: ...


_IRREGULAR = frozenset(
    """
    said told sent began made took met ran gave found saw left won lost fell rose held sold
    bought paid spent brought became kept led built wrote spoke broke chose drove fought grew
    heard meant shot stood taught went came got set put cut hit let read shut spread struck
    says tells sends begins makes takes meets runs gives finds holds sells becomes leads writes
    asks requests partners publishes reports announces launches releases shows
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_NOT_VERBS = frozenset(
    """
    need speed red bed indeed hundred united limited based related detailed advanced proposed
    so-called alleged redacted armed concerned interested connected supposed
    """.split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "request",
        re.compile(r"\b(?:request\w*|ask\w*|sought|seek\w*|subpoena\w*|demand\w*)\b", re.I),
    ),
    (
        "publication",
        re.compile(r"\b(?:publish\w*|releas\w*|report\w*|post\w*|ran|print\w*)\b", re.I),
    ),
    ("statement", re.compile(r"\b(?:said|says|told|state\w*|announc\w*|tweet\w*|wrote)\b", re.I)),
    ("partnership", re.compile(r"\b(?:partner\w*|agree\w*|contract\w*|sign\w*|deal)\b", re.I)),
    ("protest", re.compile(r"\b(?:protest\w*|demonstrat\w*|march\w*|rall\w*)\b", re.I)),
    ("killing", re.compile(r"\b(?:kill\w*|death|died|shot|murder\w*)\b", re.I)),
    ("creation", re.compile(r"\b(?:creat\w*|launch\w*|found\w*|set up|establish\w*)\b", re.I)),
)
_DETERMINERS = frozenset("a an the this that these those its their his her our".split())  # noqa: SIM905
_BOUNDARY = re.compile(r"[,;:—–()“”\"]|\s-\s")


def _is_verb(word: str, previous: str) -> bool:
    w = word.casefold()
    if w in _NOT_VERBS or previous.casefold() in _DETERMINERS:
        return False
    if w in _IRREGULAR:
        return True
    return len(w) > 4 and w.endswith("ed") and not w.endswith("eed")


def _excluded_zones(doc: Document) -> list[tuple[int, int]]:
    """Datelines, bylines and reference entries: their dates are not events."""
    text = doc.text
    zones = [entry.line for entry in reference_entries(text)]
    for match in re.finditer(r"^[^\n]{0,80}$", text, re.MULTILINE):
        line = match.group().strip()
        words = line.split()
        if re.match(r"(?i)(published|updated|posted|by\b|last updated)", line) or (
            0 < len(words) <= 6 and not line.endswith(".")
        ):
            zones.append((match.start(), match.end()))
    return zones


def find_events(
    doc: Document, timexes: Sequence[TimexLike], entities: Sequence[Entity]
) -> tuple[Event, ...]:
    """One event per dated clause, labelled by its subject and verb phrase."""
    text = doc.text
    bounds = sentences(text)
    excluded = _excluded_zones(doc)
    mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
    events: dict[str, Event] = {}
    for timex in timexes:
        time = timex.time
        if time is None or timex.type not in ("DATE", "TIME"):
            continue
        if any(s <= timex.start and timex.end <= e for s, e in excluded):
            continue
        sentence = next(((s, e) for s, e in bounds if s <= timex.start < e), None)
        if sentence is None:
            continue
        clause = _clause(text, sentence, timex.start, timex.end)
        if clause is None:
            continue
        label, (c_start, c_end), verb_at = clause
        span = Span.at(doc, min(c_start, timex.start), max(c_end, timex.end))
        event_id = record_id("evt", doc.id, span.start, span.end)
        if event_id in events:
            continue
        in_sentence = [(s, e, i) for s, e, i in mentions if sentence[0] <= s and e <= sentence[1]]
        agent = next(
            (i for s, e, i in reversed(in_sentence) if c_start <= s and e <= verb_at), None
        )
        participants = tuple(
            Participant(entity_id, "agent" if entity_id == agent else "participant")
            for entity_id in dict.fromkeys(i for _, _, i in in_sentence)
        )
        events[event_id] = Event(
            id=event_id,
            label=label,
            time=time,
            reports=(Report(doc.id, span, time, f"events@{VERSION}"),),
            participants=participants,
            kind=_kind(label),
        )
    return tuple(sorted(events.values(), key=lambda ev: ev.reports[0].span.start))


def _kind(label: str) -> str:
    for kind, pattern in _KINDS:
        if pattern.search(label):
            return kind
    return "event"


def _clause(
    text: str, sentence: tuple[int, int], t_start: int, t_end: int
) -> tuple[str, tuple[int, int], int] | None:
    """(label, (start, end), verb start) of the clause around the verb nearest the date."""
    s_start, s_end = sentence
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, s_start, s_end)]
    verbs = [
        (ws, we)
        for index, (ws, we) in enumerate(words)
        if not (t_start <= ws < t_end)
        and _is_verb(text[ws:we], text[words[index - 1][0] : words[index - 1][1]] if index else "")
    ]
    if not verbs:
        return None
    v_start, v_end = min(verbs, key=lambda v: min(abs(v[0] - t_end), abs(t_start - v[1])))
    # Subject: back from the verb to a clause boundary, at most six words.
    left = text[s_start:v_start]
    cut = max(
        (m.end() for m in _BOUNDARY.finditer(left) if not t_start <= s_start + m.start() < t_end),
        default=0,
    )
    subject_words = [m for m in _WORD.finditer(left, cut)]
    subject_words = subject_words[-6:]
    c_start = s_start + (subject_words[0].start() if subject_words else cut)
    # Predicate: forward from the verb to a boundary, at most eight words.
    right_end = s_end
    for boundary in _BOUNDARY.finditer(text, v_end, s_end):
        if not t_start <= boundary.start() < t_end:  # "June 3, 2020" is not a clause break
            right_end = boundary.start()
            break
    after = [m for m in _WORD.finditer(text, v_end, right_end)][:8]
    c_end = after[-1].end() if after else v_end
    c_start, c_end = strip_span(text, c_start, c_end)
    label = " ".join(text[c_start:c_end].split())
    if len(label.split()) > 12:
        label = " ".join(label.split()[:12])
    return label, (c_start, c_end), v_start
