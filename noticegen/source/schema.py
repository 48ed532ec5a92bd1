"""Typed reads of YAML nodes that report every problem with its file, line and column."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable

from noticegen.errors import Reporter
from noticegen.grammar import BARE, LINK_TARGET, LINK_TITLE, SAFE_LINK, address_problem
from noticegen.model import Loc, Text, ToConfirm
from noticegen.source.yaml_nodes import Entry, Node

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ]{6,18}[0-9]$")
URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][^\s<>\"]*)?$")
# Raw HTML: a tag, a closing tag, a comment or a doctype. `<https://…>` autolinks are fine.
IMAGE = re.compile(r"!\[")
# A tag starts right after `<` (`a < b` is text, `a <b>` a tag); `<https://…>` autolinks are fine.
RAW_HTML = re.compile(r"<(?:/\s*)?(?!https?:|mailto:)[A-Za-z!?][^>]*>?")


class Reader:
    """Reads nodes against the schema, collecting problems and `to_confirm` markers."""

    def __init__(self, reporter: Reporter) -> None:
        self.report = reporter
        self.to_confirm: list[ToConfirm] = []
        self.texts: list[Text] = []
        self.invalid_fields: set[tuple[str, str]] = set()  # (contact id, field) written but refused

    # -- structure ---------------------------------------------------------------
    def mapping(
        self, node: Node, what: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Entry] | None:
        """The entries of a mapping, after checking for unknown and missing keys."""
        if not isinstance(node.value, dict):
            self.report.error(
                node.loc, f"{what} should be a mapping of keys and values, not {_describe(node)}"
            )
            return None
        required = list(required)
        known = [*required, *optional]
        for key, entry in node.value.items():
            if key not in known:
                self.report.error(entry.key_loc, f"unknown key '{key}' in {what}{did_you_mean(key, known)}")
        for key in required:
            if key not in node.value:
                self.report.error(node.loc, f"{what} has no '{key}': add it")
        return node.value

    def sequence(self, node: Node, what: str, allow_empty: bool = False) -> list[Node]:
        if not isinstance(node.value, list):
            self.report.error(
                node.loc, f"{what} should be a list (lines starting with '- '), not {_describe(node)}"
            )
            return []
        if not node.value and not allow_empty:
            self.report.error(node.loc, f"{what} is empty: add at least one item or remove it")
        return node.value

    def unique_ids(self, pairs: list[tuple[str, Loc]], what: str) -> None:
        seen: dict[str, Loc] = {}
        for ident, loc in pairs:
            if ident in seen:
                self.report.error(
                    loc,
                    f"duplicate id '{ident}' in {what} (first used at line "
                    f"{seen[ident].line}): every id must be different",
                )
            else:
                seen[ident] = loc

    # -- scalars -------------------------------------------------------------------
    def scalar(self, node: Node, what: str) -> str | None:
        """A string value; `{value: …, to_confirm: reason}` is unwrapped and remembered."""
        if isinstance(node.value, dict) and "to_confirm" in node.value:
            entries = self.mapping(node, what, ["value", "to_confirm"])
            if entries is None or "value" not in entries:
                return None
            reason = entries["to_confirm"].node
            if not isinstance(reason.value, str) or not reason.value.strip():
                self.report.error(
                    reason.loc, f"to_confirm of {what} needs a reason: say what the council has to confirm"
                )
            else:
                self.to_confirm.append(ToConfirm(what, reason.value.strip(), node.loc))
            node = entries["value"].node
        if node.value is None:
            self.report.error(node.loc, f"{what} is empty: write a value or remove the key")
            return None
        if not isinstance(node.value, str):
            self.report.error(node.loc, f"{what} should be text, not {_describe(node)}")
            return None
        if not node.value.strip():
            self.report.error(node.loc, f"{what} is empty: write a value or remove the key")
            return None
        return node.value

    def text(self, node: Node, key: str, what: str) -> Text | None:
        """Inline Markdown text: emphasis, links and line breaks; raw HTML is an error."""
        value = self.scalar(node, what)
        if value is None:
            return None
        match = RAW_HTML.search(value)
        if match:
            self.report.error(
                _offset(node, value, match.start()),
                f"raw HTML '{match.group(0)[:20]}' is not allowed in {what}: use "
                "Markdown (*emphasis*, [link text](https://…)) instead",
            )
            return None
        for link in LINK_TARGET.finditer(value):
            if not SAFE_LINK.match(link.group(1)):
                self.report.error(
                    _offset(node, value, link.start()),
                    f"the link '{link.group(1)[:40]}' in {what} is not allowed: links may go "
                    "to https://, http://, mailto: or tel: addresses only",
                )
                return None
        problem = link_problem(value)
        if problem:
            self.report.error(_offset(node, value, problem[0]), f"{problem[1]} (in {what})")
            return None
        if IMAGE.search(value):
            self.report.error(
                _offset(node, value, IMAGE.search(value).start()),  # type: ignore[union-attr]
                f"images are not allowed in {what}: a notice's only image is the site logo",
            )
            return None
        text = Text(value.strip(), key, None, node.loc)
        self.texts.append(text)
        return text

    def ident(self, node: Node, what: str) -> str | None:
        value = self.scalar(node, what)
        if value is not None and not SLUG.match(value):
            self.report.error(
                node.loc,
                f"'{value}' is not a valid id for {what}: use lower-case "
                "letters, digits and single hyphens, like 'who-we-are'",
            )
            return None
        return value

    def pattern(self, node: Node, what: str, regex: re.Pattern[str], example: str) -> str | None:
        value = self.scalar(node, what)
        if value is not None and not regex.match(value.strip()):
            self.report.error(node.loc, f"'{value}' is not a valid {what}: write it like {example}")
            return None
        return value.strip() if value else None

    def email(self, node: Node, what: str) -> str | None:
        return self.pattern(node, what, EMAIL, "name@example.gov.uk")

    def phone(self, node: Node, what: str) -> str | None:
        return self.pattern(node, what, PHONE, "0151 934 3359 (digits and spaces only)")

    def url(self, node: Node, what: str) -> str | None:
        value = self.pattern(node, what, URL, "https://www.example.gov.uk/page")
        problem = address_problem(value) if value else None
        if problem:
            self.report.error(node.loc, f"the address '{value}' for {what} {problem}")
            return None
        return value

    def date(self, node: Node, what: str) -> dt.date | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            self.report.error(
                node.loc, f"'{value}' is not a valid date for {what}: write it as YYYY-MM-DD, like 2024-09-01"
            )
            return None

    def flag(self, node: Node, what: str) -> bool:
        value = self.scalar(node, what)
        if value in ("true", "false"):
            return value == "true"
        if value is not None:
            self.report.error(node.loc, f"{what} should be true or false, not '{value}'")
        return False

    def integer(self, node: Node, what: str, low: int, high: int) -> int | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if not value.strip().isdigit() or not low <= int(value) <= high:
            self.report.error(
                node.loc, f"{what} should be a whole number from {low} to {high}, not '{value}'"
            )
            return None
        return int(value)

    def choice(self, node: Node, what: str, choices: Iterable[str]) -> str | None:
        choices = list(choices)
        value = self.scalar(node, what)
        if value is not None and value not in choices:
            self.report.error(
                node.loc,
                f"'{value}' is not a valid {what}: use one of "
                f"{', '.join(choices)}{did_you_mean(value, choices)}",
            )
            return None
        return value


def link_problem(value: str) -> tuple[int, str] | None:
    """(index, message) for a link with a title, or a link or bare address that hides its target."""
    title = LINK_TITLE.search(value)
    if title:
        return title.start(), (
            "a link may hold only its address in round brackets, not a title or anything after "
            "it: write [link text](https://…) with nothing after the address"
        )
    targets = [(m.start(1), m.group(1)) for m in LINK_TARGET.finditer(value)]
    targets += [(m.start(), m.group(0)) for m in BARE.finditer(value) if m.group("url")]
    for index, url in targets:
        problem = address_problem(url)
        if problem:
            return index, f"the address '{url[:60]}' {problem}"
    return None


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _describe(node: Node) -> str:
    return {"mapping": "a mapping", "list": "a list", "text": "text", "empty": "nothing"}[node.kind]


def _offset(node: Node, value: str, index: int) -> Loc:
    """The location of character `index` of a plain one-line scalar, else the node."""
    if node.quoted or "\n" in value[:index]:
        return node.loc
    return Loc(node.loc.path, node.loc.line, node.loc.col + index)
