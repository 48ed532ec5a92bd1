"""The build's worker processes: started as the build begins, used by every stage, renewed as
they go.

- They are forked as the build begins, from a main process that has loaded nothing yet, and
  import the PDF library (about 0.4 s each, on their own cores) while the main process loads the
  sources, runs the checks and translates the jobs.
- WeasyPrint keeps a little memory of every document it lays out (about 0.3 MB, in its C
  libraries, not given back): the workers are replaced after RENEW_AFTER tasks each, so that a
  site of hundreds of notices stays within its memory. The new ones are fresh Python processes
  ("spawn": they start without the main process's memory, which by then holds many files), started
  between two tasks; a renewal costs about a second of both cores (the last tasks, the imports).
- At most `count` tasks run at once (one more waits behind each), the longest first (the order
  they are given in).

With one worker (`-j 1`) there is no pool: every task runs in the main process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from types import TracebackType
from typing import Any

from noticegen.pipeline.timings import Timings
from noticegen.stopping import stop_workers, worker_started

RENEW_AFTER = 200  # tasks per worker before it is replaced (up to 200 layouts: some 60 MB)


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
        self.given = 0  # tasks given to the current pool
        self.used = False  # given a task (a build whose files were all unchanged gives none)

    def __enter__(self) -> Workers:
        if self.count > 1:
            self._start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close(failed=error is not None)

    def _start(self, method: str = "fork") -> None:
        self.pool = ProcessPoolExecutor(
            max_workers=self.count,
            mp_context=multiprocessing.get_context(method),
            initializer=_started,
            initargs=(os.getpid(), self.layouts),
        )
        self.pool.submit(int)  # starts every worker now (at the start: before the sources are loaded)
        self.given = 0

    def _renew(self) -> None:
        """Fresh workers for the next tasks, once the old ones have finished theirs: new Python
        processes, not forks of the main process, which by now holds many files' bytes (a fork
        would share them, and each worker would count them in its memory)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        self._start("spawn")

    def close(self, failed: bool = False) -> None:
        """End the workers (when every task is done: the site-wide files and publishing need
        none, and their memory is given back first)."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if not failed and self.used:
            pool.shutdown(wait=True)
        else:  # stopped, interrupted or failed (or never used): nothing is waited for
            stop_workers(getattr(pool, "_processes", None))
            pool.shutdown(wait=False, cancel_futures=True)

    def map_unordered(
        self, call: Callable[..., Any], items: list[tuple[Any, tuple]]
    ) -> Iterator[tuple[Any, Any]]:
        """(item, call(*arguments)) for each (item, arguments), each as soon as it is done, started
        in the order given (in this process and in order with one worker)."""
        if self.pool is None:  # one worker, or closed: here
            for item, arguments in items:
                yield item, call(*arguments)
            return
        self.used = True
        waiting = deque(items)
        running: dict[Future, Any] = {}
        while waiting or running:
            if waiting and not running and self.given >= self.count * RENEW_AFTER:
                self._renew()  # between tasks: the old workers end before the new ones start
            while waiting and len(running) < 2 * self.count and self.given < self.count * RENEW_AFTER:
                item, arguments = waiting.popleft()  # one waits behind each running task
                running[self.pool.submit(call, *arguments)] = item  # type: ignore[union-attr]
                self.given += 1
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield running.pop(future), future.result()  # re-raises a worker's error here
