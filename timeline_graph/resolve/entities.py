"""Entities of different documents that are one entity, by their names and aliases."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..extract.entities import gazetteer
from ..model import Claim, Entity, EntityKind, Event, Participant, Role
from .text import norm

__all__ = ["NESTED_NAMES_LIMIT", "merge_entities", "one_kind_a_name", "remap_claim", "remap_event"]

#: Past this many entities carrying one one-word name, their full names are not compared.
NESTED_NAMES_LIMIT = 50


def _compared(name: str) -> str:
    """A name as resolution compares it: normalized, without a leading article ("the Verge" is
    "The Verge", written mid-sentence)."""
    return norm(name).removeprefix("the ")


def one_kind_a_name(found: Iterable[Entity]) -> list[Entity]:
    """The entities as found, each name of the case with one kind: where documents type one name
    differently ("Amazon" an organization in most of them, a person in one), the kind with
    the most mentions across the case stands, and only a kind with fewer gives way; between as
    many, a person read with a title ("Detective ...") stands, else each document keeps its
    own. A country, a state or a large city the shipped lists know is a place, if a document
    typed it so. A person read with a title keeps that kind whatever the others say
    (the chief named Lee Park and the park of that name are two); a title stays only on a person."""
    items = list(found)
    mentions: dict[str, Counter[EntityKind]] = defaultdict(Counter)
    titled: set[tuple[str, EntityKind]] = set()
    for entity in items:
        mentions[_compared(entity.name)][entity.kind] += max(len(entity.mentions), 1)
        # A short form's mentions vote for it too: "Lowe" is a person in a case where the
        # documents that name Ann Lowe call her "Lowe" forty times, whatever one document made
        # of a "Lowe" it never wrote in full.
        short: Counter[str] = Counter(_compared(m.exact) for m in entity.mentions)
        for alias in {_compared(a) for a in entity.aliases} - {_compared(entity.name)}:
            if short[alias]:
                mentions[alias][entity.kind] += short[alias]
        if entity.roles:
            titled.add((_compared(entity.name), entity.kind))

    def weight(name: str, kind: EntityKind) -> tuple[int, bool]:
        return mentions[name][kind], (name, kind) in titled

    def most(name: str) -> EntityKind:
        """The kind of most weight for a name; between as heavy, the first by name."""
        return min(mentions[name], key=lambda k: (tuple(-w for w in weight(name, k)), k))

    voted = []
    for entity in items:
        name = _compared(entity.name)
        known = _known_kind(entity.name, mentions[name])
        kind = known if known is not None else most(name)
        gives_way = entity.kind != kind and (known is not None or weight(name, entity.kind) < weight(name, kind))
        if gives_way and not (entity.kind == "person" and entity.roles):
            entity = replace(entity, kind=kind, roles=entity.roles if kind == "person" else ())
        voted.append(entity)
    return voted


def _known_kind(name: str, kinds: Counter[EntityKind]) -> EntityKind | None:
    """The kind the shipped lists give a name (a country, a state or a large city is a place),
    when one of its documents typed it so."""
    return "place" if name in gazetteer().places and "place" in kinds else None


def merge_entities(found: Iterable[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Entities of one kind that are one become one; returns them and old -> new ids.

    An entity's own full name (two words or more) is what ties documents: the same one merges
    them. An alias (a surname, an acronym, a short form) stands for the entity its document
    linked it to: two documents that link it to different full names ("Bill Clinton" and
    "Hillary Clinton" both say "Clinton"; "MSB" for two school boards; "Tenants Council" for
    the councils of two towns) mean two entities, unless the full names of one nest in those
    of exactly one other ("Donald Trump", "Donald J. Trump"). An entity known only by a
    one-word name joins the one entity that carries it, if there is exactly one; else it
    stays with the others of that name.
    """
    items = one_kind_a_name(found)
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

    keys = [{k for k in (_compared(n) for n in (e.name, *e.aliases)) if k} for e in items]
    own = [_compared(e.name) for e in items]
    full = [" " in name for name in own]
    # The same full name (two words or more) as their own: one entity.
    owner: dict[tuple[str, str], int] = {}
    for i, entity in enumerate(items):
        if full[i]:
            union(i, owner.setdefault((entity.kind, own[i]), i))
    # Entities sharing a name besides (an alias, a surname) merge when the full names of one
    # nest in those of exactly one other: "Donald Trump" in "Donald J. Trump", not "George
    # Bush" in both "George W. Bush" and "George H. W. Bush", nor "Tenants Council" in every
    # town's council.
    carriers: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, entity in enumerate(items):
        if full[i]:
            for key in keys[i]:
                carriers[(entity.kind, key)].add(i)
    full_names: dict[int, set[frozenset[str]]] = defaultdict(set)
    for i in range(len(items)):
        if full[i]:
            full_names[root(i)].add(frozenset(own[i].split()))
    nests_in: dict[int, set[int]] = defaultdict(set)
    for _key, members in sorted(carriers.items()):
        roots = sorted({root(i) for i in members})
        if not 1 < len(roots) <= NESTED_NAMES_LIMIT:  # a name that many entities carry tells nothing
            continue
        for a in roots:
            for b in roots:
                if a != b and any(len(x) > 1 and x <= y for x in full_names[a] for y in full_names[b]):
                    nests_in[a].add(b)
    for a, into in sorted(nests_in.items()):
        if len(into) == 1:
            union(a, next(iter(into)))
    # An entity known by one-word names only joins the one entity that carries its name, if
    # there is exactly one; else it stays with the others of that name.
    carried = {key: {root(i) for i in members} for key, members in carriers.items()}
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
    """The event with its participants and place pointing at merged entities (the event itself
    when none of them was merged)."""
    if all(remap.get(p.entity, p.entity) == p.entity for p in event.participants) \
            and (not event.place or remap.get(event.place, event.place) == event.place) \
            and len(set(event.participants)) == len(event.participants):
        return event
    pairs = dict.fromkeys((remap.get(p.entity, p.entity), p.role) for p in event.participants)
    participants = tuple(Participant(entity, role) for entity, role in pairs)
    place = remap.get(event.place, event.place) if event.place else None
    return Event(event.id, event.label, event.time, event.reports, participants, place, event.kind)


def remap_claim(claim: Claim, remap: dict[str, str]) -> Claim:
    """The claim with its claimant and subjects pointing at merged entities (the claim itself
    when none of them was merged)."""
    claimant = remap.get(claim.claimant, claim.claimant) if claim.claimant else None
    about = tuple(dict.fromkeys(remap.get(a, a) for a in claim.about))
    if claimant == claim.claimant and about == claim.about:
        return claim
    return replace(claim, claimant=claimant, about=about)
