"""Released snapshots on disk: where they live, which exist, and each one rebuilt as released."""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from noticegen import hygiene
from noticegen.errors import UserError
from noticegen.model import Notice, Site, Text, current_key
from noticegen.releases.revive import SnapshotError, from_data
from noticegen.source import VERSION, load_project
from noticegen.source.schema import SLUG
from noticegen.source.yaml_nodes import rel
from noticegen.walk import replace_texts

KINDS = ("major", "minor")
WORKING = "working"  # not a release: the notice as its sources are now
# One file per release, <notice-id>/<version>.json, committed with the sources so a code review
# shows it: the canonical JSON of {"release": Release, "notice": Notice, "site": Site}. The site
# is frozen too, because what people were told includes the Data Protection Officer's contact
# details and the organisation's name and registration.
RELEASES = Path("notice_src") / "releases"


@dataclass(frozen=True)
class Release:
    """One release of a notice: which version, when, what kind, and the change note."""

    version: str
    date: dt.date
    kind: str  # "major" (announced to the people affected) or "minor" (no announcement)
    summary: str  # the change note, plain text as typed: escape it when showing it in HTML
    approved_by: str | None = None
    # What stood when it was released and did not stop it: translations out of date, check errors.
    warnings: tuple[str, ...] = ()

    @property
    def is_major(self) -> bool:
        return self.kind == "major"


def version_key(version: str) -> tuple[int, ...]:
    """Numeric sort key: "1.10" > "1.9", and "1" == "1.0" == "1.0.0"."""
    parts = [int(p) for p in version.split(".")]
    while len(parts) < 3:
        parts.append(0)
    return tuple(parts)


def _is_version(text: str) -> bool:
    return bool(VERSION.match(text))


def releases_dir(root: Path | str, notice_id: str) -> Path:
    # The id becomes part of a path, so anything but a slug is refused before it is used.
    if not SLUG.match(notice_id):
        raise UserError(f"'{notice_id}' is not a notice id: ids are lower-case letters, digits and hyphens")
    return Path(root) / RELEASES / notice_id


def snapshot_path(root: Path | str, notice_id: str, version: str) -> Path:
    if not _is_version(version):
        raise UserError(f"'{version}' is not a version: write it like 1.0 or 2.1")
    return releases_dir(root, notice_id) / f"{version}.json"


def list_releases(root: Path | str, notice_id: str) -> list[Release]:
    """Every release of the notice, oldest first (by version number)."""
    return [release for release, _ in _release_files(Path(root), notice_id)]


def load_release(root: Path | str, notice_id: str, version: str) -> tuple[Release, Site, Notice]:
    """One release as it was: its record, and the site and notice rebuilt from the snapshot."""
    root = Path(root)
    files = _release_files(root, notice_id)
    wanted = version_key(version) if _is_version(version) else None
    found = [(release, path) for release, path in files if version_key(release.version) == wanted]
    if not found:
        if not files:
            raise UserError(
                f"there are no releases of {notice_id} yet: release it first with "
                f'`noticegen release {notice_id} --major --summary "…"`'
            )
        known = ", ".join(release.version for release, _ in files)
        raise UserError(f"there is no release {version} of {notice_id}: choose one of {known}")
    release, path = found[0]
    site, notice = _revived(root, path, path.stat().st_mtime_ns)
    return release, site, notice


def _current(text: Text) -> Text:
    key = current_key(text.key)
    return text if key == text.key else replace(text, key=key)


@functools.lru_cache(maxsize=64)
def _revived(root: Path, path: Path, mtime: int) -> tuple[Site, Notice]:
    """A snapshot's site and notice; read once per build however many pages show them."""
    data = _read_snapshot(root, path)
    try:
        site, notice = (
            from_data(Site, data["site"], strict=False),
            from_data(Notice, data["notice"], strict=False),
        )
        # Snapshots made before block keys: their texts get today's keys, the same as the catalogs'.
        return replace_texts(site, _current), replace_texts(notice, _current)
    except SnapshotError as exc:
        raise UserError.at(
            rel(root, path),
            f"this snapshot does not fit the model ({exc}): it may "
            "have been edited by hand or made by a newer noticegen",
        ) from None


def load_version(root: Path | str, notice_id: str, version: str) -> tuple[Site, Notice]:
    """The site and notice of a release, or of the current sources when `version` is WORKING."""
    if version == WORKING:
        project, _ = load_project(root)
        return project.site, find_notice(project.notices, notice_id)
    _, site, notice = load_release(root, notice_id, version)
    return site, notice


def find_notice(notices: tuple[Notice, ...], notice_id: str) -> Notice:
    for notice in notices:
        if notice.id == notice_id:
            return notice
    raise UserError(f"there is no notice '{notice_id}': choose one of {', '.join(n.id for n in notices)}")


def _release_files(root: Path, notice_id: str) -> list[tuple[Release, Path]]:
    folder = releases_dir(root, notice_id)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        release = _read_release_record(root, path)
        if release.version != path.stem:
            raise UserError.at(
                rel(root, path),
                f"this snapshot is of version {release.version}, but its "
                f"file name says {path.stem}: restore it from git",
            )
        found.append((release, path))
    return sorted(found, key=lambda pair: version_key(pair[0].version))


def _read_snapshot(root: Path, path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError.at(
            rel(root, path), f"this release snapshot cannot be read ({exc}): restore it from git"
        ) from None
    if not isinstance(data, dict) or not {"release", "notice", "site"} <= data.keys():
        raise UserError.at(
            rel(root, path),
            "this is not a release snapshot (it needs 'release', 'notice' and 'site'): restore it from git",
        )
    problem = hygiene.data_problem(data)
    if problem:
        raise UserError.at(rel(root, path), f"{problem}: restore the snapshot from git")
    return data


def _read_release_record(root: Path, path: Path) -> Release:
    data = _read_snapshot(root, path)
    try:
        release = from_data(Release, data["release"], strict=False)
    except SnapshotError as exc:
        raise UserError.at(rel(root, path), f"the release record does not fit: {exc}") from None
    if not _is_version(release.version) or release.kind not in KINDS:
        raise UserError.at(
            rel(root, path), "the release record has a bad version or kind: restore it from git"
        )
    return release
