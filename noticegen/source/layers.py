"""Read the layers around a notice: lines of the at-a-glance summary written by the author, and
the short collection notices for forms, letters and phone calls (whose facts are named by id)."""

from __future__ import annotations

from noticegen.model import GLANCE_ROWS as ROWS
from noticegen.model import CollectionNotice, Facts, GlanceLine
from noticegen.source.schema import Reader, did_you_mean
from noticegen.source.yaml_nodes import Node

# Each list of fact ids a collection notice may name, and the fact list the ids belong to.
COLLECTION_REFS = {
    "collects": "categories",
    "shared_with": "recipients",
    "lawful_bases": "lawful_bases",
    "retention": "retention",
}


def read_glance(r: Reader, node: Node, key: str) -> tuple[GlanceLine, ...]:
    """`at_a_glance: {keep: "…"}`: each key names a line, each value replaces its words."""
    entries = r.mapping(node, "at_a_glance", [], ROWS)
    if entries is None:
        return ()
    lines = []
    for row in ROWS:
        if row in entries:
            text = r.text(entries[row].node, f"{key}/at_a_glance/{row}", f"the at-a-glance line '{row}'")
            if text is not None:
                lines.append(GlanceLine(row, text, entries[row].node.loc))
    return tuple(lines)


def read_collection_notices(r: Reader, node: Node, key: str, facts: Facts) -> tuple[CollectionNotice, ...]:
    """Each collection notice, its fact ids checked against the notice's facts."""
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
        refs = {
            name: _refs(r, entries[name].node, name, facts) for name in COLLECTION_REFS if name in entries
        }
        if title and purpose:
            found.append(CollectionNotice(ident, title, purpose, loc=item.loc, **refs))
    r.unique_ids([(c.id, c.loc) for c in found], "collection notices")
    return tuple(found)


def _refs(r: Reader, node: Node, name: str, facts: Facts) -> tuple[str, ...]:
    """The ids listed, each one the id of a fact in the list it names (else an error)."""
    fact_list = COLLECTION_REFS[name]
    known = [fact.id for fact in getattr(facts, fact_list)]
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
        ids.append(ident)
    return tuple(ids)
