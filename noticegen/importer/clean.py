"""Undo what Word and copy-paste do to text: mojibake, odd spaces, typed bullets, line breaks."""

from __future__ import annotations

import re

from noticegen import hygiene
from noticegen.source.schema import RAW_HTML

# UTF-8 read as Windows-1252: "â€™" for ’, "Â " for a no-break space …
_CP1252 = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
MOJIBAKE = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252}]{{1,3}}")
SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000]")
INVISIBLE = re.compile("[\u00ad]")  # soft hyphens; zero-width and control characters: hygiene.visible
PRIVATE_BULLETS = {"\uf0b7": "·", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf0e8": "➔"}
PRIVATE = re.compile("[\ue000-\uf8ff]")
BOOKMARK_TEXT = re.compile(r"\[bookmark: [^\]]*\]")
BULLET = re.compile(r"^\s*(?:[·•▪■●◦‣∙○➢❖✓➔*\-–—](?:\t|\s+)|o\t)\s*(?=\S)")
NUMBER = re.compile(
    r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zA-Z]\)|\([ivxIVX]{1,5}\)|[a-zA-Z]\.(?=\t)|[ivxIVX]{1,5}[.)](?=\t))\s+(?=\S)"
)
HEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*)\s*(?=\S)")
LABEL = re.compile(
    r"^(?:tel(?:ephone)?|phone|mobile|fax|text ?phone|minicom|e-?mail|web(?:site)?|address|"
    r"post ?code|opening hours|twitter|facebook)\b",
    re.IGNORECASE,
)


def _unmangle(match: re.Match[str]) -> str:
    found = match.group(0)
    lead = ord(found[0])
    size = 1 if lead < 0xE0 else 2 if lead < 0xF0 else 3
    head, rest = found[: size + 1], found[size + 1 :]
    if len(head) != size + 1:
        return found
    try:
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in head)
        return raw.decode("utf-8") + rest
    except (UnicodeDecodeError, UnicodeEncodeError):
        return found


def repair(text: str) -> str:
    """Fix mojibake and odd characters; keeps tabs and line breaks for the structure step."""
    text = MOJIBAKE.sub(_unmangle, text)
    text = text.replace("â€", "”")  # its last byte (0x9d) has no Windows-1252 character: often lost
    text = re.sub("Â(?=[\\s\u00a0])", "", text)
    for char, bullet in PRIVATE_BULLETS.items():
        text = text.replace(char, bullet)
    text = PRIVATE.sub("", text)
    text = hygiene.visible(INVISIBLE.sub("", SPACES.sub(" ", text)))  # what sources may not hold
    return markdown_safe(BOOKMARK_TEXT.sub("", text))


def markdown_safe(text: str) -> str:
    """What the notice format would read as HTML, an image or a placeholder, made plain text.

    Only a `<` that the source format would take for a tag is written `&lt;` (every format shows
    it as `<`); any other `<`, as in "a < b", stays as it is.
    """
    text = RAW_HTML.sub(lambda tag: "&lt;" + tag.group(0)[1:], text)
    text = text.replace("![", "! [")
    return re.sub(r"\{([a-z0-9-]+\.[a-z_]+)\}", r"(\1)", text)


def squash(text: str) -> str:
    """One line: tabs and runs of spaces become one space."""
    return re.sub(r"[ \t]+", " ", text).strip()


def tidy(text: str) -> str:
    """Each line squashed; empty lines dropped."""
    return "\n".join(line for line in (squash(part) for part in text.split("\n")) if line)


def strip_bullet(text: str) -> tuple[str, str | None]:
    """The text without a typed bullet or number, and "bullet"/"ordered" if there was one."""
    match = BULLET.match(text)
    if match:
        return text[match.end() :], "bullet"
    match = NUMBER.match(text)
    if match:
        return text[match.end() :], "ordered"
    return text, None


def typed_marker(text: str) -> str:
    """The typed bullet or number that starts a line ("·", "a)", "(iv)"), without spaces."""
    match = BULLET.match(text) or NUMBER.match(text)
    return match.group(0).strip() if match else ""


def strip_heading_number(text: str) -> str:
    return HEADING_NUMBER.sub("", text, count=1).strip()


def item_text(text: str) -> str:
    """A list item: no trailing commas or semicolons (list punctuation is not content)."""
    return re.sub(r"[\s,;]+$", "", squash(text))


def fact_text(text: str) -> str:
    """A short fact (a category, a recipient …): no trailing comma, semicolon or full stop."""
    return re.sub(r"[\s,;.]+$", "", squash(text))


def join_lines(text: str) -> str:
    """Manual line breaks: joined with a space inside a sentence, kept where a new line starts.

    A break is kept after a line ending with ":", before a line such as "Telephone: …" or
    "E-mail …", in a block of short lines such as a postal address, and between the short lines
    that follow a line ending with ":" ("… write to us at:" and the address).
    """
    lines = [squash(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) <= 1:
        return "\n".join(lines)
    short = [len(line.split()) <= 6 and not line.endswith((".", "?", "!", ",")) for line in lines]
    if len(lines) >= 3 and all(short):
        return "\n".join(lines)
    out = [lines[0]]
    for at, line in enumerate(lines[1:], 1):
        if out[-1].endswith(":") or LABEL.match(line) or _in_run(short, lines, at):
            out.append(line)
        else:
            out[-1] += " " + line
    return "\n".join(out)


def _in_run(short: list[bool], lines: list[str], at: int) -> bool:
    """Line `at` continues a run of short lines that began right after a line ending with ":"."""
    start = at
    while start > 0 and short[start - 1]:
        start -= 1
    return short[at] and start >= 1 and start < at and lines[start - 1].endswith(":")


def slug(text: str, limit: int = 40) -> str:
    """An id from a text: lower-case words joined by hyphens, cut at a word, at most `limit`."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # link words only
    text = re.sub(r"\{org\.[a-z_]+\}", " ", text)
    text = re.sub(r"\{([a-z0-9-]+)\.[a-z_]+\}", r" \1 ", text)
    text = text.lower().replace("&lt;", " ").replace("&", " and ").replace("’", "").replace("'", "")
    text = re.sub(r"[àáâãäå]", "a", re.sub(r"[èéêë]", "e", re.sub(r"[ìíîï]", "i", text)))
    text = re.sub(r"[òóôõö]", "o", re.sub(r"[ùúûü]", "u", text))
    words = re.findall(r"[a-z0-9]+", text)
    while len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


class Ids:
    """Hands out unique ids within one list: the slug, then slug-2, slug-3 …"""

    def __init__(self, taken: list[str] | None = None) -> None:
        self.taken = set(taken or ())

    def __call__(self, text: str, fallback: str = "item") -> str:
        base = slug(text) or fallback
        ident, n = base, 1
        while ident in self.taken:
            n += 1
            ident = f"{base}-{n}"
        self.taken.add(ident)
        return ident
