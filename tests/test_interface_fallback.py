"""A new language before any translation: every interface word is Welsh or marked as English,
right-to-left pages isolate the English, and plural forms follow each language's rules."""

from __future__ import annotations

import gettext
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from conftest import copy_root
from test_accessibility import axe_violations, browser, complete_pages  # noqa: F401 (fixture)

from noticegen.cli import main
from noticegen.i18n import catalogs
from noticegen.pipeline import BuildOptions, build

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PHRASE = re.compile(r"[A-Za-z,.:'’()]+(?: [A-Za-z,.:'’()]+)+")
HIDDEN = {"script", "style", "title", "template"}


class LangText(HTMLParser):
    """Each text node of the body with the language and direction it is in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, str | None]] = []
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in VOID:
            values = dict(attrs)
            self.stack.append((tag, values.get("lang"), values.get("dir")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and not any(t in HIDDEN for t, _, _ in self.stack):
            lang = next((lang for _, lang, _ in reversed(self.stack) if lang), "")
            direction = next((d for _, _, d in reversed(self.stack) if d), "")
            self.found.append((data.strip(), lang, direction))


def texts_by_lang(page: Path) -> list[tuple[str, str, str]]:
    parser = LangText()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def interface_fragments(root: Path) -> set[str]:
    """Every piece of English interface text of 4 characters or more, placeholders cut out."""
    pot = polib.pofile(str(root / "locales/interface.pot"))
    pieces = set()
    for entry in pot:
        for english in (entry.msgid, entry.msgid_plural):
            pieces |= {p.strip() for p in re.split(r"%\(\w+\)s|%%", english or "") if len(p.strip()) >= 4}
    return pieces


@pytest.fixture(scope="module")
def new_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic project after `i18n init cy` and `i18n init ur`, built as HTML before any translation."""
    root = copy_root("basic", tmp_path_factory.mktemp("fallback"))
    for lang in ("cy", "ur"):
        assert main(["i18n", "init", lang, "--root", str(root)]) == 0
    build(BuildOptions(root=root, formats=("html",), out=root / "dist"))
    return root


@pytest.mark.parametrize("lang", ["cy", "ur"])
def test_no_unmarked_english_before_translation(new_languages: Path, lang: str) -> None:
    pages = complete_pages(new_languages / "dist" / "library" / lang)
    assert pages
    english = interface_fragments(new_languages)
    for page in pages:
        for text, text_lang, _direction in texts_by_lang(page):
            if text_lang == "en":
                continue
            leaked = sorted(e for e in english if e in text)
            assert not leaked, f"{page.name}: English {leaked} inside lang={text_lang}: {text!r}"
            # nor any other English phrase (notice text, names): addresses and numbers are no language
            assert not PHRASE.fullmatch(text), f"{page.name}: {text!r} inside lang={text_lang}"


def test_english_in_a_right_to_left_page_is_isolated(new_languages: Path) -> None:
    page = new_languages / "dist/library/ur/index.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="ur" dir="rtl">' in html
    assert '<span lang="en" dir="ltr">Skip to main content</span>' in html
    # every English phrase (a language's own name in the language list is a single word)
    marked = [(t, d) for t, lang, d in texts_by_lang(page) if lang == "en" and " " in t]
    assert marked and all(d == "ltr" for _, d in marked), [t for t, d in marked if d != "ltr"]
    # an English item of a right-to-left list keeps its bullet on the right: only its words turn
    items = re.findall(r"<li lang=\"en\"[^>]*>(<span dir=\"ltr\">)?", html)
    assert items and all(opening for opening in items), "an English list item is not isolated"
    assert '<li lang="en" dir="ltr">' not in html


@pytest.mark.parametrize("lang", ["cy", "ur"])
def test_new_language_pages_pass_axe(new_languages: Path, browser, lang: str) -> None:  # noqa: F811
    for page in complete_pages(new_languages / "dist" / "library" / lang):
        violations = axe_violations(browser, page)
        assert not violations, f"{page.name}: {[v['id'] for v in violations]}"


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("cy", {0: 0, 1: 1, 2: 2, 3: 3, 6: 4, 4: 5, 5: 5, 7: 5, 11: 5, 100: 5}),
        ("ar", {0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 103: 3, 11: 4, 99: 4, 100: 5, 102: 5}),
    ],
)
def test_plural_forms_follow_the_language(tmp_path: Path, lang: str, counts: dict[int, int]) -> None:
    """Six forms each, chosen by gettext with the Plural-Forms `i18n init` writes."""
    root = copy_root("basic", tmp_path)
    assert main(["i18n", "init", lang, "--root", str(root)]) == 0
    path = root / f"locales/{lang}/LC_MESSAGES/interface.po"
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid_plural)
    assert sorted(entry.msgstr_plural) == [0, 1, 2, 3, 4, 5]
    entry.msgstr_plural = {i: f"form {i}: %(num)s" for i in range(6)}
    po.save()
    translations = gettext.GNUTranslations(io.BytesIO(catalogs.load(path).to_binary()))
    for n, form in counts.items():
        said = translations.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n) % {"num": n}
        assert said == f"form {form}: {n}", (lang, n)
