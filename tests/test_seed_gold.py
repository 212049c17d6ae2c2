"""The seed articles against the hand-written gold list (tests/data/seed_gold.yaml): the
project's targets. Reads ../shared/corpus/seeds at run time; skipped where it is absent."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import SEEDS

pytestmark = pytest.mark.corpus

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "seed_extraction.py"


def _benchmark() -> ModuleType:
    if "seed_extraction" in sys.modules:
        return sys.modules["seed_extraction"]
    spec = importlib.util.spec_from_file_location("seed_extraction", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["seed_extraction"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    if not SEEDS.is_dir() or len(list(SEEDS.glob("*.txt"))) < 5:
        pytest.skip(f"no seed corpus at {SEEDS}")
    bench = _benchmark()
    return bench.evaluate(bench.build(SEEDS), bench.load_gold())


def test_gold_list_keeps_snippets_short() -> None:
    gold = _benchmark().load_gold()
    for section in ("events", "claims"):
        for item in gold[section]:
            assert len(str(item["cue"]).split()) < 6, item


def test_organizations_and_people(result: dict[str, Any]) -> None:
    score = result["entities"]
    assert score.recall >= 0.9, score.missed
    assert score.precision >= 0.9


def test_attributed_claims_with_their_claimants(result: dict[str, Any]) -> None:
    assert result["claims"].recall >= 0.85, result["claims"].missed
    assert result["quotes_not_in_span"] == []


def test_source_citations_and_the_in_case_reference(result: dict[str, Any]) -> None:
    assert result["citations"].recall >= 0.8, result["citations"].missed
    assert result["in_case_reference_resolved"]


def test_date_conflicts_series_and_few_false_conflicts(result: dict[str, Any]) -> None:
    for item, found in result["conflicts"]:
        if item["kind"] == "date":
            assert found, item
    assert all(found for _, found in result["series"])
    assert len(result["false"]) <= 2, [c.explanation for c in result["false"]]


def test_dated_events(result: dict[str, Any]) -> None:
    score = result["events"]
    assert score.recall >= 0.8, score.missed
