"""Compiled templates, shared: each template is compiled once per process, not once per language.

Every language has its own Jinja environment (its own interface words), and Jinja compiles a
template again for each environment: a four-language build compiled every template four times in
each process (about 0.2 s for the whole set each time). The compiled code does not depend on the
language, only on the template's source and on whether the environment escapes HTML, so one cache
per escaping mode serves them all. With a folder (the project's `.noticegen/templates/`), the code
is also kept on disk, so that a new process (a cold build, a build's workers) loads it instead of
compiling: Jinja checks the template's source checksum and its own version before using it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket


class SharedCode(jinja2.BytecodeCache):
    """Compiled template code by template and source checksum, in memory and optionally on disk."""

    def __init__(self, escape: bool, folder: Path | None) -> None:
        self.memory: dict[tuple[str, str], object] = {}
        pattern = ("html-" if escape else "text-") + "%s.cache"
        self.disk = jinja2.FileSystemBytecodeCache(str(folder), pattern) if folder else None

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.memory.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code  # type: ignore[assignment]
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)  # checks Jinja's magic and the source checksum
            if bucket.code is not None:
                self.memory[(bucket.key, bucket.checksum)] = bucket.code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.memory[(bucket.key, bucket.checksum)] = bucket.code
        if self.disk is not None:
            try:
                Path(self.disk.directory).mkdir(parents=True, exist_ok=True)
                self.disk.dump_bytecode(bucket)  # a temporary file, then renamed: never half written
            except OSError:
                pass  # a read-only project: compiled again next time, nothing else changes


@functools.lru_cache(maxsize=16)
def shared_code(escape: bool, folder: Path | None = None) -> SharedCode:
    """The one cache for environments that escape (or not), kept in `folder` when given."""
    return SharedCode(escape, folder)


def cache_folder(root: str | Path) -> Path:
    """Where a project keeps its compiled templates."""
    return Path(root) / ".noticegen" / "templates"
