"""Search across notices: the Pagefind index in dist/pagefind/, used from Chromium through a
local static web server, by keyboard, with results announced by a status line."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from corpus_site import make_site
from test_accessibility import AXE_TAGS, CHROMIUM_ARGS

from noticegen.pipeline import BuildOptions, build, search

LABEL = "Search all our privacy notices"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, tuple[str, ...]]:
    if search.pagefind_binary(Path(".")) is None:
        pytest.fail("Pagefind is not installed: run 'make test', which installs it")
    root, corpus = make_site(tmp_path_factory.mktemp("search"))
    out = root / "dist"
    build(BuildOptions(root=root, formats=("html",), out=out))
    return root, out, corpus


@pytest.fixture(scope="module")
def server(site) -> Iterator[str]:
    """dist/ served by a plain static server on 127.0.0.1, as any web host would."""
    _, out, _ = site
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        pytest.fail("chromium is not installed: run 'make test', which installs it")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def results(page, query: str) -> list[tuple[str, str]]:
    box = page.get_by_role("searchbox", name=LABEL)
    box.fill(query)
    box.press("Enter")
    page.wait_for_function("document.querySelector('.search-status').textContent !== ''", timeout=15000)
    return [(a.inner_text(), a.get_attribute("href") or "") for a in page.locator(".search-results a").all()]


def test_nhs_number_finds_the_seed_notice(browser, server):
    page = browser.new_page(viewport={"width": 320, "height": 700})
    try:
        page.goto(server + "index.html")
        found = results(page, "NHS number")
        assert (
            "Privacy Notice – Supporting Families Programme",
            server + "supporting-families/en/index.html",
        ) in found
        assert page.get_by_role("status").inner_text() == f"Notices found: {len(found)}"
    finally:
        page.close()


def test_a_word_only_a_corpus_notice_has(browser, server, site):
    _, out, corpus = site
    if "defra-apha-ivory-act-registration" not in corpus:
        pytest.skip("the shared corpus is not beside this checkout (set NOTICEGEN_SHARED)")
    page = browser.new_page()
    try:
        page.goto(server + "supporting-families/en/index.html")  # from a notice page, too
        found = results(page, "ivory")
        assert [href for _, href in found] == [server + "defra-apha-ivory-act-registration/en/index.html"]
        assert not results(page, "zqxjkv")
        assert page.get_by_role("status").inner_text() == "No notices found. Try other words."
    finally:
        page.close()


def test_keyboard_only_and_axe_with_results_shown(browser, server):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    try:
        page.goto(server + "index.html")
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "search-input"
        page.keyboard.type("police")
        page.keyboard.press("Enter")
        page.wait_for_selector(".search-results li a")
        page.keyboard.press("Tab")  # the Search button
        page.keyboard.press("Tab")  # the first result
        assert page.evaluate("document.activeElement.closest('.search-results') !== null")
        violations = (
            Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]
        )
        assert not violations, [v["id"] for v in violations]
    finally:
        page.close()


def test_every_language_and_notice_is_indexed_and_past_versions_are_not(site):
    _, out, corpus = site
    pages = [p for p in out.rglob("index.html") if b"data-pagefind-body" in p.read_bytes()]
    assert {p.relative_to(out).parts[0] for p in pages} == {"supporting-families", *corpus}
    assert not [p for p in pages if "/v/" in p.as_posix() or "/changes/" in p.as_posix()]
    entry = (out / "pagefind/pagefind-entry.json").read_text(encoding="utf-8")
    for lang in ("en", "pl", "ar", "uk"):
        assert f'"{lang}"' in entry


def test_the_index_is_the_same_every_build_and_complete_after_a_partial_one(site, tmp_path):
    root, out, corpus = site
    before = {p.relative_to(out): p.read_bytes() for p in (out / "pagefind").rglob("*") if p.is_file()}
    again = tmp_path / "again"
    build(BuildOptions(root=root, formats=("html",), out=again, force=True))
    after = {p.relative_to(again): p.read_bytes() for p in (again / "pagefind").rglob("*") if p.is_file()}
    assert before == after
    build(BuildOptions(root=root, formats=("html",), out=again, notices=("supporting-families",)))
    partial = {p.relative_to(again): p.read_bytes() for p in (again / "pagefind").rglob("*") if p.is_file()}
    assert partial == before  # the other notices' pages are still in it, and nothing stale is left


def test_without_pagefind_the_build_warns_and_makes_the_rest(tmp_path, monkeypatch, site):
    root, _, _ = site
    monkeypatch.setattr(search, "pagefind_binary", lambda root: None)
    result = build(BuildOptions(root=root, formats=("html",), out=tmp_path / "out"))
    assert not (tmp_path / "out/pagefind").exists()
    assert (tmp_path / "out/index.html").is_file()
    assert any("search index was not built" in p.message for p in result.report.warnings)
