"""Property: whatever the English (long, multi-line, quotes, backslashes, right-to-left, emoji,
placeholders) and however it is reworded, `i18n extract` and `i18n update` write catalogs that
msgfmt, polib and translate-toolkit read, and that msgmerge leaves as they are."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import polib
import pytest
from conftest import copy_root
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from po_readers import assert_readable, msgmerge_changes, translate_toolkit_rewrites

from noticegen.cli import main
from noticegen.errors import UserError
from noticegen.i18n import catalogs
from noticegen.i18n.messages import Message

INTRO = "library/block/intro"
LOANS = "library/block/uses/loans"
# (no emoji with a zero-width joiner: the source reader refuses invisible characters)
WORDS = st.sampled_from(
    [
        "data", "library", "the", "we", "keep", "“quoted”", '"quoted"', "it's", "back\\slash",
        "C:\\path", "50%", "%(count)s", "{org.name}", "{library-team.email}", "e-mail/phone",
        "بياناتك", "الشخصية،", "רשומה", "ہمارا", "Wrocław", "данні", "🙂", "👍🏽", "🇬🇧", "—", "(see below)",
        "x" * 90, "non-breaking\u00a0space", "tab\there", "a\nnew line", "end.\n",
    ]
)  # fmt: skip
TEXT = st.lists(WORDS, min_size=1, max_size=60).map(" ".join).map(str.strip).filter(bool)


def cli(root: Path, *args: str) -> int:
    return main(["i18n", *args, "--root", str(root)])


def set_texts(root: Path, paragraph: str, item: str) -> None:
    source = root / "notice_src/library.yaml"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.lstrip().startswith("paragraph: ") and "{org.name} runs" in line or "#intro" in line:
            lines[number] = f"        paragraph: {json.dumps(paragraph, ensure_ascii=False)}  #intro\n"
        if line.lstrip().startswith("- id: loans") or "#loans" in line:
            lines[number] = "          - id: loans  #loans\n"
            lines[number + 1] = f"            text: {json.dumps(item, ensure_ascii=False)}\n"
    source.write_text("".join(lines), encoding="utf-8")


def pot_entry(root: Path, context: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(root / "locales/notices.pot")) if e.msgctxt == context)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=TEXT, reworded=TEXT, item=TEXT, item2=TEXT)
def test_any_text_and_any_rewording_give_catalogs_every_reader_accepts(
    first: str, reworded: str, item: str, item2: str
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = copy_root("basic", Path(scratch))
        set_texts(root, first, item)
        assert cli(root, "init", "pl") == 0
        path = root / "locales/pl/LC_MESSAGES/notices.po"
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = f"PL {entry.msgid}"
        catalog.save()  # polib's own wrapping, as another tool would write it
        assert cli(root, "update") == 0
        old_intro, old_item = pot_entry(root, INTRO).msgid, pot_entry(root, LOANS).msgid
        assert old_intro.split() == first.split() and old_item.split() == item.split()

        set_texts(root, reworded, item2)
        assert cli(root, "extract") == 0
        assert cli(root, "update") == 0
        for pot in sorted((root / "locales").glob("*.pot")):
            assert_readable(pot)
        for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
            assert_readable(po)
            assert msgmerge_changes(po, root / "locales" / f"{po.stem}.pot", Path(scratch)) == ""
            assert not translate_toolkit_rewrites(po)  # Weblate saves it unchanged
        merged = polib.pofile(str(path))
        for context, old in ((INTRO, old_intro), (LOANS, old_item)):
            entry = next(e for e in merged if e.msgctxt == context and not e.obsolete)
            if entry.msgid != old:
                assert entry.fuzzy and entry.previous_msgid == old and entry.msgstr == f"PL {old}"
            else:
                assert not entry.fuzzy and entry.msgstr == f"PL {old}"


ANY_CHARACTER = st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\n\t\r"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.text(ANY_CHARACTER, min_size=1, max_size=300), min_size=1, max_size=4, unique=True))
def test_the_writer_carries_any_text_exactly(texts: list[str]) -> None:
    """Every Unicode text a source can hold (all but control characters) is written as a POT
    that msgfmt accepts and that reads back, through polib, to exactly the same text."""
    messages = [
        Message(t, f"notice/x/{i}", [("notice_src/x.yaml", 1)], ["A note"]) for i, t in enumerate(texts)
    ]
    data = catalogs.dump(catalogs.template(messages, "notices", "Council", "1", dt.datetime(2024, 1, 1)))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "notices.pot"
        path.write_bytes(data)
        assert [e.msgid for e in assert_readable(path)] == texts


def test_a_control_character_stops_extraction_at_its_place() -> None:
    message = Message("Bell\x07 here", "notice/x/1", [("notice_src/x.yaml", 12)], [])
    with pytest.raises(UserError) as caught:
        catalogs.template([message], "notices", "Council", "1", dt.datetime(2024, 1, 1))
    assert str(caught.value).startswith("notice_src/x.yaml:12: error:") and "U+0007" in str(caught.value)
