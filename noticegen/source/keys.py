"""The keys of a YAML mapping declared once, as data: name, reader, whether required, default, doc.

A table of `Key`s is read by `read_keys`, which reports unknown and missing keys (with a
did-you-mean) and every problem in the values, all at once. docs/source-format.md's key tables
are kept in step with these tables by tests/test_docs_keys.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from noticegen.source.schema import Reader
from noticegen.source.yaml_nodes import Node

# A value reader: (reader, node, key path for translatable text) -> the value, or None if refused.
ValueReader = Callable[[Reader, Node, str], Any]


@dataclass(frozen=True)
class Key:
    name: str
    read: ValueReader
    required: bool = False
    default: Any = None
    doc: str = ""


def read_keys(r: Reader, node: Node, keys: tuple[Key, ...], what: str, path: str) -> dict[str, Any] | None:
    """The values of a mapping by key name (defaults for keys not written).

    None when it is not a mapping or a required key is missing (the values are then not read, so
    that one missing key gives one message). A required key whose value is refused is None.
    """
    required = [k.name for k in keys if k.required]
    entries = r.mapping(node, what, required, [k.name for k in keys if not k.required])
    if entries is None or not set(required) <= entries.keys():
        return None
    values: dict[str, Any] = {}
    for key in keys:
        if key.name in entries:
            value = key.read(r, entries[key.name].node, f"{path}/{key.name}")
            values[key.name] = key.default if value is None and not key.required else value
        else:
            values[key.name] = key.default
    return values


def written(keys: dict[str, Any] | None, *names: str) -> bool:
    """Every one of `names` was read to a value."""
    return keys is not None and all(keys.get(name) is not None for name in names)


# -- value readers for the common kinds ---------------------------------------------------------


def text(what: str) -> ValueReader:
    return lambda r, node, path: r.text(node, path, what)


def url(what: str) -> ValueReader:
    return lambda r, node, path: r.url(node, what)


def pattern(what: str, regex: str, example: str) -> ValueReader:
    compiled = re.compile(regex)
    return lambda r, node, path: r.pattern(node, what, compiled, example)


def integer(what: str, low: int, high: int) -> ValueReader:
    return lambda r, node, path: r.integer(node, what, low, high)


def nested(keys: tuple[Key, ...], what: str) -> ValueReader:
    """A mapping of its own keys (values by name, as read_keys gives them)."""
    return lambda r, node, path: read_keys(r, node, keys, what, path)
