"""The leaflet builder: the notice laid out on A5 pages (a tagged PDF/UA-1 file in reading
order, for the screen) and the same pages imposed two-up on A4 landscape in booklet order, to
print on both sides, fold and staple (docs/printing.md)."""

from __future__ import annotations

from noticegen.builders.imposition import impose
from noticegen.builders.job import Artifact, Job
from noticegen.builders.pdf import print_documents, render_pdf
from noticegen.builders.print_layout import LEAFLET
from noticegen.languages import direction

#: The imposed file's name ends so; the A5 reading-order file's with LEAFLET.suffix.
PRINT_SUFFIX = "-leaflet"


class LeafletBuilder:
    name = "leaflet"

    def build(self, job: Job) -> list[Artifact]:
        (document,) = print_documents(job, (LEAFLET,))
        pages = render_pdf(document)
        sheets = impose(pages, rtl=direction(job.lang) == "rtl")
        return [
            Artifact(document.path, pages),
            Artifact(f"{job.folder}/{job.notice.id}{PRINT_SUFFIX}.pdf", sheets),
        ]
