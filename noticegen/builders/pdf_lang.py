"""The language of each part of a PDF, in its structure tree (a small local patch to WeasyPrint).

WeasyPrint 70 writes /Lang only for the whole document, so English shown in place of a missing
translation would be read aloud with the page language's voice. WeasyPrint builds one structure
element per box in `weasyprint.pdf.tags._build_box_tree`, which calls itself through its module's
global name; `install()` wraps it once so that every structure element made for an HTML element
with a `lang` attribute gets that language as /Lang (PDF readers inherit it downwards, as
browsers do). Nothing else changes. `tests/test_pdf_lang.py` checks the result with pikepdf, so
a WeasyPrint upgrade that renames the function fails a test instead of silently losing /Lang.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydyf
from weasyprint.pdf import tags

_SKIPPED = ("html", "body")  # their language is the document's /Lang


def install() -> None:
    """Wrap WeasyPrint's structure builder (idempotent)."""
    if getattr(tags._build_box_tree, "noticegen_lang", False):
        return
    original = tags._build_box_tree

    def build_with_lang(box: Any, parent: Any, pdf: Any, *rest: Any) -> Iterator[Any]:
        lang = _lang_of(box)
        for element in original(box, parent, pdf, *rest):
            if lang and "Lang" not in element:
                element["Lang"] = pydyf.String(lang)
            yield element

    build_with_lang.noticegen_lang = True  # type: ignore[attr-defined]
    tags._build_box_tree = build_with_lang


def _lang_of(box: Any) -> str | None:
    box = getattr(box, "_box", box)  # an absolutely positioned box's placeholder
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in _SKIPPED:
        return None
    return element.get("lang") or None
