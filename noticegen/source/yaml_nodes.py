"""Read a YAML file into plain nodes that remember their line and column.

Only the plain subset of YAML a notice needs is accepted: no anchors or aliases
(they can expand exponentially), no tags, bounded size and depth. Every scalar
stays a string; the schema decides what it means (so `version: 1.10` stays "1.10").
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
)
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from noticegen import hygiene
from noticegen.errors import Problem, UserError
from noticegen.model import Loc
from noticegen.source import limits

MAX_BYTES = limits.SOURCE_BYTES
MAX_DEPTH = limits.SOURCE_DEPTH

Value = str | None | list["Node"] | dict[str, "Entry"]


@dataclass
class Node:
    value: Value
    loc: Loc
    quoted: bool = False

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "mapping"
        if isinstance(self.value, list):
            return "list"
        return "text" if self.value is not None else "empty"


@dataclass
class Entry:
    """A mapping entry: the key's location (for 'unknown key') and the value node."""

    key_loc: Loc
    node: Node


def _loc(path: str, mark: object) -> Loc:
    return Loc(path, getattr(mark, "line", 0) + 1, getattr(mark, "column", 0) + 1)


def load_yaml(path: str, data: bytes) -> Node:
    """Parse `data` (the contents of `path`) or raise UserError with `path:line:col`."""
    if len(data) > MAX_BYTES:
        raise UserError(
            Problem(
                Loc(path),
                "error",
                f"the file is {len(data) // 1024} KiB; a source file may be at most "
                f"{MAX_BYTES // 1024} KiB: split the notice or remove pasted data",
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(
            Problem(Loc(path, line), "error", "the file is not UTF-8 text: save it as UTF-8")
        ) from None
    text = hygiene.without_bom(text)
    problems = [Problem(Loc(path, line, col), "error", m) for line, col, m in hygiene.file_findings(text)]
    if problems:
        raise UserError(problems)
    try:
        root = _compose(path, text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        hint, mark = _hint(message, exc, mark, text)
        raise UserError(
            Problem(_loc(path, mark), "error", f"this is not valid YAML ({message}): {hint}")
        ) from None
    except (YAMLError, RecursionError) as exc:
        raise UserError(Problem(Loc(path), "error", f"this is not valid YAML: {exc}")) from None
    if root is None:
        return Node(None, Loc(path, 1, 1))
    return _convert(path, root)


def _hint(message: str, exc: MarkedYAMLError, mark: object, text: str) -> tuple[str, object]:
    """Plain advice for the mistakes people make most, and the place to look."""
    unclosed = _unclosed_quote(text, getattr(mark, "line", 0))
    if unclosed is not None:
        line, column = unclosed
        where = type("Mark", (), {"line": line, "column": column})()
        return "a double quote opened here is never closed on its line: close it or remove it", where
    if "\\t" in message or "tab" in message:
        return "indent with spaces, not tabs (your editor can turn tabs into spaces)", mark
    if "quoted scalar" in message and exc.context_mark is not None:
        return "a quote opened here is never closed: close it at the end of the text", exc.context_mark
    if "mapping values are not allowed" in message:
        return "a value that contains ': ' must be put in double quotes, like \"Note: this\"", mark
    return "check the indentation, colons and quotes on this line and the one before", mark


def _unclosed_quote(text: str, upto: int) -> tuple[int, int] | None:
    """The (0-based) line and column of the last quote before line `upto` left open on its line."""
    found = None
    for number, line in enumerate(text.splitlines()[: upto + 1]):
        stripped = line.split(" #", 1)[0]
        quotes = [i for i, ch in enumerate(stripped) if ch == '"' and (i == 0 or stripped[i - 1] != "\\")]
        if len(quotes) % 2 and not stripped.rstrip().endswith(("|", ">")):
            found = (number, quotes[-1])
    return found


def _compose(path: str, text: str):
    """The node tree, from the C parser (ten times faster) or, where it refuses something, the pure
    one: libyaml follows YAML 1.1 and rejects `{url: https://…}` in a flow mapping, which YAML 1.2
    and the pure parser accept, and which our docs use."""
    try:
        fast = YAML(typ="safe", pure=False)
        _screen_events(path, fast, text)
        return fast.compose(io.StringIO(text))
    except MarkedYAMLError:
        pure = YAML(typ="rt", pure=True)
        _screen_events(path, pure, text)
        return pure.compose(io.StringIO(text))


def _screen_events(path: str, yaml: YAML, text: str) -> None:
    """Refuse anchors, aliases, tags and deep nesting before anything is built."""
    depth = 0
    for event in yaml.parse(io.StringIO(text)):
        where = _loc(path, event.start_mark)
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and getattr(event, "anchor", None)):
            raise UserError(
                Problem(
                    where,
                    "error",
                    "YAML anchors and aliases (& and *) are not allowed: "
                    "write the text out, or use a shared block",
                )
            )
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)  # a pair for scalars, a flag for collections
        if tag and not (implicit[0] if isinstance(implicit, tuple) else implicit) and tag != "!":
            raise UserError(Problem(where, "error", f"YAML tags such as '{tag}' are not allowed"))
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise UserError(Problem(where, "error", f"the nesting is deeper than {MAX_DEPTH} levels"))
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def _convert(path: str, node: object) -> Node:
    loc = _loc(path, node.start_mark)  # type: ignore[attr-defined]
    if isinstance(node, ScalarNode):
        plain = node.style is None
        if plain and node.value in ("", "~", "null", "Null", "NULL"):
            return Node(None, loc)
        problem = hygiene.value_problem(node.value)  # written with an escape such as "\e" or "\u202e"
        if problem:
            raise UserError(
                Problem(loc, "error", f"{problem}; remove the escape (such as \\e or \\u202e) that writes it")
            )
        return Node(node.value, loc, quoted=not plain)
    if isinstance(node, SequenceNode):
        return Node([_convert(path, item) for item in node.value], loc)
    if isinstance(node, MappingNode):
        entries: dict[str, Entry] = {}
        for key_node, value_node in node.value:
            key_loc = _loc(path, key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                raise UserError(Problem(key_loc, "error", "a key must be a plain word"))
            key = str(key_node.value)
            if hygiene.value_problem(key):
                raise UserError(Problem(key_loc, "error", f"in a key, {hygiene.value_problem(key)}"))
            if key in entries:
                first = entries[key].key_loc
                raise UserError(
                    Problem(
                        key_loc, "error", f"the key '{key}' is written twice (first at line {first.line})"
                    )
                )
            entries[key] = Entry(key_loc, _convert(path, value_node))
        return Node(entries, loc)
    raise UserError(Problem(loc, "error", "unsupported YAML node"))


def rel(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read(root: Path, path: Path):
    """A source file as located YAML nodes."""
    return load_yaml(rel(root, path), path.read_bytes())
