"""`noticegen build`: validate the sources and build every notice into dist/."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

from noticegen import uptodate
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
    if args.publish and (args.notice or args.lang or args.format):
        raise UserError(
            "--publish makes the whole site to upload: it cannot be combined with --notice, "
            "--lang or --format (build without them)"
        )
    formats = tuple(dict.fromkeys(f for group in args.format for f in group)) or FORMATS
    root = args.root.resolve()
    out = args.out.resolve() if args.out else root / "dist"
    key = {
        "notices": list(args.notice),
        "langs": list(args.lang),
        "formats": list(formats),
        "strict": args.strict,
        "publish": args.publish,
    }
    started = time.perf_counter()
    today = dt.date.today()
    said = None if args.force else uptodate.fresh(root, out, uptodate.fingerprint(root, key, today))
    if said is not None:  # nothing changed: nothing is loaded, translated, checked or rendered
        counts = f"0 written, {said['files']} unchanged{_kept(said)}; 0 rendered"
        _say(said, out, counts, time.perf_counter() - started)
        return 0
    return _build(args, root, out, formats, today)


def _build(args: argparse.Namespace, root: Path, out: Path, formats: tuple[str, ...], today: dt.date) -> int:
    from noticegen.pipeline import BuildOptions, build
    from noticegen.pipeline.tasks import default_workers
    from noticegen.progress import Progress

    options = BuildOptions(
        root=root,
        notices=tuple(args.notice),
        langs=tuple(args.lang),
        formats=formats,
        out=out if args.out else None,
        strict=args.strict,
        publish=args.publish,
        force=args.force,
        workers=args.jobs if args.jobs and args.jobs > 0 else default_workers(),
    )
    with Progress() as progress:
        result = build(options, progress.step, today=today)
    problems = [str(p) for p in result.report.problems]
    said = {
        "files": result.files,
        "checks": result.checks.summary_line(),
        "problems": problems,
        "notes": list(result.notes),
        "kept": result.summary.kept,
    }
    counts = (
        f"{result.summary.written} written, {result.summary.unchanged} unchanged{_kept(said)}; "
        f"{result.rendered} rendered"
    )
    _say(said, result.out, counts, result.seconds)
    return 0


def _kept(said: dict) -> str:
    """A partial build's other files, carried over: built + kept = every file of the site."""
    return f"; {said['kept']} more kept from the last build" if said.get("kept") else ""


def _say(said: dict, out_path: Path, counts: str, seconds: float) -> None:
    for problem in said["problems"]:
        print(problem, file=sys.stderr)
    for note in said.get("notes", ()):
        print(note)
    out = os.path.relpath(out_path, Path.cwd())
    if out.startswith(".."):
        out = str(out_path)
    print(f"built {said['files']} files into {out}/ ({counts}) in {seconds:.1f} s")
    print(f"checks: {said['checks']} (run 'noticegen check' for details)")
