"""Properties of the leaflet's imposition and the braille pages, over many generated inputs; the
imposed PDFs are read back with pikepdf."""

from __future__ import annotations

import io

import pikepdf
from hypothesis import given, settings
from hypothesis import strategies as st

from noticegen.builders.braille import translate_number
from noticegen.builders.braille_pages import CELLS, LINES, STYLES, Piece, paginate, wrap_cells
from noticegen.builders.imposition import booklet_order, impose

BRF_CHARS = "".join(chr(c) for c in range(0x21, 0x60))


def a5_pdf(pages: int) -> bytes:
    """A PDF of A5 pages, each drawing its own number, so the pages can be told apart."""
    pdf = pikepdf.new()
    for n in range(pages):
        pdf.add_blank_page(page_size=(419.53, 595.28))
        pdf.pages[-1].Contents = pdf.make_stream(f"% page {n}\n".encode())
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def drawn(side: pikepdf.Page) -> list[tuple[float, int]]:
    """(x, page number) of each A5 page drawn on an imposed side."""
    found = []
    for name, form in side.Resources.get("/XObject", {}).items():
        number = int(form.read_bytes().decode().split()[-1])
        content = side.Contents.read_bytes().decode()
        x = float(content.split(f"{name} Do")[0].rsplit(" cm", 1)[0].split()[-2])
        found.append((x, number))
    return sorted(found)


@settings(max_examples=30, deadline=None)
@given(pages=st.integers(min_value=1, max_value=40), rtl=st.booleans())
def test_imposition_is_a_booklet_for_any_page_count(pages: int, rtl: bool) -> None:
    with pikepdf.open(io.BytesIO(impose(a5_pdf(pages), rtl))) as sheets:
        count = 2 * len(sheets.pages)
        assert count % 4 == 0 and count - 4 < pages <= count
        seen = []
        for index, side in enumerate(sheets.pages):
            assert [round(float(v)) for v in side.MediaBox] == [0, 0, 842, 595]
            for x, number in drawn(side):
                # Reading position: the notice in order, then blanks, its last page last.
                position = count if number == pages - 1 else number + 1
                assert position in (index + 1, count - index)  # side k holds k+1 and N-k
                on_right = x > 421
                assert on_right == ((position % 2 == 1) != rtl)
                seen.append(number)
        assert sorted(seen) == list(range(pages))


@given(st.integers(min_value=0, max_value=200))
def test_booklet_order_uses_every_page_once(pages: int) -> None:
    placed = [p for side in booklet_order(pages) for p in side if p is not None]
    assert sorted(placed) == list(range(pages))


# Mostly short words, and some about a line long (an address), which must be cut.
words = st.one_of(
    st.text(alphabet=BRF_CHARS, min_size=1, max_size=12),
    st.text(alphabet=BRF_CHARS, min_size=30, max_size=60),
)
pieces = st.builds(
    Piece,
    kind=st.sampled_from(sorted(STYLES)),
    level=st.sampled_from(["0", "1", "2"]),
    text=st.lists(words, min_size=1, max_size=30).map(" ".join),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(pieces, max_size=40))
def test_braille_pages_never_overflow(items: list[Piece]) -> None:
    text = paginate(items, translate_number)
    pages = text.split("\f")
    for number, page in enumerate(pages, start=1):
        lines = page.removesuffix("\r\n").split("\r\n")
        assert len(lines) <= LINES
        assert all(len(line) <= CELLS for line in lines)
        assert lines[0].strip() == translate_number(number)
    # Nothing is lost: every cell of every piece is on some page, in order.
    flat = "".join(line.strip() for page in pages for line in page.split("\r\n")[1:]).replace(" ", "")
    assert flat == "".join(p.text.replace(" ", "") for p in items)


@settings(max_examples=400)
@given(st.lists(words, max_size=40).map(" ".join), st.integers(0, 6), st.integers(0, 6))
def test_wrapped_braille_keeps_every_cell(text: str, first: int, rest: int) -> None:
    lines = wrap_cells(text, first, rest)
    assert all(line.strip() and len(line) <= CELLS for line in lines)
    assert "".join(line.strip() for line in lines).replace(" ", "") == text.replace(" ", "")
