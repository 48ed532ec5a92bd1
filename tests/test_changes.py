"""The semantic diff: one kind of change in, exactly that change out, in every output format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, ROOTS, copy_root

from noticegen.changes import Change, ChangeSet, compare, word_diff
from noticegen.changes.render import to_html, to_json, to_markdown, to_text
from noticegen.model import Notice, Site
from noticegen.source import load_project

NOTICE = "notice_src/library.yaml"
SITE = "notice_src/site.yaml"


def load(root: Path) -> tuple[Site, Notice]:
    project, _ = load_project(root)
    return project.site, project.notices[0]


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should be in {name} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def swap_sections(root: Path) -> None:
    """Put section 'rights' before section 'keeping' (moving the text of the whole section)."""
    path = root / NOTICE
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("  - id: keeping\n")
    keeping, rest = rest.split("  - id: rights\n")
    rights, tail = rest.split("  - block: complain")
    path.write_text(
        head + "  - id: rights\n" + rights + "  - id: keeping\n" + keeping + "  - block: complain" + tail,
        encoding="utf-8",
    )


def diff(tmp_path: Path, change) -> ChangeSet:
    root = copy_root("basic", tmp_path)
    change(root)
    return compare(*load(ROOTS / "basic"), *load(root), from_version="1.2", to_version="working")


HIDDEN_ADDED = '<span class="visually-hidden">added: </span>'
HIDDEN_REMOVED = '<span class="visually-hidden">removed: </span>'

# Each case: one edit of the basic fixture; the one Change it must give; and that change in
# each output format (the text and Markdown line, the HTML list item).
CASES = {
    "add a recipient": (
        lambda root: edit(
            root,
            NOTICE,
            "    - {id: supplier, text: Our library system supplier}\n",
            "    - {id: supplier, text: Our library system supplier}\n"
            "    - {id: schools, text: Local schools}\n",
        ),
        Change("added", "recipient", "facts/recipients/schools", None, "Local schools"),
        "* Recipient added: Local schools",
        "- **Recipient added**: Local schools",
        f'<li class="change change-added" data-path="facts/recipients/schools">Recipient added: '
        f"<ins>{HIDDEN_ADDED}Local schools</ins></li>",
    ),
    "remove a category": (
        lambda root: edit(
            root, NOTICE, "    - {id: health, text: Health needs you tell us about, special: true}\n", ""
        ),
        Change(
            "removed", "category of information", "facts/categories/health", "Health needs you tell us about"
        ),
        "* Category of information removed: Health needs you tell us about",
        "- **Category of information removed**: ~~Health needs you tell us about~~",
        f'<li class="change change-removed" data-path="facts/categories/health">Category of information removed: '
        f"<del>{HIDDEN_REMOVED}Health needs you tell us about</del></li>",
    ),
    "reword a paragraph": (
        lambda root: edit(root, NOTICE, "runs the libraries.", "runs the libraries and the mobile library."),
        Change(
            "reworded",
            "paragraph in section “Who we are”",
            "section/who-we-are/intro",
            "Example Council runs the libraries. Our ICO registration number is Z0000000. Read this carefully.",
            "Example Council runs the libraries and the mobile library. Our ICO registration number is "
            "Z0000000. Read this carefully.",
            (
                ("equal", "Example Council runs the libraries"),
                ("insert", " and the mobile library"),
                ("equal", ". Our ICO registration number is Z0000000. Read this carefully."),
            ),
        ),
        "* Paragraph in section “Who we are” reworded:\n  Example Council runs the libraries "
        "{+and the mobile library+}. Our ICO registration number is Z0000000. Read this carefully.",
        "- **Paragraph in section “Who we are” reworded**: Example Council runs the libraries "
        "**and the mobile library**. Our ICO registration number is Z0000000. Read this carefully.",
        '<li class="change change-reworded" data-path="section/who-we-are/intro">Paragraph in section “Who we are” '
        f'reworded: <span class="change-words">Example Council runs the libraries <ins>{HIDDEN_ADDED}and the mobile '
        "library</ins>. Our ICO registration number is Z0000000. Read this carefully.</span></li>",
    ),
    "reorder two sections": (
        swap_sections,
        Change("moved", "section “How long we keep it”", "section/keeping", "4", "5"),
        "* Section “How long we keep it” moved from position 4 to 5",
        "- **Section “How long we keep it” moved from position 4 to 5**",
        '<li class="change change-moved" data-path="section/keeping">Section “How long we keep it” moved from '
        "position 4 to 5</li>",
    ),
    "change the DPO email": (
        lambda root: edit(root, SITE, "email: dpo@example.gov.uk", "email: privacy@example.gov.uk"),
        Change(
            "changed",
            "Data Protection Officer’s email address",
            "site/dpo/email",
            "dpo@example.gov.uk",
            "privacy@example.gov.uk",
        ),
        "* Data Protection Officer’s email address changed from “dpo@example.gov.uk” to “privacy@example.gov.uk”",
        "- **Data Protection Officer’s email address changed** from ~~dpo@example.gov.uk~~ to "
        "**privacy@example.gov.uk**",
        '<li class="change change-changed" data-path="site/dpo/email">Data Protection Officer’s email address changed '
        f"from <del>{HIDDEN_REMOVED}dpo@example.gov.uk</del> to <ins>{HIDDEN_ADDED}privacy@example.gov.uk</ins></li>",
    ),
    "add a piece of legislation": (
        lambda root: edit(
            root,
            NOTICE,
            '    - {id: libraries-act, title: Public Libraries and Museums Act 1964, year: "1964"}\n',
            '    - {id: libraries-act, title: Public Libraries and Museums Act 1964, year: "1964"}\n'
            '    - {id: equality-act, title: Equality Act 2010, year: "2010"}\n',
        ),
        Change("added", "piece of legislation", "facts/legislation/equality-act", None, "Equality Act 2010"),
        "* Piece of legislation added: Equality Act 2010",
        "- **Piece of legislation added**: Equality Act 2010",
        '<li class="change change-added" data-path="facts/legislation/equality-act">Piece of legislation added: '
        f"<ins>{HIDDEN_ADDED}Equality Act 2010</ins></li>",
    ),
    "retitle a section": (
        lambda root: edit(root, NOTICE, "title: Who we are", "title: About us"),
        Change("retitled", "section", "section/who-we-are", "Who we are", "About us"),
        "* Section retitled from “Who we are” to “About us”",
        "- **Section retitled** from ~~Who we are~~ to **About us**",
        '<li class="change change-retitled" data-path="section/who-we-are">Section retitled from '
        f"<del>{HIDDEN_REMOVED}Who we are</del> to <ins>{HIDDEN_ADDED}About us</ins></li>",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_one_change_in_gives_exactly_that_change_out(tmp_path: Path, case: str) -> None:
    make, expected, text_line, markdown_line, html_item = CASES[case]
    changes = diff(tmp_path, make)
    assert changes.changes == (expected,)
    summary = f"1 change between 1.2 and working copy: 1 {expected.kind}."
    assert changes.summary == summary

    text = to_text(changes)
    assert text.startswith(f"library: {summary}\n")
    assert text.endswith("\n\n" + text_line + "\n")
    assert text.count("\n* ") == 1

    markdown = to_markdown(changes)
    assert markdown == f"**library**: {summary}\n\n{markdown_line}\n"

    html = str(to_html(changes))
    assert f'<p class="changes-summary">{summary}</p>' in html
    assert html.count("<li") == 1
    assert html_item in html
    assert not html.lstrip().startswith(("<!DOCTYPE", "<html"))

    data = json.loads(to_json(changes))
    assert data["notice"] == "library" and data["from"] == "1.2" and data["to"] == "working"
    assert data["summary"] == summary
    assert data["changes"] == [expected.as_dict()]


def test_no_change_says_so_in_every_format() -> None:
    site, notice = load(ROOTS / "basic")
    changes = compare(site, notice, site, notice, from_version="1.0", to_version="working")
    assert changes.is_empty
    message = "No changes between 1.0 and working copy."
    assert to_text(changes) == message + "\n"
    assert to_markdown(changes) == message + "\n"
    assert f'<p class="changes-none">{message}</p>' in to_html(changes)
    assert json.loads(to_json(changes))["changes"] == []
    assert json.loads(to_json(changes))["summary"] == message


def test_a_changed_id_is_a_removal_and_an_addition(tmp_path: Path) -> None:
    changes = diff(tmp_path, lambda root: edit(root, NOTICE, "{id: supplier,", "{id: system-supplier,"))
    assert [(c.kind, c.path) for c in changes.changes] == [
        ("removed", "facts/recipients/supplier"),
        ("added", "facts/recipients/system-supplier"),
    ]


def test_moving_one_item_far_reports_only_that_item(tmp_path: Path) -> None:
    def move_access_last(root: Path) -> None:
        line = "    - {id: access, right: access, title: Right of access, text: You can ask for a copy of your data.}\n"
        edit(root, NOTICE, line, "")
        edit(
            root,
            NOTICE,
            "    - {id: objection, right: objection, text: object to how we use your data}\n",
            "    - {id: objection, right: objection, text: object to how we use your data}\n" + line,
        )

    changes = diff(tmp_path, move_access_last)
    assert changes.changes == (Change("moved", "right “Right of access”", "facts/rights/access", "1", "3"),)


def test_site_contacts_the_notice_does_not_mention_are_left_out(tmp_path: Path) -> None:
    def add_unused_contact(root: Path) -> None:
        edit(
            root,
            SITE,
            "contacts:\n",
            "contacts:\n  - id: parking\n    name: Parking\n    email: parking@example.gov.uk\n",
        )

    assert diff(tmp_path, add_unused_contact).is_empty


def test_a_used_site_contact_is_compared(tmp_path: Path) -> None:
    changes = diff(
        tmp_path,
        lambda root: edit(
            root, SITE, "url: https://ico.org.uk/make-a-complaint/", "url: https://ico.org.uk/concerns/"
        ),
    )
    assert changes.changes == (
        Change(
            "changed",
            "web address of contact “Information Commissioner’s Office”",
            "site/contact/ico/url",
            "https://ico.org.uk/make-a-complaint/",
            "https://ico.org.uk/concerns/",
        ),
    )


def test_renamed_department_in_the_seed_notice(tmp_path: Path) -> None:
    root = tmp_path / "seed"
    shutil.copytree(ROOT / "notice_src", root / "notice_src", ignore=shutil.ignore_patterns("releases"))
    edit(
        root,
        "notice_src/supporting-families.yaml",
        '{id: dluhc, text: "The Department for Levelling Up, Housing and Communities"}',
        '{id: dluhc, text: "The Ministry of Housing, Communities and Local Government"}',
    )
    changes = compare(*load(ROOT), *load(root), from_version="1.0", to_version="working")
    assert changes.changes == (
        Change(
            "reworded",
            "recipient",
            "facts/recipients/dluhc",
            "The Department for Levelling Up, Housing and Communities",
            "The Ministry of Housing, Communities and Local Government",
            (
                ("equal", "The"),
                ("delete", " Department for Levelling Up, Housing and Communities"),
                ("insert", " Ministry of Housing, Communities and Local Government"),
            ),
        ),
    )
    assert (
        "* Recipient reworded:\n  The [-Department for Levelling Up, Housing and Communities-] "
        "{+Ministry of Housing, Communities and Local Government+}\n"
    ) in to_text(changes)


def test_html_is_escaped() -> None:
    changes = ChangeSet(
        "1.0", "1.1", (Change("added", "recipient", "facts/recipients/x", None, "R&D <b>Ltd</b>"),)
    )
    html = str(to_html(changes))
    assert "R&amp;D &lt;b&gt;Ltd&lt;/b&gt;" in html and "<b>" not in html


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "We keep your record for 2 years after your membership ends.",
            "We keep your record for 3 years after your last loan.",
        ),
        ("a b c", "a c"),
        ("", "x y"),
        ("x y", ""),
        ("same", "same"),
        (
            "{dpo.name} can be contacted at:\nTelephone: {dpo.phone}",
            "{dpo.name} can be reached at:\nPhone: {dpo.phone}",
        ),
    ],
)
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    words = word_diff(old, new)
    assert "".join(t for op, t in words if op != "delete") == new
    assert " ".join("".join(t for op, t in words if op != "insert").split()) == " ".join(old.split())


MORE = [
    (
        "lawful basis references",
        NOTICE,
        'basis: ["6(1)(e)"]',
        'basis: ["6(1)(e)", "6(1)(c)"]',
        [("changed", "facts/lawful_bases/public-task/basis", "6(1)(e)", "6(1)(e), 6(1)(c)")],
    ),
    (
        "statement on transfers",
        NOTICE,
        "international_transfers: none",
        "international_transfers: {text: We use a supplier in the EU.}",
        [
            (
                "changed",
                "facts/international_transfers",
                "We do not transfer your personal information outside the UK.",
                "We use a supplier in the EU.",
            )
        ],
    ),
    (
        "notice contact phone",
        NOTICE,
        'phone: "0100 000 0001"',
        'phone: "0100 000 0002"',
        [("changed", "contact/library-team/phone", "0100 000 0001", "0100 000 0002")],
    ),
    (
        "block type",
        NOTICE,
        "note: This notice covers",
        "paragraph: This notice covers",
        [("changed", "section/who-we-are/note/kind", "note", "paragraph")],
    ),
    (
        "facts shown",
        NOTICE,
        "only: [erasure, objection]",
        "only: [objection, erasure]",
        [("changed", "section/rights/other-rights/only", "erasure, objection", "objection, erasure")],
    ),
    (
        "nested list item",
        NOTICE,
        "text: Including reminders",
        "text: Including email reminders",
        [
            (
                "reworded",
                "section/what-we-collect/uses/loans/reminders",
                "Including reminders",
                "Including email reminders",
            )
        ],
    ),
    (
        "list item removed",
        NOTICE,
        "          - {id: events, text: To tell you about events}\n",
        "",
        [("removed", "section/what-we-collect/uses/events", "To tell you about events", None)],
    ),
    (
        "summary",
        NOTICE,
        "summary: How the library uses",
        "summary: How our libraries use",
        [
            (
                "reworded",
                "notice/summary",
                "How the library uses your details when you join.",
                "How our libraries use your details when you join.",
            )
        ],
    ),
    (
        "effective date",
        NOTICE,
        "effective: 2024-04-01",
        "effective: 2024-05-01",
        [("changed", "notice/effective", "2024-04-01", "2024-05-01")],
    ),
    (
        "organisation name",
        SITE,
        "name: Example Council",
        "name: Example Borough Council",
        [("changed", "site/organisation/name", "Example Council", "Example Borough Council")],
    ),
    (
        "special category",
        NOTICE,
        "text: Health needs you tell us about, special: true",
        "text: Health needs you tell us about",
        [
            (
                "changed",
                "facts/categories/health/classification",
                "special category data",
                "ordinary personal data",
            )
        ],
    ),
    (
        "shared block",
        SITE,
        "If you are unhappy, you can",
        "If you are not happy, you can",
        [
            (
                "reworded",
                "section/complain/ico-route",
                "If you are unhappy, you can complain to the Information Commissioner’s Office website "
                "(https://ico.org.uk/make-a-complaint/).",
                "If you are not happy, you can complain to the Information Commissioner’s Office website "
                "(https://ico.org.uk/make-a-complaint/).",
            )
        ],
    ),
    (
        "table header",
        NOTICE,
        "header: [Record, How long we keep it]",
        "header: [Record, Kept for]",
        [("changed", "section/keeping/schedule/header", "Record | How long we keep it", "Record | Kept for")],
    ),
    (
        "section removed",
        NOTICE,
        "  - block: complain",
        "",
        [("removed", "section/complain", "How to complain", None)],
    ),
    (
        "law year",
        NOTICE,
        'Museums Act 1964, year: "1964"',
        'Museums Act 1964, year: "1965"',
        [("changed", "facts/legislation/libraries-act/year", "1964", "1965")],
    ),
]


@pytest.mark.parametrize("case", MORE, ids=[m[0] for m in MORE])
def test_other_kinds_of_change(tmp_path: Path, case) -> None:
    _, name, old, new, expected = case
    changes = diff(tmp_path, lambda root: edit(root, name, old, new))
    assert [(c.kind, c.path, c.old, c.new) for c in changes.changes] == expected
    assert to_text(changes).count("\n* ") == len(expected)
