"""A site of several notices for the cross-notice features: the seed plus corpus notices imported
from Word (material the features were not built from)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

from noticegen.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS_NOTICES = ("defra-apha-ivory-act-registration", "camden-council-corporate")


def shared_dir() -> Path | None:
    """The shared material: $NOTICEGEN_SHARED, else ../shared beside the repository."""
    for candidate in (os.environ.get("NOTICEGEN_SHARED"), ROOT.parent / "shared"):
        if candidate and (Path(candidate) / "corpus").is_dir():
            return Path(candidate)
    return None


def make_site(dest: Path) -> tuple[Path, tuple[str, ...]]:
    """A copy of this repository's notice_src with the corpus notices imported beside the seed;
    returns the project folder and the ids of the corpus notices it holds (none without the corpus)."""
    root = dest / "site"
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    shared = shared_dir()
    if shared is None:
        return root, ()
    for slug in CORPUS_NOTICES:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(
                ["import", str(shared / "corpus" / f"{slug}.docx"), "--id", slug, "--root", str(root)]
            )
        assert code == 0, f"importing {slug} failed"
        for report in (root / "notice_src").glob("*.import-report.txt"):
            report.unlink()
    return root, CORPUS_NOTICES
