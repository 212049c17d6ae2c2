"""Places nested inside a body's name are mentions of their own; the longer name stays whole."""

from __future__ import annotations

from tests.conftest import entities_by_name as found
from tests.conftest import mention_texts as spans


def test_place_after_of_in_a_body_name() -> None:
    text = "Researchers at the University of Sheffield said the Orvik Prize went to Dana Pell."
    names = found(text)
    body = names["University of Sheffield"]
    assert body.kind == "organization"
    place = names["Sheffield"]
    assert place.kind == "place"
    (mention,) = place.mentions
    (longer,) = body.mentions
    assert longer.start < mention.start and mention.end == longer.end  # inside, the longer one whole
    assert spans(text, place) == ["Sheffield"]


def test_place_opening_a_body_name_joins_the_place_named_alone() -> None:
    text = ("The Massachusetts Institute of Technology hired Dana Pell in March. "
            "She moved to Massachusetts from Ohio.")
    names = found(text)
    assert names["Massachusetts Institute of Technology"].kind == "organization"
    place = names["Massachusetts"]
    assert place.kind == "place"
    assert spans(text, place) == ["Massachusetts", "Massachusetts"]
    assert place.mentions[0].start == text.index("Massachusetts Institute")


def test_given_name_opening_a_body_name_is_no_place() -> None:
    names = found("The Leigh Vorran Museum of Art lent two paintings to Dana Pell.")
    assert "Leigh" not in names


def test_part_named_as_a_person_is_no_place() -> None:
    text = "Tom Jackson spoke. The Jackson Foundation, which Jackson founded, gave money to Dana Pell."
    names = found(text)
    assert names.get("Jackson") is None or names["Jackson"].kind != "place"
    assert not any(e.kind == "place" and "Jackson" in e.name for e in names.values())


def test_body_named_alone_is_a_mention_inside_a_longer_body_name() -> None:
    text = ("Dana Pell studied at the Vellmark Medical School. Vellmark announced on Monday that "
            "the university would grow.")
    names = found(text)
    school = names["Vellmark Medical School"]
    assert school.kind == "organization"
    body = names["Vellmark"]
    assert body.kind == "organization"
    assert [m.start for m in body.mentions] == [text.index("Vellmark Medical"), text.index("Vellmark announced")]
    assert [m.exact for m in school.mentions] == ["Vellmark Medical School"]


def test_common_word_of_a_name_is_no_place_inside_it() -> None:
    names = found("Dana Pell told The Bay Times that the Harbor Park Authority would meet on Monday.")
    assert "Bay" not in names and "Park" not in names
