"""The PDF builder: a tagged PDF/UA-1 notice in clear print (14 pt) and large print (18 pt).

WeasyPrint renders templates/print/notice.html, whose <style> includes templates/print/print.css.
It is imported only when a PDF is built, because importing it takes about half a second.

WeasyPrint fetches the images and style sheets a document names. Its own fetcher reads
any file:// and http(s):// address, so this builder gives it a fetcher that serves only
files inside the job's template folders and notice_src/assets/ (and the site's logo), and
data: addresses this builder made itself. Everything else is refused before the disk or
the network is touched. Links in the text stay links: WeasyPrint never fetches a link.
"""

from __future__ import annotations

import base64
import functools
import io
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from markupsafe import Markup, escape

from noticegen.builders.job import Artifact, Job, job_environment
from noticegen.i18n.fallback import isolated_text
from noticegen.languages import base, direction, long_date, own_name
from noticegen.source.limits import layout_deadline
from noticegen.templating import Renderer

#: The two editions: file name suffix, body text size in points.
EDITIONS = (("standard", "", 14), ("large-print", "-large-print", 18))

#: Body fonts per language (base code); every other language gets DejaVu Sans.
FONTS = {
    "ar": '"Noto Naskh Arabic", "DejaVu Sans", sans-serif',
    "ur": '"Noto Naskh Arabic", "DejaVu Sans", sans-serif',  # Nastaliq does not extract: print.css
    "bn": '"Noto Sans Bengali", "DejaVu Sans", sans-serif',
    "zh": '"Noto Sans CJK SC", "DejaVu Sans", sans-serif',
}
DEFAULT_FONTS = '"DejaVu Sans", sans-serif'


class PdfBuilder:
    name = "pdf"

    def build(self, job: Job) -> list[Artifact]:
        made = []
        for doc in print_documents(job):
            if job.edition in (None, doc.edition):
                version = f" version {job.past}" if job.past else ""
                with layout_deadline(f"{job.notice.id}{version}, {job.lang}, {doc.edition} PDF"):
                    made.append(Artifact(doc.path, render_pdf(doc)))
        return made


@dataclass(frozen=True)
class PrintDocument:
    """One edition before WeasyPrint lays it out: its HTML (with its CSS) and what it may read."""

    path: str
    edition: str
    html: str
    base_url: str
    policy: FetchPolicy


def print_documents(job: Job) -> list[PrintDocument]:
    """The clear print and large print editions of a job, as HTML and CSS (no WeasyPrint)."""
    env = job_environment(job)
    lang = job.lang
    text_dir = direction(lang)
    effective = long_date(job.last_updated, lang)
    online_url = job.site.base_url + f"{job.notice.id}/{lang}/"
    qr_src = qr_data_url(online_url)
    logo_src = ""
    logo_files: list[Path] = []
    if job.site.logo:
        logo = (Path(job.root) / "notice_src" / job.site.logo.file).resolve()
        logo_src = logo.as_uri()
        logo_files.append(logo)
    policy = FetchPolicy.make(
        dirs=(*job.templates, Path(job.root) / "notice_src" / "assets"), files=logo_files, data=(qr_src,)
    )
    base_url = (Path(job.templates[0]).resolve() / "print").as_uri() + "/"
    common: dict[str, Any] = {
        "site": job.site,
        "notice": job.notice,
        "r": Renderer(job.site, job.notice),
        "lang": lang,
        "dir": text_dir,
        "effective": effective,
    }
    documents = []
    for edition, suffix, body_pt in EDITIONS:
        if job.edition not in (None, edition):
            continue  # a task for one edition lays out only that one
        html = env.get_template("print/notice.html").render(
            **common,
            edition=edition,
            job=job,
            created=creation_date(job),
            logo_src=logo_src,
            qr_src=qr_src,
            online_url=online_url,
            language_names=[(code, own_name(code)) for code in job.languages or (lang,)],
            breakable=breakable_urls,
            direction_of=direction,
            # for print/print.css
            body_pt=body_pt,
            fonts=FONTS.get(base(lang), DEFAULT_FONTS),
            start="right" if text_dir == "rtl" else "left",
            end="left" if text_dir == "rtl" else "right",
            footer_date=effective.replace(" ", "\u00a0"),  # the footer may wrap, never inside the date
            pt=pt,
            css_content=css_content,
        )
        path = f"{job.folder}/{job.notice.id}{suffix}.pdf"
        documents.append(PrintDocument(path, edition, html, base_url, policy))
    return documents


def render_pdf(document: PrintDocument) -> bytes:
    """The tagged PDF/UA-1 file of one edition."""
    from weasyprint import HTML  # slow to import: only when a PDF is wanted

    from noticegen.builders import pdf_lang

    pdf_lang.install()
    html = HTML(string=document.html, base_url=document.base_url, url_fetcher=safe_fetcher(document.policy))
    return html.write_pdf(pdf_variant="pdf/ua-1")


URL_TEXT = re.compile(r"https?://[^\s<>\"]+")
URL_PIECE = re.compile(r"[^/]*/+|[^/]+")
TAG = re.compile(r"(<[^>]*>)")


def breakable_urls(html: Markup | str) -> Markup:
    """HTML in which a printed web address may wrap only after a '/', never at its hyphens.

    Each piece of the address up to a '/' goes in <span class="nobr">; the text is unchanged,
    so a reader who copies it gets the real address. Addresses inside tags are left alone.
    """
    parts = TAG.split(str(escape(html)))
    for index, part in enumerate(parts):
        if part and not part.startswith("<"):
            parts[index] = URL_TEXT.sub(_url_pieces, part)
    return Markup("".join(parts))


def _url_pieces(match: re.Match[str]) -> str:
    return "".join(f'<span class="nobr">{piece}</span>' for piece in URL_PIECE.findall(match.group(0)))


def creation_date(job: Job) -> str:
    """WeasyPrint writes no date of its own: it takes the dcterms.created meta element."""
    return job.source_moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def pt(value: float) -> str:
    """A CSS length in points, rounded to a tenth."""
    return f"{round(value, 1):g}pt"


CSS_UNSAFE = re.compile(r'[\\"<>\x00-\x1f\x7f]')


def css_string(text: str) -> str:
    """A quoted CSS string; quotes, backslashes, control characters and < > are escaped."""
    return '"' + CSS_UNSAFE.sub(lambda m: f"\\{ord(m.group(0)):x} ", text) + '"'


def css_content(text: str, **functions: str) -> str:
    """A CSS `content` value: text quoted, each {name} given in `functions` replaced by its CSS.

    css_content("Page {page} of {pages}", page="counter(page)", pages="counter(pages)")
    gives "Page " counter(page) " of " counter(pages).
    """
    text = isolated_text(text)  # a translation made in an HTML template arrives as Markup
    if not functions:
        return css_string(text)
    pattern = re.compile("|".join(re.escape("{" + name + "}") for name in functions))
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            parts.append(css_string(text[position : match.start()]))
        parts.append(functions[match.group(0)[1:-1]])
        position = match.end()
    if position < len(text):
        parts.append(css_string(text[position:]))
    return " ".join(parts) or '""'


def qr_data_url(url: str) -> str:
    """A QR code for `url` as a data: URL of vector SVG (black on white, 4-module quiet zone)."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", border=4, xmldecl=False, omitsize=True, dark="#000", light="#fff"
    )
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


# --- The URL fetcher ---------------------------------------------------------------------


class RefusedURL(ValueError):
    """WeasyPrint asked for something this build may not read."""


@dataclass(frozen=True)
class FetchPolicy:
    """What WeasyPrint may read: files inside `dirs`, the exact `files`, the exact `data` URLs."""

    dirs: tuple[str, ...]
    files: tuple[str, ...]
    data: tuple[str, ...]

    @classmethod
    def make(cls, dirs, files=(), data=()) -> FetchPolicy:
        return cls(
            tuple(os.path.realpath(d) for d in dirs),
            tuple(os.path.realpath(f) for f in files),
            tuple(data),
        )

    def resolve(self, url: str) -> tuple[bytes, str]:
        """The bytes and MIME type at `url`, or RefusedURL: nothing else is ever read."""
        if url.startswith("data:"):
            if url not in self.data:
                raise RefusedURL("refused a data: URL that this builder did not make")
            header, _, payload = url.partition(",")
            mime = header[len("data:") :].split(";")[0] or "text/plain"
            body = base64.b64decode(payload) if header.endswith(";base64") else unquote(payload).encode()
            return body, mime
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused {url!r}: only the templates and notice_src/assets/ may be read")
        path = url2pathname(unquote(parts.path))
        if not os.path.isabs(path):
            raise RefusedURL(f"refused {url!r}: not an absolute file path")
        # Decide on the path as written first, without touching the disk...
        if not self._allows(os.path.normpath(path)):
            raise RefusedURL(f"refused {url!r}: it is outside the templates and notice_src/assets/")
        # ...then again once symbolic links are followed, so a link cannot lead outside.
        real = os.path.realpath(path)
        if not self._allows(real) or not os.path.isfile(real):
            raise RefusedURL(f"refused {url!r}: not a file inside the templates or notice_src/assets/")
        with open(real, "rb") as handle:
            body = handle.read()
        return body, mimetypes.guess_type(real)[0] or "application/octet-stream"

    def _allows(self, path: str) -> bool:
        if path in self.files:
            return True
        return any(os.path.commonpath([folder, path]) == folder for folder in self.dirs)


def safe_fetcher(policy: FetchPolicy):
    """A WeasyPrint URL fetcher that serves only what `policy` allows and refuses the rest."""
    return _fetcher_class()(policy)


@functools.cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeFetcher(URLFetcher):
        def __init__(self, policy: FetchPolicy) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.policy = policy

        def fetch(self, url, headers=None):
            body, mime = self.policy.resolve(url)
            return URLFetcherResponse(url, body, {"Content-Type": mime})

    return SafeFetcher
