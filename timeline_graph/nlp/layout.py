"""The layout of a plain text: lines and paragraphs, as (start, end) offsets into it.

Paragraphs are what the pipeline parses one at a time (a headline, a byline and the first
paragraph never run together into one sentence); hard-wrapped lines of Markdown and plain-text
files are joined back into their paragraph.

>>> text = "Headline\\n\\nA long line that the writer wrapped at a fixed width for\\nemail. Next.\\nBy Ann"
>>> [text[s:e] for s, e in paragraphs(text)]
['Headline', 'A long line that the writer wrapped at a fixed width for\\nemail. Next.', 'By Ann']
>>> text = '"It went well. Mostly," Dr. Lee said on Aug. 3. Then the U.S. team left.'
>>> starts = sentence_starts(text, 0, len(text))
>>> [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)])]
['"It went well. Mostly," Dr. Lee said on Aug. 3.', 'Then the U.S. team left.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["lines", "paragraphs", "sentence_starts", "strip_span"]

_LINE = re.compile(r"[^\n]+")
_OPEN_QUOTES = "“„«"
_CLOSE_QUOTES = "”»"
# Words that end with a period without ending a sentence (case-insensitive, without the dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rev gen col lt sgt capt cpl gov sen rep atty supt insp
    det ofc dept univ inc corp ltd co bros no nos vs etc al approx est fig vol pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    e.g i.e a.m p.m u.s u.k u.n l.a d.c
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# A sentence may end at . ! ? (with closing quotes/brackets), then space, then a likely opener.
_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_MAX_OPEN_QUOTE = 1500  # an unbalanced quote mark stops protecting text from splitting here
_ENDS_CLAUSE = re.compile(r"[.!?:;\"”’')\]]$")
_LIST_ITEM = re.compile(r"[-*•]\s|\d+[.)]\s|#")


def lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, without surrounding whitespace."""
    for match in _LINE.finditer(text):
        start, end = strip_span(text, match.start(), match.end())
        if start < end:
            yield start, end


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) so the span neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: lines, with hard-wrapped lines joined.

    A single line break joins two lines when the first is a long line (40 characters or more)
    that does not end a sentence, or the second goes on in lower case: the wrapping of
    Markdown and plain-text files. A blank line always ends a paragraph.
    """
    found: list[tuple[int, int]] = []
    last_line = ""
    for start, end in lines(text):
        line = text[start:end]
        if found:
            p_start, p_end = found[-1]
            gap = text[p_end:start]
            if gap.count("\n") == 1 and (
                (len(last_line) >= 40 and not _ENDS_CLAUSE.search(last_line)) or line[0].islower()
            ) and not _LIST_ITEM.match(line[:3]):
                found[-1] = (p_start, end)
                last_line = line
                continue
        found.append((start, end))
        last_line = line
    return found


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation or an initial."""
    begin = dot
    while begin > 0 and dot - begin < 20 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].strip(".")
    if not word:
        return False
    if word.casefold() in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "L.A." (a single capital before the dot).
    return (len(word) == 1 and word.isupper()) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) is not None


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Where sentences begin inside one paragraph text[start:end] (the first is ``start``).

    A sentence ends at an end mark followed by a likely opener, except after an abbreviation or
    an initial ("Dr.", "Aug.", "U.S.", "J.") and inside an open quotation that goes on in the
    same sentence (a quote and its attribution stay together). The parser is held to these
    boundaries; each sentence is one tree.
    """
    found = [start]
    straight = False
    curly = 0
    opened_at = -1
    scanned = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        for i in range(scanned, stop):  # quotation state, kept up to date as the scan moves
            ch = text[i]
            if ch == '"':
                straight = not straight
                opened_at = i if straight else opened_at
            elif ch in _OPEN_QUOTES:
                curly += 1
                opened_at = i
            elif ch in _CLOSE_QUOTES and curly:
                curly -= 1
        scanned = stop
        dot = match.start()
        if (
            text[dot] == "."
            and len(match.group().rstrip("\"”’')]")) == 1
            and _is_abbreviation(text, dot)
        ):
            continue
        if (straight or curly > 0) and stop - opened_at < _MAX_OPEN_QUOTE:
            continue
        following, _ = strip_span(text, stop, end)
        if following < end:
            found.append(following)
    return found
