"""Checks of the short collection notices: short enough to read where the data is collected.

(A fact id that names no fact is refused when the source is loaded, like any broken reference.)
"""

from __future__ import annotations

from noticegen.checks.core import Context, Hit, rule
from noticegen.layers.collection import render, word_count
from noticegen.templating import environment, templates_dir

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
    site = ctx.project.site
    env = environment(templates_dir(ctx.project.root))  # the source language's words
    url = f"{site.base_url.rstrip('/')}/{ctx.notice.id}/{site.default_language}/"
    for collection in ctx.notice.collection_notices:
        count = word_count(render(env, site, ctx.notice, collection, url, site.default_language, "html"))
        if count > MAX_WORDS:
            yield Hit(
                collection.loc,
                f"the collection notice '{collection.id}' has {count} words (more than {MAX_WORDS}): "
                "name fewer facts or shorten its purpose; the full notice has the detail",
                f"collection_notices/{collection.id}",
            )
