"""Wrap plain text to a width without ever breaking a web address, email, phone number or postcode.

Pure functions. Width is the display width: wide East Asian characters count two columns,
combining marks none. Lines break only at ordinary spaces (a no-break space holds), or
between wide characters, which have no spaces between words.
"""

from __future__ import annotations

import re
import unicodedata

WIDTH = 72

# Tokens a reader copies whole; the spaces inside a phone number or postcode are part of it.
UNBREAKABLE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![\w+])(?:\+44 ?(?:\(0\) ?)?\d{2,4}|\(0\d{2,4}\)|0\d{2,4})(?: \d{3,4}){1,2}(?!\w)"
    r"|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"
)
GLUE = "\ue000"  # a private-use character stands for a space inside a token while wrapping
SPACES = re.compile(r"[ \t]+")  # not str.split(): a no-break space must not break
# No line starts with these (closing punctuation of scripts written without spaces).
NO_BREAK_BEFORE = set("、。，．：；？！）」』】〕〉》〙〗〟’”ー…・ゝゞ々")


def char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns the text takes in a fixed-width font (len() for ASCII)."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


def protect(text: str) -> str:
    """Glue the spaces inside unbreakable tokens."""
    return UNBREAKABLE.sub(lambda m: m.group(0).replace(" ", GLUE), text)


def restore(text: str) -> str:
    return text.replace(GLUE, " ")


def _pieces(word: str) -> list[tuple[str, str]]:
    """A word as (separator, piece) pairs: lines may break between wide characters."""
    if word.isascii() or not any(char_width(c) == 2 for c in word) or UNBREAKABLE.search(restore(word)):
        return [(" ", word)]
    pieces: list[tuple[str, str]] = []
    for char in word:
        joins = pieces and (
            char in NO_BREAK_BEFORE or (char_width(char) < 2 and char_width(pieces[-1][1][-1]) < 2)
        )
        if joins:
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + char)
        else:
            pieces.append(("" if pieces else " ", char))
    return pieces


def _wrap_line(line: str, limit: int, first: str, rest: str) -> list[str]:
    out: list[str] = []
    current, used, empty = first, display_width(first), True
    for word in SPACES.split(line.strip(" \t")):
        if not word:
            continue
        for separator, piece in _pieces(word):
            size = display_width(piece)
            if not empty and used + display_width(separator) + size > limit:
                out.append(current)
                current, used, empty = rest, display_width(rest), True
            if not empty:
                current += separator
                used += display_width(separator)
            current += piece
            used += size
            empty = False
    if not empty:
        out.append(current)
    return out


def wrap(text: str, width: int = WIDTH, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Lines of at most `width` columns; a token longer than a line stands alone on its line.

    A newline in `text` is kept as a line break; blank lines inside it are dropped.
    """
    lines: list[str] = []
    for line in protect(text).split("\n"):
        first = initial_indent if not lines else subsequent_indent
        lines += _wrap_line(line, width, first, subsequent_indent)
    return [restore(line).rstrip() for line in lines]


def fill(text: str, width: int = WIDTH, initial_indent: str = "", subsequent_indent: str = "") -> str:
    return "\n".join(wrap(text, width, initial_indent, subsequent_indent))


def longest_token(text: str) -> int:
    """The width of the longest piece wrap() will not break: the narrowest a column can be."""
    words = (p for w in SPACES.split(protect(text).replace("\n", " ")) for _, p in _pieces(w))
    return max((display_width(restore(p)) for p in words), default=0)


def underline(lines: list[str], char: str) -> list[str]:
    """Heading lines followed by `char` as wide as the longest of them."""
    return [*lines, char * max((display_width(line) for line in lines), default=0)] if lines else []
