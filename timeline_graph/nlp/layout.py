"""The layout of a plain text: lines and paragraphs, as (start, end) offsets into it.

Paragraphs are what the pipeline parses one at a time (a headline, a byline and the first
paragraph never run together into one sentence); hard-wrapped lines of Markdown and plain-text
files are joined back into their paragraph.

>>> text = "Headline\\n\\nA long line that the writer wrapped at a fixed width for\\nemail. Next.\\nBy Ann"
>>> [text[s:e] for s, e in paragraphs(text)]
['Headline', 'A long line that the writer wrapped at a fixed width for\\nemail. Next.', 'By Ann']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["lines", "paragraphs", "strip_span"]

_LINE = re.compile(r"[^\n]+")
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
