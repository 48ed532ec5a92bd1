"""Splits and merges: an item cut in two, or two items joined, said as such.

The engine reports a split as "reworded" (the part kept) plus "added" (the part cut off), and a
merge as "removed" plus "reworded". This pass finds those groups by their words and puts one
change in their place: "split" (old: the whole text before; new: the parts, joined) or "merged"
(old: the parts before, joined; new: the whole text now), with a word-level diff of any edit
made on the way. `parts` names the other items' paths. Texts of different kinds of item (a
paragraph and a recipient) are never grouped.
"""

from __future__ import annotations

import difflib
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from noticegen.changes.changeset import Change
from noticegen.changes.engine import TOKEN, word_diff

SIMILAR = 0.8  # how close the whole must be to its parts joined (difflib ratio over words)
INSIDE = 0.75  # how much of a part's words must come from the whole
SHORTEST = 3  # words: a shorter part is not taken for a split-off or merged-in piece


def restructure(changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """The changes with each split and merge made one change, in reading order."""
    out = list(changes)
    for find in (_split, _merge):
        n = 0
        while n < len(out):
            found = find(out, n)
            if found is None:
                n += 1
                continue
            group, combined = found
            anchor = out[n]
            out = [combined if c is anchor else c for c in out if not any(c is g for g in group)]
            n = 0
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _words(text: str | None) -> tuple[str, ...]:
    return tuple(t.strip().lower() for t in TOKEN.findall(text or ""))


@functools.lru_cache(maxsize=4096)
def _counts(text: str) -> Counter[str]:
    return Counter(_words(text))


def _inside(part: str, whole: str) -> bool:
    a, b = _words(part), _words(whole)
    if len(a) < SHORTEST:
        return False
    # The words both share, counted, bound what any alignment can match: a cheap first test.
    if sum((_counts(part) & _counts(whole)).values()) < INSIDE * len(a):
        return False
    matched = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched >= INSIDE * len(a)


def _in_order(parts: list[str], whole: str) -> list[str]:
    """The parts in the order their words come in the whole."""
    words = _words(whole)

    def start(part: str) -> int:
        matcher = difflib.SequenceMatcher(None, words, _words(part), autojunk=False)
        return matcher.find_longest_match(0, len(words), 0, len(_words(part))).a

    return sorted(parts, key=start)


def _similar(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False)
    return matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _family(change: Change) -> str:
    """The kind of item, from its path: 'section' body text, or the fact list it belongs to."""
    head = change.path.split("/")
    return "/".join(head[:2]) if head[0] == "facts" else head[0]


def _group(
    changes: list[Change],
    n: int,
    kind_of_part: str,
    text_of: Callable[[Change], str | None],
    whole: str,
) -> list[Change]:
    anchor = changes[n]
    return [
        c
        for c in changes
        if c is not anchor
        and c.kind == kind_of_part
        and _family(c) == _family(anchor)
        and _inside(text_of(c) or "", whole)
    ]


def _split(changes: list[Change], n: int) -> tuple[list[Change], Change] | None:
    """A reworded item that lost words to added items, or a removed one cut into two or more."""
    source = changes[n]
    if source.kind not in ("reworded", "removed") or not source.old:
        return None
    kept = [source.new] if source.kind == "reworded" and source.new else []
    pieces = [
        c
        for c in _group(changes, n, "added", lambda c: c.new, source.old)
        if not (kept and _inside(c.new or "", kept[0]))  # words that left the item
    ]
    if not pieces or len(kept) + len(pieces) < 2:
        return None
    joined = " ".join(_in_order([c.new or "" for c in (source, *pieces) if c.new], source.old))
    if not _similar(source.old, joined):
        return None
    parts = tuple(c.path for c in pieces)
    return pieces, replace(source, kind="split", new=joined, words=word_diff(source.old, joined), parts=parts)


def _merge(changes: list[Change], n: int) -> tuple[list[Change], Change] | None:
    """A reworded item that took in removed items' words, or an added one made of two or more."""
    target = changes[n]
    if target.kind not in ("reworded", "added") or not target.new:
        return None
    kept = [target.old] if target.kind == "reworded" and target.old else []
    pieces = [
        c
        for c in _group(changes, n, "removed", lambda c: c.old, target.new)
        if not (kept and _inside(c.old or "", kept[0]))  # words new to the item
    ]
    if not pieces or len(kept) + len(pieces) < 2:
        return None
    joined = " ".join(_in_order([c.old or "" for c in (target, *pieces) if c.old], target.new))
    if not _similar(joined, target.new):
        return None
    parts = tuple(c.path for c in pieces)
    return pieces, replace(
        target, kind="merged", old=joined, words=word_diff(joined, target.new), parts=parts
    )
