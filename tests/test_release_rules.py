"""What a release refuses (nothing changed) and what it records (warnings that did not stop it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, copy_root
from test_release import cli, refused, release, set_version

from noticegen.releases import list_releases

NOTICE = "notice_src/library.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_root("basic", tmp_path)


def first(root: Path) -> None:
    assert release(root, "--major", "--summary", "First.", "--date", "2024-04-01") == 0
    set_version(root, "1.3")


def test_a_release_with_no_change_is_refused(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first(root)
    err = refused(root, capsys, "--major", "--summary", "Again.", "--date", "2024-05-01")
    assert "nothing people read in library has changed since 1.2" in err and "--allow-no-change" in err
    assert "Traceback" not in err


def test_a_new_review_date_alone_is_not_a_change(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first(root)
    path = root / NOTICE
    path.write_text(path.read_text().replace("review_by: 2025-04-01", "review_by: 2026-04-01"))
    err = refused(root, capsys, "--minor", "--summary", "Reviewed.", "--date", "2024-05-01")
    assert "--allow-no-change" in err


def test_allow_no_change_releases_it_on_purpose(root: Path) -> None:
    first(root)
    assert (
        release(root, "--minor", "--summary", "Re-approved.", "--date", "2024-05-01", "--allow-no-change")
        == 0
    )
    assert [r.version for r in list_releases(root, "library")] == ["1.2", "1.3"]


def test_stale_translations_are_warned_about_and_recorded(tmp_path: Path, capsys) -> None:
    seed = tmp_path / "seed"
    shutil.copytree(ROOT / "notice_src", seed / "notice_src")
    shutil.copytree(ROOT / "locales", seed / "locales")
    path = seed / "notice_src/supporting-families.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('version: "1.0"', 'version: "1.1"').replace(
        "as well as keep it safe and secure.", "as well as keep it safe."
    )
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = cli("release", "supporting-families", "--root", str(seed), "--minor", "--summary", "Shorter.")
    err = capsys.readouterr().err
    assert code == 0, err
    assert "warning: the pl translation is out of date" in err
    data = json.loads((seed / "notice_src/releases/supporting-families/1.1.json").read_text())
    assert any(w.startswith("the pl translation is out of date") for w in data["release"]["warnings"])
