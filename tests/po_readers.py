"""The tools translators use, reading our PO files: msgfmt, msgmerge, polib and translate-toolkit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
from translate.storage import pypo


def assert_readable(path: Path) -> polib.POFile:
    """msgfmt --check, polib and translate-toolkit's parser (pofilter's, Weblate's) all accept it."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"msgfmt rejects {path}: {result.stderr}"
    catalog = polib.pofile(str(path))
    store = pypo.pofile.parsefile(str(path))
    assert len([u for u in store.units if not u.isheader()]) == len(catalog), path
    return catalog


def translate_toolkit_rewrites(path: Path) -> bool:
    """Whether saving the file with translate-toolkit (as Weblate does) would change a byte."""
    return bytes(pypo.pofile.parsefile(str(path))) != path.read_bytes()


def msgmerge_changes(po: Path, pot: Path, scratch: Path) -> str:
    """What a translator's `msgmerge --update --previous` would change in the file (a diff)."""
    copy = scratch / f"msgmerge-{po.parent.parent.name}-{po.name}"
    shutil.copyfile(po, copy)
    subprocess.run(
        ["msgmerge", "--quiet", "--update", "--previous", "--backup=none", str(copy), str(pot)], check=True
    )
    result = subprocess.run(["diff", "-u", str(po), str(copy)], capture_output=True, text=True, check=False)
    return result.stdout
