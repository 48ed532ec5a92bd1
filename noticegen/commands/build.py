"""`noticegen build`: validate the sources and build every notice into dist/."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from noticegen.builders import FORMATS
from noticegen.errors import UserError


def _formats(value: str) -> list[str]:
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    for name in chosen:
        if name not in FORMATS:
            raise argparse.ArgumentTypeError(f"unknown format '{name}': choose from {', '.join(FORMATS)}")
    return chosen


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    b = commands.add_parser(
        "build",
        parents=[common],
        help="build every notice into dist/",
        description="Validate the sources and build every notice, language and format "
        "into dist/ (or --out). dist/ is replaced only when the whole build worked.",
    )
    b.add_argument(
        "--notice", action="append", default=[], metavar="ID", help="build only this notice (repeatable)"
    )
    b.add_argument(
        "--lang", action="append", default=[], metavar="L", help="build only this language (repeatable)"
    )
    b.add_argument(
        "--format",
        action="append",
        type=_formats,
        default=[],
        metavar="F[,F]",
        help=f"build only these formats: {', '.join(FORMATS)} (default: all)",
    )
    b.add_argument("--out", type=Path, metavar="DIR", help="write here instead of dist/")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument(
        "--publish",
        action="store_true",
        help="make the whole site to upload: stops on check errors, values still to confirm and "
        "unreleased changes; leaves draft translations out",
    )
    b.add_argument("--force", action="store_true", help="render everything again, even what has not changed")
    b.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="render N files at once (default: the number of processor cores)",
    )
    b.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from noticegen.pipeline import BuildOptions, build
    from noticegen.pipeline.tasks import default_workers
    from noticegen.progress import Progress

    if args.publish and (args.notice or args.lang or args.format):
        raise UserError(
            "--publish makes the whole site to upload: it cannot be combined with --notice, "
            "--lang or --format (build without them)"
        )
    formats = tuple(f for group in args.format for f in group) or FORMATS
    options = BuildOptions(
        root=args.root.resolve(),
        notices=tuple(args.notice),
        langs=tuple(args.lang),
        formats=tuple(dict.fromkeys(formats)),
        out=args.out.resolve() if args.out else None,
        strict=args.strict,
        publish=args.publish,
        force=args.force,
        workers=args.jobs if args.jobs and args.jobs > 0 else default_workers(),
    )
    with Progress() as progress:
        result = build(options, progress.step)
    for problem in result.report.problems:
        print(problem, file=sys.stderr)
    out = os.path.relpath(result.out, Path.cwd())
    if out.startswith(".."):
        out = str(result.out)
    print(
        f"built {result.files} files into {out}/ ({result.summary.written} written, "
        f"{result.summary.unchanged} unchanged; {result.rendered} rendered) in {result.seconds:.1f} s"
    )
    print(f"checks: {result.checks.summary_line()} (run 'noticegen check' for details)")
    return 0
