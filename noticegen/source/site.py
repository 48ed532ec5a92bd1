"""Read notice_src/site.yaml: the organisation, its contacts, languages, logo and shared blocks."""

from __future__ import annotations

import re
from pathlib import Path

from noticegen.errors import Reporter
from noticegen.model import Block, Language, Logo, Site, Text
from noticegen.source.facts import read_contact, read_contacts
from noticegen.source.references import check_placeholders
from noticegen.source.schema import SLUG, Reader
from noticegen.source.sections import read_body
from noticegen.source.yaml_nodes import read

LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def load_site(
    root: Path, path: Path, report: Reporter
) -> tuple[Site | None, dict[str, tuple[Text, tuple[Block, ...]]]]:
    node = read(root, path)
    r = Reader(report)
    entries = r.mapping(
        node,
        "site.yaml",
        ["organisation", "dpo", "languages", "base_url"],
        ["contacts", "logo", "fragment", "blocks"],
    )
    if entries is None or not {"organisation", "dpo", "languages", "base_url"} <= entries.keys():
        return None, {}
    org = (
        r.mapping(
            entries["organisation"].node, "organisation", ["name", "website", "ico_registration"], ["address"]
        )
        or {}
    )
    name = (
        r.text(org["name"].node, "site/organisation/name", "the organisation's name")
        if "name" in org
        else None
    )
    website = r.url(org["website"].node, "web address") if "website" in org else None
    ico = (
        r.pattern(
            org["ico_registration"].node,
            "ICO registration number",
            re.compile(r"^[A-Z]{1,2}[0-9]{6,8}$"),
            "Z6451588",
        )
        if "ico_registration" in org
        else None
    )
    address = (
        r.text(org["address"].node, "site/organisation/address", "the organisation's address")
        if "address" in org
        else None
    )
    dpo = read_contact(r, entries["dpo"].node, "site", fixed_id="dpo")
    contacts = read_contacts(r, entries["contacts"].node, "site") if "contacts" in entries else ()
    languages = _languages(r, entries["languages"].node)
    logo = _logo(r, root, entries["logo"].node) if "logo" in entries else None
    level, prefix = 2, "pn-"
    if "fragment" in entries:
        frag = r.mapping(entries["fragment"].node, "fragment", [], ["heading_level", "id_prefix"]) or {}
        if "heading_level" in frag:
            level = r.integer(frag["heading_level"].node, "heading_level", 1, 5) or 2
        if "id_prefix" in frag:
            prefix = (
                r.pattern(frag["id_prefix"].node, "id prefix", re.compile(r"^[a-z][a-z0-9-]*$"), "pn-")
                or prefix
            )
    blocks: dict[str, tuple[Text, tuple[Block, ...]]] = {}
    if "blocks" in entries:
        raw = entries["blocks"].node.value
        if not isinstance(raw, dict):
            r.report.error(entries["blocks"].node.loc, "blocks should be a mapping of block ids")
        else:
            for ident, entry in raw.items():
                if not SLUG.match(ident):
                    r.report.error(
                        entry.key_loc,
                        f"'{ident}' is not a valid id for a shared block: use "
                        "lower-case letters, digits and single hyphens",
                    )
                    continue
                block = r.mapping(entry.node, f"shared block '{ident}'", ["title", "body"])
                if block and {"title", "body"} <= block.keys():
                    title = r.text(
                        block["title"].node, f"site/blocks/{ident}/title", f"the title of block '{ident}'"
                    )
                    body = read_body(r, block["body"].node, f"site/blocks/{ident}")
                    if title:
                        blocks[ident] = (title, body)
    if not (name and website and ico and dpo and languages):
        return None, blocks
    site = Site(
        name,
        website,
        r.url(entries["base_url"].node, "base URL") or "",
        ico,
        address,
        dpo,
        contacts,
        languages,
        logo,
        level,
        prefix,
        tuple(r.to_confirm),
        node.loc,
    )
    check_placeholders(r, r.texts, site, ())
    return site, blocks


def _languages(r: Reader, node) -> tuple[Language, ...]:
    if not isinstance(node.value, dict) or not node.value:
        r.report.error(
            node.loc,
            "languages should list at least one language code with its status, like 'en: {status: approved}'",
        )
        return ()
    languages = []
    for code, entry in node.value.items():
        if not LANG_CODE.match(code):
            r.report.error(
                entry.key_loc, f"'{code}' is not a language code: use a code like en, pl, ar or uk"
            )
            continue
        fields = r.mapping(entry.node, f"language '{code}'", ["status"]) or {}
        status = (
            r.choice(fields["status"].node, "status", ["approved", "draft"]) if "status" in fields else None
        )
        if status:
            languages.append(Language(code, status))
    return tuple(languages)


def _logo(r: Reader, root: Path, node) -> Logo | None:
    entries = r.mapping(node, "logo", ["file", "alt"])
    if entries is None or not {"file", "alt"} <= entries.keys():
        return None
    file = r.scalar(entries["file"].node, "logo file")
    alt = r.text(entries["alt"].node, "site/logo/alt", "the logo's alt text")
    if file is None or alt is None:
        return None
    target = (root / "notice_src" / file).resolve()
    if not target.is_relative_to((root / "notice_src").resolve()) or not target.is_file():
        r.report.error(
            entries["file"].node.loc,
            f"the logo file '{file}' is not inside notice_src/: "
            "put the image in notice_src/assets/ and name it here",
        )
        return None
    return Logo(file, alt)
