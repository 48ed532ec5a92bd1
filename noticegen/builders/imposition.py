"""Booklet imposition: A5 pages placed two-up on A4 landscape sheets, in the order that gives a
folded booklet when the sheets are printed on both sides (flipped on the short edge), stacked,
folded down the middle and stapled on the fold."""

from __future__ import annotations

import io

#: A4 landscape, in points.
SHEET = (841.89, 595.28)


def reading_order(pages: int) -> list[int | None]:
    """The booklet's pages in reading order: the notice's pages (0-based), with blank pages
    (None) before the last one so that the count is a multiple of four and the notice's last
    page, who to contact, is the back cover."""
    if pages < 1:
        return []
    blanks = -pages % 4
    return [*range(pages - 1), *([None] * blanks), pages - 1]


def booklet_order(pages: int, rtl: bool = False) -> list[tuple[int | None, int | None]]:
    """Each printed side's (left, right) pages, sheet by sheet, front then back.

    For a booklet read from right to left (Arabic, Urdu) the fold is on the right: each
    side's two pages swap places.
    """
    order = reading_order(pages)
    count = len(order)
    sides: list[tuple[int | None, int | None]] = []
    for sheet in range(count // 4):
        front = (order[count - 1 - 2 * sheet], order[2 * sheet])
        back = (order[2 * sheet + 1], order[count - 2 - 2 * sheet])
        sides += [front[::-1], back[::-1]] if rtl else [front, back]
    return sides


def impose(pdf_bytes: bytes, rtl: bool = False) -> bytes:
    """The imposed print file of an A5 PDF: A4 landscape sheets in booklet order."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as source, pikepdf.new() as sheets:
        width, height = SHEET
        forms = [sheets.copy_foreign(page.as_form_xobject()) for page in source.pages]
        for left, right in booklet_order(len(source.pages), rtl):
            sheets.add_blank_page(page_size=SHEET)
            side = sheets.pages[-1]
            for slot, index in enumerate((left, right)):
                if index is not None:
                    x = slot * width / 2
                    side.add_overlay(forms[index], pikepdf.Rectangle(x, 0, x + width / 2, height))
        sheets.docinfo["/Title"] = source.docinfo.get("/Title", "")
        sheets.Root.Lang = source.Root.get("/Lang", pikepdf.String(""))
        out = io.BytesIO()
        sheets.save(out, deterministic_id=True)
        return out.getvalue()
