"""The collection-notice builder: for each `collection_notices:` entry, a short HTML snippet to
paste into a web form and a plain-text one for a letter or a phone script, in every language
(what they say: noticegen/collection.py)."""

from __future__ import annotations

from noticegen.builders.data import page_url
from noticegen.builders.job import Artifact, Job, job_environment
from noticegen.builders.text import Layout, tidy
from noticegen.layers.collection import render
from noticegen.templating import Renderer


class CollectionBuilder:
    name = "collection"

    def build(self, job: Job) -> list[Artifact]:
        artifacts = []
        layout = Layout(Renderer(job.site, job.notice))
        for env, ext in ((job_environment(job), "html"), (job_environment(job, escape=False), "txt")):
            for collection in job.notice.collection_notices:
                text = render(env, job.site, job.notice, collection, page_url(job), job.lang, ext, layout)
                data = (tidy(text) if ext == "txt" else text).encode("utf-8")
                artifacts.append(Artifact(f"{job.folder}/collection/{collection.id}.{ext}", data))
        return artifacts
