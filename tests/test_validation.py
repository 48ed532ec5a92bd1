"""Every class of source error gives one exact `path:line:col: error: message`, exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main

NOTICE = "notice_src/parking.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_root("minimal", tmp_path)


def run(project: Path, *args: str) -> tuple[int, list[str]]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["build", "--root", str(project), "--format", "html", *args])
    return code, [line for line in err.getvalue().splitlines() if line]


def edit(project: Path, old: str, new: str, name: str = NOTICE) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = {
    "unknown key": (
        "title: Parking",
        "titel: Parking",
        [
            f"{NOTICE}:1:1: error: a notice has no 'title': add it",
            f"{NOTICE}:2:1: error: unknown key 'titel' in a notice (did you mean 'title'?)",
        ],
    ),
    "missing field": (
        'version: "1.0"\n',
        "",
        [f"{NOTICE}:1:1: error: a notice has no 'version': add it"],
    ),
    "wrong type": (
        "effective: 2024-01-01",
        "effective: [2024]",
        [f"{NOTICE}:4:12: error: effective date should be text, not a list"],
    ),
    "duplicate id": (
        "  - block: rights",
        "  - id: intro\n    title: Again\n    body:\n      - {id: x, paragraph: Text.}",
        [
            f"{NOTICE}:11:5: error: duplicate id 'intro' in sections (first used at line 6): every id must be different"
        ],
    ),
    "malformed id": (
        "  - id: intro",
        "  - id: Intro_1",
        [
            f"{NOTICE}:6:9: error: 'Intro_1' is not a valid id for a section id: use lower-case letters, "
            "digits and single hyphens, like 'who-we-are'"
        ],
    ),
    "bad email": (
        "sections:",
        "contacts:\n  - {id: team, email: team.example.gov.uk}\nsections:",
        [
            f"{NOTICE}:6:23: error: 'team.example.gov.uk' is not a valid email address: write it like name@example.gov.uk"
        ],
    ),
    "bad telephone": (
        "sections:",
        "contacts:\n  - {id: team, phone: call us}\nsections:",
        [
            f"{NOTICE}:6:23: error: 'call us' is not a valid telephone number: write it like 0151 934 3359 (digits and spaces only)"
        ],
    ),
    "bad url": (
        "sections:",
        "contacts:\n  - {id: team, url: www.example.gov.uk}\nsections:",
        [
            f"{NOTICE}:6:21: error: 'www.example.gov.uk' is not a valid web address: write it like https://www.example.gov.uk/page"
        ],
    ),
    "missing shared block": (
        "  - block: rights",
        "  - block: right",
        [
            f"{NOTICE}:11:5: error: there is no shared block 'right' in site.yaml (did you mean 'rights'?): "
            "define it under 'blocks:' or fix the name"
        ],
    ),
    "raw html": (
        "paragraph: We use",
        "paragraph: <b>We</b> use",
        [
            f"{NOTICE}:10:20: error: raw HTML '<b>' is not allowed in paragraph 'what': use Markdown "
            "(*emphasis*, [link text](https://…)) instead"
        ],
    ),
    "empty text": (
        "paragraph: We use your details to issue a permit.",
        'paragraph: ""',
        [f"{NOTICE}:10:20: error: paragraph 'what' is empty: write a value or remove the key"],
    ),
    "bad date": (
        "effective: 2024-01-01",
        "effective: 1 January 2024",
        [
            f"{NOTICE}:4:12: error: '1 January 2024' is not a valid date for effective date: write it as YYYY-MM-DD, like 2024-09-01"
        ],
    ),
    "yaml syntax": (
        "title: Parking permits privacy notice",
        "title: [Parking",
        [
            f"{NOTICE}:3:8: error: this is not valid YAML (while parsing a flow sequence expected ',' or ']', but got ':'): "
            "check the indentation, colons and quotes on this line and the one before"
        ],
    ),
    "yaml alias": (
        "title: Parking permits privacy notice",
        "title: &t Parking\nsummary: *t",
        [
            f"{NOTICE}:2:8: error: YAML anchors and aliases (& and *) are not allowed: write the text out, or use a shared block"
        ],
    ),
    "unknown placeholder": (
        "paragraph: We use",
        "paragraph: Write to {dpo.phone}. We use",
        [f"{NOTICE}:10:20: error: contact 'dpo' has no phone: add it to the contact or fix '{{dpo.phone}}'"],
    ),
    "unsafe link": (
        "paragraph: We use your details to issue a permit.",
        'paragraph: "[see](javascript:alert(1)) We use"',
        [
            f"{NOTICE}:10:20: error: the link 'javascript:alert(1' in paragraph 'what' is not allowed: "
            "links may go to https://, http://, mailto: or tel: addresses only"
        ],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_error_message(project: Path, case: str) -> None:
    old, new, expected = CASES[case]
    edit(project, old, new)
    code, lines = run(project)
    assert lines == expected
    assert code == 2


def test_every_problem_is_reported_at_once(project: Path) -> None:
    edit(project, "  - id: intro", "  - id: Intro")
    edit(project, "effective: 2024-01-01", "effective: someday")
    code, lines = run(project)
    assert code == 2
    assert len(lines) == 2
    assert lines[0].startswith(f"{NOTICE}:4:12: error: 'someday' is not a valid date")
    assert lines[1].startswith(f"{NOTICE}:6:9: error: 'Intro' is not a valid id")


def test_strict_turns_warnings_into_errors(project: Path) -> None:
    edit(project, "effective: 2024-01-01", "effective: 2024-01-01\nreview_by: 2023-01-01")
    code, lines = run(project, "--out", str(project / "out"))
    assert code == 0
    assert lines[0] == (
        f"{NOTICE}:5:12: warning: the review date 2023-01-01 is not after the "
        "effective date 2024-01-01: check both dates"
    )
    code, lines = run(project, "--strict")
    assert code == 2
    assert lines[0].startswith(f"{NOTICE}:5:12: error: the review date")


def test_no_traceback_unless_debug(project: Path) -> None:
    edit(project, "effective: 2024-01-01", "effective: [")
    code, lines = run(project)
    assert code == 2
    assert not any("Traceback" in line for line in lines)


def test_unknown_format_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", "--root", str(project), "--format", "rtf"])
    assert stop.value.code == 2
    assert "unknown format 'rtf': choose from html, pdf, docx, txt" in capsys.readouterr().err


def test_unknown_notice_is_a_usage_error(project: Path) -> None:
    code, lines = run(project, "--notice", "parkin")
    assert code == 2
    assert lines == ["error: there is no notice 'parkin': choose one of parking"]


def test_a_web_address_in_a_one_line_mapping_is_fine(project: Path) -> None:
    edit(project, "sections:", "contacts:\n  - {id: team, url: https://www.example.gov.uk/team}\nsections:")
    code, lines = run(project, "--out", str(project / "out"))
    assert (code, lines) == (0, [])


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "title: Parking permits privacy notice",
            "title: Parking: permits",
            f"{NOTICE}:2:15: error: this is not valid YAML (mapping values are not allowed here): a value that "
            "contains ': ' must be put in double quotes, like \"Note: this\"",
        ),
        (
            'version: "1.0"',
            '\tversion: "1.0"',
            f"{NOTICE}:3:1: error: this is not valid YAML (while scanning for the next token found character "
            "'\\t' that cannot start any token): indent with spaces, not tabs (your editor can turn tabs into spaces)",
        ),
        (
            "title: Parking permits privacy notice",
            'title: "Parking permits privacy notice',
            f"{NOTICE}:2:8: error: this is not valid YAML (while parsing a block mapping expected <block end>, "
            "but found '<scalar>'): a double quote opened here is never closed on its line: close it or remove it",
        ),
    ],
    ids=["colon", "tab", "unclosed quote"],
)
def test_yaml_mistakes_get_plain_advice(project: Path, old: str, new: str, expected: str) -> None:
    edit(project, old, new)
    code, lines = run(project)
    assert (code, lines) == (2, [expected])


def test_a_refused_email_is_reported_once(project: Path) -> None:
    edit(project, "sections:", "contacts:\n  - {id: team, email: team.example.gov.uk}\nsections:")
    edit(project, "paragraph: We use", "paragraph: Write to {team.email}. We use")
    code, lines = run(project)
    assert code == 2
    assert lines == [
        f"{NOTICE}:6:23: error: 'team.example.gov.uk' is not a valid email address: write it like name@example.gov.uk"
    ]


def test_a_misspelt_placeholder_field_gets_a_suggestion(project: Path) -> None:
    edit(project, "sections:", "contacts:\n  - {id: team, email: team@example.gov.uk}\nsections:")
    edit(project, "paragraph: We use", "paragraph: Write to {team.emial}. We use")
    code, lines = run(project)
    assert (code, lines) == (
        2,
        [
            f"{NOTICE}:12:20: error: '{{team.emial}}': a contact has no 'emial' (did you mean 'email'?): "
            "use one of name, email, phone, url, link, address"
        ],
    )
