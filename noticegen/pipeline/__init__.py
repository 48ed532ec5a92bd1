"""The whole build in one place: load, translate, build each format, publish atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, replace
from pathlib import Path

from noticegen import uptodate
from noticegen.builders import FORMATS
from noticegen.builders.job import DOWNLOADS, Artifact, Download, Job, ReleaseInfo, download_kind
from noticegen.builders.site import site_artifacts
from noticegen.checks import CheckResult
from noticegen.checks import run as run_checks
from noticegen.errors import Reporter
from noticegen.i18n.release_notes import release_note
from noticegen.i18n.translate import content_catalog, translate
from noticegen.i18n.workflow import refuse_bad_catalogs
from noticegen.languages import notice_langs
from noticegen.model import Notice, Project, Site
from noticegen.pipeline.cache import Manifest
from noticegen.pipeline.gate import admit, leave_out_thin, pairs, select_langs, select_notices
from noticegen.pipeline.lock import build_lock
from noticegen.pipeline.output import WriteSummary, publish
from noticegen.pipeline.search import search_artifacts
from noticegen.pipeline.tasks import Task, run_tasks
from noticegen.releases.store import Release, list_releases, load_release, version_key
from noticegen.source import load_project
from noticegen.templating import templates_dir


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
    partial_formats = set(options.formats) != set(FORMATS)
    project, report = loaded or load_project(options.root, strict=options.strict or options.publish)
    checks = run_checks(project, options.notices, today)
    project, notes = admit(project, checks, options.strict, options.publish)
    langs = select_langs(project, options.langs, options.publish)
    refuse_bad_catalogs(options.root, langs)  # a translation is untrusted: i18n check first
    if options.publish:  # so are the translations below the site's minimum coverage
        project, notes = leave_out_thin(project, langs, notes)
    notices = select_notices(project, options.notices)
    out = options.output
    work = options.root / ".noticegen"
    partial = bool(options.notices or options.langs or partial_formats)
    with build_lock(work):  # held from the first render to the swap: one build at a time
        manifest = Manifest(manifest_path(work, out), out)
        if options.force:
            manifest.entries = {}
        templates = templates_dir(project.root)
        jobs = [
            make_job(project, n, lang, templates, notice_langs(n, langs)) for n, lang in pairs(notices, langs)
        ]
        artifacts, rendered = make_artifacts(
            project,
            jobs,
            langs,
            options.formats,
            options.workers,
            manifest,
            out if partial else None,
            progress,
        )
        artifacts += _site_wide(project, jobs, langs, options, artifacts, out if partial else None, report)
        summary = publish(artifacts, out, work, keep_others=partial)
        manifest.save(keep_others=partial)
        said = {
            "files": len(artifacts),
            "checks": checks.summary_line(),
            "problems": [str(p) for p in report.problems],
            "notes": notes,
            "kept": summary.kept,
        }
        uptodate.record(options.root, out, inputs, said)
    return BuildResult(
        len(artifacts), summary, time.perf_counter() - started, out, report, checks, rendered, tuple(notes)
    )


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
    workers: int = 1,
    manifest: Manifest | None = None,
    previous: Path | None = None,
    progress=None,
) -> tuple[list[Artifact], int]:
    """Every file of the jobs (one notice in one language each) and of their past releases; each page
    is made after its documents, to list them."""
    notices = list({job.notice.id: job.notice for job in current}.values())
    jobs = current + past_jobs(project, notices, langs, current[0].templates if current else ())
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


def make_job(
    project: Project,
    notice: Notice,
    lang: str,
    templates: tuple[str, ...],
    langs: tuple[str, ...],
    site: Site | None = None,
    past: Release | None = None,
) -> Job:
    """The job for one notice in one language: the model translated once, before any builder.

    A past release brings its own site (the contacts as they were then) and is placed in v/<version>/.
    """
    source = project.site.default_language
    strings = content_catalog(Path(project.root), lang, source)
    done = translate(site or project.site, notice, lang, strings, source)
    status = next((x.status for x in project.site.languages if x.code == lang), "draft")
    return Job(
        done.site,
        done.notice,
        lang,
        templates,
        project.root,
        langs,
        status=status,
        coverage=done.coverage.percent,
        releases=release_info(project.root, notice.id, past, lang, source),
        past=past.version if past else None,
    )


def release_info(
    root: str, notice_id: str, upto: Release | None = None, lang: str = "", source_lang: str = ""
) -> ReleaseInfo | None:
    """First publication and latest update (up to a past release, for that release's page)."""
    releases = list_releases(root, notice_id)
    if upto is not None:
        releases = [r for r in releases if version_key(r.version) <= version_key(upto.version)]
    if not releases:
        return None
    note = release_note(root, notice_id, releases[-1], lang or source_lang, source_lang)
    return ReleaseInfo(releases[0].date, releases[-1].date, note)


def past_jobs(project: Project, notices: list[Notice], langs: tuple[str, ...], templates) -> list[Job]:
    """Every released version of each notice, rendered again from its frozen snapshot."""
    jobs = []
    for notice in notices:
        releases = list_releases(project.root, notice.id)
        for release in releases:
            _, site, old = load_release(project.root, notice.id, release.version)
            # The languages are today's (a past version lists the languages published now), so that
            # the latest release, when it says what the current notice says, is rendered once.
            site = replace(site, languages=project.site.languages)
            replaced = release is not releases[-1] or notice.version != release.version
            chosen = notice_langs(notice, langs)
            jobs += [
                replace(make_job(project, old, lang, templates, chosen, site, release), superseded=replaced)
                for lang in chosen
            ]
    return jobs


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
