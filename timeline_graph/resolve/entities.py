"""Entities of different documents that are one entity, by their names and aliases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..model import Claim, Entity, Event, Participant, Role
from .text import norm

__all__ = ["NESTED_NAMES_LIMIT", "merge_entities", "remap_claim", "remap_event"]

#: Past this many entities carrying one one-word name, their full names are not compared.
NESTED_NAMES_LIMIT = 50


def merge_entities(found: Iterable[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Entities of one kind that are one become one; returns them and old -> new ids.

    Names of two words or more are what tie entities of different documents: a shared one
    merges them. A one-word name (a surname, an acronym) stands for the entity its document
    linked it to, and two documents that link it to different full names ("Bill Clinton" and
    "Hillary Clinton" both say "Clinton"; "MSB" for two school boards) mean two entities,
    unless one full name holds the other's words ("Donald Trump", "Donald J. Trump"). An
    entity known only by a one-word name joins the one entity that carries it, if there is
    exactly one; else it stays with the others of that name.
    """
    items = list(found)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    keys = [{k for k in (norm(n) for n in (e.name, *e.aliases)) if k} for e in items]
    full = [{k for k in found_keys if " " in k} for found_keys in keys]
    owner: dict[tuple[str, str], int] = {}
    for i, entity in enumerate(items):
        for key in sorted(full[i]):
            union(i, owner.setdefault((entity.kind, key), i))
    # One-word names carried by entities with full names: merge those whose full names nest.
    carriers: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, entity in enumerate(items):
        if full[i]:
            for key in keys[i] - full[i]:
                carriers[(entity.kind, key)].add(i)
    for _key, members in sorted(carriers.items()):
        by_root: dict[int, set[frozenset[str]]] = defaultdict(set)
        for i in members:
            by_root[root(i)] |= {words for words in (frozenset(k.split()) for k in full[i]) if len(words) > 1}
        roots = sorted(by_root)
        if len(roots) > NESTED_NAMES_LIMIT:  # a word that many entities carry tells nothing
            continue
        for n, a in enumerate(roots):
            for b in roots[n + 1 :]:
                if any(x <= y or y <= x for x in by_root[a] for y in by_root[b]):
                    union(a, b)
    carried: dict[tuple[str, str], set[int]] = defaultdict(set)
    for (kind, key), members in carriers.items():
        carried[(kind, key)] = {root(i) for i in members}
    alone: dict[tuple[str, str], int] = {}
    for i, entity in enumerate(items):
        if full[i]:
            continue
        targets = set().union(*(carried.get((entity.kind, k), set()) for k in keys[i])) if keys[i] else set()
        if len(targets) == 1:
            union(i, targets.pop())
        else:
            for key in sorted(keys[i]):
                union(i, alone.setdefault((entity.kind, key), i))
    groups: dict[int, list[Entity]] = defaultdict(list)
    for i, entity in enumerate(items):
        groups[root(i)].append(entity)

    merged: dict[str, Entity] = {}
    remap: dict[str, str] = {}
    for group in groups.values():
        names = {n for e in group for n in (e.name, *e.aliases)}
        canonical = min((e.name for e in group), key=lambda n: (-len(n.split()), -len(n), n))
        new_id = Entity.id_for(group[0].kind, canonical)
        for e in group:
            remap[e.id] = new_id
        previous = merged.get(new_id)
        mentions = {m.key: m for e in group for m in e.mentions}
        found_roles = [r for e in group for r in e.roles]
        if previous:
            names |= {previous.name, *previous.aliases}
            mentions |= {m.key: m for m in previous.mentions}
            found_roles += previous.roles
        roles: dict[tuple[str, tuple[str, int, int]], Role] = {}
        for r in sorted(found_roles, key=lambda r: (r.title, r.span.key, r.affiliation or "")):
            roles.setdefault((r.title, r.span.key), r)  # one role a span: the first affiliation
        merged[new_id] = Entity(
            id=new_id,
            kind=group[0].kind,
            name=canonical,
            # "Rs" and "RS" fold alike: the names themselves break the tie, not the order of a set
            aliases=tuple(sorted(names - {canonical}, key=lambda n: (n.casefold(), n))),
            mentions=tuple(mentions[k] for k in sorted(mentions)),
            roles=tuple(roles[k] for k in sorted(roles)),
        )
    for entity_id, entity in merged.items():
        affiliated = tuple(
            replace(r, affiliation=remap.get(r.affiliation, r.affiliation)) if r.affiliation else r
            for r in entity.roles
        )
        merged[entity_id] = replace(entity, roles=affiliated)
    return list(merged.values()), remap


def remap_event(event: Event, remap: dict[str, str]) -> Event:
    """The event with its participants and place pointing at merged entities."""
    pairs = dict.fromkeys((remap.get(p.entity, p.entity), p.role) for p in event.participants)
    participants = tuple(Participant(entity, role) for entity, role in pairs)
    place = remap.get(event.place, event.place) if event.place else None
    return Event(event.id, event.label, event.time, event.reports, participants, place, event.kind)


def remap_claim(claim: Claim, remap: dict[str, str]) -> Claim:
    """The claim with its claimant and subjects pointing at merged entities."""
    claimant = remap.get(claim.claimant, claim.claimant) if claim.claimant else None
    about = tuple(dict.fromkeys(remap.get(a, a) for a in claim.about))
    return replace(claim, claimant=claimant, about=about)
