"""The reading-order walk (checks, silences) and the text visitor (translations) meet the same
texts, so that nothing a reader sees escapes the checks or the translators."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticegen.source import load_project
from noticegen.walk import item_paths, replace_texts, texts, walk

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = [ROOT, *sorted((ROOT / "tests" / "roots").iterdir())]


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_both_walks_meet_the_same_texts(root: Path) -> None:
    project, _ = load_project(root)
    for notice in project.notices:
        walked = {text.key for _, _, text in walk(notice) if text is not None}
        visited = {text.key for text, _ in texts(notice)}
        assert walked == visited, notice.id


def test_replace_texts_changes_every_text_and_keeps_the_rest() -> None:
    project, _ = load_project(ROOT)
    notice = project.notices[0]
    changed = replace_texts(notice, lambda t: type(t)(t.value.upper(), t.key, t.lang, t.loc))
    assert [t.value for t, _ in texts(changed)] == [t.value.upper() for t, _ in texts(notice)]
    assert changed.id == notice.id and changed.effective == notice.effective
    assert replace_texts(notice, lambda t: t) is notice  # nothing changed: the same object


def test_item_paths_name_every_section_block_and_fact() -> None:
    project, _ = load_project(ROOT)
    notice = project.notices[0]
    paths = set(item_paths(notice))
    for section in notice.sections:
        assert f"sections/{section.id}" in paths
        for block in section.blocks:
            assert f"sections/{section.id}/{block.id}" in paths
    for law in notice.facts.legislation:
        assert f"facts/legislation/{law.id}" in paths
