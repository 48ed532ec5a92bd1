"""Untrusted text (sources, shared blocks, translations) never runs script or makes us read a file."""

from __future__ import annotations

import json
import re
import socket
import zipfile
from pathlib import Path

import pikepdf
import polib
import pytest
from conftest import copy_root

from noticegen.errors import UserError
from noticegen.i18n.workflow import init
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project

SECRET = "TOP-SECRET-7f3a9c"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch):
    def refuse(self, address):
        raise AssertionError(f"a network connection was attempted to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def hostile_texts(secret: Path) -> list[str]:
    url = secret.as_uri()
    return [
        "<script>alert('x')</script> text",
        '<img src="x" onerror="alert(1)"> text',
        "[click](javascript:alert(1)) text",
        "[data](data:text/html;base64,PHNjcmlwdD4=) text",
        f"[file]({url}) text",
        f"![image]({url}) text",
        "![remote](http://127.0.0.1:9/tracker.png) text",
        f'<link rel="stylesheet" href="{url}"> text',
        f"<style>body {{ background: url({url}) }}</style> text",
        f'<div style="background:url({url})">styled</div>',
        '<a href="#" onclick="steal()">x</a>',
    ]


@pytest.mark.parametrize("index", range(11))
def test_source_refuses_hostile_text(tmp_path: Path, secret: Path, index: int) -> None:
    root = copy_root("basic", tmp_path)
    notice = root / "notice_src/library.yaml"
    value = hostile_texts(secret)[index].replace('"', '\\"')
    notice.write_text(notice.read_text().replace('paragraph: "You can also:"', f'paragraph: "{value}"'))
    with pytest.raises(UserError) as caught:
        load_project(root)
    assert "library.yaml:" in str(caught.value)


def test_hostile_translations_are_escaped_in_every_format(
    tmp_path: Path, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_root("basic", tmp_path)
    init(root, "pl")
    site = root / "notice_src/site.yaml"
    site.write_text(site.read_text().replace("  pl: {status: draft}\n", "  pl: {status: approved}\n"))
    texts = hostile_texts(secret)
    for domain in ("notices", "interface"):
        path = root / f"locales/pl/LC_MESSAGES/{domain}.po"
        po = polib.pofile(str(path))
        for number, entry in enumerate(po):
            if entry.msgid_plural:
                entry.msgstr_plural = {i: entry.msgid_plural for i in entry.msgstr_plural}
            else:
                entry.msgstr = texts[number % len(texts)] if domain == "notices" else entry.msgid
        po.save()
    with pytest.raises(UserError):  # the build refuses such a catalog (issue 15)...
        build(BuildOptions(root=root, langs=("pl",)))
    from noticegen import pipeline

    monkeypatch.setattr(pipeline, "refuse_bad_catalogs", lambda root, langs: None)  # ...and behind it:
    out = build(BuildOptions(root=root, langs=("pl",))).out
    folder = out / "library/pl"
    for page in folder.rglob("*.html"):  # the page, the fragment, the collection notices…
        html = page.read_text()
        tags = real_tags(html)
        # Our own scripts only: the facts as JSON-LD (data, never run) and the search box's script.
        scripts = [dict(attrs) for t, attrs in tags if t == "script"]
        assert all(
            a == {"type": "application/ld+json"} or (a.get("src") or "").endswith("assets/search.js")
            for a in scripts
        ), scripts
        for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            assert json.loads(data)["@context"]  # whole: no text closed the script early
        assert "style" not in {t for t, _ in tags}
        assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on")], "an event handler got in"
        assert not [a for _, attrs in tags for a, _ in attrs if a == "style"], "inline CSS got in"
        values = [(v or "").lower() for _, attrs in tags for _, v in attrs]
        assert not [v for v in values if v.startswith(("javascript:", "data:", "file:"))]
        sources = [v for t, attrs in tags for a, v in attrs if a == "src" and t != "script"]
        assert all(v and v.endswith("assets/logo.svg") for v in sources), sources  # nothing remote is loaded
        assert [t for t, _ in tags].count("img") <= 1  # the logo only
        assert [t for t, _ in tags].count(
            "link"
        ) <= 4  # the style sheet, the feed, the JSON, the other languages
    for pdf in folder.glob("*.pdf"):
        with pikepdf.open(pdf) as document:
            for obj in document.objects:
                if isinstance(obj, pikepdf.Stream):
                    assert SECRET.encode() not in obj.read_bytes()
    with zipfile.ZipFile(folder / "library.docx") as docx:
        for name in docx.namelist():
            assert SECRET.encode() not in docx.read(name)
            assert b"javascript:" not in docx.read(name)
    assert SECRET not in (folder / "library.txt").read_text()


def real_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The elements a browser would build, with their attribute names (escaped text is not a tag)."""
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(html)
    return found


@pytest.mark.parametrize("bad_id", ["../escape", "..", "a/b", "notice_src"])
def test_ids_cannot_escape_their_folder(tmp_path: Path, bad_id: str) -> None:
    root = copy_root("basic", tmp_path)
    notice = root / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace("  - id: who-we-are", f'  - id: "{bad_id}"'))
    with pytest.raises(UserError):
        load_project(root)


def test_logo_outside_the_project_is_refused(tmp_path: Path, secret: Path) -> None:
    root = copy_root("basic", tmp_path)
    site = root / "notice_src/site.yaml"
    site.write_text(site.read_text().replace("file: assets/logo.svg", f"file: ../../{secret.name}"))
    with pytest.raises(UserError) as caught:
        load_project(root)
    assert "is not inside notice_src/" in str(caught.value)


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        prev = chr(ord("a") + n - 1)
        cur = chr(ord("a") + n)
        lines.append(
            f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]"
        )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "content,message",
    [
        (billion_laughs(), "YAML anchors and aliases (& and *) are not allowed"),
        ("a: " + "[" * 200 + "]" * 200 + "\n", "the nesting is deeper than 32 levels"),
        ("a: '" + "x" * (3 * 1024 * 1024) + "'\n", "a source file may be at most 2048 KiB"),
        ("a: !!python/object:os.system ls\n", "YAML tags such as"),
    ],
)
def test_hostile_yaml_is_refused_quickly(tmp_path: Path, content: str, message: str) -> None:
    import time

    root = copy_root("basic", tmp_path)
    (root / "notice_src/library.yaml").write_text(content)
    started = time.perf_counter()
    with pytest.raises(UserError) as caught:
        load_project(root)
    assert time.perf_counter() - started < 5
    assert message in str(caught.value)
