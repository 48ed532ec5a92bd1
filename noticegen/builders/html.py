"""The HTML builder: the full accessible page and the CMS fragment of one notice."""

from __future__ import annotations

from noticegen.builders.job import DOWNLOADS, Artifact, Download, Job, job_environment
from noticegen.languages import direction, long_date, own_name
from noticegen.templating import Renderer

FILE_TYPES = {kind: file_type for _, kind, file_type in DOWNLOADS}


class HtmlBuilder:
    name = "html"

    def build(self, job: Job) -> list[Artifact]:
        env = job_environment(job)
        r = Renderer(job.site, job.notice)
        common = {
            "job": job,
            "site": job.site,
            "notice": job.notice,
            "r": r,
            "lang": job.lang,
            "dir": direction(job.lang),
            "effective": long_date(job.shown_date, job.lang) if job.shown_date else "",
            "controllers": job.notice.responsible(job.site),
            "dpo": job.notice.dpo_of(job.site),
        }
        page = env.get_template("html/page.html").render(
            **common,
            **page_links(job, "index.html" if not job.past else f"v/{job.past}/index.html"),
            current_href=job.href("index.html"),
            changes_href=job.href("changes/index.html"),
            published=long_date(job.releases.published, job.lang) if job.releases else "",
            updated=long_date(job.releases.updated, job.lang) if job.releases else "",
            downloads=[self._download(d) for d in job.downloads],
        )
        fragment = env.get_template("html/fragment.html").render(
            **common, level=job.site.fragment_heading_level, prefix=job.site.fragment_id_prefix
        )
        return [
            Artifact(f"{job.folder}/index.html", page.encode("utf-8")),
            Artifact(f"{job.folder}/fragment.html", fragment.encode("utf-8")),
        ]

    @staticmethod
    def _download(download: Download) -> dict[str, str]:
        """The file's link and its type and size, as GOV.UK's attachment pattern shows them."""
        return {
            "path": download.path,
            "kind": download.kind,
            "type": FILE_TYPES[download.kind],
            "size": human_size(download.size),
        }


def page_links(job: Job, page: str, below: str = "") -> dict[str, object]:
    """What the page layout needs to link out: the site root, the logo, the other languages."""
    languages = job.languages or (job.lang,)
    return {
        "to_root": job.href("/", below=below) + "/",
        "logo_src": logo_path(job.site.logo.file) if job.site.logo else "",
        "alternates": [
            (code, own_name(code), job.href(page, code, below), code == job.lang) for code in languages
        ],
    }


def logo_path(file: str) -> str:
    """Where the logo is published: assets/<its file name>."""
    return "assets/" + file.rsplit("/", 1)[-1]


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"
