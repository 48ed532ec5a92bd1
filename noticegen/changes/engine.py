"""The comparison engine: word-level diffs, and values, texts and id-matched lists recorded as Changes."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any

from noticegen.changes.changeset import Change
from noticegen.changes.places import Place, family, places
from noticegen.changes.wording import place_name, quoted
from noticegen.model import Text

TOKEN = re.compile(
    r"\s*(?:\{[a-z0-9-]+\.[a-z_]+\}"  # a placeholder, as written
    r"|https?://[^\s<>()]*[^\s<>().,;:!?'\"’”]"  # a web address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an email address
    r"|\w+(?:[-’'.]\w+)*"  # a word (hyphens, apostrophes and dots inside)
    r"|\S)"  # any other character on its own
)


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """(op, text) runs turning `old` into `new`, word by word (punctuation on its own).

    A short equal run between two larger edits ("," or "and") is folded into them, so a
    renamed organisation reads as one replacement rather than a patchwork of words.
    """
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False)
    # Pieces: ["equal", old text, new text] or ["edit", deleted, inserted]; an equal run keeps
    # both spellings of its spaces, so a folded edit keeps the old words' own spacing.
    pieces: list[list[str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        kind = "equal" if op == "equal" else "edit"
        pieces.append([kind, "".join(a[i1:i2]), "".join(b[j1:j2])])
    folded = True
    while folded:
        folded = False
        for n in range(1, len(pieces) - 1):
            before, same, after = pieces[n - 1], pieces[n], pieces[n + 1]
            if same[0] == "equal" and before[0] == after[0] == "edit":
                size = len(same[2].strip())
                if size <= max(len(before[1]), len(before[2])) and size <= max(len(after[1]), len(after[2])):
                    pieces[n - 1 : n + 2] = [
                        ["edit", before[1] + same[1] + after[1], before[2] + same[2] + after[2]]
                    ]
                    folded = True
                    break
    runs: list[tuple[str, str]] = []
    for piece in pieces:
        parts = [("equal", piece[2])] if piece[0] == "equal" else [("delete", piece[1]), ("insert", piece[2])]
        runs += [(op, text) for op, text in parts if text]
    return tuple(runs)


def as_text(value: object) -> str | None:
    """A value as compared and shown: texts as written in the source (placeholders unexpanded)."""
    if value is None:
        return None
    if isinstance(value, Text):
        return value.value
    if isinstance(value, tuple):
        return ", ".join(as_text(v) or "" for v in value) or None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    return str(value)


def _as_is(text: str) -> str:
    return text


class ChangeRecorder:
    """Compares values, running text and lists of items, and records each difference as a Change.

    Texts are compared as written (so a renamed organisation is one change, not one in every
    paragraph naming it) and shown as people read them: `show_old` / `show_new` turn a source
    text of each version into that (placeholders filled in, Markdown made plain). `old_model` /
    `new_model`, when given, let an item be matched by its id across the whole model: an item
    that left one list for another is "moved" there, not removed and added.
    """

    def __init__(
        self,
        show_old: Callable[[str], str] = _as_is,
        show_new: Callable[[str], str] = _as_is,
        old_model: object = None,
        new_model: object = None,
    ) -> None:
        self.changes: list[Change] = []
        self.inside_added = False  # looking inside an added item: only what moved into it is said
        self.show_old, self.show_new = show_old, show_new
        self.old_places = places(old_model) if old_model is not None else {}
        self.new_places = places(new_model) if new_model is not None else {}

    def shown(self, value: object, new: bool = True) -> str | None:
        """A value as people read it, in the old or the new version."""
        text = as_text(value)
        if text is None or not _is_text(value):
            return text
        return (self.show_new if new else self.show_old)(text)

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
        if as_text(old) == as_text(new):
            return
        old_text, new_text = self.shown(old, new=False), self.shown(new)
        if old_text is None:
            self.add("added", what, path, new=new_text)
        elif new_text is None:
            self.add("removed", what, path, old=old_text)
        else:
            self.add(kind, what, path, old_text, new_text)

    def prose(self, what: str, path: str, old: Text | None, new: Text | None) -> None:
        """Running text: reworded, with the word-level diff."""
        if old is not None and new is not None and as_text(old) != as_text(new):
            old_text, new_text = self.shown(old, new=False) or "", self.shown(new) or ""
            self.add("reworded", what, path, old_text, new_text, word_diff(old_text, new_text))
        else:
            self.value(what, path, old, new)

    def sequence(
        self,
        old: Sequence[Any],
        new: Sequence[Any],
        path: str,
        noun: str | Callable[[Any], str],
        context: str,
        label: Callable[[Any], str],
        compare_kept: Callable[[Any, Any, str], None],
        moves: bool = True,
        title: Callable[[Any], str] | None = None,
        added: Callable[[Any, str], None] | None = None,
    ) -> None:
        """Items matched by id: removed, added, moved, then `compare_kept` on each item in both.

        A changed id is a removal plus an addition. Only the items outside one longest common
        order of ids are "moved", so swapping two neighbours reports one move, not two.
        `label` gives an item's text for "added" / "removed"; `title` (default: `label`) names
        it in "moved". `added`, when given, looks inside an added item (for parts moved into it).
        """

        def name(item: Any) -> str:
            return noun if isinstance(noun, str) else noun(item)

        old_by_id = {item.id: (n, item) for n, item in enumerate(old, start=1)}
        new_ids = {item.id for item in new}
        for item in old:
            if item.id not in new_ids and self._elsewhere(item, path, self.new_places) is None:
                self.add(
                    "removed",
                    name(item) + context,
                    f"{path}/{item.id}",
                    old=self.show_old(label(item)) or None,
                )
        in_order = _longest_common_ids(
            [i.id for i in old if i.id in new_ids], [i.id for i in new if i.id in old_by_id]
        )
        for n, item in enumerate(new, start=1):
            where = f"{path}/{item.id}"
            shown = self.show_new((title or label)(item))
            named = f"{name(item)} {quoted(shown)}" if shown else name(item)
            if item.id not in old_by_id:
                origin = self._elsewhere(item, path, self.old_places)
                if origin is not None:
                    self._moved_in(origin, item, path, named, compare_kept)
                elif not self.inside_added:
                    self.add("added", name(item) + context, where, new=self.show_new(label(item)) or None)
                    if added is not None:
                        self.inside_added = True  # its parts are said with it, unless moved in
                        added(item, where)
                        self.inside_added = False
                continue
            old_n, old_item = old_by_id[item.id]
            if moves and item.id not in in_order:
                self.add("moved", named + context, where, str(old_n), str(n))
            compare_kept(old_item, item, where)

    def _moved_in(
        self, origin: Place, item: Any, path: str, named: str, compare_kept: Callable[[Any, Any, str], None]
    ) -> None:
        """An item that came from another list: one move, then its content compared in full."""
        where = f"{path}/{item.id}"
        here = self.new_places[(family(item, path), item.id)]
        self.add("moved", named, where, self._place(origin, False), self._place(here, True))
        was, self.inside_added = self.inside_added, False
        compare_kept(origin.item, item, where)
        self.inside_added = was

    def _elsewhere(self, item: Any, path: str, other: dict[tuple[str, str], Place | None]) -> Place | None:
        """Where the other version has this item, when that is in another list (matched by id,
        only when the id is used once in both versions)."""
        key = (family(item, path), item.id)
        mine = (self.new_places if other is self.old_places else self.old_places).get(key)
        found = other.get(key)
        if found is None or mine is None or mine.container != path or found.container == path:
            return None
        return found

    def _place(self, place: Place, new: bool) -> str:
        return place_name(place.owner, self.show_new if new else self.show_old)


def _is_text(value: object) -> bool:
    if isinstance(value, tuple):
        return any(isinstance(v, Text) for v in value)
    return isinstance(value, Text)


def _longest_common_ids(a: list[str], b: list[str]) -> set[str]:
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
