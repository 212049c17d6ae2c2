"""Headings told in title case are no events: "Declared 2016 Mayoral Candidates." on a line of
its own names the list or the section below it, it tells no act.

A line is such a heading when it is a paragraph of its own after the first line of the
document (the first is the document's title, which may tell the main act), has few words,
every word of four letters or more starts with a capital, and its verb has no subject and no
auxiliary of its own: a sentence of the story has its subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..nlp import Token

__all__ = ["title_case_heading"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: At most this many words in a heading.
_MOST_WORDS = 10


def title_case_heading(text: str, start: int, end: int, kids: Sequence[Token]) -> bool:
    """Whether the sentence ``text[start:end]`` whose verb has the dependents ``kids`` is a
    title-case heading in the body of the document (see the module's docstring)."""
    if start == 0 or not text[:start].strip() or "\n" not in text[max(0, start - 2) : start] \
            or "\n" not in text[end : end + 2]:
        return False
    if any(k.dep.startswith(("nsubj", "aux", "expl")) for k in kids):
        return False
    words = _WORD.findall(text[start:end])
    long_words = [w for w in words if len(w) >= 4]
    return 0 < len(words) <= _MOST_WORDS and len(long_words) >= 2 and all(w[0].isupper() for w in long_words)
