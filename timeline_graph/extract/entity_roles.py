"""The roles the text gives people: titles before names, appositives, labelled credits."""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Document, Entity, Role, Span
from ..nlp import Parse
from .entity_candidates import Candidate
from .entity_words import gazetteer, pattern
from .text import LOWER, UPPER, Intervals

_APPOSITIVE = re.compile(
    rf"^,\s+(?:a|an|the)\s+(?P<title>[{LOWER}][{LOWER} -]{{2,60}}?)\s+(?:at|with|for|of|from)\s+(?:the\s+)?$"
)

_TWO_WORD_TITLE = re.compile(rf"(?:^|[\s(\"“-])(?P<title>[{UPPER}][{LOWER}]+ [{UPPER}][{LOWER}]+)\s$")
_ONE_WORD_TITLE = re.compile(rf"(?:^|[\s(\"“-])(?P<title>[{UPPER}{LOWER}][{UPPER}{LOWER}.-]+)\s$")


def with_roles(doc: Document, entities: list[Entity], cands: list[Candidate], parse: Parse) -> list[Entity]:
    """Attach the roles the text states: titles before names, appositives, labelled credits."""
    text = doc.text
    gaz = gazetteer()
    sentence_bounds = Intervals((s, e, None) for s, e in parse.sentence_bounds())
    orgs = [e for e in entities if e.kind == "organization"]
    org_spans = Intervals(sorted((m.start, m.end, e.id) for e in orgs for m in e.mentions))
    outlet_ids = {e.id for e in orgs if e.name in gaz.outlets}
    by_title: dict[str, str | None] = {}  # the first organization named right before a title
    org_by_span: dict[tuple[int, int], str] = {}
    for s, e, entity_id in org_spans.items:
        org_by_span.setdefault((s, e), entity_id)

    def org_at(start: int, end: int) -> str | None:
        return org_by_span.get((start, end))

    roles: dict[str, list[Role]] = defaultdict(list)
    persons = [e for e in entities if e.kind == "person"]
    for person in persons:
        for mention in person.mentions:
            # A title right before the name: "Detective Ann Lowe", "spokesman Tom Hale".
            before = text[max(0, mention.start - 60) : mention.start]
            for title_match in (
                _TWO_WORD_TITLE.search(before),
                _ONE_WORD_TITLE.search(before),
            ):
                if not title_match:
                    continue
                title = title_match.group("title")
                if title in gaz.person_titles and title not in gaz.honorifics:
                    t_start = mention.start - len(before) + title_match.start("title")
                    affiliation = _affiliation(
                        text, title, t_start, org_spans, outlet_ids, sentence_bounds, by_title
                    )
                    roles[person.id].append(
                        Role(title, Span.at(doc, t_start, mention.end), affiliation)
                    )
                    break
            # An appositive: "Ann Lowe, a policy analyst with the Water Board".
            after = text[mention.end : mention.end + 120]
            for s, e, org_id in org_spans.starting_in(mention.end + 1, mention.end + 121)[:1]:
                ap = _APPOSITIVE.match(text[mention.end : s])
                if ap:
                    roles[person.id].append(
                        Role(ap.group("title"), Span.at(doc, mention.start, e), org_id)
                    )
                break
            del after
    person_at: dict[tuple[int, int], str] = {}
    for p in persons:
        for m in p.mentions:
            person_at.setdefault((m.start, m.end), p.id)
    for cand in cands:
        if not cand.role:
            continue
        title, start, end, org = cand.role
        person_id = person_at.get((cand.start, cand.end))
        if person_id:
            affiliation = org_at(*org) if org else None
            roles[person_id].append(
                Role(title, Span.at(doc, start, org[1] + 1 if org else end), affiliation)
            )
    out = []
    for entity in entities:
        found = roles.get(entity.id)
        if found:
            unique = {(r.title, r.span.start, r.span.end): r for r in found}
            entity = Entity(
                entity.id,
                entity.kind,
                entity.name,
                entity.aliases,
                entity.mentions,
                tuple(unique[k] for k in sorted(unique, key=lambda k: k[1])),
            )
        out.append(entity)
    return out


def _affiliation(
    text: str,
    title: str,
    title_start: int,
    org_spans: Intervals[str],
    outlet_ids: set[str],
    sentence_bounds: Intervals[None],
    by_title: dict[str, str | None],
) -> str | None:
    """The organization a title belongs to: "ORG title" anywhere, else an earlier org nearby.

    ``by_title`` keeps the first answer for each title (it does not depend on where the title is).
    """
    if title not in by_title:
        by_title[title] = next(
            (
                org_id
                for _s, e, org_id in org_spans.items
                if org_id not in outlet_ids
                and pattern(rf"\s+{re.escape(title)}\b", re.IGNORECASE).match(text[e : e + len(title) + 3])
            ),
            None,
        )
    if by_title[title] is not None:
        return by_title[title]
    sentence = sentence_bounds.around(title_start)
    if sentence:
        before = [
            org_id
            for s, e, org_id in org_spans.inside(sentence[0], title_start)
            if org_id not in outlet_ids
        ]
        if before:
            return before[-1]
    return None
