"""`noticegen new`: write a new notice file with every item the law requires as a marked placeholder."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jinja2

from noticegen.errors import Problem, UserError
from noticegen.model import Loc
from noticegen.scaffold.site import SiteFacts, read_site
from noticegen.source import load_project
from noticegen.source.schema import SLUG
from noticegen.templating import BUILTIN_TEMPLATES, templates_dir

RESERVED_IDS = {
    "site": "notice_src/site.yaml holds the settings shared by every notice",
    "assets": "the site keeps its style sheet and logo in assets/",
}
ID_RULE = (
    "use lower-case letters a-z, digits 0-9 and single hyphens, such as 'blue-badge' (no spaces, "
    "capitals, underscores or accents, and no hyphen at the start or end)"
)


def suggest_id(text: str) -> str | None:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug if slug and SLUG.match(slug) else None


def check_id(notice_id: str) -> None:
    if not SLUG.match(notice_id):
        hint = suggest_id(notice_id)
        suggestion = f": try '{hint}'" if hint else ""
        raise UserError(f"'{notice_id}' is not a valid notice id: {ID_RULE}{suggestion}")
    if notice_id in RESERVED_IDS:
        raise UserError(f"'{notice_id}' cannot be a notice id: {RESERVED_IDS[notice_id]}: choose another id")


def notice_text(
    notice_id: str, title: str, site: SiteFacts, today: dt.date, templates: tuple[str, ...] = ()
) -> str:
    """The text of the new notice file, from templates/scaffold/notice.yaml.j2."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(templates or (str(BUILTIN_TEMPLATES),))),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # YAML, not HTML: every value goes through the `q` filter
    )
    env.filters["q"] = yaml_str
    return env.get_template("scaffold/notice.yaml.j2").render(
        notice_id=notice_id,
        title=title,
        today=today.isoformat(),
        review=(today + dt.timedelta(days=365)).isoformat(),
        site=site,
        complain=complaint_text(site),
        dpo="{dpo.name}" if site.has_dpo_name else "our Data Protection Officer",
        reach=f" at {{dpo.{site.dpo_contact}}}" if site.dpo_contact else "",
    )


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def complaint_text(site: SiteFacts) -> str:
    """The right to complain, with the ICO's address unless a shared block already gives it."""
    shared = "\n".join(block.text for block in site.blocks)
    # The ICO is named by its address, or by the site contact that holds it ({ico.link}).
    ico_contact = site.ico_link.split(".")[0] + "." if site.ico_link else None
    complain = "complain to the Information Commissioner’s Office"
    if "ico.org.uk" in shared or (ico_contact and ico_contact in shared):
        return complain
    return f"{complain} at {site.ico_link or 'https://ico.org.uk/make-a-complaint/'}"


def create(root: Path, notice_id: str, title: str, today: dt.date | None = None) -> tuple[Path, int]:
    """Write notice_src/<id>.yaml; return its path and how many placeholders it has."""
    check_id(notice_id)
    title = " ".join(title.split())
    if not title:
        raise UserError('the title is empty: give it with --title "Privacy notice – …"')
    rel = f"notice_src/{notice_id}.yaml"
    path = root / rel
    if path.exists():
        raise UserError(f"{rel} exists already: choose another id, or edit that file")
    text = notice_text(notice_id, title, read_site(root), today or dt.date.today(), templates_dir(root))
    with open(path, "x", encoding="utf-8") as handle:  # "x": never replaces a file made meanwhile
        handle.write(text)
    try:
        project, _ = load_project(root)
    except UserError as exc:
        ours = [p for p in exc.problems if p.loc.path == rel]
        if ours:
            path.unlink()
            raise UserError(
                [
                    *ours,
                    Problem(Loc(rel), "error", "the file was not written: fix the title or id and try again"),
                ]
            ) from None
        # Another file is broken, so the project cannot load: count the placeholders written.
        return path, sum(
            1 for line in text.splitlines() if "to_confirm:" in line and not line.startswith("#")
        )
    notice = next(n for n in project.notices if n.id == notice_id)
    return path, len(notice.to_confirm)
