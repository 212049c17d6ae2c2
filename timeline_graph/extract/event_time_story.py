"""When an event happened, read from the story told before it: the act told last, the scene a
past perfect is the background of, and what "later" or "the day before" counts from."""

from __future__ import annotations

import re
from datetime import timedelta

from ..model import TimeValue
from ..nlp import Token
from .event_predicates import TimexLike
from .event_time_clauses import (
    _COUNTS,
    _NEXT,
    _NOW,
    _OFFSET,
    _ORDERING,
    _SIGNAL,
    ClauseTimes,
    _Recent,
)

__all__ = ["StoryTimes"]

#: Words that set a main clause before what the sentence before told ("Earlier, ...").
_BACK = frozenset("earlier previously beforehand".split())  # noqa: SIM905

_WEEKDAYS = ["mon", "tues", "wednes", "thurs", "fri", "satur", "sun"]

_UNIT_MINUTES = {"second": 1 / 60, "moment": 1, "minute": 1, "hour": 60, "day": 1440, "week": 10080}

_CLOCK = re.compile(r"T(\d\d):(\d\d)")

#: Parts of the day a time may name (TIMEX3 "TMO", "TAF", "TEV"), in minutes after midnight; a night
#: may run past midnight, so it gives no hours.
_PART = re.compile(r"T(MO|AF|EV|NI)\b")

_PART_WORD = re.compile(r"\b(?:morning|afternoon|evening)\b", re.IGNORECASE)

_PART_WORDS = {"morning": "MO", "afternoon": "AF", "evening": "EV"}

_PARTS = {"MO": (5 * 60, 12 * 60 - 1), "AF": (12 * 60, 18 * 60 - 1), "EV": (17 * 60, 21 * 60 - 1)}


class StoryTimes(ClauseTimes):
    """The times the acts told before a predicate give it."""

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
