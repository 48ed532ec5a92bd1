"""What the importer passes between its steps: Word paragraphs in, a draft notice out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph (or table) of the Word document, as read.

    `index` is its position in the document, counting every paragraph and table of the body
    from 1, empty paragraphs included: the report uses it to say where something came from.
    `text` is inline Markdown: links as [words](url), manual line breaks as "\\n", tabs as "\\t".
    """

    index: int
    text: str = ""
    style: str = ""
    heading: int | None = None  # 0 = the Title style; 1, 2 … = a heading level (style or outline)
    numbering: str | None = None  # "bullet" or "ordered" when Word numbers the paragraph
    num_format: str = ""  # the notice format's numbering style (decimal, lower-alpha …) if ordered
    num_id: str = ""  # which Word list the paragraph belongs to ("" when none)
    ilvl: int = 0  # the Word numbering level (0 = first)
    style_level: int = 0  # the 2 of "List Bullet 2"
    level: int = 0  # the list nesting level (1 = top) when the paragraph is a list item
    continues: int = 0  # the 2 of "List Continue 2": a further paragraph of an item at that level
    bold: bool = False
    indent: int = 0  # left indent in twentieths of a point
    toc: bool = False  # part of a table of contents
    rows: list[list[list[Para]]] | None = None  # a table: rows of cells of paragraphs


@dataclass
class Item:
    """A list item: its text, further paragraphs (`more`) and a sub-list (`children`)."""

    text: str
    index: int
    children: list[Item] = field(default_factory=list)
    id: str = ""
    more: list[str] = field(default_factory=list)
    ordered: bool = False  # the sub-list is numbered
    numbering: str = "decimal"  # the sub-list's numbering style when it is numbered

    def walk(self) -> list[Item]:
        """This item and every item under it, in document order."""
        return [self, *(x for child in self.children for x in child.walk())]


def walk(items: list[Item]) -> list[Item]:
    """Every item of a list and of its sub-lists, in document order."""
    return [x for item in items for x in item.walk()]


@dataclass
class Block:
    """A body block of a section; `kind` is one of the notice format's block kinds."""

    kind: str  # paragraph, heading, list, numbered, table, details, facts
    index: int
    text: str = ""
    items: list[Item] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    caption: str = ""  # a table's caption
    header_column: bool = False  # a table whose first cells are row headers
    numbering: str = "decimal"  # a numbered list's style
    details: list[tuple[str, str]] = field(default_factory=list)  # label/value rows
    ref: str = ""  # for facts: the fact list
    only: list[str] = field(default_factory=list)  # for facts: the item ids shown here
    id: str = ""


@dataclass
class Section:
    title: str
    index: int
    blocks: list[Block] = field(default_factory=list)
    id: str = ""
    shared: str = ""  # the name of a shared block of site.yaml that this section is


@dataclass
class Draft:
    """The notice being made: what the writer turns into YAML."""

    id: str
    title: str
    title_index: int
    sections: list[Section]
    version: str | None = None
    facts: dict[str, list[dict]] = field(default_factory=dict)
    contacts: list[dict] = field(default_factory=list)
    owner: dict = field(default_factory=dict)  # controllers, joint_arrangement, dpo as written


@dataclass
class Note:
    index: int  # the paragraph it came from (0: the document as a whole)
    text: str  # that paragraph's text, shortened
    message: str
    kind: str = "todo"  # todo (could not map), guess (check it), change (to the structure), info


@dataclass
class Report:
    notes: list[Note] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)  # Word artefacts left out, by kind

    def drop(self, what: str, count: int = 1) -> None:
        if count:
            self.dropped[what] = self.dropped.get(what, 0) + count

    def add(self, index: int, text: str, message: str, kind: str = "todo") -> None:
        short = " ".join(text.split())
        if len(short) > 100:
            short = short[:97].rstrip() + "…"
        self.notes.append(Note(index, short, message, kind))

    def of(self, kind: str) -> list[Note]:
        """The notes of one kind in document order; those about the whole document last."""
        found = [n for n in self.notes if n.kind == kind]
        return sorted(found, key=lambda n: (n.index == 0, n.index))
