"""`noticegen print`: the right file for a family, made if it is missing or out of date, and
sent to a CUPS printer with `lp` when a printer is named."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from noticegen.builders.braille_tables import TABLES, table_for
from noticegen.errors import UserError
from noticegen.languages import own_name
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project

LP_TIMEOUT = 60  # seconds: lp only hands the file to the print server


@dataclass(frozen=True)
class Kind:
    """A printed form of a notice: the format that makes it, its file name, how to print it."""

    fmt: str
    ending: str  # after the notice id
    lp_options: tuple[str, ...]


#: What each choice prints. PDFs at their real size on A4 (never shrunk to fit); the notice
#: single-sided, the leaflet on both sides flipped on the short edge, so that it folds into a
#: booklet; a braille file goes to the embosser unchanged.
KINDS = {
    "standard": Kind("pdf", ".pdf", ("media=A4", "print-scaling=none", "sides=one-sided")),
    "large-print": Kind("pdf", "-large-print.pdf", ("media=A4", "print-scaling=none", "sides=one-sided")),
    "leaflet": Kind(
        "leaflet", "-leaflet.pdf", ("media=A4", "print-scaling=none", "sides=two-sided-short-edge")
    ),
    "braille": Kind("braille", ".brf", ("raw",)),
}


def printable(root: Path, notice_id: str, lang: str | None, kind: str, out: Path | None = None) -> Path:
    """The file to print, built first when it is missing or its sources have changed."""
    project, report = load_project(root)
    lang = lang or project.site.default_language
    known = [x.code for x in project.site.languages]
    if lang not in known:
        raise UserError(f"the site has no language '{lang}': choose one of {', '.join(known)}")
    chosen = KINDS[kind]
    if kind == "braille" and table_for(lang) is None:
        made_for = ", ".join(own_name(code) for code in TABLES)
        raise UserError(
            f"there is no braille file in {own_name(lang)} ({lang}): liblouis has no braille table that "
            f"works for it, so braille is made only in {made_for}. Print the English braille file "
            f"('noticegen print {notice_id} --lang en --braille'), or pass the request to the contact "
            "on the notice's last page"
        )
    # The build renders only what changed since the last build into the same folder.
    result = build(
        BuildOptions(
            root=root, notices=(notice_id,), langs=(lang,), formats=(chosen.fmt,), out=out, workers=1
        ),
        loaded=(project, report),
    )
    path = result.out / notice_id / lang / f"{notice_id}{chosen.ending}"
    if not path.is_file():
        raise UserError.at(path, "the build did not make this file")
    return path


def send_to_printer(path: Path, printer: str, kind: str) -> str:
    """Hand the file to CUPS with `lp`; its answer (the request id)."""
    lp = shutil.which("lp")
    if not lp:
        raise UserError(
            f"cannot send to a printer: the 'lp' command (Debian package cups-client) is not "
            f"installed. Print this file yourself: {path}"
        )
    options = [arg for option in KINDS[kind].lp_options for arg in ("-o", option)]
    try:
        done = subprocess.run(
            [lp, "-d", printer, "-t", path.name, *options, "--", str(path)],
            capture_output=True,
            text=True,
            timeout=LP_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise UserError(f"the printer '{printer}' did not answer within {LP_TIMEOUT} s: try again") from exc
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip() or f"lp exited with code {done.returncode}"
        raise UserError(f"could not print on '{printer}': {reason} (see 'lpstat -p' for the printers)")
    return done.stdout.strip()
