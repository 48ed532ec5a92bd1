"""Every hostile source text of tests/hostile/sources.json: refused with file:line:col, or shown as
text (issue 15). The build runs through the command line, so an exit code 3 would show here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main

CASES = json.loads((Path(__file__).parent / "hostile/sources.json").read_text(encoding="utf-8"))


def plant(root: Path, yaml_value: str) -> Path:
    notice = root / "notice_src/library.yaml"
    text = notice.read_text(encoding="utf-8")
    assert 'paragraph: "You can also:"' in text
    notice.write_text(
        text.replace('paragraph: "You can also:"', f"paragraph: {yaml_value}"), encoding="utf-8"
    )
    return notice


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hostile_source_text(tmp_path: Path, case: dict, capsys) -> None:
    root = copy_root("basic", tmp_path)
    plant(root, case["yaml"])
    code = main(["build", "--root", str(root), "--format", "html,txt,docx", "-j", "1"])
    err = capsys.readouterr().err
    if case["expect"] is None:
        assert code == 0, err
        page = (root / "dist/library/en/index.html").read_text(encoding="utf-8")
        assert "<b " not in page and "onmouseover" not in page.replace("onmouseover=", "")
        return
    assert code == 2, err
    assert case["expect"] in err, err
    assert "notice_src/library.yaml:" in err
    assert not (root / "dist").exists()


def test_a_less_than_sign_is_text(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    plant(root, '"Children aged a < b and 5 > 3"')
    assert main(["build", "--root", str(root), "--format", "html,txt", "-j", "1"]) == 0
    assert "Children aged a &lt; b and 5 &gt; 3" in (root / "dist/library/en/index.html").read_text()
    assert "Children aged a < b and 5 > 3" in (root / "dist/library/en/library.txt").read_text()


def test_a_lone_carriage_return_ends_a_line(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    plant(root, '"line one\\rline two"')
    assert main(["build", "--root", str(root), "--format", "html,txt", "-j", "1"]) == 0
    assert "line one<br>line two" in (root / "dist/library/en/index.html").read_text()
    assert "line oneline two" not in (root / "dist/library/en/library.txt").read_text()


def test_a_byte_order_mark_at_the_start_is_dropped(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    for name in ("library.yaml", "site.yaml"):
        path = root / "notice_src" / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert main(["build", "--root", str(root), "--format", "html", "-j", "1"]) == 0


def test_a_byte_order_mark_elsewhere_is_refused_at_its_place(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    site = root / "notice_src/site.yaml"
    site.write_text(site.read_text().replace("name: Example Council", "name: Example\ufeff Council"))
    assert main(["build", "--root", str(root), "--format", "html", "-j", "1"]) == 2
    assert "notice_src/site.yaml:2:16: error: a byte-order mark" in capsys.readouterr().err


def test_a_release_summary_with_a_direction_control_is_refused(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    args = ["release", "library", "--root", str(root), "--major", "--summary", "Fixed \u202etxt.exe"]
    assert main(args) == 2
    assert "--summary: a text-direction control (U+202E" in capsys.readouterr().err


def test_a_url_field_with_userinfo_or_a_made_up_idna_host_is_refused(tmp_path: Path, capsys) -> None:
    for url, message in (
        ("https://xn--a.example/", "not a valid international domain name"),
        ("https://ico.org.uk/\u200bmake", "zero-width space"),
    ):
        root = copy_root("basic", tmp_path / message[:8].replace(" ", "-"))
        site = root / "notice_src/site.yaml"
        site.write_text(
            site.read_text().replace("url: https://ico.org.uk/make-a-complaint/", f'url: "{url}"')
        )
        assert main(["build", "--root", str(root), "--format", "html", "-j", "1"]) == 2
        err = capsys.readouterr().err
        assert message in err and "notice_src/site.yaml:" in err, err


def test_a_link_with_a_title_that_reaches_a_page_keeps_all_its_text() -> None:
    from noticegen import inline

    runs = inline.parse('See [a](https://x.gov.uk "t" onmouseover=alert(1)) after')
    shown = "".join(run.text for run in runs)
    assert shown == 'See [a](https://x.gov.uk "t" onmouseover=alert(1)) after'
    html = str(inline.to_html(runs))
    assert html.count("<a ") == 1 and '<a href="https://x.gov.uk"' in html  # the bare address only


def test_a_release_snapshot_with_a_hidden_character_is_refused(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    assert main(["release", "library", "--root", str(root), "--major", "--summary", "First."]) == 0
    snapshot = next((root / "notice_src/releases/library").glob("*.json"))
    snapshot.write_text(snapshot.read_text().replace('"First."', '"First.\\u202e"'))
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--format", "html", "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "releases/library/" in err and "U+202E" in err and "restore the snapshot from git" in err
