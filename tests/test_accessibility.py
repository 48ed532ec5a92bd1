"""Every complete HTML page passes axe-core in headless Chromium and the Nu Html Checker."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def complete_pages(out: Path) -> list[Path]:
    """Every page a person opens (not the CMS fragments and news snippets, which are parts of pages)."""
    return sorted(p for p in out.rglob("*.html") if p.read_bytes().startswith(b"<!DOCTYPE html>"))


def snippets(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if not p.read_bytes().startswith(b"<!DOCTYPE html>"))


def wrapped(snippet: Path, folder: Path) -> Path:
    """A snippet inside a minimal page, as the CMS would put it, so the checker sees its markup."""
    target = folder / (snippet.as_posix().replace("/", "_"))
    target.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CMS page</title>'
        "</head><body><main>" + snippet.read_text(encoding="utf-8") + "</main></body></html>",
        encoding="utf-8",
    )
    return target


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.fail("chromium is not installed: run 'make test', which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # launch() gives every run a fresh temporary profile.
        instance = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def axe_violations(browser, page_path: Path, width: int = 1280) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        if b'http-equiv="refresh"' in page_path.read_bytes():
            # Check the redirect page itself, not the page it leads to.
            page.set_content(
                page_path.read_text(encoding="utf-8").replace('http-equiv="refresh"', 'data-x="r"')
            )
        else:
            page.goto(page_path.as_uri())
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        return results.response["violations"]
    finally:
        page.close()


def _describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations)


@pytest.mark.parametrize("which", ["basic_html", "seed_all"])
def test_axe_has_no_violations(request: pytest.FixtureRequest, browser, which: str) -> None:
    out = request.getfixturevalue(which)
    pages = complete_pages(out)
    assert pages
    for page_path in pages:
        violations = axe_violations(browser, page_path)
        assert not violations, f"{page_path.relative_to(out)}:\n{_describe(violations)}"


@pytest.mark.parametrize("which", ["basic_html", "seed_all"])
def test_nu_html_checker_has_no_errors(request: pytest.FixtureRequest, which: str) -> None:
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run 'make test', which installs the Nu Html Checker")
    out = request.getfixturevalue(which)
    holder = out.parent / "wrapped-snippets"
    holder.mkdir(exist_ok=True)
    pages = [str(p) for p in complete_pages(out)] + [str(wrapped(p, holder)) for p in snippets(out)]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert not errors, "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in errors)


def test_page_reflows_at_320_px_without_horizontal_scroll(browser, seed_all: Path) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        page.goto((seed_all / "supporting-families/en/index.html").as_uri())
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        page.screenshot(path=str(seed_all.parent / "page-320.png"), full_page=False)
    finally:
        page.close()


def test_skip_link_and_focus_are_visible(browser, basic_html: Path) -> None:
    page = browser.new_page(viewport={"width": 1024, "height": 768})
    try:
        page.goto((basic_html / "library/en/index.html").as_uri())
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert focused == "skip-link"
        box = page.locator(".skip-link").bounding_box()
        assert box and box["y"] >= 0, "the skip link must come into view when focused"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
    finally:
        page.close()


def test_accessibility_tree_has_landmarks_and_one_h1(browser, basic_html: Path) -> None:
    page = browser.new_page()
    try:
        page.goto((basic_html / "library/en/index.html").as_uri())
        assert page.locator("h1").count() == 1
        for role in ("banner", "main", "contentinfo", "navigation"):
            assert page.get_by_role(role).count() >= 1, role
        snapshot = page.locator("main").aria_snapshot()
        assert 'heading "1. Who we are" [level=2]' in snapshot
        assert 'link "Who we are"' in snapshot
    finally:
        page.close()
