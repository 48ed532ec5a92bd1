"""Which languages have braille: the liblouis table for each, as data."""

from __future__ import annotations

from noticegen.languages import base

#: The liblouis table for each language that has one that works: Unified English Braille
#: grade 2 for English. Ukrainian is left out: liblouis 3.24's uk.utb leaves і, ї, є and ґ
#: untranslated, so its braille would be wrong.
TABLES = {"en": "en-ueb-g2.ctb", "pl": "Pl-Pl-g1.utb", "ar": "ar-ar-g1.utb"}
#: Braille cells written as the ASCII characters embossers and BRF readers expect.
DISPLAY = "en-us-brf.dis"


def table_for(lang: str) -> str | None:
    """The liblouis table list for a language, or None when there is no braille for it."""
    table = TABLES.get(base(lang))
    return f"{DISPLAY},{table}" if table else None
