"""A change between two versions of a notice, and the set of them, summed up in English."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from noticegen.releases.store import WORKING

KINDS = ("added", "removed", "moved", "split", "merged", "retitled", "reworded", "changed")


@dataclass(frozen=True)
class Change:
    """One change, as a person would say it.

    - `kind`: one of KINDS.
    - `what`: the item in English words, with where it is ("paragraph in section “Who we are”",
      "recipient", "Data Protection Officer’s email address"); for "moved" it names the item.
    - `path`: the id path, stable across versions ("section/who-we-are/intro",
      "facts/recipients/dwp", "site/dpo/email", "notice/title").
    - `old` / `new`: the text or value before / after (None when added / removed), as people read
      it (placeholders filled in); for "moved" inside one list, the 1-based positions before and
      after; for "moved" to another list, where it was and where it is ("section “Who we are”").
      For "split", `old` is the whole and `new` the parts joined; for "merged" the other way.
    - `words`: for "reworded", the word-level diff as (op, text) pairs, op being "equal",
      "delete" or "insert"; each text keeps its leading space, so the equal and insert parts
      joined give the new text.
    - `parts`: for "split" and "merged", the paths of the other items (the parts split off, or
      the items joined in).
    """

    kind: str
    what: str
    path: str
    old: str | None = None
    new: str | None = None
    words: tuple[tuple[str, str], ...] | None = None
    parts: tuple[str, ...] = ()

    @property
    def is_reorder(self) -> bool:
        """A move inside one list: only the position changed."""
        return self.kind == "moved" and (self.old or "").isdigit()

    @property
    def headline(self) -> str:
        """'Recipient added', 'Section “Rights” moved from position 3 to 4' (English)."""
        what = self.what[:1].upper() + self.what[1:]
        if self.is_reorder:
            return f"{what} moved from position {self.old} to {self.new}"
        if self.kind == "moved":
            return f"{what} moved from {self.old} to {self.new}"
        if self.kind == "split":
            return f"{what} split into {len(self.parts) + 1} parts"
        if self.kind == "merged":
            return f"{what} joined from {len(self.parts) + 1} parts"
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
            "parts": list(self.parts),
        }


@dataclass(frozen=True)
class ChangeSet:
    """Every change from one version of a notice to another, in reading order."""

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
