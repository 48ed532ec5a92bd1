"""The messages translators see: notice content from the model, interface text from templates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from noticegen.model import Project
from noticegen.walk import texts


@dataclass
class Message:
    msgid: str
    context: str | None
    locations: list[tuple[str, int]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    plural: str | None = None
    flags: tuple[str, ...] = ()


def notice_messages(project: Project) -> list[Message]:
    """One message per heading, paragraph, list item, table cell and structured text field."""
    found: dict[tuple[str, str | None], Message] = {}
    for text, place in texts(project.site):
        _add(found, text, place.section, place.kind)
    for notice in project.notices:
        for text, place in texts(notice):
            _add(found, text, place.section, place.kind)
    return list(found.values())


def _add(found: dict, text, section: str, kind: str) -> None:
    key = (text.value, text.key)
    message = found.get(key)
    if message is None:
        comment = f"{kind[:1].upper()}{kind[1:]}" + (f", in section “{section}”" if section else "")
        comments = [comment]
        if "{" in text.value:
            comments.append("Keep every {placeholder} exactly as it is: it is replaced by a contact detail.")
        if "](" in text.value or "*" in text.value:
            comments.append(
                "Keep the Markdown: [link text](address) and *emphasis*; translate the link text only."
            )
        message = found[key] = Message(text.value, text.key, [], comments)
    location = (text.loc.path, text.loc.line)
    if text.loc.path and location not in message.locations:
        message.locations.append(location)


FUNCTIONS = ("_", "gettext", "ngettext", "pgettext", "npgettext")
PYTHON_FORMAT = re.compile(r"%(?:\([\w]+\))?[sd%]")
_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "trimmed": "false",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "newstyle_gettext": "true",
}


def interface_messages(templates: tuple[str, ...]) -> list[Message]:
    """Strings marked with _(), pgettext() and friends in the Jinja templates, with the
    `{# Translators: … #}` comment before each (Babel's Jinja extractor)."""
    from jinja2.ext import babel_extract

    found: dict[tuple[str, str | None], Message] = {}
    for folder in templates:
        base = Path(folder)
        for path in sorted(base.rglob("*")):
            if path.suffix not in (".html", ".txt", ".j2", ".xml") or not path.is_file():
                continue
            where = f"templates/{path.relative_to(base).as_posix()}"
            with path.open("rb") as handle:
                for lineno, func, message, comments in babel_extract(
                    handle, FUNCTIONS, ["Translators:"], _OPTIONS
                ):
                    _add_interface(found, func, message, comments, (where, lineno))
    return list(found.values())


def _add_interface(found: dict, func: str, message, comments: list[str], location: tuple[str, int]) -> None:
    parts = [message] if isinstance(message, str) else list(message)
    context = parts.pop(0) if func in ("pgettext", "npgettext") else None
    msgid = parts[0] if parts else None
    plural = parts[1] if func in ("ngettext", "npgettext") and len(parts) > 1 else None
    if not msgid:
        return
    flags = ("python-format",) if PYTHON_FORMAT.search(msgid + (plural or "")) else ()
    notes = [c.removeprefix("Translators:").strip() for c in comments]
    entry = found.setdefault((msgid, context), Message(msgid, context, [], notes, plural, flags))
    for note in notes:
        if note not in entry.comments:
            entry.comments.append(note)
    if location not in entry.locations:
        entry.locations.append(location)
