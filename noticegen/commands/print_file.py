"""`noticegen print ID`: the file to print for a family (standard or large print, the leaflet
or the braille file), made first if need be, and sent to a printer if one is named.

Exit code 0 when the file is there (and was sent); 2 for an unknown notice, language or
printer, or a language without braille.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "print",
        parents=[common],
        help="the file to print for a family, or send it to a printer",
        description="Print the path of a notice's file to print, building it first if it is missing "
        "or out of date; with --printer, send it to that CUPS printer with the right settings "
        "(see docs/printing.md).",
        epilog="Exit code 0 when the file is there (and sent); 2 for an unknown notice, language or "
        "printer, or a language without braille.",
    )
    p.add_argument("notice_id", metavar="ID", help="the notice, such as supporting-families")
    p.add_argument("--lang", metavar="L", help="the language (default: the site's main language)")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument(
        "--large-print", dest="kind", action="store_const", const="large-print", help="18 point"
    )
    kind.add_argument(
        "--leaflet", dest="kind", action="store_const", const="leaflet", help="A5 booklet on A4, to fold"
    )
    kind.add_argument("--braille", dest="kind", action="store_const", const="braille", help="BRF, to emboss")
    p.add_argument(
        "--printer", metavar="NAME", help="send the file to this CUPS printer (as 'lpstat -p' lists)"
    )
    p.add_argument("--out", type=Path, metavar="DIR", help="the built site's folder (default: dist/)")
    p.set_defaults(run=run, kind="standard")


def run(args: argparse.Namespace) -> int:
    from noticegen.pipeline.printing import printable, send_to_printer

    out = args.out.resolve() if args.out else None
    path = printable(args.root, args.notice_id, args.lang, args.kind, out)
    if args.printer:
        answer = send_to_printer(path, args.printer, args.kind)
        print(f"sent {path} to {args.printer}" + (f": {answer}" if answer else ""))
    else:
        print(path)
    return 0
