"""Run build tasks (one notice, language and format each), reusing or rendering, in parallel."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from dataclasses import dataclass

from noticegen.builders import Artifact, Job, get_builder
from noticegen.pipeline.cache import Manifest, inputs_digest

# Longest first, so the slow PDFs start at once and the pool ends together.
WEIGHT = {"pdf": 0, "docx": 1, "html": 2, "txt": 3}


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
    for task, inputs, artifacts in _render_all(pending, workers, progress):
        results[task.key] = artifacts
        if manifest:
            manifest.record(task.key, inputs, artifacts)
    return results, len(pending)


def _render(job: Job, fmt: str) -> list[Artifact]:
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
    with ProcessPoolExecutor(max_workers=min(workers, len(pending)), mp_context=context) as pool:
        futures = {pool.submit(_render, task.job, task.fmt): (task, inputs) for task, inputs in pending}
        remaining = set(futures)
        while remaining:
            done, remaining = wait(remaining, return_when=FIRST_EXCEPTION)
            for future in done:
                task, inputs = futures[future]
                artifacts = future.result()  # re-raises a worker's error here
                if progress:
                    progress(task.key)
                yield task, inputs, artifacts
