"""Braille pages: translated pieces laid out on 40 cells by 25 lines, as UK braille layout
guidance has it, as far as a plain BRF file can show it.

- The braille page number is at the right of the first line of every page; the text follows
  on lines 2 to 25.
- The notice's title is centred, with a blank line after it; a section heading is centred
  with a blank line before it; a subheading starts in cell 5. A heading never ends a page:
  it moves to the next page with the first line of what follows it.
- A paragraph starts in cell 3 and runs over to cell 1; a list item or a label and its value
  starts in cell 1 (deeper list levels two cells further in) and runs over two cells in.
- Lines break between braille words; a word longer than a line (a web address) is cut.
- Pages end with a form feed; lines end with CR LF, as embossers expect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

CELLS = 40
LINES = 25

#: kind: (first line indent, runover indent, blank line before, blank line after, centred)
STYLES = {
    "title": (0, 0, False, True, True),
    "heading": (0, 0, True, False, True),
    "subheading": (4, 4, True, False, False),
    "p": (2, 0, False, False, False),
    "field": (0, 2, False, False, False),
    "item": (0, 2, False, False, False),
}
HEADINGS = ("title", "heading", "subheading")


@dataclass(frozen=True)
class Piece:
    kind: str
    level: str  # nesting depth of a list item, as text (from the template)
    text: str

    def with_text(self, text: str) -> Piece:
        return replace(self, text=text)


def wrap_cells(text: str, first: int, rest: int, width: int = CELLS) -> list[str]:
    """Braille text on lines of `width` cells, indented `first` then `rest` cells."""
    lines: list[str] = []
    line = " " * first
    for word in text.split():
        while len(word) > width - rest:  # longer than any line: cut it
            room = width - len(line) - (1 if line.strip() else 0)
            if room < 4:
                lines.append(line.rstrip())
                line = " " * rest
                continue
            line += (" " if line.strip() else "") + word[:room]
            word = word[room:]
            lines.append(line)
            line = " " * rest
        if not word:
            continue
        gap = " " if line.strip() else ""
        if len(line) + len(gap) + len(word) > width:
            if line.strip():
                lines.append(line.rstrip())
            line = " " * rest + word
        else:
            line += gap + word
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _blocks(pieces: list[Piece]) -> list[tuple[str, list[str]]]:
    """Each piece as (kind, its lines with blank lines around it as its style asks)."""
    blocks = []
    for piece in pieces:
        if not piece.text.strip():
            continue
        first, rest, before, after, centred = STYLES[piece.kind]
        depth = 2 * int(piece.level or 0)
        lines = wrap_cells(piece.text, first + depth, rest + depth)
        if centred:
            lines = [" " * ((CELLS - len(line.strip())) // 2) + line.strip() for line in lines]
        blocks.append((piece.kind, [""] * before + lines + [""] * after))
    return blocks


def paginate(pieces: list[Piece], number: Callable[[int], str]) -> str:
    """The whole BRF file: pages of LINES lines of at most CELLS cells, numbered at top right."""
    pages: list[list[str]] = [[]]
    room = LINES - 1
    blocks = _blocks(pieces)
    for kind, lines in blocks:
        needed = len(lines) + (2 if kind in HEADINGS else 0)  # a heading, a blank, a line of text
        for n, line in enumerate(lines):
            full = len(pages[-1]) >= room
            heading_would_end_page = n == 0 and kind in HEADINGS and len(pages[-1]) + needed > room
            if full or heading_would_end_page and pages[-1]:
                pages.append([])
            if not line and not pages[-1]:
                continue  # no blank line at the top of a page
            pages[-1].append(line)
    out = []
    for n, page in enumerate(pages, start=1):
        label = number(n)
        out.append("\r\n".join([" " * (CELLS - len(label)) + label, *page]) + "\r\n")
    return "\f".join(out)
