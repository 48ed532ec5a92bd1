"""Layout decisions for the printed editions that are data, not style: what is kept together,
how big each script's language name is set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from noticegen.model import Item


@dataclass(frozen=True)
class Edition:
    """A printed edition: its name, file name suffix, paper, body text size and margins.

    The top and bottom margins hold the running header and footer; they are given in
    multiples of the body text size, so that they grow with it.
    """

    name: str
    suffix: str
    body_pt: float
    paper: str = "A4"
    side: float = 56.7  # points (2 cm)
    top: float = 4.6
    bottom: float = 4.4

    @property
    def top_pt(self) -> float:
        return self.body_pt * self.top

    @property
    def bottom_pt(self) -> float:
        return self.body_pt * self.bottom

    @property
    def line_chars(self) -> int:
        """About how many characters of bold text fit on one line (an average glyph is 0.62 em)."""
        return int((PAPER_WIDTH[self.paper] - 2 * self.side) / (self.body_pt * 0.62))


#: Paper widths in points (portrait).
PAPER_WIDTH = {"A4": 595.3, "A5": 419.5}


#: Clear print (14 pt, RNIB's preferred size) and large print (18 pt) on A4.
EDITIONS = (Edition("standard", "", 14), Edition("large-print", "-large-print", 18))

#: The leaflet's pages: A5, 12 pt (the clear print minimum), folded from A4 (builders/leaflet.py).
LEAFLET = Edition("leaflet", "-leaflet-a5", 12, paper="A5", side=42.5)


def running_title(title: str, edition: Edition) -> str:
    """The title for the running header, which must be one line: without a closing part in
    brackets, and when that is still too long, only what follows its last dash or colon (the
    service's name: "Privacy notice – Supporting Families" → "Supporting Families"). print.css
    cuts what is still too long with an ellipsis."""
    title = title.split(" (")[0] or title
    if len(title) <= edition.line_chars:
        return title
    for mark in (" – ", " — ", " - ", ": "):
        if mark in title:
            return title.rsplit(mark, 1)[1]
    return title


#: A list is kept whole on one page when it is this short (items, characters of text).
KEEP_ITEMS = 4
KEEP_CHARS = 160

#: Language names in the list of languages, scaled so that each script looks as big as Latin
#: text beside it: Naskh and Nastaliq have a small x-height for their body size.
SCRIPT_SIZES = (("ar", 1.3), ("fa", 1.3), ("ur", 1.3))


def keep_together(items: Sequence[Item]) -> bool:
    """True for a short list: splitting it across two pages would leave a line or two alone."""
    if len(items) > KEEP_ITEMS:
        return False
    chars = 0
    for item in items:
        if item.items:
            return False  # a nested list may be long: its items keep their own lines together
        chars += len(item.text.value)
    return chars <= KEEP_CHARS
