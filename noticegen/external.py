"""Where the build finds the external programs it runs (installed by the Makefile, not by pip)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def pagefind_binary(root: Path) -> Path | None:
    """$NOTICEGEN_PAGEFIND, else node_modules/.bin/pagefind of noticegen or of the project, else PATH."""
    named = os.environ.get("NOTICEGEN_PAGEFIND")
    candidates = [Path(named)] if named else []
    candidates += [REPO / "node_modules/.bin/pagefind", Path(root) / "node_modules/.bin/pagefind"]
    found = shutil.which("pagefind")
    candidates += [Path(found)] if found else []
    return next((c for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)
