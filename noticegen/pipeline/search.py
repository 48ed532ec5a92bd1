"""The search index: Pagefind (installed from npm by the Makefile) reads the built pages and
writes a static index into pagefind/, which assets/search.js queries in the browser.

The index is made from the pages in memory (and, for a build of some notices only, the other
published pages), in a temporary folder, and returned as files for the one atomic writer.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from noticegen.builders.job import Artifact
from noticegen.errors import Reporter
from noticegen.model import Loc

FOLDER = "pagefind"
REPO = Path(__file__).resolve().parents[2]
PAGE_MARK = b"data-pagefind-body"


def pagefind_binary(root: Path) -> Path | None:
    """$NOTICEGEN_PAGEFIND, else node_modules/.bin/pagefind of noticegen or of the project, else PATH."""
    named = os.environ.get("NOTICEGEN_PAGEFIND")
    candidates = [Path(named)] if named else []
    candidates += [REPO / "node_modules/.bin/pagefind", Path(root) / "node_modules/.bin/pagefind"]
    found = shutil.which("pagefind")
    candidates += [Path(found)] if found else []
    return next((c for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)


def search_artifacts(
    root: Path, artifacts: list[Artifact], previous: Path | None, report: Reporter
) -> list[Artifact]:
    """The index of every searchable page (those marked data-pagefind-body), as files under pagefind/."""
    binary = pagefind_binary(root)
    if binary is None:
        report.warning(
            Loc("node_modules/.bin/pagefind"),
            "the search index was not built: Pagefind is not installed (run 'make build', which installs it)",
        )
        return []
    pages = {a.path: a.data for a in artifacts if a.path.endswith(".html") and PAGE_MARK in a.data}
    if previous is not None and previous.is_dir():  # a partial build: the other notices' pages too
        for path in previous.rglob("*.html"):
            rel = path.relative_to(previous).as_posix()
            if rel not in pages and not rel.startswith(FOLDER + "/") and PAGE_MARK in path.read_bytes():
                pages[rel] = path.read_bytes()
    if not pages:
        return []
    with tempfile.TemporaryDirectory(prefix="noticegen-search-") as tmp:
        site = Path(tmp) / "site"
        for rel, data in pages.items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_bytes(data)
        result = subprocess.run(
            [str(binary), "--site", str(site), "--output-subdir", FOLDER, "--keep-index-url", "--silent"],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=tmp,  # so that no pagefind.yml of the caller's folder applies
        )
        if result.returncode != 0:
            raise RuntimeError(f"pagefind failed ({result.returncode}): {result.stderr.strip()[:2000]}")
        index = site / FOLDER
        return [
            Artifact(f"{FOLDER}/{p.relative_to(index).as_posix()}", _stable(p))
            for p in sorted(index.rglob("*"))
            if p.is_file()
        ]


def _stable(path: Path) -> bytes:
    """The file's bytes; the entry file's JSON with its keys sorted (Pagefind writes its languages
    in any order), so that the same pages always give the same index."""
    if path.name != "pagefind-entry.json":
        return path.read_bytes()
    return json.dumps(json.loads(path.read_bytes()), sort_keys=True, ensure_ascii=False).encode("utf-8")
