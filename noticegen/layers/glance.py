"""The at-a-glance summary: the first layer of a notice, made only from its facts.

Each row holds facts (their own text, or a code such as a lawful basis or a kind of right that the
interface catalog names in words), or the line the author wrote instead (`at_a_glance:`). The
headings and connecting words live in templates/glance/words.html, translated like the rest of
the interface; every format renders the same rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup

from noticegen.model import Contact, LawfulBasis, Notice, Site, Text
from noticegen.source.layers import ROWS

# The fact list each row is made from, and so the section that tells more.
ROW_FACTS = {
    "what": "categories",
    "basis": "lawful_bases",
    "share": "recipients",
    "keep": "retention",
    "rights": "rights",
}
# Article 6 and Article 9 bases are named in words; other references (DPA 2018…) are detail.
NAMED_BASIS = re.compile(r"^(?:6\(1\)\([a-f]\)|9\(2\)\([a-j]\))$")
COMPLAINTS_CONTACT = "ico"  # the site contact people complain to, when site.yaml has it


@dataclass(frozen=True)
class Value:
    """One thing a row shows: a fact's text, a code named by the interface, or a contact."""

    fact: str  # where it comes from: "<fact list>/<id>", or "site/<field>"
    text: Text | None = None
    code: str | None = None  # a lawful basis reference or a kind of right
    contact: Contact | None = None


@dataclass(frozen=True)
class Row:
    key: str  # one of ROWS
    values: tuple[Value, ...] = ()
    written: Text | None = None  # the author's words, shown instead of the values
    section: str | None = None  # the id of the section that tells more


def rows(site: Site, notice: Notice) -> tuple[Row, ...]:
    """Every row with something to show, in the order of ROWS."""
    written = {line.id: line.text for line in notice.at_a_glance}
    made = {
        "who": tuple(Value(f"controllers/{c.id}", text=c.name) for c in notice.responsible(site)),
        "what": _items(notice, "categories"),
        "why": (),
        "basis": _bases(notice),
        "share": _items(notice, "recipients"),
        "keep": _items(notice, "retention"),
        "rights": _rights(notice),
        "contact": _contacts(site, notice),
    }
    found = []
    for key in ROWS:
        row = Row(key, made[key], written.get(key), _section(notice, ROW_FACTS.get(key)))
        if row.values or row.written:
            found.append(row)
    return tuple(found)


def _items(notice: Notice, name: str) -> tuple[Value, ...]:
    return tuple(Value(f"{name}/{item.id}", text=item.text) for item in getattr(notice.facts, name))


def _bases(notice: Notice) -> tuple[Value, ...]:
    return named_bases(notice.facts.lawful_bases)


def named_bases(bases: Iterable[LawfulBasis]) -> tuple[Value, ...]:
    """Each Article 6 basis, then each Article 9 condition, once, in the order written."""
    seen: dict[str, str] = {}
    for basis in bases:
        for code in basis.basis:
            if NAMED_BASIS.match(code) and code not in seen:
                seen[code] = basis.id
    ordered = sorted(seen, key=lambda code: not code.startswith("6"))
    return tuple(Value(f"lawful_bases/{seen[code]}", code=code) for code in ordered)


def _rights(notice: Notice) -> tuple[Value, ...]:
    """Each right once: by its kind when it has one (named by the interface), else its own words."""
    values, kinds = [], set()
    for item in notice.facts.rights:
        if item.kind and item.kind in kinds:
            continue
        kinds.add(item.kind)
        values.append(Value(f"rights/{item.id}", text=item.title or item.text, code=item.kind))
    return tuple(values)


def _contacts(site: Site, notice: Notice) -> tuple[Value, ...]:
    values = [Value("site/dpo", contact=notice.dpo_of(site))]
    complaints = notice.contact(site, COMPLAINTS_CONTACT)
    if complaints is not None:
        values.append(Value(f"contacts/{COMPLAINTS_CONTACT}", contact=complaints))
    return tuple(values)


def _section(notice: Notice, fact_list: str | None) -> str | None:
    """The first section that shows this fact list."""
    if fact_list is None:
        return None
    for section in notice.sections:
        if any(block.kind == "facts" and block.ref == fact_list for block in section.blocks):
            return section.id
    return None


def entries(
    row: Row, w: Any, show: Callable[[Text], str], ltr: Callable[[str], str] = str
) -> list[tuple[Text | None, str]]:
    """What a row shows, one entry per list item: (the Text it comes from, for its language; the
    words in the target format). `w` is words(env); `show` renders a Text (as HTML or plain text);
    `ltr` keeps an article number such as 6(1)(e) left to right (ltr_html, ltr_text)."""
    if row.key == "who":
        return [(v.text, w.controller(show(v.text))) for v in row.values if v.text]  # each controller
    if row.key == "basis":
        return [(None, w.basis(v.code, ltr(v.code or ""))) for v in row.values]
    if row.key == "rights":
        return [
            (None, w.rights[v.code]) if v.code in w.rights else (v.text, show(v.text)) for v in row.values
        ]  # type: ignore[arg-type]
    return [(v.text, show(v.text)) for v in row.values if v.text]


def ltr_html(code: str) -> Markup:
    """An article number kept left to right inside right-to-left text, in HTML."""
    return Markup('<bdi dir="ltr">{}</bdi>').format(code)


def ltr_text(direction: str) -> Callable[[str], str]:
    """The same in plain text and Word: Unicode isolates, only where the text runs right to left."""
    return (lambda code: f"\u2066{code}\u2069") if direction == "rtl" else str


def contact_parts(contact: Contact, show: Callable[[Text], str]) -> list[str]:
    """A contact on one line: its name, email, telephone and web address, those it has."""
    parts = [show(contact.name)] if contact.name else []
    return parts + [x for x in (contact.email, contact.phone, contact.url) if x]


def words(env: Any) -> Any:
    """The headings and connecting words, in the environment's language (templates/glance/words.html)."""
    return env.get_template("glance/words.html").module


def template_values(site: Site, notice: Notice, env: Any) -> dict[str, Any]:
    """What the glance templates need: the rows, the helpers (`g`), the words in env's language."""
    helpers = SimpleNamespace(
        entries=entries, ltr_html=ltr_html, ltr_text=ltr_text, contact_parts=contact_parts
    )
    return {"glance_rows": rows(site, notice), "g": helpers, "gw": words(env)}
