"""Events read from the parse: a predicate with its arguments (who did what to whom, where, when).

Every verb of a sentence that heads a clause is a candidate predicate. It becomes an event when
it tells of something that happened (or is scheduled with a date of its own): not a reporting
act ("said", "reported", "according to": those are claims; nor a source "reached by phone"),
not a state ("be", "have", "know", "coincide"), not negated ("not", "can`t", "nobody", "no
messages", "neither chamber"), not hypothetical (a modal, an "if" clause), not an intention ("plan
to", "aims to"), not what a time did ("April 24 marked ..."), not a characterization ("referred
to it as ..."), not a caption, byline, dateline, photo credit, navigation, reference line, list
of sources or a heading told as headlines are ("Driver identified in crash."). Its arguments come from the dependency
tree: the agent (the subject, or the "by" phrase of a passive), the patient (object or passive
subject), the place (an "in/at/on" phrase naming a place) and the time.

**Label.** Agent + verb (with its particle, auxiliaries and an infinitive complement) + object
(+ one short prepositional phrase), written with the sentence's own words, relative clauses and
appositions cut, date words left out; a pronoun subject becomes the name it refers to:
"the Harbor Authority requested new dredging permits".

**When.** The clause's own time expression first: the one the parse attaches to the predicate
(its head chain reaches the predicate before any other), else the nearest in the predicate's
subtree outside clauses of their own; a date that dates a report ("..., it was reported
Tuesday") only bounds the event reported: it happened on or before it. An "after" or
"before" clause of a dated act is bounded by it ("resigned in May after it became known that he
left the files": he left them by the end of May). Without one, a
past-tense or perfect predicate happened on or before the document's (stated) date:
``../2021-05-03``; any other stays undated. Never the publication day as if it were the
event's.

**The future.** A future-tense clause is an event only as a plan with a date of its own ("the
ferry will sail on June 4"), dated by the day it is planned for; a date after the document's
says it had not happened when written. A forecast is none: a future hedged ("will probably
sail"), the content of a prediction ("prices will rise, analysts predict"), a future change of
an amount ("will rise next year"), and what "was going to" happen; an undated future neither.

**Kind.** From the predicate's lemma, else its object's head noun, one of :data:`KINDS`.

A dated reference-list entry is the publication of the work it names; so is a news outlet's
report told with a day of its own ("the newspaper reported Tuesday"): the outlet published its
story that day (the reporting of anyone else stays a claim).

The parts: :mod:`.event_filters` (what is never an event: captions, bylines, boilerplate; which
dates can date one), :mod:`.event_predicates` (the parse looked up by position; which verbs tell
of something that happened), :mod:`.event_times` with :mod:`.event_time_clauses` and
:mod:`.event_time_story` (when), :mod:`.event_labels` (arguments, label, kind); this module
puts them together, with a fallback reading dated clauses from the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from .. import nlp
from ..model import Document, Entity, Event, Participant, Report, Span, TimeValue, record_id
from ..nlp import Parse, Token
from .claim_parse import mended
from .clauses import REPORTING_WORDS, Clause, dated_clause
from .dating import DocumentDate
from .event_ages import age_times
from .event_filters import clock_on_the_date, time_ok, topic_time
from .event_headings import title_case_heading
from .event_labels import Arguments, article, headline, kind_of, kind_of_words, label_phrase, render
from .event_parse import verbs_mended
from .event_predicates import Predicate, TimexLike, outermost
from .event_times import TimeReader, bounding_date, recent_span
from .event_words import KINDS, MESSAGE_NOUNS, MODALS, OTHER, OUTLET_NOUNS, WORK_NOUNS
from .text import reference_entries

__all__ = ["KINDS", "VERSION", "TimexLike", "find_events"]

#: Words up to a question mark closing a quotation, with no other closing mark or line between.
_QUESTION_QUOTED = re.compile(r"[^\"\u201d\n?.!]{0,200}\?\s*(?:''|[\"\u201d\u2019])")

VERSION = "events-1.47.0"

#: Words opening a clause that tells when its head's act happened.
_TIME_MARKS = frozenset(("after", "before", "since", "until", "once"))

#: The forms of "report" (an outlet's report of a day: see ``_Reader._outlet_reports``).
_REPORT_WORD = re.compile(r"\breport(?:s|ed|ing)?\b", re.IGNORECASE)


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
    parse = verbs_mended(mended(parse if parse is not None else nlp.parse(text)))
    bound = bounding_date(doc, dct)
    recent = {id(t): recent_span(text, t, str(getattr(t, "value", "")), bound) for t in timexes}
    usable: list[TimexLike] = [t for t in timexes if time_ok(text, t) and not clock_on_the_date(t, bound)]
    usable += [r for r in recent.values() if r is not None]
    usable = sorted(usable + age_times(text, parse, usable), key=lambda t: (t.start, t.end))
    reader = _Reader(doc, parse, usable, entities, bound,
                     spans=[t for t in timexes if (t.type in ("DURATION", "SET") and recent[id(t)] is None)
                            or topic_time(text, t) or clock_on_the_date(t, bound)])
    events: dict[str, Event] = {}
    for event in reader.events():
        events.setdefault(event.id, event)
    dated = [t for t in timexes if time_ok(text, t)]
    mentions = outermost((m.start, m.end, e.id) for e in entities for m in e.mentions)
    for event in _reference_events(doc, dated, mentions):
        events.setdefault(event.id, event)
    return tuple(sorted(events.values(), key=lambda ev: (ev.reports[0].span.start, ev.reports[0].span.end)))


class _Reader(TimeReader):
    """Reads the events of one document from its parse."""

    def events(self) -> Iterable[Event]:
        found = self._from_parse()
        found.update(self._publications())
        found.update(self._outlet_reports())
        self._fall_back(found)
        return [event for event, _ in found.values()]

    def _from_parse(self) -> dict[int, tuple[Event, list[TimexLike]]]:
        """Predicate token -> its event and the time expressions that date or bound it."""
        assigned = self.assign_times()
        for i, given in list(assigned.items()):
            verb, head = self.tokens[i], self.head(self.tokens[i])
            if head is not None and given.own_times and self._bare_infinitive(verb) and head.pos in ("VERB", "AUX"):
                # "asked the clerk to delete files in May or June": the infinitive is no event, its
                # dates are its head's when the head has none of its own
                owner = assigned.setdefault(head.i, Predicate(head))
                if not owner.own_times:
                    owner.own_times.extend(given.own_times)
        for verb in self.tokens:
            head = self.head(verb)
            if head is None or verb.i < head.i or not self._shares_its_time(verb, head):
                continue
            source = assigned.get(head.i)
            if source is None or not source.own_times:
                continue
            shared = assigned.setdefault(verb.i, Predicate(verb))
            if not shared.own_times:
                # "on October 6 he walked into the station and turned himself in": one subject,
                # one tense, one time
                shared.own_times.extend(source.own_times)
        for i, given in assigned.items():
            if self.dct is not None and self._plain_present(self.tokens[i]):
                # "her plight reminds him of a 1969 book": a present tense is not dated years back
                given.own_times[:] = [t for t in given.own_times if t.time is None or t.time.latest is None
                                      or (self.dct - t.time.latest).days <= 366]
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
                made = self._event(verb, predicate or Predicate(verb))
                if made is not None:
                    found[verb.i] = made
                    self.tell(verb, made[0].time, made[1])
        return found

    def _shares_its_time(self, verb: Token, head: Token) -> bool:
        """Whether a verb is a past tense coordinated with a past verb before it, sharing its
        subject (none of its own, no auxiliary, mark or adverb of its own): the two acts are told
        of one time."""
        if verb.dep != "conj" or verb.pos != "VERB" or head.pos != "VERB" or verb.tag != "VBD" or head.tag != "VBD":
            return False
        if any(k.dep.startswith(("nsubj", "aux", "mark", "expl", "advmod")) for k in self.kids(verb)):
            return False  # ("resigned on March 3 and later left the city": moved on)
        return not self.apart(head.i, verb.i)

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
            agent = label_phrase(self, subject, drop_case=True)
            start = min(timex.start, noun.start, agent[0].start)
            end = max(timex.end, noun.end, verb.end, agent[-1].end)
            span = Span.at(self.doc, start, end)
            roles = {entity_id: "agent" for _, _, entity_id, _ in self.mentions_within(agent[0].start, agent[-1].end)}
            event = Event(
                id=record_id("evt", self.doc.id, span.start, span.end),
                label=f"{render(self, agent)} published {article(self, noun)} {noun.text}",
                time=timex.time,
                reports=(Report(self.doc.id, span, timex.time, f"events@{VERSION}"),),
                participants=tuple(Participant(i, r) for i, r in roles.items()),
                kind="publication",
            )
            found[-1 - noun.start - len(self.text)] = (event, [timex])
        return found

    def _outlet_reports(self) -> dict[int, tuple[Event, list[TimexLike]]]:
        """A news outlet's report told with its own day ("the newspaper reported Tuesday that
        ..."): the outlet published its story that day, an event of that date by the outlet
        (what it reports stays a claim, and the day only bounds the events it tells of). Only a
        subject named as an outlet by its noun: a person's or an agency's report is a statement."""
        found: dict[int, tuple[Event, list[TimexLike]]] = {}
        usable = {id(t) for t in self.timexes}
        for match in _REPORT_WORD.finditer(self.text):
            verb = self.parse.token_at(match.start())
            if verb is None or verb.lemma.casefold() != "report" or verb.pos != "VERB" or self.excluded_at(verb.start):
                continue
            kids = self.kids(verb)
            if any(k.dep in ("aux:pass", "nsubj:pass") for k in kids) or self._unreal(verb):
                continue
            subject = next((k for k in kids if k.dep == "nsubj" and k.i < verb.i), None)
            if subject is None or subject.lemma.casefold() not in OUTLET_NOUNS:
                continue
            dated = [self.in_time[k.i] for k in kids if k.i in self.in_time and k.i > verb.i]
            timex = next((t for t in dated if id(t) in usable and t.time is not None and t.time.precision == "day"), None)
            if timex is None:
                continue
            agent = label_phrase(self, subject, drop_case=True)
            if not agent:
                continue
            span = Span.at(self.doc, min(agent[0].start, verb.start), max(timex.end, verb.end))
            roles = {entity_id: "agent" for _, _, entity_id, _ in self.mentions_within(agent[0].start, agent[-1].end)}
            event = Event(
                id=record_id("evt", self.doc.id, span.start, span.end),
                label=headline(f"{render(self, agent)} published a report"),
                time=timex.time,
                reports=(Report(self.doc.id, span, timex.time, f"events@{VERSION}"),),
                participants=tuple(Participant(i, r) for i, r in roles.items()),
                kind="publication",
            )
            found[-1 - verb.start - 2 * len(self.text)] = (event, [timex])
        return found

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
            if self.excluded_at(timex.start) or self.in_subject_apposition(timex) \
                    or (timex.start, timex.end) in self.noun_times:
                continue  # (a time the parse read as a noun's, "charged in the 2019 bombing", dates no clause)
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
            if verb is not None and self._apart(verb, timex):
                continue  # the clause read runs on into another sentence
            if (timex.start, timex.end) in served and (verb is None or not self._verb_like(verb)):
                continue  # the parse dated an event by it and sees no verb here: its reading stands
            time = self._clause_time(clause, timex)
            if verb is not None and verb.i in found:
                event, used = found[verb.i]
                if any(t is timex for t in used):
                    continue
                if event.time is not None and event.time.earliest is not None and used:
                    continue  # dated by a time expression of its own: the parse's reading stands
                # (a time carried from another sentence, "On Friday, X opened a clinic. A storm
                # closed the road", yields to a date of its own sentence the words give it)
                if (timex.start, timex.end) in served:
                    continue  # "the senator, who died on Sunday, served three terms": another event's date
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
        if self._in_quoted_question(clause.verb_at):
            return True  # "''Why does the pier stay shut?'' he asked": a question, no event
        sentence = self.parse.sentence_of(clause.verb_at)
        floor = max(0, clause.verb_at - 40, sentence.start if sentence is not None else 0)
        before = re.split(r"[,;:—–()]", self.text[floor : clause.verb_at])[-1].casefold().split()[-4:]
        if set(before) & (MODALS | {"will", "not", "never", "n't", "if", "unless", "whether", "'ll", "’ll"}):
            return True
        if before and before[-1].endswith(("n't", "n’t")):
            return True
        if before and before[-1] == "to" and self._infinitive_at(clause.verb_at):
            return True  # "asked the clerk to delete files in May": a purpose or a request's content, its head's act

        time = timex.time
        if self.dct is not None and time is not None and time.earliest is not None and time.earliest > self.dct:
            return True  # after the document's date: a plan, not something that happened
        verb = self.parse.token_at(clause.verb_at)
        if verb is not None and sentence is not None and title_case_heading(
                self.text, sentence.start, sentence.end, self.kids(verb)):
            return True  # "Declared 2016 Mayoral Candidates.": a heading, no act
        head = self.head(verb) if verb is not None else None
        if (verb is not None and head is not None and verb.dep.split(":")[0] in ("amod", "compound") and head.i > verb.i
                and head.pos in ("NOUN", "PROPN") and not self.misattached(verb) and verb.i > 0
                and (self.tokens[verb.i - 1].pos in ("DET", "ADP", "ADJ", "CCONJ", "NUM")
                     or self.tokens[verb.i - 1].tag == "PRP$")):
            # "the current and former elected officials", "thousands of dedicated men": a participle
            # inside a noun phrase, an adjective ("the Board delayed repairs" misread keeps its verb)
            return True
        if verb is not None and (verb.dep == "cop" or any(k.dep == "cop" for k in self.kids(verb))):
            return True  # "the plan is an insult": what something is, a state
        if verb is not None and verb.pos in ("NOUN", "PROPN") and verb.dep.startswith(("nsubj", "obj", "obl", "nmod")) \
                and any(k.dep in ("det", "nmod:poss") and k.i < verb.i for k in self.kids(verb)) \
                and not any(k.dep.startswith("acl") and k.tag == "VBN" and k.i == verb.i + 1 for k in self.kids(verb)):
            # "today's ruling is ...": a noun with its article or owner, an argument, no verb (a
            # dated noun and its participle, "the May 3 lawsuit filed by ...", tell the act)
            return True
        if verb is None or verb.pos not in ("VERB", "AUX"):
            return False
        if self.planned_for(verb, timex):
            return True  # "scheduled for March": a plan's time
        token = self._timex_head(timex)
        if token is not None and self._comparison_baseline(token, timex, verb):
            return True  # "fell to $4 from $5 in May": the baseline's time, not the fall's
        if (self.dct is not None and time is not None and time.latest is not None and self._plain_present(verb)
                and (self.dct - time.latest).days > 366):
            return True  # a present tense is not dated years back
        if verb.tag in ("VBZ", "VBP") and not any(k.dep.startswith("aux") for k in self.kids(verb)):
            return True  # a headline's or a schedule's present ("MP calls for ...", "launches June 28")
        return self._tense(verb) == "future" or self._skip(verb, Predicate(verb, own_times=[timex]))

    def _time_marks(self, verb: Token) -> list[Token]:
        """The word opening a clause that tells when its head's act happened ("after the polls
        closed", "since he was elected"): the report's words keep it, as the order of the two acts
        is told by it."""
        if self.head(verb) is None:
            return []
        kids = self.kids(verb)
        # (the parser may hang the word on the clause's subject: "after" as the "case" of "the polls")
        opening = kids + [c for k in kids if k.dep.startswith("nsubj") for c in self.kids(k) if c.dep == "case"]
        return [k for k in opening if k.dep in ("mark", "case") and k.i < verb.i and k.text.casefold() in _TIME_MARKS
                and k.i == self.parse.subtree(verb)[0]]

    def _in_quoted_question(self, offset: int) -> bool:
        """Whether a word lies in a quotation that opens before it in its sentence and closes
        with a question mark after it (also written with two single quotation marks)."""
        sentence = self.parse.sentence_of(offset)
        opened = sentence is not None and any(q in self.text[sentence.start : offset] for q in ("''", '"', "\u201c", "``"))
        return opened and bool(_QUESTION_QUOTED.match(self.text, offset))

    def _plain_present(self, verb: Token) -> bool:
        """A simple present ("reminds", "say") with no auxiliary of its own, or a present
        progressive ("is relying"): the present, not years back."""
        auxes = [k for k in self.kids(verb) if k.dep.startswith("aux")]
        if verb.tag in ("VBZ", "VBP"):
            return not auxes
        return verb.tag == "VBG" and len(auxes) == 1 and auxes[0].tag in ("VBZ", "VBP") \
            and auxes[0].lemma.casefold() == "be"

    def _now(self, time: TimeValue | None) -> bool:
        """Whether a time is the present of the document (it holds the document's date)."""
        return time is None or (self.dct is not None and time.earliest is not None and time.latest is not None
                                and time.earliest <= self.dct <= time.latest)

    def _present_passive(self, verb: Token) -> bool:
        """A simple present passive ("is based on", "are owned by"): its only auxiliary the
        present of "be"; what it tells holds now, a state or a habit, not an act done."""
        auxes = [k for k in self.kids(verb) if k.dep.startswith("aux")]
        return verb.tag == "VBN" and len(auxes) == 1 and auxes[0].dep == "aux:pass" \
            and auxes[0].tag in ("VBZ", "VBP") and auxes[0].lemma.casefold() == "be"

    def _infinitive_at(self, offset: int) -> bool:
        """Whether the word at ``offset`` is a bare verb form (the parse's "VB"), as after "to"."""
        token = self.parse.token_at(offset)
        return token is not None and token.tag == "VB"

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
            label=headline(clause.label) if fuller else event.label,
            time=time,
            reports=(replace(report, span=span, stated_time=time),),
            kind=kind_of_words(clause) if event.kind == OTHER else event.kind,
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
            label=headline(clause.label),
            time=time,
            reports=(Report(self.doc.id, span, time, f"events@{VERSION}"),),
            participants=tuple(Participant(i, r) for i, r in roles.items()),
            kind=kind_of(verb, None) if verb is not None and kind_of(verb, None) != OTHER else kind_of_words(clause),
        )

    def _event(self, verb: Token, predicate: Predicate) -> tuple[Event, list[TimexLike]] | None:
        args = Arguments.read(self, verb)
        if (args.subject is None and args.object is None and args.complement is None and not args.extra
                and args.stand_in is None):
            return None
        time, used = self._time(verb, predicate)
        if time is not None and time.latest is not None and self.dct is not None and time.latest < self.dct \
                and any(k.dep == "aux" and k.lemma.casefold() in ("will", "shall") for k in self.kids(verb)):
            time = None  # "will be charged over the crash Sunday": a date gone by is another's, not the plan's
        if time is None and self._tense(verb) == "future":
            return None  # a future with no date of its own (its date was another sentence's): no plan to date
        if (self.dct is not None and time is not None and time.latest is not None and self._plain_present(verb)
                and (self.dct - time.latest).days > 366):
            return None  # "is relying on research showing that in 2009 ...": the date is another clause's, the present no event
        if self._caption(verb, used):
            return None
        if self._present_passive(verb) and all(self._now(t.time) for t in predicate.own_times):
            # "the flag is partly based on another", "the plant is owned by a trust", "the
            # current flag is ...": a state, no act (one dated otherwise is a schedule's, "is held on May 3")
            return None

        if (self.dct is not None and time is not None and time.latest is not None and time.latest < self.dct
                and time.precision not in ("day", "interval") and verb.tag in ("VBZ", "VBP") and self._plain_present(verb)):
            # "that number follows 292,000 in June": a present tells no past month or year (a day
            # may be a weekday of a schedule read as past: "holds its caucuses on Saturday")
            return None

        label, covered = args.label(self)
        if len(label.split()) < 2:
            return None
        sentence = self.parse.sentences[verb.sent]
        spans = [(t.start, t.end) for t in covered if sentence.first <= t.i < sentence.last]
        spans += [(t.start, t.end) for t in used]
        spans += [(t.start, t.end) for t in self._time_marks(verb) if sentence.first <= t.i < sentence.last]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        span = Span.at(self.doc, start, end)
        roles, place = args.participants(self)
        # the thing done to is the object, or the subject of a passive ("a vote was held": a vote)
        patient = args.object if args.object is not None or not args.passive else args.subject
        event = Event(
            id=record_id("evt", self.doc.id, span.start, span.end),
            label=label,
            time=time,
            reports=(Report(self.doc.id, span, time, f"events@{VERSION}"),),
            participants=tuple(Participant(i, r) for i, r in roles.items()),
            place=place,
            kind=OTHER if self._appeal_to_someone(verb) else kind_of(
                verb, patient, self.kids(patient) if patient is not None else ()),
        )
        return event, used

    def _caption(self, verb: Token, used: list[TimexLike]) -> bool:
        """Whether a predicate tells a photo in a caption's present tense with the day and year it
        was taken ("X speaks at a rally in Y on June 14, 2016"): prose tells a past day in the past
        tense, and a caption's picture is no event of the story."""
        if not self._plain_present(verb) or verb.tag not in ("VBZ", "VBP"):
            return False
        return any(t.time is not None and t.time.precision == "day" and re.search(r"\b\d{4}\b", t.text)
                   and (self.dct is None or (t.time.latest is not None and t.time.latest <= self.dct)) for t in used)

    def _appeal_to_someone(self, verb: Token) -> bool:
        """Whether "plead" is said with someone ("pleaded with her to see a doctor"): an appeal,
        not a plea in court."""
        return verb.lemma.casefold() == "plead" and any(
            k.dep.startswith("obl") and any(c.dep == "case" and c.text.casefold() == "with" for c in self.kids(k))
            for k in self.kids(verb))



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
        for s, e, entity_id in mentions:  # the authors and the outlet; names in the title are what it is about
            if any(a_s <= s and e <= a_e for a_s, a_e in entry.authors):
                roles.setdefault(entity_id, "agent")
            elif entry.outlet[0] <= s and e <= entry.outlet[1]:
                roles.setdefault(entity_id, "publisher")
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


