"""Apply a case's curation decisions to the resolved records.

A curator can merge records the resolver kept apart, split what it joined, accept or reject a
record, re-date or relabel an event, change an entity's kind, attribute a claim to another
claimant (or to an unnamed source), add an event the extractors missed (tied to the source
words, like every other fact), grade a source with the Admiralty code (reliability A-F,
credibility 1-6), resolve a date conflict by the document whose date stands, point a source citation at
another document of the case, and take back an earlier decision by a later one (undo; taking back an undo
brings its decision back). Decisions are applied in the order they were made; each one that
cannot be applied (its record is gone after a rebuild, or it does not fit the record's kind) is
skipped with a one-line reason, and the rest still apply. Every decision, applied or not, stays in the records
so that exports can state who curated what, when and why.

>>> from timeline_graph.model import Records
>>> curated, skipped = curate(Records(), [Decision.create(action="reject", targets=("evt-0",),
...                                                        agent="A. Curator", at="2026-01-02T03:04:05Z")])
>>> skipped
['decision dec-f8758437fcff2592 (reject evt-0): no record evt-0 in the case']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any

from .errors import ModelError
from .model import (
    ENTITY_KINDS,
    Citation,
    Claim,
    Decision,
    Entity,
    Event,
    Participant,
    Records,
    Report,
    record_id,
)

__all__ = ["CURATOR_EXTRACTOR", "DONE", "Curation", "apply_decisions", "created_id", "curate", "describe",
           "grade_words", "grades", "in_order", "skipped_reasons", "taken_back"]

#: The ``extractor`` of what a curator adds by hand.
CURATOR_EXTRACTOR = "curator"
#: Each action in the past tense, for sentences such as "accepted by Ana Ruiz".
DONE = {"merge": "merged", "split": "split", "accept": "accepted", "reject": "rejected", "redate": "re-dated",
        "add": "added", "grade": "graded", "relabel": "relabelled", "retype": "given another kind",
        "attribute": "re-attributed", "resolve": "resolved", "retarget": "re-targeted",
        "undo": "taken back", "add-claim": "added as a claim", "add-citation": "added as a source citation"}

_ID = attrgetter("id")
_KINDS = ("documents", "entities", "events", "claims", "citations", "conflicts", "quantities")
_PREFIX_KIND = {"doc": "documents", "ent": "entities", "evt": "events", "clm": "claims", "cit": "citations",
                "cfl": "conflicts", "qty": "quantities"}
_MERGEABLE = ("entities", "events", "claims")


class _Skip(Exception):
    """Why one decision cannot be applied."""


def created_id(decision: Decision) -> str | None:
    """The id of the record a decision makes: an added event, claim or citation, or the part split off."""
    if decision.action == "add":
        return record_id("evt", decision.id)
    if decision.action == "add-claim":
        return record_id("clm", decision.id)
    if decision.action == "add-citation":
        return record_id("cit", decision.id)
    if decision.action == "split":
        prefix = decision.targets[0].split("-", 1)[0] if decision.targets else ""
        return record_id(prefix, decision.id) if prefix in ("evt", "ent") else None
    return None


@dataclass(frozen=True)
class Curation:
    """The records with the decisions applied, what was skipped, and what changed.

    ``changed`` holds (kind, record) for every record a decision changed or made, and for the
    decisions themselves (kinds as the fields of :class:`Records`: "entities", "decisions");
    ``removed`` the ids of the records merged away or rejected. A graph of the records before
    is brought in line with these alone (:func:`~timeline_graph.graph.update_graph`).
    ``undone`` maps the id of each decision taken back to the id of the undo that took it back.
    """

    records: Records
    skipped: list[str]
    changed: tuple[tuple[str, Any], ...]
    removed: frozenset[str]
    undone: dict[str, str] = field(default_factory=dict)


def curate(records: Records, decisions: Iterable[Decision]) -> tuple[Records, list[str]]:
    """The records with every decision applied in order, and one line per decision skipped."""
    done = apply_decisions(records, decisions)
    return done.records, done.skipped


def apply_decisions(records: Records, decisions: Iterable[Decision]) -> Curation:
    """Every decision applied in order: the records, the lines of decisions skipped, what changed."""
    kept = list(decisions)
    undone, refused = taken_back(kept, earlier=records.decisions)
    state = _State(records)
    skipped: list[str] = []
    for decision in kept:
        try:
            if decision.id in refused:
                raise _Skip(refused[decision.id])
            if decision.action != "undo" and decision.id not in undone:
                state.apply(decision)
        except (_Skip, ModelError) as err:
            skipped.append(f"decision {decision.id} ({describe(decision)}): {err}")
    changed = [(kind, state.by_kind[kind][i]) for kind, i in sorted(state.touched) if i in state.by_kind[kind]]
    return Curation(state.records(tuple(kept)), skipped, (*changed, *(("decisions", d) for d in kept)),
                    frozenset(state.removed), {i: u.id for i, u in undone.items()})


def taken_back(decisions: Iterable[Decision], *, earlier: Iterable[Decision] = ()) -> tuple[
        dict[str, Decision], dict[str, str]]:
    """Which decisions later undos take back, and why an undo cannot apply.

    Returns (id of each decision taken back -> the undo that took it back, id of each undo that
    cannot apply -> why). Taking back an undo brings back what it took back.
    """
    by_id = {d.id: d for d in earlier}
    undone: dict[str, Decision] = {}
    refused: dict[str, str] = {}

    def take_back(target: str, undo: Decision) -> None:
        undone[target] = undo
        if by_id[target].action == "undo":
            for again in by_id[target].targets:
                if undone.get(again) is by_id[target]:
                    bring_back(again)

    def bring_back(target: str) -> None:
        undone.pop(target, None)
        if by_id[target].action == "undo":
            for again in by_id[target].targets:
                take_back(again, by_id[target])

    for decision in decisions:
        if decision.action == "undo":
            problem = _undo_problem(decision, by_id, undone)
            if problem:
                refused[decision.id] = problem
            else:
                for target in decision.targets:
                    take_back(target, decision)
        by_id[decision.id] = decision
    return undone, refused


def in_order(decisions: Iterable[Decision]) -> list[Decision]:
    """Decisions by time (then id), each undo after the decisions it takes back, as a log has
    them (a graph keeps no log order, and two decisions can share a second)."""
    ordered = sorted(decisions, key=lambda d: (d.at, d.id))
    known = {d.id for d in ordered}
    out: list[Decision] = []
    seen: set[str] = set()
    waiting: list[Decision] = []
    for decision in ordered:
        waiting.append(decision)
        ready = True
        while ready:
            ready = False
            for d in list(waiting):
                if d.action != "undo" or all(t in seen or t not in known for t in d.targets):
                    waiting.remove(d)
                    out.append(d)
                    seen.add(d.id)
                    ready = True
    return out + waiting


def _undo_problem(undo: Decision, by_id: dict[str, Decision], undone: dict[str, Decision]) -> str:
    """Why an undo cannot take back its targets, or ""."""
    if not undo.targets:
        return "it names no decision to take back"
    for target in undo.targets:
        if target not in by_id:
            return f"no earlier decision {target} to take back"
        if target in undone:
            by = undone[target]
            return f"decision {target} was already taken back by {by.agent} at {by.at}"
    return ""


def skipped_reasons(lines: Iterable[str]) -> dict[str, str]:
    """The id of each decision skipped -> why, from the lines :func:`apply_decisions` gives."""
    return {line.split(" ", 2)[1]: line.split("): ", 1)[-1] for line in lines}


def describe(decision: Decision, names: Mapping[str, str] | None = None) -> str:
    """A decision in a few words: ``merge ent-1 ent-2``, ``grade doc-3 B2``; with ``names``, the
    records named are quoted by name (``grade “Camera program grows” B2``)."""
    words = [decision.action, *(f"“{names[t]}”" if names and t in names else t for t in decision.targets)]
    if decision.action == "add":
        words.append(repr(decision.value or ""))
    elif decision.value:
        words.append(decision.value)
    if decision.time is not None:
        words.append(decision.time.edtf)
    return " ".join(words)


_RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
                "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
_CREDIBILITY = {"1": "confirmed by other sources", "2": "probably true", "3": "possibly true", "4": "doubtful",
                "5": "improbable", "6": "truth cannot be judged"}


def grade_words(code: str) -> str:
    """An Admiralty code in words.

    >>> grade_words("B2")
    'source usually reliable, information probably true'
    """
    return f"source {_RELIABILITY[code[0]]}, information {_CREDIBILITY[code[1]]}"


def grades(decisions: Iterable[Decision]) -> dict[str, Decision]:
    """The latest grade decision for each graded document or entity."""
    latest: dict[str, Decision] = {}
    for decision in sorted(decisions, key=lambda d: (d.at, d.id)):
        if decision.action == "grade":
            for target in decision.targets:
                latest[target] = decision
    return latest


class _State:
    """The records by kind and id while decisions are applied."""

    def __init__(self, records: Records) -> None:
        self.by_kind: dict[str, dict[str, Any]] = {k: {r.id: r for r in getattr(records, k)} for k in _KINDS}
        self.moved: dict[str, str] = {}  # id merged away -> id it was merged into
        self.earlier = records.decisions
        # kind -> id -> ids of the records of that kind that refer to it; made on the first merge
        # or reject, so that each looks at the records concerned, not at every record of the case
        self._referrers: dict[str, dict[str, set[str]]] = {}
        self.touched: set[tuple[str, str]] = set()  # (kind, id) of every record put
        self.removed: set[str] = set()  # ids of the records taken out
        self.rejected: set[str] = set()  # ids of the records a decision rejected

    def records(self, decisions: tuple[Decision, ...]) -> Records:
        parts = {k: tuple(sorted(v.values(), key=_ID)) for k, v in self.by_kind.items()}
        return Records(**parts, decisions=(*self.earlier, *decisions))

    # -- lookup ----------------------------------------------------------------------------------

    def find(self, record_id: str) -> tuple[str, Any]:
        """The kind and record of an id, following merges; _Skip if the case has none."""
        seen = set()
        while record_id in self.moved and record_id not in seen:
            seen.add(record_id)
            record_id = self.moved[record_id]
        kind = _PREFIX_KIND.get(record_id.split("-", 1)[0])
        for k in (kind,) if kind else _KINDS:
            if k and record_id in self.by_kind[k]:
                return k, self.by_kind[k][record_id]
        raise _Skip(f"no record {record_id} in the case")

    def put(self, kind: str, rec: Any) -> None:
        self.by_kind[kind][rec.id] = rec
        self.touched.add((kind, rec.id))
        self.removed.discard(rec.id)
        index = self._referrers.get(kind)
        if index is not None:
            for target in _references(kind, rec):
                index.setdefault(target, set()).add(rec.id)

    def remove(self, kind: str, record_id: str) -> None:
        self.by_kind[kind].pop(record_id, None)
        self.removed.add(record_id)

    def referring(self, kind: str, ids: Iterable[str]) -> list[Any]:
        """The records of ``kind`` that may refer to one of ``ids`` (each checks again)."""
        ids = list(ids)
        if kind != "conflicts" and not any(i.startswith("ent-") for i in ids):
            return []  # but for a conflict's items, a record refers to entities only
        index = self._referrers.get(kind)
        if index is None:
            index = self._referrers[kind] = {}
            for rec in self.by_kind[kind].values():
                for target in _references(kind, rec):
                    index.setdefault(target, set()).add(rec.id)
        found = self.by_kind[kind]
        return [found[key] for key in sorted({key for i in ids for key in index.get(i, ())}) if key in found]

    # -- actions -----------------------------------------------------------------------------------

    def apply(self, d: Decision) -> None:
        if not d.targets and d.action not in ("add", "add-claim", "add-citation"):
            raise _Skip("it names no record")
        getattr(self, f"_{d.action.replace('-', '_')}")(d)

    def _accept(self, d: Decision) -> None:
        for target in d.targets:
            self.find(target)

    def _grade(self, d: Decision) -> None:
        for target in d.targets:
            kind, _ = self.find(target)
            if kind not in ("documents", "entities"):
                raise _Skip(f"only a document or a source (person, organization) can be graded, not {target}")

    def _relabel(self, d: Decision) -> None:
        label = " ".join((d.value or "").split())
        if not label:
            raise _Skip("it gives no new label")
        for target in d.targets:
            kind, rec = self.find(target)
            if kind != "events":
                raise _Skip(f"only an event can be relabelled, not {target}")
            self.put(kind, replace(rec, label=label))

    def _retype(self, d: Decision) -> None:
        if d.value not in ENTITY_KINDS:
            raise _Skip(f"an entity's kind is one of {', '.join(ENTITY_KINDS)}, not {d.value!r}")
        for target in d.targets:
            kind, rec = self.find(target)
            if kind != "entities":
                raise _Skip(f"only an entity's kind can be changed, not {target}'s")
            self.put(kind, replace(rec, kind=d.value))

    def _attribute(self, d: Decision) -> None:
        kind, claim = self.find(d.targets[0])
        if kind != "claims":
            raise _Skip(f"only a claim can be attributed, not {d.targets[0]}")
        if len(d.targets) == 2 and d.value is None:
            who_kind, who = self.find(d.targets[1])
            if who_kind != "entities":
                raise _Skip(f"a claim is attributed to an entity, not {d.targets[1]}")
            self.put(kind, replace(claim, claimant=who.id, claimant_name=who.name, unnamed=False))
        elif len(d.targets) == 1 and d.value == "unnamed":
            self.put(kind, replace(claim, claimant=None, unnamed=True))
        else:
            raise _Skip("attribute a claim to an entity (its second target), or mark its source unnamed")

    def _resolve(self, d: Decision) -> None:
        kind, conflict = self.find(d.targets[0])
        if kind != "conflicts" or conflict.kind != "date":
            raise _Skip(f"only a date conflict is resolved by the date a document gives, not {d.targets[0]}")
        if d.value not in conflict.documents:
            raise _Skip(f"{d.value!r} is not one of the documents that disagree")
        for item in conflict.items:
            item_kind, event = self.find(item)
            stated = next((r.stated_time for r in getattr(event, "reports", ()) if r.document == d.value
                           and r.stated_time), None)
            if item_kind != "events" or stated is None:
                raise _Skip(f"{d.value} gives no date for {item}")
            self.put("events", replace(event, time=stated))

    def _retarget(self, d: Decision) -> None:
        if len(d.targets) != 2:
            raise _Skip("re-target a source citation: name the citation, then the document it cites")
        (kind, citation), (doc_kind, document) = self.find(d.targets[0]), self.find(d.targets[1])
        if kind != "citations" or doc_kind != "documents":
            raise _Skip(f"only a source citation is re-targeted, to a document of the case ({d.targets[1]} is not)"
                        if kind == "citations" else f"only a source citation is re-targeted, not {d.targets[0]}")
        if document.id == citation.document:
            raise _Skip("a document does not cite itself")
        self.put(kind, replace(citation, cites_document=document.id))
        self._check_attribution(citation.document)

    def _check_attribution(self, document: str) -> None:
        """Check again the claims of ``document`` (and their copies elsewhere) for statements
        credited to a document that does not contain them, as the build does: a re-targeted
        citation credits them to another document. A conflict a curator rejected stays out."""
        from .resolve.conflicts import attribution_conflicts

        claims = self.by_kind["claims"].values()
        statements = {c.cluster or c.id for c in claims if c.document == document}
        checked = [c for c in claims if (c.cluster or c.id) in statements]
        ids = {c.id for c in checked}
        found = {x.id: x for x in attribution_conflicts(checked, list(self.by_kind["citations"].values()),
                                                        list(self.by_kind["entities"].values()),
                                                        self.by_kind["documents"])}
        for old in [x for x in self.by_kind["conflicts"].values() if x.kind == "attribution" and ids & set(x.items)]:
            if old.id not in found:
                self.remove("conflicts", old.id)
        for conflict in found.values():
            if conflict.id not in self.rejected and self.by_kind["conflicts"].get(conflict.id) != conflict:
                self.put("conflicts", conflict)

    def _redate(self, d: Decision) -> None:
        if d.time is None:
            raise _Skip("it gives no new date")
        for target in d.targets:
            kind, rec = self.find(target)
            if kind in ("events", "quantities"):
                self.put(kind, replace(rec, time=d.time))
            else:
                raise _Skip(f"only an event or a figure can be re-dated, not {target}")

    def _add(self, d: Decision) -> None:
        if d.span is None or not d.value:
            raise _Skip("an added event needs a label and words of a document of the case that report it")
        self.find(d.span.document)
        participants = []
        for target in d.targets:
            kind, rec = self.find(target)
            if kind == "entities":
                participants.append(Participant(rec.id))
            elif kind != "documents":
                raise _Skip(f"an added event's participants are entities, not {target}")
        event = Event(id=created_id(d) or "", label=d.value, time=d.time, kind="event",
                      reports=(Report(d.span.document, d.span, d.time, CURATOR_EXTRACTOR),),
                      participants=tuple(dict.fromkeys(participants)))
        self.put("events", event)

    def _add_claim(self, d: Decision) -> None:
        if d.span is None:
            raise _Skip("an added claim needs the words of a document of the case that state it")
        self.find(d.span.document)
        claimant, name = None, None
        if d.targets:
            kind, who = self.find(d.targets[0])
            if kind != "entities" or len(d.targets) > 1:
                raise _Skip(f"an added claim's claimant is one entity, not {', '.join(d.targets)}")
            claimant, name = who.id, who.name
        elif d.value not in (None, "unnamed"):
            raise _Skip(f"an added claim's source is an entity or unnamed, not {d.value!r}")
        self.put("claims", Claim(id=created_id(d) or "", text=d.span.exact, document=d.span.document, span=d.span,
                                 claimant=claimant, claimant_name=name, unnamed=d.value == "unnamed",
                                 extractor=CURATOR_EXTRACTOR))

    def _add_citation(self, d: Decision) -> None:
        if d.span is None:
            raise _Skip("an added source citation needs the words of a document of the case that cite")
        self.find(d.span.document)
        cited, label = None, " ".join((d.value or "").split())
        if d.targets:
            kind, document = self.find(d.targets[0])
            if kind != "documents" or len(d.targets) > 1:
                raise _Skip(f"an added citation cites one document of the case, not {', '.join(d.targets)}")
            if document.id == d.span.document:
                raise _Skip("a document does not cite itself")
            cited, label = document.id, label or document.label
        if not label:
            raise _Skip("an added citation names the document of the case it cites, or the source's name")
        self.put("citations", Citation(id=created_id(d) or "", document=d.span.document, span=d.span,
                                       cites_label=label, cites_document=cited, extractor=CURATOR_EXTRACTOR))

    def _reject(self, d: Decision) -> None:
        found = [self.find(t) for t in d.targets]
        for kind, rec in found:
            if kind == "documents":
                raise _Skip(f"a document is not rejected but taken out of the case's files ({rec.id})")
        gone = {rec.id for _, rec in found}
        for kind, rec in found:
            self.remove(kind, rec.id)
        self.rejected |= gone
        self._drop_references(gone)

    def _merge(self, d: Decision) -> None:
        found = [self.find(t) for t in d.targets]
        ids = list(dict.fromkeys(rec.id for _, rec in found))
        if len(ids) < 2:
            raise _Skip("a merge needs two or more different records")
        kinds = {kind for kind, _ in found}
        if len(kinds) != 1 or not kinds <= set(_MERGEABLE):
            raise _Skip("only entities, events or claims of one kind can be merged")
        kind = kinds.pop()
        records = [self.by_kind[kind][i] for i in ids]
        keep, others = records[0], records[1:]
        if kind == "claims":
            cluster = keep.cluster or record_id("cluster", keep.id)
            clusters = {r.cluster for r in records} - {None}
            members = {c.id for c in self.by_kind["claims"].values() if c.id in ids or c.cluster in clusters}
            for member in members:
                self.put("claims", replace(self.by_kind["claims"][member], cluster=cluster))
            return
        if kind == "entities":
            if len({r.kind for r in records}) > 1:
                raise _Skip("entities of different kinds (a person and an organization) cannot be merged")
            names = [n for r in records for n in (r.name, *r.aliases) if n != keep.name]
            merged = replace(keep, aliases=tuple(dict.fromkeys(names)),
                             mentions=tuple(sorted({m.key: m for r in records for m in r.mentions}.values(),
                                                   key=lambda m: m.key)),
                             roles=tuple(dict.fromkeys(role for r in records for role in r.roles)))
        else:
            merged = replace(keep, reports=tuple({(r.span.key): r for e in records for r in e.reports}.values()),
                             participants=tuple(dict.fromkeys(p for e in records for p in e.participants)),
                             time=keep.time or next((e.time for e in others if e.time), None),
                             place=keep.place or next((e.place for e in others if e.place), None))
        for other in others:
            self.remove(kind, other.id)
            self.moved[other.id] = keep.id
        self.put(kind, merged)
        self._rewrite({o.id: keep.id for o in others})

    def _split(self, d: Decision) -> None:
        if len(d.targets) != 1:
            raise _Skip("a split acts on one record")
        kind, rec = self.find(d.targets[0])
        new_id = created_id(d) or ""
        if kind == "claims":
            if rec.cluster is None:
                raise _Skip(f"claim {rec.id} is in no cluster")
            self.put(kind, replace(rec, cluster=None))
        elif kind == "events":
            moved = tuple(r for r in rec.reports if r.document == d.value)
            if not moved or len(moved) == len(rec.reports):
                raise _Skip(f"split an event by one of its reporting documents, and not its only one (got {d.value!r})")
            self.put(kind, replace(rec, reports=tuple(r for r in rec.reports if r.document != d.value)))
            self.put(kind, replace(rec, id=new_id, reports=moved,
                                   time=next((r.stated_time for r in moved if r.stated_time), rec.time)))
        elif kind == "entities":
            alias = (d.value or "").casefold()
            if not alias or alias == rec.name.casefold():
                raise _Skip("split an entity by one of its aliases, not its name")
            moved_mentions = tuple(m for m in rec.mentions if m.exact.casefold() == alias)
            if not moved_mentions and alias not in (a.casefold() for a in rec.aliases):
                raise _Skip(f"{rec.id} has no alias {d.value!r}")
            self.put(kind, replace(rec, aliases=tuple(a for a in rec.aliases if a.casefold() != alias),
                                   mentions=tuple(m for m in rec.mentions if m.exact.casefold() != alias)))
            self.put(kind, Entity(id=new_id, kind=rec.kind, name=d.value or "", mentions=moved_mentions))
        else:
            raise _Skip(f"only an event, an entity or a claim can be split, not {rec.id}")

    # -- references ------------------------------------------------------------------------------

    def _rewrite(self, mapping: dict[str, str]) -> None:
        """Point every reference to a merged-away record at the record it was merged into."""
        def to(x: str | None) -> str | None:
            return mapping.get(x, x) if x is not None else None

        for e in self.referring("entities", mapping):
            if any(r.affiliation in mapping for r in e.roles):
                self.put("entities", replace(e, roles=tuple(replace(r, affiliation=to(r.affiliation))
                                                            for r in e.roles)))
        for ev in self.referring("events", mapping):
            if ev.place in mapping or any(p.entity in mapping for p in ev.participants):
                self.put("events", replace(ev, place=to(ev.place), participants=tuple(dict.fromkeys(
                    Participant(to(p.entity) or "", p.role) for p in ev.participants))))
        for c in self.referring("claims", mapping):
            if c.claimant in mapping or any(a in mapping for a in c.about):
                self.put("claims", replace(c, claimant=to(c.claimant),
                                           about=tuple(dict.fromkeys(to(a) or "" for a in c.about))))
        for cit in self.referring("citations", mapping):
            if cit.cites_entity in mapping:
                self.put("citations", replace(cit, cites_entity=to(cit.cites_entity)))
        for q in self.referring("quantities", mapping):
            if q.subject in mapping:
                self.put("quantities", replace(q, subject=to(q.subject)))
        for cf in self.referring("conflicts", mapping):
            if any(i in mapping for i in cf.items):
                self.put("conflicts", replace(cf, items=tuple(dict.fromkeys(to(i) or "" for i in cf.items))))

    def _drop_references(self, gone: set[str]) -> None:
        """Remove every reference to rejected records; a conflict about one goes with it."""
        for e in self.referring("entities", gone):
            if any(r.affiliation in gone for r in e.roles):
                self.put("entities", replace(e, roles=tuple(
                    replace(r, affiliation=None) if r.affiliation in gone else r for r in e.roles)))
        for ev in self.referring("events", gone):
            if ev.place in gone or any(p.entity in gone for p in ev.participants):
                self.put("events", replace(ev, place=None if ev.place in gone else ev.place, participants=tuple(
                    p for p in ev.participants if p.entity not in gone)))
        for c in self.referring("claims", gone):
            if c.claimant in gone or any(a in gone for a in c.about):
                self.put("claims", _claim_without(c, gone))
        for cit in self.referring("citations", gone):
            if cit.cites_entity in gone:
                self.put("citations", replace(cit, cites_entity=None))
        for q in self.referring("quantities", gone):
            if q.subject in gone:
                self.put("quantities", replace(q, subject=None))
        for cf in self.referring("conflicts", gone):
            if any(i in gone for i in cf.items):
                self.remove("conflicts", cf.id)


def _references(kind: str, rec: Any) -> Iterable[str]:
    """The ids of the records one record refers to: those a merge rewrites and a reject drops."""
    if kind == "entities":
        return [r.affiliation for r in rec.roles if r.affiliation]
    if kind == "events":
        return [*([rec.place] if rec.place else []), *(p.entity for p in rec.participants)]
    if kind == "claims":
        return [*([rec.claimant] if rec.claimant else []), *rec.about]
    if kind == "citations":
        return [rec.cites_entity] if rec.cites_entity else []
    if kind == "quantities":
        return [rec.subject] if rec.subject else []
    if kind == "conflicts":
        return list(rec.items)
    return []


def _claim_without(claim: Claim, gone: set[str]) -> Claim:
    return replace(claim, claimant=None if claim.claimant in gone else claim.claimant,
                   about=tuple(a for a in claim.about if a not in gone))
