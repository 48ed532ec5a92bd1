"""Published history: past versions at permanent addresses, the changes page, announcements, feed."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from conftest import copy_root
from test_accessibility import axe_violations, browser  # noqa: F401  (the browser fixture)

from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build


def release(root: Path, *args: str) -> None:
    assert main(["release", "library", "--root", str(root), *args]) == 0


def set_version(root: Path, version: str) -> None:
    notice = root / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace('version: "1.2"', f'version: "{version}"', 1))


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic project released as 1.2, then changed (a new recipient) and released as 1.3 (major),
    then changed again in the working copy; built as HTML and text."""
    root = copy_root("basic", tmp_path_factory.mktemp("history"))
    release(root, "--major", "--summary", "First publication.", "--date", "2024-04-01")
    notice = root / "notice_src/library.yaml"
    notice.write_text(
        notice.read_text().replace(
            "    - {id: supplier, text: Our library system supplier}",
            "    - {id: supplier, text: Our library system supplier}\n    - {id: archive, text: The county archive}",
        )
    )
    set_version(root, "1.3")
    release(
        root, "--major", "--summary", "We now share records with the county archive.", "--date", "2024-06-01"
    )
    notice.write_text(
        notice.read_text()
        .replace('version: "1.3"', 'version: "1.4"')
        .replace("title: Who we are", "title: About us")
    )
    build(BuildOptions(root=root, formats=("html", "txt")))
    return root / "dist"


def test_past_version_shows_its_own_content(released: Path) -> None:
    old = (released / "library/en/v/1.2/index.html").read_text()
    assert "Our library system supplier" in old and "The county archive" not in old
    assert "Who we are" in old and "About us" not in old
    assert "It has been replaced." in old and 'href="../../index.html"' in old
    current = (released / "library/en/index.html").read_text()
    assert "About us" in current and "The county archive" in current
    assert (released / "library/en/v/1.2/library.txt").exists()
    assert "The county archive" not in (released / "library/en/v/1.2/library.txt").read_text()


def test_page_says_published_and_last_updated_with_the_change_note(released: Path) -> None:
    page = (released / "library/en/index.html").read_text()
    assert '<dt>Published</dt><dd><time datetime="2024-04-01">1 April 2024</time></dd>' in page
    assert '<time datetime="2024-06-01">1 June 2024</time>' in page
    assert "We now share records with the county archive." in page
    assert 'href="changes/index.html"' in page


def test_changes_page_lists_releases_newest_first_with_their_diff(released: Path) -> None:
    page = (released / "library/en/changes/index.html").read_text()
    assert page.index("Version 1.3") < page.index("Version 1.2")
    assert '<ins><span class="visually-hidden">added: </span>The county archive</ins>' in page
    assert "The first version published." in page


def test_announcement_for_each_major_release(released: Path) -> None:
    text = (released / "library/en/changes/1.3.txt").read_text()
    assert text.startswith(
        "We have updated our privacy notice: Library membership privacy notice\n1 June 2024\n"
    )
    assert "- Recipient added" in text
    assert "https://www.example.gov.uk/privacy/library/en/" in text
    assert (released / "library/en/changes/1.3.html").read_text().startswith('<article class="notice-update"')


def test_feed_has_one_entry_per_major_release_with_stable_ids(released: Path, tmp_path: Path) -> None:
    feed = feedparser.parse((released / "feed.atom").read_bytes())
    assert not feed.bozo
    assert [e.id for e in feed.entries] == [  # newest first
        "tag:www.example.gov.uk,2024-06-01:library/1.3",
        "tag:www.example.gov.uk,2024-04-01:library/1.2",
    ]
    assert feed.entries[0].link == "https://www.example.gov.uk/privacy/library/en/changes/index.html#v1-3"
    assert feed.entries[0].title == "Library membership privacy notice updated: who we share information with"
    assert feed.entries[0].summary == "We now share records with the county archive."
    again = build(BuildOptions(root=released.parent, formats=("html",), out=tmp_path / "again")).out
    assert (again / "feed.atom").read_bytes() == (released / "feed.atom").read_bytes()


def test_changes_and_past_pages_pass_axe(released: Path, browser) -> None:  # noqa: F811
    for page in (
        "library/en/changes/index.html",
        "library/en/v/1.2/index.html",
        "library/en/v/1.3/index.html",
    ):
        assert not axe_violations(browser, released / page), page


def test_publish_refuses_unreleased_changes(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (released / "SHA256SUMS").read_bytes()
    assert main(["build", "--root", str(released.parent), "--publish"]) == 1
    err = capsys.readouterr().err
    assert "notice_src/library.yaml: error: library has changes since release 1.3 (1 retitled)" in err
    assert "raise its version and release it, or undo them (see 'noticegen diff library')" in err
    assert (released / "SHA256SUMS").read_bytes() == before


def test_publish_is_always_the_whole_site(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(released.parent), "--publish", "--notice", "library"]) == 2
    assert "cannot be combined with --notice, --lang or --format" in capsys.readouterr().err
