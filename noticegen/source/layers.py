"""Read the layers around a notice: lines of the at-a-glance summary written by the author, and
the short collection notices for forms, letters and phone calls (whose facts are named by id)."""

from __future__ import annotations

from noticegen.model import Facts, Item
from noticegen.source.schema import Reader, did_you_mean
from noticegen.source.yaml_nodes import Node

# The lines of the at-a-glance summary, in order (noticegen/layers/glance.py makes them).
ROWS = ("who", "what", "why", "basis", "share", "keep", "rights", "contact")
# Each list of fact ids a collection notice may name, and the fact list the ids belong to.
COLLECTION_REFS = {
    "collects": "categories",
    "shared_with": "recipients",
    "lawful_bases": "lawful_bases",
    "retention": "retention",
}


def read_glance(r: Reader, node: Node, key: str) -> tuple[Item, ...]:
    """`at_a_glance: {keep: "…"}`: each key names a line, each value replaces its words."""
    entries = r.mapping(node, "at_a_glance", [], ROWS)
    if entries is None:
        return ()
    lines = []
    for row in ROWS:
        if row in entries:
            text = r.text(entries[row].node, f"{key}/at_a_glance/{row}", f"the at-a-glance line '{row}'")
            if text is not None:
                lines.append(Item(row, text, loc=entries[row].node.loc))
    return tuple(lines)


def read_collection_notices(r: Reader, node: Node, key: str, facts: Facts) -> tuple[Item, ...]:
    """Each collection notice as an item: its title, its purpose as text, and as its items the facts
    it names (each the fact's id and text, and as kind the fact list), the ids checked."""
    found = []
    for item in r.sequence(node, "collection notices"):
        entries = r.mapping(
            item, "a collection notice", ["id", "title", "purpose", "collects"], list(COLLECTION_REFS)
        )
        if entries is None or not {"id", "title", "purpose", "collects"} <= entries.keys():
            continue
        ident = r.ident(entries["id"].node, "a collection notice")
        if ident is None:
            continue
        where = f"{key}/collection/{ident}"
        title = r.text(entries["title"].node, f"{where}/title", f"the title of collection notice '{ident}'")
        purpose = r.text(
            entries["purpose"].node, f"{where}/purpose", f"the purpose in collection notice '{ident}'"
        )
        named = [
            f
            for name in COLLECTION_REFS
            if name in entries
            for f in _refs(r, entries[name].node, name, facts)
        ]
        if title and purpose:
            found.append(Item(ident, purpose, title, tuple(named), loc=item.loc))
    r.unique_ids([(c.id, c.loc) for c in found], "collection notices")
    return tuple(found)


def _refs(r: Reader, node: Node, name: str, facts: Facts) -> list[Item]:
    """The facts listed by id, each one a fact of the list it names (else an error)."""
    fact_list = COLLECTION_REFS[name]
    by_id = {fact.id: fact for fact in getattr(facts, fact_list)}
    known = list(by_id)
    ids = []
    for child in r.sequence(node, name):
        ident = r.ident(child, f"an id in '{name}'")
        if ident is None:
            continue
        if ident not in known:
            r.report.error(
                child.loc,
                f"'{ident}' in '{name}' is not the id of any of the notice's facts.{fact_list}"
                f"{did_you_mean(ident, known)}: use one of {', '.join(known) or '(none written yet)'}",
            )
            continue
        ids.append(Item(ident, by_id[ident].text, kind=fact_list, loc=child.loc))
    return ids
