"""One feed per language, newest first, with translated titles and change notes; the change note
translated on the Polish changes page; the sign-off Word file only on the full changes page."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest
from conftest import ROOT

from noticegen.pipeline import BuildOptions, build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feeds")
    for folder in ("notice_src", "locales"):
        shutil.copytree(ROOT / folder, root / folder)
    build(BuildOptions(root=root, formats=("html",), workers=1))
    return root / "dist"


def test_a_feed_per_language_in_that_language(site: Path) -> None:
    english = feedparser.parse((site / "feed.atom").read_bytes())
    polish = feedparser.parse((site / "feed.pl.atom").read_bytes())
    assert not english.bozo and not polish.bozo
    assert english.feed.language == "en" and polish.feed.language == "pl"
    assert english.entries[0].summary == "First publication of this notice."
    assert polish.entries[0].summary == "Pierwsza publikacja tej informacji."
    assert polish.entries[0].title.endswith("– zmiany")
    assert polish.feed.title.endswith("zmiany w informacjach o prywatności")
    assert polish.entries[0].link.endswith("/supporting-families/pl/changes/index.html#v1-0")
    assert english.entries[0].id != polish.entries[0].id
    page = (site / "supporting-families/pl/index.html").read_text()
    assert 'href="../../feed.pl.atom"' in page


def test_the_polish_changes_page_shows_the_translated_change_note(site: Path) -> None:
    page = (site / "supporting-families/pl/changes/index.html").read_text()
    assert "<dd>Pierwsza publikacja tej informacji.</dd>" in page
    assert "First publication of this notice." not in page


def test_the_sign_off_file_is_linked_only_from_the_full_changes_page(site: Path) -> None:
    # The first release has nothing to compare with: no Word file, no link.
    assert not list(site.rglob("*tracked-changes.docx"))
    for page in site.rglob("*.html"):
        assert "tracked-changes.docx" not in page.read_text(), page
