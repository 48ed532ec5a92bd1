"""Printed pages staff can rely on: full pages, no stranded lines, one-line header and footer,
label/value rows that stay aligned, for the seed in every language and edition and for the
corpus notices imported from Word."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from pdf_pages import ROOT, find_last, read_pages, shared_dir
from print_rows import row_gaps

from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build

MIN_FILL = 0.60  # every page but the last two is at least this full
MIN_LAST_LINES = 6  # the last page is never a line or two left alone


def _pdfs(out: Path) -> list[Path]:
    """The current versions' printed editions (the v/ copies are laid out by the same code)."""
    return sorted(p for p in out.rglob("*.pdf") if "/v/" not in p.as_posix())


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The real notice, every language, clear print and large print (two workers)."""
    out = tmp_path_factory.mktemp("print-seed") / "dist"
    build(BuildOptions(root=ROOT, formats=("pdf",), out=out, workers=2))
    return _pdfs(out)


@pytest.fixture(scope="module")
def corpus_pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The corpus notices imported from Word with `noticegen import`, in English, both editions."""
    shared = shared_dir()
    if shared is None or not (shared / "corpus").is_dir():
        pytest.skip("the shared corpus is not beside this checkout (set NOTICEGEN_SHARED)")
    root = tmp_path_factory.mktemp("print-corpus")
    (root / "notice_src").mkdir()
    shutil.copy(ROOT / "notice_src" / "site.yaml", root / "notice_src" / "site.yaml")
    shutil.copytree(ROOT / "notice_src" / "assets", root / "notice_src" / "assets")
    for docx in sorted((shared / "corpus").glob("*.docx")):
        assert main(["--root", str(root), "import", str(docx)]) == 0, docx.name
    out = root / "dist"
    build(BuildOptions(root=root, langs=("en",), formats=("pdf",), out=out, workers=2))
    return _pdfs(out)


def _check_fill(path: Path) -> list[str]:
    pages = read_pages(path)
    problems = [
        f"{path.name}: page {number} is only {page.fill:.0%} full"
        for number, page in enumerate(pages[:-2], start=1)
        if page.fill < MIN_FILL
    ]
    if len(pages[-1].body) < MIN_LAST_LINES:
        problems.append(f"{path.name}: the last page holds only {len(pages[-1].body)} lines")
    return problems


def test_seed_pages_are_full_and_the_last_is_not_stranded(seed_pdfs: list[Path]) -> None:
    assert len(seed_pdfs) == 8  # four languages, two editions
    problems = [p for path in seed_pdfs for p in _check_fill(path)]
    assert not problems


def test_corpus_pages_are_full_and_the_last_is_not_stranded(corpus_pdfs: list[Path]) -> None:
    assert len(corpus_pdfs) == 14  # seven notices, two editions
    problems = [p for path in corpus_pdfs for p in _check_fill(path)]
    assert not problems


def _check_margins(path: Path) -> list[str]:
    problems = []
    for number, page in enumerate(read_pages(path), start=1):
        if len(page.footer) != 1:
            problems.append(f"{path.name}: page {number}: the footer takes {len(page.footer)} lines")
        if number > 1 and len(page.header) != 1:
            problems.append(f"{path.name}: page {number}: the running header takes {len(page.header)} lines")
    return problems


def test_header_and_footer_fit_on_one_line(seed_pdfs: list[Path], corpus_pdfs: list[Path]) -> None:
    problems = [p for path in seed_pdfs + corpus_pdfs for p in _check_margins(path)]
    assert not problems


def test_label_value_rows_stay_aligned(seed_pdfs: list[Path]) -> None:
    """Each value's first line sits on the baseline of its label's first line, on the start side,
    even when the label wraps (the large print Ukrainian "Електронна пошта")."""
    gaps = [(path.name, *gap) for path in seed_pdfs for gap in row_gaps(path)]
    assert len(gaps) >= 40
    assert [g for g in gaps if g[-1] > 1.0] == []


def _name_size(pdf: pdfplumber.PDF, name: str) -> float:
    found = find_last(pdf, name, rtl=not name.isascii())
    assert found, f"{name} is not in the language list"
    return max(char["size"] for char in found[1]["chars"])


def test_arabic_language_name_is_set_larger_in_the_pdf(seed_pdfs: list[Path]) -> None:
    """Naskh has a small x-height: at the same size as "Polski" it looks far smaller."""
    for path in seed_pdfs:
        with pdfplumber.open(path) as pdf:
            assert _name_size(pdf, "العربية") >= 1.25 * _name_size(pdf, "Polski"), path


def test_arabic_language_name_is_set_larger_on_the_page(tmp_path: Path) -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.skip("chromium is not installed: run 'make test', which installs it")
    from playwright.sync_api import sync_playwright

    out = tmp_path / "dist"
    build(BuildOptions(root=ROOT, langs=("en", "pl", "ar"), formats=("html",), out=out, workers=1))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto((out / "supporting-families" / "en" / "index.html").as_uri())
        size = "(e) => parseFloat(getComputedStyle(e).fontSize)"
        arabic = page.eval_on_selector('.languages [lang="ar"]', size)
        polish = page.eval_on_selector('.languages [lang="pl"]', size)
        browser.close()
    assert arabic >= 1.25 * polish
