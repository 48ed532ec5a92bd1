"""Markup planted in every entry of both catalogs never becomes live in any format (issue 15).

Two lines of defence, each tested: the build refuses a catalog `i18n check` refuses (exit 2 with
file:line), and behind that gate every translation is text: escaped in HTML, fragments and the
feed, no link annotation in the PDFs and no hyperlink in the Word file goes to javascript: or file:.
"""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pikepdf
import polib
import pytest
from conftest import copy_root

from noticegen import pipeline
from noticegen.cli import main
from noticegen.errors import UserError
from noticegen.i18n.workflow import init
from noticegen.pipeline import BuildOptions, build

PLANTED = (
    '<script>alert("x")</script><a href="javascript:alert(1)">J</a>'
    '<a href="file:///etc/passwd">F</a>[md](javascript:alert(2)) '
)
BAD_SCHEMES = ("javascript:", "file:", "data:", "vbscript:")


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic project released once, with Polish catalogs whose every entry carries markup."""
    root = copy_root("basic", tmp_path_factory.mktemp("planted"))
    assert (
        main(
            [
                "release",
                "library",
                "--root",
                str(root),
                "--major",
                "--summary",
                "First.",
                "--date",
                "2024-04-01",
            ]
        )
        == 0
    )
    init(root, "pl")
    site = root / "notice_src/site.yaml"
    site.write_text(site.read_text().replace("  pl: {status: draft}\n", "  pl: {status: approved}\n"))
    for domain in ("notices", "interface"):
        po = polib.pofile(str(root / f"locales/pl/LC_MESSAGES/{domain}.po"))
        for entry in po:
            # The English is kept after the markup, so every placeholder, %-marker and link target
            # survives and the translation is used (not replaced by the English).
            if entry.msgid_plural:
                entry.msgstr_plural = {i: PLANTED + entry.msgid_plural for i in entry.msgstr_plural}
            else:
                entry.msgstr = PLANTED + entry.msgid
        po.save()
    return root


def test_the_build_refuses_the_catalogs(planted: Path, capsys) -> None:
    assert main(["build", "--root", str(planted), "--lang", "pl", "-j", "1"]) == 2
    err = capsys.readouterr().err
    for domain in ("notices", "interface"):
        assert re.search(rf"locales/pl/LC_MESSAGES/{domain}\.po:\d+: error: .* adds raw HTML", err), err
    assert not (planted / "dist").exists()
    with pytest.raises(UserError):  # the preview builds through the same pipeline.build
        build(BuildOptions(root=planted, langs=("pl",)))


@pytest.fixture(scope="module")
def behind_the_gate(planted: Path) -> Path:
    """Every format built with the gate removed: the escaping itself is what is tested."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "refuse_bad_catalogs", lambda root, langs: None)
        return build(BuildOptions(root=planted, langs=("en", "pl"), out=planted / "unsafe", workers=1)).out


def tags(html: str) -> list[tuple[str, dict[str, str]]]:
    """The elements a browser would build (escaped text is not a tag)."""
    found: list[tuple[str, dict[str, str]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, {k: v or "" for k, v in attrs}))

    Collector().feed(html)
    return found


def assert_inert(html: str, where: str) -> None:
    for tag, attrs in tags(html):
        # Our own scripts only: the facts as JSON-LD (data, never run) and the search box's script.
        ours = attrs == {"type": "application/ld+json"} or attrs.get("src", "").endswith("assets/search.js")
        assert tag != "script" or ours, f"a live <script> in {where}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"an event handler in {where}"
            assert not value.strip().lower().startswith(BAD_SCHEMES), f"{name}={value} in {where}"


def test_html_fragments_and_history_pages_show_the_markup_as_text(behind_the_gate: Path) -> None:
    pages = sorted((behind_the_gate / "library/pl").rglob("*.html")) + [behind_the_gate / "index.html"]
    assert len(pages) >= 4  # index, fragment, changes, v/<version>/
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert_inert(text, str(page))
        for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            assert json.loads(data)["@context"], page  # whole: no translation closed the script early
    index = (behind_the_gate / "library/pl/index.html").read_text(encoding="utf-8")
    fragment = (behind_the_gate / "library/pl/fragment.html").read_text(encoding="utf-8")
    for html in (index, fragment):  # the planted text reached the page, shown as characters
        assert "&lt;script&gt;alert(" in html
    past = sorted((behind_the_gate / "library/pl/v").glob("*/index.html"))
    assert past and "&lt;script&gt;" in past[0].read_text(encoding="utf-8")


def test_the_feed_holds_no_live_markup(behind_the_gate: Path) -> None:
    feed = ElementTree.parse(behind_the_gate / "feed.atom")
    for element in feed.iter():
        if element.get("type") in ("html", "xhtml") and element.text:
            assert_inert(element.text, "feed.atom")
        for value in element.attrib.values():
            assert not value.lower().startswith(BAD_SCHEMES)


def test_plain_text_carries_the_characters_only(behind_the_gate: Path) -> None:
    text = (behind_the_gate / "library/pl/library.txt").read_text(encoding="utf-8")
    assert '<script>alert("x")</script>' in text  # text cannot run: the characters are shown
    assert "md (javascript:" not in text  # a notice text's unsafe link lost its target


def test_pdfs_have_no_unsafe_link_or_action(behind_the_gate: Path) -> None:
    pdfs = sorted((behind_the_gate / "library/pl").glob("*.pdf"))
    assert len(pdfs) == 4  # standard, large print, the leaflet's A5 pages and its imposed sheets
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            for page in pdf.pages:
                for annot in page.obj.get("/Annots", []):
                    action = annot.get("/A")
                    uri = str(action.get("/URI", "")) if action is not None else ""
                    assert not uri.lower().startswith(BAD_SCHEMES), f"{path.name}: a link to {uri}"
                    if action is not None:
                        assert action.get("/S") in (None, "/URI", "/GoTo"), action.get("/S")
            for obj in pdf.objects:
                if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                    keys = set(obj.keys())
                    assert not keys & {"/JS", "/JavaScript", "/Launch"}, f"{path.name}: {keys}"
                if isinstance(obj, pikepdf.Stream):
                    data = obj.read_bytes()
                    assert b"/JavaScript" not in data and b"/URI (javascript" not in data.lower()


def test_word_file_has_no_unsafe_hyperlink(behind_the_gate: Path) -> None:
    with zipfile.ZipFile(behind_the_gate / "library/pl/library.docx") as docx:
        for name in docx.namelist():
            data = docx.read(name)
            if name.endswith(".rels"):
                for rel in ElementTree.fromstring(data):
                    target = rel.get("Target", "").lower()
                    assert not target.startswith(BAD_SCHEMES), f"{name}: {target}"
            if name.endswith(".xml"):
                ElementTree.fromstring(data)  # well-formed: the markup stayed text
        assert b"&lt;script&gt;" in docx.read("word/document.xml")


def test_the_preview_refuses_the_catalogs_and_shows_where(planted: Path, tmp_path: Path) -> None:
    from noticegen.preview.rebuild import Preview

    preview = Preview(planted, tmp_path / "site", ("pl",), ("html",), 1, lambda line: None)
    assert preview.rebuild() is False
    shown = "\n".join(str(p) for p in preview.current_problems())
    assert re.search(r"locales/pl/LC_MESSAGES/interface\.po:\d+: error: .* adds raw HTML", shown), shown
