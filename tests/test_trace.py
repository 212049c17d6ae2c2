"""Claim tracing and the conflict list: library functions first, then the two commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_graph.cli import main
from timeline_graph.extract import extract
from timeline_graph.graph import build_graph
from timeline_graph.model import TimeValue
from timeline_graph.resolve import resolve
from timeline_graph.trace import conflict_list, trace

from .conftest import make_document

FIRST = (
    "The Harbor Water Board raised fares on March 3, 2020.\n\n"
    '"Fares pay for the new ferries," said Mayor Ana Ruiz.'
)
SECOND = (
    "The Harbor Water Board raised fares on April 3, 2020, the Coast Courier reported.\n\n"
    'Mayor Ana Ruiz told the Coast Courier that fares "pay for the new ferries."'
)


def _graph():  # type: ignore[no-untyped-def]
    first = make_document(FIRST, "ledger.md", title="Fares rise", publisher="Daily Ledger",
                          published=TimeValue.from_edtf("2020-03-04"))
    second = make_document(SECOND, "courier.md", title="Fares, again", publisher="Harbor Weekly",
                           published=TimeValue.from_edtf("2020-04-10"))
    records = resolve([first, second], [extract(first), extract(second)])
    return build_graph(records, title="Fares"), first, second


def test_trace_orders_appearances_and_names_who_said_and_who_repeated() -> None:
    G, first, second = _graph()
    (found,) = trace(G, "new ferries")
    assert [a.document.id for a in found.appearances] == [first.id, second.id]
    assert found.first.first and not found.appearances[1].first
    assert found.said_by == ("Ana Ruiz",)
    assert [d.id for d in found.repeated_by] == [second.id]
    assert found.appearances[1].cites == ("Coast Courier",)


def test_trace_without_a_match_is_empty() -> None:
    G, _, _ = _graph()
    assert trace(G, "submarine") == [] and trace(G, "") == []


def test_conflict_list_puts_dates_first() -> None:
    G, first, second = _graph()
    found = conflict_list(G)
    assert found and found[0].kind == "date"
    assert set(found[0].documents) == {first.id, second.id}


@pytest.fixture
def built_case(tmp_path: Path) -> Path:
    folder = tmp_path / "fares"
    folder.mkdir()
    (folder / "ledger.md").write_text("---\npublisher: Daily Ledger\npublished: 2020-03-04\n---\n" + FIRST)
    (folder / "courier.md").write_text("---\npublisher: Harbor Weekly\npublished: 2020-04-10\n---\n" + SECOND)
    result = CliRunner().invoke(main, ["build", str(folder), "--quiet"])
    assert result.exit_code == 0, result.output
    return folder


def test_trace_and_conflicts_commands(built_case: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["trace", str(built_case), "new ferries"])
    assert result.exit_code == 0, result.output
    assert "(first)" in result.output and "(repeats)" in result.output and "Ana Ruiz" in result.output
    missing = runner.invoke(main, ["trace", str(built_case), "submarine"])
    assert missing.exit_code == 1 and "no claim matches" in missing.output
    result = runner.invoke(main, ["conflicts", str(built_case)])
    assert result.exit_code == 0 and "[date]" in result.output


@pytest.mark.parametrize("command", ["trace", "conflicts"])
def test_commands_have_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_a_passage_marks_who_says_the_cue_and_what_is_said() -> None:
    from tests.conftest import make_document
    from timeline_graph.model import Claim, Span
    from timeline_graph.trace import marked_passage

    doc = make_document('"We ask only for what helps a case," the chief said, adding that\nrequests are voluntary.',
                        "memo.md")
    first, second = Span.find(doc, "We ask only for what helps a case"), Span.find(doc, "requests are voluntary")
    claim = Claim(id="clm-1", text="We ask only for what helps a case", document=doc.id, span=first,
                  cue=Span.find(doc, "said"), source=Span.find(doc, "the chief"), content=(first, second))
    assert marked_passage(doc, claim) == ('«We ask only for what helps a case»," {the chief} [said], adding that '
                                          "«requests are voluntary»")
    inside = Claim(id="clm-2", text="x", document=doc.id, span=first, cue=Span.find(doc, "only"), content=(first,))
    assert marked_passage(doc, inside) == "«We ask only for what helps a case»"  # a cue inside the content is not cut in


def test_the_apps_passage_marks_the_parts_and_escapes_the_words() -> None:
    from tests.conftest import make_document
    from timeline_graph.app.views import attribution_html
    from timeline_graph.model import Claim, Span

    doc = make_document("Before it. <b>The chief</b> said the <script>requests</script> are voluntary. After it came many more words.", "memo.md")
    content = Span.find(doc, "the <script>requests</script> are voluntary")
    claim = Claim(id="clm-1", text=content.exact, document=doc.id, span=content, cue=Span.find(doc, "said"),
                  source=Span.find(doc, "The chief"), content=(content,))
    shown = attribution_html(doc.text, claim, context=12)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert '<mark class="tg-hit tg-source" title="source">The chief</mark>' in shown
    assert '<mark class="tg-hit tg-cue" title="cue">said</mark>' in shown
    assert shown.index("tg-source") < shown.index("tg-cue") < shown.index("tg-content")
    assert shown.startswith("…") and shown.endswith("…")


def _wire_case(n_docs: int):  # type: ignore[no-untyped-def]
    """``n_docs`` documents, each with a claim saying the same words, a citation in its passage
    and an event it reports."""
    from timeline_graph.model import Citation, Claim, Event, Records, Report, Span, record_id

    text = 'The board met.\n\n"Fares pay for the ferries," the Courier said on March 3, 2020.'
    claim_at, cite_at = text.index('"Fares'), text.index("the Courier")
    documents, claims, citations, events = [], [], [], []
    for d in range(n_docs):
        doc = make_document(f"{text}\n\n{d}", f"d{d}.md", published=TimeValue.from_edtf("2020-03-04"))
        documents.append(doc)
        claims.append(Claim(id=record_id("clm", d), text="Fares pay for the ferries", document=doc.id,
                            span=Span.at(doc, claim_at, len(text) - 1), cluster=record_id("cluster", d % 7)))
        citations.append(Citation(id=record_id("cit", d), document=doc.id, span=Span.at(doc, cite_at, cite_at + 11),
                                  cites_label="Coast Courier"))
        day = TimeValue.from_edtf("2020-03-03")
        report = Report(doc.id, Span.at(doc, claim_at + 1, claim_at + 10), day, "test")
        events.append(Event(id=record_id("evt", d), label="fares pay", time=day, reports=(report,)))
    return build_graph(Records(documents=tuple(documents), claims=tuple(claims), citations=tuple(citations),
                               events=tuple(events)))


def test_tracing_a_claim_every_document_makes_is_linear_in_the_documents() -> None:
    """Each appearance once looked at every citation and event of the case: tracing a common
    word on 5,000 documents ran for minutes. Four times the documents must take about four
    times as long (CPU time, the best of two runs), not sixteen."""
    import time

    def seconds(n_docs: int) -> float:
        G, best = _wire_case(n_docs), float("inf")
        for _ in range(2):
            start = time.process_time()
            found = trace(G, "ferries")
            best = min(best, time.process_time() - start)
        appearances = [a for t in found for a in t.appearances]
        assert len(appearances) == n_docs
        assert all(a.cites == ("Coast Courier",) and [e.label for e in a.events] == ["fares pay"] for a in appearances)
        return best

    ratio = seconds(800) / seconds(200)
    assert ratio < 8, f"4 times the documents took {ratio:.1f} times as long"


def test_trace_credits_a_claim_to_the_case_document_its_source_citation_is_re_targeted_to(tmp_path: Path) -> None:
    """A curator pointed the words naming a claim's source at a document of the case: the trace
    (library and command) names that document, not the words."""
    from timeline_graph.case import Case, load_graph
    from timeline_graph.curate import created_id
    from timeline_graph.graph import claims, documents
    from timeline_graph.model import Decision, Span
    from timeline_graph.trace import trace_cluster

    folder = tmp_path / "ferries"
    folder.mkdir()
    (folder / "case.yaml").write_text("title: Ferries\nbase_iri: https://example.org/case/ferries/\n")
    (folder / "bulletin.md").write_text("---\ntitle: Night ferries end\npublisher: Bay Bulletin\npublished: 2020-05-06\n"
                                        "---\n\nThe ferry board cut night sailings on May 4, 2020, according to "
                                        "the harbor minutes.\n")
    (folder / "minutes.md").write_text("---\ntitle: Harbor board minutes, May\npublisher: Harbor Board\n"
                                       "published: 2020-05-05\n---\n\nThe board voted to end night sailings.\n")
    assert Case.open(folder).build().ok
    G = load_graph(folder)
    bulletin = next(d for d in documents(G) if d.publisher == "Bay Bulletin")
    minutes = next(d for d in documents(G) if d.publisher == "Harbor Board")
    cut = next(c for c in claims(G) if "night sailings" in c.text and c.document == bulletin.id)
    assert cut.claimant_name == "the harbor minutes"
    added = Decision.create(action="add-citation", targets=(), value="the harbor minutes", agent="Ana",
                            at="2026-11-22T08:00:00Z", reason="named in the text",
                            span=Span.find(bulletin, "according to the harbor minutes"))
    Case.open(folder).decide(added)
    before = CliRunner().invoke(main, ["trace", str(folder), "night sailings"])
    assert "said by: the harbor minutes" in before.output and "credited to" not in before.output
    Case.open(folder).decide(Decision.create(action="retarget", targets=(created_id(added), minutes.id), agent="Ana",
                                             at="2026-11-22T08:05:00Z", reason="the minutes are in the case"))
    (found,) = [a for a in trace_cluster(load_graph(folder), cut.cluster or cut.id).appearances]
    assert [d.id for d in found.credited] == [minutes.id]
    after = CliRunner().invoke(main, ["trace", str(folder), "night sailings"])
    assert after.exit_code == 0, after.output
    assert "credited to: Harbor board minutes, May (of the case)" in after.output
    assert "said by: the harbor minutes" not in after.output
