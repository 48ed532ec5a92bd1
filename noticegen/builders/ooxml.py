"""Word XML that python-docx has no API for: links, fields, languages, alt text, zips (lists: numbering.py)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

from babel.core import get_global
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Scripts Word shapes as "complex script" (w:bidi/w:cs) or as East Asian (w:eastAsia).
COMPLEX = {
    "Arab",
    "Hebr",
    "Syrc",
    "Thaa",
    "Beng",
    "Deva",
    "Guru",
    "Gujr",
    "Orya",
    "Taml",
    "Telu",
    "Knda",
    "Mlym",
    "Sinh",
    "Thai",
    "Laoo",
    "Khmr",
    "Mymr",
    "Ethi",
}
EAST_ASIAN = {"Hans", "Hant", "Hani", "Jpan", "Kore"}


def word_lang(code: str) -> str:
    """The tag Word expects (a region picks the spelling dictionary): en -> en-GB, pl -> pl-PL."""
    code = code.replace("_", "-")
    if "-" in code:
        return code
    if code == "en":
        return "en-GB"
    likely = get_global("likely_subtags").get(code, "")
    region = likely.split("_")[-1] if likely.count("_") == 2 else ""
    return f"{code}-{region}" if region else code


def _script(code: str) -> str:
    parts = code.replace("_", "-").split("-")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    likely = get_global("likely_subtags").get(parts[0], "")
    return likely.split("_")[1] if likely.count("_") == 2 else ""


def set_lang(lang_el, code: str) -> None:
    """Fill a w:lang element: w:val always, w:bidi / w:eastAsia for scripts Word treats apart."""
    tag = word_lang(code)
    lang_el.set(qn("w:val"), tag)
    script = _script(code)
    if script in COMPLEX:
        lang_el.set(qn("w:bidi"), tag)
    if script in EAST_ASIAN:
        lang_el.set(qn("w:eastAsia"), tag)


def lang_element(code: str):
    lang_el = OxmlElement("w:lang")
    set_lang(lang_el, code)
    return lang_el


def set_default_lang(styles_el, code: str) -> None:
    """The document language: w:lang in the styles' docDefaults run properties."""
    rpr = styles_el.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        raise ValueError("reference.docx has no docDefaults run properties")
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.insert_element_before(lang_el, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    set_lang(lang_el, code)


def make_run(
    text: str = "",
    *,
    style: str | None = None,
    bold: bool = False,
    rtl: bool = False,
    lang: str | None = None,
    br: bool = False,
):
    """A w:r with its properties in schema order."""
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if style:
        rpr.append(OxmlElement("w:rStyle", {qn("w:val"): style}))
    if bold:
        rpr.append(OxmlElement("w:b"))
        rpr.append(OxmlElement("w:bCs"))
    if rtl:
        rpr.append(OxmlElement("w:rtl"))
    if lang:
        rpr.append(lang_element(lang))
    if len(rpr):
        run.append(rpr)
    if br:
        run.append(OxmlElement("w:br"))
    elif text:
        t = OxmlElement("w:t")
        t.text = text
        t.set(qn("xml:space"), "preserve")
        run.append(t)
    return run


def hyperlink(paragraph, href: str):
    """An empty w:hyperlink at the end of the paragraph, pointing at an external relationship."""
    r_id = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink", {qn("r:id"): r_id, qn("w:history"): "1"})
    paragraph._p.append(link)
    return link


def field_runs(instruction: str, shown: str, rtl: bool = False) -> list:
    """A complex field (PAGE, NUMPAGES): begin, instruction, separate, cached result, end."""
    runs = []
    for part in ("begin", "instr", "separate", "result", "end"):
        run = make_run(shown if part == "result" else "", rtl=rtl)
        if part == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run.append(instr)
        elif part != "result":
            run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): part}))
        runs.append(run)
    return runs


def set_alt_text(inline_shape, shape_id: int, name: str, description: str) -> None:
    """Alt text Word and LibreOffice read: wp:docPr/@descr (and @title), with a fixed id."""
    inline = inline_shape._inline
    for side in ("distT", "distB", "distL", "distR"):
        inline.set(side, "0")  # LibreOffice otherwise indents the picture
    inline.docPr.set("id", str(shape_id))
    inline.docPr.set("name", name)
    inline.docPr.set("descr", description)
    inline.docPr.set("title", description)
    c_nv_pr = inline.graphic.graphicData.pic.nvPicPr.cNvPr
    c_nv_pr.set("descr", description)


def mark_header_row(row) -> None:
    """Repeat the first row on each page and tell assistive technology it holds the headers."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    trpr.append(OxmlElement("w:tblHeader"))


def set_bidi(paragraphs: Iterable, tables: Iterable, sect_prs: Iterable) -> None:
    """Right-to-left paragraphs, tables and sections."""
    for p in paragraphs:
        p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_after("w:bidi", PPR_SEQ))
    for tbl in tables:
        tbl.tblPr.insert_element_before(OxmlElement("w:bidiVisual"), *_after("w:bidiVisual", TBLPR_SEQ))
    for sect in sect_prs:
        sect.insert_element_before(
            OxmlElement("w:bidi"), "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"
        )


PPR_SEQ = (
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
TBLPR_SEQ = (
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)


def _after(tag: str, seq: tuple[str, ...]) -> tuple[str, ...]:
    return seq[seq.index(tag) + 1 :]


def replace_part_blob(document, partname: str, blob: bytes) -> None:
    """Swap the bytes of a part python-docx keeps as a blob (docProps/app.xml)."""
    for part in document.part.package.iter_parts():
        if part.partname == partname:
            part._blob = blob


APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>noticegen</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def reproducible_zip(data: bytes, day: dt.date) -> bytes:
    """The same package with fixed entry times, order, attributes and compression."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
