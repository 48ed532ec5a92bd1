"""Read the structured facts and contacts of a notice: each written once, with a stable id."""

from __future__ import annotations

import re
from typing import Any

from noticegen.model import Contact, Facts, Law, LawfulBasis, Loc, Statement, Text
from noticegen.source.lists import ExtraReader, read_items, text_fields
from noticegen.source.schema import Reader
from noticegen.source.yaml_nodes import Entry, Node

BASIS = re.compile(r"^(?:6\(1\)\([a-f]\)|9\(2\)\([a-j]\)|10|DPA 2018 .+)$")
RIGHTS = (
    "informed",
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "portability",
    "automated-decisions",
    "direct-marketing",
    "withdraw-consent",
    "complain",
)
ITEM_LISTS = ("categories", "sources", "recipients", "sharing_without_knowledge", "retention", "rights")


def read_contact(r: Reader, node: Node, prefix: str, fixed_id: str | None = None) -> Contact | None:
    what = "the contact" if fixed_id is None else f"'{fixed_id}'"
    optional = ["name", "email", "phone", "url", "url_label", "address"]
    entries = r.mapping(node, what, [] if fixed_id else ["id"], optional)
    if entries is None:
        return None
    ident = fixed_id or (r.ident(entries["id"].node, "a contact id") if "id" in entries else None)
    if ident is None:
        return None
    key = f"{prefix}/contact/{ident}"
    get = {name: entries[name].node for name in optional if name in entries}
    if not any(name in get for name in ("email", "phone", "url", "address")):
        r.report.error(
            node.loc, f"contact '{ident}' has no way to reach it: add an email, phone, url or address"
        )
    contact = Contact(
        id=ident,
        name=r.text(get["name"], f"{key}/name", f"the name of contact '{ident}'") if "name" in get else None,
        email=r.email(get["email"], "email address") if "email" in get else None,
        phone=r.phone(get["phone"], "telephone number") if "phone" in get else None,
        url=r.url(get["url"], "web address") if "url" in get else None,
        url_label=r.text(get["url_label"], f"{key}/url_label", f"the link text of contact '{ident}'")
        if "url_label" in get
        else None,
        address=r.text(get["address"], f"{key}/address", f"the address of contact '{ident}'")
        if "address" in get
        else None,
        loc=node.loc,
    )
    for field in ("email", "phone", "url"):
        if field in get and getattr(contact, field) is None:
            r.invalid_fields.add((ident, field))  # refused above: not "missing" again later
    return contact


def read_contacts(r: Reader, node: Node, prefix: str) -> tuple[Contact, ...]:
    contacts = [c for n in r.sequence(node, "contacts") if (c := read_contact(r, n, prefix))]
    r.unique_ids([(c.id, c.loc) for c in contacts], "contacts")
    return tuple(contacts)


def read_facts(r: Reader, node: Node, prefix: str) -> Facts:
    fields = [*ITEM_LISTS, "lawful_bases", "legislation", "international_transfers", "automated_decisions"]
    entries = r.mapping(node, "facts", [], fields)
    if entries is None:
        return Facts()
    values: dict[str, object] = {}
    if "lawful_bases" in entries:
        values["lawful_bases"] = _bases(r, entries["lawful_bases"].node, f"{prefix}/facts/lawful_bases")
    bases = tuple(b.id for b in values.get("lawful_bases", ()))  # type: ignore[attr-defined]
    for name in ITEM_LISTS:
        if name in entries:
            extras, reader = _extras(name, bases)
            values[name] = read_items(r, entries[name].node, f"{prefix}/facts/{name}", name, extras, reader)
    if "legislation" in entries:
        values["legislation"] = _laws(r, entries["legislation"].node, f"{prefix}/facts/legislation")
    for name in ("international_transfers", "automated_decisions"):
        if name in entries:
            values[name] = _statement(r, entries[name].node, f"{prefix}/facts/{name}", name)
    return Facts(**values)  # type: ignore[arg-type]


# The keys a fact list's items take besides id, text and nesting; read by _extras.
EXTRAS = {
    "categories": ("special", "criminal"),
    "rights": ("title", "right"),
    "retention": ("what", "period", "from"),
    "recipients": ("why", "basis"),
}


def _extras(name: str, bases: tuple[str, ...]) -> tuple[tuple[str, ...], ExtraReader | None]:
    def read(r: Reader, entries: dict[str, Entry], key: str, ident: str) -> dict[str, Any]:
        fields = text_fields(r, entries, key, ident, {"title": "title", "what": "what", "period": "period"})
        fields |= text_fields(r, entries, key, ident, {"from": "start", "why": "why"})
        for flag in ("special", "criminal"):
            if flag in entries:
                fields[flag] = r.flag(entries[flag].node, flag)
        if "right" in entries:
            fields["kind"] = r.choice(entries["right"].node, "right", RIGHTS)
        if "basis" in entries:
            value = entries["basis"].node
            if isinstance(value.value, str) and value.value.strip() in bases:
                fields["basis"] = value.value.strip()
            else:
                fields["basis_text"] = r.text(value, f"{key}/basis", f"the lawful basis of '{ident}'")
        return fields

    extras = EXTRAS.get(name, ())
    return extras, read if extras else None


def _bases(r: Reader, node: Node, key: str) -> tuple[LawfulBasis, ...]:
    bases = []
    for item_node in r.sequence(node, "lawful bases"):
        entries = r.mapping(item_node, "a lawful basis", ["id", "text", "basis"], ["applies_to", "purpose"])
        if entries is None or not {"id", "text", "basis"} <= entries.keys():
            continue
        ident = r.ident(entries["id"].node, "a lawful basis")
        text = r.text(entries["text"].node, f"{key}/{ident}", f"lawful basis '{ident}'")
        basis = [
            r.pattern(n, "legal basis reference", BASIS, "6(1)(e), 9(2)(g), 10 or 'DPA 2018 s.8(c)'")
            for n in r.sequence(entries["basis"].node, "basis")
        ]
        applies = []
        if "applies_to" in entries:
            applies = [
                r.ident(n, "a category id") for n in r.sequence(entries["applies_to"].node, "applies_to")
            ]
        purpose = None
        if "purpose" in entries:
            purpose = r.text(entries["purpose"].node, f"{key}/{ident}/purpose", f"the purpose of '{ident}'")
        if ident and text and all(basis):
            applies_to = tuple(a for a in applies if a)
            bases.append(LawfulBasis(ident, text, tuple(basis), applies_to, item_node.loc, purpose))  # type: ignore[arg-type]
    r.unique_ids([(b.id, b.loc) for b in bases], "lawful bases")
    return tuple(bases)


def _laws(r: Reader, node: Node, key: str) -> tuple[Law, ...]:
    laws = []
    for item_node in r.sequence(node, "legislation"):
        entries = r.mapping(item_node, "a piece of legislation", ["id", "title"], ["year", "url"])
        if entries is None or not {"id", "title"} <= entries.keys():
            continue
        ident = r.ident(entries["id"].node, "a piece of legislation")
        title = r.text(entries["title"].node, f"{key}/{ident}", f"legislation '{ident}'")
        year = r.integer(entries["year"].node, "year", 1200, 2100) if "year" in entries else None
        url = r.url(entries["url"].node, "web address") if "url" in entries else None
        if ident and title:
            laws.append(Law(ident, title, year, url, item_node.loc))
    r.unique_ids([(law.id, law.loc) for law in laws], "legislation")
    return tuple(laws)


# What `none` says to readers; it is a translatable text like any other.
NONE_SAYS = {
    "international_transfers": "We do not transfer your personal information outside the UK.",
    "automated_decisions": "We do not make decisions about you by automated means, and we do not use "
    "your information for profiling.",
}


def _statement(r: Reader, node: Node, key: str, what: str) -> Statement | None:
    if node.value == "none":
        text = Text(NONE_SAYS[what], key, None, node.loc)
        r.texts.append(text)
        return Statement(True, text, node.loc)
    entries = r.mapping(node, what.replace("_", " "), ["text"], ["none"])
    if entries is None or "text" not in entries:
        return None
    none = r.flag(entries["none"].node, "none") if "none" in entries else False
    text = r.text(entries["text"].node, key, what.replace("_", " "))
    return Statement(none, text, node.loc) if text else None


def fact_ids(facts: Facts) -> dict[str, list[tuple[str, Loc]]]:
    """Every fact list with its ids, for checking references from sections."""
    lists = {
        name: [(i.id, i.loc) for i in getattr(facts, name)]
        for name in (*ITEM_LISTS, "lawful_bases", "legislation")
    }
    for name in NONE_SAYS:
        statement = getattr(facts, name)
        lists[name] = [(name, statement.loc)] if statement else []
    return lists
