"""Before a decision is recorded: what it would change, and what was decided about its records.

A curator sees, before a decision applies, the records it would change, make or take out
(:func:`what_changes`), and each record's own history (:func:`history`). A decision made on a
view of a record that another decision changed since is refused (:func:`changed_since`).

>>> from timeline_graph.model import Decision
>>> d = Decision.create(action="reject", targets=("evt-1",), agent="Ana", at="2026-01-02T03:04:05Z")
>>> [x.id for x in history([d], "evt-1")] == [d.id]
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .curate import DONE, created_id, describe, grade_words
from .model import Decision, Records

__all__ = ["changed_since", "history", "latest_about", "record_names", "what_changes"]

_GROUPS = {"events": "event", "entities": "entity", "claims": "claim", "citations": "source citation",
           "conflicts": "conflict", "quantities": "figure"}
#: The fields a curator changes, with how each is named in a sentence.
_FIELDS = {"label": "label", "time": "date", "kind": "kind", "claimant_name": "claimant", "unnamed": "unnamed source",
           "cluster": "claim cluster", "aliases": "other names", "reports": "reports", "participants": "participants",
           "items": "items", "cites_document": "cites", "cites_entity": "cites"}


def history(decisions: Iterable[Decision], record_id: str) -> list[Decision]:
    """The decisions about one record, in the order made: those acting on it or making it, and
    the undos (and their undos) taking them back."""
    found: list[Decision] = []
    ids: set[str] = set()
    for d in decisions:
        if record_id in d.targets or created_id(d) == record_id or (d.action == "undo" and ids & set(d.targets)):
            found.append(d)
            ids.add(d.id)
    return found


def latest_about(decisions: Iterable[Decision], record_id: str) -> str | None:
    """The id of the latest decision about a record (see :func:`history`), or None."""
    found = history(decisions, record_id)
    return found[-1].id if found else None


def changed_since(decisions: Sequence[Decision], seen: Mapping[str, str | None]) -> str:
    """Why a decision made on a view of some records is stale, or "".

    ``seen`` maps each record id to the latest decision about it when it was shown (None: none).
    """
    for record_id, latest in seen.items():
        found = history(decisions, record_id)
        if (found[-1].id if found else None) != latest:
            last = found[-1]
            return (f"{record_id} was changed meanwhile ({DONE[last.action]} by {last.agent} at {last.at}); "
                    "look at it again before deciding")
    return ""


def what_changes(before: Records, after: Records, decision: Decision) -> list[str]:
    """One line per record a decision changes, makes or takes out (``after`` has it applied)."""
    lines = []
    # documents and entities named as people know them, not by their ids
    names = {d.id: d.label for d in before.documents} | {e.id: e.name for e in before.entities}
    for claim in before.claims:  # a cluster of claims by the words of its first
        if claim.cluster:
            names.setdefault(claim.cluster, _name(claim))
    for group, noun in _GROUPS.items():
        old = {r.id: r for r in getattr(before, group)}
        new = {r.id: r for r in getattr(after, group)}
        for rid in sorted(old.keys() - new.keys()):
            lines.append(f"{noun} “{_name(old[rid])}” is taken out")
        for rid in sorted(new.keys() - old.keys()):
            lines.append(f"{noun} “{_name(new[rid])}” is added{_citing(new[rid], names)}")
        for rid in sorted(old.keys() & new.keys()):
            if old[rid] != new[rid]:
                lines.append(f"{noun} “{_name(old[rid])}”: {_difference(old[rid], new[rid], names)}")
    if decision.action == "grade" and decision.value:
        graded = ", ".join(f"“{names[t]}”" if t in names else t for t in decision.targets)
        lines.append(f"{graded} graded {decision.value} ({grade_words(decision.value)})")
    if decision.action == "undo":
        lines.insert(0, f"takes back {', '.join(decision.targets)}")
    return lines or [f"nothing else changes: the decision ({describe(decision)}) is kept in the log"]


def record_names(records: Records, ids: Iterable[str]) -> dict[str, str]:
    """The name a curator knows each of ``ids`` by (label, name, text; a citation's words), for
    those that are records of ``records``."""
    wanted = set(ids)
    return {r.id: _name(r) for group in ("documents", *_GROUPS) for r in getattr(records, group) if r.id in wanted}


def _name(rec: Any) -> str:
    """A record as a curator knows it: its label, name or text; a source citation by its words."""
    span = getattr(rec, "span", None)
    text = (getattr(rec, "label", None) or getattr(rec, "name", None) or getattr(rec, "text", None)
            or getattr(span, "exact", None) or rec.id)
    text = " ".join(str(text).split())
    return text if len(text) <= 80 else text[:79] + "…"


def _citing(rec: Any, names: Mapping[str, str]) -> str:
    """What an added source citation cites, after a comma ("" for other records)."""
    if not hasattr(rec, "cites_label"):
        return ""
    target = rec.cites_document or rec.cites_entity
    return f", citing {_shown(target, names) if target else rec.cites_label}"


def _difference(old: Any, new: Any, names: Mapping[str, str]) -> str:
    """The fields a curator changed between two versions of a record, in words (``names``: the
    documents' and entities' names by id)."""
    parts = []
    for name, words in _FIELDS.items():
        a, b = getattr(old, name, None), getattr(new, name, None)
        if a != b:
            parts.append(f"{words} {_shown(a, names)} → {_shown(b, names)}")
    return "; ".join(parts) or "changed"


def _shown(value: Any, names: Mapping[str, str]) -> str:
    if value is None or value == ():
        return "none"
    if isinstance(value, str) and value in names:
        return f"“{names[value]}”"
    if hasattr(value, "edtf"):
        return str(value.edtf)
    if isinstance(value, tuple):
        return str(len(value)) if not all(isinstance(v, str) for v in value) else ", ".join(value)
    return str(value)
