"""The errors callers catch: one base class and a few subclasses.

Every error carries a message meant for a person: one line that names the input and the
problem, so a shell can print ``str(err)`` and stop there.
"""

from __future__ import annotations

__all__ = [
    "CaseError",
    "ExportError",
    "IngestError",
    "ModelError",
    "QueryError",
    "SpanError",
    "TimelineGraphError",
]


class TimelineGraphError(Exception):
    """Base of every error the library raises on purpose."""


class ModelError(TimelineGraphError, ValueError):
    """A record was built with values that break one of its invariants."""


class SpanError(ModelError):
    """A span's quote does not match its document's text at the given offsets."""


class IngestError(TimelineGraphError):
    """A file could not be turned into a document (binary, undecodable, empty, ...)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class CaseError(TimelineGraphError):
    """A case folder or case file is missing, malformed or cannot be written."""


class ExportError(TimelineGraphError):
    """An export could not be written or read back."""


class QueryError(TimelineGraphError):
    """A query or search could not be run: bad syntax, or an answer format that does not fit."""
