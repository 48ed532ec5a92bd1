"""A stopped or killed build never locks the next one, and leaves dist/ whole (issue 15).

Kill moments are random but seeded (the same every run) and bounded by the length of a normal
build; every wait has a generous timeout, and no assertion depends on how fast the machine is.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_root

HANG = 300  # seconds: far longer than any build here takes; only a hang reaches it


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def command(root: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "noticegen", "build", "--root", str(root), "-j", "2", *extra]


def run(root: Path, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        command(root, "--force"),
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=HANG,
        **kwargs,
    )


def sums_hold(dist: Path) -> bool:
    lines = (dist / "SHA256SUMS").read_text().splitlines()
    return all(
        hashlib.sha256((dist / name).read_bytes()).hexdigest() == checksum
        for checksum, name in (line.split("  ", 1) for line in lines)
    )


def session_processes(session: int) -> list[int]:
    """Processes still alive in the build's session (the build and its workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def wait_until_gone(session: int) -> list[int]:
    deadline = time.monotonic() + 30
    while session_processes(session) and time.monotonic() < deadline:
        time.sleep(0.05)
    return session_processes(session)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """The basic project built once with every format, and how long a forced build took."""
    root = copy_root("basic", tmp_path_factory.mktemp("stopping"))
    started = time.monotonic()
    assert run(root).returncode == 0
    return root, time.monotonic() - started


@pytest.mark.parametrize("number", range(4))
def test_kill_at_a_random_moment_then_the_next_build_runs(project, number: int) -> None:
    root, seconds = project
    before = digest(root / "dist")
    chance = random.Random(1500 + number)
    moment = chance.uniform(0.1, max(0.2, seconds * 0.9))
    how = (signal.SIGKILL, signal.SIGTERM)[number % 2]
    build = subprocess.Popen(
        command(root, "--force"),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(moment)
    build.send_signal(how)
    _, err = build.communicate(timeout=HANG)
    assert not wait_until_gone(build.pid), "a worker outlived the killed build"
    if build.returncode != 0:  # the build had not finished: it was stopped
        # -15: SIGTERM came while Python was still starting, before noticegen could handle it.
        assert build.returncode in (-9, -15, 128 + signal.SIGTERM), (build.returncode, err)
        assert digest(root / "dist") == before
    if how == signal.SIGTERM and build.returncode == 143:
        assert "stopped by SIGTERM; dist/ was left as it was" in err
    after = run(root)  # starts at once: no stale lock to wait for
    assert after.returncode == 0, after.stderr
    assert "another build" not in after.stderr
    assert sums_hold(root / "dist")
    assert digest(root / "dist") == before  # the same sources give the same site


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_their_build(project, tmp_path: Path, how: int) -> None:
    """Workers stuck in a layout that never ends die with the build, however it is stopped."""
    root, _ = project
    marker = tmp_path / "hanging"
    build = subprocess.Popen(
        command(root, "--force"),
        start_new_session=True,
        env={**os.environ, "NOTICEGEN_TEST_HANG_WORKER": str(marker)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + HANG
    while len(list(tmp_path.glob("hanging.*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)  # both workers are inside a layout
    hung = [int(p.suffix[1:]) for p in tmp_path.glob("hanging.*")]
    assert len(hung) == 2
    build.send_signal(how)
    build.wait(timeout=HANG)
    after = run(root)  # at once, while a surviving worker would still hold the lock
    assert after.returncode == 0, after.stderr
    assert not wait_until_gone(build.pid), "a worker outlived its build"


@pytest.mark.parametrize("name,code", [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_signal_stops_the_build_like_ctrl_c(project, name: str, code: int) -> None:
    root, _ = project
    before = digest(root / "dist")
    # SIGINT is ignored by the shell for a background job: the build must still obey it.
    ignore = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if name == "SIGINT" else None
    result = run(
        root,
        {"NOTICEGEN_TEST_KILL_AT": "rendering", "NOTICEGEN_TEST_SIGNAL": name},
        preexec_fn=ignore,
        start_new_session=True,
    )
    assert result.returncode == code, result.stderr
    assert "dist/ was left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(root / "dist") == before
    assert not list((root / ".noticegen").glob(".staging-*"))
    assert run(root).returncode == 0


def test_a_lock_left_by_a_dead_build_is_taken_over(project) -> None:
    """Leftovers of an old killed build still hold the flock; the file names a dead process."""
    root, _ = project
    gone = subprocess.Popen(["true"])
    gone.wait()
    lock = root / ".noticegen/build.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,sys,time\n"
            f"f=open({str(lock)!r},'w'); fcntl.flock(f, fcntl.LOCK_EX); f.write('{gone.pid} 1\\n'); f.flush()\n"
            "print('held', flush=True); time.sleep(600)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = run(root)
        assert result.returncode == 0, result.stderr
        assert f"process {gone.pid}" in result.stderr and "taken over" in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_a_live_build_is_not_taken_over(project) -> None:
    root, _ = project
    lock = root / ".noticegen/build.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,os,time\n"
            f"f=open({str(lock)!r},'w'); fcntl.flock(f, fcntl.LOCK_EX)\n"
            "stat=open(f'/proc/{os.getpid()}/stat').read().rsplit(')',1)[1].split()\n"
            "f.write(f'{os.getpid()} {stat[19]}\\n'); f.flush(); print('held', flush=True); time.sleep(600)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = run(root)
        assert result.returncode == 2
        assert f"another build of this project is running (process {holder.pid})" in result.stderr
    finally:
        holder.kill()
        holder.wait()
