"""What a Word notice holds, read independently of the importer, and how much of it a page keeps.

`word_shape` reads a .docx with python-docx only: body paragraphs, list items with their
nesting level (from "List Bullet 2"-style names, Word numbering levels, or a deeper indent than
the style's) and whether they are numbered, table cells, headings and hyperlink targets.
`page_figures` looks for each of them in a built HTML page: a paragraph's words in the page's
text, a list item in an `li` at the same depth (inside an `ol` when numbered), a cell in a
`td`/`th`, a link as an `a href`. A "Label: value" list item may be a details row (`dt`, `dd`). Used by tests/test_corpus.py and tools/corpus-figures.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
import lxml.html
from docx.oxml.ns import qn

LIST_STYLE = re.compile(r"^list (bullet|number)\s*(\d)?$", re.I)
HEADING = re.compile(r"^(?:heading\s*\d|title)$", re.I)
ORDERED_FORMATS = {"decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "decimalZero"}
INDENT_STEP = 200  # twips deeper than its style's indent: one level further in
TYPED = re.compile(r"^(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)])\s+")  # "1." "a)" "(iv)" typed by hand


@dataclass
class ListItem:
    text: str
    level: int
    ordered: bool


@dataclass
class Shape:
    paragraphs: list[str] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    text: str = ""


def words(text: str) -> str:
    """Text reduced to its words: case, punctuation and spacing do not count."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return " ".join(re.findall(r"[\w@']+", text))


def _indent(ppr) -> int:
    ind = ppr.find(qn("w:ind")) if ppr is not None else None
    value = ind.get(qn("w:left")) or ind.get(qn("w:start")) if ind is not None else None
    return int(value) if value and value.lstrip("-").isdigit() else 0


def _formats(document) -> dict[tuple[str, int], str]:
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in root.iter(qn("w:abstractNum")):
        levels = abstract.setdefault(node.get(qn("w:abstractNumId")), {})
        for lvl in node.iter(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[int(lvl.get(qn("w:ilvl")))] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
    out = {}
    for num in root.iter(qn("w:num")):
        ref = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        for level, fmt in abstract.get(ref, {}).items():
            out[(num.get(qn("w:numId")), level)] = fmt
    return out


def _list_item(paragraph, formats) -> ListItem | None:
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    ppr = paragraph._p.find(qn("w:pPr"))
    num = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num is not None and num.find(qn("w:numId")) is not None:
        num_id = num.find(qn("w:numId")).get(qn("w:val"))
        ilvl = num.find(qn("w:ilvl"))
        level = int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
        fmt = formats.get((num_id, level))
        if num_id != "0" and fmt != "none":
            return ListItem(paragraph.text, level + 1, fmt in ORDERED_FORMATS)
    match = LIST_STYLE.match(name)
    if not match:
        return None
    level = int(match.group(2) or 1)
    style_ppr = style.element.find(qn("w:pPr"))
    if ppr is not None and _indent(ppr) >= _indent(style_ppr) + INDENT_STEP:
        level += 1
    return ListItem(paragraph.text, level, match.group(1).lower() == "number")


def _links(document) -> list[str]:
    rels = document.part.rels
    out = []
    for link in document.element.body.iter(qn("w:hyperlink")):
        rid = link.get(qn("r:id"))
        if rid in rels and rels[rid].is_external:
            out.append(rels[rid].target_ref)
    return out


def word_shape(path: Path) -> Shape:
    document = docx.Document(str(path))
    formats = _formats(document)
    shape = Shape(links=_links(document))
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        name = paragraph.style.name if paragraph.style is not None else ""
        item = _list_item(paragraph, formats)
        if HEADING.match(name or ""):
            shape.headings.append(text)
        elif item is not None:
            item.text = text
            shape.items.append(item)
        else:
            shape.paragraphs.append(TYPED.sub("", text))  # a typed number becomes the list's
    for table in document.tables:
        for row in table.rows:
            shape.cells += [cell.text.strip() for cell in row.cells if cell.text.strip()]
    texts = [p.text for p in document.paragraphs] + shape.cells
    shape.text = "\n".join(texts)
    return shape


@dataclass
class Figures:
    """Found / total for each kind, and what was missed (for the assertion message)."""

    found: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)

    def count(self, kind: str, ok: bool, what: str) -> None:
        self.total[kind] = self.total.get(kind, 0) + 1
        self.found[kind] = self.found.get(kind, 0) + ok
        if not ok:
            self.missed.setdefault(kind, []).append(what[:90])

    def line(self) -> str:
        return ", ".join(f"{k} {self.found[k]}/{self.total[k]}" for k in self.total)


def text_of(element) -> str:
    """An element's text, with a space between the texts of its elements (<p>a</p><p>b</p>)."""
    return " ".join(element.itertext())


def _own_text(li) -> str:
    """An item's words without those of its sub-lists."""
    parts = [li.text or ""]
    for child in li:
        if child.tag not in ("ul", "ol"):
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return words(" ".join(parts))


def _depth(element, top) -> int:
    depth, node = 0, element.getparent()
    while node is not None and node is not top:
        depth += node.tag in ("ul", "ol")
        node = node.getparent()
    return depth


def main_of(html: str):
    tree = lxml.html.fromstring(html)
    found = tree.xpath("//main")
    return found[0] if found else tree


def page_figures(shape: Shape, html: str, organisations: list[str]) -> Figures:
    main = main_of(html)
    text = " " + words(text_of(main)) + " "
    items = [(li, _own_text(li)) for li in main.iter("li")]
    cells = [words(text_of(c)) for c in main.iter("td", "th")]
    hrefs = {a.get("href", "").rstrip("/") for a in main.iter("a")}
    figures = Figures()
    for para in shape.paragraphs:
        figures.count("paragraphs", f" {words(para)} " in text, para)
    for heading in shape.headings:
        figures.count("headings", f" {words(heading)} " in text, heading)
    details = {words(f"{text_of(dt)} {text_of(dt.getnext())}") for dt in main.iter("dt")}
    for item in shape.items:
        want = words(item.text)
        at_level = [li for li, own in items if own.startswith(want) and _depth(li, main) == item.level]
        as_detail = not item.ordered and want in details  # a "Label: value" item made a details row
        figures.count("items", bool(at_level) or as_detail, f"L{item.level} {item.text}")
        if item.ordered:
            ordered = [li for li in at_level if li.getparent().tag == "ol"]
            figures.count("numbered", bool(ordered), item.text)
    for cell in shape.cells:
        figures.count("cells", words(cell) in cells, cell)
    for link in shape.links:
        figures.count("links", link.rstrip("/") in hrefs, link)
    named = words(shape.text)
    for org in organisations:
        foreign = f" {words(org)} " in text and f" {words(org)} " not in f" {named} "
        figures.count("organisations not named elsewhere", not foreign, org)
    return figures
