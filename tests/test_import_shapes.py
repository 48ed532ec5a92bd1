"""`noticegen import` keeps the structure of real notices: shapes the corpus has too few of.

The document is tests/fixtures/word/make.py `shapes`: joint controllers, an ICO number and a DPO
named in the text; four list levels by Word numbering; typed "1." "a)" "(i)" criteria; a
"List Bullet 3" indented one level deeper; a recipients table, a captioned retention schedule and
a table with row headers; a "Label: value" contact block; typed heading numbers and questions.
Small documents written here test each rule on wordings the fixture does not use, and a zip bomb
is refused before it is unpacked.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from corpus_shape import page_figures, word_shape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_import import cli, do_import, make

from noticegen.importer import details, lists, owner, tables
from noticegen.importer.model import Block
from noticegen.model import Notice
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project
from noticegen.source.lists import MAX_DEPTH


@pytest.fixture
def shaped(project: Path, tmp_path: Path) -> tuple[Path, Notice, str, Path]:
    docx = make.shapes(tmp_path / "Youth justice.docx")
    _, notice, out = do_import(project, docx, "youth-justice")
    return project, notice, out, docx


def test_headings_lose_typed_numbers_and_keep_questions(shaped):
    _, notice, out, _ = shaped
    assert [s.title.value for s in notice.sections] == [
        "Who is responsible for your information?",
        "What information do we collect?",
        "Who do we share it with?",
        "How long do we keep it?",
        "Contact us",
        "Your rights",
    ]
    assert "typed section numbers: 6" in out


def test_controllers_ico_number_and_dpo_come_from_the_text(shaped):
    project, notice, out, _ = shaped
    assert [(c.id, c.name.value, c.ico_registration) for c in notice.controllers] == [
        ("example-borough-council", "Example Borough Council", "Z1234567"),
        ("northshire-police", "Northshire Police", None),
    ]
    assert notice.joint_arrangement is not None
    assert any("more than one controller" in c.reason for c in notice.to_confirm)
    assert notice.dpo is not None
    assert (notice.dpo.name.value, notice.dpo.email, notice.dpo.phone) == (
        "Sam Jones",
        "dpo@example.gov.uk",
        "0100 000 0002",
    )
    said = notice.sections[0].blocks[2].text.value
    assert said == "Our Data Protection Officer is Sam Jones: email {dpo.email} or call {dpo.phone}."
    source = (project / "notice_src" / "youth-justice.yaml").read_text(encoding="utf-8")
    assert "Sefton" not in source


def test_four_levels_of_word_numbering_keep_their_kinds(shaped):
    _, notice, _, _ = shaped
    (you, case) = [i for i in notice.facts.categories if i.id.startswith("details")]
    assert (you.ordered, you.numbering) == (True, "lower-alpha")
    name, address = you.items
    assert (name.text.value, name.ordered, name.numbering) == ("your name", True, "lower-roman")
    first, family = name.items
    assert [i.text.value for i in first.items] == ["including any preferred name"]
    assert not first.ordered and family.text.value == "family name" and address.items == ()
    assert case.items == ()


def test_typed_numbers_and_letters_nest_by_their_kind(shaped):
    _, notice, _, _ = shaped
    criteria = notice.sections[1].blocks[3]
    assert (criteria.kind, criteria.numbering or "decimal") == ("numbered", "decimal")
    crime, school = criteria.items
    assert (crime.ordered, crime.numbering) == (True, "lower-alpha")
    assert [i.text.value for i in crime.items] == [
        "a young person involved in anti-social behaviour",
        "an adult involved in crime",
    ]
    (abuse,) = crime.items[1].items
    assert (crime.items[1].numbering, abuse.text.value) == ("lower-roman", "including domestic abuse")
    assert school.text.value == "Children who are not attending school regularly"
    rights = notice.sections[5].blocks[1]
    assert (rights.kind, rights.numbering) == ("numbered", "lower-alpha")
    assert [i.text.value for i in rights.items][-1] == "object"


def test_a_deeper_indent_is_a_deeper_level(shaped):
    _, notice, _, _ = shaped
    (team,) = [i for i in notice.facts.categories if i.id == "youth-offending-team"]
    levels = []
    item = team
    while item.items:
        item = item.items[0]
        levels.append(item.text.value)
    assert levels == ["Case workers", "Senior case workers", "Court officers"]


def test_recipients_and_retention_tables_are_facts(shaped):
    _, notice, out, _ = shaped
    assert [(r.text.value, r.why.value, r.basis_text.value) for r in notice.facts.recipients] == [
        ("Northshire Police", "To prevent crime", "Public task"),
        ("Schools", "To support attendance", "Legal obligation"),
    ]
    assert [(r.what.value, r.period.value, r.start.value) for r in notice.facts.retention] == [
        ("Case records", "6 years", "the case closes"),
        ("Referrals", "2 years", "the referral"),
    ]
    keep = notice.sections[3]
    assert [b.kind for b in keep.blocks][:2] == ["paragraph", "facts"]
    assert keep.blocks[0].text.value == "Table 2: Retention schedule"  # its caption, kept
    cookies = keep.blocks[-1]
    assert (cookies.kind, cookies.header_column, cookies.row_ids) == (
        "table",
        True,
        ("yjs-session", "yjs-lang"),
    )
    assert "its rows were made retention facts" in out and "its rows were made recipients facts" in out


def test_a_contact_block_of_labels_keeps_its_labels(shaped):
    _, notice, out, _ = shaped
    (block,) = notice.sections[4].blocks
    assert block.kind == "details"
    assert [(d.label.value, d.value.value) for d in block.details] == [
        ("Telephone", "0100 000 0003"),
        ("Email", "youth.justice@example.gov.uk"),
        ("Website", "https://www.example.gov.uk/youth-justice"),
    ]
    assert "were made a details block" in out


def test_the_page_keeps_every_item_at_its_level(shaped, tmp_path: Path):
    project, _, _, docx = shaped
    build(BuildOptions(root=project, langs=("en",), formats=("html",), out=tmp_path / "dist"))
    html = (tmp_path / "dist" / "youth-justice" / "en" / "index.html").read_text(encoding="utf-8")
    shape = word_shape(docx)
    shape.cells = [
        c for c in shape.cells if c not in ("Who we share it with", "Record", "How long we keep it")
    ]
    figures = page_figures(shape, html, ["Sefton"])
    assert figures.found == figures.total, figures.missed
    assert figures.total["items"] == 11
    for nested in ('<ol type="a">', '<ol type="i">'):
        assert nested in html


# -- each rule on wordings the fixture does not use ------------------------------------


@pytest.mark.parametrize(
    "text,names",
    [
        ("Central Bedfordshire Council is the data controller for all information.", ["Central Bedfordshire Council"]),
        ("The data controller is the Department for Education (DfE).", ["Department for Education (DfE)"]),
        ("We, Leigh Academies Trust (LAT), are the ‘data controller’ for this.", ["Leigh Academies Trust (LAT)"]),
        ("As a Local Authority and Data Controller, London Borough of Camden collects data.", ["London Borough of Camden"]),
        ("NHS Sefton and Liverpool City Council are joint controllers.", ["NHS Sefton", "Liverpool City Council"]),
        ("Defra is registered as a controller with the ICO.", ["Defra"]),
        ("The Council is the data controller.", []),
        ("We are the data controller.", []),
        ("Contact the controller of your data.", []),
        ("The controller is dpo@example.gov.uk.", []),
    ],
)  # fmt: skip
def test_controllers_in_a_sentence(text: str, names: list[str]):
    assert owner.controllers_in(text) == names


@pytest.mark.parametrize(
    "line,pair",
    [
        ("Version number: 1.2", ("Version number", "1.2")),
        ("Website: https://www.example.gov.uk", ("Website", "https://www.example.gov.uk")),
        ("Note: this applies to pupils.", None),
        ("We may share your data with the following: schools and colleges", None),
        ("https://www.example.gov.uk", None),
    ],
)
def test_label_value_lines(line: str, pair: tuple[str, str] | None):
    assert details.split(line) == pair


@pytest.mark.parametrize(
    "marker,before,family",
    [
        ("1.", "", "decimal"),
        ("a)", "", "lower-alpha"),
        ("(iv)", "", "lower-roman"),
        ("i)", "h)", "lower-alpha"),
        ("i)", "b)", "lower-roman"),
        ("B.", "", "upper-alpha"),
        ("·", "", "bullet"),
    ],
)
def test_typed_marker_families(marker: str, before: str, family: str):
    assert lists.family(marker, before) == family


def test_a_table_with_other_columns_stays_a_table():
    schedule = Block(
        "table", 1, header=["Record", "How long", "Why we keep it"], rows=[["A", "1 year", "law"]]
    )
    assert tables.as_facts(schedule) is None
    schedule.header = ["Type of record", "Retention period"]
    assert tables.as_facts(schedule) == ("retention", [{"what": "A", "period": "1 year", "_slug": "A"}])


def test_typed_numbers_in_a_plain_document(project: Path, tmp_path: Path):
    """Loose "a) b) c)" paragraphs with no Word numbering and no indents are a lettered list."""
    b = make.Builder()
    b.p(make.run("Privacy notice – Allotments"), style="Title")
    b.p(make.run("Why we use your data"), style="Heading 1")
    b.p(make.run("We use it to:"))
    for typed in (
        "a) let your plot",
        "b) collect the rent",
        "(i) by direct debit",
        "(ii) by card",
        "c) contact you",
    ):
        b.p(make.run(typed))
    _, notice, _ = do_import(project, b.save(tmp_path / "allotments.docx"), "allotments")
    block = notice.sections[0].blocks[1]
    assert (block.kind, block.numbering) == ("numbered", "lower-alpha")
    assert [i.text.value for i in block.items] == ["let your plot", "collect the rent", "contact you"]
    assert [i.text.value for i in block.items[1].items] == ["by direct debit", "by card"]
    assert block.items[1].numbering == "lower-roman"
    (controller,) = notice.controllers  # none named: left to confirm, not the site's
    assert any("does not say who the data controller is" in c.reason for c in notice.to_confirm)
    assert "Sefton" not in controller.name.value


def test_markup_in_the_text_is_kept_as_text(project: Path, tmp_path: Path):
    b = make.Builder()
    b.p(make.run("Privacy notice – Markup"), style="Title")
    b.p(make.run("Odd text"), style="Heading 1")
    b.p(make.run("Use <script>alert(1)</script> and <b>bold</b>, as a < b & c > d."))
    _, _, _ = do_import(project, b.save(tmp_path / "markup.docx"), "markup")
    out = tmp_path / "dist"
    build(BuildOptions(root=project, langs=("en",), formats=("html", "txt"), out=out))
    html = (out / "markup" / "en" / "index.html").read_text(encoding="utf-8")
    text = (out / "markup" / "en" / "markup.txt").read_text(encoding="utf-8")
    said = "Use <script>alert(1)</script> and <b>bold</b>, as a < b & c > d."
    assert said in text and "&lt;" not in text
    assert (
        "Use &lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;, as a &lt; b &amp; c &gt; d."
        in html
    )
    assert "<script>" not in html


def test_hidden_characters_in_a_word_file_are_dropped_not_refused(project: Path, tmp_path: Path):
    b = make.Builder()
    b.p(make.run("Privacy notice – Hidden"), style="Title")
    b.p(make.run("About"), style="Heading 1")
    b.p(make.run("We keep\u202e your data\u200b for six\x85 years."))
    b.p(make.run("فارسی\u200cها are kept whole."))  # a joiner inside a Persian word stays
    _, notice, _ = do_import(project, b.save(tmp_path / "hidden.docx"), "hidden")
    texts = [block.text.value for section in notice.sections for block in section.blocks if block.text]
    assert "We keep your data for six years." in texts
    assert "فارسی\u200cها are kept whole." in texts


# -- a zip bomb ----------------------------------------------------------------------------


def _bomb(path: Path, part: str, size: int) -> Path:
    """A valid small .docx whose `part` unpacks to `size` bytes of one repeated paragraph."""
    source = make.Builder().save(path.with_name("small.docx"))
    chunk = b"<w:p><w:r><w:t>" + b"A" * 1_000_000 + b"</w:t></w:r></w:p>"
    with zipfile.ZipFile(source) as small, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in small.infolist():
            if info.filename != part:
                out.writestr(info, small.read(info.filename))
        with out.open(part, "w", force_zip64=True) as handle:
            handle.write(
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            )
            for _ in range(size // len(chunk)):
                handle.write(chunk)
            handle.write(b"</w:body></w:document>")
    return path


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (768 * 1024 * 1024,) * 2)
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))


@pytest.mark.parametrize(
    "part,size,said",
    [
        ("word/document.xml", 300_000_000, "would unpack to 286 MB"),
        ("word/styles.xml", 40_000_000, "(word/styles.xml)"),
    ],
)
def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    project: Path, tmp_path: Path, part: str, size: int, said: str
):
    bomb = _bomb(tmp_path / "bomb.docx", part, size)
    assert bomb.stat().st_size < size // 100  # small on disk
    done = subprocess.run(
        [sys.executable, "-m", "noticegen", "import", str(bomb), "--root", str(project)],
        capture_output=True,
        text=True,
        preexec_fn=_limited,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert said in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in (project / "notice_src").iterdir()) == ["assets", "site.yaml"]


def test_too_many_parts_are_refused(project: Path, tmp_path: Path):
    many = tmp_path / "many.docx"
    with (
        zipfile.ZipFile(make.Builder().save(tmp_path / "small.docx")) as small,
        zipfile.ZipFile(many, "w") as out,
    ):
        for info in small.infolist():
            out.writestr(info, small.read(info.filename))
        for n in range(2100):
            out.writestr(f"customXml/extra{n}.xml", b"<a/>")
    code, _, err = cli("import", str(many), "--root", str(project))
    assert code == 2 and "parts (at most 2000 are read)" in err


# -- any nesting Word can write ------------------------------------------------------------

FORMATS = ("bullet", "decimal", "lowerLetter", "lowerRoman")
STYLES = {"decimal": "decimal", "lowerLetter": "lower-alpha", "lowerRoman": "lower-roman"}


def _levels_of(items, depth: int = 1) -> list[tuple[int, str, bool, str | None]]:
    out = []
    for item in items:
        out.append((depth, item.text.value, item.ordered, item.numbering if item.items else None))
        out += _levels_of(item.items, depth + 1)
    return out


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 3), min_size=1, max_size=14))
def test_any_nesting_of_word_list_levels_is_kept(project: Path, tmp_path_factory, steps: list[int]):
    """Items at Word levels 0-3 (bullet, 1, a, i), each at most one deeper than the one before."""
    levels = [0]
    for step in steps[1:]:
        levels.append(min(step, levels[-1] + 1))
    b = make.Builder()
    b.bullets(94, FORMATS)
    b.p(make.run("Privacy notice – Levels"), style="Title")
    b.p(make.run("Steps"), style="Heading 1")
    for n, level in enumerate(levels):
        b.p(make.run(f"step {n}"), style="List Paragraph", num=(94, level))
    docx = b.save(tmp_path_factory.mktemp("levels") / "levels.docx")
    code, _, err = cli("import", str(docx), "--id", "levels", "--root", str(project), "--force")
    assert code == 0, err
    notice = next(n for n in load_project(project)[0].notices if n.id == "levels")
    (block,) = notice.sections[0].blocks
    assert block.kind == "list"
    found = _levels_of(block.items)
    assert [(depth, text) for depth, text, _, _ in found] == [
        (lv + 1, f"step {n}") for n, lv in enumerate(levels)
    ]
    for depth, _, ordered, numbering in found:
        if numbering is not None:  # the item has a sub-list: numbered with the next level's format
            assert (ordered, numbering) == (True, STYLES[FORMATS[depth]])


def test_typed_numbers_not_starting_at_one_are_reported(project: Path, tmp_path: Path):
    b = make.Builder()
    b.p(make.run("Privacy notice – Numbers"), style="Title")
    b.p(make.run("Steps"), style="Heading 1")
    for typed in ("3. Fill in the form", "4. Send it"):
        b.p(make.run(typed))
    _, notice, out = do_import(project, b.save(tmp_path / "numbers.docx"), "numbers")
    assert [i.text.value for i in notice.sections[0].blocks[0].items] == ["Fill in the form", "Send it"]
    assert "typed numbers starting at '3.'" in out


def test_lists_deeper_than_the_format_allows_stop_at_its_deepest_level(project: Path, tmp_path: Path):
    b = make.Builder()
    b.p(make.run("Privacy notice – Deep"), style="Title")
    b.p(make.run("Steps"), style="Heading 1")
    for n in range(12):
        b.p(make.run(f"·\tlevel {n + 1}"), indent=360 * (n + 1))
    _, notice, out = do_import(project, b.save(tmp_path / "deep.docx"), "deep")
    depth, items = 0, notice.sections[0].blocks[0].items
    while items:
        depth += 1
        items = items[-1].items
    assert depth == MAX_DEPTH
    assert out.count("list item was put at level 8: lists nest 8 levels at most") == 4


WORDS = st.sampled_from(
    ["Council", "data", "is", "the", "controller", "a)", "(ii)", "3.", "Email:", "x@y.gov.uk", "0100 000 0009",
     "<b>", "{org.name}", "[link]", "Z1234567", "Data Protection Officer", "Trust", "and", "we", "Version:", "1.2",
     "·", "how long", "Record", "Who", "Why", ":", "&", "#", "?"]
)  # fmt: skip
TEXTS = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
PARTS = st.one_of(
    st.tuples(st.just("para"), TEXTS),
    st.tuples(st.just("typed"), st.sampled_from(["1.\t", "a)\t", "(i)\t", "·\t", "o\t", "B. "]), TEXTS),
    st.tuples(st.just("level"), st.integers(0, 3), TEXTS),
    st.tuples(
        st.just("style"), st.sampled_from(["List Bullet", "List Bullet 3", "List Number 2", "Caption"]), TEXTS
    ),
    st.tuples(st.just("heading"), TEXTS),
    st.tuples(st.just("table"), st.lists(st.lists(TEXTS, min_size=2, max_size=3), min_size=1, max_size=3)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PARTS, min_size=1, max_size=16))
def test_any_mix_of_shapes_imports_to_a_notice_that_loads(
    project: Path, tmp_path_factory, parts: list[tuple]
):
    """Whatever the mix of lists, typed markers, labels, tables and names, the import writes a
    notice that loads (exit 0), never one the loader refuses (exit 3)."""
    b = make.Builder()
    b.bullets(95, FORMATS)
    b.p(make.run("Privacy notice – Mixed"), style="Title")
    for kind, *rest in parts:
        if kind == "para":
            b.p(make.run(rest[0]))
        elif kind == "typed":
            b.p(make.run(rest[0] + rest[1]))
        elif kind == "level":
            b.p(make.run(rest[1]), style="List Paragraph", num=(95, rest[0]))
        elif kind == "style":
            b.p(make.run(rest[1]), style=rest[0])
        elif kind == "heading":
            b.p(make.run(rest[0]), style="Heading 1")
        else:
            rows = [(row + ["x"] * 3)[: len(rest[0][0])] for row in rest[0]]
            _table(b, [tuple(r) for r in rows])
    docx = b.save(tmp_path_factory.mktemp("mixed") / "mixed.docx")
    code, _, err = cli("import", str(docx), "--id", "mixed", "--root", str(project), "--force")
    assert code == 0, err


def _table(b, rows: list[tuple[str, ...]]) -> None:
    table = b.doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
