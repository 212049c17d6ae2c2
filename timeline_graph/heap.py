"""Giving back to the system the memory a long document's parse freed.

Parsing makes large arrays that are freed zone by zone, and the C library of Linux (glibc)
keeps freed memory in its heap for its own next allocations rather than return it (once such
arrays are freed it also takes blocks of up to 32 MB, such as the tables of resolution's
indexes, from that heap). Python makes its small objects in areas of its own, so the millions
of records and index entries of the resolution that comes next do not reuse that memory: it
stayed in the process's memory through the rest of the build, some 100 MB after the parse of a
4 MB text and 40 MB more after its resolution. :func:`trim` hands it back.

>>> trim() in (True, False)
True
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable

__all__ = ["trim"]


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``; None where the C library has none (macOS, musl, Windows)."""
    try:
        release = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None
    release.argtypes = [ctypes.c_size_t]
    release.restype = ctypes.c_int
    return release


def trim() -> bool:
    """Return the free memory of the C library's heap to the system; whether any was returned."""
    release = _malloc_trim()
    return release is not None and release(0) == 1
