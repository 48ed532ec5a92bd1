"""Load notice_src/: site.yaml and one YAML file per notice, validated into the model."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .checks.silence import check_silence_items, read_silences
from .errors import Reporter, UserError
from .facts import fact_ids, read_contact, read_contacts, read_facts
from .model import Block, Contact, Language, Loc, Logo, Notice, Project, Section, Site, Text
from .schema import SLUG, Reader
from .sections import read_body, read_section
from .yamlsrc import load_yaml

PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\.([a-z_]+)\}")
CONTACT_FIELDS = ("name", "email", "phone", "url", "link", "address")
ORG_FIELDS = ("name", "website", "ico_registration", "address")
LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
NOTICE_KEYS = ["id", "title", "version", "effective", "sections"]
NOTICE_OPTIONAL = ["summary", "review_by", "owner", "contacts", "facts", "silence"]
VERSION = re.compile(r"^\d+(?:\.\d+){0,2}$")


def load_project(root: Path | str, strict: bool = False) -> tuple[Project, Reporter]:
    """Read and validate every source file; raise UserError listing every error found."""
    root = Path(root)
    src = root / "notice_src"
    report = Reporter()
    site_path = src / "site.yaml"
    if not site_path.is_file():
        raise UserError.at(
            _rel(root, site_path), "there is no site.yaml: create it (see docs/source-format.md)"
        )
    site, blocks = _load_site(root, site_path, report)
    notices = []
    paths = sorted(p for p in src.glob("*.yaml") if p.name != "site.yaml")
    for path in paths:
        notice = _load_notice(root, path, site, blocks, report)
        if notice is not None:
            notices.append(notice)
    if not paths:
        report.error(
            Loc(_rel(root, src)), "there are no notices: add a file such as notice_src/my-notice.yaml"
        )
    report.raise_if_errors(strict)
    return Project(str(root), site, tuple(notices)), report  # type: ignore[arg-type]


def _rel(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _read(root: Path, path: Path):
    return load_yaml(_rel(root, path), path.read_bytes())


def _load_site(
    root: Path, path: Path, report: Reporter
) -> tuple[Site | None, dict[str, tuple[Text, tuple[Block, ...]]]]:
    node = _read(root, path)
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
    _check_placeholders(r, r.texts, site, ())
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


def _load_notice(root: Path, path: Path, site: Site | None, blocks: dict, report: Reporter) -> Notice | None:
    node = _read(root, path)
    r = Reader(report)
    entries = r.mapping(node, "a notice", NOTICE_KEYS, NOTICE_OPTIONAL)
    if entries is None or not set(NOTICE_KEYS) <= entries.keys():
        return None
    ident = r.ident(entries["id"].node, "the notice id")
    if ident and ident != path.stem:
        r.report.error(
            entries["id"].node.loc,
            f"the notice id '{ident}' does not match its file name "
            f"'{path.name}': rename the file to {ident}.yaml or change the id",
        )
    key = ident or path.stem
    get = {k: e.node for k, e in entries.items()}
    title = r.text(get["title"], f"{key}/title", "the notice title")
    version = r.pattern(get["version"], "version", VERSION, '"1.0" or "2.1"')
    effective = r.date(get["effective"], "effective date")
    review_by = r.date(get["review_by"], "review date") if "review_by" in get else None
    summary = r.text(get["summary"], f"{key}/summary", "the summary") if "summary" in get else None
    owner = r.text(get["owner"], f"{key}/owner", "the owner team") if "owner" in get else None
    contacts = read_contacts(r, get["contacts"], key) if "contacts" in get else ()
    facts = read_facts(r, get["facts"], key) if "facts" in get else read_facts(r, _empty(node), key)
    silenced = read_silences(r, get["silence"]) if "silence" in get else ()
    sections = []
    for section_node in r.sequence(get["sections"], "sections"):
        section = read_section(r, section_node, f"{key}/section")
        if section is not None:
            sections.append(section)
    sections = [_resolve_shared(r, s, blocks) for s in sections]
    r.unique_ids([(s.id, s.loc) for s in sections], "sections")
    _check_references(r, sections, facts, contacts, site)
    if site is not None:
        _check_placeholders(r, r.texts, site, contacts)
    if effective and review_by and review_by <= effective:
        r.report.warning(
            get["review_by"].loc,
            f"the review date {review_by} is not after the effective date {effective}: check both dates",
        )
    if not (ident and title and version and effective):
        return None
    numbered = tuple(replace(s, number=n) for n, s in enumerate(sections, start=1))
    notice = Notice(
        ident,
        title,
        summary,
        version,
        effective,
        review_by,
        owner,
        contacts,
        facts,
        numbered,
        "en",
        tuple(r.to_confirm),
        node.loc,
        silenced,
    )
    check_silence_items(r, notice)
    return notice


def _empty(node):
    return type(node)({}, node.loc)


def _resolve_shared(r: Reader, section: Section, blocks: dict) -> Section:
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
    from .schema import _did_you_mean

    return (
        f"there is no shared block '{name}' in site.yaml{_did_you_mean(name, list(blocks))}: "
        "define it under 'blocks:' or fix the name"
    )


def _check_references(r: Reader, sections: list[Section], facts, contacts, site: Site | None) -> None:
    from .schema import _did_you_mean

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
                            f"'{wanted}' is not an item of facts '{block.ref}'{_did_you_mean(wanted, ids)}",
                        )
            if block.kind == "contact" and block.ref not in known_contacts:
                r.report.error(
                    block.loc,
                    f"there is no contact '{block.ref}'"
                    f"{_did_you_mean(block.ref or '', known_contacts)}: add it under 'contacts:'",
                )


def _check_placeholders(r: Reader, texts: list[Text], site: Site, contacts: tuple[Contact, ...]) -> None:
    from .schema import _did_you_mean

    known = {c.id: c for c in (*contacts, *site.contacts, site.dpo)}
    for text in texts:
        for match in PLACEHOLDER.finditer(text.value):
            name, field = match.groups()
            where = text.loc
            if name == "org":
                if field not in ORG_FIELDS:
                    r.report.error(
                        where,
                        f"'{{org.{field}}}' is not something the organisation has: use "
                        f"one of {', '.join(ORG_FIELDS)}",
                    )
            elif name not in known:
                r.report.error(
                    where,
                    f"'{match.group(0)}' names no contact{_did_you_mean(name, list(known))}: "
                    "add the contact under 'contacts:' or fix the name",
                )
            elif (
                field not in CONTACT_FIELDS
                or getattr(known[name], "url" if field == "link" else field, None) is None
            ):
                r.report.error(
                    where, f"contact '{name}' has no {field}: add it to the contact or fix '{match.group(0)}'"
                )
