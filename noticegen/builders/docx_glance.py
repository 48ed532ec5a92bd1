"""The at-a-glance summary in the Word document (noticegen/glance.py): after the title and
summary, before the sections, in the same words as the page."""

from __future__ import annotations

from typing import Any

from noticegen.builders.job import job_environment
from noticegen.inline import Run
from noticegen.languages import direction
from noticegen.layers import glance
from noticegen.model import Item, Text


def write_glance(w: Any) -> None:
    """Write the summary with `w`, the Word builder's writer (its para, _list and _contact)."""
    words = glance.words(job_environment(w.job, escape=False))
    rows = glance.rows(w.job.site, w.notice)
    if not rows:
        return
    w.para("Heading 2", runs=(Run(words.title),))
    for row in rows:
        w.para("Heading 3", runs=(Run(words.headings[row.key]),))
        if row.written:
            w.para("Normal", row.written)
        elif row.key == "contact":
            for value in row.values:
                w._contact(value.contact)
        else:
            if row.key == "rights":
                w.para("Normal", runs=(Run(words.rights_intro),))
            ltr = glance.ltr_text(direction(w.job.lang))
            items = [
                _item(source, text, w.r.plain) for source, text in glance.entries(row, words, w.r.plain, ltr)
            ]
            if len(items) == 1 and row.key != "rights":
                w.para("Normal", items[0].text)
            else:
                w.parts.list(items, "bullet")


def _item(source: Text | None, shown: str, plain) -> Item:
    """A list item: the fact's own Text when shown as written (it keeps its links and language),
    else the words made for it."""
    if source is not None and plain(source) == shown:
        return Item("glance", source)
    return Item("glance", Text(shown.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\["), "glance"))
