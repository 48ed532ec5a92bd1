"""The history of each notice on the website: changes pages, announcements and the Atom feed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from noticegen.builders.html import page_links
from noticegen.builders.job import Artifact, Job, job_environment
from noticegen.changes import ChangeSet, history
from noticegen.changes.render import to_html
from noticegen.languages import direction, long_date
from noticegen.releases import Release
from noticegen.templating import Renderer


@dataclass(frozen=True)
class Entry:
    release: Release
    date: str
    anchor: str
    href: str
    previous: str
    diff: object


def history_tasks_jobs(jobs: list[Job], root: str, sources: tuple) -> list[Job]:
    """The current notice jobs that have releases, each given its history (and, for a translation,
    which release it is up to date with), so that the history builder reads nothing from disk."""
    from dataclasses import replace
    from pathlib import Path

    from noticegen.i18n.workflow import translation_lag

    found: dict[str, tuple] = {}
    out = []
    for job in jobs:
        releases = found.setdefault(job.notice.id, tuple(history(root, job.notice.id)))
        if not releases:
            continue
        lag = None
        if job.is_translation:
            english = next(n for n in sources if n.id == job.notice.id)  # job.notice is translated
            version, changed = translation_lag(Path(root), job.lang, english)
            if changed or version != releases[0][0].version:
                lag = (version, changed)
        out.append(replace(job, history=releases, lag=lag))
    return out


class HistoryBuilder:
    """A notice's changes page and an announcement (HTML snippet and text) per major release."""

    name = "history"

    def build(self, job: Job) -> list[Artifact]:
        return _changes(job, list(job.history))


def _changes(job: Job, releases: list[tuple[Release, ChangeSet | None]]) -> list[Artifact]:
    env = job_environment(job)
    r = Renderer(job.site, job.notice)
    entries = [
        Entry(
            release,
            long_date(release.date, job.lang),
            release.version.replace(".", "-"),
            f"../v/{release.version}/index.html",
            changes.from_version if changes else "",
            to_html(changes, job.templates) if changes else None,
        )
        for release, changes in releases
    ]
    links = page_links(job, "changes/index.html", below="changes")
    lag = {"version": job.lag[0], "changed": job.lag[1]} if job.lag else None
    page = env.get_template("html/changes.html").render(
        job=job,
        site=job.site,
        notice=job.notice,
        r=r,
        lang=job.lang,
        dir=direction(job.lang),
        entries=entries,
        current_href="../index.html",
        lag=lag,
        **links,
    )
    out = [Artifact(f"{job.folder}/changes/index.html", page.encode("utf-8"))]
    text_env = job_environment(job, escape=False)
    for release, changes in releases:
        if not release.is_major:
            continue
        context = {
            "r": r,
            "notice": job.notice,
            "release": release,
            "lang": job.lang,
            "dir": direction(job.lang),
            "source_lang": job.source_lang,
            "date": long_date(release.date, job.lang),
            # Which fact items a section shows is layout: the items themselves are reported as
            # added or removed in their own right, in words (not by their ids).
            "changes": [plain_change(c) for c in changes.changes if not c.path.endswith("/only")]
            if changes
            else [],
            "url": job.site.base_url + f"{job.notice.id}/{job.lang}/",
        }
        snippet = env.get_template("html/announcement.html").render(**context)
        text = text_env.get_template("text/announcement.txt").render(**context)
        out.append(Artifact(f"{job.folder}/changes/{release.version}.html", snippet.encode("utf-8")))
        out.append(Artifact(f"{job.folder}/changes/{release.version}.txt", text.encode("utf-8")))
    return out


def plain_change(change) -> str:
    """One change as a sentence for the public: what it is now, and what it was."""
    if change.kind == "added" and change.new:
        return f"{change.headline}: “{change.new}”"
    if change.kind == "removed" and change.old:
        return f"{change.headline}: “{change.old}”"
    if change.old and change.new and change.kind != "moved":
        return f"{change.headline}: now “{change.new}” (before: “{change.old}”)"
    return change.headline


def feed(jobs: list[Job], root: str) -> Artifact:
    """dist/feed.atom: every major release of every notice, in the default language."""
    from feedgen.feed import FeedGenerator

    source_jobs = [j for j in jobs if not j.is_translation]
    site = jobs[0].site
    host = urlsplit(site.base_url).hostname or "example.invalid"
    generator = FeedGenerator()
    generator.id(f"tag:{host},2000:privacy-notices")
    generator.title(f"{site.org_name.value}: privacy notice updates")
    generator.author({"name": site.org_name.value})
    generator.link(href=site.base_url + "feed.atom", rel="self")
    generator.link(href=site.base_url, rel="alternate")
    generator.language(site.default_language)
    newest = dt.date(2000, 1, 1)
    entries = []
    for job in source_jobs:
        for release, _ in history(root, job.notice.id):
            if release.is_major:
                entries.append((release, job))
    for release, job in sorted(entries, key=lambda e: (e[0].date, e[1].notice.id, e[0].version)):
        newest = max(newest, release.date)
        entry = generator.add_entry(order="append")
        entry.id(f"tag:{host},{release.date.isoformat()}:{job.notice.id}/{release.version}")
        entry.title(f"{Renderer(job.site, job.notice).plain(job.notice.title)}: version {release.version}")
        entry.updated(_midnight(release.date))
        entry.published(_midnight(release.date))
        anchor = release.version.replace(".", "-")
        entry.link(href=site.base_url + f"{job.notice.id}/{job.lang}/changes/index.html#v{anchor}")
        entry.summary(release.summary)
    generator.updated(_midnight(newest))
    return Artifact("feed.atom", generator.atom_str(pretty=True))


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
