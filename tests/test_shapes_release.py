"""Releases keep the new shapes: a notice with nested lists, tables, details, schedules and its own
controllers is frozen, read back equal, and compared with an edited working copy without fault."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

from conftest import ROOT

from noticegen.changes import diff_versions
from noticegen.cli import main
from noticegen.model import Notice
from noticegen.releases import WORKING, from_data, load_release
from noticegen.releases.snapshot import canonical_json, to_data
from noticegen.source import load_project

FIXTURE = ROOT / "tests/fixtures/shapes/central-bedfordshire.yaml"
NOTICE = "central-bedfordshire"


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    shutil.copy(FIXTURE, root / "notice_src" / FIXTURE.name)
    return root


def test_snapshot_json_round_trips_every_new_type(tmp_path: Path) -> None:
    project, _ = load_project(site(tmp_path))
    notice = next(n for n in project.notices if n.id == NOTICE)
    data = json.loads(canonical_json(notice))
    revived = from_data(Notice, data)
    assert revived == notice
    assert canonical_json(revived) == canonical_json(notice)
    assert data["controllers"][0]["ico_registration"] == "Z5667311"
    assert data["sections"][1]["blocks"][1]["items"][0]["items"][0]["items"][0]["numbering"] == "lower-roman"


def test_a_release_is_read_back_equal_and_diffs_against_edits(tmp_path: Path) -> None:
    root = site(tmp_path)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["release", NOTICE, "--root", str(root), "--major", "--summary", "First version"])
    assert code == 0
    project, _ = load_project(root)
    notice = next(n for n in project.notices if n.id == NOTICE)
    _, _, frozen = load_release(root, NOTICE, "1.2")
    assert to_data(frozen) == to_data(notice)
    assert diff_versions(root, NOTICE, "1.2", WORKING).is_empty
    path = root / "notice_src" / FIXTURE.name
    text = path.read_text(encoding="utf-8")
    text = text.replace("in the spring term", "in the summer term")
    text = text.replace("Capita plc, text:", "Capita Group plc, text:")
    text = text.replace(
        "- [Evaluation store,", "- [Archive, Old case files, Capita plc]\n            - [Evaluation store,"
    )
    text = text.replace("value: Approved}", "value: Approved again}")
    path.write_text(text, encoding="utf-8")
    changes = diff_versions(root, NOTICE, "1.2", WORKING)
    assert not changes.is_empty
    assert "summer term" in json.dumps(to_data(changes))


def test_both_walks_meet_every_new_text(tmp_path: Path) -> None:
    from noticegen.walk import texts, walk

    project, _ = load_project(site(tmp_path))
    notice = next(n for n in project.notices if n.id == NOTICE)
    walked = {text.key for _, _, text in walk(notice) if text is not None}
    visited = {text.key for text, _ in texts(notice)}
    assert walked == visited
    assert f"{NOTICE}/block/criteria/education/more1" in walked
    assert f"{NOTICE}/controllers/central-bedfordshire/address" in walked
