"""The build: the seed notice in the page, golden HTML, and a failed build that loses nothing."""

from __future__ import annotations

import hashlib
import html as htmlmod
import re
from pathlib import Path

import pytest
from conftest import copy_root
from test_seed import normalise, seed_items, seed_path

from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build

GOLDEN = Path(__file__).resolve().parent / "golden" / "basic"


def page_text(path: Path) -> str:
    """The visible text of a page, tags removed and spaces folded."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return normalise(htmlmod.unescape(re.sub(r"<[^>]+>", " ", raw)))


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.skipif(seed_path() is None, reason="the shared seed text is not beside this checkout")
def test_every_seed_list_item_is_in_the_page(seed_all: Path) -> None:
    text = page_text(seed_all / "supporting-families/en/index.html")
    for name, items in seed_items().items():
        for item in items:
            assert normalise(item) in text, f"{name}: {item!r} is missing from the page"


@pytest.mark.parametrize(
    "name", ["library/en/index.html", "library/en/fragment.html", "index.html", "library/index.html"]
)
def test_golden_html(basic_html: Path, name: str, update_golden: bool) -> None:
    golden = GOLDEN / name.replace("/", ".")
    made = (basic_html / name).read_text(encoding="utf-8")
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(made, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run pytest --update-golden and review the diff"
    assert made == golden.read_text(encoding="utf-8"), (
        f"{name} differs from {golden}; if the change is intended run pytest --update-golden and review "
        "the diff in git"
    )


def test_fragment_fits_into_a_cms_page(basic_html: Path) -> None:
    fragment = (basic_html / "library/en/fragment.html").read_text(encoding="utf-8")
    assert "<html" not in fragment and "<body" not in fragment and "<h1" not in fragment
    assert '<h3 id="pn-who-we-are">' in fragment  # heading_level 3 and id prefix from site.yaml
    assert 'href="#pn-who-we-are"' in fragment


def test_pages_link_relatively(basic_html: Path) -> None:
    for page in basic_html.rglob("*.html"):
        for link in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            if link.startswith(("http", "mailto:", "tel:", "#")):
                continue
            assert not link.startswith("/"), f"{page}: {link} is not relative"
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.exists(), f"{page}: {link} leads nowhere"


def test_source_error_leaves_dist_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_root("basic", tmp_path)
    assert main(["build", "--root", str(root), "--format", "html"]) == 0
    before = tree_digest(root / "dist")
    notice = root / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace("title: Who we are", "titl: Who we are"))
    assert main(["build", "--root", str(root), "--format", "html"]) == 2
    assert tree_digest(root / "dist") == before
    assert "unknown key 'titl'" in capsys.readouterr().err


def test_builder_that_raises_leaves_dist_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_root("basic", tmp_path)
    build(BuildOptions(root=root, formats=("html",)))
    before = tree_digest(root / "dist")
    notice = root / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace("Who we are", "Who we really are"))

    from noticegen.builders import html

    def explode(self, job):
        raise RuntimeError("a builder failed midway")

    monkeypatch.setattr(html.HtmlBuilder, "build", explode)
    with pytest.raises(RuntimeError):
        build(BuildOptions(root=root, formats=("html",)))
    assert tree_digest(root / "dist") == before
    assert not list((root / ".noticegen").glob(".staging-*"))


def test_out_refuses_a_folder_it_did_not_make(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not delete")
    root = copy_root("basic", tmp_path)
    code = main(["build", "--root", str(root), "--format", "html", "--out", str(precious)])
    assert code == 2
    assert (precious / "thesis.txt").read_text() == "do not delete"
    assert "was not made by noticegen" in capsys.readouterr().err


def test_unchanged_files_keep_their_mtime(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    build(BuildOptions(root=root, formats=("html",)))
    page = root / "dist/library/en/index.html"
    first = page.stat().st_mtime_ns
    result = build(BuildOptions(root=root, formats=("html",)))
    assert page.stat().st_mtime_ns == first
    assert result.summary.written == 0


def test_checksums_list_every_file(basic_html: Path) -> None:
    listed = {}
    for line in (basic_html / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = {k: v for k, v in tree_digest(basic_html).items() if k not in ("SHA256SUMS", ".noticegen-output")}
    assert listed == files
