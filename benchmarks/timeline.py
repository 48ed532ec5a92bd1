"""Where a build's time goes: when each stage of the main process ran, and each task in each worker.

    .venv/bin/python benchmarks/timeline.py build [noticegen build options...]

runs `noticegen build` with those options in this process, and prints to standard error, in
seconds from the start: the main process's stages (imports, loading, checks, jobs, the site-wide
files, publishing) and, for every task rendered, which process ran it, when it started and ended
and how long it took. Nothing of the build is changed; the wrappers only read the clock. Run it
on a copy of the project (`--root COPY --out NEW`) so that it never waits on the working tree.
"""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()


def _say(line: str) -> None:
    print(f"{time.perf_counter() - START:7.3f}  {line}", file=sys.stderr, flush=True)


def _timed_stage(module, name: str) -> None:
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        began = time.perf_counter() - START
        try:
            return original(*args, **kwargs)
        finally:
            _say(f"main    {name} (from {began:.3f})")

    setattr(module, name, wrapper)


_ORIGINAL_RENDER = []


def render(job, fmt):
    """In the worker (or the main process with -j 1): the task, timed. Module-level, so that the
    pool can send it to the workers by name."""
    began = time.perf_counter() - START
    made = _ORIGINAL_RENDER[0](job, fmt)
    place = f"v/{job.past}/" if job.past else ""
    edition = f"-{job.edition}" if job.edition else ""
    _say(f"[{os.getpid()}] {job.notice.id}/{job.lang}/{place}{fmt}{edition} (from {began:.3f})")
    return made


def main(argv: list[str]) -> int:
    import noticegen.pipeline as pipeline
    import noticegen.pipeline.tasks as tasks
    from noticegen.cli import main as noticegen

    _say("main    imports")
    for name in (
        "load_project",
        "run_checks",
        "refuse_bad_catalogs",
        "make_artifacts",
        "_site_wide",
        "publish",
    ):
        _timed_stage(pipeline, name)
    _ORIGINAL_RENDER.append(tasks._render)
    tasks._render = render
    code = noticegen(argv)
    _say(f"main    end (exit {code})")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
