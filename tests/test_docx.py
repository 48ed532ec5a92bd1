"""The Word version: real headings, lists, tables and links; metadata; the same bytes each build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from noticegen.builders.docx import DocxBuilder
from noticegen.builders.job import Job
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project
from noticegen.templating import templates_dir

ROOTS = Path(__file__).resolve().parent / "roots"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
W = "{" + NS["w"] + "}"
EXPECTED_HEADINGS = [
    ("Heading1", "Library membership privacy notice"),
    ("Heading2", "At a glance"),
    ("Heading3", "Who is responsible for your information"),
    ("Heading3", "What we collect"),
    ("Heading3", "Our lawful basis"),
    ("Heading3", "Who we share it with"),
    ("Heading3", "How long we keep it"),
    ("Heading3", "Your rights"),
    ("Heading3", "Contact us or complain"),
    ("Heading2", "1. Who we are"),
    ("Heading2", "2. What we collect"),
    ("Heading3", "How we use it"),
    ("Heading2", "3. Who we share it with"),
    ("Heading2", "4. How long we keep it"),
    ("Heading2", "5. Your rights"),
    ("Heading3", "Right of access"),
    ("Heading2", "6. How to complain"),
    ("Heading2", "Contact us"),
    ("Heading3", "Data protection officer"),
]
SECTION_TITLES = [
    "Who we are",
    "What we collect",
    "Who we share it with",
    "How long we keep it",
    "Your rights",
    "How to complain",
]


def copy_basic(dest: Path) -> Path:
    target = dest / "basic"
    shutil.copytree(ROOTS / "basic", target)
    return target


def build_docx(root: Path, out: Path) -> Path:
    build(BuildOptions(root=root, formats=("docx",), out=out))
    return out / "library" / "en" / "library.docx"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_basic(tmp_path_factory.mktemp("docx"))
    return build_docx(root, root / "dist")


def xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def text_of(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def style_of(paragraph: etree._Element) -> str:
    return (paragraph.xpath("./w:pPr/w:pStyle/@w:val", namespaces=NS) or ["Normal"])[0]


def paragraphs(path: Path) -> list[etree._Element]:
    return xml(path, "word/document.xml").xpath("//w:body//w:p", namespaces=NS)


def paragraph_with(path: Path, text: str) -> etree._Element:
    return next(p for p in paragraphs(path) if text_of(p) == text)


def test_headings_use_word_heading_styles_in_order(built: Path) -> None:
    headings = [(style_of(p), text_of(p)) for p in paragraphs(built) if style_of(p).startswith("Heading")]
    assert headings == EXPECTED_HEADINGS


def test_lists_are_word_numbering_restarted_per_list(built: Path) -> None:
    numbering = xml(built, "word/numbering.xml")
    items = {text_of(p): p for p in paragraphs(built) if p.xpath("./w:pPr/w:numPr", namespaces=NS)}
    assert {
        "Your name",
        "To manage your loans",
        "Including reminders",
        "You fill in the form",
        "ask us to delete your data",
    } <= set(items)

    def num_id(text: str) -> str:
        return items[text].xpath("./w:pPr/w:numPr/w:numId/@w:val", namespaces=NS)[0]

    def ilvl(text: str) -> str:
        return items[text].xpath("./w:pPr/w:numPr/w:ilvl/@w:val", namespaces=NS)[0]

    def num_fmt(text: str) -> str:
        abstract = numbering.xpath(
            f"./w:num[@w:numId='{num_id(text)}']/w:abstractNumId/@w:val", namespaces=NS
        )[0]
        return numbering.xpath(
            f"./w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']/w:numFmt/@w:val",
            namespaces=NS,
        )[0]

    lists = ["Your name", "To manage your loans", "You fill in the form", "ask us to delete your data"]
    assert len({num_id(t) for t in lists}) == len(lists), "each list has its own w:num"
    assert num_id("Including reminders") == num_id("To manage your loans")
    assert (ilvl("To manage your loans"), ilvl("Including reminders")) == ("0", "1")
    assert num_fmt("You fill in the form") == "decimal"
    assert num_fmt("Your name") == num_fmt("To manage your loans") == "bullet"
    start = numbering.xpath(
        f"./w:num[@w:numId='{num_id('You fill in the form')}']/w:lvlOverride"
        "[@w:ilvl='0']/w:startOverride/@w:val",
        namespaces=NS,
    )
    assert start == ["1"]
    assert style_of(items["You fill in the form"]) == "ListNumber"
    assert style_of(items["Your name"]) == "ListBullet"


def test_table_has_a_marked_header_row_and_a_bordered_style(built: Path) -> None:
    table = xml(built, "word/document.xml").xpath("//w:tbl", namespaces=NS)[0]
    rows = table.xpath("./w:tr", namespaces=NS)
    assert rows[0].xpath("./w:trPr/w:tblHeader", namespaces=NS)
    assert not rows[1].xpath("./w:trPr/w:tblHeader", namespaces=NS)
    assert [text_of(c) for c in rows[0].xpath("./w:tc", namespaces=NS)] == ["Record", "How long we keep it"]
    style = table.xpath("./w:tblPr/w:tblStyle/@w:val", namespaces=NS)[0]
    borders = xml(built, "word/styles.xml").xpath(
        f"//w:style[@w:styleId='{style}']/w:tblPr/w:tblBorders/*/@w:val", namespaces=NS
    )
    assert borders and set(borders) == {"single"}


def test_links_are_live_hyperlinks_to_the_right_targets(built: Path) -> None:
    rels = xml(built, "word/_rels/document.xml.rels")
    targets = {
        r.get("Id"): (r.get("Target"), r.get("TargetMode"))
        for r in rels.xpath("//rel:Relationship", namespaces=NS)
    }
    links = {}
    for link in xml(built, "word/document.xml").xpath("//w:hyperlink", namespaces=NS):
        target, mode = targets[link.get(f"{{{NS['r']}}}id")]
        assert mode == "External"
        assert link.xpath(".//w:rStyle/@w:val", namespaces=NS) == ["Hyperlink"]
        links[text_of(link)] = target
    assert links["dpo@example.gov.uk"] == "mailto:dpo@example.gov.uk"
    assert links["library@example.gov.uk"] == "mailto:library@example.gov.uk"
    assert links["0100 000 0000"] == "tel:01000000000"
    assert links["https://www.example.gov.uk"] == "https://www.example.gov.uk"
    assert "https://ico.org.uk/make-a-complaint/" in links.values()
    link_style = xml(built, "word/styles.xml").xpath("//w:style[@w:styleId='Hyperlink']", namespaces=NS)
    assert link_style and link_style[0].get(f"{W}type") == "character"


def test_strong_and_emphasis_are_bold_character_styles(built: Path) -> None:
    runs = {
        text_of(r): r.xpath("./w:rPr/w:rStyle/@w:val", namespaces=NS)
        for r in xml(built, "word/document.xml").xpath("//w:r", namespaces=NS)
    }
    assert runs["Read this carefully"] == ["Emphasis"]
    assert runs["all"] == ["Strong"]
    styles = xml(built, "word/styles.xml")
    for name in ("Emphasis", "Strong"):
        assert styles.xpath(f"//w:style[@w:styleId='{name}']/w:rPr/w:b", namespaces=NS)


def test_document_properties_and_language(built: Path) -> None:
    props = docx.Document(str(built)).core_properties
    assert props.title == "Library membership privacy notice"
    assert props.subject == "How the library uses your details when you join."
    assert props.author == props.last_modified_by == "Example Council"
    assert props.language == "en-GB"
    assert props.created == props.modified == dt.datetime(2024, 4, 1, tzinfo=dt.UTC)
    assert props.revision == 1
    lang = xml(built, "word/styles.xml").xpath(
        "//w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val", namespaces=NS
    )
    assert lang == ["en-GB"]


def test_logo_is_a_picture_with_alt_text(built: Path) -> None:
    doc_pr = xml(built, "word/document.xml").xpath("//wp:inline/wp:docPr", namespaces=NS)
    assert len(doc_pr) == 1
    assert doc_pr[0].get("descr") == "Example Council"
    with zipfile.ZipFile(built) as package:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in package.namelist())


def test_without_a_png_logo_the_document_has_no_picture(tmp_path: Path) -> None:
    root = copy_basic(tmp_path)
    (root / "notice_src" / "assets" / "logo.png").unlink()
    path = build_docx(root, tmp_path / "dist")
    assert not xml(path, "word/document.xml").xpath("//w:drawing", namespaces=NS)


def test_no_empty_paragraphs(built: Path) -> None:
    empty = [
        p for p in paragraphs(built) if not text_of(p).strip() and not p.xpath(".//w:drawing", namespaces=NS)
    ]
    assert empty == []


def test_a4_pages_with_page_n_of_m_in_the_footer(built: Path) -> None:
    size = xml(built, "word/document.xml").xpath("//w:body/w:sectPr/w:pgSz", namespaces=NS)[0]
    assert (int(size.get(f"{W}w")), int(size.get(f"{W}h"))) == (11906, 16838)  # 21.0 x 29.7 cm
    with zipfile.ZipFile(built) as package:
        footers = [n for n in package.namelist() if n.startswith("word/footer")]
    footer = xml(built, footers[0])
    fields = [i.strip() for i in footer.xpath("//w:instrText/text()", namespaces=NS)]
    assert fields == ["PAGE", "NUMPAGES"]
    assert text_of(footer).startswith("Page ")


def test_two_builds_give_identical_bytes(built: Path, tmp_path: Path) -> None:
    again = build_docx(copy_basic(tmp_path), tmp_path / "dist")
    assert again.read_bytes() == built.read_bytes()
    with zipfile.ZipFile(built) as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    assert {i.date_time for i in infos} == {(2024, 4, 1, 0, 0, 0)}


NO_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def test_right_to_left_document_and_fallback_language_runs(tmp_path: Path) -> None:
    root = copy_basic(tmp_path)
    project, _ = load_project(root)
    notice = project.notices[0]
    first = notice.sections[0]
    fallback = dataclasses.replace(first, title=dataclasses.replace(first.title, lang="en"))
    notice = dataclasses.replace(notice, lang="ar", sections=(fallback, *notice.sections[1:]))
    job = Job(
        project.site, notice, "ar", templates_dir(root), str(root), ("ar",), status="draft", coverage=50.0
    )
    [artifact] = DocxBuilder().build(job)
    path = tmp_path / "ar.docx"
    path.write_bytes(artifact.data)
    body = paragraphs(path)
    draft = "This translation has not been checked yet. The English version is the one that counts."
    banners = [p for p in body if text_of(p).translate(NO_ISOLATES) == draft]
    assert [style_of(p) for p in banners] == ["Note", "Note"]  # in the document's language, then in English
    assert banners[1].xpath(".//w:r/w:rPr/w:lang/@w:val", namespaces=NS) == ["en-GB", "en-GB"]
    assert any("(50% translated)" in text_of(p) for p in body)
    rtl = [p for p in body if p is not banners[1]]
    assert all(p.xpath("./w:pPr/w:bidi", namespaces=NS) for p in rtl)
    assert not banners[1].xpath("./w:pPr/w:bidi", namespaces=NS)
    lang = xml(path, "word/styles.xml").xpath("//w:docDefaults//w:lang", namespaces=NS)[0]
    assert lang.get(f"{W}val").startswith("ar") and lang.get(f"{W}bidi").startswith("ar")
    title = next(p for p in body if text_of(p).endswith("Who we are\u2069"))
    # an English unit in a right-to-left paragraph is isolated: its full stop stays at its end
    english = [r for r in title.xpath("./w:r", namespaces=NS) if text_of(r) == "\u2066Who we are\u2069"][0]
    assert english.xpath("./w:rPr/w:lang/@w:val", namespaces=NS) == ["en-GB"]
    assert not english.xpath("./w:rPr/w:rtl", namespaces=NS)
    number = [r for r in title.xpath("./w:r", namespaces=NS) if text_of(r) == "1. "][0]
    assert number.xpath("./w:rPr/w:rtl", namespaces=NS) and not number.xpath("./w:rPr/w:lang", namespaces=NS)


def _pdf_tags(pikepdf, pdf) -> set[str]:
    """Every structure type in the PDF's tag tree, and what the role map says it stands for."""
    tree = pdf.Root.StructTreeRoot
    role_map = {str(k): str(v) for k, v in tree.get("/RoleMap", pikepdf.Dictionary()).items()}
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.update({str(node.S), role_map.get(str(node.S), str(node.S))})
            if "/K" in node:
                stack.append(node.K)
    return found


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_it_and_keeps_headings_in_a_tagged_pdf(built: Path, tmp_path: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    export = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            export,
            "--outdir",
            str(tmp_path),
            str(built),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf_path = tmp_path / "library.pdf"
    assert pdf_path.is_file(), "LibreOffice wrote no PDF"
    with pikepdf.open(pdf_path) as pdf:
        assert str(pdf.Root.get("/Lang")) == "en-GB"
        tags = _pdf_tags(pikepdf, pdf)
        assert {"/H1", "/H2"} <= tags or "/Heading" in tags, tags
        assert {"/L", "/LI", "/Table", "/TH", "/Link", "/Figure"} <= tags
        assert str(pdf.docinfo.get("/Title")) == "Library membership privacy notice"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf_path), "-"], check=True, capture_output=True, text=True
        ).stdout
        for title in SECTION_TITLES:
            assert title in text


def test_source_date_epoch_sets_the_document_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")  # 2024-06-01 00:00 UTC
    root = copy_basic(tmp_path)
    out = build(BuildOptions(root=root, formats=("docx",), out=tmp_path / "dist")).out
    path = out / "library/en/library.docx"
    assert docx.Document(str(path)).core_properties.created.date().isoformat() == "2024-06-01"
    assert {i.date_time[:3] for i in zipfile.ZipFile(path).infolist()} == {(2024, 6, 1)}
