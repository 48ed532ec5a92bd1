"""Is a catalog one gettext accepts? `msgfmt --check`, reported as `file:line` problems.

`i18n check` lists these problems; `build` and `serve` refuse a catalog with an error through it
(`workflow.refuse_bad_catalogs`), so a page is never built from a file translators' tools reject.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from noticegen.errors import Problem
from noticegen.model import Loc

_LINE = re.compile(r"^.*?:(\d+):\s*(.*)$")


def msgfmt_problems(path: Path, shown: str) -> list[Problem]:
    """What `msgfmt --check` says about the file at `path` (named `shown` in the problems)."""
    msgfmt = shutil.which("msgfmt")
    if not msgfmt:
        return [
            Problem(
                Loc(shown),
                "warning",
                "msgfmt is not installed, so the catalog was not checked with it: install gettext",
            )
        ]
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )
    found = []
    for line in result.stderr.splitlines():
        match = _LINE.match(line)
        if match and "fatal" not in match.group(2):
            text = match.group(2)
            level = "warning" if text.startswith("warning:") else "error"
            text = text.removeprefix("warning:").strip()
            found.append(Problem(Loc(shown, int(match.group(1))), level, f"msgfmt: {text}"))
    if result.returncode and not any(p.level == "error" for p in found):
        found.append(Problem(Loc(shown), "error", f"msgfmt --check failed: {result.stderr.strip()[:200]}"))
    return found
