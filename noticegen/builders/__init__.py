"""The builders: one pure builder per format turns a Job into Artifacts (files as bytes).

The registry below is the one list of formats: `noticegen build --format` offers these names,
and each is imported only when that format is built (the PDF library is heavy). This module
imports nothing else, so that the command line starts quickly; Job and Artifact are in job.py.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from noticegen.builders.job import Builder

__all__ = ["FORMATS", "LAID_OUT", "REGISTRY", "SAME_AT_EVERY_ADDRESS", "get_builder"]

# name: (module, class, offered to users by --format)
REGISTRY: dict[str, tuple[str, str, bool]] = {
    "html": ("noticegen.builders.html", "HtmlBuilder", True),
    "pdf": ("noticegen.builders.pdf", "PdfBuilder", True),
    "docx": ("noticegen.builders.docx", "DocxBuilder", True),
    "txt": ("noticegen.builders.text", "TextBuilder", True),
    "leaflet": ("noticegen.builders.leaflet", "LeafletBuilder", True),  # A5 booklet, imposed on A4
    "braille": ("noticegen.builders.braille", "BrailleBuilder", True),  # BRF, through liblouis
    "json": ("noticegen.builders.data", "DataBuilder", True),  # open data: JSON and JSON-LD
    "collection": ("noticegen.builders.collection", "CollectionBuilder", True),  # collection notices
    "history": ("noticegen.builders.history", "HistoryBuilder", False),  # changes pages, announcements
}

FORMATS = tuple(name for name, (_, _, public) in REGISTRY.items() if public)

# Formats whose files do not depend on where they are published: the latest release at
# v/<version>/ and the current notice, when their content is the same, are rendered once.
SAME_AT_EVERY_ADDRESS = frozenset({"pdf", "docx", "txt", "leaflet", "braille"})

# Formats laid out by WeasyPrint (slow to import: a build's workers import it as they start).
LAID_OUT = frozenset({"pdf", "leaflet"})


def get_builder(name: str) -> Builder:
    """The builder for a format; its module (and heavy libraries) imported only now."""
    try:
        module, cls, _ = REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}") from None
    return getattr(importlib.import_module(module), cls)()
