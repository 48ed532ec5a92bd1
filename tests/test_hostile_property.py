"""Property: any text in a paragraph (controls, direction marks, surrogate escapes, markup) is
refused with exit 2 or published so that real readers parse every output (issue 15)."""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticegen.cli import main
from noticegen.hygiene import SUSPECT

ROOTS = Path(__file__).resolve().parent / "roots"
WORK = Path(tempfile.mkdtemp(prefix="noticegen-hostile-"))
PROJECT = WORK / "basic"
shutil.copytree(ROOTS / "basic", PROJECT)
NOTICE = PROJECT / "notice_src/library.yaml"
VALID = NOTICE.read_text(encoding="utf-8")
PIECES = st.sampled_from(
    [
        "\u202e",
        "\u2066",
        "\u200b",
        "\u200c",
        "\u200d",
        "\u200e",
        "\ufeff",
        "\x1b",
        "\x07",
        "\x85",
        "\r",
        "<",
        ">",
        "&",
        "<b>",
        "[a](https://x.gov.uk)",
        "https://a@b.example/",
        "%",
        "\u0645",
        "\u0915",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=8).map("".join)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_paragraph_is_refused_or_readable_everywhere(value: str) -> None:
    shutil.rmtree(PROJECT / "dist", ignore_errors=True)
    # Written as a JSON string, which is a valid YAML double-quoted scalar: every escape arrives.
    NOTICE.write_text(
        VALID.replace('paragraph: "You can also:"', f"paragraph: {json.dumps(value)}"), encoding="utf-8"
    )
    code = main(["build", "--root", str(PROJECT), "--format", "html,txt,docx", "-j", "1", "--force"])
    assert code in (0, 2), code  # never a fault inside noticegen
    if code == 2:
        assert not (PROJECT / "dist").exists()
        return
    folder = PROJECT / "dist/library/en"
    for page in folder.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        HTMLParser().feed(html)
        assert not [c for c in SUSPECT.findall(html) if c not in "\u200c\u200d"], page.name
    with zipfile.ZipFile(folder / "library.docx") as docx:
        for name in docx.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(docx.read(name))
    text = (folder / "library.txt").read_text(encoding="utf-8")
    assert not [c for c in SUSPECT.findall(text) if c not in "\u200c\u200d"]
