"""Attributions read from how a quotation is set in its sentence, whatever the tree makes of it.

A quotation that ends in a comma (or "?" / "!") and is followed in its sentence by a verb and
a noun phrase ("“...,” said Ann Lowe, the mayor." / "“...,” the mayor continued.") is what
that noun phrase said; so is a quotation right after "X verb," or "X verb:" ("She continued,
“...”"). The verb is whatever verb stands there, since the quotation marks themselves say the
words are someone's. A line that opens with a short name and a colon ("LOWE: We are ready.")
is that name's words too. The parser often hangs such sentences together oddly (the verb an
adverbial clause of the quotation, the name a vocative); these readings do not depend on it.

>>> from timeline_graph import nlp
>>> text = '“We are ready,” the mayor continued.'
>>> parse = nlp.parse(text)
>>> [(text[parse.tokens[q.cue].start:parse.tokens[q.cue].end], q.content) for q in quote_cues(parse, ((1, 14),))]
[('continued', (1, 14))]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..nlp import Parse, Sentence, Token
from .claim_sources import a_time
from .claim_words import QUOTES, SPEECH_VERBS, is_particle, lemma_in

__all__ = ["QuoteCue", "colon_cues", "only_speaker", "quote_cues"]

_NAME_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
_NAME_WORDS = frozenset({"of", "for", "'s", "’s", "-", "and"})
_ENDS = (",", "?", "!", "—", "–")
_FEWEST_LINE_WORDS = 3  # words after a line's label: fewer is a byline or a heading, not speech
_NAME_LIST_SHARE = 0.7  # of a comma-separated line's words being names: a list of names, not speech
_LONGEST_SOURCE = 12  # tokens before an appositive: longer is no speaker's name


@dataclass(frozen=True)
class QuoteCue:
    """A quotation's speaker found beside it: token indices of the cue and the source, character range of the content."""

    cue: int
    content: tuple[int, int]
    source: tuple[int, int] | None
    who: Token | None


def quote_cues(parse: Parse, regions: Sequence[tuple[int, int]]) -> list[QuoteCue]:
    """The speaker of each quotation set beside a verb, where the text shows one."""
    found = []
    for start, end in regions:
        cue = _after(parse, start, end) or _before(parse, start, end)
        if cue is not None:
            found.append(cue)
    return found


def is_title(text: str, a: int, b: int) -> bool:
    """Whether a quotation is a few words with no sentence in them: a title or a phrase, not someone's words."""
    words = text[a:b].split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words if len(w) > 3):
        # 'on “Meet the Press.”': the sentence's stop may stand inside a name's closing mark
        words[-1] = words[-1].rstrip("”\"'").removesuffix(".")
    return len(words) <= _TITLE_WORDS and not any(w.rstrip("”\"'").endswith((".", "!", "?", ",")) for w in words)


_TITLE_WORDS = 6


def _named_in_phrase(parse: Parse, start: int, end: int) -> bool:
    """Whether a quotation is a name in a phrase: words in capitals after a preposition or a possessive
    ('on Channel 4’s “The Harbor Hour,”'), the name of a show or a book, not what someone said (what
    something is called, 'billed it as “Hard Hats for Ruiz,”', may be)."""
    before = parse.tokens_in(max(0, start - 12), start)
    before = [t for t in before if t.end <= start and t.text not in QUOTES]
    quoted = parse.text[start:end].rstrip().removesuffix(",")  # the sentence's comma inside the closing mark
    words = quoted.split()
    return (bool(before) and ((before[-1].pos == "ADP" and before[-1].text.casefold() != "as") or before[-1].tag == "POS")
            and is_title(quoted, 0, len(quoted)) and bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()
            and all(w[:1].isupper() or len(w) <= 3 for w in words))


def _after(parse: Parse, start: int, end: int) -> QuoteCue | None:
    """ "“...,” said X." or "“...,” X said.": the quotation ends in a comma and a verb follows."""
    closing = parse.tokens_in(end, end + 3)
    sentence = parse.sentence_of(end)
    if not closing or sentence is None or _named_in_phrase(parse, start, end):
        return None
    if not parse.text[start:end].rstrip().endswith(_ENDS):
        # '“... winter.” Lowe said.': a full stop inside the quotation, and a sentence that only names who spoke
        nxt = closing[0].i + 1
        following = parse.sentence_of(parse.tokens[nxt].start) if nxt < len(parse.tokens) else None
        if following is sentence:
            return None
        if not parse.text[start:end].rstrip().endswith(".") or following is None or not only_speaker(parse, following):
            return None
        sentence = following
    first = closing[0].i + 1
    if first >= sentence.last:
        return None
    head = parse.tokens[first]
    opening = parse.tokens_in(sentence.start, start)
    if any(t.pos != "PUNCT" for t in opening):  # 'Its choices rest on "...," X said': the clause is said
        start = opening[0].start
    if _is_verb(head):  # inverted: the noun phrase after the verb speaks
        last = _name_end(parse, first + 1, sentence.last)
        return None if _says_own_clause(parse, head) else _cue(parse, head, (start, end), first + 1, last)
    last = _name_end(parse, first, sentence.last)
    comma = last
    if last < sentence.last and parse.tokens[last].text == ",":
        last = _past_appositive(parse, last, sentence.last)
    helped = False
    while last < sentence.last and last > first and parse.tokens[last].pos in ("AUX", "ADV") and _is_verb(
            parse.tokens[parse.tokens[last].head], perfect=True) and parse.tokens[last].head > last:
        helped = helped or parse.tokens[last].pos == "AUX"
        last += 1  # "“...” Lowe had said.", "“...” the mayor later said."
    if last >= sentence.last or last == first or not _is_verb(parse.tokens[last], perfect=helped):
        return None
    if _says_own_clause(parse, parse.tokens[last]):
        return None
    return _cue(parse, parse.tokens[last], (start, end), first, comma)


def _says_own_clause(parse: Parse, verb: Token) -> bool:
    """Whether the verb after a quotation has a clause of its own opened by "that" ('Speaking on
    “Face the Nation,” Lowe admitted that the figures were wrong'): the quotation names something in
    the scene, it is not what the verb says."""
    for kid in parse.children(verb):
        first, last = parse.subtree(kid)
        if (kid.dep == "ccomp" and kid.i > verb.i and parse.tokens[first].text.casefold() == "that"
                and not any(t.text in QUOTES for t in parse.tokens[first:last])):
            return True
    return False


def only_speaker(parse: Parse, sentence: Sentence) -> bool:
    """Whether a sentence is a speaker and a verb of saying alone ("Lowe said.", "said the mayor.", "Lowe said at the pier.")."""
    words = [t for t in parse.tokens[sentence.first : sentence.last] if t.pos != "PUNCT"]
    verbs = [t for t in words if lemma_in(t, SPEECH_VERBS) in SPEECH_VERBS and t.pos == "VERB"]
    if len(verbs) != 1 or len(words) > _LONGEST_SOURCE:
        return False
    if verbs[0] not in (words[0], words[-1]):
        # the speaker, the verb, and where or when it was said: a phrase opening with a preposition
        after = words[words.index(verbs[0]) + 1]
        if after.pos != "ADP" or not any(t.pos in ("PROPN", "NOUN", "PRON") for t in words[: words.index(verbs[0])]):
            return False
    # "Lowe had said.", "Lowe later said.": an auxiliary or an adverb goes with the verb
    return all(t.pos in _NAME_POS | {"DET", "ADJ", "ADP"} or (t.pos in ("AUX", "ADV") and t.head == verbs[0].i)
               for t in words if t is not verbs[0])


def _before(parse: Parse, start: int, end: int) -> QuoteCue | None:
    """ "X verb, “...”", "X verb: “...”", "..., telling the crowd, “...”": the quotation opens after a verb.

    The verb may carry a particle ("went on") or its object ("told reporters"); a participle
    ("..., telling the crowd, “...”") speaks for the subject of the clause it hangs on.
    """
    opening = parse.tokens_in(max(0, start - 3), start)
    if not opening:
        return None
    k = opening[-1].i - 1
    if k < 1 or parse.tokens[k].text not in (",", ":"):
        return None
    verb = _verb_before(parse, k)
    if verb is None:
        return None
    sentence = parse.sentences[verb.sent]
    if verb.tag == "VBG" and verb.dep in ("advcl", "xcomp", "conj"):
        return _participle(parse, verb, (start, end))
    if not _is_verb(verb):
        return None
    first = verb.i
    while first > sentence.first and parse.tokens[first - 1].pos in _NAME_POS | {"AUX", "ADV", "PART"}:
        first -= 1
    subject = _trim(parse, first, verb.i)
    if subject[0] >= subject[1] or subject[0] != sentence.first:
        return None
    return _cue(parse, verb, (start, end), subject[0], subject[1])


def _verb_before(parse: Parse, k: int) -> Token | None:
    """The verb whose phrase ends at the comma or colon k: right before it, or before its particle or object."""
    token = parse.tokens[k - 1]
    if k >= 2 and token.head == k - 2 and is_particle(parse, token):  # "He went on, “...”"
        return parse.tokens[k - 2]
    if token.pos in ("VERB",):
        return token
    head = parse.tokens[token.head]
    if token.dep in ("obj", "iobj") and head.pos == "VERB" and k - head.i <= 6:  # "told reporters, “...”"
        return head
    return None


def _participle(parse: Parse, verb: Token, content: tuple[int, int]) -> QuoteCue | None:
    """ "X smiled, telling the crowd, “...”": the quotation is said by the subject of the clause the participle hangs on."""
    head = parse.tokens[verb.head]
    subjects = [k for k in parse.children(head) if k.dep == "nsubj" and k.i < head.i]
    if not subjects:
        return None
    first, last = parse.subtree(subjects[0])
    return _cue(parse, verb, content, first, min(last, head.i))


def colon_cues(parse: Parse) -> list[QuoteCue]:
    """ "LOWE: We are ready." and "Ann Lowe: “...”": a line opening with a short name and a colon, to the line's end.

    In mid-sentence, a name right before a colon and a quotation ("..., says pollster Ann Lowe:
    “...”") is who speaks the quotation.
    """
    found = []
    for sentence in parse.sentences:
        first = sentence.first
        line_start = parse.text.rfind("\n", 0, parse.tokens[first].start) + 1
        last = first
        while last < sentence.last and last - first < 5 and _capitalized_name(parse.tokens[last]):
            last += 1
        # a time before the colon is when, never who ("Tuesday: ...")
        if (parse.text[line_start : parse.tokens[first].start].strip() or last == first or last >= sentence.last - 2
                or parse.tokens[last].text != ":" or any(a_time(parse, t) for t in parse.tokens[first:last])):
            found.extend(_named_before_colon(parse, sentence.first, sentence.last, sentence.end))
            continue
        # the label owns its whole line: an answer in a transcript runs over several sentences
        line_end = parse.text.find("\n", sentence.end)
        content = (parse.tokens[last + 1].start, len(parse.text) if line_end < 0 else line_end)
        if _says_something(parse, content):
            found.append(QuoteCue(cue=last, content=content, source=(first, last), who=parse.tokens[last - 1]))
    return found


def _says_something(parse: Parse, content: tuple[int, int]) -> bool:
    """Whether a labelled line holds words someone said: not a byline's or a section's few words
    ("By: Ann Lowe", "Next: Ohio"), nor a list of names under a heading ("Ohio: Ann Lowe, Ben
    Ray, Cy Dorn")."""
    tokens = [t for t in parse.tokens_in(*content) if t.pos not in ("PUNCT", "SYM", "SPACE")]
    if len(tokens) <= _FEWEST_LINE_WORDS:
        return False
    commas = sum(1 for t in parse.tokens_in(*content) if t.text == ",")
    names = sum(1 for t in tokens if t.pos == "PROPN")
    return commas < 2 or names < _NAME_LIST_SHARE * len(tokens)


def _named_before_colon(parse: Parse, first: int, last: int, end: int) -> list[QuoteCue]:
    """ "The timing does not surprise pollster Ann Lowe: “...”": the name before the colon speaks."""
    found = []
    for k in range(first + 1, last - 2):
        if parse.tokens[k].text != ":" or parse.tokens[k + 1].text not in ("“", '"', "''", "‘"):
            continue
        name = k
        while name > first and k - name < 5 and parse.tokens[name - 1].pos == "PROPN":
            name -= 1
        if name == k:
            continue
        content = (parse.tokens[k + 1].start, end)
        if not any(a_time(parse, t) for t in parse.tokens[name:k]):
            found.append(QuoteCue(cue=k, content=content, source=(name, k), who=parse.tokens[k - 1]))
            continue
        # "Lowe spoke to the council on Tuesday: “...”": a time is when, never who; the named
        # subject of the clause the time belongs to speaks
        subject = _named_subject(parse, parse.tokens[k - 1], first)
        if subject is not None:
            found.append(QuoteCue(cue=k, content=content, source=subject[:2], who=parse.tokens[subject[2]]))
    return found


def _named_subject(parse: Parse, word: Token, first: int) -> tuple[int, int, int] | None:
    """Where the named subject ("Ann Lowe", "Representative Ann Lowe, a Democrat,") of the verb a word hangs on starts and ends, and its head."""
    verb = word
    for _ in range(4):
        if verb.pos == "VERB" or verb.head == verb.i:
            break
        verb = parse.tokens[verb.head]
    if verb.pos != "VERB":
        return None
    subject = next((c for c in parse.children(verb) if c.dep == "nsubj" and first <= c.i < verb.i), None)
    if subject is None:
        return None
    if subject.pos != "PROPN":  # "One early backer, Senator Ann Ruelle, ...": a name set beside the subject
        subject = next((c for c in parse.children(subject) if c.dep == "appos" and c.pos == "PROPN" and c.i < verb.i), None)
        if subject is None:
            return None
    start, stop = _trim(parse, parse.subtree(subject)[0], verb.i)
    return (start, stop, subject.i) if start < stop else None


def _capitalized_name(token: Token) -> bool:
    return token.pos == "PROPN" or (token.pos == "NOUN" and token.text[:1].isupper())


def _cue(parse: Parse, verb: Token, content: tuple[int, int], first: int, last: int) -> QuoteCue | None:
    """The attribution, when first:last holds a noun phrase that can speak; a time opening it ("Tuesday the mayor") is when, not who."""
    first, last = _trim(parse, first, last)
    while first < last and (a_time(parse, parse.tokens[first]) or parse.tokens[first].text == ","):
        first += 1
    if last <= first or last - first > _LONGEST_SOURCE:
        return None
    names = [t for t in parse.tokens[first:last] if t.pos in ("PROPN", "NOUN", "PRON")]
    if not names:
        return None
    who = next((t for t in names if t.pos == "PROPN"), names[-1])
    if who.pos != "PROPN":
        who = _head_noun(names, first, last)
    return QuoteCue(cue=verb.i, content=content, source=(first, last), who=who)


def _head_noun(names: Sequence[Token], first: int, last: int) -> Token:
    """The phrase's head: the noun the parse hangs outside it ("the company's spokesperson"), else the last."""
    heads = [t for t in names if not first <= t.head < last or t.head == t.i]
    return heads[0] if heads and heads[0].text.casefold() not in ("one", "some", "many", "most") else names[-1]


def _is_verb(token: Token, *, perfect: bool = False) -> bool:
    """A finite verb, other than "be" and "have"; with ``perfect`` also a participle after an auxiliary ("had said")."""
    tags = ("VBD", "VBZ", "VBP", "VBN") if perfect else ("VBD", "VBZ", "VBP")
    return token.pos == "VERB" and token.tag in tags and token.lemma.casefold() not in ("be", "have")


def _name_end(parse: Parse, first: int, last: int) -> int:
    """Index after the noun phrase starting at ``first``."""
    k = first
    while k < last and (parse.tokens[k].pos in _NAME_POS or parse.tokens[k].text.casefold() in _NAME_WORDS):
        k += 1
    return k


def _past_appositive(parse: Parse, comma: int, last: int) -> int:
    """Index after ", a delegate from Ohio," (the token after the closing comma), or ``comma``."""
    k = comma + 1
    while k < last and parse.tokens[k].text != "," and parse.tokens[k].tag not in ("VBD", "VBZ", "VBP", "MD"):
        k += 1
    return k + 1 if k < last and parse.tokens[k].text == "," and k - comma < 25 else comma


def _trim(parse: Parse, first: int, last: int) -> tuple[int, int]:
    while first < last and parse.tokens[first].pos in ("PUNCT", "ADV", "CCONJ"):
        first += 1
    while last > first and parse.tokens[last - 1].pos in ("PUNCT", "AUX", "ADV", "PART"):
        last -= 1
    return first, last
