"""Visit or replace every translatable Text in a model, knowing where it sits."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from noticegen.model import Text


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
