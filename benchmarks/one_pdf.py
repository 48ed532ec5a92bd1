"""Helper for benchmarks/run.py: one PDF edition of one notice and language, in its own process.

    python benchmarks/one_pdf.py ROOT NOTICE LANG EDITION OUT.pdf
        EDITION is "standard" or "large-print": loads the project, makes the job as the
        build does (pipeline.make_job) and runs the PdfBuilder for that edition only, with the
        compiled templates a build keeps in .noticegen/templates/.
    python benchmarks/one_pdf.py --dump-html ROOT NOTICE LANG OUT.html
        writes the standard edition's print HTML (what WeasyPrint is given) and prints its
        base URL on stdout; nothing is laid out.
    python benchmarks/one_pdf.py --dump-all ROOT NOTICE FOLDER [--lang L] [--no-leaflet] [--releases]
        writes the print HTML of every document WeasyPrint lays out for the notice (the standard
        and large-print editions and the A5 leaflet) in every language the build makes it in
        (or in L only; without the leaflet; with every released version too), as
        FOLDER/<lang>-<version or current>-<edition>.html, and prints on stdout a JSON list of
        {"html": file, "base_url": URL, "path": where the build writes that PDF, "lang", "edition"}
        (what weasyprint_floor.py reads); nothing is laid out.

run.py times the whole process (Python start-up, imports, loading, layout), so keep this
file free of anything the build itself would not do.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path


def _load(root: Path, notice_id: str):
    """The project, the notice, and the languages the build makes it in."""
    from noticegen.languages import notice_langs
    from noticegen.source import load_project

    project, _ = load_project(root)
    notice = next(n for n in project.notices if n.id == notice_id)
    langs = tuple(language.code for language in project.site.languages)
    return project, notice, notice_langs(notice, langs)


def _job(root: Path, notice_id: str, lang: str, loaded=None):
    from noticegen.pipeline import make_job
    from noticegen.templating import templates_dir

    project, notice, langs = loaded or _load(root, notice_id)
    return make_job(project, notice, lang, templates_dir(root), langs)


def _jobs(root: Path, notice_id: str, lang: str, loaded, releases: bool) -> list:
    """The job of the current notice, and with `releases` those of its released versions."""
    from noticegen.pipeline import past_jobs
    from noticegen.templating import templates_dir

    jobs = [_job(root, notice_id, lang, loaded)]
    if releases:
        project, notice, _ = loaded
        jobs += past_jobs(project, [notice], (lang,), templates_dir(root))
    return jobs


def dump_all(root: Path, notice_id: str, folder: Path, options: list[str]) -> int:
    import json

    from noticegen.builders.pdf import print_documents
    from noticegen.builders.print_layout import LEAFLET

    loaded = _load(root, notice_id)
    only = options[options.index("--lang") + 1] if "--lang" in options else None
    listing = []
    for lang in [only] if only else loaded[2]:
        for job in _jobs(root, notice_id, lang, loaded, "--releases" in options):
            leaflet = [] if "--no-leaflet" in options else print_documents(job, (LEAFLET,))
            for document in [*print_documents(job), *leaflet]:
                html = folder / f"{lang}-{job.past or 'current'}-{document.edition}.html"
                html.write_text(document.html, encoding="utf-8")
                listing.append(
                    {
                        "html": str(html),
                        "base_url": document.base_url,
                        "path": document.path,
                        "lang": lang,
                        "edition": document.edition,
                    }
                )
    print(json.dumps(listing, indent=1))
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--dump-all":
        return dump_all(Path(argv[1]).resolve(), argv[2], Path(argv[3]).resolve(), argv[4:])
    if argv and argv[0] == "--dump-html":
        from noticegen.builders.pdf import print_documents

        root, notice_id, lang, out = argv[1:5]
        job = _job(Path(root).resolve(), notice_id, lang)
        document = next(d for d in print_documents(job) if d.edition == "standard")
        Path(out).write_text(document.html, encoding="utf-8")
        print(document.base_url)
        return 0
    from noticegen.builders.pdf import PdfBuilder
    from noticegen.templating import compiled

    root, notice_id, lang, edition, out = argv[:5]
    job = _job(Path(root).resolve(), notice_id, lang)
    with compiled.kept_in(Path(root).resolve() / ".noticegen" / "templates"):  # as a build does
        artifacts = PdfBuilder().build(dataclasses.replace(job, edition=edition))
    if len(artifacts) != 1:
        print(f"expected one PDF for edition {edition!r}, got {len(artifacts)}", file=sys.stderr)
        return 1
    Path(out).write_bytes(artifacts[0].data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
