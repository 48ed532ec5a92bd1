"""How long each build task took last time, so that the longest start first.

With two workers, a build ends when its last task ends: a long PDF layout started last keeps one
core busy while the other waits. Tasks are started longest first, by the seconds each one took in
the project's previous build (any output folder, with or without --force), or, for a task never
timed, by a typical figure for its format. The order changes only when files are made, never
what is in them: files are gathered in the tasks' own order.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

# Typical seconds per task on one core (a notice of about ten pages): only the order matters.
TYPICAL = {
    "pdf": 1.0,
    "leaflet": 1.0,
    "docx": 0.3,
    "braille": 0.05,
    "html": 0.05,
    "history": 0.05,
    "txt": 0.02,
    "json": 0.01,
    "collection": 0.01,
}
KEPT = 20_000  # tasks remembered at most (a site of 500 notices in 4 languages has about 20 000)


class Timings:
    """Seconds per task key, read from and saved to one small JSON file in .noticegen/."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.seconds: dict[str, float] = _read(path) if path else {}
        self.fresh: dict[str, float] = {}

    def estimate(self, key: str, fmt: str) -> float:
        return self.seconds.get(key, TYPICAL.get(fmt, 0.1))

    def record(self, key: str, seconds: float) -> None:
        self.fresh[key] = round(seconds, 3)

    def save(self) -> None:
        """Best effort: a project that cannot be written to is only scheduled less well."""
        if not self.path or not self.fresh:
            return
        older = [(k, v) for k, v in self.seconds.items() if k not in self.fresh]
        kept = {**dict(older[: max(0, KEPT - len(self.fresh))]), **self.fresh}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps(kept, sort_keys=True, indent=0), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            pass


def _read(path: Path) -> dict[str, float]:
    """The last build's timings; anything unreadable or of another shape counts as none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        k: float(v)
        for k, v in data.items()
        if isinstance(k, str) and isinstance(v, (int, float)) and math.isfinite(v) and v >= 0
    }
