"""A killed, interrupted or concurrent build leaves a complete dist/: the old one or the new one."""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_build(root: Path, env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "noticegen", "build", "--root", str(root), "--format", "html,txt"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A project with dist/ built, plus the digests of the old and of the next (edited) build."""
    root = copy_root("basic", tmp_path)
    assert run_build(root, {}).returncode == 0
    old = digest(root / "dist")
    notice = root / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace("Who we are", "Who we are today"))
    reference = copy_root("basic", tmp_path / "reference")
    (reference / "notice_src/library.yaml").write_text(notice.read_text())
    assert run_build(reference, {}).returncode == 0
    return root, old, digest(reference / "dist")


@pytest.mark.parametrize("point", ["half-staged", "staged", "swap"])
def test_sigkill_leaves_old_or_new_dist(built, point: str) -> None:
    root, old, new = built
    result = run_build(root, {"NOTICEGEN_TEST_KILL_AT": point})
    assert result.returncode == -9, result.stderr
    assert digest(root / "dist") in (old, new)
    # The next build cleans up the stale staging folder and publishes the new site.
    assert run_build(root, {}).returncode == 0
    assert digest(root / "dist") == new
    assert not list((root / ".noticegen").glob(".staging-*"))


def test_ctrl_c_leaves_dist_unchanged(built, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    root, old, _ = built
    from noticegen.pipeline import output

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_swap", interrupt)
    assert main(["build", "--root", str(root), "--format", "html,txt"]) == 130
    assert digest(root / "dist") == old
    assert "dist/ was left as it was" in capsys.readouterr().err


def test_second_build_at_once_is_told_and_changes_nothing(built, capsys) -> None:
    root, old, _ = built
    work = root / ".noticegen"
    with open(work / "build.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        assert main(["build", "--root", str(root), "--format", "html,txt"]) == 2
    err = capsys.readouterr().err
    assert "another build of this project is running: wait for it to finish, then build again" in err
    assert digest(root / "dist") == old
