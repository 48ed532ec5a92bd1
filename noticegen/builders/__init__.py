"""The builder interface: a builder turns one notice in one language into files (bytes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..model import Notice, Site


@dataclass(frozen=True)
class Artifact:
    """A file to publish: its path inside the output folder (with '/') and its bytes."""

    path: str
    data: bytes


@dataclass(frozen=True)
class Download:
    """Another format of the same notice, for the page's download list."""

    path: str  # relative to the notice page
    kind: str  # "pdf", "large-print", "docx", "txt"
    size: int


@dataclass(frozen=True)
class Job:
    """Everything a builder may read: the model, where the templates are, the other files."""

    site: Site
    notice: Notice
    lang: str
    templates: tuple[str, ...]
    root: str
    languages: tuple[str, ...] = ()
    downloads: tuple[Download, ...] = field(default=())
    status: str = "approved"  # the language's status in site.yaml: "approved" or "draft"
    coverage: float = 100.0  # the share of this notice's text translated into `lang`
    edition: str | None = None  # for PDF: only "standard" or "large-print" (None: both)

    @property
    def source_lang(self) -> str:
        return self.site.default_language

    @property
    def is_translation(self) -> bool:
        return self.lang != self.source_lang

    @property
    def folder(self) -> str:
        return f"{self.notice.id}/{self.lang}"


class Builder(Protocol):
    name: str

    def build(self, job: Job) -> list[Artifact]:
        """Return the files for this job; never write to disk."""
        ...


FORMATS = ("html", "pdf", "docx", "txt")


def get_builder(name: str) -> Builder:
    """The builder for a format; heavy libraries are imported only when that format is built."""
    if name == "html":
        from .html import HtmlBuilder

        return HtmlBuilder()
    if name == "pdf":
        from .pdf import PdfBuilder

        return PdfBuilder()
    if name == "docx":
        from .docx import DocxBuilder

        return DocxBuilder()
    if name == "txt":
        from .text import TextBuilder

        return TextBuilder()
    raise ValueError(f"unknown format {name!r}")
