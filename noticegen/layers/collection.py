"""What a short collection notice says: its own words, and a line for each fact list it names
(the facts themselves, by id), in the at-a-glance words (templates/glance/words.html).

The collection builder renders it in every language; the length check reads it in English.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from noticegen.languages import direction
from noticegen.layers import glance
from noticegen.model import Item, Notice, Site, Text
from noticegen.templating import Renderer

Line = tuple[str, list[tuple[Text | None, str]]]  # (key, [(the Text it comes from, its words)])
# Each line (its key in the interface words) and the fact list its facts come from.
ORDER = (("collects", "categories"), ("shared_with", "recipients"), ("lawful_bases", "lawful_bases"))
ORDER += (("retention", "retention"),)


@dataclass(frozen=True)
class Parts:
    """What one collection notice shows: its own words, a line per fact list, the full notice's address."""

    notice: Item
    lines: tuple[Line, ...]
    url: str


def render(
    env: Any,
    site: Site,
    notice: Notice,
    collection: Item,
    url: str,
    lang: str,
    ext: str,
    t: Any = None,
) -> str:
    """One collection notice from templates/collection/notice.<ext> ("html", or "txt" with `t`,
    the text builder's layout helper)."""
    r = Renderer(site, notice)
    w = glance.words(env)
    if ext == "html":
        found = lines(notice, collection, w, r.html, glance.ltr_html)
    else:
        found = lines(notice, collection, w, r.plain, glance.ltr_text(direction(lang)))
    parts = Parts(collection, found, url)
    return env.get_template(f"collection/notice.{ext}").render(
        c=parts, r=r, w=w, t=t, notice=notice, lang=lang, dir=direction(lang)
    )


def lines(
    notice: Notice,
    collection: Item,
    w: Any,
    show: Callable[[Text], str],
    ltr: Callable[[str], str] = str,
) -> tuple[Line, ...]:
    """A line for each fact list the collection notice names: the facts it names, in its order."""
    found = []
    for key, name in ORDER:
        named = [item for item in collection.items if item.kind == name]
        if key == "lawful_bases":
            bases = [b for b in notice.facts.lawful_bases if b.id in {item.id for item in named}]
            shown = [
                (None, w.basis(value.code, ltr(value.code or ""))) for value in glance.named_bases(bases)
            ]
        else:
            shown = [(item.text, show(item.text)) for item in named]
        if shown:
            found.append((key, shown))
    return tuple(found)


def word_count(text: str) -> int:
    """The words a reader sees: markup removed, a web address counted as one."""
    return len(html.unescape(re.sub(r"<[^>]+>", "", text)).split())
