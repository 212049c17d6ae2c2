"""What a time expression is resolved against: the document date, the previous date, the tense."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from ._points import Point
from ._tense import NOT_PAST as _NOT_PAST
from ._tense import Reading, governing_tense, in_title_case, is_attribution

__all__ = ["Ctx", "Found"]

# Words that mark a sentence as speaking of the future or the past; the nearest one wins.
_FUTURE = frozenset(
    """
    will 'll wo shall would going gonna scheduled expected expects expect slated upcoming
    tomorrow begins starts opens resumes ends expires takes meets meet convenes votes effective
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_PAST = frozenset(
    """
    was were had did said told came went made took got gave found began met saw left ran won
    lost fell rose held sold bought paid spent struck brought thought knew became sent kept
    led built wrote spoke broke chose drove fought flew grew heard meant shot stood taught
    wore ago yesterday last earlier been has have died tied owed
    """.split()  # noqa: SIM905
)
# Present verbs of things scheduled ("the court hears the case Friday"); also plural nouns, so
# not after a determiner or a possessive ("the debates", "his visits").
_SCHEDULED_PRESENT = frozenset(
    """
    holds hosts hears plays visits travels debates considers returns arrives departs launches
    reopens closes
    """.split()  # noqa: SIM905
)
# Words that speak of the future only before "to" ("plans to meet"; not "set aside vacation plans").
_FUTURE_TO = frozenset(
    """
    plans plan planning intends intend intending hopes hope hoping set due poised aims aim is are
    """.split()  # noqa: SIM905
)
_DETERMINERS = frozenset("a an the this these those its their his her our my your".split())  # noqa: SIM905
_MODALS = frozenset("will would shall should could might must may".split())  # noqa: SIM905
_WORD = re.compile(r"[A-Za-z']+")
_SENT_END = re.compile(r"[.!?][\"')\u201d\u2019]*\s+(?=[\"'(\u201c\u2018]?[A-Z])|\n\s*\n")
# A period after a title, "vs." or an initial does not end a sentence ("Roe vs. Wade", "Gen.
# Smith", "George W. Bush").
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Messrs|Dr|Gen|Sen|Sens|Rep|Reps|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Prof|"
    r"Rev|Hon|St|Mt|Ft|vs|v)|(?<![\w.])[A-Z])$")


def _ends(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The sentence ends in ``text[lo:hi]``, in order, abbreviations left out."""
    for m in _SENT_END.finditer(text, lo, hi):
        if not (text[m.start()] == "." and _ABBREV_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            yield m


def _classify(word: str) -> str | None:
    w = word.lower()
    if w in _FUTURE or w.endswith("'ll"):
        return "future"
    if w in _PAST or (w.endswith("n't") and w.startswith(("didn", "wasn", "weren", "hadn"))):
        return "past"
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and w not in _NOT_PAST \
            and word[0].islower():
        return "past"
    return None


@dataclass
class Found:
    """What a rule found: TIMEX3 type and value, and the point or EDTF of its time value.

    ``start``/``end`` narrow the span when the rule matched words around the expression
    ("in" of "in three days"); ``parts`` are the two ends of a range; ``chain`` says whether
    later expressions ("two days later") may count from this one.
    """

    type: str
    value: str
    point: Point | None = None
    edtf: str | None = None
    anchor: str | None = None
    start: int = -1
    end: int = -1
    parts: tuple[Found, ...] = ()
    chain: bool = True
    #: A reporting period looked back on ("the year-ago quarter"): not the story's own period.
    back: bool = False


@dataclass
class Ctx:
    """The state of one pass over a text: its document date and the last date mentioned."""

    text: str
    dct: date | None
    #: Where the document date came from ("from the dateline"), added to its anchor label.
    dct_origin: str | None = None
    prev: Point | None = None
    prev_end: int = 0
    #: Whether the last date mentioned stated its year ("March 2, 2015", not "March 2").
    prev_stated: bool = False
    #: The last date mentioned that is not after the document date: the account's own time.
    told: Point | None = None
    #: The reporting quarter the text speaks of (financial news), and where it was mentioned.
    quarter: Point | None = None
    quarter_end: int = 0
    _sentences: dict[int, tuple[int, int]] = field(default_factory=dict)

    @property
    def doc_anchor(self) -> str | None:
        """The anchor label of the document date, if there is one."""
        if self.dct is None:
            return None
        label = f"document date {self.dct.isoformat()}"
        return f"{label} ({self.dct_origin})" if self.dct_origin else label

    @property
    def prev_anchor(self) -> str | None:
        """The anchor label of the previously mentioned date, if there is one."""
        return None if self.prev is None else f"previous date {self.prev.value()}"

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around ``start:end`` (looking at most 300 characters away)."""
        text = self.text
        lo = max(0, start - 300)
        left = lo
        for m in _ends(text, lo, min(len(text), start + 2)):
            if m.end() <= start:
                left = m.end()
        after = next(_ends(text, end, min(len(text), end + 300)), None)
        right = after.start() + 1 if after else min(len(text), end + 300)
        return left, right

    def tense(self, start: int, end: int) -> str | None:
        """"past" or "future" by the nearest tense marker in the sentence, else None."""
        return self.marker(start, end)[0]

    def governing(self, start: int, end: int) -> Reading:
        """The tense of the verb group that governs ``start:end`` in its clause (see ``_tense``)."""
        left, right = self.sentence(start, end)
        return governing_tense(self.text, left, right, start, end)

    def marker(self, start: int, end: int) -> tuple[str | None, str | None]:
        """The tense of the nearest tense marker in the sentence, and that word."""
        left, right = self.sentence(start, end)
        before = _WORD.findall(self.text, left, start)[-12:]
        title = in_title_case(self.text, start)  # a headline's capitals are not names
        if title:
            before = [w.lower() for w in before]
        for i in range(len(before) - 1, -1, -1):
            t = _marker(before, i)
            if t:
                return t, before[i].lower()
        found = list(_WORD.finditer(self.text, end, right))[:10]
        after = [m.group().lower() if title else m.group() for m in found]
        for i in range(len(after)):
            t = _marker(after, i)
            if t:
                if is_attribution(self.text, left, start, end, found[i].start()):
                    continue  # "The talks resume Monday, officials said": when it was said
                return t, after[i].lower()
        return None, None


def _marker(words: list[str], i: int) -> str | None:
    """The tense ``words[i]`` marks, looking at the word after it for "plans to", "set to".

    A future seen from the past perfect ("had been due to expire Friday") is past.
    """
    w = words[i].lower()
    if i and words[i - 1].lower() == "to" and w in _FUTURE:
        return None  # "for the company to meet demand": the verb before "to" says when
    if w in _FUTURE_TO:
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        t = "future" if nxt == "to" else None
    elif w in _SCHEDULED_PRESENT:
        before = words[i - 1].lower() if i else ""
        t = None if before in _DETERMINERS or before.endswith("'s") or before == "tax" else "future"
    else:
        t = _classify(words[i])
        if t == "past" and i and words[i - 1].lower() in _DETERMINERS \
                and words[i].lower() not in _PAST:
            t = None  # an adjective: "visits the flooded towns on Wednesday"
    if t == "future" and "had" in (x.lower() for x in words[max(0, i - 2) : i]):
        return "past"
    if w in ("have", "has") and i and words[i - 1].lower() in _MODALS:
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if _classify(nxt) != "past" and not nxt.lower().endswith("en"):
            return "future"  # "would have trouble winning in May", not "would have won"
    return t
