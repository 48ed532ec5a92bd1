"""The builders: one pure builder per format turns a Job into Artifacts (files as bytes).

The registry below is the one list of formats: `noticegen build --format` offers these names,
and each is imported only when that format is built (the PDF library is heavy).
"""

from __future__ import annotations

import importlib

from noticegen.builders.job import Artifact, Builder, Download, Job, ReleaseInfo, job_environment

__all__ = [
    "FORMATS",
    "Artifact",
    "Builder",
    "Download",
    "Job",
    "ReleaseInfo",
    "get_builder",
    "job_environment",
]

# name: (module, class, offered to users by --format)
REGISTRY: dict[str, tuple[str, str, bool]] = {
    "html": ("noticegen.builders.html", "HtmlBuilder", True),
    "pdf": ("noticegen.builders.pdf", "PdfBuilder", True),
    "docx": ("noticegen.builders.docx", "DocxBuilder", True),
    "txt": ("noticegen.builders.text", "TextBuilder", True),
    "history": ("noticegen.builders.history", "HistoryBuilder", False),  # changes pages, announcements
}

FORMATS = tuple(name for name, (_, _, public) in REGISTRY.items() if public)


def get_builder(name: str) -> Builder:
    """The builder for a format; its module (and heavy libraries) imported only now."""
    try:
        module, cls, _ = REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}") from None
    return getattr(importlib.import_module(module), cls)()
