"""Where every item with an id sits in a notice: one walk over the model, so that an item is
matched by its id across the whole notice, not only inside the list that held it before.

Written once over the model: any tuple field whose members are dataclasses with an `id` is a
list of items (sections, blocks, list items at every depth, fact items, contacts, and table rows
or other id'd parts as the model grows), and each item's place is the id path of that list, as
the diff writes paths ("section/who-we-are", "section/what-we-collect/uses/loans",
"facts/recipients").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

# How a list field adds to the path of the thing holding it; a field not named adds nothing
# (a section's blocks sit at the section's own path, a list's items at the list's path).
FIELD_PATHS = {"sections": "section", "contacts": "contact", "facts": "facts"}
# Fields never walked: not part of what people read (or compared elsewhere, as site contacts).
SKIPPED = {"loc", "to_confirm", "silenced"}


@dataclass(frozen=True)
class Place:
    """An item and where it is: the path of its list, its 1-based position, and the list's owner."""

    family: str  # what kind of item: the class name, or "facts/<list>" for a fact list's items
    container: str
    position: int
    item: Any
    owner: Any


def family(item: Any, container: str) -> str:
    """Items of one family can move into each other's lists; fact items stay in their fact list."""
    parts = container.split("/")
    if len(parts) == 2 and parts[0] == "facts":
        return container
    return type(item).__name__


def places(model: Any) -> dict[tuple[str, str], Place | None]:
    """(family, id) -> its Place; None when the id is used twice in a family (so never matched)."""
    found: dict[tuple[str, str], Place | None] = {}
    _walk(model, "", found)
    return found


def _walk(value: Any, path: str, found: dict[tuple[str, str], Place | None]) -> None:
    if not (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        return
    for field in dataclasses.fields(value):
        if field.name in SKIPPED:
            continue
        child = getattr(value, field.name)
        step = FIELD_PATHS.get(field.name)
        here = f"{path}/{step}".strip("/") if step else path
        if dataclasses.is_dataclass(child):
            _walk(child, here, found)
            continue
        if not isinstance(child, tuple):
            continue
        container = f"{here}/{field.name}".strip("/") if type(value).__name__ == "Facts" else here
        for n, item in enumerate(child, start=1):
            ident = getattr(item, "id", None)
            if not isinstance(ident, str) or not dataclasses.is_dataclass(item):
                continue
            key = (family(item, container), ident)
            found[key] = None if key in found else Place(key[0], container, n, item, value)
            _walk(item, f"{container}/{ident}", found)
