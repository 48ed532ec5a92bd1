"""docs/source-format.md lists the same keys as the key tables the loader reads, and says the
same about which are required: the guide cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from noticegen.source import NOTICE_KEYS
from noticegen.source.keys import Key
from noticegen.source.site import FRAGMENT_KEYS, LOGO_KEYS, ORGANISATION_KEYS, SITE_KEYS

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "source-format.md"
ROW = re.compile(r"^\|\s*`([a-z_]+)`\s*\|\s*([^|]*?)\s*\|")

TABLES = {  # the heading the table follows in the guide: the keys it documents
    "## 5. The site file: `site.yaml`": SITE_KEYS,
    "### `organisation`": ORGANISATION_KEYS,
    "### `logo`": LOGO_KEYS,
    "### `fragment`": FRAGMENT_KEYS,
    "## 6. A notice file": NOTICE_KEYS,
}


def documented(heading: str) -> dict[str, str]:
    """The first table after `heading`: key name -> its second column."""
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    start = lines.index(heading)
    rows: dict[str, str] = {}
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        match = ROW.match(line)
        if match:
            rows[match.group(1)] = match.group(2)
        elif rows and not line.startswith("|"):
            break
    return rows


@pytest.mark.parametrize("heading", TABLES, ids=list(TABLES))
def test_the_guide_lists_every_key_and_no_other(heading: str) -> None:
    keys: tuple[Key, ...] = TABLES[heading]
    assert sorted(documented(heading)) == sorted(
        k.name for k in keys if k.name != "silence" or heading.startswith("#")
    )


@pytest.mark.parametrize("heading", TABLES, ids=list(TABLES))
def test_the_guide_says_which_keys_are_required(heading: str) -> None:
    rows = documented(heading)
    for key in TABLES[heading]:
        if key.name in rows and rows[key.name] in ("required", "optional"):
            assert (rows[key.name] == "required") == key.required, key.name
