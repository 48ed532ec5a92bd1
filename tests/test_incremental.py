"""Incremental, parallel and reproducible builds."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.pipeline import BuildOptions, build


def mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


@pytest.fixture
def two_notices(tmp_path: Path) -> Path:
    root = copy_root("basic", tmp_path)
    library = (root / "notice_src/library.yaml").read_text()
    (root / "notice_src/parking.yaml").write_text(
        library.replace("id: library\n", "id: parking\n").replace("Library membership", "Parking permit")
    )
    return root


def test_noop_build_renders_nothing_and_touches_nothing(two_notices: Path) -> None:
    first = build(BuildOptions(root=two_notices, formats=("html", "txt", "docx")))
    assert first.rendered == 6
    before = mtimes(first.out)
    again = build(BuildOptions(root=two_notices, formats=("html", "txt", "docx")))
    assert again.rendered == 0
    assert mtimes(again.out) == before


def test_editing_one_notice_rebuilds_only_its_outputs(two_notices: Path) -> None:
    out = build(BuildOptions(root=two_notices, formats=("html", "txt", "docx"))).out
    before = mtimes(out)
    notice = two_notices / "notice_src/parking.yaml"
    notice.write_text(notice.read_text().replace("You can ask for a copy", "You may ask for a copy"))
    result = build(BuildOptions(root=two_notices, formats=("html", "txt", "docx")))
    assert result.rendered == 3
    changed = {name for name, mtime in mtimes(out).items() if before.get(name) != mtime}
    assert changed == {
        "parking/en/index.html",
        "parking/en/fragment.html",
        "parking/en/parking.txt",
        "parking/en/parking.docx",
        "SHA256SUMS",
    }


def test_editing_a_template_rebuilds_only_its_format(two_notices: Path) -> None:
    build(BuildOptions(root=two_notices, formats=("html", "txt")))
    own = two_notices / "templates/text"
    own.mkdir(parents=True)
    builtin = Path(__file__).resolve().parent.parent / "templates/text/notice.txt"
    (own / "notice.txt").write_text(builtin.read_text() + "\n")
    result = build(BuildOptions(root=two_notices, formats=("html", "txt")))
    assert result.rendered == 2  # the two text files; the pages are reused


def test_force_renders_everything(two_notices: Path) -> None:
    build(BuildOptions(root=two_notices, formats=("html", "txt")))
    assert build(BuildOptions(root=two_notices, formats=("html", "txt"), force=True)).rendered == 4


def test_parallel_build_gives_the_same_files(tmp_path: Path) -> None:
    one = copy_root("basic", tmp_path / "one")
    two = copy_root("basic", tmp_path / "two")
    a = build(BuildOptions(root=one, workers=1)).out
    b = build(BuildOptions(root=two, workers=2)).out
    assert (a / "SHA256SUMS").read_bytes() == (b / "SHA256SUMS").read_bytes()


def test_two_directories_give_identical_checksums(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    a = build(BuildOptions(root=copy_root("basic", tmp_path / "a"), workers=2)).out
    b = build(BuildOptions(root=copy_root("basic", tmp_path / "deeper/b"), workers=2)).out
    sums = (a / "SHA256SUMS").read_text()
    assert sums == (b / "SHA256SUMS").read_text()
    assert "library/en/library.pdf" in sums and "library/en/library.docx" in sums
    digest = hashlib.sha256((a / "library/en/library.pdf").read_bytes()).hexdigest()
    assert digest in sums


def test_the_latest_release_and_the_same_current_notice_are_rendered_once(tmp_path: Path) -> None:
    import datetime as dt

    from noticegen.releases import make_release

    root = copy_root("basic", tmp_path)
    make_release(
        root,
        "library",
        "major",
        "First version.",
        date=dt.date(2024, 2, 1),
        today=lambda: dt.date(2024, 2, 1),
    )
    first = build(BuildOptions(root=root, formats=("txt", "docx")))
    version = next((first.out / "library/en/v").iterdir()).name
    current, past = first.out / "library/en", first.out / f"library/en/v/{version}"
    assert first.rendered == 2  # the text and the Word file, each published at both addresses
    for name in ("library.txt", "library.docx"):
        assert (current / name).read_bytes() == (past / name).read_bytes()

    notice = root / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace("You can ask for a copy", "You may ask for a copy"))
    second = build(BuildOptions(root=root, formats=("txt", "docx")))
    assert second.rendered == 2  # the current notice only: the release is unchanged and reused
    assert "You may ask" in (current / "library.txt").read_text()
    assert "You can ask" in (past / "library.txt").read_text()
