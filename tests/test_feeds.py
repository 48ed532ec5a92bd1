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
    notice_page = (site / "supporting-families/pl/index.html").read_text()
    assert "<span>Pierwsza publikacja tej informacji.</span>" in notice_page


def test_the_sign_off_file_is_linked_only_from_the_full_changes_page(site: Path) -> None:
    # The first release has nothing to compare with: no Word file, no link.
    assert not list(site.rglob("*tracked-changes.docx"))
    for page in site.rglob("*.html"):
        assert "tracked-changes.docx" not in page.read_text(), page


def test_pseudo_locale_changes_page_has_no_english_outside_lang_en(tmp_path: Path) -> None:
    """Every word on a translated changes page and announcement is translated, or marked lang="en"."""
    import datetime as dt
    import re

    import lxml.html
    from conftest import copy_root
    from test_i18n import add_language, untransformed_words

    from noticegen.cli import main
    from noticegen.i18n.pseudo import write_pseudo_catalogs
    from noticegen.languages import long_date

    root = copy_root("basic", tmp_path)
    args = ["release", "library", "--root", str(root), "--major", "--date"]
    assert main([*args, "2024-04-01", "--summary", "First publication."]) == 0
    notice = root / "notice_src/library.yaml"
    notice.write_text(
        notice.read_text()
        .replace('version: "1.2"', 'version: "1.3"')
        .replace(
            "    - {id: supplier,", "    - {id: archive, text: The county archive}\n    - {id: supplier,"
        )
    )
    assert main([*args, "2024-06-01", "--summary", "We now share records with the county archive."]) == 0
    assert main(["i18n", "extract", "--root", str(root)]) == 0
    write_pseudo_catalogs(root, "eo")
    add_language(root, "eo", "approved")
    build(BuildOptions(root=root, formats=("html",), langs=("eo",), workers=1))
    for name in ("changes/index.html", "changes/1.3.html"):
        tree = lxml.html.fromstring((root / "dist/library/eo" / name).read_bytes())
        for marked in tree.xpath('//*[@lang="en"]'):
            marked.drop_tree()
        for skipped in tree.xpath("//style|//script"):
            skipped.drop_tree()
        text = tree.text_content()
        for day in (dt.date(2024, 4, 1), dt.date(2024, 6, 1)):
            text = text.replace(long_date(day, "eo"), " ")
        text = re.sub(r"\b1\.[23]\b", " ", text)
        assert not untransformed_words(text), (name, sorted(set(untransformed_words(text))))
