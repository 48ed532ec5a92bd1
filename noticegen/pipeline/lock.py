"""One build at a time per project: .noticegen/build.lock, which records who holds it.

The lock is an flock on the file, which the kernel frees when its holder dies. The file says which
process holds it (PID and start time), so that a lock still held by processes a killed build left
behind (older versions, or a system without PR_SET_PDEATHSIG) is recognised as stale and taken
over with a message, instead of blocking every later build.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from noticegen.errors import UserError


def _identity(pid: int) -> str:
    """`PID START`: the start time (clock ticks since boot) tells a reused PID from the owner."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return f"{pid} {fields[19]}"
    except (OSError, IndexError):
        return f"{pid} ?"


def _alive(owner: str) -> bool:
    """Is the process written in the lock file still running (and the same process)?"""
    try:
        pid = int(owner.split()[0])
    except (ValueError, IndexError):
        return True  # written by something else: assume a build is running
    if pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _identity(pid) == owner.strip() or owner.strip().endswith("?")


def _owner(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 200).decode("ascii", "replace").strip()


def _take(path: Path) -> int:
    """An fd holding the lock on the file now at `path`; a stale lock is taken over."""
    for _ in range(5):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            owner = _owner(fd)
            if not owner or _alive(owner):
                os.close(fd)
                running = f" (process {owner.split()[0]})" if owner else ""
                raise UserError.at(
                    path,
                    f"another build of this project is running{running}: wait for it to finish, then build again",
                ) from None
            _replace_stale(path, fd, owner)
            continue
        if not _same_file(fd, path):  # replaced by a takeover between open and flock
            os.close(fd)
            continue
        previous = _owner(fd)
        if previous and not _alive(previous):
            print(
                f"noticegen: a previous build (process {previous.split()[0]}) was stopped before it "
                "finished; its lock is taken over",
                file=sys.stderr,
            )
        return fd
    raise UserError.at(path, "the build lock keeps changing: is another build starting? Try again")


def _replace_stale(path: Path, fd: int, owner: str) -> None:
    """Unlink a lock file still locked by leftovers of a dead build, so a fresh one can be made."""
    if _same_file(fd, path):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    os.close(fd)
    print(
        f"noticegen: the build lock was held by what is left of a stopped build (process "
        f"{owner.split()[0]}); it is taken over",
        file=sys.stderr,
    )


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


@contextlib.contextmanager
def build_lock(work: Path) -> Iterator[None]:
    """Hold the project's build lock; a second build is told, not queued."""
    if work.exists() and not work.is_dir():
        raise UserError.at(
            work,
            "this should be noticegen's working folder, but it is a file: delete or rename it, "
            "then build again (it holds only caches)",
        )
    work.mkdir(parents=True, exist_ok=True)
    path = work / "build.lock"
    fd = _take(path)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{_identity(os.getpid())}\n".encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # a build that ends, well or not, leaves no owner behind
        os.close(fd)
