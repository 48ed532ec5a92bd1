"""The build cache is correct and minimal: an edit to a source, a catalog, a template or the logo
re-renders every output it affects (the files are then exactly what a --force build makes), and
only those. The order tasks start in (timings.json) never changes what is made."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from conftest import copy_root

from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build

FORMATS = ("html", "txt", "docx")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two notices (library, parking) in English and Polish, one Polish translation done."""
    root = copy_root("basic", tmp_path_factory.mktemp("cache"))
    library = (root / "notice_src/library.yaml").read_text(encoding="utf-8")
    (root / "notice_src/parking.yaml").write_text(
        library.replace("id: library\n", "id: parking\n").replace("Library membership", "Parking permit"),
        encoding="utf-8",
    )
    assert main(["i18n", "init", "pl", "--root", str(root)]) == 0
    po_path = root / "locales/pl/LC_MESSAGES/notices.po"
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if "library" in " ".join(f for f, _ in e.occurrences))
    entry.msgstr = "Tłumaczenie"
    po.save(str(po_path))
    return root


@pytest.fixture
def root(original: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "project"
    shutil.copytree(original, target, ignore=shutil.ignore_patterns("dist", ".noticegen"))
    first = build(BuildOptions(root=target, formats=FORMATS))
    assert first.rendered > 0
    return target


def rendered(root: Path, workers: int = 1) -> tuple[set[str], Path]:
    """The tasks an incremental build renders (not reused), and its output folder."""
    said: list[str] = []
    result = build(BuildOptions(root=root, formats=FORMATS, workers=workers), progress=said.append)
    return {line for line in said if not line.endswith("(unchanged)")}, result.out


def same_as_force(root: Path, out: Path, tmp_path: Path) -> None:
    """Every file of the incremental build is what a build from nothing makes."""
    fresh = build(BuildOptions(root=root, formats=FORMATS, force=True, out=tmp_path / "fresh", workers=2)).out
    assert (out / "SHA256SUMS").read_text() == (fresh / "SHA256SUMS").read_text()


def tasks(notices: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...]) -> set[str]:
    return {f"{n}/{lang}/{fmt}" for n in notices for lang in langs for fmt in formats}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def own_template(root: Path, name: str, extra: str) -> None:
    """A template of the project's own, overriding the built-in one."""
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((ROOT / "templates" / name).read_text(encoding="utf-8") + extra, encoding="utf-8")


def test_nothing_changed_renders_nothing(root: Path, tmp_path: Path) -> None:
    done, out = rendered(root)
    assert done == set()
    same_as_force(root, out, tmp_path)


def test_a_source_edit_renders_that_notice_in_every_language(root: Path, tmp_path: Path) -> None:
    edit(root / "notice_src/parking.yaml", "You can ask for a copy", "You may ask for a copy")
    done, out = rendered(root, workers=2)
    # Polish falls back to the new English words, so its files change too; the library does not.
    assert {t for t in done if not t.endswith("/history")} == tasks(("parking",), ("en", "pl"), FORMATS)
    same_as_force(root, out, tmp_path)


def test_a_content_catalog_edit_renders_only_what_it_translates(root: Path, tmp_path: Path) -> None:
    po_path = root / "locales/pl/LC_MESSAGES/notices.po"
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgstr == "Tłumaczenie")
    entry.msgstr = "Inne tłumaczenie"
    po.save(str(po_path))
    done, out = rendered(root)
    assert {t for t in done if not t.endswith("/history")} == tasks(("library",), ("pl",), FORMATS)
    same_as_force(root, out, tmp_path)


def test_an_interface_catalog_edit_renders_that_language_only(root: Path, tmp_path: Path) -> None:
    po_path = root / "locales/pl/LC_MESSAGES/interface.po"
    po = polib.pofile(str(po_path))
    entry = po[0]
    entry.msgstr = "Słowo"
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    po.save(str(po_path))
    done, out = rendered(root)
    assert {t for t in done if not t.endswith("/history")} <= tasks(("library", "parking"), ("pl",), FORMATS)
    assert done, "an interface word changed: the Polish files that show it are made again"
    same_as_force(root, out, tmp_path)


@pytest.mark.parametrize(
    ("template", "fmt"),
    [("text/notice.txt", "txt"), ("html/page.html", "html")],
)
def test_a_template_edit_renders_only_its_format(root: Path, tmp_path: Path, template: str, fmt: str) -> None:
    own_template(root, template, "\n")
    done, out = rendered(root)
    assert {t for t in done if not t.endswith("/history")} == tasks(
        ("library", "parking"), ("en", "pl"), (fmt,)
    )
    same_as_force(root, out, tmp_path)


def test_a_logo_edit_renders_only_the_files_that_embed_it(root: Path, tmp_path: Path) -> None:
    logo = root / "notice_src/assets/logo.svg"
    edit(logo, "</svg>", "<!-- new --></svg>")
    done, out = rendered(root)
    # Word shows logo.png (the raster beside it), the pages only link to assets/logo.svg (published
    # again by the site's own files): nothing of the notices is made again.
    assert done == set()
    assert (out / "assets/logo.svg").read_bytes() == logo.read_bytes()
    same_as_force(root, out, tmp_path)


def test_a_new_raster_logo_renders_the_word_files_and_the_pages_that_list_them(
    root: Path, tmp_path: Path
) -> None:
    png = root / "notice_src/assets/logo.png"
    png.write_bytes((ROOT / "notice_src/assets/logo.png").read_bytes())  # another picture
    done, out = rendered(root)
    # A page lists its documents with their sizes: a Word file of another size changes the page.
    assert done == tasks(("library", "parking"), ("en", "pl"), ("docx", "html"))
    same_as_force(root, out, tmp_path)


def test_a_shared_setting_renders_everything(root: Path, tmp_path: Path) -> None:
    edit(root / "notice_src/site.yaml", "Example Council", "Sample Council")
    done, out = rendered(root)
    assert tasks(("library", "parking"), ("en", "pl"), FORMATS) <= done
    same_as_force(root, out, tmp_path)


def test_the_order_tasks_start_in_never_changes_the_files(root: Path, tmp_path: Path) -> None:
    timings = root / ".noticegen/timings.json"
    seen = json.loads(timings.read_text(encoding="utf-8"))
    assert "library/en/docx" in seen  # the first build timed its tasks
    upside_down = {key: 100.0 - seconds for key, seconds in seen.items()}  # the shortest first
    timings.write_text(json.dumps(upside_down), encoding="utf-8")
    one = build(BuildOptions(root=root, formats=FORMATS, force=True, workers=2)).out
    timings.write_text("{damaged", encoding="utf-8")  # ignored: the typical figures are used
    two = build(BuildOptions(root=root, formats=FORMATS, force=True, workers=2, out=tmp_path / "two")).out
    assert (one / "SHA256SUMS").read_text() == (two / "SHA256SUMS").read_text()
    assert json.loads(timings.read_text(encoding="utf-8"))  # rewritten whole


def test_workers_renewed_every_few_tasks_make_the_same_files(root: Path, tmp_path: Path, monkeypatch) -> None:
    """A big site replaces its workers as it goes (their memory): the files are the same."""
    from noticegen.pipeline import workers

    monkeypatch.setattr(workers, "RENEW_AFTER", 1)  # a new pair of workers after every two tasks
    renewed: list[int] = []
    start = workers.Workers._start
    monkeypatch.setattr(
        workers.Workers, "_start", lambda self, *how: (renewed.append(how), start(self, *how))[-1]
    )
    one = build(BuildOptions(root=root, formats=(*FORMATS, "pdf"), force=True, workers=2)).out
    assert len(renewed) > 3 and ("spawn",) in renewed  # the first workers forked, the next ones new
    two = build(
        BuildOptions(root=root, formats=(*FORMATS, "pdf"), force=True, workers=1, out=tmp_path / "two")
    ).out
    assert (one / "SHA256SUMS").read_text() == (two / "SHA256SUMS").read_text()
