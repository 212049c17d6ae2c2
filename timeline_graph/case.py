"""A case on disk: a folder of documents, a case file, and a cache that can always be rebuilt.

Layout::

    my-case/
      case.yaml              title, base IRI, which files are documents
      decisions.yaml         the curators' decisions, append-only (see decisionlog)
      *.md, *.html, ...      the documents
      .timeline-graph/       the cache: delete it at will, ``build`` makes it again
        documents/<sha256>.json   one document and what was extracted from it
        documents/<sha256>@<key>.json   the same, extracted again against a date that
                                  another document of the case gives it (key: that date)
        manifest.json             which files make up the case, and what was skipped

Every write goes to a temporary file first and is renamed into place, and a build holds a lock,
so a crash or a second process never leaves a half-written cache. Re-building reuses the cached
extraction of every file whose bytes, ingester and extractors are unchanged.

A document that states no date of its own, but that another document of the case cites with
one (a reference list's ``Author, "Title," Outlet, February 17, 2021``), is extracted a second
time against that date once every document has been read (so is one that says an outlet
published something "Tuesday" when another document dates that outlet's article on a Tuesday);
that extraction is cached under the date too, so a re-build with nothing changed extracts nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from . import __version__, ingest
from .codec import from_dict, to_dict
from .curate import curate
from .decisionlog import DECISIONS_FILE, append_decision, read_decisions
from .errors import CaseError, IngestError
from .extract import EXTRACTOR_VERSION, Extraction, extract
from .extract.dating import DocumentDate, cited_dates, reported_dates
from .graph import build_graph
from .model import Decision, Document, Records
from .resolve import resolve

__all__ = [
    "CACHE_DIR",
    "CASE_FILE",
    "BuildReport",
    "Case",
    "Settings",
    "atomic_write",
    "load_graph",
]

CASE_FILE = "case.yaml"
CACHE_DIR = ".timeline-graph"
CACHE_FORMAT = "timeline-graph/cache"
CACHE_VERSION = 1
DEFAULT_BASE_IRI = "https://example.org/timeline-graph/{slug}/"

Progress = Callable[[int, int, str], None]


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write a file so that readers see either the old or the new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@dataclass(frozen=True)
class Settings:
    """What the case file says: a title, the base IRI of exports, which files to read, and the
    largest file to read, in MB (larger ones are reported and skipped)."""

    title: str
    base_iri: str
    description: str = ""
    documents: tuple[str, ...] = ("**/*",)
    max_file_mb: float = ingest.MAX_BYTES // 1_000_000

    @property
    def max_bytes(self) -> int:
        """The largest file to read, in bytes."""
        return int(self.max_file_mb * 1e6)

    @classmethod
    def default_for(cls, folder: Path) -> Settings:
        """Settings for a folder that has no case file yet."""
        slug = re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.casefold()).strip("-") or "case"
        return cls(title=folder.resolve().name or "case", base_iri=DEFAULT_BASE_IRI.format(slug=slug))

    @classmethod
    def read(cls, path: Path) -> Settings:
        """Read a case file; CaseError naming the file and the problem if it is malformed."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
            raise CaseError(f"{path}: cannot read the case file ({_one_line(err)})") from err
        if not isinstance(data, dict):
            raise CaseError(f"{path}: the case file must be a YAML mapping with at least a title")
        unknown = set(data) - {"title", "base_iri", "description", "documents", "max_file_mb"}
        if unknown:
            raise CaseError(f"{path}: unknown keys in the case file: {', '.join(sorted(unknown))}")
        default = cls.default_for(path.parent)
        title = data.get("title", default.title)
        base_iri = data.get("base_iri", default.base_iri)
        description = data.get("description", "") or ""
        documents = data.get("documents", list(default.documents))
        if isinstance(documents, str):
            documents = [documents]
        if not isinstance(title, str) or not title.strip():
            raise CaseError(f"{path}: 'title' must be a non-empty string")
        if not isinstance(base_iri, str) or not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#]", base_iri):
            raise CaseError(f"{path}: 'base_iri' must be an absolute IRI ending in / or # (got {base_iri!r})")
        if not isinstance(description, str):
            raise CaseError(f"{path}: 'description' must be a string")
        if not isinstance(documents, list) or not all(isinstance(d, str) and d for d in documents):
            raise CaseError(f"{path}: 'documents' must be a list of glob patterns such as '*.md'")
        max_file_mb = data.get("max_file_mb", default.max_file_mb)
        if isinstance(max_file_mb, bool) or not isinstance(max_file_mb, int | float) or not max_file_mb > 0:
            raise CaseError(f"{path}: 'max_file_mb' must be a positive number of megabytes (got {max_file_mb!r})")
        return cls(title=title.strip(), base_iri=base_iri, description=description.strip(), documents=tuple(documents),
                   max_file_mb=max_file_mb)

    def to_yaml(self) -> str:
        """The case file's text."""
        data = {"title": self.title, "description": self.description, "base_iri": self.base_iri,
                "documents": list(self.documents), "max_file_mb": self.max_file_mb}
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)

    def as_dict(self) -> dict[str, Any]:
        """The settings as graph attributes."""
        return {"title": self.title, "description": self.description, "base_iri": self.base_iri}


@dataclass
class BuildReport:
    """What a build did: how many documents it read, extracted anew or reused, and what it skipped."""

    documents: list[str] = field(default_factory=list)  # sources, in case order
    extracted: int = 0
    reused: int = 0
    problems: list[str] = field(default_factory=list)  # one line each, naming the file

    @property
    def ok(self) -> bool:
        """True when no file was skipped."""
        return not self.problems


@dataclass(frozen=True)
class _Entry:
    source: str
    sha256: str
    dated: str | None = None  # the key of an extraction against a date given by another document


class Case:
    """A case folder with its settings and cache."""

    def __init__(self, folder: Path, settings: Settings, cache: Path) -> None:
        self.folder = folder
        self.settings = settings
        self.cache = cache
        #: One line per decision the last :meth:`load_graph` could not apply.
        self.skipped_decisions: list[str] = []
        self._resolved_cache: tuple[dict[str, Document], Records] | None = None

    @property
    def decisions_path(self) -> Path:
        """The case's decision log."""
        return self.folder / DECISIONS_FILE

    def __repr__(self) -> str:
        return f"Case({str(self.folder)!r}, title={self.settings.title!r})"

    @classmethod
    def open(cls, folder: Path, *, create: bool = False, cache: Path | None = None) -> Case:
        """Open a case folder; with ``create``, a folder without a case file gets a default one."""
        folder = Path(folder)
        if not folder.is_dir():
            raise CaseError(f"{folder}: not a folder")
        case_file = folder / CASE_FILE
        if case_file.exists():
            settings = Settings.read(case_file)
        elif create:
            settings = Settings.default_for(folder)
            try:
                atomic_write(case_file, settings.to_yaml())
            except OSError as err:
                raise CaseError(f"{case_file}: cannot write the case file ({_one_line(err)})") from err
        else:
            raise CaseError(f"{folder}: no {CASE_FILE} here; run 'timeline-graph build {folder}' to make a case")
        return cls(folder, settings, cache or folder / CACHE_DIR)

    # -- documents ---------------------------------------------------------------------------

    def document_paths(self) -> list[Path]:
        """The files of the case, in a stable order: supported suffixes, no hidden files."""
        found: set[Path] = set()
        for pattern in self.settings.documents:
            for path in self.folder.glob(pattern):
                rel = path.relative_to(self.folder)
                if not path.is_file() or any(p.startswith(".") for p in rel.parts):
                    continue
                if rel.as_posix() == CASE_FILE or path.suffix.lower() not in ingest.SUPPORTED_SUFFIXES:
                    continue
                found.add(path)
        return sorted(found, key=lambda p: p.relative_to(self.folder).as_posix())

    # -- building ------------------------------------------------------------------------------

    def build(self, *, progress: Progress | None = None) -> BuildReport:
        """Ingest and extract every document, reusing cached work; never loses what is stored."""
        report = BuildReport()
        self._resolved_cache = None
        with self._lock():
            paths = self.document_paths()
            entries: list[_Entry] = []
            seen: dict[str, str] = {}
            for done, path in enumerate(paths, start=1):
                source = path.relative_to(self.folder).as_posix()
                if progress:
                    progress(done - 1, len(paths), source)
                entry = self._build_one(path, source, seen, report)
                if entry:
                    entries.append(entry)
                    seen[entry.sha256] = source
            entries = self._date_by_citations(entries, report)
            if progress:
                progress(len(paths), len(paths), "")
            manifest = {
                "format": CACHE_FORMAT,
                "version": CACHE_VERSION,
                "software": __version__,
                "documents": [{"source": e.source, "sha256": e.sha256, **({"dated": e.dated} if e.dated else {})}
                              for e in entries],
                "problems": report.problems,
            }
            atomic_write(self.cache / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        report.documents = [e.source for e in entries]
        return report

    def _build_one(self, path: Path, source: str, seen: dict[str, str], report: BuildReport) -> _Entry | None:
        try:
            too_large = ingest.too_large(source, path.stat().st_size, self.settings.max_bytes)
            if too_large is not None:  # refused before its bytes are read
                report.problems.append(str(too_large))
                return None
            data = path.read_bytes()
        except OSError as err:
            report.problems.append(f"{source}: cannot read ({_one_line(err)})")
            return None
        sha = hashlib.sha256(data).hexdigest()
        if sha in seen:
            report.problems.append(f"{source}: same content as {seen[sha]}, skipped")
            return None
        if self._cached(sha) is not None:
            report.reused += 1
            return _Entry(source, sha)
        try:
            document = ingest.read_bytes(data, source=source, max_bytes=self.settings.max_bytes)
        except IngestError as err:
            report.problems.append(_one_line(err))
            return None
        try:
            extraction = extract(document)
        except Exception as err:  # an extractor bug must not stop the batch; it is reported
            report.problems.append(f"{source}: extraction failed ({type(err).__name__}: {_one_line(err)})")
            return None
        self._store(sha, document, extraction)
        report.extracted += 1
        return _Entry(source, sha)

    def _store(self, sha: str, document: Document, extraction: Extraction, key: str | None = None) -> None:
        payload = {
            "format": CACHE_FORMAT,
            "version": CACHE_VERSION,
            "ingest": ingest.VERSION,
            "extractor": EXTRACTOR_VERSION,
            "document": to_dict(document),
            "extraction": to_dict(extraction),
        }
        atomic_write(self._entry_path(sha, key), json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")

    def _date_by_citations(self, entries: list[_Entry], report: BuildReport) -> list[_Entry]:
        """Extract again, against the cited date, each undated document another one cites with a date.

        Only documents with no date of their own, or with just the weak "latest date in the
        text", are re-dated; a cached extraction against the same date is reused. A document
        that reports an outlet's article by its weekday, which another document dates, is
        re-dated the same way (see :func:`~timeline_graph.extract.dating.reported_dates`).
        """
        loaded = []
        for entry in entries:
            cached = self._cached(entry.sha256)
            if cached is not None:
                loaded.append((entry, replace(cached[0], source=entry.source), cached[1]))
        given = cited_dates((document, extraction.citations) for _, document, extraction in loaded)
        # Failing a citation of the document itself: a weekday it gives an outlet's article that
        # another document dates ("published by X Tuesday" and "X, February 16, 2021").
        reported = reported_dates((document, extraction.citations) for _, document, extraction in loaded)
        given = {**reported, **given}
        out = {e.sha256: e for e in entries}
        for entry, document, extraction in loaded:
            dated = given.get(document.id)
            if dated is None or (extraction.dated is not None and not extraction.dated.weak):
                continue
            key = _date_key(dated)
            if self._cached(entry.sha256, key) is None:
                try:
                    again = extract(document, dated)
                except Exception as err:  # as in _build_one: report, keep the first extraction
                    report.problems.append(f"{entry.source}: extraction against the date {dated.describe()} "
                                           f"failed ({type(err).__name__}: {_one_line(err)})")
                    continue
                self._store(entry.sha256, document, again, key)
                report.extracted += 1
            out[entry.sha256] = replace(entry, dated=key)
        return [out[e.sha256] for e in entries]

    def _entry_path(self, sha: str, key: str | None = None) -> Path:
        return self.cache / "documents" / (f"{sha}@{key}.json" if key else f"{sha}.json")

    def _cached(self, sha: str, key: str | None = None) -> tuple[Document, Extraction] | None:
        """The cached document and extraction for these bytes (and date key), if current; None otherwise."""
        path = self._entry_path(sha, key)
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (payload.get("format"), payload.get("version"), payload.get("ingest"), payload.get("extractor")) != (
            CACHE_FORMAT, CACHE_VERSION, ingest.VERSION, EXTRACTOR_VERSION,
        ):
            return None
        try:
            document = from_dict(Document, payload["document"], {})
            extraction = from_dict(Extraction, payload["extraction"], {document.id: document.text})
        except (KeyError, ValueError, TypeError):
            return None
        return document, extraction

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        self.cache.mkdir(parents=True, exist_ok=True)
        with open(self.cache / "lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> tuple[list[Document], list[Extraction]]:
        """The built documents and their extractions, in case order."""
        try:
            manifest = json.loads((self.cache / "manifest.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CaseError(f"{self.folder}: the case is not built yet; run 'timeline-graph build {self.folder}'") from None
        except (OSError, ValueError) as err:
            raise CaseError(f"{self.cache / 'manifest.json'}: unreadable ({_one_line(err)}); run build again") from err
        documents, extractions = [], []
        for item in manifest.get("documents", []):
            cached = self._cached(item["sha256"], item.get("dated"))
            if cached is None:
                raise CaseError(f"{self.folder}: the cache for {item['source']} is missing or stale; run 'timeline-graph build {self.folder}'")
            document, extraction = cached
            if document.source != item["source"]:
                document = replace(document, source=item["source"])
            documents.append(document)
            extractions.append(extraction)
        return documents, extractions

    def load_graph(self) -> nx.MultiDiGraph:
        """The case's graph: its documents and extractions, resolved across documents, curated."""
        documents, resolved = self._resolved()
        decisions = read_decisions(self.decisions_path, documents)
        records, self.skipped_decisions = curate(resolved, decisions)
        return build_graph(records, **self.settings.as_dict())

    def decisions(self) -> list[Decision]:
        """Every decision of the log, in the order made (needs a built case for added events' words)."""
        return read_decisions(self.decisions_path, self._resolved()[0])

    def decide(self, decision: Decision) -> None:
        """Append a decision to the log if it applies to the case as it stands; CaseError saying why not."""
        documents, resolved = self._resolved()
        earlier = read_decisions(self.decisions_path, documents)
        _, skipped = curate(resolved, [*earlier, decision])
        mine = [line for line in skipped if line.startswith(f"decision {decision.id} ")]
        if mine:
            raise CaseError(f"{self.decisions_path}: not recorded: {mine[0].split('): ', 1)[-1]}")
        append_decision(self.decisions_path, decision)

    def _resolved(self) -> tuple[dict[str, Document], Records]:
        """The built documents by id and their records resolved across documents, kept until the next build."""
        if self._resolved_cache is None:
            documents, extractions = self.load()
            self._resolved_cache = ({d.id: d for d in documents}, resolve(documents, extractions))
        return self._resolved_cache

    @property
    def problems(self) -> list[str]:
        """The files the last build skipped, one line each."""
        try:
            manifest = json.loads((self.cache / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return list(manifest.get("problems", []))


def load_graph(path: Path) -> nx.MultiDiGraph:
    """The graph of a built case folder, or of a graph JSON export file."""
    path = Path(path)
    if path.is_file() and path.suffix == ".json":
        from .export.graphjson import from_json

        try:
            return from_json(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            raise CaseError(f"{path}: cannot read ({_one_line(err)})") from err
    return Case.open(path).load_graph()


def _date_key(dated: DocumentDate) -> str:
    """A file-name-safe key of a date and its origin: what a re-dated extraction depends on."""
    return hashlib.sha256(f"{dated.time.edtf}|{dated.origin}".encode()).hexdigest()[:16]


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__
