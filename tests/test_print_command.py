"""`noticegen print`: the right file, built when missing or out of date, sent with `lp`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main

FAKE_LP = """#!/bin/sh
# A stand-in for CUPS's lp: records its arguments, answers as lp does, fails for printer 'broken'.
printf '%s\\n' "$@" > "$LP_LOG"
if [ "$2" = broken ]; then echo 'lp: The printer or class does not exist.' >&2; exit 1; fi
echo "request id is $2-7 (1 file(s))"
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_root("basic", tmp_path_factory.mktemp("print-command"))


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An `lp` first on PATH that writes the arguments it was given to a log file."""
    folder = tmp_path / "bin"
    folder.mkdir()
    lp = folder / "lp"
    lp.write_text(FAKE_LP)
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "lp.log"
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LP_LOG", str(log))
    return log


def run(project: Path, *args: str) -> int:
    return main(["--root", str(project), "print", "library", *args])


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((), "library.pdf"),
        (("--large-print",), "library-large-print.pdf"),
        (("--leaflet",), "library-leaflet.pdf"),
        (("--braille",), "library.brf"),
    ],
)
def test_prints_the_path_of_the_right_file_building_it_first(project: Path, capsys, args, name) -> None:
    assert run(project, *args) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == project / "dist" / "library" / "en" / name
    assert path.is_file() and path.stat().st_size > 0


def test_an_out_of_date_file_is_made_again(project: Path, capsys) -> None:
    assert run(project, "--braille") == 0
    brf = Path(capsys.readouterr().out.strip())
    before = brf.read_bytes()
    source = project / "notice_src" / "library.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Library", "Lending library", 1), encoding="utf-8"
    )
    assert run(project, "--braille") == 0
    assert brf.read_bytes() != before
    mtime = brf.stat().st_mtime_ns
    assert run(project, "--braille") == 0  # up to date: left alone
    assert brf.stat().st_mtime_ns == mtime


def test_sends_the_leaflet_duplex_short_edge(project: Path, fake_lp: Path, capsys) -> None:
    assert run(project, "--leaflet", "--printer", "Reception") == 0
    assert "request id is Reception-7" in capsys.readouterr().out
    args = fake_lp.read_text().splitlines()
    assert args[:2] == ["-d", "Reception"]
    assert "sides=two-sided-short-edge" in args and "print-scaling=none" in args and "media=A4" in args
    assert args[-1] == str(project / "dist" / "library" / "en" / "library-leaflet.pdf")


def test_sends_large_print_single_sided_and_braille_raw(project: Path, fake_lp: Path) -> None:
    assert run(project, "--large-print", "--printer", "Desk") == 0
    args = fake_lp.read_text().splitlines()
    assert "sides=one-sided" in args and args[-1].endswith("library-large-print.pdf")
    assert run(project, "--braille", "--printer", "Embosser") == 0
    args = fake_lp.read_text().splitlines()
    assert "raw" in args and args[-1].endswith("library.brf")


def test_a_printer_that_fails_is_a_clear_error(project: Path, fake_lp: Path, capsys) -> None:
    assert run(project, "--printer", "broken") == 2
    err = capsys.readouterr().err
    assert "could not print on 'broken': lp: The printer or class does not exist." in err
    assert "Traceback" not in err


def test_bad_choices_are_usage_errors(project: Path, capsys) -> None:
    assert main(["--root", str(project), "print", "nope"]) == 2
    assert "there is no notice 'nope'" in capsys.readouterr().err
    assert run(project, "--lang", "xx") == 2
    assert "the site has no language 'xx'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_code:
        run(project, "--leaflet", "--braille")
    assert exit_code.value.code == 2
