"""The words, the record and the small readings of the parse that the claims extractor's modules share.

Which verbs are cues and what kind of content each takes, the nouns of made things that speak
for their makers, quotation marks; a :class:`Found` attribution before it becomes a claim; and
helpers over token ranges (a subtree as a set, a range trimmed of punctuation, whether a verb
is passive, a content as runs of tokens).
"""

from __future__ import annotations

import functools
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from ..nlp import Parse, Token

# Verbs whose clausal complement is what the subject said, wrote, thought, knew or wanted.
CLAUSE_VERBS = frozenset(
    ["say", "tell", "add", "state", "write", "explain", "note", "argue", "claim", "assert", "insist", "emphasize", "emphasise", "stress", "confirm", "deny", "warn", "acknowledge", "maintain", "contend", "declare", "announce", "report", "concede", "admit", "suggest", "predict", "promise", "vow", "pledge", "threaten", "complain", "allege", "testify", "tweet", "post", "reply", "respond", "answer", "ask", "recall", "remind", "reveal", "disclose", "indicate", "show", "find", "conclude", "estimate", "believe", "think", "feel", "fear", "worry", "hope", "expect", "know", "understand", "agree", "decide", "doubt", "wonder", "point", "recognize", "recognise", "realize", "realise", "assume", "guess", "suspect", "imagine", "forecast", "hint", "signal", "propose", "recommend", "demand", "order", "rule", "suppose", "consider", "counter", "quip", "joke", "boast", "brag", "exclaim", "shout", "yell", "whisper", "mutter", "lament", "grumble", "charge", "speculate", "posit", "underscore", "reiterate", "repeat", "echo", "assure", "reassure", "inform", "advise", "caution", "remark", "comment", "observe", "mention", "swear", "calculate", "project", "anticipate", "envision", "imply", "determine", "demonstrate", "prove", "verify", "read", "email", "text", "insist", "accuse", "question", "learn", "hear", "see", "notice", "discover", "worry", "acknowledge", "predict", "proclaim", "pronounce", "affirm", "reaffirm", "certify", "attest", "contest", "dispute", "protest", "wish", "want", "plan", "intend", "urge",
     # saying with a manner, conceding, explaining, recounting; thinking and inferring
     "retort", "snap", "scoff", "sneer", "marvel", "gripe", "fume", "bemoan", "moan", "scream", "gush", "rave", "rant",
     "opine", "muse", "concur", "rebut", "interject", "confess", "profess", "aver", "clarify", "specify", "recount",
     "confide", "divulge", "reckon", "surmise", "theorize", "theorise", "presume", "infer", "deduce"]
)
# Verbs of asking or bringing someone to act ("urged the council to vote", "called for a recount",
# "persuaded the board to wait").
PLEA_VERBS = frozenset(["persuade", "convince", "ask", "urge", "call", "demand", "order", "press", "push", "plead", "beg", "implore", "appeal", "petition", "lobby"])
# Verbs that report speech or thought whatever the parse makes of what follows them.
SAY_VERBS = frozenset(
    ["say", "tell", "add", "claim", "argue", "insist", "note", "explain", "warn", "write", "believe", "think", "state", "contend", "assert", "predict", "suggest", "acknowledge", "admit", "declare"]
)
# Verbs that report an act of saying or writing (not a wish, belief or stance), what a record
# shows or finds, and the punctuation and nouns that stand for one (a speaker's colon,
# "statement").
SPEECH_VERBS = frozenset(
    ["say", "tell", "add", "state", "write", "report", "announce", "claim", "argue", "insist", "note", "explain",
     "warn", "declare", "acknowledge", "admit", "concede", "suggest", "ask", "reply", "respond", "answer", "tweet",
     "post", "testify", "confirm", "deny", "assert", "contend", "allege", "complain", "promise", "vow", "pledge",
     "predict", "recall", "remind", "reveal", "disclose", "mention", "repeat", "reiterate", "quote", "cite",
     "describe", "call", "accuse", "urge", "email", "text", "read", ":", "statement", "interview", "letter",
     "tweet", "remark", "comment", "quip", "joke", "boast", "shout", "yell", "whisper", "exclaim", "continue",
     "show", "indicate", "find", "conclude"]
)
# Verbs whose infinitive complement is a wish, plan or promise ("hopes to", "refused to").
INTENT_VERBS = frozenset(
    ["plan", "hope", "want", "intend", "expect", "promise", "vow", "pledge", "threaten", "decline", "refuse", "seek", "aim", "agree", "decide", "wish", "prefer", "offer", "propose", "urge", "ask", "demand", "order", "call", "swear", "resolve", "vow", "aspire", "mean", "like", "love", "hate", "push", "press", "encourage", "warn", "advise", "tell", "remind", "invite", "persuade", "convince"]
)
# Verbs whose noun object is the content ("denied the report", "announced new rates").
OBJECT_VERBS = frozenset(
    ["deny", "announce", "confirm", "reject", "dispute", "predict", "propose", "support", "oppose", "endorse", "want", "acknowledge", "admit", "reveal", "disclose", "demand", "promise", "criticize", "criticise", "praise", "condemn", "blast", "slam", "dismiss", "question", "welcome", "applaud", "decry", "lament", "back", "favor", "favour", "dislike", "prefer", "recommend", "defend", "express", "call", "describe", "characterize", "label", "dub", "brand", "discuss", "highlight", "identify", "list", "emphasize",
     "emphasise", "stress", "concede", "downplay", "pitch", "expect", "anticipate", "forecast", "project",
     "envision", "foresee", "explain", "outline", "reaffirm",
     # putting a view into words
     "articulate",
     # denying or making light of what others say or do
     "refute", "deride", "disparage", "belittle",
     # weighing, seeking, grasping or holding dear ("is considering a new tax", "sought the union's backing",
     # "does not understand the rules", "voters love the plan")
     "consider", "seek", "understand", "love", "doubt"]
)
# Verbs whose object with what follows it is the content: "accused X of Y", "called X a liar",
# "cited low growth", "hailed the deal as a win", "thanked X for Y",
# "congratulated X for Y".
ARGUMENT_VERBS = frozenset(
    ["accuse", "blame", "credit", "thank", "congratulate", "cite", "mention", "recall", "regard", "view", "deem", "name", "hail", "tout",
     "mock", "ridicule", "attack", "denounce", "commend", "fault", "chide", "scold", "rebuke", "compare", "liken",
     "portray", "depict", "reference", "invoke", "quote", "retweet", "repeat", "reiterate", "echo", "recognize",
     "recognise"]
)
# Verbs that say how their object is seen, with "as" and what it is seen as ("voters see X as
# the stronger candidate", "painted the plan as reckless"), or a bare predicate ("considers the
# tax unfair"); without such a complement they are narration ("saw the film").
AS_VERBS = frozenset(["see", "consider", "perceive", "paint", "cast", "frame", "rate", "picture", "peg", "treat",
                      "characterize", "characterise", "label", "brand", "describe", "view", "regard", "judge", "find",
                      "remember"])
# Verbs whose prepositional object is what was said or thought about, with the prepositions
# that open it: "talked about X", "referred to X", "voted for X", "railed against X".
TOPIC_VERBS: dict[str, frozenset[str]] = {
    verb: frozenset(prepositions.split())
    for prepositions, verbs in (
        ("about of", "talk speak boast brag joke tweet write hear learn know think wonder rave rant gush muse"),
        ("about of on", "comment complain testify remark opine speculate"),
        ("about over", "worry fret"),
        ("about of against", "warn"),
        ("on", "weigh dwell harp elaborate insist reflect"),
        ("to", "refer point allude"),
        ("for against", "argue lobby advocate push press plead"),
        ("for", "vouch cheer"),
        # a vote cast for or against someone or something is the voter's side taken
        ("for against", "vote"),
        ("against", "rail"),
        ("at", "lash"),
        ("about", "ask care"),
        ("with", "agree disagree"),
    )
    for verb in verbs.split()
}
# Prepositions after an argument verb's object that carry the rest of what was said
# ("accused X of Y", "blamed X for Y", "saw X as Y").
ARGUMENT_PREPOSITIONS = frozenset(["of", "for", "as", "about", "over", "against", "on"])
# Every verb that can be a cue.
CUE_VERBS = CLAUSE_VERBS | INTENT_VERBS | OBJECT_VERBS | ARGUMENT_VERBS | AS_VERBS | frozenset(TOPIC_VERBS)
# Verbs whose noun phrase right after them is whom they were said to ("told reporters").
ADDRESSEE_VERBS = frozenset(["tell", "inform", "assure", "reassure", "remind", "advise", "ask", "email", "text"])
# Prepositions whose phrase after a verb's object the parse often hangs on the verb though it
# belongs to the object ("denied class-action status to employees", "proposed accountability
# from schools"); time and place ("in May", "at the rally") are the writer's.
OBJECT_PREPOSITIONS = frozenset(["with", "from", "to", "without", "between", "among"])
# Verbs whose content may be a question: "asked whether ...", "wondered how ...".
QUESTION_VERBS = frozenset(["ask", "wonder", "inquire", "question", "explain", "know", "decide", "discuss", "consider",
                            "debate", "ponder", "describe", "detail"])
# Verbs that make a claim only with a clause or a quotation ("reported the news" is narration).
NEED_CLAUSE = frozenset({"report", "show", "find", "see", "hear", "learn", "read", "post", "write", "rule"})
# Nouns naming a made thing that speaks for its maker ("Acme's statement says ...").
ARTIFACTS = frozenset(
    ["statement", "report", "tweet", "post", "letter", "memo", "memorandum", "study", "survey", "poll", "analysis", "filing", "interview", "email", "release", "ad", "advertisement", "video", "message", "note", "document", "complaint", "lawsuit", "suit", "ruling", "order", "opinion", "book", "article", "column", "editorial", "essay", "speech", "remarks", "testimony", "transcript", "record", "records", "data", "website", "page", "paper", "review", "audit"]
)
RELATIVE = frozenset({"who", "which", "that", "whom"})
PERSONAL = frozenset(
    ["i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "one"]
)
# Words that make a time phrase ("last week", "Tuesday"), which the parse may take for a subject.
TIME_WORDS = frozenset(
    ["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "day", "week", "weekend",
     "month", "year", "spring", "summer", "fall", "autumn", "winter", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"]
)
FIRST_PERSON = frozenset(["i", "me", "we", "us"])
OPEN_QUOTES = frozenset(["\"", "“", "«", "„", "''"])
CLOSE_QUOTES = frozenset(["\"", "”", "»", "''"])
QUOTES = OPEN_QUOTES | CLOSE_QUOTES
CONTENT_DEPS = ("ccomp", "csubj")


@dataclass
class Found:
    """An attribution on the parse, before it becomes a :class:`Claim`."""

    cue: tuple[int, int]  # token range
    content: set[int]
    source: tuple[int, int] | None  # token range
    verb: str
    who: Token | None = None  # the source's head token
    extra: list[tuple[int, int]] = field(default_factory=list)  # character ranges continuing the content


def lemma_in(token: Token, words: Container[str]) -> str:
    """The token's lemma, casefolded; one of ``words`` read off its form where the parse's lemma is none of them.

    A trained lemmatizer now and then cuts a word short ("argu" for "argued", "slamm" for
    "slammed"); a cue word must not be lost to that. The form's regular inflections are undone
    (-s, -es, -ies, -ed, -ied, -ing, a doubled consonant, a dropped "e") and the first that is
    one of ``words`` is taken; otherwise the parse's lemma stands.
    """
    lemma, text = token.lemma, token.text
    try:
        return _LEMMAS_IN[lemma, text, words]
    except KeyError:
        pass
    except TypeError:  # ``words`` unhashable (a set, a list): not kept
        return _lemma_in(lemma, text, words)
    if len(_LEMMAS_IN) >= _LEMMAS_KEPT:
        _LEMMAS_IN.clear()
    found = _LEMMAS_IN[lemma, text, words] = _lemma_in(lemma, text, words)
    return found


#: lemma_in's answers by (lemma, form, words): the same few thousand words are asked of again
#: and again, a few hundred thousand times over a hundred articles. Kept up to a bound.
_LEMMAS_IN: dict[tuple[str, str, Container[str]], str] = {}
_LEMMAS_KEPT = 200_000


def _lemma_in(lemma: str, text: str, words: Container[str]) -> str:
    """:func:`lemma_in` of a token's lemma and form, worked out."""
    found = lemma.casefold()
    if found in words:
        return found
    for candidate in _uninflected(text.casefold()):
        if candidate in words:
            return candidate
    return found


@functools.lru_cache(maxsize=50_000)
def _uninflected(form: str) -> tuple[str, ...]:
    """What a regular English inflection of ``form`` may come from, the form itself first."""
    found = [form]
    for ending, stems in _INFLECTIONS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            base = form[: -len(ending)]
            for stem in stems:
                found.append(base + stem)
            if ending in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2]:
                found.append(base[:-1])  # "slammed", "planning"
    return tuple(found)


_INFLECTIONS = (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")),
                ("ing", ("", "e")))


# Adverbs that make a phrasal verb with the verb right before them ("went on", "spoke out").
_PARTICLES = frozenset(["on", "out", "up", "off", "back", "down", "in", "over", "away", "along", "forth"])


def is_particle(parse: Parse, token: Token) -> bool:
    """Whether a token is the particle of the verb right before it ("went on"), as a particle or, as the parser may take it, an adverb."""
    return token.dep == "compound:prt" or (
        token.dep == "advmod" and token.head == token.i - 1 and token.text.casefold() in _PARTICLES
        and parse.tokens[token.head].pos == "VERB")


def has_verb(parse: Parse, first: int, last: int) -> bool:
    """Whether tokens first:last hold a verb: a clause that can be said, not a phrase like "Under the deal"."""
    return any(t.pos in ("VERB", "AUX") for t in parse.tokens[first:last])


def comma_before(parse: Parse, i: int) -> int | None:
    """The index of a comma right before token i, through closing quotation marks (',”')."""
    j = i - 1
    while j > 0 and parse.tokens[j].text in CLOSE_QUOTES:
        j -= 1
    return j if j >= 0 and parse.tokens[j].text == "," else None


def clause_start(parse: Parse, sent: int) -> int:
    """First token of a sentence, or of the one before when the splitter cut after its comma."""
    sentence = parse.sentences[sent]
    if sent > 0 and _last_mark(parse.text, sentence.start) == ",":
        before = parse.sentences[sent - 1]
        if "\n" not in parse.text[before.end : sentence.start]:
            return before.first
    return sentence.first


def _last_mark(text: str, end: int) -> str:
    """The last character before ``end`` that is not white space ("" if none); read backwards
    from ``end``, not by stripping all the text before it (which made a long document quadratic)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > 0 else ""


def is_passive(kids: Iterable[Token]) -> bool:
    """Whether the verb is passive: a "be" auxiliary, not only a subject the parse calls passive ("X have called")."""
    kids = list(kids)
    return any(k.dep == "aux:pass" for k in kids) or (
        any(k.dep == "nsubj:pass" for k in kids) and not any(k.dep == "aux" and k.lemma.casefold() == "have" for k in kids))


def by_agent(parse: Parse, token: Token) -> bool:
    return token.dep == "obl" and any(c.dep == "case" and c.text.casefold() == "by" for c in parse.children(token))


def trim_range(parse: Parse, first: int, last: int) -> tuple[int, int]:
    while first < last and parse.tokens[first].pos == "PUNCT":
        first += 1
    while last > first and parse.tokens[last - 1].pos == "PUNCT":
        last -= 1
    return first, last


def subtree_set(parse: Parse, token: Token) -> set[int]:
    first, last = parse.subtree(token)
    return set(range(first, last))


def is_quoted(parse: Parse, token: Token) -> bool:
    first, last = parse.subtree(token)
    return any(parse.tokens[i].text in QUOTES for i in range(max(0, first - 1), min(len(parse.tokens), last + 1)))


def has_quote(parse: Parse, content: set[int]) -> bool:
    return any(parse.tokens[i].text in QUOTES for i in content)


def content_tokens(parse: Parse, found: Found) -> list[tuple[int, int]]:
    """The content as runs of token indices (first, last exclusive), trimmed of edge punctuation."""
    found.content -= set(range(*found.cue))
    runs: list[tuple[int, int]] = []
    for i in sorted(found.content):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    trimmed = []
    for first, last in runs:
        while first < last and (parse.tokens[first].pos == "PUNCT" or
                                (parse.tokens[first].text.casefold() == "that" and (parse.tokens[first].dep == "mark" or parse.tokens[first].pos == "SCONJ"))
                                or parse.tokens[first].dep == "cc"):
            first += 1
        while last > first and parse.tokens[last - 1].pos == "PUNCT":
            last -= 1
        if last > first:
            trimmed.append((first, last))
    return trimmed
