"""Legislation: each law the notice cites has its official short title, the right year and a link.

A cited title is matched against the registry in laws.py by its name: case, a leading "The",
"&" for "and", a possessive ("Children’s") and "Regulation"/"Regulations" are ignored for
matching, and a close misspelling still matches. A leading "The" is never reported on its
own: "the Equality Act 2010" is ordinary English, and suggestions keep it when it was written.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from noticegen.checks.core import Context, Hit, rule
from noticegen.checks.laws import LEGISLATION, Legislation
from noticegen.model import Law

YEAR = re.compile(r"\b(1[2-9]\d\d|20\d\d)\b")
SOURCE = "legislation.gov.uk (the short title each law gives itself)"


def _straight(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def key(name: str) -> str:
    """The matching key of a title without its year: 'The Children’s Act' -> 'children act'."""
    name = _straight(name).casefold().replace("&", " and ")
    name = re.sub(r"^the\s+", "", name.strip())
    name = re.sub(r"'s\b", "", name)
    name = re.sub(r"\bregulations\b", "regulation", name)
    return " ".join(name.replace(",", " ").split())


def same(a: str, b: str) -> bool:
    """Two titles are the same when they differ only in case, spacing or a final full stop."""

    def norm(text: str) -> str:
        return " ".join(_straight(text).casefold().rstrip(". ").split())

    return norm(a) == norm(b)


@cache
def _index() -> dict[str, list[Legislation]]:
    index: dict[str, list[Legislation]] = {}
    for entry in LEGISLATION:
        for name in (entry.title[:-5], *entry.aliases):
            index.setdefault(key(name), []).append(entry)
    return index


@dataclass(frozen=True)
class Cited:
    """A law's title as written, split into its parts."""

    text: str
    the: str  # "The " when written, else ""
    name: str  # without "The" and the year
    year: int | None  # from the title, else from `year:`
    rest: str  # words after the year
    title_year: int | None


def parse(law: Law) -> Cited:
    text = law.title.value.strip()
    match = YEAR.search(text)
    head = text[: match.start()] if match else text
    rest = text[match.end() :].strip(" .,;") if match else ""
    the = re.match(r"^the\s+", head, re.IGNORECASE)
    name = head[the.end() :].strip() if the else head.strip()
    title_year = int(match.group(1)) if match else None
    return Cited(text, "The " if the else "", name, title_year or law.year, rest, title_year)


def candidates(name: str) -> list[Legislation]:
    index = _index()
    found = index.get(key(name))
    if found is None:
        close = difflib.get_close_matches(key(name), list(index), n=1, cutoff=0.9)
        found = index[close[0]] if close else []
    return found


def match(law: Law) -> Legislation | None:
    """The registry entry this law is, when it can be told for sure."""
    cited = parse(law)
    found = candidates(cited.name)
    if cited.year is None:
        return found[0] if len(found) == 1 else None
    return next((e for e in found if e.year == cited.year), None)


def _path(law: Law) -> str:
    return f"facts/legislation/{law.id}"


@rule(
    "legislation-title",
    "warning",
    SOURCE,
    "Each law is cited by its official short title, with nothing added after the year.",
)
def title(ctx: Context):
    for law in ctx.notice.facts.legislation:
        cited, entry = parse(law), match(law)
        if entry is not None and not same(f"{cited.name} {entry.year}", entry.title):
            suggestion = f"{cited.the}{entry.title}"
            if key(cited.name).endswith(" act") and entry.kind == "si":
                message = (
                    f"'{cited.text}' is not an Act: it is the {entry.title} ({entry.citation}), "
                    f"which are regulations: write '{suggestion}'"
                )
            else:
                message = f"'{cited.text}' is not the official title: write '{suggestion}' ({entry.citation})"
            yield Hit(law.title.loc, message, _path(law))
        if cited.rest:
            yield Hit(
                law.title.loc,
                f"'{cited.text}' has words after the title ('{cited.rest}'): keep only "
                "the title here and say the rest in the text around the list",
                _path(law),
            )
        if cited.year is None:
            yield Hit(
                law.title.loc,
                f"'{cited.text}' gives no year: the year is part of the title, as in 'Children Act 1989'",
                _path(law),
            )


@rule("legislation-year", "warning", SOURCE, "The year of each law is the year of its short title.")
def year(ctx: Context):
    for law in ctx.notice.facts.legislation:
        cited = parse(law)
        if cited.title_year and law.year and cited.title_year != law.year:
            yield Hit(
                law.title.loc,
                f"the year {law.year} does not match the year in the title "
                f"({cited.title_year}): correct one of them",
                _path(law),
            )
            continue
        found = candidates(cited.name)
        if cited.year is None or not found or any(e.year == cited.year for e in found):
            continue
        years = sorted({e.year for e in found})
        name = found[0].title[:-5]
        if len(years) == 1:
            message = (
                f"'{cited.text}': the registry has the {name} {years[0]}, not {cited.year}: check the "
                f"year (write '{cited.the}{name} {years[0]}' if that is the one meant)"
            )
        else:
            listed = ", ".join(str(y) for y in years[:-1]) + f" and {years[-1]}"
            message = (
                f"'{cited.text}': the registry has the {name} of {listed}, not {cited.year}: "
                "check which one is meant"
            )
        yield Hit(law.title.loc, message, _path(law))


@rule(
    "legislation-link",
    "info",
    "UK GDPR Art. 12(1): easily accessible; legislation.gov.uk",
    "Each law has a link, so readers can read it.",
)
def link(ctx: Context):
    for law in ctx.notice.facts.legislation:
        if law.url:
            continue
        entry = match(law)
        if entry is not None and entry.url:
            message = f"'{law.title.value}' has no link: add 'url: {entry.url}'"
        else:
            message = f"'{law.title.value}' has no link: add 'url:' with its address on legislation.gov.uk"
        yield Hit(law.loc, message, _path(law))


@rule(
    "legislation-unknown",
    "info",
    SOURCE,
    "A law not in the tool's registry is pointed out, so that its title and year are checked by hand.",
)
def unknown(ctx: Context):
    index = _index()
    for law in ctx.notice.facts.legislation:
        name = parse(law).name
        if candidates(name):
            continue
        close = difflib.get_close_matches(key(name), list(index), n=1, cutoff=0.8)
        hint = f" (is it the {index[close[0]][0].title}?)" if close else ""
        yield Hit(
            law.title.loc,
            f"'{law.title.value}' is not in the registry of legislation: check its "
            f"title and year on legislation.gov.uk{hint}",
            _path(law),
        )
