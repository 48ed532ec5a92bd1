"""Load notice_src/: site.yaml and one YAML file per notice, validated into the model."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from noticegen.errors import Reporter, UserError
from noticegen.model import Loc, Notice, Project, Site
from noticegen.source.facts import read_contacts, read_facts
from noticegen.source.owners import OWNER_KEYS, read_owners
from noticegen.source.references import PLACEHOLDER, check_placeholders, check_references, resolve_shared
from noticegen.source.schema import Reader
from noticegen.source.sections import read_section
from noticegen.source.silencing import read_silences
from noticegen.source.site import load_site
from noticegen.source.yaml_nodes import read, rel

__all__ = ["PLACEHOLDER", "VERSION", "load_notice", "load_project", "load_site"]

NOTICE_KEYS = ["id", "title", "version", "effective", "sections"]
NOTICE_OPTIONAL = ["summary", "review_by", "owner", "contacts", "facts", "silence", "status", "languages"]
NOTICE_OPTIONAL += OWNER_KEYS
VERSION = re.compile(r"^\d+(?:\.\d+){0,2}$")


def load_project(root: Path | str, strict: bool = False) -> tuple[Project, Reporter]:
    """Read and validate every source file; raise UserError listing every error found."""
    root = Path(root)
    src = root / "notice_src"
    report = Reporter()
    site_path = src / "site.yaml"
    if not site_path.is_file():
        raise UserError.at(
            rel(root, site_path), "there is no site.yaml: create it (see docs/source-format.md)"
        )
    site, blocks = load_site(root, site_path, report)
    notices = []
    paths = sorted(p for p in src.glob("*.yaml") if p.name != "site.yaml")
    for path in paths:
        notice = load_notice(root, path, site, blocks, report)
        if notice is not None:
            notices.append(notice)
    if not paths:
        report.error(
            Loc(rel(root, src)), "there are no notices: add a file such as notice_src/my-notice.yaml"
        )
    report.raise_if_errors(strict)
    return Project(str(root), site, tuple(notices)), report  # type: ignore[arg-type]


def load_notice(root: Path, path: Path, site: Site | None, blocks: dict, report: Reporter) -> Notice | None:
    node = read(root, path)
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
    owners = read_owners(r, get, key, contacts)
    publishing = _publishing(r, get, site)
    sections = []
    for section_node in r.sequence(get["sections"], "sections"):
        section = read_section(r, section_node, f"{key}/section")
        if section is not None:
            sections.append(section)
    sections = [resolve_shared(r, s, blocks) for s in sections]
    r.unique_ids([(s.id, s.loc) for s in sections], "sections")
    known = (*contacts, *(c.as_contact() for c in owners["controllers"]))
    check_references(r, sections, facts, known, site)
    if site is not None:
        check_placeholders(r, r.texts, site, known, owners["controllers"], owners["dpo"])
    if effective and review_by and review_by <= effective:
        r.report.warning(
            get["review_by"].loc,
            f"the review date {review_by} is not after the effective date {effective}: check both dates",
        )
    if not (ident and title and version and effective):
        return None
    numbered = tuple(replace(s, number=n) for n, s in enumerate(sections, start=1))
    return Notice(
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
        **owners,
        **publishing,
    )


def _publishing(r: Reader, get: dict, site: Site | None) -> dict:
    """`status:` (draft or ready) and `languages:`, which of the site's languages to build."""
    values: dict = {}
    if "status" in get:
        values["status"] = r.choice(get["status"], "status", ["draft", "ready"]) or "ready"
    if "languages" in get:
        codes = [
            c for n in r.sequence(get["languages"], "languages") if (c := r.scalar(n, "a language code"))
        ]
        offered = [lang.code for lang in site.languages] if site else codes
        for code in codes:
            if code not in offered:
                r.report.error(
                    get["languages"].loc,
                    f"'{code}' is not one of the site's languages ({', '.join(offered)}): "
                    "add it to site.yaml or remove it here",
                )
        if site and offered and offered[0] not in codes:
            r.report.error(
                get["languages"].loc,
                f"the notice is written in '{offered[0]}': its languages must include '{offered[0]}'",
            )
        values["languages"] = tuple(c for c in offered if c in codes)
    return values


def _empty(node):
    return type(node)({}, node.loc)
