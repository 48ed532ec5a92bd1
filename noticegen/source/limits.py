"""Every size and time limit on what noticegen reads and makes, in one place (docs: "Limits").

Each is at least ten times what the largest real notice in the shared corpus needs (the longest
paragraph has 780 characters, the most bullets in one notice are 80, the most table cells 24), so
a real notice never meets one; a pasted data dump or a hostile file does, and is refused with a
message instead of taking minutes and gigabytes to lay out.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from noticegen.errors import Reporter, UserError
from noticegen.model import Notice
from noticegen.walk import texts

SOURCE_BYTES = 2 * 1024 * 1024  # one YAML source file
SOURCE_DEPTH = 32  # nesting of lists and mappings in a YAML file
CATALOG_BYTES = 20 * 1024 * 1024  # one PO file
TEXT_CHARS = 10_000  # one paragraph, list item, table cell or other text
LIST_ITEMS = 1_000  # list items and facts shown as list items, in one notice
TABLE_CELLS = 1_000  # table cells (header cells included), in one notice
LAYOUT_SECONDS = 300  # laying out one PDF edition of one notice in one language
LOGO_BYTES = 2 * 1024 * 1024  # the site logo (a real one is under 100 KB)
LOGO_PIXELS = 25_000_000  # a raster logo's width × height


def check_sizes(report: Reporter, notice: Notice) -> None:
    """Report a text longer than TEXT_CHARS, and more list items or table cells than allowed."""
    items = cells = 0
    for text, place in texts(notice):
        if len(text.value) > TEXT_CHARS:
            report.error(
                text.loc,
                f"this {place.kind or 'text'} has {len(text.value):,} characters; one text may have at "
                f"most {TEXT_CHARS:,}: split it, or link to a document instead of pasting it",
            )
        if "table" in place.kind and "cell" in place.kind:
            cells += 1
            if cells == TABLE_CELLS + 1:
                report.error(text.loc, f"{notice.id} has more than {TABLE_CELLS:,} table cells: {_ADVICE}")
        elif place.kind.endswith("item") or place.kind.startswith("a "):  # list items and listed facts
            items += 1
            if items == LIST_ITEMS + 1:
                report.error(text.loc, f"{notice.id} has more than {LIST_ITEMS:,} list items: {_ADVICE}")


_ADVICE = "a notice is read by people; put long lists and data tables in a linked document"


class LayoutTooLong(Exception):
    """Raised inside a layout that went past LAYOUT_SECONDS."""


@contextlib.contextmanager
def layout_deadline(what: str, seconds: float | None = None) -> Iterator[None]:
    """Stop a layout that takes longer than the limit, naming the document (`what`).

    Uses a real-time timer signal, so it applies in the main thread of a process (a build's
    workers, or a build with one worker); elsewhere the layout runs without a limit.
    """
    limit = LAYOUT_SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise LayoutTooLong

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    except LayoutTooLong:
        raise UserError(
            f"{what}: laying it out took longer than {limit:g} seconds, the limit for one document: "
            "shorten its longest paragraphs, lists or tables (see 'Limits' in docs/source-format.md)"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
