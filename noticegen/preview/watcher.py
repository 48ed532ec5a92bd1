"""Watch the project's source folders and rebuild the preview after each burst of changes."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from noticegen.preview.rebuild import Preview, clock, describe_failure

WATCHED_FOLDERS = ("notice_src", "templates", "locales")
SOURCE_SUFFIXES = (".yaml", ".yml", ".po", ".html", ".css", ".txt")


def watched_folders(root: Path) -> list[Path]:
    return [root / name for name in WATCHED_FOLDERS if (root / name).is_dir()]


def changed_names(root: Path, changes) -> list[str]:
    """The files to name in the terminal: not an editor's or a tool's short-lived temporary files."""
    names = set()
    for _, path in changes:
        if Path(path).exists() or Path(path).suffix in SOURCE_SUFFIXES:
            names.add(os.path.relpath(path, root))
    return sorted(names) or ["a temporary file"]


def watch(preview: Preview, stop: threading.Event, ready: threading.Event) -> None:
    """Rebuild after each burst of changes; `ready` is set once the watcher is listening."""
    # Imported here, in the watcher's thread: if it cannot load, `ready` is never set and
    # serve() says the folders are not watched, instead of the whole preview failing.
    import watchfiles

    for changes in watchfiles.watch(
        *watched_folders(preview.root),
        stop_event=stop,
        step=50,  # changes within 50 ms (an editor's save in several steps) make one rebuild
        rust_timeout=200,
        yield_on_timeout=True,  # an empty set every 200 ms: proves the watcher is listening
        raise_interrupt=False,
    ):
        ready.set()
        if stop.is_set():
            return
        if not changes:
            continue
        names = changed_names(preview.root, changes)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        preview.say(f"{clock()} changed: {shown}")
        try:
            preview.rebuild()
        except Exception as exc:  # never let one bad build stop the watching
            preview.say(f"{clock()} {describe_failure(preview.root, exc)}")
