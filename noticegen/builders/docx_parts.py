"""The Word builder's structured blocks: nested lists in real Word numbering, tables, details."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from noticegen.builders import numbering, ooxml
from noticegen.inline import Run

LIST_STYLES = {"bullet": "List Bullet", "decimal": "List Number"}
INDENT = 720  # twips a list level is indented, as numbering.abstract_num indents it
# The words of a fact table's header (the same msgids as the templates').
FACT_WORDS = {
    "what": "What",
    "period": "How long",
    "start": "From when",
    "who": "Who",
    "why": "Why",
    "basis": "Lawful basis",
}


class Parts:
    """Writes lists, tables and details through the builder's `para` and `add_runs`."""

    def __init__(self, writer) -> None:
        self.w = writer
        self.doc = writer.doc
        self.numbering = writer.doc.part.numbering_part.element
        self.abstract: dict[str, int] = {}

    # Lists: each list and each sub-list of another kind is a new w:num, so numbers restart.

    def list(self, items: Sequence[Any], kind: str) -> None:
        """`kind`: "bullet" or a numbering style (decimal, lower-alpha, …, upper-roman)."""
        self._items(items, kind, self._num(kind, 0), 0)

    def _num(self, kind: str, level: int) -> int:
        if kind not in self.abstract:
            found = ooxml_style_abstract(self.doc, kind)
            self.abstract[kind] = (
                found if found is not None else numbering.add_abstract_num(self.numbering, kind)
            )
        num = self.numbering.add_num(self.abstract[kind])
        if kind != "bullet":
            num.add_lvlOverride(ilvl=level).add_startOverride(1)
        return num.numId

    def _items(self, items: Sequence[Any], kind: str, num_id: int, level: int) -> None:
        style = LIST_STYLES.get(kind, "List Number")
        for item in items:
            paragraph = self.w.para(style, item.text)
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = level
            num_pr.get_or_add_numId().val = num_id
            for more in item.more:
                extra = self.w.para("List Continue", more)
                extra.paragraph_format.left_indent = Twips(INDENT * (level + 1))
            if item.items:
                child = (item.numbering or "decimal") if item.ordered else "bullet"
                child_num = num_id if child == kind else self._num(child, level + 1)
                self._items(item.items, child, child_num, level + 1)

    # Tables: a header row repeated on every page; row headers in the first column if asked.

    def table(
        self, header: Sequence[Any], rows: Sequence[Sequence[Any]], caption=None, header_column=False
    ) -> None:
        r = self.w.r
        if caption is not None:
            self.w.para("Caption", caption)
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header), style="Table Grid")
        table._tbl.tblPr.find(qn("w:tblLook")).set(qn("w:firstColumn"), "1" if header_column else "0")
        if caption is not None:
            table._tbl.tblPr.append(OxmlElement("w:tblCaption", {qn("w:val"): r.plain(caption)}))
        ooxml.mark_header_row(table.rows[0])
        for i, (row, cells) in enumerate(zip(table.rows, (header, *rows), strict=True)):
            for n, (cell, text) in enumerate(zip(row.cells, cells, strict=False)):
                heading = not i or (header_column and not n)
                paragraph = cell.paragraphs[0]
                paragraph.style = self.doc.styles["Table Heading" if heading else "Table Text"]
                self.w.add_runs(paragraph, r.runs(text), lang_of(text, self.w.notice.lang))
        self.w.space_next = True

    def details(self, lines: Sequence[Any]) -> None:
        """One paragraph per line: the label in bold, a colon, the value."""
        for line in lines:
            label = tuple(Run(x.text, True, x.em, x.href) for x in self.w.r.runs(line.label) if not x.br)
            self.w.para("Normal", runs=(*label, Run(": "), *self.w.r.runs(line.value)))


def ooxml_style_abstract(document, kind: str) -> int | None:
    """The reference document's own list definition for bullets and decimal numbers, if any."""
    style = LIST_STYLES.get(kind)
    return numbering.style_abstract_num(document, style) if style and kind in ("bullet", "decimal") else None


def lang_of(text: Any, notice_lang: str) -> str | None:
    """The language of a unit shown untranslated (a fallback), else None."""
    lang = getattr(text, "lang", None)
    return lang if lang and lang != notice_lang else None
