"""The preview's HTTP server: the site folder on 127.0.0.1 only, with the reload script in each page."""

from __future__ import annotations

import contextlib
import errno
import http.server
import mimetypes
import urllib.parse
from pathlib import Path

from noticegen.errors import UserError
from noticegen.preview.pages import VERSION_PATH, error_page, inject, missing_page
from noticegen.preview.rebuild import Preview

HTML_TYPES = (".html", ".htm")


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    """Serves files of the preview's site folder only; HTML gets the reload script."""

    server: PreviewServer
    server_version = "noticegen-preview"

    def do_GET(self) -> None:  # noqa: N802 (the name http.server asks for)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass  # the terminal is for the build's messages, not one line per request

    def _respond(self, send_body: bool) -> None:
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
        target = self._site_file(path)
        wants_page = (
            target is None or target.is_dir() or target.suffix.lower() in HTML_TYPES or not target.suffix
        )
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                self._redirect(urllib.parse.quote(path + "/") + (f"?{split.query}" if split.query else ""))
                return
            target = target / "index.html"
        problems = preview.current_problems()
        if problems and wants_page:
            # 500: the page asked for cannot be made from the sources as they are. Browsers
            # show the page all the same; a script or a test cannot take it for the notice.
            self._send(500, "text/html; charset=utf-8", error_page(problems, version), send_body)
            return
        try:
            data = target.read_bytes() if target is not None and target.is_file() else None
        except OSError:
            data = None
        if data is None:
            if wants_page:
                self._send(404, "text/html; charset=utf-8", missing_page(path, version), send_body)
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found\n", send_body)
            return
        kind = content_type(target)  # type: ignore[arg-type]
        if kind.startswith("text/html"):
            data = inject(data, version)
        self._send(200, kind, data, send_body)

    def _site_file(self, path: str) -> Path | None:
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

    def _redirect(self, location: str) -> None:
        """To the folder's address with its slash, so the page's relative links work."""
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

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
            super().__init__(("127.0.0.1", port), PreviewHandler)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UserError(
                    f"port {port} is already in use (is another preview running?): stop it, or "
                    "choose another port with --port, or --port 0 for any free port"
                ) from None
            raise

    def handle_error(self, request, client_address) -> None:
        pass  # a browser that went away mid-answer is not news


def content_type(path: Path) -> str:
    """The Content-Type header for a file; text is always UTF-8, as the build writes it."""
    if path.suffix.lower() in HTML_TYPES:
        return "text/html; charset=utf-8"
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind.endswith("+xml") else kind
