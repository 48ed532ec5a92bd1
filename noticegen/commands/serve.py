"""`noticegen serve`: a live preview that rebuilds and reloads as the sources are edited.

Nothing is written to dist/: the preview is built into a temporary folder, removed on Ctrl-C.
Exit code 0 after Ctrl-C; 2 for bad usage (a port in use, an unknown language).
"""

from __future__ import annotations

import argparse

from noticegen.builders import FORMATS
from noticegen.commands.build import _formats


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a port: give a number from 1 to 65535, or 0 for any free port"
        )
    return int(value)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    s = commands.add_parser(
        "serve",
        parents=[common],
        help="preview the notices in a web browser as you edit them",
        description="Build a preview of the notices into a temporary folder (never dist/) and show "
        "it at http://127.0.0.1:PORT/. Each time a file in notice_src/, templates/ or locales/ is "
        "saved, the preview is rebuilt and the open page reloads by itself. If a file has a "
        "problem, the page lists it (file:line:column) until it is fixed. Ctrl-C stops it.",
        epilog="Exit code 0 when stopped with Ctrl-C; 2 for bad usage.",
    )
    s.add_argument(
        "--port",
        type=_port,
        default=8000,
        metavar="P",
        help="the port to serve on (default: 8000; 0 picks a free one and prints it)",
    )
    s.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="L",
        help="preview only this language (repeatable; default: every language of site.yaml)",
    )
    s.add_argument(
        "--format",
        action="append",
        type=_formats,
        default=[],
        metavar="F[,F]",
        help=f"also build these formats ({', '.join(f for f in FORMATS if f != 'html')}); "
        "the web pages are always built. Default: web pages only, the fastest",
    )
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from noticegen.errors import UserError
    from noticegen.pipeline.tasks import default_workers
    from noticegen.preview.session import serve
    from noticegen.source import load_project

    formats = tuple(dict.fromkeys(["html", *(f for group in args.format for f in group)]))
    langs = tuple(dict.fromkeys(args.lang))
    if langs:
        # An unknown language is a usage error; sources that cannot be read yet are shown
        # on the preview page instead, so the check is made only when they can.
        try:
            project, _ = load_project(args.root)
        except UserError:
            project = None
        if project is not None:
            known = [lang.code for lang in project.site.languages]
            for lang in langs:
                if lang not in known:
                    raise UserError(
                        f"the site has no language '{lang}': choose one of {', '.join(known)} "
                        "(languages are listed in notice_src/site.yaml)"
                    )
    return serve(
        args.root,
        port=args.port,
        langs=langs,
        formats=formats,
        workers=1 if formats == ("html",) else default_workers(),
        say=lambda line: print(line, flush=True),
    )
