"""The braille builder: a braille-ready file (BRF) of the notice, to emboss or read on a display.

The text comes from the same template as the plain text (text/notice.txt), given a `Marks`
layout that labels each piece (heading, paragraph, list item…) instead of wrapping it. Each
piece is translated by liblouis (`lou_translate`, Debian's liblouis-bin) into contracted
braille, Unified English Braille grade 2 for English, written as North American ASCII braille;
builders/braille_pages.py then lays the pieces out on 40-cell, 25-line pages.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable, Sequence
from typing import Any

from noticegen.builders.braille_pages import Piece, paginate
from noticegen.builders.braille_tables import table_for
from noticegen.builders.job import Artifact, Job
from noticegen.builders.text import Layout, marker, render_notice_text
from noticegen.errors import UserError
from noticegen.model import Section, Text

TIMEOUT = 120  # seconds for one notice: liblouis takes well under one
SEP = "\x1f"  # between a piece's kind, level and text in the template's output


class BrailleBuilder:
    name = "braille"

    def build(self, job: Job) -> list[Artifact]:
        tables = table_for(job.lang)
        if tables is None:
            return []  # `noticegen print --braille` says which languages have braille
        marked = render_notice_text(job, Marks)
        pieces = [Piece(*line.split(SEP)) for line in marked.splitlines() if line.count(SEP) == 2]
        cells = translate([p.text for p in pieces], tables)
        brf = paginate([p.with_text(c) for p, c in zip(pieces, cells, strict=True)], translate_number)
        return [Artifact(f"{job.folder}/{job.notice.id}.brf", brf.encode("ascii"))]


def lou_translate() -> str:
    found = shutil.which("lou_translate")
    if not found:
        raise UserError(
            "the braille file needs liblouis's lou_translate: install the Debian package "
            "liblouis-bin ('make build' does), or build the other formats with --format"
        )
    return found


def translate(texts: Sequence[str], tables: str, backward: bool = False) -> list[str]:
    """Each text in braille (or each braille line back in print), one line in, one line out."""
    if not texts:
        return []
    # lou_translate reads backslash escapes (\x41): a backslash stands for itself only doubled.
    flat = "\n".join(" ".join(t.replace("\\", "\\\\").split()) for t in texts) + "\n"
    done = subprocess.run(
        [lou_translate(), "--backward" if backward else "--forward", tables],
        input=flat,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    lines = done.stdout.split("\n")[: len(texts)]
    if done.returncode != 0 or len(lines) != len(texts):
        raise RuntimeError(f"lou_translate failed with {tables}: {done.stderr.strip()[:200]}")
    return lines


def translate_number(number: int) -> str:
    """A page number in ASCII braille: the number sign, then the digits as letters a-j."""
    return "#" + "".join("JABCDEFGHI"[int(d)] for d in str(number))


class Marks(Layout):
    """The text template's layout helpers, each giving labelled pieces (kind, level, text)
    instead of wrapped lines: the braille pages are laid out after translation."""

    @staticmethod
    def _piece(kind: str, text: str, level: int = 0) -> str:
        return SEP.join((kind, str(level), " ".join(text.replace(SEP, " ").split())))

    def para(self, value: Text | str | None, indent: str = "") -> str:
        text = self.plain(value)
        return self._piece("p", text) if text else ""

    def hang(self, label: Text | str, value: Text | str | None, indent: str = "") -> str:
        return self._piece("field", f"{self.plain(label)} {self.plain(value)}".strip())

    def title(self, value: Text | str) -> str:
        return self._piece("title", self.plain(value))

    def heading(self, value: Text | str, number: int | None = None, char: str = "-") -> str:
        return self._piece("heading", f"{number}. {self.plain(value)}" if number else self.plain(value))

    def subheading(self, value: Text | str) -> str:
        return self._piece("subheading", self.plain(value))

    def items(self, entries: Iterable[Any], numbering: str | None = None, indent: str = "") -> str:
        return "\n".join(self._items(list(entries), numbering, 0))

    def _items(self, entries: list[Any], numbering: str | None, level: int) -> list[str]:
        out = []
        for n, entry in enumerate(entries, start=1):
            mark = f"{marker(numbering, n)} " if numbering else ""
            out.append(self._piece("item", mark + self.plain(entry.text), level))
            out += [self._piece("item", self.plain(more), level) for more in getattr(entry, "more", ())]
            child = (entry.numbering or "decimal") if getattr(entry, "ordered", False) else None
            out += self._items(list(entry.items), child, level + 1)
        return out

    def bullets(self, texts: Iterable[Text | str], indent: str = "") -> str:
        texts = list(texts)
        if len(texts) == 1:
            return self.para(texts[0])
        return "\n".join(self._piece("item", self.plain(text)) for text in texts)

    def details(self, lines: Sequence[Any]) -> str:
        return "\n".join(self._piece("field", f"{self.plain(d.label)}: {self.plain(d.value)}") for d in lines)

    def processors(self, processors: Sequence[Any]) -> str:
        said = [
            f"{self.plain(p.name)}: {self.plain(p.text)}" if p.text else self.plain(p.name)
            for p in processors
        ]
        return "\n".join(self._piece("item", text) for text in said)

    def contents(self, sections: Sequence[Section]) -> str:
        return "\n".join(self._piece("item", f"{s.number}. {self.plain(s.title)}") for s in sections)

    def table(
        self, header: Sequence[Text | str], rows: Sequence[Sequence[Text | str]], caption: Text | None = None
    ) -> str:
        """A table read row by row, each cell after its column's heading (braille has no columns)."""
        names = [self.plain(cell) for cell in header]
        pieces = [self._piece("p", self.plain(caption))] if caption is not None else []
        for row in rows:
            cells = [
                f"{name}: {self.plain(cell)}" if name else self.plain(cell)
                for name, cell in zip(names, row, strict=False)
            ]
            pieces.append(self._piece("field", "; ".join(c for c in cells if c.strip())))
        return "\n".join(pieces)
