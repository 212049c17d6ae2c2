"""What the app's curation widgets need, as plain functions: the actions each kind of item offers,
a decision from what a curator filled in, each decision's standing, and the log filtered.

>>> form = Form(action="relabel", item="evt-1", reason="clearer", label="Footage asked for")
>>> decision_from(form, "Ana", "2026-01-02T03:04:05Z").value
'Footage asked for'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import unquote

from ..curate import DONE, describe, taken_back
from ..errors import ModelError
from ..model import (
    ADMIRALTY_CODE,
    ENTITY_KINDS,
    Decision,
    DecisionAction,
    Document,
    Span,
    TimeValue,
)
from ..review import history

__all__ = ["ACTIONS", "CURATOR_COOKIE", "Form", "curator_from", "decision_from", "history_lines", "last_in_force", "matching", "occurrence",
           "occurrences", "retargeted", "selected_words", "standing"]

#: Item kind -> the actions offered on it (form action -> words on the button).
ACTIONS: dict[str, dict[str, str]] = {
    "event": {"reject": "Reject", "redate": "Re-date", "relabel": "Relabel", "merge": "Merge with another event",
              "split": "Split a report off (another event)"},
    "entity": {"merge": "Merge with another entity", "retype": "Change its kind",
               "split": "Split an alias off (another entity)"},
    "claim": {"reject": "Reject", "attribute": "Change the claimant", "unnamed": "Mark its source unnamed",
              "merge": "Link to the claim it repeats"},
    "conflict": {"resolve": "Resolve: say whose date stands"},
    "citation": {"retarget": "Point it at a document of the case"},
    "document": {"grade": "Grade the source", "add": "Add an event from words of this document",
                 "add-claim": "Add a claim from words of this document",
                 "add-citation": "Add a source citation from words of this document",
                 "retarget": "Point one of its source citations at a document of the case"},
}

#: The browser cookie keeping the curator's name between the sessions of one browser.
CURATOR_COOKIE = "tg_curator"


def curator_from(cookies: Mapping[str, str]) -> str:
    """The curator's name a browser keeps in its :data:`CURATOR_COOKIE` (percent-encoded), or "".

    >>> curator_from({"tg_curator": "Ana%20Ru%C3%ADz"}), curator_from({})
    ('Ana Ruíz', '')
    """
    return " ".join(unquote(cookies.get(CURATOR_COOKIE) or "").split())[:200]


@dataclass(frozen=True)
class Form:
    """What a curator filled in for one action on one item."""

    action: str
    item: str
    reason: str
    date: str = ""
    label: str = ""
    other: str | None = None  # the record merged in, the new claimant ("unnamed": none named), the document cited
    kind: str = ""
    grade: str = ""
    quote: str = ""  # add, add-claim, add-citation: the document's words
    occurrence: int = 1  # add, add-claim, add-citation: which time those words occur in the document
    part: str = ""  # split: the reporting document or the alias split off


def decision_from(form: Form, agent: str, at: str, document: Document | None = None) -> Decision:
    """The decision a form asks for; ModelError saying, in one line, what is missing or wrong.

    ``document`` is the item of an ``add``: the event is cited to the words given, exactly.
    """
    if not agent.strip():
        raise ModelError("give your name as curator first (in the sidebar)")
    action, value, time, span = form.action, None, None, None
    targets: tuple[str, ...] = (form.item,)
    if action == "redate":
        if not form.date.strip():
            raise ModelError("give the new date in EDTF: 2020-06-16, 2020-06, 2020-21 (summer), 2020~, 2019/2021")
        time = TimeValue.from_edtf(form.date.strip())
    elif action == "relabel":
        value = " ".join(form.label.split())
        if not value:
            raise ModelError("give the new label")
    elif action in ("merge", "attribute"):
        if not form.other:
            raise ModelError("pick the record to merge with" if action == "merge" else "pick the new claimant")
        targets = (form.item, form.other)
    elif action == "retarget":
        if not (form.part and form.other):
            raise ModelError("pick the source citation, then the document it cites")
        targets = (form.part, form.other)
    elif action == "resolve":
        if not form.other:
            raise ModelError("pick the document whose date stands")
        value = form.other
    elif action == "split":
        if not form.part:
            raise ModelError("pick what to split off")
        value = form.part
    elif action == "retype":
        if form.kind not in ENTITY_KINDS:
            raise ModelError(f"pick a kind: {', '.join(ENTITY_KINDS)}")
        value = form.kind
    elif action == "unnamed":
        action, value = "attribute", "unnamed"
    elif action == "add":
        targets, value = (), " ".join(form.label.split())
        if document is None or not form.quote:
            raise ModelError("copy the words that report the event from the document's text")
        span = occurrence(document, form.quote, form.occurrence)
        if not value:
            raise ModelError("say what happened, in a few words (the event's label)")
        time = TimeValue.from_edtf(form.date.strip()) if form.date.strip() else None
    elif action in ("add-claim", "add-citation"):
        if document is None or not form.quote:
            raise ModelError("select the words in the document's text (or copy them from it)")
        span = occurrence(document, form.quote, form.occurrence)
        label = " ".join(form.label.split())
        if action == "add-claim" and not form.other:
            raise ModelError("pick who makes the claim, or say its source is unnamed")
        if action == "add-claim":
            targets, value = ((), "unnamed") if form.other == "unnamed" else ((form.other or "",), None)
        elif not (form.other or label):
            raise ModelError("pick the document of the case it cites, or give the source's name")
        else:
            targets, value = ((form.other,) if form.other else ()), (None if form.other else label)
    elif action == "grade":
        if not ADMIRALTY_CODE.fullmatch(form.grade):
            raise ModelError("pick the source's reliability (A-F) and the information's credibility (1-6)")
        value = form.grade
    if not form.reason.strip():
        raise ModelError("say why: the reason is kept with the decision")
    return Decision.create(action=_action(action), targets=targets, agent=" ".join(agent.split()), at=at,
                           reason=form.reason.strip(), value=value, time=time, span=span)


def occurrences(document: Document, words: str) -> int:
    """How many times ``words`` occur in a document's text (overlaps too, as :func:`occurrence` counts)."""
    count, start = 0, document.text.find(words) if words else -1
    while start >= 0:
        count += 1
        start = document.text.find(words, start + 1)
    return count


def selected_words(document: Document, state: object) -> tuple[str, int, Any] | None:
    """The words a curator selected in a document's text (the state of
    :func:`~timeline_graph.app.component.selectable_text`), as (the words, which time they occur
    in the text, what tells this selection from an earlier one), or None if there is none.

    Space at either end of the selection is left out, so the span is exactly the words.

    >>> doc = Document.create(sha256="0" * 64, text="The council met. The council voted.", source="a.txt")
    >>> selected_words(doc, {"selection": {"start": 20, "end": 29, "n": 7}})
    ('council', 2, 7)
    """
    try:
        selection = state["selection"]  # type: ignore[index]
        start, end, token = int(selection["start"]), int(selection["end"]), selection.get("n")
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    text = document.text
    if not 0 <= start < end <= len(text):
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    words = text[start:end]
    nth, at = 0, -1
    while True:
        at = text.find(words, at + 1)
        nth += 1
        if at == start:
            return words, nth, token


def occurrence(document: Document, words: str, n: int = 1) -> Span:
    """The span of the ``n``-th time ``words`` occur in a document; ModelError if they do not."""
    start = -1
    for _ in range(max(n, 1)):
        start = document.text.find(words, start + 1)
        if start < 0:
            break
    if start < 0:
        raise ModelError("these words are not in the document's text: copy them exactly as shown")
    return Span.at(document, start, start + len(words))


def _action(name: str) -> DecisionAction:
    if name not in DONE:
        raise ModelError(f"unknown action {name!r}")
    return name  # type: ignore[return-value]


def standing(decisions: Sequence[Decision]) -> dict[str, str]:
    """Each decision taken back -> a few words saying by whom and when."""
    undone, _ = taken_back(decisions)
    return {i: f"taken back by {u.agent} on {_day(u.at)}" for i, u in undone.items()}


def last_in_force(decisions: Sequence[Decision], agent: str | None = None) -> Decision | None:
    """The latest decision (by ``agent``, when given) that is not an undo and has not been taken
    back, or None. With several curators at work, one's undo takes back their own last decision,
    never the one another curator has just made."""
    undone = standing(decisions)
    return next((d for d in reversed(decisions) if d.action != "undo" and d.id not in undone
                 and (agent is None or d.agent == agent)), None)


def history_lines(decisions: Sequence[Decision], item: str, names: Mapping[str, str] | None = None,
                  ) -> list[tuple[Decision, str]]:
    """The decisions about one item, oldest first, each with a line saying what (the records it
    names by their ``names``), who, when, why."""
    undone = standing(decisions)
    lines = []
    for d in history(decisions, item):
        what = f"{DONE[d.action]}: {describe(d, names)}"
        why = f" — {d.reason}" if d.reason else ""
        status = f" ({undone[d.id]})" if d.id in undone else ""
        lines.append((d, f"{what} · {d.agent}, {_day(d.at)}{why}{status}"))
    return lines


def matching(decisions: Sequence[Decision], *, curator: str | None = None, action: str | None = None,
             item: str = "", since: date | None = None, names: Mapping[str, str] | None = None) -> list[Decision]:
    """The decisions by a curator, of an action, about an item (words of its id or of its name
    in ``names``; an undo is about what it takes back), made on or after a day."""
    words = item.strip().casefold()
    names = names or {}
    about: set[str] = set()
    for d in decisions if words else ():
        if any(words in t.casefold() or words in names.get(t, "").casefold() or t in about
               for t in (*d.targets, d.id)):
            about.add(d.id)
    return [d for d in decisions
            if (curator is None or d.agent == curator) and (action is None or d.action == action)
            and (not words or d.id in about) and (since is None or date.fromisoformat(d.at[:10]) >= since)]


def _day(at: str) -> str:
    day = date.fromisoformat(at[:10])
    return f"{day.day} {day:%B %Y} {at[11:16]} UTC"


def retargeted(orphan: Decision, targets: Mapping[str, str], agent: str, at: str, reason: str) -> tuple[
        Decision, Decision]:
    """A decision that no longer applies, made again on other records: (the same decision with
    each target in ``targets`` replaced, an undo taking the orphan back and naming its
    replacement). Nothing is dropped: the orphan stays in the log, taken back.

    >>> old = Decision.create(action="reject", targets=("evt-gone",), agent="Bo", at="2026-01-02T03:04:05Z")
    >>> new, undo = retargeted(old, {"evt-gone": "evt-1"}, "Ana", "2026-01-03T00:00:00Z", "rebuilt")
    >>> new.targets, undo.targets == (old.id,), undo.reason == f"re-targeted as {new.id}: rebuilt"
    (('evt-1',), True, True)
    """
    if not agent.strip():
        raise ModelError("give your name as curator first (in the sidebar)")
    if not reason.strip():
        raise ModelError("say why: the reason is kept with the decision")
    if orphan.action == "undo":
        raise ModelError("an undo is not re-targeted: take back the decision it names instead")
    unknown = set(targets) - set(orphan.targets)
    if unknown:
        raise ModelError(f"{', '.join(sorted(unknown))} is not a target of {orphan.id}")
    chosen = {old: new for old, new in targets.items() if new}
    if not chosen:
        raise ModelError("pick the record each missing one should be replaced by")
    for old, new in chosen.items():
        if old.split("-", 1)[0] != new.split("-", 1)[0]:
            raise ModelError(f"{old} is re-targeted to a record of the same kind, not {new}")
    agent, reason = " ".join(agent.split()), reason.strip()
    again = Decision.create(action=orphan.action, targets=tuple(chosen.get(t, t) for t in orphan.targets),
                            agent=agent, at=at, reason=f"{orphan.reason} (re-targeted from {orphan.id}: {reason})"
                            if orphan.reason else f"re-targeted from {orphan.id}: {reason}",
                            value=orphan.value, time=orphan.time, span=orphan.span)
    undo = Decision.create(action="undo", targets=(orphan.id,), agent=agent, at=at,
                           reason=f"re-targeted as {again.id}: {reason}")
    return again, undo
