"""Fuzzing: random and mutated sources and catalogs give a clean error or success, never a crash."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticegen.errors import UserError
from noticegen.i18n import catalogs
from noticegen.source import load_project

ROOTS = Path(__file__).resolve().parent / "roots"
WORK = Path(tempfile.mkdtemp(prefix="noticegen-fuzz-"))
PROJECT = WORK / "basic"
shutil.copytree(ROOTS / "basic", PROJECT)
NOTICE = PROJECT / "notice_src/library.yaml"
VALID = (ROOTS / "basic/notice_src/library.yaml").read_text(encoding="utf-8")
VALID_LINES = VALID.splitlines(keepends=True)
SETTINGS = settings(
    max_examples=1200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)

YAML_BITS = st.sampled_from(
    [
        ":",
        "- ",
        "  ",
        "\n",
        "{",
        "}",
        "[",
        "]",
        "&a ",
        "*a",
        "!!str ",
        "'",
        '"',
        "#",
        "|",
        ">",
        "id: x",
        "text: ",
        "paragraph: ",
        "<b>",
        "{org.name}",
        "{nobody.email}",
        "[l](javascript:x)",
        "\t",
        "\x00",
        "é",
        "—",
        "2024-13-40",
        "true",
        "~",
        "null",
        "---",
        "...",
        "%YAML 1.1",
    ]
)


def load_or_error(text: str | bytes) -> None:
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    NOTICE.write_bytes(data)
    try:
        load_project(PROJECT)
    except UserError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.level in ("error", "warning")
            assert "Traceback" not in problem.message


@SETTINGS
@given(st.text(max_size=400))
def test_random_text_as_a_notice(text: str) -> None:
    load_or_error(text)


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(VALID_LINES)),
            st.sampled_from(["delete", "insert", "replace"]),
            YAML_BITS,
            st.integers(0, 40),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_notice(mutations) -> None:
    lines = list(VALID_LINES)
    for index, action, bit, column in mutations:
        index = min(index, len(lines) - 1) if lines else 0
        if not lines:
            lines = [bit]
        elif action == "delete":
            del lines[index]
        elif action == "insert":
            lines.insert(index, bit + "\n")
        else:
            line = lines[index]
            lines[index] = line[:column] + bit + line[column + 1 :]
    load_or_error("".join(lines))


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_as_a_notice(data: bytes) -> None:
    load_or_error(data)


PO_VALID = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: notice_src/library.yaml:37
msgctxt "library/section/who-we-are/title"
msgid "Who we are"
msgstr "Kim jesteśmy"

#, fuzzy
#| msgid "Old"
msgctxt "library/section/x/title"
msgid "New"
msgstr "Nowy"
"""
PO_BITS = st.sampled_from(
    [
        '"',
        "\\",
        "msgid ",
        "msgstr ",
        "msgctxt ",
        "#, fuzzy",
        "#~ ",
        "\n",
        "msgstr[0] ",
        "msgid_plural ",
        "%s",
        "{x.y}",
        "<script>",
        "\x00",
        "ł",
    ]
)


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(PO_VALID)), PO_BITS, st.booleans()), min_size=1, max_size=5))
def test_mutated_catalog(mutations) -> None:
    text = PO_VALID
    for position, bit, delete in mutations:
        text = text[:position] + ("" if delete else bit) + text[position + (len(bit) if delete else 0) :]
    path = WORK / "fuzz.po"
    path.write_text(text, encoding="utf-8")
    try:
        catalog = catalogs.load(path, "pl")
        catalogs.coverage(catalog)
    except UserError as error:
        assert error.problems


def teardown_module() -> None:
    shutil.rmtree(WORK, ignore_errors=True)


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
