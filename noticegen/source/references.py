"""Cross-references in a notice: shared blocks, facts and contacts named, text placeholders."""

from __future__ import annotations

import re
from dataclasses import replace

from noticegen.grammar import PLACEHOLDER
from noticegen.model import Block, Contact, Controller, Section, Site, Text
from noticegen.source.facts import fact_ids
from noticegen.source.schema import Reader, did_you_mean

CONTACT_FIELDS = ("name", "email", "phone", "url", "link", "address")
ORG_FIELDS = ("name", "website", "ico_registration", "address")
CONTROLLER_FIELDS = ("name", "ico_registration", "address", "website", "email", "phone")


def resolve_shared(r: Reader, section: Section, blocks: dict) -> Section:
    """Replace shared-block references, at section level or inside a body, by their content."""
    if section.shared_block:
        if section.shared_block not in blocks:
            r.report.error(section.loc, _missing_block(section.shared_block, blocks))
            return section
        title, body = blocks[section.shared_block]
        return replace(section, title=title, blocks=_inline_blocks(r, body, blocks))
    return replace(section, blocks=_inline_blocks(r, section.blocks, blocks))


def _inline_blocks(r: Reader, body: tuple[Block, ...], blocks: dict) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in body:
        if block.kind != "block":
            out.append(block)
        elif block.ref not in blocks:
            r.report.error(block.loc, _missing_block(block.ref or "", blocks))
        else:
            out.extend(b for b in blocks[block.ref][1] if b.kind != "block")
    return tuple(out)


def _missing_block(name: str, blocks: dict) -> str:
    return (
        f"there is no shared block '{name}' in site.yaml{did_you_mean(name, list(blocks))}: "
        "define it under 'blocks:' or fix the name"
    )


def check_references(r: Reader, sections: list[Section], facts, contacts, site: Site | None) -> None:
    """Every fact list, item, contact and category named in a notice exists."""
    lists = fact_ids(facts)
    known_contacts = [c.id for c in contacts] + ([c.id for c in (*site.contacts, site.dpo)] if site else [])
    for section in sections:
        for block in section.blocks:
            if block.kind == "facts" and block.ref:
                ids = [i for i, _ in lists.get(block.ref, [])]
                if not ids:
                    r.report.error(
                        block.loc,
                        f"this block shows the facts '{block.ref}' but the notice "
                        f"has none: add them under 'facts: {block.ref}:'",
                    )
                for wanted in block.only:
                    if wanted not in ids:
                        r.report.error(
                            block.loc,
                            f"'{wanted}' is not an item of facts '{block.ref}'{did_you_mean(wanted, ids)}",
                        )
            if block.kind == "contact" and block.ref not in known_contacts:
                r.report.error(
                    block.loc,
                    f"there is no contact '{block.ref}'"
                    f"{did_you_mean(block.ref or '', known_contacts)}: add it under 'contacts:'",
                )


def check_placeholders(
    r: Reader,
    texts: list[Text],
    site: Site,
    contacts: tuple[Contact, ...],
    controllers: tuple[Controller, ...] = (),
    dpo: Contact | None = None,
) -> None:
    """Every {name.field} names something that exists: `org`, `controller`, `dpo` or a contact."""
    known = {c.id: c for c in (*contacts, *site.contacts, dpo or site.dpo)}
    controller = controllers[0] if controllers else site.controller
    for text in texts:
        for match in PLACEHOLDER.finditer(text.value):
            problem = _placeholder_problem(r, match, known, controller)
            if problem:
                r.report.error(text.loc, problem)


def _placeholder_problem(r: Reader, match: re.Match[str], known: dict, controller: Controller) -> str | None:
    name, field = match.groups()
    if name == "org":
        if field not in ORG_FIELDS:
            return (
                f"'{{org.{field}}}' is not something the organisation has: use one of {', '.join(ORG_FIELDS)}"
            )
        return None
    if name == "controller":
        if field not in CONTROLLER_FIELDS:
            return (
                f"'{{controller.{field}}}' is not something a controller has"
                f"{did_you_mean(field, list(CONTROLLER_FIELDS))}: use one of {', '.join(CONTROLLER_FIELDS)}"
            )
        if getattr(controller, field) is None and (controller.id, field) not in r.invalid_fields:
            return f"the controller has no {field}: add it to the controller under 'controllers:' or remove '{match.group(0)}'"
        return None
    if name not in known:
        return (
            f"'{match.group(0)}' names no contact{did_you_mean(name, list(known))}: "
            "add the contact under 'contacts:' or fix the name"
        )
    if field not in CONTACT_FIELDS:
        return (
            f"'{match.group(0)}': a contact has no '{field}'{did_you_mean(field, list(CONTACT_FIELDS))}: "
            f"use one of {', '.join(CONTACT_FIELDS)}"
        )
    value_field = "url" if field == "link" else field
    if getattr(known[name], value_field, None) is None and (name, value_field) not in r.invalid_fields:
        return f"contact '{name}' has no {field}: add it to the contact or fix '{match.group(0)}'"
    return None
