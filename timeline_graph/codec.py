"""Model records to plain JSON-able dicts and back, losslessly.

Used by the case cache and the graph JSON export. Spans are written as
``{document, start, end, exact, prefix, suffix}`` and checked again against their document's
text when read back, so a cache or export whose text and spans disagree is refused.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, TypeVar

from .errors import ModelError
from .model import Span

__all__ = ["from_dict", "to_dict"]

R = TypeVar("R")


def to_dict(record: object) -> dict[str, Any]:
    """A record as a dict of JSON values; fields left at None or empty are kept, in field order."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"not a record: {record!r}")
    return _record(record)


def _record(record: Any) -> dict[str, Any]:
    kind: Any = type(record)
    return {name: _encode(getattr(record, name)) for name in _names(kind)}


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _is_record_class(cls: type) -> bool:
    return dataclasses.is_dataclass(cls)


#: The types whose values are written as they are (most values), told by their exact type.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _encode(value: Any) -> Any:
    kind: Any = type(value)
    if kind in _PLAIN:  # most values: nothing to do
        return value
    if kind is tuple or kind is list:
        return [_encode(v) for v in value]
    if _is_record_class(kind):  # a record (an instance: the class of a class is no record)
        return _record(value)
    if isinstance(value, str | int | float):  # their subclasses (an enumeration of strings)
        return value
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:

    return typing.get_type_hints(cls)


def from_dict(cls: type[R], data: Mapping[str, Any], texts: Mapping[str, str]) -> R:
    """Rebuild a record of ``cls`` from :func:`to_dict` output; ``texts`` maps document ids to text."""
    try:
        return _decode(cls, data, texts)
    except (KeyError, TypeError, ValueError) as err:
        if isinstance(err, ModelError):
            raise
        raise ModelError(f"cannot read {cls.__name__} from {dict(data)!r:.200}: {err}") from err


def _decode(tp: Any, value: Any, texts: Mapping[str, str]) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner, value, texts)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, texts) for v in value)
        return tuple(_decode(a, v, texts) for a, v in zip(args, value, strict=True))
    if origin is typing.Literal:
        if value not in typing.get_args(tp):
            raise ValueError(f"{value!r} is not one of {typing.get_args(tp)}")
        return value
    if tp is Span:
        return Span(text=texts[value["document"]], **{k: value[k] for k in ("document", "start", "end", "exact")},
                    prefix=value.get("prefix", ""), suffix=value.get("suffix", ""))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                kwargs[f.name] = _decode(hints[f.name], value[f.name], texts)
        return tp(**kwargs)
    if tp is date:
        return date.fromisoformat(value)
    if tp in (str, int, float, bool) and not isinstance(value, tp):
        raise TypeError(f"expected {tp.__name__}, got {value!r}")
    if tp is Any or typing.get_origin(tp) is None:
        return value
    raise TypeError(f"cannot decode {tp!r}")
