"""Names and labels with accents are read whole (issue 19, item 4).

The extractors' regexes spelled letters as ``[A-Z]`` and ``[a-z]``, so a label stopped at the
first accented letter ("met in Z", "arrested Jos") and a name lost its accented first word.
"""

from __future__ import annotations

from timeline_graph import nlp
from timeline_graph.extract import extract
from timeline_graph.ingest import read_bytes

TEXT = """Officials met in Zürich on March 3, 2021, the Daily Ledger reported.

Police arrested José Núñez on May 4, 2021, said Ana Ruiz, a spokesperson for the São Paulo Police Department.

"We acted within the law," said Émile Zola. According to the Élysée Gazette, Ólafur Arnalds signed the deal on June 5, 2021.

Over 300 agências signed up in 2020, the São Paulo Police Department said.
"""


def test_event_labels_keep_accented_words() -> None:
    found = extract(read_bytes(TEXT.encode(), source="accents.txt"))
    labels = {e.label for e in found.events}
    assert {"Officials met in Zürich", "Police arrested José Núñez", "Ólafur Arnalds signed the deal"} <= labels


def test_names_with_accents_are_whole_entities_citations_and_subjects() -> None:
    found = extract(read_bytes(TEXT.encode(), source="accents.txt"))
    names = {e.name for e in found.entities}
    assert {"São Paulo Police Department", "Élysée Gazette"} <= names
    assert "Paulo Police Department" not in names and "Gazette" not in names
    assert [c.cites_label for c in found.citations] == ["Daily Ledger", "Élysée Gazette"]
    (figure,) = found.quantities
    assert (figure.measure, figure.subject_name) == ("agências", "São Paulo Police Department")


def test_a_sentence_may_open_with_an_accented_capital() -> None:
    text = "The board met. Émile Zola spoke next. Über alles."
    assert [text[s:e] for s, e in nlp.parse(text).sentence_bounds()] == ["The board met.", "Émile Zola spoke next.", "Über alles."]
