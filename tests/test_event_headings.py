"""A heading told in title case in the body of a document is no event."""

from __future__ import annotations

from tests.test_event_parse import found

_BEFORE = "The harbor board met on Monday to pick its projects.\n\n"
_AFTER = "\n\nThe board named six projects for the year."


def test_a_title_case_heading_in_the_body_is_no_event() -> None:
    events = found(_BEFORE + "Declared 2021 Mayoral Candidates." + _AFTER, ("Monday", "2021-05-03"), ("2021", "2021"))
    assert not any("Candidates" in label for label in events)
    events = found(_BEFORE + "Approved 2021 Harbor Projects." + _AFTER, ("Monday", "2021-05-03"), ("2021", "2021"))
    assert not any("Projects" in label for label in events)
    assert "The board named six projects for the year" in events


def test_a_short_sentence_on_a_line_of_its_own_stays_an_event() -> None:
    events = found(_BEFORE + "Voters approved the harbor projects in 2021." + _AFTER, ("Monday", "2021-05-03"),
                   ("2021", "2021"))
    assert "Voters approved the harbor projects" in events
