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
        extractions/*.bundle      the entries of documents/ as decoded records, so that a
                                  re-build need not decode every JSON file (see :mod:`.bundles`)
        manifest.json             which files make up the case, and what was skipped
        resolved.pickle           the case resolved across documents: its records and graph
        curated.pickle            the graph with the curation decisions applied, keyed by
                                  the decision log's bytes (see :mod:`.snapshot`); none while
                                  the case has no decision
        <name>.json               a view a reader made of the curated graph and kept (the app's
                                  first page), keyed by what that graph is made of

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
import fnmatch
import functools
import gc
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO, TypeVar

import networkx as nx
import yaml

from . import __version__, heap, ingest, nlp, snapshot, zones
from .bundles import BUNDLES_DIR, Bundles, bundle_key
from .codec import from_dict, to_dict
from .curate import Curation, apply_decisions
from .decisionlog import DECISIONS_FILE, append_decision, read_decisions
from .errors import CaseError, IngestError
from .extract import EXTRACTOR_VERSION, Extraction, extract
from .extract.dating import DocumentDate, cited_dates, reported_dates
from .graph import CASE, build_graph, update_graph, updated_graph
from .model import Decision, Document, Records
from .resolve import resolve
from .review import changed_since, what_changes
from .workers import Crashed, available_cores, cluster_map, ordered_map_chunks

__all__ = [
    "CACHE_DIR",
    "CASE_FILE",
    "BuildReport",
    "Case",
    "Changes",
    "Settings",
    "atomic_file",
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


def atomic_write(path: Path, data: str | bytes | Iterable[str | bytes]) -> None:
    """Write a file so that readers see either the old or the new content, never a part.

    ``data`` may come in pieces (of text or bytes), written as they come: a large document's cache entry
    is then never held whole in memory. The file gets the permissions of any new file of the
    user (``0o666`` less the umask), not the owner-only ones of the temporary file it is
    written to first.
    """
    with atomic_file(path) as handle:
        _write_pieces(handle, data)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write that replaces ``path`` when the block ends without an error (see
    :func:`atomic_write`): for a writer that writes as it goes, such as a snapshot's encoder."""
    with _temporary_beside(path) as (handle, tmp):
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(tmp, path)


def _write_temporary(path: Path, data: str | bytes | Iterable[str | bytes]) -> str:
    """Write ``data`` to a new temporary file beside ``path``, not yet brought to the disk (see
    :class:`AtomicWrites`, which flushes a group of them at once); its name."""
    with _temporary_beside(path) as (handle, tmp):
        _write_pieces(handle, data)
    return tmp


@contextlib.contextmanager
def _temporary_beside(path: Path) -> Iterator[tuple[BinaryIO, str]]:
    """A new temporary file in ``path``'s folder, open to write, with the permissions of any new
    file of the user (``0o666`` less the umask), and its name; removed when the block fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            yield handle, tmp
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _write_pieces(handle: BinaryIO, data: str | bytes | Iterable[str | bytes]) -> None:
    """Write ``data``, whole or in pieces of text (as UTF-8) or bytes, as the pieces come."""
    for piece in [data] if isinstance(data, str | bytes) else data:
        handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)


class AtomicWrites:
    """Several files written as :func:`atomic_write` writes one, for the cost of one flush to disk.

    Each :meth:`write` goes to a temporary file; :meth:`commit` brings them all to the disk at
    once, then renames each into place, so that readers see each file's old or new content, never
    a part, even after a power cut. What is not committed is removed (or, when the process is
    killed first, swept as any half-written file is).
    """

    def __init__(self) -> None:
        self._pending: list[tuple[str, Path]] = []

    def write(self, path: Path, data: str | bytes | Iterable[str | bytes]) -> None:
        """Write ``path``'s new content, to be put in place by :meth:`commit`."""
        self._pending.append((_write_temporary(path, data), path))

    def commit(self) -> None:
        """Flush every written file to the disk, then put each in place."""
        pending, self._pending = self._pending, []
        placed = 0
        try:
            _sync_files([tmp for tmp, _path in pending])
            for tmp, path in pending:
                os.replace(tmp, path)
                placed += 1
        finally:
            self._pending = pending[placed:]
            self.discard()

    def discard(self) -> None:
        """Remove what was written and not committed."""
        for tmp, _path in self._pending:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._pending = []


def _sync_files(paths: Sequence[str]) -> None:
    """Bring the written files to the disk: with one ``syncfs`` of their file system where the
    platform has it and they are several (one flush instead of one for each, a few milliseconds
    apiece), else with an ``fsync`` of each."""
    if len(paths) > 1 and _syncfs(paths[0]):
        return
    for name in paths:
        fd = os.open(name, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _syncfs(path: str) -> bool:
    """``syncfs(2)`` of the file system holding ``path``; False where it cannot be called or fails."""
    call = _libc_syncfs()
    if call is None:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        return bool(call(fd) == 0)
    finally:
        os.close(fd)


@functools.cache
def _libc_syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs`` (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        call: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    return call


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
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f"line {mark.line + 1}: " if mark is not None else ""
            problem = getattr(err, "problem", None) or _one_line(err)
            raise CaseError(f"{path}: the case file is not valid YAML ({where}{problem}); fix it, or delete it "
                            "and build again for default settings") from err
        except (OSError, UnicodeDecodeError) as err:
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
    #: the id of the message this document came attached to in this build, and the sha256 of
    #: what it was read out of (a mailbox, a web archive, that message) and its place there.
    #: Where a document came from is not a fact of its bytes, so it is kept here, not taken from
    #: the cache entry (which the same bytes share, whether they came as a file of their own or
    #: inside another).
    part_of: str | None = None
    container_sha256: str | None = None
    container_path: str | None = None

    @classmethod
    def of(cls, document: Document) -> _Entry:
        """The entry of a document just read: its source, bytes and where it came from."""
        return cls(document.source, document.sha256, part_of=document.part_of,
                   container_sha256=document.container_sha256, container_path=document.container_path)

    def manifest_item(self) -> dict[str, str]:
        """The entry as the manifest lists it (only the keys that are set)."""
        item = {"source": self.source, "sha256": self.sha256, "dated": self.dated, "part_of": self.part_of,
                "container_sha256": self.container_sha256, "container_path": self.container_path}
        return {key: value for key, value in item.items() if value}


class Case:
    """A case folder with its settings and cache."""

    def __init__(self, folder: Path, settings: Settings, cache: Path) -> None:
        self.folder = folder
        self.settings = settings
        self.cache = cache
        #: One line per decision the last :meth:`load_graph` could not apply.
        self.skipped_decisions: list[str] = []
        #: The build manifest's stat and key, the build's documents by id, its resolved records and
        #: their graph (never changed: :meth:`live_graph` makes graphs from it that share what is unchanged).
        self._resolved_cache: tuple[tuple[int, ...], str, dict[str, Document], Records, nx.MultiDiGraph | None] | None = None
        #: The build's key and the log's bytes, its decisions, and the resolved records curated with them.
        self._curated_cache: tuple[str, bytes, list[Decision], Curation] | None = None
        #: The spaCy pipeline builds read documents with (None: the shipped one).
        self.pipeline: str | None = settings.nlp
        self._extractor: str | None = None  # the extractor key of the cache being read or written
        self._memo: dict[tuple[str, str | None], tuple[Document, Extraction]] | None = None  # entries read in a build
        self._bundles: Bundles | None = None  # the decoded entries a build may take instead of reading JSON
        self._cluster: str | None = None  # the Dask scheduler a build extracts on (None: this machine)
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
        unreadable: dict[str, str] = {}
        for pattern in self.settings.documents:
            for source, path in _glob(self.folder, pattern, unreadable):
                if source in found or source == CASE_FILE or any(p.startswith(".") for p in source.split("/")):
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
        broken.update(unreadable)
        return sorted(found.items()), [broken[k] for k in sorted(broken)]

    # -- building ------------------------------------------------------------------------------

    def build(self, *, progress: Progress | None = None, nlp: str | None = None,
              jobs: int | None = None, cluster: str | None = None) -> BuildReport:
        """Ingest and extract every document, reusing cached work; never loses what is stored.

        ``nlp`` names another spaCy pipeline (a package name or a folder) for this build
        instead of the case file's ``nlp`` setting or the shipped pipeline. ``jobs`` is how many
        processes extract documents at once (default: every core, once there are enough
        documents to gain by it); the result is the same for any number. ``cluster`` is the
        address of a Dask distributed scheduler (``tcp://HOST:PORT``) whose workers extract the
        documents instead (see :func:`_extract_all`); CaseError when it cannot be reached.
        """
        self._cluster = cluster
        report = BuildReport()
        self._resolved_cache = self._curated_cache = self._fresh = None
        if nlp:
            self.pipeline = nlp
        self._extractor = extractor_key(self.pipeline)
        with self._lock(), self._reading_once():
            self._sweep()
            bundles = self._bundles = Bundles.load(self.cache, bundle_key(self._extractor, CACHE_FORMAT))
            paths, linked = self._scan()
            report.problems.extend(linked)
            seen: dict[str, str] = {}
            files: dict[str, list[Any]] = {}  # every file read: size, mtime, sha256 (to tell later edits)
            slots = [self._prepare(path, source, seen, report, files) for source, path in paths]
            tasks = [slot for slot in slots if isinstance(slot, _Task)]
            done = len(paths) - len(tasks)
            if progress:
                progress(done, len(paths), "")
            built: dict[str, list[_Entry]] = {}  # a file's source -> the documents read from it
            attached: dict[str, str] = {}  # sha256 -> the message its bytes first came attached to

            def zone_read(source: str, chars: int, length: int) -> None:
                if progress:  # a long document read zone by zone, in this process: how far
                    progress(done, len(paths), f"{source} ({chars * 100 // length}% read)")

            for task, result in _reporting_zones(self._extract_all(tasks, jobs), zone_read):
                if isinstance(result, Crashed):
                    report.problems.append(f"{task.source}: extraction failed ({result.reason})")
                else:
                    report.notes.extend(result.notes)
                    report.problems.extend(result.problems)
                    built[task.source] = self._take(task, result, seen, report, attached)
                del result  # the last document's extraction is not kept alive through resolution
                done += 1
                if progress:
                    progress(done, len(paths), task.source)
            entries = [entry for slot in slots
                       for entry in ([slot] if isinstance(slot, _Entry) else
                                     built.get(slot.source, []) if isinstance(slot, _Task) else [])]
            # bytes that came both as a file and attached to a message are one document, part of
            # that message, whichever of the two the build met first or found in the cache
            entries = [replace(e, part_of=e.part_of or attached.get(e.sha256)) for e in entries]
            entries = self._date_by_citations(entries, report, jobs)
            manifest = {
                "format": CACHE_FORMAT,
                "version": CACHE_VERSION,
                "software": __version__,
                "extractor": self._extractor,
                "pipeline": self.pipeline,
                "documents": [e.manifest_item() for e in entries],
                # each document's part_of and container are the ones above (the cache entry's are not used)
                "parts": True,
                "problems": report.problems,
                "files": files,
            }
            atomic_write(self.cache / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
            # The bundle first: its encoding is made and dropped before resolution, not on top of it.
            bundles.store()
            del bundles
            self._bundles = None
            self._store_resolved(manifest)
        report.documents = [e.source for e in entries]
        return report

    @staticmethod
    def _take(task: _Task, result: _Done, seen: dict[str, str], report: BuildReport,
              attached: dict[str, str]) -> list[_Entry]:
        """The documents a file's task read, less those whose bytes another file already gave;
        ``attached`` gets the message each attachment came with (the first, in case order)."""
        taken = []
        for entry, reused in result.entries:
            source, sha = entry.source, entry.sha256
            if entry.part_of:
                attached.setdefault(sha, entry.part_of)
            if seen.get(sha, source) != source:  # a single-document file is in already, as itself
                report.problems.append(f"{source}: same content as {seen[sha]}, skipped")
                continue
            seen[sha] = source
            report.reused += reused
            report.extracted += not reused
            taken.append(entry)
        return taken

    def _store_resolved(self, manifest: dict[str, Any]) -> None:
        """Resolve the case and store it, unless the stored snapshot is of these same inputs."""
        key = self._resolved_key(manifest)
        path = self.cache / RESOLVED_FILE
        if _snapshot_key(path) == key:
            return
        with snapshot.paused_gc():
            documents, extractions = self._load_entries(manifest)
            if self._memo is not None:
                self._memo.clear()  # what only the extractions hold (their times, ...) goes with them
            heap.trim()  # what the parse freed, before resolution's peak (see .heap)
            records = resolve(documents, extractions)
            del extractions
            heap.trim()  # and what resolution's indexes held, before the graph and its snapshot
            graph = build_graph(records)
        snapshot.write(path, key, (records, graph))
        self._fresh = (key, records, graph)

    def _prepare(self, path: Path, source: str, seen: dict[str, str], report: BuildReport,
                 files: dict[str, list[Any]]) -> _Entry | _Task | None:
        """What a file needs: nothing (its extraction is cached: its entry), an extraction (a
        task), or to be skipped (None, with a problem reported)."""
        try:
            stat = path.stat()
            files[source] = [stat.st_size, stat.st_mtime_ns, None]
            # refused before its bytes are read (a mailbox or web archive: each part, when read)
            too_large = None if ingest.streamed(source) else ingest.too_large(source, stat.st_size,
                                                                              self.settings.max_bytes)
            if too_large is not None:
                report.problems.append(str(too_large))
                return None
            sha = ingest.file_sha256(path)
        except OSError as err:
            report.problems.append(f"{source}: cannot read ({_one_line(err)})")
            return None
        files[source][2] = sha
        if sha in seen:
            report.problems.append(f"{source}: same content as {seen[sha]}, skipped")
            return None
        seen[sha] = source
        if ingest.single_document(source) and self._cached(sha) is not None:
            report.reused += 1
            return _Entry(source, sha)
        return _Task(source, sha, str(path), str(self.cache), self._extractor_now, self.pipeline,
                     self.settings.max_bytes, size=stat.st_size)

    def _extract_all(self, tasks: list[_Task], jobs: int | None) -> Iterator[tuple[_Task, _Done | Crashed]]:
        """Each task's result, in task order: on this machine's processes, or on the workers of
        the build's Dask cluster. A worker has no access to this machine's files: it is sent the
        file's bytes (or a cached entry to re-date) and sends back the cache entries it made,
        which are written here; results are the same as a local build's, byte for byte. The
        entries a task wrote are kept as they came back (see :meth:`_keep`)."""
        for task, result in self._extract_each(tasks, jobs):
            if not isinstance(result, Crashed):
                self._keep(result)
            yield task, result

    def _extract_each(self, tasks: list[_Task], jobs: int | None) -> Iterator[tuple[_Task, _Done | Crashed]]:
        if not self._cluster:
            warm = functools.partial(_warm, tasks[0].pipeline) if tasks else None
            yield from ordered_map_chunks(_run_chunk, _run_task, _chunks(tasks), jobs=_processes(jobs, len(tasks)),
                                          warm=warm)
            return
        if not tasks:
            return
        documents = self.cache / "documents"
        shipped = (_ship(task) for task in tasks)
        try:
            for sent, result in cluster_map(_run_shipped, shipped, address=self._cluster):
                if isinstance(result, Crashed):
                    yield sent.task, result
                    continue
                done, made = result
                for name, data in made:
                    if not (documents / name).exists():
                        atomic_write(documents / name, data)
                yield sent.task, done
        except OSError as err:
            raise CaseError(f"{self.folder}: {_one_line(err)}") from err

    def _date_by_citations(self, entries: list[_Entry], report: BuildReport, jobs: int | None) -> list[_Entry]:
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
        again = []
        for entry, document, extraction in loaded:
            dated = given.get(document.id)
            if dated is None or (extraction.dated is not None and not extraction.dated.weak):
                continue
            key = _date_key(dated)
            if self._cached(entry.sha256, key) is None:
                again.append(_Task(entry.source, entry.sha256, "", str(self.cache), self._extractor_now, self.pipeline,
                                   self.settings.max_bytes, dated, key))
            out[entry.sha256] = replace(entry, dated=key)
        for task, result in self._extract_all(again, jobs):
            if isinstance(result, Crashed) or result.problem:
                # as for a first extraction: report, and keep the first one
                why = result.reason if isinstance(result, Crashed) else result.problem
                report.notes.append(f"{task.source}: extraction against the date {task.dated.describe() if task.dated else ''} failed, "
                                    f"its first extraction is kept ({why})")
                out[task.sha256] = replace(out[task.sha256], dated=None)
            else:
                report.extracted += 1
                report.redated += 1
        return [out[e.sha256] for e in entries]

    @property
    def _extractor_now(self) -> str:
        """The extractor key of the cache being read or written (the current one by default)."""
        if self._extractor is None:
            self._extractor = extractor_key(self.pipeline)
        return self._extractor

    def _entry_path(self, sha: str, key: str | None = None) -> Path:
        return self.cache / "documents" / (f"{sha}@{key}.json" if key else f"{sha}.json")

    def _cached(self, sha: str, key: str | None = None) -> tuple[Document, Extraction] | None:
        """The cached document and extraction for these bytes (and date key), if current; None otherwise.

        During a build each entry is read once: what was read is kept until the case is resolved.
        """
        if self._memo is not None and (sha, key) in self._memo:
            return self._memo[sha, key]
        path = self._entry_path(sha, key)
        if self._bundles is not None:
            found = self._bundles.entry(path, functools.partial(_read_entry, extractor=self._extractor_now))
        else:
            found = _read_entry(path, self._extractor_now)
        if self._memo is not None and found is not None:
            self._memo[sha, key] = found
        return found

    def _keep(self, done: _Done) -> None:
        """Keep the entries a task wrote for the rest of the build as the task made them, rather
        than read them back from their JSON files (decoding every record and checking every span
        again, to get records equal to these)."""
        if self._memo is None:
            return
        for sha, key, document, extraction in done.made:
            self._memo[sha, key] = (document, extraction)
            if self._bundles is not None:
                self._bundles.add(self._entry_path(sha, key), (document, extraction))

    def _sweep(self) -> None:
        """Remove the half-written cache entries a killed build left (only builds write entries,
        and this one holds the lock)."""
        for folder in ("documents", BUNDLES_DIR):
            for leftover in (self.cache / folder).glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    @contextlib.contextmanager
    def _reading_once(self) -> Iterator[None]:
        """Keep what is read of the cache until the block ends (a build reads each entry once)."""
        self._memo = {}
        try:
            yield
        finally:
            self._memo = self._bundles = None

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
        entries = [(d.get("source"), d.get("sha256"), d.get("dated"), d.get("part_of"), d.get("container_sha256"),
                    d.get("container_path")) for d in manifest.get("documents", [])]
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
            documents.append(_placed(document, item, manifest))
            extractions.append(extraction)
        return documents, extractions

    def load_graph(self, *, store: bool = False) -> nx.MultiDiGraph:
        """The case's graph: its documents and extractions, resolved across documents, curated.

        The resolved case is the one the last build stored; the decisions are applied to it here,
        or, when they are the same as when the curated graph was last stored, that graph is loaded.
        A case without decisions has no curated graph of its own: its resolved one is loaded.
        ``store=True`` (the build) also stores the curated graph. Reads do not: writing it took
        6 s on a case of 5,000 documents, a wait after every new decision, to save the tenth of
        a second applying a hundred decisions takes.
        """
        manifest = self._manifest()
        key = self._resolved_key(manifest)
        curated_key = self._curated_key(key)
        stored = None if self._fresh else snapshot.read(self.cache / CURATED_FILE, curated_key)
        if stored is not None:
            G, self.skipped_decisions = stored
        else:
            records, G = self._resolved_snapshot(manifest, key)
            self._remember(key, records)
            with snapshot.paused_gc():
                decisions = read_decisions(self.decisions_path, {d.id: d for d in records.documents})
                done = apply_decisions(records, decisions)
                self.skipped_decisions = done.skipped
                G = update_graph(G, done.changed, done.removed)
            if decisions and store:  # with none, the curated graph is the resolved one, stored already
                snapshot.write(self.cache / CURATED_FILE, curated_key, (G, self.skipped_decisions))
        G.graph[CASE] = self.settings.as_dict()
        return G

    def _curated_key(self, resolved_key: str) -> str:
        return snapshot.key_of(resolved_key, hashlib.sha256(self._log_bytes()).hexdigest())

    def graph_key(self) -> str:
        """A key that changes whenever the curated graph would: a new build or a new decision."""
        return self._curated_key(self._resolved_key(self._manifest()))

    def read_view(self, name: str, made_by: Sequence[ModuleType] = ()) -> dict[str, Any] | None:
        """What a reader kept with :meth:`store_view` under ``name``, if it was made of the graph
        the case loads as now (the same build, decisions and code), of the same settings and by the
        same source of the modules ``made_by``; else None."""
        try:
            stored = json.loads((self.cache / f"{name}.json").read_text(encoding="utf-8"))
            key = self._view_key(made_by)
        except (OSError, ValueError, CaseError):
            return None
        value = stored.get("value") if isinstance(stored, dict) and stored.get("key") == key else None
        return value if isinstance(value, dict) else None

    def store_view(self, name: str, value: dict[str, Any], made_by: Sequence[ModuleType] = ()) -> None:
        """Keep ``value``, plain JSON data the modules ``made_by`` made of the case's graph, in the
        cache for :meth:`read_view` (quietly not when the cache cannot be written: it is made again)."""
        try:
            key = self._view_key(made_by)
            data = json.dumps({"key": key, "value": value}, ensure_ascii=False, sort_keys=True)
            atomic_write(self.cache / f"{name}.json", data)
        except (OSError, CaseError):
            pass

    def _view_key(self, made_by: Sequence[ModuleType]) -> str:
        settings = json.dumps(self.settings.as_dict(), sort_keys=True, default=str)
        code = [hashlib.sha256(Path(module.__file__ or "").read_bytes()).hexdigest() for module in made_by]
        return snapshot.key_of(self.graph_key(), settings, *code)

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
        """Every decision of the log, in the order made (needs a built case for added events' words);
        read again only when the log changed."""
        return list(self._curated_now()[0])

    def decide(self, decision: Decision, *, seen: Mapping[str, str | None] | None = None) -> None:
        """Append a decision to the log if it applies to the case as it stands; CaseError saying why not.

        ``seen`` maps record ids to the latest decision about each when the curator looked at it
        (None: none); if another decision changed one of them since, the decision is refused.
        The check and the write are made under the log's lock.
        """
        def check() -> None:
            earlier, _ = self._curated_now()
            stale = changed_since(earlier, seen or {})
            if stale:
                raise CaseError(f"not recorded: {stale}")
            self._with(decision, "not recorded")

        append_decision(self.decisions_path, decision, check)

    def preview(self, decision: Decision) -> list[str]:
        """What a decision would change in the case, one line each; CaseError if it cannot apply."""
        before, after = self._with(decision, "cannot apply")
        return what_changes(before, after, decision)

    def _with(self, decision: Decision, refusal: str) -> tuple[Records, Records]:
        """The curated records before and after one more decision; CaseError (``refusal: why``)
        if it cannot apply. The whole log is applied again with it, so that it follows earlier
        merges and an undo takes its decision's changes out."""
        earlier, before = self._curated_now()
        after = apply_decisions(self._resolved()[1], [*earlier, decision])
        mine = [line for line in after.skipped if line.startswith(f"decision {decision.id} ")]
        if mine:
            raise CaseError(f"{refusal}: {mine[0].split('): ', 1)[-1]}")
        return before.records, after.records

    def _log_bytes(self) -> bytes:
        """The decision log as it is on disk (b"" when there is none)."""
        try:
            return self.decisions_path.read_bytes()
        except FileNotFoundError:
            return b""
        except OSError as err:
            raise CaseError(f"{self.decisions_path}: cannot read the decision log ({_one_line(err)})") from err

    def _curated_now(self) -> tuple[list[Decision], Curation]:
        """The log's decisions and the resolved records with them applied, kept while the build
        and the log are unchanged."""
        key, documents, resolved, _ = self._resolved_now()
        log = self._log_bytes()
        if self._curated_cache is None or self._curated_cache[:2] != (key, log):
            earlier = read_decisions(self.decisions_path, documents)
            self._curated_cache = (key, log, earlier, apply_decisions(resolved, earlier))
        return self._curated_cache[2], self._curated_cache[3]

    def resolved_records(self) -> Records:
        """The case's records as the last build resolved them, before any decision: what a
        decision names can be read here after a decision took it out (rejected, merged away)."""
        return self._resolved()[1]

    def _resolved(self) -> tuple[dict[str, Document], Records]:
        """The built documents by id and their records resolved across documents, kept until the next build."""
        _, documents, records, _ = self._resolved_now()
        return documents, records

    def _stamp(self) -> tuple[int, ...]:
        """What tells one build's manifest from the next (empty when there is none)."""
        try:
            stat = os.stat(self.cache / "manifest.json")
        except OSError:
            return ()
        return (stat.st_ino, stat.st_size, stat.st_mtime_ns)

    def _resolved_now(self, *, graph: bool = False) -> tuple[str, dict[str, Document], Records, nx.MultiDiGraph | None]:
        """The last build's key, documents by id, resolved records and (with ``graph``, else when
        kept) their graph: read once, kept until the next build."""
        seen = self._stamp()
        kept = self._resolved_cache
        if kept is None or not seen or kept[0] != seen or (graph and kept[4] is None):
            manifest = self._manifest()
            key = self._resolved_key(manifest)
            records, G = self._resolved_snapshot(manifest, key)
            kept = self._resolved_cache = (seen, key, {d.id: d for d in records.documents}, records, G)
        return kept[1:]

    def _remember(self, key: str, records: Records) -> None:
        """Keep the resolved records (immutable) that :meth:`load_graph` read, without their graph
        (which it changes): 'decide' and 'decisions' load the graph first, and would read the
        whole resolved case a second time without this."""
        self._resolved_cache = (self._stamp(), key, {d.id: d for d in records.documents}, records, None)

    def live_graph(self) -> nx.MultiDiGraph:
        """The case's graph as :meth:`load_graph` makes it (never stored), for a reader that loads
        the case again after each decision, as the app does.

        The decisions are applied to the resolved records this object keeps, and the graph is
        made from the resolved graph it keeps by :func:`~timeline_graph.graph.updated_graph`: it
        shares every node the decisions leave alone with that graph, so a decision shows at once
        on a large case. Treat the graph as read-only: a change to it may show in other graphs
        this method returns.
        """
        _, done = self._curated_now()
        resolved = self._resolved_now(graph=True)[3]
        assert resolved is not None
        G = updated_graph(resolved, done.changed, done.removed)
        self.skipped_decisions = list(done.skipped)
        G.graph[CASE] = self.settings.as_dict()
        return G

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
                if not (same_size and sha is not None and ingest.file_sha256(path) == sha):
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


def load_graph(path: Path, *, store: bool = False) -> nx.MultiDiGraph:
    """The graph of a built case folder (``store``: see :meth:`Case.load_graph`), or of a graph
    JSON export file."""
    path = Path(path)
    if path.is_file() and path.suffix == ".json":
        from .export.graphjson import from_json

        try:
            return from_json(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            raise CaseError(f"{path}: cannot read ({_one_line(err)})") from err
    return Case.open(path).load_graph(store=store)


# ---------------------------------------------------------------------------------------------
# Extracting one document (in this process or another one)


@dataclass(frozen=True)
class _Task:
    """One extraction for a process to run: a file's, or a cached document's again against a date."""

    source: str
    sha256: str
    path: str  # the file ("" when the document is taken from the cache to be re-dated)
    cache: str
    extractor: str
    pipeline: str | None
    max_bytes: int
    dated: DocumentDate | None = None
    key: str | None = None  # the date's key, for the cache entry's name
    size: int = 0  # the file's bytes (0: not known)


@dataclass(frozen=True)
class _Done:
    """What a task did: the documents it read (each an entry, and whether its extraction was
    cached), one line for each that failed, and notes on what was read."""

    entries: tuple[tuple[_Entry, bool], ...] = ()
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    #: the cache entries it wrote: sha256, date key, document, extraction
    made: tuple[tuple[str, str | None, Document, Extraction], ...] = ()

    @property
    def problem(self) -> str | None:
        """The first failure, if any."""
        return self.problems[0] if self.problems else None


#: Small files of one document each are extracted several at a time, their texts parsed together:
#: the pipeline's batches (``nlp.BATCH_CHARACTERS``) are then full rather than one short article's,
#: which takes about a seventh off the parse of news articles. A group holds up to this many bytes
#: of files and this many files; a larger file, a container or a re-dating goes alone.
CHUNK_BYTES = 40_000
CHUNK_FILES = 16


def _chunks(tasks: list[_Task]) -> Iterator[tuple[_Task, ...]]:
    """The tasks in the groups extracted together, in order; the same groups for any ``jobs``."""
    chunk: list[_Task] = []
    size = 0
    for task in tasks:
        alone = task.dated is not None or task.size > CHUNK_BYTES or not ingest.single_document(task.source)
        if chunk and (alone or size + task.size > CHUNK_BYTES or len(chunk) == CHUNK_FILES):
            yield tuple(chunk)
            chunk, size = [], 0
        chunk.append(task)
        size += task.size
        if alone:
            yield tuple(chunk)
            chunk, size = [], 0
    if chunk:
        yield tuple(chunk)


#: A file's documents and the notes on reading them, read before they are extracted.
_Read = tuple[list[Document | IngestError], list[str]]


def _run_chunk(chunk: tuple[_Task, ...]) -> tuple[_Done, ...]:
    """:func:`_run_task` of each task, the texts to extract parsed first all at once.

    A file that cannot be read ahead is read again by its task, which reports it; where the
    joint parse fails, each document is parsed alone (and its failure reported for it alone).
    Small files are extracted with fewer garbage collections (:func:`_steady_gc`); a large one
    with the usual ones, which free its parse's cycles sooner.
    """
    small = all(0 < task.size <= CHUNK_BYTES for task in chunk)
    with _steady_gc() if small else contextlib.nullcontext():
        if len(chunk) == 1:
            done = (_run_task(chunk[0]),)
            if not small:
                # the parse of a large document holds cycles: freed now, not left for resolution
                # (which pauses the collector) to keep it in memory beside everything it makes
                gc.collect()
            return done
        return _run_together(chunk)


def _run_together(chunk: tuple[_Task, ...]) -> tuple[_Done, ...]:
    """The files of a group read first, their new documents parsed in one call, then each task run."""
    read: dict[str, _Read] = {}
    for task in chunk:
        notes: list[str] = []
        try:
            read[task.source] = (list(ingest.read_file_parts(Path(task.path), source=task.source, sha256=task.sha256,
                                                             max_bytes=task.max_bytes, notes=notes)), notes)
        except Exception:  # read and reported again by the task
            continue
    fresh = {part.sha256: part.text for parts, _ in read.values() for part in parts
             if isinstance(part, Document) and not (Path(chunk[0].cache) / "documents" / f"{part.sha256}.json").exists()}
    try:
        parses = dict(zip(fresh, nlp.parse_many(list(fresh.values()), nlp=chunk[0].pipeline), strict=True))
    except Exception:  # each document parsed again alone, its failure reported for it
        parses = {}
    # the group's cache entries brought to the disk at once, not with one flush each
    writes = AtomicWrites()
    try:
        done = tuple(_run_task(task, read.get(task.source), parses, writes) for task in chunk)
        try:
            writes.commit()
        except OSError as err:  # as a failure to write an entry: reported for each document
            return tuple(_unstored(d, err) for d in done)
    finally:
        writes.discard()
    return done


def _unstored(done: _Done, err: OSError) -> _Done:
    """What a task did when the entries it extracted could not be stored: each a problem."""
    return _Done(tuple((entry, reused) for entry, reused in done.entries if reused),
                 done.problems + tuple(f"{entry.source}: cannot store its extraction ({_one_line(err)})"
                                       for entry, reused in done.entries if not reused),
                 done.notes)


#: Young collections while extracting wait for this many new objects (Python's default is 700).
EXTRACTING_GC_THRESHOLD = (10_000, 20, 20)


@contextlib.contextmanager
def _steady_gc() -> Iterator[None]:
    """Collect less often while extracting: what exists as a group starts (the language
    pipeline, loaded once) is set aside from every collection (``gc.freeze``), and young
    collections wait for more new objects. About a twentieth less CPU to extract news articles;
    the records made are the same. The thresholds and what was frozen are as before afterwards
    (a heap frozen already, a loaded case's, stays so: :func:`snapshot.paused_gc`)."""
    frozen = gc.get_freeze_count() > 0
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*EXTRACTING_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen:
            gc.unfreeze()


#: A text of invented names that :func:`_warm` extracts: it makes the extractors load their word
#: lists and compile their patterns.
_WARMING_TEXT = ("Ana Silva, a spokeswoman for Acme Corp in Denver, said on Monday that the firm had hired 20 "
                 "workers in May 2019. \"We grew,\" she told the Pell Valley News.")


def _warm(pipeline: str | None) -> None:
    """Load the language pipeline and what the extractors read, here, before the extracting
    processes are forked from this process: they share one copy instead of each loading its own
    (about a second of work for each process). Nothing is stored."""
    try:
        extract(ingest.read_bytes(_WARMING_TEXT.encode(), source="warming.txt"), pipeline=pipeline)
    except Exception:  # a pipeline that cannot load is reported by the tasks themselves
        return


def _run_task(task: _Task, read: _Read | None = None, parses: Mapping[str, nlp.Parse] | None = None,
              writes: AtomicWrites | None = None) -> _Done:
    """Read a file's documents (or take a cached one to re-date), extract and store each; every
    failure is one line naming what failed, and the file's other documents go on. ``read`` is
    the file's documents if already read, ``parses`` the parses already made (by sha256);
    ``writes``, where given, takes the cache entries, for the caller to commit."""
    if task.dated is not None:
        return _redate(task)
    notes: list[str] = [] if read is None else read[1]
    entries: list[tuple[_Entry, bool]] = []
    problems: list[str] = []
    made: list[tuple[str, str | None, Document, Extraction]] = []
    parses = parses or {}
    try:
        parts = read[0] if read is not None else ingest.read_file_parts(
            Path(task.path), source=task.source, sha256=task.sha256, max_bytes=task.max_bytes, notes=notes)
        for part in parts:
            if isinstance(part, IngestError):
                problems.append(_one_line(part))
                continue
            path = Path(task.cache) / "documents" / f"{part.sha256}.json"
            if _read_entry(path, task.extractor) is not None:
                entries.append((_Entry.of(part), True))
                continue
            try:
                extraction = _extract_document(part, parse=parses.get(part.sha256), pipeline=task.pipeline)
            except Exception as err:  # an extractor bug must not stop the batch; it is reported
                problems.append(f"{part.source}: extraction failed ({type(err).__name__}: {_one_line(err)})")
                continue
            _store_entry(path, task.extractor, part, extraction, writes)
            entries.append((_Entry.of(part), False))
            made.append((part.sha256, None, part, extraction))
    except Exception as err:  # a reader bug must not stop the batch; what was read before it is kept
        problems.append(f"{task.source}: reading failed ({type(err).__name__}: {_one_line(err)})")
    return _Done(tuple(entries), tuple(problems), tuple(notes), tuple(made))


@dataclass(frozen=True)
class _Shipped:
    """A task sent to a cluster's worker with what it reads: the file's bytes, or the cached
    entry it re-dates, and the code it must run (a worker with other code would extract
    otherwise)."""

    task: _Task
    data: bytes | None
    entry: bytes | None
    code: str
    unreadable: str | None = None


def _ship(task: _Task) -> _Shipped:
    code = snapshot.code_key()
    try:
        if task.dated is not None:
            entry = (Path(task.cache) / "documents" / f"{task.sha256}.json").read_bytes()
            return _Shipped(task, None, entry, code)
        return _Shipped(task, Path(task.path).read_bytes(), None, code)
    except OSError as err:
        return _Shipped(task, None, None, code, f"{task.source}: cannot read ({_one_line(err)})")


def _run_shipped(shipped: _Shipped) -> tuple[_Done, tuple[tuple[str, bytes], ...]]:
    """On a worker: run the task against a private copy of what it reads, and return what it
    did with the cache entries it made (name, bytes)."""
    task = shipped.task
    if shipped.unreadable:
        return _Done(problems=(shipped.unreadable,)), ()
    if shipped.code != snapshot.code_key():
        return _Done(problems=(f"{task.source}: the cluster's worker runs other timeline-graph code than this "
                               f"machine (install the same version on every worker)",)), ()
    with tempfile.TemporaryDirectory(prefix="timeline-graph-worker-") as folder:
        documents = Path(folder) / "cache" / "documents"
        documents.mkdir(parents=True)
        given = documents / f"{task.sha256}.json"
        if shipped.entry is not None:
            given.write_bytes(shipped.entry)
        source = Path(folder) / "input"
        if shipped.data is not None:
            source.write_bytes(shipped.data)
        done = _run_task(replace(task, path=str(source) if shipped.data is not None else "",
                                 cache=str(Path(folder) / "cache")))
        made = tuple((path.name, path.read_bytes()) for path in sorted(documents.iterdir())
                     if path.suffix == ".json" and not (shipped.entry is not None and path == given))
    return done, made


def _redate(task: _Task) -> _Done:
    """Extract a cached document again against the date another document gives it."""
    documents = Path(task.cache) / "documents"
    cached = _read_entry(documents / f"{task.sha256}.json", task.extractor)
    if cached is None:
        return _Done(problems=(f"{task.source}: its cached extraction is gone",))
    document = replace(cached[0], source=task.source)
    try:
        extraction = _extract_document(document, task.dated, pipeline=task.pipeline)
    except Exception as err:  # an extractor bug must not stop the batch; it is reported
        return _Done(problems=(f"{task.source}: extraction failed ({type(err).__name__}: {_one_line(err)})",))
    _store_entry(documents / f"{task.sha256}@{task.key}.json", task.extractor, document, extraction)
    return _Done(((_Entry(task.source, task.sha256), False),), made=((task.sha256, task.key, document, extraction),))


_T = TypeVar("_T")

#: Where the building process reports how far it has read a long document: its process id and a
#: function of the document's source, the characters extracted and its length (see :meth:`Case.build`).
_zone_progress: tuple[int, Callable[[str, int, int], None]] | None = None


def _reporting_zones(results: Iterator[_T], report: Callable[[str, int, int], None]) -> Iterator[_T]:
    """The results, with ``report`` told of each zone of a long document this process extracts
    meanwhile (processes of a pool have their own progress, not reported)."""
    global _zone_progress
    before, _zone_progress = _zone_progress, (os.getpid(), report)
    try:
        yield from results
    finally:
        _zone_progress = before


def _extract_document(document: Document, dated: DocumentDate | None = None, *, parse: nlp.Parse | None = None,
                      pipeline: str | None = None) -> Extraction:
    """The extraction of one document: of a long one zone by zone (:mod:`.zones`), which bounds
    the memory its parse and the extractors' work take whatever its length."""
    if not zones.is_zoned(document):
        return extract(document, dated, parse=parse, pipeline=pipeline)
    hook = _zone_progress
    report = functools.partial(hook[1], document.source) if hook is not None and hook[0] == os.getpid() else None
    return zones.extract_zoned(document, dated, pipeline=pipeline, progress=report)


def _store_entry(path: Path, extractor: str, document: Document, extraction: Extraction,
                 writes: AtomicWrites | None = None) -> None:
    """Write one cache entry: the document and what was extracted from it (to ``writes``, where
    given, which puts it in place when committed)."""
    payload = {
        "format": CACHE_FORMAT,
        "version": CACHE_VERSION,
        "ingest": ingest.VERSION,
        "extractor": extractor,
        "document": document,
        "extraction": extraction,
    }
    if writes is not None:
        writes.write(path, _entry_json(payload))
    else:
        atomic_write(path, _entry_json(payload))


def _entry_json(payload: dict[str, Any]) -> Iterator[str]:
    """``json.dumps`` of a cache entry (its records as :func:`to_dict` gives them, keys sorted)
    in pieces, one record at a time: the JSON of a 1 MB document's extraction is about 14 MB,
    and its dicts several times that, which the entry of a 50 MB document cannot hold at once."""
    yield "{"
    for n, key in enumerate(sorted(payload)):
        yield f"{', ' if n else ''}{_json(key)}: "
        value = payload[key]
        if key == "extraction":
            yield from _record_json(value)
        else:
            yield _json(to_dict(value) if is_dataclass(value) else value)
    yield "}\n"


def _record_json(record: Any) -> Iterator[str]:
    """A record's JSON as ``json.dumps(to_dict(record), sort_keys=True)`` gives it, each item of
    a tuple field encoded apart."""
    yield "{"
    for n, name in enumerate(sorted(f.name for f in fields(record))):
        value = getattr(record, name)
        yield f"{', ' if n else ''}{_json(name)}: "
        if isinstance(value, tuple | list):
            yield "["
            for m, item in enumerate(value):
                yield (", " if m else "") + _json(to_dict(item) if is_dataclass(item) else item)
            yield "]"
        else:
            yield _json(to_dict(value) if is_dataclass(value) else value)
    yield "}"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _read_entry(path: Path, extractor: str) -> tuple[Document, Extraction] | None:
    """A cache entry's document and extraction, if it is readable and current; None otherwise."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or (
        payload.get("format"), payload.get("version"), payload.get("ingest"), payload.get("extractor")
    ) != (CACHE_FORMAT, CACHE_VERSION, ingest.VERSION, extractor):
        return None
    try:
        document = from_dict(Document, payload["document"], {})
        extraction = from_dict(Extraction, payload["extraction"], {document.id: document.text})
    except (KeyError, ValueError, TypeError):
        return None
    return document, extraction


#: Fewer documents to extract than this, and a build with the default number of processes
#: extracts them in its own process (starting others would cost more than it gains).
PARALLEL_FROM = 16


def _processes(jobs: int | None, tasks: int) -> int:
    """How many processes extract ``tasks`` documents when ``jobs`` were asked for (None: default)."""
    if jobs is None:
        jobs = available_cores() if tasks >= PARALLEL_FROM else 1
    return max(1, min(jobs, tasks))


def extractor_key(pipeline: str | None = None) -> str:
    """What a cached extraction depends on besides the document: the extractors and the pipeline."""
    zoned = zones.limits_key()  # other limits than the defaults zone long documents otherwise
    return f"{EXTRACTOR_VERSION}+{nlp.pipeline_id(pipeline)}" + (f"+{zoned}" if zoned else "")


def _glob(folder: Path, pattern: str, unreadable: dict[str, str] | None = None) -> Iterator[tuple[str, Path]]:
    """(path in the folder, path) of each match of ``folder.glob(pattern)``, but a leading
    ``**/`` does not go into hidden folders (the cache holds thousands of files, and walking it
    made every read of a large case slower), and is matched on names without making a Path of
    each one that does not match. A folder that cannot be listed is put in ``unreadable``, as
    one line naming it, rather than passed over in silence."""
    rest = pattern[3:]
    if not pattern.startswith("**/") or "/" in rest or "**" in rest:
        for path in folder.glob(pattern):
            yield path.relative_to(folder).as_posix(), path
        return
    top = str(folder)

    def cannot_list(err: OSError) -> None:
        if unreadable is not None and err.filename:
            at = os.path.relpath(err.filename, top).replace(os.sep, "/")
            unreadable[at] = f"{at}: cannot read the folder ({_one_line(err)}), skipped with all it holds"

    for root, dirs, files in os.walk(top, onerror=cannot_list):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        at = os.path.relpath(root, top).replace(os.sep, "/")
        prefix = "" if at == "." else at + "/"
        for name in fnmatch.filter(dirs + files, rest):
            yield prefix + name, Path(root, name)


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


def _placed(document: Document, item: dict[str, Any], manifest: dict[str, Any]) -> Document:
    """A cached document with the source, message and container the manifest gives it in this
    build (a manifest of an earlier version gives no message or container: the cache entry's stand)."""
    place: dict[str, Any] = {"source": item["source"]}
    if manifest.get("parts"):
        place.update({key: item.get(key) for key in ("part_of", "container_sha256", "container_path")})
    if all(getattr(document, key) == value for key, value in place.items()):
        return document
    return replace(document, **place)


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__
