"""One event reported by many documents, and the date conflicts of the reports that disagree.

Events of different documents are one event when they are of one kind (but see "other" below) and

- the same passage reports them: the sentence around each report reads the same, word for
  word, in documents that share other passages too (a wire story that many outlets print),
  and the times its words were read as are near (see :func:`.times.near`: "on Tuesday" read
  against two publication days a few days apart);
- or their labels share most content words and the same agents (without agents, nearly all
  their words, and someone named around both if anyone is named around either), and the
  times they give are near enough to be one time misreported (see :func:`.times.near`);
- or both give a day (``06-16``, year known or not), the days differ in at most one part,
  and they share two of the people and organizations around them (not ones the whole case
  names) and a content word of their passages (so "Acme asked for footage on June 16" and
  "a July 16 email asked for footage" of the same parties are one request, dated
  differently);
- or they are one act of the same parties: of one kind that names what was done (a request,
  an agreement, an arrest: their predicates' lemmas are of one class, see ``docs/events.md``),
  the agent of each is among the parties of the other (its participants, place and the people
  and organizations around it; a company stands for its brand, see :mod:`.parties`), they
  share two parties and two content words of their passages, and every two times they give
  are compatible and known to within a few years (so "Harbor police asked Acme camera owners
  for march footage last summer" and "officers sought video of the march from Acme users in
  2020" are one request; the same police asking Acme for video of a burglary in the autumn is
  another);
- or they are one act of one agent with another party in common, dated alike: of one kind that
  names the act, every time they give the same and no wider than a month, the agents of one
  among the agents of the other, and another party in both (a participant of both, or a name
  in both labels besides the agent's): "the Harbor Board signed a lease with Acme" and "the
  Harbor Board joined Acme's programme", both in April 2021.

- or they are one act of a kind that names it told with the same figure of thousands (not a
  year, nor a round count of a few thousand) and another key word, every two times they give
  compatible and known to within a year ("requested footage for 12,400 incidents" and "made
  requests for over 12,400 incidents" in 2022).

An act whose only time is the bound its report gives ("on or before" the report's date) is
dated well enough for the rule of the same parties when the other report's time is known to
within a season and begins within the year before that bound ("in March" beside "on or before
March 10"); labels of agents named in other
words ("the Harbor Press Union" and "the HPU") are compared without the agents' names.

An event of no named kind ("other") and one of a kind that names an act are one event when they
come from different documents, share an agent, their labels agree (as above) and their times are
near: the kind was read from a predicate or noun one report lacks. The merged event takes the
named kind.

A document reports one event once, unless it restates the same act: two reports of one kind
that names the act, the agent of one among the participants of the other, a content word of
their passages in common, at compatible times no wider than a season each ("the police asked
Acme for footage of the march last summer" and "on June 16th, Acme sent out a request about the
march"; not "in 2022" beside "on April 20", which may be another request). Every two times an event's reports give must be
:func:`.times.plausible` together (no drift from June to December through a chain of near
dates). Events are taken in id order and each joins the first group (in the order groups were
made) holding an event it is the same as; candidates come from indexes (agents and pairs of
label words, the rarest label words by :class:`~.text.SimilarSets`, days, passages), never
from comparing an event with every group.

A date conflict is raised when the sources of one event give times that cannot be the same;
reports of one passage count as one source there, dated as the first outlet to print it reads it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations

from ..model import Conflict, Document, Event, Report, TimeValue, record_id
from .parties import Within, expand, same_party
from .postings import Atoms, Postings
from .text import (
    Found,
    Place,
    SimilarSets,
    filing_blocks,
    is_long,
    jaccard,
    looking_blocks,
    near_places,
    place_of,
    words,
    words_of,
)
from .times import (
    DATE_WINDOW_DAYS,
    combine_times,
    compatible,
    day_parts,
    near,
    parts_apart,
    plausible,
)

__all__ = ["COMMON_ENTITY_DOCUMENTS", "COMMON_ENTITY_SHARE", "EVENT_LABEL_SIMILARITY", "PASSAGE_MIN_WORDS", "merge_events"]

#: Content words of two labels must overlap this much (Jaccard) for two reports to be one event.
EVENT_LABEL_SIMILARITY = 0.5
#: Labels of events with no agent must share this much of their words (Jaccard).
_UNATTENDED_SIMILARITY = 0.8
#: A time spanning more years than this is not indexed by year (it may be near any of them).
_WIDE_YEARS = 3
#: An entity named in more documents than this many, or this share of the case, is common:
#: it does not tell which event a passage reports.
COMMON_ENTITY_DOCUMENTS = 50
COMMON_ENTITY_SHARE = 0.02
#: A passage shorter than this many words ("He said Tuesday.") is too common to identify a report.
PASSAGE_MIN_WORDS = 8

_GENERIC = frozenset(
    """
    request requested requests requesting asked ask asking sought report reported reports
    published said told according also would could more than over about time times year years
    """.split()  # noqa: SIM905 - a word list reads better as text
)
#: Kinds that are many, alike and closely dated: only their labels (or one passage) merge them.
_LABEL_ONLY = frozenset({"event", "publication", "statement"})
#: Kinds that do not name what was done: the same parties do many such things at one time.
OTHER = "other"
_UNNAMED = _LABEL_ONLY | {OTHER}
#: Two reports of one act by the same parties share this many parties and passage words.
_SHARED_PARTIES = 2
_SHARED_PASSAGE_WORDS = 2
#: A document restates one act only at times this many days wide at most (a season).
_RESTATED_DAYS = 92
#: An act dated only by its report ("on or before" the report) and one dated to within a season
#: are one act of the same parties only when the report came at most this many days after it.
_RECENT_DAYS = 366
#: A report's sentence is looked for this many characters either side of it at most.
_SENTENCE_REACH = 20_000
#: A figure in two labels ties them only from this size on (a count of thousands).
_FIGURE_MIN = 1000
_FIGURE = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,]\d)|(?<![\d,.])\d{4,}(?![\d.,]\d)")
#: One agent's act dated alike by two reports merges them when dated to within this many days.
_MONTH_DAYS = 31

Mentions = dict[str, tuple[list[int], list[tuple[int, int, str]]]]


# ---------------------------------------------------------------------------------------------
# An event with what comparing it needs, computed once


@dataclass(eq=False, slots=True)
class _Item:
    event: Event
    order: int  # position in id order
    documents: frozenset[str]
    first: str  # the first document, the one a group must not hold yet
    words: frozenset[str]  # content words of the label
    keys: frozenset[str]  # of those, the ones that can tie two reports: not generic, not names
    agents: frozenset[str]
    times: tuple[TimeValue, ...]  # the reports' stated times
    days: tuple[tuple[str, str, str], ...]  # those that give a day
    passages: tuple[int, ...]  # digests of the (sentence, quote) of each report long enough to tell
    place: Place = None  # where it stands in a long document (see .text.ZONE_CHARS)
    group: int = -1
    _context: frozenset[str] | None = field(default=None, repr=False)
    _parties: frozenset[str] | None = field(default=None, repr=False)
    _passage_words: frozenset[str] | None = field(default=None, repr=False)
    _label_keys: list[tuple[str, str, str, str]] | None = field(default=None, repr=False)


class _Events:
    """The case-wide facts that deciding whether two events are one needs."""

    def __init__(self, events: Sequence[Event], docs: dict[str, Document], mentions: Mentions,
                 names: frozenset[str], within: Within) -> None:
        self.texts = {d.id: d.text for d in docs.values()}
        self.long_documents = sorted(d for d, text in self.texts.items() if is_long(len(text)))
        self.mentions = mentions
        self.names = names
        self.within = within
        # People and organizations named in very many documents (an outlet, a country's
        # leader in a case about him) say little about which event a passage reports.
        spread: dict[str, int] = defaultdict(int)
        for _starts, found in mentions.values():
            for entity in {e for _, _, e in found}:
                spread[entity] += 1
        common = max(COMMON_ENTITY_DOCUMENTS, COMMON_ENTITY_SHARE * len(docs))
        self.common = frozenset(e for e, n in spread.items() if n > common)
        self.known: dict[str, list[TimeValue]] = defaultdict(list)
        self.daily: dict[tuple[str, str], int] = defaultdict(int)
        self.items: list[_Item] = []
        self.passages: dict[str, set[int]] = defaultdict(set)  # by document
        # an equal set of documents (most events have one) or of agents is held once
        self._shared: dict[frozenset[str], frozenset[str]] = {}
        self._copies: dict[tuple[str, str], bool] = {}
        for order, event in enumerate(events):
            for report in event.reports:
                if report.stated_time:
                    self.known[report.document].append(report.stated_time)
            item = self._item(event, order)
            for report in event.reports:
                self.passages[report.document].update(item.passages)
            if item.days:
                for doc_id in item.documents:
                    self.daily[(doc_id, event.kind)] += 1
            self.items.append(item)

    def _item(self, event: Event, order: int) -> _Item:
        documents = tuple(dict.fromkeys(r.document for r in event.reports))
        label_words = words(event.label)
        times = tuple(r.stated_time for r in event.reports if r.stated_time)
        days = tuple(d for d in (day_parts(t) for t in times) if d)
        passages = tuple(sorted({_digest(p) for p in (self._passage(r) for r in event.reports) if p}))
        shared = self._shared
        return _Item(event=event, order=order, documents=shared.setdefault(frozenset(documents), frozenset(documents)),
                     first=documents[0], words=label_words, keys=self.shared(label_words - _GENERIC - self.names),
                     agents=shared.setdefault(*[frozenset(p.entity for p in event.participants)] * 2),
                     times=times, days=days, passages=passages, place=self._place(event, documents[0]))

    def shared(self, value: frozenset[str]) -> frozenset[str]:
        """``value``, or the equal set met before (held once)."""
        return self._shared.setdefault(value, value)

    def _place(self, event: Event, document: str) -> Place:
        """Where the event's first report in a long document lies (None in a document of ordinary length)."""
        start = min(r.span.start for r in event.reports if r.document == document)
        return place_of(document, start, len(self.texts.get(document, "")))

    # -- the sentence around a report ----------------------------------------------------------

    def _sentence(self, report: Report) -> str | None:
        text = self.texts.get(report.document)
        if text is None:
            return None
        # looked for no further than _SENTENCE_REACH either side: a text without full stops or
        # blank lines must not make every report's sentence most of the document
        lo, hi = max(0, report.span.start - _SENTENCE_REACH), min(len(text), report.span.end + _SENTENCE_REACH)
        before = max(text.rfind(". ", lo, report.span.start), text.rfind("\n\n", lo, report.span.start))
        start = before + 1 if before >= 0 else lo
        ends = [i for i in (text.find(". ", report.span.end, hi), text.find("\n\n", report.span.end, hi)) if i >= 0]
        end = min(ends) if ends else hi
        return text[start:end]

    def passage_texts(self, item: _Item) -> list[tuple[str, str]]:
        """The (sentence, quote) of each of the item's reports long enough to tell, in order
        (the item keeps their digests only)."""
        return sorted({p for p in (self._passage(r) for r in item.event.reports) if p})

    def _passage(self, report: Report) -> tuple[str, str] | None:
        sentence = self._sentence(report)
        if sentence is None or len(sentence.split()) < PASSAGE_MIN_WORDS:
            return None
        return " ".join(sentence.split()).casefold(), " ".join(report.span.exact.split()).casefold()

    def passage_words(self, item: _Item) -> frozenset[str]:
        """Content words of the sentences around the item's reports (its passages if the text is unknown)."""
        if item._passage_words is None:
            found: set[str] = set()
            for report in item.event.reports:
                sentence = self._sentence(report)
                if sentence is None:
                    found |= words(report.span.exact)
                else:
                    found.update(w for w in words_of(sentence) if len(w) > 3 and not w.isdigit())
            item._passage_words = frozenset(found)
        return item._passage_words

    def context(self, item: _Item, before: int = 400) -> frozenset[str]:
        """The people and organizations named in and shortly before the item's passages (those
        named in very many documents left out)."""
        if item._context is None:
            found: set[str] = set()
            for report in item.event.reports:
                starts, mentions = self.mentions.get(report.document, ([], []))
                lo, hi = report.span.start - before, report.span.end + 80
                for k in range(bisect_left(starts, lo), len(mentions)):  # not a slice: a copy of the rest
                    s, e, entity = mentions[k]
                    if s > hi:
                        break
                    if e <= hi and entity not in self.common:
                        found.add(entity)
            item._context = self.shared(frozenset(found))
        return item._context

    def parties(self, item: _Item) -> frozenset[str]:
        """The item's participants, its place and the people and organizations around it."""
        if item._parties is None:
            taking_part = {p.entity for p in item.event.participants}
            place = {item.event.place} if item.event.place else set()
            item._parties = self.shared(frozenset(taking_part | place | self.context(item)))
        return item._parties

    # -- the rules -----------------------------------------------------------------------------

    def same(self, a: _Item, b: _Item) -> bool:
        """Whether two items report one event."""
        if a.event.kind != b.event.kind:
            return self._other_kind_agrees(a, b)
        if a.documents & b.documents:
            return self.restated(a, b)
        if a.passages and b.passages and not set(a.passages).isdisjoint(b.passages) and self._copies_of_one_story(a, b):
            return _all_pairs(a, b, near)
        if self._labels_agree(a, b):
            if a.event.kind in ("statement", "publication"):
                # "X said on Monday" and "X said on Thursday" are two statements, not one misdated
                return _all_pairs(a, b, compatible)
            if _all_pairs(a, b, near):
                return True
        return (self._days_agree(a, b) or self._parties_agree(a, b) or self._same_act_same_date(a, b)
                or self._same_figure(a, b))

    def _other_kind_agrees(self, a: _Item, b: _Item) -> bool:
        """An event of no named kind ("other") and one of a kind that names an act are one when
        they are reported by different documents, share an agent, their labels agree (two key
        words, most content words) and their times are near: the kind was read from a predicate
        or object noun one report lacks ("Acme submitted a form" beside "Acme submitted a
        request form")."""
        kinds = {a.event.kind, b.event.kind}
        if OTHER not in kinds or kinds & _LABEL_ONLY or a.documents & b.documents:
            return False
        return bool(a.agents & b.agents) and self._labels_agree(a, b) and _all_pairs(a, b, near)

    def same_as_any(self, item: _Item, members: list[list[_Item]]) -> bool:
        """Whether ``item`` reports the event of one of ``members`` (each tried once)."""
        tried: set[int] = set()
        for found in members:
            for member in found:
                if member.order not in tried:
                    tried.add(member.order)
                    if self.same(member, item):
                        return True
        return False

    def _copies_of_one_story(self, a: _Item, b: _Item) -> bool:
        """Whether the documents of two items share more than the one passage (copies of one
        story do; a stock sentence two unrelated articles both print does not)."""
        for x in a.documents:
            for y in b.documents:
                key = (x, y) if x < y else (y, x)
                if key not in self._copies:
                    self._copies[key] = len(self.passages[x] & self.passages[y]) >= 2
                if self._copies[key]:
                    return True
        return False

    def _labels_agree(self, a: _Item, b: _Item) -> bool:
        shared = a.keys & b.keys  # the same agent doing two things is two events
        if len(shared) < 2:
            return False
        similarity = jaccard(a.words, b.words)
        if a.agents & b.agents:
            if similarity >= EVENT_LABEL_SIMILARITY:
                return True
            # the same agent named in other words ("the Harbor Press Union" and "the HPU"): what
            # it did is compared without its names
            named = self.agent_words(a) | self.agent_words(b)
            return jaccard(a.words - named, b.words - named) >= EVENT_LABEL_SIMILARITY
        # Without an agent, nearly the same words, and someone named around both passages if
        # anyone is named around either ("council members voted" in two towns is two votes).
        if a.agents or b.agents or similarity < _UNATTENDED_SIMILARITY:
            return False
        around_a, around_b = self.context(a), self.context(b)
        return bool(around_a & around_b) or not (around_a or around_b)

    def _days_agree(self, a: _Item, b: _Item) -> bool:
        if a.event.kind in _LABEL_ONLY or not (a.days and b.days):
            return False
        if any(parts_apart(x, y) > 1 for x in a.days for y in b.days):
            return False  # a misreported day differs in one part (June 16 / July 16), not in all
        if len(self.context(a) & self.context(b)) < 2:
            return False
        # A document with two such events (protests on the 28th and on the 30th) cannot say which.
        if any(self.daily.get((d, a.event.kind), 0) > 1 for e in (a, b) for d in e.documents):
            return False
        # A document that itself gives the other date elsewhere tells two events apart.
        for one, other in ((a, b), (b, a)):
            for doc_id in one.documents:
                for time in self.known.get(doc_id, ()):
                    if any(time.edtf == t.edtf or (day_parts(time) and compatible(time, t)) for t in other.times) and not any(
                        time is m for m in one.times
                    ):
                        return False
        return bool((self.passage_words(a) & self.passage_words(b)) - _GENERIC - self.names)


    def _same_act_same_date(self, a: _Item, b: _Item) -> bool:
        """One act of one agent with one other party that both reports date alike, to within a
        month: an act of a kind that names it, every stated time the same and no wider than a
        month, the agents of one among the agents of the other, and another party in common (a
        participant of both, or a name in both labels besides the agent's): "the Harbor Board
        signed a lease with Acme" and "the Harbor Board joined Acme's programme", both in April
        2021; not "the Harbor Board joined a dredging consortium" that April."""
        if a.event.kind in _UNNAMED or not (a.times and b.times):
            return False
        stated = {t.edtf for t in (*a.times, *b.times)}
        if len(stated) != 1 or not all(_narrow(t, _MONTH_DAYS) for t in a.times):
            return False
        agents_a, agents_b = _agents(a), _agents(b)
        if not (agents_a and agents_b):
            return False
        if not (all(same_party(self.within, x, agents_b) for x in agents_a)
                or all(same_party(self.within, x, agents_a) for x in agents_b)):
            return False
        others_a, others_b = _taking_part(a) - agents_a, _taking_part(b) - agents_b
        if any(same_party(self.within, x, others_b) for x in others_a):
            return True
        # the other party named in both labels, though not found as an entity in both documents
        return bool((a.words & b.words & self.names) - self.agent_words(a) - self.agent_words(b))

    def _same_figure(self, a: _Item, b: _Item) -> bool:
        """One act of a kind that names it, told with the same large figure ("requested footage
        for 12,400 incidents" and "made requests for over 12,400 incidents"): both labels give
        the figure and another key word, and every two times they give are compatible and
        known to within a year. A figure of thousands is rarely shared by two acts of one kind."""
        if a.event.kind in _UNNAMED or not (a.times and b.times):
            return False
        if not (_figures(a) & _figures(b)) or all(w.isdigit() for w in a.keys & b.keys):
            return False
        narrow = all(_narrow(t, _RECENT_DAYS) for t in (*a.times, *b.times))
        return narrow and _all_pairs(a, b, compatible)

    def agent_words(self, item: _Item) -> frozenset[str]:
        """The words naming the item's agents where its documents name them (every name's words
        when an agent is not found there: a name shared is then no evidence)."""
        agents = _agents(item)
        found: set[str] = set()
        seen: set[str] = set()
        for report in item.event.reports:
            text = self.texts.get(report.document, "")
            for s, e, entity in self.mentions.get(report.document, ([], []))[1]:
                if entity in agents:
                    seen.add(entity)
                    found |= words(text[s:e])
        return frozenset(found) if seen >= agents else self.names | found

    def restated(self, a: _Item, b: _Item) -> bool:
        """Whether two items of one document report the same act (see the module's docstring)."""
        if a.event.kind != b.event.kind or a.event.kind in _UNNAMED:
            return False
        if not (a.times and b.times) or not all(_narrow(t) for t in (*a.times, *b.times)):
            return False
        if not _all_pairs(a, b, compatible):
            return False
        taking_part_a, taking_part_b = _taking_part(a), _taking_part(b)
        if not (any(same_party(self.within, agent, taking_part_b) for agent in _agents(a))
                or any(same_party(self.within, agent, taking_part_a) for agent in _agents(b))):
            return False
        shared = (self.passage_words(a) & self.passage_words(b)) - _GENERIC - self.names
        return bool(shared)

    def _parties_agree(self, a: _Item, b: _Item) -> bool:
        if a.event.kind in _UNNAMED or not (a.event.participants and b.event.participants):
            return False
        if _party_years(a) is None or _party_years(b) is None or not _all_pairs(a, b, compatible):
            return False
        if not _all_pairs(a, b, _known_or_recent):
            return False
        parties_a, parties_b = self.parties(a), self.parties(b)
        agents_a, agents_b = _agents(a), _agents(b)
        if not (agents_a or agents_b):
            return False
        for agents, others in ((agents_a, parties_b), (agents_b, parties_a)):
            if agents and not any(same_party(self.within, agent, others) for agent in agents):
                return False
        if sum(same_party(self.within, p, parties_b) for p in parties_a) < _SHARED_PARTIES:
            return False
        shared = (self.passage_words(a) & self.passage_words(b)) - _GENERIC - self.names
        # The same agent acting at the same named place needs one word less in common
        # ("sought footage of the X Road parade" and "asked for video of the X Road parade").
        return len(shared) >= _SHARED_PASSAGE_WORDS - (1 if _places(a) & _places(b) else 0)


def _agents(item: _Item) -> frozenset[str]:
    return frozenset(p.entity for p in item.event.participants if p.role == "agent")


def _places(item: _Item) -> frozenset[str]:
    """The places where the item's event happened (its place and participants in the role of place)."""
    found = {p.entity for p in item.event.participants if p.role == "place"}
    return frozenset(found | {item.event.place} if item.event.place else found)


def _taking_part(item: _Item) -> frozenset[str]:
    """The item's participants and place (not those named around it: in one document, those
    are around every report)."""
    place = {item.event.place} if item.event.place else set()
    return frozenset({p.entity for p in item.event.participants} | place)


def _narrow(time: TimeValue, days: int = 0) -> bool:
    """Whether a time is known to within a season (or to within ``days``)."""
    return bool(time.earliest and time.latest and (time.latest - time.earliest).days <= (days or _RESTATED_DAYS))


def _all_pairs(a: _Item, b: _Item, agree: Callable[[TimeValue, TimeValue], bool]) -> bool:
    return all(agree(x, y) for x in a.times for y in b.times)


def _day_keys(day: tuple[str, str, str]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Keys a day is indexed under, and keys it looks up: two days within one part share one.

    Two days with known years agree in two of year, month and day; with an unknown year in
    either, in the month or the day.
    """
    y, m, d = day
    if "X" in y:
        return [("md", m, d), ("Xm", m), ("Xd", d)], [("md", m, d), ("Km", m), ("Kd", d), ("Xm", m), ("Xd", d)]
    return ([("md", m, d), ("ym", y, m), ("yd", y, d), ("Km", m), ("Kd", d)],
            [("md", m, d), ("ym", y, m), ("yd", y, d), ("Xm", m), ("Xd", d)])


class _Candidates:
    """Indexes of the events seen so far, to find those an event may be the same as.

    Labels agree only with two shared key words and the same agent, or, without agents, in
    nearly all their words: events are indexed by agent and pair of key words, or by the
    rarest words of their labels (prefix filtering). Days agree only within one part and with
    two people or organizations around both: events are indexed by day key and each of those.
    Reports of one passage are indexed by its words.
    """

    def __init__(self, facts: _Events) -> None:
        self.facts = facts
        atoms: Atoms[_Item] = Atoms()  # the parts of every index's keys, numbered once (see .postings)
        # Labels agree only at near times, so the label indexes are kept per year as well (an
        # agent such as an outlet acts in thousands of events over the years of a large case);
        # an event whose time is unknown or spans years looks in the ones kept for all years.
        self.by_agent: Postings[_Item] = Postings(atoms)
        self.by_agent_any_year: Postings[_Item] = Postings(atoms)
        # Label words without an agent: indexed per kind and person or organization named
        # around the passage (or none), since such labels agree only with someone named around
        # both passages or no one around either; what a search finds is kept when its years are
        # within one of the item's (the similarity filters are pairwise: this finds what an
        # index per year would, without a search per year).
        unattended = [i.words for i in facts.items if not i.agents]
        self.unattended: SimilarSets[_Item] = SimilarSets(_UNATTENDED_SIMILARITY, unattended)
        # whether every event is of one document (then no search reads the blocks a long
        # document's events are filed under as a whole, see .text.looking_blocks)
        self.one_document = len({d for i in facts.items for d in i.documents}) <= 1
        self._blocks: dict[Hashable, Hashable] = {}  # each block an item was filed under, once
        self.by_day: Postings[_Item] = Postings(atoms)
        self.by_passage: Postings[_Item] = Postings(atoms)
        self.by_party: Postings[_Item] = Postings(atoms)
        self.by_figure: Postings[_Item] = Postings(atoms)
        # Labels of events of no named kind and of a named kind, whatever that kind, each side
        # filed for the other to look up (see ``_Events._other_kind_agrees``): by (agent, key
        # word, key word, year) and by (agent, key word, key word) for any year, as above.
        self.across: dict[bool, tuple[Postings[_Item], Postings[_Item]]] = {
            named: (Postings(atoms), Postings(atoms)) for named in (True, False)}

    def find(self, item: _Item) -> Found[_Item]:
        """The events seen so far that ``item`` may be the same as (a superset of them), by group."""
        found: Found[_Item] = {}
        years = _years(item)
        looked = ("*",) if years is None else ("*", *range(years[0] - 1, years[-1] + 2))
        if years is None:
            self.by_agent_any_year.collect(_label_keys(item), found, item.place)
        else:
            self.by_agent.collect(((*key, year) for key in _label_keys(item) for year in looked), found, item.place)
        if len(item.keys) >= 2 and not item.agents:
            met: set[int] = set()
            for block in self._looking_blocks(item):
                for other in self.unattended.candidates(block, item.words):
                    if other.order not in met and (years is None or _within_a_year(other, years)):
                        met.add(other.order)
                        found.setdefault(other.group, []).append([other])
        self.by_passage.collect(((item.event.kind, p) for p in item.passages), found, item.place)
        if _crosses_kinds(item):
            by_year, any_year = self.across[item.event.kind == OTHER]  # the other side's
            keys = [key[1:] for key in _label_keys(item)]
            if years is None:
                any_year.collect(keys, found, item.place)
            else:
                by_year.collect(((*key, year) for key in keys for year in looked), found, item.place)
        self.by_day.collect(_dated_keys(item, self.facts, looking=True), found, item.place)
        self.by_party.collect(_party_keys(item, self.facts), found, item.place)
        self.by_figure.collect(_figure_keys(item), found, item.place)
        return found

    def _unattended_blocks(self, item: _Item) -> list[tuple[str, str | None]]:
        around = self.facts.context(item)
        return [(item.event.kind, entity) for entity in sorted(around)] if around else [(item.event.kind, None)]

    def _filing_blocks(self, item: _Item) -> list[Hashable]:
        """Where an item without agents is filed by its words: by kind and who is named around
        it (and, in a long document, by its zone: see :func:`.text.filing_blocks`)."""
        blocks = self._unattended_blocks(item)
        if item.place is not None and self.one_document:
            # a long document's blocks as a whole are read from other documents only: none here
            filed: list[Hashable] = [(block, item.place[0], item.place[1]) for block in blocks]
        else:
            filed = [b for block in blocks for b in filing_blocks(block, item.place)]
        # one tuple for a block however many items are filed under it (the keys of the index
        # hold it: a tuple per item and block held a twentieth of the memory resolving a long
        # document)
        return [self._blocks.setdefault(b, b) for b in filed]

    def _looking_blocks(self, item: _Item) -> list[Hashable]:
        """Where a search for an item without agents looks (see :func:`.text.looking_blocks`)."""
        return [b for block in self._unattended_blocks(item)
                for b in looking_blocks(block, item.place, self.facts.long_documents)]

    def add(self, item: _Item) -> None:
        """Index ``item`` (its group set) for the events after it."""
        years = _years(item) or ("*",)
        for label_key in _label_keys(item):
            self.by_agent_any_year.add(label_key, item.group, item, item.place)
            for year in years:
                self.by_agent.add((*label_key, year), item.group, item, item.place)
        if _crosses_kinds(item):
            by_year, any_year = self.across[item.event.kind != OTHER]
            for label_key in _label_keys(item):
                any_year.add(label_key[1:], item.group, item, item.place)
                for year in years:
                    by_year.add((*label_key[1:], year), item.group, item, item.place)
        if len(item.keys) >= 2 and not item.agents:
            self.unattended.add_blocks(self._filing_blocks(item), item.words, item)
        for passage in item.passages:
            self.by_passage.add((item.event.kind, passage), item.group, item, item.place)
        for day_key in _dated_keys(item, self.facts, looking=False):
            self.by_day.add(day_key, item.group, item, item.place)
        for party_key in _party_keys(item, self.facts):
            self.by_party.add(party_key, item.group, item, item.place)
        for figure_key in _figure_keys(item):
            self.by_figure.add(figure_key, item.group, item, item.place)
        item._label_keys = None  # only its own search and filing read them: not kept for the rest


def _near(a: _Item, b: _Item) -> bool:
    """Whether two items of one document are near enough to be compared (see :data:`.text.ZONE_CHARS`)."""
    return near_places(a.place, b.place)


def _dated_keys(item: _Item, facts: _Events, *, looking: bool) -> list[tuple[str, tuple[str, ...], str]]:
    """(kind, day key, person or organization around it): events dated by day that can be one
    share a day key (see :func:`_day_keys`) and two of the people and organizations around them."""
    if not item.days or item.event.kind in _LABEL_ONLY:
        return []
    keys = _day_keys(item.days[0])[1 if looking else 0]
    return [(item.event.kind, key, entity) for key in keys for entity in facts.context(item)]


def _party_keys(item: _Item, facts: _Events) -> list[tuple[str, str, int]]:
    """(kind, party, year): events that are one act of the same parties share a party (or one
    named within a party's name) and a year."""
    years = _party_years(item)
    if item.event.kind in _UNNAMED or not item.event.participants or years is None:
        return []
    parties = sorted(expand(facts.within, facts.parties(item)))
    return [(item.event.kind, party, year) for party in parties for year in years]


def _figures(item: _Item) -> frozenset[str]:
    """The figures of thousands or more in the item's label ("12,400", "25000"; not a year, nor a
    round count of a few thousand such as "2,000")."""
    found = set()
    for m in _FIGURE.finditer(item.event.label):
        digits = m.group().replace(",", "")
        value = int(digits)
        year = "," not in m.group() and 1800 <= value <= 2100
        round_count = value < 10 * _FIGURE_MIN and value % _FIGURE_MIN == 0  # "1,000 residents" is common
        if value >= _FIGURE_MIN and not year and not round_count:
            found.add(digits)
    return frozenset(found)


def _figure_keys(item: _Item) -> list[tuple[str, str]]:
    """(kind, figure): acts of one kind told with the same large figure (see ``_same_figure``)."""
    if item.event.kind in _UNNAMED:
        return []
    return [(item.event.kind, figure) for figure in sorted(_figures(item))]


def _crosses_kinds(item: _Item) -> bool:
    """Whether an item may be one event with an item of another kind: of no named kind, or of a
    kind that names an act (not a publication or statement, which only their labels merge)."""
    return item.event.kind not in _LABEL_ONLY and bool(item.agents)


def _within_a_year(other: _Item, years: tuple[int, ...]) -> bool:
    """Whether ``other`` is filed where a search over ``years`` (and a year either side) looks:
    its years meet them, or they are unknown."""
    theirs = _years(other)
    return theirs is None or (theirs[0] <= years[-1] + 1 and theirs[-1] >= years[0] - 1)


def _years(item: _Item) -> tuple[int, ...] | None:
    """The years the item's first time spans; None when it is unknown, unbounded or wide.

    Two events whose labels agree give times that are :func:`.times.near` (or compatible),
    so their first times are at most a year apart.
    """
    if not item.times:
        return None
    first = item.times[0]
    if not (first.earliest and first.latest) or first.latest.year - first.earliest.year > _WIDE_YEARS:
        return None
    return tuple(range(first.earliest.year, first.latest.year + 1))


def _party_years(item: _Item) -> tuple[int, ...] | None:
    """:func:`_years`, or for a time with only an end (a past act dated by its report, "on or
    before 2022-03-10") the year of that end and the one before: it may be one act with a
    narrowly dated report of the year before it (see :func:`_known_or_recent`)."""
    years = _years(item)
    if years is not None or not item.times:
        return years
    first = item.times[0]
    if first.earliest is None and first.latest is not None:
        return (first.latest.year - 1, first.latest.year)
    return None


def _known_or_recent(a: TimeValue, b: TimeValue) -> bool:
    """Whether two times are both known to within a few years, or one only ends ("on or before
    the report's date") and the other is known to within a season and begins on or before that
    end, at most a year before it: an undated past act told soon after a dated one of the same
    parties may be that act (told on March 10, it may be the one of "in March"); two undated
    ones may be any two acts."""
    for open_, other in ((a, b), (b, a)):
        if open_.earliest is None and open_.latest is not None:
            if other.earliest is None or other.latest is None or not _narrow(other):
                return False
            return other.earliest <= open_.latest and (open_.latest - other.earliest).days <= _RECENT_DAYS
    return bool(a.earliest and a.latest and b.earliest and b.latest)


def _label_keys(item: _Item) -> list[tuple[str, str, str, str]]:
    """(kind, agent, key word, key word) for each agent and pair of key words of the label."""
    if item._label_keys is None:
        keys = sorted(item.keys)
        item._label_keys = [(item.event.kind, agent, u, v) for agent in sorted(item.agents)
                            for u, v in combinations(keys, 2)]
    return item._label_keys


def _mentions(index: dict[str, list[tuple[int, int, str]]]) -> Mentions:
    out: Mentions = {}
    for doc_id, found in index.items():
        ordered = sorted(found)
        out[doc_id] = ([s for s, _, _ in ordered], ordered)
    return out


def merge_events(
    events: list[Event],
    docs: dict[str, Document],
    index: dict[str, list[tuple[int, int, str]]] | None = None,
    names: frozenset[str] = frozenset(),
    within: Within | None = None,
) -> tuple[list[Event], list[Conflict]]:
    """Reports of one event by different documents become one event with several reports.

    ``index`` holds, per document, the (start, end, entity id) of every person and
    organization mention; ``names`` the words of every entity name (a shared name is not a
    shared topic); ``within`` the entities named within each one's name (see
    :func:`.parties.within_names`).
    """
    ordered = sorted(events, key=lambda e: e.id)
    facts = _Events(ordered, docs, _mentions(index or {}), names, within or {})
    candidates = _Candidates(facts)
    groups: list[list[_Item]] = []
    group_documents: list[frozenset[str]] = []
    group_times: list[_GroupTimes] = []
    # A group absorbed into another (see below) -> the group it went to: the indexes still
    # file its members under the old number.
    moved: dict[int, int] = {}

    def current(group: int) -> int:
        while group in moved:
            group = moved[group]
        return group

    for item in facts.items:
        found: Found[_Item] = {}
        for g, filed in candidates.find(item).items():
            found.setdefault(current(g), []).extend(filed)
        joined = -1
        given = _GroupTimes(item.times)
        for g in sorted(found):
            if item.first in group_documents[g] and not all(
                    facts.restated(item, m) for m in groups[g] if item.first in m.documents and _near(item, m)):
                continue
            # Every time of a group can be the others' misreported: no drift from June to
            # December through a chain of near dates.
            if not group_times[g].fit(given):
                continue
            if facts.same_as_any(item, found[g]):
                joined = g
                break
        if joined < 0:
            joined = len(groups)
            groups.append([])
            group_documents.append(item.documents)  # shared with the item until another joins
            group_times.append(given)
        else:
            group_documents[joined] = group_documents[joined] | item.documents
            group_times[joined].extend(given.listed())
        item.group = joined
        groups[joined].append(item)
        # The item joined one group and its document restates the act in another it met: one act
        # (a report of another document came between them in the order read); that group joins.
        for h in sorted(found):
            if h == joined or not groups[h] or item.first not in group_documents[h]:
                continue
            if not all(facts.restated(item, m) for m in groups[h] if item.first in m.documents and _near(item, m)):
                continue
            if not group_times[joined].fit(group_times[h]):
                continue
            for m in groups[h]:
                m.group = joined
            groups[joined] += groups[h]
            group_documents[joined] = group_documents[joined] | group_documents[h]
            group_times[joined].extend(group_times[h].listed())
            groups[h], group_documents[h] = [], frozenset()
            moved[h] = joined
        candidates.add(item)

    merged, conflicts = [], []
    for group in groups:
        if not group:
            continue  # absorbed into another
        if len(group) == 1:
            merged.append(group[0].event)
            continue
        members = [i.event for i in group]
        reports = tuple(sorted((r for e in members for r in e.reports), key=lambda r: (r.document, r.span.start, r.span.end)))
        event_id = record_id("evt", *sorted(e.id for e in members))
        time, conflict = combine_times(event_id, reports, docs, _voices(group, facts))
        participants = tuple(dict.fromkeys(p for e in members for p in e.participants))
        label = max(members, key=lambda e: (_label_score(e), e.label)).label
        merged.append(Event(id=event_id, label=label, time=time, reports=reports, participants=participants,
                            place=next((e.place for e in members if e.place), None),
                            kind=next((e.kind for e in members if e.kind != OTHER), members[0].kind)))
        if conflict:
            conflicts.append(conflict)
    return merged, conflicts


class _GroupTimes:
    """The distinct times a group of reports was given, and whether another time fits them:
    :func:`.times.plausible` with every one. Checking that pair by pair made a group reported
    hundreds of times cost hundreds of comparisons per candidate, so the group keeps summaries
    that settle most cases at once, each exact for what it stands for:

    - times with both bounds that lie within :data:`.times.DATE_WINDOW_DAYS` of each other are
      near: the latest first day and the earliest last day of those tell whether a bounded time
      is within the window of them all (else they are compared one by one);
    - a time open at its start ("../2021-02-16", what tense gives) is plausible with another
      exactly when their bounds overlap, so of those only the one ending first matters, and of
      those open at their end only the one starting last; and a bounded time overlaps every
      open time exactly when it overlaps the earliest-ending and latest-starting of them.
    """

    __slots__ = ("bounded", "earliest_end", "latest_start", "open_end", "open_start", "others", "seen")

    def __init__(self, times: Iterable[TimeValue]) -> None:
        # the few times of most groups as a tuple, a set from _SEEN_AS_SET on
        self.seen: tuple[str, ...] | set[str] = ()
        # a list only once a time is in it (most groups of a long document keep one time, and
        # an empty list for each of the others took a tenth of their memory)
        self.bounded: list[TimeValue] = _NONE
        self.latest_start: date | None = None
        self.earliest_end: date | None = None
        self.open_start: TimeValue | None = None  # "../D" with the earliest D
        self.open_end: TimeValue | None = None  # "D/.." with the latest D
        self.others: list[TimeValue] = _NONE  # unknown years and the rest: compared one by one
        self.extend(times)

    def listed(self) -> list[TimeValue]:
        return [*self.bounded, *filter(None, (self.open_start, self.open_end)), *self.others]

    def extend(self, times: Iterable[TimeValue]) -> None:
        for time in times:
            if time.edtf in self.seen:
                continue
            if isinstance(self.seen, set):
                self.seen.add(time.edtf)
            elif len(self.seen) < _SEEN_AS_SET:
                self.seen += (time.edtf,)
            else:
                self.seen = {*self.seen, time.edtf}
            if time.earliest and time.latest:
                if self.bounded is _NONE:
                    self.bounded = []
                self.bounded.append(time)
                if self.latest_start is None or time.earliest > self.latest_start:
                    self.latest_start = time.earliest
                if self.earliest_end is None or time.latest < self.earliest_end:
                    self.earliest_end = time.latest
            elif _open_start(time):
                if self.open_start is None or (time.latest, time.edtf) < (self.open_start.latest, self.open_start.edtf):
                    self.open_start = time
            elif _open_end(time):
                if self.open_end is None or (time.earliest, time.edtf) > (self.open_end.earliest, self.open_end.edtf):
                    self.open_end = time
            else:
                if self.others is _NONE:
                    self.others = []
                self.others.append(time)

    def fit(self, other: _GroupTimes) -> bool:
        """Whether every time of ``other`` is plausible with every time of this group."""
        return all(self._fits(x) for x in other.listed())

    def _fits(self, x: TimeValue) -> bool:
        if self.bounded and self.latest_start and self.earliest_end:
            if x.earliest and x.latest:
                gap = max(self.latest_start, x.earliest) - min(self.earliest_end, x.latest)
                if gap > _WINDOW and not all(plausible(x, y) for y in self.bounded):
                    return False
            elif _open_start(x):
                if self.latest_start > x.latest:  # type: ignore[operator]
                    return False
            elif _open_end(x):
                if self.earliest_end < x.earliest:  # type: ignore[operator]
                    return False
            elif not all(plausible(x, y) for y in self.bounded):
                return False
        return all(plausible(x, y) for y in (self.open_start, self.open_end) if y is not None) and \
            all(plausible(x, y) for y in self.others)


_WINDOW = timedelta(days=DATE_WINDOW_DAYS)
#: The list every group's times without a time of a kind share, never appended to.
_NONE: list[TimeValue] = []
#: A group's distinct times are held in a tuple up to this many, then in a set.
_SEEN_AS_SET = 8


def _open_start(time: TimeValue) -> bool:
    return time.earliest is None and time.latest is not None and time.edtf.startswith("../")


def _open_end(time: TimeValue) -> bool:
    return time.latest is None and time.earliest is not None and time.edtf.endswith("/..")


def _voices(group: list[_Item], facts: _Events) -> dict[tuple[str, int, int], int]:
    """Which source each report speaks for: reports of one passage are one voice."""
    voice: dict[tuple[str, int, int], int] = {}
    by_passage: dict[tuple[str, str], int] = {}
    for n, item in enumerate(group):
        passages = facts.passage_texts(item)
        mine = next((by_passage[p] for p in passages if p in by_passage), n)
        for p in passages:
            by_passage.setdefault(p, mine)
        for report in item.event.reports:
            voice[report.span.key] = mine
    return voice


def _digest(passage: tuple[str, str]) -> int:
    """A passage as a number: equal for equal passages (128 bits: two passages of a case never
    share one otherwise), held in place of its casefolded words."""
    sentence, quote = passage
    data = f"{len(sentence)}:{sentence}{quote}".encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=16).digest(), "big")


def _label_score(event: Event) -> float:
    """Readable labels first: above all one whose doer is named (an agent among the participants: "the
    Port Authority asked owners for video" over "the letter asked owners ..."), of four to ten
    words, starting with a capital (a named subject)."""
    label = event.label
    n = len(label.split())
    named = any(p.role == "agent" for p in event.participants)
    return (2.0 if named else 0.0) + (1.0 if 4 <= n <= 10 else 0.0) + (0.5 if label[:1].isupper() else 0.0) - abs(n - 7) / 100
