"""The kind of an annotated attribution, read off its cue's words, to break recall down by kind.

``benchmarks/attribution.py --by-cue-kind`` prints recall and the number of annotated
attributions of each kind, so that the kinds with the most misses can be seen and worked on.
The kinds follow the attitudes the PolNeAR guidelines name (statements, beliefs, intentions and
desires, perceptions, support for something) and the shapes a cue takes (a verb, "according
to", a noun, a phrase, a bare preposition or punctuation). The word lists are the benchmark's
own, independent of the extractor's, so that a change to the extractor cannot move a gold
attribution from one kind to another.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline_graph.nlp import Token

# The kinds, in the order they are printed and tried (the first that fits a cue is its kind).
KINDS = (
    "according to",
    "internal state",
    "perception/evidence",
    "stance",
    "speech verb",
    "noun",
    "phrasal",
    "other verb",
    "preposition",
    "other",
    "punctuation/none",
)

_ACCORDING = frozenset(["according", "per"])
# believing, knowing, wanting, planning, fearing: the holder's mind ("aides fear", "X plans to",
# "officials expect", "is considering"), with the adjectives and nouns of the same states
_STATES = frozenset(
    ["believe", "think", "fear", "hope", "want", "expect", "plan", "worry", "feel", "know", "seem", "appear", "doubt", "wish", "intend", "consider", "understand", "assume", "suspect", "imagine", "suppose", "reckon", "guess", "wonder", "realize", "realise", "recognize", "recognise", "anticipate", "envision", "foresee", "like", "love", "hate", "prefer", "dislike", "desire", "seek", "aim", "mean", "remember", "forget", "regard", "view", "trust", "care", "need", "hesitate", "plot", "eye", "weigh", "contemplate", "ponder", "mull", "worried", "concerned", "confident", "afraid", "sure", "certain", "convinced", "aware", "hopeful", "skeptical", "sceptical", "optimistic", "pessimistic", "eager", "willing", "determined", "reluctant", "unwilling", "keen", "happy", "glad", "pleased", "disappointed", "frustrated", "angry", "upset", "proud", "comfortable", "open", "ready", "interested", "unsure", "uncertain", "belief", "opinion", "concern", "expectation", "intention", "sense", "feeling", "confidence", "assumption", "suspicion", "perception", "impression", "goal"]
)
# what a record, a finding or the senses show: "the poll shows", "data suggest", "saw that"
_EVIDENCE = frozenset(
    ["show", "suggest", "indicate", "find", "reveal", "demonstrate", "prove", "point", "see", "hear", "notice", "watch", "witness", "discover", "learn", "observe", "detect", "confirm"]
)
# taking a side: "supports", "opposed", "called for", "criticized", "praised"
_STANCE = frozenset(
    ["support", "oppose", "back", "endorse", "favor", "favour", "criticize", "criticise", "praise", "reject", "accept", "welcome", "condemn", "denounce", "blame", "accuse", "attack", "defend", "applaud", "hail", "slam", "blast", "dismiss", "question", "challenge", "dispute", "protest", "object", "approve", "disapprove", "embrace", "champion", "push", "urge", "demand", "propose", "call", "vote", "fight", "resist", "block", "veto", "sign", "pass", "rule", "order", "decide", "agree", "disagree", "refuse", "decline"]
)
# saying, writing, telling, asking: acts of speech and the adverbs made of them
_SPEECH = frozenset(
    ["say", "tell", "add", "state", "write", "report", "announce", "claim", "argue", "insist", "note", "explain", "warn", "declare", "acknowledge", "admit", "concede", "ask", "reply", "respond", "answer", "tweet", "post", "testify", "deny", "assert", "contend", "allege", "complain", "promise", "vow", "pledge", "predict", "recall", "remind", "disclose", "mention", "repeat", "reiterate", "quote", "cite", "describe", "email", "text", "read", "remark", "comment", "quip", "joke", "boast", "shout", "yell", "whisper", "exclaim", "continue", "talk", "speak", "discuss", "refer", "name", "label", "dub", "brand", "characterize", "characterise", "term", "inform", "advise", "caution", "estimate", "forecast", "project", "calculate", "speculate", "stress", "emphasize", "emphasise", "highlight", "suggest", "threaten", "swear", "sue", "charge", "interview", "issue", "release", "publish", "broadcast", "air", "reportedly", "allegedly", "mock", "ridicule", "thank", "congratulate", "apologize", "apologise", "brag", "lament", "decry"]
)
_PUNCTUATION = frozenset(["PUNCT", "SYM"])
_FILLER = frozenset(["AUX", "PART", "DET", "ADV", "PRON", "CCONJ", "SCONJ"])


def _lemmas(tokens: Sequence[Token]) -> list[str]:
    """The cue's words as lemmas, lower-cased (the word itself as well, for lemmas the parse bent)."""
    found = []
    for t in tokens:
        found.append(t.lemma.casefold())
        found.append(t.text.casefold())
    return found


def cue_kind(tokens: Sequence[Token]) -> str:
    """The kind of one annotated cue, given its tokens (empty for an attribution without a cue)."""
    words = [t for t in tokens if t.pos not in _PUNCTUATION]
    if not words:
        return "punctuation/none"
    lemmas = _lemmas(words)
    for kind, known in (("according to", _ACCORDING), ("internal state", _STATES),
                        ("perception/evidence", _EVIDENCE), ("stance", _STANCE), ("speech verb", _SPEECH)):
        if any(w in known for w in lemmas):
            return kind
    verbs = [t for t in words if t.pos == "VERB"]
    nouns = [t for t in words if t.pos in ("NOUN", "PROPN")]
    if nouns and not verbs:
        return "noun"
    if verbs and any(t.pos not in _FILLER and t.pos != "VERB" for t in words):
        return "phrasal"
    if verbs or any(t.pos == "AUX" for t in words):
        return "other verb"
    if any(t.pos == "ADP" for t in words):
        return "preposition"
    return "other"
