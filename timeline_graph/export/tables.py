"""Exports for other tools: GraphML (Gephi, NetworkX), CSV tables (a zip), TimelineJS JSON.

Each is deterministic: records in id order, fixed columns and keys, fixed zip timestamps.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO, TextIO

import networkx as nx

from ..curate import describe, grades
from ..graph import (
    CASE,
    KIND,
    RECORD,
    citations,
    claims,
    decisions,
    documents,
    entities,
    events,
    record,
)
from ..model import Decision, Document, Entity, Event, Span, TimeValue
from ..timeline import describe_time, timeline

__all__ = ["CSV_TABLES", "write_csv_zip", "write_graphml", "write_timelinejs"]


# ---------------------------------------------------------------------------------------------
# GraphML


def _node_attributes(kind: str, rec: Any) -> dict[str, Any]:
    """The scalar attributes GraphML can hold: kind, label, and the time bounds where known."""
    label = (rec.label if isinstance(rec, Document | Event) else rec.name if isinstance(rec, Entity)
             else f"{describe(rec)}, by {rec.agent}" if isinstance(rec, Decision)
             else getattr(rec, "text", None) or getattr(rec, "cites_label", None)
             or getattr(rec, "explanation", None) or getattr(rec, "measure", None) or rec.id)
    attrs: dict[str, Any] = {"kind": kind, "label": label}
    if isinstance(rec, Entity):
        attrs["entity_kind"] = rec.kind
    time: TimeValue | None = (rec.time if isinstance(rec, Event) else
                              rec.published if isinstance(rec, Document) else None)
    if time is not None:
        attrs["edtf"] = time.edtf
        if time.earliest is not None:
            attrs["earliest"] = time.earliest.isoformat()
        if time.latest is not None:
            attrs["latest"] = time.latest.isoformat()
    return attrs


def write_graphml(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write the graph as GraphML: every record a node, every relation an edge keyed by its name."""
    H = nx.MultiDiGraph()
    H.graph["title"] = str((G.graph.get(CASE) or {}).get("title", ""))
    for node_id in sorted(G.nodes):
        data = G.nodes[node_id]
        H.add_node(node_id, **_node_attributes(data[KIND], data[RECORD]))
    for source, target, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        attrs = {"relation": key, **{k: str(v) for k, v in sorted(data.items())}}
        H.add_edge(source, target, key=key, **attrs)
    for line in nx.generate_graphml(H, encoding="utf-8", prettyprint=True):
        out.write(line + "\n")


# ---------------------------------------------------------------------------------------------
# CSV tables


def _time_columns(time: TimeValue | None) -> list[str]:
    if time is None:
        return ["", "", "", ""]
    return [time.edtf, time.earliest.isoformat() if time.earliest else "",
            time.latest.isoformat() if time.latest else "", time.precision]


def _page(G: nx.MultiDiGraph, span: Span) -> int | str:
    """The page of a paged document (a PDF's) where the span starts, else ``""``."""
    page = record(G, span.document).page_at(span.start) if span.document in G else None
    return "" if page is None else page


def _events(G: nx.MultiDiGraph) -> Iterable[list[Any]]:
    yield ["id", "label", "kind", "edtf", "earliest", "latest", "precision", "participants", "place",
           "documents", "first_quote", "first_quote_page"]
    for e in events(G):
        yield [e.id, e.label, e.kind, *_time_columns(e.time), ";".join(p.entity for p in e.participants),
               e.place or "", ";".join(e.documents), e.reports[0].span.exact, _page(G, e.reports[0].span)]


def _claims(G: nx.MultiDiGraph) -> Iterable[list[Any]]:
    yield ["id", "text", "quote", "claimant", "claimant_name", "verb", "document", "start", "end",
           "exact", "cluster", "reported_edtf", "page"]
    for c in claims(G):
        yield [c.id, c.text, c.quote or "", c.claimant or "", c.claimant_name or "", c.verb or "",
               c.document, c.span.start, c.span.end, c.span.exact, c.cluster or "",
               c.reported.edtf if c.reported else "", _page(G, c.span)]


def _entities(G: nx.MultiDiGraph) -> Iterable[list[Any]]:
    yield ["id", "kind", "name", "aliases", "mentions", "documents"]
    for e in entities(G):
        yield [e.id, e.kind, e.name, ";".join(e.aliases), len(e.mentions),
               ";".join(dict.fromkeys(m.document for m in e.mentions))]


def _citations(G: nx.MultiDiGraph) -> Iterable[list[Any]]:
    yield ["id", "document", "cites_label", "cites_document", "cites_entity", "kind", "start", "end", "exact",
           "page"]
    for c in citations(G):
        yield [c.id, c.document, c.cites_label, c.cites_document or "", c.cites_entity or "", c.kind,
               c.span.start, c.span.end, c.span.exact, _page(G, c.span)]


def _documents(G: nx.MultiDiGraph) -> Iterable[list[Any]]:
    yield ["id", "title", "publisher", "authors", "published_edtf", "url", "sha256", "source", "grade"]
    graded = grades(decisions(G))
    for d in documents(G):
        yield [d.id, d.title or "", d.publisher or "", ";".join(d.authors),
               d.published.edtf if d.published else "", d.url or "", d.sha256, d.source,
               graded[d.id].value if d.id in graded else ""]


def _decisions(G: nx.MultiDiGraph) -> Iterable[list[Any]]:
    yield ["id", "at", "agent", "agent_kind", "action", "targets", "value", "edtf", "document", "exact", "reason"]
    for d in decisions(G):
        yield [d.id, d.at, d.agent, d.agent_kind, d.action, ";".join(d.targets), d.value or "",
               d.time.edtf if d.time else "", d.span.document if d.span else "", d.span.exact if d.span else "",
               d.reason]


#: The tables of the CSV export, by file name.
CSV_TABLES = {"documents.csv": _documents, "events.csv": _events, "claims.csv": _claims,
              "entities.csv": _entities, "citations.csv": _citations, "decisions.csv": _decisions}


def write_csv_zip(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write one CSV table per record kind (UTF-8, header row, ``;`` inside cells) into a zip."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in CSV_TABLES.items():
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            writer.writerows(rows(G))
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed: byte-identical zips
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.getvalue().encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# TimelineJS


def _tl_date(day: date, display: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"year": day.year, "month": day.month, "day": day.day}
    if display is not None:
        found["display_date"] = display
    return found


def write_timelinejs(G: nx.MultiDiGraph, out: TextIO) -> None:
    """Write TimelineJS JSON: a slide per dated event, grouped by kind, its date in words.

    An uncertain date spans its earliest to its latest day and says so in ``display_date``
    ("summer 2020, approximate"), never a made-up day. Undated events cannot be placed on a
    TimelineJS timeline: the title slide counts them.
    """
    settings = G.graph.get(CASE) or {}
    slides = []
    undated = 0
    for row in timeline(G):
        time = row.event.time
        if time is None or time.earliest is None:
            undated += 1
            continue
        display = describe_time(time)
        sources = "".join(
            f"<blockquote>{_html(span.exact)}</blockquote><p>{_html(record(G, span.document).label_at(span.start))}</p>"
            for span in row.citations)
        slide: dict[str, Any] = {
            "unique_id": row.event.id,
            "start_date": _tl_date(time.earliest, display),
            "text": {"headline": _html(row.event.label), "text": sources},
            "group": row.event.kind,
            "display_date": display,
        }
        if time.latest is not None and time.latest != time.earliest:
            slide["end_date"] = _tl_date(time.latest)
        slides.append(slide)
    title_text = _html(str(settings.get("description", "")))
    if undated:
        title_text += f"<p>{undated} undated event(s) are not shown.</p>"
    data = {"title": {"text": {"headline": _html(str(settings.get("title", ""))), "text": title_text}},
            "events": slides}
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


