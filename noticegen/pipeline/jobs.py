"""Jobs: one notice in one language, its model translated once before any builder; and the same
for every released version, rendered again from its frozen snapshot."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from noticegen.builders.job import Job, ReleaseInfo
from noticegen.i18n.release_notes import release_note
from noticegen.i18n.translate import content_catalog, translate
from noticegen.languages import notice_langs
from noticegen.model import Notice, Project, Site
from noticegen.releases.store import Release, list_releases, load_release, version_key


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
