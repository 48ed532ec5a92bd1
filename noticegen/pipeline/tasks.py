"""Run build tasks (one notice, language and format each), reusing or rendering, in parallel."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from noticegen.builders import SAME_AT_EVERY_ADDRESS, get_builder
from noticegen.builders.job import Artifact, Job
from noticegen.pipeline.cache import Manifest, inputs_digest
from noticegen.pipeline.output import _test_hook
from noticegen.pipeline.workers import Workers


@dataclass(frozen=True)
class Task:
    key: str  # "<notice>/<lang>/<format>"
    job: Job
    fmt: str


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_tasks(
    tasks: list[Task],
    workers: Workers,
    manifest: Manifest | None,
    progress: Callable[[str], None] | None = None,
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
    # Longest first (by the last build's timings), so the slow layouts start at once and the
    # workers end together.
    pending.sort(key=lambda pair: -workers.timings.estimate(pair[0].key, pair[0].fmt))
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


def _render(job: Job, fmt: str) -> tuple[list[Artifact], float]:
    """The task's files, and the seconds it took (in the worker, without waiting in the queue)."""
    started = time.perf_counter()
    hang = os.environ.get("NOTICEGEN_TEST_HANG_WORKER")
    if hang:  # tests: a layout that never ends, announced by a file named after the worker
        Path(f"{hang}.{os.getpid()}").touch()
        time.sleep(3600)
    return get_builder(fmt).build(job), time.perf_counter() - started


def _render_all(pending: list[tuple[Task, str]], workers: Workers, progress):
    calls = [((task, inputs), (task.job, task.fmt)) for task, inputs in pending]
    for (task, inputs), (artifacts, seconds) in workers.map_unordered(_render, calls):
        workers.timings.record(task.key, seconds)
        _test_hook("rendering")
        if progress:
            progress(task.key)
        yield task, inputs, artifacts
