"""Live preview: build into a temporary folder, serve it on 127.0.0.1, rebuild when a source changes.

The preview never touches dist/: it builds with the ordinary pipeline into `<temp>/site` (HTML
only by default, so a rebuild takes a fraction of a second) and serves that folder with the
same layout as dist/. Three threads share one `Preview`:

- the watcher (watchfiles: inotify or the platform's equivalent, so an edit is seen at once and
  nothing is polled while idle) rebuilds after each change to notice_src/, templates/ or locales/;
- the HTTP server (one thread per request) serves the last good build. While the sources are
  broken, every page request gets an error page listing the problems instead;
- the main thread waits for Ctrl-C, then stops both and removes the temporary folder.

Every HTML response gets a small script, added as it is sent (never written to a file), that
asks `/__noticegen/version` every 500 ms and reloads the page when a build has finished.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import html
import http.server
import mimetypes
import os
import secrets
import shutil
import signal
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import Problem, UserError
from .model import Loc

VERSION_PATH = "/__noticegen/version"
WATCHED = ("notice_src", "templates", "locales")
HTML_TYPES = (".html", ".htm")
LOCK_RETRIES = 40  # another build of the project holds the lock: try again for up to 20 s

RELOAD_SCRIPT = """<script id="noticegen-preview-reload">
/* Added by 'noticegen serve' for the preview only: reloads the page after each rebuild. */
(function () {
  var seen = "%s";
  function poll() {
    fetch("%s", {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (version) {
        if (version.trim() !== seen) { window.location.reload(); } else { setTimeout(poll, 500); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
</script>
"""


def inject(page: bytes, version: str) -> bytes:
    """The page with the reload script before its last </body> (at the end for a fragment)."""
    script = (RELOAD_SCRIPT % (version, VERSION_PATH)).encode("utf-8")
    at = page.lower().rfind(b"</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


def error_page(problems: list[Problem], version: str) -> bytes:
    """A self-contained page listing the problems in plain words, every text escaped."""
    errors = sum(1 for p in problems if p.level == "error")
    count = f"{errors} problem" if errors == 1 else f"{errors} problems"
    items = []
    for problem in problems:
        where = str(problem.loc) or "the project"
        items.append(
            f'<li class="{html.escape(problem.level)}"><code>{html.escape(where)}</code> '
            f"<strong>{html.escape(problem.level)}</strong>: {html.escape(problem.message)}</li>"
        )
    body = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: {count} to fix</title>
<style>
body {{ font-family: Arial, Helvetica, sans-serif; font-size: 1.125rem; line-height: 1.5;
  color: #0b0c0c; background: #fff; margin: 0; }}
main {{ max-width: 50rem; margin: 0 auto; padding: 1.5rem; }}
h1 {{ border-left: 0.5rem solid #d4351c; padding-left: 1rem; }}
li {{ margin-bottom: 1rem; }}
code {{ font-family: Consolas, Menlo, monospace; background: #f3f2f1; padding: 0 0.25rem; }}
li.error strong {{ color: #d4351c; }}
</style>
</head>
<body>
<main>
<h1>The preview cannot be shown: {count} to fix</h1>
<p>noticegen could not make the preview from the files as they are. Each line below gives the
file, the line and the column (<code>file:line:column</code>), then what to do.</p>
<ol>
{chr(10).join(items)}
</ol>
<p>Open the file in your editor, go to that line, fix it and save. This page updates by itself:
the notice comes back as soon as the files are right.</p>
<p>docs/source-format.md explains every setting (section 12: when something is wrong).</p>
</main>
</body>
</html>
"""
    return inject(body.encode("utf-8"), version)


def missing_page(path: str, version: str) -> bytes:
    body = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Not found</title></head>
<body>
<main>
<h1>There is no page at {html.escape(path)}</h1>
<p><a href="/">See every notice</a>. A notice is at /notice-id/language/, such as /library/en/.</p>
</main>
</body>
</html>
"""
    return inject(body.encode("utf-8"), version)


def describe_failure(root: Path, exc: Exception) -> Problem:
    """A build failure that is not a source error (a template error, say) as one problem."""
    filename = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None) or 0
    where = Loc("")
    if filename:
        with contextlib.suppress(ValueError):
            filename = os.path.relpath(filename, root)
        where = Loc(str(filename), int(line))
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return Problem(
        where,
        "error",
        f"the preview could not be built: {message} ({type(exc).__name__}; if this is not about a "
        "file you changed, tell the developers)",
    )


class Preview:
    """The shared state: where the site is, which build it is, and what is wrong with the sources."""

    def __init__(
        self,
        root: Path,
        site: Path,
        langs: tuple[str, ...],
        formats: tuple[str, ...],
        workers: int,
        say: Callable[[str], None],
    ) -> None:
        self.root = root
        self.site = site
        self.langs = langs
        self.formats = formats
        self.workers = workers
        self.say = say
        self.token = secrets.token_hex(4)  # a restarted server makes open pages reload too
        self.counter = 0
        self.problems: list[Problem] = []  # not empty: the sources are broken
        self.notices: set[str] = set()
        self.built = False  # a build has worked since the preview started
        self.state = threading.Lock()
        self.building = threading.Lock()  # one build at a time (the watcher and the first build)

    @property
    def version(self) -> str:
        with self.state:
            return f"{self.token}-{self.counter}"

    def broken(self) -> list[Problem]:
        with self.state:
            return list(self.problems)

    def _finish(self, problems: list[Problem]) -> None:
        with self.state:
            self.problems = problems
            self.counter += 1

    def rebuild(self, today: dt.date | None = None) -> bool:
        """Build the preview; on failure, pages show the problems until a build works again."""
        with self.building:
            return self._rebuild(today)

    def _rebuild(self, today: dt.date | None) -> bool:
        from .checks import run as run_checks
        from .pipeline import BuildOptions, build
        from .source import load_project

        was_broken = bool(self.broken())
        options = BuildOptions(
            root=self.root,
            langs=self.langs,
            formats=self.formats,
            out=self.site,
            workers=self.workers,
        )
        try:
            project, report = load_project(self.root)
            result = self._build_with_retry(build, options)
        except UserError as exc:
            self._finish(list(exc.problems))
            self._report_problems(exc.problems)
            return False
        except Exception as exc:  # a template error or a bug: shown, and the server goes on
            problem = describe_failure(self.root, exc)
            self._finish([problem])
            self._report_problems([problem])
            return False
        self._remove_gone({n.id for n in project.notices})
        self._finish([])
        done = (
            "fixed: preview updated" if was_broken else "preview updated" if self.built else "preview built"
        )
        self.built = True
        if self.formats == ("html",):
            pages = "1 page" if result.rendered == 1 else f"{result.rendered} pages"
        else:
            pages = f"{result.rendered} pages and documents"
        self.say(f"{_now()} {done} in {result.seconds:.1f} s ({pages} rendered)")
        for problem in report.problems:  # warnings: the build goes on
            self.say(f"  {problem}")
        try:
            checks = run_checks(project, None, today or dt.date.today())
        except Exception as exc:  # the preview is there; only the summary is missing
            self.say(f"checks: could not run ({type(exc).__name__}: {exc}); try 'noticegen check'")
            return True
        self.say(f"checks: {checks.summary_line()} (run 'noticegen check' for details)")
        return True

    def _build_with_retry(self, build, options):
        """Wait while another build of this project (`noticegen build`, say) holds the lock."""
        for attempt in range(LOCK_RETRIES):
            try:
                return build(options)
            except UserError as exc:
                locked = any(p.loc.path.endswith("build.lock") for p in exc.problems)
                if not locked or attempt == LOCK_RETRIES - 1:
                    raise
                if attempt == 0:
                    self.say(f"{_now()} another build of this project is running: waiting for it")
                time.sleep(0.5)
        raise AssertionError("unreachable")

    def _report_problems(self, problems: list[Problem]) -> None:
        errors = sum(1 for p in problems if p.level == "error")
        what = "1 problem" if errors == 1 else f"{errors} problems"
        self.say(f"{_now()} the sources have {what} to fix; the preview shows them until they are fixed:")
        for problem in problems:
            self.say(f"  {problem}")

    def _remove_gone(self, notices: set[str]) -> None:
        """A notice whose file was removed: its pages go too (a partial build would keep them)."""
        for gone in self.notices - notices:
            shutil.rmtree(self.site / gone, ignore_errors=True)
        self.notices = notices


class Handler(http.server.BaseHTTPRequestHandler):
    """Serves files of the preview's site folder only; HTML gets the reload script."""

    server: PreviewServer
    server_version = "noticegen-preview"

    def do_GET(self) -> None:  # noqa: N802 (the name http.server asks for)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass  # the terminal is for the build's messages, not one line per request

    def _answer(self, send_body: bool) -> None:
        preview = self.server.preview
        host = self.headers.get("Host")
        port = self.server.server_address[1]
        if host is not None and host not in (f"127.0.0.1:{port}", f"localhost:{port}"):
            # A page on another site that renamed itself to 127.0.0.1 (DNS rebinding) gets nothing.
            self._send(403, "text/plain; charset=utf-8", b"forbidden\n", send_body)
            return
        split = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(split.path)
        if path == VERSION_PATH:
            self._send(200, "text/plain; charset=utf-8", preview.version.encode(), send_body)
            return
        version = preview.version  # read before the file: a page is never newer than its version
        target = self._target(path)
        page_like = (
            target is None or target.is_dir() or target.suffix.lower() in HTML_TYPES or not target.suffix
        )
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                location = urllib.parse.quote(path + "/") + (f"?{split.query}" if split.query else "")
                self.send_response(301)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        problems = preview.broken()
        if problems and page_like:
            # 500: the page asked for cannot be made from the sources as they are. Browsers
            # show the page all the same; a script or a test cannot take it for the notice.
            self._send(500, "text/html; charset=utf-8", error_page(problems, version), send_body)
            return
        try:
            data = target.read_bytes() if target is not None and target.is_file() else None
        except OSError:
            data = None
        if data is None:
            if page_like:
                self._send(404, "text/html; charset=utf-8", missing_page(path, version), send_body)
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found\n", send_body)
            return
        kind = _content_type(target)  # type: ignore[arg-type]
        if kind.startswith("text/html"):
            data = inject(data, version)
        self._send(200, kind, data, send_body)

    def _target(self, path: str) -> Path | None:
        """The file or folder inside the site folder, or None for anything outside it."""
        if "\x00" in path or "\\" in path:
            return None
        parts = [part for part in path.split("/") if part not in ("", ".")]
        if any(part == ".." or part.startswith(".") for part in parts):
            return None  # no way out, and no hidden files (.noticegen-output)
        site = self.server.preview.site.resolve()
        target = site.joinpath(*parts)
        try:
            real = target.resolve()
        except (OSError, RuntimeError):
            return None
        if real != site and not real.is_relative_to(site):
            return None  # a link pointing out of the folder
        return real

    def _send(self, status: int, kind: str, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, preview: Preview) -> None:
        self.preview = preview
        try:
            super().__init__(("127.0.0.1", port), Handler)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UserError(
                    f"port {port} is already in use (is another preview running?): stop it, or "
                    "choose another port with --port, or --port 0 for any free port"
                ) from None
            raise

    def handle_error(self, request, client_address) -> None:
        pass  # a browser that went away mid-answer is not news


def _content_type(path: Path) -> str:
    if path.suffix.lower() in HTML_TYPES:
        return "text/html; charset=utf-8"
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind.endswith("+xml") else kind


def _now() -> str:
    return time.strftime("%H:%M:%S")


def watched_folders(root: Path) -> list[Path]:
    return [root / name for name in WATCHED if (root / name).is_dir()]


def changed_names(root: Path, changes) -> list[str]:
    """The files to name in the terminal: not an editor's or a tool's short-lived temporary files."""
    names = set()
    for _, path in changes:
        if Path(path).exists() or Path(path).suffix in (".yaml", ".yml", ".po", ".html", ".css", ".txt"):
            names.add(os.path.relpath(path, root))
    return sorted(names) or ["a temporary file"]


def _watch(preview: Preview, stop: threading.Event, ready: threading.Event) -> None:
    """Rebuild after each burst of changes; `ready` is set once the watcher is listening."""
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
        preview.say(f"{_now()} changed: {shown}")
        try:
            preview.rebuild()
        except Exception as exc:  # never let one bad build stop the watching
            preview.say(f"{_now()} {describe_failure(preview.root, exc)}")


@contextlib.contextmanager
def _signals_stop() -> Iterator[None]:
    """Ctrl-C (SIGINT) and `kill` (SIGTERM) both stop the preview cleanly, even when it was
    started in the background, where a shell makes the program ignore SIGINT."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers (serve() called from a test, say)
        return
    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def serve(
    root: Path,
    port: int = 8000,
    langs: tuple[str, ...] = (),
    formats: tuple[str, ...] = ("html",),
    workers: int = 1,
    say: Callable[[str], None] = print,
) -> int:
    """Serve a live preview until Ctrl-C; returns the exit code (0)."""
    from .pipeline import manifest_path

    if not (root / "notice_src").is_dir():
        raise UserError.at(
            "notice_src",
            "there is no notice_src/ folder here: run this in the project folder, or give --root",
        )
    temp = Path(tempfile.mkdtemp(prefix="noticegen-preview-"))
    preview = Preview(root, temp / "site", langs, formats, workers, say)
    stop, ready = threading.Event(), threading.Event()
    server: PreviewServer | None = None
    watcher = threading.Thread(target=_watch, args=(preview, stop, ready), name="watcher", daemon=True)
    serving = None
    try:
        with _signals_stop():
            try:
                server = PreviewServer(port, preview)
                watcher.start()
                waited = 0.0
                while not ready.wait(0.1) and watcher.is_alive() and waited < 10:
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
