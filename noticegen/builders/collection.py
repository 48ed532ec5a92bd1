"""The collection-notice builder: for each `collection_notices:` entry, a short HTML snippet to
paste into a web form and a plain-text one for a letter or a phone script, in every language.

What it collects, who sees it, the lawful basis and how long it is kept are the notice's own
facts, named by id; the headings are the at-a-glance words (templates/glance/words.html).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from noticegen import glance
from noticegen.builders.data import page_url
from noticegen.builders.job import Artifact, Job, job_environment
from noticegen.builders.text import Layout, tidy
from noticegen.languages import direction
from noticegen.model import CollectionNotice, Notice, Text
from noticegen.templating import Renderer


@dataclass(frozen=True)
class Parts:
    """What one collection notice shows: its own words, a line per fact list, the full notice's address."""

    notice: CollectionNotice
    lines: tuple[tuple[str, list[tuple[Text | None, str]]], ...]
    url: str


class CollectionBuilder:
    name = "collection"

    def build(self, job: Job) -> list[Artifact]:
        artifacts = []
        for env, ext in ((job_environment(job), "html"), (job_environment(job, escape=False), "txt")):
            for collection in job.notice.collection_notices:
                text = render(env, job, collection, ext)
                artifacts.append(
                    Artifact(f"{job.folder}/collection/{collection.id}.{ext}", text.encode("utf-8"))
                )
        return artifacts


def render(env: Any, job: Job, collection: CollectionNotice, ext: str) -> str:
    """One collection notice as an HTML snippet (ext "html") or plain text ("txt")."""
    r = Renderer(job.site, job.notice)
    w = glance.words(env)
    show = r.html if ext == "html" else r.plain
    parts = Parts(collection, lines(job.notice, collection, w, show), page_url(job))
    out = env.get_template(f"collection/notice.{ext}").render(
        c=parts, r=r, w=w, t=Layout(r), notice=job.notice, lang=job.lang, dir=direction(job.lang)
    )
    return tidy(out) if ext == "txt" else out


def lines(
    notice: Notice, collection: CollectionNotice, w: Any, show: Callable[[Text], str]
) -> tuple[tuple[str, list[tuple[Text | None, str]]], ...]:
    """A line for each fact list the collection notice names: the facts it names, in its order."""
    facts = notice.facts

    def named(name: str, ids: tuple[str, ...]) -> list[Any]:
        by_id = {fact.id: fact for fact in getattr(facts, name)}
        return [by_id[i] for i in ids if i in by_id]  # an unknown id was refused when loading

    found: dict[str, list[tuple[Text | None, str]]] = {}
    for key, name in (("collects", "categories"), ("shared_with", "recipients"), ("retention", "retention")):
        found[key] = [(item.text, show(item.text)) for item in named(name, getattr(collection, key))]
    bases = glance.named_bases(named("lawful_bases", collection.lawful_bases))
    found["lawful_bases"] = [(None, w.basis(value.code)) for value in bases]
    order = ("collects", "shared_with", "lawful_bases", "retention")
    return tuple((key, found[key]) for key in order if found[key])


def word_count(text: str) -> int:
    return len(text.split())
