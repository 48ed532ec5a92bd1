"""Open a Word file safely: what it is, and how big it would be once unpacked, before parsing it.

A .docx is a zip archive. Its table of contents says how big each part is unpacked, and Python's
zip reader never unpacks a part beyond that size (a part that lies fails its checksum), so the
sizes are checked first: a zip bomb (a small file that unpacks to gigabytes) is refused at once,
using almost no memory, before any XML is read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from noticegen.errors import UserError

OLE = b"\xd0\xcf\x11\xe0"
MAX_ENTRIES = 2000  # a long notice with images has well under a hundred parts
MAX_PART = 24 * 1024 * 1024  # unpacked bytes of one XML part (a 300-page document's is about 5 MB)
MAX_TOTAL = 200 * 1024 * 1024  # unpacked bytes of the whole package, images included
SAVE_AS = "open it in Word and use Save As > Word Document (.docx)"


def _check_sizes(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise UserError.at(
            path, f"this is not a Word document (.docx) that can be read ({detail}): {SAVE_AS}"
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise UserError.at(
            path, f"this Word file holds {len(entries)} parts (at most {MAX_ENTRIES} are read): {SAVE_AS}"
        )
    total = sum(e.file_size for e in entries)
    largest = max((e for e in entries if not _media(e.filename)), key=lambda e: e.file_size, default=None)
    reason = ""
    if total > MAX_TOTAL:
        reason = f"would unpack to {_mb(total)}"
    elif largest is not None and largest.file_size > MAX_PART:
        reason = f"holds a part ({largest.filename}) that would unpack to {_mb(largest.file_size)}"
    if reason:
        raise UserError.at(
            path,
            f"this Word file {reason}, more than any privacy notice needs (at most {_mb(MAX_TOTAL)} in "
            f"all, {_mb(MAX_PART)} of text): it was not read. Check where it came from, or {SAVE_AS}",
        )


def _media(name: str) -> bool:
    return name.lower().startswith(("word/media/", "word/embeddings/"))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def open_docx(path: Path):
    """The python-docx Document, or a UserError that says why the file cannot be read."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise UserError.at(path, "there is no such file: give the path of a Word document (.docx)")
    with path.open("rb") as handle:
        head = handle.read(4)
    if head == OLE:
        raise UserError.at(
            path,
            "this is an old Word 97-2003 (.doc) file or a password-protected document: open it in "
            "Word, remove any password and use Save As > Word Document (.docx), then import that",
        )
    _check_sizes(path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise UserError.at(
            path, f"this is not a Word document (.docx) that can be read ({detail}): {SAVE_AS}"
        ) from None
