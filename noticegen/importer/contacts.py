"""Email addresses and phone numbers become contacts, and the text shows them by placeholder.

A contact is named from the words before its details: the capitalised name that starts the
line ("School Support Services at the following email address: …"), a "contact Library
Services" phrase, or the line ending with ":" just before ("… Officer can be contacted at:").
Details already in site.yaml (the DPO, shared contacts) use that contact instead.
"""

from __future__ import annotations

import re

from noticegen.grammar import LINK
from noticegen.importer import clean
from noticegen.importer.model import Report, Section, walk
from noticegen.importer.site import SiteInfo

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0)\d{2,4}(?:[ -]?\d{2,4}){1,3}(?![\w])")
WORD = r"(?:[A-Z][\w’'&.-]*|&)"
NAME = re.compile(rf"^({WORD}(?:\s+(?:{WORD}|of|for|and|the|in))*)")
CONTACT = re.compile(rf"\b(?i:contact)(?:ing)?\s+(?:the\s+|our\s+)?({WORD}(?:\s+(?:{WORD}|of|for|and|&))*)")
GENERIC = {
    "please", "you", "or", "call", "contact", "email", "e-mail", "telephone", "tel", "phone", "if",
    "to", "for", "we", "our", "this", "alternatively", "write", "details", "further",
    "more", "information", "and", "by", "in", "a", "an", "mobile", "text", "fax",
}  # fmt: skip


def phone_value(raw: str) -> str | None:
    digits = re.sub(r"\D", "", raw.replace("(0)", ""))
    ok = (digits.startswith("0") and len(digits) in (10, 11)) or (
        digits.startswith("44") and len(digits) == 12
    )
    return " ".join(raw.replace("(0)", "").replace("-", " ").split()) if ok else None


class Contacts:
    def __init__(self, site: SiteInfo, report: Report, owners: dict | None = None) -> None:
        self.site, self.report = site, report
        self.made: list[dict] = []
        owners = owners or {}
        controllers = [c["id"] for c in owners.get("controllers", [])]
        self.ids = clean.Ids([c.id for c in site.contacts] + ["org", "dpo", "controller", *controllers])
        self.known: dict[str, str] = {}  # an email or phone -> the contact id
        for contact in site.contacts:
            for value in (contact.email, contact.phone):
                if value:
                    self.known[_key(value)] = contact.id
        dpo = owners.get("dpo", {})
        for value in dpo.get("email"), dpo.get("phone"):
            if isinstance(value, str):
                self.known[_key(value)] = "dpo"  # the notice's own DPO

    def run(self, sections: list[Section]) -> list[dict]:
        for section in sections:
            if section.shared:
                continue
            previous = ""
            for block in section.blocks:
                if block.kind == "paragraph":
                    block.text = self._text(block.text, previous, block.index)
                    previous = block.text
                elif block.kind in ("list", "numbered"):
                    for item in walk(block.items):
                        item.text = self._text(item.text, previous, item.index)
                        item.more = [self._text(t, item.text, item.index) for t in item.more]
                elif block.kind == "table":
                    block.rows = [[self._text(c, "", block.index) for c in row] for row in block.rows]
                else:
                    previous = ""
        return self.made

    def _text(self, text: str, previous: str, index: int) -> str:
        text = self._org(text)
        found = [(m, "email", m.group(0)) for m in _outside_links(EMAIL, text)]
        found += [(m, "phone", v) for m in _outside_links(PHONE, text) if (v := phone_value(m.group(0)))]
        if not found:
            return text
        found.sort(key=lambda f: f[0].start())
        mine: dict | None = None
        out, last = [], 0
        for match, kind, value in found:
            ident = self.known.get(_key(value))
            if ident is None:
                if mine is None or kind in mine:
                    mine = self._new(text[: match.start()], previous, value, index)
                mine[kind] = value
                ident = self.known[_key(value)] = mine["id"]
            out += [text[last : match.start()], f"{{{ident}.{kind}}}"]
            last = match.end()
        text = "".join(out) + text[last:]
        return self._name(text)

    def _new(self, before: str, previous: str, value: str, index: int) -> dict:
        name = _name_in(before) or (_name_in(previous + "\n") if previous.rstrip().endswith(":") else None)
        contact: dict = {"id": self.ids(name or value.split("@")[0], "contact")}
        if name:
            contact["name"] = name
            self.report.add(index, before, f"contact '{contact['id']}' named '{name}'", "guess")
        else:
            self.report.add(
                index, before + value, f"contact '{contact['id']}' has no name: add 'name:' to it"
            )
        self.made.append(contact)
        return contact

    def _name(self, text: str) -> str:
        """The contact's name at the start of a line, when its details follow, as {id.name}."""
        lines = text.split("\n")
        for at, line in enumerate(lines):
            for contact in [
                *self.made,
                *({"id": c.id, "name": c.name.value} for c in self.site.contacts if c.name),
            ]:
                name = contact.get("name")
                if name and line.startswith(name) and f"{{{contact['id']}." in text:
                    lines[at] = f"{{{contact['id']}.name}}" + line[len(name) :]
                    break
        return "\n".join(lines)

    def _org(self, text: str) -> str:
        for value, field in ((self.site.org_name, "name"), (self.site.ico_registration, "ico_registration")):
            if value and value in text:
                text = _replace_outside_links(text, value, f"{{org.{field}}}")
        return text


def _key(value: str) -> str:
    return value.lower() if "@" in value else re.sub(r"\D", "", value)


def _outside_links(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    spans = [m.span() for m in LINK.finditer(text)]
    return [m for m in pattern.finditer(text) if not any(a <= m.start() < b for a, b in spans)]


def _replace_outside_links(text: str, old: str, new: str) -> str:
    out, last = [], 0
    for match in LINK.finditer(text):
        out += [text[last : match.start()].replace(old, new), match.group(0)]
        last = match.end()
    return "".join(out) + text[last:].replace(old, new)


def _name_in(text: str) -> str | None:
    """A name in the words before an email or phone: on their line, else on the line before ":"."""
    lines = [line.strip() for line in text.split("\n")]
    candidates = [lines[-1]] + [line for line in lines[:-1] if line.endswith(":")][-1:]
    for line in candidates:
        for match in (CONTACT.search(line), NAME.match(line)):
            words = match.group(1).split() if match else []
            while words and words[-1].lower() in ("of", "for", "and", "the", "in", "&"):
                words.pop()
            real = [w for w in words if w.lower().rstrip(":") not in GENERIC and w.lower() != "the"]
            if words and words[0].lower().rstrip(":") not in GENERIC and real and len(" ".join(words)) >= 3:
                return " ".join(words)
    return None
