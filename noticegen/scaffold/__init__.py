"""`noticegen new`: write a new notice file with every item the law requires as a marked placeholder."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from noticegen.errors import Problem, UserError
from noticegen.model import Loc
from noticegen.scaffold.sections import section_lines, shared_block_lines
from noticegen.scaffold.site import SiteFacts, read_site
from noticegen.scaffold.text import fact_lines, header_lines
from noticegen.source import load_project
from noticegen.source.schema import SLUG

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


def notice_text(notice_id: str, title: str, site: SiteFacts, today: dt.date) -> str:
    """The text of the new notice file."""
    lines = [
        *header_lines(notice_id, title, today),
        *fact_lines(site),
        *section_lines(site),
        *shared_block_lines(site),
    ]
    return "\n".join(lines) + "\n"


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
    text = notice_text(notice_id, title, read_site(root), today or dt.date.today())
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
