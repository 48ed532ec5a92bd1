"""A notice for another controller, with the shapes of real notices, built inside the Sefton site:
every format shows its nested and numbered lists, tables and details, and names its own
controllers and DPO; Sefton (the publisher) appears only in the site header and logo."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from test_accessibility import VNU, axe_violations, browser, wrapped  # noqa: F401  (the browser fixture)

from noticegen.pipeline import BuildOptions, build

FIXTURE = ROOT / "tests/fixtures/shapes/central-bedfordshire.yaml"
NOTICE = "central-bedfordshire"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Sefton site with the other council's notice added, built (that notice only)."""
    root = tmp_path_factory.mktemp("cb") / "site"
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    shutil.copy(FIXTURE, root / "notice_src" / FIXTURE.name)
    build(BuildOptions(root=root, notices=(NOTICE,), out=root / "dist", workers=1))
    return root / "dist" / NOTICE


class Outline(HTMLParser):
    """Each list item's depth and the kind of its list; every id; table cells by tag."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.items: list[tuple[int, str, str | None]] = []
        self.ids: list[str] = []
        self.cells: list[tuple[str, str | None]] = []
        self.captions = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"] or "")
        if tag in ("ul", "ol"):
            self.stack.append((tag, found.get("type")))
        elif tag == "li" and self.stack:
            self.items.append((len(self.stack), *self.stack[-1]))
        elif tag in ("th", "td"):
            self.cells.append((tag, found.get("scope")))
        elif tag == "caption":
            self.captions += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.stack.pop()


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def test_page_nests_lists_four_levels_with_their_numbering(site: Path) -> None:
    html = (site / "en/index.html").read_text()
    criteria = html[html.index('id="criteria"') : html.index('id="what-we-collect"')]
    items = outline(criteria).items
    assert items == [
        (1, "ol", None),
        (2, "ul", None),
        (3, "ul", None),
        (4, "ol", "i"),
        (4, "ol", "i"),
        (1, "ol", None),
        (2, "ol", "a"),
        (2, "ol", "a"),
    ]
    assert "<p>Getting a good education, for example:</p><p>Attendance is measured" in criteria


def test_page_tables_details_and_ids(site: Path) -> None:
    html = (site / "en/index.html").read_text()
    parsed = outline(html)
    assert len(parsed.ids) == len(set(parsed.ids)), "an id is used twice"
    assert 'id="contact-us"' in html and 'id="contact_us"' in html  # the notice's and the page's
    assert parsed.captions == 1
    assert ("th", "row") in parsed.cells and ("th", "col") in parsed.cells
    assert "<dt>Version number</dt><dd>1.2</dd>" in html
    for header in ("How long", "From when", "Who", "Why", "Lawful basis"):
        assert f'<th scope="col">{header}</th>' in html
    assert '<th scope="row">Case records</th><td>6 years</td><td>the case is closed</td>' in html


def without_publisher(html: str) -> str:
    """The page without its site header and <title> (where the publisher is named)."""
    html = re.sub(r"<title>.*?</title>", "", html, flags=re.S)
    return re.sub(r'<header class="site-header">.*?</header>', "", html, flags=re.S)


def test_every_format_names_the_notices_own_controllers_and_dpo(site: Path) -> None:
    page = without_publisher((site / "en/index.html").read_text())
    text = (site / f"en/{NOTICE}.txt").read_text()
    document = docx.Document(str(site / f"en/{NOTICE}.docx"))
    words = "\n".join(p.text for p in document.paragraphs)
    for made in (page, text, words):
        assert "Sefton" not in made
        assert (
            "Data controller: Central Bedfordshire Council"
            in re.sub(r"<[^>]+>", " ", made).replace("  ", " ")
            or "Data controller:</dt><dd>Central Bedfordshire Council" in made
        )
        assert "data.protection@centralbedfordshire.gov.uk" in made
        assert "Department for Education" in made and "Capita plc" in made
    assert document.core_properties.author == "Central Bedfordshire Council, Department for Education"
    assert text.startswith("Central Bedfordshire Council, Department for Education\n")


def test_pdf_is_tagged_with_nested_lists_and_table_headers(site: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    pdf = pikepdf.open(site / f"en/{NOTICE}.pdf")
    paths: list[list[str]] = []

    def walk(node, path: list[str]) -> None:
        kind = node.get("/S")
        if kind is not None:
            path = [*path, str(kind)]
            paths.append(path)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary):
                walk(kid, path)

    walk(pdf.Root.StructTreeRoot, [])
    assert max(p.count("/L") for p in paths) >= 4
    assert any(p[-1] == "/TH" and "/TBody" in p for p in paths)  # row headers
    assert any(p[-1] == "/Caption" for p in paths)
    if shutil.which("pdftotext"):
        words = subprocess.run(
            ["pdftotext", "-layout", str(site / f"en/{NOTICE}.pdf"), "-"], capture_output=True, text=True
        ).stdout
        assert [n for n, line in enumerate(words.splitlines()) if "Sefton" in line] == [3]  # the masthead
        assert "i. in the autumn term" in words and "a. speech and language" in words


def test_docx_has_multi_level_numbering_and_repeating_header_rows(site: Path) -> None:
    with zipfile.ZipFile(site / f"en/{NOTICE}.docx") as package:
        body = package.read("word/document.xml").decode()
        numbering = package.read("word/numbering.xml").decode()
    assert {"lowerRoman", "lowerLetter", "decimal", "bullet"} <= set(
        re.findall(r'w:numFmt w:val="(\w+)"', numbering)
    )
    levels = [int(x) for x in re.findall(r'<w:ilvl w:val="(\d)"/>', body)]
    assert max(levels) == 3
    assert (
        body.count("<w:tblHeader/>") == 3
        and 'w:tblCaption w:val="Systems that hold your information"' in body
    )
    document = docx.Document(str(site / f"en/{NOTICE}.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "Attendance is measured over the last three terms." in texts
    assert "Version number: 1.2" in texts


def test_text_levels_letters_and_tables_within_72_columns(site: Path) -> None:
    text = (site / f"en/{NOTICE}.txt").read_text()
    # Only a web address too long for a line may pass the margin (it is never broken).
    assert all(len(line) <= 72 or re.search(r"https://\S{40,}", line) for line in text.splitlines())
    assert "\n        i. in the autumn term\n       ii. in the spring term\n" in text
    assert "\n   a. speech and language\n" in text
    assert "\nCase records                 6 years   the case is closed\n" in text


def test_only_the_notices_own_languages_are_built(site: Path) -> None:
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == ["en"]


def test_translation_catalog_has_each_item_row_cell_and_line_with_its_context(tmp_path: Path) -> None:
    from noticegen.i18n.messages import notice_messages
    from noticegen.source import load_project

    root = tmp_path / "site"
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    shutil.copy(FIXTURE, root / "notice_src" / FIXTURE.name)
    project, _ = load_project(root)
    messages = {m.context: m for m in notice_messages(project) if m.context.startswith(NOTICE)}
    section = f"{NOTICE}/block"
    expected = {
        f"{section}/criteria/education/attendance/low-attendance/term-one": "in the autumn term",
        f"{section}/criteria/education/more1": "Attendance is measured over the last three terms.",
        f"{section}/cookies/caption": "Systems that hold your information",
        f"{section}/cookies/case-system/col2": "Your case notes",
        f"{section}/cookies/row2/col3": "Department for Education",
        f"{section}/document-control/version/label": "Version number",
        f"{section}/document-control/version/value": "1.2",
        f"{NOTICE}/facts/retention/case-records/period": "6 years",
        f"{NOTICE}/facts/recipients/dfe-share/why": "to evaluate the programme",
        f"{NOTICE}/facts/lawful_bases/public-task/purpose": "Identifying and supporting families",
        f"{NOTICE}/controllers/dfe/name": "Department for Education",
        f"{NOTICE}/joint_arrangement": None,
        f"{NOTICE}/processors/capita": "runs our case management system",
    }
    for context, msgid in expected.items():
        assert context in messages, context
        assert msgid is None or messages[context].msgid == msgid
    assert messages[f"{section}/cookies/caption"].comments[0].startswith("Table caption")
    assert (
        messages[f"{NOTICE}/facts/retention/case-records/period"]
        .comments[0]
        .startswith("How long it is kept")
    )
    assert len({m.context for m in messages.values()}) == len(messages)


def test_real_checkers_accept_the_page_and_fragment(site: Path, browser) -> None:  # noqa: F811
    page = site / "en/index.html"
    violations = axe_violations(browser, page)
    assert not violations, violations
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run 'make test', which installs the Nu Html Checker")
    holder = site.parent / "wrapped"
    holder.mkdir(exist_ok=True)
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            str(page),
            str(wrapped(site / "en/fragment.html", holder)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert not errors, errors


def test_libreoffice_reads_the_word_numbering_at_every_level(site: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("LibreOffice is not installed: run 'make test', which installs it")
    subprocess.run(
        [
            soffice,
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(site / f"en/{NOTICE}.docx"),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    text = (tmp_path / f"{NOTICE}.txt").read_text(encoding="utf-8-sig")
    criteria = text[text.index("Who the programme is for") : text.index("What information we collect")]
    lines = [line.rstrip() for line in criteria.splitlines() if line.strip()]
    assert "    1. Getting a good education, for example:" in lines
    assert "        ◦ children who have not been attending school regularly" in lines
    assert "            ▪ with average attendance below 90%" in lines
    assert "                ii. in the spring term" in lines
    assert "        b. missed health visits" in lines
