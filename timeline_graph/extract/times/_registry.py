"""How a time rule is declared: its name, its expression, a check of a match, and its handler.

The modules that hold the rules (``_dates``, ``_periods``, ``_days``, ``_relative``, ``_spans``,
``_clock``, ``_ranges``) declare each with :func:`_rule` as they are imported; ``_rules``
imports them all and compiles their rules in the order its table of key words gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._context import Ctx, Found

Handler = Callable[[re.Match[str], Ctx], "Found | None"]
Check = Callable[[re.Match[str], str], bool]

_SOURCES: list[tuple[str, str, Handler, Check | None]] = []


def _rule(name: str, pattern: str, check: Check | None = None) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _SOURCES.append((name, pattern, fn, check))
        return fn

    return register
