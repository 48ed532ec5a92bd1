"""List lines to nested lists: each item at its level, numbered or not, with its further paragraphs.

A Word-numbered item's level comes from its numbering level, its style ("List Bullet 2") or a
deeper indent (reader.py). A typed item ("·", "o", "1.", "a)", "(iv)") goes one level deeper
when it is indented further than the items before it, or when its marker changes family at the
same indent ("1." then "a)"); it comes back to the level whose indent or family it shares.
A paragraph between items belongs to the item above it when the list goes on after it one level
deeper or, for a numbered list, with the next number ("List Continue" paragraphs always do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from noticegen.importer import clean
from noticegen.importer.lines import Line
from noticegen.importer.model import Block, Item, Report
from noticegen.source.lists import MAX_DEPTH

INDENT_STEP = 150  # twips: an item indented this much more than the level above is a sub-item
LOOKAHEAD = 4  # paragraphs a list may run on past, between two of its items
ROMAN = re.compile(r"^[ivx]+$", re.I)


@dataclass
class OpenList:
    """The list being built at the end of a section: the last item at each level."""

    block: Block
    path: list[Item] = field(default_factory=list)
    indents: list[int] = field(default_factory=list)  # typed items: the indent of each level
    families: list[str] = field(default_factory=list)  # typed items: the marker family of each level
    markers: list[str] = field(default_factory=list)  # typed items: the last marker at each level
    key: str = ""  # the Word list of its first level


def family(marker: str, before: str = "") -> str:
    """A typed marker's family: a numbering style, or "bullet" for a typed bullet.

    A lone i, v or x is a roman number unless it follows h, u or w (the letter before it),
    given as `before`, the marker of the item above at the same level."""
    core = marker.strip("().")
    if not core or not core.rstrip(")").isalnum() or core == "o":
        return "bullet"  # typed bullets differ by accident ("·", "•", "–"): only indents nest them
    core = core.rstrip(")")
    if core.isdigit():
        return "decimal"
    upper = core.isupper()
    previous = before.strip("().").rstrip(")").lower()
    letter = len(core) == 1 and len(previous) == 1 and ord(core.lower()) == ord(previous) + 1
    if ROMAN.match(core) and not letter:
        return "upper-roman" if upper else "lower-roman"
    return "upper-alpha" if upper else "lower-alpha"


class Lists:
    """Adds list lines to a section's blocks; keeps what it needs to nest the next line."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.open: OpenList | None = None

    def current(self, blocks: list[Block]) -> OpenList | None:
        """The list still open: the last block of the section, if it is the list being built."""
        if self.open is not None and blocks and blocks[-1] is self.open.block:
            return self.open
        return None

    def add(self, blocks: list[Block], line: Line, text: str) -> None:
        kind = "numbered" if line.kind == "ordered" else "list"
        item = Item(text, line.index)
        known = self.current(blocks)
        mine = _family(known, line)
        wanted = self._typed_level(known, line, mine) if line.marker and not line.key else line.level
        level = min(wanted, len(known.path) + 1, MAX_DEPTH) if known else 1
        if known is None or (level == 1 and (kind != known.block.kind or _restarts(known, line))):
            block = Block(kind, line.index, numbering=self._numbering(line, mine))
            blocks.append(block)
            known = self.open = OpenList(block, key=line.key)
            self._first(line, text)
            level = 1
        if wanted > level:
            why = (
                f"lists nest {MAX_DEPTH} levels at most"
                if wanted > MAX_DEPTH
                else "no item above it at the level between"
            )
            self.report.add(
                line.index, text, f"a level-{wanted} list item was put at level {level}: {why}", "change"
            )
        if level == 1:
            known.block.items.append(item)
        else:
            parent = known.path[level - 2]
            if not parent.children:
                parent.ordered = kind == "numbered"
                parent.numbering = self._numbering(line, mine)
            parent.children.append(item)
        known.path[level - 1 :] = [item]
        known.indents[level - 1 :] = [line.indent]
        known.families[level - 1 :] = [mine]
        known.markers[level - 1 :] = [line.marker]

    def _first(self, line: Line, text: str) -> None:
        """A typed numbered list that does not start at 1, a or i is numbered from there anyway."""
        core = line.marker.strip("().").rstrip(")").lower()
        if line.kind == "ordered" and not line.key and core and core not in ("1", "a", "i"):
            self.report.add(
                line.index, text, f"typed numbers starting at '{line.marker}': the list is numbered "
                "from the start (1, a or i); check the text does not refer to its numbers", "change"
            )  # fmt: skip

    def _numbering(self, line: Line, mine: str) -> str:
        """The numbering style of the list a line starts: Word's, else its typed marker's."""
        if line.key or not line.marker:
            return line.numbering or "decimal"
        return mine if mine and mine != "bullet" else "decimal"

    def _typed_level(self, known: OpenList | None, line: Line, mine: str) -> int:
        """The level of a typed item, from its indent and its marker's family."""
        if known is None or not known.indents:
            return 1
        here = [n + 1 for n, ind in enumerate(known.indents) if abs(line.indent - ind) <= INDENT_STEP]
        if line.indent > known.indents[-1] + INDENT_STEP:
            level = len(known.indents) + 1
        elif not here:  # between two levels' indents: the shallower one's
            level = next((n + 1 for n, ind in enumerate(known.indents) if line.indent < ind), 1)
        else:
            same = [n for n in here if known.families[n - 1] == mine]
            level = same[-1] if same else here[-1] + 1
        return level

    def continues(self, blocks: list[Block], lines: list[Line], at: int) -> int:
        """The level of the item a paragraph belongs to (0: it ends the list)."""
        known = self.current(blocks)
        line = lines[at]
        if known is None or line.role != "para":
            return 0
        if line.continues:
            return min(line.continues, len(known.path))
        for later in lines[at + 1 : at + 1 + LOOKAHEAD]:
            if later.role == "para":
                continue
            if later.role != "item":
                return 0
            if later.level >= 2 and not later.marker:
                return min(later.level - 1, len(known.path))
            same = known.block.kind == "numbered" and later.kind == "ordered" and later.key == known.key
            return 1 if same and later.level == 1 and known.key else 0
        return 0

    def add_more(self, blocks: list[Block], level: int, line: Line) -> None:
        """A further paragraph of the item at `level`; after its sub-list, of the last sub-item."""
        known = self.current(blocks)
        assert known is not None
        target = known.path[level - 1]
        said = f"this paragraph goes with the list item above it ('{target.text[:40]}'): it was made "
        said += "a further paragraph of that item"
        if target.children:
            target = target.walk()[-1]
            said = "this paragraph follows a sub-list: it was made a further paragraph of the list's "
            said += "last sub-item, since an item's own paragraphs come before its sub-list"
        self.report.add(line.index, line.text, said, "change")
        target.more.append(clean.squash(line.text) if "\n" not in line.text else line.text)


def _family(known: OpenList | None, line: Line) -> str:
    """The family of a line's numbering: its typed marker's, else Word's (bullet, decimal …)."""
    if not line.marker:
        return line.numbering or ("decimal" if line.kind == "ordered" else "bullet")
    mine = family(line.marker)
    if known is not None and mine.endswith("roman") and len(line.marker.strip("().")) <= 2:
        mine = next((family(line.marker, m) for m in reversed(known.markers) if m), mine)  # i) after h)
    return mine


def _restarts(known: OpenList, line: Line) -> bool:
    """A first-level item of another Word list: a new list, not the same one going on."""
    return bool(line.key and known.key and line.key != known.key and known.block.kind == "numbered")
