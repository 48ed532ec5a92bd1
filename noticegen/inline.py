"""Inline Markdown (emphasis, links, line breaks) to runs that every format can render."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup

from noticegen.grammar import BARE, LINK_TITLE, address_problem

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style; `href` makes it a link; `br` is a line break."""

    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None
    br: bool = False


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown()
    for name in (
        "indent",
        "code",
        "hashheader",
        "setextheader",
        "hr",
        "olist",
        "ulist",
        "quote",
        "reference",
    ):
        md.parser.blockprocessors.deregister(name)
    for name in (
        "backtick",
        "reference",
        "image_link",
        "image_reference",
        "short_reference",
        "short_image_ref",
        "html",
        "entity",
    ):
        md.inlinePatterns.deregister(name)
    md.preprocessors.deregister("html_block")
    md.postprocessors.deregister("raw_html")
    return md


_MD = _markdown()


@functools.lru_cache(maxsize=8192)
def parse(value: str) -> tuple[Run, ...]:
    """Runs for one piece of inline Markdown; unsafe links lose their target."""
    source = re.sub(r"\r\n?", "\n", value.strip()).replace("\n", "  \n")  # a lone CR ends a line too
    if LINK_TITLE.search(source):
        source = source.replace("[", "\\[")
    rendered = _MD.reset().convert(source)
    clean = nh3.clean(
        rendered,
        tags={"em", "strong", "a", "br", "p"},
        attributes={"a": {"href"}},
        url_schemes=SAFE_SCHEMES,
        link_rel=None,
    )
    collector = _Collector()
    collector.feed(clean)
    collector.close()
    return tuple(_autolink(_merge(collector.runs)))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.strong = self.em = 0
        self.href: str | None = None
        self.paragraphs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "strong":
            self.strong += 1
        elif tag == "em":
            self.em += 1
        elif tag == "a":
            self.href = dict(attrs).get("href") or None
        elif tag == "br":
            self.runs.append(Run("\n", br=True))
        elif tag == "p":
            if self.paragraphs:
                self.runs.append(Run("\n", br=True))
            self.paragraphs += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "strong":
            self.strong -= 1
        elif tag == "em":
            self.em -= 1
        elif tag == "a":
            self.href = None

    def handle_data(self, data: str) -> None:
        data = data.replace("\n", "")
        if data:
            self.runs.append(Run(data, self.strong > 0, self.em > 0, self.href))


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (
            last
            and not run.br
            and not last.br
            and (last.strong, last.em, last.href) == (run.strong, run.em, run.href)
        ):
            merged[-1] = Run(last.text + run.text, run.strong, run.em, run.href)
        else:
            merged.append(run)
    return merged


def _autolink(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if run.href or run.br:
            out.append(run)
            continue
        position = 0
        for match in BARE.finditer(run.text):
            if match.group("url") and address_problem(match.group("url")):
                continue  # an address that hides where it goes stays text
            if match.start() > position:
                out.append(Run(run.text[position : match.start()], run.strong, run.em))
            out.append(Run(match.group(0), run.strong, run.em, _href(match)))
            position = match.end()
        if position < len(run.text):
            out.append(Run(run.text[position:], run.strong, run.em))
    return out


def _href(match: re.Match[str]) -> str:
    if match.group("url"):
        return match.group("url")
    if match.group("email"):
        return "mailto:" + match.group("email")
    digits = re.sub(r"\D", "", match.group("phone"))
    return "tel:+" + digits if match.group("phone").startswith("+") else "tel:" + digits


def shown_target(href: str) -> str:
    """The link target as a person would write it down: no mailto:/tel: prefix."""
    return href.split(":", 1)[1] if href.startswith(("mailto:", "tel:")) else href


def hides_target(run: Run) -> bool:
    """True when a link's text does not show where it goes (so print must add it)."""
    if not run.href:
        return False
    target = shown_target(run.href)
    if run.href.startswith("tel:"):
        return re.sub(r"\D", "", target) not in re.sub(r"\D", "", run.text)
    return target.rstrip("/") not in run.text


def to_html(runs: tuple[Run, ...], print_targets: bool = False) -> Markup:
    """HTML for runs; with print_targets, a link whose text hides its target gets it in brackets."""
    parts = []
    for run in runs:
        if run.br:
            parts.append("<br>")
            continue
        piece = html.escape(run.text, quote=True)
        if run.em:
            piece = f"<em>{piece}</em>"
        if run.strong:
            piece = f"<strong>{piece}</strong>"
        if run.href:
            # An address or phone number reads left to right even inside Arabic text.
            ltr = ' dir="ltr"' if BARE.fullmatch(run.text.strip()) else ""
            piece = f'<a href="{html.escape(run.href, quote=True)}"{ltr}>{piece}</a>'
            if print_targets and hides_target(run):
                piece += f' (<span class="url" dir="ltr">{html.escape(shown_target(run.href))}</span>)'
        parts.append(piece)
    return Markup("".join(parts))


def to_plain(runs: tuple[Run, ...]) -> str:
    """Plain text; a link whose text hides its target is followed by the target in brackets."""
    parts = []
    for run in runs:
        if run.br:
            parts.append("\n")
            continue
        parts.append(run.text)
        if run.href and hides_target(run):
            parts.append(f" ({shown_target(run.href)})")
    return "".join(parts)
