"""The preview's shared state and its rebuild into the temporary site folder, told to the terminal."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from noticegen.builders import LAID_OUT
from noticegen.errors import Problem, Reporter, UserError
from noticegen.model import Loc, Project
from noticegen.pipeline import BuildOptions, BuildResult, build
from noticegen.preview.pages import problem_count_text
from noticegen.source import load_project

LOCK_RETRIES = 40  # another build of the project holds the lock: try again for up to 20 s
LOCK_RETRY_SECONDS = 0.5


def clock() -> str:
    """The time of day that starts a terminal line, so one rebuild's lines tell from the next."""
    return time.strftime("%H:%M:%S")


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
    """What the watcher, the server and the first build share: the site folder, the version of
    the last build, and what is wrong with the sources."""

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
        self.say = say
        self.options = BuildOptions(root=root, langs=langs, formats=formats, out=site, workers=workers)
        if workers > 1 and LAID_OUT & set(formats):
            # Imported once for the whole session: each build's workers are forked with it loaded.
            import weasyprint  # noqa: F401
        self._session = secrets.token_hex(4)  # a restarted server makes open pages reload too
        self._builds_finished = 0
        self._problems: list[Problem] = []  # not empty: the sources are broken
        self._notice_ids: set[str] = set()  # the notices in the site folder
        self._has_built = False  # a build has worked since the preview started
        self._state_lock = threading.Lock()  # request threads read what a build writes
        self._build_lock = threading.Lock()  # one build at a time (the watcher and the first build)

    @property
    def version(self) -> str:
        """Changes after every build, good or bad: an open page reloads when it does."""
        with self._state_lock:
            return f"{self._session}-{self._builds_finished}"

    def current_problems(self) -> list[Problem]:
        with self._state_lock:
            return list(self._problems)

    def rebuild(self, today: dt.date | None = None) -> bool:
        """Build the preview; on failure, pages show the problems until a build works again."""
        with self._build_lock:
            return self._rebuild(today)

    def _rebuild(self, today: dt.date | None) -> bool:
        was_broken = bool(self.current_problems())
        try:
            project, report = load_project(self.root)
            result = self._build_waiting_for_lock((project, report), today)
        except UserError as exc:
            return self._fail(list(exc.problems))
        except Exception as exc:  # a template error or a bug: shown, and the server goes on
            return self._fail([describe_failure(self.root, exc)])
        self._remove_gone({n.id for n in project.notices})
        self._finish([])
        if was_broken:
            done = "fixed: preview updated"
        else:
            done = "preview updated" if self._has_built else "preview built"
        self._has_built = True
        self.say(f"{clock()} {done} in {result.seconds:.1f} s ({self._rendered(result)} rendered)")
        for problem in report.problems:  # warnings: the build goes on
            self.say(f"  {problem}")
        self.say(f"checks: {result.checks.summary_line()} (run 'noticegen check' for details)")
        return True

    def _build_waiting_for_lock(self, loaded: tuple[Project, Reporter], today: dt.date | None) -> BuildResult:
        """Wait while another build of this project (`noticegen build`, say) holds the lock."""
        for attempt in range(LOCK_RETRIES - 1):
            try:
                return build(self.options, loaded=loaded, today=today)
            except UserError as exc:
                if not any(p.loc.path.endswith("build.lock") for p in exc.problems):
                    raise
                if attempt == 0:
                    self.say(f"{clock()} another build of this project is running: waiting for it")
                time.sleep(LOCK_RETRY_SECONDS)
        return build(
            self.options, loaded=loaded, today=today
        )  # the last try: a lock still held is reported as it is

    def _finish(self, problems: list[Problem]) -> None:
        with self._state_lock:
            self._problems = problems
            self._builds_finished += 1

    def _fail(self, problems: list[Problem]) -> bool:
        self._finish(problems)
        self.say(
            f"{clock()} the sources have {problem_count_text(problems)} to fix; "
            "the preview shows them until they are fixed:"
        )
        for problem in problems:
            self.say(f"  {problem}")
        return False

    def _rendered(self, result: BuildResult) -> str:
        if self.options.formats != ("html",):
            return f"{result.rendered} pages and documents"
        return "1 page" if result.rendered == 1 else f"{result.rendered} pages"

    def _remove_gone(self, notice_ids: set[str]) -> None:
        """A notice whose file was removed: its pages go too (a partial build would keep them)."""
        for gone in self._notice_ids - notice_ids:
            shutil.rmtree(self.site / gone, ignore_errors=True)
        self._notice_ids = notice_ids
