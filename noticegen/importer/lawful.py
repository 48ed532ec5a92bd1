"""Legal references in a notice's wording: UK GDPR articles, DPA 2018 provisions, Acts."""

from __future__ import annotations

import re

from noticegen.importer import clean

ART6 = re.compile(r"(?<![\d.])6\s*\(?\s*1\s*\)?\s*\(\s*([a-f])\s*\)", re.I)
ART9 = re.compile(r"(?<![\d.])9\s*\(?\s*2\s*\)?\s*\(\s*([a-j])\s*\)", re.I)
ART10 = re.compile(r"\b(?:Article|Art\.?)\s*10\b(?!\s*\()", re.I)
GDPR = re.compile(r"\b(?:Article|Art\.?|GDPR)\b", re.I)
DPA = re.compile(r"\bDPA\s*2018\b|\bData Protection Act\s*2018\b", re.I)
SECTION = re.compile(r"\b(?:Section|s\.)\s*(\d+)((?:\s*\(\s*\w{1,4}\s*\))*)", re.I)
SCHEDULE = re.compile(
    r"\b(?:Schedule|Sch\.?)\s*(\d+)\s*,?\s*(?:(?:Part|Pt\.?)\s*(\d+)\s*,?\s*)?(?:Paragraph|para\.?)\s*(\d+)",
    re.I,
)
LAW_WORD = re.compile(r"\b(?:Act|Regulations?|Order|Rules|Measure|Directive)\b")
YEAR = re.compile(r"\b(1[2-9]\d\d|20\d\d)\b")
BASIS_NAMES = {
    "6(1)(a)": "consent",
    "6(1)(b)": "contract",
    "6(1)(c)": "legal-obligation",
    "6(1)(d)": "vital-interests",
    "6(1)(e)": "public-task",
    "6(1)(f)": "legitimate-interests",
}


def basis_refs(text: str) -> list[str]:
    """The legal references a lawful-basis sentence relies on, in the notice format's forms."""
    text = clean.squash(text)
    found: list[tuple[int, str]] = []
    if GDPR.search(text):
        found += [(m.start(), f"6(1)({m.group(1).lower()})") for m in ART6.finditer(text)]
        found += [(m.start(), f"9(2)({m.group(1).lower()})") for m in ART9.finditer(text)]
        found += [(m.start(), "10") for m in ART10.finditer(text)]
    if DPA.search(text):
        for m in SECTION.finditer(text):
            subsections = "".join(m.group(2).split())
            found.append((m.start(), f"DPA 2018 s.{m.group(1)}{subsections}"))
        for m in SCHEDULE.finditer(text):
            part = f" Pt.{m.group(2)}" if m.group(2) else ""
            found.append((m.start(), f"DPA 2018 Sch.{m.group(1)}{part} para.{m.group(3)}"))
    out: list[str] = []
    for _, ref in sorted(found):
        if ref not in out:
            out.append(ref)
    return out


def basis_name(refs: list[str], text: str) -> str:
    """A readable id for a lawful basis: what it is, not where it is."""
    if len(refs) == 1 and refs[0] in BASIS_NAMES:
        return BASIS_NAMES[refs[0]]
    if any(r.startswith("9(") for r in refs):
        return "special-category-conditions"
    schedules = [r for r in refs if " Sch." in r]
    if schedules:
        return f"dpa-schedule-{schedules[0].split('Sch.')[1].split()[0]}-conditions"
    if any(r.startswith("DPA 2018 s.8") for r in refs):
        return "dpa-function"
    if "10" in refs:
        return "criminal-offence-data"
    return clean.slug(text) or "lawful-basis"


def is_law(text: str) -> bool:
    """ "The Children Act 2004", "… Regulations 2012": the title of a piece of legislation."""
    return bool(LAW_WORD.search(text)) and (bool(YEAR.search(text)) or len(text.split()) <= 10)


def law_year(text: str) -> str | None:
    match = YEAR.search(text)
    return match.group(1) if match else None
