"""The whole build in one place: load, translate, build each format, publish atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, replace
from pathlib import Path

from noticegen import uptodate
from noticegen.builders import FORMATS, LAID_OUT
from noticegen.builders.job import DOWNLOADS, Artifact, Download, Job, download_kind, interface_contexts
from noticegen.builders.site import site_artifacts
from noticegen.checks import CheckResult
from noticegen.checks import run as run_checks
from noticegen.errors import Reporter
from noticegen.i18n.workflow import refuse_bad_catalogs
from noticegen.languages import notice_langs
from noticegen.model import Notice, Project
from noticegen.pipeline.cache import Manifest, forget_files
from noticegen.pipeline.gate import admit, leave_out_thin, pairs, select_langs, select_notices
from noticegen.pipeline.jobs import make_job, past_jobs
from noticegen.pipeline.lock import build_lock
from noticegen.pipeline.output import WriteSummary, publish
from noticegen.pipeline.search import search_artifacts
from noticegen.pipeline.tasks import Task, run_tasks
from noticegen.pipeline.timings import Timings
from noticegen.pipeline.workers import Workers
from noticegen.source import load_project
from noticegen.templating import compiled, templates_dir


@dataclass(frozen=True)
class BuildOptions:
    root: Path
    notices: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    formats: tuple[str, ...] = FORMATS
    out: Path | None = None
    strict: bool = False
    publish: bool = False
    force: bool = False  # render everything, even what has not changed
    workers: int = 1

    @property
    def output(self) -> Path:
        return self.out or self.root / "dist"

    def key(self) -> dict:
        """What the output depends on (how many workers render it does not change it)."""
        return {
            "notices": list(self.notices),
            "langs": list(self.langs),
            "formats": list(self.formats),
            "strict": self.strict,
            "publish": self.publish,
        }


@dataclass(frozen=True)
class BuildResult:
    files: int
    summary: WriteSummary
    seconds: float
    out: Path
    report: Reporter
    checks: CheckResult
    rendered: int = 0  # build tasks that had to be rendered (the rest were unchanged)
    notes: tuple[str, ...] = ()  # one line for each draft or translation --publish left out


def feeds(jobs: list[Job], root: str) -> list[Artifact]:
    from noticegen.builders.feed import feeds as atom_feeds  # imported when needed: a PDF-only job skips it

    return atom_feeds(jobs, root)


def history_tasks_jobs(jobs: list[Job], root: str, sources: tuple) -> list[Job]:
    from noticegen.builders.history import history_tasks_jobs as with_history

    return with_history(jobs, root, sources)


def build(
    options: BuildOptions,
    progress=None,
    loaded: tuple[Project, Reporter] | None = None,
    today: dt.date | None = None,
) -> BuildResult:
    """Check, then build the selected notices, languages and formats into the output folder.

    `loaded` is the project as load_project gave it, when the caller has just read it. The checks
    run first (only they look at `today`): with --strict or --publish an error stops the build
    (Refused) before anything is written.
    """
    started = time.perf_counter()
    today = today or dt.date.today()
    inputs = uptodate.fingerprint(options.root, options.key(), today)
    timings = Timings(options.root / ".noticegen" / "timings.json")
    forget_files()
    interface_contexts.cache_clear()
    with (
        compiled.kept_in(options.root / ".noticegen" / "templates"),  # and in the workers forked now
        Workers(options.workers, bool(LAID_OUT & set(options.formats)), timings) as workers,
    ):
        project, report = loaded or load_project(options.root, strict=options.strict or options.publish)
        checks = run_checks(project, options.notices, today)
        project, notes = admit(project, checks, options.strict, options.publish)
        langs = select_langs(project, options.langs, options.publish)
        refuse_bad_catalogs(options.root, langs)  # a translation is untrusted: i18n check first
        if options.publish:  # so are the translations below the site's minimum coverage
            project, notes = leave_out_thin(project, langs, notes)
        notices = select_notices(project, options.notices)
        with build_lock(options.root / ".noticegen"):  # from the first render to the swap: one at a time
            files, summary, rendered = _make_and_publish(
                project, notices, langs, options, workers, report, progress
            )
            said = {
                "files": files,
                "checks": checks.summary_line(),
                "problems": [str(p) for p in report.problems],
                "notes": notes,
                "kept": summary.kept,
            }
            uptodate.record(options.root, options.output, inputs, said)
            timings.save()
    seconds = time.perf_counter() - started
    return BuildResult(files, summary, seconds, options.output, report, checks, rendered, tuple(notes))


def _make_and_publish(
    project: Project,
    notices: list[Notice],
    langs: tuple[str, ...],
    options: BuildOptions,
    workers: Workers,
    report: Reporter,
    progress,
) -> tuple[int, WriteSummary, int]:
    """Render what changed, reuse the rest, publish it all at once: (files, summary, rendered)."""
    out, work = options.output, options.root / ".noticegen"
    partial = bool(options.notices or options.langs or set(options.formats) != set(FORMATS))
    previous = out if partial else None
    manifest = Manifest(manifest_path(work, out), out)
    if options.force:
        manifest.entries = {}
    templates = templates_dir(project.root)
    jobs = [
        make_job(project, n, lang, templates, notice_langs(n, langs)) for n, lang in pairs(notices, langs)
    ]
    artifacts, rendered = make_artifacts(
        project, jobs, langs, options.formats, workers, manifest, previous, progress
    )
    workers.close()  # every task is done
    artifacts += _site_wide(project, jobs, langs, options, artifacts, previous, report)
    summary = publish(artifacts, out, work, keep_others=partial)
    manifest.save(keep_others=partial)
    return len(artifacts), summary, rendered


def _site_wide(project, jobs, langs, options, made, previous, report) -> list[Artifact]:
    """The site's own files, the feeds, and the search index of every page made."""
    extra = site_artifacts(project, templates_dir(project.root), langs, options.formats)
    extra += feeds(_feed_jobs(project, jobs, langs), project.root)
    if "html" in options.formats:
        extra += search_artifacts(options.root, made + extra, previous, report)
    return extra


def _tasks(job: Job, fmt: str) -> list[Task]:
    """The two PDF editions are separate tasks, so that two cores can make them at once."""
    if fmt == "pdf":
        return [
            Task(f"{job.folder}/pdf-{e}", replace(job, edition=e), fmt) for e in ("standard", "large-print")
        ]
    return [Task(f"{job.folder}/{fmt}", job, fmt)]


def manifest_path(work: Path, out: Path) -> Path:
    return work / f"manifest-{hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:12]}.json"


def _feed_jobs(project: Project, jobs: list[Job], langs: tuple[str, ...]) -> list[Job]:
    """Every notice in every language built (a feed each): the jobs this build has already
    translated, reused."""
    made = {(job.notice.id, job.lang): job for job in jobs if not job.past}
    templates = templates_dir(project.root)
    wanted = dict.fromkeys((project.site.default_language, *langs))  # the site's feed.atom always
    return [
        made.get((n.id, lang)) or make_job(project, n, lang, templates, langs)
        for lang in wanted
        for n in project.notices
    ]


def make_artifacts(
    project: Project,
    current: list[Job],
    langs: tuple[str, ...],
    formats: tuple[str, ...],
    workers: Workers | None = None,
    manifest: Manifest | None = None,
    previous: Path | None = None,
    progress=None,
) -> tuple[list[Artifact], int]:
    """Every file of the jobs (one notice in one language each) and of their past releases; each page
    is made after its documents, to list them."""
    notices = list({job.notice.id: job.notice for job in current}.values())
    jobs = current + past_jobs(project, notices, langs, current[0].templates if current else ())
    workers = workers or Workers(1)
    documents = [f for f in FORMATS if f in formats and f != "html"]
    tasks = [task for job in jobs for fmt in documents for task in _tasks(job, fmt)]
    made, rendered = run_tasks(tasks, workers, manifest, progress)
    artifacts = [a for task in tasks for a in made[task.key]]
    if "html" in formats:
        pages = [
            Task(f"{job.folder}/html", replace(job, downloads=downloads(job, artifacts, previous)), "html")
            for job in jobs
        ]
        made_pages, more = run_tasks(pages, workers, manifest, progress)
        artifacts += [a for task in pages for a in made_pages[task.key]]
        rendered += more
        histories = [
            Task(f"{j.folder}/history", j, "history")
            for j in history_tasks_jobs(current, project.root, project.notices)
        ]
        made_history, more = run_tasks(histories, workers, manifest, progress)
        artifacts += [a for task in histories for a in made_history[task.key]]
        rendered += more
    return artifacts, rendered


def downloads(job: Job, made: list[Artifact], previous: Path | None = None) -> tuple[Download, ...]:
    """The page's download list: this build's documents, or for a partial build the published ones."""
    sizes = {a.path.rsplit("/", 1)[-1]: len(a.data) for a in made if a.path.startswith(job.folder + "/")}
    if previous is not None and (previous / job.folder).is_dir():
        for path in (previous / job.folder).iterdir():
            if path.is_file() and path.name.startswith(job.notice.id) and path.name not in sizes:
                sizes[path.name] = path.stat().st_size
    found = []
    for name, size in sizes.items():
        kind = download_kind(name, job.notice.id)
        if kind:
            found.append(Download(name, kind, size))
    order = [kind for _, kind, _ in DOWNLOADS]
    return tuple(sorted(found, key=lambda d: order.index(d.kind)))
