"""Read a .docx into paragraphs and tables: text with links, style, numbering, bold, indent.

python-docx opens the package; the body is walked in its XML so that what python-docx does not
model is read too: hyperlinks made with fields (w:fldSimple, or w:fldChar … w:instrText
"HYPERLINK …"), content controls, tracked insertions, manual line breaks, symbol-font bullets.
Bookmarks, proofing marks, deleted text, hidden text and field instructions are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from noticegen.importer.links import hyperlink_target, markdown
from noticegen.importer.model import Para, Report
from noticegen.importer.styles import LEVEL_STEP, ParaStyle, Styles, W, indent, on, val

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
CONTAINERS = {W + t for t in ("smartTag", "ins", "moveTo", "customXml", "sdt", "sdtContent", "dir", "bdo")}
SYMBOLS = {"F0B7": "·", "F0A7": "▪", "F0D8": "➢", "F076": "❖", "F0FC": "✓", "F02D": "-"}


@dataclass
class _Field:
    instr: str = ""
    result: bool = False


def read(document, report: Report) -> list[Para]:
    return _Walker(document, report).body()


def _blocks(parent):
    """The paragraphs and tables of a body or cell, looking inside content controls."""
    for child in parent:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _blocks(child)


class _Walker:
    def __init__(self, document, report: Report) -> None:
        self.document = document
        self.styles = Styles(document)
        self.rels = document.part.rels
        self.report = report
        self.fields: list[_Field] = []
        self.index = 0
        self._toc = False

    def body(self) -> list[Para]:
        out = []
        for element in _blocks(self.document.element.body):
            self.index += 1
            out.append(self.element(element, self.index))
        return out

    def element(self, element, index: int) -> Para:
        return self.paragraph(element, index) if element.tag == W + "p" else self.table(element, index)

    def table(self, element, index: int) -> Para:
        rows: list[list[list[Para]]] = []
        merged = False
        for tr in element.iterfind(W + "tr"):
            row: list[list[Para]] = []
            for tc in tr.iterfind(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = int(val(tcpr, "gridSpan", "1") or 1)
                paras = [p for b in _blocks(tc) for p in self._flat(b, index)]
                column = len(row)
                if val(tcpr, "vMerge") not in (None, "restart") and rows and column < len(rows[-1]):
                    paras, merged = rows[-1][column], True
                merged = merged or span > 1
                row.extend([paras] * max(span, 1))
            rows.append(row)
        if merged:
            self.report.add(
                index, "", "a table has merged cells: their text is repeated in each cell", "info"
            )
        return Para(index, rows=rows)

    def _flat(self, element, index: int) -> list[Para]:
        if element.tag == W + "p":
            return [self.paragraph(element, index)]
        return [
            p for tr in element.iterfind(f"{W}tr/{W}tc") for b in _blocks(tr) for p in self._flat(b, index)
        ]

    def paragraph(self, element, index: int) -> Para:
        ppr = element.find(W + "pPr")
        style = self.styles.paragraph(val(ppr, "pStyle"))
        heading = style.heading
        outline = val(ppr, "outlineLvl")
        if outline and outline.isdigit():
            heading = int(outline) + 1 if int(outline) < 9 else None
        num = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = style.num_id, style.ilvl
        if num is not None:
            num_id = val(num, "numId", num_id)
            given = val(num, "ilvl", str(ilvl)) or "0"
            ilvl = min(int(given), 8) if given.isdigit() else 0
        bold_default = style.bold
        self._toc = style.name.lower().startswith("toc")
        segments: list[tuple[str, str | None, bool]] = []
        self._inline(element, segments, None, bold_default, index)
        self.fields = [f for f in self.fields if f.result]  # instructions never span paragraphs
        texts = [(t, b) for t, _, b in segments if t.strip()]
        numbering = self.styles.list_format(num_id, ilvl)
        if numbering is None and num_id is None and style.list_kind:
            numbering = style.list_kind
        return Para(
            index,
            text=markdown(segments, self.report, index),
            style=style.name,
            heading=heading,
            numbering=numbering,
            num_format=self.styles.numbering(num_id, ilvl) if numbering == "ordered" else "",
            num_id=(num_id or style.name) if numbering else "",
            ilvl=ilvl,
            style_level=style.list_level,
            level=self._level(ppr, style, num_id, ilvl) if numbering else 0,
            continues=style.continues,
            bold=bool(texts) and all(b for _, b in texts),
            indent=indent(ppr) or style.indent,
            toc=self._toc,
        )

    def _level(self, ppr, style: ParaStyle, num_id: str | None, ilvl: int) -> int:
        """A list item's nesting level: its Word numbering level, its style's ("List Bullet 2"),
        one more for each step it is indented deeper than that level's own indent."""
        level = max(ilvl + 1, style.list_level or 1)
        direct = indent(ppr)
        expected = self.styles.level_indent(num_id, ilvl) or style.indent or LEVEL_STEP * level
        if direct and direct >= expected + LEVEL_STEP // 2:
            level += round((direct - expected) / LEVEL_STEP)
        return min(level, 9)

    def _inline(self, element, out: list, link: str | None, bold: bool, index: int) -> None:
        for child in element:
            tag = child.tag
            if tag == W + "r":
                self._run(child, out, link, bold, index)
            elif tag == W + "hyperlink":
                target = link
                rid = child.get(R_ID)
                if rid and rid in self.rels and self.rels[rid].is_external:
                    target = self.rels[rid].target_ref
                    if child.get(W + "anchor"):
                        target += "#" + child.get(W + "anchor")
                self._inline(child, out, target, bold, index)
            elif tag == W + "fldSimple":
                instr = child.get(W + "instr", "")
                self._toc = self._toc or instr.strip().upper().startswith("TOC")
                self._inline(child, out, hyperlink_target(instr) or link, bold, index)
            elif tag == W + "bookmarkStart":
                self.report.drop("bookmarks")
            elif tag in (W + "del", W + "moveFrom"):
                self.report.drop("deleted tracked changes")
            elif tag in CONTAINERS:
                self._inline(child, out, link, bold, index)
            elif tag in (MATH + "oMath", MATH + "oMathPara"):
                out.append(("".join(t.text or "" for t in child.iter(MATH + "t")), link, bold))

    def _run(self, run, out: list, link: str | None, bold: bool, index: int) -> None:
        rpr = run.find(W + "rPr")
        if on(rpr, "vanish") or on(rpr, "webHidden"):
            self.report.drop("hidden text")
            return
        strong = self.styles.run_bold(rpr, bold)
        for child in run:
            tag = child.tag
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    self.fields.append(_Field())
                elif kind == "separate" and self.fields:
                    self.fields[-1].result = True
                    self._toc = self._toc or self.fields[-1].instr.strip().upper().startswith("TOC")
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag == W + "instrText":
                if self.fields and not self.fields[-1].result:
                    self.fields[-1].instr += child.text or ""
                continue
            if any(not f.result for f in self.fields):
                continue  # inside a field's instruction
            text = _char(child)
            if text is None:
                self._object(child, index)
                continue
            target = next((t for f in reversed(self.fields) if (t := hyperlink_target(f.instr))), link)
            out.append((text, target, strong))

    def _object(self, child, index: int) -> None:
        tag = child.tag
        if tag in (W + "drawing", W + "pict", W + "object", MC + "AlternateContent"):
            for box in child.iter(W + "txbxContent"):
                words = " ".join(" ".join((t.text or "") for t in p.iter(W + "t")) for p in box.iter(W + "p"))
                if words.strip():
                    self.report.add(index, words, "text in a text box was left out: add it to a section")
                return
            docpr = next(child.iter(WP_DOCPR), None)
            alt = (docpr.get("descr") or docpr.get("title") or "") if docpr is not None else ""
            self.report.add(
                index, alt, "an image was left out: the published notice shows only the logo of site.yaml"
            )
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            self.report.add(index, "", "a footnote was left out: put its text in the section")


def _char(child) -> str | None:
    tag = child.tag
    if tag == W + "t":
        return child.text or ""
    if tag in (W + "tab", W + "ptab"):
        return "\t"
    if tag == W + "br":
        return " " if child.get(W + "type") in ("page", "column") else "\n"
    if tag == W + "cr":
        return "\n"
    if tag == W + "noBreakHyphen":
        return "-"
    if tag == W + "sym":
        return SYMBOLS.get((child.get(W + "char") or "").upper(), "")
    if tag in (
        W + "softHyphen",
        W + "lastRenderedPageBreak",
        W + "rPr",
        W + "delText",
        W + "commentReference",
    ):
        return ""
    if tag in (W + "footnoteReference", W + "endnoteReference", W + "drawing", W + "pict", W + "object"):
        return None
    if tag == MC + "AlternateContent":
        return None
    return ""
