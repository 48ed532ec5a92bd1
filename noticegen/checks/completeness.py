"""Completeness, part 1: who the controller is, why and on what basis, what data, who gets it, and
whether it leaves the UK (UK GDPR Articles 13(1) and 14(1)). Part 2 is completeness_rights.py.

One rule per item of shared/docs/requirements-from-law-and-guidance.md, with its paragraph.
An "if applicable" item (transfers, automated decisions) needs an explicit answer in the
source: leaving it out is reported, never read as "none".
"""

from __future__ import annotations

import re

from noticegen.checks.core import Context, Hit, rule
from noticegen.model import Item, LawfulBasis

ART6 = re.compile(r"^6\(1\)\(([a-f])\)$")
ART9 = re.compile(r"^9\(2\)\([a-j]\)$")
CRIMINAL = re.compile(r"^(?:10|DPA 2018 .*(?:sch|s\.\s*10\b).*)$", re.IGNORECASE)
ORG_DETAIL = re.compile(r"\{(?:org|controller)\.(?:address|website|email|phone)\}")
DPO_WORDS = re.compile(r"\bdata protection officer\b|\bDPO\b", re.IGNORECASE)
SAFEGUARDS = re.compile(
    r"safeguard|adequa|contract|IDTA|international data transfer|addendum|binding corporate"
    r"|Article 4[569]|derogation",
    re.IGNORECASE,
)


def _said(ctx: Context) -> str:
    """What the notice's own text says: not the names of its contacts, controllers and processors."""
    return "\n".join(p.plain for p in ctx.pieces if not p.path.startswith(OWN_DETAILS))


OWN_DETAILS = ("contacts/", "controllers/", "processors/")


def art6(ctx: Context) -> set[str]:
    """The Article 6(1) letters the notice relies on, e.g. {'c', 'e'}."""
    return {m.group(1) for b in ctx.notice.facts.lawful_bases for ref in b.basis if (m := ART6.match(ref))}


def _covers(basis: LawfulBasis, category: Item) -> bool:
    return not basis.applies_to or category.id in basis.applies_to


@rule(
    "controller",
    "error",
    "UK GDPR Art. 13(1)(a), 14(1)(a)",
    "The notice names the organisation responsible for the data and says how to contact it.",
)
def controller(ctx: Context):
    responsible = ctx.notice.responsible(ctx.site)
    body = _said(ctx).casefold()
    if not any(c.name.value.casefold() in body for c in responsible):
        example = "{controller.name}" if ctx.notice.controllers else "{org.name}"
        yield Hit(
            ctx.anchor("sections"),
            "the notice never names the organisation responsible for the "
            f"data (the controller): name it, for example with {example}",
        )
    if any(c.address or c.email or c.phone or c.website for c in ctx.notice.controllers):
        return  # the notice's own controller, with the details its Contact us part shows
    dpo = ctx.notice.dpo_of(ctx.site)
    own = {f"mailto:{dpo.email}", f"tel:{(dpo.phone or '').replace(' ', '')}", dpo.url}
    for piece in ctx.pieces:
        if ORG_DETAIL.search(piece.text.value):
            return
        for run in piece.runs:
            if (
                run.href
                and run.href not in own
                and not re.search(r"ico\.org\.uk|legislation\.gov\.uk", run.href)
            ):
                return
    if any(b.kind == "contact" and b.ref not in ("dpo",) for s in ctx.notice.sections for b in s.blocks):
        return
    yield Hit(
        ctx.anchor("sections"),
        "the notice gives no way to contact the organisation: add its "
        "address, website, email or phone number, for example with {org.address}",
    )


@rule(
    "dpo-contact",
    "error",
    "UK GDPR Art. 13(1)(b), 14(1)(b)",
    "The notice gives the contact details of the Data Protection Officer.",
)
def dpo_contact(ctx: Context):
    dpo = ctx.notice.dpo_of(ctx.site)
    plain = ctx.plain()
    if re.search(r"\{dpo\.(?:email|phone|url|link|address)\}", "\n".join(p.text.value for p in ctx.pieces)):
        return
    if any(b.kind == "contact" and b.ref == "dpo" for s in ctx.notice.sections for b in s.blocks):
        return
    if (dpo.email and dpo.email in plain) or (dpo.phone and dpo.phone in plain):
        return
    # Named in the text ("our Data Protection Officer, see Contact us"): the Contact us part of
    # every format gives the notice's DPO's details.
    said = _said(ctx)
    named = DPO_WORDS.search(said) or (dpo.name and dpo.name.value.casefold() in said.casefold())
    if named and (dpo.email or dpo.phone or dpo.url or dpo.address):
        return
    yield Hit(
        ctx.anchor("sections"),
        "the notice does not give the Data Protection Officer's contact "
        "details: add them, for example 'Contact {dpo.name} at {dpo.email}'",
    )


@rule(
    "lawful-basis",
    "error",
    "UK GDPR Art. 13(1)(c), 14(1)(c); Art. 6(1)",
    "Every category of data is covered by an Article 6(1) lawful basis.",
)
def lawful_basis(ctx: Context):
    facts = ctx.notice.facts
    where = ctx.anchor("facts/lawful_bases", "facts")
    if not facts.lawful_bases:
        yield Hit(
            where,
            "the notice gives no lawful basis for using the data: add them under 'facts: lawful_bases:'",
            "facts/lawful_bases",
        )
        return
    general = [b for b in facts.lawful_bases if any(ART6.match(ref) for ref in b.basis)]
    if not general:
        yield Hit(
            where,
            "none of the lawful bases is an Article 6(1) basis, such as 6(1)(e): add the "
            "one the council relies on",
            "facts/lawful_bases",
        )
    else:
        for category in facts.categories:
            if not any(_covers(b, category) for b in general):
                yield Hit(
                    category.loc,
                    f"category '{category.id}' is not covered by any Article 6(1) "
                    "lawful basis: add it to the 'applies_to' of one",
                    f"facts/categories/{category.id}",
                )
    known = {c.id for c in facts.categories}
    for basis in facts.lawful_bases:
        for ident in basis.applies_to:
            if ident not in known:
                yield Hit(
                    basis.loc,
                    f"lawful basis '{basis.id}' applies to '{ident}', which is not a "
                    "category of the notice: fix the id",
                    f"facts/lawful_bases/{basis.id}",
                )


@rule(
    "special-category-condition",
    "error",
    "UK GDPR Art. 9(2); Art. 13(1)(c), 14(1)(c)",
    "Every special category of data has an Article 9(2) condition.",
)
def special_category(ctx: Context):
    facts = ctx.notice.facts
    for category in (c for c in facts.categories if c.special):
        if not any(_covers(b, category) and any(ART9.match(r) for r in b.basis) for b in facts.lawful_bases):
            yield Hit(
                category.loc,
                f"category '{category.id}' is special category data but no lawful basis "
                "gives an Article 9(2) condition for it: add one, such as 9(2)(g), that applies to it",
                f"facts/categories/{category.id}",
            )


@rule(
    "criminal-offence-basis",
    "error",
    "UK GDPR Art. 10; DPA 2018 s.10(5) and Sch. 1",
    "Every category of criminal offence data has an Article 10 / DPA 2018 Schedule 1 basis.",
)
def criminal_offence(ctx: Context):
    facts = ctx.notice.facts
    for category in (c for c in facts.categories if c.criminal):
        if not any(
            _covers(b, category) and any(CRIMINAL.match(r) for r in b.basis) for b in facts.lawful_bases
        ):
            yield Hit(
                category.loc,
                f"category '{category.id}' is criminal offence data but no lawful basis "
                "gives an Article 10 or DPA 2018 Schedule 1 condition for it: add one that applies to it",
                f"facts/categories/{category.id}",
            )


@rule(
    "legitimate-interests",
    "error",
    "UK GDPR Art. 13(1)(d), 14(2)(b)",
    "A lawful basis of legitimate interests (6(1)(f)) says what the interests are.",
)
def legitimate_interests(ctx: Context):
    for basis in ctx.notice.facts.lawful_bases:
        if "6(1)(f)" in basis.basis and "legitimate interest" not in basis.text.value.casefold():
            yield Hit(
                basis.loc,
                f"lawful basis '{basis.id}' relies on legitimate interests (Article 6(1)(f)) "
                "but does not say what the interests are: describe them in its text",
                f"facts/lawful_bases/{basis.id}",
            )


@rule(
    "categories",
    "error",
    "UK GDPR Art. 14(1)(d)",
    "When data comes from other organisations, the notice lists the categories of data.",
)
def categories(ctx: Context):
    facts = ctx.notice.facts
    if facts.sources and not facts.categories:
        yield Hit(
            ctx.anchor("facts/categories", "facts"),
            "the notice gets data from other organisations "
            "but does not list the categories of data: add them under 'facts: categories:'",
            "facts/categories",
        )


@rule(
    "recipients", "error", "UK GDPR Art. 13(1)(e), 14(1)(e)", "The notice says who the data is shared with."
)
def recipients(ctx: Context):
    if not ctx.notice.facts.recipients:
        yield Hit(
            ctx.anchor("facts/recipients", "facts"),
            "the notice does not say who the data is shared "
            "with: list the recipients under 'facts: recipients:' (if it is shared with no one, "
            "silence this check and say so in the reason)",
            "facts/recipients",
        )


@rule(
    "international-transfers",
    "error",
    "UK GDPR Art. 13(1)(f), 14(1)(f)",
    "The notice says whether data is sent outside the UK: the transfers and their safeguards, or none.",
)
def international_transfers(ctx: Context):
    statement = ctx.notice.facts.international_transfers
    if statement is None:
        yield Hit(
            ctx.anchor("facts/international_transfers", "facts"),
            "the notice does not say whether "
            "personal data is sent outside the UK: add 'international_transfers:' under 'facts:', "
            "with 'none' or the transfers and their safeguards",
            "facts/international_transfers",
        )
    elif not statement.none and statement.text and not SAFEGUARDS.search(statement.text.value):
        yield Hit(
            statement.loc,
            "the transfers outside the UK are described without their safeguards: say "
            "what protects the data, such as UK adequacy regulations or an International Data "
            "Transfer Agreement",
            "facts/international_transfers",
        )
