"""The history of each notice on the website: the full changes page, announcements, sign-off files."""

from __future__ import annotations

from dataclasses import dataclass

from noticegen.builders.feed import topic_label
from noticegen.builders.html import page_links
from noticegen.builders.job import Artifact, Job, job_environment
from noticegen.builders.redline import sign_off
from noticegen.changes import Change, ChangeSet, history
from noticegen.changes.audience import public
from noticegen.changes.render import to_html
from noticegen.i18n.release_notes import release_note
from noticegen.languages import direction, long_date
from noticegen.model import Text
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
    note: Text  # the change note in the page's language (or marked as the source language)
    redline: str | None  # the Word file with tracked changes, for staff (source language only)
    said: list  # for a translation: what residents need to know, said in its language (Said)


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
        notes = tuple(release_note(root, job.notice.id, r, job.lang, job.source_lang) for r, _ in releases)
        out.append(replace(job, history=releases, lag=lag, notes=notes))
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
            note,
            redline_name(release) if changes and not job.is_translation else None,
            said_in_translation(job, changes, env) if job.is_translation else [],
        )
        for (release, changes), note in zip(releases, job.notes, strict=True)
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
    out += _redlines(job, releases)
    text_env = job_environment(job, escape=False)
    for entry, (release, changes) in zip(entries, releases, strict=True):
        if not release.is_major:
            continue
        context = {
            "r": r,
            "notice": job.notice,
            "release": release,
            "note": entry.note,
            "lang": job.lang,
            "dir": direction(job.lang),
            "source_lang": job.source_lang,
            "date": entry.date,
            # What residents need: no moves, dates, layout or corrections (the full page has them).
            "changes": [plain_change(c) for c in public(changes)],
            "translated": said_in_translation(job, changes, env) if job.is_translation else [],
            "url": job.site.base_url + f"{job.notice.id}/{job.lang}/",
        }
        snippet = env.get_template("html/announcement.html").render(**context)
        text = text_env.get_template("text/announcement.txt").render(**context)
        out.append(Artifact(f"{job.folder}/changes/{release.version}.html", snippet.encode("utf-8")))
        out.append(Artifact(f"{job.folder}/changes/{release.version}.txt", text.encode("utf-8")))
    return out


@dataclass(frozen=True)
class Said:
    """A public change for a translation's announcement: its topic in the page's language, what
    happened (a Change kind), and the text in the source language."""

    topic: str
    kind: str
    text: str


def said_in_translation(job: Job, changes: ChangeSet | None, env) -> list[Said]:
    words = env.get_template("changes/_feed.txt").module
    out = []
    for change in public(changes):
        label = topic_label(change, job, words) or ""
        text = change.old if change.kind == "removed" else change.new
        out.append(Said(label, change.kind, text or ""))
    return out


def redline_name(release: Release) -> str:
    return f"{release.version}-tracked-changes.docx"


def _redlines(job: Job, releases: list[tuple[Release, ChangeSet | None]]) -> list[Artifact]:
    """For staff, in the source language: each release as a Word file with tracked changes from
    the release before, linked from the full changes page only (see docs/releasing.md)."""
    if job.is_translation or job.past:
        return []
    return [
        Artifact(
            f"{job.folder}/changes/{redline_name(release)}",
            sign_off(job.root, job.notice.id, changes.from_version, release.version, None),
        )
        for release, changes in releases
        if changes is not None
    ]


def plain_change(change: Change) -> str:
    """One change as a sentence for the public: what it is now, and what it was."""
    if change.kind in ("added", "split", "merged") and change.new:
        return f"{change.headline}: “{change.new}”"
    if change.kind == "removed" and change.old:
        return f"{change.headline}: “{change.old}”"
    if change.old and change.new and change.kind != "moved":
        return f"{change.headline}: now “{change.new}” (before: “{change.old}”)"
    return change.headline
