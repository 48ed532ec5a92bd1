"""Characters no one types on purpose: invisible, direction-changing and control characters.

They make text read differently from what it holds (a right-to-left override turns `exe.txt`
into `txt.exe`; a zero-width space hides inside an address), so every file people write is
screened: sources and catalogs. Exceptions, as the scripts need them: the zero-width joiner and
non-joiner inside a word of the Arabic or Indic scripts, and (in catalogs only) the direction
marks the translators' guide allows. A byte-order mark at the very start of a file is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

BOM = "\ufeff"
# C0 controls except tab, line feed and carriage return; DEL and the C1 controls; zero-width,
# direction marks, embeddings, overrides and isolates; invisible operators; BOM; surrogates.
SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
JOINERS = {"\u200c", "\u200d"}
DIRECTION_MARKS = {"\u200e", "\u200f", "\u061c"}
# Scripts whose words need the joiners: Arabic (Arabic, Persian, Urdu…) and the Indic scripts.
JOINING_SCRIPTS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFE))
INDIC = ((0x0900, 0x0DFF),)
KINDS = {
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a byte-order mark (zero-width no-break space)",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u061c": "an Arabic letter mark",
}


def describe(char: str) -> str:
    """What the character is, in words a comms officer can act on, with its code."""
    code = f"U+{ord(char):04X}"
    if char in KINDS:
        return f"{KINDS[char]} ({code})"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"a text-direction control ({code}, {unicodedata.name(char, 'bidi control').lower()})"
    if "\ud800" <= char <= "\udfff":
        return f"half of a character ({code}, a lone surrogate)"
    if char < "\x20" or "\x7f" <= char <= "\x9f":
        return f"a control character ({code})"
    return f"an invisible character ({code})"


def _in(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= ord(char) <= high for low, high in ranges)


def _inside_word(text: str, index: int) -> bool:
    """A joiner between two letters (or marks) of a script that needs it."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    ranges = JOINING_SCRIPTS + INDIC
    return bool(before and after) and _in(before, ranges) and _in(after, ranges)


def suspects(text: str, marks_allowed: bool = False) -> Iterator[tuple[int, str]]:
    """(index, description) of every character that must not be there."""
    for match in SUSPECT.finditer(text):
        char, index = match.group(0), match.start()
        if char in JOINERS and _inside_word(text, index):
            continue
        if marks_allowed and char in DIRECTION_MARKS:
            continue
        yield index, describe(char)


def visible(text: str) -> str:
    """The text without the characters `suspects` finds (for text from outside, like a Word file,
    that is cleaned rather than refused)."""
    drop = {index for index, _ in suspects(text)}
    return "".join(char for index, char in enumerate(text) if index not in drop) if drop else text


def without_bom(text: str) -> str:
    """The text without a byte-order mark at its very start (editors on Windows add one)."""
    return text[1:] if text.startswith(BOM) else text


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `index`; a lone carriage return ends a line too."""
    before = text[:index]
    line = len(re.findall(r"\r\n|\r|\n", before)) + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, index - start + 1


ADVICE = (
    "it is invisible or changes the direction of the text, so readers would not see what the "
    "file says: delete it (in most editors: put the cursor just after it and press Backspace)"
)


def file_findings(text: str, marks_allowed: bool = False) -> list[tuple[int, int, str]]:
    """(line, column, message) for every suspect character of a whole file (without its BOM)."""
    found = []
    for index, what in suspects(text, marks_allowed):
        line, col = position(text, index)
        found.append((line, col, f"{what} is not allowed here: {ADVICE}"))
    return found


def value_problem(value: str, marks_allowed: bool = False) -> str | None:
    """The first suspect character of one value (a text written with escapes such as "\\u202e")."""
    for _, what in suspects(value, marks_allowed):
        return f"{what} is not allowed: it is invisible or changes the direction of the text"
    return None


def data_problem(data: object) -> str | None:
    """The first suspect character in any string of decoded JSON (a release snapshot)."""
    if isinstance(data, str):
        return value_problem(data)
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    keys = data.keys() if isinstance(data, dict) else ()
    for value in [*keys, *values]:
        found = data_problem(value)
        if found:
            return found
    return None
