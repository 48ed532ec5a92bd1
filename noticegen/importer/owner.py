"""Who the notice belongs to: the data controller(s), their ICO registration, and the DPO.

Read from the document's own words ("X is the data controller", "The data controller is X",
"We, X, are the data controller", "X is registered as a controller with the Information
Commissioner's Office (registration number Z…)", "Our Data Protection Officer is Y … email").
What is not found is written to confirm, never filled in with the site's organisation or DPO:
a notice imported from another body's document must not name the site's organisation.
"""

from __future__ import annotations

import re

from noticegen.grammar import LINK
from noticegen.importer import clean
from noticegen.importer.contacts import EMAIL, PHONE, phone_value
from noticegen.importer.model import Report, Section, walk
from noticegen.importer.site import SiteInfo

WORD = r"(?:[A-Z][\w’'&.-]*|\([A-Z][\w&]*\))"
JOIN = r"(?:of|for|and|the|on|in|&)"
NAME = rf"{WORD}(?:,?\s+(?:{JOIN}\s+)*{WORD})*"
ROLE = r"(?:the\s+|a\s+|an\s+)?(?:registered\s+as\s+(?:a|the)\s+)?(?:joint\s+)?(?:data\s+)?controllers?\b"
AFTER = [  # the name comes after these words
    re.compile(rf"(?i:\b(?:data\s+)?controller\s+(?:is|will\s+be)\s+(?:the\s+)?)(?P<name>{NAME})"),
    re.compile(rf"\bData Controller,\s+(?P<name>{NAME})"),
    re.compile(rf"\bWe,\s+(?P<name>{NAME}),\s+are\b"),
]
BEFORE = re.compile(rf"\s+(?P<verb>is|are)\s+{ROLE}", re.I)  # the name ends where these words start
ICO = re.compile(r"\b(Z[A-Z]?\d{6,7})\b")
DPO = re.compile(r"\bData Protection Officer\b", re.I)
DPO_NAME = re.compile(r"\bData Protection Officer\s+is\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})")
TRIM = re.compile(rf"^(?:(?:{JOIN})\s+)+|(?:,?\s+(?:{JOIN}))+$", re.I)
NOT_A_NAME = {"We", "Our", "The", "This", "It", "They", "You", "I", "He", "She"}
GENERIC = {"Council", "Trust", "Authority", "Department", "School", "Academy", "Service", "Agency", "Company"}
UNKNOWN = "Data controller to be confirmed"
ORG = re.compile(r"\b(?:[A-Z][\w’'&-]*\s+){1,5}(?:Council|Trust|Authority|Agency|Department)\b")


def _texts(sections: list[Section]) -> list[tuple[int, str]]:
    out = []
    for section in sections:
        for block in section.blocks:
            out += [(block.index, block.text)] if block.text else []
            out += [(i.index, t) for i in walk(block.items) for t in (i.text, *i.more)]
            out += [(block.index, f"{k}: {v}") for k, v in block.details]
    return [(index, LINK.sub(r"\1", text)) for index, text in out]


def _before(text: str, end: int) -> str | None:
    """The capitalised name that ends at `end`: "Central Bedfordshire Council" (is the …)."""
    words = text[:end].split()
    taken: list[str] = []
    for word in reversed(words):
        if re.fullmatch(WORD + ",?", word) or (taken and re.fullmatch(JOIN, word)):
            taken.insert(0, word)
        else:
            break
    while taken and taken[0].strip(",") in NOT_A_NAME:
        taken.pop(0)
    name = TRIM.sub("", " ".join(taken)).strip(" ,")
    return name or None


def controllers_in(text: str) -> list[str]:
    names = [m.group("name") for p in AFTER for m in p.finditer(text)]
    for match in BEFORE.finditer(text):
        name = _before(text, match.start()) or ""
        joint = match.group("verb").lower() == "are" and " and " in name
        names += re.split(r",\s+|\s+and\s+", name) if joint else [name]
    out = []
    for name in names:
        name = TRIM.sub("", name).strip(" ,")
        generic = name in NOT_A_NAME or name in GENERIC
        if name and not generic and not name.lower().startswith(("data controller", "controller")):
            out.append(name)
    return out


def find(title: str, sections: list[Section], site: SiteInfo, report: Report) -> dict:
    """The notice's `controllers:`, `joint_arrangement:` and `dpo:` keys, as the writer writes them."""
    texts = _texts(sections)
    found: dict[str, dict] = {}
    ids = clean.Ids(["org", "dpo", "controller"])
    for index, text in texts:
        for name in controllers_in(text):
            if name not in found and not any(name in other for other in found):
                found[name] = {"id": ids(name, "data-controller"), "name": name}
                report.add(index, text, f"controller '{name}' (the document says so)", "guess")
            ico = ICO.search(text) if "regist" in text.lower() else None
            if ico and "ico_registration" not in found[name]:
                found[name]["ico_registration"] = ico.group(1)
                report.add(index, text, f"ICO registration number {ico.group(1)} of '{name}'", "guess")
    controllers = list(found.values())
    own = [c for c in controllers if c["name"] == site.org_name]
    out: dict = {}
    if controllers and len(own) == len(controllers):
        report.add(
            0,
            "",
            f"the document names {site.org_name} as the controller: site.yaml's details are used",
            "info",
        )
        return out
    if not controllers:
        why = "the Word document does not say who the data controller is: write the organisation's name"
        named = ORG.search(title)
        if named:
            why += f" ('{named.group(0)}' is taken from the title)"
        value = named.group(0) if named else UNKNOWN
        controllers = [{"id": "data-controller", "name": {"value": value, "to_confirm": why}}]
        report.add(0, "", f"{why} under 'controllers:' (it is not taken to be {site.org_name})")
    out["controllers"] = controllers
    if len(controllers) > 1:
        why = "the document names more than one controller: say how they share their duties (Article 26)"
        out["joint_arrangement"] = {"value": "To be written.", "to_confirm": why}
        report.add(0, "", why)
    out["dpo"] = _dpo(texts, report)
    return out


def _dpo(texts: list[tuple[int, str]], report: Report) -> dict:
    dpo: dict = {}
    for index, text in texts:
        if not DPO.search(text):
            continue
        named = DPO_NAME.search(text)
        if named and "name" not in dpo:
            dpo["name"] = named.group("name")
        email = EMAIL.search(text)
        phone = next((v for m in PHONE.finditer(text) if (v := phone_value(m.group(0)))), None)
        if email and "email" not in dpo:
            dpo["email"] = email.group(0)
        if phone and "phone" not in dpo:
            dpo["phone"] = phone
        if email or phone or named:
            report.add(index, text, "the notice's own Data Protection Officer: " + _show(dpo), "guess")
    dpo = {"name": dpo.pop("name", "Data Protection Officer"), **dpo}
    if not any(k in dpo for k in ("email", "phone")):
        why = "the Word document does not say how to reach the Data Protection Officer: write their email or phone"
        dpo["address"] = {"value": "To be confirmed", "to_confirm": why}
        report.add(0, "", f"{why} under 'dpo:' (or remove 'dpo:' to use site.yaml's)")
    return dpo


def _show(dpo: dict) -> str:
    return ", ".join(str(v) for v in dpo.values())
