"""When an event happened: each time expression given to the predicate the parse attaches it to,
a date of a report or a published work only bounding what it reports, and an open range ending
at the document's date for a past-tense predicate without a date of its own."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Document, TimeValue
from ..nlp import Token
from .dating import DocumentDate, infer_date
from .event_filters import clock_alone
from .event_predicates import ParseReader, Predicate, TimexLike
from .event_words import (
    AMOUNT_CHANGES,
    ATTENDING,
    CONTESTS,
    INCIDENT_NOUNS,
    KINDS,
    LIGHT_VERBS,
    MESSAGE_NOUNS,
    OUTCOME_NOUNS,
    OUTCOME_VERBS,
    REPORTING,
    REPORTING_EVENTS,
    STATES,
    STATES_WHEN_DATED,
    WORK_NOUNS,
)

__all__ = ["TimeReader", "bounding_date", "recent_span", "width", "within"]

#: Words right before a time expression that make it a bound of the event, not its time.
#: Verbs of planning: a date after their "for" is the time of what was planned, not of the planning.
_PLANNING = frozenset("schedule reschedule plan slate set book".split())  # noqa: SIM905
_FOR = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
#: Words that move a coordinated predicate on from its first conjunct's time ("and later left").
_LATER = frozenset(
    "later then afterwards afterward subsequently eventually since thereafter finally soon after".split())  # noqa: SIM905
#: Words that set a main clause after what the sentence before told.
_MOVED_ON = frozenset("later then soon afterwards afterward subsequently eventually thereafter".split())  # noqa: SIM905
#: Words that set a main clause before what the sentence before told ("Earlier, ...").
_BACK = frozenset("earlier previously beforehand".split())  # noqa: SIM905
#: Place words that, set first, put a sentence in the scene of the one before ("Here, she met ...").
_SCENE = frozenset("here there".split())  # noqa: SIM905
#: Verbs of a change of an amount ("sales rose 4% to $2 million").
_FIGURE_CHANGES = AMOUNT_CHANGES | frozenset("slip slide ease tumble gain edge inch sink".split())  # noqa: SIM905
#: The anchor of the time an act told in the present progressive takes (see ``_told_as_now``).
_NOW = "told as now"
#: Adverbs of frequency: the clause tells of acts repeated over a time, no one act.
_FREQUENCY = frozenset(
    "sometimes often repeatedly regularly usually frequently occasionally increasingly routinely always".split())  # noqa: SIM905
#: Words opening a clause that orders the act it is attached to.
_ORDERING = frozenset("after before since until till".split())  # noqa: SIM905
_RELATIVES = frozenset("who which whom whose".split())  # noqa: SIM905
#: Prepositions that order an act after or before another one a noun names ("following the strike").
_AFTER_ACT = frozenset("after following since".split())  # noqa: SIM905
_BEFORE_ACT = frozenset("before prior until ahead".split())  # noqa: SIM905
#: Dependencies of a time that modifies a noun ("the 2019 bombing", "the bombing of 2019").
_NOUN_MODIFIERS = frozenset("compound amod nummod nmod".split())  # noqa: SIM905
#: Nouns of spans of time, or of a part of one: a date on them is still the clause's ("on the eve of
#: the May 4 vote", "spent part of Sunday night").
_TIME_NOUN_WORDS = (
    "time times day days night nights morning afternoon evening eve week weekend weeks month months year years "
    "quarter quarters period periods season half session date anniversary era decade century hour hours "
    "minute minutes moment end start beginning middle spring summer autumn fall winter "
    "part rest remainder portion bulk")
_TIME_NOUNS = frozenset(_TIME_NOUN_WORDS.split())
#: Prepositions after a noun that give the noun's own time ("a poster from 1998", "the flood of 2019").
_OWN_TIME_CASES = frozenset("of from between".split())  # noqa: SIM905
#: A period of account: it dates the figures and the acts on them ("third-quarter GNP growth").
_ACCOUNT_PERIOD = re.compile(r"\b(?:quarter|half|fiscal|period)", re.IGNORECASE)
#: Prepositions that set an act in what a dated noun names ("at its May 4 meeting").
_SETTING_CASES = frozenset("at during amid throughout on".split())  # noqa: SIM905
#: Units a span of time is measured in ("hours after the report", "two days before the vote").
_SPAN_UNITS = frozenset("second minute hour day week month year decade moment".split())  # noqa: SIM905
#: Subordinators of a clause told at the time of its main clause.
_AT_THE_TIME = frozenset("when as while".split())  # noqa: SIM905
#: Prepositions that set an act at another one a noun names ("at the meeting", "during the march"),
#: and "in" before a noun of an act ("killed in the attack", not "arrested in the city").
_DURING_ACT = frozenset("at during".split())  # noqa: SIM905
#: Verbs of reacting to an act named by their object, which must have happened before.
_REACTING_WORDS = (
    "praise hail welcome applaud commend celebrate condemn denounce decry deplore criticize criticise slam "
    "blast mourn protest appeal challenge"
)
_REACTING = frozenset(_REACTING_WORDS.split())
#: Verbs of telling, besides the reporting verbs, whose clause tells what was done by then
#: ("admitted that he sold the files", "testified that she saw him").
_TELLING = frozenset("admit confess testify acknowledge concede disclose announce".split())  # noqa: SIM905
# the words introducing the baseline of a comparison ("fell to $4 from $5 a year earlier")
_THAN = frozenset("than versus vs. vs".split())  # noqa: SIM905
_FROM = frozenset("from against".split())  # noqa: SIM905
_COMPARED = frozenset("compared comparing".split())  # noqa: SIM905
_YEAR_EARLIER = re.compile(r"\b(?:a\s+)?(?:year|quarter|month)[-\s]+(?:earlier|ago|before)\b", re.IGNORECASE)
_COMPARING = re.compile(r"\b(?:from|than|versus|vs\.?|against|compared\s+(?:with|to))\b", re.IGNORECASE)
_ACT_NOUNS = frozenset(noun for _, nouns in KINDS.values() for noun in nouns) | CONTESTS | INCIDENT_NOUNS
#: "with <a thing> <so many units> away," right before a date that restates the distance.
_WITH_AWAY = re.compile(
    r"\bwith\b[^,;:.()]{1,60}?\b(?:days?|weeks?|months?|years?)\s+away\s*,?\s*(?:on\s+|in\s+)?$",
    re.IGNORECASE)
#: A weekday, with the part of the day it may name ("Thursday night").
_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
                      r"|(?:this\s+|the\s+)?weekend", re.IGNORECASE)
#: Words that choose a weekday's week: then it is not simply the last one.
_WEEK_CHOSEN = re.compile(r"\b(?:next|this|coming|following|last|previous)\s+$", re.IGNORECASE)
_SIGNAL = re.compile(r"\b(until|till|before|after|since|by)\s+(?:the\s+)?$", re.IGNORECASE)

#: A time told from the time of the act told before it: "six minutes later", "an hour earlier",
#: "two days after", "the next day", "the following Tuesday", "later that night".
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "half": 0.5, "half an": 0.5}
_OFFSET = re.compile(
    r"(?:(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|forty-five|fifty|half an|a few|a couple of|several|some|just|only|about|nearly|almost)\s+)*"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|moments?)\s+(?P<way>later|earlier|afterwards?|before|after)",
    re.IGNORECASE)
_NEXT = re.compile(
    r"the\s+(?P<way>next|following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|the\s+(?P<unit2>day|night|evening|morning)\s+(?P<way2>before|after)"
    r"|(?:later\s+|earlier\s+)?that\s+(?P<same>day|morning|afternoon|evening|night)",
    re.IGNORECASE)
_SPAN_APART = re.compile(
    r"\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<way>after|before|following)\s+the\b", re.IGNORECASE)
_WEEKDAYS = ["mon", "tues", "wednes", "thurs", "fri", "satur", "sun"]
_UNIT_MINUTES = {"second": 1 / 60, "moment": 1, "minute": 1, "hour": 60, "day": 1440, "week": 10080}
_CLOCK = re.compile(r"T(\d\d):(\d\d)")
#: Parts of the day a time may name (TIMEX3 "TMO", "TAF", "TEV"), in minutes after midnight; a night
#: may run past midnight, so it gives no hours.
_PART = re.compile(r"T(MO|AF|EV|NI)\b")
_PART_WORD = re.compile(r"\b(?:morning|afternoon|evening)\b", re.IGNORECASE)
_PART_WORDS = {"morning": "MO", "afternoon": "AF", "evening": "EV"}
_PARTS = {"MO": (5 * 60, 12 * 60 - 1), "AF": (12 * 60, 18 * 60 - 1), "EV": (17 * 60, 21 * 60 - 1)}


#: "in the past few days", "over the last two weeks": a stretch of time ending at the document's date.
_RECENT = re.compile(r"\b(?:in|over|during|within)\s+$", re.IGNORECASE)
_RECENT_WORDS = re.compile(r"(?:the\s+)?(?:past|last)\b", re.IGNORECASE)
_RECENT_VALUE = re.compile(r"P(\d+|X)([DWMY])")
#: Units in days ("a few" and "several" are taken as fewer than ten of them).
_UNIT_DAYS = {"D": 1, "W": 7, "M": 31, "Y": 366}
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_FEW = re.compile(r"\b(?:few|several|couple)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Recent:
    """A stretch of time ending at the document's date, read from a duration ("the past few days")."""

    start: int
    end: int
    text: str
    type: str
    time: TimeValue | None


def recent_span(text: str, timex: TimexLike, value: str, dct: date | None) -> TimexLike | None:
    """The days a duration that reaches back from the document's date covers, as a date an event
    told within it lies in ("in the past few days, towns have started ..." happened between some
    days before the document's date and that date), or None for any other duration."""
    found = _RECENT_VALUE.fullmatch(value)
    if dct is None or timex.type != "DURATION" or found is None or not _RECENT_WORDS.match(timex.text) \
            or not _RECENT.search(text, max(0, timex.start - 12), timex.start) \
            or _OF_AFTER.match(text, timex.end):
        return None  # "the last five months of her life" end at another time than the document's
    if found.group(1) == "X":
        if not _FEW.search(timex.text):
            return None  # "the past many years" has no bound
        count = 9
    else:
        count = int(found.group(1))
    earliest = dct - timedelta(days=count * _UNIT_DAYS[found.group(2)])
    edtf = f"{earliest.isoformat()}/{dct.isoformat()}"
    return _Recent(timex.start, timex.end, timex.text, "DATE",
                   TimeValue.from_edtf(edtf, text=timex.text, anchor=dct.isoformat()))


def bounding_date(doc: Document, dct: DocumentDate | date | None) -> date | None:
    """The document's date when it bounds what the text tells of in the past tense.

    The latest date a text mentions (weak evidence) bounds nothing: events told after it may
    still be in the past of the writer.
    """
    found = infer_date(doc) if dct is None else dct
    if isinstance(found, DocumentDate):
        return None if found.weak else found.day
    return found


def _made_from(noun: str, verb: str) -> bool:
    """Whether a noun of four letters or more is made from a verb's lemma: the lemma starts with
    it ("plea", "plead") or it starts with the lemma, less a final "e" ("nomination", "nominate";
    "ruling", "rule")."""
    if len(noun) < 4 or len(verb) < 4:
        return False
    return verb.startswith(noun) or noun.startswith(verb) or (verb.endswith("e") and noun.startswith(verb[:-1]))


def within(inner: TimeValue | None, outer: TimeValue | None) -> bool:
    """Whether a time lies inside another: both bounded ("in March" inside "this year")."""
    return (inner is not None and outer is not None and None not in (inner.earliest, inner.latest, outer.earliest, outer.latest)
            and outer.earliest <= inner.earliest and inner.latest <= outer.latest)  # type: ignore[operator]


def width(time: TimeValue | None) -> int:
    """Days a time spans (a time without both bounds counts as very wide)."""
    if time is None or time.earliest is None or time.latest is None:
        return 1 << 30
    return (time.latest - time.earliest).days


def _relative(timex: TimexLike) -> bool:
    """Whether a time expression is told from another time ("two weeks later", "the next day")."""
    text = timex.text.strip()
    return _OFFSET.fullmatch(text) is not None or _NEXT.fullmatch(text) is not None


class TimeReader(ParseReader):
    """Gives the document's time expressions to its predicates."""

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
        top = token
        records = MESSAGE_NOUNS | WORK_NOUNS
        while current is not None:
            head = self.head(current)
            if (not first and current.dep in ("acl", "acl:relcl") and head is not None
                    and head.lemma.casefold() in records and token.i < head.i):
                current, noun = head, head  # "a May 4 memo obtained by X": the date is the memo's
                continue
            if not first and self._subject_apposition(current):
                return None, None  # "Vale, a mining town from 1890 until 1941, was flooded": the apposition's time
            if not first and not self.is_predicate(current) and self._opens_relative_aside(current):
                return None, None  # "arrested Ann Lowe, who had fled the state in May": the aside's time
            if not first and self.is_predicate(current):
                while current.dep == "xcomp" and self.head(current) is not None:
                    current = self.head(current)
                    assert current is not None
                return current, noun
            if not first and noun is None and current.lemma.casefold() in records:
                noun = current
            first = False
            top = current
            current = self.head(current)
        if not first and top.dep == "ROOT" and top.pos in ("NOUN", "PROPN") and top.i != token.i:
            # "The May 4 meeting, where the budget was tabled, ended in chaos" read with the noun as
            # the root and the verb hung on it with no subject: the noun is that verb's subject
            told = [k for k in self.kids(top) if k.i > top.i and k.dep.split(":")[0] in ("conj", "parataxis")
                    and self.is_predicate(k) and k.tag in ("VBD", "VBZ", "VBP")
                    and not any(c.dep.startswith(("nsubj", "expl", "csubj")) for c in self.kids(k))]
            if told:
                return told[0], noun
        if token.dep == "ROOT":
            # "Also Friday, the mayor, joined by a lawyer, flew to Lisbon" read with the date as the
            # sentence's root: the clause hung on it is the one it dates, not the nearest verb
            hung = [k for k in self.kids(token) if k.i > token.i and k.dep.split(":")[0] in ("parataxis", "dep", "conj")
                    and self.is_predicate(k) and k.tag in ("VBD", "VBZ", "VBP")]
            if hung:
                return hung[0], None
        # The parse left the date words hanging: the nearest verb of the sentence (after a dated
        # record, the verb it is the subject of: "a May 4 memo obtained by X showed ...").
        sentence = self.parse.sentences[token.sent]
        verbs = [t for t in self.tokens[sentence.first : sentence.last] if self.is_predicate(t)]
        if noun is not None:
            after = [v for v in verbs if v.i > noun.i and not (v.dep == "acl" and v.head == noun.i)]
            if after:
                return after[0], noun
        return (min(verbs, key=lambda v: abs(v.i - token.i)) if verbs else None), None

    def in_subject_apposition(self, timex: TimexLike) -> bool:
        """Whether a time expression lies inside an apposition of a subject (see
        :meth:`_subject_apposition`): it dates no predicate, by the parse or by the words."""
        current = self._timex_head(timex)
        for _ in range(12):
            if current is None:
                return False
            if self._subject_apposition(current):
                return True
            current = self.head(current)
        return False

    def _subject_apposition(self, token: Token) -> bool:
        """Whether a noun is an apposition of a subject, set off by a comma before the verb ("Ann
        Lowe, mayor since 2019, resigned", however the parse labelled it): a time inside it tells
        of the person or thing, not of what the verb says happened."""
        head = self.head(token)
        if (token.pos not in ("NOUN", "PROPN") or token.dep.split(":")[0] not in ("appos", "conj", "list")
                or head is None or head.pos not in ("NOUN", "PROPN") or not head.dep.startswith("nsubj")):
            return False
        if self.phrase_read_as_subject(head):
            return False  # "Inside the hall, Trump on Tuesday dismissed ...": the name is the subject
        verb = self.head(head)
        start = self.parse.subtree(token)[0]
        set_off = self.tokens[start].text == "," or (start > 0 and self.tokens[start - 1].text == ",")
        return (verb is not None and token.i < verb.i and set_off
                and not any(k.dep == "cc" for k in self.kids(token)))

    def _reported(self, verb: Token) -> Token | None:
        """The clause a reporting verb reports: its complement, else the clause it is attached to."""
        # a complement after the verb first ("X reported that Y"), then one before ("Y, X said")
        kids = sorted(self.kids(verb), key=lambda k: (k.i < verb.i, k.i))
        for kid in kids:
            if kid.dep in ("ccomp", "csubj", "csubj:pass") and kid.pos == "VERB" and kid.lemma.casefold() != "date":
                return kid
        for kid in kids:
            # "X closed the pier, the Ledger reported Tuesday" with the told clause read as an
            # adverbial one: a clause before the verb, with no subordinator, set off by a comma
            if (kid.dep in ("advcl", "parataxis") and kid.pos == "VERB" and kid.i < verb.i
                    and not any(k.dep == "mark" or k.tag == "WRB" for k in self.kids(kid))
                    and self.tokens[self.parse.subtree(kid)[1] - 1].text == ","):
                return kid
        head = self.head(verb)
        if head is not None and verb.dep in ("parataxis", "advcl", "conj", "ccomp") and head.pos == "VERB":
            return head
        return None

    def _directive(self, verb: Token) -> bool:
        """Whether a verb of telling gives an order rather than a report: its complement is a
        to-infinitive that is not perfect ("she was told to leave", not "he is said to have left"),
        so what it tells of is yet to be done and the date is the telling's own."""
        for kid in self.kids(verb):
            if kid.dep == "xcomp" and kid.pos == "VERB" and kid.i > verb.i:
                marks = self.kids(kid)
                if any(k.dep == "mark" and k.lemma.casefold() == "to" for k in marks) \
                        and not any(k.dep == "aux" and k.lemma.casefold() == "have" for k in marks):
                    return True
        return False

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
        ok = verb.pos == "VERB" and lemma in REPORTING and lemma not in REPORTING_EVENTS and not self.refusal(verb)
        last = inside[-1] if inside else None
        head = self.head(last) if last is not None else None
        if ok and last is not None and head is not None and head.i > last.i and head.pos == "NOUN" \
                and last.dep.split(":")[0] in ("amod", "compound", "nmod") and not self.in_time.get(head.i):
            return None  # "reported first-quarter profit rose": the period of the figure, not of the report
        return verb if ok else None

    def _verb_after_joined_time(self, timex: TimexLike) -> Token | None:
        """The finite verb right after a time expression that "and", "but" or "then" opens, when the
        verb has no subject of its own ("... and last month won the backing of the mayor"): the
        time is that verb's, however the parse hung it (on a noun of the clause before)."""
        inside = self.parse.tokens_in(timex.start, timex.end)
        if not inside or inside[0].i == 0 or inside[-1].i + 1 >= len(self.tokens):
            return None
        before, after = self.tokens[inside[0].i - 1], self.tokens[inside[-1].i + 1]
        if before.text.casefold() not in ("and", "but", "then") or after.tag not in ("VBD", "VBZ", "VBP") \
                or not self.is_predicate(after) or after.sent != before.sent:
            return None
        if any(k.dep.startswith("nsubj") for k in self.kids(after)):
            return None
        return after

    def _below_subject(self, token: Token, verb: Token) -> bool:
        """Whether ``token`` hangs from ``verb`` inside its subject phrase."""
        current: Token | None = token
        while current is not None and current.head != verb.i and current.head != current.i:
            current = self.head(current)
        # a date that is itself the subject ("... by the Intercept Tuesday showed") is left alone
        return (current is not None and current.i != token.i and current.head == verb.i
                and current.dep.startswith("nsubj"))

    def assign_times(self) -> dict[int, Predicate]:
        """Each usable time expression given to the predicate the parse attaches it to."""
        found: dict[int, Predicate] = {}
        self.assigned = found
        self.told: dict[int, tuple[TimeValue | None, list[TimexLike]]] = {}
        self.reports_told: set[int] = set()  # reporting verbs among them (no events)
        self.noun_times: set[tuple[int, int]] = set()  # times that date a noun, not a clause

        def at(verb: Token) -> Predicate:
            return found.setdefault(verb.i, Predicate(verb))

        for timex in self.timexes:
            token = self._timex_head(timex)
            if token is None:
                continue
            work, source = self._dated_work(timex)
            reported = self._reported(source) if source is not None else None
            if work is not None and reported is not None:
                at(reported).report_times.append(timex)  # the work's date bounds what it reports
                continue
            participle = self._participle_ending_before(token)
            if participle is not None:
                at(participle).own_times.append(timex)  # "a memo published by the Courier Tuesday showed"
                continue
            if self._dates_a_thing_away(timex):
                continue  # "With the levy vote days away, Jan. 9, the board named ...": the vote's
            verb, noun = self._governor(token)
            following = self._verb_after_joined_time(timex)
            if following is not None:
                verb, noun = following, None  # "trailed two rivals and last month won the backing of the mayor"
            reporting = self._reporting_before(timex)
            if reporting is not None:
                verb, noun = reporting, None  # "it was reported Tuesday", however the parse hung the date
            if verb is None:
                continue
            if verb.lemma.casefold() in REPORTING and verb.lemma.casefold() not in REPORTING_EVENTS \
                    and not self.refusal(verb) and not self._posted_a_picture(verb):
                if noun is None and timex.time is not None and timex.time.earliest is not None \
                        and timex.time.earliest == timex.time.latest and self._tense(verb) == "past" \
                        and (self.dct is None or timex.time.latest <= self.dct):
                    # "the harbour master said on Monday that ...": no event, but a day the story tells of
                    self.told.setdefault(verb.i, (timex.time, [timex]))
                    self.reports_told.add(verb.i)
                reported = self._reported(verb)
                if reported is None and self._directive(verb):
                    at(verb).own_times.append(timex)  # "in 1995 she was told to leave": an order, not a report
                    continue
                if reported is not None and noun is None and self._below_subject(token, verb):
                    at(reported).own_times.append(timex)  # a reporter is no date: the parse misread the clause
                elif reported is not None:
                    dated_noun = noun is not None and noun.lemma.casefold() in MESSAGE_NOUNS | WORK_NOUNS
                    if dated_noun and noun is not None and noun.lemma.casefold() in MESSAGE_NOUNS:
                        at(reported).message_times.append(timex)
                    else:
                        at(reported).report_times.append(timex)
                continue
            if noun is not None and noun.lemma.casefold() in WORK_NOUNS and noun.dep.split(":")[0] in ("obl", "nmod", "ROOT") \
                    and not self._done_in(noun, verb):
                at(verb).report_times.append(timex)  # "according to a May 3 report, X happened"
                continue
            if self._according(token, verb):
                at(verb).report_times.append(timex)  # "according to Ann Lowe's March 3 article, ..."
                continue
            if self.planned_for(verb, timex):
                continue  # "the vote, scheduled for March": the time of the vote, not of the scheduling
            if self._comparison_baseline(token, timex, verb):
                continue  # "fell to $4 in May from $5 a year earlier": the baseline's time, not the fall's
            if self._dates_a_noun_only(token, timex, verb):
                self.noun_times.add((timex.start, timex.end))
                continue  # "was charged in the 2019 bombing": the bombing's year, not the charge's
            at(verb).own_times.append(timex)
        return found

    def _dates_a_noun_only(self, token: Token, timex: TimexLike, verb: Token) -> bool:
        """Whether a time modifies a noun, set before it ("the 2019 bombing", "the Oct. 3 raid") or
        after it by "of", "from" or "between" ("a poster from 1998", "attacks between 2014 and
        2017"), and so dates what the noun names, not the clause's act. A time after a noun with
        another preposition or none ("fined the club on Friday", "met his aides Wednesday") is the
        clause's, however the parse hung it; so is a possessive ("Thursday's ruling": what is done
        with a ruling is mostly done as it comes out) and a period of account ("third-quarter
        earnings": the period of figures and of the acts on them). The noun's time is the act's
        when the noun is the clause's subject ("the May 4 meeting ended in chaos"), the setting
        the act is told "at", "during", "amid", "throughout", "on" or "in" ("at its May 4
        meeting, the board voted"; "killed in the 2019 bombing", but not an act of law told "in"
        another act: "charged in the 2019 bombing" is charged over it), an act it is ordered
        after or before (a bound, left to be read as it was), or the object of a verb of taking
        part in, holding or winning an act ("attended the May 4 rally", "won the 2019 election")."""
        head = self.head(token)
        dep = token.dep.split(":")[0]
        if head is None or head.i == verb.i or head.pos not in ("NOUN", "PROPN") or head.i in self.in_time \
                or head.lemma.casefold() in _TIME_NOUNS or self.is_predicate(head) \
                or timex.time is None or _ACCOUNT_PERIOD.search(timex.text):
            return False
        if token.i < head.i:
            if dep not in ("compound", "amod", "nummod", "nmod") or token.dep == "nmod:poss" \
                    or any(k.dep == "case" and k.text in ("'s", "’s", "'") for k in self.kids(token)):
                return False
        elif token.dep != "nmod" or not any(k.dep == "case" and k.text.casefold() in _OWN_TIME_CASES
                                            for k in self.kids(token)):
            return False
        top = head
        while top.head != verb.i:
            if top.head == top.i or self.is_predicate(top) or top.dep.startswith("nsubj"):
                return False
            nxt = self.head(top)
            if nxt is None or nxt.pos not in ("NOUN", "PROPN", "PRON", "NUM"):
                return False
            top = nxt
        top_dep = top.dep.split(":")[0]
        lemma = verb.lemma.casefold()
        if top_dep in ("obj", "dobj"):
            return lemma not in ATTENDING | LIGHT_VERBS | OUTCOME_VERBS
        if top_dep == "obl":
            case = next((k.text.casefold() for k in self.kids(top) if k.dep == "case"), "")
            if case in _SETTING_CASES or case in _AFTER_ACT | _BEFORE_ACT:
                return False
            return case != "in" or lemma in KINDS["legal action"][0]
        return False

    def _dates_a_thing_away(self, timex: TimexLike) -> bool:
        """Whether the date restates how far away a thing named in a "with" phrase is ("with the
        ferry's launch two weeks away, on May 3"): it dates that thing, not the clause's act."""
        token = self._timex_head(timex)
        if token is None:
            return False
        first = self.tokens[self.parse.sentences[token.sent].first].start
        return _WITH_AWAY.search(self.text, max(first, timex.start - 90), timex.start) is not None

    def _comparison_baseline(self, token: Token, timex: TimexLike, verb: Token) -> bool:
        """Whether a time dates the baseline a change is measured against, not the change: it
        hangs in a phrase of "than", "versus", "compared with", or of "from" or "against" on a
        quantity ("fell to $4 in May from $5 in April", "up from 3% in June", "compared with $7 in
        the year-earlier period"); or it is "a year earlier" / "year-earlier" told after such a word."""
        current: Token | None = token
        while current is not None and current.i != verb.i:
            kids = self.kids(current)
            for kid in kids:
                word = kid.text.casefold()
                if kid.dep in ("case", "mark", "cc") and word in _THAN:
                    return True
                if kid.dep == "case" and word in _FROM and self._quantity(current, kids, timex):
                    return True
            if current.text.casefold() in _COMPARED and current.i > verb.i:
                return True
            if current.head == current.i:
                break
            current = self.head(current)
        if _YEAR_EARLIER.search(timex.text) is None or timex.start < verb.end:
            return False
        between = self.text[verb.end:timex.start]
        return _COMPARING.search(between) is not None

    def _quantity(self, token: Token, kids: list[Token], timex: TimexLike) -> bool:
        """Whether a word names an amount ("$5", "3%", "4 million"; the time's own words ("the
        Communists in 1989") are none)."""
        if timex.start <= token.start < timex.end:
            return False
        return token.pos == "NUM" or token.text in ("$", "%") or token.text.casefold() in ("percent", "level", "levels") \
            or any((k.dep == "nummod" or k.pos == "NUM" or k.text in ("$", "%")) and not timex.start <= k.start < timex.end
                   for k in kids)

    def _done_in(self, noun: Token, verb: Token) -> bool:
        """Whether a work is what the verb's act was done in ("in a statement on Tuesday, the board
        dismissed the demands"): the work's date is the act's own, not a bound of what it reports."""
        return noun.dep.split(":")[0] == "obl" and noun.head == verb.i and any(
            c.dep == "case" and c.lemma.casefold() == "in" for c in self.kids(noun))

    def _participle_ending_before(self, token: Token) -> Token | None:
        """The participle whose phrase ends right before a date the parse read as a second subject
        of its clause ("a memo published by the Courier Tuesday showed ...": the memo was
        published on Tuesday), if there is one."""
        verb = self.head(token)
        if not token.dep.startswith("nsubj") or verb is None or token.i == 0:
            return None
        if not any(k.dep.startswith("nsubj") and k.i != token.i for k in self.kids(verb)):
            return None
        current: Token | None = self.tokens[token.i - 1]
        while current is not None and current.i != verb.i:
            if current.dep == "acl" and current.tag == "VBN" and self.parse.subtree(current)[1] == token.i:
                return current
            current = self.head(current) if current.head != current.i else None
        return None

    def _according(self, token: Token, verb: Token) -> bool:
        """Whether ``token`` sits in an "according to" phrase of ``verb``, or in a clause below
        ``verb`` that holds one ("according to emails the Gazette obtained on Tuesday" read with
        "obtained" as the clause): the date of a source."""
        current: Token | None = token
        while current is not None and current.i != verb.i:
            if current.text.casefold() == "according" or self._according_phrase(current):
                return True
            if current.i != token.i and current.pos == "VERB" and any(
                    k.dep.split(":")[0] in ("obl", "nmod") and self._according_phrase(k) for k in self.kids(current)):
                return True
            current = self.head(current) if current.head != current.i else None
        return False

    def _according_phrase(self, token: Token) -> bool:
        return any(k.text.casefold() == "according" for k in self.kids(token) if k.dep in ("case", "fixed", "mark"))

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


    def _distance(self, verb: Token, timex: TimexLike) -> int:
        """Steps in the tree from the predicate down to the time expression (large if not below)."""
        token = self._timex_head(timex)
        steps = 0
        while token is not None and token.i != verb.i and steps < 50:
            token = self.head(token)
            steps += 1
        return steps if token is not None and token.i == verb.i else 1000 + abs(verb.start - timex.start)

    def _time(self, verb: Token, predicate: Predicate) -> tuple[TimeValue | None, list[TimexLike]]:
        """The event's time and the time expressions it came from."""
        best = self._stated(verb, predicate)
        then = self._time_a_when_clause_follows(verb)
        # the clause is at that time whatever the preposition before it ("until Tuesday, when the
        # crews walked out": Tuesday, not up to it), unless a past act is read after the telling
        at_then = then is not None and best is not None and (best.start, best.end) == (then.start, then.end) and not (
            self.dct is not None and then.time is not None and then.time.earliest is not None
            and then.time.earliest > self.dct and self._tense(verb) in ("past", "perfect"))
        if then is not None and then.time is not None and (best is None or at_then or not within(best.time, then.time)):
            # "fees have doubled since August, when the ferry line raised its prices": August
            return then.time, [then]
        if best is not None:
            told_after = self._after_the_act_before(verb, best)
            if told_after is not None:
                return self._not_after_dct(verb, told_after), [best]
        if best is None:
            measured = self._measured_later(verb)
            if measured is not None:
                told_after = self._after_the_act_before(verb, measured)
                if told_after is not None:
                    return self._not_after_dct(verb, told_after), []
        if best is not None and self._after_the_telling(verb, best):
            best = self._weekday_before(best)  # "was used a million times by Thursday night": the Thursday before
        if best is not None and self._after_the_telling(verb, best):
            best = None  # "expressed interest in donations in the future": not the act's time
        if best is not None:
            joined = self._joined(best, predicate)
            if joined is not None:
                return self._not_after_dct(verb, joined[0]), [best, joined[1]]
            return self._not_after_dct(verb, self._signalled(best)), [best]
        below = self._below(verb)
        # a date of the source it is told "according to" ("according to emails obtained on
        # Tuesday") only bounds the event: it happened on or before it
        sourced = [t for t in below if (token := self._timex_head(t)) is not None and self._according(token, verb)]
        below = [t for t in below if not any(t is s for s in sourced) and not self._after_the_telling(verb, t)]
        if below:
            best = min(below, key=lambda t: (self._distance(verb, t), abs(t.start - verb.start)))
            return self._not_after_dct(verb, self._signalled(best)), [best]
        when = self._when_clause_time(verb) or self._time_of_when_clause(verb) or self._result_time(verb)
        if when is None and verb.dep == "conj" and self._tense(verb) in ("past", "perfect"):
            head = self.head(verb)
            if head is not None and not self.apart(verb.i, head.i) and head.i < verb.i \
                    and head.i not in self.assigned and self._tense(head) in ("past", "perfect"):
                when = self._time_of_when_clause(head)  # "two were killed and five injured when ..."
        if when is not None:
            return self._not_after_dct(verb, self._signalled(when)), [when]
        of_noun = self._time_of_the_noun_told_of(verb) if when is None else None
        if of_noun is not None:
            # (a time of another clause stays out of the report's words: "a guard who was watching
            # the gate was hurt on Monday" is two reports)
            timex, own = of_noun
            return self._not_after_dct(verb, timex.time), [timex] if own else []
        sequenced = self._sequence_time(verb)
        if sequenced is not None:
            return sequenced
        bounds = [t for t in [*predicate.report_times, *sourced] if t.time is not None and t.time.latest is not None]
        tense = self._tense(verb)
        going = self._going_on_when_reported(verb, tense, bounds)
        if going is not None:
            return going
        now = self._told_as_now(verb, tense) if not bounds else None
        if tense not in ("past", "perfect", "progressive") and not bounds:
            return (now, []) if now is not None else (None, [])
        latest = [(t.time.latest, [t]) for t in bounds if t.time is not None and t.time.latest is not None]
        if self.dct is not None and tense in ("past", "perfect", "progressive"):
            latest.append((self.dct, []))
        if not latest:
            return None, []
        day, used = min(latest, key=lambda pair: pair[0])
        anchor = "before a report of " + used[0].text if used else f"document date {self.dct}"
        telling = self._telling_day(verb, tense)
        if telling is not None and telling < day:
            # "Lazar pleaded guilty Wednesday. ... He said he had hacked 100 accounts": what a
            # past telling reports as done was done by the day it was told
            day, used, now = telling, [], None
            anchor = f"before it was told, on {telling.isoformat()}"
        before = self._conjunct_time(verb, tense)
        if before is not None and before.time is not None and before.time.earliest is not None:
            if before.start < verb.start and (self._fronted(before) or self._same_act_sequence(verb)):
                # "On Tuesday, X fined Y and suspended Z", "X met on March 15 and suspended Z": both that day
                return before.time, [before]
            if before.time.earliest <= day and verb.dep == "conj":
                # told after a dated act of its sentence: on or after that act, and on or before the bound
                edtf = day.isoformat() if before.time.earliest == day else f"{before.time.earliest.isoformat()}/{day.isoformat()}"
                return TimeValue.from_edtf(edtf, text=before.text, anchor=f"after {before.text}, {anchor}"), [before, *used]
        ordered = self._ordered_by(verb) if before is None or verb.dep in ("parataxis", "conj") else None
        if ordered is not None and ordered[0].time is not None:
            timex, word = ordered
            low, high = timex.time.earliest, timex.time.latest  # type: ignore[union-attr]
            if word in ("after", "since") and low is not None and low <= day:
                # "resigned after the council voted in May": in May or later, and by the bound
                edtf = day.isoformat() if low == day else f"{low.isoformat()}/{day.isoformat()}"
                return TimeValue.from_edtf(edtf, text=timex.text, anchor=f"{word} {timex.text}, {anchor}"), used
            if word in ("before", "until") and high is not None and high < day:
                return TimeValue.from_edtf(f"../{high.isoformat()}", text=timex.text, anchor=f"{word} {timex.text}"), used
        named = self._ordered_by_act(verb) if before is None and ordered is None else None
        if named is not None and named[0].time is not None:
            timex, word = named
            low, high = timex.time.earliest, timex.time.latest  # type: ignore[union-attr]
            apart = self._span_apart(verb, timex, word)
            if apart is not None and low is not None and high is not None:
                low, high = (low + apart, high + apart) if word in _AFTER_ACT else (low - apart, high - apart)
                if high <= day:
                    # "Three days after the storm, power was restored": the storm's day and three more
                    edtf = low.isoformat() if low == high else f"{low.isoformat()}/{high.isoformat()}"
                    return TimeValue.from_edtf(edtf, text=timex.text, anchor=f"{word} {timex.text}, {anchor}"), used
            if word in _AFTER_ACT and low is not None and low <= day:
                # "cut its fares following the strike", the strike dated before: on or after it
                edtf = day.isoformat() if low == day else f"{low.isoformat()}/{day.isoformat()}"
                return TimeValue.from_edtf(edtf, text=timex.text, anchor=f"{word} {timex.text}, {anchor}"), used
            if word in _BEFORE_ACT and high is not None and high < day:
                # "had risen prior to the attack", the attack launched on a day told before: by that day
                return TimeValue.from_edtf(f"../{high.isoformat()}", text=timex.text,
                                           anchor=f"{word} {timex.text}"), used
            if word not in _AFTER_ACT | _BEFORE_ACT and high is not None and high <= day:
                # "The council met on Monday. At the meeting, the mayor resigned": at that act, on its day
                # (the date stays out of the report's words: another sentence's)
                return TimeValue.from_edtf(timex.time.edtf, text=timex.text,  # type: ignore[union-attr]
                                           anchor=f"{word} the act of {timex.text}"), used
        contest = self._contest_decided(verb, tense) if before is None and ordered is None and named is None else None
        if contest is not None and contest.time is not None and contest.time.latest is not None \
                and contest.time.latest <= day:
            # "The election was held on Sunday. ... X was elected with 84,121 votes": the outcome of
            # that election, on its day (the date stays out of the report's words: another sentence's)
            return TimeValue.from_edtf(contest.time.edtf, text=contest.text,
                                       anchor=f"the outcome of the contest of {contest.text}"), used
        subject = self._act_told_as_subject(verb, tense) \
            if before is None and ordered is None and named is None and contest is None else None
        if subject is not None and subject.time is not None and subject.time.latest is not None \
                and subject.time.latest <= day:
            # "The match was played on Sunday. ... The match ended 2 - 1": what that act did, or how
            # it began or ended, is at its time (the date stays out of the report's words)
            return TimeValue.from_edtf(subject.time.edtf, text=subject.text,
                                       anchor=f"the act of {subject.text}"), used
        head = self.head(verb) if verb.dep == "conj" and before is None and ordered is None and named is None else None
        if head is not None and tense == "past" and not any(k.dep.startswith("nsubj") for k in self.kids(verb)) \
                and not self.apart(verb.i, head.i):
            # "X lost in this district and gave up the leadership": after that outcome
            contest = self._contest_decided(head, self._tense(head))
            if contest is not None and contest.time is not None and contest.time.earliest is not None \
                    and contest.time.earliest <= day:
                low = contest.time.earliest
                edtf = day.isoformat() if low == day else f"{low.isoformat()}/{day.isoformat()}"
                return TimeValue.from_edtf(edtf, text=contest.text, anchor=f"after the contest of {contest.text}, {anchor}"), used
        back = self._before_the_act_before(verb, tense) if before is None else None
        if back is None and before is None and ordered is None and named is None and contest is None:
            back = self._pluperfect_reference(verb)
        if back is not None and back.latest is not None and back.latest < day:
            # "The council voted on March 3. Earlier, the mayor had visited the site": by March 3
            return TimeValue.from_edtf(f"../{back.latest.isoformat()}", text=back.text,
                                       anchor=f"before the act told before, {back.edtf}"), used
        earlier = self._moved_on_from(verb, tense) if before is None else None
        if earlier is not None and earlier.time is not None and earlier.time.earliest is not None \
                and earlier.time.earliest <= day:
            # "In 2007, she left the ship. She was eventually sent to a camp": on or after 2007
            edtf = day.isoformat() if earlier.time.earliest == day else f"{earlier.time.earliest.isoformat()}/{day.isoformat()}"
            # (the earlier date stays out of the report's words: it is another sentence's)
            return TimeValue.from_edtf(edtf, text=earlier.text, anchor=f"after {earlier.text}, {anchor}"), used
        episode = self._episode_continued(verb, tense) if before is None and not used else None
        if episode is not None and episode.latest is not None and episode.latest <= day:
            # "On Friday, the league admitted two clubs. Its chair signed the papers": the story's
            # next act, told right after in the past, is in that day's scene
            return TimeValue.from_edtf(episode.edtf, text=episode.text, anchor=f"continuing the act of {episode.edtf}"), used
        period = self._figure_period(verb, tense) if before is None and not used else None
        if period is not None and period.time is not None and period.time.latest is not None and period.time.latest <= day:
            # "Varden Ferries posted lower first-quarter earnings. Revenue fell 6% to $40 million": the
            # figures told next are of the same period
            return TimeValue.from_edtf(period.time.edtf, text=period.text,
                                       anchor=f"a figure of the period of {period.text}"), used
        background = self._background_of_pluperfect(verb, tense) if not used else None
        if background is not None and background.latest is not None and background.latest <= day:
            # "A crowd had gathered at the hall, where the mayor was speaking": at the time the
            # past perfect is told before
            return TimeValue.from_edtf(background.edtf, text=background.text,
                                       anchor=f"going on at the time of {background.edtf}"), used
        if now is not None:
            return now, used
        return TimeValue.from_edtf(f"../{day.isoformat()}", text=used[0].text if used else None, anchor=anchor), used

    def _telling_day(self, verb: Token, tense: str) -> date | None:
        """The day a past verb of saying told the clause it reports, when the text gives one: a
        clause told done ("said he had hacked 100 accounts", "admitted that he sold the files")
        was done by then. The verb's day is the one its event was given, or, for a reporting
        verb (no event of its own), the day of the act it is told in ("in his plea") or of the
        scene it goes on with; never a day after the document's date."""
        head = self.head(verb)
        if verb.dep.startswith("acl") and head is not None and head.pos == "NOUN" and head.dep.split(":")[0] == "obl" \
                and any(k.dep == "mark" and k.text.casefold() == "that" for k in self.kids(verb)):
            # "admitted in his plea that he sold the files", the clause hung on the noun before it
            head = self.head(head)
        elif verb.dep != "ccomp":
            return None
        if tense not in ("past", "perfect") or head is None or head.pos != "VERB" \
                or head.lemma.casefold() not in REPORTING | _TELLING or self._tense(head) != "past" \
                or self.apart(verb.i, head.i):
            return None
        if tense == "perfect" and not any(k.dep == "aux" and k.lemma.casefold() == "have" and k.tag == "VBD"
                                          for k in self.kids(verb)):
            return None  # "said it has reserved time": a present perfect is told from now, not from the telling
        told = self.told.get(head.i)
        time = told[0] if told is not None else None
        if time is None and head.i not in self.assigned:
            named = self._ordered_by_act(head)
            if named is not None and named[1] not in _AFTER_ACT | _BEFORE_ACT:
                time = named[0].time
            else:
                time = self._episode_continued(head, "past")
        if time is None or time.earliest is None or time.earliest != time.latest \
                or (self.dct is not None and time.latest is not None and time.latest > self.dct):
            return None  # only a day told is a bound tighter than the document's date
        return time.latest

    def _time_a_when_clause_follows(self, verb: Token) -> TimexLike | None:
        """The time expression a "when" clause is told of, set right after it ("since August,
        when the ferry line raised its prices", "in 1968, when the mill closed", "a year ago, when
        the mill still ran two shifts"): the clause tells what happened then, however the parse hung it."""
        first = self.parse.subtree(verb)[0]
        opening = next((t for t in self.tokens[first : verb.i] if t.pos != "PUNCT"), None)
        if opening is None or opening.text.casefold() != "when" or opening.i == 0:
            return None
        before = opening.i - 1
        while before > 0 and self.tokens[before].text in (",", "-", "--", "_", "\u2014", "\u2013", "("):
            before -= 1
        timex = self.in_time.get(before)
        if timex is None or timex.type not in ("DATE", "TIME") or timex.end > opening.start \
                or self.apart(verb.i, before) or timex not in self.timexes:
            return None
        return timex

    def _figure_period(self, verb: Token, tense: str) -> TimexLike | None:
        """The period (longer than a day, a year at most) of the figures told last before a
        simple-past change of an amount with no time of its own ("Varden Ferries posted
        lower first-quarter earnings. Revenue fell 6% to $40 million"): the last time expression before
        it in its sentence or the one before, other than a baseline ("a year earlier", "compared
        with ...")."""
        head = self.head(verb)
        if tense != "past" or verb.lemma.casefold() not in _FIGURE_CHANGES or not (
                verb.dep == "ROOT" or (verb.dep == "conj" and head is not None and head.dep == "ROOT")):
            return None
        if not any(k.dep.split(":")[0] in ("obj", "obl", "nmod", "advmod") and any(
                t.pos == "NUM" or t.text in ("%", "$") for t in self.tokens[slice(*self.parse.subtree(k))])
                   for k in self.kids(verb)):
            return None  # no amount: not a figure
        sentence = self.parse.sentences[verb.sent]
        start = self.parse.sentences[verb.sent - 1].start if verb.sent > 0 else sentence.start
        for timex in reversed(self.timexes_from(start, verb.start)):
            time = timex.time
            if timex.type != "DATE" or time is None or time.earliest is None or time.latest is None:
                continue
            if _YEAR_EARLIER.search(timex.text) or _COMPARING.search(self.text, max(start, timex.start - 30), timex.start):
                continue  # the baseline of a comparison
            days = (time.latest - time.earliest).days
            return timex if 0 < days <= 366 else None
        return None

    def _time_of_the_noun_told_of(self, verb: Token) -> tuple[TimexLike, bool] | None:
        """The time a relative clause with none of its own takes from the noun it tells of: the
        date of a noun of an act ("the 2019 bombing that wrecked the office": 2019); the time of
        the dated act set in that act ("died on Monday in a fire that broke out in a warehouse":
        Monday); and, for a past progressive, the time of the dated act its noun takes part in ("a
        guard who was watching the gate was hurt on Monday": the watching went on then)."""
        noun = self.head(verb)
        if not verb.dep.startswith(("acl:relcl", "acl")) or noun is None or noun.pos not in ("NOUN", "PROPN") \
                or self.apart(verb.i, noun.i) or self._tense(verb) != "past":
            return None
        after = self.time_after_noun(noun)
        if after is not None:
            return after[1], True  # "the crash Monday that killed two": the clause tells of the crash, on Monday
        lemma = noun.lemma.casefold()
        if lemma in _ACT_NOUNS or noun.text.casefold() in _ACT_NOUNS:
            for i in range(self.parse.subtree(noun)[0], noun.i):
                timex = self.in_time.get(i)
                token = self._timex_head(timex) if timex is not None and timex.type == "DATE" else None
                if timex is not None and token is not None and token.head == noun.i and timex in self.timexes:
                    return timex, True  # the date of the act the noun names
        owner = self.head(noun)
        if owner is None or not self.is_predicate(owner) or self.apart(noun.i, owner.i) \
                or self._tense(owner) not in ("past", "perfect"):
            return None
        predicate = self.assigned.get(owner.i)
        stated = self._as_told(owner, self._stated(owner, predicate)) if predicate is not None else None
        if stated is None:
            return None
        setting = noun.dep.split(":")[0] == "obl" and (lemma in _ACT_NOUNS or noun.text.casefold() in _ACT_NOUNS) \
            and any(k.dep == "case" and k.text.casefold() in ("in", "during", "at") for k in self.kids(noun))
        progressive = verb.tag == "VBG" and any(
            k.dep == "aux" and k.lemma.casefold() == "be" and k.tag == "VBD" for k in self.kids(verb))
        return (stated, False) if setting or progressive else None

    def _going_on_when_reported(self, verb: Token, tense: str,
                                bounds: list[TimexLike]) -> tuple[TimeValue, list[TimexLike]] | None:
        """The day of a report that tells an act in the present progressive ("according to a post
        made on Friday, the site is being attacked"): the act was going on that day, not only done
        by then. Not a practice ("is often fined") and not a day after the document's."""
        if tense != "progressive" or not any(k.dep in ("aux", "aux:pass") and k.tag in ("VBZ", "VBP")
                                               for k in self.kids(verb)):
            return None
        days = [(t.time.latest, t) for t in bounds if t.time is not None and t.time.latest is not None
                and t.time.earliest == t.time.latest and (self.dct is None or t.time.latest <= self.dct)]
        if not days:
            return None
        first, last = self.parse.subtree(verb)
        if any(t.text.casefold() in _FREQUENCY and t.dep == "advmod" for t in self.tokens[first:last]):
            return None
        day, timex = min(days, key=lambda pair: pair[0])
        return TimeValue.of_day(day, anchor=f"going on when reported, {timex.text}"), [timex]

    def _told_as_now(self, verb: Token, tense: str) -> TimeValue | None:
        """The document's day for an act a news text tells in the present progressive or present
        perfect progressive with no time of its own ("Crews are clearing the road", "Fees have
        been rising"): it goes on at the time of writing. (A simple present perfect, "has
        approved", happened before it.)"""
        if self.dct is None:
            return None
        auxes = [k for k in self.kids(verb) if k.dep in ("aux", "aux:pass")]
        present = [a for a in auxes if a.tag in ("VBZ", "VBP")]
        if tense == "perfect":
            # (in a relative clause, a perfect tells what its noun has been through: "a service
            # the company has been supplying to police", no news of the day)
            ok = any(a.lemma.casefold() == "have" for a in present) and not verb.dep.startswith("acl")
        elif tense == "progressive":
            ok = bool(present)
        else:
            ok = False
        if not ok:
            return None
        first, last = self.parse.subtree(verb)
        if any(t.text.casefold() in _FREQUENCY and t.dep == "advmod" for t in self.tokens[first:last]):
            return None  # "wardens have been fining crews, sometimes over torn nets": a practice, no act of a day
        if tense == "perfect" and verb.tag != "VBG":
            # "The council has approved the levy": the news of the day, done by the time of
            # writing, that day or the day before
            before = self.dct - timedelta(days=1)
            return TimeValue.from_edtf(f"{before.isoformat()}/{self.dct.isoformat()}",
                                       anchor=f"{_NOW}, by the document date {self.dct}")
        return TimeValue.of_day(self.dct, anchor=f"{_NOW}, document date {self.dct}")

    def tell(self, verb: Token, time: TimeValue | None, used: list[TimexLike]) -> None:
        """Keep the time of an event made of a predicate, for the times told from it after."""
        self.told[verb.i] = (time, used)

    def _act_before(self, verb: Token) -> tuple[int, TimeValue, list[TimexLike]] | None:
        """The time of the act told last before a predicate: the main clause's of the nearest
        sentence before it (or of its own sentence, before it) that told a dated act. An act told
        with no date of its own ("She met the families") is passed over for the last one of the
        paragraph that had one ("On Sunday, the governor visited the site"): it was told in that
        scene, and what is "later that day" or "the day before" counts from that day."""
        by_sentence: dict[int, list[int]] = {}
        for i, (time, _) in self.told.items():
            if i < verb.i and time is not None and (time.earliest is not None or time.latest is not None):
                by_sentence.setdefault(self.tokens[i].sent, []).append(i)
        if not by_sentence:
            return None
        chosen: int | None = None
        for sent in sorted(by_sentence, reverse=True):
            first = sorted(by_sentence[sent], key=lambda i: (self.tokens[i].dep != "ROOT", i))[0]
            if chosen is None:
                chosen = first
            elif "\n" in self.text[self.tokens[first].start : verb.start]:
                break  # another paragraph
            time = self.told[first][0]
            if time is not None and time.earliest is not None:
                chosen = first
                break
        assert chosen is not None
        time, used = self.told[chosen]
        return (chosen, time, used) if time is not None else None

    def _measured_later(self, verb: Token) -> TimexLike | None:
        """"Minutes later", "hours earlier", "days later" with no count, "that evening": times the
        time reader leaves undated, as times told from the act before (the phrase of the verb)."""
        for kid in self.kids(verb):
            if self.apart(verb.i, kid.i) or kid.dep.split(":")[0] not in ("advmod", "obl", "nmod"):
                continue
            first, end = self.parse.subtree(kid)
            words = self.text[self.tokens[first].start : self.tokens[end - 1].end]
            if kid.dep == "advmod" and kid.text.casefold() in ("later", "earlier"):
                unit = next((k for k in self.kids(kid) if k.i == kid.i - 1 and k.pos == "NOUN"
                             and k.lemma.casefold() in ("minute", "hour", "day", "week", "moment", "second")), None)
                if unit is not None:
                    return _Recent(unit.start, kid.end, self.text[unit.start : kid.end], "DATE", None)
            elif (same := _NEXT.fullmatch(words)) is not None and same.group("same"):
                return _Recent(self.tokens[first].start, self.tokens[end - 1].end, words, "DATE", None)
        return None

    def _last_date_before(self, timex: TimexLike, *, past: bool) -> TimexLike | None:
        """The last date told before a time expression in its paragraph, or a day told before it
        in the text, other than a bound ("since 1962", "until May") and, for a past act, a time
        after the document's date."""
        paragraph = self.text.rfind("\n", 0, timex.start) + 1
        found = [t for t in self.timexes if t.end <= timex.start and t.type in ("DATE", "TIME") and t.time is not None
                 and t.time.earliest is not None and t.time.latest is not None
                 and (self.dct is None or not past or t.time.earliest <= self.dct)
                 and (t.start >= paragraph or t.time.earliest == t.time.latest)
                 and not _SIGNAL.search(self.text, max(0, t.start - 12), t.start)]
        return found[-1] if found else None

    def _pluperfect_reference(self, verb: Token) -> TimeValue | None:
        """The time a past perfect ("had left") is told before: the act of the clause it depends
        on ("arrested the man who had escaped"), or for a main clause, the dated act of the
        sentence right before in the paragraph ("On Friday, police arrested Tom Avery. He had
        robbed three banks."): what had been done was done by then; a participle that shares the
        auxiliary of the one before ("had finished the deck and painted the rails") by the same."""
        head = self.head(verb)
        if head is not None and self.shares_a_perfect(verb):
            return self._pluperfect_reference(head)
        if not any(k.dep == "aux" and k.lemma.casefold() == "have" and k.tag == "VBD" for k in self.kids(verb)):
            return None
        if verb.tag == "VBG":
            return None  # "had been stalling": it went on up to then, not done before
        if self.excluded_at(verb.start) or any(s <= verb.start < e for s, e in self.quoted):
            return None
        head = self.head(verb) if verb.dep != "ROOT" else None
        while head is not None and head.i not in self.told and head.dep != "ROOT":
            head = self.head(head)
        if head is not None and head.i in self.told and not self.apart(verb.i, head.i):
            time = self.told[head.i][0]
        elif verb.dep == "ROOT":
            found = self._act_before(verb)
            if found is None:
                return None
            between = self.text[self.tokens[found[0]].start : verb.start]
            if (self.tokens[found[0]].sent < verb.sent - 1 or "\n" in between) and not self._told_nothing_between(
                    found[0], verb):
                return None
            time = found[1]
            if time.earliest is None:
                time = self._dated_act_across_undated(verb) or time
        else:
            return None
        return time if time is not None and time.earliest is not None and time.latest is not None else None

    def _dated_act_across_undated(self, verb: Token) -> TimeValue | None:
        """The time of the last dated act before a past perfect, when only acts with no date of
        their own were told since, within three sentences and one paragraph break ("Six were
        arrested on Monday. // Police said the six belonged to a group. Its members had locked
        themselves together": by Monday); a second break or a dated act between ends the scene."""
        for i in sorted((i for i in self.told if i < verb.i), reverse=True):
            time = self.told[i][0]
            if time is None or time.earliest is None:
                continue
            if time.latest is None or verb.sent - self.tokens[i].sent > 3 \
                    or self.text.count("\n\n", self.tokens[i].start, verb.start) > 1:
                return None
            return time
        return None

    def _background_of_pluperfect(self, verb: Token, tense: str) -> TimeValue | None:
        """The day a past perfect is told before, for a past progressive with no time of its own in
        a clause attached to it or to one of its nouns ("A crowd had gathered outside the hall,
        where the mayor was speaking"): what was going on then is the background of that day's
        scene, not done before it."""
        if tense != "past" or verb.tag != "VBG" or verb.dep.split(":")[0] not in ("acl", "advcl"):
            return None
        if not any(k.dep == "aux" and k.lemma.casefold() == "be" and k.tag == "VBD" for k in self.kids(verb)):
            return None
        head = self.head(verb)
        while head is not None and head.pos in ("NOUN", "PROPN") and head.dep != "ROOT":
            head = self.head(head)
        if head is None or head.pos != "VERB" or self.apart(verb.i, head.i):
            return None
        time = self._pluperfect_reference(head)
        return time if time is not None and time.earliest is not None and time.earliest == time.latest else None

    def _told_nothing_between(self, i: int, verb: Token) -> bool:
        """Whether no act is told between a dated act and a predicate in the paragraph right after
        it ("As the mayor spoke on Monday, a boy was bitten. // Police said the boy was hurt. A crowd
        had gathered ..."): the text goes on in that act's scene, what had been done was done by
        then. One paragraph break at most, and an act told between breaks it; a paragraph opening
        with the predicate opens a look back of its own ("... voted on Aug. 3. // Earlier, the
        mayor had visited the site" tells of nothing before)."""
        sent = self.tokens[i].sent  # (another act of that act's own sentence is told in its scene)
        if any(i < k < verb.i and self.tokens[k].sent > sent for k in [*self.told, *self.assigned]):
            return False
        opening = self.tokens[self.parse.sentences[verb.sent].first].start
        if not self.text[self.text.rfind("\n", 0, opening) + 1 : opening].strip():
            return False
        return self.text.count("\n\n", self.tokens[i].start, verb.start) <= 1 \
            and verb.sent - self.tokens[i].sent <= 2

    def _before_the_act_before(self, verb: Token, tense: str) -> TimeValue | None:
        """The time of the act told before in the same paragraph, when a past-tense main clause
        tells of what came before it ("Earlier, ...", "X had previously ..."): the act was done by
        then. An adverb inside a time expression ("earlier this year") is that expression's."""
        if tense not in ("past", "perfect") or verb.dep != "ROOT":
            return None
        if not any(k.dep == "advmod" and k.text.casefold() in _BACK and not any(t.start <= k.start < t.end for t in self.timexes)
                   for k in self.kids(verb)):
            return None
        found = self._act_before(verb)
        if found is None:
            return None
        if "\n" in self.text[self.tokens[found[0]].start : verb.start]:
            return None  # told in another paragraph
        return found[1]

    def _after_the_act_before(self, verb: Token, timex: TimexLike) -> TimeValue | None:
        """The time of an act told as so long after or before the act told before it ("Six minutes
        later, X scored", "An hour earlier, Y had left", "The next day, ..."), counted from that
        act's time rather than from the last date the text named (which may be another clause's,
        "their first win since 1962"). Minutes keep the act's day; hours keep it only when the act
        before has a clock time (else the day before or after may be the one); days and weeks
        move it; an unknown count ("a few days later") leaves the range open on that side."""
        offset = _OFFSET.fullmatch(timex.text.strip())
        other = _NEXT.fullmatch(timex.text.strip()) if offset is None else None
        if offset is None and other is None:
            return None
        if other is not None and other.group("same") and timex.time is not None:
            return None  # "that day" the time reader gave the day last named
        found = self._act_before(verb)
        if found is None:
            return None
        _, before, used = found
        if before.earliest is None:
            # no act told before has a day: the last date told before is the time of the story
            # then (not a bound, "their first win since 1962")
            told = self._last_date_before(timex, past=self._tense(verb) in ("past", "perfect"))
            if told is not None and told.time is not None:
                before, used = told.time, [told]
        low, high = before.earliest, before.latest
        if offset is not None:
            unit = offset.group("unit").casefold().rstrip("s")
            sign = 1 if offset.group("way").casefold().startswith(("later", "after")) else -1
            counts = [w for w in re.findall(r"half an|[\w-]+", timex.text[: offset.start("unit")].casefold())
                      if w in _COUNTS or w.isdigit() or w in ("few", "couple", "several", "some")]
            count = next((float(w) if w.isdigit() else _COUNTS[w] for w in counts if w.isdigit() or w in _COUNTS), None)
            if any(w in ("few", "couple", "several", "some") for w in counts) or unit == "moment":
                count = None
            minutes = None if count is None else count * _UNIT_MINUTES[unit]
            values = [str(getattr(t, "value", "")) for t in used if t.type == "TIME"]
            values += ["T" + _PART_WORDS[w.group(0).casefold()] for t in used if (w := _PART_WORD.search(t.text))]
            clock = next((c for v in values if (c := _CLOCK.search(v))), None)
            part = next((_PARTS[p.group(1)] for v in values if (p := _PART.search(v)) and p.group(1) in _PARTS), None)
            if minutes is not None and clock is not None and unit not in ("day", "week") and low == high and low is not None:
                at = int(clock.group(1)) * 60 + int(clock.group(2)) + sign * minutes
                shift = timedelta(days=at // 1440)
                low = high = low + shift
            elif minutes is not None and part is not None and unit not in ("day", "week") and low is not None \
                    and high is not None and low == high:
                # "Friday afternoon ... An hour earlier": the hours of that part of the day, moved
                first, last = part[0] + sign * minutes, part[1] + sign * minutes
                low, high = low + timedelta(days=first // 1440), high + timedelta(days=last // 1440)
            elif unit in ("second", "minute") and (minutes is None or minutes <= 60):
                pass  # "six minutes later": the same day
            elif minutes is not None and unit in ("day", "week"):
                shift = timedelta(days=int(minutes // 1440))
                low, high = (low + sign * shift if low else None), (high + sign * shift if high else None)
            elif (minutes is not None and minutes < 1440) or (minutes is None and unit == "hour"):
                # "two hours later", no clock told: that day or the next
                if sign > 0:
                    high = high + timedelta(days=1) if high else None
                else:
                    low = low - timedelta(days=1) if low else None
            elif sign > 0:
                high = None  # "a few days later": on or after that day
            else:
                low = None
        elif other is not None:
            if other.group("same"):
                pass  # "later that night": the same day
            else:
                way = (other.group("way") or other.group("way2")).casefold()
                unit = (other.group("unit") or other.group("unit2")).casefold()
                sign = 1 if way in ("next", "following", "after") else -1
                if low is None or high is None or low != high:
                    return None  # a weekday after or a day after a span of days: no day to count from
                weekday = next((n for n, w in enumerate(_WEEKDAYS) if unit.startswith(w)), None)
                if weekday is None:
                    low = high = low + timedelta(days=sign)
                else:
                    ahead = (weekday - low.weekday()) % 7 or 7
                    low = high = low + timedelta(days=ahead if sign > 0 else ahead - 7)
        past = self._tense(verb) in ("past", "perfect")
        if low is None and self.dct is not None and high is not None and high > self.dct and past:
            high = self.dct  # "Two days later, X left", told after an act with no day: by the document's date
        if low is not None and self.dct is not None and low > self.dct and past:
            return None  # a past act counted past the document's date: the act before was misread
        if low is None and high is None:
            return None
        edtf = f"{low.isoformat() if low else '..'}/{high.isoformat() if high else '..'}"
        if low is not None and low == high:
            edtf = low.isoformat()
        return TimeValue.from_edtf(edtf, text=timex.text, anchor=f"{timex.text}, from {before.edtf}")

    def _span_apart(self, verb: Token, timex: TimexLike, word: str) -> timedelta | None:
        """How long after or before the act a definite noun names a predicate is told to be, when
        a count of days or weeks stands right before the ordering word ("three days after the
        storm", "a week before the vote"); None for any other ("hours after", "soon after")."""
        sentence = self.parse.sentences[verb.sent]
        for found in _SPAN_APART.finditer(self.text, sentence.start, sentence.end):
            if found.group("way").casefold() != word:
                continue
            count = found.group("count").casefold()
            number = int(count) if count.isdigit() else _COUNTS.get(count)
            if number is None or number != int(number):
                continue
            return timedelta(days=int(number) * (7 if found.group("unit").casefold().startswith("week") else 1))
        return None

    def _ordered_by_act(self, verb: Token) -> tuple[TimexLike, str] | None:
        """The date of an act told before that a phrase of the predicate names with a definite
        noun ("The attack was launched on Wednesday. ... had risen prior to the attack"), and the
        word ordering the two; None unless the noun names one dated act of the text before."""
        for kid in self.kids(verb):
            if kid.dep in ("obj", "dobj") and kid.pos == "NOUN" and verb.lemma.casefold() in ATTENDING \
                    and not self.apart(verb.i, kid.i):
                case = "at"  # "attended the opening", "joined the march": at that act
            elif kid.dep in ("obj", "dobj") and kid.pos == "NOUN" and self._reacting(verb) \
                    and not self.apart(verb.i, kid.i):
                case = "after"  # "praised the ruling", "appealed the verdict": a reaction comes after its act
            elif kid.dep.split(":")[0] != "obl" or kid.pos != "NOUN" or self.apart(verb.i, kid.i):
                continue
            else:
                case = next((c.text.casefold() for c in self.kids(kid) if c.dep == "case"), "")
                whole = next((n for n in self.kids(kid) if n.dep == "nmod" and n.pos == "NOUN" and any(
                    c.dep == "case" and c.text.casefold() == "of" for c in self.kids(n))), None)
                if kid.lemma.casefold() == "part" and case in ("as", "in") and whole is not None:
                    kid, case = whole, "during"  # "as part of his plea": during it
            done = self._nominalized(kid)
            during = case in _DURING_ACT or (case == "in" and (kid.lemma.casefold() in _ACT_NOUNS or done is not None))
            if case not in _AFTER_ACT | _BEFORE_ACT and not during:
                continue
            if kid.i < verb.i and not during and case not in _AFTER_ACT | _BEFORE_ACT:
                continue
            if not any(c.dep == "det" and c.text.casefold() in ("the", "this", "that") for c in self.kids(kid)) \
                    and not (done is not None and any(c.dep == "nmod:poss" for c in self.kids(kid))):
                continue  # "after a confrontation": no act told before ("his plea": the pleading told)
            dated: dict[str, TimexLike] = {}
            for other_i, predicate in self.assigned.items():
                other = self.tokens[other_i]
                if other.i >= verb.i or other.sent == verb.sent:
                    continue
                # (the act may be told by a gerund of means: "made history on Tuesday by nominating her")
                means = [k for k in self.kids(other) if k.dep == "advcl" and k.tag == "VBG" and any(
                    m.dep == "mark" and m.text.casefold() == "by" for m in self.kids(k))]
                if not any(a.dep in ("nsubj", "nsubj:pass", "obj") and a.lemma.casefold() == kid.lemma.casefold()
                           for a in self.kids(other)) and not (done is not None and any(
                               _made_from(kid.lemma.casefold(), v.lemma.casefold()) for v in [other, *means])):
                    continue
                stated = self._stated(other, predicate)
                if stated is not None and stated.time is not None and stated.time.earliest is not None:
                    dated[stated.time.edtf] = stated
            if len(dated) == 1:
                return next(iter(dated.values())), case
        return None

    def _reacting(self, verb: Token) -> bool:
        """Whether a verb is one of reacting to an act ("hailed", "praised", "condemned"), by its
        lemma or by its past form less its ending (a lemma the tagger left odd: "haile")."""
        word = verb.text.casefold()
        return bool({verb.lemma.casefold(), word.removesuffix("ed"), word.removesuffix("d")} & _REACTING)

    def _nominalized(self, noun: Token) -> str | None:
        """The lemma of the verb an act noun is made from, when the text told that verb before
        ("pleaded guilty on Wednesday. ... in his plea", "nominated her on Tuesday. ... the
        nomination"): the noun names that act. A noun of four letters or more that the verb's
        lemma starts with, or that starts with the verb's lemma (less a final "e")."""
        word = noun.lemma.casefold()
        if len(word) < 4 or noun.pos != "NOUN":
            return None
        return next((other.lemma.casefold() for other in self.tokens[: noun.i]
                     if other.pos == "VERB" and _made_from(word, other.lemma.casefold())), None)

    def _contest_decided(self, verb: Token, tense: str) -> TimexLike | None:
        """The date of the one contest (an election, a vote, a match) the text told as held on a
        day before a simple past that tells an outcome ("was elected", "defeated", "lost her
        seat", "earned a victory", "failed to get re-elected"); None when there is not exactly one."""
        dated = self._contests_dated(verb, tense)
        return next(iter(dated.values())) if dated is not None and len(dated) == 1 else None

    def _contests_dated(self, verb: Token, tense: str) -> dict[str, TimexLike] | None:
        """The dates of the contests told as held before a simple past that tells an outcome, by
        value; None when the predicate tells no outcome."""
        if tense != "past":
            return None
        kids = self.kids(verb)
        complements = [k for k in kids if k.dep == "xcomp"]
        complements += [c for k in complements for c in self.kids(k) if c.dep == "xcomp"]  # "failed to get re-elected"
        outcome = self._outcome_verb(verb) or any(self._outcome_verb(k) for k in complements) or any(
            k.dep in ("obj", "dobj") and (k.lemma.casefold() in OUTCOME_NOUNS or k.text.casefold() in OUTCOME_NOUNS
                                          or self._share_of_the_vote(k))
            for k in kids)
        if not outcome:
            return None
        return self._acts_dated_naming(verb, CONTESTS, earlier_sentences=False)

    def _acts_dated_naming(self, verb: Token, names: Collection[str], *,
                           earlier_sentences: bool) -> dict[str, TimexLike]:
        """The stated dates, by value, of the acts told before ``verb`` (in an earlier sentence
        only, when ``earlier_sentences``) whose subject or object is one of ``names``."""
        dated: dict[str, TimexLike] = {}
        for other_i, predicate in self.assigned.items():
            other = self.tokens[other_i]
            if other.i >= verb.i or (earlier_sentences and other.sent == verb.sent):
                continue
            if not any(a.dep in ("nsubj", "nsubj:pass", "obj") and a.lemma.casefold() in names for a in self.kids(other)):
                continue
            stated = self._stated(other, predicate)
            if stated is not None and stated.time is not None and stated.time.earliest is not None:
                dated[stated.time.edtf] = stated
        return dated

    def _act_told_as_subject(self, verb: Token, tense: str) -> TimexLike | None:
        """The date of the one act of a contest or an incident the text told as on a day in an
        earlier sentence, when a simple past's subject names it with a definite noun ("The
        election was held on Sunday. ... the polls closed", "A fire broke out on Monday. ... The
        fire destroyed six homes"); any contest noun names the contest, an incident its own noun."""
        if tense != "past":
            return None
        subject = next((k for k in self.kids(verb) if k.dep in ("nsubj", "nsubj:pass")), None)
        if subject is None or subject.pos != "NOUN" \
                or not any(c.dep == "det" and c.text.casefold() in ("the", "this", "that") for c in self.kids(subject)):
            return None
        noun = subject.lemma.casefold()
        names = CONTESTS if noun in CONTESTS else {noun} if noun in INCIDENT_NOUNS else None
        if names is None:
            return None
        dated = self._acts_dated_naming(verb, names, earlier_sentences=True)
        return next(iter(dated.values())) if len(dated) == 1 else None

    def _share_of_the_vote(self, noun: Token) -> bool:
        """Whether an object is a share of a contest's votes ("received 69 percent of the vote",
        "took a third of the ballots"): an outcome of that contest."""
        return noun.lemma.casefold() in ("percent", "%", "share", "third", "half", "quarter", "majority") and any(
            n.dep == "nmod" and n.lemma.casefold() in CONTESTS | {"votes", "ballots"} and any(
                c.dep == "case" and c.text.casefold() == "of" for c in self.kids(n)) for n in self.kids(noun))

    def _outcome_verb(self, verb: Token) -> bool:
        """Whether a verb tells what a contest decided, a hyphenated one read whole ("re-elected"
        split into "re", "-", "elected")."""
        last = verb
        while last.i + 2 < len(self.tokens) and self.tokens[last.i + 1].text == "-" \
                and self.tokens[last.i + 1].start == last.end and self.tokens[last.i + 2].start == last.end + 1:
            last = self.tokens[last.i + 2]
        word = self.text[verb.start : last.end].casefold()
        forms = {verb.lemma.casefold(), word, word.removeprefix("re-"), word.removeprefix("re")}
        forms |= {f[:-2] for f in forms if f.endswith("ed")} | {f[:-1] for f in forms if f.endswith("ed")}
        return bool(forms & OUTCOME_VERBS)

    def _moved_on_from(self, verb: Token, tense: str, depth: int = 0) -> TimexLike | None:
        """The date of the sentence before, when a past-tense main clause tells of what came
        after it ("eventually", "later", "afterwards", "subsequently") and that sentence dates its
        acts by one time: the act came on or after the start of that time."""
        if tense not in ("past", "perfect") or verb.dep != "ROOT":
            return None
        sentence = self.parse.sentences[verb.sent]
        # "Here, she met ...", "There, ...": set first, the place of the sentence before, the same scene
        scene = self.tokens[sentence.first].text.casefold() in _SCENE and sentence.first + 1 < sentence.last \
            and self.tokens[sentence.first + 1].text == "," and self.tokens[sentence.first].head == verb.i
        if not scene and not any(k.dep == "advmod" and k.text.casefold() in _MOVED_ON for k in self.kids(verb)):
            return None
        if verb.sent == 0 or "\n" in self.text[self.parse.sentences[verb.sent - 1].end : sentence.start]:
            return None  # the first sentence of a paragraph follows nothing told
        previous = self.parse.sentences[verb.sent - 1]
        stated = [t for predicate in self.assigned.values() for t in predicate.own_times
                  if previous.start <= t.start < previous.end and t.time is not None]
        if not stated and depth == 0:
            # the sentence before moved on from its own one ("In 2007, she left. She was
            # eventually sent to a camp. Here, she met ..."): this one is on or after that too
            root = next((t for t in self.tokens[previous.first : previous.last] if t.dep == "ROOT"), None)
            return self._moved_on_from(root, self._tense(root), depth=1) if root is not None else None
        return stated[0] if len({t.time.edtf for t in stated if t.time is not None}) == 1 else None

    def _episode_continued(self, verb: Token, tense: str) -> TimeValue | None:
        """The day of the act told last before (in the sentence right before, or earlier in the
        same paragraph with no dated act between), when a simple-past main clause
        (or a conjunct of one) with no time of its own goes on with the story: read in order, a
        past tense told next is the narrative's next step, in that day's scene ("On Friday, the
        league admitted two clubs. Its chair signed the papers. A storm closed the stadium road"),
        whoever it is told of. A jump back is marked ("earlier", "ago", "once", "first", a past
        perfect, a date of its own, an act of its own that orders it: "after a strike"), and so is
        a return to a thread told before that day's act (a subject or object that is a definite
        noun repeating a noun told before the act's sentence and not in it); a new paragraph may
        move on. A month or a year is a period a story moves about in ("In 2019 she opened a
        clinic. She met her partner"), not a scene."""
        head = self.head(verb)
        if tense != "past" or verb.sent == 0 or not (verb.dep == "ROOT" or (
                verb.dep == "conj" and head is not None and head.dep == "ROOT" and not self.apart(verb.i, head.i))):
            return None
        kids = self.kids(verb)
        if any(k.dep == "advmod" and k.text.casefold() in _BACK | {"ago", "once", "originally", "first"} for k in kids):
            return None
        if any(k.dep.split(":")[0] in ("obl", "advcl") and any(
                c.dep in ("case", "mark") and c.text.casefold() in _ORDERING | {"following"} for c in self.kids(k))
               for k in kids):
            return None  # "cut its fares after a strike": ordered by an act of its own, not the scene's
        contests = self._contests_dated(verb, tense)
        if contests is not None and len(contests) > 1:
            return None  # "was elected" after two votes held on two days: which one decided it is not told
        found = self._act_before(verb)
        if found is None:
            return None
        i, time, _ = found
        if time.earliest is None or time.latest is None or (time.latest - time.earliest).days > 1 \
                or (time.anchor or "").startswith(_NOW):
            # (the day of writing an act told as now was given is no day the text tells of)
            return None  # a day is a scene; a month or a year is a period a story moves about in
        if "\n" in self.text[self.tokens[i].start : verb.start]:
            story = self._story_day(verb)
            if story is not None and story.latest is not None and time.latest < story.latest:
                # a paragraph after a look back (an act of a day before the latest day of the story's
                # acts told so far) goes back to the story's own day, not on with that look back
                time = story
        previous = self.parse.sentences[self.tokens[i].sent]
        scene = {t.lemma.casefold() for t in self.tokens[previous.first : previous.last] if t.pos == "NOUN"}
        earlier = {t.lemma.casefold() for t in self.tokens[: previous.first] if t.pos == "NOUN"}
        for kid in kids:
            if kid.dep.split(":")[0] in ("nsubj", "obj") and kid.pos == "NOUN" \
                    and kid.lemma.casefold() in earlier - scene and any(
                        d.dep == "det" and d.lemma.casefold() in ("the", "these", "those") for d in self.kids(kid)):
                # "Emails show ... The request went out on July 16. A group obtained the emails":
                # a thing named before that day's act, and not in it, takes the story back to its
                # own thread, out of that day's scene
                return None
        return time

    def _story_day(self, verb: Token) -> TimeValue | None:
        """The latest day (no later than the document's date) an act told before a predicate
        took: the story's own day, so far."""
        days = [time for i, (time, _) in self.told.items() if i < verb.i and i not in self.reports_told and time is not None
                and time.earliest is not None and time.earliest == time.latest
                and not (time.anchor or "").startswith(_NOW) and (self.dct is None or time.latest <= self.dct)]
        return max(days, key=lambda t: t.earliest or date.min, default=None)

    def _joined(self, best: TimexLike, predicate: Predicate) -> tuple[TimeValue, TimexLike] | None:
        """The span of two dates of the predicate joined by "and" or "or" ("in 1997 and 1998":
        1997 to 1998), and the second date; None when no other date is joined to ``best``."""
        if best.time is None or best.time.earliest is None or best.time.latest is None:
            return None
        for other in predicate.own_times:
            if other is best or other.time is None or other.time.earliest is None or other.time.latest is None:
                continue
            first, second = (best, other) if best.start < other.start else (other, best)
            between = self.text[first.end : second.start].strip(" ,").casefold().split()
            if between not in (["and"], ["or"], ["and", "in"], ["or", "in"], ["and", "on"], ["or", "on"]):
                continue
            low, high = sorted((best.time, other.time), key=lambda t: (t.earliest, t.latest))
            if high.latest < low.latest:  # type: ignore[operator]
                continue  # one inside the other ("in 2019 and in May"): not two ends
            simple = not any(c in t.edtf for t in (low, high) for c in "/.")
            edtf = f"{low.edtf}/{high.edtf}" if simple else f"{low.earliest.isoformat()}/{high.latest.isoformat()}"  # type: ignore[union-attr]
            words = self.text[first.start : second.end]
            return TimeValue.from_edtf(edtf, text=words, anchor=f"{first.text} to {second.text}"), other
        return None

    def _signalled(self, timex: TimexLike) -> TimeValue | None:
        """A time expression's time as the word before it bounds the event: "until/by last
        month" is on or before its end, "before May 3" before its start, "after May 3" after
        its end, "since January" on or after its start; any other (on, in, at, during, no word)
        is the time itself."""
        time = timex.time
        if time is None or time.earliest is None or time.latest is None:
            return time
        found = _SIGNAL.search(self.text, max(0, timex.start - 12), timex.start)
        if found is None:
            return time
        word = found.group(1).casefold()
        if word == "after":
            edtf = f"{(time.latest + timedelta(days=1)).isoformat()}/.."
        elif word == "since":
            edtf = f"{time.earliest.isoformat()}/.."
        elif word == "before":
            edtf = f"../{(time.earliest - timedelta(days=1)).isoformat()}"
        else:
            edtf = f"../{time.latest.isoformat()}"
        return TimeValue.from_edtf(edtf, text=time.text, anchor=f"{word} {time.edtf}")

    def _not_after_dct(self, verb: Token, time: TimeValue | None) -> TimeValue | None:
        """A past-tense predicate's time cut at the document's date: "was held this week" in a
        Wednesday's paper is Monday to Wednesday, not the whole week, and "after May 3" is May 4
        to that date (what is told as done is done by the time it is told)."""
        if (time is None or self.dct is None or time.earliest is None
                or not time.earliest <= self.dct or (time.latest is not None and time.latest <= self.dct)):
            return time
        if self._tense(verb) not in ("past", "perfect"):
            return time
        edtf = self.dct.isoformat() if time.earliest == self.dct else f"{time.earliest.isoformat()}/{self.dct.isoformat()}"
        return TimeValue.from_edtf(edtf, text=time.text, anchor=f"{time.anchor or time.text}, told as past on {self.dct}")

    def _stated(self, verb: Token, predicate: Predicate) -> TimexLike | None:
        """The time expression a predicate's own clause gives it, if any."""
        for group in (predicate.own_times, predicate.message_times):
            group = [t for t in group if not self._apart(verb, t)]
            if any(not clock_alone(t) for t in group):
                group = [t for t in group if not clock_alone(t)]  # "cast at 2:30 the next day": the day told
            if any(not _relative(t) for t in group):
                group = [t for t in group if not _relative(t)]  # "nearly two weeks later, on Sept. 13": the date told
            if group:
                best = min(group, key=lambda t: (self._distance(verb, t), abs(t.start - verb.start)))
                # a narrower time of the same predicate inside it refines it ("this year: in March")
                return min([best, *(t for t in group if within(t.time, best.time))], key=lambda t: width(t.time))
        return None

    def planned_for(self, verb: Token, timex: TimexLike) -> bool:
        """Whether a date is what a verb of planning planned ("the vote, scheduled for March"): the
        time of the thing planned, not of the planning."""
        return verb.lemma.casefold() in _PLANNING and bool(
            _FOR.search(self.text, max(0, timex.start - 10), timex.start))

    def _conjunct_time(self, verb: Token, tense: str) -> TimexLike | None:
        """The stated time of the past-tense predicate a coordinated (or, for a date opening the
        sentence, a juxtaposed) past-tense predicate follows ("resigned on March 3 and left the
        city"; "Yesterday, X won; Y lost")."""
        head = self.head(verb)
        if verb.dep not in ("conj", "parataxis") or head is None or tense not in ("past", "perfect") or head.i > verb.i:
            return None
        if self.apart(verb.i, head.i):
            return None
        if not self.is_predicate(head) or self._tense(head) not in ("past", "perfect"):
            return None
        predicate = self.assigned.get(head.i)
        return self._stated(head, predicate) if predicate is not None else None

    def _same_act_sequence(self, verb: Token) -> bool:
        """Whether a coordinated predicate goes on telling what its first conjunct's subject did
        at that time: no subject of its own, the same tense, and no word that moves it on
        ("met on March 15 and suspended the contract", not "... and later suspended it"). A
        reader takes both to be of the first one's date."""
        head = self.head(verb)
        if verb.dep != "conj" or head is None or self._tense(verb) != self._tense(head):
            return False
        kids = self.kids(verb)
        if any(k.dep.startswith(("nsubj", "expl", "csubj")) for k in kids):
            return False
        moved_on = ("advmod", "obl", "obl:npmod", "obl:tmod", "mark")
        return not any((k.lemma.casefold() in _LATER or k.text.casefold() in _LATER) and k.dep in moved_on
                       for k in kids)

    def _weekday_before(self, timex: TimexLike) -> TimexLike | None:
        """A weekday with no word choosing its week ("Thursday night", not "next Thursday"), or
        "this weekend", read as the one after the document's date while the clause is told as
        past: the same days of the week before, the last ones on or before that date; None for any
        other time."""
        time = timex.time
        if self.dct is None or time is None or time.earliest is None or time.latest is None \
                or (time.latest - time.earliest).days > 1 \
                or not _WEEKDAY.fullmatch(timex.text) or not 0 < (time.earliest - self.dct).days < 7 \
                or _WEEK_CHOSEN.search(self.text, max(0, timex.start - 12), timex.start):
            return None
        first, last = time.earliest - timedelta(days=7), time.latest - timedelta(days=7)
        edtf = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
        return _Recent(timex.start, timex.end, timex.text, timex.type,
                       TimeValue.from_edtf(edtf, text=timex.text, anchor=f"{timex.text} before {self.dct}"))

    def _after_the_telling(self, verb: Token, timex: TimexLike) -> bool:
        """Whether a time lies wholly after the document's date while the predicate is told as
        past: it is another word's ("the future" of "donations in the future"), not the act's. Only
        a time read from the document's date: a date the text states outright ("on March 2, 2021")
        stands, since a document's own date (a PDF's creation date, a page's) may be the wrong one."""
        time = timex.time
        return (self.dct is not None and time is not None and time.anchor is not None
                and time.earliest is not None and time.earliest > self.dct
                and self._tense(verb) in ("past", "perfect"))

    def _apart(self, verb: Token, timex: TimexLike) -> bool:
        """Whether a time expression stands in another sentence than the predicate (see :meth:`apart`)."""
        token = self._timex_head(timex)
        return token is not None and self.apart(verb.i, token.i)

    def _when_clause_time(self, verb: Token) -> TimexLike | None:
        """The stated time of the predicate a "when" clause is attached to: "76 people were killed
        last week when the hotel collapsed" dates the collapse too."""
        head = self.head(verb)
        if verb.dep != "advcl" or head is None or not self.is_predicate(head) or self.apart(verb.i, head.i):
            return None
        if head.lemma.casefold() in STATES or self._tense(head) not in ("past", "perfect") \
                or any(k.dep == "cop" for k in self.kids(head)):
            return None  # "as strong today as it was when X was living": a state's time, not an act's
        if not any(k.dep in ("mark", "advmod") and k.text.casefold() in _AT_THE_TIME and k.i < verb.i
                   for k in self.kids(verb)):
            return None  # ("as" and "while" tell the same time: "was hurt on Monday as the crowd surged")
        predicate = self.assigned.get(head.i)
        return self._as_told(head, self._stated(head, predicate)) if predicate is not None else None

    def _result_time(self, verb: Token) -> TimexLike | None:
        """The stated time of the act a participle of result follows ("struck the coast on
        Tuesday, killing nine people": Tuesday)."""
        head = self.head(verb)
        if head is None or not self.result_participle(verb):
            return None
        predicate = self.assigned.get(head.i)
        return self._as_told(head, self._stated(head, predicate)) if predicate is not None else None

    def _as_told(self, verb: Token, timex: TimexLike | None) -> TimexLike | None:
        """A time of a past act as that act reads it: a weekday or "this weekend" read as after the
        document's date is the one before ("opened this weekend, attracting thousands": the
        weekend before, for the opening and what it brought)."""
        if timex is not None and self._after_the_telling(verb, timex):
            return self._weekday_before(timex) or timex
        return timex

    def _time_of_when_clause(self, verb: Token) -> TimexLike | None:
        """The stated time of a "when" (or "as", "while") clause attached to a past act that has
        none of its own: "two people were killed when a bus overturned on Saturday" happened on
        Saturday too."""
        if verb.lemma.casefold() in STATES or self._tense(verb) not in ("past", "perfect"):
            return None
        for kid in self.kids(verb):
            if kid.dep.split(":")[0] != "advcl" or kid.i < verb.i or self.apart(verb.i, kid.i):
                continue
            if not any(k.dep in ("mark", "advmod") and k.text.casefold() in _AT_THE_TIME and k.i < kid.i
                       for k in self.kids(kid)):
                continue
            predicate = self.assigned.get(kid.i)
            stated = self._stated(kid, predicate) if predicate is not None else None
            if stated is not None and self._tense(kid) in ("past", "perfect"):
                return stated
        return None

    def _sequence_time(self, verb: Token) -> tuple[TimeValue, list[TimexLike]] | None:
        """The bound an "after" or "before" clause takes from the dated predicate it is attached
        to, directly or through the clauses it completes: "was forced to resign in May after it
        became known that he left the files" (he left them on or before the end of May);
        "resigned in May before the audit began" (the audit began in May or later, and by the
        document's date)."""
        current = verb
        for _ in range(4):
            head = self.head(current)
            if head is None or self.apart(verb.i, head.i):
                return None
            if current.dep.split(":")[0] == "advcl":
                # its "after" or "before" opens it, or stands right before it hung elsewhere
                start = self.parse.subtree(current)[0]
                opening = [self.tokens[start]] + ([self.tokens[start - 1]] if start > 0 else [])
                measure = start
                while measure < current.i and self.tokens[measure].pos == "PUNCT":
                    measure += 1
                first_word = measure
                while measure < current.i and (self.tokens[measure].pos in ("NUM", "DET")
                                               or self.tokens[measure].lemma.casefold() in _SPAN_UNITS):
                    measure += 1  # "hours after", "two days before": the measure of the span comes first
                if measure > first_word:
                    opening.append(self.tokens[measure])
                mark = next((w.text.casefold() for w in opening if w.text.casefold() in ("after", "before")), None)
                governor = self.head(head)
                while head.dep == "xcomp" and governor is not None:
                    head, governor = governor, self.head(governor)  # "was forced to resign after ...": the forcing's time
                if mark is None or self._tense(head) not in ("past", "perfect"):
                    return None
                predicate = self.assigned.get(head.i)
                stated = self._stated(head, predicate) if predicate is not None else None
                if head.lemma.casefold() in STATES and not (head.lemma.casefold() in STATES_WHEN_DATED and stated is not None):
                    return None  # ("The ruling came on Monday after ...": a dated "come" is an act)
                if stated is None or stated.time is None or stated.time.earliest is None or stated.time.latest is None:
                    return None
                if mark == "after":
                    latest = min(stated.time.latest, self.dct) if self.dct is not None else stated.time.latest
                    return TimeValue.from_edtf(f"../{latest.isoformat()}", text=stated.text,
                                               anchor=f"before {stated.text}"), [stated]
                if self.dct is None or self.dct < stated.time.earliest:
                    return TimeValue.from_edtf(f"{stated.time.earliest.isoformat()}/..", text=stated.text,
                                               anchor=f"after {stated.text}"), [stated]
                return TimeValue.from_edtf(f"{stated.time.earliest.isoformat()}/{self.dct.isoformat()}",
                                           text=stated.text, anchor=f"after {stated.text}"), [stated]
            if current.dep.split(":")[0] not in ("ccomp", "csubj", "conj", "xcomp"):
                return None
            current = head
        return None

    def _fronted(self, timex: TimexLike) -> bool:
        """Whether a time expression opens its sentence (before any predicate): it sets the time
        of all the sentence tells."""
        token = self._timex_head(timex)
        if token is None:
            return False
        sentence = self.parse.sentences[token.sent]
        return not any(self.is_predicate(t) for t in self.tokens[sentence.first : token.i])

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
            if governor is None or governor.i == verb.i or self.apart(verb.i, token.i):
                continue
            lemma = governor.lemma.casefold()
            if lemma in REPORTING or self._quoted_clause(governor, verb) or self._in_a_modifier_clause(governor, verb) \
                    or self._in_a_relative_aside(governor, verb) or self._in_a_joined_clause(governor, verb) \
                    or self._ordering_clause(governor, verb) is not None \
                    or self._comparison_baseline(token, timex, verb):
                continue
            found.append(timex)
        return found

    def _ordering_clause(self, inner: Token, outer: Token) -> str | None:
        """The word ("after", "before", "since", "until") opening a clause below ``outer`` that
        ``inner`` lies in, if any: "resigned after the council voted in May" dates the vote; the
        resignation is only ordered by it."""
        current: Token | None = inner
        while current is not None and current.i != outer.i:
            if current.dep.split(":")[0] == "advcl":
                mark = next((k.text.casefold() for k in self.kids(current)
                             if k.dep == "mark" and k.text.casefold() in _ORDERING), None)
                if mark is not None:
                    return mark
                start = self.parse.subtree(current)[0]
                before = self.tokens[start - 1] if start > 0 else None
                if (before is not None and before.dep.split(":")[0] == "obl" and before.head == current.head
                        and not any(k.dep.startswith("nsubj") for k in self.kids(current))):
                    # "resigned after the council voted": the clause's subject read as an "after" phrase
                    case = next((k.text.casefold() for k in self.kids(before) if k.dep == "case"), None)
                    if case in _ORDERING:
                        return case
            current = self.head(current) if current.head != current.i else None
        return None

    def _ordered_by(self, verb: Token) -> tuple[TimexLike, str] | None:
        """The date of a clause right below the predicate that orders it ("after the council voted
        in May", or set first: "Before the council voted in May, the mayor resigned"), and its
        opening word, when there is one such date."""
        found = []
        for kid in self.kids(verb):
            if kid.dep.split(":")[0] != "advcl":
                continue
            mark = self._ordering_clause(kid, verb)
            predicate = self.assigned.get(kid.i)
            if mark is None or predicate is None:
                continue
            stated = self._stated(kid, predicate)
            if stated is not None and stated.time is not None:
                found.append((stated, mark))
        head = self.head(verb)
        if (not found and head is not None and verb.dep in ("parataxis", "conj") and head.i < verb.i
                and head.i in self.assigned and any(k.dep.startswith("nsubj") for k in self.kids(verb))):
            # "After the council voted in May, the mayor resigned" read with the main clause set
            # beside the first: the word opening the sentence orders the second by the first
            first = self.parse.sentences[verb.sent].first
            opening = self.tokens[first].text.casefold()
            if opening in _ORDERING and self.parse.subtree(head)[0] == first \
                    and not any(t.text == "," for t in self.tokens[first : head.i]):
                stated = self._stated(head, self.assigned[head.i])
                if stated is not None and stated.time is not None:
                    found.append((stated, opening))
        return found[0] if len(found) == 1 else None

    def _in_a_joined_clause(self, inner: Token, outer: Token) -> bool:
        """Whether a predicate below ``outer`` lies in a clause joined to it with a subject of its
        own ("she was born in Oslo but her uncle moved her to Riga in 1990"): that clause's date
        is its own, not the first clause's."""
        current: Token | None = inner
        while current is not None and current.i != outer.i:
            if current.head == outer.i:
                return current.dep == "conj" and any(k.dep.startswith("nsubj") for k in self.kids(current))
            current = self.head(current) if current.head != current.i else None
        return False

    def _in_a_modifier_clause(self, inner: Token, outer: Token) -> bool:
        """Whether a predicate below ``outer`` is a clause modifying its subject or a passive's doer
        ("the senator, who died on Sunday, served three terms"): its date is its own. (One modifying what was
        done may tell when: "requested footage of crimes that occurred over the summer".)"""
        current: Token | None = inner
        modifier = False
        while current is not None and current.i != outer.i:
            modifier = modifier or current.dep.startswith(("acl", "relcl"))
            if current.head == outer.i:
                # the doer of a passive too ("found by someone who gave it away today")
                return modifier and (current.dep.startswith(("nsubj", "obl:agent")) or (
                    current.dep.startswith("obl") and any(c.dep == "case" and c.lemma.casefold() == "by"
                                                          for c in self.kids(current))
                    and any(k.dep.startswith("aux:pass") for k in self.kids(outer))))
            current = self.head(current) if current.head != current.i else None
        return False

    def _in_a_relative_aside(self, inner: Token, outer: Token) -> bool:
        """Whether a predicate below ``outer`` opens with a comma and "who", "which", "whom" or
        "whose" ("arrested Ann Lowe, who had fled the state in May"): a relative clause set off
        tells of its own time, however the parse hung it."""
        current: Token | None = inner
        while current is not None and current.i != outer.i:
            if self._opens_relative_aside(current):
                return True
            current = self.head(current) if current.head != current.i else None
        return False

    def _opens_relative_aside(self, token: Token) -> bool:
        """Whether ``token`` is the verb of a relative clause set off by a comma (", who had fled")."""
        first = self.parse.subtree(token)[0]
        if self.tokens[first].text == ",":
            first += 1  # the parse may hang the comma from the clause
        return token.pos in ("VERB", "AUX") and first > 0 and self.tokens[first].text.casefold() in _RELATIVES \
            and self.tokens[first - 1].text == ","

    def _quoted_clause(self, inner: Token, outer: Token) -> bool:
        """Whether a clause below ``outer`` is reported speech (under a reporting verb)."""
        current: Token | None = inner
        while current is not None and current.i != outer.i:
            if current.lemma.casefold() in REPORTING and current.pos == "VERB":
                return True
            current = self.head(current)
        return False

