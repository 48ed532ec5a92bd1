"""The build's worker processes: started once, as the build begins, and used by every stage.

Starting them first lets them import the PDF library (about 0.4 s each, on their own cores) while
the main process loads the sources, runs the checks and translates the jobs, instead of the main
process importing it before any layout can start. One pool serves the documents, the pages and the
history pages, so workers are forked once per build, not once per stage.

With one worker (`-j 1`) there is no pool: every task runs in the main process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from types import TracebackType
from typing import Any

from noticegen.pipeline.timings import Timings
from noticegen.stopping import stop_workers, worker_started


def _started(parent: int, layouts: bool) -> None:
    worker_started(parent)
    if layouts:
        import weasyprint  # noqa: F401  (here, while the main process loads and checks)


class Workers:
    """`count` worker processes, or none for one; `layouts`: they will lay out PDFs; `timings`:
    how long each task took, last time (to start the longest first) and this time."""

    def __init__(self, count: int, layouts: bool = False, timings: Timings | None = None) -> None:
        self.count = max(1, count)
        self.layouts = layouts
        self.timings = timings or Timings(None)
        self.pool: ProcessPoolExecutor | None = None
        self.used = False  # given a task (a build whose files were all unchanged gives none)

    def __enter__(self) -> Workers:
        if self.count > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=self.count,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_started,
                initargs=(os.getpid(), self.layouts),
            )
            self.pool.submit(int)  # forks every worker now, before the sources are loaded
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.pool is None:
            return
        if error is None and self.used:
            self.pool.shutdown(wait=True)
        else:  # stopped, interrupted or failed (or never used): nothing is waited for
            stop_workers(getattr(self.pool, "_processes", None))
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None

    def map_unordered(
        self, call: Callable[..., Any], items: list[tuple[Any, tuple]]
    ) -> Iterator[tuple[Any, Any]]:
        """(item, call(*arguments)) for each (item, arguments), each as soon as it is done (in this
        process and in order with one worker)."""
        if self.pool is None:
            for item, arguments in items:
                yield item, call(*arguments)
            return
        self.used = True
        futures: dict[Future, Any] = {self.pool.submit(call, *arguments): item for item, arguments in items}
        remaining = set(futures)
        while remaining:
            done, remaining = wait(remaining, return_when=FIRST_COMPLETED)
            for future in done:
                yield futures[future], future.result()  # re-raises a worker's error here
