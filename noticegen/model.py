"""The notice model: immutable dataclasses that every builder, check and diff reads."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Loc:
    """Where something was written: file, 1-based line and column."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        parts = [self.path]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)


NOWHERE = Loc("")


@dataclass(frozen=True)
class Text:
    """A translatable piece of inline Markdown.

    `key` is the stable id path (the gettext msgctxt); `lang` is set only when this
    unit is shown in another language than the document (an untranslated fallback).
    """

    value: str
    key: str
    lang: str | None = None
    loc: Loc = field(default=NOWHERE, compare=False)


def block_key(notice_key: str) -> str:
    """The start of the key (msgctxt) of a notice's body blocks: the block's own id follows it,
    not its section's, so a block moved to another section keeps its translations."""
    return f"{notice_key}/block"


# Keys written before block keys named the block's section too: "<notice>/section/<section>/<rest>".
LEGACY_BLOCK_KEY = re.compile(r"^(?P<notice>[a-z0-9-]+)/section/[a-z0-9-]+/(?P<rest>(?!title$).+)$")


def current_key(key: str) -> str:
    """A text's key as this version of noticegen writes it (a legacy section path rewritten)."""
    found = LEGACY_BLOCK_KEY.match(key)
    return f"{block_key(found['notice'])}/{found['rest']}" if found else key


@dataclass(frozen=True)
class ToConfirm:
    """A value the council still has to confirm; builds hide the marker, checks list it."""

    field: str
    reason: str
    loc: Loc


@dataclass(frozen=True)
class Contact:
    id: str
    name: Text | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    url_label: Text | None = None
    address: Text | None = None
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Item:
    """A fact list item (a category, source, recipient, right…) or a body list item."""

    id: str
    text: Text
    title: Text | None = None
    items: tuple[Item, ...] = ()
    special: bool = False
    criminal: bool = False
    kind: str | None = None  # a right's name, e.g. "access"
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class LawfulBasis:
    id: str
    text: Text
    basis: tuple[str, ...]
    applies_to: tuple[str, ...] = ()
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Law:
    id: str
    title: Text
    year: int | None = None
    url: str | None = None
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Statement:
    """An answer to an 'if applicable' item: `none`, or a text saying what happens."""

    none: bool
    text: Text | None = None
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Facts:
    categories: tuple[Item, ...] = ()
    sources: tuple[Item, ...] = ()
    recipients: tuple[Item, ...] = ()
    sharing_without_knowledge: tuple[Item, ...] = ()
    lawful_bases: tuple[LawfulBasis, ...] = ()
    legislation: tuple[Law, ...] = ()
    retention: tuple[Item, ...] = ()
    rights: tuple[Item, ...] = ()
    international_transfers: Statement | None = None
    automated_decisions: Statement | None = None


FACT_LISTS = (
    "categories",
    "sources",
    "recipients",
    "sharing_without_knowledge",
    "lawful_bases",
    "legislation",
    "retention",
    "rights",
)


@dataclass(frozen=True)
class Block:
    """One body block of a section.

    kind is one of: paragraph, heading, note, list, numbered, table, facts, contact.
    """

    kind: str
    id: str
    text: Text | None = None
    items: tuple[Item, ...] = ()
    header: tuple[Text, ...] = ()
    rows: tuple[tuple[Text, ...], ...] = ()
    ref: str | None = None  # the fact list or contact named
    only: tuple[str, ...] = ()  # for facts: which items, in this order
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    blocks: tuple[Block, ...]
    number: int = 0
    shared_block: str | None = None  # the site block this section came from
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Language:
    code: str
    status: str  # "approved" or "draft"


@dataclass(frozen=True)
class Logo:
    file: str
    alt: Text


@dataclass(frozen=True)
class Site:
    org_name: Text
    website: str
    base_url: str
    ico_registration: str
    address: Text | None
    dpo: Contact
    contacts: tuple[Contact, ...]
    languages: tuple[Language, ...]
    logo: Logo | None
    fragment_heading_level: int = 2
    fragment_id_prefix: str = "pn-"
    to_confirm: tuple[ToConfirm, ...] = ()
    loc: Loc = field(default=NOWHERE, compare=False)

    @property
    def default_language(self) -> str:
        return self.languages[0].code


@dataclass(frozen=True)
class Silence:
    """A check turned off for one notice, or for one item of it (`item`, an id path), with the reason."""

    rule: str
    reason: str
    item: str | None = None
    loc: Loc = field(default=NOWHERE, compare=False)
    rule_loc: Loc = field(default=NOWHERE, compare=False)  # where the rule's name is written


@dataclass(frozen=True)
class Notice:
    id: str
    title: Text
    summary: Text | None
    version: str
    effective: dt.date
    review_by: dt.date | None
    owner: Text | None
    contacts: tuple[Contact, ...]
    facts: Facts
    sections: tuple[Section, ...]
    lang: str = "en"
    to_confirm: tuple[ToConfirm, ...] = ()
    loc: Loc = field(default=NOWHERE, compare=False)
    silenced: tuple[Silence, ...] = ()  # checks turned off, each with its reason (see docs/checks.md)

    def contact(self, site: Site, contact_id: str) -> Contact | None:
        for contact in (*self.contacts, *site.contacts, site.dpo):
            if contact.id == contact_id:
                return contact
        return None


@dataclass(frozen=True)
class Project:
    """Everything loaded from notice_src/: the site and its notices, by id."""

    root: str
    site: Site
    notices: tuple[Notice, ...]
