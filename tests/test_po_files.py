"""Translators' files after realistic edits: valid for every reader, stable under their tools."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import copy_root
from po_readers import assert_readable, msgmerge_changes, translate_toolkit_rewrites

from noticegen.cli import main

REPO = Path(__file__).resolve().parent.parent
NOTICE = "notice_src/supporting-families.yaml"
PARAGRAPH = "Sefton Supporting families programme is currently in Phase 2 and will be moving into Phase 3"
CONTEXT = "supporting-families/block/sefton-programme"
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
    for pot in sorted((shipped / "locales").glob("*.pot")):
        assert_readable(pot)
    for po in catalogs(shipped):
        assert_readable(po)
        pot = shipped / "locales" / f"{po.stem}.pot"
        assert msgmerge_changes(po, pot, tmp_path) == ""
        assert not translate_toolkit_rewrites(po)  # Weblate saves it unchanged


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


def test_a_catalog_msgfmt_rejects_stops_the_build(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    assert cli(root, "init", "pl") == 0
    path = root / "locales/pl/LC_MESSAGES/notices.po"
    text = path.read_text(encoding="utf-8")
    entry = text.split("\n\n")[1]  # the first message, defined a second time
    path.write_text(text + "\n" + entry + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--format", "html", "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "locales/pl/LC_MESSAGES/notices.po:" in err and "duplicate message definition" in err
    assert not (root / "dist").exists()


def test_init_writes_a_real_header_and_lists_the_language_as_a_draft(shipped: Path) -> None:
    assert cli(shipped, "init", "cy") == 0
    site = (shipped / "notice_src/site.yaml").read_text(encoding="utf-8")
    assert "  uk: {status: draft}\n  cy: {status: draft}\n\nlogo:" in site  # after the others
    for domain in ("notices", "interface"):
        path = shipped / f"locales/cy/LC_MESSAGES/{domain}.po"
        catalog = assert_readable(path)
        header = catalog.metadata
        assert header["Project-Id-Version"] == "Sefton Council privacy notices 2022-10-01"
        assert header["Language"] == "cy" and header["Plural-Forms"].startswith("nplurals=6;")
        assert header["Last-Translator"] == header["Language-Team"] == ""  # left for the translator
        text = path.read_text(encoding="utf-8")
        for boilerplate in ("FIRST AUTHOR", "VERSION", "LL@li.org", "EMAIL@ADDRESS", "YEAR"):
            assert boilerplate not in text
        assert text.startswith(f"# Welsh (cy) translation of Sefton Council's privacy notices ({domain}).")
    assert cli(shipped, "init", "cy") == 2  # not twice


def test_update_keeps_the_translators_header_fields(shipped: Path) -> None:
    path = shipped / "locales/pl/LC_MESSAGES/interface.po"
    text = path.read_text(encoding="utf-8")
    fields = (
        '"Last-Translator: Anna Nowak <anna@example.invalid>\\n"\n'
        '"Language-Team: Polish <pl@example.invalid>\\n"\n'
        '"PO-Revision-Date: 2024-02-03 10:11+0100\\n"\n'
        '"X-Generator: Poedit 3.4.2\\n"\n'
    )
    text = text.replace(
        '"Content-Transfer-Encoding: 8bit\\n"\n', '"Content-Transfer-Encoding: 8bit\\n"\n' + fields
    )
    path.write_text(text, encoding="utf-8")
    assert cli(shipped, "update") == 0
    header = assert_readable(path).metadata
    assert header["X-Generator"] == "Poedit 3.4.2"
    assert header["Last-Translator"] == "Anna Nowak <anna@example.invalid>"
    assert header["Language-Team"] == "Polish <pl@example.invalid>"
    assert header["PO-Revision-Date"] == "2024-02-03 10:11+0100"


def test_the_templates_are_not_rewritten_when_no_text_changed(shipped: Path) -> None:
    """A new effective date changes the POT's date and version, not its texts: nothing is written."""
    source = shipped / NOTICE
    text = source.read_text(encoding="utf-8")
    assert "  value: 2022-10-01\n" in text
    source.write_text(text.replace("  value: 2022-10-01\n", "  value: 2022-11-01\n"), encoding="utf-8")
    before = snapshot(shipped)
    assert cli(shipped, "extract") == 0
    assert cli(shipped, "update") == 0
    assert snapshot(shipped) == before


def test_every_interface_entry_has_a_context_and_a_note() -> None:
    """A template's words are always pgettext/npgettext with a `{# Translators: … #}` note before them."""
    from noticegen.i18n.messages import interface_messages
    from noticegen.templating import templates_dir

    bare = [(m.msgid, m.locations[0]) for m in interface_messages(templates_dir(REPO)) if not m.context]
    assert not bare, f"interface words without a context (use pgettext): {bare[:5]}"
    silent = [(m.msgid, m.locations[0]) for m in interface_messages(templates_dir(REPO)) if not m.comments]
    assert not silent, f"interface words without a translator note: {silent[:5]}"
