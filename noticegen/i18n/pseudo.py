"""A pseudo-translation for tests: every translated string is visibly transformed.

Any plain English left in a pseudo-translated build is a string that was hard-coded or
missed by extraction (Sphinx's tests use the same trick).
"""

from __future__ import annotations

import re

ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Spans that must survive unchanged: placeholders, format specs, link targets, addresses.
PROTECTED = re.compile(
    r"\{[a-z0-9-]+\.[a-z_]+\}|%\([a-z_]+\)[sd]|%%|\]\([^)]*\)"
    r"|https?://[^\s<>()\"]+|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ]{6,}\d"
)


def pseudo(text: str) -> str:
    """'Who we are' -> '⟦Ŵĥö ŵé åŕé⟧', keeping placeholders, links and addresses intact."""
    parts, position = [], 0
    for match in PROTECTED.finditer(text):
        parts.append(text[position : match.start()].translate(ACCENTS))
        parts.append(match.group(0))
        position = match.end()
    parts.append(text[position:].translate(ACCENTS))
    return "⟦" + "".join(parts) + "⟧"


def write_pseudo_catalogs(root, lang: str) -> None:
    """Catalogs for `lang` with every message pseudo-translated (for tests)."""
    from noticegen.i18n.catalogs import dump, po_path
    from noticegen.i18n.workflow import init

    init(root, lang)
    for domain in ("notices", "interface"):
        from noticegen.i18n.catalogs import load

        path = po_path(root, lang, domain)
        catalog = load(path, lang)
        for message in catalog:
            if message.msgid_plural:
                forms = {0: message.msgid, 1: message.msgid_plural}
                message.msgstr_plural = {
                    i: pseudo(forms.get(i, message.msgid_plural)) for i in message.msgstr_plural
                }
            elif message.msgid:
                message.msgstr = pseudo(message.msgid)
        path.write_bytes(dump(catalog))
