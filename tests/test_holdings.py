"""The "What we hold" page: every category and recipient across notices, with the notices naming it."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import copy_root
from corpus_site import make_site

from noticegen.pipeline import BuildOptions, build

HOLDING = re.compile(r'<div class="holding"><dt>(.*?)</dt>\s*<dd><ul>(.*?)</ul></dd></div>', re.S)
LINK = re.compile(r'<li><a href="([^"]+)">(.*?)</a></li>')


def sections(page: str) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """{section id: {fact text: [(href, notice title)]}}."""
    found = {}
    for ident in ("categories", "recipients"):
        part = page.split(f'<section aria-labelledby="{ident}">', 1)[1].split("</section>", 1)[0]
        found[ident] = {
            html.unescape(re.sub(r"<[^>]+>", "", dt)).strip(): [
                (h, html.unescape(t)) for h, t in LINK.findall(dd)
            ]
            for dt, dd in HOLDING.findall(part)
        }
    return found


def test_the_same_fact_in_two_notices_is_one_row(tmp_path: Path):
    root = copy_root("basic", tmp_path)
    src = root / "notice_src"
    text = (src / "library.yaml").read_text(encoding="utf-8")
    second = text.replace("id: library", "id: mobile-library", 1).replace(
        "text: Your name}", "text: your  NAME}"
    )
    second = second.replace("Library membership privacy notice", "Mobile library privacy notice")
    (src / "mobile-library.yaml").write_text(second, encoding="utf-8")
    out = root / "dist"
    build(BuildOptions(root=root, formats=("html",), out=out))
    page = (out / "what-we-hold/index.html").read_text(encoding="utf-8")
    held = sections(page)
    assert list(held["categories"]) == ["Health needs you tell us about sensitive", "Your name"]
    assert [title for _, title in held["categories"]["Your name"]] == [
        "Library membership privacy notice",
        "Mobile library privacy notice",
    ]
    assert held["recipients"]["Our library system supplier"][0][0] == "../library/en/index.html#sharing"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="what-we-hold/index.html"' in index


def test_the_seed_and_corpus_notices(tmp_path: Path):
    root, corpus = make_site(tmp_path)
    out = root / "dist"
    build(BuildOptions(root=root, formats=("html",), out=out))
    page_path = out / "what-we-hold/index.html"
    held = sections(page_path.read_text(encoding="utf-8"))
    assert [t for _, t in held["categories"]["NHS number"]] == [
        "Privacy Notice – Supporting Families Programme"
    ]
    assert "Police and Fire Services" in held["recipients"]
    titles = {t for links in held["categories"].values() for _, t in links}
    assert len(titles) == 1 + len(corpus)
    for links in (*held["categories"].values(), *held["recipients"].values()):
        for href, _ in links:
            target, _, anchor = href.partition("#")
            page = (page_path.parent / target).resolve()
            assert page.is_file(), href
            assert not anchor or f'id="{anchor}"' in page.read_text(encoding="utf-8"), href
