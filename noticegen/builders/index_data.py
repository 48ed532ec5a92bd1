"""Site-wide open data: notices.json (every notice and its files) and the published JSON Schemas."""

from __future__ import annotations

from noticegen.builders.data import dumps
from noticegen.builders.job import Artifact
from noticegen.languages import notice_langs
from noticegen.model import Project
from noticegen.releases.store import list_releases
from noticegen.templating import Renderer, template_file

SCHEMAS = ("notice.schema.json", "notices.schema.json")


def open_data_artifacts(
    project: Project, templates: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...]
) -> list[Artifact]:
    """The schemas under schema/, and notices.json when the JSON files are built."""
    artifacts = [
        Artifact(f"schema/{name}", template_file(templates, f"schema/{name}").read_bytes())
        for name in SCHEMAS
    ]
    if "json" in formats:
        artifacts.append(Artifact("notices.json", dumps(notices_index(project, langs))))
    return artifacts


def notices_index(project: Project, langs: tuple[str, ...]) -> dict:
    """What notices.json says: each notice, its version and date, and its files in each language."""
    site = project.site
    status = {language.code: language.status for language in site.languages}
    entries = []
    for notice in project.notices:
        r = Renderer(site, notice)
        releases = list_releases(project.root, notice.id)
        unconfirmed = any(t.field == "effective date" for t in notice.to_confirm)
        updated = releases[-1].date if releases else None if unconfirmed else notice.effective
        entry = {"id": notice.id, "title": r.plain(notice.title)}
        if notice.summary:
            entry["summary"] = r.plain(notice.summary)
        entry["version"] = notice.version
        if updated:  # not a placeholder date still to be confirmed
            entry["last_updated"] = updated.isoformat()
        entry["languages"] = [
            {
                "language": lang,
                "status": status.get(lang, "draft"),
                "page": f"{notice.id}/{lang}/index.html",
                "data": f"{notice.id}/{lang}/{notice.id}.json",
                "linked_data": f"{notice.id}/{lang}/{notice.id}.jsonld",
            }
            for lang in notice_langs(notice, langs)
        ]
        entries.append(entry)
    return {
        "organisation": Renderer(site, project.notices[0]).plain(site.org_name)
        if project.notices
        else site.org_name.value,
        "schema": "schema/notices.schema.json",
        "notices": entries,
    }
