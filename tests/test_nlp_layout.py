"""Sentence boundaries and paragraphs of the layout rules (timeline_graph.nlp.layout)."""

from __future__ import annotations

import pytest

from timeline_graph.nlp.layout import paragraphs, sentence_starts


def _sentences(text: str) -> list[str]:
    """The sentences of one paragraph, as the pipeline cuts them."""
    starts = sentence_starts(text, 0, len(text))
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the mayor praised Mary K. Olsen for the plan.",
        "The fund's founder, Roger C. Adams, and Lena P. Ortiz spoke.",
        "Officials at the U.S. Department of Energy declined to comment.",
        "The U.N. Security Council meets on Jan. 5 in New York.",
        "Judges of the D.C. Circuit Court met in the morning.",
        "He ranked No. 2 on the list of St. Louis donors.",
        "Gov. Ann Hale, Sen. Bo Reyes and Rep. Li Park signed it.",
        "Sens. Ray Ortiz and Dan Wu agreed, as did Drs. Kim and Ng.",
        "The case of Brown v. Board of Education was cited.",
        "A former Ariz. Gov. spoke after the vote.",
        "ORLANDO, Fla. (Reuters) - The governor signed the bill on Friday.",
        "Sen. Tom Bell (R-Ind.) Tuesday voted no.",
        "The results came in at 9 p.m. Eastern on Tuesday.",
        "George H.W. Bush spoke at the event with Acme Corp. Chairman Ted Ito.",
        "The ship sank c. 1850 in the bay.",
        "Martin Luther King Jr. Day is a holiday.",
        'The delegate list named Gov. C.L. "Butch" Otter first.',
        "Board To Let Farmers From Abroad Enter U.S. As Seasonal Workers",
    ],
)
def test_no_sentence_ends_inside(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The delegation flew home from the U.S. The talks had failed.",
            ["The delegation flew home from the U.S.", "The talks had failed."],
        ),
        (
            "The polls closed at 8 p.m. He conceded an hour later.",
            ["The polls closed at 8 p.m.", "He conceded an hour later."],
        ),
        (
            "She grew up in Washington, D.C. Her father was a teacher.",
            ["She grew up in Washington, D.C.", "Her father was a teacher."],
        ),
        (
            "The plant is in Fresno, Calif. It employs 300 people.",
            ["The plant is in Fresno, Calif.", "It employs 300 people."],
        ),
        (
            'The plant is in Fresno, Calif. "We are proud of it," he said.',
            ["The plant is in Fresno, Calif.", '"We are proud of it," he said.'],
        ),
        (
            "He bought shares of Acme Inc. But he sold them in May.",
            ["He bought shares of Acme Inc.", "But he sold them in May."],
        ),
        (
            "The office is on Elm St. It opens at noon.",
            ["The office is on Elm St.", "It opens at noon."],
        ),
        (
            "They asked if he would run again, and he said no. Then he left.",
            ["They asked if he would run again, and he said no.", "Then he left."],
        ),
        (
            "Will you stay? No. The answer is no.",
            ["Will you stay?", "No.", "The answer is no."],
        ),
        (
            "The team chose Plan B. The board approved it.",
            ["The team chose Plan B.", "The board approved it."],
        ),
    ],
)
def test_a_sentence_ends_after_an_abbreviation_when_a_sentence_opens(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_reference_marks_stay_with_the_sentence_they_follow() -> None:
    text = "The bridge opened in 1932. [4] Traffic grew fast.[5][6] It was widened later."
    assert _sentences(text) == ["The bridge opened in 1932. [4]", "Traffic grew fast.[5][6]", "It was widened later."]
    text = "The bridge opened in 1932. Traffic grew fast. [5] [6]"
    assert _sentences(text) == ["The bridge opened in 1932.", "Traffic grew fast. [5] [6]"]


def test_a_list_number_is_no_sentence_of_its_own() -> None:
    text = "1. Cut the budget. 2. Hire more nurses. B. Open two clinics."
    assert _sentences(text) == ["1. Cut the budget.", "2. Hire more nurses.", "B. Open two clinics."]


def test_a_quotation_open_to_the_end_of_its_paragraph_does_not_join_its_sentences() -> None:
    # The news convention for a quotation running over paragraphs: no closing mark at the
    # paragraph's end. Nothing in the paragraph is attributed, so its sentences stand apart.
    text = '"We have waited long enough. The money is there. We want it spent now.'
    assert _sentences(text) == ['"We have waited long enough.', "The money is there.", "We want it spent now."]
    text = "“We have waited long enough. The money is there."
    assert _sentences(text) == ["“We have waited long enough.", "The money is there."]


def test_a_closed_quotation_stays_with_its_attribution() -> None:
    text = '"We have waited long enough. The money is there," Mayor Ruiz said. She left.'
    assert _sentences(text) == ['"We have waited long enough. The money is there," Mayor Ruiz said.', "She left."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # typewriter marks: two apostrophes open and close
            "Mayor Ruiz left early. ''We lost the vote,'' her aide said.",
            ["Mayor Ruiz left early.", "''We lost the vote,'' her aide said."],
        ),
        (  # two backquotes open
            "Mayor Ruiz left early. ``We lost the vote,'' her aide said.",
            ["Mayor Ruiz left early.", "``We lost the vote,'' her aide said."],
        ),
        (  # a quotation right after another one's attribution
            "''We lost,'' Mayor Ruiz said. ''The pier stays shut.''",
            ["''We lost,'' Mayor Ruiz said.", "''The pier stays shut.''"],
        ),
        (  # a misprinted opening mark that closes: the letters around it say so
            "“We lost,“ Mayor Ruiz said. “The pier stays shut.”",
            ["“We lost,“ Mayor Ruiz said.", "“The pier stays shut.”"],
        ),
    ],
)
def test_a_sentence_ends_before_a_quotation_that_opens_one(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "''We have waited long enough. The money is there,'' Mayor Ruiz said. She left.",
            ["''We have waited long enough. The money is there,'' Mayor Ruiz said.", "She left."],
        ),
        (  # the shapes of the two marks differ
            '“We have waited long enough. The money is there," Mayor Ruiz said. She left.',
            ['“We have waited long enough. The money is there," Mayor Ruiz said.', "She left."],
        ),
        (  # a quotation brought in by a colon or a dash holds its sentences; its closing stop ends the sentence
            "Mayor Ruiz was blunt: ''The pier is rotten. Close it.'' Repairs begin in May.",
            ["Mayor Ruiz was blunt: ''The pier is rotten. Close it.''", "Repairs begin in May."],
        ),
        (
            "Mayor Ruiz was blunt -- ''The pier is rotten. Close it.'' Repairs begin in May.",
            ["Mayor Ruiz was blunt -- ''The pier is rotten. Close it.''", "Repairs begin in May."],
        ),
        (
            "Mayor Ruiz called the pier ''a hazard.'' Repairs begin in May.",
            ["Mayor Ruiz called the pier ''a hazard.''", "Repairs begin in May."],
        ),
    ],
)
def test_a_typewriter_quotation_stays_with_its_attribution(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_a_quoted_question_stays_with_its_speaker_named_after_it() -> None:
    text = "''Why would anyone fish there?'' Mayor Olga Brant asked reporters. The board did not answer."
    assert _sentences(text) == ["''Why would anyone fish there?'' Mayor Olga Brant asked reporters.", "The board did not answer."]
    text = "“Stop the trucks!” Dr. Ito shouted at the gate."
    assert _sentences(text) == [text]
    # a word that opens sentences, or no quotation: a new sentence
    assert _sentences("“Why now?” Nobody asked.") == ["“Why now?”", "Nobody asked."]
    assert _sentences("Was it fair? Mayor Brant said no.") == ["Was it fair?", "Mayor Brant said no."]


def test_a_quotation_that_closes_nowhere_holds_nothing_together() -> None:
    # The straight mark opening the paragraph is never closed; the curly quotation inside the
    # second sentence closes, but it does not close the first one.
    text = '"The budget is short. Mr. Ruiz called it “a mess,” she wrote.'
    assert _sentences(text) == ['"The budget is short.', "Mr. Ruiz called it “a mess,” she wrote."]
    text = "''The boats go to Elm Bay. The ferry stops too."
    assert _sentences(text) == ["''The boats go to Elm Bay.", "The ferry stops too."]


def test_quotes_and_brackets_after_a_full_stop_close_the_sentence() -> None:
    text = 'He called it "a disgrace." (The mayor disagreed.) Others stayed silent. \'Why?\' one asked.'
    assert _sentences(text) == [
        'He called it "a disgrace."', "(The mayor disagreed.)", "Others stayed silent.", "'Why?' one asked."
    ]


def test_an_ellipsis_before_a_capital_ends_a_sentence() -> None:
    text = "The vote was close... Nobody expected it. And then … Everyone cheered."
    assert _sentences(text) == ["The vote was close...", "Nobody expected it.", "And then …", "Everyone cheered."]


def test_a_headline_line_is_its_own_paragraph() -> None:
    text = "City Council Approves New Budget For Schools And Parks\nThe council voted 7 to 2 on Tuesday night."
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "City Council Approves New Budget For Schools And Parks",
        "The council voted 7 to 2 on Tuesday night.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Tuesday night to approve the budget for\nThe Lakeside School and two parks.",
        "Present Were Ana Ruiz, Bo Chen, Carl Diaz, Dee Evans, Eli Ford,\nFay Gomez and the clerk.",
        "Present Were Ana Ruiz, Bo Chen, Carl Diaz, Dee Evans And Eli Ford And\nFay Gomez, who chaired.",
    ],
)
def test_a_wrapped_line_still_joins_its_paragraph(text: str) -> None:
    assert [text[a:b] for a, b in paragraphs(text)] == [text]


def test_sentence_benchmark_rebuilds_documents_from_conllu(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "sentences.py"
    spec = importlib.util.spec_from_file_location("bench_sentences", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_sentences", bench)  # dataclasses look their module up there
    spec.loader.exec_module(bench)

    def sent(text: str, words: list[str], *comments: str, last_misc: str = "_") -> str:
        rows = [f"{i}\t{w}\t_\t_\t_\t_\t0\t_\t_\t{last_misc if i == len(words) else '_'}" for i, w in enumerate(words, 1)]
        return "\n".join([*comments, f"# text = {text}", *rows]) + "\n\n"

    conllu = tmp_path / "mini.conllu"
    conllu.write_text(
        sent("Rain fell.", ["Rain", "fell", "."], "# newdoc id = d1", "# newpar")
        + sent("It stopped.", ["It", "stopped", "."], last_misc="SpaceAfter=No")
        + sent("Then sun.", ["Then", "sun", "."])
        + sent("New part.", ["New", "part", "."], "# newpar")
        + sent("Other doc.", ["Other", "doc", "."], "# newdoc id = d2"),
        encoding="utf-8",
    )
    docs = bench.read_documents(conllu)
    assert [d.name for d in docs] == ["d1", "d2"]
    assert docs[0].text == "Rain fell. It stopped.Then sun.\n\nNew part."
    assert docs[0].starts == [0, 11, 22, 33]
    assert docs[0].paragraph_starts == [0, 33]
    result = bench.score(docs)
    assert result["inside"][3:] == (1, 1, 2)  # "It stopped." found; "Then sun." after no space missed
