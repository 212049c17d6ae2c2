"""The parse as events read it: a document's tokens, time expressions, mentions and quotes
looked up by position, and which verbs head a clause that tells of something that happened
(tense, negation, modality, questions, reporting acts, states, captions)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from typing import Any, Protocol, TypeVar

from ..model import Document, Entity, TimeValue
from ..nlp import Parse, ParsedEntity, Token
from .event_filters import excluded_zones, quotes_of
from .event_headings import title_case_heading
from .event_light import light_act
from .event_words import (
    AMOUNT_CHANGES,
    ANNOUNCING,
    ANSWERING,
    ASPECT,
    COMING_KNOWN,
    FINDING_RESULTS,
    FINDING_WORKS,
    GIVING_INFORMATION,
    GRANTED,
    HEDGES,
    INFORMATION,
    KINDS,
    MODALS,
    NAMING,
    PERFORMING,
    PICTURES,
    PLACE_CASES,
    POSTING,
    PREDICATE_DEPS,
    PREDICTING,
    READ_WORKS,
    REPLYING,
    REPORTING,
    REPORTING_EVENTS,
    SAID_NOUNS,
    STATES,
    STATES_WHEN_DATED,
    TAKING_AS,
    WORK_NOUNS,
)

#: Subordinators of a clause of time: its verb has the tense of a main clause's.
_TIME_MARKS = frozenset({"after", "before", "when", "once", "until", "since", "as", "while"})

#: A quoted question closing right before: "?" and a closing quotation mark.
_QUOTED_QUESTION = re.compile(r"\?\s*(?:''|[\"\u201d\u2019'])$")

__all__ = ["ParseReader", "Predicate", "TimexLike"]

#: Nouns of an amount or level ("will reach a record", "will top 5 percent").
_AMOUNT_NOUNS = frozenset({"percent", "record", "high", "low", "level", "peak", "mark", "million", "billion", "%"})
#: Means by which a source is reached for comment.
_CONTACT_MEANS = frozenset({"phone", "telephone", "email", "e-mail", "mail", "text", "message", "video", "zoom"})
#: Verbs of intending: in the present, with what is intended, a plan not yet done ("they plan to
#: link him to ...", "aims to spend $900 million").
_INTENDING = frozenset({"plan", "intend", "aim", "hope", "seek", "want", "mean", "wish", "expect", "prepare", "vow", "pledge"})
#: Singular nouns a sentence may use without an article ("Harbor police requested ...").
_BARE_NOUNS = frozenset({"police", "staff", "congress", "parliament", "management", "security", "personnel", "water"})
#: The words before a noun that count nothing.
_NONE_WORD = re.compile(r"(?i)\b(?:no|neither|few)\b")
#: "will", "shall" or their contraction before a verb, or "going to".
_FUTURE_WORD = re.compile(r"(?i)(?:\b(?:will|shall|wo)\b|['\u2019]ll\b|\bgoing\b)")
#: Verbs of coming to be ("it became known").
_BECOMING = frozenset({"become", "be", "grow", "turn"})
#: A negated auxiliary written as one word ("can`t", "didn't", "won’t", "cannot").
_NEGATED_WORD = re.compile(r"(?i)^(?:\w+n[`'\u2019]t|can[`'\u2019]t|won[`'\u2019]t|cannot)$")

#: Pronouns that never stand for one person.
_PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us", "themselves", "ourselves"})
#: Closing quotation marks, as the parse splits them.
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "''"})



_M = TypeVar("_M", bound=tuple[Any, ...])


def outermost(mentions: Iterable[_M]) -> list[_M]:
    """Mentions ``(start, end, ...)`` in text order, less those lying inside a longer one: a name
    within a name ("Los Angeles" of "Los Angeles Police Department") is part of the longer name's
    entity in what an event tells, not a party of its own. Mentions of one span are all kept."""
    kept: list[_M] = []
    reach, reach_span = -1, (-1, -1)
    for m in sorted(mentions, key=lambda m: (m[0], -m[1])):
        if m[1] <= reach and (m[0], m[1]) != reach_span:
            continue
        kept.append(m)
        if m[1] > reach:
            reach, reach_span = m[1], (m[0], m[1])
    return sorted(kept)

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



@dataclass
class Predicate:
    """One candidate predicate and what the parse says of it."""

    verb: Token
    own_times: list[TimexLike] = field(default_factory=list)
    #: Dates of a report of this predicate's clause: the event happened on or before them.
    report_times: list[TimexLike] = field(default_factory=list)
    #: Dates of a message that reports this clause (it happened then).
    message_times: list[TimexLike] = field(default_factory=list)



#: The place of a dateline, all that precedes its dash on the line: capitalized words, commas.
_DATELINE = re.compile(r"\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
                       r"(?:,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}){0,3}"
                       r"(?:\s*\([^()\n]{1,20}\))?\s*$")


_BLANK_LINE = re.compile(r"\n\s*\n")


class ParseReader:
    """One document's parse, looked up by position, and the tests of its predicates."""

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
        #: Predicate token -> the times given to it (see ``TimeReader.assign_times``).
        self.assigned: dict[int, Predicate] = {}
        self._longest_timex = max((t.end - t.start for t in timexes), default=0)
        self.dct = dct
        self.excluded = excluded_zones(doc)
        self.quoted = quotes_of(self.text)
        self._quote_starts = [s for s, _ in self.quoted]
        #: The furthest end of the quotes up to each one: a quote holds an offset if one before it reaches past.
        self._quote_reach = list(accumulate((e for _, e in self.quoted), max))
        self.mentions = outermost((m.start, m.end, e.id, e.kind) for e in entities for m in e.mentions)
        self._mention_starts = [m[0] for m in self.mentions]
        self._longest_mention = max((m[1] - m[0] for m in self.mentions), default=0)
        #: Tokens of time expressions (and of durations and sets, ``spans``): never label words.
        self.in_time: dict[int, TimexLike] = {}
        for timex in [*spans, *timexes]:
            for token in parse.tokens_in(timex.start, timex.end):
                self.in_time[token.i] = timex
        #: Tokens after which a sentence ends that the parse ran on through (see :meth:`apart`).
        self._breaks = [t.i for t in self.tokens[:-1] if self._ends_sentence(t)]

    def _ends_sentence(self, token: Token) -> bool:
        """Whether a sentence ends after ``token``: a full stop, "!" or "?" of its own before a
        capital (or a quotation mark and a capital), or a blank line (a wrapped line goes on)."""
        nxt = self.tokens[token.i + 1]
        gap = self.text[token.end : nxt.start]
        if "\n" in gap and _BLANK_LINE.search(gap):
            return True
        if token.text in ("-", "--", "\u2013", "\u2014"):
            # a dateline: "RIVERTON, Ore. — The council ...", "Evansville, Indiana - This week ..."
            # (not a hyphen inside a word: "Also Friday, Miami-Dade Mayor Ann Ruiz flew ...")
            if token.start > 0 and self.text[token.start - 1].isalnum() and self.text[token.end : token.end + 1].isalnum():
                return False
            line = self.text.rfind("\n", 0, token.start) + 1
            return bool(_DATELINE.match(self.text, line, token.start))
        if token.text not in (".", "!", "?"):
            return False
        if nxt.text in ('"', "\u201c", "'", "\u2018") and nxt.i + 1 < len(self.tokens):
            nxt = self.tokens[nxt.i + 1]
        return nxt.text[:1].isupper()

    def apart(self, a: int, b: int) -> bool:
        """Whether tokens ``a`` and ``b`` stand in two sentences the parse read as one (an
        unclosed quotation mark before "... on Thursday. They fired ..."): what one tells is no
        argument or date of the other."""
        lo, hi = min(a, b), max(a, b)
        k = bisect_left(self._breaks, lo)
        return k < len(self._breaks) and self._breaks[k] < hi

    def time_after_noun(self, token: Token) -> tuple[Token, TimexLike] | None:
        """The noun a time expression set right after it dates ("the crash Monday", "the fire
        Sunday evening") and that expression, when ``token`` is in it: a relative clause the parse
        hung on the time ("the crash Monday that killed two") tells of that noun."""
        timex = self.in_time.get(token.i)
        if timex is None or timex.type not in ("DATE", "TIME") or timex not in self.timexes:
            return None
        inside = self.parse.tokens_in(timex.start, timex.end)
        if not inside or inside[0].i == 0 or token.i != max(t.i for t in inside):
            return None
        noun = self.tokens[inside[0].i - 1]
        if noun.pos != "NOUN" or self.text[noun.end : timex.start].strip() or noun.i in self.in_time:
            return None
        if not any(k.dep == "det" and k.i < noun.i for k in [*self.kids(noun), *self.kids(token)]):
            return None  # ("the blaze Sunday evening" may be read as one phrase, the article on the time)
        return noun, timex

    def phrase_read_as_subject(self, subject: Token) -> bool:
        """Whether a subject is a prepositional phrase set first, with the name after its comma
        read as its apposition ("Inside the hall, Trump on Tuesday dismissed ...": "hall" read
        as the subject, "Trump" as its apposition)."""
        return any(c.dep == "case" and c.i < subject.i for c in self.kids(subject)) and any(
            k.dep == "appos" and k.pos in ("PROPN", "NOUN") and k.i > subject.i and self.tokens[k.i - 1].text == ","
            for k in self.kids(subject))

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
        if _NEGATED_WORD.match(token.text):
            return False  # "can`t" tagged as a verb of its own
        if token.start >= 2 and self.text[token.start - 1] == "-" and self.text[token.start - 2].isalnum() \
                and not self._hyphenated_verb(token):
            return False  # "camera-equipped doorbells", "state-owned": an adjective
        if verb and token.dep.split(":")[0] in {d.split(":")[0] for d in PREDICATE_DEPS}:
            return True
        return token.pos == "VERB" and self.misattached(token)

    def _hyphenated_verb(self, token: Token) -> bool:
        """A past tense after a hyphen heading a clause with an object of its own ("he
        sucker-punched a guard", "she fact-checked the claim"), or a passive one with its
        auxiliary ("the girl was pepper-sprayed"): a verb, where "camera-equipped doorbells" is
        an adjective (an adjective takes no object and no auxiliary)."""
        return token.tag in ("VBD", "VBN") and token.dep.split(":")[0] in ("ROOT", "root", "advcl", "conj", "ccomp", "parataxis") \
            and any((k.dep in ("obj", "dobj") and k.i > token.i) or (k.dep == "aux:pass" and k.i < token.i)
                    for k in self.kids(token))

    def misattached(self, token: Token) -> bool:
        """A verb with a subject of its own that the parse hung as a modifier of the noun after it
        ("The board has approved plans" read with "approved" as an adjective of "plans")."""
        head = self.head(token)
        kids = self.kids(token)
        # an adjective has no subject: one before the verb makes it a predicate
        return (token.dep in ("amod", "compound") and head is not None and head.i > token.i
                and head.pos in ("NOUN", "PROPN") and any(k.dep.startswith("nsubj") and k.i < token.i for k in kids))

    def excluded_at(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.excluded)

    def antecedent(self, token: Token) -> ParsedEntity | None:
        """The name a pronoun refers to, unless it stands in a byline, caption or heading (the
        author of "By Ann Lowe" is not the "she" of the story)."""
        found = self.parse.antecedent(token)
        if found is None or self.excluded_at(found.start) or self._co_argument_named(token, found) \
                or self._main_subject_between(token, found):
            return None
        if token.text.casefold() in _PLURAL_PRONOUNS and found.label == "PERSON" \
                and " and " not in self.text[found.start : found.end]:
            return None  # "They are trying ...": not one person
        return found

    def _main_subject_between(self, pronoun: Token, antecedent: ParsedEntity) -> bool:
        """Whether a subject pronoun of an adverbial clause has the subject of the clause it
        hangs on, a noun named by no name, between it and the name it was resolved to ("Ann Lowe
        spoke. A man was charged after he punched a guard": he is the man, not Ann Lowe)."""
        if not pronoun.dep.startswith("nsubj"):
            return False
        verb = self.head(pronoun)
        main = self.head(verb) if verb is not None and verb.dep.split(":")[0] == "advcl" else None
        if main is None:
            return False
        return any(k.dep.startswith("nsubj") and k.pos == "NOUN" and antecedent.end <= k.start and k.i < pronoun.i
                   for k in self.kids(main))

    def _co_argument_named(self, pronoun: Token, antecedent: ParsedEntity) -> bool:
        """Whether the name a subject pronoun was resolved to is another argument of the same verb
        ("she reminded Trump of ...", "she led Mr. Sanders"): a pronoun that is not reflexive never
        stands for its verb's own object, so that reading is wrong."""
        if not pronoun.dep.startswith("nsubj") or pronoun.text.casefold().endswith(("self", "selves")):
            return False
        verb = self.head(pronoun)
        if verb is None:
            return False
        words = self.text[antecedent.start : antecedent.end].split()
        if not words:
            return False
        name = words[-1].casefold()
        for kid in self.kids(verb):
            if kid.i == pronoun.i or kid.dep.split(":")[0] not in ("obj", "dobj", "iobj", "obl"):
                continue
            # the argument's own name ("Mr. Ortiz", "Jan Ortiz"), not a name inside it ("his
            # wife, Dena Ortiz", "the Ortiz campaign manager")
            own = [kid, *(k for k in self.kids(kid) if k.dep in ("flat", "flat:name"))]
            if any(t.pos == "PROPN" and t.text.casefold() == name for t in own):
                return True
        return False

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

    # -- candidates -------------------------------------------------------------------------------

    def _bare_participle(self, verb: Token) -> bool:
        """A participle with a subject and no auxiliary heading a clause: a past tense the tagger
        read as a participle ("Her condition deteriorated"), also where the parse made the
        subject the root and the verb its modifier (:meth:`root_participle`)."""
        kids = self.kids(verb)
        if self.root_participle(verb):
            return True
        return (verb.tag == "VBN" and verb.dep not in ("acl", "xcomp") and (verb.dep != "amod" or self.misattached(verb))
                and not any(k.dep in ("aux", "aux:pass") for k in kids) and any(k.dep == "nsubj" for k in kids))

    def _unmarked_past(self, verb: Token) -> bool:
        """A past tense the tagger read as a base form ("Lowe quit the board", "the firm cut its
        prices"): a verb whose past is its base form, heading a main clause with a singular
        third-person subject and nothing before it (a present would be "quits", an order or a
        wish has no such subject)."""
        if verb.tag != "VB" or verb.text.casefold() != verb.lemma.casefold() or verb.dep not in ("ROOT", "conj", "advcl", "ccomp"):
            return False
        kids = self.kids(verb)
        if any(k.dep in ("aux", "aux:pass") for k in kids):
            return False
        # a clause of time opened by its subordinator has the same forms ("after the clerk read a
        # summary"); "that" or "if" may open a wish or a condition ("asked that he quit")
        marks = [k for k in kids if k.dep == "mark"]
        if verb.dep in ("advcl", "ccomp") and (len(marks) != 1 or marks[0].lemma.casefold() not in _TIME_MARKS):
            return False
        if verb.dep not in ("advcl", "ccomp") and marks:
            return False
        subject = next((k for k in kids if k.dep == "nsubj"), None)
        if subject is None or subject.i > verb.i:
            return False
        if subject.pos == "PRON":
            return subject.text.casefold() in ("he", "she", "it")
        return subject.tag in ("NN", "NNP") and not any(k.dep == "conj" for k in self.kids(subject))

    def root_participle(self, verb: Token) -> bool:
        """A past tense read as a participle modifying the noun before it, that noun read as the
        root of a sentence without a verb ("The ferry operator's safety record deteriorated, to
        the alarm of ..." read as a noun phrase): the noun is the subject, the verb the predicate.
        Not a passive ("footage captured by police"): no "by" phrase, no auxiliary."""
        head = self.head(verb)
        if (head is None or verb.dep != "acl" or verb.tag not in ("VBN", "VBD")
                or head.pos not in ("NOUN", "PROPN") or self.subject_root(verb) is None):
            return False
        if head.i + 1 != verb.i and self._after_the_subject_phrase(verb) is None:
            return False
        if any(k.dep.startswith(("aux", "nsubj", "obl:agent", "cop")) for k in self.kids(verb)):
            return False
        if any(self.kids(k) and any(c.dep == "case" and c.lemma.casefold() == "by" for c in self.kids(k))
               for k in self.kids(verb) if k.dep.startswith("obl")):
            return False
        sentence = self.parse.sentences[verb.sent]
        return not any(t.pos in ("VERB", "AUX") and t.i != verb.i and t.dep in ("ROOT", "root", "parataxis")
                       for t in self.tokens[sentence.first : sentence.last])

    def subject_root(self, verb: Token) -> Token | None:
        """The noun at the root of the sentence whose phrase ends at ``verb``: the noun itself or one
        its last noun hangs from ("Protests and demonstrations against police brutality erupted")."""
        current = self.head(verb)
        for _ in range(6):
            if current is None or current.pos not in ("NOUN", "PROPN"):
                break
            if current.dep in ("ROOT", "root"):
                return current
            if current.dep.split(":")[0] not in ("conj", "nmod", "compound", "flat"):
                break
            current = self.head(current)
        return self._after_the_subject_phrase(verb)

    def _after_the_subject_phrase(self, verb: Token) -> Token | None:
        """The noun at the root of a sentence without a verb when ``verb`` is a past tense that
        follows a comma closing the noun's apposition and runs to the sentence's end ("Tom Reed,
        the retired executive who backed the museum, signed up as a volunteer" read with "signed"
        a modifier inside the apposition): the noun is its subject, the verb the predicate. A
        past participle counts only hung on the noun itself ("X, the man arrested, ..." has one
        inside)."""
        if verb.dep != "acl" or verb.i == 0 or self.tokens[verb.i - 1].text != ",":
            return None
        sentence = self.parse.sentences[verb.sent]
        root = next((t for t in self.tokens[sentence.first : sentence.last] if t.dep in ("ROOT", "root")), None)
        if root is None or root.pos not in ("NOUN", "PROPN") or root.i > verb.i:
            return None
        if verb.tag != "VBD" and self.head(verb) is not root:
            return None
        first, last = self.parse.subtree(root)
        if not first <= verb.i < last:
            return None
        end = self.parse.subtree(verb)[1]
        if any(t.pos != "PUNCT" for t in self.tokens[end:last]):
            return None
        return root

    def relative_clause(self, verb: Token) -> bool:
        """A relative clause, also one the parse labelled a plain modifier though it has a
        subject of its own ("the notes an officer took" with "took" read as acl)."""
        if verb.dep in ("acl:relcl", "relcl") or self.relative_aside(verb):
            return True
        # not a clause a noun tells ("accusations that the right had been infringed": it has a mark)
        kids = self.kids(verb)
        return verb.dep == "acl" and any(k.dep.startswith("nsubj") for k in kids) and not any(k.dep == "mark" for k in kids)

    def relative_aside(self, verb: Token) -> bool:
        """Whether a predicate opens a relative clause set off by a comma after a noun ("arrested
        Ann Lowe, who had fled the state"), however the parse hung it."""
        first = self.parse.subtree(verb)[0]
        if self.tokens[first].text == ",":
            first += 1  # the parse may hang the comma from the clause
        return (verb.pos in ("VERB", "AUX") and first > 1 and first < verb.i
                and self.tokens[first].text.casefold() in ("who", "which", "whom", "whose")
                and self.tokens[first - 1].text == "," and self.tokens[first - 2].pos in ("NOUN", "PROPN"))

    def _finite(self, verb: Token) -> bool:
        if verb.feature("VerbForm") == "Fin" or verb.tag in ("VBD", "VBZ", "VBP") or self._bare_participle(verb):
            return True
        return any(k.dep in ("aux", "aux:pass") for k in self.kids(verb))

    def _tense(self, verb: Token) -> str:
        """ "past", "perfect", "progressive", "future", "present" or "other" (non-finite)."""
        if self.shares_a_perfect(verb):
            return "perfect"
        auxes = [k for k in self.kids(verb) if k.dep in ("aux", "aux:pass")]
        lemmas = {"have" if self._had(a, verb) else a.lemma.casefold() for a in auxes}
        texts = {a.text.casefold() for a in auxes}
        if lemmas & {"will", "shall"} or texts & {"'ll", "’ll"}:
            return "future"
        if "have" in lemmas:
            return "perfect"
        past_aux = any(a.feature("Tense") == "Past" or a.tag == "VBD" for a in auxes)
        if verb.tag == "VBD" or past_aux:
            return "past"
        if self._bare_participle(verb) or (not auxes and self._unmarked_past(verb)):
            return "past"
        if verb.tag == "VBG" and lemmas & {"be"}:
            return "progressive"
        if verb.tag == "VBN" and any(a.tag == "VBG" and a.lemma.casefold() == "be" for a in auxes):
            return "progressive"  # "is being attacked": a passive going on
        if verb.tag in ("VBZ", "VBP") or (auxes and verb.tag == "VBN"):
            return "present"
        if not auxes and self.result_participle(verb):
            head = self.head(verb)
            return self._tense(head) if head is not None else "other"  # "hit the town, leaving ...": its act's
        if verb.dep == "conj":
            head = self.head(verb)
            if head is not None and head.pos == "VERB":
                return self._tense(head)
        return "other"

    def shares_a_perfect(self, verb: Token) -> bool:
        """Whether a participle joined to a perfect ("had finished the deck and then painted the
        rails") shares its auxiliary: no auxiliary or subject of its own, so a perfect too, told
        before the time its first verb is told before (not the next act of the story)."""
        head = self.head(verb)
        if verb.dep != "conj" or head is None or head.i > verb.i or verb.tag not in ("VBD", "VBN") or head.tag != "VBN":
            return False
        if any(k.dep.startswith(("aux", "nsubj", "mark")) for k in self.kids(verb)) or self.apart(verb.i, head.i):
            return False
        return any(k.dep == "aux" and (k.lemma.casefold() == "have" or self._had(k, head)) and k.i < head.i
                   for k in self.kids(head))

    def _had(self, aux: Token, verb: Token) -> bool:
        """Whether a clitic "'d" is "had", not "would": before a past participle ("who'd backed
        the plan", "she'd already left"), whatever the tagger read ("would" takes a base form)."""
        return aux.text.casefold().replace("\u2019", "'") == "'d" and verb.tag == "VBN" and aux.i < verb.i \
            and all(t.pos in ("ADV", "PART") for t in self.tokens[aux.i + 1 : verb.i])

    def _aspect(self, verb: Token) -> bool:
        """An aspect verb with a complement of its own: "continued to shun treatment", "began talks"."""
        return verb.lemma.casefold() in ASPECT and any(
            k.dep in ("xcomp", "obj", "obl") and k.i > verb.i and k.i not in self.in_time for k in self.kids(verb))

    def _unreal(self, verb: Token) -> bool:
        """Whether a predicate is negated, modal or conditional ("did not vote", "could vote")."""
        kids = self.kids(verb)
        if any(k.dep == "neg" or (k.dep == "advmod" and k.lemma.casefold() in ("not", "never", "n't")) for k in kids):
            return True
        if any(k.text[-1:] in "tT" and _NEGATED_WORD.search(k.text) for k in kids if k.i < verb.i):
            return True  # "can`t share", "didn`t": a negated auxiliary the parse kept as one word
        arguments = [k for k in kids if k.dep.startswith(("nsubj", "obj", "dobj"))]
        noun = self.head(verb)
        if noun is not None and verb.dep.startswith(("acl", "relcl")) and self.relative_clause(verb):
            arguments.append(noun)  # "no messages she sent"
        if any(self._none(k) for k in arguments):
            return True  # "nobody was hurt", "sent no messages", "neither chamber is pursuing it"
        if any(k.dep in ("aux", "aux:pass") and k.lemma.casefold() in MODALS and not self._had(k, verb) for k in kids):
            return True
        if any(k.dep == "mark" and k.lemma.casefold() in ("if", "unless", "whether") for k in kids):
            return True
        return self._inverted(verb)

    def _none(self, noun: Token) -> bool:
        """Whether a noun phrase counts nothing: "nobody", "nothing", "none of ...", "no one", "no
        messages", "neither chamber", "few of those women" (not "a few")."""
        word = noun.text.casefold()
        if word in ("nobody", "nothing", "none", "noone", "neither", "no-one"):
            return True
        if not _NONE_WORD.search(self.text, max(0, noun.start - 40), noun.end):
            return False  # (cheaply: the determiner stands just before its noun)
        dets = [k for k in self.kids(noun) if k.dep in ("det", "amod", "advmod") and k.i < noun.i]
        if any(k.text.casefold() in ("no", "neither") and k.dep == "det" for k in dets):
            return True
        if word == "few" or any(k.text.casefold() == "few" for k in dets):
            return not any(k.text.casefold() == "a" for k in self.kids(noun) if k.i < noun.i) and not (
                noun.i > 0 and self.tokens[noun.i - 1].text.casefold() in ("a", "the"))
        return False

    def _inverted(self, verb: Token) -> bool:
        """A condition told by inversion: an auxiliary "had", "were" or "should" before the subject,
        opening its clause ("Had the storm reached the harbor, ...", "Were the ferry to sink, ...")."""
        kids = self.kids(verb)
        subject = next((k for k in kids if k.dep.startswith("nsubj")), None)
        if subject is None:
            return False
        for aux in kids:
            if aux.dep in ("aux", "aux:pass", "cop") and aux.i < subject.i and aux.lemma.casefold() in ("have", "be", "should"):
                before = self.tokens[aux.i - 1] if aux.i > self.parse.sentences[aux.sent].first else None
                if before is None or before.pos == "PUNCT":
                    return True
        return False

    def naming(self, verb: Token) -> bool:
        return self._naming(verb)

    def _naming(self, verb: Token) -> bool:
        """Whether a predicate names or characterizes its object ("critics called the plan a
        waste"): a claim voiced, not an act ("the union called a strike" is one)."""
        kids = self.kids(verb)
        if verb.lemma.casefold() in TAKING_AS and self._as_phrase(verb):
            return True  # "referred to the ship as a wreck"
        if verb.lemma.casefold() not in NAMING:
            return False
        objects = [k for k in kids if k.dep in ("obj", "dobj")]
        # (a noun with its article read as a participle: "calling her a bigot")
        second = [k for k in kids if k.dep == "xcomp" and (k.pos in ("NOUN", "ADJ", "PROPN") or any(
            d.dep == "det" and d.i < k.i for d in self.kids(k)))]
        # or hung below the first object, as if that noun took an object ("called the plan a waste"
        # with "plan" read as a verb)
        second += [k for o in objects if o.pos in ("NOUN", "PROPN") or o.dep in ("obj", "dobj")
                   for k in self.kids(o) if k.dep in ("obj", "dobj", "xcomp", "appos") and k.pos in ("NOUN", "ADJ", "PROPN")
                   and k.i > o.i]
        # an adjective hung after the object as its modifier ("called the ruling unfair")
        second += [k for o in objects for k in self.kids(o) if k.dep == "amod" and k.pos == "ADJ" and k.i > o.i]
        # what is named is a free relative clause ("called what she saw terrible"), the name
        # hung on the verb or on the clause's own verb
        free = [k for k in kids if k.dep == "ccomp" and k.i > verb.i
                and any(w.tag == "WP" and w.i < k.i for w in self.kids(k))]
        objects += free
        second += [k for c in free for k in self.kids(c)
                   if k.dep == "xcomp" and k.pos in ("NOUN", "ADJ", "PROPN") and k.i > c.i]
        # the name as a bare noun phrase after the object ("called the vote \u201ca disgrace\u201d")
        second += [k for k in kids if k.dep in ("obl:unmarked", "obl:npmod") and k.pos in ("NOUN", "ADJ", "PROPN")
                   and objects and k.i > objects[0].i]
        # a quoted object after another noun ("called reporters \u201cliars\u201d", the noun read
        # as a modifier of the quotation): the quotation is the name given
        second += [o for o in objects if self.in_quote(o.start) and any(
            t.pos in ("NOUN", "PROPN", "PRON") and not self.in_quote(t.start) for t in self.tokens[verb.i + 1 : o.i])]
        for gerund in (k for k in kids if k.dep in ("xcomp", "ccomp") and k.tag == "VBG" and k.i > verb.i):
            # "called sharing \u201centirely optional\u201d": the act named, and what it is called
            named = [k for k in self.kids(gerund) if k.dep in ("obj", "xcomp")
                     and (k.pos == "ADJ" or (k.pos in ("NOUN", "PROPN") and self.in_quote(k.start)))]
            if named:
                objects.append(gerund)
                second += named
        head = self.head(verb)
        if verb.dep.split(":")[0] in ("acl", "relcl") and head is not None and head.tag == "WP":
            # "creating what the Ledger called a watch on autopilot": "what" is the thing named,
            # and names it even where the parse hung the name on another word
            return True
        # the name given is read as an xcomp or as a second object
        return len(objects) + len(second) >= 2 and bool(objects)

    def _as_phrase(self, verb: Token) -> bool:
        """Whether an "as" phrase after a verb belongs to it, hung on the verb or anywhere in its
        phrases but not in a clause of their own ("referred to the ship as a wreck", the "as"
        read inside the object)."""
        last = self.parse.subtree(verb)[1]
        for word in self.tokens[verb.i + 1 : last]:
            if word.text.casefold() != "as" or word.dep not in ("case", "mark"):
                continue
            current = self.head(word)
            while current is not None and current.i != verb.i and current.pos not in ("VERB", "AUX"):
                current = self.head(current)
            if current is not None and current.i == verb.i:
                return True
        return False

    def _asked(self, verb: Token) -> bool:
        """Whether a predicate is an indirect question or a free relative clause: its subject is
        "who" or "what", its object "what" before it, or it is asked how or why, and it modifies
        no noun ("police cannot tell who declined it", "it is unclear how police chose the
        owners", "told reporters what she saw"): what it tells is not stated as done ("where"
        also opens a relative clause of a place: not a question)."""
        if verb.dep.split(":")[0] in ("acl", "relcl") or self.relative_aside(verb):
            return False
        return any((k.dep.startswith("nsubj") and k.tag == "WP" and k.text.casefold() in ("who", "what"))
                   or (k.tag == "WRB" and k.text.casefold() in ("how", "why"))
                   # "told reporters what she witnessed": the thing told, not an act stated as done
                   or (k.dep in ("obj", "dobj") and k.tag == "WP" and k.i < verb.i
                       and k.text.casefold() in ("what", "whatever"))
                   for k in self.kids(verb))

    def _habitual(self, verb: Token) -> bool:
        """Whether a predicate is told as a habit by a set of times of its own ("signed weekly",
        "meets every Monday"): no one event."""
        return any(k.i in self.in_time and self.in_time[k.i].type == "SET" for k in self.kids(verb))

    def _clause_of(self, token: Token) -> Token | None:
        """The predicate of the clause a noun belongs to: up its heads to the first verb."""
        current = token
        for _ in range(8):
            head = self.head(current)
            if head is None:
                return None
            if head.pos in ("VERB", "AUX") or current.dep.split(":")[0] in ("nsubj", "obj", "iobj", "obl", "csubj"):
                return head
            current = head
        return None

    def _under_unreal(self, verb: Token) -> bool:
        """Whether a predicate is the complement of a negated or modal one, directly or through
        coordinated complements: "police cannot tell who received a request or who declined
        it", "how many owners replied is not known"; a relative clause of a noun in such a
        clause or in an indirect question is part of it ("who received a letter, who answered
        it" read with "who answered it" as a relative clause of "letter")."""
        current = verb
        for _ in range(6):
            if self.relative_clause(current) and self.head(current) is not None:
                clause = self._clause_of(self.head(current))  # type: ignore[arg-type]
                return clause is not None and clause.i != current.i and (
                    self._asked(clause) or self._under_unreal(clause))
            head = self.head(current)
            if head is None or current.dep.split(":")[0] not in ("ccomp", "csubj", "xcomp", "conj"):
                return False
            if head.pos in ("VERB", "AUX", "ADJ") and current.dep != "conj" and self._unreal(head):
                return True
            current = head
        return False

    def _only_tells_a_clause(self, verb: Token) -> bool:
        """Whether a predicate's one argument besides its subject is a clause ("investigators
        learned that ...", "posts theorized that ..."): what happened is that clause; the learning
        or telling is no event, unless it is an act of a named kind ("the court ruled that ...")."""
        lemma = verb.lemma.casefold()
        if any(lemma in lemmas for lemmas, _ in KINDS.values()):
            return False
        kids = self.kids(verb)
        clause = any(k.dep == "ccomp" and (k.pos in ("VERB", "AUX") or any(c.dep.startswith("nsubj") for c in self.kids(k)))
                     and not self._adverbial(k) for k in kids)
        others = any(k.dep in ("obj", "dobj", "iobj", "xcomp") or (k.dep.startswith("obl") and k.i not in self.in_time)
                     for k in kids)
        return clause and not others

    def _adverbial(self, clause: Token) -> bool:
        """Whether a clause opens with a preposition or subordinator other than "that" ("after
        Floyd was killed", "when the hotel collapsed"), or follows a comma: a time, a cause or an
        aside, whatever the parse read."""
        start, end = self.parse.subtree(clause)
        first = next((t for t in self.tokens[start:end] if t.pos != "PUNCT"), clause)
        if (first.pos in ("ADP", "SCONJ") or first.tag == "WRB") and first.text.casefold() != "that":
            return True
        # a told clause follows its verb with no comma between ("learned that ..."); "X
        # collapsed, the cause of which is unknown" is an aside the parse hung as one
        verb = self.head(clause)
        return verb is not None and verb.i < first.i and any(t.pos == "PUNCT" for t in self.tokens[verb.i + 1 : first.i])

    def reporting_act(self, verb: Token) -> bool:
        """Whether a predicate tells of a source answering or not, by other words than a reporting
        verb: "declined to comment", "refused to be interviewed", "was asked about the plan", a
        bare "she asked" after a quoted question. What was said is a claim's; the asking "for
        footage", "to leave" or "whether ..." of a request stays."""
        lemma = verb.lemma.casefold()
        kids = self.kids(verb)
        if self._speaking_as_it_reports(verb) or self._anonymity(kids) or self._after_a_quoted_question(verb):
            return True
        if lemma in ANNOUNCING and not any(
                k.dep.split(":")[0] in ("obj", "dobj", "iobj", "xcomp", "csubj") or k.dep == "nsubj:pass"
                or (k.dep == "ccomp" and k.i > verb.i) or (k.dep.startswith("obl") and k.i not in self.in_time)
                for k in kids):
            return True  # "X will reopen, officials announced": nothing made known after it, a telling
        if lemma in REPLYING and not any(k.dep in ("obj", "dobj", "iobj", "xcomp", "ccomp") for k in kids):
            obliques = [k for k in kids if k.dep.startswith("obl") and k.i not in self.in_time]
            # "Ryan responded", "responded to the remarks", "was referring to the judge"; not
            # "police responded to the fire"
            return all(k.pos in ("PROPN", "PRON") or k.lemma.casefold() in SAID_NOUNS for k in obliques)
        if lemma in ("reach", "contact") and self._reached_for_comment(verb):
            return True  # "Reached by phone on Tuesday, Joyce told ...": how a source was asked
        if lemma in ("decline", "refuse"):
            return any(k.dep == "xcomp" and (k.lemma.casefold() in ANSWERING | REPORTING or (
                k.lemma.casefold() in GIVING_INFORMATION and any(
                    o.dep in ("obj", "dobj") and o.lemma.casefold() in INFORMATION for o in self.kids(k))))
                for k in kids)
        if lemma != "ask":
            return False
        passive = any(k.dep in ("aux:pass", "nsubj:pass") for k in kids)
        about = any(k.dep.startswith("obl") and any(c.dep == "case" and c.lemma.casefold() == "about"
                                                    for c in self.kids(k)) for k in kids)
        if passive and about:
            return True  # "was asked about the strategy": an interview question
        asked_to = any(k.dep == "xcomp" for k in kids) or any(
            k.dep.startswith("obl") and any(c.dep == "case" and c.lemma.casefold() == "for" for c in self.kids(k))
            for k in kids)
        if not asked_to and self._asks_a_question(verb):
            return True  # "asked the mayor whether she would run", "asked a question": an interview's
        asked_for = asked_to or any(k.dep in ("obj", "dobj", "iobj", "nsubj:pass") for k in kids) or any(
            k.dep == "ccomp" and k.i > verb.i for k in kids)
        return not asked_for  # "'Why now?' she asked": the question is the claim

    def _reached_for_comment(self, verb: Token) -> bool:
        """Whether "reach" or "contact" tells of a source being contacted ("reached by phone",
        "when contacted for comment", "contacted by email"): the sourcing of what is said."""
        kids = self.kids(verb)
        passive = verb.tag == "VBN" or any(k.dep in ("aux:pass", "nsubj:pass") for k in kids)
        for kid in kids:
            if not kid.dep.startswith("obl"):
                continue
            cases = {c.lemma.casefold() for c in self.kids(kid) if c.dep == "case"}
            noun = kid.lemma.casefold()
            if ("by" in cases or "via" in cases) and noun in _CONTACT_MEANS:
                return True
            if "for" in cases and noun in ("comment", "comments", "response", "reaction") and passive:
                return True
        return False

    def _after_a_quoted_question(self, verb: Token) -> bool:
        """Whether "ask" follows the quoted question it asks ("'Why now?' he asked me"): the
        question is the claim, the asking no event, whoever was asked."""
        if verb.lemma.casefold() != "ask":
            return False
        subject = next((k for k in self.kids(verb) if k.dep.startswith("nsubj") and k.i < verb.i), None)
        first = self.parse.subtree(subject)[0] if subject is not None else verb.i
        sentence = self.parse.sentences[verb.sent]
        before = self.text[sentence.start : self.tokens[first].start].rstrip(" ,")
        return bool(_QUOTED_QUESTION.search(before))

    def _anonymity(self, kids: list[Token]) -> bool:
        """Whether a predicate tells how a source spoke: "requested anonymity to discuss the talks",
        "spoke on condition of anonymity": the sourcing of what is said, no event."""
        phrases = [k for k in kids if k.dep.split(":")[0] in ("obj", "dobj", "obl")]
        phrases += [n for k in phrases for n in self.kids(k) if n.dep.split(":")[0] == "nmod"]
        return any(k.lemma.casefold() == "anonymity" for k in phrases)

    def _asks_a_question(self, verb: Token) -> bool:
        """Whether "ask" has a question for its content: a clause opened by "if", "whether" or a
        question word, or the noun "question" itself; not a request ("asked residents for
        footage", "asked the board to delay the vote")."""
        kids = self.kids(verb)
        if any(k.dep in ("obj", "dobj") and k.lemma.casefold() == "question" for k in kids):
            return True
        clauses = [k for k in kids if k.dep == "ccomp" and k.i > verb.i]
        # "asked the senator what she meant" with the question hung on the person asked: "what"
        # opens no relative clause of a noun
        clauses += [c for k in kids if k.dep in ("obj", "dobj", "iobj") for c in self.kids(k)
                    if c.dep.startswith(("acl", "relcl")) and c.i > k.i]
        for clause in clauses:
            start, end = self.parse.subtree(clause)
            first = next((t for t in self.tokens[start:end] if t.pos != "PUNCT"), clause)
            if first.text.casefold() in ("if", "whether", "what", "how", "why") or (
                    clause.dep == "ccomp" and first.tag in ("WP", "WRB", "WDT", "WP$")):
                return True
        return False

    def _speaking_as_it_reports(self, verb: Token) -> bool:
        """A participle of speaking set beside a reporting verb ("the mayor, speaking to reporters
        on Tuesday, said ...", "appearing on a talk show, she denied ..."): the circumstance of the
        reporting act, no event of its own."""
        if verb.tag != "VBG" or verb.dep.split(":")[0] not in ("acl", "advcl"):
            return False
        lemma = verb.lemma.casefold()
        stem = lemma[:-3] if lemma.endswith("ing") else lemma  # "Appearing" left unlemmatized
        if not {lemma, stem, stem + "e"} & (ANSWERING | REPORTING | {"appear", "write"}):
            return False
        if any(k.dep.startswith(("nsubj", "aux")) for k in self.kids(verb)):
            return False
        head = self.head(verb)
        if head is not None and verb.dep.startswith("acl"):
            head = self.head(head)  # the speaker's noun: the verb it is the subject of
        return head is not None and head.lemma.casefold() in REPORTING

    def result_participle(self, verb: Token) -> bool:
        """Whether a present participle set after its past act by a comma, with no subject,
        auxiliary or subordinator of its own, tells what that act did ("an earthquake struck the
        coast, killing nine people"): an act at the time of its head."""
        head = self.head(verb)
        if verb.tag != "VBG" or verb.dep != "advcl" or head is None or head.i > verb.i or verb.i == 0 \
                or self.tokens[verb.i - 1].text != "," or self.apart(verb.i, head.i):
            return False
        if any(k.dep.startswith(("nsubj", "aux", "mark")) or k.tag in ("WP", "WDT", "WRB") for k in self.kids(verb)):
            return False  # (nor one creating "what the Ledger called a watch": a name given, a claim)
        return self.is_predicate(head) and (head.lemma.casefold() not in STATES or light_act(self.tokens, head)) \
            and head.tag in ("VBD", "VBN") and self._tense(head) in ("past", "perfect")

    def refusal(self, verb: Token) -> bool:
        """Whether "deny" tells of refusing something asked for, an act ("were denied visas",
        "denied him bail", "denied the request", "the permit was denied"), not of denying a
        statement (a claim)."""
        if verb.lemma.casefold() != "deny":
            return False
        kids = self.kids(verb)
        objects = [k for k in kids if k.dep in ("obj", "dobj")]
        if any(k.dep == "iobj" for k in kids) or (objects and any(k.dep == "aux:pass" for k in kids)):
            return True
        nouns = objects + [k for k in kids if k.dep == "nsubj:pass"]
        return any(n.lemma.casefold() in GRANTED or n.text.casefold() in GRANTED for n in nouns)

    def forecast(self, verb: Token) -> bool:
        """Whether a predicate tells what was or is only foreseen, not what happened or is planned:
        a past "was going to" ("was going to lose the farm": it may never have happened), a future
        hedged ("will probably sail"), the content of a prediction ("prices will rise, analysts
        predict", "expects that fares will rise") or a future change of an amount ("will rise next
        year"). A plain future with a date of its own ("the ferry will sail on June 4") is a plan
        and stays an event, dated by the day it is planned for."""
        if verb.tag not in ("VB", "VBG") or not _FUTURE_WORD.search(self.text, max(0, verb.start - 60), verb.end):
            return False  # a future's verb is a base form ("will rise"), "going to" a participle
        kids = self.kids(verb)
        to_verb = next((k for k in kids if k.dep == "xcomp" and k.i > verb.i and any(
            m.dep == "mark" and m.text.casefold() == "to" for m in self.kids(k))), None)
        going = verb.lemma.casefold() == "go" and verb.tag == "VBG" and to_verb is not None
        if going and any(k.dep.startswith("aux") and (k.tag == "VBD" or k.feature("Tense") == "Past") for k in kids):
            return True
        if not going and self._tense(verb) != "future":
            return False
        target = to_verb if going and to_verb is not None else verb
        if target.lemma.casefold() in AMOUNT_CHANGES and self._to_an_amount(target):
            return True
        if any(k.dep == "advmod" and k.lemma.casefold() in HEDGES for k in [*kids, *self.kids(target)]):
            return True
        head = self.head(verb)
        if verb.dep.split(":")[0] in ("ccomp", "parataxis") and head is not None and head.lemma.casefold() in PREDICTING:
            return True
        return any(k.dep.split(":")[0] in ("parataxis", "ccomp") and k.lemma.casefold() in PREDICTING
                   and (k.i > verb.i or k.dep == "parataxis") for k in kids)

    def _time_subject(self, verb: Token) -> bool:
        """Whether a predicate's subject is a time and nothing else opens its sentence before the
        verb ("April 24 marked 101 years since ...", "Last October brought a revival"): it tells
        of the time, not of something that happened in it."""
        first = self.parse.sentences[verb.sent].first
        i = first
        while i < verb.i and self.tokens[i].pos in ("PUNCT", "DET"):
            i += 1
        if i >= verb.i or i not in self.in_time:
            return False  # (cheaply: the sentence must open with the time)
        subject = next((k for k in self.kids(verb) if k.dep in ("nsubj", "csubj")), None)
        if subject is None or subject.i not in self.in_time or subject.i > verb.i:
            return False
        return all(t.i in self.in_time or t.pos in ("PUNCT", "DET") for t in self.tokens[first : verb.i])

    def _performed(self, verb: Token) -> bool:
        """Whether "declare" performs what its object names ("declared a state of emergency",
        "declared war"): an act, not a statement; with a clause or a thing said it is one."""
        if verb.lemma.casefold() not in PERFORMING:
            return False
        kids = self.kids(verb)
        if any(k.dep in ("ccomp", "xcomp", "csubj") for k in kids):
            return False
        return any(k.dep in ("obj", "dobj") and k.pos == "NOUN" and k.lemma.casefold() not in SAID_NOUNS
                   and not any(c.dep in ("xcomp", "acl") for c in self.kids(k)) for k in kids)

    def _phrasal_act(self, verb: Token) -> bool:
        """Whether a verb of state or of motion in general takes a particle that makes an act of
        it ("sounded off on the court", "came back to the town", "went out"); not one of being,
        having, knowing, thinking or wanting."""
        return verb.lemma.casefold() not in ("be", "have", "seem", "know", "think", "believe", "want", "need") and any(
            k.dep == "compound:prt" and k.i > verb.i for k in self.kids(verb))

    def _posted_a_picture(self, verb: Token) -> bool:
        """Whether a verb of posting puts out a picture or a recording ("tweeted an image of the
        mayor", "posted a video"): a thing put out, an act, not a statement (a clause is one)."""
        if verb.lemma.casefold() not in POSTING:
            return False
        kids = self.kids(verb)
        if any(k.dep in ("ccomp", "csubj", "parataxis") for k in kids):
            return False
        return any(k.dep in ("obj", "dobj") and (k.lemma.casefold() in PICTURES or k.text.casefold() in PICTURES)
                   for k in kids)

    def _pointing_at(self, verb: Token) -> bool:
        """Whether "point" tells of pointing at someone or something ("pointed to a man in the
        crowd", "pointed at the door"): a gesture, an act; it says something only with a clause,
        a quotation or "out" ("pointed out that ...", "pointed to the fact that ...")."""
        if verb.lemma.casefold() != "point":
            return False
        kids = self.kids(verb)
        if any(k.dep in ("ccomp", "csubj", "parataxis", "obj", "dobj", "compound:prt") for k in kids):
            return False
        if self.in_quote(verb.start) or self._says_a_quotation_before(verb):
            return False
        targets = [k for k in kids if k.dep.startswith("obl") and any(
            c.dep == "case" and c.lemma.casefold() in ("to", "at", "toward", "towards") for c in self.kids(k))]
        # "pointed to the fact that ...", "pointed to a new poll": a thing said or a work cited
        return any(not any(c.dep in ("acl", "ccomp", "acl:relcl") for c in self.kids(t))
                   and t.lemma.casefold() not in SAID_NOUNS | WORK_NOUNS | FINDING_WORKS for t in targets)

    def _reading_a_work(self, verb: Token) -> bool:
        """Whether "read" tells of someone reading a work ("had read an article in the magazine"),
        an act, not of what a text says ("the sign read ...", "the letter read, in part, ...")."""
        if verb.lemma.casefold() != "read":
            return False
        kids = self.kids(verb)
        subject = next((k for k in kids if k.dep == "nsubj"), None)
        if subject is None or subject.lemma.casefold() in WORK_NOUNS | SAID_NOUNS:
            return False
        return any(k.dep in ("obj", "dobj") and k.lemma.casefold() in WORK_NOUNS | READ_WORKS
                   for k in kids)

    def _discovery(self, verb: Token) -> bool:
        """Whether "find" tells of coming upon a thing, an event ("the file was found wet on a
        street", "police found the car in a lake"), not of a finding stated (a claim: "the study
        found that ...", "he was found to have lied"): passive or with a place, and no clause or
        infinitive of what was found out."""
        if verb.lemma.casefold() != "find":
            return False
        kids = self.kids(verb)
        if any(k.dep in ("ccomp", "csubj") or (k.dep == "xcomp" and any(
                m.dep == "mark" and m.text.casefold() == "to" for m in self.kids(k))) for k in kids):
            return False
        passive = any(k.dep in ("aux:pass", "nsubj:pass") for k in kids)
        placed = any(k.dep.startswith("obl") and any(c.dep == "case" and c.lemma.casefold() in PLACE_CASES
                                                     for c in self.kids(k)) for k in kids)
        if passive or (placed and any(k.dep in ("obj", "dobj") for k in kids)):
            return True
        # "divers found the wreck": people coming upon a thing, a noun with an article and nothing
        # after it; a work's findings ("the survey found 40 percent support") are what it states
        subject = next((k for k in kids if k.dep == "nsubj"), None)
        thing = next((k for k in kids if k.dep in ("obj", "dobj")), None)
        return (subject is not None and thing is not None and subject.pos in ("NOUN", "PROPN")
                and self._tense(verb) in ("past", "perfect")
                and subject.lemma.casefold() not in WORK_NOUNS | FINDING_WORKS and thing.pos == "NOUN"
                and any(c.dep == "det" and c.lemma.casefold() in ("the", "a", "an") for c in self.kids(thing))
                and not any(k.dep in ("xcomp", "obl", "advcl", "ccomp") and k.i > thing.i for k in kids)
                and thing.lemma.casefold() not in FINDING_RESULTS)

    def _intention(self, verb: Token) -> bool:
        """Whether a predicate tells, in the present or future, what someone means to do ("they
        plan to link him to ...", "the group aims to spend $9 million"): not done yet, no event
        (a past "promised reform" or "planned a protest" is an act)."""
        if verb.lemma.casefold() not in _INTENDING or self._tense(verb) not in ("present", "future", "progressive"):
            return False
        return any(k.dep == "xcomp" and k.i > verb.i and k.pos in ("VERB", "AUX") for k in self.kids(verb))

    def _conditional_future(self, verb: Token) -> bool:
        """Whether a future holds only on a condition ("she will win if he is still popular"):
        a hypothesis, no plan."""
        if verb.tag != "VB" or not _FUTURE_WORD.search(self.text, max(0, verb.start - 60), verb.start) \
                or self._tense(verb) != "future":
            return False
        return any(k.dep.startswith("advcl") and any(
            m.dep == "mark" and m.lemma.casefold() in ("if", "unless") for m in self.kids(k)) for k in self.kids(verb))

    def _headline_participle(self, verb: Token) -> bool:
        """Whether a paragraph of one short sentence is told as headlines are ("Stoic driver
        identified in crash.", "Shooter's friend denied bail."): a singular noun with no article
        for its subject, a past form with no auxiliary, text before and after it: a heading of the
        section below it in the body of a roundup, not a sentence of the story."""
        if verb.tag not in ("VBN", "VBD"):
            return False
        sentence = self.parse.sentences[verb.sent]
        if sentence.start == 0 or "\n" not in self.text[max(0, sentence.start - 2) : sentence.start] \
                or "\n" not in self.text[sentence.end : sentence.end + 2]:
            return False
        kids = self.kids(verb)
        if any(k.dep.startswith("aux") for k in kids):
            return False
        subject = next((k for k in kids if k.dep.startswith("nsubj")), None)
        if subject is None or subject.tag != "NN" or subject.i in self.in_time or subject.lemma.casefold() in _BARE_NOUNS:
            return False
        first, last = self.parse.subtree(subject)
        if any(t.pos == "DET" or t.tag in ("PRP$", "WP$", "CD") for t in self.tokens[first:last]):
            return False  # "The driver identified ...": a sentence has its article; a headline drops it
        sentence = self.parse.sentences[verb.sent]
        before = self.text[max(0, sentence.start - 2) : sentence.start]
        after = self.text[sentence.end : sentence.end + 2]
        # a paragraph of its own, with text before and after it
        if sentence.start == 0 or "\n" not in before or "\n" not in after or not self.text[sentence.end :].strip():
            return False
        return len(self.text[sentence.start : sentence.end].split()) <= 12

    def _to_an_amount(self, verb: Token) -> bool:
        """Whether a verb of change tells of an amount: no object ("prices will rise") or an
        amount for its object ("will reach 9 percent", "will top a record"), not a thing done to
        ("will release another set of files")."""
        objects = [k for k in self.kids(verb) if k.dep in ("obj", "dobj")]
        return all(o.pos == "NUM" or o.lemma.casefold() in _AMOUNT_NOUNS
                   or any(k.dep == "nummod" for k in self.kids(o)) for o in objects)

    def _coming_known(self, verb: Token) -> bool:
        """Whether a predicate tells only that a clause became or was known, clear or apparent, with
        "it" standing for the clause ("it became known that ...", "it was clear that ...")."""
        if verb.lemma.casefold() not in COMING_KNOWN | _BECOMING:
            return False
        kids = self.kids(verb)
        if not any(k.dep.startswith("nsubj") and k.text.casefold() == "it" for k in kids):
            return False
        if verb.lemma.casefold() in COMING_KNOWN and any(k.dep == "cop" for k in kids):
            return True
        return verb.lemma.casefold() in _BECOMING and any(
            k.dep in ("xcomp", "acomp") and k.text.casefold() in COMING_KNOWN for k in kids)

    def _bare_infinitive(self, verb: Token) -> bool:
        """A "to" infinitive with no subject of its own hung on another verb or a noun ("asked the
        clerk to delete files in May", "used the rally to drum up support", "a party founded to
        abolish slavery"): a purpose or what was asked, not something that happened; its date is
        its head's act's."""
        if verb.tag != "VB" or verb.dep.split(":")[0] not in ("advcl", "acl", "conj", "ccomp"):
            return False
        kids = self.kids(verb)
        if any(k.dep.startswith("nsubj") for k in kids):
            return False
        return any(k.dep == "mark" and k.text.casefold() == "to" and k.i < verb.i for k in kids)

    def _infinitive_conjunct(self, verb: Token) -> bool:
        """A base form with no subject or auxiliary of its own coordinated with an infinitive ("a
        process to suggest designs and determine whether ..."), or hung on a finite verb it cannot
        share a tense with ("announced a process to collect designs, and decide whether ..."): a
        purpose, not something that happened (a base form after "will" shares its future)."""
        head = self.head(verb)
        if verb.dep != "conj" or verb.tag not in ("VB", "VBP") or head is None:
            return False
        if any(k.dep.startswith(("nsubj", "aux")) for k in self.kids(verb)):
            return False
        if verb.tag == "VB" and head.tag in ("VBD", "VBZ", "VBP"):
            return True
        # (a base form after an infinitive may be tagged as a present: "to collect designs and decide")
        return head.tag == "VB" and any(k.dep == "mark" and k.text.casefold() == "to" for k in self.kids(head))

    def _adjective_in_a_list(self, verb: Token) -> bool:
        """A past form coordinated with a present-tense verb, with no subject or auxiliary of its
        own: an adjective of the list's last noun the parse read as a verb ("comes from seafood,
        milk and iodised salt")."""
        head = self.head(verb)
        if verb.dep != "conj" or verb.tag != "VBD" or head is None or head.tag not in ("VBZ", "VBP"):
            return False
        # (an adjective takes no object or complement: "have all but stopped confirming his
        # picks" is a verb the parse coordinated with its own auxiliary)
        return not any(k.dep.startswith(("nsubj", "aux")) or k.dep in ("xcomp", "ccomp")
                       or (k.dep == "advcl" and k.tag == "VBG" and k.i == verb.i + 1) for k in self.kids(verb))

    def reduced_relative(self, verb: Token) -> bool:
        """A participle right after a noun, with no subject, auxiliary or conjunction of its own,
        that the parse hung from the main verb ("came from a clerk assigned to a panel" with
        "assigned" read as a clause of "came"): it describes the noun, as an "acl" does."""
        if verb.dep != "advcl" or verb.tag not in ("VBN", "VBD") or verb.i == 0:
            return False
        before = self.tokens[verb.i - 1]
        if before.pos not in ("NOUN", "PROPN") or self.text[before.end : verb.start].strip():
            return False
        if before.dep.split(":")[0] not in ("obj", "iobj", "obl", "nmod"):
            return False  # "but on June 16 Acme submitted": a subject the parse lost, a clause of its own
        return not any(k.dep.startswith(("nsubj", "aux", "mark", "cop")) for k in self.kids(verb))

    def directive(self, verb: Token) -> bool:
        """A verb of saying that tells someone to do something ("she was told to leave the club",
        "told the crew to stay"): an order given, an act, not a statement whose content is a claim."""
        if verb.lemma.casefold() not in REPORTING:
            return False
        kids = self.kids(verb)
        told = [k for k in kids if k.dep in ("obj", "iobj", "nsubj:pass")]
        # the infinitive hangs on the verb, or on the one told ("told the crew to stay" read so)
        infinitives = [k for k in kids if k.dep == "xcomp"] + [
            a for t in told if t.dep != "nsubj:pass" for a in self.kids(t) if a.dep == "acl" and a.i > t.i]
        # (a verb right after its "to" is a bare infinitive whatever its tag: "to shred" read as a past)
        return bool(told) and any(any(m.dep == "mark" and m.text.casefold() == "to" and (k.tag == "VB" or m.i == k.i - 1)
                                      for m in self.kids(k)) for k in infinitives)

    def _appearing_somewhere(self, verb: Token, dated: bool = False) -> bool:
        """ "appear" with a place or a time of its own and no complement ("the video appeared on
        the Internet", "its first browser appeared two years later"): it came into view, an event;
        "appeared to be", "appeared calm" tell what something seems."""
        if verb.lemma.casefold() != "appear":
            return False
        kids = self.kids(verb)
        if any(k.dep in ("xcomp", "ccomp", "cop", "acomp", "obj") for k in kids):
            return False
        if dated and not any(k.pos in ("ADJ", "VERB", "AUX") and k.i > verb.i for k in kids) and not any(
                k.dep == "expl" or (k.dep == "nsubj" and k.text.casefold() == "it") for k in kids):
            return True
        return any(k.dep == "obl" and any(c.dep == "case" and c.lemma.casefold() in ("in", "on", "at")
                                          for c in self.kids(k)) for k in kids)

    def _dates_a_noun_within(self, timex: TimexLike, verb: Token) -> bool:
        """Whether a time expression is a modifier of a noun inside the verb's phrase ("tied to
        the floods of spring 2020": the floods'), not a phrase of the verb ("leaked in September")."""
        inside = self.parse.tokens_in(timex.start, timex.end)
        indices = {t.i for t in inside}
        tops = [t for t in inside if t.head not in indices and t.head != t.i]
        if not tops:
            return False
        first, last = self.parse.subtree(verb)
        return all(t.head != verb.i and first <= t.head < last and self.tokens[t.head].pos in ("NOUN", "PROPN", "NUM")
                   for t in tops)

    def _says_a_quotation_before(self, verb: Token) -> bool:
        """Whether a verb is one of saying by its place: right after a quotation that closes just
        before it, whose clause it governs, with no subject before it ("'Only the council can
        decide,' continued the letter", "'We will not pay,' added Ilse Marrow"): a claim told, not
        an act."""
        i = verb.i - 1
        if i >= 0 and self.tokens[i].text == ",":
            i -= 1
        if i < 0 or self.tokens[i].text not in _CLOSING_QUOTES:
            return False
        kids = self.kids(verb)
        if any(k.dep.startswith("nsubj") and k.i < verb.i for k in kids):
            return False
        if any(k.dep in ("ccomp", "parataxis") and k.i < verb.i and self.parse.subtree(k)[1] - 1 >= i - 1
               for k in kids):
            return True
        # the parse joined it to the quotation's verb ("... can decide,'' continued the letter")
        head = self.head(verb)
        return (verb.dep.split(":")[0] in ("conj", "parataxis") and head is not None and head.i < i
                and not any(k.dep == "cc" for k in kids) and any(k.dep in ("obj", "nsubj") and k.i > verb.i for k in kids))

    def _skip(self, verb: Token, predicate: Predicate | None) -> bool:
        """Whether a predicate does not tell of something that happened."""
        lemma = verb.lemma.casefold()
        dated = predicate is not None and bool(predicate.own_times or predicate.message_times)
        if lemma in REPORTING and not (lemma in REPORTING_EVENTS and dated) and not self.refusal(verb) \
                and not self._discovery(verb) and not self.directive(verb) and not self._reading_a_work(verb) \
                and not self._performed(verb) and not self._posted_a_picture(verb) and not self._pointing_at(verb):
            return True
        if self._only_tells_a_clause(verb) or self.reporting_act(verb) or self._says_a_quotation_before(verb):
            return True
        if lemma in PREDICTING and not any(lemma in lemmas for lemmas, _ in KINDS.values()):
            return True  # "the researchers estimated (that) by 2050 ...": a forecast told, a claim, no act
        if lemma in STATES and not (lemma in STATES_WHEN_DATED and dated) and not self._aspect(verb) \
                and not self._appearing_somewhere(verb, dated) and not self._phrasal_act(verb) \
                and not light_act(self.tokens, verb):
            return True
        kids = self.kids(verb)
        around = kids + [c for k in kids if k.dep.startswith("aux") for c in self.kids(k)]  # "There" on "been"
        if not dated and any(k.dep == "expl" and k.text.casefold() == "there" for k in around) and not any(
                k.dep.startswith("nsubj") for k in kids):
            return True  # "There have been increasing concerns": what there is, a state like "be"
        if verb.dep == "xcomp" or self._adjective_in_a_list(verb) or self._infinitive_conjunct(verb):
            return True
        if self._time_subject(verb):
            return True  # "April 24 marked 101 years since ...", "October provided a lift": a time told of
        if self._coming_known(verb):
            return True  # "it became known that he left the files": what became known is the event
        if self._bare_infinitive(verb):
            return True
        if self.excluded_at(verb.start):
            return True
        if self._unreal(verb) or self._under_unreal(verb) or self._asked(verb) or self._naming(verb):
            return True
        if self.forecast(verb) or self._intention(verb) or self._conditional_future(verb):
            return True
        sentence = self.parse.sentences[verb.sent]
        if self._headline_participle(verb) or title_case_heading(self.text, sentence.start, sentence.end, self.kids(verb)):
            return True  # "Driver identified in crash.": a heading in the body, told without "was"
        if self.text[sentence.start : sentence.end].rstrip("\"”’' )").endswith("?"):
            return True
        if verb.dep == "advcl" and verb.tag == "VBG" and any(
                k.dep == "mark" and k.lemma.casefold() == "while" for k in self.kids(verb)):
            # "requested footage while investigating vandalism": its head's circumstance, not an
            # act of its own ("..., killing three people" is one)
            return True
        participle = (verb.dep == "acl" and verb.tag == "VBN" and not self.root_participle(verb)
                      and not self.relative_clause(verb)) \
            or self.reduced_relative(verb)
        describing = self.relative_clause(verb) and verb.tag in ("VBZ", "VBP") and not any(
            k.dep.startswith("aux") for k in self.kids(verb))  # "farmers who use the app": what they do
        if dated and (participle or describing) and predicate is not None and all(
                self._dates_a_noun_within(t, verb) for t in [*predicate.own_times, *predicate.message_times]):
            # "a clerk assigned to a panel formed to review thefts tied to the floods of spring
            # 2020": the date is the floods', a noun's inside the phrase; the participles only
            # describe the clerk, the panel and the thefts
            return True
        if dated:
            return False
        if (verb.dep == "acl" and not self.root_participle(verb) and not self.relative_clause(verb)) or participle:
            return True  # "footage captured during protests": an event only with a date of its own
        if self._habitual(verb):
            return True  # "signed weekly": a habit, not one event
        if self.relative_clause(verb) and self._tense(verb) == "progressive" and any(
                k.dep.startswith("aux") and k.tag in ("VBZ", "VBP") for k in self.kids(verb)):
            return True  # "Kim, who is running for the Senate": what its noun is busy with, no news
        if self.in_quote(verb.start):
            return True  # the speaker's own words: a claim's, unless dated
        if self.result_participle(verb):
            return False  # "struck the coast on Tuesday, killing nine people": what the act did
        tense = self._tense(verb)
        if tense not in ("past", "perfect", "progressive"):
            return True
        return not self._finite(verb) and verb.dep != "conj"

    # -- events -------------------------------------------------------------------------------------
