"""What the app shows, as pure functions of the graph: escaped HTML, passages, event details and
document tables (the timeline chart is in :mod:`chart`).

Nothing here imports Streamlit, so every view is testable on its own. Document content (text,
titles, labels, names) is never trusted: :func:`safe_text` escapes it for HTML *and* for
Streamlit's Markdown (links, emphasis, ``$math$``, ``:emoji:``) before any markup is added.

>>> safe_text("<script>alert(1)</script>")
'&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;'
>>> counted(1, "entities"), counted(2, "events")
('1 entity', '2 events')
>>> passage_html("Police asked on June 16 for footage.", 16, 23, context=6)
'…on <mark class="tg-hit">June 16</mark> for…'
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx

from ..curate import DONE, grade_words, grades, in_order, taken_back
from ..graph import (
    CASE,
    CLAIM_KIND,
    CONFLICT_KIND,
    DOCUMENT_KIND,
    ENTITY_KIND,
    EVENT_KIND,
    KIND,
    claims,
    conflicts,
    decisions,
    decisions_about,
    documents,
    events,
    record,
)
from ..model import Claim, Conflict, Document, Event, Span
from ..timeline import describe_time
from .explore import CaseIndex, Item, case_index, cited_item, claim_source, item_link

__all__ = [
    "CaseSummary",
    "ClaimView",
    "EventDetail",
    "Highlight",
    "ReportView",
    "case_summary",
    "counted",
    "document_highlights",
    "document_html",
    "document_items",
    "document_table",
    "event_detail",
    "events_in_document",
    "is_kind",
    "passage_html",
    "reflow",
    "safe_text",
    "short",
]

#: Characters of document text shown around a cited passage.
PASSAGE_CONTEXT = 220


# Markdown (and Streamlit's Markdown extensions: ``$math$``, ``:emoji:``, ``:red[...]``) gives
# meaning to these characters besides HTML's; as character references they are plain text to
# both the Markdown parser and the HTML parser. One pass, so no reference is escaped twice.
_SPECIAL = re.compile(r"[&<>\"'\\`*_\[\]{}()#+\-!|~$:=^]")
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def safe_text(value: object) -> str:
    """Text made inert for ``st.markdown(..., unsafe_allow_html=True)``: HTML and Markdown escaped."""
    text = str(value).replace("\r\n", "\n")
    escaped = _SPECIAL.sub(lambda m: _NAMED.get(m.group(), f"&#{ord(m.group())};"), text)
    return escaped.replace("\n", "<br>")


def counted(n: int, plural: str) -> str:
    """``"1 event"``, ``"2 events"``, ``"1 entity"``: a count with its noun."""
    if n == 1:
        plural = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    return f"{n} {plural}"


_LINE_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def reflow(text: str) -> str:
    """Single line breaks as spaces, as Markdown reads them; same length, so offsets still hold."""
    return _LINE_BREAK.sub(" ", text)


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


# ---------------------------------------------------------------------------------------------
# The case


@dataclass(frozen=True)
class CaseSummary:
    """A case's title, description and how many records of each kind it has."""

    title: str
    description: str
    counts: tuple[tuple[str, int], ...]


def case_summary(G: nx.MultiDiGraph) -> CaseSummary:
    """The title, description and record counts shown in the sidebar."""
    settings = G.graph.get(CASE, {})
    kinds = Counter(kind for _, kind in G.nodes(data=KIND))  # one pass: a large case has many nodes
    counts = tuple((name, kinds[kind]) for name, kind in (
        ("documents", DOCUMENT_KIND), ("events", EVENT_KIND), ("entities", ENTITY_KIND), ("claims", CLAIM_KIND),
        ("conflicts", CONFLICT_KIND)))
    return CaseSummary(str(settings.get("title") or "Untitled case"), str(settings.get("description") or ""), counts)


# ---------------------------------------------------------------------------------------------
# Passages


def passage_html(text: str, start: int, end: int, *, context: int = PASSAGE_CONTEXT) -> str:
    """``text[start:end]`` highlighted in ``<mark>``, with up to ``context`` characters around it.

    The context is cut at a word boundary and marked with an ellipsis where text was left out.
    Everything is escaped with :func:`safe_text`; the ``<mark>`` is the only markup.
    """
    lo, hi = _around(text, start, end, context)
    text = reflow(text)  # a passage reads as prose; paragraph breaks stay
    before = ("…" if lo > 0 else "") + safe_text(text[lo:start].lstrip("\n"))
    after = safe_text(text[end:hi].rstrip("\n")) + ("…" if hi < len(text) else "")
    return f'{before}<mark class="tg-hit">{safe_text(text[start:end])}</mark>{after}'


def _around(text: str, start: int, end: int, context: int) -> tuple[int, int]:
    """Up to ``context`` characters either side of ``text[start:end]``, cut at word boundaries."""
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def attribution_html(text: str, claim: Claim, *, context: int = PASSAGE_CONTEXT) -> str:
    """A claim's passage in its context (escaped), its parts marked: who says it
    (``tg-source``), the cue (``tg-cue``) and what is said (``tg-content``)."""
    from ..trace import attribution_parts

    start, end = claim.passage
    parts = attribution_parts(claim)
    if not parts:
        return passage_html(text, claim.span.start, claim.span.end, context=context)
    lo, hi = _around(text, start, end, context)
    out, at = ["…" if lo > 0 else ""], lo
    for part_start, part_end, name in parts:
        out.append(safe_text(text[at:part_start]))
        out.append(f'<mark class="tg-hit tg-{name}" title="{name}">{safe_text(text[part_start:part_end])}</mark>')
        at = part_end
    out.append(safe_text(text[at:hi]) + ("…" if hi < len(text) else ""))
    return " ".join("".join(out).split())


# The only links document HTML may carry: the app's own query strings over ids and fixed words.
_LINK = re.compile(r"\?page=[a-z]+(&[a-z]+=[A-Za-z0-9_-]+)*")


@dataclass(frozen=True)
class Highlight:
    """A stretch of a document to mark, with a tooltip; ``current`` marks the selected event."""

    start: int
    end: int
    title: str
    current: bool = False
    kind: str = "event"  # event, claim, entity or citation: each is drawn differently
    link: str | None = None  # a query string of the app ("?page=...") that opens the item


def document_html(text: str, highlights: Iterable[Highlight], *, reflow_lines: bool = False) -> str:
    """A whole document, escaped, with every highlight in ``<mark>`` (overlaps are merged).

    Passages (events, claims, citations) are merged into flat marks; entity mentions are marked
    inside them, so a passage stays one mark however many names it holds. A mark with a link is
    wrapped in ``<a>``; a mention inside a linked passage keeps its tooltip but not its link
    (links cannot nest). With ``reflow_lines`` single line breaks become spaces (for Markdown and
    HTML sources, whose hard-wrapped lines are not meant as breaks).
    """
    if reflow_lines:
        text = reflow(text)
    marks = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    outer = [h for h in marks if h.kind != "entity"]
    inner = [h for h in marks if h.kind == "entity"]
    cuts = sorted({0, len(text), *(h.start for h in outer), *(h.end for h in outer)})
    parts = []
    for lo, hi in itertools.pairwise(cuts):
        covering = [h for h in outer if h.start <= lo and hi <= h.end]
        linked = None
        if covering:
            # the innermost (shortest) covering item gives the look and the link
            first = min(covering, key=lambda h: (h.end - h.start, h.kind != "event"))
            linked = first.link if first.link and _LINK.fullmatch(first.link) else None
        piece = _marked(text, lo, hi, inner, links=linked is None)
        if covering:
            cls = "tg-hit tg-current" if any(h.current for h in covering) else "tg-hit"
            if first.kind != "event":
                cls += f" tg-{first.kind}"
            title = safe_text("; ".join(dict.fromkeys(h.title for h in covering)))
            piece = _wrap(f'<mark class="{cls}" title="{title}">{piece}</mark>', linked)
        parts.append(piece)
    return "".join(parts)


def _wrap(markup: str, link: str | None) -> str:
    if not link:
        return markup
    return f'<a class="tg-item" href="{link.replace("&", "&amp;")}" target="_self">{markup}</a>'


def _marked(text: str, lo: int, hi: int, marks: Sequence[Highlight], *, links: bool) -> str:
    """``text[lo:hi]`` escaped, with the (entity) marks that fall in it, clipped to it."""
    mine = [h for h in marks if h.start < hi and lo < h.end]
    if not mine:
        return safe_text(text[lo:hi])
    cuts = sorted({lo, hi, *(max(lo, h.start) for h in mine), *(min(hi, h.end) for h in mine)})
    parts = []
    for a, b in itertools.pairwise(cuts):
        covering = [h for h in mine if h.start <= a and b <= h.end]
        piece = safe_text(text[a:b])
        if covering:
            title = safe_text("; ".join(dict.fromkeys(h.title for h in covering)))
            link = covering[0].link if links and covering[0].link and _LINK.fullmatch(covering[0].link) else None
            piece = _wrap(f'<mark class="tg-hit tg-entity" title="{title}">{piece}</mark>', link)
        parts.append(piece)
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Event details


@dataclass(frozen=True)
class ReportView:
    """One document reporting the event: who published it, the date it gives, its words."""

    document: str  # document id
    title: str
    publisher: str | None
    published: str | None  # in words
    stated: str | None  # the time this document gives, in words
    passage: str  # escaped HTML with the cited words in <mark>
    exact: str


@dataclass(frozen=True)
class ClaimView:
    """A claim shown beside an event."""

    id: str
    text: str
    claimant: str  # a name, or "the document itself"; the credited documents' titles when there are some
    reported: str | None  # when the reporting document says it, in words
    document: str
    document_title: str
    passage: str  # escaped HTML
    cluster: str | None = None
    credited: tuple[Item, ...] = ()  # the case documents its document credits it to (explore.claim_source)


@dataclass(frozen=True)
class EventDetail:
    """Everything the details panel shows for one event."""

    event: Event
    when: str
    participants: tuple[tuple[str, str], ...]  # (name, role)
    place: str | None
    reports: tuple[ReportView, ...]
    claims: tuple[ClaimView, ...]
    conflicts: tuple[Conflict, ...]


def _name(G: nx.MultiDiGraph, entity_id: str | None) -> str | None:
    if entity_id is None or entity_id not in G:
        return None
    return str(getattr(record(G, entity_id), "name", entity_id))


def is_kind(G: nx.MultiDiGraph, node_id: object, kind: str) -> bool:
    """Whether ``node_id`` is a node of this kind (by the node's kind attribute).

    Never ``isinstance`` on records: when Streamlit reloads edited modules, records cached with
    the graph belong to the old classes.
    """
    return isinstance(node_id, str) and node_id in G and G.nodes[node_id].get(KIND) == kind


def _document(G: nx.MultiDiGraph, document_id: str) -> Document | None:
    return record(G, document_id) if is_kind(G, document_id, DOCUMENT_KIND) else None


#: How far (in characters) from an event's passage a claim in the same document counts as related.
RELATED_WINDOW = 600


def _related_claims(G: nx.MultiDiGraph, event: Event, candidates: Iterable[Claim] | None = None) -> list[Claim]:
    """Claims by or about a participant, or near one of the event's passages in the same document
    (among ``candidates`` when given: a superset found through an index, else every claim)."""
    people = {p.entity for p in event.participants}
    near: dict[str, list[tuple[int, int]]] = {}
    for report in event.reports:
        near.setdefault(report.document, []).append(
            (report.span.start - RELATED_WINDOW, report.span.end + RELATED_WINDOW))
    found = []
    for claim in {c.id: c for c in candidates}.values() if candidates is not None else claims(G):
        by_or_about = claim.claimant in people or bool(people.intersection(claim.about))
        close = any(lo <= claim.span.end and claim.span.start <= hi for lo, hi in near.get(claim.document, ()))
        if by_or_about or close:
            found.append(claim)
    return sorted(found, key=lambda c: (c.reported.sort_key() if c.reported else (date.max, date.max, ""),
                                        c.document, c.span.start))


def event_detail(G: nx.MultiDiGraph, event_id: str, *, candidates: Iterable[Claim] | None = None,
                 index: CaseIndex | None = None) -> EventDetail | None:
    """The details panel of one event, or None if the graph has no such event.

    ``candidates``: the claims that may relate to it (by or about its participants, or in its
    reporting documents), from an index, so the whole case is not scanned; default every claim.
    ``index``: the graph's :class:`~.explore.CaseIndex` (made here when not given), through which
    each claim's source is named.
    """
    if not is_kind(G, event_id, EVENT_KIND):
        return None
    event: Event = record(G, event_id)
    participants = tuple((_name(G, p.entity) or p.entity, p.role) for p in event.participants)
    reports = []
    for report in event.reports:
        doc = _document(G, report.document)
        if doc is None:
            passage = f'<mark class="tg-hit">{safe_text(report.span.exact)}</mark>'
            reports.append(ReportView(report.document, report.document, None, None,
                                      describe_time(report.stated_time) if report.stated_time else None,
                                      passage, report.span.exact))
            continue
        reports.append(ReportView(
            document=doc.id, title=doc.label_at(report.span.start), publisher=doc.publisher,
            published=describe_time(doc.published) if doc.published else None,
            stated=describe_time(report.stated_time) if report.stated_time else None,
            passage=passage_html(doc.text, report.span.start, report.span.end),
            exact=report.span.exact,
        ))
    claim_views = []
    related = _related_claims(G, event, candidates)
    idx = index if index is not None else case_index(G) if related else CaseIndex()
    for claim in related:
        doc = _document(G, claim.document)
        source = claim_source(idx, claim)
        claim_views.append(ClaimView(
            id=claim.id, text=claim.text, cluster=claim.cluster, claimant=source.name, credited=source.credited,
            reported=describe_time(claim.reported) if claim.reported else None,
            document=claim.document, document_title=doc.label_at(claim.span.start) if doc else claim.document,
            passage=passage_html(doc.text, claim.span.start, claim.span.end, context=80) if doc
            else f'<mark class="tg-hit">{safe_text(claim.span.exact)}</mark>',
        ))
    found_conflicts = tuple(c for c in conflicts(G) if event.id in c.items)
    return EventDetail(
        event=event, when=describe_time(event.time), participants=participants,
        place=_name(G, event.place), reports=tuple(reports), claims=tuple(claim_views),
        conflicts=found_conflicts,
    )


# ---------------------------------------------------------------------------------------------
# Curation


def curation_notes(G: nx.MultiDiGraph, node_id: str) -> list[str]:
    """What curators decided about a record, one safe HTML line each, oldest first.

    >>> from timeline_graph.graph import build_graph
    >>> from timeline_graph.model import Decision, Records
    >>> d = Decision.create(action="grade", targets=("doc-1",), agent="<b>Ana</b>", at="2026-03-02T09:15:00Z",
    ...                     value="B2", reason="named reporter")
    >>> G = build_graph(Records(decisions=(d,)))
    >>> G.add_edge(d.id, "doc-1", key="concerns")
    'concerns'
    >>> curation_notes(G, "doc-1")
    ['<b>Graded B2</b> (source usually reliable, information probably true) by &lt;b&gt;Ana&lt;/b&gt; on 2 March 2026: named reporter']
    """
    notes = []
    about = decisions_about(G, node_id)
    undone = taken_back(in_order(decisions(G)))[0] if about else {}
    for d in about:
        what = f"Graded {d.value}" if d.action == "grade" and d.value else DONE[d.action].capitalize()
        if d.action == "redate" and d.time is not None:
            what += f" to {describe_time(d.time)}"
        words = f" ({grade_words(d.value)})" if d.action == "grade" and d.value else ""
        day = date.fromisoformat(d.at[:10])
        why = f": {safe_text(d.reason)}" if d.reason else ""
        back = ""
        if d.id in undone:
            when = date.fromisoformat(undone[d.id].at[:10])
            back = f" <i>(taken back by {safe_text(undone[d.id].agent)} on {when.day} {when:%B %Y})</i>"
        notes.append(f"<b>{safe_text(what)}</b>{words} by {safe_text(d.agent)} on {day.day} {day:%B %Y}{why}{back}")
    return notes


def grade_of(G: nx.MultiDiGraph, node_id: str) -> str:
    """A document's or source's latest Admiralty grade (``B2``), or ``""``."""
    latest = grades(d for d in decisions_about(G, node_id) if d.action == "grade")
    return latest[node_id].value or "" if node_id in latest else ""


# ---------------------------------------------------------------------------------------------
# Documents


def document_table(G: nx.MultiDiGraph) -> list[dict[str, str]]:
    """One row per document (title, publisher, date, source, grade, sha256, id), ordered by title."""
    rows = []
    for doc in documents(G):
        rows.append({
            "title": doc.label,
            "publisher": doc.publisher or "",
            "published": describe_time(doc.published) if doc.published else "date unknown",
            "source": doc.url or doc.source,
            "grade": grade_of(G, doc.id),
            "sha256": doc.sha256,
            "id": doc.id,
        })
    return sorted(rows, key=lambda r: (r["title"].casefold(), r["id"]))


def events_in_document(G: nx.MultiDiGraph, document_id: str) -> list[tuple[Event, Span]]:
    """Every event report in one document, as (event, span), in text order."""
    found = [(event, report.span) for event in events(G) for report in event.reports
             if report.document == document_id]
    return sorted(found, key=lambda pair: (pair[1].start, pair[1].end, pair[0].id))


def document_highlights(G: nx.MultiDiGraph, document_id: str, *, current: str | None = None) -> list[Highlight]:
    """The event spans of a document to highlight; those of event ``current`` stand out."""
    return [Highlight(span.start, span.end, f"{event.label} ({describe_time(event.time)})", event.id == current)
            for event, span in events_in_document(G, document_id)]


def document_items(idx: CaseIndex, document_id: str, *, current: str | None = None) -> list[Highlight]:
    """Every extracted item in a document as a highlight linking to its page: event reports,
    claims, entity mentions and source citations (the selected event's ``current``)."""
    out = []
    for event in idx.events.values():
        for report in event.reports:
            if report.document == document_id:
                out.append(Highlight(report.span.start, report.span.end,
                                     f"event: {event.label} ({describe_time(event.time)})", event.id == current,
                                     "event", item_link(Item(event.id, EVENT_KIND, event.label))))
    for claim_id in idx.claims_in.get(document_id, ()):
        claim = idx.claims[claim_id]
        out.append(Highlight(claim.span.start, claim.span.end, f"claim {claim_source(idx, claim).said}: {claim.text}",
                             False, "claim",
                             item_link(Item(claim.id, CLAIM_KIND, claim.text))))
    for entity in idx.entities.values():
        for mention in entity.mentions:
            if mention.document == document_id:
                out.append(Highlight(mention.start, mention.end, f"{entity.kind}: {entity.name}", False, "entity",
                                     item_link(Item(entity.id, ENTITY_KIND, entity.name))))
    for cit_id in idx.citations_in.get(document_id, ()):
        cit = idx.citations[cit_id]
        cited = cited_item(idx, cit)
        out.append(Highlight(cit.span.start, cit.span.end, f"cites: {cited.label}", False, "citation",
                             item_link(cited)))
    return sorted(out, key=lambda h: (h.start, h.end, h.kind))
