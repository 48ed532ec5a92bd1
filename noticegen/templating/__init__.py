"""The one Jinja environment, and the helpers templates use to show notice text."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from noticegen import inline
from noticegen.grammar import PLACEHOLDER
from noticegen.languages import direction
from noticegen.model import Block, Notice, Site, Text
from noticegen.templating import views
from noticegen.templating.compiled import shared_code
from noticegen.templating.views import FactEntry

MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!<>])")


def environment(
    templates: tuple[str, ...],
    translations: gettext.NullTranslations | None = None,
    escape: bool = True,
) -> jinja2.Environment:
    """Autoescaped, strict about undefined names, with the interface words from `translations`.

    Templates are compiled once per process for every environment alike (templating.compiled)."""
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
        bytecode_cache=shared_code(escape),
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
        if name in ("org", "controller"):
            value = self._organisation(name, field)
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

    def _organisation(self, name: str, field: str) -> str | None:
        """{org.*}: the site's organisation (the publisher); {controller.*}: the notice's first controller."""
        who = self.site.controller if name == "org" else self.notice.responsible(self.site)[0]
        if name == "org" and field not in ("name", "website", "ico_registration", "address"):
            return None
        value = getattr(who, field, None)
        if value is None:
            return "" if name == "org" and field == "address" else None
        return value.value if isinstance(value, Text) else value

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
        if not isinstance(text, Text) or not text.lang or text.lang == self.notice.lang:
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
        return [views.entry(v) for v in views.shown_values(self.notice, block)]

    def fact_groups(self, block: Block) -> list[tuple[str, list]]:
        """The facts of a block as ('titled', …), ('list', …) and ('table', …) groups (views.py)."""
        return views.fact_groups(self.notice, block)


def _escape(value: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", value)


BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


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
