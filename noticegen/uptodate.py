"""Is the last build still up to date? Decided before loading anything, so a build with nothing
changed takes a fraction of a second.

A stamp in .noticegen/ records, for one output folder and one set of options, the hash of every
input (sources, catalogs, templates, noticegen's own code, SOURCE_DATE_EPOCH and today's date,
which the checks read) and the size and time of every file the build published. The build is
up to date when the inputs hash the same and every published file is still as it was written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from noticegen import __version__

PACKAGE = Path(__file__).resolve().parent
BUILTIN_TEMPLATES = PACKAGE.parent / "templates"
INPUT_FOLDERS = ("notice_src", "locales", "templates")


def _tree(hasher: hashlib._Hash, base: Path) -> None:
    if not base.is_dir():
        return
    for path in sorted(base.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            hasher.update(path.relative_to(base).as_posix().encode() + b"\0")
            hasher.update(hashlib.sha256(path.read_bytes()).digest())


def fingerprint(root: Path, options: dict, today: dt.date) -> str:
    """Every input of a build with these options, as one hash."""
    hasher = hashlib.sha256()
    hasher.update(
        json.dumps(
            [__version__, options, os.environ.get("SOURCE_DATE_EPOCH", ""), today.isoformat()]
        ).encode()
    )
    for name in INPUT_FOLDERS:
        hasher.update(f"\0{name}\0".encode())
        _tree(hasher, root / name)
    for folder in (BUILTIN_TEMPLATES, PACKAGE):
        hasher.update(b"\0builtin\0")
        _tree(hasher, folder)
    return hasher.hexdigest()


def _stamp_path(root: Path, out: Path) -> Path:
    return (
        root / ".noticegen" / f"uptodate-{hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:12]}.json"
    )


def _files(out: Path) -> dict[str, list[int]]:
    found = {}
    for path in out.rglob("*"):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(out).as_posix()] = [info.st_size, info.st_mtime_ns]
    return found


def fresh(root: Path, out: Path, inputs: str) -> dict | None:
    """What the last build said (files, checks, problems) if it is still up to date, else None."""
    try:
        stamp = json.loads(_stamp_path(root, out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("inputs") != inputs or not _well_formed(stamp.get("said")):
        return None  # another build's, or damaged: the build runs, and writes a new one
    try:
        if _files(out) != stamp.get("files"):
            return None
    except OSError:
        return None
    return stamp["said"]


def _well_formed(said: object) -> bool:
    return (
        isinstance(said, dict)
        and isinstance(said.get("files"), int)
        and isinstance(said.get("checks"), str)
        and isinstance(said.get("problems"), list)
        and all(isinstance(p, str) for p in said["problems"])
    )


def record(root: Path, out: Path, inputs: str, said: dict) -> None:
    """Remember a finished build; a stamp that cannot be written only makes the next build slower."""
    path = _stamp_path(root, out)
    stamp = {"inputs": inputs, "files": _files(out), "said": said}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(stamp, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass


def forget(root: Path, out: Path) -> None:
    _stamp_path(root, out).unlink(missing_ok=True)
