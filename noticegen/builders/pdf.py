"""The PDF builder: a tagged PDF/UA-1 notice in clear print (14 pt) and large print (18 pt).

WeasyPrint renders templates/print/notice.html, whose <style> includes templates/print/print.css.
It is imported only when a PDF is built, because importing it takes about half a second.
What WeasyPrint may read is decided in builders/fetcher.py.
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from noticegen.builders.braille_tables import table_for
from noticegen.builders.fetcher import FetchPolicy, RefusedURL, safe_fetcher  # noqa: F401 (RefusedURL: for callers)
from noticegen.builders.job import Artifact, Job, job_environment
from noticegen.builders.print_layout import EDITIONS, SCRIPT_SIZES, Edition, keep_together, running_title
from noticegen.i18n.fallback import isolated_text
from noticegen.languages import base, direction, long_date, own_name
from noticegen.layers import glance
from noticegen.source.limits import layout_deadline
from noticegen.templating import Renderer

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


def print_documents(job: Job, editions: tuple[Edition, ...] = EDITIONS) -> list[PrintDocument]:
    """The printed editions of a job (by default clear print and large print), as HTML and CSS
    before WeasyPrint lays them out."""
    env = job_environment(job)
    lang = job.lang
    text_dir = direction(lang)
    effective = long_date(job.shown_date, lang) if job.shown_date else ""
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
        **glance.template_values(job.site, job.notice, env),
    }
    documents = []
    for edition in editions:
        if job.edition not in (None, edition.name):
            continue  # a task for one edition lays out only that one
        html = env.get_template("print/notice.html").render(
            **common,
            edition=edition.name,
            job=job,
            created=creation_date(job),
            logo_src=logo_src,
            qr_src=qr_src,
            online_url=online_url,
            language_names=[(code, own_name(code)) for code in job.languages or (lang,)],
            breakable=breakable_urls,
            direction_of=direction,
            keep_together=keep_together,
            shorten_title=running_title,
            has_braille=table_for(lang) is not None,
            script_sizes=SCRIPT_SIZES,
            # for print/print.css
            body_pt=edition.body_pt,
            page=edition,
            fonts=FONTS.get(base(lang), DEFAULT_FONTS),
            start="right" if text_dir == "rtl" else "left",
            end="left" if text_dir == "rtl" else "right",
            footer_date=effective.replace(" ", "\u00a0"),  # the footer may wrap, never inside the date
            pt=pt,
            css_content=css_content,
        )
        path = f"{job.folder}/{job.notice.id}{edition.suffix}.pdf"
        documents.append(PrintDocument(path, edition.name, html, base_url, policy))
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
