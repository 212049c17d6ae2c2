"""A parse's subtree extents and stretches of tokens, however often and in whatever order asked."""

from __future__ import annotations

import dataclasses

from timeline_graph import nlp

TEXT = ("The council of Pell Valley, which met on Monday, voted to close the old mill that Ana Brisco "
        "had run for thirty years. She said the vote came too late.")


def _walked(parse: nlp.Parse, i: int) -> tuple[int, int]:
    """The extent of token i's subtree, walked anew from its children."""
    lo = hi = i
    stack = [i]
    while stack:
        at = stack.pop()
        lo, hi = min(lo, at), max(hi, at)
        stack.extend(k.i for k in parse.children(parse.tokens[at]))
    return lo, hi + 1


def test_subtree_extents_are_the_same_asked_from_the_leaves_up_or_from_the_root_down() -> None:
    parse = nlp.parse(TEXT)
    expected = [_walked(parse, t.i) for t in parse.tokens]
    up = dataclasses.replace(parse)  # a copy with nothing worked out yet
    assert [up.subtree(t) for t in reversed(up.tokens)][::-1] == expected
    down = dataclasses.replace(parse)
    assert [down.subtree(t) for t in down.tokens] == expected
    assert [down.subtree(t) for t in down.tokens] == expected  # asked again


def _walked_stretch(parse: nlp.Parse, start: int, end: int) -> list[nlp.Token]:
    """The tokens from the one covering ``start`` (or the next) on, while they end by ``end``."""
    tokens = list(parse.tokens)
    lo = next((k for k, t in enumerate(tokens) if t.end > start), len(tokens))
    hi = lo
    while hi < len(tokens) and tokens[hi].end <= end:
        hi += 1
    return tokens[lo:hi]


def test_tokens_in_a_stretch_are_found_by_bisection_as_by_a_walk() -> None:
    parse = nlp.parse(TEXT)
    for start, end in [(0, len(TEXT)), (4, 11), (5, 11), (4, 10), (0, 0), (len(TEXT), len(TEXT) + 5), (27, 60)]:
        assert list(parse.tokens_in(start, end)) == _walked_stretch(parse, start, end), (start, end)
    assert [t.text for t in parse.tokens_in(4, 11)] == ["council"]
    assert list(parse.tokens_in(4, 10)) == []  # "counci": no token ends inside it
