"""The leaflet (A5 pages imposed two-up on A4 in booklet order) and the braille-ready file."""

from __future__ import annotations

import collections
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from pdf_pages import ROOT, read_pages
from print_rows import row_gaps

from noticegen.builders.braille import translate
from noticegen.builders.braille_tables import table_for
from noticegen.languages import direction
from noticegen.pipeline import BuildOptions, build

LANGS = ("en", "pl", "ar", "uk")
ID = "supporting-families"
BRF_CELLS = re.compile(r"^[\x20-\x5f]*$")  # North American ASCII braille: one character a cell


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real notice's leaflets, braille files and plain text, in every language."""
    out = tmp_path_factory.mktemp("print-formats") / "dist"
    build(BuildOptions(root=ROOT, formats=("leaflet", "braille", "txt"), out=out, workers=2))
    return out / ID


def _page_texts(pdf: pdfplumber.PDF, halves: bool) -> list[str]:
    """Each page's words as one string, or each half page's (left, then right) for a sheet."""
    texts = []
    for page in pdf.pages:
        boxes = [(0, 0, page.width / 2, page.height), (page.width / 2, 0, page.width, page.height)]
        for box in boxes if halves else [page.bbox]:
            texts.append(" ".join(w["text"] for w in page.crop(box).extract_words()))
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_leaflet_sheets_are_a4_landscape_in_booklet_order(made: Path, lang: str) -> None:
    with pdfplumber.open(made / lang / f"{ID}-leaflet-a5.pdf") as pdf:
        pages = _page_texts(pdf, halves=False)
        assert all(round(p.width) == 420 and round(p.height) == 595 for p in pdf.pages)  # A5
    with pdfplumber.open(made / lang / f"{ID}-leaflet.pdf") as pdf:
        assert all(round(p.width) == 842 and round(p.height) == 595 for p in pdf.pages)  # A4 landscape
        slots = _page_texts(pdf, halves=True)
    count = len(slots)
    assert count % 4 == 0 and count - 4 < len(pages) <= count
    # Reading position of each A5 page: the notice in order, blank pages, its last page at the back.
    position = {text: n for n, text in enumerate(pages[:-1], start=1)} | {pages[-1]: count}
    blanks = set(range(len(pages), count))
    rtl = direction(lang) == "rtl"
    for side in range(count // 2):
        left, right = slots[2 * side], slots[2 * side + 1]
        # The k-th printed side holds reading positions k+1 and N-k; the odd one is the right-hand
        # page of a booklet read left to right, the left-hand one of a booklet read right to left.
        odd, even = (right, left) if not rtl else (left, right)
        expected_odd, expected_even = sorted((side + 1, count - side), key=lambda p: p % 2 == 0)
        for text, expected in ((odd, expected_odd), (even, expected_even)):
            if expected in blanks:
                assert text == "", f"side {side + 1}: position {expected} should be blank"
            else:
                assert position.get(text) == expected, f"side {side + 1}: not reading position {expected}"


@pytest.mark.parametrize("lang", LANGS)
def test_leaflet_pages_are_tagged_and_full(made: Path, lang: str) -> None:
    path = made / lang / f"{ID}-leaflet-a5.pdf"
    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked is True and "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == lang
    pages = read_pages(path)
    assert all(p.fill >= 0.6 for p in pages[:-2]) and len(pages[-1].body) >= 6
    assert all(len(p.footer) == 1 for p in pages) and all(len(p.header) == 1 for p in pages[1:])
    rows = row_gaps(path)
    assert len(rows) >= 5 and [r for r in rows if r[-1] > 1.0] == []


@pytest.mark.parametrize("lang", ("en", "ar"))
def test_leaflet_pages_pass_the_pdf_ua_checker(made: Path, lang: str) -> None:
    checker = Path(sys.executable).parent / "pdfua"
    result = subprocess.run(
        [str(checker), "check", "--certain-only", str(made / lang / f"{ID}-leaflet-a5.pdf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _brf_pages(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("ascii")
    assert text.endswith("\r\n")
    return [page.removesuffix("\r\n").split("\r\n") for page in text.split("\f")]


@pytest.mark.parametrize("lang", ("en", "pl", "ar"))
def test_braille_pages_are_40_cells_by_25_lines_numbered(made: Path, lang: str) -> None:
    pages = _brf_pages(made / lang / f"{ID}.brf")
    assert len(pages) > 5
    for number, lines in enumerate(pages, start=1):
        assert len(lines) <= 25
        assert all(len(line) <= 40 and BRF_CELLS.match(line) for line in lines)
        digits = "".join("JABCDEFGHI"[int(d)] for d in str(number))
        assert lines[0] == f"#{digits}".rjust(40)  # the page number, top right
        assert lines[1].strip(), "a page never starts with a blank line"


def test_braille_headings_are_centred_and_paragraphs_start_in_cell_3(made: Path) -> None:
    lines = [line for page in _brf_pages(made / "en" / f"{ID}.brf") for line in page[1:]]
    heading = translate(["1. Introduction"], table_for("en") or "")[0]
    listed, found = [line for line in lines if line.strip() == heading]  # in the contents, then itself
    assert listed == heading  # a list item starts in cell 1
    assert abs(len(found) - len(found.lstrip()) - (40 - len(heading)) // 2) <= 1
    assert lines[lines.index(found) - 1] == ""  # a blank line before a section heading
    assert lines[lines.index(found) + 1].startswith("  ,")  # the paragraph after it, in cell 3


def _words(text: str, pattern: str) -> collections.Counter[str]:
    return collections.Counter(w.lower() for w in re.findall(pattern, text))


@pytest.mark.parametrize(
    ("lang", "pattern"),
    [("en", r"[^\W_]+"), ("pl", r"[^\W_]+"), ("ar", r"[\u0621-\u064a\u0660-\u0669]+")],
)
def test_braille_translates_back_to_the_notice(made: Path, lang: str, pattern: str) -> None:
    """liblouis reads the BRF back into print: at least 95 % of the notice's words come back.
    (For Arabic, the Arabic words: its table reads Latin letters in an Arabic text as Arabic.)"""
    lines = [line for page in _brf_pages(made / lang / f"{ID}.brf") for line in page[1:] if line.strip()]
    back = _words(" ".join(translate(lines, table_for(lang) or "", backward=True)), pattern)
    notice = _words((made / lang / f"{ID}.txt").read_text(encoding="utf-8"), pattern)
    recovered = sum(min(count, back[word]) for word, count in notice.items())
    assert recovered / sum(notice.values()) >= 0.95, (notice - back).most_common(20)


def test_no_braille_where_liblouis_has_no_sound_table(made: Path) -> None:
    assert table_for("uk") is None
    assert not (made / "uk" / f"{ID}.brf").exists()
    assert (made / "uk" / f"{ID}-leaflet.pdf").exists()
