"""Translations survive moves: a block's msgctxt is its stable id, and old catalogs are migrated."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
from conftest import ROOT

from noticegen.cli import main
from noticegen.i18n.contexts import current
from noticegen.i18n.translate import content_catalog, translate
from noticegen.source import load_project

CONTROLLER_ID = "      - id: data-controller\n"
SEED = "notice_src/supporting-families.yaml"


def seed(tmp_path: Path) -> Path:
    root = tmp_path / "seed"
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    shutil.copytree(ROOT / "locales", root / "locales")
    return root


def move_controller(root: Path) -> None:
    """Move the data controller paragraph from 'Who we are' to the legal basis section."""
    path = root / SEED
    text = path.read_text(encoding="utf-8")
    start = text.index(CONTROLLER_ID)
    end = text.index("\n", text.index("paragraph:", start)) + 1
    block, text = text[start:end], text[:start] + text[end:]
    anchor = "      - id: bases-intro\n"
    path.write_text(text.replace(anchor, block + anchor), encoding="utf-8")


def polish_controller(root: Path) -> tuple[str | None, str]:
    project, _ = load_project(root)
    notice = project.notices[0]
    strings = content_catalog(root, "pl", "en")
    polish = translate(project.site, notice, "pl", strings, "en").notice
    block = next(b for s in polish.sections for b in s.blocks if b.id == "data-controller")
    section = next(s.id for s in polish.sections if any(b.id == "data-controller" for b in s.blocks))
    assert block.text is not None
    return block.text.lang, section + ": " + block.text.value


def test_the_polish_translation_of_a_moved_paragraph_is_still_used(tmp_path: Path) -> None:
    root = seed(tmp_path)
    lang, before = polish_controller(root)
    assert lang is None and before.startswith("who-we-are: ")
    move_controller(root)
    lang, after = polish_controller(root)
    assert lang is None, "the moved paragraph fell back to English"
    assert after == before.replace("who-we-are: ", "legal-basis: ")


def test_update_after_a_move_keeps_every_translation(tmp_path: Path) -> None:
    root = seed(tmp_path)
    move_controller(root)
    assert main(["i18n", "extract", "--root", str(root)]) == 0
    assert main(["i18n", "update", "--root", str(root)]) == 0
    po = polib.pofile(str(root / "locales/pl/LC_MESSAGES/notices.po"))
    assert not po.obsolete_entries() and not po.untranslated_entries() and not po.fuzzy_entries()


def test_migrating_an_old_catalog_loses_no_translation(tmp_path: Path) -> None:
    """The catalogs as shipped before this change (section paths) read as today's contexts."""
    root = seed(tmp_path)
    for lang in ("pl", "uk", "ar"):
        po_file = root / "locales" / lang / "LC_MESSAGES" / "notices.po"
        po = polib.pofile(str(po_file))
        before = {(e.msgid, e.msgctxt): e.msgstr for e in po if e.msgstr}
        for entry in po:  # write it the old way: blocks keyed by their section
            entry.msgctxt = _legacy(entry.msgctxt, root)
        po.save(str(po_file))
        assert any("/section/who-we-are/" in (e.msgctxt or "") for e in polib.pofile(str(po_file)))
        found = content_catalog(root, lang, "en")
        assert found is not None
        after = {key: text for key, text in found.items() if key[0]}  # not the header
        assert {k: v for k, v in after.items() if k in before} == before
        assert len(after) == len(before)
    assert main(["i18n", "update", "--root", str(root)]) == 0
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_file)], check=True)
    assert all("/section/who-we-are/data" not in (e.msgctxt or "") for e in polib.pofile(str(po_file)))
    assert not polib.pofile(str(po_file)).untranslated_entries()


def _legacy(context: str | None, root: Path) -> str | None:
    """The context an earlier noticegen gave a block: under its section's id."""
    if not context or "/block/" not in context:
        return context
    project, _ = load_project(root)
    notice, rest = context.split("/block/", 1)
    block = rest.split("/", 1)[0]
    section = next(s.id for s in project.notices[0].sections if any(b.id == block for b in s.blocks))
    legacy = f"{notice}/section/{section}/{rest}"
    assert current(legacy) == context
    return legacy
