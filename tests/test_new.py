"""`noticegen new`: a scaffold that validates, builds, and leaves a placeholder for each required item."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.checks import run as run_checks
from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project

REPO = Path(__file__).resolve().parent.parent
TITLE = "Privacy notice – Blue Badge parking permits"

# Each item the law requires, and words the to-confirm finding for its placeholder must have.
REQUIRED = {
    "purposes": "purposes:",
    "lawful basis": "lawful basis:",
    "categories": "categories of personal data:",
    "sources": "sources:",
    "recipients": "recipients:",
    "international transfers": "international transfers:",
    "retention": "retention:",
    "rights": "rights:",
    "how to use the rights": "how to use your rights:",
    "statutory requirement": "statutory or contractual requirement:",
    "automated decisions": "automated decisions:",
}


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """This repository's real notice_src/ (the council's site.yaml and shared block)."""
    root = tmp_path / "seed"
    shutil.copytree(REPO / "notice_src", root / "notice_src")
    return root


def new(root: Path, *args: str) -> int:
    return main(["new", *args, "--root", str(root)])


def test_scaffold_validates_uses_shared_blocks_and_builds(tmp_path: Path, seed_copy: Path, capsys) -> None:
    assert new(seed_copy, "blue-badge", "--title", TITLE) == 0
    out = capsys.readouterr().out
    assert "blue-badge.yaml: a new notice with 17 placeholders to write" in out
    text = (seed_copy / "notice_src" / "blue-badge.yaml").read_text(encoding="utf-8")
    assert "\n  - block: further-information\n" in text  # the site's shared block, as a section
    assert text.startswith("# Privacy notice: ") and "\n# -- Facts " in text
    project, report = load_project(seed_copy)
    assert not report.errors
    notice = next(n for n in project.notices if n.id == "blue-badge")
    assert notice.title.value == TITLE
    assert [s.id for s in notice.sections][-1] == "further-information"
    out_dir = tmp_path / "out"
    result = build(BuildOptions(root=seed_copy, notices=("blue-badge",), langs=("en",), out=out_dir))
    page = (out_dir / "blue-badge" / "en" / "index.html").read_text(encoding="utf-8")
    assert "[To write: what we use your information for]" in page
    assert "further-information" in page  # the shared block's section
    assert "to_confirm" not in page and "what the service uses the information for" not in page
    assert {p.name for p in (out_dir / "blue-badge" / "en").iterdir()} >= {
        "index.html",
        "blue-badge.pdf",
        "blue-badge.docx",
        "blue-badge.txt",
    }
    assert result.files


def test_check_lists_each_placeholder(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    assert new(root, "blue-badge", "--title", TITLE) == 0
    capsys.readouterr()
    assert main(["check", "blue-badge", "--root", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    mine = [line for line in lines if line.startswith("notice_src/blue-badge.yaml:")]
    confirm = [line for line in mine if ": warning: to-confirm: " in line]
    for item, words in REQUIRED.items():
        assert [line for line in confirm if words in line], f"no to-confirm finding for {item}"
    # The placeholders are worded so that the checks which read words still fail the notice:
    errors = {line.split(": error: ")[1].split(":")[0] for line in mine if ": error: " in line}
    assert errors == {"retention", "international-transfers", "statutory-requirement"}
    # What site.yaml provides is not a placeholder: controller, DPO and the ICO are found.
    for rule in ("controller", "dpo-contact", "complain-ico", "rights", "lawful-basis", "recipients"):
        assert not [line for line in mine if f": error: {rule}: " in line], rule
    project, _ = load_project(root)
    result = run_checks(project, ("blue-badge",), dt.date(2026, 1, 1))
    assert sum(1 for f in result.findings if f.rule == "to-confirm" and f.notice == "blue-badge") == 17


def test_scaffold_without_an_ico_link_in_the_shared_blocks(tmp_path: Path, capsys) -> None:
    """The basic site's block links to the ICO through its contact; without blocks, the right does."""
    root = copy_root("basic", tmp_path)
    site = root / "notice_src" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").split("blocks:")[0], encoding="utf-8")
    (root / "notice_src" / "library.yaml").unlink()  # it uses the block removed
    assert new(root, "blue-badge", "--title", TITLE) == 0
    text = (root / "notice_src" / "blue-badge.yaml").read_text(encoding="utf-8")
    assert '"complain to the Information Commissioner’s Office at {ico.link}"' in text
    assert "- block:" not in text
    capsys.readouterr()
    assert main(["check", "blue-badge", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert ": error: complain-ico: " not in out and ": error: dpo-contact: " not in out


@pytest.mark.parametrize(
    ("notice_id", "message"),
    [
        (
            "Blue Badge",
            "error: 'Blue Badge' is not a valid notice id: use lower-case letters a-z, digits 0-9 and "
            "single hyphens, such as 'blue-badge' (no spaces, capitals, underscores or accents, and no "
            "hyphen at the start or end): try 'blue-badge'",
        ),
        (
            "blue--badge",
            "error: 'blue--badge' is not a valid notice id: use lower-case letters a-z, digits 0-9 and "
            "single hyphens, such as 'blue-badge' (no spaces, capitals, underscores or accents, and no "
            "hyphen at the start or end): try 'blue-badge'",
        ),
        ("library", "error: notice_src/library.yaml exists already: choose another id, or edit that file"),
        (
            "assets",
            "error: 'assets' cannot be a notice id: the site keeps its style sheet and logo in assets/: "
            "choose another id",
        ),
    ],
)
def test_bad_or_taken_ids_are_refused(tmp_path: Path, capsys, notice_id: str, message: str) -> None:
    root = copy_root("basic", tmp_path)
    before = sorted(p.name for p in (root / "notice_src").iterdir())
    library = (root / "notice_src" / "library.yaml").read_bytes()
    assert new(root, notice_id, "--title", TITLE) == 2
    assert capsys.readouterr().err.strip() == message
    assert sorted(p.name for p in (root / "notice_src").iterdir()) == before
    assert (root / "notice_src" / "library.yaml").read_bytes() == library


def test_a_title_that_does_not_validate_leaves_no_file(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    assert new(root, "blue-badge", "--title", "Blue <b>Badge</b>") == 2
    err = capsys.readouterr().err
    assert "notice_src/blue-badge.yaml:" in err and "raw HTML" in err
    assert "the file was not written" in err
    assert not (root / "notice_src" / "blue-badge.yaml").exists()
    assert new(root, "blue-badge", "--title", "   ") == 2
    assert "the title is empty" in capsys.readouterr().err
