"""Making a release: check every rule with nothing written, then write the snapshot atomically."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from noticegen import hygiene
from noticegen.errors import Problem, Reporter, UserError
from noticegen.model import Loc, Notice, Site
from noticegen.releases.snapshot import canonical_json, to_data
from noticegen.releases.store import (
    KINDS,
    Release,
    find_notice,
    list_releases,
    snapshot_path,
    version_key,
)
from noticegen.source import load_project
from noticegen.source.yaml_nodes import load_yaml, rel


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
    """Validate the sources and every release rule; raise UserError with all problems found.

    The version released is the one written in the notice's source: the author raises it first.
    """
    root = Path(root)
    if kind not in KINDS:
        raise UserError(f"a release is major or minor, not '{kind}'")
    if hygiene.value_problem(summary):
        raise UserError(f"--summary: {hygiene.value_problem(summary)}: type the change note again")
    summary = " ".join(summary.split())
    if not summary:
        raise UserError('the change note is empty: say what changed with --summary "…"')
    approved_by = " ".join((approved_by or "").split()) or None
    project, report = load_project(root)  # source errors refuse the release, with every error
    notice = find_notice(project.notices, notice_id)
    release = Release(notice.version, date or today(), kind, summary, approved_by)
    earlier = list_releases(root, notice_id)
    problems = _release_problems(root, notice, release, earlier)
    if problems:
        raise UserError(problems)
    path = snapshot_path(root, notice_id, notice.version)
    previous = earlier[-1] if earlier else None
    return PreparedRelease(root, release, project.site, notice, previous, path, report)


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
            rel(prepared.root, prepared.path), "this release exists already: nothing was written"
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
    """`prepare_release` then `write_release`; return the snapshot's path.

    The parameters repeat prepare_release's on purpose, so help() and type checkers show them.
    """
    return write_release(prepare_release(root, notice_id, kind, summary, date, approved_by, today))


def _release_problems(root: Path, notice: Notice, release: Release, earlier: list[Release]) -> list[Problem]:
    """The rules a release breaks, given the releases before it (oldest first).

    Only two (docs/releasing.md): the version is higher than the last release's, and the date is
    not before it. Major or minor is the author's choice, not read from the number.
    """
    if not earlier:
        return []
    source = notice.loc.path
    where = _version_loc(root, notice)
    last = earlier[-1]
    new, old = version_key(release.version), version_key(last.version)
    problems = []
    if any(version_key(r.version) == new for r in earlier):
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


def _version_loc(root: Path, notice: Notice) -> Loc:
    """Where the notice's `version:` value is written, for messages; the file when unknown."""
    try:
        node = load_yaml(notice.loc.path, (root / notice.loc.path).read_bytes())
        return node.value["version"].node.loc  # type: ignore[index,union-attr]
    except (OSError, UserError, KeyError, TypeError, AttributeError):
        return Loc(notice.loc.path)
