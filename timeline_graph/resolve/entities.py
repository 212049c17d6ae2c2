"""Entities of one kind that share a name or an alias become one entity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..model import Claim, Entity, Event, Participant, Role
from .text import norm

__all__ = ["merge_entities", "remap_claim", "remap_event"]


def merge_entities(found: Iterable[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Entities of one kind sharing a name or alias become one; returns them and old -> new ids."""
    items = list(found)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, entity in enumerate(items):
        for name in (entity.name, *entity.aliases):
            key = (entity.kind, norm(name))
            if not key[1]:
                continue
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
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
    participants = tuple(dict.fromkeys(Participant(remap.get(p.entity, p.entity), p.role) for p in event.participants))
    place = remap.get(event.place, event.place) if event.place else None
    return replace(event, participants=participants, place=place)


def remap_claim(claim: Claim, remap: dict[str, str]) -> Claim:
    """The claim with its claimant and subjects pointing at merged entities."""
    claimant = remap.get(claim.claimant, claim.claimant) if claim.claimant else None
    about = tuple(dict.fromkeys(remap.get(a, a) for a in claim.about))
    return replace(claim, claimant=claimant, about=about)
