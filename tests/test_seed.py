"""The published source says what the council's own document says: checked against the seed text."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from noticegen.grammar import PLACEHOLDER
from noticegen.model import Project, Text
from noticegen.source import load_project

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "supporting-families-privacy-notice.txt"
SEED_CANDIDATES = (
    ROOT.parent / "shared" / "seed" / SEED_NAME,
    Path(__file__).resolve().parents[2] / "shared" / "seed" / SEED_NAME,
)
CONTENT_LINES = 170  # the rest of the file is the same document with its layout broken
NOTICE_ID = "supporting-families"

# The line before a run of bullets says which list the bullets belong to.
LIST_INTROS = {
    "categories": "The categories of information that we collect, process, hold and share include:",
    "sources": "Who we collect information from",
    "recipients": "We may share personal information about you with the following partner organisations:",
    "sharing_without_knowledge": "This is principally where the information is needed for:",
    "legislation": "set out in the following pieces of legislation:",
    "rights": "You also have the right in certain circumstances to:",
}
EXPECTED_COUNTS = {
    "categories": 21,
    "sources": 4,
    "recipients": 16,
    "sharing_without_knowledge": 4,
    "legislation": 24,
    "rights": 6,
}
# Headings the document does not number (its numbered ones are found by their number).
UNNUMBERED_HEADINGS = (
    "Introduction",
    "Sharing without your knowledge",
    "Right to be informed",
    "Rights of access to personal data",
    "Your right to make a complaint",
)

BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
BULLET = re.compile(r"^(?:·|-)\s+")
NUMBERED = re.compile(r"^\d+\.\s+(?P<title>\S.*)$")
EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"(?<![\w+])0\d{2,4}(?: \d{3,4}){1,2}(?!\w)")
URL = re.compile(r"https?://[^\s<>()\"]*[^\s<>()\".,;:!?’']")


# -- the seed ------------------------------------------------------------------------


def seed_path() -> Path | None:
    return next((path for path in SEED_CANDIDATES if path.is_file()), None)


def normalise(line: str) -> str:
    """A line of the seed without extraction artefacts: bookmarks, odd spaces, runs of spaces."""
    line = BOOKMARK.sub("", line).replace("\u00a0", " ")
    return " ".join(line.split())


def normalise_item(line: str) -> str:
    """A list item: no bullet, and no trailing punctuation (list punctuation is not content)."""
    return BULLET.sub("", normalise(line)).rstrip(".,; ")


def seed_lines() -> list[str]:
    """The non-blank content lines (1–170) of the seed, normalised; skips the test without it."""
    path = seed_path()
    if path is None:
        pytest.skip(
            f"the seed text {SEED_NAME} is not here (looked in "
            f"{', '.join(str(p.parent) for p in SEED_CANDIDATES)})"
        )
    lines = path.read_text(encoding="utf-8").splitlines()[:CONTENT_LINES]
    return [n for line in lines if (n := normalise(line))]


def seed_items() -> dict[str, list[str]]:
    """Every bulleted list of the seed, by fact list name, with its items in order.

    `rights` holds the rights "in certain circumstances" (the bulleted ones); the two
    rights with their own headings are paragraphs in the document, not list items.
    """
    lists: dict[str, list[str]] = {}
    intro = ""
    current: list[str] | None = None
    for line in seed_lines():
        if BULLET.match(line):
            if current is None:
                name = next((n for n, text in LIST_INTROS.items() if text in intro), None)
                assert name is not None, f"a list after {intro!r} belongs to no known fact list"
                assert name not in lists, f"two lists in the seed look like '{name}'"
                current = lists[name] = []
            current.append(normalise_item(line))
        else:
            intro, current = line, None
    return lists


# -- the model -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, _report = load_project(ROOT)
    return loaded


@pytest.fixture(scope="module")
def notice(project: Project):
    by_id = {n.id: n for n in project.notices}
    assert NOTICE_ID in by_id, f"notice_src/{NOTICE_ID}.yaml was not loaded"
    return by_id[NOTICE_ID]


def expand(value: str, project: Project, notice) -> str:
    """A text with its placeholders replaced by what a reader sees."""
    site = project.site

    def one(match: re.Match[str]) -> str:
        name, field = match.groups()
        if name == "org":
            found = {
                "name": site.org_name,
                "website": site.website,
                "address": site.address,
                "ico_registration": site.ico_registration,
            }[field]
        else:
            contact = notice.contact(site, name)
            assert contact is not None, f"{match.group(0)} names no contact"
            found = (contact.url_label or contact.url) if field == "link" else getattr(contact, field)
        assert found is not None, f"{match.group(0)} has no value"
        return found.value if isinstance(found, Text) else found

    return PLACEHOLDER.sub(one, value)


def all_values(thing: object) -> list[str]:
    """Every text and every string field anywhere in a model object."""
    if isinstance(thing, Text):
        return [thing.value]
    if isinstance(thing, str):
        return [thing]
    if isinstance(thing, (tuple, list)):
        return [v for item in thing for v in all_values(item)]
    if dataclasses.is_dataclass(thing):
        return [
            v
            for f in dataclasses.fields(thing)
            if f.name != "loc"
            for v in all_values(getattr(thing, f.name))
        ]
    return []


def reading_order(project: Project, notice) -> list[str]:
    """The notice's visible lines in reading order: titles, paragraphs, headings and facts."""
    facts = notice.facts
    lines = [notice.title.value]
    for section in notice.sections:
        lines.append(section.title.value)
        for block in section.blocks:
            if block.kind in ("paragraph", "heading", "note"):
                lines.extend(expand(block.text.value, project, notice).split("\n"))
            elif block.kind in ("list", "numbered"):
                lines.extend(item.text.value for item in block.items)
            elif block.kind == "facts":
                items = getattr(facts, block.ref)
                if block.only:
                    by_id = {item.id: item for item in items}
                    items = [by_id[i] for i in block.only]
                lines.extend(line for item in items for line in fact_lines(block.ref, item))
    return lines


def fact_lines(name: str, item) -> list[str]:
    """What a reader sees of one fact: a law's title; a titled right's heading, then its text."""
    if name == "legislation":
        return [item.title.value]
    if getattr(item, "title", None) is not None:
        return [item.title.value, item.text.value]
    return [item.text.value]


def fact_texts(notice, name: str) -> list[str]:
    items = getattr(notice.facts, name)
    if name == "legislation":
        return [law.title.value for law in items]
    if name == "rights":
        return [item.text.value for item in items if item.title is None]
    return [item.text.value for item in items]


# -- the tests -----------------------------------------------------------------------


def test_the_seed_has_the_expected_lists():
    items = seed_items()
    assert {name: len(values) for name, values in items.items()} == EXPECTED_COUNTS


@pytest.mark.parametrize("name", list(EXPECTED_COUNTS))
def test_each_fact_list_is_the_seed_list_in_order(notice, name):
    assert fact_texts(notice, name) == seed_items()[name]


def test_titled_rights_are_the_seed_paragraphs_under_their_headings(notice):
    lines = seed_lines()
    for item in (i for i in notice.facts.rights if i.title is not None):
        assert item.title.value in lines
        heading = lines.index(item.title.value)
        assert lines[heading + 1] == item.text.value


def test_lawful_bases_and_retention_are_seed_lines(notice):
    lines = seed_lines()
    for fact in (*notice.facts.lawful_bases, *notice.facts.retention):
        assert fact.text.value in lines, f"'{fact.id}' is not worded as in the seed"


def test_special_and_criminal_categories_are_flagged(notice):
    categories = notice.facts.categories
    assert [c.text.value for c in categories if c.special] == ["Ethnicity", "Health and SEN needs"]
    assert [c.text.value for c in categories if c.criminal] == ["Offending information"]


def test_every_numbered_heading_is_a_section_in_order(notice):
    numbered = [m.group("title") for line in seed_lines() if (m := NUMBERED.match(line))]
    titles = [s.title.value for s in notice.sections]
    assert titles[0] == "Introduction"
    assert [t for t in titles if t in numbered] == numbered


def test_every_unnumbered_heading_appears(notice):
    lines = seed_lines()
    headings = {s.title.value for s in notice.sections}
    headings |= {b.text.value for s in notice.sections for b in s.blocks if b.kind == "heading"}
    headings |= {i.title.value for i in notice.facts.rights if i.title is not None}
    for heading in UNNUMBERED_HEADINGS:
        assert heading in lines, f"'{heading}' is not a line of the seed: fix UNNUMBERED_HEADINGS"
        assert heading in headings, f"the seed heading '{heading}' is missing"


def test_the_title_is_the_seed_title(notice):
    assert notice.title.value == seed_lines()[0]


def test_every_email_phone_and_url_of_the_seed_is_in_the_model(project, notice):
    values = [expand(v, project, notice) for v in all_values(project)]
    everything = "\n".join(values)
    text = "\n".join(seed_lines())
    found = [*EMAIL.findall(text), *PHONE.findall(text), *URL.findall(text)]
    assert len(found) >= 6
    for value in found:
        assert value in everything, f"{value} from the seed is not in the source"


def test_the_notice_reads_line_for_line_as_the_seed(project, notice):
    expected = [
        normalise_item(line) if BULLET.match(line) else NUMBERED.sub(r"\g<title>", line)
        for line in seed_lines()
    ]
    assert reading_order(project, notice) == expected
