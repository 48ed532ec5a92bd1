"""Reading a printed edition's pages back with pdfplumber: how full each page is, its lines,
its running header and footer, and where a label and its value sit."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from noticegen.builders.print_layout import EDITIONS, LEAFLET, Edition

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """The shared material (seed, corpus): $NOTICEGEN_SHARED, else ../shared beside the checkout."""
    for candidate in (os.environ.get("NOTICEGEN_SHARED"), ROOT.parent / "shared"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def edition_of(path: Path) -> Edition:
    """The edition a PDF file was made as, from its name."""
    for edition in sorted((*EDITIONS, LEAFLET), key=lambda e: -len(e.suffix)):
        if path.stem.endswith(edition.suffix):
            return edition
    raise AssertionError(f"{path} is not a printed edition")


@dataclass(frozen=True)
class PageLines:
    """One page: how much of the text area is used (0 to 1), and the baselines of its lines."""

    fill: float
    body: tuple[float, ...]  # the text area's line tops, top to bottom
    header: tuple[float, ...]
    footer: tuple[float, ...]


def _line_tops(words: list[dict]) -> tuple[float, ...]:
    """The top of each line: words that overlap by half their height are on one line (Arabic
    and Latin glyphs on the same line have different tops)."""
    lines: list[list[float]] = []  # [top, bottom] of each line
    for word in sorted(words, key=lambda w: w["top"]):
        if lines:
            top, bottom = lines[-1]
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap >= 0.5 * min(bottom - top, word["bottom"] - word["top"]):
                lines[-1] = [min(top, word["top"]), max(bottom, word["bottom"])]
                continue
        lines.append([word["top"], word["bottom"]])
    return tuple(line[0] for line in lines)


def read_pages(path: Path) -> list[PageLines]:
    """Every page of a printed edition, measured within the edition's margins."""
    edition = edition_of(path)
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            top, bottom = edition.top_pt, page.height - edition.bottom_pt
            words = page.extract_words()
            body = [w for w in words if w["top"] >= top - 1 and w["bottom"] <= bottom + 1]
            bottoms = [w["bottom"] for w in body] + [i["bottom"] for i in page.images if i["top"] < bottom]
            pages.append(
                PageLines(
                    fill=(max(bottoms) - top) / (bottom - top) if bottoms else 0.0,
                    body=_line_tops(body),
                    header=_line_tops([w for w in words if w["bottom"] < top - 1]),
                    footer=_line_tops([w for w in words if w["top"] > bottom + 1]),
                )
            )
    return pages


def baseline(chars: list[dict]) -> float:
    """The baseline of the first character of a match (the y of its text matrix)."""
    return round(chars[0]["matrix"][5], 1)


def find_last(pdf: pdfplumber.PDF, text: str, rtl: bool = False) -> tuple[int, dict] | None:
    """The last occurrence of `text` in the document: (page index, match), searching the reversed
    text too for right-to-left script, which pdfplumber reads in visual order."""
    wanted = [text, text[::-1]] if rtl else [text]
    for index in range(len(pdf.pages) - 1, -1, -1):
        found = [m for w in wanted for m in pdf.pages[index].search(w, regex=False)]
        if found:
            return index, max(found, key=lambda m: (m["top"], -m["x0"] if rtl else m["x0"]))
    return None
