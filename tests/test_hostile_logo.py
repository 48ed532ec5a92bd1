"""A hostile logo is refused with its reason; a plain one is published (issue 15)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main

HOSTILE = Path(__file__).parent / "hostile"
REFUSED = {
    "logo-script.svg": "a <script> element",
    "logo-onload.svg": "an event handler 'onload'",
    "logo-foreignobject.svg": "a <foreignobject> element",
    "logo-external-image.svg": "refers to something outside itself",
    "logo-external-use.svg": "refers to something outside itself",
    "logo-style-import.svg": "its style sheet loads something from outside",
    "logo-style-attribute.svg": "refers to something outside itself",
    "logo-entities.svg": "a DOCTYPE",
    "logo-stylesheet-pi.svg": "a processing instruction",
    "logo-not-a.png": "it is not a PNG file",
    "logo-broken.png": "it cannot be read as an image",
}


def use_logo(root: Path, name: str) -> None:
    shutil.copy(HOSTILE / name, root / "notice_src/assets" / name)
    site = root / "notice_src/site.yaml"
    site.write_text(site.read_text().replace("file: assets/logo.svg", f"file: assets/{name}"))


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_hostile_logo_is_refused(tmp_path: Path, name: str, capsys) -> None:
    root = copy_root("basic", tmp_path)
    use_logo(root, name)
    assert main(["build", "--root", str(root), "--format", "html", "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "notice_src/site.yaml:" in err and f"the logo {name} cannot be published" in err, err
    assert REFUSED[name] in err, err
    assert not (root / "dist").exists()


def test_a_png_beside_the_svg_is_checked_too(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    shutil.copy(HOSTILE / "logo-not-a.png", root / "notice_src/assets/logo.png")
    assert main(["build", "--root", str(root), "--format", "html", "-j", "1"]) == 2
    assert "the logo logo.png cannot be published: it is not a PNG file" in capsys.readouterr().err


def test_a_plain_svg_logo_is_published_as_it_is(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    use_logo(root, "logo-fine.svg")
    assert main(["build", "--root", str(root), "--format", "html", "-j", "1"]) == 0
    published = root / "dist/assets/logo-fine.svg"
    assert published.read_bytes() == (HOSTILE / "logo-fine.svg").read_bytes()


def test_the_shipped_logos_pass() -> None:
    from noticegen.source.logo import logo_problem

    repo = Path(__file__).resolve().parent.parent
    logos = [*repo.glob("notice_src/assets/logo.*"), *repo.glob("tests/roots/*/notice_src/assets/logo.*")]
    assert logos
    for logo in logos:
        assert logo_problem(logo) is None, logo
