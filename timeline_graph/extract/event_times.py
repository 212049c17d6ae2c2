"""When an event happened: each time expression given to the predicate the parse attaches it to,
a date of a report or a published work only bounding what it reports, and an open range ending
at the document's date for a past-tense predicate without a date of its own.

The reader is built in three parts: :mod:`.event_time_clauses` (what a predicate's own clause
and sentence give), :mod:`.event_time_story` (what the acts told before it give) and this
module (which time expression goes to which predicate, and the time each event takes)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Document, TimeValue
from ..nlp import Token
from .dating import DocumentDate, infer_date
from .event_predicates import Predicate, TimexLike
from .event_time_clauses import (
    _ACT_NOUNS,
    _AFTER_ACT,
    _BEFORE_ACT,
    _COMPARING,
    _NOW,
    _YEAR_EARLIER,
    _Recent,
    width,
    within,
)
from .event_time_story import StoryTimes
from .event_words import (
    AMOUNT_CHANGES,
    ATTENDING,
    KINDS,
    LIGHT_VERBS,
    MESSAGE_NOUNS,
    OUTCOME_VERBS,
    REPORTING,
    REPORTING_EVENTS,
    WORK_NOUNS,
)

__all__ = ["TimeReader", "bounding_date", "recent_span", "width", "within"]

#: Verbs of a change of an amount ("sales rose 4% to $2 million").
_FIGURE_CHANGES = AMOUNT_CHANGES | frozenset("slip slide ease tumble gain edge inch sink".split())  # noqa: SIM905

#: Adverbs of frequency: the clause tells of acts repeated over a time, no one act.
_FREQUENCY = frozenset(
    "sometimes often repeatedly regularly usually frequently occasionally increasingly routinely always".split())  # noqa: SIM905

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

#: Verbs of telling, besides the reporting verbs, whose clause tells what was done by then
#: ("admitted that he sold the files", "testified that she saw him").
_TELLING = frozenset("admit confess testify acknowledge concede disclose announce".split())  # noqa: SIM905

#: "with <a thing> <so many units> away," right before a date that restates the distance.
_WITH_AWAY = re.compile(
    r"\bwith\b[^,;:.()]{1,60}?\b(?:days?|weeks?|months?|years?)\s+away\s*,?\s*(?:on\s+|in\s+)?$",
    re.IGNORECASE)

#: "in the past few days", "over the last two weeks": a stretch of time ending at the document's date.
_RECENT = re.compile(r"\b(?:in|over|during|within)\s+$", re.IGNORECASE)

_RECENT_WORDS = re.compile(r"(?:the\s+)?(?:past|last)\b", re.IGNORECASE)

_RECENT_VALUE = re.compile(r"P(\d+|X)([DWMY])")

#: Units in days ("a few" and "several" are taken as fewer than ten of them).
_UNIT_DAYS = {"D": 1, "W": 7, "M": 31, "Y": 366}

_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)

_FEW = re.compile(r"\b(?:few|several|couple)\b", re.IGNORECASE)


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


class TimeReader(StoryTimes):
    """Gives the document's time expressions to its predicates."""

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
