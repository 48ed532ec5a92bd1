"""Read notice_src/site.yaml: the organisation, its contacts, languages, logo and shared blocks.

Its keys are declared once below, as tables of `Key`s (docs/source-format.md, section 5).
"""

from __future__ import annotations

import re
from pathlib import Path

from noticegen.errors import Reporter
from noticegen.model import Block, Language, Loc, Logo, Site, Text
from noticegen.source.facts import read_contact, read_contacts
from noticegen.source.keys import Key, integer, nested, pattern, read_keys, text, url, written
from noticegen.source.logo import logo_problem
from noticegen.source.references import check_placeholders
from noticegen.source.schema import SLUG, Reader
from noticegen.source.sections import read_body
from noticegen.source.yaml_nodes import Node, read

LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
SharedBlocks = dict[str, tuple[Text, tuple[Block, ...]]]


def _languages(r: Reader, node: Node, path: str) -> tuple[Language, ...]:
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


def _logo_file(r: Reader, node: Node, path: str) -> tuple[str, Loc] | None:
    file = r.scalar(node, "logo file")
    return None if file is None else (file, node.loc)


def _blocks(r: Reader, node: Node, path: str) -> SharedBlocks:
    blocks: SharedBlocks = {}
    if not isinstance(node.value, dict):
        r.report.error(node.loc, "blocks should be a mapping of block ids")
        return blocks
    for ident, entry in node.value.items():
        if not SLUG.match(ident):
            r.report.error(
                entry.key_loc,
                f"'{ident}' is not a valid id for a shared block: use "
                "lower-case letters, digits and single hyphens",
            )
            continue
        block = read_keys(r, entry.node, BLOCK_KEYS, f"shared block '{ident}'", f"site/blocks/{ident}")
        if written(block, "title"):
            blocks[ident] = (block["title"], block["body"])  # type: ignore[index]
    return blocks


ORGANISATION_KEYS = (
    Key("name", text("the organisation's name"), True, doc="The council's name as readers see it."),
    Key("website", url("web address"), True, doc="The council's home page."),
    Key(
        "ico_registration",
        pattern("ICO registration number", r"^[A-Z]{1,2}[0-9]{6,8}$", "Z6451588"),
        True,
        doc="The registration number with the Information Commissioner's Office.",
    ),
    Key("address", text("the organisation's address"), doc="The postal address."),
)
LOGO_KEYS = (
    Key("file", _logo_file, True, doc="The image file, inside notice_src/."),
    Key("alt", text("the logo's alt text"), True, doc="The text read out to people who cannot see it."),
)
FRAGMENT_KEYS = (
    Key(
        "heading_level", integer("heading_level", 1, 5), default=2, doc="The heading level of section titles."
    ),
    Key(
        "id_prefix",
        pattern("id prefix", r"^[a-z][a-z0-9-]*$", "pn-"),
        default="pn-",
        doc="Added in front of every anchor in the fragment.",
    ),
)
BLOCK_KEYS = (
    Key(
        "title", lambda r, node, path: r.text(node, path, f"the title of block '{path.split('/')[2]}'"), True
    ),
    Key("body", lambda r, node, path: read_body(r, node, path.rsplit("/", 1)[0]), True),
)
PUBLISH_KEYS = (Key("min_coverage", integer("min_coverage", 0, 100)),)
SITE_KEYS = (
    Key("organisation", nested(ORGANISATION_KEYS, "organisation"), True, doc="The council."),
    Key("dpo", lambda r, node, path: read_contact(r, node, "site", fixed_id="dpo"), True, doc="The DPO."),
    Key("contacts", lambda r, node, path: read_contacts(r, node, "site"), default=(), doc="Shared contacts."),
    Key("languages", _languages, True, doc="The languages the notices are published in."),
    Key("logo", nested(LOGO_KEYS, "logo"), doc="The logo shown at the top of each notice."),
    Key("fragment", nested(FRAGMENT_KEYS, "fragment"), default={}, doc="Settings for the CMS fragment."),
    Key("blocks", _blocks, default={}, doc="Text written once and used in many notices."),
    Key("base_url", url("base URL"), True, doc="The web address the notices are published under."),
    Key("publish", nested(PUBLISH_KEYS, "publish"), default={}, doc="What --publish leaves out."),
)  # read in this order: values to confirm are listed (and frozen in releases) in this order


def load_site(root: Path, path: Path, report: Reporter) -> tuple[Site | None, SharedBlocks]:
    node = read(root, path)
    r = Reader(report)
    keys = read_keys(r, node, SITE_KEYS, "site.yaml", "site")
    if keys is None:
        return None, {}
    org = keys["organisation"] or {}
    logo = _logo(r, root, keys["logo"])
    fragment = keys["fragment"]
    if not (written(org, "name", "website", "ico_registration") and keys["dpo"] and keys["languages"]):
        return None, keys["blocks"]
    site = Site(
        org["name"],
        org["website"],
        keys["base_url"] or "",
        org["ico_registration"],
        org["address"],
        keys["dpo"],
        keys["contacts"],
        keys["languages"],
        logo,
        fragment.get("heading_level", 2),
        fragment.get("id_prefix", "pn-"),
        tuple(r.to_confirm),
        node.loc,
        (keys["publish"] or {}).get("min_coverage"),
    )
    check_placeholders(r, r.texts, site, ())
    return site, keys["blocks"]


def _logo(r: Reader, root: Path, logo: dict | None) -> Logo | None:
    if not written(logo, "file", "alt"):
        return None
    file, loc = logo["file"]  # type: ignore[index]
    target = (root / "notice_src" / file).resolve()
    if not target.is_relative_to((root / "notice_src").resolve()) or not target.is_file():
        r.report.error(
            loc,
            f"the logo file '{file}' is not inside notice_src/: "
            "put the image in notice_src/assets/ and name it here",
        )
        return None
    for image in dict.fromkeys([target, target.with_suffix(".png")]):  # the PNG beside it goes to Word
        problem = logo_problem(image) if image.is_file() else None
        if problem:
            r.report.error(loc, f"the logo {image.name} cannot be published: {problem}")
            return None
    return Logo(file, logo["alt"])  # type: ignore[index]
