"""Events read from the parse: a predicate with its arguments (who did what to whom, where, when).

Every verb of a sentence that heads a clause is a candidate predicate. It becomes an event when
it tells of something that happened (or is scheduled with a date of its own): not a reporting
act ("said", "reported", "according to": those are claims), not a state ("be", "have",
"know"), not negated, not hypothetical (a modal, an "if" clause), not a caption, byline,
dateline, photo credit, navigation or reference line. Its arguments come from the dependency
tree: the agent (the subject, or the "by" phrase of a passive), the patient (object or passive
subject), the place (an "in/at/on" phrase naming a place) and the time.

**Label.** Agent + verb (with its particle, auxiliaries and an infinitive complement) + object
(+ one short prepositional phrase), written with the sentence's own words, relative clauses and
appositions cut, date words left out; a pronoun subject becomes the name it refers to:
"the Harbor Authority requested new dredging permits".

**When.** The clause's own time expression first: the one the parse attaches to the predicate
(its head chain reaches the predicate before any other), else the nearest in the predicate's
subtree outside clauses of their own; a date that dates a report ("..., it was reported
Tuesday") only bounds the event reported: it happened on or before it. Without one, a
past-tense or perfect predicate happened on or before the document's (stated) date:
``../2021-05-03``; any other stays undated. Never the publication day as if it were the
event's.

**Kind.** From the predicate's lemma, else its object's head noun, one of :data:`KINDS`.

A dated reference-list entry is the publication of the work it names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import accumulate
from typing import Protocol

from .. import nlp
from ..model import Document, Entity, Event, Participant, Report, Span, TimeValue, record_id
from ..nlp import Parse, Token
from .clauses import REPORTING_WORDS, Clause, dated_clause
from .dating import DocumentDate, infer_date
from .event_words import (
    ASIDE_CASES,
    ASPECT,
    CUT_FROM_PHRASE,
    KINDS,
    MESSAGE_NOUNS,
    MODALS,
    NAMING,
    NOT_EVENT_TIMES,
    NOT_FIRST,
    OTHER,
    PLACE_CASES,
    PREDICATE_DEPS,
    REPORTING,
    REPORTING_EVENTS,
    STATES,
    STATES_WHEN_DATED,
    WORK_NOUNS,
)
from .text import reference_entries

__all__ = ["KINDS", "VERSION", "TimexLike", "find_events"]

VERSION = "events-1.7.0"


class TimexLike(Protocol):
    """What events need of a time expression (``times.Timex`` has these fields)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def time(self) -> TimeValue | None: ...


_MAX_PHRASE = 8
_MAX_LABEL = 16


@dataclass
class _Predicate:
    """One candidate predicate and what the parse says of it."""

    verb: Token
    own_times: list[TimexLike] = field(default_factory=list)
    #: Dates of a report of this predicate's clause: the event happened on or before them.
    report_times: list[TimexLike] = field(default_factory=list)
    #: Dates of a message that reports this clause (it happened then).
    message_times: list[TimexLike] = field(default_factory=list)


#: Before this year an event needs its era stated: a number is easily read as a year by accident.
ERA_YEAR = 1900
#: Words that state an era: a month, a season, "year", "century", an era marker.
_ERA_WORDS = re.compile(
    r"\b(?:(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|spring|summer|autumn|fall|winter|"
    r"years?|century|centuries)\b|\b(?-i:A\.D\.|B\.C\.|AD|BC|CE|BCE)(?!\w)",
    re.IGNORECASE,
)


def _era_stated(text: str, timex: TimexLike, time: TimeValue) -> bool:
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
    r"^\s*(?:Sources?\b|Categories\s*:|Related\b|Share\b|Read more\b|Follow us\b|Subscribe\b|"
    r"Sign up\b|Advertisement\b|Copyright\b|©|All rights reserved\b|Click here\b|Comments?\b)",
    re.IGNORECASE,
)


def _excluded_zones(doc: Document) -> list[tuple[int, int]]:
    """Datelines, bylines, headings (a one-line paragraph without a full stop before the first
    that has one: the headline), captions, photo credits, navigation and reference entries."""
    from ..nlp.layout import paragraphs

    text = doc.text
    zones = [entry.line for entry in reference_entries(text)]
    for match in re.finditer(r"^[^\n]{0,80}$", text, re.MULTILINE):
        line = match.group().strip()
        words = line.split()
        if re.match(r"(?i)(published|updated|posted|by\b|last updated)", line) or (
            0 < len(words) <= 6 and not line.endswith(".")
        ):
            zones.append((match.start(), match.end()))
    body = False
    for start, end in paragraphs(text):
        block = text[start:end]
        if _CREDIT.search(block) or _BOILERPLATE.match(block):
            zones.append((start, end))
        ended = block.rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))
        if not body and not ended and "\n" not in block.strip():
            zones.append((start, end))  # a headline above the body: the body tells its events
        body = body or ended
    return zones


def _time_ok(text: str, timex: TimexLike) -> bool:
    """A time expression that can date an event: a date or time with a value, era stated."""
    time = timex.time
    return (
        time is not None
        and timex.type in ("DATE", "TIME")
        and timex.text.casefold() not in NOT_EVENT_TIMES
        and _era_stated(text, timex, time)
    )


def _dct(doc: Document, dct: DocumentDate | date | None) -> date | None:
    """The document's date when it bounds what the text tells of in the past tense.

    The latest date a text mentions (weak evidence) bounds nothing: events told after it may
    still be in the past of the writer.
    """
    found = infer_date(doc) if dct is None else dct
    if isinstance(found, DocumentDate):
        return None if found.weak else found.day
    return found


def find_events(
    doc: Document,
    timexes: Sequence[TimexLike],
    entities: Sequence[Entity],
    parse: Parse | None = None,
    *,
    dct: DocumentDate | date | None = None,
) -> tuple[Event, ...]:
    """One event per predicate that tells of something that happened, read from the parse.

    ``dct`` is the document's date (inferred from the document when not given); past-tense
    events without a date of their own happened on or before it.
    """
    text = doc.text
    parse = parse if parse is not None else nlp.parse(text)
    reader = _Reader(doc, parse, [t for t in timexes if _time_ok(text, t)], entities, _dct(doc, dct),
                     spans=[t for t in timexes if t.type in ("DURATION", "SET")])
    events: dict[str, Event] = {}
    for event in reader.events():
        events.setdefault(event.id, event)
    dated = [t for t in timexes if _time_ok(text, t)]
    mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
    for event in _reference_events(doc, dated, mentions):
        events.setdefault(event.id, event)
    return tuple(sorted(events.values(), key=lambda ev: (ev.reports[0].span.start, ev.reports[0].span.end)))


class _Reader:
    """Reads the events of one document from its parse."""

    def __init__(self, doc: Document, parse: Parse, timexes: list[TimexLike], entities: Sequence[Entity],
                 dct: date | None, *, spans: Sequence[TimexLike] = ()) -> None:
        self.doc = doc
        self.text = doc.text
        self.parse = parse
        self.tokens = parse.tokens
        self.timexes = timexes
        # Positions, to find the time expressions and mentions within a stretch of text without
        # reading them all (a document has thousands in a large file).
        self._timex_order = sorted(range(len(timexes)), key=lambda n: (timexes[n].start, n))
        self._timex_starts = [timexes[n].start for n in self._timex_order]
        self._timex_heads: dict[int, Token | None] = {}
        self._longest_timex = max((t.end - t.start for t in timexes), default=0)
        self.dct = dct
        self.excluded = _excluded_zones(doc)
        self.quoted = quotes_of(self.text)
        self._quote_starts = [s for s, _ in self.quoted]
        #: The furthest end of the quotes up to each one: a quote holds an offset if one before it reaches past.
        self._quote_reach = list(accumulate((e for _, e in self.quoted), max))
        self.mentions = sorted((m.start, m.end, e.id, e.kind) for e in entities for m in e.mentions)
        self._mention_starts = [m[0] for m in self.mentions]
        self._longest_mention = max((m[1] - m[0] for m in self.mentions), default=0)
        #: Tokens of time expressions (and of durations and sets, ``spans``): never label words.
        self.in_time: dict[int, TimexLike] = {}
        for timex in [*spans, *timexes]:
            for token in parse.tokens_in(timex.start, timex.end):
                self.in_time[token.i] = timex

    # -- the tree ---------------------------------------------------------------------------

    def kids(self, token: Token) -> list[Token]:
        return list(self.parse.children(token))

    def head(self, token: Token) -> Token | None:
        return None if token.head == token.i else self.tokens[token.head]

    def is_predicate(self, token: Token) -> bool:
        """A verb heading a clause; a finite verb tag with a subject counts when the parts of speech
        disagree ("fees rose" tagged VBD but NOUN)."""
        verb = token.pos == "VERB" or (
            token.tag in ("VBD", "VBZ", "VBP") and token.pos in ("NOUN", "ADJ", "PROPN")
            and any(k.dep.startswith("nsubj") for k in self.kids(token))
        )
        if token.start >= 2 and self.text[token.start - 1] == "-" and self.text[token.start - 2].isalnum():
            return False  # "camera-equipped doorbells", "state-owned": an adjective
        if verb and token.dep.split(":")[0] in {d.split(":")[0] for d in PREDICATE_DEPS}:
            return True
        return token.pos == "VERB" and self._misattached(token)

    def _misattached(self, token: Token) -> bool:
        """A verb with a subject of its own that the parse hung as a modifier of the noun after it
        ("The board has approved plans" read with "approved" as an adjective of "plans")."""
        head = self.head(token)
        kids = self.kids(token)
        # an adjective has no subject: one before the verb makes it a predicate
        return (token.dep in ("amod", "compound") and head is not None and head.i > token.i
                and head.pos in ("NOUN", "PROPN") and any(k.dep.startswith("nsubj") and k.i < token.i for k in kids))

    def excluded_at(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.excluded)

    # -- time expressions to predicates ---------------------------------------------------------

    def timexes_from(self, start: int, end: int) -> list[TimexLike]:
        """The time expressions starting in ``[start, end)``, in the order of :attr:`timexes`."""
        lo, hi = bisect_left(self._timex_starts, start), bisect_left(self._timex_starts, end)
        return [self.timexes[n] for n in sorted(self._timex_order[lo:hi])]

    def mentions_within(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """The entity mentions lying wholly in ``[start, end)``, in text order."""
        lo, hi = bisect_left(self._mention_starts, start), bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m[1] <= end]

    def mentions_overlapping(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """The entity mentions sharing a character with ``[start, end)``, in text order."""
        lo = bisect_left(self._mention_starts, start - self._longest_mention)
        hi = bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m[1] > start]

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies within words in double quotation marks."""
        k = bisect_right(self._quote_starts, offset) - 1
        return k >= 0 and self._quote_reach[k] > offset

    def _timex_head(self, timex: TimexLike) -> Token | None:
        key = id(timex)
        if key not in self._timex_heads:
            self._timex_heads[key] = self._find_timex_head(timex)
        return self._timex_heads[key]

    def _find_timex_head(self, timex: TimexLike) -> Token | None:
        inside = self.parse.tokens_in(timex.start, timex.end)
        if not inside:
            return self.parse.token_at(timex.start)
        first, last = inside[0].i, inside[-1].i
        for token in inside:
            if not first <= token.head <= last or token.head == token.i:
                return token
        return inside[0]

    def _governor(self, token: Token) -> tuple[Token | None, Token | None]:
        """The predicate a time expression's head token belongs to, and the noun it dates, if any."""
        noun: Token | None = None
        current: Token | None = token
        first = True
        records = MESSAGE_NOUNS | WORK_NOUNS
        while current is not None:
            head = self.head(current)
            if (not first and current.dep in ("acl", "acl:relcl") and head is not None
                    and head.lemma.casefold() in records and token.i < head.i):
                current, noun = head, head  # "a May 4 memo obtained by X": the date is the memo's
                continue
            if not first and self.is_predicate(current):
                while current.dep == "xcomp" and self.head(current) is not None:
                    current = self.head(current)
                    assert current is not None
                return current, noun
            if not first and noun is None and current.lemma.casefold() in records:
                noun = current
            first = False
            current = self.head(current)
        # The parse left the date words hanging: the nearest verb of the sentence (after a dated
        # record, the verb it is the subject of: "a May 4 memo obtained by X showed ...").
        sentence = self.parse.sentences[token.sent]
        verbs = [t for t in self.tokens[sentence.first : sentence.last] if self.is_predicate(t)]
        if noun is not None:
            after = [v for v in verbs if v.i > noun.i and not (v.dep == "acl" and v.head == noun.i)]
            if after:
                return after[0], noun
        return (min(verbs, key=lambda v: abs(v.i - token.i)) if verbs else None), None

    def _reported(self, verb: Token) -> Token | None:
        """The clause a reporting verb reports: its complement, else the clause it is attached to."""
        # a complement after the verb first ("X reported that Y"), then one before ("Y, X said")
        for kid in sorted(self.kids(verb), key=lambda k: (k.i < verb.i, k.i)):
            if kid.dep in ("ccomp", "csubj", "csubj:pass") and kid.pos == "VERB" and kid.lemma.casefold() != "date":
                return kid
        head = self.head(verb)
        if head is not None and verb.dep in ("parataxis", "advcl", "conj", "ccomp") and head.pos == "VERB":
            return head
        return None

    def _reporting_before(self, timex: TimexLike) -> Token | None:
        """The reporting verb right before a time expression ("reported Tuesday", "said on May 4")."""
        inside = self.parse.tokens_in(timex.start, timex.end)
        i = inside[0].i - 1 if inside else -1
        if i >= 0 and self.tokens[i].lemma.casefold() == "on":
            i -= 1
        if i < 0:
            return None
        verb = self.tokens[i]
        lemma = verb.lemma.casefold()
        ok = verb.pos == "VERB" and lemma in REPORTING and lemma not in REPORTING_EVENTS
        return verb if ok else None

    def _below_subject(self, token: Token, verb: Token) -> bool:
        """Whether ``token`` hangs from ``verb`` inside its subject phrase."""
        current: Token | None = token
        while current is not None and current.head != verb.i and current.head != current.i:
            current = self.head(current)
        # a date that is itself the subject ("... by the Intercept Tuesday showed") is left alone
        return (current is not None and current.i != token.i and current.head == verb.i
                and current.dep.startswith("nsubj"))

    def assign_times(self) -> dict[int, _Predicate]:
        """Each usable time expression given to the predicate the parse attaches it to."""
        found: dict[int, _Predicate] = {}

        def at(verb: Token) -> _Predicate:
            return found.setdefault(verb.i, _Predicate(verb))

        for timex in self.timexes:
            token = self._timex_head(timex)
            if token is None:
                continue
            work, source = self._dated_work(timex)
            reported = self._reported(source) if source is not None else None
            if work is not None and reported is not None:
                at(reported).report_times.append(timex)  # the work's date bounds what it reports
                continue
            verb, noun = self._governor(token)
            reporting = self._reporting_before(timex)
            if reporting is not None:
                verb, noun = reporting, None  # "it was reported Tuesday", however the parse hung the date
            if verb is None:
                continue
            if verb.lemma.casefold() in REPORTING and verb.lemma.casefold() not in REPORTING_EVENTS:
                reported = self._reported(verb)
                if reported is not None and noun is None and self._below_subject(token, verb):
                    at(reported).own_times.append(timex)  # a reporter is no date: the parse misread the clause
                elif reported is not None:
                    dated_noun = noun is not None and noun.lemma.casefold() in MESSAGE_NOUNS | WORK_NOUNS
                    if dated_noun and noun is not None and noun.lemma.casefold() in MESSAGE_NOUNS:
                        at(reported).message_times.append(timex)
                    else:
                        at(reported).report_times.append(timex)
                continue
            if noun is not None and noun.lemma.casefold() in WORK_NOUNS and noun.dep.split(":")[0] in ("obl", "nmod", "ROOT"):
                at(verb).report_times.append(timex)  # "according to a May 3 report, X happened"
                continue
            if self._according(token, verb):
                at(verb).report_times.append(timex)  # "according to Ann Lowe's March 3 article, ..."
                continue
            at(verb).own_times.append(timex)
        return found

    def _according(self, token: Token, verb: Token) -> bool:
        """Whether ``token`` sits in an "according to" phrase of ``verb``: the date of a source."""
        current: Token | None = token
        while current is not None and current.i != verb.i:
            if current.text.casefold() == "according" or any(
                    k.text.casefold() == "according" for k in self.kids(current) if k.dep in ("case", "fixed", "mark")):
                return True
            current = self.head(current) if current.head != current.i else None
        return False

    # -- candidates -------------------------------------------------------------------------------

    def _bare_participle(self, verb: Token) -> bool:
        """A participle with a subject and no auxiliary heading a clause: a past tense the tagger
        read as a participle ("Her condition deteriorated")."""
        kids = self.kids(verb)
        return (verb.tag == "VBN" and verb.dep not in ("acl", "xcomp") and (verb.dep != "amod" or self._misattached(verb))
                and not any(k.dep in ("aux", "aux:pass") for k in kids) and any(k.dep == "nsubj" for k in kids))

    def _finite(self, verb: Token) -> bool:
        if verb.feature("VerbForm") == "Fin" or verb.tag in ("VBD", "VBZ", "VBP") or self._bare_participle(verb):
            return True
        return any(k.dep in ("aux", "aux:pass") for k in self.kids(verb))

    def _tense(self, verb: Token) -> str:
        """ "past", "perfect", "progressive", "future", "present" or "other" (non-finite)."""
        auxes = [k for k in self.kids(verb) if k.dep in ("aux", "aux:pass")]
        lemmas = {a.lemma.casefold() for a in auxes}
        texts = {a.text.casefold() for a in auxes}
        if lemmas & {"will", "shall"} or texts & {"'ll", "’ll"}:
            return "future"
        if "have" in lemmas:
            return "perfect"
        past_aux = any(a.feature("Tense") == "Past" or a.tag == "VBD" for a in auxes)
        if verb.tag == "VBD" or past_aux:
            return "past"
        if self._bare_participle(verb):
            return "past"
        if verb.tag == "VBG" and lemmas & {"be"}:
            return "progressive"
        if verb.tag in ("VBZ", "VBP") or (auxes and verb.tag == "VBN"):
            return "present"
        if verb.dep == "conj":
            head = self.head(verb)
            if head is not None and head.pos == "VERB":
                return self._tense(head)
        return "other"

    def _aspect(self, verb: Token) -> bool:
        """An aspect verb with a complement of its own: "continued to shun treatment", "began talks"."""
        return verb.lemma.casefold() in ASPECT and any(
            k.dep in ("xcomp", "obj", "obl") and k.i > verb.i and k.i not in self.in_time for k in self.kids(verb))

    def _unreal(self, verb: Token) -> bool:
        """Whether a predicate is negated, modal or conditional ("did not vote", "could vote")."""
        kids = self.kids(verb)
        if any(k.dep == "neg" or (k.dep == "advmod" and k.lemma.casefold() in ("not", "never", "n't")) for k in kids):
            return True
        if any(k.dep in ("aux", "aux:pass") and k.lemma.casefold() in MODALS for k in kids):
            return True
        return any(k.dep == "mark" and k.lemma.casefold() in ("if", "unless", "whether") for k in kids)

    def _naming(self, verb: Token) -> bool:
        """Whether a predicate names or characterizes its object ("critics called the plan a
        waste"): a claim voiced, not an act ("the union called a strike" is one)."""
        kids = self.kids(verb)
        objects = [k for k in kids if k.dep in ("obj", "dobj")]
        second = [k for k in kids if k.dep == "xcomp" and k.pos in ("NOUN", "ADJ", "PROPN")]
        # the name given is read as an xcomp or as a second object
        return verb.lemma.casefold() in NAMING and len(objects) + len(second) >= 2 and bool(objects)

    def _asked(self, verb: Token) -> bool:
        """Whether a predicate is an indirect question: its subject is "who" or "what", or it is
        asked how or why, and it modifies no noun ("police cannot tell who declined it", "it is
        unclear how police chose the owners"): what it tells is not stated as done ("where" also
        opens a relative clause of a place: not a question)."""
        if verb.dep.split(":")[0] in ("acl", "relcl"):
            return False
        return any((k.dep.startswith("nsubj") and k.tag == "WP" and k.text.casefold() in ("who", "what"))
                   or (k.tag == "WRB" and k.text.casefold() in ("how", "why"))
                   for k in self.kids(verb))

    def _under_unreal(self, verb: Token) -> bool:
        """Whether a predicate is the complement of a negated or modal one, directly or through
        coordinated complements: "police cannot tell who received a request or who declined
        it", "how many owners replied is not known"."""
        current = verb
        for _ in range(6):
            head = self.head(current)
            if head is None or current.dep.split(":")[0] not in ("ccomp", "csubj", "xcomp", "conj"):
                return False
            if head.pos in ("VERB", "AUX", "ADJ") and current.dep != "conj" and self._unreal(head):
                return True
            current = head
        return False

    def _skip(self, verb: Token, predicate: _Predicate | None) -> bool:
        """Whether a predicate does not tell of something that happened."""
        lemma = verb.lemma.casefold()
        dated = predicate is not None and bool(predicate.own_times or predicate.message_times)
        if lemma in REPORTING and not (lemma in REPORTING_EVENTS and dated):
            return True
        if lemma in STATES and not (lemma in STATES_WHEN_DATED and dated) and not self._aspect(verb):
            return True
        if verb.dep == "xcomp":
            return True
        if self.excluded_at(verb.start):
            return True
        if self._unreal(verb) or self._under_unreal(verb) or self._asked(verb) or self._naming(verb):
            return True
        sentence = self.parse.sentences[verb.sent]
        if self.text[sentence.start : sentence.end].rstrip("\"”’' )").endswith("?"):
            return True
        if verb.dep == "advcl" and verb.tag == "VBG" and any(
                k.dep == "mark" and k.lemma.casefold() == "while" for k in self.kids(verb)):
            # "requested footage while investigating vandalism": its head's circumstance, not an
            # act of its own ("..., killing three people" is one)
            return True
        if dated:
            return False
        if verb.dep == "acl":
            return True  # "footage captured during protests": an event only with a date of its own
        if self.in_quote(verb.start):
            return True  # the speaker's own words: a claim's, unless dated
        tense = self._tense(verb)
        if tense not in ("past", "perfect", "progressive"):
            return True
        return not self._finite(verb) and verb.dep != "conj"

    # -- events -------------------------------------------------------------------------------------

    def events(self) -> Iterable[Event]:
        found = self._from_parse()
        found.update(self._publications())
        self._fall_back(found)
        return [event for event, _ in found.values()]

    def _from_parse(self) -> dict[int, tuple[Event, list[TimexLike]]]:
        """Predicate token -> its event and the time expressions that date or bound it."""
        assigned = self.assign_times()
        found: dict[int, tuple[Event, list[TimexLike]]] = {}
        for sentence in self.parse.sentences:
            if self.excluded_at(sentence.start) and self.excluded_at(max(sentence.start, sentence.end - 1)):
                continue
            for verb in self.tokens[sentence.first : sentence.last]:
                if not self.is_predicate(verb):
                    continue
                predicate = assigned.get(verb.i)
                if self._skip(verb, predicate):
                    continue
                made = self._event(verb, predicate or _Predicate(verb))
                if made is not None:
                    found[verb.i] = made
        return found

    def _publications(self) -> dict[int, tuple[Event, list[TimexLike]]]:
        """A dated work a reporter reports in ("In a 2019 report, the Ledger reported that ..."): its
        publication is an event of that date, by the reporting verb's subject (the reporting act
        itself stays a claim)."""
        found: dict[int, tuple[Event, list[TimexLike]]] = {}
        for timex in self.timexes:
            noun, verb = self._dated_work(timex)
            if noun is None or verb is None or self.excluded_at(verb.start):
                continue
            subject = next((k for k in self.kids(verb) if k.dep == "nsubj"), None)
            if subject is None or subject.pos not in ("PROPN", "NOUN"):
                continue
            agent = _phrase(self, subject, drop_case=True)
            start = min(timex.start, noun.start, agent[0].start)
            end = max(timex.end, noun.end, verb.end, agent[-1].end)
            span = Span.at(self.doc, start, end)
            roles = {entity_id: "agent" for _, _, entity_id, _ in self.mentions_within(agent[0].start, agent[-1].end)}
            event = Event(
                id=record_id("evt", self.doc.id, span.start, span.end),
                label=f"{_render(self, agent)} published {_article(self, noun)} {noun.text}",
                time=timex.time,
                reports=(Report(self.doc.id, span, timex.time, f"events@{VERSION}"),),
                participants=tuple(Participant(i, r) for i, r in roles.items()),
                kind="publication",
            )
            found[-1 - noun.start - len(self.text)] = (event, [timex])
        return found

    def _dated_work(self, timex: TimexLike) -> tuple[Token | None, Token | None]:
        """The published work a date dates and the reporting verb it is the source of, if any:
        "In a 2019 report, X reported ...", "In a story dated March 3, 2019, X reported ..."."""
        token = self._timex_head(timex)
        head = self.head(token) if token is not None else None
        if token is None or head is None:
            return None, None
        sentence = self.parse.sentences[token.sent]

        def work(t: Token) -> bool:
            return t.lemma.casefold() in WORK_NOUNS and t.lemma.casefold() not in MESSAGE_NOUNS

        def reporting(t: Token | None) -> bool:
            return t is not None and t.pos == "VERB" and t.lemma.casefold() in REPORTING
        if work(head) and head.dep.split(":")[0] == "obl" and reporting(self.head(head)):
            return head, self.head(head)
        if head.lemma.casefold() == "date" and head.text.casefold() == "dated":
            # the parse may hang "dated March 3" anywhere: the work is the nearest before it
            noun = next((t for t in reversed(self.tokens[max(sentence.first, head.i - 8) : head.i]) if work(t)), None)
            verb = next((t for t in self.tokens[token.i : sentence.last] if reporting(t)
                         and any(k.dep == "nsubj" for k in self.kids(t))), None)
            if noun is not None and verb is not None:
                return noun, verb
        return None, None

    # -- the fallback: a dated clause read from the words where the parse gives no event --------

    def _fall_back(self, found: dict[int, tuple[Event, list[TimexLike]]]) -> None:
        """Give each usable date an event where the parse gave it none, read from the words.

        A parse can hang a date on the wrong word or miss a verb. The word-based clause reader
        (:mod:`.clauses`) names the verb a date belongs to; when the parse made no event of that
        verb dated by this date, the parse's event of that verb takes the date (when it had none
        of its own), else an event is made from the words, unless the clause is a reporting act,
        a caption, a question, negated, modal, conditional or future.
        """
        served = {(t.start, t.end) for _, used in found.values() for t in used}
        taken: set[int] = set()
        for timex in self.timexes:
            if self.excluded_at(timex.start):
                continue
            sentence = self.parse.sentence_of(timex.start)
            if sentence is None or self.text[sentence.start : sentence.end].rstrip("\"”’' )").endswith("?"):
                continue
            clause = dated_clause(
                self.text,
                (sentence.start, sentence.end),
                (timex.start, timex.end),
                [(t.start, t.end) for t in self.timexes_from(sentence.start, sentence.end)],
                [(s, e) for s, e, _, _ in self.mentions_within(sentence.start, sentence.end)],
            )
            if clause is None or clause.verb_at in taken or self._not_an_event(clause, timex):
                continue
            verb = self.parse.token_at(clause.verb_at)
            if (timex.start, timex.end) in served and (verb is None or not self._verb_like(verb)):
                continue  # the parse dated an event by it and sees no verb here: its reading stands
            time = self._clause_time(clause, timex)
            if verb is not None and verb.i in found:
                event, used = found[verb.i]
                if any(t is timex for t in used):
                    continue
                if event.time is not None and event.time.earliest is not None:
                    continue  # dated by a time expression of its own: the parse's reading stands
                found[verb.i] = (self._redated(event, clause, timex, time), [*used, timex])
            else:
                found[-1 - clause.verb_at] = (self._word_event(clause, timex, time, verb), [timex])
            taken.add(clause.verb_at)

    def _verb_like(self, token: Token) -> bool:
        """A verb by its tag, or by what hangs from it (a subject) though tagged otherwise; no modifier."""
        if token.dep.split(":")[0] in ("amod", "compound", "nmod", "det", "case"):
            return False
        return token.pos in ("VERB", "AUX") or any(k.dep.startswith("nsubj") for k in self.kids(token))

    def _not_an_event(self, clause: Clause, timex: TimexLike) -> bool:
        """Whether a clause read from the words is a reporting act, negated, modal, conditional or future."""
        if clause.verb.casefold() in REPORTING_WORDS or clause.verb_at < 0 or self.excluded_at(clause.verb_at):
            return True
        sentence = self.parse.sentence_of(clause.verb_at)
        floor = max(0, clause.verb_at - 40, sentence.start if sentence is not None else 0)
        before = re.split(r"[,;:—–()]", self.text[floor : clause.verb_at])[-1].casefold().split()[-4:]
        if set(before) & (MODALS | {"will", "not", "never", "n't", "if", "unless", "whether", "'ll", "’ll"}):
            return True
        if before and before[-1].endswith(("n't", "n’t")):
            return True
        time = timex.time
        if self.dct is not None and time is not None and time.earliest is not None and time.earliest > self.dct:
            return True  # after the document's date: a plan, not something that happened
        verb = self.parse.token_at(clause.verb_at)
        if verb is None or verb.pos not in ("VERB", "AUX"):
            return False
        if verb.tag in ("VBZ", "VBP") and not any(k.dep.startswith("aux") for k in self.kids(verb)):
            return True  # a headline's or a schedule's present ("MP calls for ...", "launches June 28")
        return self._tense(verb) == "future" or self._skip(verb, _Predicate(verb, own_times=[timex]))

    def _clause_time(self, clause: Clause, timex: TimexLike) -> TimeValue | None:
        """The date of a clause read from the words; a published work's date only bounds what it reports."""
        after = self.text[timex.end : timex.end + 20].split()
        noun = after[0].strip(",.;:").casefold() if after else ""
        bounded = noun in WORK_NOUNS and noun not in MESSAGE_NOUNS and clause.verb_at > timex.end + len(after[0])
        if bounded and timex.time is not None and timex.time.latest is not None:
            return TimeValue.from_edtf(f"../{timex.time.latest.isoformat()}", text=timex.text,
                                       anchor="before a report of " + timex.text)
        return timex.time

    def _redated(self, event: Event, clause: Clause, timex: TimexLike, time: TimeValue | None) -> Event:
        """The parse's event of a verb, dated by the date the words give its clause."""
        report = event.reports[0]
        span = Span.at(self.doc, min(report.span.start, clause.start, timex.start),
                       max(report.span.end, clause.end, timex.end))
        # the parse missed the object too ("Amazon submitted"): the words' fuller clause labels it
        fuller = len(event.label.split()) <= 2 < len(clause.label.split())
        return replace(
            event,
            id=record_id("evt", self.doc.id, span.start, span.end),
            label=_headline(clause.label) if fuller else event.label,
            time=time,
            reports=(replace(report, span=span, stated_time=time),),
            kind=_kind_of_words(clause) if event.kind == OTHER else event.kind,
        )

    def _word_event(self, clause: Clause, timex: TimexLike, time: TimeValue | None, verb: Token | None) -> Event:
        """An event made from a clause read from the words."""
        span = Span.at(self.doc, min(clause.start, timex.start), max(clause.end, timex.end))
        sentence = self.parse.sentence_of(timex.start)
        s_start, s_end = (sentence.start, sentence.end) if sentence is not None else (span.start, span.end)
        roles: dict[str, str] = {}
        for s, e, entity_id, _ in self.mentions_within(s_start, s_end):
            role = "participant"
            if clause.agent and clause.agent[0] <= s and e <= clause.agent[1]:
                role = "agent"
            elif clause.patient and clause.patient[0] <= s and e <= clause.patient[1]:
                role = "patient"
            if roles.get(entity_id, "participant") == "participant":
                roles[entity_id] = role
        return Event(
            id=record_id("evt", self.doc.id, span.start, span.end),
            label=_headline(clause.label),
            time=time,
            reports=(Report(self.doc.id, span, time, f"events@{VERSION}"),),
            participants=tuple(Participant(i, r) for i, r in roles.items()),
            kind=_kind(verb, None) if verb is not None and _kind(verb, None) != OTHER else _kind_of_words(clause),
        )

    def _event(self, verb: Token, predicate: _Predicate) -> tuple[Event, list[TimexLike]] | None:
        args = _Arguments.read(self, verb)
        if (args.subject is None and args.object is None and args.complement is None and not args.extra
                and args.stand_in is None):
            return None
        time, used = self._time(verb, predicate)
        label, covered = args.label(self)
        if len(label.split()) < 2:
            return None
        sentence = self.parse.sentences[verb.sent]
        spans = [(t.start, t.end) for t in covered if sentence.first <= t.i < sentence.last]
        spans += [(t.start, t.end) for t in used]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        span = Span.at(self.doc, start, end)
        roles, place = args.participants(self)
        event = Event(
            id=record_id("evt", self.doc.id, span.start, span.end),
            label=label,
            time=time,
            reports=(Report(self.doc.id, span, time, f"events@{VERSION}"),),
            participants=tuple(Participant(i, r) for i, r in roles.items()),
            place=place,
            kind=_kind(verb, args.object, self.kids(args.object) if args.object is not None else ()),
        )
        return event, used

    def _distance(self, verb: Token, timex: TimexLike) -> int:
        """Steps in the tree from the predicate down to the time expression (large if not below)."""
        token = self._timex_head(timex)
        steps = 0
        while token is not None and token.i != verb.i and steps < 50:
            token = self.head(token)
            steps += 1
        return steps if token is not None and token.i == verb.i else 1000 + abs(verb.start - timex.start)

    def _time(self, verb: Token, predicate: _Predicate) -> tuple[TimeValue | None, list[TimexLike]]:
        """The event's time and the time expressions it came from."""
        for group in (predicate.own_times, predicate.message_times):
            if group:
                best = min(group, key=lambda t: (self._distance(verb, t), abs(t.start - verb.start)))
                # a narrower time of the same predicate inside it refines it ("this year: in March")
                best = min([best, *(t for t in group if _within(t.time, best.time))], key=lambda t: _width(t.time))
                return best.time, [best]
        below = self._below(verb)
        if below:
            best = min(below, key=lambda t: (self._distance(verb, t), abs(t.start - verb.start)))
            return best.time, [best]
        bounds = [t for t in predicate.report_times if t.time is not None and t.time.latest is not None]
        tense = self._tense(verb)
        if tense not in ("past", "perfect", "progressive") and not bounds:
            return None, []
        latest = [(t.time.latest, [t]) for t in bounds if t.time is not None and t.time.latest is not None]
        if self.dct is not None and tense in ("past", "perfect", "progressive"):
            latest.append((self.dct, []))
        if not latest:
            return None, []
        day, used = min(latest, key=lambda pair: pair[0])
        anchor = "before a report of " + used[0].text if used else f"document date {self.dct}"
        return TimeValue.from_edtf(f"../{day.isoformat()}", text=used[0].text if used else None, anchor=anchor), used

    def _below(self, verb: Token) -> list[TimexLike]:
        """Dates in the predicate's subtree that no predicate of their own (or report) claims."""
        first, last = self.parse.subtree(verb)
        found = []
        # a time expression's head lies inside it, so only those overlapping the subtree can count
        reach = max(0, self.tokens[first].start - self._longest_timex), self.tokens[last - 1].end
        for timex in self.timexes_from(*reach):
            token = self._timex_head(timex)
            if token is None or not first <= token.i < last:
                continue
            governor, _ = self._governor(token)
            if governor is None or governor.i == verb.i:
                continue
            lemma = governor.lemma.casefold()
            if lemma in REPORTING or self._quoted_clause(governor, verb):
                continue
            found.append(timex)
        return found

    def _quoted_clause(self, inner: Token, outer: Token) -> bool:
        """Whether a clause below ``outer`` is reported speech (under a reporting verb)."""
        current: Token | None = inner
        while current is not None and current.i != outer.i:
            if current.lemma.casefold() in REPORTING and current.pos == "VERB":
                return True
            current = self.head(current)
        return False


def quotes_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words in double quotation marks."""
    from .text import quotes

    return quotes(text)


@dataclass
class _Arguments:
    """The arguments of one predicate: subject, object, one more phrase, and the agent of a passive."""

    verb: Token
    subject: Token | None = None
    object: Token | None = None
    agent: Token | None = None
    passive: bool = False
    complement: Token | None = None
    extra: list[Token] = field(default_factory=list)
    #: The noun a relative clause or participle modifies, standing for its subject or object.
    stand_in: Token | None = None

    @classmethod
    def read(cls, reader: _Reader, verb: Token) -> _Arguments:
        args = cls(verb)
        kids = reader.kids(verb)
        args.passive = (
            (verb.feature("Voice") == "Pass" and any(k.dep == "aux:pass" for k in kids))
            or any(k.dep == "nsubj:pass" for k in kids)
            or (verb.dep == "acl" and verb.tag == "VBN")
            or (verb.tag == "VBN" and any(k.dep == "obl:agent" for k in kids))
        )
        for kid in kids:
            if kid.i in reader.in_time and kid.dep.startswith("nsubj"):
                # a date read as the subject ("In March, a bundle ... was found"): its apposition is
                kid = next((k for k in reader.kids(kid) if k.dep == "appos" and k.i not in reader.in_time), kid)
            if kid.i in reader.in_time:
                continue
            if kid.dep in ("nsubj", "nsubj:pass", "csubj", "appos") and args.subject is None:
                args.subject = kid
            elif kid.dep in ("obj", "dobj") and args.object is None:
                args.object = kid
            elif kid.dep == "obl:agent" or (
                kid.dep == "obl" and args.passive and any(c.lemma.casefold() == "by" and c.dep == "case"
                                                          for c in reader.kids(kid))
            ):
                args.agent = kid
            elif kid.dep == "xcomp" and args.complement is None:
                args.complement = kid
            elif kid.dep in ("obl", "iobj") and kid.pos in ("NOUN", "PROPN", "NUM"):
                case = {w for c in reader.kids(kid) if c.dep in ("case", "fixed")
                        for w in (c.lemma.casefold(), c.text.casefold())}
                if not case & ASIDE_CASES:
                    args.extra.append(kid)
        if args.subject is None:
            # "On March 3, 2019, the Authority requested ...": the parse hung the subject on the date
            dated = [k for k in kids if k.i in reader.in_time and k.i < verb.i]
            args.subject = next((a for k in dated for a in reader.kids(k)
                                 if a.dep == "appos" and a.i not in reader.in_time and a.i < verb.i), None)
        head = reader.head(verb)
        if args.subject is None and verb.dep == "conj" and head is not None:
            args.subject = next((k for k in reader.kids(head) if k.dep in ("nsubj", "nsubj:pass")), None)
        if (args.subject is None and verb.dep == "parataxis" and head is not None and head.i < verb.i
                and head.pos in ("PROPN", "NOUN") and head.dep == "ROOT"):
            args.subject = head  # "Ann Lowe, a lawyer, instead decided to ...": the name is the subject
        if args.object is None and head is not None and reader._misattached(verb):
            args.object = head  # "has approved plans" read with "approved" inside the noun phrase
        if head is not None and verb.dep in ("acl", "acl:relcl", "relcl") and head.pos in ("NOUN", "PROPN", "PRON"):
            args.stand_in = head
        if args.subject is not None and args.subject.feature("PronType") == "Rel":
            args.stand_in = args.stand_in or _noun_before(reader, args.subject)
        relative_object = args.object is not None and _relative(args.object)
        if args.object is None and args.subject is not None and not _relative(args.subject):
            # "a survey that the Authority ran", the relative pronoun read as a marker
            relative_object = any(_relative(k) and not k.dep.startswith("nsubj") for k in kids)
        if relative_object and args.stand_in is not None:
            args.object = args.stand_in  # "a webinar that Ring ran": Ring ran a webinar
        return args

    def _subject_phrase(self, reader: _Reader) -> list[Token]:
        subject = self.subject
        if subject is not None and subject.feature("PronType") == "Rel" and self.stand_in is not None:
            return _phrase(reader, self.stand_in, drop_case=True)
        if subject is None and self.stand_in is not None and self.verb.dep == "acl" and self.verb.tag == "VBN":
            return []  # "footage captured in May": the noun is the patient
        return _phrase(reader, subject, drop_case=True) if subject is not None else []

    def label(self, reader: _Reader) -> tuple[str, list[Token]]:
        """The headline, and the tokens it was written from."""
        verb = self.verb
        kids = reader.kids(verb)
        subject = self._subject_phrase(reader)
        patient_stand_in = (
            _phrase(reader, self.stand_in, drop_case=True)
            if self.stand_in is not None and self.verb.dep == "acl" and self.verb.tag == "VBN" else []
        )
        verb_group = [k for k in kids if k.dep in ("aux", "aux:pass") and k.lemma.casefold() not in MODALS]
        particles = [k for k in kids if k.dep == "compound:prt"]
        stand_in_object = self.object is not None and self.object.i == verb.head and verb.dep in ("acl:relcl", "relcl")
        obj = _phrase(reader, self.object, drop_case=stand_in_object) if self.object is not None else []
        if self.object is not None and self.object.i == verb.head and reader._misattached(verb):
            obj = [t for t in obj if t.i > verb.i]  # the verb was read inside its object: only what follows
        complement = _phrase(reader, self.complement, keep_verbs=True) if self.complement is not None else []
        agent = _phrase(reader, self.agent, drop_case=True) if self.agent is not None else []
        parts: list[list[Token]]
        if self.passive and agent:
            parts = [agent, [verb, *particles], subject or patient_stand_in, obj, complement]
        elif patient_stand_in:
            parts = [patient_stand_in, [verb, *particles], obj, complement]
        else:
            parts = [subject, [*verb_group, verb, *particles], obj, complement]
        words = sum(len(p) for p in parts)
        if self.extra and words < _MAX_LABEL - 2:
            phrase = _phrase(reader, self.extra[0])
            if phrase and words + len(phrase) <= _MAX_LABEL:
                parts.append(phrase)
        first = next((p for p in parts if p), [])
        while len(first) > 1 and first[0].i != verb.i and (
                first[0].pos in ("ADP", "ADV", "SCONJ", "CCONJ", "PART") or _relative(first[0])):
            del first[0]  # "with over 2,000 departments requested", "exactly police requested": a headline starts with its subject
        pieces = [_render(reader, p) for p in parts if p]
        if len(parts) > 1 and parts[-1] and pieces and parts[-1][0].pos in ("ADP", "DET", "ADV", "SCONJ"):
            pieces[-1] = pieces[-1][:1].lower() + pieces[-1][1:]  # "In the UK" moved after the verb
        label = " ".join(" ".join(pieces).split())
        if len(label.split()) > _MAX_LABEL:
            label = " ".join(label.split()[:_MAX_LABEL]) + "…"
        covered = [t for p in parts for t in p if not _pronoun_replaced(reader, t)]
        if self.subject is not None and _pronoun_replaced(reader, self.subject):
            covered.append(self.subject)  # "She resigned": the passage keeps the document's words
        return label, covered or [verb]

    def participants(self, reader: _Reader) -> tuple[dict[str, str], str | None]:
        """Entity id -> role for the entities named in the arguments, and the event's place."""
        roles: dict[str, str] = {}
        place: str | None = None

        def add(token: Token | None, role: str) -> None:
            nonlocal place
            if token is None:
                return
            first, last = reader.parse.subtree(token)
            start, end = reader.tokens[first].start, reader.tokens[last - 1].end
            for _, _, entity_id, kind in reader.mentions_within(start, end):
                found = role
                if role == "participant" and kind == "place":
                    found = "place"
                    case = {c.lemma.casefold() for c in reader.kids(token) if c.dep == "case"}
                    if place is None and case & PLACE_CASES:
                        place = entity_id
                if roles.get(entity_id, "participant") == "participant":
                    roles[entity_id] = found
            antecedent = reader.parse.antecedent(token) if token.pos == "PRON" else None
            if antecedent is not None:
                for _, _, entity_id, _ in reader.mentions_overlapping(antecedent.start, antecedent.end)[:1]:
                    roles.setdefault(entity_id, role)

        subject = self.subject
        if subject is not None and subject.feature("PronType") == "Rel":
            subject = self.stand_in
        if self.passive:
            add(self.agent, "agent")
            add(subject, "patient")
        else:
            add(subject, "agent")
            add(self.object, "patient")
        if self.verb.dep == "acl" and self.stand_in is not None:
            add(self.stand_in, "patient")
        add(self.complement, "participant")
        for extra in self.extra:
            add(extra, "participant")
        return roles, place


def _headline(label: str) -> str:
    """A clause's label without the connectives and prepositions it starts with
    ("with over 200 departments requested footage", "exactly police requested footage")."""
    words = label.split()
    while len(words) > 2 and words[0] in NOT_FIRST:
        words.pop(0)
    return " ".join(words)


def _within(inner: TimeValue | None, outer: TimeValue | None) -> bool:
    """Whether a time lies inside another: both bounded ("in March" inside "this year")."""
    return (inner is not None and outer is not None and None not in (inner.earliest, inner.latest, outer.earliest, outer.latest)
            and outer.earliest <= inner.earliest and inner.latest <= outer.latest)  # type: ignore[operator]


def _width(time: TimeValue | None) -> int:
    """Days a time spans (a time without both bounds counts as very wide)."""
    if time is None or time.earliest is None or time.latest is None:
        return 1 << 30
    return (time.latest - time.earliest).days


def _relative(token: Token) -> bool:
    """Whether a token is a relative pronoun ("that", "which", "who", "whom")."""
    return token.feature("PronType") == "Rel" or (
        token.tag in ("WDT", "WP") and token.text.casefold() in ("that", "which", "who", "whom"))


def _noun_before(reader: _Reader, token: Token) -> Token | None:
    """The noun a relative pronoun stands for: the nearest noun before it (the head of its phrase)."""
    for i in range(token.i - 1, max(-1, token.i - 8), -1):
        candidate = reader.tokens[i]
        if candidate.pos in ("NOUN", "PROPN"):
            while candidate.dep in ("compound", "flat", "flat:name") and reader.head(candidate) is not None:
                head = reader.head(candidate)
                assert head is not None
                candidate = head
            return candidate
    return None


def _pronoun_replaced(reader: _Reader, token: Token) -> bool:
    return token.pos == "PRON" and reader.parse.antecedent(token) is not None and token.dep.startswith("nsubj")


def _phrase(reader: _Reader, head: Token, *, keep_verbs: bool = False, drop_case: bool = False) -> list[Token]:
    """The words of a phrase for a label: the head and its modifiers, clauses and dates cut."""
    chosen: dict[int, tuple[Token, int]] = {}
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        chosen[token.i] = (token, depth)
        for kid in reader.kids(token):
            if kid.i in reader.in_time or kid.dep.split(":")[0] in {d.split(":")[0] for d in CUT_FROM_PHRASE}:
                continue
            if kid.dep == "case" and token.i in reader.in_time:
                continue
            if drop_case and token.i == head.i and kid.dep in ("case", "mark"):
                continue
            if kid.pos in ("VERB", "AUX") and not keep_verbs and kid.dep not in ("amod", "compound"):
                continue
            if kid.dep.startswith("nmod") and kid.i in reader.in_time:
                continue
            # the case and determiner of a date left out ("in", "the" of "in the summer")
            if any(reader.tokens[j].i in reader.in_time for j in [kid.i]):
                continue
            stack.append((kid, depth + 1))
    # a case or determiner whose noun is a date is left out with it
    kept = {i for i, (t, _) in chosen.items() if not (t.dep in ("case", "det") and t.head in reader.in_time)}
    # too long: whole modifiers of the head go, the last and the loosest first
    loose = ("nmod", "conj", "obl", "amod", "nummod", "advmod", "acl")
    for kid in sorted(reader.kids(head), key=lambda k: (k.dep.split(":")[0] != "nmod", -k.i)):
        if len(kept) <= _MAX_PHRASE:
            break
        if kid.i in kept and kid.dep.split(":")[0] in loose:
            first, last = reader.parse.subtree(kid)
            kept -= set(range(first, last))
            if kid.dep == "conj":
                kept -= {k.i for k in reader.kids(head) if k.dep == "cc" and k.i < kid.i}
    tokens = sorted((chosen[i] for i in kept), key=lambda pair: pair[0].i)
    if len(tokens) > _MAX_PHRASE:
        tokens = [(t, d) for t, d in tokens if abs(t.i - head.i) <= _MAX_PHRASE // 2 or d == 0]
    result = [t for t, _ in tokens]
    aside = [k for k in reader.kids(head) if k.dep == "case" and k.text.casefold() in ASIDE_CASES]
    if result and aside:
        # "According to the Gazette, Ann Lowe ...", misread as one phrase: the aside is cut off
        commas = [t.i for t in reader.tokens[aside[0].i : result[-1].i + 1] if t.text == ","]
        if commas:
            result = [t for t in result if t.i > commas[-1]]
    if head.pos == "PRON" and head.dep.startswith("nsubj"):
        antecedent = reader.parse.antecedent(head)
        if antecedent is not None:
            return [reader.tokens[i] for i in range(antecedent.first, antecedent.last)]
    # trailing and leading punctuation and conjunctions read badly in a headline
    while result and (result[-1].pos in ("PUNCT", "CCONJ", "ADP") or result[-1].dep == "cc"):
        result.pop()
    while result and (result[0].pos in ("PUNCT", "CCONJ") or result[0].dep == "cc"):
        result.pop(0)
    return result


def _render(reader: _Reader, tokens: list[Token]) -> str:
    """Tokens as the text reads: no space where the text has none between neighbours."""
    out = ""
    previous: Token | None = None
    for token in sorted(tokens, key=lambda t: t.i):
        if previous is not None:
            glued = token.i == previous.i + 1 and token.start == previous.end
            out += "" if glued else " "
        out += token.text
        previous = token
    return out.strip().strip(",;:—–\"“”'’(").strip()


def _kind(verb: Token, obj: Token | None, obj_kids: Iterable[Token] = ()) -> str:
    """The event's kind: from the predicate's lemma, else its object's noun (or a noun the parse
    hung below a misread object: "a request tied to ..." read with "tied" as the object)."""
    lemma = verb.lemma.casefold()
    for kind, (lemmas, _) in KINDS.items():
        if lemma in lemmas:
            return kind
    nouns_of_object = [obj] if obj is not None else []
    if obj is not None and obj.pos != "NOUN":
        nouns_of_object += [k for k in obj_kids if k.dep == "compound" and k.pos == "NOUN"]
    for noun in nouns_of_object:
        for kind, (_, nouns) in KINDS.items():
            if noun.lemma.casefold() in nouns or noun.text.casefold() in nouns:
                return kind
    return OTHER


def _article(reader: _Reader, noun: Token) -> str:
    """The noun's own indefinite article ("a", "an"), or the one its first sound takes."""
    own = next((k.text.casefold() for k in reader.kids(noun) if k.dep == "det"), "")
    if own in ("a", "an"):
        return own
    return "an" if noun.text[:1].casefold() in "aeiou" else "a"


def _kind_of_words(clause: Clause) -> str:
    """The kind of a clause read from the words: its verb's form, else a noun of its label."""
    verb = clause.verb.casefold()
    stems = {verb, verb[:-1], verb[:-2], verb[:-3], verb[:-2] + "e" if verb.endswith("ed") else verb}
    words = {w.strip(".,;:“”\"'’").casefold() for w in clause.label.split()}
    for kind, (lemmas, _) in KINDS.items():
        if stems & lemmas:
            return kind
    for kind, (_, nouns) in KINDS.items():
        if words & nouns:
            return kind
    return OTHER


def _reference_events(
    doc: Document, dated: Sequence[TimexLike], mentions: Sequence[tuple[int, int, str]]
) -> list[Event]:
    """Each dated reference-list entry is the publication of the work it names."""
    text = doc.text
    found = []
    for entry in reference_entries(text):
        time = next((t.time for t in dated if entry.date[0] <= t.start < entry.date[1]), None)
        if time is None:
            continue
        authors = " and ".join(text[s:e] for s, e in entry.authors[:2]) + (" et al." if len(entry.authors) > 2 else "")
        title_words = text[slice(*entry.title)].strip().rstrip(",.").split()
        title = " ".join(title_words[:6]) + ("…" if len(title_words) > 6 else "")
        outlet = text[slice(*entry.outlet)]
        label = f"{authors} published “{title}” in {outlet}" if authors else f"{outlet} published “{title}”"
        span = Span.at(doc, *entry.line)
        roles: dict[str, str] = {}
        for s, e, entity_id in mentions:
            if entry.line[0] <= s and e <= entry.line[1]:
                agent = any(a_s <= s and e <= a_e for a_s, a_e in entry.authors)
                roles.setdefault(entity_id, "agent" if agent else "publisher")
        found.append(
            Event(
                id=record_id("evt", doc.id, span.start, span.end),
                label=label,
                time=time,
                reports=(Report(doc.id, span, time, f"events@{VERSION}"),),
                participants=tuple(Participant(i, r) for i, r in roles.items()),
                kind="publication",
            )
        )
    return found


