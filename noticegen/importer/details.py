"""Runs of "Label: value" lines (document control, contact blocks) become a details block.

Two or more in a row make a run: the items of a list, paragraphs one after another, or the lines
of one paragraph. The label keeps its words ("Website", "Version number"); the colon after it is
what the details block shows by its layout. Values stay as written (no contact placeholders).
"""

from __future__ import annotations

import re

from noticegen.importer.model import Block, Report, Section

LABEL_VALUE = re.compile(r"^(?P<label>[A-Z][\w’'()/&,.\- ]{0,40}?)\s*:\s+(?P<value>\S.*)$", re.S)
MAX_LABEL_WORDS = 5
VERSION_LABEL = re.compile(r"^(?:document |policy )?version(?: number| no\.?)?$", re.I)
VERSION = re.compile(r"^v?(\d+(?:\.\d+){0,2})$", re.I)
NOT_LABEL = re.compile(r"^(?:https?|mailto|tel|note|nb|please note|example|for example|e\.g)$", re.I)


def split(text: str) -> tuple[str, str] | None:
    """(label, value) of a "Label: value" line, else None."""
    match = LABEL_VALUE.match(text.strip())
    if not match or "\n" in text.strip():
        return None
    label = match.group("label").strip()
    if len(label.split()) > MAX_LABEL_WORDS or NOT_LABEL.match(label) or label.endswith((".", ",")):
        return None
    return label, match.group("value").strip()


def _pairs(texts: list[str]) -> list[tuple[str, str]] | None:
    pairs = [split(t) for t in texts]
    if len(pairs) < 2 or any(p is None for p in pairs):
        return None
    return [p for p in pairs if p is not None]


def find(sections: list[Section], report: Report) -> None:
    """Replace each run of label/value lines with a details block."""
    for section in sections:
        out: list[Block] = []
        for block in section.blocks:
            out.extend(_block(block, out, report))
        section.blocks = out


def _block(block: Block, before: list[Block], report: Report) -> list[Block]:
    plain = block.kind == "list" and not any(i.children or i.more for i in block.items)
    pairs = _pairs([i.text for i in block.items]) if plain else None
    if block.kind == "paragraph":
        pairs = _pairs(block.text.split("\n"))
    if pairs:
        what = "list's items" if block.kind == "list" else "paragraph's lines"
        report.add(block.index, block.text or block.items[0].text, f"this {what} ('Label: value') "
                   "were made a details block of labels and values", "change")  # fmt: skip
        return [Block("details", block.index, details=pairs)]
    single = split(block.text) if block.kind == "paragraph" else None
    last = before[-1] if before else None
    if single and last is not None and last.kind == "paragraph" and split(last.text):
        before.pop()
        report.add(
            last.index, last.text, "these 'Label: value' paragraphs were made a details block", "change"
        )
        return [Block("details", last.index, details=[split(last.text), single])]  # type: ignore[list-item]
    if single and last is not None and last.kind == "details":
        last.details.append(single)
        return []
    return [block]


def version(sections: list[Section], report: Report) -> str | None:
    """The version a document-control block gives ("Version number: 1.2"), if any."""
    for block in (b for s in sections for b in s.blocks if b.kind == "details"):
        for label, value in block.details:
            match = VERSION.match(value)
            if VERSION_LABEL.match(label) and match:
                report.add(block.index, f"{label}: {value}", "used as the notice's version", "info")
                return match.group(1)
    return None
