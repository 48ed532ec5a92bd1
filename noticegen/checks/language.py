"""Plain language and accessible wording (UK GDPR Art. 12(1); GOV.UK style guide; WCAG 2.2).

Texts are read as the reader meets them: placeholders expanded, Markdown read, facts where a
section shows them. Each finding points at the text (or block) it is about.
"""

from __future__ import annotations

import re

from noticegen.checks.core import Context, Hit, rule
from noticegen.model import Item

MAX_WORDS = 25
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]*[A-Z])")
VAGUE_LINKS = {
    "click here",
    "click",
    "here",
    "this link",
    "link",
    "click this link",
    "more",
    "read more",
    "find out more",
    "more information",
    "further information",
    "this page",
    "this website",
    "website",
}
CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’-]*[A-Z]\b")
ABBREVIATION = re.compile(r"(?<![\w@/.:-])([A-Z][A-Z0-9&]*[A-Z])(?:s|’s|'s)?(?![\w@/-])")
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"}
# Well-known abbreviations people need not have explained (GOV.UK style guide: "UK, EU, NHS, VAT").
GLOSSARY = {"UK", "EU", "NHS", "GP", "HM", "ID", "MP", "VAT", "PDF", "TV"}


def sentences(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        out += [s.strip() for s in SENTENCE_END.split(line) if s.strip()]
    return out


def words(sentence: str) -> list[str]:
    return [w for w in sentence.split() if any(ch.isalnum() for ch in w)]


@rule(
    "long-sentence",
    "warning",
    "GOV.UK style guide: sentences of 25 words or fewer; UK GDPR Art. 12(1)",
    "Sentences have 25 words or fewer.",
)
def long_sentence(ctx: Context):
    for piece in ctx.pieces:
        for sentence in sentences(piece.plain):
            count = len(words(sentence))
            if count > MAX_WORDS:
                start = " ".join(words(sentence)[:8])
                yield Hit(
                    piece.loc,
                    f"this sentence has {count} words (aim for {MAX_WORDS} at most): split "
                    f"or shorten it: '{start} …'",
                    piece.path,
                )


@rule(
    "link-text",
    "warning",
    "WCAG 2.2 SC 2.4.4 Link Purpose; GOV.UK style guide: links",
    "Link text says where the link goes: not 'click here', not a bare web address.",
)
def link_text(ctx: Context):
    for piece in ctx.pieces:
        for run in piece.runs:
            if not run.href or run.href.startswith(("mailto:", "tel:")):
                continue
            text = run.text.strip()
            if text.casefold().strip(" .:!") in VAGUE_LINKS:
                yield Hit(
                    piece.loc,
                    f"the link text '{text}' does not say where the link goes: use words "
                    "that do, such as the name of the page",
                    piece.path,
                )
            elif re.match(r"^(?:https?://|www\.)", text, re.IGNORECASE):
                yield Hit(
                    piece.loc,
                    f"the link text is a web address ('{text}'): use words that say where "
                    "it goes, such as the name of the page",
                    piece.path,
                )


def _caps_spans(text: str) -> list[tuple[int, int]]:
    """Runs of three or more words in capitals, or a whole text of two or more such words."""
    found = list(CAPS_WORD.finditer(text))
    spans, group = [], []
    for m in found:
        if group and text[group[-1].end() : m.start()].strip(" ,:;–-") == "":
            group.append(m)
        else:
            group = [m]
            spans.append(group)
    letters = re.sub(r"[^A-Za-z]", "", text)
    whole = len(found) >= 2 and letters.isupper()
    return [(g[0].start(), g[-1].end()) for g in spans if len(g) >= 3 or whole]


@rule(
    "capitals",
    "warning",
    "GOV.UK style guide: capitals; RNIB clear print: no blocks of capitals",
    "No text written in capital letters.",
)
def capitals(ctx: Context):
    for piece in ctx.pieces:
        for start, end in _caps_spans(piece.plain):
            yield Hit(
                piece.loc,
                f"'{piece.plain[start:end]}' is written in capitals, which is harder to "
                "read: write it in sentence case (use **bold** for emphasis)",
                piece.path,
            )


def _single_items(items: tuple[Item, ...], path: str):
    for item in items:
        if len(item.items) == 1:
            yield f"{path}/{item.id}", item.items[0]
        yield from _single_items(item.items, f"{path}/{item.id}")


@rule(
    "single-item-list",
    "warning",
    "GOV.UK style guide: bullet points; plain English practice",
    "A list has at least two items.",
)
def single_item_list(ctx: Context):
    for section in ctx.notice.sections:
        for block in section.blocks:
            path = f"sections/{section.id}/{block.id}"
            if block.kind in ("list", "numbered"):
                if len(block.items) == 1:
                    yield Hit(
                        block.loc,
                        f"the list '{block.id}' has a single item: write it as a sentence, "
                        "or add the other items",
                        path,
                    )
                for where, child in _single_items(block.items, path):
                    yield Hit(
                        child.loc,
                        f"'{where.rsplit('/', 1)[-1]}' has a single sub-item: write it as "
                        "part of the item, or add the other sub-items",
                        where,
                    )
            # A lone fact shown by a `facts:` block is printed as a paragraph, not a list of one.


@rule(
    "abbreviation",
    "warning",
    "GOV.UK style guide: abbreviations and acronyms",
    "An abbreviation is explained where it is first used, unless it is well known (UK, NHS …).",
)
def abbreviation(ctx: Context):
    seen: set[str] = set()
    for piece in ctx.pieces:
        if piece.role == "law":
            continue  # official titles are cited as they are
        text = "".join(
            "\n"
            if run.br
            else (
                ""
                if run.href
                and not run.href.startswith("tel:")
                and ("@" in run.text or "://" in run.text or run.text.startswith("www."))
                else run.text
            )
            for run in piece.runs
        )
        caps = _caps_spans(text)
        for m in ABBREVIATION.finditer(text):
            abbr = m.group(1)
            if abbr in seen or abbr in GLOSSARY or abbr in ROMAN or any(a <= m.start() < b for a, b in caps):
                continue
            seen.add(abbr)
            # "(GDPR)", "GDPR (…)" or "(UK GDPR)": a bracket that ends with the abbreviation explains it.
            if re.search(rf"\([^()]*\b{re.escape(abbr)}s?\)|\b{re.escape(abbr)}s? \(", text):
                continue
            yield Hit(
                piece.loc,
                f"'{abbr}' is not explained where it is first used: write the words in full "
                f"the first time, followed by '({abbr})'",
                piece.path,
            )


@rule(
    "empty-section",
    "warning",
    "UK GDPR Art. 12(1): concise, transparent and intelligible",
    "No section, and no heading inside a section, is left without text.",
)
def empty_section(ctx: Context):
    for section in ctx.notice.sections:
        path = f"sections/{section.id}"
        if all(b.kind == "heading" for b in section.blocks):
            yield Hit(
                section.loc,
                f"the section '{section.id}' has no text under its title: add it, or remove the section",
                path,
            )
            continue
        blocks = section.blocks
        for index, block in enumerate(blocks):
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            if block.kind == "heading" and (after is None or after.kind == "heading"):
                yield Hit(
                    block.loc,
                    f"the heading '{block.id}' has nothing under it: add the text, or remove the heading",
                    f"{path}/{block.id}",
                )
