"""Releases: frozen, dated snapshots of a notice, so any past version can be shown again.

A release is one file, committed with the sources and readable in a code review:

    notice_src/releases/<notice-id>/<version>.json

holding the canonical JSON (sorted keys, indent 2, UTF-8, trailing newline) of

    {"release": {"version", "date", "kind", "summary", "approved_by"},
     "notice": <the validated Notice>, "site": <the validated Site>}

The site is frozen too: what a family was told includes the Data Protection Officer's contact
details and the organisation's name and registration. Source locations are not stored (they are
not content); `from_data` rebuilds the model dataclasses from the JSON, so a past version renders
exactly as it was released.

Public API (for the website and the CLI):

- `Release` — the release record; `Release.kind` is "major" (announced) or "minor" (not).
- `list_releases(root, notice_id) -> list[Release]` — oldest first, by version number
  ("1.10" comes after "1.9").
- `load_release(root, notice_id, version) -> (Release, Site, Notice)`.
- `load_version(root, notice_id, version) -> (Site, Notice)` — a release, or `WORKING` for the
  current sources.
- `make_release(root, notice_id, kind, summary, date=None, approved_by=None, today=...) -> Path`
  — `prepare_release` (every check; writes nothing) then `write_release` (one atomic write).
- `version_key(version)` — a sort key for version strings; `snapshot_path(root, notice_id, version)`.

Versioning rule (docs/releasing.md): the author raises `version:` in the notice's source before
releasing. A major release raises the first number (1.4 -> 2.0); a minor release keeps the first
number and raises the rest (1.0 -> 1.1, 1.9 -> 1.10). Every release is dated on or after the
release before it. Problems are `UserError`s (exit code 2) and nothing is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problem, Reporter, UserError
from .model import NOWHERE, Loc, Notice, Site
from .schema import SLUG
from .snapshot import canonical_json, to_data
from .source import VERSION, load_project
from .yamlsrc import load_yaml

KINDS = ("major", "minor")
WORKING = "working"
RELEASES = Path("notice_src") / "releases"


@dataclass(frozen=True)
class Release:
    """One release of a notice: which version, when, what kind, and the change note."""

    version: str
    date: dt.date
    kind: str  # "major" (announced to the people affected) or "minor" (no announcement)
    summary: str  # the change note, plain text as typed: escape it when showing it in HTML
    approved_by: str | None = None

    @property
    def is_major(self) -> bool:
        return self.kind == "major"


# -- versions --------------------------------------------------------------------------------


def version_key(version: str) -> tuple[int, ...]:
    """Numeric sort key: "1.10" > "1.9", and "1" == "1.0" == "1.0.0"."""
    parts = [int(p) for p in version.split(".")]
    while len(parts) < 3:
        parts.append(0)
    return tuple(parts)


def _valid_version(version: str) -> bool:
    return bool(VERSION.match(version))


# -- reading ---------------------------------------------------------------------------------


def releases_dir(root: Path | str, notice_id: str) -> Path:
    _check_id(notice_id)
    return Path(root) / RELEASES / notice_id


def snapshot_path(root: Path | str, notice_id: str, version: str) -> Path:
    if not _valid_version(version):
        raise UserError(f"'{version}' is not a version: write it like 1.0 or 2.1")
    return releases_dir(root, notice_id) / f"{version}.json"


def list_releases(root: Path | str, notice_id: str) -> list[Release]:
    """Every release of the notice, oldest first (by version number)."""
    return [release for release, _ in _release_files(Path(root), notice_id)]


def _release_files(root: Path, notice_id: str) -> list[tuple[Release, Path]]:
    folder = releases_dir(root, notice_id)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        release = _read_release(root, path)
        if release.version != path.stem:
            raise UserError.at(
                _rel(root, path),
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
            _rel(root, path), f"this release snapshot cannot be read ({exc}): restore it from git"
        ) from None
    if not isinstance(data, dict) or not {"release", "notice", "site"} <= data.keys():
        raise UserError.at(
            _rel(root, path),
            "this is not a release snapshot (it needs 'release', 'notice' and 'site'): restore it from git",
        )
    return data


def _read_release(root: Path, path: Path) -> Release:
    data = _read_snapshot(root, path)
    try:
        release = from_data(Release, data["release"], strict=False)
    except SnapshotError as exc:
        raise UserError.at(_rel(root, path), f"the release record does not fit: {exc}") from None
    if not _valid_version(release.version) or release.kind not in KINDS:
        raise UserError.at(
            _rel(root, path), "the release record has a bad version or kind: restore it from git"
        )
    return release


def load_release(root: Path | str, notice_id: str, version: str) -> tuple[Release, Site, Notice]:
    """One release as it was: its record, and the site and notice rebuilt from the snapshot."""
    root = Path(root)
    files = _release_files(root, notice_id)
    match = [
        path
        for release, path in files
        if _valid_version(version) and version_key(release.version) == version_key(version)
    ]
    if not match:
        if not files:
            raise UserError(
                f"there are no releases of {notice_id} yet: release it first with "
                f'`noticegen release {notice_id} --major --summary "…"`'
            )
        known = ", ".join(r.version for r, _ in files)
        raise UserError(f"there is no release {version} of {notice_id}: choose one of {known}")
    path = match[0]
    data = _read_snapshot(root, path)
    try:
        release = from_data(Release, data["release"], strict=False)
        site = from_data(Site, data["site"], strict=False)
        notice = from_data(Notice, data["notice"], strict=False)
    except SnapshotError as exc:
        raise UserError.at(
            _rel(root, path),
            f"this snapshot does not fit the model ({exc}): it may "
            "have been edited by hand or made by a newer noticegen",
        ) from None
    return release, site, notice


def load_version(root: Path | str, notice_id: str, version: str) -> tuple[Site, Notice]:
    """The site and notice of a release, or of the current sources when `version` is WORKING."""
    if version == WORKING:
        project, _ = load_project(root)
        return project.site, _find_notice(project.notices, notice_id)
    _, site, notice = load_release(root, notice_id, version)
    return site, notice


# -- making a release ------------------------------------------------------------------------


@dataclass(frozen=True)
class PreparedRelease:
    """A release that passed every check and is ready to write (nothing is written yet)."""

    root: Path
    release: Release
    site: Site
    notice: Notice
    previous: Release | None  # the release before this one, if any
    path: Path  # where the snapshot will be written
    report: Reporter  # the warnings found while loading the sources (they do not block)


def prepare_release(
    root: Path | str,
    notice_id: str,
    kind: str,
    summary: str,
    date: dt.date | None = None,
    approved_by: str | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> PreparedRelease:
    """Validate the sources and every release rule; raise UserError with all problems found."""
    root = Path(root)
    if kind not in KINDS:
        raise UserError(f"a release is major or minor, not '{kind}'")
    summary = " ".join(summary.split())
    if not summary:
        raise UserError('the change note is empty: say what changed with --summary "…"')
    approved_by = " ".join((approved_by or "").split()) or None
    project, report = load_project(root)  # source errors refuse the release, with every error
    notice = _find_notice(project.notices, notice_id)
    date = date or today()
    release = Release(notice.version, date, kind, summary, approved_by)
    history = list_releases(root, notice_id)
    previous = history[-1] if history else None
    problems = _release_problems(root, notice, release, history)
    if problems:
        raise UserError(problems)
    path = snapshot_path(root, notice_id, notice.version)
    return PreparedRelease(root, release, project.site, notice, previous, path, report)


def _release_problems(root: Path, notice: Notice, release: Release, history: list[Release]) -> list[Problem]:
    if not history:
        return []
    source = notice.loc.path
    where = _version_loc(root, notice)
    last = history[-1]
    new, old = version_key(release.version), version_key(last.version)
    problems = []
    if any(version_key(r.version) == new for r in history):
        problems.append(
            Problem(
                where,
                "error",
                f"version {release.version} of {notice.id} is released "
                f"already: raise `version:` in {source} first",
            )
        )
    elif new < old:
        problems.append(
            Problem(
                where,
                "error",
                f"version {release.version} of {notice.id} is lower than its "
                f"last release, {last.version}: raise `version:` in {source} "
                f"above {last.version}",
            )
        )
    if release.date < last.date:
        problems.append(
            Problem(
                Loc(""),
                "error",
                f"the release date {release.date} is before the last release "
                f"of {notice.id} ({last.version}, released on {last.date}): "
                f"give --date {last.date} or later",
            )
        )
    return problems


def write_release(prepared: PreparedRelease) -> Path:
    """Write the snapshot atomically (a temporary file, then a rename); return its path."""
    data = {
        "release": to_data(prepared.release),
        "notice": to_data(prepared.notice),
        "site": to_data(prepared.site),
    }
    text = canonical_json(data)
    folder = prepared.path.parent
    folder.mkdir(parents=True, exist_ok=True)
    if prepared.path.exists():  # made by someone else since prepare_release looked
        raise UserError.at(
            _rel(prepared.root, prepared.path), "this release exists already: nothing was written"
        )
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, prepared.path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return prepared.path


def make_release(
    root: Path | str,
    notice_id: str,
    kind: str,
    summary: str,
    date: dt.date | None = None,
    approved_by: str | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> Path:
    """Check and write a release of the version in the notice's source; return the snapshot's path."""
    return write_release(prepare_release(root, notice_id, kind, summary, date, approved_by, today))


# -- helpers ---------------------------------------------------------------------------------


def _check_id(notice_id: str) -> None:
    if not SLUG.match(notice_id):
        raise UserError(f"'{notice_id}' is not a notice id: ids are lower-case letters, digits and hyphens")


def _find_notice(notices: tuple[Notice, ...], notice_id: str) -> Notice:
    for notice in notices:
        if notice.id == notice_id:
            return notice
    raise UserError(f"there is no notice '{notice_id}': choose one of {', '.join(n.id for n in notices)}")


def _version_loc(root: Path, notice: Notice) -> Loc:
    """Where the notice's `version:` value is written, for messages; the file when unknown."""
    try:
        node = load_yaml(notice.loc.path, (root / notice.loc.path).read_bytes())
        return node.value["version"].node.loc  # type: ignore[index,union-attr]
    except (OSError, UserError, KeyError, TypeError, AttributeError):
        return Loc(notice.loc.path)


def _rel(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


# -- JSON back into the model ----------------------------------------------------------------


class SnapshotError(ValueError):
    """The JSON does not fit the dataclass it should become; the message names where."""


def from_data(cls: type, data: Any, strict: bool = True) -> Any:
    """Rebuild a model dataclass from `to_data` output (the inverse of snapshot.to_data).

    Generic over the model: reads each dataclass's fields and their type hints (Text, nested
    dataclasses, tuples, `X | None`, dates, str/int/bool). Location fields get their default
    (or NOWHERE): they are not stored. Missing fields with a default get the default (a field
    added to the model since the snapshot); wrong types raise SnapshotError, and so do unknown
    keys unless `strict` is False (load_release reads old snapshots that way, so a field
    removed from the model does not make the history unreadable).
    """
    return _value(cls, data, "", strict)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _value(tp: Any, data: Any, where: str, strict: bool) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        if len(options) != 1:
            raise SnapshotError(f"{where or 'the top'}: cannot read a value of type {tp}")
        return _value(options[0], data, where, strict)
    if data is None:
        raise SnapshotError(f"{where or 'the top'}: a value is missing (null)")
    if origin is tuple:
        if not isinstance(data, list):
            raise SnapshotError(f"{where}: expected a list")
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], v, f"{where}/{n}", strict) for n, v in enumerate(data))
        if len(args) != len(data):
            raise SnapshotError(f"{where}: expected {len(args)} values")
        return tuple(
            _value(a, v, f"{where}/{n}", strict) for n, (a, v) in enumerate(zip(args, data, strict=True))
        )
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp, data, where, strict)
    if tp is dt.date:
        try:
            return dt.date.fromisoformat(data)
        except (TypeError, ValueError):
            raise SnapshotError(f"{where}: expected a date like 2024-09-01") from None
    if tp in (str, int, bool):
        if type(data) is not tp:
            raise SnapshotError(f"{where}: expected {tp.__name__}, found {type(data).__name__}")
        return data
    raise SnapshotError(f"{where}: cannot read a value of type {tp}")


def _dataclass(cls: type, data: Any, where: str, strict: bool) -> Any:
    if not isinstance(data, dict):
        raise SnapshotError(f"{where or 'the top'}: expected an object for {cls.__name__}")
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown and strict:
        raise SnapshotError(f"{where or 'the top'}: unknown key '{unknown[0]}' in {cls.__name__}")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if hints[name] is Loc:
            if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                values[name] = NOWHERE
            continue
        if name not in data:
            if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                raise SnapshotError(f"{where or 'the top'}: '{name}' is missing from {cls.__name__}")
            continue
        values[name] = _value(hints[name], data[name], f"{where}/{name}", strict)
    return cls(**values)
