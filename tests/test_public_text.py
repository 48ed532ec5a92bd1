"""Every kind of change, in every public format, is said as readers read the notice: no
{placeholder} and no setting name (`none: true`) reaches a changes page, an announcement, a feed,
the sign-off Word file or `noticegen diff`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_root
from test_five_releases import PLACEHOLDER, SETTINGS

from noticegen.changes import KINDS, diff_versions
from noticegen.changes.render import FORMATS, render
from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build

NOTICE = "notice_src/library.yaml"
NOTE = "      - id: note\n        note: This notice covers **all** our libraries.\n"
EDITS = [
    # added: a recipient
    (
        "    - {id: supplier,",
        '    - {id: schools, text: "Schools near {org.name} libraries"}\n    - {id: supplier,',
    ),
    # removed: a list item
    ("          - {id: events, text: To tell you about events}\n", ""),
    # moved to another section
    (NOTE, ""),
    ("      - id: how\n", NOTE + "      - id: how\n"),
    # split: the paragraph with placeholders
    (
        'paragraph: "{org.name} runs the libraries. Our ICO registration number is '
        '{org.ico_registration}. *Read this carefully*."',
        'paragraph: "{org.name} runs the libraries."\n      - id: registration\n'
        '        paragraph: "Our ICO registration number is {org.ico_registration}. *Read this carefully*."',
    ),
    # merged: two numbered steps
    (
        "          - {id: one, text: You fill in the form}\n",
        "          - {id: one, text: You fill in the form and we check it}\n",
    ),
    ("          - {id: two, text: We check it}\n", ""),
    # retitled: a section
    ("title: Who we share it with", "title: Who we share your details with"),
    # reworded: a retention period
    ("for 2 years after your membership ends", "for 3 years after your membership ends"),
    # changed: a contact's phone number, and the statement on transfers (`none: true` and a text)
    ('phone: "0100 000 0001"', 'phone: "0100 000 0009"'),
    (
        "  international_transfers: none\n",
        "  international_transfers:\n    none: true\n    text: We do not send {org.name} records abroad.\n",
    ),
]


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_root("basic", tmp_path_factory.mktemp("public"))
    args = ["release", "library", "--root", str(root), "--major", "--approved-by", "Jo Bloggs, DPO"]
    assert main([*args, "--summary", "First publication.", "--date", "2024-04-01"]) == 0
    path = root / NOTICE
    text = path.read_text(encoding="utf-8").replace('version: "1.2"', 'version: "1.3"')
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    assert main([*args, "--summary", "Every kind of change.", "--date", "2024-06-01"]) == 0
    build(BuildOptions(root=root, formats=("html", "txt"), workers=1))
    return root


def test_the_edits_give_every_kind_of_change(released: Path) -> None:
    changes = diff_versions(released, "library", "1.2", "1.3")
    assert {c.kind for c in changes.changes} == set(KINDS)


def test_no_placeholder_or_setting_name_in_any_format(released: Path) -> None:
    import io
    import re
    import zipfile

    changes = diff_versions(released, "library", "1.2", "1.3")
    outputs = {fmt: render(changes, fmt) for fmt in FORMATS}
    dist = released / "dist"
    for path in [*dist.glob("library/en/changes/*"), *dist.glob("feed*.atom")]:
        if path.suffix == ".docx":
            xml = zipfile.ZipFile(io.BytesIO(path.read_bytes())).read("word/document.xml").decode()
            outputs[path.name] = " ".join(re.findall(r">([^<]+)<", xml))
        else:
            outputs[path.name] = path.read_text(encoding="utf-8")
    assert {"1.3.txt", "1.3.html", "index.html", "feed.atom", "1.3-tracked-changes.docx"} <= outputs.keys()
    for name, text in outputs.items():
        assert not PLACEHOLDER.search(text), (name, PLACEHOLDER.search(text))
        for setting in SETTINGS:
            assert setting not in text, (name, setting)
    assert "We do not send Example Council records abroad." in outputs["1.3.txt"]
    assert "Schools near Example Council libraries" in outputs["1.3.txt"]
