"""A build with nothing changed is decided before loading anything; any change to what an output
depends on (a source, a catalog, a template, the logo, a published file) builds again."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main

NOTHING = "(0 written, {n} unchanged; 0 rendered)"


def build(root: Path, capsys, *extra: str) -> str:
    assert main(["build", "--root", str(root), "--format", "html,txt", *extra]) == 0
    return capsys.readouterr().out


@pytest.fixture
def project(tmp_path: Path, capsys) -> Path:
    root = copy_root("basic", tmp_path)
    build(root, capsys)
    return root


def test_a_build_with_nothing_changed_loads_nothing(project: Path) -> None:
    code = (
        "import sys; from noticegen.cli import main; "
        f"main(['build', '--root', {str(project)!r}, '--format', 'html,txt']); "
        "print(sorted(m for m in sys.modules if m.startswith(('noticegen.pipeline', 'noticegen.source', 'jinja2'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "0 rendered" in done.stdout
    assert done.stdout.strip().endswith("[]")


def test_it_says_what_the_last_build_said(project: Path, capsys) -> None:
    again = build(project, capsys)
    files = again.split("built ")[1].split(" files")[0]
    assert NOTHING.format(n=files) in again
    assert "checks: " in again


EDITS = {
    "source": ("notice_src/library.yaml", "You can ask for a copy", "You may ask for a copy"),
    "shared setting": ("notice_src/site.yaml", "Example Council", "Sample Council"),
    "template": ("templates/text/notice.txt", None, "\n"),
    "logo": ("notice_src/assets/logo.svg", "</svg>", "<!-- new --></svg>"),
}


@pytest.mark.parametrize("what", EDITS, ids=list(EDITS))
def test_an_edit_builds_again(project: Path, capsys, what: str) -> None:
    name, old, new = EDITS[what]
    path = project / name
    if old is None:  # a template of the project's own, overriding the built-in one
        builtin = Path(__file__).resolve().parent.parent / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(builtin.read_text(encoding="utf-8") + new, encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    said = build(project, capsys)
    assert not re.search(r"\(0 written, \d+ unchanged; 0 rendered\)", said)  # built, not skipped
    if what == "logo":
        assert (project / "dist/assets/logo.svg").read_bytes() == path.read_bytes()


def test_a_catalog_edit_builds_again(project: Path, capsys) -> None:
    import polib

    assert main(["i18n", "init", "pl", "--root", str(project)]) == 0  # lists pl as a draft
    assert "library/pl" not in build(project, capsys)
    assert (project / "dist/library/pl/index.html").exists()
    assert "; 0 rendered)" in build(project, capsys)
    po_path = project / "locales/pl/LC_MESSAGES/notices.po"
    po = polib.pofile(str(po_path))
    po[0].msgstr = "Tłumaczenie"
    po.save(str(po_path))
    assert "; 0 rendered)" not in build(project, capsys)


def test_a_changed_or_missing_published_file_builds_again(project: Path, capsys) -> None:
    page = project / "dist/library/en/index.html"
    page.write_text("changed by hand")
    assert "1 written" in build(project, capsys)
    page.unlink()
    assert "1 written" in build(project, capsys)


def test_force_renders_everything(project: Path, capsys) -> None:
    assert "; 0 rendered)" not in build(project, capsys, "--force")
