"""Write a build into a staging folder, then swap it into place in one atomic step."""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import os
import shutil
import signal
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from noticegen.builders.job import Artifact
from noticegen.errors import UserError

MARKER = ".noticegen-output"
RENAME_EXCHANGE = 2


@dataclass(frozen=True)
class WriteSummary:
    """Of the files a build made: how many were written and how many were already there as they
    are; `kept`: files of a partial build's other notices, carried over from the last build."""

    written: int
    unchanged: int
    kept: int = 0


def check_paths(artifacts: list[Artifact]) -> None:
    """Refuse a path that escapes the output folder, or one file made twice."""
    seen: set[str] = set()
    for artifact in artifacts:
        path = PurePosixPath(artifact.path)
        if path.is_absolute() or ".." in path.parts or not path.parts or artifact.path in (MARKER,):
            raise UserError.at(artifact.path, "a build made a file outside the output folder")
        if artifact.path in seen:
            raise UserError.at(artifact.path, "two parts of the build made the same file")
        seen.add(artifact.path)


def check_out_dir(out: Path) -> None:
    """`--out` may replace only an empty folder or one this tool made."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise UserError.at(out, "the output path exists and is not a folder: choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UserError.at(
            out,
            "this folder is not empty and was not made by noticegen; "
            "it will not be replaced: choose an empty or new folder for --out",
        )


def publish(artifacts: list[Artifact], out: Path, work: Path, keep_others: bool = False) -> WriteSummary:
    """Make every file in staging, then exchange staging and `out` atomically.

    With keep_others (a build of some notices only), published files this build did not
    make are carried over, so a partial build never removes other notices.
    """
    check_paths(artifacts)
    kept = _carried_over(out, {a.path for a in artifacts}) if keep_others else []
    artifacts = artifacts + kept
    check_out_dir(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    parent = _staging_parent(out, work)
    _remove_stale(parent)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=parent))
    try:
        os.chmod(staging, 0o777 & ~umask())  # mkdtemp makes 0700: a web server could not read it
        unchanged = _fill(staging, artifacts, out)
        _sync_folders(staging)
        _test_hook("staged")
        _swap(staging, out)
        _sync(out.parent)  # the exchange itself reaches the disk
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)  # after the exchange it holds the old build
    return WriteSummary(len(artifacts) - unchanged, unchanged - len(kept), len(kept))


def _fill(staging: Path, artifacts: list[Artifact], old: Path) -> int:
    unchanged = 0
    ordered = sorted(artifacts, key=lambda a: a.path)
    sums = "".join(f"{hashlib.sha256(a.data).hexdigest()}  {a.path}\n" for a in ordered)
    marker = "made by noticegen; this folder is replaced by each build\n"
    extra = [Artifact("SHA256SUMS", sums.encode()), Artifact(MARKER, marker.encode())]
    for number, artifact in enumerate(ordered + extra, start=1):
        target = staging / artifact.path
        target.parent.mkdir(parents=True, exist_ok=True)
        previous = old / artifact.path
        if _same(previous, artifact.data):
            os.link(previous, target)  # keeps the old file's mtime: nothing changed
            unchanged += number <= len(ordered)
        else:
            _write(target, artifact.data)
        if number == len(ordered) // 2:
            _test_hook("half-staged")
    return unchanged


def umask() -> int:
    """The process's umask, read without changing it (Linux), else set and restored at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def _write(target: Path, data: bytes) -> None:
    """A new file (mode from the umask), on the disk before the swap can publish it."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folders(staging: Path) -> None:
    """Every folder's entries on the disk, deepest first, then the staging folder itself."""
    folders = sorted((p for p in staging.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts))
    for folder in [*folders, staging]:
        _sync(folder)


def _carried_over(out: Path, made: set[str]) -> list[Artifact]:
    if not (out / MARKER).exists():
        return []
    kept = []
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in made and rel not in (MARKER, "SHA256SUMS"):
            kept.append(Artifact(rel, path.read_bytes()))
    return kept


def _same(path: Path, data: bytes) -> bool:
    try:
        return (
            path.is_file()
            and not path.is_symlink()
            and path.stat().st_size == len(data)
            and path.read_bytes() == data
        )
    except OSError:
        return False


def _staging_parent(out: Path, work: Path) -> Path:
    """Staging must be on the same file system as `out` for the swap to be atomic."""
    work.mkdir(parents=True, exist_ok=True)
    if os.stat(work).st_dev == os.stat(out.parent).st_dev:
        return work
    return out.parent


def _remove_stale(parent: Path) -> None:
    for stale in parent.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        os.rename(staging, out)
        staging.mkdir()
        return
    _test_hook("swap")
    if not _exchange(staging, out):
        # No atomic exchange on this system: the narrowest window we can get.
        old = staging.with_name(staging.name + "-old")
        os.rename(out, old)
        os.rename(staging, out)
        os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _test_hook(point: str) -> None:
    """Tests stop the build at a named point (SIGKILL, or NOTICEGEN_TEST_SIGNAL) to prove the swap
    is all or nothing and that a stopped build cleans up."""
    if os.environ.get("NOTICEGEN_TEST_KILL_AT") == point:
        name = os.environ.get("NOTICEGEN_TEST_SIGNAL", "SIGKILL")
        os.kill(os.getpid(), getattr(signal, name, signal.SIGKILL))
