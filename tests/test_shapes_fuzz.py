"""Property test: any nesting of bullets and numbered lists (any style, up to six levels) loads,
and the page, the Word file and the text show every item at its level in its list's style, as
real readers (an HTML parser, python-docx) see them."""

from __future__ import annotations

import io
import re

import docx
from conftest import copy_root
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_shapes_output import outline

from noticegen.builders.docx import DocxBuilder
from noticegen.builders.html import HtmlBuilder
from noticegen.builders.job import Job
from noticegen.builders.text import TextBuilder
from noticegen.source import load_project
from noticegen.templating import templates_dir

STYLES = ["bullet", "decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman"]
HTML_TYPES = {"decimal": None, "lower-alpha": "a", "upper-alpha": "A", "lower-roman": "i", "upper-roman": "I"}
WORD = {
    "bullet": "bullet",
    "decimal": "decimal",
    "lower-alpha": "lowerLetter",
    "upper-alpha": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
}


def trees(depth: int):
    leaf = st.just(None)
    if depth >= 6:
        return st.lists(leaf, min_size=1, max_size=3)
    child = st.one_of(leaf, st.tuples(st.sampled_from(STYLES), st.deferred(lambda: trees(depth + 1))))
    return st.lists(child, min_size=1, max_size=3)


def to_yaml(items: list, style: str, indent: str, path: str, out: list[str], flat: list) -> None:
    """YAML lines for a list of items; `flat` gets (depth, style, text) in reading order."""
    for n, sub in enumerate(items, start=1):
        ident = f"i{n}"
        text = f"item {path}{n}"
        flat.append((len(indent) // 4, style, text))
        out.append(f"{indent}- id: {ident}")
        out.append(f"{indent}  text: {text}")
        if sub is not None:
            child_style, children = sub
            key = "items" if child_style == "bullet" else "numbered"
            out.append(f"{indent}  {key}:")
            to_yaml(children, child_style, indent + "    ", f"{path}{n}.", out, flat)
            if child_style != "bullet":
                out.append(f"{indent}  numbering: {child_style}")


def notice_yaml(style: str, items: list) -> tuple[str, list]:
    lines: list[str] = []
    flat: list = []
    to_yaml(items, style, "          ", "", lines, flat)
    flat = [(depth - 2, s, t) for depth, s, t in flat]
    kind = "list" if style == "bullet" else "numbered"
    head = (
        'id: parking\ntitle: Parking\nversion: "1.0"\neffective: 2024-01-01\nsections:\n'
        f"  - id: s\n    title: S\n    body:\n      - id: l\n        {kind}:\n"
    )
    tail = f"        numbering: {style}\n" if style != "bullet" else ""
    return head + "\n".join(lines) + "\n" + tail, flat


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(style=st.sampled_from(STYLES), items=trees(1))
def test_any_nesting_is_shown_at_its_level_in_every_format(tmp_path_factory, style: str, items: list) -> None:
    root = copy_root("minimal", tmp_path_factory.mktemp("fuzz"))
    text, flat = notice_yaml(style, items)
    (root / "notice_src/parking.yaml").write_text(text)
    project, _ = load_project(root)
    job = Job(project.site, project.notices[0], "en", templates_dir(root), str(root))

    page = HtmlBuilder().build(job)[0].data.decode()
    body = page[page.index('id="s"') : page.index("</section>")]
    assert outline(body).items == [
        (depth + 1, "ul" if s == "bullet" else "ol", None if s == "bullet" else HTML_TYPES[s])
        for depth, s, _ in flat
    ]

    document = docx.Document(io.BytesIO(DocxBuilder().build(job)[0].data))
    formats = _word_formats(document)
    listed = [p for p in document.paragraphs if p.text.startswith("item ")]
    assert [p.text for p in listed] == [t for _, _, t in flat]
    for paragraph, (depth, s, _) in zip(listed, flat, strict=True):
        num_pr = paragraph._p.pPr.numPr
        assert num_pr.ilvl.val == depth
        assert formats[(num_pr.numId.val, depth)] == WORD[s]

    plain = TextBuilder().build(job)[0].data.decode()
    for depth, s, label in flat:
        line = next(x for x in plain.splitlines() if x.endswith(label))
        marker = line[: -len(label)].strip()
        assert (marker == "-") == (s == "bullet"), line
        assert len(line) - len(line.lstrip()) >= 2 * depth or depth == 0


def _word_formats(document) -> dict[tuple[int, int], str]:
    """(numId, level) -> the number format Word shows there."""
    numbering = document.part.numbering_part.element
    abstract = {}
    for definition in numbering.findall("{*}abstractNum"):
        ident = int(definition.get(_w("abstractNumId")))
        for level in definition.findall("{*}lvl"):
            fmt = level.find("{*}numFmt").get(_w("val"))
            abstract[(ident, int(level.get(_w("ilvl"))))] = fmt
    out = {}
    for num in numbering.findall("{*}num"):
        num_id = int(num.get(_w("numId")))
        ident = int(num.find("{*}abstractNumId").get(_w("val")))
        for level in range(9):
            out[(num_id, level)] = abstract.get((ident, level), "")
    return out


def _w(name: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name


def test_the_generator_makes_deep_trees() -> None:
    text, flat = notice_yaml("decimal", [("bullet", [("lower-roman", [("upper-alpha", [None])])])])
    assert max(depth for depth, _, _ in flat) == 3
    assert re.search(r"numbering: upper-alpha", text)
