"""The at-a-glance summary: made only from facts, on every format, replaceable line by line."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import copy_root
from corpus_site import ROOT, make_site

from noticegen.cli import main
from noticegen.layers import glance
from noticegen.model import Notice
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project
from noticegen.templating import Renderer

ROW = re.compile(r'<div class="glance-row">\s*<dt>(.*?)</dt>\s*<dd>(.*?)</dd>', re.S)
HEADINGS = {
    "What we collect": "categories",
    "Who we share it with": "recipients",
    "How long we keep it": "retention",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root, _ = make_site(tmp_path_factory.mktemp("glance"))
    out = root / "dist"
    build(BuildOptions(root=root, formats=("html", "txt", "docx"), out=out))
    return root, out


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def shown_rows(page: str) -> dict[str, list[str]]:
    """Each row's heading and the entries it shows (list items, else paragraphs), as plain text."""
    box = page.split('<section class="glance"', 1)[1].split("</section>", 1)[0]
    rows = {}
    for heading, body in ROW.findall(box):
        body = re.sub(r'<p class="glance-more">.*?</p>', "", body, flags=re.S)
        items = re.findall(r"<li[^>]*>(.*?)</li>", body, re.S) or re.findall(r"<p[^>]*>(.*?)</p>", body, re.S)
        rows[plain(heading)] = [plain(i) for i in items]
    return rows


def test_every_value_comes_from_a_fact(site):
    root, _ = site
    project, _ = load_project(root)
    assert len(project.notices) >= 1
    for notice in project.notices:
        for row in glance.rows(project.site, notice):
            for value in row.values:
                kind, _, ident = value.fact.partition("/")
                if kind in ("site", "contacts", "controllers"):
                    continue
                fact = next(f for f in getattr(notice.facts, kind) if f.id == ident)
                if kind == "lawful_bases":
                    assert value.code in fact.basis
                elif kind == "rights":
                    assert value.code == fact.kind and value.text in (fact.title, fact.text)
                else:
                    assert value.text == fact.text


def fact_texts(project, notice: Notice, name: str) -> set[str]:
    r = Renderer(project.site, notice)
    return {r.plain(f.text) for f in getattr(notice.facts, name)}


def test_the_page_shows_facts_and_nothing_else(site):
    root, out = site
    project, _ = load_project(root)
    written = {(n.id, line.id) for n in project.notices for line in n.at_a_glance}
    for notice in project.notices:
        rows = shown_rows((out / notice.id / "en/index.html").read_text(encoding="utf-8"))
        for heading, name in HEADINGS.items():
            key = {"categories": "what", "recipients": "share", "retention": "keep"}[name]
            if (notice.id, key) in written:
                continue
            facts = fact_texts(project, notice, name)
            assert set(rows.get(heading, [])) <= facts, (notice.id, heading)
            assert len(rows.get(heading, [])) == len(facts), (notice.id, heading)
        codes = {code for b in notice.facts.lawful_bases for code in b.basis}
        for entry in rows.get("Our lawful basis", []):
            (code,) = re.findall(r"Article (\S+)\)$", entry)
            assert code in codes, (notice.id, entry)
        # Each notice's own controller(s) (an imported notice names its own), else the site's.
        names = [c.name.value for c in notice.controllers] or [project.site.org_name.value]
        assert rows["Who is responsible for your information"] == [
            f"{n} (the data controller)" for n in names
        ]


def test_the_seed_summary_in_every_format(site):
    _, out = site
    folder = out / "supporting-families/en"
    rows = shown_rows((folder / "index.html").read_text(encoding="utf-8"))
    assert "NHS number" in rows["What we collect"]
    assert "Police and Fire Services" in rows["Who we share it with"]
    assert rows["Our lawful basis"][1] == "a public task (UK GDPR Article 6(1)(e))"
    assert rows["Why we use it"][0].startswith("To identify families in need")  # the author's line
    text = (folder / "supporting-families.txt").read_text(encoding="utf-8")
    assert text.index("At a glance") < text.index("Contents") < text.index("1. Introduction")
    assert "  - NHS number" in text
    paragraphs = [
        (p.style.name, p.text) for p in docx.Document(str(folder / "supporting-families.docx")).paragraphs
    ]
    headings = [t for s, t in paragraphs if s == "Heading 2"]
    assert headings[0] == "At a glance" and headings[1] == "1. Introduction"
    assert ("List Bullet", "NHS number") in paragraphs


def test_the_fragment_has_it_with_the_cms_prefix(site):
    _, out = site
    fragment = (out / "supporting-families/en/fragment.html").read_text(encoding="utf-8")
    assert '<h2 id="pn-at-a-glance">At a glance</h2>' in fragment
    assert 'href="#pn-what-we-collect"' in fragment


def test_right_to_left(site):
    _, out = site
    page = (out / "supporting-families/ar/index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    box = page.split('<section class="glance"', 1)[1].split("</section>", 1)[0]
    assert 'dir="ltr">ino.information@sefton.gov.uk</a>' in box
    assert "NHS" in box  # the Arabic fact text keeps the acronym


def test_an_author_line_replaces_the_made_one(tmp_path: Path):
    root = copy_root("basic", tmp_path)
    source = root / "notice_src/library.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("\nsections:", '\nat_a_glance:\n  keep: "We keep it for *two* years."\nsections:', 1)
    )
    out = root / "dist"
    build(BuildOptions(root=root, formats=("html", "txt"), out=out))
    rows = shown_rows((out / "library/en/index.html").read_text(encoding="utf-8"))
    assert rows["How long we keep it"] == ["We keep it for two years."]
    plain_text = (out / "library/en/library.txt").read_text(encoding="utf-8")
    assert "How long we keep it\n  We keep it for two years." in plain_text
    assert plain_text.count("We keep your record for 2 years") == 1  # only in its own section


def test_an_unknown_line_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    root = copy_root("basic", tmp_path)
    source = root / "notice_src/library.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\nsections:", '\nat_a_glance:\n  kep: "Six years."\nsections:', 1))
    assert main(["build", "--root", str(root), "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert "unknown key 'kep' in at_a_glance (did you mean 'keep'?)" in err
    assert "library.yaml:" in err and "Traceback" not in err
    assert not (root / "dist").exists()


def test_the_pdf_has_it_before_the_contents_on_the_first_page(tmp_path: Path):
    root = copy_root("basic", tmp_path)
    out = root / "dist"
    build(BuildOptions(root=root, formats=("pdf",), out=out))
    for name in ("library.pdf", "library-large-print.pdf"):
        pdf = out / "library/en" / name
        first = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "At a glance" in first, name
        whole = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert whole.index("At a glance") < whole.index("Who we share it with") < whole.index("Contents")


def test_the_seed_has_every_row():
    project, _ = load_project(ROOT)
    keys = [row.key for row in glance.rows(project.site, project.notices[0])]
    assert keys == ["who", "what", "why", "basis", "share", "keep", "rights", "contact"]
