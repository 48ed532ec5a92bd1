"""PO and POT files byte for byte as GNU gettext's own tools write them.

polib holds a catalog (it keeps every header field a translator's tool wrote, the previous
English of a fuzzy entry and obsolete entries); `render` serialises it unwrapped and lets GNU
`msgcat` lay it out. msgcat, msgmerge and Poedit share gettext's writer, so a translator's
`msgmerge --update --previous` or a save in Poedit rewraps nothing, and the file is valid
whatever the text (long, multi-line, quotes, backslashes, right-to-left, emoji).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib

from noticegen.errors import Problem, UserError
from noticegen.i18n import screening
from noticegen.model import Loc

WIDTH = 79  # gettext's default page width: what msgmerge, msgcat and Poedit write
_GETTEXT_MISSING = (
    "GNU gettext is not installed (msgcat, msgfmt): install the 'gettext' package to write "
    "translation catalogs"
)


def new(header_comment: str, metadata: dict[str, str]) -> polib.POFile:
    """An empty catalog with this header."""
    catalog = polib.POFile(wrapwidth=0, check_for_duplicates=False)
    catalog.header = header_comment
    catalog.metadata = dict(metadata)
    return catalog


def read(path: Path, shown: str) -> polib.POFile:
    """Parse a PO/POT file; a broken one is a user error naming its line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError.at(
            shown, "this catalog does not exist: run 'noticegen i18n init LANG' first"
        ) from None
    text = screening.screened(shown, data)
    try:
        catalog = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise UserError(
            Problem(
                Loc(shown, int(match.group(1)) if match else 0),
                "error",
                f"this PO file cannot be read ({exc}): fix it in Poedit or restore it from version control",
            )
        ) from None
    catalog.wrapwidth = 0
    screening.check_plural_forms(shown, text, catalog.metadata.get("Plural-Forms"))
    return catalog


def msgid_lines(path: Path) -> list[int]:
    """The line of each live entry's `msgid`, header first, in file order (as polib lists them)."""
    lines = path.read_bytes().splitlines()
    return [number for number, line in enumerate(lines, 1) if line.startswith(b"msgid ")]


def render(catalog: polib.POFile) -> bytes:
    """The catalog as gettext writes it (its wrapping at 79 columns and its layout)."""
    catalog.wrapwidth = 0
    text = str(catalog).rstrip("\n") + "\n"
    msgcat = shutil.which("msgcat")
    if not msgcat:
        raise UserError(_GETTEXT_MISSING)
    result = subprocess.run(
        [msgcat, f"--width={WIDTH}", "--force-po", "-o", "-", "-"],
        input=text.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if result.returncode:  # our own serialisation was refused: a bug, not a user error
        raise RuntimeError(f"msgcat refused a generated catalog: {result.stderr.decode(errors='replace')}")
    return result.stdout


def write_if_changed(path: Path, data: bytes, *, ignore: tuple[str, ...] = ()) -> bool:
    """Write unless the file is the same apart from the header fields named in `ignore`."""
    if path.exists() and _without(path.read_bytes(), ignore) == _without(data, ignore):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _without(data: bytes, fields: tuple[str, ...]) -> bytes:
    for name in fields:
        data = re.sub(rb'^"' + re.escape(name.encode()) + rb": .*\\n\"\n", b"", data, flags=re.M)
    return data
