"""The benchmark scripts' own logic: how they split and score, on small inline inputs."""

from __future__ import annotations

import importlib.util
import sys
import zlib
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` once, under its own name."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_tempeval_held_part_is_a_fixed_fifth_by_file_name() -> None:
    part_of = _load("tempeval3").part_of
    names = [f"DOC{i:04d}.tml" for i in range(500)]
    held = [n for n in names if part_of(f"/any/folder/{n}") == "held"]
    assert held == [n for n in names if zlib.crc32(n.encode()) % 5 == 0]
    assert 70 <= len(held) <= 130
    assert part_of("/a/DOC0001.tml") == part_of("/b/other/DOC0001.tml")
