"""Releases of a notice: frozen, dated snapshots, so any past version can be shown again."""

# The public API, in one place for the website and the CLI; each part lives in its own module.
from noticegen.releases.making import PreparedRelease, make_release, prepare_release, write_release
from noticegen.releases.revive import SnapshotError, from_data
from noticegen.releases.store import (
    KINDS,
    RELEASES,
    WORKING,
    Release,
    list_releases,
    load_release,
    load_version,
    releases_dir,
    snapshot_path,
    version_key,
)

__all__ = [
    "KINDS",
    "RELEASES",
    "WORKING",
    "PreparedRelease",
    "Release",
    "SnapshotError",
    "from_data",
    "list_releases",
    "load_release",
    "load_version",
    "make_release",
    "prepare_release",
    "releases_dir",
    "snapshot_path",
    "version_key",
    "write_release",
]
