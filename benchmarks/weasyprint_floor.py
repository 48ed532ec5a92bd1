"""Helper for benchmarks/run.py: the floor of a rebuild, WeasyPrint alone laying out print HTML files.

    python benchmarks/weasyprint_floor.py LIST.json OUT WORKERS

LIST.json is what `one_pdf.py --dump-all` prints: [{"html": FILE, "base_url": URL, "path": REL}, ...].
This does what an ideal tool would do with them: import WeasyPrint once, fork a pool of WORKERS
processes (as our build does) and lay out every file, in the listed order, into OUT/REL as a tagged
PDF/UA-1, with WeasyPrint's default URL fetcher. Nothing of noticegen is imported; run.py times
the whole process.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys

import weasyprint


def layout(item: dict[str, str]) -> str:
    weasyprint.HTML(filename=item["html"], base_url=item["base_url"]).write_pdf(
        item["out"], pdf_variant="pdf/ua-1"
    )
    return item["out"]


def main(argv: list[str]) -> int:
    listing, out, workers = argv[0], argv[1], int(argv[2])
    with open(listing, encoding="utf-8") as handle:
        items = json.load(handle)
    for item in items:
        item["out"] = os.path.join(out, item["path"])
        os.makedirs(os.path.dirname(item["out"]), exist_ok=True)
    context = multiprocessing.get_context("fork")
    with context.Pool(max(1, min(workers, len(items)))) as pool:
        for _ in pool.imap_unordered(layout, items, chunksize=1):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
