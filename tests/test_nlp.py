"""The English pipeline: the parse every extractor reads, its loading, training and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from timeline_graph import nlp
from timeline_graph.nlp import NLPError, Parse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def sentences_of(text: str) -> list[str]:
    p = nlp.parse(text)
    return [text[s.start : s.end] for s in p.sentences]


def check_offsets(p: Parse) -> None:
    text = p.text
    for t in p.tokens:
        assert text[t.start : t.end] == t.text
        assert 0 <= t.head < len(p.tokens)
        sent = p.sentences[t.sent]
        assert sent.start <= t.start and t.end <= sent.end
    for s in p.sentences:
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    for e in p.entities:
        assert p.tokens[e.first].start == e.start and p.tokens[e.last - 1].end == e.end


def test_the_shipped_pipeline_loads_offline_with_its_notices() -> None:
    model = nlp.load()
    assert {"tagger", "morphologizer", "parser", "name_typer"} <= set(model.pipe_names)
    assert (nlp.DEFAULT_MODEL / "LICENSE.md").read_text().count("CC BY-SA 4.0") or (
        "Attribution-ShareAlike 4.0" in (nlp.DEFAULT_MODEL / "LICENSE.md").read_text()
    )
    assert (nlp.DEFAULT_MODEL / "MODEL_CARD.md").is_file()
    size = sum(f.stat().st_size for f in nlp.DEFAULT_MODEL.rglob("*") if f.is_file())
    assert size < 40_000_000
    assert nlp.load() is model  # loaded once per process


def test_parse_gives_tokens_lemmas_tags_dependencies_and_exact_offsets() -> None:
    text = "The council approved the budget on Tuesday.\n\nCritics said it was rushed."
    p = nlp.parse(text)
    check_offsets(p)
    assert [text[s.start : s.end] for s in p.sentences] == [
        "The council approved the budget on Tuesday.",
        "Critics said it was rushed.",
    ]
    approved = p.token_at(text.index("approved"))
    assert approved is not None
    assert approved.lemma == "approve" and approved.tag == "VBD" and approved.feature("Tense") == "Past"
    council = p.token_at(text.index("council"))
    assert council is not None and council.dep == "nsubj" and council.head == approved.i
    said = p.token_at(text.index("said"))
    assert said is not None and said.pos == "VERB"
    assert [p.text[t.start : t.end] for t in p.children(said)][:1] == ["Critics"]


def test_a_headline_and_a_byline_are_sentences_of_their_own() -> None:
    text = "Council Backs Camera Plan\nBy Ada Byline\n\nThe council voted on Monday to expand the plan."
    assert sentences_of(text) == [
        "Council Backs Camera Plan",
        "By Ada Byline",
        "The council voted on Monday to expand the plan.",
    ]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Dr. Lee arrived in the U.S. on Aug. 3 with J. R. Smith. They left later."
    assert sentences_of(text) == [
        "Dr. Lee arrived in the U.S. on Aug. 3 with J. R. Smith.",
        "They left later.",
    ]


def test_named_entities_of_each_kind() -> None:
    text = (
        "Maria Gonzalez, a spokeswoman for the Port Authority of Oakland, said the terminal "
        "in California would reopen. Microsoft and the United Nations declined to comment."
    )
    p = nlp.parse(text)
    found = {(text[e.start : e.end], e.label) for e in p.entities}
    assert ("Maria Gonzalez", "PERSON") in found
    assert ("California", "PLACE") in found
    assert ("Microsoft", "ORG") in found
    assert any("Port Authority" in name for name, _ in found)
    # The entity extractor gives the authority its kind from its name, whatever the label.
    import hashlib

    from timeline_graph.extract.entities import find_entities
    from timeline_graph.model import Document

    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="x.txt")
    kinds = {e.name: e.kind for e in find_entities(doc, p)}
    assert kinds.get("Port Authority of Oakland") == "organization"
    assert kinds.get("Maria Gonzalez") == "person"


def test_pronouns_and_descriptions_are_linked_to_their_antecedent() -> None:
    text = (
        "Ana Silva founded Brightwell Labs in 2015. She said the company had grown fast. "
        "Tom Reyes joined later. He said it would hire more engineers."
    )
    p = nlp.parse(text)

    def antecedent(word: str, nth: int = 0) -> str | None:
        at = -1
        for _ in range(nth + 1):
            at = text.index(word, at + 1)
        token = p.token_at(at)
        assert token is not None
        ent = p.antecedent(token)
        return None if ent is None else text[ent.start : ent.end]

    assert antecedent("She") == "Ana Silva"
    assert antecedent("He") == "Tom Reyes"
    assert antecedent("company") == "Brightwell Labs"


def test_non_ascii_names_are_read_whole() -> None:
    text = "José Martínez met officials in Zürich and São Paulo last year."
    p = nlp.parse(text)
    check_offsets(p)
    names = {text[e.start : e.end] for e in p.entities}
    assert "José Martínez" in names
    assert {"Zürich", "São Paulo"} & names


def test_a_large_text_is_parsed_in_pieces_with_offsets_kept() -> None:
    paragraph = "The board met on Monday. Officials in Denver approved the plan, the clerk said.\n\n"
    text = paragraph * 400 + "x" * 30_000 + " end.\n\n" + paragraph  # one paragraph over the limit
    p = nlp.parse(text)
    check_offsets(p)
    assert len(p.sentences) >= 800
    assert p.sentences[-1].end == len(text.rstrip())


def test_the_pipeline_runs_bounded_batches_and_a_text_parses_the_same_in_any_batch() -> None:
    """A long text goes through the network a few paragraphs at a time (its working memory is that
    of one batch), and what a text's parse is does not depend on the texts batched with it."""
    paragraph = "The harbor board met on Monday. Ana Ruiz of Harbor Bank said the plan was approved.\n\n"
    long_text = paragraph * 600 + "x" * 30_000 + " end.\n\n"
    pieces = [(0, start, end) for start, end in nlp._pieces(long_text)]
    batches = list(nlp._batches(pieces))
    assert [piece for batch in batches for piece in batch] == pieces
    assert len(batches) > 1
    assert all(len(b) == 1 or (sum(e - s for _, s, e in b) <= nlp.BATCH_CHARACTERS and len(b) <= nlp.BATCH_PIECES)
               for b in batches)
    short = "Officials in Denver approved the plan on Friday, the clerk said."
    alone = nlp.parse(short)
    among = nlp.parse_many([long_text, short, long_text[:5_000]])[1]
    assert list(among.tokens) == list(alone.tokens)
    assert among.entities == alone.entities and among.sentences == alone.sentences


def test_numbers_and_other_languages_get_a_note_not_a_crash() -> None:
    assert nlp.parse("12 345 6789 10 11 12 13 14 15 16").notes
    german = ("Der Hund läuft schnell über die Straße und die Katze schläft im warmen Haus, während "
              "die Kinder draußen spielen und lachen. Morgen gehen wir alle zusammen in den Park, "
              "wo es schön ist und viele Bäume stehen.")
    assert any("English" in note for note in nlp.parse(german).notes)
    assert nlp.parse("The council met on Monday and approved the budget for the new year.").notes == ()
    empty = nlp.parse("")
    assert len(empty.tokens) == 0 and empty.notes == ()


def test_a_missing_or_broken_pipeline_is_one_line_naming_it(tmp_path: Path) -> None:
    with pytest.raises(NLPError, match="nowhere") as missing:
        nlp.load(tmp_path / "nowhere")
    assert "\n" not in str(missing.value)
    broken = tmp_path / "broken"
    shutil.copytree(nlp.DEFAULT_MODEL, broken)
    (broken / "parser" / "model").write_bytes(b"\x00garbage")
    with pytest.raises(NLPError, match="broken") as damaged:
        nlp.load(broken)
    assert "\n" not in str(damaged.value)
    with pytest.raises(NLPError, match="no_such_pipeline_here"):
        nlp.pipeline_id("no_such_pipeline_here")


def test_another_installed_pipeline_can_be_used(tmp_path: Path) -> None:
    import spacy

    blank = tmp_path / "blank"
    model = spacy.blank("en")
    model.meta["name"] = "blank_test"
    model.to_disk(blank)
    p = nlp.parse("Two words. And more here.", nlp=blank)
    check_offsets(p)
    assert p.pipeline == "en_blank_test-0.0.0"
    assert nlp.pipeline_id(blank) == f"en_blank_test-0.0.0+layout{nlp.LAYOUT_VERSION}+coref{nlp.COREF_VERSION}"
    assert p.entities == ()


@pytest.mark.corpus
def test_the_training_command_trains_a_few_steps_on_a_tiny_slice(tmp_path: Path) -> None:
    if not (CORPUS / "ud-english-ewt").is_dir() or not (CORPUS / "ud-english-gum").is_dir():
        pytest.skip("../shared/corpus with the UD treebanks is absent")
    from timeline_graph.nlp.train import install, main

    out = tmp_path / "train"
    code = main(["--corpus", str(CORPUS), "--out", str(out), "--limit", "1", "--max-steps", "2",
                 "--set", "training.eval_frequency=1"])
    assert code == 0
    best = out / "pipeline"
    assert (best / "config.cfg").is_file() and (best / "name_typer").is_dir()
    target = install(best, tmp_path / "installed")
    meta = json.loads((target / "meta.json").read_text())
    assert meta["license"] == "CC BY-SA 4.0" and (target / "LICENSE.md").is_file()
    p = nlp.parse("A short test sentence.", nlp=target)
    check_offsets(p)


def test_the_training_command_names_a_missing_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline_graph.nlp.train import main

    assert main(["--corpus", str(tmp_path / "nothing"), "--out", str(tmp_path / "out")]) == 2
    assert "nothing" in capsys.readouterr().err


def test_build_reads_with_the_pipeline_named_by_nlp_and_reads_back(tmp_path: Path) -> None:
    import spacy
    from click.testing import CliRunner

    from timeline_graph.cli import main

    blank = tmp_path / "blank"
    model = spacy.blank("en")
    model.meta["name"] = "blank_test"
    model.to_disk(blank)
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a.txt").write_text("Ana Silva opened the harbor office on March 3, 2021, the clerk said.\n")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(folder), "--quiet", "--nlp", str(blank)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((folder / ".timeline-graph" / "manifest.json").read_text())
    assert manifest["pipeline"] == str(blank) and manifest["extractor"].endswith(f"+en_blank_test-0.0.0+layout{nlp.LAYOUT_VERSION}+coref{nlp.COREF_VERSION}")
    assert runner.invoke(main, ["timeline", str(folder)]).exit_code == 0  # read with the key it was built with
    again = runner.invoke(main, ["build", str(folder), "--quiet"])  # the shipped pipeline: read anew
    assert again.exit_code == 0 and "(1 extracted, 0 reused)" in again.output
    assert "+en_timeline_graph_en-" in json.loads((folder / ".timeline-graph" / "manifest.json").read_text())["extractor"]
    bad = runner.invoke(main, ["build", str(folder), "--quiet", "--nlp", str(tmp_path / "missing")])
    assert bad.exit_code == 2 and "missing" in bad.output and len(bad.output.strip().splitlines()) == 1


def test_the_case_file_can_name_the_pipeline(tmp_path: Path) -> None:
    from timeline_graph.case import Case, Settings

    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "case.yaml").write_text("title: T\nnlp: en_core_web_sm\n")
    assert Settings.read(folder / "case.yaml").nlp == "en_core_web_sm"
    assert Case.open(folder).pipeline == "en_core_web_sm"
    (folder / "case.yaml").write_text("title: T\nnlp: 3\n")
    from timeline_graph.errors import CaseError

    with pytest.raises(CaseError, match="'nlp'"):
        Settings.read(folder / "case.yaml")


def test_a_claim_made_by_a_pronoun_is_credited_to_the_person_it_refers_to() -> None:
    import hashlib

    from timeline_graph.extract.claims import find_claims
    from timeline_graph.extract.entities import find_entities
    from timeline_graph.model import Document

    text = "Ana Silva runs the harbor office in Oakland. She said the office would open on Monday."
    doc = Document.create(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, source="x.txt")
    parse = nlp.parse(text)
    entities = find_entities(doc, parse)
    silva = next(e for e in entities if e.name == "Ana Silva")
    claims = find_claims(doc, entities, parse)
    assert [(c.claimant, c.claimant_name) for c in claims] == [(silva.id, "Ana Silva")]


def _tagged(words: list[str], pos: list[str], sent_starts: list[bool] | None = None):  # type: ignore[no-untyped-def]
    """A ``Doc`` with the given parts of speech (no model), for the typer's candidate rules."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    starts = sent_starts or [i == 0 for i in range(len(words))]
    return Doc(vocab, words=words, pos=pos, sent_starts=starts)


def test_a_run_opened_by_a_capitalized_function_word_is_also_proposed_without_it() -> None:
    from timeline_graph.nlp.typer import candidates

    doc = _tagged(["At", "Kellford", "Mills", "the", "crews", "rested", "."],
                  ["ADP", "PROPN", "PROPN", "DET", "NOUN", "VERB", "PUNCT"])
    found = [doc[s:e].text for s, e in candidates(doc)]
    assert "At Kellford Mills" in found and "Kellford Mills" in found


def test_a_run_is_also_proposed_without_the_numbers_at_its_ends() -> None:
    from timeline_graph.nlp.typer import candidates

    doc = _tagged(["Critics", "like", "Verhoeven", "1994", "and", "2016", "Kellford", "Games", "."],
                  ["NOUN", "ADP", "PROPN", "NUM", "CCONJ", "NUM", "PROPN", "PROPN", "PUNCT"])
    found = [doc[s:e].text for s, e in candidates(doc)]
    assert "Verhoeven" in found and "Kellford Games" in found


def test_acronyms_and_document_proper_nouns_open_candidates_whatever_their_tag() -> None:
    from timeline_graph.nlp.typer import _occurrences, candidates

    # "NAFO" read as a pronoun, "Marlow" as a common noun at a sentence's start: both are proper
    # nouns (an acronym; the same word tagged PROPN in the next sentence).
    doc = _tagged(["Marlow", "joined", "NAFO", ".", "Then", "Marlow", "left", "."],
                  ["NOUN", "VERB", "PRON", "PUNCT", "ADV", "PROPN", "VERB", "PUNCT"],
                  [True, False, False, False, True, False, False, False])
    found = {(s, e) for s, e in candidates(doc, _occurrences([doc]))}
    assert (2, 3) in found and (0, 1) in found and (5, 6) in found
    # Without the document's proper nouns the first "Marlow" opens no candidate.
    assert (0, 1) not in set(candidates(doc))


def test_a_name_keeps_one_kind_through_a_document() -> None:
    from timeline_graph.nlp.typer import LABELS, consistent

    doc = _tagged(["Ines", "Varga", "met", "Varga", "and", "Varga", "."],
                  ["PROPN", "PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"])
    person, place = LABELS.index("PERSON"), LABELS.index("PLACE")
    cands = [(doc, 0, 2, []), (doc, 3, 4, []), (doc, 5, 6, [])]
    probs = [[0.1, 0.8, 0.05, 0.05], [0.3, 0.2, 0.1, 0.4], [0.2, 0.5, 0.1, 0.2]]
    mixed = consistent(cands, probs, mix=0.5)
    # The lone "Varga" leaning to a place is pulled to a person by its namesakes (one of them
    # the full name it ends) ...
    assert max(range(1, 4), key=mixed[1].__getitem__) == person
    assert mixed[1][place] < probs[1][place]
    # ... and the full name itself only leans on its own namesakes (none here).
    assert mixed[0] == probs[0]


def test_a_surname_after_a_full_name_is_the_same_person() -> None:
    text = (
        "Halvard Brennick, who chairs the Tidewater Ferry Board, opened the hearing on Monday. "
        "The board will vote in May, Brennick said. Critics of the plan wrote to Brennick last week."
    )
    p = nlp.parse(text)
    kinds = {(text[e.start : e.end], e.label) for e in p.entities}
    assert ("Halvard Brennick", "PERSON") in kinds and ("Tidewater Ferry Board", "ORG") in kinds
    lone = {label for name, label in kinds if name == "Brennick"}
    assert lone == {"PERSON"}


def test_the_typer_sees_signs_of_an_organization_in_a_name() -> None:
    from timeline_graph.nlp.typer import features

    doc = _tagged(["Fans", "of", "the", "Boston", "Tidehawks", "watched", "StreamHub", "at", "the", "MINISTRY", "OF",
                   "TIDES", "."],
                  ["NOUN", "ADP", "DET", "PROPN", "PROPN", "VERB", "PROPN", "ADP", "DET", "PROPN", "ADP", "PROPN",
                   "PUNCT"])
    team, brand, ministry = features(doc, 3, 5), features(doc, 6, 7), features(doc, 9, 12)
    # a known place opening a longer name of a plural ("Boston Red Sox"), not the place itself
    assert "place-first+plural=True" in team
    assert "camel" in brand and "camel" not in team
    # an organization word in capitals still counts, with where it stands
    assert "orgw-first" in ministry
    # the world lists' verdict joined to the length and the relation
    assert "and:gaz-none+len=2" in team and not any(f.startswith("and:gaz-none") for f in features(doc, 3, 4))


def test_the_typer_reads_the_word_a_name_depends_on_elsewhere_in_the_document() -> None:
    import spacy
    from spacy.tokens import Doc

    from timeline_graph.nlp.typer import _occurrences, features

    # "Orvaldi said ... Orvaldi arrived": the first occurrence lends the second the verb it is
    # the subject of, which says more of its kind than the second's own context.
    words = ["Orvaldi", "said", "no", ".", "Later", "Orvaldi", "arrived", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["PROPN", "VERB", "INTJ", "PUNCT", "ADV", "PROPN", "VERB", "PUNCT"],
              lemmas=["Orvaldi", "say", "no", ".", "later", "Orvaldi", "arrive", "."],
              heads=[1, 1, 1, 1, 6, 6, 6, 6], deps=["nsubj", "ROOT", "obj", "punct", "advmod", "nsubj", "ROOT", "punct"],
              sent_starts=[True, False, False, False, True, False, False, False])
    second = features(doc, 5, 6, _occurrences([doc]))
    assert "d-hh=say" in second and "d-hh=arrive" not in second
    assert "d-hh=arrive" in features(doc, 0, 1, _occurrences([doc]))


def test_the_typer_reads_how_the_treebanks_usually_write_a_word(tmp_path: Path) -> None:
    from timeline_graph.nlp.typer import NameTyper, features, word_case

    rows = [("1", "The"), ("2", "decree"), ("3", "of"), ("4", "the"), ("5", "Union"), ("6", "passed")]
    sentence = "\n".join("\t".join([i, w, "_", "X", "_", "_", "0", "dep", "_", "_"]) for i, w in rows)
    (tmp_path / "a.conllu").write_text((sentence + "\n\n") * 4 + sentence.replace("decree", "Decree") + "\n\n")
    case = word_case([tmp_path / "a.conllu"])
    assert case["decree"] == (4, 1) and case["the"] == (5, 0) and "union" not in case
    doc = _tagged(["Ines", "read", "the", "Decree", "to", "the", "Union", "."],
                  ["PROPN", "VERB", "DET", "PROPN", "ADP", "DET", "PROPN", "PUNCT"])
    assert "all-common" in features(doc, 3, 4, case=case) and "lc-first=1-mid" in features(doc, 3, 4, case=case)
    assert "lc-first=0" in features(doc, 6, 7, case=case)
    assert not any(f.startswith("lc-") for f in features(doc, 3, 4))
    # the counts travel with the weights
    typer = NameTyper(None)
    typer.case = case
    typer.to_disk(tmp_path / "typer")
    assert NameTyper(None).from_disk(tmp_path / "typer").case == case


def test_the_cache_key_names_the_layout_coref_and_typer_versions() -> None:
    assert nlp.pipeline_id().endswith(f"+layout{nlp.LAYOUT_VERSION}+coref{nlp.COREF_VERSION}+names{nlp.TYPER_VERSION}")


def test_the_name_error_analysis_refuses_the_held_out_split() -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "nlp.py"
    run = subprocess.run([sys.executable, str(script), "--errors", "3"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "dev only" in run.stderr


def test_common_words_by_the_shipped_word_case_counts() -> None:
    from timeline_graph.nlp.typer import common_word

    assert common_word("UPDATE") and common_word("Whereas")
    assert not common_word("NASA") and not common_word("Okonjo")
