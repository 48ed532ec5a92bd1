"""What a paragraph's style and Word numbering say: heading level, list kind, bold, indent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALSE = ("0", "false", "off")
HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
LIST_STYLE = re.compile(r"^list\s*(bullet|number|continue|paragraph)?\s*(\d)?$", re.IGNORECASE)
NUMBERING = {  # Word's number formats -> the notice format's numbering styles
    "lowerLetter": "lower-alpha",
    "upperLetter": "upper-alpha",
    "lowerRoman": "lower-roman",
    "upperRoman": "upper-roman",
}
LEVEL_STEP = 360  # twips: Word indents each list level this much more than the one above


def val(element, tag: str, default: str | None = None) -> str | None:
    """The w:val of child `tag` of `element` (None when there is no such child)."""
    if element is None:
        return default
    child = element.find(W + tag)
    if child is None:
        return default
    return child.get(W + "val", "true")


def on(element, tag: str) -> bool | None:
    """A Word on/off property: True, False, or None when it is not set here."""
    value = val(element, tag)
    return None if value is None else value.lower() not in FALSE


@dataclass
class ParaStyle:
    name: str = ""
    heading: int | None = None
    num_id: str | None = None
    ilvl: int = 0
    indent: int = 0
    bold: bool = False
    list_kind: str | None = None  # "bullet"/"ordered" from a List Bullet / List Number style
    list_level: int = 0
    continues: int = 0  # the 2 of "List Continue 2"


class Styles:
    """The document's styles and numbering definitions, resolved through `basedOn` chains."""

    def __init__(self, document) -> None:
        self.by_id = {}
        for style in document.styles:
            self.by_id[style.style_id] = style
        try:
            self.default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        except (KeyError, ValueError):  # pragma: no cover - a document without a default style
            self.default = None
        self.formats = _numbering(document)
        self._cache: dict[str | None, ParaStyle] = {}

    def chain(self, style) -> list:
        out: list = []
        while style is not None and style not in out and len(out) < 20:
            out.append(style)
            style = style.base_style
        return out

    def paragraph(self, style_id: str | None) -> ParaStyle:
        if style_id not in self._cache:
            self._cache[style_id] = self._paragraph(style_id)
        return self._cache[style_id]

    def _paragraph(self, style_id: str | None) -> ParaStyle:
        style = self.by_id.get(style_id) if style_id else self.default
        info = ParaStyle(name=style.name if style is not None else "")
        chain = self.chain(style)
        for s in chain:
            name = (s.name or "").strip()
            match = HEADING.match(name)
            if info.heading is None and match:
                info.heading = int(match.group(1))
            elif info.heading is None and name.lower() == "title":
                info.heading = 0
            ppr = s.element.find(W + "pPr")
            outline = val(ppr, "outlineLvl")
            if info.heading is None and outline and outline.isdigit() and int(outline) < 9:
                info.heading = int(outline) + 1
            num = ppr.find(W + "numPr") if ppr is not None else None
            if info.num_id is None and num is not None:
                info.num_id = val(num, "numId")
                info.ilvl = int(val(num, "ilvl", "0") or 0)
            if not info.indent:
                info.indent = indent(ppr)
            listed = LIST_STYLE.match(name)
            if info.list_kind is None and listed and listed.group(1):
                kind = listed.group(1).lower()
                info.list_kind = {"bullet": "bullet", "number": "ordered"}.get(kind)
                info.list_level = int(listed.group(2) or 1) if info.list_kind else 0
                info.continues = int(listed.group(2) or 1) if kind == "continue" else 0
        bolds = [s.font.bold for s in chain if s.font.bold is not None]
        info.bold = bool(bolds and bolds[0])
        return info

    def run_bold(self, rpr, paragraph_bold: bool) -> bool:
        direct = on(rpr, "b")
        if direct is not None:
            return direct
        style_id = val(rpr, "rStyle")
        if style_id and style_id in self.by_id:
            for s in self.chain(self.by_id[style_id]):
                if s.font.bold is not None:
                    return bool(s.font.bold)
        return paragraph_bold

    def list_format(self, num_id: str | None, ilvl: int) -> str | None:
        """ "bullet", "ordered", or None when the paragraph is not numbered after all."""
        if not num_id or num_id == "0":
            return None
        fmt = self.format(num_id, ilvl)
        if fmt == "none":
            return None
        return "bullet" if fmt in (None, "bullet") else "ordered"

    def format(self, num_id: str | None, ilvl: int) -> str | None:
        """Word's number format of a list level: bullet, decimal, lowerLetter … (None: unknown)."""
        found = self.formats.get((num_id or "", ilvl)) or self.formats.get((num_id or "", 0))
        return found[0] if found else None

    def numbering(self, num_id: str | None, ilvl: int) -> str:
        """The notice format's numbering style for an ordered list level."""
        return NUMBERING.get(self.format(num_id, ilvl) or "", "decimal")

    def level_indent(self, num_id: str | None, ilvl: int) -> int:
        """The left indent Word gives a list level (0 when the definition gives none)."""
        found = self.formats.get((num_id or "", ilvl))
        return found[1] if found else 0


def indent(ppr) -> int:
    ind = ppr.find(W + "ind") if ppr is not None else None
    if ind is None:
        return 0
    for name in ("left", "start"):
        value = ind.get(W + name)
        if value and value.lstrip("-").isdigit():
            return int(value)
    return 0


def _numbering(document) -> dict[tuple[str, int], tuple[str, int]]:
    """(numId, level) -> (Word number format: bullet, decimal, lowerLetter …, none; its indent)."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, ValueError):
        return {}
    abstract: dict[str, dict[int, tuple[str, int]]] = {}
    for node in root.iterfind(W + "abstractNum"):
        levels = abstract.setdefault(node.get(W + "abstractNumId", ""), {})
        for lvl in node.iterfind(W + "lvl"):
            levels[_level(lvl)] = _level_format(lvl)
    formats: dict[tuple[str, int], tuple[str, int]] = {}
    for num in root.iterfind(W + "num"):
        num_id = num.get(W + "numId", "")
        for level, fmt in abstract.get(val(num, "abstractNumId") or "", {}).items():
            formats[(num_id, level)] = fmt
        for override in num.iterfind(W + "lvlOverride"):
            lvl = override.find(W + "lvl")
            if lvl is not None and val(lvl, "numFmt"):
                formats[(num_id, _level(override))] = _level_format(lvl)
    return formats


def _level(node) -> int:
    value = node.get(W + "ilvl", "0")
    return int(value) if value.isdigit() else 0


def _level_format(lvl) -> tuple[str, int]:
    return val(lvl, "numFmt", "decimal") or "decimal", indent(lvl.find(W + "pPr"))
