"""Quoted titles: the name of a book, a film or a show set in quotation marks is nobody's words.

'In her book "Hard Choices for Harbor Towns," Ann Lowe wrote that ...': the marks set off a
title, named right after the noun of the work it names ("book", "film", "show") or after
"titled"; it is written in title case and holds no sentence. Such a quotation is left out of
the quotations the claims are read from, so that neither the title nor the words around it are
taken for what was said.

>>> from timeline_graph import nlp
>>> text = 'In her book "Hard Choices for Harbor Towns," Ann Lowe wrote that the pier must close.'
>>> without_titles(nlp.parse(text), ((13, 43),))
()
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import Parse
from .claim_words import lemma_in

__all__ = ["without_titles"]

# Nouns of a made work known by its title.
_WORKS = frozenset(
    ["book", "memoir", "novel", "biography", "autobiography", "film", "movie", "documentary", "show", "program",
     "programme", "series", "episode", "sitcom", "play", "musical", "opera", "song", "album", "single", "record",
     "poem", "essay", "article", "column", "op-ed", "editorial", "headline", "podcast", "broadcast", "painting",
     "exhibit", "exhibition", "magazine", "newsletter", "blog", "chapter", "volume", "report", "study", "paper",
     "ad", "advertisement", "commercial", "video", "game", "bill", "act", "campaign", "tour", "anthem", "hymn", "title"]
)
# Participles that introduce a title ("a report titled ...").
_TITLING = frozenset(["titled", "entitled", "subtitled"])
_TITLE_WORDS = 10  # a longer quotation is more than a name
_SHORT = 3  # words this long or shorter ("of", "the", "for") stay lower case in a title


def without_titles(parse: Parse, regions: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The quotation regions that are not the title of a work named just before them."""
    return tuple(r for r in regions if not _names_a_work(parse, *r))


def _names_a_work(parse: Parse, start: int, end: int) -> bool:
    """Whether the quotation at [start, end) is a title in title case right after a noun of a work or "titled"."""
    words = parse.text[start:end].split()
    if not words or len(words) > _TITLE_WORDS:
        return False
    # the title's own stop or comma may stand inside its closing mark ('book "Hard Choices,"')
    inner = [w.strip("\"'“”‘’()") for w in words]
    inner[-1] = inner[-1].rstrip(".,;:!?")
    if any(w.endswith((".", "!", "?", ",", ";", ":")) for w in inner[:-1]) or not inner[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or not w[:1].isalpha() for w in inner if len(w) > _SHORT):
        return False
    inside = parse.tokens_in(start, end)
    if not inside:
        return False
    first = inside[0]
    k = first.i - 1  # the opening mark
    while k >= 0 and parse.tokens[k].pos == "PUNCT":
        k -= 1  # 'her book, "Hard Choices,"'
    if k < 0 or parse.tokens[k].sent != first.sent:
        return False
    before = parse.tokens[k]
    if before.text.casefold() in _TITLING:
        return True
    return before.pos == "NOUN" and lemma_in(before, _WORKS) in _WORKS
