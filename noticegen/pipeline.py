"""The whole build in one place: load, translate, build each format, publish atomically."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from .builders import FORMATS, Artifact, Download, Job, get_builder
from .errors import Reporter, UserError
from .i18n.translate import content_catalog, translate
from .model import Notice, Project
from .output import WriteSummary, build_lock, publish
from .render import templates_dir
from .sitepages import site_artifacts
from .source import load_project


@dataclass(frozen=True)
class BuildOptions:
    root: Path
    notices: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    formats: tuple[str, ...] = FORMATS
    out: Path | None = None
    strict: bool = False
    publish: bool = False


@dataclass(frozen=True)
class BuildResult:
    files: int
    summary: WriteSummary
    seconds: float
    out: Path
    report: Reporter


def build(options: BuildOptions, progress=None) -> BuildResult:
    """Build the selected notices, languages and formats into the output folder."""
    started = time.perf_counter()
    project, report = load_project(options.root, strict=options.strict or options.publish)
    notices = _select_notices(project, options.notices)
    langs = _select_langs(project, options.langs, options.publish)
    artifacts = make_artifacts(project, notices, langs, options.formats, progress)
    artifacts += site_artifacts(project, templates_dir(project.root), langs)
    out = options.out or options.root / "dist"
    partial = bool(options.notices or options.langs or set(options.formats) != set(FORMATS))
    with build_lock(options.root / ".noticegen"):
        summary = publish(artifacts, out, options.root / ".noticegen", keep_others=partial)
    return BuildResult(len(artifacts), summary, time.perf_counter() - started, out, report)


def make_artifacts(project: Project, notices: list[Notice], langs: tuple[str, ...],
                   formats: tuple[str, ...], progress=None) -> list[Artifact]:
    """Every file of every notice and language; the page is made last, to list the others."""
    templates = templates_dir(project.root)
    artifacts: list[Artifact] = []
    documents = [f for f in FORMATS if f in formats and f != "html"]
    for notice in notices:
        for lang in langs:
            job = make_job(project, notice, lang, templates, langs)
            made: list[Artifact] = []
            for name in documents:
                made += get_builder(name).build(job)
                if progress:
                    progress(f"{notice.id}/{lang} {name}")
            if "html" in formats:
                made += get_builder("html").build(replace(job, downloads=downloads(job, made)))
                if progress:
                    progress(f"{notice.id}/{lang} html")
            artifacts += made
    return artifacts


def make_job(project: Project, notice: Notice, lang: str, templates: tuple[str, ...],
             langs: tuple[str, ...]) -> Job:
    """The job for one notice in one language: the model translated once, before any builder."""
    source = project.site.default_language
    strings = content_catalog(Path(project.root), lang, source)
    done = translate(project.site, notice, lang, strings, source)
    status = next((x.status for x in project.site.languages if x.code == lang), "draft")
    return Job(done.site, done.notice, lang, templates, project.root, langs,
               status=status, coverage=done.coverage.percent)


def downloads(job: Job, made: list[Artifact]) -> tuple[Download, ...]:
    found = []
    for artifact in made:
        if not artifact.path.startswith(job.folder + "/"):
            continue
        name = artifact.path.rsplit("/", 1)[-1]
        kind = "large-print" if name.endswith("-large-print.pdf") else name.rsplit(".", 1)[-1]
        found.append(Download(name, kind, len(artifact.data)))
    order = {"pdf": 0, "large-print": 1, "docx": 2, "txt": 3}
    return tuple(sorted(found, key=lambda d: order.get(d.kind, 9)))


def _select_notices(project: Project, wanted: tuple[str, ...]) -> list[Notice]:
    known = {n.id: n for n in project.notices}
    missing = [w for w in wanted if w not in known]
    if missing:
        raise UserError(f"there is no notice '{missing[0]}': choose one of {', '.join(known)}")
    return [known[w] for w in wanted] if wanted else list(project.notices)


def _select_langs(project: Project, wanted: tuple[str, ...], publish: bool = False) -> tuple[str, ...]:
    """The languages to build; a site to publish leaves out translations still in draft."""
    known = [lang.code for lang in project.site.languages
             if not publish or lang.status == "approved" or lang.code == project.site.default_language]
    missing = [w for w in wanted if w not in known]
    if missing:
        raise UserError(f"the site has no language '{missing[0]}': choose one of "
                        f"{', '.join(known)} (languages are listed in notice_src/site.yaml)")
    return tuple(wanted) if wanted else tuple(known)
