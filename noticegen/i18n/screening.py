"""A catalog from outside is safe to read: its size, its encoding, no invisible characters, and a
Plural-Forms expression gettext can run (it is evaluated for every number shown)."""

from __future__ import annotations

import gettext
import re

from noticegen import hygiene
from noticegen.errors import Problem, UserError
from noticegen.model import Loc
from noticegen.source import limits

MAX_BYTES = limits.CATALOG_BYTES
PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")


def screened(shown: str, data: bytes) -> str:
    """The file as text, refused when too big, not UTF-8, or holding invisible characters."""
    if len(data) > MAX_BYTES:
        raise UserError.at(
            shown, f"this catalog is larger than {MAX_BYTES // 1024 // 1024} MB: it cannot be right"
        )
    try:
        text = hygiene.without_bom(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(
            Problem(Loc(shown, line), "error", "the file is not UTF-8 text: save it as UTF-8")
        ) from None
    found = hygiene.file_findings(text, marks_allowed=True)
    problems = [Problem(Loc(shown, line, col), "error", message) for line, col, message in found]
    if problems:
        raise UserError(problems)
    return text


def check_plural_forms(shown: str, text: str, header: str | None) -> None:
    """The Plural-Forms header must be an expression gettext can use."""
    if not header:
        return
    line = next((n for n, row in enumerate(text.splitlines(), 1) if "Plural-Forms:" in row), 0)
    match = PLURAL_FORMS.match(header)
    problem = None if match else "it should read like 'nplurals=2; plural=(n != 1);'"
    if match:
        try:
            gettext.c2py(match.group(2))
        except (ValueError, SyntaxError, RecursionError, MemoryError) as exc:
            problem = f"its expression cannot be used ({exc})"
        if not 1 <= int(match.group(1)) <= 6:
            problem = "nplurals must be a number from 1 to 6"
    if problem:
        raise UserError(
            Problem(
                Loc(shown, line),
                "error",
                f"the Plural-Forms header is not valid: {problem}; copy the line for your "
                "language from the gettext manual, or restore the file from version control",
            )
        )
