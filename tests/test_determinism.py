"""The same case built and exported in two processes with different hash seeds gives the same
bytes in every export format: no output depends on the order of a set or on a sort's ties.

The bundled example case always; the seed articles of ../shared/corpus/seeds where present;
and a case made of extractions written here, with aliases that differ only in case.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_graph.export import FORMATS

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "timeline_graph" / "examples" / "doorbell-footage"
EXPORT_FORMATS = ("ttl", "trig", "jsonld", "nt", "json", "graphml", "csv", "timelinejs", "ftm")

_BUILD_AND_EXPORT = """
import sys
from pathlib import Path
from timeline_graph.case import Case
from timeline_graph.export import FORMATS, export

folder, out = Path(sys.argv[1]), Path(sys.argv[2])
report = Case.open(folder, create=True).build()
assert report.ok, report.problems
G = Case.open(folder).load_graph()
for fmt in sys.argv[3:]:
    export(G, fmt, out / f"case{FORMATS[fmt].suffix}")
"""


#: A case made of extractions written here, with names that fold alike ("RS", "Rs", "rs").
_INLINE = """
import sys
from pathlib import Path
from timeline_graph.export import FORMATS, export
from timeline_graph.extract import Extraction
from timeline_graph.graph import build_graph
from timeline_graph.model import Claim, Entity, Event, Participant, Report, Span, TimeValue, record_id
from timeline_graph.resolve import resolve
from tests.conftest import make_document

out = Path(sys.argv[1])
texts = [("a.md", "Rail Services (RS) opened the harbor line on March 2, 2021, said Ana Ruiz."),
         ("b.md", "Rail Services (Rs) opened the harbor line on March 2, 2021, a spokesman said."),
         ("c.md", "Rail Services (rs) opened the line in March 2021, Ana Ruiz said.")]
docs = [make_document(text, name, publisher=name[0].upper() + " Ledger") for name, text in texts]
march = TimeValue.from_edtf("2021-03-02")
extractions = []
for doc, short in zip(docs, ("RS", "Rs", "rs")):
    rail = Entity(id=record_id("ent", doc.id), kind="organization", name="Rail Services", aliases=(short,),
                  mentions=(Span.find(doc, "Rail Services"), Span.find(doc, short)))
    span = Span.find(doc, "opened the harbor line" if "harbor" in doc.text else "opened the line")
    event = Event(id=record_id("evt", doc.id), label="Rail Services opened the harbor line", time=march,
                  reports=(Report(doc.id, span, march),), participants=(Participant(rail.id, "agent"),),
                  kind="creation")
    claim = Claim(id=record_id("clm", doc.id), text="Rail Services opened the harbor line", document=doc.id,
                  span=span, claimant=None)
    extractions.append(Extraction(doc.id, entities=(rail,), events=(event,), claims=(claim,)))
G = build_graph(resolve(docs, extractions), title="inline", base_iri="https://example.org/inline/")
for fmt in sys.argv[2:]:
    export(G, fmt, out / f"case{FORMATS[fmt].suffix}")
"""


def _export_inline(where: Path, seed: str) -> Path:
    out = where / "out"
    out.mkdir(parents=True)
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-c", _INLINE, str(out), *EXPORT_FORMATS],
                   env=env, check=True, capture_output=True, text=True, cwd=ROOT)
    return out


def _build_and_export(source: Path, where: Path, seed: str) -> Path:
    folder = where / "case" / source.name  # the same path below each process's folder
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".timeline-graph"))
    out = where / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-c", _BUILD_AND_EXPORT, str(folder), str(out), *EXPORT_FORMATS],
                   env=env, check=True, capture_output=True, text=True, cwd=where)
    return out


def _differing(first: Path, second: Path) -> list[str]:
    return [fmt for fmt in EXPORT_FORMATS
            if (first / f"case{FORMATS[fmt].suffix}").read_bytes() != (second / f"case{FORMATS[fmt].suffix}").read_bytes()]


@pytest.mark.parametrize("source", [
    pytest.param(EXAMPLE, id="example"),
    pytest.param(SEEDS, id="seeds", marks=pytest.mark.corpus),
])
def test_every_export_is_byte_identical_under_two_hash_seeds(source: Path, tmp_path: Path) -> None:
    if not source.is_dir():
        pytest.skip(f"{source} is absent")
    first = _build_and_export(source, tmp_path / "one", "1")
    second = _build_and_export(source, tmp_path / "two", "2")
    assert _differing(first, second) == [], "exports that differ between PYTHONHASHSEED=1 and 2"


def test_names_that_fold_alike_export_the_same_bytes_under_three_hash_seeds(tmp_path: Path) -> None:
    outs = [_export_inline(tmp_path / seed, seed) for seed in ("1", "2", "3")]
    assert _differing(outs[0], outs[1]) == [] and _differing(outs[0], outs[2]) == []
