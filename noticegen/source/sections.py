"""Read sections and their body blocks; shared blocks from site.yaml are read the same way."""

from __future__ import annotations

from noticegen.model import FACT_LISTS, Block, Item, Section, Text, block_key
from noticegen.source.schema import Reader
from noticegen.source.yaml_nodes import Node

KINDS = ("paragraph", "heading", "note", "list", "numbered", "table", "facts", "contact", "block")
FACT_REFS = ("international_transfers", "automated_decisions", *FACT_LISTS)
MAX_LIST_DEPTH = 2


def read_body(r: Reader, node: Node, key: str) -> tuple[Block, ...]:
    blocks = []
    for block_node in r.sequence(node, "body"):
        block = _block(r, block_node, key)
        if block is not None:
            blocks.append(block)
    r.unique_ids([(b.id, b.loc) for b in blocks if b.kind not in ("block",)], "this body")
    return tuple(blocks)


def _block(r: Reader, node: Node, key: str) -> Block | None:
    if not isinstance(node.value, dict):
        r.report.error(node.loc, "a body block should be a mapping such as '- id: intro' / '  paragraph: …'")
        return None
    kinds = [k for k in node.value if k in KINDS]
    if len(kinds) != 1:
        found = " and ".join(f"'{k}'" for k in kinds) or "none"
        r.report.error(node.loc, f"a body block needs exactly one of {', '.join(KINDS)} (found {found})")
        # still report unknown keys
        r.mapping(node, "a body block", [], [*KINDS, "id", "only"])
        return None
    kind = kinds[0]
    if kind in ("facts", "contact", "block"):
        optional = ["id", "only"] if kind == "facts" else ["id"]
        entries = r.mapping(node, f"a '{kind}' block", [kind], optional)
        ref = r.ident(entries[kind].node, f"the {kind} named") if entries and kind != "facts" else None
        if kind == "facts" and entries:
            ref = r.choice(entries[kind].node, "fact list", FACT_REFS)
        if ref is None or entries is None:
            return None
        ident = r.ident(entries["id"].node, "a block id") if "id" in entries else ref
        only = ()
        if "only" in entries:
            only = tuple(
                i for n in r.sequence(entries["only"].node, "only") if (i := r.ident(n, "an item id"))
            )
        return Block(kind, ident or ref, ref=ref, only=only, loc=node.loc)
    entries = r.mapping(node, f"a '{kind}' block", ["id", kind])
    if entries is None or not {"id", kind} <= entries.keys():
        return None
    ident = r.ident(entries["id"].node, f"a {kind} id")
    if ident is None:
        return None
    value = entries[kind].node
    where = f"{key}/{ident}"
    if kind in ("paragraph", "heading", "note"):
        text = r.text(value, where, f"{kind} '{ident}'")
        return Block(kind, ident, text=text, loc=node.loc) if text else None
    if kind in ("list", "numbered"):
        items = _list_items(r, value, where, 1)
        return Block(kind, ident, items=items, loc=node.loc)
    return _table(r, value, ident, where, node)


def _list_items(r: Reader, node: Node, key: str, depth: int) -> tuple[Item, ...]:
    items = []
    for item_node in r.sequence(node, "a list"):
        entries = r.mapping(item_node, "a list item", ["id", "text"], ["items"])
        if entries is None or not {"id", "text"} <= entries.keys():
            continue
        ident = r.ident(entries["id"].node, "a list item")
        text = r.text(entries["text"].node, f"{key}/{ident}", f"list item '{ident}'")
        children: tuple[Item, ...] = ()
        if "items" in entries:
            if depth >= MAX_LIST_DEPTH:
                r.report.error(
                    entries["items"].key_loc,
                    f"lists may be nested {MAX_LIST_DEPTH} levels deep at most: "
                    "make this a separate list or paragraph",
                )
            else:
                children = _list_items(r, entries["items"].node, f"{key}/{ident}", depth + 1)
        if ident and text:
            items.append(Item(ident, text, items=children, loc=item_node.loc))
    r.unique_ids([(i.id, i.loc) for i in items], "this list")
    return tuple(items)


def _table(r: Reader, value: Node, ident: str, key: str, node: Node) -> Block | None:
    entries = r.mapping(value, f"table '{ident}'", ["header", "rows"])
    if entries is None or not {"header", "rows"} <= entries.keys():
        return None
    header = _cells(r, entries["header"].node, f"{key}/header", ident)
    rows = []
    for number, row_node in enumerate(r.sequence(entries["rows"].node, "rows"), start=1):
        cells = _cells(r, row_node, f"{key}/row{number}", ident)
        if len(cells) != len(header):
            r.report.error(
                row_node.loc,
                f"this row of table '{ident}' has {len(cells)} cells but "
                f"the header has {len(header)}: give every row as many cells",
            )
        rows.append(cells)
    return Block("table", ident, header=header, rows=tuple(rows), loc=node.loc)


def _cells(r: Reader, node: Node, key: str, ident: str) -> tuple[Text, ...]:
    cells = []
    for number, cell in enumerate(r.sequence(node, f"a row of table '{ident}'"), start=1):
        text = r.text(cell, f"{key}/col{number}", f"a cell of table '{ident}'")
        if text:
            cells.append(text)
    return tuple(cells)


def read_section(r: Reader, node: Node, key: str) -> Section | None:
    """A section of the notice whose id is `key` (the start of each of its texts' contexts)."""
    entries = r.mapping(node, "a section", [], ["id", "title", "body", "block"])
    if entries is None:
        return None
    if "block" in entries:
        # A whole shared block as a section; resolved against site.yaml later.
        for extra in ("title", "body"):
            if extra in entries:
                r.report.error(
                    entries[extra].key_loc,
                    f"a section made from a shared block takes its {extra} from site.yaml: remove '{extra}'",
                )
        ref = r.ident(entries["block"].node, "the shared block named")
        ident = r.ident(entries["id"].node, "a section id") if "id" in entries else ref
        if ref is None or ident is None:
            return None
        return Section(ident, Text("", ""), (), shared_block=ref, loc=node.loc)
    for required in ("id", "title", "body"):
        if required not in entries:
            r.report.error(node.loc, f"a section has no '{required}': add it")
    if not {"id", "title", "body"} <= entries.keys():
        return None
    ident = r.ident(entries["id"].node, "a section id")
    if ident is None:
        return None
    title = r.text(entries["title"].node, f"{key}/section/{ident}/title", f"the title of section '{ident}'")
    # A block's text is keyed by its own id, not its section's, so a move keeps its translations.
    blocks = read_body(r, entries["body"].node, block_key(key))
    return Section(ident, title, blocks, loc=node.loc) if title else None
