"""The draft notice as the mapping the writer writes: ids given, fact blocks settled."""

from __future__ import annotations

import datetime as dt

from noticegen.importer import clean, tables
from noticegen.importer.model import Block, Draft, Item
from noticegen.model import FACT_LISTS

PLACEHOLDER_DATE = dt.date(2000, 1, 1)
FACT_ORDER = FACT_LISTS
NO_DATE = (
    "the Word document does not say when this notice took effect: write the date it takes "
    "(or took) effect, as YYYY-MM-DD"
)


def to_document(draft: Draft, source_lang: str = "en") -> dict:
    # An imported notice is a draft (left out of --publish until someone has checked it) in the
    # language it was written in (no empty translations until a translator takes it on).
    doc: dict = {"id": draft.id, "status": "draft", "languages": [source_lang]}
    if draft.title:
        doc["title"] = draft.title
    else:
        doc["title"] = {
            "value": "Privacy notice",
            "to_confirm": "the importer found no title: write the notice's title",
        }
    if draft.version:
        doc["version"] = {
            "value": draft.version,
            "to_confirm": "taken from the Word document: check it is the version to publish",
        }
    else:
        doc["version"] = {"value": "1.0", "to_confirm": "the Word document does not give a version number"}
    doc["effective"] = {"value": PLACEHOLDER_DATE, "to_confirm": NO_DATE}
    doc.update(draft.owner)
    if draft.contacts:
        doc["contacts"] = draft.contacts
    facts = {kind: [_fact(f) for f in draft.facts[kind]] for kind in FACT_ORDER if draft.facts.get(kind)}
    if facts:
        doc["facts"] = facts
    doc["sections"] = _sections(draft)
    return doc


def _fact(fact: dict) -> dict:
    out = {k: v for k, v in fact.items() if not k.startswith("_")}
    if "_nested" in fact:
        out.update(_nest(fact["_nested"]))
    for flag in ("special", "criminal"):
        if out.get(flag) == "true":
            out[flag] = True
    if "year" in out:
        out["year"] = int(out["year"])
    return out


def _sections(draft: Draft) -> list[dict]:
    uses: dict[str, int] = {}
    for section in draft.sections:
        for block in section.blocks:
            if block.kind == "facts":
                uses[block.ref] = uses.get(block.ref, 0) + 1
    all_ids = {kind: [f["id"] for f in facts] for kind, facts in draft.facts.items()}
    shared = [s.shared for s in draft.sections if s.shared]
    section_ids = clean.Ids(shared)
    out = []
    for section in draft.sections:
        if section.shared:
            out.append({"block": section.shared})
            continue
        section.id = section_ids(section.title, "section")
        out.append({"id": section.id, "title": section.title, "body": _body(section.blocks, uses, all_ids)})
    return out


def _body(blocks: list[Block], uses: dict[str, int], all_ids: dict[str, list[str]]) -> list[dict]:
    whole = {b.ref for b in blocks if b.kind == "facts" and uses[b.ref] == 1 and b.only == all_ids.get(b.ref)}
    ids = clean.Ids(list(whole))
    body = []
    for block in blocks:
        if block.kind == "facts":
            if block.ref in whole:
                body.append({"facts": block.ref})
            else:
                ident = ids(f"{block.ref.replace('_', '-')} {block.only[0]}")
                body.append({"id": ident, "facts": block.ref, "only": list(block.only)})
        elif block.kind in ("paragraph", "heading"):
            text: object = block.text
            if not block.text:
                text = {
                    "value": "To be written.",
                    "to_confirm": "this section has no text in the Word document",
                }
            body.append({"id": ids(block.text, block.kind), block.kind: text})
        elif block.kind in ("list", "numbered"):
            first = block.items[0].text if block.items else "list"
            entry = {"id": ids(first, "list"), block.kind: _items(block.items)}
            if block.kind == "numbered":
                entry["numbering"] = block.numbering
            body.append(entry)
        elif block.kind == "table":
            body.append({"id": ids(block.caption or " ".join(block.header), "table"), "table": _table(block)})
        elif block.kind == "details":
            rows = clean.Ids()
            details = [
                {"id": rows(label, "row"), "label": label, "value": value} for label, value in block.details
            ]
            body.append({"id": ids(block.details[0][0], "details"), "details": details})
    return body


def _table(block: Block) -> dict:
    table: dict = {}
    if block.caption:
        table["caption"] = block.caption
    table["header"] = list(block.header)
    if block.header_column:
        table["header_column"] = True
    table["rows"] = [
        {"id": i, "cells": list(r)} for i, r in zip(tables.row_ids(block), block.rows, strict=True)
    ]
    return table


def _items(items: list[Item]) -> list[dict]:
    ids = clean.Ids()
    return [{"id": ids(item.text), "text": item.text, **_nest(item)} for item in items]


def _nest(item: Item) -> dict:
    """An item's further paragraphs and sub-list, as the notice format writes them."""
    out: dict = {}
    if item.more:
        out["more"] = list(item.more)
    if item.children and item.ordered:
        out["numbered"] = _items(item.children)
        out["numbering"] = item.numbering
    elif item.children:
        out["items"] = _items(item.children)
    return out
