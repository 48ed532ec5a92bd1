"""PDF language marking: English shown in place of a missing translation has /Lang en in the
structure tree, and the text of every shipped script extracts to its own words."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pikepdf
import polib
import pytest
from conftest import copy_root

from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build

ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
ENGLISH_PHRASE = re.compile(r"[A-Za-z,.'’()]+(?: [A-Za-z,.'’()]+)+")


def marked_content_text(path: Path) -> dict[tuple[int, int], str]:
    """The text of each marked-content sequence, by (page index, MCID)."""
    found: dict[tuple[int, int], str] = defaultdict(str)
    with pdfplumber.open(str(path)) as pdf:
        for index, page in enumerate(pdf.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    found[(index, char["mcid"])] += char["text"]
    return found


def mcid_langs(pdf: pikepdf.Pdf) -> dict[tuple[int, int], str]:
    """The language (own or inherited /Lang) of each marked-content sequence, by (page, MCID)."""
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    found: dict[tuple[int, int], str] = {}
    stack = [(top, str(pdf.Root.Lang)) for top in pdf.Root.StructTreeRoot.K]
    while stack:
        element, lang = stack.pop()
        lang = str(element.get("/Lang", lang))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                found[(pages[element.Pg.objgen], kid)] = lang
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                stack.append((kid, lang))
    return found


@pytest.fixture(scope="module")
def half_arabic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic notice in Arabic with every other text translated, as a PDF."""
    root = copy_root("basic", tmp_path_factory.mktemp("pdf-lang"))
    assert main(["i18n", "init", "ar", "--root", str(root)]) == 0
    path = root / "locales/ar/LC_MESSAGES/notices.po"
    po = polib.pofile(str(path))
    for number, entry in enumerate(po):
        if (
            number % 2 == 0
            and not entry.msgctxt.startswith("site/")
            and not re.search(r"[{*\[]", entry.msgid)
        ):
            entry.msgstr = f"نص عربي رقم {number}"
    po.save()
    build(BuildOptions(root=root, formats=("pdf",), langs=("ar",), out=root / "dist"))
    return root / "dist/library/ar/library.pdf"


def test_english_fallback_has_lang_en_in_the_structure_tree(half_arabic: Path) -> None:
    text = marked_content_text(half_arabic)
    with pikepdf.open(half_arabic) as pdf:
        assert str(pdf.Root.Lang) == "ar"
        langs = mcid_langs(pdf)
    english = [words for key, words in text.items() if langs.get(key) == "en"]
    assert len(english) > 20
    for key, words in text.items():
        if langs.get(key) == "en":  # marked English: no Arabic inside
            assert not ARABIC_LETTER.search(words), words
        elif ENGLISH_PHRASE.fullmatch(words.strip()):  # (addresses and numbers are no language)
            pytest.fail(f"English text read as {langs.get(key)}: {words!r}")


def test_the_patch_is_on_weasyprint_s_structure_builder() -> None:
    """A WeasyPrint upgrade that renames the function must fail here, not lose /Lang silently."""
    from weasyprint.pdf import tags

    from noticegen.builders import pdf_lang

    pdf_lang.install()
    pdf_lang.install()
    assert getattr(tags._build_box_tree, "noticegen_lang", False)


URDU = {"library/title": "رازداری کا نوٹس", "library/summary": "لائبریری آپ کی تفصیلات کیسے استعمال کرتی ہے"}


def test_urdu_and_arabic_text_extracts_to_its_source_words(tmp_path: Path, half_arabic: Path) -> None:
    """Urdu is printed in Naskh: WeasyPrint's Nastaliq text layer extracted as garbled letters."""
    root = copy_root("basic", tmp_path)
    assert main(["i18n", "init", "ur", "--root", str(root)]) == 0
    path = root / "locales/ur/LC_MESSAGES/notices.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = URDU.get(entry.msgctxt, "")
    po.save()
    build(BuildOptions(root=root, formats=("pdf",), langs=("ur",), out=root / "dist"))
    for pdf in (root / "dist/library/ur/library.pdf", root / "dist/library/ur/library-large-print.pdf"):
        extracted = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
        plain = extracted.stdout.replace("\u202b", "").replace("\u202c", "")  # pdftotext's embedding marks
        for words in URDU.values():
            assert words in plain, pdf.name
        with pdfplumber.open(str(pdf)) as opened:
            visual = opened.pages[0].extract_text()  # pdfplumber gives right-to-left lines in visual order
        assert URDU["library/title"][::-1] in visual
    arabic = subprocess.run(["pdftotext", str(half_arabic), "-"], capture_output=True, text=True, check=True)
    assert "نص عربي رقم" in arabic.stdout
