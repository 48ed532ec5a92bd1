"""Two versions of a notice compared part by part: the notice, its sections, facts, contacts and site."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from noticegen.changes.changeset import ChangeSet
from noticegen.changes.engine import ChangeRecorder, word_diff
from noticegen.changes.restructure import restructure
from noticegen.changes.wording import (
    CONTACT_FIELDS,
    FACT_NOUNS,
    block_label,
    block_noun,
    classification,
    contact_label,
    contact_name,
    quoted,
    row_text,
    statement_text,
)
from noticegen.grammar import PLACEHOLDER
from noticegen.model import (
    FACT_LISTS,
    Block,
    Contact,
    Item,
    Law,
    LawfulBasis,
    Notice,
    Section,
    Site,
    Statement,
    Text,
)
from noticegen.releases.snapshot import to_data
from noticegen.templating import Renderer


def compare(
    old_site: Site,
    old_notice: Notice,
    new_site: Site,
    new_notice: Notice,
    from_version: str = "",
    to_version: str = "",
) -> ChangeSet:
    """Every change from the old (site, notice) to the new one, in reading order.

    Not reported, because people are not told them: the version number itself, source
    locations, `to_confirm` markers, languages, logo, base URL and fragment settings, and site
    contacts the notice does not mention.
    """
    diff = NoticeDiff(shower(old_site, old_notice), shower(new_site, new_notice), old_notice, new_notice)
    diff.notice(old_notice, new_notice)
    diff.sections(old_notice.sections, new_notice.sections)
    diff.facts(old_notice, new_notice)
    diff.contacts(old_notice.contacts, new_notice.contacts, "contact")
    diff.site(old_site, new_site, contacts_used(old_notice) | contacts_used(new_notice))
    return ChangeSet(
        from_version or old_notice.version,
        to_version or new_notice.version,
        restructure(tuple(diff.changes)),
        new_notice.id,
    )


@dataclass(frozen=True)
class Row:
    """A table row with its id, matched like any other item."""

    id: str
    cells: tuple[Text, ...]


def shower(site: Site, notice: Notice) -> Callable[[str], str]:
    """A source text as people read it in this version: placeholders filled in, Markdown plain."""
    renderer = Renderer(site, notice)
    return lambda text: renderer.plain(text).strip()


def contacts_used(notice: Notice) -> set[str]:
    """The ids of contacts a notice mentions: by placeholder or by a contact block."""
    used = {m.group(1) for m in PLACEHOLDER.finditer(json.dumps(to_data(notice)))}
    used |= {b.ref for s in notice.sections for b in s.blocks if b.kind == "contact" and b.ref}
    return used


class NoticeDiff(ChangeRecorder):
    """Walks two versions of a notice in reading order; each method compares one kind of part."""

    # -- the notice and its sections -------------------------------------------------------

    def notice(self, old: Notice, new: Notice) -> None:
        self.value("notice title", "notice/title", old.title, new.title)
        self.prose("notice summary", "notice/summary", old.summary, new.summary)
        self.value("effective date", "notice/effective", old.effective, new.effective)
        self.value("review date", "notice/review_by", old.review_by, new.review_by)
        self.value("team that owns the notice", "notice/owner", old.owner, new.owner)

    def sections(self, old: tuple[Section, ...], new: tuple[Section, ...]) -> None:
        self.sequence(
            old,
            new,
            "section",
            "section",
            "",
            lambda s: s.title.value,
            self.section,
            added=lambda s, where: self.section(replace(s, blocks=()), s, where),
        )

    def section(self, old: Section, new: Section, path: str) -> None:
        self.value("section", path, old.title, new.title, kind="retitled")
        context = f" in section {quoted(self.show_new(new.title.value))}"
        self.sequence(
            old.blocks,
            new.blocks,
            path,
            block_noun,
            context,
            block_label,
            lambda old_block, new_block, where: self.block(old_block, new_block, where, context),
        )

    def block(self, old: Block, new: Block, path: str, context: str) -> None:
        what = block_noun(new) + context
        self.value(f"type of block{context}", f"{path}/kind", block_noun(old), block_noun(new))
        self.prose(what, path, old.text, new.text)
        if old.items or new.items:
            self.list_items(old.items, new.items, path, context)
        if old.kind == new.kind == "table":
            self.table(old, new, path, context)
        if old.kind == new.kind and old.kind in ("facts", "contact"):
            self.value(what, f"{path}/ref", old.ref, new.ref)
        if old.kind == new.kind == "facts" and old.ref == new.ref and old.only != new.only:
            plural = FACT_NOUNS.get(new.ref or "", ("", new.ref or ""))[1]
            self.value(f"{plural} shown{context}", f"{path}/only", old.only or "all", new.only or "all")

    def list_items(self, old: tuple[Item, ...], new: tuple[Item, ...], path: str, context: str) -> None:
        def compare_kept(old_item: Item, new_item: Item, where: str) -> None:
            self.prose(f"list item{context}", where, old_item.text, new_item.text)
            if old_item.items or new_item.items:
                self.list_items(old_item.items, new_item.items, where, context)

        self.sequence(old, new, path, "list item", context, lambda i: i.text.value, compare_kept)

    def table(self, old: Block, new: Block, path: str, context: str) -> None:
        """Rows with ids are matched by id (added, removed, moved, reworded); rows without are
        matched by content, and a replaced row reads as reworded."""
        self.value(
            f"table header{context}", f"{path}/header", self._row(old.header, False), self._row(new.header)
        )
        old_ids, new_ids = getattr(old, "row_ids", ()), getattr(new, "row_ids", ())
        if old_ids and new_ids:
            self.sequence(
                [Row(i, r) for i, r in zip(old_ids, old.rows, strict=False)],
                [Row(i, r) for i, r in zip(new_ids, new.rows, strict=False)],
                path,
                "table row",
                context,
                lambda row: row_text(row.cells),
                lambda a, b, where: self.cells(a.cells, b.cells, where, f"table row{context}"),
            )
            return
        old_rows, new_rows = [row_text(r) for r in old.rows], [row_text(r) for r in new.rows]
        matcher = difflib.SequenceMatcher(None, old_rows, new_rows, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(paired):
                old_row, new_row = self._row(old.rows[i1 + k], False), self._row(new.rows[j1 + k])
                where = f"{path}/row{j1 + k + 1}"
                self.add(
                    "reworded", f"table row{context}", where, old_row, new_row, word_diff(old_row, new_row)
                )
            for i in range(i1 + paired, i2):
                self.add(
                    "removed", f"table row{context}", f"{path}/row{i + 1}", old=self._row(old.rows[i], False)
                )
            for j in range(j1 + paired, j2):
                self.add("added", f"table row{context}", f"{path}/row{j + 1}", new=self._row(new.rows[j]))

    def cells(self, old: tuple[Text, ...], new: tuple[Text, ...], path: str, what: str) -> None:
        """A row kept: reworded when any cell's text changed, with the words of the whole row."""
        if row_text(old) != row_text(new):
            old_row, new_row = self._row(old, False), self._row(new)
            self.add("reworded", what, path, old_row, new_row, word_diff(old_row, new_row))

    def _row(self, row: tuple[Text, ...], new: bool = True) -> str:
        return " | ".join(self.shown(cell, new) or "" for cell in row)

    # -- facts -----------------------------------------------------------------------------

    def facts(self, old: Notice, new: Notice) -> None:
        for name in FACT_LISTS:
            noun = FACT_NOUNS[name][0]
            path = f"facts/{name}"
            old_list, new_list = getattr(old.facts, name), getattr(new.facts, name)
            if name == "lawful_bases":
                self.sequence(old_list, new_list, path, noun, "", lambda x: x.text.value, self.lawful_basis)
            elif name == "legislation":
                self.sequence(old_list, new_list, path, noun, "", lambda x: x.title.value, self.law)
            else:
                self.sequence(
                    old_list,
                    new_list,
                    path,
                    noun,
                    "",
                    lambda x: x.text.value,
                    lambda x, y, where, noun=noun: self.fact_item(x, y, where, noun),
                    title=lambda x: (x.title or x.text).value,
                )
        for name, what in (
            ("international_transfers", "statement on transfers outside the UK"),
            ("automated_decisions", "statement on automated decision-making"),
        ):
            self.statement(what, f"facts/{name}", getattr(old.facts, name), getattr(new.facts, name))

    def statement(self, what: str, path: str, old: Statement | None, new: Statement | None) -> None:
        """Compared as written (`none`, or the text), shown as readers see it: the sentence."""
        if statement_text(old) == statement_text(new):
            return
        old_shown = self.shown(old.text, new=False) if old and old.text else None
        new_shown = self.shown(new.text) if new and new.text else None
        if old_shown != new_shown:
            self.value(what, path, old_shown, new_shown)

    def fact_item(self, old: Item, new: Item, path: str, noun: str) -> None:
        named = f"{noun} {quoted(self.show_new((new.title or new.text).value))}"
        self.prose(noun, path, old.text, new.text)
        if old.title and new.title:
            self.value(noun, f"{path}/title", old.title, new.title, kind="retitled")
        else:
            self.value(f"title of {named}", f"{path}/title", old.title, new.title)
        self.value(named, f"{path}/classification", classification(old), classification(new))
        self.value(f"type of {named}", f"{path}/right", old.kind, new.kind)
        if old.items or new.items:
            self.list_items(old.items, new.items, path, f" of {named}")

    def lawful_basis(self, old: LawfulBasis, new: LawfulBasis, path: str) -> None:
        self.prose("lawful basis", path, old.text, new.text)
        named = f"lawful basis {quoted(self.show_new(new.text.value))}"
        self.value(f"legal references of {named}", f"{path}/basis", old.basis, new.basis)
        self.value(f"categories covered by {named}", f"{path}/applies_to", old.applies_to, new.applies_to)

    def law(self, old: Law, new: Law, path: str) -> None:
        self.prose("piece of legislation", path, old.title, new.title)
        self.value(f"year of {quoted(self.show_new(new.title.value))}", f"{path}/year", old.year, new.year)
        self.value(
            f"web address of {quoted(self.show_new(new.title.value))}", f"{path}/url", old.url, new.url
        )

    # -- contacts and the site -------------------------------------------------------------

    def contacts(self, old: tuple[Contact, ...], new: tuple[Contact, ...], path: str) -> None:
        def compare_kept(old_contact: Contact, new_contact: Contact, where: str) -> None:
            self.contact(
                old_contact,
                new_contact,
                where,
                lambda field: f"{field} of contact {quoted(contact_name(new_contact))}",
            )

        self.sequence(old, new, path, "contact", "", contact_label, compare_kept, moves=False)

    def contact(self, old: Contact, new: Contact, path: str, what: Callable[[str], str]) -> None:
        """Each field of a contact; `what` names a field ("email address of contact “X”")."""
        for name, noun in CONTACT_FIELDS.items():
            self.value(what(noun), f"{path}/{name}", getattr(old, name), getattr(new, name))

    def site(self, old: Site, new: Site, used: set[str]) -> None:
        self.contact(old.dpo, new.dpo, "site/dpo", lambda field: f"Data Protection Officer’s {field}")
        self.value("organisation’s name", "site/organisation/name", old.org_name, new.org_name)
        self.value(
            "organisation’s ICO registration number",
            "site/organisation/ico_registration",
            old.ico_registration,
            new.ico_registration,
        )
        self.value("organisation’s postal address", "site/organisation/address", old.address, new.address)
        self.value("organisation’s website", "site/organisation/website", old.website, new.website)
        old_contacts = tuple(c for c in old.contacts if c.id in used)
        new_contacts = tuple(c for c in new.contacts if c.id in used)
        self.contacts(old_contacts, new_contacts, "site/contact")
