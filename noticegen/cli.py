"""The command line: the only place where problems become messages and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .builders import FORMATS
from .errors import UserError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _formats(value: str) -> list[str]:
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    for name in chosen:
        if name not in FORMATS:
            raise argparse.ArgumentTypeError(f"unknown format '{name}': choose from {', '.join(FORMATS)}")
    return chosen


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS lets these be given before or after the command without one hiding the other.
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show a Python traceback on errors (for developers)")
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                        help="the project folder (default: the current folder)")
    top = _Parser(prog="noticegen", description="Build a council's privacy notices from their YAML sources.",
                  parents=[common])
    top.add_argument("--version", action="version", version=f"noticegen {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    b = commands.add_parser("build", parents=[common], help="build every notice into dist/",
                            description="Validate the sources and build every notice, language and format "
                                        "into dist/ (or --out). dist/ is replaced only when the whole build worked.")
    b.add_argument("--notice", action="append", default=[], metavar="ID", help="build only this notice (repeatable)")
    b.add_argument("--lang", action="append", default=[], metavar="L", help="build only this language (repeatable)")
    b.add_argument("--format", action="append", type=_formats, default=[], metavar="F[,F]",
                   help=f"build only these formats: {', '.join(FORMATS)} (default: all)")
    b.add_argument("--out", type=Path, metavar="DIR", help="write here instead of dist/")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--publish", action="store_true", help="make the site to upload (implies --strict)")
    b.set_defaults(run=_build)
    return top


def _build(args: argparse.Namespace) -> int:
    from .pipeline import BuildOptions, build
    from .progress import Progress

    formats = tuple(f for group in args.format for f in group) or FORMATS
    options = BuildOptions(
        root=args.root.resolve(), notices=tuple(args.notice), langs=tuple(args.lang),
        formats=tuple(dict.fromkeys(formats)), out=args.out.resolve() if args.out else None,
        strict=args.strict, publish=args.publish,
    )
    with Progress() as progress:
        result = build(options, progress.step)
    for problem in result.report.problems:
        print(problem, file=sys.stderr)
    out = os.path.relpath(result.out, Path.cwd())
    print(f"built {result.files} files into {out}/ ({result.summary.written} written, "
          f"{result.summary.unchanged} unchanged) in {result.seconds:.1f} s")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "command", None):
        parser().print_help(sys.stderr)
        return EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    args.root = getattr(args, "root", Path("."))
    args.debug = getattr(args, "debug", False)
    try:
        return run(args)
    except UserError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("noticegen: stopped; dist/ was left as it was", file=sys.stderr)
        return 130
    except Exception:
        if args.debug:
            traceback.print_exc()
        else:
            print("noticegen: error: something went wrong inside noticegen (not in your files); "
                  "run again with --debug and send the output to the developers", file=sys.stderr)
        return 3
