"""Attributions in a headline: "Mayor Says Bridge Will Reopen", "Bridge Will Reopen, Mayor Says".

A headline is a line of its own, short, with most of its words capitalized; the parse reads
its capitals as names and hangs it together badly, so it is read off the words: a verb of
saying in the present or past third person ("Says", "Tells", "Warns") with words on both
sides. Before the verb is who speaks and after it what was said; when the verb closes the
line after a comma, what was said is before the comma and who speaks between the comma and
the verb. A label ending in a colon ("Update:") is neither.

>>> from timeline_graph import nlp
>>> text = "Harbour Chief Says Ferries Will Run Again\\n\\nThe chief spoke on Monday."
>>> parse = nlp.parse(text)
>>> [(text[slice(*h.source)], text[slice(*h.cue)], text[slice(*h.content)]) for h in headline_cues(parse)]
[('Harbour Chief', 'Says', 'Ferries Will Run Again')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import Parse

__all__ = ["Headline", "headline_cues"]

# Third-person forms of verbs of saying, thinking and wanting, as a headline writes them.
_VERBS = frozenset(
    ["says", "said", "tells", "told", "warns", "warned", "claims", "claimed", "insists", "admits", "predicts", "vows",
     "urges", "thinks", "believes", "wants", "argues", "suggests", "denies", "confirms", "announces", "reveals",
     "explains", "fears", "hopes", "expects", "asks", "declares", "promises", "pledges", "threatens", "accuses",
     "blames", "slams", "rips", "calls", "defends", "touts", "questions", "doubts", "knows", "sees", "demands"]
)
_WORD = re.compile(r"[^\s]+")
_MAX_WORDS = 25


@dataclass(frozen=True)
class Headline:
    """Character ranges of a headline's cue, source and content."""

    cue: tuple[int, int]
    source: tuple[int, int]
    content: tuple[int, int]


def headline_cues(parse: Parse) -> list[Headline]:
    """The attributions of the text's headline-like lines."""
    found = []
    text = parse.text
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(line)]
        if 4 <= len(words) <= _MAX_WORDS and _capitalized(text, words):
            headline = _read(text, words)
            if headline is not None:
                found.append(headline)
        start = end + 1
    return found


def _capitalized(text: str, words: list[tuple[int, int]]) -> bool:
    """Whether most of the line's words of four letters or more open with a capital, as a headline's do."""
    long = [text[a:b].lstrip("“\"‘'(") for a, b in words if len(text[a:b].strip("“”\"‘’'(),.:;!?")) >= 4]
    return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)


def _read(text: str, words: list[tuple[int, int]]) -> Headline | None:
    """Source, cue and content of one headline, if a verb of saying has words on both sides."""
    first = 0
    for k, (a, b) in enumerate(words):
        if text[a:b].endswith(":") and k < 3:
            first = k + 1  # "Update: ..." labels the line
    for k in range(first + 1, len(words)):
        a, b = words[k]
        word = text[a:b].rstrip(".,:;!?")
        if word.casefold() not in _VERBS or not word[:1].isupper():
            continue
        before = words[first:k]
        after = words[k + 1 :]
        comma = next((j for j in range(len(before) - 1, -1, -1) if text[before[j][0] : before[j][1]].endswith(",")), None)
        inverted = not after or (word.casefold() in ("tells", "told") and len(after) <= 3)
        if inverted and comma is not None and comma + 1 < len(before):
            # "Ferries Will Run Again, Harbour Chief Says" ("..., Chief Tells Council")
            content = (before[0][0], before[comma][1] - 1)
            source = (before[comma + 1][0], before[-1][1])
        elif len(after) >= 2 and before:
            source = (before[0][0], before[-1][1])
            content = (after[0][0], after[-1][1])
        else:
            continue
        content = (content[0], content[0] + len(text[content[0] : content[1]].rstrip(" .,;:!?")))
        return Headline(cue=(a, a + len(word)), source=source, content=content)
    return None
