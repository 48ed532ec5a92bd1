"""Compiled templates, shared: each template is compiled once per process, not once per language.

Every language has its own Jinja environment (its own interface words), and Jinja compiles a
template again for each environment: a four-language build compiled every template four times in
each process (about 0.2 s for the whole set each time). The compiled code does not depend on the
language, only on the template's source and on whether the environment escapes HTML, so one cache
per escaping mode serves them all. While a build runs, the code is also kept on disk (the project's
`.noticegen/templates/`), so that a new process (a cold build, a build's workers) loads it instead
of compiling: Jinja checks the template's source checksum and its own version before using it.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket


class SharedCode(jinja2.BytecodeCache):
    """Compiled template code by template and source checksum, in memory, and on disk while a
    build has said where (`kept_in`): builders called on their own write nothing."""

    def __init__(self, escape: bool) -> None:
        self.memory: dict[tuple[str, str], object] = {}
        self.pattern = ("html-" if escape else "text-") + "%s.cache"

    def _disk(self) -> jinja2.FileSystemBytecodeCache | None:
        return jinja2.FileSystemBytecodeCache(str(_FOLDER[0]), self.pattern) if _FOLDER[0] else None

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.memory.get((bucket.key, bucket.checksum))
        disk = self._disk()
        if code is not None:
            bucket.code = code  # type: ignore[assignment]
        elif disk is not None:
            disk.load_bytecode(bucket)  # checks Jinja's magic and the source checksum
            if bucket.code is not None:
                self.memory[(bucket.key, bucket.checksum)] = bucket.code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.memory[(bucket.key, bucket.checksum)] = bucket.code
        disk = self._disk()
        if disk is not None:
            try:
                Path(disk.directory).mkdir(parents=True, exist_ok=True)
                disk.dump_bytecode(bucket)  # a temporary file, then renamed: never half written
            except OSError:
                pass  # a read-only project: compiled again next time, nothing else changes


_FOLDER: list[Path | None] = [None]  # where compiled code is kept on disk, while a build runs


@functools.lru_cache(maxsize=2)
def shared_code(escape: bool) -> SharedCode:
    """The one cache for environments that escape (or not)."""
    return SharedCode(escape)


@contextlib.contextmanager
def kept_in(folder: Path) -> Iterator[None]:
    """While inside (a build, and the workers it forks), compiled code is also kept in `folder`."""
    previous, _FOLDER[0] = _FOLDER[0], folder
    try:
        yield
    finally:
        _FOLDER[0] = previous
