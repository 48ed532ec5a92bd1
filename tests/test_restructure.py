"""Moves between sections and lists, splits and merges: matched by id across the whole notice.

Each kind has a fixture pair (the basic fixture and one edit of it) and one long realistic
revision of the shipped Supporting Families notice; each must give exactly one change of its kind.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, ROOTS, copy_root
from test_changes import NOTICE, edit, load

from noticegen.changes import ChangeSet, compare
from noticegen.changes.render import render

SEED = "notice_src/supporting-families.yaml"


def diff_of(base: Path, root: Path) -> ChangeSet:
    return compare(*load(base), *load(root), from_version="1.0", to_version="working")


def basic(tmp_path: Path, *edits: tuple[str, str]) -> ChangeSet:
    root = copy_root("basic", tmp_path)
    for old, new in edits:
        edit(root, NOTICE, old, new)
    return diff_of(ROOTS / "basic", root)


def seed(tmp_path: Path, *edits: tuple[str, str]) -> ChangeSet:
    root = tmp_path / "seed"
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    shutil.rmtree(root / "notice_src" / "releases")
    base = tmp_path / "base"
    shutil.copytree(root, base)
    for old, new in edits:
        edit(root, SEED, old, new)
    return diff_of(base, root)


def kinds(changes: ChangeSet) -> list[tuple[str, str]]:
    return [(c.kind, c.path) for c in changes.changes]


def no_internal_text(changes: ChangeSet) -> None:
    for fmt in ("text", "markdown", "html", "json"):
        shown = render(changes, fmt)
        assert "{org." not in shown and "none:" not in shown, shown


NOTE = "      - id: note\n        note: This notice covers **all** our libraries.\n"
HOW = "      - id: how\n        heading: How we use it\n"


def test_a_paragraph_moved_to_another_section_is_one_move(tmp_path: Path) -> None:
    changes = basic(tmp_path, (NOTE, ""), (HOW, HOW + NOTE))
    assert kinds(changes) == [("moved", "section/what-we-collect/note")]
    change = changes.changes[0]
    assert (change.old, change.new) == ("section “Who we are”", "section “What we collect”")
    assert change.headline == (
        "Note “This notice covers all our libraries.” moved from section “Who we are” "
        "to section “What we collect”"
    )


def test_a_moved_paragraph_that_changed_shows_its_word_changes(tmp_path: Path) -> None:
    moved = NOTE.replace("**all** our libraries", "**all** our libraries and the mobile library")
    changes = basic(tmp_path, (NOTE, ""), (HOW, HOW + moved))
    assert kinds(changes) == [
        ("moved", "section/what-we-collect/note"),
        ("reworded", "section/what-we-collect/note"),
    ]
    assert ("insert", " and the mobile library") in changes.changes[1].words


def test_a_list_item_moved_to_another_list_and_up_a_level(tmp_path: Path) -> None:
    changes = basic(
        tmp_path,
        ("          - {id: events, text: To tell you about events}\n", ""),
        (
            "          - {id: two, text: We check it}\n",
            "          - {id: two, text: We check it}\n"
            "          - {id: events, text: To tell you about events}\n",
        ),
        ("            items:\n              - {id: reminders, text: Including reminders}\n", ""),
        (
            "          - {id: one, text: You fill in the form}\n",
            "          - {id: reminders, text: Including reminders}\n"
            "          - {id: one, text: You fill in the form}\n",
        ),
    )
    assert kinds(changes) == [
        ("moved", "section/what-we-collect/steps/reminders"),
        ("moved", "section/what-we-collect/steps/events"),
    ]
    assert changes.changes[0].old == "list item “To manage your loans”"
    assert changes.changes[1].old == "list “To manage your loans; To tell you about events”"


def test_a_paragraph_split_in_two_is_one_split(tmp_path: Path) -> None:
    changes = basic(
        tmp_path,
        (
            'paragraph: "{org.name} runs the libraries. Our ICO registration number is '
            '{org.ico_registration}. *Read this carefully*."',
            'paragraph: "{org.name} runs the libraries."\n      - id: registration\n'
            '        paragraph: "Our ICO registration number is {org.ico_registration}. '
            '*Read this carefully*."',
        ),
    )
    assert kinds(changes) == [("split", "section/who-we-are/intro")]
    change = changes.changes[0]
    assert change.parts == ("section/who-we-are/registration",)
    assert change.headline == "Paragraph in section “Who we are” split into 2 parts"
    assert "Example Council runs the libraries" in change.old
    assert all(op == "equal" for op, _ in change.words)
    no_internal_text(changes)


def test_two_paragraphs_merged_are_one_merge(tmp_path: Path) -> None:
    changes = basic(
        tmp_path,
        (NOTE, ""),
        ('*Read this carefully*."', '*Read this carefully*. This notice covers **all** our libraries."'),
    )
    assert kinds(changes) == [("merged", "section/who-we-are/intro")]
    assert changes.changes[0].parts == ("section/who-we-are/note",)
    assert changes.changes[0].headline == "Paragraph in section “Who we are” joined from 2 parts"


def test_a_changed_id_with_the_same_words_stays_a_removal_and_an_addition(tmp_path: Path) -> None:
    changes = basic(tmp_path, ("- id: note\n", "- id: coverage\n"))
    assert kinds(changes) == [
        ("removed", "section/who-we-are/note"),
        ("added", "section/who-we-are/coverage"),
    ]


# -- long realistic revisions of the shipped notice ------------------------------------------

CONTROLLER = (
    "      - id: data-controller\n"
    "        paragraph: For the purposes of data protection legislation, {org.name} is registered as a "
    "Data Controller with the Information Commissioner’s Office (Registration number- "
    "{org.ico_registration}). Further details can be found via the Information Commissioner’s "
    "Office website https://ico.org.uk.\n"
)
BASES_INTRO = "      - id: bases-intro\n"


def test_the_data_controller_statement_moved_to_the_legal_basis_section(tmp_path: Path) -> None:
    changes = seed(tmp_path, (CONTROLLER, ""), (BASES_INTRO, CONTROLLER + BASES_INTRO))
    assert kinds(changes) == [("moved", "section/legal-basis/data-controller")]
    assert changes.changes[0].new.startswith("section “What is the legal basis")
    no_internal_text(changes)


def test_a_long_paragraph_split_and_a_part_reworded(tmp_path: Path) -> None:
    changes = seed(
        tmp_path,
        (
            "to provide you with the services you require. In all cases we will ensure",
            "to provide you with the services you require.\n"
            "      - id: secure-sharing\n"
            "        paragraph: In every case we will ensure",
        ),
    )
    assert kinds(changes) == [("split", "section/sharing/approved-partners")]
    words = changes.changes[0].words
    assert ("delete", " all cases") in words and ("insert", " every case") in words


def test_two_short_introduction_paragraphs_merged(tmp_path: Path) -> None:
    changes = seed(
        tmp_path,
        (
            "keep it safe and secure.\n      - id: review\n        paragraph: We will keep",
            "keep it safe and secure. We will keep",
        ),
    )
    assert kinds(changes) == [("merged", "section/introduction/about-this-notice")]
    assert changes.changes[0].parts == ("section/introduction/review",)


# -- any depth: the match is written over the model, not over two levels of lists -------------


def _deep(leaf_parent: str):
    """The basic notice with a four-level list in block 'uses'; the leaf 'deep' sits under
    `leaf_parent` ('c' or 'd'), and every item carries its own key."""
    from dataclasses import replace

    from noticegen.model import Item, Text

    site, notice = load(ROOTS / "basic")

    def item(ident: str, words: str, *children: Item) -> Item:
        return Item(ident, Text(words, f"library/block/uses/{ident}"), items=children)

    leaf = item("deep", "Reminders by text message, if you ask for them")
    tree = item(
        "a",
        "Level one",
        item("b", "Level two", item("c", "Level three c", *([leaf] if leaf_parent == "c" else []))),
        item("b2", "Level two again", item("d", "Level three d", *([leaf] if leaf_parent == "d" else []))),
    )
    sections = tuple(
        replace(s, blocks=tuple(replace(b, items=(tree,)) if b.id == "uses" else b for b in s.blocks))
        for s in notice.sections
    )
    return site, replace(notice, sections=sections)


def test_an_item_four_levels_down_moved_to_another_branch_is_one_move() -> None:
    changes = compare(*_deep("c"), *_deep("d"), from_version="1.0", to_version="working")
    assert kinds(changes) == [("moved", "section/what-we-collect/uses/a/b2/d/deep")]
    assert (changes.changes[0].old, changes.changes[0].new) == (
        "list item “Level three c”",
        "list item “Level three d”",
    )


def test_table_rows_with_ids_are_matched_by_id() -> None:
    """Rows given ids (the table model with `row_ids`) are matched like list items."""
    from types import SimpleNamespace

    from noticegen.changes.compare import NoticeDiff
    from noticegen.model import Text

    def table(*rows: tuple[str, str, str]) -> SimpleNamespace:
        cells = tuple((Text(a, ""), Text(b, "")) for _, a, b in rows)
        return SimpleNamespace(
            header=(Text("Record", ""), Text("Kept for", "")), rows=cells, row_ids=tuple(r[0] for r in rows)
        )

    diff = NoticeDiff()
    diff.table(
        table(
            ("members", "Membership", "2 years"), ("loans", "Loans", "1 year"), ("cctv", "CCTV", "30 days")
        ),
        table(
            ("loans", "Loans", "18 months"),
            ("members", "Membership", "2 years"),
            ("fines", "Fines", "6 years"),
        ),
        "section/keeping/schedule",
        "",
    )
    assert [(c.kind, c.path) for c in diff.changes] == [
        ("removed", "section/keeping/schedule/cctv"),
        ("reworded", "section/keeping/schedule/loans"),
        ("moved", "section/keeping/schedule/members"),
        ("added", "section/keeping/schedule/fines"),
    ]
    assert ("insert", " 18 months") in diff.changes[1].words


def test_a_paragraph_cut_into_two_new_ids_and_two_joined_under_a_new_id() -> None:
    from noticegen.changes import Change
    from noticegen.changes.restructure import restructure

    one = "We collect your name and address when you join the library."
    two = "We keep them for two years after your membership ends, then delete them."
    split = restructure(
        (
            Change("removed", "paragraph", "section/a/whole", one + " " + two),
            Change("added", "paragraph", "section/a/first", None, one),
            Change("added", "paragraph", "section/a/second", None, two),
        )
    )
    assert [(c.kind, c.path, c.parts) for c in split] == [
        ("split", "section/a/whole", ("section/a/first", "section/a/second"))
    ]
    merged = restructure(
        (
            Change("removed", "paragraph", "section/a/first", one),
            Change("removed", "paragraph", "section/a/second", two),
            Change("added", "paragraph", "section/a/whole", None, one + " " + two),
        )
    )
    assert [(c.kind, c.path, c.parts) for c in merged] == [
        ("merged", "section/a/whole", ("section/a/first", "section/a/second"))
    ]
    unrelated = (
        Change("removed", "paragraph", "section/a/old", one),
        Change("added", "recipient", "facts/recipients/new", None, one),
    )
    assert restructure(unrelated) == unrelated  # a paragraph never splits into a recipient
