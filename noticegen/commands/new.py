"""`noticegen new`: start a new notice with every required item as a placeholder to write.

Exit code 0 when the file is written; 2 for a bad or taken id, or a title that cannot be used.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    n = commands.add_parser(
        "new",
        parents=[common],
        help="start a new notice, with placeholders for everything the law requires",
        description="Write notice_src/NOTICE-ID.yaml: a new notice that uses the site's shared blocks "
        "and has a clearly marked placeholder for each item the law requires. "
        "'noticegen check NOTICE-ID' then lists what is left to write.",
        epilog="Exit code 0 when the file is written; 2 for a bad or taken id.",
    )
    n.add_argument(
        "notice_id",
        metavar="NOTICE-ID",
        help="the new notice's id, also its file name and web address: lower-case letters, "
        "digits and hyphens, such as blue-badge",
    )
    n.add_argument(
        "--title", required=True, help='the notice\'s title, such as "Privacy notice – Blue Badges"'
    )
    n.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from noticegen.scaffold import create

    path, placeholders = create(args.root, args.notice_id, args.title)
    shown = os.path.relpath(path, Path.cwd())
    if shown.startswith(".."):
        shown = str(path)
    print(f"wrote {shown}: a new notice with {placeholders} placeholders to write")
    print(
        f"next: open it in your editor; 'noticegen check {args.notice_id}' lists what is left to write, "
        "and 'noticegen serve' shows the page as you edit"
    )
    return 0
