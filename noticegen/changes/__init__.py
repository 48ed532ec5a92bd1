"""What changed between two versions of a notice: releases and the working copy, compared."""

from __future__ import annotations

from pathlib import Path

from noticegen.changes.changeset import KINDS, Change, ChangeSet, version_label
from noticegen.changes.compare import compare
from noticegen.changes.engine import TOKEN, word_diff
from noticegen.changes.wording import BLOCK_NOUNS, CONTACT_FIELDS, FACT_NOUNS
from noticegen.model import Notice, Site
from noticegen.releases.store import WORKING, Release, list_releases, load_release, load_version

# The renderers are in noticegen.changes.render; the rest of the public API is re-exported here.
__all__ = [
    "BLOCK_NOUNS",
    "CONTACT_FIELDS",
    "FACT_NOUNS",
    "KINDS",
    "TOKEN",
    "Change",
    "ChangeSet",
    "compare",
    "diff_versions",
    "history",
    "version_label",
    "word_diff",
]


def diff_versions(
    root: Path | str, notice_id: str, from_version: str, to_version: str = WORKING
) -> ChangeSet:
    """Compare two releases ("1.0"), or a release and the working sources (`WORKING`)."""
    old = load_version(root, notice_id, from_version)
    new = load_version(root, notice_id, to_version)
    return compare(*old, *new, from_version=from_version, to_version=to_version)


def history(root: Path | str, notice_id: str) -> list[tuple[Release, ChangeSet | None]]:
    """Every release, newest first, with its changes since the release before (None: the first)."""
    out: list[tuple[Release, ChangeSet | None]] = []
    previous: tuple[str, Site, Notice] | None = None  # the release before: version, site, notice
    for release in list_releases(root, notice_id):
        _, site, notice = load_release(root, notice_id, release.version)
        changes = None
        if previous is not None:
            old_version, old_site, old_notice = previous
            changes = compare(
                old_site, old_notice, site, notice, from_version=old_version, to_version=release.version
            )
        out.append((release, changes))
        previous = (release.version, site, notice)
    return out[::-1]
