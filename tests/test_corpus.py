"""The corpus of real notices (../shared/corpus): each imports, builds in every format, and keeps
its text and structure.

Per notice: every paragraph, heading, list item and table cell of the Word file is in the page;
every list item at its nesting level, numbered items in ordered lists, cells in tables; every
hyperlink kept; no organisation named that the Word file does not name (the site's "Sefton"
included). The Word file is read by tests/corpus_shape.py, independently of the importer, and
checked first against the counts of its .shape.json. The text, PDF and Word outputs are read
back by their own readers (pdftotext, python-docx) for the same words.

The corpus is found at $NOTICEGEN_SHARED/corpus, else ../shared/corpus beside the repository.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from corpus_shape import Shape, main_of, page_figures, text_of, word_shape, words

from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NOTICEGEN_SHARED") or ROOT.parent / "shared") / "corpus"
SLUGS = sorted(p.stem for p in CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
SITE_ORGANISATION = "Sefton"

pytestmark = pytest.mark.skipif(
    not SLUGS,
    reason=f"the corpus of real notices is not at {CORPUS}: set NOTICEGEN_SHARED to the folder holding "
    "corpus/ (CI has it at ../shared beside the repository)",
)


def organisations() -> list[str]:
    """The site's organisation and every corpus notice's own: none may appear where not named."""
    found = [SITE_ORGANISATION]
    for path in CORPUS.glob("*.shape.json"):
        found.append(json.loads(path.read_text(encoding="utf-8"))["org"].split(" (")[0])
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A project with the real site.yaml, every corpus notice imported, built in every format."""
    project = tmp_path_factory.mktemp("corpus") / "project"
    (project / "notice_src").mkdir(parents=True)
    shutil.copy(ROOT / "notice_src" / "site.yaml", project / "notice_src" / "site.yaml")
    shutil.copytree(ROOT / "notice_src" / "assets", project / "notice_src" / "assets")
    reports = {}
    for slug in SLUGS:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["import", str(CORPUS / f"{slug}.docx"), "--id", slug, "--root", str(project)])
        assert code == 0, f"{slug}: import exited {code}\n{err.getvalue()}"
        reports[slug] = out.getvalue()
    result = build(BuildOptions(root=project, langs=("en",), out=project / "dist"))
    assert not result.report.errors, [str(e) for e in result.report.errors]
    return project, reports


def shape_of(slug: str) -> Shape:
    return word_shape(CORPUS / f"{slug}.docx")


def output(project: Path, slug: str, name: str) -> Path:
    path = project / "dist" / slug / "en" / name.format(slug=slug)
    assert path.is_file(), f"{slug}: {path.name} was not built"
    return path


@pytest.mark.parametrize("slug", SLUGS)
def test_the_word_file_is_read_as_its_shape_says(slug: str):
    """The independent reader agrees with the corpus's own counts, so the checks below count right."""
    counts = json.loads((CORPUS / f"{slug}.shape.json").read_text(encoding="utf-8"))["counts"]
    shape = shape_of(slug)
    bullets: dict[str, int] = {}
    for item in shape.items:
        if not item.ordered:
            bullets[str(item.level)] = bullets.get(str(item.level), 0) + 1
    assert len(shape.paragraphs) == counts["paragraphs"]
    assert len(shape.headings) == sum(counts["headings_by_level"].values())
    assert bullets == {level: n for level, n in counts["bullets_by_level"].items() if n}
    assert sum(item.ordered for item in shape.items) == counts["numbered_items"]
    assert len(shape.cells) == sum(t["rows"] * t["cols"] for t in counts["tables"])
    assert len(shape.links) == counts["links"]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_page_keeps_the_text_and_structure(corpus: tuple[Path, dict[str, str]], slug: str):
    project, _ = corpus
    html = output(project, slug, "index.html").read_text(encoding="utf-8")
    figures = page_figures(shape_of(slug), html, organisations())
    assert figures.found == figures.total, f"{slug}: {figures.line()}; missed: {figures.missed}"
    assert figures.total.get("paragraphs", 0) > 0


@pytest.mark.parametrize("slug", SLUGS)
def test_the_text_pdf_and_word_files_keep_the_words(corpus: tuple[Path, dict[str, str]], slug: str):
    project, _ = corpus
    shape = shape_of(slug)
    text = words(output(project, slug, "{slug}.txt").read_text(encoding="utf-8"))
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(output(project, slug, "{slug}.pdf")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    document = docx.Document(str(output(project, slug, "{slug}.docx")))
    word = [p.text for p in document.paragraphs]
    word += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for name, found in (("text", text), ("PDF", words(pdf)), ("Word", words("\n".join(word)))):
        found = f" {found} "
        for wanted in [*shape.paragraphs, *shape.headings, *(i.text for i in shape.items)]:
            assert all(w in found for w in words(wanted).split()), f"{slug}: {name} lacks {wanted!r}"
        for cell in shape.cells:
            assert f" {words(cell)} " in found or all(w in found for w in words(cell).split()), cell
        if name != "PDF":  # the PDF's running header and link to the published page are the site's
            assert f" {words(SITE_ORGANISATION)} " not in found or SITE_ORGANISATION in shape.text


@pytest.mark.parametrize("slug", SLUGS)
def test_the_import_names_the_notices_own_controller(corpus: tuple[Path, dict[str, str]], slug: str):
    """The controller is the document's, or left to confirm; never the site's organisation."""
    project, reports = corpus
    source = (project / "notice_src" / f"{slug}.yaml").read_text(encoding="utf-8")
    assert "controllers:" in source and "dpo:" in source
    assert SITE_ORGANISATION not in source
    main_text = words(text_of(main_of(output(project, slug, "index.html").read_text(encoding="utf-8"))))
    assert words(SITE_ORGANISATION) not in main_text.split()
    report = reports[slug]
    assert "Structure changed" in report and "To finish by hand" in report
