"""What changed between two versions of a notice, said the way a person would say it.

Items are matched by their stable ids (a changed id is a removal plus an addition), and texts
are compared as written in the source (`Text.value`, placeholders unexpanded). A reordering
reports only the items whose relative order changed: the longest common subsequence of ids
stays put, the others are "moved" — so swapping two neighbours reports one move.

Public API (the renderers are in `noticegen.changes_render`):

- `compare(old_site, old_notice, new_site, new_notice, from_version, to_version) -> ChangeSet`
- `diff_versions(root, notice_id, from_version, to_version) -> ChangeSet` — each version is a
  release ("1.0") or `WORKING` (the current sources).
- `history(root, notice_id) -> list[(Release, ChangeSet | None)]` — every release, newest
  first, with what changed since the release before it (None for the first release).
- `Change(kind, what, path, old, new, words)`:
  - `kind`: "added", "removed", "moved", "retitled", "reworded" or "changed";
  - `what`: the item in English words, with where it is ("paragraph in section “Who we are”",
    "recipient", "Data Protection Officer’s email address"); for "moved" it names the item;
  - `path`: the id path, stable across versions ("section/who-we-are/intro",
    "facts/recipients/dwp", "site/dpo/email", "notice/title");
  - `old` / `new`: the text or value before / after (None when added / removed); for "moved",
    the 1-based positions before and after;
  - `words`: for "reworded", the word-level diff as (op, text) pairs, op being "equal",
    "delete" or "insert"; each text keeps its leading space, so the equal and insert parts
    joined give the new text. `Change.headline` is the one-line English description.
- `ChangeSet(from_version, to_version, changes, notice_id)` with `.is_empty` and `.summary`.

Not reported (they are not what people are told): the version number itself, source
locations, `to_confirm` markers, languages, logo, base URL and fragment settings, and site
contacts the notice does not mention.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import FACT_LISTS, Block, Contact, Item, Law, LawfulBasis, Notice, Section, Site, Statement, Text
from .releases import WORKING, Release, list_releases, load_release, load_version
from .snapshot import to_data
from .source import PLACEHOLDER

KINDS = ("added", "removed", "moved", "retitled", "reworded", "changed")
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
TOKEN = re.compile(
    r"\s*(?:\{[a-z0-9-]+\.[a-z_]+\}"  # a placeholder, as written
    r"|https?://[^\s<>()]*[^\s<>().,;:!?'\"’”]"  # a web address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an email address
    r"|\w+(?:[-’'.]\w+)*"  # a word (hyphens, apostrophes and dots inside)
    r"|\S)"  # any other character on its own
)


@dataclass(frozen=True)
class Change:
    kind: str
    what: str
    path: str
    old: str | None = None
    new: str | None = None
    words: tuple[tuple[str, str], ...] | None = None

    @property
    def headline(self) -> str:
        """'Recipient added', 'Section “Rights” moved from position 3 to 4' (English)."""
        what = self.what[:1].upper() + self.what[1:]
        if self.kind == "moved":
            return f"{what} moved from position {self.old} to {self.new}"
        return f"{what} {self.kind}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "what": self.what,
            "path": self.path,
            "headline": self.headline,
            "old": self.old,
            "new": self.new,
            "words": [list(w) for w in self.words] if self.words is not None else None,
        }


@dataclass(frozen=True)
class ChangeSet:
    from_version: str
    to_version: str
    changes: tuple[Change, ...] = ()
    notice_id: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.changes

    @property
    def between(self) -> str:
        return f"between {version_label(self.from_version)} and {version_label(self.to_version)}"

    @property
    def summary(self) -> str:
        """'No changes between 1.0 and working copy.' or '3 changes between …: 1 added, 2 reworded.'"""
        if self.is_empty:
            return f"No changes {self.between}."
        counts = Counter(c.kind for c in self.changes)
        parts = ", ".join(f"{counts[k]} {k}" for k in KINDS if counts[k])
        n = len(self.changes)
        return f"{n} change{'s' if n != 1 else ''} {self.between}: {parts}."


def version_label(version: str) -> str:
    return "working copy" if version == WORKING else version


# -- entry points ----------------------------------------------------------------------------


def compare(
    old_site: Site,
    old_notice: Notice,
    new_site: Site,
    new_notice: Notice,
    from_version: str = "",
    to_version: str = "",
) -> ChangeSet:
    """Every change from the old (site, notice) to the new one, in reading order."""
    d = _Diff()
    d.notice(old_notice, new_notice)
    d.sections(old_notice.sections, new_notice.sections)
    d.facts(old_notice, new_notice)
    d.contacts(old_notice.contacts, new_notice.contacts, "contact")
    d.site(old_site, new_site, _contacts_used(old_notice) | _contacts_used(new_notice))
    return ChangeSet(
        from_version or old_notice.version, to_version or new_notice.version, tuple(d.changes), new_notice.id
    )


def diff_versions(
    root: Path | str, notice_id: str, from_version: str, to_version: str = WORKING
) -> ChangeSet:
    """Compare two releases, or a release and the working sources (`WORKING`)."""
    old = load_version(root, notice_id, from_version)
    new = load_version(root, notice_id, to_version)
    return compare(*old, *new, from_version=from_version, to_version=to_version)


def history(root: Path | str, notice_id: str) -> list[tuple[Release, ChangeSet | None]]:
    """Every release, newest first, with its changes since the release before (None: the first)."""
    out: list[tuple[Release, ChangeSet | None]] = []
    before: tuple[Release, Site, Notice] | None = None
    for release in list_releases(root, notice_id):
        current = load_release(root, notice_id, release.version)
        changes = None
        if before is not None:
            changes = compare(
                before[1],
                before[2],
                current[1],
                current[2],
                from_version=before[0].version,
                to_version=release.version,
            )
        out.append((release, changes))
        before = current
    return out[::-1]


# -- word-level diff -------------------------------------------------------------------------


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """(op, text) runs turning `old` into `new`, word by word (punctuation on its own).

    A short equal run between two larger edits ("," or "and") is folded into them, so a
    renamed organisation reads as one replacement rather than a patchwork of words.
    """
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False)
    # Pieces: ["equal", text] or ["edit", deleted, inserted].
    pieces: list[list[str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(["equal", "".join(b[j1:j2])])
        else:
            pieces.append(["edit", "".join(a[i1:i2]), "".join(b[j1:j2])])
    folded = True
    while folded:
        folded = False
        for n in range(1, len(pieces) - 1):
            before, same, after = pieces[n - 1], pieces[n], pieces[n + 1]
            if same[0] == "equal" and before[0] == after[0] == "edit":
                size = len(same[1].strip())
                if size <= max(len(before[1]), len(before[2])) and size <= max(len(after[1]), len(after[2])):
                    pieces[n - 1 : n + 2] = [
                        ["edit", before[1] + same[1] + after[1], before[2] + same[1] + after[2]]
                    ]
                    folded = True
                    break
    runs: list[tuple[str, str]] = []
    for piece in pieces:
        parts = [("equal", piece[1])] if piece[0] == "equal" else [("delete", piece[1]), ("insert", piece[2])]
        runs += [(op, text) for op, text in parts if text]
    return tuple(runs)


# -- the comparison --------------------------------------------------------------------------


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _q(text: str) -> str:
    return f"“{_short(text)}”"


def _str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Text):
        return value.value
    if isinstance(value, tuple):
        return ", ".join(_str(v) or "" for v in value) or None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    return str(value)


def _contacts_used(notice: Notice) -> set[str]:
    """The ids of contacts a notice mentions: by placeholder or by a contact block."""
    used = {m.group(1) for m in PLACEHOLDER.finditer(json.dumps(to_data(notice)))}
    used |= {b.ref for s in notice.sections for b in s.blocks if b.kind == "contact" and b.ref}
    return used


class _Diff:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(
        self,
        kind: str,
        what: str,
        path: str,
        old: str | None = None,
        new: str | None = None,
        words: tuple[tuple[str, str], ...] | None = None,
    ) -> None:
        self.changes.append(Change(kind, what, path, old, new, words))

    def value(self, what: str, path: str, old: object, new: object, kind: str = "changed") -> None:
        """A value: added, removed, or changed from old to new."""
        a, b = _str(old), _str(new)
        if a == b:
            return
        if a is None:
            self.add("added", what, path, new=b)
        elif b is None:
            self.add("removed", what, path, old=a)
        else:
            self.add(kind, what, path, a, b)

    def prose(self, what: str, path: str, old: Text | None, new: Text | None) -> None:
        """Running text: reworded, with the word-level diff."""
        a, b = _str(old), _str(new)
        if a is not None and b is not None and a != b:
            self.add("reworded", what, path, a, b, word_diff(a, b))
        else:
            self.value(what, path, a, b)

    def sequence(
        self,
        old: Sequence[Any],
        new: Sequence[Any],
        path: str,
        noun: str | Callable[[Any], str],
        context: str,
        label: Callable[[Any], str],
        inner: Callable[[Any, Any, str], None],
        moves: bool = True,
        title: Callable[[Any], str] | None = None,
    ) -> None:
        """Items matched by id: removed, added, moved (outside the common order), then `inner`.

        `label` gives an item's text for "added" / "removed"; `title` (default: `label`) names
        it in "moved".
        """

        def name(item: Any) -> str:
            return noun if isinstance(noun, str) else noun(item)

        old_at = {item.id: (n, item) for n, item in enumerate(old, start=1)}
        new_ids = {item.id for item in new}
        for item in old:
            if item.id not in new_ids:
                self.add("removed", name(item) + context, f"{path}/{item.id}", old=label(item))
        stay = _lcs([i.id for i in old if i.id in new_ids], [i.id for i in new if i.id in old_at])
        for n, item in enumerate(new, start=1):
            where = f"{path}/{item.id}"
            if item.id not in old_at:
                self.add("added", name(item) + context, where, new=label(item))
                continue
            before_n, before = old_at[item.id]
            if moves and item.id not in stay:
                self.add(
                    "moved",
                    f"{name(item)} {_q((title or label)(item))}{context}",
                    where,
                    str(before_n),
                    str(n),
                )
            inner(before, item, where)

    # -- the notice itself -----------------------------------------------------------------

    def notice(self, a: Notice, b: Notice) -> None:
        self.value("notice title", "notice/title", a.title, b.title)
        self.prose("notice summary", "notice/summary", a.summary, b.summary)
        self.value("effective date", "notice/effective", a.effective, b.effective)
        self.value("review date", "notice/review_by", a.review_by, b.review_by)
        self.value("team that owns the notice", "notice/owner", a.owner, b.owner)

    def sections(self, old: tuple[Section, ...], new: tuple[Section, ...]) -> None:
        self.sequence(old, new, "section", "section", "", lambda s: s.title.value, self.section)

    def section(self, a: Section, b: Section, path: str) -> None:
        self.value("section", path, a.title, b.title, kind="retitled")
        context = f" in section {_q(b.title.value)}"
        self.sequence(
            a.blocks,
            b.blocks,
            path,
            _block_noun,
            context,
            _block_label,
            lambda x, y, where: self.block(x, y, where, context),
        )

    def block(self, a: Block, b: Block, path: str, context: str) -> None:
        what = _block_noun(b) + context
        self.value(f"type of block{context}", f"{path}/kind", _block_noun(a), _block_noun(b))
        self.prose(what, path, a.text, b.text)
        if a.items or b.items:
            self.list_items(a.items, b.items, path, context)
        if a.kind == b.kind == "table":
            self.table(a, b, path, context)
        if a.kind == b.kind and a.kind in ("facts", "contact"):
            self.value(what, f"{path}/ref", a.ref, b.ref)
        if a.kind == b.kind == "facts" and a.ref == b.ref and a.only != b.only:
            plural = FACT_NOUNS.get(b.ref or "", ("", b.ref or ""))[1]
            self.value(f"{plural} shown{context}", f"{path}/only", a.only or "all", b.only or "all")

    def list_items(self, old: tuple[Item, ...], new: tuple[Item, ...], path: str, context: str) -> None:
        def inner(x: Item, y: Item, where: str) -> None:
            self.prose(f"list item{context}", where, x.text, y.text)
            if x.items or y.items:
                self.list_items(x.items, y.items, where, context)

        self.sequence(old, new, path, "list item", context, lambda i: i.text.value, inner)

    def table(self, a: Block, b: Block, path: str, context: str) -> None:
        self.value(f"table header{context}", f"{path}/header", _cells(a.header), _cells(b.header))
        old_rows, new_rows = [_cells(r) for r in a.rows], [_cells(r) for r in b.rows]
        matcher = difflib.SequenceMatcher(None, old_rows, new_rows, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(paired):
                x, y = old_rows[i1 + k], new_rows[j1 + k]
                self.add("reworded", f"table row{context}", f"{path}/row{j1 + k + 1}", x, y, word_diff(x, y))
            for i in range(i1 + paired, i2):
                self.add("removed", f"table row{context}", f"{path}/row{i + 1}", old=old_rows[i])
            for j in range(j1 + paired, j2):
                self.add("added", f"table row{context}", f"{path}/row{j + 1}", new=new_rows[j])

    # -- facts -----------------------------------------------------------------------------

    def facts(self, a: Notice, b: Notice) -> None:
        for name in FACT_LISTS:
            noun = FACT_NOUNS[name][0]
            path = f"facts/{name}"
            old, new = getattr(a.facts, name), getattr(b.facts, name)
            if name == "lawful_bases":
                self.sequence(old, new, path, noun, "", lambda x: x.text.value, self.lawful_basis)
            elif name == "legislation":
                self.sequence(old, new, path, noun, "", lambda x: x.title.value, self.law)
            else:
                self.sequence(
                    old,
                    new,
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
            self.value(
                what, f"facts/{name}", _statement(getattr(a.facts, name)), _statement(getattr(b.facts, name))
            )

    def fact_item(self, a: Item, b: Item, path: str, noun: str) -> None:
        named = f"{noun} {_q((b.title or b.text).value)}"
        self.prose(noun, path, a.text, b.text)
        if a.title and b.title:
            self.value(noun, f"{path}/title", a.title, b.title, kind="retitled")
        else:
            self.value(f"title of {named}", f"{path}/title", a.title, b.title)
        self.value(named, f"{path}/classification", _classification(a), _classification(b))
        self.value(f"type of {named}", f"{path}/right", a.kind, b.kind)
        if a.items or b.items:
            self.list_items(a.items, b.items, path, f" of {named}")

    def lawful_basis(self, a: LawfulBasis, b: LawfulBasis, path: str) -> None:
        self.prose("lawful basis", path, a.text, b.text)
        named = f"lawful basis {_q(b.text.value)}"
        self.value(f"legal references of {named}", f"{path}/basis", a.basis, b.basis)
        self.value(f"categories covered by {named}", f"{path}/applies_to", a.applies_to, b.applies_to)

    def law(self, a: Law, b: Law, path: str) -> None:
        self.prose("piece of legislation", path, a.title, b.title)
        self.value(f"year of {_q(b.title.value)}", f"{path}/year", a.year, b.year)
        self.value(f"web address of {_q(b.title.value)}", f"{path}/url", a.url, b.url)

    # -- contacts and the site -------------------------------------------------------------

    def contacts(self, old: tuple[Contact, ...], new: tuple[Contact, ...], path: str) -> None:
        def inner(x: Contact, y: Contact, where: str) -> None:
            self.contact(x, y, where, lambda field: f"{field} of contact {_q(_contact_name(y))}")

        self.sequence(old, new, path, "contact", "", _contact_label, inner, moves=False)

    def contact(self, a: Contact, b: Contact, path: str, what: Callable[[str], str]) -> None:
        """Each field of a contact; `what` names a field ("email address of contact “X”")."""
        for name, noun in CONTACT_FIELDS.items():
            self.value(what(noun), f"{path}/{name}", getattr(a, name), getattr(b, name))

    def site(self, a: Site, b: Site, used: set[str]) -> None:
        self.contact(a.dpo, b.dpo, "site/dpo", lambda field: f"Data Protection Officer’s {field}")
        self.value("organisation’s name", "site/organisation/name", a.org_name, b.org_name)
        self.value(
            "organisation’s ICO registration number",
            "site/organisation/ico_registration",
            a.ico_registration,
            b.ico_registration,
        )
        self.value("organisation’s postal address", "site/organisation/address", a.address, b.address)
        self.value("organisation’s website", "site/organisation/website", a.website, b.website)
        old = tuple(c for c in a.contacts if c.id in used)
        new = tuple(c for c in b.contacts if c.id in used)
        self.contacts(old, new, "site/contact")


def _block_noun(block: Block) -> str:
    if block.kind == "facts":
        return f"list of {FACT_NOUNS.get(block.ref or '', ('', block.ref or 'facts'))[1]}"
    return BLOCK_NOUNS.get(block.kind, block.kind)


def _block_label(block: Block) -> str:
    if block.text is not None:
        return block.text.value
    if block.items:
        return "; ".join(i.text.value for i in block.items)
    if block.kind == "table":
        return " | ".join(t.value for t in block.header)
    return block.ref or block.id


def _cells(row: tuple[Text, ...]) -> str:
    return " | ".join(cell.value for cell in row)


def _contact_name(contact: Contact) -> str:
    return contact.name.value if contact.name else contact.id


def _contact_label(contact: Contact) -> str:
    details = [v for v in (contact.email, contact.phone, contact.url) if v]
    details += [contact.address.value] if contact.address else []
    return f"{_contact_name(contact)} ({', '.join(details)})" if details else _contact_name(contact)


def _statement(statement: Statement | None) -> str | None:
    if statement is None:
        return None
    from .facts import NONE_SAYS

    if statement.text is None or (statement.none and statement.text.value in NONE_SAYS.values()):
        return "none"  # `none` as the source says it, whatever sentence shows it to readers
    return f"none: {statement.text.value}" if statement.none else statement.text.value


def _classification(item: Item) -> str:
    kinds = [
        k
        for k, on in (("special category data", item.special), ("criminal offence data", item.criminal))
        if on
    ]
    return " and ".join(kinds) or "ordinary personal data"


def _lcs(a: list[str], b: list[str]) -> set[str]:
    """The ids of one longest common subsequence of a and b (both lists of unique ids)."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    keep, i, j = set(), 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            keep.add(a[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return keep
