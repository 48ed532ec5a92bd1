"""The notice model: immutable dataclasses that every builder, check and diff reads."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Loc:  # where something was written: file, 1-based line and column
    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        numbers = [str(n) for n in (self.line, self.col) if n] if self.line else []
        return ":".join([self.path, *numbers])


NOWHERE = Loc("")


@dataclass(frozen=True)
class Text:
    """Translatable inline Markdown: `key`, its id path, is the gettext msgctxt; `lang` is set
    only when it is shown in another language than the document (an untranslated fallback)."""

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
class ToConfirm:  # a value the council still has to confirm; builds hide the marker, checks list it
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
class Item:  # a fact list item (a category, source, recipient, right…) or a body list item
    id: str
    text: Text
    title: Text | None = None
    items: tuple[Item, ...] = ()
    special: bool = False
    criminal: bool = False
    kind: str | None = None  # a right's name, e.g. "access"
    loc: Loc = field(default=NOWHERE, compare=False)
    more: tuple[Text, ...] = ()  # further paragraphs of the same item
    ordered: bool = False  # `items` is a numbered sub-list
    numbering: str | None = None  # its style: decimal (default), lower-alpha, upper-roman...
    what: Text | None = None  # a retention schedule line: what is kept, how long, from when
    period: Text | None = None
    start: Text | None = None
    why: Text | None = None  # a recipient: why the data is shared, under which lawful basis
    basis: str | None = None  # the id of a lawful basis of the notice
    basis_text: Text | None = None  # or the basis in words


@dataclass(frozen=True)
class LawfulBasis:
    id: str
    text: Text
    basis: tuple[str, ...]
    applies_to: tuple[str, ...] = ()
    loc: Loc = field(default=NOWHERE, compare=False)
    purpose: Text | None = None  # which purpose this basis covers


@dataclass(frozen=True)
class Law:
    id: str
    title: Text
    year: int | None = None
    url: str | None = None
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Statement:  # an answer to an 'if applicable' item: `none`, or a text saying what happens
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

    kind is one of: paragraph, heading, note, list, numbered, table, details, facts, contact.
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
    numbering: str | None = None  # a numbered list's style (None: decimal)
    caption: Text | None = None
    header_column: bool = False  # the first cell of each row heads the row
    row_ids: tuple[str, ...] = ()  # `row-N` for a row written without an id
    details: tuple[Detail, ...] = ()


@dataclass(frozen=True)
class Detail:  # one line of a label/value block ("Version: 2.1")
    id: str
    label: Text
    value: Text
    loc: Loc = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Controller:  # an organisation responsible for the data (UK GDPR Art. 4(7)); by default the site's
    id: str
    name: Text
    ico_registration: str | None = None
    address: Text | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    loc: Loc = field(default=NOWHERE, compare=False)

    def as_contact(self) -> Contact:  # every controller is a contact by its id: {dfe.email}
        return Contact(self.id, self.name, self.email, self.phone, self.website, None, self.address, self.loc)


@dataclass(frozen=True)
class Processor:  # an organisation that processes the data for the controller
    id: str
    name: Text
    text: Text | None = None  # what it does for the controller
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
    min_coverage: int | None = None  # --publish leaves out a translation below this percentage

    @property
    def default_language(self) -> str:
        return self.languages[0].code

    @property
    def controller(self) -> Controller:
        """The organisation as a notice's controller, when the notice names none of its own."""
        return Controller("org", self.org_name, self.ico_registration, self.address, self.website)


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
    controllers: tuple[Controller, ...] = ()  # none: the site's organisation
    joint_arrangement: Text | None = None  # the essence of a joint controllers' arrangement
    processors: tuple[Processor, ...] = ()
    dpo: Contact | None = None  # none: the site's
    status: str = "ready"  # or "draft"
    languages: tuple[str, ...] = ()  # built in these of the site's languages (none: all)

    def contact(self, site: Site, contact_id: str) -> Contact | None:
        own = (*self.contacts, *(c.as_contact() for c in self.controllers), *site.contacts)
        for contact in (*own, self.dpo_of(site)):
            if contact.id == contact_id:
                return contact
        return None

    def responsible(self, site: Site) -> tuple[Controller, ...]:
        """The controller(s) this notice names, or the site's organisation."""
        return self.controllers or (site.controller,)

    def dpo_of(self, site: Site) -> Contact:
        return self.dpo or site.dpo


@dataclass(frozen=True)
class Project:  # everything loaded from notice_src/: the site and its notices, by id
    root: str
    site: Site
    notices: tuple[Notice, ...]
