"""Who is told what: the changes residents need (announcements, the feed), and what a release is.

The full changes page shows every change. Announcements and the feed leave out what does not
change what people are told: an item moved (in its list or to another section), the review and
effective dates (the release carries one date), layout (which facts a section shows, a block's
type) and corrections (a typo, a title of an Act put right). Each public change has a topic, the
question of the notice it answers, for feed titles ("who we share information with").
"""

from __future__ import annotations

import difflib
import re

from noticegen.changes.changeset import Change, ChangeSet

DATES = ("notice/effective", "notice/review_by")
LAYOUT = ("/only", "/kind")
# The question each part of a notice answers; the words themselves are in the template
# changes/_topics.txt, so translators see them with the interface's other words.
TOPICS = {
    "facts/categories": "collect",
    "facts/sources": "sources",
    "facts/recipients": "sharing",
    "facts/sharing_without_knowledge": "sharing",
    "facts/international_transfers": "sharing",
    "facts/lawful_bases": "why",
    "facts/legislation": "why",
    "facts/automated_decisions": "why",
    "facts/retention": "keeping",
    "facts/rights": "rights",
    "site/organisation": "responsible",
    "site/dpo": "contact",
    "site/contact": "contact",
    "contact": "contact",
    "notice": "notice",
}
TYPO = 0.75  # an edit this alike to what it replaced (difflib ratio over letters) is a correction
TYPOS = 3  # at most this many such edits in one text


def has_content(changes: ChangeSet) -> bool:
    """Something people read changed: text, facts, contacts or the controller (not only dates)."""
    return any(c.path not in DATES for c in changes.changes)


def is_public(change: Change) -> bool:
    if change.kind == "moved" or change.path in DATES or change.path.endswith(LAYOUT):
        return False
    return not is_correction(change)


def public(changes: ChangeSet | None) -> tuple[Change, ...]:
    return tuple(c for c in changes.changes if is_public(c)) if changes else ()


def is_correction(change: Change) -> bool:
    """A text put right without a change of meaning: an Act's title, or a few typos."""
    if change.kind != "reworded" or not change.words:
        return False
    if change.path.startswith("facts/legislation/"):
        return True
    edits: list[tuple[str, str]] = []
    pending: str | None = None  # a deletion, until we know whether an insertion replaces it
    for op, text in (*change.words, ("equal", "")):
        if op == "insert":
            edits.append((pending or "", text))
            pending = None
            continue
        if pending is not None:
            edits.append((pending, ""))
        pending = text if op == "delete" else None
    return len(edits) <= TYPOS and all(_typo(old.strip(), new.strip()) for old, new in edits)


def _typo(old: str, new: str) -> bool:
    if not re.search(r"\w", old + new):  # punctuation only
        return True
    return difflib.SequenceMatcher(None, old, new).ratio() >= TYPO


def topic(change: Change) -> str:
    """The topic key of a change (see TOPICS); a section's text: "section/<id>"."""
    parts = change.path.split("/")
    for size in (2, 1):
        key = "/".join(parts[:size])
        if key in TOPICS:
            return TOPICS[key]
    return "/".join(parts[:2])
