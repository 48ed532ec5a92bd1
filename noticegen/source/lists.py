"""Read list items, of body lists and fact lists alike: ids, text, further paragraphs, sub-lists.

An item is `{id, text}` with, optionally, `more:` (further paragraphs of the same item), a
sub-list of bullets (`items:`) or of numbers (`numbered:`, with `numbering:` for its style),
nested up to MAX_DEPTH levels. A fact list's top-level items may take more keys (`extras`),
read by `read_extra` into Item fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from noticegen.model import Item, Text
from noticegen.source.schema import Reader
from noticegen.source.yaml_nodes import Entry, Node

NUMBERING = ("decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman")
MAX_DEPTH = 8
NESTING = ["more", "items", "numbered", "numbering"]
ExtraReader = Callable[[Reader, dict[str, Entry], str, str], dict[str, Any]]


def read_items(
    r: Reader,
    node: Node,
    key: str,
    what: str = "a list",
    extras: tuple[str, ...] = (),
    read_extra: ExtraReader | None = None,
    depth: int = 1,
) -> tuple[Item, ...]:
    """The items of one list level; `what` names the list in messages ("a list", "categories")."""
    items = []
    for item_node in r.sequence(node, what.replace("_", " ")):
        item = _item(r, item_node, key, what, extras, read_extra, depth)
        if item is not None:
            items.append(item)
    r.unique_ids([(i.id, i.loc) for i in items], "this list" if what == "a list" else what.replace("_", " "))
    return tuple(items)


def _item(r: Reader, node: Node, key: str, what: str, extras, read_extra, depth: int) -> Item | None:
    noun = "a list item" if what == "a list" else f"an item of {what}"
    entries = r.mapping(node, noun, ["id"], ["text", *NESTING, *extras])
    if entries is None or "id" not in entries:
        return None
    ident = r.ident(entries["id"].node, noun)
    if ident is None:
        return None
    where = f"{key}/{ident}"
    fields = read_extra(r, entries, where, ident) if read_extra else {}
    text = None
    if "text" in entries:
        text = r.text(entries["text"].node, where, f"item '{ident}'")
    elif fields.get("what") is not None and fields.get("period") is not None:
        text = fields["what"]  # a schedule line says its text with its 'what'
    elif "what" in entries or "period" in entries:
        r.report.error(node.loc, f"{noun} '{ident}' needs a 'text', or both 'what' and 'period'")
    else:
        r.report.error(node.loc, f"{noun} has no 'text': add it")
    more = _more(r, entries, where, ident)
    children, ordered, numbering = _children(r, entries, where, what, depth)
    if text is None:
        return None
    return Item(
        ident, text, items=children, more=more, ordered=ordered, numbering=numbering, loc=node.loc, **fields
    )


def _more(r: Reader, entries: dict[str, Entry], key: str, ident: str) -> tuple[Text, ...]:
    if "more" not in entries:
        return ()
    paragraphs = []
    for n, node in enumerate(r.sequence(entries["more"].node, "more"), start=1):
        text = r.text(node, f"{key}/more{n}", f"a further paragraph of item '{ident}'")
        if text is not None:
            paragraphs.append(text)
    return tuple(paragraphs)


def _children(
    r: Reader, entries: dict[str, Entry], key: str, what: str, depth: int
) -> tuple[tuple[Item, ...], bool, str | None]:
    """An item's sub-list: (items, ordered, numbering style)."""
    if "items" in entries and "numbered" in entries:
        r.report.error(
            entries["numbered"].key_loc,
            "an item has either a bulleted sub-list ('items:') or a numbered one ('numbered:'), "
            "not both: make one of them a separate item",
        )
        return (), False, None
    found = "numbered" if "numbered" in entries else "items" if "items" in entries else None
    numbering = read_numbering(r, entries, found == "numbered")
    if found is None:
        return (), False, None
    if depth >= MAX_DEPTH:
        r.report.error(
            entries[found].key_loc,
            f"lists may be nested {MAX_DEPTH} levels deep at most: make this a separate list or paragraph",
        )
        return (), False, None
    children = read_items(r, entries[found].node, key, what, depth=depth + 1)
    return children, found == "numbered", numbering


def read_numbering(r: Reader, entries: dict[str, Entry], ordered: bool) -> str | None:
    """`numbering:` beside an ordered list: its style; anywhere else it is an error."""
    if "numbering" not in entries:
        return None
    if not ordered:
        r.report.error(
            entries["numbering"].key_loc,
            "'numbering' sets the style of a numbered list: it is allowed only beside 'numbered:'",
        )
        return None
    return r.choice(entries["numbering"].node, "numbering", NUMBERING)


def text_fields(r: Reader, entries: dict[str, Entry], key: str, ident: str, names: dict[str, str]) -> dict:
    """Optional text fields of an item ({source key: Item field}), with keys `<item key>/<source key>`."""
    return {
        field: r.text(entries[name].node, f"{key}/{name}", f"the '{name}' of item '{ident}'")
        for name, field in names.items()
        if name in entries
    }
