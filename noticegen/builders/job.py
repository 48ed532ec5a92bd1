"""What every builder reads and returns: a Job (one notice in one language) and Artifacts (files)."""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import jinja2
from markupsafe import Markup

from noticegen.i18n.catalogs import po_path
from noticegen.i18n.fallback import MarkedFallback, isolated_text
from noticegen.i18n.messages import interface_messages
from noticegen.i18n.translate import interface_translations
from noticegen.languages import direction
from noticegen.model import Notice, Site, Text
from noticegen.reproducible import source_moment
from noticegen.templating import environment


@dataclass(frozen=True)
class Artifact:
    """A file to publish: its path inside the output folder (with '/') and its bytes."""

    path: str
    data: bytes


@dataclass(frozen=True)
class Download:
    """Another format of the same notice, for the page's download list."""

    path: str  # relative to the notice page
    kind: str  # a kind in DOWNLOADS: "pdf", "large-print", "leaflet", "docx", "txt", "braille"
    size: int


#: The files a notice page lists for download, in the list's order: (how the file name ends
#: after the notice id, kind, file type). The leaflet's imposed print file is not listed: it
#: is for print staff (`noticegen print --leaflet`); the page offers its tagged A5 pages.
DOWNLOADS = (
    (".pdf", "pdf", "PDF"),
    ("-large-print.pdf", "large-print", "PDF"),
    ("-leaflet-a5.pdf", "leaflet", "PDF"),
    (".docx", "docx", "DOCX"),
    (".txt", "txt", "TXT"),
    (".brf", "braille", "BRF"),
    (".json", "json", "JSON"),  # not in the list: the page links to it as its data (rel="alternate")
)


def download_kind(name: str, notice_id: str) -> str | None:
    """The kind of a file the page lists for download, or None for a file it does not list."""
    return next((kind for ending, kind, _ in DOWNLOADS if name == notice_id + ending), None)


@dataclass(frozen=True)
class ReleaseInfo:
    """What a page says about a notice's releases: first published, last updated and why."""

    published: dt.date
    updated: dt.date
    note: Text  # the latest release's change note in the job's language (or marked as the source's)


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
    releases: ReleaseInfo | None = None  # None: the notice has not been released yet
    past: str | None = None  # the version, when this job renders a past release
    superseded: bool = False  # a past release that a later version has replaced
    history: tuple = ()  # for the history builder: (Release, ChangeSet | None), newest first
    lag: tuple[str | None, int] | None = None  # a translation's last release covered, texts changed since
    notes: tuple = ()  # for the history builder: each release's change note (Text) in `lang`, as history

    @property
    def last_updated(self) -> dt.date:
        """The date every version shows as "Last updated": the latest release (up to this one, for a
        past version), or the notice's effective date before its first release."""
        return self.releases.updated if self.releases else self.notice.effective

    @property
    def shown_date(self) -> dt.date | None:
        """The "Last updated" date, or None while the notice's effective date is still to be
        confirmed and it has no release: a placeholder date is never shown as a date."""
        unconfirmed = any(t.field == "effective date" for t in self.notice.to_confirm)
        return None if unconfirmed and self.releases is None else self.last_updated

    @property
    def source_moment(self) -> dt.datetime:
        """The date written into generated files: SOURCE_DATE_EPOCH, else the later of the
        notice's effective date and its last release (up to this one)."""
        return source_moment(max(self.notice.effective, self.last_updated))

    @property
    def source_lang(self) -> str:
        return self.site.default_language

    @property
    def is_translation(self) -> bool:
        return self.lang != self.source_lang

    @property
    def folder(self) -> str:
        """Where this job's files go: <notice>/<lang>, or <notice>/<lang>/v/<version> for a past one."""
        base = f"{self.notice.id}/{self.lang}"
        return f"{base}/v/{self.past}" if self.past else base

    def href(self, target: str, lang: str | None = None, below: str = "") -> str:
        """A relative link from this job's folder (or a folder `below` it) to `target`, a path
        inside <notice>/<lang>/, or from the site root when it starts with '/'."""
        where = target if target.startswith("/") else f"/{self.notice.id}/{lang or self.lang}/{target}"
        start = "/" + self.folder + (f"/{below}" if below else "")
        return posixpath.relpath(where, start)


class Builder(Protocol):
    name: str

    def build(self, job: Job) -> list[Artifact]:
        """Return the files for this job; never write to disk."""
        ...


RASTER = (".png", ".jpg", ".jpeg", ".gif")


def logo_png(job: Job) -> Path | None:
    """A raster copy of the site logo (Word cannot show SVG everywhere): the file itself, or a
    PNG of the same name beside it. None when there is none."""
    if job.site.logo is None:
        return None
    source = Path(job.root) / "notice_src" / job.site.logo.file
    for candidate in (source, source.with_suffix(".png")):
        if candidate.suffix.lower() in RASTER and candidate.is_file():
            return candidate
    return None


def embedded_logo(job: Job, fmt: str) -> Path | None:
    """The logo file whose bytes a format's files contain: Word's raster copy, the PDFs' logo
    itself; None for the others (a page only links to assets/<logo>)."""
    if fmt == "docx":
        return logo_png(job)
    if fmt in ("pdf", "leaflet") and job.site.logo is not None:
        return Path(job.root) / "notice_src" / job.site.logo.file
    return None


def job_environment(job: Job, escape: bool = True) -> jinja2.Environment:
    """The Jinja environment for one build job: its templates, its language's interface words
    (as the catalog is now: a preview builds many times in one process)."""
    catalog = po_path(Path(job.root), job.lang, "interface")
    try:
        changed = catalog.stat().st_mtime_ns
    except OSError:
        changed = 0
    return _environment(job.templates, job.root, job.lang, job.site.default_language, escape, changed)


def interface_words(job: Job):
    """`t(english, **values)`: interface words in the job's language as plain text (DOCX), from the
    same catalog, contexts and msgids as the templates (each msgid has one context there); English
    shown in their place is between Unicode isolate marks, so it keeps its order in a right-to-left
    document."""
    contexts = interface_contexts(job.templates)
    template = job_environment(job).from_string("{{ pgettext(c, s, **v) }}")  # marks what falls back
    return lambda s, **v: isolated_text(Markup(template.render(c=contexts.get(s, ""), s=s, v=v)))


@functools.lru_cache(maxsize=8)
def interface_contexts(templates: tuple[str, ...]) -> dict[str, str]:
    """The context the templates give each interface msgid."""
    return {m.msgid: m.context or "" for m in interface_messages(templates)}


@functools.lru_cache(maxsize=64)
def _environment(
    templates: tuple[str, ...], root: str, lang: str, source_lang: str, escape: bool, changed: int
) -> jinja2.Environment:
    translations = interface_translations(Path(root), lang, source_lang) if root and lang else None
    if translations is not None and escape and lang != source_lang:
        # HTML: an interface word not translated yet is shown in English, marked lang="en"
        translations = MarkedFallback(translations, source_lang, direction(source_lang))
    return environment(templates, translations, escape)
