"""Read sections and their body blocks; shared blocks from site.yaml are read the same way."""

from __future__ import annotations

from noticegen.model import FACT_LISTS, Block, Section, Text, block_key
from noticegen.source.lists import read_items, read_numbering
from noticegen.source.schema import Reader
from noticegen.source.tables import read_details, read_table
from noticegen.source.yaml_nodes import Node

KINDS = (
    "paragraph",
    "heading",
    "note",
    "list",
    "numbered",
    "table",
    "details",
    "facts",
    "contact",
    "block",
)
LISTS = ("list", "numbered")
FACT_REFS = ("international_transfers", "automated_decisions", *FACT_LISTS)


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
        r.mapping(node, "a body block", [], [*KINDS, "id", "only", "numbering"])
        return None
    kind = kinds[0]
    if kind in ("facts", "contact", "block"):
        return _reference(r, node, kind)
    entries = r.mapping(node, f"a '{kind}' block", ["id", kind], ["numbering"] if kind in LISTS else [])
    if entries is None or not {"id", kind} <= entries.keys():
        return None
    if kind == "list" and "numbering" in entries:
        read_numbering(r, entries, False)  # reports it: only an ordered list has a numbering
    ident = r.ident(entries["id"].node, f"a {kind} id")
    if ident is None:
        return None
    value = entries[kind].node
    where = f"{key}/{ident}"
    if kind in ("paragraph", "heading", "note"):
        text = r.text(value, where, f"{kind} '{ident}'")
        return Block(kind, ident, text=text, loc=node.loc) if text else None
    if kind in LISTS:
        items = read_items(r, value, where)
        numbering = read_numbering(r, entries, True) if kind == "numbered" else None
        return Block(kind, ident, items=items, numbering=numbering, loc=node.loc)
    if kind == "details":
        return read_details(r, value, ident, where, node)
    return read_table(r, value, ident, where, node)


def _reference(r: Reader, node: Node, kind: str) -> Block | None:
    """A block that shows something written elsewhere: facts, a contact, a shared block."""
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
        only = tuple(i for n in r.sequence(entries["only"].node, "only") if (i := r.ident(n, "an item id")))
    return Block(kind, ident or ref, ref=ref, only=only, loc=node.loc)


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
