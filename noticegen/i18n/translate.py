"""Translate the model once per language, before any builder runs (as Sphinx does)."""

from __future__ import annotations

import functools
import gettext
import io
from dataclasses import dataclass, replace
from pathlib import Path

from noticegen.grammar import link_targets, placeholders
from noticegen.i18n.catalogs import Coverage, load, po_path
from noticegen.i18n.contexts import current
from noticegen.model import Notice, Site, Text
from noticegen.walk import replace_texts, texts


@dataclass(frozen=True)
class Translated:
    site: Site
    notice: Notice
    coverage: Coverage


def _lookup(catalog) -> dict[tuple[str, str | None], str]:
    """Usable translations only: a fuzzy or empty one counts as untranslated, and so does one that
    lost a placeholder or a link (`i18n check` names it; readers get the English, marked)."""
    if catalog is None:
        return {}
    return {
        (m.msgid, m.msgctxt): m.msgstr
        for m in catalog
        if m.translated() and m.msgstr and keeps_references(m.msgid, m.msgstr)
    }


def keeps_references(english: str, translated: str) -> bool:
    """The translation has exactly the English's placeholders and every one of its link targets."""
    return placeholders(english) == placeholders(translated) and link_targets(english) <= link_targets(
        translated
    )


@functools.lru_cache(maxsize=32)
def _catalog(path: str, mtime: float, lang: str) -> dict[tuple[str, str | None], str]:
    return _lookup(load(Path(path), lang))


def content_catalog(root: Path, lang: str, source_lang: str) -> dict[tuple[str, str | None], str] | None:
    """The translations of notice text for `lang`; None for the source language."""
    if lang == source_lang:
        return None
    path = po_path(root, lang, "notices")
    if not path.exists():
        return {}
    return _catalog(str(path), path.stat().st_mtime, lang)


def translate(site: Site, notice: Notice, lang: str, strings: dict | None, source_lang: str) -> Translated:
    """Every Text in `lang`; what has no usable translation stays in the source language, marked."""
    if strings is None:
        total = sum(1 for _ in texts(notice))
        return Translated(site, replace(notice, lang=lang), Coverage(total, 0, 0))
    done = missing = 0

    def change(text: Text) -> Text:
        nonlocal done, missing
        found = strings.get((text.value, current(text.key)))  # a past release may have old keys
        if found:
            done += 1
            return replace(text, value=found, lang=None)
        missing += 1
        return replace(text, lang=source_lang)

    new_notice = replace_texts(notice, change)
    counted = Coverage(done, 0, missing)
    new_site = replace_texts(site, change)  # not counted: shared by every notice
    return Translated(new_site, replace(new_notice, lang=lang), counted)


@functools.lru_cache(maxsize=32)
def _interface(path: str, mtime: float, lang: str) -> gettext.NullTranslations:
    catalog = load(Path(path), lang)
    # Only confirmed translations: polib leaves fuzzy, obsolete and empty entries out of the MO.
    return gettext.GNUTranslations(io.BytesIO(catalog.to_binary()))


def interface_translations(root: Path, lang: str, source_lang: str) -> gettext.NullTranslations:
    """gettext translations of the templates' own words for `lang`."""
    path = po_path(root, lang, "interface")
    if lang == source_lang or not path.exists():
        return gettext.NullTranslations()
    return _interface(str(path), path.stat().st_mtime, lang)
