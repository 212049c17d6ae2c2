"""A case's curation decisions on disk: ``decisions.yaml``, human-readable and append-only.

Each decision is one YAML document of the stream, in the order it was made::

    ---
    at: '2026-11-22T08:01:02Z'
    by: Ana Ruiz
    action: grade
    targets: [doc-8d1c0f4e2a9b7c13]
    grade: B2
    why: Named reporter, first-hand footage.

Keys: ``at`` (UTC, to the second), ``by`` (who), ``agent`` (``person``, the default, or
``software``), ``action``, ``targets`` (record ids), ``why``, and what the action needs:
``grade`` (grade), ``date`` (an EDTF date, for redate and add), ``label`` (add, relabel),
``source`` (``{document, start, quote}``, for add), ``part`` (split: the alias or document split
off), ``kind`` (retype: an entity's new kind), ``claimant`` (attribute: ``unnamed``), ``stands``
(resolve: the document whose date of the event stands). A ``retarget`` names a source citation,
then the case document it cites. An ``add-claim`` (``source``: the words stated) names its claimant
as its target, or says ``claimant: unnamed``; an ``add-citation`` (``source``: the citing words)
names the case document it cites as its target, or the source's name as ``label``. An
``undo`` takes back the decisions whose ids are its targets (``dec-...``).

Appending takes an exclusive lock on the file and writes the whole entry at once, so two
processes deciding at the same moment both keep their decision; a check given to
:func:`append_decision` runs under that lock, so what it read is still the log it appends to.
Nothing ever rewrites the file.

Who decides on the command line can be kept in the user's configuration folder
(:func:`saved_curator`, :func:`save_curator`); the app keeps each curator's name in their own
browser instead, as one app server may have several curators at once.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from .errors import CaseError, ModelError
from .model import DECISION_ACTIONS, Decision, Document, Span, TimeValue

__all__ = ["DECISIONS_FILE", "append_decision", "curator_file", "decision_entry", "read_decisions", "save_curator",
           "saved_curator", "utc_now"]

DECISIONS_FILE = "decisions.yaml"
_HEADER = ("# Curation decisions of this case, oldest first. Append-only: add to it with\n"
           "# 'timeline-graph decide'; a decision is taken back by a later one, never by editing.\n")
_VALUE_KEY = {"grade": "grade", "add": "label", "relabel": "label", "split": "part", "retype": "kind",
              "attribute": "claimant", "resolve": "stands",
              "add-claim": "claimant", "add-citation": "label"}
#: PyYAML's safe loader, in C where libyaml is there (a log of hundreds of decisions reads ~10x faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KEYS = {"at", "by", "agent", "action", "targets", "why", "grade", "label", "part", "date", "source", "kind",
         "claimant", "stands"}


def utc_now() -> str:
    """The current UTC time to the second, as decisions record it."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def curator_file() -> Path:
    """Where the curator's name is kept: ``timeline-graph/curator`` in the configuration folder."""
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(base) / "timeline-graph" / "curator"


def saved_curator() -> str:
    """The curator name saved by :func:`save_curator`, or ""."""
    try:
        return " ".join(curator_file().read_text(encoding="utf-8").split())
    except (OSError, UnicodeDecodeError):
        return ""


def save_curator(name: str) -> None:
    """Keep the curator's name for the next session; CaseError if it cannot be written."""
    path = curator_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(" ".join(name.split()) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as err:
        raise CaseError(f"{path}: cannot keep the curator's name ({err.strerror})") from err


def decision_entry(decision: Decision) -> dict[str, Any]:
    """A decision as the mapping written to the log (its id is derived, never written)."""
    entry: dict[str, Any] = {"at": decision.at, "by": decision.agent}
    if decision.agent_kind != "person":
        entry["agent"] = decision.agent_kind
    entry["action"] = decision.action
    entry["targets"] = list(decision.targets)
    if decision.value is not None:
        entry[_VALUE_KEY.get(decision.action, "part")] = decision.value
    if decision.time is not None:
        entry["date"] = decision.time.edtf
    if decision.span is not None:
        entry["source"] = {"document": decision.span.document, "start": decision.span.start,
                           "quote": decision.span.exact}
    if decision.reason:
        entry["why"] = decision.reason
    return entry


def append_decision(path: Path, decision: Decision, check: Callable[[], None] | None = None) -> None:
    """Add one decision at the end of the log, under an exclusive lock, in one write.

    ``check`` runs under the lock before the write; the error it raises stops the write.
    """
    text = "---\n" + yaml.safe_dump(decision_entry(decision), sort_keys=False, allow_unicode=True, width=100)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as err:
        raise CaseError(f"{path}: cannot open the decision log ({err.strerror})") from err
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        if check is not None:
            check()
        size = os.fstat(fd).st_size
        if size == 0:
            text = _HEADER + text
        else:
            with open(path, "rb") as handle:
                handle.seek(size - 1)
                if handle.read(1) != b"\n":
                    text = "\n" + text
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    except OSError as err:
        raise CaseError(f"{path}: cannot write the decision log ({err.strerror})") from err
    finally:
        os.close(fd)  # closing releases the lock


def read_decisions(path: Path, documents: Mapping[str, Document]) -> list[Decision]:
    """Every decision of a log, in order; [] if there is no log; CaseError naming a bad entry."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as err:
        raise CaseError(f"{path}: cannot read the decision log ({err})") from err
    try:
        entries = [e for e in yaml.load_all(text, Loader=_LOADER) if e is not None]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(err, "problem", None) or " ".join(str(err).split())
        raise CaseError(f"{path}: the decision log is not valid YAML ({where}{problem}); mend that entry by hand "
                        "(the tool never rewrites this file, so nothing else in it was touched)") from err
    out = []
    for number, entry in enumerate(entries, start=1):
        try:
            out.append(_decision(entry, documents))
        except (ModelError, ValueError, TypeError) as err:
            raise CaseError(f"{path}: decision {number}: {err}") from err
    return out


def _decision(entry: Any, documents: Mapping[str, Document]) -> Decision:
    if not isinstance(entry, dict):
        raise ValueError("each decision must be a mapping of keys such as at, by, action, targets")
    unknown = set(entry) - _KEYS
    if unknown:
        raise ValueError(f"unknown keys {', '.join(sorted(map(str, unknown)))}")
    at = entry.get("at")
    if isinstance(at, datetime):  # an unquoted time in a hand-written entry
        at = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
        at = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    action = entry.get("action")
    if action not in DECISION_ACTIONS:
        raise ValueError(f"unknown action {action!r} ({', '.join(DECISION_ACTIONS)})")
    targets = entry.get("targets", [])
    if isinstance(targets, str):
        targets = [targets]
    if not isinstance(targets, list) or not all(isinstance(t, str) and t for t in targets):
        raise ValueError("'targets' must be a list of record ids")
    for key in ("by", "why", "grade", "label", "part", "date", "kind", "claimant", "stands"):
        if key in entry and not isinstance(entry[key], str):
            raise ValueError(f"{key!r} must be text, got {entry[key]!r}")
    agent_kind = entry.get("agent", "person")
    if agent_kind not in ("person", "software"):
        raise ValueError(f"'agent' is person or software, got {agent_kind!r}")
    date = entry.get("date")
    span = _span(entry["source"], documents) if "source" in entry else None
    return Decision.create(
        action=action, targets=tuple(targets), agent=entry.get("by", ""), at=str(at), reason=entry.get("why", ""),
        value=entry.get(_VALUE_KEY.get(action, "part")), agent_kind=agent_kind,
        time=TimeValue.from_edtf(date) if date is not None else None, span=span,
    )


def _span(source: Any, documents: Mapping[str, Document]) -> Span | None:
    """The span a ``source`` entry gives; None if its document is no longer in the case."""
    if not isinstance(source, dict) or not isinstance(source.get("quote"), str) or not source["quote"]:
        raise ValueError("'source' must give a document, a start and the quoted words")
    document = documents.get(source.get("document", ""))
    if document is None:
        return None
    quote, start = source["quote"], source.get("start")
    if isinstance(start, int) and not isinstance(start, bool) and document.text[start:start + len(quote)] == quote:
        return Span.at(document, start, start + len(quote))
    return Span.find(document, quote)  # no start, or a wrong one: the first place the words occur
