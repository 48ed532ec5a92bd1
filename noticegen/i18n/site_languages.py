"""Adding a language to notice_src/site.yaml as `i18n init` does: a draft, after the others."""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError
from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, ScalarNode

from noticegen.errors import UserError


def english_name(lang: str) -> str:
    """'cy' -> 'Welsh'; the code itself for a language Babel does not know."""
    try:
        return Locale.parse(lang.replace("-", "_")).get_display_name("en") or lang
    except (UnknownLocaleError, ValueError):
        return lang


def add_draft_language(site_yaml: Path, lang: str) -> None:
    """Insert `lang: {status: draft}` as the last entry of `languages:`, keeping every other line."""
    text = site_yaml.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    node = _languages_node(text)
    if node is None or node.flow_style or not node.value:
        raise UserError.at(
            site_yaml,
            f"the 'languages:' list could not be extended automatically: add '{lang}: {{status: draft}}' to it",
        )
    first_key, _ = node.value[0]
    _, last_value = node.value[-1]
    end = last_value.end_mark
    after = end.line + (1 if end.column > 0 else 0)  # the line after the last entry's value
    entry = " " * first_key.start_mark.column + f"{lang}: {{status: draft}}\n"
    if after > 0 and not lines[after - 1].endswith("\n"):
        lines[after - 1] += "\n"
    lines.insert(after, entry)
    site_yaml.write_text("".join(lines), encoding="utf-8")


def _languages_node(text: str) -> MappingNode | None:
    root = YAML(typ="rt").compose(text)
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "languages" and isinstance(value, MappingNode):
            return value
    return None
