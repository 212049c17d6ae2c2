"""The docs stay true: doctests of the library, the README's commands, help for every command."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest

from timeline_graph.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

DOCTESTED = [
    "timeline_graph.model",
    "timeline_graph.graph",
    "timeline_graph.timeline",
    "timeline_graph.resolve.parties",
    "timeline_graph.ingest.metadata",
    "timeline_graph.app.views",
    "timeline_graph.app.explore",
    "timeline_graph.app.chart",
    "timeline_graph.app.marks",
    "timeline_graph.app.lag",
    "timeline_graph.app.tracer",
    "timeline_graph.app.network",
    "timeline_graph.curate",
    "timeline_graph.nlp",
    "timeline_graph.nlp.layout",
]


@pytest.mark.parametrize("name", DOCTESTED)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_readme_opens_with_the_demo_and_test_commands() -> None:
    block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert block and README.index(block.group(0)) < 200, "the two commands come first"
    lines = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert lines[0] == "python3 -m pip install -e . && timeline-graph demo"
    assert lines[1] == 'python3 -m pip install -e ".[test]" && python3 -m pytest'
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert lines[1] in ci.splitlines(), ".ci/run runs exactly the README's test command"


def test_readme_mentions_every_command() -> None:
    for name in main.commands:
        assert f"timeline-graph {name}" in README, name


def test_readme_images_exist() -> None:
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / image).is_file(), image


def test_readme_says_to_install_in_a_virtual_environment() -> None:
    head = README[: README.index("**timeline-graph**")]
    assert "virtual environment" in head and "python3 -m venv .venv && . .venv/bin/activate" in head


def test_readme_tells_how_files_that_are_not_utf8_are_read() -> None:
    from timeline_graph.errors import IngestError
    from timeline_graph.ingest import read_bytes

    assert "Windows-1252" in README and "byte order mark" in README
    doc = read_bytes("The council met in Zürich on March 2, 2021.\n".encode("cp1252"), source="latin.txt")
    assert "Zürich" in doc.text
    with pytest.raises(IngestError) as caught:
        read_bytes(b"The council met\x81\x82\x83\x84 on March 2.\n", source="report.txt")
    shape = re.escape("report.txt: not UTF-8 text (invalid byte 0x81 at offset 15)")
    assert re.fullmatch(shape, str(caught.value))
    assert "not UTF-8 text (invalid byte 0x81 at offset" in README
