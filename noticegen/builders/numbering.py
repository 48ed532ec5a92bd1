"""Word list definitions (numbering.xml): bullets and the five numbering styles of the source."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

BULLETS = ("\u2022", "\u25e6", "\u25aa")  # • ◦ ▪, as browsers show nested lists
# Each kind's list definition has its own fixed nsid, so identical sources give identical files.
LIST_NSID = {
    "bullet": "4E47C0B1",
    "decimal": "4E47C0D1",
    "lower-alpha": "4E47C0E1",
    "upper-alpha": "4E47C0E2",
    "lower-roman": "4E47C0F1",
    "upper-roman": "4E47C0F2",
}
WORD_FORMATS = {
    "decimal": "decimal",
    "lower-alpha": "lowerLetter",
    "upper-alpha": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
}


def abstract_num(abstract_id: int, kind: str):
    """A nine-level list definition: bullets, or numbers in one style, indented 0.5 inch a level."""
    levels = []
    for ilvl in range(9):
        if kind == "bullet":
            fmt, text = "bullet", BULLETS[ilvl % len(BULLETS)]
            rpr = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:hint="default"/></w:rPr>'
        else:
            fmt, text, rpr = WORD_FORMATS[kind], f"%{ilvl + 1}.", ""
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>'
        )
    return parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{LIST_NSID[kind]}"/><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:name w:val="noticegen {kind}"/>{"".join(levels)}</w:abstractNum>'
    )


def add_abstract_num(numbering_el, kind: str) -> int:
    """Add a list definition to numbering.xml (before the first w:num, as the schema wants)."""
    ids = [int(v) for v in numbering_el.xpath("./w:abstractNum/@w:abstractNumId")]
    new_id = max(ids, default=-1) + 1
    definition = abstract_num(new_id, kind)
    first_num = numbering_el.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(definition)
    else:
        numbering_el.append(definition)
    return new_id


def style_abstract_num(document, style_name: str) -> int | None:
    """The list definition a list paragraph style points to, if the reference document has one."""
    try:
        ppr = document.styles[style_name].element.pPr
        num_id = ppr.numPr.numId.val
        num = document.part.numbering_part.element.num_having_numId(num_id)
        return int(num.abstractNumId.val)
    except (KeyError, AttributeError):
        return None
