"""Read the structured blocks of a body: tables (caption, header row, header column, row ids)
and label/value `details`."""

from __future__ import annotations

from noticegen.model import Block, Detail, Text
from noticegen.source.schema import Reader
from noticegen.source.yaml_nodes import Node


def read_table(r: Reader, value: Node, ident: str, key: str, node: Node) -> Block | None:
    entries = r.mapping(value, f"table '{ident}'", ["header", "rows"], ["caption", "header_column"])
    if entries is None or not {"header", "rows"} <= entries.keys():
        return None
    caption = (
        r.text(entries["caption"].node, f"{key}/caption", f"the caption of table '{ident}'")
        if "caption" in entries
        else None
    )
    header_column = (
        r.flag(entries["header_column"].node, "header_column") if "header_column" in entries else False
    )
    header = _cells(r, entries["header"].node, f"{key}/header", ident)
    rows, ids, places = [], [], []
    for number, row_node in enumerate(r.sequence(entries["rows"].node, "rows"), start=1):
        row_id, cells_node, row_key = _row(r, row_node, number, key, ident)
        if cells_node is None:
            continue
        cells = _cells(r, cells_node, row_key, ident)
        if len(cells) != len(header):
            r.report.error(
                row_node.loc,
                f"this row of table '{ident}' has {len(cells)} cells but "
                f"the header has {len(header)}: give every row as many cells",
            )
        rows.append(cells)
        ids.append(row_id)
        places.append(row_node.loc)
    r.unique_ids(list(zip(ids, places, strict=True)), f"the rows of table '{ident}'")
    return Block(
        "table",
        ident,
        header=header,
        rows=tuple(rows),
        row_ids=tuple(ids),
        caption=caption,
        header_column=header_column,
        loc=node.loc,
    )


def _row(r: Reader, node: Node, number: int, key: str, ident: str) -> tuple[str, Node | None, str]:
    """(row id, the node of its cells, the key of its cells); a plain row is `row-N`."""
    if not isinstance(node.value, dict):
        return f"row-{number}", node, f"{key}/row{number}"
    entries = r.mapping(node, f"a row of table '{ident}'", ["id", "cells"])
    if entries is None or not {"id", "cells"} <= entries.keys():
        return f"row-{number}", None, ""
    row_id = r.ident(entries["id"].node, f"a row of table '{ident}'")
    if row_id is None:
        return f"row-{number}", None, ""
    return row_id, entries["cells"].node, f"{key}/{row_id}"


def _cells(r: Reader, node: Node, key: str, ident: str) -> tuple[Text, ...]:
    cells = []
    for number, cell in enumerate(r.sequence(node, f"a row of table '{ident}'"), start=1):
        text = r.text(cell, f"{key}/col{number}", f"a cell of table '{ident}'")
        if text:
            cells.append(text)
    return tuple(cells)


def read_details(r: Reader, value: Node, ident: str, key: str, node: Node) -> Block | None:
    """`details:` label/value lines, each with an id."""
    lines = []
    for line in r.sequence(value, f"details '{ident}'"):
        entries = r.mapping(line, f"a line of details '{ident}'", ["id", "label", "value"])
        if entries is None or not {"id", "label", "value"} <= entries.keys():
            continue
        line_id = r.ident(entries["id"].node, f"a line of details '{ident}'")
        where = f"{key}/{line_id}"
        label = r.text(entries["label"].node, f"{where}/label", f"a label of details '{ident}'")
        text = r.text(entries["value"].node, f"{where}/value", f"a value of details '{ident}'")
        if line_id and label and text:
            lines.append(Detail(line_id, label, text, line.loc))
    r.unique_ids([(d.id, d.loc) for d in lines], f"details '{ident}'")
    return Block("details", ident, details=tuple(lines), loc=node.loc)
