"""Live preview: build into a temporary folder, serve it on 127.0.0.1, rebuild when a source changes."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from noticegen.errors import UserError
from noticegen.pipeline import manifest_path
from noticegen.preview.rebuild import Preview
from noticegen.preview.server import PreviewServer
from noticegen.preview.watcher import watch
from noticegen.stopping import stop_on_signals

WATCHER_START_SECONDS = 10  # longer than this to start listening: the preview goes on unwatched


def serve(
    root: Path,
    port: int = 8000,
    langs: tuple[str, ...] = (),
    formats: tuple[str, ...] = ("html",),
    workers: int = 1,
    say: Callable[[str], None] = print,
) -> int:
    """Serve a live preview until Ctrl-C; returns the exit code (0)."""
    # Three threads share one Preview: the watcher rebuilds after each change, the server
    # answers requests from the last good build (or the error page), and this one waits for
    # Ctrl-C. The build goes to a temporary folder, never dist/, which is removed at the end.
    if not (root / "notice_src").is_dir():
        raise UserError.at(
            "notice_src",
            "there is no notice_src/ folder here: run this in the project folder, or give --root",
        )
    temp = Path(tempfile.mkdtemp(prefix="noticegen-preview-"))
    preview = Preview(root, temp / "site", langs, formats, workers, say)
    stop, ready = threading.Event(), threading.Event()
    server: PreviewServer | None = None
    watcher = threading.Thread(target=watch, args=(preview, stop, ready), name="watcher", daemon=True)
    serving = None
    try:
        with stop_on_signals():
            try:
                server = PreviewServer(port, preview)
                watcher.start()
                waited = 0.0
                while not ready.wait(0.1) and watcher.is_alive() and waited < WATCHER_START_SECONDS:
                    waited += 0.1
                if not ready.is_set():
                    say("warning: the folders are not watched: restart 'noticegen serve' after each change")
                preview.rebuild()
                serving = threading.Thread(target=server.serve_forever, name="server", daemon=True)
                serving.start()
                say(f"Serving on http://127.0.0.1:{server.server_address[1]}/ — press Ctrl-C to stop")
                while watcher.is_alive():
                    time.sleep(0.2)
                say("the watcher stopped: restart 'noticegen serve' to see further changes")
                while True:
                    time.sleep(0.2)
            except KeyboardInterrupt:
                pass
            finally:
                stop.set()
                if server is not None:
                    if serving is not None:
                        server.shutdown()
                    server.server_close()
                if watcher.is_alive():
                    watcher.join(60)  # lets a build in progress finish before its folder goes
                shutil.rmtree(temp, ignore_errors=True)
                with contextlib.suppress(OSError):
                    manifest_path(root / ".noticegen", temp / "site").unlink()
    except KeyboardInterrupt:
        pass  # a second Ctrl-C while stopping
    say("stopped")
    return 0
