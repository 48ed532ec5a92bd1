"""`noticegen serve`: a live preview built in a temporary folder, rebuilt and reloaded on change.

The server runs in a subprocess, as a person runs it; every wait is bounded, and the process
is killed in a `finally` whatever happens.
"""

from __future__ import annotations

import http.client
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.errors import Problem
from noticegen.model import Loc
from noticegen.preview.pages import error_page, inject

REPO = Path(__file__).resolve().parent.parent
MARK = "noticegen-preview-reload"  # the id of the injected script
TIMEOUT = 15.0  # seconds for anything to happen; a rebuild takes well under one


class Server:
    """`python -m noticegen serve --port 0` on a project; its output read line by line."""

    def __init__(self, root: Path, temp: Path, *extra: str) -> None:
        env = {**os.environ, "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}
        env.pop("NOTICEGEN_TEST_KILL_AT", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "noticegen", "serve", "--root", str(root), "--port", "0", *extra],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self.cursor = 0  # lines before it have been matched already
        threading.Thread(target=self._read, daemon=True).start()
        line = self.wait_for_line(r"Serving on http://127\.0\.0\.1:(\d+)/ — press Ctrl-C to stop", move=False)
        self.port = int(re.search(r":(\d+)/", line).group(1))  # type: ignore[union-attr]

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, pattern: str, timeout: float = TIMEOUT, move: bool = True) -> str:
        """The first line matching `pattern` after the last one found (reading more as needed)."""
        deadline = time.monotonic() + timeout
        index = self.cursor
        while True:
            while index < len(self.output):
                line = self.output[index]
                index += 1
                if re.search(pattern, line):
                    if move:
                        self.cursor = index
                    return line
            if time.monotonic() > deadline:
                break
            try:
                self.output.append(self.lines.get(timeout=0.1))
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.output))

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5) as answer:
                return answer.status, answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def raw_status(self, path: str) -> int:
        """The status for a path sent exactly as written (urllib would tidy up '..')."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", path)
            return connection.getresponse().status
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=TIMEOUT)


def until(condition: Callable[[], object], what: str, timeout: float = TIMEOUT):
    """Poll `condition` until it is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_serve_rebuilds_shows_errors_and_stops_cleanly(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    source = root / "notice_src" / "library.yaml"
    original = source.read_text(encoding="utf-8")
    dist = root / "dist"
    server = Server(root, temp)
    try:
        # The site index at / and a notice at /<id>/<lang>/, as in dist/.
        status, index = server.get("/")
        assert status == 200 and "Library membership privacy notice" in index
        status, page = server.get("/library/en/")
        assert status == 200
        assert "runs the libraries" in page
        assert f'<script id="{MARK}">' in page and page.index(MARK) < page.rindex("</body>")
        assert server.get("/assets/style.css")[0] == 200
        assert server.get("/__noticegen/version")[0] == 200

        # The script exists only in what is served: no file of the preview has it.
        sites = [p for p in temp.glob("noticegen-preview-*/site") if p.is_dir()]
        assert len(sites) == 1
        built = files_under(sites[0])
        assert any(p.name == "index.html" for p in built)
        assert not [p for p in built if MARK.encode() in p.read_bytes()]

        # Nothing outside the site folder is served.
        for path in (
            "/../notice_src/site.yaml",
            "/%2e%2e/notice_src/site.yaml",
            "/assets/../../../notice_src/library.yaml",
            "/.noticegen-output",
        ):
            assert server.raw_status(path) == 404, path

        # An edit is served within a few seconds.
        source.write_text(
            original.replace("runs the libraries", "runs the county libraries"), encoding="utf-8"
        )
        until(lambda: "runs the county libraries" in server.get("/library/en/")[1], "the edited paragraph")
        server.wait_for_line(r"preview updated in")
        server.wait_for_line(r"^checks: \d+ errors?, \d+ warnings?")

        # A broken source: every page shows the problems with file, line and column.
        lines = original.splitlines(keepends=True)
        assert lines[36] == "    title: Who we are\n"
        lines[36] = "    titel: Who we are\n"
        source.write_text("".join(lines), encoding="utf-8")
        status, shown = until(
            lambda: (answer := server.get("/library/en/"))[0] == 500 and answer, "the error page"
        )
        assert "notice_src/library.yaml:37:5" in shown
        assert "unknown key &#x27;titel&#x27; in a section" in shown
        assert f'<script id="{MARK}">' in shown
        assert server.get("/")[0] == 500  # every page, not only the broken notice
        server.wait_for_line(r"notice_src/library\.yaml:37:5: error: unknown key 'titel'")

        # Fixed: the page comes back by itself.
        source.write_text(original, encoding="utf-8")
        status, page = until(lambda: (answer := server.get("/library/en/"))[0] == 200 and answer, "the page")
        assert "runs the libraries" in page
        server.wait_for_line(r"fixed: preview updated")
        assert not dist.exists()

        # Ctrl-C: exit code 0, "stopped", the temporary folder removed.
        server.process.send_signal(signal.SIGINT)
        assert server.process.wait(timeout=TIMEOUT) == 0
        server.wait_for_line(r"^stopped$")
    finally:
        server.stop()
    assert not dist.exists()
    assert list(temp.iterdir()) == []


def test_serve_starts_with_broken_sources_and_bad_usage(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    source = root / "notice_src" / "library.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "  - id: who-we-are\n", '  - id: who-we-are\n    "<b>x</b>": 1\n'
        ),
        encoding="utf-8",
    )
    server = Server(root, temp)
    try:
        server.wait_for_line(r"the sources have \d+ problems? to fix")
        status, shown = server.get("/library/en/")
        assert status == 500
        assert "unknown key &#x27;&lt;b&gt;x&lt;/b&gt;&#x27;" in shown and "<b>x</b>" not in shown
        assert server.get("/assets/style.css")[0] == 404  # nothing was ever built
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=TIMEOUT) == 0
    finally:
        server.stop()
    assert list(temp.iterdir()) == []
    assert not (root / "dist").exists()

    # Bad usage is refused at once, with exit code 2.
    source.write_text(copy_root("basic", tmp_path / "clean").joinpath("notice_src/library.yaml").read_text())
    unknown = _run_serve(root, "--lang", "xx", "--port", "0")
    assert unknown.returncode == 2
    assert "the site has no language 'xx': choose one of en" in unknown.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = _run_serve(root, "--port", str(port))
    assert busy.returncode == 2
    assert f"port {port} is already in use" in busy.stderr
    assert list(temp.iterdir()) == []


def _run_serve(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticegen", "serve", "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "TMPDIR": str(root.parent / "tmp")},
    )


def test_inject_and_error_page_escape() -> None:
    page = b"<html><body><p>x</p></body></html>"
    out = inject(page, "v1").decode()
    assert out.startswith("<html><body><p>x</p>") and out.endswith("</script>\n</body></html>")
    assert MARK in inject(b"<section>fragment</section>", "v1").decode()
    problems = [Problem(Loc("notice_src/a.yaml", 3, 7), "error", "unknown key '<script>alert(1)</script>'")]
    shown = error_page(problems, "v2").decode()
    assert "<code>notice_src/a.yaml:3:7</code>" in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "<script>alert" not in shown
    assert "1 problem to fix" in shown and '"v2"' in shown


def test_the_open_page_reloads_by_itself_in_a_browser(tmp_path: Path) -> None:
    """The injected script, in headless Chromium: edit, break and fix, without touching the tab."""
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.fail("chromium is not installed: run 'make test', which installs it")
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    root = copy_root("basic", tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    source = root / "notice_src" / "library.yaml"
    original = source.read_text(encoding="utf-8")
    server = Server(root, temp)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
            try:
                tab = browser.new_page()
                tab.goto(f"http://127.0.0.1:{server.port}/library/en/")
                assert "runs the libraries" in tab.content()
                source.write_text(original.replace("runs the libraries", "runs the city libraries"), "utf-8")
                tab.wait_for_function(
                    "document.body.innerText.includes('runs the city libraries')", timeout=TIMEOUT * 1000
                )
                source.write_text(
                    original.replace("    title: Who we are\n", "    titel: Who we are\n"), "utf-8"
                )
                tab.wait_for_function(
                    "document.body.innerText.includes('notice_src/library.yaml:37:5')", timeout=TIMEOUT * 1000
                )
                assert tab.title() == "Preview: 2 problems to fix"
                assert Axe().run(tab).violations_count == 0  # the error page is accessible too
                source.write_text(original, "utf-8")
                tab.wait_for_function(
                    "document.body.innerText.includes('runs the libraries')", timeout=TIMEOUT * 1000
                )
            finally:
                browser.close()
    finally:
        server.stop()
