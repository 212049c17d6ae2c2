"""Memory freed in the C library's heap goes back to the system (Linux, glibc)."""

from __future__ import annotations

import resource

import pytest

from timeline_graph import heap


def _resident_mb() -> float:
    """The process's resident memory now, in MB (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def test_trim_gives_back_what_was_freed_in_the_heap() -> None:
    if heap._malloc_trim() is None:
        pytest.skip("this C library has no malloc_trim")
    heap.trim()
    held = [bytearray(64 * 1024) for _ in range(2000)]  # 128 MB in blocks the C library takes from its heap
    above = bytearray(64 * 1024)  # made after them: the heap cannot shrink from its top by itself
    del held
    before = _resident_mb()
    assert heap.trim()
    assert _resident_mb() < before - 64
    assert len(above) == 64 * 1024
