"""The Atom feeds of notice updates: one per language, newest first, saying what changed.

dist/feed.atom is in the site's default language, dist/feed.<lang>.atom in each other one. An
entry is a major release: its title names the notice and the topics residents are told about
("Privacy notice …: updated: who we share information with"), its summary is the change note,
both translated (interface words from templates/changes/_feed.txt, the note from the notices
catalog); what has no translation stays in the source language.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from noticegen.builders.job import Artifact, Job, job_environment
from noticegen.changes import Change, ChangeSet, history
from noticegen.changes.audience import public, topic
from noticegen.i18n.release_notes import release_note
from noticegen.releases import Release
from noticegen.templating import Renderer


def feed_name(lang: str, default: str) -> str:
    return "feed.atom" if lang == default else f"feed.{lang}.atom"


def feeds(jobs: list[Job], root: str) -> list[Artifact]:
    """One feed per language among the jobs (each job: a notice in a language)."""
    langs = sorted({j.lang for j in jobs}, key=lambda code: (code != jobs[0].source_lang, code))
    found = {j.notice.id: history(root, j.notice.id) for j in jobs}
    return [_feed([j for j in jobs if j.lang == lang], root, lang, found) for lang in langs]


def _feed(jobs: list[Job], root: str, lang: str, found: dict) -> Artifact:
    from feedgen.feed import FeedGenerator

    site = jobs[0].site
    host = urlsplit(site.base_url).hostname or "example.invalid"
    words = job_environment(jobs[0], escape=False).get_template("changes/_feed.txt").module
    name = feed_name(lang, jobs[0].source_lang)
    generator = FeedGenerator()
    generator.id(f"tag:{host},2000:privacy-notices" + ("" if name == "feed.atom" else f"/{lang}"))
    generator.title(words.feed_title(Renderer(site, jobs[0].notice).plain(site.org_name)))  # type: ignore[attr-defined]
    generator.author({"name": site.org_name.value})
    generator.link(href=site.base_url + name, rel="self")
    generator.link(href=site.base_url, rel="alternate")
    generator.language(lang)
    entries = [(release, changes, job) for job in jobs for release, changes in found[job.notice.id]]
    entries = [e for e in entries if e[0].is_major]
    newest = dt.date(2000, 1, 1)
    # Newest first: feedgen writes entries in the order they are added with order="append".
    for release, changes, job in sorted(
        entries, key=lambda e: (e[0].date, e[2].notice.id, e[0].version), reverse=True
    ):
        newest = max(newest, release.date)
        _entry(generator.add_entry(order="append"), release, changes, job, root, words, host, name)
    generator.updated(_midnight(newest))
    return Artifact(name, generator.atom_str(pretty=True))


def _entry(
    entry, release: Release, changes: ChangeSet | None, job: Job, root: str, words, host: str, name: str
) -> None:
    r = Renderer(job.site, job.notice)
    suffix = "" if name == "feed.atom" else f"/{job.lang}"
    entry.id(f"tag:{host},{release.date.isoformat()}:{job.notice.id}/{release.version}{suffix}")
    entry.title(words.entry_title(r.plain(job.notice.title), _topics(changes, job, words)))
    entry.updated(_midnight(release.date))
    entry.published(_midnight(release.date))
    anchor = release.version.replace(".", "-")
    entry.link(href=job.site.base_url + f"{job.notice.id}/{job.lang}/changes/index.html#v{anchor}")
    note = release_note(root, job.notice.id, release, job.lang, job.source_lang)
    entry.summary(note.value)


def _topics(changes: ChangeSet | None, job: Job, words) -> list[str]:
    """What changed, as the questions the notice answers, in reading order, each once."""
    out: list[str] = []
    for change in public(changes):
        said = topic_label(change, job, words)
        if said and said not in out:
            out.append(said)
    return out


def topic_label(change: Change, job: Job, words) -> str | None:
    """A change's topic in the job's language: a section's title, or the words for a fact list,
    the contacts or the controller (templates/changes/_feed.txt)."""
    key = topic(change)
    if key.startswith("section/"):
        section = next((s for s in job.notice.sections if f"section/{s.id}" == key), None)
        return Renderer(job.site, job.notice).plain(section.title) if section else None
    return words.topics.get(key)  # type: ignore[no-any-return]


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
