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
    """The imposed print file of an A5 PDF: A4 landscape sheets in booklet order, each page
    centred in its half at its own size (never scaled). The same input gives the same bytes."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as source, pikepdf.new() as sheets:
        forms = [sheets.copy_foreign(page.as_form_xobject()) for page in source.pages]
        for left, right in booklet_order(len(source.pages), rtl):
            sheets.add_blank_page(page_size=SHEET)
            side = sheets.pages[-1]
            xobjects = pikepdf.Dictionary()
            drawing = []
            for slot, index in enumerate((left, right)):
                if index is not None:
                    xobjects[f"/P{slot}"] = forms[index]
                    drawing.append(_place(forms[index], slot, f"/P{slot}"))
            side.Resources = pikepdf.Dictionary(XObject=xobjects)
            side.Contents = sheets.make_stream(" ".join(drawing).encode("ascii"))
        sheets.docinfo["/Title"] = source.docinfo.get("/Title", "")
        sheets.Root.Lang = source.Root.get("/Lang", pikepdf.String(""))
        out = io.BytesIO()
        sheets.save(out, deterministic_id=True)
        return out.getvalue()


def _place(form, slot: int, name: str) -> str:
    """The drawing of one page (a form XObject) centred in the left (0) or right (1) half."""
    x0, y0, x1, y1 = (float(v) for v in form.BBox)
    half = SHEET[0] / 2
    x = slot * half + (half - (x1 - x0)) / 2 - x0
    y = (SHEET[1] - (y1 - y0)) / 2 - y0
    return f"q 1 0 0 1 {x:.3f} {y:.3f} cm {name} Do Q"
