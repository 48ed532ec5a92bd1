"""Drafts and dates: a draft builds with a banner and --publish leaves it out with one line; a date
still to confirm is never shown as a date; a notice's own languages; the summary's counts add up."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main

SILENCE = """silence:
  - {rule: special-category-condition, reason: test fixture}
  - {rule: rights, reason: test fixture}
  - {rule: dpo-contact, reason: test fixture}
  - {rule: statutory-requirement, reason: test fixture}
"""
DRAFT = """id: halls
title: Village halls privacy notice
version: "0.1"
effective: {value: 2000-01-01, to_confirm: "the service has not set a date"}
status: draft
sections:
  - id: contact-us
    title: Contact us
    body:
      - {id: hello, paragraph: "Write to {dpo.email}."}
"""


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The basic project, released and publishable, with a half-written draft notice beside it."""
    root = copy_root("basic", tmp_path)
    notice = root / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace("sections:", SILENCE + "sections:", 1))
    assert (
        cli(
            "release",
            "library",
            "--root",
            str(root),
            "--major",
            "--summary",
            "First.",
            "--date",
            "2024-04-01",
        )[0]
        == 0
    )
    (root / "notice_src/halls.yaml").write_text(DRAFT)
    return root


def test_a_draft_builds_with_a_banner_and_no_placeholder_date(project: Path) -> None:
    code, _, _ = cli("build", "--root", str(project), "-j", "1")
    assert code == 0
    page = (project / "dist/halls/en/index.html").read_text()
    text = (project / "dist/halls/en/halls.txt").read_text()
    assert "Draft: this notice is not finished" in page and "Draft: this notice is not finished" in text
    with zipfile.ZipFile(project / "dist/halls/en/halls.docx") as package:
        body = package.read("word/document.xml").decode()
    for made in (page, text, body, (project / "dist/halls/en/fragment.html").read_text()):
        assert "2000" not in re.sub(r"<[^>]*>", "", made), "a placeholder date is shown"
        assert "date not confirmed yet" in made
    assert "<time" not in page.split('class="meta"')[1].split("</dl>")[0]


def test_publish_leaves_a_draft_out_with_one_line(project: Path) -> None:
    code, out, err = cli("build", "--root", str(project), "--publish", "-j", "1")
    assert code == 0, err
    assert out.splitlines()[0] == (
        "notice_src/halls.yaml: note: halls is a draft (status: draft): left out of the site to publish"
    )
    assert (project / "dist/library/en/index.html").exists()
    assert not (project / "dist/halls").exists()
    assert "halls" not in (project / "dist/index.html").read_text()


def test_page_ids_cannot_collide_with_content_ids(project: Path) -> None:
    cli("build", "--root", str(project), "--format", "html")
    for page in ("dist/halls/en/index.html", "dist/halls/en/fragment.html"):
        ids = re.findall(r'\sid="([^"]+)"', (project / page).read_text())
        assert len(ids) == len(set(ids)), page
    assert 'id="contact-us"' in (project / "dist/halls/en/index.html").read_text()


def test_the_summary_counts_add_up(project: Path) -> None:
    cli("build", "--root", str(project), "--format", "html,txt")
    code, out, _ = cli("build", "--root", str(project), "--format", "html,txt", "--notice", "halls")
    assert code == 0
    built, written, unchanged, kept = map(
        int, re.search(r"built (\d+) files .*\((\d+) written, (\d+) unchanged; (\d+) more kept", out).groups()
    )
    assert written + unchanged == built and kept > 0
    total = sum(1 for p in (project / "dist").rglob("*") if p.is_file()) - 2  # SHA256SUMS, marker
    assert built + kept == total


def test_publish_leaves_out_a_translation_below_the_sites_minimum(project: Path) -> None:
    site = project / "notice_src/site.yaml"
    site.write_text(
        site.read_text().replace(
            "languages:\n  en: {status: approved}\n",
            "languages:\n  en: {status: approved}\n  pl: {status: approved}\npublish: {min_coverage: 90}\n",
        )
    )
    code, out, err = cli("build", "--root", str(project), "--publish", "-j", "1")
    assert code == 0, err
    assert (
        "notice_src/library.yaml: note: library is 0% translated into 'pl', below publish: min_coverage "
        "(90%): that language is left out"
    ) in out.splitlines()
    assert not (project / "dist/library/pl").exists()
    assert 'hreflang="pl"' not in (project / "dist/library/en/index.html").read_text()


def test_a_notice_in_fewer_languages_links_only_to_those(project: Path) -> None:
    site = project / "notice_src/site.yaml"
    site.write_text(
        site.read_text().replace(
            "  en: {status: approved}\n", "  en: {status: approved}\n  pl: {status: draft}\n"
        )
    )
    notice = project / "notice_src/halls.yaml"
    notice.write_text(notice.read_text().replace("status: draft\n", "status: draft\nlanguages: [en]\n"))
    assert cli("build", "--root", str(project), "--format", "html")[0] == 0
    assert (project / "dist/library/pl/index.html").exists()
    assert not (project / "dist/halls/pl").exists()
    assert 'hreflang="pl"' not in (project / "dist/halls/en/index.html").read_text()


def test_a_new_notice_starts_as_a_draft(project: Path) -> None:
    from noticegen.source import load_project

    assert cli("new", "parks", "--title", "Parks privacy notice", "--root", str(project))[0] == 0
    model, _ = load_project(project)
    assert next(n for n in model.notices if n.id == "parks").status == "draft"
