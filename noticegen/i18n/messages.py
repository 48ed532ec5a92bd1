"""The messages translators see: notice content from the model, interface text from templates."""

from __future__ import annotations

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


def interface_messages(templates: tuple[str, ...]) -> list[Message]:
    """Strings marked with _() or {% trans %} in the Jinja templates (Babel's Jinja extractor)."""
    from jinja2.ext import babel_extract

    found: dict[tuple[str, str | None], Message] = {}
    for folder in templates:
        base = Path(folder)
        for path in sorted(base.rglob("*")):
            if path.suffix not in (".html", ".txt", ".j2", ".xml") or not path.is_file():
                continue
            with path.open("rb") as handle:
                options = {
                    "extensions": "jinja2.ext.i18n",
                    "trimmed": "false",
                    "trim_blocks": "true",
                    "lstrip_blocks": "true",
                    "newstyle_gettext": "true",
                }
                for lineno, _func, message, comments in babel_extract(
                    handle, ("_", "gettext", "ngettext"), [], options
                ):
                    msgid = message if isinstance(message, str) else message[0]
                    if not msgid:
                        continue
                    entry = found.setdefault((msgid, None), Message(msgid, None, [], list(comments)))
                    location = (f"templates/{path.relative_to(base).as_posix()}", lineno)
                    if location not in entry.locations:
                        entry.locations.append(location)
    return list(found.values())
