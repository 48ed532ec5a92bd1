"""Second use: moves and splits in notices the feature was not built from (the shared corpus of
councils' Word notices, imported), each reported as one change of its kind."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from noticegen.changes import diff_versions
from noticegen.cli import main

SHARED = Path(os.environ.get("NOTICEGEN_SHARED") or ROOT.parent / "shared")
CORPUS = sorted((SHARED / "corpus").glob("*.docx"))
PARAGRAPH = re.compile(r"^      - id: ([a-z0-9-]+)\n        paragraph: ([^|>\n][^\n]*)\n", re.M)


def sections(text: str) -> list[tuple[str, list[re.Match[str]]]]:
    """Each section's id and its one-line paragraphs, in order."""
    out = []
    starts = [m for m in re.finditer(r"^  - id: ([a-z0-9-]+)\n", text, re.M)]
    for n, start in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        found = [m for m in PARAGRAPH.finditer(text, start.end(), end)]
        out.append((start.group(1), found))
    return out


@pytest.mark.skipif(not CORPUS, reason="the shared corpus is not beside this checkout")
@pytest.mark.parametrize("docx", CORPUS, ids=[p.stem for p in CORPUS])
def test_a_move_and_a_split_in_an_imported_notice(tmp_path: Path, docx: Path) -> None:
    root = tmp_path / "council"
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    shutil.rmtree(root / "notice_src" / "releases")
    (root / "notice_src" / "supporting-families.yaml").unlink()
    assert main(["import", str(docx), "--root", str(root)]) == 0
    path = next(p for p in (root / "notice_src").glob("*.yaml") if p.name != "site.yaml")
    notice = path.stem
    assert (
        main(
            ["release", notice, "--root", str(root), "--major", "--summary", "First.", "--date", "2024-01-01"]
        )
        == 0
    )
    text = path.read_text(encoding="utf-8")
    found = [(s, ps) for s, ps in sections(text) if ps]
    if len(found) < 2:
        pytest.skip("fewer than two sections with plain paragraphs")
    # Move the last paragraph of the first such section to the start of the next one.
    (_, first), (target, _) = found[0], found[1]
    mover = first[-1]
    text = text[: mover.start()] + text[mover.end() :]
    anchor = PARAGRAPH.search(text, text.index(f"  - id: {target}\n"))
    assert anchor
    text = text[: anchor.start()] + mover.group(0) + text[anchor.start() :]
    # Split the longest paragraph of two sentences or more (not the one moved) at its middle sentence.
    splittable = [
        m for _, ps in found for m in ps if m.group(1) != mover.group(1) and m.group(2).count(". ") >= 2
    ]
    if not splittable:
        pytest.skip("no paragraph of two sentences or more")
    victim = max(splittable, key=lambda m: len(m.group(2)))
    sentences = victim.group(2).split(". ")
    half = len(sentences) // 2
    head, tail = ". ".join(sentences[:half]) + ".", ". ".join(sentences[half:])
    line = f"        paragraph: {victim.group(2)}\n"
    assert text.count(line) == 1
    text = text.replace(
        line,
        f"        paragraph: {head}\n      - id: {victim.group(1)}-part-two\n        paragraph: {tail}\n",
    )
    text = re.sub(r'^version: "?[^"\n]*"?$', 'version: "9.0"', text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    changes = diff_versions(root, notice, "1.0", "working")
    kinds = sorted(c.kind for c in changes.changes if c.path not in ("notice/effective", "notice/review_by"))
    assert kinds == ["moved", "split"], [(c.kind, c.path) for c in changes.changes]
