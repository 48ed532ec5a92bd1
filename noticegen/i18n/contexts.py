"""The gettext context (msgctxt) of each notice text: its stable id, not where it sits.

A block's text is keyed by the notice and the block's id ("supporting-families/block/
data-controller"), and a list item or table cell below it by the block's path, so a paragraph
moved to another section keeps its context, and with it its translations. Section titles, facts,
contacts and the site's texts are keyed by their own ids, as before.

Catalogs written before this rule keyed a block by its section too
("supporting-families/section/who-we-are/data-controller"): `current` turns such a context
into today's, and every catalog read is brought up to date that way, so no translation is lost.
"""

from __future__ import annotations

from noticegen.model import current_key


def current(context: str | None) -> str | None:
    """A context as this version of noticegen writes it (legacy section paths rewritten)."""
    return None if context is None else current_key(context)


def bring_up_to_date(catalog):
    """The catalog (polib) with every legacy context rewritten, in place; translations kept."""
    live = [entry for entry in catalog if not entry.obsolete]
    present = {(entry.msgid, entry.msgctxt) for entry in live}
    for entry in live:
        if entry.previous_msgctxt:
            entry.previous_msgctxt = current(entry.previous_msgctxt)
        new = current(entry.msgctxt)
        if new == entry.msgctxt:
            continue
        if (entry.msgid, new) in present:
            catalog.remove(entry)  # the same text under its new context already (a catalog half migrated)
        else:
            entry.msgctxt = new
            present.add((entry.msgid, new))
    return catalog
