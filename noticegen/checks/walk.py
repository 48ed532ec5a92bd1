"""Walk a notice in reading order: every text with its id path, and where keys are in the source.

An id path names one thing of a notice by the ids from the top, separated by '/':
`title`, `summary`, `sections/who-we-are`, `sections/who-we-are/national-programme`,
`sections/your-rights/other-rights/first-item`, `facts/legislation/children-act-2004`,
`facts/international_transfers`, `contacts/school-support`. Silences name items this way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from noticegen import inline
from noticegen.errors import UserError
from noticegen.model import FACT_LISTS, Item, Law, LawfulBasis, Loc, Notice, Site, Text
from noticegen.source.yaml_nodes import load_yaml
from noticegen.templating import Renderer

STATEMENTS = ("international_transfers", "automated_decisions")


@dataclass(frozen=True)
class Piece:
    """One text as a reader meets it: the source Text, its id path, its role and its plain words."""

    text: Text
    path: str
    role: str  # title, summary, section-title, paragraph, heading, note, item, cell, fact, fact-title, ...
    runs: tuple[inline.Run, ...] = ()
    plain: str = ""

    @property
    def loc(self) -> Loc:
        return self.text.loc


def _fact_texts(name: str, value: object, path: str) -> Iterator[tuple[str, str, Text | None]]:
    if isinstance(value, Item):
        yield path, "fact-title", value.title
        yield path, "fact", value.text
        for child in value.items:
            yield from _fact_texts(name, child, f"{path}/{child.id}")
    elif isinstance(value, LawfulBasis):
        yield path, "basis", value.text
    elif isinstance(value, Law):
        yield path, "law", value.title


def _items(items: tuple[Item, ...], path: str) -> Iterator[tuple[str, str, Text | None]]:
    for item in items:
        yield f"{path}/{item.id}", "item", item.text
        yield from _items(item.items, f"{path}/{item.id}")


def walk(notice: Notice) -> Iterator[tuple[str, str, Text | None]]:
    """(id path, role, text) for everything of the notice, in reading order; facts where they are shown."""
    yield "title", "title", notice.title
    yield "summary", "summary", notice.summary
    shown: set[tuple[str, str]] = set()
    for section in notice.sections:
        spath = f"sections/{section.id}"
        yield spath, "section-title", section.title
        for block in section.blocks:
            bpath = f"{spath}/{block.id}"
            if block.kind in ("paragraph", "heading", "note"):
                yield bpath, block.kind, block.text
            elif block.kind in ("list", "numbered"):
                yield bpath, block.kind, None
                yield from _items(block.items, bpath)
            elif block.kind == "table":
                for cell in (*block.header, *(c for row in block.rows for c in row)):
                    yield bpath, "cell", cell
            elif block.kind == "facts" and block.ref in STATEMENTS:
                statement = getattr(notice.facts, block.ref)
                shown.add((block.ref, block.ref))
                yield f"facts/{block.ref}", "statement", statement.text if statement else None
            elif block.kind == "facts" and block.ref:
                yield bpath, "facts", None
                for value in shown_facts(notice, block.ref, block.only):
                    shown.add((block.ref, value.id))
                    yield from _fact_texts(block.ref, value, f"facts/{block.ref}/{value.id}")
            elif block.kind == "contact" and block.ref:
                yield bpath, "contact", None
    for name in FACT_LISTS:
        yield f"facts/{name}", "fact-list", None
        for value in getattr(notice.facts, name):
            if (name, value.id) not in shown:
                yield from _fact_texts(name, value, f"facts/{name}/{value.id}")
    for name in STATEMENTS:
        if (name, name) not in shown:
            statement = getattr(notice.facts, name)
            yield f"facts/{name}", "statement", statement.text if statement else None
    for contact in notice.contacts:
        cpath = f"contacts/{contact.id}"
        yield cpath, "contact-name", contact.name
        yield cpath, "contact-label", contact.url_label
        yield cpath, "contact-address", contact.address


def shown_facts(notice: Notice, ref: str, only: tuple[str, ...]) -> list:
    """The fact-list items a `facts:` block shows (a statement block shows no list items)."""
    if ref in STATEMENTS:
        return []
    values = list(getattr(notice.facts, ref, ()))
    if only:
        by_id = {v.id: v for v in values}
        return [by_id[i] for i in only if i in by_id]
    return values


def pieces(site: Site, notice: Notice) -> list[Piece]:
    """Every text in reading order, with placeholders expanded and Markdown read into runs."""
    renderer = Renderer(site, notice)
    out = []
    for path, role, text in walk(notice):
        if text is None or not text.value:
            continue
        runs = renderer.runs(text)
        plain = "".join("\n" if run.br else run.text for run in runs)
        out.append(Piece(text, path, role, runs, plain))
    return out


def item_paths(notice: Notice) -> list[str]:
    """Every id path a silence may name (each item and every folder above it)."""
    paths: dict[str, None] = {"facts": None, "sections": None, "contacts": None}
    for path, _, _ in walk(notice):
        parts = path.split("/")
        for end in range(1, len(parts) + 1):
            paths["/".join(parts[:end])] = None
    return list(paths)


def source_keys(root: str | Path, notice: Notice) -> dict[str, Loc]:
    """Where the notice's top-level keys and its `facts:` keys are written, e.g. {'facts/rights': Loc}."""
    path = notice.loc.path
    try:
        node = load_yaml(path, (Path(root) / path).read_bytes())
    except (OSError, UserError):
        return {}
    keys: dict[str, Loc] = {}
    if not isinstance(node.value, dict):
        return keys
    for name, entry in node.value.items():
        keys[name] = entry.key_loc
        if name == "facts" and isinstance(entry.node.value, dict):
            for sub, sub_entry in entry.node.value.items():
                keys[f"facts/{sub}"] = sub_entry.key_loc
    return keys
