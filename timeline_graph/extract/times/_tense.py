"""The tense of the verb a time expression belongs to, read from the words of its clause.

No parser: from the expression, the words of its sentence are read backwards to the first verb
group ("was held in May", "will meet in May", "plans to launch it in May", "payable Dec. 15"),
stopping at a clause boundary ("that", "which", a semicolon); when the expression opens its
clause ("In May, the board voted"), forwards to the first verb group after it. A verb group is
read with its auxiliaries: "was held" and "had filed" are past, "will be paid", "must be
returned" and "to be published" look ahead, "is heard" is present.

Only a reading that is ``sure`` lets the past win over a nearer future date: a simple past
verb, a past passive or a past perfect governing the expression, not one of the cases TimeML
annotates as pointing ahead although a past verb governs them: a new deadline ("extended to
Nov. 20", "gave him until mid-November"), a schedule seen from the past ("was planned for
early March"), or a date premodifying a noun ("gave no reason for the Jan. 14 deadline").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["NOT_PAST", "Reading", "ahead_of_event", "governing_tense", "in_object_of_preposition",
           "in_present_condition", "in_title_case", "is_attribution", "possessor_subject"]


@dataclass(frozen=True)
class Reading:
    """``tense`` is "past", "present" or "future" (modal, infinitive, schedule) or None."""

    tense: str | None
    sure: bool = False
    verb: str = ""
    #: A plain future governs: "will", "shall" or "'ll" in the verb group ("will be sentenced").
    will: bool = False


_NONE = Reading(None)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*|\d+(?:[,.:/]\d+)*|[,;:()\u2014\u2013\"\u201c\u201d]|--")

# Words that open a clause of their own: walking across them would reach another verb.
_CLAUSE_OPENERS = frozenset(
    """
    that which who whom whose when whenever while because although though if unless whereas
    where since whether than
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_MODALS = frozenset("will 'll shall would must should can could might wo gonna".split())  # noqa: SIM905
#: Modals that only look ahead (not "could", "may" or "must", which also guess at the past).
_WILL = frozenset("will 'll shall wo".split())  # noqa: SIM905
_PRESENT_AUX = frozenset("is are am does do remains remain seems seem".split())  # noqa: SIM905
_PAST_AUX = frozenset("was were did".split())  # noqa: SIM905
# Verbs a participle can follow as it follows "be" ("will remain closed until May").
_COPULAS = frozenset(
    "remain remains remained stay stays stayed become becomes became seem seems seemed keep keeps kept".split()  # noqa: SIM905
)
# Present forms of common verbs ("goes into effect in April"): present, so no sure past.
_PRESENT_VERBS = frozenset(
    """
    goes comes runs lasts becomes remains continues stays moves falls rises applies covers
    requires allows includes means needs kicks phases
    """.split()  # noqa: SIM905
)
_PERFECT = frozenset("has have having".split())  # noqa: SIM905
_ADVERBS = frozenset(
    """
    not never also already still just recently then first later finally reportedly previously
    ever only again formally officially quickly eventually initially originally subsequently
    n't soon now jointly unanimously
    """.split()  # noqa: SIM905
)
_DETERMINERS = frozenset(
    "a an the this that these those its their his her our my your whose each every no".split()  # noqa: SIM905
)
_PRONOUNS = frozenset("it him her them us me you".split())  # noqa: SIM905
_SUBJECTS = frozenset("i we you he she it they there police officials".split())  # noqa: SIM905
# Words whose "to" opens an infinitive ("plans to meet", "asked it to respond").
_TO_VERBS = frozenset(
    """
    plan plans planned planning expect expects expected set scheduled slated due going hope hopes
    hoped want wants wanted intend intends intended aim aims aimed agree agrees agreed decide
    decides decided promise promises promised vow vows vowed pledge pledges pledged threaten
    threatens threatened is are was were ready likely unlikely able poised ask asks asked order
    orders ordered tell tells told urge urges urged allow allows allowed require requires
    required supposed seek seeks sought try tries tried need needs needed have has had expected
    voted refused refuse prepared prepares preparing appear appears seem seems continue continues
    """.split()  # noqa: SIM905
)
# Verbs whose object an infinitive follows, which looks ahead ("invited the band to play").
_OBJECT_TO = frozenset(
    """
    ask asks asked tell tells told urge urges urged order orders ordered allow allows allowed
    require requires required invite invites invited persuade persuades persuaded encourage
    encourages encouraged convince convinces convinced
    """.split()  # noqa: SIM905
)
# Past forms that are also present or base forms ("they set", "they cut"): no sure past.
_AMBIGUOUS_PAST = frozenset("set put cut let read hit shut cost spread quit bid hurt beat bet cast".split())  # noqa: SIM905
_IRREGULAR_PAST = frozenset(
    """
    was were had did said told came went made took got gave found began met saw left ran won lost
    fell rose held sold bought paid spent struck brought thought knew became sent kept led built
    wrote spoke broke chose drove fought flew grew heard meant shot stood taught wore sought
    withdrew drew threw swore forbade overtook undertook understood arose awoke bore dealt dug fed
    felt fled forgot forgave froze hid hung laid lent lit rode rang sank sang sat slept slid
    spun stole stuck stung strove swept swam swung tore woke wove wept wound
    begun done gone known seen taken given written spoken broken chosen driven flown grown shown
    died tied owed lied eyed vied axed
    """.split()  # noqa: SIM905
)
#: Words ending in "-ed" that are not past forms.
NOT_PAST = frozenset(
    """
    need needed bed red shed speed indeed proceed succeed exceed hundred feed seed breed united
    limited based so-called related detailed advanced alleged concerned interested supposed
    armed aged naked wicked sacred beloved learned preferred unspecified undisclosed unidentified
    unnamed unexpected unprecedented unchanged unrelated unemployed unresolved unsolved unpaid
    unsigned unredacted unopposed unregulated
    """.split()  # noqa: SIM905
)
# Words that put a date in the future of the sentence that mentions it: schedules, deadlines,
# payments and expiries ("payable Dec. 15", "which expire Nov. 21", "the deadline").
_SCHEDULE = frozenset(
    """
    due payable effective scheduled slated expected expect expects planned plan plans planning
    intends intend hopes hope aims deadline deadlines expire expires expiring upcoming pending
    next tomorrow begins starts opens ends closes resumes convenes meets reconvenes takes set
    """.split()  # noqa: SIM905
)
# Past verbs that give a date as a new end point: "extended to Nov. 20", "postponed until".
_RESCHEDULE = frozenset(
    """
    extended postponed delayed moved pushed deferred rescheduled adjourned recessed continued
    gave granted set asked ordered told urged allowed required advanced changed raised lowered
    cut increased reduced boosted
    """.split()  # noqa: SIM905
)
#: Of those, the verbs of changing an amount, whose new end point is only the one reached "to"
#: ("changed to Nov. 20"): "nothing changed until Tuesday" is a span up to a day.
_TO_A_VALUE = frozenset("changed raised lowered cut increased reduced boosted advanced".split())  # noqa: SIM905
_SCHEDULE_PAST = frozenset("planned expected scheduled slated".split())  # noqa: SIM905
# Verbs whose object a participle can follow as a wish ("expect the cameras installed").
_WANTING = frozenset("expect expects want wants need needs hope hopes like would".split())  # noqa: SIM905
_END_PREPS = frozenset("to until till through by".split())  # noqa: SIM905
# Verbs that take a clause ("said the board meets in May"): a date after their object may be
# the embedded clause's, whose verb was not read.
_REPORTING = frozenset(
    """
    said says told tells announced announces reported reports stated states added adds noted
    notes wrote writes claimed claims argued argues insisted warned predicted believed thought
    knew feared estimated confirmed denied acknowledged disclosed revealed explained testified
    """.split()  # noqa: SIM905
)
_AGREED = frozenset("agreed disagreed freed decreed guaranteed refereed".split())  # noqa: SIM905
_BOUNDARY_PUNCT = frozenset([";", ":", "(", ")", "\u2014", "\u2013", '"', "\u201c", "\u201d", "--"])
#: How many words before the expression are read, and after it (asides included).
_MAX_BACK = 12
#: How many words before those an auxiliary of the verb found may stand in.
_MAX_AUX = 5
_MAX_FORWARD = 26
#: How many commas of verbless asides the forward reading walks across.
_MAX_ASIDES = 2


def _is_past_form(word: str, original: str, first: bool = False) -> bool:
    """Whether a word is a past form; capitalized only as the first word of its sentence."""
    w = word
    if w in _IRREGULAR_PAST or w in _AGREED:
        return True
    return len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and w not in NOT_PAST \
        and (original[0].islower() or first)


def _aux_before(words: list[str], i: int) -> list[str]:
    """The auxiliaries (and adverbs between them) right before ``words[i]``, nearest first."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < 5:
        w = words[j]
        if w in _MODALS or w in _PRESENT_AUX or w in _PAST_AUX or w in _PERFECT or w in _COPULAS \
                or w in ("be", "been", "being", "to", "had", "get", "got", "gets", "may", "might") \
                or w in _ADVERBS or w.endswith(("n't", "'ll", "'s", "'d")):
            out.append(w)
            j -= 1
            continue
        break
    return out


def _group(words: list[str], originals: list[str], i: int, prep: str,
           first: bool = False) -> Reading | None:
    """The reading of a verb group whose main word is ``words[i]``, or None if it is none.

    ``prep`` is the preposition right before the expression; ``first`` says ``words[i]``
    opens its sentence (a capitalized "Rescued on Nov. 25").
    """
    w, original = words[i], originals[i]
    if i and words[i - 1] in _DETERMINERS and w in ("plan", "plans", "set", "need", "hope"):
        return None  # a noun: "announced the plan Aug. 21"
    if w in _MODALS or w == "be" or (w == "may" and original == "may"):
        # "will meet", "could be", "may vote", "she'll be sworn in": not past
        will = w in _WILL or (w == "be" and any(a in _WILL or a.endswith("'ll") for a in _aux_before(words, i)))
        return Reading("future", verb=w, will=will)
    if w in _PRESENT_AUX or w in _PRESENT_VERBS or w == "now" or (
            w.endswith("'s") and w[:-2] in _SUBJECTS):
        return Reading("present", verb=w)
    if w == "set" and prep in ("on", "in") and i == len(words) - 2 and not _aux_before(words, i):
        return Reading("past", sure=True, verb=w)  # "the record set on Aug. 6": done ("set for" looks ahead)
    if w == "next" and i + 1 < len(words) and words[i + 1] == "to":
        return None  # a preposition: "the office next to the embassy"
    if w in _SCHEDULE and not _is_past_form(w, original):
        return Reading("future", verb=w)
    if w in _PAST_AUX:
        return Reading("past", sure=prep not in _END_PREPS, verb=w)
    if w == "had":
        return Reading("past", sure=True, verb=w)
    if w in _PERFECT:
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if any(a in _MODALS for a in _aux_before(words, i)) and not _is_past_form(nxt, nxt):
            return Reading("future", verb=w)  # "would have trouble in May", not "would have won"
        return Reading("past", verb=w)
    if w == "to" and i + 1 < len(words):
        nxt = words[i + 1]
        before = words[i - 1] if i else ""
        before2 = words[i - 2] if i > 1 else ""
        if nxt in ("be", "have") or before in _TO_VERBS or (before in _PRONOUNS and before2 in _TO_VERBS):
            return Reading("future", verb="to")
        # "invited Jane Roe to speak", "urged the board to vote": a verb, its object, "to"
        between = words[max(0, i - 4) : i]
        for k, x in enumerate(between):
            if x in _OBJECT_TO and all(y not in _BOUNDARY_PUNCT and y != "," for y in between[k:]):
                return Reading("future", verb="to")
        return None
    if w in _AMBIGUOUS_PAST and w != "set" and i + 1 < len(words) and words[i + 1] == "by" \
            and prep != "for" and not _aux_before(words, i) and original[0].islower():
        # "hit by a truck on Tuesday": a participle with its agent is a passive told of an act
        # done, as sure as "struck by" ("set by the court for Tuesday" sets a date ahead)
        return Reading("past", sure=True, verb=w)
    if not _is_past_form(w, original, first):
        return None
    j = i - 1
    while j >= 0 and words[j] in _ADVERBS:
        j -= 1
    if j >= 0 and (words[j] in _DETERMINERS or words[j].endswith("'s")):
        return None  # an adjective: "the delayed vote", "a still delayed vote", "Ring's planned sale"
    aux = _aux_before(words, i)
    if any(a in _MODALS or a in ("to", "be", "may", "might") or a.endswith(("'ll", "'d"))
           for a in aux):
        # "will be paid", "must be returned", "to be published"
        return Reading("future", verb=w, will=any(a in _WILL or a.endswith("'ll") for a in aux))
    schedule = w in _SCHEDULE_PAST
    if any(a in _PRESENT_AUX or a in _PRESENT_VERBS or a.endswith("'s") for a in aux):
        return Reading("present", verb=w)  # "is heard in May", "are scheduled for"
    if "had" in aux:
        return Reading("past", sure=not schedule, verb=w)
    if any(a in _PERFECT for a in aux):
        return Reading("past", verb=w)  # "has set Nov. 10 as the deadline": no sure past
    if schedule:  # "expected in May"; "was planned for March", a future seen from the past
        return Reading("past" if aux else "future", verb=w)
    if prep in _END_PREPS and w in _RESCHEDULE and (prep == "to" or w not in _TO_A_VALUE):
        return Reading("past", verb=w)  # "extended to Nov. 20", "was extended to Nov. 16"
    if prep == "by":
        return Reading("past", verb=w)  # "hopes to have the cameras installed by May"
    if not aux and any(x in _WANTING for x in words[max(0, i - 4) : i]):
        return Reading("future", verb=w)  # "expect the cameras installed in May"
    if w in _AMBIGUOUS_PAST:
        return Reading("past", verb=w)
    return Reading("past", sure=True, verb=w)


# A headline in title case capitalizes every word but the short function words ("Crime Fell
# Last Year in the City"): there a capitalized time word says nothing of a name.
_MINOR_WORDS = frozenset(
    """
    a an the and but or nor for so yet as at by in of on to up off out per via vs from into onto
    over with than amid
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_LINE_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_HEADLINE_CHARS = 160


def in_title_case(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a short headline in title case (three words or more)."""
    lo = max(0, at - _HEADLINE_CHARS)
    start = text.rfind("\n", lo, at) + 1
    if start == 0 and lo > 0:
        return False  # no line break near: a long line
    end = text.find("\n", at, at + _HEADLINE_CHARS + 1)
    end = min(len(text), at + _HEADLINE_CHARS + 1) if end < 0 else end
    if end - start > _HEADLINE_CHARS:
        return False
    words = _LINE_WORD.findall(text, start, end)
    major = [w for i, w in enumerate(words) if i == 0 or w.lower() not in _MINOR_WORDS]
    return len(major) >= 3 and all(w[0].isupper() for w in major)



def governing_tense(text: str, left: int, right: int, start: int, end: int) -> Reading:
    """The reading of the verb group that governs ``text[start:end]`` in the sentence ``left:right``."""
    before = _TOKEN.findall(text, left, start)
    after = _TOKEN.findall(text, end, right)
    if in_title_case(text, start):
        # "Council Approved Budget In May": a headline's capitals are not names
        before, after = [w.lower() for w in before], [w.lower() for w in after]
    owner = possessor_subject(text, end, right)
    if owner is not None:
        return owner
    when = _when_clause(text, end, right)
    if when is not None and when.tense == "past" and when.sure:
        # "extended the strike until Tuesday, when the crews walked out": the clause set after
        # the time tells what happened at it, so a plain past there dates it back
        return when
    prep = before[-1].lower() if before else ""
    # "the Jan. 14 deadline", "a July 16 email": a date inside a noun phrase is not the verb's
    nxt = after[0] if after else ""
    if prep in _DETERMINERS and nxt[:1].islower():
        if nxt.lower() in _SCHEDULE:
            return Reading("future", verb=nxt.lower())
        if _heads_clause(before):
            return _premodified(before, after)
        # the noun phrase is the object of a verb or a preposition ("resigned after the Oct. 3
        # raid"): that verb, if a plain past not acting on a plan, tells of an event gone by,
        # unless the noun is what the act was before or for ("led the polls before the Oct. 3
        # vote", "stayed on until the Oct. 3 vote", "prepared for the Oct. 3 vote")
        det = text.rfind(before[-1], left, start)
        bound = before[-2].lower() in _TOWARDS or before[-3:-1] == ["ahead", "of"]
        # only a verb before it governs it: the sentence is cut at the expression, so the verb
        # of a clause after the noun phrase ("by setting a Jan. 14 return date, the office
        # allowed it") is not read
        verb = governing_tense(text, left, end, det, end) if det > left and not bound else _NONE
        if verb.tense == "past" and verb.sure and verb.verb not in _ON_A_PLAN \
                and verb.verb not in _REPORTING:
            return verb
        return _NONE
    if prep == "since" and not any(w.lower() in _MODALS for w in before[-6:]):
        return Reading("past", sure=True, verb="since")  # "have requested footage since May"
    # the verb is looked for among the last _MAX_BACK words; its auxiliaries may lie before them
    # ("will be named commander of the ... for a mission in December")
    originals = before[-(_MAX_BACK + _MAX_AUX):]
    words = [w.lower().replace("\u2019", "'") for w in originals]
    passed = 0  # content words between a verb and the expression
    ahead = False  # "before" or "ahead of" stands between the verb and the expression
    subject = False  # a subject pronoun among them: another clause ("said he travels in May")
    whole = len(before) <= _MAX_BACK
    bounded = whole
    offset = len(words) - min(len(words), _MAX_BACK)  # where the searched words begin
    headline = whole and _is_headline(text, left, right)
    for i in range(len(words) - 1, offset - 1, -1):
        w = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        if w == "," and _inside_name(originals, i):
            continue
        if headline and w == "to" and 0 < i - offset <= 4 and following.isalpha() \
                and following not in _DETERMINERS and not any(
                    x in _MODALS or x in _PRESENT_AUX or x in _PAST_AUX or _is_past_form(x, o)
                    for x, o in zip(words[offset:i], originals[offset:i], strict=True)):
            # a headline's "Council to vote on budget Tuesday" is "the council is to vote"
            return Reading("future", verb="to")
        # "that" before a determiner or a subject opens a clause; before a noun it is one
        if w in _BOUNDARY_PUNCT or w == "," or (w in _CLAUSE_OPENERS and not (
                w == "that" and following not in _DETERMINERS and following not in _SUBJECTS)):
            bounded = True
            break
        found = _group(words, originals, i, prep, first=whole and i == offset)
        if found is not None:
            if w in _REPORTING and (passed > 1 or subject):
                return _NONE  # "said the board meets in May": the embedded verb was not read
            if ahead and found.tense == "past":
                # "led the polls before the caucuses Feb. 1": what comes before a past event
                # may still lie ahead, so the past verb does not surely date it
                return Reading("past", verb=found.verb)
            return found
        if (w == "before" and i < len(words) - 1) or (w == "ahead" and following == "of" and i < len(words) - 2):
            ahead = True  # not "left before May 3", where the date is the bound itself
        if w in _SUBJECTS:
            subject = True
        elif w not in _DETERMINERS and w not in _ADVERBS and not w[:1].isdigit() and len(w) > 3:
            passed += 1
    if not bounded:
        return _NONE
    # No verb before the expression in its clause ("In May, the board voted", "The vote in
    # May was close"): read forwards to the first verb group after it.
    toks = after[:_MAX_FORWARD]
    # Words before the expression in its clause ("The talks resume Monday, officials said"):
    # a reporting verb set off after it by a comma is the attribution, which dates the
    # words said, not what they tell of.
    told = passed > 1 or subject
    crossed = bool(toks) and toks[0] == ","
    if crossed:
        toks = toks[1:]
    fwd = [t.lower().replace("\u2019", "'") for t in toks]
    i = 0
    asides = 0
    while i < len(fwd):
        w = fwd[i]
        if w == "," and i + 1 < len(fwd) and fwd[i + 1] in ("which", "who", "whose"):
            # "On Friday, the council, which will meet again in May, voted": skip the aside
            close = fwd.index(",", i + 1) if "," in fwd[i + 1 :] else -1
            if close < 0:
                break
            i = close + 1
            continue
        if w == "," and (_inside_name(toks, i) or _age(toks, i)):
            i += 1
            continue
        if w == "," and asides < _MAX_ASIDES and i + 1 < len(fwd) and fwd[i + 1] not in _CLAUSE_OPENERS:
            # "In May, a week after the storm, a flood destroyed the pier", "In May the mayor, a
            # former teacher, and two aides left": a phrase with no verb of its own is an aside
            asides += 1
            crossed = True
            i += 1
            continue
        if w in _BOUNDARY_PUNCT or w == "," or w in _CLAUSE_OPENERS:
            break
        found = _group(fwd, toks, i, "")
        if found is not None:
            if told and crossed and w in _REPORTING:
                return _NONE
            return found
        i += 1
    return _NONE


#: Past verbs that act on an event still planned ("the Oct. 3 vote was postponed", "cancelled
#: the Tuesday hearing"): they say nothing of whether the event has taken place.
_ON_A_PLAN = frozenset(
    """
    cancelled canceled postponed delayed deferred moved pushed rescheduled scrapped called set
    scheduled planned slated expected announced proposed approved confirmed
    """.split()  # noqa: SIM905
)
#: How many words of its noun phrase may follow a date premodifying a noun before the verb.
_MAX_NOUN_PHRASE = 4


#: Prepositions of a noun an act was before or for, which may lie ahead of it.
_TOWARDS = frozenset("before until till by for toward towards pending awaiting".split())  # noqa: SIM905


_WHEN_AFTER = re.compile(r"\s*,\s*when\s+")
#: How many words of a "when" clause are read for its verb.
_MAX_WHEN = 6


def _when_clause(text: str, end: int, right: int) -> Reading | None:
    """The verb group of a "when" clause set off right after the expression, if it has one."""
    m = _WHEN_AFTER.match(text, end, right)
    if m is None:
        return None
    toks = _TOKEN.findall(text, m.end(), right)[:_MAX_WHEN]
    fwd = [t.lower().replace("\u2019", "'") for t in toks]
    for i, w in enumerate(fwd):
        if w in _BOUNDARY_PUNCT or w == "," or w in _CLAUSE_OPENERS:
            return None
        found = _group(fwd, toks, i, "")
        if found is not None:
            return found
    return None


def _heads_clause(before: list[str]) -> bool:
    """Whether the determiner ending ``before`` opens its clause."""
    return len(before) < 2 or before[-2].lower() in _CLAUSE_OPENERS or before[-2] == "," \
        or before[-2] in _BOUNDARY_PUNCT


def _premodified(before: list[str], after: list[str]) -> Reading:
    """The reading of a date premodifying a noun ("the Oct. 3 raid") that heads its clause.

    The noun phrase is the subject of the clause's verb: a plain or passive past verb ("The
    Oct. 3 raid left two officers wounded") tells of an event that took place, so the date is
    surely not after the document's; one acting on a plan ("The Oct. 3 vote was postponed")
    does not. Anywhere else the noun's own verb is not read.
    """
    fwd = [t.lower().replace("\u2019", "'") for t in after[: _MAX_NOUN_PHRASE + 4]]
    for i, w in enumerate(fwd):
        if w in _BOUNDARY_PUNCT or w == "," or w in _CLAUSE_OPENERS or w in _JOINERS \
                or i > _MAX_NOUN_PHRASE:
            return _NONE
        found = _group(fwd, after, i, "")
        if found is None:
            continue
        if found.tense != "past" or not found.sure or w in _ON_A_PLAN or w in _REPORTING:
            return _NONE
        rest = fwd[i + 1 : i + 4]
        if any(x in _ON_A_PLAN or x == "to" for x in rest):
            return _NONE  # "was postponed", "was due to", "were set to"
        return found
    return _NONE


def _is_headline(text: str, left: int, right: int) -> bool:
    """Whether the sentence ``left:right`` is a headline: a line of its own without a full stop."""
    line = text[left:right].strip()
    return bool(line) and "\n" not in line and line[-1] not in ".!?\"'\u201d\u2019)" \
        and (left == 0 or text[left - 1] == "\n" or text[:left].endswith("\n"))


def is_attribution(text: str, left: int, start: int, end: int, at: int) -> bool:
    """Whether the word at ``at``, after the expression ``start:end``, is a reporting verb set
    off from it by a comma while the clause has words before the expression ("The talks resume
    Monday, officials said"): it dates the saying, not what is told."""
    word = text[at : at + 20].split(" ", 1)[0].lower()
    if word.rstrip(".,;:!?\"'\u201d") not in _REPORTING or "," not in text[end:at]:
        return False
    before = [w.lower() for w in _TOKEN.findall(text, left, start) if w[:1].isalpha()]
    return len([w for w in before if w not in _DETERMINERS]) >= 2 or bool(_SUBJECTS.intersection(before))


#: Words that join a second clause or phrase to the one the expression is in.
_JOINERS = frozenset("and or but nor yet so".split())  # noqa: SIM905
#: How many words after a possessive expression ("Monday's long-awaited vote") its noun phrase
#: may take before the verb of which it is the subject.
_MAX_OWNED = 6


def possessor_subject(text: str, end: int, right: int) -> Reading | None:
    """The verb group of which a possessive expression's noun phrase is the subject, if one
    follows it in its clause ("said Monday's vote will be close": "will be").

    ``end`` is where the expression ends, ``right`` where its sentence does. The word right
    after the possessive is the noun (or a modifier of it) and is never the verb.
    """
    if not re.match(r"['\u2019]s\b", text[end : end + 3]):
        return None
    toks = _TOKEN.findall(text, end, right)[: _MAX_OWNED + 2]
    fwd = [t.lower().replace("\u2019", "'") for t in toks]
    for i in range(2, len(fwd)):
        w = fwd[i]
        if w in _BOUNDARY_PUNCT or w == "," or w in _CLAUSE_OPENERS or w in _JOINERS:
            return None
        found = _group(fwd, toks, i, "")
        if found is not None:
            return found
    return None


def _inside_name(tokens: list[str], i: int) -> bool:
    """Whether the comma ``tokens[i]`` stands inside a name ("Newark, N.J., airport")."""
    if not (0 < i < len(tokens) - 1 and tokens[i - 1][:1].isupper()):
        return False
    if tokens[i + 1][:1].isupper():
        return True
    j = i - 1
    while j >= 0 and tokens[j][:1].isupper():
        j -= 1
    return j > 0 and tokens[j] == "," and tokens[j - 1][:1].isupper()


def _age(tokens: list[str], i: int) -> bool:
    """Whether the comma ``tokens[i]`` opens or closes an age ("James Kopp, 44, was")."""
    return (i + 2 < len(tokens) and tokens[i + 1].isdigit() and tokens[i + 2] == ",") or (
        i > 1 and tokens[i - 1].isdigit() and tokens[i - 2] == ",")


#: Prepositions whose object a noun phrase is; not "of" and "for", which also tie a noun to
#: the head of a subject ("the head of the agency testifies Thursday").
_OBJECT_PREPOSITIONS = frozenset(
    """
    in on at by from with into onto during after before through throughout over under against
    among between across toward towards without within via amid despite
    """.split()  # noqa: SIM905 - a word list reads better as text
)
#: Words a noun phrase may open with before the word read as a subject ("the opening Iowa").
_NOUN_PHRASE_OPENERS = frozenset(
    "a an the this that these those its their his her our my your some any several".split()  # noqa: SIM905
)


def in_object_of_preposition(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens no clause but lies inside a noun phrase after a
    preposition or an article, so the "-s" word after it is a plural noun, not its verb.

    "in the opening Iowa caucuses Monday", "won by double digits Tuesday", "the unfolding
    events on Sunday": no subject stands after a preposition, and a word in "-ing" after an
    article is an adjective. Up to three words of the noun phrase are walked back over
    (capitalized words, words in "-ing", numbers, up to the article that opens it).
    """
    clause = re.split(r"[,;:.()\"\u201c\u201d\u2014]", text[max(0, at - 60) : at])[-1]
    words = re.findall(r"[A-Za-z0-9'\u2019]+", clause)
    subj = re.match(r"[A-Za-z]+", text[at:])
    if subj and subj.group().lower().endswith("ing") and words and words[-1].lower() in _NOUN_PHRASE_OPENERS:
        return True
    for i in range(len(words) - 1, max(-1, len(words) - 5), -1):
        low = words[i].lower()
        if low in _OBJECT_PREPOSITIONS:
            # a capitalized one opens the sentence: a name after it may head the subject
            # ("In Ohio Senator Ruiz speaks Monday")
            return words[i][0].islower() or i == len(words) - 1
        if low in _NOUN_PHRASE_OPENERS:
            # the article opens the noun phrase: only the word before it can govern it
            return i > 0 and words[i - 1].lower() in _OBJECT_PREPOSITIONS
        if not (words[i][0].isupper() or low.endswith("ing") or low[0].isdigit()):
            return False
    return False


#: An "if" or "unless" clause running up to the expression, with no clause boundary between.
_CONDITION = re.compile(r"\b(?:if|unless)\s+(?P<clause>[^,;:.!?\"\u201c\u201d]*)$", re.IGNORECASE)


def in_present_condition(text: str, left: int, start: int) -> bool:
    """Whether the expression at ``start`` belongs to an "if" or "unless" clause with no past
    form in it ("could happen if Ruiz sweeps the caucuses Monday", "unless the talks resume in
    May"): a condition in the simple present is about a time to come.
    """
    found = _CONDITION.search(text, left, start)
    if found is None:
        return False
    words = _TOKEN.findall(found["clause"])
    if words and (words[-1].lower() in _DETERMINERS or words[-1].lower().endswith(("'s", "\u2019s"))):
        return False  # "if he builds on his Tuesday wins": a date of a noun, not of the condition
    lowered = [w.lower().replace("\u2019", "'") for w in words]
    return bool(words) and not any(
        w in _PAST_AUX or w in _MODALS or w == "had" or _is_past_form(w, o)
        for w, o in zip(lowered, words, strict=True))


#: A preposition of what an act comes before or waits for, and the article of its noun, right
#: before a date that premodifies that noun ("ahead of the Nov. 8 election", "before Tuesday's
#: vote", "awaiting the May 3 ruling"); not "until" or "leading up to", which mostly tell of a
#: state that lasted up to an event gone by ("Until Monday's deal, the shares were flat").
_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|before|pending|awaiting|in\s+the\s+run-up\s+to|in\s+advance\s+of)\s+"
    r"(?P<det>(?:the|a|this|its|their|his|her|our)\s+)?$", re.IGNORECASE)


def ahead_of_event(text: str, start: int, end: int) -> bool:
    """Whether the date ``text[start:end]`` names the day of an event some act came before or
    waits for ("spoke ahead of the Nov. 8 election", "met before Tuesday's vote"): a past verb
    of the clause does not date it, for what a past act came before may still lie ahead."""
    found = _AHEAD_OF.search(text, max(0, start - 30), start)
    if found is None:
        return False
    # the date is the noun's own: a genitive ("Tuesday's vote"), or a premodifier after the
    # noun's article ("the Nov. 8 election"; not "until Tuesday any action")
    after = text[end : end + 3]
    noun = re.match(r"\s+([a-z]+)", text[end : end + 20])
    if noun is not None and noun.group(1) in _SCHEDULE:
        return False  # "before the Sunday deadline": a deadline lies ahead, as read elsewhere
    return re.match(r"['\u2019]s\b", after) is not None or (found["det"] is not None and noun is not None)
