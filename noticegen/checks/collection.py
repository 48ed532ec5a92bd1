"""Checks of the short collection notices: short enough to read where the data is collected.

(A fact id that names no fact is refused when the source is loaded, like any broken reference.)
"""

from __future__ import annotations

from noticegen.builders.collection import render, word_count
from noticegen.builders.job import Job, job_environment
from noticegen.checks.core import Context, Hit, rule
from noticegen.templating import templates_dir

MAX_WORDS = 100


@rule(
    "collection-notice-length",
    "warning",
    "ICO guide to the UK GDPR, the right to be informed: layered and just-in-time notices",
    f"A collection notice has {MAX_WORDS} words or fewer, so people read it where they give their data.",
)
def collection_notice_length(ctx: Context):
    if not ctx.notice.collection_notices:
        return
    project = ctx.project
    job = Job(
        project.site, ctx.notice, project.site.default_language, templates_dir(project.root), project.root
    )
    env = job_environment(job, escape=False)
    for collection in ctx.notice.collection_notices:
        count = word_count(render(env, job, collection, "txt"))
        if count > MAX_WORDS:
            yield Hit(
                collection.loc,
                f"the collection notice '{collection.id}' has {count} words (more than {MAX_WORDS}): "
                "name fewer facts or shorten its purpose; the full notice has the detail",
                f"collection_notices/{collection.id}",
            )
