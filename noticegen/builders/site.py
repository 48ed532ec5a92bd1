"""Files for the whole site: the notice list, each notice's language redirect, the assets."""

from __future__ import annotations

from pathlib import Path

from noticegen.builders.html import logo_path
from noticegen.builders.job import Artifact
from noticegen.model import Project
from noticegen.templating import Renderer, environment, template_file


def site_artifacts(project: Project, templates: tuple[str, ...], langs: tuple[str, ...]) -> list[Artifact]:
    env = environment(templates)
    site = project.site
    default = site.default_language if site.default_language in langs else langs[0]
    entries = []
    artifacts = []
    for notice in project.notices:
        r = Renderer(site, notice)
        title = r.plain(notice.title)
        entries.append(
            {
                "href": f"{notice.id}/{default}/index.html",
                "title": title,
                "summary": r.plain(notice.summary) if notice.summary else "",
            }
        )
        redirect = env.get_template("html/redirect.html").render(
            lang=default, target=f"{default}/index.html", title=title
        )
        artifacts.append(Artifact(f"{notice.id}/index.html", redirect.encode("utf-8")))
    index = env.get_template("html/index.html").render(
        lang=default,
        notices=entries,
        org_name=Renderer(site, project.notices[0]).plain(site.org_name)
        if project.notices
        else site.org_name.value,
    )
    artifacts.append(Artifact("index.html", index.encode("utf-8")))
    artifacts.append(Artifact("assets/style.css", template_file(templates, "assets/style.css").read_bytes()))
    if site.logo:
        logo = Path(project.root) / "notice_src" / site.logo.file
        artifacts.append(Artifact(logo_path(site.logo.file), logo.read_bytes()))
    return artifacts
