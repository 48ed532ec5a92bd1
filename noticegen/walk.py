"""The walks over a notice, written once for every part that reads or rewrites its texts.

- `walk(notice)`: every text in reading order with its id path and role (the checks, silences).
  An id path names one thing by the ids from the top, separated by '/': `title`, `summary`,
  `sections/who-we-are`, `sections/who-we-are/national-programme`,
  `sections/your-rights/other-rights/first-item`, `facts/legislation/children-act-2004`,
  `facts/international_transfers`, `contacts/school-support`.
- `all_items(items)`, `item_texts(item)`: a list's items at every depth, and what one item says.
- `texts(value)`: every Text of any part of the model (a notice, the site) with what a translator
  is told about it; `replace_texts(value, change)`: a copy with every Text changed (translation).
tests/test_walk.py checks that both meet the same texts of a notice, so they cannot disagree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from noticegen.model import FACT_LISTS, Item, Law, LawfulBasis, Notice, Text

STATEMENTS = ("international_transfers", "automated_decisions")


def _fact_texts(name: str, value: object, path: str) -> Iterator[tuple[str, str, Text | None]]:
    if isinstance(value, Item):
        yield path, "fact-title", value.title
        yield path, "fact", value.text
        for more in (*value.more, value.what, value.period, value.start, value.why, value.basis_text):
            yield path, "fact", more
        for child in value.items:
            yield from _fact_texts(name, child, f"{path}/{child.id}")
    elif isinstance(value, LawfulBasis):
        yield path, "basis", value.text
        yield path, "basis", value.purpose
    elif isinstance(value, Law):
        yield path, "law", value.title


def _items(items: tuple[Item, ...], path: str) -> Iterator[tuple[str, str, Text | None]]:
    for item in items:
        yield f"{path}/{item.id}", "item", item.text
        for more in item.more:
            yield f"{path}/{item.id}", "item", more
        yield from _items(item.items, f"{path}/{item.id}")


def walk(notice: Notice) -> Iterator[tuple[str, str, Text | None]]:
    """(id path, role, text) for everything of the notice, in reading order; facts where they are shown."""
    yield "title", "title", notice.title
    yield "summary", "summary", notice.summary
    yield "owner", "owner", notice.owner
    shown: set[tuple[str, str]] = set()
    for section in notice.sections:
        spath = f"sections/{section.id}"
        yield spath, "section-title", section.title
        for block in section.blocks:
            bpath = f"{spath}/{block.id}"
            if block.kind in ("paragraph", "heading", "note"):
                yield bpath, block.kind, block.text
            elif block.kind in ("list", "numbered"):
                yield bpath, block.kind, None
                yield from _items(block.items, bpath)
            elif block.kind == "table":
                yield bpath, "caption", block.caption
                for cell in (*block.header, *(c for row in block.rows for c in row)):
                    yield bpath, "cell", cell
            elif block.kind == "details":
                for line in block.details:
                    yield f"{bpath}/{line.id}", "label", line.label
                    yield f"{bpath}/{line.id}", "value", line.value
            elif block.kind == "facts" and block.ref in STATEMENTS:
                statement = getattr(notice.facts, block.ref)
                shown.add((block.ref, block.ref))
                yield f"facts/{block.ref}", "statement", statement.text if statement else None
            elif block.kind == "facts" and block.ref:
                yield bpath, "facts", None
                for value in shown_facts(notice, block.ref, block.only):
                    shown.add((block.ref, value.id))
                    yield from _fact_texts(block.ref, value, f"facts/{block.ref}/{value.id}")
            elif block.kind == "contact" and block.ref:
                yield bpath, "contact", None
    for name in FACT_LISTS:
        yield f"facts/{name}", "fact-list", None
        for value in getattr(notice.facts, name):
            if (name, value.id) not in shown:
                yield from _fact_texts(name, value, f"facts/{name}/{value.id}")
    for name in STATEMENTS:
        if (name, name) not in shown:
            statement = getattr(notice.facts, name)
            yield f"facts/{name}", "statement", statement.text if statement else None
    yield from _owners(notice)
    for contact in (*notice.contacts, *((notice.dpo,) if notice.dpo else ())):
        cpath = f"contacts/{contact.id}"
        yield cpath, "contact-name", contact.name
        yield cpath, "contact-label", contact.url_label
        yield cpath, "contact-address", contact.address


def _owners(notice: Notice) -> Iterator[tuple[str, str, Text | None]]:
    """The notice's own controllers, their joint arrangement and its processors."""
    for controller in notice.controllers:
        yield f"controllers/{controller.id}", "controller-name", controller.name
        yield f"controllers/{controller.id}", "controller-address", controller.address
    yield "joint_arrangement", "joint-arrangement", notice.joint_arrangement
    for processor in notice.processors:
        yield f"processors/{processor.id}", "processor-name", processor.name
        yield f"processors/{processor.id}", "processor", processor.text


def shown_facts(notice: Notice, ref: str, only: tuple[str, ...]) -> list:
    """The fact-list items a `facts:` block shows (a statement block shows no list items)."""
    if ref in STATEMENTS:
        return []
    values = list(getattr(notice.facts, ref, ()))
    if only:
        by_id = {v.id: v for v in values}
        return [by_id[i] for i in only if i in by_id]
    return values


def all_items(items: tuple[Item, ...]) -> Iterator[Item]:
    """Every item of a list and of its sub-lists, depth first."""
    for item in items:
        yield item
        yield from all_items(item.items)


def item_texts(item: Item) -> list[Text]:
    """What an item says, in reading order: its text, further paragraphs and schedule fields."""
    own = [item.text, *item.more]
    return own + [t for t in (item.period, item.start, item.why, item.basis_text) if t is not None]


def item_paths(notice: Notice) -> list[str]:
    """Every id path a silence may name (each item and every folder above it)."""
    paths: dict[str, None] = {"facts": None, "sections": None, "contacts": None}
    for path, _, _ in walk(notice):
        parts = path.split("/")
        for end in range(1, len(parts) + 1):
            paths["/".join(parts[:end])] = None
    return list(paths)


@dataclasses.dataclass(frozen=True)
class Place:
    """What a translator is told about a text: its section and what kind of item it is."""

    section: str
    kind: str


def texts(value: Any, section: str = "", kind: str = "") -> Iterator[tuple[Text, Place]]:
    """Every Text in `value`, in document order, with its place."""
    if isinstance(value, Text):
        yield value, Place(section, kind)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if name == "Section" and isinstance(getattr(value, "title", None), Text):
            section = value.title.value  # type: ignore[attr-defined]
        for field in dataclasses.fields(value):
            child = getattr(value, field.name)
            yield from texts(child, section, _kind(value, field.name, kind))
    elif isinstance(value, tuple):
        for child in value:
            yield from texts(child, section, kind)


FACT_LABELS = {
    "categories": "a category of personal data",
    "sources": "a source of the data",
    "recipients": "a recipient of the data",
    "sharing_without_knowledge": "a reason to share without the person's knowledge",
    "retention": "how long data is kept",
    "rights": "a data protection right",
}


ITEM_FIELDS = {
    "title": "sub-heading of a fact",
    "more": "further paragraph of a list item",
    "what": "what is kept (a line of a retention schedule)",
    "period": "how long it is kept (a line of a retention schedule)",
    "start": "from when it is kept (a line of a retention schedule)",
    "why": "why data is shared with a recipient",
    "basis_text": "the lawful basis for sharing with a recipient",
}


def _kind(owner: Any, field: str, inherited: str) -> str:
    name = type(owner).__name__
    if name == "Facts":
        return FACT_LABELS.get(field, field.replace("_", " "))
    if name == "Item" and inherited and field == "text":
        return inherited
    if name == "Block":
        if field == "header":
            return "table header cell"
        if field == "rows":
            return "table cell"
        return {"text": owner.kind, "caption": "table caption", "details": "details"}.get(
            field, f"{owner.kind} item"
        )
    if name == "Item":
        return ITEM_FIELDS.get(field, "list item")
    labels = {
        ("Section", "title"): "section heading",
        ("Notice", "title"): "notice title",
        ("Notice", "summary"): "notice summary",
        ("Notice", "owner"): "team that owns the notice",
        ("LawfulBasis", "text"): "lawful basis",
        ("LawfulBasis", "purpose"): "the purpose a lawful basis covers",
        ("Detail", "label"): "label of a label/value line (such as “Version”)",
        ("Detail", "value"): "value of a label/value line",
        ("Controller", "name"): "name of an organisation responsible for the data (a controller)",
        ("Controller", "address"): "postal address of a controller",
        ("Processor", "name"): "name of an organisation that processes data for the controller",
        ("Processor", "text"): "what a processor does",
        ("Notice", "joint_arrangement"): "what joint controllers agreed (UK GDPR Article 26)",
        ("Law", "title"): "title of a piece of legislation",
        ("Statement", "text"): "statement",
        ("Logo", "alt"): "alternative text of the logo image",
        ("Site", "org_name"): "name of the organisation",
        ("Site", "address"): "postal address of the organisation",
        ("Contact", "name"): "name of a contact",
        ("Contact", "url_label"): "text of a link to a contact's web page",
        ("Contact", "address"): "postal address of a contact",
    }
    return labels.get((name, field), f"{name.lower()} {field.replace('_', ' ')}")


def replace_texts(value: Any, change: Callable[[Text], Text]) -> Any:
    """A copy of `value` with every Text passed through `change`."""
    if isinstance(value, Text):
        return change(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        updates = {}
        for field in dataclasses.fields(value):
            child = getattr(value, field.name)
            new = replace_texts(child, change)
            if new is not child:
                updates[field.name] = new
        return dataclasses.replace(value, **updates) if updates else value
    if isinstance(value, tuple):
        new_items = tuple(replace_texts(child, change) for child in value)
        return new_items if any(a is not b for a, b in zip(new_items, value, strict=True)) else value
    return value
