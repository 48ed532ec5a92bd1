"""One Word paragraph to the lines the structure step sorts: items, paragraphs, tables.

A paragraph with manual line breaks can hold several lines: a break followed by a typed bullet
starts a new list item, and an empty line (two breaks) a new paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from noticegen.importer import clean
from noticegen.importer.model import Para, Report

SHORT_WORDS, SHORT_CHARS = 15, 120
NOT_HEADING = re.compile(r"(?:[:;,.]$|@|https?://|\]\()")


@dataclass
class Line:
    text: str
    index: int
    role: str = "para"  # para, item, table, title, section, heading
    kind: str | None = None  # bullet / ordered for items
    level: int = 1
    bold: bool = False
    style_heading: int | None = None
    typed_number: bool = False
    typed: bool = False  # a bullet typed as a character, not Word numbering
    indent: int = 0
    para: Para | None = None
    numbering: str = ""  # a Word-numbered item's numbering style (decimal, lower-alpha …)
    key: str = ""  # the Word list an item belongs to
    marker: str = ""  # a typed bullet or number ("·", "a)", "(ii)")
    continues: int = 0  # a "List Continue N" paragraph: more text of the item at level N
    caption: bool = False  # a paragraph in Word's Caption style

    @property
    def short(self) -> bool:
        return (
            "\n" not in self.text and len(self.text.split()) <= SHORT_WORDS and len(self.text) <= SHORT_CHARS
        )


def paragraph_lines(para: Para, report: Report) -> list[Line]:
    if para.toc:
        report.add(
            para.index, para.text, "a table of contents was left out: the notice makes its own", "info"
        )
        return []
    if para.rows is not None:
        return _table(para, report)
    repaired = clean.repair(para.text)
    if not repaired.strip():
        report.drop("empty paragraphs")
        return []
    if clean.MOJIBAKE.search(para.text) or "â€" in para.text:
        report.drop("paragraphs with mojibake repaired (such as â€™ for ’)")
    groups: list[list[str]] = [[]]
    for raw in repaired.split("\n"):
        if not raw.strip():
            if groups[-1]:
                groups.append([])
        elif groups[-1] and clean.BULLET.match(raw):
            groups.append([raw])
        else:
            groups[-1].append(raw)
    out = []
    for n, group in enumerate(g for g in groups if g):
        text = "\n".join(group)
        body, typed = clean.strip_bullet(text)
        marker = clean.typed_marker(text)
        line = Line("", para.index, bold=para.bold, style_heading=para.heading if n == 0 else None)
        line.indent, line.caption = para.indent, para.style.lower() == "caption"
        numbered_heading = para.numbering == "ordered" and para.bold and para.ilvl == 0
        if (
            n == 0
            and para.numbering
            and para.heading is None
            and not (numbered_heading and len(text.split()) <= SHORT_WORDS and not NOT_HEADING.search(text))
        ):
            line.role, line.kind, text = "item", para.numbering, body if typed else text
            line.level, line.numbering, line.key = para.level or 1, para.num_format, para.num_id
        elif n == 0 and para.numbering and para.heading is None:
            line.typed_number, line.kind = True, "ordered"  # a heading numbered by Word
            line.numbering, line.key = para.num_format, para.num_id
        elif typed == "bullet":
            line.role, line.kind, line.typed, line.marker, text = "item", "bullet", True, marker, body
        elif typed == "ordered":
            line.typed_number, line.kind, line.marker = True, "ordered", marker
        line.continues = para.continues if n == 0 and not para.numbering else 0
        line.text = clean.join_lines(text)
        report.drop("manual line breaks joined", text.count("\n") - line.text.count("\n"))
        if typed == "bullet":
            report.drop("typed bullet characters")
        if line.text:
            out.append(line)
    return out


def _table(para: Para, report: Report) -> list[Line]:
    rows = para.rows or []
    if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
        report.add(para.index, "", "a one-row or one-column table was read as ordinary paragraphs", "info")
        return [line for row in rows for cell in row for p in cell for line in paragraph_lines(p, report)]
    return [Line("", para.index, role="table", para=para)]
