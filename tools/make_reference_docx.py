"""Make templates/reference.docx: the styles every Word version of a notice uses.

The comms team may restyle that file in Word (fonts, colours, spacing, page margins,
a header); the builder keeps its styles, numbering and page setup and replaces its
body and footer text. Run again to start over from python-docx's default template:

    .venv/bin/python tools/make_reference_docx.py [OUT]
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from noticegen.builders import ooxml  # noqa: E402

OUT = ROOT / "templates" / "reference.docx"
FONT = "Arial"
TEXT = RGBColor(0x0B, 0x0C, 0x0C)
LINK = RGBColor(0x1D, 0x70, 0xB8)  # 5.2:1 on white
GREY = RGBColor(0x50, 0x5A, 0x5F)
MADE = dt.datetime(2024, 1, 1)
# name: (size pt, space before pt, space after pt)
HEADINGS = {"Heading 1": (22, 0, 12), "Heading 2": (16, 18, 6), "Heading 3": (13, 12, 4)}
DROPPED_RELS = {
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
}


def main(out: Path = OUT) -> None:
    doc = Document()
    _drop_extras(doc)
    _page(doc)
    _defaults(doc)
    _headings(doc)
    _lists(doc)
    _inline_styles(doc)
    _own_styles(doc)
    _table_style(doc)
    _settings(doc)
    props = doc.core_properties
    props.title = props.subject = props.keywords = props.comments = props.category = ""
    props.author = props.last_modified_by = ""
    props.created = props.modified = MADE
    props.revision = 1
    ooxml.replace_part_blob(doc, "/docProps/app.xml", ooxml.APP_XML)
    buffer = io.BytesIO()
    doc.save(buffer)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(ooxml.reproducible_zip(buffer.getvalue(), MADE.date()))
    print(f"wrote {out}")


def _drop_extras(doc) -> None:
    """No thumbnail, bibliography custom XML or Word 2010 style copy: only what the styles need."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype in DROPPED_RELS:
                del rels[r_id]


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)


def _defaults(doc) -> None:
    """Arial 12 pt, British English, 1.25 line spacing and 10 pt after each paragraph."""
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        )
    )
    rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="24"/>'))
    rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="24"/>'))
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>'))
    spacing = styles.find(".//" + qn("w:pPrDefault") + "/" + qn("w:pPr") + "/" + qn("w:spacing"))
    spacing.set(qn("w:after"), "200")
    spacing.set(qn("w:line"), "300")
    doc.styles["Normal"].font.color.rgb = TEXT


def _headings(doc) -> None:
    for name, (size, before, after) in HEADINGS.items():
        style = doc.styles[name]
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        if rfonts is not None:
            style.element.rPr.remove(rfonts)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = None
        style.font.color.rgb = TEXT
        style.element.rPr.find(qn("w:color")).attrib.pop(qn("w:themeColor"), None)
        style.element.rPr.find(qn("w:color")).attrib.pop(qn("w:themeShade"), None)
        szcs = style.element.rPr.find(qn("w:szCs"))
        if szcs is None:
            szcs = OxmlElement("w:szCs")
            style.element.rPr.sz.addnext(szcs)
        szcs.set(qn("w:val"), str(size * 2))
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = 1.1
        fmt.keep_with_next = True


def _lists(doc) -> None:
    """One bullet and one decimal list definition; the builder starts a new w:num per list."""
    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    bullet = ooxml.add_abstract_num(numbering, "bullet")
    decimal = ooxml.add_abstract_num(numbering, "decimal")
    nums = {"bullet": numbering.add_num(bullet).numId, "decimal": numbering.add_num(decimal).numId}
    for name, kind, ilvl in (
        ("List Bullet", "bullet", 0),
        ("List Bullet 2", "bullet", 1),
        ("List Bullet 3", "bullet", 2),
        ("List Number", "decimal", 0),
        ("List Number 2", "decimal", 1),
        ("List Number 3", "decimal", 2),
    ):
        num_pr = doc.styles[name].element.pPr.numPr
        for child in list(num_pr):
            num_pr.remove(child)
        if ilvl:
            num_pr.append(parse_xml(f'<w:ilvl {nsdecls("w")} w:val="{ilvl}"/>'))
        num_pr.append(parse_xml(f'<w:numId {nsdecls("w")} w:val="{nums[kind]}"/>'))


def _inline_styles(doc) -> None:
    """Links underlined in a dark blue; emphasis shown in bold, which reads better than italics."""
    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
    link.base_style = doc.styles["Default Paragraph Font"]
    link.font.color.rgb = LINK
    link.font.underline = True
    link.unhide_when_used = True
    link.priority = 99
    emphasis = doc.styles["Emphasis"]
    emphasis.font.italic = None
    emphasis.element.rPr.remove(emphasis.element.rPr.find(qn("w:iCs")))
    emphasis.font.bold = True
    emphasis.element.rPr.b.addnext(OxmlElement("w:bCs"))


def _own_styles(doc) -> None:
    """Paragraph styles for the parts a notice has that Word has no built-in style for."""
    normal = doc.styles["Normal"]

    def add(name: str, **font) -> object:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        for key, value in font.items():
            setattr(style.font, key, value)
        return style

    add("Logo").paragraph_format.space_after = Pt(18)
    add("Meta").font.color.rgb = GREY
    add("Summary", size=Pt(14))
    note = add("Note")
    note.paragraph_format.left_indent = Cm(0.4)
    note.element.get_or_add_pPr().insert_element_before(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="36" w:space="8" w:color="1D70B8"/></w:pBdr>'
        ),
        "w:shd",
        "w:tabs",
        "w:spacing",
        "w:ind",
        "w:jc",
        "w:rPr",
    )
    for name, bold in (("Table Heading", True), ("Table Text", False)):
        style = add(name, bold=bold)
        style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.line_spacing = 1.15
    contact = add("Contact")
    contact.paragraph_format.keep_together = True
    footer = doc.styles["Footer"]
    tabs = footer.element.pPr.find(qn("w:tabs"))
    footer.element.pPr.remove(tabs)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.font.size = Pt(10)
    footer.font.color.rgb = GREY


def _table_style(doc) -> None:
    """Keep Word's Table Grid (single borders all round) and drop the other table styles."""
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in (
            "TableNormal",
            "TableGrid",
        ):
            styles.remove(style)
    grid = doc.styles["Table Grid"].element
    tbl_pr = grid.find(qn("w:tblPr"))
    for border in tbl_pr.find(qn("w:tblBorders")):
        border.set(qn("w:color"), "505A5F")
        border.set(qn("w:sz"), "6")
    margins = tbl_pr.find(qn("w:tblCellMar"))
    for side in margins:
        side.set(qn("w:w"), "0" if side.tag in (qn("w:top"), qn("w:bottom")) else "115")


def _settings(doc) -> None:
    settings = doc.settings.element
    for tag in ("w:savePreviewPicture", "w:rsids", "w:attachedTemplate"):
        for child in settings.findall(qn(tag)):
            settings.remove(child)
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "en-GB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
