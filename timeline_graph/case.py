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
        resolved.pickle           the case resolved across documents: its records and graph
        curated.pickle            the graph with the curation decisions applied, keyed by
                                  the decision log's bytes (see :mod:`.snapshot`)

Every write goes to a temporary file first and is renamed into place, and a build holds a lock,
so a crash or a second process never leaves a half-written cache. Re-building reuses the cached
extraction of every file whose bytes, ingester and extractors are unchanged.

A document that states no date of its own, but that another document of the case cites with
one (a reference list's ``Author, "Title," Outlet, February 17, 2021``), is extracted a second
time against that date once every document has been read (so is one that says an outlet
published something "Tuesday" when another document dates that outlet's article on a Tuesday);
that extraction is cached under the date too, so a re-build with nothing changed extracts nothing.

The build then resolves the case across documents once and stores the result; reading the case
(:meth:`Case.load_graph`) loads it and applies the curation decisions to it, or loads the curated
graph itself when the decisions have not changed since it was stored. Nothing is resolved again
until the documents, the extractors, the resolver or the software change.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
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

from . import __version__, ingest, nlp, snapshot
from .codec import from_dict, to_dict
from .curate import apply_decisions, curate
from .decisionlog import DECISIONS_FILE, append_decision, read_decisions
from .errors import CaseError, IngestError
from .extract import EXTRACTOR_VERSION, Extraction, extract
from .extract.dating import DocumentDate, cited_dates, reported_dates
from .graph import CASE, build_graph, update_graph
from .model import Decision, Document, Records
from .resolve import resolve

__all__ = [
    "CACHE_DIR",
    "CASE_FILE",
    "BuildReport",
    "Case",
    "Changes",
    "Settings",
    "atomic_write",
    "changes_since_build",
    "load_graph",
]

CASE_FILE = "case.yaml"
CACHE_DIR = ".timeline-graph"
CACHE_FORMAT = "timeline-graph/cache"
CACHE_VERSION = 1
RESOLVED_FILE = "resolved.pickle"
CURATED_FILE = "curated.pickle"
DEFAULT_BASE_IRI = "https://example.org/timeline-graph/{slug}/"

Progress = Callable[[int, int, str], None]


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write a file so that readers see either the old or the new content, never a part.

    The file gets the permissions of any new file of the user (``0o666`` less the umask), not
    the owner-only ones of the temporary file it is written to first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@functools.cache
def _umask() -> int:
    """The process's umask, read without changing it where Linux tells it (threads may be writing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@dataclass(frozen=True)
class Settings:
    """What the case file says: a title, the base IRI of exports, which files to read, and the
    largest file to read, in MB (larger ones are reported and skipped)."""

    title: str
    base_iri: str
    description: str = ""
    documents: tuple[str, ...] = ("**/*",)
    #: The spaCy pipeline the extractors read (a name or path); None for the shipped one.
    nlp: str | None = None
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
        unknown = set(data) - {"title", "base_iri", "description", "documents", "max_file_mb", "nlp"}
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
        pipeline = data.get("nlp")
        if pipeline is not None and (not isinstance(pipeline, str) or not pipeline.strip()):
            raise CaseError(f"{path}: 'nlp' must name a spaCy pipeline (a package name or a folder)")
        return cls(title=title.strip(), base_iri=base_iri, description=description.strip(), documents=tuple(documents),
                   max_file_mb=max_file_mb, nlp=pipeline.strip() if pipeline else None)

    def to_yaml(self) -> str:
        """The case file's text."""
        data: dict[str, Any] = {"title": self.title, "description": self.description, "base_iri": self.base_iri,
                                "documents": list(self.documents), "max_file_mb": self.max_file_mb}
        if self.nlp:
            data["nlp"] = self.nlp
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)

    def as_dict(self) -> dict[str, Any]:
        """The settings as graph attributes."""
        return {"title": self.title, "description": self.description, "base_iri": self.base_iri}


@dataclass
class BuildReport:
    """What a build did: the documents it built, how many extractions it ran (``extracted``: of
    documents new or changed, and ``redated`` of them again against a date another document gives
    them) and how many documents it took from the cache (``reused``), the files it skipped
    (``problems``, one line each), and ``notes`` on files read. ``extracted - redated + reused``
    is the number of ``documents``."""

    documents: list[str] = field(default_factory=list)  # sources, in case order
    extracted: int = 0
    reused: int = 0
    redated: int = 0
    problems: list[str] = field(default_factory=list)  # one line each, naming the file skipped
    notes: list[str] = field(default_factory=list)  # one line each, naming the file (a NUL byte dropped)

    @property
    def ok(self) -> bool:
        """True when no file was skipped."""
        return not self.problems


@dataclass(frozen=True)
class Changes:
    """Files of a case edited, added or deleted since its last build (paths in the case folder)."""

    edited: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.edited or self.added or self.deleted)

    def summary(self) -> str:
        """One line: ``2 files changed since the last build: 1 edited (a.md), 1 added (b.txt)``."""
        parts = []
        for word, names in (("edited", self.edited), ("added", self.added), ("deleted", self.deleted)):
            if names:
                shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
                parts.append(f"{len(names)} {word} ({shown})")
        count = len(self.edited) + len(self.added) + len(self.deleted)
        return f"{count} file{'s' if count != 1 else ''} changed since the last build: {', '.join(parts)}"


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
        #: The spaCy pipeline builds read documents with (None: the shipped one).
        self.pipeline: str | None = settings.nlp
        self._extractor: str | None = None  # the extractor key of the cache being read or written
        #: The resolved records and graph the last build made, for the next load to take once.
        self._fresh: tuple[str, Records, nx.MultiDiGraph] | None = None

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
        return [path for _, path in self._sources()]

    def _sources(self) -> list[tuple[str, Path]]:
        """(path in the case folder, path) of each file of the case, in that order."""
        return self._scan()[0]

    def _scan(self) -> tuple[list[tuple[str, Path]], list[str]]:
        """The files of the case as :meth:`_sources` gives them, and one line for each link among
        them that leads nowhere: a loop of symbolic links, or a link to a file that is gone."""
        found: dict[str, Path] = {}
        broken: dict[str, str] = {}
        for pattern in self.settings.documents:
            for path in _glob(self.folder, pattern):
                rel = path.relative_to(self.folder)
                source = rel.as_posix()
                if source in found or source == CASE_FILE or any(p.startswith(".") for p in rel.parts):
                    continue
                if not ingest.supported(path.name):
                    continue
                if path.is_file():
                    found[source] = path
                elif path.is_symlink():
                    try:
                        path.stat()
                    except OSError as err:
                        what = "a loop of symbolic links" if err.errno == errno.ELOOP else "a broken symbolic link"
                        broken[source] = f"{source}: {what} (to {os.readlink(path)}), skipped"
        return sorted(found.items()), [broken[k] for k in sorted(broken)]

    # -- building ------------------------------------------------------------------------------

    def build(self, *, progress: Progress | None = None, nlp: str | None = None) -> BuildReport:
        """Ingest and extract every document, reusing cached work; never loses what is stored.

        ``nlp`` names another spaCy pipeline (a package name or a folder) for this build
        instead of the case file's ``nlp`` setting or the shipped pipeline.
        """
        report = BuildReport()
        self._resolved_cache = self._fresh = None
        if nlp:
            self.pipeline = nlp
        self._extractor = extractor_key(self.pipeline)
        with self._lock():
            paths, linked = self._scan()
            report.problems.extend(linked)
            entries: list[_Entry] = []
            seen: dict[str, str] = {}
            files: dict[str, list[Any]] = {}  # every file read: size, mtime, sha256 (to tell later edits)
            for done, (source, path) in enumerate(paths, start=1):
                if progress:
                    progress(done - 1, len(paths), source)
                entries.extend(self._build_one(path, source, seen, report, files))
            entries = self._date_by_citations(entries, report)
            if progress:
                progress(len(paths), len(paths), "")
            manifest = {
                "format": CACHE_FORMAT,
                "version": CACHE_VERSION,
                "software": __version__,
                "extractor": self._extractor,
                "pipeline": self.pipeline,
                "documents": [{"source": e.source, "sha256": e.sha256, **({"dated": e.dated} if e.dated else {})}
                              for e in entries],
                "problems": report.problems,
                "files": files,
            }
            atomic_write(self.cache / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
            self._store_resolved(manifest)
        report.documents = [e.source for e in entries]
        return report

    def _store_resolved(self, manifest: dict[str, Any]) -> None:
        """Resolve the case and store it, unless the stored snapshot is of these same inputs."""
        key = self._resolved_key(manifest)
        path = self.cache / RESOLVED_FILE
        if _snapshot_key(path) == key:
            return
        with snapshot.paused_gc():
            documents, extractions = self._load_entries(manifest)
            records = resolve(documents, extractions)
            graph = build_graph(records)
        snapshot.write(path, key, (records, graph))
        self._fresh = (key, records, graph)

    def _build_one(self, path: Path, source: str, seen: dict[str, str], report: BuildReport,
                   files: dict[str, list[Any]]) -> list[_Entry]:
        """The entries of one file: one for most, one per message or page of a mailbox or archive."""
        try:
            stat = path.stat()
            files[source] = [stat.st_size, stat.st_mtime_ns, None]
            too_large = ingest.too_large(source, stat.st_size, self.settings.max_bytes)
            if too_large is not None:  # refused before its bytes are read
                report.problems.append(str(too_large))
                return []
            data = path.read_bytes()
        except OSError as err:
            report.problems.append(f"{source}: cannot read ({_one_line(err)})")
            return []
        sha = hashlib.sha256(data).hexdigest()
        files[source][2] = sha
        if sha in seen:
            report.problems.append(f"{source}: same content as {seen[sha]}, skipped")
            return []
        if ingest.single_document(source) and self._cached(sha) is not None:
            report.reused += 1
            seen[sha] = source
            return [_Entry(source, sha)]
        entries = []
        parts = ingest.read_parts(data, source=source, max_bytes=self.settings.max_bytes, notes=report.notes)
        try:
            for part in parts:
                if isinstance(part, IngestError):
                    report.problems.append(_one_line(part))
                    continue
                entry = self._extract_one(part, seen, report)
                if entry is not None:
                    entries.append(entry)
        except Exception as err:  # a reader bug must not stop the batch; what was read before it is kept
            report.problems.append(f"{source}: reading failed ({type(err).__name__}: {_one_line(err)})")
        return entries

    def _extract_one(self, document: Document, seen: dict[str, str], report: BuildReport) -> _Entry | None:
        """Extract one document read from a file, unless its bytes were seen or are cached."""
        if document.sha256 in seen:
            report.problems.append(f"{document.source}: same content as {seen[document.sha256]}, skipped")
            return None
        if self._cached(document.sha256) is not None:
            report.reused += 1
        else:
            try:
                extraction = extract(document, pipeline=self.pipeline)
            except Exception as err:  # an extractor bug must not stop the batch; it is reported
                report.problems.append(f"{document.source}: extraction failed ({type(err).__name__}: {_one_line(err)})")
                return None
            self._store(document.sha256, document, extraction)
            report.extracted += 1
        seen[document.sha256] = document.source
        return _Entry(document.source, document.sha256)

    def _store(self, sha: str, document: Document, extraction: Extraction, key: str | None = None) -> None:
        payload = {
            "format": CACHE_FORMAT,
            "version": CACHE_VERSION,
            "ingest": ingest.VERSION,
            "extractor": self._extractor,
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
                    again = extract(document, dated, pipeline=self.pipeline)
                except Exception as err:  # as in _build_one: report, keep the first extraction
                    report.notes.append(f"{entry.source}: extraction against the date {dated.describe()} failed, "
                                        f"its first extraction is kept ({type(err).__name__}: {_one_line(err)})")
                    continue
                self._store(entry.sha256, document, again, key)
                report.extracted += 1
                report.redated += 1
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
            CACHE_FORMAT, CACHE_VERSION, ingest.VERSION, self._extractor,
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

    def _manifest(self) -> dict[str, Any]:
        """The last build's manifest; CaseError when the case is not built or it is unreadable."""
        try:
            manifest = json.loads((self.cache / "manifest.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CaseError(f"{self.folder}: the case is not built yet; run 'timeline-graph build {self.folder}'") from None
        except (OSError, ValueError) as err:
            raise CaseError(f"{self.cache / 'manifest.json'}: unreadable ({_one_line(err)}); run build again") from err
        if not isinstance(manifest, dict):
            raise CaseError(f"{self.cache / 'manifest.json'}: not a build manifest; run build again")
        return manifest

    def _resolved_key(self, manifest: dict[str, Any]) -> str:
        """What the resolved case depends on: the documents built, the extractors, the code."""
        entries = [(d.get("source"), d.get("sha256"), d.get("dated")) for d in manifest.get("documents", [])]
        extractor = manifest.get("extractor") or EXTRACTOR_VERSION  # with the language pipeline's name
        return snapshot.key_of(CACHE_FORMAT, CACHE_VERSION, ingest.VERSION, extractor, snapshot.code_key(), entries)

    def load(self) -> tuple[list[Document], list[Extraction]]:
        """The built documents and their extractions, in case order."""
        return self._load_entries(self._manifest())

    def _load_entries(self, manifest: dict[str, Any]) -> tuple[list[Document], list[Extraction]]:
        documents, extractions = [], []
        self._extractor = manifest.get("extractor") or extractor_key(self.pipeline)
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
        """The case's graph: its documents and extractions, resolved across documents, curated.

        The resolved case is the one the last build stored; the decisions are applied to it here,
        or, when they are the same as when the curated graph was last stored, that graph is loaded.
        """
        manifest = self._manifest()
        key = self._resolved_key(manifest)
        try:
            log = self.decisions_path.read_bytes()
        except FileNotFoundError:
            log = b""
        except OSError as err:
            raise CaseError(f"{self.decisions_path}: cannot read the decision log ({_one_line(err)})") from err
        curated_key = snapshot.key_of(key, hashlib.sha256(log).hexdigest())
        stored = None if self._fresh else snapshot.read(self.cache / CURATED_FILE, curated_key)
        if stored is not None:
            G, self.skipped_decisions = stored
        else:
            records, G = self._resolved_snapshot(manifest, key)
            with snapshot.paused_gc():
                decisions = read_decisions(self.decisions_path, {d.id: d for d in records.documents})
                done = apply_decisions(records, decisions)
                self.skipped_decisions = done.skipped
                G = update_graph(G, done.changed, done.removed)
            snapshot.write(self.cache / CURATED_FILE, curated_key, (G, self.skipped_decisions))
        G.graph[CASE] = self.settings.as_dict()
        return G

    def _resolved_snapshot(self, manifest: dict[str, Any], key: str) -> tuple[Records, nx.MultiDiGraph]:
        """The resolved records and their graph (a graph of its own: the caller may change it)."""
        if self._fresh is not None and self._fresh[0] == key:
            _, records, graph = self._fresh
            self._fresh = None
            return records, graph
        stored = snapshot.read(self.cache / RESOLVED_FILE, key)
        if stored is not None:
            return stored
        with snapshot.paused_gc():
            documents, extractions = self._load_entries(manifest)
            records = resolve(documents, extractions)
            graph = build_graph(records)
        snapshot.write(self.cache / RESOLVED_FILE, key, (records, graph))  # pickled before any change
        return records, graph

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
            manifest = self._manifest()
            records, _ = self._resolved_snapshot(manifest, self._resolved_key(manifest))
            self._resolved_cache = ({d.id: d for d in records.documents}, records)
        return self._resolved_cache

    def changes(self) -> Changes | None:
        """The files of the case edited, added or deleted since the last build; None if it is not built.

        A file whose size and modification time are those of the build is taken as unchanged;
        one whose time alone differs is read, and changed only if its bytes differ.
        """
        try:
            manifest = self._manifest()
        except CaseError:
            return None
        built = manifest.get("files")
        if not isinstance(built, dict):  # a manifest of an older build: its documents and their hashes
            built = {d["source"]: [None, None, d["sha256"]] for d in manifest.get("documents", [])}
        edited, added = [], []
        now = set()
        for source, path in self._sources():
            now.add(source)
            if source not in built:
                added.append(source)
                continue
            size, mtime, sha = built[source]
            try:
                stat = path.stat()
                if (stat.st_size, stat.st_mtime_ns) == (size, mtime):
                    continue
                same_size = size is None or stat.st_size == size
                if not (same_size and sha is not None and hashlib.sha256(path.read_bytes()).hexdigest() == sha):
                    edited.append(source)
            except OSError:
                edited.append(source)
        deleted = sorted(set(built) - now)
        return Changes(tuple(edited), tuple(added), tuple(deleted))

    @property
    def problems(self) -> list[str]:
        """The files the last build skipped, one line each."""
        try:
            manifest = json.loads((self.cache / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return list(manifest.get("problems", []))


def changes_since_build(path: Path) -> Changes | None:
    """The files of a case folder edited, added or deleted since its last build; None for a graph
    JSON file, a folder that is not a built case, or one that cannot be read."""
    path = Path(path)
    if not path.is_dir():
        return None
    try:
        return Case.open(path).changes()
    except CaseError:
        return None


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


def extractor_key(pipeline: str | None = None) -> str:
    """What a cached extraction depends on besides the document: the extractors and the pipeline."""
    return f"{EXTRACTOR_VERSION}+{nlp.pipeline_id(pipeline)}"


def _glob(folder: Path, pattern: str) -> Iterator[Path]:
    """``folder.glob(pattern)``, but a leading ``**/`` does not go into hidden folders (the cache
    holds thousands of files, and walking it made every read of a large case slower)."""
    if not pattern.startswith("**/"):
        yield from folder.glob(pattern)
        return
    for root, dirs, _ in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from Path(root).glob(pattern[3:])


def _snapshot_key(path: Path) -> str | None:
    """The key a snapshot file was stored under, without loading it."""
    try:
        with open(path, "rb") as handle:
            handle.readline()
            return handle.readline().decode("ascii", "replace").strip()
    except OSError:
        return None


def _date_key(dated: DocumentDate) -> str:
    """A file-name-safe key of a date and its origin: what a re-dated extraction depends on."""
    return hashlib.sha256(f"{dated.time.edtf}|{dated.origin}".encode()).hexdigest()[:16]


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__
