"""Markdown files: YAML front matter for metadata, the rest as the document's text.

The front matter is a YAML mapping between a first line ``---`` and the next line ``---`` (or
``...``). Keys read, with their aliases (the first one present wins)::

    title
    publisher   outlet, source
    authors     author          a list or one string ("Ann Writer and Bo Reed")
    published   date            a YAML date, "2021-02-17", "February 17, 2021", EDTF "2021-02?"
    url
    language    lang

Other keys are ignored. Values are read as plain strings (YAML's BaseLoader), so ``title: 1984``
stays the text "1984" and ``title: yes`` is not True. The Markdown body is kept as written.

>>> meta, body = split_front_matter("---\\ntitle: Votes\\noutlet: Ledger\\n---\\nText.", "a.md")
>>> meta.title, meta.publisher, body
('Votes', 'Ledger', 'Text.')
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import IngestError
from .metadata import Metadata, parse_date, split_names

__all__ = ["FIELD_ALIASES", "split_front_matter"]

#: Each field and the front matter keys that give it, in order of preference.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "publisher": ("publisher", "outlet", "source"),
    "authors": ("authors", "author"),
    "published": ("published", "date"),
    "url": ("url",),
    "language": ("language", "lang"),
}

_ORIGIN = "front matter"
_OPEN = "---"
_CLOSE = ("---", "...")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def split_front_matter(text: str, source: str) -> tuple[Metadata, str]:
    """The front matter's metadata and the body after it (all of ``text`` when there is none).

    ``text`` must have ``\\n`` newlines. Raises IngestError for an unclosed block, bad YAML,
    a block that is not a mapping, or a field of the wrong shape.
    """
    lines = text.split("\n")
    if lines[0].rstrip() != _OPEN:
        return Metadata(), text
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSE), None)
    if close is None:
        raise IngestError(source, "front matter opened on line 1 is never closed (no second '---' line)")
    block = "\n".join(lines[1:close])
    try:
        data = yaml.load(block, Loader=yaml.BaseLoader)  # BaseLoader: strings only, no objects
    except yaml.YAMLError as err:
        raise IngestError(source, f"front matter is not valid YAML: {_yaml_problem(err)}") from err
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise IngestError(source, f"front matter is not a mapping of keys to values (it is a {type(data).__name__})")
    return _metadata(data, source), "\n".join(lines[close + 1 :])


def _yaml_problem(err: yaml.YAMLError) -> str:
    if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark is not None:
        line = err.problem_mark.line + 2  # +1 for 1-based lines, +1 for the opening '---'
        return f"{' '.join(str(err.problem).split())} (line {line})"
    return " ".join(str(err).split())


def _pick(data: dict[Any, Any], field: str) -> tuple[str, Any] | None:
    for key in FIELD_ALIASES[field]:
        value = data.get(key)
        if value is None or (isinstance(value, str) and value.strip() in _NULLS):
            continue
        if value == [] or value == {}:
            continue
        return key, value
    return None


def _text(key: str, value: Any, source: str) -> str:
    if not isinstance(value, str):
        raise IngestError(source, f"front matter '{key}' should be text, not a {_kind(value)}")
    return " ".join(value.split())


def _kind(value: Any) -> str:
    return "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else type(value).__name__


def _authors(key: str, value: Any, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return split_names(value)
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return split_names(value["name"])
    if isinstance(value, list):
        names: list[str] = []
        for item in value:
            if isinstance(item, dict):
                item = item.get("name")
            if not isinstance(item, str):
                raise IngestError(source, f"front matter '{key}' should list names as text")
            if item.strip() not in _NULLS:
                names.append(" ".join(item.split()))
        return tuple(dict.fromkeys(names))
    raise IngestError(source, f"front matter '{key}' should be a name or a list of names")


def _metadata(data: dict[Any, Any], source: str) -> Metadata:
    meta = Metadata()
    for field in ("title", "publisher", "url", "language"):
        picked = _pick(data, field)
        if picked:
            meta = meta.with_field(field, _text(*picked, source), _ORIGIN)
    picked = _pick(data, "authors")
    if picked:
        meta = meta.with_field("authors", _authors(*picked, source), _ORIGIN)
    picked = _pick(data, "published")
    if picked:
        key, value = picked
        words = _text(key, value, source)
        when = parse_date(words)
        if when is None:
            raise IngestError(source, f"front matter '{key}' is not a date: {words!r}")
        meta = meta.with_field("published", when, _ORIGIN)
    return meta
