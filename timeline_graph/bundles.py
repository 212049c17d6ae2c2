"""Bundles of decoded cache entries, so that a re-build does not decode thousands of JSON files.

The case cache keeps one JSON file per document and extraction (see :mod:`.case`); decoding
them, with every span checked against its text, took most of the time of re-building a large
case to which a few documents were added. A build therefore also keeps the entries it read as
they are in memory, in a few *bundles* under ``extractions/`` in the cache, written the way
:mod:`.snapshot` writes a resolved case (records by class and field, signed with the user's key).

The JSON files stay the truth: a bundle's entry is taken only while the JSON file it was read
from has the size and modification time it had then (its stamp), so an entry written since is
read from its JSON file again. A bundle that is corrupt, truncated, not signed by this user,
or of other code or extractors is not used (and is removed by the next build that stores one).

A build stores one new bundle of the entries it read from JSON files, and retires bundles that
are no longer worth reading: a bundle most of whose entries the build did not use, all but one
once there are more than :data:`MAX_BUNDLES`, and every bundle of other code or extractors. The
entries the build used from a retired bundle go into the new one, so what is written is roughly
what changed, and a full rewrite happens only as often as most of the case changes. The bundle
kept when bundles are merged is the one with the most entries this build used, the oldest of
equals: the documents of a case's first build stay in their bundle, and those added since (the
ones most often edited or removed again) are merged with each other, not into it, so that
removing them retires their bundle whole instead of leaving their entries in the one kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, codec, extract, ingest, model, snapshot
from .extract import Extraction
from .model import Document

__all__ = ["BUNDLES_DIR", "MAX_BUNDLES", "Bundles", "bundle_key"]

BUNDLES_DIR = "extractions"
#: More bundles than this, and a build merges all but the largest into its new one.
MAX_BUNDLES = 8
_SUFFIX = ".bundle"
_FORMAT = "timeline-graph/extractions 1"

Entry = tuple[Document, Extraction]
Stamp = tuple[int, int]  # the JSON file's size and modification time (ns)


def bundle_key(extractor: str, cache_format: str) -> str:
    """What a bundle's records depend on: the extractors, the cache entries' format, and the
    code that defines and decodes the records (a change of a record class makes bundles stale)."""
    files = [Path(module.__file__ or "") for module in (model, codec, snapshot, sys.modules[__name__])]
    files += sorted(Path(extract.__file__ or "").parent.rglob("*.py"))
    sources = [hashlib.sha256(path.read_bytes()).hexdigest() for path in files]
    return snapshot.key_of(_FORMAT, __version__, sys.version_info[:2], ingest.VERSION, extractor, cache_format,
                           *sources)


def _stamp(path: Path) -> Stamp | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


@dataclass
class Bundles:
    """The bundles of one cache folder, and what a build took from them or read afresh."""

    folder: Path
    key: str
    #: bundle file name -> (entry file name -> (stamp, entry)); only this key's, readable ones.
    bundles: dict[str, dict[str, tuple[Stamp, Entry]]] = field(default_factory=dict)
    #: bundle files not to be read again: of another key, or unreadable.
    others: list[str] = field(default_factory=list)
    #: entry file name -> the bundle it was taken from, this build.
    taken: dict[str, str] = field(default_factory=dict)
    #: entry file name -> (stamp, entry) read from its JSON file this build.
    fresh: dict[str, tuple[Stamp, Entry]] = field(default_factory=dict)
    #: entry file name -> (stamp, entry) of the bundles, the last bundle read winning.
    _index: dict[str, tuple[str, Stamp, Entry]] = field(default_factory=dict)
    #: bundle file name -> its modification time (ns) when read: the older of two equals is kept.
    _written: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, cache: Path, key: str) -> Bundles:
        """Read every bundle of ``key`` under ``cache``; one that cannot be used is passed over."""
        folder = cache / BUNDLES_DIR
        found = cls(folder, key)
        try:
            names = sorted(path.name for path in folder.iterdir() if path.name.endswith(_SUFFIX))
        except OSError:
            return found
        for name in names:
            entries = _read(folder / name, key) if name.startswith(_prefix(key)) else None
            if entries is None:
                found.others.append(name)
                continue
            found.bundles[name] = entries
            found._written[name] = (_stamp(folder / name) or (0, 0))[1]
            for entry_name, (stamp, entry) in entries.items():
                found._index[entry_name] = (name, stamp, entry)
        return found

    def entry(self, path: Path, read: Callable[[Path], Entry | None]) -> Entry | None:
        """The entry of a JSON cache file: from a bundle while the file's stamp is the bundle's,
        else ``read(path)`` (noted, to be stored in the next bundle); None when there is none."""
        stamp = _stamp(path)
        if stamp is None:
            return None
        held = self._index.get(path.name)
        if held is not None and held[1] == stamp:
            self.taken[path.name] = held[0]
            return held[2]
        found = read(path)
        if found is not None:
            self.fresh[path.name] = (stamp, found)
        return found

    def add(self, path: Path, entry: Entry) -> None:
        """Note the entry a build just wrote to the JSON file ``path`` (stored in the next bundle)."""
        stamp = _stamp(path)
        if stamp is not None:
            self.fresh[path.name] = (stamp, entry)

    def store(self) -> None:
        """Store the entries read afresh in a new bundle, with those the build used from the
        bundles it retires, then remove those (a bundle is removed only once the new one is in)."""
        retired = set(self.others)
        used = {name: sum(1 for entry_name in entries if self.taken.get(entry_name) == name)
                for name, entries in self.bundles.items()}
        for name, entries in self.bundles.items():
            if used[name] * 2 < len(entries):  # most of it unused: not worth reading any more
                retired.add(name)
        kept = [name for name in self.bundles if name not in retired]
        if len(kept) + bool(self.fresh) > MAX_BUNDLES:
            # the most entries in use, then the oldest: not whichever random name sorts first
            base = min(kept, key=lambda name: (-used[name], self._written.get(name, 0), name))
            retired.update(name for name in kept if name != base)
        if not self.fresh and not retired:
            return
        moved = {entry_name: self._index[entry_name][1:] for entry_name, name in self.taken.items()
                 if name in retired}
        entries = {**moved, **self.fresh}
        if entries and not _write(self.folder / f"{_prefix(self.key)}{secrets.token_hex(8)}{_SUFFIX}", self.key,
                                  entries):
            return  # not stored: keep every bundle as it is (a new one may be written next time)
        for name in sorted(retired):
            with contextlib.suppress(OSError):
                (self.folder / name).unlink()


def _prefix(key: str) -> str:
    return f"{key[:16]}-"


def _write(path: Path, key: str, entries: dict[str, tuple[Stamp, Entry]]) -> bool:
    names = sorted(entries)
    value = (names, [entries[name][0] for name in names], [entries[name][1][0] for name in names],
             [entries[name][1][1] for name in names])
    return snapshot.write(path, key, value)


def _read(path: Path, key: str) -> dict[str, tuple[Stamp, Entry]] | None:
    """A bundle's entries by file name; None if it is not one of ``key`` this user wrote, or is damaged."""
    value = snapshot.read(path, key)
    try:
        names, stamps, documents, extractions = value  # type: ignore[misc]
        if not len(names) == len(stamps) == len(documents) == len(extractions):
            return None
        entries = {}
        for name, stamp, document, extraction in zip(names, stamps, documents, extractions, strict=True):
            if not (isinstance(name, str) and isinstance(document, Document) and isinstance(extraction, Extraction)
                    and type(stamp) is tuple and len(stamp) == 2):
                return None
            entries[name] = ((stamp[0], stamp[1]), (document, extraction))
    except (TypeError, ValueError):
        return None
    return entries

