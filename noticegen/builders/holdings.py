"""The "What we hold" page: across every notice, each category of personal data and the notices
that collect it, and each recipient and the notices that share with it."""

from __future__ import annotations

from dataclasses import dataclass, field

from noticegen.builders.job import Artifact
from noticegen.layers import glance
from noticegen.model import Project
from noticegen.templating import Renderer, environment

PAGE = "what-we-hold/index.html"


@dataclass
class Held:
    """One category (or recipient) as people read it, and the notices that name it."""

    text: str
    special: bool = False
    notices: list[dict[str, str]] = field(default_factory=list)


def holdings(project: Project, fact_list: str, lang: str) -> list[Held]:
    """The facts of one list across notices, the same words (ignoring case) counted once, A to Z."""
    found: dict[str, Held] = {}
    section = {name: key for key, name in glance.ROW_FACTS.items()}[fact_list]
    for notice in project.notices:
        r = Renderer(project.site, notice)
        anchor = next((row.section for row in glance.rows(project.site, notice) if row.key == section), None)
        link = {
            "title": r.plain(notice.title),
            "href": f"../{notice.id}/{lang}/index.html" + (f"#{anchor}" if anchor else ""),
        }
        for fact in getattr(notice.facts, fact_list):
            text = r.plain(fact.text)
            held = found.setdefault(" ".join(text.casefold().split()), Held(text))
            held.special = held.special or getattr(fact, "special", False) or getattr(fact, "criminal", False)
            if link not in held.notices:
                held.notices.append(link)
    return [found[key] for key in sorted(found)]


def holdings_artifacts(
    project: Project, templates: tuple[str, ...], langs: tuple[str, ...]
) -> list[Artifact]:
    """The page, in the site's default language (the one the notices are written in)."""
    site = project.site
    lang = site.default_language if site.default_language in langs else langs[0]
    env = environment(templates)
    page = env.get_template("html/holdings.html").render(
        lang=lang,
        org_name=Renderer(site, project.notices[0]).plain(site.org_name)
        if project.notices
        else site.org_name.value,
        categories=holdings(project, "categories", lang),
        recipients=holdings(project, "recipients", lang),
    )
    return [Artifact(PAGE, page.encode("utf-8"))]
