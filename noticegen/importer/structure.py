"""Paragraphs to sections: find the title and the headings, gather lists, tables and paragraphs."""

from __future__ import annotations

import re

from noticegen.importer import clean
from noticegen.importer.lines import NOT_HEADING, Line, paragraph_lines
from noticegen.importer.lists import Lists
from noticegen.importer.model import Block, Para, Report, Section
from noticegen.importer.tables import table_block

VERSION = re.compile(r"^(?:document\s+)?version\s*(?:number|no\.?)?\s*:?\s*v?(\d+(?:\.\d+){0,2})$", re.I)


def build(paras: list[Para], report: Report) -> tuple[str, int, str | None, list[Section]]:
    """(title, its paragraph, version or None, sections) of the document."""
    lines: list[Line] = []
    for para in paras:
        lines.extend(paragraph_lines(para, report))
    version = None
    for line in list(lines):
        match = VERSION.match(line.text) if line.role == "para" else None
        if match:
            version = match.group(1)
            lines.remove(line)
            report.add(line.index, line.text, "used as the notice's version", "info")
    title, title_index = _roles(lines, report)
    return title, title_index, version, _assemble(lines, report)


def _roles(lines: list[Line], report: Report) -> tuple[str, int]:
    """Mark the title and the headings; returns the title and its paragraph number."""
    for line in lines:
        candidate = _heading_like(line) and line.role != "item"
        if line.typed_number and not (candidate and (line.bold or not _near_numbered(lines, line))):
            line.role = "item"
    title = next((line for line in lines if line.style_heading == 0), None)
    styled = [line for line in lines if line.style_heading and line.role != "item"]
    first = lines[0] if lines else None
    if styled:
        top = min(line.style_heading or 9 for line in styled)
        heads = [line for line in styled if line.style_heading == top]
        deeper = [line for line in styled if line.style_heading != top]
        if title is None and len(heads) == 1 and heads[0] is first and deeper:
            title, top = first, min(line.style_heading or 9 for line in deeper)
    if title is None and first is not None and first.role == "para" and _title_like(first):
        title = first
    if title is not None:
        title.role = "title"
    if styled:
        for line in styled:
            if line.role != "title":
                line.role = "section" if line.style_heading == top else "heading"
        for line in lines:
            if line.role == "para" and line.bold and _heading_like(line):
                line.role = "heading"
    else:
        bold = [line for line in lines if line.role == "para" and line.bold and _heading_like(line)]
        numbered = [line for line in lines if line.typed_number and line.role == "para"]
        numbered = [line for line in numbered if line.bold or _heading_like(line)]
        if len(numbered) >= 2:
            start = min(lines.index(line) for line in numbered)
            for line in bold:
                line.role = "section" if lines.index(line) < start else "heading"
            for line in numbered:
                line.role = "section"
        else:
            for line in bold:
                line.role = "section"
    if title is None:
        report.add(0, "", "the document has no title the importer could recognise: write the notice's title")
        return "", 0
    return clean.strip_heading_number(title.text), title.index


def _heading_like(line: Line) -> bool:
    return line.short and not NOT_HEADING.search(line.text.rstrip("?"))


def _title_like(line: Line) -> bool:
    wording = line.bold or re.search(r"privacy|notice", line.text, re.I) is not None
    return line.short and not line.typed_number and wording


def _near_numbered(lines: list[Line], line: Line) -> bool:
    """A typed "2. …" line next to another one: a typed numbered list, not a heading."""
    at = lines.index(line)
    return any(0 <= j < len(lines) and lines[j].typed_number for j in (at - 1, at + 1))


def _assemble(lines: list[Line], report: Report) -> list[Section]:
    sections: list[Section] = []
    lists = Lists(report)
    for at, line in enumerate(lines):
        if line.role == "title":
            continue
        if line.role == "section":
            title = clean.strip_heading_number(line.text.replace("\n", " "))
            report.drop("typed section numbers", title != line.text.replace("\n", " "))
            sections.append(Section(title, line.index))
            continue
        if not sections:
            sections.append(Section("Introduction", line.index))
            report.add(
                line.index,
                line.text,
                "text before the first heading was put in a section titled 'Introduction': check the title",
            )
        blocks = sections[-1].blocks
        last = blocks[-1] if blocks else None
        level = lists.continues(blocks, lines, at)
        if line.caption and _caption(blocks, line, lines[at + 1 : at + 2], report):
            continue
        if line.role == "heading":
            text = clean.strip_heading_number(line.text)
            report.drop("typed heading numbers", text != line.text)
            blocks.append(Block("heading", line.index, text=text))
        elif line.role == "item":
            text = clean.strip_bullet(line.text)[0] if line.typed_number else line.text
            lists.add(blocks, line, clean.item_text(text.replace("\n", " ")))
        elif line.role == "table":
            caption = blocks.pop().text if last is not None and last.kind == "caption" else ""
            blocks.append(table_block(line, report))
            blocks[-1].caption = caption
        elif level:
            lists.add_more(blocks, level, line)
        elif last and last.kind == "paragraph" and _continues(last, line):
            last.text += "\n" + line.text
        else:
            blocks.append(Block("paragraph", line.index, text=line.text))
    if not sections:
        sections.append(Section("Introduction", 0))
    for section in sections:
        if not section.blocks:
            section.blocks.append(Block("paragraph", section.index))
            report.add(
                section.index, section.title, "this section has no text: write it, or remove the section"
            )
    return sections


def _caption(blocks: list[Block], line: Line, following: list[Line], report: Report) -> bool:
    """A Caption-styled paragraph just before or after a table is its caption (True: taken)."""
    text = clean.squash(line.text)
    last = blocks[-1] if blocks else None
    if last is not None and last.kind == "table" and not last.caption:
        last.caption = text
    elif following and following[0].role == "table":
        blocks.append(Block("caption", line.index, text=text))  # the table takes it
    else:
        return False
    report.add(line.index, text, "this Caption paragraph was made the caption of the table", "change")
    return True


def _continues(last: Block, line: Line) -> bool:
    """ "Telephone: …" or "E-mail …" on its own line after "… can be contacted at:"."""
    previous = last.text.split("\n")[-1]
    near = line.index - last.index <= 2 + 2 * last.text.count("\n")
    return (
        near
        and bool(clean.LABEL.match(line.text))
        and (previous.endswith(":") or bool(clean.LABEL.match(previous)))
    )
