"""Load notice_src/: site.yaml and one YAML file per notice, validated into the model."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from noticegen.errors import Reporter, UserError
from noticegen.model import Loc, Notice, Project, Section, Site
from noticegen.source.facts import read_contacts, read_facts
from noticegen.source.keys import Key, read_keys, text, written
from noticegen.source.limits import check_sizes
from noticegen.source.owners import OWNER_KEYS, check_owners
from noticegen.source.references import check_placeholders, check_references, resolve_shared
from noticegen.source.schema import SLUG, Reader
from noticegen.source.sections import read_section
from noticegen.source.silencing import read_silences
from noticegen.source.site import load_site
from noticegen.source.yaml_nodes import Node, read, rel

__all__ = ["VERSION", "load_notice", "load_project", "load_site"]

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
            check_sizes(report, notice)  # bounded before anything is laid out
            notices.append(notice)
    if not paths:
        report.error(
            Loc(rel(root, src)), "there are no notices: add a file such as notice_src/my-notice.yaml"
        )
    report.raise_if_errors(strict)
    return Project(str(root), site, tuple(notices)), report  # type: ignore[arg-type]


def _sections(r: Reader, node: Node, path: str) -> list[Section]:
    key = path.split("/")[0]
    found = (read_section(r, section_node, key) for section_node in r.sequence(node, "sections"))
    return [s for s in found if s is not None]


def _key(path: str) -> str:
    return path.split("/")[0]


NOTICE_KEYS = (  # read in this order: values to confirm are listed (and frozen in releases) in this order
    Key("id", lambda r, node, path: r.ident(node, "the notice id"), True, doc="The notice's id."),
    Key("title", text("the notice title"), True, doc="The notice's title."),
    Key("version", lambda r, node, path: r.pattern(node, "version", VERSION, '"1.0" or "2.1"'), True),
    Key("effective", lambda r, node, path: r.date(node, "effective date"), True),
    Key("review_by", lambda r, node, path: r.date(node, "review date"), doc="When to review the notice."),
    Key("summary", text("the summary"), doc="One or two plain sentences on what the notice is about."),
    Key("owner", text("the owner team"), doc="The team responsible for the notice."),
    Key("contacts", lambda r, node, path: read_contacts(r, node, _key(path)), default=()),
    Key("facts", lambda r, node, path: read_facts(r, node, _key(path))),
    Key("silence", lambda r, node, path: read_silences(r, node), default=(), doc="Checks turned off."),
    *OWNER_KEYS,
    Key("status", lambda r, node, path: r.choice(node, "status", ["draft", "ready"]), default="ready"),
    Key("languages", lambda r, node, path: _codes(r, node), default=()),
    Key("sections", _sections, True, default=[], doc="The sections, in reading order."),
)
OWNERS = ("controllers", "joint_arrangement", "processors", "dpo")


def load_notice(root: Path, path: Path, site: Site | None, blocks: dict, report: Reporter) -> Notice | None:
    node = read(root, path)
    r = Reader(report)
    if not isinstance(node.value, dict):
        r.mapping(node, "a notice", [])  # reports what it is instead
        return None
    written_id = node.value.get("id")
    key = written_id.node.value if written_id and isinstance(written_id.node.value, str) else path.stem
    keys = read_keys(r, node, NOTICE_KEYS, "a notice", key if SLUG.match(key) else path.stem)
    if keys is None:
        return None
    ident = keys["id"]
    if ident and ident != path.stem:
        r.report.error(
            node.value["id"].node.loc,
            f"the notice id '{ident}' does not match its file name "
            f"'{path.name}': rename the file to {ident}.yaml or change the id",
        )
    facts = keys["facts"] or read_facts(r, _empty(node), _key_of(keys, path))
    sections = [resolve_shared(r, s, blocks) for s in keys["sections"]]
    r.unique_ids([(s.id, s.loc) for s in sections], "sections")
    check_owners(r, node, keys)
    languages = _languages(r, node, keys["languages"], site)
    known = (*keys["contacts"], *(c.as_contact() for c in keys["controllers"]))
    check_references(r, sections, facts, known, site)
    if site is not None:
        check_placeholders(r, r.texts, site, known, keys["controllers"], keys["dpo"])
    effective, review_by = keys["effective"], keys["review_by"]
    if effective and review_by and review_by <= effective:
        r.report.warning(
            node.value["review_by"].node.loc,
            f"the review date {review_by} is not after the effective date {effective}: check both dates",
        )
    if not written(keys, "id", "title", "version", "effective"):
        return None
    numbered = tuple(replace(s, number=n) for n, s in enumerate(sections, start=1))
    return Notice(
        ident,
        keys["title"],
        keys["summary"],
        keys["version"],
        effective,
        review_by,
        keys["owner"],
        keys["contacts"],
        facts,
        numbered,
        "en",
        tuple(r.to_confirm),
        node.loc,
        keys["silence"],
        **{name: keys[name] for name in OWNERS},
        status=keys["status"],
        languages=languages,
    )


def _codes(r: Reader, node: Node) -> tuple[str, ...]:
    return tuple(c for n in r.sequence(node, "languages") if (c := r.scalar(n, "a language code")))


def _languages(r: Reader, node: Node, codes: tuple[str, ...], site: Site | None) -> tuple[str, ...]:
    """`languages:`: which of the site's languages the notice is built in (none written: all)."""
    if not codes or site is None:
        return codes
    offered = [lang.code for lang in site.languages]
    where = node.value["languages"].node.loc
    for code in codes:
        if code not in offered:
            r.report.error(
                where,
                f"'{code}' is not one of the site's languages ({', '.join(offered)}): "
                "add it to site.yaml or remove it here",
            )
    if offered[0] not in codes:
        r.report.error(
            where, f"the notice is written in '{offered[0]}': its languages must include '{offered[0]}'"
        )
    return tuple(c for c in offered if c in codes)


def _key_of(keys: dict, path: Path) -> str:
    return keys["id"] or path.stem


def _empty(node):
    return type(node)({}, node.loc)
