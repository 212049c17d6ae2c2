"""Dated clauses read from the words alone: the reader events fall back on when the parse fails.

Where a sentence has a usable date and the parse gives no event for it (a dependency parse can
hang a date on the wrong word or miss a verb), the clause the date belongs to is found by simple
rules over the words: past-tense forms, a list of common verbs, "was asking", the nearest verb
in the same clause scoring best. The clause is written subject + verb + object without the date
words: "the council requested footage of the meeting". A date that premodifies a message ("a
July 16 email showed that X asked Y") labels the event by the clause the message reports.
Passives with an agent ("one, submitted by Acme on June 16") read as active ("Acme submitted
one"). This is the event reader of versions before ``events-1.0``, kept as a fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["REPORTING_WORDS", "Clause", "dated_clause"]

_IRREGULAR = frozenset(
    """
    said told sent began made took met ran gave found saw left won lost fell rose held sold
    bought paid spent brought became kept led built wrote spoke broke chose drove fought grew
    heard meant shot stood taught went came got set put cut hit let read shut spread struck
    sought began sent forbade swore drew threw flew knew overtook undertook withdrew
    says tells sends begins makes takes meets runs gives finds holds sells becomes leads writes
    asks requests partners publishes reports announces launches releases shows
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_NOT_VERBS = frozenset(
    """
    need speed red bed indeed hundred united limited based related detailed advanced
    so-called alleged redacted armed concerned interested connected supposed unredacted
    internet-connected camera-equipped unregulated peaceful unexpected unprecedented
    """.split()  # noqa: SIM905
)
_REPORTING = frozenset(
    "said says told tells reported reports wrote writes added adds according stated noted".split()  # noqa: SIM905
)
#: Words of a reporting act: a clause whose verb is one of these is a claim, not an event.
REPORTING_WORDS = _REPORTING
_BE = frozenset("was were is are been be being am".split())  # noqa: SIM905
_HAVE = frozenset("has have had".split())  # noqa: SIM905
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+|[A-Za-z0-9][A-Za-z0-9'’.-]*(?<![.])")
_BEFORE_TIME = frozenset("in on at since by during from until of as".split())  # noqa: SIM905
_DETERMINERS = frozenset("a an the this that these those its their his her our".split())  # noqa: SIM905
_LEADING = frozenset(
    """
    and but or however then so while that which who when as if because although though after
    before also yet still thus meanwhile furthermore moreover additionally in on at by since
    until during of for with from to last this next
    """.split()  # noqa: SIM905
)
_STOP_OBJECT = frozenset(
    """
    that which who whom whose while when because although though whereas as if unless since
    after before until but and so according
    """.split()  # noqa: SIM905
)
_STOP_SUBJECT = frozenset(
    """
    that which who whom whose because although though whereas if unless while when since after
    before until according show shows showed
    """.split()  # noqa: SIM905
)
_TRAILING = frozenset(
    """
    a an the of to in on at by for with from and or but as its their his her this that these
    those during about into than some any over around across last
    """.split()  # noqa: SIM905
)
_PRONOUNS = frozenset("one it they he she this that these those them".split())  # noqa: SIM905
#: Nouns a date can premodify that name a document or a communication ("a July 16 email").
_RECORD_NOUNS = frozenset(
    """
    email emails letter letters memo memos report reports article articles story stories
    statement interview post posts tweet study order request requests message messages
    complaint lawsuit ruling filing notice piece column investigation
    """.split()  # noqa: SIM905
)
_PUBLISHED_NOUNS = frozenset("report article story post study piece column investigation".split())  # noqa: SIM905
_CONTENT_VERBS = frozenset(
    "showed shows revealed reveals found finds said says indicated indicates suggested suggests stated read".split()  # noqa: SIM905
)
_BOUNDARY = re.compile(r"[,;:—–()“”\"]|\s-\s")
_MAX_SUBJECT = 8
_MAX_OBJECT = 7


def _is_verb(word: str, previous: str) -> bool:
    w = word.casefold()
    if w in _NOT_VERBS or previous.casefold() in _DETERMINERS or not word[:1].isalpha():
        return False
    if w in _IRREGULAR:
        return True
    if previous.casefold() in _BE and w.endswith("ing") and len(w) > 5:
        return True
    return len(w) > 4 and w.endswith("ed") and not w.endswith("eed")


@dataclass(frozen=True)
class Clause:
    """What one dated clause says: its label, the passage it spans, its verb, agent and patient."""

    label: str
    start: int
    end: int
    verb: str
    agent: tuple[int, int] | None = None
    patient: tuple[int, int] | None = None
    #: Where the verb (or the dated noun standing for it) starts.
    verb_at: int = -1


def dated_clause(
    text: str,
    sentence: tuple[int, int],
    timex: tuple[int, int],
    other_times: Sequence[tuple[int, int]] = (),
    names: Sequence[tuple[int, int]] = (),
) -> Clause | None:
    """The clause the date belongs to, as subject + verb + object."""
    s_start, s_end = sentence
    t_start, t_end = timex
    in_time = [(s, e) for s, e in (timex, *other_times)]

    def timed(at: int) -> bool:
        return any(s <= at < e for s, e in in_time)

    all_words = [(m.start(), m.end()) for m in _WORD.finditer(text, s_start, s_end)]
    words = []
    for index, (ws, we) in enumerate(all_words):
        if timed(ws):
            continue
        following = all_words[index + 1] if index + 1 < len(all_words) else None
        if (
            following
            and timed(following[0])
            and text[ws:we].casefold() in _BEFORE_TIME
            and text[we : following[0]].isspace()
        ):
            continue  # "in" of "in September": the date words are left out of the label
        words.append((ws, we))
    if not words:
        return None
    cuts = [m.start() for m in _BOUNDARY.finditer(text, s_start, s_end) if not timed(m.start())]
    quoted = [(s, e) for s, e in _quote_ranges(text, s_start, s_end)]

    def word(i: int) -> str:
        return text[words[i][0] : words[i][1]]

    def clause_of(at: int) -> int:
        return sum(1 for c in cuts if c < at)

    after = next((i for i, (ws, _) in enumerate(words) if ws >= t_end), None)
    before = next((i for i in range(len(words) - 1, -1, -1) if words[i][1] <= t_start), None)
    # "a July 16 email showed that ...", "Ann Lowe's May 3 report in the Ledger"
    if (
        after is not None
        and word(after).casefold() in _RECORD_NOUNS
        and not re.search(r"[,;]", text[t_end : words[after][0]])
        and (before is None or word(before).casefold() in _DETERMINERS or word(before).endswith(("'s", "’s")))
    ):
        found = _record_clause(text, words, after, before, s_end, cuts, word, clause_of, names)
        if found:
            return found

    candidates = []
    for i, (ws, we) in enumerate(words):
        if not _is_verb(word(i), word(i - 1) if i else ""):
            continue
        distance = min(abs(ws - t_end), abs(t_start - we))
        score = len(text[min(we, t_start) : max(ws, t_end)].split())
        score += 10 * abs(clause_of(ws) - clause_of(t_start))
        if word(i).casefold() in _REPORTING:
            score += 3
        if any(qs <= ws < qe for qs, qe in quoted) and not any(qs <= t_start < qe for qs, qe in quoted):
            score += 6
        if i and word(i - 1).casefold() in _BE | _HAVE:
            score -= 1
        candidates.append((score, distance, i))
    if not candidates:
        return None
    # A bare participle after a finite verb of its clause modifies a noun ("owners captured").
    finite = [i for _, _, i in candidates]
    candidates = [
        (
            score
            + (
                6
                if word(i).casefold().endswith("ed")
                and not (i and word(i - 1).casefold() in _BE | _HAVE)
                and any(j < i and clause_of(words[j][0]) == clause_of(words[i][0]) for j in finite)
                else 0
            ),
            distance,
            i,
        )
        for score, distance, i in candidates
    ]
    _, _, v = min(candidates)
    return _svo(text, words, v, s_start, cuts, word, names=names)


def _quote_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[\"“][^\"“”]*[\"”]", text[start:end])]


def _svo(
    text: str,
    words: list[tuple[int, int]],
    v: int,
    s_start: int,
    cuts: list[int],
    word: Callable[[int], str],
    floor: int = 0,
    names: Sequence[tuple[int, int]] = (),
) -> Clause | None:
    """Subject + verb + object around the verb at word index ``v`` (subject words >= ``floor``)."""
    v_start = words[v][0]
    verb = word(v)
    aux = v
    while aux > 0 and (word(aux - 1).casefold() in _BE | _HAVE or word(aux - 1).endswith("ly")) and not _cut_between(cuts, words[aux - 1][1], words[aux][0]):
        aux -= 1
    passive = any(word(i).casefold() in _BE for i in range(aux, v)) and not verb.casefold().endswith("ing")
    reduced = aux == v and v > 0 and _cut_between(cuts, words[v - 1][1], v_start) and (
        v + 1 < len(words) and word(v + 1) == "by"
    )
    # The object: after the verb (and after "by AGENT" in a passive) to a clause boundary.
    agent_span: tuple[int, int] | None = None
    o = v + 1
    if (passive or reduced) and o < len(words) and word(o) == "by":
        a_end = o + 1
        while (
            a_end < len(words)
            and a_end - o <= 5
            and word(a_end).casefold() not in _STOP_OBJECT | _BEFORE_TIME | {"for", "with", "to"}
            and not _cut_between(cuts, words[a_end - 1][1], words[a_end][0])
            and not _is_verb(word(a_end), word(a_end - 1))
        ):
            a_end += 1
        if a_end > o + 1:
            agent_span = (words[o + 1][0], words[a_end - 1][1])
            o = a_end
    obj: list[int] = []
    while o < len(words) and len(obj) < _MAX_OBJECT:
        if _cut_between(cuts, words[o - 1][1], words[o][0]) or word(o).casefold() in _STOP_OBJECT:
            break
        if obj and re.search(r"\w", text[words[o - 1][1] : words[o][0]]):
            break  # the date words were here: what follows them is another phrase
        if (
            _is_verb(word(o), word(o - 1))
            and word(o - 1).casefold() not in _TRAILING
            and not word(o).casefold().endswith("s")
        ):
            break
        obj.append(o)
        o += 1
    while obj and word(obj[-1]).casefold() in _TRAILING:
        obj.pop()
    # The subject: back from the verb (or its auxiliary) to a clause boundary.
    subj: list[int] = []
    i = aux - 1
    if reduced:  # "one, submitted by Acme": the subject is the noun before the comma
        i = v - 1
    while i >= floor and len(subj) < _MAX_SUBJECT:
        if word(i).casefold() in _STOP_SUBJECT or (subj and word(i).casefold() in _REPORTING):
            break  # "Officials said the board closed ...": the subject starts after "said"
        if not reduced and _cut_between(cuts, words[i][1], words[i + 1][0]):
            break
        if reduced and subj and _cut_between(cuts, words[i][1], words[i + 1][0]):
            break
        subj.insert(0, i)
        i -= 1
    if subj and not reduced and _cut_between(cuts, words[subj[0]][1], words[v][0]) and aux == v:
        subj = []
    while subj and word(subj[0]).casefold() in _LEADING:
        subj.pop(0)
    subject = _join(text, words, subj)
    fallback: tuple[int, int] | None = None
    if not subj and not reduced and floor == 0:
        subject, fallback = _fallback_subject(text, words, aux, cuts, word, names)
    obj_text = _join(text, words, obj)
    verb_text = " ".join(word(i) for i in range(aux, v + 1))
    agent = text[agent_span[0] : agent_span[1]] if agent_span else None
    if subject.casefold() in _PRONOUNS and (reduced or passive) and agent:
        antecedent = _antecedent(text, words[subj[0]][0] if subj else v_start)
        if antecedent:
            subject = f"{subject} of the {antecedent}"
    if agent:
        label = " ".join(p for p in (agent, verb, subject, obj_text) if p)
        patient = (words[subj[0]][0], words[subj[-1]][1]) if subj else None
    else:
        label = " ".join(p for p in (subject, verb_text, obj_text) if p)
        subject_span = (words[subj[0]][0], words[subj[-1]][1]) if subj else None
        agent_span, patient = (None, subject_span) if passive else (subject_span, None)
        if not passive and obj:
            patient = (words[obj[0]][0], words[obj[-1]][1])
    label = " ".join(label.split())
    if len(label.split()) < 2:
        return None
    indices = subj + list(range(aux, v + 1)) + obj
    if agent_span:
        start = min(words[min(indices)][0], agent_span[0])
        end = max(words[max(indices)][1], agent_span[1])
    else:
        start, end = words[min(indices)][0], words[max(indices)][1]
    if fallback:  # the subject named earlier in the sentence is part of the passage
        start = min(start, fallback[0])
        if not passive and agent_span is None:
            agent_span = fallback
    return Clause(label, start, end, verb, agent_span, patient, v_start)


def _fallback_subject(
    text: str,
    words: list[tuple[int, int]],
    v: int,
    cuts: list[int],
    word: Callable[[int], str],
    names: Sequence[tuple[int, int]],
) -> tuple[str, tuple[int, int] | None]:
    """No subject in the clause: a relative pronoun's noun, else the sentence's first name."""
    nouns: list[int] = []
    if v > 1 and word(v - 1).casefold() in {"which", "who", "that"}:
        nouns = list(range(max(0, v - 4), v - 1))
        while nouns and word(nouns[0]).casefold() in _TRAILING:
            nouns.pop(0)
    else:
        cut = next((k for k in range(v - 1, -1, -1) if _cut_between(cuts, words[k][1], words[k + 1][0])), None)
        if cut is not None and cut + 1 < v and word(cut + 1).casefold() in {"which", "who", "that"}:
            nouns = list(range(max(0, cut - 3), cut + 1))
            while nouns and word(nouns[0]).casefold() in _TRAILING:
                nouns.pop(0)
    if nouns:
        # "the Transit Authority (TA), which ...": the name right before the pronoun
        near = [(s, e) for s, e in names if words[nouns[0]][0] <= e and e <= words[nouns[-1]][1] + 2]
        if near:
            best = max(near, key=lambda n: (n[1] - n[0], -n[0]))
            return text[best[0] : best[1]], best
        return _join(text, words, nouns), (words[nouns[0]][0], words[nouns[-1]][1])
    before = [(s, e) for s, e in names if e <= words[v][0]]
    if before:
        return text[before[0][0] : before[0][1]], before[0]
    return "", None


def _record_clause(
    text: str,
    words: list[tuple[int, int]],
    noun: int,
    before: int | None,
    s_end: int,
    cuts: list[int],
    word: Callable[[int], str],
    clause_of: Callable[[int], int],
    names: Sequence[tuple[int, int]] = (),
) -> Clause | None:
    """A dated document or message: the clause it reports, else the noun phrase itself."""
    # "... showed that X asked Y": the content clause is the event.
    for i in range(noun + 1, min(len(words) - 1, noun + 12)):
        if word(i).casefold() in _CONTENT_VERBS and word(i + 1).casefold() == "that":
            rest = [j for j in range(i + 2, len(words))]
            for j in rest:
                if _is_verb(word(j), word(j - 1)) and j > i + 2:
                    found = _svo(text, words, j, words[i + 2][0], cuts, word, floor=i + 2)
                    if found:
                        first = words[noun][0] if before is None else words[before][0]
                        return Clause(found.label, min(first, found.start), found.end, found.verb, found.agent, found.patient,
                                      found.verb_at)
                    break
            break
    # A verb before the dated noun in the same clause: "the Post ran an August 29 report".
    for i in range((before or noun) - 1, -1, -1):
        if clause_of(words[i][0]) != clause_of(words[noun][0]):
            break
        if _is_verb(word(i), word(i - 1) if i else ""):
            return _svo(text, words, i, words[0][0], cuts, word, names=names)
    # "Ann Lowe's May 3 article in the Ledger": the noun phrase is the event.
    phrase = [noun]
    j = noun + 1
    while j < len(words) and len(phrase) < 6 and not _cut_between(cuts, words[j - 1][1], words[j][0]):
        if word(j).casefold() in _STOP_OBJECT:
            break
        phrase.append(j)
        j += 1
    while phrase and word(phrase[-1]).casefold() in _TRAILING:
        phrase.pop()
    owner: list[int] = []
    if before is not None and word(before).endswith(("'s", "’s")):
        k = before
        while k >= 0 and word(k)[:1].isupper() and word(k).casefold() not in _LEADING | {"according"} and len(owner) < 4:
            owner.insert(0, k)
            k -= 1
    label = " ".join(p for p in (_join(text, words, owner), _join(text, words, phrase)) if p)
    verb = "published" if word(noun).casefold() in _PUBLISHED_NOUNS else word(noun)
    if len(label.split()) < 2:
        return None
    start = words[owner[0]][0] if owner else words[noun][0]
    agent = (words[owner[0]][0], words[owner[-1]][1]) if owner else None
    return Clause(label, start, words[phrase[-1]][1], verb, agent, None, words[noun][0])


def _cut_between(cuts: list[int], start: int, end: int) -> bool:
    return any(start <= c < end for c in cuts)


def _join(text: str, words: list[tuple[int, int]], indices: list[int]) -> str:
    """The words at ``indices`` as they read, without the date words that were left out."""
    if not indices:
        return ""
    parts = [text[words[indices[0]][0] : words[indices[0]][1]]]
    for prev, cur in pairwise(indices):
        gap = text[words[prev][1] : words[cur][0]]
        sep = gap if cur == prev + 1 and not re.search(r"\d", gap) and len(gap) <= 3 else " "
        current = text[words[cur][0] : words[cur][1]]
        if gap.strip() and parts[-1].casefold() in {"a", "an"}:  # date words left out between
            parts[-1] = parts[-1][0] + ("n" if current[:1].lower() in "aeiou" else "")
        parts.append(sep + current)
    return " ".join("".join(parts).split()).rstrip("’'")


def _antecedent(text: str, at: int) -> str | None:
    """The last plural noun in the 300 characters before ``at`` ("requests", "forms")."""
    window = text[max(0, at - 300) : at]
    found = [
        w
        for w in re.findall(r"\b([a-z]{4,}s)\b", window)
        if not w.endswith(("ss", "ous", "is", "us")) and w not in {"includes", "copies", "was", "has", "does", "this", "its"}
    ]
    return found[-1] if found else None
