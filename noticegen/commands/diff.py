"""`noticegen diff`: what changed between two versions of a notice, in words.

The exit code is 0 whether or not anything changed: the diff is information, not a check
(`noticegen check` finds problems). Bad input (unknown notice or version, no release to compare
with, source errors when comparing with the working copy) exits with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _version(value: str) -> str:
    from noticegen.releases import WORKING
    from noticegen.source import VERSION

    if value != WORKING and not VERSION.match(value):
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a version: give a release such as 1.0, or 'working'"
        )
    return value


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    d = commands.add_parser(
        "diff",
        parents=[common],
        help="show what changed between two versions of a notice",
        description="Show what changed between two releases of a notice, or between a release and the "
        "working copy (the sources as they are now): sections, paragraphs, list items, facts "
        "and contacts, matched by their ids.",
        epilog="Exit code 0 whether or not anything changed; 2 for bad input.",
    )
    d.add_argument("notice", metavar="NOTICE-ID", help="the notice, e.g. supporting-families")
    d.add_argument(
        "--from",
        dest="from_version",
        type=_version,
        metavar="V",
        help="a release (default: the latest release)",
    )
    d.add_argument(
        "--to",
        dest="to_version",
        type=_version,
        metavar="V",
        default="working",
        help="a release, or 'working' for the current sources (default)",
    )
    d.add_argument(
        "--format",
        choices=["text", "markdown", "html", "json", "docx"],
        default="text",
        help="how to show it (default: text); docx: the newer version as a Word file with tracked "
        "changes, for sign-off (needs --output)",
    )
    d.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal (docx: required)")
    d.add_argument(
        "--approved-by",
        metavar="'NAME, ROLE'",
        help="docx: the author of the tracked changes (default: the newer release's approver)",
    )
    d.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from noticegen.builders.redline import sign_off
    from noticegen.changes import diff_versions
    from noticegen.changes.render import render
    from noticegen.errors import UserError
    from noticegen.releases import WORKING, list_releases, load_version

    from_version = args.from_version
    if from_version is None:
        releases = list_releases(args.root, args.notice)
        if not releases:
            load_version(args.root, args.notice, WORKING)  # an unknown notice is said as such
            raise UserError(
                f"there are no releases of {args.notice} to compare with yet: release it first with "
                f'`noticegen release {args.notice} --major --summary "…"`, or give --from'
            )
        from_version = releases[-1].version
    if args.format == "docx":
        if not args.output:
            raise UserError("--format docx writes a Word file: say where with --output FILE.docx")
        data = sign_off(args.root, args.notice, from_version, args.to_version, args.approved_by)
        write_output(Path(args.output), data)
        print(f"wrote {args.output}: version {args.to_version} with tracked changes from {from_version}")
        return 0
    changes = diff_versions(args.root, args.notice, from_version, args.to_version)
    text = render(changes, args.format)
    if args.output:
        write_output(Path(args.output), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def write_output(path: Path, data: bytes) -> None:
    """Write atomically (a temporary file beside it, then a rename); a bad path is a user error."""
    from noticegen.errors import UserError

    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
