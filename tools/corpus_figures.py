"""Per corpus notice: how much of the Word file's text and structure the imported page keeps.

    .venv/bin/python tools/corpus_figures.py [CORPUS_DIR]

Imports each .docx of the corpus (default: $NOTICEGEN_SHARED/corpus, else ../shared/corpus)
into a scratch project with this repository's site.yaml, builds its HTML page and prints
found/total for paragraphs, list items at their level, numbered items in ordered lists, table
cells and links (the measure of tests/corpus_shape.py).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus_shape import page_figures, word_shape  # noqa: E402

from noticegen.cli import main  # noqa: E402


def corpus_dir() -> Path:
    shared = os.environ.get("NOTICEGEN_SHARED")
    return (Path(shared) if shared else ROOT.parent / "shared") / "corpus"


def figures(docx: Path, project: Path, organisations: list[str]) -> str:
    slug = docx.stem
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["import", str(docx), "--id", slug, "--root", str(project), "--force"])
        if code:
            return f"import failed (exit {code})"
        code = main(["build", "--root", str(project), "--notice", slug, "--lang", "en", "--format", "html"])
    page = project / "dist" / slug / "en" / "index.html"
    if not page.is_file():
        return f"build failed (exit {code})"
    found = page_figures(word_shape(docx), page.read_text(encoding="utf-8"), organisations)
    missed = "".join(f"\n  missed {k}: {v}" for k, v in found.missed.items()) if "-v" in sys.argv else ""
    return found.line() + missed


def run(corpus: Path) -> None:
    organisations = ["Sefton"] + [
        json.loads(p.read_text(encoding="utf-8"))["org"].split(" (")[0] for p in corpus.glob("*.shape.json")
    ]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "notice_src").mkdir()
        shutil.copy(ROOT / "notice_src" / "site.yaml", project / "notice_src")
        shutil.copytree(ROOT / "notice_src" / "assets", project / "notice_src" / "assets")
        for docx in sorted(corpus.glob("*.docx")):
            print(f"{docx.stem}: {figures(docx, project, organisations)}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    run(Path(args[0]) if args else corpus_dir())
