"""What makes an interface translation unusable, beyond what msgfmt and the link checks see."""

from __future__ import annotations

import re

FORMAT_NAME = re.compile(r"%\((\w+)\)")


def format_problem(english: str, translated: str) -> str | None:
    """Interface words are always %-format strings (Jinja's newstyle gettext): a stray `%` in a
    translation would stop every page of the language. None when the translation formats."""
    values = {name: 1 for name in FORMAT_NAME.findall(english + translated)}
    try:
        english % values
    except (ValueError, TypeError, KeyError):
        return None  # the English is not a format string either: nothing to compare with
    try:
        translated % values
    except (ValueError, TypeError, KeyError):
        return (
            "has a % that is not a format marker: write %% for a percent sign and copy "
            "markers such as %(version)s exactly"
        )
    return None
