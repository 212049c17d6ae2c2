"""Exports of a case graph: a registry of formats and one atomic ``export`` call.

Each format is an :class:`Exporter` that writes the graph to a text stream. :func:`export`
writes to a temporary file beside the target and renames it into place, so a reader never
sees half an export and a crash leaves the previous file intact.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import ExportError
from . import ftm, graphjson, rdfio, tables

__all__ = ["FORMATS", "RDF_FORMATS", "Exporter", "export"]


@dataclass(frozen=True)
class Exporter:
    """One export format: its name, usual file suffix, media type and writer."""

    name: str
    suffix: str
    media_type: str
    write: Callable[[nx.MultiDiGraph, Any], None]
    description: str = ""
    #: Whether ``write`` takes a binary stream (a zip) rather than UTF-8 text.
    binary: bool = False


#: Every export format by the name ``--format`` takes.
FORMATS: dict[str, Exporter] = {
    "json": Exporter("json", ".json", "application/json", graphjson.write_json,
                     "graph JSON (docs/graph-json.md)"),
    "ttl": Exporter("ttl", ".ttl", "text/turtle", rdfio.write_turtle,
                    "RDF Turtle, every graph merged (docs/rdf.md)"),
    "trig": Exporter("trig", ".trig", "application/trig", rdfio.write_trig,
                     "RDF TriG: each document's assertions in a named graph, their provenance beside"),
    "nt": Exporter("nt", ".nt", "application/n-triples", rdfio.write_ntriples,
                   "RDF N-Triples, every graph merged"),
    "nq": Exporter("nq", ".nq", "application/n-quads", rdfio.write_nquads,
                   "RDF N-Quads, with the named graphs of TriG"),
    "jsonld": Exporter("jsonld", ".jsonld", "application/ld+json", rdfio.write_jsonld,
                       "RDF JSON-LD, with the named graphs of TriG"),
    "graphml": Exporter("graphml", ".graphml", "application/graphml+xml", tables.write_graphml,
                        "GraphML for Gephi and NetworkX"),
    "csv": Exporter("csv", ".csv.zip", "application/zip", tables.write_csv_zip,
                    "a zip of CSV tables (documents, events, claims, entities, citations, decisions)", binary=True),
    "timelinejs": Exporter("timelinejs", ".timeline.json", "application/json", tables.write_timelinejs,
                           "TimelineJS JSON"),
    "ftm": Exporter("ftm", ".ftm.json", "application/x-ndjson", ftm.write_ftm,
                    "FollowTheMoney entities for Aleph, one JSON entity per line"),
}

#: The formats that are RDF (and can be validated against ontology/shapes.ttl).
RDF_FORMATS: tuple[str, ...] = ("ttl", "trig", "nt", "nq", "jsonld")


def export(G: nx.MultiDiGraph, fmt: str, out: Path) -> Path:
    """Write ``G`` in format ``fmt`` to ``out`` atomically and return ``out``."""
    exporter = FORMATS.get(fmt)
    if exporter is None:
        raise ExportError(f"unknown export format {fmt!r}; known formats: {', '.join(sorted(FORMATS))}")
    out = Path(out)
    if out.is_dir():
        raise ExportError(f"{out}: is a folder; give a file path to export to")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"{out}: cannot create its folder ({err.strerror or err})") from err
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    try:
        # os.open with 0o666 honours the umask, unlike tempfile's private 0o600 files.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        stream: Any
        with (open(fd, "wb") if exporter.binary
              else open(fd, "w", encoding="utf-8", newline="")) as stream:
            exporter.write(G, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, out)
    except UnicodeEncodeError as err:
        raise ExportError(f"{out}: text that cannot be written as UTF-8 ({err.reason} at {err.start})") from err
    except OSError as err:
        raise ExportError(f"{out}: cannot write ({err.strerror or err})") from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return out
