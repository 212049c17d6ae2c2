"""The resolved case kept in its cache, so that reading a built case does not resolve it again.

A build resolves the case once and stores the result, the records resolved across documents
and their graph, as one snapshot file; a read loads it and applies the curation decisions
(see :class:`~timeline_graph.case.Case`).

Loading a 5,000-document case means making some 2.5 million Python objects, and that is
where the time goes, so a snapshot is laid out for making them fast. The records (every
dataclass instance reachable from the stored value: documents, spans, events, claims, ...)
are stored by class as columns, one per field, of plain values (marshal) or of references to
other records; a load makes each class's instances in one pass and sets one field at a time
across all of them, with no Python code run per record and no per-record ``__dict__``. An
equal time value, date or span is stored once. What holds the records (the networkx graph,
its edges, lists) is a pickle in which each record is a reference into those columns. This
loads in about two thirds of the time a plain pickle of the same value takes.

Marshal and pickle data can run code when loaded, so each snapshot is signed with a key of
the user's own (``$XDG_CACHE_HOME/timeline-graph/snapshot-key``, made on first use, readable
by the user only): a snapshot this user's tool did not write, say in a case folder received
from someone else, is not loaded but made again from the case's JSON cache.

A snapshot names the inputs it was made from by a key (:func:`key_of`): when that key is not
the one a reader expects (another extractor, resolver or software version, other documents or
decisions), the snapshot is not used.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import hmac
import importlib
import io
import marshal
import os
import pickle
import secrets
import sys
import tempfile
from collections import deque
from collections.abc import Iterator
from datetime import date
from itertools import repeat
from pathlib import Path
from types import ModuleType
from typing import Any

import networkx as nx

__all__ = ["code_key", "decode", "encode", "key_of", "paused_gc", "read", "write"]

_MAGIC = b"timeline-graph snapshot 2\n"
_KEY_ENV = "TIMELINE_GRAPH_SNAPSHOT_KEY"


def key_of(*parts: object) -> str:
    """A hex digest naming the inputs a snapshot was made from."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def code_key() -> str:
    """What a snapshot's stored objects depend on besides their inputs: the Python and networkx
    versions, the source of the modules that define and make the records and the graph, and
    this module's own (the layout it writes)."""
    import networkx

    from . import __version__, curate, graph, model, resolve

    sources = [hashlib.sha256(path.read_bytes()).hexdigest()
               for module in (model, resolve, curate, graph, sys.modules[__name__])
               for path in _source_files(module)]
    return key_of(__version__, sys.version_info[:2], networkx.__version__, *sources)


def _source_files(module: ModuleType) -> list[Path]:
    """A module's source file, or every source file of a package (a rule may live in any)."""
    path = Path(module.__file__ or "")
    if hasattr(module, "__path__"):
        return sorted(path.parent.rglob("*.py"))
    return [path]


def write(path: Path, key: str, value: Any) -> bool:
    """Store ``value`` under ``key`` at ``path`` (atomically); False when it cannot be stored.

    While a graph in ``value`` is written, its nodes hold None in place of their records (they
    are put back before this returns, even on an error): write a graph no other thread reads.
    """
    from .case import atomic_write

    secret = _secret()
    if secret is None:
        return False
    with paused_gc():  # numbering the records makes a dict entry and a key for each, no cycles
        data = encode(value)
    header = _MAGIC + key.encode("ascii") + b"\n"
    signed = hmac.new(secret, header, hashlib.sha256)
    signed.update(data)  # not header + data: the data of a large case is not copied, nor below
    signature = signed.hexdigest().encode("ascii") + b"\n"
    try:
        atomic_write(path, (header, signature, data))
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
    with paused_gc(keep_frozen=True):
        try:
            return decode(data)
        except Exception:  # a snapshot of classes that have changed since: make it again
            return None


# ---------------------------------------------------------------------------------------------
# The layout: records by class and field, and a pickle of what holds them

#: How a column's values are stored: as they are, as one reference to a record (or date), as a
#: tuple of references, or as a pickle (any other value; records in it are references too).
_PLAIN, _REF, _REFS, _PICKLED = 0, 1, 2, 3
#: What a part of the stored value is: a networkx graph, or any other value.
_GRAPH, _VALUE = 0, 1
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None), bytes})
_CONTAINER_TYPES = _PLAIN_TYPES | {tuple, list, dict, set, frozenset}
_VALUE_TYPES = _PLAIN_TYPES | {date}  # a record of only these is stored once for equal ones
_RECORD_CLASS: dict[type, tuple[str, ...] | None] = {}
_FIELD_SETS: dict[type, frozenset[str]] = {}
_SLOTTED: set[type] = set()  # record classes whose instances hold their fields in slots, no __dict__


def _fields_of(cls: type) -> tuple[str, ...] | None:
    """The field names of a class whose instances are stored by column: a dataclass whose
    instances are made and pickled the ordinary way (or, with slots, the way ``dataclass``
    pickles them: their fields' values); None for any other class."""
    if cls not in _RECORD_CLASS:
        slotted = dataclasses.is_dataclass(cls) and "__slots__" in vars(cls)
        plain = (dataclasses.is_dataclass(cls) and cls.__new__ is object.__new__
                 and not any(_own_pickling(klass, name, slotted) for klass in cls.__mro__[:-1]
                             for name in ("__reduce__", "__reduce_ex__", "__getstate__", "__setstate__")))
        names = tuple(f.name for f in dataclasses.fields(cls)) if plain else None
        if slotted and names is not None and set(vars(cls)["__slots__"]) != set(names):
            names = None  # slots besides the fields: pickled as it is
        _RECORD_CLASS[cls] = names
        _FIELD_SETS[cls] = frozenset(names or ())
        if slotted and names is not None:
            _SLOTTED.add(cls)
    return _RECORD_CLASS[cls]


def _own_pickling(klass: type, name: str, slotted: bool) -> bool:
    """Whether ``klass`` defines how its instances are pickled (other than the state methods
    ``dataclass`` gives a frozen class with slots, which pickle the fields' values)."""
    method = vars(klass).get(name)
    if method is None:
        return False
    return not (slotted and getattr(method, "__qualname__", "").startswith(("_dataclass_getstate", "_dataclass_setstate")))


def _field_values(obj: Any) -> Iterator[Any]:
    """The values of a record's fields."""
    kind = type(obj)
    if kind in _SLOTTED:
        return map(getattr, repeat(obj), _RECORD_CLASS[kind] or ())
    return iter(obj.__dict__.values())


def _values(objs: list[Any], kind: type, name: str) -> list[Any]:
    """One field's value in each of the records (all of class ``kind``)."""
    if kind in _SLOTTED:
        return list(map(getattr, objs, repeat(name)))
    return [obj.__dict__[name] for obj in objs]


def _plain(value: Any) -> bool:
    """Whether marshal stores ``value`` as it is: text, numbers, None, and tuples of them."""
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return True
    return kind is tuple and all(map(_plain, value))


class _Encoder:
    """Numbers every record (and date) of a value, then writes them by class and field."""

    def __init__(self) -> None:
        self.objects: list[Any] = []
        self.number: dict[int, int] = {}  # id of a record or date -> its number
        self.by_value: dict[Any, int] = {}  # an equal value (time, date, span) is stored once
        self.types: dict[tuple[type, ...], tuple[type, ...]] = {}
        self.closed = False  # once the records are written, no new one is numbered
        self.walked = 0  # the records before this one have had their fields numbered
        self.numbers: list[int] = []  # once the columns are made, the numbers they hold (see _release)

    def ref(self, obj: Any) -> int | None:
        """The number of a record or date (numbering it if new); None for any other value."""
        kind = type(obj)
        if kind in _CONTAINER_TYPES:  # most of what a pickle of the graph meets
            return None
        number = self.number.get(id(obj))
        if number is not None or self.closed:
            return number
        if kind is date:
            key: Any = (date, obj)
        else:
            names = _RECORD_CLASS[kind] if kind in _RECORD_CLASS else _fields_of(kind)
            if names is None:
                return None
            if kind in _SLOTTED:
                values = tuple(map(getattr, repeat(obj), names))
            else:
                state = obj.__dict__
                if state.keys() != _FIELD_SETS[kind]:
                    return None  # an instance with attributes of its own: pickled as it is
                values = tuple(map(state.__getitem__, names))
            key = None
            if kind.__hash__ is not None and _VALUE_TYPES.issuperset(map(type, values)):
                types = tuple(map(type, values))
                key = (kind, self.types.setdefault(types, types), values)  # one tuple of types for all alike
        if key is not None:
            number = self.by_value.get(key)
            if number is None:
                number = self.by_value[key] = len(self.objects)
                self.objects.append(obj)
        else:
            number = len(self.objects)
            self.objects.append(obj)
        self.number[id(obj)] = number
        return number

    def discover(self, value: Any) -> None:
        """Number the records and dates in a field's value (inside tuples, lists, sets, dicts)."""
        kind = type(value)
        if kind in _PLAIN_TYPES:
            return
        if kind is tuple or kind is list or kind is set or kind is frozenset:
            for item in value:
                if type(item) not in _PLAIN_TYPES:
                    self.discover(item)
        elif kind is dict:
            for key, item in value.items():
                self.discover(key)
                self.discover(item)
        else:
            self.ref(value)

    def pickle(self, value: Any) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = self.ref  # type: ignore[method-assign]
        pickler.dump(value)
        return buffer.getvalue()

    def graph(self, G: nx.Graph) -> tuple[bytes, tuple[list[int], list[str], list[int]]]:
        """A pickle of a graph without the records its nodes hold, and where each one goes:
        (node position, attribute, record number). A pickle that met every object of the graph
        through ``ref`` took longer than all the rest of the writing."""
        places: tuple[list[int], list[str], list[int]] = ([], [], [])
        held = list(G._node.values())
        for at, attributes in enumerate(held):
            for name, item in attributes.items():
                if type(name) is str and type(item) not in _CONTAINER_TYPES:
                    number = self.ref(item)
                    if number is not None:
                        places[0].append(at)
                        places[1].append(name)
                        places[2].append(number)
        records = [held[at][name] for at, name in zip(places[0], places[1], strict=True)]
        try:
            for at, name in zip(places[0], places[1], strict=True):
                held[at][name] = None
            data = pickle.dumps(G, protocol=pickle.HIGHEST_PROTOCOL)
        finally:  # the caller's graph is left as it was
            for at, name, record in zip(places[0], places[1], records, strict=True):
                held[at][name] = record
        return data, places

    def walk(self) -> None:
        """Number the records inside the records numbered so far (and inside those, ...)."""
        while self.walked < len(self.objects):
            obj = self.objects[self.walked]
            if type(obj) is not date:
                for item in _field_values(obj):
                    if type(item) not in _PLAIN_TYPES:
                        self.discover(item)
            self.walked += 1

    def encode(self, value: Any) -> bytes:
        # Records are made on loading in the order they are numbered, and reading them in the
        # order they lie in memory is fastest: so each part's records are numbered (walked) before
        # the next part's, and the first part's order wins (for a resolved case, the records' own).
        outer = []
        for part in value if type(value) is tuple else (value,):
            outer.append((_GRAPH, *self.graph(part)) if isinstance(part, nx.Graph) else (_VALUE, self.pickle(part), None))
            self.walk()
        self.closed = True
        by_class: dict[type, list[int]] = {}
        for number, obj in enumerate(self.objects):
            by_class.setdefault(type(obj), []).append(number)
        dates = by_class.pop(date, [])
        classes = []
        for cls, numbers in by_class.items():
            objs = [self.objects[n] for n in numbers]
            names = _fields_of(cls) or ()
            columns = [(name, *self._column(_values(objs, cls, name))) for name in names]
            classes.append((cls.__module__, cls.__qualname__, numbers, columns))
        ordinals = [self.objects[n].toordinal() for n in dates]
        self._release()
        return marshal.dumps((len(self.objects), classes, dates, ordinals, type(value) is tuple, outer))

    def _release(self) -> None:
        """Let go of the numbering before the data is made (about half of what encoding holds):
        the records stay in the value written, and the numbers in the columns are kept alive
        as they were, so that marshal meets every object as often referenced as before (it
        marks an object referenced more than once) and writes the same bytes."""
        numbers = list(self.number.values())
        self.number.clear()
        self.by_value.clear()
        self.types.clear()
        self.numbers = numbers

    def _column(self, values: list[Any]) -> tuple[int, Any]:
        """How one field of every instance of a class is stored, and the stored values."""
        if all(map(_plain, values)):
            return _PLAIN, values
        number = self.number.get
        refs = [-1 if v is None else number(id(v)) for v in values]
        if None not in refs:
            return _REF, refs
        if all(type(v) is tuple for v in values):
            tuples = [tuple(number(id(item)) for item in v) for v in values]
            if not any(None in t for t in tuples):
                return _REFS, tuples
        return _PICKLED, self.pickle(values)


def encode(value: Any) -> bytes:
    """``value`` as snapshot data: its records by class and field, and a pickle holding them
    (a graph in it is changed while it is encoded, then put back: see :func:`write`)."""
    return _Encoder().encode(value)


def decode(data: bytes) -> Any:
    """The value :func:`encode` made ``data`` of (only ever call it on data this user signed)."""
    count, classes, dates, ordinals, several, outer = marshal.loads(data)
    objects: list[Any] = [None] * (count + 1)  # the last stays None: reference -1 is a missing value
    place, get, set_field = objects.__setitem__, objects.__getitem__, object.__setattr__
    made = []
    for module, qualname, numbers, columns in classes:
        cls = _class(module, qualname)
        instances: list[Any] = list(map(object.__new__, repeat(cls, len(numbers))))
        deque(map(place, numbers, instances), 0)
        made.append((instances, columns))
    deque(map(place, dates, map(date.fromordinal, ordinals)), 0)
    for instances, columns in made:
        for name, how, stored in columns:
            if how == _REF:
                values = map(get, stored)
            elif how == _REFS:
                values = map(tuple, map(map, repeat(get), stored))
            elif how == _PICKLED:
                values = _unpickler(stored, get).load()
            else:
                values = stored
            # object.__setattr__ as pickle itself sets the fields of a frozen record
            deque(map(set_field, instances, repeat(name), values), 0)
    parts = []
    for how, stored, places in outer:
        part = _unpickler(stored, get).load()
        if how == _GRAPH:
            held = list(part._node.values())
            deque(map(dict.__setitem__, map(held.__getitem__, places[0]), places[1], map(get, places[2])), 0)
        parts.append(part)
    return tuple(parts) if several else parts[0]


def _unpickler(data: bytes, get: Any) -> pickle.Unpickler:
    unpickler = pickle.Unpickler(io.BytesIO(data))
    unpickler.persistent_load = get  # type: ignore[method-assign]
    return unpickler


def _class(module: str, qualname: str) -> type:
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not isinstance(found, type) or _fields_of(found) is None:
        raise TypeError(f"{module}.{qualname} is not a record class")
    return found


@contextlib.contextmanager
def paused_gc(*, keep_frozen: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small records, tuples and dicts are
    made (a case loaded, an export written or read) and no cycles: its repeated passes over the
    growing heap cost more than the work (they tripled the load time of a 5,000-document case).

    ``keep_frozen`` leaves what exists at the end out of every later collection (``gc.freeze``),
    and so does any later pause: for a loaded case, whose records and graph hold no cycles and
    are freed by their reference counts when dropped. Without it, the first full collection
    after a load walked the whole case once more (0.5 s of a 5,000-document ``timeline``).
    """
    enabled, frozen = gc.isenabled(), gc.get_freeze_count() > 0
    if enabled and keep_frozen:
        gc.collect()  # garbage now would be frozen too, never to be freed; the heap is small before a load
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # What was made is long-lived: move it to the oldest generation as it is (freeze,
            # then unfreeze) rather than have the next young collection walk millions of
            # objects, and the one after that walk them again (a third of a second each).
            # Unfreezing would thaw a case loaded before too (it is all or nothing).
            gc.freeze()
            if not (keep_frozen or frozen):
                gc.unfreeze()
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
