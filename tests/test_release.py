"""Releases: snapshots that round-trip, refusals that write nothing, and `noticegen diff`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from conftest import ROOT, ROOTS, copy_root

from noticegen.cli import main
from noticegen.errors import UserError
from noticegen.model import Notice, Site, current_key
from noticegen.releases import (
    SnapshotError,
    from_data,
    list_releases,
    load_release,
    make_release,
    snapshot_path,
    version_key,
)
from noticegen.releases.snapshot import canonical_json, to_data
from noticegen.source import load_project

NOTICE = "notice_src/library.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_root("basic", tmp_path)


def cli(*args: str) -> int:
    """The exit code of a command, whether it returns it or argparse exits with it."""
    try:
        return main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)


def release(root: Path, *args: str) -> int:
    return cli("release", "library", "--root", str(root), *args)


def set_version(root: Path, version: str) -> None:
    path = root / NOTICE
    text = path.read_text(encoding="utf-8")
    start = text.index('version: "') + len('version: "')
    path.write_text(text[:start] + version + text[text.index('"', start) :], encoding="utf-8")


def tree(root: Path) -> dict[str, str]:
    """Every file and folder under root, with each file's digest."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(root.rglob("*"))
    }


def refused(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a release that must be refused: exit code 2, nothing written; return stderr."""
    capsys.readouterr()
    before = tree(root)
    assert release(root, *args) == 2
    assert tree(root) == before
    out, err = capsys.readouterr()
    assert out == ""
    return err


# -- snapshots -------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [ROOT, ROOTS / "basic"], ids=["seed", "basic"])
def test_snapshot_round_trip(source: Path) -> None:
    project, _ = load_project(source)
    assert to_data(from_data(Site, to_data(project.site))) == to_data(project.site)
    for notice in project.notices:
        assert to_data(from_data(Notice, to_data(notice))) == to_data(notice)
        rebuilt = from_data(Notice, json.loads(json.dumps(to_data(notice))))
        assert rebuilt.effective == notice.effective and rebuilt.sections == notice.sections


def test_release_writes_a_canonical_snapshot(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        release(
            root,
            "--major",
            "--summary",
            "First publication.",
            "--date",
            "2024-04-01",
            "--approved-by",
            "Jo Bloggs, Head of Libraries",
        )
        == 0
    )
    path = root / "notice_src/releases/library/1.2.json"
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == canonical_json(data) and text.endswith("}\n")
    assert sorted(data) == ["notice", "release", "site"]
    warnings = data["release"].pop("warnings")  # the check errors that stood, recorded
    assert len(warnings) == 5 and warnings[0].startswith("notice_src/library.yaml:16:7: special-category")
    assert data["release"] == {
        "version": "1.2",
        "date": "2024-04-01",
        "kind": "major",
        "summary": "First publication.",
        "approved_by": "Jo Bloggs, Head of Libraries",
    }
    project, _ = load_project(root)
    assert data["notice"] == to_data(project.notices[0]) and data["site"] == to_data(project.site)
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary file left
    out = capsys.readouterr().out
    assert "released library 1.2 (major, 2024-04-01): wrote " in out
    assert "this is the first release of library" in out


def test_a_past_version_keeps_its_content(root: Path) -> None:
    make_release(root, "library", "major", "First publication.", dt.date(2024, 4, 1))
    set_version(root, "1.3")
    notice = root / NOTICE
    notice.write_text(notice.read_text().replace("title: Who we are", "title: About us"))
    site = root / "notice_src/site.yaml"
    site.write_text(site.read_text().replace("dpo@example.gov.uk", "privacy@example.gov.uk"))
    make_release(root, "library", "minor", "Clearer section title.", dt.date(2024, 5, 1))
    first, old_site, old_notice = load_release(root, "library", "1.2")
    assert first.version == "1.2" and first.summary == "First publication." and first.approved_by is None
    assert old_notice.sections[0].title.value == "Who we are" and old_site.dpo.email == "dpo@example.gov.uk"
    _, new_site, new_notice = load_release(root, "library", "1.3")
    assert new_notice.sections[0].title.value == "About us" and new_site.dpo.email == "privacy@example.gov.uk"


def test_releases_are_sorted_by_version_number(root: Path) -> None:
    make_release(root, "library", "major", "First.", dt.date(2024, 4, 1))
    for version in ("1.9", "1.10"):
        set_version(root, version)
        make_release(root, "library", "minor", f"Version {version}.", dt.date(2024, 4, 2))
    assert [r.version for r in list_releases(root, "library")] == ["1.2", "1.9", "1.10"]
    assert version_key("1.10") > version_key("1.9") and version_key("1") == version_key("1.0")


def test_the_date_defaults_to_today(root: Path) -> None:
    path = make_release(root, "library", "major", "First.", today=lambda: dt.date(2024, 6, 1))
    assert path == snapshot_path(root, "library", "1.2")
    assert list_releases(root, "library")[0].date == dt.date(2024, 6, 1)


def assert_kept(frozen, rebuilt, where: str) -> None:
    """Every value in the frozen data is in the rebuilt data (which may have more keys)."""
    if isinstance(frozen, dict):
        assert isinstance(rebuilt, dict), where
        for key, value in frozen.items():
            assert key in rebuilt, f"{where}/{key} is in the snapshot but the model lost it"
            assert_kept(value, rebuilt[key], f"{where}/{key}")
    elif isinstance(frozen, list):
        assert isinstance(rebuilt, list) and len(rebuilt) == len(frozen), where
        for n, (a, b) in enumerate(zip(frozen, rebuilt, strict=True)):
            assert_kept(a, b, f"{where}/{n}")
    else:
        assert frozen == rebuilt, where


def test_old_snapshots_stay_readable(root: Path) -> None:
    """A snapshot from an older model (a field since added or removed) still loads."""
    path = make_release(root, "library", "major", "First.", dt.date(2024, 4, 1))
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["notice"]["lang"]  # a field added to the model later: it takes its default
    data["notice"]["retired_field"] = "x"  # a field removed from the model since
    path.write_text(canonical_json(data), encoding="utf-8")
    _, _, notice = load_release(root, "library", "1.2")
    assert notice.lang == "en"
    with pytest.raises(SnapshotError, match="unknown key 'retired_field'"):
        from_data(Notice, data["notice"])


def with_current_keys(value):
    if isinstance(value, dict):
        out = {k: with_current_keys(v) for k, v in value.items()}
        if isinstance(out.get("key"), str) and "value" in out:
            out["key"] = current_key(out["key"])
        return out
    if isinstance(value, list):
        return [with_current_keys(v) for v in value]
    return value


def test_committed_snapshots_are_canonical_and_load() -> None:
    found = sorted((ROOT / "notice_src/releases").glob("*/*.json"))
    assert found, "the seed notice should have its first release"
    for path in found:
        text = path.read_text(encoding="utf-8")
        assert text == canonical_json(json.loads(text)), f"{path} is not canonical JSON"
        release, site, notice = load_release(ROOT, path.parent.name, path.stem)
        data = with_current_keys(json.loads(text))
        # Everything frozen is rebuilt (fields added to the model since then take their defaults;
        # text keys written before block keys are brought up to date, as the catalogs are).
        assert_kept(data["notice"], to_data(notice), "notice")
        assert_kept(data["site"], to_data(site), "site")
        assert_kept(data["release"], to_data(release), "release")
    first = load_release(ROOT, "supporting-families", "1.0")[0]
    assert (first.kind, first.date) == ("major", dt.date(2022, 10, 1))


# -- refusals --------------------------------------------------------------------------------


def test_refuses_a_version_released_already(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert release(root, "--major", "--summary", "First.", "--date", "2024-04-01") == 0
    err = refused(root, capsys, "--minor", "--summary", "Again.", "--date", "2024-04-02")
    assert err == (
        "notice_src/library.yaml:4:10: error: version 1.2 of library is released already: "
        "raise `version:` in notice_src/library.yaml first\n"
    )


def test_refuses_a_date_before_the_last_release(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert release(root, "--major", "--summary", "First.", "--date", "2024-04-01") == 0
    set_version(root, "1.3")
    err = refused(root, capsys, "--minor", "--summary", "Typo.", "--date", "2024-03-31")
    assert err == (
        "error: the release date 2024-03-31 is before the last release of library "
        "(1.2, released on 2024-04-01): give --date 2024-04-01 or later\n"
    )


def test_refuses_an_invalid_notice(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notice = root / NOTICE
    notice.write_text(notice.read_text().replace("    title: Who we are", "    titl: Who we are"))
    err = refused(root, capsys, "--major", "--summary", "First.")
    assert err == (
        "notice_src/library.yaml:36:5: error: a section has no 'title': add it\n"
        "notice_src/library.yaml:37:5: error: unknown key 'titl' in a section (did you mean 'title'?)\n"
    )


def test_refuses_an_unknown_notice(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    before = tree(root)
    assert main(["release", "parking", "--root", str(root), "--major", "--summary", "First."]) == 2
    assert tree(root) == before
    assert capsys.readouterr().err == "error: there is no notice 'parking': choose one of library\n"


def test_the_kind_is_about_announcing_and_the_number_only_goes_up(root: Path) -> None:
    assert release(root, "--major", "--summary", "First.", "--date", "2024-04-01") == 0
    set_version(root, "1.3")
    path = root / NOTICE
    path.write_text(
        path.read_text().replace(
            "    - {id: supplier,", "    - {id: partner, text: A partner}\n    - {id: supplier,"
        )
    )
    assert release(root, "--major", "--summary", "A new partner.", "--date", "2024-04-02") == 0


@pytest.mark.parametrize(
    ("version", "kind", "message"),
    [
        (
            "1.1",
            "--minor",
            "version 1.1 of library is lower than its last release, 1.2: raise `version:` in "
            "notice_src/library.yaml above 1.2",
        ),
    ],
)
def test_refuses_a_version_that_breaks_the_rule(
    root: Path, capsys: pytest.CaptureFixture[str], version: str, kind: str, message: str
) -> None:
    assert release(root, "--major", "--summary", "First.", "--date", "2024-04-01") == 0
    set_version(root, version)
    assert refused(root, capsys, kind, "--summary", "Next.", "--date", "2024-04-02") == (
        f"notice_src/library.yaml:4:10: error: {message}\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--summary", "x"],  # neither --major nor --minor
        ["--major", "--minor", "--summary", "x"],
        ["--major", "--summary", "x", "--date", "2024-02-30"],
        ["--major"],  # no change note
    ],
)
def test_usage_errors(root: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert "usage: noticegen release" in refused(root, capsys, *args)


def test_an_empty_change_note_is_refused(root: Path) -> None:
    with pytest.raises(UserError, match="the change note is empty"):
        make_release(root, "library", "major", "   ")
    assert not (root / "notice_src/releases").exists()


# -- noticegen diff --------------------------------------------------------------------------


def test_diff_against_the_working_copy(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert release(root, "--major", "--summary", "First.", "--date", "2024-04-01") == 0
    capsys.readouterr()
    assert main(["diff", "library", "--root", str(root)]) == 0
    assert capsys.readouterr().out == "No changes between 1.2 and working copy.\n"
    notice = root / NOTICE
    notice.write_text(notice.read_text().replace("title: Who we are", "title: About us"))
    assert main(["diff", "library", "--root", str(root), "--format", "json"]) == 0  # 0 with changes too
    data = json.loads(capsys.readouterr().out)
    assert [(c["kind"], c["path"]) for c in data["changes"]] == [("retitled", "section/who-we-are")]


def test_diff_between_two_releases(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_release(root, "library", "major", "First.", dt.date(2024, 4, 1))
    set_version(root, "2.0")
    edit = root / NOTICE
    edit.write_text(
        edit.read_text().replace(
            "{id: supplier, text: Our library system supplier}",
            "{id: supplier, text: Our library system supplier}\n    - {id: schools, text: Local schools}",
        )
    )
    make_release(root, "library", "major", "We now share with schools.", dt.date(2024, 5, 1))
    capsys.readouterr()
    assert (
        main(["diff", "library", "--root", str(root), "--from", "1.2", "--to", "2.0", "--format", "markdown"])
        == 0
    )
    assert capsys.readouterr().out == (
        "**library**: 1 change between 1.2 and 2.0: 1 added.\n\n- **Recipient added**: Local schools\n"
    )


def test_diff_with_no_release_needs_one(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "library", "--root", str(root)]) == 2
    assert capsys.readouterr().err == (
        "error: there are no releases of library to compare with yet: release it first with "
        '`noticegen release library --major --summary "…"`, or give --from\n'
    )
    assert main(["diff", "library", "--root", str(root), "--from", "1.0"]) == 2
    assert "there are no releases of library yet" in capsys.readouterr().err
    assert cli("diff", "library", "--root", str(root), "--from", "latest") == 2
    assert main(["diff", "parking", "--root", str(root)]) == 2
    assert capsys.readouterr().err.endswith("error: there is no notice 'parking': choose one of library\n")


def test_history_lists_releases_newest_first_with_their_changes(root: Path) -> None:
    from noticegen.changes import history

    make_release(root, "library", "major", "First.", dt.date(2024, 4, 1))
    set_version(root, "1.3")
    notice = root / NOTICE
    notice.write_text(notice.read_text().replace("title: Who we are", "title: About us"))
    make_release(root, "library", "minor", "Clearer title.", dt.date(2024, 5, 1))
    (latest, changes), (first, none) = history(root, "library")
    assert (latest.version, first.version, none) == ("1.3", "1.2", None)
    assert changes is not None and (changes.from_version, changes.to_version) == ("1.2", "1.3")
    assert [(c.kind, c.path) for c in changes.changes] == [("retitled", "section/who-we-are")]
