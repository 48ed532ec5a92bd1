"""Faults that once ended in exit 3: now exit 2 with the path, or a notice and the build goes on."""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from conftest import copy_root

from noticegen.cli import main
from noticegen.i18n.workflow import init
from noticegen.pipeline import output


def build(root: Path, *extra: str) -> int:
    return main(["build", "--root", str(root), "--format", "html,txt", "-j", "1", *extra])


@pytest.fixture
def built(tmp_path: Path) -> Path:
    root = copy_root("basic", tmp_path)
    assert build(root) == 0
    return root


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    "content", ["[1, 2, 3]", '{"x": 5}', '{"library/en/html": {"inputs": 5, "outputs": 3}}', "null", "{"]
)
def test_a_manifest_of_the_wrong_shape_is_discarded(built: Path, content: str, capsys) -> None:
    for manifest in (built / ".noticegen").glob("manifest-*.json"):
        manifest.write_text(content)
    for stamp in (built / ".noticegen").glob("uptodate-*.json"):
        stamp.write_text(content)
    capsys.readouterr()
    assert build(built) == 0
    assert "is damaged; it is discarded and everything is rendered again" in capsys.readouterr().err
    assert build(built) == 0  # and the next build reuses the new manifest quietly
    assert "damaged" not in capsys.readouterr().err


def test_an_uptodate_stamp_of_the_wrong_shape_is_ignored(built: Path, capsys) -> None:
    import json

    for stamp in (built / ".noticegen").glob("uptodate-*.json"):
        data = json.loads(stamp.read_text())
        data["said"] = {"files": "many"}
        stamp.write_text(json.dumps(data))
    assert build(built) == 0


def test_a_manifest_pointing_outside_the_output_is_discarded(built: Path, capsys) -> None:
    for manifest in (built / ".noticegen").glob("manifest-*.json"):
        manifest.write_text('{"library/en/html": {"inputs": "x", "outputs": {"../../etc/passwd": "0"}}}')
    assert build(built) == 0


def test_the_working_folder_replaced_by_a_file(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    (root / ".noticegen").write_text("not a folder")
    assert build(root) == 2
    assert re.search(r"\.noticegen: error: .* it is a file: delete or rename it", capsys.readouterr().err)


@pytest.mark.parametrize(
    "code,words",
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "permissions")],
)
def test_disk_full_or_read_only_output(built: Path, monkeypatch, capsys, code: int, words: str) -> None:
    before = files(built / "dist")
    notice = built / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace("Who we are", "Who we are now"))

    def fail(target: Path, data: bytes) -> None:
        raise OSError(code, os.strerror(code), str(target))

    monkeypatch.setattr(output, "_write", fail)
    assert build(built) == 2
    err = capsys.readouterr().err
    assert words in err and ".staging-" in err and "Traceback" not in err
    assert files(built / "dist") == before
    assert not list((built / ".noticegen").glob(".staging-*"))


def test_an_output_folder_that_cannot_be_made(tmp_path: Path, monkeypatch, capsys) -> None:
    root = copy_root("basic", tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "site"))

    monkeypatch.setattr(output.tempfile, "mkdtemp", refuse)
    assert build(root, "--out", str(tmp_path / "site" / "out")) == 2
    assert f"{tmp_path / 'site'}: error: Permission denied" in capsys.readouterr().err


@pytest.mark.parametrize(
    "mask,folder,file", [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640), (0o002, 0o775, 0o664)]
)
def test_output_modes_follow_the_umask(tmp_path: Path, mask: int, folder: int, file: int) -> None:
    root = copy_root("basic", tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "noticegen", "build", "--root", str(root), "--format", "html,txt", "-j", "1"],
        preexec_fn=lambda: os.umask(mask),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    dist = root / "dist"
    for path in [dist, *dist.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (folder if path.is_dir() else file), f"{path}: {oct(mode)}"


def test_every_file_and_folder_is_synced_before_the_swap(tmp_path: Path, monkeypatch) -> None:
    root = copy_root("basic", tmp_path)
    synced: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        synced.append(fd)
        real(fd)

    swapped = []
    monkeypatch.setattr(output.os, "fsync", counting)
    real_swap = output._swap
    monkeypatch.setattr(output, "_swap", lambda a, b: (swapped.append(len(synced)), real_swap(a, b)))
    assert build(root) == 0
    made = [p for p in (root / "dist").rglob("*")]
    assert swapped and swapped[0] >= len(made) + 1  # every file and folder, and dist/ itself


def plant_interface(root: Path, msgstr: str | None = None, header: str | None = None) -> Path:
    init(root, "pl")
    site = root / "notice_src/site.yaml"
    site.write_text(site.read_text().replace("  pl: {status: draft}\n", "  pl: {status: approved}\n"))
    path = root / "locales/pl/LC_MESSAGES/interface.po"
    if msgstr is not None:
        po = polib.pofile(str(path))
        po.find("Contents", msgctxt="table of contents").msgstr = msgstr
        po.save()
    if header is not None:
        text = path.read_text()
        # the header line may be wrapped over two lines, as gettext writes it
        path.write_text(
            re.sub(r'"Plural-Forms: .*?\\n"', lambda m: f'"Plural-Forms: {header}\\\\n"', text, flags=re.S)
        )
    return path


@pytest.mark.parametrize(
    "msgstr,header,message",
    [
        ("50% Spis", None, "has a % that is not a format marker"),
        ("Spis %(x)s", None, "does not keep the formats of the English"),
        (None, "nplurals=2; plural=(n==1 ? ;", "the Plural-Forms header is not valid"),
        (
            None,
            "nplurals=2; plural=" + "(" * 5000 + "n" + ")" * 5000 + ";",
            "the Plural-Forms header is not valid",
        ),
        (None, "nplurals=99; plural=n;", "nplurals must be a number from 1 to 6"),
        ("Spis\u202e treści", None, "interface.po:"),
        ("Spis\x1b treści", None, "a control character (U+001B)"),
    ],
)
def test_a_bad_interface_catalog_is_exit_2(tmp_path: Path, capsys, msgstr, header, message) -> None:
    root = copy_root("basic", tmp_path)
    plant_interface(root, msgstr, header)
    assert build(root) == 2
    err = capsys.readouterr().err
    assert message in err and re.search(r"interface\.po:\d+", err), err
    assert not (root / "dist").exists()


def test_direction_marks_and_joiners_are_allowed_in_catalogs(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    plant_interface(root, "Spis \u200e(PL)\u200f \u0645\u06cc\u200c\u062e")
    assert build(root) == 0, capsys.readouterr().err
