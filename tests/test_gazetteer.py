"""The name typer's world lists: shipped, rebuilt byte for byte, and read as features."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from timeline_graph.nlp import gazetteer
from timeline_graph.nlp.typer import features


def test_the_shipped_lists_hold_the_worlds_places_and_peoples_names() -> None:
    gaz = gazetteer.load()
    assert {"nigeria", "peru", "vietnam"} <= gaz.countries
    assert {"lagos", "cusco", "winnipeg", "ohio", "africa"} <= gaz.places
    assert gaz.countries <= gaz.places
    assert {"maria", "james", "dorothy"} <= gaz.given
    assert {"smith", "nguyen", "garcia"} <= gaz.surnames
    # Case-folded, and no word of everyday English that is not a name slipped in as a place.
    assert all(name == name.casefold() for name in gaz.places)
    assert "the" not in gaz.places and "said" not in gaz.given


def test_the_lists_are_rebuilt_byte_for_byte_from_their_packages(tmp_path: Path) -> None:
    shipped = resources.files("timeline_graph").joinpath(f"data/{gazetteer.FILE}").read_bytes()
    rebuilt = gazetteer.build(tmp_path / gazetteer.FILE).read_bytes()
    assert rebuilt == shipped


def _doc(words: list[str], pos: list[str]):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, pos=pos)


def test_a_candidate_tells_the_typer_what_the_lists_know_of_it() -> None:
    doc = _doc(["Ruth", "Garcia", "flew", "to", "Winnipeg", "and", "Peru", "."],
               ["PROPN", "PROPN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"])
    person = features(doc, 0, 2)
    assert "gaz-given" in person and "gaz-surname" in person and "gaz-place" not in person
    assert "gaz-place" in features(doc, 4, 5)
    assert "gaz-country" in features(doc, 6, 7)
    # "flew" is in no list.
    assert not [f for f in features(doc, 2, 3) if f.startswith("gaz")]
