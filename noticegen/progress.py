"""A progress line for long builds, shown only on a terminal."""

from __future__ import annotations

import sys
from types import TracebackType


class Progress:
    """Counts build steps; draws a rich spinner when stderr is a terminal."""

    def __init__(self) -> None:
        self.count = 0
        self._status = None

    def __enter__(self) -> Progress:
        if sys.stderr.isatty():
            from rich.console import Console

            self._status = Console(stderr=True).status("building…")
            self._status.__enter__()
        return self

    def step(self, label: str) -> None:
        self.count += 1
        if self._status is not None:
            self._status.update(f"building {label} ({self.count} done)")

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._status is not None:
            self._status.__exit__(kind, value, tb)
