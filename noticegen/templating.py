"""The one Jinja environment, and the helpers templates use to show notice text."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from noticegen import inline
from noticegen.grammar import PLACEHOLDER
from noticegen.languages import direction
from noticegen.model import Block, Item, Notice, Site, Statement, Text

MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!<>])")


def environment(
    templates: tuple[str, ...], translations: gettext.NullTranslations | None = None, escape: bool = True
) -> jinja2.Environment:
    """Autoescaped, strict about undefined names, with the interface words from `translations`."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(templates)),
        autoescape=jinja2.select_autoescape(["html", "xml", "j2"], default_for_string=True)
        if escape
        else False,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    words = InterfaceText(translations or gettext.NullTranslations(), escape)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        words.gettext, words.ngettext, newstyle=True, pgettext=words.pgettext, npgettext=words.npgettext
    )
    return env


class InterfaceText:
    """The one path for the templates' own words: a translation is text, never markup.

    Jinja's newstyle gettext marks what the catalog returns as Markup when it autoescapes, so a
    translator's `<script>` would be published as a tag. Each translation is escaped here first;
    the placeholders (`%(name)s`) are filled in afterwards and escaped by Markup's `%`. A template
    that needs markup puts it around the call, never inside a translation.
    """

    def __init__(self, translations: gettext.NullTranslations, as_html: bool) -> None:
        self.translations = translations
        self.as_html = as_html

    def _text(self, value: str) -> str:
        return escape(value) if self.as_html else value

    def gettext(self, message: str) -> str:
        return self._text(self.translations.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._text(self.translations.ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> str:
        return self._text(self.translations.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._text(self.translations.npgettext(context, singular, plural, n))


@dataclass(frozen=True)
class FactEntry:
    """One fact as a section shows it: an optional sub-heading and its text."""

    id: str
    text: Text
    title: Text | None = None
    items: tuple[Item, ...] = ()


class Renderer:
    """Turns model text into HTML or plain text for one notice, expanding placeholders."""

    def __init__(self, site: Site, notice: Notice) -> None:
        self.site = site
        self.notice = notice

    def expand(self, text: Text | str) -> str:
        value = text.value if isinstance(text, Text) else text
        return PLACEHOLDER.sub(self._placeholder, value)

    def _placeholder(self, match: re.Match[str]) -> str:
        name, field = match.groups()
        if name == "org":
            value = {
                "name": self.site.org_name.value,
                "website": self.site.website,
                "ico_registration": self.site.ico_registration,
                "address": self.site.address.value if self.site.address else "",
            }.get(field)
            if value is None:
                return match.group(0)
            return value if field == "name" else _escape(value)
        contact = self.notice.contact(self.site, name)
        if contact is None or field not in ("name", "email", "phone", "url", "link", "address"):
            # Sources are validated; a translation may still misspell one: show it as written.
            return match.group(0)
        if field == "link" and not contact.url:
            return match.group(0)
        if field == "link":
            label = contact.url_label.value if contact.url_label else contact.url
            return f"[{label}]({contact.url})"
        value = getattr(contact, field)
        return value.value if isinstance(value, Text) else _escape(value or "")

    def runs(self, text: Text | str) -> tuple[inline.Run, ...]:
        return inline.parse(self.expand(text))

    def html(self, text: Text | str | None, print_targets: bool = False) -> Markup:
        if text is None:
            return Markup("")
        return inline.to_html(self.runs(text), print_targets)

    def plain(self, text: Text | str | None) -> str:
        return "" if text is None else inline.to_plain(self.runs(text))

    def lang_attr(self, text: Text | None) -> Markup:
        """` lang="en"` when this unit is shown in a fallback language (and `dir` if it differs)."""
        if text is None or not text.lang or text.lang == self.notice.lang:
            return Markup("")
        own = direction(text.lang)
        extra = f' dir="{own}"' if own != direction(self.notice.lang) else ""
        return Markup(f' lang="{text.lang}"{extra}')

    def item_lang(self, text: Text | None) -> Markup:
        """` lang="en"` (no `dir`) for a list item shown in a fallback language: the item keeps the
        list's direction, so its bullet stays on the list's side; `isolate` turns its words."""
        if text is None or not text.lang or text.lang == self.notice.lang:
            return Markup("")
        return Markup(' lang="{}"').format(text.lang)

    def isolate(self, text: Text | None, html: str) -> Markup:
        """`html` in `<span dir=…>` when `text` is a fallback written in the other direction."""
        own = direction(text.lang) if text is not None and text.lang else direction(self.notice.lang)
        if own == direction(self.notice.lang):
            return Markup(html)
        return Markup('<span dir="{}">{}</span>').format(own, Markup(html))

    def inline_html(self, text: Text | None) -> Markup:
        """The text as HTML inside a sentence: in `<span lang=…>` when it is a fallback."""
        attributes = self.lang_attr(text)
        return (
            Markup("<span{}>{}</span>").format(attributes, self.html(text)) if attributes else self.html(text)
        )

    def facts(self, block: Block) -> list[FactEntry]:
        """The facts a `facts:` block shows, in the chosen order."""
        values = getattr(self.notice.facts, block.ref or "")
        if isinstance(values, Statement):  # international transfers, automated decisions
            return [FactEntry(block.ref or "", values.text)] if values.text else []
        entries = [self._entry(v) for v in values or ()]
        if block.only:
            by_id = {e.id: e for e in entries}
            entries = [by_id[i] for i in block.only if i in by_id]
        return entries

    @staticmethod
    def _entry(value: object) -> FactEntry:
        if isinstance(value, Item):
            return FactEntry(value.id, value.text, value.title, value.items)
        title = getattr(value, "title", None)
        if title is not None:  # a Law: its title is its text
            return FactEntry(value.id, title)  # type: ignore[attr-defined]
        return FactEntry(value.id, value.text)  # type: ignore[attr-defined]

    def fact_groups(self, block: Block) -> list[tuple[str, list[FactEntry]]]:
        """Consecutive facts grouped as ('titled', [one]) or ('list', [several]).

        A lone untitled fact (a statement, a single retention rule) reads as a paragraph, not as a
        list of one: it is given as ('titled', [it]) with no title.
        """
        groups: list[tuple[str, list[FactEntry]]] = []
        for entry in self.facts(block):
            kind = "titled" if entry.title else "list"
            if kind == "list" and groups and groups[-1][0] == "list":
                groups[-1][1].append(entry)
            else:
                groups.append((kind, [entry]))
        return [
            ("titled", entries)
            if kind == "list" and len(entries) == 1 and not entries[0].items
            else (kind, entries)
            for kind, entries in groups
        ]


def _escape(value: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", value)


BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def templates_dir(root: Path | str) -> tuple[str, ...]:
    """A project's own templates/ first, then the built-in ones it may override in part."""
    own = Path(root) / "templates"
    paths = [own] if own.is_dir() else []
    if BUILTIN_TEMPLATES.is_dir() and BUILTIN_TEMPLATES.resolve() not in [p.resolve() for p in paths]:
        paths.append(BUILTIN_TEMPLATES)
    return tuple(str(p) for p in paths)


def template_file(templates: tuple[str, ...], name: str) -> Path:
    """The first templates folder's copy of a non-Jinja file (CSS, reference.docx)."""
    for folder in templates:
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    raise FileNotFoundError(name)
