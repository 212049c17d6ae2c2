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

A snapshot is written as it is encoded and read as it is decoded: the columns in blocks of
instances, each block one marshal, the pickles in frames (see the layout below), so the data is
never whole in memory (writing the resolved snapshot of a 2 MB text added 159 MB to the build's
memory when it was; 45 MB now, the numbering of the records and the pickler's memo of the graph).
The same value gives the same bytes. A snapshot of an older layout is not read but made again.

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
import struct
import sys
import tempfile
from array import array
from collections import deque
from collections.abc import Iterator
from datetime import date
from itertools import repeat
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

import networkx as nx

__all__ = ["code_key", "decode", "encode", "key_of", "paused_gc", "read", "write"]

_MAGIC = b"timeline-graph snapshot 3\n"
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

    The data is written as it is encoded, block by block, and signed as it goes: it is never
    whole in memory. While a graph in ``value`` is written, its nodes hold None in place of their
    records (they are put back before this returns, even on an error): write a graph no other
    thread reads.
    """
    from .case import atomic_file

    secret = _secret()
    if secret is None:
        return False
    header = _MAGIC + key.encode("ascii") + b"\n"
    try:
        with atomic_file(path) as handle:
            signed = _Signed(handle, hmac.new(secret, b"", hashlib.sha256))
            signed.write(header)
            with paused_gc():  # numbering the records makes a dict entry for each, no cycles
                _Encoder(_Frames(signed)).encode(value)
            handle.write(signed.digest.hexdigest().encode("ascii") + b"\n")
    except OSError:
        return False
    return True


def read(path: Path, key: str) -> Any | None:
    """The value stored under ``key`` at ``path``; None when there is none, it was stored under
    another key, or this user's tool did not write it.

    The signature is checked over the whole file before any of it is decoded; the file is then
    decoded block by block from the same open file (a snapshot replaced meanwhile is another file).
    """
    secret = _secret()
    if secret is None:
        return None
    try:
        with open(path, "rb") as handle:
            header = handle.readline() + handle.readline()
            if header != _MAGIC + key.encode("ascii") + b"\n":
                return None
            end = os.fstat(handle.fileno()).st_size - _SIGNATURE_BYTES
            if end < len(header):
                return None
            signed = hmac.new(secret, header, hashlib.sha256)
            left = end - len(header)
            while left > 0:
                block = handle.read(min(left, _READ_BYTES))
                if not block:
                    return None
                signed.update(block)
                left -= len(block)
            signature = handle.read().strip()
            if not hmac.compare_digest(signature, signed.hexdigest().encode("ascii")):
                return None
            handle.seek(len(header))
            with paused_gc(keep_frozen=True):
                try:
                    return _decode(handle, end)
                except OSError:
                    raise
                except Exception:  # a snapshot of classes that have changed since: make it again
                    return None
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------
# The layout: records by class and field, and a pickle of what holds them
#
# The data is a sequence of items, each in one or more frames: an 8-byte big-endian number (the
# frame's length times two, plus one when the item goes on in the next frame) and the frame's
# bytes. An item is a marshal of a few plain values, or a pickle (written in frames of
# _FRAME_BYTES as the pickler makes it). In order:
#
#   the parts: (several, [kind of each part])
#   each part: its pickle; for a graph, then (count of places), and its places in blocks
#   the records: (count, [(module, qualname, instances, field names) per class], dates, ordinals)
#   each class: the numbers of its instances, in blocks of _BLOCK
#   each class, each field, each block of instances: (how, stored values)
#
# A marshal or pickle made of a block of records at a time holds only that block's data in
# memory; the numbering of the records (a dict entry each) is what grows with the value.

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
_BY_ITSELF: dict[type, bool] = {}  # value record classes whose own hash and equality are their fields'
_FRAME = struct.Struct(">Q")
_FRAME_BYTES = 1 << 18
_BLOCK = 1 << 14
_READ_BYTES = 1 << 20
_SIGNATURE_BYTES = 65  # a SHA-256 in hex and a newline

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


def _by_itself(kind: type) -> bool:
    """Whether a record class's hash and equality are those ``dataclass`` makes of all its fields,
    so that a record can stand for its own values as a key (no tuple of them made per record)."""
    found = _BY_ITSELF.get(kind)
    if found is None:
        generated = [getattr(getattr(kind, name, None), "__code__", None) for name in ("__eq__", "__hash__")]
        found = _BY_ITSELF[kind] = (
            all(code is not None and code.co_filename == "<string>" for code in generated)
            and all(f.compare and f.hash is not False for f in dataclasses.fields(kind)))
    return found


class _Signed:
    """A binary file whose bytes are signed as they are written."""

    def __init__(self, handle: BinaryIO, digest: hmac.HMAC) -> None:
        self.handle, self.digest = handle, digest

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self.digest.update(data)
        return self.handle.write(data)


class _Frames:
    """Items written as frames (see the layout above), to a binary file."""

    def __init__(self, out: BinaryIO | _Signed) -> None:
        self.out = out
        self.pending = bytearray()  # the piece of a pickle not yet in a frame

    def item(self, value: Any) -> None:
        """A marshal of ``value`` (plain values only), as one item of one frame."""
        data = marshal.dumps(value)
        self.out.write(_FRAME.pack(len(data) << 1))
        self.out.write(data)

    def write(self, data: bytes) -> int:
        """Part of an item made as it is written (a pickler writes to this), framed every
        :data:`_FRAME_BYTES` whatever the pieces' sizes: the same data, the same frames."""
        self.pending += data
        size = _FRAME_BYTES
        while len(self.pending) > size:
            self.out.write(_FRAME.pack(size << 1 | 1))
            with memoryview(self.pending) as view, view[:size] as frame:  # no copy
                self.out.write(frame)
            del self.pending[:size]
        return len(data)

    def end(self) -> None:
        """End the item made of what :meth:`write` was given."""
        self.out.write(_FRAME.pack(len(self.pending) << 1))
        self.out.write(self.pending)
        self.pending.clear()


class _Encoder:
    """Numbers every record (and date) of a value, then writes them by class, block and field."""

    def __init__(self, frames: _Frames) -> None:
        self.frames = frames
        self.objects: list[Any] = []
        self.number: dict[int, int] = {}  # id of a record or date -> its number
        # an equal value (time, date, span) is stored once: a record stands for its values as the
        # key where its class compares them all, else a tuple (class, types, values) does
        self.by_value: dict[Any, int] = {}
        self.types: dict[tuple[type, ...], tuple[type, ...]] = {}
        self.closed = False  # once the records are written, no new one is numbered
        self.walked = 0  # the records before this one have had their fields numbered

    def ref(self, obj: Any) -> int | None:
        """The number of a record or date (numbering it if new); None for any other value."""
        kind = type(obj)
        if kind in _CONTAINER_TYPES:  # most of what a pickle of the graph meets
            return None
        number = self.number.get(id(obj))
        if number is not None or self.closed:
            return number
        key: Any = None
        if kind is date:
            key = (date, obj)
        else:
            names = _RECORD_CLASS[kind] if kind in _RECORD_CLASS else _fields_of(kind)
            if names is None:
                return None
            if kind not in _SLOTTED and obj.__dict__.keys() != _FIELD_SETS[kind]:
                return None  # an instance with attributes of its own: pickled as it is
            if kind.__hash__ is not None and all(type(v) in _VALUE_TYPES for v in _field_values(obj)):
                if _by_itself(kind):
                    key = obj
                else:
                    values = tuple(_field_values(obj))
                    types = tuple(map(type, values))
                    key = (kind, self.types.setdefault(types, types), values)  # one tuple of types for all alike
        if key is not None:
            number = self.by_value.get(key)
            if number is not None and key is obj and not _same_types(self.objects[number], obj):
                number = None  # equal values of other types (1 and 1.0): stored apart
                key = None
        if number is None:
            number = len(self.objects)
            self.objects.append(obj)
            if key is not None:
                self.by_value[key] = number
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

    def pickle(self, value: Any, out: Any) -> None:
        pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = self.ref  # type: ignore[method-assign]
        pickler.dump(value)

    def graph(self, G: nx.Graph, last: bool = False) -> None:
        """A pickle of a graph without the records its nodes hold, then where each one goes:
        (node position, attribute, record number). A pickle that met every object of the graph
        through ``ref`` took longer than all the rest of the writing.

        The graph's pickle numbers nothing (its records are out of it), so when it is the last
        part, every record is numbered before it is made, and what numbering alone needs (the
        records by value) is let go of first: the pickle's memo of every dictionary of a large
        graph is the most this writing holds at once."""
        held = list(G._node.values())
        positions, names, records = array("q"), [], []
        for at, attributes in enumerate(held):
            for name, item in attributes.items():
                if type(name) is str and type(item) not in _CONTAINER_TYPES and self.ref(item) is not None:
                    positions.append(at)
                    names.append(name)
                    records.append(item)
        if last:
            self.close()
        try:
            for at, name in zip(positions, names, strict=True):
                held[at][name] = None
            pickle.Pickler(self.frames, protocol=pickle.HIGHEST_PROTOCOL).dump(G)
            self.frames.end()
        finally:  # the caller's graph is left as it was
            for at, name, record in zip(positions, names, records, strict=True):
                held[at][name] = record
        number = self.number
        self.frames.item(len(positions))
        for lo in range(0, len(positions), _BLOCK):
            hi = lo + _BLOCK
            self.frames.item((positions[lo:hi].tolist(), names[lo:hi], [number[id(r)] for r in records[lo:hi]]))

    def walk(self) -> None:
        """Number the records inside the records numbered so far (and inside those, ...)."""
        while self.walked < len(self.objects):
            obj = self.objects[self.walked]
            if type(obj) is not date:
                for item in _field_values(obj):
                    if type(item) not in _PLAIN_TYPES:
                        self.discover(item)
            self.walked += 1

    def close(self) -> None:
        """Number the records inside those numbered so far, and number no more."""
        if self.closed:
            return
        self.walk()
        self.closed = True
        self.by_value.clear()
        self.types.clear()

    def encode(self, value: Any) -> None:
        # Records are made on loading in the order they are numbered, and reading them in the
        # order they lie in memory is fastest: so each part's records are numbered (walked) before
        # the next part's, and the first part's order wins (for a resolved case, the records' own).
        parts = value if type(value) is tuple else (value,)
        kinds = [_GRAPH if isinstance(part, nx.Graph) else _VALUE for part in parts]
        self.frames.item((type(value) is tuple, kinds))
        for at, (part, kind) in enumerate(zip(parts, kinds, strict=True)):
            if kind == _GRAPH:
                self.graph(part, last=at == len(parts) - 1)
            else:
                self.pickle(part, self.frames)
                self.frames.end()
            self.walk()
        self.close()
        by_class: dict[type, array[int]] = {}
        for number, obj in enumerate(self.objects):
            numbers = by_class.get(type(obj))
            if numbers is None:
                numbers = by_class[type(obj)] = array("q")
            numbers.append(number)
        dates = by_class.pop(date, array("q")).tolist()
        ordinals = [self.objects[n].toordinal() for n in dates]
        self.frames.item((len(self.objects), [(cls.__module__, cls.__qualname__, len(numbers), _fields_of(cls) or ())
                                              for cls, numbers in by_class.items()], dates, ordinals))
        for numbers in by_class.values():
            for lo in range(0, len(numbers), _BLOCK):
                self.frames.item(numbers[lo:lo + _BLOCK].tolist())
        for cls, numbers in by_class.items():
            names = _fields_of(cls) or ()
            for lo in range(0, len(numbers), _BLOCK):
                objs = list(map(self.objects.__getitem__, numbers[lo:lo + _BLOCK]))
                for name in names:
                    self.frames.item(self._column(_values(objs, cls, name)))

    def _column(self, values: list[Any]) -> tuple[int, Any]:
        """How one field of a block of instances of a class is stored, and the stored values."""
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
        buffer = io.BytesIO()
        self.pickle(values, buffer)
        return _PICKLED, buffer.getvalue()


def _same_types(a: Any, b: Any) -> bool:
    """Whether two records' fields hold values of the same types."""
    return all(type(x) is type(y) for x, y in zip(_field_values(a), _field_values(b), strict=True))


def encode(value: Any) -> bytes:
    """``value`` as snapshot data (unsigned): its records by class and field, and a pickle
    holding them (a graph in it is changed while it is encoded, then put back: see :func:`write`)."""
    buffer = io.BytesIO()
    _Encoder(_Frames(buffer)).encode(value)
    return buffer.getvalue()


def decode(data: bytes) -> Any:
    """The value :func:`encode` made ``data`` of (only ever call it on data this user signed)."""
    return _decode(io.BytesIO(data), len(data))


class _Items:
    """The items of snapshot data in a binary file, up to ``end``."""

    def __init__(self, handle: BinaryIO, end: int) -> None:
        self.handle, self.end = handle, end

    def frame(self) -> tuple[bytes, bool]:
        head = self.handle.read(_FRAME.size)
        if len(head) != _FRAME.size:
            raise ValueError("snapshot data cut short")
        (word,) = _FRAME.unpack(head)
        length = word >> 1
        if self.handle.tell() + length > self.end:
            raise ValueError("snapshot frame past the end of the data")
        data = self.handle.read(length)
        if len(data) != length:
            raise ValueError("snapshot data cut short")
        return data, bool(word & 1)

    def item(self) -> Any:
        """The next item, a marshal of plain values."""
        data, more = self.frame()
        if more:
            raise ValueError("a marshal item of several frames")
        return marshal.loads(data)

    def skip(self) -> int:
        """Pass the next item; where it starts."""
        at = self.handle.tell()
        more = True
        while more:
            head = self.handle.read(_FRAME.size)
            if len(head) != _FRAME.size:
                raise ValueError("snapshot data cut short")
            (word,) = _FRAME.unpack(head)
            more = bool(word & 1)
            self.handle.seek(word >> 1, io.SEEK_CUR)
            if self.handle.tell() > self.end:
                raise ValueError("snapshot frame past the end of the data")
        return at

    def stream(self, at: int) -> _ItemStream:
        """The item that starts at ``at``, as a file to unpickle from."""
        self.handle.seek(at)
        return _ItemStream(self)


class _ItemStream(io.RawIOBase):
    """The bytes of one item, read frame by frame."""

    def __init__(self, items: _Items) -> None:
        super().__init__()
        self.items = items
        self.data, self.more = items.frame()
        self.at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self.at == len(self.data) and self.more:
            self.data, self.more = self.items.frame()
            self.at = 0
        count = min(len(buffer), len(self.data) - self.at)
        buffer[:count] = self.data[self.at:self.at + count]
        self.at += count
        return count


def _decode(handle: BinaryIO, end: int) -> Any:
    items = _Items(handle, end)
    several, kinds = items.item()
    parts = []
    for kind in kinds:
        pickled = items.skip()
        places, count = handle.tell(), 0
        if kind == _GRAPH:
            count = items.item()
            for _ in range(0, count, _BLOCK):
                items.skip()
        parts.append((kind, pickled, places))
    count, classes, dates, ordinals = items.item()
    objects: list[Any] = [None] * (count + 1)  # the last stays None: reference -1 is a missing value
    place, get, set_field = objects.__setitem__, objects.__getitem__, object.__setattr__
    made = []
    for module, qualname, size, names in classes:
        cls = _class(module, qualname)
        instances: list[Any] = []
        for _ in range(0, size, _BLOCK):
            numbers = items.item()
            block: list[Any] = list(map(object.__new__, repeat(cls, len(numbers))))
            deque(map(place, numbers, block), 0)
            instances += block
        if len(instances) != size:
            raise ValueError("a class of another number of instances")
        made.append((instances, names))
    deque(map(place, dates, map(date.fromordinal, ordinals)), 0)
    for instances, names in made:
        for lo in range(0, len(instances), _BLOCK):
            block = instances[lo:lo + _BLOCK]
            for name in names:
                how, stored = items.item()
                if how == _REF:
                    values = map(get, stored)
                elif how == _REFS:
                    values = map(tuple, map(map, repeat(get), stored))
                elif how == _PICKLED:
                    values = _unpickler(io.BytesIO(stored), get).load()
                else:
                    values = stored
                # object.__setattr__ as pickle itself sets the fields of a frozen record
                deque(map(set_field, block, repeat(name), values), 0)
    found = []
    for kind, pickled, places in parts:
        part = _unpickler(io.BufferedReader(items.stream(pickled)), get).load()
        if kind == _GRAPH:
            handle.seek(places)
            held = list(part._node.values())
            for _ in range(0, items.item(), _BLOCK):
                positions, attributes, numbers = items.item()
                deque(map(dict.__setitem__, map(held.__getitem__, positions), attributes, map(get, numbers)), 0)
        found.append(part)
    return tuple(found) if several else found[0]


def _unpickler(data: BinaryIO, get: Any) -> pickle.Unpickler:
    unpickler = pickle.Unpickler(data)
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
