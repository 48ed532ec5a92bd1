"""Run build tasks (one notice, language and format each), reusing or rendering, in parallel."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path

from noticegen.builders import SAME_AT_EVERY_ADDRESS, get_builder
from noticegen.builders.job import Artifact, Job
from noticegen.pipeline.cache import Manifest, inputs_digest
from noticegen.pipeline.output import _test_hook
from noticegen.stopping import stop_workers, worker_started

# Longest first, so the slow PDFs start at once and the pool ends together.
WEIGHT = {"pdf": 0, "leaflet": 0, "docx": 1, "braille": 2, "html": 2, "txt": 3}


@dataclass(frozen=True)
class Task:
    key: str  # "<notice>/<lang>/<format>"
    job: Job
    fmt: str


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_tasks(
    tasks: list[Task], workers: int, manifest: Manifest | None, progress: Callable[[str], None] | None = None
) -> tuple[dict[str, list[Artifact]], int]:
    """Every task's files, and how many tasks had to be rendered (not reused)."""
    results: dict[str, list[Artifact]] = {}
    pending: list[tuple[Task, str]] = []
    for task in tasks:
        inputs = inputs_digest(task.job, task.fmt)
        reused = manifest.reuse(task.key, inputs) if manifest else None
        if reused is None:
            pending.append((task, inputs))
        else:
            results[task.key] = reused
            if progress:
                progress(f"{task.key} (unchanged)")
    pending.sort(key=lambda pair: WEIGHT.get(pair[0].fmt, 9))
    unique, copies = _distinct(pending)
    for task, inputs, artifacts in _render_all(unique, workers, progress):
        for same, same_inputs in [(task, inputs), *copies.get(task.key, [])]:
            moved = _moved(artifacts, task.job.folder, same.job.folder)
            results[same.key] = moved
            if manifest:
                manifest.record(same.key, same_inputs, moved)
    return results, len(unique)


def _distinct(
    pending: list[tuple[Task, str]],
) -> tuple[list[tuple[Task, str]], dict[str, list[tuple[Task, str]]]]:
    """The tasks to render, and for each the tasks whose files are the same bytes at another address
    (the latest release at v/<version>/ when its content is the current notice's)."""
    unique: list[tuple[Task, str]] = []
    copies: dict[str, list[tuple[Task, str]]] = {}
    first: dict[str, Task] = {}
    for task, inputs in pending:
        if task.fmt in SAME_AT_EVERY_ADDRESS:
            content = inputs_digest(replace(task.job, past=None, superseded=False), task.fmt)
            if content in first:
                copies.setdefault(first[content].key, []).append((task, inputs))
                continue
            first[content] = task
        unique.append((task, inputs))
    return unique, copies


def _moved(artifacts: list[Artifact], old: str, new: str) -> list[Artifact]:
    if old == new:
        return artifacts
    return [
        Artifact(new + a.path[len(old) :], a.data) if a.path.startswith(old + "/") else a for a in artifacts
    ]


def _render(job: Job, fmt: str) -> list[Artifact]:
    hang = os.environ.get("NOTICEGEN_TEST_HANG_WORKER")
    if hang:  # tests: a layout that never ends, announced by a file named after the worker
        Path(f"{hang}.{os.getpid()}").touch()
        time.sleep(3600)
    return get_builder(fmt).build(job)


def _render_all(pending: list[tuple[Task, str]], workers: int, progress):
    if workers <= 1 or len(pending) <= 1:
        for task, inputs in pending:
            artifacts = _render(task.job, task.fmt)
            if progress:
                progress(task.key)
            yield task, inputs, artifacts
        return
    if any(task.fmt == "pdf" for task, _ in pending):
        import weasyprint  # noqa: F401  (imported once here, inherited by every worker)
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(pending)),
        mp_context=context,
        initializer=worker_started,
        initargs=(os.getpid(),),
    )
    try:
        futures = {pool.submit(_render, task.job, task.fmt): (task, inputs) for task, inputs in pending}
        remaining = set(futures)
        while remaining:
            done, remaining = wait(remaining, return_when=FIRST_EXCEPTION)
            for future in done:
                task, inputs = futures[future]
                artifacts = future.result()  # re-raises a worker's error here
                _test_hook("rendering")
                if progress:
                    progress(task.key)
                yield task, inputs, artifacts
    except BaseException:
        # Stopped, interrupted or failed: the other layouts are not waited for.
        stop_workers(getattr(pool, "_processes", None))
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
