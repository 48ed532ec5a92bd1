"""What a `facts:` block shows, as every format lays it out: titled facts, lists and fact tables.

A retention schedule (an item with `period`) and recipients with `why` are shown as tables;
the header words are the templates' (interface words), chosen by the column names here.
"""

from __future__ import annotations

from dataclasses import dataclass

from noticegen.model import Block, Item, LawfulBasis, Notice, Statement, Text
from noticegen.walk import shown_facts


@dataclass(frozen=True)
class FactEntry:
    """One fact as a section shows it: an optional sub-heading, its text and any sub-list."""

    id: str
    text: Text
    title: Text | None = None
    items: tuple[Item, ...] = ()
    more: tuple[Text, ...] = ()
    ordered: bool = False
    numbering: str | None = None


@dataclass(frozen=True)
class FactTable:
    """Facts as a table: `columns` name the header words (what, period, start; who, why, basis)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Text | str, ...], ...]
    row_ids: tuple[str, ...]
    caption: Text | None = None
    header_column: bool = True

    def header(self, words: dict[str, str]) -> tuple[str, ...]:
        """The header row in the reader's language: `words` maps each column name to its title."""
        return tuple(words[column] for column in self.columns)


SCHEDULE = ("what", "period", "start")
SHARING = ("who", "why", "basis")


def shown_values(notice: Notice, block: Block) -> list:
    """The fact-list values a block shows, in its chosen order (a statement shows as one value)."""
    values = getattr(notice.facts, block.ref or "")
    if isinstance(values, Statement):
        return [values] if values.text else []
    return shown_facts(notice, block.ref or "", block.only)


def entry(value: object) -> FactEntry:
    if isinstance(value, Item):
        return FactEntry(
            value.id, value.text, value.title, value.items, value.more, value.ordered, value.numbering
        )
    if isinstance(value, Statement):
        return FactEntry("", value.text)  # type: ignore[arg-type]
    if isinstance(value, LawfulBasis):  # a basis given per purpose: the purpose heads it
        return FactEntry(value.id, value.text, value.purpose)
    title = getattr(value, "title", None)
    if title is not None:  # a Law: its title is its text
        return FactEntry(value.id, title)  # type: ignore[attr-defined]
    return FactEntry(value.id, value.text)  # type: ignore[attr-defined]


def fact_table(notice: Notice, ref: str, values: list) -> FactTable | None:
    """A schedule or recipients table, when the items say how long or why."""
    items = [v for v in values if isinstance(v, Item)]
    if ref == "retention" and any(i.period for i in items):
        columns = SCHEDULE if any(i.start for i in items) else SCHEDULE[:2]
        rows = [(i.what or i.text, i.period or "", i.start or "")[: len(columns)] for i in items]
    elif ref == "recipients" and any(i.why for i in items):
        columns = SHARING if any(i.basis or i.basis_text for i in items) else SHARING[:2]
        rows = [(i.text, i.why or "", _basis(notice, i))[: len(columns)] for i in items]
    else:
        return None
    return FactTable(columns, tuple(rows), tuple(i.id for i in items))


def _basis(notice: Notice, item: Item) -> Text | str:
    for basis in notice.facts.lawful_bases:
        if basis.id == item.basis:
            return basis.text
    return item.basis_text or ""


def fact_groups(notice: Notice, block: Block) -> list[tuple[str, list]]:
    """Consecutive facts grouped as ('titled', [one]), ('list', [several]) or ('table', [FactTable]).

    A lone untitled fact (a statement, a single retention rule) reads as a paragraph, not as a
    list of one: it is given as ('titled', [it]) with no title.
    """
    values = shown_values(notice, block)
    table = fact_table(notice, block.ref or "", values)
    if table is not None:
        return [("table", [table])]
    groups: list[tuple[str, list]] = []
    for value in values:
        fact = entry(value)
        kind = "titled" if fact.title else "list"
        if kind == "list" and groups and groups[-1][0] == "list":
            groups[-1][1].append(fact)
        else:
            groups.append((kind, [fact]))
    return [
        ("titled", entries)
        if kind == "list" and len(entries) == 1 and not entries[0].items and not entries[0].more
        else (kind, entries)
        for kind, entries in groups
    ]
