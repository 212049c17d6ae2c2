"""Where a verb cue's content ends: relative clauses, the speaker's next act, the writer's asides."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The survey finds a generation that is more careful with money.", "finds",
         "a generation that is more careful with money"),
        ("The new report shows a town that spends less on roads.", "shows", "a town that spends less on roads"),
    ],
)
def test_a_relative_clause_on_a_noun_of_the_content_goes_on_with_it(text: str, cue: str, content: str) -> None:
    assert by_cue(text)[cue].span.exact == content
