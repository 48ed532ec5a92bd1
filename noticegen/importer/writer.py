"""Write the draft notice as YAML in the layout of docs/source-format.md, quoting what needs it.

The emitter is small and careful: a value is written plain only when YAML would read it back as
the same text; otherwise it is double-quoted with escapes; text with line breaks is a `|-`
block. What is written is read back with the project's own YAML reader and compared, so a
quoting mistake is caught here rather than by the person who opens the file.
"""

from __future__ import annotations

import datetime as dt
import re

from noticegen.model import FACT_LISTS
from noticegen.source.yaml_nodes import load_yaml

RESERVED = re.compile(
    r"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*)?\.?\d[\d_.eE+-]*|0x[0-9a-fA-F]+|"
    r"0o[0-7]+|\d{4}-\d\d?-\d\d?.*|[-+]?\.(?:inf|nan)|<<|=)$",
    re.IGNORECASE,
)
ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
FLOW_WIDTH = 110


class RoundTripError(RuntimeError):
    """The YAML written does not read back as what was meant: a bug in the importer."""


def scalar(value: object, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value)
    text = str(value)
    if _plain_ok(text, flow):
        return text
    return '"' + "".join(ESCAPES.get(c) or (c if c.isprintable() else _code(c)) for c in text) + '"'


def _code(char: str) -> str:
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def _literal(text: str) -> bool:
    """Text with line breaks that a `|-` block keeps exactly as it is."""
    lines = text.split("\n")
    return len(lines) > 1 and all(line and line == line.strip() and line.isprintable() for line in lines)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or RESERVED.match(text):
        return False
    if text[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(c in text for c in ",[]{}:"):
        return False
    return all(c.isprintable() for c in text) and "\t" not in text


def _flow(value: object) -> str | None:
    """A short mapping or list on one line, or None when it does not fit or cannot be."""
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            inner = _flow(item) if isinstance(item, (dict, list)) else None
            if isinstance(item, (dict, list)) and inner is None:
                return None
            if isinstance(item, str) and "\n" in item:
                return None
            parts.append(f"{key}: {inner if inner is not None else scalar(item, flow=True)}")
        text = "{" + ", ".join(parts) + "}"
    elif isinstance(value, list):
        if any(isinstance(v, (dict, list)) or (isinstance(v, str) and "\n" in v) for v in value):
            return None
        text = "[" + ", ".join(scalar(v, flow=True) for v in value) + "]"
    else:
        return None
    return text if len(text) <= FLOW_WIDTH else None


def _entry(key: str, value: object, indent: int, prefix: str) -> list[str]:
    """`key: value` lines; `prefix` is what starts the first line (spaces, or "- ")."""
    pad = " " * indent
    if isinstance(value, str) and _literal(value):
        return [f"{prefix}{key}: |-", *(f"{pad}  {line}" for line in value.split("\n"))]
    if isinstance(value, dict):
        return [f"{prefix}{key}:", *mapping(value, indent + 2)]
    if isinstance(value, list):
        flat = _flow(value) if not any(isinstance(v, dict) for v in value) else None
        if flat is not None and (key in ("basis", "applies_to", "only", "header") or len(value) <= 1):
            return [f"{prefix}{key}: {flat}"]
        return [f"{prefix}{key}:", *sequence(value, indent + 2)]
    return [f"{prefix}{key}: {scalar(value)}"]


def mapping(value: dict, indent: int, first: str | None = None) -> list[str]:
    lines: list[str] = []
    for n, (key, item) in enumerate(value.items()):
        prefix = first if (n == 0 and first is not None) else " " * indent
        lines += _entry(key, item, indent, prefix)
    return lines


def sequence(values: list, indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for value in values:
        flat = _flow(value) if isinstance(value, (dict, list)) else None
        if flat is not None and not (isinstance(value, dict) and (_keep_block(value) or len(value) == 1)):
            lines.append(f"{pad}- {flat}")
        elif isinstance(value, dict):
            lines += mapping(value, indent + 2, first=f"{pad}- ")
        elif isinstance(value, list):
            lines += [f"{pad}-", *sequence(value, indent + 2)]
        elif isinstance(value, str) and _literal(value):
            lines += [f"{pad}- |-", *(f"{pad}  {line}" for line in value.split("\n"))]
        else:
            lines.append(f"{pad}- {scalar(value)}")
    return lines


def _keep_block(value: dict) -> bool:
    """Blocks of a section body and lawful bases read better one key a line."""
    kinds = ("paragraph", "heading", "list", "numbered", "table", "basis", "body")
    return any(k in value for k in kinds) or {"title", "text"} <= value.keys()


def dump(document: dict, header: list[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in header] + [""]
    for key, value in document.items():
        if key in ("contacts", "facts", "sections") and lines[-1] != "":
            lines.append("")
        lines += _entry(key, value, 0, "")
        if key == "facts":
            lines.append("")
    text = "\n".join(_spaced(lines)).rstrip("\n") + "\n"
    check_round_trip(text, document)
    return text


def _spaced(lines: list[str]) -> list[str]:
    """A blank line between fact lists and between sections, for the eye."""
    out: list[str] = []
    top = ""
    for line in lines:
        if line and not line.startswith((" ", "#", "-")):
            top = line.split(":")[0]
        fact_list = top == "facts" and re.match(rf"  (?:{'|'.join(FACT_LISTS)}):$", line)
        section = top == "sections" and line.startswith("  - ")
        if (fact_list or section) and out and not out[-1].endswith(":") and out[-1]:
            out.append("")
        out.append(line)
    return out


def plain(value: object) -> object:
    """What the project's YAML reader makes of a value: text, lists and mappings."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return scalar(value) if isinstance(value, (bool, int, dt.date)) else value


def _read_back(node) -> object:
    if isinstance(node.value, dict):
        return {k: _read_back(e.node) for k, e in node.value.items()}
    if isinstance(node.value, list):
        return [_read_back(n) for n in node.value]
    return node.value


def check_round_trip(text: str, document: dict) -> None:
    back = _read_back(load_yaml("imported notice", text.encode("utf-8")))
    if back != plain(document):
        raise RoundTripError("the YAML written does not read back as the notice that was meant")
