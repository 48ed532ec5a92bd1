"""Templates are compiled once per process for every language, kept between builds in
.noticegen/templates/, and compiled again when they change; a damaged cache is only slower."""

from __future__ import annotations

import gettext
from pathlib import Path

import jinja2
import pytest
from conftest import copy_root

from noticegen.pipeline import BuildOptions, build
from noticegen.templating import environment

ROOT = Path(__file__).resolve().parent.parent


class Catalog(gettext.NullTranslations):
    def __init__(self, word: str) -> None:
        super().__init__()
        self.word = word

    def gettext(self, message: str) -> str:
        return self.word

    def pgettext(self, context: str, message: str) -> str:
        return self.word


def test_each_template_is_compiled_once_for_every_language(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "t.html").write_text("<p>{{ _('Hello') }} {{ name }}</p>\n", encoding="utf-8")
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    polish = environment((str(tmp_path),), Catalog("Cześć"))
    welsh = environment((str(tmp_path),), Catalog("Helo"))
    assert polish.get_template("t.html").render(name="<b>") == "<p>Cześć &lt;b&gt;</p>\n"
    assert welsh.get_template("t.html").render(name="Ann") == "<p>Helo Ann</p>\n"
    assert compiled.count("t.html") == 1  # each language its own words, one compiled template
    plain = environment((str(tmp_path),), Catalog("Hi"), escape=False)
    assert plain.get_template("t.html").render(name="<b>") == "<p>Hi <b></p>\n"  # not escaped: compiled apart
    assert compiled.count("t.html") == 2


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with a text template of its own; compiled code of earlier tests forgotten, as in a
    new process (each cache in memory would otherwise answer before the disk is read)."""
    from noticegen.builders import job
    from noticegen.templating import compiled

    compiled.shared_code.cache_clear()
    job._environment.cache_clear()
    root = copy_root("basic", tmp_path)
    own = root / "templates/text/notice.txt"
    own.parent.mkdir(parents=True)
    own.write_text((ROOT / "templates/text/notice.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_a_build_keeps_compiled_code_and_an_edited_template_is_compiled_again(project: Path) -> None:
    build(BuildOptions(root=project, formats=("html", "txt")))
    kept = project / ".noticegen/templates"
    assert any(kept.glob("text-*.cache")) and any(kept.glob("html-*.cache"))
    own = project / "templates/text/notice.txt"
    own.write_text(own.read_text(encoding="utf-8") + "Printed by the town hall.\n", encoding="utf-8")
    out = build(BuildOptions(root=project, formats=("html", "txt"))).out
    assert (
        (out / "library/en/library.txt").read_text(encoding="utf-8").endswith("Printed by the town hall.\n")
    )


def test_a_damaged_cache_is_compiled_again(project: Path, tmp_path: Path) -> None:
    first = build(BuildOptions(root=project, formats=("html", "txt"), out=tmp_path / "one")).out
    for path in (project / ".noticegen/templates").glob("*.cache"):
        path.write_bytes(b"not a compiled template")
    second = build(BuildOptions(root=project, formats=("html", "txt"), out=tmp_path / "two", force=True)).out
    assert (first / "SHA256SUMS").read_text() == (second / "SHA256SUMS").read_text()


def test_one_process_building_again_sees_an_edited_interface_catalog(tmp_path: Path) -> None:
    """As `noticegen serve` does: many builds in one process; the second sees the new words."""
    import polib

    from noticegen.cli import main

    root = copy_root("basic", tmp_path)
    assert main(["i18n", "init", "pl", "--root", str(root)]) == 0
    build(BuildOptions(root=root, formats=("html",)))
    po_path = root / "locales/pl/LC_MESSAGES/interface.po"
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgid == "Contents")
    entry.msgstr = "Spis treści"
    po.save(str(po_path))
    out = build(BuildOptions(root=root, formats=("html",))).out
    assert "Spis treści" in (out / "library/pl/index.html").read_text(encoding="utf-8")
