"""The resolved case kept in its cache, so that reading a built case does not resolve it again.

A build resolves the case once and stores the result, the records resolved across documents
and their graph, as one snapshot file; a read loads it and applies the curation decisions
(see :class:`~timeline_graph.case.Case`). Snapshots are pickles: loading the records and graph
of a 5,000-document case from JSON took several times longer than from a pickle, which keeps
the objects as they are. A pickle can run code when it is loaded, so each snapshot is signed
with a key of the user's own (``$XDG_CACHE_HOME/timeline-graph/snapshot-key``, made on first
use, readable by the user only): a snapshot this user's tool did not write, say in a case
folder received from someone else, is not loaded but made again from the case's JSON cache.

A snapshot names the inputs it was made from by a key (:func:`key_of`): when that key is not
the one a reader expects (another extractor, resolver or software version, other documents or
decisions), the snapshot is not used.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import os
import pickle
import secrets
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["code_key", "key_of", "paused_gc", "read", "write"]

_MAGIC = b"timeline-graph snapshot 1\n"
_KEY_ENV = "TIMELINE_GRAPH_SNAPSHOT_KEY"


def key_of(*parts: object) -> str:
    """A hex digest naming the inputs a snapshot was made from."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def code_key() -> str:
    """What a snapshot's pickled objects depend on besides their inputs: the Python and networkx
    versions and the source of the modules that define and make the records and the graph."""
    import networkx

    from . import __version__, curate, graph, model, resolve

    sources = [hashlib.sha256(path.read_bytes()).hexdigest()
               for module in (model, resolve, curate, graph) for path in _source_files(module)]
    return key_of(__version__, sys.version_info[:2], networkx.__version__, *sources)


def _source_files(module: ModuleType) -> list[Path]:
    """A module's source file, or every source file of a package (a rule may live in any)."""
    path = Path(module.__file__ or "")
    if hasattr(module, "__path__"):
        return sorted(path.parent.rglob("*.py"))
    return [path]


def write(path: Path, key: str, value: Any) -> bool:
    """Store ``value`` under ``key`` at ``path`` (atomically); False when it cannot be stored."""
    from .case import atomic_write

    secret = _secret()
    if secret is None:
        return False
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    header = _MAGIC + key.encode("ascii") + b"\n"
    signature = hmac.new(secret, header + data, hashlib.sha256).hexdigest().encode("ascii") + b"\n"
    try:
        atomic_write(path, header + signature + data)
    except OSError:
        return False
    return True


def read(path: Path, key: str) -> Any | None:
    """The value stored under ``key`` at ``path``; None when there is none, it was stored under
    another key, or this user's tool did not write it."""
    secret = _secret()
    if secret is None:
        return None
    try:
        with open(path, "rb") as handle:
            header = handle.readline() + handle.readline()
            signature = handle.readline().strip()
            if header != _MAGIC + key.encode("ascii") + b"\n":
                return None
            data = handle.read()
    except OSError:
        return None
    expected = hmac.new(secret, header + data, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(signature, expected):
        return None
    with paused_gc():
        try:
            return pickle.loads(data)
        except Exception:  # a snapshot of classes that have changed since: make it again
            return None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small records, tuples and dicts are
    made (a case loaded, an export written or read) and no cycles: its repeated passes over the
    growing heap cost more than the work (they tripled the load time of a 5,000-document case)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _key_file() -> Path:
    if os.environ.get(_KEY_ENV):
        return Path(os.environ[_KEY_ENV])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "timeline-graph" / "snapshot-key"


def _secret() -> bytes | None:
    """This user's signing key, made on first use; None where it can be neither read nor made."""
    path = _key_file()
    secret = _read_secret(path)
    if secret is not None:
        return secret
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".snapshot-key.")  # readable by the user only
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        try:
            os.link(tmp, path)  # never replaces a key another process made first
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    except OSError:
        return None
    return _read_secret(path)


def _read_secret(path: Path) -> bytes | None:
    try:
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) >= 32 else None
