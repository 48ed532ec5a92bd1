"""The tracked-changes Word file for sign-off: real revisions, which accepted give the newer
version and rejected the older; LibreOffice opens it and sees the same revisions."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from noticegen.builders.redline import Author, Para, paragraphs, redline
from noticegen.cli import main
from noticegen.templating import BUILTIN_TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEED = "notice_src/supporting-families.yaml"
EDITS = [
    # a paragraph reworded, a paragraph removed, a recipient added
    ("launched by Govt in 2012", "launched by the Government in 2012"),
    (
        "      - id: no-marketing\n        paragraph: We do not pass personal information to third "
        "parties for marketing, sales or any other commercial purposes.\n",
        "",
    ),
    (
        "    - {id: dwp,",
        '    - {id: schools, text: "Local schools, to arrange support at school"}\n    - {id: dwp,',
    ),
    # a paragraph moved to another section
    (
        "      - id: review\n        paragraph: We will keep our privacy notice under regular review and will "
        "advise you of any updates on our website.\n",
        "",
    ),
    (
        "      - id: data-controller\n",
        "      - id: review\n        paragraph: We will keep our privacy notice under regular review and will "
        "advise you of any updates on our website.\n      - id: data-controller\n",
    ),
]


def accepted(document: bytes) -> list[str]:
    """The paragraphs' text with every revision accepted (read from the XML)."""
    return _resolve(document, keep="w:ins", drop="w:del")


def rejected(document: bytes) -> list[str]:
    return _resolve(document, keep="w:del", drop="w:ins")


def _resolve(document: bytes, keep: str, drop: str) -> list[str]:
    tree = etree.fromstring(zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml"))
    drop_tag, keep_tag = drop.replace("w:", W), keep.replace("w:", W)
    out = []
    for p in tree.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr/{drop_tag}")
        if mark is not None:  # the paragraph itself is taken away
            continue
        text = ""
        for node in p.iter(f"{W}t", f"{W}delText"):
            inside = [a.tag for a in node.iterancestors() if a.tag in (drop_tag, keep_tag)]
            if drop_tag in inside:
                continue
            text += node.text or ""
        out.append(text)
    return out


def version(root: Path, edits: list[tuple[str, str]]) -> Path:
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    path = root / SEED
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def sign_off(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    root = version(tmp_path_factory.mktemp("redline"), EDITS)
    out = root / "sign-off.docx"
    code = main(
        ["diff", "supporting-families", "--root", str(root), "--from", "1.0", "--format", "docx"]
        + ["--output", str(out), "--approved-by", "Jane Smith, Data Protection Officer"]
    )
    assert code == 0
    return out.read_bytes(), root


def texts_of(root: Path, version: str) -> list[str]:
    from noticegen.builders.job import Job
    from noticegen.builders.redline import UNWRAPPED
    from noticegen.builders.text import notice_text
    from noticegen.releases import load_version
    from noticegen.templating import templates_dir

    site, notice = load_version(root, "supporting-families", version)
    job = Job(site, notice, "en", templates_dir(root), str(root))
    return [p.text for p in paragraphs(notice_text(job, UNWRAPPED))]


def test_accept_all_gives_the_newer_version_and_reject_all_the_older(sign_off) -> None:
    data, root = sign_off
    assert accepted(data) == texts_of(root, "working")
    assert rejected(data) == texts_of(root, "1.0")


def test_revisions_carry_the_approver_and_the_release_date(sign_off) -> None:
    data, _ = sign_off
    tree = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    marks = list(tree.iter(f"{W}ins", f"{W}del"))
    assert len(marks) >= 4
    assert {m.get(f"{W}author") for m in marks} == {"Jane Smith, Data Protection Officer"}
    assert len({m.get(f"{W}id") for m in marks}) == len(marks)
    deleted = "".join(t.text for t in tree.iter(f"{W}delText"))
    inserted = "".join(t.text for m in tree.iter(f"{W}ins") for t in m.iter(f"{W}t"))
    assert "Govt" in deleted and "third parties for marketing" in deleted
    assert "the Government" in inserted and "Local schools" in inserted


def test_libreoffice_opens_it_and_sees_the_revisions(sign_off, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    data, _ = sign_off
    source = tmp_path / "sign-off.docx"
    source.write_bytes(data)
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile"]
        + ["--convert-to", "odt", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    content = zipfile.ZipFile(tmp_path / "sign-off.odt").read("content.xml").decode()
    assert content.count("<text:insertion>") >= 2 and content.count("<text:deletion>") >= 2
    assert "Local schools, to arrange support at school" in content


WORD = st.sampled_from(
    ["the", "council", "shares", "data", "with", "schools", "&", "<b>", "“quoted”", "Ω", "2024"]
)
PARAS = st.lists(st.lists(WORD, min_size=1, max_size=8).map(" ".join), max_size=6)


@settings(max_examples=60, deadline=None)
@given(old=PARAS, new=PARAS)
def test_any_pair_round_trips_and_python_docx_reads_it(old: list[str], new: list[str]) -> None:
    when = Author("A & B <DPO>", dt.datetime(2025, 3, 14, tzinfo=dt.UTC))
    data = redline(
        [Para("Normal", t) for t in old],
        [Para("Heading 2", t) for t in new],
        when,
        BUILTIN_TEMPLATES / "reference.docx",
    )
    assert accepted(data) == new and rejected(data) == old
    document = docx.Document(io.BytesIO(data))  # a real reader opens it
    assert document.core_properties.author == "A & B <DPO>"


def test_docx_needs_an_output_file_and_a_writable_place(tmp_path: Path, capsys) -> None:
    root = version(tmp_path / "council", [])
    base = ["diff", "supporting-families", "--root", str(root), "--from", "1.0", "--format", "docx"]
    assert main(base) == 2
    assert "--output" in capsys.readouterr().err
    assert main([*base, "--output", str(tmp_path / "no-such-folder" / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
    assert not (tmp_path / "no-such-folder").exists()
