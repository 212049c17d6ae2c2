"""Descriptions matched to the name that carries their noun or introduced before them, and the
gender of person nouns (nlp/coref.py)."""

from __future__ import annotations

from timeline_graph import nlp


def linked(text: str, word: str, nth: int = 0) -> str | None:
    """The name the nth occurrence of ``word`` is linked to."""
    p = nlp.parse(text)
    found = [t for t in p.tokens if t.text == word][nth]
    ent = p.antecedent(found)
    return None if ent is None else text[ent.start : ent.end]


def test_the_mayor_is_the_person_named_with_that_title_not_the_latest_subject() -> None:
    text = ("Mayor Ann Lowe opened the bridge in March. Governor Paul Reyes praised the design on Monday. "
            "He visited the site. The mayor said the bridge cost too much.")
    assert linked(text, "mayor") == "Mayor Ann Lowe"


def test_an_abbreviated_title_and_an_apposition_carry_the_noun() -> None:
    text = "Sen. Laura Chen met Mark Dunn, a local banker, in Boston. Dunn asked for a loan. The senator declined."
    assert linked(text, "senator") == "Sen. Laura Chen"
    text = ("Ben Ortiz and Clara Diaz spoke at the hearing. Diaz, a spokeswoman for the port, defended the fee. "
            "Ortiz disagreed. The spokeswoman said the fee would stay.")
    assert linked(text, "spokeswoman", 1) == "Diaz"


def test_the_university_is_the_organization_whose_name_it_heads() -> None:
    text = ("Harbor University hired Ana Silva in May. The Acme Shipping Company sued her in June. "
            "The Acme Shipping Company lost the case. It appealed in July. The university was pleased.")
    assert linked(text, "university") == "Harbor University"


def test_a_spokeswoman_is_no_man() -> None:
    text = "Mrs. Nora Vance ran the press office. Mr. Tom Beck left the firm in April. The spokeswoman declined to comment."
    assert linked(text, "spokeswoman") == "Mrs. Nora Vance"


def test_a_body_told_as_subject_is_what_its_later_it_stands_for() -> None:
    text = ("Harbor University hired Ana Silva in May. The Acme Shipping Company sued her in June. "
            "The Acme Shipping Company lost the case in July. The university said it was pleased.")
    assert linked(text, "it") == "Harbor University"


def test_a_description_takes_up_what_an_indefinite_phrase_introduced() -> None:
    text = ("Ann Lowe met reporters on Monday. A spokesman for the council said the vote would wait. "
            "The spokesman added that Lowe agreed.")
    assert linked(text, "spokesman", 1) is None
    text = "Acme Shipping sued Ana Silva, a lawyer, in May. Ben Ortiz testified. The lawyer said the suit had no merit."
    assert linked(text, "lawyer", 1) == "Ana Silva"
    text = "Nora Vance is a lawyer in Leeds. Ben Ortiz met her on Monday. The lawyer said the case was closed."
    assert linked(text, "lawyer", 1) == "Nora Vance"
