"""The plain-text version: wrapping that never breaks what a reader copies, and a golden notice."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import copy_root

from noticegen.builders.text import Layout, tidy
from noticegen.builders.wrap import display_width, fill, protect, underline, wrap
from noticegen.model import Contact, Item, Notice, Site
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project
from noticegen.templating import Renderer

GOLDEN = Path(__file__).resolve().parent / "golden" / "basic" / "library.en.txt"
WIDTH = 72

URL = "https://www.example.gov.uk/libraries/join-the-library/terms-and-conditions"
EMAIL = "library.services-team@example.gov.uk"
PHONE = "0151 934 3359"
POSTCODE = "EX1 1AA"
TOKENS = (URL, EMAIL, PHONE, POSTCODE, "+44 (0)151 934 3359", "(0151) 934 3359")
TEXT = (
    f"To join, read {URL} first. You can email {EMAIL}, call us on {PHONE} or +44 (0)151 934 3359 "
    f"or (0151) 934 3359, or write to the Town Hall, High Street, Exampleton {POSTCODE}. "
    "We answer within ten working days and keep a record of every call."
)
MARKER = re.compile(r"^(?:-|\d+\.|[^\s:]+:)\s+")


def lone_token(line: str) -> bool:
    """True when a line holds one unbreakable token (after its indent and any marker or label)."""
    return " " not in protect(MARKER.sub("", line.strip()))


def assert_fits(lines: list[str], width: int = WIDTH) -> None:
    for line in lines:
        assert display_width(line) <= width or lone_token(line), f"too long: {line!r}"


# -- wrap.py -------------------------------------------------------------------------


@pytest.mark.parametrize("width", [12, 20, 33, 40, 57, 72])
def test_tokens_are_never_broken(width: int) -> None:
    lines = wrap(TEXT, width, "  - ", "    ")
    for token in TOKENS:
        assert any(token in line for line in lines), f"{token!r} was broken at width {width}"
    assert " ".join(" ".join(lines).split()) == "- " + " ".join(TEXT.split())
    assert_fits(lines, width)


@pytest.mark.parametrize("width", [12, 20, 40, 72])
def test_lines_fit_and_words_are_kept(width: int) -> None:
    lines = wrap(TEXT, width)
    assert_fits(lines, width)
    assert all(line == line.rstrip() and line for line in lines)
    assert " ".join(lines).split() == TEXT.split()


def test_a_lone_token_longer_than_the_line_overflows_alone() -> None:
    lines = wrap(f"See {URL} now", 30)
    assert lines == ["See", URL, "now"]


def test_indentation() -> None:
    lines = wrap("one two three four five six seven eight nine ten", 20, "* ", "  ")
    assert lines[0].startswith("* ") and all(line.startswith("  ") for line in lines[1:])
    assert len(lines) > 1
    assert wrap("a", 20, "  Note: ", "        ") == ["  Note: a"]


def test_line_breaks_are_kept_and_blank_lines_dropped() -> None:
    assert wrap("Town Hall\nHigh Street\n\nExampleton", 72, "Address: ", "         ") == [
        "Address: Town Hall",
        "         High Street",
        "         Exampleton",
    ]
    assert wrap("", 72) == [] and wrap("  \n ", 72) == []


def test_no_break_space_and_hyphens_hold() -> None:
    assert wrap("aaaa\u00a0bbbb cccc", 6) == ["aaaa\u00a0bbbb", "cccc"]
    assert wrap("well-known ok", 6) == ["well-known", "ok"]


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("個人情報") == 8
    assert display_width("e\u0301") == 1  # a combining accent takes no column
    lines = wrap("个人信息保护通知。我们如何使用您的个人资料，以及您享有哪些权利。", 20)
    assert len(lines) > 1 and all(display_width(line) <= 20 for line in lines)
    assert not any(line.startswith(("。", "，")) for line in lines)


def test_right_to_left_text_is_kept_as_is() -> None:
    text = "نحن نستخدم بياناتك لإدارة عضويتك في المكتبة"
    assert " ".join(wrap(text, 20)) == text


def test_underline_matches_the_longest_line() -> None:
    assert underline(["1. A long heading", "   wrapped"], "-")[-1] == "-" * 17
    assert underline(["個人情報"], "=")[-1] == "=" * 8
    assert fill("a b", 72) == "a b"


# -- the layout helpers --------------------------------------------------------------


def test_table_columns_wrap_when_too_wide() -> None:
    short = "https://www.example.gov.uk/charges"
    long = "So we can answer questions about your loans and any charges you still owe us, see " + short
    out = Layout(None).table(
        ["Record", "How long", "Why"], [["Membership", "2 years", long], ["Loans", "1 year", "x"]]
    )
    lines = out.split("\n")
    assert lines[0].split() == ["Record", "How", "long", "Why"]
    assert set(lines[1]) == {"-", " "}
    assert_fits(lines)
    assert any(short in line for line in lines) and "" in lines  # wrapped rows are set apart


def test_table_falls_back_to_records_when_columns_cannot_fit() -> None:
    cells = [URL, "Article 6(1)(e) of the UK GDPR", EMAIL]
    out = Layout(None).table(["Where", "Basis", "Contact"], [cells, cells])
    assert out.split("\n\n")[0].split("\n")[0] == f"Where: {URL}"
    assert f"Contact: {EMAIL}" in out and out.count("Basis: Article") == 2


def test_nested_lists_align_with_the_text() -> None:
    child = SimpleNamespace(text="a child item long enough to wrap around the end of this line", items=())
    rows = [
        SimpleNamespace(text=f"item {n}", items=(child,) if n == 10 else (), ordered=True, numbering=None)
        for n in range(1, 11)
    ]
    lines = Layout(None, 40).items(rows, "decimal").split("\n")
    assert lines[0] == " 1. item 1" and lines[9] == "10. item 10"
    assert lines[10].startswith("    1. a child") and lines[11].startswith("       ")


def test_tidy() -> None:
    assert tidy("\n\na  \n\n\n\nb\t\n\n") == "a\n\nb\n"


# -- the built notice ----------------------------------------------------------------


@pytest.fixture(scope="module")
def basic_txt(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The basic fixture project built as text only: (the notice's text, the project copy)."""
    root = copy_root("basic", tmp_path_factory.mktemp("basic-txt"))
    build(BuildOptions(root=root, formats=("txt",), out=root / "dist"))
    return (root / "dist/library/en/library.txt").read_bytes().decode("utf-8"), root


def test_golden_text(basic_txt: tuple[str, Path], update_golden: bool) -> None:
    made = basic_txt[0]
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(made.encode("utf-8"))
    assert GOLDEN.exists(), f"no golden file {GOLDEN}: run pytest --update-golden and review it"
    expected = GOLDEN.read_bytes().decode("utf-8")
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True), made.splitlines(keepends=True), str(GOLDEN), "built"
    )
    assert made == expected, "the text version differs from the golden file:\n" + "".join(diff)


def test_text_layout_rules(basic_txt: tuple[str, Path]) -> None:
    made = basic_txt[0]
    assert made.endswith("\n") and not made.endswith("\n\n")
    lines = made[:-1].split("\n")
    assert_fits(lines)
    assert all(line == line.rstrip() for line in lines), "a line ends with spaces"
    assert "\n\n\n" not in made
    assert lines[2:4] == ["Library membership privacy notice", "=" * 33]
    assert "1. Who we are\n-------------\n" in made and "Contact us\n----------\n" in made


def notice_texts(r: Renderer, notice: Notice, site: Site) -> list[str]:
    """The plain text of every title, heading, paragraph, item, cell and contact of a notice."""
    texts = [notice.title, notice.summary, *(s.title for s in notice.sections)]

    def items(values: tuple[Item, ...]) -> None:
        for item in values:
            texts.append(item.text)
            items(item.items)

    for block in (b for s in notice.sections for b in s.blocks):
        texts.append(block.text)
        items(block.items)
        texts += [*block.header, *(cell for row in block.rows for cell in row)]
        if block.kind == "facts":
            texts += [t for e in r.facts(block) for t in (e.title, e.text)]
        if block.kind == "contact":
            texts += contact_texts(notice.contact(site, block.ref or ""))
    texts += contact_texts(site.dpo) + [site.org_name, site.address, site.ico_registration, site.website]
    return [" ".join(r.plain(t).split()) for t in texts if t is not None]


def contact_texts(contact: Contact | None) -> list:
    assert contact is not None
    return [contact.name, contact.email, contact.phone, contact.url, contact.address]


def test_every_text_of_the_source_is_there(basic_txt: tuple[str, Path]) -> None:
    made, root = basic_txt
    project, _ = load_project(root)
    notice = next(n for n in project.notices if n.id == "library")
    r = Renderer(project.site, notice)
    flat = " ".join(made.split())
    texts = notice_texts(r, notice, project.site)
    assert len(texts) > 30
    for text in texts:
        assert text in flat, f"{text!r} is missing from the text version"
    for s in notice.sections:
        assert f"{s.number}. {r.plain(s.title)}" in made.split("\n")
