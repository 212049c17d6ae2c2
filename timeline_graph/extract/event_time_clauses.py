"""When an event happened, read from its clause: the time expression the parse hangs on a predicate
or on a noun it tells of, the clauses that order two acts ("after", "before", "when"), a
sequence told in one sentence, a contest's or an outcome's day, and the signals ("until",
"by") that bound a time. :class:`.event_time_story.StoryTimes` builds on it, and
:class:`.event_times.TimeReader` on that."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import TimeValue
from ..nlp import Token
from .event_filters import clock_alone
from .event_predicates import ParseReader, Predicate, TimexLike
from .event_words import (
    ATTENDING,
    CONTESTS,
    INCIDENT_NOUNS,
    KINDS,
    MESSAGE_NOUNS,
    OUTCOME_NOUNS,
    OUTCOME_VERBS,
    REPORTING,
    STATES,
    STATES_WHEN_DATED,
    WORK_NOUNS,
)

__all__ = ["ClauseTimes", "width", "within"]

#: Words right before a time expression that make it a bound of the event, not its time.
#: Verbs of planning: a date after their "for" is the time of what was planned, not of the planning.
_PLANNING = frozenset("schedule reschedule plan slate set book".split())  # noqa: SIM905

_FOR = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)

#: Words that move a coordinated predicate on from its first conjunct's time ("and later left").
_LATER = frozenset(
    "later then afterwards afterward subsequently eventually since thereafter finally soon after".split())  # noqa: SIM905

#: Words that set a main clause after what the sentence before told.
_MOVED_ON = frozenset("later then soon afterwards afterward subsequently eventually thereafter".split())  # noqa: SIM905

#: Place words that, set first, put a sentence in the scene of the one before ("Here, she met ...").
_SCENE = frozenset("here there".split())  # noqa: SIM905

#: The anchor of the time an act told in the present progressive takes (see ``_told_as_now``).
_NOW = "told as now"

#: Words opening a clause that orders the act it is attached to.
_ORDERING = frozenset("after before since until till".split())  # noqa: SIM905

_RELATIVES = frozenset("who which whom whose".split())  # noqa: SIM905

#: Prepositions that order an act after or before another one a noun names ("following the strike").
_AFTER_ACT = frozenset("after following since".split())  # noqa: SIM905

_BEFORE_ACT = frozenset("before prior until ahead".split())  # noqa: SIM905

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

# the words introducing the baseline of a comparison ("fell to $4 from $5 a year earlier")
_THAN = frozenset("than versus vs. vs".split())  # noqa: SIM905

_FROM = frozenset("from against".split())  # noqa: SIM905

_COMPARED = frozenset("compared comparing".split())  # noqa: SIM905

_YEAR_EARLIER = re.compile(r"\b(?:a\s+)?(?:year|quarter|month)[-\s]+(?:earlier|ago|before)\b", re.IGNORECASE)

_COMPARING = re.compile(r"\b(?:from|than|versus|vs\.?|against|compared\s+(?:with|to))\b", re.IGNORECASE)

_ACT_NOUNS = frozenset(noun for _, nouns in KINDS.values() for noun in nouns) | CONTESTS | INCIDENT_NOUNS

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


@dataclass(frozen=True)
class _Recent:
    """A stretch of time ending at the document's date, read from a duration ("the past few days")."""

    start: int
    end: int
    text: str
    type: str
    time: TimeValue | None


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


class ClauseTimes(ParseReader):
    """The times a predicate's own clause and sentence give it."""

    # (both set by ``TimeReader.assign_times``) predicate token -> its time and the expressions used
    told: dict[int, tuple[TimeValue | None, list[TimexLike]]]
    reports_told: set[int]  # reporting verbs among them (no events)

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

    def _distance(self, verb: Token, timex: TimexLike) -> int:
        """Steps in the tree from the predicate down to the time expression (large if not below)."""
        token = self._timex_head(timex)
        steps = 0
        while token is not None and token.i != verb.i and steps < 50:
            token = self.head(token)
            steps += 1
        return steps if token is not None and token.i == verb.i else 1000 + abs(verb.start - timex.start)

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
