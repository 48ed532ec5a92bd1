"""A ChangeSet as text, Markdown, an HTML fragment or JSON.

- `to_text(changeset) -> str`: for the terminal and email; word changes as [-removed-] and
  {+added+} (the convention of `git diff --word-diff`), explained in a legend line.
- `to_markdown(changeset) -> str`: for a pull request or a ticket; ~~removed~~ and **added**.
- `to_html(changeset, templates=None) -> Markup`: a fragment (no page around it), rendered by
  the template `changes/_diff.html`, which a page template can also `{% include %}` with
  `changeset` and `runs` (this module's `runs`) in its context. Additions and removals are said
  in words, not by colour alone: `<ins><span class="visually-hidden">added: </span>…</ins>` and
  `<del><span class="visually-hidden">removed: </span>…</del>`; the page's stylesheet must
  define `.visually-hidden`. Everything is autoescaped. `templates` is a search path such as
  `render.templates_dir(root)`; by default the built-in templates.
- `to_json(changeset) -> str`: {"notice", "from", "to", "summary", "changes": [Change.as_dict()]}.
- `render(changeset, fmt)`: one of FORMATS by name.

With nothing changed each says so: "No changes between 1.0 and working copy."
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from markupsafe import Markup

from noticegen.changes import Change, ChangeSet
from noticegen.templating import BUILTIN_TEMPLATES, environment

LEGEND = "In the word changes, [-…-] was removed and {+…+} was added."
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~|#])")


def runs(words: tuple[tuple[str, str], ...] | None) -> list[tuple[str, str, str]]:
    """(op, space, text): a word diff with each run's leading space split off, so markup such as
    <ins> wraps only the words and the space between runs stays outside it."""
    out = []
    for op, text in words or ():
        body = text.lstrip()
        out.append((op, text[: len(text) - len(body)], body))
    return out


# -- text ------------------------------------------------------------------------------------


def to_text(changeset: ChangeSet) -> str:
    if changeset.is_empty:
        return changeset.summary + "\n"
    lines = [f"{changeset.notice_id}: {changeset.summary}" if changeset.notice_id else changeset.summary]
    if any(c.words for c in changeset.changes):
        lines.append(LEGEND)
    lines.append("")
    for change in changeset.changes:
        lines.append(_indent("* " + _text_change(change)))
    return "\n".join(lines) + "\n"


def _text_change(change: Change) -> str:
    if change.kind == "moved":
        return change.headline
    if change.words:
        marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
        return f"{change.headline}:\n" + "".join(
            space + marks[op].format(body) for op, space, body in runs(change.words)
        )
    if change.kind == "added":
        return f"{change.headline}: {change.new}"
    if change.kind == "removed":
        return f"{change.headline}: {change.old}"
    return f"{change.headline} from “{change.old}” to “{change.new}”"


def _indent(text: str) -> str:
    return "\n  ".join(text.split("\n"))


# -- Markdown --------------------------------------------------------------------------------


def to_markdown(changeset: ChangeSet) -> str:
    if changeset.is_empty:
        return changeset.summary + "\n"
    head = f"**{_md(changeset.notice_id)}**: " if changeset.notice_id else ""
    lines = [head + _md(changeset.summary), ""]
    for change in changeset.changes:
        lines.append("- " + _md_change(change))
    return "\n".join(lines) + "\n"


def _md(text: str | None) -> str:
    return MD_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _md_change(change: Change) -> str:
    head = f"**{_md(change.headline)}**"
    if change.kind == "moved":
        return head
    if change.words:
        marks = {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"}
        words = "".join(
            (" " if space else "") + marks[op].format(_md(body)) for op, space, body in runs(change.words)
        )
        return f"{head}: {words}"
    if change.kind == "added":
        return f"{head}: {_md(change.new)}"
    if change.kind == "removed":
        return f"{head}: ~~{_md(change.old)}~~"
    return f"{head} from ~~{_md(change.old)}~~ to **{_md(change.new)}**"


# -- HTML ------------------------------------------------------------------------------------


def to_html(changeset: ChangeSet, templates: tuple[str, ...] | None = None) -> Markup:
    env = environment(templates or (str(BUILTIN_TEMPLATES),))
    return Markup(env.get_template("changes/_diff.html").render(changeset=changeset, runs=runs))


# -- JSON ------------------------------------------------------------------------------------


def to_json(changeset: ChangeSet) -> str:
    data = {
        "notice": changeset.notice_id,
        "from": changeset.from_version,
        "to": changeset.to_version,
        "summary": changeset.summary,
        "changes": [c.as_dict() for c in changeset.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[ChangeSet], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "html": lambda changeset: str(to_html(changeset)),
    "json": to_json,
}


def render(changeset: ChangeSet, fmt: str) -> str:
    return FORMATS[fmt](changeset)
