"""Interface words for an HTML page, with the untranslated ones marked as English.

A word the language's catalog does not translate (yet) comes back in the source language inside
`<span lang="en" dir="ltr">`: screen readers switch voice, and in a right-to-left page the span
is isolated, so its full stop stays at its end. Translations are used as gettext gives them.
Where a word goes into an attribute, a <title> or CSS, templates take it `|striptags`.
"""

from __future__ import annotations

import dataclasses
import gettext
import re

from markupsafe import Markup

CONTEXT_GLUE = "\x04"  # how gettext keys a message with a context


class MarkedFallback(gettext.NullTranslations):
    """gettext, ngettext, pgettext and npgettext over `translations`, marking what is missing."""

    def __init__(self, translations: gettext.NullTranslations, source_lang: str, source_dir: str) -> None:
        super().__init__()
        self.translations = translations
        self.catalog: dict = getattr(translations, "_catalog", {})
        self.source_lang = source_lang
        self.source_dir = source_dir

    def _mark(self, english: str) -> Markup:
        return Markup('<span lang="{}" dir="{}">{}</span>').format(self.source_lang, self.source_dir, english)

    def gettext(self, message: str) -> str:
        if message in self.catalog:
            return self.translations.gettext(message)
        return self._mark(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if (singular, 0) in self.catalog:
            return self.translations.ngettext(singular, plural, n)
        return self._mark(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        if f"{context}{CONTEXT_GLUE}{message}" in self.catalog:
            return self.translations.pgettext(context, message)
        return self._mark(message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        if (f"{context}{CONTEXT_GLUE}{singular}", 0) in self.catalog:
            return self.translations.npgettext(context, singular, plural, n)
        return self._mark(singular if n == 1 else plural)


_MARKED = re.compile(r'<span lang="[^"]*" dir="(ltr|rtl)">(.*?)</span>', re.S)
_ISOLATE = {"ltr": "\u2066", "rtl": "\u2067"}  # LRI, RLI; each closed by PDI
_PDI = "\u2069"


def isolated_text(words: str) -> str:
    """Plain text for places that take no markup (CSS `content` in page margins): a marked
    fallback keeps its isolation as Unicode isolate marks, so in a right-to-left page its words
    and punctuation stay in order."""
    if not isinstance(words, Markup):
        return words
    marked = _MARKED.sub(lambda m: _ISOLATE[m.group(1)] + m.group(2) + _PDI, str(words))
    return Markup(marked).striptags() if "<" in marked else Markup(marked).unescape()


def isolate_runs(runs: tuple, source_dir: str) -> tuple:
    """Runs of one fallback unit between isolate marks (for Word, which has no `dir` on a run):
    an English item in a right-to-left list keeps its bullet on the right and its full stop at
    its end. `runs` are dataclasses with a `text` field; line breaks (empty text) are skipped."""
    texts = [i for i, run in enumerate(runs) if run.text]
    if not texts:
        return runs
    first, last = texts[0], texts[-1]
    changed = list(runs)
    changed[first] = dataclasses.replace(changed[first], text=_ISOLATE[source_dir] + changed[first].text)
    changed[last] = dataclasses.replace(changed[last], text=changed[last].text + _PDI)
    return tuple(changed)
