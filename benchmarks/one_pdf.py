"""Helper for benchmarks/run.py: one PDF edition of one notice and language, in its own process.

    python benchmarks/one_pdf.py ROOT NOTICE LANG EDITION OUT.pdf
        EDITION is "standard" or "large-print": loads the project, makes the job as the
        build does (pipeline.make_job) and runs the PdfBuilder for that edition only.
    python benchmarks/one_pdf.py --dump-html ROOT NOTICE LANG OUT.html
        writes the standard edition's print HTML (what WeasyPrint is given) and prints its
        base URL on stdout; nothing is laid out.

run.py times the whole process (Python start-up, imports, loading, layout), so keep this
file free of anything the build itself would not do.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path


def _job(root: Path, notice_id: str, lang: str):
    from noticegen.pipeline import make_job
    from noticegen.source import load_project
    from noticegen.templating import templates_dir

    project, _ = load_project(root)
    notice = next(n for n in project.notices if n.id == notice_id)
    langs = tuple(language.code for language in project.site.languages)
    return make_job(project, notice, lang, templates_dir(root), langs)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--dump-html":
        from noticegen.builders.pdf import print_documents

        root, notice_id, lang, out = argv[1:5]
        job = _job(Path(root).resolve(), notice_id, lang)
        document = next(d for d in print_documents(job) if d.edition == "standard")
        Path(out).write_text(document.html, encoding="utf-8")
        print(document.base_url)
        return 0
    from noticegen.builders.pdf import PdfBuilder

    root, notice_id, lang, edition, out = argv[:5]
    job = _job(Path(root).resolve(), notice_id, lang)
    artifacts = PdfBuilder().build(dataclasses.replace(job, edition=edition))
    if len(artifacts) != 1:
        print(f"expected one PDF for edition {edition!r}, got {len(artifacts)}", file=sys.stderr)
        return 1
    Path(out).write_bytes(artifacts[0].data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
