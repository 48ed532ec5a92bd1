"""The PDF editions: tagged PDF/UA-1, clear print and large print, and a fetcher that reads nothing else."""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOTS, copy_root
from markupsafe import Markup

from noticegen.builders.job import Job
from noticegen.builders.pdf import (
    FetchPolicy,
    PdfBuilder,
    RefusedURL,
    breakable_urls,
    css_content,
    print_documents,
    qr_data_url,
    render_pdf,
    safe_fetcher,
)
from noticegen.model import Text
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project
from noticegen.templating import templates_dir

STANDARD = "library/en/library.pdf"
LARGE = "library/en/library-large-print.pdf"
BOTH = [STANDARD, LARGE]
ONLINE_URL = "https://www.example.gov.uk/privacy/library/en/"
SECRET = "TOP-SECRET-7f3a9c-DO-NOT-LEAK"


def tool(name: str) -> str:
    """A command from the virtual environment or the system; the test is skipped without it."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def pdftotext(path: Path) -> str:
    return subprocess.run(
        [tool("pdftotext"), str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def section_titles() -> list[str]:
    """The numbered section headings of the basic fixture, as the PDF shows them."""
    project, _ = load_project(ROOTS / "basic")
    notice = project.notices[0]
    return [f"{s.number}. {s.title.value}" for s in notice.sections]


def structure_tags(pdf: pikepdf.Pdf) -> tuple[Counter[str], list[str]]:
    """How often each structure type occurs, and the /Alt of every /Figure."""
    tags: Counter[str] = Counter()
    alts: list[str] = []
    stack = list(pdf.Root.StructTreeRoot.K)
    while stack:
        element = stack.pop()
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
            continue
        tags[str(element.S)[1:]] += 1
        if element.S == "/Figure":
            alts.append(str(element.get("/Alt", "")))
        kids = element.get("/K")
        if isinstance(kids, pikepdf.Array):
            stack.extend(kids)
        elif isinstance(kids, pikepdf.Dictionary):
            stack.append(kids)
    return tags, alts


def all_stream_bytes(path: Path) -> bytes:
    """Every stream of the file, decompressed where pikepdf can, plus the raw file."""
    chunks = [path.read_bytes()]
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    chunks.append(obj.read_bytes())
                except pikepdf.PdfError:
                    chunks.append(obj.read_raw_bytes())
    return b"\n".join(chunks)


# --- The basic fixture, built in every format ---------------------------------------------


def test_two_editions_are_built(basic_all: Path) -> None:
    for name in BOTH:
        assert (basic_all / name).read_bytes().startswith(b"%PDF-1.7")


@pytest.mark.parametrize("name", BOTH)
def test_document_is_tagged_pdf_ua(basic_all: Path, name: str) -> None:
    with pikepdf.open(basic_all / name) as pdf:
        assert pdf.Root.Lang == "en"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == "Library membership privacy notice"
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:title"] == "Library membership privacy notice"


@pytest.mark.parametrize("name", BOTH)
def test_bookmarks_have_one_entry_per_section(basic_all: Path, name: str) -> None:
    with pikepdf.open(basic_all / name) as pdf, pdf.open_outline() as outline:
        assert [item.title for item in outline.root] == ["Library membership privacy notice"]
        children = [item.title for item in outline.root[0].children]
    assert children == [*section_titles(), "Other formats and languages"]


@pytest.mark.parametrize("name", BOTH)
def test_structure_tree_has_headings_lists_links_tables_and_figures(basic_all: Path, name: str) -> None:
    with pikepdf.open(basic_all / name) as pdf:
        tags, alts = structure_tags(pdf)
    for tag in ("H1", "H2", "H3", "L", "LI", "Link", "Table", "TH", "TD", "Figure"):
        assert tags[tag], f"no /{tag} in the structure tree"
    assert tags["H1"] == 1
    assert tags["H2"] >= len(section_titles()) + 1
    assert "Example Council" in alts  # the logo, with the alt text from site.yaml
    assert any(ONLINE_URL in alt for alt in alts)  # the QR code says where it leads


@pytest.mark.parametrize("name", BOTH)
def test_every_font_is_embedded_and_none_is_italic(basic_all: Path, name: str) -> None:
    out = subprocess.run(
        [tool("pdffonts"), str(basic_all / name)], check=True, capture_output=True, text=True
    ).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        columns = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row)
        assert columns and columns.group(1) == "yes", f"font not embedded: {row}"
        assert not re.search(r"Italic|Oblique", row), f"italic font: {row}"
    assert "DejaVu-Sans" in out


@pytest.mark.parametrize("name", BOTH)
def test_pdfua_checker_finds_no_certain_problem(basic_all: Path, name: str) -> None:
    result = subprocess.run(
        [tool("pdfua"), "check", "--certain-only", str(basic_all / name)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", BOTH)
def test_text_has_headings_footer_and_every_address_in_full(basic_all: Path, name: str) -> None:
    text = re.sub(r"\s+", " ", pdftotext(basic_all / name))
    for title in section_titles():
        assert title in text
    assert "Page 1 of " in text
    assert "Version 1.2, 1 April 2024" in text  # the footer: one line, even in large print
    assert "Contents" in text and "Other formats and languages" in text
    assert "click here" not in text.lower()
    # Paper has no links: every address is printed in full (a web address may wrap after a '/').
    solid = squeeze(text)
    for shown in (
        "library@example.gov.uk",
        "0100 000 0001",
        "dpo@example.gov.uk",
        "0100 000 0000",
        "https://ico.org.uk/make-a-complaint/",
        "https://www.example.gov.uk",
        ONLINE_URL,
        "Z0000000",
    ):
        assert squeeze(shown) in solid, f"{shown} is not printed"


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def body_size(path: Path) -> float:
    """The most common character size: the body text."""
    import pdfplumber

    sizes: Counter[float] = Counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            sizes.update(round(char["size"], 1) for char in page.chars if char["text"].strip())
    return sizes.most_common(1)[0][0]


def footer_sizes(path: Path) -> list[float]:
    """The size of the characters of 'Page N of M' on every page."""
    import pdfplumber

    found = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["size"])
            found += [w["size"] for w in words if w["text"] == "Page" and w["top"] > page.height * 0.85]
    return found


def test_clear_print_is_14_point(basic_all: Path) -> None:
    assert 12 <= body_size(basic_all / STANDARD) <= 15


def test_large_print_is_18_point_with_page_numbers_as_large(basic_all: Path) -> None:
    assert body_size(basic_all / LARGE) >= 16
    assert body_size(basic_all / LARGE) > body_size(basic_all / STANDARD)
    sizes = footer_sizes(basic_all / LARGE)
    assert sizes and min(sizes) >= 16


def test_emphasis_is_bold_not_italic(basic_all: Path) -> None:
    import pdfplumber

    with pdfplumber.open(basic_all / STANDARD) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["fontname"])
    carefully = [w for w in words if w["text"].startswith("carefully")]
    assert carefully and all("Bold" in w["fontname"] for w in carefully)


def test_the_builder_writes_nothing_and_is_reproducible(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    job = basic_job(tmp_path)
    before = sorted(p for p in tmp_path.rglob("*"))
    first = PdfBuilder().build(job)
    second = PdfBuilder().build(job)
    assert sorted(p for p in tmp_path.rglob("*")) == before
    assert [a.path for a in first] == ["library/en/library.pdf", "library/en/library-large-print.pdf"]
    assert [a.data for a in first] == [a.data for a in second]
    with pikepdf.open(io.BytesIO(first[0].data)) as pdf:
        assert str(pdf.docinfo.CreationDate) == "D:20240401000000Z"  # the effective date


def test_source_date_epoch_sets_the_creation_date(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document = print_documents(basic_job(tmp_path))[0]
    assert '<meta name="dcterms.created" content="2023-11-14T22:13:20Z">' in document.html


def test_print_html_marks_fallback_language_and_direction(tmp_path: Path) -> None:
    job = basic_job(tmp_path)
    section = job.notice.sections[0]
    fallback = replace(section.blocks[0], text=Text("English fallback text.", "x", lang="en"))
    notice = replace(
        job.notice,
        lang="ar",
        sections=(replace(section, blocks=(fallback, *section.blocks[1:])), *job.notice.sections[1:]),
    )
    document = print_documents(replace(job, notice=notice, lang="ar"))[0]
    assert '<html lang="ar" dir="rtl">' in document.html
    assert '<p lang="en" dir="ltr">English fallback text.</p>' in document.html
    assert 'font-family: "Noto Naskh Arabic"' in document.html
    assert "@bottom-right" in document.html and "@top-right" in document.html  # start is on the right


def test_arabic_text_uses_noto_naskh_arabic(tmp_path: Path) -> None:
    if not any("NotoNaskhArabic" in p.name for p in Path("/usr/share/fonts").rglob("*.ttf")):
        pytest.skip("fonts-noto-core is not installed")
    job = basic_job(tmp_path)
    notice = replace(job.notice, lang="ar", title=Text("إشعار الخصوصية", "library/title"))
    data = render_pdf(print_documents(replace(job, notice=notice, lang="ar"))[0])
    path = tmp_path / "ar.pdf"
    path.write_bytes(data)
    with pikepdf.open(path) as pdf:
        assert pdf.Root.Lang == "ar"
    fonts = subprocess.run([tool("pdffonts"), str(path)], check=True, capture_output=True, text=True).stdout
    assert "Noto-Naskh-Arabic" in fonts


def basic_job(tmp_path: Path) -> Job:
    """The job for the basic fixture in English, from a copy under tmp_path/src."""
    root = copy_root("basic", tmp_path / "src")
    project, _ = load_project(root)
    notice = replace(project.notices[0], lang="en")
    return Job(project.site, notice, "en", templates_dir(root), str(root), ("en",))


# --- Small helpers --------------------------------------------------------------------------


def test_css_content_quotes_text_and_keeps_counters() -> None:
    assert css_content("Page {page} of {pages}", page="counter(page)", pages="counter(pages)") == (
        '"Page " counter(page) " of " counter(pages)'
    )
    assert css_content('a "b" \\ </style>') == '"a \\22 b\\22  \\5c  \\3c /style\\3e "'


def test_web_addresses_wrap_only_after_a_slash() -> None:
    html = breakable_urls(Markup('see <a href="https://x.uk/a-b/c">https://x.uk/a-b/c</a>'))
    assert html == (
        'see <a href="https://x.uk/a-b/c"><span class="nobr">https://</span>'
        '<span class="nobr">x.uk/</span><span class="nobr">a-b/</span>'
        '<span class="nobr">c</span></a>'
    )
    assert str(breakable_urls("<b>")) == "&lt;b&gt;"  # plain strings are escaped


def test_qr_code_is_vector_svg() -> None:
    import base64

    url = qr_data_url(ONLINE_URL)
    assert url.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(url.split(",", 1)[1])
    assert svg.startswith(b"<svg") and b"<path" in svg and b"<image" not in svg
    assert qr_data_url(ONLINE_URL) == url


# --- Security: the renderer reads only the templates and notice_src/assets/ -----------------


@pytest.fixture()
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret" / "secret.svg"
    path.parent.mkdir()
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="0" y="30">'
        f"{SECRET}</text></svg>",
        encoding="utf-8",
    )
    return path


@pytest.fixture()
def no_network(monkeypatch) -> list[object]:
    """Every attempt to open a connection is recorded and fails."""
    attempts: list[object] = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    return attempts


def policy_for(root: Path) -> FetchPolicy:
    assets = root / "notice_src" / "assets"
    return FetchPolicy.make(
        dirs=(*templates_dir(root), assets),
        files=(assets / "logo.svg",),
        data=("data:text/plain;base64,aGk=",),
    )


def test_fetch_policy_serves_templates_assets_and_own_data(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    policy = policy_for(root)
    body, mime = policy.resolve((root / "notice_src/assets/logo.svg").as_uri())
    assert body.startswith(b"<svg") and mime == "image/svg+xml"
    css = Path(templates_dir(root)[-1]) / "print" / "print.css"
    assert policy.resolve(css.as_uri())[0] == css.read_bytes()
    assert policy.resolve("data:text/plain;base64,aGk=") == (b"hi", "text/plain")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://evil.example/share/x.png",
        "http://127.0.0.1:9/x.png",
        "https://www.example.gov.uk/logo.png",
        "ftp://127.0.0.1/x",
        "data:image/svg+xml;base64,PHN2Zy8+",  # not made by the builder
        "relative/path.png",
    ],
)
def test_fetch_policy_refuses_everything_else_without_touching_the_disk(
    tmp_path: Path, monkeypatch, no_network: list[object], url: str
) -> None:
    policy = policy_for(copy_root("basic", tmp_path))

    def no_disk(*args, **kwargs):
        raise AssertionError(f"the disk was touched for {url}")

    monkeypatch.setattr(os.path, "realpath", no_disk)
    monkeypatch.setattr(os.path, "isfile", no_disk)
    monkeypatch.setattr("builtins.open", no_disk)
    with pytest.raises(RefusedURL):
        policy.resolve(url)
    assert no_network == []


def test_fetch_policy_refuses_paths_that_climb_or_link_out(tmp_path: Path, secret_file: Path) -> None:
    root = copy_root("basic", tmp_path)
    policy = policy_for(root)
    assets = root / "notice_src" / "assets"
    climbing = assets.as_uri() + "/../../../secret/secret.svg"
    (assets / "link.svg").symlink_to(secret_file)
    for url in (
        secret_file.as_uri(),
        climbing,
        (assets / "link.svg").as_uri(),
        (root / "notice_src" / "library.yaml").as_uri(),
    ):
        with pytest.raises(RefusedURL):
            policy.resolve(url)


def test_weasyprint_with_the_fetcher_reads_no_file_and_no_network(
    tmp_path: Path, secret_file: Path, no_network: list[object]
) -> None:
    """Hostile HTML and CSS given straight to WeasyPrint: every resource is refused."""
    from weasyprint import CSS, HTML

    root = copy_root("basic", tmp_path)
    policy = policy_for(root)
    asked: list[str] = []
    resolve = policy.resolve
    object.__setattr__(policy, "resolve", lambda url: asked.append(url) or resolve(url))
    fetcher = safe_fetcher(policy)
    secret = secret_file.as_uri()
    page = (
        f'<html lang="en"><head><title>t</title><link rel="stylesheet" href="{secret}"></head><body>'
        f'<p>x</p><img src="{secret}" alt="a"><img src="http://127.0.0.1:9/x.png" alt="b">'
        f'<img src="https://127.0.0.1:9/y.svg" alt="c"><object data="{secret}"></object>'
        f'<a href="http://127.0.0.1:9/x.png">remote link</a></body></html>'
    )
    css = f'@import url("{secret}"); body {{ background: url("http://127.0.0.1:9/bg.png") }}'
    data = HTML(string=page, base_url=root.as_uri() + "/", url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=css, url_fetcher=fetcher)], pdf_variant="pdf/ua-1"
    )
    out = tmp_path / "hostile.pdf"
    out.write_bytes(data)
    assert secret in asked and "http://127.0.0.1:9/x.png" in asked  # WeasyPrint asked; it was refused
    assert SECRET.encode() not in all_stream_bytes(out)
    assert SECRET not in pdftotext(out)
    assert no_network == []
    assert "http://127.0.0.1:9/x.png" in link_targets(out)  # a link stays a link


def link_targets(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        return [
            str(annot.A.URI)
            for page in pdf.pages
            for annot in page.get("/Annots", [])
            if "/A" in annot and "/URI" in annot.A
        ]


def test_hostile_notice_text_cannot_make_the_build_read_files_or_the_network(
    tmp_path: Path, secret_file: Path, no_network: list[object]
) -> None:
    """Text that skipped validation, with images and links to a secret file and a local port."""
    job = basic_job(tmp_path)
    hostile = Text(
        f"Look: ![secret]({secret_file.as_uri()}) [leak]({secret_file.as_uri()}) "
        f'<img src="{secret_file.as_uri()}"> ![remote](http://127.0.0.1:9/x.png) '
        "[remote link](http://127.0.0.1:9/x.png)",
        "library/who-we-are/intro",
    )
    section = job.notice.sections[0]
    block = replace(section.blocks[0], text=hostile)
    notice = replace(
        job.notice, sections=(replace(section, blocks=(block, *section.blocks[1:])), *job.notice.sections[1:])
    )
    documents = print_documents(replace(job, notice=notice))
    assert documents[0].html.count("<img") == 2  # the logo and the QR code, nothing from the text
    for document in documents:
        out = tmp_path / Path(document.path).name
        out.write_bytes(render_pdf(document))
        assert SECRET.encode() not in all_stream_bytes(out)
        assert SECRET not in pdftotext(out)
        assert "http://127.0.0.1:9/x.png" in link_targets(out)
    assert no_network == []


def test_build_with_a_remote_link_keeps_it_a_link(tmp_path: Path, no_network: list[object]) -> None:
    root = copy_root("basic", tmp_path)
    source = root / "notice_src" / "library.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            '*Read this carefully*."', '*Read this carefully*. See [the map](http://127.0.0.1:9/x.png)."'
        ),
        encoding="utf-8",
    )
    build(BuildOptions(root=root, formats=("pdf",), out=root / "dist"))
    out = root / "dist" / STANDARD
    assert "http://127.0.0.1:9/x.png" in link_targets(out)
    assert "themap(http://127.0.0.1:9/x.png)" in squeeze(pdftotext(out))
    assert no_network == []
