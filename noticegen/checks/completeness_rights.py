"""Completeness, part 2: how long data is kept, people's rights, the complaint route, whether
they must give the data, where it comes from, and automated decisions (UK GDPR Articles
13(2) and 14(2)). Part 1 is completeness.py.
"""

from __future__ import annotations

import re

from noticegen.checks.completeness import art6
from noticegen.checks.core import Context, Hit, rule
from noticegen.walk import all_items, item_texts

PERIOD = re.compile(
    r"\d|\b(?:days?|weeks?|months?|years?|until|retention (?:schedule|policy|period)s?"
    r"|records management polic(?:y|ies)|criteria)\b",
    re.IGNORECASE,
)
REQUIREMENT = re.compile(
    r"statutory (?:or contractual )?requirement|contractual requirement|required by law"
    r"|(?:legal|statutory) (?:duty|obligation) to (?:give|provide|tell)"
    r"|you (?:do not|don't|don’t) have to (?:give|provide|tell|share)"
    r"|(?:if|when) you (?:do not|don't|don’t|choose not to) (?:give|provide|tell|share)"
    r"|obliged to (?:give|provide)|must (?:give|provide) (?:us )?(?:with )?(?:this|your|the)",
    re.IGNORECASE,
)
RETENTION_HEAD = re.compile(r"retention|retain|how long|kept|keep|period", re.IGNORECASE)
ICO_CONTACT = re.compile(r"ico\.org\.uk|0303 123 1113", re.IGNORECASE)
RIGHT_WORDS = {
    "access": r"\baccess\b",
    "rectification": r"\brectif|\bcorrect",
    "erasure": r"\beras(?:e|ed|ure)\b|\bdelet",
    "restriction": r"\brestrict",
    "objection": r"\bobject\b",
    "portability": r"\bportab",
    "withdraw-consent": r"\bwithdraw",
    "complain": r"\bcomplain",
}
RIGHT_NAMES = {
    "access": "the right of access (Article 15)",
    "rectification": "the right to rectification (Article 16)",
    "erasure": "the right to erasure (Article 17)",
    "restriction": "the right to restriction of processing (Article 18)",
    "portability": "the right to data portability (Article 20)",
    "objection": "the right to object (Article 21)",
}


# How a right is named in running text ("you can ask for a copy…, correct it, or object").
RIGHT_PROSE = {  # asking for it, or the right by name: "the data is deleted after 7 years" is not a right
    "access": r"\bask (?:us )?for (?:a )?cop(?:y|ies)\b|\bsubject access\b|\bright (?:of|to) access\b"
    r"|\baccess (?:to )?(?:your|the) (?:personal )?(?:information|data)\b",
    "rectification": r"\brectif|\bcorrect(?:ed)? (?:it|them|your|any|inaccura|mistakes)"
    r"|\b(?:ask us to|to have|have (?:it|them)) correct",
    "erasure": r"\beras(?:e|ure)\b|\bright to be forgotten\b"
    r"|\b(?:ask (?:us )?to|right to|request (?:that )?we|have (?:it|them|your \w+)) (?:be )?delet",
    "restriction": r"\brestrict(?:ion)? (?:of\b|how|the|our|processing|your)|\blimit (?:how|the way|what)\b",
    "objection": r"\bobject (?:to|if|at)\b|\bright to object\b|\bobjection\b",
    "portability": r"\bportab|\bmachine[- ]readable\b",
    "withdraw-consent": r"\bwithdraw(?:ing)? (?:your |their )?consent\b",
}  # complaints to the Commissioner: complain_ico reads the text itself


def _has_right(ctx: Context, kind: str) -> bool:
    """Listed with `right: <kind>`, named in the words of a listed right (or its sub-items), or
    named in the notice's running text."""
    words = re.compile(RIGHT_WORDS[kind], re.IGNORECASE)
    for right in all_items(ctx.notice.facts.rights):
        text = " ".join(t.value for t in (right.title, *item_texts(right)) if t is not None)
        if right.kind == kind or words.search(text):
            return True
    prose = RIGHT_PROSE.get(kind)
    return bool(prose and re.search(prose, ctx.plain(), re.IGNORECASE))


@rule(
    "retention",
    "error",
    "UK GDPR Art. 13(2)(a), 14(2)(a)",
    "The notice says how long data is kept, as a period or the criteria used to set it.",
)
def retention(ctx: Context):
    items = list(all_items(ctx.notice.facts.retention))
    if not items and _retention_table(ctx):
        return
    if not items:
        yield Hit(
            ctx.anchor("facts/retention", "facts"),
            "the notice does not say how long data is kept: "
            "add the periods, or the criteria used to set them, under 'facts: retention:'",
            "facts/retention",
        )
        return
    if any(PERIOD.search(t.value) for item in items for t in item_texts(item)):
        return
    for item in items:
        yield Hit(
            item.loc,
            f"retention '{item.id}' gives no period and no criteria ('no longer than "
            "necessary' is not enough): say how long, such as '6 years after the case is closed', "
            "or how the period is decided",
            f"facts/retention/{item.id}",
        )


def _retention_table(ctx: Context) -> bool:
    """A table (or label/value lines) of the body that gives how long data is kept."""
    for section in ctx.notice.sections:
        for block in section.blocks:
            lines = block.details if block.kind == "details" else ()  # "Retention period: 6 years"
            if any(RETENTION_HEAD.search(d.label.value) and PERIOD.search(d.value.value) for d in lines):
                return True
            if block.kind != "table":
                continue
            heads = " ".join(t.value for t in (block.caption, *block.header) if t is not None)
            cells = " ".join(c.value for row in block.rows for c in row)
            if RETENTION_HEAD.search(heads) and PERIOD.search(cells):
                return True
    return False


@rule(
    "rights",
    "error",
    "UK GDPR Art. 13(2)(b), 14(2)(c); Art. 15-18, 20, 21",
    "The notice lists each right that applies: access, rectification, erasure, restriction, "
    "objection (public task or legitimate interests) and portability (consent or contract).",
)
def rights(ctx: Context):
    letters = art6(ctx)
    consent = any(r == "9(2)(a)" for b in ctx.notice.facts.lawful_bases for r in b.basis)
    needed = ["access", "rectification", "erasure", "restriction"]
    if not letters or letters & {"e", "f"}:
        needed.append("objection")
    if not letters or letters & {"a", "b"} or consent:
        needed.append("portability")
    where = ctx.anchor("facts/rights", "facts")
    for kind in needed:
        if not _has_right(ctx, kind):
            yield Hit(
                where,
                f"the notice does not mention {RIGHT_NAMES[kind]}: add it under "
                f"'facts: rights:' with 'right: {kind}'",
                "facts/rights",
            )


@rule(
    "withdraw-consent",
    "error",
    "UK GDPR Art. 13(2)(c), 14(2)(d)",
    "When consent is a lawful basis, the notice says it can be withdrawn at any time.",
)
def withdraw_consent(ctx: Context):
    refs = {r for b in ctx.notice.facts.lawful_bases for r in b.basis}
    if refs & {"6(1)(a)", "9(2)(a)"} and not _has_right(ctx, "withdraw-consent"):
        yield Hit(
            ctx.anchor("facts/rights", "facts"),
            "the notice relies on consent but does not say that "
            "people can withdraw it at any time: add that right under 'facts: rights:' with "
            "'right: withdraw-consent'",
            "facts/rights",
        )


@rule(
    "complain-ico",
    "error",
    "UK GDPR Art. 13(2)(d), 14(2)(e)",
    "The notice gives the right to complain to the Information Commissioner, with contact details.",
)
def complain_ico(ctx: Context):
    plain = ctx.plain()
    said = _has_right(ctx, "complain") or re.search(
        r"(?:complain|concern)[^.]*Information Commissioner|Information Commissioner[^.]*(?:complain|concern)",
        plain,
        re.IGNORECASE,
    )
    if not said:
        yield Hit(
            ctx.anchor("facts/rights", "facts"),
            "the notice does not say that people can complain to "
            "the Information Commissioner: add that right under 'facts: rights:' with "
            "'right: complain'",
            "facts/rights",
        )
    hrefs = " ".join(run.href or "" for p in ctx.pieces for run in p.runs)
    if not ICO_CONTACT.search(plain) and not ICO_CONTACT.search(hrefs):
        yield Hit(
            ctx.anchor("sections"),
            "the notice does not give the Information Commissioner's contact "
            "details: add a link to ico.org.uk, for example as a contact in site.yaml",
        )


@rule(
    "statutory-requirement",
    "error",
    "UK GDPR Art. 13(2)(e)",
    "For data collected from the person: whether they must give it, and what happens if they do not.",
)
def statutory_requirement(ctx: Context):
    if not REQUIREMENT.search(ctx.plain()):
        yield Hit(
            ctx.anchor("sections"),
            "the notice does not say whether people must give their data (a "
            "legal or contract requirement) or what happens if they do not: say so (if all the data "
            "comes from other organisations, silence this check with that reason)",
        )


@rule(
    "sources",
    "error",
    "UK GDPR Art. 14(2)(f)",
    "When data comes from other organisations, the notice says where it comes from.",
)
def sources(ctx: Context):
    if not ctx.notice.facts.sources:
        yield Hit(
            ctx.anchor("facts/sources", "facts"),
            "the notice does not say where the data comes from: "
            "list the sources under 'facts: sources:' (if all of it comes from the person, silence "
            "this check with that reason)",
            "facts/sources",
        )


@rule(
    "automated-decisions",
    "error",
    "UK GDPR Art. 13(2)(f), 14(2)(g); Art. 22A-22D",
    "The notice says whether decisions are made by automated means: what they are, or none.",
)
def automated_decisions(ctx: Context):
    if ctx.notice.facts.automated_decisions is not None:
        return
    message = (
        "the notice does not say whether decisions about people are made by automated means: add "
        "'automated_decisions:' under 'facts:', with 'none' or what the decisions are"
    )
    listed = [r for r in ctx.notice.facts.rights if r.kind == "automated-decisions"]
    if listed:
        message += f" (it lists a right about automated decisions, line {listed[0].loc.line})"
    yield Hit(ctx.anchor("facts/automated_decisions", "facts"), message, "facts/automated_decisions")
