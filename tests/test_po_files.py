"""Translators' files after realistic edits: valid for every reader, stable under their tools."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from po_readers import assert_readable, msgmerge_changes

from noticegen.cli import main

REPO = Path(__file__).resolve().parent.parent
NOTICE = "notice_src/supporting-families.yaml"
PARAGRAPH = "Sefton Supporting families programme is currently in Phase 2 and will be moving into Phase 3"
CONTEXT = "supporting-families/section/who-we-are/sefton-programme"
LIST_ITEM = "{id: telephone-email, text: Telephone number/Email address}"


def cli(root: Path, *args: str) -> int:
    return main(["i18n", *args, "--root", str(root)])


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped site's sources and catalogs (the templates are the built-in ones)."""
    root = tmp_path / "site"
    shutil.copytree(REPO / "notice_src", root / "notice_src")
    shutil.copytree(REPO / "locales", root / "locales")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "locales").rglob("*.po*"))}


def catalogs(root: Path) -> list[Path]:
    return sorted((root / "locales").glob("*/LC_MESSAGES/*.po"))


def test_the_shipped_catalogs_are_up_to_date_and_stable(shipped: Path, tmp_path: Path) -> None:
    before = snapshot(shipped)
    assert cli(shipped, "update") == 0
    assert snapshot(shipped) == before, "i18n update on the shipped site should change nothing"
    for po in catalogs(shipped):
        assert_readable(po)
        pot = shipped / "locales" / f"{po.stem}.pot"
        assert msgmerge_changes(po, pot, tmp_path) == ""


def test_reword_a_long_paragraph_and_a_list_item(shipped: Path, tmp_path: Path) -> None:
    source = shipped / NOTICE
    text = source.read_text(encoding="utf-8")
    old_line = next(line for line in text.splitlines() if PARAGRAPH in line)
    old_paragraph = old_line.split("paragraph: ", 1)[1]
    assert len(old_paragraph) >= 300
    new_paragraph = old_paragraph.replace("is currently in Phase 2", "is in Phase 2 at present")
    text = text.replace(old_paragraph, new_paragraph)
    text = text.replace(LIST_ITEM, "{id: telephone-email, text: Telephone number or email address}")
    source.write_text(text, encoding="utf-8")

    assert cli(shipped, "extract") == 0
    assert cli(shipped, "update") == 0
    for po in catalogs(shipped):
        catalog = assert_readable(po)
        if po.stem != "notices":
            continue
        reworded = catalog.find(new_paragraph, msgctxt=CONTEXT)
        assert reworded is not None and reworded.fuzzy, po
        assert reworded.previous_msgid == old_paragraph  # the whole previous English, unwrapped
        assert reworded.msgstr  # the old translation stays as a suggestion
        item = catalog.find("Telephone number or email address")
        assert item.fuzzy and item.previous_msgid == "Telephone number/Email address"
        assert msgmerge_changes(po, shipped / "locales/notices.pot", tmp_path) == ""
    for po in catalogs(shipped):  # the interface catalogs too
        assert msgmerge_changes(po, shipped / "locales" / f"{po.stem}.pot", tmp_path) == ""

    before = snapshot(shipped)
    source.write_text("# A comment line added at the top.\n" + source.read_text(encoding="utf-8"))
    assert cli(shipped, "extract") == 0
    assert cli(shipped, "update") == 0
    assert snapshot(shipped) == before, "a comment line in the YAML changed a PO or POT line"


def test_a_second_update_after_a_translator_saves_changes_nothing(shipped: Path, tmp_path: Path) -> None:
    """A translator's msgmerge round trip and ours agree: no churn either way."""
    for po in catalogs(shipped):
        pot = shipped / "locales" / f"{po.stem}.pot"
        shutil.copyfile(po, tmp_path / "before.po")
        assert msgmerge_changes(po, pot, tmp_path) == ""
    before = snapshot(shipped)
    assert cli(shipped, "update") == 0
    assert snapshot(shipped) == before
