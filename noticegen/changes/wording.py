"""How changed items are named and quoted in English: nouns, labels and short quotations."""

from __future__ import annotations

from collections.abc import Callable

from noticegen.model import Block, Contact, Item, Section, Statement, Text
from noticegen.source.facts import NONE_SAYS

BLOCK_NOUNS = {
    "paragraph": "paragraph",
    "heading": "heading",
    "note": "note",
    "list": "list",
    "numbered": "numbered list",
    "table": "table",
    "contact": "contact details",
}
FACT_NOUNS = {
    "categories": ("category of information", "categories of information"),
    "sources": ("source of information", "sources of information"),
    "recipients": ("recipient", "recipients"),
    "sharing_without_knowledge": (
        "reason for sharing without your knowledge",
        "reasons for sharing without your knowledge",
    ),
    "lawful_bases": ("lawful basis", "lawful bases"),
    "legislation": ("piece of legislation", "legislation"),
    "retention": ("retention period", "retention periods"),
    "rights": ("right", "rights"),
}
CONTACT_FIELDS = {
    "name": "name",
    "email": "email address",
    "phone": "phone number",
    "url": "web address",
    "url_label": "link text",
    "address": "postal address",
}


def shortened(text: str, limit: int = 60) -> str:
    """`text` on one line, cut at a word boundary to about `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def quoted(text: str) -> str:
    return f"“{shortened(text)}”"


def block_noun(block: Block) -> str:
    if block.kind == "facts":
        return f"list of {FACT_NOUNS.get(block.ref or '', ('', block.ref or 'facts'))[1]}"
    return BLOCK_NOUNS.get(block.kind, block.kind)


def block_label(block: Block) -> str:
    if block.text is not None:
        return block.text.value
    if block.items:
        return "; ".join(i.text.value for i in block.items)
    if block.kind == "table":
        return " | ".join(t.value for t in block.header)
    return ""  # a facts or contact block: its noun says it all (its ref is an id, not for readers)


def place_name(owner: object, show: Callable[[str], str]) -> str:
    """The list an item sits in, named by what holds it: 'section “Who we are”', 'list “…”'."""
    if isinstance(owner, Section):
        return f"section {quoted(show(owner.title.value))}"
    if isinstance(owner, Block):
        label = show(block_label(owner))
        return f"{block_noun(owner)} {quoted(label)}" if label else block_noun(owner)
    if isinstance(owner, Item):
        return f"list item {quoted(show(owner.text.value))}"
    return "the notice"


def row_text(row: tuple[Text, ...]) -> str:
    return " | ".join(cell.value for cell in row)


def contact_name(contact: Contact) -> str:
    return contact.name.value if contact.name else contact.id


def contact_label(contact: Contact) -> str:
    details = [v for v in (contact.email, contact.phone, contact.url) if v]
    details += [contact.address.value] if contact.address else []
    return f"{contact_name(contact)} ({', '.join(details)})" if details else contact_name(contact)


def statement_text(statement: Statement | None) -> str | None:
    if statement is None:
        return None
    if statement.text is None or (statement.none and statement.text.value in NONE_SAYS.values()):
        return "none"  # `none` as the source says it, whatever sentence shows it to readers
    return f"none: {statement.text.value}" if statement.none else statement.text.value


def classification(item: Item) -> str:
    kinds = [
        k
        for k, on in (("special category data", item.special), ("criminal offence data", item.criminal))
        if on
    ]
    return " and ".join(kinds) or "ordinary personal data"
